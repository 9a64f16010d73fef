//! `srs review`: today's session, full-screen in a terminal, or as plain
//! text when standard input or output is not a terminal (one grade per
//! line), so it can be scripted.
//!
//! Every answer is committed to the collection (state and log row in one
//! transaction) before the next card is shown, so quitting, a crash or a
//! closed terminal never loses an answer already given.

use std::io::{BufRead, IsTerminal, Write};
use std::time::Instant;

use anyhow::{Context as _, Result};
use scheduler::{Day, Quality};

use super::{Context, limits};
use crate::cli::{GradeScale, LeechAction as CliLeechAction, ReviewArgs};
use crate::review::render::{self, Scale, line_text};
use crate::review::screen::{Action, Progress, Terminal};
use crate::review::session::{self, DEFAULT_REDRILL_GAP, UndoTarget};
use crate::review::{LeechAction, Session, SessionOptions};
use crate::store::{AnswerError, CardFilter, Limits, Store};

/// Cards loaded for a session without `--limit`: all of today's queue
/// (which the daily limits already bound).
const LOAD_ALL: usize = 1_000_000;
/// Extra cards loaded beyond `--limit`, to replace suspended and buried ones.
const LOAD_SPARE: usize = 50;

/// The collection, the session and the clock of one `srs review`.
struct Review {
    store: Store,
    session: Session,
    today: Day,
    limits: Limits,
    leech_lapses: u32,
    filter: CardFilter,
    started: Instant,
    start_ms: i64,
}

/// What an action did, in words for the learner.
struct Outcome {
    message: String,
}

impl Review {
    fn open(args: &ReviewArgs, ctx: &Context) -> Result<Review> {
        let store = ctx.open_store()?;
        let settings = store.settings()?;
        let today = ctx.today(&settings);
        let filter = args.filter.to_filter();
        super::known_deck(&store, &filter)?;
        // The store refuses new cards beyond the daily limit counted over
        // the whole collection; `--new N` lifts it by N for this session.
        let (new_done, _) = store.done_today(today, &CardFilter::default())?;
        let new_done = u32::try_from(new_done).unwrap_or(u32::MAX);
        let mut limits = limits(&settings);
        let new_cards = match args.new {
            Some(n) => n,
            None => limits.new_per_day.saturating_sub(new_done),
        };
        limits.new_per_day = new_done.saturating_add(new_cards);
        let load = args
            .limit
            .map_or(LOAD_ALL, |n| (n as usize).saturating_add(LOAD_SPARE));
        let cards = store.upcoming(today, limits, &filter, load)?;
        let options = SessionOptions {
            limit: args.limit,
            new_cards: Some(new_cards),
            leech_action: match args.leech_action {
                CliLeechAction::Tag => LeechAction::Tag,
                CliLeechAction::Suspend => LeechAction::Suspend,
            },
            redrill_gap: DEFAULT_REDRILL_GAP,
        };
        let start_ms = ctx.now_ms();
        Ok(Review {
            store,
            session: Session::new(cards, today, options, start_ms),
            today,
            limits,
            leech_lapses: settings.leech_lapses,
            filter,
            started: Instant::now(),
            start_ms,
        })
    }

    /// The time now in epoch milliseconds: the command's clock (`SRS_NOW`
    /// or the system's) plus the time the session has run.
    fn now_ms(&self) -> i64 {
        let elapsed = i64::try_from(self.started.elapsed().as_millis()).unwrap_or(i64::MAX);
        self.start_ms.saturating_add(elapsed)
    }

    fn progress(&self) -> Progress {
        Progress {
            done: self.session.answered(),
            expected_left: self.session.expected_left(),
            left: self.session.remaining(),
        }
    }

    /// Records a grade for the current card.
    fn grade(&mut self, quality: Quality) -> Result<Outcome> {
        let Some(card) = self.session.current() else {
            return Ok(Outcome {
                message: "No card to grade.".into(),
            });
        };
        let id = card.card.id.clone();
        let now_ms = self.now_ms();
        let recorded = match self.store.answer(
            &id,
            quality,
            self.today,
            now_ms,
            self.limits,
            self.leech_lapses,
        ) {
            Ok(recorded) => recorded,
            Err(AnswerError::Store(e)) => {
                return Err(e).with_context(|| format!("cannot record the answer to '{id}'"));
            }
            Err(refused) => {
                // Changed behind our back (another srs answered or
                // suspended it): drop it from this session.
                self.session.skip_current();
                return Ok(Outcome {
                    message: format!("Skipped: {refused}"),
                });
            }
        };
        let follow = self.session.record(&recorded, quality);
        let after = recorded.after;
        let mut message = format!("{} ({}):", render::quality_name(quality), quality.value());
        if after.redrill_pending(self.today) && !follow.suspend {
            message.push_str(" back again later today;");
        }
        match after.due {
            Some(due) => message.push_str(&format!(
                " next review {} ({})",
                render::short_interval(due.days_since(self.today)),
                crate::time::format_day(due)
            )),
            None => message.push_str(" not scheduled"),
        }
        if recorded.became_leech {
            message.push_str(&format!(
                ". '{id}' is now a leech (lapsed {} times)",
                after.lapses
            ));
            if follow.suspend {
                self.store
                    .set_suspended(&id, true)
                    .with_context(|| format!("cannot suspend leech '{id}'"))?;
                message.push_str(" and is suspended");
            }
        }
        message.push('.');
        Ok(Outcome { message })
    }

    fn undo(&mut self) -> Result<Outcome> {
        let message = match self.session.undo_target() {
            UndoTarget::Unsuspend(id) => {
                self.store.set_suspended(&id, false)?;
                self.session.undo_flag();
                format!("Undid: '{id}' is no longer suspended.")
            }
            UndoTarget::Unbury(id) => {
                self.store.bury(&id, self.today)?;
                self.session.undo_flag();
                format!("Undid: '{id}' is no longer buried.")
            }
            UndoTarget::Answer {
                review_id,
                suspended,
            } => match self.store.undo_review(review_id)? {
                Some(mut undone) => {
                    let id = undone.card.card.id.clone();
                    if suspended {
                        // The answer suspended it as a leech: that goes too.
                        self.store.set_suspended(&id, false)?;
                        undone.card.suspension = crate::store::Suspension::Active;
                    }
                    self.session.undo_answer(&undone);
                    format!("Undid grade {} of '{id}'.", undone.quality)
                }
                None => "Cannot undo: the card was answered again since (by another srs).".into(),
            },
            UndoTarget::Nothing => "Nothing to undo in this session.".into(),
        };
        Ok(Outcome { message })
    }

    fn suspend(&mut self) -> Result<Outcome> {
        let Some(id) = self.session.suspend_current() else {
            return Ok(Outcome {
                message: String::new(),
            });
        };
        self.store.set_suspended(&id, true)?;
        Ok(Outcome {
            message: format!("Suspended '{id}' (srs unsuspend {id} brings it back)."),
        })
    }

    fn bury(&mut self) -> Result<Outcome> {
        let Some(id) = self.session.bury_current() else {
            return Ok(Outcome {
                message: String::new(),
            });
        };
        self.store.bury(&id, self.today.plus(1))?;
        Ok(Outcome {
            message: format!("Buried '{id}' until tomorrow."),
        })
    }

    fn act(&mut self, action: Action) -> Result<Option<Outcome>> {
        Ok(Some(match action {
            Action::Grade(quality) => self.grade(quality)?,
            Action::Undo => self.undo()?,
            Action::Suspend => self.suspend()?,
            Action::Bury => self.bury()?,
            Action::Quit => return Ok(None),
        }))
    }

    fn summary_lines(&self) -> Result<Vec<String>> {
        let next_due = self.store.next_due_after(self.today, &self.filter)?;
        let streak = self.store.study_streak(self.today)?;
        let summary = self.session.summary(self.now_ms(), next_due, streak);
        Ok(session::summary_lines(&summary, self.today))
    }
}

pub fn run(args: &ReviewArgs, ctx: &Context, out: &mut dyn Write) -> Result<()> {
    let mut review = Review::open(args, ctx)?;
    let scale = match args.grades {
        GradeScale::Four => Scale::Four,
        GradeScale::Sm2 => Scale::Sm2,
    };
    let interactive = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
    if !interactive {
        return plain(&mut review, out);
    }
    if review.session.current().is_none() {
        writeln!(out, "Nothing to study today.")?;
        for line in review.summary_lines()? {
            writeln!(out, "{}", crate::term::clean_line(&line))?;
        }
        return Ok(());
    }
    let lines = {
        let mut terminal =
            Terminal::enter(!ctx.env.no_color).context("cannot set up the terminal")?;
        full_screen(&mut review, &mut terminal, scale)?
        // The terminal is restored here, and on every early return above.
    };
    for line in lines {
        writeln!(out, "{}", crate::term::clean_line(&line))?;
    }
    Ok(())
}

fn full_screen(review: &mut Review, terminal: &mut Terminal, scale: Scale) -> Result<Vec<String>> {
    let mut notice: Option<String> = None;
    loop {
        while let Some(card) = review.session.current() {
            let preview = scheduler::preview(&card.state, review.today);
            let labels = render::grade_labels(scale, &preview, review.today);
            let action = terminal
                .ask(card, &labels, scale, review.progress(), notice.as_deref())
                .context("cannot read the keyboard")?;
            match review.act(action)? {
                Some(outcome) => notice = Some(outcome.message),
                None => return review.summary_lines(),
            }
        }
        let lines = review.summary_lines()?;
        match terminal
            .finish(&lines)
            .context("cannot read the keyboard")?
        {
            Action::Undo => notice = review.undo().map(|o| Some(o.message))?,
            _ => return Ok(lines),
        }
    }
}

/// What a line of piped input asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PlainInput {
    Reveal,
    Act(Action),
}

/// The longest command line kept; the rest of a longer line is read and
/// dropped (a grade is a few bytes; nothing sane is longer).
const LINE_CAP: usize = 256;

/// Reads one line of input into `line`, at most [`LINE_CAP`] bytes of it,
/// decoding bytes that are not UTF-8 as `�` rather than failing. False at
/// the end of input.
fn read_command(input: &mut dyn BufRead, line: &mut String) -> std::io::Result<bool> {
    line.clear();
    let mut kept: Vec<u8> = Vec::new();
    let mut any = false;
    loop {
        let buf = input.fill_buf()?;
        if buf.is_empty() {
            break;
        }
        any = true;
        let (chunk, done) = match buf.iter().position(|&b| b == b'\n') {
            Some(at) => (&buf[..=at], true),
            None => (buf, false),
        };
        let room = LINE_CAP.saturating_sub(kept.len());
        kept.extend_from_slice(&chunk[..chunk.len().min(room)]);
        let used = chunk.len();
        input.consume(used);
        if done {
            break;
        }
    }
    line.push_str(&String::from_utf8_lossy(&kept));
    Ok(any)
}

fn parse_line(line: &str) -> Result<PlainInput, String> {
    let word = line.trim();
    Ok(match word.to_ascii_lowercase().as_str() {
        "" => PlainInput::Reveal,
        "u" | "undo" => PlainInput::Act(Action::Undo),
        "s" | "suspend" => PlainInput::Act(Action::Suspend),
        "b" | "bury" => PlainInput::Act(Action::Bury),
        "q" | "quit" => PlainInput::Act(Action::Quit),
        _ => match word.parse::<Quality>() {
            Ok(quality) => PlainInput::Act(Action::Grade(quality)),
            Err(_) => {
                let shown: String = word.chars().take(40).collect();
                let more = if shown.len() < word.len() { "…" } else { "" };
                return Err(format!(
                    "'{shown}{more}' is not a grade: use 0-5, again, hard, good, easy, or u (undo), s (suspend), b (bury), q (quit)"
                ));
            }
        },
    })
}

fn print_card(review: &Review, out: &mut dyn Write) -> Result<bool> {
    let Some(card) = review.session.current() else {
        return Ok(false);
    };
    let p = review.progress();
    writeln!(
        out,
        "\n[{}/{}] {} · due {}, new {}, re-drills {}",
        p.done + 1,
        p.done as usize + p.expected_left,
        crate::term::clean_line(&render::header(card)),
        p.left.due,
        p.left.new,
        p.left.redrills
    )?;
    writeln!(out, "Q: {}", line_text(&render::question(card)))?;
    for option in render::options(card, &[], false) {
        writeln!(out, "  {}", line_text(&option).trim_start())?;
    }
    out.flush()?;
    Ok(true)
}

fn print_back(review: &Review, out: &mut dyn Write) -> Result<()> {
    if let Some(card) = review.session.current() {
        writeln!(out, "A: {}", line_text(&render::answer(card)))?;
        if render::is_choice(card) {
            for option in render::options(card, &[], true) {
                writeln!(out, "  {}", line_text(&option))?;
            }
        }
        let preview = scheduler::preview(&card.state, review.today);
        let labels: Vec<String> = render::grade_labels(Scale::Sm2, &preview, review.today)
            .into_iter()
            .map(|(key, label)| format!("{key} {label}"))
            .collect();
        writeln!(out, "   {}", labels.join(" | "))?;
        out.flush()?;
    }
    Ok(())
}

/// The piped session: each card as plain text, one command per line.
fn plain(review: &mut Review, out: &mut dyn Write) -> Result<()> {
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    if review.session.current().is_none() {
        writeln!(out, "Nothing to study today.")?;
    } else {
        writeln!(
            out,
            "Grades: 0-5 or again, hard, good, easy; an empty line shows the answer; u undo, s suspend, b bury, q quit."
        )?;
    }
    let mut shown = print_card(review, out)?;
    let mut revealed = false;
    let mut line = String::new();
    while shown {
        if !read_command(&mut input, &mut line)
            .context("cannot read the grades from standard input")?
        {
            break;
        }
        let action = match parse_line(&line) {
            Ok(PlainInput::Reveal) => {
                if !revealed {
                    print_back(review, out)?;
                    revealed = true;
                }
                continue;
            }
            Ok(PlainInput::Act(action)) => action,
            Err(message) => {
                writeln!(out, "? {}", crate::term::clean_line(&message))?;
                continue;
            }
        };
        if let Action::Grade(_) = action
            && !revealed
        {
            print_back(review, out)?;
        }
        match review.act(action)? {
            None => break,
            Some(outcome) => {
                if !outcome.message.is_empty() {
                    writeln!(out, "{}", crate::term::clean_line(&outcome.message))?;
                }
            }
        }
        revealed = false;
        shown = print_card(review, out)?;
    }
    writeln!(out)?;
    for line in review.summary_lines()? {
        writeln!(out, "{}", crate::term::clean_line(&line))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_lines_parse() {
        assert_eq!(parse_line("\n"), Ok(PlainInput::Reveal));
        assert_eq!(parse_line(" u "), Ok(PlainInput::Act(Action::Undo)));
        assert_eq!(parse_line("Q"), Ok(PlainInput::Act(Action::Quit)));
        assert_eq!(
            parse_line("good"),
            Ok(PlainInput::Act(Action::Grade(Quality::GOOD)))
        );
        assert_eq!(
            parse_line("0"),
            Ok(PlainInput::Act(Action::Grade(Quality::new(0).unwrap())))
        );
        assert!(parse_line("7").unwrap_err().contains("not a grade"));
        let long = parse_line(&"x".repeat(10_000)).unwrap_err();
        assert!(long.len() < 200, "{long}");
    }

    #[test]
    fn command_lines_are_bounded_and_decoded_lossily() {
        let mut input: &[u8] = b"go\xffod\ngood\n";
        let mut line = String::new();
        assert!(read_command(&mut input, &mut line).unwrap());
        assert_eq!(line, "go\u{fffd}od\n");
        assert!(read_command(&mut input, &mut line).unwrap());
        assert_eq!(line, "good\n");
        assert!(!read_command(&mut input, &mut line).unwrap());

        let long = [vec![b'a'; 100_000], b"\nq\n".to_vec()].concat();
        let mut input = std::io::BufReader::with_capacity(1024, long.as_slice());
        assert!(read_command(&mut input, &mut line).unwrap());
        assert_eq!(line.len(), LINE_CAP);
        assert!(read_command(&mut input, &mut line).unwrap());
        assert_eq!(line, "q\n");
    }
}

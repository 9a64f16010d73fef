//! The full-screen review in the terminal (crossterm): the alternate
//! screen in raw mode, restored on every way out (normal return, error,
//! Ctrl-C, and a panic through a panic hook); a card laid out to the
//! terminal's size, redrawn when it is resized; keys read one at a time.
//!
//! Laying out ([`compose`]) is pure and unit-tested; [`Terminal`] only
//! draws what it returns and reads keys.

use std::io::{self, Write};
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use crossterm::style::{Attribute, Color, Print, ResetColor, SetAttribute, SetForegroundColor};
use crossterm::{cursor, queue, terminal};
use scheduler::Quality;

use super::render::{self, Line, Scale, Span, Tone, line_text};
use super::session::Remaining;
use crate::store::StoredCard;

/// The smallest terminal the review is laid out for.
pub const MIN_WIDTH: u16 = 20;
/// The smallest terminal height the review is laid out for.
pub const MIN_HEIGHT: u16 = 5;

/// What the learner asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Grade the card.
    Grade(Quality),
    /// Undo the last answer (or suspension, or burial).
    Undo,
    /// Suspend the card.
    Suspend,
    /// Bury the card until tomorrow.
    Bury,
    /// End the session.
    Quit,
}

/// The progress line's numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    /// Answers given in this session.
    pub done: u32,
    /// Answers the session still expects (within `--limit`).
    pub expected_left: usize,
    /// What is queued, by kind.
    pub left: Remaining,
}

/// Everything the card screen shows.
#[derive(Debug, Clone)]
pub struct CardView<'a> {
    /// The card.
    pub card: &'a StoredCard,
    /// Whether the answer is shown.
    pub revealed: bool,
    /// The options picked so far (0-based).
    pub picked: &'a [usize],
    /// The grade keys with their labels ("good · 6d").
    pub labels: &'a [(char, String)],
    /// The progress line.
    pub progress: Progress,
    /// A message about the last action.
    pub notice: Option<&'a str>,
}

/// The progress line: a bar of what is done and what is left.
pub fn progress_line(progress: Progress, width: usize) -> Line {
    let total = progress.done as usize + progress.expected_left;
    let counts = format!(
        " {}/{} · due {} · new {} · re-drill {}",
        progress.done, total, progress.left.due, progress.left.new, progress.left.redrills
    );
    bar_line(progress.done as usize, total, counts, width)
}

/// A bar of `done` out of `total` (up to 30 columns, left out when fewer
/// than 5 fit) followed by `label`, cut to `width` columns.
pub fn bar_line(done: usize, total: usize, label: String, width: usize) -> Line {
    let bar_width = width.saturating_sub(render::width(&label) + 2).min(30);
    let mut line = Vec::new();
    if bar_width >= 5 {
        let filled = (done * bar_width).checked_div(total).unwrap_or(0);
        line.push(Span::plain("["));
        line.push(Span::new("#".repeat(filled), Tone::Strong));
        line.push(Span::new("-".repeat(bar_width - filled), Tone::Dim));
        line.push(Span::plain("]"));
    }
    line.push(Span::new(label, Tone::Dim));
    truncate(line, width)
}

/// Cuts a line to `width` columns, ending it with `…` when cut.
pub fn truncate(line: Line, width: usize) -> Line {
    let text = line_text(&line);
    if render::width(&text) <= width {
        return line;
    }
    let mut out = Vec::new();
    let mut used = 0;
    for span in line {
        let mut piece = String::new();
        for ch in span.text.chars() {
            let w = render::width(ch.encode_utf8(&mut [0; 4]));
            if used + w + 1 > width {
                break;
            }
            piece.push(ch);
            used += w;
        }
        let full = piece.len() == span.text.len();
        out.push(Span::new(piece, span.tone));
        if !full {
            break;
        }
    }
    out.push(Span::new("…", Tone::Dim));
    out
}

/// The grade (or reveal) keys, and the command keys, as wrapped lines.
fn footer(view: &CardView<'_>, width: usize, compact: bool) -> (Vec<Line>, Vec<Line>) {
    let commands = if compact {
        "u undo · s susp · b bury · q quit"
    } else {
        "u undo · s suspend · b bury until tomorrow · q quit"
    };
    let keys = if view.revealed {
        let keys: Vec<String> = view
            .labels
            .iter()
            .map(|(key, label)| {
                let text = if compact {
                    format!("{key} {}", label.split(" · ").next().unwrap_or(label))
                } else {
                    format!("{key} {label}")
                };
                text.replace(' ', &render::NBSP.to_string())
            })
            .collect();
        render::wrap(&[Span::new(keys.join(" | "), Tone::Strong)], width)
    } else {
        let mut text = String::from("Space/Enter show answer");
        if render::is_choice(view.card) {
            text.push_str(&format!(
                " · 1-{} pick",
                view.card.card.options.len().min(9)
            ));
        }
        render::wrap(&[Span::new(text, Tone::Strong)], width)
    };
    (keys, render::wrap(&[Span::new(commands, Tone::Dim)], width))
}

fn body(view: &CardView<'_>, width: usize) -> Vec<Line> {
    card_lines(view.card, view.picked, view.revealed, width)
}

/// A card's question, its options with `picked` marked, and once
/// `revealed` a rule, the verdict on the choice and the answer, wrapped to
/// `width`.
pub fn card_lines(card: &StoredCard, picked: &[usize], revealed: bool, width: usize) -> Vec<Line> {
    let mut lines = render::wrap(&render::question(card), width);
    if render::is_choice(card) {
        lines.push(Vec::new());
        for option in render::options(card, picked, revealed) {
            lines.extend(render::wrap(&option, width));
        }
    }
    if revealed {
        lines.push(vec![Span::new("─".repeat(width.min(40)), Tone::Dim)]);
        if let Some(verdict) = render::choice_verdict(card, picked) {
            lines.extend(render::wrap(&[verdict], width));
        }
        lines.extend(render::wrap(&render::answer(card), width));
    }
    lines
}

/// Lays out the card screen in exactly `height` lines of at most `width`
/// columns. Below [`MIN_WIDTH`]×[`MIN_HEIGHT`] it says the terminal is too
/// small. A card too long for the screen is cut with a note.
pub fn compose(view: &CardView<'_>, width: u16, height: u16) -> Vec<Line> {
    let (w, h) = (usize::from(width), usize::from(height));
    if width < MIN_WIDTH || height < MIN_HEIGHT {
        return too_small(width, height);
    }
    let compact = h < 12 || w < 50;
    let mut top = vec![progress_line(view.progress, w)];
    if !compact {
        top.push(truncate(
            vec![Span::new(render::header(view.card), Tone::Dim)],
            w,
        ));
        top.push(Vec::new());
    }
    let (keys, commands) = footer(view, w, compact);
    let notice = view
        .notice
        .map(|n| truncate(vec![Span::new(n, Tone::Strong)], w));
    // Keep at least one line of the card: drop the command keys, then the
    // notice, then grade-key lines, as space requires.
    let fits = |n: usize| top.len() + n < h;
    let mut bottom: Vec<Line> = Vec::new();
    let with_all = keys.len() + commands.len() + usize::from(notice.is_some());
    if fits(with_all) {
        bottom.extend(notice);
        bottom.extend(keys);
        bottom.extend(commands);
    } else if fits(keys.len() + usize::from(notice.is_some())) {
        bottom.extend(notice);
        bottom.extend(keys);
    } else {
        bottom.extend(keys);
        while !fits(bottom.len()) && bottom.len() > 1 {
            bottom.pop();
        }
    }
    stack(top, body(view, w), bottom, view.revealed, w, h)
}

/// Stacks `top`, `middle` and `bottom` into exactly `h` lines of at most
/// `w` columns: blank lines pad the middle, and a middle too long for the
/// room left is cut with a note, keeping its end when `keep_end` (an
/// answer below a question already seen) and its start otherwise.
pub fn stack(
    top: Vec<Line>,
    mut middle: Vec<Line>,
    bottom: Vec<Line>,
    keep_end: bool,
    w: usize,
    h: usize,
) -> Vec<Line> {
    let room = h.saturating_sub(top.len() + bottom.len());
    if middle.len() > room {
        let note = truncate(
            vec![Span::new("… (enlarge the terminal to see more)", Tone::Dim)],
            w,
        );
        if keep_end {
            // The question was seen before the reveal: keep the answer.
            let cut = middle.len() - room;
            middle.drain(..cut);
            if room > 1 {
                middle[0] = note;
            }
        } else {
            middle.truncate(room.saturating_sub(1));
            middle.push(note);
        }
    }
    let mut lines = top;
    lines.extend(middle);
    while lines.len() + bottom.len() < h {
        lines.push(Vec::new());
    }
    lines.extend(bottom);
    lines.truncate(h);
    lines
}

pub fn too_small(width: u16, height: u16) -> Vec<Line> {
    let text =
        format!("Terminal too small ({width}x{height}); need {MIN_WIDTH}x{MIN_HEIGHT}. q quits.");
    let mut lines = render::wrap(&[Span::plain(text)], usize::from(width.max(1)));
    lines.truncate(usize::from(height.max(1)));
    lines
}

/// Lays out a page of plain lines (the summary) with a prompt at the bottom.
pub fn compose_page(text: &[String], prompt: &str, width: u16, height: u16) -> Vec<Line> {
    let (w, h) = (usize::from(width.max(1)), usize::from(height.max(1)));
    let mut lines = Vec::new();
    for line in text {
        lines.extend(render::wrap(&[Span::plain(line.as_str())], w));
    }
    let bottom = render::wrap(&[Span::new(prompt, Tone::Dim)], w);
    let room = h.saturating_sub(bottom.len());
    lines.truncate(room);
    while lines.len() + bottom.len() < h {
        lines.push(Vec::new());
    }
    lines.extend(bottom);
    lines.truncate(h);
    lines
}

/// Whether the terminal is in our raw, alternate-screen mode.
static ACTIVE: AtomicBool = AtomicBool::new(false);
static HOOK: Once = Once::new();

/// Leaves the alternate screen and raw mode if we are in them. Safe to call
/// any number of times, from anywhere (the panic hook calls it).
pub fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        let mut out = io::stdout();
        let _ = queue!(
            out,
            ResetColor,
            SetAttribute(Attribute::Reset),
            cursor::Show,
            terminal::LeaveAlternateScreen
        );
        let _ = out.flush();
        let _ = terminal::disable_raw_mode();
    }
}

/// Installs (once) a panic hook that restores the terminal before the
/// panic message is printed, so it is readable and the shell usable.
fn install_panic_hook() {
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}

/// The terminal while the review owns it. Dropping it restores the
/// terminal; so does a panic.
pub struct Terminal {
    color: bool,
}

impl Terminal {
    /// Enters raw mode and the alternate screen. `color` false keeps to
    /// plain text attributes (`NO_COLOR`).
    pub fn enter(color: bool) -> io::Result<Terminal> {
        install_panic_hook();
        stop_flag();
        terminal::enable_raw_mode()?;
        ACTIVE.store(true, Ordering::SeqCst);
        let terminal = Terminal { color };
        let mut out = io::stdout();
        queue!(out, terminal::EnterAlternateScreen, cursor::Hide)?;
        out.flush()?;
        Ok(terminal)
    }

    /// The terminal's size (columns, rows).
    pub fn size(&self) -> (u16, u16) {
        terminal::size().unwrap_or((80, 24))
    }

    /// Draws `lines` over the whole screen.
    pub fn draw(&mut self, lines: &[Line]) -> io::Result<()> {
        let mut out = io::stdout().lock();
        queue!(
            out,
            terminal::BeginSynchronizedUpdate,
            terminal::Clear(terminal::ClearType::All)
        )?;
        for (row, line) in lines.iter().enumerate() {
            let row = u16::try_from(row).unwrap_or(u16::MAX);
            queue!(out, cursor::MoveTo(0, row))?;
            for span in line {
                self.styled(&mut out, span)?;
            }
        }
        queue!(out, terminal::EndSynchronizedUpdate)?;
        out.flush()
    }

    fn styled(&self, out: &mut impl Write, span: &Span) -> io::Result<()> {
        let color = match (self.color, span.tone) {
            (true, Tone::Dim) => Some(Color::DarkGrey),
            (true, Tone::Strong) => Some(Color::Yellow),
            (true, Tone::Right) => Some(Color::Green),
            (true, Tone::Wrong) => Some(Color::Red),
            _ => None,
        };
        let bold = matches!(span.tone, Tone::Strong | Tone::Right | Tone::Wrong);
        if let Some(color) = color {
            queue!(out, SetForegroundColor(color))?;
        }
        if bold {
            queue!(out, SetAttribute(Attribute::Bold))?;
        }
        // Spans are cleaned when made; this is the last guard.
        queue!(out, Print(crate::term::clean_line(&span.text)))?;
        if bold {
            queue!(out, SetAttribute(Attribute::Reset))?;
        }
        if color.is_some() {
            queue!(out, ResetColor)?;
        }
        Ok(())
    }

    /// Shows `card` until the learner asks for something: Space/Enter
    /// reveals, digits pick options (before the reveal) or grade (after it).
    pub fn ask(
        &mut self,
        card: &StoredCard,
        labels: &[(char, String)],
        scale: Scale,
        progress: Progress,
        notice: Option<&str>,
    ) -> io::Result<Action> {
        let mut revealed = false;
        let mut picked: Vec<usize> = Vec::new();
        loop {
            let (width, height) = self.size();
            let view = CardView {
                card,
                revealed,
                picked: &picked,
                labels,
                progress,
                notice: if revealed || !picked.is_empty() {
                    None
                } else {
                    notice
                },
            };
            self.draw(&compose(&view, width, height))?;
            let Some(key) = next_key()? else { continue };
            if let Some(action) = command(key) {
                return Ok(action);
            }
            match key.code {
                KeyCode::Char(' ') | KeyCode::Enter if !revealed => revealed = true,
                KeyCode::Char(c) if revealed => {
                    if let Some(quality) = scale.quality(c) {
                        return Ok(Action::Grade(quality));
                    }
                }
                KeyCode::Char(c) if render::is_choice(card) => {
                    if let Some(n) = c.to_digit(10).map(|d| d as usize)
                        && (1..=card.card.options.len()).contains(&n)
                    {
                        let i = n - 1;
                        if let Some(at) = picked.iter().position(|p| *p == i) {
                            picked.remove(at);
                        } else {
                            picked.push(i);
                        }
                    }
                }
                _ => {}
            }
        }
    }

    /// Shows the end-of-session page; returns `Undo` if the learner wants to
    /// take the last answer back, else `Quit`.
    pub fn finish(&mut self, text: &[String]) -> io::Result<Action> {
        loop {
            let (width, height) = self.size();
            self.draw(&compose_page(
                text,
                "u undo the last answer · any other key to leave",
                width,
                height,
            ))?;
            let Some(key) = next_key()? else { continue };
            return Ok(match key.code {
                KeyCode::Char('u') if key.modifiers.is_empty() => Action::Undo,
                _ => Action::Quit,
            });
        }
    }
}

impl Drop for Terminal {
    fn drop(&mut self) {
        restore();
    }
}

/// Set when SIGTERM or SIGHUP arrives during a session.
static STOP: std::sync::OnceLock<std::sync::Arc<std::sync::atomic::AtomicBool>> =
    std::sync::OnceLock::new();

/// Turns SIGTERM and SIGHUP (a closed terminal window, `kill`) into a
/// flag the key loop checks, so the session ends through the normal path
/// that restores the terminal instead of dying in raw mode.
fn stop_flag() -> &'static std::sync::Arc<std::sync::atomic::AtomicBool> {
    STOP.get_or_init(|| {
        let flag = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        crate::export::atomic::screen_handles_termination();
        for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
            let _ = signal_hook::flag::register(signal, std::sync::Arc::clone(&flag));
        }
        flag
    })
}

/// The next key press; `None` on a resize or any other event (the caller
/// redraws). A termination signal ends the wait with an error.
pub fn next_key() -> io::Result<Option<KeyEvent>> {
    let stop = stop_flag();
    loop {
        if stop.load(Ordering::SeqCst) {
            return Err(io::Error::new(
                io::ErrorKind::Interrupted,
                "the review was stopped by a signal; every answer given is saved",
            ));
        }
        if event::poll(std::time::Duration::from_millis(200))? {
            break;
        }
    }
    match event::read()? {
        Event::Key(key) if key.kind != KeyEventKind::Release => Ok(Some(key)),
        _ => Ok(None),
    }
}

/// The keys that mean the same before and after the reveal.
fn command(key: KeyEvent) -> Option<Action> {
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return match key.code {
            KeyCode::Char('c') | KeyCode::Char('d') => Some(Action::Quit),
            _ => None,
        };
    }
    match key.code {
        KeyCode::Char('q') | KeyCode::Esc => Some(Action::Quit),
        KeyCode::Char('u') => Some(Action::Undo),
        KeyCode::Char('s') => Some(Action::Suspend),
        KeyCode::Char('b') => Some(Action::Bury),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::{Card, CardKind};

    fn stored(card: Card) -> StoredCard {
        StoredCard::unreviewed(card, "Partnership".into())
    }

    fn labels() -> Vec<(char, String)> {
        vec![
            ('1', "again · 1d".into()),
            ('2', "hard · 1d".into()),
            ('3', "good · 1d".into()),
            ('4', "easy · 1d".into()),
        ]
    }

    fn view<'a>(
        card: &'a StoredCard,
        labels: &'a [(char, String)],
        revealed: bool,
    ) -> CardView<'a> {
        CardView {
            card,
            revealed,
            picked: &[],
            labels,
            progress: Progress {
                done: 2,
                expected_left: 8,
                left: Remaining {
                    due: 5,
                    new: 2,
                    redrills: 1,
                },
            },
            notice: None,
        }
    }

    fn text(lines: &[Line]) -> Vec<String> {
        lines.iter().map(|l| line_text(l)).collect()
    }

    #[test]
    fn full_layout_fits_and_labels_grades() {
        let card = stored(Card::new(
            "a",
            CardKind::Basic,
            "What does partnership working need?",
            "Shared goals",
        ));
        let labels = labels();
        for (w, h) in [(80, 24), (40, 10), (20, 5), (200, 60)] {
            for revealed in [false, true] {
                let lines = compose(&view(&card, &labels, revealed), w, h);
                assert_eq!(lines.len(), usize::from(h), "{w}x{h}");
                for line in &lines {
                    assert!(
                        render::width(&line_text(line)) <= usize::from(w),
                        "{w}x{h}: {line:?}"
                    );
                }
            }
        }
        let shown = text(&compose(&view(&card, &labels, true), 80, 24)).join("\n");
        assert!(shown.contains("Partnership"), "{shown}");
        assert!(shown.contains("What does partnership working need?"));
        assert!(shown.contains("Shared goals"));
        assert!(shown.contains("3\u{a0}good\u{a0}·\u{a0}1d"), "{shown}");
        assert!(
            shown.contains("2/10 · due 5 · new 2 · re-drill 1"),
            "{shown}"
        );
        let hidden = text(&compose(&view(&card, &labels, false), 80, 24)).join("\n");
        assert!(!hidden.contains("Shared goals"));
        assert!(hidden.contains("Space/Enter show answer"));
    }

    #[test]
    fn tiny_terminal_still_shows_the_card_or_says_too_small() {
        let card = stored(Card::new("a", CardKind::Basic, "Front text", "Back text"));
        let labels = labels();
        let lines = text(&compose(&view(&card, &labels, false), 20, 5));
        assert!(lines.iter().any(|l| l.contains("Front text")), "{lines:?}");
        let lines = text(&compose(&view(&card, &labels, true), 20, 5));
        assert!(
            lines.iter().any(|l| l.contains("1\u{a0}again")),
            "{lines:?}"
        );
        assert!(lines.iter().any(|l| l.contains("Back text")), "{lines:?}");
        let small = text(&compose(&view(&card, &labels, false), 19, 4)).join(" ");
        assert!(small.contains("too small"), "{small}");
    }

    #[test]
    fn long_cards_are_cut_with_a_note() {
        let card = stored(Card::new("a", CardKind::Basic, "word ".repeat(500), "b"));
        let labels = labels();
        let lines = text(&compose(&view(&card, &labels, false), 40, 10));
        assert_eq!(lines.len(), 10);
        assert!(lines.iter().any(|l| l.contains("enlarge")), "{lines:?}");
    }

    #[test]
    fn mcq_picks_and_reveal() {
        let mut card = Card::new("m", CardKind::Mcq, "Which is a duty?", "Safeguarding");
        card.options = vec!["Gossip".into(), "Safeguarding".into()];
        card.correct = vec![1];
        let card = stored(card);
        let labels = labels();
        let mut v = view(&card, &labels, false);
        let picked = [0];
        v.picked = &picked;
        let shown = text(&compose(&v, 80, 24)).join("\n");
        assert!(shown.contains("> 1. Gossip"), "{shown}");
        assert!(shown.contains("1-2 pick"));
        v.revealed = true;
        let shown = text(&compose(&v, 80, 24)).join("\n");
        assert!(shown.contains("✗ 1. Gossip"), "{shown}");
        assert!(shown.contains("✓ 2. Safeguarding"));
        assert!(shown.contains("Your choice is wrong."));
    }

    #[test]
    fn progress_bar_fills() {
        let p = Progress {
            done: 5,
            expected_left: 5,
            left: Remaining::default(),
        };
        let line = line_text(&progress_line(p, 80));
        assert!(
            line.starts_with("[###############---------------]"),
            "{line}"
        );
        let narrow = line_text(&progress_line(p, 20));
        assert!(render::width(&narrow) <= 20, "{narrow}");
    }

    #[test]
    fn keys_map_to_actions() {
        let key = |code, modifiers| KeyEvent::new(code, modifiers);
        assert_eq!(
            command(key(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Action::Quit)
        );
        assert_eq!(
            command(key(KeyCode::Char('u'), KeyModifiers::NONE)),
            Some(Action::Undo)
        );
        assert_eq!(
            command(key(KeyCode::Char('s'), KeyModifiers::NONE)),
            Some(Action::Suspend)
        );
        assert_eq!(
            command(key(KeyCode::Char('b'), KeyModifiers::NONE)),
            Some(Action::Bury)
        );
        assert_eq!(command(key(KeyCode::Char('3'), KeyModifiers::NONE)), None);
    }

    #[test]
    fn a_panic_restores_the_terminal() {
        install_panic_hook();
        // As if the review were on screen (no real terminal is touched:
        // restoring only writes the leave sequences and finds raw mode off).
        ACTIVE.store(true, Ordering::SeqCst);
        let result = std::panic::catch_unwind(|| panic!("boom in the middle of a session"));
        assert!(result.is_err());
        assert!(!ACTIVE.load(Ordering::SeqCst), "the hook did not restore");
        // Restoring again is harmless.
        restore();
    }

    #[test]
    fn summary_page_fits() {
        let text_lines = vec!["Reviewed 3 cards".to_string(); 10];
        let lines = compose_page(&text_lines, "press a key", 30, 5);
        assert_eq!(lines.len(), 5);
        assert_eq!(line_text(&lines[4]), "press a key");
    }
}

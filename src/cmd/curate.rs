//! `srs curate DECKFILE [--edits FILE] [--all | --stale] [--docs DIR]
//! [--summary]`: the tutor reads a compiled deck card by card and keeps,
//! drops, edits or adds cards. Full screen on a terminal (the review's
//! screen code: [`Terminal`], [`render`]); one command per line when piped.
//! Every decision is written to the edits file (atomically) as it is made.
//!
//! Also here: [`with_edits`], which `srs compile` calls to apply the edits
//! file to what it compiled.

use std::collections::HashMap;
use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context as _, Result, bail};
use crossterm::event::{KeyCode, KeyModifiers};

use super::Context;
use crate::cli::{CompileArgs, CurateArgs};
use crate::compile::Compiled;
use crate::curate::session::{Curation, Done, Key, Shown, Walk};
use crate::curate::{self, Decision, Edits, Tally, Text, template};
use crate::deck::{Card, Deck, Source};
use crate::review::render::{self, Line, Span, Tone, line_text};
use crate::review::screen::{self, MIN_HEIGHT, MIN_WIDTH, Terminal};
use crate::store::StoredCard;

/// Deck and document text as it may reach the terminal, through the one
/// sanitiser every command uses ([`crate::term::clean`]).
fn shown(text: &str) -> String {
    crate::term::clean(text).into_owned()
}

/// Reads a deck file, refusing anything that is not one (through the
/// reader `srs import` uses: a regular file under the size cap).
fn read_deck(path: &Path, cap_mb: u64) -> Result<Deck> {
    let text = super::input::read_text(path, cap_mb)?;
    let fallback = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Deck::from_json(&text, &fallback).with_context(|| {
        format!(
            "{} is not a deck file (give the JSON that `srs compile --out` writes)",
            path.display()
        )
    })
}

/// Reads the edits file of deck `deck` (a regular file under the size cap);
/// a missing one is no edits.
pub(crate) fn read_edits(path: &Path, deck: &str, cap_mb: u64) -> Result<Edits> {
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Edits::default()),
        _ => {}
    }
    let text = super::input::read_text(path, cap_mb).context("cannot read the edits file")?;
    curate::file::parse(&text, deck)
        .with_context(|| format!("the edits file {} is not valid", path.display()))
}

/// Saves the one entry `key` of `edits` into the edits file as it is on
/// disk now (another session, a `git pull` or the tutor's hand may have
/// changed it since it was read): the file is read again, only that entry
/// changes, comments and layout stay, and the file is written whole or not
/// at all, under a lock on its folder. So two sessions on one edits file
/// keep each other's decisions.
fn save(path: &Path, key: &Key, edits: &Edits, deck: &str, cap_mb: u64) -> Result<()> {
    // Sessions saving into one folder take turns: the lock on the folder
    // is held until the file is written (a folder that cannot be locked is
    // written without).
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let lock = std::fs::File::open(dir).ok();
    if let Some(lock) = &lock {
        let _ = rustix::fs::flock(lock, rustix::fs::FlockOperation::LockExclusive);
    }
    let text = match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        _ => super::input::read_text(path, cap_mb).context("cannot read the edits file")?,
    };
    let text = curate::file::update(&text, key, edits, deck).with_context(|| {
        format!(
            "the edits file {} is not valid; nothing was saved",
            path.display()
        )
    })?;
    crate::export::atomic::write(path, |file, scratch| {
        file.write_all(text.as_bytes()).map_err(|e| scratch.io(e))
    })
    .with_context(|| format!("cannot write the edits file {}", path.display()))
}

/// For `srs compile`: the edits file (`--edits`, else the one beside
/// `--out` when it exists) and what it holds, for the compiled deck
/// `deck`. A bad edits file is an error, so nothing is written.
pub fn edits_for(args: &CompileArgs, deck: &str) -> Result<Option<(PathBuf, Edits)>> {
    let path = match (&args.edits, &args.out) {
        (Some(path), _) => {
            if std::fs::symlink_metadata(path).is_err() {
                bail!("the edits file {} does not exist", path.display());
            }
            path.clone()
        }
        (None, Some(out)) => {
            let path = curate::edits_path(out);
            if std::fs::symlink_metadata(&path).is_err() {
                return Ok(None);
            }
            path
        }
        (None, None) => return Ok(None),
    };
    let edits = read_edits(&path, deck, args.max_size)?;
    Ok(Some((path, edits)))
}

/// For `srs compile`: applies the edits read by [`edits_for`] to the
/// compiled deck, reporting stale and orphaned entries and a count on
/// stderr.
pub fn with_edits(edits: Option<(PathBuf, Edits)>, mut compiled: Compiled) -> Result<Compiled> {
    let Some((path, edits)) = edits else {
        return Ok(compiled);
    };
    let (deck, report) = curate::apply(compiled.deck, &edits)
        .with_context(|| format!("the edits file {} is not valid", path.display()))?;
    for stale in &report.stale {
        eprintln!(
            "warning: stale {} of card '{}': its compiled text changed since it was decided (srs curate --stale)\n  was: Q: {} | A: {}\n  now: Q: {} | A: {}",
            stale.action,
            shown(stale.id.as_str()),
            shown(&stale.was.front),
            shown(&stale.was.back),
            shown(&stale.now.front),
            shown(&stale.now.back),
        );
    }
    // Compile never writes to the edits file: the tutor is told instead.
    for added in edits.added.iter().filter(|a| !a.named) {
        eprintln!(
            "warning: {}:{}: the [[add]] has no id, so its id follows its text: a change to its text makes it a new card and learners lose their progress on it; add the line id = \"{}\" to keep it",
            path.display(),
            added.line,
            shown(added.id.as_str())
        );
    }
    for orphan in &report.orphaned {
        eprintln!(
            "warning: orphaned {} of card '{}' ({}:{}): no such card is compiled any more",
            orphan.action,
            shown(orphan.id.as_str()),
            path.display(),
            orphan.line
        );
    }
    eprintln!("edits from {}: {}", path.display(), report.summary());
    compiled.deck = deck;
    Ok(compiled)
}

/// The study documents, looked up by file name: beside the deck file,
/// then anywhere under `--docs`.
struct Documents {
    beside: Option<PathBuf>,
    under: Option<PathBuf>,
    found: HashMap<String, Option<Vec<String>>>,
}

/// How deep under `--docs` documents are looked for.
const DOCS_DEPTH: usize = 8;

impl Documents {
    fn find_under(dir: &Path, name: &str, depth: usize) -> Option<PathBuf> {
        let candidate = dir.join(name);
        if candidate.is_file() {
            return Some(candidate);
        }
        if depth == 0 {
            return None;
        }
        let mut dirs: Vec<PathBuf> = std::fs::read_dir(dir)
            .ok()?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_dir())
            .collect();
        dirs.sort();
        dirs.iter()
            .find_map(|d| Documents::find_under(d, name, depth - 1))
    }

    /// The text of `source`'s line, when its document is at hand.
    fn line(&mut self, source: &Source) -> Option<String> {
        let name = Path::new(&source.file)
            .file_name()?
            .to_string_lossy()
            .into_owned();
        let lines = self.found.entry(name.clone()).or_insert_with(|| {
            let path = self
                .beside
                .as_deref()
                .map(|d| d.join(&name))
                .filter(|p| p.is_file())
                .or_else(|| {
                    self.under
                        .as_deref()
                        .and_then(|d| Documents::find_under(d, &name, DOCS_DEPTH))
                })?;
            let bytes = std::fs::read(path).ok()?;
            let text = String::from_utf8_lossy(&bytes);
            let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
            Some(text.lines().map(str::to_string).collect())
        });
        let index = usize::try_from(source.line).ok()?.checked_sub(1)?;
        lines.as_ref()?.get(index).map(|l| l.trim().to_string())
    }
}

/// A card made safe to print, in the shape the review's renderer takes.
fn display_card(card: &Card, deck: &str) -> StoredCard {
    let mut card = card.clone();
    card.front = shown(&card.front);
    card.back = shown(&card.back);
    card.cloze = card.cloze.as_deref().map(shown);
    card.options = card.options.iter().map(|o| shown(o)).collect();
    card.tags = card.tags.iter().map(|t| shown(t)).collect();
    StoredCard::unreviewed(card, shown(deck))
}

/// Everything one screen (or one printed card) shows.
struct Page {
    card: StoredCard,
    /// `notes.md:14 · id`.
    place: String,
    /// The document's line, where the document is at hand.
    document: Option<String>,
    /// `undecided`, `kept`, `edited · stale`…
    status: String,
    /// The compiled text, when the card shows the tutor's.
    compiled: Option<Text>,
    /// `37 of 120 undecided · card 4 of 83`.
    progress: String,
    /// Share of the deck decided, for the bar.
    decided: (usize, usize),
}

impl Page {
    fn new(shown_card: &Shown<'_>, deck: &Deck, tally: Tally, docs: &mut Documents) -> Page {
        let card = display_card(&shown_card.card, &deck.name);
        let mut place = match &shown_card.card.source {
            Some(source) => format!("{}:{}", shown(&source.file), source.line),
            None => "no source".to_string(),
        };
        place.push_str(&format!(" · {}", shown(shown_card.card.id.as_str())));
        let document = shown_card
            .card
            .source
            .as_ref()
            .and_then(|s| docs.line(s))
            .map(|l| shown(&l));
        let mut status = if shown_card.added {
            "your own card".to_string()
        } else {
            match shown_card.entry.map(|e| &e.decision) {
                None => "undecided".to_string(),
                Some(Decision::Keep) => "kept".to_string(),
                Some(Decision::Drop) => "dropped".to_string(),
                Some(Decision::Edit { .. }) => "edited".to_string(),
            }
        };
        if shown_card.stale {
            status.push_str(" · stale: the compiled text changed since");
        }
        let edited = !shown_card.added && Text::of(&shown_card.card) != shown_card.compiled;
        Page {
            card,
            place,
            document,
            status,
            compiled: edited.then(|| Text {
                front: shown(&shown_card.compiled.front),
                back: shown(&shown_card.compiled.back),
            }),
            progress: format!(
                "{} of {} undecided · card {} of {}",
                tally.cards - tally.decided,
                tally.cards,
                shown_card.place,
                shown_card.walk_len
            ),
            decided: (tally.decided, tally.cards),
        }
    }

    fn body(&self, width: usize) -> Vec<Line> {
        let mut lines = screen::card_lines(&self.card, &[], true, width);
        if let Some(compiled) = &self.compiled {
            lines.push(Vec::new());
            let was = format!("compiled: Q: {} | A: {}", compiled.front, compiled.back);
            lines.extend(render::wrap(&[Span::new(was, Tone::Dim)], width));
        }
        lines
    }
}

const KEYS: &str = "k keep · d drop · e edit · a add · s skip · u undo · q quit";

/// Lays out the curation screen in exactly `height` lines of at most
/// `width` columns; below the review's minimum it says the terminal is too
/// small, as the review does.
fn compose(page: &Page, notice: Option<&str>, width: u16, height: u16) -> Vec<Line> {
    if width < MIN_WIDTH || height < MIN_HEIGHT {
        return screen::too_small(width, height);
    }
    let (w, h) = (usize::from(width), usize::from(height));
    let compact = h < 12;
    let (done, total) = page.decided;
    let mut top = Vec::new();
    top.push(screen::bar_line(
        done,
        total,
        format!(" {}", page.progress),
        w,
    ));
    top.push(screen::truncate(
        vec![
            Span::new(page.status.as_str(), Tone::Strong),
            Span::new(format!(" · {}", page.place), Tone::Dim),
        ],
        w,
    ));
    if !compact {
        if let Some(line) = &page.document {
            top.push(screen::truncate(
                vec![Span::new(format!("│ {line}"), Tone::Dim)],
                w,
            ));
        }
        top.push(screen::truncate(
            vec![Span::new(render::header(&page.card), Tone::Dim)],
            w,
        ));
        top.push(Vec::new());
    }
    let mut bottom: Vec<Line> = Vec::new();
    if let Some(notice) = notice {
        bottom.push(screen::truncate(
            vec![Span::new(shown(notice), Tone::Strong)],
            w,
        ));
    }
    bottom.extend(render::wrap(&[Span::new(KEYS, Tone::Dim)], w));
    while top.len() + bottom.len() >= h && !bottom.is_empty() {
        bottom.remove(0);
    }
    screen::stack(top, page.body(w), bottom, false, w, h)
}

/// One session: the curation, where it is saved, the documents.
struct Session {
    curation: Curation,
    path: PathBuf,
    docs: Documents,
    editor: Option<String>,
    /// The size cap for reading the edits file again.
    max_mb: u64,
    /// Whether this session wrote the edits file.
    written: bool,
}

impl Session {
    fn page(&mut self) -> Option<Page> {
        let tally = self.curation.tally();
        let shown_card = self.curation.current()?;
        Some(Page::new(
            &shown_card,
            self.curation.deck(),
            tally,
            &mut self.docs,
        ))
    }

    /// Saves the edits and says what was done.
    fn saved(&mut self, done: Option<Done>) -> Result<String> {
        let Some(done) = done else {
            return Ok("Nothing to decide.".into());
        };
        if let Some(key) = self
            .curation
            .touched()
            .filter(|_| !matches!(done, Done::NothingToUndo))
        {
            save(
                &self.path,
                key,
                self.curation.edits(),
                &self.curation.deck().name,
                self.max_mb,
            )?;
            self.written = true;
        }
        Ok(match done {
            Done::Decided { id, action } | Done::Added { id, action } => {
                let verb = match action {
                    "keep" => "Kept",
                    "drop" => "Dropped",
                    _ => "Edited",
                };
                format!("{verb} '{id}'.")
            }
            Done::New(id) => format!("Added your card '{id}'."),
            Done::Undone(Some(id)) => format!("Undid the last change; back at '{id}'."),
            Done::Undone(None) => "Undid the last change.".into(),
            Done::NothingToUndo => "Nothing to undo.".into(),
        })
    }

    /// Why `decision` cannot be made on the card on screen: a new answer
    /// for a multiple-choice card, whose answer is its options.
    fn refusal(&self, decision: &Decision) -> Option<String> {
        let shown = self.curation.current()?;
        let choice =
            shown.card.kind == crate::deck::CardKind::Mcq || !shown.card.options.is_empty();
        match decision {
            Decision::Edit { back: Some(back), .. }
                if choice && !shown.added && *back != shown.compiled.back =>
            {
                Some(
                    "? This is a multiple-choice card: its answer is its options. Edit its front only, or change the options in the document; nothing changed."
                        .to_string(),
                )
            }
            _ => None,
        }
    }

    fn decide(&mut self, decision: Decision) -> Result<String> {
        if let Some(why) = self.refusal(&decision) {
            return Ok(why);
        }
        let done = self.curation.decide(decision);
        self.saved(done)
    }

    fn undo(&mut self) -> Result<String> {
        let done = self.curation.undo();
        self.saved(Some(done))
    }

    fn add(&mut self, text: Text) -> Result<String> {
        let done = self.curation.add(text);
        self.saved(Some(done))
    }

    fn summary(&self) -> Vec<String> {
        vec![
            self.curation.tally().line(),
            if self.written {
                format!("Edits saved in {}.", self.path.display())
            } else {
                format!("Nothing changed in {}.", self.path.display())
            },
        ]
    }

    /// Runs the editor on the card on screen (or an empty card to add).
    fn edit(&mut self, adding: bool) -> Result<String> {
        let (title, text) = match self.curation.current() {
            Some(s) if !adding => (
                format!("Editing card {}", shown(s.card.id.as_str())),
                Text::of(&s.card),
            ),
            Some(s) => (
                format!("A card of your own, after {}", shown(s.card.id.as_str())),
                Text {
                    front: String::new(),
                    back: String::new(),
                },
            ),
            None if adding => (
                "A card of your own".to_string(),
                Text {
                    front: String::new(),
                    back: String::new(),
                },
            ),
            None => return Ok("No card to edit.".into()),
        };
        let what = if adding {
            "nothing added"
        } else {
            "the card is left undecided"
        };
        match run_editor(self.editor.as_deref(), &title, &text) {
            Err(why) => Ok(format!("{why}; {what}.")),
            Ok(None) => Ok(format!("Cancelled: {what}.")),
            Ok(Some(new)) if adding => {
                let done = self.curation.add(new);
                self.saved(Some(done))
            }
            Ok(Some(new)) => self.decide(Decision::Edit {
                front: Some(new.front),
                back: Some(new.back),
            }),
        }
    }
}

/// A name for the temporary file the editor opens.
fn scratch_file() -> std::io::Result<(PathBuf, std::fs::File)> {
    let dir = std::env::temp_dir();
    let pid = std::process::id();
    for n in 0..1000 {
        let path = dir.join(format!("srs-curate-{pid}-{n}.txt"));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(file) => return Ok((path, file)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::other("no free temporary file name"))
}

/// Edits `text` in `$VISUAL`/`$EDITOR`. `Ok(None)`: cancelled (empty or
/// unchanged); `Err`: why nothing could be edited, in words.
fn run_editor(editor: Option<&str>, title: &str, text: &Text) -> Result<Option<Text>, String> {
    let Some(editor) = editor.map(str::trim).filter(|e| !e.is_empty()) else {
        return Err("Set $VISUAL or $EDITOR to edit cards".into());
    };
    let initial = template::write(title, text);
    let (path, mut file) =
        scratch_file().map_err(|e| format!("Cannot make a temporary file: {e}"))?;
    let result = (|| {
        file.write_all(initial.as_bytes())
            .and_then(|()| file.sync_all())
            .map_err(|e| format!("Cannot write {}: {e}", path.display()))?;
        drop(file);
        // Through the shell, as git does, so "code --wait" works.
        let status = Command::new("sh")
            .arg("-c")
            .arg(format!("{editor} \"$1\""))
            .arg("sh")
            .arg(&path)
            .status()
            .map_err(|e| format!("Cannot run the editor ({editor}): {e}"))?;
        if !status.success() {
            return Err(format!("The editor ({editor}) failed ({status})"));
        }
        let saved =
            std::fs::read(&path).map_err(|e| format!("Cannot read the edited card: {e}"))?;
        match template::read(&String::from_utf8_lossy(&saved))? {
            template::Saved::Empty => Ok(None),
            template::Saved::Card(new) if new == *text => Ok(None),
            template::Saved::Card(new) => Ok(Some(new)),
        }
    })();
    let _ = std::fs::remove_file(&path);
    result
}

pub fn run(args: &CurateArgs, ctx: &Context, out: &mut dyn Write) -> Result<()> {
    let deck = curate::with_dropped(read_deck(&args.deck_file, args.max_size)?);
    let path = args
        .edits
        .clone()
        .unwrap_or_else(|| curate::edits_path(&args.deck_file));
    let edits = read_edits(&path, &deck.name, args.max_size)?;
    if args.summary {
        writeln!(out, "{}", Tally::of(&deck, &edits).line())?;
        return Ok(());
    }
    let walk = if args.all {
        Walk::All
    } else if args.stale {
        Walk::Stale
    } else {
        Walk::Undecided
    };
    let beside = args
        .deck_file
        .parent()
        .map(|d| {
            if d.as_os_str().is_empty() {
                Path::new(".")
            } else {
                d
            }
        })
        .map(Path::to_path_buf);
    let mut session = Session {
        curation: Curation::new(deck, edits, walk),
        path,
        docs: Documents {
            beside,
            under: args.docs.clone(),
            found: HashMap::new(),
        },
        editor: ctx.env.editor.clone(),
        max_mb: args.max_size,
        written: false,
    };
    let interactive = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
    if !interactive {
        return piped(&mut session, walk, out);
    }
    if session.curation.walk_len() == 0 {
        writeln!(out, "{}", nothing_to_walk(walk))?;
    } else {
        full_screen(&mut session, !ctx.env.no_color)?;
    }
    for line in session.summary() {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

fn nothing_to_walk(walk: Walk) -> &'static str {
    match walk {
        Walk::Undecided => "Every card is decided (--all walks them all, --stale the stale ones).",
        Walk::Stale => "No decision is stale.",
        Walk::All => "The deck has no cards.",
    }
}

/// What the screen asks of the session between two terminal spells.
enum Request {
    Edit,
    Add,
    Quit,
}

fn full_screen(session: &mut Session, color: bool) -> Result<()> {
    let mut notice: Option<String> = None;
    loop {
        let request = {
            let mut terminal = Terminal::enter(color).context("cannot set up the terminal")?;
            screen_loop(session, &mut terminal, &mut notice)?
            // The terminal is restored here, before any editor runs.
        };
        notice = Some(match request {
            Request::Quit => return Ok(()),
            Request::Edit => session.edit(false)?,
            Request::Add => session.edit(true)?,
        });
    }
}

fn screen_loop(
    session: &mut Session,
    terminal: &mut Terminal,
    notice: &mut Option<String>,
) -> Result<Request> {
    loop {
        let (width, height) = terminal.size();
        let page = session.page();
        let lines = match &page {
            Some(page) => compose(page, notice.as_deref(), width, height),
            None => {
                let mut text = vec!["The walk is over.".to_string()];
                text.extend(session.summary());
                if let Some(notice) = notice.as_deref() {
                    text.insert(0, shown(notice));
                }
                screen::compose_page(
                    &text,
                    "u undo the last change · a add a card · any other key to leave",
                    width,
                    height,
                )
            }
        };
        terminal.draw(&lines).context("cannot draw the screen")?;
        let key = match screen::next_key() {
            Ok(Some(key)) => key,
            Ok(None) => continue,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {
                bail!("the curation was stopped by a signal; every decision made is saved")
            }
            Err(e) => return Err(e).context("cannot read the keyboard"),
        };
        if key.modifiers.contains(KeyModifiers::CONTROL) {
            if matches!(key.code, KeyCode::Char('c') | KeyCode::Char('d')) {
                return Ok(Request::Quit);
            }
            continue;
        }
        let KeyCode::Char(c) = key.code else {
            if key.code == KeyCode::Esc {
                return Ok(Request::Quit);
            }
            continue;
        };
        if page.is_none() {
            match c {
                'u' => *notice = Some(session.undo()?),
                'a' => return Ok(Request::Add),
                _ => return Ok(Request::Quit),
            }
            continue;
        }
        *notice = Some(match c {
            'k' => session.decide(Decision::Keep)?,
            'd' => session.decide(Decision::Drop)?,
            'e' => return Ok(Request::Edit),
            'a' => return Ok(Request::Add),
            's' => {
                session.curation.skip();
                "Skipped.".to_string()
            }
            'u' => session.undo()?,
            'q' => return Ok(Request::Quit),
            _ => continue,
        });
    }
}

/// Prints the card on screen for the piped mode.
fn print_page(page: &Page, out: &mut dyn Write) -> Result<()> {
    writeln!(
        out,
        "\n[{}] {} · {}",
        page.progress, page.place, page.status
    )?;
    if let Some(line) = &page.document {
        writeln!(out, "  │ {line}")?;
    }
    writeln!(out, "Q: {}", line_text(&render::question(&page.card)))?;
    for option in render::options(&page.card, &[], true) {
        writeln!(out, "  {}", line_text(&option))?;
    }
    writeln!(out, "A: {}", line_text(&render::answer(&page.card)))?;
    if let Some(compiled) = &page.compiled {
        writeln!(
            out,
            "   compiled: Q: {} | A: {}",
            compiled.front, compiled.back
        )?;
    }
    out.flush()?;
    Ok(())
}

/// One `front: …` or `back: …` line; `-` keeps that side.
fn side(line: Option<String>, name: &str) -> Result<Option<String>, String> {
    let line = line.ok_or_else(|| format!("expected a `{name}: …` line, the input ended"))?;
    let text = line
        .trim_end_matches(['\n', '\r'])
        .strip_prefix(&format!("{name}:"))
        .ok_or_else(|| format!("expected a `{name}: …` line, got '{}'", shown(line.trim())))?
        .trim();
    if text.is_empty() {
        return Err(format!("the {name} is empty (use - to keep it)"));
    }
    Ok((text != "-").then(|| text.to_string()))
}

/// Whether `line` is a `front: …` (or `back: …`) line.
fn is_side(line: &str, name: &str) -> bool {
    line.starts_with(&format!("{name}:"))
}

/// The piped session: each card as plain text, one command per line.
/// Commands are read to the end of the input or `quit`: after the last
/// card, `undo` and `add` still work. After `edit` or `add`, a line that is
/// not the `front: …` (then `back: …`) line expected cancels it and is read
/// as the next command.
fn piped(session: &mut Session, walk: Walk, out: &mut dyn Write) -> Result<()> {
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    // A line read ahead that turned out to be the next command.
    let mut pending: Option<String> = None;
    let mut next_line = |pending: &mut Option<String>| -> Result<Option<String>> {
        if let Some(line) = pending.take() {
            return Ok(Some(line));
        }
        let mut line = String::new();
        let n = input
            .read_line(&mut line)
            .context("cannot read the commands from standard input")?;
        Ok((n > 0).then_some(line))
    };
    if session.curation.walk_len() == 0 {
        writeln!(out, "{}", nothing_to_walk(walk))?;
    } else {
        writeln!(
            out,
            "Commands: keep, drop, edit or add (each followed by a `front: …` and a `back: …` line; - keeps a side), skip, undo, quit."
        )?;
    }
    let mut page = session.page();
    if let Some(page) = &page {
        print_page(page, out)?;
    }
    while let Some(line) = next_line(&mut pending)? {
        let word = line.trim().to_ascii_lowercase();
        let at_end = page.is_none();
        let message = match word.as_str() {
            "" => continue,
            "k" | "keep" | "d" | "drop" | "e" | "edit" | "s" | "skip" if at_end => {
                format!("? The walk is over: '{word}' has no card; add, undo and quit still work.")
            }
            "k" | "keep" => session.decide(Decision::Keep)?,
            "d" | "drop" => session.decide(Decision::Drop)?,
            "e" | "edit" | "a" | "add" => {
                let what = if word.starts_with('e') {
                    "edit"
                } else {
                    "card"
                };
                let mut sides = [None, None];
                let mut problem = None;
                for (n, name) in ["front", "back"].into_iter().enumerate() {
                    match next_line(&mut pending)? {
                        Some(line) if is_side(&line, name) => match side(Some(line), name) {
                            Ok(text) => sides[n] = Some(text),
                            Err(why) => {
                                problem.get_or_insert(format!("? {why}; nothing changed."));
                            }
                        },
                        Some(line) => {
                            problem.get_or_insert(format!(
                                "? expected a `{name}: …` line, got '{}'; the {what} is cancelled.",
                                shown(line.trim())
                            ));
                            pending = Some(line);
                            break;
                        }
                        None => {
                            problem.get_or_insert(format!(
                                "? expected a `{name}: …` line, the input ended; the {what} is cancelled."
                            ));
                            break;
                        }
                    }
                }
                match (problem, sides) {
                    (Some(problem), _) => problem,
                    (None, [Some(front), Some(back)]) if word.starts_with('e') => {
                        if front.is_none() && back.is_none() {
                            "? Both sides unchanged; nothing changed.".to_string()
                        } else {
                            session.decide(Decision::Edit { front, back })?
                        }
                    }
                    (None, [Some(Some(front)), Some(Some(back))]) => {
                        session.add(Text { front, back })?
                    }
                    _ => {
                        "? A card of your own needs a front and a back; nothing added.".to_string()
                    }
                }
            }
            "s" | "skip" => {
                session.curation.skip();
                "Skipped.".to_string()
            }
            "u" | "undo" => session.undo()?,
            "q" | "quit" => break,
            _ => format!(
                "? '{}' is not a command: use keep, drop, edit, add, skip, undo or quit.",
                shown(line.trim())
            ),
        };
        writeln!(out, "{}", shown(&message))?;
        page = session.page();
        match &page {
            Some(page) => print_page(page, out)?,
            None if !at_end || message.starts_with("Undid") => writeln!(out, "{WALK_OVER}")?,
            None => {}
        }
    }
    writeln!(out)?;
    for line in session.summary() {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// Said in the piped mode when the last card is decided.
const WALK_OVER: &str = "The walk is over: add, undo and quit still work.";

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::deck::CardKind;

    fn page(card: Card) -> Page {
        let deck = Deck {
            name: "Unit 17".into(),
            description: String::new(),
            cards: vec![card],
            extra: BTreeMap::new(),
        };
        let curation = Curation::new(deck.clone(), Edits::default(), Walk::Undecided);
        let mut docs = Documents {
            beside: None,
            under: None,
            found: HashMap::new(),
        };
        Page::new(
            &curation.current().unwrap(),
            &deck,
            curation.tally(),
            &mut docs,
        )
    }

    fn text(lines: &[Line]) -> String {
        lines
            .iter()
            .map(|l| line_text(l))
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn the_screen_shows_the_card_as_learners_see_it_with_its_source() {
        let mut card = Card::new("z", CardKind::Cloze, "Consent is [...].", "informed");
        card.cloze = Some("Consent is {{c1::informed}}.".into());
        card.source = Some(Source {
            file: "consent.md".into(),
            line: 7,
        });
        let mut page = page(card);
        page.document = Some("Consent is informed.".into());
        for (w, h) in [(80, 24), (40, 10), (20, 5), (200, 60)] {
            let lines = compose(&page, Some("Kept 'y'."), w, h);
            assert_eq!(lines.len(), usize::from(h), "{w}x{h}");
            for line in &lines {
                assert!(
                    render::width(&line_text(line)) <= usize::from(w),
                    "{w}x{h}: {line:?}"
                );
            }
        }
        let screen = text(&compose(&page, Some("Kept 'y'."), 80, 24));
        assert!(
            screen.contains("1 of 1 undecided · card 1 of 1"),
            "{screen}"
        );
        assert!(screen.contains("undecided · consent.md:7 · z"), "{screen}");
        assert!(screen.contains("│ Consent is informed."), "{screen}");
        assert!(screen.contains("Consent is [...]."), "{screen}");
        assert!(screen.contains("Consent is informed."), "{screen}");
        assert!(screen.contains("Kept 'y'."), "{screen}");
        assert!(screen.contains("k keep · d drop · e edit"), "{screen}");
        let small = text(&compose(&page, None, 19, 4));
        assert!(small.contains("too small"), "{small}");
    }

    #[test]
    fn control_characters_never_reach_the_terminal() {
        let mut card = Card::new("a\u{1b}[2J", CardKind::Mcq, "Q \u{1b}]0;x\u{7}", "A\r");
        card.options = vec!["o\u{1b}[31m".into()];
        card.correct = vec![0];
        let page = page(card);
        let screen = text(&compose(&page, Some("x\u{1b}"), 80, 24));
        assert!(
            !screen.chars().any(|c| c.is_control() && c != '\n'),
            "{screen:?}"
        );
        assert_eq!(shown("a\tb\nc\u{1b}"), "a b\nc\u{241b}");
    }

    #[test]
    fn piped_sides_parse() {
        assert_eq!(
            side(Some("front: New Q\n".into()), "front"),
            Ok(Some("New Q".into()))
        );
        assert_eq!(side(Some("back: -\n".into()), "back"), Ok(None));
        assert!(
            side(Some("back: x\n".into()), "front")
                .unwrap_err()
                .contains("expected")
        );
        assert!(side(None, "back").unwrap_err().contains("ended"));
        assert!(
            side(Some("front:\n".into()), "front")
                .unwrap_err()
                .contains("empty")
        );
    }

    #[test]
    fn a_missing_or_failing_editor_leaves_the_card() {
        let text = Text {
            front: "Q".into(),
            back: "A".into(),
        };
        assert!(
            run_editor(None, "t", &text)
                .unwrap_err()
                .contains("$EDITOR")
        );
        assert!(
            run_editor(Some("false"), "t", &text)
                .unwrap_err()
                .contains("failed")
        );
        // `true` saves the file unchanged: a cancel.
        assert_eq!(run_editor(Some("true"), "t", &text), Ok(None));
        // An editor that empties the file cancels too.
        assert_eq!(run_editor(Some(": >"), "t", &text), Ok(None));
        let edited = run_editor(
            Some("printf '[front]\\nNew Q\\n[back]\\nNew A\\n' >"),
            "t",
            &text,
        )
        .unwrap();
        assert_eq!(
            edited,
            Some(Text {
                front: "New Q".into(),
                back: "New A".into()
            })
        );
    }
}

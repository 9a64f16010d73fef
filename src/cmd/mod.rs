//! One module per subcommand: each turns its arguments into calls on the
//! library and prints the result. Only this layer prints.

mod answer;
mod cards;
mod compile;
mod config;
mod curate;
mod export;
mod import;
mod input;
mod next;
mod review;
mod stats;
mod status;

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context as _, Result};
use chrono::{DateTime, Utc};
use clap::CommandFactory;
use scheduler::Day;
use serde::Serialize;

use crate::cli::{Cli, Command, FilterArgs};
use crate::config::Environment;
use crate::deck::CardId;
use crate::store::{CardFilter, Limits, Settings, Store, StoredCard};

pub use input::DEFAULT_MAX_MB;

/// What every command gets: where the collection is, what time it is, and
/// where to print.
pub struct Context {
    /// The collection file.
    pub db: PathBuf,
    /// The current time, read once.
    pub now: DateTime<Utc>,
    /// Whether a new collection stays empty.
    pub no_default_deck: bool,
    /// The process environment.
    pub env: Environment,
}

impl Context {
    /// Opens the collection, loading the built-in deck into a new, empty one.
    /// The deck goes in before the new collection appears at its path, so
    /// a process starting at the same time never sees it half made.
    pub fn open_store(&self) -> Result<Store> {
        let store = Store::open_with(&self.db, |store| -> Result<()> {
            if !self.no_default_deck {
                let deck = crate::default_deck::deck()?;
                store
                    .import_deck(&deck, self.now.timestamp())
                    .context("cannot load the built-in deck")?;
            }
            Ok(())
        })?;
        Ok(store)
    }

    /// Today's study day under the collection's rollover hour.
    pub fn today(&self, settings: &Settings) -> Day {
        crate::time::study_day(self.now, &chrono::Local, settings.rollover_hour)
    }

    /// The current time in epoch milliseconds.
    pub fn now_ms(&self) -> i64 {
        self.now.timestamp_millis()
    }
}

/// Runs the parsed command line, printing to `out`.
pub fn run(cli: Cli, out: &mut dyn Write) -> Result<()> {
    // These need neither the clock nor the collection, and must not create
    // a data folder.
    match &cli.command {
        Command::Completions(args) => {
            // clap_complete panics when its writer fails (`| head -c 10`):
            // build the script in memory and write it here.
            let mut script = Vec::new();
            clap_complete::generate(args.shell, &mut Cli::command(), "srs", &mut script);
            out.write_all(&script)?;
            return Ok(());
        }
        Command::Man => {
            clap_mangen::Man::new(Cli::command())
                .render(out)
                .context("cannot write the man page")?;
            return Ok(());
        }
        _ => {}
    }
    let env = Environment::read();
    let now = env.now()?;
    let db = env.collection_path(cli.db.as_deref())?;
    let ctx = Context {
        db,
        now,
        no_default_deck: cli.no_default_deck || env.no_default_deck,
        env,
    };
    match cli.command {
        Command::Compile(args) => compile::run(&args, &ctx, out),
        Command::Import(args) => import::run(&args, &ctx, out),
        Command::Curate(args) => curate::run(&args, &ctx, out),
        Command::Review(args) => review::run(&args, &ctx, out),
        Command::Next(args) => next::run(&args, &ctx, out),
        Command::Answer(args) => answer::run(&args, &ctx, out),
        Command::Undo(args) => answer::undo(&args, &ctx, out),
        Command::Cards(args) => cards::run(&args, &ctx, out),
        Command::Status(args) => status::run(&args, &ctx, out),
        Command::Stats(args) => stats::run(&args, &ctx, out),
        Command::Export(args) => export::run(&args, &ctx, out),
        Command::Config(args) => config::run(&args, &ctx, out),
        Command::Suspend(args) => cards::suspend(&args.card_id, true, &ctx, out),
        Command::Unsuspend(args) => cards::suspend(&args.card_id, false, &ctx, out),
        Command::Check => cards::check(&ctx, out),
        // Handled above.
        Command::Completions(_) | Command::Man => Ok(()),
    }
}

/// Refuses a `--deck` that names no deck in the collection, rather than
/// showing nothing as if that deck were simply empty.
pub fn known_deck(store: &Store, filter: &CardFilter) -> Result<()> {
    let Some(wanted) = filter.deck.as_deref() else {
        return Ok(());
    };
    let decks = store.decks()?;
    if decks
        .iter()
        .any(|(name, _, _)| name.eq_ignore_ascii_case(wanted))
    {
        return Ok(());
    }
    let names: Vec<String> = decks
        .into_iter()
        .map(|(name, _, _)| format!("\"{name}\""))
        .collect();
    anyhow::bail!(
        "no deck named \"{wanted}\" in the collection (decks: {})",
        if names.is_empty() {
            "none".to_string()
        } else {
            names.join(", ")
        }
    )
}

impl FilterArgs {
    /// The store filter these arguments describe.
    pub fn to_filter(&self) -> CardFilter {
        CardFilter {
            deck: self.deck.clone(),
            tag: self.tag.clone(),
        }
    }
}

/// Daily limits from the collection's settings.
pub fn limits(settings: &Settings) -> Limits {
    Limits {
        new_per_day: settings.new_per_day,
        reviews_per_day: settings.reviews_per_day,
    }
}

/// A card as `srs cards --json` and `srs next --json` print it.
#[derive(Debug, Serialize)]
pub struct CardView<'a> {
    id: &'a str,
    deck: &'a str,
    kind: &'a str,
    front: &'a str,
    back: &'a str,
    tags: Vec<&'a str>,
    ease: f64,
    interval: u32,
    repetitions: u32,
    lapses: u32,
    due: Option<String>,
    suspended: bool,
    leech: bool,
    redrill: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a crate::deck::Source>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    options: &'a [String],
    #[serde(skip_serializing_if = "<[usize]>::is_empty")]
    correct: &'a [usize],
    #[serde(skip_serializing_if = "Option::is_none")]
    cloze: Option<&'a str>,
}

impl<'a> CardView<'a> {
    /// The view of `card` on study day `today`.
    pub fn new(card: &'a StoredCard, today: Day) -> CardView<'a> {
        CardView {
            id: card.card.id.as_str(),
            deck: &card.deck,
            kind: card.card.kind.as_str(),
            front: &card.card.front,
            back: &card.card.back,
            tags: {
                let mut tags: Vec<&str> = card.card.tags.iter().map(String::as_str).collect();
                if card.leech && !tags.contains(&crate::store::LEECH_TAG) {
                    tags.push(crate::store::LEECH_TAG);
                }
                tags
            },
            ease: card.state.ease.as_f64(),
            interval: card.state.interval,
            repetitions: card.state.repetitions,
            lapses: card.state.lapses,
            due: card.state.due.map(crate::time::format_day),
            suspended: card.is_suspended(),
            leech: card.leech,
            redrill: card.state.redrill_pending(today),
            source: card.card.source.as_ref(),
            options: &card.card.options,
            correct: &card.card.correct,
            cloze: card.card.cloze.as_deref(),
        }
    }
}

/// A progress bar on stderr for `len` steps when there are at least
/// `from` of them and stderr is a terminal; hidden otherwise.
pub fn progress_bar(len: usize, from: usize, template: &str) -> indicatif::ProgressBar {
    use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
    use std::io::IsTerminal;
    if len < from || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar
}

/// Prints a warning line on stderr, cleaned for the terminal. A stderr
/// that cannot be written (`2>/dev/full`, a closed pipe) is not an error
/// worth dying for: the warning is dropped.
pub fn warn(text: &str) {
    to_stderr(&format!("warning: {}\n", crate::term::clean_line(text)));
}

/// Writes `text` to stderr as it is, ignoring a failure to write.
pub fn to_stderr(text: &str) {
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

/// Writes `value` as one line of JSON.
pub fn print_json(out: &mut dyn Write, value: &impl Serialize) -> Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    writeln!(out)?;
    Ok(())
}

/// Parses a card id argument.
pub fn card_id(text: &str) -> CardId {
    CardId::new(text.trim())
}

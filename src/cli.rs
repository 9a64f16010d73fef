//! The command line, as clap types only. Doc comments are the help text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Spaced-repetition flashcards in the terminal: compile study notes into
/// decks, review them every day with SM-2, export them to Anki.
#[derive(Debug, Parser)]
#[command(name = "srs", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    /// The collection file [default: $SRS_DB, else $XDG_DATA_HOME/srs/collection.db]
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Do not load the built-in course deck into a new, empty collection
    /// (also SRS_NO_DEFAULT_DECK=1)
    #[arg(long, global = true)]
    pub no_default_deck: bool,

    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Turn study documents (Markdown, plain text, saved e-learning pages, essays) into a deck file
    Compile(CompileArgs),
    /// Load a deck file into the collection (adds, updates, suspends vanished cards)
    Import(ImportArgs),
    /// Read a compiled deck card by card: keep, drop, edit, add (kept in DECK.edits.toml)
    Curate(CurateArgs),
    /// Study today's cards in the terminal
    Review(ReviewArgs),
    /// Show the card the review would show now
    Next(NextArgs),
    /// Grade one card: 0-5, or again, hard, good, easy
    Answer(AnswerArgs),
    /// Take back the last answer given today
    Undo(UndoArgs),
    /// List every card with its schedule
    Cards(CardsArgs),
    /// Today's counts: due, new, re-drills
    Status(StatusArgs),
    /// Review history, forecast and difficult cards
    Stats(StatsArgs),
    /// Write the collection (or one deck) as an Anki package, CSV or deck file
    Export(ExportArgs),
    /// Show or change settings (new-per-day, reviews-per-day, rollover-hour, leech-lapses)
    Config(ConfigArgs),
    /// Suspend a card so it is never shown
    Suspend(CardIdArgs),
    /// Return a suspended card to the queue
    Unsuspend(CardIdArgs),
    /// Verify the collection file (SQLite's full integrity check)
    Check,
    /// Print a shell completion script
    Completions(CompletionsArgs),
    /// Print the man page (roff)
    Man,
}

/// Arguments of `srs compile`.
#[derive(Debug, Args)]
pub struct CompileArgs {
    /// Files and directories (searched recursively) of study documents
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Write the deck file here instead of standard output
    #[arg(long, short, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// The deck's name [default: taken from the documents]
    #[arg(long, value_name = "NAME")]
    pub deck: Option<String>,
    /// List every skipped line and why
    #[arg(long, short)]
    pub verbose: bool,
    /// The tutor's edits to apply [default: beside --out, DECK.edits.toml, when it exists]
    #[arg(long, value_name = "FILE")]
    pub edits: Option<PathBuf>,

    /// Refuse a document larger than this many megabytes
    #[arg(long, value_name = "MB", default_value_t = crate::cmd::DEFAULT_MAX_MB)]
    pub max_size: u64,
}

/// Arguments of `srs import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// A deck file (JSON), as `srs compile` writes
    #[arg(value_name = "DECKFILE")]
    pub deck_file: PathBuf,

    /// Refuse a deck file larger than this many megabytes
    #[arg(long, value_name = "MB", default_value_t = crate::cmd::DEFAULT_MAX_MB)]
    pub max_size: u64,
}

/// Arguments of `srs curate`.
#[derive(Debug, Args)]
pub struct CurateArgs {
    /// A deck file (JSON), as `srs compile --out` writes
    #[arg(value_name = "DECKFILE")]
    pub deck_file: PathBuf,
    /// The edits file [default: beside the deck, DECK.edits.toml]
    #[arg(long, value_name = "FILE")]
    pub edits: Option<PathBuf>,
    /// Walk every card, decided or not
    #[arg(long, conflicts_with = "stale")]
    pub all: bool,
    /// Walk only the decisions whose compiled text changed since
    #[arg(long)]
    pub stale: bool,
    /// Where the study documents are, to show each card's source line [default: beside the deck]
    #[arg(long, value_name = "DIR")]
    pub docs: Option<PathBuf>,
    /// Print how much of the deck is decided, and the keep rate, then stop
    #[arg(long, conflicts_with_all = ["all", "stale"])]
    pub summary: bool,
    /// Refuse a deck or edits file larger than this many megabytes
    #[arg(long, value_name = "MB", default_value_t = crate::cmd::DEFAULT_MAX_MB)]
    pub max_size: u64,
}

/// Which cards a command looks at.
#[derive(Debug, Args, Default, Clone)]
pub struct FilterArgs {
    /// Only cards of this deck
    #[arg(long, value_name = "NAME")]
    pub deck: Option<String>,
    /// Only cards with this tag (or a tag below it)
    #[arg(long, value_name = "TAG")]
    pub tag: Option<String>,
}

/// The grading scale of the review screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum GradeScale {
    /// Four buttons: 1 again, 2 hard, 3 good, 4 easy
    #[default]
    Four,
    /// SM-2 qualities 0-5
    Sm2,
}

/// What happens to a card that becomes a leech.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum LeechAction {
    /// Tag it `leech` and keep showing it
    #[default]
    Tag,
    /// Tag it and suspend it
    Suspend,
}

/// Arguments of `srs review`.
#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// Which cards to study.
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Stop after this many answers
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub limit: Option<u32>,
    /// New cards for this session (instead of the daily setting)
    #[arg(long, value_name = "N")]
    pub new: Option<u32>,
    /// Grading keys
    #[arg(long, value_enum, default_value_t)]
    pub grades: GradeScale,
    /// What to do with a card that lapses too often
    #[arg(long, value_enum, default_value_t)]
    pub leech_action: LeechAction,
}

/// Arguments of `srs next`.
#[derive(Debug, Args)]
pub struct NextArgs {
    /// Print JSON (`null` when nothing is due)
    #[arg(long)]
    pub json: bool,
    /// Which cards to consider.
    #[command(flatten)]
    pub filter: FilterArgs,
}

/// Arguments of `srs answer`.
#[derive(Debug, Args)]
pub struct AnswerArgs {
    /// The card's id
    #[arg(value_name = "CARD_ID")]
    pub card_id: String,
    /// 0-5, or again (1), hard (3), good (4), easy (5)
    #[arg(value_name = "GRADE")]
    pub grade: String,
    /// Print the card's new state as JSON
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `srs undo`.
#[derive(Debug, Args)]
pub struct UndoArgs {
    /// Print the restored card as JSON
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `srs cards`.
#[derive(Debug, Args)]
pub struct CardsArgs {
    /// Print JSON
    #[arg(long)]
    pub json: bool,
    /// Which cards to list.
    #[command(flatten)]
    pub filter: FilterArgs,
}

/// Arguments of `srs status`.
#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Print JSON
    #[arg(long)]
    pub json: bool,
    /// Which cards to count.
    #[command(flatten)]
    pub filter: FilterArgs,
}

/// Arguments of `srs stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Print JSON
    #[arg(long)]
    pub json: bool,
    /// Which cards to count.
    #[command(flatten)]
    pub filter: FilterArgs,
}

/// Arguments of `srs export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The file to write; its extension picks the format: .apkg, .csv or .json
    #[arg(long, short, value_name = "FILE")]
    pub out: PathBuf,
    /// Which cards to export.
    #[command(flatten)]
    pub filter: FilterArgs,
}

/// Arguments of `srs config`.
#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// The setting to show or change (all settings when omitted)
    #[arg(value_name = "KEY")]
    pub key: Option<String>,
    /// The new value
    #[arg(value_name = "VALUE", requires = "key")]
    pub value: Option<String>,
}

/// A single card id.
#[derive(Debug, Args)]
pub struct CardIdArgs {
    /// The card's id
    #[arg(value_name = "CARD_ID")]
    pub card_id: String,
}

/// Arguments of `srs completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn db_flag_is_global() {
        let cli = Cli::try_parse_from(["srs", "status", "--db", "x.db", "--json"]).unwrap();
        assert_eq!(cli.db.unwrap(), PathBuf::from("x.db"));
        let cli = Cli::try_parse_from(["srs", "--db", "y.db", "next"]).unwrap();
        assert_eq!(cli.db.unwrap(), PathBuf::from("y.db"));
    }
}

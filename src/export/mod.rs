//! Anki packages, CSV and deck files.
//!
//! [`export`] takes the cards to export (already read from the store) and
//! writes one file whose extension picks the format:
//! - `.apkg`: an Anki package ([`apkg`]), notes built by [`notes`];
//! - `.csv`: front, back, tags, source, deck and GUID ([`csv`]);
//! - `.json`: a deck file another learner can `srs import` ([`deckfile`]).
//!
//! Every format is written atomically ([`atomic`]): into a temporary file in
//! the target directory, renamed over the target only once complete.

pub mod apkg;
pub mod atomic;
pub mod csv;
pub mod deckfile;
pub mod notes;

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use crate::store::StoredCard;

/// The output formats, by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `.apkg`: an Anki deck package.
    Apkg,
    /// `.csv`: one row per card.
    Csv,
    /// `.json`: an srs deck file.
    Json,
}

impl Format {
    /// The format a file name asks for.
    pub fn from_path(path: &Path) -> Result<Format, ExportError> {
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        match ext.as_str() {
            "apkg" => Ok(Format::Apkg),
            "csv" => Ok(Format::Csv),
            "json" => Ok(Format::Json),
            _ => Err(ExportError::UnknownFormat {
                path: path.to_path_buf(),
            }),
        }
    }
}

/// An srs deck's name and description.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeckInfo {
    /// The deck's name.
    pub name: String,
    /// Its description.
    pub description: String,
}

/// Everything an export needs.
#[derive(Debug)]
pub struct ExportInput<'a> {
    /// The cards to write, in deck order (vanished cards already left out).
    pub cards: &'a [StoredCard],
    /// Reverse cards that vanished from their deck file, whose last text an
    /// Anki package keeps in their forward card's note (see
    /// [`notes::Plan`]).
    pub retired: &'a [StoredCard],
    /// Every deck of the collection (names and descriptions).
    pub decks: &'a [DeckInfo],
    /// The export time.
    pub now: DateTime<Utc>,
    /// Whether the cards are only part of their deck (a `--tag` filter): a
    /// deck file says so, and `srs import` then suspends nothing.
    pub partial: bool,
}

/// What an export wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// The format written.
    pub format: Option<Format>,
    /// Notes written (rows for CSV, cards for a deck file).
    pub notes: usize,
    /// Cards those notes make (Anki counts a reversed note as two).
    pub cards: usize,
    /// Deck names written.
    pub decks: Vec<String>,
    /// Reverse cards folded into their forward card's note.
    pub folded: usize,
    /// Cloze cards with no usable deletion, written as Basic notes.
    pub cloze_as_basic: usize,
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The extension names no format.
    #[error("cannot tell the format of {path}: name it .apkg, .csv or .json")]
    UnknownFormat {
        /// The requested file.
        path: PathBuf,
    },
    /// The file name is one Anki would take for a whole collection.
    #[error(
        "{path}: Anki treats a file with this name as a whole-collection backup; choose another name"
    )]
    ReservedName {
        /// The requested file.
        path: PathBuf,
    },
    /// The target directory does not exist.
    #[error("cannot write {path}: directory {dir} does not exist")]
    MissingDirectory {
        /// The requested file.
        path: PathBuf,
        /// Its missing directory.
        dir: PathBuf,
    },
    /// What should be the target's directory is a file.
    #[error("cannot write {path}: {dir} is not a directory")]
    NotADirectory {
        /// The requested file.
        path: PathBuf,
        /// The file in the way.
        dir: PathBuf,
    },
    /// The target is a directory.
    #[error("cannot write {path}: it is a directory")]
    IsDirectory {
        /// The requested file.
        path: PathBuf,
    },
    /// There is nothing to export.
    #[error("nothing to export: no cards match")]
    Empty,
    /// A deck file holds one deck, but the cards span several.
    #[error(
        "a deck file holds one deck but the cards come from {count} ({names}); choose one with --deck NAME"
    )]
    SeveralDecks {
        /// How many decks.
        count: usize,
        /// Their names, comma-separated.
        names: String,
    },
    /// Reading or writing a file failed.
    #[error("cannot write {path}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The file system refused a write: SQLite reports a full disk, a
    /// file-size limit or another I/O failure alike.
    #[error(
        "cannot write {path}: the file system refused the write (is the disk full, or a file-size limit reached?)"
    )]
    NoRoom {
        /// The requested file.
        path: PathBuf,
    },
    /// Building the package's database failed.
    #[error("cannot build the Anki collection inside the package")]
    Sqlite(#[from] rusqlite::Error),
    /// Writing the zip container failed.
    #[error("cannot write the package")]
    Zip(#[from] zip::result::ZipError),
    /// Writing CSV failed.
    #[error("cannot write CSV")]
    Csv(#[from] ::csv::Error),
}

impl ExportError {
    /// Says which file a failed write was for, where the error does not.
    fn about(self, target: &std::path::Path) -> ExportError {
        use rusqlite::ErrorCode;
        match self {
            ExportError::Sqlite(rusqlite::Error::SqliteFailure(e, _))
                if matches!(e.code, ErrorCode::DiskFull | ErrorCode::SystemIoFailure) =>
            {
                ExportError::NoRoom {
                    path: target.to_path_buf(),
                }
            }
            ExportError::Zip(zip::result::ZipError::Io(source)) => ExportError::Io {
                path: target.to_path_buf(),
                source,
            },
            ExportError::Csv(e) if e.is_io_error() => ExportError::Io {
                path: target.to_path_buf(),
                source: e.into(),
            },
            other => other,
        }
    }
}

/// Writes `input` to `path` in the format its extension names, atomically.
/// `progress` is called with the number of items done so far.
pub fn export(
    path: &Path,
    input: &ExportInput<'_>,
    progress: &mut dyn FnMut(u64),
) -> Result<Summary, ExportError> {
    let format = Format::from_path(path)?;
    if format == Format::Apkg {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        if name == "collection.apkg" || name.starts_with("backup-") {
            return Err(ExportError::ReservedName {
                path: path.to_path_buf(),
            });
        }
    }
    if input.cards.is_empty() {
        return Err(ExportError::Empty);
    }
    let written = match format {
        Format::Apkg => atomic::write(path, |file, temp| apkg::write(file, temp, input, progress)),
        Format::Csv => atomic::write(path, |file, _| csv::write(file, input.cards, progress)),
        Format::Json => atomic::write(path, |file, scratch| deckfile::write(file, scratch, input)),
    };
    let mut summary = written.map_err(|e| e.about(path))?;
    summary.format = Some(format);
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_by_extension() {
        assert_eq!(
            Format::from_path(Path::new("a.APKG")).unwrap(),
            Format::Apkg
        );
        assert_eq!(
            Format::from_path(Path::new("d/a.csv")).unwrap(),
            Format::Csv
        );
        assert_eq!(
            Format::from_path(Path::new("a.json")).unwrap(),
            Format::Json
        );
        let err = Format::from_path(Path::new("a.txt"))
            .unwrap_err()
            .to_string();
        assert!(err.contains(".apkg, .csv or .json"), "{err}");
        assert!(Format::from_path(Path::new("noext")).is_err());
    }
}

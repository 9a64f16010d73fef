//! The collection: one SQLite file holding decks, cards with their SM-2
//! state, the review log and settings.
//!
//! This is the only module that names rusqlite. Everything else calls
//! [`Store`] methods. Opening a file that is not an srs collection, or one
//! made by a newer srs, is refused before anything is written to it.

mod cards;
mod export;
mod migrate;
mod queue;
mod reviews;
mod settings;

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

pub use cards::{CardFilter, ImportSummary, StoredCard, Suspension};
pub use migrate::SCHEMA_VERSION;
pub use queue::{Limits, QueueCounts};
pub use reviews::{AnswerError, Recorded, ReviewRow, Undone};
pub use settings::{Setting, Settings};

/// The `application_id` stamped in every srs collection ("srs1").
pub const APPLICATION_ID: i32 = 0x7372_7331;

/// Why the collection could not be used.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The directory the collection should live in is missing.
    #[error(
        "cannot create collection {path}: directory {dir} does not exist (create it, or choose another path with --db or SRS_DB)"
    )]
    MissingDirectory {
        /// The collection path.
        path: PathBuf,
        /// Its missing parent.
        dir: PathBuf,
    },
    /// The file exists but is not an SQLite database.
    #[error("{path} is not an srs collection (not an SQLite database); it was left untouched")]
    NotSqlite {
        /// The file.
        path: PathBuf,
    },
    /// The file is an SQLite database made by something else.
    #[error("{path} is an SQLite database but not an srs collection; it was left untouched")]
    Foreign {
        /// The file.
        path: PathBuf,
    },
    /// The collection was written by a newer srs.
    #[error(
        "{path} has collection schema version {found}, newer than this srs understands ({known}); upgrade srs. The file was left untouched"
    )]
    TooNew {
        /// The file.
        path: PathBuf,
        /// The version in the file.
        found: i64,
        /// The newest version this build knows.
        known: i64,
    },
    /// Reading the file failed.
    #[error("cannot read collection {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// SQLite reported an error.
    #[error("collection {path}: {source}")]
    Sqlite {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: rusqlite::Error,
    },
}

/// Shorthand for store results.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// An open collection.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    created: bool,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

impl Store {
    /// Opens the collection at `path`, creating it (and its schema) if the
    /// file does not exist. An existing file is checked before it is opened
    /// for writing: a file that is not an srs collection, or is newer than
    /// this build, is refused unchanged.
    pub fn open(path: &Path) -> Result<Store> {
        let created = !path.exists();
        if created {
            let dir = match path.parent() {
                Some(dir) if dir.as_os_str().is_empty() => Path::new("."),
                Some(dir) => dir,
                None => Path::new("."),
            };
            if !dir.is_dir() {
                return Err(StoreError::MissingDirectory {
                    path: path.to_path_buf(),
                    dir: dir.to_path_buf(),
                });
            }
        } else {
            check_header(path)?;
            check_version(path)?;
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| sql_error(path, e))?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            created,
        };
        store.prepare()?;
        Ok(store)
    }

    /// An in-memory collection, for tests and benchmarks.
    pub fn open_in_memory() -> Result<Store> {
        let path = PathBuf::from(":memory:");
        let conn = Connection::open_in_memory().map_err(|e| sql_error(&path, e))?;
        let mut store = Store {
            conn,
            path,
            created: true,
        };
        store.prepare()?;
        Ok(store)
    }

    /// The collection's file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether this open created the collection.
    pub fn was_created(&self) -> bool {
        self.created
    }

    fn prepare(&mut self) -> Result<()> {
        let path = self.path.clone();
        self.conn
            .busy_timeout(Duration::from_secs(10))
            .map_err(|e| sql_error(&path, e))?;
        self.conn
            .pragma_update(None, "foreign_keys", true)
            .map_err(|e| sql_error(&path, e))?;
        migrate::migrate(&mut self.conn).map_err(|e| sql_error(&path, e))?;
        if path.as_os_str() != ":memory:" {
            // WAL lets a second srs read while this one writes; switching
            // happens after the schema is in the main file, so the file's
            // header always carries our application id.
            let mode: String = self
                .conn
                .query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))
                .map_err(|e| sql_error(&path, e))?;
            debug_assert!(!mode.is_empty());
            self.conn
                .pragma_update(None, "synchronous", "NORMAL")
                .map_err(|e| sql_error(&path, e))?;
        }
        Ok(())
    }

    fn err(&self, e: rusqlite::Error) -> StoreError {
        sql_error(&self.path, e)
    }

    /// Runs SQLite's integrity check; `Ok(true)` when it reports "ok".
    pub fn integrity_ok(&self) -> Result<bool> {
        let result: String = self
            .conn
            .query_row("PRAGMA integrity_check", [], |row| row.get(0))
            .map_err(|e| self.err(e))?;
        Ok(result == "ok")
    }
}

fn sql_error(path: &Path, source: rusqlite::Error) -> StoreError {
    StoreError::Sqlite {
        path: path.to_path_buf(),
        source,
    }
}

/// Checks the 100-byte SQLite header: the magic string and our
/// application id. Reads the file only.
fn check_header(path: &Path) -> Result<()> {
    let io = |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut header = [0u8; 100];
    let mut file = File::open(path).map_err(io)?;
    let mut filled = 0;
    while filled < header.len() {
        let n = file.read(&mut header[filled..]).map_err(io)?;
        if n == 0 {
            break;
        }
        filled += n;
    }
    if filled < header.len() || &header[..16] != b"SQLite format 3\0" {
        return Err(StoreError::NotSqlite {
            path: path.to_path_buf(),
        });
    }
    let app_id = i32::from_be_bytes([header[68], header[69], header[70], header[71]]);
    if app_id != APPLICATION_ID {
        return Err(StoreError::Foreign {
            path: path.to_path_buf(),
        });
    }
    Ok(())
}

/// Reads the schema version through a read-only connection and refuses a
/// newer one.
fn check_version(path: &Path) -> Result<()> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| refusal(path, e))?;
    conn.busy_timeout(Duration::from_secs(10))
        .map_err(|e| sql_error(path, e))?;
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .map_err(|e| refusal(path, e))?;
    if version > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            path: path.to_path_buf(),
            found: version,
            known: SCHEMA_VERSION,
        });
    }
    Ok(())
}

fn refusal(path: &Path, e: rusqlite::Error) -> StoreError {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => StoreError::NotSqlite {
            path: path.to_path_buf(),
        },
        _ => sql_error(path, e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn creates_and_reopens() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.db");
        let store = Store::open(&path).unwrap();
        assert!(store.was_created());
        assert!(store.integrity_ok().unwrap());
        drop(store);
        let again = Store::open(&path).unwrap();
        assert!(!again.was_created());
    }

    #[test]
    fn refuses_foreign_files_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let text = dir.path().join("notes.txt");
        std::fs::write(
            &text,
            "hello, this is not a database at all, not even close to one. ".repeat(3),
        )
        .unwrap();
        let before = std::fs::read(&text).unwrap();
        assert!(matches!(
            Store::open(&text),
            Err(StoreError::NotSqlite { .. })
        ));
        assert_eq!(std::fs::read(&text).unwrap(), before);

        let empty = dir.path().join("empty.db");
        std::fs::write(&empty, b"").unwrap();
        assert!(matches!(
            Store::open(&empty),
            Err(StoreError::NotSqlite { .. })
        ));
        assert_eq!(std::fs::read(&empty).unwrap(), b"");

        let other = dir.path().join("other.db");
        {
            let conn = Connection::open(&other).unwrap();
            conn.execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (1);")
                .unwrap();
        }
        let before = std::fs::read(&other).unwrap();
        assert!(matches!(
            Store::open(&other),
            Err(StoreError::Foreign { .. })
        ));
        assert_eq!(std::fs::read(&other).unwrap(), before);
    }

    #[test]
    fn refuses_newer_schema() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.db");
        drop(Store::open(&path).unwrap());
        {
            let conn = Connection::open(&path).unwrap();
            conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
                .unwrap();
            conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
        }
        let before = std::fs::read(&path).unwrap();
        let err = Store::open(&path).unwrap_err();
        assert!(matches!(err, StoreError::TooNew { .. }), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }

    #[test]
    fn missing_directory_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nope").join("c.db");
        let err = Store::open(&path).unwrap_err().to_string();
        assert!(err.contains("does not exist"), "{err}");
    }
}

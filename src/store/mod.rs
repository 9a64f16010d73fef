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
mod stats;

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

pub use cards::{CardFilter, ImportSummary, LEECH_TAG, StoredCard, Suspension};
pub use migrate::SCHEMA_VERSION;
pub use queue::{Limits, QueueCounts};
pub use reviews::{AnswerError, Recorded, ReviewRow, Undone};
pub use settings::{Setting, Settings};
pub use stats::{
    CollectionStats, DayCount, HardCard, MATURE_INTERVAL, PassCount, STATS_WINDOW_DAYS,
    StateCounts, streak,
};

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
    /// The file is empty: perhaps cut short before anything was written.
    #[error(
        "{path} is empty (0 bytes), not an srs collection; it was left untouched (restore it from a backup, or delete it to start afresh)"
    )]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// The file is shorter than its own header says.
    #[error(
        "{path} is truncated ({actual} of {expected} bytes); it was left untouched (restore it from a backup)"
    )]
    Truncated {
        /// The file.
        path: PathBuf,
        /// Its size.
        actual: u64,
        /// The size its header gives.
        expected: u64,
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
    /// The path names something other than a regular file (a FIFO, a
    /// device, a directory).
    #[error("{path} is not a regular file, so not an srs collection; it was left untouched")]
    NotRegular {
        /// The path.
        path: PathBuf,
    },
    /// `--db` was not a plain file path.
    #[error("--db '{path}' is not a usable file path ({why})")]
    NotAPath {
        /// What was given.
        path: PathBuf,
        /// Why not.
        why: &'static str,
    },
    /// The collection file was deleted, moved or replaced while open.
    #[error(
        "the collection {path} was deleted, moved or replaced while srs had it open; this change was not saved (put the file back, or start srs again)"
    )]
    Vanished {
        /// The path it was opened at.
        path: PathBuf,
    },
    /// SQLite's integrity check found damage before a write.
    #[error(
        "{path} is damaged ({problems}); nothing was written to it (restore it from a backup; `srs check` lists the damage)"
    )]
    Damaged {
        /// The file.
        path: PathBuf,
        /// What the check reported.
        problems: String,
    },
    /// The schema version is one no srs writes.
    #[error(
        "{path} has collection schema version {found}, which no srs writes; the file is damaged and was left untouched (restore it from a backup)"
    )]
    BadVersion {
        /// The file.
        path: PathBuf,
        /// The version in the file.
        found: i64,
    },
    /// Reading the file failed.
    #[error("cannot read collection {path}: {cause}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        cause: std::io::Error,
    },
    /// A deck file names a card that belongs to another deck.
    #[error(
        "deck \"{deck}\" was not imported: its card \"{id}\" belongs to deck \"{owner}\", and a deck file cannot take over another deck's cards (give the card another id); nothing was changed"
    )]
    Takeover {
        /// The deck being imported.
        deck: String,
        /// The card id it shares.
        id: String,
        /// The deck that has the card.
        owner: String,
    },
    /// SQLite reported an error.
    #[error("collection {path}: {}{}", sqlite_message(cause), sqlite_hint(cause))]
    Sqlite {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        cause: rusqlite::Error,
    },
}

/// Shorthand for store results.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// An open collection.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    created: bool,
    /// The file opened; `None` in memory.
    identity: Option<Identity>,
    /// What is known of the file's soundness.
    sound: Soundness,
}

/// Whether the collection is known to be sound, so it may be written.
#[derive(Debug, Default, Clone, Copy)]
struct Soundness {
    /// The file is exactly as an srs that had checked it left it (its
    /// `.checked` note matches the file's size, times and inode).
    trusted: bool,
    /// SQLite's integrity check passed in this process.
    verified: bool,
}

/// Which file a path named when the collection was opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Identity {
    dev: u64,
    ino: u64,
}

impl Identity {
    fn of(path: &Path) -> Result<Identity> {
        use std::os::unix::fs::MetadataExt;
        let meta = std::fs::metadata(path).map_err(|cause| StoreError::Io {
            path: path.to_path_buf(),
            cause,
        })?;
        Ok(Identity {
            dev: meta.dev(),
            ino: meta.ino(),
        })
    }
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
        Store::open_with(path, |_| Ok(()))
    }

    /// [`Store::open`], running `init` on a collection this call creates
    /// before anyone else can see it. A new collection is made in a hidden
    /// file beside `path` and linked into place only when whole, so
    /// processes that start at once all succeed: one creates, the others
    /// open what it made.
    pub fn open_with<E: From<StoreError>>(
        path: &Path,
        init: impl FnOnce(&mut Store) -> std::result::Result<(), E>,
    ) -> std::result::Result<Store, E> {
        let mut path = plain_path(path)?;
        // A link to a collection not made yet: make it where the link points.
        if std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink())
            && !path.exists()
            && let Ok(to) = std::fs::read_link(&path)
        {
            path = match path.parent() {
                Some(dir) if to.is_relative() => dir.join(to),
                _ => to,
            };
        }
        let path = path.as_path();
        let mut created = false;
        let mut init = Some(init);
        loop {
            match std::fs::metadata(path) {
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    let dir = match path.parent() {
                        Some(dir) if dir.as_os_str().is_empty() => Path::new("."),
                        Some(dir) => dir,
                        None => Path::new("."),
                    };
                    if !dir.is_dir() {
                        return Err(StoreError::MissingDirectory {
                            path: path.to_path_buf(),
                            dir: dir.to_path_buf(),
                        }
                        .into());
                    }
                    let Some(init) = init.take() else {
                        // Made, then gone again at once: give up.
                        return Err(StoreError::Vanished {
                            path: path.to_path_buf(),
                        }
                        .into());
                    };
                    created = create_beside(path, init)?;
                    // Made here or by another process: open it as any other.
                    continue;
                }
                Err(cause) => {
                    return Err(StoreError::Io {
                        path: path.to_path_buf(),
                        cause,
                    }
                    .into());
                }
                Ok(meta) if !meta.is_file() => {
                    return Err(StoreError::NotRegular {
                        path: path.to_path_buf(),
                    }
                    .into());
                }
                Ok(_) => break,
            }
        }
        let header = check_header(path)?;
        let version = check_version(path, &header)?;
        if (1..SCHEMA_VERSION).contains(&version) {
            backup_before_upgrade(path, version)?;
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| sql_error(path, e))?;
        let identity = Identity::of(path)?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            created,
            identity: Some(identity),
            sound: Soundness::default(),
        };
        match store.prepare(true) {
            Ok(()) => {}
            // A folder srs may not write in: no `-wal` or `-shm` can be made
            // beside the file, so read it as it stands; a write then fails
            // with SQLite's "readonly database" and the hint to fix it.
            Err(StoreError::Sqlite { cause, .. })
                if in_read_only_place(&cause)
                    && version == SCHEMA_VERSION
                    && !header.wal_pending =>
            {
                drop(store);
                store = Store::open_as_it_stands(path, identity)?;
            }
            Err(e) => return Err(e.into()),
        }
        store.sound.trusted = std::fs::read_to_string(checked_note(path))
            .ok()
            .is_some_and(|note| Some(note) == signature(path));
        Ok(store)
    }

    /// Opens the collection read-only and as immutable (no `-wal`, `-shm`
    /// or lock files): for a file in a folder no one can write in, which
    /// no one else can be changing either.
    fn open_as_it_stands(path: &Path, identity: Identity) -> Result<Store> {
        let absolute = std::fs::canonicalize(path).map_err(|cause| StoreError::Io {
            path: path.to_path_buf(),
            cause,
        })?;
        let mut uri = String::from("file:");
        for &b in absolute.as_os_str().as_encoded_bytes() {
            if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
                uri.push(char::from(b));
            } else {
                uri.push_str(&format!("%{b:02X}"));
            }
        }
        uri.push_str("?immutable=1");
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(&uri, flags).map_err(|e| sql_error(path, e))?;
        conn.pragma_update(None, "cell_size_check", true)
            .map_err(|e| sql_error(path, e))?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            created: false,
            identity: Some(identity),
            sound: Soundness::default(),
        })
    }

    /// An in-memory collection, for tests and benchmarks.
    pub fn open_in_memory() -> Result<Store> {
        let path = PathBuf::from(":memory:");
        let conn = Connection::open_in_memory().map_err(|e| sql_error(&path, e))?;
        let mut store = Store {
            conn,
            path,
            created: true,
            identity: None,
            sound: Soundness::default(),
        };
        store.prepare(false)?;
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

    /// Runs `write` in one immediate transaction, committed only while
    /// the collection's path still names the file that was opened (not
    /// deleted, moved or replaced since: a write would go into a file
    /// nobody will see again). The check is one `stat`.
    pub(crate) fn write<T>(
        &mut self,
        write: impl FnOnce(&rusqlite::Transaction<'_>) -> rusqlite::Result<T>,
    ) -> Result<T> {
        let path = self.path.clone();
        let err = |e| sql_error(&path, e);
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(err)?;
        before_write(&tx, &path, self.identity, &mut self.sound)?;
        let value = write(&tx).map_err(err)?;
        still_opened(&path, self.identity)?;
        tx.commit().map_err(err)?;
        Ok(value)
    }

    fn prepare(&mut self, wal: bool) -> Result<()> {
        let path = self.path.clone();
        self.conn
            .busy_timeout(Duration::from_secs(10))
            .map_err(|e| sql_error(&path, e))?;
        self.conn
            .pragma_update(None, "foreign_keys", true)
            .map_err(|e| sql_error(&path, e))?;
        // Cheap extra checks of every B-tree cell SQLite reads, so a damaged
        // page is reported instead of misread.
        self.conn
            .pragma_update(None, "cell_size_check", true)
            .map_err(|e| sql_error(&path, e))?;
        migrate::migrate(&mut self.conn).map_err(|e| sql_error(&path, e))?;
        if wal {
            // WAL lets a second srs read while this one writes; switching
            // happens after the schema is in the main file, so the file's
            // header always carries our application id.
            use_wal(&self.conn, Duration::from_secs(10)).map_err(|e| sql_error(&path, e))?;
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
        Ok(self.integrity_problems()?.is_empty())
    }

    /// SQLite's full integrity check: the problems it finds (at most ten),
    /// none when the file is sound.
    pub fn integrity_problems(&self) -> Result<Vec<String>> {
        integrity_problems_of(&self.conn).map_err(|e| self.err(e))
    }

    /// [`Store::integrity_problems`], remembering a clean result: the file
    /// then counts as checked, and writes made after it need no new check.
    pub fn check(&mut self) -> Result<Vec<String>> {
        let problems = self.integrity_problems()?;
        if problems.is_empty() {
            self.sound.verified = true;
        }
        Ok(problems)
    }
}

impl Drop for Store {
    /// After a write, or when the file was trusted at open, the `.checked`
    /// note is brought up to date once the connection is closed (and the
    /// write-ahead log checkpointed), so the next srs need not check again.
    fn drop(&mut self) {
        if self.identity.is_none() || !(self.sound.trusted || self.sound.verified) {
            return;
        }
        let Ok(closed) = Connection::open_in_memory() else {
            return;
        };
        drop(std::mem::replace(&mut self.conn, closed));
        if still_opened(&self.path, self.identity).is_ok()
            && let Some(signature) = signature(&self.path)
        {
            let _ = std::fs::write(checked_note(&self.path), signature);
        }
    }
}

/// Refuses to write into a damaged collection. SQLite's full integrity
/// check (what `srs check` runs) costs about 120 ms at 100,000 cards, so it
/// runs only before the first write to a file that has changed since an
/// srs last checked it or wrote it: srs's own writes leave a `.checked`
/// note beside the collection (the file's inode, size and times), and a
/// file that still matches it is not checked again. Anything else that
/// changes the file (a bit flip written by another program, a restore, a
/// copy) changes its times, and the next write checks it whole.
fn before_write(
    conn: &Connection,
    path: &Path,
    identity: Option<Identity>,
    sound: &mut Soundness,
) -> Result<()> {
    if identity.is_none() || sound.trusted || sound.verified {
        return Ok(());
    }
    let problems = integrity_problems_of(conn).map_err(|e| sql_error(path, e))?;
    if !problems.is_empty() {
        return Err(StoreError::Damaged {
            path: path.to_path_buf(),
            problems: problems.join("; "),
        });
    }
    sound.verified = true;
    Ok(())
}

/// The note beside the collection that says which state of it srs last
/// knew to be sound.
fn checked_note(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".checked");
    PathBuf::from(name)
}

/// The collection file's identity, size and times, and its write-ahead
/// log's when it holds anything.
fn signature(path: &Path) -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let db = std::fs::metadata(path).ok()?;
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    let wal = std::fs::metadata(PathBuf::from(wal))
        .ok()
        .filter(|m| m.len() > 0)
        .map(|m| format!(" wal {} {}.{}", m.len(), m.mtime(), m.mtime_nsec()))
        .unwrap_or_default();
    Some(format!(
        "srs checked {} {} {} {}.{} {}.{}{wal}\n",
        db.dev(),
        db.ino(),
        db.len(),
        db.mtime(),
        db.mtime_nsec(),
        db.ctime(),
        db.ctime_nsec()
    ))
}

/// SQLite's integrity check on `conn`: its problems, none when sound.
fn integrity_problems_of(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare("PRAGMA integrity_check(10)")?;
    let lines = stmt
        .query_map([], |row| row.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(lines
        .into_iter()
        .filter(|line| line != "ok")
        .flat_map(|line| {
            line.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with("***"))
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect())
}

/// Whether `path` still names the file opened as `identity` (always, in
/// memory).
fn still_opened(path: &Path, identity: Option<Identity>) -> Result<()> {
    let Some(opened) = identity else {
        return Ok(());
    };
    match Identity::of(path) {
        Ok(now) if now == opened => Ok(()),
        _ => Err(StoreError::Vanished {
            path: path.to_path_buf(),
        }),
    }
}

/// Puts the collection in WAL mode, retrying for up to `patience`: SQLite
/// needs the file to itself to change its journal and may refuse at once,
/// without its busy handler, when waiting could deadlock; ten processes
/// opening one new collection together failed about once in 200 rounds
/// with "database is locked". WAL stays with the file, so once it is set
/// nothing is locked at all.
fn use_wal(conn: &Connection, patience: Duration) -> rusqlite::Result<()> {
    let deadline = std::time::Instant::now() + patience;
    let mut pause = Duration::from_millis(2);
    loop {
        let mode: String = conn.query_row("PRAGMA journal_mode", [], |row| row.get(0))?;
        if mode.eq_ignore_ascii_case("wal") {
            return Ok(());
        }
        let busy = match conn.query_row("PRAGMA journal_mode = WAL", [], |row| {
            row.get::<_, String>(0)
        }) {
            // A refused switch answers with the mode it kept.
            Ok(mode) => !mode.eq_ignore_ascii_case("wal"),
            Err(e) if is_busy(&e) => true,
            Err(e) => return Err(e),
        };
        if !busy {
            return Ok(());
        }
        if std::time::Instant::now() >= deadline {
            return Err(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
                Some("could not switch the collection to WAL mode".into()),
            ));
        }
        std::thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(50));
    }
}

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

fn sql_error(path: &Path, cause: rusqlite::Error) -> StoreError {
    StoreError::Sqlite {
        path: path.to_path_buf(),
        cause,
    }
}

/// SQLite's message without rusqlite's repetition of the error code.
fn sqlite_message(error: &rusqlite::Error) -> String {
    match error {
        rusqlite::Error::SqliteFailure(_, Some(message)) => message.clone(),
        rusqlite::Error::SqliteFailure(failure, None) => failure.to_string(),
        other => other.to_string(),
    }
}

/// Whether SQLite failed because it may not write beside the file.
fn in_read_only_place(error: &rusqlite::Error) -> bool {
    matches!(
        error.sqlite_error_code(),
        Some(
            rusqlite::ErrorCode::ReadOnly
                | rusqlite::ErrorCode::CannotOpen
                | rusqlite::ErrorCode::PermissionDenied
        )
    )
}

/// What the learner can do about an error, when there is something.
fn sqlite_hint(error: &rusqlite::Error) -> &'static str {
    match error.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DiskFull | rusqlite::ErrorCode::SystemIoFailure) => {
            "; nothing was changed (is the disk full, or a file-size limit set?)"
        }
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
            "; another srs is holding the collection, try again"
        }
        Some(rusqlite::ErrorCode::DatabaseCorrupt) => {
            "; the file is damaged (restore it from a backup)"
        }
        Some(
            rusqlite::ErrorCode::ReadOnly
            | rusqlite::ErrorCode::CannotOpen
            | rusqlite::ErrorCode::PermissionDenied,
        ) => "; check the file and its directory are writable",
        _ => "",
    }
}

/// What the header says, once checked.
struct Header {
    /// `PRAGMA user_version` as the main file has it.
    user_version: i64,
    /// Whether a write-ahead log holds changes not yet in the main file
    /// (then the header may be stale).
    wal_pending: bool,
}

/// Checks the 100-byte SQLite header: the magic string and our
/// application id. Reads the file only.
fn check_header(path: &Path) -> Result<Header> {
    let io = |cause| StoreError::Io {
        path: path.to_path_buf(),
        cause,
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
    if filled == 0 {
        return Err(StoreError::Empty {
            path: path.to_path_buf(),
        });
    }
    if filled < header.len() || &header[..16] != b"SQLite format 3\0" {
        return Err(StoreError::NotSqlite {
            path: path.to_path_buf(),
        });
    }
    let be32 = |at: usize| {
        u32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]])
    };
    if be32(68) as i32 != APPLICATION_ID {
        return Err(StoreError::Foreign {
            path: path.to_path_buf(),
        });
    }
    // The header's page count is valid when its change counter matches the
    // "version valid for" field. With no write-ahead log pending, the file
    // must hold every page it counts.
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536,
        n => u64::from(n),
    };
    let expected = page_size * u64::from(be32(28));
    let wal = path.with_file_name(format!(
        "{}-wal",
        path.file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default()
    ));
    let wal_pending = std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0);
    let actual = file.metadata().map_err(io)?.len();
    if be32(24) == be32(92) && !wal_pending && actual < expected {
        return Err(StoreError::Truncated {
            path: path.to_path_buf(),
            actual,
            expected,
        });
    }
    Ok(Header {
        user_version: i64::from(be32(60) as i32),
        wal_pending,
    })
}

/// The schema version, from the header when no write-ahead log is pending
/// (so a refused file gets no `-wal` or `-shm` beside it), else through a
/// read-only connection. Refuses a newer version, and versions no srs
/// writes (0 or negative: srs stamps the version with the schema).
fn check_version(path: &Path, header: &Header) -> Result<i64> {
    let version = if header.wal_pending {
        version_from_sqlite(path)?
    } else {
        header.user_version
    };
    if version > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            path: path.to_path_buf(),
            found: version,
            known: SCHEMA_VERSION,
        });
    }
    if version < 1 {
        return Err(StoreError::BadVersion {
            path: path.to_path_buf(),
            found: version,
        });
    }
    Ok(version)
}

fn version_from_sqlite(path: &Path) -> Result<i64> {
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
    Ok(version)
}

/// `path` as SQLite must be given it to take it as a plain file name:
/// never a URI (`file:…`, taken by the bundled SQLite as one, with every
/// check skipped) nor a database in memory that keeps nothing.
fn plain_path(path: &Path) -> Result<PathBuf> {
    let text = path.as_os_str();
    let refuse = |why| {
        Err(StoreError::NotAPath {
            path: path.to_path_buf(),
            why,
        })
    };
    if text.is_empty() {
        return refuse("it is empty");
    }
    if text == ":memory:" || text.as_encoded_bytes().starts_with(b"file::memory:") {
        return refuse("a database in memory keeps nothing; name a file");
    }
    if path.is_relative() && text.as_encoded_bytes().starts_with(b"file:") {
        // A file really called `file:…` in the current directory.
        return Ok(Path::new(".").join(path));
    }
    Ok(path.to_path_buf())
}

/// Makes a new collection at `path`: the schema and `init` go into a
/// hidden file beside it, which is then hard-linked to `path` (failing if
/// another process got there first: then its collection is used and this
/// one thrown away). Returns whether this call made the collection.
fn create_beside<E: From<StoreError>>(
    path: &Path,
    init: impl FnOnce(&mut Store) -> std::result::Result<(), E>,
) -> std::result::Result<bool, E> {
    use std::sync::atomic::{AtomicU32, Ordering};
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    struct Remove(PathBuf);
    impl Drop for Remove {
        fn drop(&mut self) {
            let _ = std::fs::remove_file(&self.0);
            let _ = std::fs::remove_file(journal_of(&self.0));
            let _ = std::fs::remove_file(checked_note(&self.0));
        }
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "collection.db".into());
    let temp = path.with_file_name(format!(
        ".{name}.{}-{}.new",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let _remove = Remove(temp.clone());
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(&temp, flags).map_err(|e| sql_error(path, e))?;
    let mut store = Store {
        conn,
        identity: Some(Identity::of(&temp)?),
        path: temp.clone(),
        created: true,
        sound: Soundness::default(),
    };
    store.prepare(false)?;
    init(&mut store)?;
    drop(store);
    let io = |cause| StoreError::Io {
        path: path.to_path_buf(),
        cause,
    };
    match std::fs::hard_link(&temp, path) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        // A file system without hard links: rename, unless someone has
        // made the collection meanwhile.
        Err(_) if !path.exists() => {
            std::fs::rename(&temp, path).map_err(io)?;
            Ok(true)
        }
        Err(_) => Ok(false),
    }
}

fn journal_of(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push("-journal");
    PathBuf::from(name)
}

/// The backup written before a collection at `version` is upgraded.
pub fn backup_path(path: &Path, version: i64) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "collection.db".into());
    path.with_file_name(format!("{name}.v{version}.bak"))
}

/// Writes a consistent copy of the collection (SQLite's `VACUUM INTO`)
/// before its schema is upgraded. An existing backup of the same version is
/// kept, not overwritten.
fn backup_before_upgrade(path: &Path, version: i64) -> Result<()> {
    let backup = backup_path(path, version);
    if backup.exists() {
        return Ok(());
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| sql_error(path, e))?;
    conn.busy_timeout(Duration::from_secs(10))
        .map_err(|e| sql_error(path, e))?;
    conn.execute("VACUUM INTO ?1", [backup.to_string_lossy()])
        .map_err(|e| sql_error(&backup, e))?;
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

/// Builders shared by the store's unit tests.
#[cfg(test)]
pub(crate) mod testing {
    use super::Store;
    use crate::deck::{Card, CardKind, Deck};

    /// An in-memory collection holding one deck, "T", of `n` basic cards
    /// `c0`, `c1`, … (fronts `Q0`…, backs `A0`…).
    pub fn store_with(n: usize) -> Store {
        let mut store = Store::open_in_memory().unwrap();
        let deck = Deck {
            name: "T".into(),
            description: String::new(),
            cards: (0..n)
                .map(|i| {
                    Card::new(
                        format!("c{i}"),
                        CardKind::Basic,
                        format!("Q{i}"),
                        format!("A{i}"),
                    )
                })
                .collect(),
            extra: Default::default(),
        };
        store.import_deck(&deck, 0).unwrap();
        store
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_switch_to_wal_is_retried_until_the_file_is_free() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.db");
        let setup = Connection::open(&path).unwrap();
        setup
            .execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (1);")
            .unwrap();
        // Another process reading: it holds the file's shared lock.
        let reader = Connection::open(&path).unwrap();
        reader.execute_batch("BEGIN; SELECT * FROM t;").unwrap();
        // No busy handler, as when SQLite refuses a lock that could
        // deadlock: the bare pragma fails at once.
        let conn = Connection::open(&path).unwrap();
        conn.busy_timeout(Duration::ZERO).unwrap();
        let bare = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0));
        assert!(!bare.is_ok_and(|m| m == "wal"));
        let release = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(150));
            reader.execute_batch("COMMIT").unwrap();
            drop(reader);
        });
        use_wal(&conn, Duration::from_secs(5)).unwrap();
        release.join().unwrap();
        let mode: String = conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
    }

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
        assert!(matches!(Store::open(&empty), Err(StoreError::Empty { .. })));
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
    fn db_paths_are_plain_files() {
        assert!(matches!(
            plain_path(Path::new(":memory:")),
            Err(StoreError::NotAPath { .. })
        ));
        assert!(matches!(
            plain_path(Path::new("")),
            Err(StoreError::NotAPath { .. })
        ));
        assert_eq!(
            plain_path(Path::new("file:x.db?mode=ro")).unwrap(),
            Path::new("./file:x.db?mode=ro")
        );
        assert_eq!(
            plain_path(Path::new("/a/file:b")).unwrap(),
            Path::new("/a/file:b")
        );
        assert_eq!(plain_path(Path::new("c.db")).unwrap(), Path::new("c.db"));
    }

    #[test]
    fn a_link_to_a_new_collection_is_followed() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("c.db");
        std::os::unix::fs::symlink("real.db", &link).unwrap();
        let store = Store::open(&link).unwrap();
        assert!(store.was_created());
        drop(store);
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert!(dir.path().join("real.db").is_file());
        assert!(!Store::open(&link).unwrap().was_created());
    }

    #[test]
    fn a_write_after_the_file_moved_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.db");
        let mut store = Store::open(&path).unwrap();
        store.set_setting(Setting::NewPerDay, 5).unwrap();
        std::fs::rename(&path, dir.path().join("moved.db")).unwrap();
        let err = store.set_setting(Setting::NewPerDay, 6).unwrap_err();
        assert!(matches!(err, StoreError::Vanished { .. }), "{err}");
    }

    #[test]
    fn threads_creating_one_collection_all_succeed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.db");
        let made: Vec<bool> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..8)
                .map(|_| scope.spawn(|| Store::open(&path).map(|s| s.was_created())))
                .collect();
            handles
                .into_iter()
                .map(|h| match h.join().unwrap() {
                    Ok(made) => made,
                    Err(e) => panic!("a first use failed: {e}"),
                })
                .collect()
        });
        assert_eq!(made.iter().filter(|&&m| m).count(), 1, "{made:?}");
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with('.'))
            .collect();
        assert!(left.is_empty(), "{left:?}");
    }

    #[test]
    fn missing_directory_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nope").join("c.db");
        let err = Store::open(&path).unwrap_err().to_string();
        assert!(err.contains("does not exist"), "{err}");
    }
}

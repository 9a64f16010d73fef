//! Writing a file so that readers see either the old file or the whole new
//! one: write into a temporary file in the same directory, flush it to
//! disk, then rename it over the target. On any failure the temporary file
//! is removed and the target is left as it was; so it is on SIGINT,
//! SIGTERM and SIGHUP.
//!
//! Some files are never replaced: the collection srs has open, a file the
//! command is reading (registered with [`protect`]), and any SQLite
//! database (another program's, or a collection). A target that is a
//! symbolic link is written through: the link stays and its target gets the
//! new content, with the mode the old file had.

use std::fs::{File, OpenOptions};
use std::io::{ErrorKind, Read};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

use super::ExportError;

/// Files (device and inode) this process must never replace.
static PROTECTED: Mutex<Vec<(u64, u64)>> = Mutex::new(Vec::new());

/// Temporary files to remove if a signal ends the process.
static TEMPORARY: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Marks the file at `path` (if it exists) as one no output may replace:
/// the collection, a document or deck file being read.
pub fn protect(path: &Path) {
    if let Ok(meta) = std::fs::metadata(path) {
        let mut protected = PROTECTED.lock().unwrap_or_else(|e| e.into_inner());
        protected.push((meta.dev(), meta.ino()));
    }
}

/// Why `target` (an existing regular file) must not be replaced, if so.
fn refusal(target: &Path, meta: &std::fs::Metadata) -> Option<&'static str> {
    let protected = PROTECTED.lock().unwrap_or_else(|e| e.into_inner());
    if protected.contains(&(meta.dev(), meta.ino())) {
        return Some(
            "it is a file this command reads (the collection or an input); choose another name",
        );
    }
    let mut magic = [0u8; 16];
    let is_sqlite = File::open(target)
        .and_then(|mut f| f.read_exact(&mut magic))
        .is_ok_and(|()| &magic == b"SQLite format 3\0");
    is_sqlite.then_some(
        "it is an SQLite database (a collection, or another program's), which srs never replaces; choose another name",
    )
}

/// Set while a full screen ends the session itself on SIGTERM and SIGHUP
/// (restoring the terminal on its way out): those signals then only clean
/// up here, and the screen ends the process.
static SCREEN_STOPS: AtomicBool = AtomicBool::new(false);

/// Tells the clean-up that a full screen handles SIGTERM and SIGHUP (see
/// `SCREEN_STOPS`).
pub fn screen_handles_termination() {
    SCREEN_STOPS.store(true, Ordering::SeqCst);
}

/// Removes the registered temporary files, then ends the process as the
/// signal would have, unless a full screen ends it (SIGTERM, SIGHUP).
fn clean_up_on_signals() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
            return;
        };
        std::thread::spawn(move || {
            for signal in signals.forever() {
                let temps = TEMPORARY.lock().unwrap_or_else(|e| e.into_inner());
                for path in temps.iter() {
                    let _ = std::fs::remove_file(path);
                }
                if signal != SIGINT && SCREEN_STOPS.load(Ordering::SeqCst) {
                    continue;
                }
                let _ = signal_hook::low_level::emulate_default_handler(signal);
                std::process::exit(128 + signal);
            }
        });
    });
}

/// A temporary file that is removed when dropped, unless kept.
#[derive(Debug)]
pub struct TempPath {
    path: PathBuf,
    keep: bool,
}

impl TempPath {
    /// Creates a new, empty, hidden file in `dir` whose name starts with
    /// `.{stem}` and ends with `suffix`. `target` names the file the error
    /// should mention.
    pub fn create_in(
        dir: &Path,
        stem: &str,
        suffix: &str,
        target: &Path,
    ) -> Result<(TempPath, File), ExportError> {
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        // Ready to clean up before the file exists, so a signal arriving
        // just after it is made still removes it.
        clean_up_on_signals();
        loop {
            let n = COUNTER.fetch_add(1, Ordering::Relaxed);
            let path = dir.join(format!(".{stem}.{}-{n}{suffix}", std::process::id()));
            TEMPORARY
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(path.clone());
            let forget = |path: &Path| {
                TEMPORARY
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .retain(|p| p != path);
            };
            match OpenOptions::new()
                .read(true)
                .write(true)
                .create_new(true)
                .open(&path)
            {
                Ok(file) => return Ok((TempPath { path, keep: false }, file)),
                Err(e) if e.kind() == ErrorKind::AlreadyExists => {
                    forget(&path);
                    continue;
                }
                Err(source) => {
                    forget(&path);
                    return Err(ExportError::Io {
                        path: target.to_path_buf(),
                        source,
                    });
                }
            }
        }
    }

    /// The file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for TempPath {
    fn drop(&mut self) {
        if !self.keep {
            let _ = std::fs::remove_file(&self.path);
        }
        let mut temps = TEMPORARY.lock().unwrap_or_else(|e| e.into_inner());
        temps.retain(|p| p != &self.path);
    }
}

/// Where temporary files for one target go.
#[derive(Debug)]
pub struct Scratch<'a> {
    dir: &'a Path,
    stem: String,
    target: &'a Path,
}

impl Scratch<'_> {
    /// Another temporary file next to the target, removed when dropped.
    pub fn temp_file(&self, suffix: &str) -> Result<(TempPath, File), ExportError> {
        TempPath::create_in(self.dir, &self.stem, suffix, self.target)
    }

    /// An I/O error about the target.
    pub fn io(&self, source: std::io::Error) -> ExportError {
        ExportError::Io {
            path: self.target.to_path_buf(),
            source,
        }
    }
}

/// Runs `fill` on a temporary file next to `target`, then renames it over
/// `target`. The target is replaced only if `fill` succeeds; a failure
/// leaves no temporary file behind.
pub fn write<T>(
    target: &Path,
    fill: impl FnOnce(&mut File, &Scratch<'_>) -> Result<T, ExportError>,
) -> Result<T, ExportError> {
    // A link to a pipe or a device (`/dev/stdout` into `| head`) is
    // written into, as the special file it names.
    if std::fs::symlink_metadata(target).is_ok_and(|m| m.file_type().is_symlink())
        && std::fs::metadata(target).is_ok_and(|m| !m.is_file() && !m.is_dir())
    {
        let stem = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "export".into());
        return write_into_special(target, stem, fill);
    }
    // Through a symbolic link: the link stays, its target is written.
    let resolved;
    let target = if std::fs::symlink_metadata(target).is_ok_and(|m| m.file_type().is_symlink()) {
        resolved = resolve_link(target);
        resolved.as_path()
    } else {
        target
    };
    let dir = match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    if target.is_dir() {
        return Err(ExportError::IsDirectory {
            path: target.to_path_buf(),
        });
    }
    if dir.exists() && !dir.is_dir() {
        return Err(ExportError::NotADirectory {
            path: target.to_path_buf(),
            dir: dir.to_path_buf(),
        });
    }
    if !dir.is_dir() {
        return Err(ExportError::MissingDirectory {
            path: target.to_path_buf(),
            dir: dir.to_path_buf(),
        });
    }
    let stem = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "export".into());
    let existing = std::fs::metadata(target).ok();
    if existing.as_ref().is_some_and(|m| !m.is_file()) {
        return write_into_special(target, stem, fill);
    }
    if let Some(why) = existing.as_ref().and_then(|m| refusal(target, m)) {
        return Err(ExportError::Io {
            path: target.to_path_buf(),
            source: std::io::Error::new(ErrorKind::AlreadyExists, why),
        });
    }
    let scratch = Scratch { dir, stem, target };
    let (mut temp, mut file) = scratch.temp_file(".tmp")?;
    let value = fill(&mut file, &scratch)?;
    if let Some(meta) = &existing {
        // The new file keeps the old one's mode (a private 0600 stays so).
        file.set_permissions(meta.permissions())
            .map_err(|e| scratch.io(e))?;
    }
    file.sync_all().map_err(|e| scratch.io(e))?;
    drop(file);
    std::fs::rename(temp.path(), target).map_err(|e| scratch.io(e))?;
    temp.keep = true;
    Ok(value)
}

/// Where a symbolic link finally points (following chains), even when that
/// file does not exist yet.
fn resolve_link(link: &Path) -> PathBuf {
    let mut path = link.to_path_buf();
    // A bound on the chain: the kernel's own limit is 40.
    for _ in 0..40 {
        let Ok(to) = std::fs::read_link(&path) else {
            break;
        };
        path = match path.parent() {
            Some(dir) if to.is_relative() => dir.join(to),
            _ => to,
        };
    }
    path
}

/// `write` for a target that is a device or a pipe (`--out /dev/null`,
/// `/dev/stdout`, a FIFO): renaming a file over it would replace the device
/// itself. The output is made in the system's temporary directory and
/// copied into the target only once it is whole.
fn write_into_special<T>(
    target: &Path,
    stem: String,
    fill: impl FnOnce(&mut File, &Scratch<'_>) -> Result<T, ExportError>,
) -> Result<T, ExportError> {
    use std::io::{Seek, SeekFrom, Write};
    let dir = std::env::temp_dir();
    let scratch = Scratch {
        dir: &dir,
        stem,
        target,
    };
    let (_temp, mut file) = scratch.temp_file(".tmp")?;
    let value = fill(&mut file, &scratch)?;
    file.seek(SeekFrom::Start(0)).map_err(|e| scratch.io(e))?;
    let mut out = OpenOptions::new()
        .write(true)
        .open(target)
        .map_err(|e| scratch.io(e))?;
    std::io::copy(&mut file, &mut out).map_err(|e| scratch.io(e))?;
    out.flush().map_err(|e| scratch.io(e))?;
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn replaces_only_on_success() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.csv");
        std::fs::write(&target, "old").unwrap();

        let err = write(&target, |file, _| {
            file.write_all(b"partial").unwrap();
            Err::<(), _>(ExportError::Empty)
        });
        assert!(err.is_err());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "old");
        assert_eq!(entries(dir.path()), ["out.csv"]);

        write(&target, |file, scratch| {
            let (extra, _) = scratch.temp_file(".db")?;
            assert!(extra.path().exists());
            file.write_all(b"new").map_err(|e| scratch.io(e))
        })
        .unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
        assert_eq!(entries(dir.path()), ["out.csv"]);
    }

    #[test]
    fn a_pipe_is_written_into_not_replaced() {
        use std::os::unix::fs::FileTypeExt;
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("out.pipe");
        nix::unistd::mkfifo(&fifo, nix::sys::stat::Mode::S_IRWXU).unwrap();
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
        };
        write(&fifo, |file, scratch| {
            file.write_all(b"whole deck").map_err(|e| scratch.io(e))
        })
        .unwrap();
        assert_eq!(reader.join().unwrap(), "whole deck");
        // Still a pipe, and nothing else was left beside it.
        assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
        assert_eq!(entries(dir.path()), ["out.pipe"]);
    }

    #[test]
    fn missing_directory_and_directory_target() {
        let dir = tempfile::tempdir().unwrap();
        let err = write(&dir.path().join("nope/out.csv"), |_, _| Ok(())).unwrap_err();
        assert!(matches!(err, ExportError::MissingDirectory { .. }), "{err}");
        let err = write(dir.path(), |_, _| Ok(())).unwrap_err();
        assert!(matches!(err, ExportError::IsDirectory { .. }), "{err}");
    }
}

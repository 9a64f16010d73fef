//! Reading the files a user names: only regular files, never more than a
//! size cap, and directory walks that visit each file once and never loop.
//! A device (`/dev/zero`), a FIFO or a socket is refused before it is
//! opened, so nothing blocks or reads without end.

use std::collections::HashSet;
use std::io::Read;
use std::os::unix::fs::{FileTypeExt, MetadataExt};
use std::path::{Path, PathBuf};

/// The default size cap of one input file, in megabytes.
pub const DEFAULT_MAX_MB: u64 = 100;

/// Why a file was not read.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// Not a regular file.
    #[error("not a regular file ({0}); only regular files are read")]
    NotRegular(&'static str),
    /// Over the size cap.
    #[error(
        "the file is larger than the {cap_mb} MB limit for one input file (raise it with --max-size MB)"
    )]
    TooLarge {
        /// The cap in megabytes.
        cap_mb: u64,
    },
    /// Any other I/O failure.
    #[error("{}", io_reason(.0))]
    Io(#[from] std::io::Error),
}

/// What kind of file `meta` describes, in words, when it is not regular.
fn kind(meta: &std::fs::Metadata) -> Option<&'static str> {
    let t = meta.file_type();
    if t.is_file() {
        None
    } else if t.is_dir() {
        Some("a directory")
    } else if t.is_fifo() {
        Some("a FIFO")
    } else if t.is_char_device() || t.is_block_device() {
        Some("a device")
    } else if t.is_socket() {
        Some("a socket")
    } else {
        Some("a special file")
    }
}

/// A short reason for an I/O error.
pub fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

/// The bytes of the regular file at `path`, refusing anything else and
/// anything over `cap_mb` megabytes (read at most one byte past the cap,
/// so a file that grows while read is refused too).
pub fn read_regular(path: &Path, cap_mb: u64) -> Result<Vec<u8>, InputError> {
    let meta = std::fs::metadata(path)?;
    if let Some(kind) = kind(&meta) {
        return Err(InputError::NotRegular(kind));
    }
    let cap = cap_mb.saturating_mul(1024 * 1024);
    if meta.len() > cap {
        return Err(InputError::TooLarge { cap_mb });
    }
    let file = std::fs::File::open(path)?;
    // The name may have been swapped for a FIFO since: check the handle.
    if let Some(kind) = kind(&file.metadata()?) {
        return Err(InputError::NotRegular(kind));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(cap.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > cap {
        return Err(InputError::TooLarge { cap_mb });
    }
    Ok(bytes)
}

/// The text of a deck file (or of any JSON or TOML file a command reads
/// whole): a regular file of at most `cap_mb` megabytes, UTF-8, a leading
/// byte-order mark (editors on Windows add one) left out. `srs import`,
/// `srs curate` and `srs compile --out` (the deck it replaces) all read
/// deck files through this.
pub fn read_text(path: &Path, cap_mb: u64) -> anyhow::Result<String> {
    use anyhow::Context as _;
    let bytes =
        read_regular(path, cap_mb).with_context(|| format!("cannot read {}", path.display()))?;
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    String::from_utf8(bytes)
        .map_err(|_| anyhow::anyhow!("cannot read {}: not UTF-8 text", path.display()))
}

/// The regular files at `path`: the file itself, or every file under a
/// directory (recursively, in name order, hidden entries skipped).
/// Symbolic links are followed, but a link back to a folder being walked is
/// reported and not entered, and a file reached twice (through two links)
/// is listed once (under its own name rather than a link's). Everything
/// skipped gets a line in `warnings`.
pub fn walk(
    path: &Path,
    seen: &mut HashSet<(u64, u64)>,
    warnings: &mut Vec<String>,
) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = Vec::new();
    let mut here: std::collections::HashMap<(u64, u64), (usize, bool)> = Default::default();
    let walker = walkdir::WalkDir::new(path)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let at = e.path().unwrap_or(path).display().to_string();
                let why = match (e.loop_ancestor(), e.io_error()) {
                    (Some(ancestor), _) => format!(
                        "a link back to {}, which is already being read (a cycle)",
                        ancestor.display()
                    ),
                    (None, Some(io)) => io_reason(io),
                    (None, None) => e.to_string(),
                };
                warnings.push(format!("skipped {at}: {why}"));
                continue;
            }
        };
        let meta = match entry.metadata() {
            Ok(meta) => meta,
            Err(e) => {
                warnings.push(format!("skipped {}: {e}", entry.path().display()));
                continue;
            }
        };
        if meta.is_dir() {
            continue;
        }
        if let Some(kind) = kind(&meta) {
            warnings.push(format!(
                "skipped {}: not a regular file ({kind})",
                entry.path().display()
            ));
            continue;
        }
        let key = (meta.dev(), meta.ino());
        let link = entry.path_is_symlink();
        match here.get(&key) {
            Some(&(at, true)) if !link => {
                files[at] = entry.into_path();
                here.insert(key, (at, false));
            }
            Some(_) => {}
            None if seen.insert(key) => {
                here.insert(key, (files.len(), link));
                files.push(entry.into_path());
            }
            None => {}
        }
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn devices_and_fifos_are_refused_without_reading() {
        let err = read_regular(Path::new("/dev/zero"), 1).unwrap_err();
        assert!(matches!(err, InputError::NotRegular("a device")), "{err}");
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        nix::unistd::mkfifo(&fifo, nix::sys::stat::Mode::S_IRWXU).unwrap();
        let err = read_regular(&fifo, 1).unwrap_err();
        assert!(matches!(err, InputError::NotRegular("a FIFO")), "{err}");
    }

    #[test]
    fn the_cap_is_enforced_and_named() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("big.txt");
        std::fs::write(&file, vec![b'a'; 1024 * 1024 + 1]).unwrap();
        let err = read_regular(&file, 1).unwrap_err().to_string();
        assert!(
            err.contains("1 MB limit") && err.contains("--max-size"),
            "{err}"
        );
        assert_eq!(read_regular(&file, 2).unwrap().len(), 1024 * 1024 + 1);
    }

    #[test]
    fn cycles_and_duplicate_links_are_walked_once() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("notes");
        std::fs::create_dir_all(root.join("a")).unwrap();
        std::fs::write(root.join("a/one.md"), "# One").unwrap();
        std::fs::write(root.join("two.md"), "# Two").unwrap();
        std::os::unix::fs::symlink(".", root.join("self")).unwrap();
        std::os::unix::fs::symlink("..", root.join("a/up")).unwrap();
        std::os::unix::fs::symlink("two.md", root.join("again.md")).unwrap();
        let mut warnings = Vec::new();
        let files = walk(&root, &mut HashSet::new(), &mut warnings);
        let names: Vec<_> = files
            .iter()
            .map(|f| f.strip_prefix(&root).unwrap().display().to_string())
            .collect();
        assert_eq!(names, ["a/one.md", "two.md"], "{warnings:?}");
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(warnings.iter().all(|w| w.contains("cycle")), "{warnings:?}");
    }
}

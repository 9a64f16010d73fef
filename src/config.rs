//! Everything the environment decides: where the collection lives, what
//! time it is, whether to load the built-in deck. This is the only module
//! that reads environment variables or the clock.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, bail};
use chrono::{DateTime, Utc};

/// The first and last years srs accepts as the current time.
const YEARS: (i32, i32) = (1970, 2500);

/// What the process environment says.
#[derive(Debug, Clone, Default)]
pub struct Environment {
    /// `SRS_DB`.
    pub db: Option<PathBuf>,
    /// `SRS_NOW`, unparsed.
    pub now: Option<String>,
    /// `SRS_NO_DEFAULT_DECK` is set to something other than `0` or empty.
    pub no_default_deck: bool,
    /// `NO_COLOR` is set.
    pub no_color: bool,
    /// `VISUAL`, else `EDITOR`: the command that edits a file.
    pub editor: Option<String>,
}

impl Environment {
    /// Reads the variables srs cares about.
    pub fn read() -> Environment {
        let var = |name| std::env::var_os(name).filter(|v| !v.is_empty());
        Environment {
            db: var("SRS_DB").map(PathBuf::from),
            now: var("SRS_NOW").map(|v| v.to_string_lossy().into_owned()),
            no_default_deck: var("SRS_NO_DEFAULT_DECK").is_some_and(|v| v != "0"),
            no_color: var("NO_COLOR").is_some(),
            editor: var("VISUAL")
                .or_else(|| var("EDITOR"))
                .map(|v| v.to_string_lossy().into_owned()),
        }
    }

    /// The current time: `SRS_NOW` if set, else the system clock. Read once
    /// per command.
    /// Years outside 1970–2500 are refused: study days count from 1970,
    /// and schedules must stay printable as four-digit dates.
    pub fn now(&self) -> Result<DateTime<Utc>> {
        let now = match &self.now {
            Some(text) => DateTime::parse_from_rfc3339(text.trim())
                .map(|t| t.with_timezone(&Utc))
                .with_context(|| {
                    format!("SRS_NOW='{text}' is not an RFC 3339 time such as 2026-01-01T12:00:00Z")
                })?,
            None => Utc::now(),
        };
        let year = chrono::Datelike::year(&now);
        if !(YEARS.0..=YEARS.1).contains(&year) {
            bail!(
                "the time {} is outside the years srs works in ({}-{}); check SRS_NOW or the system clock",
                now.format("%Y-%m-%dT%H:%M:%SZ"),
                YEARS.0,
                YEARS.1
            );
        }
        Ok(now)
    }

    /// The collection file: `--db`, else `SRS_DB`, else the platform data
    /// directory (created if missing).
    pub fn collection_path(&self, flag: Option<&Path>) -> Result<PathBuf> {
        if let Some(path) = flag.or(self.db.as_deref()) {
            return Ok(path.to_path_buf());
        }
        let Some(dirs) = directories::ProjectDirs::from("", "", "srs") else {
            bail!("cannot find a home directory for the collection; set SRS_DB or pass --db PATH");
        };
        let dir = dirs.data_dir();
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create the data directory {}", dir.display()))?;
        Ok(dir.join("collection.db"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_srs_now() {
        let env = Environment {
            now: Some("2026-01-01T12:00:00+01:00".into()),
            ..Default::default()
        };
        assert_eq!(env.now().unwrap().to_rfc3339(), "2026-01-01T11:00:00+00:00");
        let bad = Environment {
            now: Some("yesterday".into()),
            ..Default::default()
        };
        assert!(
            bad.now()
                .unwrap_err()
                .to_string()
                .contains("SRS_NOW='yesterday'")
        );
        for year in ["0000", "9999", "1969"] {
            let far = Environment {
                now: Some(format!("{year}-06-01T12:00:00Z")),
                ..Default::default()
            };
            let err = far.now().unwrap_err().to_string();
            assert!(err.contains("outside the years"), "{err}");
        }
    }

    #[test]
    fn flag_beats_environment() {
        let env = Environment {
            db: Some("env.db".into()),
            ..Default::default()
        };
        assert_eq!(
            env.collection_path(Some(Path::new("flag.db"))).unwrap(),
            PathBuf::from("flag.db")
        );
        assert_eq!(env.collection_path(None).unwrap(), PathBuf::from("env.db"));
    }
}

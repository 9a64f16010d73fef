//! Helpers shared by the integration tests: a temporary home for one
//! collection and a command builder that never touches the user's data.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

/// A temporary directory holding one collection.
pub struct Env {
    pub dir: TempDir,
    pub db: PathBuf,
    pub now: String,
}

impl Env {
    /// A fresh directory; the collection does not exist yet.
    pub fn new() -> Env {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("collection.db");
        Env {
            dir,
            db,
            now: "2026-01-01T12:00:00Z".to_string(),
        }
    }

    /// The directory's path.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// `srs` with this collection, the fixed clock, UTC and no ambient
    /// configuration.
    pub fn srs(&self) -> Command {
        let mut cmd = srs();
        cmd.env("SRS_DB", &self.db)
            .env("SRS_NOW", &self.now)
            .env("TZ", "UTC");
        cmd
    }

    /// `srs` at another time.
    pub fn srs_at(&self, now: &str) -> Command {
        let mut cmd = self.srs();
        cmd.env("SRS_NOW", now);
        cmd
    }

    /// Writes a file in the directory and returns its path.
    pub fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(&path, text).expect("write");
        path
    }
}

/// The `srs` binary with a clean environment.
pub fn srs() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_srs"));
    for var in [
        "SRS_DB",
        "SRS_NOW",
        "SRS_NO_DEFAULT_DECK",
        "XDG_DATA_HOME",
        "NO_COLOR",
    ] {
        cmd.env_remove(var);
    }
    cmd
}

/// Runs a command that must succeed and returns its stdout.
pub fn stdout_of(cmd: &mut Command) -> String {
    let output = cmd.output().expect("run srs");
    assert!(
        output.status.success(),
        "srs failed: {}\nstderr: {}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("utf-8 stdout")
}

/// Runs a command and parses its stdout as JSON.
pub fn json_of(cmd: &mut Command) -> serde_json::Value {
    let text = stdout_of(cmd);
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

/// The `id` of every card in a JSON array of cards, in order.
pub fn card_ids(cards: &serde_json::Value) -> Vec<String> {
    cards
        .as_array()
        .expect("a JSON array of cards")
        .iter()
        .map(|c| c["id"].as_str().expect("card id").to_string())
        .collect()
}

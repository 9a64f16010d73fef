//! Helpers shared by the integration tests: a temporary home for one
//! collection, a command builder that never touches the user's data, and
//! a driver for the full screen in a pseudo-terminal.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
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

/// The environment variables that would let the user's own settings in.
const AMBIENT: [&str; 5] = [
    "SRS_DB",
    "SRS_NOW",
    "SRS_NO_DEFAULT_DECK",
    "XDG_DATA_HOME",
    "NO_COLOR",
];

/// The `srs` binary with a clean environment.
pub fn srs() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_srs"));
    for var in AMBIENT {
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

// ---------------------------------------------------------------------------
// The full screen in a pseudo-terminal.

/// An `srs` subcommand running in a pseudo-terminal, its output collected.
pub struct Pty {
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    pub child: Box<dyn Child + Send + Sync>,
    output: Arc<Mutex<Vec<u8>>>,
    /// Signalled when the reader has seen the end of the output.
    drained: std::sync::mpsc::Receiver<()>,
    /// How much of the output earlier waits consumed.
    seen: usize,
    /// The subcommand, for messages.
    command: String,
}

impl Pty {
    /// `srs COMMAND ARGS` with this collection, the fixed clock, UTC and
    /// no ambient configuration or editor, in a `cols` x `rows` terminal.
    pub fn spawn(env: &Env, command: &str, args: &[&str], cols: u16, rows: u16) -> Pty {
        Pty::spawn_with(env, command, args, cols, rows, &[])
    }

    /// [`Pty::spawn`] with extra environment variables.
    pub fn spawn_with(
        env: &Env,
        command: &str,
        args: &[&str],
        cols: u16,
        rows: u16,
        vars: &[(&str, &str)],
    ) -> Pty {
        let system = native_pty_system();
        let pair = system
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_srs"));
        cmd.arg(command);
        cmd.args(args);
        for var in AMBIENT.into_iter().chain(["VISUAL", "EDITOR"]) {
            cmd.env_remove(var);
        }
        cmd.env("SRS_DB", &env.db);
        cmd.env("SRS_NOW", &env.now);
        cmd.env("TZ", "UTC");
        cmd.env("TERM", "xterm-256color");
        for (key, value) in vars {
            cmd.env(key, value);
        }
        cmd.cwd(env.path());
        let child = pair.slave.spawn_command(cmd).expect("spawn srs");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let writer = pair.master.take_writer().expect("writer");
        let output = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&output);
        let (done, drained) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            // Reading fails (EIO) or ends once the process has exited.
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().extend_from_slice(&buf[..n]);
            }
            let _ = done.send(());
        });
        Pty {
            command: command.to_string(),
            master: pair.master,
            writer,
            child,
            output,
            drained,
            seen: 0,
        }
    }

    pub fn raw(&self) -> Vec<u8> {
        self.output.lock().unwrap().clone()
    }

    /// Waits until the output after the last wait shows `needle` (escape
    /// codes removed); returns that output.
    pub fn expect(&mut self, needle: &str) -> String {
        self.expect_all(&[needle])
    }

    /// Waits until the output after the last wait shows every one of
    /// `needles` (a frame may arrive in pieces); returns that output.
    pub fn expect_all(&mut self, needles: &[&str]) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let raw = self.raw();
            let text = strip_ansi(&raw[self.seen.min(raw.len())..]);
            if needles.iter().all(|needle| text.contains(needle)) {
                // Later waits look only at what comes after this.
                self.seen = raw.len();
                return text;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {needles:?}; screen so far:\n{text}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write keys");
        self.writer.flush().expect("flush keys");
    }

    pub fn resize(&self, cols: u16, rows: u16) {
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize");
    }

    /// Whether the terminal is in canonical mode with echo (not raw).
    pub fn cooked(&self) -> bool {
        use nix::sys::termios::LocalFlags;
        let termios = self.master.get_termios().expect("termios");
        termios
            .local_flags
            .contains(LocalFlags::ICANON | LocalFlags::ECHO)
    }

    /// Waits for the process to end; returns its exit code, everything it
    /// printed (escape codes removed, and raw), and whether the terminal
    /// is back in cooked mode with echo.
    pub fn finish(mut self) -> Finished {
        let deadline = Instant::now() + Duration::from_secs(20);
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                break status;
            }
            assert!(
                Instant::now() < deadline,
                "srs {} did not exit:\n{}",
                self.command,
                strip_ansi(&self.raw())
            );
            std::thread::sleep(Duration::from_millis(20));
        };
        // Let the reader drain what is left.
        let _ = self.drained.recv_timeout(Duration::from_secs(10));
        let raw = self.raw();
        Finished {
            code: status.exit_code(),
            text: strip_ansi(&raw),
            cooked: self.cooked(),
            raw,
        }
    }

    /// [`Pty::finish`], checking the terminal was restored.
    pub fn finish_checked(self) -> (u32, String, Vec<u8>) {
        let done = self.finish();
        assert!(done.cooked, "terminal left in raw mode:\n{}", done.text);
        (done.code, done.text, done.raw)
    }
}

/// How a process in a [`Pty`] ended.
pub struct Finished {
    pub code: u32,
    pub text: String,
    pub raw: Vec<u8>,
    pub cooked: bool,
}

/// The output with ANSI escape sequences removed.
pub fn strip_ansi(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes).replace('\u{a0}', " ");
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\u{1b}' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('[') => {
                // CSI: parameters, then one final byte in @..~. A cursor
                // move starts a new line of text.
                for c in chars.by_ref() {
                    if ('@'..='~').contains(&c) {
                        if c == 'H' && !out.ends_with('\n') {
                            out.push('\n');
                        }
                        break;
                    }
                }
            }
            Some(']') => {
                for c in chars.by_ref() {
                    if c == '\u{7}' {
                        break;
                    }
                }
            }
            _ => {}
        }
    }
    out
}

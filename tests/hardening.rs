//! Issue 20: what a hostile or careless user can do. Nothing hangs (every
//! command that could is bounded by a timeout here, so a regression fails
//! rather than hangs), nothing acknowledged is lost, nothing from a deck
//! reaches the terminal raw.

use std::path::Path;
use std::time::Duration;

use serde_json::json;

use crate::util::{Env, json_of, stdout_of};

/// Long enough for any of these commands on a loaded machine; short
/// enough that a hang fails the test.
const BOUND: Duration = Duration::from_secs(60);

fn stderr_of(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A revision sheet that compiles into cards.
const SHEET: &str = "# Infection control\n\n## Hand hygiene\n\n- **Hand rub:** an alcohol gel that cleans hands between patients\n- **PPE:** personal protective equipment worn to stop the spread of infection\n";

fn mkfifo(path: &Path) {
    nix::unistd::mkfifo(path, nix::sys::stat::Mode::S_IRWXU).unwrap();
}

/// A deck file of `n` plain cards in deck `name`.
fn deck(env: &Env, file: &str, name: &str, n: usize) -> std::path::PathBuf {
    let cards: Vec<_> = (0..n)
        .map(|i| json!({"id": format!("c{i}"), "front": format!("Q{i}?"), "back": format!("A{i}")}))
        .collect();
    env.write(file, &json!({"name": name, "cards": cards}).to_string())
}

fn env_with(n: usize) -> Env {
    let env = Env::new();
    let file = deck(&env, "deck.json", "T", n);
    stdout_of(env.srs().arg("--no-default-deck").arg("import").arg(file));
    env
}

// 1. Hangs and memory.

#[test]
fn devices_are_refused_not_read() {
    let env = Env::new();
    for args in [
        vec!["compile", "/dev/zero"],
        vec!["import", "/dev/zero"],
        vec!["compile", "/dev/urandom", "--out", "x.json"],
    ] {
        let output = env.srs().args(&args).timeout(BOUND).output().unwrap();
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        let err = stderr_of(&output);
        assert!(
            err.contains("not a regular file (a device)"),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn fifos_named_or_met_in_a_folder_never_block() {
    let env = Env::new();
    let notes = env.path().join("notes");
    env.write("notes/sheet.md", SHEET);
    mkfifo(&notes.join("pipe.md"));
    let output = env
        .srs()
        .arg("compile")
        .arg(&notes)
        .timeout(BOUND)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert!(stderr_of(&output).contains("pipe.md: not a regular file (a FIFO)"));

    let output = env
        .srs()
        .arg("compile")
        .arg(notes.join("pipe.md"))
        .timeout(BOUND)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));

    let fifo_db = env.path().join("db.fifo");
    mkfifo(&fifo_db);
    let output = env
        .srs()
        .arg("--db")
        .arg(&fifo_db)
        .arg("status")
        .timeout(BOUND)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr_of(&output).contains("not a regular file"),
        "{}",
        stderr_of(&output)
    );

    let output = env
        .srs()
        .arg("import")
        .arg(notes.join("pipe.md"))
        .timeout(BOUND)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn symlink_cycles_end_and_each_document_is_read_once() {
    let env = Env::new();
    let notes = env.path().join("notes");
    env.write("notes/a/sheet.md", SHEET);
    std::os::unix::fs::symlink(".", notes.join("self")).unwrap();
    std::os::unix::fs::symlink("..", notes.join("a/up")).unwrap();
    std::os::unix::fs::symlink("../a", notes.join("a/back")).unwrap();
    let output = env
        .srs()
        .arg("compile")
        .arg(&notes)
        .timeout(BOUND)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let err = stderr_of(&output);
    assert!(err.contains("1 documents"), "{err}");
    assert!(err.contains("cycle"), "{err}");
}

#[test]
fn the_size_cap_is_named_and_can_be_raised() {
    let env = Env::new();
    let big = env.write(
        "big.md",
        &(0..20_000)
            .map(|i| {
                format!("## Topic {i}\n\n- **Term{i}x:** a thing number {i} for cleaning hands\n\n")
            })
            .collect::<String>(),
    );
    let output = env
        .srs()
        .args(["compile", "--max-size", "1"])
        .arg(&big)
        .timeout(BOUND)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr_of(&output).contains("1 MB limit"),
        "{}",
        stderr_of(&output)
    );
    assert!(stderr_of(&output).contains("--max-size"));
    let output = env
        .srs()
        .args(["compile", "--max-size", "2"])
        .arg(&big)
        .timeout(BOUND)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));

    let file = env.write("deck.json", &"x".repeat(1024 * 1024 + 10));
    let output = env
        .srs()
        .args(["import", "--max-size", "1"])
        .arg(&file)
        .timeout(BOUND)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr_of(&output).contains("1 MB limit"),
        "{}",
        stderr_of(&output)
    );
}

// 6. Terminal escape injection.

const HOSTILE: &str = "Evil\x1b[2J\x1b]8;;http://x\x07link\x1b]52;c;Zm9v\x07\u{9b}31m\u{202e}";

fn hostile_env() -> Env {
    let env = Env::new();
    let file = env.write(
        "evil.json",
        &json!({"name": HOSTILE, "cards": [
            {"id": "evil\x1b[31m", "front": HOSTILE, "back": HOSTILE},
        ]})
        .to_string(),
    );
    let import = stdout_of(env.srs().arg("--no-default-deck").arg("import").arg(file));
    assert_clean(&import);
    env
}

fn assert_clean(text: &str) {
    assert!(
        !text
            .chars()
            .any(|c| (c.is_control() && c != '\n') || c == '\u{202e}'),
        "raw control characters reached the terminal: {text:?}"
    );
}

#[test]
fn deck_text_never_reaches_the_terminal_raw() {
    let env = hostile_env();
    let cards = stdout_of(env.srs().arg("cards"));
    assert!(cards.contains("Evil␛[2J"), "{cards}");
    assert_clean(&cards);
    assert_clean(&stdout_of(env.srs().arg("next")));
    assert_clean(&stdout_of(env.srs().arg("stats")));
    let review = stdout_of(env.srs().arg("review").write_stdin("\ngood\nq\n"));
    assert!(review.contains("Q: Evil␛[2J"), "{review}");
    assert_clean(&review);
    assert_clean(&stdout_of(env.srs().arg("undo")));
    // JSON stays exact: serde escapes control characters itself.
    let json = json_of(env.srs().args(["cards", "--json"]));
    assert_eq!(json[0]["front"], HOSTILE);
}

#[test]
fn file_names_and_errors_are_cleaned_too() {
    let env = Env::new();
    let name = "sheet\x1b]0;pwned\x07.md";
    env.write(name, SHEET);
    let output = env
        .srs()
        .arg("compile")
        .arg(env.path().join(name))
        .timeout(BOUND)
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_clean(&stderr_of(&output));
    let output = env
        .srs()
        .arg("import")
        .arg(env.path().join("no\x1b[2Jsuch.json"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_clean(&stderr_of(&output));
    let output = env
        .srs()
        .args(["answer", "x\x1b[2J", "good"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_clean(&stderr_of(&output));
}

#[test]
fn a_byte_order_mark_in_a_deck_file_is_read() {
    let env = Env::new();
    let path = env.path().join("bom.json");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(
        json!({"name": "B", "cards": [{"id": "b1", "front": "Q?", "back": "A"}]})
            .to_string()
            .bytes(),
    );
    std::fs::write(&path, bytes).unwrap();
    let out = stdout_of(env.srs().arg("--no-default-deck").arg("import").arg(&path));
    assert!(out.contains("1 added"), "{out}");
    let _ = env_with;
}

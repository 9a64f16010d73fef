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

/// Runs `cmd`, failing the test if it outlasts [`BOUND`].
fn bounded(cmd: &mut assert_cmd::Command) -> std::process::Output {
    cmd.timeout(BOUND).output().unwrap()
}

fn stderr_of(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Asserts that `srs` failed (exit code 1) saying `needle` on stderr.
fn assert_refused(output: &std::process::Output, needle: &str) {
    let err = stderr_of(output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(err.contains(needle), "wanted {needle:?} in: {err}");
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
        let output = bounded(env.srs().args(&args));
        assert_refused(&output, "not a regular file (a device)");
    }
}

#[test]
fn fifos_named_or_met_in_a_folder_never_block() {
    let env = Env::new();
    let notes = env.path().join("notes");
    env.write("notes/sheet.md", SHEET);
    mkfifo(&notes.join("pipe.md"));
    let output = bounded(env.srs().arg("compile").arg(&notes));
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert!(stderr_of(&output).contains("pipe.md: not a regular file (a FIFO)"));

    let output = bounded(env.srs().arg("compile").arg(notes.join("pipe.md")));
    assert_eq!(output.status.code(), Some(1));

    let fifo_db = env.path().join("db.fifo");
    mkfifo(&fifo_db);
    let output = bounded(env.srs().arg("--db").arg(&fifo_db).arg("status"));
    assert_refused(&output, "not a regular file");

    let output = bounded(env.srs().arg("import").arg(notes.join("pipe.md")));
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
    let output = bounded(env.srs().arg("compile").arg(&notes));
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
    let output = bounded(env.srs().args(["compile", "--max-size", "1"]).arg(&big));
    assert_refused(&output, "1 MB limit");
    assert!(stderr_of(&output).contains("--max-size"));
    let output = bounded(env.srs().args(["compile", "--max-size", "2"]).arg(&big));
    assert!(output.status.success(), "{}", stderr_of(&output));

    let file = env.write("deck.json", &"x".repeat(1024 * 1024 + 10));
    let output = bounded(env.srs().args(["import", "--max-size", "1"]).arg(&file));
    assert_refused(&output, "1 MB limit");
}

// 6. Terminal escape injection.

const HOSTILE: &str = "Evil\x1b[2J\x1b]8;;http://x\x07link\x1b]52;c;Zm9v\x07\u{9b}31m\u{202e}";

fn hostile_env() -> Env {
    let env = Env::new();
    let file = env.write(
        "evil.json",
        &json!({"name": HOSTILE, "cards": [
            {"id": "evil", "front": HOSTILE, "back": HOSTILE},
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
    let output = bounded(env.srs().arg("compile").arg(env.path().join(name)));
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

// 3. Answers acknowledged, then lost.

/// Runs a piped `srs review`, feeding `first` line by line, waiting for
/// each answer's acknowledgement; then runs `between` and feeds `rest`.
/// Returns (exit code, stdout, stderr), failing after BOUND.
fn review_with_interruption(
    env: &Env,
    first: &[&str],
    between: impl FnOnce(),
    rest: &[&str],
) -> (Option<i32>, String, String) {
    use std::io::{BufRead, BufReader, Write};
    use std::process::{Command, Stdio};
    use std::sync::mpsc;
    let mut child = Command::new(env!("CARGO_BIN_EXE_srs"))
        .arg("review")
        .env("SRS_DB", &env.db)
        .env("SRS_NOW", &env.now)
        .env("TZ", "UTC")
        .env_remove("SRS_NO_DEFAULT_DECK")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel::<String>();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut seen = String::new();
    let mut wait_for = |what: &str| loop {
        let line = rx
            .recv_timeout(BOUND)
            .unwrap_or_else(|_| panic!("no '{what}' within the bound: {seen}"));
        seen.push_str(&line);
        seen.push('\n');
        if line.contains(what) {
            break;
        }
    };
    for line in first {
        writeln!(stdin, "{line}").unwrap();
        wait_for("next review");
    }
    between();
    for line in rest {
        let _ = writeln!(stdin, "{line}");
    }
    drop(stdin);
    let deadline = std::time::Instant::now() + BOUND;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("srs review did not end within the bound");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    reader.join().unwrap();
    while let Ok(line) = rx.try_recv() {
        seen.push_str(&line);
        seen.push('\n');
    }
    let mut err = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
    (status.code(), seen, err)
}

fn remove_collection(db: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut name = db.as_os_str().to_owned();
        name.push(suffix);
        let _ = std::fs::remove_file(std::path::PathBuf::from(name));
    }
}

/// Answers one card, runs `interrupt`, answers `after`: the review fails
/// naming the lost collection, and only the first answer was acknowledged.
fn assert_interrupted_review_fails(env: &Env, interrupt: impl FnOnce(), after: &[&str]) {
    let (code, out, err) = review_with_interruption(env, &["good"], interrupt, after);
    assert_eq!(code, Some(1), "{out}\n{err}");
    assert!(err.contains("deleted, moved or replaced"), "{err}");
    assert_eq!(out.matches("next review").count(), 1, "{out}");
}

#[test]
fn a_collection_deleted_during_a_review_is_an_error_not_a_lost_answer() {
    let env = env_with(5);
    assert_interrupted_review_fails(&env, || remove_collection(&env.db), &["good", "good"]);
}

#[test]
fn a_collection_moved_during_a_review_is_an_error_not_a_lost_answer() {
    let env = env_with(5);
    let moved = env.path().join("moved.db");
    assert_interrupted_review_fails(
        &env,
        || std::fs::rename(&env.db, &moved).unwrap(),
        &["good"],
    );
}

// 4. The collection overwritten by an output.

/// Writes another program's SQLite database at `path`; returns its bytes.
fn foreign_database(path: &Path) -> Vec<u8> {
    {
        let conn = rusqlite::Connection::open(path).unwrap();
        conn.execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (1);")
            .unwrap();
    }
    std::fs::read(path).unwrap()
}

#[test]
fn outputs_never_replace_the_collection_an_input_or_a_foreign_database() {
    let env = env_with(3);
    stdout_of(env.srs().args(["answer", "c0", "good"]));
    let before = std::fs::read(&env.db).unwrap();

    // The collection itself, named as a deck file or an Anki package.
    let json_db = env.path().join("col.json");
    std::fs::copy(&env.db, &json_db).unwrap();
    for out in [&json_db, &env.db] {
        let output = env
            .srs()
            .arg("--db")
            .arg(out)
            .args(["export", "--out"])
            .arg(out)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{}", stderr_of(&output));
    }
    assert_eq!(std::fs::read(&env.db).unwrap(), before);

    // `compile --out` the collection, or one of its own documents.
    let sheet = env.write("sheet.md", SHEET);
    for out in [&env.db, &sheet] {
        let output = env
            .srs()
            .arg("compile")
            .arg(&sheet)
            .arg("--out")
            .arg(out)
            .output()
            .unwrap();
        assert_refused(&output, "choose another name");
    }
    assert_eq!(std::fs::read_to_string(&sheet).unwrap(), SHEET);
    assert_eq!(std::fs::read(&env.db).unwrap(), before);

    // Another program's database, whatever its name.
    let foreign = env.path().join("other.csv");
    let theirs = foreign_database(&foreign);
    let output = env
        .srs()
        .args(["export", "--out"])
        .arg(&foreign)
        .output()
        .unwrap();
    assert_refused(&output, "SQLite database");
    assert_eq!(std::fs::read(&foreign).unwrap(), theirs);
}

#[test]
fn exporting_over_a_symlink_keeps_the_link_and_the_mode() {
    use std::os::unix::fs::PermissionsExt;
    let env = env_with(3);
    let real_dir = env.path().join("real");
    std::fs::create_dir(&real_dir).unwrap();
    let real = real_dir.join("deck.csv");
    std::fs::write(&real, "old").unwrap();
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o600)).unwrap();
    let link = env.path().join("deck.csv");
    std::os::unix::fs::symlink("real/deck.csv", &link).unwrap();
    stdout_of(env.srs().args(["export", "--out"]).arg(&link));
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let text = std::fs::read_to_string(&real).unwrap();
    assert!(text.contains("Q0?"), "{text}");
    let mode = std::fs::metadata(&real).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    // Nothing left beside either.
    assert_eq!(std::fs::read_dir(&real_dir).unwrap().count(), 1);
}

// 5. Foreign files written.

#[test]
fn db_is_always_a_plain_path() {
    let env = Env::new();
    let foreign = env.path().join("theirs.db");
    let theirs = foreign_database(&foreign);
    let output = env
        .srs()
        .current_dir(env.path())
        .args(["--db", "file:theirs.db?mode=rw", "status"])
        .output()
        .unwrap();
    // Taken as a file called `file:theirs.db?mode=rw`: a new collection.
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert_eq!(std::fs::read(&foreign).unwrap(), theirs);
    assert!(env.path().join("file:theirs.db?mode=rw").is_file());
    for db in [":memory:", "file::memory:"] {
        let output = env.srs().args(["--db", db, "status"]).output().unwrap();
        assert_refused(&output, "not a usable file path");
    }
}

// 7. First use in parallel.

#[test]
fn concurrent_first_use_all_succeeds() {
    let built_in: serde_json::Value =
        serde_json::from_str(include_str!("../decks/partnership-working.json")).unwrap();
    let built_in = built_in["cards"].as_array().unwrap().len() as u64;
    assert!(built_in > 0);
    for round in 0..5 {
        let env = Env::new();
        let children: Vec<_> = (0..10)
            .map(|_| {
                std::process::Command::new(env!("CARGO_BIN_EXE_srs"))
                    .args(["status", "--json"])
                    .env("SRS_DB", &env.db)
                    .env("SRS_NOW", &env.now)
                    .env("TZ", "UTC")
                    .env_remove("SRS_NO_DEFAULT_DECK")
                    .stdout(std::process::Stdio::piped())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for child in children {
            let output = child.wait_with_output().unwrap();
            assert!(
                output.status.success(),
                "round {round}: {}",
                stderr_of(&output)
            );
            // Every process sees the whole built-in deck.
            let status: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
            assert_eq!(status["total"].as_u64().unwrap(), built_in, "{status}");
        }
        // Nothing but the collection (and its WAL files) is left.
        let names: Vec<String> = std::fs::read_dir(env.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| !n.starts_with("collection.db"))
            .collect();
        assert!(names.is_empty(), "{names:?}");
    }
}

// 8. Undo does too much.

/// The card `id` as `srs cards --json` lists it.
fn card_json(env: &Env, id: &str) -> serde_json::Value {
    let cards = json_of(env.srs().args(["cards", "--json"]));
    let card = cards.as_array().unwrap().iter().find(|c| c["id"] == id);
    card.unwrap_or_else(|| panic!("no card {id}: {cards}"))
        .clone()
}

#[test]
fn undo_never_unsuspends_or_resurrects() {
    let env = env_with(3);
    stdout_of(env.srs().args(["answer", "c0", "good"]));
    stdout_of(env.srs().args(["suspend", "c0"]));
    stdout_of(env.srs().arg("undo"));
    let c0 = card_json(&env, "c0");
    assert_eq!(c0["suspended"], true, "{c0}");
    assert_eq!(c0["repetitions"], 0, "{c0}");

    // A card the deck removed stays removed.
    stdout_of(env.srs().args(["answer", "c1", "good"]));
    let smaller = deck(&env, "deck.json", "T", 1);
    stdout_of(env.srs().arg("import").arg(smaller));
    stdout_of(env.srs().arg("undo"));
    let c1 = card_json(&env, "c1");
    assert_eq!(c1["suspended"], true, "{c1}");
    assert_eq!(c1["repetitions"], 0, "{c1}");
}

// 10. Smaller items.

#[test]
fn impossible_schema_versions_are_refused_cleanly() {
    for version in [0, -1] {
        let env = env_with(1);
        {
            let conn = rusqlite::Connection::open(&env.db).unwrap();
            conn.pragma_update(None, "user_version", version).unwrap();
            conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
        }
        let before = std::fs::read(&env.db).unwrap();
        let output = env.srs().arg("status").output().unwrap();
        assert_eq!(output.status.code(), Some(1));
        let err = stderr_of(&output);
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert!(err.contains(&format!("schema version {version}")), "{err}");
        assert_eq!(std::fs::read(&env.db).unwrap(), before);
        let names: Vec<String> = std::fs::read_dir(env.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(
            !names
                .iter()
                .any(|n| n.contains(".bak") || n.ends_with("-wal")),
            "{names:?}"
        );
    }
}

// 9. Damaged files written to.

#[test]
fn damaged_collections_are_refused_before_writing() {
    use std::io::{Read, Seek, SeekFrom, Write};
    let env = env_with(400);
    // Answered once, so srs has left its note that the file is sound.
    stdout_of(env.srs().args(["answer", "c0", "good"]));
    let pristine = std::fs::read(&env.db).unwrap();
    let page = 4096;
    let mut damaged = 0;
    // One bit flipped in place, in turn in each page after the header's.
    for n in 1..pristine.len() / page {
        std::fs::write(&env.db, &pristine).unwrap();
        let at = (n * page + 1000 + n * 37 % 2000) as u64;
        let mut file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(&env.db)
            .unwrap();
        let mut byte = [0u8];
        file.seek(SeekFrom::Start(at)).unwrap();
        file.read_exact(&mut byte).unwrap();
        file.seek(SeekFrom::Start(at)).unwrap();
        file.write_all(&[byte[0] ^ 0x10]).unwrap();
        drop(file);
        let flipped = std::fs::read(&env.db).unwrap();
        let check = env.srs().arg("check").output().unwrap();
        std::fs::write(&env.db, &flipped).unwrap();
        if check.status.success() {
            continue;
        }
        damaged += 1;
        let output = bounded(
            env.srs()
                .args(["answer", &format!("c{}", 1 + n % 300), "good"]),
        );
        assert_eq!(
            output.status.code(),
            Some(1),
            "page {n}: {}",
            stderr_of(&output)
        );
        assert!(!stderr_of(&output).contains("panicked"));
        assert_eq!(
            std::fs::read(&env.db).unwrap(),
            flipped,
            "page {n} was written to"
        );
    }
    assert!(damaged > 0, "no flip was damage: the test proves nothing");
}

/// Runs a shell line with `$SRS` the binary, on `env`'s collection.
fn shell(env: &Env, line: &str) -> std::process::Output {
    std::process::Command::new("bash")
        .arg("-c")
        .arg(line)
        .env("SRS", env!("CARGO_BIN_EXE_srs"))
        .env("SRS_DB", &env.db)
        .env("SRS_NOW", &env.now)
        .env("TZ", "UTC")
        .env_remove("SRS_NO_DEFAULT_DECK")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap()
}

/// Runs `srs ARGS` with its stdout a pipe whose reader is already gone,
/// as `| head` leaves it, and asserts it succeeds saying nothing.
fn assert_quiet_into_closed_pipe(env: &Env, args: &[&str]) {
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_srs"))
        .args(args)
        .env("SRS_DB", &env.db)
        .env("SRS_NOW", &env.now)
        .env("TZ", "UTC")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert_eq!(stderr_of(&output), "");
}

#[test]
fn completions_into_a_closed_pipe_do_not_panic() {
    let env = env_with(1);
    assert_quiet_into_closed_pipe(&env, &["completions", "bash"]);
}

#[test]
fn json_into_a_closed_pipe_is_silent() {
    let env = env_with(300);
    assert_quiet_into_closed_pipe(&env, &["cards", "--json"]);
}

#[test]
fn a_full_stderr_does_not_panic() {
    let env = env_with(1);
    let sheet = env.write("sheet.md", SHEET);
    let output = shell(
        &env,
        &format!(
            "\"$SRS\" compile '{}' missing.md >/dev/null 2>/dev/full",
            sheet.display()
        ),
    );
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn a_setting_far_too_large_says_so() {
    let env = env_with(1);
    let output = env
        .srs()
        .args(["config", "new-per-day", "1000000000000"])
        .output()
        .unwrap();
    assert_refused(&output, "too large");
}

#[test]
fn years_srs_cannot_print_are_refused() {
    let env = env_with(1);
    for year in ["0000", "9999"] {
        let output = env
            .srs_at(&format!("{year}-01-01T12:00:00Z"))
            .arg("status")
            .output()
            .unwrap();
        assert_refused(&output, "outside the years");
    }
}

#[test]
fn an_unknown_deck_is_an_error_not_an_empty_list() {
    let env = env_with(1);
    for cmd in ["cards", "status", "next", "stats", "review"] {
        let output = env.srs().args([cmd, "--deck", "Nope"]).output().unwrap();
        assert_refused(&output, "no deck named \"Nope\"");
    }
}

#[test]
fn review_limit_zero_is_a_usage_error() {
    let env = env_with(1);
    let output = env.srs().args(["review", "--limit", "0"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn piped_lines_that_are_not_utf8_or_huge_do_not_end_the_review() {
    let env = env_with(3);
    let mut input = b"go\xffod\n".to_vec();
    input.extend(vec![b'x'; 5_000_000]);
    input.extend(b"\ngood\nq\n");
    let output = bounded(env.srs().arg("review").write_stdin(input));
    assert!(output.status.success(), "{}", stderr_of(&output));
    let out = String::from_utf8_lossy(&output.stdout);
    assert!(out.contains("good (4):"), "{}", &out[..out.len().min(2000)]);
    assert!(out.len() < 10_000, "{} bytes echoed", out.len());
}

#[test]
fn ids_with_control_characters_are_refused() {
    let env = env_with(1);
    for id in ["a\nb", "a\u{0}b"] {
        let file = env.write(
            "ids.json",
            &json!({"name": "T", "cards": [{"id": id, "front": "Q", "back": "A"}]}).to_string(),
        );
        let output = env.srs().arg("import").arg(&file).output().unwrap();
        assert_refused(&output, "control character");
    }
}

// Temporary files of an interrupted export.

#[test]
fn signals_during_an_export_leave_no_temporary_files() {
    use nix::sys::signal::{Signal, kill};
    use nix::unistd::Pid;
    let env = env_with(40_000);
    for signal in [Signal::SIGINT, Signal::SIGTERM, Signal::SIGHUP] {
        let out_dir = env.path().join(format!("out-{signal}"));
        std::fs::create_dir(&out_dir).unwrap();
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_srs"))
            .args(["export", "--out"])
            .arg(out_dir.join("deck.apkg"))
            .env("SRS_DB", &env.db)
            .env("SRS_NOW", &env.now)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let deadline = std::time::Instant::now() + BOUND;
        // Wait for the hidden temporary file to appear, then interrupt.
        let mut caught = false;
        while std::time::Instant::now() < deadline && child.try_wait().unwrap().is_none() {
            if std::fs::read_dir(&out_dir).unwrap().count() > 0 {
                kill(Pid::from_raw(child.id() as i32), signal).unwrap();
                caught = true;
                break;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            assert!(std::time::Instant::now() < deadline, "export did not end");
            std::thread::sleep(Duration::from_millis(10));
        };
        if caught {
            assert!(!status.success(), "{signal}");
        }
        let left: Vec<_> = std::fs::read_dir(&out_dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with('.'))
            .collect();
        assert!(left.is_empty(), "{signal}: {left:?}");
        assert!(
            caught,
            "{signal}: the export ended before it could be interrupted"
        );
    }
}

#[test]
fn a_read_only_folder_still_reads_and_refuses_writes_cleanly() {
    use std::os::unix::fs::PermissionsExt;
    let env = env_with(3);
    let folder = env.path().join("ro");
    std::fs::create_dir(&folder).unwrap();
    let db = folder.join("c.db");
    std::fs::rename(&env.db, &db).unwrap();
    let mode = |path: &Path, mode| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap()
    };
    // Root writes anywhere: run srs as nobody, who owns the file only.
    let root = {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata("/proc/self").unwrap().uid() == 0
    };
    if root {
        std::os::unix::fs::chown(&db, Some(65534), None).unwrap();
        mode(env.path(), 0o755);
    }
    mode(&folder, 0o555);
    let run = |args: &[&str]| {
        let mut cmd = if root {
            let mut cmd = std::process::Command::new("setpriv");
            cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
                .arg(env!("CARGO_BIN_EXE_srs"));
            cmd
        } else {
            std::process::Command::new(env!("CARGO_BIN_EXE_srs"))
        };
        cmd.args(args)
            .env("SRS_DB", &db)
            .env("SRS_NOW", &env.now)
            .env("TZ", "UTC")
            .output()
            .expect("run srs (as root this needs util-linux's setpriv)")
    };
    let before = std::fs::read(&db).unwrap();
    let status = run(&["status", "--json"]);
    let cards = run(&["cards"]);
    let answer = run(&["answer", "c0", "good"]);
    mode(&folder, 0o755);
    assert!(status.status.success(), "{}", stderr_of(&status));
    assert!(cards.status.success(), "{}", stderr_of(&cards));
    assert!(String::from_utf8_lossy(&cards.stdout).contains("Q2?"));
    assert_eq!(answer.status.code(), Some(1));
    assert!(
        stderr_of(&answer).contains("writable"),
        "{}",
        stderr_of(&answer)
    );
    assert_eq!(std::fs::read(&db).unwrap(), before);
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 1);
}

#[test]
fn review_undo_never_takes_back_another_process_answer() {
    let env = env_with(3);
    let (code, out, err) = review_with_interruption(
        &env,
        &["good"],
        || {
            stdout_of(env.srs().args(["answer", "c2", "easy"]));
        },
        &["u", "q"],
    );
    assert_eq!(code, Some(0), "{out}\n{err}");
    assert!(out.contains("Undid grade 4 of 'c0'."), "{out}");
    let cards = json_of(env.srs().args(["cards", "--json"]));
    let reps = |id: &str| {
        cards
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .unwrap()["repetitions"]
            .clone()
    };
    assert_eq!(reps("c0"), 0);
    assert_eq!(reps("c2"), 1, "the other process's answer stays");
}

#[test]
fn the_checked_note_follows_srs_and_only_srs() {
    let env = env_with(3);
    let note = env.path().join("collection.db.checked");
    // The import wrote and checked the file: the note is there.
    assert!(note.is_file());
    std::fs::remove_file(&note).unwrap();
    // Reading alone trusts nothing and notes nothing...
    stdout_of(env.srs().arg("status"));
    assert!(!note.exists());
    // ...but a clean `srs check` does.
    stdout_of(env.srs().arg("check"));
    assert!(note.is_file());
    // Anything else changing the file makes it stale.
    let before = std::fs::read_to_string(&note).unwrap();
    let bytes = std::fs::read(&env.db).unwrap();
    std::thread::sleep(Duration::from_millis(20));
    std::fs::write(&env.db, bytes).unwrap();
    stdout_of(env.srs().arg("status"));
    assert_eq!(
        std::fs::read_to_string(&note).unwrap(),
        before,
        "status left it stale"
    );
    stdout_of(env.srs().args(["answer", "c0", "good"]));
    assert_ne!(std::fs::read_to_string(&note).unwrap(), before);
}

#[test]
fn completions_and_man_touch_no_data_folder_and_no_clock() {
    let env = Env::new();
    let xdg = env.path().join("xdg");
    for args in [&["completions", "bash"][..], &["man"][..]] {
        let output = crate::util::srs()
            .args(args)
            .env("XDG_DATA_HOME", &xdg)
            .env("SRS_NOW", "9999-01-01T00:00:00Z")
            .output()
            .unwrap();
        assert!(output.status.success(), "{args:?}: {}", stderr_of(&output));
    }
    assert!(!xdg.exists(), "a data folder was created");
}

// Review findings: curate and compile read decks and edits files as import does.

#[test]
fn curate_reads_only_regular_files_under_the_cap() {
    let env = Env::new();
    let fifo = env.path().join("ff");
    mkfifo(&fifo);
    let good = deck(&env, "d.json", "D", 2);
    for args in [
        vec!["curate".to_string(), "/dev/zero".into(), "--summary".into()],
        vec!["curate".into(), fifo.display().to_string()],
        vec![
            "curate".into(),
            good.display().to_string(),
            "--edits".into(),
            "/dev/zero".into(),
        ],
        vec![
            "curate".into(),
            good.display().to_string(),
            "--edits".into(),
            fifo.display().to_string(),
        ],
    ] {
        let output = bounded(env.srs().args(&args).write_stdin("quit\n"));
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        let err = stderr_of(&output);
        assert!(err.contains("not a regular file"), "{args:?}: {err}");
        assert_eq!(err.trim().lines().count(), 1, "{err}");
    }
    let output = bounded(env.srs().args(["compile", "x.md", "--edits", "/dev/zero"]));
    let err = stderr_of(&output);
    assert!(!err.contains("does not exist"), "{err}");
}

#[test]
fn compile_into_a_pipe_does_not_read_it_as_the_previous_deck() {
    let env = Env::new();
    env.write("notes/sheet.md", SHEET);
    let output = shell(
        &env,
        "cd \"$(dirname \"$SRS_DB\")\" && \"$SRS\" compile notes --out /dev/stdout | head -c 10",
    );
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert_eq!(String::from_utf8_lossy(&output.stdout), "{\n  \"name\"");
}

#[test]
fn a_byte_order_mark_is_read_by_curate_and_by_compile_over_the_deck() {
    let env = Env::new();
    env.write("notes/sheet.md", SHEET);
    let out = env.path().join("u.json");
    stdout_of(
        env.srs()
            .arg("compile")
            .arg(env.path().join("notes"))
            .args(["--deck", "U", "--out"])
            .arg(&out),
    );
    let compiled: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let n = compiled["cards"].as_array().unwrap().len();
    assert!(n > 0);
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(std::fs::read(&out).unwrap());
    std::fs::write(&out, &bytes).unwrap();
    let summary = stdout_of(env.srs().arg("curate").arg(&out).arg("--summary"));
    assert!(
        summary.contains(&format!("0 of {n} cards decided")),
        "{summary}"
    );
    // The reworded card keeps its id through the marked file.
    let text = std::fs::read_to_string(env.path().join("notes/sheet.md")).unwrap();
    env.write("notes/sheet.md", &text.replace("Hand rub:", "Hand rubs:"));
    let said = stdout_of(
        env.srs()
            .arg("compile")
            .arg(env.path().join("notes"))
            .args(["--deck", "U", "--out"])
            .arg(&out),
    );
    assert!(said.contains("reworded cards keep their ids"), "{said}");
}

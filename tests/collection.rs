//! Integration tests for the collection and the plumbing commands:
//! import, next, answer, undo, cards, status, config, and the faults the
//! collection must survive.

use std::collections::HashSet;
use std::process::{Command as StdCommand, Stdio};
use std::time::Duration;

use serde_json::{Value, json};

use crate::util::{Env, json_of, srs, stdout_of};

/// A deck file with `n` basic cards `c0`, `c1`, ….
fn deck_json(name: &str, n: usize) -> String {
    let cards: Vec<Value> = (0..n)
        .map(|i| json!({"id": format!("c{i}"), "front": format!("Question {i}?"), "back": format!("Answer {i}")}))
        .collect();
    json!({"name": name, "cards": cards}).to_string()
}

/// A collection with no default deck and `n` cards imported.
fn env_with_cards(n: usize) -> Env {
    let env = Env::new();
    let deck = env.write("deck.json", &deck_json("Test", n));
    stdout_of(env.srs().arg("--no-default-deck").arg("import").arg(&deck));
    env
}

fn card<'a>(cards: &'a Value, id: &str) -> &'a Value {
    cards
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("card {id} missing"))
}

fn stderr_line(output: &std::process::Output) -> String {
    let text = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(
        text.trim_end().lines().count(),
        1,
        "one line of error: {text}"
    );
    assert!(!text.contains("panicked"), "{text}");
    text
}

#[test]
fn new_collection_gets_the_default_deck() {
    let env = Env::new();
    let status = json_of(env.srs().args(["status", "--json"]));
    assert!(status["total"].as_u64().unwrap() > 0, "{status}");
    assert_eq!(status["new"], 20.min(status["total"].as_u64().unwrap()));
    for key in [
        "due",
        "new",
        "redrills",
        "reviewed_today",
        "total",
        "suspended",
    ] {
        assert!(status[key].is_u64(), "{key} in {status}");
    }
    let next = json_of(env.srs().args(["next", "--json"]));
    for key in [
        "id",
        "deck",
        "kind",
        "front",
        "back",
        "tags",
        "ease",
        "interval",
        "repetitions",
        "lapses",
        "due",
        "suspended",
    ] {
        assert!(next.get(key).is_some(), "{key} in {next}");
    }
    assert_eq!(next["ease"], 2.5);
    assert_eq!(next["due"], Value::Null);
}

#[test]
fn no_default_deck_flag_and_variable() {
    let env = Env::new();
    let status = json_of(env.srs().args(["--no-default-deck", "status", "--json"]));
    assert_eq!(status["total"], 0);
    let env = Env::new();
    let status = json_of(
        env.srs()
            .env("SRS_NO_DEFAULT_DECK", "1")
            .args(["status", "--json"]),
    );
    assert_eq!(status["total"], 0);
    assert_eq!(stdout_of(env.srs().args(["next", "--json"])).trim(), "null");
}

#[test]
fn db_flag_beats_the_variable() {
    let env = Env::new();
    let other = env.path().join("other.db");
    stdout_of(env.srs().arg("status").arg("--db").arg(&other));
    assert!(other.exists());
    assert!(!env.db.exists());
}

#[test]
fn import_counts_and_is_idempotent() {
    let env = Env::new();
    let deck = env.write("deck.json", &deck_json("Test", 3));
    let out = stdout_of(env.srs().arg("--no-default-deck").arg("import").arg(&deck));
    assert_eq!(
        out.trim(),
        "Test: 3 added, 0 updated, 0 unchanged, 0 suspended"
    );
    let out = stdout_of(env.srs().arg("import").arg(&deck));
    assert_eq!(
        out.trim(),
        "Test: 0 added, 0 updated, 3 unchanged, 0 suspended"
    );

    // Study c0, then change its text and drop c2.
    stdout_of(env.srs().args(["answer", "c0", "good"]));
    let edited = json!({"name": "Test", "cards": [
        {"id": "c0", "front": "Question 0, reworded?", "back": "Answer 0"},
        {"id": "c1", "front": "Question 1?", "back": "Answer 1"},
        {"id": "c3", "front": "Question 3?", "back": "Answer 3"}
    ]});
    let deck = env.write("deck.json", &edited.to_string());
    let out = stdout_of(env.srs().arg("import").arg(&deck));
    assert_eq!(
        out.trim(),
        "Test: 1 added, 1 updated, 1 unchanged, 1 suspended"
    );
    let cards = json_of(env.srs().args(["cards", "--json"]));
    let c0 = card(&cards, "c0");
    assert_eq!(c0["front"], "Question 0, reworded?");
    assert_eq!(c0["repetitions"], 1, "history kept: {c0}");
    assert_eq!(c0["due"], "2026-01-02");
    assert_eq!(card(&cards, "c2")["suspended"], true);
    assert_eq!(cards.as_array().unwrap().len(), 4, "nothing deleted");
}

#[test]
fn malformed_deck_files_are_refused_whole() {
    let env = env_with_cards(2);
    let before = stdout_of(env.srs().args(["cards", "--json"]));
    let cases = [
        ("{ not json", "not a valid deck file"),
        (
            r#"{"cards": [{"id": "n1", "front": "Q", "back": "A"}, {"id": "n2", "front": "Q2"}]}"#,
            "card 2 (id \"n2\"): missing field `back`",
        ),
        (
            r#"{"cards": [{"front": "Q", "back": "A"}]}"#,
            "card 1 (no id): missing field `id`",
        ),
        (
            r#"{"cards": [{"id": "n1", "back": "A"}]}"#,
            "card 1 (id \"n1\"): missing field `front`",
        ),
        (
            r#"{"cards": [{"id": "n1", "front": "Q", "back": "A"}, {"id": "n1", "front": "Q", "back": "B"}]}"#,
            "duplicate id",
        ),
        (
            r#"{"cards": [{"id": "n1", "front": "", "back": "A"}]}"#,
            "empty `front`",
        ),
        (
            r#"{"cards": [{"id": "n1", "front": "Q", "back": "   "}]}"#,
            "empty `back`",
        ),
    ];
    for (text, expected) in cases {
        let path = env.write("bad.json", text);
        let output = env.srs().arg("import").arg(&path).output().unwrap();
        assert_eq!(output.status.code(), Some(1), "{text}");
        let err = stderr_line(&output);
        assert!(err.contains(expected), "{text}: {err}");
        assert!(err.contains("bad.json"), "names the file: {err}");
    }
    assert_eq!(stdout_of(env.srs().args(["cards", "--json"])), before);
    let output = env
        .srs()
        .args(["import", "/no/such/deck.json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr_line(&output).contains("/no/such/deck.json"));
}

#[test]
fn worked_example_through_the_binary() {
    let env = env_with_cards(1);
    // (when, grade, ease, interval, due, repetitions, lapses)
    let steps = [
        ("2026-01-01T12:00:00Z", "easy", 2.6, 1, "2026-01-02", 1, 0),
        ("2026-01-02T12:00:00Z", "5", 2.7, 6, "2026-01-08", 2, 0),
        ("2026-01-08T12:00:00Z", "good", 2.7, 17, "2026-01-25", 3, 0),
        ("2026-01-25T12:00:00Z", "3", 2.56, 44, "2026-03-10", 4, 0),
        ("2026-03-10T12:00:00Z", "2", 2.56, 1, "2026-03-11", 0, 1),
    ];
    for (now, grade, ease, interval, due, reps, lapses) in steps {
        stdout_of(env.srs_at(now).args(["answer", "c0", grade]));
        let cards = json_of(env.srs_at(now).args(["cards", "--json"]));
        let c = card(&cards, "c0");
        assert_eq!(c["ease"], ease, "{now}: {c}");
        assert_eq!(c["interval"], interval, "{now}");
        assert_eq!(c["due"], due, "{now}");
        assert_eq!(c["repetitions"], reps, "{now}");
        assert_eq!(c["lapses"], lapses, "{now}");
    }
    // The failure comes back the same day as a re-drill, which moves nothing.
    let now = "2026-03-10T13:00:00Z";
    let status = json_of(env.srs_at(now).args(["status", "--json"]));
    assert_eq!(status["redrills"], 1);
    assert_eq!(
        json_of(env.srs_at(now).args(["next", "--json"]))["id"],
        "c0"
    );
    let out = stdout_of(env.srs_at(now).args(["answer", "c0", "good"]));
    assert!(out.contains("re-drill"), "{out}");
    let c = card(&json_of(env.srs_at(now).args(["cards", "--json"])), "c0").clone();
    assert_eq!(
        (
            c["ease"].as_f64(),
            c["interval"].as_u64(),
            c["due"].as_str()
        ),
        (Some(2.56), Some(1), Some("2026-03-11"))
    );
    assert_eq!(
        stdout_of(env.srs_at(now).args(["next", "--json"])).trim(),
        "null"
    );
}

#[test]
fn study_day_rolls_over_at_four_local() {
    let env = env_with_cards(1);
    stdout_of(
        env.srs_at("2026-01-01T12:00:00Z")
            .args(["answer", "c0", "easy"]),
    );
    // 03:00 on the 2nd is still the 1st's study day: not due.
    assert_eq!(
        stdout_of(env.srs_at("2026-01-02T03:00:00Z").args(["next", "--json"])).trim(),
        "null"
    );
    assert_eq!(
        json_of(env.srs_at("2026-01-02T04:30:00Z").args(["next", "--json"]))["id"],
        "c0"
    );
    // In UTC-5, 08:30 UTC is 03:30 local: still the day before.
    let mut cmd = env.srs_at("2026-01-02T08:30:00Z");
    cmd.env("TZ", "EST5").args(["next", "--json"]);
    assert_eq!(stdout_of(&mut cmd).trim(), "null");
    let mut cmd = env.srs_at("2026-01-02T09:30:00Z");
    cmd.env("TZ", "EST5").args(["next", "--json"]);
    assert_eq!(json_of(&mut cmd)["id"], "c0");
    // A later rollover hour, stored in the collection.
    stdout_of(env.srs().args(["config", "rollover-hour", "0"]));
    assert_eq!(
        json_of(env.srs_at("2026-01-02T00:30:00Z").args(["next", "--json"]))["id"],
        "c0"
    );
}

#[test]
fn daily_limits_are_configurable() {
    let env = env_with_cards(30);
    assert_eq!(json_of(env.srs().args(["status", "--json"]))["new"], 20);
    let out = stdout_of(env.srs().args(["config", "new-per-day", "2"]));
    assert_eq!(out.trim(), "new-per-day = 2");
    assert_eq!(json_of(env.srs().args(["status", "--json"]))["new"], 2);
    stdout_of(env.srs().args(["answer", "c0", "good"]));
    stdout_of(env.srs().args(["answer", "c1", "good"]));
    let status = json_of(env.srs().args(["status", "--json"]));
    assert_eq!(
        (status["new"].as_u64(), status["reviewed_today"].as_u64()),
        (Some(0), Some(2))
    );
    let output = env.srs().args(["answer", "c2", "good"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr_line(&output).contains("limit"));
    let all = stdout_of(env.srs().arg("config"));
    assert!(all.contains("reviews-per-day = 200"), "{all}");
    for bad in [["config", "colour", "1"], ["config", "new-per-day", "many"]] {
        let output = env.srs().args(bad).output().unwrap();
        assert_eq!(output.status.code(), Some(1), "{bad:?}");
        stderr_line(&output);
    }
}

#[test]
fn answer_refusals_change_nothing() {
    let env = env_with_cards(2);
    stdout_of(env.srs().args(["answer", "c0", "easy"]));
    stdout_of(env.srs().args(["suspend", "c1"]));
    let before = stdout_of(env.srs().args(["cards", "--json"]));
    let cases: [(&[&str], &str); 5] = [
        (&["answer", "nope", "good"], "no card with id 'nope'"),
        (&["answer", "c1", "good"], "suspended"),
        (&["answer", "c0", "good"], "not due today"),
        (&["answer", "c0", "7"], "invalid grade '7'"),
        (&["answer", "c0", "great"], "invalid grade"),
    ];
    for (args, expected) in cases {
        let output = env.srs().args(args).output().unwrap();
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        let err = stderr_line(&output);
        assert!(err.contains(expected), "{args:?}: {err}");
    }
    assert_eq!(stdout_of(env.srs().args(["cards", "--json"])), before);
    // A usage error is clap's: exit 2.
    assert_eq!(
        env.srs()
            .args(["answer", "c0"])
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn undo_takes_back_the_last_answer_across_processes() {
    let env = env_with_cards(2);
    let before = stdout_of(env.srs().args(["cards", "--json"]));
    stdout_of(env.srs().args(["answer", "c0", "again"]));
    assert_eq!(json_of(env.srs().args(["status", "--json"]))["redrills"], 1);
    let out = stdout_of(env.srs().arg("undo"));
    assert!(out.contains("c0"), "{out}");
    assert_eq!(stdout_of(env.srs().args(["cards", "--json"])), before);
    assert_eq!(
        json_of(env.srs().args(["status", "--json"]))["reviewed_today"],
        0
    );
    let output = env.srs().arg("undo").output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr_line(&output).contains("nothing to undo"));
}

#[test]
fn clock_going_backwards_does_not_move_the_schedule() {
    let env = env_with_cards(1);
    stdout_of(
        env.srs_at("2026-01-05T12:00:00Z")
            .args(["answer", "c0", "easy"]),
    );
    let before = stdout_of(env.srs_at("2026-01-05T12:00:00Z").args(["cards", "--json"]));
    // The clock jumps back two days: the card is not due then, so the answer
    // is refused and nothing changes.
    let output = env
        .srs_at("2026-01-03T12:00:00Z")
        .args(["answer", "c0", "again"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr_line(&output).contains("not due"));
    assert_eq!(
        stdout_of(env.srs_at("2026-01-05T12:00:00Z").args(["cards", "--json"])),
        before
    );
    // When the clock is right again the card is due as scheduled.
    assert_eq!(
        json_of(env.srs_at("2026-01-06T12:00:00Z").args(["next", "--json"]))["id"],
        "c0"
    );
}

#[test]
fn cards_filters_by_deck_and_tag() {
    let env = Env::new();
    let a = json!({"name": "Alpha", "cards": [
        {"id": "a1", "front": "Q", "back": "A", "tags": ["law::acts"]},
        {"id": "a2", "front": "Q2", "back": "A2", "tags": ["care"]}
    ]});
    let b = json!({"name": "Beta", "cards": [{"id": "b1", "front": "Q", "back": "A", "tags": ["law"]}]});
    stdout_of(
        env.srs()
            .arg("--no-default-deck")
            .arg("import")
            .arg(env.write("a.json", &a.to_string())),
    );
    stdout_of(
        env.srs()
            .arg("import")
            .arg(env.write("b.json", &b.to_string())),
    );
    let ids = |args: &[&str]| -> Vec<String> {
        let cards = json_of(env.srs().args(["cards", "--json"]).args(args));
        cards
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids(&[]), ["a1", "a2", "b1"]);
    assert_eq!(ids(&["--deck", "beta"]), ["b1"]);
    assert_eq!(ids(&["--tag", "law"]), ["a1", "b1"]);
    assert_eq!(
        json_of(env.srs().args(["next", "--json", "--deck", "Beta"]))["id"],
        "b1"
    );
    let text = stdout_of(env.srs().arg("cards"));
    assert!(text.contains("a1") && text.contains("new"), "{text}");
}

fn assert_refused_untouched(env: &Env, path: &std::path::Path, expected: &str) {
    let before = std::fs::read(path).unwrap();
    let output = env
        .srs()
        .arg("--db")
        .arg(path)
        .args(["status", "--json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let err = stderr_line(&output);
    assert!(err.contains(expected), "{err}");
    assert!(
        err.contains(&path.display().to_string()),
        "names the file: {err}"
    );
    assert_eq!(std::fs::read(path).unwrap(), before, "file changed");
    assert!(output.stdout.is_empty());
}

#[test]
fn foreign_and_newer_files_are_refused_untouched() {
    let env = Env::new();
    let text = env.write("notes.db", &"not a database, just some words. ".repeat(10));
    assert_refused_untouched(&env, &text, "not an SQLite database");
    let empty = env.write("empty.db", "");
    assert_refused_untouched(&env, &empty, "is empty (0 bytes)");

    let other = env.path().join("other.db");
    {
        let conn = rusqlite::Connection::open(&other).unwrap();
        conn.execute_batch(
            "CREATE TABLE notes (id INTEGER, body TEXT); INSERT INTO notes VALUES (1, 'x');",
        )
        .unwrap();
    }
    assert_refused_untouched(&env, &other, "not an srs collection");

    let newer = env.path().join("newer.db");
    stdout_of(env.srs().arg("--db").arg(&newer).arg("status"));
    {
        let conn = rusqlite::Connection::open(&newer).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    assert_refused_untouched(&env, &newer, "schema version 99");

    let truncated = env.path().join("truncated.db");
    let bytes = std::fs::read(&newer).unwrap();
    std::fs::write(&truncated, &bytes[..60]).unwrap();
    assert_refused_untouched(&env, &truncated, "not an SQLite database");
}

#[test]
fn unusable_locations_get_a_clear_error() {
    let env = Env::new();
    let missing = env.path().join("no-such-dir").join("c.db");
    let output = env
        .srs()
        .arg("--db")
        .arg(&missing)
        .arg("status")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr_line(&output).contains("does not exist"));
    assert!(!missing.parent().unwrap().exists());

    // /proc refuses new files even to root.
    let output = env
        .srs()
        .args(["--db", "/proc/srs-collection.db", "status"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let err = stderr_line(&output);
    assert!(
        err.contains("/proc/srs-collection.db"),
        "names the file: {err}"
    );

    let bad_now = env
        .srs()
        .env("SRS_NOW", "soon")
        .arg("status")
        .output()
        .unwrap();
    assert_eq!(bad_now.status.code(), Some(1));
    assert!(stderr_line(&bad_now).contains("SRS_NOW"));
}

fn integrity_ok(path: &std::path::Path) -> bool {
    let conn = rusqlite::Connection::open(path).unwrap();
    let result: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    result == "ok"
}

/// Ids of the cards with a review row.
fn reviewed_ids(path: &std::path::Path) -> HashSet<String> {
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut stmt = conn
        .prepare("SELECT DISTINCT c.uid FROM reviews r JOIN cards c ON c.id = r.card_id")
        .unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn sigkill_while_answering_loses_nothing_reported() {
    let env = env_with_cards(120);
    stdout_of(env.srs().args(["config", "new-per-day", "1000"]));
    let mut reported = Vec::new();
    for i in 0..120u64 {
        let id = format!("c{i}");
        let mut child = StdCommand::new(env!("CARGO_BIN_EXE_srs"))
            .env("SRS_DB", &env.db)
            .env("SRS_NOW", &env.now)
            .env("TZ", "UTC")
            .args(["answer", &id, "good"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Kill at varying points of the process's life, from start-up to commit.
        std::thread::sleep(Duration::from_micros(i * 500));
        let _ = child.kill();
        let status = child.wait().unwrap();
        if status.success() {
            reported.push(id);
        }
    }
    assert!(integrity_ok(&env.db), "integrity check failed");
    // The kill points must cover both outcomes for the test to mean anything.
    assert!(
        !reported.is_empty() && reported.len() < 120,
        "{} of 120 finished",
        reported.len()
    );
    let logged = reviewed_ids(&env.db);
    for id in &reported {
        assert!(logged.contains(id), "answer to {id} was reported but lost");
    }
    // Every card is either untouched or fully answered: state and log agree.
    let cards = json_of(env.srs().args(["cards", "--json"]));
    for c in cards.as_array().unwrap() {
        let id = c["id"].as_str().unwrap();
        assert_eq!(
            c["repetitions"] == 1,
            logged.contains(id),
            "card {id} half-written: {c}"
        );
    }
}

#[test]
fn two_processes_answer_at_once() {
    let env = env_with_cards(60);
    stdout_of(env.srs().args(["config", "new-per-day", "1000"]));
    let run = |ids: Vec<String>, db: std::path::PathBuf, now: String| {
        std::thread::spawn(move || {
            for id in ids {
                let output = StdCommand::new(env!("CARGO_BIN_EXE_srs"))
                    .env("SRS_DB", &db)
                    .env("SRS_NOW", &now)
                    .env("TZ", "UTC")
                    .args(["answer", &id, "good"])
                    .output()
                    .unwrap();
                assert!(
                    output.status.success(),
                    "{id}: {}",
                    String::from_utf8_lossy(&output.stderr)
                );
            }
        })
    };
    let even: Vec<String> = (0..60).step_by(2).map(|i| format!("c{i}")).collect();
    let odd: Vec<String> = (1..60).step_by(2).map(|i| format!("c{i}")).collect();
    let a = run(even, env.db.clone(), env.now.clone());
    let b = run(odd, env.db.clone(), env.now.clone());
    a.join().unwrap();
    b.join().unwrap();
    assert_eq!(reviewed_ids(&env.db).len(), 60);
    assert_eq!(
        json_of(env.srs().args(["status", "--json"]))["reviewed_today"],
        60
    );
    assert!(integrity_ok(&env.db));
}

#[test]
fn help_version_and_broken_pipe() {
    let out = stdout_of(srs().arg("--help"));
    for cmd in [
        "compile", "import", "review", "next", "answer", "cards", "status", "export",
    ] {
        assert!(out.contains(cmd), "{cmd} in help");
    }
    assert!(stdout_of(srs().arg("--version")).starts_with("srs "));
    // Output cut short by a closed pipe is not an error.
    let env = env_with_cards(2000);
    let mut child = StdCommand::new(env!("CARGO_BIN_EXE_srs"))
        .env("SRS_DB", &env.db)
        .args(["cards", "--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    // A panic or a signal would show in the status, not only in stderr.
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert!(output.stderr.is_empty(), "{output:?}");
}

//! Faults the collection must survive: a file-size limit hit mid-write,
//! damaged files.

use std::path::Path;
use std::process::Command as StdCommand;

use serde_json::json;

use crate::util::{Env, card_ids, json_of, stdout_of};

/// Runs `srs ARGS` under `ulimit -f BLOCKS` (1 KiB blocks).
fn srs_with_file_limit(env: &Env, blocks: u32, args: &[&str]) -> std::process::Output {
    let script = format!("ulimit -f {blocks}; exec \"$0\" \"$@\"");
    StdCommand::new("bash")
        .arg("-c")
        .arg(script)
        .arg(env!("CARGO_BIN_EXE_srs"))
        .args(args)
        .env("SRS_DB", &env.db)
        .env("SRS_NOW", &env.now)
        .env("TZ", "UTC")
        .env_remove("SRS_NO_DEFAULT_DECK")
        .output()
        .unwrap()
}

fn snapshot(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

fn integrity_ok(path: &Path) -> bool {
    let conn = rusqlite::Connection::open(path).unwrap();
    let result: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    result == "ok"
}

fn one_clear_line(output: &std::process::Output) -> String {
    let err = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(!err.contains("panicked"), "{err}");
    err
}

/// A collection holding `n` cards with 20-word questions, and nothing else.
fn collection_of(n: usize) -> Env {
    let env = Env::new();
    let deck = json!({"name": "Limits", "cards": (0..n).map(|i| json!({
        "id": format!("c{i}"), "front": format!("Question {i}? {}", "words ".repeat(20)), "back": "Answer"
    })).collect::<Vec<_>>()});
    let deck_path = env.write("deck.json", &deck.to_string());
    stdout_of(
        env.srs()
            .arg("--no-default-deck")
            .arg("import")
            .arg(&deck_path),
    );
    env
}

#[test]
fn file_size_limit_during_answer_and_import() {
    let env = collection_of(400);
    let cards_before = stdout_of(env.srs().args(["cards", "--json"]));
    let db_before = snapshot(&env.db);

    // An answer: the write-ahead log cannot grow past 1 KiB.
    let output = srs_with_file_limit(&env, 1, &["answer", "c0", "good"]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let err = one_clear_line(&output);
    assert!(err.contains("collection"), "{err}");

    // An import of a bigger deck under a limit the collection already exceeds.
    let bigger = json!({"name": "Limits", "cards": (0..2000).map(|i| json!({
        "id": format!("c{i}"), "front": format!("Changed question {i}? {}", "words ".repeat(20)), "back": "Answer"
    })).collect::<Vec<_>>()});
    let bigger_path = env.write("bigger.json", &bigger.to_string());
    let limit = (db_before.len() / 1024) as u32 + 8;
    let output = srs_with_file_limit(&env, limit, &["import", bigger_path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    one_clear_line(&output);

    assert!(integrity_ok(&env.db));
    assert_eq!(
        stdout_of(env.srs().args(["cards", "--json"])),
        cards_before,
        "collection changed"
    );
    assert_eq!(
        json_of(env.srs().args(["status", "--json"]))["reviewed_today"],
        0
    );
    // Without the limit both work.
    stdout_of(env.srs().args(["answer", "c0", "good"]));
    stdout_of(env.srs().arg("import").arg(&bigger_path));
}

#[test]
fn file_size_limit_during_export_leaves_no_file() {
    let env = collection_of(2000);
    let db_before = snapshot(&env.db);
    let listing = || {
        let mut names: Vec<String> = std::fs::read_dir(env.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    let files_before = listing();
    // 64 KiB: every format of 2,000 cards is bigger, and so is the
    // package's temporary database.
    for name in ["out.apkg", "out.csv", "out.json"] {
        let out = env.path().join(name);
        let output = srs_with_file_limit(&env, 64, &["export", "--out", out.to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(1), "{name}: {output:?}");
        let err = one_clear_line(&output);
        assert!(err.contains(name), "{name}: {err}");
        assert!(!out.exists(), "{name} was left behind");
        assert_eq!(listing(), files_before, "{name}: temporary files were left");
    }
    assert_eq!(snapshot(&env.db), db_before, "collection changed");
    // Without the limit the same export works.
    let out = env.path().join("out.apkg");
    stdout_of(env.srs().args(["export", "--out", out.to_str().unwrap()]));
    assert!(out.metadata().unwrap().len() > 64 * 1024);
}

#[test]
fn truncated_and_empty_collections_are_refused_untouched() {
    let env = Env::new();
    stdout_of(env.srs().args(["status"]));
    let bytes = snapshot(&env.db);
    assert!(bytes.len() > 8192);
    for cut in [bytes.len() / 2, 4096, 100] {
        let path = env.path().join(format!("cut-{cut}.db"));
        std::fs::write(&path, &bytes[..cut]).unwrap();
        let output = env
            .srs()
            .arg("--db")
            .arg(&path)
            .arg("status")
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "cut at {cut}");
        let err = one_clear_line(&output);
        assert!(err.contains("truncated"), "{err}");
        assert_eq!(snapshot(&path), &bytes[..cut], "cut at {cut} changed");
    }
    // Cut to nothing: refused too, not taken for a new collection.
    let empty = env.path().join("empty.db");
    std::fs::write(&empty, b"").unwrap();
    for args in [&["status"][..], &["answer", "x", "good"], &["review"]] {
        let output = env
            .srs()
            .arg("--db")
            .arg(&empty)
            .args(args)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        let err = one_clear_line(&output);
        assert!(err.contains("is empty (0 bytes)"), "{err}");
        assert_eq!(snapshot(&empty), b"", "{args:?} wrote to the empty file");
    }
}

/// Copies the fixture `collection-v{version}.db`, which holds `reviews`
/// review rows, in as the collection and runs `srs cards --json` on it.
/// Checks that a copy of the original was backed up first and that the
/// collection itself is now at the current schema; returns the cards listed.
fn migrate_fixture(env: &Env, version: i64, reviews: i64) -> serde_json::Value {
    let fixture = format!(
        "{}/tests/fixtures/collection-v{version}.db",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::copy(&fixture, &env.db).unwrap();
    let original = snapshot(&env.db);

    let cards = json_of(env.srs_at("2026-01-02T12:00:00Z").args(["cards", "--json"]));

    // The backup is a copy of the untouched collection.
    let backup = env.path().join(format!("collection.db.v{version}.bak"));
    let conn = rusqlite::Connection::open(&backup).unwrap();
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(
        (
            count("PRAGMA user_version"),
            count("SELECT count(*) FROM reviews")
        ),
        (version, reviews)
    );
    drop(conn);
    assert!(
        snapshot(&env.db) != original,
        "the collection itself was upgraded"
    );
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    let now: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(now, srs::store::SCHEMA_VERSION);
    cards
}

/// Today's (due, new, suspended) counts on the fixtures' study day.
fn counts_on_day_two(env: &Env) -> (Option<u64>, Option<u64>, Option<u64>) {
    let status = json_of(
        env.srs_at("2026-01-02T12:00:00Z")
            .args(["status", "--json"]),
    );
    (
        status["due"].as_u64(),
        status["new"].as_u64(),
        status["suspended"].as_u64(),
    )
}

#[test]
fn version_one_collection_is_backed_up_then_migrated() {
    let env = Env::new();
    let cards = migrate_fixture(&env, 1, 2);
    assert_eq!(
        card_ids(&cards),
        ["v1-b", "v1-a", "v1-c"],
        "deck order kept"
    );
    let a = &cards[1];
    assert_eq!(
        (
            a["ease"].as_f64(),
            a["interval"].as_u64(),
            a["due"].as_str()
        ),
        (Some(2.6), Some(1), Some("2026-01-02"))
    );

    // Study goes on: settings and history came along.
    assert_eq!(
        stdout_of(env.srs().arg("config").arg("new-per-day")).trim(),
        "new-per-day = 5"
    );
    assert_eq!(counts_on_day_two(&env), (Some(2), Some(1), Some(0)));
    stdout_of(
        env.srs_at("2026-01-02T12:00:00Z")
            .args(["answer", "v1-a", "good"]),
    );
    assert!(integrity_ok(&env.db));
}

/// The fixture was made by the version-2 binary: four cards imported on
/// 2026-01-01, `v2-a` graded good, `v2-c` again, `v2-d` suspended, and
/// new-per-day set to 7.
#[test]
fn version_two_collection_is_backed_up_then_migrated() {
    let env = Env::new();
    let cards = migrate_fixture(&env, 2, 2);
    assert_eq!(card_ids(&cards), ["v2-a", "v2-b", "v2-c", "v2-d"]);
    assert_eq!(
        cards[3]["suspended"].as_bool(),
        Some(true),
        "the suspension came along"
    );
    assert_eq!(
        stdout_of(env.srs().arg("config").arg("new-per-day")).trim(),
        "new-per-day = 7"
    );
    assert_eq!(counts_on_day_two(&env), (Some(2), Some(1), Some(1)));
    // The rebuilt new-card index serves the queue: the one new card is
    // shown once the due ones are answered, and then none is left.
    for id in ["v2-a", "v2-c"] {
        stdout_of(
            env.srs_at("2026-01-02T12:00:00Z")
                .args(["answer", id, "good"]),
        );
    }
    let next = json_of(env.srs_at("2026-01-02T12:05:00Z").args(["next", "--json"]));
    assert_eq!(next["id"].as_str(), Some("v2-b"));
    stdout_of(
        env.srs_at("2026-01-02T12:06:00Z")
            .args(["answer", "v2-b", "good"]),
    );
    assert_eq!(counts_on_day_two(&env), (Some(0), Some(0), Some(1)));
    assert!(integrity_ok(&env.db));
}

/// A collection with some history, closed cleanly (no write-ahead log).
fn studied_collection(env: &Env) -> Vec<u8> {
    let deck = json!({"name": "Flips", "cards": (0..300).map(|i| json!({
        "id": format!("c{i}"), "front": format!("Question {i}?"), "back": format!("Answer {i}"),
        "tags": ["flip::test"]
    })).collect::<Vec<_>>()});
    let path = env.write("deck.json", &deck.to_string());
    stdout_of(env.srs().arg("--no-default-deck").arg("import").arg(&path));
    for i in 0..10 {
        stdout_of(env.srs().args(["answer", &format!("c{i}"), "good"]));
    }
    snapshot(&env.db)
}

#[test]
fn damaged_pages_are_refused_untouched() {
    let env = Env::new();
    let bytes = studied_collection(&env);
    let page_size = usize::from(u16::from_be_bytes([bytes[16], bytes[17]]));
    let pages = bytes.len() / page_size;
    assert!(pages > 4);
    let damaged = env.path().join("damaged.db");
    let (mut checked, mut detected) = (0, 0);
    for page in 1..pages {
        // Byte 0 of a B-tree page is its type (2, 5, 10 or 13); other pages
        // (free-list, overflow) do not use it and are skipped.
        let at = page * page_size;
        if ![2u8, 5, 10, 13].contains(&bytes[at]) {
            continue;
        }
        checked += 1;
        let mut copy = bytes.clone();
        copy[at] ^= 0x40;
        std::fs::write(&damaged, &copy).unwrap();
        let mut noticed = false;
        // Reading every card, counting the queue, answering (which updates
        // the indexes): whichever touches the damaged page must refuse and
        // leave the file as it was.
        for args in [
            &["cards", "--json"][..],
            &["status", "--json"],
            &["answer", "c150", "good"],
            &["check"],
        ] {
            let before = snapshot(&damaged);
            let output = env
                .srs()
                .arg("--db")
                .arg(&damaged)
                .args(args)
                .output()
                .unwrap();
            if output.status.success() {
                continue;
            }
            assert_eq!(output.status.code(), Some(1), "{args:?}");
            let err = one_clear_line(&output);
            assert!(err.contains("damaged"), "{err}");
            assert_eq!(
                snapshot(&damaged),
                before,
                "page {page}: {args:?} changed a refused file"
            );
            noticed = true;
        }
        detected += usize::from(noticed);
    }
    assert!(checked >= 5, "{checked} pages checked");
    assert_eq!(
        detected,
        checked,
        "damage to {} of {checked} pages went unnoticed",
        checked - detected
    );
}

#[test]
fn random_bit_flips_never_panic_or_half_write() {
    let env = Env::new();
    let bytes = studied_collection(&env);
    let flipped = env.path().join("flipped.db");
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    for _ in 0..60 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let at = (seed % bytes.len() as u64) as usize;
        let bit = (seed >> 32) % 8;
        let mut copy = bytes.clone();
        copy[at] ^= 1 << bit;
        std::fs::write(&flipped, &copy).unwrap();
        for args in [
            &["status", "--json"][..],
            &["cards", "--json"],
            &["answer", "c20", "good"],
        ] {
            let output = env
                .srs()
                .arg("--db")
                .arg(&flipped)
                .args(args)
                .output()
                .unwrap();
            let err = String::from_utf8_lossy(&output.stderr);
            assert!(!err.contains("panicked"), "byte {at} bit {bit}: {err}");
            if !output.status.success() {
                assert_eq!(output.status.code(), Some(1), "byte {at}: {err}");
                assert_eq!(err.trim_end().lines().count(), 1, "{err}");
                assert_eq!(
                    snapshot(&flipped),
                    copy,
                    "byte {at} bit {bit}: refused file changed by {args:?}"
                );
            }
        }
        // Restore before the next flip: a successful answer may have written.
        let _ = std::fs::remove_file(&flipped);
    }
}

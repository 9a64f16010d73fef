//! Integration tests for `srs review`, `srs status`, `srs stats`, and the
//! completions and man page: the real binary, in a pseudo-terminal for the
//! full-screen review and through pipes for the scripted one.

use std::path::Path;

use serde_json::Value;

use crate::util::{Env, Pty, card_ids, json_of, stdout_of};

/// A deck of three plain cards, a cloze and a multiple-choice question.
const DECK: &str = r#"{
  "name": "Demo",
  "cards": [
    {"id": "a", "front": "Q alpha", "back": "A alpha", "tags": ["greek"]},
    {"id": "b", "front": "Q beta", "back": "A beta"},
    {"id": "c", "front": "Q gamma", "back": "A gamma", "tags": ["greek::late"]},
    {"id": "z", "kind": "cloze", "front": "Consent must be [...] and informed.", "back": "freely given",
     "cloze": "Consent must be {{c1::freely given}} and informed."},
    {"id": "m", "kind": "mcq", "front": "Which number is prime?", "back": "3",
     "options": ["4", "3", "6"], "correct": [1]}
  ]
}"#;

/// A collection holding [`DECK`] only.
fn env_with_deck() -> Env {
    let env = Env::new();
    let deck = env.write("deck.json", DECK);
    let mut cmd = env.srs();
    cmd.env("SRS_NO_DEFAULT_DECK", "1").arg("import").arg(&deck);
    stdout_of(&mut cmd);
    env
}

fn status_json(env: &Env) -> Value {
    json_of(env.srs().args(["status", "--json"]))
}

fn card_json(env: &Env, id: &str) -> Value {
    let cards = json_of(env.srs().args(["cards", "--json"]));
    cards
        .as_array()
        .expect("array")
        .iter()
        .find(|c| c["id"] == id)
        .cloned()
        .unwrap_or_else(|| panic!("no card {id}"))
}

/// Runs `srs review` with `input` piped in; returns stdout (after checking
/// success and that stdout holds no escape codes).
fn piped(env: &Env, args: &[&str], input: &str) -> String {
    let output = env
        .srs()
        .arg("review")
        .args(args)
        .write_stdin(input)
        .output()
        .expect("run srs review");
    let out = String::from_utf8(output.stdout).expect("utf-8");
    assert!(
        output.status.success(),
        "srs review failed: {}\n{out}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        !out.contains('\u{1b}'),
        "escape codes in piped output:\n{out:?}"
    );
    out
}

// ---------------------------------------------------------------------------
// Piped (scripted) review.

#[test]
fn piped_session_shows_cards_and_commits_each_answer() {
    let env = env_with_deck();
    let out = piped(&env, &[], "good\n\nagain\n");
    // The first card, then its back and the result.
    assert!(out.contains("Q: Q alpha"), "{out}");
    assert!(out.contains("A: A alpha"), "{out}");
    assert!(
        out.contains("good (4): next review 1d (2026-01-02)"),
        "{out}"
    );
    // An empty line shows the back before grading.
    assert!(out.contains("Q: Q beta\nA: A beta"), "{out}");
    assert!(out.contains("again (1): back again later today"), "{out}");
    // End of input ends the session with the summary.
    assert!(
        out.contains("Reviewed 2 cards (2 new, 0 re-drills), 1 passed (50%)"),
        "{out}"
    );
    assert!(out.contains("Next due: tomorrow (2 cards)."), "{out}");
    assert!(out.contains("Streak: 1 study day."), "{out}");
    let a = card_json(&env, "a");
    assert_eq!(a["due"], "2026-01-02");
    assert_eq!(a["repetitions"], 1);
    let status = status_json(&env);
    assert_eq!(status["redrills"], 1);
    assert_eq!(status["reviewed_today"], 2);
}

#[test]
fn piped_session_interleaves_redrills_and_renders_kinds() {
    let env = env_with_deck();
    let out = piped(&env, &[], "1\n4\n4\n4\n4\n4\n");
    // "a" failed: it comes back after three other cards.
    let order: Vec<&str> = out.lines().filter_map(|l| l.strip_prefix("Q: ")).collect();
    assert_eq!(
        order,
        [
            "Q alpha",
            "Q beta",
            "Q gamma",
            "Consent must be [...] and informed.",
            "Q alpha",
            "Which number is prime?"
        ],
        "{out}"
    );
    // The cloze shows its gap, then the filled sentence.
    assert!(
        out.contains("A: Consent must be freely given and informed."),
        "{out}"
    );
    // The MCQ lists numbered options; the back marks the right one.
    assert!(out.contains("  1. 4\n  2. 3\n  3. 6"), "{out}");
    assert!(out.contains("✓ 2. 3"), "{out}");
    assert!(out.contains("1 re-drill)"), "{out}");
    assert!(out.contains("Nothing more to study today."), "{out}");
}

#[test]
fn piped_bad_lines_are_reported_and_the_session_goes_on() {
    let env = env_with_deck();
    let out = piped(&env, &[], "great\n7\ngood\nq\n");
    assert_eq!(out.matches("is not a grade").count(), 2, "{out}");
    assert!(out.contains("Reviewed 1 card "), "{out}");
    assert_eq!(status_json(&env)["reviewed_today"], 1);
}

#[test]
fn piped_quit_resume_and_undo_across_runs() {
    let env = env_with_deck();
    let out = piped(&env, &[], "easy\nq\ngood\n");
    assert!(out.contains("Reviewed 1 card "), "{out}");
    // Nothing after `q` was read as a grade.
    assert_eq!(status_json(&env)["reviewed_today"], 1);

    // The next run starts where the last one stopped...
    let out = piped(&env, &[], "q\n");
    assert!(out.contains("Q: Q beta"), "{out}");
    assert!(!out.contains("Q: Q alpha"), "{out}");

    // ...and `u` takes back only this run's answers: the earlier run's
    // answer is another process's (`srs undo` takes it back).
    let out = piped(&env, &[], "u\nq\n");
    assert!(out.contains("Nothing to undo in this session."), "{out}");
    assert_eq!(status_json(&env)["reviewed_today"], 1);
    let out = piped(&env, &[], "good\nu\nq\n");
    assert!(out.contains("Undid grade 4 of 'b'."), "{out}");
    let after_undo = out.split("Undid").nth(1).expect("undo message");
    assert!(after_undo.contains("Q: Q beta"), "{out}");
    assert_eq!(status_json(&env)["reviewed_today"], 1);
    stdout_of(env.srs().arg("undo"));
    let a = card_json(&env, "a");
    assert_eq!(a["due"], Value::Null);
    assert_eq!(a["repetitions"], 0);
    assert_eq!(status_json(&env)["reviewed_today"], 0);
}

#[test]
fn piped_suspend_bury_and_undo_them() {
    let env = env_with_deck();
    let out = piped(&env, &[], "s\nb\nq\n");
    assert!(out.contains("Suspended 'a'"), "{out}");
    assert!(out.contains("Buried 'b' until tomorrow."), "{out}");
    assert!(
        out.contains("Suspended 1, buried 1 until tomorrow."),
        "{out}"
    );
    assert_eq!(card_json(&env, "a")["suspended"], true);
    let next = json_of(env.srs().args(["next", "--json"]));
    assert_eq!(next["id"], "c");
    // Tomorrow the buried card is back; the suspended one is not.
    let tomorrow = json_of(env.srs_at("2026-01-02T12:00:00Z").args(["next", "--json"]));
    assert_eq!(tomorrow["id"], "b");

    let out = piped(&env, &[], "s\nu\nq\n");
    assert!(out.contains("Suspended 'c'"), "{out}");
    assert!(out.contains("Undid: 'c' is no longer suspended."), "{out}");
    assert_eq!(card_json(&env, "c")["suspended"], false);
}

#[test]
fn limit_and_new_size_the_session() {
    let env = env_with_deck();
    let out = piped(&env, &["--limit", "2"], "good\ngood\ngood\n");
    assert!(out.contains("Reviewed 2 cards"), "{out}");
    assert!(out.contains("Still waiting today: 0 due, 3 new"), "{out}");
    assert_eq!(status_json(&env)["reviewed_today"], 2);

    let env = env_with_deck();
    let out = piped(&env, &["--new", "1"], "good\ngood\n");
    assert!(out.contains("Reviewed 1 card "), "{out}");
    assert_eq!(out.matches("Q: ").count(), 1, "{out}");
    // --new lifts the daily limit for one session.
    let mut cmd = env.srs();
    cmd.args(["config", "new-per-day", "1"]);
    stdout_of(&mut cmd);
    let out = piped(&env, &["--new", "2"], "good\ngood\ngood\n");
    assert!(out.contains("Reviewed 2 cards"), "{out}");
}

#[test]
fn deck_and_tag_narrow_the_session() {
    let env = env_with_deck();
    let out = piped(&env, &["--tag", "greek"], "good\ngood\ngood\n");
    let fronts: Vec<&str> = out.lines().filter_map(|l| l.strip_prefix("Q: ")).collect();
    assert_eq!(fronts, ["Q alpha", "Q gamma"], "{out}");
    // A deck the collection does not have is an error, not an empty day.
    let output = env
        .srs()
        .args(["review", "--deck", "nope"])
        .write_stdin("good\n")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("no deck named \"nope\""), "{err}");
}

#[test]
fn leeches_are_reported_and_suspended_on_request() {
    let env = env_with_deck();
    let mut cmd = env.srs();
    cmd.args(["config", "leech-lapses", "2"]);
    stdout_of(&mut cmd);
    // a: passed on day 1, failed on days 2 and 3 (two lapses).
    stdout_of(env.srs().args(["answer", "a", "good"]));
    stdout_of(
        env.srs_at("2026-01-02T12:00:00Z")
            .args(["answer", "a", "again"]),
    );
    stdout_of(
        env.srs_at("2026-01-02T12:00:00Z")
            .args(["answer", "a", "good"]),
    );
    let out = env
        .srs_at("2026-01-03T12:00:00Z")
        .args(["review", "--leech-action", "suspend", "--new", "0"])
        .write_stdin("again\n")
        .output()
        .unwrap();
    let out = String::from_utf8(out.stdout).unwrap();
    assert!(
        out.contains("'a' is now a leech (lapsed 2 times) and is suspended"),
        "{out}"
    );
    assert!(out.contains("Leech: a has lapsed 2 times"), "{out}");
    let a = card_json(&env, "a");
    assert_eq!(a["leech"], true);
    assert_eq!(a["suspended"], true);
    assert!(
        a["tags"].as_array().unwrap().contains(&"leech".into()),
        "{a}"
    );
    // `--tag leech` selects the leeches and nothing else.
    let leeches = json_of(env.srs().args(["cards", "--json", "--tag", "leech"]));
    let ids = card_ids(&leeches);
    assert_eq!(ids, ["a"]);
}

#[test]
fn no_color_and_piped_output_stay_plain() {
    let env = env_with_deck();
    let output = env
        .srs()
        .env("NO_COLOR", "1")
        .args(["review", "--grades", "sm2"])
        .write_stdin("5\n")
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(!output.stdout.contains(&0x1b));
    assert!(!output.stderr.contains(&0x1b));
}

// ---------------------------------------------------------------------------
// status, stats, completions, man.

#[test]
fn status_prints_one_line() {
    let env = env_with_deck();
    let line = stdout_of(env.srs().arg("status"));
    assert_eq!(line, "0 due, 5 new, 0 re-drills · next: none\n");
    stdout_of(env.srs().args(["answer", "a", "again"]));
    stdout_of(env.srs().args(["answer", "b", "good"]));
    let line = stdout_of(env.srs().arg("status"));
    assert_eq!(line, "0 due, 3 new, 1 re-drills · next: tomorrow 2\n");
    let later = stdout_of(env.srs_at("2025-12-30T12:00:00Z").arg("status"));
    assert!(later.ends_with("next: 2026-01-02 2\n"), "{later}");
    // The JSON keys stay as the interface fixes them.
    let json = status_json(&env);
    let mut keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "due",
            "new",
            "redrills",
            "reviewed_today",
            "suspended",
            "total"
        ]
    );
}

#[test]
fn stats_json_matches_a_known_history() {
    let env = env_with_deck();
    let at = |day: &str| format!("2026-01-{day}T12:00:00Z");
    let answer = |day: &str, id: &str, grade: &str| {
        stdout_of(env.srs_at(&at(day)).args(["answer", id, grade]));
    };
    // Day 1: a easy, b good, c again (+ re-drill good), z hard.
    answer("01", "a", "easy");
    answer("01", "b", "good");
    answer("01", "c", "again");
    answer("01", "c", "good");
    answer("01", "z", "3");
    // Day 2: every card is due (interval 1); a easy, b again, c good.
    answer("02", "a", "easy");
    answer("02", "b", "again");
    answer("02", "b", "good");
    answer("02", "c", "good");
    // Day 3 has no reviews; day 4: z good.
    answer("04", "z", "good");
    let suspend = env.srs().args(["suspend", "m"]).output().unwrap();
    assert!(suspend.status.success());

    let stats = json_of(env.srs_at(&at("04")).args(["stats", "--json"]));
    assert_eq!(stats["today"], "2026-01-04");
    let per_day = stats["reviews_per_day"].as_array().unwrap();
    assert_eq!(per_day.len(), 30);
    assert_eq!(per_day[29]["day"], "2026-01-04");
    let count = |i: usize| per_day[i]["count"].as_u64().unwrap();
    assert_eq!((count(26), count(27), count(28), count(29)), (5, 4, 0, 1));
    assert_eq!(stats["reviews_total"], 10);
    // Pass rates: first grades of cards seen before, on days 2 and 4
    // (a 5, b 1, c 4, z 4): young 3 of 4; nothing is mature.
    assert_eq!(stats["pass_rate"]["young"]["reviews"], 4);
    assert_eq!(stats["pass_rate"]["young"]["passed"], 3);
    assert_eq!(stats["pass_rate"]["young"]["rate"], 0.75);
    assert_eq!(stats["pass_rate"]["mature"]["reviews"], 0);
    assert_eq!(stats["pass_rate"]["mature"]["rate"], Value::Null);
    // Schedules: a 2.7/6d → 01-08; b lapsed → 01-03 (overdue, so today);
    // c failed before its first pass, so day 2's good was its first pass
    // (1d) → 01-03 (today); z: day 1 hard (2.36, 1d), day 4 good (6d) → 01-10.
    let forecast = stats["forecast"].as_array().unwrap();
    assert_eq!(forecast[0]["day"], "2026-01-04");
    let due = |i: usize| forecast[i]["count"].as_u64().unwrap();
    assert_eq!((due(0), due(4), due(6)), (2, 1, 1));
    assert_eq!(
        forecast
            .iter()
            .map(|d| d["count"].as_u64().unwrap())
            .sum::<u64>(),
        4
    );
    assert_eq!(
        stats["ease"],
        serde_json::json!([
            {"ease": 2.3, "cards": 1},
            {"ease": 2.5, "cards": 2},
            {"ease": 2.7, "cards": 1}
        ])
    );
    assert_eq!(
        stats["states"],
        serde_json::json!({"new": 0, "learning": 0, "young": 4, "mature": 0, "suspended": 1, "leech": 0})
    );
    assert_eq!(stats["hardest"].as_array().unwrap().len(), 1);
    assert_eq!(stats["hardest"][0]["id"], "b");
    assert_eq!(stats["hardest"][0]["lapses"], 1);
    // Days 1 and 2, then a gap on day 3: the streak on day 4 is 1.
    assert_eq!(stats["streak"], 1);
    let on_day_2 = json_of(env.srs_at(&at("02")).args(["stats", "--json"]));
    assert_eq!(on_day_2["streak"], 2);
    assert_eq!(on_day_2["states"]["learning"], 0);

    // The text form shows the same numbers, with bar charts.
    let text = stdout_of(env.srs_at(&at("04")).arg("stats"));
    assert!(
        text.contains("Cards: 0 new, 0 learning today, 4 young, 0 mature, 1 suspended; 0 leeches."),
        "{text}"
    );
    assert!(text.contains("young 75% of 4"), "{text}");
    assert!(
        text.contains("01-01     5 ########################################"),
        "{text}"
    );
    assert!(text.contains("01-04     1 ########\n"), "{text}");
    assert!(text.contains("Streak: 1 study day."), "{text}");
}

#[test]
fn completions_and_man_page() {
    for shell in ["bash", "zsh", "fish"] {
        let script = stdout_of(crate::util::srs().args(["completions", shell]));
        assert!(script.contains("review"), "{shell}");
        assert!(script.contains("leech-action"), "{shell}");
    }
    let bad = crate::util::srs()
        .args(["completions", "cmd.exe"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    let man = stdout_of(crate::util::srs().arg("man"));
    assert!(
        man.starts_with(".ie") || man.contains(".TH srs"),
        "{}",
        &man[..80.min(man.len())]
    );
    assert!(man.contains("review"));
}

// ---------------------------------------------------------------------------
// The full-screen review in a pseudo-terminal.

fn left_alternate_screen(raw: &[u8]) -> bool {
    let enter = b"\x1b[?1049h";
    let leave = b"\x1b[?1049l";
    let find = |needle: &[u8]| raw.windows(needle.len()).rposition(|w| w == needle);
    matches!((find(enter), find(leave)), (Some(e), Some(l)) if l > e)
}

#[test]
fn pty_session_reveal_grade_undo_quit_resume() {
    let env = env_with_deck();
    let mut pty = Pty::spawn(&env, "review", &[], 80, 24);
    pty.expect_all(&[
        "Q alpha",
        "Demo · greek",
        "Space/Enter show answer",
        "0/5 · due 0 · new 5 · re-drill 0",
    ]);
    assert!(
        !pty.cooked(),
        "the review should put the terminal in raw mode"
    );

    pty.send(" ");
    pty.expect_all(&["A alpha", "3 good · 1d", "1 again · 1d"]);

    pty.send("1");
    pty.expect_all(&["Q beta", "again (1): back again later today"]);
    assert_eq!(status_json(&env)["redrills"], 1);

    pty.send("u");
    pty.expect_all(&["Q alpha", "Undid grade 1 of 'a'."]);
    assert_eq!(status_json(&env)["reviewed_today"], 0);

    pty.send("\r");
    pty.expect("A alpha");
    pty.send("3");
    pty.expect("Q beta");
    pty.send("q");
    let (code, text, raw) = pty.finish_checked();
    assert_eq!(code, 0, "{text}");
    assert!(left_alternate_screen(&raw));
    assert!(
        text.contains("Reviewed 1 card (1 new, 0 re-drills), 1 passed (100%)"),
        "{text}"
    );
    assert_eq!(card_json(&env, "a")["due"], "2026-01-02");

    // Resume: the next run starts with the next card; its undo is for its
    // own answers only, never one given before the restart.
    let mut pty = Pty::spawn(&env, "review", &[], 80, 24);
    pty.expect("Q beta");
    pty.send("u");
    pty.expect("Nothing to undo in this session.");
    pty.send("q");
    let (code, text, _) = pty.finish_checked();
    assert_eq!(code, 0, "{text}");
    assert_eq!(card_json(&env, "a")["due"], "2026-01-02");
    assert_eq!(status_json(&env)["reviewed_today"], 1);
}

#[test]
fn pty_terminal_is_restored_on_quit_and_ctrl_c() {
    let env = env_with_deck();
    let mut pty = Pty::spawn(&env, "review", &[], 80, 24);
    pty.expect("Q alpha");
    assert!(!pty.cooked());
    pty.send("\u{3}"); // Ctrl-C
    let (code, text, raw) = pty.finish_checked();
    assert_eq!(code, 0, "{text}");
    assert!(left_alternate_screen(&raw));
    assert!(text.contains("Reviewed 0 cards"), "{text}");
}

#[test]
fn pty_terminal_is_restored_when_killed_with_sigterm_or_sighup() {
    use nix::sys::signal::{Signal, kill};
    use nix::unistd::Pid;
    for signal in [Signal::SIGTERM, Signal::SIGHUP] {
        let env = env_with_deck();
        let mut pty = Pty::spawn(&env, "review", &[], 80, 24);
        pty.expect("Q alpha");
        pty.send(" ");
        pty.expect("A alpha");
        pty.send("3");
        pty.expect("Q beta");
        let pid = pty.child.process_id().expect("pid");
        kill(Pid::from_raw(pid as i32), signal).expect("signal");
        let (code, text, raw) = pty.finish_checked();
        assert_eq!(code, 1, "{signal}: {text}");
        assert!(left_alternate_screen(&raw), "{signal}");
        assert!(text.contains("stopped by a signal"), "{signal}: {text}");
        // The answer given before the signal is saved.
        assert_eq!(card_json(&env, "a")["due"], "2026-01-02", "{signal}");
    }
}

#[test]
fn pty_terminal_is_restored_after_a_crash_mid_session() {
    let env = env_with_deck();
    let mut pty = Pty::spawn(&env, "review", &[], 80, 24);
    pty.expect("Q alpha");
    assert!(!pty.cooked());
    // The collection is destroyed under the running session.
    destroy_collection(&env.db);
    pty.send(" 3");
    let (code, text, raw) = pty.finish_checked();
    assert_eq!(code, 1, "{text}");
    assert!(left_alternate_screen(&raw), "{text}");
    let at = text
        .find("srs: error:")
        .unwrap_or_else(|| panic!("no error line in {text}"));
    let error = text[at..].lines().next().unwrap_or_default();
    assert!(error.contains("cannot record the answer to 'a'"), "{error}");
    // The error is readable after the restore: it comes after the last
    // escape code that left the alternate screen.
    let raw_text = String::from_utf8_lossy(&raw);
    let leave = raw_text.rfind("\u{1b}[?1049l").unwrap();
    assert!(raw_text[leave..].contains("srs: error:"));
}

fn destroy_collection(db: &Path) {
    std::fs::write(db, b"").expect("truncate the collection");
    for suffix in ["-wal", "-shm"] {
        let mut side = db.as_os_str().to_owned();
        side.push(suffix);
        let _ = std::fs::remove_file(Path::new(&side));
    }
}

#[test]
fn pty_resize_redraws_and_tiny_terminals_work() {
    let env = env_with_deck();
    let mut pty = Pty::spawn(&env, "review", &[], 80, 24);
    pty.expect("Q alpha");
    pty.resize(20, 5);
    // The progress line is cut to 20 columns; the card is still there.
    pty.expect_all(&["new …", "Q alpha", "Space/Enter show"]);
    pty.send(" ");
    pty.expect_all(&["1 again", "A alpha"]);
    pty.resize(15, 4);
    pty.expect("Terminal too");
    pty.resize(100, 30);
    pty.expect("u undo · s suspend · b bury until tomorrow · q quit");
    pty.send("4");
    pty.expect("Q beta");
    pty.send("q");
    let (code, text, _) = pty.finish_checked();
    assert_eq!(code, 0, "{text}");
}

#[test]
fn pty_cloze_and_multiple_choice() {
    let env = env_with_deck();
    let mut pty = Pty::spawn(&env, "review", &["--grades", "sm2"], 80, 24);
    pty.expect("Q alpha");
    pty.send("s");
    pty.expect("Q beta");
    pty.send("s");
    pty.expect("Q gamma");
    pty.send("s");
    let screen = pty.expect("Consent must be [...] and informed.");
    assert!(!screen.contains("freely given"), "{screen}");
    pty.send(" ");
    pty.expect_all(&[
        "Consent must be freely given and informed.",
        "5 easy · 1d",
        "0 blackout · 1d",
    ]);
    pty.send("5");
    pty.expect_all(&["Which number is prime?", "1. 4", "3. 6", "1-3 pick"]);
    pty.send("1");
    pty.expect("> 1. 4");
    pty.send("\r");
    pty.expect_all(&["Your choice is wrong.", "✓ 2. 3", "✗ 1. 4"]);
    pty.send("4");
    pty.expect_all(&[
        "u undo the last answer",
        "Reviewed 2 cards",
        "Suspended 3, buried 0",
    ]);
    // Undo from the end page brings the last card back.
    pty.send("u");
    pty.expect("Which number is prime?");
    pty.send(" 2");
    // A failure on the SM-2 scale: the card owes a re-drill and, with no
    // other card waiting, comes straight back.
    pty.expect_all(&["re-drill 1", "almost (2): back again later today"]);
    pty.send("q");
    let (code, text, _) = pty.finish_checked();
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("Reviewed 2 cards"), "{text}");
    assert_eq!(card_json(&env, "m")["redrill"], true);
    assert_eq!(status_json(&env)["redrills"], 1);
}

#[test]
fn pty_nothing_to_study() {
    let env = Env::new();
    let mut cmd = env.srs();
    cmd.env("SRS_NO_DEFAULT_DECK", "1").arg("status");
    stdout_of(&mut cmd);
    let pty = Pty::spawn(&env, "review", &[], 80, 24);
    let (code, text, raw) = pty.finish_checked();
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("Nothing to study today."), "{text}");
    assert!(!String::from_utf8_lossy(&raw).contains("\u{1b}[?1049h"));
}

#[test]
fn pty_no_color_turns_colours_off() {
    // crossterm writes a foreground colour as `ESC [ 38 ; 5 ; n m`.
    let colour = |raw: &[u8]| raw.windows(5).any(|w| w == b"[38;5");
    let env = env_with_deck();
    let mut pty = Pty::spawn(&env, "review", &[], 80, 24);
    pty.expect_all(&["Q alpha", "q quit"]);
    pty.send("q");
    let (_, _, raw) = pty.finish_checked();
    assert!(colour(&raw), "colours expected without NO_COLOR");

    let mut pty = Pty::spawn_with(&env, "review", &[], 80, 24, &[("NO_COLOR", "1")]);
    pty.expect_all(&["Q alpha", "q quit"]);
    pty.send(" ");
    pty.expect("A alpha");
    pty.send("q");
    let (code, text, raw) = pty.finish_checked();
    assert_eq!(code, 0, "{text}");
    assert!(!colour(&raw), "colour codes despite NO_COLOR");
}

#[test]
fn pty_collection_deleted_mid_session_is_an_error_and_the_terminal_is_restored() {
    let env = env_with_deck();
    let mut pty = Pty::spawn(&env, "review", &[], 80, 24);
    pty.expect("Q alpha");
    pty.send(" ");
    pty.expect("3 good");
    pty.send("3");
    pty.expect_all(&["Q beta", "good (4)"]);
    for suffix in ["", "-wal", "-shm"] {
        let mut name = env.db.as_os_str().to_owned();
        name.push(suffix);
        let _ = std::fs::remove_file(std::path::PathBuf::from(name));
    }
    pty.send(" ");
    pty.expect("3 good");
    pty.send("3");
    let done = pty.finish();
    assert_eq!(done.code, 1, "{}", done.text);
    assert!(done.cooked, "terminal left in raw mode:\n{}", done.text);
    assert!(left_alternate_screen(&done.raw));
    assert!(
        done.text.contains("deleted, moved or replaced"),
        "{}",
        done.text
    );
}

#[test]
fn pty_deck_text_cannot_drive_the_terminal() {
    let env = Env::new();
    let hostile =
        "Evil\u{1b}]52;c;Zm9v\u{7}\u{1b}]8;;http://x\u{7}link\u{1b}]8;;\u{7}\u{9b}31m\u{202e}";
    let deck = env.write(
        "evil.json",
        &serde_json::json!({"name": hostile, "cards": [
            {"id": "e", "front": hostile, "back": hostile, "tags": ["t"]},
        ]})
        .to_string(),
    );
    stdout_of(env.srs().arg("--no-default-deck").arg("import").arg(deck));
    let mut pty = Pty::spawn(&env, "review", &[], 80, 24);
    pty.expect("Evil␛]52");
    pty.send(" ");
    pty.expect("3 good");
    pty.send("q");
    let (code, text, raw) = pty.finish_checked();
    assert_eq!(code, 0, "{text}");
    let raw = String::from_utf8_lossy(&raw);
    for bad in ["\u{1b}]52", "\u{1b}]8;", "\u{9b}", "\u{202e}"] {
        assert!(!raw.contains(bad), "{bad:?} reached the terminal");
    }
}

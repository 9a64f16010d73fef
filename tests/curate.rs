//! Integration tests for `srs curate` and the edits file that `srs compile
//! --out` applies: the piped mode, the full screen in a pseudo-terminal,
//! decisions surviving recompiles, stale and orphaned entries, bad edits
//! files, and an Anki round trip of a curated deck.
//!
//! The tests find cards by the words of their questions and never by how
//! their ids are formed.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::util::{Env, Pty, json_of, stdout_of};

const CARE: &str = "# Care basics

Q: What does person-centred care mean?
A: Care planned around the individual's needs and wishes.

Q: What is a care plan?
A: A written record of the care a person needs.

Q: Who should be involved in writing a care plan?
A: The individual, their family and the care team.
";

const LAW: &str = "# Care law

Q: Which Act sets out the duty to promote wellbeing?
A: The Care Act 2014.

Q: What must consent be?
A: Freely given and informed.
";

const TUTOR_BACK: &str = "Care built around the person: their needs, wishes & \"own words\".";
const TUTOR_FRONT: &str = "How do you check that consent is informed?";
const TUTOR_ANSWER: &str = "Ask the person to say, in their own words, what they agreed to.";

/// A course of two documents in `notes/`, and where its deck goes.
struct Course {
    env: Env,
    notes: PathBuf,
    deck: PathBuf,
    edits: PathBuf,
}

impl Course {
    fn new() -> Course {
        let env = Env::new();
        env.write("notes/care.md", CARE);
        env.write("notes/law.md", LAW);
        let notes = env.path().join("notes");
        let deck = env.path().join("unit.json");
        let edits = env.path().join("unit.edits.toml");
        Course {
            env,
            notes,
            deck,
            edits,
        }
    }

    /// `srs compile notes --out unit.json`: (success, stdout, stderr).
    fn compile(&self) -> (bool, String, String) {
        let output = self
            .env
            .srs()
            .arg("compile")
            .arg(&self.notes)
            .args(["--deck", "Care Basics", "--out"])
            .arg(&self.deck)
            .output()
            .expect("run srs compile");
        (
            output.status.success(),
            String::from_utf8(output.stdout).unwrap(),
            String::from_utf8(output.stderr).unwrap(),
        )
    }

    fn compiled(&self) -> String {
        let (ok, _, stderr) = self.compile();
        assert!(ok, "compile failed: {stderr}");
        stderr
    }

    fn cards(&self) -> Vec<Value> {
        let text = std::fs::read_to_string(&self.deck).unwrap();
        let deck: Value = serde_json::from_str(&text).unwrap();
        deck["cards"].as_array().unwrap().clone()
    }

    /// `srs curate unit.json ARGS` with `input` piped in.
    fn curate(&self, args: &[&str], input: &str) -> String {
        let output = self
            .env
            .srs()
            .arg("curate")
            .arg(&self.deck)
            .args(args)
            .write_stdin(input)
            .output()
            .expect("run srs curate");
        let out = String::from_utf8(output.stdout).unwrap();
        assert!(
            output.status.success(),
            "srs curate failed: {out}\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(!out.contains('\u{1b}'), "escape codes in piped output");
        out
    }

    fn edits_text(&self) -> String {
        std::fs::read_to_string(&self.edits).expect("the edits file")
    }
}

/// The card whose question contains `words`.
fn card<'a>(cards: &'a [Value], words: &str) -> &'a Value {
    cards
        .iter()
        .find(|c| c["front"].as_str().unwrap().contains(words))
        .unwrap_or_else(|| panic!("no card asking {words:?} in {cards:?}"))
}

fn id(card: &Value) -> String {
    card["id"].as_str().unwrap().to_string()
}

/// A piped script deciding each card of `cards` in deck order: the card
/// whose question contains a key gets that key's commands, every other
/// card `skip`.
fn script(cards: &[Value], plan: &[(&str, &str)]) -> String {
    cards
        .iter()
        .map(|c| {
            let front = c["front"].as_str().unwrap();
            plan.iter()
                .find(|(words, _)| front.contains(words))
                .map_or("skip\n".to_string(), |(_, commands)| commands.to_string())
        })
        .collect()
}

/// Keep the Act, edit person-centred care's back, drop "What is a care
/// plan?", and add a card of the tutor's own at consent (which is kept).
fn first_session(course: &Course) -> String {
    let cards = course.cards();
    let edit = format!("edit\nfront: -\nback: {TUTOR_BACK}\n");
    let add = format!("add\nfront: {TUTOR_FRONT}\nback: {TUTOR_ANSWER}\nkeep\n");
    let input = script(
        &cards,
        &[
            ("which Act", "keep\n"),
            ("person-centred", &edit),
            ("what is a care plan", "drop\n"),
            ("consent", &add),
        ],
    );
    course.curate(&[], &input)
}

#[test]
fn piped_decisions_survive_every_recompile_byte_for_byte() {
    let course = Course::new();
    course.compiled();
    let compiled = course.cards();
    assert_eq!(compiled.len(), 5);
    let person = id(card(&compiled, "person-centred"));
    let plan = id(card(&compiled, "what is a care plan"));

    let out = first_session(&course);
    assert!(
        out.contains("[5 of 5 undecided · card 1 of 5] care.md:3"),
        "{out}"
    );
    assert!(out.contains(&format!("Edited '{person}'.")), "{out}");
    assert!(out.contains(&format!("Dropped '{plan}'.")), "{out}");
    assert!(out.contains("Added your card 'tutor-"), "{out}");
    assert!(
        out.contains(
            "4 of 5 cards decided (2 kept, 1 edited, 1 dropped), 1 added, 0 stale; keep rate 75%"
        ),
        "{out}"
    );
    // The file: one [[card]] per decision, sorted by id, then the addition.
    let edits = course.edits_text();
    let ids: Vec<&str> = edits
        .lines()
        .filter_map(|l| l.strip_prefix("id = \""))
        .map(|l| l.trim_end_matches('"'))
        .collect();
    assert_eq!(ids.len(), 5, "{edits}");
    let mut sorted = ids[..4].to_vec();
    sorted.sort();
    assert_eq!(ids[..4], sorted[..], "{edits}");
    assert!(ids[4].starts_with("tutor-"), "{edits}");
    assert!(edits.contains("action = \"drop\""), "{edits}");
    assert!(
        edits
            .contains("compiled_back = \"Care planned around the individual's needs and wishes.\""),
        "{edits}"
    );

    // Recompiling applies them all and says so.
    let stderr = course.compiled();
    assert!(
        stderr.contains(": 2 kept, 1 dropped, 1 edited, 1 added, 0 stale, 0 orphaned"),
        "{stderr}"
    );
    let cards = course.cards();
    assert_eq!(cards.len(), 5);
    assert!(
        cards.iter().all(|c| id(c) != plan),
        "the dropped card is gone"
    );
    let edited = cards.iter().find(|c| id(c) == person).unwrap();
    assert_eq!(edited["back"], TUTOR_BACK);
    assert_eq!(
        edited["front"],
        "In care basics, what does person-centred care mean?"
    );
    let mine = cards.last().unwrap();
    assert_eq!(mine["front"], TUTOR_FRONT);
    assert_eq!(mine["back"], TUTOR_ANSWER);
    assert_eq!(id(mine), ids[4]);
    assert!(compiled.iter().all(|c| id(c) != id(mine)));

    // Again and again: the same bytes, and the edits file untouched.
    let deck_bytes = std::fs::read(&course.deck).unwrap();
    course.compiled();
    course.compiled();
    assert_eq!(std::fs::read(&course.deck).unwrap(), deck_bytes);
    assert_eq!(course.edits_text(), edits);

    // The curated deck imports as any deck, with the tutor's text.
    let imported = stdout_of(
        course
            .env
            .srs()
            .args(["--no-default-deck", "import"])
            .arg(&course.deck),
    );
    assert!(imported.contains("5 added"), "{imported}");
    let listed = json_of(course.env.srs().args(["cards", "--json"]));
    let listed = listed.as_array().unwrap();
    assert!(listed.iter().any(|c| c["back"] == TUTOR_BACK));
    assert!(listed.iter().any(|c| c["front"] == TUTOR_FRONT));

    // What is left to decide, and the summary.
    let left = course.curate(&[], "");
    assert!(left.contains("[1 of 5 undecided · card 1 of 1]"), "{left}");
    let summary = course.curate(&["--summary"], "");
    assert_eq!(
        summary,
        "4 of 5 cards decided (2 kept, 1 edited, 1 dropped), 1 added, 0 stale; keep rate 75%\n"
    );
    // --all walks every card of the deck file, the tutor's own and the
    // dropped one too.
    let all = course.curate(&["--all"], "");
    assert!(all.contains("card 1 of 6]"), "{all}");
}

#[test]
fn piped_undo_and_bad_commands() {
    let course = Course::new();
    course.compiled();
    let out = course.curate(
        &[],
        "drop\nundo\nfly\nedit\nfront: -\nback: -\nedit\nback: x\nkeep\nquit\nkeep\n",
    );
    assert!(out.contains("Undid the last change; back at '"), "{out}");
    assert!(out.contains("? 'fly' is not a command"), "{out}");
    assert!(
        out.contains("? Both sides unchanged; nothing changed."),
        "{out}"
    );
    assert!(
        out.contains("? expected a `front: …` line, got 'back: x'; the edit is cancelled."),
        "{out}"
    );
    // The keep after the bad edit, then quit: one decision.
    assert!(out.contains("1 of 5 cards decided (1 kept"), "{out}");
    let edits = course.edits_text();
    assert_eq!(edits.matches("\n[[card]]\n").count(), 1, "{edits}");
    assert!(!edits.contains("action = \"drop\""), "{edits}");
}

#[test]
fn stale_and_orphaned_entries_are_reported_and_still_applied() {
    let course = Course::new();
    course.compiled();
    first_session(&course);
    course.compiled();
    let person = id(card(&course.cards(), "person-centred"));

    // The tutor's notes change under the edited card.
    course.env.write(
        "notes/care.md",
        &CARE.replace(
            "A: Care planned around the individual's needs and wishes.",
            "A: Care planned around the individual.",
        ),
    );
    let stderr = course.compiled();
    assert!(
        stderr.contains(&format!("warning: stale edit of card '{person}'")),
        "{stderr}"
    );
    assert!(
        stderr.contains("was: Q: In care basics, what does person-centred care mean? | A: Care planned around the individual's needs and wishes."),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "now: Q: In care basics, what does person-centred care mean? | A: Care planned around the individual."
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("1 edited, 1 added, 1 stale, 0 orphaned"),
        "{stderr}"
    );
    let edited = card(&course.cards(), "person-centred").clone();
    assert_eq!(edited["back"], TUTOR_BACK, "a stale edit is still applied");
    assert_eq!(
        course.curate(&["--summary"], ""),
        "4 of 5 cards decided (2 kept, 1 edited, 1 dropped), 1 added, 1 stale; keep rate 75%\n"
    );

    // --stale walks only that card; keeping it keeps the tutor's text.
    let out = course.curate(&["--stale"], "keep\n");
    assert!(out.contains("card 1 of 1]"), "{out}");
    assert!(out.contains("edited · stale"), "{out}");
    assert!(
        out.contains("compiled: Q: In care basics, what does person-centred care mean? | A: Care planned around the individual."),
        "{out}"
    );
    let stderr = course.compiled();
    assert!(stderr.contains("0 stale, 0 orphaned"), "{stderr}");
    assert_eq!(card(&course.cards(), "person-centred")["back"], TUTOR_BACK);
    assert_eq!(course.curate(&["--stale"], ""), "No decision is stale.\n\n4 of 5 cards decided (2 kept, 1 edited, 1 dropped), 1 added, 0 stale; keep rate 75%\nNothing changed in ".to_string() + &course.edits.display().to_string() + ".\n");

    // A document is removed: its two entries are orphaned, and kept.
    let law: Vec<String> = course
        .cards()
        .iter()
        .filter(|c| c["source"]["file"] == "law.md")
        .map(id)
        .collect();
    assert_eq!(law.len(), 2);
    let before = course.edits_text();
    std::fs::remove_file(course.notes.join("law.md")).unwrap();
    let stderr = course.compiled();
    for law_id in &law {
        assert!(
            stderr.contains(&format!("orphaned keep of card '{law_id}'")),
            "{stderr}"
        );
    }
    assert!(stderr.contains("2 orphaned"), "{stderr}");
    assert!(stderr.contains("unit.edits.toml:"), "{stderr}");
    assert_eq!(
        course.edits_text(),
        before,
        "a compile never rewrites the edits"
    );
    // The tutor's card stays in the deck.
    assert_eq!(course.cards().last().unwrap()["front"], TUTOR_FRONT);
}

#[test]
fn bad_edits_files_name_the_line_and_nothing_is_written() {
    let course = Course::new();
    course.compiled();
    let deck_bytes = std::fs::read(&course.deck).unwrap();
    let first = id(&course.cards()[0]);
    let cases = [
        ("[[card]\nid = \"x\"\n".to_string(), "line 1"),
        (
            format!(
                "[[card]]\nid = \"{first}\"\naction = \"keep\"\n\n[[card]]\nid = \"y\"\naction = \"shred\"\n"
            ),
            "line 5: unknown action \"shred\"",
        ),
        (
            format!(
                "[[card]]\nid = \"{first}\"\naction = \"keep\"\n[[card]]\nid = \"{first}\"\naction = \"drop\"\n"
            ),
            "line 4: card",
        ),
        (
            "# mine\n[[add]]\nback = \"B\"\n".to_string(),
            "line 2: an [[add]] needs a front",
        ),
        (
            format!("[[add]]\nid = \"{first}\"\nfront = \"F\"\nback = \"B\"\n"),
            "line 1: the added card",
        ),
    ];
    for (text, expected) in cases {
        std::fs::write(&course.edits, &text).unwrap();
        let (ok, stdout, stderr) = course.compile();
        assert!(!ok, "{text}: compiled anyway");
        assert!(stderr.contains("unit.edits.toml"), "{stderr}");
        assert!(stderr.contains(expected), "{text}: {stderr}");
        assert_eq!(stderr.matches("error").count(), 1, "{stderr}");
        assert!(!stdout.contains("wrote"), "{stdout}");
        assert_eq!(std::fs::read(&course.deck).unwrap(), deck_bytes, "{text}");
        assert_eq!(std::fs::read_to_string(&course.edits).unwrap(), text);
    }
    // curate refuses a bad file too (the collision is a compile matter).
    std::fs::write(&course.edits, "[[card]]\nid = \"a\"\naction = \"maybe\"\n").unwrap();
    course
        .env
        .srs()
        .arg("curate")
        .arg(&course.deck)
        .write_stdin("keep\n")
        .assert()
        .code(1)
        .stderr(predicates::str::contains(
            "line 1: unknown action \"maybe\"",
        ));
    // --edits names a file that must exist.
    std::fs::remove_file(&course.edits).unwrap();
    let missing = course
        .env
        .srs()
        .arg("compile")
        .arg(&course.notes)
        .arg("--out")
        .arg(&course.deck)
        .args(["--edits", "nowhere.toml"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("nowhere.toml does not exist"));
    // A deck file that is not a deck is refused.
    for not_a_deck in [
        course.notes.join("care.md"),
        course.env.write("x.json", "[1, 2]"),
    ] {
        course
            .env
            .srs()
            .arg("curate")
            .arg(&not_a_deck)
            .write_stdin("")
            .assert()
            .code(1)
            .stderr(predicates::str::contains("is not a deck file"));
    }
}

// ---------------------------------------------------------------------------
// The full screen in a pseudo-terminal.

/// `srs curate` on the course's deck in a pseudo-terminal of `size`
/// (columns, rows), with `editor` as `$EDITOR` when given.
fn curate_pty(course: &Course, size: (u16, u16), editor: Option<&Path>) -> Pty {
    let deck = course.deck.to_str().expect("a UTF-8 deck path");
    let editor = editor.map(|path| path.to_str().expect("a UTF-8 editor path"));
    let vars: Vec<(&str, &str)> = editor.into_iter().map(|path| ("EDITOR", path)).collect();
    Pty::spawn_with(&course.env, "curate", &[deck], size.0, size.1, &vars)
}

/// Waits for the exit; returns the code and everything printed. Whatever
/// the way out, the alternate screen was left.
fn finish(pty: Pty) -> (u32, String) {
    let done = pty.finish();
    let find = |needle: &[u8]| done.raw.windows(needle.len()).rposition(|w| w == needle);
    if let Some(entered) = find(b"\x1b[?1049h") {
        assert!(
            find(b"\x1b[?1049l").is_some_and(|left| left > entered),
            "the terminal was left in the alternate screen"
        );
    }
    (done.code, done.text)
}

/// An editor that rewrites a card being edited, and writes a new card
/// into an empty one.
fn editor(course: &Course) -> PathBuf {
    let path = course.env.write(
        "editor.sh",
        "#!/bin/sh\n\
         if grep -q '^# Editing' \"$1\"; then\n\
           printf '[front]\\nWhat does person-centred care put first?\\n[back]\\nThe person.\\n' > \"$1\"\n\
         else\n\
           printf '# a comment\\n[front]\\nMy own question?\\n[back]\\nMy own answer.\\n' > \"$1\"\n\
         fi\n",
    );
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

#[test]
fn full_screen_keep_edit_add_drop_undo_quit() {
    let course = Course::new();
    course.compiled();
    let cards = course.cards();
    let editor = editor(&course);
    let mut pty = curate_pty(&course, (100, 30), Some(&editor));
    let first = cards[0]["front"].as_str().unwrap();
    pty.expect_all(&[
        "5 of 5 undecided · card 1 of 5",
        first,
        "care.md:3",
        "k keep · d drop",
    ]);
    // The document beside the deck is not there (it is under notes/):
    // no source line, but the card still shows.
    pty.send("k");
    pty.expect_all(&["Kept '", "4 of 5 undecided · card 2 of 5"]);
    // Saved at once.
    assert_eq!(course.edits_text().matches("\n[[card]]\n").count(), 1);
    pty.send("e");
    pty.expect_all(&["Edited '", "3 of 5 undecided · card 3 of 5"]);
    pty.send("a");
    pty.expect_all(&["Added your card 'tutor-"]);
    pty.send("d");
    pty.expect_all(&["Dropped '", "card 4 of 5"]);
    pty.send("u");
    pty.expect_all(&["Undid the last change; back at '", "card 3 of 5"]);
    pty.send("q");
    let (code, text) = finish(pty);
    assert_eq!(code, 0, "{text}");
    assert!(
        text.contains("2 of 5 cards decided (1 kept, 1 edited, 0 dropped), 1 added"),
        "{text}"
    );
    let edits = course.edits_text();
    assert!(
        edits.contains("front = \"What does person-centred care put first?\""),
        "{edits}"
    );
    assert!(edits.contains("back = \"The person.\""), "{edits}");
    assert!(edits.contains("front = \"My own question?\""), "{edits}");
    assert!(!edits.contains("action = \"drop\""), "{edits}");
    // The recompile carries them.
    course.compiled();
    let cards = course.cards();
    assert_eq!(cards.len(), 6);
    assert_eq!(cards[1]["back"], "The person.");
    assert_eq!(cards[5]["front"], "My own question?");
}

#[test]
fn full_screen_without_an_editor_leaves_the_card_and_shows_the_document() {
    let course = Course::new();
    // The deck beside its documents: each card shows its source line.
    let deck = course.notes.join("unit.json");
    let course = Course {
        deck,
        edits: course.notes.join("unit.edits.toml"),
        ..course
    };
    course.compiled();
    let mut pty = curate_pty(&course, (100, 30), None);
    pty.expect_all(&["care.md:3", "│ Q: What does person-centred care mean?"]);
    pty.send("e");
    pty.expect_all(&["Set $VISUAL or $EDITOR to edit cards; the card is left undecided."]);
    pty.send("q");
    let (code, text) = finish(pty);
    assert_eq!(code, 0, "{text}");
    assert!(!course.edits.exists(), "nothing decided, nothing written");
}

#[test]
fn full_screen_decisions_survive_a_kill_and_a_small_terminal_is_refused() {
    use nix::sys::signal::{Signal, kill};
    use nix::unistd::Pid;
    let course = Course::new();
    course.compiled();
    let mut pty = curate_pty(&course, (100, 30), None);
    pty.expect_all(&["card 1 of 5"]);
    pty.send("d");
    pty.expect_all(&["Dropped '"]);
    let pid = pty.child.process_id().expect("pid");
    kill(Pid::from_raw(pid as i32), Signal::SIGTERM).unwrap();
    let (code, text) = finish(pty);
    assert_eq!(code, 1);
    assert!(
        text.contains("the curation was stopped by a signal; every decision made is saved"),
        "{text}"
    );
    assert!(course.edits_text().contains("action = \"drop\""));

    let mut pty = curate_pty(&course, (19, 4), None);
    pty.expect_all(&["too small"]);
    pty.send("q");
    let (code, _) = finish(pty);
    assert_eq!(code, 0);
}

// ---------------------------------------------------------------------------
// Anki: a curated deck re-exported updates exactly the edited notes.

#[test]
fn anki_reexport_of_a_curated_deck_updates_the_edited_notes_only() {
    use crate::export::{
        T0, T1, anki, anki_collection, assert_renders_cleanly, export, import, log, package_notes,
    };

    let course = Course::new();
    let env = &course.env;
    course.compiled();
    import(env, T0, &course.deck);
    let first = env.path().join("v1.apkg");
    export(env, T0, &first, &[]);
    let col = anki_collection(env);
    let col = col.as_str();
    let before = anki(&["import", col, first.to_str().unwrap()]);
    assert_eq!(log(&before), (5, 0, 0, 0));

    // The tutor edits one card and adds one, then recompiles.
    let cards = course.cards();
    let person = id(card(&cards, "person-centred"));
    let edit = format!("edit\nfront: -\nback: {TUTOR_BACK}\n");
    let add = format!("add\nfront: {TUTOR_FRONT}\nback: {TUTOR_ANSWER}\n");
    course.curate(
        &[],
        &script(&cards, &[("person-centred", &edit), ("consent", &add)]),
    );
    course.compiled();
    let imported = import(env, T1, &course.deck);
    assert!(imported.contains("1 added, 1 updated"), "{imported}");
    let second = env.path().join("v2.apkg");
    export(env, T1, &second, &[]);

    let v1 = package_notes(&first);
    let v2 = package_notes(&second);
    assert_eq!(v2.len(), v1.len() + 1);
    let changed: Vec<&String> = v1.keys().filter(|g| v2[*g] != v1[*g]).collect();
    assert_eq!(changed.len(), 1, "exactly the edited note changes");
    assert!(v2[changed[0]].1.contains("Care built around the person"));

    let after = anki(&["import", col, second.to_str().unwrap()]);
    assert_eq!(log(&after), (1, 1, 4, 0), "{after}");
    assert_renders_cleanly(&after);
    let notes = after["notes"].as_array().unwrap();
    assert_eq!(notes.len(), 6, "no duplicates");
    let text = after["notes"].to_string();
    assert!(text.contains("Care built around the person"), "{text}");
    assert!(!text.contains("needs and wishes"), "the old back is gone");
    assert!(text.contains("How do you check that consent is informed?"));
    assert!(!person.is_empty());
}

// ---------------------------------------------------------------------------
// Review findings: ids of decided cards across rewordings, and across decks.

const SAFE: &str = "Safeguarding Guide

- Neglectt: failing to meet a person's basic needs.
- Advocasy: speaking up for a person so that their views and wishes are heard.
";

/// A course of `notes/safe.txt` compiled as deck "U".
fn safe_course() -> Course {
    let env = Env::new();
    env.write("notes/safe.txt", SAFE);
    let notes = env.path().join("notes");
    let deck = env.path().join("u.json");
    let edits = env.path().join("u.edits.toml");
    Course {
        env,
        notes,
        deck,
        edits,
    }
}

/// Fixes a typo in `notes/safe.txt`.
fn fix_typo(course: &Course, from: &str, to: &str) {
    let text = std::fs::read_to_string(course.notes.join("safe.txt")).unwrap();
    course.env.write("notes/safe.txt", &text.replace(from, to));
}

fn card_asking<'a>(cards: &'a [Value], words: &str) -> Option<&'a Value> {
    cards.iter().find(|c| {
        c["front"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .contains(&words.to_lowercase())
    })
}

#[test]
fn a_dropped_card_stays_dropped_after_a_typo_fix_in_its_term() {
    let course = safe_course();
    course.compiled();
    let cards = course.cards();
    let dropped = id(card_asking(&cards, "neglectt").expect("the neglect card"));
    course.curate(&[], &script(&cards, &[("eglectt", "drop\n")]));
    course.compiled();
    assert!(card_asking(&course.cards(), "neglect").is_none());
    fix_typo(&course, "Neglectt", "Neglect");
    let stderr = course.compiled();
    assert!(!stderr.contains("orphaned drop"), "{stderr}");
    assert!(stderr.contains("1 dropped"), "{stderr}");
    assert!(
        card_asking(&course.cards(), "neglect").is_none(),
        "the drop still applies"
    );
    assert!(course.edits_text().contains(&dropped));
    let summary = course.curate(&["--summary"], "");
    assert!(summary.contains("1 dropped"), "{summary}");
}

#[test]
fn an_edited_card_keeps_its_id_when_its_cue_is_reworded() {
    let course = safe_course();
    course.compiled();
    let cards = course.cards();
    let edit = "edit\nfront: -\nback: Speaking up for someone.\n";
    course.curate(&[], &script(&cards, &[("dvocasy", edit)]));
    course.compiled();
    let before = id(card_asking(&course.cards(), "advocasy").unwrap());
    fix_typo(&course, "Advocasy", "Advocacy");
    let stderr = course.compiled();
    assert!(!stderr.contains("warning: orphaned"), "{stderr}");
    let cards = course.cards();
    let after = card_asking(&cards, "advocacy").expect("the advocacy card");
    assert_eq!(id(after), before, "{stderr}");
    assert_eq!(after["back"], "Speaking up for someone.");
}

#[test]
fn the_same_card_of_a_tutor_in_two_decks_has_two_ids() {
    let env = Env::new();
    env.write("a/notes.md", CARE);
    env.write("b/notes.md", LAW);
    let add = "add\nfront: Who signs a care plan?\nback: The person.\nquit\n";
    let mut ids = Vec::new();
    for (dir, name) in [("a", "Unit A"), ("b", "Unit B")] {
        let deck = env.path().join(format!("{dir}.json"));
        let compile = || {
            stdout_of(
                env.srs()
                    .arg("compile")
                    .arg(env.path().join(dir))
                    .args(["--deck", name, "--out"])
                    .arg(&deck),
            )
        };
        compile();
        stdout_of(env.srs().arg("curate").arg(&deck).write_stdin(add));
        compile();
        stdout_of(env.srs().arg("import").arg(&deck));
        let json: Value = serde_json::from_str(&std::fs::read_to_string(&deck).unwrap()).unwrap();
        let cards = json["cards"].as_array().unwrap().clone();
        ids.push(id(card(&cards, "Who signs")));
    }
    assert_ne!(ids[0], ids[1]);
}

#[test]
fn piped_undo_add_and_quit_work_after_the_last_card() {
    let course = safe_course();
    course.compiled();
    let n = course.cards().len();
    let mut input = "keep\n".repeat(n - 1);
    input.push_str("drop\nundo\nadd\nfront: Mine?\nback: Yes.\nkeep\nquit\n");
    let out = course.curate(&[], &input);
    assert!(out.contains("Undid the last change"), "{out}");
    assert!(out.contains("Added your card"), "{out}");
    assert!(out.contains("The walk is over"), "{out}");
    let edits = course.edits_text();
    assert!(!edits.contains("action = \"drop\""), "{edits}");
    assert!(edits.contains("front = \"Mine?\""), "{edits}");
    assert!(out.contains(&format!("{n} of {n} cards decided")), "{out}");
}

#[test]
fn piped_a_line_that_is_not_a_side_cancels_the_edit_and_is_read_as_a_command() {
    let course = safe_course();
    course.compiled();
    let out = course.curate(&[], "edit\nkeep\nadd\nfront:\nback: x\nquit\n");
    assert!(out.contains("the edit is cancelled"), "{out}");
    assert!(out.contains("Kept '"), "{out}");
    assert!(out.contains("the front is empty"), "{out}");
    assert!(!out.contains("'back: x' is not a command"), "{out}");
    let edits = course.edits_text();
    assert_eq!(edits.matches("\naction = \"keep\"\n").count(), 1, "{edits}");
    assert!(!edits.contains("\n[[add]]\n"), "{edits}");
}

#[test]
fn two_sessions_on_one_edits_file_keep_each_others_decisions() {
    use std::io::BufRead;
    use std::process::{Command, Stdio};
    let course = safe_course();
    // Four definitions, so that the second session has several cards to
    // decide and the first session's save has others' drops to keep.
    course.env.write(
        "notes/safe.txt",
        &format!(
            "{SAFE}- Capacity: the ability to make a particular decision at the time it is needed.\n\
             - Consent: agreement given freely by a person who understands what they agree to.\n"
        ),
    );
    course.compiled();
    let n = course.cards().len();
    assert!(n >= 4, "{n} cards");
    let mut first = Command::new(env!("CARGO_BIN_EXE_srs"))
        .arg("curate")
        .arg(&course.deck)
        .env("SRS_DB", &course.env.db)
        .env("SRS_NOW", &course.env.now)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = first.stdin.take().unwrap();
    let mut lines = std::io::BufReader::new(first.stdout.take().unwrap()).lines();
    stdin.write_all(b"keep\n").unwrap();
    stdin.flush().unwrap();
    // The first session has saved its keep and is waiting.
    assert!(lines.any(|l| l.unwrap().starts_with("Kept '")));
    // A second session drops the cards still undecided.
    course.curate(&[], &format!("{}quit\n", "drop\n".repeat(n - 1)));
    stdin.write_all(b"keep\nquit\n").unwrap();
    drop(stdin);
    for _ in lines {}
    assert!(first.wait().unwrap().success());
    let edits = course.edits_text();
    // The first session's second keep decides one of the dropped cards
    // again; the second session's other drops stay.
    assert_eq!(
        edits.matches("\naction = \"drop\"\n").count(),
        n - 2,
        "{edits}"
    );
    assert_eq!(edits.matches("\naction = \"keep\"\n").count(), 2, "{edits}");
}

#[test]
fn hand_edits_to_the_edits_file_survive_a_session_and_a_keep_with_text_is_refused() {
    let course = safe_course();
    course.compiled();
    let first = id(&course.cards()[0]);
    std::fs::write(
        &course.edits,
        format!("# Reviewed with Sam on Monday.\n[[card]]\nid = \"{first}\"\naction = \"keep\"  # fine\n"),
    )
    .unwrap();
    course.curate(&[], "keep\nquit\n");
    let edits = course.edits_text();
    assert!(
        edits.starts_with("# Reviewed with Sam on Monday.\n"),
        "{edits}"
    );
    assert!(edits.contains("action = \"keep\"  # fine"), "{edits}");
    assert_eq!(edits.matches("\n[[card]]\n").count(), 2, "{edits}");

    std::fs::write(
        &course.edits,
        format!("{edits}\n[[card]]\nid = \"zz\"\naction = \"keep\"\nfront = \"zzz\"\n"),
    )
    .unwrap();
    let (ok, _, stderr) = course.compile();
    assert!(!ok);
    assert!(
        stderr.contains("is a keep with a front or back"),
        "{stderr}"
    );
    assert!(stderr.contains("line "), "{stderr}");
}

#[test]
fn compile_never_writes_a_deck_over_an_edits_file() {
    let course = safe_course();
    course.compiled();
    course.curate(&[], "keep\nquit\n");
    let before = course.edits_text();
    let output = course
        .env
        .srs()
        .arg("compile")
        .arg(&course.notes)
        .arg("--out")
        .arg(&course.edits)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("edits file"), "{err}");
    assert_eq!(course.edits_text(), before);
}

#[test]
fn an_added_card_without_an_id_is_named_on_every_compile() {
    let course = safe_course();
    course.compiled();
    std::fs::write(
        &course.edits,
        "[[add]]\nfront = \"Who signs?\"\nback = \"The person.\"\n",
    )
    .unwrap();
    let stderr = course.compiled();
    assert!(stderr.contains(":1: the [[add]] has no id"), "{stderr}");
    let tutor = id(card(&course.cards(), "Who signs?"));
    assert!(stderr.contains(&format!("id = \"{tutor}\"")), "{stderr}");
}

#[test]
fn the_answer_of_a_multiple_choice_card_cannot_be_edited() {
    let env = Env::new();
    let deck = env.write(
        "m.json",
        &serde_json::json!({"name": "M", "cards": [
            {"id": "m1", "kind": "mcq", "front": "Which?", "back": "B",
             "options": ["A", "B"], "correct": [1]}
        ]})
        .to_string(),
    );
    let out = stdout_of(
        env.srs()
            .arg("curate")
            .arg(&deck)
            .write_stdin("edit\nfront: -\nback: C\nquit\n"),
    );
    assert!(out.contains("multiple-choice"), "{out}");
    assert!(!env.path().join("m.edits.toml").exists());
}

#[test]
fn counts_leave_out_orphaned_entries() {
    let course = safe_course();
    course.compiled();
    let n = course.cards().len();
    std::fs::write(
        &course.edits,
        "[[card]]\nid = \"gone\"\naction = \"drop\"\n",
    )
    .unwrap();
    let out = course.curate(&["--summary"], "");
    assert!(out.contains(&format!("0 of {n} cards decided")), "{out}");
}

#[test]
fn a_stale_drop_is_counted_and_walked_as_the_compile_says() {
    let course = safe_course();
    course.compiled();
    let cards = course.cards();
    course.curate(&[], &script(&cards, &[("eglectt", "drop\n")]));
    course.compiled();
    fix_typo(&course, "basic needs", "basic care needs");
    let stderr = course.compiled();
    assert!(stderr.contains("warning: stale drop"), "{stderr}");
    let summary = course.curate(&["--summary"], "");
    assert!(summary.contains("1 stale"), "{summary}");
    let walked = course.curate(&["--stale"], "keep\nquit\n");
    assert!(walked.contains("dropped · stale"), "{walked}");
    assert!(walked.contains("basic care needs"), "{walked}");
    assert!(walked.contains("Kept '"), "{walked}");
    course.compiled();
    assert!(card_asking(&course.cards(), "neglectt").is_some());
}

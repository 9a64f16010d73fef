//! Integration tests for `srs export`.
//!
//! The Anki tests import what `srs export` writes with the official Anki
//! backend (PyPI `anki`, pinned in tests/anki/requirements.txt) through
//! tests/anki/check.py, run by the Python in `SRS_TEST_PYTHON`. scripts/test
//! sets that up; without it these tests fail, never skip.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{Value, json};

use crate::util::{Env, stdout_of};

// After `RENDER_EPOCH` (2026-12-01), below which no note's `mod` goes.
pub(crate) const T0: &str = "2026-12-02T12:00:00Z";
pub(crate) const T1: &str = "2026-12-04T09:30:00Z";
const T2: &str = "2026-12-06T18:00:00Z";

/// A deck with every kind of card the exporter treats differently.
fn course_deck() -> Value {
    json!({
        "name": "Care Basics",
        "description": "Working together in care settings (test deck).",
        "cards": [
            {"id": "cb-person-centred", "kind": "definition",
             "front": "What does person-centred care mean?",
             "back": "Care planned around the individual's needs, wishes & choices",
             "tags": ["care-basics::values"],
             "source": {"file": "values.md", "line": 4}},
            {"id": "cb-person-centred-r", "kind": "definition",
             "front": "Which term means care planned around the individual's needs, wishes & choices?",
             "back": "Person-centred care",
             "tags": ["care-basics::values"],
             "reverse_of": "cb-person-centred",
             "source": {"file": "values.md", "line": 4}},
            {"id": "cb-sbar", "kind": "acronym",
             "front": "In SBAR, what does S stand for?", "back": "Situation",
             "tags": ["care-basics::communication::sbar"],
             "source": {"file": "communication.md", "line": 10}},
            {"id": "cb-care-act", "kind": "legislation",
             "front": "Which Act sets out local authorities' duty to promote wellbeing?",
             "back": "The Care Act 2014",
             "tags": ["care-basics::law"],
             "source": {"file": "law.md", "line": 2}},
            {"id": "cb-cloze-two", "kind": "cloze",
             "front": "Partners share [...] to keep people safe.",
             "back": "information",
             "cloze": "Partners share {{c1::information}} to keep people {{c2::safe}}.",
             "tags": ["care-basics::communication"],
             "source": {"file": "communication.md", "line": 22}},
            {"id": "cb-cloze-gap", "kind": "cloze",
             "front": "A care plan is reviewed [...].", "back": "regularly",
             "tags": ["care-basics::planning"],
             "source": {"file": "planning.md", "line": 7}},
            {"id": "cb-cloze-none", "kind": "cloze",
             "front": "Name one barrier to communication.", "back": "Noise",
             "cloze": "Name one barrier to communication.",
             "tags": ["care-basics::communication"]},
            {"id": "cb-mcq", "kind": "mcq",
             "front": "Which of these is a statutory partner?",
             "back": "The local authority",
             "options": ["A local café", "The local authority", "A sports club"],
             "correct": [1],
             "tags": ["care-basics::partners"],
             "source": {"file": "partners.md", "line": 30}},
            {"id": "cb-misconception", "kind": "misconception",
             "front": "True or false: confidentiality means never sharing anything.",
             "back": "False: information is shared on a need-to-know basis <with consent> where possible.\nSafety comes first.",
             "tags": ["care-basics::law", "myths"]},
            {"id": "cb-list", "kind": "list_member",
             "front": "Name a member of the multidisciplinary team who plans therapy.",
             "back": "Occupational therapist"}
        ]
    })
}

fn python() -> String {
    match std::env::var("SRS_TEST_PYTHON") {
        Ok(python) if !python.trim().is_empty() => python,
        _ => panic!(
            "SRS_TEST_PYTHON is not set. The export tests import packages with the official \
             Anki backend: run them through scripts/test, which installs the pinned \
             tests/anki/requirements.txt into .venv and sets SRS_TEST_PYTHON"
        ),
    }
}

/// Runs tests/anki/check.py and parses its JSON report.
pub(crate) fn anki(args: &[&str]) -> Value {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/anki/check.py");
    let output = Command::new(python())
        .arg(&script)
        .args(args)
        .output()
        .expect("run the Anki checker");
    assert!(
        output.status.success(),
        "check.py {args:?} failed: {}\nstderr: {}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8(output.stdout).expect("utf-8");
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

fn write_deck(env: &Env, name: &str, deck: &Value) -> PathBuf {
    env.write(name, &serde_json::to_string_pretty(deck).unwrap())
}

pub(crate) fn import(env: &Env, at: &str, deck: &Path) -> String {
    stdout_of(
        env.srs_at(at)
            .arg("--no-default-deck")
            .arg("import")
            .arg(deck),
    )
}

pub(crate) fn export(env: &Env, at: &str, out: &Path, extra: &[&str]) -> String {
    stdout_of(
        env.srs_at(at)
            .args(["--no-default-deck", "export", "--out"])
            .arg(out)
            .args(extra),
    )
}

pub(crate) fn log(report: &Value) -> (u64, u64, u64, u64) {
    let log = &report["log"];
    (
        log["new"].as_u64().unwrap(),
        log["updated"].as_u64().unwrap(),
        log["duplicate"].as_u64().unwrap(),
        log["conflicting"].as_u64().unwrap(),
    )
}

pub(crate) fn assert_renders_cleanly(report: &Value) {
    assert_eq!(report["problems"], json!([]), "rendering problems");
    assert_eq!(report["notes_without_cards"], 0);
    for card in report["cards"].as_array().unwrap() {
        let q = card["question"].as_str().unwrap();
        let a = card["answer"].as_str().unwrap();
        assert!(!q.trim().is_empty(), "empty question: {card}");
        assert_ne!(q, a, "answer equals question: {card}");
    }
    for nt in report["notetypes"].as_array().unwrap() {
        let name = nt["name"].as_str().unwrap();
        assert!(
            !name.ends_with('+'),
            "a duplicate note type appeared: {name}"
        );
    }
}

fn note_by_guid<'a>(report: &'a Value, guid: &str) -> &'a Value {
    report["notes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["guid"] == guid)
        .unwrap_or_else(|| panic!("no note {guid}"))
}

/// The notes of a package, read straight from its SQLite file: guid →
/// (mod, fields).
pub(crate) fn package_notes(path: &Path) -> BTreeMap<String, (i64, String)> {
    let file = std::fs::File::open(path).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let names: BTreeSet<String> = zip.file_names().map(|n| n.unwrap().into_owned()).collect();
    assert_eq!(
        names,
        BTreeSet::from(["collection.anki2".to_string(), "media".to_string()])
    );
    let mut media = String::new();
    zip.by_name("media")
        .unwrap()
        .read_to_string(&mut media)
        .unwrap();
    assert_eq!(media, "{}");
    let mut bytes = Vec::new();
    zip.by_name("collection.anki2")
        .unwrap()
        .read_to_end(&mut bytes)
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("collection.anki2");
    std::fs::write(&db, bytes).unwrap();
    let conn = rusqlite::Connection::open(&db).unwrap();
    let ver: i64 = conn
        .query_row("SELECT ver FROM col", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ver, 11);
    let mut stmt = conn.prepare("SELECT guid, mod, flds FROM notes").unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn anki_imports_every_note_type_cleanly() {
    let env = Env::new();
    let deck = write_deck(&env, "care.json", &course_deck());
    import(&env, T0, &deck);
    let out = env.path().join("care.apkg");
    let summary = export(&env, T0, &out, &[]);
    // 10 cards: the reverse folds into its forward note; the two-deletion
    // cloze makes two cards.
    assert_eq!(
        summary.trim(),
        format!(
            "Wrote {}: 9 notes, 11 cards, 1 deck; 1 reverse card shares its forward card's note; \
             1 cloze card without a deletion written as Basic",
            out.display()
        )
    );

    let col = anki_collection(&env);
    let report = anki(&["import", &col, out.to_str().unwrap()]);
    assert_eq!(log(&report), (9, 0, 0, 0));
    assert_eq!(report["notes"].as_array().unwrap().len(), 9);
    assert_eq!(report["cards"].as_array().unwrap().len(), 11);
    assert_renders_cleanly(&report);

    let decks: BTreeSet<&str> = report["decks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.as_str().unwrap())
        .collect();
    // One deck, so Anki introduces new cards in the deck's order; the
    // sections are tags.
    assert_eq!(decks, BTreeSet::from(["Care Basics", "Default"]));
    let desc = report["deck_descriptions"]["Care Basics"].as_str().unwrap();
    assert!(desc.contains("Working together in care settings"), "{desc}");
    assert_eq!(
        desc.matches("communication.md, law.md").count(),
        1,
        "{desc}"
    );
    assert!(desc.contains("2026-12-02"), "{desc}");

    let types: BTreeSet<&str> = report["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["notetype"].as_str().unwrap())
        .collect();
    assert_eq!(
        types,
        BTreeSet::from([
            "srs Basic",
            "srs Basic and reversed",
            "srs Cloze",
            "srs Multiple choice"
        ])
    );

    let cards = report["cards"].as_array().unwrap();
    let card = |guid_of: &str, ord: u64| -> &Value {
        let guid = note_guid(&report, guid_of);
        cards
            .iter()
            .find(|c| c["guid"] == guid.as_str() && c["ord"] == ord)
            .unwrap_or_else(|| panic!("no card {guid_of}/{ord}"))
    };
    // The folded pair: forward and reverse wording, one note.
    let reverse = card("What does person-centred care mean?", 1);
    assert!(
        reverse["question"]
            .as_str()
            .unwrap()
            .starts_with("Which term means care planned")
    );
    assert!(
        reverse["answer"]
            .as_str()
            .unwrap()
            .contains("Person-centred care")
    );
    assert_eq!(reverse["deck"], "Care Basics");
    // The cloze with two deletions: two cards, each hiding its own gap.
    let c1 = card("Partners share", 0);
    let c2 = card("Partners share", 1);
    assert!(c1["question"].as_str().unwrap().contains("[...]"));
    assert!(c1["question"].as_str().unwrap().contains("safe"));
    assert!(c2["question"].as_str().unwrap().contains("information"));
    // Source and deck, small on the back.
    assert!(
        c1["answer"]
            .as_str()
            .unwrap()
            .ends_with("communication.md · Care Basics")
    );
    // Multiple choice: options on the front, the right one marked behind.
    let mcq = card("Which of these is a statutory partner?", 0);
    assert!(mcq["question"].as_str().unwrap().contains("A local café"));
    assert!(!mcq["question"].as_str().unwrap().contains('✓'));
    assert!(
        mcq["answer"]
            .as_str()
            .unwrap()
            .contains("✓ The local authority")
    );
    // Markup in the text is shown as text, not interpreted.
    let myth = card("True or false: confidentiality", 0);
    assert!(myth["answer"].as_str().unwrap().contains("<with consent>"));
    let myth_note = note_by_guid(&report, &note_guid(&report, "True or false"));
    assert_eq!(myth_note["tags"], json!(["care-basics::law", "myths"]));
}

/// The GUID of the note whose first field starts with `prefix`.
fn note_guid(report: &Value, prefix: &str) -> String {
    report["notes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| {
            n["field_list"][0]
                .as_str()
                .is_some_and(|f| f.starts_with(prefix))
        })
        .unwrap_or_else(|| panic!("no note starting {prefix:?}"))["guid"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn reexport_updates_learners_notes_and_keeps_their_progress() {
    let env = Env::new();
    let mut deck = course_deck();
    let deck_path = write_deck(&env, "care.json", &deck);
    import(&env, T0, &deck_path);
    let first = env.path().join("v1.apkg");
    export(&env, T0, &first, &[]);

    // A learner imports the deck and studies a few cards in Anki.
    let col = anki_collection(&env);
    let col = col.as_str();
    let before = anki(&["import", col, first.to_str().unwrap()]);
    assert_eq!(log(&before), (9, 0, 0, 0));
    let studied = anki(&["study", col, "Care Basics", "4"]);
    let studied = studied["studied"].as_array().unwrap().clone();
    assert_eq!(studied.len(), 4);
    for card in &studied {
        assert_eq!(card["type"], 2, "answered easy: in review now {card}");
    }

    // The tutor edits one studied card and adds a new one, then recompiles.
    let edited_guid = studied[0]["guid"].as_str().unwrap().to_string();
    let edited_front = note_by_guid(&before, &edited_guid)["field_list"][0]
        .as_str()
        .unwrap()
        .to_string();
    let cards = deck["cards"].as_array_mut().unwrap();
    let target = cards
        .iter_mut()
        .find(|c| c["front"].as_str().unwrap() == edited_front)
        .expect("the studied card is in the deck file");
    target["back"] = json!("Corrected answer, reviewed by the tutor");
    cards.push(json!({
        "id": "cb-new-fact", "kind": "basic",
        "front": "Who should be involved in writing a care plan?",
        "back": "The individual, their family and the care team",
        "tags": ["care-basics::planning"],
        "source": {"file": "planning.md", "line": 19}
    }));
    let deck_path = write_deck(&env, "care.json", &deck);
    let imported = import(&env, T1, &deck_path);
    assert!(imported.contains("1 added, 1 updated"), "{imported}");
    let second = env.path().join("v2.apkg");
    export(&env, T1, &second, &[]);

    // Only the edited note is newer; every other note keeps its mod.
    let v1 = package_notes(&first);
    let v2 = package_notes(&second);
    assert_eq!(v2.len(), v1.len() + 1);
    for (guid, (modified, fields)) in &v1 {
        let (modified2, fields2) = &v2[guid];
        if *guid == edited_guid {
            assert!(modified2 > modified);
            assert_ne!(fields, fields2);
        } else {
            assert_eq!(modified2, modified, "note {guid} churned");
            assert_eq!(fields, fields2);
        }
    }

    // The learner imports the new package into the same collection.
    let after = anki(&["import", col, second.to_str().unwrap()]);
    assert_eq!(log(&after), (1, 1, 8, 0));
    assert_renders_cleanly(&after);
    assert_eq!(after["notes"].as_array().unwrap().len(), 10);
    assert_eq!(after["cards"].as_array().unwrap().len(), 12);
    let edited = note_by_guid(&after, &edited_guid);
    let values: Vec<&str> = edited["fields"]
        .as_object()
        .unwrap()
        .values()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(
        values.contains(&"Corrected answer, reviewed by the tutor"),
        "{edited}"
    );
    assert_schedule_kept(&after, &studied);
    let new_guid = note_guid(&after, "Who should be involved");
    assert!(!v1.contains_key(&new_guid));

    // An unchanged collection re-exported later changes nothing.
    let third = env.path().join("v3.apkg");
    export(&env, T2, &third, &[]);
    assert_eq!(package_notes(&third), v2);
    let again = anki(&["import", col, third.to_str().unwrap()]);
    assert_eq!(log(&again), (0, 0, 10, 0));
    assert_eq!(again["cards"].as_array().unwrap().len(), 12);
}

/// Anki's importer, as its dialog opens with no change made, fills every
/// field from the CSV (the columns are named after the stock Basic note
/// type's fields), files the notes in the deck, and a corrected CSV
/// re-imported updates the note it changed instead of adding one.
#[test]
fn csv_imports_with_anki_defaults_and_a_corrected_csv_updates() {
    let env = Env::new();
    let mut deck = course_deck();
    let path = write_deck(&env, "care.json", &deck);
    import(&env, T0, &path);
    let out = env.path().join("care.csv");
    let summary = export(&env, T0, &out, &[]);
    assert_eq!(
        summary.trim(),
        format!("Wrote {}: 10 cards, 1 deck", out.display())
    );
    let col = anki_collection(&env);
    let report = anki(&["csv-default", &col, out.to_str().unwrap()]);
    assert_eq!(report["csv"]["delimiter"], "COMMA");
    assert_eq!(report["csv"]["notetype"], "Basic");
    assert_eq!(report["csv"]["field_columns"], json!([1, 2]));
    assert_eq!(report["csv"]["tags_column"], 3);
    assert_eq!(report["csv"]["deck_column"], 5);
    assert_eq!(report["csv"]["guid_column"], 6);
    assert_eq!(log(&report), (10, 0, 0, 0));
    assert_renders_cleanly(&report);
    for note in report["notes"].as_array().unwrap() {
        for field in ["Front", "Back"] {
            let text = note["fields"][field].as_str().unwrap();
            assert!(!text.trim().is_empty(), "empty {field}: {note}");
        }
    }
    for card in report["cards"].as_array().unwrap() {
        assert_eq!(card["deck"], "Care Basics", "{card}");
    }
    let myth = note_by_guid(&report, &note_guid(&report, "True or false"));
    assert_eq!(
        myth["fields"]["Back"].as_str().unwrap(),
        "False: information is shared on a need-to-know basis &lt;with consent&gt; where possible.<br>Safety comes first."
    );
    assert_eq!(myth["tags"], json!(["care-basics::law", "myths"]));

    // The tutor corrects one answer and exports the CSV again.
    deck["cards"][2]["back"] = json!("Situation (what is happening now)");
    let path = write_deck(&env, "care.json", &deck);
    import(&env, T1, &path);
    export(&env, T1, &out, &[]);
    let again = anki(&["csv-default", &col, out.to_str().unwrap()]);
    assert_eq!(log(&again), (0, 1, 9, 0), "{}", again["log"]);
    assert_eq!(again["notes"].as_array().unwrap().len(), 10);
    assert!(again["notes"].to_string().contains("what is happening now"));

    // A German Anki names the stock note type and its fields in German: the
    // columns still fill them in order.
    let german = env.path().join("de/collection.anki2");
    std::fs::create_dir_all(german.parent().unwrap()).unwrap();
    let report = anki(&[
        "csv-default",
        german.to_str().unwrap(),
        out.to_str().unwrap(),
        "localized",
    ]);
    assert_eq!(report["csv"]["notetype"], "Einfach");
    assert_eq!(log(&report), (10, 0, 0, 0));
    for note in report["notes"].as_array().unwrap() {
        for field in ["Vorderseite", "Rückseite"] {
            let text = note["fields"][field].as_str().unwrap();
            assert!(!text.trim().is_empty(), "empty {field}: {note}");
        }
    }
}

#[test]
fn deck_file_export_imports_into_another_collection() {
    let tutor = Env::new();
    let original = course_deck();
    let deck = write_deck(&tutor, "care.json", &original);
    import(&tutor, T0, &deck);
    let out = tutor.path().join("shared.json");
    let summary = export(&tutor, T0, &out, &["--deck", "care basics"]);
    assert!(
        summary.contains("deck \"Care Basics\", 10 cards"),
        "{summary}"
    );

    let learner = Env::new();
    let imported = import(&learner, T1, &out);
    assert_eq!(
        imported.trim(),
        "Care Basics: 10 added, 0 updated, 0 unchanged, 0 suspended"
    );
    let exported: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(exported["name"], original["name"]);
    assert_eq!(exported["description"], original["description"]);
    let cards = exported["cards"].as_array().unwrap();
    for (mine, theirs) in cards.iter().zip(original["cards"].as_array().unwrap()) {
        for key in [
            "id",
            "front",
            "back",
            "cloze",
            "options",
            "correct",
            "reverse_of",
        ] {
            assert_eq!(mine.get(key), theirs.get(key), "{key} of {}", theirs["id"]);
        }
    }
    // Importing the tutor's export again changes nothing for the learner.
    let again = import(&learner, T2, &out);
    assert!(
        again.contains("0 added, 0 updated, 10 unchanged"),
        "{again}"
    );
}

#[test]
fn filters_pick_the_exported_cards() {
    let env = Env::new();
    let deck = write_deck(&env, "care.json", &course_deck());
    import(&env, T0, &deck);
    let out = env.path().join("law.csv");
    let summary = export(&env, T0, &out, &["--tag", "care-basics::law"]);
    assert!(summary.contains(": 2 cards"), "{summary}");
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("The Care Act 2014"));
    assert!(!text.contains("SBAR"));

    let none = env
        .srs_at(T0)
        .args(["--no-default-deck", "export", "--out"])
        .arg(env.path().join("none.apkg"))
        .args(["--deck", "No Such Deck"])
        .output()
        .unwrap();
    assert_eq!(none.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&none.stderr);
    assert!(stderr.contains("nothing to export"), "{stderr}");
    assert!(!env.path().join("none.apkg").exists());
}

#[test]
fn write_failures_are_clear_and_leave_no_file() {
    let env = Env::new();
    let deck = write_deck(&env, "care.json", &course_deck());
    import(&env, T0, &deck);
    let existing = env.write("keep.apkg", "previous export");

    let cases: Vec<(PathBuf, &str)> = vec![
        (env.path().join("missing/out.apkg"), "does not exist"),
        (env.path().join("care.json/out.apkg"), "is not a directory"),
        (env.path().join("out.txt"), "name it .apkg, .csv or .json"),
        (env.path().join("collection.apkg"), "whole-collection"),
        (env.path().to_path_buf().join("."), "name it .apkg"),
    ];
    for (path, message) in cases {
        let output = env
            .srs_at(T0)
            .args(["--no-default-deck", "export", "--out"])
            .arg(&path)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{}", path.display());
        assert!(output.stdout.is_empty());
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.starts_with("srs: error: ") && stderr.contains(message),
            "{}: {stderr}",
            path.display()
        );
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
    }
    // A target that is a directory is refused without touching it.
    let dir_target = env.path().join("folder.apkg");
    std::fs::create_dir(&dir_target).unwrap();
    let output = env
        .srs_at(T0)
        .args(["--no-default-deck", "export", "--out"])
        .arg(&dir_target)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("is a directory"));

    // A successful export replaces the old file and leaves nothing else.
    let summary = export(&env, T0, &existing, &[]);
    assert_eq!(summary.lines().count(), 1);
    assert_ne!(std::fs::read(&existing).unwrap(), b"previous export");
    let leftovers: Vec<String> = std::fs::read_dir(env.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

#[test]
fn deck_file_needs_one_deck() {
    let env = Env::new();
    let deck = write_deck(&env, "care.json", &course_deck());
    import(&env, T0, &deck);
    let other = write_deck(
        &env,
        "other.json",
        &json!({"name": "Other", "cards": [{"id": "o1", "front": "Q", "back": "A"}]}),
    );
    import(&env, T0, &other);
    let output = env
        .srs_at(T0)
        .args(["--no-default-deck", "export", "--out"])
        .arg(env.path().join("all.json"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("2 (Care Basics, Other)") && stderr.contains("--deck"),
        "{stderr}"
    );
    assert!(!env.path().join("all.json").exists());
    // An Anki package holds both decks.
    let out = env.path().join("all.apkg");
    let summary = export(&env, T0, &out, &[]);
    assert!(summary.contains("10 notes, 12 cards"), "{summary}");
}

#[test]
fn large_export_prints_only_the_summary() {
    let env = Env::new();
    let cards: Vec<Value> = (0..6000)
        .map(|i| {
            json!({"id": format!("big-{i}"), "front": format!("Question {i}?"),
                   "back": format!("Answer {i}"), "tags": [format!("big::part-{}", i % 3)]})
        })
        .collect();
    let deck = write_deck(&env, "big.json", &json!({"name": "Big", "cards": cards}));
    import(&env, T0, &deck);
    let out = env.path().join("big.apkg");
    let output = env
        .srs_at(T0)
        .args(["--no-default-deck", "export", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(output.status.success());
    // No progress bar when stderr is not a terminal, nothing but the summary.
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        format!("Wrote {}: 6000 notes, 6000 cards, 1 deck\n", out.display())
    );
    let notes = package_notes(&out);
    assert_eq!(notes.len(), 6000);
}

/// The tutor's whole cycle, from documents: compile, export, a learner
/// imports and studies in Anki; the tutor edits a source document,
/// recompiles, re-imports and re-exports; the learner's import updates
/// the edited notes, adds the new fact, keeps the studied cards' schedule
/// and duplicates nothing.
#[test]
fn editing_a_source_document_updates_learners_notes() {
    let env = Env::new();
    let notes = env.path().join("notes");
    std::fs::create_dir(&notes).unwrap();
    let sheet = notes.join("hygiene.md");
    let text = "# UNIT 4: HAND HYGIENE\n\n## 🧼 WHEN TO CLEAN HANDS\n\n### Key terms:\n\n- Cross-infection: the spread of germs from one person to another.\n- Alcohol rub: a gel that kills most germs on hands that look clean.\n- Soap and water: the way to clean hands that are visibly dirty.\n\n## 🧤 PPE\n\n**What is it?**\nEquipment worn to protect staff and individuals from infection.\n";
    std::fs::write(&sheet, text).unwrap();
    let deck = env.path().join("hygiene.json");
    let compile = |at: &str| {
        stdout_of(
            env.srs_at(at)
                .arg("compile")
                .arg(&notes)
                .args(["--deck", "Hand Hygiene", "--out"])
                .arg(&deck),
        )
    };
    compile(T0);
    import(&env, T0, &deck);
    let first = env.path().join("v1.apkg");
    export(&env, T0, &first, &[]);
    let col = anki_collection(&env);
    let col = col.as_str();
    let before = anki(&["import", col, first.to_str().unwrap()]);
    let v1 = package_notes(&first);
    assert_eq!(log(&before), (v1.len() as u64, 0, 0, 0));
    assert_renders_cleanly(&before);
    let studied = anki(&["study", col, "Hand Hygiene", "3"]);
    let studied = studied["studied"].as_array().unwrap().clone();
    assert_eq!(studied.len(), 3);

    // The tutor corrects the definition and adds a term.
    let edited = text
        .replace(
            "Equipment worn to protect staff and individuals from infection.",
            "Equipment such as gloves and aprons worn to protect staff and individuals.",
        )
        .replace(
            "visibly dirty.\n",
            "visibly dirty.\n- Spores: a resting form of some germs that alcohol does not kill.\n",
        );
    std::fs::write(&sheet, edited).unwrap();
    compile(T1);
    let imported = import(&env, T1, &deck);
    assert!(
        imported.contains("added") && imported.contains("updated"),
        "{imported}"
    );
    let second = env.path().join("v2.apkg");
    export(&env, T1, &second, &[]);
    let v2 = package_notes(&second);
    let added: Vec<&String> = v2.keys().filter(|g| !v1.contains_key(*g)).collect();
    let changed: Vec<&String> = v1
        .keys()
        .filter(|g| v2.get(*g).is_some_and(|(_, fields)| *fields != v1[*g].1))
        .collect();
    assert!(!added.is_empty(), "the new term is a new note");
    assert!(!changed.is_empty(), "the corrected definition is an update");
    for (guid, (modified, fields)) in &v1 {
        if let Some((modified2, fields2)) = v2.get(guid)
            && fields == fields2
        {
            assert_eq!(modified, modified2, "unchanged note {guid} churned");
        }
    }

    let after = anki(&["import", col, second.to_str().unwrap()]);
    let unchanged = v1.len() - changed.len() - v1.keys().filter(|g| !v2.contains_key(*g)).count();
    assert_eq!(
        log(&after),
        (
            added.len() as u64,
            changed.len() as u64,
            unchanged as u64,
            0
        ),
        "{after}"
    );
    assert_renders_cleanly(&after);
    assert_eq!(
        after["notes"].as_array().unwrap().len(),
        v1.len() + added.len()
    );
    assert!(
        after["notes"].to_string().contains("gloves and aprons"),
        "the corrected definition reached the learner"
    );
    assert_schedule_kept(&after, &studied);
}

/// The path of a learner's (not yet existing) Anki collection.
pub(crate) fn anki_collection(env: &Env) -> String {
    let col = env.path().join("anki/collection.anki2");
    std::fs::create_dir_all(col.parent().unwrap()).unwrap();
    col.to_str().unwrap().to_string()
}

/// Every studied card is still in the collection with its schedule.
pub(crate) fn assert_schedule_kept(after: &Value, studied: &[Value]) {
    for card in studied {
        let now = after["cards"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["guid"] == card["guid"] && c["ord"] == card["ord"])
            .expect("studied card still there");
        assert_eq!(now["type"], card["type"], "scheduling lost: {now}");
        assert_eq!(now["ivl"], card["ivl"], "interval changed: {now}");
    }
}

/// A hand-hygiene sheet: list groups, numbered principles (definitions),
/// and defined terms (each a forward and a reverse card, one Anki note), in
/// sections whose alphabetical order is not the course's.
const HYGIENE: &str = "# UNIT 4: HAND HYGIENE\n\n## WHEN TO CLEAN HANDS\n\n### Moments:\n\n**Before:**\n- Touching a patient\n- A clean task\n\n**After:**\n- Body fluid exposure\n- Touching surroundings\n\n## PRINCIPLES OF CARE\n\n1. **Dignity**: treating people with respect\n2. **Choice**: people decide for themselves\n3. **Safety**: keeping people from harm\n\n## ALCOHOL RUB\n\n**What is it?**\nA gel used to clean hands that are not visibly dirty.\n\n## WHY IT MATTERS\n\n- **Cross-infection**: the spread of germs from one person to another, often on unwashed hands\n";

/// `srs compile DIR --deck NAME --out OUT` at `at`.
fn compile_to(env: &Env, at: &str, dir: &Path, name: &str, out: &Path) -> String {
    stdout_of(
        env.srs_at(at)
            .arg("compile")
            .arg(dir)
            .args(["--deck", name, "--out"])
            .arg(out),
    )
}

/// The compiled deck file's cards.
fn deck_cards(path: &Path) -> Vec<Value> {
    let deck: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    deck["cards"].as_array().unwrap().clone()
}

/// A compiled deck file's number of cards and of Anki notes (a reverse
/// shares its forward's note).
fn cards_and_notes(path: &Path) -> (usize, usize) {
    let cards = deck_cards(path);
    let notes = cards.iter().filter(|c| c["reverse_of"].is_null()).count();
    (cards.len(), notes)
}

/// Gives the deck file's first definition a hand-written reverse card
/// ("which term means …?"), placed right after it, as a tutor's deck file
/// may: the compiler itself makes no reverses.
fn add_reverse(path: &Path) {
    let mut deck: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let cards = deck["cards"].as_array_mut().unwrap();
    let at = cards
        .iter()
        .position(|c| c["kind"] == "definition")
        .expect("a definition to reverse");
    let forward = cards[at].clone();
    let mut reverse = forward.clone();
    reverse["id"] = json!(format!("{}-rev", forward["id"].as_str().unwrap()));
    reverse["front"] = json!(format!(
        "Which term means: {}?",
        forward["back"].as_str().unwrap()
    ));
    reverse["back"] = json!("the term");
    reverse["reverse_of"] = forward["id"].clone();
    cards.insert(at + 1, reverse);
    std::fs::write(path, serde_json::to_string_pretty(&deck).unwrap()).unwrap();
}

/// The cards of the collection (`srs cards --json`).
fn cards_json(env: &Env) -> Vec<Value> {
    let text = stdout_of(env.srs().args(["--no-default-deck", "cards", "--json"]));
    serde_json::from_str::<Value>(&text)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

/// Two units whose `week1.md` teach the same facts stay two sets of cards,
/// in srs and in one Anki collection; a deck file cannot take over another
/// deck's cards; and a document's ids do not depend on its siblings.
#[test]
fn two_units_with_the_same_document_stay_apart() {
    let env = Env::new();
    for unit in ["unit-a", "unit-b"] {
        env.write(&format!("{unit}/week1.md"), HYGIENE);
    }
    let a = env.path().join("a.json");
    let b = env.path().join("b.json");
    compile_to(&env, T0, &env.path().join("unit-a"), "Unit A", &a);
    compile_to(&env, T0, &env.path().join("unit-b"), "Unit B", &b);
    let (n, n_notes) = cards_and_notes(&a);
    assert_eq!(cards_and_notes(&b), (n, n_notes));
    let first = import(&env, T0, &a);
    let second = import(&env, T0, &b);
    assert!(first.contains(&format!("{n} added, 0 updated")), "{first}");
    assert!(
        second.contains(&format!("{n} added, 0 updated")),
        "{second}"
    );
    let cards = cards_json(&env);
    assert_eq!(cards.len(), 2 * n);
    for deck in ["Unit A", "Unit B"] {
        assert_eq!(
            cards.iter().filter(|c| c["deck"] == deck).count(),
            n,
            "{deck}"
        );
    }

    let out = env.path().join("both.apkg");
    export(&env, T0, &out, &[]);
    let col = anki_collection(&env);
    let report = anki(&["import", &col, out.to_str().unwrap()]);
    let notes = package_notes(&out).len() as u64;
    assert_eq!(
        notes,
        2 * n_notes as u64,
        "every fact's directions are one note"
    );
    assert_eq!(log(&report), (notes, 0, 0, 0));
    let in_deck = |deck: &str| {
        report["cards"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["deck"] == deck)
            .count()
    };
    assert_eq!((in_deck("Unit A"), in_deck("Unit B")), (n, n));
    assert_renders_cleanly(&report);

    // A deck file reusing one of Unit A's ids is refused, and nothing moves.
    let taken = cards.iter().find(|c| c["deck"] == "Unit A").unwrap()["id"].clone();
    let intruder = write_deck(
        &env,
        "intruder.json",
        &json!({"name": "Intruder", "cards": [{"id": taken, "front": "Q?", "back": "A"}]}),
    );
    let refused = env
        .srs_at(T1)
        .args(["--no-default-deck", "import"])
        .arg(&intruder)
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.contains("belongs to deck \"Unit A\"") && stderr.lines().count() == 1,
        "{stderr}"
    );
    assert_eq!(cards_json(&env), cards, "nothing changed");

    // A document's ids are the same with or without a same-named sibling.
    let course = env.path().join("course");
    env.write("course/b/notes.md", HYGIENE);
    let alone = env.path().join("alone.json");
    let together = env.path().join("together.json");
    compile_to(&env, T0, &course, "Course", &alone);
    // A same-named sibling that sorts first, with other facts (the same
    // facts would be dropped from b as duplicates, which is not what this
    // checks).
    env.write(
        "course/a/notes.md",
        "# UNIT 5: INFECTION CONTROL\n\n## PROTECTIVE EQUIPMENT\n\n\
         - **Gloves**: worn when touching body fluids, broken skin or mucous membranes\n\
         - **Apron**: a single-use plastic cover that protects clothing from splashes\n",
    );
    compile_to(&env, T0, &course, "Course", &together);
    let ids = |path: &Path| -> BTreeSet<String> {
        let deck: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        deck["cards"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_str().unwrap().to_string())
            .collect()
    };
    let (alone, together) = (ids(&alone), ids(&together));
    assert_eq!(alone.len(), n);
    assert!(together.len() > n, "a's cards are in the deck");
    assert!(
        alone.is_subset(&together),
        "b's ids changed when a was added"
    );
}

/// Exports the collection to `name` at `at` and imports it into the
/// learner's Anki collection `col`.
fn to_anki(env: &Env, at: &str, col: &str, name: &str) -> Value {
    let out = env.path().join(name);
    export(env, at, &out, &[]);
    anki(&["import", col, out.to_str().unwrap()])
}

/// A corrected typo in a term changes its cue, yet the card keeps its id:
/// srs updates it, and Anki updates the note rather than adding one.
#[test]
fn a_wording_fix_updates_instead_of_adding() {
    let env = Env::new();
    let sheet = env.write(
        "unit/hygiene.md",
        &HYGIENE.replace("ALCOHOL RUB", "ALCOOHOL RUB"),
    );
    let deck = env.path().join("hygiene.json");
    let unit = env.path().join("unit");
    compile_to(&env, T0, &unit, "Hand Hygiene", &deck);
    let (_, notes) = cards_and_notes(&deck);
    let before_ids: BTreeSet<String> = deck_cards(&deck)
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_string())
        .collect();
    // The cards that show the misspelt term (its definition: one note).
    let misspelt = deck_cards(&deck)
        .iter()
        .filter(|c| (c["front"].to_string() + &c["back"].to_string()).contains("lcoohol"))
        .count();
    assert!(misspelt >= 1, "a card shows the misspelt term");
    import(&env, T0, &deck);
    let col = anki_collection(&env);
    let before = to_anki(&env, T0, &col, "v1.apkg");
    assert_eq!(log(&before).0, notes as u64);
    assert!(
        before["notes"]
            .to_string()
            .to_lowercase()
            .contains("alcoohol")
    );

    std::fs::write(&sheet, HYGIENE).unwrap();
    let compiled = compile_to(&env, T1, &unit, "Hand Hygiene", &deck);
    assert!(
        compiled.contains(&format!("{misspelt} reworded cards keep their ids")),
        "{compiled}"
    );
    let after_ids: BTreeSet<String> = deck_cards(&deck)
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(after_ids, before_ids);
    let imported = import(&env, T1, &deck);
    assert!(
        imported.contains(&format!("0 added, {misspelt} updated")),
        "{imported}"
    );
    let after = to_anki(&env, T1, &col, "v2.apkg");
    assert_eq!(log(&after), (0, 1, notes as u64 - 1, 0), "{}", after["log"]);
    assert!(
        !after["notes"]
            .to_string()
            .to_lowercase()
            .contains("alcoohol")
    );
    assert_renders_cleanly(&after);
}

/// A blank line inserted at the top of a sheet moves every fact down one
/// line and changes nothing a learner reads: srs updates no card and Anki
/// no note.
#[test]
fn an_inserted_blank_line_updates_no_note() {
    let env = Env::new();
    let sheet = env.write("unit/hygiene.md", HYGIENE);
    let deck = env.path().join("hygiene.json");
    let unit = env.path().join("unit");
    compile_to(&env, T0, &unit, "Hand Hygiene", &deck);
    let (n, notes) = cards_and_notes(&deck);
    import(&env, T0, &deck);
    let col = anki_collection(&env);
    to_anki(&env, T0, &col, "v1.apkg");
    std::fs::write(&sheet, format!("\n{HYGIENE}")).unwrap();
    compile_to(&env, T1, &unit, "Hand Hygiene", &deck);
    let imported = import(&env, T1, &deck);
    assert!(
        imported.contains(&format!("0 added, 0 updated, {n} unchanged")),
        "{imported}"
    );
    let after = to_anki(&env, T1, &col, "v2.apkg");
    assert_eq!(log(&after), (0, 0, notes as u64, 0), "{}", after["log"]);
}

/// When a definition loses its reverse, the card Anki already made from it
/// keeps its last text: no card ever shows "The front of this card is
/// blank".
#[test]
fn a_dropped_reverse_never_leaves_a_blank_card() {
    let env = Env::new();
    let mut deck = course_deck();
    let path = write_deck(&env, "care.json", &deck);
    import(&env, T0, &path);
    let col = anki_collection(&env);
    let before = to_anki(&env, T0, &col, "v1.apkg");
    assert_eq!(before["cards"].as_array().unwrap().len(), 11);

    let cards = deck["cards"].as_array_mut().unwrap();
    cards.retain(|c| c["id"] != "cb-person-centred-r");
    cards[0]["back"] = json!("Care planned with the individual, around their needs and wishes");
    let path = write_deck(&env, "care.json", &deck);
    let imported = import(&env, T1, &path);
    assert!(
        imported.contains("1 updated") && imported.contains("1 suspended"),
        "{imported}"
    );
    let after = to_anki(&env, T1, &col, "v2.apkg");
    assert_eq!(log(&after), (0, 1, 8, 0), "{}", after["log"]);
    assert_eq!(after["cards"].as_array().unwrap().len(), 11);
    assert_renders_cleanly(&after);
}

/// Anki's scheduler, with its default options, first shows the course's
/// first cards, not a section whose name sorts first; and a term's two
/// directions are sibling cards of one note.
#[test]
fn anki_queues_new_cards_in_course_order() {
    let env = Env::new();
    env.write("unit/hygiene.md", HYGIENE);
    let deck = env.path().join("hygiene.json");
    compile_to(&env, T0, &env.path().join("unit"), "Hand Hygiene", &deck);
    add_reverse(&deck);
    let (n, notes) = cards_and_notes(&deck);
    assert_eq!(notes, n - 1);
    import(&env, T0, &deck);
    let col = anki_collection(&env);
    let report = to_anki(&env, T0, &col, "v1.apkg");
    assert_renders_cleanly(&report);
    let cards = deck_cards(&deck);
    let reverse = cards.iter().find(|c| !c["reverse_of"].is_null()).unwrap();
    let forward = cards
        .iter()
        .find(|c| c["id"] == reverse["reverse_of"])
        .unwrap();
    let term = note_guid(&report, forward["front"].as_str().unwrap());
    let siblings = report["cards"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["guid"] == term.as_str())
        .count();
    assert_eq!(siblings, 2, "forward and reverse are one note's two cards");

    let queued = anki(&["queue", &col, "Hand Hygiene", "3"]);
    let queued: Vec<&str> = queued["queued"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["question"].as_str().unwrap())
        .collect();
    // Anki buries a note's second card the day its first is shown, so the
    // queue is the course's order without the reverse.
    let fronts: Vec<String> = cards_json(&env)
        .iter()
        .filter(|c| c["front"] != reverse["front"])
        .take(3)
        .map(|c| c["front"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(queued.len(), 3);
    for (question, front) in queued.iter().zip(&fronts) {
        assert!(
            question.contains(front.as_str()),
            "queued {question:?}, course has {front:?}"
        );
    }
    // The day's whole queue: a fact's two directions are never shown one
    // right after the other.
    let all = anki(&["queue", &col, "Hand Hygiene", &n.to_string()]);
    let guids: Vec<&str> = all["queued"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["guid"].as_str().unwrap())
        .collect();
    assert_eq!(guids.len(), n);
    assert!(guids.windows(2).all(|w| w[0] != w[1]), "{guids:?}");
}

/// A correction imported and exported within the second of the previous
/// export still reaches the learner's Anki.
#[test]
fn a_correction_within_the_same_second_is_applied() {
    let env = Env::new();
    let mut deck = course_deck();
    let path = write_deck(&env, "care.json", &deck);
    import(&env, T0, &path);
    let col = anki_collection(&env);
    to_anki(&env, T0, &col, "v1.apkg");
    deck["cards"][2]["back"] = json!("Situation: what is happening now");
    let path = write_deck(&env, "care.json", &deck);
    import(&env, T0, &path);
    let after = to_anki(&env, T0, &col, "v2.apkg");
    assert_eq!(log(&after), (0, 1, 8, 0), "{}", after["log"]);
    assert!(after["notes"].to_string().contains("what is happening now"));
}

/// A deck file exported with `--tag` holds part of its deck: importing it
/// into a collection with the whole deck suspends nothing.
#[test]
fn a_partial_deck_file_suspends_nothing() {
    let env = Env::new();
    let path = write_deck(&env, "care.json", &course_deck());
    import(&env, T0, &path);
    let law = env.path().join("law.json");
    export(&env, T0, &law, &["--tag", "care-basics::law"]);
    let text = std::fs::read_to_string(&law).unwrap();
    assert!(text.contains("\"partial\": true"), "{text}");
    let imported = import(&env, T1, &law);
    assert!(imported.contains("0 suspended"), "{imported}");
    let whole = env.path().join("whole.json");
    export(&env, T0, &whole, &[]);
    assert!(!std::fs::read_to_string(&whole).unwrap().contains("partial"));
}

/// A collection from before ids were namespaced by deck: importing the
/// deck recompiled (every id now namespaced) keeps each card's history
/// under its new id, adds nothing and suspends nothing.
#[test]
fn cards_keep_their_history_when_ids_gain_their_deck() {
    let env = Env::new();
    let legacy = ["week1-def-0123456789ab", "week1-cloze-a1b2c3d4e5f6"];
    let deck = |ids: &[String]| {
        json!({"name": "Unit A", "cards": [
            {"id": ids[0], "kind": "definition", "front": "What is consent?", "back": "Agreement given freely"},
            {"id": ids[1], "kind": "cloze", "front": "Consent must be [...].", "back": "informed"}
        ]})
    };
    let old: Vec<String> = legacy.iter().map(|s| s.to_string()).collect();
    import(&env, T0, &write_deck(&env, "old.json", &deck(&old)));
    stdout_of(
        env.srs_at(T0)
            .args(["--no-default-deck", "answer", legacy[0], "good"]),
    );
    let new: Vec<String> = legacy
        .iter()
        .map(|id| srs::identity::namespaced("Unit A", id))
        .collect();
    let imported = import(&env, T1, &write_deck(&env, "new.json", &deck(&new)));
    assert!(
        imported.contains("0 added, 0 updated, 2 unchanged, 0 suspended"),
        "{imported}"
    );
    let cards = cards_json(&env);
    let studied = cards
        .iter()
        .find(|c| c["id"] == new[0].as_str())
        .expect("renamed");
    assert_eq!(studied["repetitions"], 1, "{studied}");
    assert!(
        cards
            .iter()
            .all(|c| !legacy.contains(&c["id"].as_str().unwrap()))
    );
}

/// What the README tells tutors about learners who add a field to an srs
/// note type: Anki calls the next update "conflicting" unless "Merge note
/// types" is ticked, which applies it and keeps the learner's field.
#[test]
fn a_learners_own_field_needs_merge_note_types() {
    let env = Env::new();
    let mut deck = course_deck();
    import(&env, T0, &write_deck(&env, "care.json", &deck));
    let first = env.path().join("v1.apkg");
    export(&env, T0, &first, &[]);
    // The correction comes after the learner's change, which makes every
    // note of the type newer (Anki stamps them with the real clock).
    let later = "2099-01-01T00:00:00Z";
    deck["cards"][9]["back"] = json!("Occupational therapist (OT)");
    import(&env, later, &write_deck(&env, "care.json", &deck));
    let second = env.path().join("v2.apkg");
    export(&env, later, &second, &[]);
    // Without merging, every note of the changed type is "conflicting" (3
    // srs Basic notes); with it, the one corrected note is updated.
    for (merge, expected) in [(false, (0, 0, 3)), (true, (0, 1, 0))] {
        let col = env.path().join(format!("anki-{merge}/collection.anki2"));
        std::fs::create_dir_all(col.parent().unwrap()).unwrap();
        let col = col.to_str().unwrap();
        anki(&["import", col, first.to_str().unwrap()]);
        let fields = anki(&["add-field", col, "srs Basic", "My notes"]);
        assert_eq!(
            fields["fields"],
            json!(["Front", "Back", "Source", "My notes"])
        );
        let mut args = vec!["import", col, second.to_str().unwrap()];
        if merge {
            args.push("merge");
        }
        let report = anki(&args);
        let (new, updated, _, conflicting) = log(&report);
        assert_eq!(
            (new, updated, conflicting),
            expected,
            "merge {merge}: {}",
            report["log"]
        );
        let therapist = report["notes"]
            .to_string()
            .contains("Occupational therapist (OT)");
        assert_eq!(
            therapist, merge,
            "the update reached the note only with merge"
        );
    }
}

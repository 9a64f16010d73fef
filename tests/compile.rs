//! Integration tests for `srs compile`: the committed default deck, the
//! recall of facts on the seed documents and on our own fixture documents
//! of every kind, snapshots of the seed cards, and bad input.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::util::{Env, json_of, srs, stdout_of};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The course documents, beside the project (as in CI).
fn seeds() -> PathBuf {
    let dir = root().join("../shared/seeds");
    assert!(
        dir.is_dir(),
        "the seed documents must be at {} (clone the project beside ../shared)",
        dir.display()
    );
    dir
}

fn fixtures() -> PathBuf {
    root().join("tests/fixtures/compile")
}

/// The study documents among the fixtures (each has its `.facts`; the
/// notes beside them, README.md and QUALITY.md, are not documents).
fn fixture_documents() -> Vec<PathBuf> {
    let mut docs: Vec<PathBuf> = std::fs::read_dir(fixtures())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let mut facts = p.clone().into_os_string();
            facts.push(".facts");
            p.is_file() && PathBuf::from(facts).is_file()
        })
        .collect();
    docs.sort();
    docs
}

/// The course and every fixture document, compiled as one deck.
fn everything() -> Value {
    let mut paths = vec![seeds()];
    paths.extend(fixture_documents());
    let refs: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
    compile_json(&refs)
}

fn compile_json(paths: &[&Path]) -> Value {
    let mut cmd = srs();
    cmd.arg("compile");
    for p in paths {
        cmd.arg(p);
    }
    json_of(&mut cmd)
}

/// One document's deck, or an empty one when the compiler finds no card
/// in it (it then exits 1 and says so: a deck needs a card).
fn compile_one(path: &Path) -> Value {
    let output = srs().arg("compile").arg(path).output().expect("run srs");
    if output.status.success() {
        return serde_json::from_slice(&output.stdout).expect("deck JSON");
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("no cards could be compiled"),
        "srs failed on {}: {stderr}",
        path.display()
    );
    serde_json::json!({ "cards": [] })
}

fn cards(deck: &Value) -> &Vec<Value> {
    deck["cards"].as_array().expect("cards array")
}

#[test]
fn committed_default_deck_is_what_the_compiler_produces() {
    // Compiled over a copy of itself, as the command below does: ids of
    // reworded cards carry over from the file being replaced.
    let committed =
        std::fs::read_to_string(root().join("decks/partnership-working.json")).expect("deck");
    let dir = tempfile::tempdir().expect("temp dir");
    let copy = dir.path().join("partnership-working.json");
    std::fs::write(&copy, &committed).expect("copy");
    stdout_of(
        srs()
            .arg("compile")
            .arg(seeds())
            .args(["--deck", "Partnership Working", "--out"])
            .arg(&copy),
    );
    let out = std::fs::read_to_string(&copy).expect("compiled deck");
    assert!(
        out == committed,
        "decks/partnership-working.json is stale: run `cargo run -- compile ../shared/seeds --deck \"Partnership Working\" --out decks/partnership-working.json`"
    );
}

/// Normalised text for fact matching: lower-case letters and digits.
fn norm(s: &str) -> String {
    let s = s.replace("**", "").to_lowercase();
    let words: Vec<&str> = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    format!(" {} ", words.join(" "))
}

/// Captured / listed facts of a document (see tests/fixtures/compile/README.md).
fn recall(doc: &Path, facts: &Path) -> (usize, usize, Vec<String>) {
    let deck = compile_one(doc);
    let texts: Vec<String> = cards(&deck)
        .iter()
        .map(|c| {
            let options: Vec<&str> = c["options"]
                .as_array()
                .map(|o| o.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            norm(&format!(
                "{} {} {}",
                c["front"].as_str().unwrap_or(""),
                c["back"].as_str().unwrap_or(""),
                options.join(" ")
            ))
        })
        .collect();
    let list = std::fs::read_to_string(facts).expect("facts");
    let mut listed = 0;
    let mut missed = Vec::new();
    for fact in list
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        listed += 1;
        let phrases: Vec<String> = fact.split('|').map(norm).collect();
        if !texts
            .iter()
            .any(|t| phrases.iter().all(|p| t.contains(p.as_str())))
        {
            missed.push(fact.to_string());
        }
    }
    (listed - missed.len(), listed, missed)
}

fn recall_over(pairs: Vec<(PathBuf, PathBuf)>) -> (usize, usize, String) {
    let (mut got, mut all) = (0, 0);
    let mut report = String::new();
    for (doc, facts) in pairs {
        let (g, n, missed) = recall(&doc, &facts);
        got += g;
        all += n;
        report.push_str(&format!(
            "{}: {g}/{n}; missed: {missed:?}\n",
            doc.file_name().unwrap().to_string_lossy()
        ));
    }
    (got, all, report)
}

#[test]
fn recall_of_facts_on_the_seed_documents() {
    let dir = fixtures().join("seeds");
    let mut pairs = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let facts = entry.unwrap().path();
        let name = facts.file_stem().unwrap().to_string_lossy().into_owned();
        pairs.push((seeds().join(name), facts));
    }
    pairs.sort();
    assert_eq!(pairs.len(), 5);
    let (got, all, report) = recall_over(pairs);
    eprintln!("seed recall {got}/{all}\n{report}");
    // Lenient matching (a fact anywhere on a card): measured 29/121 (24.0%)
    // after issue 17's eighth pass, down from 44 because cards no longer
    // print whole lists and sentences; the blind reviews in QUALITY.md
    // count what cards ask for.
    assert!(got * 100 >= all * 23, "seed recall {got}/{all}\n{report}");
}

#[test]
fn recall_of_facts_on_unseen_fixture_documents() {
    let mut pairs = Vec::new();
    for entry in std::fs::read_dir(fixtures()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "facts") {
            let doc = path.with_extension("");
            pairs.push((doc, path));
        }
    }
    pairs.sort();
    assert_eq!(pairs.len(), 268, "{pairs:?}");
    let (got, all, report) = recall_over(pairs);
    eprintln!("fixture recall {got}/{all}\n{report}");
    // Measured 657/3469 (18.9%) after issue 17's twenty-first pass, with
    // the documents of rounds 4 to 20 copied in (rounds 17 to 20 add 636
    // facts, 100 of them matched); 968/5378 (18.0%) after the thirty-first
    // pass, which stopped asking "what is meant by X?" of glosses that are
    // statements of their own (this lenient count had matched them);
    // 1166/6648 (17.5%) with round 40's documents and 1183/6806 (17.4%)
    // with round 41's, whose facts are phrased further from their cards
    // (17 of 158 matched) though its blind reviewers found 35.4% asked; see
    // QUALITY.md. Rounds 42 to 46 (a new writers' brief asking for 35 to
    // 45 facts a document, in tables, tabs and quizzes) brought it to
    // 1286/7699 (16.7%): 103 of their 893 facts matched. The fortieth pass
    // (rules of manner and instruction, plain-text tables, reveal boxes)
    // raised it to 1368/7877, and 1412/8055 (17.5%) with round 48's four;
    // the forty-first pass and round 49's four: 1441/8228 (17.5%); the
    // forty-sixth pass with rounds 50 to 54: 1735/9292 (18.7%); the
    // forty-seventh pass (quizzes keyed below, in Markdown too) with
    // round 55's six: 1803/9552 (18.9%); with round 56's four:
    // 1840/9727 (18.9%); the forty-eighth pass with round 57's four:
    // 1870/9905 (18.9%); the forty-ninth pass (dot-leader glossaries):
    // 1888/9905 (19.1%); with round 58's four: 1925/10079 (19.1%); the
    // fiftieth pass: 1924/10079; with round 59's four: 1960/10254 (19.1%);
    // after round 59 (lists side by side asked no more): 1958/10254;
    // with round 60's four: 1998/10427 (19.2%); the fifty-first pass
    // (table rows asked only when the document names them): 1985/10427;
    // the fifty-second pass (no three-way contrasts, no codes as kinds):
    // 1977/10427; with rounds 61 and 62's eight: 2056/10776 (19.1%); after
    // round 62 (exam labels, comments' ages, rights in capitals): 2055/10776;
    // with round 63's four: 2098/10955 (19.2%).
    assert!(
        got * 1000 >= all * 170,
        "fixture recall {got}/{all}\n{report}"
    );
}

/// Quizzes with lettered options and letter keys, in plain text and in a
/// Markdown sheet, become multiple-choice cards whose right options are
/// the ones the key names (recall alone would not tell: every option is on
/// the card).
#[test]
fn lettered_quizzes_compile_to_mcq_cards_with_their_keys() {
    for (file, expected) in [
        (
            "quiz-hydration.txt",
            &[
                ("How much fluid should most adults", "6 to 8 glasses"),
                ("early sign of dehydration", "Dark, strong-smelling urine"),
                (
                    "screen adults for the risk",
                    "The Malnutrition Universal Screening Tool (MUST)",
                ),
                (
                    "dementia to eat well",
                    "Using plates in a colour that contrasts with the food; Offering small, frequent meals and snacks",
                ),
                (
                    "leaving most of their meals",
                    "Record it and report it to your manager",
                ),
            ][..],
        ),
        (
            "sheet-infection-prevention.md",
            &[
                ("Which link in the chain", "Mode of transmission"),
                ("Which colour bag", "Orange"),
                ("portal of entry for micro-organisms", "A cut on the skin"),
            ][..],
        ),
    ] {
        let deck = compile_json(&[&fixtures().join(file)]);
        let mcqs: Vec<&Value> = cards(&deck).iter().filter(|c| c["kind"] == "mcq").collect();
        assert_eq!(mcqs.len(), expected.len(), "{file}: {mcqs:#?}");
        for (question, answer) in expected {
            let card = mcqs
                .iter()
                .find(|c| c["front"].as_str().unwrap().contains(question))
                .unwrap_or_else(|| panic!("{file}: no card asks {question:?}"));
            assert_eq!(card["back"], *answer, "{file}: {card:#}");
            let options = card["options"].as_array().unwrap();
            for i in card["correct"].as_array().unwrap() {
                let option = options[i.as_u64().unwrap() as usize].as_str().unwrap();
                assert!(answer.contains(option), "{file}: {card:#}");
            }
            // The question is asked without its label or number.
            let front = card["front"].as_str().unwrap();
            assert!(front.starts_with(|c: char| c.is_alphabetic()), "{front}");
            assert!(!front.starts_with("Question"), "{front}");
        }
    }
}

/// Questions written with their answers (`Q: …?` / `A: …`, or a bold
/// question over its paragraph in a sheet) become cards as written.
#[test]
fn questions_written_with_answers_become_cards() {
    for (file, expected) in [
        (
            "quiz-hydration.txt",
            &[(
                "What colour is the urine of a well-hydrated person?",
                "Pale straw.",
            )][..],
        ),
        (
            "sheet-infection-prevention.md",
            &[
                (
                    "In infection prevention and control, how long can norovirus survive on surfaces?",
                    "Up to several weeks, which is why cleaning with a chlorine-based product matters.",
                ),
                (
                    "In infection prevention and control, what is an outbreak of infection?",
                    "Two or more linked cases of the same infection in the same place at the same time.",
                ),
                (
                    "In infection prevention and control, what should staff with diarrhoea or vomiting do?",
                    "Stay off work until they have been free of symptoms for 48 hours.",
                ),
            ][..],
        ),
    ] {
        let deck = compile_json(&[&fixtures().join(file)]);
        for (front, back) in expected {
            let card = cards(&deck)
                .iter()
                .find(|c| c["front"] == *front)
                .unwrap_or_else(|| panic!("{file}: no card {front:?}"));
            assert_eq!(card["kind"], "basic", "{card:#}");
            assert_eq!(card["back"], *back, "{card:#}");
        }
        // No card asks for an answer's own text or its label.
        assert!(
            !cards(&deck).iter().any(|c| {
                let front = c["front"].as_str().unwrap();
                front.contains("A: ") || front.starts_with("Q:") || front.starts_with("Q.")
            }),
            "{file}"
        );
    }
}

/// Whether a text holds an author-year citation ("(Billingham, 2016)"); a
/// law's year in brackets ("(… Regulations 2014)") is none.
fn cites(text: &str) -> bool {
    text.match_indices(", ").any(|(i, _)| {
        // (Bytes: a dash right after the digits is no char boundary.)
        let year = &text.as_bytes()[i + 2..];
        year.len() >= 5
            && year[..4].iter().all(u8::is_ascii_digit)
            && (year.starts_with(b"19") || year.starts_with(b"20"))
            && year[4] == b')'
    })
}

/// Every card of every fixture and seed passes the hygiene rules.
#[test]
fn cards_are_clean_on_every_document() {
    let deck = everything();
    let mut fronts = std::collections::HashSet::new();
    let mut ids = std::collections::HashSet::new();
    let mut long_answers = 0;
    for card in cards(&deck) {
        let front = card["front"].as_str().unwrap();
        let back = card["back"].as_str().unwrap();
        assert!(
            !front.trim().is_empty() && !back.trim().is_empty(),
            "{card}"
        );
        for leftover in [
            "**",
            "##",
            "✅",
            "🤝",
            "Share this",
            "Cite this",
            "min read",
        ] {
            assert!(
                !front.contains(leftover) && !back.contains(leftover),
                "{card}"
            );
        }
        assert!(!cites(back) && !back.contains("et al"), "citation: {card}");
        assert!(front.split_whitespace().count() <= 40, "{card}");
        if card["kind"] != "mcq" {
            assert!(back.split_whitespace().count() <= 37, "{card}");
            long_answers += usize::from(back.split_whitespace().count() > 25);
        }
        assert!(
            !norm(&front.replace("[...]", " ")).contains(&norm(back)),
            "answer in question: {card}"
        );
        assert!(fronts.insert(norm(front)), "duplicate front: {card}");
        assert!(
            ids.insert(card["id"].as_str().unwrap().to_string()),
            "{card}"
        );
        let tag = card["tags"][0].as_str().unwrap();
        assert!(!tag.contains(' ') && tag.contains("::"), "{card}");
        assert!(card["source"]["line"].as_u64().unwrap() >= 1, "{card}");
        if card["kind"] == "cloze" {
            assert!(front.contains("[...]"), "{card}");
            assert!(card["cloze"].as_str().unwrap().contains("{{c1::"), "{card}");
        }
    }
    // Answers are normally under 25 words.
    assert!(
        long_answers * 20 <= cards(&deck).len(),
        "{long_answers} long answers"
    );
}

/// The rubric's rules that a test can check, on every document we have:
/// no layout quiz, no heading trail, no position card, no two cards asking
/// the same term, no cloze twice on one answer in a document, no card from
/// exam tips, marking points or learning outcomes, and each card's cited
/// line holds its words.
#[test]
fn cards_follow_the_rubric_on_every_document() {
    let deck = everything();
    let mut asked = std::collections::HashSet::new();
    let mut gaps = std::collections::HashSet::new();
    let mut cited = 0;
    for card in cards(&deck) {
        let front = card["front"].as_str().unwrap();
        let back = card["back"].as_str().unwrap();
        let kind = card["kind"].as_str().unwrap();
        let lower = front.to_lowercase();
        assert!(!front.contains('›'), "heading trail: {card}");
        for layout in [
            "under which heading",
            "listed under",
            "which step of",
            "what is step",
        ] {
            assert!(!lower.contains(layout), "layout quiz: {card}");
        }
        if kind == "list_member" {
            // Five at most, or up to eight named by their count and shared
            // initial ("the 6 Ps"), as learners recall them.
            let n = back.split("; ").count();
            let letters = n <= 8
                && front.contains(&format!("the {n} "))
                && back
                    .split("; ")
                    .all(|m| m.chars().next() == back.chars().next());
            assert!(n <= 5 || letters, "a set too big: {card}");
        }
        let file = card["source"]["file"].as_str().unwrap();
        if matches!(kind, "definition" | "acronym") {
            assert!(asked.insert(norm(front)), "asked twice: {card}");
        }
        if kind == "cloze" {
            assert!(
                gaps.insert((file.to_string(), norm(back))),
                "same gap twice: {card}"
            );
        }
        for skipped in ["award credit", "learning outcome", "exam tip"] {
            assert!(!lower.contains(skipped), "not subject knowledge: {card}");
        }
        // The cited line holds the card's answer or a word of its question.
        let dir = if file.starts_with("00") {
            seeds()
        } else {
            fixtures()
        };
        let text = std::fs::read_to_string(dir.join(file)).unwrap();
        let line = card["source"]["line"].as_u64().unwrap() as usize;
        let at = norm(text.lines().nth(line - 1).unwrap_or(""));
        let words: Vec<String> = norm(&format!("{front} {back}"))
            .split(' ')
            .filter(|w| w.len() >= 6)
            .map(str::to_string)
            .collect();
        if words.iter().any(|w| at.contains(w.as_str())) {
            cited += 1;
        }
    }
    // Measured: every card but a few (a table row's key, a question whose
    // answer is a symbol) shares a word of six letters with its line.
    assert!(
        cited * 100 >= cards(&deck).len() * 95,
        "{cited}/{}",
        cards(&deck).len()
    );
}

/// The cards of one document, one per entry: source line, kind, front, back
/// and tags, so a snapshot shows any change in what the compiler makes.
fn card_listing(path: &Path) -> String {
    let deck = compile_one(path);
    cards(&deck)
        .iter()
        .map(|c| {
            format!(
                "{} [{}] {}\n    => {}\n    # {}\n",
                c["source"]["line"],
                c["kind"].as_str().unwrap(),
                c["front"].as_str().unwrap(),
                c["back"].as_str().unwrap(),
                c["tags"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|t| t.as_str().unwrap())
                    .collect::<Vec<_>>()
                    .join(" ")
            )
        })
        .collect()
}

#[test]
fn seed_cards_snapshot() {
    for entry in std::fs::read_dir(seeds()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        insta::assert_snapshot!(name, card_listing(&path));
    }
}

/// Every fixture document's cards, pinned: a change of rule shows here, card
/// by card, and the note in `tests/fixtures/compile/QUALITY.md` says why.
#[test]
fn fixture_cards_snapshot() {
    for entry in std::fs::read_dir(fixtures()).unwrap() {
        let path = entry.unwrap().path();
        // A study document is one with its facts beside it.
        let mut facts = path.clone().into_os_string();
        facts.push(".facts");
        if !path.is_file() || !PathBuf::from(facts).is_file() {
            continue;
        }
        let name = format!("fixture-{}", path.file_name().unwrap().to_string_lossy());
        insta::assert_snapshot!(name, card_listing(&path));
    }
}

#[test]
fn kind_is_detected_from_content_and_summary_counts_kinds() {
    let env = Env::new();
    let out = env.path().join("deck.json");
    let text = stdout_of(srs().arg("compile").arg(seeds()).arg("--out").arg(&out));
    assert!(
        text.contains("002_8a809823c0c291c8.txt (markdown sheet)"),
        "{text}"
    );
    assert!(
        text.contains("000_9da45d8820a533ef.txt (study guide)"),
        "{text}"
    );
    assert!(
        text.contains("003_4e2324838295f687.txt (e-learning page)"),
        "{text}"
    );
    assert!(text.contains("004_426bb670a8f11e5a.txt (essay)"), "{text}");
    assert!(
        text.contains("mcq") && text.contains("definition"),
        "{text}"
    );
    let verbose = srs()
        .arg("compile")
        .arg(seeds())
        .arg("--verbose")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&verbose.stderr);
    assert!(stderr.contains("promotional line"), "{stderr}");
    assert!(stderr.contains("truncated preview"), "{stderr}");
}

#[test]
fn deterministic_and_ids_survive_editing_another_document() {
    let env = Env::new();
    let dir = env.path().join("docs");
    std::fs::create_dir(&dir).unwrap();
    for name in ["000_9da45d8820a533ef.txt", "002_8a809823c0c291c8.txt"] {
        std::fs::copy(seeds().join(name), dir.join(name)).unwrap();
    }
    let first = stdout_of(srs().arg("compile").arg(&dir));
    let second = stdout_of(srs().arg("compile").arg(&dir));
    assert_eq!(first, second, "byte-identical output");
    let sheet = dir.join("002_8a809823c0c291c8.txt");
    let edited = std::fs::read_to_string(&sheet)
        .unwrap()
        .replace("- Pharmacists\n", "- Pharmacists\n- Dentists\n")
        .replace("Value each other's expertise", "Value everyone's expertise");
    std::fs::write(&sheet, edited).unwrap();
    let third = stdout_of(srs().arg("compile").arg(&dir));
    let ids = |text: &str, file: &str| -> Vec<String> {
        let deck: Value = serde_json::from_str(text).unwrap();
        cards(&deck)
            .iter()
            .filter(|c| c["source"]["file"] == file)
            .map(|c| c["id"].as_str().unwrap().to_string())
            .collect()
    };
    let guide = "000_9da45d8820a533ef.txt";
    assert_eq!(ids(&first, guide), ids(&third, guide));
    // In the edited sheet, the cards of the lines not edited keep their ids.
    let sheet = "002_8a809823c0c291c8.txt";
    let (before, after) = (ids(&first, sheet), ids(&third, sheet));
    assert!(!before.is_empty());
    let kept = before.iter().filter(|id| after.contains(id)).count();
    assert!(kept * 10 >= before.len() * 9, "{before:?} {after:?}");
}

#[test]
fn compiled_deck_imports_and_reviews() {
    let env = Env::new();
    let out = env.path().join("deck.json");
    stdout_of(
        srs()
            .arg("compile")
            .arg(fixtures().join("sheet-safeguarding.md"))
            .args(["--deck", "Safeguarding"])
            .arg("--out")
            .arg(&out),
    );
    let text = stdout_of(env.srs().arg("--no-default-deck").arg("import").arg(&out));
    assert!(text.contains("added"), "{text}");
    let next = json_of(env.srs().args(["next", "--json"]));
    assert_eq!(next["deck"], "Safeguarding");
}

fn failure(cmd: &mut assert_cmd::Command) -> String {
    let output = cmd.output().unwrap();
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{stderr}");
    stderr
}

#[test]
fn bad_input_is_reported_without_panic() {
    let env = Env::new();
    // A path that does not exist.
    let err = failure(srs().arg("compile").arg(env.path().join("nope.md")));
    assert!(err.contains("no such file or directory"), "{err}");
    // A directory with no documents.
    let empty = env.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    std::fs::write(empty.join("picture.png"), [0x89, b'P', b'N', b'G']).unwrap();
    let err = failure(srs().arg("compile").arg(&empty));
    assert!(err.contains("not a study document"), "{err}");
    assert!(err.contains("no study documents"), "{err}");
    // An empty file, and a binary file with a text name.
    let blank = env.write("blank.md", "  \n\n");
    let binary = env.path().join("data.txt");
    std::fs::write(&binary, [0u8, 1, 2, 3, 0, 255]).unwrap();
    let err = failure(srs().arg("compile").arg(&blank).arg(&binary));
    assert!(err.contains("empty") && err.contains("binary"), "{err}");
    // --out into a missing directory: error, nothing written.
    let good = env.write(
        "good.md",
        "# Consent\n\n## Types\n\n**Three kinds:**\n- Implied\n- Verbal\n- Written\n",
    );
    let target = env.path().join("missing/deck.json");
    let err = failure(srs().arg("compile").arg(&good).arg("--out").arg(&target));
    assert!(err.contains("deck"), "{err}");
    assert!(!target.exists());
    // Not UTF-8: decoded lossily with a warning; still compiles.
    let latin = env.path().join("latin1.txt");
    let mut bytes = b"Topic Synopsis\nCare homes must protect residents\xe9 rights.\nKey Concepts\n- Dignity: Treating each person as being of equal worth.\n- Privacy: Giving people space and keeping their information safe.\n".to_vec();
    bytes.extend_from_slice(b"- Choice: Letting people decide about their own care and support.\n- Respect: Valuing beliefs and wishes.\n");
    std::fs::write(&latin, bytes).unwrap();
    let output = srs().arg("compile").arg(&latin).output().unwrap();
    assert!(output.status.success(), "{output:?}");
    assert!(String::from_utf8_lossy(&output.stderr).contains("not valid UTF-8"));
    // A document among bad paths still compiles (exit 0, warnings).
    let output = srs()
        .arg("compile")
        .arg(&good)
        .arg(env.path().join("nope.md"))
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
}

#[test]
fn huge_and_deep_documents_do_not_break_it() {
    let env = Env::new();
    // A file with one line of a megabyte.
    // A stack overflow aborts (exit 134, "has overflowed its stack") and a
    // panic exits 101: only a clean status says nothing broke.
    let clean_exit = |output: &std::process::Output| {
        let code = output.status.code();
        assert!(code == Some(0) || code == Some(1), "{output:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            !stderr.contains("panicked") && !stderr.contains("overflowed"),
            "{stderr}"
        );
    };
    let long_line = env.write("line.txt", &"care and support ".repeat(65_000));
    let output = srs().arg("compile").arg(&long_line).output().unwrap();
    clean_exit(&output);
    // Deeply nested lists.
    let mut nested = String::from("# Nesting\n\n## Lists\n\n");
    for depth in 0..500 {
        nested.push_str(&"  ".repeat(depth));
        nested.push_str(&format!("- level {depth}\n"));
    }
    let deep = env.write("deep.md", &nested);
    let output = srs().arg("compile").arg(&deep).output().unwrap();
    clean_exit(&output);
    // Many megabytes of Markdown: compiles, every id unique.
    let sheet = std::fs::read_to_string(seeds().join("002_8a809823c0c291c8.txt")).unwrap();
    let mut big = String::new();
    let mut n = 0;
    while big.len() < 2_000_000 {
        big.push_str(
            &sheet
                .replace("UNIT 17", &format!("UNIT {n}"))
                .replace("Pharmacists", &format!("Pharmacists {n}")),
        );
        n += 1;
    }
    let big = env.write("big.md", &big);
    let deck = compile_json(&[&big]);
    // The copies repeat each other's facts: one card each, ids unique.
    assert!(!cards(&deck).is_empty());
    let ids: std::collections::HashSet<&str> = cards(&deck)
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), cards(&deck).len());
}

/// Lower-case words of `text` (letters, apostrophes and hyphens).
fn word_list(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphabetic() || c == '\'' || c == '’' || c == '-'))
        .filter(|w| w.chars().any(char::is_alphabetic))
        .map(str::to_lowercase)
        .collect()
}

/// The compiler is not tuned to one course: no run of five words of the
/// course documents appears in its production code (string literals and
/// comments included); unit tests use our own words too.
#[test]
fn no_course_phrase_in_the_compiler() {
    const N: usize = 5;
    // Lead-ins any essay uses, listed in `text::strip_lead_in`.
    const GENERAL_ENGLISH: [&str; 3] = [
        "it is important to note",
        "is important to note that",
        "however it is important to",
    ];
    let mut phrases = std::collections::HashSet::new();
    for entry in std::fs::read_dir(seeds()).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let words = word_list(&text);
        for w in words.windows(N) {
            phrases.insert(w.join(" "));
        }
    }
    let mut files = vec![root().join("src/compile")];
    let mut found = Vec::new();
    while let Some(path) = files.pop() {
        if path.is_dir() {
            files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for (n, line) in text.lines().enumerate() {
            let words = word_list(line);
            for w in words.windows(N) {
                let phrase = w.join(" ");
                if phrases.contains(&phrase) && !GENERAL_ENGLISH.contains(&phrase.as_str()) {
                    found.push(format!("{}:{}: {phrase}", path.display(), n + 1));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "course phrases in src/compile:\n{}",
        found.join("\n")
    );
}

/// A word the document misspells reads right on its card; a word it
/// spells in capitals, or one with two possible corrections, stays.
#[test]
fn common_misspellings_are_put_right_on_the_cards() {
    let dir = tempfile::tempdir().expect("temp dir");
    let doc = dir.path().join("pruning.md");
    std::fs::write(
        &doc,
        "# Pruning\n\n## Terms\n\n- **Deadheading**: removing faded flowers so the plant puts its enviroment of energy into new buds.\n- **Thinning**: cutting whole stems out at the base to let air reach the centre, done seperately from shaping.\n",
    )
    .expect("write");
    let deck = compile_one(&doc);
    let text: String = cards(&deck)
        .iter()
        .map(|c| format!("{} {}\n", c["front"], c["back"]))
        .collect();
    assert!(text.contains("environment of energy"), "{text}");
    assert!(text.contains("separately from shaping"), "{text}");
    assert!(!text.contains("seperately"), "{text}");
}

#[test]
fn a_document_without_a_subject_takes_no_placeholder_deck_name_on_its_fronts() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("unit17");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(
        folder.join("notes.txt"),
        "A trowel is a small hand tool used for digging small holes.\n\nA dibber is a pointed stick used to make holes for seeds.\n",
    )
    .unwrap();
    let out = dir.path().join("deck.json");
    srs()
        .args([
            "compile",
            folder.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ])
        .assert()
        .success();
    let deck: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let fronts: Vec<&str> = deck["cards"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["front"].as_str().unwrap())
        .collect();
    assert!(!fronts.is_empty());
    assert!(fronts.iter().all(|f| !f.contains("unit17")), "{fronts:?}");
}

//! The edits file: TOML, one `[[card]]` table per decided card sorted by
//! id, then one `[[add]]` table per card of the tutor's own.
//!
//! ```toml
//! [[card]]
//! id = "unit17-3fa2"
//! action = "edit"                # keep, drop or edit
//! front = "What must consent be?"
//! compiled_front = "Consent must be what?"
//! compiled_back = "Freely given and informed"
//!
//! [[add]]
//! id = "tutor-0c1d2e3f4a5b"      # optional in a hand-written entry
//! front = "Who signs a care plan?"
//! back = "The individual and the care team"
//! tags = ["unit17::planning"]
//! ```
//!
//! `compiled_front` and `compiled_back` record the compiled text the
//! decision was made against. Every error names the line it is on.

use std::collections::HashMap;
use std::fmt::Write as _;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::session::Key;
use super::{Added, Decision, Edits, Entry, Text, added_id};
use crate::deck::{CardId, CardKind};

/// Why an edits file was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum EditsError {
    /// Not TOML, or not the shape of an edits file.
    #[error("line {line}: {message}")]
    Syntax {
        /// The 1-based line.
        line: usize,
        /// What the TOML reader said.
        message: String,
    },
    /// An action other than keep, drop and edit.
    #[error("line {line}: unknown action \"{action}\" for card \"{id}\" (use keep, drop or edit)")]
    UnknownAction {
        /// The 1-based line.
        line: usize,
        /// The card.
        id: String,
        /// The action given.
        action: String,
    },
    /// Two entries for one card.
    #[error("line {line}: card \"{id}\" is already decided on line {first}")]
    Duplicate {
        /// The later entry's line.
        line: usize,
        /// The card.
        id: String,
        /// The earlier entry's line.
        first: usize,
    },
    /// A required text is missing or empty.
    #[error("line {line}: {what}")]
    Missing {
        /// The 1-based line.
        line: usize,
        /// What is missing, in words.
        what: String,
    },
    /// An edit of a multiple-choice card's answer.
    #[error(
        "line {line}: card \"{id}\" is a multiple-choice card, whose answer is its options: edit its front only, or change the options in the document"
    )]
    ChoiceBack {
        /// The 1-based line.
        line: usize,
        /// The card.
        id: String,
    },
    /// An added card has the id of a compiled card.
    #[error(
        "line {line}: the added card \"{id}\" has the id of a compiled card; give it another id"
    )]
    Collision {
        /// The 1-based line.
        line: usize,
        /// The id.
        id: String,
    },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    card: Vec<Spanned<RawEntry>>,
    #[serde(default)]
    add: Vec<Spanned<RawAdd>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    id: String,
    action: String,
    front: Option<String>,
    back: Option<String>,
    compiled_front: Option<String>,
    compiled_back: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAdd {
    id: Option<String>,
    kind: Option<String>,
    front: Option<String>,
    back: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
}

/// Where each line of a text starts, to turn byte offsets into lines.
struct Lines(Vec<usize>);

impl Lines {
    fn of(text: &str) -> Lines {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Lines(starts)
    }

    /// The 1-based line of byte `offset`.
    fn at(&self, offset: usize) -> usize {
        self.0.partition_point(|&start| start <= offset).max(1)
    }
}

/// A text that must be there and not blank.
fn required(
    value: Option<String>,
    line: usize,
    what: impl FnOnce() -> String,
) -> Result<String, EditsError> {
    match value {
        Some(text) if !text.trim().is_empty() => Ok(text),
        _ => Err(EditsError::Missing { line, what: what() }),
    }
}

/// Reads the edits file of deck `deck` (its name makes the ids of added
/// cards written without one).
pub fn parse(text: &str, deck: &str) -> Result<Edits, EditsError> {
    let lines = Lines::of(text);
    let raw: RawFile = toml::from_str(text).map_err(|e| EditsError::Syntax {
        line: e.span().map_or(1, |span| lines.at(span.start)),
        message: e.message().split_whitespace().collect::<Vec<_>>().join(" "),
    })?;
    let mut edits = Edits::default();
    for spanned in raw.card {
        let line = lines.at(spanned.span().start);
        let raw = spanned.into_inner();
        let id = raw.id.trim().to_string();
        if id.is_empty() {
            return Err(EditsError::Missing {
                line,
                what: "a [[card]] entry needs a card id".into(),
            });
        }
        let action = raw.action.trim();
        if matches!(action, "keep" | "drop") && (raw.front.is_some() || raw.back.is_some()) {
            return Err(EditsError::Missing {
                line,
                what: format!(
                    "card \"{id}\" is a {action} with a front or back; make it action = \"edit\" to use the text, or remove the text"
                ),
            });
        }
        let decision = match action {
            "keep" => Decision::Keep,
            "drop" => Decision::Drop,
            "edit" => {
                let blank =
                    |side: &Option<String>| side.as_ref().is_some_and(|t| t.trim().is_empty());
                if blank(&raw.front) || blank(&raw.back) {
                    return Err(EditsError::Missing {
                        line,
                        what: format!("the edit of card \"{id}\" has an empty front or back"),
                    });
                }
                if raw.front.is_none() && raw.back.is_none() {
                    return Err(EditsError::Missing {
                        line,
                        what: format!("the edit of card \"{id}\" gives neither a front nor a back"),
                    });
                }
                Decision::Edit {
                    front: raw.front,
                    back: raw.back,
                }
            }
            other => {
                return Err(EditsError::UnknownAction {
                    line,
                    id,
                    action: other.to_string(),
                });
            }
        };
        let compiled = match (raw.compiled_front, raw.compiled_back) {
            (None, None) => None,
            (front, back) => Some(Text {
                front: front.unwrap_or_default(),
                back: back.unwrap_or_default(),
            }),
        };
        let id = CardId::new(id);
        if let Some(first) = edits.entries.get(&id) {
            return Err(EditsError::Duplicate {
                line,
                id: id.to_string(),
                first: first.line,
            });
        }
        edits.entries.insert(
            id,
            Entry {
                decision,
                compiled,
                line,
            },
        );
    }
    let mut added_lines: HashMap<CardId, usize> = HashMap::new();
    for spanned in raw.add {
        let line = lines.at(spanned.span().start);
        let raw = spanned.into_inner();
        let front = required(raw.front, line, || "an [[add]] needs a front".into())?;
        let back = required(raw.back, line, || "an [[add]] needs a back".into())?;
        let named = raw.id.is_some();
        let id = match raw.id.map(|id| id.trim().to_string()) {
            Some(id) if !id.is_empty() => CardId::new(id),
            Some(_) => {
                return Err(EditsError::Missing {
                    line,
                    what: "an [[add]] has an empty id (leave it out to have one made)".into(),
                });
            }
            None => added_id(deck, &front, &back, |id| {
                added_lines.contains_key(&CardId::new(id))
            }),
        };
        if let Some(&first) = added_lines
            .get(&id)
            .or_else(|| edits.entries.get(&id).map(|e| &e.line))
        {
            return Err(EditsError::Duplicate {
                line,
                id: id.to_string(),
                first,
            });
        }
        added_lines.insert(id.clone(), line);
        edits.added.push(Added {
            id,
            kind: raw.kind.as_deref().map_or(CardKind::Basic, CardKind::parse),
            front,
            back,
            tags: raw.tags,
            line,
            named,
        });
    }
    Ok(edits)
}

#[derive(Serialize)]
struct OutEntry<'a> {
    id: &'a str,
    action: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    front: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    back: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    compiled_front: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    compiled_back: Option<&'a str>,
}

#[derive(Serialize)]
struct OutAdd<'a> {
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<&'a str>,
    front: &'a str,
    back: &'a str,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    tags: &'a [String],
}

#[derive(Serialize)]
struct OutFile<'a> {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    card: Vec<OutEntry<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    add: Vec<OutAdd<'a>>,
}

const HEADER: &str = "\
# A tutor's decisions about a compiled deck, written by `srs curate` and
# applied by `srs compile --out` at every recompile. One [[card]] per decided
# card, sorted by id: action = \"keep\", \"drop\" or \"edit\" (with the tutor's
# front and/or back); compiled_front and compiled_back are the compiled text
# it was decided against. [[add]] entries are the tutor's own cards.
";

/// The edits file's text: a short header, the entries sorted by id, then
/// the added cards in the order they were added.
pub fn to_toml(edits: &Edits) -> String {
    let card = edits
        .entries
        .iter()
        .map(|(id, entry)| {
            let (front, back) = match &entry.decision {
                Decision::Edit { front, back } => (front.as_deref(), back.as_deref()),
                _ => (None, None),
            };
            OutEntry {
                id: id.as_str(),
                action: entry.decision.action(),
                front,
                back,
                compiled_front: entry.compiled.as_ref().map(|t| t.front.as_str()),
                compiled_back: entry.compiled.as_ref().map(|t| t.back.as_str()),
            }
        })
        .collect();
    let add = edits
        .added
        .iter()
        .map(|a| OutAdd {
            id: a.id.as_str(),
            kind: (a.kind != CardKind::Basic).then(|| a.kind.as_str()),
            front: &a.front,
            back: &a.back,
            tags: &a.tags,
        })
        .collect();
    let body = toml::to_string(&OutFile { card, add }).unwrap_or_default();
    let mut text = String::from(HEADER);
    if !body.is_empty() {
        let _ = writeln!(text);
        text.push_str(&body);
    }
    text
}

/// `text` (an edits file as it is on disk now, perhaps changed by another
/// session or by hand since this session read it) with the one entry `key`
/// set to what `edits` has for it (removed when `edits` has none), and
/// everything else — other entries, comments, layout — as it was. A new
/// `[[card]]` goes among the others in id order, a new `[[add]]` last.
pub fn update(text: &str, key: &Key, edits: &Edits, deck: &str) -> Result<String, EditsError> {
    use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, value};

    let lines = Lines::of(text);
    let mut doc: DocumentMut =
        text.parse()
            .map_err(|e: toml_edit::TomlError| EditsError::Syntax {
                line: e.span().map_or(1, |span| lines.at(span.start)),
                message: e.message().split_whitespace().collect::<Vec<_>>().join(" "),
            })?;
    // A file of comments alone (or nothing): they stay on top, then the
    // entry as `to_toml` writes it.
    if doc.as_table().is_empty() {
        let mut only = Edits::default();
        match key {
            Key::Entry(id) => {
                if let Some(entry) = edits.entries.get(id) {
                    only.entries.insert(id.clone(), entry.clone());
                }
            }
            Key::Added(id) => only
                .added
                .extend(edits.added.iter().filter(|a| &a.id == id).cloned()),
        }
        let whole = to_toml(&only);
        if text.trim().is_empty() {
            return Ok(whole);
        }
        let body = whole.strip_prefix(HEADER).unwrap_or(&whole).trim_start();
        return Ok(format!("{}\n\n{body}", text.trim_end()));
    }
    let (array, id) = match key {
        Key::Entry(id) => ("card", id),
        Key::Added(id) => ("add", id),
    };
    if !doc.contains_key(array) {
        doc.insert(array, Item::ArrayOfTables(ArrayOfTables::new()));
    }
    let Some(tables) = doc.get_mut(array).and_then(Item::as_array_of_tables_mut) else {
        return Err(EditsError::Syntax {
            line: 1,
            message: format!("`{array}` is not a list of [[{array}]] tables"),
        });
    };
    let str_of = |table: &Table, k: &str| table.get(k).and_then(Item::as_str).map(str::to_string);
    let id_of = |table: &Table| match (array, str_of(table, "id")) {
        (_, Some(id)) => id.trim().to_string(),
        ("add", None) => {
            let (front, back) = (str_of(table, "front"), str_of(table, "back"));
            added_id(
                deck,
                &front.unwrap_or_default(),
                &back.unwrap_or_default(),
                |_| false,
            )
            .to_string()
        }
        _ => String::new(),
    };
    let at = tables.iter().position(|t| id_of(t) == id.as_str());
    let set = |table: &mut Table, k: &str, v: Option<&str>| match v {
        Some(v) => {
            table.insert(k, value(v));
        }
        None => {
            table.remove(k);
        }
    };
    let fill = |table: &mut Table| match key {
        Key::Entry(id) => {
            let Some(entry) = edits.entries.get(id) else {
                return;
            };
            let (front, back) = match &entry.decision {
                Decision::Edit { front, back } => (front.as_deref(), back.as_deref()),
                _ => (None, None),
            };
            set(table, "id", Some(id.as_str()));
            set(table, "action", Some(entry.decision.action()));
            set(table, "front", front);
            set(table, "back", back);
            let compiled = entry.compiled.as_ref();
            set(table, "compiled_front", compiled.map(|t| t.front.as_str()));
            set(table, "compiled_back", compiled.map(|t| t.back.as_str()));
        }
        Key::Added(id) => {
            let Some(added) = edits.added.iter().find(|a| &a.id == id) else {
                return;
            };
            set(table, "id", Some(id.as_str()));
            set(
                table,
                "kind",
                (added.kind != CardKind::Basic).then(|| added.kind.as_str()),
            );
            set(table, "front", Some(&added.front));
            set(table, "back", Some(&added.back));
            if added.tags.is_empty() {
                table.remove("tags");
            } else {
                table.insert(
                    "tags",
                    value(toml_edit::Array::from_iter(added.tags.iter())),
                );
            }
        }
    };
    let present = match key {
        Key::Entry(id) => edits.entries.contains_key(id),
        Key::Added(id) => edits.added.iter().any(|a| &a.id == id),
    };
    let mut doc_trailing: Option<String> = None;
    match (at, present) {
        (Some(at), true) => {
            if let Some(table) = tables.get_mut(at) {
                fill(table);
            }
        }
        (Some(at), false) => {
            // The file's opening comment sits above the first entry: it
            // moves to the entry that comes first now.
            let opening = (at == 0).then(|| prefix_of(tables.get(0))).flatten();
            tables.remove(at);
            if let Some(opening) = opening {
                match tables.get_mut(0) {
                    Some(first) => first.decor_mut().set_prefix(opening),
                    None => doc_trailing = Some(opening),
                }
            }
        }
        (None, false) => {}
        (None, true) => {
            let mut table = Table::new();
            fill(&mut table);
            // Among the [[card]] entries in id order; an [[add]] last.
            let before = match key {
                Key::Entry(_) => tables.iter().position(|t| id_of(t).as_str() > id.as_str()),
                Key::Added(_) => None,
            };
            match before {
                None => {
                    tables.push(table);
                }
                Some(before) => {
                    let mut all: Vec<Table> = tables.iter().cloned().collect();
                    if before == 0
                        && let Some(opening) = prefix_of(all.first())
                    {
                        table.decor_mut().set_prefix(opening);
                        if let Some(old_first) = all.first_mut() {
                            old_first.decor_mut().set_prefix("\n");
                        }
                    }
                    all.insert(before, table);
                    tables.clear();
                    for t in all {
                        tables.push(t);
                    }
                }
            }
        }
    }
    if tables.is_empty() {
        doc.remove(array);
    }
    if let Some(opening) = doc_trailing {
        let trailing = format!("{}{opening}", doc.trailing().as_str().unwrap_or(""));
        doc.set_trailing(trailing);
    }
    Ok(doc.to_string())
}

/// The comment and blank lines written above `table`, if any.
fn prefix_of(table: Option<&toml_edit::Table>) -> Option<String> {
    let prefix = table?.decor().prefix()?.as_str()?;
    (!prefix.trim().is_empty()).then(|| prefix.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = r#"# hand-written
[[card]]
id = "b"
action = "drop"
compiled_front = "Qb"
compiled_back = "Ab"

[[card]]
id = "a"
action = "edit"
back = """
Line one
line two"""
compiled_front = "Qa"
compiled_back = "Aa"

[[card]]
id = "k"
action = "keep"

[[add]]
front = "Mine?"
back = "Yes"
tags = ["x::y"]
"#;

    #[test]
    fn the_files_opening_comment_stays_first_when_the_first_entry_changes() {
        let text = "# my notes\n\n[[card]]\nid = \"m\"\naction = \"keep\"\n";
        let mut edits = parse(text, "D").unwrap();
        edits.entries.insert(
            CardId::new("a"),
            Entry {
                decision: Decision::Drop,
                compiled: None,
                line: 0,
            },
        );
        // A new first entry goes below the comment, not above it.
        let got = update(text, &Key::Entry(CardId::new("a")), &edits, "D").unwrap();
        assert!(got.starts_with("# my notes\n"), "{got}");
        assert!(
            got.find("\"a\"").unwrap() < got.find("\"m\"").unwrap(),
            "{got}"
        );
        // Removing the first entry keeps the comment.
        edits.entries.remove(&CardId::new("a"));
        let got = update(&got, &Key::Entry(CardId::new("a")), &edits, "D").unwrap();
        assert!(got.starts_with("# my notes\n"), "{got}");
        assert!(!got.contains("\"a\""), "{got}");
        edits.entries.remove(&CardId::new("m"));
        let got = update(&got, &Key::Entry(CardId::new("m")), &edits, "D").unwrap();
        assert!(got.contains("# my notes"), "{got}");
    }

    #[test]
    fn update_changes_one_entry_and_keeps_the_rest() {
        let text = "# my notes\n[[card]]\nid = \"b\"  # why\naction = \"drop\"\n\n[[card]]\nid = \"d\"\naction = \"keep\"\n\n[[add]]\nfront = \"Mine?\"\nback = \"Yes\"\n";
        let mut edits = parse(text, "D").unwrap();
        edits.entries.insert(
            CardId::new("c"),
            Entry {
                decision: Decision::Keep,
                compiled: Some(Text {
                    front: "Qc".into(),
                    back: "Ac".into(),
                }),
                line: 0,
            },
        );
        let got = update(text, &Key::Entry(CardId::new("c")), &edits, "D").unwrap();
        assert!(got.starts_with("# my notes\n"), "{got}");
        assert!(got.contains("id = \"b\"  # why"), "{got}");
        let (b, c, d) = (
            got.find("\"b\"").unwrap(),
            got.find("\"c\"").unwrap(),
            got.find("\"d\"").unwrap(),
        );
        assert!(b < c && c < d, "{got}");
        assert_eq!(parse(&got, "D").unwrap().entries.len(), 3);
        // Removing the tutor's card named by its text alone.
        let id = edits.added[0].id.clone();
        edits.added.clear();
        let got = update(&got, &Key::Added(id), &edits, "D").unwrap();
        assert!(!got.contains("Mine?"), "{got}");
        assert!(got.contains("# my notes"), "{got}");
        // An entry decided by another session since is kept.
        let theirs = format!("{got}\n[[card]]\nid = \"z\"\naction = \"drop\"\n");
        let got = update(&theirs, &Key::Entry(CardId::new("c")), &edits, "D").unwrap();
        assert!(got.contains("id = \"z\""), "{got}");
        // A new file starts with the header.
        let fresh = update("", &Key::Entry(CardId::new("c")), &edits, "D").unwrap();
        assert!(fresh.starts_with("# A tutor's decisions"), "{fresh}");
        assert_eq!(parse(&fresh, "D").unwrap().entries.len(), 1);
    }

    #[test]
    fn offsets_become_lines() {
        let lines = Lines::of("ab\ncd\n\ne");
        let got: Vec<usize> = (0..9).map(|i| lines.at(i)).collect();
        assert_eq!(got, [1, 1, 1, 2, 2, 2, 3, 4, 4]);
    }

    #[test]
    fn reads_entries_and_adds() {
        let edits = parse(FILE, "D").unwrap();
        let a = &edits.entries[&CardId::new("a")];
        assert_eq!(
            a.decision,
            Decision::Edit {
                front: None,
                back: Some("Line one\nline two".into())
            }
        );
        assert_eq!(a.line, 8);
        assert_eq!(a.compiled.as_ref().unwrap().front, "Qa");
        assert_eq!(edits.entries[&CardId::new("b")].decision, Decision::Drop);
        assert_eq!(edits.entries[&CardId::new("k")].compiled, None);
        let added = &edits.added[0];
        assert_eq!(added.id, added_id("D", "Mine?", "Yes", |_| false));
        assert_eq!(added.tags, ["x::y"]);
        assert_eq!(added.line, 21);
    }

    #[test]
    fn writes_sorted_and_reads_back_the_same() {
        let edits = parse(FILE, "D").unwrap();
        let text = to_toml(&edits);
        assert!(text.starts_with("# A tutor's decisions"));
        let a = text.find("id = \"a\"").unwrap();
        let b = text.find("id = \"b\"").unwrap();
        let k = text.find("id = \"k\"").unwrap();
        assert!(a < b && b < k, "{text}");
        let again = parse(&text, "D").unwrap();
        let strip = |e: &Edits| {
            let mut e = e.clone();
            e.entries.values_mut().for_each(|x| x.line = 0);
            e.added.iter_mut().for_each(|x| {
                x.line = 0;
                x.named = true;
            });
            e
        };
        assert_eq!(strip(&again), strip(&edits));
        // Writing is deterministic.
        assert_eq!(to_toml(&again), text);
        // An empty file is just the header, and reads as no edits.
        assert_eq!(
            parse(&to_toml(&Edits::default()), "D").unwrap(),
            Edits::default()
        );
    }

    #[test]
    fn odd_text_survives_the_round_trip() {
        let mut edits = Edits::default();
        let tricky = "Quotes \" and ''' and \"\"\" and \\ back\nslash\ttab";
        edits.entries.insert(
            CardId::new("x"),
            Entry {
                decision: Decision::Edit {
                    front: Some(tricky.into()),
                    back: None,
                },
                compiled: Some(Text {
                    front: "é ü 漢字".into(),
                    back: "#not a comment".into(),
                }),
                line: 0,
            },
        );
        let again = parse(&to_toml(&edits), "D").unwrap();
        let entry = &again.entries[&CardId::new("x")];
        assert_eq!(
            entry
                .decision
                .applied(&Text {
                    front: String::new(),
                    back: String::new()
                })
                .front,
            tricky
        );
        assert_eq!(entry.compiled.as_ref().unwrap().back, "#not a comment");
    }

    #[test]
    fn bad_files_name_the_line() {
        let cases = [
            ("[[card]]\nid = \"a\"\naction = \n", "line 3:"),
            (
                "[[card]]\nid = \"a\"\naction = \"keep\"\n\n[[card]]\nid = \"b\"\naction = \"burn\"\n",
                "line 5: unknown action \"burn\" for card \"b\"",
            ),
            (
                "[[card]]\nid = \"a\"\naction = \"keep\"\n[[card]]\nid = \"a\"\naction = \"drop\"\n",
                "line 4: card \"a\" is already decided on line 1",
            ),
            (
                "[[card]]\nid = \"a\"\naction = \"keep\"\n\n[[add]]\nback = \"x\"\n",
                "line 5: an [[add]] needs a front",
            ),
            (
                "[[add]]\nfront = \"x\"\n",
                "line 1: an [[add]] needs a back",
            ),
            (
                "[[card]]\nid = \"a\"\naction = \"edit\"\n",
                "line 1: the edit of card \"a\" gives neither a front nor a back",
            ),
            (
                "[[card]]\nid = \"a\"\naction = \"edit\"\nfront = \" \"\n",
                "empty front or back",
            ),
            (
                "\n\n[[card]]\nid = \"a\"\nacton = \"keep\"\n",
                "line 5: unknown field `acton`",
            ),
            ("[[cards]]\nid = \"a\"\n", "line 1: unknown field `cards`"),
            (
                "# mine\n[[card]]\nid = \"a\"\naction = \"keep\"\nfront = \"zzz\"\n",
                "line 2: card \"a\" is a keep with a front or back",
            ),
            (
                "[[card]]\naction = \"keep\"\n",
                "line 1: missing field `id`",
            ),
            (
                "[[add]]\nid = \"t\"\nfront = \"f\"\nback = \"b\"\n[[add]]\nid = \"t\"\nfront = \"g\"\nback = \"c\"\n",
                "line 5: card \"t\" is already decided on line 1",
            ),
        ];
        for (text, expected) in cases {
            let err = parse(text, "D").unwrap_err().to_string();
            assert!(err.contains(expected), "{text:?}: got {err}");
            assert!(!err.contains('\n'), "one line: {err}");
        }
    }
}

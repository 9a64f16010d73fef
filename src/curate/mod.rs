//! A tutor's edits to a compiled deck: which cards to keep, drop or
//! correct, and the tutor's own cards, kept in a TOML file beside the deck
//! file (`unit17.json` ↔ `unit17.edits.toml`) so that every recompile
//! applies them again.
//!
//! - [`file`](mod@file) reads and writes the edits file (one entry per decided card,
//!   sorted by id; every error names its line);
//! - [`apply`] applies the edits to a freshly compiled [`Deck`] and reports
//!   what became of each entry (stale, orphaned);
//! - [`session`] is the pure state of a `srs curate` session: which cards
//!   to walk, the decisions, undo;
//! - [`template`] is the text a tutor edits a card in.
//!
//! Entries are keyed by card id only; how the compiler forms its ids does
//! not matter here. The tutor's own cards get ids of the form
//! `tutor-` + 12 hex digits of a SHA-1 of the deck's name and their text
//! (see [`added_id`]),
//! and an edits file whose added card shares an id with a compiled card
//! is refused, so the two never collide.

pub mod file;
pub mod session;
pub mod template;

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use sha1::{Digest, Sha1};

use crate::deck::{Card, CardId, CardKind, Deck};

pub use file::EditsError;

/// The key an edited card carries in the written deck file: the compiled
/// text the tutor's text replaced, so `srs curate` can tell a stale edit
/// from the deck file alone.
pub const COMPILED_KEY: &str = "compiled";
/// The prefix of the ids of the tutor's own cards.
pub const ADDED_PREFIX: &str = "tutor-";
/// The deck-level key under which a deck file compiled with edits records
/// the compiled cards the tutor dropped (as compiled this time), so that
/// `srs curate` can count them, tell a stale drop, and walk it.
pub const DROPPED_KEY: &str = "dropped";

/// A card's front and back.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Text {
    /// The question side.
    pub front: String,
    /// The answer side.
    pub back: String,
}

impl Text {
    /// The text of a card.
    pub fn of(card: &Card) -> Text {
        Text {
            front: card.front.clone(),
            back: card.back.clone(),
        }
    }
}

/// What the tutor decided about a compiled card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// The card stays as compiled.
    Keep,
    /// The card is left out of the deck.
    Drop,
    /// The card stays with the tutor's front and/or back (`None`: as
    /// compiled).
    Edit {
        /// The tutor's front.
        front: Option<String>,
        /// The tutor's back.
        back: Option<String>,
    },
}

impl Decision {
    /// The action's name in the edits file.
    pub fn action(&self) -> &'static str {
        match self {
            Decision::Keep => "keep",
            Decision::Drop => "drop",
            Decision::Edit { .. } => "edit",
        }
    }

    /// Whether the card stays in the deck.
    pub fn keeps(&self) -> bool {
        !matches!(self, Decision::Drop)
    }

    /// `text` with this decision's edits applied.
    pub fn applied(&self, text: &Text) -> Text {
        match self {
            Decision::Edit { front, back } => Text {
                front: front.clone().unwrap_or_else(|| text.front.clone()),
                back: back.clone().unwrap_or_else(|| text.back.clone()),
            },
            _ => text.clone(),
        }
    }
}

/// One decided card of the edits file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The decision.
    pub decision: Decision,
    /// The compiled text the decision was made against (`None` in a
    /// hand-written entry that gives none: never stale).
    pub compiled: Option<Text>,
    /// The entry's line in the file it was read from (0 when made in this
    /// session).
    pub line: usize,
}

impl Entry {
    /// Whether the card's compiled text is no longer the one decided on.
    pub fn is_stale(&self, compiled: &Text) -> bool {
        self.compiled.as_ref().is_some_and(|t| t != compiled)
    }
}

/// One of the tutor's own cards.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Added {
    /// Its id, never a compiled card's.
    pub id: CardId,
    /// What sort of card it is (basic unless the file says otherwise).
    pub kind: CardKind,
    /// The question.
    pub front: String,
    /// The answer.
    pub back: String,
    /// Its tags.
    pub tags: Vec<String>,
    /// The entry's line in the file it was read from (0 when made in this
    /// session).
    pub line: usize,
    /// Whether the file gives its id (a hand-written `[[add]]` may leave it
    /// out: its id then follows its text).
    pub named: bool,
}

impl Added {
    /// The card as it goes into the deck.
    pub fn card(&self) -> Card {
        let mut card = Card::new(
            self.id.as_str(),
            self.kind,
            self.front.as_str(),
            self.back.as_str(),
        );
        card.tags = self.tags.clone();
        card
    }
}

/// Everything in an edits file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Edits {
    /// The decided compiled cards, by id.
    pub entries: BTreeMap<CardId, Entry>,
    /// The tutor's own cards, in the order they were added.
    pub added: Vec<Added>,
}

/// The id for a tutor's card with this text in deck `deck`: [`ADDED_PREFIX`]
/// and 12 hex digits of the SHA-1 of the deck's name and the text (so two
/// decks never share an id, as compiled ids are namespaced too), with
/// `-2`, `-3`… when `taken` already has it.
pub fn added_id(deck: &str, front: &str, back: &str, taken: impl Fn(&str) -> bool) -> CardId {
    let mut hasher = Sha1::new();
    hasher.update(b"srs tutor card\0");
    hasher.update(deck.trim().as_bytes());
    hasher.update([0]);
    hasher.update(front.as_bytes());
    hasher.update([0]);
    hasher.update(back.as_bytes());
    let digest = hasher.finalize();
    let hex: String = digest[..6].iter().map(|b| format!("{b:02x}")).collect();
    let base = format!("{ADDED_PREFIX}{hex}");
    let mut id = base.clone();
    let mut n = 2;
    while taken(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    CardId::new(id)
}

/// The default edits file of a deck file: `unit17.json` → `unit17.edits.toml`
/// in the same directory.
pub fn edits_path(deck_file: &Path) -> PathBuf {
    let stem = deck_file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "deck".to_string());
    deck_file.with_file_name(format!("{stem}.edits.toml"))
}

/// The text a deck card was compiled with: the recorded compiled text of a
/// card the tutor edited, else its own.
pub fn compiled_text(card: &Card) -> Text {
    if let Some(Value::Object(map)) = card.extra.get(COMPILED_KEY)
        && let (Some(Value::String(front)), Some(Value::String(back))) =
            (map.get("front"), map.get("back"))
    {
        return Text {
            front: front.clone(),
            back: back.clone(),
        };
    }
    Text::of(card)
}

/// A decision whose card's compiled text changed since it was made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stale {
    /// The card.
    pub id: CardId,
    /// `keep`, `drop` or `edit`.
    pub action: &'static str,
    /// The compiled text the decision was made against.
    pub was: Text,
    /// The compiled text now.
    pub now: Text,
}

/// An entry whose card the compiler no longer makes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Orphan {
    /// The card.
    pub id: CardId,
    /// `keep`, `drop` or `edit`.
    pub action: &'static str,
    /// Its line in the edits file.
    pub line: usize,
}

/// What applying an edits file did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Compiled cards kept as they were.
    pub kept: usize,
    /// Compiled cards left out.
    pub dropped: usize,
    /// Compiled cards with the tutor's text.
    pub edited: usize,
    /// The tutor's own cards appended.
    pub added: usize,
    /// Compiled cards nobody has decided on yet.
    pub undecided: usize,
    /// Decisions made against another compiled text (still applied).
    pub stale: Vec<Stale>,
    /// Entries whose card is gone.
    pub orphaned: Vec<Orphan>,
}

impl Report {
    /// The one-line count.
    pub fn summary(&self) -> String {
        format!(
            "{} kept, {} dropped, {} edited, {} added, {} stale, {} orphaned",
            self.kept,
            self.dropped,
            self.edited,
            self.added,
            self.stale.len(),
            self.orphaned.len()
        )
    }
}

/// Applies `edits` to a compiled deck: dropped cards left out, edited cards
/// with the tutor's text (and the compiled text under [`COMPILED_KEY`]),
/// the tutor's cards appended. Refuses an added card whose id a compiled
/// card has.
pub fn apply(mut deck: Deck, edits: &Edits) -> Result<(Deck, Report), EditsError> {
    let compiled_ids: HashSet<CardId> = deck.cards.iter().map(|c| c.id.clone()).collect();
    if let Some(clash) = edits.added.iter().find(|a| compiled_ids.contains(&a.id)) {
        return Err(EditsError::Collision {
            line: clash.line,
            id: clash.id.to_string(),
        });
    }
    let mut report = Report::default();
    let mut dropped: Vec<Card> = Vec::new();
    let cards = std::mem::take(&mut deck.cards);
    deck.cards.reserve(cards.len() + edits.added.len());
    for mut card in cards {
        let Some(entry) = edits.entries.get(&card.id) else {
            report.undecided += 1;
            deck.cards.push(card);
            continue;
        };
        let now = Text::of(&card);
        if entry.is_stale(&now)
            && let Some(was) = &entry.compiled
        {
            report.stale.push(Stale {
                id: card.id.clone(),
                action: entry.decision.action(),
                was: was.clone(),
                now: now.clone(),
            });
        }
        if card.kind == CardKind::Mcq || !card.options.is_empty() {
            if let Decision::Edit { back: Some(_), .. } = &entry.decision {
                return Err(EditsError::ChoiceBack {
                    line: entry.line,
                    id: card.id.to_string(),
                });
            }
        }
        match &entry.decision {
            Decision::Keep => report.kept += 1,
            Decision::Drop => {
                report.dropped += 1;
                dropped.push(card);
                continue;
            }
            Decision::Edit { .. } => {
                report.edited += 1;
                let text = entry.decision.applied(&now);
                card.front = text.front;
                card.back = text.back;
                // The markup held the compiled sentence; the exporter and
                // the review make the cloze from the tutor's front and back.
                card.cloze = None;
                card.extra.insert(
                    COMPILED_KEY.to_string(),
                    json!({"front": now.front, "back": now.back}),
                );
            }
        }
        deck.cards.push(card);
    }
    for (id, entry) in &edits.entries {
        if !compiled_ids.contains(id) {
            report.orphaned.push(Orphan {
                id: id.clone(),
                action: entry.decision.action(),
                line: entry.line,
            });
        }
    }
    for added in &edits.added {
        deck.cards.push(added.card());
        report.added += 1;
    }
    deck.extra.insert(
        DROPPED_KEY.to_string(),
        serde_json::to_value(&dropped).unwrap_or_else(|_| json!([])),
    );
    Ok((deck, report))
}

/// `deck` (a deck file) with the dropped cards it records (see
/// [`DROPPED_KEY`]) put back, as compiled: the deck the tutor decides on.
/// A deck file from before that record is returned as it is.
pub fn with_dropped(mut deck: Deck) -> Deck {
    if let Some(Value::Array(cards)) = deck.extra.remove(DROPPED_KEY) {
        let known: HashSet<CardId> = deck.cards.iter().map(|c| c.id.clone()).collect();
        let dropped: Vec<Card> = cards
            .into_iter()
            .filter_map(|c| serde_json::from_value::<Card>(c).ok())
            .filter(|c| !known.contains(&c.id))
            .collect();
        deck.cards.extend(dropped);
        deck.extra
            .insert(DROPPED_KEY.to_string(), Value::Bool(true));
    }
    deck
}

/// How much of a deck is decided, for `srs curate --summary`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tally {
    /// Compiled cards in the deck.
    pub cards: usize,
    /// Of those, decided.
    pub decided: usize,
    /// Decided keep.
    pub kept: usize,
    /// Decided drop.
    pub dropped: usize,
    /// Decided edit.
    pub edited: usize,
    /// Decisions whose card's compiled text changed since.
    pub stale: usize,
    /// The tutor's own cards.
    pub added: usize,
}

impl Tally {
    /// Counts the decisions of `edits` about the compiled cards of `deck`
    /// (a deck file as compiled, with the dropped cards it records put back
    /// by [`with_dropped`]). An entry whose card is not in the deck (an
    /// orphan) is not counted.
    pub fn of(deck: &Deck, edits: &Edits) -> Tally {
        let added: HashSet<&CardId> = edits.added.iter().map(|a| &a.id).collect();
        let mut tally = Tally {
            added: edits.added.len(),
            ..Tally::default()
        };
        for card in deck.cards.iter().filter(|c| !added.contains(&c.id)) {
            tally.cards += 1;
            if let Some(entry) = edits.entries.get(&card.id) {
                tally.count(entry);
                if entry.is_stale(&compiled_text(card)) {
                    tally.stale += 1;
                }
            }
        }
        tally
    }

    fn count(&mut self, entry: &Entry) {
        self.decided += 1;
        match entry.decision {
            Decision::Keep => self.kept += 1,
            Decision::Drop => self.dropped += 1,
            Decision::Edit { .. } => self.edited += 1,
        }
    }

    /// The share of decided cards the tutor kept (as they were or edited),
    /// in percent; `None` before any decision.
    pub fn keep_rate(&self) -> Option<u32> {
        let kept = self.kept + self.edited;
        (self.decided > 0).then(|| ((kept * 100 + self.decided / 2) / self.decided) as u32)
    }

    /// One line: "12 of 40 cards decided (9 kept, 2 edited, 1 dropped), 1
    /// added, 0 stale; keep rate 92%".
    pub fn line(&self) -> String {
        let rate = match self.keep_rate() {
            Some(rate) => format!("keep rate {rate}%"),
            None => "no keep rate yet".to_string(),
        };
        format!(
            "{} of {} cards decided ({} kept, {} edited, {} dropped), {} added, {} stale; {rate}",
            self.decided, self.cards, self.kept, self.edited, self.dropped, self.added, self.stale
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deck() -> Deck {
        let mut cloze = Card::new("c", CardKind::Cloze, "Consent is [...].", "informed");
        cloze.cloze = Some("Consent is {{c1::informed}}.".into());
        Deck {
            name: "D".into(),
            description: String::new(),
            cards: vec![
                Card::new("a", CardKind::Basic, "Qa", "Aa"),
                Card::new("b", CardKind::Basic, "Qb", "Ab"),
                cloze,
                Card::new("d", CardKind::Basic, "Qd", "Ad"),
            ],
            extra: BTreeMap::new(),
        }
    }

    fn entry(decision: Decision, front: &str, back: &str) -> Entry {
        Entry {
            decision,
            compiled: Some(Text {
                front: front.into(),
                back: back.into(),
            }),
            line: 1,
        }
    }

    fn edits() -> Edits {
        let mut edits = Edits::default();
        edits
            .entries
            .insert(CardId::new("a"), entry(Decision::Keep, "Qa", "Aa"));
        edits
            .entries
            .insert(CardId::new("b"), entry(Decision::Drop, "Qb", "Ab"));
        edits.entries.insert(
            CardId::new("c"),
            entry(
                Decision::Edit {
                    front: Some("Valid consent is [...].".into()),
                    back: None,
                },
                "Consent is [...].",
                "informed",
            ),
        );
        edits.added.push(Added {
            id: CardId::new("tutor-1"),
            kind: CardKind::Basic,
            front: "Mine?".into(),
            back: "Yes".into(),
            tags: vec!["t".into()],
            line: 20,
            named: true,
        });
        edits
    }

    #[test]
    fn applies_keep_drop_edit_and_add() {
        let (deck, report) = apply(deck(), &edits()).unwrap();
        let ids: Vec<&str> = deck.cards.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["a", "c", "d", "tutor-1"]);
        let c = &deck.cards[1];
        assert_eq!(c.front, "Valid consent is [...].");
        assert_eq!(c.back, "informed");
        assert_eq!(c.cloze, None, "the compiled markup is not kept");
        assert_eq!(
            compiled_text(c),
            Text {
                front: "Consent is [...].".into(),
                back: "informed".into()
            }
        );
        assert_eq!(deck.cards[3].tags, ["t"]);
        assert_eq!(
            (
                report.kept,
                report.dropped,
                report.edited,
                report.added,
                report.undecided
            ),
            (1, 1, 1, 1, 1)
        );
        assert!(report.stale.is_empty() && report.orphaned.is_empty());
        assert_eq!(
            report.summary(),
            "1 kept, 1 dropped, 1 edited, 1 added, 0 stale, 0 orphaned"
        );
    }

    #[test]
    fn reports_stale_and_orphaned_entries() {
        let mut compiled = deck();
        compiled.cards[2].front = "Consent must be [...].".into();
        compiled.cards.remove(1);
        let (deck, report) = apply(compiled, &edits()).unwrap();
        assert_eq!(report.stale.len(), 1);
        let stale = &report.stale[0];
        assert_eq!(stale.id.as_str(), "c");
        assert_eq!(stale.action, "edit");
        assert_eq!(stale.was.front, "Consent is [...].");
        assert_eq!(stale.now.front, "Consent must be [...].");
        // Still applied.
        assert_eq!(deck.cards[1].front, "Valid consent is [...].");
        assert_eq!(
            report.orphaned,
            [Orphan {
                id: CardId::new("b"),
                action: "drop",
                line: 1
            }]
        );
    }

    #[test]
    fn refuses_an_added_card_with_a_compiled_id() {
        let mut edits = edits();
        edits.added[0].id = CardId::new("d");
        let err = apply(deck(), &edits).unwrap_err().to_string();
        assert!(err.contains("line 20"), "{err}");
        assert!(err.contains("\"d\""), "{err}");
    }

    #[test]
    fn added_ids_are_stable_and_distinct() {
        let a = added_id("D", "Q", "A", |_| false);
        assert_eq!(a, added_id("D", "Q", "A", |_| false));
        assert!(a.as_str().starts_with(ADDED_PREFIX));
        assert_eq!(a.as_str().len(), ADDED_PREFIX.len() + 12);
        assert_ne!(a, added_id("D", "Q", "B", |_| false));
        // Text boundaries matter: "QA"+"" is not "Q"+"A".
        assert_ne!(added_id("D", "QA", "", |_| false), a);
        // Two decks never share an id.
        assert_ne!(added_id("E", "Q", "A", |_| false), a);
        let taken = a.as_str().to_string();
        let b = added_id("D", "Q", "A", |id| id == taken);
        assert_eq!(b.as_str(), format!("{taken}-2"));
    }

    #[test]
    fn edits_file_sits_beside_the_deck() {
        assert_eq!(
            edits_path(Path::new("course/unit17.json")),
            PathBuf::from("course/unit17.edits.toml")
        );
        assert_eq!(
            edits_path(Path::new("deck")),
            PathBuf::from("deck.edits.toml")
        );
    }

    #[test]
    fn tally_counts_decisions_and_keep_rate() {
        let fresh = deck();
        let tally = Tally::of(&fresh, &edits());
        assert_eq!(
            (
                tally.cards,
                tally.decided,
                tally.kept,
                tally.dropped,
                tally.edited
            ),
            (4, 3, 1, 1, 1)
        );
        assert_eq!(tally.keep_rate(), Some(67));
        // The same from the deck with the edits applied.
        let (applied, _) = apply(deck(), &edits()).unwrap();
        assert_eq!(Tally::of(&with_dropped(applied), &edits()), tally);
        assert!(
            tally.line().contains("3 of 4 cards decided"),
            "{}",
            tally.line()
        );
        assert_eq!(Tally::of(&fresh, &Edits::default()).keep_rate(), None);
    }

    #[test]
    fn an_edit_of_a_choice_cards_answer_is_refused() {
        let mut deck = deck();
        deck.cards[0].kind = CardKind::Mcq;
        deck.cards[0].options = vec!["Aa".into(), "Ab".into()];
        let mut edits = Edits::default();
        edits.entries.insert(
            CardId::new("a"),
            Entry {
                decision: Decision::Edit {
                    front: None,
                    back: Some("Ab".into()),
                },
                compiled: None,
                line: 7,
            },
        );
        let err = apply(deck, &edits).unwrap_err().to_string();
        assert!(
            err.starts_with("line 7: card \"a\" is a multiple-choice card"),
            "{err}"
        );
    }

    #[test]
    fn a_deck_file_records_its_dropped_cards_and_counts_no_orphan() {
        let mut edits = edits();
        edits
            .entries
            .insert(CardId::new("gone"), entry(Decision::Drop, "Qg", "Ag"));
        let (applied, _) = apply(deck(), &edits).unwrap();
        assert!(!applied.cards.iter().any(|c| c.id.as_str() == "b"));
        let back = with_dropped(Deck::from_json(&applied.to_json(), "").unwrap());
        assert!(back.cards.iter().any(|c| c.id.as_str() == "b"));
        let tally = Tally::of(&back, &edits);
        assert_eq!((tally.cards, tally.decided, tally.dropped), (4, 3, 1));
    }
}

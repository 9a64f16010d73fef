//! Decks and cards as the deck file (JSON) describes them.
//!
//! A deck file is what `srs compile` writes, `srs import` reads and
//! `srs export --out FILE.json` writes back. [`Deck::from_json`] validates a
//! whole file before anything is imported: every card needs a non-empty
//! `id`, `front` and `back`, and ids must be unique.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A card's stable identity: it depends on the card's deck, document and
/// meaning, never on its position, so recompiling an edited document keeps
/// it (see [`crate::identity`]).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CardId(String);

impl CardId {
    /// Wraps an id string.
    pub fn new(id: impl Into<String>) -> Self {
        CardId(id.into())
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for CardId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What sort of fact a card tests. Unknown kinds in a deck file read as
/// [`CardKind::Basic`].
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum CardKind {
    /// A term and its definition (either direction).
    Definition,
    /// One member of a labelled group or list.
    ListMember,
    /// One item of a numbered list (a rule, a step).
    OrderedItem,
    /// One letter of an acronym, or an acronym's expansion.
    Acronym,
    /// An Act, regulation or named policy and what it is about.
    Legislation,
    /// A multiple-choice question.
    Mcq,
    /// A common mistake and what is true instead.
    Misconception,
    /// A sentence with its key term blanked.
    Cloze,
    /// A plain question and answer.
    #[default]
    #[serde(other)]
    Basic,
}

impl CardKind {
    /// Every kind, in a fixed order.
    pub const ALL: [CardKind; 9] = [
        CardKind::Basic,
        CardKind::Definition,
        CardKind::ListMember,
        CardKind::OrderedItem,
        CardKind::Acronym,
        CardKind::Legislation,
        CardKind::Mcq,
        CardKind::Misconception,
        CardKind::Cloze,
    ];

    /// The kind's name in deck files.
    pub fn as_str(self) -> &'static str {
        match self {
            CardKind::Basic => "basic",
            CardKind::Definition => "definition",
            CardKind::ListMember => "list_member",
            CardKind::OrderedItem => "ordered_item",
            CardKind::Acronym => "acronym",
            CardKind::Legislation => "legislation",
            CardKind::Mcq => "mcq",
            CardKind::Misconception => "misconception",
            CardKind::Cloze => "cloze",
        }
    }

    /// The kind with this deck-file name; unknown names are [`CardKind::Basic`].
    pub fn parse(name: &str) -> CardKind {
        CardKind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == name)
            .unwrap_or_default()
    }
}

impl fmt::Display for CardKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a card's fact came from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Source {
    /// The document's file name, without directories.
    pub file: String,
    /// The 1-based line the fact starts on.
    pub line: u32,
}

/// One card of a deck file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Card {
    /// Stable identity.
    pub id: CardId,
    /// What sort of fact the card tests.
    #[serde(default)]
    pub kind: CardKind,
    /// The question, as plain text. A cloze shows its gap as `[...]`.
    pub front: String,
    /// The answer, as plain text. A cloze holds the deleted text.
    pub back: String,
    /// Hierarchical tags (`topic::section`), no spaces.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// The document and line the card came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    /// For a cloze: the whole text with Anki-style deletions
    /// (`{{c1::term}}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cloze: Option<String>,
    /// For a multiple-choice question: every option, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<String>,
    /// For a multiple-choice question: the 0-based indexes of the correct
    /// options.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub correct: Vec<usize>,
    /// For the reverse of another card (a definition asked the other way):
    /// the id of the forward card.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reverse_of: Option<CardId>,
    /// Keys this version does not know, kept as they were.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl Card {
    /// A card with just the required parts.
    pub fn new(
        id: impl Into<String>,
        kind: CardKind,
        front: impl Into<String>,
        back: impl Into<String>,
    ) -> Card {
        Card {
            id: CardId::new(id),
            kind,
            front: front.into(),
            back: back.into(),
            tags: Vec::new(),
            source: None,
            cloze: None,
            options: Vec::new(),
            correct: Vec::new(),
            reverse_of: None,
            extra: BTreeMap::new(),
        }
    }
}

/// A named set of cards.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Deck {
    /// The deck's name, as the learner sees it.
    pub name: String,
    /// What the deck covers and where it came from.
    #[serde(default)]
    pub description: String,
    /// The cards, in the order new cards are introduced.
    pub cards: Vec<Card>,
    /// Keys this version does not know, kept as they were.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// The deck-file key that marks a partial deck ([`Deck::is_partial`]).
pub const PARTIAL: &str = "partial";

/// Why a deck file was refused.
#[derive(Debug, thiserror::Error)]
pub enum DeckError {
    /// The text is not JSON, or not a deck object.
    #[error("not a valid deck file")]
    Json(#[from] serde_json::Error),
    /// A card is missing a required key or has one of the wrong type.
    #[error("card {index} ({id}): {reason}")]
    BadCard {
        /// The card's 1-based position in the file.
        index: usize,
        /// The card's id, or a placeholder when it has none.
        id: String,
        /// What is wrong.
        reason: String,
    },
    /// Two cards share an id.
    #[error("card {index} (id \"{id}\"): duplicate id, first used by card {first}")]
    DuplicateId {
        /// The later card's 1-based position.
        index: usize,
        /// The shared id.
        id: String,
        /// The earlier card's 1-based position.
        first: usize,
    },
}

#[derive(Deserialize)]
struct TypedDeck {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    description: Option<String>,
    cards: Vec<Card>,
    #[serde(flatten)]
    extra: BTreeMap<String, Value>,
}

#[derive(Deserialize)]
struct RawDeck {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    description: Option<String>,
    cards: Vec<Value>,
    #[serde(flatten)]
    extra: BTreeMap<String, Value>,
}

impl Deck {
    /// Reads and validates a deck file. `fallback_name` names a deck whose
    /// file gives no `name`.
    pub fn from_json(text: &str, fallback_name: &str) -> Result<Deck, DeckError> {
        // The common case, a well-formed file, is read straight into cards;
        // only a file that fails is read again card by card to say which
        // card is wrong.
        if let Ok(deck) = serde_json::from_str::<TypedDeck>(text) {
            return Deck::checked(
                deck.name,
                deck.description,
                deck.cards,
                deck.extra,
                fallback_name,
            );
        }
        let raw: RawDeck = serde_json::from_str(text)?;
        let mut cards = Vec::with_capacity(raw.cards.len());
        for (i, value) in raw.cards.into_iter().enumerate() {
            let index = i + 1;
            let id_text = match value.get("id") {
                Some(Value::String(id)) => format!("id \"{id}\""),
                _ => "no id".to_string(),
            };
            let card: Card = serde_json::from_value(value).map_err(|e| DeckError::BadCard {
                index,
                id: id_text.clone(),
                reason: e.to_string(),
            })?;
            cards.push(card);
        }
        Deck::checked(raw.name, raw.description, cards, raw.extra, fallback_name)
    }

    /// Checks parsed cards for empty text and duplicate ids.
    fn checked(
        name: Option<String>,
        description: Option<String>,
        mut cards: Vec<Card>,
        extra: BTreeMap<String, Value>,
        fallback_name: &str,
    ) -> Result<Deck, DeckError> {
        let mut seen: HashMap<&str, usize> = HashMap::with_capacity(cards.len());
        for (i, card) in cards.iter().enumerate() {
            let index = i + 1;
            let id_text = format!("id \"{}\"", card.id);
            for (field, text) in [
                ("id", card.id.as_str()),
                ("front", &card.front),
                ("back", &card.back),
            ] {
                if text.trim().is_empty() {
                    return Err(DeckError::BadCard {
                        index,
                        id: id_text,
                        reason: format!("empty `{field}`"),
                    });
                }
            }
            if let Some(&bad) = card.correct.iter().find(|&&i| i >= card.options.len()) {
                return Err(DeckError::BadCard {
                    index,
                    id: id_text,
                    reason: format!(
                        "`correct` names option {bad} (counted from 0) but the card has {} options",
                        card.options.len()
                    ),
                });
            }
            if let Some(&first) = seen.get(card.id.as_str()) {
                return Err(DeckError::DuplicateId {
                    index,
                    id: card.id.to_string(),
                    first,
                });
            }
            seen.insert(card.id.as_str(), index);
        }
        drop(seen);
        // A tag is one word: spaces inside one would split it in two.
        for card in &mut cards {
            if card
                .tags
                .iter()
                .any(|t| t.contains(char::is_whitespace) || t.is_empty())
            {
                card.tags = card
                    .tags
                    .iter()
                    .map(|t| t.split_whitespace().collect::<Vec<_>>().join("_"))
                    .filter(|t| !t.is_empty())
                    .collect();
            }
        }
        let name = name
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| fallback_name.to_string());
        Ok(Deck {
            name,
            description: description.unwrap_or_default(),
            cards,
            extra,
        })
    }

    /// The deck as pretty-printed JSON with a trailing newline.
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".to_string());
        text.push('\n');
        text
    }

    /// Whether the file holds only part of its deck (an export filtered by
    /// tag): importing it adds and updates cards but suspends none.
    pub fn is_partial(&self) -> bool {
        self.extra.get(PARTIAL).and_then(Value::as_bool) == Some(true)
    }

    /// Ids of the cards, for quick membership tests.
    pub fn ids(&self) -> HashSet<&str> {
        self.cards.iter().map(|c| c.id.as_str()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"{
        "name": "Test",
        "cards": [
            {"id": "a", "front": "Q1", "back": "A1", "tags": ["t::x"], "source": {"file": "f.md", "line": 3}},
            {"id": "b", "kind": "cloze", "front": "The [...] sat", "back": "cat", "cloze": "The {{c1::cat}} sat", "future": 7},
            {"id": "c", "kind": "something-new", "front": "Q3", "back": "A3"}
        ]
    }"#;

    #[test]
    fn reads_cards_with_defaults_and_unknown_keys() {
        let deck = Deck::from_json(GOOD, "fallback").unwrap();
        assert_eq!(deck.name, "Test");
        assert_eq!(deck.cards.len(), 3);
        assert_eq!(deck.cards[0].kind, CardKind::Basic);
        assert_eq!(deck.cards[0].source.as_ref().unwrap().line, 3);
        assert_eq!(deck.cards[1].kind, CardKind::Cloze);
        assert_eq!(deck.cards[1].extra["future"], 7);
        assert_eq!(deck.cards[2].kind, CardKind::Basic);
    }

    #[test]
    fn round_trips_through_json() {
        let deck = Deck::from_json(GOOD, "fallback").unwrap();
        let again = Deck::from_json(&deck.to_json(), "other").unwrap();
        assert_eq!(deck, again);
        assert!(deck.to_json().contains("\"future\": 7"));
    }

    #[test]
    fn names_the_offending_card() {
        let cases = [
            (
                r#"{"cards": [{"id": "a", "front": "Q"}]}"#,
                "card 1 (id \"a\"): missing field `back`",
            ),
            (
                r#"{"cards": [{"id": "a", "front": "Q", "back": "A"}, {"front": "Q", "back": "A"}]}"#,
                "card 2 (no id): missing field `id`",
            ),
            (
                r#"{"cards": [{"id": "a", "front": " ", "back": "A"}]}"#,
                "card 1 (id \"a\"): empty `front`",
            ),
            (
                r#"{"cards": [{"id": "", "front": "Q", "back": "A"}]}"#,
                "empty `id`",
            ),
            (
                r#"{"cards": [{"id": "a", "front": "Q", "back": "A"}, {"id": "a", "front": "Q2", "back": "A2"}]}"#,
                "card 2 (id \"a\"): duplicate id, first used by card 1",
            ),
            (
                r#"{"cards": [{"id": 5, "front": "Q", "back": "A"}]}"#,
                "card 1 (no id): invalid type",
            ),
            (r#"{"cards": "#, "not a valid deck file"),
            (r#"[1, 2]"#, "not a valid deck file"),
        ];
        for (text, expected) in cases {
            let err = Deck::from_json(text, "x").unwrap_err().to_string();
            assert!(err.contains(expected), "{text}: got {err}");
        }
    }

    #[test]
    fn mcq_answers_must_name_an_option() {
        let bad = r#"{"cards": [{"id": "m", "kind": "mcq", "front": "Q", "back": "A", "options": ["x", "y"], "correct": [2]}]}"#;
        let err = Deck::from_json(bad, "x").unwrap_err().to_string();
        assert!(
            err.contains("card 1 (id \"m\"): `correct` names option 2"),
            "{err}"
        );
        let good = bad.replace("[2]", "[1]");
        assert!(Deck::from_json(&good, "x").is_ok());
    }

    #[test]
    fn tags_with_spaces_stay_one_tag() {
        let text = r#"{"cards": [{"id": "a", "front": "Q", "back": "A", "tags": ["exam tips::revision  plan", " ", "x"]}]}"#;
        let deck = Deck::from_json(text, "x").unwrap();
        assert_eq!(deck.cards[0].tags, ["exam_tips::revision_plan", "x"]);
    }

    #[test]
    fn a_deck_file_says_when_it_is_partial() {
        assert!(!Deck::from_json(GOOD, "x").unwrap().is_partial());
        let partial = r#"{"partial": true, "cards": []}"#;
        assert!(Deck::from_json(partial, "x").unwrap().is_partial());
    }

    #[test]
    fn falls_back_to_given_name() {
        let deck = Deck::from_json(r#"{"cards": []}"#, "notes").unwrap();
        assert_eq!(deck.name, "notes");
    }
}

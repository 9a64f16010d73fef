//! A draft card: what a rule makes before the card gets its id and tags,
//! and the [`Cue`] its id hashes.

use super::text::norm;
use crate::deck::CardKind;

/// Answers longer than this are trimmed or dropped.
pub const MAX_ANSWER_WORDS: usize = 25;

/// Fronts longer than this are dropped (a multiple-choice front is the
/// question alone).
pub const MAX_FRONT_WORDS: usize = 40;

/// A card before it gets its id and tags.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    /// The kind of fact.
    pub kind: CardKind,
    /// What the card is about, for its id: stable under rewording of
    /// everything around it.
    pub cue: Cue,
    /// The question.
    pub front: String,
    /// The answer.
    pub back: String,
    /// 1-based source line.
    pub line: u32,
    /// Heading path, for tags.
    pub section: std::sync::Arc<[String]>,
    /// Cloze markup (`{{c1::…}}`).
    pub cloze: Option<String>,
    /// Multiple-choice options.
    pub options: Vec<String>,
    /// Correct option indexes.
    pub correct: Vec<usize>,
    /// The card this one reverses: its kind and cue.
    pub reverse_of: Option<(CardKind, Cue)>,
}

/// What a card is about, as its id hashes it (with the document and the
/// kind): a term, a list label and item, a rule number. Every cue is made
/// here, one constructor per family, so that no rule formats one inline:
/// changing a constructor changes learners' card ids, and the test
/// `cues_are_pinned` says so.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Cue(String);

impl Cue {
    /// A defined term.
    pub fn term(term: &str) -> Self {
        Self(norm(term))
    }

    /// A term's concept without the setting it is placed in: "composting
    /// in small gardens" is "composting" asked again. Only for comparing
    /// cues; the card keeps its own cue, and so its id.
    pub fn without_setting(&self) -> Self {
        match self.0.split_once(" in ") {
            Some((head, _)) if head.contains(' ') && !head.contains(':') => Self(head.to_string()),
            _ => self.clone(),
        }
    }

    /// The reverse of a card ("which term means …?").
    pub fn reverse(of: &Cue) -> Self {
        Self(["reverse:", &of.0].concat())
    }

    /// An acronym as a whole.
    pub fn acronym(acronym: &str) -> Self {
        Self(format!("acronym:{acronym}"))
    }

    /// One letter of an acronym, by its position.
    pub fn acronym_letter(acronym: &str, i: usize) -> Self {
        Self(format!("acronym:{acronym}:{i}"))
    }

    /// A law, a regulation or a policy.
    pub fn law(name: &str) -> Self {
        Self(format!("law:{}", norm(name)))
    }

    /// What a law requires of someone ("employers" under a health and
    /// safety act); `not` for what it forbids them.
    pub fn duty(law: &str, actor: &str, not: bool) -> Self {
        let not = if not { ":not" } else { "" };
        Self(format!("duty:{}:{}{not}", norm(law), norm(actor)))
    }

    /// A cloze: its gap and the start of its sentence.
    pub fn cloze(gap: &str, sentence: &str) -> Self {
        Self(format!(
            "cloze:{}:{}",
            norm(gap),
            norm(sentence).chars().take(80).collect::<String>()
        ))
    }

    /// The rest of a definition, blanked after its term.
    pub fn rest_of_definition(term: &str, gap: &str) -> Self {
        Self(format!("rest:{}:{}", norm(term), norm(gap)))
    }

    /// A labelled list as a whole.
    pub fn list(label: &str) -> Self {
        Self(format!("group:{}", norm(label)))
    }

    /// One item of a labelled list, blanked.
    pub fn list_item(label: &str, item: &str) -> Self {
        Self(["item:", &norm(label), ":", &norm(item)].concat())
    }

    /// Which labelled list an item is under.
    pub fn list_member(label: &str, item: &str) -> Self {
        Self(format!("member:{}:{}", norm(label), norm(item)))
    }

    /// A list written inline in a sentence, by its lead-in.
    /// The group of a category a card asks for ("which barrier …?").
    pub fn category(label: &str) -> Self {
        Self(format!("category:{}", norm(label)))
    }

    pub fn inline_list(lead: &str) -> Self {
        Self(format!("inline:{}", norm(lead)))
    }

    /// Item `k` of a numbered list.
    pub fn ordered(label: &str, k: u32) -> Self {
        Self(format!("{}:{k}", norm(label)))
    }

    /// A misconception.
    pub fn mistake(text: &str) -> Self {
        Self(format!("mistake:{}", norm(text)))
    }

    /// A multiple-choice question.
    pub fn mcq(question: &str) -> Self {
        Self(format!("mcq:{}", norm(question)))
    }

    /// A question written with its answer.
    pub fn qa(question: &str) -> Self {
        Self(format!("qa:{}", norm(question)))
    }

    /// A table cell: its row's key and its column.
    pub fn table(key: &str, column: Option<&str>) -> Self {
        Self(format!(
            "table:{}:{}",
            norm(key),
            column.map(norm).unwrap_or_default()
        ))
    }

    /// The cue as its id hashes it.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The key a draft's kind and cue are told apart by (`kind:cue`), as
/// `format!("{kind}:{cue}")` writes it, without the formatting machinery:
/// every draft makes one.
pub(crate) fn cue_key(kind: CardKind, cue: &Cue) -> String {
    [kind.as_str(), ":", cue.as_str()].concat()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Card ids hash these strings: a change here changes learners' ids.
    #[test]
    fn cues_are_pinned() {
        let cues = [
            (Cue::term("Hand Hygiene"), "hand hygiene"),
            (Cue::reverse(&Cue::term("PPE")), "reverse:ppe"),
            (Cue::acronym("FAST"), "acronym:FAST"),
            (Cue::acronym_letter("FAST", 2), "acronym:FAST:2"),
            (Cue::law("Food Safety Act 1990"), "law:food safety act 1990"),
            (
                Cue::duty("Food Safety Act 1990", "Food businesses", true),
                "duty:food safety act 1990:food businesses:not",
            ),
            (
                Cue::cloze("two hours", "Chill food within two hours."),
                "cloze:two hours:chill food within two hours",
            ),
            (
                Cue::rest_of_definition("Dehydration", "too little water"),
                "rest:dehydration:too little water",
            ),
            (Cue::list("Signs:"), "group:signs"),
            (Cue::list_item("Signs", "Dry mouth"), "item:signs:dry mouth"),
            (
                Cue::list_member("Signs", "Dry mouth"),
                "member:signs:dry mouth",
            ),
            (
                Cue::inline_list("Waste falls into"),
                "inline:waste falls into",
            ),
            (Cue::ordered("Five Moments", 3), "five moments:3"),
            (
                Cue::mistake("Thinking gloves are enough"),
                "mistake:thinking gloves are enough",
            ),
            (Cue::mcq("Which bag?"), "mcq:which bag"),
            (Cue::qa("What is PPE?"), "qa:what is ppe"),
            (Cue::table("Red", Some("Meaning")), "table:red:meaning"),
            (Cue::table("Red", None), "table:red:"),
        ];
        for (cue, pinned) in cues {
            assert_eq!(cue.as_str(), pinned);
        }
        assert_eq!(
            cue_key(CardKind::Definition, &Cue::term("x")),
            "definition:x"
        );
    }
}

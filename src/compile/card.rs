//! A draft card: what a rule makes before the card gets its id and tags,
//! and the cue its id hashes.

use super::rules::*;

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
    pub cue: String,
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
    /// The cue of the card this one reverses.
    pub reverse_of: Option<String>,
}

/// The key a draft's kind and cue are told apart by (`kind:cue`), as
/// `format!("{kind}:{cue}")` writes it, without the formatting machinery:
/// every draft makes one.
pub(crate) fn cue_key(kind: CardKind, cue: &str) -> String {
    [kind.as_str(), ":", cue].concat()
}

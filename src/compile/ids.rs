//! Card ids and tags. An id hashes the document's file name, the card
//! kind and the card's cue (see [`super::card`]), never its position.

use sha1::{Digest, Sha1};

use super::text;
use crate::deck::CardKind;

/// A stable id: the document, the kind and the cue, hashed.
pub fn card_id(file: &str, kind: CardKind, cue: &str) -> String {
    id_with_prefix(&id_prefix(file), file, kind, cue)
}

/// The readable part of a document's card ids.
pub(crate) fn id_prefix(file: &str) -> String {
    let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
    let mut prefix = text::slug(stem);
    prefix.truncate(20);
    prefix.trim_end_matches('-').to_string()
}

pub(crate) fn id_with_prefix(prefix: &str, file: &str, kind: CardKind, cue: &str) -> String {
    let mut hasher = Sha1::new();
    hasher.update(file.as_bytes());
    hasher.update([0]);
    hasher.update(kind.as_str().as_bytes());
    hasher.update([0]);
    hasher.update(cue.as_bytes());
    let digest = hasher.finalize();
    let hex: String = digest.iter().take(6).map(|b| format!("{b:02x}")).collect();
    format!("{prefix}-{}-{hex}", kind_short(kind))
}

pub(crate) fn kind_short(kind: CardKind) -> &'static str {
    match kind {
        CardKind::Basic => "b",
        CardKind::Definition => "def",
        CardKind::ListMember => "list",
        CardKind::OrderedItem => "ord",
        CardKind::Acronym => "acr",
        CardKind::Legislation => "law",
        CardKind::Mcq => "mcq",
        CardKind::Misconception => "mis",
        CardKind::Cloze => "cloze",
    }
}

/// `deck::section::subsection` (two heading levels at most).
pub(crate) fn tag(root: &str, section: &[String], topic: &str, file: &str) -> String {
    let mut parts = vec![root.to_string()];
    for s in section.iter().take(2) {
        let slug = text::slug(s);
        if !slug.is_empty() && slug != root {
            parts.push(slug);
        }
    }
    if parts.len() == 1 {
        let slug = text::slug(topic);
        if !slug.is_empty() && slug != root {
            parts.push(slug);
        } else {
            parts.push(text::slug(file.rsplit_once('.').map_or(file, |(s, _)| s)));
        }
    }
    parts.join("::")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Learners' ids: the document, the kind and the cue, hashed. A change
    /// here orphans every learner's review history.
    #[test]
    fn ids_are_pinned() {
        let cue = crate::compile::card::Cue::term("Hand Hygiene");
        assert_eq!(
            card_id("Food Safety.md", CardKind::Definition, cue.as_str()),
            "food-safety-def-6cf9938975cb"
        );
        assert_eq!(
            tag("food-safety", &["Hand Hygiene".into()], "food", "a.md"),
            "food-safety::hand-hygiene"
        );
    }
}

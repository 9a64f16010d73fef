//! The readers: a document's text in, the one document model
//! ([`super::document`]) out. [`markdown`] reads Markdown sheets,
//! [`plain`] reads everything else; both use [`questions`] to recognise
//! questions written with their answers and [`noise`] to skip boilerplate.

pub mod markdown;
pub mod noise;
pub mod plain;
pub mod questions;

use super::text;

/// Whether a label asks for the definition of its heading.
pub fn is_definition_label(label: &str) -> bool {
    let l = text::norm(label);
    matches!(
        l.as_str(),
        "what is it"
            | "what are they"
            | "what is this"
            | "definition"
            | "meaning"
            | "what it means"
    )
}

/// Headings whose content lists reading or the course outline, not facts.
pub fn is_reading_list(heading: &str) -> bool {
    let h = text::norm(heading);
    [
        "further reading",
        "references",
        "bibliography",
        "reading list",
        "useful links",
        "resources",
        "see also",
        "sources",
        "learning outcomes",
        "learning objectives",
        "assessment criteria",
        // A page's links to its neighbours.
        "related articles",
        "related pages",
        "related content",
        "you may also like",
        "more like this",
    ]
    .iter()
    .any(|k| h == *k || h.starts_with(&format!("{k} ")))
}

//! Parallel drafting: every document read and drafted on every core, a
//! batch at a time, the drafts handed on in document order. The only
//! threads of the compiler.

use rayon::prelude::*;

use super::Input;
use super::card::Draft;
use super::document::{self, DocKind, Skipped};
use super::rules;
use super::topic::{decapitalize_name, default_name, topic};
use std::collections::BTreeMap;

/// Documents whose drafts are made together, on every core.
pub(crate) const DRAFT_BATCH: usize = 32;

/// What one document gave: how it was read, its topic and its drafts.
pub(crate) struct Drafted {
    pub(crate) kind: DocKind,
    pub(crate) skipped: Vec<Skipped>,
    pub(crate) topic: String,
    pub(crate) drafts: Vec<Draft>,
}

/// What reading a document told about the deck's name, and the document
/// itself when it waits for that name.
pub(crate) struct Read {
    topic: String,
    /// The title of the only document.
    title: Option<String>,
    waiting: Option<document::Document>,
}

/// Reads and drafts every document on every core, `DRAFT_BATCH` at a
/// time, and sends each one's drafts (with its index) as soon as they are
/// made; returns the deck's name. A document is dropped once drafted, on
/// the core that read it, so memory holds a batch or two rather than a
/// whole course. One with no topic of its own takes the deck's name,
/// which depends on every document: it waits until all have been read.
pub(crate) fn draft_all(
    inputs: &[Input<'_>],
    given: Option<&str>,
    sender: &std::sync::mpsc::SyncSender<(usize, Drafted)>,
) -> String {
    let mut topics: Vec<String> = Vec::with_capacity(inputs.len());
    let mut only_title: Option<String> = None;
    let mut waiting: Vec<(usize, document::Document)> = Vec::new();
    for (b, batch) in inputs.chunks(DRAFT_BATCH).enumerate() {
        let read: Vec<Read> = batch
            .par_iter()
            .enumerate()
            .map(|(i, input)| {
                let doc = document::read(input.text);
                let title = (inputs.len() == 1).then(|| doc.title.clone()).flatten();
                let topic = topic(&doc, input.text);
                let own = match given {
                    _ if !topic.is_empty() => topic.clone(),
                    Some(name) => fallback_topic(name),
                    None => {
                        return Read {
                            topic,
                            title,
                            waiting: Some(doc),
                        };
                    }
                };
                // The receiver only hangs up when it has stopped early.
                let _ = sender.send((b * DRAFT_BATCH + i, draft(doc, own)));
                Read {
                    topic,
                    title,
                    waiting: None,
                }
            })
            .collect();
        for (i, read) in read.into_iter().enumerate() {
            topics.push(read.topic);
            only_title = only_title.or(read.title);
            if let Some(doc) = read.waiting {
                waiting.push((b * DRAFT_BATCH + i, doc));
            }
        }
    }
    let name = match given {
        Some(name) => name.to_string(),
        None => default_name(&topics, only_title.as_deref()),
    };
    let fallback = fallback_topic(&name);
    waiting.into_par_iter().for_each(|(i, doc)| {
        let _ = sender.send((i, draft(doc, fallback.clone())));
    });
    name
}

/// The subject a document without one of its own takes: the deck's name,
/// unless that name says nothing of a subject ("Compiled deck", a folder
/// called "unit17"); then its fronts go without one.
fn fallback_topic(name: &str) -> String {
    // (A name's own number keeps its hyphen: "COVID-19".)
    let placeholder = name == super::topic::DEFAULT_DECK_NAME
        || name.split_whitespace().any(|w| {
            !w.contains('-')
                && w.chars().any(|c| c.is_ascii_digit())
                && w.chars().any(char::is_alphabetic)
        });
    if placeholder {
        String::new()
    } else {
        decapitalize_name(name)
    }
}

/// The documents' drafts in document order, from `(index, drafts)` sent
/// in the order they were finished.
pub(crate) fn in_order(
    drafted: std::sync::mpsc::Receiver<(usize, Drafted)>,
) -> impl Iterator<Item = Drafted> {
    let mut early: BTreeMap<usize, Drafted> = BTreeMap::new();
    let mut next = 0;
    std::iter::from_fn(move || {
        let found = match early.remove(&next) {
            Some(found) => found,
            None => loop {
                let (i, found) = drafted.recv().ok()?;
                if i == next {
                    break found;
                }
                early.insert(i, found);
            },
        };
        next += 1;
        Some(found)
    })
}

/// A document's drafts.
pub(crate) fn draft(doc: document::Document, topic: String) -> Drafted {
    let drafts = rules::extract(&doc, &topic);
    Drafted {
        kind: doc.kind,
        skipped: doc.skipped,
        topic,
        drafts,
    }
}

#[cfg(test)]
mod tests {
    use super::fallback_topic;

    #[test]
    fn a_placeholder_deck_name_is_no_subject() {
        assert_eq!(fallback_topic("Compiled deck"), "");
        assert_eq!(fallback_topic("unit17"), "");
        assert_eq!(fallback_topic("Rose pruning"), "rose pruning");
        assert_eq!(fallback_topic("COVID-19 in gardens"), "COVID-19 in gardens");
    }
}

//! Documents → cards. [`compile`] is pure over text; no file system here
//! (`srs compile`, in `cmd/compile.rs`, walks directories and reads files).
//! The pipeline, one module per step:
//!
//! 1. [`detect`]: which kind of document a text is;
//! 2. [`read`]: its reader ([`read::markdown`], [`read::plain`]) builds the
//!    one [`document`] model, skipping boilerplate ([`read::noise`]) and
//!    recognising questions written with their answers ([`read::questions`]);
//! 3. [`mod@topic`] and [`analyse`]: what the document is about, its key terms
//!    and names, before any card;
//! 4. [`rules`]: one card family per file, each drafting [`card::Draft`]s
//!    with a [`card::Cue`]; [`rules::ListReading`] states the precedence;
//! 5. [`hygiene`]: the checks a draft passes ([`DropReason`]), and repeated
//!    questions across documents dropped as the deck is assembled;
//! 6. [`ids`]: ids and tags, then the [`Deck`].
//!
//! [`batch`] drafts documents in parallel, in document order (the only
//! threads); [`text`] holds sentence splitting, word matching and the
//! general English word lists (no course vocabulary anywhere here).
//!
//! Card ids hash the document's file name, the card kind and the card's
//! cue (what the card is about: a term, a list label and item, a rule
//! number), never its position, so editing one document leaves every
//! other document's ids alone and rewording a section keeps most ids.

pub mod analyse;
pub mod batch;
pub mod card;
pub mod detect;
pub mod document;
pub mod hygiene;
pub mod ids;
pub mod read;
pub mod rules;
pub mod text;
pub mod topic;

use std::collections::BTreeMap;
use std::sync::Once;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::deck::{Card, CardId, CardKind, Deck, Source};
use batch::{DRAFT_BATCH, Drafted, draft_all, in_order};
use document::{DocKind, Skipped};
pub use hygiene::{DropReason, check};
use hygiene::{check_normed, first_chars};
pub use ids::card_id;
use ids::{id_prefix, id_with_prefix, tag};
pub(crate) use topic::GENERIC;
pub use topic::topic;

/// One study document: its file name (no directories) and its text.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    /// The file name, as cards cite it.
    pub name: &'a str,
    /// The whole text.
    pub text: &'a str,
}

/// What a compile produced: the deck and a report per document.
#[derive(Debug, Clone)]
pub struct Compiled {
    /// The deck, cards in document order.
    pub deck: Deck,
    /// One report per input, in input order.
    pub reports: Vec<Report>,
}

/// What became of one document.
#[derive(Debug, Clone)]
pub struct Report {
    /// The file name.
    pub file: String,
    /// The kind the document was read as.
    pub kind: DocKind,
    /// Cards kept, per kind.
    pub cards: BTreeMap<CardKind, usize>,
    /// Lines that carried no fact, and why.
    pub skipped: Vec<Skipped>,
    /// Draft cards the hygiene checks dropped, and why (the first
    /// [`MAX_LISTED`]).
    pub dropped: Vec<Skipped>,
    /// How many drafts were dropped in all.
    pub dropped_total: usize,
}

/// Dropped drafts listed per document, at most.
pub const MAX_LISTED: usize = 10_000;

impl Report {
    /// Cards kept from this document.
    pub fn total(&self) -> usize {
        self.cards.values().sum()
    }
}

/// Whether a report lists each draft it dropped, or only counts them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dropped {
    /// The first [`MAX_LISTED`] of each document, with the reason.
    Listed,
    /// Only [`Report::dropped_total`]: a big course drops hundreds of
    /// thousands of repeated questions, and listing them is a tenth of
    /// its memory.
    Counted,
}

/// Compiles documents into one deck named `deck_name` (or a name taken
/// from the documents), listing the drafts dropped.
pub fn compile(inputs: &[Input<'_>], deck_name: Option<&str>) -> Compiled {
    compile_with(inputs, deck_name, Dropped::Listed)
}

/// [`compile`], listing the drafts dropped or only counting them.
pub fn compile_with(inputs: &[Input<'_>], deck_name: Option<&str>, dropped: Dropped) -> Compiled {
    compile_patterns();
    let given = deck_name.map(str::trim).filter(|n| !n.is_empty());
    // Each document is read and drafted on its own, on every core, and
    // sent here as soon as it is done, while this thread takes the drafts
    // across documents in document order (repeated questions, unique ids),
    // so the deck is the same however the work was split.
    let (unfinished, topics, reports, name) = std::thread::scope(|scope| {
        let (sender, drafted) = std::sync::mpsc::sync_channel(DRAFT_BATCH);
        let producer = scope.spawn(move || draft_all(inputs, given, &sender));
        let (unfinished, topics, reports) = assemble(inputs, in_order(drafted), dropped);
        let name = producer
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (unfinished, topics, reports, name)
    });
    // Each card is tagged under its own document's topic (the deck's name
    // for a document without one, known once every document is read).
    let deck_root = text::slug(&name);
    let cards = unfinished
        .into_iter()
        .map(
            |Unfinished {
                 mut card,
                 section,
                 doc,
             }| {
                let own = text::slug(&topics[doc]);
                let root = if own.is_empty() { &deck_root } else { &own };
                card.tags = vec![tag(root, &section, &topics[doc], inputs[doc].name)];
                card
            },
        )
        .collect();
    let files: Vec<&str> = inputs.iter().map(|i| i.name).collect();
    let description = match files.len() {
        0 => "Compiled by srs.".to_string(),
        1 => format!("Compiled by srs from {}.", files[0]),
        n => format!("Compiled by srs from {n} documents: {}.", files.join(", ")),
    };
    Compiled {
        deck: Deck {
            name,
            description,
            cards,
            extra: BTreeMap::new(),
        },
        reports,
    }
}

/// A card whose tag waits for the deck's name.
struct Unfinished {
    card: Card,
    section: std::sync::Arc<[String]>,
    doc: usize,
}

/// The words of a misconception's front that carry its content: not its
/// template ("a common mistake is …", "what is true instead?").
fn mistake_words(front: &str) -> FxHashSet<String> {
    const TEMPLATE: &[&str] = &[
        "a", "an", "the", "common", "mistake", "is", "it", "true", "that", "what", "why", "wrong",
        "instead", "with", "in", "of", "to", "and", "or", "a", "no",
    ];
    text::norm(front)
        .split(' ')
        .filter(|w| w.len() > 1 && !TEMPLATE.contains(w))
        .map(str::to_string)
        .collect()
}

/// Sørensen–Dice similarity of two word sets.
/// A card's text with common misspellings put right, reusing the string
/// when nothing changes.
fn mended(text: String) -> String {
    match text::mend_spelling(&text) {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(right) => right,
    }
}

fn dice(a: &FxHashSet<String>, b: &FxHashSet<String>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let shared = a.intersection(b).count();
    2.0 * shared as f64 / (a.len() + b.len()) as f64
}

/// The steps across documents, in document order: repeated questions
/// dropped, unique ids given, and the cards and reports made, from each
/// document's drafts (`drafted`, one per input). Also gives each
/// document's topic, for the tags.
fn assemble(
    inputs: &[Input<'_>],
    drafted: impl Iterator<Item = Drafted>,
    dropped: Dropped,
) -> (Vec<Unfinished>, Vec<String>, Vec<Report>) {
    let listed = match dropped {
        Dropped::Listed => MAX_LISTED,
        Dropped::Counted => 0,
    };
    let mut cards: Vec<Unfinished> = Vec::new();
    let mut topics: Vec<String> = Vec::with_capacity(inputs.len());
    // The questions of the cards kept, through `norm` and as written: a
    // question seen as written needs no `norm` to be known as a repeat.
    // Only looked up, never iterated: the fast hash is safe for output.
    let mut fronts: FxHashSet<String> = FxHashSet::default();
    let mut written: FxHashSet<String> = FxHashSet::default();
    let mut ids: FxHashSet<String> = FxHashSet::default();
    // One card per fact across the deck: a term, acronym or law asked in
    // one document is not asked again, and no cloze blanks an answer that
    // a definition or acronym card already asks for.
    let mut asked: FxHashSet<(CardKind, card::Cue)> = FxHashSet::default();
    let mut answers: FxHashSet<String> = FxHashSet::default();
    // The content words of each misconception kept: the same mistake told
    // in other words in another document is one card, not two with
    // different answers.
    let mut mistakes: Vec<FxHashSet<String>> = Vec::new();
    let mut reports = Vec::new();
    for (doc, (input, drafted)) in inputs.iter().zip(drafted).enumerate() {
        let Drafted {
            kind,
            skipped,
            topic,
            drafts,
        } = drafted;
        let mut report = Report {
            file: input.name.to_string(),
            kind,
            cards: BTreeMap::new(),
            skipped,
            dropped: Vec::new(),
            dropped_total: 0,
        };
        let prefix = id_prefix(input.name);
        let mut local: FxHashMap<(CardKind, card::Cue), String> = FxHashMap::default();
        let mut built = Vec::new();
        for draft in &drafts {
            match draft.kind {
                CardKind::Acronym => {
                    answers.insert(text::norm(&draft.back));
                }
                CardKind::Definition if draft.reverse_of.is_none() => {
                    answers.insert(draft.cue.as_str().to_string());
                }
                _ => {}
            }
        }
        for draft in drafts {
            let once = matches!(
                draft.kind,
                CardKind::Definition | CardKind::Acronym | CardKind::Legislation
            );
            let repeated = if draft.kind == CardKind::Definition {
                // "Crop rotation in allotments" is "crop rotation" again.
                !asked.insert((draft.kind, draft.cue.without_setting()))
            } else if once {
                !asked.insert((draft.kind, draft.cue.clone()))
            } else if draft.kind == CardKind::Misconception {
                let content = mistake_words(&draft.front);
                let seen = mistakes.iter().any(|m| dice(m, &content) >= 0.7);
                if !seen {
                    mistakes.push(content);
                }
                seen
            } else {
                draft.kind == CardKind::Cloze && answers.contains(&text::norm(&draft.back))
            };
            // Checked only when new: a big course repeats most questions.
            const REPEATED: DropReason = DropReason::Repeated;
            let verdict = if repeated || written.contains(&draft.front) {
                Err(REPEATED)
            } else {
                let front_key = text::norm(&draft.front);
                if fronts.contains(&front_key) {
                    Err(REPEATED)
                } else {
                    check_normed(&draft, &front_key).map(|()| front_key)
                }
            };
            let front_key = match verdict {
                Ok(front_key) => front_key,
                Err(reason) => {
                    report.dropped_total += 1;
                    if report.dropped.len() < listed {
                        report.dropped.push(Skipped {
                            line: draft.line,
                            text: first_chars(&draft.front, 80).to_string(),
                            reason: reason.as_str(),
                        });
                    }
                    continue;
                }
            };
            fronts.insert(front_key);
            written.insert(draft.front.clone());
            let base = id_with_prefix(&prefix, input.name, draft.kind, draft.cue.as_str());
            let mut id = base.clone();
            let mut n = 2;
            while ids.contains(&id) {
                id = format!("{base}-{n}");
                n += 1;
            }
            ids.insert(id.clone());
            local.insert((draft.kind, draft.cue.clone()), id.clone());
            *report.cards.entry(draft.kind).or_default() += 1;
            built.push((id, draft));
        }
        for (id, draft) in built {
            let reverse_of = draft
                .reverse_of
                .as_ref()
                .and_then(|of| local.get(of))
                .map(CardId::new);
            cards.push(Unfinished {
                card: Card {
                    id: CardId::new(id),
                    kind: draft.kind,
                    // A word the document misspells reads right on the card.
                    front: mended(draft.front),
                    back: mended(draft.back),
                    tags: Vec::new(),
                    source: Some(Source {
                        file: input.name.to_string(),
                        line: draft.line.max(1),
                    }),
                    cloze: draft.cloze.map(mended),
                    options: draft.options.into_iter().map(mended).collect(),
                    correct: draft.correct,
                    reverse_of,
                    extra: BTreeMap::new(),
                },
                section: draft.section,
                doc,
            });
        }
        topics.push(topic);
        reports.push(report);
    }
    (cards, topics, reports)
}

/// Starts compiling the rules' regular expressions on every core, ahead of
/// the documents that need them: each is compiled once, on first use, and
/// compiling them one after another on one thread was some 10 ms of a
/// small compile's 25. The jobs are queued before the documents' work, and
/// a rule that needs a pattern still being compiled waits for it. Only the
/// first call queues them; `srs compile` makes it before reading the files,
/// so that the patterns compile while it reads.
pub fn compile_patterns() {
    static QUEUED: Once = Once::new();
    QUEUED.call_once(|| {
        read::noise::compile_patterns();
        read::questions::compile_patterns();
        text::compile_patterns();
        rules::compile_patterns();
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHEET: &str = "# UNIT 4: INFECTION CONTROL\n\n## 🧤 PPE\n\n**Key terms:**\n- Pathogen: a germ that can cause disease in a person.\n- Aerosol: a fine mist of droplets that carries germs through the air.\n\n### Steps to put on PPE:\n1. Wash your hands\n2. Put on the apron\n3. Put on the mask\n4. Put on the gloves\n\n### Five Moments (WHO):\n1. Before touching a patient\n2. Before a clean task\n3. After body fluid exposure\n4. After touching a patient\n5. After touching surroundings\n";

    #[test]
    fn compiles_deterministically_with_stable_ids() {
        let input = Input {
            name: "ppe.md",
            text: SHEET,
        };
        let a = compile(&[input], None);
        let b = compile(&[input], None);
        assert_eq!(a.deck.to_json(), b.deck.to_json());
        assert_eq!(a.deck.name, "Infection control");
        assert!(a.deck.cards.len() >= 3, "{:#?}", a.deck.cards);
        // Editing another part of the document keeps this card's id.
        let edited = SHEET.replace("a germ that", "a small germ that");
        let c = compile(
            &[Input {
                name: "ppe.md",
                text: &edited,
            }],
            None,
        );
        let rule = |deck: &Deck| {
            deck.cards
                .iter()
                .find(|c| c.front.contains("first step to put on PPE"))
                .map(|c| c.id.clone())
        };
        assert!(rule(&a.deck).is_some(), "{:#?}", a.deck.cards);
        assert_eq!(rule(&a.deck), rule(&c.deck));
        for card in &a.deck.cards {
            assert!(
                !card.front.is_empty() && !card.back.is_empty() && card.source.is_some(),
                "{card:?}"
            );
            assert!(card.tags[0].starts_with("infection-control::"), "{card:?}");
        }
    }

    #[test]
    fn a_document_without_a_topic_takes_the_decks_name_in_order() {
        const NO_TOPIC: &str =
            "- Consent: agreement given freely before any care or treatment starts.\n";
        let names: Vec<String> = (0..DRAFT_BATCH + 8)
            .map(|i| format!("doc{i:02}.md"))
            .collect();
        // Every sheet but one names its topic; the one without comes
        // early, so the batches after it wait for the deck's name.
        let texts: Vec<String> = (0..names.len())
            .map(|i| match i {
                3 => NO_TOPIC.to_string(),
                _ => SHEET.replace("in a person", &format!("in person {i}")),
            })
            .collect();
        let inputs: Vec<Input<'_>> = names
            .iter()
            .zip(&texts)
            .map(|(name, text)| Input { name, text })
            .collect();
        let compiled = compile(&inputs, None);
        assert_eq!(compiled.deck.name, "Infection Control");
        assert_eq!(compiled.reports.len(), inputs.len());
        let files: Vec<&str> = compiled
            .deck
            .cards
            .iter()
            .map(|c| c.source.as_ref().expect("a source").file.as_str())
            .collect();
        assert!(files.is_sorted(), "cards in document order: {files:?}");
        let waiting: Vec<&Card> = compiled
            .deck
            .cards
            .iter()
            .filter(|c| c.source.as_ref().is_some_and(|s| s.file == "doc03.md"))
            .collect();
        assert!(!waiting.is_empty());
        for card in waiting {
            assert!(card.front.starts_with("In infection control, "), "{card:?}");
            assert_eq!(card.tags, ["infection-control::doc03"], "{card:?}");
        }
        // The same documents under a given name: only the name differs.
        let named = compile(&inputs, Some("Infection Control"));
        assert_eq!(named.deck.to_json(), compiled.deck.to_json());
    }

    #[test]
    fn counting_dropped_drafts_changes_only_the_listing() {
        let inputs = [
            Input {
                name: "a.md",
                text: SHEET,
            },
            Input {
                name: "b.md",
                text: SHEET,
            },
        ];
        let listed = compile_with(&inputs, None, Dropped::Listed);
        let counted = compile_with(&inputs, None, Dropped::Counted);
        assert_eq!(listed.deck.to_json(), counted.deck.to_json());
        // The second copy repeats every question of the first.
        let repeats = &listed.reports[1];
        assert!(repeats.dropped_total > 0 && repeats.total() == 0);
        assert_eq!(repeats.dropped.len(), repeats.dropped_total);
        assert!(
            repeats
                .dropped
                .iter()
                .all(|d| d.reason == DropReason::Repeated.as_str())
        );
        for (l, c) in listed.reports.iter().zip(&counted.reports) {
            assert_eq!(l.dropped_total, c.dropped_total);
            assert_eq!(l.cards, c.cards);
            assert!(c.dropped.is_empty());
        }
    }

    /// Several documents on several topics: the deck is not named after
    /// one of them, each card is tagged under its own document's topic,
    /// and a fact two documents share is one card.
    #[test]
    fn several_documents_keep_their_own_topics_and_share_no_fact_twice() {
        let food = "# Food safety\n\n## Terms\n\n- Allergen: a substance that can cause an allergic reaction.\n- Cross-contamination: the spread of germs from raw food to cooked food.\n";
        let skin = "# Skin care\n\n## Terms\n\n- Pressure ulcer: an injury to the skin caused by pressure.\n- Allergen: a substance that can cause an allergic reaction.\n";
        let inputs = [
            Input {
                name: "food.md",
                text: food,
            },
            Input {
                name: "skin.md",
                text: skin,
            },
        ];
        let compiled = compile(&inputs, None);
        assert_eq!(compiled.deck.name, "Compiled deck");
        for card in &compiled.deck.cards {
            let file = &card.source.as_ref().unwrap().file;
            let root = if file == "food.md" {
                "food-safety::"
            } else {
                "skin-care::"
            };
            assert!(card.tags[0].starts_with(root), "{card:?}");
        }
        let rotation = [
            Input {
                name: "a.md",
                text: "# Garden\n\n- Crop rotation in small gardens: moving each crop to a new bed every year.\n",
            },
            Input {
                name: "b.md",
                text: "# Garden\n\n- Crop rotation: growing each crop in a different place each year.\n",
            },
        ];
        let cards = compile(&rotation, None).deck.cards;
        assert_eq!(cards.len(), 1, "{cards:#?}");
        let allergen = compiled
            .deck
            .cards
            .iter()
            .filter(|c| c.front.contains("allergen"))
            .count();
        assert_eq!(allergen, 1, "{:#?}", compiled.deck.cards);
        assert_eq!(compile(&inputs, Some("Care")).deck.name, "Care");
    }

    #[test]
    fn one_mistake_told_twice_is_one_card() {
        let a = "# Garden\n\n## Common mistakes\n\n- Confusing weeding with simple tidying; weeding removes roots\n";
        let b = "# Garden care\n\n## Misconceptions\n\n- Equating weeding with simple tidying, rather than a regular removal of roots\n- Watering at noon; water in the evening\n";
        let inputs = [
            Input {
                name: "a.md",
                text: a,
            },
            Input {
                name: "b.md",
                text: b,
            },
        ];
        let compiled = compile(&inputs, None);
        let mistakes: Vec<&str> = compiled
            .deck
            .cards
            .iter()
            .filter(|c| c.kind == CardKind::Misconception)
            .map(|c| c.front.as_str())
            .collect();
        assert_eq!(mistakes.len(), 2, "{mistakes:#?}");
        assert!(mistakes.iter().any(|f| f.contains("noon")), "{mistakes:#?}");
    }
}

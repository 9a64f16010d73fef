//! Documents → cards. [`compile`] is pure over text: each document is
//! detected ([`document::detect`]), read into the one document model by
//! its reader ([`markdown`], [`plain`]), turned into draft cards by the
//! rules in [`extract`], and the drafts become a [`Deck`] after the
//! hygiene checks (sizes, leaks, leftovers, duplicates). No file system
//! here: `srs compile` (`cmd/compile.rs`) walks directories and reads files.
//!
//! Card ids hash the document's file name, the card kind and the card's
//! cue (what the card is about: a term, a list label and item, a rule
//! number), never its position, so editing one document leaves every
//! other document's ids alone and rewording a section keeps most ids.

pub mod analyse;
pub mod card;
pub mod clean;
pub mod document;
pub mod markdown;
pub mod plain;
pub mod rules;

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Once;

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use sha1::{Digest, Sha1};

use crate::deck::{Card, CardId, CardKind, Deck, Source};
use card::Draft;
use clean::Words;
use document::{DocKind, Skipped};

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

/// Documents whose drafts are made together, on every core.
const DRAFT_BATCH: usize = 32;

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
    // Tags start with the deck's name, known only once every document
    // has been read.
    let root = clean::slug(&name);
    let cards = unfinished
        .into_iter()
        .map(
            |Unfinished {
                 mut card,
                 section,
                 doc,
             }| {
                card.tags = vec![tag(&root, &section, &topics[doc], inputs[doc].name)];
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

/// What one document gave: how it was read, its topic and its drafts.
struct Drafted {
    kind: DocKind,
    skipped: Vec<Skipped>,
    topic: String,
    drafts: Vec<Draft>,
}

/// What reading a document told about the deck's name, and the document
/// itself when it waits for that name.
struct Read {
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
fn draft_all(
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
                    Some(name) => decapitalize_name(name),
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
    let fallback = decapitalize_name(&name);
    waiting.into_par_iter().for_each(|(i, doc)| {
        let _ = sender.send((i, draft(doc, fallback.clone())));
    });
    name
}

/// The documents' drafts in document order, from `(index, drafts)` sent
/// in the order they were finished.
fn in_order(drafted: std::sync::mpsc::Receiver<(usize, Drafted)>) -> impl Iterator<Item = Drafted> {
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
fn draft(doc: document::Document, topic: String) -> Drafted {
    let drafts = rules::extract(&doc, &topic);
    Drafted {
        kind: doc.kind,
        skipped: doc.skipped,
        topic,
        drafts,
    }
}

/// A card whose tag waits for the deck's name.
struct Unfinished {
    card: Card,
    section: std::sync::Arc<[String]>,
    doc: usize,
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
        let mut local: FxHashMap<String, String> = FxHashMap::default();
        let mut built = Vec::new();
        for draft in drafts {
            // Checked only when new: a big course repeats most questions.
            const REPEATED: &str = "same question as an earlier card";
            let verdict = if written.contains(&draft.front) {
                Err(REPEATED)
            } else {
                let front_key = clean::norm(&draft.front);
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
                            reason,
                        });
                    }
                    continue;
                }
            };
            fronts.insert(front_key);
            written.insert(draft.front.clone());
            let base = id_with_prefix(&prefix, input.name, draft.kind, &draft.cue);
            let mut id = base.clone();
            let mut n = 2;
            while ids.contains(&id) {
                id = format!("{base}-{n}");
                n += 1;
            }
            ids.insert(id.clone());
            local.insert(format!("{}:{}", draft.kind, draft.cue), id.clone());
            *report.cards.entry(draft.kind).or_default() += 1;
            built.push((id, draft));
        }
        for (id, draft) in built {
            let reverse_of = draft
                .reverse_of
                .as_ref()
                .and_then(|cue| local.get(cue))
                .map(CardId::new);
            cards.push(Unfinished {
                card: Card {
                    id: CardId::new(id),
                    kind: draft.kind,
                    front: draft.front,
                    back: draft.back,
                    tags: Vec::new(),
                    source: Some(Source {
                        file: input.name.to_string(),
                        line: draft.line.max(1),
                    }),
                    cloze: draft.cloze,
                    options: draft.options,
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
        clean::compile_patterns();
        rules::compile_patterns();
    });
}

/// Why a draft is not fit to be a card, if it is not.
pub fn check(draft: &Draft) -> Result<(), &'static str> {
    check_normed(draft, &clean::norm(&draft.front))
}

/// [`check`], given the draft's question through [`clean::norm`] (which
/// reads a gap, `[...]`, as a word break).
fn check_normed(draft: &Draft, front_norm: &str) -> Result<(), &'static str> {
    let front = draft.front.trim();
    let back = draft.back.trim();
    if front.is_empty() || back.is_empty() {
        return Err("empty side");
    }
    let leftover = |s: &str| clean::has_doubled_marker(s) || clean::has_emoji(s);
    if leftover(front) || leftover(back) {
        return Err("markup left in the text");
    }
    let max_back = if draft.kind == CardKind::Mcq {
        card::MAX_FRONT_WORDS
    } else {
        card::MAX_ANSWER_WORDS + clean::SLACK
    };
    if clean::words(back) > max_back {
        return Err("answer too long");
    }
    if clean::words(front) > card::MAX_FRONT_WORDS {
        return Err("question too long");
    }
    let back_norm = clean::norm(back);
    if clean::contains_normed(front_norm, &back_norm) {
        return Err("answer given away in the question");
    }
    if back_norm.is_empty() {
        return Err("answer has no words");
    }
    Ok(())
}

/// The first `n` characters of `s` (all of it when shorter), sliced
/// rather than collected character by character: a big course drops
/// hundreds of thousands of repeated questions, each listed this way.
fn first_chars(s: &str, n: usize) -> &str {
    if s.len() <= n {
        return s;
    }
    s.char_indices().nth(n).map_or(s, |(cut, _)| &s[..cut])
}

/// A stable id: the document, the kind and the cue, hashed.
pub fn card_id(file: &str, kind: CardKind, cue: &str) -> String {
    id_with_prefix(&id_prefix(file), file, kind, cue)
}

/// The readable part of a document's card ids.
fn id_prefix(file: &str) -> String {
    let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
    let mut prefix = clean::slug(stem);
    prefix.truncate(20);
    prefix.trim_end_matches('-').to_string()
}

fn id_with_prefix(prefix: &str, file: &str, kind: CardKind, cue: &str) -> String {
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

fn kind_short(kind: CardKind) -> &'static str {
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
fn tag(root: &str, section: &[String], topic: &str, file: &str) -> String {
    let mut parts = vec![root.to_string()];
    for s in section.iter().take(2) {
        let slug = clean::slug(s);
        if !slug.is_empty() && slug != root {
            parts.push(slug);
        }
    }
    if parts.len() == 1 {
        let slug = clean::slug(topic);
        if !slug.is_empty() && slug != root {
            parts.push(slug);
        } else {
            parts.push(clean::slug(file.rsplit_once('.').map_or(file, |(s, _)| s)));
        }
    }
    parts.join("::")
}

/// What a document is about, as fronts name it ("partnership working"):
/// its title when short, else its most repeated key phrase.
pub fn topic(doc: &document::Document, text: &str) -> String {
    let phrase = key_phrase(text);
    if let Some(title) = &doc.title {
        let title = clean::sentence_case(&title_subject(title));
        let title_words = clean::norm(&title);
        let title_words: BTreeSet<&str> = title_words.split(' ').collect();
        // A key phrase made of the title's words reads better in a
        // question ("partnership working" for "Working in partnership").
        if let Some(p) = &phrase
            && p.split(' ').all(|w| title_words.contains(w))
        {
            // A one-word phrase takes the word before it in the title
            // ("capacity" in "The Mental Capacity Act" → "mental capacity").
            if !p.contains(' ') {
                let title_norm = clean::norm(&title);
                let words: Vec<&str> = title_norm.split(' ').collect();
                if let Some(i) = words.iter().position(|w| w == p)
                    && i > 0
                    && !STOP.contains(&words[i - 1])
                    && !GENERIC.contains(&words[i - 1])
                    && !words[i - 1].chars().any(|c| c.is_ascii_digit())
                {
                    return format!("{} {p}", words[i - 1]);
                }
            }
            return p.clone();
        }
        if (1..=5).contains(&clean::words(&title)) {
            return decapitalize_name(&title);
        }
    }
    synopsis_subject(doc)
        .or(phrase)
        .or_else(|| doc.title.as_deref().map(decapitalize_name))
        .unwrap_or_default()
}

/// The subject of a document's opening sentence when it names the topic
/// ("Infection prevention and control covers…"): two to four words before
/// the first verb, not a pronoun, not only generic words.
fn synopsis_subject(doc: &document::Document) -> Option<String> {
    static VERBS: Words = Words::new(&[
        "is",
        "are",
        "covers",
        "supports",
        "enables",
        "involves",
        "means",
        "explores",
        "describes",
        "refers",
        "focuses",
        "looks",
        "examines",
        "concerns",
        "sets",
        "protects",
        "aims",
        "ensures",
        "requires",
        "helps",
        "includes",
        "relates",
        "underpins",
        "applies",
    ]);
    let text = doc.blocks.iter().find_map(|b| match &b.body {
        document::Body::Paragraph(text) => Some(text),
        _ => None,
    })?;
    let first = clean::sentences(text).into_iter().next()?;
    let words: Vec<&str> = first.split_whitespace().collect();
    let verb = words.iter().position(|w| VERBS.contains_lower(w))?;
    let subject = &words[..verb];
    let lowered: Vec<String> = subject.iter().map(|w| clean::norm(w)).collect();
    let generic = lowered
        .iter()
        .all(|w| GENERIC.contains(&w.as_str()) || STOP.contains(&w.as_str()));
    let pointing = [
        "this", "these", "it", "they", "your", "you", "there", "the", "a", "an",
    ]
    .contains(&lowered.first()?.as_str());
    let clean = subject
        .iter()
        .all(|w| w.chars().all(|c| c.is_alphanumeric() || c == '-'));
    ((2..=4).contains(&subject.len()) && !generic && !pointing && clean)
        .then(|| decapitalize_name(&subject.join(" ")))
}

/// What a title is about, without its unit number or the half that names
/// the kind of document: "Unit 17: Working in partnership" → "Working in
/// partnership", "Infection control: revision sheet" → "Infection control".
fn title_subject(title: &str) -> String {
    let title = strip_document_kind(title);
    let title = title.as_str();
    let lower = title.to_lowercase();
    for lead in [
        "unit", "module", "topic", "chapter", "lesson", "section", "week", "part",
    ] {
        if lower.starts_with(lead)
            && let Some((_, rest)) = title.split_once([':', '-', '–'])
            && clean::words(rest) >= 1
        {
            return rest.trim().to_string();
        }
    }
    title.to_string()
}

/// A title without the half that only names the kind of document:
/// "Infection control: revision sheet" and "Quick quiz – Infection
/// control" are both about "Infection control".
fn strip_document_kind(title: &str) -> String {
    static KIND_WORDS: Words = Words::new(&[
        "revision",
        "sheet",
        "notes",
        "note",
        "guide",
        "study",
        "quiz",
        "quick",
        "summary",
        "check",
        "your",
        "understanding",
        "knowledge",
        "overview",
        "test",
        "self-test",
        "questions",
        "answers",
        "handout",
        "factsheet",
        "facts",
        "key",
        "points",
        "worksheet",
        "recap",
        "and",
        "level",
    ]);
    let is_kind = |side: &str| {
        side.split_whitespace().all(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
            w.is_empty() || w.bytes().all(|b| b.is_ascii_digit()) || KIND_WORDS.contains_lower(w)
        })
    };
    for sep in [": ", " - ", " – ", " — ", " | "] {
        if let Some((head, tail)) = title.split_once(sep) {
            let (head, tail) = (head.trim(), tail.trim());
            if clean::words(head) >= 1 && clean::words(tail) >= 1 {
                if is_kind(tail) {
                    return head.to_string();
                }
                if is_kind(head) {
                    return tail.to_string();
                }
            }
        }
    }
    title.to_string()
}

fn decapitalize_name(s: &str) -> String {
    clean::decapitalize(s.trim())
}

/// Words too common in this field to make a topic on their own.
pub(crate) static GENERIC: Words = Words::new(&[
    "health",
    "social",
    "care",
    "individual",
    "individuals",
    "people",
    "person",
    "service",
    "services",
    "support",
    "work",
    "worker",
    "workers",
    "setting",
    "settings",
    "staff",
    "role",
    "good",
    "important",
    "different",
    "need",
    "needs",
    "also",
    "must",
    "should",
    "can",
    "may",
    "will",
    "one",
    "two",
    "three",
    "other",
    "all",
    "each",
    "your",
    "their",
    "they",
    "them",
    "you",
    "who",
    "what",
    "how",
    "which",
    "when",
    "there",
    "these",
    "those",
    "such",
    "more",
    "most",
    "well",
    "use",
    "using",
    "used",
    "key",
    "level",
    "way",
    "ways",
    "within",
    "between",
    "example",
    "e",
    "g",
    "i",
    "including",
]);

use clean::FUNCTION_WORDS as STOP;

/// The document's most repeated phrase of two or three words that is
/// neither generic nor a name.
fn key_phrase(text: &str) -> Option<String> {
    /// A word of the document, interned: phrases are counted as tuples of
    /// these indexes, and only the few frequent ones are spelled out.
    struct Word<'a> {
        text: Cow<'a, str>,
        /// A function word or a generic one ("care", "support").
        weak: bool,
        stop: bool,
        digit: bool,
    }
    const NONE: u32 = u32::MAX;
    let mut index: FxHashMap<Cow<'_, str>, u32> = FxHashMap::default();
    let mut vocabulary: Vec<Word<'_>> = Vec::new();
    let words: Vec<u32> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .map(|w| w.trim_matches(['-', '\'']))
        .filter(|w| !w.is_empty())
        .take(20_000)
        .map(|w| {
            let lower = if w.chars().any(char::is_uppercase) {
                Cow::Owned(w.to_lowercase())
            } else {
                Cow::Borrowed(w)
            };
            if let Some(&id) = index.get(&lower) {
                return id;
            }
            let id = vocabulary.len() as u32;
            let stop = STOP.contains(lower.as_ref());
            vocabulary.push(Word {
                weak: stop || GENERIC.contains(lower.as_ref()),
                stop,
                digit: lower.chars().any(|c| c.is_ascii_digit()),
                text: lower.clone(),
            });
            index.insert(lower, id);
            id
        })
        .collect();
    let word = |id: u32| &vocabulary[id as usize];
    let spell = |phrase: &[u32; 3]| -> String {
        let mut out = String::new();
        for &id in phrase.iter().filter(|&&id| id != NONE) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&word(id).text);
        }
        out
    };
    // Phrases in the opening lines (title, synopsis) count double.
    let opening: String = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(2)
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    let mut counts: FxHashMap<[u32; 3], usize> = FxHashMap::default();
    for n in 2..=3 {
        for window in words.windows(n) {
            if word(window[0]).stop || word(window[n - 1]).stop {
                continue;
            }
            if window.iter().all(|&w| word(w).weak) {
                continue;
            }
            if window.iter().any(|&w| word(w).digit) {
                continue;
            }
            if n == 3 && word(window[1]).stop && word(window[1]).text != "of" {
                continue;
            }
            let mut key = [NONE; 3];
            key[..n].copy_from_slice(window);
            *counts.entry(key).or_default() += 1;
        }
    }
    // The most repeated single word, for one-word topics ("consent").
    let mut single: FxHashMap<u32, usize> = FxHashMap::default();
    for &w in &words {
        let entry = word(w);
        if entry.text.len() >= 5 && !entry.weak {
            *single.entry(w).or_default() += 1;
        }
    }
    let top = single.iter().max_by(|a, b| {
        a.1.cmp(b.1)
            .then_with(|| word(*b.0).text.cmp(&word(*a.0).text))
    });
    if let Some((&top, &n)) = top
        && n >= 8
    {
        let best_with = counts
            .iter()
            .filter(|(p, _)| p.contains(&top))
            .map(|(_, c)| *c)
            .max()
            .unwrap_or(0);
        if best_with * 3 < n {
            return Some(word(top).text.to_string());
        }
    }
    // A phrase scores its count × (length + 1), doubled when the opening
    // lines hold it; the best score wins, and the first spelling among
    // equals. Spelling a phrase and looking for it in the opening cost
    // more than all the counting, so phrases go best base score first and
    // stop when even a doubled score can no longer reach the best (a tie
    // could still win on its spelling, so ties go on).
    let mut frequent: Vec<([u32; 3], usize)> = counts
        .into_iter()
        .filter(|(_, c)| *c >= 3)
        .map(|(p, c)| {
            let length = p.iter().filter(|&&id| id != NONE).count();
            (p, c * (length + 1))
        })
        .collect();
    frequent.sort_unstable_by_key(|&(_, base)| std::cmp::Reverse(base));
    let mut best: Option<(String, usize)> = None;
    for (p, base) in frequent {
        if best.as_ref().is_some_and(|(_, score)| base * 2 < *score) {
            break;
        }
        let phrase = spell(&p);
        let score = if opening.contains(phrase.as_str()) {
            base * 2
        } else {
            base
        };
        let wins = best
            .as_ref()
            .is_none_or(|(b, s)| score > *s || (score == *s && phrase < *b));
        if wins {
            best = Some((phrase, score));
        }
    }
    best.map(|(phrase, _)| phrase)
}

/// The deck's name when none is given: the one document's title, or the
/// topic most documents share (`topics` holds each document's own, empty
/// when it has none).
fn default_name(topics: &[String], only_title: Option<&str>) -> String {
    if topics.len() == 1
        && let Some(title) = only_title
    {
        return clean::capitalize(&clean::sentence_case(&title_subject(title)));
    }
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for t in topics.iter().filter(|t| !t.is_empty()) {
        *counts.entry(t.as_str()).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by_key(|(t, n)| (*n, std::cmp::Reverse(*t)))
        .map(|(t, _)| title_case(t))
        .unwrap_or_else(|| "Compiled deck".to_string())
}

fn title_case(s: &str) -> String {
    s.split_whitespace()
        .enumerate()
        .map(|(i, w)| {
            if i > 0 && STOP.contains(&w) {
                w.to_string()
            } else {
                clean::capitalize(w)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHEET: &str = "# UNIT 4: INFECTION CONTROL\n\n## 🧤 PPE\n\n**Gloves:**\n- Single use\n- Changed between tasks\n\n**Aprons:**\n- Disposable\n- Worn for personal care\n\n### Five Moments (WHO):\n1. Before touching a patient\n2. Before a clean task\n3. After body fluid exposure\n4. After touching a patient\n5. After touching surroundings\n";

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
        assert!(a.deck.cards.len() >= 10, "{:#?}", a.deck.cards);
        // Editing another part of the document keeps this card's id.
        let edited = SHEET.replace("- Disposable", "- Disposable plastic");
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
                .find(|c| c.front.contains("what is WHO moment 3"))
                .map(|c| c.id.clone())
        };
        assert!(rule(&a.deck).is_some(), "{:#?}", a.deck.cards);
        assert_eq!(rule(&a.deck), rule(&c.deck));
        for card in &a.deck.cards {
            assert!(check_card(card), "{card:?}");
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
                _ => SHEET.replace("Disposable", &format!("Disposable type {i}")),
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
            assert!(card.front.starts_with("In infection Control, "), "{card:?}");
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
                .all(|d| d.reason == "same question as an earlier card")
        );
        for (l, c) in listed.reports.iter().zip(&counted.reports) {
            assert_eq!(l.dropped_total, c.dropped_total);
            assert_eq!(l.cards, c.cards);
            assert!(c.dropped.is_empty());
        }
    }

    fn check_card(card: &Card) -> bool {
        !card.front.is_empty() && !card.back.is_empty() && card.source.is_some()
    }

    #[test]
    fn hygiene_rejects_leaks_and_leftovers() {
        let mut d = Draft {
            kind: CardKind::Basic,
            cue: "x".into(),
            front: "In care, what is consent?".into(),
            back: "Consent".into(),
            line: 1,
            section: Default::default(),
            cloze: None,
            options: vec![],
            correct: vec![],
            reverse_of: None,
        };
        assert_eq!(check(&d), Err("answer given away in the question"));
        d.back = "**Agreement**".into();
        assert_eq!(check(&d), Err("markup left in the text"));
        d.back = "Agreement to care".into();
        assert_eq!(check(&d), Ok(()));
        d.back = "word ".repeat(40);
        assert_eq!(check(&d), Err("answer too long"));
    }

    #[test]
    fn first_chars_cuts_at_a_character() {
        assert_eq!(first_chars("Care › Team", 6), "Care ›");
        assert_eq!(first_chars("Care", 80), "Care");
        assert_eq!(first_chars("ééé", 2), "éé");
        assert_eq!(first_chars("", 3), "");
        let long = "Which term means: ".repeat(9);
        assert_eq!(
            first_chars(&long, 80),
            long.chars().take(80).collect::<String>()
        );
    }

    #[test]
    fn topic_from_title_or_key_phrase() {
        let doc = document::read(
            "Duty of care means acting in the interests of others. The duty of care applies to all staff. Breaching the duty of care harms trust.",
        );
        assert_eq!(
            topic(
                &doc,
                "Duty of care means x. The duty of care y. Breach the duty of care z."
            ),
            "duty of care"
        );
        let doc = document::read(
            "End of life care supports people in their last months of life. Death is near. Death is hard. Death comes.",
        );
        assert_eq!(
            topic(&doc, "Death is near. Death is hard. Death comes. Death."),
            "end of life care"
        );
        assert_eq!(
            title_subject("Unit 17: Working in partnership"),
            "Working in partnership"
        );
        assert_eq!(
            title_subject("Infection Prevention and Control: Revision Sheet"),
            "Infection Prevention and Control"
        );
        assert_eq!(
            title_subject("Nutrition and Hydration: Check Your Understanding"),
            "Nutrition and Hydration"
        );
        assert_eq!(
            title_subject("Quick quiz – Safeguarding adults"),
            "Safeguarding adults"
        );
        assert_eq!(
            title_subject("Consent: the key points of the law"),
            "Consent: the key points of the law"
        );
    }
}

//! Document model → draft cards, one rule per card kind: definitions,
//! list members, ordered items, acronyms, legislation, multiple-choice
//! questions, misconceptions and cloze sentences. Every front names its
//! context (the topic, and the section where it helps).

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::Regex;
use rustc_hash::{FxHashMap, FxHashSet};

use super::clean::{self, Words, capitalize, decapitalize, no_stop, norm, words};
use super::document::{Block, Body, Document, Item, List, Mcq};
use crate::deck::CardKind;

/// Answers longer than this are trimmed or dropped.
pub const MAX_ANSWER_WORDS: usize = 25;
/// Fronts longer than this are dropped (a multiple-choice front is the
/// question alone).
pub const MAX_FRONT_WORDS: usize = 40;
/// Key terms looked for in each sentence, at most.
const MAX_KEY_TERMS: usize = 200;
/// Lists longer than this get one cloze per item instead of one card.
const SHORT_LIST: usize = 4;

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

static ACT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(Act|Regulations?|Directive|Charter|Convention|GDPR)(?-u:\b)(\s+\(?[0-9]{4}\)?)?",
    )
    .expect("valid pattern")
});
static EXAMPLES_PAREN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\((?:e\.g\.,?|eg,?|such as|including|i\.e\.,?)\s*([^()]+)\)")
        .expect("valid pattern")
});
static ACRONYM_PAREN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\(([A-Z][A-Za-z]{0,2}[A-Z]{1,6})(s?)\)").expect("valid pattern"));
static DEFINES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:An? |The )?([A-Za-z][0-9A-Za-z_’'()-]*(?: [0-9A-Za-z_’'()-]+){0,6}) (means|refers to|is defined as|is the term for|describes|involves) (.{8,})$")
        .expect("valid pattern")
});
static IS_A: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:An? |The )?([A-Z][0-9A-Za-z_’'-]*(?: [0-9A-Za-z_’'-]+){0,4}) (is|are) ((?:a|an|the|when|where|any|how) .{8,})$")
        .expect("valid pattern")
});
static KNOWN_AS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:This|That|It|These|Such [0-9A-Za-z_]+) (?:is|are) (?:known as|called|referred to as|described as) [‘'“\x22]?([^’'”\x22.]+)[’'”\x22]?\.?$")
        .expect("valid pattern")
});
static APPOSITIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r",\s+which (?:is|are) (the (?:[^,]{6,}))(?:,|\.|$)").expect("valid pattern")
});
static COMPLEMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:is|are|was|were|remains|becomes|means) ([a-z][0-9A-Za-z_-]*(?: [a-z][0-9A-Za-z_-]*)?)\.?$")
        .expect("valid pattern")
});
/// A quantity or time limit, in lower case: it is matched against the
/// sentence in ASCII lower case (see [`quantity`]), the same as ignoring
/// ASCII case and half the time to compile.
static QUANTITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:[0-9]+(?:\s*(?:[–-]|to)\s*[0-9]+)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty|sixty|ninety)\s+(?:(?:working|calendar|clear)\s+)?(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)(?-u:\b)|(?-u:\b)[0-9]+(?:\.[0-9]+)?\s*(?:%|per ?cent)")
        .expect("valid pattern")
});
/// A year; [`date`] adds the month before it.
static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)(?:19|20)[0-9]{2}(?-u:\b)").expect("valid pattern"));
static ENUMERATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:[a-z][0-9A-Za-z_-]*(?: [a-z][0-9A-Za-z_-]*)?, ){1,4}[a-z][0-9A-Za-z_-]*(?: [a-z][0-9A-Za-z_-]*)?,? (?:and|or) [a-z][0-9A-Za-z_-]*(?: [a-z][0-9A-Za-z_-]*)?(?-u:\b)")
        .expect("valid pattern")
});
static EXAMPLE_INLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:such as|e\.g\.,?|for example,?|including) (?:the |a |an )?([A-Za-z][0-9A-Za-z_-]*(?: [0-9A-Za-z_-]+){0,3}?)(?:,| and | or |\)|\.|$)")
        .expect("valid pattern")
});

/// Compiles this module's patterns on the pool's threads (see
/// [`super::compile_patterns`]).
pub(super) fn compile_patterns() {
    for pattern in [
        &ACT,
        &EXAMPLES_PAREN,
        &ACRONYM_PAREN,
        &DEFINES,
        &IS_A,
        &KNOWN_AS,
        &APPOSITIVE,
        &COMPLEMENT,
        &QUANTITY,
        &YEAR,
        &ENUMERATION,
        &EXAMPLE_INLINE,
    ] {
        rayon::spawn(move || {
            LazyLock::force(pattern);
        });
    }
}

/// The first quantity or time limit in `text` ("40–60 seconds", "72
/// Hours"), ignoring ASCII case: lower-casing ASCII keeps every offset.
fn quantity(text: &str) -> Option<(usize, usize)> {
    let lower = text.to_ascii_lowercase();
    QUANTITY.find(&lower).map(|m| (m.start(), m.end()))
}

/// The first date in `text`: a year, with the month written before it
/// ("November 2014"). The same as one pattern with an optional month, as
/// a month takes in only the year right after it.
fn date(text: &str) -> Option<(usize, usize)> {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let year = YEAR.find(text)?;
    let before = &text[..year.start()];
    let month = before.strip_suffix(' ').and_then(|before| {
        MONTHS
            .iter()
            .find_map(|month| before.strip_suffix(month))
            .filter(|rest| {
                // A word boundary before the month.
                rest.bytes()
                    .next_back()
                    .is_none_or(|b| !(b.is_ascii_alphanumeric() || b == b'_'))
            })
            .map(str::len)
    });
    Some((month.unwrap_or(year.start()), year.end()))
}

/// Words that, starting a sentence, point back at something the card
/// would not show.
static POINTING: Words = Words::new(&[
    "it",
    "they",
    "their",
    "this",
    "these",
    "those",
    "he",
    "she",
    "his",
    "her",
    "its",
    "such",
    "both",
    "here",
    "there",
    "that",
    "them",
    "then",
    "also",
    "however",
    "therefore",
    "thus",
    "as",
    "each",
    "so",
    "but",
    "and",
    "or",
    "finally",
    "which",
    "who",
]);

use clean::FUNCTION_WORDS as SMALL;

/// Nouns that end the name of a setting or organisation.
static INSTITUTIONS: Words = Words::new(&[
    "hospital",
    "home",
    "homes",
    "trust",
    "council",
    "practice",
    "surgery",
    "school",
    "college",
    "centre",
    "center",
    "house",
    "lodge",
    "court",
    "service",
    "services",
    "team",
    "board",
    "unit",
    "ward",
    "clinic",
    "authority",
    "commission",
    "agency",
]);

/// Words that are never the point of a gap on their own: connectives,
/// quantifiers and common verbs.
static PLAIN_WORDS: Words = Words::new(&[
    "rather",
    "after",
    "before",
    "than",
    "then",
    "within",
    "about",
    "during",
    "where",
    "whereby",
    "while",
    "whether",
    "because",
    "although",
    "though",
    "until",
    "since",
    "upon",
    "without",
    "across",
    "around",
    "through",
    "against",
    "under",
    "over",
    "every",
    "some",
    "many",
    "much",
    "same",
    "another",
    "both",
    "either",
    "neither",
    "found",
    "refers",
    "gives",
    "makes",
    "takes",
    "shows",
    "says",
    "means",
    "requires",
    "provides",
    "includes",
    "become",
    "becomes",
    "helps",
    "allows",
    "whole",
    "often",
    "still",
    "even",
    "always",
    "never",
    "which",
    "whose",
    "there",
    "these",
    "those",
    "what",
    "when",
    "important",
    "able",
    "goes",
    "keeps",
    "hear",
    "record",
    "whenever",
    "wherever",
    "might",
    "would",
    "could",
    "should",
    "can",
    "will",
    "may",
    "must",
    "shall",
    "any",
    "all",
    "every",
    "no",
    "does",
    "did",
    "make",
    "take",
    "given",
    "your",
    "their",
    "his",
    "her",
    "our",
    "my",
    "act",
    "regulations",
    "law",
    "policy",
    "guidance",
]);

/// Labels that name a property of the heading, not a category of it: a
/// heading with "Examples" and "Benefits" lists has no member groups.
static ATTRIBUTE_LABELS: Words = Words::new(&[
    "examples",
    "example",
    "benefits",
    "include",
    "includes",
    "activities",
    "partners",
    "meetings",
    "purpose",
    "aims",
    "key features",
    "features",
    "signs",
    "types",
    "how",
    "why",
    "when",
    "who",
    "what",
    "role",
    "roles",
    "responsibilities",
    "advantages",
    "disadvantages",
    "challenges",
    "risks",
    "remember",
]);

/// What the extractor knows about one document.
pub struct Extractor {
    kind: super::document::DocKind,
    topic: String,
    topic_norm: String,
    drafts: Vec<Draft>,
    cues: FxHashSet<String>,
    key_terms: Vec<String>,
    /// Indexes into `key_terms` by each term's first word (normalised).
    key_index: FxHashMap<String, Vec<usize>>,
    setting: Option<String>,
    /// Words the document capitalises in mid-sentence (names).
    proper: FxHashSet<String>,
    /// Labels of grouped lists, by parent heading and item.
    members: FxHashMap<(Vec<String>, String), Vec<String>>,
}

/// Every draft card of a document, in document order.
pub fn extract(doc: &Document, topic: &str) -> Vec<Draft> {
    let mut x = Extractor {
        kind: doc.kind,
        topic: topic.to_string(),
        topic_norm: norm(topic),
        drafts: Vec::new(),
        cues: FxHashSet::default(),
        key_terms: Vec::new(),
        key_index: FxHashMap::default(),
        setting: None,
        members: FxHashMap::default(),
        proper: FxHashSet::default(),
    };
    // The names in paragraphs also vote for the document's main setting.
    let mut settings: BTreeMap<String, usize> = BTreeMap::new();
    for block in &doc.blocks {
        let paragraph = matches!(block.body, Body::Paragraph(_));
        let texts: Vec<&str> = match &block.body {
            Body::Paragraph(text) => vec![text.as_str()],
            // A `Term: definition` item's term is a label, capitalised as one.
            Body::List(list) => list
                .items
                .iter()
                .map(|i| split_term(&i.text).map_or(i.text.as_str(), |(_, def)| def))
                .collect(),
            _ => Vec::new(),
        };
        for text in texts {
            for sentence in clean::sentences(text) {
                for (a, b) in proper_nouns(&sentence) {
                    // Whole names, and one-word names ("Gillick"): a word
                    // inside a longer name ("Standard Infection Control
                    // Precautions") is not a name by itself.
                    let name = norm(&sentence[a..b]);
                    if paragraph {
                        count_setting(&mut settings, &name);
                    }
                    x.proper.insert(name);
                }
            }
        }
    }
    for block in &doc.blocks {
        if let Body::List(list) = &block.body
            && list.grouped
            && let Some(label) = &list.label
        {
            let parent = block.section[..block.section.len().saturating_sub(1)].to_vec();
            for item in &list.items {
                let labels = x
                    .members
                    .entry((parent.clone(), norm(&item.text)))
                    .or_default();
                if !labels.contains(label) {
                    labels.push(label.clone());
                }
            }
        }
    }
    x.key_terms = key_terms(doc, topic);
    for (i, term) in x.key_terms.iter().enumerate() {
        if let Some(first) = norm(term).split(' ').next() {
            x.key_index.entry(first.to_string()).or_default().push(i);
        }
    }
    x.setting = main_setting(doc, settings);
    for block in &doc.blocks {
        x.block(block);
    }
    x.drafts
}

impl Extractor {
    fn push(&mut self, block: &Block, line: u32, mut draft: Draft) {
        if draft.front.trim().is_empty() || draft.back.trim().is_empty() {
            return;
        }
        if !self.cues.insert(cue_key(draft.kind, &draft.cue)) {
            return;
        }
        draft.line = line;
        draft.section = block.section.clone();
        self.drafts.push(draft);
    }

    fn draft(kind: CardKind, cue: String, front: String, back: String) -> Draft {
        Draft {
            kind,
            cue,
            front,
            back,
            line: 0,
            section: std::sync::Arc::default(),
            cloze: None,
            options: Vec::new(),
            correct: Vec::new(),
            reverse_of: None,
        }
    }

    /// A term as it reads inside a question: Title Case made lower case,
    /// except acronyms, names the document capitalises, and laws.
    fn shown(&self, term: &str) -> String {
        if !laws_in(term).is_empty() || ACT.is_match(term) {
            return term.to_string();
        }
        if self.proper.contains(&norm(term)) {
            return term.to_string();
        }
        let lowered = lower_title(term);
        let mut out: Vec<String> = Vec::new();
        for (orig, low) in term.split_whitespace().zip(lowered.split_whitespace()) {
            let bare = norm(orig);
            if self.proper.contains(&bare) && orig != low {
                out.push(orig.to_string());
            } else {
                out.push(low.to_string());
            }
        }
        out.join(" ")
    }

    /// Whether `text` names every content word of the document's topic.
    fn mentions_topic(&self, text: &str) -> bool {
        mentions_normed(&norm(text), &self.topic_norm)
    }

    /// "In partnership working, " unless the rest already names the topic.
    fn in_topic(&self, rest: &str) -> String {
        if self.topic.is_empty() || self.mentions_topic(rest) {
            capitalize(rest)
        } else {
            format!("In {}, {}", self.topic, rest)
        }
    }

    /// "Partnership working › Barriers to communication" (at most two
    /// headings, skipping one equal to `except`).
    fn crumb(&self, section: &[String], except: Option<&str>) -> String {
        let mut parts: Vec<String> = Vec::new();
        if !self.topic.is_empty() {
            parts.push(capitalize(&self.topic));
        }
        let except = except.map(norm);
        let mut heads: Vec<(&String, String)> = section
            .iter()
            .map(|s| (s, norm(s)))
            .filter(|(_, n)| except.as_ref() != Some(n) && *n != self.topic_norm)
            .collect();
        heads.dedup_by(|a, b| a.1 == b.1);
        for (s, _) in heads.iter().rev().take(2).rev() {
            parts.push((*s).clone());
        }
        parts.join(" › ")
    }

    fn block(&mut self, block: &Block) {
        match &block.body {
            Body::Paragraph(text) => self.prose(block, text, block.line, 5),
            Body::Mcq(mcq) => self.mcq(block, mcq),
            Body::Qa { question, answer } => self.qa(block, question, answer),
            Body::Table { header, rows } => self.table(block, header, rows),
            Body::List(list) => {
                let label = list.label.as_deref().unwrap_or("");
                // Under a heading of mistakes; a list with a label of its
                // own ("2. Report it" under "Medication errors") is judged
                // by that label and its nearest heading.
                let misconceptions = match &list.label {
                    Some(label) => {
                        is_misconception_section(label)
                            || block
                                .section
                                .last()
                                .is_some_and(|s| is_misconception_section(s))
                    }
                    None => block.section.iter().any(|s| is_misconception_section(s)),
                };
                if super::markdown::is_definition_label(label) && list.items.len() == 1 {
                    self.heading_definition(block, &list.items[0]);
                } else if misconceptions && list.items.iter().all(|i| words(&i.text) >= 5) {
                    for item in &list.items {
                        self.misconception(block, item);
                        self.in_passing(block, &item.text, item.line);
                    }
                } else if let Some(acronym) = acronym_list(list, block.section.last()) {
                    self.acronym_expansion(block, list, &acronym);
                } else if list.ordered
                    && list.items.iter().all(|i| i.number.is_some())
                    && is_term_list(list)
                    && !list
                        .items
                        .iter()
                        .any(|i| split_term(&i.text).is_some_and(|(t, _)| is_numbered_label(t)))
                {
                    // "1. Empowerment - person-led decisions…": the number
                    // names the term, and the term has its definition.
                    self.ordered(block, list);
                    for item in &list.items {
                        self.term_item(block, item);
                    }
                } else if is_term_list(list) {
                    for item in &list.items {
                        self.term_item(block, item);
                    }
                } else if is_prose_list(list) {
                    for item in &list.items {
                        self.prose(block, &item.text, item.line, 1);
                    }
                } else if list.ordered && list.items.iter().all(|i| i.number.is_some()) {
                    self.ordered(block, list);
                    for item in &list.items {
                        self.in_passing(block, &item.text, item.line);
                    }
                } else {
                    self.members(block, list);
                    for item in &list.items {
                        self.in_passing(block, &item.text, item.line);
                    }
                }
            }
        }
    }

    fn heading_definition(&mut self, block: &Block, item: &Item) {
        let Some(term) = block.section.last() else {
            return;
        };
        let term = question_term(term);
        self.definition(block, item.line, &term, &item.text, "what is");
        self.in_passing(block, &term, item.line);
    }

    /// A definition card, and its reverse when the definition is short.
    fn definition(&mut self, block: &Block, line: u32, term: &str, text: &str, ask: &str) {
        let term = no_stop(term).trim().trim_end_matches('?');
        let Some(back) = clean::trim_answer(&capitalize(text.trim()), MAX_ANSWER_WORDS) else {
            return;
        };
        if words(term) == 0
            || words(term) > 8
            || clean::contains_words(&back, term) && words(&back) <= words(term) + 2
            || !is_term(term)
        {
            return;
        }
        if is_numbered_label(term) {
            // "Stage 1: Is there an impairment…?": the label needs its
            // context, and has no reverse.
            let crumb = self.crumb(&block.section, None);
            let front = format!("{crumb}: what is {}?", decapitalize(term));
            self.push(
                block,
                line,
                Self::draft(CardKind::Definition, norm(term), front, back),
            );
            return;
        }
        let shown = self.shown(term);
        let front = match ask {
            "meant" => self.in_topic(&format!("what is meant by {shown}?")),
            _ => {
                let verb = if is_plural(term) { "are" } else { "is" };
                self.in_topic(&format!("what {verb} {shown}?"))
            }
        };
        let cue = norm(term);
        self.push(
            block,
            line,
            Self::draft(CardKind::Definition, cue.clone(), front, back.clone()),
        );
        let core = no_stop(&back);
        if words(core) <= 20 && !clean::contains_words(core, term) && !is_clause(core) {
            let ask = format!("which term means: {}?", decapitalize(core));
            let front = if self.mentions_topic(term) {
                capitalize(&ask)
            } else {
                self.in_topic(&ask)
            };
            let mut reverse = Self::draft(
                CardKind::Definition,
                format!("reverse:{cue}"),
                front,
                capitalize(term),
            );
            reverse.reverse_of = Some(format!("{}:{cue}", CardKind::Definition));
            self.push(block, line, reverse);
        }
    }

    fn term_item(&mut self, block: &Block, item: &Item) {
        if let Some((term, def)) = split_term(&item.text) {
            if let Some(acronym) = acronym_of_term(term, def) {
                self.acronym_card(block, item.line, &acronym.0, &acronym.1);
            }
            if !laws_in(term).is_empty() || ACT.is_match(term) {
                self.legislation(block, item.line, term, def, Some(term));
            } else {
                self.definition(block, item.line, term, def, "meant");
            }
            self.term_list(block, item, term, def);
            self.rest_of_definition(block, item.line, term, def);
            // What the definition mentions in passing: each acronym once
            // (a second card for one would repeat the first), each law
            // without the term and then with it.
            for (acronym, expansion) in acronyms_in(def) {
                self.acronym_card(block, item.line, &acronym, &expansion);
            }
            let laws = laws_in(def);
            for with_term in [None, Some(term)] {
                for name in &laws {
                    self.legislation(block, item.line, name, def, with_term);
                }
            }
        } else {
            self.prose(block, &item.text, item.line, 1);
        }
    }

    /// A definition that lists its parts ("six linked stages – a, b, c…")
    /// becomes a list card (or one cloze per part) under the term.
    fn term_list(&mut self, block: &Block, item: &Item, term: &str, def: &str) {
        let Some(items) = enumeration(def) else {
            return;
        };
        let list = List {
            label: Some(term.to_string()),
            ordered: false,
            items: items
                .iter()
                .map(|&(a, b)| Item {
                    text: def[a..b].to_string(),
                    line: item.line,
                    number: None,
                })
                .collect(),
            grouped: false,
        };
        self.members(block, &list);
    }

    /// What a long definition says after the part its card kept: a cloze
    /// of the rest, when it has a key term.
    fn rest_of_definition(&mut self, block: &Block, line: u32, term: &str, def: &str) {
        let kept = clean::trim_answer(def, MAX_ANSWER_WORDS).unwrap_or_default();
        let kept = no_stop(&kept);
        let Some(rest) = def.get(kept.len()..) else {
            return;
        };
        let rest = rest.trim_start_matches(|c: char| !c.is_alphanumeric());
        if words(rest) < 6 || !def.starts_with(kept) {
            return;
        }
        let crumb = self.crumb(&block.section, None);
        let sentence = close(&capitalize(rest));
        if let Some((start, end)) = self.gap(&sentence, &block.section) {
            let gap = sentence[start..end].trim().to_string();
            if words(&gap) == 0 || words(&gap) > 6 || clean::contains_words(term, &gap) {
                return;
            }
            let front = format!(
                "{crumb} › {term}: {}[...]{}",
                &sentence[..start],
                &sentence[end..]
            );
            if words(&front) > MAX_FRONT_WORDS {
                return;
            }
            let mut draft = Self::draft(
                CardKind::Cloze,
                format!("rest:{}:{}", norm(term), norm(&gap)),
                front,
                gap.clone(),
            );
            draft.cloze = Some(format!(
                "{crumb} › {term}: {}{{{{c1::{gap}}}}}{}",
                &sentence[..start],
                &sentence[end..]
            ));
            self.push(block, line, draft);
        }
    }

    /// Acts and acronyms mentioned anywhere in a piece of text.
    fn in_passing(&mut self, block: &Block, text: &str, line: u32) {
        self.in_passing_with_term(block, text, line, None);
    }

    fn in_passing_with_term(&mut self, block: &Block, text: &str, line: u32, term: Option<&str>) {
        for (acronym, expansion) in acronyms_in(text) {
            self.acronym_card(block, line, &acronym, &expansion);
        }
        for name in laws_in(text) {
            self.legislation(block, line, &name, text, term);
        }
    }

    fn acronym_card(&mut self, block: &Block, line: u32, acronym: &str, expansion: &str) {
        let front = self.in_topic(&format!("what does {acronym} stand for?"));
        let back = capitalize(expansion);
        self.push(
            block,
            line,
            Self::draft(CardKind::Acronym, format!("acronym:{acronym}"), front, back),
        );
    }

    fn legislation(
        &mut self,
        block: &Block,
        line: u32,
        name: &str,
        text: &str,
        term: Option<&str>,
    ) {
        let mut context = text.to_string();
        // The list of examples the name sits in says nothing about it.
        if let Some(m) = EXAMPLES_PAREN
            .find_iter(text)
            .find(|m| m.as_str().contains(name))
        {
            context = format!("{}{}", &text[..m.start()], &text[m.end()..]);
        } else if term.is_none() {
            // Running text: only what the sentence says the law does.
            match law_predicate(text, name) {
                Some(said) => context = said,
                None => return,
            }
        }
        let mut context = clean::plain(&context);
        for lead in [
            "Award credit for demonstrating ",
            "Award credit for evidencing ",
            "Award credit for showing ",
            "Award credit for ",
            "Knowledge of ",
            "Understanding ",
        ] {
            if let Some(rest) = context.strip_prefix(lead) {
                context = capitalize(rest);
                break;
            }
        }
        if norm(&context) == norm(name) || words(&context) < 3 {
            match term {
                Some(term) => context = term.to_string(),
                None => return,
            }
        } else if let Some(term) = term
            && !clean::contains_words(&context, term)
            && norm(term) != norm(name)
        {
            context = format!("{term}: {}", decapitalize(&context));
        }
        let Some(back) = clean::trim_answer(&capitalize(&context), MAX_ANSWER_WORDS) else {
            return;
        };
        if norm(&back) == norm(name) {
            return;
        }
        let name_shown = name.strip_prefix("The ").unwrap_or(name);
        let formal = ACT.find(name_shown).is_some_and(|m| m.start() > 0) && !name.starts_with("UK");
        let the = if formal { "the " } else { "" };
        let verb = if !formal && is_plural(name_shown) {
            "do"
        } else {
            "does"
        };
        let front = self.in_topic(&format!("why {verb} {the}{name_shown} matter?"));
        self.push(
            block,
            line,
            Self::draft(
                CardKind::Legislation,
                format!("law:{}", norm(name)),
                front,
                back,
            ),
        );
    }

    fn acronym_expansion(&mut self, block: &Block, list: &List, acronym: &str) {
        // The heading, unless it is only the acronym ("Tile" for TILE).
        let context = block
            .section
            .last()
            .filter(|s| !s.trim().eq_ignore_ascii_case(acronym))
            .map(|s| format!(" ({})", self.shown(s)))
            .unwrap_or_default();
        let letters: Vec<char> = acronym.chars().collect();
        let mut expansions = Vec::new();
        for (i, item) in list.items.iter().enumerate() {
            let letter = letters[i];
            let repeated = letters.iter().filter(|&&c| c == letter).count() > 1;
            let which = if repeated {
                format!(
                    "the {} {letter}",
                    ordinal(letters[..=i].iter().filter(|&&c| c == letter).count())
                )
            } else {
                letter.to_string()
            };
            let back = expansion_text(&item.text);
            // The expansion's words: "Situation", or "Pass on" in "**P**ass
            // on - record it".
            let word = match back.split_once(':') {
                Some((head, _)) if (1..=3).contains(&words(head)) => head.trim().to_string(),
                _ => back.split(' ').next().unwrap_or("").to_string(),
            };
            expansions.push(word);
            let front = format!("In {acronym}{context}, what does {which} stand for?");
            self.push(
                block,
                item.line,
                Self::draft(
                    CardKind::Acronym,
                    format!("acronym:{acronym}:{i}"),
                    front,
                    back,
                ),
            );
        }
        let front = self.in_topic(&format!("what does {acronym} stand for{context}?"));
        self.push(
            block,
            block.line,
            Self::draft(
                CardKind::Acronym,
                format!("acronym:{acronym}"),
                front,
                expansions.join(", "),
            ),
        );
    }

    fn ordered(&mut self, block: &Block, list: &List) {
        let label = list
            .label
            .clone()
            .or_else(|| block.section.last().cloned())
            .unwrap_or_else(|| "List".to_string());
        if label.ends_with('?') {
            return;
        }
        let crumb = self.crumb(&block.section, Some(&label));
        let (name_of, plain_label) = ordered_name(&label);
        let label_cue = norm(&plain_label);
        for item in &list.items {
            let Some(k) = item.number else { continue };
            let text = split_term(&item.text).map_or(item.text.as_str(), |(term, _)| term);
            let Some(back) = clean::trim_answer(&capitalize(text), MAX_ANSWER_WORDS) else {
                continue;
            };
            let cue = format!("{label_cue}:{k}");
            let name = name_of(k);
            let front = [crumb.as_str(), ": what is ", &name, "?"].concat();
            self.push(
                block,
                item.line,
                Self::draft(CardKind::OrderedItem, cue.clone(), front, back.clone()),
            );
            if words(text) <= 12 {
                let generic = name.replacen(&format!(" {k}"), "", 1);
                let front = [
                    crumb.as_str(),
                    ": which ",
                    &generic,
                    " is “",
                    no_stop(text),
                    "”?",
                ]
                .concat();
                let back = capitalize(&name);
                let mut reverse = Self::draft(
                    CardKind::OrderedItem,
                    ["reverse:", &cue].concat(),
                    front,
                    back,
                );
                reverse.reverse_of = Some(cue_key(CardKind::OrderedItem, &cue));
                self.push(block, item.line, reverse);
            }
        }
    }

    fn members(&mut self, block: &Block, list: &List) {
        let label = list
            .label
            .clone()
            .or_else(|| block.section.last().cloned())
            .unwrap_or_default();
        if label.is_empty() {
            for item in &list.items {
                self.prose(block, &item.text, item.line, 1);
            }
            return;
        }
        let own_heading = block.section.last().is_some_and(|s| *s == label);
        let crumb = self.crumb(&block.section, Some(&label));
        let n = list.items.len();
        let items: Vec<String> = list
            .items
            .iter()
            .map(|i| no_stop(&i.text).to_string())
            .collect();
        let joined = items.join("; ");
        let parent = if own_heading {
            block
                .section
                .len()
                .checked_sub(2)
                .map(|i| block.section[i].clone())
        } else {
            block.section.last().cloned()
        };
        let membership = list.grouped
            && !is_attribute_label(&label)
            && parent.is_some()
            && (n > SHORT_LIST || words(&joined) > MAX_ANSWER_WORDS);
        let label_cue = norm(&label);
        if n <= SHORT_LIST && words(&joined) <= MAX_ANSWER_WORDS {
            let front = if n == 1 {
                format!("{crumb}: what is listed under “{label}”?")
            } else {
                format!("{crumb}: name the {n} listed under “{label}”.")
            };
            self.push(
                block,
                block.line,
                Self::draft(
                    CardKind::ListMember,
                    format!("group:{label_cue}"),
                    front,
                    joined,
                ),
            );
        } else if !membership {
            for (i, item) in list.items.iter().enumerate() {
                // The whole list when it fits, else the neighbours of the gap.
                let Some((front, markup)) = [usize::MAX / 4, 2, 1].iter().find_map(|&reach| {
                    let (shown, markup) = cloze_list(&items, i, reach);
                    let front = [crumb.as_str(), " › ", &label, ": ", &shown].concat();
                    (words(&front) <= MAX_FRONT_WORDS).then_some((front, markup))
                }) else {
                    continue;
                };
                let mut draft = Self::draft(
                    CardKind::Cloze,
                    ["item:", &label_cue, ":", &norm(&item.text)].concat(),
                    front,
                    items[i].clone(),
                );
                draft.cloze = Some([crumb.as_str(), " › ", &label, ": ", &markup].concat());
                self.push(block, item.line, draft);
            }
        }
        if membership {
            let parent_crumb = self.crumb(
                &block.section[..block.section.len() - usize::from(own_heading)],
                None,
            );
            for (i, item) in list.items.iter().enumerate() {
                if words(&items[i]) > 12 || self.in_sibling_group(block, list, &item.text) {
                    continue;
                }
                let front = format!(
                    "{parent_crumb}: under which heading is “{}” listed?",
                    items[i]
                );
                self.push(
                    block,
                    item.line,
                    Self::draft(
                        CardKind::ListMember,
                        format!("member:{label_cue}:{}", norm(&item.text)),
                        front,
                        label.clone(),
                    ),
                );
            }
        }
    }

    /// Whether another group under the same heading lists the same item
    /// (then "which group?" has two answers).
    fn in_sibling_group(&self, block: &Block, list: &List, item: &str) -> bool {
        let parent = &block.section[..block.section.len().saturating_sub(1)];
        self.members
            .get(&(parent.to_vec(), norm(item)))
            .is_some_and(|labels| labels.iter().any(|l| Some(l) != list.label.as_ref()))
    }

    fn mcq(&mut self, block: &Block, mcq: &Mcq) {
        let back: Vec<&str> = mcq
            .correct
            .iter()
            .filter_map(|&i| mcq.options.get(i).map(String::as_str))
            .collect();
        let mut draft = Self::draft(
            CardKind::Mcq,
            format!("mcq:{}", norm(&mcq.question)),
            mcq.question.clone(),
            back.join("; "),
        );
        draft.options = mcq.options.clone();
        draft.correct = mcq.correct.clone();
        self.push(block, block.line, draft);
    }

    /// A question the document asks and answers: the card as written, the
    /// answer cut at a clause (or to its first sentence) when it is long.
    fn qa(&mut self, block: &Block, question: &str, answer: &str) {
        let answer = capitalize(answer.trim());
        let back = clean::trim_answer(&answer, MAX_ANSWER_WORDS).or_else(|| {
            clean::sentences(&answer)
                .into_iter()
                .next()
                .and_then(|first| clean::trim_answer(&first, MAX_ANSWER_WORDS))
        });
        let Some(back) = back else {
            return;
        };
        let draft = Self::draft(
            CardKind::Basic,
            format!("qa:{}", norm(question)),
            question.to_string(),
            back,
        );
        self.push(block, block.line, draft);
    }

    fn misconception(&mut self, block: &Block, item: &Item) {
        let text = no_stop(&item.text);
        let (front, back) = match split_misconception(text) {
            Some((mistake, Split::Truth, rest)) => (
                self.in_topic(&format!(
                    "a common mistake is {}. What is true instead?",
                    decapitalize(mistake)
                )),
                close(&capitalize(&rest)),
            ),
            Some((mistake, Split::Instead, rest)) => (
                self.in_topic(&format!("what is wrong with {}?", decapitalize(mistake))),
                close(&format!("It should be {rest}")),
            ),
            Some((mistake, Split::Consequence, rest)) => (
                self.in_topic(&format!("why is {} a mistake?", decapitalize(mistake))),
                close(&capitalize(&rest)),
            ),
            Some((mistake, Split::Missing, rest)) => (
                self.in_topic(&format!("why is {} a mistake?", decapitalize(mistake))),
                close(&format!("It leaves out {}", decapitalize(&rest))),
            ),
            None => {
                let Some((shown, gap, markup)) = misconception_gap(text) else {
                    return;
                };
                let lead = self.in_topic("a common mistake is");
                let mut draft = Self::draft(
                    CardKind::Misconception,
                    format!("mistake:{}", norm(text)),
                    format!("{lead}: {}.", decapitalize(&shown)),
                    gap,
                );
                draft.cloze = Some(format!("{lead}: {}.", decapitalize(&markup)));
                self.push(block, item.line, draft);
                return;
            }
        };
        let Some(back) = clean::trim_answer(&back, MAX_ANSWER_WORDS) else {
            return;
        };
        self.push(
            block,
            item.line,
            Self::draft(
                CardKind::Misconception,
                format!("mistake:{}", norm(text)),
                front,
                back,
            ),
        );
    }

    fn table(&mut self, block: &Block, header: &[String], rows: &[(u32, Vec<String>)]) {
        let crumb = self.crumb(&block.section, None);
        for (line, row) in rows {
            let Some(key) = row.first().filter(|k| !k.is_empty()) else {
                continue;
            };
            for (j, cell) in row.iter().enumerate().skip(1) {
                if cell.is_empty() {
                    continue;
                }
                let column = header.get(j).filter(|h| !h.is_empty());
                let front = match column {
                    Some(h) => format!("{crumb} › {key}: {}?", lower_title(h)),
                    None => format!("{crumb}: {key}?"),
                };
                let Some(back) = clean::trim_answer(cell, MAX_ANSWER_WORDS) else {
                    continue;
                };
                let cue = format!(
                    "table:{}:{}",
                    norm(key),
                    column.map(|h| norm(h)).unwrap_or_default()
                );
                self.push(block, *line, Self::draft(CardKind::Basic, cue, front, back));
            }
            self.in_passing(block, &row.join(" — "), *line);
        }
    }

    /// Running text: definitions first, then cloze cards for key sentences
    /// (at most `max_cloze` from this text).
    fn prose(&mut self, block: &Block, text: &str, line: u32, max_cloze: usize) {
        let mut clozes = 0;
        let sentences = clean::sentences(text);
        for (i, raw) in sentences.iter().enumerate() {
            // An essay paragraph that opens with a short label sentence
            // ("Agreed shared goals and values. The partnership can only…").
            if i == 0
                && self.kind == super::document::DocKind::Essay
                && sentences.len() > 1
                && (2..=7).contains(&words(raw))
                && raw.ends_with('.')
                && !is_pointing(raw)
                && !is_clause(&format!("x {raw}"))
                && raw.chars().next().is_some_and(char::is_uppercase)
            {
                let term = no_stop(raw);
                let rest = clean::strip_lead_in(&sentences[1]);
                if !clean::contains_words(&rest, term)
                    && let Some(back) = clean::trim_answer(&rest, MAX_ANSWER_WORDS)
                {
                    let front = self.in_topic(&format!("what does “{term}” involve?"));
                    self.push(
                        block,
                        line,
                        Self::draft(CardKind::Definition, norm(term), front, close(&back)),
                    );
                }
                continue;
            }
            if i == 0
                && let Some((term, rest)) = pseudo_heading(raw)
                && !clean::contains_words(rest, term)
            {
                let front = self.in_topic(&format!("what does “{term}” involve?"));
                if let Some(back) = clean::trim_answer(&capitalize(rest), MAX_ANSWER_WORDS) {
                    self.push(
                        block,
                        line,
                        Self::draft(CardKind::Definition, norm(term), front, close(&back)),
                    );
                }
            }
            let sentence = clean::strip_lead_in(&strip_pseudo_heading(raw));
            // "It can occur at…" after "Partnerships can occur…": the
            // pronoun stands for the subject before it.
            let sentence = match (
                i,
                resolve_pronoun(&sentence, i.checked_sub(1).map(|p| sentences[p].as_str())),
            ) {
                (_, Some(resolved)) => resolved,
                _ => sentence,
            };
            // "Implied consent is shown through…" under the tab "Implied consent".
            if let Some(title) = block.section.last()
                && let Some(rest) = strip_prefix_ci(&sentence, title)
                && let Some(def) = ["is ", "are ", "means ", "refers to "]
                    .iter()
                    .find_map(|v| rest.trim_start().strip_prefix(v))
                && words(def) >= 4
            {
                let title = title.clone();
                self.definition(block, line, &title, &close(&capitalize(def)), "what is");
                continue;
            }
            self.in_passing(block, &sentence, line);
            if let Some(caps) = KNOWN_AS.captures(&sentence)
                && i > 0
            {
                let term = caps[1].trim();
                let before = clean::strip_lead_in(&sentences[i - 1]);
                if words(&before) <= 30 && !is_pointing(&before) {
                    let front =
                        format!("What term describes the following: “{}”", no_stop(&before));
                    let front = format!("{front}?");
                    self.push(
                        block,
                        line,
                        Self::draft(CardKind::Definition, norm(term), front, capitalize(term)),
                    );
                }
                continue;
            }
            if let Some((description, term)) = known_as_inline(&sentence) {
                let description = close(&capitalize(description));
                self.definition(block, line, term, &description, "meant");
                continue;
            }
            if is_pointing(&sentence) || sentence.ends_with('?') || mentions_figure(&sentence) {
                continue;
            }
            // The appositive's length is checked here, not in the pattern:
            // a bounded repeat of a Unicode class is slow to compile.
            if let Some(caps) = APPOSITIVE.captures(&sentence)
                && caps[1].chars().count() <= 124
                && let Some(whole) = caps.get(0)
            {
                let term = noun_before(&sentence[..whole.start()]);
                if let Some(term) = term {
                    self.definition(block, line, &term, &caps[1], "what is");
                }
            }
            if let Some(caps) = DEFINES
                .captures(no_stop(&sentence))
                .or_else(|| IS_A.captures(no_stop(&sentence)))
            {
                let term = caps[1].to_string();
                let verb = &caps[2];
                if !is_pointing(&term) && words(&term) <= 6 && !term.contains(',') {
                    let def = if matches!(
                        verb,
                        "is" | "are" | "means" | "refers to" | "is defined as" | "is the term for"
                    ) {
                        caps[3].to_string()
                    } else {
                        format!("{} {}", verb, &caps[3])
                    };
                    self.definition(block, line, &term, &close(&capitalize(&def)), "what is");
                    continue;
                }
            }
            if self.inline_list(block, line, &sentence) {
                continue;
            }
            if clozes < max_cloze && self.cloze(block, line, &sentence) {
                clozes += 1;
            }
        }
    }

    /// "Partnership working takes three forms i.e. A, B, C and finally D."
    /// → one card asking for the items, when the sentence introduces a
    /// list of three or more.
    fn inline_list(&mut self, block: &Block, line: u32, sentence: &str) -> bool {
        let Some((lead, items)) = introduced_list(sentence) else {
            return false;
        };
        let back = items.join("; ");
        if words(&back) > MAX_ANSWER_WORDS + clean::SLACK {
            return false;
        }
        let lead = no_stop(lead);
        let front = if self.mentions_topic(lead) {
            format!("{lead}: name the {}.", items.len())
        } else {
            format!(
                "{}: {lead}: name the {}.",
                capitalize(&self.topic),
                items.len()
            )
        };
        if words(&front) > MAX_FRONT_WORDS {
            return false;
        }
        self.push(
            block,
            line,
            Self::draft(
                CardKind::ListMember,
                format!("inline:{}", norm(lead)),
                front,
                back,
            ),
        );
        true
    }

    /// A cloze card from one sentence, when it has a key term to blank.
    fn cloze(&mut self, block: &Block, line: u32, sentence: &str) -> bool {
        let n = words(sentence);
        // A paragraph's last sentence without a full stop was cut off
        // (list items need none).
        if matches!(block.body, Body::Paragraph(_))
            && !sentence.ends_with(['.', '!', '”', '’', ')'])
        {
            return false;
        }
        if !(7..=40).contains(&n) {
            return false;
        }
        let Some((start, end)) = self.gap(sentence, &block.section) else {
            return false;
        };
        let gap = sentence[start..end].trim().to_string();
        if words(&gap) > 8 || words(&gap) == 0 {
            return false;
        }
        let shown = format!("{}[...]{}", &sentence[..start], &sentence[end..]);
        let markup = format!(
            "{}{{{{c1::{}}}}}{}",
            &sentence[..start],
            &sentence[start..end],
            &sentence[end..]
        );
        let has_context = clean::contains_words(sentence, &self.topic) || {
            let names = proper_nouns(sentence);
            names.iter().any(|&(a, b)| self.is_setting(&sentence[a..b])) || names.len() >= 2
        };
        let (front, markup) = if has_context {
            (shown, markup)
        } else {
            // Headings that name the gap would give it away.
            let section: Vec<String> = block
                .section
                .iter()
                .filter(|s| !shares_content_word(s, &gap))
                .cloned()
                .collect();
            let mut crumb = self.crumb(&section, None);
            if words(&crumb) + words(&shown) > MAX_FRONT_WORDS {
                // Long headings: the topic alone is context enough.
                crumb = capitalize(&self.topic);
            }
            (format!("{crumb}: {shown}"), format!("{crumb}: {markup}"))
        };
        if words(&front) > MAX_FRONT_WORDS {
            return false;
        }
        let mut draft = Self::draft(
            CardKind::Cloze,
            format!(
                "cloze:{}:{}",
                norm(&gap),
                norm(sentence).chars().take(80).collect::<String>()
            ),
            front,
            gap,
        );
        draft.cloze = Some(markup);
        self.push(block, line, draft);
        true
    }

    /// Whether a name is the document's setting.
    fn is_setting(&self, name: &str) -> bool {
        let n = norm(name);
        self.setting
            .as_deref()
            .is_some_and(|s| n.split(' ').next() == Some(s))
    }

    /// The byte range of the best term to blank in a sentence: the first
    /// candidate, in order of preference, that survives [`refine_gap`].
    fn gap(&self, sentence: &str, section: &[String]) -> Option<(usize, usize)> {
        let laws = laws_in(sentence);
        let is_law = |s: usize, e: usize| {
            let t = sentence[s..e].trim();
            laws.iter().any(|l| l.contains(t))
                || laws.iter().any(|l| {
                    // A year right after an Act's name belongs to the name.
                    sentence[..s]
                        .trim_end()
                        .ends_with(l.trim_end_matches(|c: char| c.is_ascii_digit()).trim_end())
                })
        };
        self.first_gap(sentence, section, |(s, e)| {
            if is_law(s, e) {
                None
            } else {
                refine_gap(sentence, s, e)
            }
        })
    }

    /// Offers the places worth blanking in a sentence to `take`, best
    /// first, and returns what `take` makes of the first one it accepts.
    /// Places after that one are never looked for.
    fn first_gap(
        &self,
        sentence: &str,
        section: &[String],
        take: impl Fn((usize, usize)) -> Option<(usize, usize)>,
    ) -> Option<(usize, usize)> {
        let topic = self.topic_norm.as_str();
        let fits = |s: usize, e: usize| sentence.len() - (e - s) > 30;
        // 0. A quantity or time limit ("40–60 seconds", "72 hours").
        if let Some(m) = quantity(sentence)
            && let Some(gap) = take(m)
        {
            return Some(gap);
        }
        // 1. The words this sentence shares with its own (tab) heading.
        if let Some(title) = section.last()
            && let Some((s, e)) = shared_run(sentence, title)
            && !mentions(&self.topic, &sentence[s..e])
            && fits(s, e)
            && let Some(gap) = take((s, e))
        {
            return Some(gap);
        }
        // 2a. A date ("in November 2014").
        if let Some((s, e)) = date(sentence)
            && fits(s, e)
            && let Some(gap) = take((s, e))
        {
            return Some(gap);
        }
        // 2. A name of two words or more, other than the setting.
        let names = proper_nouns(sentence);
        for &(s, e) in &names {
            let name = &sentence[s..e];
            if name.contains(' ')
                && s > 0
                && !self.is_setting(name)
                && !name.starts_with("The ")
                && !is_person(name)
            {
                if let Some(gap) = take((s, e)) {
                    return Some(gap);
                }
                break;
            }
        }
        // 3. A key term of the document (longest first), looked up by the
        // sentence's words so long documents stay linear.
        let lower = sentence.to_lowercase();
        let mut candidates: Vec<usize> = norm(sentence)
            .split(' ')
            .filter_map(|w| self.key_index.get(w))
            .flatten()
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        for term in candidates.into_iter().map(|i| &self.key_terms[i]) {
            if norm(term) == topic || clean::words(term) > 5 {
                continue;
            }
            if let Some(pos) = find_words(&lower, &term.to_lowercase()) {
                let end = pos + term.len();
                if fits(pos, end) {
                    if let Some(gap) = take((pos, end)) {
                        return Some(gap);
                    }
                    break;
                }
            }
        }
        // 4. A name, other than the setting the sentence is about, or a
        // person in a case study.
        for &(s, e) in &names {
            let name = &sentence[s..e];
            if !self.is_setting(name) && !is_person(name) && !is_author(sentence, e) {
                let s = if name.starts_with("The ") { s + 4 } else { s };
                if let Some(gap) = take((s, e)) {
                    return Some(gap);
                }
            }
        }
        // 5. An example given with "such as" / "e.g.", or a short list.
        if let Some(m) = EXAMPLE_INLINE.captures(sentence).and_then(|c| c.get(1))
            && words(m.as_str()) <= 4
            && norm(m.as_str()) != topic
            && let Some(gap) = take((m.start(), m.end()))
        {
            return Some(gap);
        }
        if let Some(m) = ENUMERATION.find(sentence) {
            let mut start = m.start();
            for w in m.as_str().split(' ') {
                if SMALL.contains(&w) {
                    start += w.len() + 1;
                } else {
                    break;
                }
            }
            let list = &sentence[start..m.end()];
            let clean_items = list
                .split(',')
                .flat_map(|p| p.split(" and ").flat_map(|q| q.split(" or ")))
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .all(|item| {
                    words(item) <= 2
                        && !item.starts_with("to ")
                        && !item
                            .split(' ')
                            .any(|w| is_verb_form(w) || PLAIN_WORDS.contains(&w))
                });
            let at_word = sentence[..start].ends_with(' ') || start == 0;
            // The list must end where its last item ends ("…, stop and ask
            // your manager" is not a list of three).
            let after = sentence[m.end()..].trim_start();
            let ends_clean = after.is_empty()
                || after.starts_with(|c: char| !c.is_alphanumeric())
                || after.split_whitespace().next().is_some_and(|w| {
                    SMALL.contains(&w) || ["for", "when", "if", "because"].contains(&w)
                });
            let at_word = at_word && ends_clean;
            if start < m.end()
                && at_word
                && clean_items
                && words(list) <= 8
                && fits(start, m.end())
                && let Some(gap) = take((start, m.end()))
            {
                return Some(gap);
            }
        }
        // 6. A short complement closing the sentence ("… is independence").
        if let Some(m) = COMPLEMENT.captures(sentence).and_then(|c| c.get(1)) {
            let first = m.as_str().split(' ').next().unwrap_or("");
            if !is_verb_form(first)
                && !SMALL.contains(&m.as_str())
                && let Some(gap) = take((m.start(), m.end()))
            {
                return Some(gap);
            }
        }
        // 7. The most specific phrase: the longest run of two or three
        // content words with a long word among them.
        if let Some(span) = specific_phrase(sentence)
            && fits(span.0, span.1)
            && let Some(gap) = take(span)
        {
            return Some(gap);
        }
        // 8. The setting itself.
        if let Some(&(s, e)) = names.first()
            && fits(s, e)
            && !is_person(&sentence[s..e])
            && !is_author(sentence, e)
            && let Some(gap) = take((s, e))
        {
            return Some(gap);
        }
        None
    }
}

/// The key a draft's kind and cue are told apart by (`kind:cue`), as
/// `format!("{kind}:{cue}")` writes it, without the formatting machinery:
/// every draft makes one.
fn cue_key(kind: CardKind, cue: &str) -> String {
    [kind.as_str(), ":", cue].concat()
}

/// The longest run of two or three content words (no function words,
/// verb forms or generic words) with a word of seven letters or more.
fn specific_phrase(sentence: &str) -> Option<(usize, usize)> {
    let spans = word_spans(sentence);
    let content = |&(s, e): &(usize, usize)| {
        let w = sentence[s..e].to_lowercase();
        w.chars().all(char::is_alphabetic)
            && !SMALL.contains(&w.as_str())
            && !super::GENERIC.contains(&w.as_str())
            && !is_verb_form(&w)
            && !w.ends_with("ly")
            && !POINTING.contains(&w.as_str())
            && !PLAIN_WORDS.contains(&w.as_str())
    };
    // A phrase that starts with a common verb is an action, not a term.
    static VERBS: Words = Words::new(&[
        "involve",
        "provide",
        "value",
        "help",
        "make",
        "take",
        "give",
        "keep",
        "use",
        "ensure",
        "share",
        "agree",
        "advise",
        "report",
        "arrange",
        "contact",
        "tell",
        "ask",
        "allow",
        "enable",
        "protect",
        "promote",
        "understand",
        "consider",
        "communicate",
        "encourage",
        "identify",
        "explain",
        "listen",
        "follow",
        "avoid",
        "check",
        "treat",
        "deliver",
    ]);
    let mut best: Option<(usize, usize, usize)> = None;
    let mut i = 0;
    while i < spans.len() {
        if !content(&spans[i]) || i == 0 {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < spans.len() && j + 1 < i + 3 && content(&spans[j + 1]) {
            // Stay inside one clause.
            if sentence[spans[j].1..spans[j + 1].0].trim().is_empty() {
                j += 1;
            } else {
                break;
            }
        }
        let long = spans[i..=j].iter().any(|&(s, e)| e - s >= 7);
        let first = sentence[spans[i].0..spans[i].1].to_lowercase();
        let verb_led = VERBS.contains(&first.as_str())
            || first.strip_suffix('s').is_some_and(|f| VERBS.contains(f));
        let long = long && !verb_led;
        let letters = spans[j].1 - spans[i].0;
        // A noun phrase: after a determiner or preposition, and ending at
        // punctuation or before a function word.
        let before = sentence[..spans[i].0]
            .split_whitespace()
            .next_back()
            .unwrap_or("");
        let opens = DETERMINERS.contains_lower(before);
        let after = &sentence[spans[j].1..];
        // …and not cut short before a common noun ("special dietary
        // [needs]").
        let closes = !after
            .split_whitespace()
            .next()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .is_some_and(|w| super::GENERIC.contains(&w.as_str()) && !after.starts_with(','));
        if j > i && long && opens && closes && best.is_none_or(|b| letters > b.2) {
            best = Some((spans[i].0, spans[j].1, letters));
        }
        i = j + 1;
    }
    best.map(|(s, e, _)| (s, e))
}

/// A person in a case study ("Mrs D", "Mrs D’s son"): never the point.
fn is_person(name: &str) -> bool {
    ["Mr ", "Mrs ", "Ms ", "Miss ", "Dr "]
        .iter()
        .any(|t| name.starts_with(t))
        || name.contains("'s")
        || name.contains("’s")
}

/// Whether the name ending at byte `end` is an author: a reporting verb
/// follows ("Morgan and Reid stress that…").
fn is_author(sentence: &str, end: usize) -> bool {
    static REPORTING: Words = Words::new(&[
        "stress",
        "stresses",
        "argue",
        "argues",
        "note",
        "notes",
        "suggest",
        "suggests",
        "found",
        "finds",
        "state",
        "states",
        "report",
        "reports",
        "claim",
        "claims",
        "explain",
        "explains",
        "highlight",
        "highlights",
        "observe",
        "observes",
        "recommend",
        "recommends",
        "emphasise",
        "emphasises",
        "conclude",
        "concludes",
    ]);
    sentence[end..]
        .split_whitespace()
        .next()
        .is_some_and(|w| REPORTING.contains(&w.trim_matches(|c: char| !c.is_alphanumeric())))
}

/// Words that open a noun phrase.
static DETERMINERS: Words = Words::new(&[
    "the", "a", "an", "of", "in", "with", "for", "by", "to", "on", "at", "from", "their", "its",
    "his", "her", "our", "your", "this", "that", "these", "those", "about", "through", "into",
    "under", "between", "and", "or",
]);

/// Whether a word looks like a verb form ("given", "required", "making").
fn is_verb_form(word: &str) -> bool {
    let w = clean::lowercase(word);
    w.ends_with("ing")
        || w.ends_with("ed")
        || (w.ends_with("en") && w.len() > 4)
        || [
            "said", "done", "known", "not", "made", "kept", "told", "shown", "seen", "met", "held",
            "left", "set", "put", "paid", "sent", "spent", "built", "meant",
        ]
        .contains(&&*w)
}

/// A gap without filler at its edges, or `None` when what is left is not
/// worth asking for (a function word, a verb, a short common word).
fn refine_gap(sentence: &str, mut s: usize, mut e: usize) -> Option<(usize, usize)> {
    static EDGE: Words = Words::new(&[
        "through",
        "via",
        "such",
        "as",
        "including",
        "because",
        "for",
        "example",
        "among",
        "others",
        "e.g.",
        "i.e.",
        "etc",
        "etc.",
        "also",
        "only",
        "just",
        "very",
        "up",
        "down",
    ]);
    loop {
        let gap = &sentence[s..e];
        let first = gap.split(' ').next().unwrap_or("");
        let lower = first.to_lowercase();
        if gap.contains(' ') && (SMALL.contains(&lower.as_str()) || EDGE.contains(&lower.as_str()))
        {
            s += first.len() + 1;
            continue;
        }
        let last = gap.rsplit(' ').next().unwrap_or("");
        let lower = last.to_lowercase();
        if gap.contains(' ') && (SMALL.contains(&lower.as_str()) || EDGE.contains(&lower.as_str()))
        {
            e -= last.len() + 1;
            continue;
        }
        break;
    }
    let gap = sentence[s..e].trim_end_matches([',', ';', ':']);
    e = s + gap.len();
    let single = !gap.contains(' ');
    let lower = gap.to_lowercase();
    let upper = gap.chars().next().is_some_and(char::is_uppercase);
    let number = gap.chars().any(|c| c.is_ascii_digit());
    if gap.is_empty()
        || SMALL.contains(&lower.as_str())
        || PLAIN_WORDS.contains(&lower.as_str())
        || gap.contains(['(', ')'])
        || super::GENERIC.contains(&lower.as_str())
        || (single && is_verb_form(gap) && !upper)
        || (single && gap.len() < 5 && !upper && !number)
        || words(gap) > 8
    {
        return None;
    }
    Some((s, e))
}

/// A sentence that introduces a list ("… take three forms i.e. a, b, c and
/// finally d"): the introduction and the items (three or more, at most
/// eight words each).
fn introduced_list(sentence: &str) -> Option<(&str, Vec<String>)> {
    // Markers after which a list runs to the end of the sentence ("such
    // as" and "including" lists usually stop mid-sentence).
    const MARKERS: &[&str] = &[
        " i.e. ",
        " i.e ",
        ": ",
        " include ",
        " includes ",
        " namely ",
        ", including ",
        ", such as ",
    ];
    let (pos, marker) = MARKERS
        .iter()
        .filter_map(|m| sentence.find(m).map(|p| (p, *m)))
        .min_by_key(|(p, _)| *p)?;
    let lead = sentence[..pos].trim_end_matches([',', ' ']);
    let rest = no_stop(&sentence[pos + marker.len()..]);
    if words(lead) < 3 || words(lead) > 20 {
        return None;
    }
    let mut parts: Vec<&str> = rest.split(", ").collect();
    let joined_last = parts
        .last()
        .is_some_and(|p| p.starts_with("and ") || p.starts_with("or "));
    // Three comma-separated parts, or two with ", and …" (not one clause
    // and a participle), and the joining "and"/"or" only at the end: a list
    // that runs to the end of the sentence.
    let enough = parts.len() >= 3 || (parts.len() == 2 && joined_last);
    let joins_early = parts[..parts.len().saturating_sub(1)]
        .iter()
        .any(|p| p.contains(" and ") || p.contains(" or "));
    let mid_sentence_marker = marker.starts_with(',');
    if !enough || (joins_early && mid_sentence_marker) || lead.ends_with(',') {
        return None;
    }
    let last = parts.pop()?;
    // "…, and finally d" already stands apart; "… c and d" does not.
    let joined = ["and finally ", "and ", "or "]
        .iter()
        .find_map(|c| last.strip_prefix(c));
    let tail: Vec<&str> = match joined {
        Some(item) => vec![item],
        None => match last
            .split_once(" and finally ")
            .or_else(|| last.split_once(" and "))
            .or_else(|| last.split_once(" or "))
        {
            Some((a, b)) => vec![a, b],
            None => vec![last],
        },
    };
    parts.extend(tail);
    let items: Vec<String> = parts
        .iter()
        .map(|p| {
            let p = p.trim();
            let p = p
                .strip_prefix("and finally ")
                .or_else(|| p.strip_prefix("finally "))
                .or_else(|| p.strip_prefix("and "))
                .unwrap_or(p);
            capitalize(p.strip_prefix("the ").unwrap_or(p))
        })
        .filter(|p| !p.is_empty())
        .collect();
    let good = items.len() >= 3
        && items
            .iter()
            .all(|i| (1..=12).contains(&words(i)) && !i.contains(';'));
    good.then_some((lead, items))
}

/// The items of the longest inline list in a text ("a, b, c and d"), as
/// byte ranges, when it has three items or more of at most four words.
fn enumeration(text: &str) -> Option<Vec<(usize, usize)>> {
    static LEADS: Words = Words::new(&[
        "consider",
        "include",
        "includes",
        "including",
        "such",
        "as",
        "are",
        "is",
        "through",
        "be",
        "like",
        "e.g.",
        "i.e.",
        "namely",
        "from",
    ]);
    let mut best: Option<Vec<(usize, usize)>> = None;
    let bytes = text.as_bytes();
    let mut start = 0;
    let ends = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()));
    for end in ends {
        let boundary = end == bytes.len()
            || matches!(bytes[end], b';' | b':' | b'(' | b')' | b'.')
            || text[end..].starts_with(" – ")
            || text[end..].starts_with(" - ");
        if !boundary {
            continue;
        }
        let clause = &text[start..end];
        let mut items: Vec<(usize, usize)> = Vec::new();
        let mut bad = false;
        let mut offset = start;
        let parts: Vec<&str> = clause.split(", ").collect();
        for (k, part) in parts.iter().enumerate() {
            let part_start = offset;
            offset += part.len() + 2;
            let mut pieces = vec![(part_start, *part)];
            if k == parts.len() - 1 || k == parts.len() - 2 {
                for joint in [" and ", " or "] {
                    if let Some(pos) = part.find(joint) {
                        let tail = &part[pos + joint.len()..];
                        let tail_start = part_start + pos + joint.len();
                        pieces = vec![(part_start, &part[..pos]), (tail_start, tail)];
                        break;
                    }
                }
            }
            for (ps, piece) in pieces {
                let trimmed = piece
                    .trim_start_matches(|c: char| !c.is_alphanumeric())
                    .trim_start_matches("and ")
                    .trim_start_matches("or ");
                let lead = ps + (piece.len() - trimmed.len());
                let piece = trimmed;
                let mut s = lead;
                let mut item = piece;
                if items.is_empty() && words(piece) > 4 {
                    // The first item follows its lead-in ("consider translators").
                    let cut = piece
                        .split(' ')
                        .collect::<Vec<_>>()
                        .iter()
                        .rposition(|w| LEADS.contains_lower(w) || SMALL.contains_lower(w));
                    let Some(cut) = cut else { continue };
                    let skip: usize = piece.split(' ').take(cut + 1).map(|w| w.len() + 1).sum();
                    if skip >= piece.len() {
                        continue;
                    }
                    s += skip;
                    item = &piece[skip..];
                }
                let item = item.trim_end();
                let edge = |w: Option<&str>| w.is_some_and(|w| SMALL.contains_lower(w));
                let lead_word = item
                    .split(' ')
                    .next()
                    .is_some_and(|w| LEADS.contains_lower(w));
                if words(item) == 0
                    || words(item) > 3
                    || edge(item.split(' ').next())
                    || edge(item.rsplit(' ').next())
                    || lead_word
                {
                    // One item that is not a list entry: the clause is not a list.
                    items.clear();
                    bad = true;
                    break;
                }
                items.push((s, s + item.len()));
            }
            if bad {
                break;
            }
        }
        let has_joint = clause.contains(" and ") || clause.contains(" or ");
        if items.len() >= 3 && has_joint && best.as_ref().is_none_or(|b| items.len() > b.len()) {
            best = Some(items);
        }
        start = end + 1;
    }
    best
}

/// `text` without a leading `prefix` (ignoring case), at a word boundary.
fn strip_prefix_ci<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    let n = prefix.len();
    let head = text.get(..n)?;
    let rest = &text[n..];
    (head.eq_ignore_ascii_case(prefix) && rest.starts_with(' ')).then_some(rest)
}

/// The term and text of a paragraph that opens with a pseudo-heading
/// ("Apology- the regulation requires…").
fn pseudo_heading(sentence: &str) -> Option<(&str, &str)> {
    let pos = sentence.find("- ")?;
    let term = sentence[..pos].trim();
    let rest = sentence[pos + 2..].trim();
    let first = term.chars().next()?;
    (pos > 0
        && !sentence[..pos].ends_with(' ')
        && first.is_uppercase()
        && (1..=4).contains(&words(term))
        && words(rest) >= 5)
        .then_some((term, rest))
}

/// "Independence- another key element is…" → "another key element is…":
/// a pseudo-heading glued to the start of a paragraph.
fn strip_pseudo_heading(sentence: &str) -> String {
    if let Some(pos) = sentence.find("- ")
        && pos > 0
        && !sentence[..pos].ends_with(' ')
        && words(&sentence[..pos]) <= 4
        && words(&sentence[pos + 2..]) >= 5
    {
        return capitalize(sentence[pos + 2..].trim());
    }
    sentence.to_string()
}

/// The longest run of words a sentence shares with a heading, as a byte
/// range of the sentence (at least one word of four letters or more).
fn shared_run(sentence: &str, heading: &str) -> Option<(usize, usize)> {
    let head: Vec<String> = norm(heading).split(' ').map(str::to_string).collect();
    let tokens: Vec<(usize, usize)> = word_spans(sentence);
    let mut best: Option<(usize, usize, usize)> = None;
    for i in 0..tokens.len() {
        for j in i..tokens.len().min(i + 5) {
            let run: Vec<String> = tokens[i..=j]
                .iter()
                .map(|&(s, e)| sentence[s..e].to_lowercase())
                .collect();
            let found = head.windows(run.len()).any(|w| w == run.as_slice());
            if !found {
                break;
            }
            let first = &run[0];
            let last = &run[run.len() - 1];
            let content = run.iter().any(|w| {
                w.len() >= 5
                    && !SMALL.contains(&w.as_str())
                    && !super::GENERIC.contains(&w.as_str())
                    && !PLAIN_WORDS.contains(&w.as_str())
            });
            let single_lower = run.len() == 1
                && !sentence[tokens[i].0..tokens[i].1]
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase);
            if content
                && !single_lower
                && !SMALL.contains(&first.as_str())
                && !SMALL.contains(&last.as_str())
            {
                let len = j - i + 1;
                if best.is_none_or(|b| len > b.2) {
                    best = Some((tokens[i].0, tokens[j].1, len));
                }
            }
        }
    }
    best.map(|(s, e, _)| (s, e))
}

/// Byte spans of the words (letters, digits, `-`, `'`) of a text.
fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        let part = c.is_alphanumeric() || c == '-' || c == '\'' || c == '’';
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// A Title Case term as it reads inside a sentence ("Person-Centred
/// Care" → "person-centred care"); acronyms and other text unchanged.
pub fn lower_title(term: &str) -> String {
    let words: Vec<&str> = term.split_whitespace().collect();
    let capitalised = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    if words.len() >= 2 && capitalised * 2 > words.len() {
        words
            .iter()
            .map(|w| {
                let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
                let acronym = bare.chars().filter(|c| c.is_uppercase()).count() >= 2
                    && bare.chars().filter(|c| c.is_lowercase()).count() <= 1;
                if acronym {
                    w.to_string()
                } else {
                    w.to_lowercase()
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        decapitalize(term)
    }
}

/// How a misconception bullet divides into the mistake and its correction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Split {
    Truth,
    Instead,
    Consequence,
    Missing,
}

fn split_misconception(text: &str) -> Option<(&str, Split, String)> {
    // (separator, kind, bytes of the separator to drop from the rest)
    const SEPARATORS: &[(&str, Split, usize)] = &[
        ("; ", Split::Truth, 2),
        (" – ", Split::Truth, 3),
        (", rather than ", Split::Instead, 14),
        (" rather than ", Split::Instead, 13),
        (", instead of ", Split::Instead, 13),
        (", thus ", Split::Consequence, 7),
        (", which ", Split::Consequence, 8),
        (", leaving ", Split::Consequence, 2),
        (", ignoring ", Split::Consequence, 2),
        (", leading to ", Split::Consequence, 2),
        (", causing ", Split::Consequence, 2),
        (", resulting in ", Split::Consequence, 2),
        (", so ", Split::Consequence, 5),
        (" without ", Split::Missing, 9),
    ];
    let (pos, sep, split, drop) = SEPARATORS
        .iter()
        .filter_map(|(sep, split, drop)| text.find(sep).map(|pos| (pos, *sep, *split, *drop)))
        .min_by_key(|(pos, ..)| *pos)?;
    let mistake = text[..pos].trim();
    let rest = text[pos + drop..].trim();
    if words(mistake) < 3 || words(rest) < 2 {
        return None;
    }
    let rest = if sep == ", which " {
        format!("It {rest}")
    } else {
        rest.to_string()
    };
    Some((mistake, split, rest))
}

/// A gap for a misconception with no stated correction: the object after
/// its leading verb ("Overlooking the need to involve [...] as equal
/// partners").
fn misconception_gap(text: &str) -> Option<(String, String, String)> {
    static STOPS: Words = Words::new(&[
        "as", "in", "on", "over", "with", "without", "for", "from", "by", "when", "to", "at",
        "into", "because", "so", "not", "or", "before", "after", "is", "are",
    ]);
    let tokens: Vec<(usize, &str)> = clean::word_offsets(text).collect();
    let mut i = 1;
    for skip in [["the", "need", "to"].as_slice(), &["to"], &["that"]] {
        let matches = tokens.len() > i + skip.len()
            && skip
                .iter()
                .enumerate()
                .all(|(k, w)| tokens[i + k].1.eq_ignore_ascii_case(w));
        if matches {
            i += skip.len() + usize::from(skip.last() == Some(&"to"));
            break;
        }
    }
    while i < tokens.len() && ["the", "a", "an", "all", "any"].contains(&tokens[i].1) {
        i += 1;
    }
    let start_i = i;
    while i < tokens.len() {
        let w = tokens[i].1.to_lowercase();
        if STOPS.contains(&w.trim_matches(|c: char| !c.is_alphanumeric())) {
            break;
        }
        i += 1;
        if tokens[i - 1].1.ends_with(',') {
            break;
        }
    }
    if i <= start_i || i - start_i > 6 || tokens.len() - (i - start_i) < 4 {
        return None;
    }
    let start = tokens[start_i].0;
    let last = tokens[i - 1];
    let end = last.0 + last.1.trim_end_matches([',', '.', ';']).len();
    let gap = text[start..end].to_string();
    Some((
        format!("{}[...]{}", &text[..start], &text[end..]),
        gap.clone(),
        format!("{}{{{{c1::{gap}}}}}{}", &text[..start], &text[end..]),
    ))
}

fn close(s: &str) -> String {
    let s = s.trim();
    if s.ends_with(['.', '!', '?']) {
        s.to_string()
    } else {
        format!("{s}.")
    }
}

fn ordinal(n: usize) -> &'static str {
    ["first", "second", "third", "fourth", "fifth"]
        .get(n.saturating_sub(1))
        .copied()
        .unwrap_or("next")
}

/// "Situation - What's happening?" → "Situation: what's happening?"
fn expansion_text(item: &str) -> String {
    for sep in [" - ", " – ", " — ", ": ", "- "] {
        if let Some((head, tail)) = item.split_once(sep) {
            return format!("{}: {}", head.trim(), decapitalize(tail.trim()));
        }
    }
    item.trim().to_string()
}

/// The acronym a list spells out, letter by letter (`SBAR` with items
/// Situation, Background, Assessment, Recommendation).
fn acronym_list(list: &List, heading: Option<&String>) -> Option<String> {
    let spells = |acronym: &str| {
        acronym.len() == list.items.len()
            && acronym.chars().zip(&list.items).all(|(letter, item)| {
                item.text
                    .chars()
                    .next()
                    .is_some_and(|c| c.eq_ignore_ascii_case(&letter))
            })
    };
    if let Some(acronym) = list.label.as_deref().and_then(|label| {
        label
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() >= 2 && w.len() <= 8 && w.chars().all(|c| c.is_ascii_uppercase()))
            .find(|acronym| spells(acronym))
    }) {
        return Some(acronym.to_string());
    }
    // A list under a one-word heading or label (`### TILE:`, which reads
    // "Tile" once the heading's capitals are undone) that the items' first
    // letters spell, three letters or more.
    let word = list
        .label
        .as_deref()
        .or(heading.map(String::as_str))?
        .trim();
    (word.len() >= 3
        && word.len() <= 8
        && word.chars().all(|c| c.is_ascii_alphabetic())
        && spells(word))
    .then(|| word.to_ascii_uppercase())
}

/// Whether most items read `Term: definition`.
fn is_term_list(list: &List) -> bool {
    let terms = list
        .items
        .iter()
        .filter(|i| split_term(&i.text).is_some())
        .count();
    terms >= 1 && terms * 2 > list.items.len()
}

/// Whether the items are sentences rather than list entries.
fn is_prose_list(list: &List) -> bool {
    let total: usize = list.items.iter().map(|i| words(&i.text)).sum();
    !list.items.is_empty() && total / list.items.len() >= 10
}

/// `Term: definition` (or `Term - definition`) with a short term.
fn split_term(text: &str) -> Option<(&str, &str)> {
    // The term's first character is the text's: told before any search.
    let first = text.trim_start().chars().next()?;
    if !(first.is_uppercase() || first.is_ascii_digit()) {
        return None;
    }
    let (term, def) = clean::split_once_at(text, ": ")
        .or_else(|| clean::split_once_at(text, " - "))
        .or_else(|| clean::split_once_at(text, " – "))?;
    let term = term.trim();
    let def = def.trim();
    let first = term.chars().next()?;
    (first.is_uppercase() || first.is_ascii_digit())
        .then_some(())
        .filter(|_| words(term) <= 8 && words(def) >= 3 && !term.ends_with('.'))
        .map(|_| (term, def))
}

/// An acronym term whose definition spells it out ("CQC: Care Quality
/// Commission, the regulator…").
fn acronym_of_term(term: &str, def: &str) -> Option<(String, String)> {
    let acronym: String = term.chars().filter(|c| !c.is_whitespace()).collect();
    if acronym.len() < 2 || acronym.len() > 8 || !acronym.chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    let words: Vec<&str> = def.split_whitespace().take(acronym.len() + 4).collect();
    let expansion = expand(&acronym, &words)?;
    Some((acronym, expansion))
}

/// Acronyms defined in passing: "continuous professional development (CPD)".
pub fn acronyms_in(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if !text.contains('(') {
        return out;
    }
    for caps in ACRONYM_PAREN.captures_iter(text) {
        let (Some(whole), Some(acronym)) = (caps.get(0), caps.get(1)) else {
            continue;
        };
        let acronym = acronym.as_str();
        let upper: String = acronym.chars().filter(char::is_ascii_uppercase).collect();
        let before: Vec<&str> = text[..whole.start()].split_whitespace().collect();
        let take = before.len().min(upper.len() + 5);
        let window = &before[before.len() - take..];
        // Try the shortest run of trailing words that spells the acronym.
        for start in (0..window.len()).rev() {
            if let Some(expansion) = expand(&upper, &window[start..]) {
                out.push((acronym.to_string(), expansion));
                break;
            }
        }
    }
    out
}

/// The words, cleaned, if their initials (and letters inside a word, in
/// order, for words like "Multidisciplinary") spell `letters`.
fn expand(letters: &str, words: &[&str]) -> Option<String> {
    let cleaned: Vec<String> = words
        .iter()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
                .to_string()
        })
        .collect();
    let first = cleaned.first()?;
    if SMALL.contains_lower(first) || first.is_empty() {
        return None;
    }
    let letters: Vec<char> = letters.to_lowercase().chars().collect();
    if covers(&letters, &cleaned) {
        Some(cleaned.join(" "))
    } else {
        None
    }
}

fn covers(letters: &[char], words: &[String]) -> bool {
    match (letters.first(), words.first()) {
        (None, None) => true,
        (None, Some(_)) => false,
        (Some(_), None) => false,
        (Some(&l), Some(word)) => {
            let lower = word.to_lowercase();
            let rest = &words[1..];
            if SMALL.contains(&lower.as_str()) && covers(letters, rest) {
                return true;
            }
            if !lower.starts_with(l) {
                return false;
            }
            // A word covers its initial and, optionally, more letters that
            // appear later in it ("Multidisciplinary" covers M and D).
            let chars: Vec<char> = lower.chars().collect();
            let mut k = 1;
            let mut pos = 1;
            if covers(&letters[1..], rest) {
                return true;
            }
            while k < letters.len() {
                let Some(found) = chars[pos..].iter().position(|&c| c == letters[k]) else {
                    break;
                };
                pos += found + 1;
                k += 1;
                if covers(&letters[k..], rest) {
                    return true;
                }
            }
            false
        }
    }
}

/// Names of Acts, regulations and named policies in a text.
pub fn laws_in(text: &str) -> Vec<String> {
    // A name ends in one of these words, or is given in brackets: one
    // pass over the text finds whether there can be one.
    static MARKERS: LazyLock<AhoCorasick> = LazyLock::new(|| {
        AhoCorasick::new([
            "Act",
            "Regulation",
            "Directive",
            "Charter",
            "Convention",
            "GDPR",
            "(",
        ])
        .expect("valid built-in markers")
    });
    let mut out: Vec<String> = Vec::new();
    if !MARKERS.is_match(text) {
        return out;
    }
    let tokens: Vec<(usize, &str)> = clean::word_offsets(text).collect();
    for m in ACT.find_iter(text) {
        // Walk back over capitalised words and connectors.
        let Some(idx) = tokens.iter().rposition(|(s, _)| *s <= m.start()) else {
            continue;
        };
        let mut first = idx;
        while first > 0 {
            let w = tokens[first - 1]
                .1
                .trim_matches(|c: char| "(“‘\"'".contains(c));
            let bare = w.trim_end_matches([',', ';', ':']);
            // "Reporting of Injuries, Diseases and …": a comma after a
            // capitalised word inside a name.
            let comma_in_name = w.ends_with(',')
                && bare.len() + 1 == w.len()
                && bare.chars().next().is_some_and(char::is_uppercase)
                && !bare.chars().any(|c| c.is_ascii_digit())
                && !ACT.is_match(bare)
                && tokens[first..=idx].iter().any(|(_, t)| *t == "and");
            if bare.len() != w.len() && !comma_in_name {
                break;
            }
            let capital = bare.chars().next().is_some_and(char::is_uppercase);
            let connector =
                ["of", "and", "for", "on", "in", "to", "the", "at", "etc."].contains(&w);
            if !(capital || connector) {
                break;
            }
            first -= 1;
        }
        while first < idx
            && ["of", "and", "for", "on", "in", "to", "the", "The"].contains(&tokens[first].1)
        {
            first += 1;
        }
        if first == idx && !m.as_str().starts_with("GDPR") {
            continue;
        }
        let start = tokens[first].0;
        let start = start
            + text[start..]
                .find(|c: char| c.is_alphanumeric())
                .unwrap_or(0);
        let name = text[start..m.end()]
            .trim_end_matches(|c: char| !c.is_alphanumeric())
            .to_string();
        let mut name = name.replace(['(', ')'], "");
        for lead in [
            "Under ", "In ", "By ", "From ", "With ", "Within ", "Through ", "Of ", "And ",
        ] {
            if let Some(rest) = name.strip_prefix(lead) {
                name = rest.trim_start_matches("the ").to_string();
            }
        }
        if !out.contains(&name) && words(&name) >= 2 {
            out.push(name);
        }
    }
    // Named policies given as examples of legislation or guidance.
    let lower = text.to_lowercase();
    if [
        "legislation",
        "polic",
        "guidance",
        "framework",
        "law",
        "drivers",
    ]
    .iter()
    .any(|k| lower.contains(k))
    {
        for caps in EXAMPLES_PAREN.captures_iter(text) {
            for part in caps[1].split(',') {
                let part = part.trim().trim_start_matches("and ").trim();
                let capitalised = part
                    .split_whitespace()
                    .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                    .count();
                if words(part) >= 2
                    && capitalised * 2 >= words(part)
                    && !out.iter().any(|o| o == part)
                {
                    out.push(part.to_string());
                }
            }
        }
    }
    out
}

/// The byte ranges of proper nouns: runs of capitalised words that are
/// not the sentence's first word alone (a first word counts when the next
/// word is capitalised too: "Beechfield Lodge").
fn proper_nouns(sentence: &str) -> Vec<(usize, usize)> {
    let mut tokens: Vec<(usize, usize, bool, bool)> = Vec::new();
    for (start, w) in clean::word_offsets(sentence) {
        let lead = w.len() - w.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
        let capital =
            bare.chars().next().is_some_and(char::is_uppercase) && !["I", "A"].contains(&bare);
        let ends_clause = w.ends_with([',', '.', ';', ':', ')']);
        if w.starts_with('(')
            && let Some(last) = tokens.last_mut()
        {
            // A bracket ends the name before it.
            last.3 = true;
        }
        tokens.push((
            start + lead,
            start + lead + bare.len(),
            capital,
            ends_clause,
        ));
    }
    // Words are compared in lower case, without lower-casing them into
    // strings: this runs on every sentence of a document.
    static CONNECTORS: Words = Words::new(&["of", "to", "and", "for", "the", "&"]);
    let first_capital = {
        let word = |i: usize| &sentence[tokens[i].0..tokens[i].1];
        let institution_follows = (1..tokens.len().min(4)).any(|k| {
            INSTITUTIONS.contains_lower(word(k))
                && (0..k).all(|m| !tokens[m].3)
                && (1..k).all(|m| !SMALL.contains_lower(word(m)))
        });
        tokens.len() >= 2
            && tokens[0].2
            && (!tokens[1].2 || tokens[0].3)
            && (!institution_follows || SMALL.contains_lower(word(0)))
    };
    if first_capital {
        tokens[0].2 = false;
    }
    let word = |i: usize| &sentence[tokens[i].0..tokens[i].1];

    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !tokens[i].2 {
            i += 1;
            continue;
        }
        let start = tokens[i].0;
        let mut j = i;
        loop {
            if tokens[j].3 {
                break;
            }
            // "Working Together to Safeguard Children": connectors between
            // capitalised words stay inside the name.
            if j + 2 < tokens.len()
                && CONNECTORS.contains_lower(word(j + 1))
                && tokens[j + 2].2
                && !tokens[j + 1].3
            {
                j += 2;
                continue;
            }
            if j + 1 < tokens.len() && tokens[j + 1].2 {
                j += 1;
                continue;
            }
            // "Salford royal hospital": lower-case words ending in a kind
            // of institution belong to the name.
            let tail = (j + 1..tokens.len().min(j + 4)).rev().find(|&k| {
                INSTITUTIONS.contains_lower(word(k))
                    && (j..k).all(|m| !tokens[m].3)
                    && (j + 1..k).all(|m| !SMALL.contains_lower(word(m)))
            });
            if let Some(k) = tail {
                j = k;
            }
            break;
        }
        out.push((start, tokens[j].1));
        i = j + 1;
    }
    out.retain(|&(s, e)| {
        let t = &sentence[s..e];
        t.len() >= 3 && !t.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
    });
    out
}

/// The first word (normalised) of the most mentioned name in the
/// document's text and headings: a case study's setting, given the
/// votes (`counts`) of the names in its paragraphs.
fn main_setting(doc: &Document, mut counts: BTreeMap<String, usize>) -> Option<String> {
    let mut count = |s: &str| {
        for (a, b) in proper_nouns(s) {
            count_setting(&mut counts, &norm(&s[a..b]));
        }
    };
    let headings: BTreeSet<&String> = doc.blocks.iter().flat_map(|b| b.section.iter()).collect();
    for h in headings {
        count(&format!("In {h}"));
    }
    counts
        .into_iter()
        .filter(|(_, n)| *n >= 2)
        .max_by_key(|(name, n)| (*n, std::cmp::Reverse(name.clone())))
        .map(|(name, _)| name)
}

/// A vote for a name's first word as the main setting, when the name
/// (through `norm`) has two words or more.
fn count_setting(counts: &mut BTreeMap<String, usize>, name: &str) {
    if words(name) >= 2
        && let Some(first) = name.split(' ').next()
    {
        *counts.entry(first.to_string()).or_default() += 1;
    }
}

/// Terms worth blanking in this document, longest first: defined terms,
/// labels, short headings and acronyms.
fn key_terms(doc: &Document, topic: &str) -> Vec<String> {
    let mut terms: HashSet<String> = HashSet::new();
    let topic = norm(topic);
    let mut add = |t: &str| {
        let t = no_stop(t).trim();
        let n = words(t);
        if !(1..=4).contains(&n) || t.len() < 4 || terms.contains(t) {
            return;
        }
        let normed = norm(t);
        let generic = normed
            .split(' ')
            .all(|w| super::GENERIC.contains(&w) || SMALL.contains(&w));
        if normed != topic && !is_attribute_label(t) && !generic {
            terms.insert(t.to_string());
        }
    };
    for block in &doc.blocks {
        match &block.body {
            Body::List(list) => {
                if let Some(label) = &list.label {
                    add(label);
                }
                for item in &list.items {
                    if let Some((term, _)) = split_term(&item.text) {
                        add(term);
                    }
                    for (a, e) in acronyms_in(&item.text) {
                        add(&a);
                        add(&e);
                    }
                }
            }
            Body::Paragraph(text) => {
                for (a, e) in acronyms_in(text) {
                    add(&a);
                    add(&e);
                }
                for law in laws_in(text) {
                    add(&law);
                }
            }
            _ => {}
        }
        for s in block.section.iter() {
            add(s);
        }
    }
    let mut terms: Vec<String> = terms.into_iter().collect();
    terms.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    // Long documents: the longest terms are enough, and the cost of
    // looking for them in every sentence stays linear.
    terms.truncate(MAX_KEY_TERMS);
    terms
}

/// What a sentence says a law does: the predicate after the name ("The
/// Care Act 2014 places a duty on…" → "Places a duty on…"), or `None`
/// when the sentence is about something else.
fn law_predicate(text: &str, name: &str) -> Option<String> {
    static VERBS: Words = Words::new(&[
        "places",
        "makes",
        "requires",
        "sets",
        "gives",
        "protects",
        "says",
        "states",
        "covers",
        "introduced",
        "established",
        "means",
        "is",
        "was",
        "applies",
        "replaced",
        "brought",
        "created",
        "defines",
        "puts",
        "provides",
        "outlines",
        "requires",
        "lets",
        "allows",
        "made",
        "sets",
        "underpins",
        "governs",
        "ensures",
        "aims",
        "promotes",
        "prohibits",
    ]);
    let pos = text.find(name)?;
    let after = text[pos + name.len()..].trim_start_matches([')', ',', ' ']);
    let verb = after.split_whitespace().next()?.to_lowercase();
    if !VERBS.contains(&verb.as_str()) {
        return None;
    }
    let clause = after.split(". ").next().unwrap_or(after);
    let clause = no_stop(clause);
    // "… is the main law …" reads as an answer with its subject: "It is …".
    let answer = match verb.as_str() {
        "is" | "was" => format!("It {clause}"),
        _ => capitalize(clause),
    };
    (words(clause) >= 4).then(|| close(&answer))
}

/// "What is safeguarding?" → "safeguarding"; other headings unchanged.
fn question_term(heading: &str) -> String {
    let h = heading.trim().trim_end_matches('?').trim();
    for lead in [
        "What is ",
        "What are ",
        "What does ",
        "What do ",
        "Who is ",
        "Who are ",
    ] {
        if let Some(rest) = strip_prefix_ci(h, lead.trim_end()) {
            let rest = rest.trim();
            let rest = rest.strip_suffix(" mean").unwrap_or(rest);
            if !rest.is_empty() {
                return rest.to_string();
            }
        }
    }
    h.to_string()
}

/// Whether a phrase can be a term to define: no pointing word, no leading
/// preposition, not a placeholder such as "the main law".
fn is_term(term: &str) -> bool {
    let lower = norm(term);
    let words_: Vec<&str> = lower.split(' ').collect();
    let first = words_.first().copied().unwrap_or("");
    static PREPOSITIONS: Words = Words::new(&[
        "at", "in", "on", "for", "with", "by", "from", "to", "of", "under", "if", "when", "before",
        "after", "during", "while", "because",
    ]);
    static VAGUE: Words = Words::new(&[
        "main", "key", "first", "most", "only", "other", "same", "next",
    ]);
    let pointing = words_
        .iter()
        .any(|w| ["this", "that", "these", "those", "it", "they", "here"].contains(w));
    let vague = first == "the" && words_.get(1).is_some_and(|w| VAGUE.contains(w));
    let quantifier = ["one", "another", "some", "many"].contains(&first);
    !(pointing || vague || quantifier || PREPOSITIONS.contains(&first))
}

/// "Stage 1", "Step 3", "Principle 2": a numbered label.
fn is_numbered_label(term: &str) -> bool {
    let mut it = term.split_whitespace();
    let (Some(head), Some(n), None) = (it.next(), it.next(), it.next()) else {
        return false;
    };
    [
        "stage",
        "step",
        "part",
        "phase",
        "level",
        "principle",
        "rule",
        "section",
    ]
    .contains(&head.to_lowercase().as_str())
        && n.trim_end_matches(':')
            .chars()
            .all(|c| c.is_ascii_alphanumeric())
        && n.chars().any(|c| c.is_ascii_digit())
}

/// Whether a definition is a whole clause with its own verb ("every
/// individual has the right…") rather than a gloss.
fn is_clause(text: &str) -> bool {
    static FINITE: Words = Words::new(&[
        "is", "are", "has", "have", "must", "should", "can", "will", "may", "was", "were",
    ]);
    text.split_whitespace()
        .take(5)
        .skip(1)
        .any(|w| FINITE.contains_lower(w))
        || text.ends_with('?')
}

/// Whether two texts share a word of four letters or more.
fn shares_content_word(a: &str, b: &str) -> bool {
    let b = norm(b);
    let bw: BTreeSet<&str> = b.split(' ').filter(|w| w.len() >= 4).collect();
    norm(a).split(' ').any(|w| bw.contains(w))
}

/// Whether every content word of `topic` occurs in `text`.
fn mentions(text: &str, topic: &str) -> bool {
    mentions_normed(&norm(text), &norm(topic))
}

/// [`mentions`], for a text and topic already made [`norm`]al.
fn mentions_normed(text: &str, topic: &str) -> bool {
    let mut wanted = topic
        .split(' ')
        .filter(|w| !w.is_empty() && !SMALL.contains(w))
        .peekable();
    wanted.peek().is_some()
        && wanted.all(|w| {
            text.split(' ')
                .any(|have| have == w || have.strip_suffix('s') == Some(w))
        })
}

/// The byte position of `needle` in `hay` as whole words (both lower case).
fn find_words(hay: &str, needle: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(pos) = hay[from..].find(needle) {
        let s = from + pos;
        let e = s + needle.len();
        let before = hay[..s].chars().next_back();
        let after = hay[e..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return Some(s);
        }
        from = e;
    }
    None
}

/// The noun phrase just before a comma ("… as serious case reviews, which").
fn noun_before(text: &str) -> Option<String> {
    let mut picked: Vec<&str> = Vec::new();
    for w in text.split_whitespace().rev() {
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        if picked.is_empty() && w.starts_with('(') && w.trim_end_matches([',', '.']).ends_with(')')
        {
            // "Public Sector Equality Duty (PSED), which…": skip the acronym.
            continue;
        }
        if SMALL.contains_lower(bare)
            || [
                "should",
                "not",
                "must",
                "can",
                "may",
                "will",
                "underestimated",
            ]
            .contains(&bare)
            || bare.is_empty()
            || picked.len() >= 5
        {
            break;
        }
        picked.push(bare);
    }
    picked.reverse();
    (!picked.is_empty()).then(|| picked.join(" "))
}

/// The sentence with a leading "It"/"They" replaced by the subject of the
/// sentence before, when that subject is a short noun phrase.
fn resolve_pronoun(sentence: &str, previous: Option<&str>) -> Option<String> {
    static VERBS: Words = Words::new(&[
        "can", "is", "are", "has", "have", "must", "should", "will", "may", "was", "were", "occur",
        "occurs", "means", "involves", "helps", "help", "need", "needs", "could",
    ]);
    let (pronoun, rest) = sentence.split_once(' ')?;
    if !["It", "They"].contains(&pronoun) {
        return None;
    }
    let previous = clean::strip_lead_in(previous?);
    let words_before: Vec<&str> = previous
        .split_whitespace()
        .take_while(|w| !VERBS.contains_lower(w))
        .collect();
    if words_before.is_empty() || words_before.len() > 4 || is_pointing(&previous) {
        return None;
    }
    let subject = words_before.join(" ");
    if subject.contains(',') || words_before.len() == previous.split_whitespace().count() {
        return None;
    }
    Some(format!("{subject} {rest}"))
}

/// "Protecting a person's right to live in safety is known as
/// ‘safeguarding’.": the description and the term it names, in one
/// sentence. The term is quoted, or three words at most.
fn known_as_inline(sentence: &str) -> Option<(&str, &str)> {
    const QUOTES: [char; 6] = ['‘', '’', '\'', '“', '”', '"'];
    let s = no_stop(sentence.trim());
    let (pos, marker) = [
        " is known as ",
        " are known as ",
        " is called ",
        " are called ",
        " is referred to as ",
        " are referred to as ",
    ]
    .iter()
    .find_map(|m| s.find(m).map(|pos| (pos, m)))?;
    let description = s[..pos].trim();
    let named = &s[pos + marker.len()..];
    let named = ["an ", "a ", "the "]
        .iter()
        .find_map(|a| named.strip_prefix(a))
        .unwrap_or(named);
    let quoted = named.starts_with(QUOTES) && named.ends_with(QUOTES);
    let term = named.trim_matches(QUOTES).trim();
    let fits = !term.is_empty()
        && !term.contains([',', ';'])
        && words(term) <= if quoted { 5 } else { 3 }
        && (3..=30).contains(&words(description))
        && !is_pointing(description);
    fits.then_some((description, term))
}

fn is_pointing(sentence: &str) -> bool {
    let lower = sentence.trim_start().to_lowercase();
    if [
        "if so",
        "if not",
        "in this case",
        "in that case",
        "in these cases",
        "as above",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
    {
        return true;
    }
    let first = sentence
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    POINTING.contains(&first.as_str())
}

fn mentions_figure(sentence: &str) -> bool {
    static FIGURES: LazyLock<AhoCorasick> = LazyLock::new(|| {
        clean::keyword_matcher(&[
            "diagram",
            "figure",
            "the table",
            "chart",
            "picture",
            "image",
            "below",
            "above",
            "shown",
        ])
    });
    FIGURES.is_match(sentence)
}

fn is_plural(term: &str) -> bool {
    let last = term.split_whitespace().last().unwrap_or("").to_lowercase();
    last.ends_with('s') && !last.ends_with("ss") && !last.ends_with("us") && !last.ends_with("is")
}

fn is_attribute_label(label: &str) -> bool {
    let l = norm(label);
    ATTRIBUTE_LABELS.contains(&l.as_str()) || super::markdown::is_definition_label(label)
}

fn is_misconception_section(section: &str) -> bool {
    let s = norm(section);
    [
        "misconception",
        "mistake",
        "pitfall",
        "myth",
        "errors",
        "to avoid",
    ]
    .iter()
    .any(|k| s.contains(k))
}

/// How to name item `k` of an ordered list with this label, and the label
/// without its count ("Seven Golden Rules (Caldicott)" → "Caldicott golden
/// rule 3").
fn ordered_name(label: &str) -> (Box<dyn Fn(u32) -> String>, String) {
    static COUNTS: Words = Words::new(&[
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "the", "key",
    ]);
    let mut text = label.trim().to_string();
    // "(Caldicott)" moves to the front.
    let mut owner = String::new();
    if let (Some(open), true) = (text.find('('), text.ends_with(')')) {
        owner = text[open + 1..text.len() - 1].trim().to_string();
        text = text[..open].trim().to_string();
    }
    let mut parts: Vec<String> = text.split_whitespace().map(str::to_string).collect();
    while parts.len() > 1 && (COUNTS.contains_lower(&parts[0]) || parts[0].parse::<u32>().is_ok()) {
        parts.remove(0);
    }
    let owner_is_name = owner.chars().next().is_some_and(char::is_uppercase)
        && words(&owner) <= 3
        && !owner.chars().any(|c| c.is_ascii_digit());
    if owner_is_name {
        parts.insert(0, owner.clone());
    }
    let plain_label = parts.join(" ");
    let of = parts.iter().position(|w| w.eq_ignore_ascii_case("of"));
    let head_idx = of.map_or(parts.len() - 1, |i| i.saturating_sub(1));
    let head = parts[head_idx].clone();
    let lower_parts: Vec<String> = parts
        .iter()
        .enumerate()
        .map(|(i, w)| {
            if i == 0 && owner_is_name {
                w.clone()
            } else {
                decapitalize(w)
            }
        })
        .collect();
    static NOUNS_IN_ING: Words = Words::new(&[
        "learning",
        "training",
        "nursing",
        "housing",
        "planning",
        "safeguarding",
        "funding",
        "meeting",
        "setting",
        "building",
        "wellbeing",
        "warning",
        "reporting",
        "handling",
        "marking",
        "listening",
        "working",
    ]);
    let first = parts[0].to_lowercase();
    let gerund =
        first.ends_with("ing") && !NOUNS_IN_ING.contains(&first.as_str()) && !owner_is_name;
    if gerund || (!is_plural(&head) && of.is_none()) {
        let whole = lower_parts.join(" ");
        return (
            Box::new(move |k| format!("step {k} of {whole}")),
            plain_label,
        );
    }
    let before: Vec<String> = lower_parts[..head_idx].to_vec();
    let singular = clean::singular(&lower_parts[head_idx]);
    let after: Vec<String> = lower_parts[head_idx + 1..].to_vec();
    let name = move |k: u32| {
        let mut s = before.clone();
        s.push(format!("{singular} {k}"));
        s.extend(after.iter().cloned());
        s.join(" ")
    };
    (Box::new(name), plain_label)
}

/// A list shown with item `i` as the gap, and its cloze markup. Long lists
/// show only the neighbours of the gap.
fn cloze_list(items: &[String], i: usize, reach: usize) -> (String, String) {
    let lo = i.saturating_sub(reach);
    let hi = (i + reach + 1).min(items.len());
    // Written straight into the two strings: this runs for every item of
    // a list, at up to three reaches.
    let (mut shown, mut markup) = (String::new(), String::new());
    let mut first = true;
    let mut part = |shown_part: &[&str], markup_part: &[&str]| {
        if !first {
            shown.push_str("; ");
            markup.push_str("; ");
        }
        first = false;
        shown_part.iter().for_each(|p| shown.push_str(p));
        markup_part.iter().for_each(|p| markup.push_str(p));
    };
    if lo > 0 {
        part(&["…"], &["…"]);
    }
    for (j, item) in items.iter().enumerate().take(hi).skip(lo) {
        if j == i {
            part(&["[...]"], &["{{c1::", item, "}}"]);
        } else {
            part(&[item], &[item]);
        }
    }
    if hi < items.len() {
        part(&["…"], &["…"]);
    }
    (shown, markup)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_under_a_heading_of_errors_are_not_mistakes() {
        let doc = super::super::markdown::read(
            "# Medicines\n\n## Medication errors\n\n### Common mistakes to avoid\n\n- Signing the chart before the dose is given\n- Crushing tablets without asking the pharmacist\n\n### After an error\n\n**Report it:**\n- Tell your manager straight away\n- Contact the GP or the pharmacist\n",
        );
        let drafts = extract(&doc, "medicines");
        let mistakes: Vec<&str> = drafts
            .iter()
            .filter(|d| d.kind == CardKind::Misconception)
            .map(|d| d.front.as_str())
            .collect();
        assert_eq!(mistakes.len(), 2, "{mistakes:?}");
        assert!(
            mistakes
                .iter()
                .all(|f| !f.contains("manager") && !f.contains("GP"))
        );
        assert!(drafts.iter().any(|d| d.kind == CardKind::ListMember
            && d.back == "Tell your manager straight away; Contact the GP or the pharmacist"));
    }

    #[test]
    fn a_law_named_with_at_and_etc() {
        assert_eq!(
            laws_in("The Health and Safety at Work etc. Act 1974 is the main law."),
            ["Health and Safety at Work etc. Act 1974"]
        );
        assert_eq!(
            law_predicate(
                "The Care Act 2014 is the main law on adult social care.",
                "Care Act 2014"
            )
            .as_deref(),
            Some("It is the main law on adult social care.")
        );
    }

    #[test]
    fn a_term_named_in_the_sentence_that_describes_it() {
        assert_eq!(
            known_as_inline(
                "Protecting a person’s right to live in safety is known as ‘safeguarding’."
            ),
            Some((
                "Protecting a person’s right to live in safety",
                "safeguarding"
            ))
        );
        assert_eq!(
            known_as_inline(
                "An event that was spotted before it did harm is known as a ‘near miss’."
            ),
            Some(("An event that was spotted before it did harm", "near miss"))
        );
        assert_eq!(
            known_as_inline("A written plan for the person is called a care plan."),
            Some(("A written plan for the person", "care plan"))
        );
        // Pointing back, too short, or naming a whole clause.
        assert_eq!(known_as_inline("This is known as ‘consent’."), None);
        assert_eq!(known_as_inline("It is called care."), None);
        assert_eq!(
            known_as_inline("The meeting is called when the risk is high and the family agree."),
            None
        );
    }

    #[test]
    fn an_acronym_heading_spelled_by_its_list() {
        let doc = super::super::markdown::read(
            "# Moving people\n\n## Risk\n\n### TILE:\n\n- **T**ask - What movement is needed?\n- **I**ndividual - Who is moving and are they fit?\n- **L**oad - The person and their weight\n- **E**nvironment - Space, flooring and lighting\n",
        );
        let drafts = extract(&doc, "moving people");
        let acronyms: Vec<(&str, &str)> = drafts
            .iter()
            .filter(|d| d.kind == CardKind::Acronym)
            .map(|d| (d.front.as_str(), d.back.as_str()))
            .collect();
        assert_eq!(acronyms.len(), 5, "{acronyms:?}");
        assert_eq!(
            acronyms[0],
            (
                "In TILE, what does T stand for?",
                "Task: what movement is needed?"
            )
        );
        assert!(acronyms[4].1 == "Task, Individual, Load, Environment");
        // A letter's words run to the colon: "Pass on", not "Pass".
        let doc = super::super::markdown::read(
            "# Medicines\n\n## Refusal\n\n**STOP:**\n- **S**top - Do not force it\n- **T**alk - Ask why\n- **O**ffer - Try again later\n- **P**ass on - Record it and tell the prescriber\n",
        );
        let whole = extract(&doc, "medicines")
            .into_iter()
            .find(|d| d.kind == CardKind::Acronym && d.front.contains("does STOP stand"))
            .map(|d| d.back);
        assert_eq!(whole.as_deref(), Some("Stop, Talk, Offer, Pass on"));
        // A heading that the items do not spell is no acronym.
        let doc = super::super::markdown::read(
            "# T\n\n## Care\n\n- Cooking meals\n- Activities\n- Reading\n- Laundry\n",
        );
        assert!(
            !extract(&doc, "t")
                .iter()
                .any(|d| d.kind == CardKind::Acronym)
        );
    }

    #[test]
    fn quantities_and_dates_are_found_as_the_single_patterns_found_them() {
        let quantity = Regex::new(r"(?-u:\b)(?:[0-9]+(?:\s*(?:[–-]|(?i-u:to))\s*[0-9]+)?|(?i-u:one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty|sixty|ninety))\s+(?:(?i-u:working|calendar|clear)\s+)?(?i-u:seconds?|minutes?|hours?|days?|weeks?|months?|years?)(?-u:\b)|(?-u:\b)[0-9]+(?:\.[0-9]+)?\s*(?:%|(?i-u:per ?cent))").unwrap();
        let date = Regex::new(r"(?-u:\b)(?:(?:January|February|March|April|May|June|July|August|September|October|November|December) )?(?:19|20)[0-9]{2}(?-u:\b)").unwrap();
        let texts = [
            "Wash for 40–60 seconds.",
            "Within 72 HOURS of the breach",
            "Two Working Days later, 15 Per Cent, 3.5% and 10 to 12 weeks",
            "report it in ſeven days",
            "K\u{212A}ELVIN 5 ᴅays",
            "In November 2014 and March 2015 the Act",
            "since 1998, before December  2001 or in xMay 2003",
            "the Care Act 2014January 2015",
            "é\u{301}June 2020 ",
            "May 2019",
            "20145 and 1999x and 2000_",
            "café May 1999",
            "no numbers here",
            "",
            "The  Data Protection Act 2018 (GDPR) in May 2018",
        ];
        for text in texts {
            let want = quantity.find(text).map(|m| (m.start(), m.end()));
            assert_eq!(super::quantity(text), want, "{text:?}");
            let want = date.find(text).map(|m| (m.start(), m.end()));
            assert_eq!(super::date(text), want, "{text:?}");
        }
    }

    #[test]
    fn cue_keys_read_as_the_kind_and_cue_formatted() {
        for kind in [CardKind::Definition, CardKind::Cloze, CardKind::OrderedItem] {
            assert_eq!(cue_key(kind, "care:1"), format!("{kind}:care:1"));
        }
        let items = ["a".to_string(), "b c".to_string(), "d".to_string()];
        assert_eq!(
            cloze_list(&items, 1, 5),
            ("a; [...]; d".to_string(), "a; {{c1::b c}}; d".to_string())
        );
        let items: Vec<String> = ["", "a", "b", "", "c", "d"].map(String::from).to_vec();
        assert_eq!(
            cloze_list(&items, 0, 1),
            ("[...]; a; …".to_string(), "{{c1::}}; a; …".to_string())
        );
        assert_eq!(
            cloze_list(&items, 3, 1),
            (
                "…; b; [...]; c; …".to_string(),
                "…; b; {{c1::}}; c; …".to_string()
            )
        );
        assert_eq!(
            cloze_list(&items, 5, 2),
            ("…; ; c; [...]".to_string(), "…; ; c; {{c1::d}}".to_string())
        );
    }

    #[test]
    fn acronyms_in_passing() {
        assert_eq!(
            acronyms_in("through continuous professional development (CPD) to enhance"),
            [(
                "CPD".to_string(),
                "continuous professional development".to_string()
            )]
        );
        assert_eq!(
            acronyms_in("the use of key performance indicators (KPIs) and audits"),
            [("KPI".to_string(), "key performance indicators".to_string())]
        );
        assert_eq!(
            acronyms_in("Multidisciplinary Team (MDT)"),
            [("MDT".to_string(), "Multidisciplinary Team".to_string())]
        );
        assert!(acronyms_in("Therapists (OT, physio, SALT)").is_empty());
        assert_eq!(
            acronyms_in("an Independent Mental Capacity Advocate (IMCA) must"),
            [(
                "IMCA".to_string(),
                "Independent Mental Capacity Advocate".to_string()
            )]
        );
    }

    #[test]
    fn laws_and_policies() {
        assert_eq!(
            laws_in("Knowledge of legislation (e.g., Care Act 2014, Children Act 1989) and"),
            ["Care Act 2014", "Children Act 1989"]
        );
        assert_eq!(
            laws_in(
                "relevant legislation and policies (e.g., Working Together to Safeguard Children, Care Act 2014) that"
            ),
            ["Care Act 2014", "Working Together to Safeguard Children"]
        );
        assert_eq!(
            laws_in(
                "including CQC standards, the Health and Social Care Act, and the Mental Capacity Act, and"
            ),
            ["Health and Social Care Act", "Mental Capacity Act"]
        );
        assert_eq!(
            laws_in("under the Data Protection Act 2018 and UK GDPR"),
            ["Data Protection Act 2018", "UK GDPR"]
        );
    }

    #[test]
    fn ordered_names() {
        assert_eq!(
            ordered_name("Seven Golden Rules (Caldicott)").0(3),
            "Caldicott golden rule 3"
        );
        assert_eq!(
            ordered_name("Principles of Partnership Working").0(1),
            "principle 1 of partnership working"
        );
        assert_eq!(
            ordered_name("Resolving Conflicts").0(2),
            "step 2 of resolving conflicts"
        );
        assert_eq!(ordered_name("Learning Outcomes").0(4), "learning outcome 4");
        assert_eq!(
            ordered_name("Six Principles of Safeguarding (Care Act 2014)").0(1),
            "principle 1 of safeguarding"
        );
    }

    #[test]
    fn misconception_splits() {
        let (m, s, r) = split_misconception(
            "Confusing X with simple sharing; true partnership requires shared decisions",
        )
        .unwrap();
        assert_eq!(
            (m, s, r.as_str()),
            (
                "Confusing X with simple sharing",
                Split::Truth,
                "true partnership requires shared decisions"
            )
        );
        let (_, s, r) =
            split_misconception("Excluding the family from talks, thus undermining the ethos")
                .unwrap();
        assert_eq!(
            (s, r.as_str()),
            (Split::Consequence, "undermining the ethos")
        );
        let (_, _, r) =
            split_misconception("Failing to document steps well, leaving no audit trail").unwrap();
        assert_eq!(r, "leaving no audit trail");
        let (shown, gap, _) = misconception_gap("Overlooking the need to involve service users and their families as equal partners in the process").unwrap();
        assert_eq!(gap, "service users and their families");
        assert!(shown.contains("involve [...] as equal"), "{shown}");
    }

    #[test]
    fn inline_lists() {
        let t = "Infection spreads through six linked stages – infectious agent, reservoir, portal of exit, mode of transmission, portal of entry and susceptible host – and breaking any one link stops it.";
        let items: Vec<&str> = enumeration(t)
            .unwrap()
            .iter()
            .map(|&(a, b)| &t[a..b])
            .collect();
        assert_eq!(
            items,
            [
                "infectious agent",
                "reservoir",
                "portal of exit",
                "mode of transmission",
                "portal of entry",
                "susceptible host"
            ]
        );
        let t = "it may be necessary to consider translators, pictures or communication boards.";
        let items: Vec<&str> = enumeration(t)
            .unwrap()
            .iter()
            .map(|&(a, b)| &t[a..b])
            .collect();
        assert_eq!(items, ["translators", "pictures", "communication boards"]);
        assert!(enumeration("Trust each other and be kind.").is_none());
    }

    #[test]
    fn names_and_gaps() {
        let s = "Beechfield Lodge care home works in partnership with Salford Royal Hospital.";
        let names: Vec<&str> = proper_nouns(s).iter().map(|&(a, b)| &s[a..b]).collect();
        assert_eq!(
            names,
            ["Beechfield Lodge care home", "Salford Royal Hospital"]
        );
        let s = "Staff at Beech lodge care home refer clients to Salford royal hospital and the Working Together to Safeguard Children guidance.";
        let names: Vec<&str> = proper_nouns(s).iter().map(|&(a, b)| &s[a..b]).collect();
        assert_eq!(
            names,
            [
                "Beech lodge care home",
                "Salford royal hospital",
                "Working Together to Safeguard Children"
            ]
        );
        assert_eq!(
            noun_before("should not be underestimated as serious case reviews"),
            Some("serious case reviews".into())
        );
    }
}

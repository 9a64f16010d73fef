//! The rules: a document model in, draft cards out. One card family per
//! file; [`ListReading`] states once, in order, which rule a list goes to.
//!
//! - `definition`: a term with its meaning; `acronym`: acronyms and
//!   their letters; `legislation`: what a named law does;
//! - `list`: labelled and inline lists; `sequence`: numbered items;
//! - `question`: questions the document writes with their answers;
//! - `misconception`: a myth with the truth;
//! - `prose`: a paragraph's sentences, each to the rule that fits it;
//!   `cloze`: a sentence with its key term blanked.
//!
//! Every front names its context (the topic, and the section where it
//! helps). The helpers below are shared by the rule files.

mod acronym;
mod cloze;
mod definition;
mod legislation;
mod list;
mod misconception;
mod prose;
mod question;
mod sequence;
mod shouting;
#[cfg(test)]
mod tests;

pub(crate) use acronym::*;
pub(crate) use cloze::*;
pub(crate) use definition::*;
pub(crate) use legislation::*;
pub(crate) use list::*;
pub(crate) use misconception::*;
pub(crate) use prose::*;
pub(crate) use sequence::*;

pub(crate) use std::collections::{BTreeMap, BTreeSet, HashSet};
pub(crate) use std::sync::LazyLock;

pub(crate) use aho_corasick::AhoCorasick;
pub(crate) use regex::Regex;
pub(crate) use rustc_hash::{FxHashMap, FxHashSet};

pub(crate) use super::analyse::*;
pub(crate) use super::card::*;
pub(crate) use super::document::{Block, Body, Document, Item, List, Mcq};
pub(crate) use super::text::{self, Words, capitalize, decapitalize, no_stop, norm, words};
pub(crate) use crate::deck::CardKind;

/// Compiles this module's patterns on the pool's threads (see
/// [`super::compile_patterns`]).
pub(crate) fn compile_patterns() {
    for pattern in [
        &ACT,
        &EXAMPLES_PAREN,
        &ACRONYM_PAREN,
        &DEFINES,
        &IS_A,
        &IS_A_LOWER,
        &IS_BARE,
        &KNOWN_AS,
        &APPOSITIVE,
        &COMPLEMENT,
        &QUANTITY,
        &ENUMERATION,
        &EXAMPLE_INLINE,
    ] {
        rayon::spawn(move || {
            LazyLock::force(pattern);
        });
    }
}

pub(crate) use text::FUNCTION_WORDS as SMALL;

/// What the extractor knows about one document.
pub struct Extractor {
    kind: crate::compile::document::DocKind,
    topic: String,
    topic_norm: String,
    /// How a front names the topic: "In infection control", "Under the
    /// Mental Health Act 1983" (a law is not a place to be in).
    lead: String,
    drafts: Vec<Draft>,
    cues: FxHashSet<String>,
    key_terms: Vec<String>,
    /// Indexes into `key_terms` by each term's first word (normalised).
    key_index: FxHashMap<String, Vec<usize>>,
    /// Key terms (through `norm`) found only as a heading or a repeated
    /// phrase: context for a front, never a gap.
    weak_terms: HashSet<String>,
    /// The other key terms (through `norm`): defined, labels, acronyms
    /// and their long forms, laws.
    firm_terms: HashSet<String>,
    /// The short bullets under each label (through `norm`): a numbered
    /// step's details ("Dig" → "loosen the soil; lift the stones").
    details: FxHashMap<String, String>,
    setting: Option<String>,
    /// Words the document capitalises in mid-sentence (names).
    proper: FxHashSet<String>,
    /// Names the document writes after "the" ("the Royal Horticultural
    /// Society"), normalised.
    the_names: FxHashSet<String>,
    /// The answers of the clozes made so far (through `norm`): one cloze
    /// per answer.
    gaps: FxHashSet<String>,
    /// The authors its bylines name ("By Dawn Okafor, …"), normalised:
    /// an author is no term of the subject.
    authors: FxHashSet<String>,
    /// The law named last, for "the Act" in a later paragraph.
    last_law: Option<String>,
    /// The law a paragraph is about (its first sentence names it, or
    /// says "the Act"): the terms it defines are the law's.
    law_scope: Option<String>,
    /// The last block's text when it was a short paragraph: the label
    /// over a table ("**Mnemonic – SOWER** (the steps of sowing)").
    lead_in: String,
    /// The short paragraph over the list being read ("The four kinds of
    /// mulch:"), which may name the set its terms belong to.
    list_lead: String,
}

/// The author a byline names ("By Dawn Okafor, workforce lead | 8 min
/// read" → "dawn okafor"), normalised: two to four capitalised words.
fn byline_author(line: &str) -> Option<String> {
    if !crate::compile::topic::is_byline(line) {
        return None;
    }
    let name = line.trim()[3..]
        .split([',', '|', '–', '(', ';'])
        .next()?
        .trim();
    let ws: Vec<&str> = name.split_whitespace().collect();
    ((2..=4).contains(&ws.len()) && ws.iter().all(|w| w.starts_with(char::is_uppercase)))
        .then(|| norm(name))
}

/// "In infection control", or "Under the Care Act 2014" when the topic
/// is one law.
pub(crate) fn topic_lead(topic: &str) -> String {
    let bare = topic
        .strip_prefix("the ")
        .or_else(|| topic.strip_prefix("The "))
        .unwrap_or(topic);
    match laws_in(bare).as_slice() {
        [law] if norm(law) == norm(bare) => format!("Under the {law}"),
        // "People at mealtimes" → "At mealtimes"; "people who hoard" →
        // "For people who hoard": no one is "in" people.
        _ => match topic.strip_prefix("people ") {
            Some(rest) if rest.starts_with("at ") => text::capitalize(rest),
            Some(_) => format!("For {topic}"),
            // "After a fall", "During a heatwave": a topic that is a time
            // or a place already leads ("In after a fall" is no English).
            None if [
                "after ", "before ", "during ", "at ", "in ", "on ", "under ", "when ", "while ",
                "without ", "with ",
            ]
            .iter()
            .any(|p| topic.starts_with(p)) =>
            {
                text::capitalize(topic)
            }
            None => format!("In {topic}"),
        },
    }
}

/// Every draft card of a document, in document order.
pub fn extract(doc: &Document, topic: &str) -> Vec<Draft> {
    let mut x = Extractor {
        kind: doc.kind,
        topic: topic.to_string(),
        topic_norm: norm(topic),
        lead: topic_lead(topic),
        drafts: Vec::new(),
        cues: FxHashSet::default(),
        key_terms: Vec::new(),
        key_index: FxHashMap::default(),
        weak_terms: HashSet::new(),
        firm_terms: HashSet::new(),
        details: FxHashMap::default(),
        setting: None,
        proper: FxHashSet::default(),
        the_names: FxHashSet::default(),
        // (A byline is skipped as furniture, or read as a paragraph or a
        // heading when it holds no date or reading time.)
        authors: doc
            .skipped
            .iter()
            .map(|s| s.text.as_str())
            .chain(doc.blocks.iter().filter_map(|b| match &b.body {
                Body::Paragraph(text) if b.line <= 40 => Some(text.as_str()),
                _ => None,
            }))
            .chain(
                doc.headings
                    .iter()
                    .filter(|(line, _)| *line <= 40)
                    .filter_map(|(_, path)| path.last().map(String::as_str)),
            )
            // ("… every care worker By Maria Kowalczyk, practice educator
            // Published …": a byline inside a paragraph the page's lines
            // ran into.)
            .flat_map(|t| {
                t.match_indices("By ")
                    .filter(|(i, _)| *i == 0 || t[..*i].ends_with(' '))
                    .map(move |(i, _)| &t[i..])
            })
            .filter_map(byline_author)
            .collect(),
        gaps: FxHashSet::default(),
        last_law: None,
        law_scope: None,
        lead_in: String::new(),
        list_lead: String::new(),
    };
    // The names in paragraphs also vote for the document's main setting.
    let mut settings: BTreeMap<String, usize> = BTreeMap::new();
    for block in &doc.blocks {
        let paragraph = matches!(block.body, Body::Paragraph(_));
        let answer = matches!(block.body, Body::Qa { .. });
        let texts: Vec<&str> = match &block.body {
            Body::Paragraph(text) => vec![text.as_str()],
            // A `Term: definition` item's term is a label, capitalised as one.
            Body::List(list) => list
                .items
                .iter()
                .map(|i| split_term(&i.text).map_or(i.text.as_str(), |(_, def)| def))
                .collect(),
            // (A revealed answer is running text too: "… this is now Fenn
            // class II …" names the Fenn scale.)
            Body::Qa { answer, .. } => vec![answer.as_str()],
            _ => Vec::new(),
        };
        for text in texts {
            for sentence in text::sentences(text) {
                for (a, b) in proper_nouns(&sentence) {
                    // Whole names, and one-word names ("Gillick"): a word
                    // inside a longer name ("Standard Infection Control
                    // Precautions") is not a name by itself.
                    // (An answer's fragments, "Fatigue. Pace the day.", open
                    // with capitals: only a name after a word in lower case,
                    // and not a law's part in brackets.)
                    if answer
                        && (sentence[..a].ends_with('(')
                            || !sentence[..a]
                                .split_whitespace()
                                .any(|w| w.chars().next().is_some_and(char::is_lowercase)))
                    {
                        continue;
                    }
                    let name = norm(&sentence[a..b]);
                    if paragraph {
                        count_setting(&mut settings, &name);
                    }
                    let before = sentence[..a].trim_end();
                    if before
                        .rsplit(|c: char| !c.is_alphanumeric())
                        .next()
                        .is_some_and(|w| w.eq_ignore_ascii_case("the"))
                    {
                        x.the_names.insert(name.clone());
                    }
                    x.proper.insert(name);
                }
            }
        }
    }
    (x.key_terms, x.weak_terms) = key_terms(doc, topic);
    x.firm_terms = x
        .key_terms
        .iter()
        .map(|t| norm(t))
        .filter(|t| !x.weak_terms.contains(t))
        .collect();
    for (i, term) in x.key_terms.iter().enumerate() {
        if let Some(first) = norm(term).split(' ').next() {
            x.key_index.entry(first.to_string()).or_default().push(i);
        }
    }
    x.setting = main_setting(doc, settings);
    for block in &doc.blocks {
        if let Body::List(list) = &block.body
            && let Some(label) = &list.label
            && (1..=5).contains(&list.items.len())
            && list.items.iter().all(|i| words(&i.text) <= 5)
        {
            let details: Vec<String> = list
                .items
                .iter()
                .map(|i| decapitalize(no_stop(&i.text)))
                .collect();
            x.details.insert(norm(label), details.join("; "));
        }
    }
    // Headings are read in document order with the blocks: an acronym a
    // heading spells out ("4.3 Reporting of … Regulations 2013 (RIDDOR)")
    // is carded at the heading's line.
    let mut headings = doc.headings.iter().peekable();
    let mut blocks = doc.blocks.iter().peekable();
    while let Some(block) = blocks.next() {
        while let Some((line, section)) = headings.next_if(|(l, _)| *l <= block.line) {
            x.heading_acronyms(*line, section);
        }
        if let Body::List(list) = &block.body
            && let Some(pairs) = blocks
                .peek()
                .and_then(|next| question::quiz_answers(list, next))
        {
            x.quiz(block, &pairs);
            blocks.next();
            continue;
        }
        x.block(block);
    }
    for (line, section) in headings {
        x.heading_acronyms(*line, section);
    }
    // A definition that only spells out an acronym repeats the acronym's
    // card ("what is meant by AAC?" → "Augmentative and alternative
    // communication"); so does a cloze whose gap is the long form ("The
    // RHS ([...]) is …") or a part of it beside the acronym ("… the Office
    // of the [...] (OPG)").
    let expansions: Vec<String> = x
        .drafts
        .iter()
        .filter(|d| d.kind == CardKind::Acronym)
        .map(|d| norm(&d.back))
        .filter(|b| words(b) >= 2)
        .collect();
    let acronyms: Vec<(String, String)> = x
        .drafts
        .iter()
        .filter(|d| d.kind == CardKind::Acronym)
        .filter_map(|d| {
            // The whole acronym's cue, not one letter's ("acronym:OPG").
            let a = d.cue.as_str().strip_prefix("acronym:")?;
            (!a.contains(':')).then(|| (format!("({a})"), norm(&d.back)))
        })
        .collect();
    // A definition that spells the acronym out and goes on ("Royal
    // Horticultural Society; the charity that runs the flower shows")
    // keeps what it adds: the long form is the acronym's card.
    // (Only the acronym's own definition, and only what reads as one:
    // "a …", "the …", "when …", "used …"; "Taken from the tap" is a
    // fragment.)
    let long_forms: Vec<(String, String)> = x
        .drafts
        .iter()
        .filter(|d| d.kind == CardKind::Acronym && words(&d.back) >= 2)
        .filter_map(|d| {
            let a = d.cue.as_str().strip_prefix("acronym:")?;
            (!a.contains(':')).then(|| (norm(a), d.back.trim_end_matches('.').to_lowercase()))
        })
        .collect();
    for d in x
        .drafts
        .iter_mut()
        .filter(|d| d.kind == CardKind::Definition)
    {
        let lower = d.back.to_lowercase();
        let Some(n) = long_forms
            .iter()
            .filter(|(a, _)| *a == d.cue.as_str())
            .find_map(|(_, e)| lower.strip_prefix(e.as_str()).map(str::len))
        else {
            continue;
        };
        let rest =
            d.back[d.back.len() - n..].trim_start_matches([';', ',', ':', '–', '-', '—', ' ']);
        let first = rest.split(' ').next().unwrap_or("").to_lowercase();
        if words(rest) > 3
            && [
                "a", "an", "the", "when", "where", "used", "how", "what", "any",
            ]
            .contains(&first.as_str())
        {
            d.back = capitalize(rest);
        }
    }
    // One gap per answer: two clozes blanking "compost" ask one thing.
    let mut gaps: FxHashSet<String> = FxHashSet::default();
    x.drafts.retain(|d| {
        let back = norm(&d.back);
        match d.kind {
            CardKind::Definition => !expansions
                .iter()
                .any(|e| back.starts_with(e.as_str()) && words(&back) <= words(e) + 3),
            CardKind::Cloze => {
                !expansions.contains(&back)
                    && !acronyms.iter().any(|(shown, e)| {
                        d.front.contains(shown.as_str()) && text::contains_words(e, &back)
                    })
                    && gaps.insert(back)
            }
            _ => true,
        }
    });
    // No two laws share an answer: a back copied to several laws says
    // what none of them does.
    let mut backs: FxHashMap<String, usize> = FxHashMap::default();
    for d in x.drafts.iter().filter(|d| d.kind == CardKind::Legislation) {
        *backs.entry(norm(&d.back)).or_default() += 1;
    }
    x.drafts
        .retain(|d| d.kind != CardKind::Legislation || backs.get(&norm(&d.back)) == Some(&1));
    // Words shouted for emphasis read as words.
    let casing = shouting::Casing::of(doc);
    let acronyms: FxHashSet<String> = x
        .drafts
        .iter()
        .filter_map(|d| d.cue.as_str().strip_prefix("acronym:"))
        .map(|a| a.split(':').next().unwrap_or(a).to_string())
        .collect();
    for d in &mut x.drafts {
        if let Some(front) = casing.calm(&d.front, &acronyms) {
            d.front = front;
        }
        if let Some(back) = casing.calm(&d.back, &acronyms) {
            d.back = back;
        }
        if let Some(cloze) = d.cloze.as_deref().and_then(|c| casing.calm(c, &acronyms)) {
            d.cloze = Some(cloze);
        }
    }
    without_repeated_quiz_answers(x.drafts)
}

/// The drafts without a quiz question whose answer another card already
/// gives ("How long must it last? → More than 3 months" after the
/// definition that says "… for more than 3 months"): one card per fact.
fn without_repeated_quiz_answers(mut drafts: Vec<Draft>) -> Vec<Draft> {
    const FILLER: &[&str] = &[
        "the", "and", "for", "are", "was", "not", "but", "with", "they", "them", "their", "this",
        "that", "these", "those", "its", "has", "have", "can", "may", "will", "should", "must",
        "than", "from", "into", "only", "also", "all", "any", "you", "your", "how", "what",
        "which", "who", "when", "where", "why", "does", "did", "then", "there",
    ];
    const NUMBERS: &[(&str, &str)] = &[
        ("one", "1"),
        ("two", "2"),
        ("three", "3"),
        ("four", "4"),
        ("five", "5"),
        ("six", "6"),
        ("seven", "7"),
        ("eight", "8"),
        ("nine", "9"),
        ("ten", "10"),
        ("twelve", "12"),
    ];
    let content = |s: &str| -> FxHashSet<String> {
        norm(s)
            .split(' ')
            .map(|w| NUMBERS.iter().find(|(n, _)| *n == w).map_or(w, |(_, d)| *d))
            .filter(|w| {
                (w.len() >= 3 || w.chars().any(|c| c.is_ascii_digit())) && !FILLER.contains(w)
            })
            .map(|w| w.trim_end_matches('s').to_string())
            .collect()
    };
    let is_quiz = |d: &Draft| d.kind == CardKind::Basic && d.cue.as_str().starts_with("qa:");
    if !drafts.iter().any(is_quiz) {
        return drafts;
    }
    // The other cards' words, indexed by word so each answer is checked
    // against the few cards that share its first word.
    let sets: Vec<FxHashSet<String>> = drafts.iter().map(|d| content(&d.back)).collect();
    let mut by_word: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    // An acronym's long form is another fact than what the body does
    // ("Who supervises deputies? → The Office of the Public Guardian").
    for (i, d) in drafts.iter().enumerate() {
        if !is_quiz(d) && d.kind != CardKind::Acronym {
            for w in &sets[i] {
                by_word.entry(w.as_str()).or_default().push(i);
            }
        }
    }
    // A quiz question and its answer said again by another card, in
    // other words ("How long does the course last? → Six months" after
    // "The course lasts [...] → 6 months").
    let whole: Vec<FxHashSet<String>> = drafts
        .iter()
        .map(|d| content(&format!("{} {}", d.front, d.back)))
        .collect();
    // The cards that may restate a question: a card holding 60% of its
    // words holds one of its rarest 40% (and one more), so only the cards
    // with those words are compared. A question of common words only
    // (more than 400 such cards) is judged no repeat, which keeps a
    // document of thousands of questions linear.
    let mut by_whole: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (j, d) in drafts.iter().enumerate() {
        if !is_quiz(d) && d.kind != CardKind::Acronym {
            for w in &whole[j] {
                by_whole.entry(w.as_str()).or_default().push(j);
            }
        }
    }
    let candidates = |i: usize| {
        let mut postings: Vec<&[usize]> = whole[i]
            .iter()
            .map(|w| by_whole.get(w.as_str()).map_or(&[][..], Vec::as_slice))
            .collect();
        postings.sort_by_key(|p| p.len());
        let k = postings.len();
        let misses = k - (k * 6).div_ceil(10);
        postings.truncate(misses + 1);
        if postings.iter().map(|p| p.len()).sum::<usize>() > 400 {
            return Vec::new();
        }
        let mut found: Vec<usize> = postings.concat();
        found.sort_unstable();
        found.dedup();
        found
    };
    let restated = |i: usize, j: usize| {
        let shared = whole[i].intersection(&whole[j]).count();
        shared * 10 >= whole[i].len() * 6
            && sets[i].intersection(&whole[j]).count() >= sets[i].len().min(2)
    };
    // Of a quiz question and the card that says its answer again, the
    // question goes, unless the other is a cloze: the document's own
    // question asks the fact better than a gap in a sentence.
    let mut repeated: FxHashSet<usize> = FxHashSet::default();
    for (i, d) in drafts.iter().enumerate() {
        let answer = &sets[i];
        // A one-word answer ("Frost.") is in too many cards to tell.
        if !is_quiz(d) || answer.len() < 2 {
            continue;
        }
        let by_answer = answer.iter().next().and_then(|w| {
            by_word.get(w.as_str()).and_then(|others| {
                others
                    .iter()
                    .copied()
                    .find(|&j| answer.iter().all(|w| sets[j].contains(w)))
            })
        });
        let other = by_answer.or_else(|| {
            (whole[i].len() >= 4)
                .then(|| {
                    candidates(i)
                        .into_iter()
                        .find(|&j| j != i && restated(i, j))
                })
                .flatten()
        });
        if let Some(j) = other {
            repeated.insert(if drafts[j].kind == CardKind::Cloze {
                j
            } else {
                i
            });
        }
    }
    let mut i = 0;
    drafts.retain(|_| {
        i += 1;
        !repeated.contains(&(i - 1))
    });
    drafts
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

    fn draft(kind: CardKind, cue: Cue, front: String, back: String) -> Draft {
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

    /// A heading as a lead names it ("In the Fenn scale, …"): without its
    /// marks, outline number and question aside, cased as the document
    /// writes its words. A heading in capitals keeps the acronyms the
    /// document defines ("RHS GRADES" → "RHS grades") and the names it
    /// capitalises ("THE FENN SCALE" → "the Fenn Scale").
    fn heading_shown(&self, heading: &str) -> String {
        let name = text::heading_name(heading.trim_start_matches(|c: char| !c.is_alphanumeric()));
        let (article, rest) = match name.split_once(' ') {
            Some((the, rest)) if the.eq_ignore_ascii_case("the") => ("the ", rest),
            _ => ("", name),
        };
        if rest.split_whitespace().count() >= 2 && self.proper.contains(&norm(rest)) {
            let titled: Vec<String> = rest
                .split_whitespace()
                .map(|w| match w.to_lowercase().as_str() {
                    small @ ("of" | "and" | "for" | "the" | "in" | "on" | "to") => {
                        small.to_string()
                    }
                    lower => capitalize(lower),
                })
                .collect();
            // ("In the Fenn Scale": a named scheme takes "the".)
            let article = if article.is_empty() && words(rest) >= 2 {
                "the "
            } else {
                article
            };
            return format!("{article}{}", titled.join(" "));
        }
        // (A heading read in capitals was cased as a sentence: the
        // document's acronyms get theirs back.)
        let acronym = |w: &str| {
            w.len() >= 2
                && self
                    .key_terms
                    .iter()
                    .any(|t| t.eq_ignore_ascii_case(w) && t.chars().all(|c| c.is_ascii_uppercase()))
        };
        // (In a heading kept in capitals, a short word the document
        // capitalises in its sentences is an acronym: "RHS".)
        let capitals = name
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
        let words: Vec<String> = name
            .split_whitespace()
            .map(|w| {
                let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
                let short_name = capitals
                    && (2..=5).contains(&bare.len())
                    && self.proper.contains(&bare.to_lowercase());
                if acronym(bare) || short_name {
                    w.replace(bare, &bare.to_uppercase())
                } else if capitals && !bare.chars().any(|c| c.is_ascii_digit()) {
                    w.to_lowercase()
                } else {
                    w.to_string()
                }
            })
            .collect();
        let shown = self.shown(&words.join(" "));
        // "Fenn classification": a scheme named by a name takes "the".
        let scheme = [
            "scale",
            "score",
            "chart",
            "classification",
            "criteria",
            "tool",
            "test",
            "model",
            "framework",
            "ladder",
        ];
        match shown.split_whitespace().collect::<Vec<_>>()[..] {
            [name, kind]
                if name.starts_with(char::is_uppercase)
                    && self.proper.contains(&norm(name))
                    && scheme.contains(&kind) =>
            {
                format!("the {shown}")
            }
            _ => shown,
        }
    }

    /// Whether `text` names every content word of the document's topic.
    fn mentions_topic(&self, text: &str) -> bool {
        mentions_normed(&norm(text), &self.topic_norm)
    }

    /// "In infection control, " unless the rest already names the topic.
    fn in_topic(&self, rest: &str) -> String {
        if self.topic.is_empty() || self.mentions_topic(rest) {
            capitalize(rest)
        } else {
            format!("{}, {}", self.lead, after_topic(rest))
        }
    }

    /// The action the block's heading names, as the time a rule is for:
    /// "Pruning a climbing rose" → "when pruning a climbing rose",
    /// "Method: potting on a seedling" → "when potting on a seedling", "How
    /// to plant a hedge" → "when you plant a hedge". A heading whose "-ing"
    /// word is a noun's modifier ("Growing media", "Watering cans") names no
    /// action: the word after it must be an article, a pronoun, a particle
    /// or "and".
    fn action_heading(&self, block: &Block) -> Option<String> {
        let heading = text::plain_heading(block.section.last()?);
        let heading = heading.trim_start_matches(|c: char| !c.is_alphanumeric());
        // "Method: potting on …": the part after a short label.
        let heading = match heading.split_once(": ") {
            Some((label, rest)) if words(label) <= 2 => rest,
            _ => heading,
        };
        let plain = norm(heading);
        if heading.contains(['?', '(', ':', '–', '—'])
            || heading.contains(" - ")
            || !(2..=7).contains(&words(heading))
            || heading.ends_with('.')
        {
            return None;
        }
        let ws: Vec<&str> = plain.split(' ').collect();
        if ws[0] == "how" && ws.get(1) == Some(&"to") && ws.len() >= 4 {
            return Some(format!("when you {}", ws[2..].join(" ")));
        }
        let follows = [
            "a",
            "an",
            "the",
            "your",
            "their",
            "someone",
            "someone's",
            "somebody",
            "people",
            "them",
            "it",
            "and",
            "for",
            "with",
            "up",
            "out",
            "on",
            "off",
            "to",
            "into",
        ];
        let gerund = ws[0].len() >= 6
            && ws[0].ends_with("ing")
            && ![
                "during", "morning", "evening", "nothing", "something", "anything",
                "everything", "according", "following", "including", "regarding",
                "concerning",
            ]
            .contains(&ws[0])
            && follows.contains(&ws[1])
            // ("Tubing and trip hazards": two nouns; "Weighing and
            // measuring technique": a noun's modifiers.)
            && (ws[1] != "and"
                || ws.get(2).is_some_and(|w| w.ends_with("ing"))
                    && ws.get(3).is_none_or(|w| follows.contains(w)));
        gerund.then(|| format!("when {}", decapitalize(&self.shown(heading))))
    }

    /// An instruction's front, led by the action its heading names ("In
    /// roses, when pruning a climbing rose, where should you cut?"), and
    /// by the topic unless the action names it.
    fn in_action(&self, block: &Block, asked: &str) -> String {
        match self.action_heading(block) {
            Some(when) => self.in_topic(&format!("{when}, {asked}")),
            None => self.in_topic(asked),
        }
    }

    /// The rules a block goes to. Lists go by [`ListReading`], whose
    /// order is the precedence of the list rules.
    fn block(&mut self, block: &Block) {
        let label = match &block.body {
            Body::List(list) => list.label.as_deref(),
            _ => None,
        };
        if block
            .section
            .iter()
            .map(String::as_str)
            .chain(label)
            .any(is_not_subject)
        {
            return;
        }
        let lead_in = std::mem::take(&mut self.lead_in);
        let list = match &block.body {
            Body::Paragraph(text) => {
                if words(text) <= 20 {
                    self.lead_in.push_str(text);
                }
                return self.prose(block, text, block.line, 5);
            }
            Body::Table { header, rows } => return self.table(block, header, rows, &lead_in),
            Body::Mcq(mcq) => return self.mcq(block, mcq),
            Body::Qa { question, answer } => {
                self.qa(block, block.line, question, answer);
                // The acronyms an answer spells out are asked too.
                for (acronym, expansion) in acronyms_in(answer) {
                    self.acronym_card(block, block.line, &acronym, &expansion);
                }
                return;
            }
            Body::List(list) => list,
        };
        // "Further reading" over "HSE: How the … Regulations apply …": the
        // page's reading, not its facts.
        if list
            .label
            .as_deref()
            .map(|l| l.trim_end_matches(':'))
            // ("Sources of support:" is advice, not reading.)
            .is_some_and(|l| crate::compile::read::is_reading_list(l) && !norm(l).contains(" of "))
        {
            return;
        }
        // "1) When was it introduced?   Answer: April 2015.": questions
        // answered on their own lines, whatever list they are in.
        let answered: Vec<(u32, &str, &str)> = list
            .items
            .iter()
            .filter_map(|i| inline_answer(&i.text).map(|(q, a)| (i.line, q, a)))
            .collect();
        if !answered.is_empty() && answered.len() * 2 >= list.items.len() {
            for (line, question, answer) in answered {
                self.qa(block, line, question, answer);
            }
            return;
        }
        self.list_lead.clone_from(&lead_in);
        let reading = ListReading::of(block, list);
        if self.letter_set(block, list) {
            for item in &list.items {
                self.in_passing(block, &item.text, item.line);
            }
            return;
        }
        // A set the lead counts is asked for as a set, however its items
        // are read ("There are four types of hazard:" over glossed terms).
        if matches!(
            reading,
            ListReading::Terms | ListReading::Prose | ListReading::Numbered
        ) {
            self.counted_list(block, list);
        }
        // What a list of terms is read under: its own label, else its heading.
        let named_by = list
            .label
            .as_deref()
            .or(block.section.last().map(String::as_str));
        match reading {
            ListReading::HeadingDefinition => self.heading_definition(block, &list.items[0]),
            ListReading::Misconceptions => {
                for item in &list.items {
                    self.misconception(block, item);
                    self.in_passing(block, &item.text, item.line);
                }
            }
            ListReading::Acronym(acronym) => self.acronym_expansion(block, list, &acronym, None),
            ListReading::NumberedTerms => {
                self.ordered(block, list);
                for item in &list.items {
                    self.term_item(block, item);
                }
            }
            // "Non-drug approaches:" over "Heat – warm bath, wheat bag":
            // ways of doing something, not terms to define.
            ListReading::Terms if is_ways(named_by) => {
                for item in &list.items {
                    self.in_passing(block, &item.text, item.line);
                }
            }
            // "Timescales" over "Ordering seed …… no later than the end of
            // January": each a time limit.
            ListReading::Terms if is_timescales(named_by) => {
                for item in &list.items {
                    self.time_limit(block, item);
                }
            }
            // "Who may be involved:" over "Allotment society …… plot letting
            // and rents": people and their roles, asked only where the role
            // is said with its verb ("Plot warden – assesses …").
            ListReading::Terms if is_roles(named_by) => {
                for item in &list.items {
                    // (A rule said of someone, "Council: tenants must
                    // register …", is read as any item is.)
                    if split_term(&item.text).is_some_and(|(_, def)| {
                        opens_on_agent_verb(def)
                            || [" must ", " should ", " will "].iter().any(|m| def.contains(m))
                            // ("Mulch – a layer of …": a gloss of a thing.)
                            || ["a ", "an ", "the "]
                                .iter()
                                .any(|a| def.trim_start().to_lowercase().starts_with(a))
                    }) {
                        self.term_item(block, item);
                    } else {
                        self.in_passing(block, &item.text, item.line);
                    }
                }
            }
            ListReading::Terms => {
                for item in &list.items {
                    self.term_item(block, item);
                }
            }
            ListReading::Prose => {
                for item in &list.items {
                    self.prose(block, &item.text, item.line, 1);
                }
            }
            ListReading::Numbered => {
                self.ordered(block, list);
                if !is_procedure(list.label.as_deref().unwrap_or("")) {
                    self.rule_items(block, list);
                }
                for item in &list.items {
                    self.in_passing(block, &item.text, item.line);
                }
            }
            ListReading::Members => {
                self.members(block, list);
                for item in &list.items {
                    self.in_passing(block, &item.text, item.line);
                }
            }
        }
    }
}

/// How a list is read. The variants are in order of precedence: a list
/// is read the first way that fits it ([`ListReading::of`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListReading {
    /// One item under a "What is it?" label: the heading's definition.
    HeadingDefinition,
    /// Items of five words or more under a heading of mistakes.
    Misconceptions,
    /// Items whose initials spell the heading or label.
    Acronym(String),
    /// "1. Term - definition" where the number names the term.
    NumberedTerms,
    /// "Term: definition" items.
    Terms,
    /// Items that are whole sentences.
    Prose,
    /// Numbered items.
    Numbered,
    /// Anything else: members of a labelled list.
    Members,
}

impl ListReading {
    /// The first reading that fits `list`, in the order of the variants.
    pub fn of(block: &Block, list: &List) -> Self {
        let label = list.label.as_deref().unwrap_or("");
        // Under a heading of mistakes; a list with a label of its own ("2.
        // Report it" under "Medication errors") is judged by that label and
        // its nearest heading.
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
        let numbered = list.ordered && list.items.iter().all(|i| i.number.is_some());
        let numbered_label = || {
            list.items
                .iter()
                .any(|i| split_term(&i.text).is_some_and(|(t, _)| is_numbered_label(t)))
        };
        if crate::compile::read::is_definition_label(label) && list.items.len() == 1 {
            Self::HeadingDefinition
        } else if misconceptions && list.items.iter().all(|i| words(&i.text) >= 5) {
            Self::Misconceptions
        } else if let Some(acronym) = acronym_list(list, block.section.last()) {
            Self::Acronym(acronym)
        } else if numbered
            && (is_procedure(label) || block.section.iter().rev().take(2).any(|h| is_procedure(h)))
        {
            // A procedure's steps are asked in order, whether they are
            // sentences or "Step – details" ("1. Look for injury – pain,
            // bleeding …").
            Self::Numbered
        } else if numbered && is_term_list(list) && !numbered_label() {
            Self::NumberedTerms
        } else if is_term_list(list)
            && !is_condition(label)
            && !block.section.last().is_some_and(|h| is_condition(h))
        {
            Self::Terms
        } else if is_prose_list(list) {
            Self::Prose
        } else if numbered {
            Self::Numbered
        } else {
            Self::Members
        }
    }
}

/// Whether a heading lists ways of doing something or things to notice
/// ("Non-drug approaches", "Strategies", "Signs to look for"): its items
/// are no terms.
pub(crate) fn is_ways(heading: Option<&str>) -> bool {
    const WAYS: &[&str] = &[
        "approaches",
        "strategies",
        "interventions",
        "methods",
        "tips",
        "ways",
        "ideas",
        "measures",
        "actions",
        "techniques",
        "signs",
        "indicators",
        "areas",
        "causes",
        "factors",
        // "Common sites": places on the body.
        "sites",
    ];
    heading.is_some_and(|h| norm(h).split(' ').any(|w| WAYS.contains(&w)))
}

/// Whether a heading asks who ("Who may be involved:", "Who assesses?",
/// "Involving others").
pub(crate) fn is_roles(heading: Option<&str>) -> bool {
    heading.is_some_and(|h| {
        norm(h)
            .split(' ')
            .any(|w| ["who", "involved", "involving", "contacts"].contains(&w))
    })
}

/// Whether a heading names time limits ("Timescales",
/// "Key time limits", "Deadlines").
pub(crate) fn is_timescales(heading: Option<&str>) -> bool {
    heading.is_some_and(|h| {
        let n = norm(h);
        n.split(' ')
            .any(|w| ["timescales", "timescale", "deadlines", "timeframes"].contains(&w))
            || n.contains("time limit")
    })
}

/// Whether a label is a condition ("If hurt or unable to get up:"): the
/// items under it are what to do then, not terms.
pub(crate) fn is_condition(label: &str) -> bool {
    let lower = label.trim().to_lowercase();
    ["if ", "when ", "after ", "before ", "during "]
        .iter()
        .any(|p| lower.starts_with(p))
}

/// Whether a heading introduces what is not subject knowledge: exam tips,
/// marking points, learning outcomes, revision advice, or a closing summary
/// that repeats the sections before it. Nothing under it becomes a card.
pub(crate) fn is_not_subject(heading: &str) -> bool {
    static PHRASES: LazyLock<AhoCorasick> = LazyLock::new(|| {
        text::keyword_matcher(&[
            "exam tip",
            "exam technique",
            "examiner",
            "marking point",
            "marking scheme",
            "marking criteria",
            "assessment criteria",
            "assessment tip",
            "learning outcome",
            "learning objective",
            // "By the end of this module you will be able to:" over the
            // outcomes.
            "you will be able to",
            "you should be able to",
            "revision tip",
            "revision strateg",
            "revision advice",
            "how to revise",
            "summary",
            "key points",
            "key takeaways",
            "recap",
            // Web page furniture around an essay.
            "comments",
            "leave a reply",
            "related posts",
            "related articles",
            "related essays",
            "you may also like",
            "about the author",
            // A course page's forum ("Learner discussion (3)").
            "discussion",
            "answer key",
        ])
    });
    PHRASES.is_match(heading)
}

/// `text` without a leading `prefix` (ignoring case), at a word boundary.
pub(crate) fn strip_prefix_ci<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    let n = prefix.len();
    let head = text.get(..n)?;
    let rest = &text[n..];
    (head.eq_ignore_ascii_case(prefix) && rest.starts_with(' ')).then_some(rest)
}

/// A Title Case term as it reads inside a sentence ("Person-Centred
/// Care" → "person-centred care"); acronyms and other text unchanged.
/// A sentence as it reads after "In pruning, ": "the shears …", not
/// "The shears …"; a name keeps its capital ("Mr Hale …").
pub(crate) fn after_topic(rest: &str) -> String {
    const OPENERS: [&str; 16] = [
        "the", "a", "an", "for", "you", "your", "it", "this", "these", "there", "when", "if",
        "some", "most", "they", "we",
    ];
    let first = rest.split_whitespace().next().unwrap_or("").to_lowercase();
    if OPENERS.contains(&first.as_str()) {
        decapitalize(rest)
    } else {
        rest.to_string()
    }
}

pub(crate) fn lower_title(term: &str) -> String {
    let words: Vec<&str> = term.split_whitespace().collect();
    let capitalised = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    if words.len() >= 2 && capitalised * 2 > words.len() {
        words
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
                let acronym = bare.chars().filter(|c| c.is_uppercase()).count() >= 2
                    && bare.chars().filter(|c| c.is_lowercase()).count() <= 1;
                // "Hepatitis B", "Hepatitis A": a letter that names, not an
                // article (which opens the title: "A Guide to Pruning").
                let letter = bare.len() == 1
                    && (bare != "A" || i > 0)
                    && bare.chars().all(|c| c.is_ascii_uppercase());
                // "B12", "COVID-19": a code keeps its capitals.
                let code = bare.chars().any(|c| c.is_ascii_digit())
                    && bare.chars().any(|c| c.is_uppercase());
                if acronym || letter || code {
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

pub(crate) fn close(s: &str) -> String {
    // "… used across the NHS and care homes:" ends on a colon, not a stop.
    let s = s.trim().trim_end_matches([',', ';', ':']).trim_end();
    if s.ends_with(['.', '!', '?']) {
        s.to_string()
    } else {
        format!("{s}.")
    }
}

/// Whether a definition is a whole clause with its own verb ("every
/// individual has the right…") rather than a gloss.
pub(crate) fn is_clause(text: &str) -> bool {
    static FINITE: Words = Words::new(&[
        "is", "are", "has", "have", "must", "should", "can", "will", "may", "was", "were",
    ]);
    text.split_whitespace()
        .take(5)
        .skip(1)
        .any(|w| FINITE.contains_lower(w))
        || text.ends_with('?')
}

/// [`mentions`], for a text and topic already made [`norm`]al.
pub(crate) fn mentions_normed(text: &str, topic: &str) -> bool {
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
pub(crate) fn find_words(hay: &str, needle: &str) -> Option<usize> {
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

pub(crate) fn is_plural(term: &str) -> bool {
    // "loss of leaves" is one loss; "pruning roses" is one activity (but
    // "The Rules of Pruning" are rules).
    let common = term.starts_with(|c: char| c.is_lowercase());
    let head = match term.split_once(" of ") {
        Some((head, _)) if common => head,
        _ => term,
    };
    let mut ws = head.split_whitespace();
    let first = ws.next().unwrap_or("");
    let last = head.split_whitespace().last().unwrap_or("");
    if common && first.len() > 4 && first.ends_with("ing") && ws.next().is_some() {
        return false;
    }
    // "NPK" or "RHS" are one thing each; "NSAIDs" are many.
    if last.len() >= 2 && last.chars().all(|c| c.is_ascii_uppercase()) {
        return false;
    }
    let last = last.to_lowercase();
    // (Latin and Greek plurals: "criteria", "bacteria"; "data" is one.)
    ["criteria", "bacteria", "phenomena", "fungi", "stimuli"].contains(&last.as_str())
        || last.ends_with('s')
            && !last.ends_with("ss")
            && !last.ends_with("us")
            && !last.ends_with("is")
}

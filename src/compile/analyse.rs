//! What is known about a document before any card is drafted: its key
//! terms, the names it capitalises, and the setting a case study is about.

use super::rules::*;

/// Key terms looked for in each sentence, at most.
pub(crate) const MAX_KEY_TERMS: usize = 200;

/// Nouns that end the name of a setting or organisation.
pub(crate) static INSTITUTIONS: Words = Words::new(&[
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

/// The byte ranges of proper nouns: runs of capitalised words that are
/// not the sentence's first word alone (a first word counts when the next
/// word is capitalised too: "Maple Court").
pub(crate) fn proper_nouns(sentence: &str) -> Vec<(usize, usize)> {
    let mut tokens: Vec<(usize, usize, bool, bool)> = Vec::new();
    let mut clause_start = false;
    for (start, w) in text::word_offsets(sentence) {
        let lead = w.len() - w.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
        // A quotation or a clause after a colon starts with a capital of
        // its own ("Myth: “Rain is enough …”").
        let opens = w.starts_with(['“', '"']);
        let capital = bare.chars().next().is_some_and(char::is_uppercase)
            && !["I", "A"].contains(&bare)
            && !opens
            && !clause_start;
        // (A stop inside the text given starts a sentence too.)
        clause_start =
            w.ends_with(':') || w.trim_end_matches(['”', '"']).ends_with(['.', '!', '?']);
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
            // "Friends of the Earth", "Office for National Statistics": connectors between
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
            // "Northgate general hospital": lower-case words ending in a kind
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
        // "The Suzy Lamplugh Trust": the article is not part of the name.
        let start = if j > i && word(i).eq_ignore_ascii_case("the") {
            tokens[i + 1].0
        } else {
            start
        };
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
pub(crate) fn main_setting(doc: &Document, mut counts: BTreeMap<String, usize>) -> Option<String> {
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
pub(crate) fn count_setting(counts: &mut BTreeMap<String, usize>, name: &str) {
    // A law is no setting ("Care Standards Act 2000" votes for nothing).
    let law = name.split(' ').any(|w| {
        [
            "act",
            "regulations",
            "regulation",
            "directive",
            "charter",
            "convention",
        ]
        .contains(&w)
    });
    if !law
        && words(name) >= 2
        && let Some(first) = name.split(' ').next()
    {
        *counts.entry(first.to_string()).or_default() += 1;
    }
}

/// The document's key-term lexicon, longest first: terms it defines,
/// labels, short headings, acronyms and their long forms, named laws, and
/// noun phrases it repeats. A cloze blanks only these. The second set
/// holds, through `norm`, the weak ones: terms found only as a heading or
/// a repeated phrase, which give a sentence its subject but are too loose
/// to be the one right answer of a gap ("pressure areas", "fire safety").
pub(crate) fn key_terms(doc: &Document, topic: &str) -> (Vec<String>, HashSet<String>) {
    let mut terms: HashSet<String> = HashSet::new();
    let mut strong: HashSet<String> = HashSet::new();
    let topic = norm(topic);
    let mut add = |t: &str, firm: bool| {
        let t = text::strip_outline_number(no_stop(t).trim());
        let t = ["A ", "An ", "The ", "Your "]
            .iter()
            .find_map(|a| t.strip_prefix(a))
            .unwrap_or(t);
        let n = words(t);
        if !(1..=4).contains(&n) || t.len() < 4 {
            return;
        }
        let normed = norm(t);
        if firm {
            strong.insert(normed.clone());
        }
        if terms.contains(t) {
            return;
        }
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
                    add(label, true);
                }
                for item in &list.items {
                    if let Some((term, _)) = split_term(&item.text) {
                        add(term, true);
                    }
                    for (a, e) in acronyms_in(&item.text) {
                        add(&a, true);
                        add(&e, true);
                    }
                }
            }
            Body::Paragraph(text) => {
                for (a, e) in acronyms_in(text) {
                    add(&a, true);
                    add(&e, true);
                }
                for law in laws_in(text) {
                    add(&law, true);
                }
                for sentence in text::sentences(text) {
                    if let Some(term) = defined_term(&sentence) {
                        add(term, true);
                    }
                }
            }
            _ => {}
        }
        // Headings of three words at most: a longer one is a title, not a
        // term ("Planting plan of the allotment").
        for s in block.section.iter() {
            // "Equipment – hoists and slings": each half may be a term.
            for part in std::iter::once(s.as_str()).chain(s.split([':', '–', '—', '(', ')'])) {
                if words(text::strip_outline_number(part.trim())) <= 3 {
                    add(part, false);
                }
            }
        }
    }
    for phrase in repeated_phrases(doc) {
        add(&phrase, false);
    }
    let mut terms: Vec<String> = terms.into_iter().collect();
    terms.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    // Long documents: the longest terms are enough, and the cost of
    // looking for them in every sentence stays linear.
    terms.truncate(MAX_KEY_TERMS);
    let weak = terms
        .iter()
        .map(|t| norm(t))
        .filter(|t| !strong.contains(t))
        .collect();
    (terms, weak)
}

/// The term a sentence defines ("Dehydration means …", "A hazard is
/// anything …", "… is known as ‘hand hygiene’"), if it defines one.
pub(crate) fn defined_term(sentence: &str) -> Option<&str> {
    if let Some((_, term)) = known_as_inline(sentence) {
        return Some(term);
    }
    let caps = DEFINES
        .captures(sentence)
        .or_else(|| IS_A.captures(sentence))
        .or_else(|| IS_A_LOWER.captures(sentence))?;
    let term = caps.get(1)?;
    let first = term.as_str().split(' ').next().unwrap_or("");
    (is_term(term.as_str()) && !SMALL.contains_lower(first)).then(|| term.as_str())
}

/// General English words that do not start or end a noun phrase.
static NOT_NOUNS: Words = Words::new(&[
    "after",
    "before",
    "straight",
    "away",
    "about",
    "above",
    "below",
    "under",
    "over",
    "into",
    "onto",
    "within",
    "without",
    "during",
    "every",
    "each",
    "other",
    "another",
    "same",
    "such",
    "also",
    "only",
    "just",
    "very",
    "more",
    "most",
    "much",
    "many",
    "some",
    "always",
    "never",
    "often",
    "still",
    "even",
    "must",
    "should",
    "could",
    "would",
    "will",
    "shall",
    "might",
    "what",
    "when",
    "where",
    "which",
    "while",
    "whether",
    "there",
    "here",
    "they",
    "them",
    "their",
    "your",
    "yours",
    "this",
    "that",
    "these",
    "those",
    "make",
    "take",
    "give",
    "keep",
    "need",
    "needs",
    "help",
    "helps",
    "work",
    "works",
    "able",
    "well",
    "both",
    "then",
    "than",
    // Adjectives that do not make a phrase a term ("effective pruning").
    "effective",
    "external",
    "internal",
    "different",
    "important",
    "good",
    "main",
    "various",
    "several",
    "certain",
    "close",
    "clear",
    "specific",
    "relevant",
    "appropriate",
    "best",
    "better",
    "right",
    "wrong",
    "whole",
    "full",
    "general",
    "overall",
    "common",
    "current",
    "local",
    "national",
    "positive",
    "negative",
    "strong",
    "regular",
    "simple",
    // Verbs that open a clause, not a term ("improve outcomes").
    "improve",
    "provide",
    "ensure",
    "promote",
    "protect",
    "share",
    "reduce",
    "increase",
    "build",
    "develop",
    "meet",
    "include",
    "involve",
    "identify",
    "manage",
    "maintain",
    "deliver",
    "achieve",
    "create",
    "allow",
    "enable",
    "prevent",
    "avoid",
    "check",
    "report",
]);

/// Phrases of two or three words the document uses three times or more,
/// with no function word at either edge, no verb form, and one word of
/// five letters or more: the noun phrases a topic is made of ("safe
/// working load", "best interests").
pub(crate) fn repeated_phrases(doc: &Document) -> Vec<String> {
    const TIMES: usize = 3;
    let mut counts: FxHashMap<String, usize> = FxHashMap::default();
    let mut count = |text: &str| {
        for sentence in text::sentences(text) {
            let normed = norm(&sentence);
            let words: Vec<&str> = normed.split(' ').filter(|w| !w.is_empty()).collect();
            // Each word judged once, not once per phrase it is in.
            let verb: Vec<bool> = words.iter().map(|w| is_verb_form(w)).collect();
            let edge: Vec<bool> = words
                .iter()
                .zip(&verb)
                .map(|(w, &v)| {
                    !v && w.len() >= 4
                        && !w.ends_with("ly")
                        && !w.chars().all(|c| c.is_ascii_digit())
                        && !NOT_NOUNS.contains(w)
                        && !SMALL.contains(w)
                        && !super::GENERIC.contains(w)
                })
                .collect();
            for n in 2..=3 {
                for start in 0..words.len().saturating_sub(n - 1) {
                    let run = &words[start..start + n];
                    let edges = edge[start] && edge[start + n - 1];
                    if edges
                        && !verb[start..start + n].iter().any(|&v| v)
                        && run.iter().any(|w| w.len() >= 5)
                    {
                        *counts.entry(run.join(" ")).or_default() += 1;
                    }
                }
            }
        }
    };
    for block in &doc.blocks {
        match &block.body {
            Body::Paragraph(text) => count(text),
            Body::List(list) => list.items.iter().for_each(|i| count(&i.text)),
            _ => {}
        }
    }
    // Twice is enough for a phrase with a long (specific) word in it.
    let specific = |p: &str| p.split(' ').any(|w| w.len() >= 8);
    let mut out: Vec<String> = counts
        .into_iter()
        .filter(|(p, n)| *n >= TIMES || (*n >= 2 && specific(p) && p.contains(' ')))
        .map(|(p, _)| p)
        .collect();
    out.sort();
    out
}

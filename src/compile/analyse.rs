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
    for (start, w) in text::word_offsets(sentence) {
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
    if words(name) >= 2
        && let Some(first) = name.split(' ').next()
    {
        *counts.entry(first.to_string()).or_default() += 1;
    }
}

/// Terms worth blanking in this document, longest first: defined terms,
/// labels, short headings and acronyms.
pub(crate) fn key_terms(doc: &Document, topic: &str) -> Vec<String> {
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

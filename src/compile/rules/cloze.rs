//! Cloze cards: a sentence with one key term of the document blanked (a
//! quantity or time limit, or a term from the document's lexicon: defined
//! terms, acronyms and their long forms, named laws and bodies, headings,
//! bold terms). A sentence with none gets no card: no gap on filler, half
//! a phrase, a name from a case study or one item of a list.

use super::*;

impl Extractor {
    /// A cloze card from one sentence, when it has a key term to blank.
    pub(super) fn cloze(&mut self, block: &Block, line: u32, sentence: &str) -> bool {
        let n = words(sentence);
        // A paragraph's last sentence without a full stop was cut off
        // (list items need none).
        if matches!(block.body, Body::Paragraph(_))
            && !sentence.ends_with(['.', '!', '”', '’', ')'])
        {
            return false;
        }
        if !(7..=40).contains(&n) || names_a_person(sentence) || leans_on_before(sentence) {
            return false;
        }
        let Some((start, end)) = self.gap(sentence, &block.section) else {
            return false;
        };
        let gap = sentence[start..end].trim().to_string();
        // A case study's names are context, never the answer.
        let capitalised = gap
            .split_whitespace()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()));
        let case_study = block.section.iter().any(|h| is_case_study(h));
        // Half a name: "The [...] Protection Safeguards".
        let next_capital = sentence[end..]
            .trim_start()
            .starts_with(|c: char| c.is_uppercase());
        if capitalised && next_capital && sentence[end..].starts_with(' ') {
            return false;
        }
        if words(&gap) > 8
            || words(&gap) == 0
            || self.is_setting(&gap)
            || is_place_name(&gap)
            || (case_study && capitalised && quantity(&gap).is_none())
            || !self.gaps.insert(norm(&gap))
        {
            return false;
        }
        let shown = format!("{}[...]{}", &sentence[..start], &sentence[end..]);
        let markup = format!(
            "{}{{{{c1::{}}}}}{}",
            &sentence[..start],
            &sentence[start..end],
            &sentence[end..]
        );
        // The sentence names its own subject when it holds the topic, a
        // name or a key term besides the gap; else the topic goes first.
        let rest = format!("{} {}", &sentence[..start], &sentence[end..]);
        let has_context = text::contains_words(sentence, &self.topic)
            || !proper_nouns(&rest).is_empty()
            || self.mentions_key_phrase(&rest);
        let (front, markup) = if has_context {
            (shown, markup)
        } else {
            // The topic names the subject; a heading trail would quiz the
            // page ("Topic › Section › Sub-section: …").
            let subject = capitalize(&self.topic);
            if subject.is_empty() {
                (shown, markup)
            } else {
                (
                    format!("{subject}: {shown}"),
                    format!("{subject}: {markup}"),
                )
            }
        };
        if words(&front) > MAX_FRONT_WORDS {
            return false;
        }
        let mut draft = Self::draft(CardKind::Cloze, Cue::cloze(&gap, sentence), front, gap);
        draft.cloze = Some(markup);
        self.push(block, line, draft);
        true
    }

    /// Whether `text` holds a key term of two words or more, looked up by
    /// its words (not by trying every term: long documents stay linear).
    pub(super) fn mentions_key_phrase(&self, text: &str) -> bool {
        let lower = text.to_lowercase();
        norm(text)
            .split(' ')
            .filter_map(|w| self.key_index.get(w))
            .flatten()
            .map(|&i| &self.key_terms[i])
            .any(|t| t.contains(' ') && find_words(&lower, &t.to_lowercase()).is_some())
    }

    /// Whether a name is the document's setting.
    pub(super) fn is_setting(&self, name: &str) -> bool {
        let n = norm(name);
        self.setting
            .as_deref()
            .is_some_and(|s| n.split(' ').next() == Some(s))
    }

    /// The byte range of the best term to blank in a sentence: the first
    /// candidate, in order of preference, that survives [`refine_gap`].
    pub(super) fn gap(&self, sentence: &str, section: &[String]) -> Option<(usize, usize)> {
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
    pub(super) fn first_gap(
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
        // 2. A name of two words or more (a body, a theory, a guideline),
        // other than the setting, a person, or anything in a case study,
        // whose names are context, never the answer.
        let case_study = section.iter().any(|h| is_case_study(h));
        for &(s, e) in &proper_nouns(sentence) {
            let name = &sentence[s..e];
            if case_study {
                break;
            }
            if name.contains(' ')
                && s > 0
                && !self.is_setting(name)
                && !name.starts_with("The ")
                && !is_person(name)
                && !is_author(sentence, e)
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
            // Part of the topic is no gap ("Infection [...] covers …").
            if topic.contains(norm(term).as_str()) || text::words(term) > 5 {
                continue;
            }
            // One word has one right answer only when the document defines
            // it or it is an acronym ("equipment" fits many gaps).
            let acronym = term.chars().filter(|c| c.is_uppercase()).count() >= 2;
            if !term.contains(' ') && !acronym && !self.defined.contains(&norm(term)) {
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
        None
    }
}

/// A quantity or time limit, in lower case: it is matched against the
/// sentence in ASCII lower case (see [`quantity`]), the same as ignoring
/// ASCII case and half the time to compile.
pub(crate) static QUANTITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:[0-9]+(?:\s*(?:[–-]|to)\s*[0-9]+)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty|sixty|ninety)\s+(?:(?:working|calendar|clear)\s+)?(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)(?-u:\b)|(?-u:\b)[0-9]+(?:\.[0-9]+)?\s*(?:%|per ?cent)")
        .expect("valid pattern")
});

/// The first quantity or time limit in `text` ("40–60 seconds", "72
/// Hours"), ignoring ASCII case: lower-casing ASCII keeps every offset.
pub(crate) fn quantity(text: &str) -> Option<(usize, usize)> {
    let lower = text.to_ascii_lowercase();
    QUANTITY.find(&lower).map(|m| (m.start(), m.end()))
}

/// Words that are never the point of a gap on their own: connectives,
/// quantifiers and common verbs.
pub(crate) static PLAIN_WORDS: Words = Words::new(&[
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

/// Whether a word looks like a verb form ("given", "required", "making").
pub(crate) fn is_verb_form(word: &str) -> bool {
    let w = text::lowercase(word);
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
pub(crate) fn refine_gap(sentence: &str, mut s: usize, mut e: usize) -> Option<(usize, usize)> {
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
        || crate::compile::GENERIC.contains(&lower.as_str())
        || (single && is_verb_form(gap) && !upper)
        || (single && gap.len() < 5 && !upper && !number)
        || words(gap) > 8
    {
        return None;
    }
    Some((s, e))
}

/// The longest run of words a sentence shares with a heading, as a byte
/// range of the sentence (at least one word of four letters or more).
pub(crate) fn shared_run(sentence: &str, heading: &str) -> Option<(usize, usize)> {
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
                    && !crate::compile::GENERIC.contains(&w.as_str())
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
pub(crate) fn word_spans(text: &str) -> Vec<(usize, usize)> {
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

/// Whether a heading introduces a case study or a scenario.
pub(crate) fn is_case_study(heading: &str) -> bool {
    let h = norm(heading);
    ["case study", "scenario", "case example", "practice example"]
        .iter()
        .any(|k| h.contains(k))
}

/// A person in a case study ("Mrs D", "Mrs D’s son"): never the point.
pub(crate) fn is_person(name: &str) -> bool {
    ["Mr ", "Mrs ", "Ms ", "Miss ", "Dr "]
        .iter()
        .any(|t| name.starts_with(t))
        || name.contains("'s")
        || name.contains("’s")
}

/// Whether the name ending at byte `end` is an author: a reporting verb
/// follows ("Morgan and Reid stress that…").
pub(crate) fn is_author(sentence: &str, end: usize) -> bool {
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

/// A sentence about a person in a case study ("Mr Clarke is 82 …"): its
/// names are context, never a gap.
pub(crate) fn names_a_person(sentence: &str) -> bool {
    ["Mr ", "Mrs ", "Ms ", "Miss "].iter().any(|t| {
        sentence
            .match_indices(t)
            .any(|(i, _)| sentence[i + t.len()..].starts_with(|c: char| c.is_uppercase()))
    })
}

/// The name of a place ("Northgate General Hospital", "Maple Court care
/// home"): the setting of a story, not a fact to recall.
pub(crate) fn is_place_name(gap: &str) -> bool {
    static PLACES: Words = Words::new(&[
        "hospital", "home", "homes", "house", "court", "ward", "surgery", "practice", "centre",
        "center", "clinic", "school", "college", "manor", "gardens",
    ]);
    gap.starts_with(|c: char| c.is_uppercase())
        && gap.contains(' ')
        && gap
            .split_whitespace()
            .last()
            .is_some_and(|w| PLACES.contains_lower(w.trim_matches(|c: char| !c.is_alphanumeric())))
}

/// A sentence that leans on the one before it, which the card would not
/// show: an opening clause that points back ("Despite this, …", "If the
/// answer is no, …"), an "also" among its first words ("The Act also …"),
/// or a quiz statement ("True or false: …").
pub(crate) fn leans_on_before(sentence: &str) -> bool {
    let lower = sentence.to_lowercase();
    if lower.starts_with("true or false") {
        return true;
    }
    // The tail of a list cut from the line before ("Programme, and …").
    let mut first_two = lower.split_whitespace();
    if first_two.next().is_some_and(|w| w.ends_with(','))
        && first_two.next().is_some_and(|w| w == "and" || w == "or")
    {
        return true;
    }
    let head: Vec<&str> = lower.split_whitespace().take(4).collect();
    if head.contains(&"also") {
        return true;
    }
    match lower.split_once(',') {
        Some((lead, _)) if words(lead) <= 5 => lead
            .split_whitespace()
            .any(|w| ["this", "these", "that", "those", "it", "answer", "so"].contains(&w)),
        _ => false,
    }
}

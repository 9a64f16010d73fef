//! Cloze cards: a sentence with its key phrase blanked, and the choice of
//! that gap (a quantity, a date, a key term, a specific phrase).

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
        let has_context = text::contains_words(sentence, &self.topic) || {
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
        let mut draft = Self::draft(CardKind::Cloze, Cue::cloze(&gap, sentence), front, gap);
        draft.cloze = Some(markup);
        self.push(block, line, draft);
        true
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
            if norm(term) == topic || text::words(term) > 5 {
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
        // 6. A short complement closing the sentence ("… is dehydration").
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

/// A quantity or time limit, in lower case: it is matched against the
/// sentence in ASCII lower case (see [`quantity`]), the same as ignoring
/// ASCII case and half the time to compile.
pub(crate) static QUANTITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:[0-9]+(?:\s*(?:[–-]|to)\s*[0-9]+)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty|sixty|ninety)\s+(?:(?:working|calendar|clear)\s+)?(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)(?-u:\b)|(?-u:\b)[0-9]+(?:\.[0-9]+)?\s*(?:%|per ?cent)")
        .expect("valid pattern")
});

/// A year; [`date`] adds the month before it.
pub(crate) static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)(?:19|20)[0-9]{2}(?-u:\b)").expect("valid pattern"));

/// The first quantity or time limit in `text` ("40–60 seconds", "72
/// Hours"), ignoring ASCII case: lower-casing ASCII keeps every offset.
pub(crate) fn quantity(text: &str) -> Option<(usize, usize)> {
    let lower = text.to_ascii_lowercase();
    QUANTITY.find(&lower).map(|m| (m.start(), m.end()))
}

/// The first date in `text`: a year, with the month written before it
/// ("November 2014"). The same as one pattern with an optional month, as
/// a month takes in only the year right after it.
pub(crate) fn date(text: &str) -> Option<(usize, usize)> {
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

/// The longest run of two or three content words (no function words,
/// verb forms or generic words) with a word of seven letters or more.
pub(crate) fn specific_phrase(sentence: &str) -> Option<(usize, usize)> {
    let spans = word_spans(sentence);
    let content = |&(s, e): &(usize, usize)| {
        let w = sentence[s..e].to_lowercase();
        w.chars().all(char::is_alphabetic)
            && !SMALL.contains(&w.as_str())
            && !crate::compile::GENERIC.contains(&w.as_str())
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
            .is_some_and(|w| {
                crate::compile::GENERIC.contains(&w.as_str()) && !after.starts_with(',')
            });
        if j > i && long && opens && closes && best.is_none_or(|b| letters > b.2) {
            best = Some((spans[i].0, spans[j].1, letters));
        }
        i = j + 1;
    }
    best.map(|(s, e, _)| (s, e))
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

/// Words that open a noun phrase.
pub(crate) static DETERMINERS: Words = Words::new(&[
    "the", "a", "an", "of", "in", "with", "for", "by", "to", "on", "at", "from", "their", "its",
    "his", "her", "our", "your", "this", "that", "these", "those", "about", "through", "into",
    "under", "between", "and", "or",
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

//! Words a document shouts for emphasis ("It does NOT give a diagnosis",
//! "COGNITIVE BEHAVIOURAL THERAPY (CBT) helps …"), written on the cards as
//! the words they are; acronyms and names in capitals stay as they are.

use super::*;

/// How a document writes its words: how often each (in lower case) is
/// written in lower case and in capitals, and the acronyms it gives in
/// brackets ("(CBT)").
pub(super) struct Casing {
    counts: FxHashMap<String, (usize, usize)>,
    bracketed: FxHashSet<String>,
}

impl Casing {
    pub(super) fn of(doc: &Document) -> Self {
        let mut casing = Casing {
            counts: FxHashMap::default(),
            bracketed: FxHashSet::default(),
        };
        // Two passes: the words in capitals first, then how often each is
        // written in lower case (a long document's other words cost no
        // allocation).
        for_each_text(doc, |text| casing.count_capitals(text));
        if !casing.counts.is_empty() {
            for_each_text(doc, |text| casing.count_lower(text));
        }
        casing
    }

    fn count_capitals(&mut self, text: &str) {
        for (start, word) in tokens(text) {
            if !is_capitals(word) {
                continue;
            }
            // "(CBT)", and "MUST (Malnutrition …)", "MUST – Malnutrition
            // …": an acronym given with its long form.
            let after = &text[start + word.len()..];
            if text[..start].ends_with('(') && after.starts_with(')')
                || [" (", " – ", " - ", ": ", " = "]
                    .iter()
                    .any(|p| after.strip_prefix(p).is_some_and(|long| spells(word, long)))
            {
                self.bracketed.insert(word.to_string());
            }
            self.counts.entry(word.to_lowercase()).or_default().1 += 1;
        }
    }

    fn count_lower(&mut self, text: &str) {
        for (_, word) in tokens(text) {
            if word.chars().all(|c| !c.is_alphabetic() || c.is_lowercase())
                && let Some(entry) = self.counts.get_mut(word)
            {
                entry.0 += 1;
            }
        }
    }

    /// Whether a word in capitals is an acronym or a name: it has no
    /// vowel ("NHS", "GP"), the document gives it in brackets or as an
    /// acronym, or writes it in capitals more often than in lower case.
    fn kept(&self, word: &str, acronyms: &FxHashSet<String>) -> bool {
        let vowels = word.chars().any(|c| "AEIOUY".contains(c));
        let (lower, upper) = self
            .counts
            .get(&word.to_lowercase())
            .copied()
            .unwrap_or_default();
        !vowels || self.bracketed.contains(word) || acronyms.contains(word) || upper > lower
    }

    /// `text` with its shouted words in lower case: a run of two words
    /// or more in capitals (one of four letters or more), and a word of
    /// three letters or more the document writes in lower case at least
    /// as often. A text that opened on a capital still does.
    pub(super) fn calm(&self, text: &str, acronyms: &FxHashSet<String>) -> Option<String> {
        let words: Vec<(usize, &str)> = tokens(text).collect();
        // Each word to write in lower case: where, how long, and whether
        // it keeps its first capital.
        let mut quiet: Vec<(usize, usize, bool)> = Vec::new();
        let mut i = 0;
        while i < words.len() {
            if !is_capitals(words[i].1) {
                i += 1;
                continue;
            }
            // The run of capitals words joined by spaces only.
            let mut j = i + 1;
            while j < words.len()
                && is_capitals(words[j].1)
                && text[words[j - 1].0 + words[j - 1].1.len()..words[j].0]
                    .chars()
                    .all(|c| c == ' ')
            {
                j += 1;
            }
            let run = &words[i..j];
            // A phrase has two words or more of three letters with a
            // vowel ("NICE NG11" is a name and its number).
            let long = run
                .iter()
                .filter(|(_, w)| w.chars().count() >= 3 && w.chars().any(|c| "AEIOUY".contains(c)))
                .count()
                >= 2;
            let acronym = |w: &str| {
                acronyms.contains(w)
                    || self.bracketed.contains(w)
                    || !w.chars().any(|c| "AEIOUY".contains(c))
            };
            if run.len() >= 2 && long {
                // A shouted phrase, every word of it but its acronyms; a
                // law's name in Title Case ("MENTAL CAPACITY ACT").
                let law = run.last().is_some_and(|(_, w)| ["ACT", "ACTS"].contains(w));
                // (A short word in capitals is most often an acronym, "UK
                // GDPR", unless it is a small word or written in lower
                // case too.)
                let calm = |w: &str| {
                    let lower = w.to_lowercase();
                    let seen = self.counts.get(&lower).map_or(0, |c| c.0);
                    !acronym(w)
                        && (w.chars().count() >= 4
                            || seen > 0
                            || SMALL.contains(&lower.as_str())
                            || [
                                "do", "no", "up", "we", "he", "me", "my", "act", "you", "not",
                                "all", "can", "may", "any", "who", "how", "why", "use", "our",
                            ]
                            .contains(&lower.as_str()))
                };
                for &(at, word) in run.iter().filter(|(_, w)| calm(w)) {
                    quiet.push((
                        at,
                        word.len(),
                        law && !SMALL.contains(&word.to_lowercase().as_str()),
                    ));
                }
            } else {
                let (at, word) = run[0];
                let (lower, _) = self
                    .counts
                    .get(&word.to_lowercase())
                    .copied()
                    .unwrap_or_default();
                if run.len() == 1
                    && word.chars().count() >= 3
                    && lower > 0
                    && !self.kept(word, acronyms)
                {
                    quiet.push((at, word.len(), false));
                }
            }
            i = j;
        }
        if quiet.is_empty() {
            return None;
        }
        let mut out = text.to_string();
        for &(at, len, title) in quiet.iter().rev() {
            let lower = out[at..at + len].to_lowercase();
            let lower = if title { capitalize(&lower) } else { lower };
            out.replace_range(at..at + len, &lower);
        }
        if text.starts_with(|c: char| c.is_uppercase())
            && !out.starts_with(|c: char| c.is_uppercase())
        {
            out = capitalize(&out);
        }
        Some(out)
    }
}

/// Whether the words at the start of `long` (up to a bracket or a comma)
/// spell `acronym` by their initials ("MUST (Malnutrition Universal
/// Screening Tool)"), small words aside.
fn spells(acronym: &str, long: &str) -> bool {
    let long = long.split(['(', ')', ',', ';']).next().unwrap_or(long);
    let initials: String = long
        .split_whitespace()
        .filter(|w| !SMALL.contains(&w.to_lowercase().as_str()))
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .collect();
    acronym.len() >= 2 && initials == acronym
}

/// Calls `f` on every text of a document's blocks.
fn for_each_text(doc: &Document, mut f: impl FnMut(&str)) {
    for block in &doc.blocks {
        match &block.body {
            Body::Paragraph(text) => f(text),
            Body::List(list) => list.items.iter().for_each(|i| f(&i.text)),
            Body::Table { header, rows } => {
                header.iter().for_each(|c| f(c));
                rows.iter().flat_map(|(_, r)| r).for_each(|c| f(c));
            }
            Body::Qa { question, answer } => {
                f(question);
                f(answer);
            }
            Body::Mcq(mcq) => {
                f(&mcq.question);
                mcq.options.iter().for_each(|o| f(o));
            }
        }
    }
}

/// Whether a word is written in capitals (two letters or more).
fn is_capitals(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && word.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
}

/// The words of a text with their byte offsets: letters, with the
/// hyphens and apostrophes inside them.
fn tokens(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let inside = c.is_alphabetic()
            || start.is_some()
                && ['-', '\'', '’'].contains(&c)
                && text[i + c.len_utf8()..].starts_with(char::is_alphabetic);
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out.into_iter()
}

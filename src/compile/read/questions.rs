//! Questions written with their answers, shared by both readers: answer
//! keys, lettered options, question and answer labels, and a question
//! followed by its answer.

use std::sync::LazyLock;

use regex::Regex;

use crate::compile::document::{Body, Mcq};
use crate::compile::text::{self, re};

pub(crate) static ANSWER_KEY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:(?:(?i-u:correct)\s+)?(?i-u:answers?)(?:\s+(?i-u:is)|\s+(?i-u:are))?\s*[:\-–]?\s*)?([0-9]{1,2}(?:\s*(?:,|(?i-u:and)|&)\s*[0-9]{1,2})+|(?:(?i-u:correct)\s+)?(?i-u:answers?)\s*[:\-–]?\s*[0-9]{1,2})\.?$",
    )
});

/// Compiles this module's pattern on the pool's threads (see
/// [`crate::compile::compile_patterns`]).
pub(crate) fn compile_patterns() {
    rayon::spawn(|| {
        LazyLock::force(&ANSWER_KEY);
    });
}

/// Whether a line is an answer key such as `1, 3, 4 and 5` or `Answer: 2`.
pub fn is_answer_key(line: &str) -> bool {
    ANSWER_KEY.is_match(line.trim())
}

/// The 1-based option numbers of an answer key line.
pub fn answer_numbers(line: &str) -> Vec<usize> {
    line.split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect()
}

/// The options an answer key names, 1-based: numbers (`1, 3, 4 and 5`,
/// `Answer: 2`) or, after the word "answer", letters (`Answer: B`,
/// `Correct answers: a and c`, `Answer: (B) Hand hygiene`), where A is 1.
/// `None` when the line is not an answer key.
pub fn answer_key(line: &str) -> Option<Vec<usize>> {
    let t = line.trim();
    if is_answer_key(t) {
        return Some(answer_numbers(t));
    }
    letter_key(t)
}

/// The most options a lettered question is read with (A to J).
pub(crate) const MAX_LETTER: u8 = b'j';

/// `Answer: B`, `**Correct answer:** b) …`, `Answers: A, C and D`.
pub(crate) fn letter_key(t: &str) -> Option<Vec<usize>> {
    let t = t.trim_matches(['*', '_', ' ']);
    let starts = |word: &str| {
        t.as_bytes()
            .get(..word.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(word.as_bytes()))
    };
    if !starts("answer") && !starts("correct answer") {
        return None;
    }
    let lower = t.to_ascii_lowercase();
    let mut rest = lower
        .strip_prefix("correct ")
        .unwrap_or(&lower)
        .trim_start();
    rest = rest.strip_prefix("answer")?;
    rest = rest.strip_prefix('s').unwrap_or(rest);
    for word in [" is", " are"] {
        rest = rest.strip_prefix(word).unwrap_or(rest);
    }
    let rest = rest.trim_start_matches(['*', '_']);
    let rest = rest.trim_start();
    let mut rest = rest
        .strip_prefix([':', '-', '–', '='])
        .unwrap_or(rest)
        .trim_start_matches(['*', '_', ' ']);
    let mut letters = Vec::new();
    loop {
        let (n, after, closed) = option_mark(rest, false)?;
        letters.push(n);
        let after_sep = after.trim_start();
        let next = ["and ", "& ", ", ", ",", "/ ", "/"]
            .iter()
            .find_map(|sep| after_sep.strip_prefix(sep));
        match next {
            Some(more) if option_mark(more.trim_start(), false).is_some() => {
                rest = more.trim_start();
            }
            // The key may go on with the option's text after a mark:
            // `B) Hand hygiene`, `B - Hand hygiene`, `B. Hand hygiene`.
            _ if closed
                || after.is_empty()
                || after.starts_with(';')
                || after_sep.starts_with(['-', '–', '—', '(']) =>
            {
                return Some(letters);
            }
            _ => return None,
        }
    }
}

/// A letter that marks an option at the start of `s`: `b`, `(b)`, `b)`,
/// `b.` (any case; `s` is lower case when called from [`letter_key`]).
/// Returns its 1-based number, what follows the mark, and whether the mark
/// was closed (`)`, `.` or `:`). With `spaced`, the mark must be closed
/// and followed by a space.
pub(crate) fn option_mark(s: &str, spaced: bool) -> Option<(usize, &str, bool)> {
    let bytes = s.as_bytes();
    let open = bytes.first() == Some(&b'(');
    let at = usize::from(open);
    let letter = bytes.get(at)?.to_ascii_lowercase();
    if !(b'a'..=MAX_LETTER).contains(&letter) {
        return None;
    }
    let after = &s[at + 1..];
    if after.starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let closed = if open {
        after.strip_prefix(')')
    } else {
        after.strip_prefix([')', '.', ':'])
    };
    let after = match closed {
        Some(after) => after,
        None if open || spaced => return None,
        None => after,
    };
    if spaced && !after.starts_with([' ', '\t']) {
        return None;
    }
    Some((usize::from(letter - b'a') + 1, after, closed.is_some()))
}

/// A question without its label: `Question 3: Which…?`, `Q3. Which…?`,
/// `Q: Which…?` become `Which…?`.
pub fn strip_question_label(t: &str) -> &str {
    let b = t.as_bytes();
    let after_word = if b.len() > 8 && b[..8].eq_ignore_ascii_case(b"question") {
        &t[8..]
    } else if b.len() > 10 && b[..10].eq_ignore_ascii_case(b"self-check") {
        &t[10..]
    } else if b.first().is_some_and(|c| c.eq_ignore_ascii_case(&b'q')) {
        &t[1..]
    } else {
        return t;
    };
    let rest = after_word.trim_start();
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit());
    let numbered = rest.len() < after_word.trim_start().len();
    let Some(rest) = rest.strip_prefix([':', '.', ')', '-', '–']) else {
        return t;
    };
    // "Q" alone needs a number or its mark straight after it ("Q: …",
    // "Q. …", "Q3. …"); the mark must be followed by a space.
    if !rest.starts_with(' ') || (!numbered && !after_word.starts_with([':', '.'])) {
        return t;
    }
    rest.trim_start()
}

/// An answer without its label: `A: …`, `A. …`, `Ans: …`, `Answer: …`
/// become `…` (which may be empty when the answer follows as a list).
pub fn strip_answer_label(t: &str) -> Option<&str> {
    let b = t.as_bytes();
    let label = if b.len() >= 6 && b[..6].eq_ignore_ascii_case(b"answer") {
        6
    } else if b.len() >= 3 && b[..3].eq_ignore_ascii_case(b"ans") {
        3
    } else if b.first().is_some_and(|c| c.eq_ignore_ascii_case(&b'a')) {
        1
    } else {
        return None;
    };
    let rest = &t[label..];
    let rest = rest.strip_prefix(':').or_else(|| {
        // "A." and "A -" only after the bare letter; "Answer -" too.
        (label != 3)
            .then(|| rest.strip_prefix('.').or_else(|| rest.strip_prefix(" -")))
            .flatten()
    })?;
    (rest.is_empty() || rest.starts_with([' ', '\t'])).then(|| rest.trim())
}

/// An option written with its letter (`A) Hand hygiene`, `(b) Gloves`,
/// `c. Aprons`): its 1-based number and its text.
pub fn lettered_option(line: &str) -> Option<(usize, &str)> {
    let (n, rest, _) = option_mark(line.trim_start(), true)?;
    let rest = rest.trim();
    (!rest.is_empty()).then_some((n, rest))
}

/// Words that, anywhere in a bold question, point back to its heading
/// ("What is it?"). Narrower than the sentence-start list in `extract`,
/// which also holds "here", "then", "also" and the like.
pub(crate) static BACK_REFERENCES: text::Words = text::Words::new(&[
    "it", "its", "they", "them", "their", "this", "these", "that", "those",
]);

/// Whether a quiz line asks by an instruction, not a question mark
/// ("Name two pests of roses.", "Give the three Ds.").
pub(crate) fn asks_by_instruction(text: &str) -> bool {
    [
        "Name ",
        "List ",
        "Give ",
        "State ",
        "Describe ",
        "Explain ",
        "Identify ",
    ]
    .iter()
    .any(|v| text.starts_with(v))
}

/// A true-or-false statement on line `i` of `raw` ("True or false? A
/// spade needs oiling.", "True or false: …") and, within the next six
/// lines, the line that settles it ("✔ Correct – False. Spades need …",
/// "The answer is True."), past its options and buttons. Returns the
/// question "Is it true that …?", the answer ("No – …" or "Yes – …") and
/// the 0-based lines used.
pub(crate) fn true_false_at(raw: &[&str], i: usize) -> Option<(String, String, Vec<usize>)> {
    let line = raw[i].trim();
    let statement = [
        "true or false?",
        "true or false:",
        "true or false -",
        "true or false –",
    ]
    .iter()
    .find_map(|p| text::strip_prefix_ascii_ci(line, p))?
    .trim();
    let statement = statement.trim_end_matches(['.', '!']).trim();
    if text::words(statement) < 4 || statement.ends_with('?') {
        return None;
    }
    let mut used = vec![i];
    for (j, next) in raw.iter().enumerate().skip(i + 1).take(6) {
        let next = next.trim();
        used.push(j);
        let bare = text::norm(next);
        // The options and the buttons under the statement.
        if bare.is_empty()
            || bare
                .split(' ')
                .all(|w| ["true", "false", "submit", "check", "answer", "select"].contains(&w))
        {
            continue;
        }
        // The verdict: a short sentence naming one of the two
        // ("Correct – False", "Not quite. The answer is False"), then
        // the reason.
        let sentences: Vec<&str> = next
            .split_inclusive(['.', '!'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        let verdict = sentences.iter().position(|s| {
            let n = text::norm(s);
            let says = |w: &str| n.split(' ').any(|x| x == w);
            text::words(s) <= 8 && says("true") != says("false")
        })?;
        let truth = text::norm(sentences[verdict])
            .split(' ')
            .any(|x| x == "true");
        let (question, answer) =
            true_false_card(statement, truth, &sentences[verdict + 1..].join(" "));
        return Some((question, answer, used));
    }
    None
}

/// A true-or-false statement with its verdict and reason, as a card asks
/// it: "Is it true that …?" → "No – …" (or "Yes." with no reason).
pub(crate) fn true_false_card(statement: &str, truth: bool, reason: &str) -> (String, String) {
    let reason = decapitalize_statement(reason.trim());
    let question = format!("Is it true that {}?", decapitalize_statement(statement));
    let answer = match (truth, reason.is_empty()) {
        (true, true) => "Yes.".to_string(),
        (false, true) => "No.".to_string(),
        (true, false) => format!("Yes – {reason}"),
        (false, false) => format!("No – {reason}"),
    };
    (question, answer)
}

/// A true-or-false statement keyed by an answer that opens on its verdict
/// ("False. Because …"): the card [`true_false_card`] makes of it; `None`
/// when the answer gives no verdict.
pub(crate) fn keyed_true_false(statement: &str, answer: &str) -> Option<(String, String)> {
    let (truth, reason) = if let Some(r) = text::strip_prefix_ascii_ci(answer, "false") {
        (false, r)
    } else {
        (true, text::strip_prefix_ascii_ci(answer, "true")?)
    };
    let reason = reason.trim_start_matches(['.', ',', ' ', '-', '–', ':']);
    let statement = statement.trim().trim_end_matches('.');
    Some(true_false_card(statement, truth, reason))
}

/// A statement as it reads after "Is it true that": its first word in
/// lower case unless it is an acronym or a name ("A spade …" → "a spade
/// …"; "NHS staff …" kept).
fn decapitalize_statement(s: &str) -> String {
    let first = s.split_whitespace().next().unwrap_or("");
    if first.chars().skip(1).all(|c| c.is_lowercase()) && first != "I" {
        let mut chars = s.chars();
        chars
            .next()
            .map(|c| c.to_lowercase().chain(chars).collect())
            .unwrap_or_default()
    } else {
        s.to_string()
    }
}

/// "Click to reveal ▼", "Show answer": a page's control over an answer.
fn is_reveal_widget(line: &str) -> bool {
    let n = text::norm(line);
    [
        "click to reveal",
        "tap to reveal",
        "click to show",
        "show answer",
        "reveal answer",
    ]
    .iter()
    .any(|w| n.starts_with(w))
        && text::words(line) <= 5
}

/// A question written with its answer, on line `i` of `raw`: `Q: …?`
/// (`Question: …?`, `Q3. …?`; with `bold_asks`, also a line all in bold)
/// and then, after at most one blank line, `A: …` (`Answer: …`) or the
/// text after it, up to a blank line, with a list that follows `A:` or a
/// line ending in `:`. `unmark` takes a line's furniture off and says
/// whether it was a list item. Returns the question, the answer and the
/// 0-based lines used. A question followed by lettered options is left
/// to the multiple-choice reader, and one in bold followed by a list is a
/// list's label.
pub(crate) fn qa_at(
    raw: &[&str],
    i: usize,
    bold_asks: bool,
    unmark: impl Fn(&str) -> (String, bool),
) -> Option<(String, String, Vec<usize>)> {
    let first = raw[i].trim();
    let asks = first.trim_end_matches(['*', '_']).ends_with('?');
    // The next line with text, looked at only for a line that may be a
    // question (this runs on every line of a plain document).
    let next = (i + 1..raw.len().min(i + 3)).find(|&j| !raw[j].trim().is_empty());
    let labels_answer = |j: usize| {
        let t = raw[j].trim().trim_start_matches(['*', '_', '-', ' ']);
        t.get(..6).is_some_and(|h| h.eq_ignore_ascii_case("answer"))
            || t.get(..2)
                .is_some_and(|h| h.eq_ignore_ascii_case("a:") || h.eq_ignore_ascii_case("a."))
            || t.get(..4).is_some_and(|h| h.eq_ignore_ascii_case("ans:"))
    };
    if !asks && !next.is_some_and(labels_answer) {
        return None;
    }
    // "**1. What bone is broken?**" over "Answer: the femur": a quiz's
    // numbered question is asked with the answer its next line labels,
    // and so is an instruction ("Name two signs …").
    let answered = next
        .filter(|&j| labels_answer(j))
        .and_then(|j| {
            let (text, _) = unmark(raw[j].trim());
            strip_answer_label(&text).map(|a| !a.trim().is_empty())
        })
        .unwrap_or(false);
    // "Answers: 1) … 2) …" under a numbered quiz answers all of it, not
    // the question just above.
    let keyed = next.is_some_and(|j| {
        let t = raw[j].trim().trim_start_matches(['*', '_']);
        t.get(..7)
            .is_some_and(|h| h.eq_ignore_ascii_case("answers"))
            && t[7..]
                .trim_start_matches(['*', '_', ':', ' '])
                .starts_with("1)")
    });
    if keyed || !asks && !answered {
        return None;
    }
    let (line, item) = unmark(first);
    let question = strip_question_label(&line);
    let instruction = asks_by_instruction(question);
    if !asks && !instruction {
        return None;
    }
    let item = item && !answered;
    let labelled = question.len() < line.len() || answered;
    // A bold question that points back ("**What is it?**" under a
    // heading) is a label for the text under it, not a card by itself.
    let bold = bold_asks
        && first.starts_with("**")
        && first.ends_with("**")
        && !question
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| BACK_REFERENCES.contains_lower(w));
    if item || !(labelled || bold) || !(asks || instruction) || text::words(question) < 3 {
        return None;
    }
    let is_question =
        |text: &str| text.ends_with('?') || strip_question_label(text).len() < text.len();
    let mut j = i + 1;
    while j < raw.len() && j <= i + 2 && raw[j].trim().is_empty() {
        j += 1;
    }
    // "> Click to reveal ▼" over "> The answer …": the page's widget
    // and its quote marks are no part of the answer.
    let widget = j;
    while raw
        .get(j)
        .is_some_and(|l| is_reveal_widget(l.trim().trim_start_matches('>')))
    {
        j += 1;
    }
    let t = raw.get(j)?.trim().trim_start_matches('>').trim_start();
    if t.is_empty() || t.starts_with(['#', '|']) {
        return None;
    }
    let (text, item) = unmark(t);
    let (start, mut list) = match strip_answer_label(&text) {
        Some(rest) => (rest.to_string(), false),
        None if item && labelled => (String::new(), true),
        None if item || is_question(&text) => return None,
        None => (text.clone(), false),
    };
    if lettered_option(&text).is_some_and(|(n, _)| n == 1) {
        // "A. …" then "B. …": options, not an answer.
        let next = raw[j + 1..]
            .iter()
            .map(|l| l.trim())
            .find(|l| !l.is_empty());
        if next.is_some_and(|l| lettered_option(&unmark(l).0).is_some()) {
            return None;
        }
    }
    let mut parts: Vec<String> = Vec::new();
    let mut items: Vec<String> = Vec::new();
    if list {
        items.push(text);
    } else if !start.is_empty() {
        parts.push(start);
    }
    let mut used: Vec<usize> = [i].into_iter().chain(widget..=j).collect();
    for (k, line) in raw.iter().enumerate().skip(j + 1) {
        let t = line.trim().trim_start_matches('>').trim_start();
        if t.is_empty() || t.starts_with(['#', '|']) {
            break;
        }
        let (text, item) = unmark(t);
        if is_question(&text) || strip_answer_label(&text).is_some() {
            break;
        }
        // "Page 7 of 8" under the answer is the page's footer.
        if super::noise::noise_reason(t).is_some() {
            continue;
        }
        if item {
            let opens_list = parts.is_empty() || parts.last().is_some_and(|p| p.ends_with(':'));
            if !list && !opens_list {
                break;
            }
            list = true;
            items.push(text);
        } else if list {
            break;
        } else {
            parts.push(text);
        }
        used.push(k);
    }
    if !items.is_empty() {
        parts.push(items.join("; "));
    }
    let answer = parts.join(" ");
    (text::words(&answer) >= 1).then(|| (question.to_string(), answer, used))
}

/// The 0-based indexes of the options an answer key names (1-based), in
/// order: by position, or by letter when every option had one (`letters`,
/// 1-based, A is 1). `None` unless there are two options or more and the
/// key names only options that are there.
pub(crate) fn correct_options(
    key: &[usize],
    options: usize,
    letters: Option<&[usize]>,
) -> Option<Vec<usize>> {
    if options < 2 || key.is_empty() {
        return None;
    }
    let position = |n: usize| match letters {
        Some(letters) => letters.iter().position(|&l| l == n),
        None => (1..=options).contains(&n).then(|| n - 1),
    };
    let mut correct: Vec<usize> = key.iter().map(|&n| position(n)).collect::<Option<_>>()?;
    correct.sort_unstable();
    correct.dedup();
    Some(correct)
}

/// The text of a feedback line such as "Remember - …" or "Note: …".
pub(crate) fn feedback_text(t: &str) -> Option<String> {
    for lead in [
        "Remember",
        "Note",
        "Hint",
        "Tip",
        "Feedback",
        "Important",
        "Explanation",
        "Rationale",
    ] {
        if let Some(rest) = t.strip_prefix(lead) {
            let rest = rest.trim_start();
            if let Some(rest) = rest.strip_prefix(['-', ':', '–', '—', '!']) {
                let text = text::plain(rest);
                if text::words(&text) >= 3 {
                    return Some(text::capitalize(&text));
                }
            }
        }
    }
    None
}

/// A line without its Markdown furniture: the list marker or number,
/// then emphasis, heading hashes and emoji ([`text::plain`]). Also says
/// whether it was a list item.
pub(crate) fn bare(line: &str) -> (String, bool) {
    let t = line.trim();
    let marker = ["- ", "* ", "+ ", "• ", "– ", "▪ "]
        .iter()
        .find_map(|m| t.strip_prefix(m));
    let text = text::plain(marker.unwrap_or(t));
    match text::leading_number(&text) {
        (Some(_), rest) => (rest.to_string(), true),
        (None, _) => (text, marker.is_some()),
    }
}

/// A multiple-choice question, or a question with its answer, found in a
/// sheet's lines.
#[derive(Debug)]
pub(crate) struct Question {
    /// `Body::Mcq` or `Body::Qa`.
    pub(crate) body: Body,
    /// The 0-based lines it was written on, the question's first.
    pub(crate) used: Vec<usize>,
    /// Feedback lines ("Explanation: …") with their 1-based lines.
    pub(crate) feedback: Vec<(String, u32)>,
}

/// The questions of a sheet. A multiple-choice question is a line ending
/// in `?` (a paragraph, heading or list item, perhaps labelled `Question
/// 3:`), then its options (lettered, `A) …`, or list items) and an answer
/// key (`Answer: B`, `**Correct answers:** 1 and 3`), before or after
/// them. Else a question labelled `Q:` or written all in bold, with its
/// answer after it ([`qa_at`]).
/// `line_starts` holds the byte offset of every line. Only lines with a
/// `?` are looked at, so a sheet without one costs a single scan.
pub(crate) fn find_questions(text: &str, line_starts: &[usize]) -> Vec<Question> {
    let mut found = Vec::new();
    let mut raw: Option<Vec<&str>> = None;
    // The first line that no question found so far has used.
    let mut free = 0;
    // Lines ending in `?`, and the line over an "Answer:" (a quiz's "Name
    // two …" asks without one), in order.
    let mut asked: Vec<usize> = text
        .match_indices('?')
        .filter_map(|(at, _)| {
            let i = line_starts.partition_point(|&s| s <= at) - 1;
            let end = line_starts.get(i + 1).map_or(text.len(), |&next| next);
            // The `?` ends its line, but for emphasis and spaces.
            text[at + 1..end]
                .trim_end()
                .trim_matches(['*', '_'])
                .is_empty()
                .then_some(i)
        })
        .collect();
    let before_answers = text.match_indices("Answer").filter_map(|(at, _)| {
        let i = line_starts.partition_point(|&s| s <= at) - 1;
        let head = text[line_starts[i]..at].trim_matches([' ', '\t', '*', '_']);
        (head.is_empty() && i > 0).then(|| {
            (0..i)
                .rev()
                .take(2)
                .find(|&j| {
                    let end = line_starts[j + 1];
                    !text[line_starts[j]..end].trim().is_empty()
                })
                .unwrap_or(i - 1)
        })
    });
    let before: Vec<usize> = before_answers.collect();
    if !before.is_empty() {
        asked.extend(before);
        asked.sort_unstable();
        asked.dedup();
    }
    for i in asked {
        if i < free {
            continue;
        }
        let raw = raw.get_or_insert_with(|| text.lines().collect());
        let found_here = question_at(raw, i).or_else(|| {
            qa_at(raw, i, true, bare).map(|(question, answer, used)| Question {
                body: Body::Qa { question, answer },
                used,
                feedback: Vec::new(),
            })
        });
        if let Some(q) = found_here {
            free = q.used.iter().copied().max().unwrap_or(i) + 1;
            found.push(q);
        }
    }
    found
}

/// The question that starts on line `i`, if its options and key follow.
pub(crate) fn question_at(raw: &[&str], i: usize) -> Option<Question> {
    let (line, _) = bare(raw[i]);
    let question = strip_question_label(&line);
    if !question.ends_with('?') || text::words(question) < 4 {
        return None;
    }
    let mut used = vec![i];
    let mut key: Option<Vec<usize>> = None;
    let mut options: Vec<String> = Vec::new();
    let mut letters: Option<Vec<usize>> = Some(Vec::new());
    let mut feedback = Vec::new();
    for (j, raw_line) in raw.iter().enumerate().skip(i + 1).take(40) {
        let t = raw_line.trim();
        if t.is_empty() {
            continue;
        }
        if t.starts_with('#') {
            break;
        }
        let (text, item) = bare(t);
        let line = u32::try_from(j + 1).unwrap_or(u32::MAX);
        if let Some(numbers) = answer_key(&text) {
            if key.is_some() {
                break;
            }
            key = Some(numbers);
        } else if let Some(rest) = feedback_text(&text) {
            feedback.push((rest, line));
        } else if key.is_some() && !options.is_empty() {
            break;
        } else if let Some((letter, option)) =
            lettered_option(&text).filter(|(_, o)| text::words(o) <= 30 && !o.ends_with('?'))
        {
            options.push(option.trim_end_matches('.').to_string());
            if let Some(letters) = &mut letters {
                letters.push(letter);
            }
        } else if item && text::words(&text) <= 16 && !text.ends_with('?') && !text.is_empty() {
            options.push(text.trim_end_matches('.').to_string());
            letters = None;
        } else if options.is_empty()
            && super::noise::noise_reason(&text) == Some(super::noise::NoiseReason::Interface)
        {
        } else {
            break;
        }
        used.push(j);
    }
    let correct = correct_options(&key?, options.len(), letters.as_deref())?;
    Some(Question {
        body: Body::Mcq(Mcq {
            question: question.to_string(),
            options,
            correct,
        }),
        used,
        feedback,
    })
}

/// The text with the questions' lines blanked out (spaces, so that every
/// byte offset, and so every line number, stays where it was).
pub(crate) fn hide_lines(text: &str, line_starts: &[usize], questions: &[Question]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for &i in questions.iter().flat_map(|q| &q.used) {
        let start = line_starts[i];
        let end = line_starts.get(i + 1).map_or(bytes.len(), |&next| next - 1);
        bytes[start..end].fill(b' ');
    }
    // Whole lines of UTF-8 were replaced by ASCII spaces.
    String::from_utf8(bytes).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answer_keys() {
        assert!(is_answer_key("1, 3, 4 and 5"));
        assert!(is_answer_key("Answer: 2"));
        assert!(is_answer_key("2 and 4"));
        assert!(!is_answer_key("3"));
        assert!(!is_answer_key("1. Justify purpose"));
        assert_eq!(answer_numbers("1, 3, 4 and 5"), [1, 3, 4, 5]);
    }

    #[test]
    fn a_page_footer_under_an_answer_is_not_part_of_it() {
        let raw = [
            "Q6. Which tool cuts thick stems?",
            "Answer: Loppers.",
            "                 Page 7 of 8",
        ];
        let (_, answer, used) = qa_at(&raw, 0, false, bare).expect("a question");
        assert_eq!(answer, "Loppers.");
        assert_eq!(used, [0, 1]);
    }

    #[test]
    fn lettered_answer_keys() {
        assert_eq!(answer_key("Answer: B"), Some(vec![2]));
        assert_eq!(answer_key("Answer: 1, 3 and 4"), Some(vec![1, 3, 4]));
        assert_eq!(answer_key("Correct answer: (c)"), Some(vec![3]));
        assert_eq!(answer_key("**Answer:** b) Hand hygiene"), Some(vec![2]));
        assert_eq!(answer_key("Answers: A, C and D"), Some(vec![1, 3, 4]));
        assert_eq!(
            answer_key("Answer - D – it protects everyone"),
            Some(vec![4])
        );
        assert_eq!(answer_key("The answer is B."), None);
        assert_eq!(answer_key("Answer is B."), Some(vec![2]));
        assert_eq!(answer_key("Answer: A person should be asked"), None);
        assert_eq!(answer_key("Answer: K"), None);
        assert_eq!(answer_key("Answers vary"), None);
        assert_eq!(answer_key("B"), None);
    }

    #[test]
    fn question_labels() {
        assert_eq!(
            strip_question_label("Question 3: Which is it?"),
            "Which is it?"
        );
        assert_eq!(strip_question_label("Q3. Which is it?"), "Which is it?");
        assert_eq!(strip_question_label("Q: Which is it?"), "Which is it?");
        assert_eq!(
            strip_question_label("Question: Which is it?"),
            "Which is it?"
        );
        assert_eq!(
            strip_question_label("Questions remain?"),
            "Questions remain?"
        );
        assert_eq!(strip_question_label("Quality matters?"), "Quality matters?");
        assert_eq!(strip_question_label("Q. Which is it?"), "Which is it?");
        assert_eq!(strip_question_label("Q - Which is it?"), "Q - Which is it?");
    }

    #[test]
    fn answer_labels() {
        assert_eq!(strip_answer_label("A: Six rights."), Some("Six rights."));
        assert_eq!(strip_answer_label("A. Six rights."), Some("Six rights."));
        assert_eq!(
            strip_answer_label("Answer: Six rights."),
            Some("Six rights.")
        );
        assert_eq!(strip_answer_label("Ans: Six rights."), Some("Six rights."));
        assert_eq!(strip_answer_label("A:"), Some(""));
        assert_eq!(strip_answer_label("A person is asked."), None);
        assert_eq!(strip_answer_label("Answers vary."), None);
        assert_eq!(strip_answer_label("Anything: else"), None);
    }

    #[test]
    fn lettered_options() {
        assert_eq!(
            lettered_option("A) Hand hygiene"),
            Some((1, "Hand hygiene"))
        );
        assert_eq!(lettered_option("(b) Gloves"), Some((2, "Gloves")));
        assert_eq!(lettered_option("  c. Aprons"), Some((3, "Aprons")));
        assert_eq!(
            lettered_option("D: All of the above"),
            Some((4, "All of the above"))
        );
        assert_eq!(lettered_option("A fall"), None);
        assert_eq!(lettered_option("Ab) x"), None);
        assert_eq!(lettered_option("A)"), None);
        assert_eq!(lettered_option("Z) Zebra"), None);
    }
}

//! Noise and text hygiene: what a line of web or e-learning boilerplate
//! looks like, cleaning of Markdown leftovers, emoji and citations,
//! sentence splitting, and the size and leak checks every card passes.

use std::sync::{LazyLock, OnceLock};

use aho_corasick::AhoCorasick;
use regex::Regex;
use rustc_hash::FxHashSet;

/// A fixed list of words with a constant-time membership test: the
/// compiler asks "is this a function word?" millions of times on a big
/// course, and a linear scan of a hundred-word list dominated its profile.
/// The set is built on first use.
pub struct Words {
    list: &'static [&'static str],
    set: OnceLock<FxHashSet<&'static str>>,
}

impl Words {
    pub const fn new(list: &'static [&'static str]) -> Words {
        Words {
            list,
            set: OnceLock::new(),
        }
    }

    /// Whether `word` is in the list, exactly (case and all).
    pub fn contains<S: AsRef<str> + ?Sized>(&self, word: &S) -> bool {
        self.set
            .get_or_init(|| self.list.iter().copied().collect())
            .contains(word.as_ref())
    }

    /// Whether `word.to_lowercase()` is in the list. An ASCII word is
    /// lower-cased on the stack: the rules ask this of every word of a
    /// clause, and a string per word was a sixth of a course's allocations.
    pub fn contains_lower(&self, word: &str) -> bool {
        const MAX: usize = 32;
        if !word.is_ascii() {
            return self.contains(word.to_lowercase().as_str());
        }
        if !word.bytes().any(|b| b.is_ascii_uppercase()) {
            return self.contains(word);
        }
        if word.len() > MAX {
            return self.contains(word.to_ascii_lowercase().as_str());
        }
        let mut buf = [0u8; MAX];
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        // ASCII in, ASCII out.
        std::str::from_utf8(lower).is_ok_and(|lower| self.contains(lower))
    }
}

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("valid built-in pattern")
}

// The first four boilerplate patterns ignore ASCII case: they are written
// in lower case and matched against the line in ASCII lower case (see
// `noise_reason`), the same as `(?i-u)` and much cheaper to compile, since
// a case-insensitive alternation of words spells out every mix of cases
// when the regex engine looks for literals to search for.
const READING_TIME: &str = r"^[0-9]+\s*(?:min|mins|minutes?)(?-u:\b).*(?-u:\b)(?:read)(?-u:\b)|^(?:words?):\s*[0-9]+|^[0-9]+\s*(?:words?)$";
const INTERFACE: &str = r"^(?:select|click|tap|press|choose|hover over|drag)(?-u:\b).*(?-u:\b)(?:tabs?|headings?|buttons?|each|below|to (reveal|continue|find out|see|learn|view)|more information|submit|next|images?|pictures?|arrows?|cards?)(?-u:\b)|^(?:think of|choose|select|pick|tick)(?-u:\b).*(?-u:\b)(?:options?|answers?|all that apply|picture|correct)(?-u:\b)|^(?:next|back|continue|previous|submit|close|menu|home|start|restart|try again|show answer|check answer|skip to content|scroll down)\.?$";
const WEB: &str = r"(?-u)^(share this|share on|cite this|download|print this|print(?-u:\b)|bookmark|follow us|subscribe|sign up|log ?in|related (posts|articles|essays)|read more|table of contents|contents$|advertisement|sponsored|you may also like|tags?:|categor(y|ies):|posted (on|in|by)|published|updated|last updated|leave a (comment|reply)|comments?(?-u:\b)|copyright|©|all rights reserved|cookie|privacy policy)";
const PROMO: &str = r"(?-u)(?-u:\b)(your (essay|assignment|dissertation|homework)|essay (writing|writers|service|help)|our (writers|experts|team of writers|service)|order now|place an order|get (a )?(free )?quote|plagiarism|deadlines?|hire (a|an|our)|writing service|get help (with|from)|discount|% off)(?-u:\b)";
const REFERENCE: &str = r"^[A-Z][0-9A-Za-z_&.'’ -]{1,60}\s\([0-9]{4}[a-z]?\)\.\s+\S|(?i-u:https?://|www\.|\bdoi:|retrieved from)";
static ANSWER_KEY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:(?:(?i-u:correct)\s+)?(?i-u:answers?)(?:\s+(?i-u:is)|\s+(?i-u:are))?\s*[:\-–]?\s*)?([0-9]{1,2}(?:\s*(?:,|(?i-u:and)|&)\s*[0-9]{1,2})+|(?:(?i-u:correct)\s+)?(?i-u:answers?)\s*[:\-–]?\s*[0-9]{1,2})\.?$",
    )
});
static CITATION_PAREN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\s*\((?:[A-Z][0-9A-Za-z_'’.-]*(?:\s+(?:&|and|at|of|for|the|on|in|et al\.?|[A-Z][0-9A-Za-z_'’.-]*))*,?\s+[0-9]{4}[a-z]?(?:[,;]\s*(?:p+\.\s*[0-9]+|[A-Z][^()]*?[0-9]{4}[a-z]?))*|[0-9]{4}[a-z]?)\)",
    )
});
/// "As noted by X (2017), " and kin. The runs before the comma are
/// unbounded here (a bounded repeat of a Unicode class costs a millisecond
/// to compile) and their lengths are checked in [`strip_lead_in`].
static AS_NOTED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:As (?:noted|argued|stated|suggested|explained|highlighted|shown|described|reported|discussed) (?:by|in) ([^,]{2,}), |According to ([^,]{2,}), |As the (?:diagram|figure|table|chart|map|picture|image)s? (?:above|below) (?:shows?|illustrates?|indicates?), |As (?:shown|seen|illustrated) (?:above|below|in the (?:diagram|figure|table))([^,]*), )",
    )
});
static GLUED: LazyLock<Regex> = LazyLock::new(|| re(r"([a-z]{2})\.([A-Z][a-z])"));
/// The boilerplate patterns, in the order of [`noise_reason`]'s reasons.
/// Separate patterns rather than one set, so that start-up compiles them
/// on several threads at once.
static NOISE: [LazyLock<Regex>; 5] = [
    LazyLock::new(|| re(READING_TIME)),
    LazyLock::new(|| re(INTERFACE)),
    LazyLock::new(|| re(WEB)),
    LazyLock::new(|| re(PROMO)),
    LazyLock::new(|| re(REFERENCE)),
];
/// How many of [`NOISE`]'s patterns, from the first, ignore ASCII case.
const CASELESS_NOISE: usize = 4;

/// Compiles this module's patterns on the pool's threads (see
/// [`super::compile_patterns`]), the costliest first.
pub(super) fn compile_patterns() {
    for pattern in NOISE
        .iter()
        .chain([&ANSWER_KEY, &CITATION_PAREN, &AS_NOTED, &GLUED])
    {
        rayon::spawn(move || {
            LazyLock::force(pattern);
        });
    }
}

/// Function words: never a gap's edge, a topic's edge, or a key word.
pub static FUNCTION_WORDS: Words = Words::new(&[
    "a", "an", "the", "of", "and", "or", "to", "in", "on", "for", "with", "by", "at", "from", "as",
    "is", "are", "be", "that", "this", "it", "its", "their", "into", "not", "&", "was", "were",
    "has", "have", "been", "than", "so", "if", "but",
]);

/// Why a line is boilerplate rather than content, or `None`.
pub fn noise_reason(line: &str) -> Option<&'static str> {
    const REASONS: [&str; 5] = [
        "reading-time line",
        "interface text",
        "web page furniture",
        "promotional line",
        "reference or link",
    ];
    let t = line.trim();
    if t.is_empty() {
        return None;
    }
    let first = if may_be_noise(t) {
        let lower = t.to_ascii_lowercase();
        NOISE
            .iter()
            .enumerate()
            .position(|(i, pattern)| pattern.is_match(if i < CASELESS_NOISE { &lower } else { t }))
    } else {
        None
    };
    match first {
        Some(i) => Some(REASONS[i]),
        None => (!t.chars().any(char::is_alphanumeric)).then_some("no words"),
    }
}

/// A cheap test that rules most content lines out before the patterns run:
/// the anchored patterns start with one of a few words, the others need
/// one of a few keywords.
fn may_be_noise(t: &str) -> bool {
    static FIRST: Words = Words::new(&[
        "select",
        "click",
        "tap",
        "press",
        "choose",
        "hover",
        "drag",
        "think",
        "pick",
        "tick",
        "next",
        "back",
        "continue",
        "previous",
        "submit",
        "close",
        "menu",
        "home",
        "start",
        "restart",
        "try",
        "show",
        "check",
        "skip",
        "scroll",
        "share",
        "cite",
        "download",
        "print",
        "bookmark",
        "follow",
        "subscribe",
        "sign",
        "log",
        "login",
        "related",
        "read",
        "table",
        "contents",
        "advertisement",
        "sponsored",
        "you",
        "tags",
        "tag",
        "category",
        "categories",
        "posted",
        "published",
        "updated",
        "last",
        "leave",
        "comment",
        "comments",
        "copyright",
        "all",
        "cookie",
        "privacy",
        "words",
        "word",
    ]);
    static ANYWHERE: LazyLock<AhoCorasick> = LazyLock::new(|| {
        keyword_matcher(&[
            "essay",
            "assignment",
            "dissertation",
            "homework",
            "writers",
            "experts",
            "order",
            "quote",
            "plagiarism",
            "deadline",
            "hire",
            "writing",
            "help",
            "discount",
            "% off",
            "http",
            "www.",
            "doi:",
            "retrieved",
            "©",
            ").",
        ])
    });
    let first = t.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    if first.starts_with(|c: char| c.is_ascii_digit()) || FIRST.contains_lower(first) {
        return true;
    }
    ANYWHERE.is_match(t)
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
const MAX_LETTER: u8 = b'j';

/// `Answer: B`, `**Correct answer:** b) …`, `Answers: A, C and D`.
fn letter_key(t: &str) -> Option<Vec<usize>> {
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
fn option_mark(s: &str, spaced: bool) -> Option<(usize, &str, bool)> {
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

/// Whether a line reads as an entry of a reference list: it holds a year
/// (`(2019)`, `2019.`), a web address, or opens with `Surname, I.`.
pub fn is_reference_entry(line: &str) -> bool {
    let t = line.trim();
    let b = t.as_bytes();
    let year = b.windows(4).enumerate().any(|(i, w)| {
        (w.starts_with(b"19") || w.starts_with(b"20"))
            && w.iter().all(u8::is_ascii_digit)
            && !b.get(i + 4).is_some_and(u8::is_ascii_digit)
            && !(i > 0 && b[i - 1].is_ascii_digit())
    });
    let web = t.contains("http://") || t.contains("https://") || t.contains("www.");
    let initials = t.split_once(", ").is_some_and(|(surname, rest)| {
        !surname.contains(' ')
            && rest.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
            && rest.as_bytes().get(1) == Some(&b'.')
    });
    year || web || initials
}

/// An option written with its letter (`A) Hand hygiene`, `(b) Gloves`,
/// `c. Aprons`): its 1-based number and its text.
pub fn lettered_option(line: &str) -> Option<(usize, &str)> {
    let (n, rest, _) = option_mark(line.trim_start(), true)?;
    let rest = rest.trim();
    (!rest.is_empty()).then_some((n, rest))
}

/// Whether a character is an emoji or pictograph (check marks, icons).
pub fn is_emoji(c: char) -> bool {
    matches!(c as u32,
        0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B00..=0x2BFF | 0x2300..=0x23FF
        | 0x2190..=0x21FF | 0xFE00..=0xFE0F | 0x200D | 0x20E3 | 0xE0020..=0xE007F)
}

/// Whether the text holds an emoji ([`is_emoji`]). Every emoji range
/// starts at U+200D or above, whose UTF-8 lead byte is 0xE2 or more (never
/// a continuation byte), so only those characters are decoded.
pub fn has_emoji(s: &str) -> bool {
    s.bytes()
        .enumerate()
        .any(|(i, b)| b >= 0xE2 && s[i..].chars().next().is_some_and(is_emoji))
}

/// Inline text made plain: no emoji, no Markdown emphasis markers or
/// heading hashes, no citations, single spaces, trimmed.
pub fn plain(text: &str) -> String {
    if trim_is_enough(text.as_bytes()) {
        return text.trim().to_string();
    }
    plain_in_steps(text)
}

/// Whether [`plain`] has nothing to do but trim: no emoji or other
/// non-ASCII character, no marker, hash, bracket, tab or line break, no
/// doubled space or space before a stop or comma, and no full stop glued
/// to a capital. One pass instead of a pass for each step: every list
/// item and paragraph of a document goes through here.
fn trim_is_enough(b: &[u8]) -> bool {
    b.iter().enumerate().all(|(i, &c)| match c {
        0x80.. | b'*' | b'_' | b'`' | b'#' | b'(' | b'\t' | b'\n' | b'\r' => false,
        b' ' => !matches!(b.get(i + 1), Some(b' ' | b'.' | b',')),
        b'.' => !b.get(i + 1).is_some_and(u8::is_ascii_uppercase),
        _ => true,
    })
}

/// [`plain`], step by step.
fn plain_in_steps(text: &str) -> String {
    let mut s: String = if has_emoji(text) || text.contains('\u{a0}') {
        text.chars()
            .filter(|&c| !is_emoji(c))
            .map(|c| if c == '\u{a0}' { ' ' } else { c })
            .collect()
    } else {
        text.to_string()
    };
    for marker in ["**", "__", "`"] {
        if s.contains(marker) {
            s = s.replace(marker, "");
        }
    }
    let s = s.trim_start_matches('#');
    let s = if s.contains('(') {
        CITATION_PAREN.replace_all(s, "")
    } else {
        std::borrow::Cow::Borrowed(s)
    };
    let spaced = s.contains("  ") || s.contains(['\t', '\n', '\r']);
    let s = if spaced {
        std::borrow::Cow::Owned(single_spaces(&s))
    } else {
        std::borrow::Cow::Borrowed(s.as_ref())
    };
    let s = s.trim();
    let s = if s.contains('.') {
        GLUED.replace_all(s, "$1. $2")
    } else {
        std::borrow::Cow::Borrowed(s)
    };
    if s.contains(" .") || s.contains(" ,") {
        s.replace(" .", ".").replace(" ,", ",").trim().to_string()
    } else {
        s.to_string()
    }
}

/// `text` with each run of whitespace made one space: `\s+` replaced by
/// `" "`, without a regex to compile (`\s` is Unicode's White_Space, as
/// `char::is_whitespace` is).
fn single_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_space = false;
    for c in text.chars() {
        if !c.is_whitespace() {
            out.push(c);
        } else if !in_space {
            out.push(' ');
        }
        in_space = c.is_whitespace();
    }
    out
}

/// A heading or label made plain: [`plain`], without a trailing colon or
/// dash, and without a leading number (returned separately).
pub fn label(text: &str) -> (Option<u32>, String) {
    let s = plain(text);
    let s = s.trim_end_matches([':', '-', '–', ' ']).trim();
    let (number, rest) = leading_number(s);
    (number, rest.trim_end_matches(':').trim().to_string())
}

/// Splits `12. Text` or `3) Text` into its number and text.
pub fn leading_number(s: &str) -> (Option<u32>, &str) {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return (None, s);
    }
    let rest = &s[digits..];
    let Some(rest) = rest.strip_prefix(['.', ')']) else {
        return (None, s);
    };
    if !rest.starts_with(' ') {
        return (None, s);
    }
    (s[..digits].parse().ok(), rest.trim_start())
}

/// Removes a leading "As noted by X (2017)," or "As the diagram above
/// shows," so the sentence stands on its own.
pub fn strip_lead_in(sentence: &str) -> String {
    let lead_in = AS_NOTED.captures(sentence).filter(|caps| {
        let within = |group: usize, max: usize| {
            caps.get(group)
                .is_none_or(|m| m.as_str().chars().count() <= max)
        };
        within(1, 80) && within(2, 80) && within(3, 30)
    });
    let mut s = match lead_in {
        Some(caps) => sentence[caps.get(0).map_or(0, |m| m.end())..].to_string(),
        None => sentence.to_string(),
    };
    for lead in [
        "On the other hand, ",
        "In addition, ",
        "Additionally, ",
        "Furthermore, ",
        "Moreover, ",
        "However, ",
        "As a result, ",
        "For example, ",
        "For instance, ",
        "In contrast, ",
        "In practice, ",
        "Similarly, ",
        "Likewise, ",
        "Importantly, ",
        "In summary, ",
        "Overall, ",
        "It is important to note that ",
        "It should be noted that ",
        "Note that ",
        "It is worth noting that ",
    ] {
        // Leads can stack ("However, it is important to note that …"),
        // and the second may start lower case.
        let lower_lead = decapitalize(lead);
        if let Some(rest) = s.strip_prefix(lead).or_else(|| s.strip_prefix(&lower_lead)) {
            s = rest.to_string();
        }
    }
    capitalize(&s)
}

/// The text with its first letter in upper case.
pub fn capitalize(s: &str) -> String {
    with_first(s, char::to_uppercase)
}

/// `s` with its first character replaced by `change(first)`, the rest
/// copied whole (not collected character by character).
fn with_first<I: Iterator<Item = char>>(s: &str, change: impl FnOnce(char) -> I) -> String {
    let mut chars = s.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.extend(change(first));
    out.push_str(chars.as_str());
    out
}

/// The text with its first letter in lower case, unless the first word
/// is an acronym or a name written with capitals inside.
pub fn decapitalize(s: &str) -> String {
    let first_word = s.split_whitespace().next().unwrap_or("");
    let caps = first_word.chars().filter(|c| c.is_uppercase()).count();
    if caps > 1 || first_word.len() <= 1 {
        return s.to_string();
    }
    with_first(s, char::to_lowercase)
}

/// An ALL-CAPS title in sentence case ("WORKING IN PARTNERSHIP" →
/// "Working in partnership"); other text unchanged.
pub fn sentence_case(s: &str) -> String {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    let upper = letters.iter().filter(|c| c.is_uppercase()).count();
    if letters.len() >= 4 && upper * 10 >= letters.len() * 9 {
        let words: Vec<String> = s
            .split_whitespace()
            .map(|w| {
                let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
                if bare.len() <= 4 && bare.len() >= 2 && is_known_acronym_shape(bare) {
                    w.to_string()
                } else {
                    w.to_lowercase()
                }
            })
            .collect();
        capitalize(&words.join(" "))
    } else {
        s.to_string()
    }
}

fn is_known_acronym_shape(word: &str) -> bool {
    // In an all-caps title every word is upper case; only words without a
    // vowel (MDT, NHS, GP) are surely acronyms.
    !word.chars().any(|c| "AEIOUY".contains(c))
}

/// A tag part: lower case, words joined by `-`.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for word in s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push('-');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
        if out.len() > 48 {
            break;
        }
    }
    out
}

/// Number of words: runs between whitespace, as `split_whitespace`
/// counts them. Every draft's sides are counted several times, so ASCII
/// text is read eight bytes at a time (see `HIGH`) and only the
/// non-ASCII characters are decoded.
pub fn words(s: &str) -> usize {
    let bytes = s.as_bytes();
    let mut count = 0;
    let mut after_space = true;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(chunk) = bytes.get(i..i + 8) {
            let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            if x & HIGH == 0 {
                let space = ascii_space_lanes(x);
                // Lane k's predecessor is lane k - 1, or the byte before
                // the chunk for lane 0.
                let before = (space << 8) | if after_space { 0x80 } else { 0 };
                count += lanes_set(!space & HIGH & before);
                after_space = space >> 63 == 1;
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        let space = if b.is_ascii() {
            i += 1;
            is_ascii_space(b)
        } else {
            let c = s[i..].chars().next().expect("a character at a boundary");
            i += c.len_utf8();
            c.is_whitespace()
        };
        if !space && after_space {
            count += 1;
        }
        after_space = space;
    }
    count
}

/// How many byte lanes of `x` have their high bit set (no other bits may
/// be set): the lanes' ones summed into the top byte by one multiply,
/// cheaper than `count_ones` without a popcount instruction.
fn lanes_set(x: u64) -> usize {
    ((x >> 7).wrapping_mul(0x0101_0101_0101_0101) >> 56) as usize
}

/// `char::is_whitespace` on an ASCII byte: space, \t, \n, \v, \f, \r.
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

/// Lanes whose byte [`is_ascii_space`].
fn ascii_space_lanes(x: u64) -> u64 {
    in_range_lanes(x, b' ', b' ') | in_range_lanes(x, b'\t', b'\r')
}

/// The whitespace-separated words of `text`, each with its byte offset.
pub fn word_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    // Each word is a slice of `text`, so its offset is the distance
    // between the two starts.
    let base = text.as_ptr() as usize;
    text.split_whitespace()
        .map(move |w| (w.as_ptr() as usize - base, w))
}

/// Lower-case letters and digits only, single spaces: for comparing.
pub fn norm(s: &str) -> String {
    // Eight ASCII bytes at a time where it can, else one character at a
    // time, decoding only the non-ASCII ones ("›" in a breadcrumb, "é"):
    // every draft's question goes through here.
    let bytes = s.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(s.len());
    let mut space = false;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(chunk) = bytes.get(i..i + 8) {
            let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            if x & HIGH == 0 {
                // The letters and digits the chunk starts with are copied
                // lower-cased; else the other bytes it starts with are a
                // word break.
                let alnum = ascii_alnum_lanes(x);
                let run = leading_lanes(alnum);
                if run > 0 {
                    if space && !out.is_empty() {
                        out.push(b' ');
                    }
                    space = false;
                    out.extend_from_slice(&ascii_lower(x).to_le_bytes()[..run]);
                    i += run;
                } else {
                    space = true;
                    i += leading_lanes(!alnum & HIGH);
                }
                continue;
            }
        }
        let b = bytes[i];
        if b.is_ascii() {
            i += 1;
            if b.is_ascii_alphanumeric() {
                if space && !out.is_empty() {
                    out.push(b' ');
                }
                space = false;
                out.push(b.to_ascii_lowercase());
            } else {
                space = true;
            }
            continue;
        }
        let c = s[i..].chars().next().expect("a character at a boundary");
        i += c.len_utf8();
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(b' ');
            }
            space = false;
            for lower in c.to_lowercase() {
                out.extend_from_slice(lower.encode_utf8(&mut [0; 4]).as_bytes());
            }
        } else {
            space = true;
        }
    }
    String::from_utf8(out).expect("whole characters in, whole characters out")
}

// Eight bytes at a time: a `u64` read little-endian from eight ASCII bytes
// (high bits clear) holds one byte per lane, lane 0 first. The tests below
// mark a lane by setting its high bit; no lane borrows from or carries
// into another.

/// The high bit of every lane.
const HIGH: u64 = 0x8080_8080_8080_8080;

/// `b` in every lane.
const fn lanes(b: u8) -> u64 {
    u64::from_ne_bytes([b; 8])
}

/// Lanes whose byte is in `lo..=hi`: `(b | 0x80) - lo` keeps its high bit
/// when `b >= lo`, `(0x80 | hi) - b` when `b <= hi`.
fn in_range_lanes(x: u64, lo: u8, hi: u8) -> u64 {
    (x | HIGH).wrapping_sub(lanes(lo)) & (HIGH | lanes(hi)).wrapping_sub(x) & HIGH
}

/// Lanes holding an ASCII letter or digit.
fn ascii_alnum_lanes(x: u64) -> u64 {
    in_range_lanes(x, b'0', b'9') | in_range_lanes(x, b'A', b'Z') | in_range_lanes(x, b'a', b'z')
}

/// The eight bytes with upper-case letters made lower case (the lane's
/// high bit shifted to 0x20).
fn ascii_lower(x: u64) -> u64 {
    x | (in_range_lanes(x, b'A', b'Z') >> 2)
}

/// How many lanes, from lane 0, are marked in a mask of high bits.
fn leading_lanes(marked: u64) -> usize {
    ((!marked & HIGH).trailing_zeros() / 8) as usize
}

/// `s.to_lowercase()`, borrowed when that changes nothing (ASCII without
/// capitals): most words the rules compare are already lower case.
pub fn lowercase(s: &str) -> std::borrow::Cow<'_, str> {
    if s.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
        std::borrow::Cow::Owned(s.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// Whether a doubled Markdown marker (`**`, `##`, `__`) is left in the
/// text. Eight bytes at a time: only a chunk holding a marker is looked
/// at byte by byte (with the byte after it, for a pair across chunks).
pub fn has_doubled_marker(s: &str) -> bool {
    let bytes = s.as_bytes();
    let pair_at = |w: &[u8]| matches!(w[0], b'*' | b'#' | b'_') && w[0] == w[1];
    let mut i = 0;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        // Low seven bits only, so that no lane borrows; non-ASCII lanes
        // are masked out after.
        let low = x & !HIGH;
        let markers = (in_range_lanes(low, b'*', b'*')
            | in_range_lanes(low, b'#', b'#')
            | in_range_lanes(low, b'_', b'_'))
            & !x;
        if markers != 0 && bytes[i..(i + 9).min(bytes.len())].windows(2).any(pair_at) {
            return true;
        }
        i += 8;
    }
    bytes[i.saturating_sub(1)..].windows(2).any(pair_at)
}

/// Whether `needle` occurs in `hay` as whole words (both normalised).
pub fn contains_words(hay: &str, needle: &str) -> bool {
    contains_normed(&norm(hay), &norm(needle))
}

/// [`contains_words`] on text already through [`norm`]: single spaces
/// between words, none at the ends.
pub fn contains_normed(hay: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return false;
    }
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    let mut start = 0;
    loop {
        let end = start + needle.len();
        if hay[start..].starts_with(needle) && (end == hay.len() || hay[end] == b' ') {
            return true;
        }
        // On to the next word.
        match hay[start..].iter().position(|&b| b == b' ') {
            Some(space) => start += space + 1,
            None => return false,
        }
    }
}

/// Splits running text into sentences, keeping abbreviations such as
/// "e.g." and "i.e." inside their sentence.
pub fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if matches!(b, b'.' | b'!' | b'?') {
            let end = i + 1;
            let next = text[end..].chars().next();
            let after = text[end..].trim_start();
            let next_starts = after
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "“\"‘(".contains(c));
            let word_before = text[start..i]
                .rsplit(|c: char| c.is_whitespace() || c == '(')
                .next()
                .unwrap_or("");
            let abbreviation = b == b'.'
                && (ABBREVIATIONS.contains_lower(word_before)
                    || (word_before.len() == 1 && word_before.chars().all(|c| c.is_alphabetic())));
            if next.is_some_and(char::is_whitespace) && next_starts && !abbreviation {
                push_sentence(&mut out, &text[start..end]);
                start = end;
            }
        }
        i += 1;
    }
    push_sentence(&mut out, &text[start..]);
    out
}

static ABBREVIATIONS: Words = Words::new(&[
    "e.g", "i.e", "etc", "eg", "ie", "dr", "mr", "mrs", "ms", "vs", "no", "st", "cf", "approx",
    "fig", "al", "prof",
]);

fn push_sentence(out: &mut Vec<String>, s: &str) {
    let s = s.trim();
    if !s.is_empty() {
        out.push(s.to_string());
    }
}

/// Shortens an answer to at most `max` words: first at a clause boundary
/// (`;`, ` - `, `, including`, `, while`…), else at the last comma before
/// the limit. `None` when no clean cut exists.
pub fn trim_answer(s: &str, max: usize) -> Option<String> {
    let s = s.trim();
    if words(s) <= max {
        return Some(s.to_string());
    }
    // The latest clause boundary that leaves a head within the limit.
    let mut best: Option<usize> = None;
    for sep in [
        "; ",
        " – ",
        " — ",
        " - ",
        " (",
        ", including ",
        ", such as ",
        ", while ",
        ", which ",
        ", promoting ",
        ", ensuring ",
        ", so that ",
        ", e.g.",
        ", for example",
    ] {
        for (pos, _) in s.match_indices(sep) {
            let head = s[..pos].trim_end_matches([',', ' ']);
            if words(head) >= 3 && words(head) <= max && best.is_none_or(|b| pos > b) {
                best = Some(pos);
            }
        }
    }
    if let Some(pos) = best {
        return Some(close_sentence(&s[..pos]));
    }
    // A little over the limit is better than a cut mid-clause.
    if words(s) <= max + SLACK {
        return Some(s.to_string());
    }
    let limited: Vec<&str> = s.split_whitespace().take(max).collect();
    let prefix = limited.join(" ");
    if let Some(pos) = prefix.rfind(", ") {
        let head = &prefix[..pos];
        if words(head) >= max / 2 {
            return Some(close_sentence(head));
        }
    }
    None
}

/// Words an answer may run over the limit rather than be cut mid-clause.
pub const SLACK: usize = 12;

fn close_sentence(s: &str) -> String {
    let s = s.trim_end_matches([',', ';', ':', ' ']);
    if s.ends_with(['.', '?', '!']) {
        s.to_string()
    } else {
        format!("{s}.")
    }
}

/// `text.split_once(sep)`, for a separator of one mark and spaces (": ",
/// " - ", " – "); see [`find_marked`].
pub fn split_once_at<'t>(text: &'t str, sep: &str) -> Option<(&'t str, &'t str)> {
    let start = find_marked(text, sep)?;
    Some((&text[..start], &text[start + sep.len()..]))
}

/// `text.find(needle)` for a short needle: its first character other
/// than a space is found with `str::find(char)` (a memchr) and the rest
/// compared there, because building a substring searcher for every short
/// text cost more than the search itself.
pub fn find_marked(text: &str, needle: &str) -> Option<usize> {
    let Some((at, mark)) = needle.char_indices().find(|&(_, c)| c != ' ') else {
        return text.find(needle);
    };
    let mut from = 0;
    while let Some(found) = text[from..].find(mark) {
        let pos = from + found;
        // A match starts with a whole character, so at a boundary.
        if let Some(start) = pos.checked_sub(at)
            && text.as_bytes()[start..].starts_with(needle.as_bytes())
        {
            return Some(start);
        }
        from = pos + mark.len_utf8();
    }
    None
}

/// A matcher for any of `keywords`, ignoring ASCII case: a cheap test
/// that rules text out before a pattern runs, or a keyword list in place
/// of a pattern.
pub fn keyword_matcher(keywords: &[&str]) -> AhoCorasick {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(keywords)
        .expect("valid built-in keywords")
}

/// Text without a trailing full stop.
pub fn no_stop(s: &str) -> &str {
    s.trim().trim_end_matches('.').trim_end()
}

/// The singular of a label's head noun, naively ("Rules" → "Rule").
pub fn singular(word: &str) -> String {
    let lower = word.to_lowercase();
    if let Some(stem) = lower.strip_suffix("ies").filter(|s| s.len() >= 3) {
        return format!("{}y", &word[..stem.len()]);
    }
    if lower.ends_with("sses") || lower.ends_with("ches") || lower.ends_with("shes") {
        return word[..word.len() - 2].to_string();
    }
    if lower.ends_with('s') && !lower.ends_with("ss") && !lower.ends_with("us") && word.len() > 3 {
        return word[..word.len() - 1].to_string();
    }
    word.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Fixed-seed random strings over `alphabet`: `per_len` of each length
    /// below `max_len`, so that the eight-bytes-at-a-time scans meet every
    /// offset within and across their chunks.
    fn random_texts(alphabet: &[char], max_len: usize, per_len: usize, seed: u64) -> Vec<String> {
        let mut state = seed;
        let mut next = move || {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1);
            alphabet[(state >> 33) as usize % alphabet.len()]
        };
        (0..max_len)
            .flat_map(|len| std::iter::repeat_n(len, per_len))
            .map(|len| (0..len).map(|_| next()).collect())
            .collect()
    }

    #[test]
    fn plain_trims_only_when_no_step_has_anything_to_do() {
        let alphabet = [
            'a', 'B', ' ', ' ', '.', ',', '*', '_', '`', '#', '(', ')', '2', '0', '1', '9', '\t',
            '\n', '\r', '\u{a0}', '✅', 'é', 'T', 'h', ':',
        ];
        let mut texts = random_texts(&alphabet, 14, 400, 11);
        texts.extend(
            [
                "care service partner",
                " care. Then ",
                "done.Next step",
                "it is (Smith, 2019) ok",
                "a , b .",
                "**Bold** term",
                "## Heading",
                "x\u{a0}y",
                "ok ✅",
                "tab\there",
                "word  word",
                "e.g. NHS",
                "end.",
                "  padded  ",
            ]
            .map(String::from),
        );
        for text in &texts {
            assert_eq!(plain(text), plain_in_steps(text), "{text:?}");
        }
    }

    #[test]
    fn recognises_noise() {
        for line in [
            "2 min, 50 sec read Download Article",
            "Share this post:",
            "Cite this Page",
            "Select each tab for more information.",
            "Click on each heading to reveal more.",
            "Think of four options and select picture.",
            "Finding it challenging to complete your essay within the given deadlines?",
            "Next",
            "EssayBank (2021). Consent in care. EssayBank.",
            "Words: 1200",
            "✅",
        ] {
            assert!(noise_reason(line).is_some(), "{line}");
        }
        for line in [
            "Trust each other",
            "Partnership working means different people working together.",
            "Consent given",
            "Keep accurate records",
        ] {
            assert_eq!(noise_reason(line), None, "{line}");
        }
    }

    #[test]
    fn caseless_noise_patterns_match_as_ignoring_ascii_case_did() {
        // The patterns as they were: `(?i-u)` where they are now lower case.
        let ignoring_case =
            |pattern: &str| re(&pattern.replace("(?:", "(?i-u:").replace("(?-u)", "(?i-u)"));
        let lines = [
            "2 min read",
            "10 minutes to read",
            "Words: 1200",
            "12 words",
            "Click each tab to reveal more",
            "Select the correct answer",
            "Think of all that apply",
            "Try again.",
            "Skip to content",
            "Share this post:",
            "Print",
            "printer",
            "Log in",
            "login",
            "Contents",
            "Tags: care",
            "Categories: safety",
            "Leave a reply",
            "Copyright © 2024",
            "Cookie policy",
            "Order now for a discount",
            "Get a free quote from our writers",
            "Hire an expert",
            "50% off",
            "Kindness and trust are key",
            "Speak to staff; the essay deadline",
            "Consent given freely",
        ];
        // Per character of a line: as it is, upper case, or a look-alike
        // that only Unicode case folding would match (Kelvin sign, long s).
        let masks = random_texts(&['a', 'A', 'k', 's', 'a'], 50, 4, 5);
        let mut matched = 0;
        for (pattern, source) in
            NOISE[..CASELESS_NOISE]
                .iter()
                .zip([READING_TIME, INTERFACE, WEB, PROMO])
        {
            let reference = ignoring_case(source);
            for line in lines {
                for mask in &masks {
                    let text: String = line
                        .chars()
                        .zip(mask.chars().chain(std::iter::repeat('a')))
                        .map(|(c, m)| match (c, m) {
                            (_, 'A') => c.to_ascii_uppercase(),
                            ('k', 'k') => '\u{212a}',
                            ('s', 's') => '\u{17f}',
                            _ => c,
                        })
                        .collect();
                    let expected = reference.is_match(&text);
                    assert_eq!(
                        pattern.is_match(&text.to_ascii_lowercase()),
                        expected,
                        "{text:?}"
                    );
                    matched += usize::from(expected);
                }
            }
        }
        assert!(matched > 1000, "{matched}");
    }

    #[test]
    fn single_spaces_replaces_whitespace_runs_as_the_pattern_did() {
        let reference = re(r"\s+");
        let alphabet: Vec<char> = [' ', '\t', '\n', '\r', '\u{b}', '\u{c}', 'a', 'é', '.']
            .into_iter()
            .chain(['\u{85}', '\u{a0}', '\u{1680}', '\u{2003}', '\u{200b}'])
            .chain(['\u{2028}', '\u{202f}', '\u{3000}', '\u{feff}', '\u{180e}'])
            .collect();
        for text in random_texts(&alphabet, 30, 100, 9) {
            assert_eq!(
                single_spaces(&text),
                reference.replace_all(&text, " "),
                "{text:?}"
            );
        }
        // Every character, alone and between letters.
        for c in (0..=0x10_ffff).filter_map(char::from_u32) {
            let text = format!("a{c}{c}b{c}");
            assert_eq!(
                single_spaces(&text),
                reference.replace_all(&text, " "),
                "{c:?}"
            );
        }
    }

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

    #[test]
    fn plain_text() {
        assert_eq!(
            plain("**S**ituation - What's happening?"),
            "Situation - What's happening?"
        );
        assert_eq!(plain("## 🤝 WHAT IS IT?"), "WHAT IS IT?");
        assert_eq!(
            plain("care under one service (Glasby & Dickinson, 2014). Next"),
            "care under one service. Next"
        );
        assert_eq!(plain("as noted (Billingham, 2016)."), "as noted.");
        assert_eq!(
            plain("most raise it first (Public Concern at Work, 2013)."),
            "most raise it first."
        );
        assert_eq!(
            label("### 3. Open Communication:"),
            (Some(3), "Open Communication".into())
        );
        assert_eq!(
            sentence_case("WORKING IN PARTNERSHIP"),
            "Working in partnership"
        );
        assert_eq!(sentence_case("MDT MEETINGS"), "MDT meetings");
        assert_eq!(
            slug("Barriers to Communication:"),
            "barriers-to-communication"
        );
        assert_eq!(
            strip_lead_in("As noted by Care Quality Commission (2017), the absence of goals"),
            "The absence of goals"
        );
    }

    #[test]
    fn splits_sentences() {
        assert_eq!(
            sentences("Use evidence (e.g. minutes, emails). It helps. Dr. Who is i.e. fine."),
            [
                "Use evidence (e.g. minutes, emails).",
                "It helps.",
                "Dr. Who is i.e. fine."
            ]
        );
    }

    #[test]
    fn trims_answers() {
        let long = "Ensuring that care planning and delivery are tailored to the individual needs, preferences, and values of service users, promoting their autonomy and dignity.";
        let t = trim_answer(long, 20).unwrap();
        assert!(words(&t) <= 20, "{t}");
        assert!(t.starts_with("Ensuring that care planning"), "{t}");
        assert_eq!(singular("Rules"), "Rule");
        assert_eq!(singular("Principles"), "Principle");
        assert_eq!(singular("Activities"), "Activity");
        assert!(contains_words("In SBAR, what does A stand for?", "sbar"));
        assert!(!contains_words("barbed", "bar"));
    }

    #[test]
    fn whole_word_matching_normalises_both_sides() {
        assert_eq!(norm("  Duty-of-Care: **Key**!  "), "duty of care key");
        assert_eq!(norm("Équipe ÉTÉ, café"), "équipe été café");
        assert_eq!(norm("¿—?"), "");
        // A first match that fails the word boundary must not hide an
        // overlapping one that passes.
        assert!(contains_words("xa a a", "a a"));
        assert!(contains_words("Café crème", "CRÈME"));
        assert!(!contains_words("crèmes", "crème"));
        assert!(!contains_words("anything", "  "));
        assert!(contains_normed("duty of care", "care"));
        assert!(contains_normed("duty of care", "duty of"));
        assert!(!contains_normed("duty of care", "of car"));
        assert!(!contains_normed("", "care"));
    }

    #[test]
    fn words_carry_their_offsets() {
        let text = "  Duty of\tcare — always ";
        let spans: Vec<(usize, &str)> = word_offsets(text).collect();
        assert_eq!(
            spans,
            [
                (2, "Duty"),
                (7, "of"),
                (10, "care"),
                (15, "—"),
                (19, "always")
            ]
        );
        for (at, w) in spans {
            assert_eq!(&text[at..at + w.len()], w);
        }
    }

    #[test]
    fn counts_words_as_split_whitespace_does() {
        // Every byte value below 0x80 and a few non-ASCII characters, at
        // every offset within and across the eight-byte chunks.
        // Spaces often (about a third of the characters), so that words
        // are short.
        let alphabet: Vec<char> = (0u8..0x80)
            .map(char::from)
            .chain(['\u{a0}', '\u{85}', '\u{2003}', 'é', '›', '🤝'])
            .chain(std::iter::repeat_n(' ', 80))
            .collect();
        for text in random_texts(&alphabet, 40, 200, 1) {
            assert_eq!(words(&text), text.split_whitespace().count(), "{text:?}");
        }
        for b in 0u8..0x80 {
            assert_eq!(is_ascii_space(b), char::from(b).is_whitespace(), "{b}");
        }
    }

    #[test]
    fn norm_agrees_with_its_definition() {
        // Lower-case letters and digits, one space between runs.
        let reference = |s: &str| {
            s.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(|w| w.chars().flat_map(char::to_lowercase).collect::<String>())
                .collect::<Vec<_>>()
                .join(" ")
        };
        let alphabet: Vec<char> = (0u8..0x80)
            .map(char::from)
            .chain(['É', 'ß', 'İ', 'Σ', '›', '\u{a0}', '🤝', '٣'])
            .collect();
        for text in random_texts(&alphabet, 40, 200, 7) {
            assert_eq!(norm(&text), reference(&text), "{text:?}");
        }
    }

    #[test]
    fn finds_doubled_markers_anywhere() {
        let reference = |s: &str| {
            s.as_bytes()
                .windows(2)
                .any(|w| w[0] == w[1] && matches!(w[0], b'*' | b'#' | b'_'))
        };
        let alphabet = ['*', '#', '_', 'a', ' ', '›', 'ª', '\u{aa}', 'j'];
        for text in random_texts(&alphabet, 30, 300, 3) {
            assert_eq!(has_doubled_marker(&text), reference(&text), "{text:?}");
        }
        assert!(has_doubled_marker("abcdefg**"));
        assert!(has_doubled_marker("abcdefgh__"));
        assert!(!has_doubled_marker("*#_*#_*#_"));
        assert_eq!(lowercase("Care ÉTÉ"), "care été");
        assert!(matches!(lowercase("care"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn byte_scans_agree_with_the_char_methods_they_replace() {
        for text in [
            "",
            "  ",
            "one",
            " Duty of\tcare\u{0b}— always\r\n",
            "a\u{a0}b\u{2003}c\u{85}d\u{3000}",
            "Care › Team: ✅ done 🤝",
            "ﬁx Éclair ß",
            "x - y – z: w",
        ] {
            assert_eq!(words(text), text.split_whitespace().count(), "{text:?}");
            assert_eq!(has_emoji(text), text.chars().any(is_emoji), "{text:?}");
            for sep in [": ", " - ", " – ", " ", "", "Act", "z: w", "x -"] {
                assert_eq!(split_once_at(text, sep), text.split_once(sep), "{text:?}");
                assert_eq!(find_marked(text, sep), text.find(sep), "{text:?}");
            }
        }
        assert_eq!(split_once_at("a:b: c: d", ": "), Some(("a:b", "c: d")));
        assert_eq!(split_once_at(":: x", ": "), Some((":", "x")));
        assert_eq!(capitalize("ﬁx it"), "FIx it");
        assert_eq!(capitalize("élan"), "Élan");
        assert_eq!(decapitalize("Élan vital"), "élan vital");
        assert_eq!(decapitalize("NHS trust"), "NHS trust");
        assert_eq!(capitalize(""), "");
        assert!(keyword_matcher(&["chart"]).is_match("A CHART"));
    }

    #[test]
    fn word_lists_match_whole_words_exactly() {
        static LIST: Words = Words::new(&["of", "the care"]);
        assert!(LIST.contains("of"));
        assert!(LIST.contains(&"the care"));
        assert!(LIST.contains(&String::from("of")));
        assert!(!LIST.contains("Of"));
        assert!(!LIST.contains("o"));
        assert!(!LIST.contains("the"));
    }

    #[test]
    fn lower_case_lookups_agree_with_to_lowercase() {
        static LIST: Words = Words::new(&[
            "of",
            "kin",
            "ſtraße",
            "élan",
            "abcdefghijklmnopqrstuvwxyzabcdefghij",
        ]);
        let words = [
            "of",
            "Of",
            "OF",
            "oF",
            "kin",
            "KIN",
            "\u{212A}in",
            "ſtraße",
            "ſTRASSE",
            "Élan",
            "ÉLAN",
            "élan",
            "o",
            "",
            "of ",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghij",
            "abcdefghijklmnopqrstuvwxyzabcdefghij",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJK",
        ];
        for w in words {
            assert_eq!(
                LIST.contains_lower(w),
                LIST.contains(w.to_lowercase().as_str()),
                "{w:?}"
            );
        }
        assert!(LIST.contains_lower("\u{212A}IN"));
        assert!(LIST.contains_lower("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghij"));
    }
}

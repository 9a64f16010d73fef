//! Boilerplate lines: reading times, interface text, web page furniture,
//! promotional lines, references. Each pattern has its reason and the
//! prefilter that lets most content lines skip the patterns.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::Regex;

use crate::compile::text::{Words, keyword_matcher, re};

// The first four boilerplate patterns ignore ASCII case: they are written
// in lower case and matched against the line in ASCII lower case (see
// `noise_reason`), the same as `(?i-u)` and much cheaper to compile, since
// a case-insensitive alternation of words spells out every mix of cases
// when the regex engine looks for literals to search for.
pub(crate) const READING_TIME: &str = r"^[0-9]+\s*(?:min|mins|minutes?)(?-u:\b).*(?-u:\b)(?:read)(?-u:\b)|^(?:words?):\s*[0-9]+|^[0-9]+\s*(?:words?)$";

pub(crate) const INTERFACE: &str = r"^(?:select|click|tap|press|choose|hover over|drag)(?-u:\b).*(?-u:\b)(?:tabs?|headings?|buttons?|each|below|to (reveal|continue|find out|see|learn|view)|more information|submit|next|images?|pictures?|arrows?|cards?)(?-u:\b)|^(?:think of|choose|select|pick|tick)(?-u:\b).*(?-u:\b)(?:options?|answers?|all that apply|picture|correct)(?-u:\b)|^(?:next|back|continue|previous|submit|close|menu|home|start|restart|try again|show answer|check answer|skip to content|scroll down)\.?$";

pub(crate) const WEB: &str = r"(?-u)^(share this|share on|cite this|download|print this|print(?-u:\b)|bookmark|follow us|subscribe|sign up|log ?in|related (posts|articles|essays)|read more|table of contents|contents$|advertisement|sponsored|you may also like|tags?:|categor(y|ies):|posted (on|in|by)|published|updated|last updated|leave a (comment|reply)|comments?(?-u:\b)|copyright|©|all rights reserved|cookie|privacy policy)";

pub(crate) const PROMO: &str = r"(?-u)(?-u:\b)(your (essay|assignment|dissertation|homework)|essay (writing|writers|service|help)|our (writers|experts|team of writers|service)|order now|place an order|get (a )?(free )?quote|plagiarism|deadlines?|hire (a|an|our)|writing service|get help (with|from)|discount|% off)(?-u:\b)";

pub(crate) const REFERENCE: &str = r"^[A-Z][0-9A-Za-z_&.'’ -]{1,60}\s\([0-9]{4}[a-z]?\)\.\s+\S|(?i-u:https?://|www\.|\bdoi:|retrieved from)";

/// The boilerplate patterns, in the order of [`noise_reason`]'s reasons.
/// Separate patterns rather than one set, so that start-up compiles them
/// on several threads at once.
pub(crate) static NOISE: [LazyLock<Regex>; 5] = [
    LazyLock::new(|| re(READING_TIME)),
    LazyLock::new(|| re(INTERFACE)),
    LazyLock::new(|| re(WEB)),
    LazyLock::new(|| re(PROMO)),
    LazyLock::new(|| re(REFERENCE)),
];

/// How many of [`NOISE`]'s patterns, from the first, ignore ASCII case.
pub(crate) const CASELESS_NOISE: usize = 4;

/// Compiles this module's patterns on the pool's threads (see
/// [`crate::compile::compile_patterns`]), the costliest first.
pub(crate) fn compile_patterns() {
    for pattern in &NOISE {
        rayon::spawn(move || {
            LazyLock::force(pattern);
        });
    }
}

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
pub(crate) fn may_be_noise(t: &str) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compile::text::random_texts;

    #[test]
    fn recognises_noise() {
        for line in [
            "4 min read Save Article",
            "Share this article:",
            "Cite this article",
            "Select each card to find out more.",
            "Click on each heading to reveal more.",
            "Think of two answers and tick all that apply.",
            "Struggling to finish your assignment before the deadline?",
            "Next",
            "EssayBank (2021). Consent in care. EssayBank.",
            "Words: 1200",
            "✅",
        ] {
            assert!(noise_reason(line).is_some(), "{line}");
        }
        for line in [
            "Listen to each other",
            "Hydration means drinking enough fluid each day.",
            "Consent given",
            "Keep the fridge clean",
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
            "Share this article:",
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
}

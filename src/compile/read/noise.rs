//! Boilerplate lines: reading times, interface text, web page furniture,
//! promotional lines, references. Each pattern has its reason and the
//! prefilter that lets most content lines skip the patterns.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::Regex;

use crate::compile::text::{Words, keyword_matcher, re};

// The first four patterns are written in lower case: see `Noise::caseless`.
pub(crate) const READING_TIME: &str = r"^[0-9]+\s*(?:min|mins|minutes?)(?-u:\b).*(?-u:\b)(?:read)(?-u:\b)|^(?:words?):\s*[0-9]+|^[0-9]+\s*(?:words?)$|\(\s*[0-9]+\s*(?:min|mins|minutes?)(?:,\s*[0-9]+\s*secs?)?\s+read\s*\)$";

pub(crate) const INTERFACE: &str = r"^(?:select|click|tap|press|choose|hover over|drag)(?-u:\b).*(?-u:\b)(?:tabs?|headings?|buttons?|each|below|to (reveal|continue|find out|see|learn|view)|more information|submit|next|images?|pictures?|arrows?|cards?)(?-u:\b)|^(?:think of|choose|select|pick|tick)(?-u:\b).*(?-u:\b)(?:options?|answers?|all that apply|picture|correct)(?-u:\b)|^(?:(?:next|back|continue|previous|submit|close|menu|home|start|restart|try again|show answer|check answer|skip to (?:main )?content|skip to navigation|scroll down)\.?(?:\s+|\s*[|>/]\s*|$))+$|^page [0-9]+ of [0-9]+|^progress:? [0-9]+ ?%|^(?:section|lesson|module|screen|slide) [0-9]+ of [0-9]+(?:\s|$)";

pub(crate) const WEB: &str = r"(?-u)^(share this|share on|share: |share f |cite this|download|print this|print(?-u:\b)|bookmark|follow us|subscribe|sign up|log ?in|related (posts|articles|essays)|read more|table of contents|contents$|advertisement|sponsored|you may also like|tags?:|categor(y|ies):|posted (on|in|by)|published|updated|last updated|leave a (comment|reply)|comments?(?-u:\b)|copyright|©|all rights reserved|cookie|privacy policy)";

pub(crate) const PROMO: &str = r"(?-u)(?-u:\b)(your (essay|assignment|dissertation|homework)|essay (writing|writers|service|help)|our (writers|experts|team of writers|service)|order now|place an order|get (a )?(free )?quote|plagiarism|deadlines?|hire (a|an|our)|writing service|get help (with|from)|discount|% off)(?-u:\b)";

pub(crate) const REFERENCE: &str = r"^[A-Z][0-9A-Za-z_&.'’ -]{1,60}\s\([0-9]{4}[a-z]?\)\.\s+\S|(?i-u:https?://|www\.|\bdoi:|retrieved from)";

/// Why a line is boilerplate rather than content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoiseReason {
    /// "4 min read", "Words: 1200".
    ReadingTime,
    /// "Select each tab to find out more", "Next".
    Interface,
    /// "Share this article", "Cookie policy".
    WebFurniture,
    /// An essay site's advertising.
    Promotional,
    /// A reference-list entry or a link.
    Reference,
    /// A line of symbols only.
    NoWords,
    /// "Figure 1: how water moves through a plant": the caption of a
    /// figure or table the text does not hold.
    Caption,
}

impl NoiseReason {
    /// The reason as reports print it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::ReadingTime => "reading-time line",
            Self::Interface => "interface text",
            Self::WebFurniture => "web page furniture",
            Self::Promotional => "promotional line",
            Self::Reference => "reference or link",
            Self::NoWords => "no words",
            Self::Caption => "figure caption",
        }
    }
}

/// One kind of boilerplate: its pattern and the cheap prefilter that must
/// pass before the pattern runs (a line the pattern matches always passes
/// it: the test `every_pattern_match_passes_its_prefilter` checks).
pub(crate) struct Noise {
    pub(crate) reason: NoiseReason,
    pub(crate) pattern: &'static str,
    /// Matched against the line in ASCII lower case: the same as `(?i-u)`
    /// and much cheaper to compile, since a case-insensitive alternation
    /// of words spells out every mix of cases when the regex engine looks
    /// for literals to search for.
    pub(crate) caseless: bool,
    /// The pattern is anchored at one of these first words (any case).
    pub(crate) first_words: &'static [&'static str],
    /// A line that starts with a digit may match.
    pub(crate) first_digit: bool,
    /// Or else the line holds one of these (any ASCII case).
    pub(crate) anywhere: &'static [&'static str],
}

/// The kinds of boilerplate, in the order they are tried.
pub(crate) static NOISE: [Noise; 5] = [
    Noise {
        reason: NoiseReason::ReadingTime,
        pattern: READING_TIME,
        caseless: true,
        first_words: &["words", "word"],
        first_digit: true,
        anywhere: &["read)"],
    },
    Noise {
        reason: NoiseReason::Interface,
        pattern: INTERFACE,
        caseless: true,
        first_words: &[
            "select", "click", "tap", "press", "choose", "hover", "drag", "think", "pick", "tick",
            "next", "back", "continue", "previous", "submit", "close", "menu", "home", "start",
            "restart", "try", "show", "check", "skip", "scroll", "page", "progress", "section",
            "lesson", "module", "screen", "slide",
        ],
        first_digit: false,
        anywhere: &[],
    },
    Noise {
        reason: NoiseReason::WebFurniture,
        pattern: WEB,
        caseless: true,
        first_words: &[
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
            "cookies",
            "privacy",
        ],
        first_digit: false,
        anywhere: &["©"],
    },
    Noise {
        reason: NoiseReason::Promotional,
        pattern: PROMO,
        caseless: true,
        first_words: &[],
        first_digit: false,
        anywhere: &[
            "essay",
            "assignment",
            "dissertation",
            "homework",
            "writers",
            "experts",
            "our service",
            "order",
            "quote",
            "plagiarism",
            "deadline",
            "hire",
            "writing",
            "help",
            "discount",
            "% off",
        ],
    },
    Noise {
        reason: NoiseReason::Reference,
        pattern: REFERENCE,
        caseless: false,
        first_words: &[],
        first_digit: false,
        anywhere: &["http", "www.", "doi:", "retrieved", ")."],
    },
];

/// [`NOISE`]'s patterns, compiled, in the same order. Separate patterns
/// rather than one set, so that start-up compiles them on several threads
/// at once.
static PATTERNS: [LazyLock<Regex>; 5] = [
    LazyLock::new(|| re(NOISE[0].pattern)),
    LazyLock::new(|| re(NOISE[1].pattern)),
    LazyLock::new(|| re(NOISE[2].pattern)),
    LazyLock::new(|| re(NOISE[3].pattern)),
    LazyLock::new(|| re(NOISE[4].pattern)),
];

/// Every first word of [`NOISE`], for one lookup per line.
static FIRST_WORDS: LazyLock<Words> = LazyLock::new(|| {
    let all: Vec<&'static str> = NOISE
        .iter()
        .flat_map(|n| n.first_words.iter().copied())
        .collect();
    Words::new(all.leak())
});

/// Every keyword of [`NOISE`], in one matcher; a match's pattern index
/// tells which kind it belongs to.
static ANYWHERE: LazyLock<(AhoCorasick, Vec<usize>)> = LazyLock::new(|| {
    let mut keywords = Vec::new();
    let mut kinds = Vec::new();
    for (i, noise) in NOISE.iter().enumerate() {
        for k in noise.anywhere {
            keywords.push(*k);
            kinds.push(i);
        }
    }
    (keyword_matcher(&keywords), kinds)
});

/// Compiles this module's patterns on the pool's threads (see
/// [`crate::compile::compile_patterns`]), the costliest first.
pub(crate) fn compile_patterns() {
    for pattern in &PATTERNS {
        rayon::spawn(move || {
            LazyLock::force(pattern);
        });
    }
}

/// "Page 3 of 8": a page counter, printed or on screen.
pub fn is_page_counter(line: &str) -> bool {
    let t = crate::compile::text::norm(line);
    let mut w = t.split(' ');
    w.next() == Some("page")
        && w.next().is_some_and(|n| n.parse::<u32>().is_ok())
        && w.next() == Some("of")
        && w.next().is_some_and(|n| n.parse::<u32>().is_ok())
        // "Page 2 of 9    Unit 4 Study Guide    Green Skills Academy": a
        // printed page's footer names the guide after its counter.
        && (w.next().is_none() || {
            // (Columns set apart by a run of spaces, non-breaking or not.)
            let chars: Vec<char> = line.trim().chars().collect();
            chars.windows(2).any(|p| p[0].is_whitespace() && p[1].is_whitespace())
        })
}

/// Why a line is boilerplate rather than content, or `None`.
pub fn noise_reason(line: &str) -> Option<NoiseReason> {
    // "✔ Section 4 of 6 complete": a mark before the furniture.
    let t = line
        .trim()
        .trim_start_matches(|c: char| crate::compile::text::is_emoji(c) || "✔✓☑•▪".contains(c))
        .trim_start();
    let t = if t.is_empty() { line.trim() } else { t };
    if t.is_empty() {
        return None;
    }
    if is_caption(t) {
        return Some(NoiseReason::Caption);
    }
    if is_navigation(t) || is_progress(t) {
        return Some(NoiseReason::Interface);
    }
    // "By Gareth Pryce, activities coordinator | 14 March 2024 | 9 min
    // read | 11 comments": an essay's byline, whatever it holds.
    if t.starts_with("By ")
        && t.contains(" | ")
        && (t.contains(" min read") || t.contains(" comments") || t.contains("Updated "))
    {
        return Some(NoiseReason::ReadingTime);
    }
    // "Quick check: Select the correct answer.": a label before the page's
    // own instruction.
    if let Some((label, rest)) = t.split_once(": ")
        && (1..=4).contains(&crate::compile::text::words(label))
        && !rest.trim().is_empty()
        && noise_reason(rest) == Some(NoiseReason::Interface)
    {
        return Some(NoiseReason::Interface);
    }
    let passing = prefilters(t);
    if passing != 0 {
        let lower = t.to_ascii_lowercase();
        for (i, noise) in NOISE.iter().enumerate() {
            let subject = if noise.caseless { &lower } else { t };
            if passing & (1 << i) != 0 && PATTERNS[i].is_match(subject) {
                return Some(noise.reason);
            }
        }
    }
    (!t.chars().any(char::is_alphanumeric)).then_some(NoiseReason::NoWords)
}

/// "17% complete", "100% of lessons viewed": a page's progress bar.
fn is_progress(t: &str) -> bool {
    let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let Some(rest) = t[digits..].trim_start().strip_prefix('%') else {
        return false;
    };
    let rest = rest.trim().to_ascii_lowercase();
    let course = [
        "lesson", "module", "course", "page", "section", "topic", "unit",
    ];
    digits > 0
        && crate::compile::text::words(&rest) <= 4
        && (["complete", "completed", "done"]
            .iter()
            .any(|w| rest.starts_with(w))
            || rest.strip_prefix("of ").is_some_and(|of| {
                let of = of.trim_start_matches("the ").trim_start_matches("this ");
                course.iter().any(|c| of.starts_with(c))
            }))
}

/// The arrows a page draws on its buttons: "‹ Back", "Next ›", "Start ▶".
const ARROWS: &[char] = &[
    '<', '>', '‹', '›', '«', '»', '←', '→', '◀', '▶', '◄', '►', '▸', '◂', '❮', '❯', '⟨', '⟩',
];

/// The words a page's buttons say.
const BUTTONS: &[&str] = &[
    "next", "back", "previous", "prev", "continue", "finish", "start", "submit", "done",
];

/// A bar of page buttons: "‹ Back    Next ›", "< Previous    Continue to
/// Lesson 4: Soils >", "Start lesson ▶", "Back    Finish". Each button
/// opens on a button's word; one drawn with an arrow may name where it
/// goes ("Next module: Pruning ›"), one without is only buttons' words
/// ("Start lesson", not "Next steps" or "Back to the garden").
pub(crate) fn is_navigation(t: &str) -> bool {
    let first = t
        .trim_start_matches(|c: char| ARROWS.contains(&c) || c.is_whitespace())
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    if !BUTTONS.iter().any(|b| b.eq_ignore_ascii_case(first)) {
        return false;
    }
    // An arrow drawn on a button, at the bar's start or end ("Back pain >
    // 6 weeks" is a comparison).
    let arrow = t.starts_with(ARROWS) || t.ends_with(ARROWS);
    let bare = t.replace(ARROWS, " ");
    let mut buttons = bare
        .split(['|', '/'])
        .flat_map(|part| part.split("  "))
        .map(str::trim)
        .filter(|b| !b.is_empty())
        .peekable();
    buttons.peek().is_some()
        && buttons.all(|button| {
            let words: Vec<String> = button
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_ascii_lowercase)
                .collect();
            let opens = words.first().is_some_and(|w| BUTTONS.contains(&w.as_str()));
            let places = [
                "lesson", "module", "course", "page", "section", "unit", "topic",
            ];
            let plain = words
                .iter()
                .all(|w| BUTTONS.contains(&w.as_str()) || places.contains(&w.as_str()));
            opens && (plain || (arrow && words.len() <= 14))
        })
}

/// "Figure 1: how water moves", "Table 2 – Soil types", "Fig. 3. A
/// cross-section": a caption, short, numbered, with its label.
fn is_caption(t: &str) -> bool {
    let Some((label, rest)) = t.split_once(' ') else {
        return false;
    };
    if ![
        "figure", "fig.", "table", "diagram", "chart", "image", "picture", "graph",
    ]
    .contains(&label.to_ascii_lowercase().as_str())
    {
        return false;
    }
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let after = rest[digits..].trim_start_matches(['.', ':']);
    digits > 0
        && (rest[digits..].starts_with([':', '.'])
            || after.starts_with(" –")
            || after.starts_with(" -"))
        && crate::compile::text::words(t) <= 14
}

/// Which of [`NOISE`]'s prefilters a line passes, one bit per kind: a cheap
/// test that rules most content lines out before any pattern runs.
pub(crate) fn prefilters(t: &str) -> u32 {
    let mut passing = 0;
    let first = t.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    let digit = first.starts_with(|c: char| c.is_ascii_digit());
    let known_first = FIRST_WORDS.contains_lower(first);
    for (i, noise) in NOISE.iter().enumerate() {
        let by_first = known_first
            && noise
                .first_words
                .iter()
                .any(|w| w.eq_ignore_ascii_case(first));
        if (digit && noise.first_digit) || by_first {
            passing |= 1 << i;
        }
    }
    let (matcher, kinds) = &*ANYWHERE;
    for m in matcher.find_overlapping_iter(t) {
        passing |= 1 << kinds[m.pattern().as_usize()];
    }
    passing
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
    // "(n.d.)": a source without a date is still a source.
    let web = t.contains("http://")
        || t.contains("https://")
        || t.contains("www.")
        || t.contains("(n.d.)")
        || t.contains("(no date)");
    let initials = t.split_once(", ").is_some_and(|(surname, rest)| {
        !surname.contains(' ')
            && rest.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
            && rest.as_bytes().get(1) == Some(&b'.')
    });
    year || web || initials
}

/// Where readers' comments under a page begin ("3 Comments", "Jodie_M - 2
/// weeks ago"), as an index into the page's lines: the first such line in
/// the second half of the page. Learners' posts are no content, whatever
/// they say, and run to the page's end.
pub fn comments_start(lines: &[&str]) -> Option<usize> {
    static THREAD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)^(?:[0-9]+ +(?:comments?|responses?|replies)|(?:comments?|learner discussion|discussion|responses?) *\([0-9]+\)|[A-Za-z0-9_.@'-]+(?: [A-Za-z0-9_.@'-]+)? *[-–·|] *[0-9]+ +(?:minutes?|hours?|days?|weeks?|months?|years?) +ago)$",
        )
        .expect("valid")
    });
    (lines.len() / 2..lines.len()).find(|&i| THREAD.is_match(lines[i].trim()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compile::text::random_texts;

    #[test]
    fn a_source_without_a_date_is_a_reference_entry() {
        assert!(is_reference_entry(
            "Royal Horticultural Society (n.d.) Growing roses. London: RHS."
        ));
        assert!(!is_reference_entry("Roses need six hours of sun a day."));
    }

    #[test]
    fn an_essays_byline_is_furniture() {
        assert_eq!(
            noise_reason("By Sam Reed, head gardener | 3 May 2024 | 9 min read | 4 comments"),
            Some(NoiseReason::ReadingTime)
        );
        assert_eq!(
            noise_reason("By spring the roses need pruning | a rule of thumb"),
            None
        );
    }

    #[test]
    fn a_labelled_page_instruction_is_interface_text() {
        assert_eq!(
            noise_reason("Quick check: Select the correct answer."),
            Some(NoiseReason::Interface)
        );
        // A term and its definition stay text.
        assert_eq!(noise_reason("Mulch: a layer spread over the soil."), None);
    }

    #[test]
    fn a_printed_pages_footer_is_a_page_counter() {
        assert!(is_page_counter("Page 2 of 9"));
        assert!(is_page_counter(
            "Page 2 of 9    Unit 4 Study Guide    Green Skills"
        ));
        assert!(is_page_counter(
            "Page 2 of 9\u{a0} \u{a0} Unit 4 Study Guide"
        ));
        assert!(!is_page_counter("Page 2 of 9 shows the roses."));
        let guide = "Roses\n\n1. Pruning\n\nPrune roses in late winter. Cut above an outward bud.\nFeed them in spring.\n\nPage 2 of 9    Unit 4 Study Guide    Green Skills\n\n2. Feeding\n\nUse a rose feed. Water it in well.\n";
        assert_eq!(
            crate::compile::detect::detect(guide),
            crate::compile::document::DocKind::StudyGuide
        );
    }

    #[test]
    fn a_caption_is_no_heading() {
        for line in [
            "Figure 1: how water moves through a plant",
            "Table 2 – Soil types at a glance",
            "Fig. 3. A cross-section of a raised bed",
        ] {
            assert_eq!(noise_reason(line), Some(NoiseReason::Caption), "{line}");
        }
        for line in [
            "Figure 1 shows that most water is lost through the leaves.",
            "Table salt harms the soil.",
            "Figures for 2020 are higher.",
        ] {
            assert_eq!(noise_reason(line), None, "{line}");
        }
        let doc = crate::compile::read::plain::read(
            "Watering\n\n1. Roots\n\nRoots take up water from the soil.\n\nFigure 1: the roots of a bean\n\nA tap root grows straight down.\n",
            crate::compile::document::DocKind::Essay,
        );
        assert!(
            doc.blocks
                .iter()
                .all(|b| b.section.iter().all(|h| !h.contains("Figure"))),
            "{:#?}",
            doc.blocks
        );
    }

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
            "Page 5 of 9  Progress: 51% complete",
            "Share: f Facebook X Post in LinkedIn",
            "Section 4 of 6 complete",
            "Lesson 3 of 7  ·  Estimated time: 25 mins",
            "Progress: 0% complete",
            "EssayBank (2021). Consent in care. EssayBank.",
            "Words: 1200",
            "✅",
            // Matched by the promotional pattern, once hidden by the
            // prefilter (no keyword of it was in the prefilter's list).
            "Use our service for top grades",
        ] {
            assert!(noise_reason(line).is_some(), "{line}");
        }
        assert_eq!(
            noise_reason("Use our service for top grades"),
            Some(NoiseReason::Promotional)
        );
        assert_eq!(noise_reason("Next"), Some(NoiseReason::Interface));
        // A bar of buttons.
        assert_eq!(noise_reason("Back   Next"), Some(NoiseReason::Interface));
        assert_eq!(noise_reason("Back | Next"), Some(NoiseReason::Interface));
        assert_eq!(noise_reason("Back to the garden"), None);
        // Buttons drawn with arrows, and a bar of buttons' words.
        for line in [
            "Next ›",
            "‹ Back    Next ›",
            "< Back    Next >",
            "Start lesson ▶",
            "Back    Finish",
            "< Back to course",
            "‹ Back to module    Next module: Pruning and training ›",
            "< Previous    Continue to Lesson 4: Soil and compost >",
            "17% complete",
            "100% of lessons viewed",
        ] {
            assert_eq!(noise_reason(line), Some(NoiseReason::Interface), "{line}");
        }
        for line in [
            "Next steps",
            "Start early in spring",
            "Back pain > 6 weeks",
            "Back pain > severe",
            "90% of roses flower in June.",
            "30% of adults.",
        ] {
            assert_eq!(noise_reason(line), None, "{line}");
        }
        assert_eq!(noise_reason("✅"), Some(NoiseReason::NoWords));
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
            "Skip to main content",
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
        for (noise, pattern) in NOISE.iter().zip(&PATTERNS).filter(|(n, _)| n.caseless) {
            let reference = ignoring_case(noise.pattern);
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

    /// Lines that each pattern matches, alternative by alternative, and the
    /// lines of every fixture document: wherever a pattern matches, its
    /// prefilter passes (a prefilter kept by hand can hide a match).
    #[test]
    fn every_pattern_match_passes_its_prefilter() {
        let mut lines: Vec<String> = [
            "3 mins to read",
            "Word: 900",
            "900 words",
            "Hover over the image below",
            "Drag each card to its box",
            "Press next",
            "Tap the arrows",
            "Choose the correct option",
            "Pick all that apply",
            "Tick the right answer",
            "Scroll down",
            "Show answer",
            "Check answer",
            "Restart",
            "Menu",
            "Home",
            "Back",
            "Previous",
            "Close",
            "Share on Facebook",
            "Download PDF",
            "Print this page",
            "Bookmark",
            "Follow us",
            "Subscribe",
            "Sign up",
            "Log in",
            "Related posts",
            "Read more",
            "Table of contents",
            "Advertisement",
            "Sponsored",
            "You may also like",
            "Tag: x",
            "Category: y",
            "Posted on Monday",
            "Published 2020",
            "Updated today",
            "Last updated",
            "Comments (3)",
            "© 2024",
            "All rights reserved",
            "Privacy policy",
            "Cookies",
            "Need help with your essay?",
            "Essay writing made easy",
            "Our experts write",
            "Our team of writers",
            "Use Our Service now",
            "Order now",
            "Place an order",
            "Get a quote",
            "No plagiarism",
            "Meet your deadlines",
            "Hire our writers",
            "Writing service",
            "Get help from us",
            "Big discount",
            "20% off",
            "Smith, J. (2019). Care. London.",
            "See https://example.org",
            "Visit www.example.org",
            "doi:10.1000/1",
            "Retrieved from the archive",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/compile");
        for entry in std::fs::read_dir(fixtures).unwrap() {
            let path = entry.unwrap().path();
            if path.is_file() {
                let text = std::fs::read_to_string(&path).unwrap();
                lines.extend(text.lines().map(str::to_string));
            }
        }
        let mut matched = 0;
        for line in &lines {
            let t = line.trim();
            let passing = prefilters(t);
            let lower = t.to_ascii_lowercase();
            for (i, noise) in NOISE.iter().enumerate() {
                let subject = if noise.caseless { &lower } else { t };
                if PATTERNS[i].is_match(subject) {
                    matched += 1;
                    assert!(passing & (1 << i) != 0, "{:?} hides {t:?}", noise.reason);
                }
            }
        }
        assert!(matched >= 60, "{matched}");
    }
}

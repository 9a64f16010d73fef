//! Text: cleaning a line of Markdown leftovers, emoji and citations, and
//! changing case; [`words`] counts, normalises and matches words (with the
//! general English word lists), and [`sentences`] splits and trims
//! sentences; [`mend_spelling`] puts common misspellings right. No course
//! vocabulary here.

mod sentences;
mod spelling;
mod words;

pub use sentences::*;
pub use spelling::mend_spelling;
pub use words::*;

use std::sync::LazyLock;

use regex::Regex;

/// A built-in pattern, compiled.
pub(crate) fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("valid built-in pattern")
}

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

/// Compiles this module's patterns on the pool's threads (see
/// [`super::compile_patterns`]), the costliest first.
pub(crate) fn compile_patterns() {
    for pattern in [&CITATION_PAREN, &AS_NOTED, &GLUED] {
        rayon::spawn(move || {
            LazyLock::force(pattern);
        });
    }
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
        // An arrow between words says "leads to" ("… (retina) → sight
        // loss"): a dash keeps the two apart; other symbols go.
        let mut seen_word = false;
        text.chars()
            .filter_map(|c| {
                seen_word |= c.is_alphanumeric();
                match c {
                    '\u{a0}' => Some(' '),
                    '→' | '⇒' | '➔' | '⟶' if seen_word => Some('–'),
                    c if is_emoji(c) => None,
                    c => Some(c),
                }
            })
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

/// The text with its first letter in upper case.
/// Whether a line counts its place ("Page 1 of 9", "Module 3 of 4",
/// "Knowledge check 2 of 3").
pub fn has_counter(line: &str) -> bool {
    line.split_whitespace()
        .collect::<Vec<_>>()
        .windows(3)
        .any(|w| {
            w[1].eq_ignore_ascii_case("of")
                && w[0].parse::<u32>().is_ok()
                && w[2]
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .parse::<u32>()
                    .is_ok()
        })
}

/// `s` up to the first of `separators` found in it, or all of it.
pub fn before_first<'s>(s: &'s str, separators: &[&str]) -> &'s str {
    separators
        .iter()
        .filter_map(|sep| s.find(sep))
        .min()
        .map_or(s, |end| &s[..end])
}

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
    // "A ring cushion …" → "a ring cushion …"; a lone capital otherwise
    // stays ("B vitamins").
    let article = first_word == "A"
        && s.split_whitespace()
            .nth(1)
            .is_some_and(|w| w.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit()));
    // "T-score", "B-cell": a lone capital before a hyphen names the thing
    // ("E-learning" is only electronic).
    let lone_capital = first_word
        .split_once('-')
        .is_some_and(|(head, _)| head.chars().count() == 1 && head != "E");
    if caps > 1 || (first_word.len() <= 1 && !article) || lone_capital {
        return s.to_string();
    }
    with_first(s, char::to_lowercase)
}

/// An ALL-CAPS title in sentence case ("FOOD HYGIENE RULES" → "Food
/// hygiene rules"); other text unchanged.
/// A heading as it reads inside a card: no outline number, no "Section
/// 4"/"Part 2" counter, and shouting in sentence case ("SECTION 4 PRUNING
/// ROSES" → "Pruning roses").
pub fn plain_heading(s: &str) -> String {
    let heading = sentence_case(strip_outline_number(s));
    let ws: Vec<&str> = heading.split_whitespace().collect();
    if ws.len() > 2
        && ["section", "part", "unit", "module"].contains(&ws[0].to_lowercase().as_str())
        && ws[1]
            .trim_end_matches([':', '.'])
            .chars()
            .all(|c| c.is_ascii_digit())
    {
        // "SECTION 3 : KEY TERMS": nor the colon after the counter.
        capitalize(
            ws[2..]
                .join(" ")
                .trim_start_matches([':', '-', '–', '—', ' ']),
        )
    } else {
        heading
    }
}

pub fn sentence_case(s: &str) -> String {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    let upper = letters.iter().filter(|c| c.is_uppercase()).count();
    if letters.len() >= 4 && upper * 10 >= letters.len() * 9 {
        let words: Vec<String> = s
            .split_whitespace()
            .map(|w| {
                let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
                // "NEWS2", "COVID-19": capitals with a number are a name.
                let coded = bare.chars().any(|c| c.is_ascii_digit())
                    && bare.chars().filter(|c| c.is_alphabetic()).count() >= 2;
                if coded || (bare.len() <= 4 && bare.len() >= 2 && is_known_acronym_shape(bare)) {
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

/// Fixed-seed random strings over `alphabet`: `per_len` of each length
/// below `max_len`, so that the eight-bytes-at-a-time scans meet every
/// offset within and across their chunks.
#[cfg(test)]
pub(crate) fn random_texts(
    alphabet: &[char],
    max_len: usize,
    per_len: usize,
    seed: u64,
) -> Vec<String> {
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

/// `s` without a leading `prefix` written in any ASCII case ("Click to
/// reveal: …" for "click to reveal"), or `None`; safe on any text, since a
/// prefix that ends inside a character does not match.
pub fn strip_prefix_ascii_ci<'s>(s: &'s str, prefix: &str) -> Option<&'s str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counters_and_first_separators() {
        assert!(has_counter("Module 3 of 4 | Page 1 of 9"));
        assert!(has_counter("Knowledge check 2 of 3."));
        assert!(!has_counter("One of the best roses"));
        assert_eq!(
            before_first(
                "Prune it, for example in March; then feed",
                &[", for example", "; "]
            ),
            "Prune it"
        );
        assert_eq!(before_first("Prune it", &[", for example"]), "Prune it");
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
    fn plain_text() {
        assert_eq!(
            plain("**F**ace - Has it drooped?"),
            "Face - Has it drooped?"
        );
        assert_eq!(plain("## 🤝 WHAT IS IT?"), "WHAT IS IT?");
        assert_eq!(
            plain("meals at set times (Harper & Lee, 2019). Next"),
            "meals at set times. Next"
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
        assert_eq!(sentence_case("FOOD HYGIENE RULES"), "Food hygiene rules");
        assert_eq!(sentence_case("GP VISITS"), "GP visits");
        assert_eq!(
            slug("Barriers to Hand Washing:"),
            "barriers-to-hand-washing"
        );
        assert_eq!(
            strip_lead_in("As noted by Food Standards Agency (2017), the lack of labels"),
            "The lack of labels"
        );
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
        assert_eq!(decapitalize("T-score of -1"), "T-score of -1");
        assert_eq!(decapitalize("E-learning works"), "e-learning works");
        assert_eq!(capitalize(""), "");
        assert!(keyword_matcher(&["chart"]).is_match("A CHART"));
    }
}

//! Words: counting, normalising and matching them, with byte-level fast
//! paths for ASCII text, and the general English word lists.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use aho_corasick::AhoCorasick;

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

/// Function words: never a gap's edge, a topic's edge, or a key word.
pub static FUNCTION_WORDS: Words = Words::new(&[
    "a", "an", "the", "of", "and", "or", "to", "in", "on", "for", "with", "by", "at", "from", "as",
    "is", "are", "be", "that", "this", "it", "its", "their", "into", "not", "&", "was", "were",
    "has", "have", "been", "than", "so", "if", "but",
]);

pub(crate) fn is_known_acronym_shape(word: &str) -> bool {
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
pub(crate) fn lanes_set(x: u64) -> usize {
    ((x >> 7).wrapping_mul(0x0101_0101_0101_0101) >> 56) as usize
}

/// `char::is_whitespace` on an ASCII byte: space, \t, \n, \v, \f, \r.
pub(crate) fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

/// Lanes whose byte [`is_ascii_space`].
pub(crate) fn ascii_space_lanes(x: u64) -> u64 {
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
pub(crate) const HIGH: u64 = 0x8080_8080_8080_8080;

/// `b` in every lane.
pub(crate) const fn lanes(b: u8) -> u64 {
    u64::from_ne_bytes([b; 8])
}

/// Lanes whose byte is in `lo..=hi`: `(b | 0x80) - lo` keeps its high bit
/// when `b >= lo`, `(0x80 | hi) - b` when `b <= hi`.
pub(crate) fn in_range_lanes(x: u64, lo: u8, hi: u8) -> u64 {
    (x | HIGH).wrapping_sub(lanes(lo)) & (HIGH | lanes(hi)).wrapping_sub(x) & HIGH
}

/// Lanes holding an ASCII letter or digit.
pub(crate) fn ascii_alnum_lanes(x: u64) -> u64 {
    in_range_lanes(x, b'0', b'9') | in_range_lanes(x, b'A', b'Z') | in_range_lanes(x, b'a', b'z')
}

/// The eight bytes with upper-case letters made lower case (the lane's
/// high bit shifted to 0x20).
pub(crate) fn ascii_lower(x: u64) -> u64 {
    x | (in_range_lanes(x, b'A', b'Z') >> 2)
}

/// How many lanes, from lane 0, are marked in a mask of high bits.
pub(crate) fn leading_lanes(marked: u64) -> usize {
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
    use crate::compile::text::random_texts;

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

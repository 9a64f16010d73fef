//! Spelling: a word the document misspells ("seperate", "recieve") reads
//! right on its card. The misspellings and their corrections are the
//! `typos` project's list (`typos-dict`), which knows British and American
//! spellings alike; `build.rs` writes the part of it used here as sorted
//! lines and a table of where each starts.

use std::borrow::Cow;

/// `misspelling\tcorrection` lines, sorted by misspelling, in lower case.
static TEXT: &str = include_str!(concat!(env!("OUT_DIR"), "/misspellings.txt"));

include!(concat!(env!("OUT_DIR"), "/misspellings.rs"));

/// The fewest letters of a word put right: shorter ones are as often
/// an acronym or a cut-off word ("ther", "Gam") as a misspelling.
const MIN_LETTERS: usize = 6;

/// `text` with each commonly misspelt word put right: a word of six
/// letters or more, in lower case or with only its first letter a
/// capital, that the list corrects one way only ("regulary" may be
/// "regular" or "regularly": left as it is). Acronyms and words in
/// capitals are left as they are.
pub fn mend_spelling(text: &str) -> Cow<'_, str> {
    let mut mended: Option<String> = None;
    let mut copied = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
            i += 1;
        }
        // A word runs between non-letters: not a digit ("B12abc") or a
        // letter beyond ASCII ("naïve") on either side.
        let joined = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        if joined(text[..start].chars().next_back()) || joined(text[i..].chars().next()) {
            continue;
        }
        if let Some(right) = correction(&text[start..i]) {
            let out = mended.get_or_insert_with(|| String::with_capacity(text.len() + 8));
            out.push_str(&text[copied..start]);
            out.push_str(&right);
            copied = i;
        }
    }
    match mended {
        None => Cow::Borrowed(text),
        Some(mut out) => {
            out.push_str(&text[copied..]);
            Cow::Owned(out)
        }
    }
}

/// The one correction of a misspelt word, in the word's case.
fn correction(word: &str) -> Option<String> {
    if word.len() < MIN_LETTERS {
        return None;
    }
    let mut letters = word.chars();
    let capital = letters.next().is_some_and(|c| c.is_ascii_uppercase());
    if letters.any(|c| c.is_ascii_uppercase()) {
        return None;
    }
    let right = lookup(&word.to_ascii_lowercase())?;
    Some(if capital {
        super::capitalize(right)
    } else {
        right.to_string()
    })
}

/// The correction of a misspelling in lower case, by binary search.
fn lookup(typo: &str) -> Option<&'static str> {
    let line = |i: usize| {
        let start = STARTS[i] as usize;
        let rest = &TEXT[start..];
        let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
        line.split_once('\t').unwrap_or((line, ""))
    };
    let (mut low, mut high) = (0, STARTS.len());
    while low < high {
        let mid = low + (high - low) / 2;
        let (key, right) = line(mid);
        match key.cmp(typo) {
            std::cmp::Ordering::Less => low = mid + 1,
            std::cmp::Ordering::Greater => high = mid,
            std::cmp::Ordering::Equal => return Some(right),
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_misspellings_are_put_right_in_their_case() {
        assert_eq!(
            mend_spelling("Keep seperate tools; Recieve the seeds untill spring."),
            "Keep separate tools; Receive the seeds until spring."
        );
        assert_eq!(
            mend_spelling("Water it occassionally (definately not daily)"),
            "Water it occasionally (definitely not daily)"
        );
    }

    #[test]
    fn words_it_cannot_be_sure_of_are_left_alone() {
        for text in [
            // Right in British and in American spelling.
            "The colour and behaviour of the organisation's programme",
            "The colour and behavior of the center",
            // Two corrections possible; an acronym; capitals; too short.
            "Water regulary with the SOLER hose, ALGEE and LINs",
            "SEPERATE the ther beds",
            // Joined to a digit or to a letter beyond ASCII.
            "seperate2 and naïveseperate",
        ] {
            assert_eq!(mend_spelling(text), text, "{text}");
        }
        assert!(matches!(mend_spelling("Dig the bed."), Cow::Borrowed(_)));
    }
}

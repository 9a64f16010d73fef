//! Misconception cards: a myth with the truth or the reason it is wrong.

use super::*;

impl Extractor {
    pub(super) fn misconception(&mut self, block: &Block, item: &Item) {
        let text = no_stop(&item.text);
        let (front, back) = match split_misconception(text) {
            Some((mistake, Split::Truth, rest)) => (
                self.in_topic(&format!(
                    "a common mistake is {}. What is true instead?",
                    decapitalize(mistake)
                )),
                close(&capitalize(&rest)),
            ),
            Some((mistake, Split::Instead, rest)) => (
                self.in_topic(&format!("what is wrong with {}?", decapitalize(mistake))),
                close(&format!("It should be {rest}")),
            ),
            Some((mistake, Split::Consequence, rest)) => (
                self.in_topic(&format!("why is {} a mistake?", decapitalize(mistake))),
                close(&capitalize(&rest)),
            ),
            Some((mistake, Split::Missing, rest)) => (
                self.in_topic(&format!("why is {} a mistake?", decapitalize(mistake))),
                close(&format!("It leaves out {}", decapitalize(&rest))),
            ),
            None => {
                let Some((shown, gap, markup)) = misconception_gap(text) else {
                    return;
                };
                let lead = self.in_topic("a common mistake is");
                let mut draft = Self::draft(
                    CardKind::Misconception,
                    Cue::mistake(text),
                    format!("{lead}: {}.", decapitalize(&shown)),
                    gap,
                );
                draft.cloze = Some(format!("{lead}: {}.", decapitalize(&markup)));
                self.push(block, item.line, draft);
                return;
            }
        };
        let Some(back) = text::trim_answer(&back, MAX_ANSWER_WORDS) else {
            return;
        };
        self.push(
            block,
            item.line,
            Self::draft(CardKind::Misconception, Cue::mistake(text), front, back),
        );
    }
}

/// How a misconception bullet divides into the mistake and its correction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Split {
    Truth,
    Instead,
    Consequence,
    Missing,
}

pub(crate) fn split_misconception(text: &str) -> Option<(&str, Split, String)> {
    // (separator, kind, bytes of the separator to drop from the rest)
    const SEPARATORS: &[(&str, Split, usize)] = &[
        ("; ", Split::Truth, 2),
        (" – ", Split::Truth, 3),
        (", rather than ", Split::Instead, 14),
        (" rather than ", Split::Instead, 13),
        (", instead of ", Split::Instead, 13),
        (", thus ", Split::Consequence, 7),
        (", which ", Split::Consequence, 8),
        (", leaving ", Split::Consequence, 2),
        (", ignoring ", Split::Consequence, 2),
        (", leading to ", Split::Consequence, 2),
        (", causing ", Split::Consequence, 2),
        (", resulting in ", Split::Consequence, 2),
        (", so ", Split::Consequence, 5),
        (" without ", Split::Missing, 9),
    ];
    let (pos, sep, split, drop) = SEPARATORS
        .iter()
        .filter_map(|(sep, split, drop)| text.find(sep).map(|pos| (pos, *sep, *split, *drop)))
        .min_by_key(|(pos, ..)| *pos)?;
    let mistake = text[..pos].trim();
    let rest = text[pos + drop..].trim();
    if words(mistake) < 3 || words(rest) < 2 {
        return None;
    }
    let rest = if sep == ", which " {
        format!("It {rest}")
    } else {
        rest.to_string()
    };
    Some((mistake, split, rest))
}

/// A gap for a misconception with no stated correction: the object after
/// its leading verb ("Forgetting to record [...] before the end of the
/// shift").
pub(crate) fn misconception_gap(text: &str) -> Option<(String, String, String)> {
    static STOPS: Words = Words::new(&[
        "as", "in", "on", "over", "with", "without", "for", "from", "by", "when", "to", "at",
        "into", "because", "so", "not", "or", "before", "after", "is", "are",
    ]);
    let tokens: Vec<(usize, &str)> = text::word_offsets(text).collect();
    let mut i = 1;
    for skip in [["the", "need", "to"].as_slice(), &["to"], &["that"]] {
        let matches = tokens.len() > i + skip.len()
            && skip
                .iter()
                .enumerate()
                .all(|(k, w)| tokens[i + k].1.eq_ignore_ascii_case(w));
        if matches {
            i += skip.len() + usize::from(skip.last() == Some(&"to"));
            break;
        }
    }
    while i < tokens.len() && ["the", "a", "an", "all", "any"].contains(&tokens[i].1) {
        i += 1;
    }
    let start_i = i;
    while i < tokens.len() {
        let w = tokens[i].1.to_lowercase();
        if STOPS.contains(&w.trim_matches(|c: char| !c.is_alphanumeric())) {
            break;
        }
        i += 1;
        if tokens[i - 1].1.ends_with(',') {
            break;
        }
    }
    if i <= start_i || i - start_i > 6 || tokens.len() - (i - start_i) < 4 {
        return None;
    }
    let start = tokens[start_i].0;
    let last = tokens[i - 1];
    let end = last.0 + last.1.trim_end_matches([',', '.', ';']).len();
    let gap = text[start..end].to_string();
    Some((
        format!("{}[...]{}", &text[..start], &text[end..]),
        gap.clone(),
        format!("{}{{{{c1::{gap}}}}}{}", &text[..start], &text[end..]),
    ))
}

pub(crate) fn is_misconception_section(section: &str) -> bool {
    let s = norm(section);
    [
        "misconception",
        "mistake",
        "pitfall",
        "myth",
        "errors",
        "to avoid",
    ]
    .iter()
    .any(|k| s.contains(k))
}

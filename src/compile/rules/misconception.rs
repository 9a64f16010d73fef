//! Misconception cards: a myth with the truth or the reason it is wrong.

use super::*;

impl Extractor {
    pub(super) fn misconception(&mut self, block: &Block, item: &Item) {
        let text = no_stop(&item.text);
        // "Name two signs that mean you should call 999": a quiz's
        // question among the myths, no myth.
        if crate::compile::read::questions::asks_by_instruction(text) {
            return;
        }
        let (front, back) = if let Some((myth, truth)) = quoted_myth(text) {
            // "→ No – see above": the truth is elsewhere.
            let bare = norm(&truth);
            if ["see above", "see below", "no see above", "no see below"].contains(&bare.as_str())
                || bare.ends_with(" see above")
            {
                return;
            }
            // "“Pressure ulcers only happen in bed” → sitting puts …": the
            // myth asked as the question it answers, the truth as the back.
            let myth = no_stop(myth.trim_end_matches([',', '!', '?']));
            // "I'm vaccinated so I don't need gloves", "Suck the wound":
            // someone's words or advice, quoted, not a claim to restate.
            let spoken = myth
                .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
                .any(|w| ["I", "I'm", "I’m", "I've", "I’ve", "my", "me", "My"].contains(&w));
            if is_statement(myth) && !spoken && !super::prose::opens_on_instruction(myth) {
                (
                    self.in_topic(&format!("is it true that {}?", decapitalize(myth))),
                    close(&format!("No – {truth}")),
                )
            } else {
                // "If they refuse, just put it in their tea": advice, not a
                // claim, so it is quoted; asked what to do instead when the
                // truth is itself an instruction.
                if super::prose::opens_on_instruction(&truth) {
                    (
                        self.in_topic(&format!("instead of “{myth}”, what should you do?")),
                        close(&capitalize(&truth)),
                    )
                } else {
                    (
                        self.in_topic(&format!("why is “{myth}” a myth?")),
                        close(&capitalize(&truth)),
                    )
                }
            }
        } else {
            match split_misconception(text) {
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
                // "… without explaining why …" marks an essay, not practice.
                Some((_, Split::Missing, rest))
                    if [
                        "demonstrating",
                        "showing",
                        "evidencing",
                        "explaining",
                        "discussing",
                    ]
                    .iter()
                    .any(|w| rest.to_lowercase().starts_with(w)) =>
                {
                    return;
                }
                Some((mistake, Split::Missing, rest)) => (
                    self.in_topic(&format!("why is {} a mistake?", decapitalize(mistake))),
                    close(&format!("It leaves out {}", decapitalize(&rest))),
                ),
                // A mistake with no truth or reason stated is no card: a gap in
                // it asks for a word of the mistake, not what is right.
                None => return,
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

/// A myth in quotes and what follows it ("“X” → No. Y"), the truth
/// without its verdict word ("No.", "False –"), when both are there.
pub(crate) fn quoted_myth(text: &str) -> Option<(&str, String)> {
    let text = text.trim_start();
    let close = match text.chars().next()? {
        '"' => '"',
        '“' => '”',
        '\'' | '‘' => '’',
        _ => return None,
    };
    let open_len = text.chars().next()?.len_utf8();
    let end = text[open_len..].find(close)? + open_len;
    let myth = text[open_len..end].trim();
    let rest = text[end + close.len_utf8()..]
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .trim();
    let verdicts = [
        "no",
        "false",
        "wrong",
        "not true",
        "myth",
        "incorrect",
        "fact",
        "the fact",
        "truth",
        "the truth",
        "reality",
    ];
    let mut truth = rest;
    for v in verdicts {
        // "No. …", "No – …", "FALSE: …"; not "No link – …".
        if let Some(after) = truth.get(..v.len()).filter(|h| h.eq_ignore_ascii_case(v))
            && (truth[after.len()..].trim_start().is_empty()
                || truth[after.len()..]
                    .trim_start()
                    .starts_with(['.', ',', ';', ':', '!', '–', '-', '—']))
        {
            truth = truth[after.len()..]
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .trim();
            break;
        }
    }
    if words(myth) < 3 || words(truth) < 2 {
        return None;
    }
    Some((myth, decapitalize(truth)))
}

/// Whether a myth reads as a claim ("Paracetamol is harmless"), not as
/// advice ("If they refuse, just …", "Never …").
fn is_statement(myth: &str) -> bool {
    let lower = myth.to_lowercase().replace('’', "'");
    let first = lower.split_whitespace().next().unwrap_or("");
    // "Dipstick the urine to check for infection": advice, not a claim.
    !["if", "just", "when", "always", "never", "don't", "do"].contains(&first)
        && !super::prose::is_instruction(myth)
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
        (" – ", Split::Truth, " – ".len()),
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

/// "Misconception", "Myth 2", "Common myth 3": a label over one myth.
pub(crate) fn is_myth_label(label: &str) -> bool {
    let label = norm(label);
    let label = label.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ');
    [
        "misconception",
        "common misconception",
        "myth",
        "common myth",
    ]
    .contains(&label)
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

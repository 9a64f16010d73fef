//! Ordered-item cards: numbered lists and the position of each item.

use super::*;

impl Extractor {
    pub(super) fn ordered(&mut self, block: &Block, list: &List) {
        let label = list
            .label
            .clone()
            .or_else(|| block.section.last().cloned())
            .unwrap_or_else(|| "List".to_string());
        if label.ends_with('?') {
            return;
        }
        let crumb = self.crumb(&block.section, Some(&label));
        let (name_of, plain_label) = ordered_name(&label);
        for item in &list.items {
            let Some(k) = item.number else { continue };
            let text = split_term(&item.text).map_or(item.text.as_str(), |(term, _)| term);
            let Some(back) = text::trim_answer(&capitalize(text), MAX_ANSWER_WORDS) else {
                continue;
            };
            let cue = Cue::ordered(&plain_label, k);
            let name = name_of(k);
            let front = [crumb.as_str(), ": what is ", &name, "?"].concat();
            self.push(
                block,
                item.line,
                Self::draft(CardKind::OrderedItem, cue.clone(), front, back.clone()),
            );
            if words(text) <= 12 {
                let generic = name.replacen(&format!(" {k}"), "", 1);
                let front = [
                    crumb.as_str(),
                    ": which ",
                    &generic,
                    " is “",
                    no_stop(text),
                    "”?",
                ]
                .concat();
                let back = capitalize(&name);
                let mut reverse =
                    Self::draft(CardKind::OrderedItem, Cue::reverse(&cue), front, back);
                reverse.reverse_of = Some((CardKind::OrderedItem, cue.clone()));
                self.push(block, item.line, reverse);
            }
        }
    }
}

pub(crate) fn ordinal(n: usize) -> &'static str {
    ["first", "second", "third", "fourth", "fifth"]
        .get(n.saturating_sub(1))
        .copied()
        .unwrap_or("next")
}

/// "Stage 1", "Step 3", "Principle 2": a numbered label.
pub(crate) fn is_numbered_label(term: &str) -> bool {
    let mut it = term.split_whitespace();
    let (Some(head), Some(n), None) = (it.next(), it.next(), it.next()) else {
        return false;
    };
    [
        "stage",
        "step",
        "part",
        "phase",
        "level",
        "principle",
        "rule",
        "section",
    ]
    .contains(&head.to_lowercase().as_str())
        && n.trim_end_matches(':')
            .chars()
            .all(|c| c.is_ascii_alphanumeric())
        && n.chars().any(|c| c.is_ascii_digit())
}

/// How to name item `k` of an ordered list with this label, and the label
/// without its count ("Five Moments (WHO)" → "WHO moment 3").
pub(crate) fn ordered_name(label: &str) -> (Box<dyn Fn(u32) -> String>, String) {
    static COUNTS: Words = Words::new(&[
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "the", "key",
    ]);
    let mut text = label.trim().to_string();
    // "(WHO)" moves to the front.
    let mut owner = String::new();
    if let (Some(open), true) = (text.find('('), text.ends_with(')')) {
        owner = text[open + 1..text.len() - 1].trim().to_string();
        text = text[..open].trim().to_string();
    }
    let mut parts: Vec<String> = text.split_whitespace().map(str::to_string).collect();
    while parts.len() > 1 && (COUNTS.contains_lower(&parts[0]) || parts[0].parse::<u32>().is_ok()) {
        parts.remove(0);
    }
    let owner_is_name = owner.chars().next().is_some_and(char::is_uppercase)
        && words(&owner) <= 3
        && !owner.chars().any(|c| c.is_ascii_digit());
    if owner_is_name {
        parts.insert(0, owner.clone());
    }
    let plain_label = parts.join(" ");
    let of = parts.iter().position(|w| w.eq_ignore_ascii_case("of"));
    let head_idx = of.map_or(parts.len() - 1, |i| i.saturating_sub(1));
    let head = parts[head_idx].clone();
    let lower_parts: Vec<String> = parts
        .iter()
        .enumerate()
        .map(|(i, w)| {
            if i == 0 && owner_is_name {
                w.clone()
            } else {
                decapitalize(w)
            }
        })
        .collect();
    static NOUNS_IN_ING: Words = Words::new(&[
        "learning",
        "training",
        "nursing",
        "housing",
        "planning",
        "safeguarding",
        "funding",
        "meeting",
        "setting",
        "building",
        "wellbeing",
        "warning",
        "reporting",
        "handling",
        "marking",
        "listening",
        "working",
    ]);
    let first = parts[0].to_lowercase();
    let gerund =
        first.ends_with("ing") && !NOUNS_IN_ING.contains(&first.as_str()) && !owner_is_name;
    if gerund || (!is_plural(&head) && of.is_none()) {
        let whole = lower_parts.join(" ");
        return (
            Box::new(move |k| format!("step {k} of {whole}")),
            plain_label,
        );
    }
    let before: Vec<String> = lower_parts[..head_idx].to_vec();
    let singular = text::singular(&lower_parts[head_idx]);
    let after: Vec<String> = lower_parts[head_idx + 1..].to_vec();
    let name = move |k: u32| {
        let mut s = before.clone();
        s.push(format!("{singular} {k}"));
        s.extend(after.iter().cloned());
        s.join(" ")
    };
    (Box::new(name), plain_label)
}

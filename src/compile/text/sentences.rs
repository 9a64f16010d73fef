//! Sentences: splitting a paragraph (with an abbreviation list), trimming
//! an answer to a sentence, and the lead-ins a sentence can drop.

use super::*;

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
    // An outline number ("3.4 A hazard is …") is the page's, not the fact's.
    s = strip_outline_number(&s).to_string();
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

/// `text` without a leading outline number such as "3.4 ", "2. " or "12A. "
/// (a number with a dot or a letter, then a space and a capital).
/// A heading as the name of what it covers: its outline number and a
/// question aside dropped ("2. Pruning groups (which one is mine?)" →
/// "Pruning groups").
pub fn heading_name(heading: &str) -> &str {
    let name = strip_outline_number(heading).trim();
    match name.rsplit_once(" (") {
        Some((head, aside)) if aside.ends_with("?)") && !head.trim().is_empty() => head.trim(),
        _ => name,
    }
}

pub fn strip_outline_number(text: &str) -> &str {
    let t = text.trim_start();
    let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 || digits > 3 {
        return text;
    }
    let rest = &t[digits..];
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    let rest = rest
        .strip_prefix(|c: char| {
            c.is_ascii_uppercase() && rest.len() > 1 && rest.as_bytes()[1] == b'.'
        })
        .map_or(rest, |r| r.strip_prefix('.').unwrap_or(r));
    let marked = rest.len() < t.len() - digits || t[digits..].starts_with('.');
    match rest.strip_prefix(' ') {
        Some(after) if marked && after.starts_with(|c: char| c.is_uppercase()) => after,
        _ => text,
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

pub(crate) static ABBREVIATIONS: Words = Words::new(&[
    "e.g", "i.e", "etc", "eg", "ie", "dr", "mr", "mrs", "ms", "vs", "no", "st", "cf", "approx",
    "fig", "al", "prof",
]);

pub(crate) fn push_sentence(out: &mut Vec<String>, s: &str) {
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
    // "… get to the toilet in time, this." lost the clause that named it.
    let bare = s.trim_end_matches(['.', ' ']);
    for tail in [", this", "; this", ", which", ", that", ", and this"] {
        if let Some(head) = bare.strip_suffix(tail) {
            return trim_answer(&close_sentence(head), max);
        }
    }
    // An answer that ends on a colon lost what it introduced: it ends on a
    // stop instead.
    if s.ends_with([':', ';', ',']) {
        return trim_answer(&close_sentence(s), max);
    }
    if words(s) <= max {
        return Some(s.to_string());
    }
    // "Frost damage is the harm, such as split bark or black leaves, that
    // cold does to …": the example set aside, the meaning whole.
    if let Some(without) = without_example(s)
        && words(&without) <= max + SLACK
    {
        return Some(without);
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
        // "When pressure on the bladder, for example from coughing, …,
        // causes …": an aside inside a clause that opens with "when" or
        // "if" is no place to cut; the head would have no verb.
        let aside = sep.starts_with(", ") && sep != ", which ";
        let subordinate = ["when ", "if ", "where ", "because ", "while ", "as "]
            .iter()
            .any(|w| s.get(..w.len()).is_some_and(|h| h.eq_ignore_ascii_case(w)));
        if aside && subordinate {
            continue;
        }
        for (pos, _) in s.match_indices(sep) {
            // "… so that faeces (poo) or urine can leave …": a bracket in
            // a subordinate clause is no place to cut; a closing aside, or
            // one after a main clause's noun, is.
            if sep == " ("
                && s[pos..].find(')').map(|c| pos + c + 1)
                    != Some(s.trim_end_matches(['.', ' ']).len())
            {
                let clause = s[..pos].rsplit(", ").next().unwrap_or("").to_lowercase();
                if [
                    "so ", "which ", "that ", "when ", "if ", "because ", "where ", "who ",
                    "whose ", "while ", "as ", "and ", "or ", "but ",
                ]
                .iter()
                .any(|w| clause.starts_with(w))
                {
                    continue;
                }
            }
            let head = s[..pos].trim_end_matches([',', ' ']);
            // No cut inside a bracket ("providers (Regulation 20 of the
            // 2008 Act (Regulated …": the head would leave it open).
            if head.matches('(').count() > head.matches(')').count() {
                continue;
            }
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

/// The sentence without an example set inside commas (", such as …, that
/// is …"), when what follows the example goes on with the same clause.
fn without_example(s: &str) -> Option<String> {
    // ("used compost and leaves" may be the example's last item.)
    const GOES_ON: [&str; 5] = ["that ", "which ", "who ", "is ", "are "];
    let start = [", such as ", ", for example ", ", e.g. "]
        .iter()
        .find_map(|m| s.find(m))?;
    let after = start + 2;
    let end = after + s[after..].find(", ")?;
    let rest = &s[end + 2..];
    GOES_ON
        .iter()
        .any(|w| rest.starts_with(w))
        .then(|| format!("{} {rest}", &s[..start]))
}

/// Words an answer may run over the limit rather than be cut mid-clause.
pub const SLACK: usize = 12;

pub(crate) fn close_sentence(s: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_example_inside_commas_is_set_aside_not_cut_at() {
        let long = "The harm, such as split bark or the loss of whole shoots of a young plant, that cold nights do to plants which were moved outside too early in the spring, and is worst in a frost pocket at the bottom of a slope.";
        assert_eq!(
            trim_answer(long, 20).as_deref(),
            Some(
                "The harm that cold nights do to plants which were moved outside too early in the spring, and is worst in a frost pocket at the bottom of a slope."
            )
        );
        // A list inside the example does not end it.
        let last = "Green waste is waste that can rot and is collected every fortnight from the brown bin at the kerb, for example grass cuttings, hedge trimmings, used compost and leaves.";
        assert_eq!(without_example(last), None);
        let list = "Plants need feeding in the growing season, such as tomatoes, peppers and courgettes, because fruiting plants use up the nitrogen and potash in a pot quickly and then the leaves turn yellow and the fruit stays small.";
        assert_eq!(without_example(list), None);
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
    fn outline_numbers_are_stripped() {
        assert_eq!(
            strip_outline_number("3.4 A hazard is harm."),
            "A hazard is harm."
        );
        assert_eq!(strip_outline_number("12A. Self-check"), "Self-check");
        assert_eq!(strip_outline_number("7. Equipment"), "Equipment");
        assert_eq!(strip_outline_number("40 people came"), "40 people came");
        assert_eq!(strip_outline_number("2.5 litres a day"), "2.5 litres a day");
        assert_eq!(strip_outline_number("Care 2.0"), "Care 2.0");
    }

    #[test]
    fn trims_answers() {
        let long = "Making sure that meals and drinks are offered at regular times to suit the needs, tastes, and habits of each resident, keeping them well, comfortable and safe from harm during the whole of their stay with us.";
        let t = trim_answer(long, 20).unwrap();
        assert!(words(&t) <= 20, "{t}");
        assert!(t.starts_with("Making sure that meals"), "{t}");
        assert_eq!(singular("Rules"), "Rule");
        assert_eq!(singular("Principles"), "Principle");
        assert_eq!(singular("Activities"), "Activity");
        assert!(contains_words("In FAST, what does A stand for?", "fast"));
        // A bracket in mid-clause is no cut; the clause boundary before it is.
        let bracket = "An opening in the wall of the shed that has been made by a builder, so that rain (and snow) or meltwater can leave the roof by a different route.";
        assert_eq!(
            trim_answer(bracket, 25).as_deref(),
            Some("An opening in the wall of the shed that has been made by a builder.")
        );
        assert!(!contains_words("barbed", "bar"));
    }
}

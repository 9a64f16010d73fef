//! List cards: the members of a labelled list and lists written inline
//! in a sentence.

use super::*;
use crate::compile::text::singular;

impl Extractor {
    /// A labelled list is a set to recall only when the document counts
    /// it and it is small ("Three types of consent:" over three short
    /// items): one card asks for the set. Any other list is not quizzed as
    /// a list (no "name the N", no "under which heading", no cloze of one
    /// item: the rubric's layout quizzes, kept 0 times in 226); its items
    /// still give their acronyms and laws ([`Extractor::in_passing`]).
    pub(super) fn members(&mut self, block: &Block, list: &List) {
        self.category(block, list);
        let label = list
            .label
            .clone()
            .or_else(|| block.section.last().cloned())
            .unwrap_or_default();
        if label.is_empty() {
            for item in &list.items {
                self.prose(block, &item.text, item.line, 1);
            }
            return;
        }
        // "Never:" over "restrain the person", "put anything in their
        // mouth – …": each item is a rule that forbids.
        let lower_label = label.to_lowercase();
        let lower_label = lower_label.trim_end_matches(':').trim();
        if [
            "never",
            "do not",
            "don't",
            "don’t",
            "you must not",
            "must not",
            "avoid",
        ]
        .contains(
            &lower_label
                .rsplit(|c: char| c.is_ascii_digit() || c == '.')
                .next()
                .unwrap_or("")
                .trim(),
        ) {
            for item in &list.items {
                self.prohibition(block, item.line, &item.text, None);
            }
            return;
        }
        let short = list.items.iter().all(|i| words(no_stop(&i.text)) <= 6);
        if !self.counted_list(block, list) || !short {
            self.rule_items(block, list);
        }
    }

    /// A list whose lead counts it ("The four main symptoms of asthma
    /// are:" over four items): one card asks for the set by the name the
    /// lead gives it, answered with each item's head ("a whistling sound
    /// …, called a wheeze" → "a wheeze"). True when a card was made.
    pub(super) fn counted_list(&mut self, block: &Block, list: &List) -> bool {
        let Some(label) = list.label.as_deref() else {
            return false;
        };
        let n = list.items.len();
        // "What is contamination?" read as one more tab: not a member.
        if !counts(label, n)
            || block.section.iter().any(|h| is_case_study(h))
            || list.items.iter().any(|i| i.text.ends_with('?'))
        {
            return false;
        }
        // The lead is the label's last sentence; "Its five principles
        // are:" is the law's that the sentence before names.
        let sentences = text::sentences(label);
        let Some(lead) = sentences.last() else {
            return false;
        };
        let set = match lead.split_once(' ') {
            Some((its, rest)) if its.eq_ignore_ascii_case("its") => {
                let laws = sentences
                    .len()
                    .checked_sub(2)
                    .map(|p| legislation::laws_in(&sentences[p]))
                    .unwrap_or_default();
                match (&laws[..], counted_set(&format!("The {rest}"), n)) {
                    ([law], Some(set)) => {
                        format!("{set} of {}{law}", legislation::law_article(law))
                    }
                    _ => return false,
                }
            }
            _ => match counted_set(lead, n) {
                Some(set) => set,
                None => return false,
            },
        };
        let Some(members) = list
            .items
            .iter()
            .map(|i| set_member(&i.text))
            .collect::<Option<Vec<String>>>()
        else {
            return false;
        };
        let back = members.join("; ");
        if words(&back) > MAX_ANSWER_WORDS + text::SLACK {
            return false;
        }
        let front = self.in_topic(&format!("what are {set}?"));
        self.push(
            block,
            block.line,
            Self::draft(CardKind::ListMember, Cue::list(label), front, back),
        );
        true
    }

    /// "Mnemonic – the 4 Ws:" over "**W**ilting – leaves hang …", "**W**eeping – …":
    /// a set named by the count of its members' shared initial, which
    /// learners recall as a set ("In frost damage, what are the 4
    /// Ws?"); each member's gloss only restates its word. `true` when the
    /// set was asked.
    pub(super) fn letter_set(&mut self, block: &Block, list: &List) -> bool {
        let Some(label) = list.label.as_deref() else {
            return false;
        };
        let n = list.items.len();
        let Some((set, letter)) = letter_set_name(label, n) else {
            return false;
        };
        let Some(members) = list
            .items
            .iter()
            .map(|i| set_member(&i.text).filter(|m| m.to_lowercase().starts_with(letter)))
            .collect::<Option<Vec<String>>>()
        else {
            return false;
        };
        // Of what: the heading's last part ("Emergency: frost damage"
        // → "frost damage").
        let of = block
            .section
            .last()
            .map(|h| {
                let h = h.trim_start_matches(|c: char| !c.is_alphanumeric());
                let tail = h.rsplit(':').next().unwrap_or(h).trim();
                lower_title(&text::sentence_case(text::strip_outline_number(tail)))
            })
            // (Not a question, "What is pruning?", nor a long heading.)
            .filter(|h| {
                (1..=4).contains(&words(h))
                    && !h.ends_with('?')
                    && !QUESTION_WORDS.contains(&h.split(' ').next().unwrap_or(""))
                    && !norm(h).contains(&norm(&set))
            });
        // "3 Ps – aims of pruning": the label's other part names what
        // the set is for (not "Mnemonic").
        let purpose = label
            .replace("**", "")
            .split([':', '–', '—'])
            .map(str::trim)
            .find(|p| {
                !p.is_empty()
                    && !p.contains(['(', ')'])
                    && words(p) <= 5
                    && !norm(p).contains(&norm(&set[4..]))
                    && !["mnemonic", "memory aid", "remember", "remember the"]
                        .contains(&norm(p).as_str())
            })
            .map(|p| format!(" ({})", lower_title(p)))
            .unwrap_or_default();
        let question = match &of {
            Some(of) => format!("In {of}, what are {set}{purpose}?"),
            None => self.in_topic(&format!("what are {set}{purpose}?")),
        };
        let back = members.join("; ");
        self.push(
            block,
            block.line,
            Self::draft(CardKind::ListMember, Cue::list(label), question, back),
        );
        true
    }

    /// A group among sibling groups under a heading that names a category
    /// ("Types of pest" over "Sap-suckers: aphids, whitefly …",
    /// "Principles of X" over "Patience" + bullets): one card asks which
    /// member of the category the items describe, the group's label being
    /// the answer. Not for headings of actions ("Building raised beds"),
    /// labels of attributes or audiences ("Examples", "For individuals"),
    /// nor a label that repeats the heading's own word.
    pub(super) fn category(&mut self, block: &Block, list: &List) {
        if !list.grouped || list.ordered {
            return;
        }
        let Some(label) = list.label.as_deref() else {
            return;
        };
        let Some(key) = crate::compile::document::group_key(&block.section, list) else {
            return;
        };
        // The heading over the groups, or the one above it when that one
        // is a pair ("Types and signs" under "Types of abuse").
        let Some((parent, kind)) = key
            .iter()
            .rev()
            .take(2)
            .find(|h| !h.to_lowercase().contains(" and "))
            .and_then(|h| Some((h, category_name(h)?)))
        else {
            return;
        };
        // "Methods" under "Effective communication": "method of effective
        // communication", so the front says what kind of method.
        let above = key
            .iter()
            .rev()
            .skip_while(|h| *h != parent)
            .nth(1)
            .filter(|h| {
                (1..=3).contains(&words(h))
                    && !h.contains(|c: char| c.is_ascii_digit() || c == ':')
                    && category_name(h).is_none()
            });
        let kind = match above {
            Some(h) if !kind.contains(' ') => format!("{kind} of {}", h.to_lowercase()),
            _ => kind,
        };
        let label = strip_outline_number(label.trim_end_matches(':').trim());
        let first = label.split(' ').next().unwrap_or("");
        let repeats = {
            let stem = norm(&singular(label));
            !stem.is_empty() && norm(parent).split(' ').any(|w| w.starts_with(&stem))
        };
        if label.is_empty()
            || words(label) > 5
            || label.ends_with('?')
            || is_attribute_label(label)
            || SMALL.contains_lower(first)
            || repeats
            || list.items.len() > SHORT_LIST + 1
            || list.items.iter().any(|i| words(&i.text) > 8)
        {
            return;
        }
        // One cue, not the whole group: the first item or two that do not
        // share a word with the answer ("Which type of pest covers
        // “aphids” and “whitefly”?" → "Sap-suckers"). A list of the
        // items would be a layout quiz with the answer's clues all shown.
        let answer_words: Vec<String> = norm(label)
            .split(' ')
            .filter(|w| w.len() > 2)
            .map(singular)
            .collect();
        let cues: Vec<String> = list
            .items
            .iter()
            .map(|i| decapitalize(no_stop(&i.text)))
            .filter(|i| {
                // "patient waiting" gives away "Patience": a shared stem.
                let stem = |w: &str| w.chars().take(5).collect::<String>();
                !norm(i).split(' ').any(|w| {
                    answer_words.iter().any(|a| {
                        *a == singular(w) || (w.len() >= 5 && a.len() >= 5 && stem(a) == stem(w))
                    })
                })
            })
            .collect();
        let Some(first) = cues.first() else {
            return;
        };
        // Bullets are fragments of any grammar ("too wet", "water
        // daily"): quoted, each reads as the page's own words.
        let short = |i: &str| words(i) <= 4 && !i.contains([',', ';', '(']);
        let cue = match cues.get(1) {
            Some(second) if short(first) && short(second) => format!("“{first}” and “{second}”"),
            _ => format!("“{first}”"),
        };
        // A principle or a value is asked forwards, for what it means:
        // its bullets, reversed, give the name away ("feed the soil"
        // → Healthy soil) or fit several ("slow and steady").
        let head = kind
            .split(" of ")
            .next()
            .unwrap_or(&kind)
            .split(' ')
            .next_back()
            .unwrap_or("");
        if [
            "principle",
            "value",
            "right",
            "pillar",
            "element",
            "domain",
            "theme",
        ]
        .contains(&head)
        {
            // Its bullets as one phrase, without one of two words that only
            // says the name again ("Fairness" → "fair shares"): "Share the
            // water, rotate the beds and swap seeds".
            let meaning: Vec<String> = list
                .items
                .iter()
                .map(|i| decapitalize(no_stop(&i.text)))
                .filter(|i| words(i) > 2 || cues.contains(i))
                .collect();
            let back = capitalize(&series(&meaning));
            let name = capitalize(&lower_title(label));
            let front = match kind.split_once(" of ") {
                // "principle of organic growing" → "In organic growing,
                // what does the principle of “Patience” mean?"
                Some((noun, field)) => {
                    format!("In {field}, what does the {noun} of “{name}” mean?")
                }
                None => self.in_topic(&format!("what does the {kind} of “{name}” mean?")),
            };
            if words(&front) <= MAX_FRONT_WORDS && words(&back) <= MAX_ANSWER_WORDS {
                self.push(
                    block,
                    list.items[0].line,
                    Self::draft(CardKind::ListMember, Cue::category(label), front, back),
                );
            }
            return;
        }
        let front = self.in_topic(&format!("which {kind} covers {cue}?"));
        if words(&front) > MAX_FRONT_WORDS {
            return;
        }
        self.push(
            block,
            list.items[0].line,
            Self::draft(
                CardKind::ListMember,
                Cue::category(label),
                front,
                label.to_string(),
            ),
        );
    }

    /// Items that state a rule or a fact in a sentence of their own ("Never
    /// leave medicines unattended"): each goes to the prose rules, which
    /// ask about its key term, as a paragraph's sentence would.
    pub(super) fn rule_items(&mut self, block: &Block, list: &List) {
        for item in &list.items {
            // "When was it introduced?   Answer: April 2015.": a question
            // with its answer on the line.
            if let Some((question, answer)) = inline_answer(&item.text) {
                self.qa(block, item.line, question, answer);
                continue;
            }
            // "Prescribers: GP, dentist, …" is a label over a list, not a rule.
            if words(&item.text) >= 6 && split_term(&item.text).is_none() {
                self.prose(block, &item.text, item.line, 1);
            }
        }
    }

    /// "Waste falls into three streams: a, b and c."
    /// → one card asking for the items, when the sentence introduces a
    /// list of three or more.
    pub(super) fn inline_list(&mut self, block: &Block, line: u32, sentence: &str) -> bool {
        // "Sian and Doreen agreed three goals: …" is the story's, not a set
        // to learn.
        if cloze::tells_a_story(sentence) || block.section.iter().any(|h| is_case_study(h)) {
            return false;
        }
        let Some((lead, items)) = introduced_list(sentence) else {
            return false;
        };
        let back = items.join("; ");
        // Only a small set the sentence counts ("… falls into three
        // streams: …"); an open list of examples is no set to recall.
        if words(&back) > MAX_ANSWER_WORDS + text::SLACK || !counts(lead, items.len()) {
            return false;
        }
        let lead = no_stop(lead);
        let front = if self.mentions_topic(lead) {
            format!("{lead}: name the {}.", items.len())
        } else {
            format!(
                "{}: {lead}: name the {}.",
                capitalize(&self.topic),
                items.len()
            )
        };
        if words(&front) > MAX_FRONT_WORDS {
            return false;
        }
        self.push(
            block,
            line,
            Self::draft(CardKind::ListMember, Cue::inline_list(lead), front, back),
        );
        true
    }
}

/// "a", "b" and "c" as one phrase: "a, b and c" (parts with commas of
/// their own stay apart with semicolons).
fn series(parts: &[String]) -> String {
    match parts {
        _ if parts.iter().any(|p| p.contains(',')) => parts.join("; "),
        // "a, b and c, and d": a part with its own "and" takes a comma after it.
        [init @ .., last] if init.iter().any(|p| p.contains(" and ")) => {
            format!("{}, and {last}", init.join(", "))
        }
        [init @ .., last] if !init.is_empty() => format!("{} and {last}", init.join(", ")),
        _ => parts.join(""),
    }
}

/// "1. Patience" → "Patience".
fn strip_outline_number(label: &str) -> &str {
    let rest = label.trim_start_matches(|c: char| c.is_ascii_digit());
    if rest.len() < label.len() {
        rest.trim_start_matches(['.', ')']).trim_start()
    } else {
        label
    }
}

/// The member noun of a heading that names a category, in the singular
/// ("Types of Pest" → "type of pest", "Stages of growth" → "stage of
/// growth", "Key Suppliers" → "key supplier"):
/// the head noun, before any preposition, is plural. None for a heading
/// of actions ("Building relationships") or of attributes ("Benefits").
pub(crate) fn category_name(heading: &str) -> Option<String> {
    const PREPOSITIONS: [&str; 6] = ["of", "to", "for", "in", "between", "with"];
    let heading = strip_outline_number(heading.trim_end_matches(':').trim());
    let ws: Vec<&str> = heading.split_whitespace().collect();
    if ws.is_empty() || ws.len() > 5 || is_attribute_label(heading) {
        return None;
    }
    if ws[0].to_lowercase().ends_with("ing") {
        return None;
    }
    let head_at = ws
        .iter()
        .position(|w| PREPOSITIONS.contains(&w.to_lowercase().as_str()))
        .unwrap_or(ws.len());
    if head_at == 0 {
        return None;
    }
    let head = ws[head_at - 1];
    let lower = head.to_lowercase();
    if !lower.ends_with('s') || lower.ends_with("ss") || singular(head) == head {
        return None;
    }
    // Groups of members ("Key suppliers" over "Seeds: nurseries, seed
    // banks", "Methods" over "Written: labels, notes") give their
    // answer away in their items: only groups of ideas (principles,
    // barriers, types) are categories worth asking.
    if MEMBER_NOUNS.contains(&singular(&lower).as_str())
        || !CATEGORY_NOUNS.contains(&singular(&lower).as_str())
    {
        return None;
    }
    let kinds = matches!(lower.as_str(), "types" | "kinds" | "forms" | "categories");
    let mut out: Vec<String> = Vec::with_capacity(ws.len());
    for (k, w) in ws.iter().enumerate() {
        let w = if k == head_at - 1 || (kinds && k == ws.len() - 1 && k > head_at) {
            singular(w)
        } else {
            w.to_string()
        };
        out.push(
            if w.chars().skip(1).any(|c| c.is_uppercase()) && w.len() <= 6 {
                w
            } else {
                w.to_lowercase()
            },
        );
    }
    Some(out.join(" "))
}

/// The set a lead counts, named as a question asks for it: "There are
/// four types of hazard:" → "the four types of hazard", "The MCA has five
/// statutory principles:" → "the five statutory principles of the MCA",
/// "Kübler-Ross described five stages:" → "the five stages that
/// Kübler-Ross described". `None` when the lead does not name the set
/// plainly ("Its five principles are:", "… judged in four areas:").
pub(crate) fn counted_set(lead: &str, n: usize) -> Option<String> {
    const NUMBERS: [&str; 6] = ["", "one", "two", "three", "four", "five"];
    // Words that end the set's name: a verb or a clause after it.
    const ENDS: &[&str] = &[
        "are",
        "is",
        "were",
        "include",
        "includes",
        "including",
        "that",
        "which",
        "who",
        "to",
        "you",
        "we",
        "can",
        "must",
        "should",
        "will",
        "used",
        "for",
        "in",
        "when",
        "with",
        "from",
        "as",
        "and",
        "or",
    ];
    const OWNING: &[&str] = &["has", "have"];
    const NAMING: &[&str] = &[
        "describes",
        "described",
        "lists",
        "listed",
        "names",
        "named",
        "identifies",
        "identified",
        "highlights",
        "uses",
        "recommends",
        "defines",
        "defined",
        "outlines",
        "outlined",
    ];
    let lead = text::strip_outline_number(lead.trim()).replace("**", "");
    let lead = lead.trim().trim_end_matches(':').trim();
    if lead.contains([',', ';', '(', '?']) {
        return None;
    }
    let tokens: Vec<&str> = lead.split_whitespace().collect();
    let is_count = |w: &str| {
        w.eq_ignore_ascii_case(NUMBERS.get(n).copied().unwrap_or("-"))
            || w.parse::<usize>().is_ok_and(|k| k == n)
    };
    let counted: Vec<usize> = (0..tokens.len()).filter(|&i| is_count(tokens[i])).collect();
    let [k] = counted[..] else {
        return None;
    };
    let lower: Vec<String> = tokens.iter().map(|w| w.to_lowercase()).collect();
    let end = (k + 1..tokens.len())
        .find(|&i| ENDS.contains(&lower[i].as_str()))
        .unwrap_or(tokens.len());
    let name = &tokens[k..end];
    let rest: Vec<&str> = lower[end..].iter().map(String::as_str).collect();
    if !(2..=8).contains(&name.len())
        || name
            .last()
            .is_some_and(|w| ["of", "the", "a", "main", "key"].contains(&w.to_lowercase().as_str()))
    {
        return None;
    }
    // "Three kinds of consent:" → "the three kinds of consent".
    let name = format!("{} {}", name[0].to_lowercase(), name[1..].join(" "));
    let before: Vec<&str> = lower[..k].iter().map(String::as_str).collect();
    // "The four main symptoms of asthma are", "Three types of consent".
    let plain = matches!(before.as_slice(), [] | ["the"])
        && matches!(
            rest.as_slice(),
            [] | ["are"] | ["include"] | ["includes"] | ["were"]
        );
    let there = matches!(before.as_slice(), ["there", "are" | "were"]) && rest.is_empty();
    if plain || there {
        return Some(format!("the {name}"));
    }
    // "The MCA has five statutory principles", "Kübler-Ross described
    // five stages": the owner is a name, never a pronoun.
    let (verb, owner) = match before.as_slice() {
        [.., "sets", "out"] => (&tokens[k - 2..k], &tokens[..k - 2]),
        [.., v] if OWNING.contains(v) || NAMING.contains(v) => {
            (&tokens[k - 1..k], &tokens[..k - 1])
        }
        _ => return None,
    };
    let named = owner
        .iter()
        .find(|w| !w.eq_ignore_ascii_case("the"))
        .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()))
        && !owner
            .iter()
            .any(|w| POINTING.contains_lower(w) || w.eq_ignore_ascii_case("this"));
    if !rest.is_empty() || !named || !(1..=6).contains(&owner.len()) {
        return None;
    }
    let owner = match owner.split_first() {
        Some((the, rest)) if the.eq_ignore_ascii_case("the") => format!("the {}", rest.join(" ")),
        _ => owner.join(" "),
    };
    if OWNING.contains(&verb[0].to_lowercase().as_str()) {
        Some(format!("the {name} of {owner}"))
    } else {
        Some(format!("the {name} that {owner} {}", verb.join(" ")))
    }
}

/// The head of a counted list's item, as the set's answer names it: the
/// term it is "called" or "known as", else its words before a gloss
/// ("Tremor – shaking …" → "Tremor"); `None` when that is long.
pub(crate) fn set_member(item: &str) -> Option<String> {
    let item = no_stop(item.trim()).replace("**", "");
    let item = item.trim().trim_end_matches(['.', ';', ',']);
    let named = [", called ", " called ", ", known as ", " known as "]
        .iter()
        .find_map(|m| item.split_once(m).map(|(_, term)| term.trim()))
        .filter(|t| (1..=4).contains(&words(t)));
    let head = named.unwrap_or_else(|| {
        [" – ", " — ", " - ", ": ", " (", ", ", "; "]
            .iter()
            .filter_map(|sep| item.find(sep))
            .min()
            .map_or(item, |at| &item[..at])
    });
    let head = head.trim();
    ((1..=6).contains(&words(head)) && !head.ends_with(':')).then(|| capitalize(head))
}

const QUESTION_WORDS: [&str; 7] = ["what", "how", "why", "when", "which", "who", "where"];

/// "the 6 Ps" and its initial, in lower case, when `label` counts `n`
/// members by their shared initial ("Mnemonic – the 4 Ws:", "The five
/// Rs", "the 3 P's"), for two to eight members.
fn letter_set_name(label: &str, n: usize) -> Option<(String, char)> {
    const NUMBERS: [&str; 9] = [
        "", "one", "two", "three", "four", "five", "six", "seven", "eight",
    ];
    if !(2..=8).contains(&n) {
        return None;
    }
    let label = label.replace("**", "");
    let tokens: Vec<&str> = label
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’'))
        .collect();
    tokens.windows(2).find_map(|w| {
        let count = w[0].eq_ignore_ascii_case(NUMBERS[n]) || w[0].parse::<usize>() == Ok(n);
        // "Ps", "P's", "P’s".
        let letter = w[1]
            .strip_suffix("'s")
            .or_else(|| w[1].strip_suffix("’s"))
            .or_else(|| w[1].strip_suffix('s'))?;
        let mut chars = letter.chars();
        let initial = chars.next().filter(char::is_ascii_uppercase)?;
        (count && chars.as_str().is_empty()).then(|| {
            (
                format!("the {} {}", w[0], w[1]),
                initial.to_ascii_lowercase(),
            )
        })
    })
}

/// Sets larger than this are not asked for as a whole.
pub(crate) const SHORT_LIST: usize = 5;

/// Whether `text` counts `n` things ("three types", "the 4 stages"), with
/// `n` small enough to recall as a set.
pub(crate) fn counts(text: &str, n: usize) -> bool {
    const NUMBERS: [&str; 6] = ["", "one", "two", "three", "four", "five"];
    (2..=SHORT_LIST).contains(&n)
        && text
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w.eq_ignore_ascii_case(NUMBERS[n]) || w.parse::<usize>().is_ok_and(|k| k == n))
}

pub(crate) static EXAMPLES_PAREN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\((?:e\.g\.,?|eg,?|such as|including|i\.e\.,?)\s*([^()]+)\)")
        .expect("valid pattern")
});

pub(crate) static ENUMERATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:[a-z][0-9A-Za-z_-]*(?: [a-z][0-9A-Za-z_-]*)?, ){1,4}[a-z][0-9A-Za-z_-]*(?: [a-z][0-9A-Za-z_-]*)?,? (?:and|or) [a-z][0-9A-Za-z_-]*(?: [a-z][0-9A-Za-z_-]*)?(?-u:\b)")
        .expect("valid pattern")
});

pub(crate) static EXAMPLE_INLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:such as|e\.g\.,?|for example,?|including) (?:the |a |an )?([A-Za-z][0-9A-Za-z_-]*(?: [0-9A-Za-z_-]+){0,3}?)(?:,| and | or |\)|\.|$)")
        .expect("valid pattern")
});

/// Labels that name a property of the heading, not a category of it: a
/// heading with "Examples" and "Benefits" lists has no member groups.
pub(crate) static ATTRIBUTE_LABELS: Words = Words::new(&[
    "alternatives",
    "options",
    "other",
    "others",
    "examples",
    "example",
    "benefits",
    "include",
    "includes",
    "purpose",
    "aims",
    "key features",
    "features",
    "signs",
    "types",
    "how",
    "why",
    "when",
    "who",
    "what",
    "role",
    "roles",
    "responsibilities",
    "advantages",
    "disadvantages",
    "challenges",
    "risks",
    "remember",
]);

/// A sentence that introduces a list ("… falls into three streams: a, b
/// and c"): the introduction and the items (three or more, at most
/// eight words each).
pub(crate) fn introduced_list(sentence: &str) -> Option<(&str, Vec<String>)> {
    // Markers after which a list runs to the end of the sentence ("such
    // as" and "including" lists usually stop mid-sentence).
    const MARKERS: &[&str] = &[
        " i.e. ",
        " i.e ",
        ": ",
        " include ",
        " includes ",
        " namely ",
        ", including ",
        ", such as ",
    ];
    let (pos, marker) = MARKERS
        .iter()
        .filter_map(|m| sentence.find(m).map(|p| (p, *m)))
        .min_by_key(|(p, _)| *p)?;
    let lead = sentence[..pos].trim_end_matches([',', ' ']);
    let rest = no_stop(&sentence[pos + marker.len()..]);
    if words(lead) < 3 || words(lead) > 20 {
        return None;
    }
    let mut parts: Vec<&str> = rest.split(", ").collect();
    let joined_last = parts
        .last()
        .is_some_and(|p| p.starts_with("and ") || p.starts_with("or "));
    // Three comma-separated parts, or two with ", and …" (not one clause
    // and a participle), and the joining "and"/"or" only at the end: a list
    // that runs to the end of the sentence.
    let enough = parts.len() >= 3 || (parts.len() == 2 && joined_last);
    let joins_early = parts[..parts.len().saturating_sub(1)]
        .iter()
        .any(|p| p.contains(" and ") || p.contains(" or "));
    let mid_sentence_marker = marker.starts_with(',');
    if !enough || (joins_early && mid_sentence_marker) || lead.ends_with(',') {
        return None;
    }
    let last = parts.pop()?;
    // "…, and d" already stands apart; "… c and d" does not.
    let joined = ["and ", "or "].iter().find_map(|c| last.strip_prefix(c));
    let tail: Vec<&str> = match joined {
        Some(item) => vec![item],
        None => match last.split_once(" and ").or_else(|| last.split_once(" or ")) {
            Some((a, b)) => vec![a, b],
            None => vec![last],
        },
    };
    parts.extend(tail);
    let items: Vec<String> = parts
        .iter()
        .map(|p| {
            let p = p.trim();
            let p = p.strip_prefix("and ").unwrap_or(p);
            capitalize(p.strip_prefix("the ").unwrap_or(p))
        })
        .filter(|p| !p.is_empty())
        .collect();
    let good = items.len() >= 3
        && items
            .iter()
            .all(|i| (1..=12).contains(&words(i)) && !i.contains(';'));
    good.then_some((lead, items))
}

/// The items of the longest inline list in a text ("a, b, c and d"), as
/// byte ranges, when it has three items or more of at most four words.
pub(crate) fn enumeration(text: &str) -> Option<Vec<(usize, usize)>> {
    static LEADS: Words = Words::new(&[
        "consider",
        "include",
        "includes",
        "including",
        "such",
        "as",
        "are",
        "is",
        "through",
        "be",
        "like",
        "e.g.",
        "i.e.",
        "namely",
        "from",
    ]);
    let mut best: Option<Vec<(usize, usize)>> = None;
    let bytes = text.as_bytes();
    let mut start = 0;
    let ends = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()));
    for end in ends {
        let boundary = end == bytes.len()
            || matches!(bytes[end], b';' | b':' | b'(' | b')' | b'.')
            || text[end..].starts_with(" – ")
            || text[end..].starts_with(" - ");
        if !boundary {
            continue;
        }
        let clause = &text[start..end];
        let mut items: Vec<(usize, usize)> = Vec::new();
        let mut bad = false;
        let mut offset = start;
        let parts: Vec<&str> = clause.split(", ").collect();
        for (k, part) in parts.iter().enumerate() {
            let part_start = offset;
            offset += part.len() + 2;
            let mut pieces = vec![(part_start, *part)];
            if k == parts.len() - 1 || k == parts.len() - 2 {
                for joint in [" and ", " or "] {
                    if let Some(pos) = part.find(joint) {
                        let tail = &part[pos + joint.len()..];
                        let tail_start = part_start + pos + joint.len();
                        pieces = vec![(part_start, &part[..pos]), (tail_start, tail)];
                        break;
                    }
                }
            }
            for (ps, piece) in pieces {
                let trimmed = piece
                    .trim_start_matches(|c: char| !c.is_alphanumeric())
                    .trim_start_matches("and ")
                    .trim_start_matches("or ");
                let lead = ps + (piece.len() - trimmed.len());
                let piece = trimmed;
                let mut s = lead;
                let mut item = piece;
                if items.is_empty() && words(piece) > 4 {
                    // The first item follows its lead-in ("consider gloves").
                    let cut = piece
                        .split(' ')
                        .collect::<Vec<_>>()
                        .iter()
                        .rposition(|w| LEADS.contains_lower(w) || SMALL.contains_lower(w));
                    let Some(cut) = cut else { continue };
                    let skip: usize = piece.split(' ').take(cut + 1).map(|w| w.len() + 1).sum();
                    if skip >= piece.len() {
                        continue;
                    }
                    s += skip;
                    item = &piece[skip..];
                }
                let item = item.trim_end();
                let edge = |w: Option<&str>| w.is_some_and(|w| SMALL.contains_lower(w));
                let lead_word = item
                    .split(' ')
                    .next()
                    .is_some_and(|w| LEADS.contains_lower(w));
                if words(item) == 0
                    || words(item) > 3
                    || edge(item.split(' ').next())
                    || edge(item.rsplit(' ').next())
                    || lead_word
                {
                    // One item that is not a list entry: the clause is not a list.
                    items.clear();
                    bad = true;
                    break;
                }
                items.push((s, s + item.len()));
            }
            if bad {
                break;
            }
        }
        let has_joint = clause.contains(" and ") || clause.contains(" or ");
        if items.len() >= 3 && has_joint && best.as_ref().is_none_or(|b| items.len() > b.len()) {
            best = Some(items);
        }
        start = end + 1;
    }
    best
}

/// Whether the items are sentences rather than list entries.
pub(crate) fn is_prose_list(list: &List) -> bool {
    let total: usize = list.items.iter().map(|i| words(&i.text)).sum();
    !list.items.is_empty() && total / list.items.len() >= 10
}

pub(crate) fn is_attribute_label(label: &str) -> bool {
    let l = norm(label);
    ATTRIBUTE_LABELS.contains(&l.as_str()) || crate::compile::read::is_definition_label(label)
}

/// Head nouns of headings whose groups list members, not ideas.
const MEMBER_NOUNS: &[&str] = &[
    "partner",
    "member",
    "professional",
    "agency",
    "organisation",
    "organization",
    "service",
    "method",
    "tool",
    "resource",
    "example",
    "person",
    "role",
    "contact",
    "source",
];

/// Head nouns of headings that name a real category learners must know
/// ("Barriers to communication", "Types of abuse", "Principles of …"); a
/// heading of anything else ("Changes in ageing skin", "Risk factors",
/// "Dressings") groups bullets on the page, and asking which group a
/// bullet is under quizzes the layout.
const CATEGORY_NOUNS: &[&str] = &[
    "type",
    "kind",
    "form",
    "category",
    "class",
    "principle",
    "barrier",
    "stage",
    "level",
    "model",
    "value",
    "right",
    "domain",
    "pillar",
    "element",
    "component",
    "theme",
    "style",
    "approach",
    "transition",
];

/// "What is a near miss?   Answer: an event that …" → the question and
/// its answer.
pub(crate) fn inline_answer(text: &str) -> Option<(&str, &str)> {
    let at = text.find('?')?;
    let rest = text[at + 1..].trim_start();
    let answer = ["Answer:", "Answer -", "Answer –", "A:"]
        .iter()
        .find_map(|p| rest.strip_prefix(p))?
        .trim();
    let question = text[..=at].trim();
    (words(question) >= 3 && !answer.is_empty()).then_some((question, answer))
}

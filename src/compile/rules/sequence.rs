//! Ordered-item cards: numbered lists and the position of each item.

use super::*;

impl Extractor {
    /// A numbered list is a sequence to learn only when it says it is a
    /// procedure ("Steps to take", "How to wash your hands"): then it asks
    /// what comes first and what comes after each step. A list numbered
    /// only on the page gets no card of its own (no "what is principle 5?",
    /// no "which step is X?"); its items still give their definitions,
    /// acronyms and laws.
    pub(super) fn ordered(&mut self, block: &Block, list: &List) {
        let label = list
            .label
            .clone()
            .or_else(|| block.section.last().cloned())
            .unwrap_or_default();
        // "The process usually follows these steps:" says it is a
        // procedure and points at its list: the heading names it.
        let pointing = {
            let n = text::norm(&label);
            n.contains("these steps") || n.contains("the following") || n.contains(" follows ")
        };
        // A procedure says so ("Steps to take") or is a heading of actions
        // over numbered steps ("Planting bulbs" over "1. Dig", "2. Feed"
        // …).
        // Or its heading says what to do ("What to do after a fall" over
        // "If you find someone on the floor:").
        let procedure_heading = block.section.iter().rev().take(2).find(|h| is_procedure(h));
        let heading_procedure = procedure_heading.is_some();
        if label.ends_with('?')
            || !(is_procedure(&label) || is_action(&label) || heading_procedure)
            || list.items.len() < 3
        {
            return;
        }
        let steps: Vec<(&Item, String, String)> = list
            .items
            .iter()
            .map(|item| {
                // "Dig: loosen the soil; lift the stones": the step is cued
                // by its name and answered with its short details.
                let (text, details) = split_term(&item.text).map_or_else(
                    || {
                        (
                            item.text.as_str(),
                            self.details.get(&norm(&item.text)).map(String::as_str),
                        )
                    },
                    |(term, d)| (term, Some(d)),
                );
                // A step is its first sentence ("Call 999 straight away ….
                // Clinicians use …" asks for the call, not the reason).
                let first = text::sentences(text).into_iter().next().unwrap_or_default();
                // "Gather information for the paramedics: the medication
                // list …": the step before its details.
                let first = match [": ", " – ", " - ", "; "]
                    .iter()
                    .find_map(|sep| first.split_once(sep))
                {
                    Some((head, _)) if words(&first) > 16 && words(head) >= 3 => head.to_string(),
                    _ => first,
                };
                let step = no_stop(&first).to_string();
                // ("Prepare: read the care plan and check … . Ask to see …":
                // the name and the first sentence of what it means, not an
                // empty "Prepare".)
                let details = details.map(|d| {
                    let first = text::sentences(d).into_iter().next().unwrap_or_default();
                    if words(d) > 12 && words(text) == 1 {
                        first
                    } else {
                        d.to_string()
                    }
                });
                let answer = match details {
                    Some(d)
                        if words(&d) <= 12 && words(&step) <= 4
                            || words(&d) <= 20 && words(&step) == 1 =>
                    {
                        format!("{} – {}", capitalize(&lower_title(&step)), no_stop(&d))
                    }
                    _ => step.clone(),
                };
                (item, step, answer)
            })
            .collect();
        // A step too long to be an answer is not asked in order; it still
        // states its rule. The procedure is still asked for its first
        // step, and for its last when that is short ("6. Your manager
        // decides whether to raise a concern with …" in the middle).
        let long = steps
            .iter()
            .any(|(_, step, _)| words(step) > MAX_STEP_WORDS);
        // A list that opens on a condition ("5. If there is no change,
        // …") goes on from an earlier one, or is a set of cases: no first
        // step.
        if steps
            .first()
            .is_none_or(|(_, step, _)| words(step) > MAX_STEP_WORDS || is_condition(step))
        {
            self.rule_items(block, list);
            return;
        }
        let steps: Vec<(u32, Option<u32>, String, String)> = steps
            .into_iter()
            .map(|(item, text, answer)| (item.line, item.number, text, answer))
            .collect();
        let name = match (procedure_heading, block.section.last()) {
            (Some(heading), _)
                if what_to_do(&heading.to_lowercase()).is_some()
                    && what_to_do(&label.to_lowercase()).is_none() =>
            {
                heading.clone()
            }
            (_, Some(heading)) if pointing => heading.clone(),
            _ => label,
        };
        let asked = self.sequence(block, &name, &steps);
        if long {
            // The steps not asked in order state their rules ("If there is
            // no change after 5 minutes, give a second dose").
            let rules = List {
                items: list.items[usize::from(asked)..].to_vec(),
                ..list.clone()
            };
            self.rule_items(block, &rules);
        }
    }

    /// "What should you do first after a fall?", "what is the first step
    /// to put on gloves?", "what is the first step when a hedge is laid?",
    /// "what is the first stage of a seed's growth?": the front asking
    /// for a procedure's step in `which` place ("first", "last").
    fn step_front(
        &self,
        situation: Option<&str>,
        what: &str,
        unit: &str,
        of: &str,
        which: &str,
    ) -> String {
        match situation {
            Some(when) => self.in_topic(&format!("what should you do {which} {when}?")),
            // "How to report" → "what is the first step to report?"
            None if what.starts_with("how to ") => {
                self.in_topic(&format!("what is the {which} step {}?", &what[4..]))
            }
            // "How a hedge is laid" → "when a hedge is laid" ("how
            // weeds spread" stays "of how weeds spread").
            None if what.starts_with("how ")
                && what.split_whitespace().any(|w| w == "is" || w == "are") =>
            {
                self.in_topic(&format!("what is the {which} step when {}?", &what[4..]))
            }
            None => self.in_topic(&format!("what is the {which} {unit}{of}?")),
        }
    }

    /// The card of a sequence (`(line, number, step, answer)`): what comes
    /// first. Whether it is asked.
    fn sequence(
        &mut self,
        block: &Block,
        label: &str,
        steps: &[(u32, Option<u32>, String, String)],
    ) -> bool {
        // "Running a bath safely – put the steps in order": the exercise's
        // instruction is not the procedure's name.
        // "Pruning – the usual order", "Repotting - typical steps": a tail
        // that only says the list is in order.
        let label = match label.split_once(" – ").or_else(|| label.split_once(" - ")) {
            Some((head, tail))
                if [
                    "put", "drag", "select", "click", "choose", "arrange", "match", "order", "step",
                ]
                .iter()
                .any(|w| tail.trim().to_lowercase().starts_with(w))
                    || tail
                        .split_whitespace()
                        .all(|w| ORDER_WORDS.contains_lower(w)) =>
            {
                head.trim()
            }
            _ => label,
        };
        // "1. Introduction … 15. Summary": a table of contents, not a
        // procedure.
        let bookends = |s: &str| {
            [
                "introduction",
                "overview",
                "summary",
                "conclusion",
                "references",
                "glossary",
                "further reading",
            ]
            .contains(&norm(s).as_str())
        };
        if steps.len() >= 4
            && steps.iter().all(|(_, _, step, _)| words(step) <= 8)
            && (steps.first().is_some_and(|s| bookends(&s.2))
                || steps.last().is_some_and(|s| bookends(&s.2)))
        {
            return false;
        }
        let (_, plain_label) = ordered_name(label);
        // Title Case on the page is sentence case on a card ("Planting
        // Bulbs" → "planting bulbs"), names and acronyms kept; no
        // "SECTION 5" counter.
        let what = lower_title(&text::plain_heading(&plain_label));
        // "Weeds spread in stages. A well known model is the seed cycle
        // (Smith, 1990), which describes four phases": the model named,
        // its parts by their own noun; an intro with no name asks nothing.
        let (what, unit) = if words(&what) > 10 && what_to_do(&what).is_none() {
            let Some(name) = named_model(&what) else {
                return false;
            };
            let unit = ["phases", "stages"]
                .iter()
                .find(|u| what.contains(*u))
                .map_or("step", |u| u.trim_end_matches('s'));
            (format!("the {name}"), unit.to_string())
        } else if let Some(head) = what
            .strip_suffix("steps")
            .map(str::trim)
            .filter(|h| words(h) <= 2)
        {
            // "Ordered steps", "Practical steps": the steps of the section
            // they stand in; "Pruning steps": the steps of pruning.
            let generic = [
                "",
                "ordered",
                "practical",
                "key",
                "main",
                "simple",
                "basic",
                "the",
            ];
            if generic.contains(&head) {
                let heading = block
                    .section
                    .iter()
                    .rev()
                    .map(|h| text::strip_outline_number(h).trim())
                    .find(|h| (1..=6).contains(&words(h)) && !h.to_lowercase().contains("steps"));
                match heading {
                    Some(heading) => (lower_title(&text::sentence_case(heading)), "step".into()),
                    // "In first aid, what is the first practical step?"
                    None if words(head) == 1 && head != "the" && head != "ordered" => {
                        (String::new(), format!("{head} step"))
                    }
                    None => return false,
                }
            } else {
                (head.to_string(), "step".into())
            }
        } else {
            // "Eye drops step by step" → "eye drops".
            let what = match what.strip_suffix("step by step").map(str::trim) {
                Some(head) if !head.is_empty() => {
                    head.trim_end_matches([':', '–', '-']).trim().to_string()
                }
                _ => what,
            };
            (what, "step".into())
        };
        // "the first step in planting bulbs", "the first step of the
        // seed cycle".
        let of = if what.is_empty() {
            String::new()
        } else if is_action(&what) {
            format!(" in {what}")
        } else {
            format!(" of {what}")
        };
        // "Steps to put on gloves" → "the first step to put on gloves";
        // "Stages of a seed's growth" → "the first stage of a seed's growth".
        let led = what.split_once(' ').and_then(|(noun, rest)| {
            let unit = match noun.to_lowercase().as_str() {
                "steps" => "step",
                "stages" => "stage",
                "phases" => "phase",
                _ => return None,
            };
            let lead = rest.split(' ').next().unwrap_or("");
            // ("Steps to follow" names nothing.)
            (["to", "for", "when", "in", "of", "after", "if", "before"].contains(&lead)
                && words(rest) >= 3)
                .then(|| (format!(" {rest}"), unit.to_string()))
        });
        let (of, unit, what) = match led {
            Some((of, unit)) => (of, unit, String::new()),
            None => (of, unit, what),
        };
        let steps: Vec<(u32, Option<u32>, String, String)> = steps
            .iter()
            .map(|(line, k, step, answer)| {
                (
                    *line,
                    *k,
                    capitalize(&lower_title(step)),
                    capitalize(answer),
                )
            })
            .collect();
        // "Tonic-clonic seizure: what to do" → "for tonic-clonic seizure";
        // "What to do if you think …" → "if you think …".
        // "What to do" alone takes its situation from the heading above
        // it ("Severe bleeding" › "What to do").
        // "Before cooking" over its steps is the situation they are for.
        let situation = what_to_do(&what).or_else(|| {
            let first = what.split_whitespace().next().unwrap_or("").to_lowercase();
            ["before", "after", "when", "during", "if", "following"]
                .contains(&first.as_str())
                .then(|| decapitalize(&what))
        });
        let situation = situation.or_else(|| {
            (norm(&what) == "what to do")
                .then(|| {
                    block
                        .section
                        .iter()
                        .rev()
                        .map(|h| text::strip_outline_number(h))
                        .find(|h| norm(h) != "what to do" && !h.is_empty())
                        .map(|h| format!("for {}", lower_title(h)))
                })
                .flatten()
        });
        // "Steps to follow", "Rash – 3 stages", "c) Unconscious": a name
        // that only says the list is a list, or a heading trail, leaves the
        // front without a subject; reviewers fixed or dropped all of them.
        let lower_what = what.to_lowercase();
        if situation.is_none()
            && (lower_what
                .split_whitespace()
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                .any(|w| ["step", "steps", "stage", "stages", "general"].contains(&w))
                || what.contains([':', '–', ')'])
                || what.contains(" - "))
        {
            return false;
        }
        // ("Steps to weigh" is named by its " to weigh"; "the first
        // practical step" of a section by nothing more.)
        let name = situation
            .as_deref()
            .unwrap_or(if what.is_empty() { of.trim() } else { &what });
        if !name.is_empty() && names_nothing(name) {
            return false;
        }
        let first = self.step_front(situation.as_deref(), &what, &unit, &of, "first");
        self.push(
            block,
            steps[0].0,
            Self::draft(
                CardKind::OrderedItem,
                Cue::ordered(&plain_label, 1),
                first,
                capitalize(&steps[0].3),
            ),
        );
        // The last step only of a process in named stages ("Escalate – to
        // a manager, mediation …"), and no wrap-up: reviewers kept 1 of 38
        // last steps of plain lists (a position on the page, a wrap-up
        // anyone could guess, or a step the list goes on after), and every
        // reviewer of the course deck kept its named last stage.
        if let Some(last) = steps.last()
            && steps.len() >= 3
            && unit.ends_with("step")
            && norm(&last.3) != norm(&last.2)
            && !is_condition(&last.2)
            && !wraps_up(&last.3)
        {
            let k = last.1.unwrap_or(steps.len() as u32);
            let front = self.step_front(situation.as_deref(), &what, &unit, &of, "last");
            self.push(
                block,
                last.0,
                Self::draft(
                    CardKind::OrderedItem,
                    Cue::ordered(&plain_label, k),
                    front,
                    capitalize(&last.3),
                ),
            );
        }
        true
    }
}

/// Whether a procedure's name leaves its front without a subject: it
/// points back ("how to take it", "a typical day looks like this"), only
/// orders the page ("follow the steps in order", "when to report"), is a
/// heading in capitals ("for SECTION 7. SPLITTING"), or holds no word of
/// its own ("for ,").
fn names_nothing(name: &str) -> bool {
    let lower = name.to_lowercase();
    let words: Vec<&str> = lower
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    const LINKS: &[&str] = &[
        "for", "if", "when", "after", "before", "of", "the", "a", "an", "and", "to", "how", "in",
    ];
    const VAGUE: &[&str] = &[
        "it", "this", "these", "them", "that", "those", "like", "section", "follow", "order",
        "your", "typical", "general",
    ];
    let shouted = name
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .filter(|w| !w.chars().any(char::is_lowercase))
        .count()
        >= 2;
    let bare_verb = lower
        .strip_prefix("how to ")
        .is_some_and(|rest| rest.split_whitespace().count() <= 1);
    words.iter().all(|w| LINKS.contains(w))
        // "… for recording a payment is": cut off at its verb.
        || words.last().is_some_and(|w| ["is", "are"].contains(w))
        || words.iter().any(|w| VAGUE.contains(w))
        || ["what to", "when to", "where to", "who to"]
            .iter()
            .any(|p| lower.contains(p))
        || shouted
        || bare_verb
}

/// Whether a step only wraps a procedure up: it records, reports, reviews
/// or monitors what was done, or carries out what the steps prepared
/// ("Record the harvest", "Review the plan with the owner").
fn wraps_up(step: &str) -> bool {
    const WRAP_UPS: &[&str] = &[
        "record", "report", "review", "monitor", "document", "supervis", "follow", "evaluat",
        "reflect", "carry",
    ];
    step.split_whitespace().take(4).any(|w| {
        let w = w.to_lowercase();
        WRAP_UPS.iter().any(|p| w.starts_with(p))
    })
}

/// Whether a step opens on a condition ("If something is stuck in the
/// wound – …"): a case, not a step every time.
fn is_condition(step: &str) -> bool {
    let first = step.split_whitespace().next().unwrap_or("").to_lowercase();
    ["if", "when", "unless", "where"].contains(&first.as_str())
}

/// The most words of a step asked in order: a longer one is a rule of its
/// own, not an answer to "what comes first?".
const MAX_STEP_WORDS: usize = 16;

/// The model a long intro names: "… a well known model is the seed
/// cycle (Smith, 1990), which …" → "seed cycle".
fn named_model(intro: &str) -> Option<String> {
    let lower = intro.to_lowercase();
    let at = ["is the ", "called the ", "known as the "]
        .iter()
        .filter_map(|m| lower.rfind(m).map(|i| i + m.len()))
        .max()?;
    let name = intro[at..].split(['(', ',', ';', ':', '.']).next()?.trim();
    let name = name.split(" which ").next()?.trim();
    (1..=5).contains(&words(name)).then(|| name.to_string())
}

/// A heading of actions: it opens with a gerund ("Planting bulbs",
/// "Handling a spade").
fn is_action(heading: &str) -> bool {
    let first = heading.split_whitespace().next().unwrap_or("");
    first.len() > 5 && first.to_lowercase().ends_with("ing")
}

/// Whether a list's label says its order matters: a procedure, not a
/// list numbered on the page.
pub(crate) fn is_procedure(label: &str) -> bool {
    static ORDERED: Words = Words::new(&[
        "step",
        "steps",
        "procedure",
        "procedures",
        "process",
        "sequence",
        "order",
        "stages",
        "how",
    ]);
    let normed = text::norm(label);
    normed.split(' ').any(|w| ORDERED.contains(&w)) || normed.contains("what to do")
}

/// Words of a label's tail that only say its list is in order ("the usual
/// order", "typical steps", "step by step").
static ORDER_WORDS: Words = Words::new(&[
    "the",
    "usual",
    "order",
    "step",
    "steps",
    "by",
    "typical",
    "key",
    "main",
    "in",
    "simple",
    "basic",
    "a",
    "quick",
    "guide",
    "checklist",
    "summary",
    "overview",
    "stages",
    "process",
    "sequence",
    "correct",
    "right",
]);

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

/// The situation a "what to do" label names: "tonic-clonic seizure: what
/// to do" → "for tonic-clonic seizure", "what to do if you think …" → "if
/// you think …". `None` for any other label.
pub(crate) fn what_to_do(label: &str) -> Option<String> {
    // (ASCII lower case keeps the offsets that cut `label` below.)
    let lower = label.to_ascii_lowercase();
    let at = lower.find("what to do")?;
    let before = label[..at].trim().trim_end_matches([':', '-', '–']).trim();
    let after = label[at + "what to do".len()..]
        .trim()
        .trim_start_matches([':', '-', '–'])
        .trim();
    if !after.is_empty() {
        let first = after.split_whitespace().next().unwrap_or("").to_lowercase();
        // "What to do: frost damage" → "for frost damage".
        return Some(
            if ["if", "when", "after", "before", "during", "for", "in"].contains(&first.as_str()) {
                after.to_string()
            } else {
                format!("for {}", decapitalize(after))
            },
        );
    }
    // "After a fall – what to do" → "after a fall", not "for after a
    // fall".
    let first = before
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    (!before.is_empty()).then(|| {
        if [
            "after",
            "if",
            "when",
            "before",
            "during",
            "following",
            "in",
            "on",
        ]
        .contains(&first.as_str())
        {
            decapitalize(before)
        } else {
            format!("for {before}")
        }
    })
}

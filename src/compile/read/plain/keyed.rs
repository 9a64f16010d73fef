//! A numbered quiz whose answers come later, in a key of their own lines
//! ("Answer key" over "Q1 - c) 44°C. Showers …"): each question is paired
//! with its key line, its options read from one line ("a) 38°C    b) 41°C
//! …") when it has them.

use regex::Regex;
use std::collections::BTreeMap;
use std::sync::LazyLock;

use crate::compile::document::Mcq;
use crate::compile::text;

/// "Q3 - c) 20 minutes, using …", "2. b) …", "Q6 - False. TMVs can fail".
static KEY_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^Q?(\d{1,2})\s*[-–—:.)]\s*(?:([a-eA-E])\)\s*)?(.+)$").expect("valid pattern")
});
/// "Q1. What is …?", "3) Which …?"
static QUESTION_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^Q?(\d{1,2})\s*[.):]\s+(.+)$").expect("valid pattern"));
/// An option's letter inside a line of options: "a) ", "(b) ".
static OPTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|\s)\(?([a-e])\)\s+").expect("valid pattern"));

/// The numbered answers under a key's label at line `label`, by number,
/// with their letter and line; the key ends at the first line that is no
/// answer, or at a number it has read already (a heading "1. Conclusion"
/// after the key).
fn key_below(raw: &[&str], label: usize) -> BTreeMap<u32, (Option<char>, String, usize)> {
    let mut key: BTreeMap<u32, (Option<char>, String, usize)> = BTreeMap::new();
    for (j, line) in raw.iter().enumerate().skip(label + 1).take(40) {
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        // "5. At least 12 months   6. 6 months less one day": several
        // answers to a line.
        let entries: Vec<String> = match super::numbered_entries(t) {
            Some(entries) => entries.iter().map(|(n, e)| format!("{n}. {e}")).collect(),
            None => vec![t.to_string()],
        };
        let mut read = false;
        for entry in &entries {
            let Some(c) = KEY_LINE.captures(entry) else {
                continue;
            };
            let n: u32 = c[1].parse().unwrap_or(0);
            if key.contains_key(&n) {
                return key;
            }
            read = true;
            let letter = c
                .get(2)
                .and_then(|m| m.as_str().chars().next())
                .map(|l| l.to_ascii_lowercase());
            key.insert(n, (letter, c[3].trim().to_string(), j));
        }
        if !read {
            break;
        }
    }
    key
}

/// Whether a line names the answer key below it: "Answer key", "Answers",
/// and as pages reveal it ("Answer key – click to reveal ▼", "**Answer
/// key** (click to reveal)", "<summary>Show answer key</summary>").
fn is_key_label(line: &str) -> bool {
    // (Every line of a page is asked: the word first, without allocating.)
    if line.len() > 80 || !(line.contains("nswer") || line.contains("NSWER")) || line.contains('?')
    {
        return false;
    }
    let mut bare = String::with_capacity(line.len());
    let mut in_tag = false;
    for c in line.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => bare.push(c),
            _ => {}
        }
    }
    let mut n = format!(" {} ", text::norm(&bare));
    for reveal in [
        " click to reveal ",
        " tap to reveal ",
        " click to show ",
        " show ",
        " reveal ",
    ] {
        n = n.replace(reveal, " ");
    }
    [
        "answer key",
        "answers",
        "quiz answers",
        "answers to the quiz",
    ]
    .contains(&n.trim())
}

/// What a keyed question becomes.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Keyed {
    /// Options with the key's letter.
    Choice(Mcq),
    /// A question and the key's answer.
    Answered(String, String),
}

/// Every keyed question, by the 0-based line it starts on, with the lines
/// it and its key used.
pub(crate) fn keyed_quiz(raw: &[&str]) -> BTreeMap<usize, (Keyed, Vec<usize>)> {
    let mut out = BTreeMap::new();
    // The key: lines after one that names it ("Answer key", "Answers"),
    // the first such line with numbered answers under it (a reveal button
    // "Click to reveal answers" over a case's answer is none).
    let Some((start, key)) = raw
        .iter()
        .enumerate()
        .filter(|(_, l)| is_key_label(l))
        .map(|(i, _)| (i, key_below(raw, i)))
        .find(|(_, key)| key.len() >= 2)
    else {
        return out;
    };
    // The quiz is the last run of numbered lines before its key: a
    // procedure's "2. Identify the disadvantage – is it …?" further up is
    // no question 2 of the quiz.
    let mut last: BTreeMap<u32, usize> = BTreeMap::new();
    for (i, line) in raw.iter().enumerate().take(start) {
        if let Some(c) = QUESTION_LINE.captures(line.trim()) {
            last.insert(c[1].parse().unwrap_or(0), i);
        }
    }
    // (From its first question on: a list further up that runs to "8."
    // is no eighth question of a quiz of seven.)
    let first = last.get(&1).copied().unwrap_or(0);
    last.retain(|_, &mut at| at >= first);
    let in_turn = |n: u32, i: usize| {
        last.range(..n)
            .next_back()
            .is_none_or(|(_, &before)| before < i)
            && last
                .range(n + 1..)
                .next()
                .is_none_or(|(_, &after)| after > i)
    };
    for (i, line) in raw.iter().enumerate().take(start) {
        let Some(c) = QUESTION_LINE.captures(line.trim()) else {
            continue;
        };
        let n: u32 = c[1].parse().unwrap_or(0);
        if last.get(&n) != Some(&i) || !in_turn(n, i) {
            continue;
        }
        let Some((letter, answer, key_line)) = key.get(&n) else {
            continue;
        };
        let question = c[2].trim().to_string();
        let next = (i + 1..raw.len().min(i + 3)).find(|&j| !raw[j].trim().is_empty());
        let options: Vec<String> = next
            .map(|j| {
                let t = raw[j].trim();
                let marks: Vec<(usize, usize)> = OPTION
                    .captures_iter(t)
                    .filter_map(|m| m.get(0).map(|w| (w.start(), w.end())))
                    .collect();
                if marks.len() < 2 || marks[0].0 > 1 {
                    return Vec::new();
                }
                marks
                    .iter()
                    .enumerate()
                    .map(|(k, &(_, end))| {
                        let stop = marks.get(k + 1).map_or(t.len(), |m| m.0);
                        t[end..stop].trim().to_string()
                    })
                    .collect()
            })
            .unwrap_or_default();
        let mut used = vec![i, *key_line];
        let keyed = if options.len() >= 2 && question.ends_with('?') {
            let Some(correct) = letter
                .map(|l| (l as u8 - b'a') as usize)
                .filter(|&k| k < options.len())
            else {
                continue;
            };
            used.push(next.expect("options come from a line"));
            Keyed::Choice(Mcq {
                question,
                options,
                correct: vec![correct],
            })
        } else if let Some(statement) = question
            .strip_prefix("True or false:")
            .or_else(|| question.strip_prefix("True or false?"))
        {
            // "True or false: X." keyed "False. Because …": asked as the
            // document's true-or-false statements are.
            let Some((question, back)) =
                crate::compile::read::questions::keyed_true_false(statement, answer)
            else {
                continue;
            };
            Keyed::Answered(question, back)
        } else if question.ends_with('?') && letter.is_none() {
            Keyed::Answered(question, answer.clone())
        } else {
            continue;
        };
        used.sort_unstable();
        out.insert(i, (keyed, used));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quiz_is_paired_with_its_key_below() {
        let raw = [
            "Quiz",
            "Q1. How deep should bulbs be planted?",
            "   a) Once their height    b) Twice their height    c) On the surface",
            "Q2. True or false: frost never harms tulips.",
            "Q3. What do worms do for soil?",
            "Q4. True or false: moss means wet soil.",
            "",
            "Answer key",
            "Q1 - b) Twice their height, pointed end up.",
            "Q2 - False. A hard frost can split the bulbs.",
            "Q3 - They mix and air it.",
            "Q4 - True–moss likes damp shade.",
        ];
        let quiz = keyed_quiz(&raw);
        assert_eq!(
            quiz.get(&1),
            Some(&(
                Keyed::Choice(Mcq {
                    question: "How deep should bulbs be planted?".into(),
                    options: vec![
                        "Once their height".into(),
                        "Twice their height".into(),
                        "On the surface".into()
                    ],
                    correct: vec![1],
                }),
                vec![1, 2, 8]
            ))
        );
        assert_eq!(
            quiz.get(&3).map(|q| &q.0),
            Some(&Keyed::Answered(
                "Is it true that frost never harms tulips?".into(),
                "No – a hard frost can split the bulbs.".into()
            ))
        );
        assert_eq!(
            quiz.get(&4).map(|q| &q.0),
            Some(&Keyed::Answered(
                "What do worms do for soil?".into(),
                "They mix and air it.".into()
            ))
        );
        assert_eq!(
            quiz.get(&5).map(|q| &q.0),
            Some(&Keyed::Answered(
                "Is it true that moss means wet soil?".into(),
                "Yes – moss likes damp shade.".into()
            ))
        );
    }

    /// The written answers of a keyed quiz, in order.
    fn written_answers(quiz: &BTreeMap<usize, (Keyed, Vec<usize>)>) -> Vec<&str> {
        quiz.values()
            .filter_map(|(k, _)| match k {
                Keyed::Answered(_, a) => Some(a.as_str()),
                Keyed::Choice(_) => None,
            })
            .collect()
    }

    #[test]
    fn a_key_line_holding_several_answers_gives_each_its_own() {
        let raw = [
            "1. Look at the rose.",
            "2. Check the soil - is it wet or dry?",
            "",
            "1. In what month are roses pruned?",
            "2. How many buds are left on each stem?",
            "3. What do worms do for soil?",
            "",
            "Answers",
            "1. February (late winter)   2. Three   3. They mix and air it",
        ];
        let quiz = keyed_quiz(&raw);
        assert_eq!(
            written_answers(&quiz),
            ["February (late winter)", "Three", "They mix and air it"]
        );
        // The quiz's own question 2, not the procedure's step 2.
        assert!(quiz.keys().all(|&i| i >= 3));
        // A dash after each number, two lines of the key.
        let raw = [
            "QUICK QUIZ",
            "1. In what month are roses pruned?",
            "2. How many buds are left on each stem?",
            "3. What do worms do for soil?",
            "",
            "ANSWER KEY",
            "1 – February (late winter)   2 – Three",
            "3 – They mix and air it",
        ];
        let quiz = keyed_quiz(&raw);
        assert_eq!(
            written_answers(&quiz),
            ["February (late winter)", "Three", "They mix and air it"]
        );
    }

    #[test]
    fn a_key_revealed_on_the_page_is_read_and_ends_at_a_number_it_has_read() {
        let raw = [
            "Steps",
            "1. Dig the bed.",
            "2. Rake it level.",
            "3. Water it.",
            "Quiz",
            "Q1. What holds water well?",
            "Q2. How deep should bulbs go?",
            "",
            ">> Click to reveal answers",
            "Loam and clay both hold water.",
            "",
            "Answer key – click to reveal ▼",
            "1 - Loam.",
            "2 - Twice their height.",
            "",
            "1. Conclusion",
        ];
        let quiz = keyed_quiz(&raw);
        let answered: Vec<(&str, &str)> = quiz
            .values()
            .filter_map(|(k, _)| match k {
                Keyed::Answered(q, a) => Some((q.as_str(), a.as_str())),
                Keyed::Choice(_) => None,
            })
            .collect();
        assert_eq!(
            answered,
            vec![
                ("What holds water well?", "Loam."),
                ("How deep should bulbs go?", "Twice their height."),
            ]
        );
        // A list further up that runs past the quiz's last number.
        let raw = [
            "1. Dig.",
            "2. Rake.",
            "3. Sow.",
            "4. Water.",
            "Quiz",
            "1. What holds water well?",
            "2. How deep should bulbs go?",
            "3. When is frost likely?",
            "Answers",
            "1. Loam",
            "2. Twice their height",
            "3. In May",
        ];
        assert_eq!(keyed_quiz(&raw).len(), 3, "{:?}", keyed_quiz(&raw));
        for label in [
            "**Answer key** (click to reveal)",
            "<details><summary>Show answer key</summary>",
        ] {
            assert!(is_key_label(label), "{label}");
        }
        assert!(!is_key_label("What is the answer key?"));
    }
}

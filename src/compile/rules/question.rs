//! Questions the document writes with their answers: multiple choice,
//! question and answer, and table rows.

use super::*;

/// A numbered quiz and the one line of answers under it ("1. When should
/// roses be pruned?" … then "Answers: 1) Late winter 2) …"): each
/// question, with its line, and its answer. `None` unless every question
/// has its answer, numbered in order.
pub(super) fn quiz_answers<'a>(
    list: &'a List,
    next: &'a Block,
) -> Option<Vec<(u32, &'a str, &'a str)>> {
    // (A sheet's bold "**Answers:**" may read as a list of one.)
    let key = match &next.body {
        Body::Paragraph(key) => key,
        Body::List(answers) if answers.items.len() == 1 => &answers.items[0].text,
        _ => return None,
    };
    let asks = |t: &str| {
        t.ends_with('?')
            || crate::compile::read::questions::asks_by_instruction(t)
            || true_or_false(t).is_some()
    };
    // ("13. QUICK QUIZ" read as the item before "1. How long …?": the
    // quiz is the items from its first question.)
    let first = list
        .items
        .iter()
        .rposition(|i| i.number == Some(1))
        .unwrap_or(0);
    let items = &list.items[first..];
    if items.len() < 2
        || !items.iter().all(|i| asks(&i.text))
        || items.iter().filter(|i| i.text.ends_with('?')).count() * 2 < items.len()
    {
        return None;
    }
    let key = key.trim_start_matches(['*', '_', ' ']);
    let rest = ["Answers", "Answer key", "Quiz answers"]
        .iter()
        .find_map(|label| {
            key.get(..label.len())
                .filter(|head| head.eq_ignore_ascii_case(label))
                .map(|_| &key[label.len()..])
        })?
        .trim_start_matches(['*', '_', ':', ' ', '–', '-']);
    let marks = answer_marks(rest, items.len())?;
    let mut pairs = Vec::with_capacity(marks.len());
    for (k, item) in items.iter().enumerate() {
        let end = marks.get(k + 1).map_or(rest.len(), |m| m.0);
        let answer = rest[marks[k].1..end]
            .trim()
            .trim_end_matches(['.', ';', ',', '·', '|', ' ']);
        if answer.is_empty() {
            return None;
        }
        // "When do you recheck?" leans on the question before it.
        if text::words(&item.text) >= 5 {
            pairs.push((item.line, item.text.as_str(), answer));
        }
    }
    Some(pairs)
}

/// The statement of a quiz's "True or false: X." item.
fn true_or_false(item: &str) -> Option<&str> {
    ["True or false:", "True or false?", "True/false:"]
        .iter()
        .find_map(|p| text::strip_prefix_ascii_ci(item, p))
        .map(|s| s.trim().trim_end_matches('.'))
        .filter(|s| !s.is_empty())
}

/// Where each of the answers 1 to `n` starts in a key's line, and where
/// its mark ends, in order: "1) … 2) …", "1. … 2. …", "1 - … 2 - …", or
/// bare numbers set apart ("1 Auditory · 2 Sixteen", "1 Late  2 Early").
/// A mark is only the next number's (a "2)" inside an answer is none).
fn answer_marks(rest: &str, n: usize) -> Option<Vec<(usize, usize)>> {
    // A mark starts the key or follows a space; a bare number follows a
    // separator ("·", "|", ";") or a run of spaces.
    let after_space = |at: usize| at == 0 || rest[..at].ends_with(char::is_whitespace);
    let set_apart = |at: usize| {
        at == 0 || {
            let before = &rest[..at];
            let trimmed = before.trim_end();
            before.len() - trimmed.len() >= 2 || trimmed.ends_with(['·', '|', ';'])
        }
    };
    // (Last, a bare number after one space: a plain guide's runs of
    // spaces are read as one.)
    let styles: [(&str, &dyn Fn(usize) -> bool); 6] = [
        (")", &after_space),
        (".", &after_space),
        (" -", &after_space),
        (" –", &after_space),
        (" ", &set_apart),
        (" ", &after_space),
    ];
    styles.iter().find_map(|(end, before_ok)| {
        let mut marks = Vec::with_capacity(n);
        let mut from = 0;
        for k in 1..=n {
            let mark = format!("{k}{end}");
            let at = from
                + rest[from..]
                    .match_indices(&mark)
                    .map(|(at, _)| at)
                    .find(|&at| before_ok(from + at))?;
            marks.push((at, at + mark.len()));
            from = at + mark.len();
        }
        Some(marks)
    })
}

impl Extractor {
    /// A numbered quiz answered on one line under it: a card per question.
    pub(super) fn quiz(&mut self, block: &Block, pairs: &[(u32, &str, &str)]) {
        // A quiz's questions lean on the sheet's subject ("How often are
        // garments replaced?"): the front names it.
        for &(line, question, answer) in pairs {
            if self.repeats_acronym(question) {
                continue;
            }
            // "True or false: X." keyed "False": asked as the sheet's
            // other true-or-false statements are.
            if let Some(statement) = true_or_false(question) {
                if let Some((front, back)) =
                    crate::compile::read::questions::keyed_true_false(statement, answer)
                {
                    let front = self.in_topic(&decapitalize(&front));
                    self.qa(block, line, &front, &back);
                }
                continue;
            }
            let first = question.split_whitespace().next().unwrap_or("");
            let asks = first.chars().skip(1).all(|c| c.is_lowercase())
                && !self.proper.contains(&norm(first));
            let question = self.in_topic(&if asks {
                decapitalize(question)
            } else {
                question.to_string()
            });
            self.qa(block, line, &question, answer);
        }
    }

    /// "What does DRIP stand for?", "What does the R in DRIP stand for?":
    /// a quiz repeating an acronym already asked.
    fn repeats_acronym(&self, question: &str) -> bool {
        let Some(asked) = question
            .strip_prefix("What does ")
            .and_then(|q| q.strip_suffix(" stand for?"))
        else {
            return false;
        };
        let cue = match asked
            .strip_prefix("the ")
            .and_then(|q| q.split_once(" in "))
        {
            Some((letter, acronym)) => acronym
                .find(letter)
                .map(|i| Cue::acronym_letter(acronym, acronym[..i].chars().count())),
            None => Some(Cue::acronym(asked)),
        };
        cue.is_some_and(|c| self.cues.contains(&cue_key(CardKind::Acronym, &c)))
    }

    pub(super) fn mcq(&mut self, block: &Block, mcq: &Mcq) {
        let back: Vec<&str> = mcq
            .correct
            .iter()
            .filter_map(|&i| mcq.options.get(i).map(String::as_str))
            .collect();
        // Several right options: the question says how many.
        let question = if mcq.correct.len() > 1 && !mcq.question.contains("(Choose") {
            format!("{} (Choose {}.)", mcq.question, mcq.correct.len())
        } else {
            mcq.question.clone()
        };
        let mut draft = Self::draft(
            CardKind::Mcq,
            Cue::mcq(&mcq.question),
            question,
            back.join("; "),
        );
        draft.options = mcq.options.clone();
        draft.correct = mcq.correct.clone();
        self.push(block, block.line, draft);
    }

    /// A question the document asks and answers: the card as written, the
    /// answer cut at a clause (or to its first sentence) when it is long.
    pub(super) fn qa(&mut self, block: &Block, line: u32, question: &str, answer: &str) {
        // A case study's own question ("Why did Priya check his breathing?",
        // "When did this become …?") asks about the story, not what
        // transfers.
        let pronoun = question.split_whitespace().any(|w| {
            ["this", "he", "she", "his", "her", "him"].contains(
                &w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
                    .as_str(),
            )
        });
        // "Answer key (click to reveal)" under a quiz's last question is the
        // key's label, not its answer.
        // ("Answers A1. …", "Model answers": a quiz's key read as the
        // answer of the question before it.)
        let key = norm(answer);
        if pronoun
            || cloze::tells_a_story(question)
            || ["answer key", "answers a1", "model answers", "model answer"]
                .iter()
                .any(|k| key.starts_with(k))
        {
            return;
        }
        // Under "Case study: Daniel", "Which early warning signs can you
        // see?" and "What went wrong?" ask about the story too.
        let story = block.section.iter().any(|h| {
            let h = norm(h);
            ["case study", "case studies", "scenario", "worked example"]
                .iter()
                .any(|s| h.contains(s))
        });
        // (Unless it asks what transfers: a law, or a term's name.)
        let transfers = !laws_in(answer).is_empty() || {
            let q = norm(question);
            [
                "which law",
                "what law",
                "which act",
                "what is the name",
                "what is the term",
            ]
            .iter()
            .any(|p| q.starts_with(p))
        };
        if story && !transfers {
            return;
        }
        if self.repeats_acronym(question) {
            return;
        }
        // "[Click to reveal]": the page's button, not the answer.
        let bare = answer.trim();
        if bare.starts_with('[') && bare.ends_with(']') {
            return;
        }
        // A true-or-false statement, asked as the reader wrote it ("Is it
        // true that …?"), in the document's subject.
        let framed;
        // "What else helps …?" leans on the question before it.
        if question
            .split_whitespace()
            .any(|w| w.eq_ignore_ascii_case("else"))
        {
            return;
        }
        // Any other question is put in the document's subject ("In
        // gardening, at roughly what height should a trellis be fixed?"),
        // unless it names it.
        // (The card's cue stays the question as written: its identity does
        // not change with the subject put before it.)
        let written = question;
        let true_false = question.starts_with("Is it true that ");
        let question = match question.strip_prefix("Is it true that ") {
            Some(rest) => {
                framed = self.in_topic(&format!("is it true that {rest}"));
                framed.as_str()
            }
            // (Not a case told before its question, "Mrs K's roses have …
            // What do you do?", nor one that opens on a name.)
            None if question.contains(". ")
                || question.split_whitespace().next().is_some_and(|w| {
                    ["Mr", "Mrs", "Ms", "Miss", "Dr", "Mr.", "Mrs.", "Ms.", "Dr."].contains(&w)
                        || self.proper.contains(&norm(w))
                }) =>
            {
                question
            }
            None => {
                framed = self.in_topic(&decapitalize(question));
                framed.as_str()
            }
        };
        // "A2. Spit, don't rinse": the answer key's number goes.
        let answer = answer.trim();
        let answer = match answer.split_once(['.', ')', ':']) {
            Some((key, rest))
                if key.len() <= 3
                    && key.starts_with(['A', 'a'])
                    && key[1..].chars().all(|c| c.is_ascii_digit()) =>
            {
                rest.trim()
            }
            _ => answer,
        };
        let answer = capitalize(answer);
        // "Yes. The frost has gone by then. Sow in rows.": the answer
        // ("Yes.", "Usually not.") and the sentence that gives its reason,
        // not every sentence after it (one answer a learner can say).
        // (A bare "No." is no abbreviation here: "No. Roses …".)
        let mut sentences = text::sentences(&answer);
        if let Some(rest) = sentences.first().and_then(|f| f.strip_prefix("No. ")) {
            let rest = rest.to_string();
            sentences[0] = rest;
            sentences.insert(0, "No.".to_string());
        }
        let answer = match &sentences[..] {
            [first, second, ..] if words(first) <= 3 => {
                format!(
                    "{} – {}",
                    no_stop(first.trim()),
                    decapitalize(second.trim())
                )
            }
            _ => answer,
        };
        let back = text::trim_answer(&answer, MAX_ANSWER_WORDS).or_else(|| {
            text::sentences(&answer)
                .into_iter()
                .next()
                .and_then(|first| text::trim_answer(&first, MAX_ANSWER_WORDS))
        });
        let Some(back) = back else {
            return;
        };
        let cue = if true_false { question } else { written };
        let draft = Self::draft(CardKind::Basic, Cue::qa(cue), question.to_string(), back);
        self.push(block, line, draft);
    }

    /// A row's name as a question shows it: a name keeps its capitals
    /// ("Lasting Power of Attorney"), a common noun is lowered.
    fn row_name(&self, key: &str) -> String {
        let named = key
            .split_whitespace()
            .skip(1)
            .any(|w| w.starts_with(char::is_uppercase));
        if named {
            key.to_string()
        } else {
            self.shown(key)
        }
    }

    pub(super) fn table(
        &mut self,
        block: &Block,
        header: &[String],
        rows: &[(u32, Vec<String>)],
        lead_in: &str,
    ) {
        // "| Section 2 | Assessment |" under "Mental Health Act sections":
        // each numbered part named with its law ("Section 2 of the Mental
        // Health Act"), or its card would not say which law it is.
        let named_rows: Vec<(u32, Vec<String>)>;
        let rows = match block.section.last().and_then(|h| law_of_parts(h)) {
            Some(law)
                if rows
                    .iter()
                    .all(|(_, r)| r.first().is_some_and(|k| is_numbered_part(k))) =>
            {
                named_rows = rows
                    .iter()
                    .map(|(line, row)| {
                        let mut row = row.clone();
                        row[0] = format!("{} of the {law}", row[0].trim());
                        (*line, row)
                    })
                    .collect();
                &named_rows[..]
            }
            _ => rows,
        };
        // "| Well | Early warning signs | Crisis |" over "| Sees friends |
        // Withdrawing | …": each row is one behaviour through its stages,
        // its first cell a clause ("Attends appointments", "Sleeping and
        // eating normally"), no name a question can ask about.
        let clause = |k: &str| {
            let ws: Vec<&str> = k.split_whitespace().collect();
            ws.len() >= 2 && ws[1..].iter().all(|w| !w.starts_with(char::is_uppercase)) && {
                let first = ws[0].to_lowercase();
                (first.len() > 5 && first.ends_with("ing"))
                    || (first.len() > 3 && first.ends_with('s') && !first.ends_with("ss"))
            }
        };
        if header.len() >= 3
            && rows.len() >= 3
            && rows
                .iter()
                .filter(|(_, r)| r.first().is_some_and(|k| clause(k)))
                .count()
                * 4
                >= rows.len() * 3
        {
            return;
        }
        // Rows keyed by single letters that spell an acronym of the heading
        // or of the line over the table ("S | Surface", "K | Keep moving"
        // under "SSKIN"): the acronym's letters, as a list spelling it
        // would give them.
        let letters: String = rows
            .iter()
            .filter_map(|(_, row)| row.first())
            .map(String::as_str)
            .collect();
        // ("DIG-ME" spells "DIGME"; a heading cased from capitals, "The
        // dig-me checks", too.)
        let spells = |h: &str| {
            h.split(|c: char| !c.is_alphanumeric() && c != '-')
                .any(|w| w.replace('-', "").eq_ignore_ascii_case(&letters))
        };
        let by_letter = rows.len() >= 2
            && rows.iter().all(|(_, row)| {
                row.len() >= 2
                    && row[0].chars().count() == 1
                    && row[0].chars().all(|c| c.is_ascii_uppercase())
                    && !row[1].is_empty()
            });
        let in_heading = block.section.iter().any(|h| spells(h));
        if by_letter && (in_heading || spells(lead_in)) {
            let list = List {
                label: None,
                ordered: false,
                items: rows
                    .iter()
                    .map(|(line, row)| Item {
                        text: row[1].clone(),
                        line: *line,
                        number: None,
                    })
                    .collect(),
                grouped: false,
            };
            let named = (!in_heading).then_some(lead_in);
            // The name as the page spells it: "STOP-LAW", not "STOPLAW".
            let spelled = block
                .section
                .iter()
                .map(String::as_str)
                .chain([lead_in])
                .flat_map(|h| h.split(|c: char| !c.is_alphanumeric() && c != '-'))
                .find(|w| w.contains('-') && w.replace('-', "").eq_ignore_ascii_case(&letters))
                .map_or_else(|| letters.clone(), str::to_uppercase);
            self.acronym_expansion(block, &list, &spelled, named);
            return;
        }
        if self.score_letters(block, header, rows, &letters) {
            return;
        }
        // A comparison: the header names what is compared ("| | Type 1 |
        // Type 2 |"), each row an attribute ("Cause", "How common"); or,
        // under a label ("| Feature | Paper diary | Garden app |"), sides
        // that share a word or a number, names rather than attributes.
        if header.first().is_some_and(|h| h.trim().is_empty())
            && header.len() >= 2
            && header[1..].iter().all(|h| !h.trim().is_empty())
            || names_sides(header)
            // "| Feature | PRN medicine | Homely remedy |": the label of
            // the attributes over the things compared.
            || (3..=4).contains(&header.len())
                && [
                    "feature",
                    "features",
                    "aspect",
                    "point",
                    "characteristic",
                    "compare",
                    "comparison",
                    "difference",
                ]
                .contains(&norm(&header[0]).as_str())
                && header[1..]
                    .iter()
                    .all(|h| (1..=4).contains(&words(h)) && !h.contains('?'))
        {
            self.comparison(block, header, rows);
            return;
        }
        // "| Myth | Reality |": each row is a myth with its truth.
        let first_header = header.first().map(|h| norm(h)).unwrap_or_default();
        if [
            "myth",
            "myths",
            "misconception",
            "misconceptions",
            "common myth",
            "mistake",
        ]
        .contains(&first_header.as_str())
        {
            for (line, row) in rows {
                if let [myth, truth, ..] = &row[..] {
                    let myth = myth.trim_matches(|c: char| c == '"' || c == '“' || c == '”');
                    let item = Item {
                        text: format!("“{myth}” – {truth}"),
                        line: *line,
                        number: None,
                    };
                    self.misconception(block, &item);
                }
            }
            return;
        }
        // "| Plant | Place |" over "| Weak stems, pale leaves | Cold frame,
        // windowsill |": two lists side by side, not rows keyed by their
        // first cell; a card would pair what the page never paired.
        // ("40 or more", "26 or fewer" are values, not lists.)
        let listed = rows
            .iter()
            .filter(|(_, row)| {
                row.first().is_some_and(|k| {
                    let k = k.to_lowercase();
                    let value = [
                        " or more",
                        " or fewer",
                        " or less",
                        " or above",
                        " or below",
                        " or over",
                        " or under",
                        " or higher",
                        " or lower",
                    ]
                    .iter()
                    .any(|v| k.contains(v));
                    k.contains(',') || k.contains(" or ") && !value
                })
            })
            .count();
        // "| Blight | Wilt | Rot |" or "| Physical | Emotional |" over rows
        // of short signs: each column a list under its name, a row pairing
        // what the page never paired ("what is the wilt of yellow
        // leaves?"). The names are the document's terms, or adjectives.
        let adjective = |h: &str| {
            let first = norm(h);
            let first = first.split(' ').next().unwrap_or("").to_string();
            first.len() > 5 && ["al", "ic", "ive"].iter().any(|e| first.ends_with(e))
        };
        let parallel = rows.len() >= 3
            && header.len() >= 2
            && header.iter().all(|h| (1..=4).contains(&words(h)))
            // (All but one of them the document's terms: "| Blight | Wilt |
            // Rot |" when "rot" is only in the title.)
            && (header.iter().all(|h| words(h) <= 2)
                && header
                    .iter()
                    .filter(|h| {
                        let h = norm(h);
                        self.firm_terms.contains(&h) || self.weak_terms.contains(&h)
                    })
                    .count()
                    + 1
                    >= header.len()
                || header.iter().all(|h| adjective(h)))
            && rows
                .iter()
                .all(|(_, row)| row.iter().all(|c| words(c) <= 8));
        if parallel || rows.len() >= 3 && listed * 2 >= rows.len() {
            for (line, row) in rows {
                self.in_passing(block, &row.join(" — "), *line);
            }
            return;
        }
        // What the table is about, once for all its rows.
        let table_subject = self.table_subject(block, lead_in);
        for (line, row) in rows {
            let Some(key) = row.first().filter(|k| !k.is_empty()) else {
                continue;
            };
            // "| Type | …" over "| 1 | …" rows: "Type 1"; over "| Bulk-forming
            // | …" under "Laxatives": "Bulk-forming laxative".
            let kind_column = header.first().is_some_and(|h| {
                [
                    "type", "kind", "class", "group", "category", "stage", "grade", "level",
                ]
                .contains(&h.trim().to_lowercase().as_str())
            });
            // (Not a question's last word: "What is it all about?".)
            let heading_noun = block
                .section
                .last()
                // (Nor a question without its mark: "What the numbers mean".)
                .filter(|h| {
                    !h.trim_end().ends_with('?')
                        && !["what", "how", "why", "when", "which", "who"].contains(
                            &text::strip_outline_number(h)
                                .split_whitespace()
                                .find(|w| w.chars().any(char::is_alphabetic))
                                .unwrap_or("")
                                .to_lowercase()
                                .as_str(),
                        )
                })
                .and_then(|h| h.split_whitespace().last())
                .map(|w| crate::compile::text::singular(&w.to_lowercase()))
                .filter(|w| {
                    w.len() > 3
                        && w.chars().all(char::is_alphabetic)
                        && ![
                            "about", "with", "from", "into", "after", "before", "over", "table",
                            "chart", "summary", "overview", "list", "guide", "grid",
                            // "Laxatives – how they work": a verb.
                            "work", "help", "used", "mean", "does",
                            // "Pests at a glance": no kind of thing.
                            "glance", "brief", "nutshell", "compared",
                        ]
                        .contains(&w.as_str())
                });
            let named;
            // ("| Stage | … |" over "| III | … |": a Roman numeral is a number.)
            let roman = key.len() <= 4 && key.chars().all(|c| "IVX".contains(c));
            let key = if kind_column && (key.chars().all(|c| c.is_ascii_digit()) || roman) {
                named = format!("{} {key}", header[0].trim());
                &named
            } else if kind_column
                && let Some(noun) = &heading_noun
                && !key.to_lowercase().contains(noun.as_str())
                && words(key) <= 2
            {
                named = format!("{key} {noun}");
                &named
            } else if kind_column
                && heading_noun.is_none()
                && words(key) == 1
                && !key.chars().any(|c| c.is_ascii_digit())
            {
                // "| Stage | …" over "| Early | …": "Early stage".
                named = format!("{key} {}", header[0].trim().to_lowercase());
                &named
            } else {
                key
            };
            // "| RHS | Royal Horticultural Society |": an acronym and its
            // words, asked as an acronym (and only so, when that is all the
            // row says).
            if let Some(cell) = row.get(1)
                && let Some((acronym, expansion)) = acronym_of_term(key, cell)
            {
                self.acronym_card(block, *line, &acronym, &expansion);
                if words(cell) == words(&expansion) {
                    continue;
                }
            }
            // A row keyed by a value ("140/90 or higher", "5–6") under a
            // column naming what is measured: asked what the value means or
            // what to do about it, the measure named ("a blood pressure
            // reading of 140/90 or higher").
            if !kind_column && let Some(subject) = self.value_subject(key, header, block) {
                // A meaning and its action in one row ("Risk of flooding" |
                // "Clear the drain"): one card, the action after the meaning.
                let column_of = |wanted: &dyn Fn(&str) -> bool| {
                    (1..row.len()).find(|&j| {
                        header
                            .get(j)
                            .is_some_and(|h| wanted(&h.trim().to_lowercase()))
                            && !row[j].trim().is_empty()
                    })
                };
                let meaning = column_of(&|h: &str| {
                    [
                        "what it means",
                        "meaning",
                        "what this means",
                        "interpretation",
                    ]
                    .contains(&h)
                });
                let action = column_of(&|h: &str| is_action_header(h));
                if let (Some(m), Some(a)) = (meaning, action) {
                    let back = format!(
                        "{} – {}",
                        no_stop(row[m].trim()),
                        decapitalize(row[a].trim())
                    );
                    if let Some(back) = text::trim_answer(&back, MAX_ANSWER_WORDS) {
                        let does = if subject.starts_with("a ") || subject.starts_with("an ") {
                            "does"
                        } else {
                            "do"
                        };
                        let front = self.in_topic(&format!("what {does} {subject} mean?"));
                        let cue = Cue::table(key, header.get(m).map(String::as_str));
                        self.push(block, *line, Self::draft(CardKind::Basic, cue, front, back));
                    }
                    self.in_passing(block, &row.join(" — "), *line);
                    continue;
                }
                for (j, cell) in row.iter().enumerate().skip(1) {
                    let Some(h) = header.get(j).map(|h| h.trim().to_lowercase()) else {
                        continue;
                    };
                    let front = if [
                        "what it means",
                        "meaning",
                        "what this means",
                        "interpretation",
                    ]
                    .contains(&h.as_str())
                    {
                        let does = if subject.starts_with("a ") || subject.starts_with("an ") {
                            "does"
                        } else {
                            "do"
                        };
                        self.in_topic(&format!("what {does} {subject} mean?"))
                    } else if is_action_header(&h) {
                        self.in_topic(&format!("what should you do about {subject}?"))
                    } else {
                        continue;
                    };
                    if let Some(back) =
                        text::trim_answer(cell, MAX_ANSWER_WORDS).filter(|_| words(cell) >= 1)
                    {
                        let cue = Cue::table(key, header.get(j).map(String::as_str));
                        self.push(block, *line, Self::draft(CardKind::Basic, cue, front, back));
                    }
                }
                self.in_passing(block, &row.join(" — "), *line);
                continue;
            }
            // A row keyed by a number or a range ("1–4") has no subject: a
            // front "1–4: rating?" is a fragment.
            // Nor does a row keyed by a description (a comparison table's
            // "In skin folds, groin …"): its cells answer no question.
            if !key.chars().any(char::is_alphabetic) || words(key) > 12 || key.contains(',') {
                self.in_passing(block, &row.join(" — "), *line);
                continue;
            }
            // A law in the first column: the cell says what it does, or
            // what it means for the subject.
            if laws_in(key).len() == 1
                && !header
                    .get(1)
                    .is_some_and(|h| h.to_lowercase().starts_with("what it "))
                && let Some(cell) = row.get(1).filter(|c| words(c) >= 3)
                && let Some(back) = text::trim_answer(cell, MAX_ANSWER_WORDS)
            {
                self.law_card(block, *line, key, back);
                self.in_passing(block, &row.join(" — "), *line);
                continue;
            }
            // "| G3 | 30–44 | Much reduced |" under "| Stage | Score |
            // Meaning |": the meaning with its value, one card a row ("Much
            // reduced (score 30–44)"), not one card a cell.
            let meaning_column = header.iter().position(|h| {
                ["meaning", "definition", "description", "what it means"]
                    .contains(&norm(h).as_str())
            });
            let value_columns: Vec<usize> = (1..row.len())
                .filter(|&j| {
                    Some(j) != meaning_column
                        && words(&row[j]) <= 4
                        && row[j].chars().any(|c| c.is_ascii_digit())
                        && header.get(j).is_some_and(|h| !h.trim().is_empty())
                })
                .collect();
            let with_values = meaning_column
                .filter(|_| !value_columns.is_empty())
                .map(|m| {
                    let values: Vec<String> = value_columns
                        .iter()
                        .map(|&j| {
                            let name = header[j].split(" (").next().unwrap_or(&header[j]).trim();
                            format!("{name} {}", row[j].trim())
                        })
                        .collect();
                    (m, values.join(", "))
                });
            for (j, cell) in row.iter().enumerate().skip(1) {
                if with_values.is_some() && value_columns.contains(&j) {
                    continue;
                }
                // "| Fracture | Usual operation | What it means |": a meaning
                // after a column of names means the name just before it
                // ("what is hemiarthroplasty?"), not the row's key.
                if with_values.is_none()
                    && meaning_column == Some(j)
                    && j == 2
                    && header.get(1).is_some_and(|h| {
                        let h = h.to_lowercase();
                        !["when", "how", "why", "what", "in "]
                            .iter()
                            .any(|w| h.starts_with(w))
                    })
                    && let Some(name) = row.get(j - 1).map(|n| n.trim())
                    && (1..=5).contains(&words(name))
                    && words(cell) >= 2
                    && let Some(back) = text::trim_answer(cell, MAX_ANSWER_WORDS)
                {
                    let head = name.split(" (").next().unwrap_or(name);
                    let be = if is_plural(head) { "are" } else { "is" };
                    let asked = format!("what {be} {}?", self.shown(name));
                    // "| Level | Name | Description |": a name in the
                    // heading's scheme ("In grades of compost, what is
                    // fine?"), no term of the whole topic.
                    let front = match block.section.last() {
                        Some(heading) if kind_column => format!(
                            "In {}, {asked}",
                            self.shown(text::strip_outline_number(heading))
                        ),
                        _ => self.in_topic(&asked),
                    };
                    let cue = Cue::term(name);
                    self.push(
                        block,
                        *line,
                        Self::draft(CardKind::Definition, cue, front, back),
                    );
                    continue;
                }
                let valued;
                let cell = match &with_values {
                    Some((m, values)) if *m == j && !cell.is_empty() => {
                        valued = format!("{} ({values})", no_stop(cell.trim()));
                        &valued
                    }
                    _ => cell,
                };
                // "| Pest | First choice | Dose |": the dose is the first
                // choice's, asked with it ("Soap spray – 5 ml a litre"), not
                // of the row ("the dose of aphids").
                let detail = |k: usize| {
                    header.get(k).is_some_and(|h| {
                        [
                            "dose",
                            "doses",
                            "dosage",
                            "dose and length",
                            "dose and duration",
                            "how long",
                            "duration",
                            "strength",
                        ]
                        .contains(&norm(h).as_str())
                    }) && row.get(k).is_some_and(|c| !c.trim().is_empty())
                };
                let named = |k: usize| (1..=4).contains(&words(&row[k]));
                if j >= 2 && detail(j) && named(j - 1) {
                    continue;
                }
                let with_detail;
                let cell = if detail(j + 1) && named(j) {
                    with_detail = format!(
                        "{} – {}",
                        no_stop(cell.trim()),
                        decapitalize(row[j + 1].trim())
                    );
                    &with_detail
                } else {
                    cell
                };
                let column = header.get(j).filter(|h| !h.is_empty());
                // "| Early signs | Later signs |": two lists side by side,
                // no row an attribute of its first cell.
                let last_word = |h: &str| text::norm(h).rsplit(' ').next().map(str::to_string);
                if column.is_some_and(|h| {
                    words(h) >= 2 && header.first().and_then(|f| last_word(f)) == last_word(h)
                }) {
                    continue;
                }
                // "Approx volume": a figure the page says to check locally.
                if column.is_some_and(|h| {
                    let h = h.to_lowercase();
                    h.starts_with("approx")
                        || ["typical use", "typical value"].contains(&h.as_str())
                }) {
                    continue;
                }
                // "| Starts | Peaks | Lasts |": a verb, whatever its cells.
                if column.is_some_and(|h| {
                    [
                        "starts", "peaks", "lasts", "begins", "ends", "works", "acts", "onset",
                    ]
                    .contains(&norm(h).as_str())
                }) {
                    continue;
                }
                // "| Starts | Peaks | Lasts |" over "10–20 min": a time under
                // a verb reads as "what are the starts of …?".
                if column.is_some_and(|h| words(h) == 1 && h.ends_with('s') && !h.ends_with("ss"))
                    && {
                        let lower = cell.trim().to_lowercase();
                        let value = ["up to ", "about ", "around ", "within "]
                            .iter()
                            .fold(lower.as_str(), |v, p| v.strip_prefix(p).unwrap_or(v));
                        value.starts_with(|c: char| c.is_ascii_digit()) && words(cell) <= 6
                    }
                {
                    continue;
                }
                // An example column has many right answers; a one-word cell
                // ("Sight – seeing") says the key again.
                if cell.is_empty()
                    || words(cell) < 2
                    || column.is_some_and(|h| h.to_lowercase().contains("example"))
                {
                    continue;
                }
                // An open set ("Kinked tube, bag above bladder, constipation,
                // low fluid intake") has no one answer.
                let parts: Vec<&str> = cell.split([',', ';']).map(str::trim).collect();
                let open_set = parts.len() >= 3
                    && parts.iter().all(|p| words(p) <= 4)
                    && column.is_some_and(|h| is_noun_header(h) && !is_action_header(h));
                if open_set {
                    continue;
                }
                let front = match column {
                    // "Contrast with..." over "| Paths | Lawn and borders |": a
                    // sentence the row's key begins ("what should the paths
                    // contrast with?"); "None (match the fence)" asks
                    // nothing.
                    Some(h) if h.trim_end().ends_with("...") || h.trim_end().ends_with('…') => {
                        let stem = h
                            .trim_end()
                            .trim_end_matches(['.', '…'])
                            .trim()
                            .to_lowercase();
                        let first = stem.split(' ').next().unwrap_or("");
                        // (A verb in the base form only: "Scores 1 point
                        // if…" is said of the row, no instruction.)
                        if norm(cell).starts_with("none")
                            || words(&stem) > 3
                            || stem.chars().any(|c| c.is_ascii_digit())
                            || first.ends_with('s') && !first.ends_with("ss")
                            || [
                                "what", "how", "why", "when", "who", "which", "where", "is", "are",
                            ]
                            .contains(&first)
                        {
                            continue;
                        }
                        self.in_topic(&format!(
                            "what should the {} {stem}?",
                            lower_title(&self.shown(key))
                        ))
                    }
                    // "What it covers" → "What does the Misuse of Drugs Act cover?"
                    // "What it is" → "What is an advance statement?"
                    Some(h) if ["what it is", "what they are"].contains(&norm(h).as_str()) => {
                        let head = key.split(" (").next().unwrap_or(key);
                        let be = if is_plural(head) && words(head) <= 3 {
                            "are"
                        } else {
                            "is"
                        };
                        let shown = self.row_name(key);
                        // ("what is an advance statement?": a row of the
                        // table is one of its kind.)
                        let shown = if be == "is" {
                            with_indefinite(&shown)
                        } else {
                            shown
                        };
                        self.in_topic(&format!("what {be} {shown}?"))
                    }
                    // "| Outcome | Legally binding? |": "Is an advance
                    // statement legally binding?"; "Who can make it" → "Who
                    // can make an advance statement?"
                    Some(h) if asks_of_row(h).is_some() => {
                        let shown = self.row_name(key);
                        let head = key.split(" (").next().unwrap_or(key);
                        let plural = is_plural(head) && words(head) <= 3;
                        // (A name takes no article: "Hepatitis B".)
                        let lettered = shown.split_whitespace().last().is_some_and(|w| {
                            w.len() == 1 && w.chars().all(|c| c.is_ascii_uppercase())
                        });
                        let thing = if plural || lettered {
                            shown
                        } else {
                            with_indefinite(&shown)
                        };
                        let asked = asks_of_row(h).expect("checked in the guard");
                        let be = if plural { "are" } else { "is" };
                        self.in_topic(&asked.replace("{be}", be).replace("{}", &thing))
                    }
                    Some(h) if h.to_lowercase().starts_with("what it ") => {
                        // The verb is the first word ("means for …" →
                        // "mean for …").
                        let verb = singular_verb(&h[8..].trim().to_lowercase());
                        // ("Code of Practice on …", "Resuscitation Council
                        // UK": a name keeps its capitals.)
                        let named = key
                            .split_whitespace()
                            .skip(1)
                            .any(|w| w.starts_with(char::is_uppercase));
                        let shown = self.shown(key);
                        let key = if named { key } else { shown.as_str() };
                        // "What do seaweed extracts do?": the verb agrees with
                        // the key before any bracket.
                        // (A name of more words, "Code of Practice on …
                        // pests", is one thing.)
                        let head = key.split(" (").next().unwrap_or(key);
                        // (A law is one thing, unless it is "Regulations":
                        // "the Employment Relations Act 2023 does …".)
                        let plural = if !laws_in(key).is_empty() || ACT.is_match(key) {
                            key.split_whitespace()
                                .rfind(|w| !w.chars().all(|c| c.is_ascii_digit()))
                                .is_some_and(|w| ["Regulations", "Rules"].contains(&w))
                        } else {
                            is_plural(head) && words(head) <= 3 && !head.contains(" of ")
                        };
                        let does = if plural { "do" } else { "does" };
                        // "What does the Care Act 2014 (section 42) mean …?"
                        let the = if (!laws_in(key).is_empty() || ACT.is_match(key))
                            && !key.starts_with("The ")
                        {
                            "the "
                        } else {
                            ""
                        };
                        // "What it might look like" → "What might X look
                        // like?": a modal takes the place of "does".
                        let verb = verb.trim().to_lowercase();
                        // "UN CRPD (ratified by the UK in 2009)": the name
                        // without its aside.
                        let key = match key.rsplit_once(" (") {
                            // (A part of it stays: "(sections 1 and 2)".)
                            Some((head, aside))
                                if aside.ends_with(')')
                                    && words(aside) >= 3
                                    && ![
                                        "section",
                                        "regulation",
                                        "part",
                                        "article",
                                        "schedule",
                                    ]
                                    .iter()
                                    .any(|p| aside.to_lowercase().starts_with(p)) =>
                            {
                                head
                            }
                            _ => key,
                        };
                        let asked = match verb.split_once(' ') {
                            Some((modal, rest))
                                if [
                                    "might", "may", "could", "can", "should", "would", "will",
                                    "must",
                                ]
                                .contains(&modal) =>
                            {
                                format!("what {modal} {the}{key} {rest}?")
                            }
                            _ => format!("what {does} {the}{key} {verb}?"),
                        };
                        // "What does the Equality Act 2010 mean for deaf
                        // people in care?" names its law and its subject:
                        // no topic before it.
                        // (Not for anyone at all: "… mean for care
                        // workers?" needs the topic.)
                        let law = !laws_in(key).is_empty() || ACT.is_match(key);
                        let subject = verb.split_once(" for ").map(|(_, who)| who.trim());
                        let generic = subject.is_none_or(|who| {
                            [
                                "care workers",
                                "staff",
                                "carers",
                                "you",
                                "employers",
                                "workers",
                            ]
                            .contains(&who)
                        });
                        if law && !generic {
                            capitalize(&asked)
                        } else {
                            self.in_topic(&asked)
                        }
                    }
                    // "How it works" → "How does the Braden scale work?"
                    Some(h) if h.to_lowercase().starts_with("how it ") => {
                        let verb = singular_verb(h[7..].trim());
                        // "How do beta-blockers work?"
                        let head = key.split(" (").next().unwrap_or(key);
                        let plural = is_plural(head) && words(head) <= 3 && !head.contains(" of ");
                        let does = if plural { "do" } else { "does" };
                        let key = self.shown(key);
                        self.in_topic(&format!("how {does} {key} {}?", verb.to_lowercase()))
                    }
                    // "What the score means" → "What does the Waterlow score mean?"
                    Some(h) if h.to_lowercase().starts_with("what the ") => {
                        let rest = h[9..].trim();
                        let Some((noun, verb)) = rest.rsplit_once(' ') else {
                            continue;
                        };
                        // "What the person may manage": a hedge on what
                        // anyone in the row might do, no fact of it.
                        if noun.split_whitespace().any(|w| {
                            [
                                "may", "might", "can", "could", "should", "will", "would", "must",
                            ]
                            .contains(&w.to_lowercase().as_str())
                        }) {
                            continue;
                        }
                        let verb = singular_verb(verb);
                        self.in_topic(&format!(
                            "what does the {key} {} {}?",
                            noun.to_lowercase(),
                            verb.to_lowercase()
                        ))
                    }
                    // "Meaning" → "What is meant by X?"
                    // "Type 1" and the like take the table's heading ("In
                    // ISTAP, what is type 1?").
                    Some(h)
                        if ["meaning", "definition", "description", "name"]
                            .contains(&h.to_lowercase().trim()) =>
                    {
                        let kinds = [
                            "type", "category", "stage", "level", "grade", "class", "step", "phase",
                        ];
                        let mut parts = key.split_whitespace();
                        let numbered = key.split_whitespace().count() == 2
                            && kinds.contains(&parts.next().unwrap_or("").to_lowercase().as_str());
                        match block.section.last() {
                            Some(heading) if numbered => format!(
                                "In {}, what is {}?",
                                self.heading_shown(heading),
                                lower_first_word(key)
                            ),
                            // "| Code | Meaning |" over "| B | Nausea |":
                            // "what does code B mean?"
                            _ if key.chars().count() <= 2
                                && header.first().is_some_and(|h| {
                                    text::words(h) == 1 && h.chars().all(char::is_alphabetic)
                                }) =>
                            {
                                self.in_topic(&format!(
                                    "what does {} {key} mean?",
                                    header[0].trim().to_lowercase()
                                ))
                            }
                            _ => self.in_topic(&format!("what is meant by {key}?")),
                        }
                    }
                    // "What to do" → "What should you do about a blocked drain?"
                    // "| When | What to do |" over "| After every use | Wash
                    // … |": "what should you do after every use?"; a row
                    // that names no time ("As instructed") asks nothing.
                    Some(h)
                        if is_action_header(h)
                            && header.first().is_some_and(|f| {
                                ["when", "how often", "frequency", "timing"]
                                    .contains(&norm(f).as_str())
                            }) =>
                    {
                        let when = key.trim().to_lowercase();
                        let timed = [
                            "after", "before", "every", "each", "daily", "weekly", "monthly",
                            "yearly", "annually", "once", "twice", "during", "at ", "on ",
                            "within",
                        ]
                        .iter()
                        .any(|t| when.starts_with(t));
                        if !timed {
                            continue;
                        }
                        self.in_topic(&format!("what should you do {when}?"))
                    }
                    Some(h) if is_action_header(h) => {
                        self.in_topic(&format!("what should you do about {}?", lower_title(key)))
                    }
                    // "| Medicine | Group |": "which group does salbutamol
                    // belong to?"
                    Some(h)
                        if [
                            "group",
                            "class",
                            "category",
                            "family",
                            "drug group",
                            "drug class",
                        ]
                        .contains(&norm(h).as_str()) =>
                    {
                        self.in_topic(&format!("which {} does {key} belong to?", norm(h)))
                    }
                    // "When to use it" → "When should you use X?"
                    Some(h)
                        if ["when to ", "how to ", "why to "]
                            .iter()
                            .any(|w| h.to_lowercase().starts_with(w)) =>
                    {
                        let lower = h.to_lowercase();
                        let (wh, rest) = lower.split_once(" to ").expect("checked above");
                        let rest = match rest.strip_suffix(" it") {
                            Some(verb) => format!("{verb} {key}"),
                            None => format!("{rest} for {key}"),
                        };
                        self.in_topic(&format!("{wh} should you {rest}?"))
                    }
                    // "| Result | Means |": "What does a positive balance
                    // mean?"; "| Level | Shows |": "What does a basic check
                    // show?"
                    Some(h)
                        if [
                            "means", "shows", "covers", "includes", "involves", "measures",
                            "requires", "allows", "causes", "treats", "prevents", "checks",
                            "contains",
                        ]
                        .contains(&norm(h).as_str()) =>
                    {
                        let verb = singular_verb(&norm(h));
                        self.in_topic(&format!("what does {} {verb}?", lower_title(key)))
                    }
                    // "Looks like" → "What does type 5 look like?"
                    Some(h)
                        if words(h) == 2
                            && norm(h).ends_with(" like")
                            && norm(h).split(' ').next().is_some_and(|v| v.ends_with('s')) =>
                    {
                        let verb = singular_verb(&norm(h));
                        self.in_topic(&format!("what does {} {verb}?", lower_title(key)))
                    }
                    // A column named by a noun ("Signs", "Main cause"):
                    // "What are the signs of X?"
                    Some(h) if is_noun_header(h) => {
                        let noun = lower_title(h);
                        let be = if noun.ends_with('s') && !noun.ends_with("ss") {
                            "are"
                        } else {
                            "is"
                        };
                        // "| Barrier | Strategy |" over "| Staff lack
                        // confidence | Training |": the strategy for a
                        // barrier, not "the strategy of staff lack confidence".
                        let problem = header.first().map(|f| norm(f)).filter(|f| {
                            [
                                "barrier",
                                "problem",
                                "issue",
                                "challenge",
                                "difficulty",
                                "risk",
                                "hazard",
                                "situation",
                                "concern",
                            ]
                            .contains(&f.as_str())
                        });
                        // (Only for a remedy: "the possible causes of moss"
                        // stay as they are.)
                        let remedy = [
                            "strategy",
                            "strategies",
                            "solution",
                            "solutions",
                            "remedy",
                            "control",
                            "controls",
                            "response",
                        ]
                        .contains(&norm(h).as_str());
                        // Asked in plain words: "how can the barrier
                        // “Staff lack confidence” be overcome?"
                        match problem.filter(|_| remedy) {
                            Some(kind) => {
                                let done = match kind.as_str() {
                                    "risk" | "hazard" => "controlled",
                                    "problem" | "issue" | "concern" => "dealt with",
                                    "situation" => "handled",
                                    _ => "overcome",
                                };
                                self.in_topic(&format!(
                                    "how can the {kind} “{}” be {done}?",
                                    key.trim()
                                ))
                            }
                            // "| What | Number |" over "| Fill laundry bags
                            // | No more than two-thirds full |": the figure
                            // to know for it; a law's "key number" (its
                            // section, its date) is the law's own card.
                            None if [
                                "number",
                                "key number",
                                "figure",
                                "key figure",
                                "guide figure",
                                "typical figure",
                                "value",
                                "guide value",
                                "typical value",
                            ]
                            .contains(&norm(h).as_str()) =>
                            {
                                // ("… Regs 1999": a name with its year.)
                                let dated = key
                                    .split_whitespace()
                                    .any(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()));
                                if !laws_in(key).is_empty() || ACT.is_match(key) || dated {
                                    continue;
                                }
                                self.in_topic(&format!(
                                    "what is the figure to know for “{}”?",
                                    key.trim()
                                ))
                            }
                            None => {
                                // "Bag (typical)": the noun without its aside.
                                let noun = noun.split(" (").next().unwrap_or(&noun).trim();
                                // "| Ingredient | Amount |" over "| Bone meal |
                                // 2 handfuls |": a row the document names only
                                // in its table, under a column any row could
                                // have, asks the table's shorthand ("what is
                                // the amount of bone meal?"). Asked are rows
                                // the document names as its terms or names,
                                // numbered kinds in a kind column ("Type 2",
                                // "Class II", "Stage 1 hypertension"; a code,
                                // "C4", is no kind), and properties worth
                                // knowing of anything the row names (its
                                // treatment, its cause).
                                let numbered = row[0].split_whitespace().any(|k| {
                                    k.chars().all(|c| c.is_ascii_digit())
                                        || k.len() <= 4 && k.chars().all(|c| "IVX".contains(c))
                                });
                                let worth_asking = kind_column && numbered
                                    || self.named_row(key)
                                    || is_property_column(noun);
                                if !worth_asking {
                                    continue;
                                }
                                // "Depth" under the caption "Planting depths
                                // (…)": the caption's fuller name.
                                let fuller = caption_noun(lead_in, noun).or_else(|| {
                                    block.section.last().and_then(|h| caption_noun(h, noun))
                                });
                                // "| Situation | First choice |" over "| Wet
                                // summer | … |": the choice for a wet
                                // summer, not "of" it.
                                let situation = header.first().is_some_and(|f| {
                                    [
                                        "situation",
                                        "situations",
                                        "circumstance",
                                        "circumstances",
                                        "scenario",
                                        "condition",
                                        "case",
                                        "if",
                                        "when",
                                    ]
                                    .contains(&norm(f).as_str())
                                });
                                let of = if fuller.is_some() || situation {
                                    "for"
                                } else {
                                    "of"
                                };
                                let noun = fuller.as_deref().unwrap_or(noun);
                                let key = if situation {
                                    lower_title(&self.shown(key))
                                } else {
                                    self.shown(key)
                                };
                                let asked = format!("what {be} the {noun} {of} {key}?");
                                // (A caption the column's name holds leads
                                // nothing: "the guideline noise level".)
                                let subject = table_subject
                                    .clone()
                                    .filter(|_| fuller.is_none())
                                    .filter(|s| {
                                        let s = norm(s);
                                        !noun.split_whitespace().any(|w| {
                                            let w = text::singular(&w.to_lowercase());
                                            s.split(' ').any(|h| text::singular(h) == w)
                                        })
                                    });
                                match subject {
                                    Some(subject) => format!("In {subject}, {asked}"),
                                    None => self.in_topic(&asked),
                                }
                            }
                        }
                    }
                    // Any other column ("In practice", "Stands for") would
                    // give a fragment front ("K: in practice?").
                    _ => continue,
                };
                // "Or at intervals set by a scheme" goes on from the row
                // above; "After that" points at it.
                if cell.trim_start().starts_with("Or ")
                    || ["after that", "after this", "then", "thereafter"]
                        .contains(&norm(&row[0]).as_str())
                {
                    continue;
                }
                let Some(back) = text::trim_answer(cell, MAX_ANSWER_WORDS) else {
                    continue;
                };
                // "Type 1" is a type of what its heading names: "In the
                // Bristol stool chart (BSC), what does type 1 look like?"
                // "Class 1" under the caption "UK hosiery classes (British
                // Standard)": a class of what the caption names.
                let is_caption =
                    |c: &str| (2..=10).contains(&words(c)) && !c.ends_with(['.', ':', '?', '!']);
                // (A heading that kept its capitals, "Compression Classes
                // (British Standard)", is shown as written; one cased from
                // capitals would lose its acronyms.)
                // (One cased by the page, "Fenn scale", shown with the
                // names the document capitalises.)
                let caption = match lead_in.trim() {
                    lead if is_caption(lead) => lead.to_string(),
                    _ => block
                        .section
                        .last()
                        .map(|h| {
                            let name = text::heading_name(h);
                            if name.chars().skip(1).any(char::is_lowercase)
                                && name.chars().skip(1).any(char::is_uppercase)
                            {
                                name.to_string()
                            } else {
                                self.heading_shown(h)
                            }
                        })
                        .unwrap_or_default(),
                };
                let caption = caption.as_str();
                // ("Class 2", "Class II".)
                let number = |n: &str| {
                    n.chars().all(|c| c.is_ascii_digit())
                        || n.len() <= 4 && n.chars().all(|c| "IVX".contains(c))
                };
                let numbered_kind = kind_column
                    && row[0].split_whitespace().count() == 2
                    && row[0].split_whitespace().nth(1).is_some_and(number);
                let front = match block.section.last() {
                    _ if numbered_kind && is_caption(caption) => {
                        let rest = front
                            .split_once(", ")
                            .filter(|(lead, _)| lead.starts_with("In "))
                            .map_or(front.as_str(), |(_, r)| r);
                        let caption = ["The ", "A "]
                            .iter()
                            .find_map(|a| caption.strip_prefix(a).map(|r| format!("the {r}")))
                            .unwrap_or_else(|| caption.to_string());
                        format!("In {caption}, {}", decapitalize(rest))
                    }
                    Some(heading) if kind_column && number(row[0].trim()) => {
                        let rest = front
                            .split_once(", ")
                            .filter(|(lead, _)| lead.starts_with("In "))
                            .map_or(front.as_str(), |(_, r)| r);
                        format!("In {}, {}", self.heading_shown(heading), decapitalize(rest))
                    }
                    _ => front,
                };
                let cue = Cue::table(key, column.map(String::as_str));
                self.push(block, *line, Self::draft(CardKind::Basic, cue, front, back));
            }
            self.in_passing(block, &row.join(" — "), *line);
        }
    }
}

impl Extractor {
    /// Whether a table's row key names something the document names
    /// elsewhere: one of its terms, or a name it capitalises ("Bone meal"
    /// defined in the text; "Sutton Hoo" written as a name).
    fn named_row(&self, key: &str) -> bool {
        let key = norm(key.split(" (").next().unwrap_or(key));
        self.firm_terms.contains(&key)
            || self.weak_terms.contains(&key)
            || !key.is_empty() && self.proper.contains(&key)
    }

    /// What a table is about, when its caption or heading names it in two
    /// to six words ("Fungal diseases of roses", "Hardy shrubs (RHS H4)"):
    /// a lead for its rows' questions. `None` for a question, an action, a
    /// label of the page ("At a glance", "Key numbers") or a kind of
    /// content ("Types of rose", "Common problems").
    fn table_subject(&self, block: &Block, lead_in: &str) -> Option<String> {
        let lead = lead_in.trim();
        let caption = if (2..=6).contains(&words(lead)) && !lead.ends_with(['.', ':', '!']) {
            lead
        } else {
            block.section.last()?.as_str()
        };
        let name = text::heading_name(caption.trim_start_matches(|c: char| !c.is_alphanumeric()));
        let plain = norm(name);
        let first = plain.split(' ').next().unwrap_or("");
        // "Measuring for boots" names an action; "Pests to watch for" a
        // purpose; "Strengths (potency)" one word with its aside.
        let head = name.split(" (").next().unwrap_or(name);
        if first.len() > 4 && first.ends_with("ing") || plain.contains(" to ") || words(head) < 2 {
            return None;
        }
        // A label of the page, anywhere in it; a kind of content, first.
        let page = [
            "glance",
            "summary",
            "overview",
            "quick",
            "table",
            "comparison",
            "compared",
            "reference",
            "facts",
            "figures",
            "numbers",
            "checklist",
            "tips",
            "advice",
        ];
        let kind = [
            "key",
            "guide",
            "types",
            "kinds",
            "common",
            "main",
            "treatment",
            "treatments",
            "options",
            "examples",
            "more",
            "other",
            "useful",
            "important",
            "things",
            "points",
            "what",
            "how",
            "why",
            "when",
            "who",
            "which",
            "where",
            "your",
            "our",
            "this",
            "a",
            "an",
            "at",
            "in",
            "on",
            "causes",
            "risk",
            "risks",
            "factors",
            "signs",
            "symptoms",
            "side",
            "problems",
        ];
        if !(2..=6).contains(&words(name))
            || name.contains(['?', ':', '–', '—', '|', '/'])
            || name.contains(" - ")
            || name.ends_with('.')
            || plain.split(' ').any(|w| page.contains(&w))
            || kind.contains(&first)
            || is_not_subject(caption)
        {
            return None;
        }
        Some(self.heading_shown(name))
    }

    /// What a table row keyed by a value is a value of: "a blood pressure
    /// reading of 140/90 mmHg or higher" (the column "Reading" under the
    /// heading "Blood pressure"), "a NEWS2 of 5–6". `None` when the key is
    /// no value or the column names nothing.
    fn value_subject(&self, key: &str, header: &[String], block: &Block) -> Option<String> {
        let lower = key.to_lowercase();
        let number = [
            "below ",
            "above ",
            "under ",
            "over ",
            "less than ",
            "more than ",
            "up to ",
        ]
        .iter()
        .find_map(|p| lower.strip_prefix(p))
        .unwrap_or(&lower);
        // "-2.5 or below", "< 4", "≥ 7": a sign before the number.
        const SIGNS: [char; 8] = ['-', '−', '–', '+', '<', '>', '≤', '≥'];
        let number = number.trim_start_matches(SIGNS).trim_start();
        if !number.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let column = header
            .first()
            .map(|h| h.trim())
            .filter(|h| !h.is_empty() && words(h) <= 3)?;
        let measure = [
            "reading", "score", "result", "level", "value", "range", "total", "number",
        ];
        let what = if measure.contains(&column.to_lowercase().as_str()) {
            match block.section.last() {
                Some(h) if words(text::strip_outline_number(h)) <= 4 => format!(
                    "{} {}",
                    lower_title(text::strip_outline_number(h)),
                    column.to_lowercase()
                ),
                _ => column.to_lowercase(),
            }
        } else {
            self.shown(column)
        };
        let key = if key.starts_with(|c: char| c.is_ascii_digit() || SIGNS.contains(&c)) {
            key.to_string()
        } else {
            decapitalize(key)
        };
        // "Blood ketones" reads "blood ketones of 3.0 or above", without an
        // article; "a reading of 4 – 7".
        // (An acronym keeps its capitals: "CAG repeats".)
        let acronym = what
            .split_whitespace()
            .next()
            .is_some_and(|w| w.chars().filter(|c| c.is_uppercase()).count() >= 2);
        let what = if !acronym
            && what
                .split_whitespace()
                .skip(1)
                .all(|w| w.starts_with(char::is_lowercase))
        {
            decapitalize(&what)
        } else {
            what
        };
        if is_plural(what.split(" (").next().unwrap_or(&what)) {
            Some(format!("{what} of {key}"))
        } else if what.starts_with(['a', 'e', 'i', 'o']) {
            Some(format!("an {what} of {key}"))
        } else {
            Some(format!("a {what} of {key}"))
        }
    }

    /// One card per cell of a comparison table: "What is the cause of
    /// type 1?", "How common is type 1?", "Is type 2 preventable?".
    fn comparison(&mut self, block: &Block, header: &[String], rows: &[(u32, Vec<String>)]) {
        for (line, row) in rows {
            let Some(attribute) = row.first().map(|a| a.trim()).filter(|a| !a.is_empty()) else {
                continue;
            };
            // "Example use", "Typical example": many right answers;
            // "Recorded": a word of the table's shorthand, no question.
            let attr_lower = attribute.to_lowercase();
            if attr_lower.contains("example")
                || !attr_lower.contains(' ') && attr_lower.ends_with("ed")
            {
                continue;
            }
            // Two or three things side by side: one card asks how they
            // differ on the row, with every side on the back (a card per
            // cell asked "what is the rash of chickenpox?" and its mirror;
            // reviewers of rounds 21 to 33 kept 7 of 60 such cards). Three
            // side by side ask nothing (kept none of 15 in rounds to 61).
            if (3..=4).contains(&header.len()) {
                self.contrast(block, *line, header, attribute, &row[1..]);
                self.in_passing(block, &row.join(" — "), *line);
                continue;
            }
            for (j, cell) in row.iter().enumerate().skip(1) {
                let Some(column) = header.get(j).map(|h| h.trim()) else {
                    continue;
                };
                // "No – only the leaves": what one side lacks is no fact
                // to recall (unless the row asks "Hardy?").
                let cell_lower = cell.trim().to_lowercase();
                let asks_yes_no = attribute.ends_with('?');
                if cell_lower.is_empty()
                    || !asks_yes_no
                        && (["no ", "no –", "no -", "no,", "none"]
                            .iter()
                            .any(|n| cell_lower.starts_with(n))
                            || cell_lower == "no")
                {
                    continue;
                }
                let lower = lower_title(attribute);
                // A bare "Who" or "When" row names no question of its own
                // ("what is the who of …?").
                if ["who", "what", "when", "where", "how", "why", "which"]
                    .contains(&lower.trim_end_matches(['?', ':']))
                {
                    continue;
                }
                let wh = ["what ", "where ", "when ", "who "]
                    .iter()
                    .any(|w| lower.starts_with(w));
                let cue = Cue::table(column, Some(attribute));
                let column = self.shown(column);
                let front = if wh {
                    // "What happens" → "what happens in type 1?"
                    format!("{} in {column}?", lower.trim_end_matches('?'))
                } else if let Some(adjective) = lower.strip_suffix('?') {
                    format!("is {column} {}?", adjective.trim())
                } else if let Some(how) = lower.strip_prefix("how ") {
                    format!("how {how} is {column}?")
                } else if words(attribute) <= 4 && (lower.contains('/') || is_plural(attribute)) {
                    // "Hallucinations", "Consciousness / alertness": what
                    // they are like, not "the hallucinations of …".
                    let lower = lower.replace(" / ", " or ").replace('/', " or ");
                    let be = if is_plural(attribute) { "are" } else { "is" };
                    format!("what {be} {lower} like in {column}?")
                } else if words(attribute) <= 4 {
                    format!("what is the {lower} of {column}?")
                } else {
                    continue;
                };
                let Some(back) = text::trim_answer(cell, MAX_ANSWER_WORDS) else {
                    continue;
                };
                let front = self.in_topic(&front);
                self.push(block, *line, Self::draft(CardKind::Basic, cue, front, back));
            }
            self.in_passing(block, &row.join(" — "), *line);
        }
    }
}

impl Extractor {
    /// "| M | Moss in the turf | 1 |", "| S₂ | Standing water after rain |
    /// 2 |" under "Judging a lawn: the MOS₂S-Wt score": a score
    /// whose letters (one capital, with a subscript or a small letter)
    /// spell the name the heading gives; each letter asked as an acronym's
    /// ("In the MOS₂S-Wt score, what does S₂ stand for?"), its points
    /// on the back. `true` when the table was read so.
    fn score_letters(
        &mut self,
        block: &Block,
        header: &[String],
        rows: &[(u32, Vec<String>)],
        letters: &str,
    ) -> bool {
        let keyed = rows.len() >= 3
            && rows.iter().all(|(_, row)| {
                let key = row.first().map_or("", |k| k.trim());
                let mut chars = key.chars();
                // ("| 10 | Age |" ends a name such as "ABC-10".)
                let number =
                    !key.is_empty() && key.len() <= 3 && key.bytes().all(|b| b.is_ascii_digit());
                row.len() >= 2
                    && !row[1].trim().is_empty()
                    && (number
                        || chars.next().is_some_and(|c| c.is_ascii_uppercase())
                            && chars.clone().count() <= 1
                            && chars.all(|c| c.is_lowercase() || c.is_numeric()))
            });
        if !keyed {
            return false;
        }
        let Some(heading) = block.section.last() else {
            return false;
        };
        // The heading's part that holds the name, hyphens aside.
        let Some(name) = heading.split(": ").find(|part| {
            part.split_whitespace()
                .any(|w| w.replace('-', "") == letters)
        }) else {
            return false;
        };
        let name = text::strip_outline_number(name).trim();
        let name = match name.split_once(' ') {
            Some((the, rest)) if the.eq_ignore_ascii_case("the") => format!("the {rest}"),
            _ => name.to_string(),
        };
        let points = header
            .iter()
            .position(|h| ["points", "score", "point"].contains(&norm(h).as_str()));
        let mut seen = std::collections::HashSet::new();
        for (line, row) in rows {
            let key = row[0].trim();
            if !seen.insert(key.to_string()) {
                continue;
            }
            let Some(mut back) = text::trim_answer(row[1].trim(), MAX_ANSWER_WORDS) else {
                continue;
            };
            if let Some(n) = points.and_then(|j| row.get(j)).map(|p| p.trim())
                && !n.is_empty()
                && n.chars().all(|c| c.is_ascii_digit())
            {
                let unit = if n == "1" { "point" } else { "points" };
                back = format!("{} ({n} {unit})", back.trim_end_matches('.'));
            }
            let front = format!("In {name}, what does {key} stand for?");
            self.push(
                block,
                *line,
                Self::draft(CardKind::Acronym, Cue::table(&name, Some(key)), front, back),
            );
        }
        true
    }

    /// "| Onset | Gradual | Sudden |" under "| | Blight | Wilt |" → "How do
    /// blight and wilt differ in onset?" → "Blight: Gradual; Wilt: Sudden".
    fn contrast(
        &mut self,
        block: &Block,
        line: u32,
        header: &[String],
        attribute: &str,
        cells: &[String],
    ) {
        let sides: Vec<String> = header[1..]
            .iter()
            .map(|h| lower_title(&self.shown(h.trim())))
            .collect();
        let values: Vec<String> = cells
            .iter()
            .filter_map(|c| text::trim_answer(c.trim(), MAX_ANSWER_WORDS))
            .collect();
        if values.len() != sides.len()
            || values.iter().any(|v| v.trim().is_empty())
            || values.iter().all(|v| norm(v) == norm(&values[0]))
        {
            return;
        }
        let lower = lower_title(attribute).replace(" / ", " or ");
        let label = lower.trim_end_matches(['?', ':', '.']).trim();
        // "Worn" → "how are blight nets and fleece worn?" (a participle in
        // "-ed", "Recorded", never reaches here: see `comparison`).
        let participle = [
            "worn", "given", "taken", "known", "seen", "shown", "done", "kept", "held", "made",
        ]
        .contains(&label);
        // "What is it?" points at the header; "How spread" is no
        // question of its own.
        let verbs = [
            "spread", "work", "works", "act", "acts", "do", "does", "is", "are", "it",
        ];
        if label.is_empty()
            || words(label) > 5
            || ["who", "what", "when", "where", "how", "why", "which"].contains(&label)
            || label
                .split_whitespace()
                .any(|w| ["it", "they", "them", "this"].contains(&w))
            // "Infectious until": "differ in infectious until?" is no English.
            || label.split_whitespace().last().is_some_and(|w| {
                ["until", "for", "to", "of", "in", "with", "from", "by", "after", "before"]
                    .contains(&w)
            })
            || label.strip_prefix("how ").is_some_and(|how| {
                let word = how.split(' ').next().unwrap_or("");
                word.ends_with("ed") || verbs.contains(&word)
            })
            // "Walk on soon?" is a question in the page's shorthand.
            || lower.ends_with('?') && label.contains(' ')
        {
            return;
        }
        // "How the seed sprouts": a clause whose verb is not "be" asks
        // nothing as it stands.
        if label.strip_prefix("how ").is_some_and(|how| {
            ["the", "a", "an", "it", "they", "you", "we"]
                .contains(&how.split(' ').next().unwrap_or(""))
        }) && inverted_clause(label).is_none()
        {
            return;
        }
        // "raised bed", "sunken bed" → "raised and sunken beds" (not a
        // noun of a mass: "early and late germinations").
        let merged = match sides.as_slice() {
            [a, b]
                if let (Some((a_head, noun)), Some((b_head, b_noun))) =
                    (a.rsplit_once(' '), b.rsplit_once(' '))
                    && noun == b_noun
                    && noun.chars().all(|c| c.is_ascii_lowercase())
                    && ![
                        "s", "tion", "sion", "ness", "ment", "ism", "ing", "ity", "ance", "ence",
                    ]
                    .iter()
                    .any(|end| noun.ends_with(end)) =>
            {
                Some(format!("{a_head} and {b_head} {}", plural_noun(noun)))
            }
            _ => None,
        };
        // (Three sides or more: the row is a table's line read aloud, its
        // back three answers in one; two sides make one contrast.)
        let both = match sides.as_slice() {
            [a, b] => format!("{a} and {b}"),
            _ => return,
        };
        // "How often", "How long": an adverb asks of an action the row
        // does not name ("how often are raised bed and …?").
        if label.strip_prefix("how ").is_some_and(|how| {
            ["often", "long", "soon", "quickly", "fast", "frequently"].contains(&how)
        }) {
            return;
        }
        // "| Feature | In the city | In the country |": sides that are
        // settings are where the row differs, not things that differ.
        let settings = sides
            .iter()
            .all(|s| ["in ", "on ", "at "].iter().any(|p| s.starts_with(p)));
        let each = both.replace(" and ", " and in ");
        let both = merged.unwrap_or(both);
        let front = if settings {
            if let Some(asked) = inverted_clause(label) {
                format!("{asked} {both}?")
            } else if ["what ", "where ", "when ", "who "]
                .iter()
                .any(|w| label.starts_with(w))
            {
                format!("{label} {both}?")
            } else if participle
                || label.starts_with("how ")
                || lower.ends_with('?')
                || ["look", "looks", "appearance", "looks like"].contains(&label)
            {
                return;
            } else {
                let plural = is_plural(label.split(" (").next().unwrap_or(label));
                let does = if plural { "do" } else { "does" };
                format!("how {does} {label} differ {both}?")
            }
        } else if participle {
            format!("how are {both} {label}?")
        } else if ["look", "looks", "appearance", "looks like"].contains(&label) {
            format!("what do {both} look like?")
        } else if let Some(asked) = inverted_clause(label) {
            // "Where the water is kept" → "where is the water kept in X and
            // in Y?"
            format!("{asked} in {each}?")
        } else if let Some(how) = label.strip_prefix("how ") {
            // "How common" → "how common are blight and wilt?"
            format!("how {how} are {both}?")
        } else if ["what ", "where ", "when ", "who "]
            .iter()
            .any(|w| label.starts_with(w))
        {
            // "What happens" → "what happens in blight and in wilt?"
            format!("{label} in {each}?")
        } else if lower.ends_with('?') && !label.contains(' ') && !is_plural(label) {
            // "Infectious?" → "are blight and wilt infectious?"
            format!("are {both} {label}?")
        } else {
            format!("how do {both} differ in {label}?")
        };
        let back = sides
            .iter()
            .zip(&values)
            .map(|(side, value)| format!("{}: {}", capitalize(side), value.trim_end_matches('.')))
            .collect::<Vec<_>>()
            .join("; ");
        let cue = Cue::table(&header[1..].join(" / "), Some(attribute));
        let front = self.in_topic(&front);
        self.push(block, line, Self::draft(CardKind::Basic, cue, front, back));
    }
}

/// A phrase whose first word is a verb in the third person, in the base
/// form ("means for adults" → "mean for adults", "covers" → "cover").
fn singular_verb(phrase: &str) -> String {
    // "usually means" → "usually mean": an adverb before the verb stays.
    if let Some((adverb, rest)) = phrase.split_once(' ')
        && adverb.len() > 3
        && adverb.ends_with("ly")
    {
        return format!("{adverb} {}", singular_verb(rest));
    }
    let (verb, tail) = phrase.split_once(' ').unwrap_or((phrase, ""));
    let verb = match verb {
        "does" => "do",
        "goes" => "go",
        "has" => "have",
        "is" => "be",
        v => v,
    };
    let verb = verb
        .strip_suffix("es")
        .filter(|v| v.ends_with("sh") || v.ends_with("ch") || v.ends_with('s'))
        .or_else(|| verb.strip_suffix('s'))
        .unwrap_or(verb);
    [verb, tail].join(" ").trim().to_string()
}

/// Whether a column header is a noun phrase of one to three words
/// ("Signs", "Main cause"), not a phrase led by a verb or a small word
/// ("Stands for", "In practice", "What to do").
fn is_noun_header(header: &str) -> bool {
    let lower = header.to_lowercase();
    let first = lower.split_whitespace().next().unwrap_or("");
    let last = lower.split_whitespace().last().unwrap_or("");
    (1..=3).contains(&words(header))
        // "Never use on", "Medicine often used", "Do", "Don't": a rule
        // or a verb, no attribute of the row.
        && !lower.split_whitespace().any(|w| {
            [
                "never", "always", "often", "usually", "do", "don't", "don’t", "dont", "avoid",
                "used",
            ]
            .contains(&w)
        })
        && !["on", "in", "to", "with", "by", "at", "from", "of", "only", "like"].contains(&last)
        // "Link to bullying": a phrase about the row, no attribute of it.
        && !lower.contains(" to ")
        // "SARS-CoV-2", "Type 2": a name set beside another, no attribute.
        && !header.chars().any(|c| c.is_ascii_digit())
        && !SMALL.contains_lower(first)
        && !cloze::is_verb_form(first)
        && !lower.contains(" for")
        && ![
            "stands", "what", "how", "when", "why", "who", "which", "where",
        ]
        .contains(&first)
        // "Notes", "Comments": a column of asides, not an attribute;
        // "Watch out", "Key points": several asides in one cell.
        && ![
            "notes",
            "note",
            "comments",
            "comment",
            "remarks",
            "other",
            "extra",
            "watch out",
            "key points",
            "key point",
            "tips",
        ]
        .contains(&lower.as_str())
        // "Where?": a question, not an attribute.
        && !header.trim_end().ends_with('?')
}

/// Whether the columns after the first name things set side by side
/// ("Paper diary" and "Garden app" share no attribute noun; "Type 1 roses"
/// and "Type 2 roses" share a word, "Annual pruning" and "Annual feeding"
/// too): two or three sides that share their first or last word, or
/// that carry numbers.
fn names_sides(header: &[String]) -> bool {
    let sides: Vec<String> = header
        .iter()
        .skip(1)
        .map(|h| norm(h.split(" (").next().unwrap_or(h)))
        .collect();
    if !(2..=3).contains(&sides.len()) || sides.iter().any(|s| s.is_empty()) {
        return false;
    }
    // "Use on" and "Never use on", "Do" and "Don't": rules, not sides;
    // "What it looks like" and "What it means": attributes.
    let ruled = sides.iter().any(|s| {
        s.split(' ')
            .any(|w| ["what", "how", "when", "why", "who", "it"].contains(&w))
            || s.split(' ').any(|w| {
                [
                    "never", "always", "often", "usually", "do", "dont", "don", "avoid", "use",
                ]
                .contains(&w)
            })
    });
    let first = |s: &String| s.split(' ').next().unwrap_or("").to_string();
    let last = |s: &String| s.rsplit(' ').next().unwrap_or("").to_string();
    let shared = sides.iter().all(|s| s.contains(' '))
        && (sides.iter().all(|s| first(s) == first(&sides[0]))
            || sides.iter().all(|s| last(s) == last(&sides[0])));
    let numbered = sides
        .iter()
        .filter(|s| s.chars().any(|c| c.is_ascii_digit()))
        .count()
        >= 2;
    !ruled && (shared || numbered)
}

/// A column of what to do about each row: "What to do", "Action",
/// "Action to take", "Response".
fn is_action_header(header: &str) -> bool {
    let h = norm(header);
    [
        "what to do",
        "what you should do",
        "what should you do",
        "action",
        "actions",
        "action to take",
        "response",
        "what to do next",
    ]
    .contains(&h.as_str())
}

/// The question a column's header asks of each row, with `{}` for the
/// row's name and `{be}` for its verb: "Legally binding?" → "{be} {}
/// legally binding?", "Who can make it" → "who can make {}?".
fn asks_of_row(header: &str) -> Option<String> {
    let h = header.trim();
    let lower = h.to_lowercase();
    let bare = lower.trim_end_matches('?').trim();
    let first = bare.split_whitespace().next()?;
    const WH: &[&str] = &["who", "when", "where", "how", "what", "why", "which"];
    if WH.contains(&first) {
        // Only a question with the row in it: "Who can make it".
        let ws: Vec<&str> = bare.split_whitespace().collect();
        let at = ws.iter().position(|w| *w == "it")?;
        // ("Who sets it" may mean another column's value; "When to use
        // it" is asked as an instruction elsewhere.)
        if ws.len() < 4
            || ws.len() > 6
            || at + 1 != ws.len()
            || !["can", "should", "must", "may"].contains(&ws[1])
        {
            return None;
        }
        return Some(format!("{} {{}}?", ws[..at].join(" ")));
    }
    if h.ends_with('?')
        && (1..=3).contains(&words(bare))
        && ![
            "is", "are", "can", "does", "do", "must", "should", "will", "has",
        ]
        .contains(&first)
        && bare
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-')
    {
        let ws: Vec<&str> = bare.split_whitespace().collect();
        // "Becomes chronic?" → "does blight become chronic?"
        if ws.len() >= 2 && first.len() > 3 && first.ends_with('s') && !first.ends_with("ss") {
            return Some(format!("does {{}} {}?", singular_verb(bare)));
        }
        // "Vaccine?" → "is there a vaccine for blight?": a thing one has
        // or has not; any other word ("Sharp?", "Contagious?") is asked
        // of the row itself.
        const HAD: &[&str] = &[
            "vaccine",
            "vaccination",
            "cure",
            "treatment",
            "test",
            "antidote",
            "licence",
            "fee",
            "charge",
            "grant",
            "exemption",
            "appeal",
        ];
        if ws.len() == 1 && HAD.contains(&first) {
            let article = if first.starts_with(['a', 'e', 'i', 'o', 'u']) {
                "an"
            } else {
                "a"
            };
            return Some(format!("is there {article} {first} for {{}}?"));
        }
        return Some(format!("{{be}} {{}} {bare}?"));
    }
    None
}

/// "an advance statement", "a DNACPR decision"; a name of a process or
/// state ("care planning", "dehydration") is no countable thing and
/// stays bare.
fn with_indefinite(shown: &str) -> String {
    let first = shown.split_whitespace().next().unwrap_or("");
    if ["a", "an", "the"].contains(&first.to_lowercase().as_str()) {
        return shown.to_string();
    }
    let head = shown
        .split([' ', '('])
        .take_while(|w| !["of", "to", "for", "in", "with"].contains(w))
        .filter(|w| !w.is_empty())
        .last()
        .unwrap_or("");
    if ["ing", "tion", "ness", "ity", "ism", "ence", "ance"]
        .iter()
        .any(|s| head.ends_with(s))
    {
        return shown.to_string();
    }
    let acronym = first.len() >= 2 && first.chars().all(|c| c.is_ascii_uppercase());
    let vowel = if acronym {
        first.starts_with(['A', 'E', 'F', 'H', 'I', 'L', 'M', 'N', 'O', 'R', 'S', 'X'])
    } else {
        first.to_lowercase().starts_with(['a', 'e', 'i', 'o', 'u'])
            && !["uni", "use", "usu", "eu", "one"]
                .iter()
                .any(|p| first.to_lowercase().starts_with(p))
    };
    format!("{} {shown}", if vowel { "an" } else { "a" })
}

/// "Section 2", "Article 8", "Regulation 12", "Section 5(2)": a numbered
/// part of a law.
fn is_numbered_part(key: &str) -> bool {
    let mut ws = key.split_whitespace();
    let (Some(kind), Some(number), None) = (ws.next(), ws.next(), ws.next()) else {
        return false;
    };
    [
        "Section",
        "Article",
        "Regulation",
        "Schedule",
        "Part",
        "section",
        "article",
    ]
    .contains(&kind)
        && number.starts_with(|c: char| c.is_ascii_digit())
}

/// The law a heading lists the parts of: "Mental Health Act sections you
/// need to know" → "Mental Health Act".
fn law_of_parts(heading: &str) -> Option<String> {
    let at = ACT.find(heading)?;
    let words: Vec<&str> = heading[..at.end()].split_whitespace().collect();
    // The name: the capitalised words before "Act", up to four.
    let name: Vec<&str> = words
        .iter()
        .rev()
        .take_while(|w| {
            w.starts_with(|c: char| c.is_uppercase()) || w.chars().all(|c| c.is_ascii_digit())
        })
        .take(6)
        .copied()
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let rest = heading[at.end()..].to_lowercase();
    (name.len() >= 2
        && ["section", "article", "regulation", "part"]
            .iter()
            .any(|p| rest.trim_start().starts_with(p)))
    .then(|| name.join(" "))
}

/// "Stage III" → "stage III": the kind's word lowercased, its number kept.
fn lower_first_word(key: &str) -> String {
    match key.split_once(' ') {
        Some((kind, number)) => format!("{} {number}", kind.to_lowercase()),
        None => key.to_lowercase(),
    }
}

/// "where the water is kept" → "where is the water kept": a clause
/// under a question word, its verb put before its subject; `None` unless
/// the clause has a subject and a form of "be" after it.
fn inverted_clause(label: &str) -> Option<String> {
    let words: Vec<&str> = label.split_whitespace().collect();
    let (wh, rest) = words.split_first()?;
    if !["where", "when", "how", "why", "what"].contains(wh) {
        return None;
    }
    let at = rest.iter().position(|w| ["is", "are"].contains(w))?;
    if at == 0 || at + 1 >= rest.len() {
        return None;
    }
    Some(format!(
        "{wh} {} {} {}",
        rest[at],
        rest[..at].join(" "),
        rest[at + 1..].join(" ")
    ))
}

/// "diary" → "diaries", "patch" → "patches", "bed" → "beds".
fn plural_noun(noun: &str) -> String {
    if let Some(stem) = noun.strip_suffix('y')
        && !stem.ends_with(['a', 'e', 'i', 'o', 'u'])
    {
        format!("{stem}ies")
    } else if ["ch", "sh", "x", "z"].iter().any(|e| noun.ends_with(e)) {
        format!("{noun}es")
    } else {
        format!("{noun}s")
    }
}

/// "Planting depths (Royal Horticultural Society)" for the column
/// "Depth": the caption's name in the singular, when it
/// holds every word of the column's and more (at most six words).
fn caption_noun(caption: &str, noun: &str) -> Option<String> {
    let caption = caption.split(" (").next()?.trim().trim_end_matches(':');
    let words_of = |s: &str| -> Vec<String> {
        s.split_whitespace()
            .map(|w| text::singular(&w.to_lowercase()))
            .collect()
    };
    // ("The frost dates": the article is the question's to give.)
    let caption = ["The ", "the ", "A ", "a ", "THE "]
        .iter()
        .find_map(|a| caption.strip_prefix(a))
        .unwrap_or(caption);
    let name = words_of(caption);
    let column = words_of(noun);
    if name.len() <= column.len()
        || name.len() > 6
        || !column.iter().all(|w| name.contains(w))
        || name.last() != column.last()
    {
        return None;
    }
    Some(name.join(" "))
}

/// A column that names a property worth knowing of whatever its row names:
/// "what is the usual treatment of leaf curl?" (an "amount" or a "day" is
/// the table's own shorthand).
fn is_property_column(noun: &str) -> bool {
    [
        "treatment",
        "usual treatment",
        "main treatment",
        "cause",
        "causes",
        "possible causes",
        "main cause",
        "usual cause",
        "timing",
        "usual timing",
        "common name",
        "other name",
        "side effects",
        "common side effects",
        "signs",
        "main signs",
        "main features",
        "key features",
        "first choice",
        "type",
    ]
    .contains(&norm(noun).as_str())
}

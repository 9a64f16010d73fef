//! Questions the document writes with their answers: multiple choice,
//! question and answer, and table rows.

use super::*;

impl Extractor {
    pub(super) fn mcq(&mut self, block: &Block, mcq: &Mcq) {
        let back: Vec<&str> = mcq
            .correct
            .iter()
            .filter_map(|&i| mcq.options.get(i).map(String::as_str))
            .collect();
        let mut draft = Self::draft(
            CardKind::Mcq,
            Cue::mcq(&mcq.question),
            mcq.question.clone(),
            back.join("; "),
        );
        draft.options = mcq.options.clone();
        draft.correct = mcq.correct.clone();
        self.push(block, block.line, draft);
    }

    /// A question the document asks and answers: the card as written, the
    /// answer cut at a clause (or to its first sentence) when it is long.
    pub(super) fn qa(&mut self, block: &Block, question: &str, answer: &str) {
        let answer = capitalize(answer.trim());
        let back = text::trim_answer(&answer, MAX_ANSWER_WORDS).or_else(|| {
            text::sentences(&answer)
                .into_iter()
                .next()
                .and_then(|first| text::trim_answer(&first, MAX_ANSWER_WORDS))
        });
        let Some(back) = back else {
            return;
        };
        let draft = Self::draft(
            CardKind::Basic,
            Cue::qa(question),
            question.to_string(),
            back,
        );
        self.push(block, block.line, draft);
    }

    pub(super) fn table(&mut self, block: &Block, header: &[String], rows: &[(u32, Vec<String>)]) {
        for (line, row) in rows {
            let Some(key) = row.first().filter(|k| !k.is_empty()) else {
                continue;
            };
            // A row keyed by a number or a range ("1–4") has no subject: a
            // front "1–4: rating?" is a fragment.
            if !key.chars().any(char::is_alphabetic) {
                self.in_passing(block, &row.join(" — "), *line);
                continue;
            }
            for (j, cell) in row.iter().enumerate().skip(1) {
                if cell.is_empty() {
                    continue;
                }
                let column = header.get(j).filter(|h| !h.is_empty());
                let front = match column {
                    // "What it covers" → "What does the Misuse of Drugs Act cover?"
                    Some(h) if h.to_lowercase().starts_with("what it ") => {
                        // The verb is the first word ("means for …" →
                        // "mean for …").
                        let rest = h[8..].trim();
                        let (verb, tail) = rest.split_once(' ').unwrap_or((rest, ""));
                        let verb = verb
                            .strip_suffix("es")
                            .filter(|v| v.ends_with("sh") || v.ends_with("ch") || v.ends_with('s'))
                            .or_else(|| verb.strip_suffix('s'))
                            .unwrap_or(verb);
                        let verb = [verb, tail].join(" ");
                        self.in_topic(&format!("what does {key} {}?", verb.trim().to_lowercase()))
                    }
                    Some(h) => self.in_topic(&format!("{key}: {}?", lower_title(h))),
                    None => self.in_topic(&format!("{key}?")),
                };
                let Some(back) = text::trim_answer(cell, MAX_ANSWER_WORDS) else {
                    continue;
                };
                let cue = Cue::table(key, column.map(String::as_str));
                self.push(block, *line, Self::draft(CardKind::Basic, cue, front, back));
            }
            self.in_passing(block, &row.join(" — "), *line);
        }
    }
}

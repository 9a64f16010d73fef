//! The readers: a document's text in, the one document model
//! ([`super::document`]) out. [`markdown`] reads Markdown sheets,
//! [`plain`] reads everything else; both use [`questions`] to recognise
//! questions written with their answers and [`noise`] to skip boilerplate.

pub mod markdown;
pub mod noise;
pub mod plain;
pub mod questions;

use super::text;

/// Whether a label asks for the definition of its heading.
pub fn is_definition_label(label: &str) -> bool {
    let l = text::norm(label);
    matches!(
        l.as_str(),
        "what is it"
            | "what are they"
            | "what is this"
            | "definition"
            | "meaning"
            | "what it means"
    )
}

/// Headings whose content lists reading or the course outline, not facts.
pub fn is_reading_list(heading: &str) -> bool {
    let h = text::norm(heading);
    [
        "further reading",
        "references",
        "bibliography",
        "reading list",
        "useful links",
        "resources",
        "see also",
        "sources",
        "learning outcomes",
        "learning objectives",
        "assessment criteria",
        // A page's links to its neighbours.
        "related articles",
        "related pages",
        "related content",
        "you may also like",
        "more like this",
    ]
    .iter()
    .any(|k| h == *k || h.starts_with(&format!("{k} ")))
}

/// A paragraph's lines as runs that each end a sentence, joined within a
/// run and cited by the run's first line: "Loam holds water." over "Clay
/// drains slowly" over "in winter." is two runs, lines 1 and 2, so each
/// card cites the line its sentence starts on. A line that introduces
/// ("Three rules apply:") ends its run too, and a bulleted line ("• Rule
/// one") starts one. A paragraph that never ends a sentence before its
/// last line stays one run.
pub fn sentence_runs(lines: Vec<(String, u32)>) -> Vec<(String, u32)> {
    let mut runs: Vec<(String, u32)> = Vec::new();
    let mut open = false;
    for (text, line) in lines {
        let bullet = text.trim_start().starts_with(['•', '·', '◦', '▪', '‣']);
        match runs.last_mut() {
            Some((run, _)) if open && !bullet => {
                run.push(' ');
                run.push_str(&text);
            }
            _ => runs.push((text, line)),
        }
        let (run, _) = runs.last().expect("a run was pushed or extended");
        open = !run
            .trim_end()
            .ends_with(['.', '!', '?', '”', '"', ')', ':']);
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::sentence_runs;

    fn runs(lines: &[&str]) -> Vec<(String, u32)> {
        sentence_runs(
            lines
                .iter()
                .zip(1..)
                .map(|(t, n)| (t.to_string(), n))
                .collect(),
        )
    }

    #[test]
    fn each_run_of_lines_ends_a_sentence_and_cites_its_first_line() {
        assert_eq!(
            runs(&[
                "Loam holds water.",
                "Clay drains slowly",
                "in winter.",
                "Three soils matter:",
                "• Sand warms early.",
                "• Peat holds acid",
            ]),
            vec![
                ("Loam holds water.".to_string(), 1),
                ("Clay drains slowly in winter.".to_string(), 2),
                ("Three soils matter:".to_string(), 4),
                ("• Sand warms early.".to_string(), 5),
                ("• Peat holds acid".to_string(), 6),
            ]
        );
    }
}

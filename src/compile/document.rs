//! The one document model every reader produces: a title, and a sequence
//! of blocks (paragraphs, labelled lists, tables, multiple-choice
//! questions), each under its heading path and with its 1-based line.
//! Lines the readers threw away are kept with the reason, for the summary.

use std::fmt;

/// The four kinds of study document, told apart by content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DocKind {
    /// A Markdown revision sheet (headings, bold labels, lists).
    Markdown,
    /// A plain-text study guide (section titles on their own line, `- `
    /// bullets, `Term: definition`).
    StudyGuide,
    /// Text saved from an e-learning page (a multiple-choice question,
    /// tab titles, UI lines).
    ELearning,
    /// An essay or article (prose paragraphs with citations).
    Essay,
}

impl DocKind {
    /// The kind's name in the summary.
    pub fn as_str(self) -> &'static str {
        match self {
            DocKind::Markdown => "markdown sheet",
            DocKind::StudyGuide => "study guide",
            DocKind::ELearning => "e-learning page",
            DocKind::Essay => "essay",
        }
    }
}

impl fmt::Display for DocKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A parsed document.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// What kind of document it was read as.
    pub kind: DocKind,
    /// The document's own title, cleaned, if it has one.
    pub title: Option<String>,
    /// The content, in document order.
    pub blocks: Vec<Block>,
    /// Lines that carried no fact.
    pub skipped: Vec<Skipped>,
    /// Section headings in document order: the 1-based line of each and
    /// the path it opens (outermost first, itself last).
    pub headings: Vec<(u32, std::sync::Arc<[String]>)>,
}

/// A line the reader dropped, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// 1-based line.
    pub line: u32,
    /// The line's text (cut short).
    pub text: String,
    /// Why it carried no fact.
    pub reason: &'static str,
}

/// One piece of content under a heading path.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// Headings from the outermost down, cleaned (no emoji, no `:`).
    pub section: std::sync::Arc<[String]>,
    /// 1-based line where the block starts.
    pub line: u32,
    /// What the block holds.
    pub body: Body,
}

/// The content of a block.
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    /// Running text (one or more sentences), cleaned.
    Paragraph(String),
    /// A list, with the label it was introduced by.
    List(List),
    /// A table: header cells and rows of cells.
    Table {
        /// The header row.
        header: Vec<String>,
        /// The body rows, each with its line.
        rows: Vec<(u32, Vec<String>)>,
    },
    /// A multiple-choice question with its key.
    Mcq(Mcq),
    /// A question written with its answer (`Q: …?` then `A: …`).
    Qa {
        /// The question, without its label.
        question: String,
        /// The answer, without its label.
        answer: String,
    },
}

/// A labelled list.
#[derive(Debug, Clone, PartialEq)]
pub struct List {
    /// The bold label, intro line or heading that introduces the list.
    pub label: Option<String>,
    /// Whether the items are numbered.
    pub ordered: bool,
    /// The items.
    pub items: Vec<Item>,
    /// Whether the label is a group among sibling groups under one heading
    /// (set by the reader when several labelled lists share a heading).
    pub grouped: bool,
}

/// One list item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// The item's text, cleaned.
    pub text: String,
    /// 1-based line.
    pub line: u32,
    /// The item's number in a numbered list.
    pub number: Option<u32>,
}

/// A multiple-choice question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mcq {
    /// The question.
    pub question: String,
    /// Every option, in order.
    pub options: Vec<String>,
    /// 0-based indexes of the correct options.
    pub correct: Vec<usize>,
}

impl Document {
    /// The paragraphs with the lines they start on, in order (for tests of
    /// the readers).
    #[cfg(test)]
    pub fn paragraphs(&self) -> Vec<(u32, &str)> {
        self.blocks
            .iter()
            .filter_map(|b| match &b.body {
                Body::Paragraph(p) => Some((b.line, p.as_str())),
                _ => None,
            })
            .collect()
    }

    /// Records a heading opening `section` at `line`.
    pub fn heading(&mut self, line: u32, section: &[String]) {
        if !section.is_empty() {
            self.headings.push((line, section.into()));
        }
    }

    /// Records a dropped line (its text cut to 80 characters).
    pub fn skip(&mut self, line: u32, text: &str, reason: &'static str) {
        let text: String = text.trim().chars().take(80).collect();
        if !text.is_empty() {
            self.skipped.push(Skipped { line, text, reason });
        }
    }
}

/// A table's rows with the lines a long cell wrapped onto joined back to
/// their row: a row with an empty first cell whose other cells each go
/// on in lower case ("| | care and support needs is at risk … |") is
/// the row above, continued. A row with an empty first cell that starts
/// anew ("| | Nausea |") stays a row of its own.
pub(crate) fn join_wrapped_rows(rows: Vec<(u32, Vec<String>)>) -> Vec<(u32, Vec<String>)> {
    let mut out: Vec<(u32, Vec<String>)> = Vec::with_capacity(rows.len());
    for (line, row) in rows {
        let goes_on = row.first().is_some_and(|c| c.trim().is_empty())
            && row.iter().any(|c| !c.trim().is_empty())
            && row
                .iter()
                .map(|c| c.trim())
                .filter(|c| !c.is_empty())
                .all(|c| c.starts_with(|ch: char| ch.is_lowercase()));
        match out.last_mut() {
            Some((_, above)) if goes_on && above.len() == row.len() => {
                for (cell, more) in above.iter_mut().zip(&row) {
                    let more = more.trim();
                    if !more.is_empty() {
                        if !cell.is_empty() {
                            cell.push(' ');
                        }
                        cell.push_str(more);
                    }
                }
            }
            _ => out.push((line, row)),
        }
    }
    out
}

/// Reads `text` as the kind its content shows.
pub fn read(text: &str) -> Document {
    let kind = super::detect::detect(text);
    match kind {
        DocKind::Markdown => super::read::markdown::read(text),
        other => super::read::plain::read(text, other),
    }
}

/// Sets `grouped` on labelled lists that share a parent heading with
/// other labelled lists (partner groups, barrier categories).
pub fn mark_groups(blocks: &mut [Block]) {
    let mut counts: std::collections::HashMap<Vec<String>, usize> = Default::default();
    for block in blocks.iter() {
        if let Body::List(list) = &block.body
            && let Some(key) = group_key(&block.section, list)
        {
            *counts.entry(key).or_default() += 1;
        }
    }
    for block in blocks.iter_mut() {
        let section = block.section.clone();
        if let Body::List(list) = &mut block.body
            && let Some(key) = group_key(&section, list)
        {
            list.grouped = counts.get(&key).copied().unwrap_or(0) >= 2;
        }
    }
}

/// The heading path a labelled list is a group of, if it is a candidate.
pub(crate) fn group_key(section: &[String], list: &List) -> Option<Vec<String>> {
    let label = list.label.as_deref()?;
    if list.items.len() < 2 || super::read::is_definition_label(label) {
        return None;
    }
    if section.last().is_some_and(|s| s == label) {
        // A list under its own heading (`### Patience` + bullets): its group is
        // the heading above.
        (section.len() >= 2).then(|| section[..section.len() - 1].to_vec())
    } else {
        Some(section.to_vec())
    }
}

#[cfg(test)]
mod wrapped_row_tests {
    use super::*;

    #[test]
    fn a_wrapped_cell_joins_its_row() {
        let rows = vec![
            (
                3,
                vec![
                    "Compost Act".to_string(),
                    "Councils must collect garden".to_string(),
                ],
            ),
            (4, vec![String::new(), "waste every two weeks".to_string()]),
            (5, vec![String::new(), "Nettles".to_string()]),
        ];
        assert_eq!(
            join_wrapped_rows(rows),
            vec![
                (
                    3,
                    vec![
                        "Compost Act".to_string(),
                        "Councils must collect garden waste every two weeks".to_string()
                    ]
                ),
                (5, vec![String::new(), "Nettles".to_string()]),
            ]
        );
    }
}

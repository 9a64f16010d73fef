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
    /// Records a dropped line.
    pub fn skip(&mut self, line: u32, text: &str, reason: &'static str) {
        let text: String = text.trim().chars().take(80).collect();
        if !text.is_empty() {
            self.skipped.push(Skipped { line, text, reason });
        }
    }
}

/// Reads `text` as the kind its content shows.
pub fn read(text: &str) -> Document {
    let kind = detect(text);
    match kind {
        DocKind::Markdown => super::markdown::read(text),
        other => super::plain::read(text, other),
    }
}

/// Tells the kind of a document from its content (never its name).
pub fn detect(text: &str) -> DocKind {
    let mut headings = 0usize;
    let mut bold = 0usize;
    let mut bullets = 0usize;
    let mut long_lines = 0usize;
    let mut nonblank = 0usize;
    for line in text.lines().take(5_000) {
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        nonblank += 1;
        if is_md_heading(t) || is_table_rule(t) {
            headings += 1;
        }
        if t.contains("**") || t.contains("__") {
            bold += 1;
        }
        if t.starts_with("- ") || t.starts_with("* ") || t.starts_with("• ") {
            bullets += 1;
        }
        if t.split_whitespace().nth(60).is_some() {
            long_lines += 1;
        }
    }
    // One answer key or one line of interface text makes e-learning: the
    // patterns run only when the document is not Markdown, and only until
    // the first such line.
    let e_learning = || {
        text.lines().take(5_000).map(str::trim).any(|t| {
            !t.is_empty()
                && (super::clean::answer_key(t).is_some()
                    || super::clean::noise_reason(t) == Some("interface text"))
        })
    };
    if headings >= 2 || (headings >= 1 && bold >= 2) || bold >= 4 {
        DocKind::Markdown
    } else if e_learning() {
        DocKind::ELearning
    } else if bullets >= 4 && bullets * 5 >= nonblank {
        DocKind::StudyGuide
    } else if long_lines >= 1 || nonblank > 0 {
        DocKind::Essay
    } else {
        DocKind::StudyGuide
    }
}

/// The rule under a Markdown table's header, `|---|:--:|`: as sure a sign
/// of Markdown as a heading.
fn is_table_rule(t: &str) -> bool {
    // Most lines fail the first test at their first character.
    t.bytes()
        .all(|b| matches!(b, b'|' | b'-' | b':' | b' ' | b'\t'))
        && t.contains('|')
        && t.bytes().filter(|&b| b == b'-').count() >= 3
}

fn is_md_heading(t: &str) -> bool {
    let hashes = t.bytes().take_while(|&b| b == b'#').count();
    (1..=6).contains(&hashes) && t[hashes..].starts_with(' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_each_kind_from_content() {
        assert_eq!(
            detect("# Title\n\n## Part\n\n**Label:**\n- one\n"),
            DocKind::Markdown
        );
        assert_eq!(
            detect("Intro\nWhich of these?\n1, 2 and 3\nA\nB\nC\n"),
            DocKind::ELearning
        );
        assert_eq!(
            detect("Topic\n- a: b\n- c: d\n- e: f\nMore\n- g\n- h\n"),
            DocKind::StudyGuide
        );
        assert_eq!(
            detect("# Vital signs\n\n| Sign | Range |\n|---|:---:|\n| Pulse | 60 to 100 |\n"),
            DocKind::Markdown
        );
        let essay = format!("A Title\n\n{}\n", "word ".repeat(80));
        assert_eq!(detect(&essay), DocKind::Essay);
    }
}

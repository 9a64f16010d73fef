//! Markdown revision sheets, read with pulldown-cmark: headings (with
//! emoji), bold labels introducing lists, ✅ check-mark lines, numbered
//! lists and numbered headings, `**S**ituation - …` expansions, tables and
//! nested lists.

use std::collections::BTreeMap;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::plain::keyed::Keyed;
use super::{is_definition_label, is_reading_list, noise, questions};
use crate::compile::document::mark_groups;
use crate::compile::document::{Block, Body, DocKind, Document, Item, List};
use crate::compile::text;
use questions::{Question, find_questions, hide_lines};

/// Marks that start a check-mark line inside a paragraph.
const CHECK_MARKS: &[char] = &['✅', '✔', '☑', '✓', '•', '▪', '➤', '→', '❌', '✗', '⭐'];

/// A table being read: header, rows, the row's cells so far, whether in
/// the header, and the row's line.
type TableCtx = (Vec<String>, Vec<(u32, Vec<String>)>, Vec<String>, bool, u32);

struct ListCtx {
    label: Option<String>,
    ordered: bool,
    next_number: u32,
    items: Vec<Item>,
    /// The open item's text and line.
    open: Option<(String, u32)>,
    section: Vec<String>,
}

struct Reader {
    line_starts: Vec<usize>,
    doc: Document,
    sections: Vec<(u8, String)>,
    /// Whether content under the current heading is a reading list.
    skipping: Option<u8>,
    seen_h2: bool,
    pending_label: Option<String>,
    after_heading: bool,
    lists: Vec<ListCtx>,
    /// Inline text being collected, with `**` around strong runs, split
    /// into lines at breaks: (text, byte offset of the line).
    inline: Vec<(String, usize)>,
    collecting: bool,
    heading: Option<(u8, usize)>,
    table: Option<TableCtx>,
    /// Whether the table's header marks its columns with ticks and crosses
    /// ("| Safe ✅ | Never ❌ |"): each column is then a group of items.
    table_groups: bool,
    numbered: BTreeMap<Vec<String>, Vec<Item>>,
}

/// A line that opens with a bold term and goes on with its definition,
/// `**Term:** text` or `**Term**: text`, as `Term: text`.
fn bold_term(raw: &str) -> Option<String> {
    let rest = raw.strip_prefix("**")?;
    let close = rest.find("**")?;
    let (label, after) = (&rest[..close], &rest[close + 2..]);
    let (term, def) = match label.trim_end().strip_suffix(':') {
        Some(term) => (term, after),
        None => (label, after.strip_prefix(':')?),
    };
    let (term, def) = (text::plain(term), text::plain(def));
    (!term.is_empty() && text::words(&def) >= 3).then(|| format!("{term}: {def}"))
}

/// `Question 2`, `Q2`: a heading that only numbers a question.
fn is_question_number(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("question")
        .or_else(|| lower.strip_prefix('q'))
        .unwrap_or(&lower);
    let rest = rest.trim();
    !rest.is_empty() && rest.len() < lower.len() && rest.bytes().all(|b| b.is_ascii_digit())
}

/// Reads a Markdown document.
pub fn read(text: &str) -> Document {
    let mut line_starts = vec![0];
    line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
    let mut reader = Reader {
        line_starts,
        doc: Document {
            kind: DocKind::Markdown,
            title: None,
            blocks: Vec::new(),
            skipped: Vec::new(),
            headings: Vec::new(),
        },
        sections: Vec::new(),
        skipping: None,
        seen_h2: false,
        pending_label: None,
        after_heading: false,
        lists: Vec::new(),
        inline: Vec::new(),
        collecting: false,
        heading: None,
        table: None,
        table_groups: false,
        numbered: BTreeMap::new(),
    };
    // Readers' comments under the page are no content: the parser reads
    // the page above them.
    let raw: Vec<&str> = text.lines().collect();
    let comments = noise::comments_start(&raw);
    let text = match comments {
        Some(start) => &text[..reader.line_starts[start]],
        None => text,
    };
    // Multiple-choice questions are found in the raw lines and hidden
    // from the parser, which would read their options as lists.
    let mut questions = find_questions(text, &reader.line_starts);
    // A numbered quiz keyed further down ("Answer key" over "1. Loam"):
    // each question with its key's answer, as the plain reader pairs them.
    let above_comments = &raw[..comments.unwrap_or(raw.len())];
    let keyed: Vec<Question> = super::plain::keyed::keyed_quiz(above_comments)
        .into_values()
        .map(|(keyed, used)| Question {
            body: match keyed {
                Keyed::Choice(mcq) => Body::Mcq(mcq),
                Keyed::Answered(question, answer) => Body::Qa { question, answer },
            },
            used,
            feedback: Vec::new(),
        })
        .collect();
    if !keyed.is_empty() {
        let taken: std::collections::BTreeSet<usize> =
            keyed.iter().flat_map(|q| q.used.iter().copied()).collect();
        let asked = |body: &Body| match body {
            Body::Qa { question, .. } => Some(text::norm(question)),
            Body::Mcq(mcq) => Some(text::norm(&mcq.question)),
            _ => None,
        };
        let keyed_asks: std::collections::BTreeSet<String> =
            keyed.iter().filter_map(|q| asked(&q.body)).collect();
        // (Nor the key's label read as the last question's answer.)
        questions.retain(|q| {
            q.used.iter().all(|u| !taken.contains(u))
                && asked(&q.body).is_none_or(|a| !keyed_asks.contains(&a))
        });
        questions.extend(keyed);
        questions.sort_by_key(|q| q.used[0]);
    }
    let hidden;
    let text = if questions.is_empty() {
        text
    } else {
        hidden = hide_lines(text, &reader.line_starts, &questions);
        hidden.as_str()
    };
    let mut questions = questions.into_iter().peekable();
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        while let Some(q) = questions.next_if(|q| reader.line_starts[q.used[0]] <= range.start) {
            reader.question(q);
        }
        reader.event(event, range.start);
    }
    for q in questions {
        reader.question(q);
    }
    let mut doc = reader.finish();
    if let Some(start) = comments {
        for (i, line) in raw.iter().enumerate().skip(start) {
            doc.skip(u32::try_from(i + 1).unwrap_or(u32::MAX), line, "comments");
        }
    }
    doc
}

impl Reader {
    fn line_of(&self, offset: usize) -> u32 {
        let idx = self.line_starts.partition_point(|&s| s <= offset);
        u32::try_from(idx.max(1)).unwrap_or(u32::MAX)
    }

    fn section(&self) -> Vec<String> {
        self.sections.iter().map(|(_, s)| s.clone()).collect()
    }

    /// Adds a list of one item under the current heading: a definition
    /// under its label, or a `**Term:** definition` line.
    fn one_item_list(&mut self, label: Option<String>, text: String, line: u32) {
        self.doc.blocks.push(Block {
            section: self.section().into(),
            line,
            body: Body::List(List {
                label,
                ordered: false,
                items: vec![Item {
                    text,
                    line,
                    number: None,
                }],
                grouped: false,
            }),
        });
    }

    /// Adds a multiple-choice question under the current heading (less any
    /// heading that only numbers the question, `Question 2`).
    fn question(&mut self, q: Question) {
        let mut section = self.section();
        while section.last().is_some_and(|s| is_question_number(s)) {
            section.pop();
        }
        let section: std::sync::Arc<[String]> = section.into();
        let line = u32::try_from(q.used[0] + 1).unwrap_or(u32::MAX);
        self.doc.blocks.push(Block {
            section: section.clone(),
            line,
            body: q.body,
        });
        for (text, line) in q.feedback {
            self.doc.blocks.push(Block {
                section: section.clone(),
                line,
                body: Body::Paragraph(text),
            });
        }
    }

    fn push_text(&mut self, s: &str, offset: usize) {
        if !self.collecting {
            return;
        }
        if self.inline.is_empty() {
            self.inline.push((String::new(), offset));
        }
        if let Some((line, _)) = self.inline.last_mut() {
            line.push_str(s);
        }
    }

    /// A soft or hard break: the next text starts on the next line (a hard
    /// break's range starts at its two spaces or backslash, not at the
    /// newline, so `offset + 1` would still be on this line).
    fn line_break(&mut self, offset: usize) {
        if self.collecting {
            let next = self.line_starts.partition_point(|&s| s <= offset);
            let start = self.line_starts.get(next).copied().unwrap_or(offset + 1);
            self.inline.push((String::new(), start));
        }
    }

    fn take_inline(&mut self) -> Vec<(String, usize)> {
        self.collecting = false;
        std::mem::take(&mut self.inline)
            .into_iter()
            .filter(|(t, _)| !t.trim().is_empty())
            .collect()
    }

    fn event(&mut self, event: Event<'_>, offset: usize) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                self.close_open_item();
                self.heading = Some((heading_level(level), offset));
                self.collecting = true;
                self.inline.clear();
            }
            Event::End(TagEnd::Heading(_)) => {
                let lines = self.take_inline();
                if let Some((level, offset)) = self.heading.take() {
                    let raw = lines
                        .iter()
                        .map(|(t, _)| t.as_str())
                        .collect::<Vec<_>>()
                        .join(" ");
                    self.heading(level, &raw, offset);
                }
            }
            Event::Start(Tag::Paragraph) => {
                if self.lists.is_empty() {
                    self.collecting = true;
                    self.inline.clear();
                } else {
                    self.collecting = true;
                }
            }
            Event::End(TagEnd::Paragraph) => {
                if self.lists.is_empty() {
                    let lines = self.take_inline();
                    self.paragraph(lines);
                } else {
                    // A loose item's paragraph: keep collecting into the item.
                    self.push_text(" ", offset);
                }
            }
            Event::Start(Tag::List(start)) => {
                let label = if let Some(parent) = self.lists.last_mut() {
                    // A nested list: the parent item is its label.
                    let open = parent.open.take();
                    if let Some((text, line)) = open {
                        let item = text::plain(&text);
                        let number = parent.ordered.then_some(parent.next_number - 1);
                        if !item.is_empty() {
                            parent.items.push(Item {
                                text: item.clone(),
                                line,
                                number,
                            });
                        }
                        Some(text::label(&item).1)
                    } else {
                        None
                    }
                } else {
                    let lines = self.take_inline();
                    if !lines.is_empty() {
                        self.paragraph(lines);
                    }
                    self.pending_label.take().or_else(|| {
                        self.after_heading
                            .then(|| self.sections.last().map(|(_, s)| s.clone()))
                            .flatten()
                    })
                };
                self.inline.clear();
                self.collecting = false;
                let start_number = start.map(|n| u32::try_from(n).unwrap_or(1));
                self.lists.push(ListCtx {
                    label,
                    ordered: start_number.is_some(),
                    next_number: start_number.unwrap_or(1),
                    items: Vec::new(),
                    open: None,
                    section: self.section(),
                });
            }
            Event::End(TagEnd::List(_)) => {
                self.close_open_item();
                if let Some(ctx) = self.lists.pop() {
                    self.emit_list(ctx);
                }
                self.after_heading = false;
            }
            Event::Start(Tag::Item) => {
                self.close_open_item();
                let line = self.line_of(offset);
                if let Some(ctx) = self.lists.last_mut() {
                    ctx.open = Some((String::new(), line));
                    ctx.next_number += 1;
                }
                self.collecting = true;
                self.inline.clear();
            }
            Event::End(TagEnd::Item) => self.close_open_item(),
            Event::Start(Tag::Strong) | Event::End(TagEnd::Strong) => {
                if let Some(ctx) = self.lists.last_mut()
                    && let Some((text, _)) = ctx.open.as_mut()
                    && self.heading.is_none()
                {
                    text.push_str("**");
                    return;
                }
                self.push_text("**", offset);
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(ctx) = self.lists.last_mut()
                    && let Some((text, _)) = ctx.open.as_mut()
                    && self.table.is_none()
                    && self.heading.is_none()
                {
                    text.push_str(&t);
                    return;
                }
                if let Some(table) = self.table.as_mut() {
                    if let Some(cell) = table.2.last_mut() {
                        cell.push_str(&t);
                    }
                    return;
                }
                self.push_text(&t, offset);
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(ctx) = self.lists.last_mut()
                    && let Some((text, _)) = ctx.open.as_mut()
                {
                    text.push('\n');
                    return;
                }
                self.line_break(offset);
            }
            Event::Start(Tag::Table(_)) => {
                let line = self.line_of(offset);
                self.table = Some((Vec::new(), Vec::new(), Vec::new(), false, line));
            }
            Event::Start(Tag::TableHead) => {
                if let Some(t) = self.table.as_mut() {
                    t.3 = true;
                    t.2.clear();
                }
            }
            Event::Start(Tag::TableRow) => {
                if let Some(t) = self.table.as_mut() {
                    t.2.clear();
                    t.4 = self.line_starts.partition_point(|&s| s <= offset) as u32;
                }
            }
            Event::Start(Tag::TableCell) => {
                if let Some(t) = self.table.as_mut() {
                    t.2.push(String::new());
                }
            }
            Event::End(TagEnd::TableHead) => {
                if let Some(t) = self.table.as_mut() {
                    self.table_groups =
                        t.2.iter()
                            .filter(|c| c.contains(['✅', '❌', '⚠', '✓', '✗', '✔', '✘', '✖', '☑']))
                            .count()
                            >= 2;
                    t.0 = t.2.drain(..).map(|c| text::plain(&c)).collect();
                    t.3 = false;
                }
            }
            Event::End(TagEnd::TableRow) => {
                if let Some(t) = self.table.as_mut() {
                    let cells: Vec<String> = t.2.drain(..).map(|c| text::plain(&c)).collect();
                    let line = t.4;
                    t.1.push((line, cells));
                }
            }
            Event::End(TagEnd::Table) => {
                if let Some((header, rows, _, _, line)) = self.table.take()
                    && !rows.is_empty()
                    && self.skipping.is_none()
                {
                    let rows = crate::compile::document::join_wrapped_rows(rows);
                    if std::mem::take(&mut self.table_groups) {
                        // "| Safe to compost ✅ | Never compost ❌ |": each
                        // column a list under its header, not a record per
                        // row ("never compost of eggshells?" → "Bread").
                        for (j, label) in header.iter().enumerate() {
                            let items: Vec<Item> = rows
                                .iter()
                                .filter_map(|(line, row)| {
                                    row.get(j).filter(|c| !c.is_empty()).map(|c| Item {
                                        text: c.clone(),
                                        line: *line,
                                        number: None,
                                    })
                                })
                                .collect();
                            if !items.is_empty() {
                                self.doc.blocks.push(Block {
                                    section: self.section().into(),
                                    line,
                                    body: Body::List(List {
                                        label: Some(label.clone()),
                                        ordered: false,
                                        items,
                                        grouped: true,
                                    }),
                                });
                            }
                        }
                    } else {
                        self.doc.blocks.push(Block {
                            section: self.section().into(),
                            line,
                            body: Body::Table { header, rows },
                        });
                    }
                }
            }
            _ => {}
        }
    }

    fn close_open_item(&mut self) {
        let mut finished: Vec<ListCtx> = Vec::new();
        if let Some(ctx) = self.lists.last_mut()
            && let Some((text, line)) = ctx.open.take()
        {
            // A `**Label:**` line right under an item (no blank line) is,
            // to CommonMark, part of the item; to the author it starts the
            // next labelled list.
            let mut lines = text.split('\n');
            let mut head: Vec<&str> = lines.next().into_iter().collect();
            let mut labels: Vec<(String, Vec<&str>)> = Vec::new();
            for l in lines {
                match whole_bold_label(l.trim()) {
                    Some(label) if l.trim().ends_with(":**") || l.trim().ends_with("**:") => {
                        labels.push((text::label(&label).1, Vec::new()));
                    }
                    _ => match labels.last_mut() {
                        Some((_, rest)) => rest.push(l),
                        None => head.push(l),
                    },
                }
            }
            let text = text::plain(&head.join(" "));
            if !text.is_empty() {
                let number = ctx.ordered.then_some(ctx.next_number - 1);
                ctx.items.push(Item { text, line, number });
            }
            for (label, rest) in labels {
                finished.push(ListCtx {
                    label: ctx.label.replace(label),
                    ordered: ctx.ordered,
                    next_number: ctx.next_number,
                    items: std::mem::take(&mut ctx.items),
                    open: None,
                    section: ctx.section.clone(),
                });
                let text = text::plain(&rest.join(" "));
                if !text.is_empty() {
                    ctx.items.push(Item {
                        text,
                        line,
                        number: None,
                    });
                }
            }
        }
        for done in finished {
            self.emit_list(done);
        }
        if !self.lists.is_empty() {
            self.collecting = false;
            self.inline.clear();
        }
    }

    fn emit_list(&mut self, ctx: ListCtx) {
        if ctx.items.is_empty() {
            return;
        }
        if self.skipping.is_some() {
            for item in &ctx.items {
                self.doc.skip(item.line, &item.text, "reading list");
            }
            return;
        }
        let line = ctx.items[0].line;
        self.doc.blocks.push(Block {
            section: ctx.section.into(),
            line,
            body: Body::List(List {
                label: ctx.label,
                ordered: ctx.ordered,
                items: ctx.items,
                grouped: false,
            }),
        });
    }

    fn heading(&mut self, level: u8, raw: &str, offset: usize) {
        let line = self.line_of(offset);
        let (number, text) = text::label(raw);
        let text = text::sentence_case(&text);
        self.pending_label = None;
        if text.is_empty() {
            return;
        }
        if level == 1 && self.doc.title.is_none() && self.sections.is_empty() {
            self.doc.title = Some(text);
            return;
        }
        if level <= 2 {
            self.seen_h2 = true;
        }
        while self.sections.last().is_some_and(|(l, _)| *l >= level) {
            self.sections.pop();
        }
        match self.skipping {
            Some(l) if level > l => {
                self.doc.skip(line, &text, "reading list");
                return;
            }
            _ => self.skipping = None,
        }
        if is_reading_list(&text) {
            self.skipping = Some(level);
            self.doc.skip(line, &text, "reading list");
            return;
        }
        if let Some(number) = number {
            let parent = self.section();
            self.numbered.entry(parent).or_default().push(Item {
                text: text.clone(),
                line,
                number: Some(number),
            });
        }
        self.sections.push((level, text));
        let section = self.section();
        self.doc.heading(line, &section);
        self.after_heading = true;
    }

    /// A top-level paragraph, line by line: labels, check-mark items,
    /// `**Key:** value` lines and running text.
    fn paragraph(&mut self, mut lines: Vec<(String, usize)>) {
        // "Hospital" over "On admission a pharmacist …", one paragraph: a
        // tab's label on a line of its own, over what the tab holds; the
        // label heads it, and its line is not the sentence's.
        if lines.len() >= 2
            && is_label_line(lines[0].0.trim())
            && lines[1].0.trim().starts_with(char::is_uppercase)
            && text::words(&lines[1].0) >= 4
            && self.skipping.is_none()
        {
            let (label, offset) = lines.remove(0);
            self.heading(6, label.trim(), offset);
        }
        // "MYTH: Falls are normal." over "FACT: Falls have causes.": one
        // myth with its truth, as a myths list would hold it.
        if let [(myth, offset), (fact, _)] = &lines[..]
            && let Some(myth) = strip_label(myth.trim(), &["myth"])
            && let Some(fact) = strip_label(fact.trim(), &["fact", "truth", "reality"])
        {
            let line = self.line_of(*offset);
            self.doc.blocks.push(Block {
                section: self.section().into(),
                line,
                body: Body::List(List {
                    label: Some("Myths and facts".to_string()),
                    ordered: false,
                    items: vec![Item {
                        text: format!("“{}” – {}", text::plain(myth), text::plain(fact)),
                        line,
                        number: None,
                    }],
                    grouped: false,
                }),
            });
            self.after_heading = false;
            return;
        }
        let mut checks: Vec<Item> = Vec::new();
        // Whether the last check line was a cross ("❌ “Rain is enough”").
        let mut crossed = false;
        let mut check_label: Option<String> = None;
        let mut prose: Vec<(String, u32)> = Vec::new();
        for (raw, offset) in lines {
            let line = self.line_of(offset);
            let raw = raw.trim();
            if self.skipping.is_some() {
                self.doc.skip(line, raw, "reading list");
                continue;
            }
            let first = raw.chars().next().unwrap_or(' ');
            if let Some(reason) = noise::noise_reason(&text::plain(raw))
                && !(CHECK_MARKS.contains(&first) && reason == noise::NoiseReason::Interface)
            {
                self.doc.skip(line, raw, reason.as_str());
                continue;
            }
            if CHECK_MARKS.contains(&first) {
                let text = text::plain(raw.trim_start_matches(CHECK_MARKS));
                if !text.is_empty() {
                    // "❌ “Rain is enough”" then "✅ Water pots anyway": a
                    // myth and its truth, one item.
                    let tick = matches!(first, '✅' | '✔' | '✓' | '☑');
                    if tick
                        && crossed
                        && let Some(myth) = checks.last_mut()
                    {
                        let quoted = if myth.text.starts_with(['"', '“']) {
                            myth.text.clone()
                        } else {
                            format!("“{}”", myth.text)
                        };
                        myth.text = format!("{quoted} – {text}");
                        crossed = false;
                        continue;
                    }
                    crossed = matches!(first, '❌' | '✗');
                    if checks.is_empty() {
                        check_label = self.pending_label.take().or_else(|| {
                            self.after_heading
                                .then(|| self.sections.last().map(|(_, s)| s.clone()))
                                .flatten()
                        });
                    }
                    checks.push(Item {
                        text,
                        line,
                        number: None,
                    });
                }
                continue;
            }
            self.flush_checks(&mut checks, &mut check_label);
            if let Some(label) = whole_bold_label(raw) {
                let (number, text) = text::label(&label);
                if let Some(number) = number {
                    self.numbered.entry(self.section()).or_default().push(Item {
                        text: text.clone(),
                        line,
                        number: Some(number),
                    });
                }
                self.flush_prose(&mut prose);
                self.pending_label = Some(text);
                continue;
            }
            if raw.starts_with("**") && !self.seen_h2 {
                self.doc.skip(line, raw, "document metadata");
                continue;
            }
            if let Some(text) = bold_term(raw) {
                // `**Term:** definition` on a line of its own: read as a
                // list item would be.
                self.flush_prose(&mut prose);
                self.pending_label = None;
                self.one_item_list(None, text, line);
                continue;
            }
            let text = text::plain(raw);
            if let Some(label) = self.pending_label.clone()
                && is_definition_label(&label)
            {
                self.pending_label = None;
                self.one_item_list(Some(label), text, line);
                continue;
            }
            prose.push((text, line));
        }
        self.flush_checks(&mut checks, &mut check_label);
        self.flush_prose(&mut prose);
        self.after_heading = false;
    }

    fn flush_checks(&mut self, checks: &mut Vec<Item>, label: &mut Option<String>) {
        if checks.is_empty() {
            return;
        }
        let items = std::mem::take(checks);
        self.doc.blocks.push(Block {
            section: self.section().into(),
            line: items[0].line,
            body: Body::List(List {
                label: label.take(),
                ordered: false,
                items,
                grouped: false,
            }),
        });
    }

    fn flush_prose(&mut self, prose: &mut Vec<(String, u32)>) {
        if prose.is_empty() {
            return;
        }
        let line = prose[0].1;
        // "Mulch – a layer of …" over "Dibber – a pointed stick …", a line
        // each: a key-terms list typed without bullets, one entry a line,
        // not a paragraph running one definition into the next.
        if prose.len() >= 2 && prose.iter().all(|(t, _)| is_glossary_line(t)) {
            // "I teach the GARDEN mnemonic:" over "G – Get out easily …":
            // the paragraph that names the word the letters spell is the
            // list's label.
            let initials: String = prose.iter().filter_map(|(t, _)| t.chars().next()).collect();
            let named = match self.doc.blocks.last() {
                Some(Block {
                    body: Body::Paragraph(p),
                    ..
                }) if p
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| w == initials) =>
                {
                    Some(p.clone())
                }
                _ => None,
            };
            let items = prose
                .drain(..)
                .map(|(text, line)| Item {
                    text,
                    line,
                    number: None,
                })
                .collect();
            self.doc.blocks.push(Block {
                section: self.section().into(),
                line,
                body: Body::List(List {
                    label: named.or_else(|| self.sections.last().map(|(_, s)| s.clone())),
                    ordered: false,
                    items,
                    grouped: false,
                }),
            });
            return;
        }
        // Each run of lines that ends a sentence is a paragraph of its own,
        // so every card cites the line its sentence starts on.
        for (text, line) in super::sentence_runs(std::mem::take(prose)) {
            self.doc.blocks.push(Block {
                section: self.section().into(),
                line,
                body: Body::Paragraph(text),
            });
        }
    }

    fn finish(mut self) -> Document {
        self.close_open_item();
        while let Some(ctx) = self.lists.pop() {
            self.emit_list(ctx);
        }
        let lines = self.take_inline();
        if !lines.is_empty() {
            self.paragraph(lines);
        }
        for (parent, items) in std::mem::take(&mut self.numbered) {
            if items.len() < 2 {
                continue;
            }
            let label = parent.last().cloned();
            let line = items[0].line;
            self.doc.blocks.push(Block {
                section: parent.into(),
                line,
                body: Body::List(List {
                    label,
                    ordered: true,
                    items,
                    grouped: false,
                }),
            });
        }
        mark_groups(&mut self.doc.blocks);
        self.doc.blocks.sort_by_key(|b| b.line);
        self.doc
    }
}

/// The rest of `line` after one of `labels` and a colon ("MYTH: …"),
/// whatever the label's case.
fn strip_label<'l>(line: &'l str, labels: &[&str]) -> Option<&'l str> {
    let (head, rest) = line.split_once(':')?;
    let head = head.trim().trim_matches('*').trim();
    (labels.contains(&head.to_lowercase().as_str()) && !rest.trim().is_empty()).then(|| rest.trim())
}

/// Whether a line is a short label: one to four words in plain text
/// ("Hospital", "PCN pharmacist"), no stop, no figure, no markup.
fn is_label_line(line: &str) -> bool {
    (1..=4).contains(&text::words(line))
        && line.starts_with(char::is_uppercase)
        && !line.ends_with(['.', ',', ':', ';', '?', '!', '-', '–'])
        && !line
            .chars()
            .any(|c| c.is_ascii_digit() || "*_[]()|#>`".contains(c))
}

/// Whether a line reads as one key term with its meaning: a short term
/// in capitals first, a dash, and a meaning of three words or more.
fn is_glossary_line(line: &str) -> bool {
    let Some((term, meaning)) = [" – ", " — ", " - "]
        .iter()
        .find_map(|d| line.split_once(d))
    else {
        return false;
    };
    // (A memory aid's letter, "S – Sound the alert", makes a list too.)
    term.starts_with(char::is_uppercase)
        && (1..=5).contains(&text::words(term))
        && !term.ends_with(['.', ',', ';'])
        && text::words(meaning) >= 3
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// A line that is all bold and reads as a label (`**Health Professionals:**`,
/// `**What is it?**`): its text.
fn whole_bold_label(raw: &str) -> Option<String> {
    let inner = raw.strip_prefix("**")?.strip_suffix("**")?;
    let inner = inner.trim();
    if inner.contains("**") {
        return None;
    }
    let plain = text::plain(inner);
    let ends_label = plain.ends_with(':') || plain.ends_with('?');
    (ends_label || text::words(&plain) <= 6).then_some(plain)
}

#[cfg(test)]
mod tests;

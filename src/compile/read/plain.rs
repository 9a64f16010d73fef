//! Plain-text documents, read line by line: study guides (section titles
//! on their own line, `- ` bullets, `Term: definition`), text saved from
//! e-learning pages (a multiple-choice question with its answer key, tab
//! titles, UI lines) and essays (prose paragraphs, numbered section
//! headings, web furniture). Each line is classified once (a `Line`) and
//! fed through a small state machine that builds the document model.

use super::noise::NoiseReason;
use super::questions::{correct_options, feedback_text, qa_at};
use super::{noise, questions};
use crate::compile::document::{Block, Body, DocKind, Document, Item, List, Mcq};
use crate::compile::text;
use regex::Regex;
use std::sync::LazyLock;

/// What one line of a plain document is.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Line {
    Blank,
    Noise(NoiseReason),
    Bullet(String),
    Numbered(u32, String),
    Title(String),
    Text(String),
}

fn classify(raw: &str, kind: DocKind) -> Line {
    let t = raw.trim();
    if t.is_empty() {
        return Line::Blank;
    }
    if let Some(reason) = noise::noise_reason(t) {
        return Line::Noise(reason);
    }
    // "A  -  Assess the situation": a letter of a mnemonic, the item being
    // the word it stands for.
    // "S  Situation  - who you are": the same without the dash.
    let mut chars = t.chars();
    if let (Some(letter), Some(' ')) = (chars.next(), chars.next())
        && letter.is_ascii_uppercase()
    {
        let after = chars.as_str();
        let rest = after
            .trim_start()
            .strip_prefix(['-', '–', ':'])
            .map(str::trim_start)
            .or_else(|| after.starts_with(' ').then(|| after.trim_start()));
        if let Some(rest) = rest
            && rest.starts_with(letter)
            && rest.chars().nth(1).is_some_and(char::is_lowercase)
        {
            return Line::Bullet(text::plain(rest));
        }
    }
    // (Crosses and ticks mark myths and truths, checklists and dos and
    // don'ts: "✗ “Pruning kills roses.” – …".)
    for marker in [
        "- ", "• ", "* ", "– ", "▪ ", "o ", "x ", "✗ ", "✘ ", "❌ ", "✖ ", "✓ ", "✔ ", "✅ ", "☑ ",
    ] {
        if let Some(rest) = t.strip_prefix(marker) {
            if matches!(marker, "o " | "x ") && kind != DocKind::StudyGuide {
                continue;
            }
            let text = text::plain(rest);
            return if text.is_empty() {
                Line::Noise(NoiseReason::NoWords)
            } else {
                Line::Bullet(text)
            };
        }
    }
    // "Step 3 - Shake the inhaler well.": a numbered step of a procedure.
    if let Some(rest) = t
        .get(..5)
        .filter(|h| h.eq_ignore_ascii_case("step "))
        .map(|_| &t[5..])
        && let Some((n, text)) = rest.split_once([' ', '-', '–', ':', '.', ')'])
        && let Ok(n) = n.trim_end_matches([':', '.', ')']).parse::<u32>()
    {
        let text = text::plain(text.trim_start_matches([' ', '-', '–', ':', '.', ')']));
        if text::words(&text) >= 2 {
            return Line::Numbered(n, text);
        }
    }
    if let (Some(n), rest) = text::leading_number(t) {
        let rest = text::plain(rest);
        // "14. Exam Tips & Revision Strategies": a numbered section title.
        // "15. SUMMARY": one word in capitals is a title too.
        let capital_word = text::words(&rest) == 1
            && rest.chars().filter(|c| c.is_alphabetic()).count() >= 4
            && !rest.chars().any(char::is_lowercase);
        if kind != DocKind::ELearning && is_title(&rest) && (is_title_case(&rest) || capital_word) {
            return Line::Title(rest);
        }
        return Line::Numbered(n, rest);
    }
    let text = text::plain(t);
    if is_title(&text) {
        Line::Title(text)
    } else {
        Line::Text(text)
    }
}

/// The line after `i` that is not blank.
fn next_nonblank(raw: &[&str], i: usize) -> Option<usize> {
    (i + 1..raw.len()).find(|&j| !raw[j].trim().is_empty())
}

/// The line after `first` that is an essay's title, not `first`: the
/// line over its byline ("By Gareth Pryce | 14 March 2024"), below the
/// magazine's name, its menu and its tags.
fn byline_title(lines: &[Line], raw: &[&str], first: usize) -> Option<usize> {
    let byline = (first + 1..raw.len().min(first + 16))
        .find(|&b| crate::compile::topic::is_byline(raw[b]))?;
    let title = (first + 1..byline)
        .rev()
        .find(|&j| !raw[j].trim().is_empty())?;
    (matches!(&lines[title], Line::Title(t) | Line::Text(t)
        if text::words(t) <= 20
            && !t.ends_with('.')
            && t.matches(" | ").count() < 1
            && !t.contains(" > ")
            && !t.contains(" › ")
            // ("Health And Social Care": the site's category.)
            && !crate::compile::topic::is_field(t)))
    .then_some(title)
}

/// A short line without closing punctuation that starts with a capital:
/// a section title, a tab title, or an option.
fn is_title(t: &str) -> bool {
    // "Answers: 1) late winter 2) …": a quiz's key, no heading.
    if t.get(..8)
        .is_some_and(|h| h.eq_ignore_ascii_case("answers:"))
    {
        return false;
    }
    // "4.2 Management of …": the outline number is no word of the title.
    let words = text::words(text::strip_outline_number(t));
    let starts_upper = t
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    // "Myth: “Rain is enough”" is a flip card's front, not a heading.
    let myth = t.split_once(':').is_some_and(|(label, _)| {
        ["myth", "misconception", "fact"].contains(&text::norm(label).as_str())
    });
    starts_upper
        && !myth
        && words <= 10
        && t.len() <= 90
        && !t.ends_with(['.', ',', ';', ':', '!'])
        && !(t.ends_with('?') && words > 7 && !is_capitals(t))
}

/// Two words or more and every letter a capital: "SECTION 3  KEY TERMS".
fn is_capitals(t: &str) -> bool {
    text::words(t) >= 2
        && t.chars().filter(|c| c.is_alphabetic()).count() >= 4
        && !t.chars().any(char::is_lowercase)
}

/// Two words or more, every word of four letters or more capitalised:
/// "Learning Outcomes", "Exam Tips & Revision Strategies" (not "Wash your
/// hands").
fn is_title_case(t: &str) -> bool {
    let long: Vec<&str> = t.split_whitespace().filter(|w| w.len() >= 4).collect();
    text::words(t) >= 2
        && !long.is_empty()
        && long
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase() || !c.is_alphabetic()))
}

/// A list being read: label, ordered, items, heading path.
type ListCtx = (Option<String>, bool, Vec<Item>, Vec<String>);
/// A question found: the question, the lines it used, feedback lines.
type Found = (Mcq, Vec<usize>, Vec<(String, u32)>);

struct Reader {
    kind: DocKind,
    doc: Document,
    section: Vec<String>,
    list: Option<ListCtx>,
    label: Option<(String, Vec<String>)>,
    /// Tab titles after an intro line ending in `:`.
    tabs: Option<(String, Vec<String>, Vec<Item>)>,
    paragraph: Vec<(String, u32)>,
    /// The line where an unbulleted list in lower case may go on: the one
    /// after an intro line ending in `:`, or after such a list's last item.
    lower_items_at: Option<u32>,
    /// Under a "References" (or other reading-list) title: entries are
    /// skipped until a line that is not one.
    references: bool,
}

/// Reads a plain-text document of the given kind.
pub fn read(text: &str, kind: DocKind) -> Document {
    let raw: Vec<&str> = text.lines().collect();
    let lines: Vec<Line> = raw.iter().map(|l| classify(l, kind)).collect();
    let mut r = Reader {
        kind,
        doc: Document {
            kind,
            title: None,
            blocks: Vec::new(),
            skipped: Vec::new(),
            headings: Vec::new(),
        },
        section: Vec::new(),
        list: None,
        label: None,
        tabs: None,
        paragraph: Vec::new(),
        lower_items_at: None,
        references: false,
    };
    let mut consumed = vec![false; lines.len()];
    mark_preview(&raw, &mut consumed, &mut r.doc);
    mark_comments(&raw, &mut consumed, &mut r.doc);
    // Tables laid out with spaces or tabs, read before wrapped lines are
    // joined (a wrapped cell is no wrapped sentence).
    let mut tables = std::collections::BTreeMap::new();
    let mut t = 0;
    while t < raw.len() {
        if !consumed[t]
            && !matches!(lines[t], Line::Noise(_) | Line::Blank)
            && let Some(table) = aligned::aligned_table_at(&raw, t)
            && table.used.iter().all(|&u| !consumed[u])
        {
            let end = table.used.last().copied().unwrap_or(t);
            for &u in &table.used {
                consumed[u] = true;
            }
            tables.insert(t, table);
            t = end + 1;
        } else {
            t += 1;
        }
    }
    // A numbered quiz keyed further down ("Answer key" over "Q1 - c) …").
    let mut quiz = keyed::keyed_quiz(&raw);
    quiz.retain(|_, (_, used)| used.iter().all(|&u| !consumed[u]));
    for (_, used) in quiz.values() {
        for &u in used {
            consumed[u] = true;
        }
    }
    // "Clock method        Describing where food is …": a key-terms list
    // laid out in two columns, read as "Term: definition" items (before
    // wrapped lines are joined: each entry is a line of its own).
    let glossary: std::collections::BTreeSet<usize> = (0..raw.len())
        .filter(|&i| {
            !consumed[i]
                && matches!(lines[i], Line::Text(_) | Line::Title(_))
                && glossary_entry(raw[i]).is_some()
                && [i.wrapping_sub(1), i + 1].iter().any(|&j| {
                    raw.get(j).is_some_and(|l| glossary_entry(l).is_some())
                        && matches!(lines[j], Line::Text(_) | Line::Title(_))
                })
        })
        .collect();
    // A definition wrapped onto lines indented under it goes with it.
    let mut glossary_more: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for &i in &glossary {
        consumed[i] = true;
        let mut j = i + 1;
        while j < raw.len()
            && !glossary.contains(&j)
            && !consumed[j]
            && !raw[j].trim().is_empty()
            && indent(raw[j]) > indent(raw[i]) + 2
            // ("Page 5 of 7" set far to the right is the page's, not the
            // definition's.)
            && noise::noise_reason(&text::plain(raw[j])).is_none()
        {
            consumed[j] = true;
            glossary_more.entry(i).or_default().push(j);
            j += 1;
        }
    }
    let lines = join_wrapped(lines, &raw, &mut consumed);
    if kind == DocKind::Essay
        && let Some(first) = (0..lines.len()).find(|&i| {
            // A cookie notice, its buttons ("[ Accept all ]") and a search
            // box come before the title too.
            let furniture = {
                let t = raw[i].trim();
                let lower = t.to_lowercase();
                // "StudyCarePro - Free essays …": a site's name and tagline.
                let site = t.split_whitespace().next().is_some_and(crate::compile::topic::is_site_name)
                    && [" | ", " - ", " – "].iter().any(|d| t.contains(d));
                // "Home    Essays    Revision Notes    Log in": a menu bar.
                let bar = t.split("  ").filter(|p| !p.trim().is_empty()).count() >= 4;
                site || bar || lower.contains("cookie")
                    // "ogy and AI in Care: Help or … | Free Essay Exampl": a
                    // browser tab's title cut at both ends; no title starts
                    // in lower case.
                    || t.starts_with(char::is_lowercase)
                    || t.starts_with('[')
                    || lower.starts_with("accept all")
                    || lower.starts_with("search") && t.ends_with(['.', '…'])
            };
            !consumed[i]
                && !furniture
                && !matches!(lines[i], Line::Blank | Line::Noise(_))
                // The site's name ("GardenHub"), its menu and its
                // breadcrumb come before the title.
                && !matches!(&lines[i], Line::Title(t) | Line::Text(t) if crate::compile::topic::is_site_name(t)
                    || t.matches(" | ").count() >= 2
                    || t.contains(" > ")
                    || t.contains(" › ")
                    || t.contains(" » "))
        })
        // "CARE PRACTICE WEEKLY" over "Beyond Bingo: what gets men …"
        // over "By Gareth Pryce | …": the magazine's name, then the
        // article's title over its byline.
        && let first = byline_title(&lines, &raw, first).unwrap_or(first)
        && let Line::Title(t) | Line::Text(t) = &lines[first]
        // (A long title in Title Case is a title too: "Agency Staff In Care
        // Homes And Their Effect On The Quality Of Care".)
        && (matches!(lines[first], Line::Title(_))
            || is_title_case(t) && text::words(t) <= 20 && !t.ends_with('.')
            // (A line in sentence case over its byline, too.)
            || next_nonblank(&raw, first).is_some_and(|j| crate::compile::topic::is_byline(raw[j]))
                && text::words(t) <= 20
                && !t.ends_with('.'))
    {
        r.doc.title = Some(t.clone());
        consumed[first] = true;
    }
    let mut i = 0;
    while i < lines.len() {
        let no = line_no(i);
        if let Some(table) = tables.remove(&i) {
            r.table(no, table);
        }
        match quiz.remove(&i) {
            Some((keyed::Keyed::Choice(mcq), _)) => r.mcq(no, mcq, Vec::new()),
            Some((keyed::Keyed::Answered(question, answer), _)) => r.qa(no, question, answer),
            None => {}
        }
        if glossary.contains(&i)
            && let Some((term, definition)) = glossary_entry(raw[i])
        {
            r.flush_paragraph();
            let mut definition = definition.to_string();
            for &j in glossary_more.get(&i).into_iter().flatten() {
                definition.push(' ');
                definition.push_str(raw[j].trim());
            }
            // ("COMPOSTING ....": a word in capitals, not an acronym.)
            let term = if term.chars().filter(|c| c.is_alphabetic()).count() >= 8
                && !term.chars().any(char::is_lowercase)
            {
                text::capitalize(&term.to_lowercase())
            } else {
                term.to_string()
            };
            r.item(&format!("{term}: {definition}"), no, None);
            i += 1;
            continue;
        }
        if consumed[i] {
            i += 1;
            continue;
        }
        let found = try_mcq(&lines, &raw, i, &consumed)
            .map(|(mcq, used, feedback)| (r.mcq(no, mcq, feedback), used).1)
            .or_else(|| {
                questions::true_false_at(&raw, i)
                    .filter(|(_, _, used)| used.iter().all(|&j| !consumed[j]))
                    .map(|(question, answer, used)| (r.qa(no, question, answer), used).1)
            })
            .or_else(|| {
                qa_at(&raw, i, false, questions::bare)
                    .filter(|(_, _, used)| used.iter().all(|&j| !consumed[j]))
                    .map(|(question, answer, used)| (r.qa(no, question, answer), used).1)
            });
        let found = found.or_else(|| {
            reveal_qa(&raw, i)
                .filter(|(_, _, _, used)| used.iter().skip(1).all(|&j| !consumed[j]))
                .map(|(question, answer, at, used)| (r.qa(line_no(at), question, answer), used).1)
        });
        if let Some(used) = found {
            for j in used {
                consumed[j] = true;
            }
            i += 1;
            continue;
        }
        if r.references
            && matches!(
                lines[i],
                Line::Text(_) | Line::Title(_) | Line::Bullet(_) | Line::Numbered(..)
            )
        {
            if noise::is_reference_entry(raw[i]) {
                r.doc.skip(no, raw[i], "reading list");
                i += 1;
                continue;
            }
            r.references = false;
        }
        // "G - Gender   R - Race   A - Age": a memory aid's letters laid
        // out several to a line are one item each.
        if matches!(lines[i], Line::Text(_) | Line::Title(_) | Line::Bullet(_))
            && let Some(entries) = letter_entries(raw[i])
        {
            r.flush_paragraph();
            for entry in entries {
                // Read as the same letter on a line of its own is read.
                match classify(entry, kind) {
                    Line::Bullet(text) => r.item(&text, no, None),
                    _ => r.item(entry, no, None),
                }
            }
            i += 1;
            continue;
        }
        // "1. 2010   2. Nine   3. Section 20": an answer key's numbered
        // answers run together on one line are one item each.
        if let Line::Numbered(..) = lines[i]
            && let Some(entries) = numbered_entries(raw[i])
        {
            r.flush_paragraph();
            for (n, entry) in entries {
                r.item(entry, no, Some(n));
            }
            i += 1;
            continue;
        }
        match &lines[i] {
            Line::Blank => {
                r.flush_paragraph();
                if kind == DocKind::Essay {
                    r.flush_list();
                }
            }
            Line::Noise(reason) => {
                r.flush_paragraph();
                // A new set of tabs ends the one before; "Next" or
                // "Continue" starts a new page, with no heading yet.
                if *reason == NoiseReason::Interface
                    && r.tabs.as_ref().is_some_and(|t| !t.2.is_empty())
                {
                    r.flush_tabs();
                }
                if *reason == NoiseReason::Interface && is_page_turn(raw[i]) {
                    r.flush_list();
                    r.flush_tabs();
                    r.section.clear();
                    r.label = None;
                }
                // "Related posts", "You may also like": what follows is
                // other pages' titles, under a heading that says so.
                if *reason == NoiseReason::WebFurniture && {
                    let n = text::norm(raw[i]);
                    ["related ", "you may also like"]
                        .iter()
                        .any(|p| n.starts_with(p))
                } {
                    r.flush_list();
                    r.section = vec![raw[i].trim().to_string()];
                    r.label = None;
                }
                r.doc.skip(no, raw[i], reason.as_str());
            }
            Line::Bullet(text) => {
                r.flush_paragraph();
                r.item(text, no, None);
            }
            Line::Numbered(n, text) => {
                r.flush_paragraph();
                // Indented, or a line of its own between blank lines (a
                // contents list runs its numbers together).
                let alone = i > 0
                    && lines[i - 1] == Line::Blank
                    && lines.get(i + 1).is_none_or(|l| *l == Line::Blank);
                let heading_like = text::words(text) <= 10
                    && !text.ends_with(['.', ';', ',', ':'])
                    && (raw[i].starts_with([' ', '\t']) || alone);
                if kind == DocKind::Essay && heading_like {
                    r.title(&text::capitalize(text), no);
                } else {
                    r.item(text, no, Some(*n));
                }
            }
            Line::Title(text) => {
                r.flush_paragraph();
                r.title(text, no);
            }
            Line::Text(text) => r.text(text, no),
        }
        i += 1;
    }
    r.flush_paragraph();
    r.flush_list();
    r.flush_tabs();
    crate::compile::document::mark_groups(&mut r.doc.blocks);
    r.doc.blocks.sort_by_key(|b| b.line);
    r.doc
}

/// The entries of a line of memory-aid letters, two or more to a line,
/// set apart by runs of spaces or tabs: "S - Sex      D - Disability".
fn letter_entries(raw: &str) -> Option<Vec<&str>> {
    static LETTER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[ \t]{2,}|\t)([A-Z])[ \t]*[-–—=:][ \t]+\S").expect("valid")
    });
    let line = raw.trim();
    let starts: Vec<(usize, usize)> = LETTER
        .captures_iter(line)
        .filter_map(|c| {
            c.get(1)
                .map(|m| (c.get(0).map_or(0, |w| w.start()), m.start()))
        })
        .collect();
    if starts.len() < 2 || starts[0].1 != 0 {
        return None;
    }
    let entries: Vec<&str> = starts
        .iter()
        .enumerate()
        .map(|(k, &(_, at))| {
            let end = starts.get(k + 1).map_or(line.len(), |&(whole, _)| whole);
            line[at..end].trim()
        })
        .collect();
    // Each entry is a short phrase, not a sentence running on.
    entries
        .iter()
        .all(|e| text::words(e) <= 8 && !e.ends_with('.'))
        .then_some(entries)
}

/// A key term and its definition laid out as two columns: a short term,
/// a gap of two spaces or more, and a phrase of three words or more.
fn glossary_entry(raw: &str) -> Option<(&str, &str)> {
    static ENTRY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[ \t]*([A-Z][A-Za-z0-9_'’()/&-]*(?: [A-Za-z0-9_'’()/&-]+){0,4})(?: {2,}|\t+)(\S.*\S)[ \t]*$")
            .expect("valid")
    });
    // "Mulch – a layer of …": a dash between them, in a run of such lines.
    static DASHED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[ \t]*([A-Z][A-Za-z0-9_'’()/&-]*(?: [A-Za-z0-9_'’()/&-]+){0,4}) [–—-] (\S.*\S)[ \t]*$")
            .expect("valid")
    });
    // "Mulch ............ a layer spread over the soil surface": a dot
    // leader between them (one dot, spaced, after a long term).
    static DOTTED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[ \t]*([A-Z][A-Za-z0-9_'’()/&-]*(?: [A-Za-z0-9_'’()/&-]+){0,5}?)(?: ?\.{2,}| \.)[ \t]+(\S.*\S)[ \t]*$")
            .expect("valid")
    });
    let (c, dashed, dotted) = match ENTRY.captures(raw) {
        Some(c) => (c, false, false),
        None => match DOTTED.captures(raw) {
            Some(c) => (c, false, true),
            None => (DASHED.captures(raw)?, true, false),
        },
    };
    let (term, definition) = (c.get(1)?.as_str(), c.get(2)?.as_str());
    // (One short gloss: a line of sentences is prose the rules read.)
    if dashed && (definition.contains(". ") || text::words(definition) > 25) {
        return None;
    }
    // "Pressure    - body weight squeezes …": the dash is the layout's.
    let definition = ["- ", "– ", "= ", ": "]
        .iter()
        .find_map(|d| definition.strip_prefix(d))
        .unwrap_or(definition)
        .trim_start();
    // A term, not a letter of a memory aid ("S  = Situation"), a mark ("X
    // 'Myth' – …") or a code ("LO2  Identify …").
    // ("Zone 7 ....": a name with its number, behind its leader.)
    let term_ok =
        term.chars().count() >= 2 && (dotted || !term.chars().any(|c| c.is_ascii_digit()));
    // One definition, not a menu bar or a row of cells.
    (term_ok
        && text::words(definition) >= 3
        && definition.starts_with(|c: char| c.is_alphanumeric() || c == '"' || c == '“')
        && !definition.contains("  ")
        && !definition.contains(['\t', '|']))
    .then_some((term, definition))
}

/// The numbered entries of a line holding several, set apart by runs of
/// spaces or tabs and numbered in turn: "5. At least 12 months   6. Six".
pub(super) fn numbered_entries(raw: &str) -> Option<Vec<(u32, &str)>> {
    static NUMBER: LazyLock<Regex> =
        // ("1 – Three   2 – Spring": a dash after the number too.)
        LazyLock::new(|| {
            Regex::new(r"(?:^|[ \t]{2,}|\t)([0-9]{1,2})(?:[.)]|[ \t]+[–—-])[ \t]+\S")
                .expect("valid")
        });
    let line = raw.trim();
    let mut starts: Vec<(usize, usize, u32)> = Vec::new();
    for c in NUMBER.captures_iter(line) {
        let (Some(whole), Some(number)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let n: u32 = number.as_str().parse().ok()?;
        if let Some(&(_, _, last)) = starts.last()
            && n != last + 1
        {
            return None;
        }
        starts.push((whole.start(), number.start(), n));
    }
    if starts.len() < 2 || starts[0].1 != 0 {
        return None;
    }
    let entries = starts
        .iter()
        .enumerate()
        .map(|(k, &(_, at, n))| {
            let end = starts.get(k + 1).map_or(line.len(), |&(whole, _, _)| whole);
            let entry = line[at..end].trim();
            let body = entry.split_once([' ', '\t']).map_or("", |(_, b)| b).trim();
            let body = body.trim_start_matches(['–', '—', '-']).trim_start();
            (n, body)
        })
        .collect();
    Some(entries)
}

fn indent(raw: &str) -> usize {
    raw.len() - raw.trim_start().len()
}

/// Lines wrapped by the author's editor, joined back: a bullet's or a
/// numbered item's continuation (indented deeper than its marker), and a
/// line of running text that stops mid-sentence (no closing punctuation)
/// followed by more running text. The joined line keeps the first line's
/// number; the rest are consumed.
fn join_wrapped(mut lines: Vec<Line>, raw: &[&str], consumed: &mut [bool]) -> Vec<Line> {
    let mut i = 0;
    while i < lines.len() {
        if consumed[i] {
            i += 1;
            continue;
        }
        // A "title" that ends on a small word ("… in advance \"just in case\" a")
        // is running text cut by the line's end.
        if let Line::Title(t) = &lines[i]
            && t.rsplit(' ').next().is_some_and(|w| {
                [
                    "a", "an", "the", "of", "to", "and", "or", "for", "in", "with", "by", "that",
                ]
                .contains(&w)
            })
            && matches!(lines.get(i + 1), Some(Line::Text(_)))
            && !consumed.get(i + 1).copied().unwrap_or(true)
        {
            lines[i] = Line::Text(t.clone());
        }
        let item = matches!(lines[i], Line::Bullet(_) | Line::Numbered(..));
        let prose = matches!(lines[i], Line::Text(_));
        if !item && !prose {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < lines.len() && !consumed[j] {
            let open = match &lines[i] {
                Line::Bullet(t) | Line::Numbered(_, t) | Line::Text(t) => !t
                    .trim_end_matches(['"', '\u{201d}', '\u{2019}', '\'', ')'])
                    .ends_with(['.', '?', '!', ':', ';']),
                _ => false,
            };
            let next = match &lines[j] {
                Line::Text(t) | Line::Title(t) => t.clone(),
                _ => break,
            };
            let joins = if item {
                indent(raw[j]) > indent(raw[i]) && (open || !matches!(lines[j], Line::Title(_)))
            } else {
                // Short lines without a stop are options and answers, not
                // wrapped prose.
                // A line in lower case that no line before continues is an
                // item of an unbulleted list ("a whistling sound …, called
                // a wheeze" over "breathlessness"), not a sentence's start.
                let long = text::words(raw[i]) >= 8;
                let item_line = raw[i].trim_start().starts_with(char::is_lowercase);
                // A title in Title Case over its byline ("By …") is no
                // sentence wrapped.
                // (At the top of the page only: a sentence naming laws is
                // in Title Case too.)
                let titled = i < 25
                    && (is_title_case(raw[i].trim()) || raw[j].trim_start().starts_with("By "));
                open && long && !item_line && !titled && matches!(lines[j], Line::Text(_))
            };
            if !joins {
                break;
            }
            if let Line::Bullet(t) | Line::Numbered(_, t) | Line::Text(t) = &mut lines[i] {
                t.push(' ');
                t.push_str(&next);
            }
            consumed[j] = true;
            j += 1;
        }
        i = j;
    }
    lines
}

/// "Click to reveal: Why not use tablets?" (or the question on the line
/// after "Click to reveal +") over the line that answers it: the question,
/// its answer, the question's line and the lines used (the reveal line and
/// the question's).
fn reveal_qa(raw: &[&str], i: usize) -> Option<(String, String, usize, Vec<usize>)> {
    let t = raw[i].trim();
    let rest = [
        "click to reveal",
        "tap to reveal",
        "select to reveal",
        "reveal",
    ]
    .iter()
    .find_map(|p| text::strip_prefix_ascii_ci(t, p))?
    .trim();
    let rest = rest.trim_start_matches([':', '+', '-', '–', ' ']).trim();
    let next = |from: usize| (from..raw.len().min(from + 3)).find(|&j| !raw[j].trim().is_empty());
    let (question, q_line) = if rest.is_empty() {
        let j = next(i + 1)?;
        (raw[j].trim(), j)
    } else {
        (rest, i)
    };
    // "Did you know?", "Myth or fact?", "How does it work?", "What about
    // the form itself?": a box's teaser, or a question about words the
    // card would not show.
    let norm = text::norm(question);
    let teaser = norm.split(' ').any(|w| {
        [
            "it", "this", "that", "these", "those", "i", "me", "my", "know", "myth", "fact",
            "about",
        ]
        .contains(&w)
    }) || text::words(question) <= 4 && norm.contains(" or ");
    if !question.ends_with('?') || !(3..=16).contains(&text::words(question)) || teaser {
        return None;
    }
    let a = next(q_line + 1)?;
    // ("▼ Dysphagia means …": the box's arrow is no word of the answer.)
    let answer = raw[a]
        .trim()
        .trim_start_matches(|c: char| !c.is_alphanumeric() && c != '"' && c != '“');
    // A short question needs a short verdict to stand alone ("Will
    // antibiotics help? – No. …"); "Which SWL counts?" points into its box.
    let verdict = ["Yes", "No"].iter().any(|v| {
        answer
            .strip_prefix(v)
            .is_some_and(|r| r.starts_with(['.', ',', ' ', ';', '–', '-']))
    });
    if answer.starts_with("Even ") || text::words(question) < 6 && !verdict {
        return None;
    }
    // An answer that opens a list ("The four main symptoms are:") or is
    // itself a heading or an item is not read here.
    if answer.ends_with(':')
        || text::words(answer) < 3
        || answer.starts_with(['-', '•', '*'])
        || answer.starts_with(|c: char| c.is_ascii_digit())
        || noise::noise_reason(answer).is_some()
    {
        return None;
    }
    // The answer's line is read as the page's text too (it may define a
    // term the question does not ask, or spell out an acronym: that card
    // cites the answer's own line, so the answer here goes without it).
    let mut used = vec![i, q_line];
    used.dedup();
    let mut bare = String::with_capacity(answer.len());
    let mut rest = answer;
    while let Some(open) = rest.find(" (") {
        let close = rest[open..].find(')').map(|c| open + c);
        match close {
            Some(close)
                if (2..=6).contains(&(close - open - 2))
                    && rest[open + 2..close]
                        .chars()
                        .all(|c| c.is_ascii_uppercase()) =>
            {
                bare.push_str(&rest[..open]);
                rest = &rest[close + 1..];
            }
            _ => {
                bare.push_str(&rest[..open + 2]);
                rest = &rest[open + 2..];
            }
        }
    }
    bare.push_str(rest);
    Some((question.to_string(), bare, q_line, used))
}

fn line_no(i: usize) -> u32 {
    u32::try_from(i + 1).unwrap_or(u32::MAX)
}

/// "Next", "Continue", "‹ Back    Next ›": a line that moves to another
/// page.
fn is_page_turn(line: &str) -> bool {
    let t = text::norm(line);
    let turns = ["next", "continue", "back", "previous", "next page", "start"];
    turns.contains(&t.as_str())
        || (noise::is_navigation(line.trim())
            && t.split(' ').any(|w| turns.contains(&w) || w == "finish"))
}

/// The first line of a saved page is often a cut-off copy of a later
/// paragraph (a preview): drop it.
fn mark_preview(raw: &[&str], consumed: &mut [bool], doc: &mut Document) {
    let Some(first) = raw.iter().position(|l| !l.trim().is_empty()) else {
        return;
    };
    let head = raw[first].trim();
    if text::words(head) < 4 {
        return;
    }
    let later = raw
        .iter()
        .skip(first + 1)
        .take(20)
        .any(|l| l.trim().len() > head.len() && l.trim().starts_with(head));
    if later {
        consumed[first] = true;
        doc.skip(line_no(first), head, "truncated preview");
    }
}

/// Readers' comments under a page, from the first to the page's end
/// ([`noise::comments_start`]).
fn mark_comments(raw: &[&str], consumed: &mut [bool], doc: &mut Document) {
    let Some(start) = noise::comments_start(raw) else {
        return;
    };
    for i in start..raw.len() {
        if !consumed[i] && !raw[i].trim().is_empty() {
            consumed[i] = true;
            doc.skip(line_no(i), raw[i], "comments");
        }
    }
}

/// A multiple-choice question at line `i`: the question ends with `?`, an
/// answer key (`1, 3, 4 and 5`) comes before or after its options (short
/// lines). Returns the question, the lines it used, and any feedback
/// line ("Remember - …") with its line.
fn try_mcq(lines: &[Line], raw: &[&str], i: usize, consumed: &[bool]) -> Option<Found> {
    let question = match &lines[i] {
        Line::Text(t) | Line::Title(t) | Line::Numbered(_, t) if t.ends_with('?') => {
            questions::strip_question_label(t)
        }
        _ => return None,
    };
    if text::words(question) < 4 {
        return None;
    }
    let question = question.to_string();
    let mut used = vec![i];
    let mut key: Option<Vec<usize>> = None;
    let mut options: Vec<String> = Vec::new();
    // Each option's letter, while every option so far has had one.
    let mut letters: Option<Vec<usize>> = Some(Vec::new());
    let mut feedback = Vec::new();
    let mut j = i + 1;
    while j < lines.len() && j <= i + 40 {
        if consumed[j] {
            break;
        }
        let t = raw[j].trim();
        // A lone number before any option, after the question and its
        // instruction line ("Choose one answer."): a one-answer key.
        let lone = (1..=2).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit());
        if lone && key.is_none() && options.is_empty() {
            key = Some(vec![t.parse().unwrap_or(0)]);
            used.push(j);
            j += 1;
            continue;
        }
        if let Some(numbers) = questions::answer_key(t) {
            if key.is_some() {
                break;
            }
            key = Some(numbers);
            used.push(j);
            j += 1;
            if !options.is_empty() {
                break;
            }
            continue;
        }
        if let Some(rest) = feedback_text(t) {
            feedback.push((rest, line_no(j)));
            used.push(j);
            j += 1;
            continue;
        }
        let lettered = match &lines[j] {
            Line::Title(t) | Line::Bullet(t) | Line::Text(t) => questions::lettered_option(t),
            _ => None,
        };
        if let Some((letter, text)) = lettered
            && text::words(text) <= 30
            && !text.ends_with('?')
        {
            options.push(text.trim_end_matches('.').to_string());
            if let Some(letters) = &mut letters {
                letters.push(letter);
            }
            used.push(j);
            j += 1;
            continue;
        }
        match &lines[j] {
            Line::Blank if options.is_empty() => {}
            Line::Blank => {
                // Options may be separated by blank lines; stop at a gap
                // followed by something that is not an option.
                let next = lines[j + 1..].iter().find(|l| **l != Line::Blank);
                if !matches!(
                    next,
                    Some(Line::Title(_) | Line::Bullet(_) | Line::Numbered(..))
                ) {
                    break;
                }
            }
            Line::Noise(_) => used.push(j),
            Line::Title(t) | Line::Bullet(t) | Line::Numbered(_, t)
                if text::words(t) <= 16 && !t.ends_with('?') =>
            {
                options.push(t.clone());
                letters = None;
                used.push(j);
            }
            Line::Text(t)
                if text::words(t) <= 20
                    && !t.ends_with(['?', ':'])
                    && !(t.ends_with('.') && text::words(t) > 6) =>
            {
                options.push(t.trim_end_matches('.').to_string());
                letters = None;
                used.push(j);
            }
            _ => break,
        }
        j += 1;
    }
    let correct = correct_options(&key?, options.len(), letters.as_deref())?;
    Some((
        Mcq {
            question,
            options,
            correct,
        },
        used,
        feedback,
    ))
}

impl Reader {
    fn qa(&mut self, line: u32, question: String, answer: String) {
        self.flush_paragraph();
        self.flush_list();
        self.doc.blocks.push(Block {
            section: self.section.clone().into(),
            line,
            body: Body::Qa { question, answer },
        });
    }

    fn table(&mut self, line: u32, table: aligned::Aligned) {
        self.flush_paragraph();
        self.flush_list();
        // "MAIN FEATURES": a header in capitals for emphasis, read as
        // words ("BMI" stays an acronym).
        let header = table
            .header
            .iter()
            .map(|h| {
                let h = text::plain(h);
                let shouted = !h.chars().any(char::is_lowercase)
                    && (h.contains(' ') || h.chars().filter(|c| c.is_alphabetic()).count() > 4);
                if shouted {
                    text::capitalize(&h.to_lowercase())
                } else {
                    h
                }
            })
            .collect();
        let rows = table
            .rows
            .into_iter()
            .map(|(at, row)| (line_no(at), row.iter().map(|c| text::plain(c)).collect()))
            .collect();
        let rows = crate::compile::document::join_wrapped_rows(rows);
        self.doc.blocks.push(Block {
            section: self.section.clone().into(),
            line,
            body: Body::Table { header, rows },
        });
    }

    fn mcq(&mut self, line: u32, mcq: Mcq, feedback: Vec<(String, u32)>) {
        self.flush_paragraph();
        self.flush_list();
        self.doc.blocks.push(Block {
            section: self.section.clone().into(),
            line,
            body: Body::Mcq(mcq),
        });
        for (text, line) in feedback {
            self.doc.blocks.push(Block {
                section: self.section.clone().into(),
                line,
                body: Body::Paragraph(text),
            });
        }
    }

    fn item(&mut self, text: &str, line: u32, number: Option<u32>) {
        let ordered = number.is_some();
        if self.list.as_ref().is_some_and(|l| l.1 != ordered) {
            self.flush_list();
        }
        let section = self.section.clone();
        let label = self.label.take();
        let list = self.list.get_or_insert_with(|| {
            let label = match label {
                Some((label, _)) => Some(label),
                None => section.last().cloned(),
            };
            (label, ordered, Vec::new(), section)
        });
        list.2.push(Item {
            text: text.to_string(),
            line,
            number,
        });
    }

    fn title(&mut self, text: &str, line: u32) {
        self.flush_list();
        if super::is_reading_list(text) {
            self.section = vec![text.to_string()];
            self.doc.skip(line, text, "reading list");
            self.references = true;
            return;
        }
        // A title in capitals is the document's next section: it ends the
        // tabs of an intro line before it.
        if is_capitals(text) {
            self.flush_tabs();
        }
        // "Learning outcomes" over "… you will be able to:": the outcomes
        // are its items, and the page's next titles are no tabs of it.
        if self
            .tabs
            .as_ref()
            .is_some_and(|(_, parent, _)| parent.iter().any(|h| super::is_reading_list(h)))
        {
            self.flush_tabs();
        }
        // Under an intro line ending in ':', titles are tabs: items of the
        // intro's list, and headings for the paragraphs after them.
        if let Some((_, parent, items)) = self.tabs.as_mut() {
            items.push(Item {
                text: text.to_string(),
                line,
                number: None,
            });
            let mut path = parent.clone();
            path.push(text.to_string());
            self.section = path;
            self.doc.heading(line, &self.section);
            return;
        }
        self.label = None;
        self.section = vec![text.to_string()];
        self.doc.heading(line, &self.section);
    }

    fn text(&mut self, text: &str, line: u32) {
        let feedback = feedback_text(text);
        let text = feedback.as_deref().unwrap_or(text);
        if text.ends_with(':') && text::words(text) <= 25 {
            self.flush_paragraph();
            self.flush_list();
            self.flush_tabs();
            let label = text::no_stop(text.trim_end_matches(':')).to_string();
            self.tabs = (self.kind == DocKind::ELearning)
                .then(|| (label.clone(), self.section.clone(), Vec::new()));
            self.label = Some((label, self.section.clone()));
            self.lower_items_at = Some(line + 1);
            return;
        }
        let first = text.chars().next().unwrap_or(' ');
        // "The four main symptoms are:" over "a whistling sound …, called
        // a wheeze", "breathlessness": lines in lower case, unbulleted,
        // right under an intro line are its list (an essay's are wrapped
        // sentences).
        let expected = self.lower_items_at.take();
        if first.is_lowercase()
            && self.kind != DocKind::Essay
            && text::words(text) <= 30
            && expected.is_some_and(|at| (at..=at + 1).contains(&line))
        {
            self.tabs = None;
            self.item(text, line, None);
            self.lower_items_at = Some(line + 1);
            return;
        }
        if first.is_lowercase() && text::words(text) <= 4 {
            self.doc.skip(line, text, "fragment");
            return;
        }
        self.flush_list();
        if self.kind != DocKind::Essay && self.joined_verdict(text, line) {
            return;
        }
        match self.kind {
            DocKind::Essay => self.paragraph.push((text.to_string(), line)),
            _ => self.doc.blocks.push(Block {
                section: self.section.clone().into(),
                line,
                body: Body::Paragraph(text.to_string()),
            }),
        }
    }

    /// A flip card's back under its front: "Myth: “Rain is enough.”" or
    /// a quoted claim, then "Fact: …" or "Myth. …" on the next line, is
    /// one myth with its truth, read where the myth is.
    fn joined_verdict(&mut self, text: &str, line: u32) -> bool {
        let Some(truth) = [
            "Fact:", "Fact.", "FACT:", "Reality:", "Truth:", "Myth.", "MYTH.", "Myth!", "MYTH!",
        ]
        .iter()
        .find_map(|v| text.strip_prefix(v))
        .map(str::trim)
        .filter(|t| !t.is_empty()) else {
            return false;
        };
        let Some(Block {
            line: at,
            body: Body::Paragraph(claim),
            ..
        }) = self.doc.blocks.last_mut()
        else {
            return false;
        };
        if *at + 1 != line {
            return false;
        }
        let quoted = |t: &str| t.starts_with(['"', '“']) && t.trim_end().ends_with(['"', '”']);
        let labelled = claim.split_once(':').is_some_and(|(label, rest)| {
            ["myth", "misconception"].contains(&text::norm(label).as_str())
                && !rest.contains("Fact")
        });
        // "Fact." under a quoted claim says the claim is true: no myth.
        let false_claim = !text.starts_with("Fact") && !text.starts_with("FACT");
        if labelled {
            // "MYTH: It's fine to …" quoted, so the claim ends where it ends.
            let (label, rest) = claim.split_once(':').unwrap_or(("Myth", claim));
            let rest = rest.trim().trim_matches(['"', '“', '”']);
            *claim = format!("{label}: “{rest}” Fact: {}", text::decapitalize(truth));
        } else if quoted(claim) && false_claim {
            *claim = format!("Myth: {claim} Fact: {}", text::decapitalize(truth));
        } else {
            return false;
        }
        true
    }

    fn flush_paragraph(&mut self) {
        if self.paragraph.is_empty() {
            return;
        }
        // Each run of lines that ends a sentence is a paragraph of its own,
        // so every card cites the line its sentence starts on; only lines
        // wrapped mid-sentence are joined.
        for (text, line) in super::sentence_runs(std::mem::take(&mut self.paragraph)) {
            self.doc.blocks.push(Block {
                section: self.section.clone().into(),
                line,
                body: Body::Paragraph(text),
            });
        }
    }

    fn flush_list(&mut self) {
        if let Some((label, ordered, items, section)) = self.list.take()
            && !items.is_empty()
        {
            self.doc.blocks.push(Block {
                section: section.into(),
                line: items[0].line,
                body: Body::List(List {
                    label,
                    ordered,
                    items,
                    grouped: false,
                }),
            });
        }
    }

    fn flush_tabs(&mut self) {
        if let Some((label, parent, items)) = self.tabs.take() {
            if items.len() >= 2 {
                self.doc.blocks.push(Block {
                    section: parent.into(),
                    line: items[0].line,
                    body: Body::List(List {
                        label: Some(label),
                        ordered: false,
                        items,
                        grouped: false,
                    }),
                });
            }
        }
    }
}

mod aligned;
pub(crate) mod keyed;
#[cfg(test)]
mod tests;

//! Tables laid out in plain text: columns aligned with runs of spaces or
//! separated by tabs, a header row over body rows, perhaps a ruled line
//! under the header, and cells wrapped onto lines of their own (the first
//! column blank, or a bracket carried down: "(GAD)").

use crate::compile::text;

/// A table found at a line: its header, its rows (each with its 0-based
/// first line) and every line it used.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Aligned {
    pub header: Vec<String>,
    pub rows: Vec<(usize, Vec<String>)>,
    pub used: Vec<usize>,
}

/// The pieces of a line split at tabs or at runs of two or more spaces,
/// each with the column (in characters) it starts at.
fn pieces(line: &str) -> Vec<(usize, String)> {
    let chars: Vec<char> = line.trim_end().chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == ' ' || chars[i] == '\t' {
            i += 1;
            continue;
        }
        let start = i;
        // A piece runs until a tab or two spaces.
        while i < chars.len()
            && chars[i] != '\t'
            && !(chars[i] == ' ' && chars.get(i + 1).is_some_and(|c| *c == ' ' || *c == '\t'))
        {
            i += 1;
        }
        let piece: String = chars[start..i].iter().collect();
        out.push((start, piece.trim().to_string()));
    }
    out
}

/// Whether a line only rules the header off ("-----  ------", "=====").
fn is_rule(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 3
        && t.contains(['-', '=', '_', '—', '–'])
        && t.chars()
            .all(|c| matches!(c, '-' | '=' | '+' | ' ' | '_' | '—' | '–' | '|' | ':'))
}

/// Whether the pieces read as a header: two to five short cells, none a
/// sentence, a number, a dash or an outline number ("1. Introduction").
fn is_header(cells: &[(usize, String)]) -> bool {
    (2..=5).contains(&cells.len())
        && cells.iter().all(|(_, c)| {
            // "Signs of toxicity (get help the same day)": the aside is
            // no part of the header's length.
            let bare = match c.split_once(" (") {
                Some((head, rest)) if rest.ends_with(')') => head,
                _ => c.as_str(),
            };
            let w = text::words(bare);
            (1..=6).contains(&w)
                && !c.ends_with(['.', '?', '!', ':', ';', ','])
                && c.chars().next().is_some_and(char::is_alphabetic)
                && !matches!(c.as_str(), "-" | "–" | "—")
                // "Gradual, months/years": a row's value, not a header.
                && !c.contains(',')
        })
        // "Type 1  Hard lumps  Constipation": a first row without its
        // header (the first column's header is a label, not a value).
        && !cells[0].1.chars().any(|c| c.is_ascii_digit())
}

/// The cells of a line whose columns are tabs: each run of tabs one
/// boundary, whatever the width it stands for.
fn tab_cells(line: &str) -> Vec<String> {
    line.split('\t')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_string)
        .collect()
}

/// The column a piece starting at `at` falls in: the last header column
/// starting at or before it (two characters of slack for ragged typing).
fn column_of(starts: &[usize], at: usize) -> usize {
    starts.iter().rposition(|&s| s <= at + 2).unwrap_or(0)
}

/// The cells of a pipe table's row ("| Term | Meaning |"), or `None`.
fn pipe_cells(line: &str) -> Option<Vec<String>> {
    let t = line.trim();
    let inner = t.strip_prefix('|')?.strip_suffix('|')?;
    Some(inner.split('|').map(|c| c.trim().to_string()).collect())
}

/// A Markdown pipe table in a page saved as plain text: its header, the
/// rule under it and its rows, each with as many cells as the header.
fn pipe_table_at(raw: &[&str], i: usize) -> Option<Aligned> {
    let header = pipe_cells(raw[i])?;
    if header.len() < 2 || !raw.get(i + 1).is_some_and(|l| is_rule(l)) {
        return None;
    }
    let mut rows = Vec::new();
    let mut used = vec![i, i + 1];
    let mut j = i + 2;
    while let Some(cells) = raw.get(j).and_then(|l| pipe_cells(l)) {
        if cells.len() != header.len() {
            break;
        }
        rows.push((j, cells));
        used.push(j);
        j += 1;
    }
    (!rows.is_empty()).then_some(Aligned { header, rows, used })
}

/// A table whose header is line `i` of `raw`.
pub(super) fn aligned_table_at(raw: &[&str], i: usize) -> Option<Aligned> {
    if raw[i].trim_start().starts_with('|') {
        return pipe_table_at(raw, i);
    }
    let header = pieces(raw[i]);
    if !is_header(&header) {
        return None;
    }
    // "NI  Neurological …", "H   Health": a mnemonic's letters, each
    // with its word, not a header.
    if header[0].1.chars().count() <= 2 {
        return None;
    }
    let tabbed = raw[i].trim().contains('\t');
    let header = if tabbed {
        tab_cells(raw[i]).into_iter().map(|c| (0, c)).collect()
    } else {
        header
    };
    if !is_header(&header) {
        return None;
    }
    let starts: Vec<usize> = header.iter().map(|(s, _)| *s).collect();
    let k = header.len();
    let mut used = vec![i];
    let mut j = i + 1;
    if raw.get(j).is_some_and(|l| is_rule(l)) {
        used.push(j);
        j += 1;
    }
    let mut rows: Vec<(usize, Vec<String>)> = Vec::new();
    while let Some(line) = raw.get(j) {
        if line.trim().is_empty() || is_rule(line) {
            break;
        }
        if tabbed {
            let cells = tab_cells(line);
            if cells.len() != k {
                break;
            }
            rows.push((j, cells));
            used.push(j);
            j += 1;
            continue;
        }
        let cells = pieces(line);
        let mut row = vec![String::new(); k];
        for (at, piece) in &cells {
            let c = column_of(&starts, *at);
            if !row[c].is_empty() {
                row[c].push(' ');
            }
            row[c].push_str(piece);
        }
        let first = &row[0];
        // A line that carries on the row above: its first column blank,
        // or a bracket or lower-case word carried down.
        let carries = !rows.is_empty()
            && (first.is_empty()
                || first.starts_with('(')
                || first.starts_with(char::is_lowercase));
        if carries {
            let last = &mut rows.last_mut().expect("checked above").1;
            for (cell, more) in last.iter_mut().zip(row) {
                if !more.is_empty() {
                    if !cell.is_empty() {
                        cell.push(' ');
                    }
                    cell.push_str(&more);
                }
            }
        } else {
            // A row fills its first column and one other at least, and no
            // cell of it runs past the columns (a line of prose does).
            let filled = row.iter().filter(|c| !c.is_empty()).count();
            if first.is_empty() || filled < 2 || cells.len() > k {
                break;
            }
            rows.push((j, row));
        }
        used.push(j);
        j += 1;
    }
    // Two rows at least, each filled in most columns.
    let full = rows
        .iter()
        .filter(|(_, r)| r.iter().filter(|c| !c.is_empty()).count() * 2 > k)
        .count();
    if rows.len() < 2 || full < rows.len() {
        return None;
    }
    Some(Aligned {
        header: header.into_iter().map(|(_, c)| c).collect(),
        rows,
        used,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_aligned_with_spaces_and_wrapped_cells() {
        let raw = [
            "  PLANT              WHEN TO SOW          NOTES",
            "  ---------------    -----------------    ----------------",
            "  Broad beans        October or March     Hardy; sow deep",
            "  (autumn kinds)                          in cold soil",
            "  Carrots            April to July        Thin out early",
            "",
            "After the table.",
        ];
        let t = aligned_table_at(&raw, 0).expect("a table");
        assert_eq!(t.header, ["PLANT", "WHEN TO SOW", "NOTES"]);
        assert_eq!(
            t.rows,
            [
                (
                    2,
                    vec![
                        "Broad beans (autumn kinds)".to_string(),
                        "October or March".to_string(),
                        "Hardy; sow deep in cold soil".to_string()
                    ]
                ),
                (
                    4,
                    vec![
                        "Carrots".to_string(),
                        "April to July".to_string(),
                        "Thin out early".to_string()
                    ]
                ),
            ]
        );
        assert_eq!(t.used, [0, 1, 2, 3, 4]);
    }

    #[test]
    fn a_header_with_an_aside_in_brackets_is_still_a_header() {
        let raw = [
            "Signs of slug damage (act this week)      Signs of frost damage (act the SAME DAY)",
            "---------------------------------------   ------------------------------------------",
            "Holes in the leaves                       Blackened leaf tips, limp stems",
            "Slime trails on paths                     Split bark on young trees",
            "                                          Brown, mushy flowers",
        ];
        let t = aligned_table_at(&raw, 0).expect("a table");
        assert_eq!(
            t.header,
            [
                "Signs of slug damage (act this week)",
                "Signs of frost damage (act the SAME DAY)"
            ]
        );
        assert_eq!(t.rows.len(), 2);
        assert_eq!(
            t.rows[1].1[1],
            "Split bark on young trees Brown, mushy flowers"
        );
    }

    #[test]
    fn tabs_separate_columns() {
        let raw = [
            "Tool\tUse",
            "Spade\tdigging beds over",
            "Rake\tlevelling soil",
        ];
        let t = aligned_table_at(&raw, 0).expect("a table");
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[1].1, ["Rake", "levelling soil"]);
    }

    #[test]
    fn prose_contents_and_glossaries_are_no_tables() {
        // Outline numbers, sentences and dashed glosses.
        let contents = ["1. Sowing      2. Watering", "3. Pruning      4. Feeding"];
        assert_eq!(aligned_table_at(&contents, 0), None);
        let goals = [
            "LO1  Explain how compost is made.",
            "LO2  Describe three ways to water.",
        ];
        assert_eq!(aligned_table_at(&goals, 0), None);
        let gloss = [
            "MULCH  -  a layer over the soil.",
            "TILTH  -  the crumbly top of a bed.",
        ];
        assert_eq!(aligned_table_at(&gloss, 0), None);
        // Letters of a mnemonic, each with its word.
        let letters = [
            "   S   Sow in spring - under glass",
            "   H   Harden off",
            "   E   Earth up - the stems",
            "   D   Dig in",
        ];
        assert_eq!(aligned_table_at(&letters, 1), None);
        // A header with one row is no table.
        let one = ["Plant    Month", "Roses    June"];
        assert_eq!(aligned_table_at(&one, 0), None);
    }
}

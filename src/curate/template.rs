//! The text a tutor edits a card in (`e` and `a` in `srs curate`): a few
//! comment lines, then the front under `[front]` and the back under
//! `[back]`. An empty file, or one saved unchanged, cancels.

use super::Text;

/// The file the editor opens: `title` as a comment, then the sides.
pub fn write(title: &str, text: &Text) -> String {
    format!(
        "# {title}\n\
         # Write the question under [front] and the answer under [back].\n\
         # Lines starting with # are ignored. Empty the file, or save it\n\
         # unchanged, to cancel.\n\
         [front]\n{}\n[back]\n{}\n",
        text.front.trim_end(),
        text.back.trim_end()
    )
}

/// What the tutor saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    /// Nothing (an empty file): cancel.
    Empty,
    /// A front and a back, both non-empty.
    Card(Text),
}

/// Reads a saved template. A file with text but no `[front]`/`[back]`
/// markers, or with an empty side, is an error in words.
pub fn read(saved: &str) -> Result<Saved, String> {
    let mut front: Option<Vec<&str>> = None;
    let mut back: Option<Vec<&str>> = None;
    let mut loose = false;
    for line in saved.lines() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.starts_with('#') {
            continue;
        }
        match line.trim() {
            "[front]" if front.is_none() => front = Some(Vec::new()),
            "[back]" if back.is_none() => back = Some(Vec::new()),
            _ => match (&mut front, &mut back) {
                (_, Some(lines)) | (Some(lines), None) => lines.push(line),
                (None, None) => loose |= !line.trim().is_empty(),
            },
        }
    }
    let join = |lines: Option<Vec<&str>>| lines.map(|l| l.join("\n").trim().to_string());
    let (front, back) = (join(front), join(back));
    let blank = |side: &Option<String>| side.as_deref().is_none_or(str::is_empty);
    if blank(&front) && blank(&back) && !loose {
        return Ok(Saved::Empty);
    }
    match (front, back) {
        (Some(front), Some(back)) if !front.is_empty() && !back.is_empty() => {
            Ok(Saved::Card(Text { front, back }))
        }
        (Some(_), Some(_)) => Err("a card needs both a front and a back".into()),
        _ => Err("the [front] or [back] line is missing".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(front: &str, back: &str) -> Text {
        Text {
            front: front.into(),
            back: back.into(),
        }
    }

    #[test]
    fn round_trips_multiline_sides() {
        let card = text("What are\nthe two?", "One\n\nTwo");
        let file = write("card a (notes.md:3)", &card);
        assert!(file.starts_with("# card a (notes.md:3)\n"));
        assert_eq!(read(&file), Ok(Saved::Card(card)));
    }

    #[test]
    fn empty_or_comment_only_cancels() {
        assert_eq!(read(""), Ok(Saved::Empty));
        assert_eq!(read("# nothing\n\n"), Ok(Saved::Empty));
        assert_eq!(read("[front]\n\n[back]\n"), Ok(Saved::Empty));
    }

    #[test]
    fn half_cards_are_refused() {
        assert!(
            read("[front]\nQ\n[back]\n  \n")
                .unwrap_err()
                .contains("both")
        );
        assert!(read("just some words").unwrap_err().contains("missing"));
        assert!(read("[front]\nQ\n").unwrap_err().contains("missing"));
    }

    #[test]
    fn windows_line_ends_are_read() {
        assert_eq!(
            read("[front]\r\nQ\r\n[back]\r\nA\r\n"),
            Ok(Saved::Card(text("Q", "A")))
        );
    }
}

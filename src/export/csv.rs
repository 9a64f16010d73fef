//! CSV export: one row per card with front, back, tags, source, deck and
//! GUID, quoted by the `csv` crate. The file opens with a UTF-8 byte-order
//! mark (so spreadsheets read it as UTF-8; Anki skips it) and the header
//! lines Anki's text importer reads, so that its default mapping needs no
//! manual step: the stock `Basic` note type; the tags, deck and GUID
//! columns; plain text (`#html:false`). The columns are not named: Anki
//! maps named columns to fields by exact name, which fails in a collection
//! whose stock note type has localised field names ("Vorderseite"), while
//! unnamed ones fill the fields in order (front, back). The GUID makes
//! re-importing a corrected file update the notes it made instead of adding
//! new ones. A spreadsheet shows the header lines as short rows above the
//! data.

use std::fs::File;
use std::io::{BufWriter, Write};

use super::{ExportError, Summary, notes};
use crate::store::StoredCard;

/// The lines before the records.
const HEADER: &str = "\u{feff}#separator:comma\n#html:false\n#notetype:Basic\n\
    #tags column:3\n#deck column:5\n#guid column:6\n";

/// A card's GUID in a CSV file: unlike its `.apkg` note's, whose note type
/// differs (Anki would not update one note type from the other).
pub fn guid(card_id: &str) -> String {
    notes::guid(&format!("csv\0{card_id}"))
}

/// Writes one row per card.
pub fn write(
    out: &mut File,
    cards: &[StoredCard],
    progress: &mut dyn FnMut(u64),
) -> Result<Summary, ExportError> {
    write_to(BufWriter::new(out), cards, progress)
}

fn write_to<W: Write>(
    mut out: W,
    cards: &[StoredCard],
    progress: &mut dyn FnMut(u64),
) -> Result<Summary, ExportError> {
    out.write_all(HEADER.as_bytes())
        .map_err(|e| ExportError::Csv(e.into()))?;
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    let mut decks: Vec<String> = Vec::new();
    for (i, stored) in cards.iter().enumerate() {
        let card = &stored.card;
        let mut front = card.front.trim().to_string();
        for (n, option) in card.options.iter().enumerate() {
            let letter = char::from(b'A' + (n % 26) as u8);
            front.push_str(&format!("\n{letter}. {}", option.trim()));
        }
        let tags: Vec<String> = card
            .tags
            .iter()
            .map(|t| t.split_whitespace().collect::<Vec<_>>().join("_"))
            .filter(|t| !t.is_empty())
            .collect();
        // The file alone: a fact that moves within its document is the
        // same row.
        let source = card.source.as_ref().map_or("", |s| s.file.as_str());
        writer.write_record([
            front.as_str(),
            card.back.trim(),
            tags.join(" ").as_str(),
            source,
            notes::deck_name(&stored.deck).as_str(),
            guid(card.id.as_str()).as_str(),
        ])?;
        if !decks.contains(&stored.deck) {
            decks.push(stored.deck.clone());
        }
        if i % 4096 == 0 {
            progress(i as u64);
        }
    }
    writer.flush().map_err(|e| ExportError::Csv(e.into()))?;
    progress(cards.len() as u64);
    Ok(Summary {
        notes: cards.len(),
        cards: cards.len(),
        decks,
        ..Summary::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::{Card, CardKind, Source};
    use crate::store::Suspension;

    #[test]
    fn quotes_fields_and_lists_options() {
        let mut card = Card::new("a", CardKind::Mcq, "Pick, one", "B \"quoted\"");
        card.options = vec!["A1".into(), "B".into()];
        card.tags = vec!["x::y".into(), "z".into()];
        card.source = Some(Source {
            file: "f.md".into(),
            line: 3,
        });
        let stored = StoredCard {
            card,
            deck: "D".into(),
            state: scheduler::CardState::new(),
            suspension: Suspension::Active,
            buried_until: None,
            leech: false,
            modified_at: 0,
            added_at: 0,
        };
        let mut buf = Vec::new();
        let summary = write_to(&mut buf, &[stored], &mut |_| {}).unwrap();
        let text = String::from_utf8(buf).unwrap();
        assert!(text.starts_with(HEADER));
        let body = &text[HEADER.len()..];
        assert_eq!(
            body,
            format!(
                "\"Pick, one\nA. A1\nB. B\",\"B \"\"quoted\"\"\",x::y z,f.md,D,{}\r\n",
                guid("a")
            )
        );
        assert_eq!(summary.notes, 1);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(body.as_bytes());
        let record = reader.records().next().unwrap().unwrap();
        assert_eq!(&record[1], "B \"quoted\"");
    }
}

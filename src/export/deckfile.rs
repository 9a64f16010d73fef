//! Deck-file export: the JSON `srs compile` writes and `srs import` reads,
//! so a tutor can hand a deck to learners who use srs itself. A deck file
//! holds one deck, so the cards must all come from one. A file of only
//! some of a deck's cards (`--tag`) is marked `"partial": true`, so that
//! importing it never suspends the cards it leaves out.

use std::fs::File;
use std::io::Write;

use super::atomic::Scratch;
use super::{ExportError, ExportInput, Summary};
use crate::deck::Deck;

/// Writes the cards as one deck file.
pub fn write(
    out: &mut File,
    scratch: &Scratch<'_>,
    input: &ExportInput<'_>,
) -> Result<Summary, ExportError> {
    let deck = to_deck(input)?;
    out.write_all(deck.to_json().as_bytes())
        .map_err(|e| scratch.io(e))?;
    Ok(Summary {
        notes: deck.cards.len(),
        cards: deck.cards.len(),
        decks: vec![deck.name],
        ..Summary::default()
    })
}

/// The deck the cards form; an error when they span several decks.
pub fn to_deck(input: &ExportInput<'_>) -> Result<Deck, ExportError> {
    let mut names: Vec<&str> = Vec::new();
    for card in input.cards {
        if !names.contains(&card.deck.as_str()) {
            names.push(&card.deck);
        }
    }
    match names.as_slice() {
        [] => Err(ExportError::Empty),
        [name] => {
            let description = input
                .decks
                .iter()
                .find(|d| d.name == *name)
                .map(|d| d.description.clone())
                .unwrap_or_default();
            Ok(Deck {
                name: (*name).to_string(),
                description,
                cards: input.cards.iter().map(|c| c.card.clone()).collect(),
                extra: if input.partial {
                    [(crate::deck::PARTIAL.to_string(), true.into())].into()
                } else {
                    Default::default()
                },
            })
        }
        several => Err(ExportError::SeveralDecks {
            count: several.len(),
            names: several.join(", "),
        }),
    }
}

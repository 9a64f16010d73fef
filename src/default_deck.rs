//! The built-in course deck, compiled from the course documents and
//! embedded in the binary, so a new learner can start at once.

use crate::deck::{Deck, DeckError};

/// The deck file as committed in `decks/`.
pub const JSON: &str = include_str!("../decks/partnership-working.json");

/// The built-in deck.
pub fn deck() -> Result<Deck, DeckError> {
    Deck::from_json(JSON, "Partnership Working")
}

#[cfg(test)]
mod tests {
    #[test]
    fn embedded_deck_is_valid() {
        let deck = super::deck().unwrap();
        assert!(!deck.cards.is_empty());
    }
}

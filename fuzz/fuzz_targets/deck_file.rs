//! The deck-file loader never panics, whatever bytes it is given, and what
//! it accepts survives a round trip.
#![no_main]

use libfuzzer_sys::fuzz_target;
use srs::deck::Deck;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(deck) = Deck::from_json(&text, "fuzz") {
        let again = Deck::from_json(&deck.to_json(), "other").expect("a written deck reads back");
        assert_eq!(again.cards.len(), deck.cards.len());
        assert!(deck.cards.iter().all(|c| !c.front.trim().is_empty() && !c.back.trim().is_empty()));
    }
});

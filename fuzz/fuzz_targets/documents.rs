//! The document readers and card rules never panic, whatever text they
//! are given, and every card they keep passes the hygiene checks.
#![no_main]

use libfuzzer_sys::fuzz_target;
use srs::compile::{Input, compile};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let compiled = compile(&[Input { name: "fuzz.md", text: &text }], None);
    for card in &compiled.deck.cards {
        assert!(!card.front.trim().is_empty() && !card.back.trim().is_empty());
        assert!(!card.id.as_str().is_empty());
    }
});

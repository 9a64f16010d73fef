//! `srs`: spaced-repetition flashcards in the terminal.
//!
//! The pieces, from documents to learner:
//! [`compile`] turns study documents into a [`deck::Deck`]; [`store`] keeps
//! the collection (cards, SM-2 state, review log) in one SQLite file;
//! [`review`] decides what to study next; [`export`] writes Anki packages,
//! CSV and deck files. [`cmd`] is the command-line layer over all of them.

pub mod cli;
pub mod cmd;
pub mod compile;
pub mod config;
pub mod curate;
pub mod deck;
pub mod default_deck;
pub mod export;
pub mod identity;
pub mod review;
pub mod store;
pub mod term;
pub mod time;

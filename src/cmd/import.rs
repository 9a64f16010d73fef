//! `srs import DECKFILE`.

use std::io::Write;

use anyhow::{Context as _, Result};

use super::Context;
use crate::cli::ImportArgs;
use crate::deck::Deck;

pub fn run(args: &ImportArgs, ctx: &Context, out: &mut dyn Write) -> Result<()> {
    let path = &args.deck_file;
    let text = super::input::read_text(path, args.max_size)?;
    let fallback = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "Imported".into());
    let deck = Deck::from_json(&text, &fallback)
        .with_context(|| format!("{} was not imported", path.display()))?;
    // An id is one line of printable text: scripts pass it back as an
    // argument, and a NUL or newline in one cannot be.
    if let Some((n, card)) = deck
        .cards
        .iter()
        .enumerate()
        .find(|(_, c)| c.id.as_str().chars().any(char::is_control))
    {
        anyhow::bail!(
            "{} was not imported: card {} has an id with a control character (a newline, tab or NUL): '{}'",
            path.display(),
            n + 1,
            crate::term::clean_line(card.id.as_str())
        );
    }
    let mut store = ctx.open_store()?;
    let summary = store.import_deck(&deck, ctx.now.timestamp())?;
    writeln!(
        out,
        "{}: {} added, {} updated, {} unchanged, {} suspended",
        crate::term::clean_line(&deck.name),
        summary.added,
        summary.updated,
        summary.unchanged,
        summary.suspended
    )?;
    Ok(())
}

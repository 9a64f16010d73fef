//! `srs import DECKFILE`.

use std::io::Write;

use anyhow::{Context as _, Result};

use super::Context;
use crate::cli::ImportArgs;
use crate::deck::Deck;

pub fn run(args: &ImportArgs, ctx: &Context, out: &mut dyn Write) -> Result<()> {
    let path = &args.deck_file;
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read deck file {}", path.display()))?;
    let fallback = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "Imported".into());
    let deck = Deck::from_json(&text, &fallback)
        .with_context(|| format!("{} was not imported", path.display()))?;
    let mut store = ctx.open_store()?;
    let summary = store.import_deck(&deck, ctx.now.timestamp())?;
    writeln!(
        out,
        "{}: {} added, {} updated, {} unchanged, {} suspended",
        deck.name, summary.added, summary.updated, summary.unchanged, summary.suspended
    )?;
    Ok(())
}

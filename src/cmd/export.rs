//! `srs export --out FILE [--deck NAME] [--tag TAG]`: writes the cards as
//! an Anki package, CSV or a deck file, by the file's extension. A progress
//! bar on stderr (terminals only) for large exports; the one-line summary
//! is all that goes to stdout.

use std::io::Write;

use anyhow::{Context as _, Result, bail};

use super::Context;
use crate::cli::ExportArgs;
use crate::export::{self, DeckInfo, ExportInput, Format};

/// Exports smaller than this finish too quickly for a progress bar.
const PROGRESS_FROM: usize = 5_000;

pub fn run(args: &ExportArgs, ctx: &Context, out: &mut dyn Write) -> Result<()> {
    // Refuse a bad file name before touching the collection.
    Format::from_path(&args.out)?;
    let store = ctx.open_store()?;
    // The output never replaces the collection it is read from.
    export::atomic::protect(store.path());
    let filter = args.filter.to_filter();
    // Cards that vanished from their deck file are no longer part of it.
    let cards = store
        .export_cards(&filter)
        .context("cannot read the cards to export")?;
    if cards.is_empty() {
        let what = match (&filter.deck, &filter.tag) {
            (Some(deck), Some(tag)) => format!("deck \"{deck}\" has no cards tagged \"{tag}\""),
            (Some(deck), None) => format!("no deck named \"{deck}\" with cards"),
            (None, Some(tag)) => format!("no cards tagged \"{tag}\""),
            (None, None) => "the collection has no cards".to_string(),
        };
        bail!("nothing to export: {what} (see `srs cards` and `srs stats`)");
    }
    let retired = match Format::from_path(&args.out)? {
        Format::Apkg => store.retired_reverses(&filter)?,
        Format::Csv | Format::Json => Vec::new(),
    };
    let decks: Vec<DeckInfo> = store
        .decks()?
        .into_iter()
        .map(|(name, description, _)| DeckInfo { name, description })
        .collect();
    drop(store);

    let bar = super::progress_bar(cards.len(), PROGRESS_FROM, "exporting {bar:30} {pos}/{len}");
    let input = ExportInput {
        cards: &cards,
        retired: &retired,
        decks: &decks,
        now: ctx.now,
        partial: filter.tag.is_some(),
    };
    let result = export::export(&args.out, &input, &mut |done| bar.set_position(done));
    bar.finish_and_clear();
    let summary = result?;

    let path = args.out.display().to_string();
    let path = crate::term::clean_line(&path);
    let decks = match summary.decks.len() {
        1 => "1 deck".to_string(),
        n => format!("{n} decks"),
    };
    match summary.format {
        Some(Format::Apkg) => {
            let mut line = format!(
                "Wrote {path}: {} notes, {} cards, {decks}",
                summary.notes, summary.cards
            );
            match summary.folded {
                0 => {}
                1 => line.push_str("; 1 reverse card shares its forward card's note"),
                n => line.push_str(&format!(
                    "; {n} reverse cards share their forward card's note"
                )),
            }
            match summary.cloze_as_basic {
                0 => {}
                1 => line.push_str("; 1 cloze card without a deletion written as Basic"),
                n => line.push_str(&format!(
                    "; {n} cloze cards without a deletion written as Basic"
                )),
            }
            writeln!(out, "{line}")?;
        }
        Some(Format::Csv) => writeln!(out, "Wrote {path}: {} cards, {decks}", summary.cards)?,
        Some(Format::Json) | None => writeln!(
            out,
            "Wrote {path}: deck \"{}\", {} cards (load it with `srs import {path}`)",
            crate::term::clean_line(summary.decks.first().map(String::as_str).unwrap_or("")),
            summary.cards
        )?,
    }
    Ok(())
}

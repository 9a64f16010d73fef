//! `srs next [--json]`.

use std::io::Write;

use anyhow::Result;

use super::{CardView, Context, limits, print_json};
use crate::cli::NextArgs;

pub fn run(args: &NextArgs, ctx: &Context, out: &mut dyn Write) -> Result<()> {
    let store = ctx.open_store()?;
    super::known_deck(&store, &args.filter.to_filter())?;
    let settings = store.settings()?;
    let today = ctx.today(&settings);
    let next = store.next_card(today, limits(&settings), &args.filter.to_filter())?;
    match (&next, args.json) {
        (Some(card), true) => print_json(out, &CardView::new(card, today))?,
        (None, true) => writeln!(out, "null")?,
        (Some(card), false) => {
            let clean = crate::term::clean_line;
            writeln!(
                out,
                "{}  [{}]  {}",
                clean(card.card.id.as_str()),
                clean(&card.deck),
                card.card.kind
            )?;
            writeln!(out, "Q: {}", clean(&card.card.front))?;
            writeln!(out, "A: {}", clean(&card.card.back))?;
        }
        (None, false) => writeln!(out, "Nothing to study today.")?,
    }
    Ok(())
}

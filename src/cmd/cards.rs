//! `srs cards [--json]`, `srs suspend`, `srs unsuspend`.

use std::io::Write;

use anyhow::{Result, bail};

use super::{CardView, Context, card_id, print_json};
use crate::cli::CardsArgs;

pub fn run(args: &CardsArgs, ctx: &Context, out: &mut dyn Write) -> Result<()> {
    let store = ctx.open_store()?;
    super::known_deck(&store, &args.filter.to_filter())?;
    let settings = store.settings()?;
    let today = ctx.today(&settings);
    let cards = store.cards(&args.filter.to_filter())?;
    if args.json {
        let views: Vec<CardView<'_>> = cards.iter().map(|c| CardView::new(c, today)).collect();
        return print_json(out, &views);
    }
    for card in &cards {
        let due = match (card.is_suspended(), card.state.due) {
            (true, _) => "suspended".to_string(),
            (false, Some(day)) => crate::time::format_day(day),
            (false, None) => "new".to_string(),
        };
        writeln!(
            out,
            "{:<28} {:<10} ease {:<5} ivl {:>4}  {}",
            crate::term::clean_line(card.card.id.as_str()),
            due,
            card.state.ease.to_string(),
            card.state.interval,
            crate::term::clean_line(&card.card.front)
        )?;
    }
    Ok(())
}

pub fn suspend(id: &str, suspended: bool, ctx: &Context, out: &mut dyn Write) -> Result<()> {
    let id = card_id(id);
    let mut store = ctx.open_store()?;
    if !store.set_suspended(&id, suspended)? {
        bail!("no card with id '{id}' (see `srs cards`)");
    }
    let what = if suspended {
        "suspended"
    } else {
        "back in the queue"
    };
    writeln!(out, "{} is {what}", crate::term::clean_line(id.as_str()))?;
    Ok(())
}

pub fn check(ctx: &Context, out: &mut dyn Write) -> Result<()> {
    let mut store = ctx.open_store()?;
    let problems = store.check()?;
    if !problems.is_empty() {
        bail!(
            "{} is damaged: {} (restore it from a backup)",
            store.path().display(),
            problems.join("; ")
        );
    }
    writeln!(
        out,
        "{}: ok, {} cards",
        crate::term::clean_line(&store.path().display().to_string()),
        store.card_count()?
    )?;
    Ok(())
}

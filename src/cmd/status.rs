//! `srs status [--json]`: today's counts, cheap enough for a shell prompt.

use std::io::Write;

use anyhow::Result;

use super::{Context, limits, print_json};
use crate::cli::StatusArgs;
use crate::review::session::describe_day;

pub fn run(args: &StatusArgs, ctx: &Context, out: &mut dyn Write) -> Result<()> {
    let store = ctx.open_store()?;
    super::known_deck(&store, &args.filter.to_filter())?;
    let settings = store.settings()?;
    let today = ctx.today(&settings);
    let filter = args.filter.to_filter();
    let counts = store.queue_counts(today, limits(&settings), &filter)?;
    if args.json {
        return print_json(out, &counts);
    }
    let next = match store.next_due_after(today, &filter)? {
        Some((day, n)) => format!("{} {n}", describe_day(day, today)),
        None => "none".to_string(),
    };
    writeln!(
        out,
        "{} due, {} new, {} re-drills · next: {next}",
        counts.due, counts.new, counts.redrills
    )?;
    Ok(())
}

//! `srs status [--json]`.

use std::io::Write;

use anyhow::Result;

use super::{Context, limits, print_json};
use crate::cli::StatusArgs;

pub fn run(args: &StatusArgs, ctx: &Context, out: &mut dyn Write) -> Result<()> {
    let store = ctx.open_store()?;
    let settings = store.settings()?;
    let today = ctx.today(&settings);
    let counts = store.queue_counts(today, limits(&settings), &args.filter.to_filter())?;
    if args.json {
        return print_json(out, &counts);
    }
    writeln!(
        out,
        "{} due, {} new, {} re-drills · {} reviewed today · {} cards ({} suspended)",
        counts.due,
        counts.new,
        counts.redrills,
        counts.reviewed_today,
        counts.total,
        counts.suspended
    )?;
    Ok(())
}

//! `srs answer CARD_ID GRADE` and `srs undo`.

use std::io::Write;

use anyhow::{Result, bail};
use scheduler::Quality;

use super::{CardView, Context, card_id, limits, print_json};
use crate::cli::{AnswerArgs, UndoArgs};

pub fn run(args: &AnswerArgs, ctx: &Context, out: &mut dyn Write) -> Result<()> {
    let quality: Quality = args.grade.parse()?;
    let id = card_id(&args.card_id);
    let mut store = ctx.open_store()?;
    let settings = store.settings()?;
    let today = ctx.today(&settings);
    let recorded = store.answer(
        &id,
        quality,
        today,
        ctx.now_ms(),
        limits(&settings),
        settings.leech_lapses,
    )?;
    let card = store.card(&id)?;
    if args.json {
        if let Some(card) = &card {
            print_json(out, &CardView::new(card, today))?;
        }
        return Ok(());
    }
    let after = recorded.after;
    let id = crate::term::clean_line(id.as_str());
    let due = after.due.map(crate::time::format_day).unwrap_or_default();
    if recorded.redrill {
        let more = if after.redrill_pending(today) {
            "; it comes back again today"
        } else {
            ""
        };
        writeln!(
            out,
            "{id}: re-drill graded {quality}{more}; next review {due}"
        )?;
    } else {
        writeln!(
            out,
            "{id}: graded {quality}; ease {}, interval {} d, due {due}{}",
            after.ease,
            after.interval,
            if after.redrill_pending(today) {
                "; re-drill today"
            } else {
                ""
            }
        )?;
    }
    if recorded.became_leech {
        writeln!(
            out,
            "{id} is now a leech: it has lapsed {} times; consider rewriting it",
            after.lapses
        )?;
    }
    Ok(())
}

pub fn undo(args: &UndoArgs, ctx: &Context, out: &mut dyn Write) -> Result<()> {
    let mut store = ctx.open_store()?;
    let settings = store.settings()?;
    let today = ctx.today(&settings);
    let Some(undone) = store.undo_last(today)? else {
        bail!("nothing to undo: no answer was given today");
    };
    if args.json {
        print_json(out, &CardView::new(&undone.card, today))?;
    } else {
        writeln!(
            out,
            "{}: took back grade {}",
            crate::term::clean_line(undone.card.card.id.as_str()),
            undone.quality
        )?;
    }
    Ok(())
}

//! `srs stats [--json]`: the review history, pass rates, the due forecast
//! drawn as a bar chart, the E-Factor distribution, cards by state, the
//! hardest cards and the streak. `--json` gives the same numbers.

use std::io::Write;

use anyhow::Result;
use serde::Serialize;

use super::{Context, print_json};
use crate::cli::StatsArgs;
use crate::store::{
    CollectionStats, DayCount, HardCard, MATURE_INTERVAL, PassCount, STATS_WINDOW_DAYS,
};
use crate::time::format_day;

#[derive(Serialize)]
struct DayJson {
    day: String,
    count: u64,
}

#[derive(Serialize)]
struct PassJson {
    reviews: u64,
    passed: u64,
    rate: Option<f64>,
}

#[derive(Serialize)]
struct EaseJson {
    ease: f64,
    cards: u64,
}

#[derive(Serialize)]
struct CardJson<'a> {
    id: &'a str,
    front: &'a str,
    lapses: u32,
    ease: f64,
}

#[derive(Serialize)]
struct StatesJson {
    new: u64,
    learning: u64,
    young: u64,
    mature: u64,
    suspended: u64,
    leech: u64,
}

#[derive(Serialize)]
struct StatsJson<'a> {
    today: String,
    window_days: u32,
    mature_interval: u32,
    streak: u32,
    reviews_per_day: Vec<DayJson>,
    reviews_total: u64,
    pass_rate: PassRates,
    forecast: Vec<DayJson>,
    ease: Vec<EaseJson>,
    states: StatesJson,
    hardest: Vec<CardJson<'a>>,
    rewrite_candidates: Vec<CardJson<'a>>,
}

#[derive(Serialize)]
struct PassRates {
    young: PassJson,
    mature: PassJson,
}

fn days(counts: &[DayCount]) -> Vec<DayJson> {
    counts
        .iter()
        .map(|d| DayJson {
            day: format_day(d.day),
            count: d.count,
        })
        .collect()
}

fn pass(p: PassCount) -> PassJson {
    PassJson {
        reviews: p.reviews,
        passed: p.passed,
        rate: p.rate(),
    }
}

fn cards(list: &[HardCard]) -> Vec<CardJson<'_>> {
    list.iter()
        .map(|c| CardJson {
            id: &c.id,
            front: &c.front,
            lapses: c.lapses,
            ease: c.ease.as_f64(),
        })
        .collect()
}

fn to_json(stats: &CollectionStats, today: scheduler::Day) -> StatsJson<'_> {
    let s = stats.states;
    StatsJson {
        today: format_day(today),
        window_days: STATS_WINDOW_DAYS,
        mature_interval: MATURE_INTERVAL,
        streak: stats.streak,
        reviews_per_day: days(&stats.reviews_per_day),
        reviews_total: stats.reviews_per_day.iter().map(|d| d.count).sum(),
        pass_rate: PassRates {
            young: pass(stats.young),
            mature: pass(stats.mature),
        },
        forecast: days(&stats.forecast),
        ease: stats
            .ease
            .iter()
            .map(|(ease, cards)| EaseJson {
                ease: ease.as_f64(),
                cards: *cards,
            })
            .collect(),
        states: StatesJson {
            new: s.new,
            learning: s.learning,
            young: s.young,
            mature: s.mature,
            suspended: s.suspended,
            leech: s.leech,
        },
        hardest: cards(&stats.hardest),
        rewrite_candidates: cards(&stats.rewrite_candidates),
    }
}

pub fn run(args: &StatsArgs, ctx: &Context, out: &mut dyn Write) -> Result<()> {
    let store = ctx.open_store()?;
    super::known_deck(&store, &args.filter.to_filter())?;
    let settings = store.settings()?;
    let today = ctx.today(&settings);
    let stats = store.collection_stats(today, &args.filter.to_filter())?;
    if args.json {
        return print_json(out, &to_json(&stats, today));
    }
    for line in text(&stats) {
        writeln!(out, "{}", crate::term::clean_line(line.trim_end()))?;
    }
    Ok(())
}

/// Width of the longest bar in the charts.
const BAR: u64 = 40;

fn bar_chart(title: &str, counts: &[DayCount], lines: &mut Vec<String>) {
    let max = counts.iter().map(|d| d.count).max().unwrap_or(0);
    let total: u64 = counts.iter().map(|d| d.count).sum();
    lines.push(format!("{title} (total {total})"));
    for d in counts {
        let date = format_day(d.day);
        let len = (d.count * BAR).div_ceil(max.max(1));
        lines.push(format!(
            "  {} {:>5} {}",
            &date[5..],
            d.count,
            "#".repeat(usize::try_from(len).unwrap_or(0))
        ));
    }
}

fn rate(p: PassCount) -> String {
    match p.rate() {
        Some(r) => format!("{:.0}% of {}", r * 100.0, p.reviews),
        None => "no reviews".into(),
    }
}

/// The statistics as text, charts drawn with `#`.
fn text(stats: &CollectionStats) -> Vec<String> {
    let mut lines = Vec::new();
    let s = stats.states;
    lines.push(format!(
        "Cards: {} new, {} learning today, {} young, {} mature, {} suspended; {} leeches.",
        s.new, s.learning, s.young, s.mature, s.suspended, s.leech
    ));
    lines.push(format!(
        "Streak: {} study day{}.",
        stats.streak,
        if stats.streak == 1 { "" } else { "s" }
    ));
    lines.push(format!(
        "Pass rate (q >= 3), last {STATS_WINDOW_DAYS} days: young {}, mature (interval >= {MATURE_INTERVAL} d) {}.",
        rate(stats.young),
        rate(stats.mature)
    ));
    lines.push(String::new());
    bar_chart(
        &format!("Reviews per day, last {STATS_WINDOW_DAYS} days"),
        &stats.reviews_per_day,
        &mut lines,
    );
    lines.push(String::new());
    bar_chart(
        &format!("Due in the next {STATS_WINDOW_DAYS} days (today includes overdue)"),
        &stats.forecast,
        &mut lines,
    );
    lines.push(String::new());
    lines.push("E-Factor of reviewed cards".into());
    let max = stats.ease.iter().map(|(_, n)| *n).max().unwrap_or(0);
    if stats.ease.is_empty() {
        lines.push("  (no reviewed cards)".into());
    }
    for (ease, n) in &stats.ease {
        let len = (n * BAR).div_ceil(max.max(1));
        lines.push(format!(
            "  {:.1} {:>6} {}",
            ease.as_f64(),
            n,
            "#".repeat(usize::try_from(len).unwrap_or(0))
        ));
    }
    lines.push(String::new());
    lines.push("Hardest cards (most lapses)".into());
    if stats.hardest.is_empty() {
        lines.push("  (no lapses yet)".into());
    }
    for c in &stats.hardest {
        lines.push(format!(
            "  {:>3} lapses  EF {}  {}  {}",
            c.lapses, c.ease, c.id, c.front
        ));
    }
    if !stats.rewrite_candidates.is_empty() {
        lines.push(String::new());
        lines.push(format!(
            "Candidates for rewriting (E-Factor at 1.3): {}",
            stats.rewrite_candidates.len()
        ));
        for c in &stats.rewrite_candidates {
            lines.push(format!("  {}  {}", c.id, c.front));
        }
    }
    lines
}

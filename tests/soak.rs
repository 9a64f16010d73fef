//! A year of study, simulated in-process through the library: the built-in
//! deck plus 2,000 generated cards, one study day at a time, with grades
//! drawn from a fixed-seed learner whose recall falls with overdue time.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, Duration, Utc};
use scheduler::Quality;
use srs::deck::{Card, CardKind, Deck};
use srs::store::{CardFilter, Limits, Store};

/// A small deterministic generator (xorshift64*), seeded by the test.
struct Rng(u64);

impl Rng {
    fn next_f64(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        let x = self.0.wrapping_mul(0x2545_F491_4F6C_DD1D);
        (x >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// The learner: recall is likely for a card reviewed on time and falls the
/// longer it is overdue relative to its interval.
fn grade(rng: &mut Rng, interval: u32, overdue_days: i64, new: bool) -> Quality {
    let p = if new {
        0.7
    } else {
        0.92 * 0.5f64.powf(overdue_days.max(0) as f64 / f64::from(interval.max(1)))
    };
    let roll = rng.next_f64();
    let value = if roll < p {
        // A pass: mostly good, some hard, some easy.
        match rng.next_f64() {
            x if x < 0.2 => 3,
            x if x < 0.85 => 4,
            _ => 5,
        }
    } else {
        (rng.next_f64() * 3.0) as u8
    };
    Quality::new(value).unwrap()
}

#[test]
fn a_year_of_study() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("soak.db")).unwrap();
    let start: DateTime<Utc> = "2026-01-01T12:00:00Z".parse().unwrap();
    store
        .import_deck(&srs::default_deck::deck().unwrap(), start.timestamp())
        .unwrap();
    let generated = Deck {
        name: "Generated".into(),
        description: String::new(),
        cards: (0..2000)
            .map(|i| {
                Card::new(
                    format!("gen-{i}"),
                    CardKind::Basic,
                    format!("Q{i}"),
                    format!("A{i}"),
                )
            })
            .collect(),
        extra: Default::default(),
    };
    store.import_deck(&generated, start.timestamp()).unwrap();
    let total = store.card_count().unwrap();
    let limits = Limits {
        new_per_day: 20,
        reviews_per_day: 200,
    };
    let all = CardFilter::default();
    let mut rng = Rng(0x5eed_1234_abcd_0042);
    let mut total_answers = 0u64;
    let mut first_of_day = 0u64;

    for day_index in 0..365 {
        let now = start + Duration::days(day_index);
        let today = srs::time::study_day(now, &Utc, 4);
        // The learner skips one day in eleven, so reviews pile up.
        if day_index % 11 == 10 {
            continue;
        }
        let cards_before = store.cards(&all).unwrap();
        let due_before: HashSet<String> = cards_before
            .iter()
            .filter(|c| !c.is_suspended() && c.state.is_due(today))
            .map(|c| c.card.id.to_string())
            .collect();
        let mut offered: HashSet<String> = HashSet::new();
        let mut first_answers: HashMap<String, u32> = HashMap::new();
        let (mut new_today, mut reviews_today) = (0u32, 0u32);
        let mut step = 0i64;
        while let Some(card) = store.next_card(today, limits, &all).unwrap() {
            let id = card.card.id.clone();
            let state = card.state;
            let overdue = state.due.map(|d| today.days_since(d)).unwrap_or(0);
            let quality = grade(&mut rng, state.interval, overdue, state.is_new());
            let now_ms = (now + Duration::seconds(step)).timestamp_millis();
            step += 7;
            let recorded = store
                .answer(&id, quality, today, now_ms, limits, 8)
                .unwrap();
            total_answers += 1;
            offered.insert(id.to_string());
            if !recorded.redrill {
                first_of_day += 1;
                *first_answers.entry(id.to_string()).or_default() += 1;
                if state.is_new() {
                    new_today += 1;
                } else {
                    reviews_today += 1;
                }
            }
            assert!(total_answers < 10_000_000, "session never ends");
        }

        // Limits respected.
        assert!(
            new_today <= limits.new_per_day,
            "day {day_index}: {new_today} new"
        );
        assert!(
            reviews_today <= limits.reviews_per_day,
            "day {day_index}: {reviews_today} reviews"
        );
        // Every due card was offered, unless the review limit stopped the day.
        if reviews_today < limits.reviews_per_day {
            let missed: Vec<&String> = due_before.difference(&offered).collect();
            assert!(
                missed.is_empty(),
                "day {day_index}: due but not offered: {missed:?}"
            );
        }
        // Each card was scheduled by exactly one first-of-day grade.
        assert!(first_answers.values().all(|&n| n == 1), "day {day_index}");
        let logged: Vec<_> = store
            .reviews_on(today)
            .unwrap()
            .into_iter()
            .filter(|r| !r.redrill)
            .collect();
        assert_eq!(
            logged.len(),
            first_answers.len(),
            "day {day_index}: log rows"
        );
        let logged_ids: HashSet<&str> = logged.iter().map(|r| r.card.as_str()).collect();
        assert_eq!(
            logged_ids.len(),
            logged.len(),
            "day {day_index}: one row per card"
        );
        // No card vanished or became unreachable: every card is new or has a
        // due day; nothing due today is left once the session ended under
        // its limits; no re-drill is left pending.
        let cards_after = store.cards(&all).unwrap();
        assert_eq!(
            cards_after.len() as u64,
            total,
            "day {day_index}: cards vanished"
        );
        for c in &cards_after {
            assert!(
                c.state.is_new() || c.state.due.is_some(),
                "{} unreachable",
                c.card.id
            );
            assert!(
                !c.state.redrill_pending(today),
                "day {day_index}: {} re-drill left",
                c.card.id
            );
            if reviews_today < limits.reviews_per_day {
                assert!(
                    !c.state.is_due(today),
                    "day {day_index}: {} still due",
                    c.card.id
                );
            }
        }
        assert!(store.integrity_ok().unwrap(), "day {day_index}: integrity");
    }

    let cards = store.cards(&all).unwrap();
    let mut buckets: BTreeMap<&str, usize> = BTreeMap::new();
    for c in &cards {
        let bucket = match c.state.interval {
            0 => "new",
            1..=6 => "1-6 d",
            7..=30 => "7-30 d",
            31..=90 => "31-90 d",
            91..=365 => "91-365 d",
            _ => "> 1 y",
        };
        *buckets.entry(bucket).or_default() += 1;
    }
    println!(
        "soak: {total_answers} answers, {first_of_day} first-of-day reviews, intervals {buckets:?}"
    );
    assert!(first_of_day > 3000, "the learner studied: {first_of_day}");
    assert!(
        buckets.get("31-90 d").copied().unwrap_or(0) > 0,
        "{buckets:?}"
    );
}

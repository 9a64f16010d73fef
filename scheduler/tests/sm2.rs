//! The interface contract's worked example as a table, and SM-2 invariants
//! as property tests.

use proptest::prelude::*;
use scheduler::{CardState, Day, Ease, Quality, answer, preview};

/// Days since 1970-01-01 of a date in 2026 given as (month, day).
fn day_2026(month: u32, day: u32) -> Day {
    const CUMULATIVE: [i32; 12] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
    // 2026-01-01 is day 20454.
    Day::new(20454 + CUMULATIVE[(month - 1) as usize] + day as i32 - 1)
}

#[test]
fn worked_example_from_the_interface_contract() {
    // (answered on, quality, ease, interval, due, repetitions, lapses)
    type Step = ((u32, u32), u8, u32, u32, (u32, u32), u32, u32);
    let table: [Step; 5] = [
        ((1, 1), 5, 2600, 1, (1, 2), 1, 0),
        ((1, 2), 5, 2700, 6, (1, 8), 2, 0),
        ((1, 8), 4, 2700, 17, (1, 25), 3, 0),
        ((1, 25), 3, 2560, 44, (3, 10), 4, 0),
        ((3, 10), 2, 2560, 1, (3, 11), 0, 1),
    ];
    let mut card = CardState::new();
    for (on, quality, ease, interval, due, reps, lapses) in table {
        let today = day_2026(on.0, on.1);
        let result = answer(&card, Quality::new(quality).unwrap(), today);
        assert!(!result.redrill, "first grade of {on:?} moves the schedule");
        card = result.state;
        assert_eq!(
            card.ease.thousandths(),
            ease,
            "ease after q={quality} on {on:?}"
        );
        assert_eq!(card.interval, interval, "interval after {on:?}");
        assert_eq!(card.due, Some(day_2026(due.0, due.1)), "due after {on:?}");
        assert_eq!(card.repetitions, reps, "repetitions after {on:?}");
        assert_eq!(card.lapses, lapses, "lapses after {on:?}");
    }
    // The failure on 03-10 owes a re-drill the same day.
    let failed_on = day_2026(3, 10);
    assert!(card.redrill_pending(failed_on));
    let redrill = answer(&card, Quality::GOOD, failed_on);
    assert!(redrill.redrill);
    assert!(!redrill.state.redrill_pending(failed_on));
    assert_eq!(redrill.state.due, Some(day_2026(3, 11)));
    assert_eq!(redrill.state.ease.thousandths(), 2560);
}

fn arb_quality() -> impl Strategy<Value = Quality> {
    (0u8..=5).prop_map(|v| Quality::new(v).unwrap())
}

/// A card reached by a random history of first-of-day grades.
fn arb_state() -> impl Strategy<Value = (CardState, Day)> {
    (
        prop::collection::vec((arb_quality(), 0u32..400), 0..40),
        0i32..30_000,
    )
        .prop_map(|(history, start)| {
            let mut card = CardState::new();
            let mut day = Day::new(start);
            for (quality, gap) in history {
                day = day.plus(gap.max(1));
                card = answer(&card, quality, day).state;
            }
            (card, day.plus(1))
        })
}

proptest! {
    #[test]
    fn ease_never_below_minimum((card, today) in arb_state(), quality in arb_quality()) {
        let next = answer(&card, quality, today).state;
        prop_assert!(next.ease >= Ease::MINIMUM);
    }

    #[test]
    fn pass_gives_interval_of_at_least_one((card, today) in arb_state(), value in 3u8..=5) {
        let next = answer(&card, Quality::new(value).unwrap(), today).state;
        prop_assert!(next.interval >= 1);
        prop_assert!(next.interval >= card.interval.min(6) || card.repetitions == 0);
        prop_assert_eq!(next.repetitions, card.repetitions + 1);
        prop_assert_eq!(next.due, Some(today.plus(next.interval)));
    }

    #[test]
    fn failure_resets_to_one((card, today) in arb_state(), value in 0u8..3) {
        let next = answer(&card, Quality::new(value).unwrap(), today).state;
        prop_assert_eq!(next.interval, 1);
        prop_assert_eq!(next.repetitions, 0);
        prop_assert_eq!(next.ease, card.ease);
        prop_assert_eq!(next.lapses, card.lapses + u32::from(card.ever_passed()));
        prop_assert!(next.redrill_pending(today));
    }

    #[test]
    fn good_keeps_ease((card, today) in arb_state()) {
        let next = answer(&card, Quality::GOOD, today).state;
        prop_assert_eq!(next.ease, card.ease);
    }

    #[test]
    fn deterministic((card, today) in arb_state(), quality in arb_quality()) {
        prop_assert_eq!(answer(&card, quality, today), answer(&card, quality, today));
        let all = preview(&card, today);
        prop_assert_eq!(all.get(quality), &answer(&card, quality, today));
    }

    #[test]
    fn second_grade_of_a_day_never_moves_schedule(
        (card, today) in arb_state(),
        first in arb_quality(),
        second in arb_quality(),
    ) {
        let once = answer(&card, first, today).state;
        let twice = answer(&once, second, today);
        prop_assert!(twice.redrill);
        prop_assert_eq!(twice.state.ease, once.ease);
        prop_assert_eq!(twice.state.interval, once.interval);
        prop_assert_eq!(twice.state.due, once.due);
        prop_assert_eq!(twice.state.lapses, once.lapses);
        prop_assert_eq!(twice.state.redrill_pending(today), !second.clears_redrill());
    }
}

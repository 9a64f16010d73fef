//! The SM-2 transitions.

use crate::{CardState, Day, Ease, Quality};

/// The result of grading a card.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Answer {
    /// The card's state after the grade.
    pub state: CardState,
    /// Whether this grade was a same-day re-drill, which leaves the E-Factor,
    /// interval, repetitions, lapses and due day unchanged.
    pub redrill: bool,
}

/// The outcome of each of the six grades, for a screen that labels its keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Preview {
    outcomes: [Answer; 6],
}

impl Preview {
    /// The outcome of grading with `quality`.
    pub fn get(&self, quality: Quality) -> &Answer {
        &self.outcomes[usize::from(quality.value())]
    }

    /// Every grade with its outcome, lowest grade first.
    pub fn iter(&self) -> impl Iterator<Item = (Quality, &Answer)> {
        Quality::ALL.into_iter().zip(self.outcomes.iter())
    }
}

/// Grades `state` with `quality` on the study day `today`.
///
/// The first grade of a study day applies SM-2. Any later grade on the same
/// day is a re-drill: it only records whether the card still owes another
/// one (grades below 4 do). A grade given on a day earlier than the card's
/// last review (a clock that went backwards) is also treated as a re-drill,
/// so the schedule never moves backwards.
pub fn answer(state: &CardState, quality: Quality, today: Day) -> Answer {
    if let Some(last) = state.last_review
        && today <= last
    {
        let mut next = *state;
        next.redrill_on = if quality.clears_redrill() {
            None
        } else {
            Some(last)
        };
        return Answer {
            state: next,
            redrill: true,
        };
    }

    let mut next = *state;
    if quality.is_pass() {
        next.ease = next_ease(state.ease, quality);
        next.interval = match state.repetitions {
            0 => 1,
            1 => 6,
            _ => grow(state.interval.max(1), next.ease),
        };
        next.repetitions = state.repetitions.saturating_add(1);
    } else {
        if state.ever_passed() {
            next.lapses = state.lapses.saturating_add(1);
        }
        next.repetitions = 0;
        next.interval = 1;
    }
    next.due = Some(today.plus(next.interval));
    next.last_review = Some(today);
    next.redrill_on = if quality.clears_redrill() {
        None
    } else {
        Some(today)
    };
    Answer {
        state: next,
        redrill: false,
    }
}

/// The outcome of every grade for `state` on `today`.
pub fn preview(state: &CardState, today: Day) -> Preview {
    Preview {
        outcomes: Quality::ALL.map(|quality| answer(state, quality, today)),
    }
}

/// EF' = max(1.3, EF + 0.1 − (5 − q)(0.08 + (5 − q)·0.02)), in thousandths.
fn next_ease(ease: Ease, quality: Quality) -> Ease {
    let shortfall = i64::from(5 - quality.value());
    let delta = 100 - shortfall * (80 + shortfall * 20);
    let raw = i64::from(ease.thousandths()) + delta;
    let clamped = raw.clamp(i64::from(Ease::MINIMUM.thousandths()), i64::from(u32::MAX));
    Ease::from_thousandths(u32::try_from(clamped).unwrap_or(u32::MAX))
}

/// ceil(interval × EF), exactly, saturating at `u32::MAX` days.
fn grow(interval: u32, ease: Ease) -> u32 {
    let product = u64::from(interval) * u64::from(ease.thousandths());
    let days = product.div_ceil(1000);
    u32::try_from(days).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(value: u8) -> Quality {
        Quality::new(value).unwrap()
    }

    #[test]
    fn ease_changes_by_grade() {
        let start = Ease::INITIAL;
        let got: Vec<u32> = (3..=5)
            .map(|v| next_ease(start, q(v)).thousandths())
            .collect();
        assert_eq!(got, [2360, 2500, 2600]);
        assert_eq!(next_ease(Ease::MINIMUM, q(3)), Ease::MINIMUM);
    }

    #[test]
    fn growth_rounds_up() {
        assert_eq!(grow(6, Ease::from_thousandths(2700)), 17);
        assert_eq!(grow(17, Ease::from_thousandths(2560)), 44);
        assert_eq!(grow(10, Ease::from_thousandths(2500)), 25);
        assert_eq!(grow(u32::MAX, Ease::INITIAL), u32::MAX);
    }

    #[test]
    fn failure_of_new_card_is_no_lapse() {
        let day = Day::new(10);
        let failed = answer(&CardState::new(), q(0), day);
        assert_eq!(failed.state.lapses, 0);
        assert_eq!(failed.state.interval, 1);
        assert_eq!(failed.state.due, Some(day.plus(1)));
        assert!(failed.state.redrill_pending(day));
        assert_eq!(failed.state.ease, Ease::INITIAL);
    }

    #[test]
    fn redrill_does_not_move_schedule() {
        let day = Day::new(10);
        let first = answer(&CardState::new(), q(3), day).state;
        assert!(first.redrill_pending(day));
        let again = answer(&first, q(1), day);
        assert!(again.redrill);
        assert_eq!(again.state.ease, first.ease);
        assert_eq!(again.state.due, first.due);
        assert!(again.state.redrill_pending(day));
        let good = answer(&again.state, q(4), day);
        assert!(good.redrill);
        assert!(!good.state.redrill_pending(day));
        assert_eq!(good.state.interval, first.interval);
    }

    #[test]
    fn clock_going_backwards_is_a_redrill() {
        let day = Day::new(10);
        let first = answer(&CardState::new(), q(5), day).state;
        let back = answer(&first, q(0), Day::new(8));
        assert!(back.redrill);
        assert_eq!(back.state.due, first.due);
        assert_eq!(back.state.lapses, 0);
        // The pending re-drill is booked on the real last study day.
        assert_eq!(back.state.redrill_on, Some(day));
    }

    #[test]
    fn preview_matches_answer() {
        let state = answer(&CardState::new(), q(5), Day::new(1)).state;
        let preview = preview(&state, Day::new(2));
        for (quality, outcome) in preview.iter() {
            assert_eq!(*outcome, answer(&state, quality, Day::new(2)));
        }
        assert_eq!(preview.get(Quality::GOOD).state.interval, 6);
        assert_eq!(preview.get(Quality::AGAIN).state.interval, 1);
    }
}

//! A card's scheduling state.

use std::fmt;

use crate::Day;

/// An SM-2 E-Factor, stored exactly in thousandths (2500 = 2.5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ease(u32);

impl Ease {
    /// The E-Factor of a new card, 2.5.
    pub const INITIAL: Ease = Ease(2500);
    /// The lowest E-Factor SM-2 allows, 1.3.
    pub const MINIMUM: Ease = Ease(1300);

    /// An E-Factor from thousandths, raised to the 1.3 floor if below it.
    pub const fn from_thousandths(thousandths: u32) -> Ease {
        if thousandths < Ease::MINIMUM.0 {
            Ease::MINIMUM
        } else {
            Ease(thousandths)
        }
    }

    /// The E-Factor in thousandths.
    pub const fn thousandths(self) -> u32 {
        self.0
    }

    /// The E-Factor as a number (2500 → 2.5).
    pub fn as_f64(self) -> f64 {
        f64::from(self.0) / 1000.0
    }
}

impl Default for Ease {
    fn default() -> Self {
        Ease::INITIAL
    }
}

impl fmt::Display for Ease {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let whole = self.0 / 1000;
        let frac = self.0 % 1000;
        if frac == 0 {
            write!(f, "{whole}.0")
        } else {
            let digits = format!("{frac:03}");
            write!(f, "{whole}.{}", digits.trim_end_matches('0'))
        }
    }
}

/// Everything the scheduler knows about one card.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct CardState {
    /// The E-Factor.
    pub ease: Ease,
    /// The current interval in days (0 for a card never answered).
    pub interval: u32,
    /// Consecutive passes since the last failure (SM-2's n).
    pub repetitions: u32,
    /// Failures of a card that had been passed before.
    pub lapses: u32,
    /// The study day the card is next due, `None` while it is new.
    pub due: Option<Day>,
    /// The study day of the last grade that moved the schedule.
    pub last_review: Option<Day>,
    /// The study day on which the card owes a same-day re-drill, if any.
    /// A re-drill is pending only while this equals today.
    pub redrill_on: Option<Day>,
}

impl CardState {
    /// The state of a card that has never been answered.
    pub const fn new() -> CardState {
        CardState {
            ease: Ease::INITIAL,
            interval: 0,
            repetitions: 0,
            lapses: 0,
            due: None,
            last_review: None,
            redrill_on: None,
        }
    }

    /// Whether the card has never been answered.
    pub const fn is_new(&self) -> bool {
        self.last_review.is_none()
    }

    /// Whether the card owes a re-drill on `today`.
    pub fn redrill_pending(&self, today: Day) -> bool {
        self.redrill_on == Some(today)
    }

    /// Whether the card's scheduled review falls on or before `today`
    /// (new cards are never "due": they are introduced separately).
    pub fn is_due(&self, today: Day) -> bool {
        matches!(self.due, Some(due) if due <= today)
    }

    /// Whether the card has ever been passed.
    pub const fn ever_passed(&self) -> bool {
        self.repetitions > 0 || self.lapses > 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ease_displays_without_trailing_zeros() {
        assert_eq!(Ease::INITIAL.to_string(), "2.5");
        assert_eq!(Ease::from_thousandths(2560).to_string(), "2.56");
        assert_eq!(Ease::from_thousandths(3000).to_string(), "3.0");
        assert_eq!(Ease::from_thousandths(1305).to_string(), "1.305");
        assert_eq!(Ease::from_thousandths(12).to_string(), "1.3");
    }

    #[test]
    fn new_card_is_new_and_never_due() {
        let card = CardState::new();
        assert!(card.is_new());
        assert!(!card.is_due(Day::new(100)));
        assert!(!card.redrill_pending(Day::new(100)));
        assert_eq!(card.ease.thousandths(), 2500);
    }
}

//! Study days as plain day numbers.

use std::fmt;

/// A study day, counted in whole days from an epoch the caller chooses
/// (the `srs` binary uses 1970-01-01). Only differences between days matter
/// to the scheduler.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(i32);

impl Day {
    /// The day with this number.
    pub const fn new(number: i32) -> Self {
        Day(number)
    }

    /// The day's number.
    pub const fn number(self) -> i32 {
        self.0
    }

    /// The day `days` after this one (saturating at the ends of the range).
    pub const fn plus(self, days: u32) -> Self {
        let days = if days > i32::MAX as u32 {
            i32::MAX
        } else {
            days as i32
        };
        Day(self.0.saturating_add(days))
    }

    /// Whole days from `earlier` to `self` (negative when `earlier` is later).
    pub const fn days_since(self, earlier: Day) -> i64 {
        self.0 as i64 - earlier.0 as i64
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "day {}", self.0)
    }
}

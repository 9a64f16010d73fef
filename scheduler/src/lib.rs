//! SM-2 spaced-repetition scheduling as pure value transitions.
//!
//! This crate has no I/O, no clock and no randomness: every function takes the
//! card's state, the learner's [`Quality`] grade and the study [`Day`] it is
//! given on, and returns the new state. The caller (the `srs` binary) decides
//! what "today" is and stores the result.
//!
//! The reading of SM-2 follows the project's interface contract:
//!
//! * qualities 0–5, where 3 and above is a pass;
//! * the E-Factor starts at 2.5, is kept in thousandths ([`Ease`]) and never
//!   falls below 1.3; it only changes on a pass;
//! * intervals are 1 day, then 6 days, then `ceil(previous × EF')`;
//! * a failure resets the run of passes and the interval to 1 and counts a
//!   lapse if the card had ever been passed;
//! * only the first grade of a study day moves the schedule. A card graded
//!   below 4 owes a same-day re-drill until it is graded 4 or more; re-drill
//!   grades change nothing else.
//!
//! ```
//! use scheduler::{answer, CardState, Day, Quality};
//!
//! let day = Day::new(20_454); // 2026-01-01 as days since 1970-01-01
//! let card = CardState::new();
//! let first = answer(&card, Quality::EASY, day);
//! assert_eq!(first.state.ease.thousandths(), 2600);
//! assert_eq!(first.state.interval, 1);
//! assert_eq!(first.state.due, Some(day.plus(1)));
//! assert!(!first.redrill);
//!
//! // Every possible grade, for a review screen that labels its keys.
//! let preview = scheduler::preview(&first.state, day.plus(1));
//! assert_eq!(preview.get(Quality::GOOD).state.interval, 6);
//! ```
#![deny(missing_docs)]

mod day;
mod quality;
mod sm2;
mod state;

pub use day::Day;
pub use quality::{ParseQualityError, Quality};
pub use sm2::{Answer, Preview, answer, preview};
pub use state::{CardState, Ease};

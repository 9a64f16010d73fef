//! The learner's grade: an SM-2 quality from 0 to 5.

use std::fmt;
use std::str::FromStr;

/// An SM-2 response quality, 0 (complete blackout) to 5 (perfect recall).
///
/// Qualities 3, 4 and 5 are passes. The four-button aliases map onto the
/// scale as the interface contract fixes: again = 1, hard = 3, good = 4,
/// easy = 5.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quality(u8);

/// Why a grade could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseQualityError {
    input: String,
}

impl fmt::Display for ParseQualityError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "invalid grade '{}': use 0-5 or again, hard, good, easy",
            self.input
        )
    }
}

impl std::error::Error for ParseQualityError {}

impl Quality {
    /// "Again": an incorrect response (quality 1).
    pub const AGAIN: Quality = Quality(1);
    /// "Hard": correct, with serious difficulty (quality 3).
    pub const HARD: Quality = Quality(3);
    /// "Good": correct after some hesitation (quality 4).
    pub const GOOD: Quality = Quality(4);
    /// "Easy": perfect response (quality 5).
    pub const EASY: Quality = Quality(5);

    /// All six qualities, lowest first.
    pub const ALL: [Quality; 6] = [
        Quality(0),
        Quality(1),
        Quality(2),
        Quality(3),
        Quality(4),
        Quality(5),
    ];

    /// The quality with this value, if it is in 0..=5.
    pub const fn new(value: u8) -> Option<Quality> {
        if value <= 5 {
            Some(Quality(value))
        } else {
            None
        }
    }

    /// The numeric value, 0..=5.
    pub const fn value(self) -> u8 {
        self.0
    }

    /// Whether this grade is a pass (3 or more).
    pub const fn is_pass(self) -> bool {
        self.0 >= 3
    }

    /// Whether this grade ends the same-day re-drills of a card (4 or more).
    pub const fn clears_redrill(self) -> bool {
        self.0 >= 4
    }

    /// The four-button name of this quality, if it has one.
    pub const fn name(self) -> Option<&'static str> {
        match self.0 {
            1 => Some("again"),
            3 => Some("hard"),
            4 => Some("good"),
            5 => Some("easy"),
            _ => None,
        }
    }
}

impl fmt::Display for Quality {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl FromStr for Quality {
    type Err = ParseQualityError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let trimmed = s.trim();
        let quality = match trimmed.to_ascii_lowercase().as_str() {
            "again" => Some(Quality::AGAIN),
            "hard" => Some(Quality::HARD),
            "good" => Some(Quality::GOOD),
            "easy" => Some(Quality::EASY),
            digits => digits.parse::<u8>().ok().and_then(Quality::new),
        };
        quality.ok_or_else(|| ParseQualityError {
            input: s.to_string(),
        })
    }
}

impl TryFrom<u8> for Quality {
    type Error = ParseQualityError;

    fn try_from(value: u8) -> Result<Self, Self::Error> {
        Quality::new(value).ok_or_else(|| ParseQualityError {
            input: value.to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_numbers_and_names() {
        assert_eq!("0".parse::<Quality>().unwrap().value(), 0);
        assert_eq!("5".parse::<Quality>().unwrap().value(), 5);
        assert_eq!("again".parse::<Quality>().unwrap(), Quality::AGAIN);
        assert_eq!(" Good ".parse::<Quality>().unwrap(), Quality::GOOD);
        assert_eq!("hard".parse::<Quality>().unwrap().value(), 3);
        assert_eq!("EASY".parse::<Quality>().unwrap().value(), 5);
    }

    #[test]
    fn rejects_out_of_range_and_words() {
        for bad in ["6", "-1", "", "great", "2.5", "255", "256"] {
            let err = bad.parse::<Quality>().unwrap_err();
            assert!(err.to_string().contains("invalid grade"), "{bad}");
        }
        assert!(Quality::try_from(6).is_err());
    }

    #[test]
    fn pass_and_redrill_thresholds() {
        let passes: Vec<bool> = Quality::ALL.iter().map(|q| q.is_pass()).collect();
        assert_eq!(passes, [false, false, false, true, true, true]);
        let clears: Vec<bool> = Quality::ALL.iter().map(|q| q.clears_redrill()).collect();
        assert_eq!(clears, [false, false, false, false, true, true]);
    }
}

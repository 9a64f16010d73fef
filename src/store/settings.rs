//! Settings kept in the collection's `config` table.

use std::fmt;
use std::str::FromStr;

use rusqlite::{OptionalExtension, params};

use super::{Result, Store};

/// A setting the learner can change with `srs config`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    /// New cards introduced per study day.
    NewPerDay,
    /// Reviews shown per study day.
    ReviewsPerDay,
    /// The local hour (0–23) at which the study day rolls over.
    RolloverHour,
    /// Lapses after which a card is a leech.
    LeechLapses,
}

impl Setting {
    /// Every setting.
    pub const ALL: [Setting; 4] = [
        Setting::NewPerDay,
        Setting::ReviewsPerDay,
        Setting::RolloverHour,
        Setting::LeechLapses,
    ];

    /// The setting's key.
    pub fn key(self) -> &'static str {
        match self {
            Setting::NewPerDay => "new-per-day",
            Setting::ReviewsPerDay => "reviews-per-day",
            Setting::RolloverHour => "rollover-hour",
            Setting::LeechLapses => "leech-lapses",
        }
    }

    /// The value used when the collection holds none.
    pub fn default_value(self) -> u32 {
        match self {
            Setting::NewPerDay => 20,
            Setting::ReviewsPerDay => 200,
            Setting::RolloverHour => 4,
            Setting::LeechLapses => 8,
        }
    }

    /// The largest value accepted.
    pub fn max_value(self) -> u32 {
        match self {
            Setting::NewPerDay | Setting::ReviewsPerDay => 1_000_000,
            Setting::RolloverHour => 23,
            Setting::LeechLapses => 1000,
        }
    }

    /// Checks a value for this setting.
    pub fn parse_value(self, text: &str) -> std::result::Result<u32, String> {
        let text = text.trim();
        let too_large = || {
            format!(
                "{}: {text} is too large (at most {})",
                self.key(),
                self.max_value()
            )
        };
        let value: u32 = match text.parse::<u128>() {
            Ok(value) => u32::try_from(value).map_err(|_| too_large())?,
            Err(_) if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) => {
                return Err(too_large());
            }
            Err(_) => return Err(format!("{}: '{text}' is not a whole number", self.key())),
        };
        if value > self.max_value() {
            return Err(format!(
                "{}: {value} is too large (at most {})",
                self.key(),
                self.max_value()
            ));
        }
        Ok(value)
    }
}

impl fmt::Display for Setting {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl FromStr for Setting {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        let wanted = s.trim().replace('_', "-");
        Setting::ALL
            .into_iter()
            .find(|setting| setting.key() == wanted)
            .ok_or_else(|| {
                let keys: Vec<&str> = Setting::ALL.iter().map(|s| s.key()).collect();
                format!("unknown setting '{s}' (known: {})", keys.join(", "))
            })
    }
}

/// Every setting's current value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    /// New cards per study day.
    pub new_per_day: u32,
    /// Reviews per study day.
    pub reviews_per_day: u32,
    /// Local hour at which the study day starts.
    pub rollover_hour: u32,
    /// Lapses that make a card a leech.
    pub leech_lapses: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            new_per_day: Setting::NewPerDay.default_value(),
            reviews_per_day: Setting::ReviewsPerDay.default_value(),
            rollover_hour: Setting::RolloverHour.default_value(),
            leech_lapses: Setting::LeechLapses.default_value(),
        }
    }
}

impl Settings {
    /// The value of one setting.
    pub fn get(&self, setting: Setting) -> u32 {
        match setting {
            Setting::NewPerDay => self.new_per_day,
            Setting::ReviewsPerDay => self.reviews_per_day,
            Setting::RolloverHour => self.rollover_hour,
            Setting::LeechLapses => self.leech_lapses,
        }
    }
}

impl Store {
    /// Every setting, with defaults for those never set.
    pub fn settings(&self) -> Result<Settings> {
        let mut settings = Settings::default();
        for setting in Setting::ALL {
            let stored: Option<String> = self
                .conn
                .query_row(
                    "SELECT value FROM config WHERE key = ?1",
                    [setting.key()],
                    |row| row.get(0),
                )
                .optional()
                .map_err(|e| self.err(e))?;
            if let Some(value) = stored.and_then(|v| setting.parse_value(&v).ok()) {
                match setting {
                    Setting::NewPerDay => settings.new_per_day = value,
                    Setting::ReviewsPerDay => settings.reviews_per_day = value,
                    Setting::RolloverHour => settings.rollover_hour = value,
                    Setting::LeechLapses => settings.leech_lapses = value,
                }
            }
        }
        Ok(settings)
    }

    /// Stores one setting.
    pub fn set_setting(&mut self, setting: Setting, value: u32) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO config (key, value) VALUES (?1, ?2)
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                params![setting.key(), value.to_string()],
            )
        })?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_updates() {
        let mut store = Store::open_in_memory().unwrap();
        assert_eq!(store.settings().unwrap(), Settings::default());
        store.set_setting(Setting::NewPerDay, 5).unwrap();
        store.set_setting(Setting::NewPerDay, 7).unwrap();
        assert_eq!(store.settings().unwrap().new_per_day, 7);
        assert_eq!(store.settings().unwrap().reviews_per_day, 200);
    }

    #[test]
    fn parses_keys_and_values() {
        assert_eq!(
            "new_per_day".parse::<Setting>().unwrap(),
            Setting::NewPerDay
        );
        assert!("colour".parse::<Setting>().is_err());
        assert!(Setting::RolloverHour.parse_value("24").is_err());
        assert!(Setting::NewPerDay.parse_value("-1").is_err());
        assert_eq!(Setting::NewPerDay.parse_value(" 30 ").unwrap(), 30);
        for huge in ["1000000000000", "99999999999999999999999999999999999999999"] {
            let err = Setting::NewPerDay.parse_value(huge).unwrap_err();
            assert!(err.contains("too large (at most 1000000)"), "{err}");
        }
    }
}

//! Study days: turning an instant into the learner's "today".
//!
//! The study day rolls over at a configurable local hour (04:00 by default),
//! so a session just after midnight still counts for the day before. Days
//! are numbered from 1970-01-01 for the scheduler crate.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use scheduler::Day;

/// The study day that `now` falls in, in `zone`, with the day starting at
/// `rollover_hour` local time.
pub fn study_day<Tz: TimeZone>(now: DateTime<Utc>, zone: &Tz, rollover_hour: u32) -> Day {
    let local = now.with_timezone(zone) - Duration::hours(i64::from(rollover_hour));
    date_to_day(local.date_naive())
}

/// The day number of a calendar date.
pub fn date_to_day(date: NaiveDate) -> Day {
    let days = date.signed_duration_since(epoch()).num_days();
    Day::new(i32::try_from(days).unwrap_or(if days < 0 { i32::MIN } else { i32::MAX }))
}

/// The calendar date of a day number.
pub fn day_to_date(day: Day) -> NaiveDate {
    epoch()
        .checked_add_signed(Duration::days(i64::from(day.number())))
        .unwrap_or(NaiveDate::MAX)
}

/// A day number as `YYYY-MM-DD`.
pub fn format_day(day: Day) -> String {
    day_to_date(day).format("%Y-%m-%d").to_string()
}

fn epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or(NaiveDate::MIN)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::FixedOffset;

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn day_numbers_round_trip() {
        let date = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        assert_eq!(date_to_day(date), Day::new(20454));
        assert_eq!(day_to_date(Day::new(20454)), date);
        assert_eq!(format_day(Day::new(20455)), "2026-01-02");
    }

    #[test]
    fn rolls_over_at_the_local_hour() {
        let utc = Utc;
        let day = |t| format_day(study_day(at(t), &utc, 4));
        assert_eq!(day("2026-01-02T03:59:00Z"), "2026-01-01");
        assert_eq!(day("2026-01-02T04:00:00Z"), "2026-01-02");
        assert_eq!(
            format_day(study_day(at("2026-01-02T01:00:00Z"), &utc, 0)),
            "2026-01-02"
        );
    }

    #[test]
    fn follows_the_zone() {
        // 02:00 UTC is 11:00 in UTC+9: already the next study day there.
        let tokyo = FixedOffset::east_opt(9 * 3600).unwrap();
        assert_eq!(
            format_day(study_day(at("2026-01-02T02:00:00Z"), &tokyo, 4)),
            "2026-01-02"
        );
        let new_york = FixedOffset::west_opt(5 * 3600).unwrap();
        assert_eq!(
            format_day(study_day(at("2026-01-02T08:00:00Z"), &new_york, 4)),
            "2026-01-01"
        );
    }
}

//! Statistics over the collection: reviews per day, pass rates, the due
//! forecast, the E-Factor distribution, counts by state, the hardest cards,
//! the next due day and the streak of study days.
//!
//! Every query here reads only; none of them scans the review log further
//! back than it needs to.

use rusqlite::Row;
use scheduler::{Day, Ease};

use super::cards::{CardFilter, bind};
use super::{Result, Store};

/// How many days the per-day statistics cover.
pub const STATS_WINDOW_DAYS: u32 = 30;

/// A card's interval (days) from which it counts as mature.
pub const MATURE_INTERVAL: u32 = 21;

/// How many of the hardest cards are listed.
pub const HARDEST_LISTED: usize = 10;

/// A number attached to one study day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayCount {
    /// The study day.
    pub day: Day,
    /// How many (reviews, or cards due).
    pub count: u64,
}

/// Grades given and how many of them passed (quality 3 or more).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PassCount {
    /// Reviews counted.
    pub reviews: u64,
    /// Of which passed.
    pub passed: u64,
}

impl PassCount {
    /// The share of passes, `None` without reviews.
    pub fn rate(self) -> Option<f64> {
        (self.reviews > 0).then(|| self.passed as f64 / self.reviews as f64)
    }
}

/// Cards by state. `new`, `learning`, `young` and `mature` count cards that
/// are not suspended and add up, with `suspended`, to every card; `leech`
/// counts leeches whatever their state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StateCounts {
    /// Never answered.
    pub new: u64,
    /// Owing a re-drill today.
    pub learning: u64,
    /// Answered, interval under [`MATURE_INTERVAL`] days.
    pub young: u64,
    /// Interval of [`MATURE_INTERVAL`] days or more.
    pub mature: u64,
    /// Suspended (by the learner or because the card left its deck file).
    pub suspended: u64,
    /// Tagged as leeches.
    pub leech: u64,
}

/// One of the hardest cards.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HardCard {
    /// The card's id.
    pub id: String,
    /// Its question.
    pub front: String,
    /// Its lapses.
    pub lapses: u32,
    /// Its E-Factor.
    pub ease: Ease,
}

/// Everything `srs stats` shows.
#[derive(Debug, Clone, PartialEq)]
pub struct CollectionStats {
    /// Reviews (every grade, re-drills included) on each of the last
    /// [`STATS_WINDOW_DAYS`] study days, oldest first, today last.
    pub reviews_per_day: Vec<DayCount>,
    /// First grades of the day of young cards in the window.
    pub young: PassCount,
    /// First grades of the day of mature cards in the window.
    pub mature: PassCount,
    /// Cards due on each of the next [`STATS_WINDOW_DAYS`] days, today
    /// first (today includes every overdue card).
    pub forecast: Vec<DayCount>,
    /// Answered, unsuspended cards by E-Factor, in buckets of 0.1 (the
    /// bucket's lower bound, cards), lowest first.
    pub ease: Vec<(Ease, u64)>,
    /// Cards by state.
    pub states: StateCounts,
    /// The cards with the most lapses.
    pub hardest: Vec<HardCard>,
    /// Answered, unsuspended cards whose E-Factor sits at the 1.3 floor:
    /// candidates for rewriting.
    pub rewrite_candidates: Vec<HardCard>,
    /// Consecutive study days with at least one review, up to today (or up
    /// to yesterday while today has none yet).
    pub streak: u32,
}

/// The streak of study days in `days_desc` (distinct study days with
/// reviews, latest first) as seen on `today`: the run of consecutive days
/// ending today, or yesterday when nothing was reviewed today yet.
pub fn streak(days_desc: impl IntoIterator<Item = Day>, today: Day) -> u32 {
    let mut expected: Option<Day> = None;
    let mut run = 0u32;
    for day in days_desc {
        if day > today {
            continue;
        }
        match expected {
            None => {
                if today.days_since(day) > 1 {
                    return 0;
                }
            }
            Some(want) if day != want => break,
            Some(_) => {}
        }
        run += 1;
        expected = Some(Day::new(day.number() - 1));
    }
    run
}

impl Store {
    fn rows<T>(
        &self,
        sql: &str,
        today: Option<Day>,
        filter: &CardFilter,
        mut map: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>> {
        let (_, values) = filter.sql();
        let mut stmt = self.conn.prepare_cached(sql).map_err(|e| self.err(e))?;
        bind(&mut stmt, today.map(Day::number), None, &values).map_err(|e| self.err(e))?;
        let mut rows = stmt.raw_query();
        let mut out = Vec::new();
        while let Some(row) = rows.next().map_err(|e| self.err(e))? {
            out.push(map(row).map_err(|e| self.err(e))?);
        }
        Ok(out)
    }

    /// The first study day after `today` on which an unsuspended card of
    /// `filter` is due, and how many are due that day.
    pub fn next_due_after(&self, today: Day, filter: &CardFilter) -> Result<Option<(Day, u64)>> {
        let (conditions, _) = filter.sql();
        let sql = format!(
            "SELECT c.due, count(*) FROM cards c
             WHERE c.due = (SELECT min(c.due) FROM cards c WHERE c.due > ?1 AND c.suspended = 0{conditions})
               AND c.suspended = 0{conditions}
             GROUP BY c.due"
        );
        let found = self.rows(&sql, Some(today), filter, |row| {
            Ok((Day::new(row.get(0)?), row.get::<_, u64>(1)?))
        })?;
        Ok(found.into_iter().next())
    }

    /// Consecutive study days with at least one review, ending today (or
    /// yesterday while nothing was reviewed today). Counts every card.
    pub fn study_streak(&self, today: Day) -> Result<u32> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT DISTINCT study_day FROM reviews WHERE study_day <= ?1 ORDER BY study_day DESC",
            )
            .map_err(|e| self.err(e))?;
        let mut rows = stmt.query([today.number()]).map_err(|e| self.err(e))?;
        // Read only as far as the run goes: streak() stops at the first gap,
        // so feed it lazily and stop when it would.
        let mut days = Vec::new();
        while let Some(row) = rows.next().map_err(|e| self.err(e))? {
            let day = Day::new(row.get(0).map_err(|e| self.err(e))?);
            let expected = match days.last() {
                None => today.days_since(day) <= 1,
                Some(last) => Day::new(day.number() + 1) == *last,
            };
            if !expected {
                break;
            }
            days.push(day);
        }
        Ok(streak(days, today))
    }

    /// Every statistic `srs stats` shows, for the cards of `filter`, as seen
    /// on `today`.
    pub fn collection_stats(&self, today: Day, filter: &CardFilter) -> Result<CollectionStats> {
        let (conditions, _) = filter.sql();
        let window = i32::try_from(STATS_WINDOW_DAYS).unwrap_or(30);
        let first_day = today.number() - (window - 1);

        let per_day = self.rows(
            &format!(
                "SELECT r.study_day, count(*) FROM reviews r JOIN cards c ON c.id = r.card_id
                 WHERE r.study_day BETWEEN ?1 - {} AND ?1{conditions} GROUP BY r.study_day",
                window - 1
            ),
            Some(today),
            filter,
            |row| Ok((row.get::<_, i32>(0)?, row.get::<_, u64>(1)?)),
        )?;
        let reviews_per_day = (0..window)
            .map(|i| {
                let day = first_day + i;
                let count = per_day
                    .iter()
                    .find(|(d, _)| *d == day)
                    .map_or(0, |(_, n)| *n);
                DayCount {
                    day: Day::new(day),
                    count,
                }
            })
            .collect();

        let passes = self.rows(
            &format!(
                "SELECT r.interval_before >= {MATURE_INTERVAL}, count(*), coalesce(sum(r.quality >= 3), 0)
                 FROM reviews r JOIN cards c ON c.id = r.card_id
                 WHERE r.study_day BETWEEN ?1 - {} AND ?1 AND r.redrill = 0
                   AND r.last_review_before IS NOT NULL{conditions}
                 GROUP BY 1",
                window - 1
            ),
            Some(today),
            filter,
            |row| {
                Ok((
                    row.get::<_, bool>(0)?,
                    PassCount {
                        reviews: row.get(1)?,
                        passed: row.get(2)?,
                    },
                ))
            },
        )?;
        let pick = |mature: bool| {
            passes
                .iter()
                .find(|(m, _)| *m == mature)
                .map_or_else(PassCount::default, |(_, p)| *p)
        };

        let due = self.rows(
            &format!(
                "SELECT max(c.due, ?1), count(*) FROM cards c
                 WHERE c.due IS NOT NULL AND c.suspended = 0 AND c.due < ?1 + {window}{conditions}
                 GROUP BY 1"
            ),
            Some(today),
            filter,
            |row| Ok((row.get::<_, i32>(0)?, row.get::<_, u64>(1)?)),
        )?;
        let forecast = (0..window)
            .map(|i| {
                let day = today.number() + i;
                let count = due.iter().find(|(d, _)| *d == day).map_or(0, |(_, n)| *n);
                DayCount {
                    day: Day::new(day),
                    count,
                }
            })
            .collect();

        let ease = self.rows(
            &format!(
                "SELECT (c.ease / 100) * 100, count(*) FROM cards c
                 WHERE c.last_review IS NOT NULL AND c.suspended = 0{conditions}
                 GROUP BY 1 ORDER BY 1"
            ),
            None,
            filter,
            |row| Ok((Ease::from_thousandths(row.get(0)?), row.get::<_, u64>(1)?)),
        )?;

        let states = self
            .rows(
                &format!(
                    "SELECT
                       coalesce(sum(c.suspended = 0 AND c.last_review IS NULL), 0),
                       coalesce(sum(c.suspended = 0 AND c.last_review IS NOT NULL AND c.redrill_on IS ?1), 0),
                       coalesce(sum(c.suspended = 0 AND c.last_review IS NOT NULL AND c.redrill_on IS NOT ?1 AND c.interval < {MATURE_INTERVAL}), 0),
                       coalesce(sum(c.suspended = 0 AND c.last_review IS NOT NULL AND c.redrill_on IS NOT ?1 AND c.interval >= {MATURE_INTERVAL}), 0),
                       coalesce(sum(c.suspended != 0), 0),
                       coalesce(sum(c.leech != 0), 0)
                     FROM cards c WHERE 1 = 1{conditions}"
                ),
                Some(today),
                filter,
                |row| {
                    Ok(StateCounts {
                        new: row.get(0)?,
                        learning: row.get(1)?,
                        young: row.get(2)?,
                        mature: row.get(3)?,
                        suspended: row.get(4)?,
                        leech: row.get(5)?,
                    })
                },
            )?
            .into_iter()
            .next()
            .unwrap_or_default();

        let hard_card = |row: &Row<'_>| {
            Ok(HardCard {
                id: row.get(0)?,
                front: row.get(1)?,
                lapses: row.get(2)?,
                ease: Ease::from_thousandths(row.get(3)?),
            })
        };
        let hardest = self.rows(
            &format!(
                "SELECT c.uid, c.front, c.lapses, c.ease FROM cards c
                 WHERE c.lapses > 0{conditions}
                 ORDER BY c.lapses DESC, c.ease, c.uid LIMIT {HARDEST_LISTED}"
            ),
            None,
            filter,
            hard_card,
        )?;
        let rewrite_candidates = self.rows(
            &format!(
                "SELECT c.uid, c.front, c.lapses, c.ease FROM cards c
                 WHERE c.ease <= {} AND c.last_review IS NOT NULL AND c.suspended = 0{conditions}
                 ORDER BY c.lapses DESC, c.uid",
                Ease::MINIMUM.thousandths()
            ),
            None,
            filter,
            hard_card,
        )?;

        Ok(CollectionStats {
            reviews_per_day,
            young: pick(false),
            mature: pick(true),
            forecast,
            ease,
            states,
            hardest,
            rewrite_candidates,
            streak: self.study_streak(today)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::store_with;
    use super::*;
    use crate::deck::CardId;
    use crate::store::Limits;
    use scheduler::Quality;

    const LIMITS: Limits = Limits {
        new_per_day: 100,
        reviews_per_day: 1000,
    };

    fn answer(store: &mut Store, id: &str, q: Quality, day: Day) {
        store
            .answer(&CardId::new(id), q, day, 0, LIMITS, 8)
            .unwrap();
    }

    #[test]
    fn streak_counts_consecutive_days() {
        let d = Day::new;
        assert_eq!(streak([], d(10)), 0);
        assert_eq!(streak([d(10), d(9), d(8), d(6)], d(10)), 3);
        // Nothing today yet: the run up to yesterday still counts.
        assert_eq!(streak([d(9), d(8)], d(10)), 2);
        assert_eq!(streak([d(8), d(7)], d(10)), 0);
        assert_eq!(streak([d(12), d(10)], d(10)), 1);
    }

    #[test]
    fn streak_from_the_log() {
        let mut store = store_with(5);
        let today = Day::new(100);
        assert_eq!(store.study_streak(today).unwrap(), 0);
        answer(&mut store, "c0", Quality::GOOD, Day::new(97));
        answer(&mut store, "c1", Quality::GOOD, Day::new(98));
        answer(&mut store, "c2", Quality::GOOD, Day::new(99));
        assert_eq!(store.study_streak(today).unwrap(), 3);
        answer(&mut store, "c3", Quality::GOOD, today);
        assert_eq!(store.study_streak(today).unwrap(), 4);
        assert_eq!(store.study_streak(today.plus(2)).unwrap(), 0);
    }

    #[test]
    fn next_due_and_forecast() {
        let mut store = store_with(4);
        let day = Day::new(50);
        let f = CardFilter::default();
        assert_eq!(store.next_due_after(day, &f).unwrap(), None);
        answer(&mut store, "c0", Quality::GOOD, day); // due day + 1
        answer(&mut store, "c1", Quality::EASY, day); // due day + 1
        answer(&mut store, "c2", Quality::AGAIN, day); // due day + 1, re-drill
        assert_eq!(
            store.next_due_after(day, &f).unwrap(),
            Some((day.plus(1), 3))
        );
        answer(&mut store, "c0", Quality::GOOD, day.plus(1)); // due day + 7
        let stats = store.collection_stats(day.plus(1), &f).unwrap();
        assert_eq!(stats.forecast.len(), 30);
        assert_eq!(stats.forecast[0].count, 2);
        assert_eq!(stats.forecast[6].count, 1);
        let total: u64 = stats.forecast.iter().map(|d| d.count).sum();
        assert_eq!(total, 3);
        assert_eq!(stats.states.new, 1);
        assert_eq!(stats.states.young, 3);
        assert_eq!(stats.reviews_per_day.last().unwrap().count, 1);
        assert_eq!(stats.reviews_per_day[28].count, 3);
        // The re-drill of c2 was never done; it is no longer "learning" on a
        // later day.
        assert_eq!(stats.states.learning, 0);
        let today_stats = store.collection_stats(day, &f).unwrap();
        assert_eq!(today_stats.states.learning, 1);
    }

    #[test]
    fn pass_rates_split_young_and_mature() {
        let mut store = store_with(2);
        let mut day = Day::new(0);
        // c0 grows to a mature interval: 1, 6, 16, 42 ...
        answer(&mut store, "c0", Quality::EASY, day);
        for _ in 0..4 {
            let due = store.card(&CardId::new("c0")).unwrap().unwrap().state.due;
            day = due.unwrap();
            answer(&mut store, "c0", Quality::EASY, day);
        }
        let card = store.card(&CardId::new("c0")).unwrap().unwrap();
        assert!(card.state.interval >= MATURE_INTERVAL);
        // One failure of a mature card.
        let due = card.state.due.unwrap();
        answer(&mut store, "c0", Quality::AGAIN, due);
        answer(&mut store, "c0", Quality::GOOD, due); // re-drill, not counted
        let stats = store.collection_stats(due, &CardFilter::default()).unwrap();
        // Reviews within the last 30 days of `due`: the mature failure and
        // the review that made the card mature (interval before 16 < 21 →
        // young), depending on spacing; count them from the log instead.
        let log = store.reviews().unwrap();
        let in_window: Vec<_> = log
            .iter()
            .filter(|r| !r.redrill && !r.was_new && r.study_day > due.number() - 30)
            .collect();
        let mature: Vec<_> = in_window
            .iter()
            .filter(|r| r.interval_before >= MATURE_INTERVAL)
            .collect();
        assert_eq!(stats.mature.reviews, mature.len() as u64);
        assert_eq!(
            stats.mature.passed,
            mature.iter().filter(|r| r.quality >= 3).count() as u64
        );
        assert_eq!(
            stats.young.reviews + stats.mature.reviews,
            in_window.len() as u64
        );
        assert!(stats.mature.reviews >= 1);
        assert!(stats.mature.rate().unwrap() < 1.0);
        assert_eq!(stats.hardest.len(), 1);
        assert_eq!(stats.hardest[0].lapses, 1);
    }

    #[test]
    fn ease_buckets_and_rewrite_candidates() {
        let mut store = store_with(3);
        let mut day = Day::new(0);
        answer(&mut store, "c1", Quality::GOOD, day);
        // c0: hard answers drive the E-Factor to the floor.
        answer(&mut store, "c0", Quality::HARD, day);
        for _ in 0..10 {
            let due = store.card(&CardId::new("c0")).unwrap().unwrap().state.due;
            day = due.unwrap();
            answer(&mut store, "c0", Quality::HARD, day);
            answer(&mut store, "c0", Quality::GOOD, day);
        }
        let stats = store.collection_stats(day, &CardFilter::default()).unwrap();
        assert_eq!(
            stats.ease,
            vec![(Ease::MINIMUM, 1), (Ease::from_thousandths(2500), 1)]
        );
        assert_eq!(stats.rewrite_candidates.len(), 1);
        assert_eq!(stats.rewrite_candidates[0].id, "c0");
        let only_c1 = CardFilter {
            deck: Some("nope".into()),
            tag: None,
        };
        let none = store.collection_stats(day, &only_c1).unwrap();
        assert!(none.ease.is_empty() && none.rewrite_candidates.is_empty());
        assert_eq!(none.states, StateCounts::default());
    }
}

//! Today's queue: same-day re-drills, then due reviews (most overdue
//! first), then new cards in deck order, within the daily limits.
//!
//! The due queue is a range scan of the partial index `cards_due`; new cards
//! come from `cards_new` in (deck, position) order; re-drills from
//! `cards_redrill`.

use rusqlite::params;
use scheduler::Day;

use super::cards::{CARD_COLUMNS, CardFilter, StoredCard, bind, collect_cards};
use super::{Result, Store};

/// Daily limits for a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// New cards per study day.
    pub new_per_day: u32,
    /// Reviews per study day.
    pub reviews_per_day: u32,
}

/// What is left to study today.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct QueueCounts {
    /// Reviews due today, within today's remaining review limit.
    pub due: u64,
    /// New cards still available today, within the remaining new limit.
    pub new: u64,
    /// Same-day re-drills pending.
    pub redrills: u64,
    /// First-of-day grades given today (reviews and new cards).
    pub reviewed_today: u64,
    /// Cards in the collection (or the filter).
    pub total: u64,
    /// Suspended cards.
    pub suspended: u64,
}

/// Conditions every queued card meets: not suspended, not buried today.
const ACTIVE: &str = "c.suspended = 0 AND (c.buried_until IS NULL OR c.buried_until <= ?1)";

/// The three parts of today's queue.
#[derive(Debug, Clone, Copy)]
enum Queue {
    /// Cards owing a same-day re-drill, longest-waiting first.
    Redrill,
    /// Reviews due today or earlier, most overdue first.
    Due,
    /// New cards in deck order.
    New,
}

impl Queue {
    /// The query for this part, with extra filter `conditions`; `?1` is
    /// today and `?2` the row limit. Each is a range scan of one partial
    /// index (`cards_redrill`, `cards_due`, `cards_new`) in index order.
    fn sql(self, conditions: &str) -> String {
        let (condition, order) = match self {
            Queue::Redrill => ("c.redrill_on = ?1", "c.answered_at_ms, c.id"),
            Queue::Due => (
                "c.due <= ?1 AND c.due IS NOT NULL AND (c.redrill_on IS NULL OR c.redrill_on != ?1)",
                "c.due, c.deck_id, c.position",
            ),
            Queue::New => ("c.last_review IS NULL", "c.deck_id, c.position"),
        };
        format!(
            "SELECT {CARD_COLUMNS} FROM cards c JOIN decks d ON d.id = c.deck_id
             WHERE {condition} AND {ACTIVE}{conditions} ORDER BY {order} LIMIT ?2"
        )
    }
}

/// The query behind [`Store::queue_counts`], with extra filter
/// `conditions`; `?1` is today. Due and new cards are counted only up to
/// what is left of today's limits (`?2`, `?3`), so the count stops early on
/// a large collection; new cards are counted from `cards_new` alone.
fn counts_sql(conditions: &str) -> String {
    format!(
        "SELECT
           (SELECT count(*) FROM (SELECT 1 FROM cards c WHERE c.due <= ?1 AND c.due IS NOT NULL AND {ACTIVE} AND (c.redrill_on IS NULL OR c.redrill_on != ?1){conditions} LIMIT ?2)),
           (SELECT count(*) FROM (SELECT 1 FROM cards c WHERE c.last_review IS NULL AND {ACTIVE}{conditions} LIMIT ?3)),
           (SELECT count(*) FROM cards c WHERE c.redrill_on = ?1 AND {ACTIVE}{conditions}),
           (SELECT count(*) FROM cards c WHERE 1 = 1{conditions}),
           (SELECT count(*) FROM cards c WHERE c.suspended != 0{conditions})"
    )
}

impl Store {
    /// How many first-of-day grades were given on `today`: (new cards
    /// introduced, reviews).
    pub fn done_today(&self, today: Day, filter: &CardFilter) -> Result<(u64, u64)> {
        let (conditions, values) = filter.sql();
        let sql = format!(
            "SELECT coalesce(sum(r.last_review_before IS NULL), 0), coalesce(sum(r.last_review_before IS NOT NULL), 0)
             FROM reviews r JOIN cards c ON c.id = r.card_id
             WHERE r.study_day = ?1 AND r.redrill = 0{conditions}"
        );
        let mut stmt = self.conn.prepare_cached(&sql).map_err(|e| self.err(e))?;
        bind(&mut stmt, Some(today.number()), None, &values).map_err(|e| self.err(e))?;
        let mut rows = stmt.raw_query();
        let row = rows.next().map_err(|e| self.err(e))?;
        match row {
            Some(row) => Ok((
                row.get(0).map_err(|e| self.err(e))?,
                row.get(1).map_err(|e| self.err(e))?,
            )),
            None => Ok((0, 0)),
        }
    }

    /// Today's counts.
    pub fn queue_counts(
        &self,
        today: Day,
        limits: Limits,
        filter: &CardFilter,
    ) -> Result<QueueCounts> {
        let (new_done, reviews_done) = self.done_today(today, filter)?;
        let (conditions, values) = filter.sql();
        let sql = counts_sql(&conditions);
        let reviews_left = u64::from(limits.reviews_per_day).saturating_sub(reviews_done);
        let new_left = u64::from(limits.new_per_day).saturating_sub(new_done);
        let mut stmt = self.conn.prepare_cached(&sql).map_err(|e| self.err(e))?;
        bind(&mut stmt, Some(today.number()), None, &values).map_err(|e| self.err(e))?;
        let clamp = |n: u64| i64::try_from(n).unwrap_or(i64::MAX);
        stmt.raw_bind_parameter(2, clamp(reviews_left))
            .map_err(|e| self.err(e))?;
        stmt.raw_bind_parameter(3, clamp(new_left))
            .map_err(|e| self.err(e))?;
        let counts = {
            let mut rows = stmt.raw_query();
            match rows.next().map_err(|e| self.err(e))? {
                Some(row) => {
                    let get = |i| row.get::<_, u64>(i);
                    (get(0), get(1), get(2), get(3), get(4))
                }
                None => (Ok(0), Ok(0), Ok(0), Ok(0), Ok(0)),
            }
        };
        let lift = |r: rusqlite::Result<u64>| r.map_err(|e| self.err(e));
        let (due, new, redrills, total, suspended) = (
            lift(counts.0)?,
            lift(counts.1)?,
            lift(counts.2)?,
            lift(counts.3)?,
            lift(counts.4)?,
        );
        Ok(QueueCounts {
            due,
            new,
            redrills,
            reviewed_today: new_done + reviews_done,
            total,
            suspended,
        })
    }

    /// The next few cards the review would show, in order (at most `n`).
    /// The card answered most recently today is moved behind the others, so
    /// a failed card does not come straight back while others wait.
    pub fn upcoming(
        &self,
        today: Day,
        limits: Limits,
        filter: &CardFilter,
        n: usize,
    ) -> Result<Vec<StoredCard>> {
        let (new_done, reviews_done) = self.done_today(today, filter)?;
        let reviews_left = u64::from(limits.reviews_per_day).saturating_sub(reviews_done);
        let new_left = u64::from(limits.new_per_day).saturating_sub(new_done);
        let want = n + 1;
        let mut cards = self.query_cards(Queue::Redrill, today, filter, want)?;
        if cards.len() < want && reviews_left > 0 {
            let take =
                (want - cards.len()).min(usize::try_from(reviews_left).unwrap_or(usize::MAX));
            cards.extend(self.query_cards(Queue::Due, today, filter, take)?);
        }
        if cards.len() < want && new_left > 0 {
            let take = (want - cards.len()).min(usize::try_from(new_left).unwrap_or(usize::MAX));
            cards.extend(self.query_cards(Queue::New, today, filter, take)?);
        }
        if cards.len() > 1 {
            let last = self.last_answered_today(today)?;
            if let Some(last) = last
                && cards[0].card.id.as_str() == last
            {
                let first = cards.remove(0);
                cards.insert(1, first);
            }
        }
        cards.truncate(n);
        Ok(cards)
    }

    /// The card the review would show now.
    pub fn next_card(
        &self,
        today: Day,
        limits: Limits,
        filter: &CardFilter,
    ) -> Result<Option<StoredCard>> {
        Ok(self.upcoming(today, limits, filter, 1)?.into_iter().next())
    }

    fn last_answered_today(&self, today: Day) -> Result<Option<String>> {
        use rusqlite::OptionalExtension;
        self.conn
            .query_row(
                "SELECT c.uid FROM reviews r JOIN cards c ON c.id = r.card_id
                 WHERE r.study_day = ?1 ORDER BY r.id DESC LIMIT 1",
                params![today.number()],
                |row| row.get(0),
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    fn query_cards(
        &self,
        queue: Queue,
        today: Day,
        filter: &CardFilter,
        limit: usize,
    ) -> Result<Vec<StoredCard>> {
        let (conditions, values) = filter.sql();
        let sql = queue.sql(&conditions);
        let mut stmt = self.conn.prepare_cached(&sql).map_err(|e| self.err(e))?;
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        bind(&mut stmt, Some(today.number()), Some(limit), &values).map_err(|e| self.err(e))?;
        collect_cards(&mut stmt).map_err(|e| self.err(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The steps of the plan SQLite picks for `sql`, joined by `; `.
    fn plan(store: &Store, sql: &str, params: impl rusqlite::Params) -> String {
        let mut stmt = store
            .conn
            .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .unwrap();
        let steps: Vec<String> = stmt
            .query_map(params, |row| row.get(3))
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        steps.join("; ")
    }

    /// The plan SQLite picks for each queue: one index, no sorting.
    #[test]
    fn queues_are_index_range_scans() {
        let store = Store::open_in_memory().unwrap();
        for (queue, index) in [
            (Queue::Redrill, "cards_redrill"),
            (Queue::Due, "cards_due"),
            (Queue::New, "cards_new"),
        ] {
            let plan = plan(&store, &queue.sql(""), rusqlite::params![1, 10]);
            assert!(
                plan.contains(&format!("USING INDEX {index}")),
                "{queue:?}: {plan}"
            );
            assert!(!plan.contains("TEMP B-TREE"), "{queue:?} sorts: {plan}");
        }
    }

    /// Counting new cards never reads a card row, however many there are.
    #[test]
    fn new_cards_are_counted_from_the_index_alone() {
        let store = Store::open_in_memory().unwrap();
        let plan = plan(&store, &counts_sql(""), rusqlite::params![1, 10, 10]);
        assert!(plan.contains("COVERING INDEX cards_new"), "{plan}");
    }
}

//! The `reviews` table: recording answers (state change and log row in one
//! transaction), undoing the last one, and reading the log.

use rusqlite::{OptionalExtension, Transaction, params};
use scheduler::{CardState, Day, Ease, Quality};

use super::cards::{CARD_COLUMNS, StoredCard, Suspension, row_to_card};
use super::{Result, Store, StoreError};
use crate::deck::CardId;

/// Why an answer was refused. Nothing is changed when it is.
#[derive(Debug, thiserror::Error)]
pub enum AnswerError {
    /// No card has this id.
    #[error("no card with id '{0}' (see `srs cards`)")]
    UnknownCard(CardId),
    /// The card is suspended.
    #[error("card '{0}' is suspended; unsuspend it before answering")]
    Suspended(CardId),
    /// The card is buried until a later day.
    #[error("card '{0}' is buried until {1}")]
    Buried(CardId, String),
    /// The card is not due and owes no re-drill today.
    #[error("card '{id}' is not due today (next due {due})")]
    NotDue {
        /// The card.
        id: CardId,
        /// When it is due.
        due: String,
    },
    /// The card is new and today's new-card limit is used up.
    #[error("card '{0}' is new and today's limit of new cards is reached")]
    NewLimit(CardId),
    /// The collection failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What an answer did.
#[derive(Debug, Clone, PartialEq)]
pub struct Recorded {
    /// The review-log row this answer wrote (what undo takes back).
    pub review_id: i64,
    /// The card before the answer.
    pub before: StoredCard,
    /// The state after the answer.
    pub after: CardState,
    /// Whether the grade was a same-day re-drill.
    pub redrill: bool,
    /// Whether this answer made the card a leech.
    pub became_leech: bool,
}

/// What an undo restored.
#[derive(Debug, Clone, PartialEq)]
pub struct Undone {
    /// The card, as it is again.
    pub card: StoredCard,
    /// The grade that was taken back.
    pub quality: Quality,
}

/// One row of the review log.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ReviewRow {
    /// The card's id.
    pub card: String,
    /// When, epoch milliseconds.
    pub reviewed_at_ms: i64,
    /// The study day.
    pub study_day: i32,
    /// The grade.
    pub quality: u8,
    /// Whether it was a same-day re-drill.
    pub redrill: bool,
    /// E-Factor before, thousandths.
    pub ease_before: u32,
    /// E-Factor after, thousandths.
    pub ease_after: u32,
    /// Interval before, days.
    pub interval_before: u32,
    /// Interval after, days.
    pub interval_after: u32,
    /// Whether the card was new before this grade.
    pub was_new: bool,
}

fn load_card(
    tx: &Transaction<'_>,
    id: &CardId,
) -> rusqlite::Result<Option<(i64, StoredCard, Option<i64>)>> {
    let sql = format!(
        "SELECT {CARD_COLUMNS}, c.id, c.answered_at_ms FROM cards c JOIN decks d ON d.id = c.deck_id WHERE c.uid = ?1"
    );
    tx.query_row(&sql, [id.as_str()], |row| {
        Ok((row.get(21)?, row_to_card(row)?, row.get(22)?))
    })
    .optional()
}

impl Store {
    /// Grades a card as the review would, on study day `today` at `now_ms`
    /// (epoch milliseconds), checking that the card may be answered today.
    /// The new state and the log row commit in one transaction.
    pub fn answer(
        &mut self,
        id: &CardId,
        quality: Quality,
        today: Day,
        now_ms: i64,
        limits: super::Limits,
        leech_lapses: u32,
    ) -> Result<Recorded, AnswerError> {
        let new_done = if self.card(id)?.is_some_and(|c| c.state.is_new()) {
            self.done_today(today, &super::CardFilter::default())?.0
        } else {
            0
        };
        let path = self.path.clone();
        let err = |e| super::sql_error(&path, e);
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(err)?;
        super::before_write(&tx, &self.path, self.identity, &mut self.sound)?;
        let Some((row_id, card, answered_at)) = load_card(&tx, id).map_err(err)? else {
            return Err(AnswerError::UnknownCard(id.clone()));
        };
        if card.is_suspended() {
            return Err(AnswerError::Suspended(id.clone()));
        }
        if let Some(until) = card.buried_until
            && until > today
        {
            return Err(AnswerError::Buried(
                id.clone(),
                crate::time::format_day(until),
            ));
        }
        let state = card.state;
        let answerable = state.is_new() || state.is_due(today) || state.redrill_pending(today);
        if !answerable {
            let due = state
                .due
                .map(crate::time::format_day)
                .unwrap_or_else(|| "never".into());
            return Err(AnswerError::NotDue {
                id: id.clone(),
                due,
            });
        }
        if state.is_new() && new_done >= u64::from(limits.new_per_day) {
            return Err(AnswerError::NewLimit(id.clone()));
        }
        let result = scheduler::answer(&state, quality, today);
        let after = result.state;
        let became_leech =
            !card.leech && !result.redrill && after.lapses >= leech_lapses && leech_lapses > 0;
        let day = |d: Option<Day>| d.map(Day::number);
        tx.execute(
            "UPDATE cards SET ease = ?2, interval = ?3, repetitions = ?4, lapses = ?5, due = ?6,
             last_review = ?7, redrill_on = ?8, answered_at_ms = ?9, leech = leech OR ?10 WHERE id = ?1",
            params![
                row_id,
                after.ease.thousandths(),
                after.interval,
                after.repetitions,
                after.lapses,
                day(after.due),
                day(after.last_review),
                day(after.redrill_on),
                now_ms,
                became_leech,
            ],
        )
        .map_err(err)?;
        tx.execute(
            "INSERT INTO reviews (card_id, reviewed_at_ms, study_day, quality, redrill, ease_before, ease_after,
             interval_before, interval_after, repetitions_before, lapses_before, due_before, due_after,
             last_review_before, redrill_on_before, answered_at_ms_before, leech_before, suspended_before)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
            params![
                row_id,
                now_ms,
                today.number(),
                quality.value(),
                result.redrill,
                state.ease.thousandths(),
                after.ease.thousandths(),
                state.interval,
                after.interval,
                state.repetitions,
                state.lapses,
                day(state.due),
                day(after.due),
                day(state.last_review),
                day(state.redrill_on),
                answered_at,
                card.leech,
                card.suspension.to_sql(),
            ],
        )
        .map_err(err)?;
        let review_id = tx.last_insert_rowid();
        super::still_opened(&self.path, self.identity)?;
        tx.commit().map_err(err)?;
        Ok(Recorded {
            review_id,
            before: card,
            after,
            redrill: result.redrill,
            became_leech,
        })
    }

    /// Takes back the last answer given on study day `today`: the card gets
    /// its schedule from before that answer and the log row is removed.
    /// `Ok(None)` when nothing was answered today. What the learner or a
    /// deck did since (a suspension, the card vanishing from its deck) is
    /// not the answer's, and stays.
    pub fn undo_last(&mut self, today: Day) -> Result<Option<Undone>> {
        self.undo_where(
            "study_day = ?1 ORDER BY id DESC LIMIT 1",
            i64::from(today.number()),
        )
    }

    /// Takes back the answer that wrote review-log row `review_id`, as
    /// [`Store::undo_last`] does, if it is still that card's last answer.
    /// `Ok(None)` when it is gone, or another answer (from another process)
    /// has come after it.
    pub fn undo_review(&mut self, review_id: i64) -> Result<Option<Undone>> {
        self.undo_where(
            "id = ?1 AND id = (SELECT MAX(r.id) FROM reviews r WHERE r.card_id = reviews.card_id)",
            review_id,
        )
    }

    fn undo_where(&mut self, condition: &str, value: i64) -> Result<Option<Undone>> {
        let path = self.path.clone();
        let err = |e| super::sql_error(&path, e);
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(err)?;
        super::before_write(&tx, &self.path, self.identity, &mut self.sound)?;
        type Before = (
            i64,
            i64,
            u8,
            u32,
            u32,
            u32,
            u32,
            Option<i32>,
            Option<i32>,
            Option<i32>,
            Option<i64>,
            bool,
        );
        let last: Option<Before> = tx
            .query_row(
                &format!(
                    "SELECT id, card_id, quality, ease_before, interval_before, repetitions_before, lapses_before,
                     due_before, last_review_before, redrill_on_before, answered_at_ms_before, leech_before
                     FROM reviews WHERE {condition}"
                ),
                [value],
                |r| {
                    Ok((
                        r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?,
                        r.get(7)?, r.get(8)?, r.get(9)?, r.get(10)?, r.get(11)?,
                    ))
                },
            )
            .optional()
            .map_err(err)?;
        let Some((
            review_id,
            card_id,
            quality,
            ease,
            interval,
            reps,
            lapses,
            due,
            last_review,
            redrill_on,
            answered_at,
            leech,
        )) = last
        else {
            return Ok(None);
        };
        tx.execute(
            "UPDATE cards SET ease = ?2, interval = ?3, repetitions = ?4, lapses = ?5, due = ?6,
             last_review = ?7, redrill_on = ?8, answered_at_ms = ?9, leech = ?10 WHERE id = ?1",
            params![
                card_id,
                Ease::from_thousandths(ease).thousandths(),
                interval,
                reps,
                lapses,
                due,
                last_review,
                redrill_on,
                answered_at,
                leech
            ],
        )
        .map_err(err)?;
        tx.execute("DELETE FROM reviews WHERE id = ?1", [review_id])
            .map_err(err)?;
        let sql = format!(
            "SELECT {CARD_COLUMNS} FROM cards c JOIN decks d ON d.id = c.deck_id WHERE c.id = ?1"
        );
        let card = tx.query_row(&sql, [card_id], row_to_card).map_err(err)?;
        super::still_opened(&self.path, self.identity)?;
        tx.commit().map_err(err)?;
        Ok(Some(Undone {
            card,
            quality: Quality::new(quality).unwrap_or(Quality::AGAIN),
        }))
    }

    /// Every review, oldest first.
    pub fn reviews(&self) -> Result<Vec<ReviewRow>> {
        self.review_rows("1 = 1", None)
    }

    /// The reviews of one study day, oldest first.
    pub fn reviews_on(&self, day: Day) -> Result<Vec<ReviewRow>> {
        self.review_rows("r.study_day = ?1", Some(day.number()))
    }

    fn review_rows(&self, condition: &str, day: Option<i32>) -> Result<Vec<ReviewRow>> {
        let sql = format!(
            "SELECT c.uid, r.reviewed_at_ms, r.study_day, r.quality, r.redrill, r.ease_before, r.ease_after,
             r.interval_before, r.interval_after, r.last_review_before IS NULL
             FROM reviews r JOIN cards c ON c.id = r.card_id WHERE {condition} ORDER BY r.id"
        );
        let mut stmt = self.conn.prepare_cached(&sql).map_err(|e| self.err(e))?;
        let params: Vec<i32> = day.into_iter().collect();
        let rows = stmt
            .query_map(rusqlite::params_from_iter(params), |r| {
                Ok(ReviewRow {
                    card: r.get(0)?,
                    reviewed_at_ms: r.get(1)?,
                    study_day: r.get(2)?,
                    quality: r.get(3)?,
                    redrill: r.get(4)?,
                    ease_before: r.get(5)?,
                    ease_after: r.get(6)?,
                    interval_before: r.get(7)?,
                    interval_after: r.get(8)?,
                    was_new: r.get(9)?,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.err(e))
    }
}

impl Suspension {
    /// Whether the learner suspended the card.
    pub fn by_learner(self) -> bool {
        self == Suspension::ByLearner
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::store_with;
    use super::super::{CardFilter, Limits};
    use super::*;

    const LIMITS: Limits = Limits {
        new_per_day: 20,
        reviews_per_day: 200,
    };

    fn id(s: &str) -> CardId {
        CardId::new(s)
    }

    #[test]
    fn undo_of_one_answer_only_while_it_is_the_cards_last() {
        let mut store = store_with(2);
        let today = Day::new(100);
        let again = Quality::new(1).unwrap();
        let first = store
            .answer(&id("c0"), again, today, 1000, LIMITS, 8)
            .unwrap();
        // Another process answers the re-drill after it.
        let later = store
            .answer(&id("c0"), again, today, 2000, LIMITS, 8)
            .unwrap();
        assert!(store.undo_review(first.review_id).unwrap().is_none());
        assert!(store.undo_review(later.review_id).unwrap().is_some());
        let undone = store.undo_review(first.review_id).unwrap().unwrap();
        assert_eq!(undone.card, first.before);
    }

    #[test]
    fn undo_keeps_a_suspension_made_after_the_answer() {
        let mut store = store_with(1);
        let today = Day::new(100);
        store
            .answer(&id("c0"), Quality::GOOD, today, 1000, LIMITS, 8)
            .unwrap();
        store.set_suspended(&id("c0"), true).unwrap();
        let undone = store.undo_last(today).unwrap().unwrap();
        assert!(undone.card.is_suspended());
        assert!(undone.card.state.is_new());
    }

    #[test]
    fn answer_then_undo_restores_everything() {
        let mut store = store_with(2);
        let today = Day::new(100);
        let before = store.card(&id("c0")).unwrap().unwrap();
        let rec = store
            .answer(&id("c0"), Quality::new(2).unwrap(), today, 1000, LIMITS, 8)
            .unwrap();
        assert!(!rec.redrill);
        assert_eq!(store.reviews().unwrap().len(), 1);
        let counts = store
            .queue_counts(today, LIMITS, &CardFilter::default())
            .unwrap();
        assert_eq!(
            (counts.redrills, counts.new, counts.reviewed_today),
            (1, 1, 1)
        );
        let undone = store.undo_last(today).unwrap().unwrap();
        assert_eq!(undone.card, before);
        assert_eq!(store.reviews().unwrap().len(), 0);
        assert!(store.undo_last(today).unwrap().is_none());
    }

    #[test]
    fn refuses_cards_not_due_and_unknown() {
        let mut store = store_with(1);
        let today = Day::new(100);
        store
            .answer(&id("c0"), Quality::EASY, today, 1, LIMITS, 8)
            .unwrap();
        let err = store
            .answer(&id("c0"), Quality::EASY, today, 2, LIMITS, 8)
            .unwrap_err();
        assert!(matches!(err, AnswerError::NotDue { .. }), "{err}");
        let err = store
            .answer(&id("nope"), Quality::EASY, today, 2, LIMITS, 8)
            .unwrap_err();
        assert!(matches!(err, AnswerError::UnknownCard(_)));
        store.set_suspended(&id("c0"), true).unwrap();
        let err = store
            .answer(&id("c0"), Quality::EASY, today.plus(1), 3, LIMITS, 8)
            .unwrap_err();
        assert!(matches!(err, AnswerError::Suspended(_)));
        assert_eq!(store.reviews().unwrap().len(), 1);
    }

    #[test]
    fn due_reviews_come_most_overdue_first() {
        let mut store = store_with(3);
        let limits = Limits {
            new_per_day: 20,
            reviews_per_day: 200,
        };
        // First reviews on different days: c2 falls due first, then c1, then c0,
        // the reverse of deck order.
        for (card, day) in [("c2", 0), ("c1", 1), ("c0", 2)] {
            store
                .answer(
                    &id(card),
                    Quality::EASY,
                    Day::new(day),
                    day.into(),
                    limits,
                    8,
                )
                .unwrap();
        }
        let f = CardFilter::default();
        let today = Day::new(10);
        let mut order = Vec::new();
        for n in 0..3 {
            let next = store.next_card(today, limits, &f).unwrap().unwrap();
            order.push(next.card.id.as_str().to_string());
            store
                .answer(&next.card.id, Quality::GOOD, today, 100 + n, limits, 8)
                .unwrap();
        }
        assert_eq!(order, ["c2", "c1", "c0"]);
    }

    #[test]
    fn queue_order_and_limits() {
        let mut store = store_with(5);
        let day = Day::new(10);
        let limits = Limits {
            new_per_day: 2,
            reviews_per_day: 200,
        };
        let f = CardFilter::default();
        let next = store.next_card(day, limits, &f).unwrap().unwrap();
        assert_eq!(next.card.id.as_str(), "c0");
        store
            .answer(&id("c0"), Quality::AGAIN, day, 1, limits, 8)
            .unwrap();
        // The failed card waits behind the next new card.
        assert_eq!(
            store
                .next_card(day, limits, &f)
                .unwrap()
                .unwrap()
                .card
                .id
                .as_str(),
            "c1"
        );
        store
            .answer(&id("c1"), Quality::GOOD, day, 2, limits, 8)
            .unwrap();
        // The new-card limit is reached: only the re-drill is left.
        let counts = store.queue_counts(day, limits, &f).unwrap();
        assert_eq!((counts.new, counts.redrills, counts.due), (0, 1, 0));
        assert_eq!(
            store
                .next_card(day, limits, &f)
                .unwrap()
                .unwrap()
                .card
                .id
                .as_str(),
            "c0"
        );
        let err = store
            .answer(&id("c2"), Quality::GOOD, day, 3, limits, 8)
            .unwrap_err();
        assert!(matches!(err, AnswerError::NewLimit(_)));
        store
            .answer(&id("c0"), Quality::GOOD, day, 4, limits, 8)
            .unwrap();
        assert!(store.next_card(day, limits, &f).unwrap().is_none());
        // Next day both are due; the most overdue first.
        let later = day.plus(7);
        let upcoming: Vec<String> = store
            .upcoming(later, limits, &f, 10)
            .unwrap()
            .into_iter()
            .map(|c| c.card.id.to_string())
            .collect();
        assert_eq!(upcoming, ["c0", "c1", "c2", "c3"]);
    }

    #[test]
    fn leech_after_lapses() {
        let mut store = store_with(3);
        let mut day = Day::new(0);
        store
            .answer(&id("c0"), Quality::EASY, day, 0, LIMITS, 2)
            .unwrap();
        for n in 1..=2 {
            day = day.plus(1);
            let rec = store
                .answer(&id("c0"), Quality::AGAIN, day, n, LIMITS, 2)
                .unwrap();
            assert_eq!(rec.became_leech, n == 2);
            store
                .answer(&id("c0"), Quality::GOOD, day, n, LIMITS, 2)
                .unwrap();
        }
        assert!(store.card(&id("c0")).unwrap().unwrap().leech);
        // `--tag leech` finds it, and only it.
        let leeches = store
            .cards(&crate::store::CardFilter {
                deck: None,
                tag: Some("leech".into()),
            })
            .unwrap();
        assert_eq!(leeches.len(), 1);
        assert_eq!(leeches[0].card.id, id("c0"));
    }
}

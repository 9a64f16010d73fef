//! One review session as pure state: which card comes next, how the
//! session is sized, where a failed card comes back, what undo puts back,
//! and the tallies of the end-of-session summary.
//!
//! The session never touches the collection or the terminal. The caller
//! loads today's queue from the store, asks [`Session::current`] for the card
//! to show, records each answer in the store (one transaction per answer)
//! and then tells the session what the store returned
//! ([`Session::record`]); the session answers with what else to do (suspend
//! a new leech).

use std::collections::VecDeque;

use scheduler::{Day, Ease, Quality};

use crate::deck::CardId;
use crate::store::{Recorded, StoredCard, Undone};

/// Cards shown between a failed card and its same-day re-drill, when that
/// many are waiting.
pub const DEFAULT_REDRILL_GAP: usize = 3;

/// What happens to a card that becomes a leech.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LeechAction {
    /// Keep it (the store tags it `leech`).
    #[default]
    Tag,
    /// Tag it and suspend it.
    Suspend,
}

/// How a session is sized and behaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionOptions {
    /// Stop after this many answers (re-drills included).
    pub limit: Option<u32>,
    /// Introduce at most this many new cards.
    pub new_cards: Option<u32>,
    /// What to do with a new leech.
    pub leech_action: LeechAction,
    /// Cards shown before a failed card comes back.
    pub redrill_gap: usize,
}

impl Default for SessionOptions {
    fn default() -> Self {
        SessionOptions {
            limit: None,
            new_cards: None,
            leech_action: LeechAction::Tag,
            redrill_gap: DEFAULT_REDRILL_GAP,
        }
    }
}

/// What is left in the session, by kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Remaining {
    /// Reviews due.
    pub due: usize,
    /// New cards.
    pub new: usize,
    /// Same-day re-drills.
    pub redrills: usize,
}

impl Remaining {
    /// Every card left.
    pub fn total(self) -> usize {
        self.due + self.new + self.redrills
    }
}

/// What the caller must do after an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FollowUp {
    /// Suspend the card (it became a leech under `--leech-action suspend`).
    pub suspend: bool,
}

/// What an undo must restore, decided from the session's own history.
#[derive(Debug, Clone, PartialEq)]
pub enum UndoTarget {
    /// Take back this session's answer that wrote this review-log row
    /// (`suspended` when the answer also suspended the card as a leech).
    Answer {
        /// The review-log row.
        review_id: i64,
        /// Whether the answer suspended the card (a leech under
        /// `--leech-action suspend`).
        suspended: bool,
    },
    /// The session has given no answer it could take back (an answer
    /// from another process or an earlier session is never undone here).
    Nothing,
    /// Unsuspend this card.
    Unsuspend(CardId),
    /// Unbury this card.
    Unbury(CardId),
}

/// A card with something to report in the summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flagged {
    /// The card.
    pub id: CardId,
    /// Its question.
    pub front: String,
    /// Its lapses.
    pub lapses: u32,
}

#[derive(Debug, Clone, PartialEq)]
enum Step {
    Answered {
        before: StoredCard,
        review_id: i64,
        suspended: bool,
        pass: bool,
        first_of_day: bool,
        was_new: bool,
        leech: bool,
        rewrite: bool,
    },
    Suspended(StoredCard),
    Buried(StoredCard),
}

/// The end-of-session summary.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// Answers given (re-drills included).
    pub reviewed: u32,
    /// Answers that passed (quality 3 or more).
    pub passes: u32,
    /// New cards seen for the first time.
    pub new_cards: u32,
    /// Re-drill answers.
    pub redrills: u32,
    /// Cards suspended from the session.
    pub suspended: u32,
    /// Cards buried until tomorrow.
    pub buried: u32,
    /// Milliseconds from the start to the end of the session.
    pub elapsed_ms: i64,
    /// Cards still waiting today when the session ended.
    pub left: Remaining,
    /// The next study day after today with cards due, and how many.
    pub next_due: Option<(Day, u64)>,
    /// Consecutive study days, today included.
    pub streak: u32,
    /// Cards that became leeches in this session.
    pub leeches: Vec<Flagged>,
    /// Cards answered in this session whose E-Factor sits at 1.3.
    pub rewrite: Vec<Flagged>,
}

/// One review session.
#[derive(Debug, Clone)]
pub struct Session {
    queue: VecDeque<StoredCard>,
    today: Day,
    options: SessionOptions,
    started_ms: i64,
    history: Vec<Step>,
    answers: u32,
    passes: u32,
    new_seen: u32,
    redrills: u32,
    suspended: u32,
    buried: u32,
    leeches: Vec<Flagged>,
    rewrite: Vec<Flagged>,
}

fn flagged(card: &StoredCard, lapses: u32) -> Flagged {
    Flagged {
        id: card.card.id.clone(),
        front: card.card.front.clone(),
        lapses,
    }
}

impl Session {
    /// A session over `cards`, today's queue in the store's order
    /// (re-drills, due reviews most overdue first, new cards in deck order),
    /// started at `started_ms`. New cards beyond `options.new_cards` are left
    /// out.
    pub fn new(
        cards: Vec<StoredCard>,
        today: Day,
        options: SessionOptions,
        started_ms: i64,
    ) -> Session {
        let mut new_left = options.new_cards.map_or(usize::MAX, |n| n as usize);
        let queue = cards
            .into_iter()
            .filter(|card| {
                if card.state.is_new() && !card.state.redrill_pending(today) {
                    if new_left == 0 {
                        return false;
                    }
                    new_left -= 1;
                }
                true
            })
            .collect();
        Session {
            queue,
            today,
            options,
            started_ms,
            history: Vec::new(),
            answers: 0,
            passes: 0,
            new_seen: 0,
            redrills: 0,
            suspended: 0,
            buried: 0,
            leeches: Vec::new(),
            rewrite: Vec::new(),
        }
    }

    /// The study day of the session.
    pub fn today(&self) -> Day {
        self.today
    }

    /// Whether `--limit` answers have been given.
    pub fn limit_reached(&self) -> bool {
        self.options
            .limit
            .is_some_and(|limit| self.answers >= limit)
    }

    /// The card to show now, `None` when the session is over.
    pub fn current(&self) -> Option<&StoredCard> {
        if self.limit_reached() {
            return None;
        }
        self.queue.front()
    }

    /// Answers given so far (re-drills included).
    pub fn answered(&self) -> u32 {
        self.answers
    }

    /// The cards still queued, by kind.
    pub fn remaining(&self) -> Remaining {
        let mut left = Remaining::default();
        for card in &self.queue {
            if card.state.redrill_pending(self.today) {
                left.redrills += 1;
            } else if card.state.is_new() {
                left.new += 1;
            } else {
                left.due += 1;
            }
        }
        left
    }

    /// How many more answers the session expects: the queue, capped by the
    /// `--limit` still to go.
    pub fn expected_left(&self) -> usize {
        let queued = self.queue.len();
        match self.options.limit {
            Some(limit) => queued.min(limit.saturating_sub(self.answers) as usize),
            None => queued,
        }
    }

    /// The ids of the queued cards, in the order they will be shown.
    pub fn order(&self) -> Vec<&str> {
        self.queue.iter().map(|c| c.card.id.as_str()).collect()
    }

    /// Takes note of an answer the store recorded for the current card
    /// with `quality`. A card that still owes a re-drill goes back into the
    /// queue behind the next few cards; a new leech is noted and, under
    /// `--leech-action suspend`, leaves the queue for the caller to suspend.
    pub fn record(&mut self, recorded: &Recorded, quality: Quality) -> FollowUp {
        let id = &recorded.before.card.id;
        let position = self.queue.iter().position(|c| &c.card.id == id);
        let before = match position {
            Some(i) => self
                .queue
                .remove(i)
                .unwrap_or_else(|| recorded.before.clone()),
            None => recorded.before.clone(),
        };
        let pass = quality.is_pass();
        let was_new = recorded.before.state.is_new();
        let first_of_day = !recorded.redrill;
        self.answers += 1;
        self.passes += u32::from(pass);
        self.new_seen += u32::from(was_new);
        self.redrills += u32::from(recorded.redrill);

        let leech = recorded.became_leech;
        if leech {
            self.leeches.push(flagged(&before, recorded.after.lapses));
        }
        let suspend = leech && self.options.leech_action == LeechAction::Suspend;
        let rewrite =
            recorded.after.ease == Ease::MINIMUM && !self.rewrite.iter().any(|f| &f.id == id);
        if rewrite {
            self.rewrite.push(flagged(&before, recorded.after.lapses));
        }
        let requeued = !suspend && recorded.after.redrill_pending(self.today);
        if requeued {
            let mut again = before.clone();
            again.state = recorded.after;
            again.leech |= leech;
            let at = self.options.redrill_gap.min(self.queue.len());
            self.queue.insert(at, again);
        }
        if suspend {
            self.suspended += 1;
        }
        self.history.push(Step::Answered {
            before,
            review_id: recorded.review_id,
            suspended: suspend,
            pass,
            first_of_day,
            was_new,
            leech,
            rewrite,
        });
        FollowUp { suspend }
    }

    /// Takes the current card out of the session without recording
    /// anything (the store refused it: something else changed it).
    pub fn skip_current(&mut self) -> Option<CardId> {
        self.current()?;
        self.queue.pop_front().map(|card| card.card.id)
    }

    /// Takes the current card out of the session because the learner
    /// suspended it. Returns its id.
    pub fn suspend_current(&mut self) -> Option<CardId> {
        let card = self.current()?.clone();
        self.queue.pop_front();
        self.suspended += 1;
        let id = card.card.id.clone();
        self.history.push(Step::Suspended(card));
        Some(id)
    }

    /// Takes the current card out of the session because the learner buried
    /// it until tomorrow. Returns its id.
    pub fn bury_current(&mut self) -> Option<CardId> {
        let card = self.current()?.clone();
        self.queue.pop_front();
        self.buried += 1;
        let id = card.card.id.clone();
        self.history.push(Step::Buried(card));
        Some(id)
    }

    /// What `u` must take back.
    pub fn undo_target(&self) -> UndoTarget {
        match self.history.last() {
            Some(Step::Suspended(card)) => UndoTarget::Unsuspend(card.card.id.clone()),
            Some(Step::Buried(card)) => UndoTarget::Unbury(card.card.id.clone()),
            Some(Step::Answered {
                review_id,
                suspended,
                ..
            }) => UndoTarget::Answer {
                review_id: *review_id,
                suspended: *suspended,
            },
            None => UndoTarget::Nothing,
        }
    }

    /// Puts back the card of an undone suspension or burial (after the
    /// caller restored it in the store): it is shown next.
    pub fn undo_flag(&mut self) -> Option<CardId> {
        let card = match self.history.last() {
            Some(Step::Suspended(_)) => {
                self.suspended -= 1;
                match self.history.pop() {
                    Some(Step::Suspended(card)) => card,
                    _ => return None,
                }
            }
            Some(Step::Buried(_)) => {
                self.buried -= 1;
                match self.history.pop() {
                    Some(Step::Buried(card)) => card,
                    _ => return None,
                }
            }
            _ => return None,
        };
        let id = card.card.id.clone();
        self.queue.push_front(card);
        Some(id)
    }

    /// Forgets this session's last answer as something to undo (the store
    /// could not take it back: the card was answered again elsewhere).
    pub fn forget_last_answer(&mut self) {
        if matches!(self.history.last(), Some(Step::Answered { .. })) {
            self.history.pop();
        }
    }

    /// Takes note of an answer the store took back (this session's last,
    /// named by [`Session::undo_target`]): its tallies are reverted and the
    /// card, as it is again, is shown next.
    pub fn undo_answer(&mut self, undone: &Undone) {
        let id = &undone.card.card.id;
        self.queue.retain(|c| &c.card.id != id);
        let ours = matches!(
            self.history.last(),
            Some(Step::Answered { before, .. }) if &before.card.id == id
        );
        if ours
            && let Some(Step::Answered {
                pass,
                first_of_day,
                was_new,
                leech,
                rewrite,
                ..
            }) = self.history.pop()
        {
            self.answers -= 1;
            self.passes -= u32::from(pass);
            self.new_seen -= u32::from(was_new);
            self.redrills -= u32::from(!first_of_day);
            if leech {
                self.leeches.retain(|f| &f.id != id);
                if self.options.leech_action == LeechAction::Suspend {
                    self.suspended -= 1;
                }
            }
            if rewrite {
                self.rewrite.retain(|f| &f.id != id);
            }
        }
        if !undone.card.is_suspended() {
            self.queue.push_front(undone.card.clone());
        }
    }

    /// The summary at `ended_ms`, with the facts only the store knows.
    pub fn summary(&self, ended_ms: i64, next_due: Option<(Day, u64)>, streak: u32) -> Summary {
        Summary {
            reviewed: self.answers,
            passes: self.passes,
            new_cards: self.new_seen,
            redrills: self.redrills,
            suspended: self.suspended,
            buried: self.buried,
            elapsed_ms: (ended_ms - self.started_ms).max(0),
            left: self.remaining(),
            next_due,
            streak,
            leeches: self.leeches.clone(),
            rewrite: self.rewrite.clone(),
        }
    }
}

/// A duration in milliseconds as "1 h 2 min", "3 min 4 s" or "5 s".
pub fn format_elapsed(ms: i64) -> String {
    let secs = ms.max(0) / 1000;
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    if h > 0 {
        format!("{h} h {m} min")
    } else if m > 0 {
        format!("{m} min {s} s")
    } else {
        format!("{s} s")
    }
}

/// A study day relative to `today`: "today", "tomorrow", or the date.
pub fn describe_day(day: Day, today: Day) -> String {
    match day.days_since(today) {
        0 => "today".into(),
        1 => "tomorrow".into(),
        _ => crate::time::format_day(day),
    }
}

/// The summary as plain lines, for the screen and for pipes.
pub fn summary_lines(summary: &Summary, today: Day) -> Vec<String> {
    let mut lines = Vec::new();
    let rate = if summary.reviewed > 0 {
        format!(
            " ({}%)",
            (u64::from(summary.passes) * 100 + u64::from(summary.reviewed) / 2)
                / u64::from(summary.reviewed)
        )
    } else {
        String::new()
    };
    lines.push(format!(
        "Reviewed {} card{} ({} new, {} re-drill{}), {} passed{rate}, in {}.",
        summary.reviewed,
        plural(summary.reviewed),
        summary.new_cards,
        summary.redrills,
        plural(summary.redrills),
        summary.passes,
        format_elapsed(summary.elapsed_ms)
    ));
    if summary.suspended > 0 || summary.buried > 0 {
        lines.push(format!(
            "Suspended {}, buried {} until tomorrow.",
            summary.suspended, summary.buried
        ));
    }
    let left = summary.left;
    if left.total() > 0 {
        lines.push(format!(
            "Still waiting today: {} due, {} new, {} re-drills.",
            left.due, left.new, left.redrills
        ));
    } else {
        lines.push("Nothing more to study today.".into());
    }
    match summary.next_due {
        Some((day, n)) => lines.push(format!(
            "Next due: {} ({n} card{}).",
            describe_day(day, today),
            plural(u32::try_from(n).unwrap_or(u32::MAX))
        )),
        None => lines.push("Next due: nothing scheduled.".into()),
    }
    lines.push(format!(
        "Streak: {} study day{}.",
        summary.streak,
        plural(summary.streak)
    ));
    for leech in &summary.leeches {
        lines.push(format!(
            "Leech: {} has lapsed {} times (tagged leech): {}",
            leech.id, leech.lapses, leech.front
        ));
    }
    for card in &summary.rewrite {
        lines.push(format!(
            "Rewrite candidate (E-Factor 1.3): {}: {}",
            card.id, card.front
        ));
    }
    lines
}

fn plural(n: u32) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::{Card, CardKind};
    use crate::store::Suspension;
    use scheduler::CardState;

    const TODAY: Day = Day::new(1000);

    fn card(id: &str, state: CardState) -> StoredCard {
        StoredCard {
            card: Card::new(id, CardKind::Basic, format!("Q {id}"), format!("A {id}")),
            deck: "D".into(),
            state,
            suspension: Suspension::Active,
            buried_until: None,
            leech: false,
            modified_at: 0,
            added_at: 0,
        }
    }

    fn new(id: &str) -> StoredCard {
        card(id, CardState::new())
    }

    fn due(id: &str) -> StoredCard {
        let mut state = CardState::new();
        state.repetitions = 2;
        state.interval = 6;
        state.last_review = Some(Day::new(TODAY.number() - 6));
        state.due = Some(TODAY);
        card(id, state)
    }

    /// What the store would record for `quality` on the current card.
    fn answer(session: &mut Session, quality: Quality) -> FollowUp {
        let before = session.current().unwrap().clone();
        let result = scheduler::answer(&before.state, quality, TODAY);
        let recorded = Recorded {
            review_id: i64::from(session.answered()) + 1,
            before: before.clone(),
            after: result.state,
            redrill: result.redrill,
            became_leech: !before.leech && !result.redrill && result.state.lapses >= 8,
        };
        session.record(&recorded, quality)
    }

    fn undo(session: &mut Session, restored: &StoredCard, quality: Quality) {
        assert!(matches!(session.undo_target(), UndoTarget::Answer { .. }));
        session.undo_answer(&Undone {
            card: restored.clone(),
            quality,
        });
    }

    fn session(cards: Vec<StoredCard>, options: SessionOptions) -> Session {
        Session::new(cards, TODAY, options, 0)
    }

    #[test]
    fn keeps_the_store_order_and_counts_kinds() {
        let s = session(
            vec![due("a"), due("b"), new("n1"), new("n2")],
            SessionOptions::default(),
        );
        assert_eq!(s.order(), ["a", "b", "n1", "n2"]);
        assert_eq!(
            s.remaining(),
            Remaining {
                due: 2,
                new: 2,
                redrills: 0
            }
        );
        assert_eq!(s.current().unwrap().card.id.as_str(), "a");
    }

    #[test]
    fn new_option_caps_new_cards() {
        let s = session(
            vec![due("a"), new("n1"), new("n2"), new("n3")],
            SessionOptions {
                new_cards: Some(1),
                ..Default::default()
            },
        );
        assert_eq!(s.order(), ["a", "n1"]);
        let none = session(
            vec![new("n1"), due("a")],
            SessionOptions {
                new_cards: Some(0),
                ..Default::default()
            },
        );
        assert_eq!(none.order(), ["a"]);
    }

    #[test]
    fn limit_stops_after_n_answers_and_undo_reopens() {
        let mut s = session(
            vec![due("a"), due("b"), due("c")],
            SessionOptions {
                limit: Some(2),
                ..Default::default()
            },
        );
        assert_eq!(s.expected_left(), 2);
        answer(&mut s, Quality::GOOD);
        let b = s.current().unwrap().clone();
        answer(&mut s, Quality::GOOD);
        assert!(s.limit_reached());
        assert!(s.current().is_none());
        assert_eq!(s.expected_left(), 0);
        undo(&mut s, &b, Quality::GOOD);
        assert_eq!(s.current().unwrap().card.id.as_str(), "b");
        assert_eq!(s.answered(), 1);
    }

    #[test]
    fn failed_card_comes_back_behind_others() {
        let mut s = session(
            vec![due("a"), due("b"), due("c"), due("d"), due("e")],
            SessionOptions::default(),
        );
        answer(&mut s, Quality::AGAIN);
        // "a" waits behind three others.
        assert_eq!(s.order(), ["b", "c", "d", "a", "e"]);
        assert_eq!(s.remaining().redrills, 1);
        answer(&mut s, Quality::GOOD);
        answer(&mut s, Quality::GOOD);
        answer(&mut s, Quality::GOOD);
        assert_eq!(s.current().unwrap().card.id.as_str(), "a");
        // A re-drill graded 3 (below 4) comes back again; with only "e"
        // left, it comes right after it.
        answer(&mut s, Quality::HARD);
        assert_eq!(s.order(), ["e", "a"]);
        answer(&mut s, Quality::GOOD);
        answer(&mut s, Quality::GOOD);
        assert!(s.current().is_none());
        let summary = s.summary(90_000, None, 1);
        assert_eq!(summary.reviewed, 7);
        assert_eq!(summary.redrills, 2);
        assert_eq!(summary.passes, 6);
        assert_eq!(summary.elapsed_ms, 90_000);
    }

    #[test]
    fn a_lone_failed_card_comes_straight_back() {
        let mut s = session(vec![new("only")], SessionOptions::default());
        answer(&mut s, Quality::new(0).unwrap());
        assert_eq!(s.order(), ["only"]);
        answer(&mut s, Quality::EASY);
        assert!(s.current().is_none());
        let summary = s.summary(0, None, 0);
        assert_eq!((summary.reviewed, summary.new_cards), (2, 1));
    }

    #[test]
    fn undo_restores_queue_and_tallies() {
        let a = due("a");
        let mut s = session(vec![a.clone(), due("b")], SessionOptions::default());
        answer(&mut s, Quality::AGAIN);
        assert_eq!(s.order(), ["b", "a"]);
        assert_eq!(s.summary(0, None, 0).reviewed, 1);
        undo(&mut s, &a, Quality::AGAIN);
        // The re-drill copy is gone and the card is first again, as it was.
        assert_eq!(s.order(), ["a", "b"]);
        assert_eq!(s.current().unwrap(), &a);
        let summary = s.summary(0, None, 0);
        assert_eq!((summary.reviewed, summary.passes), (0, 0));
    }

    #[test]
    fn only_this_sessions_answers_are_undone() {
        let mut s = session(vec![due("a"), due("b")], SessionOptions::default());
        assert_eq!(s.undo_target(), UndoTarget::Nothing);
        answer(&mut s, Quality::GOOD);
        assert_eq!(
            s.undo_target(),
            UndoTarget::Answer {
                review_id: 1,
                suspended: false
            }
        );
        undo(&mut s, &due("a"), Quality::GOOD);
        assert_eq!(s.undo_target(), UndoTarget::Nothing);
    }

    #[test]
    fn suspend_and_bury_leave_and_undo_returns() {
        let mut s = session(
            vec![due("a"), due("b"), due("c")],
            SessionOptions::default(),
        );
        assert_eq!(s.suspend_current().unwrap().as_str(), "a");
        assert_eq!(s.bury_current().unwrap().as_str(), "b");
        assert_eq!(s.order(), ["c"]);
        assert_eq!(s.undo_target(), UndoTarget::Unbury(CardId::new("b")));
        assert_eq!(s.undo_flag().unwrap().as_str(), "b");
        assert_eq!(s.undo_target(), UndoTarget::Unsuspend(CardId::new("a")));
        assert_eq!(s.undo_flag().unwrap().as_str(), "a");
        assert_eq!(s.order(), ["a", "b", "c"]);
        assert_eq!(s.undo_target(), UndoTarget::Nothing);
        let summary = s.summary(0, None, 0);
        assert_eq!((summary.suspended, summary.buried), (0, 0));
    }

    fn leech_candidate() -> StoredCard {
        let mut c = due("l");
        c.state.lapses = 7;
        c
    }

    #[test]
    fn leech_is_reported_and_suspended_on_request() {
        let mut s = session(
            vec![leech_candidate(), due("x")],
            SessionOptions {
                leech_action: LeechAction::Suspend,
                ..Default::default()
            },
        );
        let follow = answer(&mut s, Quality::AGAIN);
        assert!(follow.suspend);
        // Suspended: no re-drill of it in this session.
        assert_eq!(s.order(), ["x"]);
        let summary = s.summary(0, None, 0);
        assert_eq!(summary.leeches.len(), 1);
        assert_eq!(summary.leeches[0].lapses, 8);
        assert_eq!(summary.suspended, 1);
        let lines = summary_lines(&summary, TODAY).join("\n");
        assert!(lines.contains("Leech: l has lapsed 8 times"), "{lines}");
        undo(&mut s, &leech_candidate(), Quality::AGAIN);
        let summary = s.summary(0, None, 0);
        assert!(summary.leeches.is_empty());
        assert_eq!(summary.suspended, 0);
        assert_eq!(s.order(), ["l", "x"]);
    }

    #[test]
    fn leech_is_kept_by_default() {
        let mut s = session(vec![leech_candidate(), due("x")], SessionOptions::default());
        let follow = answer(&mut s, Quality::AGAIN);
        assert!(!follow.suspend);
        assert_eq!(s.order(), ["x", "l"]);
        assert_eq!(s.summary(0, None, 0).leeches.len(), 1);
    }

    #[test]
    fn cards_at_the_ease_floor_are_rewrite_candidates() {
        let mut low = due("low");
        low.state.ease = Ease::from_thousandths(1400);
        let mut s = session(vec![low, due("ok")], SessionOptions::default());
        answer(&mut s, Quality::HARD); // 1.4 - 0.14 → 1.3
        answer(&mut s, Quality::HARD); // 2.5 - 0.14
        let summary = s.summary(0, None, 0);
        assert_eq!(summary.rewrite.len(), 1);
        assert_eq!(summary.rewrite[0].id.as_str(), "low");
    }

    #[test]
    fn summary_text() {
        let mut s = session(vec![due("a"), new("b")], SessionOptions::default());
        answer(&mut s, Quality::GOOD);
        answer(&mut s, Quality::AGAIN);
        let summary = s.summary(125_000, Some((TODAY.plus(1), 7)), 3);
        let lines = summary_lines(&summary, TODAY);
        assert_eq!(
            lines[0],
            "Reviewed 2 cards (1 new, 0 re-drills), 1 passed (50%), in 2 min 5 s."
        );
        assert!(lines.contains(&"Still waiting today: 0 due, 0 new, 1 re-drills.".to_string()));
        assert!(lines.contains(&"Next due: tomorrow (7 cards).".to_string()));
        assert!(lines.contains(&"Streak: 3 study days.".to_string()));
    }

    #[test]
    fn formats_times_and_days() {
        assert_eq!(format_elapsed(999), "0 s");
        assert_eq!(format_elapsed(61_000), "1 min 1 s");
        assert_eq!(format_elapsed(3_720_000), "1 h 2 min");
        assert_eq!(describe_day(TODAY, TODAY), "today");
        assert_eq!(describe_day(TODAY.plus(1), TODAY), "tomorrow");
        assert_eq!(describe_day(Day::new(20455), TODAY), "2026-01-02");
    }
}

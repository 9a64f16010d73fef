//! One `srs curate` session, without any terminal: the cards to walk (in
//! deck order), the card on screen as a learner will see it, the tutor's
//! decisions on the edits, and undo. The command saves [`Curation::edits`]
//! after every change.

use std::collections::HashSet;

use super::{Added, Decision, Edits, Entry, Tally, Text, added_id, compiled_text};
use crate::deck::{Card, CardId, CardKind, Deck};

/// Which cards a session walks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Walk {
    /// Compiled cards not decided yet.
    #[default]
    Undecided,
    /// Decided cards whose compiled text changed since.
    Stale,
    /// Every card, the tutor's own too.
    All,
}

/// The card on screen.
#[derive(Debug, Clone)]
pub struct Shown<'a> {
    /// The card as a learner will see it (the tutor's text where edited).
    pub card: Card,
    /// The card as the deck file has it.
    pub original: &'a Card,
    /// The compiled text.
    pub compiled: Text,
    /// The decision about it, if any.
    pub entry: Option<&'a Entry>,
    /// Whether that decision was made against another compiled text.
    pub stale: bool,
    /// Whether it is one of the tutor's own cards.
    pub added: bool,
    /// Its 1-based place in the walk.
    pub place: usize,
    /// How many cards the walk has.
    pub walk_len: usize,
}

/// What an action did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Done {
    /// A compiled card was decided.
    Decided {
        /// The card.
        id: CardId,
        /// `keep`, `drop` or `edit`.
        action: &'static str,
    },
    /// One of the tutor's own cards was changed or removed.
    Added {
        /// The card.
        id: CardId,
        /// `keep`, `drop` or `edit`.
        action: &'static str,
    },
    /// A card of the tutor's was added.
    New(CardId),
    /// The last change was taken back; the walk is back at this card.
    Undone(Option<CardId>),
    /// Nothing to undo.
    NothingToUndo,
}

/// An entry of the edits file: a decided compiled card's, or a card of
/// the tutor's own, by id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Key {
    /// The `[[card]]` entry of this id.
    Entry(CardId),
    /// The `[[add]]` entry of this id.
    Added(CardId),
}

/// The state of a session.
#[derive(Debug, Clone)]
pub struct Curation {
    deck: Deck,
    edits: Edits,
    queue: Vec<usize>,
    pos: usize,
    history: Vec<(Change, usize)>,
    touched: Option<Key>,
}

/// What one decision changed, to take it back (a copy of the whole edits
/// per decision would grow with the square of the deck).
#[derive(Debug, Clone)]
enum Change {
    /// The walk moved on; the edits did not change.
    Nothing,
    /// A compiled card's entry was set; it was `before`.
    Entry { id: CardId, before: Option<Entry> },
    /// A card of the tutor's was put at this index.
    Inserted(usize),
    /// The tutor's card at this index was removed.
    Removed(usize, Added),
    /// The tutor's card at this index was this before.
    Replaced(usize, Added),
}

impl Curation {
    /// A session over `deck` (a deck file, with or without the edits
    /// applied) with the `edits` read so far.
    pub fn new(deck: Deck, edits: Edits, walk: Walk) -> Curation {
        let mut curation = Curation {
            deck,
            edits,
            queue: Vec::new(),
            pos: 0,
            history: Vec::new(),
            touched: None,
        };
        curation.queue = (0..curation.deck.cards.len())
            .filter(|&i| curation.walks(&curation.deck.cards[i], walk))
            .collect();
        curation
    }

    fn is_added(&self, id: &CardId) -> bool {
        self.edits.added.iter().any(|a| &a.id == id)
    }

    fn walks(&self, card: &Card, walk: Walk) -> bool {
        let added = self.is_added(&card.id);
        match walk {
            Walk::All => true,
            Walk::Undecided => !added && !self.edits.entries.contains_key(&card.id),
            Walk::Stale => {
                !added
                    && self
                        .edits
                        .entries
                        .get(&card.id)
                        .is_some_and(|e| e.is_stale(&compiled_text(card)))
            }
        }
    }

    /// The entry the last change (decision, addition or undo) changed, so
    /// that saving writes that entry alone.
    pub fn touched(&self) -> Option<&Key> {
        self.touched.as_ref()
    }

    /// The edits as they stand.
    pub fn edits(&self) -> &Edits {
        &self.edits
    }

    /// The deck file's deck.
    pub fn deck(&self) -> &Deck {
        &self.deck
    }

    /// How much is decided.
    pub fn tally(&self) -> Tally {
        Tally::of(&self.deck, &self.edits)
    }

    /// How many cards the walk has.
    pub fn walk_len(&self) -> usize {
        self.queue.len()
    }

    /// The card on screen, or `None` at the end of the walk.
    pub fn current(&self) -> Option<Shown<'_>> {
        let original = &self.deck.cards[*self.queue.get(self.pos)?];
        let compiled = compiled_text(original);
        let mut card = original.clone();
        let added = self.edits.added.iter().find(|a| a.id == original.id);
        let entry = self.edits.entries.get(&original.id);
        if let Some(added) = added {
            card.front = added.front.clone();
            card.back = added.back.clone();
            card.tags = added.tags.clone();
        } else if let Some(entry) = entry {
            let text = entry.decision.applied(&compiled);
            if text != Text::of(&card) {
                card.front = text.front;
                card.back = text.back;
                card.cloze = None;
            }
        }
        Some(Shown {
            card,
            original,
            stale: entry.is_some_and(|e| e.is_stale(&compiled)),
            compiled,
            entry,
            added: added.is_some(),
            place: self.pos + 1,
            walk_len: self.queue.len(),
        })
    }

    /// Decides the card on screen: keep, drop, or the tutor's text (an edit
    /// that gives back the compiled text is a keep).
    pub fn decide(&mut self, decision: Decision) -> Option<Done> {
        let shown = self.current()?;
        let id = shown.card.id.clone();
        let compiled = shown.compiled.clone();
        let added = shown.added;
        let kept_edit = match (&decision, shown.entry.map(|e| &e.decision)) {
            (Decision::Keep, Some(edit @ Decision::Edit { .. })) => Some(edit.clone()),
            _ => None,
        };
        let pos = self.pos;
        let done = if added {
            let at = self.edits.added.iter().position(|a| a.id == id)?;
            let change = match &decision {
                Decision::Keep => Change::Nothing,
                Decision::Drop => Change::Removed(at, self.edits.added.remove(at)),
                Decision::Edit { .. } => {
                    let before = self.edits.added[at].clone();
                    let mine = &mut self.edits.added[at];
                    let text = decision.applied(&Text {
                        front: mine.front.clone(),
                        back: mine.back.clone(),
                    });
                    mine.front = text.front;
                    mine.back = text.back;
                    Change::Replaced(at, before)
                }
            };
            self.history.push((change, pos));
            self.touched = Some(Key::Added(id.clone()));
            Done::Added {
                id,
                action: decision.action(),
            }
        } else {
            let decision = match decision {
                Decision::Edit { front, back } => {
                    let front = front.filter(|f| *f != compiled.front);
                    let back = back.filter(|b| *b != compiled.back);
                    if front.is_none() && back.is_none() {
                        Decision::Keep
                    } else {
                        Decision::Edit { front, back }
                    }
                }
                // `k` keeps the card as shown: an edited card keeps the
                // tutor's text, now decided against today's compiled text.
                Decision::Keep => kept_edit.unwrap_or(Decision::Keep),
                other => other,
            };
            let action = decision.action();
            let before = self.edits.entries.insert(
                id.clone(),
                Entry {
                    decision,
                    compiled: Some(compiled),
                    line: 0,
                },
            );
            self.history.push((
                Change::Entry {
                    id: id.clone(),
                    before,
                },
                pos,
            ));
            self.touched = Some(Key::Entry(id.clone()));
            Done::Decided { id, action }
        };
        self.pos += 1;
        Some(done)
    }

    /// Decides the card on screen with the tutor's full text.
    pub fn edit(&mut self, text: Text) -> Option<Done> {
        self.decide(Decision::Edit {
            front: Some(text.front),
            back: Some(text.back),
        })
    }

    /// Adds a card of the tutor's, with the tags of the card on screen (or
    /// none at the end of the walk). The walk stays where it is.
    pub fn add(&mut self, text: Text) -> Done {
        let tags = self.current().map(|s| s.card.tags).unwrap_or_default();
        let taken: HashSet<String> = self
            .deck
            .cards
            .iter()
            .map(|c| c.id.to_string())
            .chain(self.edits.entries.keys().map(|id| id.to_string()))
            .chain(self.edits.added.iter().map(|a| a.id.to_string()))
            .collect();
        let id = added_id(&self.deck.name, &text.front, &text.back, |id| {
            taken.contains(id)
        });
        self.history
            .push((Change::Inserted(self.edits.added.len()), self.pos));
        self.touched = Some(Key::Added(id.clone()));
        self.edits.added.push(Added {
            id: id.clone(),
            kind: CardKind::Basic,
            front: text.front,
            back: text.back,
            tags,
            line: 0,
            named: true,
        });
        Done::New(id)
    }

    /// Moves on without deciding.
    pub fn skip(&mut self) {
        if self.pos < self.queue.len() {
            self.pos += 1;
        }
    }

    /// Takes back the last decision or addition, and goes back to the card
    /// it was made on.
    pub fn undo(&mut self) -> Done {
        match self.history.pop() {
            Some((change, pos)) => {
                self.touched = match &change {
                    Change::Nothing => None,
                    Change::Entry { id, .. } => Some(Key::Entry(id.clone())),
                    Change::Inserted(at) => {
                        self.edits.added.get(*at).map(|a| Key::Added(a.id.clone()))
                    }
                    Change::Removed(_, added) | Change::Replaced(_, added) => {
                        Some(Key::Added(added.id.clone()))
                    }
                };
                match change {
                    Change::Nothing => {}
                    Change::Entry { id, before } => match before {
                        Some(entry) => {
                            self.edits.entries.insert(id, entry);
                        }
                        None => {
                            self.edits.entries.remove(&id);
                        }
                    },
                    Change::Inserted(at) => {
                        self.edits.added.remove(at);
                    }
                    Change::Removed(at, added) => self.edits.added.insert(at, added),
                    Change::Replaced(at, added) => self.edits.added[at] = added,
                }
                self.pos = pos;
                Done::Undone(self.current().map(|s| s.card.id))
            }
            None => Done::NothingToUndo,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::curate::{COMPILED_KEY, apply};

    fn deck() -> Deck {
        Deck {
            name: "D".into(),
            description: String::new(),
            cards: ["a", "b", "c"]
                .iter()
                .map(|id| {
                    let mut card =
                        Card::new(*id, CardKind::Basic, format!("Q{id}"), format!("A{id}"));
                    card.tags = vec![format!("t::{id}")];
                    card
                })
                .collect(),
            extra: BTreeMap::new(),
        }
    }

    fn text(front: &str, back: &str) -> Text {
        Text {
            front: front.into(),
            back: back.into(),
        }
    }

    #[test]
    fn walks_undecided_cards_and_records_each_decision() {
        let mut c = Curation::new(deck(), Edits::default(), Walk::Undecided);
        assert_eq!(c.walk_len(), 3);
        assert_eq!(c.current().unwrap().card.id.as_str(), "a");
        assert_eq!(
            c.decide(Decision::Keep),
            Some(Done::Decided {
                id: CardId::new("a"),
                action: "keep"
            })
        );
        c.decide(Decision::Drop);
        let done = c.edit(text("Qc", "A better c"));
        assert_eq!(
            done,
            Some(Done::Decided {
                id: CardId::new("c"),
                action: "edit"
            })
        );
        assert!(c.current().is_none());
        let e = &c.edits().entries;
        assert_eq!(e[&CardId::new("a")].decision, Decision::Keep);
        assert_eq!(e[&CardId::new("b")].decision, Decision::Drop);
        // Only the changed side is recorded; the compiled text is.
        assert_eq!(
            e[&CardId::new("c")].decision,
            Decision::Edit {
                front: None,
                back: Some("A better c".into())
            }
        );
        assert_eq!(e[&CardId::new("c")].compiled, Some(text("Qc", "Ac")));
        let tally = c.tally();
        assert_eq!((tally.decided, tally.keep_rate()), (3, Some(67)));
        // A session over the same deck and edits has nothing left.
        let next = Curation::new(deck(), c.edits().clone(), Walk::Undecided);
        assert_eq!(next.walk_len(), 0);
    }

    #[test]
    fn an_edit_back_to_the_compiled_text_is_a_keep() {
        let mut c = Curation::new(deck(), Edits::default(), Walk::Undecided);
        c.edit(text("Qa", "Aa"));
        assert_eq!(
            c.edits().entries[&CardId::new("a")].decision,
            Decision::Keep
        );
    }

    #[test]
    fn undo_of_a_redecision_restores_the_earlier_one() {
        let mut c = Curation::new(deck(), Edits::default(), Walk::All);
        c.decide(Decision::Drop);
        let dropped = c.edits().clone();
        let mut again = Curation::new(deck(), dropped.clone(), Walk::All);
        again.edit(text("Qa", "Better"));
        assert!(matches!(
            again.edits().entries[&CardId::new("a")].decision,
            Decision::Edit { .. }
        ));
        again.undo();
        assert_eq!(again.edits(), &dropped);
    }

    #[test]
    fn undo_restores_the_edits_and_the_place() {
        let mut c = Curation::new(deck(), Edits::default(), Walk::Undecided);
        c.decide(Decision::Drop);
        let id = match c.add(text("Mine", "Yes")) {
            Done::New(id) => id,
            other => panic!("{other:?}"),
        };
        assert_eq!(
            c.edits().added[0].tags,
            ["t::b"],
            "tags of the card on screen"
        );
        assert!(id.as_str().starts_with("tutor-"));
        assert_eq!(c.undo(), Done::Undone(Some(CardId::new("b"))));
        assert!(c.edits().added.is_empty());
        assert_eq!(c.undo(), Done::Undone(Some(CardId::new("a"))));
        assert!(c.edits().entries.is_empty());
        assert_eq!(c.current().unwrap().place, 1);
        assert_eq!(c.undo(), Done::NothingToUndo);
    }

    #[test]
    fn stale_walk_finds_changed_cards_through_an_applied_deck() {
        let mut c = Curation::new(deck(), Edits::default(), Walk::Undecided);
        c.decide(Decision::Keep);
        c.edit(text("Qb better", "Ab"));
        let edits = c.edits().clone();
        // The documents change under both decisions; the deck is recompiled
        // with the edits applied.
        let mut recompiled = deck();
        recompiled.cards[0].back = "Aa changed".into();
        recompiled.cards[1].back = "Ab changed".into();
        let (applied, report) = apply(recompiled, &edits).unwrap();
        assert_eq!(report.stale.len(), 2);
        assert!(applied.cards[1].extra.contains_key(COMPILED_KEY));
        let mut stale = Curation::new(applied.clone(), edits.clone(), Walk::Stale);
        assert_eq!(stale.walk_len(), 2);
        let shown = stale.current().unwrap();
        assert!(shown.stale);
        assert_eq!(shown.compiled.back, "Aa changed");
        stale.skip();
        let shown = stale.current().unwrap();
        assert_eq!(shown.card.front, "Qb better", "the tutor's text is shown");
        assert_eq!(shown.compiled, text("Qb", "Ab changed"));
        // Keeping it keeps the tutor's text, decided against the new
        // compiled text: no longer stale.
        stale.decide(Decision::Keep);
        let entry = &stale.edits().entries[&CardId::new("b")];
        assert_eq!(
            entry.decision,
            Decision::Edit {
                front: Some("Qb better".into()),
                back: None
            }
        );
        assert_eq!(entry.compiled, Some(text("Qb", "Ab changed")));
        let again = Curation::new(applied, stale.edits().clone(), Walk::Stale);
        assert_eq!(again.walk_len(), 1);
    }

    #[test]
    fn the_tutors_own_cards_are_walked_only_with_all() {
        let mut c = Curation::new(deck(), Edits::default(), Walk::Undecided);
        c.add(text("Mine", "Yes"));
        let (applied, _) = apply(deck(), c.edits()).unwrap();
        let edits = c.edits().clone();
        assert_eq!(
            Curation::new(applied.clone(), edits.clone(), Walk::Undecided).walk_len(),
            3
        );
        let mut all = Curation::new(applied, edits, Walk::All);
        assert_eq!(all.walk_len(), 4);
        for _ in 0..3 {
            all.skip();
        }
        assert!(all.current().unwrap().added);
        let before = all.edits().clone();
        all.edit(text("Mine, fixed", "Yes"));
        assert_eq!(all.edits().added[0].front, "Mine, fixed");
        assert!(all.edits().entries.is_empty());
        all.undo();
        assert_eq!(all.edits(), &before);
        all.decide(Decision::Drop);
        assert!(all.edits().added.is_empty());
        all.undo();
        assert_eq!(all.edits(), &before);
        all.decide(Decision::Keep);
        assert!(all.current().is_none());
        assert_eq!(all.undo(), Done::Undone(Some(before.added[0].id.clone())));
        assert_eq!(all.edits(), &before);
    }
}

//! The `decks` and `cards` tables: importing deck files and reading cards.

use std::collections::HashMap;

use rusqlite::{OptionalExtension, Row, params};
use scheduler::{CardState, Day, Ease};
use serde_json::{Map, Value};

use super::{Result, Store};
use crate::deck::{Card, CardId, CardKind, Deck, Source};

/// Why a card is suspended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Suspension {
    /// Not suspended.
    Active,
    /// Suspended by the learner.
    ByLearner,
    /// Suspended because it vanished from its deck file.
    Vanished,
}

impl Suspension {
    fn from_sql(value: i64) -> Suspension {
        match value {
            0 => Suspension::Active,
            2 => Suspension::Vanished,
            _ => Suspension::ByLearner,
        }
    }

    pub(super) fn to_sql(self) -> i64 {
        match self {
            Suspension::Active => 0,
            Suspension::ByLearner => 1,
            Suspension::Vanished => 2,
        }
    }
}

/// A card as the collection holds it: content, deck, schedule and flags.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredCard {
    /// The card's content as its deck file gave it.
    pub card: Card,
    /// The name of the card's deck.
    pub deck: String,
    /// The SM-2 state.
    pub state: CardState,
    /// Whether (and why) the card is suspended.
    pub suspension: Suspension,
    /// The first study day the card is no longer buried, if it is.
    pub buried_until: Option<Day>,
    /// Whether the card has lapsed often enough to be a leech.
    pub leech: bool,
    /// When the card's content last changed, epoch seconds.
    pub modified_at: i64,
    /// When the card was first imported, epoch seconds.
    pub added_at: i64,
}

impl StoredCard {
    /// A card of `deck` as it stands before its first review: a new
    /// schedule, active, never changed.
    pub fn unreviewed(card: Card, deck: String) -> StoredCard {
        StoredCard {
            card,
            deck,
            state: CardState::new(),
            suspension: Suspension::Active,
            buried_until: None,
            leech: false,
            modified_at: 0,
            added_at: 0,
        }
    }

    /// Whether the card is suspended for any reason.
    pub fn is_suspended(&self) -> bool {
        self.suspension != Suspension::Active
    }
}

/// Which cards a query looks at.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CardFilter {
    /// Only cards of this deck (by name, case-insensitive).
    pub deck: Option<String>,
    /// Only cards with this tag or a tag below it (`a::b` matches `a::b::c`).
    pub tag: Option<String>,
}

impl CardFilter {
    /// SQL conditions on the `cards` table aliased `c`, and their values.
    pub(super) fn sql(&self) -> (String, Vec<String>) {
        let mut sql = String::new();
        let mut values = Vec::new();
        if let Some(deck) = &self.deck {
            values.push(deck.clone());
            sql.push_str(&format!(
                " AND c.deck_id IN (SELECT id FROM decks WHERE name = ?{} COLLATE NOCASE)",
                values.len() + 100
            ));
        }
        if let Some(tag) = &self.tag {
            values.push(format!("% {} %", escape_like(tag)));
            let exact = values.len() + 100;
            values.push(format!("% {}::%", escape_like(tag)));
            let below = values.len() + 100;
            // Leeches carry the tag `leech` without it being written into
            // their deck-file tags.
            let leech = if tag.eq_ignore_ascii_case(LEECH_TAG) {
                " OR c.leech = 1"
            } else {
                ""
            };
            sql.push_str(&format!(
                " AND (' ' || c.tags || ' ' LIKE ?{exact} ESCAPE '\\' OR ' ' || c.tags || ' ' LIKE ?{below} ESCAPE '\\'{leech})"
            ));
        }
        (sql, values)
    }
}

/// The tag every leech carries (`--tag leech` selects them).
pub const LEECH_TAG: &str = "leech";

fn escape_like(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

/// What an import did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportSummary {
    /// Cards new to the collection.
    pub added: usize,
    /// Cards whose content changed (their history is kept).
    pub updated: usize,
    /// Cards already present as they are.
    pub unchanged: usize,
    /// Cards of the deck missing from the file, now suspended.
    pub suspended: usize,
}

/// The columns every card query selects, in the order [`row_to_card`] reads.
pub(super) const CARD_COLUMNS: &str = "c.uid, c.kind, c.front, c.back, c.tags, c.source_file, \
    c.source_line, c.extra, d.name, c.ease, c.interval, c.repetitions, c.lapses, c.due, \
    c.last_review, c.redrill_on, c.suspended, c.buried_until, c.leech, c.modified_at, c.added_at";

/// Maps a row selected with [`CARD_COLUMNS`] to a card.
pub(super) fn row_to_card(row: &Row<'_>) -> rusqlite::Result<StoredCard> {
    let uid: String = row.get(0)?;
    let kind: String = row.get(1)?;
    let tags: String = row.get(4)?;
    let source_file: Option<String> = row.get(5)?;
    let source_line: Option<u32> = row.get(6)?;
    let extra: String = row.get(7)?;
    let mut card = Card::new(
        uid,
        CardKind::parse(&kind),
        row.get::<_, String>(2)?,
        row.get::<_, String>(3)?,
    );
    card.tags = tags.split_whitespace().map(str::to_string).collect();
    card.source = source_file.map(|file| Source {
        file,
        line: source_line.unwrap_or(0),
    });
    if !extra.is_empty() {
        apply_extra(&mut card, &extra);
    }
    let day = |i: usize| -> rusqlite::Result<Option<Day>> {
        Ok(row.get::<_, Option<i32>>(i)?.map(Day::new))
    };
    let state = CardState {
        ease: Ease::from_thousandths(row.get(9)?),
        interval: row.get(10)?,
        repetitions: row.get(11)?,
        lapses: row.get(12)?,
        due: day(13)?,
        last_review: day(14)?,
        redrill_on: day(15)?,
    };
    Ok(StoredCard {
        card,
        deck: row.get(8)?,
        state,
        suspension: Suspension::from_sql(row.get(16)?),
        buried_until: day(17)?,
        leech: row.get::<_, i64>(18)? != 0,
        modified_at: row.get(19)?,
        added_at: row.get(20)?,
    })
}

/// The keys of a card that have their own columns.
const COLUMN_KEYS: [&str; 6] = ["id", "kind", "front", "back", "tags", "source"];

/// The parts of a card without their own column, as JSON (`""` if none).
fn extra_json(card: &Card) -> String {
    match serde_json::to_value(card) {
        Ok(Value::Object(mut map)) => {
            for key in COLUMN_KEYS {
                map.remove(key);
            }
            if map.is_empty() {
                String::new()
            } else {
                Value::Object(map).to_string()
            }
        }
        _ => String::new(),
    }
}

fn apply_extra(card: &mut Card, extra: &str) {
    let Ok(Value::Object(extra)) = serde_json::from_str::<Value>(extra) else {
        return;
    };
    let mut map = Map::new();
    map.insert("id".into(), Value::String(card.id.to_string()));
    map.insert(
        "front".into(),
        Value::String(std::mem::take(&mut card.front)),
    );
    map.insert("back".into(), Value::String(std::mem::take(&mut card.back)));
    map.extend(extra);
    if let Ok(mut rebuilt) = serde_json::from_value::<Card>(Value::Object(map)) {
        rebuilt.kind = card.kind;
        rebuilt.tags = std::mem::take(&mut card.tags);
        rebuilt.source = card.source.take();
        *card = rebuilt;
    }
}

impl Store {
    /// Loads a deck file into the collection in one transaction: new cards
    /// are added, changed ones updated in place (keeping their schedule and
    /// history), and cards of the same deck missing from the file are
    /// suspended, never deleted. `now` is epoch seconds.
    pub fn import_deck(&mut self, deck: &Deck, now: i64) -> Result<ImportSummary> {
        let path = self.path.clone();
        let err = |e| super::sql_error(&path, e);
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(err)?;
        super::before_write(&tx, &self.path, self.identity, &mut self.sound)?;
        let deck_id: i64 = match tx
            .query_row(
                "SELECT id FROM decks WHERE name = ?1 COLLATE NOCASE",
                [&deck.name],
                |row| row.get(0),
            )
            .optional()
            .map_err(err)?
        {
            Some(id) => {
                tx.execute(
                    "UPDATE decks SET description = ?2 WHERE id = ?1 AND description != ?2",
                    params![id, deck.description],
                )
                .map_err(err)?;
                id
            }
            None => {
                tx.execute(
                    "INSERT INTO decks (name, description, created_at) VALUES (?1, ?2, ?3)",
                    params![deck.name, deck.description, now],
                )
                .map_err(err)?;
                tx.last_insert_rowid()
            }
        };

        // Existing cards, by uid: (row id, deck, content fingerprint,
        // suspension, position, source line).
        let mut existing: HashMap<String, Existing> = HashMap::new();
        {
            let mut stmt = tx
                .prepare(
                    "SELECT id, uid, deck_id, kind, front, back, tags, source_file, source_line, extra, suspended, position FROM cards",
                )
                .map_err(err)?;
            let mut rows = stmt.query([]).map_err(err)?;
            while let Some(row) = rows.next().map_err(err)? {
                let fingerprint = fingerprint_row(row).map_err(err)?;
                existing.insert(
                    row.get(1).map_err(err)?,
                    (
                        row.get(0).map_err(err)?,
                        row.get(2).map_err(err)?,
                        fingerprint,
                        row.get(10).map_err(err)?,
                        row.get(11).map_err(err)?,
                        row.get(8).map_err(err)?,
                    ),
                );
            }
        }
        // A card of another deck is never taken over; a card of this deck
        // stored under its id from before ids were namespaced by deck
        // (`crate::identity`) is renamed to its new id, keeping its history.
        {
            let mut renamed: Vec<(String, String)> = Vec::new();
            let in_file = deck.ids();
            // The deck's stored cards by their namespaced ids, made only when
            // the file has a card new to the collection.
            let mut ours: HashMap<String, &str> = HashMap::new();
            if deck
                .cards
                .iter()
                .any(|c| !existing.contains_key(c.id.as_str()))
            {
                for (uid, found) in &existing {
                    if found.1 == deck_id && !in_file.contains(uid.as_str()) {
                        ours.insert(crate::identity::namespaced(&deck.name, uid), uid);
                    }
                }
            }
            for card in &deck.cards {
                let id = card.id.as_str();
                match existing.get(id) {
                    Some(found) if found.1 != deck_id => {
                        let owner: String = tx
                            .query_row("SELECT name FROM decks WHERE id = ?1", [found.1], |r| {
                                r.get(0)
                            })
                            .map_err(err)?;
                        return Err(super::StoreError::Takeover {
                            deck: deck.name.clone(),
                            id: id.to_string(),
                            owner,
                        });
                    }
                    Some(_) => {}
                    None => {
                        if let Some(&old) = ours.get(id) {
                            renamed.push((old.to_string(), id.to_string()));
                        }
                    }
                }
            }
            let mut rename = tx
                .prepare("UPDATE cards SET uid = ?2 WHERE uid = ?1")
                .map_err(err)?;
            for (old, new) in renamed {
                rename.execute([&old, &new]).map_err(err)?;
                if let Some(found) = existing.remove(&old) {
                    existing.insert(new, found);
                }
            }
        }
        let partial = deck.is_partial();

        let mut summary = ImportSummary::default();
        {
            let mut insert = tx
                .prepare(
                    "INSERT INTO cards (uid, deck_id, position, kind, front, back, tags, source_file, source_line, extra, added_at, modified_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
                )
                .map_err(err)?;
            // `modified_at` only ever grows, so a correction made within the
            // second of the last one is still newer (Anki updates a note only
            // when its `mod` is).
            let mut update = tx
                .prepare(
                    "UPDATE cards SET deck_id = ?2, position = ?3, kind = ?4, front = ?5, back = ?6, tags = ?7,
                     source_file = ?8, source_line = ?9, extra = ?10, modified_at = max(?11, modified_at + 1),
                     suspended = CASE suspended WHEN 2 THEN 0 ELSE suspended END
                     WHERE id = ?1",
                )
                .map_err(err)?;
            // A card that only moved within its document keeps its
            // modification time: nothing the learner reads changed.
            let mut moved = tx
                .prepare("UPDATE cards SET position = ?2, source_line = ?3 WHERE id = ?1")
                .map_err(err)?;
            let mut reposition = tx
                .prepare("UPDATE cards SET position = ?2, suspended = CASE suspended WHEN 2 THEN 0 ELSE suspended END WHERE id = ?1")
                .map_err(err)?;
            for (position, card) in deck.cards.iter().enumerate() {
                let position = position as i64;
                let tags = card.tags.join(" ");
                let extra = extra_json(card);
                let (file, line) = match &card.source {
                    Some(s) => (Some(s.file.as_str()), Some(s.line)),
                    None => (None, None),
                };
                // The card's content as it stands with its source at `line`.
                let at_line = |line| {
                    fingerprint(
                        deck_id,
                        card.kind.as_str(),
                        &card.front,
                        &card.back,
                        &tags,
                        file,
                        line,
                        &extra,
                    )
                };
                let fingerprint = at_line(line);
                match existing.get(card.id.as_str()) {
                    None => {
                        insert
                            .execute(params![
                                card.id.as_str(),
                                deck_id,
                                position,
                                card.kind.as_str(),
                                card.front,
                                card.back,
                                tags,
                                file,
                                line,
                                extra,
                                now
                            ])
                            .map_err(err)?;
                        summary.added += 1;
                    }
                    Some((row_id, _, old, suspended, _, old_line))
                        if *old != fingerprint
                            && *suspended != Suspension::Vanished.to_sql()
                            && *old == at_line(*old_line) =>
                    {
                        moved
                            .execute(params![row_id, position, line])
                            .map_err(err)?;
                        summary.unchanged += 1;
                    }
                    Some((row_id, _, old, ..)) if *old != fingerprint => {
                        update
                            .execute(params![
                                row_id,
                                deck_id,
                                position,
                                card.kind.as_str(),
                                card.front,
                                card.back,
                                tags,
                                file,
                                line,
                                extra,
                                now
                            ])
                            .map_err(err)?;
                        summary.updated += 1;
                    }
                    Some((row_id, _, _, suspended, old_position, ..)) => {
                        if *suspended == Suspension::Vanished.to_sql() {
                            reposition.execute(params![row_id, position]).map_err(err)?;
                            summary.updated += 1;
                        } else {
                            if *old_position != position {
                                reposition.execute(params![row_id, position]).map_err(err)?;
                            }
                            summary.unchanged += 1;
                        }
                    }
                }
            }
        }

        let in_file = deck.ids();
        {
            let mut suspend = tx
                .prepare("UPDATE cards SET suspended = 2 WHERE id = ?1")
                .map_err(err)?;
            for (uid, (row_id, card_deck, _, suspended, ..)) in &existing {
                if !partial
                    && *card_deck == deck_id
                    && *suspended == 0
                    && !in_file.contains(uid.as_str())
                {
                    suspend.execute([row_id]).map_err(err)?;
                    summary.suspended += 1;
                }
            }
        }
        super::still_opened(&self.path, self.identity)?;
        tx.commit().map_err(err)?;
        Ok(summary)
    }

    /// Number of cards in the collection.
    pub fn card_count(&self) -> Result<u64> {
        self.conn
            .query_row("SELECT count(*) FROM cards", [], |row| row.get(0))
            .map_err(|e| self.err(e))
    }

    /// One card by id.
    pub fn card(&self, id: &CardId) -> Result<Option<StoredCard>> {
        let sql = format!(
            "SELECT {CARD_COLUMNS} FROM cards c JOIN decks d ON d.id = c.deck_id WHERE c.uid = ?1"
        );
        self.conn
            .query_row(&sql, [id.as_str()], row_to_card)
            .optional()
            .map_err(|e| self.err(e))
    }

    /// Every card matching `filter`, in deck order.
    pub fn cards(&self, filter: &CardFilter) -> Result<Vec<StoredCard>> {
        let (conditions, values) = filter.sql();
        let sql = format!(
            "SELECT {CARD_COLUMNS} FROM cards c JOIN decks d ON d.id = c.deck_id WHERE 1 = 1{conditions}
             ORDER BY c.deck_id, c.position, c.id"
        );
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
        bind(&mut stmt, None, None, &values).map_err(|e| self.err(e))?;
        collect_cards(&mut stmt).map_err(|e| self.err(e))
    }

    /// Every deck: (name, description, card count).
    pub fn decks(&self) -> Result<Vec<(String, String, u64)>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT d.name, d.description, (SELECT count(*) FROM cards c WHERE c.deck_id = d.id)
                 FROM decks d ORDER BY d.id",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.err(e))
    }

    /// Suspends (or unsuspends) a card at the learner's request. Returns
    /// false when there is no such card.
    pub fn set_suspended(&mut self, id: &CardId, suspended: bool) -> Result<bool> {
        let value = if suspended {
            Suspension::ByLearner
        } else {
            Suspension::Active
        };
        let n = self.write(|tx| {
            tx.execute(
                "UPDATE cards SET suspended = ?2 WHERE uid = ?1",
                params![id.as_str(), value.to_sql()],
            )
        })?;
        Ok(n > 0)
    }

    /// Hides a card until the study day `until`. Returns false when there is
    /// no such card.
    pub fn bury(&mut self, id: &CardId, until: Day) -> Result<bool> {
        let n = self.write(|tx| {
            tx.execute(
                "UPDATE cards SET buried_until = ?2 WHERE uid = ?1",
                params![id.as_str(), until.number()],
            )
        })?;
        Ok(n > 0)
    }
}

/// Binds a query's parameters: `?1` the study day and `?2` a row limit
/// (where the statement uses them), and the filter's values as ?101, ?102, …
/// (the numbering [`CardFilter::sql`] uses).
pub(super) fn bind(
    stmt: &mut rusqlite::Statement<'_>,
    day: Option<i32>,
    limit: Option<i64>,
    values: &[String],
) -> rusqlite::Result<()> {
    stmt.clear_bindings();
    if let Some(day) = day {
        stmt.raw_bind_parameter(1, day)?;
    }
    if let Some(limit) = limit {
        stmt.raw_bind_parameter(2, limit)?;
    }
    for (i, value) in values.iter().enumerate() {
        if let Some(index) = stmt.parameter_index(&format!("?{}", i + 101))? {
            stmt.raw_bind_parameter(index, value)?;
        }
    }
    Ok(())
}

/// Runs a bound card query.
pub(super) fn collect_cards(
    stmt: &mut rusqlite::Statement<'_>,
) -> rusqlite::Result<Vec<StoredCard>> {
    let mut rows = stmt.raw_query();
    let mut cards = Vec::new();
    while let Some(row) = rows.next()? {
        cards.push(row_to_card(row)?);
    }
    Ok(cards)
}

/// A stored card as import compares it: row id, deck id, fingerprint,
/// suspension, position, source line.
type Existing = (i64, i64, String, i64, i64, Option<u32>);

#[allow(clippy::too_many_arguments)]
fn fingerprint(
    deck_id: i64,
    kind: &str,
    front: &str,
    back: &str,
    tags: &str,
    file: Option<&str>,
    line: Option<u32>,
    extra: &str,
) -> String {
    format!(
        "{deck_id}\x1f{kind}\x1f{front}\x1f{back}\x1f{tags}\x1f{}\x1f{}\x1f{extra}",
        file.unwrap_or(""),
        line.map(|l| l.to_string()).unwrap_or_default()
    )
}

fn fingerprint_row(row: &Row<'_>) -> rusqlite::Result<String> {
    let file: Option<String> = row.get(7)?;
    Ok(fingerprint(
        row.get(2)?,
        &row.get::<_, String>(3)?,
        &row.get::<_, String>(4)?,
        &row.get::<_, String>(5)?,
        &row.get::<_, String>(6)?,
        file.as_deref(),
        row.get(8)?,
        &row.get::<_, String>(9)?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deck(cards: &[(&str, &str, &str)]) -> Deck {
        Deck {
            name: "Test".into(),
            description: String::new(),
            cards: cards
                .iter()
                .map(|(id, front, back)| Card::new(*id, CardKind::Basic, *front, *back))
                .collect(),
            extra: Default::default(),
        }
    }

    #[test]
    fn import_adds_updates_and_suspends() {
        let mut store = Store::open_in_memory().unwrap();
        let first = deck(&[("a", "Q1", "A1"), ("b", "Q2", "A2"), ("c", "Q3", "A3")]);
        let s = store.import_deck(&first, 100).unwrap();
        assert_eq!((s.added, s.updated, s.unchanged, s.suspended), (3, 0, 0, 0));
        let again = store.import_deck(&first, 200).unwrap();
        assert_eq!(
            (again.added, again.updated, again.unchanged, again.suspended),
            (0, 0, 3, 0)
        );

        let second = deck(&[
            ("a", "Q1", "A1 changed"),
            ("b", "Q2", "A2"),
            ("d", "Q4", "A4"),
        ]);
        let s = store.import_deck(&second, 300).unwrap();
        assert_eq!((s.added, s.updated, s.unchanged, s.suspended), (1, 1, 1, 1));
        let a = store.card(&CardId::new("a")).unwrap().unwrap();
        assert_eq!(a.card.back, "A1 changed");
        assert_eq!(a.modified_at, 300);
        assert_eq!(a.added_at, 100);
        let c = store.card(&CardId::new("c")).unwrap().unwrap();
        assert_eq!(c.suspension, Suspension::Vanished);
        assert_eq!(store.card_count().unwrap(), 4);

        // A vanished card that comes back is active again.
        let s = store.import_deck(&first, 400).unwrap();
        assert_eq!(s.suspended, 1); // d vanished now
        let c = store.card(&CardId::new("c")).unwrap().unwrap();
        assert_eq!(c.suspension, Suspension::Active);
    }

    fn named(name: &str, cards: &[(&str, &str, &str)]) -> Deck {
        Deck {
            name: name.into(),
            ..deck(cards)
        }
    }

    #[test]
    fn a_deck_file_cannot_take_another_decks_cards() {
        let mut store = Store::open_in_memory().unwrap();
        store
            .import_deck(&named("Unit A", &[("consent", "Q", "A")]), 100)
            .unwrap();
        let err = store
            .import_deck(
                &named("Unit B", &[("new", "Q2", "A2"), ("consent", "Q", "B")]),
                200,
            )
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("card \"consent\" belongs to deck \"Unit A\"")
                && err.contains("nothing was changed"),
            "{err}"
        );
        let kept = store.card(&CardId::new("consent")).unwrap().unwrap();
        assert_eq!(
            (kept.deck.as_str(), kept.card.back.as_str()),
            ("Unit A", "A")
        );
        assert!(
            store.card(&CardId::new("new")).unwrap().is_none(),
            "nothing imported"
        );
    }

    #[test]
    fn a_card_keeps_its_history_under_its_namespaced_id() {
        let mut store = Store::open_in_memory().unwrap();
        let legacy = "week1-def-0123456789ab";
        store
            .import_deck(&named("Unit A", &[(legacy, "Q", "A")]), 100)
            .unwrap();
        let new_id = crate::identity::namespaced("Unit A", legacy);
        let s = store
            .import_deck(&named("Unit A", &[(&new_id, "Q", "A")]), 200)
            .unwrap();
        assert_eq!((s.added, s.updated, s.unchanged, s.suspended), (0, 0, 1, 0));
        assert!(store.card(&CardId::new(legacy)).unwrap().is_none());
        let card = store.card(&CardId::new(&new_id)).unwrap().unwrap();
        assert_eq!(card.added_at, 100);
        // Another deck's namespaced id is no reason to adopt.
        let other = crate::identity::namespaced("Unit B", legacy);
        store
            .import_deck(&named("Unit B", &[(&other, "Q", "A")]), 300)
            .unwrap();
        assert!(store.card(&CardId::new(&new_id)).unwrap().is_some());
        assert_eq!(store.card_count().unwrap(), 2);
    }

    #[test]
    fn modification_times_only_grow() {
        let mut store = Store::open_in_memory().unwrap();
        store.import_deck(&deck(&[("a", "Q", "A1")]), 100).unwrap();
        store.import_deck(&deck(&[("a", "Q", "A2")]), 100).unwrap();
        let a = store.card(&CardId::new("a")).unwrap().unwrap();
        assert_eq!(
            a.modified_at, 101,
            "a same-second correction is still newer"
        );
        store.import_deck(&deck(&[("a", "Q", "A3")]), 500).unwrap();
        assert_eq!(
            store.card(&CardId::new("a")).unwrap().unwrap().modified_at,
            500
        );
    }

    #[test]
    fn a_card_that_only_moved_is_unchanged() {
        let mut store = Store::open_in_memory().unwrap();
        let at = |line: u32, back: &str| {
            let mut d = deck(&[("a", "Q", back)]);
            d.cards[0].source = Some(Source {
                file: "f.md".into(),
                line,
            });
            d
        };
        store.import_deck(&at(3, "A"), 100).unwrap();
        let s = store.import_deck(&at(4, "A"), 200).unwrap();
        assert_eq!((s.updated, s.unchanged), (0, 1));
        let a = store.card(&CardId::new("a")).unwrap().unwrap();
        assert_eq!((a.modified_at, a.card.source.unwrap().line), (100, 4));
        let s = store.import_deck(&at(5, "B"), 300).unwrap();
        assert_eq!((s.updated, s.unchanged), (1, 0));
    }

    #[test]
    fn a_partial_deck_file_suspends_nothing() {
        let mut store = Store::open_in_memory().unwrap();
        store
            .import_deck(&deck(&[("a", "Q", "A"), ("b", "Q2", "B")]), 100)
            .unwrap();
        let mut part = deck(&[("a", "Q", "A")]);
        part.extra.insert(crate::deck::PARTIAL.into(), true.into());
        assert_eq!(store.import_deck(&part, 200).unwrap().suspended, 0);
        assert_eq!(
            store
                .import_deck(&deck(&[("a", "Q", "A")]), 300)
                .unwrap()
                .suspended,
            1
        );
    }

    #[test]
    fn extras_survive_the_round_trip() {
        let mut store = Store::open_in_memory().unwrap();
        let mut card = Card::new("m", CardKind::Mcq, "Which?", "B");
        card.options = vec!["A".into(), "B".into()];
        card.correct = vec![1];
        card.tags = vec!["x::y".into(), "z".into()];
        card.source = Some(Source {
            file: "f.txt".into(),
            line: 4,
        });
        card.extra.insert("future".into(), Value::from(3));
        let d = Deck {
            name: "D".into(),
            description: "desc".into(),
            cards: vec![card.clone()],
            extra: Default::default(),
        };
        store.import_deck(&d, 1).unwrap();
        let stored = store.card(&CardId::new("m")).unwrap().unwrap();
        assert_eq!(stored.card, card);
        assert_eq!(stored.deck, "D");
    }

    #[test]
    fn filters_by_deck_and_tag() {
        let mut store = Store::open_in_memory().unwrap();
        let mut d = deck(&[("a", "Q1", "A1"), ("b", "Q2", "A2"), ("c", "Q3", "A3")]);
        d.cards[0].tags = vec!["law::acts".into()];
        d.cards[1].tags = vec!["law".into(), "x_y".into()];
        d.cards[2].tags = vec!["lawful".into()];
        store.import_deck(&d, 1).unwrap();
        let ids = |f: CardFilter| -> Vec<String> {
            store
                .cards(&f)
                .unwrap()
                .into_iter()
                .map(|c| c.card.id.to_string())
                .collect()
        };
        assert_eq!(
            ids(CardFilter {
                tag: Some("law".into()),
                ..Default::default()
            }),
            ["a", "b"]
        );
        assert_eq!(
            ids(CardFilter {
                tag: Some("x%y".into()),
                ..Default::default()
            }),
            Vec::<String>::new()
        );
        assert_eq!(
            ids(CardFilter {
                deck: Some("test".into()),
                ..Default::default()
            })
            .len(),
            3
        );
        assert_eq!(
            ids(CardFilter {
                deck: Some("other".into()),
                ..Default::default()
            })
            .len(),
            0
        );
    }
}

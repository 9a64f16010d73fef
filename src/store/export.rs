//! Reading the cards an export writes.

use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use super::cards::{CARD_COLUMNS, CardFilter, StoredCard, Suspension, bind, row_to_card};
use super::{Result, Store};

/// Below this many cards one connection reads them all; above it the
/// table is read in two halves at once, one per core.
const SPLIT_FROM: usize = 20_000;

/// A card with the key that puts it in deck order.
type Keyed = ((i64, i64, i64), StoredCard);

impl Store {
    /// Every card matching `filter` that is still part of its deck file
    /// (cards suspended because they vanished from it are left out), in
    /// deck order. Rows are read in table order and sorted here: much
    /// cheaper than having SQLite sort 100,000 wide rows. A large
    /// collection is read in two rowid halves at once, the second on its
    /// own read-only connection; if anything else committed meanwhile (the
    /// halves could then come from different states of the file), it is
    /// read again on one connection.
    pub fn export_cards(&self, filter: &CardFilter) -> Result<Vec<StoredCard>> {
        self.export_cards_split_from(filter, SPLIT_FROM)
    }

    /// [`Store::export_cards`], reading in two halves from `split_from`
    /// cards in the collection.
    fn export_cards_split_from(
        &self,
        filter: &CardFilter,
        split_from: usize,
    ) -> Result<Vec<StoredCard>> {
        let (conditions, values) = filter.sql();
        let extra = CARD_COLUMNS.split(", ").count();
        let sql = format!(
            "SELECT {CARD_COLUMNS}, c.deck_id, c.position, c.id
             FROM cards c JOIN decks d ON d.id = c.deck_id
             WHERE c.suspended != {}{conditions}",
            Suspension::Vanished.to_sql()
        );
        // Room for every card up front: the wide rows are never moved to grow
        // (pages reserved and not written are never touched).
        let read = |conn: &Connection, range: &str, room: usize| -> rusqlite::Result<Vec<Keyed>> {
            let mut stmt = conn.prepare(&format!("{sql}{range}"))?;
            bind(&mut stmt, None, None, &values)?;
            let mut rows = stmt.raw_query();
            let mut keyed = Vec::with_capacity(room);
            while let Some(row) = rows.next()? {
                let key = (row.get(extra)?, row.get(extra + 1)?, row.get(extra + 2)?);
                keyed.push((key, row_to_card(row)?));
            }
            Ok(keyed)
        };
        let run = || -> rusqlite::Result<Vec<StoredCard>> {
            let (total, low, high): (usize, i64, i64) = self.conn.query_row(
                "SELECT count(*), ifnull(min(id), 0), ifnull(max(id), 0) FROM cards",
                [],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
            )?;
            let mid = low + (high - low) / 2;
            let mut keyed = None;
            if total >= split_from
                && let Some(second) = self.reader()
            {
                let before = self.data_version()?;
                let (first, rest) = std::thread::scope(|scope| {
                    let read = &read;
                    let rest = scope.spawn(move || {
                        read(&second, &format!(" AND c.id > {mid}"), total / 2 + 1024)
                    });
                    let first = read(&self.conn, &format!(" AND c.id <= {mid}"), total);
                    (first, rest.join())
                });
                if self.data_version()? == before
                    && let Ok(Ok(mut rest)) = rest
                {
                    let mut first = first?;
                    first.append(&mut rest);
                    keyed = Some(first);
                }
            }
            let mut keyed = match keyed {
                Some(keyed) => keyed,
                None => read(&self.conn, "", total)?,
            };
            keyed.sort_unstable_by_key(|(key, _)| *key);
            Ok(keyed.into_iter().map(|(_, card)| card).collect())
        };
        run().map_err(|e| self.err(e))
    }

    /// The reverse cards matching `filter` that vanished from their deck
    /// file, with their last text: an Anki export keeps that text in its
    /// forward card's note, so that the card Anki already made from it
    /// never turns blank (Anki never deletes a card on import).
    pub fn retired_reverses(&self, filter: &CardFilter) -> Result<Vec<StoredCard>> {
        let (conditions, values) = filter.sql();
        let sql = format!(
            "SELECT {CARD_COLUMNS} FROM cards c JOIN decks d ON d.id = c.deck_id
             WHERE c.suspended = {} AND c.extra LIKE '%\"reverse_of\"%'{conditions}
             ORDER BY c.deck_id, c.position, c.id",
            Suspension::Vanished.to_sql()
        );
        let run = || -> rusqlite::Result<Vec<StoredCard>> {
            let mut stmt = self.conn.prepare(&sql)?;
            bind(&mut stmt, None, None, &values)?;
            let mut rows = stmt.raw_query();
            let mut cards = Vec::new();
            while let Some(row) = rows.next()? {
                let card = row_to_card(row)?;
                if card.card.reverse_of.is_some() {
                    cards.push(card);
                }
            }
            Ok(cards)
        };
        run().map_err(|e| self.err(e))
    }

    /// A second, read-only connection to the collection's file, when it
    /// has one and it opens.
    fn reader(&self) -> Option<Connection> {
        if self.path.as_os_str() == ":memory:" {
            return None;
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(&self.path, flags).ok()?;
        conn.busy_timeout(Duration::from_secs(10)).ok()?;
        conn.pragma_update(None, "cell_size_check", true).ok()?;
        Some(conn)
    }

    /// SQLite's `data_version`: it changes when another connection commits.
    fn data_version(&self) -> rusqlite::Result<i64> {
        self.conn
            .query_row("PRAGMA data_version", [], |row| row.get(0))
    }
}

#[cfg(test)]
mod tests {
    use crate::deck::{Card, CardKind, Deck};
    use crate::store::{CardFilter, Store};

    fn deck(name: &str, ids: &[&str]) -> Deck {
        Deck {
            name: name.into(),
            description: String::new(),
            cards: ids
                .iter()
                .map(|id| Card::new(*id, CardKind::Basic, format!("Q {id}"), "A"))
                .collect(),
            extra: Default::default(),
        }
    }

    #[test]
    fn same_order_as_cards_without_vanished() {
        let mut store = Store::open_in_memory().unwrap();
        store.import_deck(&deck("B", &["b1", "b2"]), 1).unwrap();
        store
            .import_deck(&deck("A", &["a3", "a1", "a2"]), 1)
            .unwrap();
        // Reordered and one card gone: a2 is suspended as vanished.
        store.import_deck(&deck("A", &["a1", "a3"]), 2).unwrap();
        let filter = CardFilter::default();
        let ids = |cards: Vec<crate::store::StoredCard>| -> Vec<String> {
            cards.into_iter().map(|c| c.card.id.to_string()).collect()
        };
        let all = ids(store.cards(&filter).unwrap());
        let exported = ids(store.export_cards(&filter).unwrap());
        assert_eq!(all, ["b1", "b2", "a1", "a3", "a2"]);
        assert_eq!(exported, ["b1", "b2", "a1", "a3"]);
        let only_a = CardFilter {
            deck: Some("a".into()),
            ..Default::default()
        };
        assert_eq!(ids(store.export_cards(&only_a).unwrap()), ["a1", "a3"]);
    }

    #[test]
    fn retired_reverses_are_the_vanished_reverse_cards() {
        let mut store = Store::open_in_memory().unwrap();
        let mut full = deck("A", &["f", "r", "x"]);
        full.cards[1].reverse_of = Some(crate::deck::CardId::new("f"));
        store.import_deck(&full, 1).unwrap();
        assert!(
            store
                .retired_reverses(&CardFilter::default())
                .unwrap()
                .is_empty()
        );
        store.import_deck(&deck("A", &["f"]), 2).unwrap();
        let retired = store.retired_reverses(&CardFilter::default()).unwrap();
        let ids: Vec<&str> = retired.iter().map(|c| c.card.id.as_str()).collect();
        assert_eq!(ids, ["r"], "x vanished too but is no reverse");
    }

    #[test]
    fn two_halves_read_the_same_cards_in_the_same_order() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("c.db")).unwrap();
        let b: Vec<String> = (0..300).rev().map(|i| format!("b{i}")).collect();
        let a: Vec<String> = (0..500).map(|i| format!("a{i}")).collect();
        fn refs(ids: &[String]) -> Vec<&str> {
            ids.iter().map(String::as_str).collect()
        }
        store.import_deck(&deck("B", &refs(&b)), 1).unwrap();
        store.import_deck(&deck("A", &refs(&a)), 1).unwrap();
        // Card a7 vanishes; b299 moves to the end of its deck.
        let fewer: Vec<String> = a.iter().filter(|id| *id != "a7").cloned().collect();
        store.import_deck(&deck("A", &refs(&fewer)), 2).unwrap();
        let mut moved = b[1..].to_vec();
        moved.push(b[0].clone());
        store.import_deck(&deck("B", &refs(&moved)), 2).unwrap();
        let filters = [
            CardFilter::default(),
            CardFilter {
                deck: Some("b".into()),
                ..Default::default()
            },
        ];
        for filter in filters {
            let one = store.export_cards_split_from(&filter, usize::MAX).unwrap();
            let two = store.export_cards_split_from(&filter, 0).unwrap();
            let ids = |cards: &[crate::store::StoredCard]| -> Vec<String> {
                cards.iter().map(|c| c.card.id.to_string()).collect()
            };
            assert_eq!(ids(&one), ids(&two));
            assert_eq!(one.len(), if filter.deck.is_some() { 300 } else { 799 });
            assert!(!ids(&two).contains(&"a7".to_string()));
            assert_eq!(ids(&two).first().map(String::as_str), Some("b298"));
        }
    }
}

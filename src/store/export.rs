//! Reading the cards an export writes.

use super::cards::{CARD_COLUMNS, CardFilter, StoredCard, Suspension, bind, row_to_card};
use super::{Result, Store};

impl Store {
    /// Every card matching `filter` that is still part of its deck file
    /// (cards suspended because they vanished from it are left out), in
    /// deck order. Rows are read in table order and sorted here: much
    /// cheaper than having SQLite sort 100,000 wide rows.
    pub fn export_cards(&self, filter: &CardFilter) -> Result<Vec<StoredCard>> {
        let (conditions, values) = filter.sql();
        let extra = CARD_COLUMNS.split(", ").count();
        let sql = format!(
            "SELECT {CARD_COLUMNS}, c.deck_id, c.position, c.id
             FROM cards c JOIN decks d ON d.id = c.deck_id
             WHERE c.suspended != {}{conditions}",
            Suspension::Vanished.to_sql()
        );
        let run = || -> rusqlite::Result<Vec<StoredCard>> {
            let mut stmt = self.conn.prepare(&sql)?;
            bind(&mut stmt, None, None, &values)?;
            let mut rows = stmt.raw_query();
            let mut keyed: Vec<((i64, i64, i64), StoredCard)> = Vec::new();
            while let Some(row) = rows.next()? {
                let key = (row.get(extra)?, row.get(extra + 1)?, row.get(extra + 2)?);
                keyed.push((key, row_to_card(row)?));
            }
            keyed.sort_unstable_by_key(|(key, _)| *key);
            Ok(keyed.into_iter().map(|(_, card)| card).collect())
        };
        run().map_err(|e| self.err(e))
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
}

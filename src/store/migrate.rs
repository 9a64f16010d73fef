//! The schema ladder: `PRAGMA user_version` says which steps have run.

use rusqlite::Connection;

use super::APPLICATION_ID;

/// The newest collection schema this build knows.
pub const SCHEMA_VERSION: i64 = 3;

/// Brings a collection up to [`SCHEMA_VERSION`] in one transaction. A new,
/// empty database gets the whole schema and our application id.
pub(super) fn migrate(conn: &mut Connection) -> rusqlite::Result<()> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    if version >= SCHEMA_VERSION {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    // Another process may have migrated while we waited for the lock.
    let version: i64 = tx.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    if version < 1 {
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        tx.execute_batch(include_str!("schema1.sql"))?;
    }
    if version < 2 {
        tx.execute_batch(include_str!("schema2_upgrade.sql"))?;
    }
    if version < 3 {
        tx.execute_batch(include_str!("schema3_upgrade.sql"))?;
    }
    tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    tx.commit()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_version_and_application_id() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        let app: i32 = conn
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, SCHEMA_VERSION);
        assert_eq!(app, APPLICATION_ID);
        // Running again is a no-op.
        migrate(&mut conn).unwrap();
    }

    #[test]
    fn latest_version_is_three() {
        assert_eq!(SCHEMA_VERSION, 3);
    }

    #[test]
    fn upgrades_a_version_one_collection() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "application_id", APPLICATION_ID)
            .unwrap();
        conn.execute_batch(include_str!("schema1.sql")).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        migrate(&mut conn).unwrap();
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, SCHEMA_VERSION);
        let index = |name: &str| -> Option<String> {
            conn.query_row(
                "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?1",
                [name],
                |r| r.get(0),
            )
            .ok()
        };
        assert!(index("cards_suspended").is_some(), "added by version 2");
        let new = index("cards_new").unwrap();
        assert!(new.contains("buried_until"), "rebuilt by version 3: {new}");
    }
}

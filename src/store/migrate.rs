//! The schema ladder: `PRAGMA user_version` says which steps have run.

use rusqlite::Connection;

use super::APPLICATION_ID;

/// The newest collection schema this build knows.
pub const SCHEMA_VERSION: i64 = 2;

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
    fn latest_version_is_two() {
        assert_eq!(SCHEMA_VERSION, 2);
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
        assert_eq!(version, 2);
        let index: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'cards_suspended'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(index, 1);
    }
}

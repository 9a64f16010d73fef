-- Schema version 3: counting today's new cards reads `cards_new` alone,
-- never the card rows. The index now holds `buried_until`, and also the two
-- columns of its own WHERE clause: they are always NULL and 0 here and cost
-- a header byte each, but without them SQLite does not see the index as
-- covering and reads every new card's row.

DROP INDEX cards_new;
CREATE INDEX cards_new ON cards(deck_id, position, buried_until, last_review, suspended)
    WHERE last_review IS NULL AND suspended = 0;

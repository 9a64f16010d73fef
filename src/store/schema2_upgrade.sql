-- Schema version 2: the queue indexes carry their sort order, so reading
-- today's queue is a pure index range scan (no temporary B-tree), and
-- suspended cards are counted from their own small index.

DROP INDEX cards_due;
CREATE INDEX cards_due ON cards(due, deck_id, position) WHERE due IS NOT NULL AND suspended = 0;
DROP INDEX cards_redrill;
CREATE INDEX cards_redrill ON cards(redrill_on, answered_at_ms) WHERE redrill_on IS NOT NULL;
CREATE INDEX cards_suspended ON cards(suspended) WHERE suspended != 0;

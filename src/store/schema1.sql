-- Schema version 1 of an srs collection.

CREATE TABLE decks (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL
) STRICT;

-- One row per card: its content (from the deck file) and its SM-2 state.
-- Days are study-day numbers counted from 1970-01-01; times are epoch
-- seconds unless the name says ms.
CREATE TABLE cards (
    id            INTEGER PRIMARY KEY,
    uid           TEXT NOT NULL UNIQUE,
    deck_id       INTEGER NOT NULL REFERENCES decks(id),
    position      INTEGER NOT NULL,
    kind          TEXT NOT NULL,
    front         TEXT NOT NULL,
    back          TEXT NOT NULL,
    tags          TEXT NOT NULL DEFAULT '',
    source_file   TEXT,
    source_line   INTEGER,
    extra         TEXT NOT NULL DEFAULT '',
    added_at      INTEGER NOT NULL,
    modified_at   INTEGER NOT NULL,
    -- 0 active, 1 suspended by the learner, 2 suspended because the card
    -- vanished from its deck file
    suspended     INTEGER NOT NULL DEFAULT 0,
    buried_until  INTEGER,
    leech         INTEGER NOT NULL DEFAULT 0,
    ease          INTEGER NOT NULL DEFAULT 2500,
    interval      INTEGER NOT NULL DEFAULT 0,
    repetitions   INTEGER NOT NULL DEFAULT 0,
    lapses        INTEGER NOT NULL DEFAULT 0,
    due           INTEGER,
    last_review   INTEGER,
    redrill_on    INTEGER,
    answered_at_ms INTEGER
) STRICT;

-- The due queue is a range scan over `due`; new cards are read in deck
-- order; pending re-drills are found by day.
CREATE INDEX cards_due ON cards(due) WHERE due IS NOT NULL AND suspended = 0;
CREATE INDEX cards_new ON cards(deck_id, position) WHERE last_review IS NULL AND suspended = 0;
CREATE INDEX cards_redrill ON cards(redrill_on) WHERE redrill_on IS NOT NULL;
CREATE INDEX cards_deck ON cards(deck_id);

-- Every grade ever given, with the whole state before it (so the last
-- answer can be undone) and the schedule after it.
CREATE TABLE reviews (
    id               INTEGER PRIMARY KEY,
    card_id          INTEGER NOT NULL REFERENCES cards(id),
    reviewed_at_ms   INTEGER NOT NULL,
    study_day        INTEGER NOT NULL,
    quality          INTEGER NOT NULL,
    redrill          INTEGER NOT NULL,
    ease_before      INTEGER NOT NULL,
    ease_after       INTEGER NOT NULL,
    interval_before  INTEGER NOT NULL,
    interval_after   INTEGER NOT NULL,
    repetitions_before INTEGER NOT NULL,
    lapses_before    INTEGER NOT NULL,
    due_before       INTEGER,
    due_after        INTEGER,
    last_review_before INTEGER,
    redrill_on_before  INTEGER,
    answered_at_ms_before INTEGER,
    leech_before     INTEGER NOT NULL DEFAULT 0,
    suspended_before INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE INDEX reviews_day ON reviews(study_day);
CREATE INDEX reviews_card ON reviews(card_id);

CREATE TABLE config (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

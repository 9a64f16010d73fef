//! The Anki package writer: a zip holding `collection.anki2` (an SQLite
//! database at schema 11) and the `media` map, the legacy layout that
//! desktop Anki, AnkiDroid and AnkiMobile all import.
//!
//! This file holds the SQL of Anki's schema, not of our collection: the
//! package database is built in a temporary file next to the target and
//! copied into the zip. The rules followed (time units, fixed note-type ids,
//! decks matched by name, one card row per card, cloze ordinals) are those of
//! `shared/ANKI-FORMAT.md`; the tests in `tests/export.rs` import every
//! package with the official Anki backend.

use std::collections::{BTreeMap, BTreeSet};
use std::fs::File;
use std::io::{BufWriter, Seek, SeekFrom, Write};
use std::sync::mpsc;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, params};
use rustc_hash::FxHashMap;
use serde_json::{Value, json};
use sha1::{Digest, Sha1};
use zip::CompressionMethod;
use zip::write::{SimpleFileOptions, ZipWriter};

use super::atomic::Scratch;
use super::notes::{self, NoteType};
use super::{ExportError, ExportInput, Summary};

/// When the templates or CSS last changed, epoch seconds. Raise it with
/// every change to them (never change field or template lists: add a new
/// note type instead), or learners keep the old layout.
const LAYOUT_MOD: i64 = 1_796_083_200;

/// The stylesheet shared by every note type.
const CSS: &str = include_str!("card.css");

impl NoteType {
    /// The permanent id. Never reuse one for a different layout.
    pub fn id(self) -> i64 {
        match self {
            NoteType::Basic => 1_763_769_600_101,
            NoteType::Reversible => 1_763_769_600_102,
            NoteType::Cloze => 1_763_769_600_103,
            NoteType::Mcq => 1_763_769_600_104,
        }
    }

    /// The name; unlike any stock note type so Anki never renames it.
    pub fn name(self) -> &'static str {
        match self {
            NoteType::Basic => "srs Basic",
            NoteType::Reversible => "srs Basic and reversed",
            NoteType::Cloze => "srs Cloze",
            NoteType::Mcq => "srs Multiple choice",
        }
    }

    /// Templates: (name, front, back).
    fn templates(self) -> Vec<(&'static str, String, String)> {
        const SOURCE: &str = "{{#Source}}<div class=\"source\">{{Source}}</div>{{/Source}}";
        match self {
            NoteType::Basic => vec![(
                "Card 1",
                "<div class=\"front\">{{Front}}</div>".into(),
                format!(
                    "{{{{FrontSide}}}}\n<hr id=answer>\n<div class=\"back\">{{{{Back}}}}</div>\n{SOURCE}"
                ),
            )],
            NoteType::Reversible => vec![
                (
                    "Forward",
                    "<div class=\"front\">{{Front}}</div>".into(),
                    format!(
                        "{{{{FrontSide}}}}\n<hr id=answer>\n<div class=\"back\">{{{{Back}}}}</div>\n{SOURCE}"
                    ),
                ),
                (
                    "Reverse",
                    "{{#Reverse Front}}<div class=\"front\">{{Reverse Front}}</div>{{/Reverse Front}}"
                        .into(),
                    format!(
                        "{{{{FrontSide}}}}\n<hr id=answer>\n<div class=\"back\">{{{{Reverse Back}}}}</div>\n{SOURCE}"
                    ),
                ),
            ],
            NoteType::Cloze => vec![(
                "Cloze",
                "<div class=\"front\">{{cloze:Text}}</div>".into(),
                format!("<div class=\"front\">{{{{cloze:Text}}}}</div>\n{SOURCE}"),
            )],
            NoteType::Mcq => vec![(
                "Card 1",
                "<div class=\"front\">{{Question}}</div>\n{{#Options}}<div class=\"options\">{{Options}}</div>{{/Options}}"
                    .into(),
                format!(
                    "<div class=\"front\">{{{{Question}}}}</div>\n<hr id=answer>\n<div class=\"options\">{{{{Answer}}}}</div>\n{SOURCE}"
                ),
            )],
        }
    }

    /// Which fields make each template's front non-empty (Anki's `req`,
    /// read by older clients to decide which cards a note has).
    fn req(self) -> Value {
        match self {
            NoteType::Basic => json!([[0, "any", [0]]]),
            NoteType::Reversible => json!([[0, "any", [0]], [1, "any", [2]]]),
            NoteType::Cloze => json!([[0, "any", [0]]]),
            NoteType::Mcq => json!([[0, "any", [0, 1]]]),
        }
    }

    /// The schema-11 JSON object for `col.models`.
    fn model_json(self) -> Value {
        let id = self.id();
        let fields: Vec<Value> = self
            .fields()
            .iter()
            .enumerate()
            .map(|(ord, name)| {
                json!({
                    "name": name, "ord": ord, "sticky": false, "rtl": false,
                    "font": "Arial", "size": 20, "description": "", "media": [],
                    "id": id * 100 + ord as i64,
                })
            })
            .collect();
        let templates: Vec<Value> = self
            .templates()
            .into_iter()
            .enumerate()
            .map(|(ord, (name, qfmt, afmt))| {
                json!({
                    "name": name, "ord": ord, "qfmt": qfmt, "afmt": afmt,
                    "bqfmt": "", "bafmt": "", "did": null, "bfont": "", "bsize": 0,
                    "id": id * 100 + 50 + ord as i64,
                })
            })
            .collect();
        json!({
            "id": id,
            "name": self.name(),
            "type": if self == NoteType::Cloze { 1 } else { 0 },
            "mod": LAYOUT_MOD,
            "usn": -1,
            "sortf": 0,
            "did": 1,
            "flds": fields,
            "tmpls": templates,
            "css": CSS,
            "latexPre": "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n",
            "latexPost": "\\end{document}",
            "latexsvg": false,
            "req": self.req(),
            "tags": [],
            "vers": [],
        })
    }
}

/// A deck's id: stable for its name (Anki matches decks by name anyway).
pub fn deck_id(name: &str) -> i64 {
    let digest = Sha1::new()
        .chain_update(b"srs deck id\0")
        .chain_update(name.to_lowercase().as_bytes())
        .finalize();
    let raw = u64::from_be_bytes([
        0, 0, digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
    ]);
    // 48 bits above a floor: never 1 (Default), always positive.
    1_000_000_000_000 + (raw % 8_000_000_000_000) as i64
}

const SCHEMA: &str = "
CREATE TABLE col (
    id integer primary key, crt integer not null, mod integer not null,
    scm integer not null, ver integer not null, dty integer not null,
    usn integer not null, ls integer not null, conf text not null,
    models text not null, decks text not null, dconf text not null,
    tags text not null
);
CREATE TABLE notes (
    id integer primary key, guid text not null, mid integer not null,
    mod integer not null, usn integer not null, tags text not null,
    flds text not null, sfld integer not null, csum integer not null,
    flags integer not null, data text not null
);
CREATE TABLE cards (
    id integer primary key, nid integer not null, did integer not null,
    ord integer not null, mod integer not null, usn integer not null,
    type integer not null, queue integer not null, due integer not null,
    ivl integer not null, factor integer not null, reps integer not null,
    lapses integer not null, left integer not null, odue integer not null,
    odid integer not null, flags integer not null, data text not null
);
CREATE TABLE revlog (
    id integer primary key, cid integer not null, usn integer not null,
    ease integer not null, ivl integer not null, lastIvl integer not null,
    factor integer not null, time integer not null, type integer not null
);
CREATE TABLE graves (
    usn integer not null, oid integer not null, type integer not null
);
";

const INDEXES: &str = "
CREATE INDEX ix_notes_usn ON notes (usn);
CREATE INDEX ix_cards_usn ON cards (usn);
CREATE INDEX ix_revlog_usn ON revlog (usn);
CREATE INDEX ix_cards_nid ON cards (nid);
CREATE INDEX ix_cards_sched ON cards (did, queue, due);
CREATE INDEX ix_revlog_cid ON revlog (cid);
CREATE INDEX ix_notes_csum ON notes (csum);
";

/// Writes the package for `input` into `out`.
pub fn write(
    out: &mut File,
    scratch: &Scratch<'_>,
    input: &ExportInput<'_>,
    progress: &mut dyn FnMut(u64),
) -> Result<Summary, ExportError> {
    let plan = notes::Plan::with_retired(input.cards, input.retired);
    let layout = layout(&plan, input);
    let (db_temp, db_file) = scratch.temp_file(".anki2")?;
    drop(db_file);
    let counts;
    {
        let mut conn = Connection::open(db_temp.path())?;
        // A scratch file: no journal, no syncs. `temp_store` stays at its
        // default on purpose: the index sorts then keep their keys in one
        // growing buffer (up to the cache size, then in a temporary file)
        // instead of one allocation per key, measured 7% faster and 3 MB
        // smaller than `MEMORY` on 100,000 notes.
        conn.execute_batch(
            "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA locking_mode = EXCLUSIVE;
             PRAGMA cache_size = -12000;",
        )?;
        conn.execute_batch(SCHEMA)?;
        insert_col(&conn, input.now, &layout.decks)?;
        counts = insert_notes(&mut conn, &plan, &layout, input.now.timestamp(), progress)?;
        conn.execute_batch(INDEXES)?;
        conn.close().map_err(|(_, e)| e)?;
    }

    let mut db = File::open(db_temp.path()).map_err(|e| scratch.io(e))?;
    let mut zip = ZipWriter::new(BufWriter::with_capacity(1 << 20, &mut *out));
    let fixed_time = zip::DateTime::default();
    let deflated = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(1))
        .last_modified_time(fixed_time)
        .large_file(db.metadata().map_err(|e| scratch.io(e))?.len() >= u32::MAX as u64);
    zip.start_file("collection.anki2", deflated)?;
    db.seek(SeekFrom::Start(0)).map_err(|e| scratch.io(e))?;
    std::io::copy(&mut db, &mut zip).map_err(|e| scratch.io(e))?;
    let stored = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Stored)
        .last_modified_time(fixed_time);
    zip.start_file("media", stored)?;
    zip.write_all(b"{}").map_err(|e| scratch.io(e))?;
    let mut buffered = zip.finish()?;
    buffered.flush().map_err(|e| scratch.io(e))?;
    drop(buffered);
    drop(db);
    drop(db_temp);

    Ok(Summary {
        format: None,
        notes: counts.notes,
        cards: counts.cards,
        decks: layout.decks.keys().cloned().collect(),
        folded: plan.folded,
        cloze_as_basic: counts.cloze_as_basic,
    })
}

/// One deck of the package.
#[derive(Debug)]
struct PackageDeck {
    id: i64,
    description: String,
    modified: i64,
}

/// Where each note goes: the package's decks by name, and each note's
/// deck id, in [`notes::Plan::notes`] order.
#[derive(Debug)]
struct Layout {
    decks: BTreeMap<String, PackageDeck>,
    note_deck: Vec<i64>,
}

/// Files every note in its srs deck's Anki deck (one per srs deck, so new
/// cards come in course order) and describes each deck: its description,
/// the sources it does not already name, and the date its cards last
/// changed.
fn layout(plan: &notes::Plan<'_>, input: &ExportInput<'_>) -> Layout {
    #[derive(Default)]
    struct Acc {
        sources: BTreeSet<String>,
        newest: i64,
        srs_deck: String,
    }
    // Each srs deck's Anki deck name and id, found once.
    let mut deck_of: FxHashMap<&str, (String, i64)> = FxHashMap::default();
    let mut all: BTreeMap<String, Acc> = BTreeMap::new();
    let mut note_deck: Vec<i64> = Vec::new();
    for (stored, reverse) in plan.notes() {
        let (name, id) = deck_of.entry(&stored.deck).or_insert_with(|| {
            let name = notes::deck_name(&stored.deck);
            let id = deck_id(&name);
            (name, id)
        });
        note_deck.push(*id);
        let acc = match all.get_mut(name.as_str()) {
            Some(acc) => acc,
            None => all.entry(name.clone()).or_default(),
        };
        if acc.srs_deck.is_empty() {
            acc.srs_deck = stored.deck.clone();
        }
        if let Some(source) = &stored.card.source
            && !acc.sources.contains(&source.file)
        {
            acc.sources.insert(source.file.clone());
        }
        acc.newest = acc.newest.max(notes::note_modified(stored, reverse));
    }
    let decks: BTreeMap<String, PackageDeck> = all
        .into_iter()
        .map(|(name, a)| {
            let mut desc = String::new();
            let own = input
                .decks
                .iter()
                .find(|d| d.name == a.srs_deck)
                .map_or("", |d| d.description.trim());
            if !own.is_empty() {
                desc.push_str(&format!("<p>{}</p>", notes::html(own)));
            }
            let unnamed: Vec<&str> = a
                .sources
                .iter()
                .map(String::as_str)
                .filter(|s| !own.contains(s))
                .collect();
            if !unnamed.is_empty() {
                let label = if a.sources.len() == 1 {
                    "Source"
                } else {
                    "Sources"
                };
                let list: Vec<&str> = a.sources.iter().map(String::as_str).collect();
                desc.push_str(&format!(
                    "<p>{label}: {}</p>",
                    notes::html(&list.join(", "))
                ));
            }
            let date = DateTime::from_timestamp(a.newest, 0)
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default();
            desc.push_str(&format!(
                "<p>Compiled with srs; cards last changed {date}.</p>"
            ));
            let id = deck_id(&name);
            (
                name,
                PackageDeck {
                    id,
                    description: desc,
                    modified: a.newest,
                },
            )
        })
        .collect();
    Layout { note_deck, decks }
}

fn deck_json(id: i64, name: &str, desc: &str, modified: i64) -> Value {
    json!({
        "id": id, "name": name, "desc": desc, "mod": modified, "usn": -1,
        "collapsed": false, "browserCollapsed": false, "dyn": 0, "conf": 1,
        "newToday": [0, 0], "revToday": [0, 0], "lrnToday": [0, 0], "timeToday": [0, 0],
        "extendNew": 0, "extendRev": 0, "md": false,
    })
}

fn insert_col(
    conn: &Connection,
    now: DateTime<Utc>,
    decks: &BTreeMap<String, PackageDeck>,
) -> Result<(), ExportError> {
    let now_s = now.timestamp();
    let now_ms = now.timestamp_millis();
    let crt = now_s - now_s.rem_euclid(86_400);
    let models: serde_json::Map<String, Value> = NoteType::ALL
        .iter()
        .map(|nt| (nt.id().to_string(), nt.model_json()))
        .collect();
    let mut deck_map = serde_json::Map::new();
    deck_map.insert("1".into(), deck_json(1, "Default", "", LAYOUT_MOD));
    for (name, deck) in decks {
        deck_map.insert(
            deck.id.to_string(),
            deck_json(deck.id, name, &deck.description, deck.modified),
        );
    }
    let conf = json!({
        "activeDecks": [1], "curDeck": 1, "newSpread": 0, "collapseTime": 1200,
        "timeLim": 0, "estTimes": true, "dueCounts": true,
        "curModel": NoteType::Basic.id(), "nextPos": 1, "sortType": "noteFld",
        "sortBackwards": false, "addToCur": true, "dayLearnFirst": false,
        "schedVer": 2, "sched2021": true,
    });
    let dconf = json!({
        "1": {
            "id": 1, "mod": 0, "name": "Default", "usn": 0, "maxTaken": 60,
            "autoplay": true, "timer": 0, "replayq": true, "dyn": false,
            "new": {"bury": false, "delays": [1, 10], "initialFactor": 2500,
                    "ints": [1, 4, 0], "order": 1, "perDay": 20},
            "rev": {"bury": false, "ease4": 1.3, "ivlFct": 1, "maxIvl": 36500,
                    "perDay": 200, "hardFactor": 1.2},
            "lapse": {"delays": [10], "leechAction": 1, "leechFails": 8,
                      "minInt": 1, "mult": 0},
        }
    });
    conn.execute(
        "INSERT INTO col (id, crt, mod, scm, ver, dty, usn, ls, conf, models, decks, dconf, tags)
         VALUES (1, ?1, ?2, ?2, 11, 0, 0, 0, ?3, ?4, ?5, ?6, '{}')",
        params![
            crt,
            now_ms,
            conf.to_string(),
            Value::Object(models).to_string(),
            Value::Object(deck_map).to_string(),
            dconf.to_string(),
        ],
    )?;
    Ok(())
}

/// Hands out note or card ids: epoch milliseconds from when each card was
/// added (never later than now), counting up past the last id given so
/// every id is unique. Deterministic for the same cards in the same order.
#[derive(Debug)]
struct IdSequence {
    last: i64,
    now_s: i64,
}

impl IdSequence {
    fn new(now_s: i64) -> IdSequence {
        IdSequence {
            last: i64::MIN,
            now_s,
        }
    }

    fn next(&mut self, added_s: i64) -> i64 {
        let id = (added_s.min(self.now_s).max(1) * 1000).max(self.last + 1);
        self.last = id;
        id
    }
}

/// What [`insert_notes`] wrote.
#[derive(Debug)]
struct Counts {
    notes: usize,
    cards: usize,
    cloze_as_basic: usize,
}

/// One note with everything its rows need, built off the inserting thread.
#[derive(Debug)]
struct NoteRow {
    id: i64,
    guid: String,
    note_type: NoteType,
    modified: i64,
    /// Anki's tag string: space-separated with a space at each end.
    tags: String,
    /// The fields joined with `\x1f`.
    flds: String,
    /// The first field without HTML (Anki's sort field).
    sfld: String,
    csum: u32,
    did: i64,
    /// (card id, ordinal) of each card.
    cards: Vec<(i64, u16)>,
    cloze_as_basic: bool,
}

/// Notes travel from the building thread to the inserting one in batches
/// of this many, so the channel costs nothing next to SQLite.
const ROW_BATCH: usize = 512;

/// Builds each note's rows in order, handing them over in batches. Stops
/// early when the receiver is gone (the inserts failed).
fn build_rows(
    plan: &notes::Plan<'_>,
    layout: &Layout,
    now_s: i64,
    to_insert: &mpsc::SyncSender<Vec<NoteRow>>,
) {
    let mut note_ids = IdSequence::new(now_s);
    let mut card_ids = IdSequence::new(now_s);
    let mut batch = Vec::with_capacity(ROW_BATCH);
    for (i, (stored, reverse)) in plan.notes().enumerate() {
        let note = notes::build_note(stored, reverse, String::new());
        let mut tags = String::new();
        if !note.tags.is_empty() {
            tags.push(' ');
            for tag in &note.tags {
                tags.push_str(tag);
                tags.push(' ');
            }
        }
        let sfld = notes::strip_html(note.fields.first().map_or("", String::as_str));
        batch.push(NoteRow {
            id: note_ids.next(note.added),
            cloze_as_basic: notes::is_cloze_as_basic(stored, &note),
            guid: note.guid,
            note_type: note.note_type,
            modified: note.modified,
            tags,
            flds: note.fields.join("\x1f"),
            csum: notes::checksum_of_stripped(&sfld),
            sfld,
            did: layout.note_deck[i],
            cards: note
                .ords
                .iter()
                .map(|&ord| (card_ids.next(note.added), ord))
                .collect(),
        });
        if batch.len() == ROW_BATCH {
            let full = std::mem::replace(&mut batch, Vec::with_capacity(ROW_BATCH));
            if to_insert.send(full).is_err() {
                return;
            }
        }
    }
    if !batch.is_empty() {
        // A closed channel means the inserts failed; that error is reported.
        let _ = to_insert.send(batch);
    }
}

/// Rows per multi-row `INSERT`: SQLite opens its cursors and runs the
/// statement once for this many rows, not once per row.
const ROWS_PER_INSERT: usize = 32;

/// The notes columns an insert binds, in order; the rest are constants.
const NOTE_INSERT: (&str, &str) = (
    "INSERT INTO notes (id, guid, mid, mod, usn, tags, flds, sfld, csum, flags, data) VALUES ",
    "(?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')",
);

/// The cards columns an insert binds, in order; the rest are constants.
const CARD_INSERT: (&str, &str) = (
    "INSERT INTO cards (id, nid, did, ord, mod, usn, type, queue, due, ivl, factor, \
     reps, lapses, left, odue, odid, flags, data) VALUES ",
    "(?, ?, ?, ?, ?, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, '')",
);

/// One card row: (id, note id, deck id, ordinal, modified, due).
type CardRow = (i64, i64, i64, u16, i64, i64);

/// Inserts rows of one table through two cached statements: one taking
/// [`ROWS_PER_INSERT`] rows at a time, and one taking a single row for the
/// remainder of a batch.
struct BulkInsert<'conn> {
    many: rusqlite::CachedStatement<'conn>,
    one: rusqlite::CachedStatement<'conn>,
    /// Parameters bound per row.
    width: usize,
}

impl<'conn> BulkInsert<'conn> {
    /// Prepares the statements for `(head, row)`, where `row` is the
    /// parenthesised `VALUES` tuple with a `?` for each bound column.
    fn new(conn: &'conn Connection, (head, row): (&str, &str)) -> rusqlite::Result<Self> {
        let rows = vec![row; ROWS_PER_INSERT].join(", ");
        Ok(BulkInsert {
            many: conn.prepare_cached(&format!("{head}{rows}"))?,
            one: conn.prepare_cached(&format!("{head}{row}"))?,
            width: row.matches('?').count(),
        })
    }

    /// Inserts `rows`, binding each with `bind(statement, first parameter
    /// index, row)`.
    fn insert<R>(
        &mut self,
        rows: &[R],
        bind: impl Fn(&mut rusqlite::Statement<'_>, usize, &R) -> rusqlite::Result<()>,
    ) -> rusqlite::Result<()> {
        let mut chunks = rows.chunks_exact(ROWS_PER_INSERT);
        for chunk in &mut chunks {
            for (i, row) in chunk.iter().enumerate() {
                bind(&mut self.many, i * self.width + 1, row)?;
            }
            self.many.raw_execute()?;
        }
        for row in chunks.remainder() {
            bind(&mut self.one, 1, row)?;
            self.one.raw_execute()?;
        }
        Ok(())
    }
}

/// Binds a note's columns from parameter `at` on, in [`NOTE_INSERT`] order.
fn bind_note(stmt: &mut rusqlite::Statement<'_>, at: usize, row: &NoteRow) -> rusqlite::Result<()> {
    stmt.raw_bind_parameter(at, row.id)?;
    stmt.raw_bind_parameter(at + 1, &row.guid)?;
    stmt.raw_bind_parameter(at + 2, row.note_type.id())?;
    stmt.raw_bind_parameter(at + 3, row.modified)?;
    stmt.raw_bind_parameter(at + 4, &row.tags)?;
    stmt.raw_bind_parameter(at + 5, &row.flds)?;
    stmt.raw_bind_parameter(at + 6, &row.sfld)?;
    stmt.raw_bind_parameter(at + 7, row.csum)
}

/// Binds a card's columns from parameter `at` on, in [`CARD_INSERT`] order.
fn bind_card(stmt: &mut rusqlite::Statement<'_>, at: usize, row: &CardRow) -> rusqlite::Result<()> {
    let &(id, nid, did, ord, modified, due) = row;
    stmt.raw_bind_parameter(at, id)?;
    stmt.raw_bind_parameter(at + 1, nid)?;
    stmt.raw_bind_parameter(at + 2, did)?;
    stmt.raw_bind_parameter(at + 3, ord)?;
    stmt.raw_bind_parameter(at + 4, modified)?;
    stmt.raw_bind_parameter(at + 5, due)
}

/// Inserts every note and its cards in one transaction. The notes are built
/// on a second thread while this one feeds SQLite, which is the slower of
/// the two.
fn insert_notes(
    conn: &mut Connection,
    plan: &notes::Plan<'_>,
    layout: &Layout,
    now_s: i64,
    progress: &mut dyn FnMut(u64),
) -> Result<Counts, ExportError> {
    let tx = conn.transaction()?;
    let mut counts = Counts {
        notes: 0,
        cards: 0,
        cloze_as_basic: 0,
    };
    std::thread::scope(|scope| -> Result<(), ExportError> {
        let (to_insert, built) = mpsc::sync_channel(4);
        scope.spawn(move || build_rows(plan, layout, now_s, &to_insert));
        let mut notes = BulkInsert::new(&tx, NOTE_INSERT)?;
        let mut cards = BulkInsert::new(&tx, CARD_INSERT)?;
        let mut card_rows: Vec<CardRow> = Vec::with_capacity(2 * ROW_BATCH);
        for batch in built {
            notes.insert(&batch, bind_note)?;
            card_rows.clear();
            for row in &batch {
                for &(card_id, ord) in &row.cards {
                    counts.cards += 1;
                    let due = counts.cards as i64;
                    card_rows.push((card_id, row.id, row.did, ord, row.modified, due));
                }
                counts.cloze_as_basic += usize::from(row.cloze_as_basic);
            }
            cards.insert(&card_rows, bind_card)?;
            counts.notes += batch.len();
            progress(counts.notes as u64);
        }
        Ok(())
    })?;
    tx.commit()?;
    Ok(counts)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whole statements of [`ROWS_PER_INSERT`] rows and the single-row
    /// remainder together insert every row once, each with its own values.
    #[test]
    fn bulk_insert_writes_every_row_of_any_batch_size() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, fixed INTEGER)")
            .unwrap();
        let mut insert = BulkInsert::new(
            &conn,
            ("INSERT INTO t (id, name, fixed) VALUES ", "(?, ?, 7)"),
        )
        .unwrap();
        let mut next = 0_i64;
        for size in [
            0,
            1,
            ROWS_PER_INSERT - 1,
            ROWS_PER_INSERT,
            ROWS_PER_INSERT + 1,
            3 * ROWS_PER_INSERT + 5,
        ] {
            let rows: Vec<(i64, String)> = (next..next + size as i64)
                .map(|i| (i, format!("n{i}")))
                .collect();
            next += size as i64;
            insert
                .insert(&rows, |stmt, at, (id, name)| {
                    stmt.raw_bind_parameter(at, id)?;
                    stmt.raw_bind_parameter(at + 1, name)
                })
                .unwrap();
        }
        drop(insert);
        let mut stmt = conn
            .prepare("SELECT id, name, fixed FROM t ORDER BY id")
            .unwrap();
        let rows: Vec<(i64, String, i64)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let expected: Vec<(i64, String, i64)> =
            (0..next).map(|i| (i, format!("n{i}"), 7)).collect();
        assert_eq!(rows, expected);
    }

    /// Anki refuses updates to notes whose note type changed its fields or
    /// templates under the same id ("conflicting"), and keeps an old layout
    /// when `mod` did not move. This snapshot pins each id's field and
    /// template names, and the layout (templates and CSS) to `LAYOUT_MOD`:
    /// a failing snapshot means "give the note type a new id" (fields or
    /// template names changed) or "raise LAYOUT_MOD" (templates or CSS).
    #[test]
    fn note_type_layouts_are_pinned_to_their_ids() {
        use sha1::{Digest, Sha1};
        let mut text = String::new();
        for nt in NoteType::ALL {
            let model = nt.model_json();
            let names = |key: &str| -> Vec<String> {
                model[key]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v["name"].as_str().unwrap().to_string())
                    .collect()
            };
            text.push_str(&format!(
                "{} {:?}\n  fields: {:?}\n  templates: {:?}\n",
                nt.id(),
                nt.name(),
                names("flds"),
                names("tmpls")
            ));
        }
        let mut layout = Sha1::new();
        for nt in NoteType::ALL {
            for (name, front, back) in nt.templates() {
                layout.update(format!("{name}\0{front}\0{back}\0").as_bytes());
            }
        }
        layout.update(CSS.as_bytes());
        let digest: String = layout
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        text.push_str(&format!("layout {digest} at mod {LAYOUT_MOD}\n"));
        insta::assert_snapshot!(text);
    }

    #[test]
    fn note_type_ids_and_names_are_distinct() {
        let ids: BTreeSet<i64> = NoteType::ALL.iter().map(|n| n.id()).collect();
        let names: BTreeSet<&str> = NoteType::ALL.iter().map(|n| n.name()).collect();
        assert_eq!(ids.len(), 4);
        assert_eq!(names.len(), 4);
        for nt in NoteType::ALL {
            let model = nt.model_json();
            assert_eq!(model["id"], nt.id());
            assert_eq!(model["flds"].as_array().unwrap().len(), nt.fields().len());
            let tmpls = model["tmpls"].as_array().unwrap();
            assert_eq!(model["req"].as_array().unwrap().len(), tmpls.len());
            for t in tmpls {
                // Every field a template names exists.
                for side in ["qfmt", "afmt"] {
                    let text = t[side].as_str().unwrap();
                    for cap in text.split("{{").skip(1) {
                        let name = cap.split("}}").next().unwrap();
                        let name = name
                            .trim_start_matches(['#', '/'])
                            .trim_start_matches("cloze:");
                        if name != "FrontSide" {
                            assert!(nt.fields().contains(&name), "{}: {name}", nt.name());
                        }
                    }
                }
            }
        }
    }

    /// WCAG AA asks 4.5:1 for text; the source line and wrong options are
    /// the lightest text on the light background.
    #[test]
    fn small_print_meets_the_contrast_minimum() {
        fn luminance(hex: &str) -> f64 {
            let channel = |i: usize| {
                let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
                if c <= 0.039_28 {
                    c / 12.92
                } else {
                    ((c + 0.055) / 1.055).powf(2.4)
                }
            };
            0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
        }
        fn color_in(rule: &str, property: &str) -> &'static str {
            let block = CSS.split(rule).nth(1).unwrap().split('}').next().unwrap();
            block
                .split([';', '{'])
                .find_map(|d| d.trim().strip_prefix(property)?.strip_prefix(": "))
                .unwrap_or_else(|| panic!("no {property} in {rule}"))
        }
        let background = color_in("\n.card {", "background-color");
        for rule in ["\n.source {", "\nol.marked li.wrong {"] {
            let (a, b) = (luminance(color_in(rule, "color")), luminance(background));
            let ratio = (a.max(b) + 0.05) / (a.min(b) + 0.05);
            assert!(ratio >= 4.5, "{rule} {ratio:.2}:1");
        }
    }

    #[test]
    fn deck_ids_are_stable_and_case_blind() {
        assert_eq!(deck_id("A::B"), deck_id("a::b"));
        assert_ne!(deck_id("A::B"), deck_id("A::C"));
        assert!(deck_id("x") > 1);
    }

    #[test]
    fn ids_are_unique_and_not_in_the_future() {
        let mut ids = IdSequence::new(1000);
        let got: Vec<i64> = [100, 100, 99, 5000, 2]
            .into_iter()
            .map(|added| ids.next(added))
            .collect();
        assert_eq!(got, [100_000, 100_001, 100_002, 1_000_000, 1_000_001]);
    }
}

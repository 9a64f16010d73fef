#!/usr/bin/env python3
"""Probe srs exports with the official Anki backend (PyPI `anki`).

The Rust integration tests (tests/export.rs) call this script with the
virtual environment's Python (SRS_TEST_PYTHON, set by scripts/test) and make
their assertions on the JSON it prints. This script only observes: it
imports, renders and studies the way Anki would, and reports what happened.

    check.py import COLLECTION PACKAGE.apkg [merge]
        Import the package into COLLECTION (created if missing) with the
        collection's default import options, then report the import log, every
        note and card (fields, deck, scheduling, rendered text) and every
        rendering problem. With `merge`, "Merge note types" is ticked.
    check.py add-field COLLECTION NOTETYPE FIELD
        Add a field to a note type, as a learner would in Anki.
    check.py study COLLECTION DECK N
        Answer the first N cards the scheduler shows in DECK with "easy", so
        they leave the new queue with an interval.
    check.py csv-default COLLECTION FILE.csv [localized]
        Import the CSV exactly as Anki's import dialog would by default: the
        metadata Anki reads from the file, nothing set by hand. With
        `localized`, the collection's stock Basic note type is first given
        the German names a German Anki creates it with.
    check.py queue COLLECTION DECK N
        The first N cards Anki's scheduler would show in DECK, without
        answering them.
"""

import json
from html import unescape
import os
import re
import sys

from anki.collection import Collection, ImportAnkiPackageRequest

BLANK_MESSAGES = (
    "front of this card is blank",
    "no cloze",
    "card template has a problem",
    "missing template",
    "please edit this note",
    "invalid template",
)


def text_of(html):
    """Rendered HTML as visible text: styles, scripts and tags removed."""
    html = re.sub(r"(?is)<(style|script)\b.*?</\1>", " ", html)
    html = re.sub(r"(?s)<[^>]*>", " ", html)
    return " ".join(unescape(html).split())


def render_problems(question, answer):
    problems = []
    q = text_of(question)
    a = text_of(answer)
    lowered = (q + " " + a).lower()
    for message in BLANK_MESSAGES:
        if message in lowered:
            problems.append("renders Anki's message: " + message)
    if not q:
        problems.append("empty question")
    if q == a:
        problems.append("answer equals question")
    return problems


def report(col, log=None):
    notes = []
    cards = []
    problems = []
    for nid in col.find_notes(""):
        note = col.get_note(nid)
        notetype = note.note_type()
        notes.append(
            {
                "guid": note.guid,
                "mod": note.mod,
                "notetype": notetype["name"],
                "notetype_id": notetype["id"],
                "fields": dict(note.items()),
                "field_list": list(note.fields),
                "tags": list(note.tags),
            }
        )
    for cid in col.find_cards(""):
        card = col.get_card(cid)
        note = card.note()
        question = card.question()
        answer = card.answer()
        card_problems = render_problems(question, answer)
        for p in card_problems:
            problems.append(f"note {note.guid} card {card.ord}: {p}")
        cards.append(
            {
                "guid": note.guid,
                "ord": card.ord,
                "deck": col.decks.name(card.did),
                "type": card.type,
                "queue": card.queue,
                "ivl": card.ivl,
                "reps": card.reps,
                "due": card.due,
                "question": text_of(question),
                "answer": text_of(answer),
            }
        )
    decks = sorted(d.name for d in col.decks.all_names_and_ids())
    notetypes = []
    for nt in col.models.all():
        notetypes.append(
            {
                "id": nt["id"],
                "name": nt["name"],
                "fields": [f["name"] for f in nt["flds"]],
                "templates": [t["name"] for t in nt["tmpls"]],
            }
        )
    out = {
        "notes": notes,
        "cards": cards,
        "decks": decks,
        "deck_descriptions": {
            d.name: col.decks.get(d.id).get("desc", "")
            for d in col.decks.all_names_and_ids()
        },
        "notetypes": notetypes,
        "problems": problems,
        "notes_without_cards": len(
            col.db.list("select id from notes where id not in (select nid from cards)")
        ),
    }
    if log is not None:
        out["log"] = {
            name: len(getattr(log, name))
            for name in (
                "new",
                "updated",
                "duplicate",
                "conflicting",
                "first_field_match",
                "missing_notetype",
                "missing_deck",
                "empty_first_field",
            )
        }
        out["log"]["found_notes"] = log.found_notes
    return out


def cmd_import(col_path, package, merge=False):
    col = Collection(col_path)
    try:
        options = col._backend.get_import_anki_package_presets()
        options.merge_notetypes = merge
        result = col.import_anki_package(
            ImportAnkiPackageRequest(package_path=os.path.abspath(package), options=options)
        )
        print(json.dumps(report(col, result.log)))
    finally:
        col.close()


def cmd_add_field(col_path, notetype, field):
    col = Collection(col_path)
    try:
        model = col.models.by_name(notetype)
        col.models.add_field(model, col.models.new_field(field))
        col.models.save(model)
        print(json.dumps({"fields": [f["name"] for f in model["flds"]]}))
    finally:
        col.close()


def select_deck(col, deck):
    """Makes the deck named `deck` the one studied; exits if there is none."""
    did = col.decks.id_for_name(deck)
    if not did:
        raise SystemExit(f"no deck named {deck!r}")
    col.decks.select(did)


def cmd_study(col_path, deck, count):
    col = Collection(col_path)
    try:
        select_deck(col, deck)
        studied = []
        for _ in range(count):
            card = col.sched.getCard()
            if card is None:
                break
            col.sched.answerCard(card, 4)
            card.load()
            studied.append({"guid": card.note().guid, "ord": card.ord, "ivl": card.ivl, "type": card.type})
        print(json.dumps({"studied": studied}))
    finally:
        col.close()


def cmd_csv_default(col_path, csv_path, localized=False):
    from anki.import_export_pb2 import CsvMetadata, ImportCsvRequest

    col = Collection(col_path)
    try:
        basic = col.models.by_name("Basic")
        if localized and basic:
            basic["name"] = "Einfach"
            for field, name in zip(basic["flds"], ["Vorderseite", "Rückseite"]):
                col.models.rename_field(basic, field, name)
            col.models.save(basic)
        path = os.path.abspath(csv_path)
        metadata = col.get_csv_metadata(path, None)
        result = col.import_csv(ImportCsvRequest(path=path, metadata=metadata))
        out = report(col, result.log)
        out["csv"] = {
            "delimiter": CsvMetadata.Delimiter.Name(metadata.delimiter),
            "is_html": metadata.is_html,
            "column_labels": list(metadata.column_labels),
            "tags_column": metadata.tags_column,
            "guid_column": metadata.guid_column,
            "deck_column": metadata.deck_column,
            "notetype": col.models.get(metadata.global_notetype.id)["name"],
            "field_columns": list(metadata.global_notetype.field_columns),
        }
        print(json.dumps(out))
    finally:
        col.close()


def cmd_queue(col_path, deck, count):
    col = Collection(col_path)
    try:
        select_deck(col, deck)
        queued = col.sched.get_queued_cards(fetch_limit=count)
        cards = []
        for qc in queued.cards:
            card = col.get_card(qc.card.id)
            cards.append(
                {
                    "guid": card.note().guid,
                    "ord": card.ord,
                    "question": text_of(card.question()),
                }
            )
        print(json.dumps({"queued": cards}))
    finally:
        col.close()


def main(argv):
    if len(argv) in (4, 5) and argv[1] == "import":
        cmd_import(argv[2], argv[3], argv[4:] == ["merge"])
    elif len(argv) == 5 and argv[1] == "add-field":
        cmd_add_field(argv[2], argv[3], argv[4])
    elif len(argv) == 5 and argv[1] == "study":
        cmd_study(argv[2], argv[3], int(argv[4]))
    elif len(argv) in (4, 5) and argv[1] == "csv-default":
        cmd_csv_default(argv[2], argv[3], argv[4:] == ["localized"])
    elif len(argv) == 5 and argv[1] == "queue":
        cmd_queue(argv[2], argv[3], int(argv[4]))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

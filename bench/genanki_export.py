#!/usr/bin/env python3
"""The genanki side of bench/export-vs-genanki: reads the same deck file
and writes the same notes (fields Front, Back, Source; tags; a stable GUID
per card; one subdeck per section) with Python genanki."""

import json
import sys
import zlib

import genanki

CSS = ".card { font-family: sans-serif; font-size: 20px; }"


def main():
    deck_file, out = sys.argv[1], sys.argv[2]
    with open(deck_file, encoding="utf-8") as f:
        deck = json.load(f)
    model = genanki.Model(
        1607392319,
        "bench Basic",
        fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Source"}],
        templates=[
            {
                "name": "Card 1",
                "qfmt": '<div class="front">{{Front}}</div>',
                "afmt": '{{FrontSide}}<hr id=answer><div class="back">{{Back}}</div>'
                '<div class="source">{{Source}}</div>',
            }
        ],
        css=CSS,
    )
    decks = {}
    for card in deck["cards"]:
        section = card["tags"][0].split("::")[1].capitalize()
        name = f"{deck['name']}::{section}"
        if name not in decks:
            decks[name] = genanki.Deck(zlib.crc32(name.encode()) % (1 << 31), name)
        src = card["source"]
        decks[name].add_note(
            genanki.Note(
                model=model,
                fields=[card["front"], card["back"], f"{src['file']}:{src['line']} · {deck['name']}"],
                tags=card["tags"],
                guid=genanki.guid_for(card["id"]),
            )
        )
    genanki.Package(list(decks.values())).write_to_file(out)


if __name__ == "__main__":
    main()

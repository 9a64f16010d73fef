#!/usr/bin/env python3
"""Writes a deck file with N plain question-and-answer cards (made-up text
of realistic length), the input of bench/export-vs-genanki."""

import json
import sys

TOPICS = ["communication", "safeguarding", "legislation", "teamwork", "records"]


def main():
    count = int(sys.argv[1])
    out = sys.argv[2]
    cards = []
    for i in range(count):
        topic = TOPICS[i % len(TOPICS)]
        cards.append(
            {
                "id": f"bench-{i:06d}",
                "kind": "basic",
                "front": f"Question {i}: in partnership working, what is point {i % 97} about {topic}?",
                "back": f"Answer {i}: agree shared goals, share information safely and record decisions ({topic}).",
                "tags": [f"bench::{topic}"],
                "source": {"file": f"doc{i % 50:02d}.md", "line": 1 + i % 400},
            }
        )
    with open(out, "w", encoding="utf-8") as f:
        json.dump({"name": "Bench", "description": "Generated for the export benchmark.", "cards": cards}, f)


if __name__ == "__main__":
    main()

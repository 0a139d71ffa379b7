"""What the text reader makes of a text, for the text tests: finding id -> value as JSON."""

from __future__ import annotations

from datetime import date

from legcheck.api import default_knowledge
from legcheck.engine.result import json_value
from legcheck.text import read_text

TODAY = date(2026, 11, 24)


def read(text: str, today: date = TODAY) -> dict:
    reading = read_text(default_knowledge(), text, today=today)
    return {fid: json_value(o.value) for fid, o in reading.observations.items()}


def check(text: str, expect: dict) -> None:
    """The reading agrees with `expect` on every finding it names (None: not read)."""
    found = read(text)
    assert {fid: found.get(fid) for fid in expect} == expect, found

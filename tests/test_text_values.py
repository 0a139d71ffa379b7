"""Durations, frequencies, amounts and ages as people write them (tests/data/text_values.yaml),
read through the whole text reader."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from legcheck.api import default_knowledge
from legcheck.engine.result import json_value
from legcheck.text import read_text

CASES = yaml.safe_load((Path(__file__).parent / "data" / "text_values.yaml").read_text())

TODAY = date(2026, 11, 24)  # a Tuesday


def read(text: str) -> dict:
    reading = read_text(default_knowledge(), text, today=TODAY)
    return {fid: json_value(o.value) for fid, o in reading.observations.items()}


@pytest.mark.parametrize("case", CASES, ids=lambda case: case["text"][:50])
def test_value(case: dict) -> None:
    found = read(case["text"])
    for finding_id, value in (case.get("expect") or {}).items():
        assert finding_id in found, f"{finding_id} not read from {case['text']!r}: {found}"
        assert found[finding_id] == pytest.approx(value, abs=0.6), case["text"]
    for finding_id in case.get("absent") or ():
        assert finding_id not in found, f"{finding_id} wrongly read: {found}"

"""Warning signs said in plain words are read, and not read as denied: each text's answer is at
least as urgent as tests/data/text_safety.yaml says (the cases of a safety review); and everyday
descriptions are not made alarming: each answer in tests/data/text_not_alarming.yaml is at most
as urgent as it says (the cases of a second review)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from legcheck import check

LEVELS = ("self_care", "routine", "urgent", "emergency")
DATA = Path(__file__).parent / "data"
CASES = yaml.safe_load((DATA / "text_safety.yaml").read_text())
CALM = yaml.safe_load((DATA / "text_not_alarming.yaml").read_text())


@pytest.mark.parametrize("case", CASES, ids=[case["text"][:40] for case in CASES])
def test_a_warning_sign_in_plain_words_is_not_missed(case: dict) -> None:
    level = check(text=case["text"]).to_dict()["triage"]["level"]
    assert LEVELS.index(level) >= LEVELS.index(case["at_least"]), level


@pytest.mark.parametrize("case", CALM, ids=[case["text"][:40] for case in CALM])
def test_an_everyday_description_is_not_made_alarming(case: dict) -> None:
    level = check(text=case["text"]).to_dict()["triage"]["level"]
    assert LEVELS.index(level) <= LEVELS.index(case["at_most"]), level

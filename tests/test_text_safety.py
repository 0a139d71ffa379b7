"""Warning signs said in plain words are read, and not read as denied: each text's answer is at
least as urgent as tests/data/text_safety.yaml says (the cases of a safety review)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from legcheck import check

LEVELS = ("self_care", "routine", "urgent", "emergency")
CASES = yaml.safe_load((Path(__file__).parent / "data" / "text_safety.yaml").read_text())


@pytest.mark.parametrize("case", CASES, ids=[case["text"][:40] for case in CASES])
def test_a_warning_sign_in_plain_words_is_not_missed(case: dict) -> None:
    level = check(text=case["text"]).to_dict()["triage"]["level"]
    assert LEVELS.index(level) >= LEVELS.index(case["at_least"]), level

"""Situations whose triage level the sources fix (tests/data/triage_scenarios.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from legcheck import check
from legcheck.engine.triage import level_rank

SCENARIOS = yaml.safe_load((Path(__file__).parent / "data" / "triage_scenarios.yaml").read_text())


@pytest.mark.parametrize("scenario", SCENARIOS,
                         ids=lambda s: ",".join(f"{k}={v}" for k, v in s["answers"].items()))
def test_triage_level(scenario: dict, kb) -> None:
    assert scenario["source"] in kb.sources
    level = check(answers=scenario["answers"]).triage.level
    if "level" in scenario:
        assert level == scenario["level"]
    else:
        assert level_rank(level) >= level_rank(scenario["at_least"])

"""Where a reported weakness is (src/legcheck/text/where.py): one side or both legs; never from a
denied weakness, and not when both sides or both arms are named."""

from __future__ import annotations

import pytest

from readings import read


@pytest.mark.parametrize(("text", "finding"), [
    ("His left arm is weak.", "one_sided_weakness"),
    ("my right leg and arm suddenly went weak", "one_sided_weakness"),
    ("sudden weakness in my left arm", "one_sided_weakness"),
    ("my legs twitch and feel weak", "weakness_both_legs"),
    ("legs weaker every week", "weakness_both_legs"),
])
def test_a_reported_weakness_and_where_it_is(text: str, finding: str) -> None:
    found = read(text)
    assert found.get("weakness") is True and found.get(finding) is True, found


@pytest.mark.parametrize("text", [
    "no weakness in my left arm",
    "both my arms feel weak",
    "my left calf twitches, and my arms feel a bit weak",
    "weak on both sides",
    "the weakness in my left foot came on over months",
])
def test_no_side_said(text: str) -> None:
    assert read(text).get("one_sided_weakness") is not True

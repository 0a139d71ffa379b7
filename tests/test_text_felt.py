""""Can't feel any <symptom>" denies the symptom and is not numbness; denying weakness in the
arms and legs denies weakness itself (text/denials.py,
text/reader.py); a reported weakness still wins."""

from __future__ import annotations

import pytest

from readings import check


@pytest.mark.parametrize(("text", "expect"), [
    ("I can't feel any weakness", {"weakness": False, "numbness_tingling": None}),
    ("I cant feel any numbness or weakness", {"weakness": False, "numbness_tingling": False}),
    ("can't notice any twitching in the day", {"visible_flicker": False}),
    ("no weakness in my arms and legs", {"weakness": False, "weakness_both_legs": False}),
    ("my legs aren't weak", {"weakness": False}),
])
def test_a_denial_is_read(text: str, expect: dict) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "expect"), [
    ("I can't feel my toes", {"numbness_tingling": True}),
    ("I can't feel any sensation in my feet", {"numbness_tingling": True}),
    ("I can't feel anything in my left foot", {"numbness_tingling": True}),
    ("no weakness in my arms and legs but my left hand is weak", {"weakness": True}),
    ("I can't feel any weakness but my right arm has gone weak", {"weakness": True}),
])
def test_the_traps_stay_reported(text: str, expect: dict) -> None:
    check(text, expect)

"""When and where the movements are (src/legcheck/text/reader.py): a time, a rest or a place
counts only for the movements. Said in a sentence about something else (coffee, sleepiness, a
weakness), or in a text that states no movement at all, it says nothing about them."""

from __future__ import annotations

import pytest

from readings import check


@pytest.mark.parametrize(("text", "expect"), [
    # a time that belongs to another finding in its sentence
    ("My thigh twitches. I have two coffees in the morning.",
     {"visible_flicker": True, "timing": None}),
    ("His legs jerk. He is very hard to wake in the mornings.",
     {"limb_jerk": True, "timing": None}),
    ("My calves flicker. I'm exhausted and doze off at work after lunch.",
     {"visible_flicker": True, "timing": None, "worse_at_rest": None}),
    # a place that belongs to another finding, or to a denied movement
    ("My left thigh keeps flickering. I'm not weak, I'm on my feet all day at work.",
     {"location": "one_spot"}),
    ("My right calf twitches. No cramps in my legs.", {"location": "one_spot"}),
    # said together with the movement, it stands
    ("My legs jerk in the evenings on the sofa.",
     {"limb_jerk": True, "location": "both_legs", "timing": "evening"}),
])
def test_said_of_another_finding(text: str, expect: dict) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "expect"), [
    ("numb tingling left leg, worse sitting", {"location": None, "timing": None}),
    ("I have back pain and both legs feel heavy since this morning", {"location": None}),
    ("tingling in my feet that climbs to my knees, in the evenings", {"location": None,
                                                                     "timing": None}),
])
def test_no_movement_said(text: str, expect: dict) -> None:
    check(text, expect)


def test_another_persons_legs() -> None:
    check("My husband started a new tablet and now he can't keep his legs still",
          {"urge_to_move": True, "location": "both_legs"})

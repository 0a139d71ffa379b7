"""Lay words for findings and general ways of saying them: a side named inside a phrase ("pain
down my left leg"), a pain down both legs said after the phrase, weakness as a fondness (a trap),
heaviness of an arm, getting up from a chair, not knowing where one is, a stable weight."""

from __future__ import annotations

import pytest

from readings import check


@pytest.mark.parametrize(("text", "expect"), [
    ("shooting pain down my left leg", {"back_pain_down_leg": True, "location": None}),
    ("shooting pain down my left leg, and my left calf twitches",
     {"back_pain_down_leg": True, "location": "one_spot"}),
    ("a knot in my right calf", {"painful_cramp": True}),
    ("pain down the back of both legs", {"back_pain_down_leg": True,
                                         "pain_down_both_legs": True}),
    ("sciatica going down both my legs", {"pain_down_both_legs": True}),
    ("my left arm feels heavy", {"weakness": True, "one_sided_weakness": True}),
    ("struggling to get up from a chair", {"weakness": True}),
    ("struggling with the stairs", {"weakness": True}),
    ("he didn't know where he was", {"confusion": True}),
    ("she didn't recognise me", {"confusion": True}),
    ("my weight's been stable", {"weight_loss": False, "getting_worse": None}),
    ("I've had a weakness for two days in my left leg", {"weakness": True}),
    ("I've had a weakness for a week", {"weakness": True}),
])
def test_said_in_lay_words(text: str, expect: dict) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "expect"), [
    ("my only weakness is chocolate, my calf twitches", {"weakness": None}),
    ("I have a weakness for coffee", {"weakness": None}),
    ("back pain down my leg, and twitching in both legs", {"pain_down_both_legs": None}),
    ("my legs feel heavy in the evening", {"weakness": None}),
])
def test_traps(text: str, expect: dict) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "expect"), [
    ("my leg feels week", {"weakness": True}),
    ("had a seizer last night", {"loss_of_awareness": True}),
    ("no seizers", {"loss_of_awareness": False}),
    ("fevor and shivers", {"fever": True}),
    ("once a week my calf twitches", {"weakness": None}),
])
def test_misspelt_as_another_real_word(text: str, expect: dict) -> None:
    check(text, expect)

"""A bare "no" or "yes" straight after an item answers it, as in a list of answers
(text/denials.py); and the traps where "no" answers nothing."""

from __future__ import annotations

import pytest

from readings import check


@pytest.mark.parametrize(("text", "expect"), [
    ("weakness no, numbness no", {"weakness": False, "numbness_tingling": False}),
    ("fever no", {"fever": False}),
    ("slurred speech no. twitching yes", {"slurred_speech": False, "visible_flicker": True}),
    ("weakness yes, numbness no", {"weakness": True, "numbness_tingling": False}),
    ("no weakness, numbness yes", {"weakness": False, "numbness_tingling": True}),
    ("weakness no, twitching yes", {"weakness": False, "visible_flicker": True}),
])
def test_a_bare_answer_after_an_item(text: str, expect: dict) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "expect"), [
    ("my calf is twitching, is it serious or no", {"visible_flicker": True}),
    ("my leg feels weak no matter what I do", {"weakness": True}),
    ("left arm weak, no idea why", {"weakness": True}),
    ("face drooping yes, speech no", {"face_drooping": True}),
])
def test_no_that_answers_nothing_denies_nothing(text: str, expect: dict) -> None:
    check(text, expect)

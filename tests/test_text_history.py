"""A test for a condition is not the condition, and an everyday symptom that came and went long
ago is the past (text/history.py); a warning sign and a returning symptom stay as said."""

from __future__ import annotations

import pytest

from readings import check


@pytest.mark.parametrize(("text", "expect"), [
    ("I was tested for diabetes, my calf twitches", {"diabetes": None}),
    ("tested for diabetes, negative", {"diabetes": False}),
    ("diabetes test came back normal", {"diabetes": False}),
    ("they checked me for kidney disease and it was fine", {"kidney_disease": False}),
    ("I had some numbness last year but it went away", {"numbness_tingling": None}),
    ("I had tingling back in 2019 that cleared up", {"numbness_tingling": None}),
])
def test_named_but_not_now(text: str, expect: dict) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "expect"), [
    ("I have diabetes and was tested for kidney disease", {"diabetes": True}),
    ("I was tested for diabetes last year and I'm diabetic now", {"diabetes": True}),
    ("numbness since last year, it went away for a week then came back",
     {"numbness_tingling": True}),
    ("my face drooped for a few minutes last year and then went back to normal",
     {"face_drooping": True}),
    ("had a high fever last month, better now", {"fever": True}),
    ("the cramp went away after five minutes", {"painful_cramp": True}),
])
def test_still_reported(text: str, expect: dict) -> None:
    check(text, expect)

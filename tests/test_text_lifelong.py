"""A sudden stroke sign the person has always had is their past, not a new sign
(text/lifelong.py); and the traps where the same words leave a new sign standing."""

from __future__ import annotations

import pytest

from readings import check


@pytest.mark.parametrize(("text", "finding"), [
    ("my smile is lopsided in photos, always has been", "face_drooping"),
    ("my face has drooped on one side since I was a kid", "face_drooping"),
    ("my speech has always been a bit slurred", "slurred_speech"),
    ("I've had a lisp and slurred speech all my life", "slurred_speech"),
    ("one side of my mouth droops, it's been like that since birth", "face_drooping"),
    ("my face has been lopsided for as long as I can remember", "face_drooping"),
])
def test_a_lifelong_sign_is_not_read_as_new(text: str, finding: str) -> None:
    check(text, {finding: None})


@pytest.mark.parametrize(("text", "finding"), [
    ("my face has always been lopsided but since this morning it droops more", "face_drooping"),
    ("my face is drooping and my legs have always been twitchy", "face_drooping"),
    ("I have slurred speech, my calves have twitched since I was a kid", "slurred_speech"),
    ("my speech is suddenly slurred, my smile has always been a bit crooked", "slurred_speech"),
    ("my face has drooped since this morning, always been a bit lopsided", "face_drooping"),
])
def test_a_new_sign_beside_a_lifelong_one_stands(text: str, finding: str) -> None:
    check(text, {finding: True})


def test_a_lifelong_movement_still_counts() -> None:
    check("I've had restless legs since I was a kid", {"urge_to_move": True})

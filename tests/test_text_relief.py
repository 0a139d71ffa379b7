"""Moving that brings no relief (text/relief.py), and the traps where the same words say nothing
about relief: some other moving helps, a condition or a question, sitting or lying, walking
named as an ability."""

from __future__ import annotations

from datetime import date

import pytest

from legcheck.text.relief import read_relief
from readings import read


def relief(text: str) -> list[bool]:
    return [q.value for q in read_relief(text.lower(), date(2026, 11, 24))]


@pytest.mark.parametrize("text", [
    "Walking around doesn't help at all.",
    "moving my legs makes no difference",
    "stretching it out does nothing",
    "walking doesn't make it any better",
    "even stretching won't ease it",
    "the cramp won't let go no matter how much I stretch",
    "it wouldn't ease even when we stretched it",
    "no matter how much I walk about, it won't settle",
    "the knot doesn't go away when I walk",
    "no relief from walking",
    "nothing helps, not even walking",
    "getting up and walking around is no help",
])
def test_moving_said_not_to_help(text: str) -> None:
    assert relief(text) == [False]


@pytest.mark.parametrize("text", [
    "stretching doesn't help but walking does",
    "rubbing doesn't help, though walking around helps a bit",
    "if walking doesn't help, should I see someone?",
    "does walking not help?",
    "sitting doesn't help",
    "lying down doesn't help",
    "walking is no problem",
    "I can walk fine",
    "I walk every day and it doesn't help",
    "can't stop when I walk",
])
def test_words_that_say_nothing_of_relief(text: str) -> None:
    assert relief(text) == []


def test_read_with_the_rest_of_the_text() -> None:
    assert read("Stretching didn’t help, the cramp lasted 20 minutes.")["relieved_by_moving"] \
        is False
    assert read("walking helps but stretching doesn't help")["relieved_by_moving"] is True


@pytest.mark.parametrize("text", [
    "walking it off doesn't work",
    "it makes no difference if I move",
    "it doesn't matter if I walk around, it keeps going",
])
def test_moving_said_not_to_help_in_a_whole_text(text: str) -> None:
    assert read(text)["relieved_by_moving"] is False


@pytest.mark.parametrize("text", [
    "walking helps",
    "I have to get out of bed and march about, which helps.",
    "Once I stand up and shift about they stop.",
    "Pottering around the house fixes it for a while",
    "jiggling them under the desk is the only thing that calms it",
    "It eases off within a minute if I walk about the garden.",
    "better when I'm pacing",
    "rubbing and stretching them brings some relief",
])
def test_moving_that_helps(text: str) -> None:
    assert relief(text) == [True]


@pytest.mark.parametrize(("text", "expect"), [
    ("my calves cramp after a short walk and ease when I stop", [False]),
    ("it goes when I stop and stretch", [True]),
    ("can't stop moving my legs, help", []),
    ("cramp in my foot, can't move it, help", []),
    ("the spasm wouldn't ease even when I stretched it", [False]),
    ("walking round never really helps", [False]),
])
def test_moving_that_helps_traps(text: str, expect: list) -> None:
    assert relief(text) == expect

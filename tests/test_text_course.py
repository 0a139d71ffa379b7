"""How the movements go over time, said as a comparison with the past (src/legcheck/text/
course.py), and worse in the evening said the short way."""

from __future__ import annotations

import pytest

from readings import check


@pytest.mark.parametrize(("text", "expect"), [
    ("my calf twitches, and it's worse than it was three weeks ago", True),
    ("The jerks are more frequent than last month.", True),
    ("thigh twitching, stronger than at first", True),
    ("the twitching isn't worse than in September", False),
    ("my restless legs are better than they were a few weeks ago", False),
    ("calf still flickers but a bit better now", False),
    ("my legs twitch, then it settles and I sleep", None),  # an episode that ends, not the course
    ("she rubs her shins and then settles", None),
])
def test_getting_worse_against_the_past(text: str, expect: bool | None) -> None:
    check(text, {"getting_worse": expect})


@pytest.mark.parametrize(("text", "expect"), [
    ("legs restless, worse evenings", True),
    ("my calves twitch, worse at nights", True),
    ("I can't keep my legs still, it's not at night especially, it's all day", False),
    ("restless legs, not especially worse in the evening", False),
])
def test_worse_in_the_evening(text: str, expect: bool) -> None:
    check(text, {"worse_in_evening": expect})

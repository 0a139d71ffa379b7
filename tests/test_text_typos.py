"""Misspelt words read as the word meant (src/legcheck/text/typos.py), and the traps: real English
words a slip away from ours are never corrected."""

from __future__ import annotations

import pytest

from legcheck.api import default_knowledge
from legcheck.text.pipeline import known_words
from legcheck.text.typos import Speller
from readings import read


@pytest.fixture(scope="module")
def speller() -> Speller:
    return Speller(known_words(default_knowledge()))


@pytest.mark.parametrize(("text", "finding"), [
    ("my calf has been twtiching for a week", "visible_flicker"),  # two letters swapped
    ("numbnesss in my foot", "numbness_tingling"),  # a letter held down
    ("my legs are twitchinggg", "visible_flicker"),
    ("my leg is so weeak", "weakness"),  # a letter doubled
    ("twitchng calf", "visible_flicker"),  # a letter left out
    ("numbess in my foot", "numbness_tingling"),
    ("sooo much crampinggg at night", "painful_cramp"),
    ("my speech is slurrred", "slurred_speech"),
    ("I've been feeling very confussed", "confusion"),
])
def test_a_slip_reads_as_the_word_meant(text: str, finding: str) -> None:
    assert read(text).get(finding) is True


@pytest.mark.parametrize("word", ["witches", "camping", "seating", "chillin", "witching",
                                  "tumble", "switch", "single", "turning", "painted", "meeting"])
def test_a_real_word_is_never_corrected(speller: Speller, word: str) -> None:
    assert speller.correct(word) is None


@pytest.mark.parametrize(("text", "finding"), [
    ("we went camping last week and my calf twitches", "painful_cramp"),
    ("my leg randomly kicks out when im chillin on the sofa", "shivering"),
    ("up at the witching hour again", "visible_flicker"),
])
def test_real_words_near_ours_say_nothing(text: str, finding: str) -> None:
    assert finding not in read(text)


def test_a_short_word_or_two_known_words_is_left_alone(speller: Speller) -> None:
    assert speller.correct("wek") is None  # too short to tell
    assert speller.correct("twitching") is None  # already ours


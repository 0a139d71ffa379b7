"""Word forms read as one (src/legcheck/text/wordforms.py): a word that strengthens or softens
inside a phrase ("periods are very heavy"), and the trap: a denial there is not one."""

from __future__ import annotations

import pytest

from readings import check, read


@pytest.mark.parametrize(("text", "finding", "value"), [
    ("my periods are very heavy", "heavy_periods", True),
    ("my heart is really racing", "palpitations", True),
    ("speech is a bit slurred", "slurred_speech", True),
    ("breathing is very hard", "trouble_breathing", True),
    ("my balance is still fine", "trouble_walking", False),
    ("my legs are so weak", "weakness_both_legs", True),
])
def test_a_word_that_strengthens_or_softens_inside_a_phrase(text: str, finding: str,
                                                            value: bool) -> None:
    assert read(text).get(finding) is value


def test_a_denial_after_the_linking_verb_is_not_an_intensifier() -> None:
    assert read("my periods are not heavy").get("heavy_periods") is not True
    assert read("my speech is not slurred").get("slurred_speech") is not True


@pytest.mark.parametrize(("text", "expect"), [
    ("it dosent hurt", {"painful_cramp": False}),
    ("my calf twitches but it Did'nt hurt", {"painful_cramp": False}),
    ("Havnt had any numbness", {"numbness_tingling": False}),
    ("no weakness n no numbness", {"weakness": False, "numbness_tingling": False}),
    ("my hubby says i kick all nite", {"partner_sees_kicks": True, "timing": "during_sleep"}),
    ("no probs with my balance", {"trouble_walking": False}),
    ("twitching w/o any weakness", {"weakness": False}),
])
def test_text_speak_and_misspelt_negatives(text: str, expect: dict) -> None:
    found = read(text)
    assert {fid: found.get(fid) for fid in expect} == expect, found


def test_a_misspelt_negative_does_not_hide_what_is_said_before_it() -> None:
    found = read("my leg gave way, it dosent hurt")
    assert found.get("weakness") is True and found.get("painful_cramp") is False


def test_a_time_inside_a_longer_phrase_still_counts() -> None:
    found = read("wife says I kick in my sleep")
    assert found.get("partner_sees_kicks") is True and found.get("timing") == "during_sleep"
    # a place inside a phrase names what the phrase is about, not where the jerks are
    assert read("I woke with a bitten tongue").get("location") is None


def test_a_part_and_what_it_does_with_a_word_that_says_it_goes_on() -> None:
    from legcheck.text.wordforms import phrase_variants

    said = set(phrase_variants("hands cramping"))
    assert {"hands keep cramping", "hands are cramping", "hands have been cramping"} <= said
    assert set(phrase_variants("falling asleep")) == {"falling asleep"}
    assert set(phrase_variants("keep moving")) == {"keep moving"}
    assert "in the groin" in " ".join(phrase_variants("numbness in my groin"))


@pytest.mark.parametrize(("text", "expect"), [
    ("vision blurry since the morning", {"vision_problems": True}),
    ("my vision is blurry", {"vision_problems": True}),
    ("periods heavy, iron low", {"heavy_periods": True, "low_iron": True}),
    ("temperature high last night", {"fever": True}),
    ("breathing difficult", {"trouble_breathing": True}),
    ("memory poor lately", {"memory_problems": True}),
])
def test_a_describing_word_after_its_noun(text: str, expect: dict) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "expect"), [
    ("my blood results came back bad", {"back_pain_down_leg": None}),
    ("my blood pressure is high", {"fever": None}),
])
def test_a_swapped_pair_outside_the_list_is_not_read(text: str, expect: dict) -> None:
    check(text, expect)

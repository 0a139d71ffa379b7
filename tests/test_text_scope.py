"""Where a denial or a hedge stops holding (src/legcheck/text/scope.py): a denial that runs only
up to a time reports the finding ("no weakness until today"), and a soft hedge about one's own
symptom still reports it ("my leg might be a bit weak"); the traps keep whole denials whole and
fears uncertain."""

from __future__ import annotations

import pytest

from readings import check


@pytest.mark.parametrize(("text", "expect"), [
    ("no weakness until today when my leg gave way", {"weakness": True}),
    ("I had no weakness until today", {"weakness": True}),
    ("never had any numbness before this week", {"numbness_tingling": True}),
    ("I wasn't numb till I sat down on Sunday", {"numbness_tingling": True}),
    ("didn't have any trouble walking up until yesterday", {"trouble_walking": True}),
    ("no slurring before this morning", {"slurred_speech": True}),
])
def test_a_denial_that_ends_at_a_time_reports_the_finding(text: str, expect: dict) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "expect"), [
    ("no weakness before or since", {"weakness": False}),
    ("never had numbness, before or after the jerks", {"numbness_tingling": False}),
    ("no weakness. It started before Christmas.", {"weakness": False}),
    ("strength was fine until yesterday", {"weakness": None}),
])
def test_a_whole_denial_stays_a_denial(text: str, expect: dict) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "expect"), [
    ("I think my leg might be a bit weak", {"weakness": True}),
    ("maybe a bit of numbness in my toes", {"numbness_tingling": True}),
    ("my speech is probably a little slurred", {"slurred_speech": True}),
    ("kind of tingly in my feet", {"numbness_tingling": True}),
    ("I don't think I have any weakness", {"weakness": False}),
])
def test_a_softly_hedged_symptom_is_reported(text: str, expect: dict) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "expect"), [
    ("scared it might be weakness starting", {"weakness": None}),
    ("worried I might have MS", {}),
    ("is it weakness?", {"weakness": None}),
    ("what if it's numbness", {"numbness_tingling": None}),
    ("I'm maybe diabetic, not sure", {"diabetes": None}),
    ("could be a slipped disc", {"back_pain_down_leg": None}),
])
def test_fears_questions_and_hedged_histories_stay_uncertain(text: str, expect: dict) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "expect"), [
    ("weakness? not that I know of", {"weakness": False}),
    ("numbness - dont think so", {"numbness_tingling": False}),
    ("Weakness? I don't think so", {"weakness": False}),
    ("twitching on and off, weakness not as far as I know", {"weakness": False}),
    ("Weakness: N", {"weakness": False}),
    ("numbness: nope. weakness: also no", {"numbness_tingling": False, "weakness": False}),
    ("numbness I haven't had", {"numbness_tingling": False}),
    ("weakness i dont have", {"weakness": False}),
    ("slurred speech, never had it", {"slurred_speech": False}),
    ("Weakness: absent", {"weakness": False}),
    ("numbness (none)", {"numbness_tingling": False}),
    ("Weakness - haven't noticed any", {"weakness": False}),
    ("Numbness, I have none", {"numbness_tingling": False}),
    ("weakness — none here", {"weakness": False}),
])
def test_a_hedged_or_closing_denial_after_the_finding(text: str, expect: dict) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "expect"), [
    # the denial is followed by more: the finding is new, not denied
    ("numbness I haven't had before", {"numbness_tingling": True}),
    # a run-on: the denial after "I" belongs to what follows
    ("I have weakness I don't have numbness", {"weakness": True, "numbness_tingling": False}),
    ("my calf twitches I don't have any pain", {"visible_flicker": True}),
    ("I have weakness, not that I know why", {"weakness": True}),
    ("weakness? yes. Numbness? N", {"weakness": True, "numbness_tingling": False}),
    ("calf twitch - don't know why", {"visible_flicker": True}),
    ("weakness: Y", {"weakness": True}),
    ("leg gave way - not sure why", {"weakness": True}),
    ("my leg gave way - it's not weak usually", {"weakness": True}),
    ("calf twitches, no idea why", {"visible_flicker": True}),
])
def test_closing_denials_do_not_reach_a_reported_finding(text: str, expect: dict) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "expect"), [
    # a run-on: a denial does not reach a warning sign said after a new subject
    ("no numbness my leg gave way yesterday", {"numbness_tingling": False, "weakness": True}),
    ("dont have numbness my speech is slurred",
     {"numbness_tingling": False, "slurred_speech": True}),
    ("no pain my calf twitches all day", {"painful_cramp": False, "visible_flicker": True}),
    # traps: the same words inside one statement still deny
    ("no weakness in my legs", {"weakness": False}),
    ("I haven't noticed my speech being slurred", {"slurred_speech": False}),
    ("no numbness i can walk fine", {"numbness_tingling": False, "trouble_walking": False}),
])
def test_a_run_on_starts_a_new_statement_at_a_new_subject(text: str, expect: dict) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "expect"), [
    ("no weakness apart from my left hand", {"weakness": True}),
    ("no numbness except in my toes", {"numbness_tingling": True}),
    ("not much numbness but some", {"numbness_tingling": True}),
    ("no cramps except at night", {"painful_cramp": True}),
    ("not weak at all except when I'm tired", {"weakness": True}),
])
def test_a_denial_taken_back_in_part_reports_the_finding(text: str, expect: dict) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "expect"), [
    ("no weakness other than feeling tired", {"weakness": False}),
    ("no weakness, just my calf twitching", {"weakness": False, "visible_flicker": True}),
    ("no numbness, only twitching", {"numbness_tingling": False}),
])
def test_an_exception_naming_something_else_keeps_the_denial(text: str, expect: dict) -> None:
    check(text, expect)

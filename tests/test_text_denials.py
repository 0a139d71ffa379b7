"""How people deny a finding: a body function called normal, a problem with it denied, an
ability kept, denials before and after the finding, and the traps where the same words do not
deny (loss of a function, comparisons, "fine until", a doctor ruling something out)."""

from __future__ import annotations

import pytest

from readings import check, read


@pytest.mark.parametrize(("text", "expect"), [
    ("Strength is normal in both legs.", {"weakness": False}),
    ("Bladder and bowels are fine.", {"bladder_bowel_change": False}),
    ("Eyesight ok.", {"vision_problems": False}),
    ("My face looks normal in the mirror.", {"face_drooping": False}),
    ("Swallowing's fine.", {"trouble_swallowing": False}),
    ("Breathing ok.", {"trouble_breathing": False}),
    ("Temperature normal.", {"fever": False}),
    ("my grip is as strong as ever", {"weakness": False}),
    ("my vision is unaffected", {"vision_problems": False}),
    ("peeing and pooing as usual", {"bladder_bowel_change": False}),
    ("my memory is as good as it's always been", {"memory_problems": False}),
    ("sensation is normal", {"numbness_tingling": False}),
    ("my speech hasn't changed", {"slurred_speech": False}),
    ("waterworks fine", {"bladder_bowel_change": False}),
    ("toilet habits unchanged", {"bladder_bowel_change": False}),
    ("Eyes, speech and balance all fine.",
     {"vision_problems": False, "slurred_speech": False, "trouble_walking": False}),
    ("breathing and swallowing are fine",
     {"trouble_breathing": False, "trouble_swallowing": False}),
    ("Bladder: no issues.", {"bladder_bowel_change": False}),
    ("hands are fine", {"hand_spasms": False}),
    ("periods are normal", {"heavy_periods": False}),
])
def test_a_function_called_normal_after_it(text: str, expect: dict) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "expect"), [
    ("normal bladder and bowel function", {"bladder_bowel_change": False}),
    ("good balance, clear speech", {"trouble_walking": False, "slurred_speech": False}),
    ("still able to walk miles", {"trouble_walking": False}),
    ("I can still grip things", {"weakness": False}),
])
def test_a_function_called_normal_before_it(text: str, expect: dict) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "expect"), [
    ("No problems walking.", {"trouble_walking": False}),
    ("nothing wrong with my speech or eyesight",
     {"slurred_speech": False, "vision_problems": False}),
    ("no issues going to the toilet", {"bladder_bowel_change": False}),
    ("I haven't had any trouble with my balance", {"trouble_walking": False}),
    ("balance isn't a problem", {"trouble_walking": False}),
])
def test_a_problem_with_a_function_denied(text: str, expect: dict) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "expect"), [
    ("can stand on tiptoes no problem", {"weakness": False}),
    ("I can grip things normally", {"weakness": False}),
    ("can talk normally", {"slurred_speech": False}),
    ("I can swallow fine", {"trouble_swallowing": False}),
    ("can see fine", {"vision_problems": False}),
    ("I can climb stairs fine", {"weakness": False}),
    ("seeing normally", {"vision_problems": False}),
    ("I'm walking and talking fine", {"trouble_walking": False, "slurred_speech": False}),
])
def test_an_ability_kept(text: str, expect: dict) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "expect"), [
    ("I have never had any numbness.", {"numbness_tingling": False}),
    ("Haven't noticed any weakness.", {"weakness": False}),
    ("not a hint of weakness", {"weakness": False}),
    ("neither weakness nor numbness", {"weakness": False, "numbness_tingling": False}),
    ("no fever, confusion or slurred speech",
     {"fever": False, "confusion": False, "slurred_speech": False}),
    ("No temp.", {"fever": False}),
    ("no tongue biting", {"tongue_biting": False}),
    ("no falls", {"trouble_walking": False}),
    ("the twitching hasn't spread", {"spreading": False}),
    ("it stays in the one spot", {"spreading": False}),
    ("no feeling of weakness", {"weakness": False, "numbness_tingling": None}),
    ("no feeling of falling, just twitching",
     {"feeling_of_falling": False, "visible_flicker": True, "numbness_tingling": None}),
    ("feet don't burn", {"burning_feet": False}),
    ("not rhythmic", {"rhythmic_jerking": False}),
    ("no bites or cuts", {"wound_or_toxin": False}),
])
def test_a_denial_before_the_finding(text: str, expect: dict) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "expect"), [
    ("numbness hasn't happened", {"numbness_tingling": False}),
    ("weakness hasn't been an issue", {"weakness": False}),
    ("pain-free", {"painful_cramp": False}),
    ("slurring - not that I've noticed", {"slurred_speech": False}),
    ("weakness isn't a problem, but my calf twitches",
     {"weakness": False, "visible_flicker": True}),
])
def test_a_denial_after_the_finding(text: str, expect: dict) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "expect"), [
    ("my walking is fine but my balance is off", {"trouble_walking": True}),
    ("I have no balance", {"trouble_walking": True}),
    ("I can't grip anything", {"weakness": True}),
    ("not able to grip things", {"weakness": None}),
    ("not strong at all any more", {"weakness": None}),
    ("my balance is not fine", {"trouble_walking": None}),
    ("balance isn't good", {"trouble_walking": None}),
    ("balance is worse than normal", {"trouble_walking": None}),
    ("calves twitch more than normal", {"weakness": None, "trouble_walking": None}),
    ("my walking was fine until last week, now I keep tripping", {"trouble_walking": True}),
    ("walking is good for it", {"trouble_walking": None}),
    ("I walk the dog as well", {"trouble_walking": None}),
    ("I'm feeling fine otherwise", {"numbness_tingling": None}),
    ("speech is slurred, walking fine", {"slurred_speech": True, "trouble_walking": False}),
    ("The doctor wants to rule out MS. My calf twitches.", {"visible_flicker": True}),
])
def test_words_that_do_not_deny(text: str, expect: dict) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "expect"), [
    ("no weakness and numbness", {"weakness": False, "numbness_tingling": False}),
    ("I don't have any weakness and any numbness",
     {"weakness": False, "numbness_tingling": False}),
    ("no fevers, chills or sweats", {"fever": False, "shivering": False, "sweating": False}),
    ("numbness: nil", {"numbness_tingling": False}),
    # a movement after "and" is the complaint, not part of the denied list
    ("no weakness and twitching all day", {"weakness": False, "visible_flicker": True}),
    ("no weakness and my calf twitches", {"weakness": False, "visible_flicker": True}),
    # "and" after something not denied carries nothing
    ("my calf twitches and numbness in my foot", {"numbness_tingling": True}),
])
def test_a_denied_list_joined_by_and(text: str, expect: dict) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "expect"), [
    ("my legs haven't given way", {"weakness": False}),
    ("haven't lost any strength", {"weakness": False}),
    ("I have full control of my bladder", {"bladder_bowel_change": False}),
    ("no numbness down below", {"saddle_numbness": False}),
    ("no facial weakness", {"face_drooping": False}),
    ("no trouble getting words out", {"slurred_speech": False}),
    ("I'm fully alert", {"confusion": False}),
])
def test_lay_words_for_deniable_warning_signs(text: str, expect: dict) -> None:
    check(text, expect)


def test_a_time_clause_is_not_a_function_called_normal() -> None:
    assert "trouble_walking" not in read("when I walk it's fine, it twitches at rest")
    assert read("I walk fine")["trouble_walking"] is False


@pytest.mark.parametrize(("text", "finding"), [
    ("I'm still able to walk but with difficulty", "trouble_walking"),
    ("walking is fine, just slower than it was", "trouble_walking"),
    ("I can walk ok with a stick", "trouble_walking"),
    ("my grip is fine but only for a few seconds", "weakness"),
    ("walking is fine, just about", "trouble_walking"),
    ("still able to stand, barely", "trouble_walking"),
])
def test_normal_taken_back_in_the_same_breath_denies_nothing(text: str, finding: str) -> None:
    """A warning sign wrongly read as absent would hide it from the answer's list of signs still
    to ask about; "normal" that is taken back straight away must not deny it."""
    assert read(text).get(finding) is not False, read(text)


@pytest.mark.parametrize(("text", "expect"), [
    # a warning sign after a comma is said, not denied by a "no" before the comma ...
    ("not numb, face drooping on one side", {"numbness_tingling": False, "face_drooping": True}),
    ("no numbness, slurred speech since this morning", {"slurred_speech": True}),
    ("no numbness or tingling, speech slurred", {"numbness_tingling": False,
                                                 "slurred_speech": True}),
    ("calf twitching. no pain, face drooping", {"face_drooping": True}),  # a statement
    # ... unless the list is plainly one of denied things, joined by or / nor
    ("no weakness, numbness or slurred speech", {"weakness": False, "slurred_speech": False}),
    ("no numbness, weakness or pain", {"numbness_tingling": False, "weakness": False}),
    ("no numbness, no weakness", {"numbness_tingling": False, "weakness": False}),
    ("no fever, no confusion, no weakness; calf twitching for a week",
     {"fever": False, "confusion": False, "weakness": False}),
    # symptoms that are not warning signs keep the plain list reading
    ("no weakness, numbness", {"weakness": False, "numbness_tingling": False}),
    # a longer list, an "or" further on, or a bare last item stays a list of denied things
    ("No weakness, confusion, fever, or trouble walking",
     {"weakness": False, "confusion": False, "fever": False, "trouble_walking": False}),
    ("no weakness, numbness, slurred speech, face drooping.",
     {"slurred_speech": False, "face_drooping": False}),
    ("Not weak, confused, feverish or numb", {"confusion": False, "fever": False}),
    ("no fever, confusion", {"fever": False, "confusion": False}),
    ("no weakness, slurred speech", {"weakness": False, "slurred_speech": False}),
])
def test_a_warning_sign_past_a_comma(text: str, expect: dict) -> None:
    check(text, expect)


def test_a_though_that_ends_the_clause_takes_nothing_back() -> None:
    assert read("Got a cold, no temperature though.").get("fever") is False
    assert read("walking is fine though.").get("trouble_walking") is False
    assert read("walking is fine though slower than before").get("trouble_walking") is None


@pytest.mark.parametrize(("text", "expect"), [
    ("my muscles don't look any smaller", {"muscle_wasting": False}),
    ("the calf hasn't shrunk", {"muscle_wasting": False}),
    ("she wakes up easily", {"hard_to_wake": False}),
    ("he's easy to rouse", {"hard_to_wake": False}),
    ("she is her normal self", {"confusion": False}),
    ("dad is back to himself now", {"confusion": False}),
    ("no numbness in the groin", {"saddle_numbness": False}),
    ("no tingling between the legs", {"saddle_numbness": False}),
])
def test_lay_denials_of_warning_signs_and_wasting(text: str, expect: dict) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "expect"), [
    ("she isn't her normal self", {"confusion": True}),
    ("mum is not quite herself today", {"confusion": True}),
    ("he's not his usual self and hard to wake", {"confusion": True, "hard_to_wake": True}),
    ("numbness in the groin since this morning", {"saddle_numbness": True}),
    ("my calf looks smaller than the other", {"muscle_wasting": True}),
])
def test_the_same_words_reporting_the_sign(text: str, expect: dict) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "expect"), [
    ("I've not lost any weight", {"weight_loss": False}),
    ("she's alert and knew who we were", {"confusion": False}),
    ("fully awake and chatting", {"hard_to_wake": False}),
    ("stayed conscious throughout and could answer me", {"loss_of_awareness": False}),
    ("face is symmetrical", {"face_drooping": False}),
    ("it's not any worse", {"getting_worse": False}),
    ("it's not worse sitting or standing", {"getting_worse": None}),
    ("no dents or thinning", {"muscle_wasting": False}),
    ("I can feel when I wipe", {"saddle_numbness": False}),
    ("feeling down below is normal", {"saddle_numbness": False}),
    ("my partner hasn't noticed anything at night", {"partner_sees_kicks": False}),
    ("no jerks in my sleep according to my wife", {"partner_sees_kicks": False}),
])
def test_lay_words_for_a_state_that_denies(text: str, expect: dict) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "expect"), [
    ("she's not alert", {"confusion": True}),
    ("he isn't with it today", {"confusion": True}),
    ("I can live with it", {"confusion": None}),
    ("none of this is making sense", {"confusion": None}),
    ("he couldn't answer me", {"loss_of_awareness": True}),
    ("it's getting worse", {"getting_worse": True}),
    ("my partner has noticed me kicking", {"partner_sees_kicks": True}),
])
def test_the_opposite_state_or_other_senses(text: str, expect: dict) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "expect"), [
    ("numbness, none.", {"numbness_tingling": False}),
    ("weakness, none at all", {"weakness": False}),
    ("Weakness = no", {"weakness": False}),
    ("weakness is not something I have", {"weakness": False}),
    ("numbness, none of which worries me", {"numbness_tingling": True}),
    ("cramps, never had numbness", {"painful_cramp": True, "numbness_tingling": False}),
    ("I get twitches, never stops", {"visible_flicker": True}),
])
def test_short_answers_after_a_comma_or_an_equals_sign(text: str, expect: dict) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "expect"), [
    ("it never hurts", {"painful_cramp": False}),
    ("no recent illness", {"recent_infection": False}),
    ("heart isn't racing", {"palpitations": False}),
    ("breathing is easy", {"trouble_breathing": False}),
    ("swallowing comfortably", {"trouble_swallowing": False}),
    ("walking is easy at first, then my legs give way", {"trouble_walking": None}),
    ("my heart is racing", {"palpitations": True}),
])
def test_more_everyday_denials(text: str, expect: dict) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "expect"), [
    # "before in my life", "up to now": the whole past or so far, so the denial holds ...
    ("I've never had slurred speech before in my life", {"slurred_speech": False}),
    ("I've had no slurred speech up to now, only eyelid twitching", {"slurred_speech": False}),
    ("no weakness till now", {"weakness": False}),
    ("no problems with my speech up to now", {"slurred_speech": False}),
    # ... unless a change follows
    ("no problem breathing until now, now I'm struggling", {"trouble_breathing": True}),
    ("never had numbness before this week", {"numbness_tingling": True}),
])
def test_a_denial_of_the_whole_past_holds(text: str, expect: dict) -> None:
    check(text, expect)

"""Symptoms named in someone else's question are not reported, and a denial pointing back at
them ("none of those", "I said no to the lot") denies each one."""

from __future__ import annotations

import pytest

from readings import check, read


@pytest.mark.parametrize(("text", "expect"), [
    ("My thighs twitch. The nurse asked about numbness, weakness and choking - I said no to the "
     "lot.", {"numbness_tingling": False, "weakness": False, "trouble_swallowing": False,
              "visible_flicker": True}),
    ("Calf cramps most nights. My doctor asked me about weakness and tingling; I don't have "
     "either of those.", {"weakness": False, "numbness_tingling": False, "painful_cramp": True}),
    ("The leaflet lists warning signs: slurred speech, a drooping face, losing control of your "
     "bladder. None of that applies to me. My calf flickers.",
     {"slurred_speech": False, "face_drooping": False, "bladder_bowel_change": False,
      "visible_flicker": True}),
    ("Form question: fever, confusion or a stiff back? None of the above. Jerks for 4 days.",
     {"fever": False, "confusion": False}),
    ("She asked: any kicking in your sleep, any daytime sleepiness, any fever. No, no and no.",
     {"daytime_sleepiness": False, "fever": False}),
    ("Weakness, numbness, trouble swallowing? Neither, thank God, just twitches.",
     {"weakness": False, "numbness_tingling": False, "trouble_swallowing": False,
      "visible_flicker": True}),
])
def test_a_denial_pointing_back_denies_each_named_symptom(text: str, expect: dict) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "expect"), [
    # the list in the denial's own sentence starts at the question, not before it
    ("My left leg is weak and the GP asked about numbness and choking - neither.",
     {"weakness": True, "numbness_tingling": False, "trouble_swallowing": False}),
    # a sentence that is neither a question nor a list is not pointed back at
    ("My legs feel weak. None of those things worry me, though. The twitches do.",
     {"weakness": True}),
    # "neither" that does not open a clause is not a denial
    ("My calves twitch and neither my GP nor I know why; my legs feel weak.",
     {"weakness": True, "visible_flicker": True}),
    # a movement on the list stays the person's own
    ("Twitching, weakness and wasting were what the page listed; none of those for me apart "
     "from the twitching.", {"weakness": False, "muscle_wasting": False}),
])
def test_a_denial_pointing_back_reaches_only_the_list(text: str, expect: dict) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "absent"), [
    ("The neurologist asked whether I had any weakness or trouble swallowing. My calf twitches.",
     ["weakness", "trouble_swallowing"]),
    ("The NHS page says to look out for muscle loss and slurred speech. I get cramps.",
     ["muscle_wasting", "slurred_speech"]),
])
def test_a_symptom_named_in_a_question_is_not_reported(text: str, absent: list) -> None:
    assert not set(absent) & set(read(text))


@pytest.mark.parametrize(("text", "expect"), [
    # asked about one's own symptom, or answered yes: still reported
    ("I asked my GP about my numbness; my feet tingle.", {"numbness_tingling": True}),
    ("The GP asked whether the twitching was spreading; my calf twitches every day.",
     {"visible_flicker": True}),
    # a statement of normal inside a list of answers still counts
    ("They asked loads of questions so here goes: not confused, walking fine.",
     {"confusion": False, "trouble_walking": False}),
])
def test_what_the_person_says_of_themselves_still_counts(text: str, expect: dict) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "expect"), [
    # a movement called one's own inside a fear is still the person's
    ("What if these jerks of mine are a seizure?", {"limb_jerk": True}),
    ("Could my twitches turn into ALS one day?", {"visible_flicker": True}),
    # "mine" after the movements were named of someone else, or in a question
    ("My brother gets calf cramps. Mine come at night too.", {"painful_cramp": True}),
    ("Do twitches ever just stop? Mine are in my thighs, mostly at my desk.",
     {"visible_flicker": True, "location": "both_legs"}),
])
def test_the_persons_own_movements_inside_a_fear_or_after_another(text: str,
                                                                  expect: dict) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "absent"), [
    ("What if my legs start jerking one day?", ["limb_jerk"]),
    ("My brother gets calf cramps. I'm scared of getting them.", ["painful_cramp"]),
])
def test_a_feared_or_anothers_movement_stays_unreported(text: str, absent: list) -> None:
    assert not set(absent) & set(read(text))


@pytest.mark.parametrize(("text", "expect"), [
    ("What if it is ALS? I don't have any weakness.", {"weakness": False}),
    ("Any weakness? I don't think so.", {"weakness": False}),
])
def test_a_denial_after_a_real_question_is_its_own_sentence(text: str, expect: dict) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "expect"), [
    ("It began in one calf and has spread to my thighs and arms.",
     {"spreading": True, "getting_worse": True}),
    ("It has spread to my other leg, though it's no worse than before.",
     {"spreading": True, "getting_worse": False}),
])
def test_spreading_to_more_places_is_getting_worse(text: str, expect: dict) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "harm"), [
    ("I hurt myself at the gym and since then my calf cramps.", None),
    ("Mum slipped on the ice and hurt herself; her legs jerk at night.", None),
    ("I stand up and walk to end it when my calf cramps.", None),
    ("Some nights I want to hurt myself, the jerks are that bad.", True),
    ("When it gets bad I hurt myself.", True),
    ("I keep thinking I could hurt myself at night.", True),
])
def test_hurting_oneself_by_accident_is_not_a_wish_to(text: str, harm: bool | None) -> None:
    assert read(text).get("thoughts_of_self_harm") is harm


@pytest.mark.parametrize(("text", "expect"), [
    ("The GP asked if I'd had thoughts of harming myself - no, never.",
     {"thoughts_of_self_harm": False}),
    ("Doc tested my strength and said it's spot on.", {"weakness": False}),
    ("I don't trip or stumble, and my calves twitch.", {"trouble_walking": False}),
    ("No numbness, no back problems.", {"back_pain_down_leg": False}),
    ("While I was pregnant with my daughter I had restless legs; I'm not pregnant now.",
     {"pregnant": False}),
    ("The page says check for numbness round your bottom - neither, luckily.",
     {"saddle_numbness": False}),
])
def test_answers_and_plain_denials(text: str, expect: dict) -> None:
    check(text, expect)


@pytest.mark.parametrize("text", [
    "My calves ache like I've run a marathon, yet I've done nothing.",
    "I usually run 10k twice a week; my calf twitches.",
])
def test_exercise_as_a_likeness_or_a_habit_is_not_recent_hard_exercise(text: str) -> None:
    assert "hard_exercise" not in read(text)

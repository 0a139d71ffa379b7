"""Ways of writing that differ from the textbook: dropped g's ("sittin"), Scots ("nae", "cannae"),
and other voices people type in."""

from __future__ import annotations

import pytest

from legcheck.text.typos import with_g_restored
from readings import check, read


@pytest.mark.parametrize(("written", "meant"), [
    ("when I'm sittin at my desk", "when I'm sitting at my desk"),
    ("legs jumpin' all night", "legs jumping all night"),
    ("popcorn goin off", "popcorn going off"),
    ("TWITCHIN", "TWITCHING"),
    ("thin skin within my cousin's cabin", "thin skin within my cousin's cabin"),
    ("a muffin and a raisin", "a muffin and a raisin"),
])
def test_a_dropped_g_is_restored_only_where_no_english_word_is_meant(written: str,
                                                                      meant: str) -> None:
    assert with_g_restored(written) == meant


@pytest.mark.parametrize(("text", "expect"), [
    ("Me left calf's been jumpin when I'm sittin at the desk in work.",
     {"visible_flicker": True, "worse_at_rest": True, "location": "one_spot"}),
    ("This mornin the shin muscle's twitchin, nae cramp, nae numbness.",
     {"visible_flicker": True, "painful_cramp": False, "numbness_tingling": False}),
    ("Ma legs are gaun mental, I cannae keep them still.", {"urge_to_move": True}),
    ("My calf flickers but it disnae hurt and there's nae weakness.",
     {"visible_flicker": True, "painful_cramp": False, "weakness": False}),
    ("I dinnae have any numbness, just the twitchin in ma thigh.",
     {"numbness_tingling": False, "visible_flicker": True}),
])
def test_dialect_and_dropped_letters_are_read(text: str, expect: dict) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "expect"), [
    # a spot away from the legs counts with a movement beside it, or said "too" after one
    ("My right thigh flickers on and off. Also my eyelid.", {"location": "several_body_parts"}),
    ("Cramps in my calves and sometimes my belly.", {"location": "several_body_parts"}),
    ("My calf twitches and my cheek twitches as well.", {"location": "several_body_parts"}),
    ("My left calf twitches; my cheek is sore from the dentist.", {"location": "one_spot"}),
    # a hand that "goes to sleep" is numb for a moment: not a place of the movements, not sleep
    ("Both calves twitch. My hand keeps going to sleep at the desk.",
     {"location": "both_legs", "timing": None}),
])
def test_where_the_movements_are_beyond_the_legs(text: str, expect: dict) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "expect"), [
    ("Pins and needles (no - only my foot going to sleep), cramps (yes, in my calves)",
     {"numbness_tingling": False, "painful_cramp": True}),
    ("weakness - no - but my calves twitch", {"weakness": False, "visible_flicker": True}),
])
def test_a_no_in_brackets_or_between_dashes_answers_the_item(text: str, expect: dict) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "expect"), [
    # a place said to be fine, sore or itchy is not where the movements are
    ("My left calf twitches. Right leg's fine.", {"location": "one_spot"}),
    ("My neck has been killing me and my right thigh flickers.", {"location": "one_spot"}),
    ("Achy all over with this cold, and both calves twitch.", {"location": "both_legs"}),
    # a muscle given its side by what follows
    ("Pain down my right leg. Calf twitches on that side too.", {"location": "one_spot"}),
    # a whole leg jerking, with a muscle of it rippling, is one leg
    ("My thigh ripples and my whole leg jerks out on the sofa.", {"location": "one_leg"}),
])
def test_what_is_said_of_a_place_decides_if_it_counts(text: str, expect: dict) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "expect"), [
    ("Cramp in my right calf last night. 3 mins.", {"cramp_over_10_minutes": False}),
    ("Foot cramps at night, usually over in a couple of minutes.",
     {"cramp_over_10_minutes": False}),
    ("Thigh cramp this morning. 25 minutes.", {"cramp_over_10_minutes": True}),
])
def test_a_cramps_length_said_on_its_own(text: str, expect: dict) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "absent"), [
    ("My partner counted 40 kicks an hour while I slept.", ["episodes_per_day"]),
    ("A flicker on my shin, a few times an hour, not a cramp.", ["cramp_over_10_minutes"]),
    ("Cramps in both hamstrings in the last 20 minutes of a match.",
     ["cramp_over_10_minutes"]),
])
def test_a_rate_or_a_moment_is_not_a_count_or_a_length(text: str, absent: list) -> None:
    assert not set(absent) & set(read(text))


@pytest.mark.parametrize(("text", "expect"), [
    ("Foot cramps wake me around 4am, two or three nights a week.", {"timing": "during_sleep"}),
    ("Woke at 2am yelling, my left calf knotted.", {"timing": "during_sleep"}),
    ("Legs kicking in my sleep, according to nobody but the bruises on the bed.",
     {"timing": "during_sleep"}),
    ("While she's fast asleep her legs jerk every half minute.", {"timing": "during_sleep"}),
    ("My calves cramp when I play hockey.", {"timing": "after_exercise"}),
    ("After my first boxing session my arms and legs twitched.", {"timing": "after_exercise"}),
    # barely able to wake someone is not being woken by the movements
    ("Dad's legs have been jerking since lunch and we can hardly wake him.", {"timing": None}),
])
def test_when_said_with_waking_sleep_or_sport(text: str, expect: dict) -> None:
    check(text, expect)


@pytest.mark.parametrize("text", [
    "On lamotrigine, no change. My legs jerk in the mornings.",
    "My thigh twitches but my strength is exactly the same.",
    "No change to my tablets. My calves twitch.",
])
def test_no_change_said_of_something_else_is_not_the_course(text: str) -> None:
    assert "getting_worse" not in read(text)


def test_no_change_said_of_the_twitching_is_the_course() -> None:
    check("My calf twitches, no change over the last month.", {"getting_worse": False})


@pytest.mark.parametrize(("text", "expect"), [
    ("Crawly calves every evening; a wander round the house sorts me out.",
     {"relieved_by_moving": True}),
    ("That eases off while I'm walking, then it's back when I sit.",
     {"relieved_by_moving": True}),
    ("Night cramps in my calf. Pulling my toes back towards me helps.",
     {"relieved_by_moving": True}),
    ("Restless legs: yes. Does walking help: yes.", {"relieved_by_moving": True}),
    ("My thigh is locked in a cramp and nothing shifts it, not even stretching.",
     {"relieved_by_moving": False}),
    ("A calf cramp at night that he can't stretch away.", {"relieved_by_moving": False}),
    ("My legs get restless, especially at bedtime.", {"worse_in_evening": True}),
    ("I couldn't lie still all night, my legs felt awful.", {"urge_to_move": True}),
])
def test_relief_and_restlessness_said_plainly(text: str, expect: dict) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "expect"), [
    ("His calf muscles keep twitching when he's on the sofa.", {"location": "both_legs"}),
    ("At the edge of sleep the whole of me jolts.", {"location": "several_body_parts"}),
    ("The big toe on the left flickers on its own.", {"location": "one_spot"}),
    ("Problem: calf twitch, right, for 3 days.", {"location": "one_spot"}),
    ("Thigh twitches, right after the gym.", {"location": None}),
])
def test_where_said_in_other_orders(text: str, expect: dict) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "expect"), [
    ("My heart was going at 130 and my legs jerked.", {"palpitations": True}),
    ("My left thigh is noticeably thinner than the right.", {"muscle_wasting": True}),
    ("Her words are making no sense today.", {"confusion": True}),
    ("I can't manage the stairs any more; my foot drops when I walk.",
     {"trouble_walking": True}),
    ("Reduced kidney function, they told me.", {"kidney_disease": True}),
    ("I'm roasting while everybody else wears a coat.", {"heat_intolerance": True}),
    ("Something wriggling beneath the skin of my calf.", {"visible_flicker": True}),
    ("My weight hasn't budged.", {"weight_loss": False}),
])
def test_lay_words_for_other_findings(text: str, expect: dict) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "expect"), [
    # one side of the body, as the warning sign asks (face, arm or leg)
    ("My left arm and left leg lost their strength for ten minutes.",
     {"weakness": True, "one_sided_weakness": True}),
    ("My right leg suddenly gave way and I can't lift it, tingling all down that side.",
     {"one_sided_weakness": True}),
    # a leg weak with a trapped nerve's pain is not one side of the body
    ("Sciatica: pain shooting down my right leg, which feels weak.",
     {"weakness": True, "one_sided_weakness": None}),
    ("I keep thinking my family would be better if I wasn't here.",
     {"thoughts_of_self_harm": True}),
])
def test_warning_signs_said_plainly(text: str, expect: dict) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "expect"), [
    # not remembering kicks in one's sleep is being asleep, not a blackout
    ("My husband says I kick all night; I don't remember any of it.",
     {"loss_of_awareness": None, "partner_sees_kicks": True}),
    # wetting oneself in a fit is the fit's sign, as the rules say
    ("I came round on the floor with a bitten tongue and had wet myself.",
     {"tongue_biting": True, "bladder_bowel_change": None}),
    ("Lately I keep wetting myself and my legs feel weak.", {"bladder_bowel_change": True}),
    ("Had fits as a toddler, nothing since. My calves twitch.", {"loss_of_awareness": None}),
    ("Mum and my brother both have RLS and I've started getting it too, in the evenings.",
     {"urge_to_move": True}),
    # a medicine described by its kind is one medicine
    ("They put him on linezolid, an antibiotic, this week.",
     {"medicine_change": ["other_serotonergic"]}),
])
def test_whose_and_which_in_context(text: str, expect: dict) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "days"), [
    ("I had flu 10 days ago, ever since then my calves have been twitching.", 10),
    ("Came off my tablets a fortnight ago. Ever since, my legs jerk at night.", 14),
    ("Started the patches about 3 weeks ago. Since around then my legs are restless.", 21),
])
def test_a_movement_tied_to_an_earlier_event_takes_its_date(text: str, days: int) -> None:
    check(text, {"duration_days": days})


@pytest.mark.parametrize(("text", "expect"), [
    ("Pregnant with my first, 30 weeks, and my calves cramp at night.", {"duration_days": None}),
    ("Had a bad back about 4 years back, long gone. Now my thighs twitch.",
     {"duration_days": None}),
    ("My calves started twitching 2 years back.", {"duration_days": 730}),
])
def test_dates_of_other_things_said_another_way(text: str, expect: dict) -> None:
    check(text, expect)


@pytest.mark.parametrize("text", [
    "My calves twitch when I finally sit down.",
    "My thighs twitch whenever I'm resting.",
])
def test_a_rest_said_with_an_adverb_or_a_participle(text: str) -> None:
    check(text, {"worse_at_rest": True})

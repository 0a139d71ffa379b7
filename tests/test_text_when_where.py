"""When and where the movements are (src/legcheck/text/reader.py): a time, a rest or a place
counts only for the movements. Said in a sentence about something else (coffee, sleepiness, a
weakness), or in a text that states no movement at all, it says nothing about them."""

from __future__ import annotations

import pytest

from readings import check


@pytest.mark.parametrize(("text", "expect"), [
    # a time that belongs to another finding in its sentence
    ("My thigh twitches. I have two coffees in the morning.",
     {"visible_flicker": True, "timing": None}),
    ("His legs jerk. He is very hard to wake in the mornings.",
     {"limb_jerk": True, "timing": None}),
    ("My calves flicker. I'm exhausted and doze off at work after lunch.",
     {"visible_flicker": True, "timing": None, "worse_at_rest": None}),
    # a place that belongs to another finding, or to a denied movement
    ("My left thigh keeps flickering. I'm not weak, I'm on my feet all day at work.",
     {"location": "one_spot"}),
    ("My right calf twitches. No cramps in my legs.", {"location": "one_spot"}),
    # said together with the movement, it stands
    ("My legs jerk in the evenings on the sofa.",
     {"limb_jerk": True, "location": "both_legs", "timing": "evening"}),
])
def test_said_of_another_finding(text: str, expect: dict) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "expect"), [
    ("numb tingling left leg, worse sitting", {"location": None, "timing": None}),
    ("I have back pain and both legs feel heavy since this morning", {"location": None}),
    ("tingling in my feet that climbs to my knees, in the evenings", {"location": None,
                                                                     "timing": None}),
])
def test_no_movement_said(text: str, expect: dict) -> None:
    check(text, expect)


def test_another_persons_legs() -> None:
    check("My husband started a new tablet and now he can't keep his legs still",
          {"urge_to_move": True, "location": "both_legs"})


@pytest.mark.parametrize(("text", "expect"), [
    # several places on one side are one leg; the two sides are both legs
    ("The back of my left knee flickers, and my left ankle too.", {"location": "one_leg"}),
    ("twitching in my right shin and my right foot", {"location": "one_leg"}),
    ("First my left hamstring, now my right calf twitches as well.", {"location": "both_legs"}),
    # one muscle after the leg it is in stays one spot
    ("My leg keeps twitching. It's the left thigh, just above the knee.",
     {"location": "one_spot"}),
    ("a twitch in one spot on the sole of my left foot", {"location": "one_spot"}),
    # a leg with another part is several body parts
    ("my eyelid twitches and so does my left calf", {"location": "several_body_parts"}),
    ("eye twitch and thigh twitch all week", {"location": "several_body_parts"}),
    ("My whole body jerks as I doze off, legs most of all.",
     {"location": "several_body_parts"}),
    # a muscle named with no owner or side says no more than "a leg"
    ("thigh cramps at night", {"painful_cramp": True, "location": None}),
    ("Twitching in calf, 3 weeks", {"visible_flicker": True, "location": None}),
    ("My husband's thigh twitches when he lies down", {"location": "one_spot"}),
    # the name of the complaint says nothing of where
    ("I've had restless legs for years, worse lately", {"urge_to_move": True, "location": None}),
    ("RLS again, can't settle", {"location": None}),
    ("my legs feel restless at night", {"urge_to_move": True, "location": "both_legs"}),
    # not where the movements are
    ("My left leg twitches. Last week I had pain moving my right eye.",
     {"location": "one_leg"}),
    ("my teeth grind and jaw aches, and both calves twitch", {"location": "both_legs"}),
    ("My left arm is twitching all over", {"location": "several_body_parts"}),
    ("My right leg twitches all over, thigh and calf", {"location": "one_leg"}),
])
def test_where_the_movements_are(text: str, expect: dict) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "expect"), [
    # falling asleep said with a verb of going off, in any person
    ("my legs give a big jerk as I'm going under", {"timing": "falling_asleep"}),
    ("Whole body jolts when I try to sleep", {"timing": "falling_asleep"}),
    ("he gets these jerks just as he's drifting into sleep", {"timing": "falling_asleep"}),
    ("my thigh jumps when I'm trying to get to sleep", {"timing": "falling_asleep"}),
    ("my calves twitch before I drop off", {"timing": "evening"}),
    # a rest that is part of falling asleep is not a rest that brings it on
    ("Legs jerk as I nod off on the settee after tea",
     {"timing": "falling_asleep", "worse_at_rest": None}),
    # lying down, or a rest at night, says no time of day
    ("my calves twitch when I lie down", {"worse_at_rest": True, "timing": None}),
    ("my thighs twitch while lying in bed", {"worse_at_rest": True, "timing": None}),
    ("my calves twitch when I'm lying down in the afternoon",
     {"worse_at_rest": True, "timing": "at_rest"}),
    ("my calf ripples when I'm seated in my armchair", {"worse_at_rest": True,
                                                        "timing": "at_rest"}),
    # a clock time is not a time of sleep, nor "night-time" which time of the night
    ("night-time calf cramps in both legs", {"painful_cramp": True, "timing": None}),
    ("still twitching at 2am, can't stop moving my legs", {"timing": None}),
])
def test_when(text: str, expect: dict) -> None:
    check(text, expect)


@pytest.mark.parametrize("text", [
    "My dog's back legs kick and twitch when he's asleep, is he dreaming?",
    "our cat twitches in her sleep",
])
def test_a_pet(text: str) -> None:
    check(text, {"visible_flicker": None, "limb_jerk": None, "timing": None, "location": None})


def test_our_son() -> None:
    check("Our son (12) gets big jerks just as he drops off.",
          {"limb_jerk": True, "timing": "falling_asleep"})


@pytest.mark.parametrize(("text", "expect"), [
    # legs that jump are jerks as well as twitches; a muscle that jumps is a twitch only
    ("both my legs keep twitching and jumping tonight", {"limb_jerk": True}),
    ("legs feel restless and jumpy whenever I sit", {"limb_jerk": True}),
    ("my calf muscle is jumping", {"limb_jerk": None, "visible_flicker": True}),
    ("my legs don't jump, it's just a flicker", {"limb_jerk": None}),
    # a heart that thumps is not a muscle twitching
    ("cramps in both calves, and my heart's thumping", {"visible_flicker": None}),
    # kicks a partner has never seen are not denied jerks
    ("My husband has never seen me kick in my sleep. My left calf cramps at 4am though.",
     {"partner_sees_kicks": False, "limb_jerk": None}),
])
def test_kinds_of_movement(text: str, expect: dict) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "expect"), [
    # woken by it
    ("Dad gets cramp in both calves that wakes him from sleep", {"timing": "during_sleep"}),
    ("She wakes most nights with her feet cramping", {"timing": "during_sleep"}),
    ("A 3am wake-up thanks to my right calf cramping again", {"timing": "during_sleep"}),
    # during or after exercise
    ("my feet cramp after zumba", {"timing": "after_exercise"}),
    ("he gets calf cramps during matches and afterwards", {"timing": "after_exercise"}),
    ("my left thigh twitches after I work out", {"timing": "after_exercise"}),
    ("both calves cramp when I walk up a hill", {"timing": "after_exercise"}),
    # what moving relieves is not when it comes
    ("urge to move my legs, better when walking", {"timing": None}),
    ("restless legs in the evening, only stops when I walk around", {"timing": "evening"}),
])
def test_woken_or_exercising(text: str, expect: dict) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "expect"), [
    # "all over" as finished
    ("Had flu last week, all over now, but my calves still cramp",
     {"spreading": None, "location": "both_legs"}),
    ("twitches all over my body lately", {"location": "several_body_parts"}),
    # a leg named with no owner or side is somewhere in a leg
    ("leg twitching on and off", {"visible_flicker": True, "location": None}),
    ("eyelid and leg flickering since Monday", {"location": "several_body_parts"}),
    # lifting a sofa is not exercise
    ("my left calf twitches since lifting a wardrobe", {"timing": None}),
])
def test_words_that_look_like_where_or_when(text: str, expect: dict) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "expect"), [
    ("the second I sit down my legs get restless", {"worse_at_rest": True}),
    ("as soon as she lies down her calves twitch", {"worse_at_rest": True}),
    ("my legs twitch and I get up as soon as I sit up", {"worse_at_rest": None}),
    ("Calves twitch. My GP booked a scan to put my mind at rest.",
     {"worse_at_rest": None, "timing": None}),
])
def test_at_rest(text: str, expect: dict) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "expect"), [
    ("restless legs at bedtime, like lemonade bubbling under the skin",
     {"urge_to_move": True, "visible_flicker": None}),
    ("it feels like fizzy pop under the skin of my shins", {"visible_flicker": None}),
    ("my thigh ripples, like something moving under the skin", {"visible_flicker": True}),
])
def test_felt_not_seen(text: str, expect: dict) -> None:
    check(text, expect)

"""More everyday wordings (vocab9): warning signs said plainly, a heart that flutters (not a
twitch), a comparison with the past that is not a past episode, a sister called "sis", and the
timing, partner and course readings of the movements."""

from __future__ import annotations

import pytest

from readings import check


@pytest.mark.parametrize(("text", "expect"), [
    ("some nights I think my family would be better off without me",
     {"thoughts_of_self_harm": True}),
    ("I've wondered about just ending things", {"thoughts_of_self_harm": True}),
    ("since yesterday I can hardly get my breath", {"trouble_breathing": True}),
    ("it's gone numb round my bum and privates", {"saddle_numbness": True}),
    ("I can barely feel anything when I wipe", {"saddle_numbness": True}),
    ("this morning I couldn't pee at all", {"bladder_bowel_change": True}),
    ("a pain that runs from my lower back down my right leg", {"back_pain_down_leg": True}),
    ("the ache goes from my back into both my legs",
     {"pain_down_both_legs": True, "back_pain_down_leg": True}),
    ("I almost went down on the stairs at work", {"trouble_walking": True}),
    ("my toes keep catching on kerbs", {"trouble_walking": True}),
    ("my right foot flops when I walk", {"trouble_walking": True}),
    ("I can't get up from a squat any more", {"weakness": True}),
    ("I've started dropping mugs", {"weakness": True}),
    ("my legs give out halfway up the hill", {"weakness": True, "weakness_both_legs": True}),
    ("the physio tested me and my strength was spot on", {"weakness": False}),
    ("my right eye went blurry for a while", {"vision_problems": True}),
    ("she keeps seeing insects on the wall", {"confusion": True}),
    ("he was saying strange things all afternoon", {"confusion": True}),
    ("the next thing I knew the paramedics were there", {"loss_of_awareness": True}),
    ("I've barely passed any water since Sunday", {"reduced_urine": True}),
    ("I'm weeing less than I used to", {"reduced_urine": True}),
    ("my heart keeps hammering", {"palpitations": True}),
    ("my heart's doing funny flutters tonight", {"palpitations": True, "visible_flicker": None}),
    ("my memory's gone downhill this year", {"memory_problems": True}),
    ("the muscle at the base of my thumb has sunk in", {"muscle_wasting": True}),
    ("I had a head cold last week", {"recent_infection": True}),
    ("I'm boiling hot and shivery tonight", {"fever": True}),
    ("I'm roasting while everyone else is in jumpers", {"heat_intolerance": True}),
    ("my liver is cirrhotic", {"liver_disease": True}),
    ("my soles feel like they're on hot coals", {"burning_feet": True}),
    ("my little sis has CMT", {"family_history_neuromuscular": True}),
    ("my mother had a hereditary neuropathy", {"family_history_neuromuscular": True}),
])
def test_plain_wordings(text: str, expect: dict) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "expect"), [
    ("my friend has a neuropathy from chemo", {"family_history_neuromuscular": None}),
    ("I used to get cramps as a kid", {"painful_cramp": None}),
    ("the jerks come less often than they used to", {"getting_worse": False}),
])
def test_traps_and_comparisons(text: str, expect: dict) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "expect"), [
    ("according to my husband I kick him most of the night", {"partner_sees_kicks": True}),
    ("my girlfriend counted the kicks one night: thirty of them", {"partner_sees_kicks": True}),
    ("himself says I kick like a donkey in bed", {"partner_sees_kicks": True}),
    ("she hurt herself, and my legs kick", {"partner_sees_kicks": None}),
    ("once he's asleep his legs start jerking", {"timing": "during_sleep"}),
    ("mornings I feel like a zombie, and my wife says I kick in my sleep",
     {"daytime_sleepiness": True, "timing": "during_sleep"}),
    ("I'm wrecked all day from the broken nights", {"daytime_sleepiness": True}),
    ("he keeps nodding off in meetings", {"daytime_sleepiness": True}),
    ("my leg jerks just as I start to go under", {"timing": "falling_asleep"}),
    ("my calves twitch after long runs", {"timing": "after_exercise"}),
    ("by the evening my feet cramp", {"timing": "evening"}),
    ("fine in the morning, but by evening my legs won't stay put",
     {"timing": "evening", "urge_to_move": True}),
    ("my legs won't keep still on long flights", {"urge_to_move": True}),
    ("I can't sit through a film because of my legs", {"urge_to_move": True}),
    ("the creepy feeling settles when I pace", {"relieved_by_moving": True}),
    ("stretching did nothing, my calves still cramp",
     {"relieved_by_moving": False, "painful_cramp": True}),
    ("at night my legs 'jump' and wake me", {"limb_jerk": True}),
    ("my legs are hopping on the sofa", {"limb_jerk": True}),
    ("it began in one calf and has spread into my thighs", {"spreading": True}),
    ("twitching in my back, my arms, everywhere now", {"spreading": True}),
    ("it's slowly worse each month", {"getting_worse": True}),
    ("the cramps are exactly the same as in the summer", {"getting_worse": False}),
    ("my calf still twitches, about the same, if anything less", {"getting_worse": False}),
])
def test_sleep_partner_time_and_course(text: str, expect: dict) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "expect"), [
    ("I drink the fizzy kind of water, and my calf twitches", {"urge_to_move": None}),
    ("lying wide awake again at 3am, my calves cramp", {"hard_to_wake": None}),
    ("the restless feeling kicks off earlier in the afternoon now", {"limb_jerk": None}),
    ("his memory has been going downhill for years", {"memory_problems": True,
                                                     "getting_worse": None}),
    ("we're not in the same bed, just the same room", {"getting_worse": None}),
])
def test_sleep_and_course_traps(text: str, expect: dict) -> None:
    check(text, expect)

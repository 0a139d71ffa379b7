"""Values that belong to something else, and values tied to the movements: durations, drinks,
sleep, age and sex, and medicine changes, read through the whole text reader."""

from __future__ import annotations

from datetime import date

import pytest

from legcheck.api import default_knowledge
from legcheck.engine.result import json_value
from legcheck.text import read_text

TODAY = date(2026, 11, 24)  # a Tuesday


def read(text: str) -> dict:
    reading = read_text(default_knowledge(), text, today=TODAY)
    return {fid: json_value(o.value) for fid, o in reading.observations.items()}


# (text, {finding: expected value}, [findings that must not be read])
DURATIONS = [
    # a date that belongs to something else
    ("Thirty weeks along with my first, and my calves cramp every night.", {},
     ["duration_days"]),
    ("32 weeks, second baby. My legs twitch in bed.", {}, ["duration_days"]),
    ("My hip operation is in 4 weeks. Meanwhile my thigh keeps twitching.", {},
     ["duration_days"]),
    ("I am woman, 48 years, and my legs jump in the night.", {}, ["duration_days"]),
    ("Broke my ankle six years ago, healed fine. Now the odd twitch in my calf.", {},
     ["duration_days"]),
    ("Vegetarian for 12 years. My calves twitch.", {}, ["duration_days"]),
    ("Had cramps for a fortnight back in 2021 but they went. Just wondering.", {},
     ["duration_days"]),
    ("Amitriptyline started 9 days ago for nerve pain. Now my mouth is dry.", {},
     ["duration_days"]),
    ("came off tramadol 3 days ago after a year on it. legs jumpy, can't settle", {},
     ["duration_days"]),
    ("They tripled the dose of my water tablet 6 days ago. My calves cramp at night.", {},
     ["duration_days"]),
    ("It's been a hectic few weeks at work. My eyelid flickers.", {}, ["duration_days"]),
    ("Bad flu about 3 weeks ago. Since Thursday my feet have been twitching.",
     {"duration_days": 5}, []),
    # a date the movements are tied to
    ("Changed from citalopram to venlafaxine eight days ago and ever since my legs jerk at "
     "night.", {"duration_days": 8}, []),
    ("My tablets were changed at the clinic three weeks ago: one added, one stopped. My "
     "calves have cramped ever since.", {"duration_days": 21}, []),
    ("Got an anti-sickness jab four days ago. Since then my legs won't keep still.",
     {"duration_days": 4}, []),
    ("Been on fluoxetine 20mg for 2 weeks. Since starting it my legs twitch at night.",
     {"duration_days": 14}, []),
    ("Night cramps in both calves since I began the new water pill, five weeks ago.",
     {"duration_days": 35}, []),
    # date forms
    ("My calf has twitched since about the 12th.", {"duration_days": 12}, []),
    ("Thigh flickering since the 3rd of the month.", {"duration_days": 21}, []),
    ("Leg jerks. Started 11/10.", {"duration_days": 14}, []),
    ("Calf twitching since 20/11.", {"duration_days": 4}, []),
    ("The restless legs started late October.", {"duration_days": 30}, []),
    ("Cramps since roughly Bonfire Night.", {"duration_days": 19}, []),
    ("My shin has twitched since the gym session on Saturday.", {"duration_days": 3}, []),
    ("Tingling began in my heels on Friday and now my legs twitch.", {"duration_days": 4},
     []),
    ("thigh twitching again, 4th day in a row", {"duration_days": 3}, []),
    ("Within the last hour my legs have started jerking.", {"duration_days": 0}, []),
    ("The past fortnight my calves have twitched.", {"duration_days": 14}, []),
    ("Jerks for 3 weeks - no wait, since the 5th of the month.", {"duration_days": 19}, []),
]


@pytest.mark.parametrize("text,expect,absent", DURATIONS, ids=lambda v: str(v)[:40])
def test_duration(text: str, expect: dict, absent: list) -> None:
    found = read(text)
    for finding_id, value in expect.items():
        assert finding_id in found, f"{finding_id} not read from {text!r}: {found}"
        assert found[finding_id] == pytest.approx(value, abs=0.6), (text, found)
    for finding_id in absent:
        assert finding_id not in found, f"{finding_id} wrongly read from {text!r}: {found}"


DRINKS_AND_SLEEP = [
    ("I get through 6 glasses of water a day.", {}, ["alcohol_units_per_week"]),
    ("Three cans of Pepsi a day keeps me going.", {"caffeine_cups_per_day": 3},
     ["alcohol_units_per_week"]),
    ("2 bottles of soda a day, mostly at work.", {"caffeine_cups_per_day": 2},
     ["alcohol_units_per_week"]),
    ("I have three 16-oz cans of Mountain Dew daily.", {"caffeine_cups_per_day": 3},
     ["alcohol_units_per_week"]),
    ("Tea x4, no coffee.", {"caffeine_cups_per_day": 4}, []),
    ("Coffee 3/day.", {"caffeine_cups_per_day": 3}, []),
    ("Caffeine: I'd say 4ish.", {"caffeine_cups_per_day": 4}, []),
    ("energy drinks to stay awake on nights, maybe 2 a shift", {"caffeine_cups_per_day": 2},
     []),
    ("I have 3 teas a day, well, more like 6 really.", {"caffeine_cups_per_day": 6}, []),
    ("Beers: 4 pints on a Thursday and 2 on a Sunday.", {"alcohol_units_per_week": 12}, []),
    ("Out Tues and Sat, 4 pints each night plus 2 shots.", {"alcohol_units_per_week": 20},
     []),
    ("a glass of red with my tea (so 7 a week)", {"alcohol_units_per_week": 14}, []),
    ("a pint or two most nights", {"alcohol_units_per_week": 15}, []),
    ("2 double whiskies every night", {"alcohol_units_per_week": 28}, []),
    ("a glass of wine about 4 nights a week", {"alcohol_units_per_week": 8}, []),
    ("Drinks: pretty much none.", {"alcohol_units_per_week": 0}, []),
    ("I sleep somewhere between 6 and 8 hours.", {"sleep_hours": 7}, []),
    ("Surviving on 4-5 hours with the new baby.", {"sleep_hours": 4.5}, []),
    ("My husband sleeps 7 hours and his legs jerk all night.", {"sleep_hours": 7}, []),
    ("Exhausted despite 9 hours.", {"sleep_hours": 9}, []),
    ("Red Bulls at work, maybe 4 a shift, and my calf twitches.", {"caffeine_cups_per_day": 4},
     ["episodes_per_day"]),
    ("My legs jerk. Taking Sudafed, 3 a day.", {}, ["episodes_per_day"]),
]


@pytest.mark.parametrize("text,expect,absent", DRINKS_AND_SLEEP, ids=lambda v: str(v)[:40])
def test_drinks_and_sleep(text: str, expect: dict, absent: list) -> None:
    test_duration(text, expect, absent)


PEOPLE = [
    ("Runner here (F, 29). My calves twitch after long runs.", {"age": 29, "sex": "female"}, []),
    ("Plumber, 47. Cramps in my feet most nights.", {"age": 47}, []),
    ("I am a retired nurse of sixty-eight years and my legs jerk at night.", {"age": 68}, []),
    ("A widow of seventy-nine, I get cramps in my calves.", {"age": 79, "sex": "female"}, []),
    ("I am woman, 44 years. My legs twitch.", {"age": 44, "sex": "female"}, []),
    ("33-year-old fella, my thigh flickers.", {"age": 33, "sex": "male"}, []),
    ("New mum here, my legs go restless every evening.", {"sex": "female"}, []),
    ("Dad of three, my calf twitches when I sit down.", {"sex": "male"}, []),
    ("My legs cramp at night. Yours sincerely, Mrs J. Patel", {"sex": "female"}, []),
    ("My 6-month-old son's legs jerk as he drops off.", {"age": 0.5, "sex": "male"}, []),
    ("Husband here. My wife kicks in her sleep all night.", {"sex": "female"}, []),
    ("The home started Dad on risperidone and now he's stiff. He's 90.",
     {"sex": "male", "age": 90}, []),
]


@pytest.mark.parametrize("text,expect,absent", PEOPLE, ids=lambda v: str(v)[:40])
def test_age_and_sex(text: str, expect: dict, absent: list) -> None:
    test_duration(text, expect, absent)


MEDICINES = [
    ("The doctor took me off quinine in October and the cramps came back.",
     {"medicine_change": ["other"]}, []),
    ("Began carbimazole on Thursday for my thyroid; now my legs twitch.",
     {"medicine_change": ["other"]}, []),
    ("Two weeks on duloxetine and my legs won't keep still.",
     {"medicine_change": ["ssri_snri"]}, []),
    ("On pramipexole for 3 years. The dose was increased last month and it's worse.",
     {"medicine_change": ["other"]}, []),
    ("Started ferrous fumarate on Monday. Restless legs every evening.",
     {"medicine_change": ["other"]}, []),
    ("Finished a course of trimethoprim on Sunday and my calves cramp.",
     {"medicine_change": ["other"]}, []),
    ("Had some MDMA at a party on Saturday; legs still twitching.",
     {"medicine_change": ["recreational_drug"]}, []),
    ("Taking speed most weekends lately and my whole body twitches.",
     {"medicine_change": ["recreational_drug"]}, []),
    ("I have migraines (sumatriptan, no changes). My legs jerk as I fall asleep.",
     {"medicine_change": ["none"]}, []),
    ("On sertraline for 6 years and lisinopril for 3. Nothing new. Calves twitch.",
     {"medicine_change": ["none"]}, []),
    ("My lithium levels were high on the last blood test and my legs jerk.", {},
     ["medicine_change"]),
    ("The nurse wants me to start iron tablets but I haven't collected them yet. "
     "My legs are restless.", {}, ["medicine_change"]),
    ("I take simvastatin, which I have taken these ten years, and my calves cramp.", {},
     ["medicine_change"]),
    ("I use an inhaler, salbutamol, which the GP added a fortnight ago, and my legs twitch.",
     {"medicine_change": ["other"]}, []),
]


@pytest.mark.parametrize("text,expect,absent", MEDICINES, ids=lambda v: str(v)[:40])
def test_medicine_change(text: str, expect: dict, absent: list) -> None:
    found = read(text)
    for finding_id, value in expect.items():
        assert finding_id in found, f"{finding_id} not read from {text!r}: {found}"
        assert sorted(found[finding_id]) == sorted(value), (text, found)
    for finding_id in absent:
        assert finding_id not in found, f"{finding_id} wrongly read from {text!r}: {found}"

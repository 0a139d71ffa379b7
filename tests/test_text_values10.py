"""Values, tenth round: medicine changes said in other words (no change to the tablets, a dose
that went from one number to another, a stopped medicine once "used to" be taken), durations
that belong to something else, and age and sex said in other forms."""

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


def check(text: str, expect: dict, absent: list) -> None:
    found = read(text)
    for fid, value in expect.items():
        got = found.get(fid)
        if isinstance(value, list):
            assert sorted(got or []) == sorted(value), (fid, found)
        else:
            assert got == value, (fid, found)
    for fid in absent:
        assert fid not in found, (fid, found)


# (text, {finding: expected value}, [findings that must not be read])
MEDICINES = [
    ("My calves twitch at night. No change to my pills.", {"medicine_change": ["none"]},
     ["getting_worse"]),
    ("Thighs flicker when I sit. Nothing new meds-wise.", {"medicine_change": ["none"]}, []),
    ("Her water tablets are unchanged and her feet cramp every night.",
     {"medicine_change": ["none"]}, []),
    ("On the same sertraline dose as always, and my shins twitch.",
     {"medicine_change": ["none"]}, []),
    ("I take furosemide, on it since 2019, and my calves cramp.", {}, ["medicine_change"]),
    ("My thyroxine went from 50 to 75 a fortnight ago and now my calves ache.",
     {"medicine_change": ["other"]}, ["duration_days"]),
    ("Levo was raised from 75 to 100. Thighs twitch.", {"medicine_change": ["other"]}, []),
    ("The GP put me on amoxicillin on Friday and my legs keep jerking.",
     {"medicine_change": ["other"]}, []),
    ("Started torasemide last week for swollen ankles; the cramps are awful.",
     {"medicine_change": ["diuretic"]}, []),
    ("I used to take quinine at night but the GP stopped it last week. Now the cramps are back.",
     {"medicine_change": ["other"]}, []),
    ("I used to take quinine years ago.", {}, ["medicine_change"]),
    ("On pramipexole for my RLS 4 years. In the spring the neurologist raised me to a higher "
     "dose.", {"medicine_change": ["other"]}, []),
    ("Spent the weekend on coke and my legs won't stop twitching.",
     {"medicine_change": ["recreational_drug"]}, []),
    ("Did a couple of pills at a rave and now my legs are jumping.",
     {"medicine_change": ["recreational_drug"]}, []),
]


@pytest.mark.parametrize("text,expect,absent", MEDICINES, ids=lambda v: str(v)[:40])
def test_medicine_change(text: str, expect: dict, absent: list) -> None:
    check(text, expect, absent)


PEOPLE = [
    ("Our 5 month old baby boy startles and kicks as he nods off.", {"age": 0.42, "sex": "male"},
     []),
    ("My 3yo keeps jerking her legs in her sleep.", {"age": 3}, ["sex"]),
    ("Our 2 year old had a jerking fit of his arms this morning.", {"age": 2}, ["sex"]),
    ("Teacher, 52, calves twitch every evening.", {"age": 52}, []),
    ("My father have 74 years. He have cramp at night.", {"age": 74, "sex": "male"},
     ["duration_days"]),
    ("I am from Poland, 41 years. My thigh twitches.", {"age": 41}, ["duration_days"]),
    ("Asthmatic, 30 years. Legs twitch.", {}, ["age"]),
    ("76 year old grandma here, my feet cramp at night.", {"age": 76, "sex": "female"}, []),
    ("I have 2 years of these jerks now.", {"duration_days": 730}, ["age"]),
]


@pytest.mark.parametrize("text,expect,absent", PEOPLE, ids=lambda v: str(v)[:40])
def test_age_and_sex(text: str, expect: dict, absent: list) -> None:
    found = read(text)
    for fid, value in expect.items():
        if isinstance(value, float):
            assert found.get(fid) == pytest.approx(value, abs=0.02), (fid, found)
        else:
            assert found.get(fid) == value, (fid, found)
    for fid in absent:
        assert fid not in found, (fid, found)


COUNTS = [
    ("I jolt awake just as I'm nodding off. Not every night, about three times a week.",
     {"nights_per_week": 3}, []),
    ("hypnic jerks. most nights.", {"nights_per_week": 5}, []),
    ("coffee every night. legs fine", {}, ["nights_per_week"]),
    ("Night shifts have wrecked me, averaging 5-6 hours. My calves twitch.",
     {"sleep_hours": 5.5}, []),
    ("Calves twitch, averaging 3 hours of screen time a day.", {}, ["sleep_hours"]),
    ("I get 3 or 4 little jerks as I drift off.", {"episodes_per_day": 3.5}, []),
]


@pytest.mark.parametrize("text,expect,absent", COUNTS, ids=lambda v: str(v)[:40])
def test_counts(text: str, expect: dict, absent: list) -> None:
    found = read(text)
    for fid, value in expect.items():
        assert found.get(fid) == pytest.approx(value, abs=0.01), (fid, found)
    for fid in absent:
        assert fid not in found, (fid, found)


def test_dry_for_years_is_no_alcohol_and_no_duration() -> None:
    found = read("Been sober 3 years now and my calves cramp most nights.")
    assert found.get("alcohol_units_per_week") == 0
    assert found.get("stopped_alcohol_recently") is False
    assert "duration_days" not in found

"""Yes/no findings stated as a measure or a test result (src/legcheck/text/measures.py)."""

from __future__ import annotations

from datetime import date

import pytest

from legcheck.text.measures import read_measures


def read(text: str) -> dict:
    return {q.finding: q.value for q in read_measures(text.lower(), date(2026, 11, 24))}


@pytest.mark.parametrize(("text", "expect"), [
    ("Also lost 3kg without trying.", {"weight_loss": True}),
    ("lost half a stone without trying", {"weight_loss": True}),
    ("I'm down about 10 lbs since summer", {"weight_loss": True}),
    ("my jeans feel baggy now", {"weight_loss": True}),
    ("my ferritin came back low (15)", {"low_iron": True}),
    ("My midwife tested my iron and it was low", {"low_iron": True}),
    ("haemoglobin was a bit low", {"low_iron": True}),
    ("did a brutal leg workout yesterday", {"hard_exercise": True}),
    ("cramps after my 10k this morning", {"hard_exercise": True}),
    ("ran 20 miles on Sunday", {"hard_exercise": True}),
    ("I worked out really hard yesterday", {"hard_exercise": True}),
])
def test_a_measure_or_result_states_the_finding(text: str, expect: dict) -> None:
    assert read(text) == expect


@pytest.mark.parametrize("text", [
    "my iron was not low", "ferritin wasn't low", "my thyroid levels are fine",
    "iron tablets, levels were ok until they dropped", "my iron levels are not good",
    "I lost 20 pounds at the casino", "lost 2kg of water weight", "I lost my keys",
    "my mood is low", "low energy", "had a long day at work", "I go for a long walk every day",
])
def test_traps_say_nothing(text: str) -> None:
    assert read(text) == {}


@pytest.mark.parametrize("text", [
    "iron levels are fine",
    "had an iron infusion years ago, levels have been fine since",
    "I was anaemic once but my bloods came back normal this time",
    "ferritin checked last month and it was ok",
])
def test_iron_named_then_called_normal_denies_low_iron(text: str) -> None:
    assert read(text) == {"low_iron": False}


@pytest.mark.parametrize(("text", "fever"), [
    ("temperature is 38.9", True), ("temp of 100.8F", True), ("temperature 39 degrees", True),
    ("my temp was 37.1", False), ("temperature 98.6", False),
])
def test_a_temperature_read_off_a_thermometer(text: str, fever: bool) -> None:
    assert read(text) == {"fever": fever}


@pytest.mark.parametrize("text", [
    "temp checked twice", "I'm 38 and my temperature feels fine", "temperature 37.8",
    "fever for 3 days",
])
def test_no_reading_or_a_borderline_one_says_nothing(text: str) -> None:
    assert "fever" not in read(text)

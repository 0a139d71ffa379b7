"""Yes/no findings stated as a measure, a test result or an effort: weight lost in kilos, pounds
or stone ("lost 3kg without trying", "down half a stone"), iron or ferritin that came back low
("my ferritin came back low (15)", "they tested my iron and it was low"), and a hard effort named
by its size ("a brutal leg workout", "after my 10k", "ran 20 miles"). Iron named and then its
levels called normal ("had an iron infusion, levels have been fine since") denies low iron; a
temperature read off a thermometer ("temp is 38.9", "100.8F") says fever or, at 35.5-37.4 C,
none; the phrases' `absent` entries deny the plainer forms ("iron is fine")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from legcheck.text.numbers import Quantity

_AMOUNT = (r"(?:about |around |nearly |almost |over |like |roughly |maybe |a good )?"
           r"(?:\d+(?:\.\d+)?|a|half a|a half|one|two|three|four|five|six|seven|eight|nine|ten|"
           r"a couple of|a few|several)\s*-?\s*")
_WEIGHT_LOST = re.compile(
    rf"\b(?:lost|dropped|shed|down|losing|dropping)\s+{_AMOUNT}"
    r"(?:kg|kgs|kilos?|kilograms?|lbs?|pounds?|stone|st)\b"
    r"(?!\s+(?:of (?:muscle|fat|water)|at the|on the|betting|gambling))"
    r"|\b(?:clothes|trousers|jeans) (?:are|feel) (?:loose|baggy|hanging off)")
_IRON_LOW = re.compile(
    r"\b(?:iron|ferritin|haemoglobin|hemoglobin|hb|iron stores|iron levels?)\b"
    r"[^.;!?\n]{0,40}?\b(?:came back|was|were|is|are|it was|it's|its|showed|being|been|a bit|"
    r"quite|very|really|too|slightly)?\s*(?<!not )(?<!n't )(?:low|deficient|on the low side|"
    r"borderline low|below normal|under range)\b")

# a result called normal after iron was named: "had an iron infusion, levels have been fine since"
_IRON_FINE = re.compile(
    r"\b(?:iron|ferritin|anaemi\w*|anemi\w*)\b[^.;!?\n]{0,60}?\b(?:levels?|bloods?|results?|"
    r"it|they)\s+(?:have |has )?(?:been |are |is |were |was |came back |come back )?"
    r"(?:fine|normal|ok|okay|good|great|healthy|in range)\b"
    r"(?!\s+(?:until|till|at first|then|before)\b)")

# a temperature read off a thermometer: 38 C (100.4 F) or more is a fever, 35.5 to 37.4 C is not
_TEMPERATURE = re.compile(
    r"\b(?:temp|temps|temperature|fever|running(?: at)?)\b[^.;!?\n\d]{0,20}?"
    r"(?P<value>\d{2,3}(?:\.\d)?)\s*"
    r"(?P<unit>°\s*[cf]|degrees?(?: [cf]| celsius| fahrenheit)?|c\b|f\b)?")


def _temperature(text: str) -> Iterator[Quantity]:
    found = _TEMPERATURE.search(text)
    if found is None:
        return
    value, unit = float(found.group("value")), (found.group("unit") or "").replace("°", "")
    celsius = (value - 32) * 5 / 9 if unit.strip().startswith("f") or value > 50 else value
    if 38 <= celsius <= 43 or 35.5 <= celsius < 37.5:
        yield Quantity("fever", celsius >= 38, found.group(0).strip())


_HARD = (r"(?:brutal|hard|heavy|intense|tough|killer|big|long|huge|massive|gruell?ing|crazy|"
         r"insane|punishing|exhausting|first|extra|double)")
_EFFORT = (r"(?:leg |cardio |gym |hiit |spin |circuit |weights |strength )?(?:workouts?|sessions?|"
           r"runs?|rides?|hikes?|training|class|classes|games?|matches?|swims?|climbs?)")
_DISTANCE = (r"\d+(?:\.\d+)?\s*(?:k|km|kms|kilometres|kilometers|miles?|mi)\b|(?:half )?marathon|"
             r"triathlon|ultra|race")
_HARD_EXERCISE = re.compile(
    rf"\b{_HARD}\s+{_EFFORT}\b"
    rf"|\b(?:after|since|did|ran|run|running|finished|completed|cycled|rode|walked|hiked|swam)\s+"
    rf"(?:my |a |the |an |about |over |nearly )?(?:first |long |)(?:{_DISTANCE})"
    r"|\b(?:worked out|trained|exercised|ran|cycled) (?:really |very |extra )?hard\b")


# exercise that is a likeness ("ache like I've run a marathon") or a habit ("I normally run 5k
# three times a week"), not hard exercise in the last day or two
_LIKENED = re.compile(r"\b(?:like|as if|as though)\b(?: i'?d| i'?ve| i had| i have)?"
                      r"(?: just| been)?(?: \w+){0,2}?\s*$")
_HABIT = re.compile(r"\b(?:normally|usually|generally|typically|regularly|often|always|used to)\b"
                    r"(?: \w+){0,2}\s*$")
_HABIT_AFTER = re.compile(r"^(?:\s+\w+){0,2}?\s+(?:\w+ times|once|twice|every|each|a|per) "
                          r"(?:a )?(?:week|month|weekend|year)\b")


def not_lately(text: str, start: int, end: int) -> bool:
    """The exercise at text[start:end] is a likeness or a habit (text in lower case)."""
    before = text[max(0, start - 30):start]
    return _LIKENED.search(before) is not None or _HABIT.search(before) is not None \
        or _HABIT_AFTER.match(text[end:end + 40]) is not None


def read_measures(text: str, today: date) -> Iterator[Quantity]:
    yield from _temperature(text)
    weight = _WEIGHT_LOST.search(text)
    if weight:
        yield Quantity("weight_loss", True, weight.group(0).strip())
    effort = next((m for m in _HARD_EXERCISE.finditer(text)
                   if not not_lately(text, m.start(), m.end())), None)
    if effort:
        yield Quantity("hard_exercise", True, effort.group(0).strip())
    iron = _IRON_LOW.search(text)
    if iron and not re.search(r"\b(?:not|n't|never)\b", iron.group(0)):
        yield Quantity("low_iron", True, iron.group(0).strip())
    elif (fine := _IRON_FINE.search(text)) and not re.search(r"\b(?:not|n't|never)\b",
                                                            fine.group(0)):
        yield Quantity("low_iron", False, fine.group(0).strip())

"""Yes/no findings stated as a measure or a test result: weight lost in kilos, pounds or stone
("lost 3kg without trying", "down half a stone"), and iron or ferritin that came back low ("my
ferritin came back low (15)", "they tested my iron and it was low"). A result called normal or
"not low" says nothing here (the phrases' `absent` entries deny it)."""

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


def read_measures(text: str, today: date) -> Iterator[Quantity]:
    weight = _WEIGHT_LOST.search(text)
    if weight:
        yield Quantity("weight_loss", True, weight.group(0).strip())
    iron = _IRON_LOW.search(text)
    if iron and not re.search(r"\b(?:not|n't|never)\b", iron.group(0)):
        yield Quantity("low_iron", True, iron.group(0).strip())

"""Numbers as people write them ("a couple of", "4 or 5"), and the sentence or clause a match
belongs to; shared by the readers of durations, amounts and people."""

from __future__ import annotations

import re
from dataclasses import dataclass

WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
         "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
         "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
         "a couple of": 2, "a couple": 2, "couple of": 2, "couple": 2, "a few": 3, "few": 3,
         "several": 4, "half a": 0.5, "half an": 0.5, "a dozen": 12, "dozens of": 30,
         "once": 1, "twice": 2}
_WORD = "|".join(sorted((re.escape(word) for word in WORDS), key=len, reverse=True))
NUM = rf"(?:\d+(?:\.\d+)?|{_WORD})"
RANGE = rf"(?<![A-Za-wyz0-9.])(?P<a>{NUM})(?:\s*(?:-|–|to|or)\s*(?P<b>{NUM}))?"
ABOUT = r"(?:~|about|around|roughly|approx\.?|approximately|maybe|like|nearly|almost|over|" \
        r"more than|at least|only|just|barely|a good|probably)?\s*"
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]
UNIT_DAYS = {"day": 1, "dy": 1, "week": 7, "wk": 7, "fortnight": 14, "month": 30, "mo": 30,
             "year": 365,
             "yr": 365}


@dataclass(frozen=True)
class Quantity:
    finding: str
    value: float | str | bool | tuple[str, ...]
    span: str
    # outweighs a phrase of the same yes/no finding: "quit drinking years ago" is not recent
    overrides: bool = False


def number(text: str) -> float:
    text = text.strip().lower()
    return float(text) if text[0].isdigit() else float(WORDS[text])


def range_value(match: re.Match[str]) -> float:
    low = number(match.group("a"))
    high = match.group("b")
    return (low + number(high)) / 2 if high else low

def sentence_of(text: str, match: re.Match[str]) -> str:
    return _between(text, match, _SENTENCE_END)


_SENTENCE_END = re.compile(r"[.!?;\n]")
_CLAUSE_END = re.compile(r"[.!?;\n,]|\band\b|\bbut\b|\bso\b")


def _between(text: str, match: re.Match[str], boundary: re.Pattern[str]) -> str:
    """The sentence or clause around a match."""
    start = max((b.end() for b in boundary.finditer(text, 0, match.start())), default=0)
    end = boundary.search(text, match.end())
    return text[start:end.start() if end else len(text)]


_MOVEMENT = re.compile(r"twitch|jerk|cramp|kick|spasm|flicker|jump|jolt|flutter|happen|ripple|"
                       r"restless|fizz|urge|crawl|creep|legs?\b|calf|calves|thigh|it does|"
                       r"they do|it goes|"
                       r"they come|comes and goes|going on|started|began|since then|ever since|"
                       r"had it|noticed|\brls\b")


def about_movement(text: str, match: re.Match[str], *, clause: bool = False) -> bool:
    """A number counts only in a sentence about the movements; with `clause`, only when its own
    clause is about them, or is about nothing else and sits in a text about them: "tired all the
    time, and my calf twitches" says nothing about how often it twitches, while "my calf twitches,
    maybe 10 times a day" does."""
    sentence = _between(text, match, _SENTENCE_END)
    if not clause:
        return _MOVEMENT.search(sentence) is not None
    part = _between(text, match, _CLAUSE_END)
    if _MOVEMENT.search(part):
        return True
    if _OTHER_SUBJECT.search(part):
        return False
    return _MOVEMENT.search(sentence) is not None or (
        len(part.split()) <= 6 and _MOVEMENT.search(text) is not None)


_OTHER_SUBJECT = re.compile(r"tired|sleep|drink|coffee|pint|wine|beer|lager|\bwork|gym|"
                            r"\beat(?:ing)?\b|\bpee|\bwee(?:ing)?\b|stress|smok|vape|\brun|\bwalk|swim|train")



_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9}
_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
          "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
         "seventy": 70, "eighty": 80, "ninety": 90}
_COMPOUND = re.compile(
    rf"\b(?P<tens>{'|'.join(_TENS)})[- ](?P<unit>{'|'.join(_UNITS)})\b"
    rf"|\b(?P<alone>{'|'.join([*_TEENS, *_TENS])})\b"
    r"|\b(?:a|one) hundred\b")
_AND_A_HALF = re.compile(rf"\b(?P<n>\d+|{'|'.join([*_UNITS, 'ten'])}) and a half\b")


def digits_for_words(text: str) -> str:
    """Numbers that the patterns do not know in words, as digits: "thirty-four" 34, "seventeen"
    17, "a hundred" 100, "two and a half" 2.5 ("a week and a half" is read as it is). Words the
    patterns already know alone ("two", "ten", "twelve") are left as they are."""
    def compound(match: re.Match[str]) -> str:
        if match.group("tens"):
            return str(_TENS[match.group("tens")] + _UNITS[match.group("unit")])
        if match.group("alone"):
            return str({**_TEENS, **_TENS}[match.group("alone")])
        return "100"

    def half(match: re.Match[str]) -> str:
        n = match.group("n")
        whole = int(n) if n.isdigit() else {**_UNITS, "ten": 10}[n]
        return f"{whole}.5"

    return _AND_A_HALF.sub(half, _COMPOUND.sub(compound, text))

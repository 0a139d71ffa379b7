"""How long the problem has gone on: "for three weeks", "since March", "since Halloween"."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from legcheck.text.numbers import (
    ABOUT,
    MONTHS,
    RANGE,
    UNIT_DAYS,
    Quantity,
    about_movement,
    range_value,
    sentence_of,
)

# ---- how long ---------------------------------------------------------------------------------
_DURATION = re.compile(
    rf"(?<![\w/])(?:for|since|past|last|over the (?:past|last)|the (?:past|last)|about|around|"
    rf"almost|nearly|over)?\s*{ABOUT}{RANGE}\s*(?P<unit>day|week|wk|fortnight|month|mo|year|yr)"
    rf"s?\b(?!\s*(?:a|an|per|each|every)\s+(?:day|night|week|month))(?!\s*old)(?!-old)")
_SINCE = re.compile(r"\bsince (?:(?P<rel>yesterday|last night|this morning|today|last week|"
                    r"last month|last year|the weekend)|(?:early |late |mid-?)?(?P<month>"
                    + "|".join(MONTHS) + r")|(?:the )?(?:new year|christmas))\b")
_VAGUE = {r"\b(?:over|in|for|during) the (?:last|past) (?:year|twelve months|12 months)\b": 365,
          r"\bsince (?:the )?(?:summer)\b": 120,
          r"\b(?:over|in|for|during) the (?:last|past) (?:few|couple of) months\b": 75,
          r"\b(?:over|in|for|during) the (?:last|past) month\b": 30,
          r"\b(?:over|in|for|during) the (?:last|past) (?:few|couple of) weeks\b": 18,
          r"\b(?:over|in|for|during) the (?:last|past) week\b": 7,
          r"\bfor (?:many )?years\b": 730,
          r"\b(?:started|began|begun|came on|happened)\s+(?:today|this morning|this afternoon|"
          r"an hour ago|earlier today)\b": 0,
          r"\b(?:started|began|begun|came on|happened)\s+(?:yesterday|last night)\b": 1,
          r"\b(?:this morning|earlier today|today|tonight)\b": 0}


_AMOUNT_BEFORE = re.compile(r"(?:times|hours?|hrs?|coffees?|cups?|drinks?|pints?|glass(?:es)?|"
                            r"cans?|units?|beers?|teas?|mugs?|shots?|litres?|liters?|bottles?|"
                            r"twice|once|x)\s*$")


def read_durations(text: str, today: date) -> Iterator[Quantity]:
    matches = [m for m in _DURATION.finditer(text) if _duration_counts(text, m)]
    explicit = [m for m in matches if re.match(r"\s*(?:for|since|past|last|over)\b", m.group(0))
                or re.match(r"\s*ago\b", text[m.end():])]
    for match in explicit or matches:
        said = match.group(0).strip()
        article = match.group("a") in ("a", "an") and not match.group("b")
        leading = re.match(r"(?:for|since|past|last|over|the|about|around|almost|nearly)\b",
                           said)
        trailing = re.match(r"\s*ago\b", text[match.end():])
        if _AMOUNT_BEFORE.search(text[:match.start()]) or (article and not leading
                                                            and not trailing):
            continue
        unit = match.group("unit")
        yield Quantity("duration_days", round(range_value(match) * UNIT_DAYS[unit]), said)
        return
    match = _SINCE.search(text)
    if match:
        yield Quantity("duration_days", _since(match, today), match.group(0))
        return
    for pattern in (_SINCE_DAY, _SINCE_DATE, _ON_WEEKDAY):
        found = pattern.search(text)
        if found:
            days = _days_since(found, today)
            if days is not None:
                yield Quantity("duration_days", days, found.group(0))
                return
    for pattern, days in _VAGUE.items():
        found = re.search(pattern, text)
        if found and not _about_something_else(text, found) and (
                days != 0 or about_movement(text, found, clause=True)):
            yield Quantity("duration_days", days, found.group(0))
            return


def _duration_counts(text: str, match: re.Match[str]) -> bool:
    """A duration of the problem, not of a pregnancy, an illness or a medicine taken for years."""
    after = text[match.end():match.end() + 15]
    before = text[max(0, match.start() - 25):match.start()]
    if re.match(r"\s*\)?\s*(?:pregnant|gestation|into (?:my|the) pregnancy)", after) or \
            re.search(r"pregnant\s*\(?\s*$", before):
        return False
    if _about_something_else(text, match):
        return False
    return about_movement(text, match) or not re.search(r"diabet|pregnan|smok",
                                                         sentence_of(text, match))


def _about_something_else(text: str, match: re.Match[str]) -> bool:
    """A duration that belongs to a medicine or illness: "been on sertraline for 2 years"."""
    before = text[max(0, match.start() - 60):match.start()]
    belongs = re.search(r"\b(?:been on|on|taking|taken|had|diabetic|diabetes)\b[^.,;]{0,45}$",
                        before)
    return belongs is not None and re.search(r"\bfor\b", match.group(0) + before[-8:]) is not None


WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_SINCE_DAY = re.compile(r"\bsince (?:last )?(?P<day>" + "|".join(WEEKDAYS) + r")\b|\bsince "
                        r"(?P<feast>halloween|christmas|new year'?s?|bonfire night|easter)\b")
_SINCE_DATE = re.compile(r"\bsince (?:the )?(?P<n>\d{1,2})(?:st|nd|rd|th)? (?:of )?(?P<month>"
                         + "|".join(MONTHS) + r")\b|\bsince (?P<month2>" + "|".join(MONTHS)
                         + r") (?P<n2>\d{1,2})(?:st|nd|rd|th)?\b")
_ON_WEEKDAY = re.compile(r"\b(?:on|last) (?P<day>" + "|".join(WEEKDAYS) + r")\b[^.]{0,80}"
                         r"\b(?:since|ever since|since then)\b|\b(?P<yday>yesterday)\b[^.]{0,60}"
                         r"\b(?:since|ever since)\b")
FEASTS = {"halloween": (10, 31), "christmas": (12, 25), "new year": (1, 1), "new years": (1, 1),
          "new year's": (1, 1), "bonfire night": (11, 5), "easter": (4, 1)}


def _days_since(match: re.Match[str], today: date) -> int | None:
    groups = match.groupdict()
    if groups.get("yday"):
        return 1
    if groups.get("day"):
        return (today.weekday() - WEEKDAYS.index(groups["day"])) % 7 or 7
    if groups.get("feast"):
        month, day = FEASTS[groups["feast"]]
        return _days_back(today, month, day)
    month = groups.get("month") or groups.get("month2")
    number = groups.get("n") or groups.get("n2")
    if month and number and 1 <= int(number) <= 31:
        return _days_back(today, MONTHS.index(month) + 1, int(number))
    return None


def _days_back(today: date, month: int, day: int) -> int:
    try:
        then = date(today.year, month, day)
    except ValueError:
        return 0
    if then > today:
        then = then.replace(year=today.year - 1)
    return (today - then).days



def _since(match: re.Match[str], today: date) -> int:
    relative = {"yesterday": 1, "last night": 1, "this morning": 0, "today": 0,
                "last week": 7, "last month": 30, "last year": 365, "the weekend": 3}
    if match.group("rel"):
        return relative[match.group("rel")]
    if match.group("month"):
        month = MONTHS.index(match.group("month")) + 1
        year = today.year if month <= today.month else today.year - 1
        return max((today - date(year, month, 1)).days, 0)
    return max((today - date(today.year if today.month > 1 else today.year - 1, 1, 1)).days, 0)



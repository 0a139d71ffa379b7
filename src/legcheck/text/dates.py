"""How long the problem has gone on: "for three weeks", "the past fortnight", "since Tuesday",
"since mid-October", "an hour ago". Vague spans ("for years", "since March", "for ages") are left
for the person to answer, as the labelling rules say."""

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
_UNIT = r"(?P<unit>day|dy|week|wk|fortnight|month|mth|mnth|mo|year|yr)"
_DURATION = re.compile(
    rf"(?<![\w/])(?:for|since|past|last|over the (?:past|last)|the (?:past|last)|about|around|"
    rf"almost|nearly|over)?\s*{ABOUT}{RANGE}\s*{_UNIT}s?\b(?P<half>\s+and\s+a\s+half)?"
    rf"(?!\s*(?:a|an|per|each|every)\s+(?:day|night|week|month))(?!\s*old)(?!-old)"
    rf"(?!\s+(?:pregnant|gestation|of age))")
# "for the past fortnight", "over the last month": a unit with no number is one of it
_THE_LAST = re.compile(r"\b(?:for|over|in|during|within|throughout) the (?:last|past|previous) "
                       r"(?P<unit>day|week|fortnight|month|year)\b")
_SINCE = re.compile(r"\bsince (?:(?P<rel>yesterday|yday|yest|last night|this morning|today|"
                    r"last week|last month|last year|the weekend|last weekend)|(?P<part>early|"
                    r"mid|the middle of|late|the end of|the start of|the beginning of)[- ]?"
                    r"(?:of )?(?P<month>" + "|".join(MONTHS) + r"))\b")
_PART_DAY = {"early": 5, "the start of": 3, "the beginning of": 3, "mid": 15,
             "the middle of": 15, "late": 25, "the end of": 28}
_AGO = re.compile(r"\b(?:an?|one|a couple of|a few|few|\d+|two|three|several) (?:hours?|hrs?|"
                  r"minutes?|mins?)\s+ago\b|\b(?:earlier today|this afternoon|this evening)\b")
_VAGUE = {r"\b(?:over|in|for|during) the (?:last|past) (?:twelve months|12 months)\b": 365,
          r"\b(?:over|in|for|during) the (?:last|past) (?:few|couple of) months\b": 75,
          r"\b(?:over|in|for|during) the (?:last|past) (?:few|couple of) weeks\b": 18,
          r"\b(?:over|in|for|during) the (?:last|past) (?:few|couple of) days\b": 3,
          r"\b(?:started|began|begun|came on|happened)\s+(?:today|this morning|this afternoon|"
          r"an hour ago|earlier today)\b": 0,
          r"\b(?:started|began|begun|came on|happened)\s+(?:yesterday|last night)\b": 1,
          r"\b(?:this morning|earlier today|today|tonight)\b": 0}
_UNIT_WORD = {"dy": "day", "mth": "month", "mnth": "month"}
# how long an illness, a medicine or an unrelated change has lasted is not how long the movements
# have; pain, weakness or numbness may be the present problem itself, so they do not count here
_OTHER_EVENT = re.compile(
    r"\b(?:start(?:ed|ing)? (?:me )?(?:on|taking|using)|put (?:me )?on|was put on|came off|"
    r"come off|switched|added|took|taking|prescribed|diagnosed|infection|cold|flu|bug|virus|"
    r"covid|jab|vaccin\w*|surgery|operation|memory|forgetful|leak\w*|lost|weight|wast\w*|pregnan\w*|diabet\w*|smok\w*|vap\w*|"
    r"pouches|periods?|quit|gave up|given up|drinking|alcohol|booze|sober|stopped|given|"
    r"which (?:i )?(?:only |just )?(?:started|began)|had (?:my |an? |the )?\w+ (?:out|removed))\b|"
    r"\bbegan (?!about|around|roughly|maybe|like|nearly|almost|over|just|only|a\b|an\b|to\b|"
    r"when|after|before|on\b|last|in\b)[a-z]{3,}|"
    r"\b(?:began|started|starting) (?:on )?(?:a|an|my|the|some) (?:new )?(?:water )?(?:tablets?|"
    r"pills?|medicines?|medications?|meds|course|antibiotics?|inhaler|injections?|drugs?|"
    r"treatment)\b|"
    r"\bstart(?:ed|ing)? (?!about|around|roughly|maybe|like|nearly|almost|"
    r"over|just|only|a\b|an\b|to\b|when|after|before|on\b|last|in\b)[a-z]{3,}")
_THIS_MOVEMENT = re.compile(r"twi\w{0,3}ch|jerk|cramp|kick|spasm|flicker|jump|jolt|flutter|ripple|"
                            r"restless|fizz|urge|crawl|charl|\bit\b|\bit'?s\b|\bthis\b|"
                            r"\bthese\b|\bthey\b|going on|symptoms?")
_CLAUSE_EDGE = re.compile(r"[.!?;\n,(]|\band\b|\bbut\b|\bnow\b|\bthen\b|"
                          r"\bafter(?= (?:i|we|he|she)\b)")

_AMOUNT_BEFORE = re.compile(r"(?:times|hours?|hrs?|coffees?|cups?|drinks?|pints?|glass(?:es)?|"
                            r"cans?|units?|beers?|teas?|mugs?|shots?|litres?|liters?|bottles?|"
                            r"twice|once|x)\s*$")


def read_durations(text: str, today: date) -> Iterator[Quantity]:
    for reader in (_numbered, _since_words, _relative_days, _vague):
        found = reader(text, today)
        if found is not None:
            yield found
            return


def _numbered(text: str, today: date) -> Quantity | None:
    """"for 3 weeks", "2-3 wks", "a month and a half", "6 mths ago", "the past fortnight"."""
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
        unit = _UNIT_WORD.get(match.group("unit"), match.group("unit"))
        amount = range_value(match) + (0.5 if match.group("half") else 0)
        return Quantity("duration_days", round(amount * UNIT_DAYS[unit]), said)
    for last in _THE_LAST.finditer(text):
        if _duration_counts(text, last):
            return Quantity("duration_days", UNIT_DAYS[last.group("unit")], last.group(0))
    return None


def _since_words(text: str, today: date) -> Quantity | None:
    for match in _SINCE.finditer(text):
        if _duration_counts(text, match):
            return Quantity("duration_days", _since(match, today), match.group(0))
    for ago in _AGO.finditer(text):
        if _duration_counts(text, ago):
            return Quantity("duration_days", 0, ago.group(0))
    return None


def _relative_days(text: str, today: date) -> Quantity | None:
    for pattern in (_SINCE_DAY, _SINCE_DATE, _STARTED_DAY, _ON_WEEKDAY):
        found = pattern.search(text)
        if found:
            days = _days_since(found, today)
            if days is not None:
                return Quantity("duration_days", days, found.group(0))
    return None


def _vague(text: str, today: date) -> Quantity | None:
    for pattern, days in _VAGUE.items():
        found = re.search(pattern, text)
        if found and not _about_something_else(text, found) and (
                days != 0 or about_movement(text, found, clause=True)):
            return Quantity("duration_days", days, found.group(0))
    return None


def _duration_counts(text: str, match: re.Match[str]) -> bool:
    """A duration of the problem, not of a pregnancy, an illness, another symptom or a medicine
    taken for years: its own clause speaks of the movements, or of nothing else."""
    after = text[match.end():match.end() + 15]
    before = text[max(0, match.start() - 25):match.start()]
    if re.match(r"\s*\)?\s*(?:pregnant|gestation|into (?:my|the) pregnancy)", after) or \
            re.search(r"pregnant\s*\(?\s*$", before):
        return False
    if _about_something_else(text, match):
        return False
    clause = _clause_of(text, match)
    if _THIS_MOVEMENT.search(clause):
        return True
    if _OTHER_EVENT.search(clause):
        # "had covid 3 weeks ago, and since then my legs twitch" dates the movements too
        # (a bare "since" closing a sentence dates the event: "quit years ago, not a drop since")
        rest = re.match(r"[^!?]{0,80}", text[match.end():]).group(0)
        sentence = re.match(r"[^.!?]*", rest).group(0)
        tied = _THIS_MOVEMENT.search(rest) is not None and re.search(
            r"\b(?:since then|ever since|since that|since)\b(?!\s*(?:[.;!?,]|$))", rest)
        # "had flu 3 weeks ago and my legs have twitched ever since"
        return bool(tied) or re.search(rf"(?:{_THIS_MOVEMENT.pattern}).*\bsince\b", sentence) \
            is not None
    return about_movement(text, match) or not re.search(r"diabet|pregnan|smok",
                                                         sentence_of(text, match))


def _clause_of(text: str, match: re.Match[str]) -> str:
    start = max((edge.end() for edge in _CLAUSE_EDGE.finditer(text, 0, match.start())),
                default=0)
    end = _CLAUSE_EDGE.search(text, match.end())
    return text[start:match.start()] + " " + text[match.end():end.start() if end else len(text)]


def _about_something_else(text: str, match: re.Match[str]) -> bool:
    """A duration that belongs to a medicine or illness: "been on sertraline for 2 years"; not
    "it's been going on for a year" or "I've had this twitch for ten years"."""
    before = text[max(0, match.start() - 60):match.start()]
    belongs = re.search(r"\b(?:been on|(?<!going )(?<!gone )(?<!carried )on(?! and off| ?-? ?off)|"
                        r"taking|taken|had|diabetic|diabetes)\b(?P<rest>[^.,;]{0,45})$", before)
    if belongs is None or (_THIS_MOVEMENT.search(belongs.group("rest"))
                           and "on" not in belongs.group(0).split()[:2]):
        return False
    return re.search(r"\bfor\b", match.group(0) + before[-8:]) is not None


WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_DAY_SPELLINGS = {"monday": "mon|monday", "tuesday": "tues?|tuesday|teusday",
                  "wednesday": "weds?|wednesday|wensday|wednsday|wendsday",
                  "thursday": "thurs?|thursday|thur", "friday": "fri|friday",
                  "saturday": "sat|saturday|saterday", "sunday": "sun|sunday"}
_DAY = "|".join(_DAY_SPELLINGS.values())
_SINCE_DAY = re.compile(r"\bsince (?:last )?(?P<day>" + _DAY + r")\b(?P<lastweek> last week)?"
                        r"|\bsince (?P<feast>halloween|christmas|new year'?s?|bonfire night|"
                        r"easter)\b")
_STARTED_DAY = re.compile(r"\b(?:started|began|begun|kicked off|came on)\s+(?:on\s+|last\s+)?"
                          r"(?P<day>" + _DAY + r")\b(?P<lastweek> last week)?")
_SINCE_DATE = re.compile(r"\bsince (?:the )?(?P<n>\d{1,2})(?:st|nd|rd|th)? (?:of )?(?P<month>"
                         + "|".join(MONTHS) + r")\b|\bsince (?P<month2>" + "|".join(MONTHS)
                         + r") (?P<n2>\d{1,2})(?:st|nd|rd|th)?\b")
_ON_WEEKDAY = re.compile(r"\b(?:on|last) (?P<day>" + _DAY + r")\b[^.]{0,80}"
                         r"\b(?:since|ever since|since then)\b|\b(?P<yday>yesterday)\b[^.]{0,60}"
                         r"\b(?:since|ever since)\b")
FEASTS = {"halloween": (10, 31), "christmas": (12, 25), "new year": (1, 1), "new years": (1, 1),
          "new year's": (1, 1), "bonfire night": (11, 5), "easter": (4, 1)}


def _weekday(word: str) -> int:
    return next(index for index, name in enumerate(WEEKDAYS)
                if re.fullmatch(_DAY_SPELLINGS[name], word))


def _days_since(match: re.Match[str], today: date) -> int | None:
    groups = match.groupdict()
    if groups.get("yday"):
        return 1
    if groups.get("day"):
        back = (today.weekday() - _weekday(groups["day"])) % 7
        if groups.get("lastweek"):
            return back + 7 if today.weekday() >= _weekday(groups["day"]) else back
        return back or 7
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
    relative = {"yesterday": 1, "yday": 1, "yest": 1, "last night": 1, "this morning": 0,
                "today": 0, "last week": 7, "last month": 30, "last year": 365,
                "the weekend": 3, "last weekend": 3}
    if match.group("rel"):
        return relative[match.group("rel")]
    month = MONTHS.index(match.group("month")) + 1
    return _days_back(today, month, _PART_DAY[match.group("part")])

"""Numbers people write: how long, how often, how many drinks, hours of sleep, age, 0-10 scales.

Each reader returns (finding id, value, span). Relative dates ("since March") need `today`,
passed in so that reading stays deterministic."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
         "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
         "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
         "a couple of": 2, "a couple": 2, "couple of": 2, "couple": 2, "a few": 3, "few": 3,
         "several": 4, "half a": 0.5, "half an": 0.5, "a dozen": 12, "dozens of": 30,
         "once": 1, "twice": 2}
_WORD = "|".join(sorted((re.escape(word) for word in WORDS), key=len, reverse=True))
NUM = rf"(?:\d+(?:\.\d+)?|{_WORD})"
RANGE = rf"(?P<a>{NUM})(?:\s*(?:-|–|to|or)\s*(?P<b>{NUM}))?"
ABOUT = r"(?:about|around|roughly|approx\.?|approximately|maybe|like|nearly|almost|over|" \
        r"more than|at least|only|just|barely|a good|probably)?\s*"
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]
UNIT_DAYS = {"day": 1, "week": 7, "wk": 7, "fortnight": 14, "month": 30, "mo": 30, "year": 365,
             "yr": 365}


@dataclass(frozen=True)
class Quantity:
    finding: str
    value: float | str
    span: str


def number(text: str) -> float:
    text = text.strip().lower()
    return float(text) if text[0].isdigit() else float(WORDS[text])


def _range(match: re.Match[str]) -> float:
    low = number(match.group("a"))
    high = match.group("b")
    return (low + number(high)) / 2 if high else low


def read_quantities(text: str, today: date) -> Iterator[Quantity]:
    lower = text.lower()
    for reader in (_durations, _frequencies, _caffeine, _alcohol, _sleep, _scales, _fluids,
                   _cramp_length, _stopped_drinking):
        yield from reader(lower, today)
    yield from read_age_and_sex(lower)


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


def _durations(text: str, today: date) -> Iterator[Quantity]:
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
        yield Quantity("duration_days", round(_range(match) * UNIT_DAYS[unit]), said)
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
                days != 0 or _about_movement(text, found, clause=True)):
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
    return _about_movement(text, match) or not re.search(r"diabet|pregnan|smok",
                                                         _sentence(text, match))


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


def _sentence(text: str, match: re.Match[str]) -> str:
    return _between(text, match, _SENTENCE_END)


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


# ---- how often ---------------------------------------------------------------------------------
_PER = {"day": 1.0, "daily": 1.0, "hour": 16.0, "week": 1 / 7, "month": 1 / 30,
        "night": 1.0, "evening": 1.0}
_TIMES = re.compile(rf"{ABOUT}{RANGE}\s*(?:times?|x|episodes?|jerks?|twitch(?:es)?|cramps?|"
                    rf"attacks?|goes)?\s*(?:(?:a|an|per|each|every)\s+|/\s*)"
                    rf"(?P<per>day|night|hour|week|month)\b")
_TIMES_TODAY = re.compile(rf"{ABOUT}{RANGE}\s*times? (?:today|tonight|this morning)\b")
_NIGHTS = re.compile(rf"{ABOUT}{RANGE}\s*(?:nights?|evenings?)\s*(?:a|per|each)\s+week\b")
_ALWAYS = re.compile(r"\b(?:constant(?:ly)?|all the time|non-?stop|"
                     r"every (?:few )?(?:minutes?|seconds?)|hundreds of times)\b")


def _frequencies(text: str, today: date) -> Iterator[Quantity]:
    nights = _NIGHTS.search(text)
    if nights:
        yield Quantity("nights_per_week", min(_range(nights), 7), nights.group(0))
    else:
        for pattern, value in ((r"\bevery (?:single )?night\b|\bnightly\b", 7),
                               (r"\bmost nights\b", 5), (r"\bevery other night\b", 3.5),
                               (r"\b(?:a few|some) nights\b", 3)):
            found = re.search(pattern, text)
            if found:
                yield Quantity("nights_per_week", value, found.group(0))
                break
    times = _TIMES.search(text) or _TIMES_TODAY.search(text)
    if times and _about_movement(text, times, clause=True) and not re.search(
            r"(?:coffee|drink|pint|beer|wine|cup|can|work out|workout|train|gym|run|exercise|"
            r"swim|walk)s?\b[^,.]*$", text[max(0, times.start() - 30):times.start() + 1]):
        per = _PER[times.group("per")] if "per" in times.groupdict() else 1.0
        yield Quantity("episodes_per_day", round(_range(times) * per, 2), times.group(0).strip())
        return
    always = _ALWAYS.search(text)
    if always and _about_movement(text, always, clause=True):
        yield Quantity("episodes_per_day", 100, always.group(0))


_MOVEMENT = re.compile(r"twitch|jerk|cramp|kick|spasm|flicker|jump|jolt|flutter|happen|ripple|"
                       r"restless|fizz|urge|legs?\b|calf|calves|thigh|it does|they do|it goes|"
                       r"they come|comes and goes|going on|started|began|since then|ever since|"
                       r"had it|noticed")


def _about_movement(text: str, match: re.Match[str], *, clause: bool = False) -> bool:
    """A number counts only in a sentence (or, for how often, a clause) about the movements:
    "tired all the time, and my calf twitches" says nothing about how often it twitches."""
    part = _between(text, match, _CLAUSE_END if clause else _SENTENCE_END)
    return _MOVEMENT.search(part) is not None


_SENTENCE_END = re.compile(r"[.!?;\n]")
_CLAUSE_END = re.compile(r"[.!?;\n,]|\band\b|\bbut\b|\bso\b")


def _between(text: str, match: re.Match[str], boundary: re.Pattern[str]) -> str:
    """The sentence or clause around a match."""
    start = max((b.end() for b in boundary.finditer(text, 0, match.start())), default=0)
    end = boundary.search(text, match.end())
    return text[start:end.start() if end else len(text)]


# ---- drinks ------------------------------------------------------------------------------------
_CAFFEINE = re.compile(
    rf"{ABOUT}{RANGE}\s*(?:big |large |strong |double |black )?(?:cups?|mugs?|cans?|shots?|"
    rf"bottles?)?\s*(?:of\s+)?(?:coffees?|espressos?|lattes?|cappuccinos?|americanos?|"
    rf"energy drinks?|red ?bulls?|monsters?|cokes?|colas?|diet cokes?|pepsis?|teas?|"
    rf"cups? of tea)\b(?P<week>(?:[^.;,]{{0,12}})\b(?:a|per) week)?")
_ALCOHOL_UNITS = {"pint": 2, "beer": 2, "lager": 2, "cider": 2, "can": 2, "glass": 2,
                  "wine": 2, "bottle": 10, "shot": 1, "unit": 1, "drink": 2, "double": 2}
_ALCOHOL = re.compile(
    rf"{ABOUT}{RANGE}\s*(?:large |big |small )?(?P<item>pint|beer|lager|cider|can|glass|"
    rf"bottle|shot|unit|drink|double)s?(?:\s+of\s+(?:beer|lager|cider|wine|red|white|vodka|"
    rf"whisky|gin|spirits))?\b(?P<when>[^.;]{{0,25}}?\b(?:a|an|per|each|every)\s+"
    rf"(?:night|day|evening|week|weekend))?")


def _caffeine(text: str, today: date) -> Iterator[Quantity]:
    total, spans = 0.0, []
    for match in _CAFFEINE.finditer(text):
        amount = _range(match) / (7 if match.group("week") else 1)
        total += amount
        spans.append(match.group(0).strip())
    if spans:
        yield Quantity("caffeine_cups_per_day", round(total, 1), "; ".join(spans))


def _alcohol(text: str, today: date) -> Iterator[Quantity]:
    total, spans = 0.0, []
    for match in _ALCOHOL.finditer(text):
        when = match.group("when") or ""
        if not when:
            continue
        weekly = 1 if re.search(r"week", when) else 7
        total += _range(match) * _ALCOHOL_UNITS[match.group("item")] * weekly
        spans.append(match.group(0).strip())
    if spans:
        yield Quantity("alcohol_units_per_week", round(total), "; ".join(spans))


# ---- sleep, scales, fluids ---------------------------------------------------------------------
_SLEEP = (re.compile(rf"(?:sleep(?:ing)?|slept|get(?:ting)?|manage)\s+{ABOUT}{RANGE}\s*"
                     rf"(?:hours?|hrs?|h)\b"),
          re.compile(rf"{ABOUT}{RANGE}\s*(?:hours?|hrs?|h)\s+(?:of\s+)?(?:sleep|a night|"
                     rf"per night|at night|kip)"))
_SCALE = re.compile(r"\b(?P<n>\d{1,2})\s*(?:/|out of)\s*10\b")


def _sleep(text: str, today: date) -> Iterator[Quantity]:
    match = _SLEEP[0].search(text) or _SLEEP[1].search(text)
    if match:
        value = _range(match)
        if 0 < value <= 16:
            yield Quantity("sleep_hours", value, match.group(0).strip())


def _scales(text: str, today: date) -> Iterator[Quantity]:
    seen: set[str] = set()
    previous_end = 0
    for match in _SCALE.finditer(text):
        value = int(match.group("n"))
        before = text[max(previous_end, match.start() - 40):match.start()]
        previous_end = match.end()
        if value > 10:
            continue
        finding = "stress_level" if re.search(r"stress|anxi|worr", before) else "intensity"
        if finding not in seen:
            seen.add(finding)
            yield Quantity(finding, value, match.group(0))


_FLUIDS = re.compile(rf"{ABOUT}{RANGE}\s*(?P<unit>litres?|liters?|l|glass(?:es)?|bottles?)\s+"
                     rf"(?:of\s+)?water")


def _fluids(text: str, today: date) -> Iterator[Quantity]:
    match = _FLUIDS.search(text)
    if match:
        unit = match.group("unit")
        per = 0.25 if unit.startswith("glass") else 0.5 if unit.startswith("bottle") else 1
        yield Quantity("fluids_litres_per_day", round(_range(match) * per, 2), match.group(0))


# ---- how long a cramp lasts, stopping drinking -------------------------------------------------
_CRAMP_LENGTH = re.compile(rf"(?P<more>over|more than|longer than|at least|for)?\s*{ABOUT}{RANGE}"
                           rf"\+?\s*(?P<unit>seconds?|secs?|minutes?|mins?|hours?|hrs?)\b")


def _cramp_length(text: str, today: date) -> Iterator[Quantity]:
    """A cramp over 10 minutes (yes) or one that lasts seconds or a few minutes (no)."""
    for match in _CRAMP_LENGTH.finditer(text):
        if not re.search(r"cramp|spasm|charley|charlie|knot|seiz", _sentence(text, match)):
            continue
        unit = match.group("unit")
        minutes = _range(match) * (1 / 60 if unit.startswith("s") else
                                   60 if unit.startswith("h") else 1)
        if re.search(r"\b(?:ago|sleep|asleep)\b", text[match.end():match.end() + 12]):
            continue  # "an hour ago", "an hour into sleep" are not a cramp's length
        yield Quantity("cramp_over_10_minutes", minutes > 10 or (minutes == 10 and
                                                                bool(match.group("more"))),
                       match.group(0).strip())
        return


_STOPPED = re.compile(r"\b(?:drink\w*|alcohol|booze|units?|beers?|wine|vodka|pints?|lager|"
                      r"cider|spirits)\b[^.!?]{0,60}[.!?]?\s*[^.!?]{0,30}?\b(?:stopped|quit|"
                      r"gave up|given up|packed (?:it )?in|cut (?:it )?out)\b(?! smoking)"
                      r"|\b(?:stopped|quit|gave up|given up)\s+(?:completely\s+)?(?:drinking|"
                      r"alcohol|the booze|booze)\b")


def _stopped_drinking(text: str, today: date) -> Iterator[Quantity]:
    match = _STOPPED.search(text)
    if match and not re.search(r"\b(?:years?|months?) ago\b|\bfor (?:years|months)\b",
                               text[match.end():match.end() + 40]):
        yield Quantity("stopped_alcohol_recently", True, match.group(0).strip())


# ---- age and sex -------------------------------------------------------------------------------
OTHERS_MALE = (r"husband|dad|daddy|father|son|brother|grandad|granddad|grandfather|grandpa|"
               r"grandson|nephew|stepdad|boyfriend|uncle")
OTHERS_FEMALE = (r"wife|mum|mummy|mom|mother|daughter|sister|grandma|grandmother|granny|nan|"
                 r"nana|nanna|granddaughter|niece|stepmum|girlfriend|aunt")
_AGE = re.compile(r"\b(?:i'?m|i am|aged?|he'?s|she'?s|he is|she is|turned)\s+(?P<n>\d{1,3})\b"
                  r"(?!\s*(?:cups?|coffees?|days?|weeks?|months?|hours?|times|%|kg|lbs?|"
                  r"pints?|units?|nights?|/|out))"
                  r"|\b(?P<m>\d{1,3})\s*-?\s*(?:years?|yrs?)\s*-?\s*old\b"
                  r"|\b(?P<y>\d{1,3})\s*(?:yo|y/o|y\.o\.)(?![a-z])"
                  r"|\b(?P<c>\d{2}),\s*(?:male|female|man|woman|m|f)\b"
                  r"|(?:^|[.!?]\s+)(?P<e>\d{2})\s*[.!]?\s*$"
                  r"|\b(?P<s>\d{2})\s*\(?(?P<sx>m|f)\)?(?![a-z])")
_SEX = re.compile(r"\b(?:i'?m|i am) (?:a |an )?(?:\d{1,3}[- ]?(?:year[- ]old|yo|y/o)? ?)?"
                  r"(?:and )?(?P<sex>woman|female|lady|girl|man|male|guy|bloke|boy)\b"
                  r"|\bas a (?P<as>woman|man)\b"
                  r"|\b\d{2},? (?P<n>male|female|man|woman)\b"
                  r"|(?:y/o|yo|year old|years old) (?P<o>guy|man|woman|lady|bloke|girl|boy|male|"
                  r"female)\b|\b(?P<parent>mum|mom|mother|dad|father) of (?:two|three|one|\d)\b"
                  r"|(?P<other>rather not say|prefer not to say|non-?binary|enby)")


def read_age_and_sex(text: str) -> Iterator[Quantity]:
    match = _AGE.search(text)
    if match:
        raw = next(match.group(g) for g in ("n", "m", "y", "c", "e", "s") if match.group(g))
        if 5 <= int(raw) <= 110:
            yield Quantity("age", int(raw), match.group(0).strip())
        if match.group("sx"):
            yield Quantity("sex", "female" if match.group("sx") == "f" else "male",
                           match.group(0).strip())
            return
    sex = _SEX.search(text)
    if sex:
        if sex.group("other"):
            yield Quantity("sex", "other", sex.group(0))
            return
        word = next(sex.group(g) for g in ("sex", "as", "n", "o", "parent") if sex.group(g))
        female = word in ("woman", "female", "lady", "girl", "mum", "mom", "mother")
        yield Quantity("sex", "female" if female else "male", sex.group(0))

"""How long the problem has gone on: "for three weeks", "the past fortnight", "since Tuesday",
"since mid-October", "an hour ago". Vague spans ("for years", "since March", "for ages") are left
for the person to answer, as the labelling rules say."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from legcheck.text.numbers import (
    _MOVEMENT,
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
    rf"almost|nearly|over|x(?=\s?\d))?\s*{ABOUT}{RANGE}\s*{_UNIT}(?:s|z)?\b(?P<half>\s+and\s+a\s+half)?"
    rf"(?!\s*(?:a|an|per|each|every)\s+(?:day|night|week|month))(?!\s*old)(?!-old)"
    rf"(?!\s+(?:pregnant|gestation|of age))")
# "for the past fortnight", "over the last month": a unit with no number is one of it
_THE_LAST = re.compile(r"(?:\b(?:(?:for|over|in|during|within|throughout)"
                       r"(?: about| around| roughly)? the|this)|(?:^|[.!?\n]\s*)the) "
                       r"(?:last|past|previous) (?P<unit>day|week|fortnight|month|year)"
                       r"\b")
# a single recent day: "charley horse last night", "cramps after starting furosemide last week"
_POINT = re.compile(r"\b(?P<when>last night|yesterday|yday|last week)\b")
_POINT_DAYS = {"last night": 1, "yesterday": 1, "yday": 1, "last week": 7}
# a comparison dates the past, not the start: "the same as a year ago", "worse than a week ago"
_COMPARED = re.compile(r"\b(?:same as|than|compared (?:to|with)|as it was|like it was)\s*"
                       r"(?:it was|they were|i was|it did|in|at)?\s*$")
# "cramps at night which she's had forever": long-standing, so no start date
_LONG_STANDING = re.compile(r"\b(?:for (?:many |so many )?(?:years|decades|ages|months)|forever|"
                            r"for as long as i can remember|all my life|donkey'?s years|"
                            r"since (?:i was (?:a )?(?:kid|child|teen\w*|little)|childhood))\b")
_SINCE = re.compile(r"\b(?:since|(?:started|began|begun|kicked off|came on|(?:first )?noticed"
                    r"(?: it)?)(?: at| in| around| about)?) (?:(?P<rel>yesterday|yday|yest|"
                    r"last night|this morning|today|"
                    r"last week|last month|last year|the weekend|last weekend)|(?P<part>early|"
                    r"mid|the middle of|late|the end of|the start of|the beginning of)[- ]?"
                    r"(?:of )?(?P<month>" + "|".join(MONTHS) + r"))\b")
_PART_DAY = {"early": 5, "the start of": 3, "the beginning of": 3, "mid": 15,
             "the middle of": 15, "late": 25, "the end of": 28}
_AGO = re.compile(r"\b(?:in|within|over|during) the (?:last|past) (?:hour|half hour|"
                  r"(?:few |couple of |\d+ )hours)\b|"
                  r"\b(?:an?|one|a couple of|a few|few|\d+|two|three|several) (?:hours?|hrs?|"
                  r"minutes?|mins?)\s+ago\b|\b(?:earlier today|this afternoon|this evening)\b"
                  r"|\bbeen (?:going on )?(?:for )?(?:like |about |around |nearly |over )?"
                  r"(?:an?|\d+|two|three|several) (?:hours?|hrs?|minutes?|mins?)(?: now)?\b"
                  r"|\bat (?:\d{1,2}(?:[:.]\d\d)? ?(?:am|pm)|midnight)\b(?!\s*(?:every|each|most))")
# "for three nights", "two nights running": nights counted as days
_NIGHTS_SPAN = (re.compile(rf"\b(?:for|the (?:last|past)|past|last)\s+{ABOUT}{RANGE}\s+"
                           rf"(?:nights?|nites?)\b(?!\s*(?:a|an|per|each|every|out of)\b)"),
                re.compile(rf"\b{RANGE}\s+(?:nights?|nites?)\s+(?:running|in a row)\b"),
                # "3rd day in a row": it began two days ago
                re.compile(r"\b(?P<a>\d{1,2})(?P<b>(?!))?(?:st|nd|rd|th) day "
                           r"(?:in a row|running|straight)\b"))
_VAGUE = {r"\b(?:over|in|for|during) the (?:last|past) (?:twelve months|12 months)\b": 365,
          r"\b(?:over|in|for|during) the (?:last|past) (?:few|couple of) months\b": 75,
          r"\b(?:over|in|for|during) the (?:last|past) (?:few|couple of) weeks\b": 18,
          r"\b(?:over|in|for|during) the (?:last|past) (?:few|couple of) days\b": 3,
          r"\b(?:started|began|begun|came on|happened)\s+(?:today|this morning|this afternoon|"
          r"an hour ago|earlier today|tonight)\b": 0,
          r"\b(?:started|began|begun|came on|happened)\s+(?:yesterday|last night)\b": 1,
          r"\b(?:this morning|earlier today|today)\b": 0}
_UNIT_WORD = {"dy": "day", "mth": "month", "mnth": "month"}
# how long an illness, a medicine or an unrelated change has lasted is not how long the movements
# have; pain, weakness or numbness may be the present problem itself, so they do not count here
_OTHER_EVENT = re.compile(
    r"\b(?:start(?:ed|ing)? (?:me )?(?:on|taking|using)|put (?:me )?on|was put on|came off|"
    r"come off|switched|added|took|taking|prescribed|diagnosed|infection|cold|flu|bug|virus|"
    r"covid|jab|vaccin\w*|surgery|operation|memory|forgetful|leak\w*|lost|weight|wast\w*|pregnan\w*|diabet\w*|smok\w*|vap\w*|"
    r"pouches|periods?|quit|vegan|vegetarian|veggie|creatine|supplements?|gave up|given up|"
    r"drinking|alcohol|booze|sober|stopped|given|"
    r"together|married|dialysis|r[au]n(?:ning)? out|haemodialysis|hemodialysis|dose|doubled|"
    r"halved|upped|"
    r"(?:was|were|been|got) (?:started|stopped|increased|reduced|changed|switched)|"
    r"which (?:i )?(?:only |just )?(?:started|began)|had (?:my |an? |the )?\w+ (?:out|removed))\b|"
    r"\bbegan (?!about|around|roughly|maybe|like|nearly|almost|over|just|only|a\b|an\b|to\b|"
    r"when|after|before|on\b|last|in\b)[a-z]{3,}|"
    r"\b(?:began|started|starting) (?:on )?(?:a|an|my|the|some) (?:new )?(?:water )?(?:tablets?|"
    r"pills?|medicines?|medications?|meds|course|antibiotics?|inhaler|injections?|drugs?|"
    r"treatment)\b|"
    r"\bstart(?:ed|ing)? (?!about|around|roughly|maybe|like|nearly|almost|"
    r"over|just|only|a\b|an\b|to\b|when|after|before|on\b|last|in\b)[a-z]{3,}")
def _medicine_names() -> str:
    """Every medicine name people write (medicines.yaml), as one alternation, longest first."""
    from importlib.resources import files

    import yaml

    listed = yaml.safe_load(files("legcheck.knowledge").joinpath("data", "medicines.yaml")
                            .read_text(encoding="utf-8"))
    names = {str(n).lower() for m in listed for n in [m["name"], *m.get("also", [])]}
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


# a medicine named in a clause that tells when it was started, stopped or changed
_MEDICINE = MEDICINE_NAME = re.compile(r"\b(?:" + _medicine_names() + r")\b")
_THIS_MOVEMENT = re.compile(r"twi\w{0,3}ch|jerk|cramp|kick|spasm|flicker|jump|jolt|flutter|rippl|"
                            r"fidget|restless|fizz|\burge|crawl|charl|\bit\b|\bit'?s\b|\bthis\b|"
                            r"\bthese\b|\bthey\b|going on|symptoms?")
# another symptom's start is not the movements' start: "blurry vision since yesterday"
_OTHER_SYMPTOM = re.compile(r"\b(?:vision|sight|blurr\w*|headaches?|pee|urine|wee|weeing|"
                            r"diarrh\w*|vomit\w*|sick|threw up|throwing up|rash|hives|cough\w*|"
                            r"fever\w*|temperature|weight)\b")
_SENTENCE_EDGE = re.compile(r"[.!?;\n]")
_CLAUSE_EDGE = re.compile(r"[.!?;\n,()]|\band\b|\bbut\b|\bnow\b|\bthen\b|"
                          r"\bafter(?= (?:i|we|he|she)\b)")

_AMOUNT_BEFORE = re.compile(r"(?:times|hours?|hrs?|coffees?|cups?|drinks?|pints?|glass(?:es)?|"
                            r"cans?|units?|beers?|teas?|mugs?|shots?|litres?|liters?|bottles?|"
                            r"twice|once|x)\s*$")


def read_durations(text: str, today: date) -> Iterator[Quantity]:
    """The duration whose clause is about the movements (or tied to them by "since then") wins
    over one in a clause about nothing else; among equals, the readers' order and then the
    order within a reader decide. "For the last 4 weeks I've had twitches ... a slipped disc 10
    years ago" is 28 days."""
    if any(_THIS_MOVEMENT.search(_clause_of(text, long)) for long in
           _LONG_STANDING.finditer(text)):
        # "cramps at night which she's had forever, but this afternoon ...": no start date
        readers: tuple = _ALL[:3]
    else:
        readers = _ALL
    best: tuple[tuple[int, int, int], Quantity] | None = None
    for rank, reader in enumerate(readers):
        for order, (tier, quantity) in enumerate(reader(text, today)):
            key = (tier, -rank, -order)
            if tier and (best is None or key > best[0]) and (
                    readers is _ALL or quantity.value > 1):
                best = (key, quantity)
    if best is not None:
        yield best[1]


Candidate = tuple[int, Quantity]


def _numbered(text: str, today: date) -> Iterator[Candidate]:
    """"for 3 weeks", "2-3 wks", "a month and a half", "6 mths ago", "the past fortnight"."""
    matches = [(m, _duration_counts(text, m)) for m in _DURATION.finditer(text)]
    explicit = [(m, tier) for m, tier in matches
                if re.match(r"\s*(?:for|since|past|last|over|the (?:past|last))\b", m.group(0))
                or re.match(r"\s*ago\b", text[m.end():])]
    for match, tier in explicit + [pair for pair in matches if pair not in explicit]:
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
        yield tier, Quantity("duration_days", round(amount * UNIT_DAYS[unit]), said)
    for last in _THE_LAST.finditer(text):
        yield _duration_counts(text, last), Quantity(
            "duration_days", UNIT_DAYS[last.group("unit")], last.group(0))


def _since_words(text: str, today: date) -> Iterator[Candidate]:
    for match in _SINCE.finditer(text):
        yield _duration_counts(text, match), Quantity("duration_days", _since(match, today),
                                                      match.group(0))
    for ago in _AGO.finditer(text):
        if ago.group(0).startswith("at ") and (
                _duration_counts(text, ago) < 2 or _HABIT.search(text)):
            continue  # "my thigh locked up at 2pm"; not "it wakes me at 3am, twice a week"
        yield _duration_counts(text, ago), Quantity("duration_days", 0, ago.group(0))
    for nights in (found for pattern in _NIGHTS_SPAN for found in pattern.finditer(text)):
        ordinal = re.match(r"\d+(?:st|nd|rd|th)\b", nights.group(0)) is not None
        yield _duration_counts(text, nights), Quantity(
            "duration_days", round(range_value(nights)) - (1 if ordinal else 0), nights.group(0))


def _relative_days(text: str, today: date) -> Iterator[Candidate]:
    for pattern in (_SINCE_DAY, _SINCE_DATE, _STARTED_DAY, _ON_WEEKDAY):
        for found in pattern.finditer(text):
            days = _days_since(found, today)
            if days is not None:
                # "on prednisolone since Thursday" dates the medicine; "on Saturday ... since"
                # ties the movements to the day by its own words
                tier = 2 if pattern is _ON_WEEKDAY or pattern is _STARTED_DAY \
                    else _duration_counts(text, found)
                if pattern is _STARTED_DAY and _MEDICINE.search(_clause_of(text, found)):
                    tier = _duration_counts(text, found)  # "Co-codamol started Monday"
                yield tier, Quantity("duration_days", days, found.group(0))


_HABIT = re.compile(r"\b(?:every|each|most|always|usually|often|normally|nights|whenever|"
                    r"tends? to|gets?|getting|keeps?|wakes?|happens|times|"
                    r"a (?:week|night|month))\b")


def _point_days(text: str, today: date) -> Iterator[Candidate]:
    """A movement on a single recent day, "charley horse last night", "cramps after starting
    furosemide last week": counted only when its own clause names the movement."""
    for found in _POINT.finditer(text):
        # "had Piriton last night and couldn't sleep for my legs fidgeting"
        # ("stopped venlafaxine last week and now my legs twitch" says they are here now, not
        # when they began)
        then = re.match(r"(?:(?!\band\b)[^.!?,;])*\band\b(?P<then>(?![^.!?]*\bnow\b)[^.!?]*)",
                        text[found.end():])
        if re.search(r"\bagain\s*$", text[:found.start()]) or _HABIT.search(text):
            continue  # "cramped at mile 20 and again last night", "I keep getting cramps"
        if (_duration_counts(text, found) == 2 or (
                then and _MOVEMENT.search(then.group("then"))
                and not _about_something_else(text, found))) and not _COMPARED.search(
                text[max(0, found.start() - 25):found.start()]):
            yield 1, Quantity("duration_days", _POINT_DAYS[found.group("when")], found.group(0))


def _vague(text: str, today: date) -> Iterator[Candidate]:
    for pattern, days in _VAGUE.items():
        found = re.search(pattern, text)
        if found and not _about_something_else(text, found) and not _other_symptom(
                text, found) and (
                days != 0 or about_movement(text, found, clause=True)):
            yield 1, Quantity("duration_days", days, found.group(0))


def _duration_counts(text: str, match: re.Match[str]) -> int:
    """A duration of the problem, not of a pregnancy, an illness, another symptom or a medicine
    taken for years: 2 when its own clause speaks of the movements (or ties them to it by "since
    then"), 1 when it speaks of nothing else, 0 when it dates something else."""
    after = text[match.end():match.end() + 30]
    before = text[max(0, match.start() - 25):match.start()]
    if re.match(r"\s*\)?\s*(?:pregnant|gestation|into (?:my|the) pregnancy|gone\b|along\b|"
                r"(?:\S+\s+)?(?:with|w/)\s+(?:baby|bump|twins|my (?:first|second|third|\d))|"
                r"[,;]?\s*(?:my |our )?(?:first|second|third|fourth|fifth|\d+(?:st|nd|rd|th)) "
                r"(?:baby|pregnancy|child|kid|bub))", after) or \
            re.search(r"(?:pregnant(?:\s+with\s+(?:my|our|a|the|baby)(?:\s+\w+)?)?|"
                      r"trimester\W+(?:\w+\W+)?)[,\s]*\(?\s*$", before) or \
            re.search(r"\b(?:baby|babys|baby's|newborn|little one|bub|son|daughter)\s*(?:is|was|"
                      r"now|just)?\s*(?:about|nearly|only)?\s*$", before):
        return 0  # "36 weeks, third baby", "28 weeks gone", "baby is 7 weeks"
    if _not_now(text, match):
        return 0
    if _about_something_else(text, match):
        # "on Lexapro for 3 weeks. Since starting it I get jerks"
        return 2 if _STARTED_IT.search(text, match.end(), match.end() + 80) else 0
    if _COMPARED.search(before) or re.search(
            r"\b(?:kg|kgs|kilos?|lbs?|pounds|stone|st)\s+(?:in|over)\s*$|\bof\s*$", before):
        return 0  # "lost 5 kg in 2 months" is a rate
    clause = _clause_of(text, match)
    # "on it", "stopped it": the medicine, not the movements
    if _THIS_MOVEMENT.search(_ON_IT.sub(" ", clause)):
        return 2
    lead = text[max(0, match.start() - 40):match.start()]
    if _OTHER_EVENT.search(clause) or _other_symptom(text, match) or _MEDICINE.search(
            sentence_of(text, match)):
        if re.search(r"(?:^|[.!?,;]\s*|\b(?:and|but|now)\s+)(?:it|they|this|these|all this|"
                     r"symptoms?|the \w+)?\s*(?:started|began|begun|came on|kicked off)\s*$",
                     re.sub(r"\s*(?:about|around|roughly|maybe|like|nearly|almost)\s*$", "",
                            lead)):
            return 2  # "started about two weeks ago after a tummy bug"
        return 2 if _tied(text, match) else 0
    new = re.match(r"[^.!?]*[.!?]\s*now\b(?P<now>[^.!?]*)", text[match.end():])
    if new and _THIS_MOVEMENT.search(new.group("now")):
        return 0  # "sanding paint for 2 months. Now I get cramps": the movements are new
    if about_movement(text, match) or not re.search(r"diabet|pregnan|smok",
                                                    sentence_of(text, match)):
        return 1
    return 0


_ON_IT = re.compile(r"\b(?:on|off|taking|take|took|started|starting|stopped|stopping|after) "
                    r"(?:it|them)\b|\bthey (?=(?:doubled|tripled|halved|upped|increased|raised|"
                    r"lowered|"
                    r"reduced|"
                    r"cut|changed|put|added|started|stopped|gave|switched|took|prescribed)\b)")
_AGE_BEFORE = re.compile(r"(?:\bi am|\bi'?m|\bim|\baged?|\bage:?|\b(?:man|woman|male|female|guy|"
                         r"lady|girl|boy|m|f)|\b(?:i|he|she|mother|father|mum|dad|wife|husband) "
                         # "my mother have 68 years", "I am from Brazil, 33 years": an age
                         r"(?:have|has)|\b(?:i am|i'?m)\b[^.!?]{0,25},)\W*$")
_FUTURE = re.compile(r"\b(?:will|'ll|going to|gonna|having|booked|due|scheduled|planned|"
                     r"appointment|appt|next|waiting|wait)\b")


_STARTED_IT = re.compile(r"\bsince (?:i )?(?:start(?:ed|ing)?|began|beginning|going on|taking) "
                         r"(?:on )?(?:it|them|the \w+)\b")


def _not_now(text: str, match: re.Match[str]) -> bool:
    """A span that does not date the present problem: an age ("I am man, 55 years"), a date
    ahead ("a knee op in 3 weeks"), a past year ("back in 2019"), an episode years ago that is
    over ("had a slipped disc four years ago"), or a number taken back ("2 weeks - no wait,
    since the 1st")."""
    said = match.group(0).strip()
    before = text[max(0, match.start() - 30):match.start()]
    if re.search(r"\b(?:sober|dry|alcohol[- ]free|teetotal)\s*(?:for\s*)?(?:about |around |nearly "
                 r"|almost |over )?$", before):
        return True  # "been dry 2 years now": how long without a drink
    if re.search(r"\b(?:rough|bad|hard|tough|busy|stressful|hectic|difficult|crazy|mad|long|"
                 r"great|good|lovely)\s*$", before):
        return True  # "it's been a rough few weeks"
    after = text[match.end():match.end() + 60]
    leading = re.match(r"(?:for|since|past|last|over|the)\b", said)
    trailing = re.match(r"\s*(?:ago|back|now|so far|running|in a row|of (?:this|it))\b", after)
    if "unit" in match.groupdict() and match.group("unit") in ("year", "yr") and not leading \
            and not trailing and not re.match(r"\s*of\b", after) \
            and (_AGE_BEFORE.search(before) or re.match(
                r"\s*(?:young|of age|old|yo|y/o)\b|\s*\(?\s*[mf]\b", after)):
        return True
    if re.search(r"\bin\s*(?:about |around |roughly |another |just )?$", before) and not \
            leading and _FUTURE.search(sentence_of(text, match)):
        return True
    if re.search(r"\b(?:back )?in (?:19|20)\d\d\b", _clause_of(text, match)):
        return True
    if re.match(r"[^.!?]{0,40}?\b(?:scratch that|no wait|wait no|correction|i mean|make that|"
                r"actually|or rather)\b", after) and _ALL_DATES.search(
                text[match.end():match.end() + 120]):
        return True
    years_ago = "unit" in match.groupdict() and match.group("unit") in ("year", "yr") \
        and re.match(r"\s*(?:ago|back)\b", after)
    # "I had sciatica five years ago; now it's the odd jerk"
    return bool(years_ago) and not _THIS_MOVEMENT.search(
        _ON_IT.sub(" ", _clause_of(text, match))) and not re.search(
        r"\b(?:started|began|begun|came on|kicked off|first)\s*(?:about|around|roughly|maybe|"
        r"like|nearly|almost|over)?\s*$", before) and not _tied(text, match)


# another date said after a correction
_ALL_DATES = re.compile(r"\bsince\b|\bago\b|\bfor\b|\b\d+\s*(?:days?|weeks?|wks?|months?)\b")


def _other_symptom(text: str, match: re.Match[str]) -> bool:
    """Its clause dates another symptom, and the movements are told of in another sentence:
    "Legs jerking at night. Blurry vision since yesterday"; not "double vision since this morning
    and my leg's twitching", nor "back pain and can't pee since this morning" alone."""
    return _OTHER_SYMPTOM.search(sentence_of(text, match)) is not None \
        and not _THIS_MOVEMENT.search(sentence_of(text, match)) \
        and _THIS_MOVEMENT.search(text) is not None


def _tied(text: str, match: re.Match[str]) -> bool:
    """"had covid 3 weeks ago, and since then my legs twitch", "since I cut out the booze 5 days
    ago I'm getting jerks", "quit 4 days ago. Since then ... my legs are restless"."""
    start = max((edge.end() for edge in _SENTENCE_EDGE.finditer(text, 0, match.start())),
                default=0)
    if re.match(r"\s*(?:ever since|since|after)\b", text[start:match.start()]):
        sentence = re.match(r"[^.!?]*", text[match.end():]).group(0)
        if _TIED_MOVEMENT.search(sentence):
            return True
    # "cramps at night since I started the water pill a month ago"
    if re.search(rf"(?:{_TIED_MOVEMENT.pattern})[^.!?]*\bsince\b[^.!?]*$",
                 text[start:match.start()]):
        return True
    # "switched to X a week ago and ever since my legs jerk" ("and now" gives no date)
    if re.match(rf"[^.!?]*?\b(?:and|so)\s+(?:since then|ever since)\b[^.!?]*(?:"
                rf"{_TIED_MOVEMENT.pattern})", text[match.end():]):
        return True
    # a bare "since" closing a sentence dates the event: "quit years ago, not a drop since"
    rest = re.match(r"[^.!?]*[.!?]?\s*[^.!?]*", text[match.end():]).group(0)
    sentence = re.match(r"[^.!?]*", rest).group(0)
    tied = re.search(r"\b(?:(?:since (?:around|about|roughly|just about) then|since then|ever since"
                     r"(?: then)?|since that)\b,?|since\b(?!\s+" + _A_DATE + r")(?!\s*,))"
                     r"(?!\s*(?:[.;!?]|$))(?P<then>[^.!?]*)", rest)
    if tied and _TIED_MOVEMENT.search(rest[:tied.start()] + tied.group("then")):
        return True
    # "had flu 3 weeks ago and my legs have twitched ever since"; "... a fortnight ago: X, Y
    # and Z. My legs have been cramping ever since."
    return re.search(rf"(?:{_TIED_MOVEMENT.pattern})[^.!?]*\b(?:ever since|since then|since)"
                     rf"(?:\s*(?:[.!?]|$)|\s+(?:it|then|that|starting|i (?:started|began|"
                     rf"switched|stopped)))", rest) is not None


# what "since" starts when it is a date of its own, not "since then": "since Friday my toes ..."
_A_DATE = (r"(?:(?:about|around|roughly|approx|right after|just after|early|mid|late|the|last|"
           r"yesterday|yday|this|today|\d|mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|"
           r"aug|sep|oct|nov|dec|halloween|christmas|easter|labou?r|new year|leg day)"
           r"\w*)")
# the movements, or the legs themselves, after "since then": "since then my legs can't keep
# still", "since then RLS every night"
_TIED_MOVEMENT = re.compile(r"twi\w{0,3}ch|jerk|cramp|kick|spasm|flicker|jump|jolt|flutter|"
                            r"rippl|fidget|restless|fizz|\burge|crawl|charl|\brls\b|\blegs?\b|"
                            r"\bcalf\b|\bcalves\b|\bthighs?\b|\bfeet\b|pacing|"
                            r"\bit\b|\bit'?s\b|\bthis\b|\bthese\b|\bthey\b|going on|symptoms?")


def _clause_of(text: str, match: re.Match[str]) -> str:
    start = max((edge.end() for edge in _CLAUSE_EDGE.finditer(text, 0, match.start())),
                default=0)
    end = _CLAUSE_EDGE.search(text, match.end())
    return text[start:match.start()] + " " + text[match.end():end.start() if end else len(text)]


# what may be the present problem itself: "had sciatica down my leg for 3 weeks"
_PROBLEM = re.compile(r"\b(?:sciatica|pain|ache|aching|numb\w*|tingl\w*|pins and needles|"
                      r"weak\w*)\b[^.,;]{0,25}\b(?:legs?|back|feet|foot|calf|calves|thighs?|toes)\b")


def _about_something_else(text: str, match: re.Match[str]) -> bool:
    """A duration that belongs to a medicine or illness: "been on sertraline for 2 years"; not
    "it's been going on for a year" or "I've had this twitch for ten years"."""
    before = text[max(0, match.start() - 60):match.start()]
    if re.search(r"\b(?:on|taking|taken)\b[^.;]{0,40},\s*(?:and\s+)?(?:i\s*)?(?:have|'ve)?\s*"
                 r"been\s*$", before):
        return True  # "I'm on sertraline, have been for 5 years"
    belongs = re.search(r"\b(?:been on|(?<!going )(?<!gone )(?<!carried )on(?! and off| ?-? ?off)|"
                        r"taking|taken|had|diabetic|diabetes)\b(?P<rest>[^.,;]{0,45})$", before)
    if belongs is None:
        return False
    rest = re.sub(r"\bthese\s*$", "", belongs.group("rest"))  # "taken these eight years"
    own = _THIS_MOVEMENT.search(rest) or (
        belongs.group(0).startswith("had") and _PROBLEM.search(rest))
    if own and "on" not in belongs.group(0).split()[:2]:
        return False
    return re.search(r"\b(?:for|since|these)\b", match.group(0) + before[-8:]) is not None


WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_DAY_SPELLINGS = {"monday": "mon|monday", "tuesday": "tues?|tuesday|teusday",
                  "wednesday": "weds?|wednesday|wensday|wednsday|wendsday",
                  "thursday": "thurs?|thursday|thur", "friday": "fri|friday",
                  "saturday": "sat|saturday|saterday", "sunday": "sun|sunday"}
_DAY = "|".join(_DAY_SPELLINGS.values())
_ROUGHLY = r"(?:(?:about|around|roughly|approx\.?|~|maybe|right|just|shortly|soon)\s*)?" \
    r"(?:(?:after|before)\s+)?"
# "since Sunday", "since leg day on Sunday", "since right after Labor Day"
_SINCE_DAY = re.compile(r"\bsince " + _ROUGHLY + r"(?:last )?(?P<day>" + _DAY + r")\b"
                        r"(?P<lastweek> last week)?"
                        r"|\bsince (?!then\b|that\b)[^.!?,;]{0,40}?\b(?:on|last) (?P<day2>"
                        + _DAY + r")\b"
                        r"|\bsince " + _ROUGHLY + r"(?:the )?(?P<feast>halloween|christmas|"
                        r"new year'?s?|"
                        r"bonfire night|boxing day|"
                        r"valentine'?s(?: day)?|labou?r day|memorial day|thanksgiving|"
                        r"july 4th|4th of july|fourth of july|independence day|"
                        r"easter)\b")
_STARTED_DAY = re.compile(r"\b(?:started|began|begun|kicked off|came on)\s+(?:on\s+|last\s+)?"
                          r"(?P<day>" + _DAY + r")\b(?P<lastweek> last week)?"
                          r"|\b(?:started|began|begun|kicked off|came on)\s+(?:in|at|up|"
                          r"round|around)\b[^.!?,;]{0,25}?\b(?:on|last) (?P<day2>" + _DAY + r")\b")
_SINCE_DATE = re.compile(r"\bsince " + _ROUGHLY + r"(?:the )?(?P<n>\d{1,2})(?:st|nd|rd|th)? "
                         r"(?:of )?(?P<month>" + "|".join(MONTHS) + r")\b|\bsince " + _ROUGHLY
                         + r"(?P<month2>" + "|".join(MONTHS)
                         + r") (?P<n2>\d{1,2})(?:st|nd|rd|th)?\b"
                         # "since about the 10th", "since the 1st of the month"
                         r"|\bsince " + _ROUGHLY + r"the (?P<n3>\d{1,2})(?:st|nd|rd|th)\b"
                         r"(?: of (?:this|the) month)?(?! of \w)"
                         # "Started 11/16", "since 16/11": a US or British day and month
                         r"|\b(?:since|started|began|from)\s+(?:on\s+)?(?P<d1>\d{1,2})/"
                         r"(?P<d2>\d{1,2})\b(?!/\d)")
# "on Saturday I fell, and since then my legs twitch"; "Yesterday my hand went numb for 10
# minutes. My right leg has been twitching since."
_SINCE_THEN = r"(?:\bsince then\b|\bever since\b|\bsince(?=\s*(?:[.!?,]|$)))"
_ON_WEEKDAY = re.compile(r"(?:\b(?:on|last) |(?:^|[.!?]\s*))(?P<day>" + _DAY + r")\b(?:[^.]{0,80}"
                         r"\b(?:since|ever since|since then)\b|[^.!?]{0,160}[.!?]\s*[^.!?]{0,100}"
                         + _SINCE_THEN + r")|\b(?P<yday>yesterday)\b(?:[^.]{0,60}"
                         r"\b(?:since|ever since)\b|[^.!?]{0,160}[.!?]\s*[^.!?]{0,100}"
                         + _SINCE_THEN + r")")
# a weekday counted in its month: (month, weekday, which; -1 the last)
MOVEABLE = {"labor day": (9, 0, 1), "labour day": (9, 0, 1), "memorial day": (5, 0, -1),
            "thanksgiving": (11, 3, 4)}
FEASTS = {"boxing day": (12, 26), "valentines": (2, 14), "independence day": (7, 4),
          "halloween": (10, 31), "christmas": (12, 25), "new year": (1, 1), "new years": (1, 1),
          "new year's": (1, 1), "bonfire night": (11, 5), "easter": (4, 1)}


def _weekday(word: str) -> int:
    return next(index for index, name in enumerate(WEEKDAYS)
                if re.fullmatch(_DAY_SPELLINGS[name], word))


def _days_since(match: re.Match[str], today: date) -> int | None:
    groups = match.groupdict()
    if groups.get("yday"):
        return 1
    if groups.get("day2"):
        return (today.weekday() - _weekday(groups["day2"])) % 7 or 7
    if groups.get("n3"):
        day = int(groups["n3"])
        if not 1 <= day <= 31:
            return None
        month = today.month if day <= today.day else (today.month - 2) % 12 + 1
        return _days_back(today, month, day)
    if groups.get("d1"):
        first, second = int(groups["d1"]), int(groups["d2"])
        if first <= 12 < second <= 31:  # 11/16: month then day
            return _days_back(today, first, second)
        if second <= 12 < first <= 31:  # 16/11: day then month
            return _days_back(today, second, first)
        if first <= 12 and second <= 12:  # either way; taken the way that is nearer today
            options = [_days_back(today, first, second), _days_back(today, second, first)]
            return min(options)
        return None
    if groups.get("day"):
        back = (today.weekday() - _weekday(groups["day"])) % 7
        if groups.get("lastweek"):
            return back + 7 if today.weekday() >= _weekday(groups["day"]) else back
        return back or 7
    if groups.get("feast"):
        feast = re.sub(r"^(?:valentine'?s)(?: day)?$", "valentines", groups["feast"])
        feast = re.sub(r"^(?:july 4th|4th of july|fourth of july)$", "independence day", feast)
        if feast in MOVEABLE:
            return _moveable(today, *MOVEABLE[feast])
        month, day = FEASTS[feast]
        return _days_back(today, month, day)
    month = groups.get("month") or groups.get("month2")
    number = groups.get("n") or groups.get("n2")
    if month and number and 1 <= int(number) <= 31:
        return _days_back(today, MONTHS.index(month) + 1, int(number))
    return None


def _moveable(today: date, month: int, weekday: int, which: int) -> int:
    """Labor Day (the first Monday of September), Thanksgiving (the fourth Thursday of
    November): the last one on or before today."""
    for year in (today.year, today.year - 1):
        days = [date(year, month, day) for day in range(1, 32) if _valid(year, month, day)
                and date(year, month, day).weekday() == weekday]
        then = days[which - 1] if which > 0 else days[which]
        if then <= today:
            return (today - then).days
    return 0


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


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


_ALL = (_numbered, _since_words, _relative_days, _point_days, _vague)

"""How often, how many drinks, hours of sleep, 0-10 scales, fluids, how long a cramp lasts, and
stopping drinking. Each reader returns (finding id, value, span); relative dates need `today`,
passed in so that reading stays deterministic."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from legcheck.text.dates import MEDICINE_NAME, read_durations
from legcheck.text.measures import read_measures
from legcheck.text.numbers import (
    ABOUT,
    NUM,
    RANGE,
    Quantity,
    about_movement,
    digits_for_words,
    number,
    range_value,
    sentence_of,
)
from legcheck.text.partner import read_partner_stillness
from legcheck.text.people import read_age_and_sex
from legcheck.text.relief import read_relief


def read_quantities(text: str, today: date) -> Iterator[Quantity]:
    lower = text.lower().replace("\u2019", "'")  # "didn’t": one apostrophe for the patterns
    lower = digits_for_words(lower)  # "thirty-four", "two and a half"
    for reader in (read_durations, _frequencies, _caffeine, _alcohol, _abstaining, _sleep,
                   _scales, _fluids, _cramp_length, _stopped_drinking, _no_new_medicine,
                   read_measures,
                   read_relief, read_partner_stillness):
        yield from reader(lower, today)
    yield from read_age_and_sex(lower)


# ---- how often ---------------------------------------------------------------------------------
_PER = {"day": 1.0, "daily": 1.0, "week": 1 / 7, "month": 1 / 30,
        "night": 1.0, "evening": 1.0}
_TIMES = re.compile(rf"{ABOUT}{RANGE}\s*(?:times?|x|episodes?|jerks?|jolts?|kicks?|spasms?|"
                    rf"twitch(?:es)?|cramps?|"
                    rf"attacks?|goes)?\s*(?:(?:a|an|per|each|every)\s+|/\s*)"
                    rf"(?P<per>day|night|hour|week|month)\b")
# a rate per hour ("40 kicks an hour", "3-4 twitches an hour") is how dense an episode is, not a
# count for the day: it gives no episodes_per_day
_TIMES_TODAY = re.compile(rf"{ABOUT}{RANGE}\s*times? (?:today|tonight|this morning)\b")
_NIGHTS = re.compile(rf"{ABOUT}{RANGE}\s*(?:nights?|nites?|evenings?)\s*(?:(?:a|per|each)\s+|/\s*)"
                     rf"(?:week|wk)\b")
_NIGHTS_OUT_OF = re.compile(rf"{ABOUT}{RANGE}\s*(?:nights?|nites?|evenings?)?\s*out of "
                            rf"(?:7|seven)\b")
_AT_NIGHT = re.compile(r"\b(?:at night|in the night|night|nights|woke|wakes?|waking|in bed|"
                       r"(?:drop|dropp?ing|drift|drifting|nod|nodding|doze|dozing) off|"
                       r"fall(?:ing)? asleep|go(?:ing)? to sleep|"
                       r"\d{1,2} ?am|asleep)\b")
_ALWAYS = re.compile(r"\b(?:constant(?:ly)?|all the time|non[- ]?stop|"
                     r"every (?:few )?(?:minutes?|seconds?)|hundreds of times)\b")


def _frequencies(text: str, today: date) -> Iterator[Quantity]:
    nights = _NIGHTS.search(text) or _NIGHTS_OUT_OF.search(text)
    if nights and (about_movement(text, nights, clause=True) or _about_it(text, nights)
                   or _MOVES.search(text)) and not _for_something_else(text, nights):
        yield Quantity("nights_per_week", min(range_value(nights), 7), nights.group(0))
    else:
        for pattern, value in ((r"(?<!almost )(?<!nearly )(?<!not )\bevery (?:single )?"
                                r"(?:night|nite|evening)\b|\bnightly\b|"
                                r"\beach (?:night|evening)\b", 7),
                               (r"\b(?:almost|nearly) every (?:night|evening)\b", 6),
                               (r"\bmost (?:nights|evenings)\b", 5),
                               (r"\bevery (?:other|second) (?:night|evening)\b", 3.5),
                               (r"\b(?:a few|some) (?:nights|evenings)\b", 3)):
            found = re.search(pattern, text)
            if found and (about_movement(text, found, clause=True) or _only_topic(text, found)) \
                    and not _for_something_else(text, found):
                yield Quantity("nights_per_week", value, found.group(0))
                break
    times = next((m for m in _TIMES.finditer(text) if not _for_something_else(text, m)),
                 None) or _TIMES_TODAY.search(text)
    if times and times.groupdict().get("per") == "week" and not nights and _AT_NIGHT.search(text) \
            and (about_movement(text, times, clause=True) or _about_it(text, times)):
        # a weekly count of something that comes at night is a count of nights
        yield Quantity("nights_per_week", min(range_value(times), 7), times.group(0).strip())
        return
    other_day = re.search(r"\bevery (?:other|second) day\b", text)
    if other_day and not times and about_movement(text, other_day, clause=True):
        yield Quantity("episodes_per_day", 0.5, other_day.group(0))
        return
    if times and times.groupdict().get("per") == "hour":
        return  # how dense an episode is ("40 kicks an hour"), not a count for the day
    if times and about_movement(text, times, clause=True):
        per = _PER[times.group("per")] if "per" in times.groupdict() else 1.0
        yield Quantity("episodes_per_day", round(range_value(times) * per, 2),
                       times.group(0).strip())
        return
    always = _ALWAYS.search(text)
    if always and about_movement(text, always, clause=True) and _MOVES.search(
            _clause_around(text, always)):
        yield Quantity("episodes_per_day", 100, always.group(0))
    elif not times:
        yield from _count_without_period(text)


# "constantly" says how often only of a movement, not of a calf that "feels tight all the time"
_MOVES = re.compile(r"twi\w{0,3}ch|jerk|cramp|kick|spasm|flicker|jump|jolt|flutter|ripple|"
                    r"restless|fizz|\bit\b|\bit'?s\b|\bthey\b|\bthey'?re\b|going")
_COUNT_AT_SLEEP = re.compile(rf"{ABOUT}{RANGE}\s*times?\s+(?:when|as|while|just as|right as) "
                             rf"(?:i'?m |i )?(?:fall|falling|drift|drifting|nod|nodding|doze|"
                             rf"dozing|drop|dropping|go|going) (?:off|asleep|to sleep)"
                             rf"|\b(?P<oot>once or twice)\s+(?:when|as|while|just as|right as)\b")
# "2 or 3 big jolts as I go under": the count of one falling asleep
_JOLTS_AT_SLEEP = re.compile(rf"{ABOUT}{RANGE}\s*(?:big |little |small |huge )?(?:jolts|jerks|"
                             rf"kicks|starts)\s+(?:when|as|while|just as|right as) (?:i'?m |i )?"
                             rf"(?:fall|falling|drift|drifting|nod|nodding|doze|dozing|drop|"
                             rf"dropping|go|going) (?:off|asleep|to sleep|under)\b")


def _count_without_period(text: str) -> Iterator[Quantity]:
    """"jerk once or twice as I fall asleep": a count for each time of sleeping, one a day; so is
    "it happens 4 or 5 times before I get to sleep" and "tonight it's happened about 8 times"."""
    found = _COUNT_AT_SLEEP.search(text) or _JOLTS_AT_SLEEP.search(text)
    if found and about_movement(text, found, clause=True):
        value = 1.5 if found.groupdict().get("oot") else range_value(found)
        yield Quantity("episodes_per_day", value, found.group(0).strip())
        return
    for count in _COUNT.finditer(text):
        sentence = sentence_of(text, count)
        if _ONE_NIGHT.search(sentence) and _MOVES.search(text[max(0, count.start() - 200):
                                                               count.end()]) \
                and not _for_something_else(text, count) \
                and not re.match(r"\s*(?:a|an|per|each|every)\s", text[count.end():]):
            yield Quantity("episodes_per_day", range_value(count), count.group(0).strip())
            return


# a count in a sentence about one night's sleep or one day
_COUNT = re.compile(rf"{ABOUT}{RANGE}\s*(?:times|of them|jolts|jerks|kicks)\b")
_ONE_NIGHT = re.compile(r"\b(?:fall(?:ing)? asleep|drift(?:ing)? off|nod(?:ding)? off|"
                        r"drop(?:ping)? "
                        r"off|get(?:ting)? to sleep|go(?:ing)? to sleep|before (?:i )?(?:finally )?"
                        r"(?:go|sleep)|sleep (?:finally )?comes|tonight|today|last night)\b")
# what a count in a sentence is about: the topic named last before it
_TOPIC = re.compile(r"(?P<other>coffees?|teas?|drinks?|drinking|monsters?|energy|red ?bulls?|"
                    r"colas?|cokes?|pints?|beers?|wine|lager|cigarettes?|smok\w*|smoker|vap\w*|"
                    r"roll-?ups|fags|tablets?|pills?|doses?|triptans?|sumatriptan|takes?|dialysis|"
                    r"eat(?:ing)?|meals?|pee(?:ing)?|wee(?:ing)?|toilet)\b"
                    # an activity only in the count's own clause: "I swim 4 times a week", not
                    # "my calf twitches when I walk, 10 times a day"
                    r"|(?P<doing>sessions?|football|gym|training|plays?|runs?|running|walks?|"
                    r"swim\w*|class(?:es)?|workouts?|work(?:ing)? out|exercis\w*|work|shifts?)\b"
                    r"|(?P<move>twi\w{0,3}ch|jerk|cramp|kick|spasm|flicker|jump|jolt|flutter|"
                    r"ripple|restless|fizz|\bit\b|\bit'?s\b|\bthey\b|\bthey'?re\b|happen)")


def _for_something_else(text: str, match: re.Match[str]) -> bool:
    """"drink monster b4 football, 1 a day", "smoker, 20 a day", "football 5 times a week": the
    topic named last before the count, in its sentence, is not the movements."""
    start = max((edge.end() for edge in re.finditer(r"[.!?;\n]", text[:match.start()])),
                default=0)
    topics = list(_TOPIC.finditer(text, start, match.start()))
    # a drink or a medicine named after the last movement word: "energy drinks on shift, prob 3
    # a night", "Sudafed, like 4 a day"
    moved = max((t.end() for t in topics if t.group("move")), default=start)
    if any(t.group("other") for t in topics if t.start() >= moved) or MEDICINE_NAME.search(
            text, max(moved, match.start() - 30), match.start()):
        return True
    if not topics or topics[-1].group("move"):
        return False
    return topics[-1].group("other") is not None or not re.search(
        r"[,;:(]", text[topics[-1].end():match.start()])


def _only_topic(text: str, match: re.Match[str]) -> bool:
    """"sleep starts. every night.": a short text about the movements alone, the count in a
    sentence of its own."""
    sentence = sentence_of(text, match).strip(" .!?")
    moves = _MOVES.search(text) or re.search(r"\b(?:sleep starts?|hypnic)\b", text)
    return len(text) < 120 and moves is not None and len(sentence.split()) <= 3


def _about_it(text: str, match: re.Match[str]) -> bool:
    """"It's now 5 or 6 nights a week": a clause whose subject is "it" or "they"."""
    clause = _clause_around(text, match)
    # a form's question names it: "how often - 3 or 4 times a week", "how many nights - 6"
    return re.match(r"\s*(?:it|it'?s|its|they|they'?re|this|how often|how many (?:nights|times)|"
                    r"frequency|nights)\b", clause) is not None


def _clause_around(text: str, match: re.Match[str]) -> str:
    start = max((edge.end() for edge in re.finditer(r"[.!?;\n,]|\band\b|\bbut\b", text[
        :match.start()])), default=0)
    return text[start:match.end()]




# ---- drinks ------------------------------------------------------------------------------------
# drinks with caffeine: coffee, tea, energy drinks and colas or sodas ("soda", "pop")
_CAFFEINE_DRINK = (r"coffees?|espressos?|lattes?|cappuccinos?|americanos?|joe|energy drinks?|"
                   r"red ?bulls?|monsters?|cokes?|colas?|diet cokes?|pepsis?|teas?|sodas?|pop|"
                   r"fizzy drinks?|mountain dews?|dr\.? peppers?|pre-?workouts?")
_CAFFEINE = re.compile(
    rf"{ABOUT}{RANGE}\s*(?:\d+[- ]?(?:oz|ml|cl)\s+)?(?:big |large |strong |double |black )?"
    rf"(?P<pot>pots?|cafetieres?|carafes?)?(?:cups?|mugs?|cans?|shots?|bottles?)?\s*(?:of\s+)?"
    rf"(?:{_CAFFEINE_DRINK}|cups? of tea)\b(?P<week>(?:[^.;,]{{0,12}})\b(?:a|per) week)?")
_ALCOHOL_UNITS = {"pint": 2, "beer": 2, "lager": 2, "cider": 2, "can": 2, "glass": 2,
                  "wine": 2, "bottle": 10, "shot": 1, "unit": 1, "drink": 2, "double": 2,
                  "vodka": 1, "whisky": 1, "whiskey": 1, "whiskie": 1, "gin": 1, "rum": 1,
                  "spirit": 1}
_ALCOHOL = re.compile(
    rf"{ABOUT}{RANGE}\s*(?:large |big |small |single |stiff )?(?P<item>pint|beer|lager|cider|can|"
    rf"glass|bottle|shot|unit|drink|double|vodka|whiskie|whisky|whiskey|gin|rum|spirit)(?:es|s)?"
    rf"(?P<or>\s+or\s+(?:2|3|4|two|three|four))?"
    rf"(?:\s+of\s+(?:\w+\s+)?(?:beer|lager|cider|wine|red|white|vodka|whisky|gin|spirits))?\b"
    rf"(?P<when>[^.;]{{0,25}}?\b(?:a|an|per|each|every)\s+"
    rf"(?:night|day|evening|week|weekend)|\s*/\s*(?:day|night|week|wk)\b"
    rf"|[^.;]{{0,25}}?\bmost (?:nights|evenings|days)\b"
    rf"|[^.;]{{0,25}}?\b(?:on (?:a )?(?:mon|tues|wednes|thurs|"
    rf"fri|satur|sun)days?(?P<two> (?:and|&) (?:mon|tues|wednes|thurs|fri|satur|sun)days?)?"
    rf"|at (?:the )?weekends?))?")


_CAFFEINE_AFTER = re.compile(
    rf"\b(?:{_CAFFEINE_DRINK}|caffeine)\b(?:[^.;!?\n•]{{0,45}}?\b(?:to |like |probably |prob |"
    rf"maybe |about |around |"
    rf"guess |say )?{RANGE}\s*(?:cups?|mugs?|cans?|a day|per day|daily|/\s*day|a night|"
    rf"a shift|per shift|times? (?:in |a |per )?(?:the )?day|ish\b)"
    rf"|\s*(?:x\s*|:\s*)(?P<x>\d+)\b(?!\s*(?:mg|ml|oz|%))(?:\s*/\s*day)?"
    rf"|[^.;!?\n•]{{0,25}}?\(\s*(?P<paren>\d+(?:\s*-\s*\d+)?)\s*\))")
# "cut my coffee right down to one"
_CAFFEINE_DOWN_TO = re.compile(rf"\b(?:coffees?|teas?|caffeine)\b[^.;:!?]{{0,25}}?\bdown to "
                               rf"(?:just |only )?{RANGE}\b")
# a number taken back or changed after a count: "- ok, honestly, nearer 5", "to about 5"
_CORRECTED = re.compile(rf"(?:\s*(?:a|per) day)?[^.;!?\d]{{0,30}}?\b(?:nearer|closer to|more like|"
                        rf"make that|actually|really|(?<!used )to)\s+{ABOUT}{RANGE}\b"
                        rf"(?!\s*(?:am|pm|hours?|hrs?|days?|weeks?|mg|%|/|out of|years?))")
_POT_CUPS = 4  # a pot or cafetiere of coffee is about four cups


def _caffeine(text: str, today: date) -> Iterator[Quantity]:
    total, spans = 0.0, []
    matches = list(_CAFFEINE.finditer(text))
    if not matches:
        after = _CAFFEINE_AFTER.search(text) or _CAFFEINE_DOWN_TO.search(text)
        if after:
            said = after.groupdict()
            if said.get("x"):
                value = float(said["x"])
            elif said.get("paren"):
                ends = [float(n) for n in re.findall(r"\d+", said["paren"])]
                value = sum(ends) / len(ends)
            else:
                value = range_value(after)
            yield Quantity("caffeine_cups_per_day", value, after.group(0).strip())
        return
    for match in matches:
        corrected = _CORRECTED.match(text, match.end())
        if corrected:  # "2 coffees a day - ok, honestly, nearer 5"; "from 2 coffees to 5"
            total += range_value(corrected)
            spans.append(match.group(0).strip() + corrected.group(0))
            continue
        amount = range_value(match) / (7 if match.group("week") else 1)
        amount *= _POT_CUPS if match.group("pot") else 1
        total += amount
        spans.append(match.group(0).strip())
    if spans:
        yield Quantity("caffeine_cups_per_day", round(total, 1), "; ".join(spans))


def _alcohol(text: str, today: date) -> Iterator[Quantity]:
    total, spans = 0.0, []
    for match in _ALCOHOL.finditer(text):
        when = match.group("when") or ""
        if not when or (match.group("item") == "can"
                        and _ENERGY.search(sentence_of(text, match))):
            continue
        if _NOT_ALCOHOL.match(text, match.end("item")) or _RESTATED.search(
                text, max(0, match.start("a") - 30), match.start("a")):
            continue  # "8 glasses of water a day"; "(so about 4 cans a week)" said already
        weekly = 1 if re.search(r"week|day|wk", when) and not re.search(
            r"\b(?:a|per|each|every) day|/\s*day", when) else 7
        weekly = 5 if re.search(r"\bmost\b", when) else 2 if match.group("two") else weekly
        count = range_value(match)
        if match.group("or"):  # "a glass or two"
            count = (count + number(match.group("or").split()[-1])) / 2
        nights = re.search(r"(\d+(?:\.\d+)?)\s*(?P<what>nights?|evenings?|days?|times?)?\s*"
                           r"(?:a|per)\s+week", when)
        if nights and nights.group("what"):  # "a glass maybe 3 nights a week"
            weekly = float(nights.group(1))
        elif nights:  # "a glass with dinner (so 7 a week)": the week's count itself
            count, weekly = float(nights.group(1)), 1
        days = _WEEKDAY_NAME.findall(sentence_of(text, match)[:200])
        if re.search(r"\b(?:each|every|a|per)\s+(?:night|evening)", when) and len(days) >= 2:
            weekly = len(days)  # "out Weds, Fri and Sat, 5 pints each night"
        units = _ALCOHOL_UNITS[match.group("item")]
        total += count * units * weekly
        spans.append(match.group(0).strip())
        # "3 pints on a Friday and 3 on a Saturday"; "... plus a couple of shots"
        more = _MORE_DRINK.match(text, match.end())
        if more and (more.group("item2") or more.group("day")):
            item = more.group("item2")
            extra_units = _ALCOHOL_UNITS[item] if item else units
            total += range_value(more) * extra_units * (1 if more.group("day") else weekly)
            spans.append(more.group(0).strip())
    if spans:
        yield Quantity("alcohol_units_per_week", round(total), "; ".join(spans))


# a glass, can or bottle of something that is not alcohol
_NOT_ALCOHOL = re.compile(r"(?:es|s)?\s+of\s+(?:\w+\s+)?(?:water|soda|pop|cola|coke|diet|"
                          r"juice|milk|tea|coffee|squash|lemonade|mountain|dr\.?|energy|monster|"
                          r"red ?bull|"
                          r"pepsi|fanta|sprite|lucozade|relentless|rockstar|irn|tonic|fizzy|"
                          r"sparkling|orange|apple|protein|shake|decaf|hot chocolate|cocoa|"
                          r"electrolytes?|gatorade|powerade|ribena|vimto|kombucha|smoothie|"
                          r"ginger|oat|soya|almond)\b")
_RESTATED = re.compile(r"\(\s*(?:so|that'?s|thats|i\.?e\.?|or)\s*(?:about |around |roughly |"
                       r"maybe |like )?$")
_WEEKDAY_NAME = re.compile(r"\b(?:mon|tues?|weds?|wednes|thurs?|fri|sat|satur|sun)(?:days?)?\b")
_MORE_DRINK = re.compile(
    rf"\s*(?:,|and|&|\+|plus)\s*(?:then\s+)?(?:another\s+)?{RANGE}(?:\s*(?P<item2>pint|shot|glass|"
    rf"can|bottle|double|beer)(?:es|s)?\b)?(?:\s+(?:on (?:a )?(?P<day>(?:mon|tues|wednes|thurs|fri|"
    rf"satur|sun)days?)))?")
_ENERGY = re.compile(r"energy|red ?bull|monster|cola|coke|pepsi|lucozade|relentless|rockstar")
_NO_ALCOHOL = re.compile(
    r"\b(?:(?:i |i'm |im )?(?:don'?t|do not|never|doesn'?t|does not) (?:drink|touch (?:alcohol|"
    r"booze|a drop))(?! (?:enough|enuf|nearly|much|a lot|lots|many|water|coffee|tea|fluids?|"
    r"milk|juice|"
    r"caffeine|energy|as much|more|less))(?:\s+(?:alcohol|at all|booze))?|teetotal|tee-?total|"
    r"(?:haven'?t|have not|hasn'?t|has not|not) (?:touched|had) (?:a (?:drop|drink)|alcohol|"
    r"any alcohol|booze)(?: since)?(?=\s*(?:$|[.,;!]))|no longer drinks?|"
    r"(?:don'?t|do not|doesn'?t) drink (?:any ?more|now)|"
    r"(?:(?:i'?ve|i have|have|i'?m|i am) )?(?:not|never|haven'?t|havent) been drinking"
    r"(?! (?:enough|much|a lot|lots|many|water|coffee|tea|fluids?|milk|juice|caffeine|energy|"
    r"as much|more|less))|"
    r"non-?drinker|no alcohol|alcohol[- ]free|sober|"
    r"(?:alcohol|booze|drink(?:s|ing)?)\s*[:=-]\s*(?:basically |pretty much |practically |"
    r"virtually |almost )?(?:none|nil|zero|0|no|never)(?!\.?\d))\b")
_NO_CAFFEINE = re.compile(
    r"\b(?:no (?:caffeine|coffee|energy drinks)|(?:don'?t|do not|never) (?:do|have|drink|touch) "
    r"(?:any )?(?:caffeine|coffee)|caffeine[- ]free|(?:quit|gave up|given up|stopped|cut out) "
    r"(?:all )?(?:caffeine|coffee)|decaf only|only decaf|only drink decaf|"
    r"(?:0|zero|nil) (?:caffeine|coffees?|cups of coffee)|caffeine\s*[:=-]\s*(?:0|none|nil|no)"
    r"(?!\.?\d))\b")


def _abstaining(text: str, today: date) -> Iterator[Quantity]:
    """"I don't drink", "teetotal" -> no alcohol; "no caffeine", "quit coffee" -> none."""
    for finding, pattern in (("alcohol_units_per_week", _NO_ALCOHOL),
                             ("caffeine_cups_per_day", _NO_CAFFEINE)):
        match = pattern.search(text)
        if match and not re.search(r"\b(?:since|until|till|lately)\b|\bfor (?:a|\d)",
                                   text[match.end():match.end() + 12]):
            # "gave up coffee (was 6 cups a day)": the cups were before
            quit = re.search(r"quit|gave up|given up|stopped|cut out", match.group(0))
            yield Quantity(finding, 0, match.group(0), overrides=bool(quit))


# ---- sleep, scales, fluids ---------------------------------------------------------------------
_SLEEP = (re.compile(rf"(?:sleep(?:ing|s)?|slept|get(?:ting)?|manage|(?:running|surviving|living|"
                     rf"functioning|getting by) on|despite(?: getting| sleeping)?)\s+{ABOUT}{RANGE}"
                     rf"\s*(?:hours?|hrs?|h)\b(?!\s*(?:ago|later|after|before|into|of (?:exercise|"
                     rf"work|driving|shifts?)|a (?:week|day)|shifts?))"),
          # "sleep anywhere between 5 and 7 hours"
          re.compile(rf"\b(?:sleep(?:ing|s)?|slept)\b[^.;!?]{{0,20}}?\bbetween\s+(?P<a>{NUM})\s+"
                     rf"and\s+(?P<b>{NUM})\s*(?:hours?|hrs?|h)\b"),
          re.compile(rf"{ABOUT}{RANGE}\s*(?:hours?|hrs?|h)'?\s+(?:of\s+)?(?:sleep|a night|"
                     rf"per night|at night|kip)"),
          re.compile(rf"\b(?:sleep(?:ing)?|slept)\b[^.;!?]{{0,25}}?[(\-–:]\s*{ABOUT}{RANGE}\s*"
                     rf"(?:hours?|hrs?|h)\b"),
          # "my sleep is okay, 7 hours", "not sleeping brilliantly, 6 hours maybe"
          re.compile(rf"\b(?:sleep(?:ing)?|slept)\b(?P<between>[^.;!?]{{0,30}}?)[,:]?\s+"
                     rf"{ABOUT}{RANGE}\s*(?:hours?|hrs?|h)\b(?!\s*(?:ago|later|after|before|"
                     rf"into|of (?:exercise|work|driving)))"))
_SCALE = re.compile(r"\b(?P<n>\d{1,2})\s*(?:/|out of)\s*10\b")


def _sleep(text: str, today: date) -> Iterator[Quantity]:
    match = next((m for m in (pattern.search(text) for pattern in _SLEEP)
                  if m and not re.search(r"\b(?:for|lasts?|lasted|takes?|took|every)\b|\d",
                                         m.groupdict().get("between") or "")), None)
    if not match:  # "knackered from a run of nights, averaging 4-5 hrs"
        match = next((m for m in _AVERAGING.finditer(text)
                      if _RESTED.search(sentence_of(text, m))), None)
    if match:
        value = range_value(match)
        if 0 < value <= 16:
            yield Quantity("sleep_hours", value, match.group(0).strip())


_AVERAGING = re.compile(rf"\baverag(?:ing|e of|e)\s+{ABOUT}{RANGE}\s*(?:hours?|hrs?|h)\b"
                        rf"(?!\s*(?:of (?:work|exercise|driving|screen)|a (?:week|day)))")
_RESTED = re.compile(r"\b(?:sleep\w*|slept|nights?|knackered|exhausted|shattered|tired|"
                     r"wiped out|insomnia|bed)\b")


# "stress about a 3", "stress at 7", "stress is like 9": a number said of stress alone
_STRESS_NUMBER = re.compile(r"\bstress(?:ed)?(?: levels?)?(?:'s| is| are| at| about| around| of|"
                            r":| -)*\s*(?:like |about |around |maybe |probably |prob )?(?:an? )?"
                            r"(?P<n>\d{1,2})\b(?!\s*(?:%|/|out of|hours?|hrs?|days?|weeks?|"
                            r"months?|years?|times|am|pm|kg|cups?))")


def _scales(text: str, today: date) -> Iterator[Quantity]:
    stress = _STRESS_NUMBER.search(text)
    seen: set[str] = set()
    if stress and int(stress.group("n")) <= 10 and not _SCALE.match(text, stress.start("n")):
        seen.add("stress_level")
        yield Quantity("stress_level", int(stress.group("n")), stress.group(0))
    previous_end = 0
    for match in _SCALE.finditer(text):
        value = int(match.group("n"))
        before = text[max(previous_end, match.start() - 60):match.start()]
        previous_end = match.end()
        if value > 10:
            continue
        before = before[max((e.end() for e in re.finditer(r"[.!?;\n]", before)), default=0):]
        finding = "stress_level" if re.search(r"stress|anxi|worr", before) else "intensity"
        if finding not in seen:
            seen.add(finding)
            yield Quantity(finding, value, match.group(0))


_FLUIDS = re.compile(rf"{ABOUT}{RANGE}\s*(?:us |u\.s\. )?(?P<unit>litres?|liters?|l|glass(?:es)?|"
                     rf"bottles?|gallons?|ml|oz|fl\.? ?oz|ounces?)\s+(?:of\s+)?water")
# a volume in a sentence about drinking or water: "I have like half a litre a day", "drank maybe
# 1.5 L", "only managing about a litre", "64 oz"
_VOLUME = re.compile(rf"{ABOUT}{RANGE}\s*(?:us |u\.s\. )?(?P<unit>litres?|liters?|ltrs?|l|ml|oz|"
                     rf"fl\.? ?oz|ounces?|gallons?)\b(?!\s*(?:of\s+)?(?:\w+\s+)?(?:wine|beer|"
                     rf"lager|cider|vodka|cola|coke|pepsi|energy|monster|red ?bull|milk|juice|"
                     rf"coffee|tea|squash|pop|soda|bottles?))")
_ABOUT_DRINKING = re.compile(r"\b(?:water|drink\w*|drank|fluids?|hydrat\w*|intake)\b")
_NOT_WATER = re.compile(r"\b(?:wine|beer|lager|cider|vodka|pints?|cola|coke|energy|sweat\w*|"
                        r"pee\w*|urine|wee\w*|blood|vomit\w*)\b")
_FLUIDS_DRUNK = re.compile(rf"\bdrinks?\b[^.;]{{0,15}}?{ABOUT}{RANGE}\s*(?P<unit>litres?|"
                           rf"liters?|l|gallons?)\s+(?:a|per) day")


def _fluids(text: str, today: date) -> Iterator[Quantity]:
    match = _FLUIDS.search(text) or _FLUIDS_DRUNK.search(text) or next(
        (m for m in _VOLUME.finditer(text) if _ABOUT_DRINKING.search(sentence_of(text, m))
         and not _NOT_WATER.search(_clause_around(text, m))), None)
    if match:
        unit = match.group("unit")
        per = 0.25 if unit.startswith("glass") else 0.5 if unit.startswith("bottle") else \
            3.8 if unit.startswith("gallon") else 0.001 if unit == "ml" else \
            0.0296 if "oz" in unit or unit.startswith("ounce") else 1
        yield Quantity("fluids_litres_per_day", round(range_value(match) * per, 2), match.group(0))


# ---- how long a cramp lasts, stopping drinking -------------------------------------------------
_CRAMP_LENGTH = re.compile(rf"(?P<more>over|more than|longer than|at least|for)?\s*{ABOUT}{RANGE}"
                           rf"\+?\s*(?P<unit>seconds?|secs?|minutes?|mins?|hours?|hrs?)\b")


_CRAMP_WORD = r"cramp|spasm|charley|charlie|knot|seiz"


# "lasts seconds", "fewer than ten minutes": short, with no number of minutes to read
_CRAMP_SHORT = re.compile(r"\blast(?:s|ed|ing)? (?:only |just |a few |mere )?(?:seconds|a second|"
                          r"a moment|moments)\b|"
                          r"\blast\w* [^.;!?]{0,30}\b(?:fewer|less) than (?:ten|10)\b|"
                          r"\bunder (?:ten|10) min")
# a sentence that is only a length, after the cramp: "Left calf. 2 mins."
_LENGTH_ALONE = re.compile(r"(?:about |around |roughly |approx\.? |~\s*)?\d+(?:\.\d+)?\s*"
                           r"(?:seconds?|secs?|minutes?|mins?)\.?")
# a rate or a moment, not a length: "a few times an hour", "in the last 20 minutes of a match"
_NOT_A_LENGTH = re.compile(r"(?:\btimes?|\bthe (?:last|first|final|past)|\bevery)\s*$")
# "a 90 minute match": the length of something else
_LENGTH_OF_ANOTHER = re.compile(r"\s*-?\s*(?:long\s+)?(?:(?:of|into) (?:the |a |my |each )?)?"
                                r"(?:match|game|run|walk|session|class|drive|"
                                r"flight|meeting|workout|swim|ride|commute|nap|shower|bath|"
                                r"journey|shift|lecture|film|movie)\b")


def _cramp_length(text: str, today: date) -> Iterator[Quantity]:
    """A cramp over 10 minutes (yes) or one that lasts seconds or a few minutes (no)."""
    for match in _CRAMP_LENGTH.finditer(text):
        sentence = sentence_of(text, match)
        if _LENGTH_OF_ANOTHER.match(text, match.end()) or _NOT_A_LENGTH.search(
                text[max(0, match.start() - 20):match.start()]):
            continue  # "a 90 minute match", "a few times an hour", "the last 20 minutes of"
        if not re.search(_CRAMP_WORD, sentence) and not (  # "Charley horse at 3am. Lasted 2 min"
                (re.search(r"\b(?:it |they |each one |which )?last(?:s|ed|ing)?\b|\bhow long\b|"
                           r"\b(?:goes|went|passes|passed|eases|eased|stops|stopped|settles) "
                           r"(?:off |away )?(?:in|within|after)\b|"
                           r"\b(?:over|gone|done|finished) (?:in|within|after)\b", sentence)
                 or re.match(r"\s*long\b", text[match.end():])
                 or _LENGTH_ALONE.fullmatch(sentence.strip()))
                and re.search(_CRAMP_WORD, text[max(0, match.start() - 200):match.start()])):
            continue
        unit = match.group("unit")
        minutes = range_value(match) * (1 / 60 if unit.startswith("s") else
                                   60 if unit.startswith("h") else 1)
        if re.search(r"\b(?:ago|sleep|asleep)\b", text[match.end():match.end() + 12]):
            continue  # "an hour ago", "an hour into sleep" are not a cramp's length
        yield Quantity("cramp_over_10_minutes", minutes > 10 or (minutes == 10 and
                                                                bool(match.group("more"))),
                       match.group(0).strip())
        return
    short = _CRAMP_SHORT.search(text)
    if short and re.search(_CRAMP_WORD, text[max(0, short.start() - 200):short.end()]):
        yield Quantity("cramp_over_10_minutes", False, short.group(0).strip())


_STOPPED = re.compile(r"\b(?:drink\w*|alcohol|booze|units?|beers?|wine|vodka|pints?|lager|"
                      r"cider|spirits)\b[^.!?]{0,60}[.!?]?\s*[^.!?]{0,30}?\b(?:stopped|quit|"
                      r"gave up|given up|packed (?:it )?in|cut (?:it )?out|cold turkey|"
                      r"detox\w*)\b(?! smoking)"
                      r"|\b(?:stopped|quit|gave up|given up|cold turkey (?:off|from|on))\s+"
                      r"(?:completely\s+)?(?:drinking|alcohol|the booze|booze|the drink)\b")


# "not on any new meds", "meds: none new", "on metformin and lisinopril, nothing new"
_NO_NEW_MEDICINE = re.compile(
    r"\b(?:not|n'?t|never|nt) (?:on|taking|take|takes|started|start) any (?:new |other |regular )?"
    r"(?:meds|medications?|medicines?|tablets|pills|drugs)\b"
    r"|\b(?:meds|medications?|medicines?|tablets)\s*[:=-]\s*(?:none|no|nil|n/?a)(?: new)?\b"
    r"|\b(?:on|taking|takes?)\b[^!?]{0,60}?(?:,|\band\b|-|[.;]\s*)\s*(?:but\s+)?(?:nothing new|"
    r"nothing(?:'s| has)? changed|no changes?(?: (?:there|recently|lately))?)\s*(?:[.;!?,]|$)"
    r"|\(\s*[a-z][a-z' -]{2,25},\s*(?:no changes?|nothing new|unchanged|same dose)\s*\)"
    # "no change to my tablets", "nothing new med-wise", "blood pressure pills unchanged"
    r"|\bno (?:changes?|change) (?:to|in|with) (?:my|her|his|their|the) (?:\w+ )?"
    r"(?:meds|medications?|medicines?|tablets|pills|prescriptions?)\b"
    r"|\bnothing new,? (?:meds?|medications?|medicines?|drugs?)[- ]wise\b"
    r"|\b(?:meds?|medications?|medicines?|drugs?)[- ]wise,? nothing new\b"
    r"|\b(?:meds|medications?|medicines?|tablets|pills)\s+(?:are\s+|have been\s+|all\s+)?"
    r"(?:unchanged|the same as (?:ever|always|before))\b")


def _no_new_medicine(text: str, today: date) -> Iterator[Quantity]:
    match = _NO_NEW_MEDICINE.search(text)
    if match:
        yield Quantity("medicine_change", ("none",), match.group(0).strip())


# "sober 2 years now" is not recent; "sober for 5 days" is
_SOBER = re.compile(rf"\b(?:sober|dry|alcohol[- ]free|off the (?:booze|drink|alcohol))(?: for)?"
                    rf"(?: about| around| nearly| almost| over)?\s+{RANGE}\s*(?P<unit>days?|"
                    rf"nights?|weeks?|months?|years?|yrs?)\b")


def _stopped_drinking(text: str, today: date) -> Iterator[Quantity]:
    """Stopping drinking: recent (yes), or months or years ago, which is not recent (no)."""
    sober = _SOBER.search(text)
    if sober:
        recent = sober.group("unit").startswith(("day", "night")) or (
            sober.group("unit").startswith("week") and range_value(sober) <= 2)
        yield Quantity("stopped_alcohol_recently", recent, sober.group(0), overrides=not recent)
        if not recent:  # "dry 2 years now": no alcohol now
            yield Quantity("alcohol_units_per_week", 0, sober.group(0))
        return
    match = _STOPPED.search(text)
    if match:
        long_ago = re.search(r"\b(?:years?|months?) ago\b|\bfor (?:years|months)\b|"
                             r"\b(?:in|back in) (?:19|20)\d\d\b|\blast year\b|"
                             r"\b(?:in|over|during|back in) (?:the )?(?:spring|summer|autumn|fall|"
                             r"winter)\b",
                             text[match.end():match.end() + 40])
        yield Quantity("stopped_alcohol_recently", not long_ago, match.group(0).strip(),
                       overrides=bool(long_ago))



"""Read a description into observations (source "text", with the words they came from).

Rules, in order of trust: a mention said of the person counts; negated, it counts as absent (or 0
for an amount); uncertain, hypothetical or past mentions ("scared it could be ALS", "a seizure as a
child") count for nothing; a relative's mention counts only for family history, unless the whole
text is about that relative ("my husband's leg keeps jerking")."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from legcheck.engine.answers import Observation, coerce_value
from legcheck.errors import InputError
from legcheck.knowledge import KnowledgeBase
from legcheck.text.asides import (
    FIT,
    IN_SLEEP,
    LIMB_ASLEEP,
    MINE,
    NO_MEMORY,
    PROBLEM_NAMED,
    SET_ASIDE_MOVEMENTS,
    WET_ONESELF,
    hurt_by_accident,
    owned_movement,
    unchanged_is_another,
)
from legcheck.text.backref import asked_about, denied_by_pointing_back, denied_findings
from legcheck.text.course import read_course
from legcheck.text.denials import (
    LIST_JOIN,
    NEGATING,
    answered_no,
    answered_yes,
    denial_of_what_follows,
    denied_across,
    feels_none_of_what_follows,
    felt_none,
    finding_of,
    inside_another,
    listed_after_denial,
    warning_sign_past_a_comma,
)
from legcheck.text.guard import checked_text
from legcheck.text.history import resolved_long_ago, tested_for
from legcheck.text.lifelong import lifelong
from legcheck.text.measures import not_lately
from legcheck.text.normal import (
    negation_right_before,
    problem_denied,
    said_to_be_normal,
    taken_back,
)
from legcheck.text.numbers import digits_for_words
from legcheck.text.people import OTHERS_FEMALE, OTHERS_MALE
from legcheck.text.pipeline import build_pipeline, lower_of, matches, meanings
from legcheck.text.quantities import read_quantities
from legcheck.text.scope import SOFTLY_SAID_GROUPS, denial_ended, hedged, only_softly_hedged
from legcheck.text.typos import with_g_restored
from legcheck.text.when import (
    exercise_in,
    falling_asleep_in,
    mind_at_rest,
    relief_not_time,
    rest_by_day,
    rest_in,
    woken_in,
)
from legcheck.text.where import (
    OVER_AND_DONE,
    RLS_NAME,
    Place,
    location_of,
    numbness_where,
    pain_down_both,
    place_inside,
    place_of,
    saddle_only,
    weakness_where,
)

CHANGE_WORDS = re.compile(
    r"\b(?:start(?:ed|ing|s)?|began|begun|new|newly|increas(?:ed|ing)|upped|raised|doubled|"
    r"higher dose|switch(?:ed)?|chang(?:ed|ing)|stopp?(?:ed|ing)|came off|come off|coming off|"
    r"went off|reduc(?:ed|ing)|lowered|cut down|put me on|put on|prescribed|just got|recently|"
    r"added|went up|dose|took|taken|tried|course of|a week ago|days ago|last week|did|since|"
    r"took (?:me|him|her|them) off|had some|finished|(?:days?|weeks?|wks?) on|"
    r"(?:most|this|last|at the) weekends?|"
    r"got|given|gave me|quit|quitting|gave (?:it |them )?up|given (?:it |them )?up|last night|"
    r"yesterday|this week|"
    r"weeks ago|last month|this month|weekend on|went from \d+(?: ?mg)? to|"
    r"from \d+(?: ?mg)? to \d+|"
    r"for (?:about |around |roughly |the (?:last|past) )?(?:\d+|a few|a couple of|one|two|three|"
    r"four|five|six|ten) (?:days?|weeks?))\b")
# a question about what something would mean, asked of what the person does not say they have
HYPOTHETICAL_QUESTION = re.compile(r"\W*(?:\w+\W+){0,3}?(?:if i had|if i got|what if|"
                                   r"what would it mean if|what does it mean if)\b[^?]*\?")
STOPPED = re.compile(r"\b(?:stopped|quit|came off|come off|coming off|gave (?:it |them )?up|"
                     r"given (?:it |them )?up|"
                     r"weaned off|packed in)\b")
LONG_STANDING = re.compile(r"\bfor (?:about |around |over |nearly |almost |roughly )?"
                           r"(?:many |several |a few |\d+ |two |three |four |five |ten )?years\b|"
                           r"\bfor ages\b|\blong[- ]term\b|\bfor a long time\b|"
                           r"\bnothing'?s changed\b|\bnothing has changed\b|\bsame (?:\w+ )?dose\b|"
                           r"\bthese (?:\w+ )?years\b|\bsince (?:19|20)\d\d\b|\bas always\b|"
                           r"\bfor (?:my |her |his |the )?[a-z]+ (?:\d+|two|three|four|five|ten) "
                           r"years\b")
# a medicine only planned: "the GP wants me to start iron", "haven't collected them yet"
PLANNED = re.compile(r"\b(?:wants? me to|going to|gonna|will|might|may|should|supposed to|"
                     r"thinking (?:of|about)|considering|talked about|suggested)\s+(?:\w+\s+)?"
                     r"(?:start|try|put me on|take|begin|switch)\b|\bhaven'?t (?:collected|started|"
                     r"picked up|begun|taken) (?:them|it)\b|\bnot (?:started|collected) "
                     r"(?:them|it) yet\b")
# a long-standing medicine said to be unchanged answers "no change" ("on simvastatin for ages,
# nothing new")
UNCHANGED = re.compile(r"\bnothing (?:new|has changed|changed)\b|\bnothing'?s changed\b|"
                       r"\bsame (?:\w+ )?dose\b|\bno changes?\b|\bhasn'?t changed\b|\bunchanged\b|"
                       r"\bas always\b")
# the name of a jerk on falling asleep names the jerk too: "hypnic jerks", "sleep starts"
NAMED_JERK = re.compile(r"\b(?:jerks?|starts?|jolts?)\b")
ABOUT_OTHER = re.compile(r"\b(?:he|she|his|her|him|he's|she's|hes|shes)\b")
RELATIVE = re.compile(rf"(?:\b(?:my|our) |^)(?:\d{{1,3}}[- ]?(?:year[- ]old|yr[- ]old|yo|"
                      rf"months?[- ]old)\s+|old |"
                      rf"elderly |little |teenage |young |older |younger )?(?:baby )?"
                      rf"(?P<who>{OTHERS_MALE}|{OTHERS_FEMALE})(?:'s)?\b(?!\s+here\b)"
                      # "my 4yo", "our 2 year old": a child named by age alone
                      rf"|\b(?:my|our) (?P<kid>\d{{1,2}})[- ]?(?:year[- ]old|yr[- ]old|yo|y/o|"
                      rf"months?[- ]old)\b"
                      # "The ward put Mum on haloperidol": a parent named as "Mum" or "Dad"
                      rf"|(?<!\ba )(?<!\bnew )(?<!\bthe )(?<!\bhis )(?<!\bher )(?<!\byour )"
                      rf"(?<!\btheir )(?<![.!?]\s)(?<=\s)(?P<bare>mum|dad|nan|grandad|grandma|"
                      rf"granny)\b(?!\s+(?:here|of|to)\b)")
# a leg, the legs or the body that jumps moves, as a jerk does ("both legs are twitching and
# jumping", "legs twitch and jump"); a muscle that jumps is a twitch
LEGS_JUMP = re.compile(r"\b(?:legs?|body)\b(?:\s+(?!muscles?\b|skin\b)[a-z']+){0,3}?\s+"
                       r"(?:and\s+)?jump(?:s|ing|ed|y)?\b"
                       r"(?!\s+(?:under|beneath)\b|\s+in (?:the|my) (?:muscles?|skin))")
DENIED_BEFORE = re.compile(r"\b(?:no|not|never|don't|doesn't|didn't|dont|doesnt|without)\b")
ANIMAL = re.compile(r"\b(?:my|our|the) (?:cat|dog|puppy|pup|kitten|pet|horse|pony|rabbit|hamster|"
                    r"guinea pig|parrot)\b")
SELF_BODY = re.compile(r"\b(?:i|i'm|im|i've|ive|i'd|me|myself)\b|\bmy (?:legs?|calf|calves|"
                       r"thighs?|feet|foot|arms?|body|muscles?|toes?|knees?|shins?|quads?|"
                       r"hamstrings?)\b")
# a sensation likened to a fizzy drink, felt rather than seen: "like soda bubbling under the skin"
FELT_NOT_SEEN = {"bubbling", "under the skin", "moving under the skin"}
FIZZ = re.compile(r"\b(?:soda|fizzy|fizz|fizzing|lemonade|champagne|pop|sherbet|bubbles|"
                  r"carbonated|sparkling|seltzer|lucozade)\b")
# the writer's bed partner, who may be the person the text is about
SPOUSE = re.compile(r"\b(?:husband|hubby|wife|wifey|partner|boyfriend|girlfriend|bf|gf|"
                    r"other half|fianc[eé]e?)\b")
THEIR_BODY = re.compile(r"\b(?:he|she|he's|she's|hes|shes|his|her|hubby's|husband's|wife's|"
                        r"partner's|boyfriend's|girlfriend's)\b")
ASLEEP_OR_AT_ME = re.compile(r"\b(?:sleep|sleeps|sleeping|asleep|slept|kicks? me|kicking me|"
                             r"kicked me)\b")


def _kicks_of_the_sleeper(kb: KnowledgeBase, doc: Any) -> str | None:
    """A sentence in which the writer tells of their bed partner's jerks in sleep ("his legs have
    been jerking in his sleep", "her legs kick me black and blue")."""
    text = lower_of(doc)
    for m in matches(doc):
        if "limb_jerk" not in {finding_of(label) for label in meanings(m.label_)} \
                or m._.is_negated:
            continue
        start = max(text.rfind(mark, 0, m.start_char) for mark in ".;!?\n") + 1
        ends = [i for i in (text.find(mark, m.end_char) for mark in ".;!?\n") if i >= 0]
        words = text[start:min(ends, default=len(text))]  # the sentence, by its punctuation
        if THEIR_BODY.search(words) and ASLEEP_OR_AT_ME.search(words) \
                and not re.search(r"\bmy (?:legs?|body|feet|arms?)\b", words):
            return m.text
    return None


# the most specific time wins when several are mentioned ("late at night ... as I fall asleep")
TIMING_ORDER = ("falling_asleep", "on_waking", "during_sleep", "after_exercise", "at_rest",
                "evening", "any_time")
MOVEMENT_GROUPS = {"movement", "timing", "extent", "warning", "course"}
NORMAL_AFTER = re.compile(r"(?:and (?:my )?\w+ )?(?:'s|is|are|was|were|feels?|seems?|looks?|"
                          r"has been|have been)?\s*(?:all |totally |completely |perfectly |"
                          r"absolutely |still |)(?:fine|normal|ok|okay|good|great|grand|unaffected|"
                          r"perfect|intact|unchanged|the same|alright|all right|clear)\b")
SECOND_DEGREE = re.compile(r"\b(?:mum|mom|mother|dad|father|parent)(?:'s|s|’s)? (?:brother|sister|"
                           r"mum|mom|mother|dad|father|side|cousin|uncle|aunt)\b")
CLOSE_FAMILY = re.compile(r"\b(?:mum|mom|mother|dad|father|sister|brother|sis|bro|son|daughter|"
                          r"parents?|"
                          r"siblings?|family)\b")
NOT_FAMILY = re.compile(r"\b(?:friend|neighbou?r|colleague|co-?worker|flatmate|roommate|boss|"
                        r"mate|someone|somebody|people)\b")
PARTNER = re.compile(r"\b(?:husband|wife|partner|boyfriend|girlfriend|spouse|fianc[eé]e?|hubby|"
                     r"wifey|bf|gf|other half)\b")
# a phrase that carries its own negation ("no new medicines") is not negated again by it

# at rest and active alike: "whether I'm sitting or standing", "sitting, standing or lying down";
# not "worse sitting, and walking helps"
_REST = r"(?:sitting|sat|lying|lying down|resting|at rest|sat down)"
_ACTIVE = (r"(?:standing|standing up|walking|moving|active|on my feet|up and about)"
           r"(?![\w ]{0,12}\b(?:helps?|eases?|stops?|relieves?|sorts?|better|makes it))")
ANY_POSITION = re.compile(
    rf"\bwhether (?:i'?m |i am )?(?:{_REST}|{_ACTIVE})\b"
    rf"|\b{_REST},? (?:or |and |, )?{_ACTIVE}\b(?:,? (?:or |and )?(?:{_REST}|{_ACTIVE})\b)?"
    rf"|\b{_ACTIVE},? (?:or |and |, )?{_REST}\b"
    r"|\b(?:sitting|standing|walking|lying)(?: or|,) (?:sitting|standing|walking|lying)"
    r"(?:,? (?:or |and )?\w+)?,? (?:doesn'?t matter|it doesn'?t matter|no matter|whatever)")

# a time said as when all is well: "fine in the morning", "normal during the day"
FINE_THEN = re.compile(r"\b(?:fine|ok|okay|normal|good|great|grand)\s*$")

# one word in single quotes, spaces kept so every offset stays the same
QUOTED_WORD = re.compile(r"(?:(?<=\s)|^)['‘](\w+)['’](?=[\s.,;:!?)]|$)")

_PIPELINES: dict[int, Any] = {}


@dataclass(frozen=True)
class TextReading:
    observations: dict[str, Observation]
    about_someone_else: bool
    mentions_movement: bool
    ignored: tuple[str, ...] = field(default=())


def read_text(kb: KnowledgeBase, text: str, *, today: date) -> TextReading:
    """Every finding the text states about the person, with the words it came from."""
    text = with_g_restored(checked_text(text))  # "sittin" is "sitting"
    text = QUOTED_WORD.sub(r" \1 ", text)  # "my legs 'jump'": the word, not a quotation
    with warnings.catch_warnings():  # spaCy warns about its own empty matchers; we print nothing
        warnings.simplefilter("ignore")
        nlp = _PIPELINES.get(id(kb))
        if nlp is None:
            nlp = _PIPELINES[id(kb)] = build_pipeline(kb)
        doc = nlp(text)
    lower = lower_of(doc)
    other = _about_someone_else(lower)
    found: dict[str, list[tuple[Any, str, bool]]] = {}
    ignored = []
    family_only = {entry.finding for entry in kb.phrases if entry.about == "family"}
    places: list[Place] = []
    rests = []
    about_an_animal = ANIMAL.search(lower) is not None and not SELF_BODY.search(lower)
    pointed_at = denied_by_pointing_back(kb, doc)  # "asked about X and Y - neither"
    set_aside: list[tuple[str, str]] = []  # movements named in a fear, or of someone else
    for ent in matches(doc):
        if about_an_animal:  # "my cat twitches in her sleep": not a person's finding
            ignored.append(ent.text)
            continue
        denied = (ent.start, ent.end) in pointed_at
        outcome = denied_findings(kb, ent) if denied else _reading(kb, ent, other, family_only)
        if outcome is None:
            ignored.append(ent.text)
            set_aside += [(label, ent.text) for label in meanings(ent.label_)
                          if label in SET_ASIDE_MOVEMENTS]
            continue
        inner = place_inside(ent) if any(fid in MOVEMENTS and fid != "hand_spasms"
                                          and value is True for fid, value in outcome) else None
        places += [inner] if inner is not None else []
        for finding_id, value in outcome:
            if finding_id == "location":
                place = place_of(ent, value)
                places += [place] if place is not None else []
                continue
            if finding_id == "worse_at_rest" and value is True:
                if falling_asleep_in(ent.sent) or any(
                        m.label_ == "timing=falling_asleep" for m in counted_in(ent.sent)):
                    continue  # "dozing off on the sofa": the moment of falling asleep
                rests.append(ent)
            found.setdefault(finding_id, []).append((value, ent.text,
                                                     denied or ent._.is_negated))
    if set_aside and MINE.search(lower) and not any(
            _has_true(found.get(fid, [])) for fid in SET_ASIDE_MOVEMENTS):
        found[set_aside[0][0]] = [(True, set_aside[0][1], False)]  # "mine are in my calves"
    moving_in = {sent.start: _movements_in(sent) for sent in doc.sents}  # once per sentence
    if "worse_at_rest" not in found:
        resting = [(sent, rest_in(sent, moving_in[sent.start])) for sent in doc.sents]
        said = [(sent, words) for sent, words in resting
                if words and not falling_asleep_in(sent)]
        if said:  # "the moment I sit down my legs start to buzz"
            found["worse_at_rest"] = [(True, said[0][1], False)]
    for value, said_in in (("falling_asleep", falling_asleep_in), ("during_sleep", woken_in),
                           ("after_exercise", exercise_in)):
        said = [said_in(sent) for sent in doc.sents if moving_in[sent.start]]
        if any(said) and not any(v == value for v, _, _ in found.get("timing", [])):
            found.setdefault("timing", []).append((value, next(a for a in said if a), False))
    where = location_of(places)
    if where is not None:
        found["location"] = [(where[0], where[1], False)]
    for quantity in [*read_quantities(text, today), *read_course(lower, today)]:
        if quantity.finding in found and kb.findings[quantity.finding].type == "boolean" \
                and not quantity.overrides and not _within(found[quantity.finding], quantity):
            continue  # "I haven't stopped drinking": the phrase, read with its negation, stands
        if quantity.finding not in found or not _has_value(found[quantity.finding]) \
                or quantity.overrides or _within(found[quantity.finding], quantity):
            found[quantity.finding] = [(quantity.value, quantity.span, False)]
    if other:
        _relative_details(lower, found)
    if ANY_POSITION.search(lower):  # "sitting, standing, walking, doesn't matter"
        any_position = ANY_POSITION.search(lower).group(0)  # type: ignore[union-attr]
        found.pop("worse_at_rest", None)
        found["timing"] = [("any_time", any_position, False)]
    if _has_value(found.get("worse_at_rest", [])) and any(rest_by_day(r) for r in rests) and all(
            value == "any_time" for value, _, _ in found.get("timing", [])):
        found["timing"] = [("at_rest", found["worse_at_rest"][0][1], False)]
    if "location" not in found and not places:
        _extent_from_other_words(doc, found)
    unseen = [span.lower() for value, span, _ in found.get("partner_sees_kicks", [])
              if value is False]
    if unseen and found.get("limb_jerk") and all(
            negated and any(kick.lower() in words for words in unseen)
            for _, kick, negated in found["limb_jerk"]):
        del found["limb_jerk"]  # "my wife has never seen me kick": no kicks seen, not no jerks
    if "partner_sees_kicks" not in found and _has_true(found.get("limb_jerk", [])) \
            and SPOUSE.search(lower):
        seen = _kicks_of_the_sleeper(kb, doc)
        if seen:  # "his legs jerk in his sleep, I've timed it": the writer is the bed partner
            found["partner_sees_kicks"] = [(True, seen, False)]
    if "limb_jerk" not in found and _has_true(found.get("partner_sees_kicks", [])):
        found["limb_jerk"] = [(True, found["partner_sees_kicks"][0][1], False)]  # kicks are jerks
    jump = LEGS_JUMP.search(lower)
    if "limb_jerk" not in found and jump and not DENIED_BEFORE.search(
            lower[max(0, lower.rfind(".", 0, jump.start()) + 1):jump.end()]):
        found["limb_jerk"] = [(True, jump.group(0), False)]  # "legs twitch and jump"
    named = [span for value, span, negated in found.get("timing", [])
             if value == "falling_asleep" and not negated and NAMED_JERK.search(span.lower())]
    if "limb_jerk" not in found and named:
        found["limb_jerk"] = [(True, named[0], False)]  # "hypnic jerks", "sleep starts"
    spread = [span for value, span, _ in found.get("spreading", []) if value is True]
    if spread and "getting_worse" not in found:  # in more places: worse, by its question
        found["getting_worse"] = [(True, spread[0], False)]
    observations = {fid: _settle(kb, fid, mentions) for fid, mentions in found.items()}
    observations = {fid: o for fid, o in observations.items() if o is not None}
    if not any(observations[fid].value is True for fid in MOVEMENTS if fid in observations):
        for fid in ("location", "timing"):  # where and when the movements are: none is said
            observations.pop(fid, None)
    moving = any(kb.findings[fid].group in MOVEMENT_GROUPS for fid in observations)
    return TextReading(observations, other, moving, tuple(ignored))


def _within(mentions: list[tuple[Any, str, bool]], quantity: Any) -> bool:
    """Every phrase of the finding lies inside the longer reading of it ("walking it off doesn't
    work" outweighs "walking it off")."""
    return all(not negated and span.lower() in quantity.span.lower()
               for _, span, negated in mentions)


def _extent_from_other_words(doc: Any, found: dict[str, list[tuple[Any, str, bool]]]) -> None:
    """Where, from words inside other phrases: "my legs go mental", "knot in my calf", "whole
    body jumps". Not from the name of the complaint ("restless legs", "RLS")."""
    for ent in matches(doc):
        words = RLS_NAME.sub(" ", ent.text.lower())
        if re.search(r"\b(?:whole|entire|my|his|her) body\b|\ball over\b", words):
            found["location"] = [("several_body_parts", ent.text, False)]
            return
        if re.search(r"\b(?:legs|calves|calfs|thighs|shins|feet)\b", words):
            found["location"] = [("both_legs", ent.text, False)]
            return
        if re.search(r"\b(?:left|right|my|one) leg\b", words):
            found["location"] = [("one_leg", ent.text, False)]
            return
        if re.search(r"\b(?:left|right|my|one|the) (?:calf|thigh|shin|hamstring|quad|foot)\b",
                     words):
            found["location"] = [("one_spot", ent.text, False)]  # one muscle: "knot in my calf"
            return


def _about_someone_else(lower: str) -> bool:
    """The text is about a relative when it names one and speaks of them more than of oneself."""
    if not RELATIVE.search(lower):
        return False
    said_of_self = len(SELF_BODY.findall(lower))
    return said_of_self == 0 or len(ABOUT_OTHER.findall(lower)) > said_of_self


def _reading(kb: KnowledgeBase, ent: Any, other: bool,
             family_only: set[str]) -> list[tuple[str, Any]] | None:
    """What one match says, over all its meanings: [(finding id, value)], or None when it does
    not count."""
    owned = owned_movement(ent)  # "what if my twitches are ALS?": the twitches are real
    if (ent._.is_hypothetical or ent._.is_uncertain) and asked_about(ent) \
            and (answered_no(ent) or ent._.is_negated):
        return denied_findings(kb, ent) or None  # "she asked if I'd had X - no"
    if ent._.is_historical and ent.label_.startswith("medicine=") and _stopped_lately(ent):
        return _medicine_change(ent, ent.label_)  # "used to take quinine, stopped last month"
    if ent._.is_historical or (ent._.is_hypothetical and not owned):
        return None
    if (ent._.is_uncertain or hedged(ent)) and not owned and not (
            only_softly_hedged(ent) and _groups(kb, ent) <= SOFTLY_SAID_GROUPS):
        return None  # a fear or a question, or a hedged history ("maybe diabetic")
    question = HYPOTHETICAL_QUESTION.match(ent.sent.text.lower())
    if question and ent.start_char - ent.sent.start_char < question.end() and not owned:
        return None  # "if I had twitching plus weakness, would that mean ALS?"
    if denial_of_what_follows(ent):
        return None  # "no feeling of falling": a denial of what follows, not numbness
    whose = _said_of(ent)
    if feels_none_of_what_follows(ent):
        return None  # "I can't feel any weakness": a denial of weakness, not numbness
    negated = (bool(ent._.is_negated) or denied_across(ent) or listed_after_denial(kb, ent)
               or felt_none(ent) or answered_no(ent)) \
        and not NEGATING.search(ent.text.lower()) and not denial_ended(ent) \
        and not answered_yes(ent)
    if negated and warning_sign_past_a_comma(kb, ent):
        negated = False  # "no numbness, slurred speech since this morning": said, not denied
    if negated and inside_another(ent):
        return None  # "no weakness or numbness on one side" denies one-sided numbness only
    if not negated and not _groups(kb, ent) & {"movement"} and asked_about(ent) and all(
            "|" not in label for label in meanings(ent.label_)):
        return None  # "the GP asked about weakness": named in a question, not reported
    said = [_meaning(kb, ent, label, whose=whose, other=other, negated=negated,
                     family_only=family_only) for label in meanings(ent.label_)]
    counted = [outcome for outcome in said if outcome is not None]
    return [pair for outcome in counted for pair in outcome] if counted else None


def _groups(kb: KnowledgeBase, ent: Any) -> set[str]:
    return {"context" if label.startswith("medicine=") else kb.findings[finding_of(label)].group
            for label in meanings(ent.label_)}


def _meaning(kb: KnowledgeBase, ent: Any, label: str, *, whose: str | None, other: bool,
             negated: bool, family_only: set[str]) -> list[tuple[str, Any]] | None:
    """What one meaning of a match says."""
    family_phrase = label.split("|")[0].split("=")[0] in family_only \
        and not label.endswith(("|absent", "|topic"))  # "no family history" needs no relative
    if family_phrase and whose != "close relative":
        return None  # "ALS" said of oneself (a fear), or of an uncle, is not family history
    if whose and not family_phrase and not (other and whose != "someone else"):
        return None  # "my sister has restless legs" is not about the person checking
    if not negated and lifelong(ent, label):
        return None  # "lopsided in photos, always has been": how they look, not a new sign
    if label.startswith("location=") and _place_of_another(kb, ent):
        return None  # "pain shooting down my right leg, and the calf twitches": the calf
    if (label == "worse_at_rest" or label == "timing=at_rest") and _rest_of_another(kb, ent):
        return None  # "struggling to breathe lying down": when the breathing is worse
    if label == "spreading" and "all over" in ent.text.lower() and OVER_AND_DONE.search(
            ent.doc[max(ent.sent.start, ent.start - 2):ent.end + 2].text.lower()):
        return None  # "had a bug, all over now": finished, not spread everywhere
    if label == "timing=falling_asleep" and LIMB_ASLEEP.search(
            ent.doc[max(ent.sent.start, ent.start - 3):ent.start].text.lower()):
        return None  # "my hand keeps going to sleep": numb for a moment, not sleep
    if label in ("worse_at_rest", "timing=at_rest") and mind_at_rest(ent):
        return None  # "to put my mind at rest"
    if label in ("timing=on_waking", "timing=any_time") and _tiredness_then(ent):
        return None  # "mornings I feel like a zombie": when they are tired, not when it comes
    if label.startswith("timing=") and FINE_THEN.search(
            ent.doc[max(ent.sent.start, ent.start - 3):ent.start].text.lower()):
        return None  # "fine in the morning, fidgety by teatime": when it is not there
    if label == "timing=after_exercise" and relief_not_time(ent):
        return None  # "better when walking": what relieves it, not when it comes
    if (label.startswith(("location=", "timing=")) or label == "worse_at_rest") \
            and _sentence_of_another(kb, ent):
        return None  # "two coffees in the morning", "on my feet all day, not weak"
    if label == "visible_flicker" and ent.text.lower() in FELT_NOT_SEEN \
            and FIZZ.search(ent.sent.text.lower()):
        return None  # "like soda bubbling under the skin": a feeling, not a muscle seen moving
    if label == "visible_flicker" and re.search(
            r"\b(?:heart|heartbeat|pulse|chest|head)(?:'s)?\b",
            ent.doc[max(ent.sent.start, ent.start - 3):ent.start].text.lower()):
        return None  # "my heart's thumping": a heartbeat, not a muscle
    if label == "hard_exercise" and not negated \
            and not_lately(lower_of(ent.doc), ent.start_char, ent.end_char):
        return None  # "my legs ache like I've run a marathon", "I usually run 5k a week"
    if label == "loss_of_awareness" and not negated and NO_MEMORY.search(ent.text.lower()) \
            and IN_SLEEP.search(lower_of(ent.doc)) and not FIT.search(lower_of(ent.doc)):
        return None  # "my wife says I kick all night; I don't remember any of it": asleep
    if label == "bladder_bowel_change" and not negated and WET_ONESELF.search(ent.text.lower()) \
            and FIT.search(lower_of(ent.doc)):
        return [("tongue_biting", True)]  # wet during a fit: the fit's sign, as the rules say
    if label == "thoughts_of_self_harm" and hurt_by_accident(ent):
        return None  # "I hurt myself at the gym", "she fell and hurt herself"
    if label == "sudden_onset" and _sudden_movement(ent):
        return None  # "sudden little jerks", "legs jerk suddenly": the kind of movement
    if label.endswith("|nothing"):
        return []  # "hay fever": words of a finding that mean something else
    if label.startswith("medicine="):
        return _medicine_change(ent, label) if not negated else None
    if "=" in label:
        finding_id, value = label.split("=", 1)
        return None if negated else [(finding_id, value)]
    if label == "getting_worse|absent" and unchanged_is_another(ent):
        return None  # "no change to my tablets", "my strength is exactly the same"
    if label.endswith("|absent"):  # a plain statement of normal ("I walk fine") stands,
        # unless a denial comes right before it ("not strong", "can't walk fine") or the next
        # words take it back ("I can walk ok with a stick")
        if denial_ended(ent):  # "no weakness until today": it began today
            return [(label.removesuffix("|absent"), True)] \
                if NEGATING.search(ent.text.lower()) else []
        if negation_right_before(ent) or taken_back(ent):
            return []
        return [(label.removesuffix("|absent"), False)]
    if label.endswith("|denied"):  # "no fits": no known epilepsy; "fits" alone says nothing
        return [(label.removesuffix("|denied"), False)] if negated else []
    if label.endswith("|topic"):  # "my balance is fine", "no problems with my bladder"
        if problem_denied(ent) and denial_ended(ent):  # "no problems peeing until yesterday"
            return [(label.removesuffix("|topic"), True)]
        normal = problem_denied(ent) or said_to_be_normal(ent) or answered_no(ent) \
            or (negated and PROBLEM_NAMED.search(ent.text.lower()) is not None)
        return [(label.removesuffix("|topic"), False)] if normal else []
    finding = kb.findings[label]
    if finding.type == "boolean" and not negated:
        tested = tested_for(ent)
        if tested is not None:  # "tested for diabetes": not diabetes; "..., negative": none
            return None if tested else [(label, False)]
    if not negated and resolved_long_ago(ent, finding.group):
        return None  # "I had some numbness last year but it went away"
    if finding.type == "boolean" and not negated and _said_to_be_normal(ent) \
            and not taken_back(ent):
        return [(label, False)]  # "my balance is fine", "speech seems normal"
    if finding.type == "number":  # a mention; the amount itself is read by read_quantities
        return [(label, finding.minimum)] if negated else []
    if label == "weakness" and not negated and FIGURATIVE_WEAKNESS.search(ent.sent.text.lower()):
        return None  # "my only weakness is chocolate", "a weakness for sweets"
    if label == "back_pain_down_leg" and not negated and pain_down_both(ent):
        return [(label, True), ("pain_down_both_legs", True)]  # "down the back of both legs"
    if label == "numbness_tingling" and negated and saddle_only(ent):
        return [("saddle_numbness", False)]  # "no numbness around my bum"
    if label == "numbness_tingling" and not negated:  # "my right hand went numb", "lips tingly"
        legs, also = numbness_where(ent)
        return [*([(label, True)] if legs else []), *((where, True) for where in also)]
    if label == "weakness" and not negated:  # "his left arm is weak", "legs twitch and feel weak"
        return [(label, True), *((where, True) for where in weakness_where(ent))]
    if label == "weakness_both_legs" and not negated and (
            "weak" in ent.text.lower() or GIVING_WAY.search(ent.text.lower())):
        return [(label, True), ("weakness", True)]  # "legs weaker", "legs give out": weakness too
    if label == "weakness_both_legs" and negated and "weak" in ent.text.lower() \
            and "both" not in ent.text.lower():  # "no weakness in my arms and legs"; a weak
        return [(label, False), ("weakness", False)]  # arm said elsewhere still wins
    return [(label, not negated)]


# legs that give way are weak legs: "legs gave out", "legs buckled", "legs give way"
GIVING_WAY = re.compile(r"\b(?:gave|give|gives|giving|given|buckle|buckles|buckled|buckling)\b")


# "weakness" as a fondness: "my only weakness is chocolate", "a weakness for sweets"; never
# "weakness for two days" or "weakness for a week"
FIGURATIVE_WEAKNESS = re.compile(
    r"\b(?:only|biggest|big|one|guilty|secret|real) weakness(?:es)? (?:is|are|was|being|has been)\b"
    r"|\ba weakness for (?!\d|an? (?:few |couple )?(?:day|week|month|year|hour|while|bit|"
    r"fortnight)|(?:the |about |around |over |nearly |almost |some |several |a few |few )|"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|days?|weeks?|months?|years?|hours?)\b)")


SUDDEN_MOVEMENT = re.compile(r"^(?:jerk|jolt|kick|twitch|jump|spasm|movement|start|flick|lurch|"
                             r"shak)")

STARTED = re.compile(r"^(?:start|began|begun|came|come|went|kicked)")


# warning signs that are themselves movements: a rest phrase after them still times the movements
MOVING_SIGNS = {"rhythmic_jerking", "cramp_over_10_minutes", "spreading"}


def _rest_of_another(kb: KnowledgeBase, ent: Any) -> bool:
    """A rest phrase straight after a symptom that is not a movement (up to three words, no
    punctuation between) says when that symptom comes: "struggling to breathe lying down",
    "feet tingle when I sit cross-legged"."""
    doc = ent.doc
    before = [m for m in matches(doc) if m.end <= ent.start and m.start >= ent.sent.start]
    if not before:
        return False
    last = before[-1]
    between = doc[last.end:ent.start]
    if len(between) > 3 or any(t.is_punct or t.lower_ in LIST_JOIN for t in between):
        return False
    found = [finding_of(label) for label in meanings(last.label_)
             if not label.startswith("medicine=") and "=" not in label and "|" not in label]
    return bool(found) and all(
        kb.findings[fid].group in ("symptom", "warning") and fid not in MOVING_SIGNS
        for fid in found)


# the movements that location and timing ask about
MOVEMENTS = ("visible_flicker", "limb_jerk", "painful_cramp", "urge_to_move", "partner_sees_kicks",
             "rhythmic_jerking", "cramp_over_10_minutes", "spreading", "hand_spasms",
             "feeling_of_falling")
WHEN_AND_WHERE_GROUPS = {"movement", "timing", "extent", "course"}


def _tiredness_then(ent: Any) -> bool:
    """A morning said next to tiredness with no movement between ("mornings I feel like a
    zombie", "I wake up shattered in the morning")."""
    doc = ent.doc
    near = [m for m in matches(doc) if abs(m.start - ent.start) <= 6
            and (m.start, m.end) != (ent.start, ent.end)
            and not any(t.text in ".!?;" for t in doc[min(m.start, ent.start):max(m.end, ent.end)])]
    tired = [m for m in near if any(finding_of(label) == "daytime_sleepiness"
                                    for label in meanings(m.label_))]
    for m in tired:
        low, high = sorted((m.start, ent.start))
        if not any(finding_of(label) in MOVEMENTS for n in near if low <= n.start <= high
                   for label in meanings(n.label_)):
            return True
    return False


def _sentence_of_another(kb: KnowledgeBase, ent: Any) -> bool:
    """A time, a rest or a place in a sentence that says no movement but names another finding
    ("two coffees in the morning", "hard to rouse in the mornings", "I'm on my feet all day, not
    weak") or only denies one ("no cramps in my legs") is not when or where the movements are."""
    affirmed = denied = other = False
    for m in matches(ent.doc):
        if (m.start, m.end) == (ent.start, ent.end) or not ent.sent.start <= m.start < ent.sent.end:
            continue
        for label in meanings(m.label_):
            if label.startswith("medicine="):
                other = True
                continue
            if label.startswith(("location=", "timing=")) or label.endswith(("|nothing", "|topic")):
                continue
            fid = finding_of(label)
            if fid in MOVEMENTS:
                if m._.is_negated or "|" in label:
                    denied = True
                else:
                    affirmed = True
            elif fid in kb.findings and (kb.findings[fid].group not in WHEN_AND_WHERE_GROUPS
                                         or fid == "daytime_sleepiness"):
                other = True
    return not affirmed and (other or denied)


def counted_in(sent: Any) -> list[Any]:
    """The phrases found in one sentence."""
    return [m for m in matches(sent.doc) if sent.start <= m.start < sent.end]


def _movements_in(sent: Any) -> list[Any]:
    """The movement phrases a sentence says without denying them."""
    return [m for m in counted_in(sent) if not m._.is_negated and any(
        finding_of(label) in MOVEMENTS and "|" not in label and "=" not in label
        for label in meanings(m.label_))]


CLAUSE_EDGE_WORDS = {"and", "but", "while", "whereas", "then", "now", "also", "plus"}


def _place_of_another(kb: KnowledgeBase, ent: Any) -> bool:
    """A place in a clause that names another finding and no movement is where that finding is
    ("back pain shooting down my right leg", "weakness in arms and legs"), not where the
    movements are, which is what location asks."""
    doc = ent.doc
    start = ent.start
    while start > ent.sent.start and not doc[start - 1].is_punct \
            and doc[start - 1].lower_ not in CLAUSE_EDGE_WORDS:
        start -= 1
    end = ent.end
    while end < ent.sent.end and not doc[end].is_punct and doc[end].lower_ not in CLAUSE_EDGE_WORDS:
        end += 1
    found = {finding_of(label) for m in matches(doc) if start <= m.start and m.end <= end
             and (m.start, m.end) != (ent.start, ent.end) for label in meanings(m.label_)
             if not label.startswith(("medicine=", "location=", "timing="))
             and not label.endswith(("|topic", "|nothing"))}
    groups = {kb.findings[fid].group for fid in found if fid in kb.findings}
    return bool(groups & {"symptom", "warning"}) and not groups & {"movement"} \
        and not found & MOVING_SIGNS


def _sudden_movement(ent: Any) -> bool:
    """"sudden" before a movement word, or "suddenly" beside one (up to one word between),
    tells how a jerk moves, not how the illness began; "started jerking suddenly" still does."""
    word, doc = ent.text.lower(), ent.doc
    if word not in ("sudden", "suddenly"):
        return False
    before = [doc[i].lower_ for i in range(max(0, ent.start - 3), ent.start)]
    if any(STARTED.match(w) for w in before):
        return False
    after = [doc[i].lower_ for i in range(ent.end, min(len(doc), ent.end + 2))]
    near = after + (before[-2:] if word == "suddenly" else [])
    return any(SUDDEN_MOVEMENT.match(w) for w in near)


def _medicine_change(ent: Any, label: str) -> list[tuple[str, Any]] | None:
    """A medicine counts only when the words around it say it was started, stopped or changed
    recently ("started sertraline", "tramadol was added"), not taken for years."""
    if any(_describes(ent, other) for other in matches(ent.doc)
           if other.label_.startswith("medicine=") and other.end <= ent.start):
        return None  # "linezolid, an antibiotic": the kind of the medicine just named
    near = _own_words(ent).lower()
    if re.match(r"\W*(?:blood )?levels?\b", ent.doc[ent.end:ent.end + 2].text.lower()):
        return None  # "lithium level came back high": a blood test, not a change
    if LONG_STANDING.search(near) and not STOPPED.search(near):  # stopping one held for years
        if re.match(r"[^.!?]*[.!?]\s*(?:the |my |her |his )?dose (?:went up|was (?:increased|"
                    r"raised|upped|doubled|reduced|lowered|changed|halved))|[^.!?]*[.!?]\s*"
                    r"(?:[\w ]{0,25}?[\s,;]+)?(?:they|the doctor|my doctor|my gp|the gp|doc|"
                    r"the neurologist) (?:doubled|upped|increased|raised|reduced|lowered|changed|"
                    r"halved) (?:(?:the|my|her|his) dose|me|her|him|it)\b",
                    ent.doc[ent.end:].text.lower()):
            return [("medicine_change", tuple(label.removeprefix("medicine=").split("+")))]
        return [("medicine_change", ("none",))] if UNCHANGED.search(near) else None  # counts
    if PLANNED.search(near):
        return None  # "the GP wants me to start iron tablets": not yet taken
    if not CHANGE_WORDS.search(UNCHANGED.sub(" ", near)):
        return [("medicine_change", ("none",))] if UNCHANGED.search(near) else None
    return [("medicine_change", tuple(label.removeprefix("medicine=").split("+")))]


def _stopped_lately(ent: Any) -> bool:
    """The medicine once taken was stopped lately: "used to take quinine but the doctor stopped it
    last month" (a change), not "used to take quinine years ago" (history)."""
    near = ent.doc[ent.start:ent.sent.end].text.lower()
    return bool(STOPPED.search(near)) and re.search(
        r"\b(?:last (?:week|month|night)|yesterday|(?:days?|weeks?) ago|recently|"
        r"this (?:week|month)|"
        r"on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b", near) is not None


CLAUSE_BREAK = {"and", "but", ";", ",", "while", "whereas", "plus"}


def _describes(kind: Any, named: Any) -> bool:
    """The medicine `kind` is said of `named` just before it: "linezolid, an antibiotic"."""
    between = kind.doc[named.end:kind.start].text.lower()
    return re.fullmatch(r"\s*[,(\-–]\s*(?:an?|the|which is an?|it'?s an?)\s*", between) is not None


def _own_words(ent: Any) -> str:
    """The words around a medicine, stopping at a break before or after another medicine ("on
    fluoxetine for years and my doctor added tramadol": "for years" is fluoxetine's)."""
    doc = ent.doc
    start, end = max(ent.sent.start, ent.start - 7), min(ent.sent.end, ent.end + 9)
    others = [m for m in matches(doc) if m.label_.startswith("medicine=") and m.start != ent.start]
    for other in others:
        if ent.sent.start <= other.start < ent.start:
            breaks = [t.i for t in doc[max(other.end, start):ent.start]
                      if t.lower_ in CLAUSE_BREAK]
            start = max(start, breaks[-1] + 1 if breaks else other.end)
        if ent.end <= other.start < ent.sent.end and _describes(other, ent):
            continue  # "linezolid, an antibiotic, this week": the same medicine, described
        if ent.end <= other.start < ent.sent.end:
            # "furosemide, which the surgery added": a comma before "which" keeps its clause
            breaks = [t.i for t in doc[ent.end:min(other.start, end)] if t.lower_ in CLAUSE_BREAK
                      and not (t.lower_ == "," and t.i + 1 < len(doc)
                               and doc[t.i + 1].lower_ in ("which", "that", "who"))]
            end = min(end, breaks[0] if breaks else other.start)
    return doc[start:end].text


def _said_to_be_normal(ent: Any) -> bool:
    """The finding is named and then called normal: "balance is fine", "bladder's ok"."""
    after = ent.doc[ent.end:ent.end + 6].text.lower()
    return NORMAL_AFTER.match(after) is not None


def _said_of(ent: Any) -> str | None:
    """Whose words ConText ties this mention to: "close relative" (parent, brother, sister,
    child: what family history means), "relative", "someone else" (a friend, a neighbour), or
    None for the person checking. A bed partner does not count: "my wife says I kick" is about
    me, and a partner's illness is not family history."""
    doc, whose = ent.doc, None
    if SAID_OF_ME.search(ent.text.lower()):
        return None  # "my family would be better off without me": the phrase names the writer
    for modifier in [*ent._.modifiers, *_subject_carried_on(ent)]:
        if modifier.category != "FAMILY":
            continue
        start, end = modifier.modifier_span
        words = doc[max(ent.sent.start, start - 2):end].text.lower()  # "my friend's husband"
        around = doc[max(ent.sent.start, start - 2):min(ent.sent.end, end + 2)].text.lower()
        if SECOND_DEGREE.search(around):
            whose = whose or "relative"  # "my dad's brother"
            continue
        if NOT_FAMILY.search(words):  # before the partner
            whose = whose or "someone else"
        elif PARTNER.search(words):
            continue
        elif CLOSE_FAMILY.search(words):
            return "close relative"
        else:
            whose = "relative"
    return whose


SAID_OF_ME = re.compile(r"\b(?:me|myself|i)\b")


SAME_SUBJECT_VERBS = {"had", "has", "have", "was", "is", "gets", "got", "keeps", "kept",
                      "started", "went", "goes", "takes", "took", "lost", "suffers", "suffered",
                      "then", "also", "now"}
FIRST_PERSON = {"i", "i'm", "im", "i've", "ive", "my", "me", "myself", "mine", "i'd"}


def _subject_carried_on(ent: Any) -> list[Any]:
    """Someone else's statement that goes on after "and" with no new subject: "my neighbour has
    epilepsy and had a fit" (the fit is the neighbour's); ConText ends its scope at "and"."""
    doc, sent = ent.doc, ent.sent
    carried = []
    for modifier in doc._.context_graph.modifiers:
        start, end = modifier.modifier_span
        if modifier.category != "FAMILY" or not sent.start <= start or end > ent.start:
            continue
        between = doc[end:ent.start]
        if any(t.lower_ in FIRST_PERSON for t in between):
            continue
        if any(t.lower_ == "and" and t.i + 1 < len(doc) and doc[t.i + 1].lower_
               in SAME_SUBJECT_VERBS for t in between):
            carried.append(modifier)
    return carried


def _has_true(mentions: list[tuple[Any, str, bool]]) -> bool:
    return any(value is True for value, _, _ in mentions)


def _has_value(mentions: list[tuple[Any, str, bool]]) -> bool:
    return any(not negated for _, _, negated in mentions)


def _relative_details(lower: str, found: dict[str, list[tuple[Any, str, bool]]]) -> None:
    """Sex from the relative's word; age from "my 80-year-old dad" or "he's 80"."""
    match = RELATIVE.search(lower)
    if match and "sex" not in found and not match.group("kid"):
        male = re.fullmatch(OTHERS_MALE, match.group("who") or match.group("bare")) is not None
        found["sex"] = [("male" if male else "female", match.group(0), False)]
    people = f"{OTHERS_MALE}|{OTHERS_FEMALE}"
    # "my dad who's 80", "Nan's 91", "my husband (type 1 diabetic, 45)", "my mother, who is 88"
    months = re.search(r"\b(?:my|our) (\d{1,2})[- ]?months?[- ]old\b",
                       digits_for_words(lower))
    if months and match and match.start() == months.start():  # "my 9-month-old daughter"
        found["age"] = [(round(int(months.group(1)) / 12, 2), months.group(0), False)]
        return
    age = re.search(rf"\b(?:my|our) (\d{{1,3}})[- ]?(?:year[- ]old|yr[- ]old|yo|y/o)"
                    rf"(?:\s+(?:baby\s+)?(?:{people}))?\b"
                    rf"|\b(?:he'?s|she'?s|he is|she is) (\d{{1,3}})\b"
                    rf"|\b(?:{people})(?:'s\s+|\s+(?:is|who is|who'?s|aged)\s+|\s*\((?:[^)]{{0,30}}"
                    rf",\s*)?|,\s*(?:who is\s+|who'?s\s+|aged\s+)?)(\d{{1,3}})\b"
                    rf"(?!\s*(?:%|kg|lbs?|cups?|pints?|times|days?|weeks?|months?|mg|hours?))",
                    digits_for_words(lower))
    if age and 1 <= int(next(g for g in age.groups() if g)) <= 110:
        found["age"] = [(int(next(g for g in age.groups() if g)), age.group(0), False)]


def _settle(kb: KnowledgeBase, finding_id: str,
            mentions: Iterable[tuple[Any, str, bool]]) -> Observation | None:
    """One value from several mentions: a yes beats a no (a warning sign is never talked away),
    the widest place wins, several medicines add up, otherwise the first mention wins."""
    mentions = list(mentions)
    finding = kb.findings[finding_id]
    if finding.type == "boolean":
        chosen = next((m for m in mentions if m[0] is True), mentions[0])
    elif finding_id == "timing":
        chosen = min(mentions, key=lambda m: TIMING_ORDER.index(m[0])
                     if m[0] in TIMING_ORDER else len(TIMING_ORDER))
    elif finding.multiple:
        values = tuple(dict.fromkeys(v for m in mentions for v in
                                     (m[0] if isinstance(m[0], tuple) else (m[0],))))
        if len(values) > 1:
            values = tuple(v for v in values if v != "none")
        chosen = (values, "; ".join(dict.fromkeys(m[1] for m in mentions)), False)
    else:
        chosen = mentions[0]
    try:
        value = coerce_value(finding, chosen[0])
    except InputError:
        return None  # a number out of range in free text is left for the person to answer
    return Observation(finding_id, value, "text", chosen[1])

"""Where a reported weakness is, from the words just before it in its clause: one side ("his
left arm is weak", "my right leg and arm went weak", "weakness in my left arm") is one-sided
weakness, the legs ("my legs
twitch and feel weak") weakness in both legs. Only a weakness that is reported, never a denied
one, so this can only add warning signs. Likewise, a pain down the leg said to run down both legs
("pain down the back of both legs", "sciatica going down both my legs") is pain down both legs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

# an arm, the face or a whole side, as the warning sign asks (a weak foot alone is not named here)
ONE_SIDE = re.compile(r"\b(?:left|right)\s+(?:arm|side|face)\b|\b(?:one|that|the same|this) side\b|"
                      r"\b(?:left|right) (?:leg|hand) and (?:arm|face)\b|"
                      r"\bdown (?:my |his |her |the )?(?:left|right)\b")
BOTH_LEGS = re.compile(r"\b(?:legs|both legs|both my legs|thighs|calves)\b")
BOTH = re.compile(r"\bboth\b|\bsides\b|\barms\b")
# a whole leg on one side gone weak ("my right leg gave way and I can't lift it"): one side of
# the body, as the warning sign asks (face, arm or leg); not a leg weak with the pain of a
# trapped nerve
ONE_LEG = re.compile(r"\b(?:left|right) leg\b")
NERVE_PAIN = re.compile(r"\b(?:pain|painful|sciatica|shooting|trapped|disc|back)\b")
LOOK_BACK = 8  # words before the weakness phrase, within its sentence, up to a punctuation mark
LOOK_AHEAD = 4  # and after it ("weakness in my left arm"), up to "and"/"but"/"or" as well


def weakness_where(ent: Any) -> list[str]:
    """The findings a reported weakness also states, by where it is."""
    words = _clause(ent)
    if (ONE_SIDE.search(words) or ONE_HAND.search(words)
            or (ONE_LEG.search(words) and not NERVE_PAIN.search(words))) \
            and not BOTH.search(words):
        return ["one_sided_weakness"]
    if BOTH_LEGS.search(words):
        return ["weakness_both_legs"]
    return []


LEGS_OR_FEET = re.compile(r"\b(?:legs?|feet|foot|toes?|calf|calves|thighs?|shins?|knees?|"
                          r"ankles?|soles?|heels?|everywhere|all over|body)\b")
SADDLE = re.compile(r"\b(?:groin|bum|buttocks?|saddle|bottom|backside|down below|down there|"
                    r"between (?:my|his|her|the) legs|privates|private parts|genitals|anus|"
                    r"perineum|when i wipe|toilet paper|toilet roll)\b")
ELSEWHERE = re.compile(r"\b(?:hands?|fingers?|fingertips?|thumbs?|arms?|lips?|mouth)\b")
FACE = re.compile(r"\b(?:face|cheek|jaw)\b")
SIDE_AFTER = re.compile(r"\bon (?:the|my|his|her|one) (?:left|right|side)\b|"
                        r"\b(?:left|right)[- ]sided?\b")
# a whole leg on one side that goes numb or dead ("my right leg went numb"); not a numbness
# running down the leg, which is how a trapped nerve is told
WHOLE_LEG = re.compile(r"\b(?:left|right) leg (?:\w+ ){0,2}?(?:went|goes|has gone|had gone|is|was|"
                       r"felt|feels|turned) (?:completely |totally |all |suddenly )?"
                       r"(?:numb|dead)\b")
DOWN_A_LEG = re.compile(r"\bdown (?:the (?:back|front|side|outside) of )?(?:my |his |her |the )?"
                        r"(?:left|right) (?:leg|foot|calf|thigh|buttock|hip|shin)\b")
AROUND_MOUTH = re.compile(r"\b(?:lips?|mouth|fingertips?)\b")
ONE_HAND = re.compile(r"\b(?:left|right)\s+hand\b")


def _clause(ent: Any) -> str:
    """The words around a phrase within its clause: up to LOOK_BACK words before it and
    LOOK_AHEAD after it, stopping at punctuation (and, after it, at "and"/"but"/"or")."""
    doc = ent.doc
    start = ent.start
    while start > max(ent.sent.start, ent.start - LOOK_BACK) and not doc[start - 1].is_punct:
        start -= 1
    end = ent.end
    while end < min(ent.sent.end, ent.end + LOOK_AHEAD) and not doc[end].is_punct \
            and doc[end].lower_ not in ("and", "but", "or"):
        end += 1
    return doc[start:end].text.lower()


def numbness_where(ent: Any) -> tuple[bool, list[str]]:
    """Whether a reported numbness or tingling is in the legs or feet (what numbness_tingling
    asks), and the findings it also states by where it is: one side of the body, an arm, a hand
    or the face ("my right hand went numb", "numb down my left side") is one-sided weakness or
    numbness; lips, mouth or fingertips are tingling around the mouth. A numbness named only in
    the hands, lips or face is not numbness of the legs; one around the bottom or groin is saddle
    numbness."""
    words = _clause(ent)
    also = []
    face = FACE.search(words) is not None
    side = ONE_SIDE.search(words)
    if side and side.group(0).startswith("down") and DOWN_A_LEG.search(words):
        side = None  # "numbness down my left leg": a trapped nerve's way, not one side
    one_side = side or ONE_HAND.search(words) or WHOLE_LEG.search(words) \
        or (face and SIDE_AFTER.search(words))
    if one_side and not BOTH.search(words):
        also.append("one_sided_weakness")
    if AROUND_MOUTH.search(words):
        also.append("tingling_around_mouth")
    saddle = SADDLE.search(words) is not None
    if saddle:
        also.append("saddle_numbness")
    legs = LEGS_OR_FEET.search(words) is not None or not (
        ELSEWHERE.search(words) or saddle or (face and one_side))
    return legs, also


def saddle_only(ent: Any) -> bool:
    """A numbness named only around the bottom or groin ("no numbness around my bum")."""
    words = _clause(ent)
    return SADDLE.search(words) is not None and LEGS_OR_FEET.search(words) is None


BOTH_LEGS_SAID = re.compile(r"\bboth (?:my |his |her |the )?(?:legs|thighs|calves|sides)\b|"
                            r"\b(?:each|either) leg\b")
PAIN_LOOK_AHEAD = 7  # "pain down the back of both legs"


def pain_down_both(ent: Any) -> bool:
    """A reported pain down the leg that, in its clause, runs down both legs."""
    doc = ent.doc
    end = ent.end
    while end < min(ent.sent.end, ent.end + PAIN_LOOK_AHEAD) and not doc[end].is_punct \
            and doc[end].lower_ not in ("and", "but", "or"):
        end += 1
    return BOTH_LEGS_SAID.search(doc[ent.start:end].text.lower()) is not None


# ---- where the movements are ------------------------------------------------------------------
# Each place the movements are said to be is read as a part of the body, with its side when one is
# named, and the places together give the location: one muscle is one spot; several places on the
# same leg ("my right calf and the arch of my right foot") are one leg; the two sides ("my right
# calf, and now my left thigh") are both legs; a leg with any other part (an eyelid, an arm, the
# face) is several body parts. A muscle named with no owner or side ("calf cramps", "twitch in
# calf") says no more than that it is somewhere in a leg.

_SIDE = re.compile(r"\b(?:(left|lt|l)|(right|rt|r|rite))\b")
_PART_WORDS = {
    "calf": "calf", "calves": "calf", "calfs": "calf", "thigh": "thigh", "thighs": "thigh",
    "shin": "shin", "shins": "shin", "foot": "foot", "feet": "foot", "toe": "foot", "toes": "foot",
    "arch": "foot", "sole": "foot", "heel": "foot", "ankle": "ankle", "ankles": "ankle",
    "knee": "knee", "knees": "knee", "hamstring": "thigh", "hamstrings": "thigh", "quad": "thigh",
    "quads": "thigh", "leg": "leg", "legs": "leg",
}
# a spot away from the legs that counts only with a movement beside it ("my cheek twitches",
# "cramps in my legs and my belly"); "eye" stands for all of them
_ELSEWHERE_SPOT = re.compile(r"\b(?:eyelids?|eyes?|cheeks?|belly|tummy|stomach|abdomen|lips?)\b")
_OWNED = re.compile(r"\b(?:my|the|his|her|their|one|a|both|either|left|right|l|r|lt|rt|rite)\b")
# a limb said to twitch "all over": all over that limb ("my right leg is twitching all over")
_ONE_LIMB_BEFORE = re.compile(r"\b(?:my|the|his|her) (?:left |right )?(?:leg|arm|calf|thigh)\b"
                              r"(?![\s\S]*\b(?:legs|arms|body)\b)")
# a part doing something that is not one of the movements: "jaw clenching", "my hands shake"
_NOT_MOVING = re.compile(r"^\s*(?:'s\s+|(?:is|are|keeps?|kept|was|were|still|has been|have been|"
                         r"been|gets?|got|feels?|felt)\s+)*(?:clench\w*|grind\w*|"
                         r"ach\w*|sore|hurt\w*|shak\w*|trembl\w*|swell\w*|swollen|stiff\w*|"
                         r"numb|tingl\w*|(?:going|goes|went|gone) to sleep|(?:fell|falls|falling) "
                         r"asleep|killing|itch\w*|burn\w*|fine|ok|okay|normal|perfect|good)\b")
# a state that is not a movement, just before "all over": "itchy all over", "achy all over"
_NOT_MOVING_BEFORE = re.compile(r"\b(?:itch\w*|sore|ach\w*|hot|sweat\w*|shak\w*|tingl\w*|numb|"
                                r"bruis\w*|rash\w*|pain\w*|hurt\w*|swollen|cold|clammy|spots|"
                                r"weak|tired|stiff)\s*$")
# a muscle with no side, given one by what follows: "calf twitches on that side too"
_SIDE_AFTER = re.compile(r"^\s*(?:\w+\s*){0,2}?(?:on (?:that|the same|this) side\b|on (?:the |my )?"
                         r"(?:left|right)\b|[,(\-–]\s*(?:the\s+)?(?:left|right)\b"
                         r"(?!\s+(?:after|away|now|then|before|here|there|on|at|in|when|\w+ing)\b))")
WIDEST = ("one_spot", "one_leg", "both_legs", "several_body_parts")
_WHOLE = re.compile(r"\b(?:whole|entire)\b")


# "all over" as finished: "the stomach bug is all over now", "it was all over in a minute"
OVER_AND_DONE = re.compile(r"(?:\b(?:is|'s|was|were|are|be|it's|its)\s+|[,;]\s*)all over\b"
                           r"(?!\s+(?:my|the|his|her|me|him|body|the place))"
                           r"(?:(?<=[,;]\sall over)(?=\s+now)|(?<![,;]\sall over))")


@dataclass(frozen=True)
class Place:
    value: str  # the location the phrase names by itself
    part: str  # "calf", "leg", ... "eye", or "" for a place that is no one part ("all over")
    side: str  # "left", "right" or ""
    bare: bool  # a muscle with no owner or side ("calf cramps")
    span: str


def place_of(ent: Any, value: str) -> Place | None:
    """What one place phrase says, or None for a place that is not the movements' own."""
    doc = ent.doc
    before = doc[max(ent.sent.start, ent.start - 3):ent.start].text.lower()
    words = ent.text.lower()
    after = doc[ent.end:min(ent.sent.end, ent.end + 4)].text.lower()
    if _NOT_MOVING.match(after):
        return None
    if value == "several_body_parts" and re.search(r"\ball over\b", words) \
            and (_ONE_LIMB_BEFORE.search(doc[ent.sent.start:ent.start].text.lower())
                 or _NOT_MOVING_BEFORE.search(before)):
        return None  # "my right leg twitches all over", "itchy all over"
    side_said = _SIDE.search(words) or _SIDE.search(before.split()[-1] if before else "")
    side = "" if side_said is None else "left" if side_said.group(1) else "right"
    nouns = [_PART_WORDS[w] for w in re.findall(r"[a-z]+", words) if w in _PART_WORDS]
    part = "eye" if _ELSEWHERE_SPOT.search(words) else nouns[-1] if nouns else ""
    last_before = before.split()[-1] if before else ""
    if OVER_AND_DONE.search(f"{before} {words} {after}"):
        return None  # "the bug's all over now": finished, not everywhere
    bare = value in ("one_spot", "one_leg") and part not in ("", "eye") \
        and not _OWNED.search(words) \
        and not _OWNED.fullmatch(last_before) and not last_before.endswith("'s") \
        and not (part != "leg" and _SIDE_AFTER.match(
            doc[ent.end:min(ent.sent.end, ent.end + 6)].text.lower()))
    if part == "eye" and not _moving_beside(ent):
        return None  # "pain moving my right eye": the eye is not where the movements are
    return Place(value, part, side, bare, ent.text)


MOVEMENT_WORDS = re.compile(r"^(?:twitch|flicker|flutter|jump|spasm|tic|jerk|quiver|ripple|pulse|"
                            r"puls|vibrat|popp|kick|cramp)")
# a place said after the movements with "too" or "also": "also my eyelid", "my cheek as well"
_ALSO = re.compile(r"\b(?:also|too|as well|aswell|n aw|and all)\b")


def _moving_beside(ent: Any) -> bool:
    """A movement word near the place, within its clause: "eye twitch", "twitching in my
    eyelid", "eyelid and leg twitching"."""
    doc = ent.doc
    start = ent.start
    while start > max(ent.sent.start, ent.start - 7) and not doc[start - 1].is_punct:
        start -= 1
    end = ent.end
    while end < min(ent.sent.end, ent.end + 4) and not doc[end].is_punct:
        end += 1
    if any(MOVEMENT_WORDS.match(t.lower_) for t in doc[start:end]):
        return True
    return _ALSO.search(doc[start:end].text.lower()) is not None \
        and any(MOVEMENT_WORDS.match(t.lower_) for t in doc[:ent.start])


# a place inside a movement phrase: "whole body jumps", "my fingers keep curling up"
_INNER = [(re.compile(r"\b(?:body|all over|hands?|fingers?|arms?)\b"), "several_body_parts"),
          (re.compile(r"\b(?:legs|calves|calfs|thighs|shins|feet)\b"), "both_legs"),
          (re.compile(r"\b(?:left|right|my|one) leg\b"), "one_leg"),
          (re.compile(r"\b(?:left|right|my|one|the) (?:calf|thigh|shin|hamstring|quad|foot)\b"),
           "one_spot")]
RLS_NAME = re.compile(r"\b(?:(?:my |the |his |her )?restless[- ]legs?(?: syndrome)?|rls)\b")


def place_inside(ent: Any) -> Place | None:
    """The place named inside a movement phrase, if any; never the name of the complaint ("my
    restless legs", "RLS"), which says nothing of where."""
    words = RLS_NAME.sub(" ", ent.text.lower())
    for pattern, value in _INNER:
        named = pattern.search(words)
        if named:
            nouns = [_PART_WORDS[w] for w in named.group(0).split() if w in _PART_WORDS]
            side = _SIDE.search(named.group(0))
            return Place(value, nouns[-1] if nouns else "",
                         "" if side is None else "left" if side.group(1) else "right", False,
                         ent.text)
    return None


def location_of(places: list[Place]) -> tuple[str, str] | None:
    """The location all the places say together, with the words it came from."""
    if not places:
        return None
    legs = [p for p in places if p.value != "several_body_parts" and p.part != "eye"]
    elsewhere = [p for p in places if p not in legs]
    if any(p.value == "several_body_parts" for p in elsewhere):
        widest = next(p for p in elsewhere if p.value == "several_body_parts")
        return "several_body_parts", widest.span
    if elsewhere and legs:  # an eyelid and a calf
        return "several_body_parts", f"{elsewhere[0].span}; {legs[0].span}"
    if elsewhere:
        return elsewhere[0].value, elsewhere[0].span
    spans = "; ".join(dict.fromkeys(p.span for p in legs))
    both = [p for p in legs if p.value == "both_legs"]
    if both:
        return "both_legs", both[0].span
    if {p.side for p in legs} >= {"left", "right"}:
        return "both_legs", spans
    named = [p for p in legs if not p.bare]
    if not named:
        return None  # "calf cramps": somewhere in a leg
    spots = {p.part for p in legs if p.value == "one_spot" and p.part}
    if len(spots) > 1:
        return "one_leg", spans  # "my right calf and the arch of my right foot"
    named_spots = [p for p in named if p.value == "one_spot"]
    if named_spots and not any(p.value == "one_leg" and (p.side or _WHOLE.search(p.span.lower()))
                               for p in named):
        return "one_spot", named_spots[0].span  # "my leg twitches ... it's in my left calf"
    widest = max(named, key=lambda p: WIDEST.index(p.value))
    return widest.value, widest.span

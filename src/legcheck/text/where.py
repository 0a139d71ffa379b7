"""Where a reported weakness is, from the words just before it in its clause: one side ("his
left arm is weak", "my right leg and arm went weak", "weakness in my left arm") is one-sided
weakness, the legs ("my legs
twitch and feel weak") weakness in both legs. Only a weakness that is reported, never a denied
one, so this can only add warning signs. Likewise, a pain down the leg said to run down both legs
("pain down the back of both legs", "sciatica going down both my legs") is pain down both legs."""

from __future__ import annotations

import re
from typing import Any

# an arm, the face or a whole side, as the warning sign asks (a weak foot alone is not named here)
ONE_SIDE = re.compile(r"\b(?:left|right)\s+(?:arm|side|face)\b|\bone side\b|"
                      r"\b(?:left|right) (?:leg|hand) and (?:arm|face)\b|"
                      r"\bdown (?:my |his |her |the )?(?:left|right)\b")
BOTH_LEGS = re.compile(r"\b(?:legs|both legs|both my legs|thighs|calves)\b")
BOTH = re.compile(r"\bboth\b|\bsides\b|\barms\b")
LOOK_BACK = 8  # words before the weakness phrase, within its sentence, up to a punctuation mark
LOOK_AHEAD = 4  # and after it ("weakness in my left arm"), up to "and"/"but"/"or" as well


def weakness_where(ent: Any) -> list[str]:
    """The findings a reported weakness also states, by where it is."""
    doc = ent.doc
    start = ent.start
    while start > max(ent.sent.start, ent.start - LOOK_BACK) and not doc[start - 1].is_punct:
        start -= 1
    end = ent.end
    while end < min(ent.sent.end, ent.end + LOOK_AHEAD) and not doc[end].is_punct \
            and doc[end].lower_ not in ("and", "but", "or"):
        end += 1
    words = doc[start:end].text.lower()
    if (ONE_SIDE.search(words) or ONE_HAND.search(words)) and not BOTH.search(words):
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
    """The words around a phrase within its clause, as weakness_where reads them."""
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

"""What the words around a phrase say about whose it is and what it means.

- A movement the person calls their own inside a fear ("what if my twitches ...") is theirs, and
  so is one named of someone else when the person then says "mine are ..." or "I've started
  getting it too".
- A limb that "goes to sleep" is numb for a moment, not the person falling asleep.
- "No change", "the same" or "better" said of a medicine or another function is not the
  movements' course.
- Not remembering kicks in one's sleep is sleep; wetting oneself in a fit is the fit's sign.
- "Hurt myself" told as an injury ("at the gym", "slipped and hurt herself") is not a wish to.
"""

from __future__ import annotations

import re
from typing import Any

from legcheck.text.pipeline import lower_of, matches, meanings

OWNED_MOVEMENTS = {"visible_flicker", "limb_jerk", "painful_cramp"}
# the movements a later "mine are ..." or "I've started getting it too" makes the person's own
SET_ASIDE_MOVEMENTS = OWNED_MOVEMENTS | {"urge_to_move"}
# the person's own, after the movements were named of a fear or of someone else: "My friend has
# MND and every twitch terrifies me. Mine are in my calves."
MINE = re.compile(r"\bmine(?:'re| are| is|'s| come| comes| happen| happens| started| start| seem|"
                  r" tend| only| mostly| usually| have| has| go| get)\b"
                  # "Mum has RLS and I've just started getting it too"
                  r"|\bi(?:'ve| have)? (?:just |now |also )?(?:started |start |begun )?(?:getting|"
                  r"get|got|have|having) (?:it|them|those|that|the same) (?:too|as well)\b")
OWNED_BEFORE = {"my", "these", "those"}


def owned_movement(ent: Any) -> bool:
    """A movement the person calls their own inside a fear or a question: "what if my twitches
    turn into weakness?", "could these jerks of mine be a seizure?"."""
    if not any(label in OWNED_MOVEMENTS for label in meanings(ent.label_)):
        return False
    doc = ent.doc
    before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    after = doc[ent.end:ent.end + 2].text.lower()
    return before in OWNED_BEFORE or after == "of mine"


LIMB_ASLEEP = re.compile(r"\b(?:hands?|arms?|foot|feet|legs?|fingers?|toes?)\b(?: (?:keeps?|"
                         r"kept|always|just|is|are|was|were|has|had|have))*$")

# a topic that names its own problem, denied: "no back problems", "no bladder issues"
PROBLEM_NAMED = re.compile(r"\b(?:problems?|issues?|trouble)\b")
# what else may be "the same", "stable" or "better": not the movements' course
OTHER_THING = re.compile(
    r"\b(?:tablets?|pills?|meds?|medications?|medicines?|dose|doses|prescriptions?|strength|"
    r"weight|speech|swallowing|breathing|chest|cough|cold|flu|kidneys?|function|bloods?|"
    r"levels?|iron|sugars?|periods?|mood|appetite|eyesight|vision|memory|balance|walking|"
    r"bladder|bowels?|back|pain|temperature|fever|rash|infection)\b")
CLAUSE_MARK = re.compile(r"[.,;:!?()\n]|\b(?:and|but)\b")


def unchanged_is_another(ent: Any) -> bool:
    """A "no change", "the same" or "better" said of something other than the movements: a
    medicine or another function named in its clause."""
    lower = lower_of(ent.doc)
    start = max(ent.sent.start_char, ent.start_char - 50)
    marks = list(CLAUSE_MARK.finditer(lower, start, ent.start_char))
    before = lower[marks[-1].end() if marks else start:ent.start_char]
    after = lower[ent.end_char:ent.end_char + 25]
    following = re.match(r"\s*(?:to|in|with|of|for)\s+(?:my|the|his|her|any)?\s*(\w+)", after)
    if OTHER_THING.search(before) or (following and OTHER_THING.match(following.group(1))):
        return True
    for m in matches(ent.doc):  # "on levetiracetam, no change"
        between = lower[m.end_char:ent.start_char]
        if ent.sent.start_char <= m.start_char and m.end_char <= ent.start_char \
                and any(label.startswith("medicine=") for label in meanings(m.label_)) \
                and (not CLAUSE_MARK.search(between) or not between.strip(" ,")):
            return True
    return False


NO_MEMORY = re.compile(r"\b(?:remember|recall|memory|no idea)\b")
IN_SLEEP = re.compile(r"\b(?:asleep|sleeping|in (?:my|his|her|their) sleep|all night|through the "
                      r"night|kicks? (?:me|him|her)|bed partner)\b")
FIT = re.compile(r"\b(?:fit|fits|seizure|seizures|convuls\w*|tongue|on the floor|came round|"
                 r"came to|blacked out|passed out)\b")
WET_ONESELF = re.compile(r"\bwet (?:my|him|her|them)sel(?:f|ves)\b|\bwetting (?:my|him|her)self\b")
HURT_SELF = re.compile(r"^hurt(?:ing)? (?:my|him|her|them)sel(?:f|ves)$")
ACCIDENT_AFTER = re.compile(r"^\s*(?:at|in|on|lifting|playing|doing|running|training|falling|"
                            r"badly|slightly|a bit|last|yesterday|today|this morning|"
                            r"pretty|quite|again)\b")
ACCIDENT_BEFORE = re.compile(r"\b(?:fell|fallen|slipped|tripped|fall|slip|trip)\b(?: \w+){0,3}"
                             r" (?:and|had)? ?$")
INTENT_BEFORE = re.compile(r"\b(?:want|wanted|wanting|thoughts?|thinking|think|thought|urge|"
                           r"might|could|would|tempted|feel like|considered|plan)\b")


def hurt_by_accident(ent: Any) -> bool:
    """"Hurt myself" told as an injury, not a wish: "hurt myself at the gym", "slipped and hurt
    herself"; never when a wish or thought comes before it ("I want to hurt myself")."""
    if not HURT_SELF.match(ent.text.lower()):
        return False
    lower = lower_of(ent.doc)
    before = lower[max(ent.sent.start_char, ent.start_char - 40):ent.start_char]
    if INTENT_BEFORE.search(before):
        return False
    return ACCIDENT_AFTER.match(lower[ent.end_char:ent.end_char + 20]) is not None \
        or ACCIDENT_BEFORE.search(before) is not None

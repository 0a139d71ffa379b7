"""How people say a body function is normal, which denies the findings about it.

A finding's `topics` (phrases.yaml) name the function in lay words ("balance", "walking", "grip",
"speech", "eyesight", "bladder", "temperature"). A topic says the finding is absent when it is
called normal close by: after it ("my balance is fine", "bladder and bowels are ok", "I can walk
miles no problem", "memory is as good as ever") or just before it ("normal speech", "good
balance", "still able to walk"), or when a problem with it is denied ("no problems with my
balance", "nothing wrong with my speech"). A bare "no" before a function names its loss, not a
denial ("no balance", "can't grip", "no feeling"), so it says nothing here."""

from __future__ import annotations

import re
from typing import Any

NORMAL_WORD = (r"(?:fine|normal|normally|ok|okay|o\.k\.?|good|great|grand|unaffected|perfect|"
               r"perfectly(?: well| fine| normal| ok)?|intact|unchanged|alright|all right|clear|"
               r"clearly|sharp|steady|properly|no bother|(?<!\bas )well|just fine|easy|easily|"
               r"spot on|all good|tip[- ]top|bang on|"
               r"comfortabl[ey]|"
               r"as (?:usual|normal|always|ever|before)|like normal|same as (?:always|ever|before|"
               r"usual)|the same(?: as (?:always|ever|before|usual))?|"
               r"as (?:strong|good|sharp|clear|steady|normal) as (?:ever|always|before|usual|it'?s "
               r"(?:always|ever) been)|"
               r"not (?:affected|a problem|an issue|changed)|(?:is|are)n'?t (?:affected|a problem|"
               r"an issue)|(?:has|have)n'?t changed|(?:has|have) not changed|not bothered|"
               r"(?:no|without(?: any)?|zero|not any) (?:problems?|issues?|trouble|difficulty|"
               r"difficulties|bother|change|changes)(?! (?:since|until))|"
               r"(?:without|with no) (?:any )?(?:problems?|issues?|trouble|difficulty|effort))")
# words that may stand between the topic and the normal word: not a denial, contrast or comparison
GAP_WORD = (r"(?!(?:but|and|or|not|no|never|nothing|than|worse|less|more|harder|except|apart|"
            r"until|unless|if|when|though|although|only|just|feels?|felt)\b)"
            r"(?![\w']*n'?t\b)[\w']+")
# "normal" must not go on to say when it is not ("fine until I ...", "ok most of the time")
NOT_ALWAYS = (r"(?!\s*(?:until|till|til|at first|for a (?:bit|while|few)|then|except|apart from|"
              r"sometimes|mostly|most of the time|some days|unless|for (?:it|them|me|my)|"
              r"to (?:do|walk|stretch|move)|exercise|idea|before|earlier|previously|yesterday|"
              r"last(?! (?:time|check|test|bloods))|once|in the past|at the start|"
              r"a (?:few|couple))\b)")
LIST = r"(?:\s*(?:,|and|&|or)\s+(?:my |the )?[\w']+){0,3}"
# "iron was checked and was fine", "kidneys checked in the summer and fine"
CHECKED = (r"(?:(?:was|were|got|has been|have been)\s+)?(?:checked|tested|looked at|examined)"
           r"(?:\s+[\w']+){0,4}?\s+and\s+(?:(?:was|were|came back|is|are|all)\s+)*")
AFTER = re.compile(rf"^{LIST}\s*[:,\-–—]?\s*(?:{CHECKED})?(?:{GAP_WORD}\s+){{0,3}}?{NORMAL_WORD}\b"
                   rf"{NOT_ALWAYS}")
BEFORE = re.compile(r"(?:^|[\s,(])(?:(?<!not )(?<!no )(?:normal|good|steady|clear|full|perfect|"
                    r"intact|healthy|unaffected)(?: and (?:normal|steady|clear|full))?"
                    r"|(?:can|could) still|still (?:able to|can|manage to)|"
                    r"(?:no|without(?: any)?) (?:problems?|issues?|trouble|difficulty) "
                    r"(?:with )?)(?: my| the| his| her)?\s*$")
# what, said next, takes "normal" back: "still able to walk but with difficulty", "walking is
# fine, just slower", "I can stand ok with a stick"; a "though" that ends the clause takes nothing
# back ("no temperature though")
TAKEN_BACK = re.compile(r"^\s*(?:(?:ok|okay|fine|alright|normally|well)\s*)?[,;\-–—]?\s*"
                        r"(?:(?:but|though|although)(?!\s+(?:i|i'm|im|i've|ive|my|the|it|it's|"
                        r"its|they|this|there|he|she|we|now|then|also|since|lately|recently|"
                        r"otherwise|everything)\b)(?!\s*(?:$|[.,;!?]))|"
                        r"except|apart from|barely|hardly|slowly|slower|"
                        r"just (?:about|slower|weaker|a bit|a little)|only (?:just|slowly|for a)|"
                        r"with (?:some |a bit of |a little |great |real |a lot of )?"
                        r"(?:difficulty|effort|help|a stick|a cane|a frame|a limp|support|pain))"
                        r"\b")
WHEN = {"when", "whenever", "if", "while", "after", "before", "once", "until", "till"}
PROBLEM = re.compile(r"\b(?:problems?|probs?|issues?|trouble|difficult(?:y|ies)|wrong|changes?|"
                     r"different|difference|loss|worse|concerns?|complaints?|abnormal)\b")


def said_to_be_normal(ent: Any) -> bool:
    """The topic is called normal just after it or just before it, in its own clause."""
    doc, sent = ent.doc, ent.sent
    if any(t.lower_ in WHEN for t in doc[max(sent.start, ent.start - 2):ent.start]):
        return False  # "when I walk it's fine": a time, not the walking
    after = doc[ent.end:min(sent.end, ent.end + 16)].text.lower()
    said = AFTER.match(after)
    if said:
        return TAKEN_BACK.match(after[said.end():]) is None
    before = doc[max(sent.start, ent.start - 4):ent.start].text.lower()
    return BEFORE.search(before) is not None and TAKEN_BACK.match(after) is None


def problem_denied(ent: Any) -> bool:
    """A denial of a problem with the topic: "no problems with my balance", "nothing wrong with
    my speech", "haven't had any trouble with my bladder"; not "no balance" or "can't grip"."""
    doc = ent.doc
    for modifier in ent._.modifiers:
        if modifier.category != "NEGATED_EXISTENCE":
            continue
        start, end = modifier.modifier_span
        if end <= ent.start and PROBLEM.search(doc[start:ent.start].text.lower()):
            return True
        if start >= ent.end and PROBLEM.search(doc[ent.end:end].text.lower()):
            return True  # "balance isn't a problem"
    return False


def negation_right_before(ent: Any) -> bool:
    """A denial right before a phrase that states normal ("not strong", "can't walk fine",
    "not really steady on my feet") turns it into nothing said."""
    doc = ent.doc
    for modifier in ent._.modifiers:
        if modifier.category != "NEGATED_EXISTENCE":
            continue
        end = modifier.modifier_span[1]
        between = doc[end:ent.start]
        if end <= ent.start and len(between) <= 1 and not any(t.is_punct for t in between):
            return True
    return False


def taken_back(ent: Any) -> bool:
    """The words right after a statement of normal take it back ("I can walk ok with a stick",
    "walking is fine, just slower")."""
    following = ent.doc[ent.end:min(ent.sent.end, ent.end + 6)].text.lower()
    return TAKEN_BACK.match(following) is not None

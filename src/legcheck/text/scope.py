"""Where a denial or a hedge stops holding.

- A denial that runs only up to a time says the finding began then: "no weakness until today",
  "never had numbness before this week", "wasn't numb till I sat down" all report the finding. A
  warning sign is never hidden by such a denial ("no weakness until today when my leg gave way").
  "before or since" keeps the denial whole ("no weakness before or since").
- A denial taken back in part says the finding is there: "no weakness apart from my left hand",
  "no numbness except in my toes", "not much numbness but some".
- A soft hedge ("I think", "maybe", "might be", "a bit", "sort of") about one's own symptom still
  reports it: "my leg might be a bit weak" is weakness said carefully, not a fear. Fears and
  questions ("scared it could be", "is it", "what if") stay uncertain, and a hedge never turns a
  diagnosis or a medical history into a finding ("maybe diabetic" says nothing).
"""

from __future__ import annotations

import re
from typing import Any

# a denial that ends at a time: "no X until/till/before ...", but not "before or since"
UNTIL = re.compile(r"^(?:[\w']+\s+){0,3}?(?:until|till|til|untill|before|up until|up till|"
                   r"up to)\b(?!\s+(?:or|and|nor|n)\s+(?:since|after|now)\b)"
                   r"(?!\s+(?:i (?:was|am|turned)|the age)\b)"
                   # "before in my life", "before ever": the whole past, so the denial holds
                   r"(?!\s+(?:in (?:my|all my|his|her) (?:whole )?life|ever|at all)\b)"
                   # "up to now", "till now": so far, unless a change follows ("until now, now
                   # I'm struggling", "till now but today ...")
                   r"(?!\s+now\b(?![\s,;:-]+(?:now|but|when|then|today|this)\b))")
# hedges that soften what one reports about one's own body
SOFT_HEDGES = ["i think", "i thnk", "i think i have", "i think i've", "i think i'm", "maybe",
               "might be", "might have", "possibly", "probably", "perhaps", "sort of",
               "kind of", "kinda", "sorta", "i guess", "i suppose", "i'd say", "i would say",
               "i feel like", "think i have", "think i've", "think i'm"]
SOFT = frozenset(SOFT_HEDGES)
# a hedge after a fear is the fear's: "scared it might be MS", "worried I may be getting weak"
FEAR = re.compile(r"\b(?:scared|afraid|worried|worry|terrified|frightened|fear|paranoid|"
                  r"anxious|panicking|panicked|convinced|googl\w*)\b")
HEDGE = "SOFT_HEDGE"  # the ConText category these carry: no flag, read here
SOFTLY_SAID_GROUPS = {"warning", "symptom", "movement"}


# a denial that the next words take back in part: "no weakness apart from my left hand", "no
# numbness except in my toes", "not much numbness but some", "never weak, only sometimes"
_PART = (r"(?:in|on|at|around|during|after|when|whenever|while|sometimes|occasionally|"
         r"now and then|once or twice|a few times|some|a bit|a little|slight(?:ly)?|mild(?:ly)?|"
         r"a touch|the odd)\b")
EXCEPT = re.compile(rf"^(?:at all |whatsoever |really )?,?\s*(?:(?:(?:apart|aside) from|except"
                    rf"(?: for)?|other than|besides|save for)\s+(?:{_PART}|(?:my|the|his|her) "
                    rf"(?:left |right )?(?:hands?|arms?|legs?|feet|foot|toes?|fingers?|face|"
                    rf"calf|calves|thighs?|side))|(?:but|just|only)\s+{_PART})")


def denial_ended(ent: Any) -> bool:
    """The words after a denied finding say when the denial stopped ("until today") or take it
    back in part ("except in my toes"): the finding is there."""
    doc = ent.doc
    following = doc[ent.end:min(ent.sent.end, ent.end + 8)].text.lower()
    return UNTIL.match(following) is not None or EXCEPT.match(following) is not None


def only_softly_hedged(ent: Any) -> bool:
    """Every modifier that makes the mention uncertain is a soft hedge ("maybe", "might be"),
    none a fear or a question ("scared it could be", "is it")."""
    said = [(m.category, m.modifier_span) for m in ent._.modifiers
            if m.category in ("POSSIBLE_EXISTENCE", HEDGE)]
    feared = FEAR.search(ent.doc[ent.sent.start:ent.start].text.lower()) is not None
    return bool(said) and not feared and all(category == HEDGE or _words(ent, span) in SOFT
                                             for category, span in said)


def hedged(ent: Any) -> bool:
    """A soft hedge bears on the mention (medspaCy's own "might be" counts as one)."""
    return any(m.category == HEDGE or (m.category == "POSSIBLE_EXISTENCE"
                                       and _words(ent, m.modifier_span) in SOFT)
               for m in ent._.modifiers)


def _words(ent: Any, span: tuple[int, int]) -> str:
    return ent.doc[span[0]:span[1]].text.lower()


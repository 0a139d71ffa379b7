"""Which denials reach a mention, beyond ConText's own scope: a symptom joined by "and"/"or" to a
denied one ("no weakness and numbness"), a denial that shares a word with its phrase ("never had"
+ "had a fit"), a general finding inside a more specific denied phrase, "no feeling of X", and,
for safety, a warning sign said after a comma that a "no" before the comma does not reach ("no
numbness, slurred speech since this morning")."""

from __future__ import annotations

import re
from typing import Any

from legcheck.knowledge import KnowledgeBase
from legcheck.text.pipeline import lower_of, matches, meanings, text_of

NEGATING = re.compile(r"\b(?:no|not|never|without|nothing|none)\b|n't\b")


LIST_OR = {"or", "nor"}
LIST_BREAKS = {",", ";", "-", "\u2013", "\u2014"}


def warning_sign_past_a_comma(kb: KnowledgeBase, ent: Any) -> bool:
    """For safety, a warning sign said after a denied item and a comma is taken as reported,
    not denied, when nothing marks a list of denied things: it is the second and last item, no
    "or"/"nor" joins it, and it goes on to say something ("no numbness, slurred speech since this
    morning", "not numb, face drooping on one side") or is put as a statement ("no pain, face
    drooping"). A list stays denied: "no weakness, numbness or slurred speech", "no weakness,
    confusion, fever or trouble walking", "no weakness, numbness, slurred speech, face drooping",
    "no fever, confusion". Only a denial before the sign is looked at; one said after it
    ("slurred speech? no") stands."""
    if not ent._.is_negated or not any(
            kb.findings[fid].warning_sign for label in meanings(ent.label_)
            if not label.startswith("medicine=") and (fid := finding_of(label)) in kb.findings):
        return False
    doc = ent.doc
    denials = [m for m in ent._.modifiers if m.category == "NEGATED_EXISTENCE"]
    if not denials or any(m.modifier_span[0] >= ent.start for m in denials):
        return False
    for denial in denials:
        between = [token.lower_ for token in doc[denial.modifier_span[1]:ent.start]]
        breaks = [i for i, word in enumerate(between) if word in LIST_BREAKS]
        if len(breaks) != 1 or LIST_OR & set(between[breaks[-1]:]):
            return False  # no comma, a longer list, or "no X, Y or <sign>"
    following: list[str] = []
    for token in doc[ent.end:ent.sent.end]:
        if token.is_sent_end and token.is_punct:
            break
        following.append(token.lower_)
    if LIST_OR & set(following) or LIST_BREAKS & set(following):
        return False  # more items follow: "no numbness, <sign>, fever or pain"
    said = [word for word in following if not word.strip(".!?")]
    before = doc[ent.start - 1] if ent.start > 0 else None
    statement = ent[-1].lower_.endswith(("ed", "ing")) and (  # "face drooping", "speech slurred"
        len(ent) > 1 or (before is not None and before.is_alpha
                         and before.lower_ not in LIST_OR | {"no", "not", "any", "or"}))
    return len(following) > len(said) or statement


def inside_another(ent: Any) -> bool:
    """A general finding carried inside a more specific phrase (see pipeline.outermost)."""
    return any(other.start <= ent.start and ent.end <= other.end and len(other) > len(ent)
               for other in matches(ent.doc))


def denial_of_what_follows(ent: Any) -> bool:
    """A phrase that carries its own "no" ("no feeling", "no sensation") followed by "of"."""
    following = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return following is not None and following.lower_ == "of" \
        and NEGATING.search(ent.text.lower()) is not None \
        and any("|" not in label for label in meanings(ent.label_))


LIST_JOIN = {"and", "or", "&", "nor", "plus"}
LIST_FILLER = {"any", "no", "other", "also"}
DENIABLE_GROUPS = {"warning", "symptom"}


def listed_after_denial(kb: KnowledgeBase, ent: Any) -> bool:
    """A symptom joined by "and"/"or" straight after a denied one is denied too: "no weakness
    and numbness", "never had any weakness or any numbness". ConText ends a denial at "and" (for
    "no weakness and my calf twitches"); the main complaint, a movement, is never carried."""
    doc, i = ent.doc, ent.start - 1
    while i > ent.sent.start and doc[i].lower_ in LIST_FILLER:
        i -= 1
    if i <= ent.sent.start or doc[i].lower_ not in LIST_JOIN:
        return False
    if any(kb.findings[finding_of(label)].group not in DENIABLE_GROUPS
           for label in meanings(ent.label_) if not label.startswith("medicine=")):
        return False
    before = next((m for m in matches(doc) if m.end == i), None)
    return before is not None and (bool(before._.is_negated) or felt_none(before) or (
        NEGATING.search(before.text.lower()) is not None
        and all(label.endswith("|absent") for label in meanings(before.label_))))


def finding_of(label: str) -> str:
    return label.split("|")[0].split("=")[0]


def denied_across(ent: Any) -> bool:
    """A denial sharing a word with the phrase it denies ("never had" + "had a fit"), which
    ConText leaves out because the two overlap."""
    return any(modifier.category == "NEGATED_EXISTENCE" and modifier.direction == "FORWARD"
               and modifier.modifier_span[0] < ent.start < modifier.modifier_span[1]
               for modifier in ent.doc._.context_graph.modifiers)


CANNOT_FEEL = (r"\b(?:can'?t|cannot|can not|could ?n'?t|couldnt)\s+(?:feel|notice|see|detect)"
               r"\s+(?:any|much)\s+")
FELT_NONE = re.compile(CANNOT_FEEL + r"(?:real |obvious |actual |new )?$")
FOLLOWED_BY_ANY = re.compile(r"\s+(?:any|much)\s+(?:real |obvious |actual |new )?(\w+)")
FEELING_WORDS = {"sensation", "feeling", "touch", "anything", "something", "pain", "heat", "cold"}


def felt_none(ent: Any) -> bool:
    """"I can't feel any weakness", "can't notice any twitching": a denial of what follows,
    which ConText leaves alone because "can't feel" is a phrase of numbness."""
    before = lower_of(ent.doc)[max(0, ent.start_char - 60):ent.start_char]
    return FELT_NONE.search(before) is not None


def feels_none_of_what_follows(ent: Any) -> bool:
    """The numbness phrase "can't feel" that only opens a denial of another symptom ("I can't
    feel any weakness"); "can't feel any sensation in my toes" stays numbness."""
    words = ent.text.lower()
    if not re.fullmatch(r"(?:can'?t|cannot|can not|could ?n'?t|couldnt) feel", words):
        return False
    following = FOLLOWED_BY_ANY.match(text_of(ent.doc), ent.end_char)
    if following is None or following.group(1).lower() in FEELING_WORDS:
        return False
    return any(m.start_char == following.start(1) and
               not any(label.endswith("|topic") for label in meanings(m.label_))
               for m in matches(ent.doc))


BARE_NO = re.compile(r"(?:\s*[:?\-–—(]\s*|\s+)(?:no|nope|nah|nil|negative|none|n/a|not really)"
                     r"\s*(?:$|[.,;!?\n)]|[-–—]\s)")
YES_AFTER = re.compile(r"\s+(?:yes|yep|yeah|y)\s*(?:$|[.,;!?\n])")


def answered_no(ent: Any) -> bool:
    """A bare "no" straight after the item, closing it, as in a list of answers: "weakness no,
    numbness no", "fever no", "pain: no", "tiredness - not really", "tingling (no - it was my
    hand going to sleep)"."""
    return BARE_NO.match(lower_of(ent.doc), ent.end_char) is not None


def answered_yes(ent: Any) -> bool:
    """A bare "yes" straight after the item: "weakness yes, numbness no" reports weakness,
    whatever "no" came before it in the list."""
    return YES_AFTER.match(lower_of(ent.doc), ent.end_char) is not None

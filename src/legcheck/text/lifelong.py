"""A sign the person has always had ("my smile is lopsided in photos, always has been", "my speech
has been slurred since I was a kid") is part of their past, not a new stroke sign: a lifelong
lopsided face or lisp is what they look and sound like. Only the signs of a sudden new stroke
are read this way, and only when nothing in the same clause says it is new or has changed."""

from __future__ import annotations

import re
from typing import Any

# The signs whose worth lies in being new; a lifelong weakness or limp still counts.
SUDDEN_SIGNS = {"face_drooping", "slurred_speech", "one_sided_weakness"}

LIFELONG = re.compile(
    r"\b(?:always (?:has|have|had) been|(?:has|have|had|'s|'ve) always been|always been|"
    r"(?:it|it's|its|that's|thats) always|"
    r"since (?:i was|i were|he was|she was) (?:a (?:kid|child|baby|toddler|boy|girl|teenager)|"
    r"little|small|young|born|tiny)|since (?:birth|childhood|infancy|forever)|"
    r"(?:all|for all) (?:of )?(?:my|his|her) life|(?:my|his|her) (?:whole|entire) life|"
    r"from birth|born (?:with it|with a|that way|like (?:it|this|that))|"
    r"(?:as long as|for as long as) i (?:can )?remember)\b")
NEW_NOW = re.compile(
    r"\b(?:but|now|until|till|today|tonight|yesterday|this (?:morning|afternoon|evening|week)|"
    r"suddenly|sudden|worse|new|newly|since (?:this|last|yesterday|[0-9])|an? (?:hour|day)s? ago|"
    r"hours? ago|minutes? ago|just started|started|changed|different)\b")


def lifelong(ent: Any, label: str) -> bool:
    """The sign is said, in the same sentence and clause, to have been there all the person's
    life, and nothing in that sentence says it is new or has changed ("but worse since this
    morning"); "my face is drooping and my legs have always been twitchy" is a new sign."""
    if label not in SUDDEN_SIGNS:
        return False
    sentence = ent.sent
    text = sentence.text.lower()
    if NEW_NOW.search(text):
        return False
    start, end = ent.start_char - sentence.start_char, ent.end_char - sentence.start_char
    others = [(m.start_char - sentence.start_char, m.end_char - sentence.start_char)
              for m in sentence.doc.spans.get("legcheck_phrases", []) if m.sent == sentence
              and (m.start, m.end) != (ent.start, ent.end)]
    for found in LIFELONG.finditer(text):
        left, right = sorted((end, found.start())) if found.start() >= end \
            else sorted((found.end(), start))
        if CLAUSE_BREAK.search(text[left:right]) is None and not any(
                left <= other_start < right for other_start, _ in others):
            return True
    return False


CLAUSE_BREAK = re.compile(r"\band\b|\bbut\b|;|\bwhile\b|\bwhereas\b")

"""When the movements come, beyond the phrase list.

- Falling asleep said with a verb of going off to sleep after "as", "when" or "just as", in any
  person and tense: "as I'm going under", "when I try to sleep", "just as he drops off", "when
  I'm trying to get to sleep", "drifting into sleep". Not "before I drop off" (the evening, by the
  rules).
- A rest that is part of falling asleep ("dozing off on the sofa") is the moment of falling
  asleep, not a rest that brings the movements on.
- A rest that says the time of day only when it is by day: sitting in a chair is at rest, but
  lying down (unless said to be by day), or a rest in bed or at night, does not say whether it is
  the evening, falling asleep or in sleep ("when I lie down", "lying in bed"), so it gives no
  time.
"""

from __future__ import annotations

import re
from typing import Any

_WHO = r"(?:i|i'm|im|i am|he|he's|hes|she|she's|shes|they|they're|you|you're|we|we're)"
_GO = (r"(?:go|goes|going|went|get|gets|getting|got|drift|drifts|drifting|drifted|doze|dozes|"
       r"dozing|dozed|nod|nods|nodding|nodded|drop|drops|dropping|dropped|fall|falls|falling|fell|"
       r"slip|slips|slipping|sink|sinking|settle|settling)")
FALLING_ASLEEP = re.compile(
    rf"\b(?:as|when|while|whilst|whenever|once|just as|right as|as soon as)\s+(?:{_WHO}\s+)?"
    rf"(?:(?:try|tries|trying|tried|about|start|starting|begin|beginning) to\s+)?{_GO}\s+"
    r"(?:off\s+)?(?:(?:to|into)\s+sleep|asleep|under|off)\b"
    rf"|\b(?:as|when|while|whenever|just as)\s+(?:{_WHO}\s+)?(?:try|tries|trying|tried) to "
    r"(?:get some\s+)?sleep\b"
    r"|\bfalling[- ]asleep\b")
_LYING = re.compile(r"\b(?:lie|lies|lying|lay|laying|laid)\b")
_BY_DAY = re.compile(r"\b(?:day|days|daytime|afternoons?|lunch|lunchtime|mornings?)\b")
_NIGHT = re.compile(r"\b(?:bed|beds|bedtime|night|nights|nighttime|sleep|asleep|duvet|covers)\b")


def falling_asleep_in(sent: Any) -> str | None:
    """The words that say falling asleep in a sentence, if any."""
    said = FALLING_ASLEEP.search(sent.text.lower())
    return said.group(0) if said else None


def rest_by_day(ent: Any) -> bool:
    """A rest phrase that says the movements come at rest by day (sitting, on the sofa), not a
    lying down or a rest in bed or at night, which says no time."""
    words = ent.text.lower()
    sentence = ent.sent.text.lower()
    if _NIGHT.search(sentence):
        return False
    return not _LYING.search(words) or _BY_DAY.search(sentence) is not None

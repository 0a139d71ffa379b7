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
# woken by it: "wakes her from sleep", "wakes most nights with cramp", "a 4am wake-up"
WOKEN = re.compile(r"\b(?:wakes?|woke|woken|waking|wake-up|wake up)\s+(?:me|him|her|them|us)?\s*"
                   r"(?:up\s+)?(?:from|out of)\s+(?:my|his|her|their|a deep)?\s*sleep\b"
                   r"|\b(?:wakes?|woke|waking)\s+(?:up\s+)?(?:most|every|some|many|several)\s+"
                   r"nights?\b|\b\d{1,2}(?::\d\d)?\s*am\s+wake[- ]?ups?\b"
                   # "they wake me around 3am", "woke at 3am screaming", "in my sleep",
                   # "once he's asleep", "while I was fast asleep"
                   r"|(?<!barely )(?<!hardly )(?<!can't )(?<!cannot )(?<!couldn't )(?<!can )"
                   r"(?<!could )(?<!to )\b(?:wakes?|woke|woken)\s+(?:me|him|her|them|us)\b"
                   r"(?:\s+up)?"
                   r"(?!\s+(?:in the morning|early|for work|at (?:[5-9]|1[0-2])\b))"
                   r"|\b(?:woke|wake|wakes|waking|woken)(?: up)?(?: at| around| about)+ "
                   r"(?:[1-5](?::\d\d)?\s*(?:am|a\.m\.)?|midnight)\b"
                   r"|\bin (?:my |his |her |their |your )?sleep\b"
                   r"|\b(?:once|while|whilst|when) (?:i'?m|he'?s|she'?s|they'?re|i am|he is|she is|"
                   r"i was|he was|she was)\s+(?:properly |fast |sound )?(?:asleep|sleeping)\b")
# during or after exercise: "during matches and afterwards", "after pilates", "after I exercise"
_SPORT = (r"(?:exercis\w*|pilates|yoga|matches|match|games?|training|workouts?|work out|runs?|"
          r"running|jogs?|jogging|swims?|swimming|cycling|bike rides?|hikes?|hiking|gym|football|"
          r"rugby|tennis|netball|squash|spin|zumba|dancing|dance classes?|climbing|sport|sports|"
          r"sprints?|sprinting|lifting weights|weights|walk|walks|walking|long walks?|"
          r"five-a-side|5-a-side|golf|basketball|hockey|cricket|badminton|boxing|crossfit|"
          r"rowing|skiing|surfing|races?|spin class(?:es)?)"
          r"(?![\w ]{0,15}\b(?:it|they|that|which)\s+(?:goes|go|stops?|eases?|helps?|settles?)\b)")
EXERCISE = re.compile(rf"\b(?:after|during|while|whilst|when|whenever|mid|straight after)\s+"
                      rf"(?:i\s+|i'm\s+|im\s+|he\s+|she\s+|he's\s+|she's\s+|my\s+|his\s+|"
                      rf"her\s+|a\s+|the\s+)?(?:play\s+|plays\s+|playing\s+|do\s+|does\s+|"
                      rf"doing\s+|go\s+|goes\s+|going\s+|long\s+|hard\s+|first\s+|last\s+|"
                      rf"big\s+)*{_SPORT}\b")
# a time that is what moving relieves, not when it comes: "better when walking"
RELIEVED_BEFORE = re.compile(r"\b(?:better|eases?|eased|helps?|goes|stops?|relief|relieved|"
                             r"settles?|improves?)\s*$")
# coming on at rest, said with the moment: "the moment I sit down", "as soon as she lies down",
# "every time I settle on the sofa"
AT_REST = re.compile(rf"\b(?:when|whenever|once|as soon as|the moment|the minute|the second|"
                     rf"every time|each time|if)\s+(?:{_WHO}\s+)?"
                     r"(?:finally\s+|just\s+|eventually\s+|first\s+)?(?:sit|sits|sat|lie|lies|lay|settle|settles|relax|relaxes|relaxing|"
                     r"rest|rests|resting|sitting|stop moving|keep still|am still|'m still)\b"
                     r"(?!\s+(?:up|out|and (?:stretch|walk|move)))")
# "put my mind at rest": not a rest of the body
MIND_AT_REST = re.compile(r"\bmind\s*$")
_LYING = re.compile(r"\b(?:lie|lies|lying|lay|laying|laid)\b")
_BY_DAY = re.compile(r"\b(?:day|days|daytime|afternoons?|lunch|lunchtime|mornings?)\b")
_NIGHT = re.compile(r"\b(?:bed|beds|bedtime|night|nights|nighttime|sleep|asleep|duvet|covers)\b")


def woken_in(sent: Any) -> str | None:
    """The words that say the movements wake the person, if any."""
    said = WOKEN.search(sent.text.lower())
    return said.group(0) if said else None


def exercise_in(sent: Any) -> str | None:
    """The words that say the movements come during or after exercise, if any."""
    said = EXERCISE.search(sent.text.lower())
    if said is None or RELIEVED_BEFORE.search(sent.text.lower()[:said.start()]):
        return None
    return said.group(0)


def relief_not_time(ent: Any) -> bool:
    """A time phrase that says what moving relieves ("better when walking")."""
    return RELIEVED_BEFORE.search(ent.doc[max(ent.sent.start, ent.start - 2):ent.start]
                                  .text.lower()) is not None


def rest_in(sent: Any, moving: list[Any]) -> str | None:
    """The words that say the movements come on at rest, if any, in the clause of one of the
    movement phrases `moving` ("the moment I sit down my legs get restless"; not "my feet
    tingle when I sit cross-legged, and my calves twitch")."""
    text = sent.text.lower()
    said = AT_REST.search(text)
    if said is None:
        return None
    start = max(text.rfind(mark, 0, said.start()) for mark in ",;:") + 1
    ends = [i for i in (text.find(mark, said.end()) for mark in ",;:") if i >= 0]
    end = min(ends, default=len(text))
    inside = any(start <= m.start_char - sent.start_char and m.end_char - sent.start_char <= end
                 for m in moving)
    return said.group(0) if inside else None


def mind_at_rest(ent: Any) -> bool:
    """"at rest" said of the mind ("to put my mind at rest")."""
    return MIND_AT_REST.search(ent.doc[max(ent.sent.start, ent.start - 2):ent.start]
                               .text.lower()) is not None


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

"""Questions someone else asked, and denials that point back at them.

- Symptoms named in a question put to the person are not reported by naming them: "the doctor
  asked about weakness and numbness", "the website says to look out for muscle loss", "any of
  these: fever, confusion?". Only a movement keeps its reading there ("asked whether the
  twitching was in one spot": the person has the twitching).
- A denial that points back at such a list denies every symptom on it: "- I said no to the
  lot", "I don't have either of those", "none of that applies to me", "no, no and no", "none of
  the above". The list is the one in the denial's own sentence, or else the question or list in
  the sentence or two just before it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from legcheck.knowledge import KnowledgeBase
from legcheck.text.denials import inside_another
from legcheck.text.pipeline import lower_of, matches, meanings
from legcheck.text.where import saddle_only

# the words that point back, each ending its clause
_POINTING = (
    r"none of (?:those|these|that|them|the above|this|it|the (?:things|symptoms) (?:listed|"
    r"above|mentioned))(?: things| symptoms| stuff)?"
    r"|not any of (?:those|these|them|that)"
    r"|(?:don'?t|do not|haven'?t|have not|never|didn'?t|did not) (?:have |had |got |get |"
    r"notice |noticed |experience |experienced )?(?:either|any) (?:of )?(?:those|them|these|"
    r"that|it)(?: things| symptoms)?"
    r"|(?:said |answered |it'?s (?:a )?)?(?:no|nope|nah) to (?:the lot|all (?:of )?(?:them|those|"
    r"it|that|three|four|five)|all|both|everything|every one|each(?: one)?|them all|all of the "
    r"above)"
    r"|no,? no,? (?:and )?no"
    r"|(?<![\w'])(?:neither|nope,? neither)(?: of (?:those|them|these|the two))?"
    r"|zero of (?:those|them|these)")
_TAIL = (r"(?:\s+(?:things|symptoms|stuff))?(?:\s+(?:are|is)\s+(?:actually\s+|really\s+)?"
         r"(?:happening|going on|there|present|true))?(?:\s+(?:applies|apply)(?:\s+to me)?)?"
         r"(?:,?\s+(?:at all|whatsoever|really|thankfully|thank god|thank goodness|to be fair|"
         r"for me|to me|in me|with me|so far|here|i'?m afraid|luckily|either))*")
POINTING_BACK = re.compile(rf"\b(?:{_POINTING}){_TAIL}\s*(?=$|[.,;:!?)\n'\"]|\s+(?:and|but|"
                           rf"just|only|so|though|except|apart from|bar|other than|besides)\b"
                           rf"|\s+[-–—])")
# "neither" opens a clause only after a mark or at the start: not "neither do I"
_NEITHER_OPENS = re.compile(r"(?:^|[-–—:,;?!.(]\s*|\bi said\s+|\banswer(?:ed)?\s+)$")

# a question someone put, or a list of things to look out for
FRAME = re.compile(
    r"\b(?:asked|asks|ask|asking|questions?|questionnaire|quiz|checklist|website|web ?page|"
    r"page|site|leaflet|lists?|went through|nhs|googled?|healthline|webmd|article|"
    r"warning signs?|red flags?|"
    r"check(?:ed|ing)? (?:for|whether|if|me for)|get checked|look(?:ing)? out for|"
    r"watch(?:ing)? (?:out )?for|signs? (?:of|like|such as)|such as|things like|"
    r"symptoms? (?:like|such as)|any of these|advice)\b")
# a question put to the person, before the symptom it names (not "I asked my GP about my ...")
ASKED = re.compile(
    r"\b(?:(?:(?<!\bi )(?<!\bi've )asked|asks|asking)(?:\s+(?:me|us|him|her|them))?\s+(?:if|"
    r"whether|about|for|after)|look(?:ing)? out for|watch(?:ing)? (?:out )?for|any of these|"
    r"warning signs?|red flags?|"
    r"(?:website|page|site|nhs|article|leaflet|google|healthline|webmd) (?:says?|said|lists?|"
    r"listed|mentions?|mentioned))\b")
_ANSWERED_YES = re.compile(r"\b(?:yes|yeah|yep|i do|i have|i did)\b")
_OWN = re.compile(r"\bmy\s+$")

OWN_MOVEMENTS_GROUPS = {"movement", "course", "extent"}  # the person's own complaint
LOOK_BACK = 2  # sentences


def asked_about(ent: Any) -> bool:
    """The symptom is only named in a question someone put to the person ("she asked if I'd
    had any numbness"), not answered yes in the same sentence."""
    sentence = lower_of(ent.doc)[ent.sent.start_char:ent.sent.end_char]
    at = ent.start_char - ent.sent.start_char
    if not ASKED.search(sentence[:at]) or _OWN.search(sentence[:at]):
        return False
    return not _ANSWERED_YES.search(sentence[at + len(ent.text):])


def denied_by_pointing_back(kb: KnowledgeBase, doc: Any) -> Mapping[tuple[int, int], str]:
    """The matches a denial points back at: (start, end) -> the words of the denial."""
    text = lower_of(doc)
    denied: dict[tuple[int, int], str] = {}
    sentences = list(doc.sents)
    for found in POINTING_BACK.finditer(text):
        if re.match(r"(?:nope,?\s+)?neither", found.group(0)) and not _NEITHER_OPENS.search(
                text[max(0, found.start() - 12):found.start()]):
            continue
        index = next((i for i, s in enumerate(sentences)
                      if s.start_char <= found.start() < s.end_char), None)
        if index is None:
            continue
        for ent in _pointed_at(kb, text, sentences, index, found.start()):
            denied[(ent.start, ent.end)] = found.group(0).strip()
    return denied


def denied_findings(kb: KnowledgeBase, ent: Any) -> list[tuple[str, Any]]:
    """What a match a denial points back at says: each yes/no symptom it names, denied. Not the
    movements or their course, and not a general finding carried inside a more specific one
    ("sudden weakness down one side" denies one-sided weakness, not any weakness)."""
    if inside_another(ent):
        return []
    said = []
    for label in meanings(ent.label_):
        finding_id = label.removesuffix("|topic").removesuffix("|denied")
        if "|" in finding_id or "=" in finding_id or finding_id not in kb.findings:
            continue
        finding = kb.findings[finding_id]
        if finding_id == "numbness_tingling" and saddle_only(ent):
            finding_id = "saddle_numbness"  # "numbness around your bum - neither"
            finding = kb.findings[finding_id]
        if finding.type == "boolean" and finding.group not in OWN_MOVEMENTS_GROUPS \
                and finding_id != "worse_in_evening":
            said.append((finding_id, False))
    return said


def _pointed_at(kb: KnowledgeBase, text: str, sentences: list[Any], index: int,
                at: int) -> list[Any]:
    sentence = sentences[index]
    found = matches(sentence.doc)
    before = [m for m in found if sentence.start_char <= m.start_char and m.end_char <= at
              and _named(kb, m)]
    if before:
        return _after_cue(before, _last_frame(text, sentence.start_char, at))
    named: list[Any] = []
    for back in range(index - 1, max(-1, index - 1 - LOOK_BACK), -1):
        earlier = sentences[back]
        words = text[earlier.start_char:earlier.end_char]
        if not (FRAME.search(words) or words.rstrip(" '\"\n").endswith("?")):
            break
        listed = [m for m in found if earlier.start_char <= m.start_char < earlier.end_char
                  and _named(kb, m)]
        named = _after_cue(listed, _last_frame(text, earlier.start_char, earlier.end_char)) \
            + named
    return named


def _after_cue(listed: list[Any], cue: int | None) -> list[Any]:
    """The symptoms after the question or list's opening words ("asked about ..."), or all of
    them when the opening words come last ("weakness and wasting, the page said")."""
    after = [m for m in listed if cue is not None and m.start_char >= cue]
    return after or listed


def _last_frame(text: str, start: int, end: int) -> int | None:
    cues = list(FRAME.finditer(text, start, end))
    return cues[-1].start() if cues else None


def _named(kb: KnowledgeBase, ent: Any) -> bool:
    return bool(denied_findings(kb, ent))

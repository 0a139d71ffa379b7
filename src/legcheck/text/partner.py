"""A bed partner who reports stillness: "my partner says my legs are totally still all night",
"my wife swears I sleep like a log", "I don't move at all, according to my husband", "my partner
hasn't noticed anything at night". That denies
partner_sees_kicks, and outweighs a phrase that only frames the report ("partner says my legs").
Not "my legs are still jerking" (still as "yet"), nor stillness said without the partner."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from legcheck.text.numbers import Quantity

_PARTNER = (r"(?:husband|wife|partner|boyfriend|girlfriend|spouse|fianc[eé]e?|hubby|wifey|"
            r"other half|bf|gf)")
_SAYS = (r"(?:says|said|tells me|told me|reckons|swears|insists|has noticed|notices|noticed)"
         r"(?: that)?")
_STILL = (r"(?:(?:i|i'm|im|i am|my legs?|my body|they|they're)\s+(?:are |is |am |was |were |"
          r"stay |stays |lie |lay |sleep |sleeps |keep )?(?:totally |completely |perfectly |dead |"
          r"absolutely |very |pretty |quite |just )?still\b"
          r"(?!\s+(?:\w+ing|kick|kicks|jerk|jerks|twitch|twitches|move|moves|go|goes|do|does|get|"
          r"gets|have|has|had|feel|feels|keep|keeps|happen|happens)\b)"
          r"|(?:i|my legs?|they)\s+(?:don'?t|do not|doesn'?t|does not|never)\s+(?:move|kick|jerk|"
          r"twitch|thrash)(?!\s+(?:much|as much|less|more)\b)"
          r"|(?:i )?sleep like a (?:log|baby)|(?:i )?(?:don'?t|never) move a muscle"
          r"|no (?:kicking|kicks|jerks|jerking|movements?|twitching)\b)")
# "my partner hasn't noticed anything at night", "my wife has never seen me kick"
_NOTHING_SEEN = (r"(?:hasn'?t|has not|never|doesn'?t|does not|didn'?t)\s+(?:ever\s+)?"
                 r"(?:noticed|seen|felt|mentioned|complained about)\s+"
                 r"(?:anything(?! else)|me (?:kick|jerk|move|twitch)\w*|"
                 r"any (?:kicking|kicks|jerks|jerking|movements?|twitching))")
_FINE_ASLEEP = (r"(?:i'?m|i am|i'?m totally|i'?m completely) (?:fine|ok|okay|normal|still|calm) "
                r"(?:once|when|while|after) (?:i'?m |i am |i )?(?:asleep|sleeping|i fall asleep|"
                r"i'?m out|out)")
_STILLNESS_SEEN = [
    re.compile(rf"\b(?:my |the )?{_PARTNER}\b[^.;!?\n]{{0,40}}?\b{_SAYS}\s+(?:{_STILL}|"
               rf"{_FINE_ASLEEP})"),
    re.compile(rf"\b(?:my |the )?{_PARTNER}\s+{_NOTHING_SEEN}"),
    re.compile(rf"\b{_STILL}[^.;!?\n]{{0,20}}?(?:,\s*)?(?:according to|says|said|reckons) "
               rf"(?:my |the )?{_PARTNER}|\b{_STILL}[^.;!?\n]{{0,20}}?,\s*(?:my |the )?"
               rf"{_PARTNER} (?:says|said|reckons|tells me)"),
]


# the report said first and the partner after, by pronoun, once a partner is named: "(it)
# doesn't happen again later in the night, he says", "my legs don't jerk in my sleep, she says"
_NOT_AGAIN = r"(?:it )?(?:doesn'?t|does not|never|didn'?t)\s+happen(?:s)?(?:\s+again)?"
_SAID_BY_PRONOUN = re.compile(rf"\b(?:{_STILL}|{_NOT_AGAIN})[^.;!?\n]{{0,40}}?,\s*(?:he|she) "
                              r"(?:says|said|reckons|tells me|swears)\b")
_NAMED = re.compile(rf"\b{_PARTNER}\b")
_AT_NIGHT = re.compile(r"\b(?:night|nights|sleep|asleep|bed)\b")


# a bed partner who reports the kicks in other words than the phrase list: "bed partner has
# noticed my legs kicking every night", "my girlfriend has filmed my legs jerking"; not a partner
# who only thinks so ("says he thinks I might twitch"), nor one who has seen nothing
_SEEN = (r"(?:has |have |had )?(?:noticed|notices|says|said|tells me|told me|complains?|counted|"
         r"complained|filmed|sees|seen|saw|felt|feels|reckons|swears|mentioned|woken by)")
_KICKING = r"\b(?:kick|jerk|twitch|thrash|flail|flings?|jump)\w*"
_DOUBT = re.compile(r"\b(?:thinks?|might|maybe|not sure|unsure|perhaps|wonder\w*|if)\b|n't\b|"
                    r"\b(?:not|no|never|nothing|still)\b")
# "himself says ...": the Irish way of naming a husband
_HIMSELF = r"(?:himself|herself)(?= (?:says|said|reckons|tells me)\b)"
_KICKS_SEEN = re.compile(rf"\b(?:bed )?(?:{_PARTNER}|{_HIMSELF})\b(?P<between>[^.;!?\n]{{0,40}}?)"
                         rf"\b{_SEEN}\b(?P<after>[^.;!?\n]{{0,30}}?){_KICKING}"
                         # "according to my wife I kick her half the night"
                         rf"|\baccording to (?:my |the )?{_PARTNER}\b(?P<between2>)"
                         rf"(?P<after2>[^.;!?\n]{{0,30}}?){_KICKING}")


def read_partner_stillness(text: str, today: date) -> Iterator[Quantity]:
    """partner_sees_kicks: False when the bed partner reports stillness, True when they report
    kicks in words the phrase list does not hold (text in lower case)."""
    for pattern in _STILLNESS_SEEN:
        seen = pattern.search(text)
        if seen:
            yield Quantity("partner_sees_kicks", False, seen.group(0), overrides=True)
            return
    seen = _SAID_BY_PRONOUN.search(text) if _NAMED.search(text) else None
    if seen and _AT_NIGHT.search(seen.group(0)):  # a kick the partner did see still stands
        yield Quantity("partner_sees_kicks", False, seen.group(0))
        return
    for seen in _KICKS_SEEN.finditer(text):
        said = [seen.group(g) or "" for g in ("between", "after", "between2", "after2")]
        if not _DOUBT.search(" ".join(said)):
            yield Quantity("partner_sees_kicks", True, seen.group(0))
            return

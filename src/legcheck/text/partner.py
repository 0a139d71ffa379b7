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
                 r"(?:anything|me (?:kick|jerk|move|twitch)\w*|"
                 r"any (?:kicking|kicks|jerks|jerking|movements?|twitching))")
_STILLNESS_SEEN = [
    re.compile(rf"\b(?:my |the )?{_PARTNER}\b[^.;!?\n]{{0,40}}?\b{_SAYS}\s+{_STILL}"),
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


def read_partner_stillness(text: str, today: date) -> Iterator[Quantity]:
    """partner_sees_kicks: False when the bed partner reports stillness (text in lower case)."""
    for pattern in _STILLNESS_SEEN:
        seen = pattern.search(text)
        if seen:
            yield Quantity("partner_sees_kicks", False, seen.group(0), overrides=True)
            return
    seen = _SAID_BY_PRONOUN.search(text) if _NAMED.search(text) else None
    if seen and _AT_NIGHT.search(seen.group(0)):  # a kick the partner did see still stands
        yield Quantity("partner_sees_kicks", False, seen.group(0))

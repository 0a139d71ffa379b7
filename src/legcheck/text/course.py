"""How the movements go over time, said as a comparison with the past: "worse than last month",
"it's worse than it was a fortnight ago", "more often than before" say they are getting worse;
"isn't worse than in August" denies it, and "better than they were", "a bit better now" say
they are not getting worse. And when in the day, said the short way: "worse evenings", "worse at
nights" compare the evening with the day (worse_in_evening); "not at night especially" denies it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from legcheck.text.numbers import Quantity

_WORSE = r"(?:worse|more frequent|more often|more intense|stronger|more regular|more constant)"
_THAN_THEN = (r"than\s+(?:(?:i|it|they|he|she|things)\s+used to(?:\s+be)?\b|"
              r"(?:it|they|things)?\s*(?:was|were|used to be|had been)?\s*"
              r"(?:before|at first|at the start|when it (?:started|began)|earlier|ever|"
              r"last (?:week|month|year|time|summer|winter|spring|autumn)|"
              r"(?:a|one|two|three|four|five|six|a few|a couple of|some) (?:days?|weeks?|months?|"
              r"fortnights?|years?) ago|a fortnight ago|in (?:january|february|march|april|may|"
              r"june|july|august|september|october|november|december|the summer|the spring)))")
_DENIED = re.compile(r"(?:n't|\bnot|\bno|\bnever|\bhardly|\bbarely)\s+(?:\w+\s+)?$")
_THEN_WORSE = re.compile(rf"\b{_WORSE}\s+{_THAN_THEN}")
_THEN_BETTER = re.compile(rf"\b(?:better|less frequent|less often|milder|calmer|fewer)\s+"
                          rf"{_THAN_THEN}|\b(?:a bit|a little|slightly|much|somewhat|loads) "
                          r"better now\b")
_EVENING_WORSE = re.compile(r"\bworse\s+(?:in\s+)?(?:the\s+)?(?:evenings?|nights?|at nights?|"
                            r"bedtimes?)\b")
_NOT_EVENING = re.compile(r"\bnot\s+(?:worse\s+)?(?:at night|in the evenings?)\s+(?:especially|"
                          r"particularly|more|in particular)\b|\bnot\s+(?:especially|particularly)"
                          r"\s+(?:worse\s+)?(?:at night|in the evenings?)\b")


def read_course(text: str, today: date) -> Iterator[Quantity]:
    """getting_worse from a comparison with the past; worse_in_evening said the short way (text
    in lower case)."""
    for said in _THEN_WORSE.finditer(text):
        denied = _DENIED.search(text[max(0, said.start() - 25):said.start()]) is not None
        yield Quantity("getting_worse", not denied, said.group(0))
        break
    else:
        better = _THEN_BETTER.search(text)
        if better and not _DENIED.search(text[max(0, better.start() - 25):better.start()]):
            yield Quantity("getting_worse", False, better.group(0))
    not_evening = _NOT_EVENING.search(text)
    if not_evening:
        yield Quantity("worse_in_evening", False, not_evening.group(0), overrides=True)
        return
    evening = _EVENING_WORSE.search(text)
    if evening and not _DENIED.search(text[max(0, evening.start() - 25):evening.start()]):
        yield Quantity("worse_in_evening", True, evening.group(0))

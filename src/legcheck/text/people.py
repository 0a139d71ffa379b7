"""Age and sex, of the person writing or of the relative they write about."""

from __future__ import annotations

import re
from collections.abc import Iterator

from legcheck.text.numbers import Quantity

# ---- age and sex -------------------------------------------------------------------------------
OTHERS_MALE = (r"husband|dad|daddy|father|son|brother|grandad|granddad|grandfather|grandpa|"
               r"grandson|nephew|stepdad|boyfriend|uncle")
OTHERS_FEMALE = (r"wife|mum|mummy|mom|mother|daughter|sister|grandma|grandmother|granny|nan|"
                 r"nana|nanna|granddaughter|niece|stepmum|girlfriend|aunt")
_AGE = re.compile(r"\b(?:i'?m|i am|aged?|he'?s|she'?s|he is|she is|turned)\s+(?P<n>\d{1,3})\b"
                  r"(?!\s*(?:cups?|coffees?|days?|weeks?|months?|hours?|times|%|kg|lbs?|"
                  r"pints?|units?|nights?|/|out))"
                  r"|\b(?P<m>\d{1,3})\s*-?\s*(?:years?|yrs?)\s*-?\s*old\b"
                  r"|\b(?P<y>\d{1,3})\s*(?:yo|y/o|y\.o\.)(?![a-z])"
                  r"|\b(?P<c>\d{2}),\s*(?:male|female|man|woman|m|f)\b"
                  r"|(?:^|[.!?]\s+)(?P<e>\d{2})\s*[.!]?\s*$"
                  r"|\b(?P<s>\d{2})\s*\(?(?P<sx>m|f)\)?(?![a-z])"
                  r"|\bmy (?P<b>\d{2})(?:st|nd|rd|th) birthday\b"
                  r"|\b(?P<g>\d{1,3}) years? of age\b"
                  r"|\b(?:i'?m|i am) (?:a|an) [a-z ]{1,20}?, (?P<h>\d{2})\b"
                  r"(?! ?(?:%|kg|lbs?|cups?))")
_SEX = re.compile(r"\b(?:i'?m|i am) (?:a |an )?(?:\d{1,3}[- ]?(?:year[- ]old|yo|y/o)? ?)?"
                  r"(?:and )?(?P<sex>woman|female|lady|girl|man|male|guy|bloke|boy)\b"
                  r"|\bas a (?P<as>woman|man)\b"
                  r"|\b\d{2},? (?P<n>male|female|man|woman)\b"
                  r"|(?:y/o|yo|year old|years old) (?P<o>guy|man|woman|lady|bloke|girl|boy|male|"
                  r"female)\b|\b(?P<parent>mum|mom|mother|dad|father) of (?:two|three|one|\d)\b"
                  r"|(?P<other>rather not say|prefer not to say|non-?binary|enby)")


def read_age_and_sex(text: str) -> Iterator[Quantity]:
    match = _AGE.search(text)
    if match:
        raw = next(match.group(g) for g in ("n", "m", "y", "c", "e", "s", "b", "g", "h")
                   if match.group(g))
        if 5 <= int(raw) <= 110:
            yield Quantity("age", int(raw), match.group(0).strip())
        if match.group("sx"):
            yield Quantity("sex", "female" if match.group("sx") == "f" else "male",
                           match.group(0).strip())
            return
    sex = _SEX.search(text)
    if sex:
        if sex.group("other"):
            yield Quantity("sex", "other", sex.group(0))
            return
        word = next(sex.group(g) for g in ("sex", "as", "n", "o", "parent") if sex.group(g))
        female = word in ("woman", "female", "lady", "girl", "mum", "mom", "mother")
        yield Quantity("sex", "female" if female else "male", sex.group(0))

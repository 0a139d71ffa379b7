"""Age and sex, of the person writing or of the relative they write about."""

from __future__ import annotations

import re
from collections.abc import Iterator

from legcheck.text.numbers import Quantity

# ---- age and sex -------------------------------------------------------------------------------
OTHERS_MALE = (r"husband|hubby|dad|daddy|father|son|brother|grandad|granddad|grandfather|"
               r"grandpa|grandson|nephew|stepdad|boyfriend|uncle|boy|lad")
OTHERS_FEMALE = (r"wife|mum|mummy|mom|mother|daughter|sister|grandma|grandmother|granny|nan|"
                 r"nana|nanna|granddaughter|niece|stepmum|girlfriend|aunt|girl")
_MEN = r"man|male|guy|bloke|boy|chap|gentleman|gent|fella|fellow|dude|lad|widower"
_WOMEN = r"woman|female|lady|girl|gal|lass|widow"
_AGE = re.compile(r"\b(?:i'?m|i am|aged?|he'?s|she'?s|he is|she is|turned)\s+(?P<n>\d{1,3})\b"
                  r"(?!\s*(?:cups?|coffees?|days?|weeks?|months?|hours?|times|%|kg|lbs?|"
                  r"pints?|units?|nights?|/|out))"
                  r"|\b(?P<m>\d{1,3})\s*-?\s*(?:years?|yrs?)\s*-?\s*old\b"
                  r"|\b(?P<y>\d{1,3})\s*(?:yo|y/o|y\.o\.)(?![a-z])"
                  rf"|\b(?P<c>\d{{2}}),\s*(?:a |an )?(?:{_WOMEN}|{_MEN}|m|f)\b"
                  r"|(?:^|[.!?]\s+)(?P<e>\d{2})\s*[.!]?\s*$"
                  r"|\b(?P<s>\d{2})\s*,?\s*\(?(?P<sx>m|f)\)?(?![a-z'])"
                  # "M 28", "F, 33", "Female, 52", "sex M ... age 31" at a sentence's start
                  r"|(?:^|[.!?,;]\s*)(?P<rx>m|f|male|female),?\s+(?P<r>\d{2})\b(?!\s*(?:%|kg|mg))"
                  r"|\bhere,\s*(?P<here>\d{2})\b(?!\s*(?:%|kg|mg|cups?|pints?|times))"
                  r"|\b(?:i'?m|i am) (?:a |an )?(?:woman|man|lady|guy|male|female),? (?P<w>\d{2})\b"
                  # "(M, 24)", "(f 31)"
                  r"|\(\s*(?P<px>m|f|male|female)\s*,?\s*(?P<p>\d{2})\s*\)"
                  # "Footballer, 19.", "Retired, 76." opening a text or a sentence
                  r"|(?:^|[.!?\n]\s*)[a-z]+(?: [a-z]+)?,\s*(?P<job>\d{2})\s*"
                  r"(?:[.!;\n]|$|,(?= [a-z]))"
                  # "my mother have 68 years", "I am from Brazil, 33 years."
                  r"|\b(?:i|he|she|mother|father|mum|dad|wife|husband) (?:have|has) "
                  r"(?P<hv>\d{2}) years\b(?! ago| of| experience)"
                  r"|\b(?:i'?m|i am)\b[^.!?]{0,30},\s*(?P<cy>\d{2}) years\s*(?:[.!;\n]|$)"
                  # "a retired schoolteacher of seventy-four years", "a widow of 80"
                  r"|\bof (?P<ofy>\d{2,3}) years\b(?! ago| now| since| of (?!age))"
                  r"|\b(?:widow|widower|pensioner|retiree|gentleman|lady) of (?P<ofw>\d{2,3})\b"
                  r"|\bmy (?P<b>\d{2})(?:st|nd|rd|th) birthday\b"
                  r"|\b(?P<g>\d{1,3}) years? of age\b"
                  rf"|\b(?:{_WOMEN}|{_MEN}) of (?P<of>\d{{2,3}})(?: years)?\b"
                  r"|(?:^|[.!?,;\n]\s*)age\s*[:=-]?\s*(?P<form>\d{1,3})\b"
                  r"|\b(?:i'?m|i am) (?:a|an) [a-z ]{1,20}?, (?P<h>\d{2})\b"
                  r"(?! ?(?:%|kg|lbs?|cups?))")
_SEX = re.compile(r"\b(?:i'?m|i am) (?:a |an )?(?:\d{1,3}[- ]?(?:year[- ]old|yo|y/o|years?)?,? ?)?"
                  rf"(?:and )?(?:a |an )?(?P<sex>{_WOMEN}|{_MEN})\b"
                  r"|\bas a (?P<as>woman|man)\b"
                  rf"|\b\d{{2}},? (?:a |an )?(?P<n>{_WOMEN}|{_MEN})\b"
                  rf"|(?:y/o|yo|years?[- ]old) (?P<o>{_WOMEN}|{_MEN})\b"
                  rf"|\b(?P<of>{_WOMEN}|{_MEN}) of \d{{2,3}}\b"
                  # a parent speaking of themself: "new mum here", "Dad of twin newborns"
                  r"|(?:^|[.!?\n]\s*|\b(?:i'?m|i am|as) (?:a |an )?)"
                  r"(?:\d{2}[- ]?(?:year[- ]old|yo) )?(?:new |first[- ]time |"
                  r"single |busy |tired )?(?P<self>mum|mom|mam|mama|mummy|mommy|mother|dad|daddy|"
                  r"papa|father|gran|granny|grandma|nan|nana|grandad|grandpa)\b"
                  r"(?= here\b| of\b| to\b|\s*\()"
                  r"|\b(?P<mrs>mrs|ms|miss)\.? [a-z]\.?(?: [a-z]+)?\s*$"
                  r"|\b(?:sex|gender)\s*:?\s*(?P<form>m|f|male|female)\b"
                  r"|\b(?P<parent>mum|mom|mother|dad|father) of (?:two|three|one|\d)\b"
                  r"|\b\d{2}\s*,?\s*\(?(?P<letter>m|f)\)?(?![a-z'])"
                  r"|(?P<other>rather not say|prefer not to say|non-?binary|enby)")


def read_age_and_sex(text: str) -> Iterator[Quantity]:
    match = _AGE.search(text)
    if match:
        raw = next(match.group(g) for g in ("n", "m", "y", "c", "e", "s", "b", "g", "h", "r",
                                            "here", "w", "of", "p", "job", "ofy", "ofw",
                                            "form", "hv", "cy")
                   if match.group(g))
        if 5 <= int(raw) <= 110:
            yield Quantity("age", int(raw), match.group(0).strip())
        said = match.group("sx") or match.group("rx") or match.group("px")
        if said:
            yield Quantity("sex", "female" if said.startswith("f") else "male",
                           match.group(0).strip())
            return
    sex = _SEX.search(text)
    if sex:
        if sex.group("other"):
            yield Quantity("sex", "other", sex.group(0))
            return
        word = next(sex.group(g) for g in ("sex", "as", "n", "o", "parent", "form", "letter",
                                           "of", "self", "mrs")
                    if sex.group(g))
        female = re.fullmatch(rf"{_WOMEN}|f|mum|mom|mam|mama|mummy|mommy|mother|mrs|ms|miss|"
                              r"gran|granny|grandma|nan|nana",
                              word) is not None
        yield Quantity("sex", "female" if female else "male", sex.group(0))

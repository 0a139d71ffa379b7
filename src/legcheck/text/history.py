"""Two ways a text names a finding without reporting it now.

- A test for a condition is not the condition: "tested for diabetes" says nothing either way;
  "tested for diabetes, negative" and "diabetes test came back normal" deny it.
- A symptom that came and went long ago is the past: "I had some numbness last year but it went
  away", "numbness a few years back, fine now". Only everyday symptoms and the person's context
  are read this way; a movement, and a warning sign, stay as said (a stroke sign that came and went
  is still a warning)."""

from __future__ import annotations

import re
from typing import Any

from legcheck.text.pipeline import lower_of

TESTED_FOR = re.compile(r"\b(?:tested|checked|checking|screened|investigated|scanned|"
                        r"test(?:s|ed|ing)?|bloods?|scan|check(?:ed|ing)?|look(?:ed|ing)?|"
                        r"watch(?:ed|ing)?|examined|examining)"
                        r"(?: (?:me|him|her|them|my \w+|his \w+|her \w+|the \w+))?"
                        r" (?:for|out for)\s+(?:any\s+|signs? of\s+|my\s+)*$")
RESULT_CLEAR = re.compile(
    r"^[^.;!?\n]{0,40}?\b(?:negative|normal|clear|fine|ok|okay|nothing|came back fine|"
    r"ruled (?:it )?out|all good)\b")
TEST_OF = re.compile(r"^\s*(?:tests?|bloods?|blood tests?|screening|scan|check)\b")

RESOLVED = re.compile(r"\b(?:went away|gone away|has gone|have gone|had gone|resolved|cleared up|"
                      r"disappeared|settled down|fine now|better now|ok now|okay now|gone now|"
                      r"no longer|never came back|went back to normal)\b")
LONG_AGO = re.compile(r"(?<!since )(?<!from )\b(?:last (?:year|summer|winter|spring|autumn|fall)|"
                      r"(?:years?|months?) (?:ago|back)|a while (?:ago|back)|back in|"
                      r"in (?:19|20)\d\d|as a (?:child|kid|teenager)|when i was)\b")
BACK_AGAIN = re.compile(r"\b(?:came back|come back|comes back|coming back|returned|back again|"
                        r"again|still|now and then|on and off|keeps?|every)\b")
EVERYDAY_GROUPS = {"symptom", "person", "context"}


def tested_for(ent: Any) -> bool | None:
    """True when the finding is only named as something tested for; False when the test said
    it is not there; None when no test is named."""
    doc = ent.doc
    before = lower_of(doc)[max(0, ent.start_char - 40):ent.start_char]
    after = lower_of(doc)[ent.end_char:ent.sent.end_char]
    if TESTED_FOR.search(before):
        return not RESULT_CLEAR.search(after)
    if TEST_OF.match(after) and RESULT_CLEAR.search(after):
        return False
    return None


def resolved_long_ago(ent: Any, group: str) -> bool:
    """An everyday symptom said, in its sentence, to have been long ago and to have gone."""
    if group not in EVERYDAY_GROUPS:
        return False
    sentence = ent.sent.text.lower()
    after = lower_of(ent.doc)[ent.end_char:ent.sent.end_char]
    return LONG_AGO.search(sentence) is not None and RESOLVED.search(after) is not None \
        and BACK_AGAIN.search(after) is None

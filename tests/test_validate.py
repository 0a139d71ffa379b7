"""The validator reports each problem with its file and field, and enforces the safety rules."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from legcheck.knowledge import schema
from legcheck.knowledge.validate import cross_reference_problems

FINDINGS = [{"id": "weak", "warning_sign": True}, {"id": "flicker"},
            {"id": "days", "type": "number", "minimum": 0, "maximum": 10}]
FLAG = {"id": "weak", "name": "Weak", "level": "routine", "when": {"finding": "weak"},
        "reason": "r", "sources": ["src"]}


def problems(make_kb, **parts) -> list[str]:
    parts.setdefault("findings", FINDINGS)
    parts.setdefault("red_flags", [FLAG])
    kb = make_kb(**parts)
    # the contract and reachability checks are about the real knowledge base; drop them here
    return [p for p in cross_reference_problems(kb)
            if "contract" not in p and "no condition, rule" not in p]


def test_clean_base_has_no_problems(make_kb) -> None:
    assert problems(make_kb) == []


@pytest.mark.parametrize(("parts", "expected"), [
    ({"conditions": [{"id": "c", "prior": 0.1, "sources": ["nowhere"],
                      "evidence": [{"finding": "flicker", "present": 2, "source": "src"}]}]},
     "conditions/c.yaml: sources: unknown source 'nowhere'"),
    ({"conditions": [{"id": "c", "prior": 0.1,
                      "evidence": [{"finding": "ghost", "present": 2, "source": "src"}]}]},
     "conditions/c.yaml: evidence.0.finding: unknown finding 'ghost'"),
    ({"conditions": [{"id": "c", "prior": 0.1,
                      "evidence": [{"finding": "days", "present": 2, "source": "src"}]}]},
     "conditions/c.yaml: evidence.0: 'days' is a number: give bands"),
    ({"red_flags": [{**FLAG, "when": {"not": {"finding": "flicker"}}}]},
     "red_flags.yaml: weak: when: 'not' is not allowed in a warning-sign rule"),
    ({"red_flags": [{**FLAG, "when": {"finding": "weak", "is": "absent"}}]},
     "red_flags.yaml: weak: when: 'weak' is a warning sign: test it for presence only"),
    ({"red_flags": [{**FLAG, "when": {"finding": "days", "equals": "x"}}]},
     "red_flags.yaml: weak: when: 'days' is a number: test it with at_least/below"),
    ({"red_flags": []},
     "findings.yaml: weak: warning_sign: no rule in red_flags.yaml uses it"),
    ({"conditions": [{"id": "c", "prior": 0.1, "triage_level": "routine",
                      "evidence": [{"finding": "weak", "present": 0.5, "source": "src"}]}]},
     "conditions/c.yaml: evidence.0.present: a warning sign may not lower a condition that "
     "needs a doctor"),
    ({"conditions": [{"id": "c", "prior": 0.1, "triage_level": "routine",
                      "unexplained_warning_signs": {"ratio": 0.5, "source": "src", "note": "n"},
                      "evidence": [{"finding": "flicker", "present": 2, "source": "src"}]}]},
     "conditions/c.yaml: unexplained_warning_signs: only a self-care condition may be lowered "
     "by warning signs"),
    ({"red_flags": [{**FLAG, "suggests": ["ghost"]}]},
     "red_flags.yaml: weak: suggests: unknown condition 'ghost'"),
    ({"conditions": [{"id": "c", "prior": 0.1, "advice": ["missing"],
                      "evidence": [{"finding": "flicker", "present": 2, "source": "src"}]}]},
     "conditions: c: advice: unknown advice 'missing'"),
])
def test_problem_is_reported_with_file_and_field(make_kb, parts: dict, expected: str) -> None:
    assert expected in problems(make_kb, **parts)


def test_unknown_keys_are_errors() -> None:
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        schema.Source.model_validate({"id": "s", "title": "t", "url": "https://x", "colour": 1})


def test_evidence_needs_exactly_one_kind() -> None:
    with pytest.raises(ValidationError, match="exactly one kind"):
        schema.Evidence.model_validate({"finding": "f", "present": 2, "values": {"a": 1},
                                        "source": "s"})


def test_a_phrase_listed_twice_with_one_meaning_is_reported(kb) -> None:
    from dataclasses import replace

    assert not [p for p in cross_reference_problems(kb) if "listed twice" in p]
    doubled = replace(kb, phrases=(*kb.phrases, schema.Phrases(
        finding="weakness", present=("legs like wet string", "legs like wet string"))))
    assert "phrases.yaml: weakness: 'legs like wet string' is listed twice" in \
        cross_reference_problems(doubled)

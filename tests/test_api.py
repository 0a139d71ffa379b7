"""The public Python surface: small, sorted, and the same answer as the CLI."""

from __future__ import annotations

import json

import pytest

import legcheck
from legcheck import InputError, check
from legcheck.cli import app


def test_public_names_are_exactly_these() -> None:
    assert legcheck.__all__ == sorted(legcheck.__all__)
    assert legcheck.__all__ == ["CheckResult", "InputError", "KnowledgeError", "LegcheckError",
                                "__version__", "check"]


def test_python_api_equals_cli_json(runner) -> None:
    answers = {"urge_to_move": "yes", "worse_in_evening": "yes", "relieved_by_moving": "yes"}
    args = [part for key, value in answers.items() for part in ("--set", f"{key}={value}")]
    cli = json.loads(runner.invoke(app, ["check", *args, "--format", "json"]).stdout)
    assert check(answers=answers).to_dict() == cli


def test_no_arguments_gives_an_answer_with_every_warning_sign_unasked(kb) -> None:
    result = check().to_dict()
    assert result["triage"]["level"] == "self_care"
    signs = [f.id for f in kb.findings.values() if f.warning_sign]
    assert set(result["unasked_red_flags"]) == set(signs)
    assert result["knowledge_version"] == kb.version


def test_free_text_and_answers_combine_and_an_answer_wins() -> None:
    result = check(text="my calf twitches, no weakness", answers={"weakness": "yes"}).to_dict()
    found = {f["id"]: f for f in result["findings"]}
    assert found["visible_flicker"]["source"] == "text"
    assert found["visible_flicker"]["span"] == "twitches"
    assert found["weakness"]["source"] == "answer" and found["weakness"]["value"] is True


@pytest.mark.parametrize(("text", "message"), [
    ("", "empty"), ("   \n ", "empty"), ("x" * 20_001, "too long"),
    ("\x00\x01\x02binary", "does not look like text")])
def test_bad_text_is_an_input_error(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        check(text=text)


def test_unknown_finding_is_an_input_error() -> None:
    with pytest.raises(InputError, match="unknown finding 'nope'"):
        check(answers={"nope": True})

"""Reading free text: each kind of difficulty (tests/data/text_reading.yaml), guards, CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml

from legcheck import InputError, check
from legcheck.api import NOTHING_ABOUT_MOVEMENTS, default_knowledge
from legcheck.cli import app
from legcheck.engine.result import json_value
from legcheck.text import read_text

CASES = yaml.safe_load((Path(__file__).parent / "data" / "text_reading.yaml").read_text())
TODAY = date(2026, 11, 24)


def read(text: str) -> dict:
    reading = read_text(default_knowledge(), text, today=TODAY)
    return {fid: json_value(o.value) for fid, o in reading.observations.items()}


@pytest.mark.parametrize("case", CASES, ids=lambda case: case["text"][:50])
def test_reading(case: dict) -> None:
    found = read(case["text"])
    for finding_id, value in (case.get("expect") or {}).items():
        assert finding_id in found, f"{finding_id} not read from {case['text']!r}: {found}"
        got = found[finding_id]
        if isinstance(value, list):
            assert sorted(got) == sorted(value)
        elif isinstance(value, float):
            assert got == pytest.approx(value, abs=0.01)
        else:
            assert got == value
    for finding_id in case.get("absent") or ():
        assert finding_id not in found, f"{finding_id} wrongly read: {found}"


def test_findings_carry_their_words_and_source() -> None:
    result = check(text="my calf keeps twitching after runs, no weakness", today=TODAY)
    found = {f["id"]: f for f in result.to_dict()["findings"]}
    assert found["visible_flicker"] == {**found["visible_flicker"], "source": "text",
                                        "span": "twitching"}
    assert found["weakness"]["value"] is False


def test_text_about_something_else_says_so() -> None:
    result = check(text="The weather is lovely today and I baked bread.", today=TODAY)
    assert result.findings == ()
    assert NOTHING_ABOUT_MOVEMENTS in result.messages


def test_worries_are_listed_as_not_counted() -> None:
    result = check(text="I'm scared it could be ALS, my calf twitches", today=TODAY)
    assert "ALS" in result.not_counted


def test_an_emergency_described_in_words_is_an_emergency() -> None:
    text = "back pain for a week, now numb between my legs and I can't pee properly"
    assert check(text=text, today=TODAY).triage.level == "emergency"


@pytest.mark.parametrize(("text", "message"), [
    ("", "empty"), ("  \n\t ", "empty"), ("a" * 20_001, "too long"),
    ("\x00\x01\x02\x03", "does not look like text")])
def test_bad_text(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        read_text(default_knowledge(), text, today=TODAY)


def test_cli_reads_text_argument_and_stdin(runner) -> None:
    text = "my left calf twitches, no weakness"
    direct = runner.invoke(app, ["check", text, "--format", "json"])
    piped = runner.invoke(app, ["check", "-", "--format", "json"], input=text)
    assert direct.exit_code == piped.exit_code == 0
    assert json.loads(direct.stdout)["findings"] == json.loads(piped.stdout)["findings"]
    assert "What we understood" in runner.invoke(app, ["check", text]).stdout


def test_cli_text_and_set_combine_and_set_wins(runner) -> None:
    result = runner.invoke(app, ["check", "calf twitching, no weakness", "--set",
                                 "weakness=yes", "--format", "json"])
    found = {f["id"]: f for f in json.loads(result.stdout)["findings"]}
    assert found["weakness"]["value"] is True and found["weakness"]["source"] == "answer"
    assert found["visible_flicker"]["source"] == "text"


@pytest.mark.parametrize(("stdin", "message"), [
    (b"", "empty"), (b"\xff\xfe\xfa not utf-8", "not UTF-8"), (b"x" * 20_001, "too long")])
def test_cli_bad_stdin_is_one_line_and_exit_2(stdin: bytes, message: str) -> None:
    completed = subprocess.run([sys.executable, "-m", "legcheck", "check", "-"], input=stdin,
                               capture_output=True, check=False)
    assert completed.returncode == 2
    error = completed.stderr.decode()
    assert message in error and len(error.strip().splitlines()) == 1


def test_the_nlp_libraries_print_nothing() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "legcheck", "check", "my calf twitches, no weakness",
         "--format", "json"], capture_output=True, text=True, check=False)
    assert completed.returncode == 0
    assert completed.stderr == ""
    assert json.loads(completed.stdout)["findings"]


@pytest.mark.parametrize(("words", "same"), [
    (("twitching", "twitched", "twitches"), True),
    (("tingling", "tingled", "tingles"), True),
    (("slurring", "slurred", "slurs"), True),
    (("trips", "trip"), False),  # the bare word is often another word (a journey)
    (("jumping", "jumped"), False),  # "muscle jumping" is a twitch, "my leg jumped" a jerk
    (("expecting", "expected"), False),
    (("pass", "passes"), False),
])
def test_word_keys_join_inflections_only(words: tuple[str, ...], same: bool) -> None:
    from legcheck.text.wordforms import word_key

    assert (len({word_key(word) for word in words}) == 1) is same


def test_phrase_variants_add_spellings_and_bare_contractions() -> None:
    from legcheck.text.wordforms import phrase_variants

    assert set(phrase_variants("I'm anaemic")) == {"i'm anaemic", "i'm anemic", "im anaemic",
                                                   "im anemic"}
    assert list(phrase_variants("we'll see")) == ["we'll see"]  # "well" is another word


def test_no_two_meanings_share_a_normalised_phrase() -> None:
    """The reader compares normalised words, so the knowledge validator's uniqueness check (on
    lower case) must hold after normalising too."""
    from legcheck.text.pipeline import target_phrases
    from legcheck.text.reader import _PIPELINES

    kb = default_knowledge()
    read("calf twitching")
    nlp = _PIPELINES[id(kb)]
    meaning: dict[str, str] = {}
    clashes = []
    for phrase, label in target_phrases(kb):
        key = " ".join(token.norm_ for token in nlp.make_doc(phrase))
        if meaning.setdefault(key, label) != label:
            clashes.append(f"{phrase!r}: {label} and {meaning[key]}")
    assert not clashes

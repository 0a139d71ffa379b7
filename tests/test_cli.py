"""The command line: each format, the listings, and bad input (one line on stderr, exit 2)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from legcheck.cli import app

BENIGN = ["--set", "visible_flicker=yes", "--set", "weakness=no", "--set", "duration_days=4",
          "--set", "timing=at_rest", "--set", "location=one_spot"]


def run(runner, *args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


def test_json_follows_the_contract(runner) -> None:
    result = run(runner, "check", *BENIGN, "--format", "json")
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)
    assert {"triage", "conditions", "factors", "findings", "pattern", "unasked_red_flags",
            "knowledge_version"} <= set(answer)
    assert set(answer["triage"]) >= {"level", "reasons", "advice"}
    assert answer["triage"]["level"] in ("self_care", "routine", "urgent", "emergency")
    likelihoods = [c["likelihood"] for c in answer["conditions"]]
    assert likelihoods == sorted(likelihoods, reverse=True)
    assert all(0 <= value <= 1 for value in likelihoods)
    for condition in answer["conditions"]:
        for item in condition["evidence"]:
            assert item["direction"] in ("for", "against") and item["ratio"] > 0
    assert set(answer["pattern"]) == {"frequency", "intensity", "causes", "associated_symptoms"}
    for row in answer["pattern"].values():
        assert row["judgement"] in ("normal", "concerning", "unknown") and row["reason"]
    found = {f["id"]: f for f in answer["findings"]}
    assert found["weakness"] == {**found["weakness"], "value": False, "source": "answer",
                                 "span": "weakness=no"}
    assert found["duration_days"]["value"] == 4
    assert "weakness" not in answer["unasked_red_flags"]


def test_answers_file_and_set_combine_and_set_wins(runner, tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("weakness: yes\nduration_days: 30\n")
    result = run(runner, "check", "--answers", str(answers), "--set", "weakness=no",
                 "--format", "json")
    found = {f["id"]: f["value"] for f in json.loads(result.stdout)["findings"]}
    assert found == {"weakness": False, "duration_days": 30}


def test_json_answers_file(runner, tmp_path: Path) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"face_drooping": True}))
    result = run(runner, "check", "-a", str(answers), "-f", "json")
    assert json.loads(result.stdout)["triage"]["level"] == "emergency"


def test_markdown_has_every_section_in_order(runner) -> None:
    result = run(runner, "check", *BENIGN, "--format", "markdown")
    assert result.exit_code == 0
    headings = [line for line in result.stdout.splitlines() if line.startswith("## ")]
    assert headings == ["## In short", "## What it most likely is",
                        "## What may be contributing in your case",
                        "## When leg jerks are a concern: warning signs",
                        "## Normal or concerning?", "## What to do now", "## Sources"]
    assert "not a diagnosis" in result.stdout.lower()


def test_terminal_output_without_colour_is_plain_text(runner) -> None:
    result = runner.invoke(app, ["check", "--set", "face_drooping=yes"], env={"NO_COLOR": "1"})
    assert result.exit_code == 0
    assert "\x1b[" not in result.stdout
    first_lines = result.stdout.splitlines()[:3]
    assert "EMERGENCY" in first_lines[0]
    assert "call 999" in " ".join(first_lines)


def test_findings_listing(runner) -> None:
    rows = json.loads(run(runner, "findings", "--format", "json").stdout)
    assert len(rows) >= 60
    by_id = {row["id"]: row for row in rows}
    assert by_id["duration_days"]["type"] == "number"
    assert "falling_asleep" in by_id["timing"]["values"]
    assert by_id["weakness"]["question"].endswith("?")
    assert "duration_days" in run(runner, "findings").stdout


def test_conditions_listing(runner) -> None:
    rows = json.loads(run(runner, "conditions", "--format", "json").stdout)
    assert {row["triage_level"] for row in rows} <= {"self_care", "routine", "urgent",
                                                      "emergency"}
    assert all("http" in row["sources"] for row in rows)


def test_knowledge_check_passes(runner) -> None:
    result = run(runner, "knowledge", "check")
    assert result.exit_code == 0, result.output
    assert "is valid" in result.stdout


@pytest.mark.parametrize(("args", "message"), [
    (["--set", "wekness=no"], "unknown finding 'wekness'"),
    (["--set", "duration_days=-1"], "duration_days must be between"),
    (["--set", "intensity=11"], "intensity must be between 0 and 10"),
    (["--set", "duration_days=soon"], "duration_days takes a number"),
    (["--set", "weakness=perhaps"], "weakness takes yes or no"),
    (["--set", "weakness"], "--set takes FINDING=VALUE"),
    (["--answers", "/no/such/file.yaml"], "cannot read answers file"),
])
def test_bad_input_is_one_line_and_exit_2(runner, args: list[str], message: str) -> None:
    result = run(runner, "check", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output


@pytest.mark.parametrize(("content", "message"), [
    ("weakness: [unclosed", "is not valid YAML or JSON"),
    ("- just\n- a list\n", "must hold a mapping"),
    ('{"weakness": "no",', "is not valid YAML or JSON"),
])
def test_malformed_answers_file(runner, tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(content)
    result = run(runner, "check", "--answers", str(path))
    assert result.exit_code == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_binary_answers_file(runner, tmp_path: Path) -> None:
    path = tmp_path / "answers.bin"
    path.write_bytes(b"\xff\xfe\x00\x01garbage")
    result = run(runner, "check", "--answers", str(path))
    assert result.exit_code == 2 and "cannot read answers file" in result.stderr


def test_installed_script_reports_bad_input_without_traceback() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "legcheck", "check", "--set", "age=200"],
        capture_output=True, text=True, check=False)
    assert completed.returncode == 2
    assert completed.stderr.strip() == ("legcheck: error: age must be between 0 and 120 years, "
                                        "not 200")

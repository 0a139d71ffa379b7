"""The guided check in a terminal: the prompting loop with scripted replies, and the real
program driven through a pseudo-terminal with pexpect."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pexpect
import pytest

from legcheck.cli_interview import guided_check, run_interview
from legcheck.engine import parse_answers
from legcheck.engine.interview import next_question

FINDINGS = [
    {"id": "face", "warning_sign": True},
    {"id": "fever", "warning_sign": True},
    {"id": "flicker"},
    {"id": "days", "type": "number", "minimum": 0, "maximum": 100, "unit": "days"},
    {"id": "when", "type": "choice", "choices": [{"value": "day", "label": "in the day"},
                                                 {"value": "night", "label": "at night"}]},
]
FLAG = {"name": "flag", "reason": "reason", "sources": ["src"]}
RED_FLAGS = [{**FLAG, "id": "face", "level": "emergency", "when": {"finding": "face"}},
             {**FLAG, "id": "fever", "level": "urgent", "when": {"finding": "fever"}},
             {**FLAG, "id": "long", "level": "routine",
              "when": {"finding": "days", "at_least": 14}}]
CONDITIONS = [{"id": "twitch", "prior": 0.4, "evidence": [
                  {"finding": "flicker", "present": 5.0, "absent": 0.3, "source": "src"},
                  {"finding": "when", "values": {"night": 0.5}, "source": "src"}]},
              {"id": "other", "prior": 0.2, "triage_level": "routine", "likely_threshold": 0.3,
               "evidence": [
                  {"finding": "flicker", "present": 0.5, "absent": 3.0, "source": "src"},
                  {"finding": "when", "values": {"night": 4.0}, "source": "src"}]}]


@pytest.fixture
def small(make_kb):
    return make_kb(findings=FINDINGS, red_flags=RED_FLAGS, conditions=CONDITIONS)


class Script:
    """Replies typed in order; records every prompt and line shown."""

    def __init__(self, *replies: str) -> None:
        self.replies, self.shown = list(replies), []

    def ask(self, prompt: str) -> str:
        self.shown.append(prompt)
        if not self.replies:
            raise EOFError
        return self.replies.pop(0)

    def say(self, line: str) -> None:
        self.shown.append(line)

    def questions(self) -> list[str]:
        return [line for line in self.shown if line[:1].isdigit() and ". " in line]


def test_answers_dont_know_skip_and_back(small) -> None:
    script = Script("no", "?", "back", "no", "", "done")
    interview = run_interview(small, {}, ask=script.ask, say=script.say)
    asked = script.questions()
    assert asked[0].startswith("1. [warning sign] face?")
    assert asked[1].startswith("2. [warning sign] fever?")
    assert asked[2].startswith("3. ")
    assert asked[3].startswith("2. [warning sign] fever?")  # asked again after "back"
    assert interview.answers == {"face": "no", "fever": "no"}  # "don't know" was changed
    assert interview.skipped == {asked[4][3:-1]}  # question 3, asked again, then skipped
    assert interview.stopped_early
    assert any("Why we ask: test" in line for line in script.shown)


def test_dont_know_is_kept_and_a_choice_can_be_given_by_number(small) -> None:
    known = parse_answers(small, {"face": "no", "days": 3, "flicker": "yes"})
    script = Script("dk", "2")
    interview = run_interview(small, known, ask=script.ask, say=script.say)
    assert [line.split()[-1] for line in script.questions()] == ["fever?", "when?"]
    assert "   2) at night" in script.shown
    assert interview.answers == {"fever": "unknown", "when": "night"}
    assert interview.observations["fever"].value is None


def test_a_bad_answer_is_explained_and_asked_again(small) -> None:
    script = Script("maybe", "no", "no", "500", "20", "done")
    interview = run_interview(small, {}, ask=script.ask, say=script.say)
    assert any("takes yes or no" in line for line in script.shown)
    assert any("must be between 0 and 100 days" in line for line in script.shown)
    assert interview.answers["days"] == 20


def test_stops_by_itself_and_never_asks_what_is_known(small) -> None:
    known = parse_answers(small, {"face": "no"})
    script = Script("no", "5", "1", "yes")
    interview = run_interview(small, known, ask=script.ask, say=script.say)
    assert not interview.stopped_early
    assert all("face?" not in line for line in script.questions())
    assert next_question(small, {**known, **interview.observations}, interview.skipped).done
    assert "There are no questions left" in script.shown[-1]


def test_end_of_input_stops_the_interview(small) -> None:
    script = Script()
    interview = run_interview(small, {}, ask=script.ask, say=script.say)
    assert interview.stopped_early and interview.answers == {}


def test_guided_check_reasons_over_the_interview_answers(small) -> None:
    script = Script("no", "yes", "done")
    result, interview = guided_check(None, {"flicker": "yes"}, None, ask=script.ask,
                                     say=script.say, knowledge=small)
    assert result.triage.level == "urgent"
    assert {f.finding: f.value for f in result.findings} == {"face": False, "fever": True,
                                                         "flicker": True}
    assert interview.answers == {"face": "no", "fever": "yes"}


def test_no_prompt_without_a_terminal(runner) -> None:
    from legcheck.cli import app

    result = runner.invoke(app, ["check", "--set", "weakness=no", "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["triage"]["level"]
    assert "Why we ask" not in result.stdout


# ---- the real program in a terminal ---------------------------------------------------------

PROMPT = r"done\): "


@pytest.fixture
def terminal_env(tmp_path: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "LEGCHECK_DATABASE_URL"}
    env.update(XDG_DATA_HOME=str(tmp_path / "data"), NO_COLOR="1", COLUMNS="120")
    return env


def spawn(env: dict[str, str], *arguments: str) -> pexpect.spawn:
    return pexpect.spawn(sys.executable, ["-m", "legcheck", "check", *arguments], env=env,
                         encoding="utf-8", timeout=60, dimensions=(40, 120))


def test_the_terminal_program_runs_a_full_interview(terminal_env) -> None:
    child = spawn(terminal_env, "--set", "visible_flicker=yes", "--save", "--format", "json")
    child.expect(PROMPT)
    first = child.before
    assert "1. [warning sign]" in first and "Why we ask:" in first
    assert "   - " in first and "none, or yes if any" in first  # a screen of several signs
    child.sendline("no")  # none of these
    child.expect(PROMPT)
    assert "2. [warning sign]" in child.before
    child.sendline("dk")  # question 2: don't know
    child.expect(PROMPT)
    assert "3. " in child.before
    child.sendline("back")  # back to question 2, to change that answer
    child.expect(PROMPT)
    assert "2. [warning sign]" in child.before and "   - " in child.before
    child.sendline("yes")  # yes: its signs are asked one by one
    child.expect(PROMPT)
    assert "3. [warning sign]" in child.before and "   - " not in child.before
    child.sendline("")  # skip question 3
    child.expect(PROMPT)
    child.sendline("done")  # stop early
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    output = child.before
    assert "Saved this check in your diary as c1." in output
    answer = json.loads(output[output.index("{"):])
    said = {f["id"]: f["value"] for f in answer["findings"] if f["source"] == "answer"}
    assert said["visible_flicker"] is True
    # the first screen's "none" is a no for each of its signs; going back dropped the "don't know"
    assert list(said.values()).count(True) == 1 and list(said.values()).count(False) >= 2
    assert None not in said.values()
    assert len(answer["unasked_red_flags"]) > 10  # stopped early: the rest are listed


def test_no_input_never_prompts_in_a_terminal(terminal_env) -> None:
    child = spawn(terminal_env, "--set", "weakness=no", "--no-input", "--format", "json")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0 and "Why we ask" not in child.before


def test_save_keeps_the_answers_and_the_result(runner) -> None:
    from legcheck.cli import app
    from legcheck.cli_diary import open_store

    result = runner.invoke(app, ["check", "calf twitching", "--set", "weakness=no",
                                 "--set", "fever=unknown", "--save", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert "Saved this check in your diary as c1." in result.stderr
    [saved] = open_store(None).checks()
    assert saved.text == "calf twitching"
    assert saved.answers == {"weakness": "no", "fever": "unknown"}
    assert saved.result == json.loads(result.stdout)


@pytest.fixture
def screened(small):
    from legcheck.knowledge import schema

    screen = schema.Screen(id="signs", question="Any of these?", why="test",
                           findings=("face", "fever"))
    return type(small)(**{**{f: getattr(small, f) for f in small.__dataclass_fields__},
                          "screens": {"signs": screen}})


def test_a_screen_answered_none_dont_know_back_and_yes(screened) -> None:
    script = Script("maybe later", "?", "back", "yes", "no", "yes", "done")
    interview = run_interview(screened, {}, ask=script.ask, say=script.say)
    asked = script.questions()
    assert asked[0] == "1. [warning sign] Any of these?"
    assert "   - face" in script.shown and "   - fever" in script.shown
    assert any("Please answer none, yes" in line for line in script.shown)  # "maybe later"
    assert asked[1].startswith("2. ")  # after "don't know" both signs were unknown
    assert asked[2] == "1. [warning sign] Any of these?"  # back: the screen again
    assert asked[3].startswith("2. [warning sign] face?")  # yes: one by one
    assert asked[4].startswith("3. [warning sign] fever?")
    assert interview.answers == {"face": "no", "fever": "yes"}


def test_a_screen_answered_none_is_a_no_for_each_sign(screened) -> None:
    interview = run_interview(screened, {}, ask=Script("none", "done").ask, say=print)
    assert interview.answers == {"face": "no", "fever": "no"}


@pytest.fixture
def listed(make_kb):
    from legcheck.knowledge import schema

    kb = make_kb(
        findings=[{"id": "flicker"}, {"id": "cramp"}, {"id": "when", "type": "choice", "choices": [
            {"value": "day", "label": "in the day"}, {"value": "night", "label": "at night"}]}],
        conditions=[{"id": "twitch", "prior": 0.4, "evidence": [
                        {"finding": "flicker", "present": 8.0, "absent": 0.2, "source": "src"},
                        {"finding": "when", "values": {"night": 0.7}, "source": "src"}]},
                    {"id": "cramps", "prior": 0.3, "evidence": [
                        {"finding": "cramp", "present": 8.0, "absent": 0.2, "source": "src"},
                        {"finding": "when", "values": {"night": 1.5}, "source": "src"}]},
                    {"id": "other", "prior": 0.2, "evidence": [
                        {"finding": "when", "values": {"night": 6.0, "day": 0.1},
                         "source": "src"}]},
                    {"id": "rare", "prior": 0.15, "evidence": [
                        {"finding": "when", "values": {"day": 6.0, "night": 0.1},
                         "source": "src"}]}],
        red_flags=[])
    checklist = schema.Checklist(id="traits", question="Which of these fit?", why="test",
                                 findings=("flicker", "cramp"))
    return type(kb)(**{**{f: getattr(kb, f) for f in kb.__dataclass_fields__},
                       "checklists": {"traits": checklist}})


def test_a_checklist_ticked_by_number_bad_reply_and_back(listed) -> None:
    script = Script("1, 7", "2", "back", "none", "done")
    interview = run_interview(listed, {}, ask=script.ask, say=script.say)
    asked = script.questions()
    assert asked[0] == "1. Which of these fit?"
    assert "   1) flicker" in script.shown and "   2) cramp" in script.shown
    assert any("'7' is not in the list" in line for line in script.shown)
    assert asked[1] == "2. when?"  # "2" ticked the second member
    assert asked[2] == "1. Which of these fit?"  # back: the whole checklist again
    assert interview.answers == {"flicker": "no", "cramp": "no"}  # "none": each a no


def test_a_checklist_tick_is_yes_and_the_rest_no(listed) -> None:
    interview = run_interview(listed, {}, ask=Script("2", "done").ask, say=print)
    assert interview.answers == {"flicker": "no", "cramp": "yes"}
    skipped = run_interview(listed, {}, ask=Script("", "done").ask, say=print)
    assert skipped.answers == {} and skipped.skipped == {"flicker", "cramp"}
    dont_know = run_interview(listed, {}, ask=Script("?", "done").ask, say=print)
    assert dont_know.answers == {"flicker": "unknown", "cramp": "unknown"}


def test_an_emergency_stops_the_questions_unless_the_person_goes_back(small) -> None:
    script = Script("yes", "")
    interview = run_interview(small, {}, ask=script.ask, say=script.say)
    assert script.questions() == ["1. [warning sign] face?"]
    assert any("needs emergency care now" in line for line in script.shown)
    assert interview.answers == {"face": "yes"} and not interview.stopped_early
    corrected = Script("yes", "back", "no", "done")
    interview = run_interview(small, {}, ask=corrected.ask, say=corrected.say)
    assert [q.split()[-1] for q in corrected.questions()] == ["face?", "face?", "fever?"]
    assert interview.answers == {"face": "no"}


def test_an_emergency_from_the_description_asks_nothing(small) -> None:
    script = Script("no")
    interview = run_interview(small, parse_answers(small, {"face": "yes"}), ask=script.ask,
                              say=script.say)
    assert script.questions() == [] and interview.answers == {}
    assert any("needs emergency care now" in line for line in script.shown)


@pytest.mark.parametrize("reply", ["\u00b2", "\u2460", ",", " , "])
def test_a_checklist_reply_that_names_nothing_is_asked_again(listed, reply: str) -> None:
    script = Script(reply, "2", "done")
    interview = run_interview(listed, {}, ask=script.ask, say=script.say)
    assert any("not in the list" in line or "give the numbers" in line for line in script.shown)
    assert interview.answers == {"flicker": "no", "cramp": "yes"}

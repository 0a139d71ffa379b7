"""The guided check's question choice, on small hand-built knowledge bases and on the real one."""

from __future__ import annotations

import json

import pytest

from legcheck.engine import Observation, parse_answers, run_check
from legcheck.engine.foresight import answer_options, current_state
from legcheck.engine.interview import (
    Done,
    Question,
    answer_checklist,
    answer_screen,
    next_question,
)
from legcheck.knowledge import schema

FINDINGS = [
    {"id": "minor"},
    {"id": "irrelevant"},
    {"id": "decisive"},
    {"id": "ws_urgent", "warning_sign": True},
    {"id": "ws_emergency", "warning_sign": True},
    {"id": "drug"},
    {"id": "sweat"},
    {"id": "days", "type": "number", "minimum": 0, "maximum": 1000, "unit": "days"},
    {"id": "when", "type": "choice", "choices": [
        {"value": value, "label": value} for value in ("day", "night", "morning", "evening")]},
]
CONDITIONS = [
    {"id": "a", "prior": 0.30, "evidence": [
        {"finding": "decisive", "present": 0.05, "absent": 2.0, "source": "src"}]},
    {"id": "b", "prior": 0.25, "evidence": [
        {"finding": "minor", "present": 1.1, "source": "src"}]},
    {"id": "c", "prior": 0.20, "evidence": [
        {"finding": "minor", "present": 1.1, "source": "src"},
        # only one of four answers moves c out of the top three: a weaker question than decisive
        {"finding": "when", "values": {"night": 0.4}, "source": "src"}]},
    {"id": "d", "prior": 0.15, "evidence": [
        {"finding": "decisive", "present": 20.0, "absent": 0.5, "source": "src"},
        {"finding": "days", "bands": [{"below": 7, "ratio": 0.8}, {"at_least": 7, "ratio": 1.5}],
         "source": "src"}]},
]
FLAG = {"name": "flag", "reason": "reason", "sources": ["src"]}
RED_FLAGS = [
    {**FLAG, "id": "urgent_sign", "level": "urgent", "when": {"finding": "ws_urgent"}},
    {**FLAG, "id": "emergency_sign", "level": "emergency", "when": {"finding": "ws_emergency"}},
    {**FLAG, "id": "drug_sweat", "level": "urgent",
     "when": {"all": [{"finding": "drug"}, {"finding": "sweat"}]}},
    {**FLAG, "id": "long", "level": "routine", "when": {"finding": "days", "at_least": 14}},
]


@pytest.fixture
def small(make_kb):
    return make_kb(findings=FINDINGS, conditions=CONDITIONS, red_flags=RED_FLAGS)


def ask(kb, answers=None, asked=()):
    return next_question(kb, parse_answers(kb, answers or {}), asked)


def interview(kb, person, start=None):
    """Run the whole interview with a person answering from `person` ("don't know" otherwise)."""
    answers, asked = dict(start or {}), []
    while not (step := ask(kb, answers)).done:
        asked.append(step.finding)
        answers[step.finding] = person.get(step.finding, "unknown")
    return asked, step


def test_warning_signs_come_first_most_urgent_first(small) -> None:
    assert ask(small).finding == "ws_emergency"
    assert ask(small).reason == "warning_sign"
    assert ask(small, {"ws_emergency": "no"}).finding == "ws_urgent"
    assert ask(small, {"ws_emergency": "no", "ws_urgent": "no"}).reason != "warning_sign"


def test_a_warning_sign_that_cannot_raise_the_level_is_not_asked_first(small) -> None:
    step = ask(small, {"ws_emergency": "yes"})  # already an emergency: ws_urgent changes nothing
    assert step.finding != "ws_urgent" and not step.warning_sign


def test_the_decisive_question_comes_first_after_the_warning_signs(small) -> None:
    no_signs = {"ws_emergency": "no", "ws_urgent": "no", "drug": "no", "days": 3}
    step = ask(small, no_signs)
    assert isinstance(step, Question) and step.finding == "decisive"
    assert step.reason == "information_gain" and step.information_gain > 0
    weaker = ask(small, no_signs, asked={"decisive"})
    assert weaker.finding == "when" and 0 < weaker.information_gain < step.information_gain


def test_stops_when_nothing_can_change_the_result(small) -> None:
    settled = {"ws_emergency": "no", "ws_urgent": "no", "drug": "no", "days": 3, "decisive": "yes",
               "when": "day"}
    step = ask(small, settled)
    assert isinstance(step, Done) and step.reason == "settled"
    result = run_check(small, parse_answers(small, settled))
    # "minor" and "irrelevant" are still open, but no answer to them changes the top three
    for finding in ("minor", "irrelevant"):
        for value in ("yes", "no"):
            changed = run_check(small, parse_answers(small, {**settled, finding: value}))
            assert changed.triage.level == result.triage.level
            assert ({c.id for c in changed.conditions[:3]}
                    == {c.id for c in result.conditions[:3]})


def test_nothing_left_to_ask(small) -> None:
    everything = {f["id"]: "unknown" for f in FINDINGS}
    assert ask(small, everything) == Done("nothing_left")


def test_dont_know_and_skipped_questions_are_not_asked_again(small) -> None:
    first = ask(small).finding
    assert ask(small, {first: "don't know"}).finding != first
    assert ask(small, asked={first}).finding != first
    asked, _ = interview(small, {})
    assert len(asked) == len(set(asked))


def test_a_combination_that_could_raise_the_triage_is_followed_up(small) -> None:
    asked, done = interview(small, {"ws_emergency": "no", "ws_urgent": "no", "drug": "yes",
                                    "sweat": "yes", "days": 3, "decisive": "yes", "when": "day"})
    assert {"drug", "sweat"} <= set(asked)
    assert done.reason == "settled"
    asked, _ = interview(small, {"ws_emergency": "no", "ws_urgent": "no", "drug": "no",
                                 "days": 3, "decisive": "yes", "when": "day"})
    assert "drug" in asked and "sweat" not in asked  # no drug: sweating cannot raise it


def test_numbers_are_looked_at_through_their_cut_points(small) -> None:
    assert answer_options(small, small.findings["days"]) == (0.0, 7.0, 14.0)
    assert answer_options(small, small.findings["when"]) == ("day", "night", "morning", "evening")


def test_questions_serialise_with_their_kind_of_answer(small) -> None:
    step = ask(small, {"ws_emergency": "no", "ws_urgent": "no", "drug": "no"})
    while step.finding != "days":
        step = ask(small, {"ws_emergency": "no", "ws_urgent": "no", "drug": "no"},
                   asked={step.finding})
    data = json.loads(json.dumps(step.to_dict()))
    assert data["done"] is False and data["text"] == "days?" and data["why"] == "test"
    assert data["answer"] == {"kind": "number", "accepts_unknown": True, "unit": "days",
                              "minimum": 0, "maximum": 1000}
    assert json.loads(json.dumps(Done("settled").to_dict()))["done"] is True


def test_likelihoods_agree_with_the_check(kb) -> None:
    answers = {"visible_flicker": "yes", "weakness": "no", "duration_days": 20,
               "timing": "at_rest", "medicine_change": "statin,diuretic", "age": 70}
    observations = parse_answers(kb, answers)
    likelihoods = dict(zip(kb.conditions, current_state(kb, observations, ()).likelihoods(),
                           strict=True))
    for condition in run_check(kb, observations).conditions:
        assert likelihoods[condition.id] == pytest.approx(condition.likelihood)


def test_real_knowledge_asks_every_warning_sign_first_and_ends(kb) -> None:
    answers: dict[str, Observation] = {}
    order = []
    while not (step := next_question(kb, answers, ())).done:
        order.append(step)
        if step.kind == "screen":
            answers.update(answer_screen(step, "none")[0])
            continue
        if step.kind == "checklist":
            answers.update(answer_checklist(step, []))
            continue
        answers[step.finding] = Observation(step.finding, None if step.kind != "yes_no" else False,
                                            "answer", "")
    signs = [step for step in order if step.reason == "warning_sign"]
    covered = {fid for step in signs for fid in ([m for m, _ in step.members] or [step.finding])}
    assert covered == set(kb.warning_sign_ids)
    assert len(signs) == len(kb.screens)  # one question per screen when every answer is "none"
    assert [step.reason for step in order[:len(signs)]] == ["warning_sign"] * len(signs)
    emergency = {f for flag in kb.red_flags.values() if flag.level == "emergency"
                 for f in kb.rule_findings[flag.id]}
    assert {m for m, _ in order[0].members} <= emergency
    assert len(order) < len(kb.findings)
    assert run_check(kb, answers).triage.level == "self_care"


# ---- screens: several warning signs asked as one question ---------------------------------------

SCREEN_FINDINGS = [*FINDINGS, {"id": "ws_emergency_2", "warning_sign": True}]
SCREEN_FLAGS = [*RED_FLAGS, {**FLAG, "id": "emergency_2", "level": "emergency",
                             "when": {"finding": "ws_emergency_2"}}]


@pytest.fixture
def screened(make_kb):
    kb = make_kb(findings=SCREEN_FINDINGS, conditions=CONDITIONS, red_flags=SCREEN_FLAGS)
    screens = {"both": schema.Screen(id="both", question="Any of these?", why="test",
                                     findings=("ws_emergency", "ws_emergency_2", "ws_urgent"))}
    return type(kb)(**{**{f: getattr(kb, f) for f in kb.__dataclass_fields__},
                       "screens": screens})


def test_a_screen_asks_its_open_warning_signs_at_once(screened) -> None:
    step = ask(screened)
    assert step.kind == "screen" and step.finding == "both" and step.warning_sign
    assert [m for m, _ in step.members] == ["ws_emergency", "ws_emergency_2", "ws_urgent"]
    data = json.loads(json.dumps(step.to_dict()))
    assert data["answer"]["kind"] == "screen" and data["members"][0]["finding"] == "ws_emergency"
    assert [c["value"] for c in data["answer"]["choices"]] == ["none", "yes"]
    # once one member is answered, the screen lists only the others
    assert [m for m, _ in ask(screened, {"ws_emergency_2": "no"}).members] == [
        "ws_emergency", "ws_urgent"]


def test_none_answers_every_member_no_and_moves_on(screened) -> None:
    step = ask(screened)
    added, more = answer_screen(step, "none")
    assert {fid: o.value for fid, o in added.items()} == dict.fromkeys(
        ["ws_emergency", "ws_emergency_2", "ws_urgent"], False) and not more
    after = next_question(screened, added, more)
    assert not after.warning_sign or after.finding == "drug"


def test_yes_asks_each_member_one_by_one(screened) -> None:
    added, more = answer_screen(ask(screened), "yes")
    assert not added and more == {"both"}
    assert ask(screened, asked=more).finding == "ws_emergency"
    assert ask(screened, {"ws_emergency": "no"}, asked=more).finding == "ws_emergency_2"
    # a sign found makes the lower ones moot: ws_urgent cannot raise an emergency
    assert ask(screened, {"ws_emergency": "yes"}, asked=more).kind != "screen"


def test_dont_know_leaves_every_member_unknown(screened) -> None:
    added, more = answer_screen(ask(screened), None)
    assert all(o.value is None for o in added.values()) and len(added) == 3 and not more
    with pytest.raises(ValueError):
        answer_screen(ask(screened), "maybe")


def test_a_screen_with_one_open_member_asks_it_alone(screened) -> None:
    step = ask(screened, {"ws_emergency": "no", "ws_emergency_2": "no"})
    assert step.kind == "yes_no" and step.finding == "ws_urgent"


def test_every_warning_sign_is_in_exactly_one_screen(kb) -> None:
    members = [fid for screen in kb.screens.values() for fid in screen.findings]
    assert sorted(members) == sorted(kb.warning_sign_ids)


def test_the_validator_wants_every_warning_sign_in_exactly_one_screen(screened) -> None:
    from legcheck.knowledge.validate import _screen_problems

    assert list(_screen_problems(screened)) == []
    twice = {"a": schema.Screen(id="a", question="q", why="w", findings=("ws_urgent", "minor")),
             "b": schema.Screen(id="b", question="q", why="w", findings=("ws_urgent",))}
    bad = type(screened)(**{**{f: getattr(screened, f) for f in screened.__dataclass_fields__},
                            "screens": twice})
    problems = list(_screen_problems(bad))
    assert "screens.yaml: a: findings: 'minor' is not a yes/no warning sign" in problems
    assert "screens.yaml: b: findings: 'ws_urgent' is already in screen 'a'" in problems
    assert "findings.yaml: ws_emergency: warning sign is in no screen (screens.yaml)" in problems


# ---- checklists: related findings asked as one tick-all-that-apply question ----------------------

NO_SIGNS = {"ws_emergency": "no", "ws_urgent": "no", "drug": "no", "days": 3}


@pytest.fixture
def listed(make_kb):
    kb = make_kb(findings=FINDINGS, conditions=CONDITIONS, red_flags=RED_FLAGS)
    checklists = {"traits": schema.Checklist(id="traits", question="Which fit?", why="test",
                                             findings=("minor", "decisive", "irrelevant"))}
    return type(kb)(**{**{f: getattr(kb, f) for f in kb.__dataclass_fields__},
                       "checklists": checklists})


def test_the_best_question_in_a_checklist_is_asked_as_the_checklist(listed, small) -> None:
    alone = ask(small, NO_SIGNS)
    step = ask(listed, NO_SIGNS)
    assert alone.finding == "decisive" and step.kind == "checklist" and step.finding == "traits"
    assert [m for m, _ in step.members] == ["minor", "decisive", "irrelevant"]
    assert step.multiple and not step.warning_sign and step.reason == "information_gain"
    assert step.information_gain >= alone.information_gain  # its members' gains together
    data = json.loads(json.dumps(step.to_dict()))
    assert data["answer"]["kind"] == "checklist" and data["answer"]["multiple"] is True
    assert [c["value"] for c in data["answer"]["choices"]] == ["minor", "decisive", "irrelevant"]
    # warning signs still come first, whatever the checklists
    assert ask(listed).finding == "ws_emergency"


def test_ticked_members_are_yes_and_the_others_no(listed) -> None:
    step = ask(listed, NO_SIGNS)
    added = answer_checklist(step, ["decisive"])
    assert {fid: o.value for fid, o in added.items()} == {
        "minor": False, "decisive": True, "irrelevant": False}
    assert all(o.value is False for o in answer_checklist(step, []).values())  # none of these
    assert all(o.value is None for o in answer_checklist(step, None).values())  # don't know
    with pytest.raises(ValueError, match="not listed"):
        answer_checklist(step, ["drug"])
    after = next_question(listed, {**parse_answers(listed, NO_SIGNS), **added}, ())
    assert after.done or after.finding not in ("traits", "minor", "decisive", "irrelevant")


def test_a_skipped_checklist_is_not_asked_again(listed) -> None:
    after = ask(listed, NO_SIGNS, asked={"traits"})
    assert after.finding not in ("traits", "minor", "decisive", "irrelevant")


def test_a_checklist_with_one_open_member_asks_it_alone(listed) -> None:
    step = ask(listed, {**NO_SIGNS, "minor": "no", "irrelevant": "no"})
    assert step.kind == "yes_no" and step.finding == "decisive"


def test_the_validator_keeps_warning_signs_and_repeats_out_of_checklists(listed) -> None:
    from legcheck.knowledge.validate import _checklist_problems

    assert list(_checklist_problems(listed)) == []
    bad_lists = {
        "a": schema.Checklist(id="a", question="q", why="w", findings=("ws_urgent", "minor")),
        "b": schema.Checklist(id="b", question="q", why="w", findings=("minor", "days")),
        "decisive": schema.Checklist(id="decisive", question="q", why="w",
                                     findings=("sweat", "nothing")),
    }
    bad = type(listed)(**{**{f: getattr(listed, f) for f in listed.__dataclass_fields__},
                          "checklists": bad_lists})
    problems = list(_checklist_problems(bad))
    assert any("a: findings: 'ws_urgent' is not a yes/no finding" in p for p in problems)
    assert "checklists.yaml: b: findings: 'minor' is already in checklist 'a'" in problems
    assert any("b: findings: 'days' is not a yes/no finding" in p for p in problems)
    assert "checklists.yaml: decisive: id: is also a finding or screen id" in problems
    assert "checklists.yaml: decisive: findings: unknown finding 'nothing'" in problems


def test_real_checklists_hold_yes_no_findings_that_are_not_warning_signs(kb) -> None:
    members = [fid for checklist in kb.checklists.values() for fid in checklist.findings]
    assert len(members) == len(set(members)) and len(kb.checklists) >= 5
    assert all(kb.findings[fid].type == "boolean" and not kb.findings[fid].warning_sign
               for fid in members)


def test_a_combination_that_could_raise_the_triage_comes_as_its_checklist(make_kb) -> None:
    kb = make_kb(findings=FINDINGS, conditions=CONDITIONS, red_flags=RED_FLAGS)
    checklists = {"recent": schema.Checklist(id="recent", question="Any of these?", why="test",
                                             findings=("drug", "sweat"))}
    kb = type(kb)(**{**{f: getattr(kb, f) for f in kb.__dataclass_fields__},
                     "checklists": checklists})
    settled = {"ws_emergency": "no", "ws_urgent": "no", "days": 3, "decisive": "yes",
               "when": "day"}
    step = ask(kb, settled)
    assert step.kind == "checklist" and step.reason == "could_raise_triage"
    assert [m for m, _ in step.members] == ["drug", "sweat"]
    after = next_question(kb, {**parse_answers(kb, settled), **answer_checklist(step, [])}, ())
    assert isinstance(after, Done)

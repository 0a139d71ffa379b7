"""The guided check in a terminal: ask the engine's questions one at a time.

`run_interview` is the prompting loop; it reads through `ask` (a prompt in, a line out; EOFError
at the end of input) and writes through `say`, so tests drive it without a terminal. The choice
of question is the engine's (`legcheck.engine.interview.next_question`); this module only shows
questions and reads answers.

Replies: an answer (to a grouped warning-sign screen: `none`, or `yes` if any or not sure, to go
through them one by one; to a checklist: the numbers of the items that apply, separated by commas,
or `none`); `?` or `dk` (don't know); an empty line (skip); `back` (change the previous answer);
`done` (stop and show the answer now).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from legcheck.engine import CheckResult, Observation, run_check
from legcheck.engine.answers import Value, coerce_value
from legcheck.engine.interview import (
    SCREEN_NONE,
    SCREEN_YES,
    Question,
    answer_checklist,
    answer_screen,
    checklist_question,
    next_question,
    question_for,
    screen_question,
)
from legcheck.errors import InputError
from legcheck.knowledge import KnowledgeBase

Ask = Callable[[str], str]
Say = Callable[[str], None]

UNKNOWN = "unknown"  # how a "don't know" is kept in the answers (the engine reads it as unknown)
_DONT_KNOW = {"?", "dk", "don't know", "dont know", "do not know", "not sure", "unknown"}
_BACK = {"back", "b"}
_DONE = {"done", "stop", "q", "quit"}
_SCREEN_REPLIES = {"none": SCREEN_NONE, "no": SCREEN_NONE, "n": SCREEN_NONE, "0": SCREEN_NONE,
                   "yes": SCREEN_YES, "y": SCREEN_YES, "not sure": SCREEN_YES, "maybe": SCREEN_YES,
                   "1": SCREEN_YES}
INTRO = ("A few questions, warning signs first. Answer each one, or type ? if you don't know, "
         "press Enter to skip, 'back' to change your previous answer, or 'done' to see your "
         "answer now.")


@dataclass
class Interview:
    """What was asked and answered; `answers` holds values as the check's answers file would."""

    answers: dict[str, Any] = field(default_factory=dict)
    observations: dict[str, Observation] = field(default_factory=dict)
    skipped: set[str] = field(default_factory=set)
    history: list[str] = field(default_factory=list)
    stopped_early: bool = False
    # screen or checklist -> the members it listed (going back undoes them all)
    groups: dict[str, tuple[str, ...]] = field(default_factory=dict)
    opened: set[str] = field(default_factory=set)  # screens answered "yes": members one by one

    def forget(self, finding_id: str) -> None:
        for member in self.groups.get(finding_id, ()):
            self.forget(member)
        self.opened.discard(finding_id)
        self.answers.pop(finding_id, None)
        self.observations.pop(finding_id, None)
        self.skipped.discard(finding_id)


def run_interview(kb: KnowledgeBase, known: Mapping[str, Observation], *, ask: Ask,
                  say: Say) -> Interview:
    """Ask until the engine is done or the person stops; `known` is what the text, the answers
    and the diary already told us (never asked again)."""
    state = Interview()
    if _emergency(kb, known):
        say(EMERGENCY_STOP)
        return state
    say(INTRO)
    again: str | None = None
    while True:
        if again is None and _emergency(kb, {**known, **state.observations}):
            say(f"\n{EMERGENCY_STOP}")  # as on the web: nothing comes before calling for help
            try:
                reply = ask("   Press Enter to see it now (or type back to change your last "
                            "answer): ").strip().lower()
            except EOFError:
                reply = ""
            if reply not in _BACK or not state.history:
                return state
            again = _go_back(state, say)
            continue
        step = (_question(kb, state, again) if again is not None
                else next_question(kb, {**known, **state.observations},
                                   state.skipped | state.opened))
        if step.done:
            say(f"\n{step.message}")
            return state
        reply = _read(kb, step, len(state.history) + 1, ask, say)
        again = None
        if reply in _DONE:
            state.stopped_early = True
            return state
        if reply in _BACK:
            again = _go_back(state, say)
            continue
        _record(kb, state, step, reply)


EMERGENCY_STOP = ("What you told us needs emergency care now, so there are no more questions: "
                  "your answer follows.")


def _emergency(kb: KnowledgeBase, observations: Mapping[str, Observation]) -> bool:
    return run_check(kb, observations).triage.level == "emergency"


def guided_check(text: str | None, answers: Mapping[str, Any],
                 diary: Mapping[str, Observation] | None, *, ask: Ask, say: Say,
                 knowledge: KnowledgeBase | None = None) -> tuple[CheckResult, Interview]:
    """The check with an interview between reading the input and reasoning over it."""
    from legcheck.api import default_knowledge, gather

    kb = knowledge or default_knowledge()
    gathered = gather(text, answers, knowledge=kb, diary=diary)
    interview = run_interview(kb, gathered.observations, ask=ask, say=say)
    result = run_check(kb, {**gathered.observations, **interview.observations},
                       messages=gathered.messages, not_counted=gathered.not_counted)
    return result, interview


def _question(kb: KnowledgeBase, state: Interview, finding_id: str) -> Question:
    if finding_id in kb.screens:
        return screen_question(kb, kb.screens[finding_id], state.groups[finding_id])
    if finding_id in kb.checklists:
        return checklist_question(kb, kb.checklists[finding_id], state.groups[finding_id])
    finding = kb.findings[finding_id]
    return question_for(finding, "warning_sign" if finding.warning_sign else "information_gain",
                        0.0)


def _go_back(state: Interview, say: Say) -> str | None:
    if not state.history:
        say("There is no previous question to go back to.")
        return None
    previous = state.history.pop()
    state.forget(previous)
    return previous


def _read(kb: KnowledgeBase, question: Question, number: int, ask: Ask, say: Say) -> str:
    """The person's reply, checked: a control word, or an answer the finding accepts."""
    say("")
    say(f"{number}. {'[warning sign] ' if question.warning_sign else ''}{question.text}")
    say(f"   Why we ask: {question.why}")
    if question.kind == "screen":
        for _, label in question.members:
            say(f"   - {label}")
    else:
        for index, (_, label) in enumerate(question.choices, start=1):
            say(f"   {index}) {label}")
    while True:
        try:
            reply = ask(f"   {_hint(question)}: ").strip()
        except EOFError:
            return "done"
        lowered = reply.lower()
        if lowered in _DONE | _BACK | _DONT_KNOW or not reply:
            return lowered
        if question.kind == "screen":
            if lowered in _SCREEN_REPLIES:
                return _SCREEN_REPLIES[lowered]
            say("   Please answer none, yes (or not sure), or ? if you don't know.")
            continue
        if question.kind == "checklist":
            try:
                parse_ticks(question, reply)
            except InputError as error:
                say(f"   {error}")
                continue
            return reply
        try:
            parse_reply(kb, question, reply)
        except InputError as error:
            say(f"   {error}")
            continue
        return reply


def _hint(question: Question) -> str:
    if question.kind == "screen":
        return ("none, or yes if any (or not sure) to go through them "
                "(? don't know, Enter skip, back, done)")
    if question.kind == "checklist":
        return ("the numbers of all that apply, separated by commas, or none "
                "(? don't know, Enter skip, back, done)")
    if question.kind == "yes_no":
        return "yes or no (? don't know, Enter skip, back, done)"
    if question.kind == "number":
        unit = f" {question.unit}" if question.unit else ""
        return (f"a number from {question.minimum:g} to {question.maximum:g}{unit} "
                f"(? don't know, Enter skip, back, done)")
    several = ", or several separated by commas" if question.multiple else ""
    return f"a number from the list{several} (? don't know, Enter skip, back, done)"


def parse_reply(kb: KnowledgeBase, question: Question, reply: str) -> Value:
    """The value of a typed reply; choices may be given by their number in the list."""
    finding = kb.findings[question.finding]
    if question.kind == "choice":
        values = [question.choices[int(item) - 1][0]
                  if item.strip().isdigit() and 1 <= int(item) <= len(question.choices)
                  else item for item in reply.split(",")]
        return coerce_value(finding, values)
    return coerce_value(finding, reply)


_NONE_OF_THESE = {"none", "no", "n", "0", "none of these", "nothing"}


def parse_ticks(question: Question, reply: str) -> list[str]:
    """The members ticked in a checklist reply: numbers from the list (or finding ids),
    separated by commas or spaces; `none` for none of them."""
    if reply.strip().lower() in _NONE_OF_THESE:
        return []
    ids = [fid for fid, _ in question.members]
    ticked: list[str] = []
    items = reply.replace(",", " ").split()
    if not items:
        raise InputError(f"give the numbers of those that apply (1 to {len(ids)}), or none")
    for item in items:
        if item.isascii() and item.isdigit() and 1 <= int(item) <= len(ids):
            ticked.append(ids[int(item) - 1])
        elif item in ids:
            ticked.append(item)
        else:
            raise InputError(f"'{item}' is not in the list: give numbers from 1 to {len(ids)}, "
                             f"or none")
    return ticked


def _record(kb: KnowledgeBase, state: Interview, question: Question, reply: str) -> None:
    finding_id = question.finding
    state.history.append(finding_id)
    if question.kind in ("screen", "checklist"):
        _record_group(state, question, reply)
        return
    if not reply:
        state.skipped.add(finding_id)
        return
    value = None if reply.lower() in _DONT_KNOW else parse_reply(kb, question, reply)
    state.answers[finding_id] = _plain(value)
    state.observations[finding_id] = Observation(finding_id, value, "answer",
                                                 f"{finding_id}={_plain(value)}")


def _record_group(state: Interview, question: Question, reply: str) -> None:
    """A screen's or a checklist's reply: skip (every member skipped), don't know, or what the
    reply means for each listed member."""
    members = tuple(fid for fid, _ in question.members)
    state.groups[question.finding] = members
    if not reply:
        state.skipped.update(members)
        return
    dont_know = reply.lower() in _DONT_KNOW
    if question.kind == "screen":
        added, opened = answer_screen(question, None if dont_know else reply)
        state.opened |= opened
    else:
        added = answer_checklist(question, None if dont_know else parse_ticks(question, reply))
    for fid, observation in added.items():
        state.observations[fid] = observation
        state.answers[fid] = _plain(observation.value)


def _plain(value: Value) -> Any:
    """An answer as the answers file holds it."""
    if value is None:
        return UNKNOWN
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return list(value) if isinstance(value, tuple) else value

"""The Python API: `check(text=..., answers=...)`, the same answer as the CLI and the REST API."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from legcheck.engine import CheckResult, Observation, parse_answers, run_check
from legcheck.knowledge import KnowledgeBase, load_knowledge

if TYPE_CHECKING:
    from legcheck.text import TextReading


@lru_cache(maxsize=1)
def default_knowledge() -> KnowledgeBase:
    """The packaged knowledge base, loaded and validated once per process."""
    return load_knowledge()


@dataclass(frozen=True)
class Gathered:
    """Everything known before the reasoning: observations by finding id, and notes about how
    the text was read."""

    observations: dict[str, Observation]
    messages: tuple[str, ...] = ()
    not_counted: tuple[str, ...] = ()


def gather(text: str | None = None, answers: Mapping[str, Any] | None = None, *,
           knowledge: KnowledgeBase | None = None, today: date | None = None,
           diary: Mapping[str, Observation] | None = None) -> Gathered:
    """The observations a check starts from (see `check`), before any interview question."""
    kb = knowledge or default_knowledge()
    given = {**(diary or {}), **parse_answers(kb, answers or {})}
    if text is None:
        return Gathered(given)
    from legcheck.text import read_text  # the NLP pipeline loads only when text is given

    reading = read_text(kb, text, today=today or date.today())
    return Gathered({**(diary or {}), **reading.observations, **parse_answers(kb, answers or {})},
                    reading_messages(reading), reading.ignored)


def check(text: str | None = None, answers: Mapping[str, Any] | None = None, *,
          knowledge: KnowledgeBase | None = None, today: date | None = None,
          diary: Mapping[str, Observation] | None = None) -> CheckResult:
    """Check a person's leg jerks from their own words, structured answers, or both.

    Findings read from `text` have source "text" and the words they came from; an answer given in
    `answers` (finding id -> value) wins over what was read from the text. `today` dates relative
    phrases such as "since March" (default: the current date). `diary` holds findings from the
    person's diary (source "diary"); text and answers win over them."""
    kb = knowledge or default_knowledge()
    gathered = gather(text, answers, knowledge=kb, today=today, diary=diary)
    return run_check(kb, gathered.observations, messages=gathered.messages,
                     not_counted=gathered.not_counted)


def reading_messages(reading: TextReading) -> tuple[str, ...]:
    messages = []
    if not reading.mentions_movement:
        messages.append(NOTHING_ABOUT_MOVEMENTS)
    if reading.about_someone_else:
        messages.append("We read this as a description of someone else, so the answer is about "
                        "them, not about you.")
    return tuple(messages)


NOTHING_ABOUT_MOVEMENTS = (
    "We found no description of leg movements in what you wrote. Tell us what the movement is "
    "like (a flicker under the skin, a sudden jerk, a painful cramp, an urge to move), when it "
    "happens and how long it has been going on.")

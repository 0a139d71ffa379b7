"""The Python API: `check(text=..., answers=...)`, the same answer as the CLI and the REST API."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from legcheck.engine import CheckResult, parse_answers, run_check
from legcheck.errors import InputError
from legcheck.knowledge import KnowledgeBase, load_knowledge


@lru_cache(maxsize=1)
def default_knowledge() -> KnowledgeBase:
    """The packaged knowledge base, loaded and validated once per process."""
    return load_knowledge()


def check(text: str | None = None, answers: Mapping[str, Any] | None = None, *,
          knowledge: KnowledgeBase | None = None) -> CheckResult:
    """Check a person's leg jerks from structured answers (finding id -> value).

    `text` is reserved for free-text descriptions; reading them is not built yet, so passing it
    raises InputError rather than pretending to understand it.
    """
    kb = knowledge or default_knowledge()
    if text is not None and text.strip():
        raise InputError("reading a free-text description is not available yet; "
                         "give answers instead (`legcheck findings` lists them)")
    return run_check(kb, parse_answers(kb, answers or {}))

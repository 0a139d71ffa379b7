"""Shared fixtures: the packaged knowledge base, a small-base builder, the CLI runner."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from typer.testing import CliRunner

from legcheck.api import default_knowledge
from legcheck.knowledge import KnowledgeBase, schema

LEVEL_TEXT = [{"level": level, "label": level, "headline": f"{level} headline",
               "action": f"do {level}", "advice": f"{level} advice", "sources": ["src"]}
              for level in ("self_care", "routine", "urgent", "emergency")]


def build_kb(*, findings: list[dict[str, Any]], conditions: list[dict[str, Any]] = (),
             red_flags: list[dict[str, Any]] = (), factors: list[dict[str, Any]] = (),
             pattern: list[dict[str, Any]] = (), advice: list[dict[str, Any]] = ()
             ) -> KnowledgeBase:
    """A small knowledge base from plain dicts, validated by the same schema as the real one."""
    def boolean(item: dict[str, Any]) -> dict[str, Any]:
        return {"label": item["id"], "question": f"{item['id']}?", "why": "test", "group": "test",
                "type": "boolean", **item}

    return KnowledgeBase.build(
        manifest=schema.Manifest(version="test", title="test", disclaimer="Not a diagnosis."),
        version="test",
        sources=[schema.Source(id="src", title="Test source", url="https://example.org/")],
        findings=[schema.Finding.model_validate(boolean(f)) for f in findings],
        advice=[schema.Advice.model_validate(a) for a in advice],
        factors=[schema.Factor.model_validate(f) for f in factors],
        red_flags=[schema.RedFlag.model_validate(r) for r in red_flags],
        pattern=[schema.PatternRow.model_validate(p) for p in pattern],
        levels=[schema.LevelText.model_validate(level) for level in LEVEL_TEXT],
        conditions=[schema.Condition.model_validate(
            {"name": c["id"], "summary": "test", "prior_basis": "test",
             "triage_level": "self_care", "likely_threshold": 0.5, "codes": {},
             "sources": ["src"], **c}) for c in conditions],
    )


@pytest.fixture(autouse=True)
def _no_personal_diary(tmp_path_factory: pytest.TempPathFactory,
                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never read or write the person's own diary: the data folder is a fresh temporary
    one (platformdirs follows XDG_DATA_HOME), and no database URL is inherited."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("data")))
    monkeypatch.delenv("LEGCHECK_DATABASE_URL", raising=False)


@pytest.fixture
def make_kb() -> Callable[..., KnowledgeBase]:
    return build_kb


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return default_knowledge()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


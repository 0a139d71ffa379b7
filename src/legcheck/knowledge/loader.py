"""Read the knowledge files shipped in the package, validate each entry, and build the base.

Every problem is reported with its file and field (`conditions/restless_legs.yaml: restless_legs:
evidence.2.present: Input should be greater than 0`), all at once, so a reviewer can fix a file in
one pass.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from legcheck.errors import KnowledgeError
from legcheck.knowledge import schema
from legcheck.knowledge.base import KnowledgeBase
from legcheck.knowledge.validate import cross_reference_problems

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
Model = TypeVar("Model", bound=BaseModel)

LIST_FILES: dict[str, type[BaseModel]] = {
    "sources.yaml": schema.Source,
    "findings.yaml": schema.Finding,
    "advice.yaml": schema.Advice,
    "factors.yaml": schema.Factor,
    "red_flags.yaml": schema.RedFlag,
    "pattern.yaml": schema.PatternRow,
    "triage.yaml": schema.LevelText,
    "phrases.yaml": schema.Phrases,
    "medicines.yaml": schema.Medicine,
    "screens.yaml": schema.Screen,
    "checklists.yaml": schema.Checklist,
}


@dataclass
class _Reader:
    """Collects entries and problems while the files are read."""

    problems: list[str]
    digest: Any

    def parse(self, name: str, text: str) -> Any:
        self.digest.update(name.encode() + b"\0" + text.encode() + b"\0")
        try:
            return yaml.load(text, Loader=_Loader)
        except yaml.YAMLError as error:
            self.problems.append(f"{name}: not valid YAML: {_one_line(error)}")
            return None

    def entries(self, name: str, data: Any, model: type[Model]) -> list[Model]:
        if not isinstance(data, list):
            self.problems.append(f"{name}: expected a list of entries")
            return []
        return [entry for index, item in enumerate(data)
                if (entry := self.entry(name, item, model, f"{index}")) is not None]

    def entry(self, name: str, item: Any, model: type[Model], where: str) -> Model | None:
        try:
            return model.model_validate(item)
        except ValidationError as error:
            label = item.get("id", where) if isinstance(item, dict) else where
            for detail in error.errors():
                field = ".".join(str(part) for part in detail["loc"]) or "(entry)"
                self.problems.append(f"{name}: {label}: {field}: {detail['msg']}")
            return None


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split())


def load_knowledge(root: Traversable | None = None) -> KnowledgeBase:
    """Load and validate the knowledge base (the packaged one unless `root` is given)."""
    kb, problems = read_knowledge(root)
    if problems or kb is None:
        raise KnowledgeError(problems or ["knowledge base could not be read"])
    return kb


def read_knowledge(root: Traversable | None = None) -> tuple[KnowledgeBase | None, list[str]]:
    """Load the knowledge base and return it with every problem found (file and field)."""
    root = root or resources.files("legcheck.knowledge") / "data"
    reader = _Reader(problems=[], digest=hashlib.sha256())
    lists: dict[str, list[Any]] = {}
    for name, model in LIST_FILES.items():
        lists[name] = reader.entries(name, reader.parse(name, _read(root, name, reader)), model)
    manifest = reader.entry("knowledge.yaml",
                            reader.parse("knowledge.yaml", _read(root, "knowledge.yaml", reader)),
                            schema.Manifest, "manifest")
    conditions = list(_conditions(root / "conditions", reader))
    if manifest is None:
        return None, reader.problems
    kb = KnowledgeBase.build(
        manifest=manifest,
        version=f"{manifest.version}+{reader.digest.hexdigest()[:10]}",
        sources=lists["sources.yaml"], findings=lists["findings.yaml"],
        advice=lists["advice.yaml"], factors=lists["factors.yaml"],
        red_flags=lists["red_flags.yaml"], pattern=lists["pattern.yaml"],
        levels=lists["triage.yaml"], conditions=conditions,
        phrases=lists["phrases.yaml"], medicines=lists["medicines.yaml"],
        screens=lists["screens.yaml"], checklists=lists["checklists.yaml"],
    )
    problems = reader.problems + kb.duplicate_problems + cross_reference_problems(kb)
    return kb, problems


def _read(root: Traversable, name: str, reader: _Reader) -> str:
    try:
        return (root / name).read_text(encoding="utf-8")
    except OSError as error:
        reader.problems.append(f"{name}: cannot be read: {_one_line(error)}")
        return "[]"


def _conditions(folder: Traversable, reader: _Reader) -> Iterable[schema.Condition]:
    names = sorted(item.name for item in folder.iterdir() if item.name.endswith(".yaml"))
    for name in names:
        label = f"conditions/{name}"
        data = reader.parse(label, (folder / name).read_text(encoding="utf-8"))
        condition = reader.entry(label, data, schema.Condition, "condition")
        if condition is None:
            continue
        if condition.id != name.removesuffix(".yaml"):
            reader.problems.append(f"{label}: id: '{condition.id}' does not match the file name")
        yield condition

"""The README's examples run as written, so the docs cannot drift from the program."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
import yaml

from legcheck import check
from legcheck.cli import app

README = (Path(__file__).resolve().parent.parent / "README.md").read_text()
COMMANDS = re.findall(r"^\$ legcheck (.+)$", README, flags=re.MULTILINE)


def test_readme_has_examples() -> None:
    assert len(COMMANDS) >= 6


@pytest.mark.parametrize("command", COMMANDS)
def test_readme_command_runs(runner, command: str, monkeypatch) -> None:
    monkeypatch.chdir(Path(__file__).resolve().parent.parent)
    result = runner.invoke(app, shlex.split(command))
    assert result.exit_code == 0, result.output


def test_readme_answers_example_is_valid() -> None:
    block = re.search(r"```yaml\n(.*?)```", README, flags=re.DOTALL)
    assert block is not None
    result = check(answers=yaml.safe_load(block.group(1)))
    assert result.conditions[0].id == "restless_legs"


def test_readme_python_example_runs() -> None:
    block = re.search(r"```python\n(.*?)```", README, flags=re.DOTALL)
    assert block is not None
    exec(compile(block.group(1), "README.md", "exec"), {})


def test_makefile_targets_named_in_readme_exist() -> None:
    makefile = (Path(__file__).resolve().parent.parent / "Makefile").read_text()
    for target in re.findall(r"^make (\w+)", README, flags=re.MULTILINE):
        assert re.search(rf"^{target}:", makefile, flags=re.MULTILINE), target

"""docs/cli.md holds every command's --help; this test fails when the two drift apart.

Regenerate with: python tests/test_docs.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from typer.testing import CliRunner

from legcheck.cli import app

DOC = Path(__file__).resolve().parent.parent / "docs" / "cli.md"
COMMANDS = [[], ["check"], ["findings"], ["conditions"], ["knowledge", "check"], ["log"],
            ["day"], ["diary"], ["diary", "edit"], ["diary", "delete"], ["export"], ["import"],
            ["stats"], ["report"], ["serve"]]


def render_cli_docs() -> str:
    runner = CliRunner()
    parts = ["# Command line reference", "",
             "Generated from each command's `--help` (`python tests/test_docs.py`); a test keeps "
             "it current.", ""]
    for command in COMMANDS:
        result = runner.invoke(app, [*command, "--help"], prog_name="legcheck",
                               env={"NO_COLOR": "1", "TERM": "dumb", "COLUMNS": "80"},
                               terminal_width=80)
        assert result.exit_code == 0, result.output
        body = "\n".join(line.rstrip() for line in result.output.strip("\n").splitlines())
        parts += [f"## legcheck {' '.join(command)}".rstrip(), "", "```", body, "```", ""]
    return "\n".join(parts)


def test_cli_docs_are_current() -> None:
    assert DOC.read_text() == render_cli_docs(), "docs/cli.md is stale: python tests/test_docs.py"


if __name__ == "__main__":
    DOC.write_text(render_cli_docs())
    sys.exit(0)

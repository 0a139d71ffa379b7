"""The `legcheck report` command: parse, call report.gather.make_report, write the file."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from legcheck.cli_diary import DB, fail, open_store
from legcheck.errors import InputError, LegcheckError


def report(
    out: Annotated[Path, typer.Option(help="Write the report to this file.")],
    output_format: Annotated[str, typer.Option(
        "--format", help="pdf (default) or html.")] = "pdf",
    since: Annotated[str | None, typer.Option(
        help="First day covered, YYYY-MM-DD (default: 89 days before --until).")] = None,
    until: Annotated[str | None, typer.Option(
        help="Last day covered, YYYY-MM-DD (default: today).")] = None,
    name: Annotated[str | None, typer.Option(
        help="A name or initials to print on the report (default: none).")] = None,
    db: DB = None,
) -> None:
    """Write the doctor's report: latest check, warning signs, diary charts and statistics,
    changes between checks, questions to ask, sources. Not a diagnosis."""
    from legcheck.api import default_knowledge
    from legcheck.report.gather import make_report

    try:
        if output_format not in ("pdf", "html"):
            raise InputError("--format takes pdf or html")
        if name is not None and not name.strip():
            raise InputError("--name is empty; leave it out to print no name")
        store = open_store(db)
        data = make_report(store, since=_day(since, "--since"), until=_day(until, "--until"),
                           name=name.strip() if name else None,
                           output_format=output_format,  # type: ignore[arg-type]
                           knowledge=default_knowledge())
        out.write_bytes(data)
    except LegcheckError as error:
        fail(str(error))
    except OSError as error:
        fail(f"cannot write {out}: {error.strerror or error}")
    typer.echo(f"Report written to {out}.")


def _day(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(f"{option} takes a date like 2026-11-20, not '{text}'") from None


def register(app: typer.Typer) -> None:
    app.command()(report)

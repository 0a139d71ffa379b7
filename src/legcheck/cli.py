"""The command line: each command parses, calls one core function, and presents the result."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
import yaml
from rich.console import Console

from legcheck.cli_diary import fail
from legcheck.cli_diary import register as register_diary
from legcheck.cli_report import register as register_report
from legcheck.errors import InputError, KnowledgeError, LegcheckError

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Are my leg jerks normal? A private, explained check. Not a diagnosis.")
knowledge_app = typer.Typer(no_args_is_help=True, help="Inspect the knowledge base.")
app.add_typer(knowledge_app, name="knowledge")


class AnswerFormat(StrEnum):
    terminal = "terminal"
    markdown = "markdown"
    json = "json"


class ListFormat(StrEnum):
    table = "table"
    json = "json"


def read_answers_file(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot read answers file {path}: "
                         f"{getattr(error, 'strerror', None) or error}") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        where = getattr(error, "problem_mark", None)
        line = f" (line {where.line + 1})" if where else ""
        raise InputError(f"answers file {path} is not valid YAML or JSON{line}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputError(f"answers file {path} must hold a mapping of finding id to value")
    return data


def read_stdin() -> str:
    data = sys.stdin.buffer.read()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError("standard input is not UTF-8 text") from None


def parse_settings(settings: list[str]) -> dict[str, str]:
    answers = {}
    for setting in settings:
        key, equals, value = setting.partition("=")
        if not equals or not key.strip():
            raise InputError(f"--set takes FINDING=VALUE, not '{setting}'")
        answers[key.strip()] = value.strip()
    return answers


@app.command()
def check(
    text: Annotated[str | None, typer.Argument(
        help="Your description in your own words; '-' reads it from standard input.")] = None,
    answers: Annotated[Path | None, typer.Option(
        "--answers", "-a", help="A YAML or JSON file mapping finding id to value.")] = None,
    settings: Annotated[list[str] | None, typer.Option(
        "--set", "-s",
        help="One answer as FINDING=VALUE (repeatable); wins over --answers.")] = None,
    output: Annotated[AnswerFormat, typer.Option(
        "--format", "-f", help="terminal (default), markdown or json.")] = AnswerFormat.terminal,
    diary: Annotated[bool | None, typer.Option(
        "--diary/--no-diary",
        help="Use your diary's findings (default: when a diary exists).")] = None,
    db: Annotated[str | None, typer.Option("--db", help="Diary database URL.")] = None,
    no_input: Annotated[bool, typer.Option(
        "--no-input", help="Never ask questions (without a terminal, none are asked anyway).")
    ] = False,
    save: Annotated[bool, typer.Option(
        "--save", help="Save this check (your answers and the result) in your diary.")] = False,
) -> None:
    """Check your leg jerks: triage level, likely explanations, and what to do.

    In a terminal it asks the questions that matter, warning signs first, one at a time."""
    from legcheck.api import check as run_check

    try:
        interactive = not no_input and text != "-" and sys.stdin.isatty() and sys.stdout.isatty()
        if text == "-":
            text = read_stdin()
        given = read_answers_file(answers) if answers else {}
        given.update(parse_settings(settings or []))
        from legcheck.cli_diary import diary_observations, save_check

        found = diary_observations(db, diary)
        if interactive:
            from legcheck.cli_interview import guided_check

            result, interview = guided_check(text, given, found, ask=input, say=typer.echo)
            given = {**given, **interview.answers}
        else:
            result = run_check(text=text, answers=given, diary=found)
        if save:
            saved = save_check(db, text=text, answers=given, result=result.to_dict())
            typer.echo(f"Saved this check in your diary as c{saved}.", err=True)
    except LegcheckError as error:
        fail(str(error))
    if output is AnswerFormat.json:
        typer.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
    elif output is AnswerFormat.markdown:
        from legcheck.report import render_markdown

        typer.echo(render_markdown(result), nl=False)
    else:
        from legcheck.report import render_terminal

        render_terminal(result, Console())


@app.command()
def findings(
    output: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.table,
) -> None:
    """List every finding: id, the question we ask, its type and allowed values."""
    from legcheck.listing import finding_rows

    _list(finding_rows(_knowledge()), ("id", "question", "type", "values"), output)


@app.command()
def conditions(
    output: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.table,
) -> None:
    """List the conditions with their triage level and sources."""
    from legcheck.listing import condition_rows

    _list(condition_rows(_knowledge()), ("id", "name", "triage_level", "sources"), output)


@knowledge_app.command("check")
def knowledge_check() -> None:
    """Validate the knowledge base and print every problem with its file and field."""
    from legcheck.knowledge import read_knowledge

    kb, problems = read_knowledge()
    for problem in problems:
        typer.echo(problem)
    if problems or kb is None:
        typer.echo(f"{len(problems)} problem(s) found.", err=True)
        raise typer.Exit(1)
    typer.echo(f"Knowledge base {kb.version} is valid: {len(kb.findings)} findings, "
               f"{len(kb.conditions)} conditions, {len(kb.red_flags)} warning-sign rules, "
               f"{len(kb.factors)} factors, {len(kb.sources)} sources.")


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="The address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="The port to listen on.")] = 8000,
    db: Annotated[str | None, typer.Option("--db", help="Diary database URL.")] = None,
    workers: Annotated[int, typer.Option(
        min=1, help="Server processes (more than 1 needs a database all of them can reach, "
                    "such as PostgreSQL).")] = 1,
    forwarded_allow_ips: Annotated[str, typer.Option(
        help="Addresses of the proxies whose X-Forwarded-For is trusted (a load balancer).")
    ] = "127.0.0.1",
) -> None:
    """Start the web app and REST API on http://HOST:PORT (Ctrl+C stops it)."""
    import os

    import uvicorn

    from legcheck.settings import Settings
    from legcheck.web import create_app

    if db is not None and workers > 1:
        os.environ["LEGCHECK_DATABASE_URL"] = db  # the worker processes read the same settings
    try:
        application = create_app(Settings() if db is None else Settings(database_url=db))
    except LegcheckError as error:
        fail(str(error))
    typer.echo(f"legcheck is serving on http://{host}:{port} (API docs: /api/v1/docs)", err=True)
    target = "legcheck.web.app:app_from_environment" if workers > 1 else application
    uvicorn.run(target, host=host, port=port, workers=workers, factory=workers > 1,
                proxy_headers=True, forwarded_allow_ips=forwarded_allow_ips, log_level="warning")


def _knowledge():
    from legcheck.api import default_knowledge

    try:
        return default_knowledge()
    except KnowledgeError as error:
        fail(str(error))


def _list(rows: list[dict[str, str]], columns: tuple[str, ...], output: ListFormat) -> None:
    if output is ListFormat.json:
        typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    from rich.table import Table

    table = Table(*columns, show_lines=True)
    for row in rows:
        table.add_row(*(row[column] for column in columns))
    Console().print(table)


def main() -> None:
    """Entry point of the `legcheck` console script."""
    app()


register_diary(app)
register_report(app)

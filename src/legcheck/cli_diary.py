"""Diary commands: log, day, diary (list, edit, delete), export, import. Each parses, calls the
store, and presents."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.table import Table

from legcheck.errors import InputError, LegcheckError

DB = Annotated[str | None, typer.Option("--db", help="Database URL (default: LEGCHECK_DATABASE_URL "
                                                     "or SQLite in your data folder).")]
MAX_DAYS = 50_000  # back past 1900, the earliest day a diary entry may have
CAFFEINE_MG_PER_CUP = 95  # a cup of brewed coffee, roughly (FDA: 400 mg is about 4-5 cups)

diary_app = typer.Typer(invoke_without_command=True, no_args_is_help=False,
                        help="List recent diary entries; edit or delete one by id.")


def fail(message: str) -> NoReturn:
    """One clear line on stderr and exit code 2: how every bad input ends."""
    typer.echo(f"legcheck: error: {message}", err=True)
    raise typer.Exit(2)


def open_store(db: str | None) -> Any:
    from legcheck.diary.database import connect
    from legcheck.diary.store import DiaryStore
    from legcheck.diary.when import local_zone_name
    from legcheck.settings import Settings

    settings = Settings() if db is None else Settings(database_url=db)
    return DiaryStore(connect(settings.database_url), profile=settings.profile,
                      timezone_name=settings.timezone or local_zone_name())


def save_check(db: str | None, *, text: str | None, answers: dict[str, Any],
               result: dict[str, Any]) -> int:
    """Keep a check (its input and result) in the diary database; returns its id."""
    store = open_store(db)
    return store.add_check(taken_at=now_in(store), text=text, answers=answers, result=result)


def diary_observations(db: str | None, wanted: bool | None) -> dict[str, Any] | None:
    """The diary's findings for a check: always with --diary, never with --no-diary, and by
    default only when a diary exists (a database URL is set, or the local file is there), so a
    check from answers alone opens no database."""
    import os

    if wanted is False or (wanted is None and not _diary_exists(db or os.environ.get(
            "LEGCHECK_DATABASE_URL"))):
        return None
    from legcheck.api import default_knowledge
    from legcheck.diary.findings import diary_findings
    from legcheck.diary.stats import analyse_store

    store = open_store(db)
    today = now_in(store).date()
    days = store.days()
    return diary_findings(default_knowledge(),
                          analyse_store(store, today=today, days=days), days, today=today)


def _diary_exists(url: str | None) -> bool:
    if url:
        return True
    from legcheck.paths import default_database_path

    return default_database_path().exists()


def now_in(store: Any) -> datetime:
    from legcheck.diary.when import zone

    return datetime.now(zone(store.timezone))


def log(
    kind: Annotated[str, typer.Argument(help="twitch, jerk, cramp or urge")],
    where: Annotated[str | None, typer.Option(help="Where, e.g. left-calf, both-thighs.")] = None,
    intensity: Annotated[int | None, typer.Option(help="0 (barely) to 10 (worst).")] = None,
    during: Annotated[str | None, typer.Option(
        help="rest, falling-asleep, sleep, exercise or activity.")] = None,
    duration: Annotated[float | None, typer.Option(help="How long, in seconds.")] = None,
    at: Annotated[str, typer.Option(help="When: now, 'yesterday 22:30', '2 hours ago'.")] = "now",
    note: Annotated[str | None, typer.Option(help="A note.")] = None,
    db: DB = None,
) -> None:
    """Log an episode (defaults to now)."""
    from legcheck.diary.entries import EpisodeIn, checked
    from legcheck.diary.when import parse_when

    try:
        store = open_store(db)
        entry = checked(EpisodeIn, {"kind": kind, "where": where, "intensity": intensity,
                                    "during": during, "duration_seconds": duration, "note": note,
                                    "at": parse_when(at, now=now_in(store))})
        episode_id = store.add_episode(entry)
    except LegcheckError as error:
        fail(str(error))
    typer.echo(f"Logged e{episode_id}: {kind} at {entry.at:%Y-%m-%d %H:%M}.")


def day(
    date_: Annotated[str, typer.Option("--date", help="today, yesterday or 2026-11-20.")] = "today",
    caffeine: Annotated[float | None, typer.Option(help="Caffeinated drinks (cups).")] = None,
    caffeine_mg: Annotated[float | None, typer.Option(help="Or caffeine in mg.")] = None,
    alcohol: Annotated[float | None, typer.Option(help="Alcohol units.")] = None,
    sleep: Annotated[float | None, typer.Option(help="Hours slept last night.")] = None,
    stress: Annotated[int | None, typer.Option(help="Stress, 0 to 10.")] = None,
    exercise: Annotated[float | None, typer.Option(help="Exercise, minutes.")] = None,
    fluids: Annotated[float | None, typer.Option(help="Fluids, litres.")] = None,
    medicine: Annotated[list[str] | None, typer.Option(help="A medicine taken (repeat).")] = None,
    symptom: Annotated[list[str] | None, typer.Option(
        help="Another symptom, as a finding id (repeat); `legcheck findings` lists them.")] = None,
    note: Annotated[str | None, typer.Option(help="A note.")] = None,
    db: DB = None,
) -> None:
    """Log the day's context: drinks, sleep, stress, exercise, fluids, medicines, symptoms."""
    from legcheck.diary.entries import DayIn, checked
    from legcheck.diary.when import parse_day

    try:
        if caffeine is not None and caffeine_mg is not None:
            raise InputError("give caffeine in cups or in mg, not both")
        cups = caffeine if caffeine_mg is None else round(caffeine_mg / CAFFEINE_MG_PER_CUP, 2)
        symptoms = tuple(_symptom(s) for s in symptom or ())
        store = open_store(db)
        entry = checked(DayIn, {"day": parse_day(date_, today=now_in(store).date()),
                                "caffeine_cups": cups, "alcohol_units": alcohol,
                                "sleep_hours": sleep, "stress": stress,
                                "exercise_minutes": exercise, "fluids_litres": fluids,
                                "medicines": tuple(medicine or ()), "symptoms": symptoms,
                                "note": note})
        day_id = store.add_day(entry)
    except LegcheckError as error:
        fail(str(error))
    typer.echo(f"Logged d{day_id}: {entry.day:%Y-%m-%d}.")


def _symptom(raw: str) -> str:
    from legcheck.api import default_knowledge
    from legcheck.diary.findings import symptom_finding

    return symptom_finding(default_knowledge(), raw)


@diary_app.callback()
def diary(ctx: typer.Context, days: Annotated[int, typer.Option(
        help="How many days back to list.")] = 14, db: DB = None) -> None:
    """List recent entries (episodes e1, e2..., day entries d1, d2..., saved checks c1, c2...)."""
    if ctx.invoked_subcommand is not None:
        return
    try:
        if not 1 <= days <= MAX_DAYS:
            raise InputError(f"--days takes a whole number from 1 to {MAX_DAYS}")
        store = open_store(db)
        since = now_in(store) - timedelta(days=days)
        episodes = store.episodes(since=since, newest_first=True)
        day_rows = store.days(since=since.date())
        saved_checks = store.checks(since=since)
    except LegcheckError as error:
        fail(str(error))
    table = Table("id", "when", "what", "details", title=f"Diary, last {days} days")
    for episode in episodes:
        details = ", ".join(f"{k} {v}" for k, v in (("where", episode.where),
                                                    ("intensity", episode.intensity),
                                                    ("during", episode.during)) if v is not None)
        table.add_row(f"e{episode.id}", f"{episode.at:%Y-%m-%d %H:%M}", episode.kind, details)
    for row in reversed(day_rows):
        table.add_row(f"d{row.id}", f"{row.day:%Y-%m-%d}", "day", _day_details(row))
    for saved in reversed(saved_checks):
        table.add_row(f"c{saved.id}", f"{saved.taken_at:%Y-%m-%d %H:%M}", "check",
                      _check_details(saved.result))
    Console().print(table if episodes or day_rows or saved_checks
                    else "No entries in that period.")


def _check_details(result: dict[str, Any]) -> str:
    from legcheck.diary.check_result import readable

    if not readable(result):  # one stored before imports were checked may not be
        return "its result could not be read"
    top = [c["id"] for c in result["conditions"][:3]]
    return f"triage {result['triage']['level']}; most likely: {', '.join(top) or 'none'}"


def _day_details(row: Any) -> str:
    parts = [f"{name} {value:g}" for name, value in (
        ("caffeine", row.caffeine_cups), ("alcohol", row.alcohol_units), ("sleep", row.sleep_hours),
        ("stress", row.stress), ("exercise", row.exercise_minutes), ("fluids", row.fluids_litres))
        if value is not None]
    parts += [f"medicine {m}" for m in row.medicines] + [f"symptom {s}" for s in row.symptoms]
    return ", ".join(parts)


@diary_app.command("edit")
def edit(
    entry_id: Annotated[str, typer.Argument(help="An episode id such as e12.")],
    kind: Annotated[str | None, typer.Option()] = None,
    where: Annotated[str | None, typer.Option()] = None,
    intensity: Annotated[int | None, typer.Option()] = None,
    during: Annotated[str | None, typer.Option()] = None,
    at: Annotated[str | None, typer.Option()] = None,
    note: Annotated[str | None, typer.Option()] = None,
    db: DB = None,
) -> None:
    """Change an episode; what you leave out stays as it was."""
    from legcheck.diary.when import parse_when

    try:
        store = open_store(db)
        changes = {k: v for k, v in (("kind", kind), ("where", where), ("intensity", intensity),
                                     ("during", during), ("note", note)) if v is not None}
        if at is not None:
            changes["at"] = parse_when(at, now=now_in(store))
        if not changes:
            raise InputError("nothing to change; give at least one option")
        store.update_episode(episode_id=_number(entry_id, "e"), changes=changes)
    except LegcheckError as error:
        fail(str(error))
    typer.echo(f"Changed {entry_id}.")


@diary_app.command("delete")
def delete(entry_id: Annotated[str, typer.Argument(
        help="e12 (an episode), d3 (a day) or c2 (a saved check).")],
           db: DB = None) -> None:
    """Delete an entry by id."""
    try:
        store = open_store(db)
        if entry_id.lower().startswith("d"):
            store.delete_day(day_id=_number(entry_id, "d"))
        elif entry_id.lower().startswith("c"):
            store.delete_check(check_id=_number(entry_id, "c"))
        else:
            store.delete_episode(episode_id=_number(entry_id, "e"))
    except LegcheckError as error:
        fail(str(error))
    typer.echo(f"Deleted {entry_id}.")


def _number(entry_id: str, prefix: str) -> int:
    raw = entry_id.lower().removeprefix(prefix)
    if not raw.isdigit():
        raise InputError(f"'{entry_id}' is not an entry id like {prefix}12")
    return int(raw)


def export(
    output_format: Annotated[str, typer.Option(
        "--format", help="json, csv or fhir (a FHIR R4 Bundle).")] = "json",
    out: Annotated[Path | None, typer.Option(help="Write to this file (default: stdout).")] = None,
    db: DB = None,
) -> None:
    """Export the whole diary (lossless: `legcheck import` reads it back)."""
    from legcheck.diary.transfer import export_csv, export_json

    try:
        if output_format not in ("json", "csv", "fhir"):
            raise InputError("--format takes json, csv or fhir")
        store = open_store(db)
        text = (export_json(store) if output_format == "json" else
                export_csv(store) if output_format == "csv" else _fhir_text(store))
    except LegcheckError as error:
        fail(str(error))
    if out is None:
        typer.echo(text, nl=False)
    else:
        out.write_text(text, encoding="utf-8")


def _fhir_text(store: Any) -> str:
    from legcheck.api import default_knowledge
    from legcheck.diary.transfer import export_document
    from legcheck.report.fhir import bundle, dumps

    return dumps(bundle(export_document(store), default_knowledge()))


def import_(file: Annotated[Path, typer.Argument(help="A JSON, CSV or FHIR export.")],
            db: DB = None) -> None:
    """Import a diary export; all or nothing (entries get new ids; a file already imported is
    refused)."""
    from legcheck.diary.transfer import import_document, read_export

    try:
        try:
            text = file.read_text(encoding="utf-8-sig")  # a byte order mark is fine
        except (OSError, UnicodeDecodeError) as error:
            raise InputError(f"cannot read {file}: {getattr(error, 'strerror', None) or error}") \
                from None
        document = read_export(text)
        episodes, days = import_document(open_store(db), document)
    except LegcheckError as error:
        fail(str(error))
    typer.echo(f"Imported {episodes} episodes and {days} day entries.")


def stats(
    output_format: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
    plot: Annotated[Path | None, typer.Option(help="Also draw the chart into this PNG.")] = None,
    db: DB = None,
) -> None:
    """How often, whether it is becoming more frequent, what goes with more episodes, when."""
    import json

    from legcheck.diary.stats import analyse_store
    from legcheck.diary.stats import plot as draw

    try:
        if output_format not in ("text", "json"):
            raise InputError("--format takes text or json")
        store = open_store(db)
        analysis = analyse_store(store, today=now_in(store).date())
        if plot is not None:
            draw(analysis, plot)
    except (LegcheckError, OSError) as error:
        fail(str(error))
    if output_format == "json":
        typer.echo(json.dumps(analysis.to_dict(), indent=2))
        return
    for sentence in analysis.summary:
        typer.echo(f"- {sentence}")
    if plot is not None:
        typer.echo(f"Chart written to {plot}.")


def register(app: typer.Typer) -> None:
    app.command()(log)
    app.command()(stats)
    app.command()(day)
    app.add_typer(diary_app, name="diary")
    app.command()(export)
    app.command("import")(import_)

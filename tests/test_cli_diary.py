"""Diary commands through the CLI: log, day, diary, edit, delete, export, import; bad input is one
line and exit 2, and changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from legcheck.cli import app


@pytest.fixture
def db(tmp_path: Path) -> list[str]:
    return ["--db", f"sqlite:///{tmp_path / 'diary.sqlite3'}"]


def run(runner, *args: str):
    return runner.invoke(app, list(args))


def exported(runner, db: list[str]) -> dict:
    result = run(runner, "export", "--format", "json", *db)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_log_list_edit_delete(runner, db: list[str]) -> None:
    assert run(runner, "log", "twitch", "--where", "left-calf", "--intensity", "3", "--during",
               "rest", *db).stdout.startswith("Logged e1")
    assert run(runner, "log", "jerk", "--at", "yesterday 22:30", "--during", "falling-asleep",
               *db).exit_code == 0
    listing = run(runner, "diary", *db).stdout
    assert "e1" in listing and "left-calf" in listing and "falling-asleep" in listing
    assert run(runner, "diary", "edit", "e1", "--intensity", "5", *db).exit_code == 0
    assert run(runner, "diary", "delete", "e2", *db).exit_code == 0
    (only,) = exported(runner, db)["episodes"]
    assert (only["kind"], only["intensity"]) == ("twitch", 5)


def test_saved_checks_are_listed_and_deleted(runner, db: list[str]) -> None:
    from datetime import UTC, datetime

    from legcheck import check
    from legcheck.cli_diary import open_store

    result = check(answers={"face_drooping": "yes"}).to_dict()
    open_store(db[1]).add_check(taken_at=datetime.now(UTC), text=None,
                                answers={"face_drooping": "yes"}, result=result)
    listing = run(runner, "diary", *db).stdout
    assert "c1" in listing and "triage emergency" in listing
    assert run(runner, "diary", "delete", "c1", *db).exit_code == 0
    assert exported(runner, db)["checks"] == []
    gone = run(runner, "diary", "delete", "c1", *db)
    assert gone.exit_code == 2 and "no check c1" in gone.stderr


def test_a_check_with_an_odd_result_is_listed_and_deleted(runner, db: list[str],
                                                          tmp_path: Path) -> None:
    """A check imported before results were checked may hold any object as its result."""
    from datetime import UTC, datetime

    from sqlalchemy.orm import Session

    from legcheck.cli_diary import open_store
    from legcheck.diary.models import Check

    store = open_store(db[1])
    with Session(store.engine) as session, session.begin():
        for result in ({"triage": "urgent"}, {"conditions": [5]}):
            session.add(Check(profile_id=store.profile_id, taken_at=datetime.now(UTC),
                              timezone="UTC", knowledge_version="x", answers={}, result=result))
    listing = run(runner, "diary", *db)
    assert listing.exit_code == 0 and listing.stdout.count("could not be read") == 2
    report = run(runner, "report", "--format", "html", "--out", str(tmp_path / "r.html"), *db)
    assert report.exit_code == 0, report.output
    assert "2 saved checks in this period could not be read" in (tmp_path / "r.html").read_text()
    assert run(runner, "diary", "delete", "c1", *db).exit_code == 0
    assert len(exported(runner, db)["checks"]) == 1


def test_day_context(runner, db: list[str]) -> None:
    result = run(runner, "day", "--caffeine-mg", "380", "--alcohol", "2", "--sleep", "5.5",
                 "--stress", "7", "--exercise", "60", "--fluids", "1.5", "--symptom",
                 "numbness_tingling", "--medicine", "sertraline", *db)
    assert result.exit_code == 0, result.output
    (day,) = exported(runner, db)["days"]
    assert day["caffeine_cups"] == 4 and day["symptoms"] == ["numbness_tingling"]


@pytest.mark.parametrize(("args", "message"), [
    (["log", "twitch", "--intensity", "11"], "intensity"),
    (["log", "sneeze"], "kind"),
    (["log", "twitch", "--at", "2099-01-01 10:00"], "in the future"),
    (["log", "twitch", "--at", "whenever"], "cannot read the time"),
    (["log", "twitch", "--at", "yesterday 25:00"], "cannot read the time"),
    (["log", "twitch", "--at", "99999999 hours ago"], "is before 1900-01-01"),
    (["log", "twitch", "--at", "0001-01-01"], "is before 1900-01-01"),
    (["diary", "edit", "e1", "--at", "1899-12-31 23:00"], "is before 1900-01-01"),
    (["day", "--date", "0001-01-01"], "is before 1900-01-01"),
    (["diary", "--days", "100000000"], "--days takes a whole number from 1"),
    (["diary", "--days", "999999999999999999999"], "--days takes a whole number from 1"),
    (["report", "--format", "html", "--since", "0001-01-01", "--out", "/nonexistent/r.html"],
     "--since 0001-01-01 is before 1900-01-01"),
    (["report", "--until", "0001-01-01", "--out", "/nonexistent/r.pdf"], "is before 1900"),
    (["day", "--stress", "12"], "stress"),
    (["day", "--date", "2099-01-01"], "future"),
    (["day", "--symptom", "sneezing"], "unknown symptom"),
    (["diary", "edit", "e99", "--intensity", "2"], "no episode e99"),
    (["diary", "delete", "x1"], "not an entry id"),
    (["export", "--format", "xml"], "json, csv or fhir"),
    (["import", "/no/such/file.json"], "cannot read"),
])
def test_bad_input_is_one_line_exit_2_and_changes_nothing(runner, db: list[str],
                                                          args: list[str], message: str) -> None:
    run(runner, "log", "twitch", *db)
    before = exported(runner, db)
    result = run(runner, *args, *db)
    assert result.exit_code == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert exported(runner, db) == before


def test_export_import_round_trip_through_files(runner, db: list[str], tmp_path: Path) -> None:
    run(runner, "log", "cramp", "--intensity", "7", "--note", "woke me at 3am", *db)
    run(runner, "day", "--sleep", "6", *db)
    for fmt in ("json", "csv"):
        out = tmp_path / f"diary.{fmt}"
        assert run(runner, "export", "--format", fmt, "--out", str(out), *db).exit_code == 0
        other = ["--db", f"sqlite:///{tmp_path / f'other-{fmt}.sqlite3'}"]
        assert run(runner, "import", str(out), *other).stdout.startswith("Imported 1 episodes")
        assert exported(runner, other) == exported(runner, db)


def test_import_file_with_a_byte_order_mark(runner, db: list[str], tmp_path: Path) -> None:
    marked = tmp_path / "marked.json"
    marked.write_text('{"format": "legcheck-diary", "episodes": [{"kind": "cramp", '
                      '"at": "2026-01-01T10:00:00+00:00"}]}', encoding="utf-8-sig")
    result = run(runner, "import", str(marked), *db)
    assert result.exit_code == 0, result.output
    assert [e["kind"] for e in exported(runner, db)["episodes"]] == ["cramp"]


def test_stats_leave_out_an_episode_stored_before_1900(runner, db: list[str],
                                                       tmp_path: Path) -> None:
    """A diary written before dates were limited may hold a year-1 episode: the statistics and
    the chart leave it out (it once made a 740,000-day series and a matplotlib error)."""
    from datetime import UTC, datetime

    from sqlalchemy.orm import Session

    from legcheck.cli_diary import open_store
    from legcheck.diary.models import Day, Episode

    run(runner, "log", "twitch", *db)
    store = open_store(db[1])
    with Session(store.engine) as session, session.begin():
        session.add(Episode(profile_id=store.profile_id, occurred_at=datetime(1, 1, 1, tzinfo=UTC),
                            timezone="UTC", kind="cramp", created_at=datetime.now(UTC)))
        session.add(Day(profile_id=store.profile_id, day=datetime(1, 1, 2).date(),
                        medicines=[], symptoms=[], sleep_hours=3))
    chart = tmp_path / "chart.png"
    result = run(runner, "stats", "--format", "json", "--plot", str(chart), *db)
    assert result.exit_code == 0, result.output
    frequency = json.loads(result.stdout)["frequency"]
    assert frequency["first_episode"] >= "1900" and frequency["total_episodes"] == 1
    assert chart.read_bytes().startswith(b"\x89PNG")


def test_malformed_import_file(runner, db: list[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "legcheck-diary", "episodes": [{"kind": "twitch"}]}')
    result = run(runner, "import", str(bad), *db)
    assert result.exit_code == 2 and "episodes[0].at" in result.stderr


@pytest.mark.parametrize("content", [
    '{"format": "legcheck-diary", "days": [{"day": "2026-01-02", "sleep_hours": 1e400}]}',
    '{"format": "legcheck-diary", "episodes": [{"kind": "twitch", "note": "a\\u0000b", '
    '"at": "2026-01-01T10:00:00+00:00"}]}',
])
def test_import_of_values_no_database_keeps(runner, db: list[str], tmp_path: Path,
                                            content: str) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    result = run(runner, "import", str(bad), *db)
    assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1, result.output
    assert "too large" in result.stderr or "NUL" in result.stderr
    assert exported(runner, db)["episodes"] == exported(runner, db)["days"] == []


def test_stats_in_words_json_and_a_chart(runner, db: list[str], tmp_path: Path) -> None:
    empty = run(runner, "stats", *db)
    assert empty.exit_code == 0, empty.output
    for hours in range(1, 30):
        run(runner, "log", "twitch", "--at", f"{hours * 20} hours ago", *db)
    text = run(runner, "stats", "--plot", str(tmp_path / "chart.png"), *db)
    assert text.exit_code == 0, text.output
    assert "episodes a day" in text.stdout and "Chart written" in text.stdout
    assert (tmp_path / "chart.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    data = json.loads(run(runner, "stats", "--format", "json", *db).stdout)
    assert data["frequency"]["total_episodes"] == 29
    assert data["trend"]["verdict"] in ("more frequent", "less frequent", "no clear change",
                                        "not enough data yet")
    assert run(runner, "stats", "--format", "xml", *db).exit_code == 2


def test_check_uses_the_diary_and_answers_win(runner, db: list[str]) -> None:
    for hours in range(2, 60, 3):
        run(runner, "log", "cramp", "--during", "sleep", "--at", f"{hours} hours ago", *db)
    run(runner, "day", "--caffeine", "5", *db)
    with_diary = json.loads(run(runner, "check", "--format", "json", *db).stdout)
    found = {f["id"]: f for f in with_diary["findings"]}
    assert found["painful_cramp"]["source"] == "diary" and found["painful_cramp"]["value"] is True
    assert found["timing"]["value"] == "during_sleep"
    assert found["caffeine_cups_per_day"]["value"] == 5
    answered = json.loads(run(runner, "check", "--set", "painful_cramp=no", "--format", "json",
                              *db).stdout)
    assert {f["id"]: f["source"] for f in answered["findings"]}["painful_cramp"] == "answer"
    without = json.loads(run(runner, "check", "--no-diary", "--format", "json", *db).stdout)
    assert without["findings"] == []


def test_check_opens_no_database_when_there_is_no_diary(runner, tmp_path: Path) -> None:
    result = run(runner, "check", "--set", "weakness=no", "--format", "json")
    assert result.exit_code == 0 and json.loads(result.stdout)["findings"][0]["source"] == "answer"
    from legcheck.paths import default_database_path

    assert not default_database_path().exists()

"""The diary store, one suite run against SQLite and PostgreSQL (LEGCHECK_TEST_DATABASE_URL).

Covers writing, reading, editing and deleting, bad input changing nothing, time zones, export and
import round trips, migrations (including a failed one), and a writer killed mid-write."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from legcheck.api import check
from legcheck.diary import database
from legcheck.diary.database import alembic_config, migrate
from legcheck.diary.entries import DayIn, EpisodeIn
from legcheck.diary.store import DiaryStore
from legcheck.diary.transfer import export_csv, export_json, import_document, read_export
from legcheck.errors import InputError
from pg_schema import postgres_schema_url

LONDON = ZoneInfo("Europe/London")
# A check's result as `legcheck check --format json` prints it: an import refuses any other shape
RESULT = check(text="calf twitching for three weeks", answers={"weakness": "no"}).to_dict()
POSTGRES = os.environ.get("LEGCHECK_TEST_DATABASE_URL")
OPENED: list = []


def connect(url: str):
    engine = database.connect(url)
    OPENED.append(engine)
    return engine


@pytest.fixture(autouse=True)
def _dispose_engines() -> Iterator[None]:
    yield
    while OPENED:
        OPENED.pop().dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'diary.sqlite3'}"
        return
    if not POSTGRES:
        pytest.skip("LEGCHECK_TEST_DATABASE_URL is not set (.ci/run sets it)")
    yield from postgres_schema_url()


@pytest.fixture
def store(database_url: str) -> DiaryStore:
    return DiaryStore(connect(database_url), profile="me", timezone_name="Europe/London")


def episode(**changes: object) -> EpisodeIn:
    data = {"kind": "twitch", "at": datetime.now(LONDON) - timedelta(hours=2),
            "where": "left-calf", "intensity": 3, "during": "rest", **changes}
    return EpisodeIn.model_validate(data)


def test_write_read_edit_delete(store: DiaryStore) -> None:
    first = store.add_episode(episode())
    second = store.add_episode(episode(kind="jerk", during="falling-asleep", intensity=None))
    assert [e.id for e in store.episodes()] == [first, second]
    changed = store.update_episode(episode_id=first, changes={"intensity": 6})
    assert changed.intensity == 6 and changed.where == "left-calf"
    store.delete_episode(episode_id=second)
    assert [e.kind for e in store.episodes()] == ["twitch"]


def test_bad_edits_and_unknown_ids_change_nothing(store: DiaryStore) -> None:
    first = store.add_episode(episode())
    before = store.episodes()
    with pytest.raises(InputError, match="intensity"):
        store.update_episode(episode_id=first, changes={"intensity": 11})
    with pytest.raises(InputError, match="no episode e999"):
        store.delete_episode(episode_id=999)
    assert store.episodes() == before


def test_times_keep_their_zone_and_instant(store: DiaryStore) -> None:
    moment = datetime(2026, 7, 1, 23, 30, tzinfo=LONDON)  # 22:30 UTC, summer time
    store.add_episode(episode(at=moment))
    (stored,) = store.episodes()
    assert stored.at == moment and stored.at.utcoffset() == timedelta(hours=1)
    assert stored.at.date() == date(2026, 7, 1)  # the local day, not the UTC one


def test_day_entries_merge(store: DiaryStore) -> None:
    today = date.today()
    store.add_day(DayIn(day=today, caffeine_cups=4, symptoms=("numbness_tingling",)))
    store.add_day(DayIn(day=today, sleep_hours=5.5, medicines=("sertraline",)))
    (day,) = store.days()
    assert (day.caffeine_cups, day.sleep_hours) == (4, 5.5)
    assert day.symptoms == ("numbness_tingling",) and day.medicines == ("sertraline",)


@pytest.mark.parametrize("exporter", [export_json, export_csv], ids=["json", "csv"])
def test_export_import_round_trip_is_lossless(store: DiaryStore, exporter, tmp_path: Path) -> None:
    store.add_episode(episode(note="after a long run, 'sore'"))
    store.add_episode(episode(at=datetime(2026, 1, 5, 7, 0, tzinfo=ZoneInfo("Asia/Tokyo")),
                              kind="cramp", where=None, intensity=8, duration_seconds=45.5))
    store.add_day(DayIn(day=date(2026, 1, 5), alcohol_units=3, stress=7,
                        medicines=("sertraline 50mg", "ibuprofen, as needed"),
                        symptoms=("weakness",)))
    store.add_check(taken_at=datetime(2026, 1, 6, 9, 0, tzinfo=LONDON), text="calf twitching",
                    answers={"weakness": "no", "duration_days": 21},
                    result=RESULT)
    exported = exporter(store)
    fresh = DiaryStore(connect(f"sqlite:///{tmp_path / 'fresh.sqlite3'}"), profile="me",
                       timezone_name="Europe/London")
    assert import_document(fresh, read_export(exported)) == (2, 1)
    assert without_ids(read_export(exporter(fresh))) == without_ids(read_export(exported))


def without_ids(document: dict) -> dict:
    """An export's content: every entry without its id (an import gives new ones)."""
    return {key: [{k: v for k, v in entry.items() if k != "id"} for entry in value]
            if isinstance(value, list) else value for key, value in document.items()}


def test_an_import_gives_new_ids_and_is_refused_when_already_there(store: DiaryStore) -> None:
    store.add_episode(episode())
    kept = export_json(store)
    huge = {"format": "legcheck-diary", "version": 1,
            "episodes": [{"id": 2_147_483_647, "kind": "cramp", "at": "2026-01-01T00:00:00+00:00"},
                         {"id": 10**30, "kind": "jerk", "at": "2026-01-02T00:00:00+00:00"},
                         {"id": True, "kind": "urge", "at": "2026-01-03T00:00:00+00:00"}],
            "days": [{"id": -5, "day": "2026-01-01", "sleep_hours": 6}],
            "checks": [{"id": 1.7, "at": "2026-01-02T08:00:00+00:00", "timezone": "UTC",
                        "knowledge_version": "9", "answers": {}, "result": RESULT}]}
    assert import_document(store, huge) == (3, 1)
    ids = [e.id for e in store.episodes()] + [d.id for d in store.days()] \
        + [c.id for c in store.checks()]
    assert max(ids) < 100 and len({e.id for e in store.episodes()}) == 4
    store.add_episode(episode())  # the ids in the file moved no sequence (PostgreSQL)
    before = export_json(store)
    for again in (huge, read_export(kept)):
        with pytest.raises(InputError, match=r"already holds .* nothing was imported"):
            import_document(store, again)
    assert export_json(store) == before
    partly = {**huge, "episodes": [], "checks": [], "days": [{"day": "2026-01-01"}]}
    with pytest.raises(InputError, match="day entry for 2026-01-01"):
        import_document(store, partly)
    twice = {"format": "legcheck-diary", "days": [{"day": "2025-01-01"}, {"day": "2025-01-01"}]}
    with pytest.raises(InputError, match=r"days\[1\]\.day: 2025-01-01 is in the file twice"):
        import_document(store, twice)
    assert export_json(store) == before


def test_checks_are_saved_with_their_input_and_result(store: DiaryStore) -> None:
    from legcheck import check

    result = check(answers={"visible_flicker": "yes", "weakness": "no"}).to_dict()
    first = store.add_check(taken_at=datetime(2026, 3, 1, 8, 0, tzinfo=LONDON), text=None,
                            answers={"visible_flicker": "yes", "weakness": "no"}, result=result)
    store.add_check(taken_at=datetime(2026, 3, 2, 8, 0, tzinfo=LONDON), text="cramps at night",
                    answers={}, result=result)
    saved = store.checks()
    assert saved[0].id == first and saved[1].text == "cramps at night"
    assert saved[0].result == result and saved[0].answers["weakness"] == "no"
    assert saved[0].taken_at == datetime(2026, 3, 1, 8, 0, tzinfo=LONDON)
    assert saved[0].knowledge_version == result["knowledge_version"]
    assert [c.text for c in store.checks(since=datetime(2026, 3, 2, tzinfo=LONDON))] \
        == ["cramps at night"]
    with pytest.raises(InputError, match="knowledge_version"):
        store.add_check(taken_at=datetime.now(LONDON), text=None, answers={}, result={})
    store.delete_check(check_id=first)
    assert len(store.checks()) == 1


def test_malformed_import_changes_nothing(store: DiaryStore) -> None:
    store.add_episode(episode())
    before = export_json(store)
    bad = {"format": "legcheck-diary", "episodes": [
        {"kind": "twitch", "at": "2026-01-01T10:00:00+00:00"},
        {"kind": "twitch", "at": "2026-01-02T10:00:00+00:00", "intensity": 12}]}
    with pytest.raises(InputError, match=r"episodes\[1\]\.intensity"):
        import_document(store, bad)
    with pytest.raises(InputError, match="neither a JSON nor a CSV"):
        read_export("hello")
    assert export_json(store) == before


def test_migrations_reach_the_newest_schema(database_url: str) -> None:
    engine = connect(database_url)
    assert {"profiles", "episodes", "days", "checks"} <= set(inspect(engine).get_table_names())
    migrate(engine)  # a second run is a no-op


def test_a_failed_migration_leaves_the_data_as_it_was(database_url: str,
                                                      tmp_path: Path) -> None:
    engine = connect(database_url)
    store = DiaryStore(engine, profile="me", timezone_name="UTC")
    store.add_episode(episode())
    scripts = tmp_path / "migrations"
    shutil.copytree(Path(alembic_config().get_main_option("script_location")), scripts)
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    (scripts / "versions" / "9999_broken.py").write_text(textwrap.dedent(f'''
        import sqlalchemy as sa
        from alembic import op
        revision = "9999"
        down_revision = "{head}"
        def upgrade():
            op.add_column("episodes", sa.Column("extra", sa.Integer))
            op.execute("UPDATE episodes SET intensity = 0")
            raise RuntimeError("broken migration")
        def downgrade():
            pass
        '''))
    config = alembic_config()
    config.set_main_option("script_location", str(scripts))
    from alembic import command

    with pytest.raises(RuntimeError, match="broken migration"), engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    columns = {c["name"] for c in inspect(engine).get_columns("episodes")}
    assert "extra" not in columns
    assert [e.intensity for e in store.episodes()] == [3]
    with engine.connect() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() \
            == head


WRITER = textwrap.dedent('''
    import sys
    from datetime import datetime, timedelta, timezone
    from legcheck.diary.database import connect
    from legcheck.diary.entries import EpisodeIn
    from legcheck.diary.store import DiaryStore
    store = DiaryStore(connect(sys.argv[1]), profile="me", timezone_name="UTC")
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        store.add_episode(EpisodeIn(kind="twitch", intensity=n % 11, where="left-calf",
                                    during="rest", note="x" * 500,
                                    at=datetime.now(timezone.utc) - timedelta(seconds=1)))
    ''')


def test_a_writer_killed_mid_write_leaves_whole_entries(database_url: str) -> None:
    with subprocess.Popen([sys.executable, "-c", WRITER, database_url],
                          stdout=subprocess.PIPE, text=True) as writer:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "ready"
        time.sleep(1.5)
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=10)
    store = DiaryStore(connect(database_url), profile="me", timezone_name="UTC")
    entries = store.episodes()
    assert entries, "the writer wrote nothing before it was killed"
    assert all(e.note == "x" * 500 and e.where == "left-calf" and e.kind == "twitch"
               for e in entries)
    store.add_episode(episode())  # the database is still writable


def test_bulk_statistics_equal_the_record_by_record_analysis(store: DiaryStore) -> None:
    """The store's bulk read (epoch seconds, zones converted at once) must give exactly what
    analysing each episode record gives, across a daylight-saving change and around midnight."""
    from legcheck.diary.analysis import EpisodeRecord, analyse
    from legcheck.diary.stats import analyse_store

    start = datetime(2026, 3, 20, 23, 45, tzinfo=LONDON)  # the clocks go forward on 29 March
    for step in range(60):
        moment = start + timedelta(hours=7 * step, minutes=step)
        store.add_episode(episode(at=moment, kind=("twitch", "jerk")[step % 2],
                                  during=(None, "rest", "sleep")[step % 3]))
    today = date(2026, 4, 20)
    records = [EpisodeRecord(local_time=e.at.astimezone(LONDON), kind=e.kind, during=e.during)
               for e in store.episodes()]
    expected = analyse(records, [], today=today).to_dict()
    assert analyse_store(store, today=today).to_dict() == expected


def test_read_one_entry_page_and_update_a_day(store: DiaryStore) -> None:
    from legcheck.errors import NotFoundError

    ids = [store.add_episode(episode(at=datetime.now(LONDON) - timedelta(days=n)))
           for n in range(1, 6)]
    assert store.episode(episode_id=ids[0]).id == ids[0]
    page = store.episodes(limit=2, offset=2, newest_first=True)
    assert [e.id for e in page] == ids[2:4]
    today = datetime.now(LONDON).date()
    first = store.add_day(DayIn(day=today, caffeine_cups=2, symptoms=("numbness_tingling",)))
    store.add_day(DayIn(day=today - timedelta(days=1), stress=4))
    changed = store.update_day(day_id=first, changes={"symptoms": (), "sleep_hours": 6})
    assert (changed.caffeine_cups, changed.sleep_hours, changed.symptoms) == (2, 6, ())
    assert store.day(day_id=first) == changed
    assert [d.day for d in store.days(limit=1, newest_first=True)] == [today]
    with pytest.raises(InputError, match="already a day entry"):
        store.update_day(day_id=first, changes={"day": today - timedelta(days=1)})
    assert store.day(day_id=first).day == today
    other = DiaryStore(store.engine, profile="someone-else", timezone_name="UTC")
    with pytest.raises(NotFoundError):
        other.episode(episode_id=ids[0])
    with pytest.raises(NotFoundError):
        other.update_day(day_id=first, changes={"stress": 1})


def one_episode(**changes: object) -> str:
    item = {"kind": "twitch", "at": "2026-01-01T10:00:00+00:00", "timezone": "UTC", **changes}
    return json.dumps({"format": "legcheck-diary", "version": 1, "episodes": [item]})


def one_check(**changes: object) -> str:
    item = {"at": "2026-01-01T10:00:00+00:00", "timezone": "UTC", "knowledge_version": "1",
            "answers": {}, "result": RESULT, **changes}
    return json.dumps({"format": "legcheck-diary", "version": 1, "checks": [item]})


@pytest.mark.parametrize(("text", "message"), [
    (one_episode(timezone=5), r"episodes\[0\]\.timezone: must be a time zone name"),
    (one_episode(timezone=["Europe/London"]), r"episodes\[0\]\.timezone: must be a time zone"),
    (one_episode(timezone="Mars/Base"), r"episodes\[0\]\.timezone: unknown time zone 'Mars/Base"),
    (one_check(timezone=7), r"checks\[0\]\.timezone: must be a time zone name"),
    (one_episode(timezone="A" * 300), r"episodes\[0\]\.timezone: unknown time zone 'AAA"),
    (one_check(timezone="Europe/" + "x" * 60), r"checks\[0\]\.timezone: unknown time zone"),
    (one_episode(at="0001-01-01T00:00:00+14:00"), r"episodes\[0\]\.at: .*before 1900-01-01"),
    (one_episode(at="1899-12-31T23:00:00+00:00"), r"episodes\[0\]\.at: .*before 1900-01-01"),
    (one_episode(at="9999-12-31T23:59:59-12:00"), r"episodes\[0\]\.at: .*in the future"),
    (one_check(at="0001-01-01T00:00:00+14:00"), r"checks\[0\]\.at: .*before 1900-01-01"),
    (one_check(at="9999-12-31T23:59:59-12:00"), r"checks\[0\]\.at: .*in the future"),
    (json.dumps({"format": "legcheck-diary", "days": [{"day": "0001-01-01"}]}),
     r"days\[0\]\.day: .*before 1900-01-01"),
    ("{" + '"a":{' * 100_000 + "}" * 100_001, "nested too deeply"),
    ('{"format": "legcheck-diary", "checks": [{"result": {"x": NaN}}]}', "NaN is not a JSON"),
    ('{"format": "legcheck-diary", "checks": [{"answers": {"a": 1e400}}]}', "too large.*1e400"),
    ('{"format": "legcheck-diary", "days": [{"day": "2026-01-02", "sleep_hours": -1e999}]}',
     "too large"),
    (one_check(text="calf\x00twitch"), r"checks\[0\]\.text: the text holds a NUL"),
    (one_check(answers={"weakness\x00": "no"}), r"checks\[0\]\.answers: the text holds a NUL"),
    (one_episode(note="sore\x00"), r"episodes\[0\]\.note: the text holds a NUL"),
    (json.dumps({"format": "legcheck-diary", "days": [{"day": "2026-01-02", "note": "\x00"}]}),
     r"days\[0\]\.note: the text holds a NUL"),
    (one_check(text="\udc00"), r"checks\[0\]\.text: the text holds a lone surrogate"),
    (one_check(answers={"a": ["\ud800"]}), r"checks\[0\]\.answers\.a\[0\]: .*surrogate"),
    (one_check(knowledge_version="v" * 41), r"knowledge_version: must be text of 1 to 40"),
    (one_check(result={}), r"checks\[0\]\.result\.knowledge_version: Field required"),
    (one_check(result={**RESULT, "conditions": 5}), r"checks\[0\]\.result\.conditions: "),
    (one_check(result={**RESULT, "triage": {"level": "<i>"}}), r"result\.triage\.level: "),
])
def test_a_bad_import_is_one_clear_error_and_changes_nothing(store: DiaryStore, text: str,
                                                             message: str) -> None:
    store.add_episode(episode())
    before = export_json(store)
    with pytest.raises(InputError, match=message):
        import_document(store, read_export(text))
    assert export_json(store) == before


def test_an_import_reads_a_byte_order_mark_and_any_ids(store: DiaryStore) -> None:
    for number, entry_id in enumerate((10**30, True, 1.7, -5, "1e400", [1], None), start=1):
        text = "\ufeff" + one_episode(id=entry_id, at=f"2026-01-{number:02d}T10:00:00+00:00")
        assert import_document(store, read_export(text)) == (1, 0)
    assert len({e.id for e in store.episodes()}) == 7

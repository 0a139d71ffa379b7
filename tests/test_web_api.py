"""The REST API through the ASGI app: every route's success, readable 422s, and 404s; the JSON of
check, stats and export equals the CLI's."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from legcheck.cli import app as cli
from legcheck.settings import Settings
from legcheck.web import create_app

ANSWERS = {"visible_flicker": "yes", "weakness": "no", "duration_days": 5}


@pytest.fixture
def database(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'diary.sqlite3'}"


@pytest.fixture
def client(database: str) -> Iterator[TestClient]:
    app = create_app(Settings(database_url=database, timezone="Europe/London"))
    with TestClient(app) as test_client:
        yield test_client
    app.state.web.engine.dispose()


def one_line(response) -> str:
    detail = response.json()["detail"]
    assert isinstance(detail, str) and "\n" not in detail and "Traceback" not in detail
    return detail


# ---- check --------------------------------------------------------------------------------
def test_check_gives_the_cli_json(client: TestClient, runner) -> None:
    response = client.post("/api/v1/check", json={"answers": ANSWERS})
    assert response.status_code == 200
    args = [f"--set={key}={value}" for key, value in ANSWERS.items()]
    printed = runner.invoke(cli, ["check", *args, "--format", "json", "--no-diary"])
    assert response.json() == json.loads(printed.stdout)


def test_check_reads_text(client: TestClient) -> None:
    answer = client.post("/api/v1/check", json={
        "text": "my left calf has been twitching for three weeks, no weakness"}).json()
    assert answer["conditions"][0]["id"] == "benign_fasciculations"
    assert any(f["source"] == "text" and f["span"] for f in answer["findings"])


def test_check_emergency_from_text(client: TestClient) -> None:
    answer = client.post("/api/v1/check", json={
        "text": "sudden weakness in my left leg and my face is drooping"}).json()
    assert answer["triage"]["level"] == "emergency"


@pytest.mark.parametrize(("body", "message"), [
    ({"answers": {"bogus": "yes"}}, "unknown finding 'bogus'"),
    ({"answers": {"duration_days": -4}}, "duration_days must be between"),
    ({"text": "   "}, "the description is empty"),
    ({}, "give text, answers or both"),
    ({"answers": ["weakness"]}, "answers: Input should be a valid dictionary"),
    ({"text": "x", "extra": 1}, "extra: Extra inputs are not permitted"),
])
def test_check_bad_input_is_a_readable_422(client: TestClient, body: dict, message: str) -> None:
    response = client.post("/api/v1/check", json=body)
    assert response.status_code == 422
    assert message in one_line(response)


def test_check_rejects_broken_json(client: TestClient) -> None:
    response = client.post("/api/v1/check", content=b"{not json",
                           headers={"Content-Type": "application/json"})
    assert response.status_code == 422
    assert one_line(response) == "the request body is not valid JSON"


def test_check_with_the_diary(client: TestClient) -> None:
    for days_ago in range(3):
        at = (datetime.now() - timedelta(days=days_ago, hours=1)).strftime("%Y-%m-%d %H:%M")
        assert client.post("/api/v1/episodes", json={"kind": "twitch", "at": at}).status_code == 201
    answer = client.post("/api/v1/check", json={"answers": ANSWERS, "diary": True}).json()
    assert any(f["source"] == "diary" for f in answer["findings"])


# ---- episodes -----------------------------------------------------------------------------
def test_episode_create_read_update_delete(client: TestClient) -> None:
    created = client.post("/api/v1/episodes", json={
        "kind": "twitch", "where": "left-calf", "intensity": 3, "during": "rest",
        "at": "2 hours ago"})
    assert created.status_code == 201
    episode = created.json()
    assert (episode["kind"], episode["intensity"], episode["timezone"]) == \
        ("twitch", 3, "Europe/London")
    url = f"/api/v1/episodes/{episode['id']}"
    assert client.get(url).json() == episode
    changed = client.patch(url, json={"intensity": 6, "where": None})
    assert changed.status_code == 200
    assert (changed.json()["intensity"], changed.json()["where"]) == (6, None)
    assert changed.json()["at"] == episode["at"]
    assert client.delete(url).status_code == 204
    assert client.get(url).status_code == 404


def test_episode_defaults_to_now(client: TestClient) -> None:
    episode = client.post("/api/v1/episodes", json={"kind": "jerk"}).json()
    logged = datetime.fromisoformat(episode["at"])
    assert abs((datetime.now(logged.tzinfo) - logged).total_seconds()) < 60


@pytest.mark.parametrize(("body", "message"), [
    ({"kind": "sneeze"}, "kind: Input should be 'twitch', 'jerk', 'cramp' or 'urge'"),
    ({"kind": "twitch", "intensity": 11}, "intensity: Input should be less than or equal to 10"),
    ({"kind": "twitch", "at": "2099-01-01 10:00"}, "in the future"),
    ({"kind": "twitch", "at": "whenever"}, "cannot read the time"),
    ({"kind": "twitch", "at": "yesterday 25:00"}, "cannot read the time"),
    ({"kind": "twitch", "at": "99999999 hours ago"}, "is before 1900-01-01"),
    ({"kind": "twitch", "at": "0001-01-01"}, "is before 1900-01-01"),
    ({"kind": "twitch", "where": "Left Calf!"}, "where: String should match pattern"),
    ({"intensity": 3}, "kind: Field required"),
])
def test_episode_bad_input(client: TestClient, body: dict, message: str) -> None:
    response = client.post("/api/v1/episodes", json=body)
    assert response.status_code == 422
    assert message in one_line(response)
    assert client.get("/api/v1/episodes").json()["episodes"] == []


def test_nul_in_a_note_or_a_medicine_is_refused(client: TestClient) -> None:
    """PostgreSQL cannot store NUL in text (a 503 there); SQLite would keep a note that its
    export then could not bring back."""
    episode = client.post("/api/v1/episodes", json={"kind": "twitch"}).json()
    for method, path, body in (
            ("POST", "/api/v1/episodes", {"kind": "twitch", "note": "a\x00b"}),
            ("PATCH", f"/api/v1/episodes/{episode['id']}", {"note": "\x00"}),
            ("POST", "/api/v1/days", {"note": "a\x00b"}),
            ("POST", "/api/v1/days", {"medicines": ["iron\x00"]})):
        response = client.request(method, path, json=body)
        assert response.status_code == 422 and "NUL character" in one_line(response)
    assert client.get("/api/v1/episodes").json()["episodes"] == [episode]
    assert client.get("/api/v1/days").json()["days"] == []


def test_episode_update_bad_input_changes_nothing(client: TestClient) -> None:
    episode = client.post("/api/v1/episodes", json={"kind": "twitch", "intensity": 2}).json()
    response = client.patch(f"/api/v1/episodes/{episode['id']}", json={"intensity": 12})
    assert response.status_code == 422 and "intensity" in one_line(response)
    assert client.get(f"/api/v1/episodes/{episode['id']}").json()["intensity"] == 2


@pytest.mark.parametrize(("method", "body"), [("get", None), ("patch", {"intensity": 2}),
                                              ("delete", None)])
def test_missing_episode_is_404(client: TestClient, method: str, body: dict | None) -> None:
    kwargs = {"json": body} if body else {}
    response = getattr(client, method)("/api/v1/episodes/4242", **kwargs)
    assert response.status_code == 404 and "no episode e4242" in one_line(response)


def test_episode_id_must_be_a_number(client: TestClient) -> None:
    response = client.get("/api/v1/episodes/e12")
    assert response.status_code == 422 and "episode_id" in one_line(response)


def test_episode_list_filters_and_pages(client: TestClient) -> None:
    for day in range(1, 6):
        client.post("/api/v1/episodes", json={"kind": "twitch", "at": f"2026-01-0{day} 12:00"})
    listed = client.get("/api/v1/episodes", params={"since": "2026-01-02", "until": "2026-01-05"})
    assert [e["at"][:10] for e in listed.json()["episodes"]] == \
        ["2026-01-04", "2026-01-03", "2026-01-02"]
    first = client.get("/api/v1/episodes", params={"limit": 2}).json()
    assert len(first["episodes"]) == 2 and first["next_offset"] == 2
    last = client.get("/api/v1/episodes", params={"limit": 2, "offset": 4}).json()
    assert [e["at"][:10] for e in last["episodes"]] == ["2026-01-01"]
    assert last["next_offset"] is None


@pytest.mark.parametrize(("params", "message"), [
    ({"since": "last week"}, "since: give a date"), ({"limit": 0}, "limit: Input should be"),
    ({"offset": -1}, "offset: Input should be"),
    ({"since": "0001-01-01T00:00:00+14:00"}, "since: 0001-01-01T00:00:00+14:00 is out of range"),
    ({"until": "9999-12-31T23:59:59-12:00"}, "until: 9999-12-31T23:59:59-12:00 is out of range")])
def test_episode_list_bad_filters(client: TestClient, params: dict, message: str) -> None:
    response = client.get("/api/v1/episodes", params=params)
    assert response.status_code == 422 and message in one_line(response)


# ---- days ---------------------------------------------------------------------------------
def test_day_create_merge_read_update_delete(client: TestClient) -> None:
    created = client.post("/api/v1/days", json={"day": "yesterday", "caffeine_cups": 4,
                                                "symptoms": ["numbness_tingling"]})
    assert created.status_code == 201
    day = created.json()
    merged = client.post("/api/v1/days", json={"day": day["day"], "sleep_hours": 5.5}).json()
    assert merged["id"] == day["id"]
    assert (merged["caffeine_cups"], merged["sleep_hours"]) == (4, 5.5)
    url = f"/api/v1/days/{day['id']}"
    changed = client.patch(url, json={"symptoms": [], "stress": 7}).json()
    assert (changed["symptoms"], changed["stress"], changed["caffeine_cups"]) == ([], 7, 4)
    assert client.get(url).json() == changed
    assert client.get("/api/v1/days").json()["days"] == [changed]
    assert client.delete(url).status_code == 204
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(("body", "message"), [
    ({"stress": 12}, "stress: Input should be less than or equal to 10"),
    ({"day": "2099-01-01"}, "the day is in the future"),
    ({"day": "someday"}, "cannot read the day"),
    ({"day": "0001-01-01"}, "is before 1900-01-01"),
    ({"symptoms": ["sneezing"]}, "unknown symptom 'sneezing'"),
    ({"caffeine_cups": "lots"}, "caffeine_cups: Input should be a valid number"),
])
def test_day_bad_input(client: TestClient, body: dict, message: str) -> None:
    response = client.post("/api/v1/days", json=body)
    assert response.status_code == 422 and message in one_line(response)
    assert client.get("/api/v1/days").json()["days"] == []


def test_day_cannot_move_onto_another_day(client: TestClient) -> None:
    first = client.post("/api/v1/days", json={"day": "today"}).json()
    client.post("/api/v1/days", json={"day": "yesterday"})
    response = client.patch(f"/api/v1/days/{first['id']}", json={"day": "yesterday"})
    assert response.status_code == 422 and "already a day entry" in one_line(response)


@pytest.mark.parametrize("method", ["get", "patch", "delete"])
def test_missing_day_is_404(client: TestClient, method: str) -> None:
    kwargs = {"json": {"stress": 1}} if method == "patch" else {}
    response = getattr(client, method)("/api/v1/days/77", **kwargs)
    assert response.status_code == 404 and "no day entry d77" in one_line(response)


# ---- stats, export, import ----------------------------------------------------------------
def test_stats_equal_the_cli(client: TestClient, database: str, runner) -> None:
    for hours in (3, 30, 50):
        client.post("/api/v1/episodes", json={"kind": "twitch", "at": f"{hours} hours ago"})
    printed = runner.invoke(cli, ["stats", "--format", "json", "--db", database])
    assert client.get("/api/v1/stats").json() == json.loads(printed.stdout)
    assert client.get("/api/v1/stats").json()["frequency"]["total_episodes"] == 3


def test_stats_chart_is_a_png(client: TestClient) -> None:
    client.post("/api/v1/episodes", json={"kind": "twitch"})
    chart = client.get("/api/v1/stats/chart.png")
    assert chart.status_code == 200 and chart.headers["content-type"] == "image/png"
    assert chart.content.startswith(b"\x89PNG")


@pytest.mark.parametrize("kind", ["json", "csv"])
def test_export_then_import_round_trips(client: TestClient, tmp_path: Path, kind: str) -> None:
    client.post("/api/v1/episodes", json={"kind": "cramp", "intensity": 7, "note": "a, \"b\""})
    client.post("/api/v1/days", json={"caffeine_cups": 3, "medicines": ["sertraline"]})
    exported = client.get("/api/v1/export", params={"format": kind})
    assert exported.status_code == 200 and "attachment" in exported.headers["content-disposition"]
    other = create_app(Settings(database_url=f"sqlite:///{tmp_path / 'other.sqlite3'}",
                                timezone="Europe/London"))
    with TestClient(other) as second:
        media = "application/json" if kind == "json" else "text/csv"
        imported = second.post("/api/v1/import", content=exported.content,
                               headers={"Content-Type": media})
        assert imported.json() == {"episodes": 1, "days": 1}
        assert second.get("/api/v1/export", params={"format": kind}).text == exported.text
    other.state.web.engine.dispose()


def test_export_format_is_checked(client: TestClient) -> None:
    response = client.get("/api/v1/export", params={"format": "xml"})
    assert response.status_code == 422 and "format" in one_line(response)


@pytest.mark.parametrize(("content", "media", "message"), [
    (b"{\"format\": \"other\"}", "application/json", "not a legcheck-diary export"),
    (b"hello", "text/csv", "neither a JSON nor a CSV diary export"),
    (b"{}", "text/plain", "application/json, text/csv or application/fhir+json"),
    (b"\xff\xfe", "text/csv", "not UTF-8"),
])
def test_import_bad_file_changes_nothing(client: TestClient, content: bytes, media: str,
                                         message: str) -> None:
    response = client.post("/api/v1/import", content=content, headers={"Content-Type": media})
    assert response.status_code == 422 and message in one_line(response)
    assert client.get("/api/v1/episodes").json()["episodes"] == []


def odd_check(result: object) -> bytes:
    return json.dumps({"format": "legcheck-diary", "version": 1, "checks": [
        {"at": "2026-11-01T10:00:00+00:00", "timezone": "UTC", "knowledge_version": "x",
         "answers": {}, "result": result}]}).encode()


@pytest.mark.parametrize(("result", "message"), [
    ({"triage": "urgent"}, "checks[0].result.knowledge_version: Field required"),
    ({}, "checks[0].result.knowledge_version: Field required"),
    ("urgent", "answers and result must be objects"),
])
def test_import_of_a_check_with_an_odd_result_is_refused(client: TestClient, result: object,
                                                         message: str) -> None:
    """The diary page, the report and the FHIR export read a check's result: an odd one made
    them fail (500) for as long as it was kept."""
    response = client.post("/api/v1/import", content=odd_check(result),
                           headers={"Content-Type": "application/json"})
    assert response.status_code == 422 and message in one_line(response)
    assert client.get("/api/v1/export").json()["checks"] == []
    assert client.get("/diary").status_code == client.get("/api/v1/report").status_code == 200


# ---- the service --------------------------------------------------------------------------
def test_openapi_and_docs(client: TestClient) -> None:
    spec = client.get("/api/v1/openapi.json").json()
    assert {"/api/v1/check", "/api/v1/episodes", "/api/v1/episodes/{episode_id}", "/api/v1/days",
            "/api/v1/days/{day_id}", "/api/v1/stats", "/api/v1/export", "/api/v1/import"} \
        <= set(spec["paths"])
    assert "swagger" in client.get("/api/v1/docs").text.lower()
    assert client.get("/api/v1/health").json() == {"status": "ok"}


def test_unknown_route_is_404(client: TestClient) -> None:
    assert client.get("/api/v1/nothing").status_code == 404


# ---- the doctor's report and FHIR ---------------------------------------------------------
def test_doctors_report_as_pdf_and_html(client: TestClient) -> None:
    client.post("/api/v1/episodes", json={"kind": "twitch", "at": "2 hours ago"})
    pdf = client.get("/api/v1/report")
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-")
    html = client.get("/api/v1/report", params={"format": "html", "name": "A. B."})
    assert html.status_code == 200 and "A. B." in html.text


@pytest.mark.parametrize(("params", "message"), [
    ({"format": "docx"}, "format: String should match pattern"),
    ({"since": "last week"}, "since: give a date like 2026-11-20"),
    ({"format": "html", "since": "0001-01-01"}, "--since 0001-01-01 is before 1900-01-01"),
    ({"format": "html", "until": "0001-01-01"}, "--until 0001-01-01 is before 1900-01-01"),
    ({"since": "2026-03-01", "until": "2026-02-01"}, "")])
def test_doctors_report_bad_input(client: TestClient, params: dict, message: str) -> None:
    response = client.get("/api/v1/report", params=params)
    assert response.status_code == 422 and message in one_line(response)


def test_fhir_export_imports_back(client: TestClient, tmp_path: Path) -> None:
    client.post("/api/v1/episodes", json={"kind": "jerk", "intensity": 4})
    bundle = client.get("/api/v1/export", params={"format": "fhir"})
    assert bundle.headers["content-type"] == "application/fhir+json"
    assert bundle.json()["resourceType"] == "Bundle"
    other = create_app(Settings(database_url=f"sqlite:///{tmp_path / 'other.sqlite3'}"))
    with TestClient(other) as second:
        imported = second.post("/api/v1/import", content=bundle.content,
                               headers={"Content-Type": "application/fhir+json"})
        assert imported.json() == {"episodes": 1, "days": 0}
        assert second.get("/api/v1/episodes").json()["episodes"][0]["intensity"] == 4
    other.state.web.engine.dispose()

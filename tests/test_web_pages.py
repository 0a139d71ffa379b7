"""The pages through the ASGI app (no JavaScript): describe -> answer, the warning-sign questions,
the diary (log, edit, delete, day context, statistics and chart), the report, CSRF, the server
command."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from legcheck.settings import Settings
from legcheck.web import create_app

EMERGENCY = "sudden weakness in my left leg, my face is drooping and my speech is slurred"


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    app = create_app(Settings(database_url=f"sqlite:///{tmp_path / 'diary.sqlite3'}",
                              timezone="Europe/London"))
    with TestClient(app, follow_redirects=True) as test_client:
        yield test_client
    app.state.web.engine.dispose()


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf" value="([0-9a-f]+)"', html)
    assert found, "the page has no CSRF field"
    return found.group(1)


def post(client: TestClient, page: str, action: str, data: dict | list) -> httpx.Response:
    token = csrf_of(client.get(page).text)
    form: dict[str, list[str]] = {"csrf": [token]}
    for key, value in (data.items() if isinstance(data, dict) else data):
        form.setdefault(key, []).append(value)
    return client.post(action, data=form)


def test_every_form_control_is_labelled(client: TestClient) -> None:
    client.post("/api/v1/episodes", json={"kind": "twitch"})
    for url in ("/", "/diary", "/report", "/diary/episodes/1/edit"):
        html = client.get(url).text
        ids = set(re.findall(r'<label for="([^"]+)"', html))
        controls = re.findall(r'<(?:input|select|textarea)\b([^>]*)>', html)
        for attributes in controls:
            if 'type="hidden"' in attributes or 'type="radio"' in attributes \
                    or 'type="checkbox"' in attributes:
                continue  # radios and checkboxes sit inside their <label>
            control_id = re.search(r'id="([^"]+)"', attributes)
            assert control_id and control_id.group(1) in ids, (url, attributes)


def test_describe_then_answer(client: TestClient) -> None:
    home = client.get("/")
    assert "Describe your leg jerks" in home.text
    answer = post(client, "/", "/answer", {"text": "my calf has been twitching for two weeks, "
                                                   "no weakness, lots of coffee"})
    assert answer.status_code == 200
    html = answer.text
    for title in ("What we understood", "What it most likely is", "Normal or concerning?",
                  "What to do now", "Sources"):
        assert f">{title}</" in html
    assert "Benign" in html and "--set" not in html
    assert "Why we ask" in html and "Don&#39;t know" in html and 'value="unknown"' in html


def test_emergency_advice_comes_first(client: TestClient) -> None:
    html = post(client, "/", "/answer", {"text": EMERGENCY}).text
    main = html[html.index('<main id="main">'):]
    first_section = main[main.index("<section"):]
    assert first_section.startswith('<section class="banner level-emergency"')
    assert 'role="alert"' in first_section[:200]
    assert "Emergency: act now" in first_section[:400]


def test_warning_sign_answers_change_the_answer(client: TestClient) -> None:
    text = "my calf twitches now and then for a week"
    first = post(client, "/", "/answer", {"text": text}).text
    assert 'name="answer:weakness"' in first
    again = client.post("/answer", data={"csrf": csrf_of(first), "text": text,
                                         "answer:weakness": "yes"})
    assert "You said yes to:" in again.text and 'name="answer:weakness" value="yes"' in again.text


def test_forms_need_the_csrf_token(client: TestClient) -> None:
    client.get("/")
    for action in ("/answer", "/diary/episodes", "/diary/days"):
        response = client.post(action, data={"text": "twitching", "kind": "twitch"})
        assert response.status_code == 403 and "reload the page" in response.text
    assert client.get("/api/v1/episodes").json()["episodes"] == []


ODD_RESULTS = ({"triage": "urgent"}, {"triage": {"level": ["x"]}}, {"conditions": 5},
               {"conditions": [{"name": {"a": 1}}]}, {"triage": None}, {})


def store_odd_checks(client: TestClient) -> None:
    """Checks whose result no check writes, as an import kept them before it checked results."""
    from datetime import UTC, datetime

    from sqlalchemy.orm import Session

    from legcheck.diary.models import Check

    web = client.app.state.web  # type: ignore[attr-defined]
    with Session(web.engine) as session, session.begin():
        for day, result in enumerate(ODD_RESULTS, start=1):
            session.add(Check(profile_id=web.local_owner.profile_id, timezone="UTC",
                              taken_at=datetime.now(UTC) - timedelta(days=day),
                              knowledge_version="x", text=None, answers={}, result=result))


def test_a_stored_check_with_an_odd_result_breaks_no_page(client: TestClient,
                                                          tmp_path: Path) -> None:
    post(client, "/", "/check/save", {"text": "my calf twitches, no weakness"})
    store_odd_checks(client)
    page = client.get("/diary")
    assert page.status_code == 200
    section = page.text[page.text.index('id="checks"'):page.text.index('id="days"')]
    assert section.count("Result could not be read") == len(ODD_RESULTS)
    assert "Most likely: Harmless muscle twitches" in section
    report = client.get("/report/doctor", params={"format": "html"})
    assert report.status_code == 200 and "6 saved checks in this period could not be read" \
        in report.text and "Harmless muscle twitches" in report.text
    assert client.get("/api/v1/report").status_code == 200
    fhir = client.get("/report/diary.fhir.json")
    assert fhir.status_code == 200
    kept = [json.loads(e["valueString"]) for entry in fhir.json()["entry"]
            for e in entry["resource"].get("extension", []) if e["url"].endswith("check-result")]
    assert all(odd in kept for odd in ODD_RESULTS)  # exported whole, not read
    other = create_app(Settings(database_url=f"sqlite:///{tmp_path / 'other.sqlite3'}",
                                timezone="Europe/London"))
    with TestClient(other) as fresh:
        again = fresh.post("/api/v1/import", content=fhir.content,
                           headers={"Content-Type": "application/fhir+json"})
        assert again.status_code == 422 and "result" in again.json()["detail"]
    other.state.web.engine.dispose()
    for check_id in re.findall(r"/diary/checks/(\d+)/delete", section):
        assert post(client, "/diary", f"/diary/checks/{check_id}/delete", {}).status_code == 200
    assert client.get("/api/v1/export?format=json").json()["checks"] == []


def test_save_a_check_list_it_and_delete_it(client: TestClient) -> None:
    text = "my calf has been twitching for three days, no weakness"
    answer = post(client, "/", "/answer", {"text": text})
    assert "Save this check to my diary" in answer.text
    form = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"',
                           answer.text[answer.text.index('id="save"'):]))
    saved = client.post("/check/save", data={**form, "answer:fever": "no"})
    assert saved.status_code == 200 and str(saved.url).endswith("/diary#checks")
    section = saved.text[saved.text.index('id="checks"'):saved.text.index('id="days"')]
    assert "Self-care" in section and "Most likely: Harmless muscle twitches" in section
    assert "twitching for three days" in section
    stored = client.get("/api/v1/export?format=json").json()["checks"]
    assert len(stored) == 1 and stored[0]["text"] == text
    assert stored[0]["answers"] == {"fever": "no"}
    assert stored[0]["result"]["triage"]["level"] == "self_care"
    check_id = re.search(r"/diary/checks/(\d+)/delete", section).group(1)
    post(client, "/diary", f"/diary/checks/{check_id}/delete", {})
    assert client.get("/api/v1/export?format=json").json()["checks"] == []
    assert post(client, "/diary", f"/diary/checks/{check_id}/delete", {}).status_code == 404
    nothing = post(client, "/diary", "/check/save", {"text": " "})
    assert nothing.status_code == 422 and "no check to save" in nothing.text
    assert client.post("/check/save", data={"text": text}).status_code == 403  # no CSRF token


def test_empty_description_is_a_readable_error(client: TestClient) -> None:
    response = post(client, "/", "/answer", {"text": "  "})
    assert response.status_code == 422
    assert "describe your leg jerks" in response.text and "Traceback" not in response.text


def test_log_edit_delete_an_episode(client: TestClient) -> None:
    logged = post(client, "/diary", "/diary/episodes", {"kind": "cramp", "intensity": "6",
                                                        "where": "left-calf", "at": ""})
    assert logged.status_code == 200 and "Cramp" in logged.text and "left calf" in logged.text
    episode = client.get("/api/v1/episodes").json()["episodes"][0]
    assert (episode["kind"], episode["intensity"]) == ("cramp", 6)
    edited = post(client, f"/diary/episodes/{episode['id']}/edit",
                  f"/diary/episodes/{episode['id']}",
                  {"kind": "jerk", "intensity": "2", "at": "2026-01-05T21:30"})
    assert edited.status_code == 200
    changed = client.get(f"/api/v1/episodes/{episode['id']}").json()
    assert (changed["kind"], changed["intensity"], changed["at"][:16]) == \
        ("jerk", 2, "2026-01-05T21:30")
    post(client, "/diary", f"/diary/episodes/{episode['id']}/delete", {})
    assert client.get("/api/v1/episodes").json()["episodes"] == []


def test_bad_episode_is_a_readable_error_page(client: TestClient) -> None:
    response = post(client, "/diary", "/diary/episodes", {"kind": "twitch", "intensity": "99"})
    assert response.status_code == 422
    assert "intensity: Input should be less than or equal to 10" in response.text
    assert client.get("/diary/episodes/999/edit").status_code == 404
    long_ago = post(client, "/diary", "/diary/episodes", {"kind": "twitch",
                                                         "at": "99999999 hours ago"})
    assert long_ago.status_code == 422 and "is before 1900-01-01" in long_ago.text


def test_a_page_number_far_past_the_end_is_an_empty_page(client: TestClient) -> None:
    response = client.get("/diary", params={"page_number": 10**22})
    assert response.status_code == 200


def test_doctor_report_before_1900_is_a_readable_error_page(client: TestClient) -> None:
    response = client.get("/report/doctor", params={"format": "html", "since": "0001-01-01"})
    assert response.status_code == 422 and "is before 1900-01-01" in response.text


def test_day_context_and_statistics(client: TestClient) -> None:
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    saved = post(client, "/diary", "/diary/days", [
        ("day", yesterday), ("caffeine_cups", "4"), ("sleep_hours", "5.5"),
        ("medicines", "sertraline, ibuprofen"), ("symptoms", "numbness_tingling")])
    assert saved.status_code == 200 and "caffeine 4" in saved.text
    (day,) = client.get("/api/v1/days").json()["days"]
    assert day["medicines"] == ["ibuprofen", "sertraline"] and day["sleep_hours"] == 5.5
    post(client, f"/diary/days/{day['id']}/edit", f"/diary/days/{day['id']}",
         {"day": yesterday, "caffeine_cups": "1"})
    day = client.get(f"/api/v1/days/{day['id']}").json()
    assert (day["caffeine_cups"], day["sleep_hours"], day["symptoms"]) == (1, None, [])
    for hours in ("1 hours ago", "26 hours ago", "50 hours ago"):
        post(client, "/diary", "/diary/episodes", {"kind": "twitch", "at": hours})
    diary = client.get("/diary").text
    assert 'src="/diary/chart.png"' in diary and "Time of day" in diary
    assert "3 episodes" in diary
    assert client.get("/diary/chart.png").content.startswith(b"\x89PNG")


def test_report_offers_the_export_and_imports(client: TestClient) -> None:
    client.post("/api/v1/episodes", json={"kind": "urge"})
    page = client.get("/report").text
    assert 'href="/report/diary.csv"' in page and 'href="/report/diary.json"' in page
    exported = client.get("/report/diary.json")
    assert exported.json()["episodes"][0]["kind"] == "urge"
    assert client.get("/report/diary.csv").text.startswith("type,id,at")
    client.delete(f"/api/v1/episodes/{exported.json()['episodes'][0]['id']}")
    imported = client.post("/report/import", data={"csrf": csrf_of(page)},
                           files={"file": ("diary.json", exported.content, "application/json")})
    assert "Imported 1 episodes" in imported.text
    assert len(client.get("/api/v1/episodes").json()["episodes"]) == 1


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_serve_starts_the_app(tmp_path: Path) -> None:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "legcheck", "serve", "--port", str(port), "--db",
         f"sqlite:///{tmp_path / 'served.sqlite3'}"], stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=2)
                break
            except httpx.TransportError:
                assert server.poll() is None and time.monotonic() < deadline, "did not start"
                time.sleep(0.3)
        assert response.json() == {"status": "ok"}
        assert "Describe your leg jerks" in httpx.get(f"http://127.0.0.1:{port}/").text
    finally:
        server.terminate()
        server.wait(timeout=30)
        server.stderr.close()  # type: ignore[union-attr]


def test_report_page_offers_the_doctors_report_and_fhir(client: TestClient) -> None:
    client.post("/api/v1/episodes", json={"kind": "cramp"})
    page = client.get("/report").text
    assert 'action="/report/doctor"' in page and 'href="/report/diary.fhir.json"' in page
    assert client.get("/report/doctor", params={"format": "pdf"}).content.startswith(b"%PDF-")
    html = client.get("/report/doctor", params={"format": "html", "since": "", "until": ""})
    assert html.status_code == 200 and "inline" in html.headers["content-disposition"]
    assert client.get("/report/diary.fhir.json").json()["resourceType"] == "Bundle"
    bad = client.get("/report/doctor", params={"format": "html", "since": "soon"})
    assert bad.status_code == 422 and "since: give a date" in bad.text
    assert client.get("/report/diary.xml").status_code == 404

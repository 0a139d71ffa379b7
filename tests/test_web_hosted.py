"""Hosted mode, on SQLite and on PostgreSQL (LEGCHECK_TEST_DATABASE_URL, a fresh schema per test):
accounts, tokens, sessions, CSRF, isolation between accounts, rate limits kept in the database,
the audit log, export all and delete all, and the refusal to start with a placeholder secret."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from legcheck.api import check
from legcheck.cli import app as cli
from legcheck.errors import SettingsError
from legcheck.settings import Settings
from legcheck.web import create_app
from pg_schema import postgres_schema_url

SECRET = "a-test-secret-that-is-long-enough"
PASSWORD = "correct horse battery"
RESULT = check(text="calf twitching").to_dict()  # a check's result, as an import needs it
APPS: list = []


def _close_apps() -> None:
    while APPS:  # the app's connections first, or DROP SCHEMA waits for them
        APPS.pop().state.web.engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'hosted.sqlite3'}"
        return
    if not os.environ.get("LEGCHECK_TEST_DATABASE_URL"):
        pytest.skip("LEGCHECK_TEST_DATABASE_URL is not set (.ci/run sets it)")
    yield from postgres_schema_url(_close_apps)


def hosted_app(database: str, **settings: object):
    app = create_app(Settings(database_url=database, hosted=True, secret_key=SECRET,
                              **settings))  # type: ignore[arg-type]
    APPS.append(app)
    return app


@pytest.fixture(autouse=True)
def _dispose() -> Iterator[None]:
    yield
    while APPS:
        APPS.pop().state.web.engine.dispose()


@pytest.fixture
def api(database: str) -> TestClient:
    return TestClient(hosted_app(database), base_url="https://testserver")


def signup(client: TestClient, email: str) -> dict[str, str]:
    response = client.post("/api/v1/accounts", json={"email": email, "password": PASSWORD,
                                                     "timezone": "Europe/London"})
    assert response.status_code == 201, response.text
    return {"Authorization": f"Bearer {response.json()['token']}"}


def test_placeholder_secret_is_refused(tmp_path: Path, runner, monkeypatch) -> None:
    database = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    with pytest.raises(SettingsError, match="LEGCHECK_SECRET_KEY"):
        create_app(Settings(database_url=database, hosted=True))
    monkeypatch.setenv("LEGCHECK_HOSTED", "1")
    result = runner.invoke(cli, ["serve", "--db", database])
    assert result.exit_code == 2 and "LEGCHECK_SECRET_KEY" in result.output


def test_the_diary_needs_a_token(api: TestClient) -> None:
    for method, url in (("get", "/api/v1/episodes"), ("post", "/api/v1/days"),
                        ("get", "/api/v1/stats"), ("get", "/api/v1/export"),
                        ("get", "/api/v1/account/export")):
        response = getattr(api, method)(url, headers={"Authorization": "Bearer lc_forged"})
        assert response.status_code == 401 and "Bearer" in response.json()["detail"]
    assert api.post("/api/v1/check", json={"answers": {"weakness": "no"}}).status_code == 200


def test_accounts_are_isolated(api: TestClient) -> None:
    alice, bob = signup(api, "alice@example.org"), signup(api, "bob@example.org")
    episode = api.post("/api/v1/episodes", headers=alice,
                       json={"kind": "twitch", "note": "alice-secret"}).json()
    day = api.post("/api/v1/days", headers=alice, json={"note": "alice-day-secret"}).json()
    tries = [("get", f"/api/v1/episodes/{episode['id']}", None),
             ("patch", f"/api/v1/episodes/{episode['id']}", {"note": "bob was here"}),
             ("delete", f"/api/v1/episodes/{episode['id']}", None),
             ("get", f"/api/v1/days/{day['id']}", None),
             ("patch", f"/api/v1/days/{day['id']}", {"note": "bob was here"}),
             ("delete", f"/api/v1/days/{day['id']}", None)]
    for method, url, body in tries:
        response = getattr(api, method)(url, headers=bob, **({"json": body} if body else {}))
        assert response.status_code == 404, (method, url)
        assert "alice" not in response.text
    for url in ("/api/v1/episodes", "/api/v1/days", "/api/v1/export", "/api/v1/stats",
                "/api/v1/account/export"):
        assert "alice" not in api.get(url, headers=bob).text, url
    assert api.get("/api/v1/episodes", headers=bob).json()["episodes"] == []
    assert api.get(f"/api/v1/episodes/{episode['id']}", headers=alice).json() == episode
    assert api.get(f"/api/v1/days/{day['id']}", headers=alice).json() == day


def test_import_lands_in_the_importers_diary(api: TestClient) -> None:
    alice, bob = signup(api, "alice@example.org"), signup(api, "bob@example.org")
    api.post("/api/v1/episodes", headers=alice, json={"kind": "cramp", "note": "mine"})
    exported = api.get("/api/v1/export", headers=alice, params={"format": "csv"}).text
    imported = api.post("/api/v1/import", headers={**bob, "Content-Type": "text/csv"},
                        content=exported)  # alice's ids, which bob's import does not keep
    assert imported.json() == {"episodes": 1, "days": 0}
    (mine,) = api.get("/api/v1/episodes", headers=alice).json()["episodes"]
    (copied,) = api.get("/api/v1/episodes", headers=bob).json()["episodes"]
    assert copied["note"] == "mine" and copied["id"] != mine["id"]
    again = api.post("/api/v1/import", headers={**bob, "Content-Type": "text/csv"},
                     content=exported)
    assert again.status_code == 422 and "already holds a cramp" in again.json()["detail"]


def test_an_import_with_huge_ids_does_not_stop_another_account(api: TestClient) -> None:
    alice, bob = signup(api, "alice@example.org"), signup(api, "bob@example.org")
    assert api.post("/api/v1/episodes", headers=alice, json={"kind": "twitch"}).status_code == 201
    document = {"format": "legcheck-diary", "version": 1, "episodes": [
        {"id": 2_147_483_647, "at": "2026-01-01T00:00:00+00:00", "kind": "twitch"}],
        "days": [{"id": 2_147_483_647, "day": "2026-01-01"}], "checks": [
        {"id": 2_147_483_647, "at": "2026-01-01T00:00:00+00:00", "knowledge_version": "1",
         "answers": {}, "result": RESULT}]}
    imported = api.post("/api/v1/import", headers=bob, json=document)
    assert imported.json() == {"episodes": 1, "days": 1}
    logged = api.post("/api/v1/episodes", headers=alice, json={"kind": "cramp"})
    assert logged.status_code == 201, logged.text
    assert api.post("/api/v1/days", headers=alice, json={"sleep_hours": 7}).status_code == 201
    assert api.post("/api/v1/episodes", headers=bob, json={"kind": "jerk"}).status_code == 201
    assert len(api.get("/api/v1/episodes", headers=alice).json()["episodes"]) == 2


@pytest.mark.parametrize("zone_name", ["A" * 300, "Europe/" + "x" * 60, "Mars/Base"])
def test_signup_with_an_impossible_time_zone_is_refused(api: TestClient, zone_name: str) -> None:
    response = api.post("/api/v1/accounts", json={"email": "zed@example.org",
                                                  "password": PASSWORD, "timezone": zone_name})
    assert response.status_code == 422 and "unknown time zone" in response.json()["detail"]


def test_nul_in_what_an_account_sends_is_a_422(api: TestClient) -> None:
    """PostgreSQL cannot store or compare text holding NUL: each of these was a 500 or a 503."""
    bad_signup = api.post("/api/v1/accounts", json={"email": "nul\x00@example.org",
                                                    "password": PASSWORD})
    bad_login = api.post("/api/v1/tokens", json={"email": "dan\x00@example.org",
                                                 "password": PASSWORD})
    headers = signup(api, "dan@example.org")
    bad_name = api.post("/api/v1/tokens", json={"email": "dan@example.org",
                                                "password": PASSWORD, "name": "phone\x00"})
    bad_note = api.post("/api/v1/episodes", headers=headers,
                        json={"kind": "twitch", "note": "sore\x00"})
    bad_medicine = api.post("/api/v1/days", headers=headers, json={"medicines": ["iron\x00"]})
    for response in (bad_signup, bad_login, bad_name, bad_note, bad_medicine):
        assert response.status_code == 422, response.text
        assert "NUL" in response.json()["detail"] or "email" in response.json()["detail"]
    assert api.get("/api/v1/episodes", headers=headers).json()["episodes"] == []


def test_tokens_by_password_and_wrong_passwords(api: TestClient) -> None:
    signup(api, "carol@example.org")
    wrong = api.post("/api/v1/tokens", json={"email": "carol@example.org", "password": "nope"})
    unknown = api.post("/api/v1/tokens", json={"email": "who@example.org", "password": "nope"})
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json() == unknown.json()
    token = api.post("/api/v1/tokens", json={"email": "Carol@Example.org",
                                             "password": PASSWORD}).json()["token"]
    assert api.get("/api/v1/episodes", headers={"Authorization": f"Bearer {token}"}) \
        .status_code == 200
    duplicate = api.post("/api/v1/accounts", json={"email": "carol@example.org",
                                                   "password": PASSWORD})
    assert duplicate.status_code == 422 and "already an account" in duplicate.json()["detail"]
    short = api.post("/api/v1/accounts", json={"email": "dan@example.org", "password": "short"})
    assert short.status_code == 422 and "at least 10" in short.json()["detail"]


def test_login_rate_limit_is_shared_by_processes(database: str) -> None:
    first = TestClient(hosted_app(database, login_attempts_per_window=3),
                       base_url="https://testserver")
    second = TestClient(hosted_app(database, login_attempts_per_window=3),
                        base_url="https://testserver")
    body = {"email": "eve@example.org", "password": "guess-guess"}
    statuses = [client.post("/api/v1/tokens", json=body).status_code
                for client in (first, second, first, second)]
    assert statuses == [401, 401, 401, 429]


def test_check_rate_limit(database: str) -> None:
    client = TestClient(hosted_app(database, checks_per_window=2), base_url="https://testserver")
    statuses = [client.post("/api/v1/check", json={"answers": {"weakness": "no"}}).status_code
                for _ in range(3)]
    assert statuses == [200, 200, 429]


def test_audit_log_export_all_and_delete_all(api: TestClient, database: str) -> None:
    frank = signup(api, "frank@example.org")
    episode = api.post("/api/v1/episodes", headers=frank, json={"kind": "jerk"}).json()
    api.get(f"/api/v1/episodes/{episode['id']}", headers=frank)
    everything = api.get("/api/v1/account/export", headers=frank).json()
    assert everything["account"]["email"] == "frank@example.org"
    assert [e["id"] for e in everything["diary"]["episodes"]] == [episode["id"]]
    actions = [(e["action"], e["target"]) for e in everything["audit_log"]]
    assert (f"GET /api/v1/episodes/{episode['id']}", f"episode_id={episode['id']}") in actions
    assert ("POST /api/v1/episodes", None) in actions
    assert api.delete("/api/v1/account", headers=frank).status_code == 204
    assert api.get("/api/v1/episodes", headers=frank).status_code == 401
    engine = APPS[0].state.web.engine
    with engine.connect() as connection:
        for table in ("accounts", "episodes", "api_tokens", "profiles"):
            assert connection.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar() == 0, table
        assert connection.execute(text(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'account deleted'")).scalar() == 1


# ---- pages --------------------------------------------------------------------------------
def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf" value="([0-9a-f]+)"', html)
    assert found
    return found.group(1)


def browser(database: str) -> TestClient:
    return TestClient(hosted_app(database), base_url="https://testserver")


def page_signup(client: TestClient, email: str) -> None:
    token = csrf_of(client.get("/signup").text)
    response = client.post("/signup", data={"csrf": token, "email": email, "password": PASSWORD,
                                            "timezone": "Europe/London"})
    assert response.status_code == 200 and "Log an episode" in response.text


def test_pages_need_a_login_and_set_secure_cookies(database: str) -> None:
    client = browser(database)
    assert client.get("/diary", follow_redirects=False).headers["location"] == "/login"
    token = csrf_of(client.get("/signup").text)
    response = client.post("/signup", follow_redirects=False, data={
        "csrf": token, "email": "gina@example.org", "password": PASSWORD, "timezone": "UTC"})
    cookie = response.headers["set-cookie"].lower()
    assert "legcheck_session=" in cookie and "httponly" in cookie and "secure" in cookie \
        and "samesite=lax" in cookie
    assert client.get("/diary").status_code == 200
    assert 'href="/account"' in client.get("/").text  # logged in, on a page without the diary
    forged = client.post("/diary/episodes", data={"csrf": "0" * 64, "kind": "twitch"})
    assert forged.status_code == 403
    client.post("/logout", data={"csrf": csrf_of(client.get("/diary").text)})
    assert client.get("/diary", follow_redirects=False).status_code == 303


def test_pages_are_isolated(database: str) -> None:
    alice, bob = browser(database), browser(database)
    page_signup(alice, "alice@example.org")
    page_signup(bob, "bob@example.org")
    alice.post("/diary/episodes", data={"csrf": csrf_of(alice.get("/diary").text),
                                        "kind": "cramp", "note": ""})
    assert "<strong>Cramp</strong>" in alice.get("/diary").text
    assert "<strong>Cramp</strong>" not in bob.get("/diary").text
    episode_id = re.search(r"/diary/episodes/(\d+)/edit", alice.get("/diary").text).group(1)
    assert bob.get(f"/diary/episodes/{episode_id}/edit").status_code == 404
    token = csrf_of(bob.get("/diary").text)
    assert bob.post(f"/diary/episodes/{episode_id}/delete", data={"csrf": token}) \
        .status_code == 404
    assert bob.post(f"/diary/episodes/{episode_id}", data={"csrf": token, "kind": "jerk"}) \
        .status_code == 404
    assert "<strong>Cramp</strong>" in alice.get("/diary").text
    assert '"episodes": []' in bob.get("/report/diary.json").text.replace("\n", "")
    alice.post("/diary/days", data={"csrf": csrf_of(alice.get("/diary").text), "day": "today",
                                    "note": "alice-day"})
    day_id = re.search(r"/diary/days/(\d+)/edit", alice.get("/diary").text).group(1)
    assert bob.get(f"/diary/days/{day_id}/edit").status_code == 404
    assert bob.post(f"/diary/days/{day_id}", data={"csrf": token, "note": "bob"}) \
        .status_code == 404
    assert bob.post(f"/diary/days/{day_id}/delete", data={"csrf": token}).status_code == 404
    assert "alice-day" in alice.get(f"/diary/days/{day_id}/edit").text
    alice.post("/check/save", data={"csrf": csrf_of(alice.get("/diary").text),
                                    "text": "alice-check twitching"})
    assert "alice-check" in alice.get("/diary").text and "alice-check" not in bob.get("/diary").text
    check_id = re.search(r"/diary/checks/(\d+)/delete", alice.get("/diary").text).group(1)
    assert bob.post(f"/diary/checks/{check_id}/delete", data={"csrf": token}).status_code == 404
    assert "alice-check" in alice.get("/diary").text


def test_page_login_and_delete_account(database: str) -> None:
    client = browser(database)
    page_signup(client, "hal@example.org")
    client.post("/logout", data={"csrf": csrf_of(client.get("/account").text)})
    wrong = client.post("/login", data={"csrf": csrf_of(client.get("/login").text),
                                        "email": "hal@example.org", "password": "wrong one!"})
    assert wrong.status_code == 401 and "Wrong email or password" in wrong.text
    client.post("/login", data={"csrf": csrf_of(client.get("/login").text),
                                "email": "hal@example.org", "password": PASSWORD})
    account = client.get("/account")
    assert "hal@example.org" in account.text
    assert client.get("/account/export").json()["account"]["email"] == "hal@example.org"
    refused = client.post("/account/delete", data={"csrf": csrf_of(account.text),
                                                   "password": "not it at all"})
    assert refused.status_code == 422
    deleted = client.post("/account/delete", data={"csrf": csrf_of(account.text),
                                                   "password": PASSWORD})
    assert "have been deleted" in deleted.text
    assert client.get("/diary", follow_redirects=False).status_code == 303


def test_old_rate_counters_are_swept(database: str, monkeypatch) -> None:
    from legcheck.web import security

    engine = hosted_app(database).state.web.engine
    assert security.allow(engine, key="old", limit=5, window_seconds=60, now=1_000)
    monkeypatch.setattr(security, "SWEEP_CHANCE", 1.0)
    assert security.allow(engine, key="new", limit=5, window_seconds=60, now=10_000)
    with engine.connect() as connection:
        keys = connection.execute(text("SELECT key FROM rate_counters")).scalars().all()
    assert keys == ["new"]


def test_a_guided_check_counts_once_against_the_limit(database: str) -> None:
    client = TestClient(hosted_app(database, checks_per_window=2), base_url="https://testserver")
    token = csrf_of(client.get("/").text)
    page = client.post("/check/next", data={"csrf": token, "text": "my calf twitches"}).text
    for _ in range(4):
        finding = re.search(r'name="finding" value="([^"]+)"', page).group(1)
        asked = re.findall(r'name="asked" value="([^"]+)"', page)
        page = client.post("/check/next", data={"csrf": token, "text": "my calf twitches",
                                                "finding": finding, "asked": asked,
                                                "action": "next"}).text
        assert 'name="finding"' in page
    second = client.post("/check/next", data={"csrf": token, "text": "another"})
    third = client.post("/check/next", data={"csrf": token, "text": "and another"})
    assert (second.status_code, third.status_code) == (200, 429)

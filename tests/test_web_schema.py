"""schemathesis against the OpenAPI description: requests generated from the schema (valid and
not) never get a server error (5xx) from any route, in local mode and, for the account routes,
in hosted mode. (It found that an id beyond 64 bits crashed SQLite: ids are now bounded.)"""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from legcheck.settings import Settings
from legcheck.web import create_app

DATABASE = Path(__file__).resolve().parent / "output" / "schemathesis.sqlite3"
DATABASE.parent.mkdir(parents=True, exist_ok=True)
HOSTED_DATABASE = DATABASE.with_name("schemathesis-hosted.sqlite3")
DATABASE.unlink(missing_ok=True)
HOSTED_DATABASE.unlink(missing_ok=True)
APP = create_app(Settings(database_url=f"sqlite:///{DATABASE}", timezone="Europe/London"))
HOSTED = create_app(Settings(database_url=f"sqlite:///{HOSTED_DATABASE}", hosted=True,
                             secret_key="schemathesis-secret-key-0123456789"))
schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", APP)
hosted_schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", HOSTED)


@pytest.fixture(scope="module", autouse=True)
def _close_database():
    yield
    APP.state.web.engine.dispose()
    HOSTED.state.web.engine.dispose()


@schema.exclude(path_regex="chart").parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors(case) -> None:
    case.call_and_validate(checks=[not_a_server_error])


@hosted_schema.include(path_regex="account|token").parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors_in_hosted_mode(case) -> None:
    case.call_and_validate(checks=[not_a_server_error])

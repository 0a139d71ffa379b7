"""Every setting has help text and is documented in the README (docs cannot drift)."""

from __future__ import annotations

from pathlib import Path

from legcheck.settings import Settings

README = (Path(__file__).resolve().parent.parent / "README.md").read_text()


def test_every_setting_is_described_and_documented() -> None:
    for name, field in Settings.model_fields.items():
        assert field.description, f"{name} has no help text"
        assert f"LEGCHECK_{name.upper()}" in README, f"LEGCHECK_{name.upper()} is not in README"


def test_settings_read_the_environment(monkeypatch) -> None:
    monkeypatch.setenv("LEGCHECK_DATABASE_URL", "sqlite:////tmp/elsewhere.sqlite3")
    monkeypatch.setenv("LEGCHECK_PROFILE", "alex")
    settings = Settings()
    assert settings.database_url.endswith("elsewhere.sqlite3") and settings.profile == "alex"


def test_default_database_is_sqlite_in_the_data_folder(monkeypatch) -> None:
    monkeypatch.delenv("LEGCHECK_DATABASE_URL", raising=False)
    assert Settings().database_url.startswith("sqlite:///")
    assert "legcheck" in Settings().database_url

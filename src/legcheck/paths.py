"""Where the local diary lives by default. Kept apart from settings.py so that a check from
answers can tell whether a diary exists without importing the settings machinery."""

from __future__ import annotations

from pathlib import Path

import platformdirs


def default_database_path() -> Path:
    return Path(platformdirs.user_data_dir("legcheck", appauthor=False)) / "diary.sqlite3"


def default_database_url() -> str:
    return f"sqlite:///{default_database_path()}"

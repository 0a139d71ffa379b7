"""Shared pieces of the diary analysis: plain-data conversion and how numbers are written."""

from __future__ import annotations

import dataclasses
import math
from datetime import date
from typing import Any


class Plain:
    """to_dict() for a frozen dataclass: dates in ISO form, tuples as lists, inf and NaN as None."""

    def to_dict(self) -> dict[str, Any]:
        return {field.name: plain(getattr(self, field.name))
                for field in dataclasses.fields(self)}  # type: ignore[arg-type]


def plain(value: Any) -> Any:
    """A JSON-ready copy of value."""
    if isinstance(value, Plain):
        return value.to_dict()
    if isinstance(value, tuple | list):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def ratio_text(ratio: float | None) -> str:
    """A rate ratio in one or two decimals: 2.0, 1.4, 1.05; extremes as 'under 0.01', 'over 100'."""
    if ratio is None or not math.isfinite(ratio):
        return "no upper limit"
    if ratio < 0.01:
        return "under 0.01"
    if ratio > 100:
        return "over 100"
    if ratio >= 10:
        return f"{ratio:.0f}"
    text = f"{ratio:.2f}"
    return text[:-1] if text.endswith("0") else text


def times_text(ratio: float) -> str:
    """'about 1.4 times', or 'over 100 times' where 'about' would be odd."""
    text = ratio_text(ratio)
    return f"{text} times" if text.startswith(("under", "over")) else f"about {text} times"


def interval_text(low: float | None, high: float | None) -> str:
    """'95% CI 1.2 to 1.6'."""
    return f"95% CI {ratio_text(low)} to {ratio_text(high)}"


def rate_text(per_day: float) -> str:
    """'3.2 episodes a day', or per week when it is under one a day: '2.1 episodes a week'."""
    if per_day >= 1:
        return f"{per_day:.1f} episodes a day"
    return f"{per_day * 7:.1f} episodes a week"


def plural(count: int, word: str) -> str:
    """'1 day', '3 days'."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def percent(share: float) -> str:
    """'62%'."""
    return f"{round(share * 100)}%"

"""When something happened, as people type it: "now", "yesterday 22:30", "2 hours ago",
"2026-11-20 21:15". Parsed in the person's time zone; pure (the current time is passed in)."""

from __future__ import annotations

import os
import re
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from legcheck.diary.entries import CLOCK_SKEW, EARLIEST_DAY
from legcheck.errors import InputError

_RELATIVE = re.compile(r"^(\d+(?:\.\d+)?)\s*(minutes?|mins?|hours?|hrs?|h|days?)\s+ago$")
_DAY_AND_TIME = re.compile(r"^(today|yesterday|last night)?\s*(\d{1,2})[:.h](\d{2})$")
# The longest IANA zone name is 32 characters; the database keeps up to 64.
LONGEST_ZONE_NAME = 64


def zone(name: str) -> ZoneInfo:
    if not isinstance(name, str):
        raise InputError("a time zone must be a name like Europe/London")
    try:
        if len(name) > LONGEST_ZONE_NAME:
            raise ValueError(name)
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a name too long for a file
        raise InputError(f"unknown time zone {name[:80]!r} (use a name like Europe/London)") \
            from None


def local_zone_name() -> str:
    """The computer's zone as an IANA name, or UTC if it cannot be told."""
    if os.environ.get("TZ"):
        return os.environ["TZ"].lstrip(":")
    link = Path("/etc/localtime")
    if link.is_symlink() and "zoneinfo/" in str(link.resolve()):
        return str(link.resolve()).split("zoneinfo/", 1)[1]
    return "UTC"


def parse_when(text: str, *, now: datetime) -> datetime:
    """An aware datetime in `now`'s zone, or InputError with a one-line reason."""
    said = " ".join(text.strip().lower().split())
    try:
        moment = _parse(said, now)
    except OverflowError:  # "99999999 hours ago": before year 1
        raise InputError(f"the time '{text}' is before {EARLIEST_DAY:%Y-%m-%d}") from None
    if moment is None:
        raise InputError(f"cannot read the time '{text}' (try 'now', 'yesterday 22:30', "
                         f"'2 hours ago' or '2026-11-20 21:15')")
    if moment > now + CLOCK_SKEW:
        raise InputError(f"the time '{text}' is in the future")
    if moment.date() < EARLIEST_DAY:
        raise InputError(f"the time '{text}' is before {EARLIEST_DAY:%Y-%m-%d}")
    return moment


def _parse(said: str, now: datetime) -> datetime | None:
    if said in ("", "now"):
        return now
    relative = _RELATIVE.match(said)
    if relative:
        amount, unit = float(relative.group(1)), relative.group(2)
        scale = {"m": timedelta(minutes=1), "h": timedelta(hours=1), "d": timedelta(days=1)}
        return now - amount * scale[unit[0]]
    day_time = _DAY_AND_TIME.match(said)
    if day_time:
        offset = 0 if day_time.group(1) in (None, "today") else 1
        hour, minute = int(day_time.group(2)), int(day_time.group(3))
        if hour > 23 or minute > 59:
            return None  # "25:00" is a typing mistake, not 01:00
        clock = time(hour, minute)
        return datetime.combine(now.date() - timedelta(days=offset), clock, now.tzinfo)
    try:
        parsed = datetime.fromisoformat(said.replace(" ", "T"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=now.tzinfo)


def parse_day(text: str, *, today: date) -> date:
    said = text.strip().lower()
    if said in ("", "today"):
        return today
    if said == "yesterday":
        return today - timedelta(days=1)
    try:
        day = date.fromisoformat(said)
    except ValueError:
        raise InputError(f"cannot read the day '{text}' (try 'today', 'yesterday' or "
                         f"'2026-11-20')") from None
    if day < EARLIEST_DAY:
        raise InputError(f"the day '{text}' is before {EARLIEST_DAY:%Y-%m-%d}")
    return day

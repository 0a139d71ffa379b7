"""CSRF tokens for the pages, rate limits and the audit log: all without state in the process.

CSRF: a form carries HMAC(secret, the browser's session or visitor cookie); a cross-site page can
neither read that cookie nor compute the token. Rate limits count in the database, in fixed
windows, so every server process sees the same counts."""

from __future__ import annotations

import hashlib
import hmac
import random
import time
from datetime import UTC, datetime

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from legcheck.web.models import AuditEvent


def csrf_token(secret: str, seed: str) -> str:
    return hmac.new(secret.encode(), f"csrf:{seed}".encode(), hashlib.sha256).hexdigest()


def csrf_valid(secret: str, seed: str | None, given: str | None) -> bool:
    if not seed or not given:
        return False
    return hmac.compare_digest(csrf_token(secret, seed), given)


SWEEP_CHANCE = 0.01
_COUNT = text("""
INSERT INTO rate_counters (key, window_start, count) VALUES (:key, :window, 1)
ON CONFLICT (key) DO UPDATE SET
  count = CASE WHEN rate_counters.window_start = :window THEN rate_counters.count + 1 ELSE 1 END,
  window_start = :window
RETURNING count
""")


def allow(engine: Engine, *, key: str, limit: int, window_seconds: int,
          now: float | None = None) -> bool:
    """Count one attempt under `key`; False once more than `limit` fall in the current window.
    One atomic upsert, so concurrent processes cannot both slip under the limit."""
    window = int((time.time() if now is None else now) // window_seconds) * window_seconds
    with engine.begin() as connection:
        count = connection.execute(_COUNT, {"key": key[:300], "window": window}).scalar_one()
        if random.random() < SWEEP_CHANCE:  # now and then, forget counters of past windows
            connection.execute(text("DELETE FROM rate_counters WHERE window_start < :old"),
                               {"old": window - window_seconds})
    return count <= limit


def audit(engine: Engine, *, account_id: int | None, action: str, target: str | None = None,
          client: str | None = None, detail: str | None = None) -> None:
    """Record one access to personal data (who, what, which entry, from where, when)."""
    with Session(engine) as session, session.begin():
        session.add(AuditEvent(at=datetime.now(UTC), account_id=account_id, action=action,
                               target=target, client=(client or "")[:100] or None,
                               detail=detail))


def audit_events(engine: Engine, *, account_id: int) -> list[dict[str, str | None]]:
    with Session(engine) as session:
        rows = session.query(AuditEvent).filter(AuditEvent.account_id == account_id) \
            .order_by(AuditEvent.id).all()
        return [{"at": row.at.isoformat(), "action": row.action, "target": row.target,
                 "client": row.client} for row in rows]

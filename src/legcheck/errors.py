"""The errors legcheck raises on purpose.

LegcheckError
  InputError       something a person gave us is wrong (unknown finding, value out of range,
                   unreadable answers file); the CLI prints its message on one line and exits 2
    NotFoundError  an entry id that is not in this person's diary (HTTP 404; exit 2 on the CLI)
  KnowledgeError   the knowledge base is invalid; carries every problem with its file and field
  StorageError     the diary database cannot be opened or written; the message is one line
  SettingsError    a setting is unsafe or missing (hosted mode with the placeholder secret)
"""

from __future__ import annotations


class LegcheckError(Exception):
    """Base class for every error legcheck raises on purpose."""


class InputError(LegcheckError, ValueError):
    """Bad input from the person or the caller: the message is one readable line."""


class NotFoundError(InputError):
    """An id that names nothing in this person's diary (or names someone else's entry)."""


class KnowledgeError(LegcheckError):
    """The knowledge base failed validation."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        shown = "; ".join(problems[:3])
        more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
        super().__init__(f"knowledge base is invalid: {shown}{more}")


class StorageError(LegcheckError):
    """The diary database cannot be opened, migrated or written."""


class SettingsError(LegcheckError):
    """The settings do not allow what was asked (the server refuses to start)."""

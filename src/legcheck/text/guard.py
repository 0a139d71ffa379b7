"""What text we accept: not empty, not too long, and text rather than binary data."""

from __future__ import annotations

import unicodedata

from legcheck.errors import InputError

MAX_CHARACTERS = 20_000


def checked_text(text: str) -> str:
    """The text, stripped, or InputError with a one-line reason."""
    if not isinstance(text, str):
        raise InputError("the description must be text")
    if "\x00" in text or _unprintable_share(text) > 0.1:
        raise InputError("the description does not look like text (binary data?)")
    stripped = text.strip()
    if not stripped:
        raise InputError("the description is empty; describe your leg jerks in a few words")
    if len(stripped) > MAX_CHARACTERS:
        raise InputError(f"the description is too long ({len(stripped):,} characters; the "
                         f"limit is {MAX_CHARACTERS:,})")
    return stripped


def _unprintable_share(text: str) -> float:
    if not text:
        return 0.0
    odd = sum(1 for char in text if unicodedata.category(char) in ("Cc", "Co", "Cn", "Cs")
              and char not in "\n\r\t")
    return odd / len(text)

"""Free text -> findings: what a person wrote, read with the knowledge base's own phrases.

The NLP pipeline (spaCy's PhraseMatcher + medspaCy's ConText) is loaded on first use only, so
checks from structured answers start fast."""

from legcheck.text.reader import TextReading, read_text

__all__ = ["TextReading", "read_text"]

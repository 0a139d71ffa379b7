"""Misspelt words read as the word meant, when only one word of the reader's vocabulary is that
close: "twtiching", "twiching", "numbnesss", "weeak" (in "so weeak"), "tingeling".

Typing slips, tried in order, each accepted only when it leads to exactly one known word:
1. a letter held down ("sooo", "twitchinggg"): a run of three or more letters read as two or one;
2. two letters swapped ("twtich"), a double letter typed single or a single one doubled
   ("numbnes", "twittching");
3. in words of seven letters or more, one letter left out, added or typed wrong ("twiching",
   "tingleing").

A real English word is never corrected ("witches" is not "twitches", "camping" not "cramping"):
`data/english_words.txt.gz` lists every word of five letters or more in the English
word-frequency list of pyspellchecker 0.9.1 (MIT licence, Tyler Barrus; built from the
OpenSubtitles 2018 corpus and word lists), https://github.com/barrust/pyspellchecker. A slip that
is itself such a word ("chilling" for "chillin") is read as that word, not as one of ours.
"""

from __future__ import annotations

import gzip
import re
import string
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from importlib import resources

from legcheck.text.wordforms import word_key

SHORTEST = 5  # shorter words are too easily another word
SHORTEST_FOR_ANY_SLIP = 7
_HELD_DOWN = re.compile(r"(\w)\1{2,}")


@cache
def english_words() -> frozenset[str]:
    data = resources.files("legcheck.text") / "data" / "english_words.txt.gz"
    with data.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as lines:
        return frozenset(line.strip() for line in lines if line.strip())


class Speller:
    """Corrects a word to the key (`word_key`) of the one known word a slip away from it."""

    def __init__(self, known_words: Iterable[str]) -> None:
        self.words = frozenset(word for word in known_words
                               if word.isalpha() and len(word) >= SHORTEST - 1)
        self.keys = frozenset(word_key(word) for word in self.words)
        self.heads = frozenset(word[:4] for word in self.words)  # a quick first filter

    def correct(self, word: str) -> str | None:
        lower = word.lower()
        if len(lower) < SHORTEST or not lower.isalpha() or word_key(lower) in self.keys \
                or lower in english_words():
            return None
        slips: list[Callable[[str], Iterator[str]]] = [_held_down_two, _held_down_one,
                                                       _swapped_or_doubled]
        if len(lower) >= SHORTEST_FOR_ANY_SLIP:
            slips.append(_any_one_letter)
        for slip in slips:
            found = {word_key(candidate) for candidate in slip(lower)
                     if candidate[:4] in self.heads and self._may_mean(candidate)} & self.keys
            if len(found) == 1:
                return found.pop()
            if found:
                return None  # two known words are that close: leave it
        return None


    def _may_mean(self, candidate: str) -> bool:
        """A word of ours, or no English word: "chillin" is "chilling", not "chills"."""
        return candidate in self.words or candidate not in english_words()


def _held_down_two(word: str) -> Iterator[str]:
    yield _HELD_DOWN.sub(r"\1\1", word)


def _held_down_one(word: str) -> Iterator[str]:
    yield _HELD_DOWN.sub(r"\1", word)


def _swapped_or_doubled(word: str) -> Iterator[str]:
    for i in range(len(word) - 1):
        yield word[:i] + word[i + 1] + word[i] + word[i + 2:]  # swapped
        if word[i] == word[i + 1]:
            yield word[:i] + word[i + 1:]  # doubled by mistake
    for i, letter in enumerate(word):
        yield word[:i] + letter + word[i:]  # a double typed single


def _any_one_letter(word: str) -> Iterator[str]:
    for i in range(len(word) + 1):
        if i < len(word):
            yield word[:i] + word[i + 1:]
        for letter in string.ascii_lowercase:
            yield word[:i] + letter + word[i:]
            if i < len(word):
                yield word[:i] + letter + word[i + 1:]


# "-in'" for "-ing", as many people write and speak: "sittin at my desk", "legs jumpin",
# "nothin helps". Four-letter forms only from this list ("thin" is not "thing").
_DROPPED_G = re.compile(r"\b([a-z]{2,}in)(?:'|’)?(?![\w'’])", re.IGNORECASE)
_SHORT_DROPPED_G = {"goin", "doin", "lyin", "dyin", "tyin", "bein"}


def with_g_restored(text: str) -> str:
    """The text with each word written "-in" or "-in'" for "-ing" spelt in full, when the word
    is not itself English and its "-ing" form is ("within", "cousin", "muffin" stay)."""
    def restored(found: re.Match[str]) -> str:
        word = found.group(1)
        lower = word.lower()
        full = lower + "g"
        if lower in _SHORT_DROPPED_G or (len(lower) >= SHORTEST and lower not in english_words()
                                         and full in english_words()):
            return word + ("G" if word.isupper() else "g")
        return found.group(0)

    return _DROPPED_G.sub(restored, text)

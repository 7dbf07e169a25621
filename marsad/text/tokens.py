"""Word tokens and the Arabic proclitics that matter for matching.

News Arabic glues conjunctions (و ف), prepositions (ب ل ك) and the article (ال)
to the word: "وبالقصف", "للجيش", "فالمدنيون". A lexicon entry must match behind
any legal chain of them, and offsets must still point at the whole word.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_WORD = re.compile(r"[0-9A-Za-z\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff]+")
_PROCLITIC_CHAIN = re.compile(r"^(?:[وف])?(?:[بكل]|[بك]ال|ال|لل)?$")


@dataclass(frozen=True, slots=True)
class Token:
    """A word in folded-text offsets, with the length of its proclitic chain."""

    start: int
    end: int
    text: str


def is_letter(ch: str) -> bool:
    return ch.isalpha()


@lru_cache(maxsize=256)
def is_proclitic_chain(prefix: str) -> bool:
    """True when `prefix` is a legal chain such as و، ف، ب، ل، ال، وال، بال، لل، وبال، فلل."""
    return prefix == "" or bool(_PROCLITIC_CHAIN.match(prefix))


def tokens(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


def stems(word: str) -> list[tuple[int, str]]:
    """Every (prefix length, stem) reading of `word` behind a legal proclitic chain."""
    out = [(0, word)]
    for n in range(1, min(5, len(word) - 1)):
        if is_proclitic_chain(word[:n]):
            out.append((n, word[n:]))
    return out


def word_start(text: str, pos: int) -> int:
    """Index where the word containing `pos` begins."""
    while pos > 0 and is_letter(text[pos - 1]):
        pos -= 1
    return pos


class _WordIndex:
    """Where each word of the last text seen starts: built once per article, shared by every matcher."""

    text: str | None = None
    starts: list[int] = []


def word_starts(text: str) -> list[int]:
    """For every index of `text`, the index where its word begins (itself outside words)."""
    if _WordIndex.text is not text:
        starts = list(range(len(text)))
        for m in _WORD.finditer(text):
            s, e = m.start(), m.end()
            starts[s:e] = [s] * (e - s)
        _WordIndex.starts = starts
        _WordIndex.text = text
    return _WordIndex.starts


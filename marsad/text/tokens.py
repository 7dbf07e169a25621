"""Word tokens and the Arabic proclitics that matter for matching.

News Arabic glues conjunctions (و ف), prepositions (ب ل ك) and the article (ال)
to the word: "وبالقصف", "للجيش", "فالمدنيون". A lexicon entry must match behind
any legal chain of them, and offsets must still point at the whole word.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_WORD = re.compile(r"[0-9A-Za-z\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff]+")

PROCLITIC_CHAINS = frozenset(c + p for c in ("", "و", "ف") for p in ("", "ب", "ك", "ل", "بال", "كال", "ال", "لل"))
"""Every legal chain: an optional و/ف, then an optional ب/ك/ل, بال/كال, ال or لل."""


@dataclass(frozen=True, slots=True)
class Token:
    """A word in folded-text offsets, with the length of its proclitic chain."""

    start: int
    end: int
    text: str


def is_proclitic_chain(prefix: str) -> bool:
    """True when `prefix` is a legal chain such as و، ف، ب، ل، ال، وال، بال، لل، وبال، فلل."""
    return prefix in PROCLITIC_CHAINS


def tokens(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


def stems(word: str) -> list[tuple[int, str]]:
    """Every (prefix length, stem) reading of `word` behind a legal proclitic chain."""
    out = [(0, word)]
    for n in range(1, min(5, len(word) - 1)):
        if is_proclitic_chain(word[:n]):
            out.append((n, word[n:]))
    return out

"""Lexicons as data: YAML files beside this module, matched with Aho-Corasick.

Each lexicon file holds `entries`, each with `phrases` (Arabic, any spelling:
they are folded like article text) and attributes the extraction stage reads.
A phrase ending in `*` is a stem and matches any word that continues it
("قصف*" finds قصفت، قصفها). Every phrase matches behind a legal proclitic chain
(و، ف، ب، ل، ال، بال، لل ...), so lexicons list bare forms only.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, NamedTuple

import ahocorasick
import yaml

from marsad.text.normalize import fold
from marsad.text.tokens import PROCLITIC_CHAINS


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon entry: its phrases and the attributes it carries."""

    phrases: tuple[str, ...]
    attrs: dict[str, Any] = field(hash=False, compare=False)

    def get(self, key: str, default: Any = None) -> Any:
        return self.attrs.get(key, default)


class Match(NamedTuple):
    """A lexicon hit in folded-text offsets; `start` includes the proclitic chain (a tuple: cheap to make by the hundred)."""

    start: int
    end: int
    core_start: int
    entry: Entry
    phrase: str
    core_end: int = -1


@lru_cache(maxsize=None)
def load_yaml(name: str) -> Any:
    """Read `data/<name>.yaml` shipped with marsad."""
    text = resources.files("marsad.knowledge").joinpath("data", f"{name}.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def _strip_article(phrase: str) -> tuple[str, bool]:
    """The phrase without its article, and whether it had one (then the text must show it: ال or لل)."""
    if phrase.startswith("ال") and len(phrase) > 3:
        return phrase[2:], True
    return phrase, False


class PhraseMatcher:
    """Multi-pattern matcher over folded text with Arabic word boundaries."""

    def __init__(self, entries: list[Entry]):
        self.entries = entries
        self._auto = ahocorasick.Automaton()
        table: dict[str, list[tuple[Entry, bool, str, bool]]] = {}
        for entry in entries:
            for phrase in entry.phrases:
                stem = phrase.endswith("*")
                key, article = _strip_article(fold(phrase.rstrip("*")))
                if key:
                    table.setdefault(key, []).append((entry, stem, phrase, article))
        for key, hits in table.items():
            self._auto.add_word(key, (len(key), hits))
        if table:
            self._auto.make_automaton()
        self._empty = not table
        self._last_text: str | None = None
        self._last_hits: list[Match] = []
        self._last_starts: list[int] = []

    def find_all(self, text: str, start: int = 0, end: int | None = None) -> list[Match]:
        """Every boundary-valid hit inside text[start:end], overlapping ones included.

        The whole text is scanned once and kept, so the many clause-sized look-ups of one
        article cost a bisect each, not a scan each.
        """
        if self._empty:
            return []
        end = len(text) if end is None else end
        if self._last_text is not text:
            self._last_hits = self._scan(text)
            self._last_starts = [m.core_start for m in self._last_hits]
            self._last_text = text
        i = bisect_left(self._last_starts, start)
        out = []
        for m in self._last_hits[i:]:
            if m.core_start >= end:
                break
            if m.core_end <= end:
                out.append(m)
        return out

    def _scan(self, text: str) -> list[Match]:
        out: list[Match] = []
        n = len(text)
        append = out.append
        for last, (length, hits) in self._auto.iter(text):
            s, e = last - length + 1, last + 1
            w0 = s
            while w0 > 0 and text[w0 - 1].isalnum():
                w0 -= 1
                if s - w0 > 4:
                    break
            chain = text[w0:s]
            if chain not in PROCLITIC_CHAINS:
                continue
            definite = chain.endswith("ال") or chain.endswith("لل")
            at_word_end = e >= n or not text[e].isalpha()
            for entry, stem, phrase, article in hits:
                if article and not definite and chain:
                    continue  # "الرقة" is not in "فرقه": a proclitic without the article is a different word
                if at_word_end:
                    append(Match(w0, e, s, entry, phrase, e))
                elif stem:
                    we = e
                    while we < n and text[we].isalpha():
                        we += 1
                    append(Match(w0, we, s, entry, phrase, e))
        out.sort(key=lambda m: m.core_start)
        return out

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Match]:
        """Longest non-overlapping hits, left to right."""
        hits = sorted(self.find_all(text, start, end), key=lambda m: (m.start, -(m.end - m.start)))
        out: list[Match] = []
        last_end = -1
        for m in hits:
            if m.start >= last_end:
                out.append(m)
                last_end = m.end
        return out


def entries_of(data: Any, key: str = "entries") -> list[Entry]:
    """Turn a loaded lexicon document into entries.

    An entry with `adjectives` ("اسرائيلية") also matches each of the document's
    `adjective_heads` followed by one of them ("ضربات جوية إسرائيلية", "قوات تركية"):
    a head listed under `air` makes the phrase an air actor.
    """
    out = []
    heads = data.get("adjective_heads") or {}
    for raw in data.get(key, []):
        attrs = {k: v for k, v in raw.items() if k not in ("phrases", "adjectives")}
        out.append(Entry(tuple(raw["phrases"]), attrs))
        for kind, nouns in heads.items():
            phrases = tuple(f"{n} {a}" for n in nouns for a in raw.get("adjectives", ()))
            if phrases:
                out.append(Entry(phrases, {**attrs, "air": kind == "air" or bool(attrs.get("air"))}))
    return out


@lru_cache(maxsize=None)
def matcher(name: str, key: str = "entries") -> PhraseMatcher:
    """The matcher for lexicon file `name` (built once per process)."""
    return PhraseMatcher(entries_of(load_yaml(name), key))

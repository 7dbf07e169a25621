"""Lexicons as data: YAML files beside this module, matched with Aho-Corasick.

Each lexicon file holds `entries`, each with `phrases` (Arabic, any spelling:
they are folded like article text) and attributes the extraction stage reads.
A phrase ending in `*` is a stem and matches any word that continues it
("قصف*" finds قصفت، قصفها). Every phrase matches behind a legal proclitic chain
(و، ف، ب، ل، ال، بال، لل ...), so lexicons list bare forms only.
"""
from __future__ import annotations

import threading
import weakref
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from operator import itemgetter
from typing import Any, Callable, NamedTuple

import ahocorasick
import yaml

from marsad.text.normalize import fold
from marsad.text.tokens import PROCLITIC_CHAINS


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon entry: its phrases and the attributes it carries."""

    phrases: tuple[str, ...]
    attrs: dict[str, Any] = field(hash=False, compare=False)
    get: Callable[..., Any] = field(init=False, repr=False, hash=False, compare=False)
    """`attrs.get` itself, bound once: stages read attributes a thousand times per article."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "get", self.attrs.get)


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


class _Layout(NamedTuple):
    """One build of the union: its automaton and which slot of a scan holds each matcher's hits."""

    auto: Any
    slot_of: dict[int, int]  # id(matcher) -> slot


class _Union:
    """Every live matcher's phrases in one automaton, so an article is scanned once, not once per lexicon.

    Walking a text costs the same per character whatever the automaton's size, and a
    pipeline holds some thirty lexicons; the hits of one walk are dealt out to their
    matchers. The last few texts' hits are kept, so the many clause-sized look-ups of
    one article cost a bisect each. Matchers join on creation and leave when collected;
    each kept scan carries the layout it was made with, so a rebuild in another thread
    never mixes one layout's slots with another's hits.
    """

    _KEEP = 4

    def __init__(self) -> None:
        self._members: list[weakref.ref[PhraseMatcher]] = []
        self._layout: _Layout | None = None
        self._recent: list[tuple[str, dict[int, int], list[list[Match]], list[list[int]]]] = []
        self._lock = threading.RLock()

    def join(self, member: PhraseMatcher) -> None:
        with self._lock:
            self._members = self._members + [weakref.ref(member, self._left)]
            self._layout, self._recent = None, []  # an id may be reused by a new matcher

    def _left(self, ref: weakref.ref) -> None:
        with self._lock:
            self._members = [r for r in self._members if r is not ref]
            self._layout, self._recent = None, []

    def _build(self) -> _Layout:
        table: dict[str, list[tuple[int, Entry, bool, str, bool]]] = {}
        slot_of: dict[int, int] = {}
        for ref in self._members:
            member = ref()
            if member is None:
                continue
            slot = slot_of[id(member)] = len(slot_of)
            for key, own in member.table.items():
                table.setdefault(key, []).extend((slot, *h) for h in own)
        auto = ahocorasick.Automaton()
        for key, hits in table.items():
            auto.add_word(key, (len(key), hits))
        if table:
            auto.make_automaton()
        return _Layout(auto, slot_of)

    def hits(self, member: PhraseMatcher, text: str) -> tuple[list[Match], list[int]]:
        """`member`'s boundary-valid hits in `text` sorted by core start, and those starts."""
        key = id(member)
        for seen, slot_of, lists, starts in self._recent:
            if seen is text and key in slot_of:
                return lists[slot_of[key]], starts[slot_of[key]]
        with self._lock:
            layout = self._layout
            if layout is None or key not in layout.slot_of:
                layout = self._layout = self._build()
            lists: list[list[Match]] = [[] for _ in range(len(layout.slot_of))]
            if len(layout.auto):
                _scan(layout.auto, text, lists)
            starts = [[m.core_start for m in hs] for hs in lists]
            self._recent = [(text, layout.slot_of, lists, starts)] + self._recent[: self._KEEP - 1]
            slot = layout.slot_of[key]
            return lists[slot], starts[slot]


def _scan(auto: Any, text: str, out: list) -> None:
    """One walk of the union automaton into `out` (a list per slot): hits behind a legal proclitic chain, by core start.

    The compiled build types its positions as C integers (lexicon.pxd): the boundary
    checks run for every raw hit, some seven hundred per article.
    """
    n = len(text)
    chains = PROCLITIC_CHAINS
    new = tuple.__new__  # Match(...) without the Python-level __new__ frame: hundreds per article
    for last, (length, hits) in auto.iter(text):
        s = last - length + 1
        e = last + 1
        w0 = s
        if s and text[s - 1].isalnum():
            w0 = s - 1
            while w0 and text[w0 - 1].isalnum() and s - w0 < 5:
                w0 -= 1
            chain = text[w0:s]
            if chain not in chains:
                continue
            loose = chain[-2:] not in ("ال", "لل")  # "الرقة" is not in "فرقه": a proclitic without the article
        else:
            loose = False
        if e >= n or not text[e].isalpha():
            for slot, entry, _stem, phrase, article in hits:
                if not (article and loose):
                    out[slot].append(new(Match, (w0, e, s, entry, phrase, e)))
            continue
        word_end = -1
        for slot, entry, stem, phrase, article in hits:
            if stem and not (article and loose):
                if word_end < 0:
                    word_end = e
                    while word_end < n and text[word_end].isalpha():
                        word_end += 1
                out[slot].append(new(Match, (w0, word_end, s, entry, phrase, e)))
    for hits_of_slot in out:
        hits_of_slot.sort(key=_CORE_START)


_CORE_START = itemgetter(Match._fields.index("core_start"))  # read in C: sorting runs per lexicon per article


def _leftmost_longest(m: Match) -> tuple[int, int]:
    return m.start, m.start - m.end


class PhraseMatcher:
    """Multi-pattern matcher over folded text with Arabic word boundaries."""

    def __init__(self, entries: list[Entry]):
        self.entries = entries
        self.table: dict[str, list[tuple[Entry, bool, str, bool]]] = {}
        for entry in entries:
            for phrase in entry.phrases:
                stem = phrase.endswith("*")
                key, article = _strip_article(fold(phrase.rstrip("*")))
                if key:
                    self.table.setdefault(key, []).append((entry, stem, phrase, article))
        self._last: tuple[str | None, list[Match], list[int]] = (None, [], [])
        if self.table:
            _UNION.join(self)

    def find_all(self, text: str, start: int = 0, end: int | None = None) -> list[Match]:
        """Every boundary-valid hit inside text[start:end], overlapping ones included."""
        if not self.table:
            return []
        end = len(text) if end is None else end
        last = self._last  # one tuple, swapped whole: no thread sees one text's starts with another's hits
        if last[0] is not text:
            last = self._last = (text, *_UNION.hits(self, text))
        _, hits, starts = last
        return [m for m in hits[bisect_left(starts, start):bisect_left(starts, end)] if m.core_end <= end]

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Match]:
        """Longest non-overlapping hits, left to right."""
        hits = self.find_all(text, start, end)
        if len(hits) < 2:
            return hits
        hits.sort(key=_leftmost_longest)
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


_UNION = _Union()


@lru_cache(maxsize=None)
def matcher(name: str, key: str = "entries") -> PhraseMatcher:
    """The matcher for lexicon file `name` (built once per process)."""
    return PhraseMatcher(entries_of(load_yaml(name), key))

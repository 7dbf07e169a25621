"""Stance cues: negation, hypotheticals, generic and historical statements, hedges.

A trigger or toll governed by one of these cues does not make an incident
("لم يسفر عن إصابات", "قد تعقد", "يتعمد قصف"), or makes a hedged one
("أنباء عن سقوط قتلى"). Cue lists live in knowledge/data/stance.yaml.
"""
from __future__ import annotations

import re
from functools import lru_cache

from marsad.knowledge.lexicon import Entry, PhraseMatcher, entries_of, load_yaml


@lru_cache(maxsize=None)
def cue_matcher(kind: str) -> PhraseMatcher:
    """Matcher for one cue list of stance.yaml (negation, generic, hedges ...)."""
    data = load_yaml("stance")[kind]
    if isinstance(data, dict):
        return PhraseMatcher([Entry(tuple(data["phrases"]), {"kind": kind})])
    if data and isinstance(data[0], dict):
        return PhraseMatcher(entries_of({"entries": data}))
    return PhraseMatcher([Entry(tuple(data), {"kind": kind})])


@lru_cache(maxsize=None)
def cue_window(kind: str) -> int:
    data = load_yaml("stance")[kind]
    return data.get("window", 5) if isinstance(data, dict) else 5


_STOP = re.compile(r"[.!?;\n]")
_WORD = re.compile(r"\S+")


def words_before(text: str, pos: int, n: int, floor: int = 0) -> int:
    """Start of the n words before `pos`, not crossing `floor` or a clause stop."""
    lo = max(floor, pos - 16 * n)
    window = text[lo:pos]
    stops = [m.end() for m in _STOP.finditer(window)]
    if stops:
        lo, window = lo + stops[-1], window[stops[-1]:]
    starts = [m.start() for m in _WORD.finditer(window)]
    if not starts:
        return lo + len(window)
    return lo + starts[max(0, len(starts) - n)]


def governed_by(text: str, kind: str, pos: int, floor: int = 0) -> bool:
    """True when a `kind` cue stands within its window before `pos`."""
    n = cue_window(kind)
    if not cue_matcher(kind).find_all(text, max(floor, pos - 16 * n), pos):
        return False  # most positions have no cue near: skip counting words
    start = words_before(text, pos, n, floor)
    hits = cue_matcher(kind).find(text, start, pos)
    if hits and kind == "negation":
        spared = cue_matcher("not_negation").find(text, max(floor, start - 10), pos + 10)
        hits = [h for h in hits if not any(s.start <= h.core_start < s.end for s in spared)]
    return bool(hits)


def hedges_in(text: str, start: int, end: int) -> list[str]:
    """Hedge labels found in text[start:end] (alleged, unconfirmed, ...)."""
    seen: list[str] = []
    for m in cue_matcher("hedges").find(text, start, end):
        label = m.entry.get("hedge")
        if label not in seen:
            seen.append(label)
    return seen

"""Who says so: sources, the frames that attribute, and the chain a claim came through.

"ذكرت سانا نقلا عن مصادر أهلية" is one claim: SANA, via local sources. Within a
sentence the publishing source (agency, state media, monitor) heads the chain
and the others are what it passed on. "وقالت الوزارة", "ولفتت المصادر" point
back to the last source of that kind, chain included.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from marsad.knowledge.lexicon import Entry, PhraseMatcher, entries_of, load_yaml
from marsad.text.normalize import fold
from marsad.text.patterns import matches_at

_ADJECTIVES = frozenset(fold(w) for w in ("المحلية", "المحلي", "الرسمية", "الرسمي", "المعارضة", "الموالية",
                                         "الاخبارية", "السورية", "الروسية", "التركية", "الامريكية"))
_RANK = {"state_media": 3, "agency": 3, "monitor": 3, "media": 3, "government": 2, "military": 2, "armed_group": 2,
         "local": 1, "unknown": 0}


@dataclass
class Claim:
    """A source as the record shows it, with where it was named."""

    name: str
    type: str
    via: list[str] = field(default_factory=list)
    start: int = 0
    end: int = 0
    via_types: list[str] = field(default_factory=list)
    actor: str | None = None  # the armed actor the source speaks for (a ministry of defence, a group)


@lru_cache(maxsize=1)
def _lex() -> dict:
    data = load_yaml("sources")
    frames = [Entry(tuple(data["say_verbs"]), {"frame": "say"}), Entry(tuple(data["by_frames"]), {"frame": "by"})]
    heads = "|".join(re.escape(fold(h)) for h in data["outlet_heads"])
    outlet = re.compile(rf'(?<!\w)(?:{heads})\s+"?([^\s",.:()]+(?:\s[^\s",.:()]+)?)"?')
    return {"sources": PhraseMatcher(entries_of(data)), "frames": PhraseMatcher(frames), "outlet": outlet,
            "outlet_heads": PhraseMatcher([Entry(tuple(data["outlet_heads"]), {})])}


def _framed(text: str, m, sent_start: int) -> bool:
    """A source counts when a reporting verb or 'according to' stands near it."""
    lo = max(sent_start, m.start - 40)
    before = _lex()["frames"].find(text, lo, m.start)
    if before and len(text[before[-1].end:m.start].split()) <= 3:
        return True
    after = _lex()["frames"].find(text, m.end, min(len(text), m.end + 20))
    return bool(after) and after[0].entry.get("frame") == "say" and len(text[m.end:after[0].start].split()) <= 1


def claims_in(text: str, start: int, end: int, history: list[Claim]) -> list[Claim]:
    """The claims of one sentence; `history` (earlier claims) resolves anaphors and grows."""
    found: list[Claim] = []
    for m in _lex()["sources"].find(text, start, end):
        ent = m.entry
        definite_generic = ent.get("type") == "unknown" and text[m.start:m.core_start].endswith("ال")
        if ent.get("anaphor") or definite_generic:
            ref = _resolve("any" if definite_generic else ent.get("type"), history + found)
            if ref is not None and _framed(text, m, start):
                found.append(Claim(ref.name, ref.type, list(ref.via), m.start, m.end, list(ref.via_types), ref.actor))
            continue
        framed = _framed(text, m, start) or _after_an(text, m, start) or _sources_in(text, m, start)
        if not framed or _reported(text, m, start):
            continue
        found.append(Claim(ent.get("name"), ent.get("type"), [], m.start, m.end, actor=ent.get("actor")))
    found += _outlets(text, start, end, found)
    found.sort(key=lambda c: c.start)
    merged = _chain(found)
    history.extend(merged)
    return merged


def _outlets(text: str, start: int, end: int, known: list[Claim]) -> list[Claim]:
    """"بحسب ما ذكرت شبكة فرات بوست المحلية": an outlet the lexicon lacks, named as written."""
    out = []
    for m in _outlet_names(text, start, end):
        if any(c.start <= m.start(1) < c.end or m.start() <= c.start < m.end() for c in known):
            continue
        head = type("M", (), {"start": m.start(), "end": m.end()})()
        if not _framed(text, head, start):
            continue
        words = m.group(1).split()
        if words and words[-1] in _ADJECTIVES:
            words = words[:-1]
        if words:
            out.append(Claim(" ".join(words), "media", [], m.start(), m.start(1) + len(" ".join(words))))
    return out


def _outlet_names(text: str, start: int, end: int) -> list[re.Match]:
    """What the outlet pattern finds in text[start:end], tried only where the lexicon scan saw a head word."""
    heads = [h.start for h in _lex()["outlet_heads"].find_all(text, start, end) if h.start >= start]
    return matches_at(_lex()["outlet"], text, heads, end)


def _reported(text: str, m, floor: int) -> bool:
    """"وأضافت الشبكة أن قسد اعتقلت ...": after "أن" an organisation is what is told, not who tells it."""
    before = text[max(floor, m.start - 8):m.start].split()
    return bool(before) and before[-1] in ("ان", "بان", "وان")


def _sources_in(text: str, m, floor: int) -> bool:
    """"نقلا عن مصادر في الدفاع المدني": sources inside an organisation speak for it."""
    before = text[max(floor, m.start - 16):m.start].split()[-2:]
    return len(before) == 2 and before[0] in ("مصادر", "مصدر") and before[1] in ("في", "من", "داخل")


_TOLD_TO = frozenset(fold(w) for w in ("عن", "نقلا", "لمراسل", "لمراسلة", "مراسل", "مراسلة", "لمراسلي", "لموقع",
                                       "لوكالة", "لصحيفة", "لقناة"))


def _after_an(text: str, m, floor: int) -> bool:
    """"نقلا عن X" / "عن مصادر" / "ذكر مصدر ... لمراسل سانا": a source in a chain, or the outlet it was told to."""
    before = text[max(floor, m.start - 12):m.start].split()
    return bool(before) and before[-1] in _TOLD_TO


def _chain(found: list[Claim]) -> list[Claim]:
    """One claim per sentence chain: the publishing source heads, the rest are `via`."""
    if not found:
        return []
    unique: list[Claim] = []
    for c in found:
        if not any(u.name == c.name for u in unique):
            unique.append(c)
    if len(unique) > 1:
        unique = [c for c in unique if c.type != "unknown"] or unique  # "مصادر في الدفاع المدني": the organisation
    head = max(unique, key=lambda c: _RANK.get(c.type, 0))
    for c in unique:
        if c is head:
            continue
        for v in [c.name] + c.via:
            if v not in head.via and v != head.name:
                head.via.append(v)
                head.via_types.append(c.type)
    return [head]


def _resolve(kind: str, history: list[Claim]) -> Claim | None:
    for c in reversed(history):
        if kind == "any" or c.type == kind or kind in c.via_types:
            return c
    return None


OUTLET_TYPES = frozenset({"state_media", "agency", "media", "monitor"})  # sources that publish whole reports


def outlet_in(text: str, start: int, end: int) -> Claim | None:
    """The outlet a report's head names ("دمشق (رويترز) -", "اللاذقية-سانا"), when the lexicon knows it:
    the source of whatever the report tells without naming one."""
    for m in _lex()["sources"].find(text, start, end):
        if m.entry.get("type") in OUTLET_TYPES:
            return Claim(m.entry.get("name"), m.entry.get("type"), start=m.start, end=m.end)
    return None

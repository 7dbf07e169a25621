"""Measuring marsad against hand annotations in the marsad-gold/1 format.

A predicted event pairs with a gold event of the same article when their
evidence ranges overlap, greedily by overlap size, one to one; gold events
marked "required": false may pair but are never missed, and a prediction paired
with one is neither right nor wrong. Field checks mirror ../shared/eval/score.py
so a user's numbers and the referee's agree.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from marsad.knowledge.gazetteer import km_between

ACTOR_ALIASES = {
    "military forces of the united states": ["united states", "us-led coalition", "global coalition against daesh",
                                             "international coalition", "coalition"],
    "global coalition against daesh": ["us-led coalition", "international coalition", "coalition",
                                       "military forces of the united states"],
    "islamic state (syria)": ["islamic state", "isis", "isil", "daesh", "is"],
    "military forces of syria": ["syrian army", "syrian arab army", "government forces", "regime forces"],
    "civilians (syria)": ["civilians"],
    "hezbollah": ["hizbullah", "hizballah", "hezbollah (lebanon)"],
    "unidentified armed group (syria)": ["unidentified armed group", "unknown", "armed groups", "rebels"],
}
SOURCE_ALIASES = {
    "sana": ["syrian arab news agency", "sana", "syrian state news agency"],
    "syrian observatory for human rights": ["sohr", "syrian observatory"],
    "russian ministry of defence": ["russian ministry of defense", "russian mod", "russian defence ministry"],
    "local sources": ["local source", "residents"],
}


def _norm(s: str | None) -> str:
    return re.sub(r"\s+", " ", (s or "").strip().lower())


def names_match(gold: str | None, pred: str | None, aliases: dict[str, list[str]]) -> bool:
    """Same name, one inside the other, or a known alias."""
    g, p = _norm(gold), _norm(pred)
    if not g or not p:
        return False
    if g == p or g in p or p in g:
        return True
    return any(a == p or (len(a) > 3 and a in p) for a in aliases.get(g, []))


def locate(text: str, quote: str) -> tuple[int, int] | None:
    """Where a gold quote stands in the text; " ... " joins fragments in order."""
    parts = [q.strip() for q in quote.split("...") if q.strip()]
    if not parts or (start := text.find(parts[0])) < 0:
        return None
    end = start + len(parts[0])
    for part in parts[1:]:
        i = text.find(part, end)
        if i < 0:
            return None
        end = i + len(part)
    return start, end


def evidence_ranges(record: dict) -> list[tuple[int, int]]:
    """Every [start, end] pair in a record's evidence, at any depth."""
    found: list[tuple[int, int]] = []

    def walk(x) -> None:
        if isinstance(x, (list, tuple)) and len(x) == 2 and all(isinstance(v, int) for v in x):
            found.append((x[0], x[1]))
        elif isinstance(x, dict):
            for v in x.values():
                walk(v)
        elif isinstance(x, (list, tuple)):
            for v in x:
                walk(v)

    walk(record.get("evidence"))
    return found


def _overlap(ranges: list[tuple[int, int]], span: tuple[int, int]) -> int:
    return sum(max(0, min(e, span[1]) - max(s, span[0])) for s, e in ranges)


def _days(a: str | None, b: str | None) -> float:
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)
    except (TypeError, ValueError):
        return float("inf")


def _killed(casualties: list[dict] | None) -> int | None:
    vals = [c.get("min") for c in casualties or [] if c.get("outcome") == "killed" and isinstance(c.get("min"), int)]
    return sum(vals) if vals else None


def field_checks(g: dict, p: dict) -> dict[str, bool | None]:
    """Right or wrong per field; None where the gold says nothing."""
    out: dict[str, bool | None] = {
        "event_type": _norm(g["event_type"]) == _norm(p.get("event_type")),
        "sub_event_type": _norm(g["sub_event_type"]) == _norm(p.get("sub_event_type")),
        "event_date": _days(g["event_date"], p.get("event_date")) <= g.get("date_tolerance_days", 0),
    }
    loc = g.get("location") or {}
    admins = loc.get("admin1_any") or ([loc["admin1"]] if loc.get("admin1") else [])
    out["admin1"] = any(names_match(a, p.get("admin1"), {}) for a in admins) if admins else None
    if loc.get("lat") is not None and loc.get("name"):
        lat, lon = p.get("latitude"), p.get("longitude")
        out["place_15km"] = isinstance(lat, (int, float)) and isinstance(lon, (int, float)) and km_between(
            loc["lat"], loc["lon"], lat, lon) <= 15
    else:
        out["place_15km"] = None
    out["fatalities"] = int(g.get("fatalities") or 0) == int(p.get("fatalities") or 0)
    gk = _killed(g.get("casualties"))
    out["killed_breakdown"] = (_killed(p.get("casualties")) == gk) if gk is not None else None
    out["injured_reported"] = (any(c.get("outcome") == "injured" for c in g.get("casualties", []))
                               == any(c.get("outcome") == "injured" for c in p.get("casualties") or []))
    for role, keys in (("actor1", ("actor1", "assoc_actor_1")), ("actor2", ("actor2", "assoc_actor_2"))):
        ga = g.get(role) or {}
        gold_names = [n for n in (ga.get("name"), ga.get("assoc")) if n]
        pred_names = [p.get(k) for k in keys if p.get(k)]
        out[role] = (any(names_match(gn, pn, ACTOR_ALIASES) for gn in gold_names for pn in pred_names)
                     if gold_names else None)
    gold_sources = [c["source"] for c in g.get("claims", []) if c.get("source")]
    pred_sources = [s.get("name") if isinstance(s, dict) else s for s in p.get("sources") or []]
    out["source"] = (any(names_match(gs, ps, SOURCE_ALIASES) for gs in gold_sources for ps in pred_sources if ps)
                     if gold_sources else None)
    return out


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    fields: dict[str, list[bool]] = field(default_factory=dict)
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    unlocated: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score_article(result: Score, article_id: str, text: str, gold_events: list[dict], preds: list[dict]) -> None:
    """Pair one article's predictions with its gold events and add to `result`."""
    located = []
    for g in gold_events:
        span = locate(text, g["evidence"])
        if span is None:
            result.unlocated.append(f"{article_id}/{g['id']}")
        else:
            located.append((g, span))
    ranged = [(p, evidence_ranges(p)) for p in preds]
    pairs = sorted(((_overlap(pr, gs), gi, pi) for gi, (_, gs) in enumerate(located)
                    for pi, (_, pr) in enumerate(ranged)), reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    for ov, gi, pi in pairs:
        if ov <= 0 or gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        g, p = located[gi][0], ranged[pi][0]
        if not g.get("required", True):
            continue
        result.tp += 1
        for k, v in field_checks(g, p).items():
            if v is not None:
                result.fields.setdefault(k, []).append(v)
    for gi, (g, _) in enumerate(located):
        if gi not in used_g and g.get("required", True):
            result.fn += 1
            result.missed.append(f"{article_id}/{g['id']}")
    for pi, (p, _) in enumerate(ranged):
        if pi not in used_p:
            result.fp += 1
            result.spurious.append(f"{article_id}: {p.get('event_type')} / {p.get('sub_event_type')} "
                                   f"{p.get('event_date')}")

"""Cross-article incident linking: reports of one incident joined, look-alikes kept apart.

Events are blocked by governorate and week, so only neighbours in place and time
are compared (no all-pairs pass). Two reports are one incident when their type
fits, their dates agree within both precisions, their places agree within the
gazetteer's hierarchy and distance, and named perpetrators do not conflict.
Clusters grow by complete linkage: a report joins only if it fits every member,
so a chain of near-misses never glues two strikes on one town together.
Incident ids are stable: a cluster keeps the id its members already had.
"""
from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date

from marsad.knowledge.gazetteer import km_between

DAYS_OF_PRECISION = {1: 1, 2: 3, 3: 15}
SAME_TOWN_KM = 10.0
_FAMILIES = {"Battles": "violence", "Explosions/Remote violence": "violence"}
_SPECIFIC = {"Remote explosive/landmine/IED", "Suicide bomb", "Chemical weapon"}


def _day(rec: dict) -> int | None:
    try:
        return date.fromisoformat(rec["event_date"]).toordinal()
    except (KeyError, TypeError, ValueError):
        return None


def _unidentified(actor: str | None) -> bool:
    return not actor or actor.startswith("Unidentified")


def compatible(a: dict, b: dict) -> bool:
    """Could these two reports tell the same incident?"""
    if a["article_id"] == b["article_id"]:
        return False
    ta, tb = a["event_type"], b["event_type"]
    if ta != tb and not (_FAMILIES.get(ta) and _FAMILIES.get(ta) == _FAMILIES.get(tb)):
        return False
    sa, sb = a["sub_event_type"], b["sub_event_type"]
    if sa != sb and (sa in _SPECIFIC or sb in _SPECIFIC):
        return False
    da, db = _day(a), _day(b)
    if da is None or db is None:
        return False
    tolerance = DAYS_OF_PRECISION.get(a.get("time_precision") or 2, 3) + DAYS_OF_PRECISION.get(
        b.get("time_precision") or 2, 3)
    if abs(da - db) > tolerance:
        return False
    if not a.get("admin1") or a.get("admin1") != b.get("admin1"):
        return False
    if a.get("geo_precision") == 1 and b.get("geo_precision") == 1:
        if None in (a.get("latitude"), b.get("latitude")):
            return False
        if km_between(a["latitude"], a["longitude"], b["latitude"], b["longitude"]) > SAME_TOWN_KM:
            return False
    a1, b1 = a.get("actor1"), b.get("actor1")
    if not _unidentified(a1) and not _unidentified(b1) and a1 != b1 and a.get("assoc_actor_1") != b1 \
            and b.get("assoc_actor_1") != a1:
        return False
    return True


def score(a: dict, b: dict) -> float:
    """How alike two compatible reports are: higher is surer."""
    s = 1.0
    s -= abs((_day(a) or 0) - (_day(b) or 0)) * 0.1
    if a.get("location") and a.get("location") == b.get("location"):
        s += 1.0
    if a.get("sub_event_type") == b.get("sub_event_type"):
        s += 0.5
    if set(a.get("weapons") or []) & set(b.get("weapons") or []):
        s += 0.5
    if a.get("actor1") == b.get("actor1") and not _unidentified(a.get("actor1")):
        s += 0.3
    return s


def _candidates(events: list[dict]) -> Iterable[tuple[int, int]]:
    """Pairs that share a governorate and lie within a few weeks: the only pairs ever compared."""
    blocks: defaultdict[tuple[str, int], list[int]] = defaultdict(list)
    for i, e in enumerate(events):
        d = _day(e)
        if d is not None and e.get("admin1"):
            blocks[(e["admin1"], d // 7)].append(i)
    for (admin1, week), members in blocks.items():
        reach = 3
        for w in range(week, week + reach + 1):
            others = blocks.get((admin1, w), [])
            for i in members:
                for j in others:
                    if (w > week or j > i) and i != j:
                        yield i, j


def _new_id(event_ids: list[str]) -> str:
    return "inc-" + hashlib.sha1(min(event_ids).encode()).hexdigest()[:12]


def link(events: list[dict], previous: dict[str, str] | None = None) -> dict[str, str]:
    """Incident id for every event: reports of one incident share one, stable across re-linking."""
    previous = previous or {}
    pairs = sorted(((score(events[i], events[j]), i, j) for i, j in _candidates(events)
                    if compatible(events[i], events[j])), reverse=True)
    cluster = list(range(len(events)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(events))}
    for _, i, j in pairs:
        ci, cj = cluster[i], cluster[j]
        if ci == cj:
            continue
        if not all(compatible(events[x], events[y]) or events[x]["article_id"] == events[y]["article_id"]
                   for x in members[ci] for y in members[cj]):
            continue
        if {events[x]["article_id"] for x in members[ci]} & {events[y]["article_id"] for y in members[cj]}:
            continue  # one article never tells the same incident twice: the extractor kept them apart
        small, big = (ci, cj) if len(members[ci]) < len(members[cj]) else (cj, ci)
        for x in members[small]:
            cluster[x] = big
        members[big] += members.pop(small)
    out: dict[str, str] = {}
    taken: set[str] = set()
    for idx in sorted(members, key=lambda c: -len(members[c])):
        ids = [events[i]["event_id"] for i in members[idx]]
        old = Counter(previous[e] for e in ids if e in previous and previous[e] not in taken)
        incident = min(old, key=lambda k: (-old[k], k)) if old else _new_id(ids)
        while incident in taken:
            incident = _new_id([incident] + ids)
        taken.add(incident)
        for e in ids:
            out[e] = incident
    return out

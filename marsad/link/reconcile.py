"""Reconciling the reports of one incident: tolls low / best / high, independent sources, disagreements.

ACLED's `fatalities` is the lowest firm figure; UCDP's low / best / high span
what the reports say. Reports joined by wire copy count as one source. The
grade follows Airwars' spirit: single source, several independent sources, or
contested when sources disagree on the toll or the perpetrator.
"""
from __future__ import annotations

from statistics import median_low

from marsad.link.wirecopy import Copy


def _killed(rec: dict) -> int:
    return int(rec.get("fatalities") or 0)


def _injured(rec: dict) -> int:
    return sum(c["min"] or 0 for c in rec.get("casualties") or []
               if c["outcome"] == "injured" and c["qualifier"] not in ("unspecified",))


def _source(rec: dict) -> str:
    sources = rec.get("sources") or []
    return sources[0]["name"] if sources else rec.get("outlet") or rec["article_id"]


def _copied(a: dict, b: dict, copies: list[Copy]) -> bool:
    """Does one report's telling stand in a passage copied from the other's?"""
    spans = {rec["article_id"]: [tuple(s) for s in [rec["evidence"]["sentence"], *rec["evidence"].get("mentions", [])]]
             for rec in (a, b)}

    def inside(article: str, span: tuple[int, int]) -> bool:
        return any(s < span[1] and span[0] < e for s, e in spans.get(article, []))

    return any({c.a, c.b} == {a["article_id"], b["article_id"]} and inside(c.a, c.a_span) and inside(c.b, c.b_span)
               for c in copies)


def reconcile(reports: list[dict], copies: list[Copy] | None = None) -> dict:
    """The incident's tolls, sources, disagreements and grade from its reports."""
    copies = copies or []
    groups: list[list[dict]] = []
    for rec in reports:
        home = next((g for g in groups if any(_copied(rec, other, copies) for other in g)), None)
        if home is None:
            groups.append([rec])
        else:
            home.append(rec)
    independent: list[str] = []
    for g in groups:
        names = {s["name"] for rec in g for s in rec.get("sources") or []} or {_source(g[0])}
        independent.extend(n for n in sorted(names) if n not in independent)
    killed = [_killed(r) for r in reports]
    injured = [_injured(r) for r in reports]
    by_source: dict[str, int] = {}
    for r in reports:
        by_source.setdefault(_source(r), _killed(r))
    discrepancies = []
    if len(set(by_source.values())) > 1:
        discrepancies.append("killed: " + "; ".join(f"{k}: {v}" for k, v in by_source.items()))
    perpetrators = {r.get("actor1") for r in reports if r.get("actor1") and not r["actor1"].startswith("Unidentified")}
    if len(perpetrators) > 1:
        discrepancies.append("actor1: " + "; ".join(sorted(perpetrators)))
    grade = "contested" if discrepancies else ("single source" if len(independent) <= 1
                                               else "multiple independent sources")
    return {
        "reports": len(reports),
        "independent_reports": len(groups),
        "fatalities": min(killed),
        "killed": {"low": min(killed), "best": median_low(killed), "high": max(killed)},
        "injured": {"low": min(injured), "best": median_low(injured), "high": max(injured)},
        "sources": independent,
        "discrepancies": discrepancies,
        "grade": grade,
    }

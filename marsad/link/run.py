"""`marsad link`: wire copy, incident ids and reconciliation over everything in the store."""
from __future__ import annotations

from collections import defaultdict

from marsad.link.incidents import link
from marsad.link.reconcile import reconcile
from marsad.link.wirecopy import find_copies
from marsad.store.db import Store


def _summary(incident_id: str, reports: list[dict], copies) -> dict:
    first = min(reports, key=lambda r: ((r.get("geo_precision") or 3), r.get("time_precision") or 3))
    return {"incident_id": incident_id, "event_date": min(r["event_date"] for r in reports if r.get("event_date"))
            if any(r.get("event_date") for r in reports) else None,
            **{k: first.get(k) for k in ("event_type", "sub_event_type", "actor1", "actor2", "country", "admin1",
                                         "admin2", "location", "latitude", "longitude", "geo_precision")},
            **reconcile(reports, copies), "event_ids": sorted(r["event_id"] for r in reports),
            "articles": sorted({r["article_id"] for r in reports})}


def link_store(store: Store) -> dict[str, int]:
    """Re-link the whole store (stable ids); returns counts."""
    events = store.events()
    copies = find_copies(store.articles_text())
    assignments = link(events, store.incident_ids())
    grouped: dict[str, list[dict]] = defaultdict(list)
    for e in events:
        grouped[assignments[e["event_id"]]].append(e)
    summaries = {k: _summary(k, v, copies) for k, v in grouped.items()}
    store.save_links(assignments, summaries, copies)
    return {"events": len(events), "incidents": len(summaries), "copies": len(copies),
            "multi_report": sum(1 for v in grouped.values() if len(v) > 1)}

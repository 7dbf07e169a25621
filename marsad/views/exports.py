"""Exports of stored events: ACLED-style CSV, UCDP-style CSV (low/best/high), GeoJSON, JSON Lines.

Every writer takes event records (dicts as stored) and a text stream, so the CLI
writes files and the API streams responses through the same code.
"""
from __future__ import annotations

import csv
import json
import time
from collections.abc import Iterable
from typing import IO

ACLED_COLUMNS = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
                 "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
                 "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
                 "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
                 "fatalities", "tags", "timestamp"]
UCDP_COLUMNS = ["id", "year", "type_of_violence", "side_a", "side_b", "source_article", "source_original",
                "where_description", "adm_1", "adm_2", "latitude", "longitude", "where_prec", "country",
                "date_start", "date_end", "date_prec", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown",
                "best", "high", "low"]
_ISO = {"Syria": 760, "Iraq": 368, "Lebanon": 422, "Yemen": 887, "Libya": 434, "Palestine": 275, "Sudan": 729}
_SCALE = {"local": "Local", "state_media": "National", "government": "National", "military": "National",
          "monitor": "Other", "agency": "International", "armed_group": "Other", "unknown": "Other"}
FORMATS = ("acled-csv", "ucdp-csv", "geojson", "jsonl")


def _disorder(event_type: str) -> str:
    if event_type in ("Protests", "Riots"):
        return "Demonstrations"
    if event_type == "Strategic developments":
        return "Strategic developments"
    return "Political violence"


def _civilian(rec: dict) -> str:
    return "Civilian targeting" if (rec.get("actor2") or "").startswith("Civilians") else ""


def acled_row(rec: dict, stamp: int) -> dict:
    sources = rec.get("sources") or []
    scales = sorted({_SCALE.get(s.get("type"), "Other") for s in sources})
    inter1, inter2 = rec.get("inter1"), rec.get("inter2")
    return {
        "event_id_cnty": rec["event_id"], "event_date": rec.get("event_date"),
        "year": (rec.get("event_date") or "")[:4], "time_precision": rec.get("time_precision"),
        "disorder_type": _disorder(rec["event_type"]), "event_type": rec["event_type"],
        "sub_event_type": rec["sub_event_type"], "actor1": rec.get("actor1"),
        "assoc_actor_1": rec.get("assoc_actor_1"), "inter1": inter1, "actor2": rec.get("actor2"),
        "assoc_actor_2": rec.get("assoc_actor_2"), "inter2": inter2,
        "interaction": int(f"{inter1}{inter2 or 0}") if inter1 else "", "civilian_targeting": _civilian(rec),
        "iso": _ISO.get(rec.get("country") or "", ""), "region": "Middle East", "country": rec.get("country"),
        "admin1": rec.get("admin1"), "admin2": rec.get("admin2"), "admin3": rec.get("admin3"),
        "location": rec.get("location") or rec.get("admin1"), "latitude": rec.get("latitude"),
        "longitude": rec.get("longitude"), "geo_precision": rec.get("geo_precision"),
        "source": "; ".join(s["name"] for s in sources), "source_scale": "-".join(scales),
        "notes": rec.get("notes"), "fatalities": rec.get("fatalities", 0),
        "tags": "; ".join(rec.get("hedges") or []), "timestamp": stamp,
    }


def _deaths(rec: dict) -> dict:
    killed = [c for c in rec.get("casualties") or [] if c["outcome"] == "killed"]
    civ = sum(c["min"] or 0 for c in killed if c["group"] in ("civilians", "children", "women"))
    unknown = sum(c["min"] or 0 for c in killed if c["group"] == "unknown")
    sides = sum(c["min"] or 0 for c in killed) - civ - unknown
    low = rec.get("fatalities", 0)
    high = sum((c["max"] if c["max"] is not None else c["min"] or 0) for c in killed)
    return {"deaths_a": 0, "deaths_b": sides, "deaths_civilians": civ, "deaths_unknown": unknown,
            "low": low, "best": low, "high": max(high, low)}


def _violence_type(rec: dict) -> int:
    if rec["event_type"] == "Violence against civilians" or _civilian(rec):
        return 3
    return 1 if (rec.get("actor1") or "").startswith("Military Forces") else 2


def ucdp_row(rec: dict) -> dict:
    low_best_high = rec.get("reconciled") or _deaths(rec)
    return {
        "id": rec["event_id"], "year": (rec.get("event_date") or "")[:4], "type_of_violence": _violence_type(rec),
        "side_a": rec.get("actor1"), "side_b": rec.get("actor2"), "source_article": rec.get("article_id"),
        "source_original": "; ".join(s["name"] for s in rec.get("sources") or []),
        "where_description": rec.get("location_ar"), "adm_1": rec.get("admin1"), "adm_2": rec.get("admin2"),
        "latitude": rec.get("latitude"), "longitude": rec.get("longitude"), "where_prec": rec.get("geo_precision"),
        "country": rec.get("country"), "date_start": rec.get("event_date"), "date_end": rec.get("event_date"),
        "date_prec": rec.get("time_precision"), **{k: low_best_high.get(k) for k in
                                                   ("deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown",
                                                    "best", "high", "low")},
    }


def _feature(rec: dict) -> dict:
    geometry = None
    if rec.get("latitude") is not None and rec.get("longitude") is not None:
        geometry = {"type": "Point", "coordinates": [rec["longitude"], rec["latitude"]]}
    props = {k: rec.get(k) for k in ("event_id", "article_id", "incident_id", "event_date", "time_precision",
                                     "event_type", "sub_event_type", "actor1", "actor2", "assoc_actor_1",
                                     "assoc_actor_2", "country", "admin1", "admin2", "location", "location_ar",
                                     "geo_precision", "fatalities", "notes")}
    props["sources"] = "; ".join(s["name"] for s in rec.get("sources") or [])
    props["weapons"] = "; ".join(rec.get("weapons") or [])
    return {"type": "Feature", "geometry": geometry, "properties": props}


def _kept(records: Iterable[dict]) -> Iterable[dict]:
    """Events an analyst rejected stay out of coded datasets (JSON Lines keeps them, marked)."""
    return (r for r in records if (r.get("review") or {}).get("status") != "rejected")


def write(fmt: str, records: Iterable[dict], out: IO[str]) -> int:
    """Write records in `fmt` to `out`; returns how many."""
    n = 0
    if fmt != "jsonl":
        records = _kept(records)
    if fmt == "jsonl":
        for rec in records:
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    elif fmt in ("acled-csv", "ucdp-csv"):
        columns = ACLED_COLUMNS if fmt == "acled-csv" else UCDP_COLUMNS
        writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        stamp = int(time.time())
        for rec in records:
            writer.writerow(acled_row(rec, stamp) if fmt == "acled-csv" else ucdp_row(rec))
            n += 1
    elif fmt == "geojson":
        out.write('{"type": "FeatureCollection", "features": [\n')
        for rec in records:
            out.write((",\n" if n else "") + json.dumps(_feature(rec), ensure_ascii=False))
            n += 1
        out.write("\n]}\n")
    else:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return n

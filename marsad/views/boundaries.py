"""Governorate boundaries drawn from the gazetteer alone, for a map that needs no internet.

No tile server or boundary file is fetched: the lines are the Voronoi ridges
(scipy) between gazetteer places of different governorates, and the outline is
the hull of all places, pushed out a little. They are approximate by nature;
the page says so.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np
from scipy.spatial import ConvexHull, Voronoi

from marsad.knowledge.gazetteer import places

_MARGIN = 0.12  # degrees the outline stands outside the outermost places


def _points(country: str) -> tuple[np.ndarray, list[str]]:
    pts, labels = [], []
    for p in places():
        if p.country == country and p.admin1 and p.kind in ("town", "admin1", "admin2"):
            pts.append((p.lon, p.lat))
            labels.append(p.admin1)
    return np.array(pts), labels


def _inside(hull: np.ndarray, x: float, y: float) -> bool:
    """Point in the (convex, counter-clockwise) outline."""
    n = len(hull)
    for i in range(n):
        (x1, y1), (x2, y2) = hull[i], hull[(i + 1) % n]
        if (x2 - x1) * (y - y1) - (y2 - y1) * (x - x1) < 0:
            return False
    return True


def _clip(hull: np.ndarray, a: np.ndarray, b: np.ndarray, steps: int = 24) -> list[list[float]] | None:
    """The part of segment a-b inside the outline (sampled; ridges are short)."""
    inside = [t for t in np.linspace(0, 1, steps + 1) if _inside(hull, *(a + (b - a) * t))]
    if not inside:
        return None
    lo, hi = a + (b - a) * inside[0], a + (b - a) * inside[-1]
    return [[round(float(lo[0]), 4), round(float(lo[1]), 4)], [round(float(hi[0]), 4), round(float(hi[1]), 4)]]


@lru_cache(maxsize=4)
def boundaries(country: str = "Syria") -> dict:
    """GeoJSON: the outline (Polygon) and governorate borders (MultiLineString), plus label points."""
    pts, labels = _points(country)
    if len(pts) < 4:
        return {"type": "FeatureCollection", "features": []}
    hull_idx = ConvexHull(pts).vertices
    centre = pts.mean(axis=0)
    hull = np.array([p + (p - centre) / np.linalg.norm(p - centre) * _MARGIN for p in pts[hull_idx]])
    far = np.array([[centre[0] + dx, centre[1] + dy] for dx in (-20, 20) for dy in (-20, 20)])
    vor = Voronoi(np.vstack([pts, far]))
    lines = []
    for (i, j), ridge in zip(vor.ridge_points, vor.ridge_vertices):
        if i >= len(labels) or j >= len(labels) or labels[i] == labels[j] or -1 in ridge:
            continue
        seg = _clip(hull, vor.vertices[ridge[0]], vor.vertices[ridge[1]])
        if seg:
            lines.append(seg)
    outline = [[round(float(x), 4), round(float(y), 4)] for x, y in hull] + [[round(float(hull[0][0]), 4),
                                                                              round(float(hull[0][1]), 4)]]
    features = [
        {"type": "Feature", "properties": {"kind": "outline", "country": country},
         "geometry": {"type": "Polygon", "coordinates": [outline]}},
        {"type": "Feature", "properties": {"kind": "governorate-borders", "approximate": True},
         "geometry": {"type": "MultiLineString", "coordinates": lines}},
    ]
    for p in places():
        if p.country == country and p.kind == "admin1":
            features.append({"type": "Feature", "properties": {"kind": "label", "name": p.admin1,
                                                               "name_ar": p.names_ar[0]},
                             "geometry": {"type": "Point", "coordinates": [p.lon, p.lat]}})
    return {"type": "FeatureCollection", "features": features}

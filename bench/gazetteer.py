"""Gazetteer size and load time: a cold build from the sources, then a warm load from the cache.

    python bench/gazetteer.py
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from collections import Counter


def _load(cache: str) -> tuple[float, int]:
    os.environ["MARSAD_CACHE_DIR"] = cache
    from marsad.knowledge import gazetteer

    gazetteer.places.cache_clear()
    gazetteer.place_matcher.cache_clear()
    t = time.perf_counter()
    n = len(gazetteer.places())
    gazetteer.place_matcher()
    return time.perf_counter() - t, n


def main() -> int:
    with tempfile.TemporaryDirectory() as cache:
        cold, n = _load(cache)
        warm, _ = _load(cache)
        size = sum(os.path.getsize(os.path.join(cache, f)) for f in os.listdir(cache))
    from marsad.knowledge import gazetteer

    kinds = Counter(p.kind for p in gazetteer.places())
    names = sum(len(p.names_ar) for p in gazetteer.places())
    print(f"places {n} ({', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))}), Arabic names {names}")
    print(f"gazetteer: index {size / 1024:.0f} KiB, cold build {cold:.2f} s, warm load {warm * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())

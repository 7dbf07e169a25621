"""Linking time for N events: synthetic reports spread over the gazetteer's towns and five years.

    python bench/link.py 10000 100000
"""
from __future__ import annotations

import random
import sys
import time
from datetime import date, timedelta

from marsad.knowledge.gazetteer import places
from marsad.link.incidents import link

TYPES = [("Explosions/Remote violence", "Air/drone strike"), ("Explosions/Remote violence",
                                                                "Shelling/artillery/missile attack"),
         ("Battles", "Armed clash"), ("Violence against civilians", "Attack")]


def synthetic_events(n: int, seed: int = 7) -> list[dict]:
    rnd = random.Random(seed)
    towns = [p for p in places() if p.kind == "town"]
    start = date(2015, 1, 1)
    events = []
    incidents = max(1, n // 3)  # about three reports per incident
    for i in range(n):
        k = rnd.randrange(incidents)
        r = random.Random(k)
        town = r.choice(towns)
        kind = r.choice(TYPES)
        day = start + timedelta(days=r.randrange(5 * 365) + rnd.choice([0, 0, 1]))
        events.append({"event_id": f"e{i}", "article_id": f"a{i}", "event_date": day.isoformat(),
                       "time_precision": 1, "event_type": kind[0], "sub_event_type": kind[1],
                       "admin1": town.admin1, "location": town.name, "latitude": town.lat, "longitude": town.lon,
                       "geo_precision": 1, "actor1": "Military Forces of Syria", "weapons": []})
    return events


def main(sizes: list[int]) -> int:
    for n in sizes:
        events = synthetic_events(n)
        t = time.perf_counter()
        ids = link(events)
        took = time.perf_counter() - t
        print(f"linking {n} events: {took:.1f} s, {len(set(ids.values()))} incidents")
    return 0


if __name__ == "__main__":
    sys.exit(main([int(a) for a in sys.argv[1:]] or [10_000, 100_000]))

"""Extraction throughput, peak memory and linking time: the figures the README quotes.

    python bench/extract.py [--articles N] [--workers W] [--link 10000,100000] [--min-words 650]

The corpus comes from ../shared/data/ when it holds Arabic reports (*.txt, *.jsonl),
else from the project's own articles: the two real seed reports and the multi-incident
reports of the test suite, cycled to N articles. The last line sums it all up.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT))


def corpus(n: int, min_words: int = 0) -> tuple[list[str], str]:
    texts: list[str] = []
    data = SHARED / "data"
    if data.is_dir():
        for f in sorted(data.rglob("*.txt"))[: n * 2]:
            texts.append(f.read_text("utf-8", errors="replace"))
        for f in sorted(data.rglob("*.jsonl")):
            for line in f.read_text("utf-8", errors="replace").splitlines()[:n]:
                try:
                    texts.append(json.loads(line)["text"])
                except (ValueError, KeyError, TypeError):
                    continue
    origin = "../shared/data"
    if not texts:
        from tests.extract.test_incidents import REPORT_HASAKAH, REPORT_IDLIB

        texts = [f.read_text("utf-8") for f in sorted((SHARED / "eval" / "texts").glob("*.txt"))]
        texts += [REPORT_IDLIB, REPORT_HASAKAH]
        origin = "seed reports and the test suite's reports"
    if min_words:
        texts = [t for t in texts if len(t.split()) >= min_words]
        origin += f" of at least {min_words} words"
    return [texts[i % len(texts)] for i in range(n)], origin


def _work(chunk: list[str]) -> int:
    import marsad

    return sum(len(marsad.extract(t, published="2019-01-01")) for t in chunk)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=600)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--link", default="10000,100000")
    ap.add_argument("--min-words", type=int, default=0, help="only reports at least this long (the target is for 700)")
    a = ap.parse_args()
    texts, origin = corpus(a.articles, a.min_words)
    words = sum(len(t.split()) for t in texts)
    _work(texts[:2])  # load lexicons and the gazetteer outside the timing
    t = time.perf_counter()
    if a.workers > 1:
        chunks = [texts[i::a.workers] for i in range(a.workers)]
        with ProcessPoolExecutor(a.workers) as pool:
            events = sum(pool.map(_work, chunks))
    else:
        events = _work(texts)
    took = time.perf_counter() - t
    per_core = len(texts) / took / a.workers
    print(f"corpus: {len(texts)} articles from {origin}, {words / len(texts):.0f} words each, {events} events")
    print(f"extraction: {len(texts) / took:.1f} articles/s with {a.workers} worker(s), {per_core:.1f} per core")
    link_times = []
    if a.link:
        from link import synthetic_events

        from marsad.link.incidents import link

        for n in [int(x) for x in a.link.split(",")]:
            evs = synthetic_events(n)
            t = time.perf_counter()
            link(evs)
            link_times.append(f"{n} events {time.perf_counter() - t:.1f} s")
    peak_mb = max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)) / 1024
    from marsad.compiled import compiled_modules

    built = compiled_modules()
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
          f"{f'{len(built)} modules compiled' if built else 'pure Python'}")
    print(f"RESULT articles/s/core {per_core:.1f} | words/s/core {words / took / a.workers:.0f} | "
          f"peak memory {peak_mb:.0f} MB | linking {'; '.join(link_times) or 'skipped'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

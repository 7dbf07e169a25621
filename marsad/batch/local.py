"""`marsad ingest` and `marsad run` on one machine: read inputs into the store, extract what is pending.

Each article is extracted and written in its own transaction, so Ctrl-C or a
crash loses nothing and duplicates nothing: the next run picks up the articles
still pending. With workers > 1, extraction runs in a process pool and the main
process alone writes to the store.
"""
from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from marsad.document import Article
from marsad.extract.dates import find_dateline
from marsad.ingest.readers import InputError, read_path
from marsad.pipeline import extract_article
from marsad.record import EventRecord
from marsad.store.db import Store
from marsad.text.normalize import normalize


@dataclass
class IngestReport:
    new: int = 0
    versions: int = 0
    same: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def ingest(store: Store, paths: Iterable[Path], published=None, outlet: str | None = None) -> IngestReport:
    """Store every readable article; report each unreadable one and each duplicate id with other text."""
    report = IngestReport()
    seen: dict[str, str] = {}
    for path in paths:
        for item in read_path(path, published, outlet):
            if isinstance(item, InputError):
                report.errors.append(str(item))
                continue
            got = store.ingest(item, origin=str(path))
            if got.outcome == "new":
                report.new += 1
            elif got.outcome == "version":
                report.versions += 1
                if item.id in seen:
                    report.warnings.append(f"{path}: duplicate id {item.id!r} with different text "
                                           f"(stored as version {got.version})")
            else:
                report.same += 1
            seen[item.id] = str(path)
    return report


def extract_one(item: tuple[int, Article]) -> tuple[int, list[EventRecord] | None, str | None, str | None]:
    """(pk, records, error, publication date found in the text) for one stored article."""
    pk, article = item
    try:
        published = None
        if article.published is None:
            line = find_dateline(normalize(article.text).text)
            published = line.day.isoformat() if line and line.day else None
        return pk, extract_article(article), None, published
    except Exception as e:  # one broken article must not stop the batch
        return pk, None, f"{type(e).__name__}: {e}", None


def run_pending(store: Store, workers: int = 1, progress: bool = True,
                on_done: Callable[[int], None] | None = None) -> tuple[int, int]:
    """Extract every pending article into the store; returns (done, failed)."""
    from tqdm import tqdm

    total = store.count_pending()
    done = failed = 0
    bar = tqdm(total=total, unit="article", file=sys.stderr, disable=not progress or total <= 5,
               dynamic_ncols=True)
    pool = ProcessPoolExecutor(max_workers=workers) if workers > 1 else None
    try:
        while True:
            batch = store.pending(limit=200)
            if not batch:
                break
            results = pool.map(extract_one, batch, chunksize=8) if pool else map(extract_one, batch)
            for pk, records, error, published in results:
                store.save_extraction(pk, records, error, published)
                if error:
                    failed += 1
                    print(f"error: article {pk}: extraction failed ({error})", file=sys.stderr)
                else:
                    done += 1
                bar.update(1)
                if on_done:
                    on_done(done + failed)
    finally:
        bar.close()
        if pool:
            pool.shutdown(cancel_futures=True)
    return done, failed

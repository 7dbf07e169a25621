"""`marsad run --engine dask`: the same extraction on a Dask cluster, writing straight to the store.

The client splits the pending articles into partitions of primary keys; each
worker reads its partition, extracts, and writes every article in its own
transaction that first claims the article (pending -> done). A task Dask
re-runs after a worker died therefore writes nothing twice: exactly once, as
with the local runner. Workers reach the store by URL, so a cluster wants
PostgreSQL; SQLite serves a local cluster on one machine.
"""
from __future__ import annotations

from marsad.store.db import Store

PARTITION = 100


def extract_partition(db_url: str, pks: list[int]) -> tuple[int, int]:
    """Worker task: extract and store the given pending articles; (done, failed) it wrote."""
    from marsad.batch.local import extract_one

    store = Store(db_url)
    done = failed = 0
    try:
        wanted = set(pks)
        batch = [item for item in store.pending(after=min(pks) - 1, limit=len(pks) * 4) if item[0] in wanted]
        for item in batch:
            pk, records, error, published = extract_one(item)
            if store.save_extraction(pk, records, error, published, only_if_pending=True):
                failed += bool(error)
                done += not error
    finally:
        store.close()
    return done, failed


def run_dask(store: Store, scheduler: str | None = None, workers: int = 2,
             partition: int = PARTITION) -> tuple[int, int]:
    """Extract every pending article on a Dask cluster (a local one when no scheduler is given)."""
    from dask.distributed import Client, LocalCluster

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        pks = [pk for pk, _ in store.pending()]
        parts = [pks[i:i + partition] for i in range(0, len(pks), partition)]
        futures = client.map(extract_partition, [store.url] * len(parts), parts, pure=False)
        done = failed = 0
        for d, f in client.gather(futures):
            done += d
            failed += f
        return done, failed
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

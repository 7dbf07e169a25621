"""The Dask runner on a local cluster of two workers gives the same store as one process."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from marsad.batch.dask_runner import extract_partition
from marsad.interfaces.cli import app
from marsad.store.db import Store
from tests.conftest import corpus_articles


def test_dask_cluster_equals_single_process(tmp_path, db_url):
    src = tmp_path / "c.jsonl"
    src.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in corpus_articles(300)), "utf-8")
    res = CliRunner().invoke(app, ["run", str(src), "--db", db_url, "--engine", "dask", "--workers", "2"])
    assert res.exit_code == 0, res.output
    single = str(tmp_path / "single.db")
    assert CliRunner().invoke(app, ["run", str(src), "--db", single]).exit_code == 0
    key = lambda r: r["event_id"]  # noqa: E731
    dask_store, one = Store(db_url), Store(single)
    assert dask_store.stats()["articles_done"] == 300
    assert sorted(dask_store.events(), key=key) == sorted(one.events(), key=key)


def test_a_retried_partition_writes_nothing_twice(tmp_path):
    src = tmp_path / "c.jsonl"
    src.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in corpus_articles(10)), "utf-8")
    db = str(tmp_path / "d.db")
    assert CliRunner().invoke(app, ["ingest", str(src), "--db", db]).exit_code == 0
    store = Store(db)
    pks = [pk for pk, _ in store.pending()]
    assert extract_partition(store.url, pks) == (10, 0)
    events = store.events()
    assert extract_partition(store.url, pks) == (0, 0)
    assert store.events() == events

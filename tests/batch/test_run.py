"""`marsad run` end to end: bad inputs reported per row, crash mid-batch, exactly-once on resume."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from typer.testing import CliRunner

from marsad.interfaces.cli import app
from marsad.store.db import Store
from tests.conftest import corpus_articles


def _jsonl(path, rows):
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", "utf-8")


def test_bad_inputs_reported_per_row_nothing_else_lost(tmp_path, db_url):
    good = corpus_articles(3)
    rows = [json.dumps(good[0], ensure_ascii=False), "{broken", json.dumps({"id": "x"}),
            json.dumps(good[1], ensure_ascii=False), json.dumps({**good[1], "text": good[2]["text"]}, ensure_ascii=False)]
    (tmp_path / "in.jsonl").write_text("\n".join(rows) + "\n", "utf-8")
    (tmp_path / "broken.csv").write_text('id,text\nc1,"' + good[2]["text"] + '"\nc2,\n', "utf-8")
    (tmp_path / "empty.html").write_text("<html><body><nav>menu</nav></body></html>", "utf-8")
    res = CliRunner().invoke(app, ["run", str(tmp_path), "--db", db_url])
    assert res.exit_code == 1
    out = res.output
    assert "in.jsonl:2: not JSON" in out and "in.jsonl:3: row has no 'text'" in out
    assert "broken.csv:8: row has no 'text'" in out  # the first row's quoted text spans lines 2-7
    assert "empty.html: HTML page with no article text" in out
    assert "duplicate id 'art-0001' with different text" in out
    store = Store(db_url)
    assert {r["article_id"] for r in store.events()} >= {"art-0000", "art-0001", "c1"}
    assert "Traceback" not in out


def test_rerun_is_idempotent(tmp_path, db_url):
    _jsonl(tmp_path / "a.jsonl", corpus_articles(5))
    for _ in range(2):
        assert CliRunner().invoke(app, ["run", str(tmp_path / "a.jsonl"), "--db", db_url]).exit_code == 0
    store = Store(db_url)
    first = store.events()
    assert CliRunner().invoke(app, ["run", str(tmp_path / "a.jsonl"), "--db", db_url]).exit_code == 0
    assert store.events() == first and store.stats()["articles_done"] == 5


def _done(db_url) -> int:
    st = Store(db_url)
    try:
        return st.stats().get("articles_done", 0)
    finally:
        st.close()


def test_crash_mid_batch_then_resume_processes_each_article_once(tmp_path, db_url):
    n = 400
    _jsonl(tmp_path / "corpus.jsonl", corpus_articles(n))
    cmd = [sys.executable, "-m", "marsad.interfaces.cli", "run", str(tmp_path / "corpus.jsonl"), "--db", db_url]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None:
        done = _done(db_url) if os.path.exists(str(tmp_path)) else 0
        if done >= 20:
            break
        time.sleep(0.05)
    if proc.poll() is not None:
        pytest.fail("the run finished before it could be killed; make the corpus larger")
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    killed_at = _done(db_url)
    assert 0 < killed_at < n
    res = subprocess.run(cmd, capture_output=True, text=True)
    assert res.returncode == 0, res.stderr[-2000:]
    store = Store(db_url)
    assert store.stats() == {"articles_done": n, "events": store.count_events()}
    clean = tmp_path / "clean.db"
    assert CliRunner().invoke(app, ["run", str(tmp_path / "corpus.jsonl"), "--db", str(clean)]).exit_code == 0
    key = lambda r: r["event_id"]  # noqa: E731
    assert sorted(store.events(), key=key) == sorted(Store(str(clean)).events(), key=key)


def test_workers_give_the_same_store(tmp_path):
    _jsonl(tmp_path / "c.jsonl", corpus_articles(40))
    one, two = str(tmp_path / "one.db"), str(tmp_path / "two.db")
    assert CliRunner().invoke(app, ["run", str(tmp_path / "c.jsonl"), "--db", one]).exit_code == 0
    assert CliRunner().invoke(app, ["run", str(tmp_path / "c.jsonl"), "--db", two, "--workers", "2"]).exit_code == 0
    assert Store(one).events() == Store(two).events()

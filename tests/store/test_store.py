"""The store against SQLite and the real PostgreSQL server: ingest, extraction results, queries, search."""
from __future__ import annotations

from datetime import date

import pytest

from marsad.batch.local import run_pending
from marsad.document import Article
from marsad.store.db import EventFilter, Store

STRIKE = ("دمشق 5 نوفمبر 2018 / قصفت طائرات التحالف الدولي بلدة هجين في ريف دير الزور الشرقي ما أسفر عن مقتل "
          "12 مدنيا، بحسب وكالة سانا.")
CLASH = ("اندلعت اشتباكات عنيفة اليوم بين قوات النظام وفصائل المعارضة في بلدة اللطامنة شمال حماة، وقتل 5 عناصر "
         "من قوات النظام، وفق المرصد السوري لحقوق الإنسان.")


@pytest.fixture()
def store(db_url):
    st = Store(db_url)
    yield st
    st.close()


def test_ingest_is_idempotent_and_edits_make_versions(store):
    art = Article("a1", STRIKE)
    assert store.ingest(art).outcome == "new"
    assert store.ingest(art).outcome == "same"
    edited = Article("a1", STRIKE.replace("12", "14"))
    got = store.ingest(edited)
    assert (got.outcome, got.version) == ("version", 2)
    assert [a.text for _, a in store.pending()] == [edited.text]


def test_run_extracts_pending_once(store):
    store.ingest(Article("s", STRIKE))
    store.ingest(Article("c", CLASH, date(2019, 5, 10), "metadata"))
    assert run_pending(store, progress=False) == (2, 0)
    assert run_pending(store, progress=False) == (0, 0)
    recs = store.events()
    assert {r["article_id"] for r in recs} == {"s", "c"}
    assert store.article("s")["published"] == "2018-11-05"


def test_filters(store):
    store.ingest(Article("s", STRIKE))
    store.ingest(Article("c", CLASH, date(2019, 5, 10), "metadata"))
    run_pending(store, progress=False)
    assert [r["article_id"] for r in store.events(EventFilter(admin1="Hama"))] == ["c"]
    assert [r["article_id"] for r in store.events(EventFilter(since="2019-01-01"))] == ["c"]
    assert [r["article_id"] for r in store.events(EventFilter(actor="United States"))] == ["s"]
    assert [r["article_id"] for r in store.events(EventFilter(source="SANA"))] == ["s"]
    assert [r["article_id"] for r in store.events(EventFilter(min_fatalities=10))] == ["s"]
    assert [r["article_id"] for r in store.events(EventFilter(event_type="Battles"))] == ["c"]
    assert store.count_events(EventFilter(text="اللطامنه")) == 1


def test_search_any_spelling(store):
    store.ingest(Article("s", STRIKE))
    hits = store.search("هجين")
    assert [h["article_id"] for h in hits] == ["s"] and "هجين" in hits[0]["snippet"]
    assert [h["article_id"] for h in store.search("بلدة هجين")] == ["s"]
    assert store.search("لا يوجد هذا النص") == []


def test_new_version_replaces_old_events(store):
    store.ingest(Article("s", STRIKE))
    run_pending(store, progress=False)
    store.ingest(Article("s", STRIKE.replace("12 مدنيا", "14 مدنيا")))
    assert store.count_events() == 0
    run_pending(store, progress=False)
    (rec,) = store.events()
    assert rec["fatalities"] == 14


def test_failed_article_is_recorded_not_retried(store, monkeypatch):
    import marsad.batch.local as local

    store.ingest(Article("bad", STRIKE))

    def boom(article):
        raise RuntimeError("broken")

    monkeypatch.setattr(local, "extract_article", boom)
    assert run_pending(store, progress=False) == (0, 1)
    assert store.stats().get("articles_failed") == 1
    assert run_pending(store, progress=False) == (0, 0)

"""Linking on the seeds and on a synthetic multi-outlet corpus, with pairwise precision and recall."""
from __future__ import annotations

import itertools
import json

from typer.testing import CliRunner

from marsad.interfaces.cli import app
from marsad.link.reconcile import reconcile
from marsad.store.db import Store
from tests.link.corpus import corpus


def _pairs(groups: dict[str, str]) -> set[frozenset]:
    return {frozenset((a, b)) for a, b in itertools.combinations(sorted(groups), 2) if groups[a] == groups[b]}


def test_seed_incidents(shared, tmp_path):
    db = str(tmp_path / "s.db")
    assert CliRunner().invoke(app, ["run", str(shared / "eval" / "texts"), "--db", db]).exit_code == 0
    store = Store(db)
    multi = [i for i in store.incidents() if i["reports"] > 1]
    assert len(multi) == 1
    (souq,) = multi
    assert souq["articles"] == ["000_8714fa356b716f77", "004_0439f31db7d6c557"]
    assert souq["location"] == "Hajīn" and "white phosphorus" in json.dumps(store.incident(souq["incident_id"]))
    hajin = [e for e in store.events() if e["location"] == "Hajīn" and e["fatalities"] > 0]
    assert len({e["incident_id"] for e in hajin}) == 2  # the strikes of 3 and 10 November stay apart
    copies = store.copies_of("004_0439f31db7d6c557")
    assert len(copies) == 1 and copies[0]["similarity"] >= 0.8


def run_corpus(tmp_path) -> tuple[Store, dict[str, str]]:
    articles, truth = corpus()
    src = tmp_path / "corpus.jsonl"
    src.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in articles), "utf-8")
    db = str(tmp_path / "c.db")
    assert CliRunner().invoke(app, ["run", str(src), "--db", db]).exit_code == 0
    return Store(db), truth


def linking_scores(store: Store, truth: dict[str, str]) -> tuple[float, float]:
    predicted = {e["article_id"]: e["incident_id"] for e in store.events()}
    assert set(predicted) == set(truth), "every report yields one event"
    want, got = _pairs(truth), _pairs(predicted)
    precision = len(want & got) / len(got) if got else 0.0
    recall = len(want & got) / len(want)
    return precision, recall


def test_pairwise_linking_on_synthetic_corpus(tmp_path):
    store, truth = run_corpus(tmp_path)
    precision, recall = linking_scores(store, truth)
    print(f"pairwise linking precision {precision:.3f} recall {recall:.3f}")
    assert precision >= 0.95 and recall >= 0.9


def test_reconciliation_flags_disagreement_and_counts_copies_once(tmp_path):
    store, _ = run_corpus(tmp_path)
    inc = [i for i in store.incidents() if i["reports"] == 4][0]
    assert inc["grade"] == "contested" and inc["discrepancies"][0].startswith("killed: ")
    assert inc["killed"]["low"] < inc["killed"]["high"] and inc["fatalities"] == inc["killed"]["low"]
    assert inc["independent_reports"] == 3  # the word-for-word copy is not a fourth witness


def test_incident_ids_survive_relinking_with_new_reports(tmp_path):
    store, truth = run_corpus(tmp_path)
    before = {e["article_id"]: e["incident_id"] for e in store.events()}
    late = tmp_path / "late.jsonl"
    late.write_text(json.dumps({"id": "late-report", "published": "2019-05-02", "text": (
        "قال ناشطون إن طائرات روسية قصفت أمس بلدة كفرنبل في ريف إدلب ما أدى إلى مقتل 5 مدنيين.")},
        ensure_ascii=False), "utf-8")
    assert CliRunner().invoke(app, ["run", str(late), "--db", store.url]).exit_code == 0
    after = {e["article_id"]: e["incident_id"] for e in store.events()}
    assert all(after[a] == before[a] for a in before)
    assert after["late-report"] == before["كفرنبل-0-o0"]


def test_reconcile_single_source():
    rec = {"article_id": "a", "event_id": "e", "fatalities": 3, "casualties": [], "actor1": "X",
           "sources": [{"name": "SANA"}], "evidence": {"sentence": [0, 10]}}
    got = reconcile([rec])
    assert got["grade"] == "single source" and got["killed"] == {"low": 3, "best": 3, "high": 3}

"""Every API endpoint, bad parameters, reviews that survive re-extraction, and an article full of markup."""
from __future__ import annotations

import json
from datetime import date

import pytest
from fastapi.testclient import TestClient

from marsad.batch.local import ingest, run_pending
from marsad.document import Article
from marsad.interfaces.api import create_app
from marsad.link.run import link_store
from marsad.store.db import Store

HOSTILE = ('<script>window.pwned=1</script><img src=x onerror="window.pwned=2"> قصفت طائرات حربية روسية اليوم '
           'بلدة كفرنبل في ريف إدلب ما أسفر عن مقتل 4 مدنيين، بحسب المرصد السوري لحقوق الإنسان.')


@pytest.fixture()
def client(shared, tmp_path):
    db = str(tmp_path / "api.db")
    store = Store(db)
    ingest(store, [shared / "eval" / "texts"])
    store.ingest(Article("hostile", HOSTILE, date(2021, 3, 1), "metadata", "<b>Outlet</b>"))
    run_pending(store, progress=False)
    link_store(store)
    with TestClient(create_app(db)) as c:
        c.store = store
        yield c


def test_page_and_openapi(client):
    assert "marsad" in client.get("/").text
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/incidents", "/api/articles/{article_id}", "/api/reviews", "/api/export",
            "/api/timeline", "/api/boundaries"} <= set(spec["paths"])
    assert client.get("/static/app.js").status_code == 200


def test_events_filters_and_paging(client):
    all_ = client.get("/api/events").json()
    assert all_["total"] == len(all_["items"]) == 11
    page = client.get("/api/events", params={"limit": 3, "offset": 3}).json()
    assert [e["event_id"] for e in page["items"]] == [e["event_id"] for e in all_["items"][3:6]]
    homs = client.get("/api/events", params={"admin1": "Homs"}).json()["items"]
    assert {e["admin1"] for e in homs} == {"Homs"} and len(homs) == 2
    assert client.get("/api/events", params={"source": "Observatory", "min_fatalities": 10}).json()["total"] == 1
    assert client.get("/api/events", params={"q": "الشعفة"}).json()["total"] == 5
    assert client.get("/api/events", params={"actor": "Russia", "since": "2020-01-01"}).json()["total"] == 1


@pytest.mark.parametrize("params", [{"since": "yesterday"}, {"until": "2018-13-40"}, {"limit": 0},
                                    {"limit": 501}, {"offset": -1}, {"min_fatalities": -2}, {"q": "x" * 300}])
def test_bad_parameters_are_4xx(client, params):
    r = client.get("/api/events", params=params)
    assert 400 <= r.status_code < 500 and "detail" in r.json()


def test_one_event_incident_and_article(client):
    inc = next(i for i in client.get("/api/incidents").json()["items"] if i["reports"] == 2)
    full = client.get(f"/api/incidents/{inc['incident_id']}").json()
    assert len(full["events"]) == 2 and full["sources"] and "grade" in full
    ev = full["events"][0]
    assert client.get(f"/api/events/{ev['event_id']}").json()["event_id"] == ev["event_id"]
    art = client.get(f"/api/articles/{ev['article_id']}").json()
    s, e = ev["evidence"]["trigger"]
    assert art["text"][s:e] and art["copies"]
    assert client.get("/api/events/nope").status_code == 404
    assert client.get("/api/incidents/nope").status_code == 404
    assert client.get("/api/articles/nope").status_code == 404


def test_timeline_boundaries_facets(client):
    days = client.get("/api/timeline").json()["days"]
    assert days and sum(sum(d["counts"].values()) for d in days) == 11
    geo = client.get("/api/boundaries").json()
    assert geo["type"] == "FeatureCollection" and any(f["properties"]["kind"] == "outline" for f in geo["features"])
    assert "Deir ez-Zor" in client.get("/api/facets").json()["admin1"]


def test_exports(client):
    r = client.get("/api/export", params={"format": "acled-csv", "admin1": "Homs"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv") and len(r.text.splitlines()) == 3
    assert json.loads(client.get("/api/export", params={"format": "geojson"}).text)["type"] == "FeatureCollection"
    assert client.get("/api/export", params={"format": "docx"}).status_code == 422


def test_reviews_are_stored_survive_reextraction_and_show_in_exports(client):
    ev = client.get("/api/events", params={"admin1": "Homs"}).json()["items"][0]
    r = client.post("/api/reviews", json={"target_type": "event", "target_id": ev["event_id"], "status": "corrected",
                                          "field": "fatalities", "value": 99, "reviewer": "hala"})
    assert r.status_code == 201
    assert client.post("/api/reviews", json={"target_type": "event", "target_id": ev["event_id"], "status": "corrected",
                                             "field": "text", "value": 1, "reviewer": "x"}).status_code == 400
    assert client.post("/api/reviews", json={"target_type": "event", "target_id": "nope", "status": "correct",
                                             "reviewer": "x"}).status_code == 404
    assert client.post("/api/reviews", json={"target_type": "event", "target_id": ev["event_id"],
                                             "status": "maybe", "reviewer": "x"}).status_code == 422
    got = client.get(f"/api/events/{ev['event_id']}").json()
    assert got["fatalities"] == 99 and got["review"]["reviewer"] == "hala"
    store = client.store
    art = store.article(ev["article_id"])
    store.save_extraction(art["pk"], __import__("marsad").extract_article(
        Article(art["article_id"], art["text"], None, "none")))
    assert client.get(f"/api/events/{ev['event_id']}").json()["fatalities"] == 99
    csv_text = client.get("/api/export", params={"format": "acled-csv", "admin1": "Homs"}).text
    assert ",99," in csv_text
    client.post("/api/reviews", json={"target_type": "event", "target_id": ev["event_id"], "status": "rejected",
                                      "reviewer": "hala"})
    assert len(client.get("/api/export", params={"format": "acled-csv", "admin1": "Homs"}).text.splitlines()) == 2
    assert len(client.get(f"/api/reviews/event/{ev['event_id']}").json()) == 2


def test_article_with_markup_comes_back_as_plain_data(client):
    art = client.get("/api/articles/hostile").json()
    assert art["text"].startswith("<script>") and art["outlet"] == "<b>Outlet</b>"
    assert client.get("/api/events", params={"q": "كفرنبل"}).json()["total"] == 1

"""The REST API and the observatory page (`marsad serve`), documented at /docs (OpenAPI).

Every query goes through the store's parameterised filters; page sizes are
bounded; bad parameters get a 4xx with a one-line reason. Article text is only
ever returned as JSON data and put on the page as text, never as markup.
"""
import io
from datetime import date
from importlib import resources
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Query
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field

from marsad.store.db import EventFilter, Store
from marsad.views.boundaries import boundaries
from marsad.views.exports import FORMATS, write

MAX_PAGE = 500
EDITABLE = ("event_type", "sub_event_type", "event_date", "actor1", "actor2", "assoc_actor_1", "assoc_actor_2",
            "admin1", "admin2", "location", "latitude", "longitude", "fatalities", "time_precision", "geo_precision",
            "notes")
_MEDIA = {"acled-csv": "text/csv", "ucdp-csv": "text/csv", "geojson": "application/geo+json",
          "jsonl": "application/x-ndjson"}


class ReviewIn(BaseModel):
    """An analyst's verdict on an event or incident."""

    target_type: Literal["event", "incident"]
    target_id: str = Field(min_length=1, max_length=40)
    status: Literal["correct", "corrected", "rejected"]
    reviewer: str = Field(min_length=1, max_length=120)
    field: str | None = None
    value: Any = None


def _found(item: dict | None, kind: str, key: str) -> dict:
    """The stored item, or a 404 that names what was asked for."""
    if item is None:
        raise HTTPException(404, f"no {kind} {key!r}")
    return item


def _iso(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise HTTPException(400, f"{name} must be a YYYY-MM-DD date, not {value!r}") from None


def filters(since: str | None = None, until: str | None = None, admin1: str | None = None,
            admin2: str | None = None, event_type: str | None = None, actor: str | None = None,
            source: str | None = None, min_fatalities: Annotated[int | None, Query(ge=0)] = None,
            q: Annotated[str | None, Query(max_length=200)] = None) -> EventFilter:
    """The filters every listing accepts."""
    return EventFilter(since=_iso(since, "since"), until=_iso(until, "until"), admin1=admin1, admin2=admin2,
                       event_type=event_type, actor=actor, source=source, min_fatalities=min_fatalities,
                       text=q or None)


Filters = Annotated[EventFilter, Depends(filters)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE)]
Offset = Annotated[int, Query(ge=0)]


def create_app(db: str | None = None) -> FastAPI:
    """The API over one store (SQLite path or PostgreSQL URL)."""
    store = Store(db)
    app = FastAPI(title="marsad", version="0.1.0",
                  description="Incidents and events extracted from Arabic conflict reporting, with evidence.")
    static = resources.files("marsad.views").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def page() -> str:
        return static.joinpath("index.html").read_text("utf-8")

    @app.get("/api/events")
    def list_events(f: Filters, limit: Limit = 100, offset: Offset = 0) -> dict:
        return {"total": store.count_events(f), "items": store.events(f, limit, offset)}

    @app.get("/api/events/{event_id}")
    def get_event(event_id: str) -> dict:
        return _found(store.event(event_id), "event", event_id)

    @app.get("/api/incidents")
    def list_incidents(f: Filters, limit: Limit = 100, offset: Offset = 0) -> dict:
        return {"total": store.count_incidents(f), "items": store.incidents(f, limit, offset)}

    @app.get("/api/incidents/{incident_id}")
    def get_incident(incident_id: str) -> dict:
        return _found(store.incident(incident_id), "incident", incident_id)

    @app.get("/api/articles/{article_id}")
    def get_article(article_id: str) -> dict:
        art = _found(store.article(article_id), "article", article_id)
        return {"article_id": art["article_id"], "version": art["version"], "text": art["text"],
                "outlet": art["outlet"], "url": art["url"], "published": art["published"],
                "events": store.events(EventFilter(article_id=article_id)), "copies": store.copies_of(article_id)}

    @app.get("/api/timeline")
    def timeline(f: Filters) -> dict:
        counts: dict[str, dict[str, int]] = {}
        for rec in store.events(f):
            if rec.get("event_date"):
                day = counts.setdefault(rec["event_date"], {})
                day[rec["event_type"]] = day.get(rec["event_type"], 0) + 1
        return {"days": [{"date": d, "counts": c} for d, c in sorted(counts.items())]}

    @app.get("/api/boundaries")
    def get_boundaries() -> dict:
        return boundaries()

    @app.get("/api/export")
    def export(f: Filters, format: Annotated[str, Query(pattern="^(" + "|".join(FORMATS) + ")$")] = "jsonl") -> Response:
        buf = io.StringIO()
        write(format, store.events(f), buf)
        ext = {"acled-csv": "csv", "ucdp-csv": "csv", "geojson": "geojson", "jsonl": "jsonl"}[format]
        return Response(buf.getvalue(), media_type=_MEDIA[format],
                        headers={"Content-Disposition": f'attachment; filename="marsad-{format}.{ext}"'})

    @app.post("/api/reviews", status_code=201)
    def add_review(review: ReviewIn) -> dict:
        if review.status == "corrected":
            if review.field not in EDITABLE:
                raise HTTPException(400, f"field must be one of {', '.join(EDITABLE)}")
        elif review.field is not None:
            raise HTTPException(400, "only a 'corrected' review edits a field")
        _found(store.event(review.target_id) if review.target_type == "event" else store.incident(review.target_id),
               review.target_type, review.target_id)
        return store.add_review(review.target_type, review.target_id, review.status, review.reviewer,
                                review.field, review.value)

    @app.get("/api/reviews/{target_type}/{target_id}")
    def get_reviews(target_type: Literal["event", "incident"], target_id: str) -> list[dict]:
        return store.reviews(target_type, [target_id]).get(target_id, [])

    @app.get("/api/facets")
    def facets() -> dict:
        recs = store.events()
        return {"admin1": sorted({r["admin1"] for r in recs if r.get("admin1")}),
                "event_type": sorted({r["event_type"] for r in recs}),
                "range": [min((r["event_date"] for r in recs if r.get("event_date")), default=None),
                          max((r["event_date"] for r in recs if r.get("event_date")), default=None)]}

    return app


def serve_in_thread(db: str | None) -> tuple[str, object]:
    """Serve the app on a free local port in a background thread (for tests and scripts); (base URL, server)."""
    import socket
    import threading
    import time

    import uvicorn

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    deadline = time.time() + 10
    while not server.started and time.time() < deadline:
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}", server


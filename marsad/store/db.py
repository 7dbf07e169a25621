"""The store: articles, their extracted events and every field's evidence, in SQLite or PostgreSQL.

SQLite is the default (`marsad.db`, WAL); `postgresql://...` serves teams. All
writes of one article happen in one transaction, so a crash never leaves an
article half-extracted, and re-running picks up exactly what is still pending.
"""
from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import create_engine, delete, event, func, insert, select, text, update
from sqlalchemy.engine import Connection, Engine

from marsad.document import Article
from marsad.record import EventRecord
from marsad.store import schema as s
from marsad.text.normalize import fold

DEFAULT_DB = "marsad.db"


def database_url(db: str | None) -> str:
    """A SQLAlchemy URL from a path or URL (MARSAD_DB, else ./marsad.db)."""
    db = db or os.environ.get("MARSAD_DB") or DEFAULT_DB
    if "://" in db:
        if db.startswith("postgresql://"):
            return "postgresql+psycopg://" + db[len("postgresql://"):]
        return db
    return f"sqlite:///{Path(db).resolve()}"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def content_hash(article_text: str) -> str:
    return hashlib.sha256(article_text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Ingested:
    """What ingesting one article did: "new", "version" (an edited article) or "same"."""

    article_id: str
    outcome: str
    version: int


@dataclass(frozen=True)
class EventFilter:
    """Filters shared by the CLI, the API and exports."""

    since: str | None = None
    until: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    event_type: str | None = None
    actor: str | None = None
    source: str | None = None
    min_fatalities: int | None = None
    text: str | None = None
    article_id: str | None = None


class Store:
    """One database: open it, migrate it, read and write marsad's tables."""

    def __init__(self, db: str | None = None):
        self.url = database_url(db)
        self.engine: Engine = create_engine(self.url, future=True)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        with self.engine.begin() as conn:
            s.migrate(conn)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def close(self) -> None:
        self.engine.dispose()

    # articles -----------------------------------------------------------------------------------------
    def ingest(self, article: Article, origin: str | None = None) -> Ingested:
        """Store an article once: the same text again changes nothing; new text is a new version."""
        digest = content_hash(article.text)
        with self.engine.begin() as conn:
            rows = conn.execute(select(s.articles.c.pk, s.articles.c.version, s.articles.c.content_hash)
                                .where(s.articles.c.article_id == article.id)).all()
            if any(r.content_hash == digest for r in rows):
                return Ingested(article.id, "same", max(r.version for r in rows))
            version = max((r.version for r in rows), default=0) + 1
            pk = conn.execute(insert(s.articles).values(
                article_id=article.id, version=version, content_hash=digest, text=article.text,
                text_folded=fold(article.text), outlet=article.outlet, url=article.url,
                published=article.published.isoformat() if article.published else None,
                published_from=article.published_from, origin=origin, ingested_at=_now(), status="pending",
            )).inserted_primary_key[0]
            if rows:
                old = [r.pk for r in rows]
                conn.execute(update(s.articles).where(s.articles.c.pk.in_(old)).values(status="superseded"))
                conn.execute(delete(s.events).where(s.events.c.article_pk.in_(old)))
            if self.is_sqlite:
                conn.execute(text("INSERT INTO articles_fts(rowid, text_folded) VALUES (:pk, :t)"),
                             {"pk": pk, "t": fold(article.text)})
        return Ingested(article.id, "version" if rows else "new", version)

    def pending(self, limit: int | None = None, after: int = 0) -> list[tuple[int, Article]]:
        """Articles still waiting for extraction, oldest first (after primary key `after`)."""
        q = (select(s.articles).where(s.articles.c.status == "pending").where(s.articles.c.pk > after)
             .order_by(s.articles.c.pk))
        if limit:
            q = q.limit(limit)
        with self.engine.connect() as conn:
            return [(r.pk, _article(r)) for r in conn.execute(q)]

    def count_pending(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(s.articles)
                                .where(s.articles.c.status == "pending")).scalar_one()

    def article(self, article_id: str) -> dict | None:
        """The latest version of an article, as stored."""
        with self.engine.connect() as conn:
            r = conn.execute(select(s.articles).where(s.articles.c.article_id == article_id)
                             .order_by(s.articles.c.version.desc()).limit(1)).first()
        return dict(r._mapping) if r else None

    # extraction results -------------------------------------------------------------------------------
    def save_extraction(self, article_pk: int, records: list[EventRecord] | None, error: str | None = None,
                        published: str | None = None, only_if_pending: bool = False) -> bool:
        """Replace an article's events with `records` and mark it done, in one transaction.

        With `only_if_pending`, the article is claimed first (pending -> done) and nothing is
        written if another worker got there before: a retried task never writes twice.
        """
        with self.engine.begin() as conn:
            values = {"status": "failed" if error else "done", "error": error, "extracted_at": _now()}
            claim = update(s.articles).where(s.articles.c.pk == article_pk)
            if only_if_pending:
                claim = claim.where(s.articles.c.status == "pending")
            if conn.execute(claim.values(**values)).rowcount == 0 and only_if_pending:
                return False
            self._write_events(conn, article_pk, records or [])
            if published:
                conn.execute(update(s.articles).where(s.articles.c.pk == article_pk)
                             .where(s.articles.c.published.is_(None))
                             .values(published=published, published_from="dateline"))
        return True

    def _write_events(self, conn: Connection, article_pk: int, records: list[EventRecord]) -> None:
        conn.execute(delete(s.events).where(s.events.c.article_pk == article_pk))
        if not records:
            return
        ids = [r.event_id for r in records]
        for table in (s.casualties, s.sources, s.evidence):
            conn.execute(delete(table).where(table.c.event_id.in_(ids)))
        conn.execute(insert(s.events), [_event_row(article_pk, r) for r in records])
        cas = [{"event_id": r.event_id, "outcome": c["outcome"], "grp": c["group"], "actor": c["actor"],
                "min": c["min"], "max": c["max"], "qualifier": c["qualifier"], "span_start": c["span"][0],
                "span_end": c["span"][1]} for r in records for c in r.casualties]
        src = [{"event_id": r.event_id, "name": x["name"], "type": x["type"], "via": json.dumps(x["via"]),
                "span_start": x["span"][0], "span_end": x["span"][1]} for r in records for x in r.sources]
        evi = [{"event_id": r.event_id, "field": k, "span_start": v[0], "span_end": v[1]}
               for r in records for k, v in _spans(r.evidence)]
        for table, rows in ((s.casualties, cas), (s.sources, src), (s.evidence, evi)):
            if rows:
                conn.execute(insert(table), rows)

    # queries ------------------------------------------------------------------------------------------
    def events(self, f: EventFilter = EventFilter(), limit: int | None = None, offset: int = 0) -> list[dict]:
        """Event records matching the filter, by date then id, with analysts' reviews applied."""
        q = self._filtered(select(s.events.c.record, s.events.c.incident_id), f)
        q = q.order_by(s.events.c.event_date, s.events.c.event_id).offset(offset)
        if limit is not None:
            q = q.limit(limit)
        with self.engine.connect() as conn:
            records = [{**json.loads(r.record), "incident_id": r.incident_id} for r in conn.execute(q)]
        return self._reviewed("event", records, "event_id")

    def event(self, event_id: str) -> dict | None:
        with self.engine.connect() as conn:
            r = conn.execute(select(s.events.c.record, s.events.c.incident_id)
                             .where(s.events.c.event_id == event_id)).first()
        if r is None:
            return None
        return self._reviewed("event", [{**json.loads(r.record), "incident_id": r.incident_id}], "event_id")[0]

    # reviews ------------------------------------------------------------------------------------------
    def add_review(self, target_type: str, target_id: str, status: str, reviewer: str,
                   field: str | None = None, value=None) -> dict:
        """Record an analyst's verdict; it is kept apart from extraction, so re-extraction keeps it."""
        row = {"target_type": target_type, "target_id": target_id, "status": status, "field": field,
               "value": None if field is None else json.dumps(value, ensure_ascii=False), "reviewer": reviewer,
               "at": _now()}
        with self.engine.begin() as conn:
            conn.execute(insert(s.reviews).values(**row))
        return {**row, "value": value}

    def reviews(self, target_type: str, target_ids: list[str]) -> dict[str, list[dict]]:
        if not target_ids:
            return {}
        out: dict[str, list[dict]] = {}
        with self.engine.connect() as conn:
            rows = conn.execute(select(s.reviews).where(s.reviews.c.target_type == target_type)
                                .where(s.reviews.c.target_id.in_(target_ids)).order_by(s.reviews.c.id))
            for r in rows:
                d = dict(r._mapping)
                d["value"] = json.loads(d["value"]) if d["value"] is not None else None
                out.setdefault(r.target_id, []).append(d)
        return out

    def _reviewed(self, target_type: str, records: list[dict], key: str) -> list[dict]:
        by_id = self.reviews(target_type, [r[key] for r in records])
        for rec in records:
            history = by_id.get(rec[key])
            if not history:
                continue
            corrections = {}
            for rv in history:
                if rv["field"]:
                    corrections[rv["field"]] = rv["value"]
            rec.update(corrections)
            last = history[-1]
            rec["review"] = {"status": last["status"], "reviewer": last["reviewer"], "at": last["at"],
                             "corrections": corrections, "history": len(history)}
        return records

    def count_events(self, f: EventFilter = EventFilter()) -> int:
        with self.engine.connect() as conn:
            return conn.execute(self._filtered(select(func.count()).select_from(s.events), f)).scalar_one()

    def _filtered(self, q, f: EventFilter):
        c = s.events.c
        if f.since:
            q = q.where(c.event_date >= f.since)
        if f.until:
            q = q.where(c.event_date <= f.until)
        if f.admin1:
            q = q.where(c.admin1 == f.admin1)
        if f.admin2:
            q = q.where(c.admin2 == f.admin2)
        if f.event_type:
            q = q.where(c.event_type == f.event_type)
        if f.actor:
            like = f"%{f.actor}%"
            q = q.where(c.actor1.ilike(like) | c.actor2.ilike(like) | c.assoc_actor_1.ilike(like)
                        | c.assoc_actor_2.ilike(like))
        if f.min_fatalities is not None:
            q = q.where(c.fatalities >= f.min_fatalities)
        if f.article_id:
            q = q.where(c.article_id == f.article_id)
        if f.source:
            q = q.where(c.event_id.in_(select(s.sources.c.event_id).where(s.sources.c.name.ilike(f"%{f.source}%"))))
        if f.text:
            q = q.where(c.article_pk.in_(self._text_match(f.text)))
        return q

    def _text_match(self, query: str):
        folded = fold(query)
        if self.is_sqlite and len(folded) >= 3:
            quoted = '"' + folded.replace('"', '""') + '"'
            return text("SELECT rowid FROM articles_fts WHERE articles_fts MATCH :q").bindparams(q=quoted) \
                .columns(rowid=s.articles.c.pk.type)
        return select(s.articles.c.pk).where(s.articles.c.text_folded.like(f"%{folded}%"))

    def search(self, query: str, limit: int = 20) -> list[dict]:
        """Articles whose text holds `query` (any spelling of hamza, ta marbuta ...), with a snippet."""
        folded = fold(query)
        with self.engine.connect() as conn:
            pks = [r[0] for r in conn.execute(self._text_match(query))]
            if not pks:
                return []
            rows = conn.execute(select(s.articles).where(s.articles.c.pk.in_(pks))
                                .where(s.articles.c.status != "superseded")
                                .order_by(s.articles.c.published.desc(), s.articles.c.pk).limit(limit)).all()
        out = []
        for r in rows:
            i = r.text_folded.find(folded)
            out.append({"article_id": r.article_id, "published": r.published, "outlet": r.outlet,
                        "snippet": r.text[max(0, i - 60): i + len(query) + 60].replace("\n", " ") if i >= 0 else ""})
        return out

    # linking ------------------------------------------------------------------------------------------
    def articles_text(self) -> list[tuple[str, str]]:
        """(article id, text) of every current article, for wire-copy detection."""
        with self.engine.connect() as conn:
            return [(r.article_id, r.text) for r in conn.execute(
                select(s.articles.c.article_id, s.articles.c.text).where(s.articles.c.status == "done")
                .order_by(s.articles.c.pk))]

    def incident_ids(self) -> dict[str, str]:
        with self.engine.connect() as conn:
            return {r.event_id: r.incident_id for r in conn.execute(
                select(s.events.c.event_id, s.events.c.incident_id).where(s.events.c.incident_id.is_not(None)))}

    def save_links(self, assignments: dict[str, str], summaries: dict[str, dict], copies: list) -> None:
        """Write incident ids, incident summaries and the copied passages, replacing the previous linking."""
        now = _now()
        with self.engine.begin() as conn:
            first_seen = dict(conn.execute(select(s.incidents.c.incident_id, s.incidents.c.first_seen)).all())
            conn.execute(delete(s.incidents))
            conn.execute(delete(s.copies))
            by_incident: dict[str, list[str]] = {}
            for event_id, incident in assignments.items():
                by_incident.setdefault(incident, []).append(event_id)
            for incident, ids in by_incident.items():
                conn.execute(update(s.events).where(s.events.c.event_id.in_(ids)).values(incident_id=incident))
            rows = [{"incident_id": k, **{f: v.get(f) for f in ("event_date", "event_type", "sub_event_type",
                                                                 "admin1", "location", "latitude", "longitude",
                                                                 "fatalities", "reports", "grade")},
                     "summary": json.dumps(v, ensure_ascii=False), "first_seen": first_seen.get(k, now),
                     "updated_at": now} for k, v in summaries.items()]
            if rows:
                conn.execute(insert(s.incidents), rows)
            if copies:
                conn.execute(insert(s.copies), [{"a_article": c.a, "a_start": c.a_span[0], "a_end": c.a_span[1],
                                                 "b_article": c.b, "b_start": c.b_span[0], "b_end": c.b_span[1],
                                                 "similarity": c.similarity} for c in copies])

    def incidents(self, f: EventFilter = EventFilter(), limit: int | None = None, offset: int = 0) -> list[dict]:
        """Incident summaries whose reports match the filter, by date."""
        ids = self._filtered(select(s.events.c.incident_id).where(s.events.c.incident_id.is_not(None)), f)
        q = (select(s.incidents.c.summary).where(s.incidents.c.incident_id.in_(ids))
             .order_by(s.incidents.c.event_date, s.incidents.c.incident_id).offset(offset))
        if limit is not None:
            q = q.limit(limit)
        with self.engine.connect() as conn:
            return self._reviewed("incident", [json.loads(r.summary) for r in conn.execute(q)], "incident_id")

    def count_incidents(self, f: EventFilter = EventFilter()) -> int:
        ids = self._filtered(select(s.events.c.incident_id).where(s.events.c.incident_id.is_not(None)), f)
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(s.incidents)
                                .where(s.incidents.c.incident_id.in_(ids))).scalar_one()

    def incident(self, incident_id: str) -> dict | None:
        """One incident: its summary and every report."""
        with self.engine.connect() as conn:
            row = conn.execute(select(s.incidents.c.summary).where(s.incidents.c.incident_id == incident_id)).first()
            if row is None:
                return None
            reports = [{**json.loads(r.record), "incident_id": incident_id} for r in conn.execute(
                select(s.events.c.record).where(s.events.c.incident_id == incident_id).order_by(s.events.c.event_id))]
        summary = self._reviewed("incident", [json.loads(row.summary)], "incident_id")[0]
        return {**summary, "events": self._reviewed("event", reports, "event_id")}

    def copies_of(self, article_id: str) -> list[dict]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(s.copies).where((s.copies.c.a_article == article_id)
                                                       | (s.copies.c.b_article == article_id))).all()
        out = []
        for r in rows:
            mine, other = (("a", "b") if r.a_article == article_id else ("b", "a"))
            m = r._mapping
            out.append({"span": [m[f"{mine}_start"], m[f"{mine}_end"]], "other_article": m[f"{other}_article"],
                        "other_span": [m[f"{other}_start"], m[f"{other}_end"]], "similarity": r.similarity})
        return out

    def stats(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            by_status = dict(conn.execute(select(s.articles.c.status, func.count()).group_by(s.articles.c.status)).all())
            n_events = conn.execute(select(func.count()).select_from(s.events)).scalar_one()
        return {**{f"articles_{k}": v for k, v in by_status.items()}, "events": n_events}


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def _article(r) -> Article:
    from datetime import date

    pub = date.fromisoformat(r.published) if r.published else None
    return Article(r.article_id, r.text, pub, r.published_from or "none", r.outlet, r.url)


def _spans(evidence: dict) -> Iterator[tuple[str, list[int]]]:
    for key, value in evidence.items():
        if key == "mentions":
            for span in value:
                yield "mention", span
        else:
            yield key, value


def _event_row(article_pk: int, r: EventRecord) -> dict:
    d = r.to_dict()
    keys = ("event_id", "article_id", "event_date", "time_precision", "event_type", "sub_event_type", "actor1",
            "actor2", "assoc_actor_1", "assoc_actor_2", "country", "admin1", "admin2", "location", "latitude",
            "longitude", "geo_precision", "fatalities")
    return {**{k: d[k] for k in keys}, "article_pk": article_pk, "record": json.dumps(d, ensure_ascii=False)}


"""The store's tables, one schema for SQLite and PostgreSQL, and its migrations.

Each migration is a numbered step applied once and recorded in `schema_version`,
so an old database file upgrades in place when a newer marsad opens it.
"""
from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import (Column, Float, ForeignKey, Index, Integer, MetaData, String, Table, Text, UniqueConstraint,
                        inspect, text)
from sqlalchemy.engine import Connection

metadata = MetaData()

schema_version = Table("schema_version", metadata, Column("version", Integer, primary_key=True))

articles = Table(
    "articles", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(200), nullable=False),
    Column("version", Integer, nullable=False, default=1),
    Column("content_hash", String(64), nullable=False),
    Column("text", Text, nullable=False),
    Column("text_folded", Text, nullable=False),
    Column("outlet", String(200)),
    Column("url", Text),
    Column("published", String(10)),
    Column("published_from", String(20)),
    Column("origin", Text),
    Column("ingested_at", String(32), nullable=False),
    Column("status", String(16), nullable=False, default="pending"),
    Column("error", Text),
    Column("extracted_at", String(32)),
    UniqueConstraint("article_id", "content_hash", name="uq_article_content"),
)
Index("ix_articles_status", articles.c.status)
Index("ix_articles_article_id", articles.c.article_id)

events = Table(
    "events", metadata,
    Column("event_id", String(40), primary_key=True),
    Column("article_pk", Integer, ForeignKey("articles.pk", ondelete="CASCADE"), nullable=False),
    Column("article_id", String(200), nullable=False),
    Column("event_date", String(10)),
    Column("time_precision", Integer),
    Column("event_type", String(40), nullable=False),
    Column("sub_event_type", String(60), nullable=False),
    Column("actor1", String(200)),
    Column("actor2", String(200)),
    Column("assoc_actor_1", String(200)),
    Column("assoc_actor_2", String(200)),
    Column("country", String(80)),
    Column("admin1", String(80)),
    Column("admin2", String(80)),
    Column("location", String(200)),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("geo_precision", Integer),
    Column("fatalities", Integer, nullable=False, default=0),
    Column("incident_id", String(40)),
    Column("record", Text, nullable=False),
)
Index("ix_events_date", events.c.event_date)
Index("ix_events_admin1", events.c.admin1)
Index("ix_events_type", events.c.event_type)
Index("ix_events_article", events.c.article_pk)
Index("ix_events_incident", events.c.incident_id)

casualties = Table(
    "casualties", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(40), ForeignKey("events.event_id", ondelete="CASCADE"), nullable=False),
    Column("outcome", String(20), nullable=False),
    Column("grp", String(40), nullable=False),
    Column("actor", String(200)),
    Column("min", Integer),
    Column("max", Integer),
    Column("qualifier", String(20)),
    Column("span_start", Integer),
    Column("span_end", Integer),
)
Index("ix_casualties_event", casualties.c.event_id)

sources = Table(
    "sources", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(40), ForeignKey("events.event_id", ondelete="CASCADE"), nullable=False),
    Column("name", String(200), nullable=False),
    Column("type", String(40)),
    Column("via", Text),
    Column("span_start", Integer),
    Column("span_end", Integer),
)
Index("ix_sources_event", sources.c.event_id)
Index("ix_sources_name", sources.c.name)

evidence = Table(
    "evidence", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(40), ForeignKey("events.event_id", ondelete="CASCADE"), nullable=False),
    Column("field", String(40), nullable=False),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
)
Index("ix_evidence_event", evidence.c.event_id)

incidents = Table(
    "incidents", metadata,
    Column("incident_id", String(40), primary_key=True),
    Column("event_date", String(10)),
    Column("event_type", String(40)),
    Column("sub_event_type", String(60)),
    Column("admin1", String(80)),
    Column("location", String(200)),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("fatalities", Integer),
    Column("reports", Integer),
    Column("grade", String(40)),
    Column("summary", Text, nullable=False),
    Column("first_seen", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False),
)
Index("ix_incidents_date", incidents.c.event_date)

copies = Table(
    "copies", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("a_article", String(200), nullable=False),
    Column("a_start", Integer, nullable=False),
    Column("a_end", Integer, nullable=False),
    Column("b_article", String(200), nullable=False),
    Column("b_start", Integer, nullable=False),
    Column("b_end", Integer, nullable=False),
    Column("similarity", Float, nullable=False),
)
Index("ix_copies_a", copies.c.a_article)
Index("ix_copies_b", copies.c.b_article)

reviews = Table(
    "reviews", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("target_type", String(10), nullable=False),
    Column("target_id", String(40), nullable=False),
    Column("status", String(12), nullable=False),
    Column("field", String(40)),
    Column("value", Text),
    Column("reviewer", String(120), nullable=False),
    Column("at", String(32), nullable=False),
)
Index("ix_reviews_target", reviews.c.target_type, reviews.c.target_id)

V1_TABLES = [schema_version, articles, events, casualties, sources, evidence]
V2_TABLES = [incidents, copies]


def _v1(conn: Connection) -> None:
    metadata.create_all(conn, tables=V1_TABLES)
    if conn.dialect.name == "sqlite":
        conn.execute(text("CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(text_folded, tokenize='trigram')"))
    else:
        try:
            with conn.begin_nested():
                conn.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
                conn.execute(text("CREATE INDEX IF NOT EXISTS ix_articles_trgm ON articles "
                                  "USING gin (text_folded gin_trgm_ops)"))
        except Exception:  # no rights to add the extension: search still works, unindexed
            pass


def _v2(conn: Connection) -> None:
    metadata.create_all(conn, tables=V2_TABLES)


def _v3(conn: Connection) -> None:
    metadata.create_all(conn, tables=[reviews])


MIGRATIONS: list[tuple[int, Callable[[Connection], None]]] = [(1, _v1), (2, _v2), (3, _v3)]


def migrate(conn: Connection) -> int:
    """Bring the database to the newest schema; returns the version it is at."""
    have = 0
    if inspect(conn).has_table("schema_version"):
        have = conn.execute(text("SELECT COALESCE(MAX(version), 0) FROM schema_version")).scalar() or 0
    for version, step in MIGRATIONS:
        if version > have:
            step(conn)
            conn.execute(schema_version.insert().values(version=version))
            have = version
    return have

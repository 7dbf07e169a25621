from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "eval" / "texts").is_dir():
        pytest.skip("../shared/eval is not beside this checkout")
    return SHARED


PG_URL = "postgresql://postgres@127.0.0.1:5432/test"


def corpus_articles(n: int) -> list[dict]:
    """Realistic multi-incident articles built from the project's own test sentences."""
    table = Path(__file__).parent / "extract" / "tables" / "actors.tsv"
    sentences = [ln.split("\t")[0] for ln in table.read_text("utf-8").splitlines() if ln and not ln.startswith("#")]
    out = []
    for i in range(n):
        body = "\n".join(sentences[(i * 7 + k) % len(sentences)] + "." for k in range(6))
        out.append({"id": f"art-{i:04d}", "text": body, "published": f"2019-{1 + i % 12:02d}-{1 + i % 27:02d}"})
    return out


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """The same tests against a SQLite file and the PostgreSQL server (a schema of its own per test)."""
    if request.param == "sqlite":
        yield str(tmp_path / "marsad.db")
        return
    import uuid

    import sqlalchemy

    schema = f"t_{uuid.uuid4().hex[:10]}"
    admin = sqlalchemy.create_engine(PG_URL.replace("postgresql://", "postgresql+psycopg://"))
    with admin.begin() as conn:
        conn.execute(sqlalchemy.text(f"CREATE SCHEMA {schema}"))
    try:
        yield f"{PG_URL}?options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(sqlalchemy.text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()

"""The extraction pipeline: article -> doc -> incident drafts -> event records."""
from __future__ import annotations

from datetime import date

from marsad.document import Article, Doc
from marsad.extract.fields import build_record
from marsad.extract.incidents import assemble
from marsad.record import EventRecord


def extract_article(article: Article) -> list[EventRecord]:
    """Every incident record of one article, in text order."""
    asm = assemble(Doc(article))
    records = []
    for draft in asm.drafts:
        rec = build_record(asm, draft)
        if rec is not None:
            records.append(rec)
    records.sort(key=lambda r: r.evidence["sentence"][0])
    return records


def extract(text: str, published: date | str | None = None, article_id: str = "article",
            outlet: str | None = None) -> list[EventRecord]:
    """Extract incident records from one Arabic article's text."""
    if isinstance(published, str):
        published = date.fromisoformat(published[:10])
    art = Article(article_id, text, published, "metadata" if published else "none", outlet)
    return extract_article(art)

"""Reading articles from .txt, .jsonl, .csv and .html files, one bad input never stopping the rest.

Each reader yields either an `Article` or an `InputError` naming the file and
line, so a batch can report what it skipped and go on.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from marsad.document import Article

MAX_BYTES = 2_000_000  # an article longer than this is not news copy
MIN_HTML_WORDS = 5  # less than this is navigation or boilerplate, not an article
SUFFIXES = (".txt", ".jsonl", ".ndjson", ".csv", ".html", ".htm")


@dataclass(frozen=True, slots=True)
class InputError:
    """What could not be read, where: printed as one line."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


def parse_published(value: str | None) -> date | None:
    """An ISO date (or datetime) from metadata; raises ValueError on anything else."""
    if value is None or str(value).strip() == "":
        return None
    return date.fromisoformat(str(value).strip()[:10])


def _decode(path: Path, data: bytes) -> str | InputError:
    if not data.strip():
        return InputError(str(path), None, "empty file")
    if b"\x00" in data[:4096]:
        return InputError(str(path), None, "binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        return InputError(str(path), None, f"not UTF-8 (byte {e.start})")


def _row_article(path: Path, line: int, row: dict, published: date | None) -> Article | InputError:
    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        return InputError(str(path), line, "row has no 'text'")
    if len(text.encode("utf-8")) > MAX_BYTES:
        return InputError(str(path), line, f"article longer than {MAX_BYTES} bytes")
    art_id = str(row.get("id") or f"{path.stem}-{line}")
    try:
        pub = parse_published(row.get("published") or row.get("date")) or published
    except ValueError:
        return InputError(str(path), line, f"unknown date format {row.get('published') or row.get('date')!r}")
    return Article(art_id, text, pub, "metadata" if pub else "none", row.get("outlet") or None,
                   row.get("url") or None)


def read_path(path: Path, published: date | None = None, outlet: str | None = None
              ) -> Iterator[Article | InputError]:
    """Articles in one file (.txt, .jsonl/.ndjson, .csv) or a folder of them."""
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES):
            yield from read_path(child, published, outlet)
        return
    try:
        data = path.read_bytes()
    except OSError as e:
        yield InputError(str(path), None, f"cannot read: {e.strerror or e}")
        return
    text = _decode(path, data)
    if isinstance(text, InputError):
        yield text
        return
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        yield from _jsonl(path, text, published)
    elif suffix == ".csv":
        yield from _csv(path, text, published)
    elif suffix in (".html", ".htm"):
        yield _html(path, text, published, outlet)
    else:
        if len(data) > MAX_BYTES:
            yield InputError(str(path), None, f"article longer than {MAX_BYTES} bytes")
            return
        yield Article(path.stem, text, published, "metadata" if published else "none", outlet)


def _jsonl(path: Path, text: str, published: date | None) -> Iterator[Article | InputError]:
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            yield InputError(str(path), n, f"not JSON ({e.msg})")
            continue
        if not isinstance(row, dict):
            yield InputError(str(path), n, "not a JSON object")
            continue
        yield _row_article(path, n, row, published)


def _csv(path: Path, text: str, published: date | None) -> Iterator[Article | InputError]:
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "text" not in reader.fieldnames:
        yield InputError(str(path), 1, "CSV has no 'text' column")
        return
    start = reader.line_num + 1  # a quoted field may span lines: name the line the row starts on
    try:
        for row in reader:
            yield _row_article(path, start, row, published)
            start = reader.line_num + 1
    except csv.Error as e:
        yield InputError(str(path), start, f"broken CSV ({e})")


def _html(path: Path, html: str, published: date | None, outlet: str | None) -> Article | InputError:
    """The main text of a web page (trafilatura), with its date and address when the page gives them."""
    from trafilatura import extract, extract_metadata

    body = extract(html, include_comments=False, include_tables=False, favor_precision=True)
    if not body or len(body.split()) < MIN_HTML_WORDS:
        return InputError(str(path), None, "HTML page with no article text")
    meta = extract_metadata(html)
    pub, source = published, "metadata" if published else "none"
    if pub is None and meta is not None and meta.date:
        try:
            pub, source = parse_published(meta.date), "page"
        except ValueError:
            pass
    url = meta.url if meta is not None else None
    site = meta.sitename if meta is not None else None
    return Article(path.stem, body, pub, source, outlet or site, url)


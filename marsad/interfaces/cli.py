"""The `marsad` command line."""
from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Optional

import typer

from marsad.ingest.readers import InputError, parse_published, read_path
from marsad.pipeline import extract_article

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="marsad: Arabic conflict news to incident records.")


@app.callback()
def root() -> None:
    """marsad: Arabic conflict news to verified, geocoded, source-attributed incident records."""


def _published(value: Optional[str]) -> date | None:
    try:
        return parse_published(value)
    except ValueError:
        raise typer.BadParameter(f"not a YYYY-MM-DD date: {value!r}", param_hint="--published")


@app.command()
def extract(
    files: Annotated[list[Path], typer.Argument(help="Articles: .txt, .jsonl, .csv files or folders")],
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write JSON Lines here (default stdout)")] = None,
    published: Annotated[Optional[str], typer.Option(help="Publication date for inputs that lack one")] = None,
    outlet: Annotated[Optional[str], typer.Option(help="Outlet name for .txt inputs")] = None,
) -> None:
    """Extract incident records, one JSON object per line."""
    from tqdm import tqdm

    pub = _published(published)
    failed = 0
    out = output.open("w", encoding="utf-8") if output else sys.stdout
    items = [item for f in files for item in read_path(f, pub, outlet)]
    bar = tqdm(items, unit="article", file=sys.stderr, disable=len(items) <= 5, dynamic_ncols=True)
    try:
        for item in bar:
            if isinstance(item, InputError):
                failed += 1
                typer.echo(f"error: {item}", err=True)
                continue
            try:
                records = extract_article(item)
            except Exception as e:  # one broken article must not stop the batch
                failed += 1
                typer.echo(f"error: {item.id}: extraction failed ({type(e).__name__}: {e})", err=True)
                continue
            for rec in records:
                out.write(json.dumps(rec.to_dict(), ensure_ascii=False) + "\n")
    finally:
        if output:
            out.close()
    if failed:
        typer.echo(f"{failed} input(s) failed", err=True)
        raise typer.Exit(1)


DbOption = Annotated[Optional[str], typer.Option(
    "--db", help="SQLite file or postgresql:// URL (default $MARSAD_DB, else ./marsad.db)")]


def _store(db: Optional[str]):
    from sqlalchemy.exc import SQLAlchemyError

    from marsad.store.db import Store

    try:
        return Store(db)
    except SQLAlchemyError as e:
        typer.echo(f"error: cannot open database {db or 'marsad.db'}: {str(e).splitlines()[0]}", err=True)
        raise typer.Exit(2)


def _report_ingest(report) -> None:
    for line in report.errors:
        typer.echo(f"error: {line}", err=True)
    for line in report.warnings:
        typer.echo(f"warning: {line}", err=True)
    typer.echo(f"ingested {report.new} new, {report.versions} new versions, {report.same} unchanged, "
               f"{len(report.errors)} failed", err=True)


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Folders, .txt, .jsonl, .csv, .html files")],
    db: DbOption = None,
    published: Annotated[Optional[str], typer.Option(help="Publication date for inputs that lack one")] = None,
    outlet: Annotated[Optional[str], typer.Option(help="Outlet name for inputs that lack one")] = None,
) -> None:
    """Store articles (idempotent: the same text twice changes nothing; edited text is a new version)."""
    from marsad.batch.local import ingest as do_ingest

    store = _store(db)
    report = do_ingest(store, paths, _published(published), outlet)
    _report_ingest(report)
    if report.errors:
        raise typer.Exit(1)


@app.command()
def run(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Inputs to ingest first (optional)")] = None,
    db: DbOption = None,
    workers: Annotated[int, typer.Option(min=1, help="Extraction processes")] = 1,
    published: Annotated[Optional[str], typer.Option(help="Publication date for inputs that lack one")] = None,
    engine: Annotated[str, typer.Option(help="local, or dask for a Dask cluster")] = "local",
    scheduler: Annotated[Optional[str], typer.Option(help="Dask scheduler address (default: a local cluster)")] = None,
    link: Annotated[bool, typer.Option(help="Link reports into incidents after extraction")] = True,
) -> None:
    """Ingest, then extract every pending article into the store; safe to interrupt and re-run."""
    from marsad.batch.local import ingest as do_ingest
    from marsad.batch.local import run_pending

    store = _store(db)
    failed_inputs = 0
    if paths:
        report = do_ingest(store, paths, _published(published))
        _report_ingest(report)
        failed_inputs = len(report.errors)
    if engine == "dask":
        from marsad.batch.dask_runner import run_dask

        done, failed = run_dask(store, scheduler=scheduler, workers=workers)
    elif engine == "local":
        done, failed = run_pending(store, workers=workers)
    else:
        raise typer.BadParameter("choose local or dask", param_hint="--engine")
    typer.echo(f"extracted {done} articles, {failed} failed; {store.stats()}", err=True)
    if link:
        from marsad.link.run import link_store

        typer.echo(f"linked: {link_store(store)}", err=True)
    if failed or failed_inputs:
        raise typer.Exit(1)


@app.command("link")
def link_cmd(db: DbOption = None) -> None:
    """Detect wire copy, join reports of one incident across articles and reconcile their tolls."""
    from marsad.link.run import link_store

    typer.echo(f"linked: {link_store(_store(db))}", err=True)


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", "-f", help="acled-csv, ucdp-csv, geojson or jsonl")] = "jsonl",
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="File to write (default stdout)")] = None,
    db: DbOption = None,
    since: Annotated[Optional[str], typer.Option(help="Events on or after YYYY-MM-DD")] = None,
    until: Annotated[Optional[str], typer.Option(help="Events on or before YYYY-MM-DD")] = None,
    admin1: Annotated[Optional[str], typer.Option(help="Governorate, e.g. 'Deir ez-Zor'")] = None,
    event_type: Annotated[Optional[str], typer.Option(help="ACLED event type")] = None,
    actor: Annotated[Optional[str], typer.Option(help="Actor name (part of it)")] = None,
) -> None:
    """Export stored events: ACLED-style CSV, UCDP-style CSV, GeoJSON or full JSON Lines."""
    from marsad.store.db import EventFilter
    from marsad.views.exports import FORMATS, write

    if fmt not in FORMATS:
        raise typer.BadParameter(f"choose one of {', '.join(FORMATS)}", param_hint="--format")
    for name, value in (("--since", since), ("--until", until)):
        if value:
            _dated(value, name)
    store = _store(db)
    records = store.events(EventFilter(since=since, until=until, admin1=admin1, event_type=event_type, actor=actor))
    out = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        n = write(fmt, records, out)
    finally:
        if output:
            out.close()
    typer.echo(f"exported {n} events", err=True)


def _dated(value: str, name: str) -> None:
    try:
        date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"not a YYYY-MM-DD date: {value!r}", param_hint=name)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Arabic text to find, any spelling of hamza/ta marbuta")],
    db: DbOption = None,
    limit: Annotated[int, typer.Option(min=1, max=1000)] = 20,
) -> None:
    """Full-text search over stored articles."""
    for hit in _store(db).search(query, limit):
        typer.echo(f"{hit['article_id']}\t{hit['published'] or ''}\t{hit['snippet']}")


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
) -> None:
    """Serve the REST API (docs at /docs) and the observatory page."""
    import uvicorn

    from marsad.interfaces.api import create_app

    _store(db).close()
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")


@app.command("eval")
def evaluate_cmd(
    gold: Annotated[Path, typer.Option(help="Annotations in the marsad-gold/1 format")],
    texts: Annotated[Path, typer.Option(help="Folder with <article id>.txt for each gold article")],
    pred: Annotated[Optional[Path], typer.Option(help="Score these records instead of running extraction")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object")] = False,
) -> None:
    """Measure marsad on your own annotations: event P/R/F1 and per-field accuracy."""
    from marsad.evaluation.report import GoldError, as_dict, as_text, evaluate

    preds = None
    if pred is not None:
        preds = []
        for n, line in enumerate(pred.read_text("utf-8").splitlines(), 1):
            if line.strip():
                try:
                    preds.append(json.loads(line))
                except ValueError as e:
                    typer.echo(f"error: {pred}:{n}: not JSON ({e})", err=True)
                    raise typer.Exit(2)
    try:
        result = evaluate(gold, texts, preds)
    except GoldError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2)
    typer.echo(json.dumps(as_dict(result), ensure_ascii=False) if as_json else as_text(result))


gazetteer_app = typer.Typer(no_args_is_help=True, help="The gazetteer: import countries, show what is known.")
app.add_typer(gazetteer_app, name="gazetteer")


@gazetteer_app.command("import")
def gazetteer_import(dump: Annotated[Path, typer.Argument(help="A GeoNames country dump: CC.txt or CC.zip")]) -> None:
    """Add a country from a GeoNames dump you downloaded (e.g. IQ.zip for Iraq)."""
    from marsad.knowledge.geonames_import import DumpError, import_dump

    try:
        where, count = import_dump(dump)
    except (DumpError, OSError, UnicodeDecodeError) as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(1)
    typer.echo(f"imported {count} places into {where}")


@gazetteer_app.command("info")
def gazetteer_info() -> None:
    """How many places of each kind and country the gazetteer holds."""
    from collections import Counter

    from marsad.knowledge.gazetteer import places

    counts = Counter((p.country, p.kind) for p in places())
    for (country, kind), n in sorted(counts.items()):
        typer.echo(f"{country}\t{kind}\t{n}")


def main() -> None:
    app()


if __name__ == "__main__":
    main()

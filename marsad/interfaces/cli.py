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

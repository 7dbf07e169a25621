"""The sentence tables of the extraction tests: one TSV per stage, a row per sentence."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).parent


def rows(name: str) -> Iterator[list[str]]:
    """The tab-separated fields of every row of `<name>.tsv`; comments and blank lines skipped."""
    for line in (HERE / f"{name}.tsv").read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")

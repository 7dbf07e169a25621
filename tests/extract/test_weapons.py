"""Table-driven weapons: one sentence, the weapons its first incident names."""
from __future__ import annotations

from pathlib import Path

import pytest

import marsad

TABLE = Path(__file__).parent / "tables" / "weapons.tsv"


def _rows():
    for line in TABLE.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        sentence, expected = line.split("\t")
        want = [] if expected.strip() == "-" else expected.split(" | ")
        yield pytest.param(sentence, want, id=sentence[:40])


@pytest.mark.parametrize("sentence,want", list(_rows()))
def test_weapons_sentence(sentence, want):
    records = marsad.extract(sentence, published="2024-05-01")
    assert records and records[0].weapons == want

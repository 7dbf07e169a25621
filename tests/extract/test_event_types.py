"""Table-driven event types: one sentence, the ACLED type and sub-type of its first incident."""
from __future__ import annotations

from pathlib import Path

import pytest

import marsad

TABLE = Path(__file__).parent / "tables" / "events.tsv"


def _rows():
    for line in TABLE.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        sentence, expected = line.split("\t")
        yield pytest.param(sentence, expected.strip(), id=sentence[:40])


@pytest.mark.parametrize("sentence,want", list(_rows()))
def test_event_type_sentence(sentence, want):
    records = marsad.extract(sentence, published="2024-05-01")
    got = f"{records[0].event_type} / {records[0].sub_event_type}" if records else "-"
    assert got == want

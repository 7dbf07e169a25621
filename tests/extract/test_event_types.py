"""Table-driven event types: one sentence, the ACLED type and sub-type of its first incident."""
from __future__ import annotations

import pytest

import marsad
from tests.extract.tables import rows


def _rows():
    for sentence, expected in rows("events"):
        yield pytest.param(sentence, expected.strip(), id=sentence[:40])


@pytest.mark.parametrize("sentence,want", list(_rows()))
def test_event_type_sentence(sentence, want):
    records = marsad.extract(sentence, published="2024-05-01")
    got = f"{records[0].event_type} / {records[0].sub_event_type}" if records else "-"
    assert got == want

"""Table-driven weapons: one sentence, the weapons its first incident names."""
from __future__ import annotations

import pytest

import marsad
from tests.extract.tables import rows


def _rows():
    for sentence, expected in rows("weapons"):
        want = [] if expected.strip() == "-" else expected.split(" | ")
        yield pytest.param(sentence, want, id=sentence[:40])


@pytest.mark.parametrize("sentence,want", list(_rows()))
def test_weapons_sentence(sentence, want):
    records = marsad.extract(sentence, published="2024-05-01")
    assert records and records[0].weapons == want

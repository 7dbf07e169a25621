"""Table-driven roles and claims: each sentence, run through the whole pipeline, gives
its initiator, target and source — or, when negated, hypothetical, generic or history,
no incident at all."""
from __future__ import annotations

import pytest

import marsad
from tests.extract.tables import rows


def _rows():
    for sentence, a1, a2, src in rows("actors"):
        yield pytest.param(sentence, a1, a2, src.strip(), id=sentence[:40])


def test_table_is_large_enough():
    assert len(list(_rows())) >= 120


@pytest.mark.parametrize("sentence,actor1,actor2,source", list(_rows()))
def test_roles_and_claims(sentence, actor1, actor2, source):
    recs = marsad.extract(sentence, published="2019-05-10")
    if actor1 == "-":
        assert recs == []
        return
    assert recs, "no incident found"
    rec = recs[0]
    if actor1 != "*":
        assert rec.actor1 == actor1
    if actor2 != "*":
        assert actor2 in (rec.actor2, rec.assoc_actor_2)
    if source != "*":
        name, _, via = source.partition("<")
        assert rec.sources and rec.sources[0]["name"] == name
        if via:
            assert rec.sources[0]["via"][:len(via.split(","))] == via.split(",")

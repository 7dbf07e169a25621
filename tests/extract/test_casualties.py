"""Table-driven casualty mentions: one sentence, one expected list of casualties."""
from __future__ import annotations

import pytest

from marsad.extract.casualties import find_casualties
from marsad.knowledge.lexicon import matcher
from marsad.text.normalize import fold, normalize
from tests.extract.tables import rows


def _rows():
    for sentence, expected in rows("casualties"):
        want = [] if expected.strip() == "-" else [tuple(item.split()) for item in expected.split(" | ")]
        yield pytest.param(sentence, [(o, g, int(n), q) for o, g, n, q in want], id=sentence[:40])


def test_table_is_large_enough():
    assert len(list(_rows())) >= 150


@pytest.mark.parametrize("sentence,want", list(_rows()))
def test_casualty_sentence(sentence, want):
    text = normalize(sentence).text
    got = find_casualties(text, 0, len(text), matcher("actors").find(text))
    assert [(c.outcome, c.group, c.min, c.qualifier) for c in got] == want


def test_breakdown_names_part_of_the_toll():
    text = normalize("قتل 26 مدنيا بعضهم من الأطفال والنساء").text
    (c,) = find_casualties(text, 0, len(text))
    assert c.min == 26 and c.includes == ["children", "women"]


def test_span_points_at_the_words():
    raw = "وأسفر القصف عن مقتل 5 مدنيين وإصابة آخرين."
    n = normalize(raw)
    cs = find_casualties(n.text, 0, len(n.text))
    assert n.raw_slice(cs[0].start, cs[0].end) == "مقتل 5 مدنيين"


def test_a_possessive_form_has_one_reading():
    """Forms made from singular nouns never double the lexicon's own ("والدتها" stays women only)."""
    from marsad.extract.casualties import _lex

    groups = _lex()["groups"]
    for entry in groups.entries:
        for phrase in entry.phrases:
            text = fold(phrase)
            readings = {m.entry.get("group") for m in groups.find_all(text) if m.start == 0 and m.end == len(text)}
            assert len(readings) == 1, (phrase, readings)

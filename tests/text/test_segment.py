from __future__ import annotations

import pytest

from marsad.text.normalize import normalize
from marsad.text.segment import paragraphs, sentences
from marsad.text.tokens import is_proclitic_chain, stems


def _sents(raw: str) -> list[str]:
    n = normalize(raw)
    return [n.raw_slice(s.start, s.end) for s in sentences(n.text)]


def test_splits_on_arabic_and_latin_stops():
    assert _sents("قصفت الطائرات البلدة. هل قتل أحد؟ نعم!") == ["قصفت الطائرات البلدة.", "هل قتل أحد؟", "نعم!"]


def test_decimal_point_does_not_end_sentence():
    assert _sents("بلغت النسبة 3.5 بالمئة. ثم") == ["بلغت النسبة 3.5 بالمئة.", "ثم"]


def test_lines_are_paragraphs_and_sentence_boundaries():
    raw = "عنوان\n\nالفقرة الأولى. جملة ثانية\nالفقرة الثانية"
    n = normalize(raw)
    assert len(paragraphs(n.text)) == 3
    assert [s.paragraph for s in sentences(n.text)] == [0, 1, 1, 2]


def test_quote_with_stop_stays_with_its_sentence():
    assert _sents('وقال في بيان: «قتل خمسة.» ثم غادر') == ['وقال في بيان: «قتل خمسة.»', "ثم غادر"]


@pytest.mark.parametrize("prefix", ["", "و", "ف", "ب", "ل", "ك", "ال", "وال", "بال", "فال", "لل", "ولل", "وب", "فب"])
def test_legal_proclitic_chains(prefix):
    assert is_proclitic_chain(prefix)


@pytest.mark.parametrize("prefix", ["م", "ت", "الو", "بب", "ون"])
def test_illegal_chains(prefix):
    assert not is_proclitic_chain(prefix)


def test_stems_offer_every_reading():
    assert (3, "قصف") in stems("وبالقصف") or (4, "قصف") in stems("وبالقصف")

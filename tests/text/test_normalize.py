from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from marsad.text.normalize import fold, normalize

ARABIC = st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىة") + [" ", "ـ", "\u064b", "\u064e", "\u0651",
                                                                          "\u0652", "٣", "۴", "7", "«", "»", "،",
                                                                          "\ufefb", "\u200f", "؟"])


@given(st.lists(ARABIC, max_size=80).map("".join))
def test_every_folded_char_maps_inside_raw(raw):
    n = normalize(raw)
    assert len(n.origin) == len(n.text)
    assert all(0 <= o < len(raw) for o in n.origin)
    assert list(n.origin) == sorted(n.origin)


@given(st.lists(ARABIC, max_size=60).map("".join), st.integers(0, 60), st.integers(0, 60))
def test_span_maps_back_to_raw_covering_same_letters(raw, a, b):
    n = normalize(raw)
    if not n.text:
        return
    s, e = sorted((a % (len(n.text) + 1), b % (len(n.text) + 1)))
    rs, re_ = n.to_raw(s, e)
    assert 0 <= rs <= re_ <= len(raw)
    back = normalize(raw[rs:re_]).text
    # a span that starts or ends inside a ligature's expansion maps to the whole ligature
    assert n.text[s:e] in back and len(back) - (e - s) <= 2


def test_folds_hamza_ta_marbuta_alef_maqsura_digits_and_marks():
    assert normalize("إصابةٌ مُستشفى ١٢٣ ـــأ").text == "اصابه مستشفي 123 ا"


def test_guillemets_and_arabic_punctuation():
    assert normalize("«سانا»، هل؟").text == '"سانا", هل?'


def test_lam_alef_ligature_expands_and_maps_back():
    n = normalize("\ufefbجئ")
    assert n.text == "لاجي"
    assert n.to_raw(0, 2) == (0, 1)


def test_fold_collapses_spaces():
    assert fold("  وكالة   الأنباء ") == "وكاله الانباء"

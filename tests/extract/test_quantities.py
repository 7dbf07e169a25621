from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from num2words import num2words

from marsad.extract.quantities import find_quantities, parse_number
from marsad.text.normalize import normalize

_FEMININE = {"ثلاثة": "ثلاث", "أربعة": "أربع", "خمسة": "خمس", "ستة": "ست", "سبعة": "سبع", "ثمانية": "ثماني",
             "تسعة": "تسع", "عشرة": "عشر"}


def _variants(n: int) -> list[str]:
    """num2words' form and the spellings news uses: accusative/genitive, مئة, feminine units, digits."""
    base = num2words(n, lang="ar")
    words = base.split()
    oblique = " ".join(w[:-2] + "ين" if w.endswith("ون") else w for w in words)
    feminine = " ".join(_FEMININE.get(w, w) for w in words)
    joined = base.replace(" و ", " و")
    eastern = str(n).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    return [base, base.replace("مائة", "مئة"), oblique.replace("اثنان", "اثنين"), feminine, joined, eastern,
            f"{n:,}" if n >= 1000 else str(n)]


def test_every_number_below_a_million_parses_back():
    bad = [n for n in range(1_000_000) if parse_number(num2words(n, lang="ar")) != n]
    assert bad == []


@settings(max_examples=400)
@given(st.integers(0, 999_999))
def test_gender_case_and_digit_variants_parse_back(n):
    for form in _variants(n):
        assert parse_number(form) == n, form


@pytest.mark.parametrize("phrase,value", [
    ("450 ألف", 450_000), ("1,200", 1200), ("١٢٠٠", 1200), ("۱۲۰۰", 1200), ("ثلاث مئة", 300), ("ثلاثمئة", 300),
    ("ثلاثمائة", 300), ("أحد عشر", 11), ("إحدى عشرة", 11), ("اثنا عشر", 12), ("اثني عشر", 12),
    ("خمسة وعشرون", 25), ("خمس وعشرين", 25), ("مئة", 100), ("مائة", 100), ("مئتين", 200), ("مئتا", 200),
    ("ألفين", 2000), ("ثلاثة آلاف", 3000), ("عشرة آلاف", 10_000), ("مليون", 1_000_000), ("مليونين", 2_000_000),
    ("ثلاثمئة وخمسون", 350), ("مئة وخمسون ألفا", 150_000), ("3 آلاف", 3000), ("2 مليون", 2_000_000),
    ("الخمسة", 5), ("ستة", 6), ("ثمان", 8), ("تسعون", 90), ("واحد", 1),
])
def test_number_phrases(phrase, value):
    assert parse_number(phrase) == value


@pytest.mark.parametrize("phrase", ["الثالث", "الأولى", "العاشرة", "قصف", "", "ثلاثة قصف"])
def test_not_numbers(phrase):
    assert parse_number(phrase) is None


def _q(raw: str):
    t = normalize(raw).text
    return [(q.min, q.max, q.qualifier) for q in find_quantities(t)]


@pytest.mark.parametrize("raw,expected", [
    ("26 على الأقل", [(26, None, "at_least")]),
    ("ما لا يقل عن 12", [(12, None, "at_least")]),
    ("أكثر من 30", [(30, None, "more_than")]),
    ("ما يزيد عن مئة", [(100, None, "more_than")]),
    ("نحو عشرة", [(10, 10, "about")]),
    ("قرابة 40", [(40, 40, "about")]),
    ("حوالي 7", [(7, 7, "about")]),
    ("زهاء ألف", [(1000, 1000, "about")]),
    ("حتى 15", [(0, 15, "up_to")]),
    ("العشرات", [(20, 99, "vague")]),
    ("عشرات", [(20, 99, "vague")]),
    ("مئات", [(200, 999, "vague")]),
    ("العديد", [(2, None, "vague")]),
    ("بضعة", [(3, 9, "vague")]),
    ("عدد من", [(1, None, "unspecified")]),
    ("الثالث", []),
])
def test_quantities_with_qualifiers(raw, expected):
    assert _q(raw) == expected


_PIECES = ["خمسة", "وخمسة", "الخمسة", "بخمسة", "فخمسة", "و", "عشرين", "واحد", "احد", "الف", "الاف", "الفين", "مئة",
           "12", "3,000", "4.5", "و4", "قتل", "مقتلين", "خمسينية", "(5)", "ـ"]
_SEPARATORS = [" ", " ", ", ", "-", " و ", "\n"]


@given(st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(_SEPARATORS)), max_size=15)
       .map(lambda parts: "".join(p + sep for p, sep in parts)))
def test_number_tokens_are_the_number_words_and_figures_a_word_by_word_reading_finds(raw):
    from marsad.extract.quantities import _NUM_TOKEN, _number_forms, _number_tokens

    text = normalize(raw).text
    forms = _number_forms()
    by_words = [(m.start(), m.end(), m.group()) for m in _NUM_TOKEN.finditer(text)
                if m.group()[0].isdigit() or m.group() in forms]
    assert _number_tokens(text) == by_words

"""Table-driven date expressions and property tests over base dates."""
from __future__ import annotations

import re
from datetime import date, timedelta
import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.extract.dates import _digit_starts, find_dateline, find_dates
from marsad.text.normalize import normalize
from tests.extract.tables import rows


def _rows():
    for base, text, expected in rows("dates"):
        yield pytest.param(date.fromisoformat(base), text, expected.strip(), id=text[:40])


def _resolve(base: date, raw: str) -> str:
    exprs = find_dates(normalize(raw).text, base)
    if not exprs:
        return "-"
    e = exprs[0]
    if e.kind == "anchor":
        return f"anchor {e.days:g} {e.precision}"
    return f"{e.day.isoformat()} {e.precision}"


def test_table_is_large_enough():
    assert len(list(_rows())) >= 100


@pytest.mark.parametrize("base,text,expected", list(_rows()))
def test_date_expression(base, text, expected):
    assert _resolve(base, text) == expected


def test_weekday_that_disagrees_is_reported():
    (e,) = find_dates(normalize("أمس الأحد").text, date(2018, 11, 11))
    assert e.day == date(2018, 11, 10) and "disagrees" in e.note


def test_dateline_is_found_in_article_head():
    d = find_dateline(normalize("دمشق 5 نوفمبر 2018 / شن تنظيم").text)
    assert d is not None and d.day == date(2018, 11, 5)
    d = find_dateline(normalize("ملاحقة\nالحدث الأحد ١١/نوفمبر/٢٠١٨ ٠٣:٠٦ ص\nنص").text)
    assert d is not None and d.day == date(2018, 11, 11)


BASES = st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31))


@given(BASES)
def test_yesterday_is_one_day_back(base):
    assert _resolve(base, "أمس") == f"{(base - timedelta(days=1)).isoformat()} 1"


@given(BASES, st.integers(1, 40))
def test_days_ago_in_either_digit_script(base, n):
    want = f"{(base - timedelta(days=n)).isoformat()} 1"
    assert _resolve(base, f"قبل {n} أيام") == want
    eastern = str(n).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    assert _resolve(base, f"منذ {eastern} أيام") == want


@given(BASES)
def test_first_of_current_month(base):
    assert _resolve(base, "في الأول من الشهر الجاري") == f"{base.replace(day=1).isoformat()} 1"


@given(BASES)
def test_last_month_is_before_base(base):
    got = date.fromisoformat(_resolve(base, "الشهر الماضي").split()[0])
    assert got < base.replace(day=1) and (base.replace(day=1) - got).days <= 31


@given(BASES, st.sampled_from(["الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"]))
def test_last_weekday_lies_in_the_past_week(base, name):
    got = date.fromisoformat(_resolve(base, f"{name} الماضي").split()[0])
    assert 1 <= (base - got).days <= 7


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)))
def test_explicit_dates_round_trip(d):
    assert _resolve(date(2031, 1, 1), f"{d.day}/{d.month}/{d.year}") == f"{d.isoformat()} 1"


@pytest.mark.parametrize("head,time", [("الأحد ١١/نوفمبر/٢٠١٨ ٠٣:٠٦ ص", "03:06"), ("5 نوفمبر 2018 - 10:45 م", "22:45"),
                                       ("2018-11-05 14:30", "14:30"), ("12/3/2019 12:15 ص", "00:15"),
                                       ("دمشق 5 نوفمبر 2018 /", None)])
def test_dateline_time(head, time):
    d = find_dateline(normalize(head + "\nنص").text)
    assert d is not None and d.time == time


@given(st.lists(st.sampled_from(list("وفقل12 ,_a")), max_size=30).map("".join), st.integers(0, 30))
def test_digit_starts_are_where_the_pattern_would_start(text, end):
    end = min(end, len(text))
    assert _digit_starts(text, end) == [m.start() for m in re.finditer(r"(?<!\w)[وف]?\d", text[:end])]

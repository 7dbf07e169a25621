"""Table-driven place phrases: each resolves to the admin1, place and ACLED precision an analyst would code."""
from __future__ import annotations

import pytest

from marsad.extract.places import best_place, find_places
from marsad.text.normalize import normalize
from tests.extract.tables import rows


def _rows():
    for phrase, admin1, location, precision in rows("places"):
        yield pytest.param(phrase, admin1, location, int(precision), id=phrase[:40])


def test_table_is_large_enough():
    assert len(list(_rows())) >= 80


@pytest.mark.parametrize("phrase,admin1,location,precision", list(_rows()))
def test_place_phrase(phrase, admin1, location, precision):
    text = normalize(phrase).text
    best = best_place(find_places(text, 0, len(text)))
    if admin1 == "-":
        assert best is None
        return
    assert best is not None
    assert (best.admin1, best.location or "-", best.precision) == (admin1, location, precision)


def test_offset_point_lies_at_the_distance_given():
    from marsad.knowledge.gazetteer import km_between
    text = normalize("على بعد 20 كم شمال حلب").text
    off = [p for p in find_places(text, 0, len(text)) if p.cue == "offset"][0]
    assert abs(km_between(off.lat, off.lon, off.place.lat, off.place.lon) - 20) < 0.5
    assert off.lat > off.place.lat


def test_unknown_name_never_hides_known_ones():
    text = normalize("قصف على بلدة كفرشمشم وبلدة سراقب").text
    names = [p.location for p in find_places(text, 0, len(text))]
    assert "Saraqib" in names


def test_source_place_is_marked():
    text = normalize("نقلت سانا عن مصادر أهلية في دير الزور أن طائرات قصفت بلدة الشعفة").text
    ps = find_places(text, 0, len(text))
    assert [p.in_source for p in ps] == [True, False]


def test_unknown_names_are_reported_with_their_span():
    from marsad.extract.places import find_unresolved

    text = normalize("قصف على بلدة كفرشمشم وبلدة سراقب وفي البلدة أضرار").text
    known = find_places(text, 0, len(text))
    assert [name for _, _, name in find_unresolved(text, 0, len(text), known)] == ["كفرشمشم"]


def test_record_lists_unresolved_places():
    import marsad

    raw = "قصفت قوات النظام بلدة كفرشمشم في ريف إدلب ما أدى إلى مقتل مدنيين اثنين."
    (rec,) = marsad.extract(raw, published="2020-01-01")
    (u,) = rec.unresolved_places
    assert u["name_ar"] == "كفرشمشم" and raw[u["span"][0]:u["span"][1]] == "كفرشمشم"
    assert rec.admin1 == "Idleb" and rec.geo_precision == 2


@pytest.mark.parametrize("sentence, name", [
    ("قصف مدفعي استهدف قرية الزيتونة التي تقع في ريف حماة", "الزيتونة"),
    ("انفجار لغم في قرية المشيرفة أمس", "المشيرفة"),
    ("اشتباكات في حي الزهور ليلة الجمعة", "الزهور"),
    ("انفجرت عبوة في قرية الهرموشية وأسفرت عن إصابة جنديين", "الهرموشية"),
    ("قصفت قوات النظام بلدة كفر عويد بريف إدلب", "كفر عويد"),
    ("قتل شاب برصاص مجهولين في قرية أم الصير شرقي درعا", "أم الصير"),
    ("غارة على قرية بيت سوا صباح اليوم", "بيت سوا"),
    ("قتل مدني في غارة على قرية تل شعير صباح اليوم", "تل شعير"),
    ("قصف على بلدة الرمثانة الشرقية بالمدفعية", "الرمثانة الشرقية"),
    ("سقطت قذيفة على قرية خربة الزعتر القديمة", "خربة الزعتر"),
])
def test_an_unknown_name_takes_its_own_words_only(sentence, name):
    from marsad.extract.places import find_unresolved

    text = normalize(sentence).text
    found = find_unresolved(text, 0, len(text), find_places(text, 0, len(text)))
    assert [n for _, _, n in found] == [normalize(name).text]


def test_a_bare_compound_head_is_not_the_town_of_that_name():
    text = normalize("قتل مدني في غارة على قرية تل شعير صباح اليوم").text
    assert [p.location for p in find_places(text, 0, len(text))] == []
    text = normalize("قصفت قوات النظام مدينة التل بريف دمشق").text
    assert "At Tall" in [p.location for p in find_places(text, 0, len(text))]


@pytest.mark.parametrize("sentence, location", [
    ("وفي دير الزور، اغتال مسلحون مجهولون عنصرا سابقا في قسد في بلدة الشحيل بالريف الشرقي", "Ash Shuhayl"),
    ("وفي حلب، قتل مدنيان بقصف على مدينة الأتارب", "Al Atārib"),
    ("وفي دير الزور، قتل مدني برصاص مجهولين", "Deir ez-Zor"),
])
def test_a_bare_governorate_capital_gives_way_to_a_town_of_its_governorate(sentence, location):
    import marsad

    (rec,) = marsad.extract(sentence, published="2024-03-13")
    assert rec.location == location

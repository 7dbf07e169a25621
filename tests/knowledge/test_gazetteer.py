from __future__ import annotations


import pytest
from typer.testing import CliRunner

from marsad.extract.places import best_place, find_places
from marsad.interfaces.cli import app
from marsad.knowledge import gazetteer
from marsad.text.normalize import normalize

_ROW = "{id}\t{name}\t{name}\t{alt}\t{lat}\t{lon}\t{fc}\t{code}\tIQ\t\t{a1}\t{a2}\t\t\t{pop}\t\t0\tAsia/Baghdad\t2020-01-01\n"


@pytest.fixture()
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("MARSAD_CACHE_DIR", str(tmp_path))
    gazetteer.places.cache_clear()
    gazetteer.place_matcher.cache_clear()
    yield tmp_path
    gazetteer.places.cache_clear()
    gazetteer.place_matcher.cache_clear()


def test_every_governorate_is_known():
    admin1 = {p.admin1 for p in gazetteer.places() if p.kind == "admin1"}
    assert len(admin1) == 14


def test_index_is_built_and_cached(cache):
    assert gazetteer.places()
    assert list(cache.glob("gazetteer-sy-*.json"))


def test_import_geonames_dump_adds_a_country(cache, tmp_path):
    dump = tmp_path / "IQ.txt"
    dump.write_text(
        _ROW.format(id=1, name="Nineveh", alt="Ninawa,محافظة نينوى,نينوى", lat=36.3, lon=42.9, fc="A", code="ADM1",
                    a1="15", a2="", pop=0)
        + _ROW.format(id=2, name="Tall Afar", alt="Tal Afar,تلعفر,تل عفر", lat=36.37, lon=42.45, fc="P", code="PPLA2",
                      a1="15", a2="", pop=200000)
        + _ROW.format(id=3, name="Sinjar", alt="Shingal,سنجار", lat=36.32, lon=41.88, fc="P", code="PPL",
                      a1="15", a2="", pop=30000), "utf-8")
    res = CliRunner().invoke(app, ["gazetteer", "import", str(dump)])
    assert res.exit_code == 0, res.output
    assert "imported 3 places" in res.output
    text = normalize("قصف على مدينة تلعفر في محافظة نينوى").text
    best = best_place(find_places(text, 0, len(text)))
    assert (best.place.country, best.admin1, best.location) == ("Iraq", "Nineveh", "Tall Afar")


def test_broken_dump_names_the_line(cache, tmp_path):
    dump = tmp_path / "IQ.txt"
    dump.write_text("1\tonly\tthree\n", "utf-8")
    res = CliRunner().invoke(app, ["gazetteer", "import", str(dump)])
    assert res.exit_code == 1 and "IQ.txt:1: expected 19" in res.output


def test_info_lists_kinds(cache):
    res = CliRunner().invoke(app, ["gazetteer", "info"])
    assert "Syria\tadmin1\t14" in res.output

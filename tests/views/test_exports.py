"""Exports: ACLED CSV columns and conventions, UCDP low/best/high, GeoJSON that GIS tools read, JSONL."""
from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

import marsad
from marsad.interfaces.cli import app
from marsad.views.exports import ACLED_COLUMNS, UCDP_COLUMNS, write

ARTICLE = ("قتل 26 مدنيا على الأقل بينهم أطفال في غارات لطيران التحالف الدولي على بلدة هجين في ريف دير الزور "
           "الشرقي، بحسب وكالة سانا، وأصيب العشرات بجروح.")


@pytest.fixture()
def records():
    return [r.to_dict() for r in marsad.extract(ARTICLE, published="2018-11-10", article_id="a1")]


def test_acled_csv(records):
    buf = io.StringIO()
    assert write("acled-csv", records, buf) == 1
    (row,) = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert list(row) == ACLED_COLUMNS
    assert row["event_type"] == "Explosions/Remote violence" and row["sub_event_type"] == "Air/drone strike"
    assert row["fatalities"] == "26" and row["civilian_targeting"] == "Civilian targeting"
    assert row["iso"] == "760" and row["disorder_type"] == "Political violence" and row["source"] == "SANA"
    assert row["location"] == "Hajīn" and float(row["latitude"]) > 34


def test_ucdp_csv_low_best_high(records):
    buf = io.StringIO()
    write("ucdp-csv", records, buf)
    (row,) = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert list(row) == UCDP_COLUMNS
    assert (row["low"], row["best"]) == ("26", "26") and int(row["high"]) >= 26
    assert row["type_of_violence"] == "3" and row["deaths_civilians"] == "26"


def test_geojson_is_a_feature_collection(records):
    buf = io.StringIO()
    write("geojson", records + [{**records[0], "latitude": None, "event_id": "x"}], buf)
    doc = json.loads(buf.getvalue())
    assert doc["type"] == "FeatureCollection" and len(doc["features"]) == 2
    pt = doc["features"][0]["geometry"]
    assert pt["type"] == "Point" and pt["coordinates"][0] > 40
    assert doc["features"][1]["geometry"] is None
    assert all(not isinstance(v, (list, dict)) for v in doc["features"][0]["properties"].values())


def test_jsonl_round_trips(records):
    buf = io.StringIO()
    write("jsonl", records, buf)
    assert [json.loads(line) for line in buf.getvalue().splitlines()] == records


def test_unknown_format():
    with pytest.raises(ValueError):
        write("xml", [], io.StringIO())


def test_export_command_filters(tmp_path, db_url):
    src = tmp_path / "a1.txt"
    src.write_text("دمشق 10 نوفمبر 2018 / " + ARTICLE, "utf-8")
    assert CliRunner().invoke(app, ["run", str(src), "--db", db_url]).exit_code == 0
    out = tmp_path / "e.geojson"
    res = CliRunner().invoke(app, ["export", "-f", "geojson", "-o", str(out), "--db", db_url,
                                   "--admin1", "Deir ez-Zor", "--since", "2018-11-01"])
    assert res.exit_code == 0 and len(json.loads(out.read_text("utf-8"))["features"]) == 1
    res = CliRunner().invoke(app, ["export", "-f", "acled-csv", "--db", db_url, "--until", "2018-01-01"])
    assert res.exit_code == 0 and len(res.stdout.strip().splitlines()) == 1
    assert CliRunner().invoke(app, ["export", "-f", "pdf", "--db", db_url]).exit_code != 0
    assert CliRunner().invoke(app, ["export", "--since", "last week", "--db", db_url]).exit_code != 0

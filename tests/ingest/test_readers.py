from __future__ import annotations

import json

from typer.testing import CliRunner

from marsad.document import Article
from marsad.ingest.readers import InputError, read_path
from marsad.interfaces.cli import app

ARTICLE = "دمشق 5 نوفمبر 2018 / قصفت طائرات حربية بلدة كفرنبل جنوب إدلب ما أسفر عن مقتل 4 مدنيين."


def test_txt_article_id_is_file_stem(tmp_path):
    f = tmp_path / "a1.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    (item,) = read_path(f)
    assert isinstance(item, Article) and item.id == "a1" and item.published is None


def test_bad_inputs_each_get_one_error_and_batch_goes_on(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("قصف".encode("utf-8")[:1] + b"\xff\xfe abc")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "big.txt").write_text("قصف " * 700_000, encoding="utf-8")
    rows = [json.dumps({"id": "ok", "text": ARTICLE}), "{not json", json.dumps({"id": "x"}),
            json.dumps({"id": "d", "text": ARTICLE, "published": "5/11/2018"})]
    (tmp_path / "rows.jsonl").write_text("\n".join(rows), encoding="utf-8")
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    items = list(read_path(tmp_path))
    errors = [str(i) for i in items if isinstance(i, InputError)]
    good = [i.id for i in items if isinstance(i, Article)]
    assert sorted(good) == ["good", "ok"]
    assert any("empty.txt: empty file" in e for e in errors)
    assert any("latin1.txt: not UTF-8" in e for e in errors)
    assert any("bin.txt: binary file" in e for e in errors)
    assert any("big.txt: article longer" in e for e in errors)
    assert any("rows.jsonl:2: not JSON" in e for e in errors)
    assert any("rows.jsonl:3: row has no 'text'" in e for e in errors)
    assert any("rows.jsonl:4: unknown date format" in e for e in errors)
    assert all("\n" not in e for e in errors)


def test_csv_rows_carry_metadata(tmp_path):
    f = tmp_path / "c.csv"
    f.write_text("id,text,published,outlet\nr1,\"" + ARTICLE + "\",2018-11-05,SANA\nr2,,2018-11-05,X\n", "utf-8")
    items = list(read_path(f))
    assert items[0].id == "r1" and str(items[0].published) == "2018-11-05" and items[0].outlet == "SANA"
    assert isinstance(items[1], InputError) and items[1].line == 3


def test_cli_writes_records_and_fails_softly(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x00")
    out = tmp_path / "out.jsonl"
    res = CliRunner().invoke(app, ["extract", str(good), str(bad), "-o", str(out)])
    assert res.exit_code == 1
    assert "bad.txt: binary file" in res.output
    recs = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert recs and recs[0]["article_id"] == "good" and recs[0]["event_date"] == "2018-11-05"
    assert "Traceback" not in res.output


def test_cli_rejects_bad_published_option(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    res = CliRunner().invoke(app, ["extract", str(f), "--published", "yesterday"])
    assert res.exit_code != 0 and "YYYY-MM-DD" in res.output


def test_html_main_text_and_metadata(tmp_path):
    page = tmp_path / "p.html"
    page.write_text(
        "<html><head><title>قصف</title><meta property='article:published_time' content='2019-05-12'>"
        "<link rel='canonical' href='https://example.org/a'></head><body><nav>الرئيسية اتصل بنا</nav><article>"
        f"<p>{ARTICLE}</p><p>وأضافت المصادر أن فرق الدفاع المدني انتشلت الضحايا من تحت الأنقاض.</p>"
        "</article><footer>جميع الحقوق محفوظة</footer></body></html>", "utf-8")
    (item,) = read_path(page)
    assert isinstance(item, Article) and "كفرنبل" in item.text and "الرئيسية" not in item.text
    assert str(item.published) == "2019-05-12" and item.url == "https://example.org/a"

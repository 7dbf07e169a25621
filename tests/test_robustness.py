"""Whatever the text, extraction returns records whose evidence points inside it, and never raises."""
from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import marsad

_TABLES = Path(__file__).parent / "extract" / "tables"
_WORDS = sorted({w for f in _TABLES.glob("*.tsv") for line in f.read_text("utf-8").splitlines()
                 if not line.startswith("#") for w in line.split("\t")[0].split()})
_SENTENCES = [line.split("\t")[0] for f in _TABLES.glob("*.tsv") for line in f.read_text("utf-8").splitlines()
              if line and not line.startswith("#")]
_PIECES = st.sampled_from(_SENTENCES + _WORDS + ["،", ".", "\n", "«", "»", "(", ")", "٣", "2019", "على الأقل", "بعد", "أمس", ":",
                                    "-", "/", "؟", "ـ", "\u064b", "ﻻ", "😀", "A"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, min_size=1, max_size=120).map(" ".join), st.sampled_from([None, "2019-05-10"]))
def test_extract_never_raises_and_evidence_is_inside(text, published):
    for rec in marsad.extract(text, published=published):
        for key, span in rec.evidence.items():
            for s, e in (span if key == "mentions" else [span]):
                assert 0 <= s <= e <= len(text)
        for c in rec.casualties:
            assert 0 <= c["span"][0] <= c["span"][1] <= len(text)
        assert rec.event_type and rec.sub_event_type


def test_empty_and_odd_texts():
    for text in ["", " ", "\n\n", "٠٠٠", "....", "قصف", "A" * 1000, "قتل " * 500]:
        marsad.extract(text, published="2019-05-10")


def test_shuffled_reports():
    """Two hundred articles made of the project's sentences in random order, numbers and punctuation included."""
    import random

    rnd = random.Random(11)
    reports = [p.read_text("utf-8") for p in (_TABLES.parent / "reports").glob("*.txt")]
    pool = _SENTENCES + [line for r in reports for line in r.splitlines() if line.strip()]
    for _ in range(200):
        text = "\n".join(rnd.sample(pool, rnd.randint(1, 12)))
        for rec in marsad.extract(text, published="2020-02-02"):
            s, e = rec.evidence["sentence"]
            assert 0 <= s < e <= len(text)

"""The phrase matcher: proclitic chains, stems, and the one automaton all lexicons share."""
from __future__ import annotations

import gc
from concurrent.futures import ThreadPoolExecutor

import pytest

from marsad.knowledge.lexicon import Entry, PhraseMatcher
from marsad.text.normalize import normalize

TEXT = normalize("وقصفت الطائرات بلدة كفرنبل، وبالقصف قتل مدنيان في الرقة لا في فرقه").text


def _found(matcher: PhraseMatcher, text: str = TEXT) -> list[str]:
    return [text[m.start:m.end] for m in matcher.find(text)]


@pytest.mark.parametrize("phrases, expected", [
    (("قصف*",), ["وقصفت", "وبالقصف"]),
    (("القصف",), ["وبالقصف"]),
    (("الرقة",), ["الرقة"]),
    (("مدني*",), ["مدنيان"]),
    (("طائرات",), ["الطائرات"]),
])
def test_a_phrase_matches_behind_legal_proclitics_only(phrases, expected):
    assert _found(PhraseMatcher([Entry(phrases, {})])) == [normalize(x).text for x in expected]


def test_matchers_made_and_dropped_leave_the_others_intact():
    keep = PhraseMatcher([Entry(("كفرنبل",), {})])
    for _ in range(5):
        PhraseMatcher([Entry(("بلدة",), {})]).find(TEXT)
        gc.collect()
    assert _found(keep) == ["كفرنبل"]
    assert _found(keep, normalize("قرب كفرنبل").text) == ["كفرنبل"]


def test_threads_building_and_scanning_at_once_get_their_own_hits():
    words = ["قصف*", "كفرنبل", "مدني*", "الرقة", "بلدة", "الطائرات"]

    def work(i: int) -> list[str]:
        m = PhraseMatcher([Entry((words[i % len(words)],), {})])
        text = normalize(f"{i} " + "وقصفت الطائرات بلدة كفرنبل وقتل مدنيان في الرقة").text
        return _found(m, text)

    with ThreadPoolExecutor(8) as pool:
        got = list(pool.map(work, range(200)))
    alone = [work(i) for i in range(len(words))]
    assert all(got[i] == alone[i % len(words)] for i in range(200))

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from marsad.text.patterns import matches_at

PATTERNS = [re.compile(p) for p in (r"(?<!\w)[وف]?\d+", r"قتل\s+\d*", r"a*", r"(?<!\w)(?:شبكة|موقع)\s+\w+")]


@given(st.sampled_from(PATTERNS), st.lists(st.sampled_from(list("وفقتلa12 ") + ["شبكة ", "موقع "]), max_size=20)
       .map("".join), st.integers(0, 40))
def test_tried_at_every_position_it_finds_what_finditer_finds(pattern, text, end):
    end = min(end, len(text))
    got = [(m.start(), m.end()) for m in matches_at(pattern, text, range(end + 1), end)]
    assert got == [(m.start(), m.end()) for m in pattern.finditer(text, 0, end)]

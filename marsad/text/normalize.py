"""Arabic normalisation for matching, with an offset map back to the raw text.

Matching runs on a folded copy of the article (one alef, one ya, ta marbuta as
ha, no diacritics or tatweel, Western digits, ASCII punctuation), but every
field's evidence must point into the raw text. `NormText` keeps, for each
character of the folded copy, the raw character it came from, so any span found
in the folded copy maps back exactly.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

_DELETE = "".join(
    [chr(c) for c in range(0x064B, 0x0660)]  # harakat, shadda, sukun, maddah/hamza marks
    + [chr(0x0670)]  # superscript (dagger) alef
    + [chr(c) for c in range(0x06D6, 0x06EE)]  # Quranic annotation marks
    + ["\u0640"]  # tatweel
    + ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\ufeff", "\u00ad"]
)

_FOLD_GROUPS = {
    "ا": "أإآٱٲٳ",
    "ه": "ةۀہھ",
    "ي": "ىیئۍې",
    "و": "ؤ",
    "ك": "ک",
    ",": "،٬",
    ";": "؛",
    "?": "؟",
    '"': "«»“”„″",
    "'": "‘’",
    "%": "٪",
    ".": "٫۔",
    " ": "\u00a0\u2007\u202f\u2009\u200a\t",
    "-": "–—‒",
}


def _build_charmap() -> dict[str, str]:
    table: dict[str, str] = {ch: "" for ch in _DELETE}
    for target, sources in _FOLD_GROUPS.items():
        for ch in sources:
            table[ch] = target
    for i in range(10):
        table[chr(0x0660 + i)] = str(i)  # Eastern Arabic digits
        table[chr(0x06F0 + i)] = str(i)  # Persian digits
    for code in list(range(0xFB50, 0xFE00)) + list(range(0xFE70, 0xFF00)):
        ch = chr(code)
        decomposed = unicodedata.normalize("NFKC", ch)
        if decomposed != ch and decomposed.strip():
            table[ch] = "".join(table.get(c, c) for c in decomposed)
    return table


CHARMAP: dict[str, str] = _build_charmap()


@dataclass(frozen=True, slots=True)
class NormText:
    """A folded copy of `raw` and the map back to raw indices, kept as runs.

    Run k starts at folded index `run_starts[k]` and raw index `run_raw[k]`; inside it
    folded characters advance the raw index by `run_step[k]` (1, or 0 where a ligature
    expands into several letters). Most articles are one run, however long.
    """

    raw: str
    text: str
    run_starts: tuple[int, ...]
    run_raw: tuple[int, ...]
    run_step: tuple[int, ...]

    def raw_index(self, i: int) -> int:
        """The raw index of folded character `i`."""
        k = bisect_right(self.run_starts, i) - 1
        return self.run_raw[k] + self.run_step[k] * (i - self.run_starts[k])

    @property
    def origin(self) -> tuple[int, ...]:
        """Every folded character's raw index (for checks; the pipeline maps spans)."""
        return tuple(self.raw_index(i) for i in range(len(self.text)))

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Map a folded span [start, end) to the raw span covering the same characters."""
        if end <= start:
            pos = self.raw_index(start) if start < len(self.text) else len(self.raw)
            return pos, pos
        return self.raw_index(start), self.raw_index(end - 1) + 1

    def raw_slice(self, start: int, end: int) -> str:
        rs, re_ = self.to_raw(start, end)
        return self.raw[rs:re_]


_SIMPLE = {k: v for k, v in CHARMAP.items() if len(v) <= 1}
_PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
_COMMON = tuple((k, v) for k, v in _SIMPLE.items() if not _PRESENTATION.match(k))
_TABLE = {ord(k): (v or None) for k, v in _SIMPLE.items()}
_EXPANDING = re.compile("[" + re.escape("".join(k for k, v in CHARMAP.items() if len(v) > 1)) + "]")
_UPPER = re.compile("[A-Z]+")
_DELETED = re.compile("[" + re.escape("".join(k for k, v in CHARMAP.items() if not v)) + "]+")


def normalize(raw: str) -> NormText:
    """Fold `raw` for matching and keep the offset map."""
    if not _EXPANDING.search(raw):
        return _normalize_simple(raw)
    out: list[str] = []
    starts: list[int] = []
    raws: list[int] = []
    steps: list[int] = []
    folded_len = 0
    cmap = CHARMAP
    for i, ch in enumerate(raw):
        folded = cmap.get(ch)
        if folded is None:
            folded = ch.lower() if "A" <= ch <= "Z" else ch
        if not folded:
            continue
        step = 1 if len(folded) == 1 else 0
        if not steps or steps[-1] != step or step == 0 or \
                raws[-1] + step * (folded_len - starts[-1]) != i:
            starts.append(folded_len)
            raws.append(i)
            steps.append(step)
        out.append(folded)
        folded_len += len(folded)
    return NormText(raw, "".join(out), tuple(starts) or (0,), tuple(raws) or (0,), tuple(steps) or (1,))


def _normalize_simple(raw: str) -> NormText:
    """The common case, no ligature expands: a C-level replace per folded character present (str.translate
    would look every Arabic character up one by one), and the runs between deleted marks."""
    if _PRESENTATION.search(raw):
        text = raw.translate(_TABLE)
    else:
        text = raw
        for ch, folded in _COMMON:
            if ch in text:
                text = text.replace(ch, folded)
    if text.lower() != text:
        text = _UPPER.sub(lambda m: m.group().lower(), text)
    starts, raws = [0], [0]
    removed = 0
    for m in _DELETED.finditer(raw):
        removed += m.end() - m.start()
        starts.append(m.end() - removed)
        raws.append(m.end())
    return NormText(raw, text, tuple(starts), tuple(raws), (1,) * len(starts))


@lru_cache(maxsize=65536)
def fold(phrase: str) -> str:
    """Fold a lexicon phrase the same way as article text (no offsets needed)."""
    return " ".join(normalize(phrase).text.split())

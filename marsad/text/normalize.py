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
    """A folded copy of `raw` and, per folded character, its raw index."""

    raw: str
    text: str
    origin: tuple[int, ...]

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Map a folded span [start, end) to the raw span covering the same characters."""
        if end <= start:
            pos = self.origin[start] if start < len(self.origin) else len(self.raw)
            return pos, pos
        return self.origin[start], self.origin[end - 1] + 1

    def raw_slice(self, start: int, end: int) -> str:
        rs, re_ = self.to_raw(start, end)
        return self.raw[rs:re_]


_SIMPLE = {ord(k): (v or None) for k, v in CHARMAP.items() if len(v) <= 1}
_EXPANDING = re.compile("[" + re.escape("".join(k for k, v in CHARMAP.items() if len(v) > 1)) + "]")
_UPPER = re.compile("[A-Z]+")
_DELETED = re.compile("[" + re.escape("".join(k for k, v in CHARMAP.items() if not v)) + "]+")


def normalize(raw: str) -> NormText:
    """Fold `raw` for matching and keep the offset map."""
    if not _EXPANDING.search(raw):
        return _normalize_simple(raw)
    out: list[str] = []
    origin: list[int] = []
    cmap = CHARMAP
    for i, ch in enumerate(raw):
        folded = cmap.get(ch)
        if folded is None:
            folded = ch.lower() if "A" <= ch <= "Z" else ch
        if len(folded) == 1:
            out.append(folded)
            origin.append(i)
        elif folded:
            out.append(folded)
            origin.extend([i] * len(folded))
    return NormText(raw, "".join(out), tuple(origin))


def _normalize_simple(raw: str) -> NormText:
    """The common case, no ligature expands: one C-level translate and the kept index ranges."""
    text = raw.translate(_SIMPLE)
    if _UPPER.search(text):
        text = _UPPER.sub(lambda m: m.group().lower(), text)
    origin: list[int] = []
    kept = 0
    for m in _DELETED.finditer(raw):
        origin.extend(range(kept, m.start()))
        kept = m.end()
    origin.extend(range(kept, len(raw)))
    return NormText(raw, text, tuple(origin))


@lru_cache(maxsize=65536)
def fold(phrase: str) -> str:
    """Fold a lexicon phrase the same way as article text (no offsets needed)."""
    return " ".join(normalize(phrase).text.split())

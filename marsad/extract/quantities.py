"""Arabic quantities: digits, number words, vague amounts and their qualifiers.

Number words compose the way Arabic writes them: "خمسة وعشرون" (5 + 20),
"ثلاث مئة" (3 x 100), "أحد عشر" (1 + 10), "مئتان وخمسون ألفا" (250 x 1000).
The word lists live in knowledge/data/numbers.yaml and quantifiers.yaml; this
module only holds the composition rules.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from marsad.knowledge.lexicon import Entry, PhraseMatcher, entries_of, load_yaml
from marsad.text.normalize import fold

_NUM_TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?|[\u0621-\u064a]+")


@dataclass(slots=True)  # not frozen: made dozens of times per article, and a frozen __init__ costs ~7x
class Quantity:
    """A count found in folded text: [start, end), a range and how it was hedged."""

    start: int
    end: int
    min: int
    max: int | None
    qualifier: str
    acled: int | None  # the firm figure ACLED would code, None when there is none


@lru_cache(maxsize=1)
def _words() -> dict[str, tuple[int, str]]:
    table: dict[str, tuple[int, str]] = {}
    for row in load_yaml("numbers")["units"]:
        for phrase in row["phrases"]:
            table[fold(phrase)] = (row["value"], row["kind"])
    return table


@lru_cache(maxsize=1)
def ordinals() -> frozenset[str]:
    """Words that never start a count: ordinals, and weekdays that look like numbers."""
    data = load_yaml("numbers")
    return frozenset(fold(w) for w in data["ordinals"] + data["not_numbers"])


@lru_cache(maxsize=1)
def _feminine_adjectives() -> frozenset[str]:
    return frozenset(fold(w) for w in load_yaml("numbers")["feminine_adjectives"])


@lru_cache(maxsize=1)
def _vague_matcher() -> PhraseMatcher:
    return PhraseMatcher(entries_of(load_yaml("quantifiers"), "vague"))


@lru_cache(maxsize=1)
def _before_matcher() -> PhraseMatcher:
    return PhraseMatcher(entries_of(load_yaml("quantifiers"), "before"))


@lru_cache(maxsize=1)
def _after_matcher() -> PhraseMatcher:
    return PhraseMatcher(entries_of(load_yaml("quantifiers"), "after"))


@lru_cache(maxsize=1)
def _number_forms() -> frozenset[str]:
    """Every spelling _lookup accepts, and the bare و that joins number words."""
    forms = {"و"}
    for w in _words():
        forms |= {w, "و" + w, "ال" + w} | ({p + w for p in "بلك"} if len(w) > 2 else set())
    return frozenset(forms)


def _lookup(word: str) -> tuple[int, str, bool] | None:
    """(value, kind, joined by و) for a number word, with a leading و allowed."""
    table = _words()
    if word in table:
        return (*table[word], False)
    if word.startswith("و") and word[1:] in table:
        return (*table[word[1:]], True)
    if word.startswith("ال") and word[2:] in table:  # "الخمسة" as in "الجنود الخمسة"
        return (*table[word[2:]], False)
    if word[0] in "بلك" and word[1:] in table and len(word) > 3:  # "بخمسة" as in "فقد الاتصال بخمسة"
        return (*table[word[1:]], False)
    return None


def _digits(token: str) -> int | None:
    if not token[0].isdigit():
        return None
    if "." in token:
        return None
    return int(token.replace(",", ""))


def compose(words: list[str]) -> tuple[int, int] | None:
    """Read number words from the start of `words`: (value, words used) or None."""
    total = current = used = 0
    last: str | None = None
    i = 0
    while i < len(words):
        word = words[i]
        conj = False
        if word == "و" and last is not None and i + 1 < len(words) and _lookup(words[i + 1]):
            i += 1
            word, conj = words[i], True
        hit = _lookup(word)
        if last is not None and word.startswith("و") and word[1:] in _words():
            hit = (*_words()[word[1:]], True)  # "وأحد" after a number is "and one", not "one"
        if hit is None:
            break
        value, kind, joined = hit
        conj = conj or joined
        if last is None and conj:
            break
        if kind in ("unit", "ten", "tens", "hundred"):
            teen = kind == "ten" and last == "unit" and not conj  # "ثلاثة عشر"
            if last is None:
                current = value
            elif conj or teen:
                current += value
            else:
                break
        elif kind == "hundred_mult":
            if last == "unit" and not conj and 1 <= current <= 9:
                current *= 100
            elif last is None:
                current = value
            elif conj:
                current += value
            else:
                break
        elif kind == "scale":
            if last is None:
                total += 2000 if word == "الفا" and value == 1000 else value
            elif conj:
                total += value
            elif current > 0:
                total += current * value
                current = 0
            else:
                break
        elif kind == "dual_scale":
            if last is None:
                total += value
            elif conj:
                total += value
            else:
                break
        elif kind == "plural_scale":
            if last == "unit" and not conj and 3 <= current <= 10 or last == "ten" and current == 10:
                total += current * value
                current = 0
            else:
                break
        last = kind
        i += 1
        used = i
    if used == 0:
        return None
    return total + current, used


def parse_number(phrase: str) -> int | None:
    """The value of a whole number phrase ("خمسة وعشرون", "١٢٠٠", "450 ألف"), else None."""
    toks = [m.group() for m in _NUM_TOKEN.finditer(fold(phrase))]
    if not toks:
        return None
    got = _read(toks, 0)
    if got is None or got[1] != len(toks):
        return None
    return got[0]


def _read(toks: list[str], i: int) -> tuple[int, int] | None:
    """Value and tokens used for a number starting at toks[i]."""
    value = _digits(toks[i])
    if value is not None:
        used = 1
        if i + 1 < len(toks):
            nxt = _lookup(toks[i + 1])
            if nxt and nxt[1] in ("scale", "plural_scale") and not nxt[2]:
                value *= nxt[0]
                used = 2
        return value, used
    return compose(toks[i:i + 12])


_DIGIT_TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?")
_DIGIT_CLUSTER = re.compile(r"[0-9][0-9,.]*")  # a plain character class: the engine skips to each figure fast


@lru_cache(maxsize=1)
def _number_word_matcher() -> PhraseMatcher:
    return PhraseMatcher([Entry(tuple(_words()), {})])


@lru_cache(maxsize=1)
def _article_tokens(text: str) -> tuple[list[tuple[int, int, str]], list[int]]:
    """The number tokens of the article and their starts: read once per article, looked up per clause."""
    tokens = _number_tokens(text)
    return tokens, [s for s, _, _ in tokens]


def _number_tokens(text: str) -> list[tuple[int, int, str]]:
    """What _NUM_TOKEN would give, kept to figures and number words ("وخمسة", "الثلاثة", a lone "و"), in text
    order; the lexicon scan finds the words, so the article is not tokenised word by word again."""
    forms = _number_forms()
    spans = [(m.start(), m.end(), m.group()) for c in _DIGIT_CLUSTER.finditer(text)
             for m in _DIGIT_TOKEN.finditer(text, c.start(), c.end())]
    spans += [(m.start, m.end, w) for m in _number_word_matcher().find_all(text) if (w := text[m.start:m.end]) in forms]
    spans += [(i, i + 1, "و") for i in _lone_waw(text)]
    return sorted(set(spans))  # "واحد" is found as itself and as و + "احد"


def _arabic_letter(ch: str) -> bool:
    return "\u0621" <= ch <= "\u064a"


_WAW_ENDING = re.compile("و(?![\u0621-\u064a])")  # starts with a literal, so the engine skips to each و


def _lone_waw(text: str) -> list[int]:
    """Where "و" stands as a word of its own ("خمسة و عشرون", "و4 في حلب")."""
    return [m.start() for m in _WAW_ENDING.finditer(text) if not m.start() or not _arabic_letter(text[m.start() - 1])]


def _firm_numbers(text: str, start: int, end: int) -> list[Quantity]:
    tokens, starts = _article_tokens(text)
    spans = [sp for sp in tokens[bisect_left(starts, start):bisect_left(starts, end)] if sp[1] <= end]
    toks = [t for _, _, t in spans]
    found: list[Quantity] = []
    i = 0
    while i < len(spans):
        got = _read(toks, i)
        if got is None or toks[i] in ordinals():
            i += 1
            continue
        value, used = got
        if toks[i] in _feminine_adjectives() and text[max(0, spans[i][0] - 2):spans[i][0]] == "ه ":
            i += 1  # "عائلة واحدة": an adjective of the noun before, not a count
            continue
        if any(spans[k + 1][0] - spans[k][1] > 2 for k in range(i, i + used - 1)):
            used = 1  # words of a number stand next to each other
            got = _read(toks[i:i + 1], 0)
            if got is None:
                i += 1
                continue
            value = got[0]
        s, e = spans[i][0], spans[i + used - 1][1]
        found.append(Quantity(s, e, value, value, "exact", value))
        i += used
    return found


def find_quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Every count in text[start:end], firm or vague, with its qualifier."""
    end = len(text) if end is None else end
    found = _firm_numbers(text, start, end)
    firm_spans = [(q.start, q.end) for q in found]
    for m in _vague_matcher().find(text, start, end):
        if any(s <= m.core_start < e for s, e in firm_spans):
            continue
        ent = m.entry
        found.append(Quantity(m.start, m.end, ent.get("min"), ent.get("max"), ent.get("qualifier"), ent.get("acled")))
    found.sort(key=lambda q: q.start)
    return [_qualify(text, q, start, end) for q in found]


def _qualify(text: str, q: Quantity, start: int, end: int) -> Quantity:
    """Attach a qualifier written just before or just after the number."""
    if q.qualifier not in ("exact",):
        return q
    window_start = max(start, q.start - 24)
    for m in reversed(_before_matcher().find(text, window_start, q.start)):
        gap = text[m.end:q.start]
        if len(gap.split()) <= 1 and gap.strip() in ("", "ال", '"'):
            return _with(q, m.entry.get("qualifier"), new_start=m.start)
    for m in _after_matcher().find(text, q.end, min(end, q.end + 40)):
        if len(text[q.end:m.start].split()) <= 3:
            return _with(q, m.entry.get("qualifier"))
        break
    return q


def hedge_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where hedges written after a figure ("على الأقل", "تقريبا") stand in text[start:end]."""
    return [(m.start, m.end) for m in _after_matcher().find(text, start, end)]


def _with(q: Quantity, qualifier: str, new_start: int | None = None) -> Quantity:
    lo, hi = q.min, q.max
    if qualifier in ("at_least", "more_than"):
        hi = None
    elif qualifier == "up_to":
        lo, hi = 0 if q.min else q.min, q.max
    return Quantity(q.start if new_start is None else new_start, q.end, lo, hi, qualifier, q.acled)

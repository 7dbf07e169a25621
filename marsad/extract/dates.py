"""When it happened: datelines, explicit dates and relative expressions.

All matching runs on folded text; vocabulary comes from knowledge/data/dates.yaml
and is compiled here into a handful of patterns. Every expression resolves
against a reference date (the article's, or another incident's for anchors such
as "بعد 4 أيام على قصفه") and carries ACLED's time precision.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from marsad.extract.quantities import parse_number
from marsad.knowledge.lexicon import Entry, PhraseMatcher, load_yaml
from marsad.text.normalize import fold
from marsad.text.patterns import matches_at


@dataclass(slots=True)  # not frozen: made dozens of times per article, and a frozen __init__ costs ~7x
class DateExpr:
    """A date expression in folded text and what it resolves to.

    `kind` is "absolute", "relative" (to the reference date), "anchor" (the
    next incident lies `days` before the one being told) or "year" (a bare
    year, usually background). `note` explains a weekday that disagrees.
    """

    start: int
    end: int
    kind: str
    precision: int
    day: date | None = None
    days: float = 0.0
    note: str | None = None
    time: str | None = None  # HH:MM, 24-hour, when a dateline gives one


def _alt(words: list[str]) -> str:
    forms = sorted({fold(w) for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(f) for f in forms) + ")"


def _index(table: dict) -> dict[str, int]:
    return {fold(w): int(k) for k, ws in table.items() for w in ws}


@lru_cache(maxsize=1)
def _vocab() -> dict:
    data = load_yaml("dates")
    units = {}
    for u in data["duration_units"]:
        for form, count in [(w, 1) for w in u["singular"]] + [(w, 2) for w in u["dual"]] + [(w, None) for w in u["plural"]]:
            units[fold(form)] = (u["days"], u["precision"], count)
    rel = {}
    for r in data["relative_days"]:
        for p in r["phrases"]:
            rel[fold(p)] = (r["offset"], r["precision"])
    parts = {fold(p): (r["day"], r["precision"]) for r in data["month_parts"] for p in r["phrases"]}
    told = {fold(p): r["days"] for r in data["told_days"] for p in r["phrases"]}
    return {
        "months": _index(data["months"]),
        "hijri": _index(data["hijri_months"]),
        "weekdays": _index(data["weekdays"]),
        "ordinals": _index(data["day_ordinals"]),
        "units": units,
        "relative": rel,
        "told": told,
        "parts": parts,
        "raw": data,
    }


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    v = _vocab()
    d = v["raw"]
    month = _alt(list(v["months"]))
    hijri = _alt(list(v["hijri"]))
    weekday = _alt(list(v["weekdays"]))
    ordinal = _alt(list(v["ordinals"]))
    past = _alt(d["past"])
    current = _alt(d["current"])
    unit = _alt(list(v["units"]))
    rel = _alt(list(v["relative"]))
    part = _alt(list(v["parts"]))
    sep = r"\s*[/\-.]?\s*"
    day = rf"(?P<day>\d{{1,2}}|{ordinal})"
    year = r"(?P<year>(?:19|20)\d{2})"
    b = r"(?<![\w])(?:[وف](?=[^\s]))?"
    e = r"(?![\w])"
    q = r'(?:"\s*)?'
    return {
        "iso": re.compile(rf"{b}(?P<y>(?:19|20)\d{{2}})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}}){e}"),
        "numeric": re.compile(rf"{b}(?P<d>\d{{1,2}})[/\-.](?P<m>\d{{1,2}})[/\-.](?P<y>(?:19|20)\d{{2}}){e}"),
        "hijri": re.compile(rf"{b}(?P<day>\d{{1,2}}){sep}(?P<month>{hijri}){sep}(?P<year>1[34]\d{{2}})\s*{_alt(d['hijri_marker'])}?{e}"),
        "dmy": re.compile(rf"{b}(?:يوم\s+)?{day}(?:\s+من)?{sep}(?:شهر\s+)?(?P<month>{month})(?:{sep}(?:من\s+)?(?:العام|عام|سنه)?\s*{year})?(?:\s+(?P<past>{past}))?{e}"),
        "my": re.compile(rf"{b}(?:شهر\s+)?(?P<month>{month})(?:\s+(?:من\s+)?(?:العام|عام|سنه)\s*|\s+|\s*[/\-]\s*){year}{e}"),
        "month_past": re.compile(rf"{b}(?:شهر\s+)?(?P<month>{month})\s+(?P<past>{past}|{current}){e}"),
        "this_month": re.compile(rf"{b}(?:في\s+)?(?:(?P<part>{part})|{day})\s+(?:من\s+)?(?:ال)?شهر\s+(?P<which>{current}|{past}){e}"),
        "last_month": re.compile(rf"{b}(?:(?P<part>{part})\s+)?(?:ال)?شهر\s+(?:{past}){e}"),
        "ago": re.compile(rf"{b}(?P<ago>{_alt(d['ago'])})\s+(?:(?:نحو|حوالي|قرابه|اكثر من|اقل من|زهاء)\s+)?(?:ال)?{q}(?P<num>[\w]+(?:\s+و\w+)?)?{q}\s*(?P<unit>{unit}){e}(?!\s*(?:19|20)\d{{2}})"),
        "anchor": re.compile(rf"{b}{_alt(d['anchor_after'])}\s+(?:(?P<hedge>نحو|حوالي|قرابه|اكثر من|اقل من|زهاء|ما يقارب)\s+)?{q}(?P<num>[\w]+(?:\s+و\w+)?)?{q}\s*(?P<unit>{unit})(?:\s+فقط)?\s+(?:{_alt(d['anchor_link'])}){e}"),
        "told": re.compile(rf"{b}(?P<told>{_alt(list(v['told']))}){e}"),
        "window": re.compile(rf"{b}(?:خلال|في)\s+(?:ال)?(?P<num>\d+)\s*(?P<unit>{unit})\s+(?:{past}|الاخيره|الماضيه){e}"),
        "weekday": re.compile(rf"{b}(?:يوم\s+)?(?P<wd>{weekday})(?:\s+(?P<past>{past}))?{e}"),
        "relative": re.compile(rf"{b}(?P<rel>{rel})(?:\s*\(?\s*(?:يوم\s+)?(?P<wd>{weekday})\s*\)?)?{e}"),
        "year": re.compile(rf"{b}(?:في|عام|العام|سنه|منذ|خلال)\s+(?:عام\s+|العام\s+)?{year}{e}"),
    }


_DIGIT = "<digit>"


@lru_cache(maxsize=1)
def _starters() -> dict[str, tuple[str, ...]]:
    """Which patterns can begin at a word: each runs only where its first word stands.

    Every pattern starts at a word boundary with one of a few known words (or a
    digit), so an article is tokenised once and each pattern is tried at a handful
    of words instead of being scanned over the whole text.
    """
    v = _vocab()
    d = v["raw"]

    def firsts(words) -> set[str]:
        return {fold(w).split()[0] for w in words}

    day = {_DIGIT} | firsts(v["ordinals"])
    month = firsts(v["months"]) | {"شهر"}
    table = {
        "iso": {_DIGIT}, "numeric": {_DIGIT}, "hijri": {_DIGIT},
        "dmy": day | {"يوم"},
        "my": month, "month_past": month,
        "this_month": day | firsts(v["parts"]) | {"في"},
        "last_month": firsts(v["parts"]) | {"شهر", "الشهر"},
        "ago": firsts(d["ago"]),
        "anchor": firsts(d["anchor_after"]),
        "told": firsts(v["told"]),
        "window": {"خلال", "في"},
        "weekday": firsts(v["weekdays"]) | {"يوم"},
        "relative": firsts(v["relative"]),
        "year": {"في", "عام", "العام", "سنه", "منذ", "خلال"},
    }
    out: dict[str, list[str]] = {}
    for name, words in table.items():
        for w in words:
            out.setdefault(w, []).append(name)
    return {w: tuple(names) for w, names in out.items()}


@lru_cache(maxsize=1)
def _starter_matcher() -> PhraseMatcher:
    return PhraseMatcher([Entry((w,), {"names": names}) for w, names in _starters().items() if w != _DIGIT])


_DIGIT_RUN = re.compile(r"[0-9][0-9]*")  # not [0-9]+: a leading single class lets the engine skip ahead fast


def _digit_starts(text: str, end: int) -> list[int]:
    """Where `(?<!\\w)[وف]?\\d` would match: a digit run's start, or the و/ف glued before it, at a word's start."""
    out = []
    for m in _DIGIT_RUN.finditer(text, 0, end):
        p = m.start()
        if p and text[p - 1] in "وف" and (p < 2 or not _wordish(text[p - 2])):
            out.append(p - 1)
        elif not p or not _wordish(text[p - 1]):
            out.append(p)
    return out


def _wordish(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _candidates(text: str, end: int) -> dict[str, list[int]]:
    """Word starts in text[:end] where each pattern may match, in text order."""
    hits = [(m.start, m.entry.get("names")) for m in _starter_matcher().find_all(text, 0, end)]
    digit = _starters()[_DIGIT]
    hits += [(p, digit) for p in _digit_starts(text, end)]
    hits.sort(key=lambda h: h[0])
    out: dict[str, list[int]] = {}
    for pos, names in hits:
        for name in names:
            starts = out.setdefault(name, [])
            if not starts or starts[-1] != pos:
                starts.append(pos)
    return out


def _day_number(token: str) -> int | None:
    if token.isdigit():
        return int(token)
    return _vocab()["ordinals"].get(token)


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _count(num: str | None, unit_count: int | None) -> float | None:
    if unit_count is not None and not num:
        return float(unit_count)
    if num:
        value = parse_number(num)
        return None if value is None else float(value)
    return None


def _past_month(base: date, month: int, year: int | None) -> int:
    if year is not None:
        return year
    return base.year if month <= base.month else base.year - 1


def _last_weekday(base: date, wd: int, strictly_before: bool) -> date:
    back = (base.weekday() - wd) % 7
    if back == 0 and strictly_before:
        back = 7
    return base - timedelta(days=back)


def _hijri(y: int, m: int, d: int) -> date | None:
    from hijridate import Hijri

    try:
        return Hijri(y, m, d).to_gregorian()
    except (ValueError, OverflowError):
        return None


def find_dates(text: str, base: date | None, end: int | None = None) -> list[DateExpr]:
    """Date expressions in text[:end], resolved against `base` where needed."""
    end = len(text) if end is None else end
    v = _vocab()
    p = _patterns()
    cands = _candidates(text, end)
    out: list[DateExpr] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match, expr: DateExpr) -> None:
        s, e = m.start(), m.end()
        if any(s < te and ts < e for ts, te in taken):
            return
        taken.append((s, e))
        out.append(DateExpr(s, e, expr.kind, expr.precision, expr.day, expr.days, expr.note))

    for m in matches_at(p["iso"], text, cands.get("iso", []), end):
        if d := _safe_date(int(m["y"]), int(m["m"]), int(m["d"])):
            add(m, DateExpr(0, 0, "absolute", 1, d))
    for m in matches_at(p["numeric"], text, cands.get("numeric", []), end):
        if d := _safe_date(int(m["y"]), int(m["m"]), int(m["d"])):
            add(m, DateExpr(0, 0, "absolute", 1, d))
    for m in matches_at(p["hijri"], text, cands.get("hijri", []), end):
        if d := _hijri(int(m["year"]), v["hijri"][m["month"]], int(m["day"])):
            add(m, DateExpr(0, 0, "absolute", 1, d))
    for m in matches_at(p["dmy"], text, cands.get("dmy", []), end):
        day_n = _day_number(m["day"])
        month = v["months"][m["month"]]
        if m["year"]:
            year = int(m["year"])
        elif base is not None:
            year = _past_month(base, month, None)
        else:
            continue
        if day_n and (d := _safe_date(year, month, day_n)):
            add(m, DateExpr(0, 0, "absolute", 1, d))
    for m in matches_at(p["my"], text, cands.get("my", []), end):
        month = v["months"][m["month"]]
        add(m, DateExpr(0, 0, "absolute", 3, date(int(m["year"]), month, 15)))
    if base is not None:
        _relative(text, end, base, v, p, cands, add)
    for m in matches_at(p["year"], text, cands.get("year", []), end):
        add(m, DateExpr(0, 0, "year", 3, date(int(m["year"]), 7, 1)))
    out.sort(key=lambda x: x.start)
    return out


def _relative(text, end, base, v, p, cands, add) -> None:
    for m in matches_at(p["told"], text, cands.get("told", []), end):
        add(m, DateExpr(0, 0, "anchor", 1, None, v["told"][m["told"]]))  # "في اليوم ذاته": as the incident before
    for m in matches_at(p["anchor"], text, cands.get("anchor", []), end):
        days, prec, unit_count = v["units"][m["unit"]]
        n = _count(m["num"], unit_count)
        if n is None and m["num"]:
            continue
        n = n if n is not None else 3.0
        add(m, DateExpr(0, 0, "anchor", prec, None, round(n * days)))
    for m in matches_at(p["window"], text, cands.get("window", []), end):
        days, prec, _ = v["units"][m["unit"]]
        span_days = float(m["num"]) * days
        precision = 1 if span_days <= 2 else 2 if span_days <= 10 else 3
        add(m, DateExpr(0, 0, "relative", precision, base))
    for m in matches_at(p["ago"], text, cands.get("ago", []), end):
        days, prec, unit_count = v["units"][m["unit"]]
        n = _count(m["num"], unit_count)
        if n is None:
            if m["num"]:
                continue
            n = 3.0 if unit_count is None else 1.0
            if unit_count is None and days >= 1:
                prec = max(prec, 2)  # "قبل أيام": some days, not a known day
        add(m, DateExpr(0, 0, "relative", prec, base - timedelta(days=round(n * days))))
    for m in matches_at(p["this_month"], text, cands.get("this_month", []), end):
        which = m["which"]
        y, mo = base.year, base.month
        if which in {fold(w) for w in v["raw"]["past"]}:
            y, mo = (y, mo - 1) if mo > 1 else (y - 1, 12)
        if m["part"]:
            day_n, prec = v["parts"][m["part"]]
        else:
            day_n, prec = _day_number(m["day"]), 1
        if day_n and (d := _safe_date(y, mo, min(day_n, calendar.monthrange(y, mo)[1]))):
            add(m, DateExpr(0, 0, "relative", prec, d))
    for m in matches_at(p["last_month"], text, cands.get("last_month", []), end):
        y, mo = (base.year, base.month - 1) if base.month > 1 else (base.year - 1, 12)
        day_n, prec = v["parts"][m["part"]] if m["part"] else (15, 3)
        add(m, DateExpr(0, 0, "relative", prec, date(y, mo, day_n)))
    for m in matches_at(p["month_past"], text, cands.get("month_past", []), end):
        month = v["months"][m["month"]]
        year = base.year if month <= base.month else base.year - 1
        add(m, DateExpr(0, 0, "relative", 3, date(year, month, 15)))
    for m in matches_at(p["relative"], text, cands.get("relative", []), end):
        offset, prec = v["relative"][m["rel"]]
        day = base + timedelta(days=offset)
        note = None
        if m["wd"]:
            wd = v["weekdays"][m["wd"]]
            if wd != day.weekday():
                note = f"weekday {m['wd']} disagrees with {day.isoformat()}"
        add(m, DateExpr(0, 0, "relative", prec, day, note=note))
    for m in matches_at(p["weekday"], text, cands.get("weekday", []), end):
        wd = v["weekdays"][m["wd"]]
        add(m, DateExpr(0, 0, "relative", 1, _last_weekday(base, wd, bool(m["past"]))))


_TIME = re.compile(r"\s*[-,|]?\s*(\d{1,2}):(\d{2})(?::\d{2})?\s*(صباحا|مساء|مساءا|ص|م|am|pm)?(?!\w)")
_PM = frozenset(("م", "مساء", "مساءا", "pm"))


def find_dateline(text: str, limit: int = 400) -> DateExpr | None:
    """The publication date written at the head of an article, if any, with its time ("٠٣:٠٦ ص")."""
    for expr in find_dates(text, None, min(len(text), limit)):
        if expr.kind == "absolute" and expr.precision == 1:
            m = _TIME.match(text, expr.end)
            if m is None:
                return expr
            hour, minute = int(m.group(1)), int(m.group(2))
            if m.group(3) in _PM and hour < 12:
                hour += 12
            elif m.group(3) and m.group(3) not in _PM and hour == 12:
                hour = 0
            if hour > 23 or minute > 59:
                return expr
            return DateExpr(expr.start, m.end(), expr.kind, expr.precision, expr.day, time=f"{hour:02d}:{minute:02d}")
    return None

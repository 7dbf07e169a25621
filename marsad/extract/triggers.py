"""Event triggers: words that signal an incident, typed as ACLED types them.

A trigger is kept only when it tells of a real, specific incident: not negated
("لم يسجل أي انتهاك"), not hypothetical ("قد"), not generic ("يتعمد قصف",
"معظم غارات"), not history ("منذ تحريره ... 2017") and not a tally of
violations ("9 حالات إطلاق نار").
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from marsad.extract.quantities import find_quantities
from marsad.extract.stance import cue_matcher, governed_by
from marsad.knowledge.lexicon import Match, PhraseMatcher, entries_of, load_yaml
from marsad.text.normalize import fold

_STOPS = ".!?;\n"


@dataclass(slots=True)  # not frozen: made dozens of times per article, and a frozen __init__ costs ~7x
class Trigger:
    match: Match
    event_type: str | None
    sub_event_type: str | None
    priority: int
    anaphor_only: bool
    ambiguous_strike: bool
    weak: bool
    definite: bool

    @property
    def start(self) -> int:
        return self.match.start

    @property
    def end(self) -> int:
        return self.match.end


@lru_cache(maxsize=1)
def _lex() -> dict:
    data = load_yaml("triggers")
    entries = entries_of(data)
    req = {}
    for e in entries:
        if e.get("requires"):
            req[id(e)] = PhraseMatcher(entries_of({"e": [{"phrases": e.get("requires")}]}, "e"))
    tallies = frozenset(fold(w) for w in load_yaml("stance")["tallies"])
    air = PhraseMatcher(entries_of({"e": [{"phrases": data["air_cues"], "air": True},
                                          {"phrases": data["not_air_cues"], "air": False}]}, "e"))
    crowds = PhraseMatcher(entries_of({"e": [{"phrases": data["protest_crowds"]}]}, "e"))
    return {"matcher": PhraseMatcher(entries), "requires": req, "tallies": tallies, "air": air, "crowds": crowds}


def _words_after(text: str, pos: int, n: int, limit: int) -> int:
    i, count = pos, 0
    while i < limit and count < n:
        while i < limit and text[i] == " ":
            i += 1
        if i < limit and text[i] in _STOPS:
            return i
        while i < limit and text[i] not in " " + _STOPS:
            i += 1
        count += 1
    return min(i, limit)


def _is_tally(text: str, m: Match, floor: int) -> bool:
    """"9 حالات إطلاق نار": a count of violations standing before the trigger."""
    before = text[max(floor, m.start - 25):m.start].split()
    if not before:
        return False
    if before[-1] in _lex()["tallies"]:
        return bool(find_quantities(text, max(floor, m.start - 25), m.start))
    return False


def find_triggers(text: str, start: int, end: int) -> list[Trigger]:
    """Triggers of real, specific incidents in text[start:end]."""
    lex = _lex()
    out: list[Trigger] = []
    covered: list[tuple[int, int]] = []
    targets = [(m.start, m.end) for m in lex["air"].find(text, start, end) if not m.entry.get("air")]
    for m in lex["matcher"].find(text, start, end):
        ent = m.entry
        if any(s <= m.start < e for s, e in covered):
            continue
        if ent.get("sub_event_type") == "Air/drone strike" and any(s <= m.start < e for s, e in targets):
            continue  # "منصات إطلاق الطائرات المسيرة": aircraft as a target, not the means
        if ent.get("not_event"):
            covered.append((m.start, m.end))  # "وقف إطلاق النار": shooting named only to say it stops
            continue
        if ((governed_by(text, "negation", m.start, start) and not _result_negated(text, m, start))
                or governed_by(text, "hypothetical", m.start, start)
                or governed_by(text, "historical", m.start, start) or _generic(text, m, start, end)):
            continue
        if _is_tally(text, m, start):
            continue
        req = lex["requires"].get(id(ent))
        if req is not None:
            window_end = _words_after(text, m.end, 20, end)
            objs = req.find(text, m.end, window_end)
            if not objs or any(fold(w) in text[m.end:objs[0].start].split() for w in ent.get("blocked_by", [])):
                continue  # "عثر على جثة شاب مقتولا بطلقات": a body, not a cache
            covered.append((m.end, objs[-1].end))
        prefix = text[m.start:m.core_start]
        definite = not ent.get("weapon_noun") and (prefix.endswith("ال") or prefix.endswith("لل")
                                                   or fold(m.phrase).startswith("ال"))
        out.append(Trigger(m, ent.get("event_type"), ent.get("sub_event_type"), int(ent.get("priority", 0)),
                           bool(ent.get("anaphor_only")), bool(ent.get("ambiguous_strike")), bool(ent.get("weak")),
                           definite))
    out = [t for t in out if not any(s <= t.start < e for s, e in covered)]
    if any(t.match.entry.get("on_protest") for t in out) and (
            any(t.event_type == "Protests" for t in out) or lex["crowds"].find(text, start, end)):
        return _against_protest(out)
    return out


def _against_protest(triggers: list[Trigger]) -> list[Trigger]:
    """"تظاهر المئات وفرقتهم قوات الأمن بالرصاص الحي", "أطلقت النار على المتظاهرين": shooting in the clause of
    a protest or at its crowd is force used on the protest (a trigger's `on_protest` names the sub-event),
    not an attack of its own."""
    out = []
    for t in triggers:
        sub = t.match.entry.get("on_protest")
        out.append(replace(t, event_type="Protests", sub_event_type=sub) if sub else t)
    return out


def _result_negated(text: str, m: Match, floor: int) -> bool:
    """"لم يسفر القصف عن إصابات": the negation governs the result, the strike stands."""
    lo = max(floor, m.start - 30)
    return bool(cue_matcher("result_negation").find(text, lo, m.start))


def _generic(text: str, m: Match, floor: int, end: int) -> bool:
    if governed_by(text, "generic", m.start, floor):
        return True
    after_end = _words_after(text, m.end, 2, end)
    return bool(cue_matcher("generic").find(text, m.end, after_end))


def has_air_cue(text: str, start: int, end: int) -> bool:
    """An air word in the span makes an ambiguous strike an air strike."""
    last_target = -1
    for m in _lex()["air"].find(text, start, end):
        if not m.entry.get("air"):
            last_target = m.end
        elif last_target < 0 or text[last_target:m.start].strip():
            return True
        else:
            last_target = m.end  # "منصات إطلاق الطائرات المسيرة": the adjective belongs to the target
    return False

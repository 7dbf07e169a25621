"""Who did it and to whom: actor mentions and their roles around a trigger.

The lexicon (knowledge/data/actors.yaml) names actors as ACLED does. Roles come
from the clause: the actor before the trigger or right after a verb trigger is
the initiator ("طيران التحالف ... قام بقصف", "شن تنظيم الدولة هجوما"); one
after "على", "ضد", "مواقع ل" or "في صفوف" is the target; "بين X و Y" names both.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from marsad.knowledge.lexicon import Match, PhraseMatcher, matcher
from marsad.text.normalize import fold

_TARGET_CUES = tuple(fold(w) for w in ("على", "ضد", "استهدف", "استهدفت", "استهداف", "مواقع", "موقع", "تمركز", "تمركزات", "نقاط", "نقطة",
                "صفوف", "بحق", "منازل", "حاجز", "مقر", "مقرات", "ثكنة", "رتل", "ارتال", "دورية", "تجمع", "تجمعات",
                "عناصر", "لعناصر", "مراكز", "مركز", "قاعدة", "مخلفات"))
_BETWEEN = ("بين",)


@dataclass(frozen=True, slots=True)
class ActorRole:
    name: str
    assoc: str | None
    start: int
    end: int
    inter: int | None


@lru_cache(maxsize=1)
def actor_matcher() -> PhraseMatcher:
    return matcher("actors")


def find_actors(text: str, start: int, end: int, named: set[str]) -> list[Match]:
    """Actor mentions; an anaphor ("التنظيم") counts only once its actor has been named."""
    out = []
    for m in actor_matcher().find(text, start, end):
        if m.entry.get("anaphor") and m.entry.get("name") not in named:
            continue
        out.append(m)
    return out


def named_actors(text: str) -> set[str]:
    """Actors named outright (not by anaphor) anywhere in the text."""
    return {m.entry.get("name") for m in actor_matcher().find(text) if not m.entry.get("anaphor")}


def _is_target(text: str, m: Match, floor: int) -> bool:
    if m.entry.get("target_only"):
        return True
    before = text[max(floor, m.start - 30):m.start].split()[-3:]
    folded = [fold(w) for w in before]
    return any(w in _TARGET_CUES or (w.startswith(("ل", "و")) and w[1:] in _TARGET_CUES) for w in folded)


def _after_between(text: str, m: Match, floor: int) -> bool:
    before = text[max(floor, m.start - 8):m.start].split()
    return bool(before) and before[-1] in _BETWEEN


def assign_roles(text: str, actors: list[Match], trigger_start: int, floor: int) -> tuple[list[Match], list[Match]]:
    """Split actor mentions of a clause into initiators and targets, nearest first."""
    initiators: list[Match] = []
    targets: list[Match] = []
    between = [a for a in actors if _after_between(text, a, floor) and not a.entry.get("target_only")]
    if between:
        first = between[0]
        initiators.append(first)
        rest = [a for a in actors if a.start > first.end and a.entry.get("name") != first.entry.get("name")]
        if rest:
            targets.append(rest[0])
    for a in actors:
        if a in initiators or a in targets:
            continue
        (targets if _is_target(text, a, floor) else initiators).append(a)
    initiators.sort(key=lambda a: abs(a.start - trigger_start))
    return initiators, targets


def role(m: Match) -> ActorRole:
    return ActorRole(m.entry.get("name"), m.entry.get("assoc"), m.start, m.end, m.entry.get("inter"))

"""Who did it and to whom: actor mentions and their roles around a trigger.

The lexicon (knowledge/data/actors.yaml) names actors as ACLED does. Roles come
from the clause: an actor right after a trigger is its agent ("غارة للتحالف",
"قصف التحالف", "برصاص قوات النظام", "استهدفت قوات النظام ..."); one before the
trigger is its subject ("طيران التحالف ... قام بقصف"); one after "على", "ضد",
"مع", "مواقع ل", "في صفوف", "سيارة ل" or "تعرضت" is the target; "بين X و Y"
names both sides.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from marsad.knowledge.lexicon import Match, PhraseMatcher, load_yaml, matcher
from marsad.text.normalize import fold
from marsad.text.tokens import stems

_TARGET_CUES = frozenset(fold(w) for w in (
    "على", "ضد", "مع", "استهداف", "مواقع", "موقع", "تمركز", "تمركزات", "نقاط", "نقطة", "صفوف", "بحق", "منازل",
    "حاجز", "مقر", "مقرات", "ثكنة", "رتل", "ارتال", "دورية", "تجمع", "تجمعات", "مراكز", "مركز", "قاعدة",
    "آلية", "آليات", "سيارة", "دبابة", "عربة", "مدرعة", "مستودع", "مستودعا", "مخزن", "شحنة", "قافلة",
    "مشفى", "مستشفى", "تعرضت", "تعرض", "طالت", "طال", "استهدافه", "مقاتلي", "تقل", "يقل", "تقلان", "تنقل"))
_SUFFERED = frozenset(fold(w) for w in ("تعرضت", "تعرض", "تعرضوا", "وتعرضت"))
_LEFT_BY = frozenset(fold(w) for w in ("مخلفات", "من مخلفات"))
_SUPPORT = frozenset(fold(w) for w in ("بمساندة", "بدعم", "بمشاركة", "باسناد", "بإسناد", "بغطاء", "بمؤازرة", "وبمساندة",
                                       "وبدعم", "وبمشاركة"))
_BETWEEN = frozenset({"بين"})


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
    """Actor mentions; an anaphor ("التنظيم") counts once its actor is named, and a
    generic head ("فصائل") gives way to the actor named right after it, quoted or not."""
    hits = [m for m in actor_matcher().find(text, start, end)
            if not (m.entry.get("anaphor") and m.entry.get("name") not in named)]
    out = []
    for i, m in enumerate(hits):
        if out and out[-1].entry.get("name") == m.entry.get("name") and not text[out[-1].end:m.start].strip(' "()-,'):
            continue  # "قوات سوريا الديمقراطية (قسد)": one mention, named twice
        nxt = hits[i + 1] if i + 1 < len(hits) else None
        joined = nxt is not None and text[nxt.start:nxt.core_start].startswith("و")  # "الفصائل وقوات النظام": two
        if m.entry.get("generic_head") and nxt is not None and not text[m.end:nxt.start].strip(' "«»') and not joined:
            continue
        out.append(m)
    return out


def named_actors(text: str) -> set[str]:
    """Actors named outright (not by anaphor) anywhere in the text."""
    return {m.entry.get("name") for m in actor_matcher().find(text) if not m.entry.get("anaphor")}


def _cue_word(word: str) -> bool:
    """A target cue behind any proclitics, in any case ending ("حاجزا", "بدورية")."""
    return any(stem in _TARGET_CUES or (stem.endswith("ا") and stem[:-1] in _TARGET_CUES) for _, stem in stems(word))


_MASDAR = fold("استهداف")


@lru_cache(maxsize=1)
def _agent_markers() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(fold(p).split()) for p in load_yaml("actors")["agent_markers"])


def _by_hand_of(text: str, m: Match, floor: int) -> bool:
    """"قتل شاب على يد عناصر حاجز للنظام", "من قبل قوات النظام": the actor a few words after is the one who acted."""
    before = text[max(floor, m.start - 40):m.start].split()[-4:]
    words = [w[1:] if w.startswith("و") and len(w) > 2 else w for w in before]
    return any(pair in _agent_markers() for pair in zip(words, words[1:]))


def _is_target(text: str, m: Match, floor: int) -> bool:
    if m.entry.get("target_only"):
        return True
    if _by_hand_of(text, m, floor):
        return False
    before = text[max(floor, m.start - 30):m.start].split()[-3:]
    if before and any(stem == _MASDAR for _, stem in stems(before[-1])):
        after = text[m.end:m.end + 20].split()
        if after and after[0].startswith("ب") and len(after[0]) > 3:
            return False  # "استهداف فصائل المعارضة بصاروخ موجه سيارة": the factions did the targeting
    return any(_cue_word(w) for w in before)


def _after_between(text: str, m: Match, floor: int) -> bool:
    before = text[max(floor, m.start - 8):m.start].split()
    return bool(before) and before[-1] in _BETWEEN


@lru_cache(maxsize=1)
def _say_verbs() -> frozenset[str]:
    return frozenset(fold(w) for w in load_yaml("sources")["say_verbs"])


def is_claimant(text: str, m: Match, floor: int = 0) -> bool:
    """"أعلنت قسد مقتل ...": the actor after a reporting verb speaks; it is not thereby the attacker."""
    before = text[max(floor, m.start - 20):m.start].split()
    return bool(before) and any(stem in _say_verbs() for _, stem in stems(before[-1]))


def _overlaps_trigger(m: Match, trigger_spans: list[tuple[int, int]]) -> bool:
    """"قصف روسي", "غارة للتحالف": the actor is written into the trigger phrase itself."""
    return any(s < m.end and m.start < e for s, e in trigger_spans)


def _is_agent(text: str, m: Match, trigger_spans: list[tuple[int, int]]) -> bool:
    """Right after a trigger (one word may stand between when "ل" joins them)."""
    for s, e in trigger_spans:
        if e > m.start:
            continue
        gap = text[e:m.start].split()
        prefix = text[m.start:m.core_start]
        if not gap or (len(gap) == 1 and prefix.endswith(("ل", "لل")) and "ل" in prefix):
            return True
    return False


def supporting(text: str, m: Match, floor: int = 0) -> bool:
    """"بمساندة طيران التحالف": an actor that backs the initiator (ACLED's associated actor)."""
    before = text[max(floor, m.start - 24):m.start].split()[-2:]
    return any(w in _SUPPORT for w in before)


def left_by(text: str, m: Match, floor: int = 0) -> bool:
    """"أسلحة من مخلفات داعش": the actor who left weapons behind (the target of a seizure)."""
    before = text[max(floor, m.start - 30):m.start].replace('"', " ").split()[-3:]
    return any(w in _LEFT_BY for w in before)


def assign_roles(text: str, actors: list[Match], trigger_start: int, floor: int,
                 trigger_spans: list[tuple[int, int]] | None = None) -> tuple[list[Match], list[Match]]:
    """Split actor mentions of a clause into initiators (agents first, then nearest) and targets."""
    spans = trigger_spans or []
    initiators: list[Match] = []
    targets: list[Match] = []
    between = [a for a in actors if _after_between(text, a, floor) and not a.entry.get("target_only")]
    if between:
        first = between[0]
        initiators.append(first)
        rest = [a for a in actors if a.start > first.end and a.entry.get("name") != first.entry.get("name")]
        if rest:
            targets.append(rest[0])
    agents = []
    for a in actors:
        if a in initiators or a in targets:
            continue
        if _overlaps_trigger(a, spans) and not a.entry.get("target_only"):
            agents.append(a)
        elif _is_target(text, a, floor):
            targets.append(a)
        elif _is_agent(text, a, spans):
            agents.append(a)
        else:
            initiators.append(a)
    # subjects before the verb in the order written ("القوات التركية والفصائل الموالية لها قصفت"),
    # then those after it, nearest first
    for a in list(initiators):
        after = text[a.end:a.end + 60].split()[:6]
        joined_to_target = any(t.end <= a.start and not text[t.end:a.start].strip()
                               and text[a.start:a.core_start].startswith("و") for t in targets)
        if joined_to_target or any(w in _SUFFERED for w in after):
            initiators.remove(a)  # "دورية للشرطة الروسية وقوات النظام تعرضت لهجوم": both were hit
            targets.append(a)
    initiators.sort(key=lambda a: (is_claimant(text, a, floor), a.start > trigger_start,
                                   a.start if a.start < trigger_start else a.start - trigger_start))
    return agents + initiators, targets


def role(m: Match) -> ActorRole:
    return ActorRole(m.entry.get("name"), m.entry.get("assoc"), m.start, m.end, m.entry.get("inter"))

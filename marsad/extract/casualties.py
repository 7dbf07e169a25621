"""Casualty mentions: who was killed, injured, missing, captured or displaced, how many.

An outcome word ("مقتل", "جرحى") is tied to its figure (after it: "مقتل 26";
before it: "26 قتيلا", "عدد من الجرحى"), to the group the figure counts
("من المدنيين", "في صفوف الجنود"), to whose people they were, and to a
breakdown ("بينهم أطفال") that names part of the figure rather than more people.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from marsad.extract.quantities import Quantity, find_quantities, hedge_spans, parse_number
from marsad.extract.stance import governed_by
from marsad.knowledge.lexicon import Entry, Match, PhraseMatcher, entries_of, load_yaml
from marsad.text.normalize import fold

_CLAUSE_STOP = ".!?;\n"
_LINKS = frozenset(fold(w) for w in ("", "من", "في", "في صفوف", "التابعين", "التابعين ل", "التابعة", "التابع",
                                     "من عناصر", "من مقاتلي", "من قوات", "على الأقل من", "على الأقل في صفوف",
                                     "في تنظيم", "من تنظيم", "في حركة", "في جماعة", "في فصيل", "في ميليشيا"))
_TOLL_VERBS = frozenset(fold(w) for w in ("إلى", "بلغت", "بلغ", "لتبلغ", "ليبلغ", "لتصل", "ليصل"))


@dataclass
class Casualty:
    """One casualty mention in folded-text offsets."""

    start: int
    end: int
    outcome: str
    group: str
    min: int
    max: int | None
    qualifier: str
    acled: int | None
    actor: str | None = None
    includes: list[str] = field(default_factory=list)


def _possessed(data: dict) -> list[Entry]:
    """"سائقها", "زوجته": a singular group noun with a possessive ending is one person of that group.

    The ending is read on the lexicon's own spelling: "طفلة" takes "طفلتها", while "شقيقه" ("his brother")
    already has one; a form the lexicon lists itself ("والدتها") keeps the lexicon's group. A bare "ه" is
    never added: folded, "مسلحه" is "مسلحة" (armed) and "عامله" is "عاملة" (working)."""
    singular = {fold(w) for w in data["singular"]}
    endings = tuple(data["possessives"])
    listed = {fold(p) for g in data["groups"] for p in g["phrases"]}
    out = []
    for g in data["groups"]:
        forms = []
        for p in g["phrases"]:
            w = fold(p)
            if w not in singular or " " in w:
                continue
            if p.endswith("ة"):
                stem = w[:-1] + "ت"
            elif p.endswith(endings):
                continue
            else:
                stem = w
            mine = [e for e in endings if not (e == "ه" and stem == w)]  # see above; "سائقه" is listed instead
            forms += [f for f in (stem + ending for ending in mine) if f not in listed]
        if forms:
            out.append(Entry(tuple(forms), {"group": g["group"], "rank": g.get("rank", 0)}))
    return out


@lru_cache(maxsize=1)
def _lex() -> dict:
    data = load_yaml("casualties")
    possessed = _possessed(data)
    return {
        "outcomes": PhraseMatcher(entries_of(data, "outcomes")),
        "groups": PhraseMatcher(entries_of(data, "groups") + possessed),
        "breakdown": PhraseMatcher(entries_of(data, "breakdown")),
        "others": frozenset(fold(w) for w in data["others"]),
        "former": frozenset(fold(w) for w in data["former"]),
        # "برصاص قوات النظام", "على يد مسلحين": the word before names the killer ("يد" of "على يد")
        "by_hand": _BY_HAND | {fold(p).split()[-1] for p in load_yaml("actors")["agent_markers"]},
        "others_widen": dict(data["others_widen"]),
        "others_feminine": frozenset(fold(w) for w in data["others_feminine"]),
        "of_them": frozenset(fold(w) for w in data["of_them"]),
        "singular": frozenset(fold(w) for w in data["singular"]) | {f for e in possessed for f in e.phrases},
        "one_more": frozenset(fold(w) for w in data["one_more"]),
        "possessives": tuple(fold(w) for w in data["possessives"]),
        "possessive_groups": frozenset(fold(w) for w in data["possessive_groups"]),
        "fillers": frozenset(fold(w) for w in data["fillers"]),
        "toll_words": frozenset(fold(w) for w in data["toll_words"]),
        "rising": PhraseMatcher(entries_of({"e": [{"phrases": data["rising"]}]}, "e")),
        "singular_group": {fold(p): g["group"] for g in data["groups"] for p in g["phrases"]
                           if fold(p) in {fold(w) for w in data["singular"]}},
        "pair_group": {fold(p): g["group"] for g in data["groups"] if g.get("count") == 2 for p in g["phrases"]
                       if " " not in p},
    }


_WORD = re.compile(r'[^\s"().,;:!?]+')


def _words(text: str, start: int, end: int) -> list[str]:
    """Words of a span without punctuation (clause stops are checked on the raw span)."""
    return _WORD.findall(text, start, max(start, end))


def _gap_ok(text: str, start: int, end: int, max_words: int, fillers: frozenset[str]) -> bool:
    """True when text[start:end] is short and holds only filler words."""
    if end < start or any(c in _CLAUSE_STOP + "," for c in text[start:end]):
        return False
    words = _words(text, start, end)
    return len(words) <= max_words and all(w in fillers or w.startswith("ال") and len(w) <= 3 for w in words)


def _strip_clitic(word: str) -> str:
    for p in ("و", "ف", "ب", "ل"):
        if word.startswith(p) and len(word) > 3:
            return word[1:]
    return word


def rising_toll(text: str, start: int, end: int) -> bool:
    """True when the span says the toll may rise ("مرشح للارتفاع")."""
    return bool(_lex()["rising"].find(text, start, end))


def find_casualties(text: str, start: int, end: int, actors: list[Match] | None = None) -> list[Casualty]:
    """Casualty mentions in text[start:end]."""
    lex = _lex()
    outcomes = lex["outcomes"].find(text, start, end)
    if not outcomes:
        return []
    quantities = find_quantities(text, start, end)
    groups = lex["groups"].find(text, start, end)
    actors = actors or []
    quantities = [q for q in quantities if not _is_calendar(text, q)]
    covered = [(m.start, m.end) for m in groups + actors]
    used_q: set[int] = set()
    out: list[Casualty] = []
    outcome_starts = [o.start for o in outcomes]
    for idx, o in enumerate(outcomes):
        if o.entry.get("outcome") == "none" or governed_by(text, "negation", o.start, start):
            continue
        if o.entry.get("antecedent") and any(c.outcome == o.entry.get("outcome") for c in out):
            continue  # "اغتال مسلحون شابا ... ما أدى إلى مقتله": the same man, counted once
        next_outcome = outcome_starts[idx + 1] if idx + 1 < len(outcomes) else end
        plural = bool(o.entry.get("plural"))
        before_kind = bool(o.entry.get("before"))
        q = None
        if not plural and not before_kind:
            q = _figure_after(text, o, quantities, used_q, lex["fillers"], next_outcome, covered, groups,
                              [(a.start, a.end) for a in actors])
        if q is None:
            q = _figure_before(text, o, quantities, used_q, groups, start, loose=before_kind, covered=covered)
        if q is None and plural:
            q = _toll_after(text, o, quantities, used_q, next_outcome)
        if q is None and plural and out and out[-1].outcome == o.entry.get("outcome") and o.start - out[-1].end < 30:
            continue
        if plural and idx > 0 and outcomes[idx - 1].entry.get("outcome") != o.entry.get("outcome") \
                and not _words(text, outcomes[idx - 1].end, o.start) and not text[o.start:o.core_start].startswith("و"):
            continue  # "وفاة جريحين": the wounded who died are counted by the first word
        if q is None and plural and _counts_used_figure(text, o, quantities, used_q):
            continue
        if q is None and plural:
            prev = _words(text, max(start, o.start - 20), o.start)
            if prev and _strip_clitic(prev[-1]) in lex["toll_words"]:
                continue
        tail = _words(text, q.end, min(end, q.end + 12)) if q is not None else _words(text, o.end, o.end + 12)[:1]
        if tail and (_strip_clitic(tail[0]) in lex["others"] or (q is None and tail[0] in lex["one_more"])) and out:
            group, actor = out[-1].group, out[-1].actor  # "وجرح خمسة آخرين": as before
            if not (group == "women" and _strip_clitic(tail[0]) in lex["others_feminine"]):
                group = lex["others_widen"].get(group, group)
            g_end = q.end if q is not None else o.end
        else:
            group, actor, g_end = _group_for(text, o, q, groups, actors, next_outcome, end, quantities)
            if group == "unknown" and ((tail and tail[0] in lex["of_them"]) or o.entry.get("antecedent")):
                group, actor = _antecedent(text, o, groups, actors, start, end, quantities)
        if q is None:
            count, adjacent_group = _count_from_group(text, o, groups, lex, before_kind)
            if adjacent_group and adjacent_group.startswith("dual:"):
                group = adjacent_group[5:]  # "قتل مدنيان": the dual noun names the victims
            elif adjacent_group and (group == "unknown" or actor is None) and not (
                    group == "civilians" and _former(text, [g for g in groups if o.end <= g.start < o.end + 20])):
                group = adjacent_group
            if count is not None:
                q = Quantity(o.end, o.end, count, count, "exact", count)
            elif o.entry.get("default_count"):
                n = int(o.entry.get("default_count"))  # an assassination kills one unless told otherwise
                q = Quantity(o.end, o.end, n, n, "exact", n)
            elif plural or group != "unknown":
                q = Quantity(o.end, o.end, 1, None, "unspecified", None)
            else:
                continue
        else:
            used_q.add(q.start)
        if group == "unknown" and out and out[-1].group != "unknown":
            group = out[-1].group
        span_start = min(o.start, q.start) if q.end > q.start else o.start
        span_end = max(o.end, q.end, g_end)
        includes = _breakdown(text, span_end, end, lex)
        if q.end <= o.start and not includes:
            includes = _breakdown(text, q.end, o.start, lex, reach=8)  # between figure and outcome: its own
        out.append(Casualty(span_start, span_end, o.entry.get("outcome"), group, q.min, q.max, q.qualifier,
                            q.acled, actor, includes))
        out += _coordinated(text, out[-1], quantities, used_q, groups, actors, next_outcome, end)
    return out


def _antecedent(text: str, o: Match, groups: list[Match], actors: list[Match], start: int, end: int,
                quantities: Sequence[Quantity]) -> tuple[str, str | None]:
    """"سيارة تقل قياديين في قسد ... مقتل اثنين منهم": "of them" counts the people named before."""
    before = [g for g in groups if start <= g.start and g.end <= o.start]
    if not before:
        return "unknown", None
    g = before[-1]
    fake = Match(g.start, g.start, g.start, None, "")
    group, actor, _ = _group_for(text, fake, None, groups, actors, o.start, end, quantities)
    return group, actor


def _kin(word: str) -> tuple[str, int] | None:
    """The group and count of "وطفلها", "ورجل", "وابنتاها": a singular or dual group noun joined by و,
    possessive allowed."""
    lex = _lex()
    if not word.startswith("و"):
        return None
    w = word[1:]
    if w in lex["pair_group"]:
        return lex["pair_group"][w], 2
    for cand in [w] + [w[:-len(p)] for p in lex["possessives"] if w.endswith(p) and len(w) >= len(p) + 2]:
        if cand in lex["singular_group"]:
            return lex["singular_group"][cand], 1
        if cand.endswith("ت") and cand[:-1] + "ه" in lex["singular_group"]:  # "زوجته" -> "زوجة"
            return lex["singular_group"][cand[:-1] + "ه"], 1
    return None


def _coordinated(text: str, c: Casualty, quantities: Sequence[Quantity], used_q: set[int], groups: list[Match],
                 actors: list[Match], next_outcome: int, end: int) -> list[Casualty]:
    """"مقتل 25 مسلحا و10 جنود", "مقتل امرأة وطفلها": what is joined by و shares the outcome."""
    more: list[Casualty] = []
    last = c
    nxt = _words(text, c.end, min(end, c.end + 20))
    if nxt and (kin := _kin(nxt[0].rstrip(","))) and c.qualifier == "exact" and c.min == 1:
        s = text.index(nxt[0], c.end)
        last = Casualty(s, s + len(nxt[0]), c.outcome, kin[0], kin[1], kin[1], "exact", kin[1])
        more.append(last)
    while True:
        q = next((q for q in quantities if q.start >= last.end and q.start not in used_q), None)
        if q is None or q.start >= next_outcome or (next_outcome < end and next_outcome - q.end < 12):
            return more
        gap = text[last.end:q.start].strip()
        joined = gap == "" and text[q.start] == "و" and parse_number(text[q.start + 1:q.end]) is not None
        if gap != "و" and not joined:
            return more
        used_q.add(q.start)
        fake = Match(q.start, q.start, q.start, None, "")  # the figure stands where an outcome would
        group, actor, g_end = _group_for(text, fake, q, groups, actors, next_outcome, end, quantities)
        last = Casualty(q.start, max(q.end, g_end), c.outcome, group, q.min, q.max, q.qualifier, q.acled, actor)
        more.append(last)


def _is_calendar(text: str, q: Quantity) -> bool:
    """Years and days of a month are not tolls ("في 2013", "5 نوفمبر")."""
    if q.qualifier == "exact" and 1900 <= q.min <= 2100:
        return True
    nxt = text[q.end:q.end + 14].split()
    return bool(nxt) and nxt[0] in _months()


@lru_cache(maxsize=1)
def _months() -> frozenset[str]:
    data = load_yaml("dates")
    return frozenset(fold(w).split()[0] for ws in data["months"].values() for w in ws)


def _toll_after(text: str, o: Match, quantities: Sequence[Quantity], used_q: set[int], limit: int) -> Quantity | None:
    """"حصيلة القتلى بلغت 37", "ارتفع عدد القتلى إلى 18"."""
    for q in quantities:
        if q.start < o.end or q.start in used_q or q.start >= limit:
            continue
        words = _words(text, o.end, q.start)
        if len(words) <= 2 and any(w in _TOLL_VERBS for w in words):
            return q
        return None
    return None


def _figure_after(text: str, o: Match, quantities: Sequence[Quantity], used_q: set[int], fillers: frozenset[str],
                  limit: int, covered: list[tuple[int, int]], groups: list[Match],
                  subjects: list[tuple[int, int]]) -> Quantity | None:
    """The figure after an outcome verb or noun, past fillers, the actor and at most one other word.

    After a verb, a subject that ends in an actor's name comes first ("اختطفت مجموعة تتبع للأمن العسكري
    ثلاثة شبان"): the figure is read from the end of that name."""
    for q in quantities:
        if q.start < o.end or q.start in used_q or q.start >= limit:
            continue
        lead = o.end
        if o.entry.get("verb"):
            lead = max([e for s, e in subjects if o.end <= s and e <= q.start and len(_words(text, o.end, s)) <= 3],
                       default=o.end)
        gap = text[lead:q.start]
        if any(c in _CLAUSE_STOP + "," for c in text[o.end:q.start]):
            return None
        between = [g for g in groups if lead <= g.start and g.end <= q.start
                   and not any(s <= g.start < e for s, e in subjects)]
        if between and text[between[-1].end:q.start].strip():
            return None  # "إصابة جنديين بجروح ووقوع بعض الخسائر": the noun came without this figure
        pos, strangers = lead, 0
        for w in gap.split():
            i = text.index(w, pos)
            pos = i + len(w)
            inside = any(s <= i < e for s, e in covered)
            if not inside and w not in fillers and not (w.startswith("ال") and len(w) <= 3):
                strangers += 1
        words = _words(text, lead, q.start)
        return q if len(words) <= 4 and strangers <= 2 else None
    return None


def _figure_before(text: str, o: Match, quantities: Sequence[Quantity], used_q: set[int], groups: list[Match],
                   floor: int, loose: bool = False, covered: Sequence[tuple[int, int]] = ()) -> Quantity | None:
    """A figure written before the outcome: "26 قتيلا", "15 مدنيا قتلوا", "لقي 13 مهاجرا حتفهم";
    past a breakdown: "11 شخصا على الأقل بينهم أربعة أطفال قتلوا" is eleven, four of them children."""
    q = _nearest_before(text, o, quantities, used_q, groups, floor, loose, covered)
    if q is None:
        return None
    lead = _lex()["breakdown"].find(text, max(floor, q.start - 16), q.start)
    if lead and not text[lead[-1].end:q.start].strip():
        head = _nearest_before(text, lead[-1], quantities, used_q, groups, floor, loose=True)
        if head is not None and len(_words(text, head.end, lead[-1].start)) <= 3:
            return head
        head = _counted_before(text, lead[-1].start, quantities, used_q, groups, floor)
        if head is not None:
            return head
    return q


def _counted_before(text: str, at: int, quantities: Sequence[Quantity], used_q: set[int], groups: list[Match],
                    floor: int, most: int = 8) -> Quantity | None:
    """"12 مدنيا على الأقل من سكان بلدة الهبيط بينهم ...": the figure whose counted noun opens the words
    before a breakdown, a few words back in the same clause."""
    for q in reversed(quantities):
        if q.end > at or q.start in used_q or q.start < floor:
            continue
        if any(c in _CLAUSE_STOP + "," for c in text[q.end:at]):
            return None
        return q if _counted_first(text, q.end, at, groups, most) else None
    return None


def _counted_first(text: str, start: int, end: int, groups: list[Match], most: int) -> list[re.Match[str]]:
    """The words of text[start:end] when a group noun opens them ("12 مدنيا ...") and there are at most `most`."""
    words = list(_WORD.finditer(text, start, end))
    if not words or len(words) > most or not any(g.start <= words[0].start() < g.end for g in groups):
        return []
    return words


def _nearest_before(text: str, o: Match, quantities: Sequence[Quantity], used_q: set[int], groups: list[Match],
                    floor: int, loose: bool, covered: Sequence[tuple[int, int]] = ()) -> Quantity | None:
    for q in reversed(quantities):
        if q.end > o.start or q.start in used_q or q.start < floor:
            continue
        gap = text[q.end:o.start]
        if any(c in _CLAUSE_STOP + "," for c in gap):
            return None
        words = _words(text, q.end, o.start)
        if not words or words == ["من"]:
            return q
        if len(words) <= 3 and any(q.end <= g.start < o.start for g in groups):
            return q
        if loose and len(words) <= 2:
            return q
        if covered and _named_gap(text, q.end, o.start, groups, covered):
            return q
        return None
    return None


def _named_gap(text: str, start: int, end: int, groups: list[Match], covered: Sequence[tuple[int, int]]) -> bool:
    """"17 عنصرا على الأقل من قوات النظام والمسلحين الموالين لها قتلوا": the counted noun right after the
    figure, then nothing but group and actor names, hedges and link words up to the outcome."""
    words = _counted_first(text, start, end, groups, 12)
    if not words:
        return False
    spans = [*covered, *hedge_spans(text, start, end)]
    fillers = _lex()["fillers"]
    return all(w.group() in fillers or any(s <= w.start() < e for s, e in spans) for w in words)


_BY_HAND = frozenset(fold(w) for w in ("برصاص", "بنيران", "بقصف", "بغارة", "بقذيفة", "بصاروخ", "بهجوم"))


def _instrumental(text: str, m: Match) -> bool:
    """"بقصف روسي", "لقوات النظام", "برصاص قوات النظام": the killer, not the killed."""
    chain = text[m.start:m.core_start]
    chain = chain[:-2] if chain.endswith("ال") else chain
    before = text[max(0, m.start - 12):m.start].split()
    return "ب" in chain or "ل" in chain or (bool(before) and before[-1] in _lex()["by_hand"])


def _counts_used_figure(text: str, o: Match, quantities: Sequence[Quantity], used_q: set[int]) -> bool:
    """True for "30 قتيلا" after "حصيلة القتلى إلى 30": the noun counts a figure already read."""
    for q in quantities:
        if q.start in used_q and q.end <= o.start and not _words(text, q.end, o.start):
            return True
    return False


def _group_for(text: str, o: Match, q: Quantity | None, groups: list[Match], actors: list[Match], next_outcome: int,
               end: int, quantities: Sequence[Quantity] = ()) -> tuple[str, str | None, int]:
    """The most specific group word near the figure, and whose people they were."""
    anchor = q.end if q is not None and q.end > o.end else o.end
    window_end = min(end, next_outcome if next_outcome > anchor else end, anchor + 60)
    for other in quantities:
        if anchor <= other.start < window_end:
            window_end = other.start
            break
    for stop in _CLAUSE_STOP:
        cut = text.find(stop, anchor, window_end)
        if cut != -1:
            window_end = cut
    for b in _lex()["breakdown"].find(text, anchor, window_end):
        window_end = b.start
        break
    if q is not None and q.start >= o.end:
        lo = q.start
    else:
        lo = min(o.start, q.start) if q is not None else o.start
    if o.entry is not None and o.entry.get("before"):
        lo = max(0, (q.start if q is not None else o.start) - 30)
        window_end = o.end
    inside = [(a.start, a.end) for a in actors]
    groups = [g for g in groups if not any(s < g.start and g.end <= e for s, e in inside)]  # "الأمن العسكري"
    cands = [g for g in groups if lo <= g.start < window_end and not _instrumental(text, g)]
    if not cands and q is not None and q.start >= o.end:
        cands = [g for g in groups if o.end <= g.start < q.start]
    if not cands:
        return "unknown", None, 0
    verb = o.entry is not None and o.entry.get("verb")
    subject = [a for a in actors if verb and 0 <= a.start - o.end <= 2 and not a.entry.get("target_only")]
    if subject and subject[0].start <= cands[0].start < subject[0].end:
        cands = cands[1:]  # "اغتال مسلحون مجهولون قياديا": the subject is not the victim
    if not cands:
        return "unknown", None, 0
    if q is not None and q.end <= o.start:
        stop = _lex()["breakdown"].find(text, q.end, o.start)
        before_breakdown = [g for g in cands if g.start < (stop[0].start if stop else o.start)]
        cands = before_breakdown or cands  # "11 شخصا بينهم أربعة أطفال قتلوا": the people, not the part
    best = max(cands, key=lambda g: (g.entry.get("rank", 0), -abs(g.start - anchor)))
    lead = next((g for g in cands if g.end <= best.start and not text[g.end:best.start].strip()
                 and text[best.start:best.core_start].startswith("و")), None)
    if lead is not None:
        best = lead  # "من قوات النظام والميليشيات الموالية لها": the first named leads
    group = best.entry.get("group")
    word = text[best.core_start:best.end]
    if group not in ("civilians", "children", "women") and _former(text, cands):
        return "civilians", None, best.end  # "القيادي السابق في فصائل المعارضة": no longer under arms
    if word in _lex()["possessive_groups"]:
        owner = next((a for a in reversed(actors) if a.end <= best.start and not a.entry.get("target_only")), None)
        if owner is not None:  # "مقتل ثلاثة من مقاتليها": the fighters of the actor named before
            return owner.entry.get("group") or group, owner.entry.get("name"), best.end
    actor, reach = None, best.end
    for a in actors:
        linked = not _instrumental(text, a) and (a.start < best.end
                                                 or text[best.end:a.start].strip(' "«»“”') in _LINKS)
        if linked and best.start <= a.start < window_end and a.entry.get("target_only") is not True:
            actor, reach = a.entry.get("name"), max(best.end, a.end)  # "ضابط في المخابرات الجوية"
            if best.entry.get("rank", 0) <= 2 and a.entry.get("group"):
                group = a.entry.get("group")
            break
    return group, actor, reach


def _former(text: str, groups: list[Match]) -> bool:
    """A group word followed by "former" ("عنصر سابق في قسد"): a civilian now."""
    return any((after := _words(text, g.end, min(len(text), g.end + 12))) and after[0] in _lex()["former"]
               for g in groups)


def _count_from_group(text: str, o: Match, groups: list[Match], lex: dict, before: bool) -> tuple[int | None, str | None]:
    """"مقتل طفل" is one, "مقتل جنديين" and "قتل مدنيان" two: a bare group noun next to the outcome."""
    words = _words(text, o.end, min(len(text), o.end + 30))
    if before:
        words = list(reversed(_words(text, max(0, o.start - 30), o.start)))
    if words and not before and words[0].rstrip(",") in lex["one_more"]:
        return 1, None
    for i, w in enumerate(words[:3]):
        w = w.rstrip(",")
        stem = w[2:] if w.startswith("ال") else w
        if stem.endswith("ان") and stem[:-2] in lex["singular_group"]:
            grouped = any(g.start <= text.find(w, o.end) < g.end for g in groups)
            return 2, ("" if grouped else "dual:") + lex["singular_group"][stem[:-2]]
        if i >= 2:
            break
    ordered = groups if not before else list(reversed(groups))
    for g in ordered:
        if (not before and g.start < o.end) or (before and g.end > o.start):
            continue
        gap_ok = (_gap_ok(text, o.end, g.start, 1, lex["fillers"]) if not before
                  else _gap_ok(text, g.end, o.start, 1, lex["fillers"]))
        if not gap_ok:
            return None, None
        if g.entry.get("count"):
            return int(g.entry.get("count")), g.entry.get("group")
        word = text[g.core_start:g.end]
        if word in lex["singular"] and g.start == g.core_start:
            return 1, g.entry.get("group")
        return None, None
    return None, None


def _breakdown(text: str, pos: int, end: int, lex: dict, reach: int = 3) -> list[str]:
    """Groups named by "بينهم/بعضهم من ..." right after a figure (at most `reach` words after it)."""
    for b in lex["breakdown"].find(text, pos, min(end, pos + 40 + 8 * (reach - 3))):
        if len(_words(text, pos, b.start)) > reach:
            return []
        stop = b.end + 50
        for ch in _CLAUSE_STOP + ",":
            cut = text.find(ch, b.end, stop)
            if cut != -1:
                stop = cut
        found = []
        for g in lex["groups"].find(text, b.end, min(end, stop)):
            if g.entry.get("group") not in found:
                found.append(g.entry.get("group"))
        return found
    return []

"""Where it happened: place mentions resolved against the gazetteer.

Arabic reports nest places ("حي حوامة بمدينة هجين في ريف دير الزور الشرقي")
and describe them ("جنوب شرقي مدينة دير الزور بنحو 45 كم"). The word before a
name says what it is (مدينة، بلدة، ريف، بادية، محافظة), other places in the
article pick among homonyms, and an unknown name never hides the known ones.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from marsad.extract.quantities import parse_number
from marsad.knowledge.gazetteer import Place, place_matcher
from marsad.knowledge.lexicon import Entry, PhraseMatcher, load_yaml
from marsad.text.normalize import fold

_KM = re.compile(r"(?:بنحو|بحوالي|نحو|حوالي|قرابه|علي بعد|علي مسافه|بمسافه)?\s*(\d+|[\u0621-\u064a]+)\s*(?:كم|كيلومترا|كيلومتر|كلم)")
_PREPOSITIONS = frozenset(fold(w) for w in ("في", "من", "على", "إلى", "قرب", "بين", "نحو"))


@dataclass(slots=True)  # not frozen: made dozens of times per article, and a frozen __init__ costs ~7x
class PlaceMention:
    """A resolved (or unresolved) place in folded-text offsets."""

    start: int
    end: int
    name_ar: str
    place: Place | None
    precision: int
    lat: float | None
    lon: float | None
    admin1: str | None
    admin2: str | None
    location: str | None
    cue: str | None  # town, quarter, district, governorate, countryside
    in_source: bool = False
    descriptive: bool = False  # an offset, or its reference point, that only describes a named place
    ref_start: int = -1  # for an offset: where its reference place was named
    governorate_too: bool = False  # a bare name that is also its governorate's ("وفي دير الزور، ...")


@lru_cache(maxsize=1)
def _lex() -> dict:
    data = load_yaml("gazetteer_sy")
    cue_entries = [Entry(tuple(ws), {"cue": k}) for k, ws in data["place_words"].items()]
    dirs = [Entry(tuple(d["phrases"]), {"bearing": d["bearing"]}) for d in data["directions"]]
    return {"cues": PhraseMatcher(cue_entries), "dirs": PhraseMatcher(dirs),
            "stop": frozenset(fold(s) for s in data["stop_names"]),
            "bases": frozenset(fold(s) for s in data["actor_bases"]),
            "origin_words": frozenset(fold(s) for s in data["origin_words"]),
            "heads": frozenset(fold(s) for s in data["name_heads"]),
            "adjectives": frozenset(fold(s) for s in data["name_adjectives"])}


_SOURCE_WORDS = ("مصادر", "مصدر", "ناشطون", "ناشطين", "مراسل", "ومقره", "مقره", "مقرها")


def _offset(lat: float, lon: float, bearing: float, km: float) -> tuple[float, float]:
    """The point `km` from (lat, lon) on `bearing` degrees."""
    r = 6371.0
    b = math.radians(bearing)
    p1, l1 = math.radians(lat), math.radians(lon)
    p2 = math.asin(math.sin(p1) * math.cos(km / r) + math.cos(p1) * math.sin(km / r) * math.cos(b))
    l2 = l1 + math.atan2(math.sin(b) * math.sin(km / r) * math.cos(p1), math.cos(km / r) - math.sin(p1) * math.sin(p2))
    return round(math.degrees(p2), 5), round(math.degrees(l2), 5)


def _choose(cands: tuple[Place, ...], cue: str | None, context_admin1: set[str]) -> Place:
    def score(p: Place) -> tuple:
        kind_fit = 0
        if cue in ("governorate", "countryside") and p.kind == "admin1":
            kind_fit = 3
        elif cue in ("town", "quarter", "near", None) and p.kind == "town":
            kind_fit = 2
        elif cue == "district" and p.kind == "admin2":
            kind_fit = 2
        return (kind_fit, p.admin1 in context_admin1, p.population, p.kind == "town")
    return max(cands, key=score)


def _cue_before(text: str, pos: int, floor: int) -> tuple[str | None, int]:
    lo = max(floor, pos - 16)
    hits = [m for m in _lex()["cues"].find_all(text, lo, pos) if not text[m.end:pos].strip()]
    if not hits:
        return None, pos
    best = min(hits, key=lambda m: m.start)
    cue, start = best.entry.get("cue"), best.start
    if cue not in ("near", "countryside"):
        outer = [m for m in _lex()["cues"].find_all(text, max(floor, start - 16), start)
                 if m.entry.get("cue") in ("near", "countryside") and not text[m.end:start].strip()]
        if outer:  # "قرب مدينة تل أبيض", "ريف بلدة تل تمر": near the town, or in its countryside
            first = min(outer, key=lambda m: m.start)
            return first.entry.get("cue"), first.start
    return cue, start


def has_homonyms(text: str) -> bool:
    """True when a name in the text is shared by places in different governorates: only then does context matter."""
    return any(m.entry.get("cross_governorate") for m in place_matcher().find(text))


def find_places(text: str, start: int, end: int, context_admin1: set[str] | None = None) -> list[PlaceMention]:
    """Place mentions in text[start:end], most precise reading of each."""
    context_admin1 = context_admin1 or set()
    lex = _lex()
    out: list[PlaceMention] = []
    for m in place_matcher().find(text, start, end):
        name = text[m.core_start:m.end]
        cands: tuple[Place, ...] = m.entry.get("places")
        if _continues_name(text, m.start, m.core_start, m.end, end):
            continue
        cue, cue_start = _cue_before(text, m.start, start)
        is_admin = any(p.kind in ("admin1", "region", "admin2", "site") for p in cands)
        if cue is None and not is_admin:
            if fold(name) in lex["stop"] or len(name.replace(" ", "")) <= 3:
                continue
            prev = text[max(start, m.start - 6):m.start].split()
            preposition = m.start > m.core_start or (prev and prev[-1] in _PREPOSITIONS)
            if not preposition and not _after_direction(text, m.start) and max(p.population for p in cands) < 20000:
                continue  # a small town's bare name counts after "في", "شمالي" ..., not anywhere
        if cue is None and out and out[-1].cue == "governorate" and text[out[-1].end:m.start].strip() == "" \
                and text[m.start:m.core_start].startswith("و"):
            cue = "governorate"
        place = _choose(cands, cue, context_admin1)
        s = cue_start if cue else m.start
        e = m.end
        precision = place.precision
        location = place.name if place.kind in ("town", "admin2", "region", "site") else None
        if cue == "countryside" or (place.kind == "admin1" and cue is None and _is_rural(text, m)):
            precision = 3 if text[cue_start:m.start].strip().startswith(("بادي", "صحراء")) else 2
            location = place.name if place.kind == "town" else None  # "ريف مدينة البوكمال": near the town
            d = lex["dirs"].find(text, e, min(end, e + 22))
            if d and not text[e:d[0].start].strip():
                e = d[0].end
        elif place.kind == "admin1" or cue == "governorate":
            precision, location = 3, None
        if cue == "near" and precision == 1:
            precision = 2  # "محيط دمشق", "قرب تل أبيض": near the town
        described = False
        if _after_direction(text, s):
            described = bool(out) and len(text[out[-1].end:s].split()) <= 3  # "بادية الميادين شرقي دير الزور"
            if precision == 1:
                precision = 2  # "جنوبي إدلب": near the town, not in it
        prior = text[max(start, s - 40):s]
        in_source = _in_source(prior.split()[-4:])
        out.append(PlaceMention(s, e, text[m.core_start:m.end], place, precision, place.lat, place.lon,
                                place.admin1, place.admin2, location, cue, in_source, described,
                                governorate_too=cue is None and place.kind == "town"
                                and any(c.kind == "admin1" for c in cands)))
    out = _road_ends(text, _origins(text, out))
    offsets = _offsets(text, start, end, out)
    refs = {o.ref_start for o in offsets}
    out = [replace(p, descriptive=True) if p.start in refs else p for p in out]
    return out + offsets


_SOURCE_ADJECTIVES = frozenset(fold(w) for w in ("اهلية", "محلية", "ميدانية", "عسكرية", "طبية", "مطلعة", "خاصة",
                                                  "اهلي", "محلي", "ميداني", "عسكري", "طبي", "مطلع", "امني",
                                                  "امنية", "اعلامية", "محليون", "سورية", "في", "من", "داخل",
                                                  "قيادة", "شرطة", "الشرطة", "مديرية", "فرع", "مجلس", "مكتب"))


def _in_source(words: list[str]) -> bool:
    """"مصادر أهلية في دير الزور", "مراسلنا في إدلب": where the source is, not where it happened."""
    for i, w in enumerate(words):
        if w.startswith(_SOURCE_WORDS) and all(x in _SOURCE_ADJECTIVES for x in words[i + 1:]):
            return True
    return False


def _origins(text: str, found: list[PlaceMention]) -> list[PlaceMention]:
    """Where people come from ("شابين من بلدة الحراك عند حاجز في مدينة إزرع") or where attackers are
    based ("المنتشرة في ريف إدلب ... على قرية بريف حماة"), when another place follows."""
    bases = _lex()["bases"]
    out = []
    for i, p in enumerate(found):
        before = text[max(0, p.start - 24):p.start].split()
        gap = min((q.start - p.end for q in found[i + 1:] if q.start > p.end), default=None)
        origin = gap is not None and gap < 80 and bool(before) and (
            before[-1] == "من" or (len(before) > 1 and before[-2] == "من" and before[-1] in _lex()["origin_words"]))
        based = bool(before) and gap is not None and gap < 120 and (
            before[-1] in bases or (len(before) > 1 and before[-1] in _PREPOSITIONS and before[-2] in bases))
        out.append(replace(p, descriptive=True) if origin or based else p)
    return out


def _road_ends(text: str, found: list[PlaceMention]) -> list[PlaceMention]:
    """"طريق الرقة - الطبقة": the far end of a road names the road, not where it happened."""
    out = list(found)
    for i in range(1, len(out)):
        if text[out[i - 1].end:out[i].start].strip() in ("-", "–", "—"):
            out[i] = replace(out[i], descriptive=True)
    return out


def _after_direction(text: str, pos: int) -> bool:
    before = _lex()["dirs"].find(text, max(0, pos - 24), pos)
    return bool(before) and not text[before[-1].end:pos].strip()


def _is_rural(text: str, m) -> bool:
    return text[max(0, m.start - 5):m.start].strip().endswith(("ريف", "بريف"))


def _offsets(text: str, start: int, end: int, found: list[PlaceMention]) -> list[PlaceMention]:
    """"جنوب شرقي مدينة X بنحو 45 كم": a point offset from X, precision 2."""
    out = []
    for d in _lex()["dirs"].find(text, start, end):
        ref = next((p for p in found if 0 <= p.start - d.end <= 3 and p.place is not None), None)
        if ref is None:
            continue
        km_match = _KM.search(text, ref.end, min(end, ref.end + 30)) or _KM.search(text, max(start, d.start - 30), d.start)
        if not km_match:
            continue
        km = parse_number(km_match.group(1))
        if km is None or km <= 0 or km > 500:
            continue
        lat, lon = _offset(ref.lat, ref.lon, d.entry.get("bearing"), km)
        named_before = any(0 < d.start - p.end <= 3 for p in found)
        s, e = d.start, max(ref.end, km_match.end()) if km_match.start() >= ref.end else ref.end
        out.append(PlaceMention(min(s, km_match.start()), e, text[d.start:ref.end], ref.place, 2, lat, lon,
                                ref.admin1, ref.admin2, f"{km:g} km from {ref.place.name}", "offset",
                                ref.in_source, named_before, ref.start))
    return out


def best_place(mentions: list[PlaceMention]) -> PlaceMention | None:
    """The most specific place told (not a reference point or a source's whereabouts), first on ties.

    A town beats an area around a town ("بادية السلمية"), which beats a governorate's countryside
    ("ريف حماة"), whatever ACLED precision each carries; a bare governorate capital ("في دير الزور")
    gives way to another town of its governorate.
    """
    usable = [p for p in mentions if not p.descriptive]
    own = [p for p in usable if not p.in_source] or usable
    if not own:
        return None
    order = {id(p): i for i, p in enumerate(own)}

    def specificity(p: PlaceMention) -> int:
        if p.governorate_too and any(q is not p and q.precision == 1 and q.admin1 == p.admin1 for q in own):
            return 2  # "وفي دير الزور، اغتال ... في بلدة الشحيل": the governorate, the town is in it
        return 0 if p.precision == 1 else 1 if p.location else 2
    return min(own, key=lambda p: (specificity(p), p.precision, order[id(p)]))


_NAMED_QUARTERS = frozenset(fold(w) for w in ("حي", "احياء", "مخيم"))
_STOPWORDS = frozenset(fold(w) for w in ("في", "على", "من", "الى", "قرب", "بين", "عند", "شمال", "جنوب", "شرق", "غرب",
                                          "شمالي", "جنوبي", "شرقي", "غربي", "بريف", "ريف", "وسط", "داخل", "التابعة",
                                          "المجاورة", "الحدودية", "ما", "مما", "حيث", "دون", "بعد", "قبل"))


def find_unresolved(text: str, start: int, end: int, resolved: list[PlaceMention]) -> list[tuple[int, int, str]]:
    """Names after "بلدة", "قرية", "حي" ... that the gazetteer does not know: (start, end, name) in folded text."""
    out = []
    for cue in _lex()["cues"].find(text, start, end):
        word = text[cue.core_start:cue.end]
        if cue.entry.get("cue") != "town" and word not in _NAMED_QUARTERS:
            continue
        if "ال" in text[cue.start:cue.core_start] or word.startswith("ال"):
            continue  # "في البلدة": the town already told
        if any(p.start <= cue.end and p.end > cue.end for p in resolved):
            continue
        words = _name_after(text, cue.end, end)
        pos = cue.end
        if words:
            s = text.index(words[0], pos)
            e = text.index(words[-1], s) + len(words[-1])
            out.append((s, e, " ".join(words)))
    return out


def _name_after(text: str, pos: int, end: int) -> list[str]:
    """The words of an unknown name at `pos`: one word, two when the first heads a compound ("تل شعير",
    "أم الصير") or the second is part of the name ("المسيفرة الشرقية"), never the word after the name
    ("قرية الزيتونة التي", "المشيرفة أمس")."""
    lex = _lex()
    words: list[str] = []
    for w in text[pos:min(end, pos + 40)].split()[:2]:
        bare = w.strip('",.;:()')
        if not bare or bare in _STOPWORDS or not bare[0].isalpha() or lex["cues"].find(bare):
            break
        if words and words[0] not in lex["heads"] and bare not in lex["adjectives"]:
            break
        words.append(bare)
        if w != bare:
            break
    return words


def _continues_name(text: str, m_start: int, core_start: int, end: int, limit: int) -> bool:
    """True when a bare compound head the gazetteer knows alone ("تل" for التل) opens a longer unknown
    name ("قرية تل شعير"): then it is not that place."""
    if text[m_start:core_start].endswith(("ال", "لل")) or fold(text[core_start:end]) not in _lex()["heads"]:
        return False
    return len(_name_after(text, core_start, limit)) == 2

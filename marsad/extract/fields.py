"""From an incident draft to the event record: every field with its evidence.

Type and sub-type, date, place, actors, casualties reconciled within the
article, fatalities by ACLED's rule, weapons, sources with their chain, hedges,
and the raw-text spans that justify each.
"""
from __future__ import annotations

import hashlib
from dataclasses import replace
from functools import lru_cache

from marsad.extract.actors import is_claimant, left_by, supporting
from marsad.extract.casualties import Casualty, rising_toll
from marsad.extract.claims import OUTLET_TYPES, Claim
from marsad.extract.incidents import Assembly, Draft
from marsad.extract.notes import note_for
from marsad.extract.places import PlaceMention, best_place
from marsad.extract.stance import hedges_in
from marsad.knowledge.gazetteer import by_admin1
from marsad.extract.triggers import has_air_cue
from marsad.knowledge.lexicon import Entry, PhraseMatcher, load_yaml, matcher
from marsad.record import EventRecord

_CIVILIAN_GROUPS = {"civilians", "children", "women"}
_QUAL_ORDER = {"exact": 0, "unspecified": 1, "about": 2, "up_to": 3, "vague": 4, "more_than": 5, "at_least": 6}


@lru_cache(maxsize=1)
def _weapons():
    return matcher("weapons")


def _location(d: Draft) -> PlaceMention | None:
    """The founding clause's place, refined by a more precise one a later telling gives in the same governorate."""
    told = [p for m in d.mentions if m is d.founding or m.main for p in m.places]
    founding = best_place([p for p in d.founding.places if not p.in_source])
    if founding is not None:
        told = [p for p in told if p.admin1 == founding.admin1 or p.in_source]
    return best_place(told)


def _nearby_incident_place(asm: Assembly, d: Draft) -> PlaceMention | None:
    """"فرضت طوقا أمنيا في المنطقة واعتقلت ...": no place of its own, told right after an incident that has one."""
    if asm.last_place is None or d.anchor is not None:
        return None
    sentence, place = asm.last_place
    if not 0 <= d.founding.sentence - sentence <= 2:
        return None
    if d.founding.unknown_places and place.precision == 1:
        return replace(place, precision=2)  # "غارات على بلدة البارة" after Kafranbel: near it, not in it
    return place


def _article_governorate(asm: Assembly) -> PlaceMention | None:
    """No place in the incident's own words: the governorate the article is about, precision 3."""
    gov = by_admin1(asm.admin1) if asm.admin1 else None
    if gov is None:
        return None
    return PlaceMention(-1, -1, "", gov, 3, gov.lat, gov.lon, gov.admin1, None, None, "article")


@lru_cache(maxsize=1)
def _possessive_forces() -> PhraseMatcher:
    return PhraseMatcher([Entry(tuple(load_yaml("actors")["possessive_forces"]), {})])


_ACTOR_INTER = {"Military Forces of Turkey": 8, "Military Forces of Russia": 8, "Military Forces of Syria": 1,
                "Military Forces of Israel": 8, "Military Forces of the United States": 8}


def _own_forces(asm: Assembly, d: Draft, text: str, trigger_pos: int) -> str | None:
    """The actor behind "قواتها" before the trigger: the one the sentence's source speaks for."""
    m = d.founding
    acting = [f for f in _possessive_forces().find(text, m.start, trigger_pos)
              if not any(c.start <= f.start < c.end for c in m.casualties)]  # "مقتل ثلاثة من مقاتليها": the hit
    if not acting:
        return None
    for claim in asm.claims[m.sentence][2]:
        if claim.actor:
            return claim.actor
    return None


def _actors(d: Draft, text: str, country: str | None, casualties: list[Casualty], asm: Assembly) -> dict:
    first = d.founding
    main = first.main
    pos = main.start if main else first.start
    initiators, targets = first.roles(text)
    if main is not None and main.sub_event_type == "Disrupted weapons use":
        owners = [a for a in first.actors if left_by(text, a, first.start)]
        initiators = [a for a in initiators if a not in owners]
        targets = owners + [t for t in targets if t not in owners]
    for m in d.mentions[1:]:
        more_i, more_t = m.roles(text)
        initiators += more_i
        targets += more_t
    hit = [c for c in casualties]
    victims = [a for a in initiators if any(c.start <= a.start <= c.end + 40 and c.actor == a.entry.get("name")
                                            for c in hit)]
    initiators = [a for a in initiators if a not in victims]
    targets = targets + victims
    backers = [a for a in first.actors if supporting(text, a, first.start)]
    initiators = [a for a in initiators if a not in backers]
    targets = [a for a in targets if a not in backers]
    own = _own_forces(asm, d, text, pos)
    if own is not None:  # "قالت وزارة الدفاع التركية إن قواتها حيدت ...": the speaker's own forces acted
        targets = [a for a in initiators if a.entry.get("name") != own and not is_claimant(text, a, first.start)] + targets
        initiators = []
    a1 = initiators[0] if initiators else None
    out = {"actor1": None, "assoc_actor_1": None, "actor2": None, "assoc_actor_2": None, "inter1": None,
           "inter2": None, "actor1_span": None, "actor2_span": None, "air": False}
    if own is not None and a1 is None:
        out.update(actor1=own, inter1=_ACTOR_INTER.get(own))
    if a1 is None and d.anchored_on is not None and d.anchored_on.extra.get("actor1"):
        out["actor1"] = d.anchored_on.extra["actor1"]
        out["assoc_actor_1"] = d.anchored_on.extra.get("assoc_actor_1")
        out["inter1"] = d.anchored_on.extra.get("inter1")
        out["air"] = d.anchored_on.extra.get("air", False)
    elif a1 is not None:
        out.update(actor1=a1.entry.get("name"), assoc_actor_1=a1.entry.get("assoc"), inter1=a1.entry.get("inter"),
                   actor1_span=(a1.start, a1.end), air=bool(a1.entry.get("air")))
        partner = next((a for a in initiators[1:] if text[a.start:a.core_start].startswith("و")
                        and not text[a1.end:a.start].strip() and a.entry.get("name") != out["actor1"]), None)
        if partner is not None and not out["assoc_actor_1"]:  # "القوات التركية والفصائل الموالية لها"
            out["assoc_actor_1"] = partner.entry.get("name")
        backer = next((b for b in backers if b.entry.get("name") != out["actor1"]), None)
        if backer is not None and not out["assoc_actor_1"]:  # "قسد بمساندة طيران التحالف"
            out["assoc_actor_1"] = backer.entry.get("name")
    tgt = [t for t in targets if t.entry.get("name") != out["actor1"]
           and not (d.event_type == "Battles" and t.entry.get("name", "").startswith("Civilians"))]
    if tgt:
        out.update(actor2=tgt[0].entry.get("name"), inter2=tgt[0].entry.get("inter"),
                   actor2_span=(tgt[0].start, tgt[0].end))
        for t in (t for t in tgt[1:] if d.founding.start <= t.start < d.founding.end):
            if t.entry.get("name") != out["actor2"]:
                out["assoc_actor_2"] = t.entry.get("name")
                break
    if d.event_type in ("Protests", "Riots"):
        crowd = "Protesters" if d.event_type == "Protests" else "Rioters"
        if main is not None and main.sub_event_type == "Excessive force against protesters":
            out.update(actor2=f"{crowd} ({country or 'Syria'})", inter2=6, actor2_span=None, assoc_actor_2=None)
        elif out["actor1"] is None or out["actor1"].startswith("Civilians") or out["inter1"] == 1:
            if out["inter1"] == 1 and main is not None and main.sub_event_type == "Protest with intervention":
                out.update(actor2=out["actor1"], inter2=1, actor2_span=out["actor1_span"])  # "فرقت قوات الأمن مظاهرة"
            # "طالبوا برحيل النظام": the state named in a crowd's demands is not the crowd
            out.update(actor1=f"{crowd} ({country or 'Syria'})", inter1=6 if crowd == "Protesters" else 5,
                       assoc_actor_1=None, actor1_span=None)
        if out["actor2"] and out["actor2"].startswith("Civilians"):
            out.update(actor2=None, inter2=None, actor2_span=None)
    if out["actor2"] is None and d.event_type in ("Battles", "Strategic developments"):
        other = next((a for a in initiators[1:] if a.entry.get("name") != out["actor1"]), None)
        if other is not None:
            out.update(actor2=other.entry.get("name"), inter2=other.entry.get("inter"),
                       actor2_span=(other.start, other.end))
    if out["actor2"] is None:
        out.update(_target_from_casualties(casualties, country, out["actor1"], armed_only=d.event_type == "Battles"))
    if out["actor2"] is None:
        speaker = next((a for a in initiators if is_claimant(text, a, first.start)
                        and a.entry.get("name") != out["actor1"]), None)
        if speaker is not None:  # "أعلنت قسد مقتل ثلاثة من مقاتليها في هجوم لداعش": the speaker was hit
            out.update(actor2=speaker.entry.get("name"), inter2=speaker.entry.get("inter"),
                       actor2_span=(speaker.start, speaker.end))
    if out["actor2"] is None and d.event_type == "Violence against civilians":
        out.update(actor2=f"Civilians ({country or 'Syria'})", inter2=7)  # ACLED: the target of VAC is civilians
    unidentified = f"Unidentified Armed Group ({country or 'Syria'})"
    if out["actor1"] is None and d.event_type in ("Explosions/Remote violence", "Battles", "Violence against civilians"):
        out["actor1"] = unidentified
        out["inter1"] = 3
    if out["actor2"] is None and d.event_type == "Battles" and out["actor1"] != unidentified:
        out.update(actor2=unidentified, inter2=3)  # a battle has two armed sides: "اشتباكات مع مسلحين محليين"
    return out


def _target_from_casualties(casualties: list[Casualty], country: str | None, actor1: str | None,
                            armed_only: bool = False) -> dict:
    """The side whose people were hit; in a battle, civilians caught in it are not a side."""
    where = country or "Syria"
    for c in casualties:
        if c.outcome != "killed" and c.outcome != "injured":
            continue
        if c.group in _CIVILIAN_GROUPS:
            if armed_only:
                continue
            return {"actor2": f"Civilians ({where})", "inter2": 7}
        if c.actor and c.actor != actor1:
            return {"actor2": c.actor, "inter2": None}
        if c.group == "state_forces" and f"Military Forces of {where}" != actor1:
            return {"actor2": f"Military Forces of {where}", "inter2": 1}
    return {}


def _one_account(asm: Assembly, d: Draft) -> tuple[list[Casualty], bool]:
    """Tolls of one incident told by two sources ("سانا: مقتل جنديين"، "المرصد: مقتل أربعة") are two
    accounts, not more dead: the lowest killed toll is kept (ACLED's rule), with the others' other outcomes."""
    accounts: dict[str | None, list[Casualty]] = {}
    for m in d.mentions:
        claims = asm.claims[m.sentence][2]
        accounts.setdefault(claims[0].name if claims else None, []).extend(m.casualties)
    killing = {k: v for k, v in accounts.items() if k is not None and any(c.outcome == "killed" for c in v)}
    if len(killing) < 2:
        return _reconcile([c for m in d.mentions for c in m.casualties]), False
    totals = {k: sum(c.min for c in _reconcile(v) if c.outcome == "killed") for k, v in killing.items()}
    chosen = min(killing, key=lambda k: totals[k])
    kept = list(accounts[chosen]) + accounts.get(None, [])
    outcomes = {c.outcome for c in kept}
    for name, items in accounts.items():
        if name not in (chosen, None):
            kept += [c for c in items if c.outcome not in outcomes]
    return _reconcile(kept), len(set(totals.values())) > 1


def _reconcile(casualties: list[Casualty]) -> list[Casualty]:
    """One item per (outcome, group, actor): the lowest firm figure, the strongest hedge.

    The items are copies: the mentions' own casualties stay as read (a record may reconcile
    several subsets of them)."""
    best: dict[tuple, Casualty] = {}
    for c in casualties:
        key = (c.outcome, c.group, c.actor)
        cur = best.get(key)
        if cur is None:
            best[key] = replace(c)
            continue
        if c.group == "unknown" and c.min != cur.min and "unspecified" not in (c.qualifier, cur.qualifier):
            best[(*key, c.start)] = replace(c)  # unnamed people with another figure may be other people
            continue
        if cur.qualifier == "unspecified" and c.qualifier != "unspecified":
            best[key] = replace(c)
        elif c.qualifier != "unspecified" and c.min < cur.min:
            best[key] = replace(c)
        elif c.min == cur.min and _QUAL_ORDER.get(c.qualifier, 0) > _QUAL_ORDER.get(cur.qualifier, 0):
            cur.qualifier, cur.max = c.qualifier, c.max
        if c.includes and not best[key].includes:
            best[key].includes = c.includes
    items = list(best.values())
    firm = {c.outcome for c in items if c.qualifier != "unspecified"}
    kept = [c for c in items if c.qualifier != "unspecified" or c.outcome not in firm]
    named = {c.outcome for c in kept if c.group != "unknown"}
    return [c for c in kept if not (c.group == "unknown" and c.qualifier == "unspecified" and c.outcome in named)]


def _sources(asm: Assembly, d: Draft) -> list[Claim]:
    sent_ids = {m.sentence for m in d.mentions}
    found: list[Claim] = []
    for i in sorted(sent_ids):
        for c in asm.claims[i][2]:
            same = next((f for f in found if f.name == c.name), None)
            if same is None:
                found.append(Claim(c.name, c.type, list(c.via), c.start, c.end, list(c.via_types)))
            else:
                same.via += [v for v in c.via if v not in same.via]
    if found:
        return found
    if d.anchored_on is not None:
        return _sources(asm, d.anchored_on)  # "بعد 48 ساعة على قصف ...": told by whoever tells the later one
    here = d.founding.sentence
    para = d.founding.paragraph
    others = {m.sentence for o in asm.drafts if o is not d for m in o.mentions}
    said = [i for i, c in enumerate(asm.claims) if c[2] and i not in others]  # not the source of another incident
    ranked = sorted(said, key=lambda i: (asm.claims[i][1] != para, abs(i - here) + (0 if i < here else 0.5)))
    if ranked:
        return list(asm.claims[ranked[0]][2])
    lead = next((c for _, _, cs in asm.claims[:3] for c in cs[:1]), None)
    if lead is not None and lead.type in OUTLET_TYPES:
        return [lead]  # "رصد المرصد السوري ..." opening a round-up tells the rest of it too
    return [asm.head_outlet] if asm.head_outlet is not None else []


def _event_id(article_id: str, raw: str, span: list[int], kind: str) -> str:
    key = f"{article_id}|{span[0]}|{span[1]}|{kind}|{raw[span[0]:span[1]]}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def build_record(asm: Assembly, d: Draft) -> EventRecord | None:
    doc = asm.doc
    text = doc.text
    main = d.founding.main
    if main is None or d.event_type is None:
        return None
    casualties, disputed = _one_account(asm, d)
    loc = _location(d) or _nearby_incident_place(asm, d) or _article_governorate(asm)
    if loc is not None and loc.start >= 0:
        asm.last_place = (max(m.sentence for m in d.mentions), loc)
    country = loc.place.country if loc is not None and loc.place is not None else None
    roles = _actors(d, text, country, casualties, asm)
    d.extra.update({k: roles[k] for k in ("actor1", "assoc_actor_1", "inter1", "air")})
    sub = main.sub_event_type
    if main.ambiguous_strike and (roles["air"] or has_air_cue(text, d.founding.start, d.founding.end)):
        sub = "Air/drone strike"
    event_type = d.event_type
    if event_type == "Battles" and main.event_type != "Battles":
        sub = "Armed clash"
    if sub in ("Government regains territory", "Non-state actor overtakes territory"):
        state = (roles["inter1"] == 1 or (roles["actor1"] or "").startswith("Military Forces of"))
        sub = "Government regains territory" if state else "Non-state actor overtakes territory"
    armed = main.match.entry.get("armed_target")
    if armed and event_type == main.match.entry.get("event_type") and roles["actor2"] \
            and not roles["actor2"].startswith("Civilians"):
        event_type, sub = armed, "Armed clash"
    weapons: list[str] = []
    for m in d.mentions:
        for w in _weapons().find(text, m.start, m.end):
            if w.entry.get("weapon") not in weapons:
                weapons.append(w.entry.get("weapon"))
    hedges: list[str] = []
    for m in d.mentions:
        for h in hedges_in(text, m.start, m.end):
            if h not in hedges:
                hedges.append(h)
    if any(rising_toll(text, s.start, s.end) for s in _sentences_near(doc, d)):
        hedges.append("expected_to_rise")
    if disputed:
        hedges.append("sources_disagree")
    if any(c.qualifier == "at_least" for c in casualties) and "at_least" not in hedges:
        hedges.append("at_least")
    fatalities = sum(c.acled or 0 for c in casualties if c.outcome == "killed" and c.qualifier != "vague") or sum(
        c.acled or 0 for c in casualties if c.outcome == "killed")
    evidence: dict = {
        "trigger": doc.raw_span(main.start, main.end),
        "sentence": doc.raw_span(d.founding.start, d.founding.end),
        "mentions": [doc.raw_span(m.start, m.end) for m in d.mentions[1:]],
    }
    if d.date_expr is not None:
        evidence["date"] = doc.raw_span(d.date_expr.start, d.date_expr.end)
    told_place = loc is not None and loc.start >= 0
    if told_place:
        evidence["location"] = doc.raw_span(loc.start, loc.end)
    if roles["actor1_span"]:
        evidence["actor1"] = doc.raw_span(*roles["actor1_span"])
    if roles["actor2_span"]:
        evidence["actor2"] = doc.raw_span(*roles["actor2_span"])
    sources = [{"name": c.name, "type": c.type, "via": list(c.via), "span": doc.raw_span(c.start, c.end)}
               for c in _sources(asm, d)]
    cas_out = [{"outcome": c.outcome, "group": c.group, "actor": c.actor, "min": c.min, "max": c.max,
                "qualifier": c.qualifier, "includes": c.includes, "span": doc.raw_span(c.start, c.end)}
               for c in casualties]
    raw = doc.article.text
    rec = EventRecord(
        event_id=_event_id(doc.article.id, raw, evidence["sentence"], event_type),
        article_id=doc.article.id,
        event_date=d.day.isoformat() if d.day else None,
        time_precision=d.precision if d.day else 3,
        event_type=event_type,
        sub_event_type=sub,
        actor1=roles["actor1"], actor2=roles["actor2"],
        assoc_actor_1=roles["assoc_actor_1"], assoc_actor_2=roles["assoc_actor_2"],
        inter1=roles["inter1"], inter2=roles["inter2"],
        country=country,
        admin1=loc.admin1 if loc else None,
        admin2=loc.admin2 if loc and loc.precision <= 2 else None,
        admin3=None,
        location=loc.location if loc else None,
        location_ar=doc.raw_text(loc.start, loc.end) if told_place else None,
        latitude=loc.lat if loc else None, longitude=loc.lon if loc else None,
        geo_precision=loc.precision if loc else 3,
        fatalities=int(fatalities),
        casualties=cas_out,
        sources=sources,
        evidence=evidence,
        weapons=weapons,
        hedges=hedges,
        date_source=d.date_source,
        date_note=d.date_note,
        published=asm.base.isoformat() if asm.base else None,
        published_from=asm.published_from,
        published_time=asm.published_time,
        outlet=doc.article.outlet or (asm.head_outlet.name if asm.head_outlet else None),
        unresolved_places=[{"name_ar": doc.raw_text(s, e), "span": doc.raw_span(s, e)}
                           for m in d.mentions for s, e, _ in m.unknown_places],
    )
    rec.notes = note_for(rec)
    return rec


def _sentences_near(doc, d: Draft):
    ids = {m.sentence for m in d.mentions}
    return [s for i, s in enumerate(doc.sentences) if i in ids]

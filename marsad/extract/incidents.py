"""Assembly: which clauses tell which incident.

An article tells several incidents and returns to them ("المجزرة", "القصف").
Each sentence is cut into clauses at anchors ("بعد 4 أيام على ..."); a clause
with a trigger either continues the incident in focus (same kind, no other
town, no other date) or opens a new one. An anchored clause opens a past
incident dated from the one in focus and leaves the focus where it was; a
topic shift ("إلى ذلك", "من جانب آخر") ends the focus.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from marsad.document import Doc
from marsad.extract.actors import assign_roles, find_actors, is_claimant, named_actors
from marsad.extract.casualties import Casualty, find_casualties
from marsad.extract.claims import Claim, claims_in, outlet_in
from marsad.extract.dates import DateExpr, find_dateline, find_dates
from marsad.extract.places import PlaceMention, find_places, find_unresolved, has_homonyms
from marsad.extract.stance import cue_matcher
from marsad.extract.triggers import Trigger, find_triggers
from marsad.knowledge.gazetteer import km_between
from marsad.knowledge.lexicon import Match
from marsad.text.normalize import fold

_HEADING_WORDS = 3


@dataclass
class Mention:
    """One clause that tells (part of) an incident."""

    start: int
    end: int
    sentence: int
    paragraph: int
    triggers: list[Trigger]
    casualties: list[Casualty]
    places: list[PlaceMention]
    dates: list[DateExpr]
    actors: list[Match]
    unknown_places: list[tuple[int, int, str]] = field(default_factory=list)
    report_dates: list[DateExpr] = field(default_factory=list)  # "أعلن المرصد الجمعة أن ...": when it was said
    _main_cache: tuple[list[Trigger], Trigger | None] | None = field(default=None, repr=False)
    _role_cache: tuple[list[Trigger], tuple[list[Match], list[Match]]] | None = field(default=None, repr=False)

    @property
    def main(self) -> Trigger | None:
        """The clause's strongest trigger, worked out once per set of triggers (assembly asks ~100 times an article)."""
        cached = self._main_cache
        if cached is None or cached[0] is not self.triggers:
            real = [t for t in self.triggers if not t.anaphor_only]
            cached = self._main_cache = (self.triggers, max(real, key=lambda t: (t.priority, -t.start)) if real else None)
        return cached[1]

    def roles(self, text: str) -> tuple[list[Match], list[Match]]:
        """The clause's initiators and targets (fresh lists), worked out once per set of triggers: assembly
        compares every later clause with the founding one, and the record reads them again."""
        if self._role_cache is None or self._role_cache[0] is not self.triggers:
            main = self.main
            self._role_cache = (self.triggers, assign_roles(text, self.actors, main.start if main else self.start,
                                                       self.start, [(t.start, t.end) for t in self.triggers]))
        initiators, targets = self._role_cache[1]
        return list(initiators), list(targets)


@dataclass
class Draft:
    """An incident being assembled from its mentions."""

    mentions: list[Mention]
    anchor: DateExpr | None = None
    anchored_on: "Draft | None" = None
    day: date | None = None
    precision: int = 2
    date_expr: DateExpr | None = None
    date_source: str = "article"
    date_note: str | None = None
    date_from_report: bool = False  # dated by when a source spoke: a date of the incident's own replaces it
    extra: dict = field(default_factory=dict)

    @property
    def founding(self) -> Mention:
        return self.mentions[0]

    @property
    def event_type(self) -> str | None:
        main = self.founding.main
        kind = main.event_type if main else None
        if kind == "Explosions/Remote violence":
            for m in self.mentions[1:]:
                t = m.main
                if t and t.event_type == "Battles" and not t.weak:
                    return "Battles"
        return kind

    def towns(self) -> list[PlaceMention]:
        return [p for m in self.mentions for p in m.places if p.precision == 1 and not p.in_source]

    def admin1s(self) -> set[str]:
        return {p.admin1 for m in self.mentions for p in m.places if p.admin1 and not p.in_source}


@dataclass
class Assembly:
    """What the assembly stage hands to record building."""

    doc: Doc
    base: date | None
    published_from: str
    drafts: list[Draft]
    claims: list[tuple[int, int, list[Claim]]]  # (sentence start, paragraph, claims)
    admin1: str | None = None  # the governorate the article is mostly about
    published_time: str | None = None
    head_outlet: Claim | None = None  # the outlet the report's head names ("اللاذقية-سانا")
    last_place: tuple[int, PlaceMention] | None = None  # (sentence, place) of the incident built last


def _explicit_dates(m: Mention) -> list[DateExpr]:
    return [d for d in m.dates if d.kind in ("absolute", "relative") and d.day is not None]


def _points(places: list[PlaceMention]) -> list[PlaceMention]:
    """Places that are somewhere (a town, a named area), not containers such as a governorate or its countryside."""
    return [p for p in places if p.location and not p.in_source and not p.descriptive]


def _roles(text: str, m: Mention) -> tuple[str | None, set[str]]:
    """The clause's first named initiator, and everyone it hits (targets and the people whose dead it counts)."""
    if m.main is None:
        return None, set()
    initiators, targets = m.roles(text)
    dead = {c.actor for c in m.casualties if c.actor}
    named = [a.entry.get("name") for a in initiators if a.entry.get("name") not in dead
             and not is_claimant(text, a, m.start) and not a.entry.get("name", "").startswith("Unidentified")]
    hit = {a.entry.get("name") for a in targets} | dead
    return (named[0] if named else None), hit


def _points_back(focus: Draft, main: Trigger, text: str) -> bool:
    """"القصف", "المجزرة" point back; "اللغم" does too when the incident in focus was a mine."""
    if main.definite:
        return True
    first = focus.founding.main
    prefix = text[main.match.start:main.match.core_start]
    definite_form = prefix.endswith("ال") or prefix.endswith("لل") or fold(main.match.phrase).startswith("ال")
    return definite_form and first is not None and first.sub_event_type == main.sub_event_type


def _conflicts(focus: Draft, m: Mention, text: str) -> bool:
    main = m.main
    if main is not None and not _points_back(focus, main, text):
        mine, _ = _roles(text, m)
        theirs, hit = _roles(text, focus.founding)
        if mine and mine != theirs and mine in hit:
            return True  # "وردت قوات النظام بقصف ...": the side that was hit answers: another incident
        ft = focus.event_type
        if ft and main.event_type != ft and not (
                {ft, main.event_type} <= {"Battles", "Explosions/Remote violence"}):
            return True
        first = focus.founding.main
        if (first is not None and first.event_type == main.event_type
                and first.event_type in ("Explosions/Remote violence", "Violence against civilians")
                and first.sub_event_type != main.sub_event_type
                and not (first.ambiguous_strike or main.ambiguous_strike or main.weak)):
            # a landmine and an air strike, a body found and an abduction: two incidents; "صواريخ العدوان"
            # after an air raid (a weak weapon noun) only names what was fired
            return True
        here, there = _points(m.places), [p for x in focus.mentions for p in _points(x.places)]
        if here and there and not any(
                km_between(a.lat, a.lon, b.lat, b.lon) < (15 if a.precision == b.precision == 1 else 25)
                for a in here for b in there):
            return True  # "محيط دمشق" is an area: 17 km from Al Kiswah is still around Damascus
        told = {name for x in focus.mentions for _, _, name in x.unknown_places} | {p.name_ar for p in there}
        new = {name for _, _, name in m.unknown_places} - told
        if new and told and not here:
            return True  # "غارات على بلدة البارة" after a clash at Kafranbel: another place, another incident
    towns = [p for p in m.places if p.precision == 1 and not p.in_source]
    known = focus.towns()
    if towns and known and not any(km_between(a.lat, a.lon, b.lat, b.lon) < 5 for a in towns for b in known):
        return True
    admins = {p.admin1 for p in m.places if p.admin1 and not p.in_source}
    if admins and focus.admin1s() and not admins & focus.admin1s():
        return True
    dates = _explicit_dates(m)
    if dates and focus.day is not None:
        if all(abs((d.day - focus.day).days) > 2 for d in dates):
            return True
    return False


def _sufficient(m: Mention, main: Trigger) -> bool:
    if main.definite and not (m.places or m.unknown_places or _explicit_dates(m)):
        return False  # "القصف" with nothing of its own points back; "السيطرة على بلدة كفرنبودة" names its place
    if main.weak and all(t.weak or t.anaphor_only for t in m.triggers):
        firm = any(c.qualifier not in ("vague", "unspecified") for c in m.casualties)
        return bool(m.places or _explicit_dates(m) or firm)  # "تعرضت لهجوم ... ما أسفر عن مقتل عنصر"
    return bool(m.casualties or m.places or _explicit_dates(m) or m.actors)


def _historical(m: Mention, base: date | None) -> bool:
    """A clause whose only dates lie months before the article is background."""
    if base is None:
        return False
    dated = [d for d in m.dates if d.day is not None and d.kind in ("absolute", "year", "relative")]
    return bool(dated) and all((base - d.day).days > 90 for d in dated)


def _clauses(text: str, s: int, e: int, anchors: list[DateExpr]) -> list[tuple[int, int, DateExpr | None]]:
    """A sentence cut at anchors ("بعد 4 أيام على ...") and at splitters ("بالتزامن مع ...")."""
    cuts: list[tuple[int, DateExpr | None]] = [(a.start, a) for a in anchors if s <= a.start < e]
    cuts += [(m.start, None) for m in cue_matcher("clause_splitters").find(text, s, e) if m.start > s]
    out = []
    cur, cur_anchor = s, None
    for pos, anchor in sorted(cuts, key=lambda c: c[0]):
        if pos > cur:
            out.append((cur, pos, cur_anchor))
        cur, cur_anchor = pos, anchor
    out.append((cur, e, cur_anchor))
    return out


def _date_for(d: Draft, m: Mention, trigger_pos: int) -> None:
    dates = _explicit_dates(m)
    reported = not dates
    if reported:
        dates = [x for x in m.report_dates if x.day is not None]
    if dates:
        best = min(dates, key=lambda x: abs(x.start - trigger_pos))
        d.day, d.precision, d.date_expr, d.date_source = best.day, best.precision, best, "text"
        d.date_note, d.date_from_report = best.note, reported


def _same_sentence_date(d: Draft, focus: Draft | None, sentence: int) -> None:
    """"أصيب ثلاثة، الثلاثاء، بانفجار ...، كما قتل مدني ...": a clause split off keeps its sentence's day."""
    if d.date_source != "article" or focus is None or focus.date_source != "text":
        return
    if any(m.sentence == sentence for m in focus.mentions):
        d.day, d.precision, d.date_expr, d.date_source = focus.day, focus.precision, focus.date_expr, "text"
        d.date_note = focus.date_note


_HEAD = re.compile(r"^\s*([^\n]{1,40}?)\s*(?:\([^)\n]{1,30}\)\s*[-–—/:]?|\(|[-–—/:])")


def _head_end(text: str) -> int:
    """End of the place-and-agency head of a report ("بيروت (رويترز) -", "إدلب - الجزيرة نت", "دمشق-سانا")."""
    first = text.lstrip().split("\n", 1)[0]
    offset = len(text) - len(text.lstrip())
    if len(first.split()) <= 5 and "\n" in text.strip():
        return offset + len(first)
    m = _HEAD.match(text)
    return m.end() if m and len(m.group(1).split()) <= 3 else 0


_SAID_THAT = ("ان ", "انه ", "انها ", "بان ")


def _report_date(text: str, d: DateExpr, claims: list[Claim]) -> bool:
    """"أعلن المرصد السوري الجمعة أن ...": a date between a source and what it says dates the report, not
    the incident; the incident's own date comes later ("وقع الهجوم ليل الخميس") or is the article's."""
    if not text[d.end:d.end + 8].lstrip(" ,").startswith(_SAID_THAT):
        return False
    return any(c.end <= d.start and len(text[c.end:d.start].split()) <= 3
               and not any(ch in text[c.end:d.start] for ch in ".!?\n") for c in claims)


def _outside_names(triggers: list[Trigger], actors: list[Match]) -> list[Trigger]:
    """"هيئة تحرير الشام" names a group; the "تحرير" inside it is not an event."""
    return [t for t in triggers if not any(a.core_start < t.match.core_start < a.end for a in actors)]


def _dominant_admin1(places: list[PlaceMention]) -> str | None:
    """The governorate the article is about: the one its own places name most."""
    counts = Counter(p.admin1 for p in places if p.admin1 and not p.in_source)
    return counts.most_common(1)[0][0] if counts else None


def assemble(doc: Doc) -> Assembly:
    """Group an article's clauses into incident drafts."""
    text = doc.text
    art = doc.article
    dateline = find_dateline(text)
    base, published_from = art.published, art.published_from
    if base is None and dateline is not None:
        base, published_from = dateline.day, "dateline"
    head_end = max(dateline.end if dateline is not None and dateline.start < 120 else 0, _head_end(text))
    named = named_actors(text)
    actors = find_actors(text, 0, len(text), named)
    first_places = find_places(text, 0, len(text))
    context = {p.admin1 for p in first_places if p.admin1}
    resolved = find_places(text, 0, len(text), context) if has_homonyms(text) else first_places
    places = [p for p in resolved if p.start >= head_end]
    dates = [x for x in find_dates(text, base) if x.start >= head_end]
    shift = cue_matcher("topic_shift")
    history: list[Claim] = []
    claims: list[tuple[int, int, list[Claim]]] = []
    drafts: list[Draft] = []
    focus: Draft | None = None
    for si, sent in enumerate(doc.sentences):
        sent_claims = claims_in(text, sent.start, sent.end, history)
        claims.append((sent.start, sent.paragraph, sent_claims))
        if len(text[sent.start:sent.end].split()) <= _HEADING_WORDS:
            continue
        head = shift.find(text, sent.start, min(sent.end, sent.start + 25))
        if head and head[0].start - sent.start <= 2:
            focus = None
        anchors = [x for x in dates if x.kind == "anchor" and sent.start <= x.start < sent.end]
        for cs, ce, anchor in _clauses(text, sent.start, sent.end, anchors):
            clause_actors = [a for a in actors if cs <= a.start < ce]
            clause_dates = [x for x in dates if cs <= x.start < ce and x.kind != "anchor"]
            said = [x for x in clause_dates if _report_date(text, x, sent_claims)]
            m = Mention(cs, ce, si, sent.paragraph, _outside_names(find_triggers(text, cs, ce), clause_actors),
                        find_casualties(text, cs, ce, clause_actors),
                        [p for p in places if cs <= p.start < ce],
                        [x for x in clause_dates if x not in said], clause_actors, report_dates=said)
            m.unknown_places = find_unresolved(text, cs, ce, m.places)
            if _historical(m, base) or (m.casualties and cue_matcher("period_tallies").find(text, cs, ce)):
                continue  # background, or a toll over a month: no incident of its own
            main = m.main
            if anchor is not None:
                real = sorted((t for t in m.triggers if not t.anaphor_only), key=lambda t: t.start)
                if not real:
                    continue
                m.triggers = [real[0]] + [t for t in m.triggers if t is not real[0]]
                d = Draft([m], anchor=anchor, anchored_on=focus)
                ref_day = focus.day if focus is not None and focus.day else base
                if ref_day is not None:
                    d.day = ref_day - timedelta(days=anchor.days)
                    d.precision = max(anchor.precision, focus.precision if focus else 1)
                    d.date_expr, d.date_source = anchor, "anchor"
                drafts.append(d)
                if anchor.days <= 0:
                    focus = d  # "وفي اليوم التالي ...": the story goes on; "بعد يومين على ..." only looks back
                continue
            if main is None:
                if focus is not None and (m.triggers or m.casualties):
                    focus.mentions.append(m)
                continue
            if focus is not None and not _conflicts(focus, m, text):
                focus.mentions.append(m)
                if focus.date_source == "article" or (focus.date_from_report and _explicit_dates(m)):
                    _date_for(focus, m, main.start)
                continue
            if not _sufficient(m, main):
                continue
            d = Draft([m], day=base, precision=2)
            _date_for(d, m, main.start)
            _same_sentence_date(d, focus, si)
            drafts.append(d)
            focus = d
    head_places = [p for p in first_places if p.end <= head_end]
    return Assembly(doc, base, published_from, drafts, claims, _dominant_admin1(places) or _dominant_admin1(head_places),
                    dateline.time if dateline is not None else None, outlet_in(text, 0, head_end) if head_end else None)

"""A one-line English summary per record, in ACLED's notes style, from the fields."""
from __future__ import annotations

from marsad.record import EventRecord

_VERBS = {
    "Air/drone strike": "carried out an air/drone strike on",
    "Shelling/artillery/missile attack": "shelled",
    "Remote explosive/landmine/IED": "detonated an explosive device in",
    "Suicide bomb": "carried out a suicide bombing in",
    "Chemical weapon": "used chemical weapons in",
    "Armed clash": "clashed with",
    "Government regains territory": "regained territory in",
    "Non-state actor overtakes territory": "took territory in",
    "Attack": "attacked",
    "Abduction/forced disappearance": "abducted people in",
    "Arrests": "made arrests in",
    "Disrupted weapons use": "seized weapons in",
    "Agreement": "reached an agreement concerning",
    "Grenade": "threw a grenade in",
    "Peaceful protest": "demonstrated in",
    "Protest with intervention": "demonstrated and were dispersed in",
    "Excessive force against protesters": "used lethal force on a protest in",
    "Violent demonstration": "rioted in",
}


def note_for(rec: EventRecord) -> str:
    """"On 2018-11-10, Military Forces of the United States carried out an air/drone strike on Hajin ..."."""
    where = rec.location or (f"{rec.admin1} governorate" if rec.admin1 else "an unnamed place")
    if rec.country:
        where = f"{where} ({rec.country})"
    actor = rec.actor1 or "An unidentified actor"
    verb = _VERBS.get(rec.sub_event_type, f"was involved in a {rec.sub_event_type.lower()} in")
    target = ""
    if rec.actor2 and rec.sub_event_type == "Armed clash":
        target = f"{rec.actor2} in "
    elif rec.actor2:
        where = f"{where}, affecting {rec.actor2}"
    when = f"On {rec.event_date}" if rec.event_date else "On an unknown date"
    parts = [f"{when}, {actor} {verb} {target}{where}."]
    tolls = []
    for c in rec.casualties:
        count = c["min"] if c["qualifier"] not in ("unspecified",) else "some"
        hedge = {"at_least": "at least ", "more_than": "more than ", "about": "about ", "vague": "some "}.get(
            c["qualifier"], "")
        tolls.append(f"{hedge}{count} {c['group'].replace('_', ' ')} {c['outcome']}")
    if tolls:
        parts.append("; ".join(tolls).capitalize() + ".")
    if rec.weapons:
        parts.append("Weapons: " + ", ".join(rec.weapons) + ".")
    if rec.sources:
        src = rec.sources[0]
        via = f" citing {', '.join(src['via'])}" if src["via"] else ""
        parts.append(f"Source: {src['name']}{via}.")
    return " ".join(parts)

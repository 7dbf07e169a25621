"""The event record: marsad's output, one JSON object per incident.

Field names follow ../shared/spec/event-record.md (ACLED's codebook where ACLED
has the field). Every span is [start, end) into the raw article text.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

REQUIRED = ("event_id", "article_id", "event_date", "time_precision", "event_type", "sub_event_type", "actor1",
            "actor2", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
            "geo_precision", "fatalities", "casualties", "sources", "evidence")


@dataclass
class EventRecord:
    event_id: str
    article_id: str
    event_date: str | None
    time_precision: int
    event_type: str
    sub_event_type: str
    actor1: str | None
    actor2: str | None
    country: str | None
    admin1: str | None
    admin2: str | None
    admin3: str | None
    location: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int
    fatalities: int
    casualties: list[dict[str, Any]]
    sources: list[dict[str, Any]]
    evidence: dict[str, Any]
    assoc_actor_1: str | None = None
    assoc_actor_2: str | None = None
    inter1: int | None = None
    inter2: int | None = None
    location_ar: str | None = None
    weapons: list[str] = field(default_factory=list)
    hedges: list[str] = field(default_factory=list)
    notes: str = ""
    date_source: str = "article"
    date_note: str | None = None
    published: str | None = None
    published_from: str = "none"
    published_time: str | None = None
    outlet: str | None = None
    unresolved_places: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

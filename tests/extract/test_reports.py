"""Whole reports written for the project in the styles of different outlets: the incidents an analyst would code.

Each row: report file, then per incident (in text order) type / sub-type, date, actor1 -> actor2, admin1,
location (or "-"), fatalities. The reports are invented; the places, actors and phrasing are the ones
Arabic coverage of Syria uses.
"""
from __future__ import annotations

from pathlib import Path

import pytest

import marsad

REPORTS = Path(__file__).parent / "reports"
PUBLISHED = "2021-06-14"

EXPECTED = {
    "reuters_idlib.txt": [
        ("Air/drone strike", "2021-06-08", None, "Civilians (Syria)", "Idleb", "Ma‘arrat an Nu‘mān", 11),
        ("Armed clash", None, "Opposition Rebels (Syria)", "Military Forces of Syria", "Hama", "-", 7),
    ],
    "sana_suqaylabiyah.txt": [
        ("Shelling/artillery/missile attack", "2021-06-14", None, "Civilians (Syria)", "Hama", "As Suqaylibīyah", 2),
        ("Shelling/artillery/missile attack", None, "Military Forces of Syria", None, "Hama", "Al Lataminah", 0),
    ],
    "sdf_statement.txt": [
        ("Armed clash", "2021-06-10", "Islamic State (Syria)", "SDF: Syrian Democratic Forces", "Deir ez-Zor", "-", 5),
    ],
    "aljazeera_zawiya.txt": [
        ("Shelling/artillery/missile attack", "2021-06-13", "Military Forces of Syria", "Civilians (Syria)", "Idleb",
         "Jabal al Zawiya", 1),
        ("Air/drone strike", None, "Military Forces of Turkey", "SDF: Syrian Democratic Forces", "Al-Hasakeh",
         "Al Qāmishlī", 0),
    ],
    "daraa_assassination.txt": [
        ("Attack", "2021-06-14", "Unidentified Armed Group (Syria)", "Civilians (Syria)", "Dar'a", "Ţafas", 1),
        ("Remote explosive/landmine/IED", "2021-06-12", None, "Military Forces of Syria", "Dar'a", "-", 0),
    ],
    "sohr_daily.txt": [
        ("Shelling/artillery/missile attack", "2021-06-14", "Military Forces of Syria", "Civilians (Syria)", "Idleb",
         "Arīḩā", 5),
        ("Air/drone strike", None, "Military Forces of Russia", None, "Idleb", "Jabal al Zawiya", 0),
        ("Armed clash", None, "Opposition Rebels (Syria)", "Military Forces of Syria", "Idleb", "Kafranbel", 1),
    ],
    "qamishli_mixed.txt": [
        ("Peaceful protest", "2021-06-14", "Protesters (Syria)", None, "Al-Hasakeh", "Al Qāmishlī", 0),
        ("Arrests", "2021-06-07", "Asayish: Kurdish Internal Security", None, "Al-Hasakeh", "Al Ḩasakah", 0),
        ("Agreement", None, "Military Forces of Syria", "Opposition Rebels (Syria)", "Dar'a", "Dar‘ā", 0),
    ],
    "deir_landmine_drone.txt": [
        ("Remote explosive/landmine/IED", None, "Islamic State (Syria)", "Military Forces of Syria", "Deir ez-Zor",
         "Al Mayādīn", 3),
        ("Air/drone strike", None, "Military Forces of the United States", "Islamic State (Syria)", "Deir ez-Zor",
         "Dhībān", 1),
    ],
    "step_aleppo_mixed.txt": [
        ("Shelling/artillery/missile attack", "2021-06-13", "Military Forces of Syria", "Civilians (Syria)", "Aleppo",
         "Al Atārib", 2),
        ("Air/drone strike", None, "Military Forces of Russia", None, "Idleb", "Jabal al Zawiya", 0),
        ("Attack", "2021-06-14", "Unidentified Armed Group (Syria)", "Civilians (Syria)", "Deir ez-Zor", "Ash Shuhayl",
         1),
        ("Arrests", None, "Military Forces of Syria", None, "As-Sweida", "-", 0),
        ("Shelling/artillery/missile attack", "2021-06-10", "Opposition Rebels (Syria)", "Military Forces of Syria",
         "Aleppo", "-", 2),
    ],
    "northpress_tal_tamr.txt": [
        ("Shelling/artillery/missile attack", "2021-06-12", "Military Forces of Turkey", "Civilians (Syria)",
         "Al-Hasakeh", "Tall Tamr", 0),
        ("Air/drone strike", "2021-06-12", "Military Forces of Turkey", "Civilians (Syria)", "Al-Hasakeh",
         "Al Qāmishlī", 2),
        ("Armed clash", None, "SDF: Syrian Democratic Forces", "Syrian National Army", "Al-Hasakeh", "Tall Tamr", 3),
        ("Attack", "2021-06-13", "Unidentified Armed Group (Syria)", "Civilians (Syria)", "Dar'a", "Al Jīzah", 1),
    ],
    "horan_daraa.txt": [
        ("Attack", "2021-06-12", "Unidentified Armed Group (Syria)", "Civilians (Syria)", "Dar'a", "Ţafas", 1),
        ("Attack", "2021-06-13", None, "Civilians (Syria)", "Dar'a", "Ţafas", 1),
        ("Abduction/forced disappearance", "2021-06-11", None, "Civilians (Syria)", "Dar'a", "-", 0),
        ("Abduction/forced disappearance", None, "Military Forces of Syria", "Civilians (Syria)", "Dar'a", "Dar‘ā", 0),
        ("Peaceful protest", None, "Protesters (Syria)", None, "As-Sweida", "As-Suwayda", 0),
    ],
    "alquds_israeli_strike.txt": [
        ("Air/drone strike", "2021-06-14", "Military Forces of Israel", "Military Forces of Syria", "Rural Damascus",
         "Al Kiswah", 4),
        ("Armed clash", "2021-06-13", "Islamic State (Syria)", "Military Forces of Syria", "Homs", "Tadmur", 8),
    ],
    "sohr_roundup.txt": [
        ("Shelling/artillery/missile attack", "2021-06-14", "Military Forces of Syria", "Hayat Tahrir al-Sham", "Aleppo",
         "-", 3),
        ("Shelling/artillery/missile attack", None, "Military Forces of Syria", None, "Idleb", "Sarmīn", 0),
        ("Remote explosive/landmine/IED", None, None, "Civilians (Syria)", "Hama", "Al Lataminah", 0),
        ("Air/drone strike", None, "Military Forces of the United States", "Hurras al-Din", "Idleb", "Idlib", 1),
        ("Armed clash", None, None, "Military Forces of Syria", "As-Sweida", "As-Suwayda", 1),
    ],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_report(name):
    recs = marsad.extract((REPORTS / name).read_text("utf-8"), published=PUBLISHED, article_id=name)
    got = [(r.sub_event_type, r.event_date, r.actor1, r.actor2, r.admin1, r.location or "-", r.fatalities)
           for r in recs]
    want = EXPECTED[name]
    assert len(got) == len(want), got
    for g, w in zip(got, want):
        assert g[0] == w[0] and g[4:] == w[4:], (g, w)
        if w[1]:
            assert g[1] == w[1], (g, w)
        for i in (2, 3):
            if w[i] is not None:
                assert g[i] == w[i], (g, w)

"""The lexicon files themselves: they load, and no folded phrase means two different things."""
from __future__ import annotations

import pytest

from marsad.knowledge.lexicon import load_yaml
from marsad.text.normalize import fold

# (file, list key, attribute that must agree for one phrase)
CASES = [("actors", "entries", "name"), ("sources", "entries", "name"), ("triggers", "entries", "sub_event_type"),
         ("casualties", "groups", "group"), ("casualties", "outcomes", "outcome"), ("weapons", "entries", "weapon")]


@pytest.mark.parametrize("name,key,attr", CASES)
def test_no_phrase_means_two_things(name, key, attr):
    seen: dict[str, str] = {}
    clashes = []
    for entry in load_yaml(name)[key]:
        for phrase in entry["phrases"]:
            folded = fold(phrase.rstrip("*"))
            value = str(entry.get(attr))
            if folded in seen and seen[folded] != value:
                clashes.append(f"{phrase}: {seen[folded]} / {value}")
            seen.setdefault(folded, value)
    assert clashes == []


@pytest.mark.parametrize("name", ["actors", "sources", "triggers", "casualties", "weapons", "stance", "dates",
                                  "numbers", "quantifiers", "gazetteer_sy"])
def test_lexicon_loads_with_entries(name):
    data = load_yaml(name)
    assert isinstance(data, dict) and data


def test_every_trigger_has_an_acled_type_or_is_an_anaphor_or_a_non_event():
    allowed = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
               "Strategic developments"}
    for entry in load_yaml("triggers")["entries"]:
        assert entry.get("anaphor_only") or entry.get("not_event") or entry["event_type"] in allowed, entry

"""The gazetteer: one checked reader of data/actors.json, and both lookups agreeing on it."""

from __future__ import annotations

import re
from typing import Any

import pytest

from stancegraph.errors import DataError
from stancegraph.graph.actors import load_gazetteer, lookup, parse_gazetteer
from stancegraph.graph.extract.actors import gazetteer

GOOD: dict[str, Any] = {
    "id": "jane-doe",
    "name": "Jane Doe",
    "kind": "person",
    "aliases": ["J. Doe"],
    "wikidata": None,
    "affiliation": "ruritania",
    "roles": [{"role": "Foreign Minister of Ruritania", "from": "2020-01-01", "to": "2024-06-30"}],
    "descriptions": ["the Ruritanian foreign minister"],
}
STATE: dict[str, Any] = {"id": "ruritania", "name": "Ruritania", "kind": "state"}


def test_a_good_entry_parses_into_typed_roles() -> None:
    jane, _ = parse_gazetteer([GOOD, STATE])
    assert jane.roles[0].start is not None and jane.roles[0].end is not None
    assert jane.roles[0].start.isoformat() == "2020-01-01" and jane.aliases == ("J. Doe",)


BAD = [
    ({"id": "Jane Doe"}, "entry 0 (Jane Doe): id must be a lower-case slug"),
    ({"name": ""}, "(jane-doe): name must be a non-empty string"),
    ({"kind": "wizard"}, "kind must be one of"),
    ({"aliases": "J. Doe"}, "aliases must be a list of non-empty strings"),
    ({"wikidata": "7747"}, "wikidata must be null or a Wikidata id"),
    ({"affiliation": "atlantis"}, "affiliation 'atlantis' is no id"),
    ({"roles": [{"role": "Minister", "from": "2020-13-01"}]}, "not ISO dates"),
    ({"roles": [{"role": "Minister", "from": "2021-01-01", "to": "2020-01-01"}]}, "ending before it starts"),
    ({"roles": [{"from": "2021-01-01"}]}, "must be objects with a non-empty 'role'"),
]


@pytest.mark.parametrize(("change", "message"), BAD)
def test_a_malformed_entry_names_the_entry_and_the_field(change: dict[str, Any], message: str) -> None:
    with pytest.raises(DataError, match=re.escape(message)):
        parse_gazetteer([{**GOOD, **change}, STATE])


def test_duplicate_ids_and_non_lists_are_refused() -> None:
    with pytest.raises(DataError, match="used twice"):
        parse_gazetteer([GOOD, STATE, GOOD])
    with pytest.raises(DataError, match="must hold a list"):
        parse_gazetteer({"actors": [GOOD]})


def test_the_shipped_gazetteer_parses() -> None:
    assert len(load_gazetteer()) > 100


def test_every_name_and_alias_finds_the_same_entry_in_both_lookups() -> None:
    """The RDF side (whole-name keys) and the extractor (names found in running text) agree
    on every name of every entry; an alias two entries share is the only allowed exception."""
    names: dict[str, set[str]] = {}
    for actor in load_gazetteer():
        for name in (actor.name, *actor.aliases):
            names.setdefault(name, set()).add(actor.id)
    for name, ids in names.items():
        if len(ids) > 1:
            continue
        (eid,) = ids
        rdf = lookup(name)
        assert rdf is not None and rdf.id == eid, name
        found = [e for _s, _e, e in gazetteer().find(f"On Monday {name} spoke.")]
        assert found == [eid], name

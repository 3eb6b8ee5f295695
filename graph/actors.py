"""The curated actors gazetteer (data/actors.json) as a lookup and as RDF.

The gazetteer is data, not code: researchers add a person, an alias or a Wikidata id by
editing data/actors.json. Each entry::

    {"id": "vladimir-putin", "name": "Vladimir Putin", "kind": "person",
     "aliases": ["Putin", "Vladimir Vladimirovich Putin"], "wikidata": "Q7747",
     "affiliation": "russia", "roles": [{"role": "President of Russia", "from": "2012-05-07", "to": null}],
     "descriptions": ["the Kremlin leader", "the Russian president"]}

This module gives the rest of the pipeline one way to turn a name into the curated IRI
(:func:`resolve_name`) and writes the gazetteer into its own named graph
(:func:`gazetteer_quads`), so curated facts are stated once, not once per article.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib.resources import files
from typing import Any

from pyoxigraph import Literal, NamedNode, Quad

from stancegraph.errors import DataError
from stancegraph.graph import namespaces as ns

_KIND_CLASS = {
    "person": "Person",
    "organization": "Organization",
    "state": "State",
    "group": "Group",
    "anonymous": "AnonymousSource",
}


@dataclass(frozen=True)
class Role:
    """A role an actor holds from ``start`` (inclusive) until ``end`` (exclusive); open ends are None."""

    role: str
    start: date | None
    end: date | None


@dataclass(frozen=True)
class Actor:
    """One curated gazetteer entry."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    wikidata: str | None
    affiliation: str | None
    roles: tuple[Role, ...]
    descriptions: tuple[str, ...]

    @property
    def iri(self) -> str:
        return ns.actor_iri(self.id)


def actor_type(kind: str) -> str:
    """Local name of the ontology class for an actor kind (unknown kinds are plain actors)."""
    return _KIND_CLASS.get(kind, "Actor")


def fold_name(name: str) -> str:
    """Case-, accent- and punctuation-insensitive key of a whole name ("the Kremlin" == "Kremlin").

    Why not the extractor's token keys (graph/extract/actors.py): those find names inside
    running text and keep case (names are capitalised there); this one looks up a name
    that is already isolated (a speaker or target of a record), where case means nothing.
    tests/test_actors.py checks that both find the same entry for every name and alias."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[’'`\".,()\-]", " ", text)
    return " ".join(w for w in text.split() if w != "the")


@cache
def load_gazetteer() -> tuple[Actor, ...]:
    """Every curated actor, read and checked once per process from stancegraph.data/actors.json.

    The one reader of the file: the RDF side (below) and the extractor's name index
    (graph/extract/actors.py) both start from these records. A malformed entry raises
    :class:`DataError` naming the entry and the field."""
    resource = files("stancegraph.data").joinpath("actors.json")
    if not resource.is_file():
        return ()
    try:
        raw = json.loads(resource.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataError(f"data/actors.json is not valid JSON: {exc}") from exc
    return parse_gazetteer(raw)


def parse_gazetteer(raw: Any) -> tuple[Actor, ...]:
    """The parsed content of actors.json as actors; DataError on the first malformed entry."""
    if not isinstance(raw, list):
        raise DataError("data/actors.json must hold a list of actor objects")
    actors = [_actor(n, entry) for n, entry in enumerate(raw)]
    ids = [a.id for a in actors]
    for n, actor in enumerate(actors):
        if actor.id in ids[:n]:
            raise DataError(f"data/actors.json entry {n} ({actor.id}): the id is used twice")
        if actor.affiliation is not None and actor.affiliation not in ids:
            raise DataError(f"data/actors.json entry {n} ({actor.id}): affiliation {actor.affiliation!r} is no id")
    return tuple(actors)


_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_QID = re.compile(r"Q[1-9][0-9]*")


def _actor(n: int, entry: Any) -> Actor:
    """One entry of actors.json as an :class:`Actor`, or DataError saying what is wrong."""

    def fail(field: str, why: str) -> DataError:
        who = entry.get("id") if isinstance(entry, dict) else None
        return DataError(f"data/actors.json entry {n}" + (f" ({who})" if who else "") + f": {field} {why}")

    if not isinstance(entry, dict):
        raise fail("the entry", "is not an object")
    if not isinstance(entry.get("id"), str) or not _ID.fullmatch(entry["id"]):
        raise fail("id", "must be a lower-case slug like 'vladimir-putin'")
    if not isinstance(entry.get("name"), str) or not entry["name"].strip():
        raise fail("name", "must be a non-empty string")
    kind = entry.get("kind", "person")
    if kind not in _KIND_CLASS:
        raise fail("kind", f"must be one of {', '.join(_KIND_CLASS)}")
    texts = {}
    for key in ("aliases", "descriptions"):
        value = entry.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise fail(key, "must be a list of non-empty strings")
        texts[key] = tuple(value)
    wikidata = entry.get("wikidata")
    if wikidata is not None and (not isinstance(wikidata, str) or not _QID.fullmatch(wikidata)):
        raise fail("wikidata", "must be null or a Wikidata id like 'Q7747'")
    affiliation = entry.get("affiliation")
    if affiliation is not None and not isinstance(affiliation, str):
        raise fail("affiliation", "must be null or the id of another entry")
    roles = []
    for r in entry.get("roles") or []:
        if not isinstance(r, dict) or not isinstance(r.get("role"), str) or not r["role"].strip():
            raise fail("roles", "must be objects with a non-empty 'role'")
        try:
            start, end = (date.fromisoformat(r[k]) if r.get(k) else None for k in ("from", "to"))
        except (TypeError, ValueError) as exc:
            raise fail("roles", f"have 'from'/'to' that are not ISO dates ({exc})") from exc
        if start and end and end < start:
            raise fail("roles", f"have {r['role']!r} ending before it starts")
        roles.append(Role(r["role"], start, end))
    return Actor(
        id=entry["id"],
        name=entry["name"],
        kind=kind,
        aliases=texts["aliases"],
        wikidata=wikidata,
        affiliation=affiliation,
        roles=tuple(roles),
        descriptions=texts["descriptions"],
    )


@cache
def _index() -> dict[str, Actor]:
    index: dict[str, Actor] = {}
    for actor in load_gazetteer():
        for name in (actor.name, *actor.aliases):
            index.setdefault(fold_name(name), actor)
    return index


@cache
def _by_iri() -> dict[str, Actor]:
    return {actor.iri: actor for actor in load_gazetteer()}


def curated_actor(iri: str) -> Actor | None:
    """The gazetteer entry minted as ``iri``, if it is a curated actor."""
    return _by_iri().get(iri)


def lookup(name: str) -> Actor | None:
    """The curated actor with this name or alias, if any."""
    return _index().get(fold_name(name))


def resolve_name(name: str) -> str | None:
    """IRI of the curated actor with this name or alias, or None."""
    actor = lookup(name)
    return actor.iri if actor else None


def gazetteer_quads() -> list[Quad]:
    """The gazetteer as quads in its own named graph."""
    g = NamedNode(ns.GAZETTEER_GRAPH)
    a = NamedNode(ns.RDF + "type")
    by_id = {actor.id: actor for actor in load_gazetteer()}
    out: list[Quad] = []
    for actor in by_id.values():
        node = NamedNode(actor.iri)
        out.append(Quad(node, a, NamedNode(ns.SG + actor_type(actor.kind)), g))
        out.append(Quad(node, NamedNode(ns.SCHEMA + "name"), Literal(actor.name), g))
        out.append(Quad(node, NamedNode(ns.SKOS + "prefLabel"), Literal(actor.name, language="en"), g))
        for alias in actor.aliases:
            out.append(Quad(node, NamedNode(ns.SKOS + "altLabel"), Literal(alias, language="en"), g))
        for desc in actor.descriptions:
            out.append(Quad(node, NamedNode(ns.SKOS + "hiddenLabel"), Literal(desc, language="en"), g))
        if actor.wikidata:
            out.append(Quad(node, NamedNode(ns.OWL + "sameAs"), NamedNode(ns.WD + actor.wikidata), g))
        if actor.affiliation and actor.affiliation in by_id and actor.affiliation != actor.id:
            out.append(Quad(node, NamedNode(ns.SG + "affiliation"), NamedNode(by_id[actor.affiliation].iri), g))
        for n, role in enumerate(actor.roles):
            rnode = NamedNode(f"{actor.iri}/role/{n}")
            out.append(Quad(node, NamedNode(ns.SG + "holdsRole"), rnode, g))
            out.append(Quad(rnode, a, NamedNode(ns.SG + "RoleSpell"), g))
            out.append(Quad(rnode, NamedNode(ns.SCHEMA + "roleName"), Literal(role.role, language="en"), g))
            for when, prop in ((role.start, "startDate"), (role.end, "endDate")):
                if when is not None:
                    lit = Literal(when.isoformat(), datatype=NamedNode(ns.XSD + "date"))
                    out.append(Quad(rnode, NamedNode(ns.SCHEMA + prop), lit, g))
    return out

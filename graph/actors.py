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
from functools import cache
from importlib.resources import files
from typing import Any

from pyoxigraph import Literal, NamedNode, Quad

from stancegraph.graph import namespaces as ns

_KIND_CLASS = {
    "person": "Person",
    "organization": "Organization",
    "state": "State",
    "group": "Group",
    "anonymous": "AnonymousSource",
}


@dataclass(frozen=True)
class Actor:
    """One curated gazetteer entry."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    wikidata: str | None
    affiliation: str | None
    roles: tuple[dict[str, Any], ...]
    descriptions: tuple[str, ...]

    @property
    def iri(self) -> str:
        return ns.actor_iri(self.id)


def actor_type(kind: str) -> str:
    """Local name of the ontology class for an actor kind (unknown kinds are plain actors)."""
    return _KIND_CLASS.get(kind, "Actor")


def fold_name(name: str) -> str:
    """Case-, accent- and punctuation-insensitive key ("the Kremlin" == "Kremlin")."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[’'`\".,()\-]", " ", text)
    return " ".join(w for w in text.split() if w != "the")


@cache
def load_gazetteer() -> tuple[Actor, ...]:
    """Every curated actor, read once per process from stancegraph.data/actors.json."""
    resource = files("stancegraph.data").joinpath("actors.json")
    if not resource.is_file():
        return ()
    raw = json.loads(resource.read_text(encoding="utf-8"))
    actors = []
    for entry in raw:
        actors.append(
            Actor(
                id=entry["id"],
                name=entry["name"],
                kind=entry.get("kind", "person"),
                aliases=tuple(entry.get("aliases") or ()),
                wikidata=entry.get("wikidata"),
                affiliation=entry.get("affiliation"),
                roles=tuple(entry.get("roles") or ()),
                descriptions=tuple(entry.get("descriptions") or ()),
            )
        )
    return tuple(actors)


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
        if actor.wikidata and re.fullmatch(r"Q[1-9][0-9]*", actor.wikidata):
            out.append(Quad(node, NamedNode(ns.OWL + "sameAs"), NamedNode(ns.WD + actor.wikidata), g))
        if actor.affiliation and actor.affiliation in by_id and actor.affiliation != actor.id:
            out.append(Quad(node, NamedNode(ns.SG + "affiliation"), NamedNode(by_id[actor.affiliation].iri), g))
        for n, role in enumerate(actor.roles):
            if not role.get("role"):
                continue
            rnode = NamedNode(f"{actor.iri}/role/{n}")
            out.append(Quad(node, NamedNode(ns.SG + "holdsRole"), rnode, g))
            out.append(Quad(rnode, a, NamedNode(ns.SG + "RoleSpell"), g))
            out.append(Quad(rnode, NamedNode(ns.SCHEMA + "roleName"), Literal(role["role"], language="en"), g))
            for key, prop in (("from", "startDate"), ("to", "endDate")):
                if role.get(key):
                    lit = Literal(role[key], datatype=NamedNode(ns.XSD + "date"))
                    out.append(Quad(rnode, NamedNode(ns.SCHEMA + prop), lit, g))
    return out

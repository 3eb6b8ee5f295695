"""Namespaces and the IRI scheme: every IRI the project mints, in one place.

All IRIs are deterministic: they are built from the identifying fields of the thing
(a slug for curated actors and codes, a hash otherwise), never from a counter or a
blank node, so re-ingesting an article yields the same IRIs and two reports of the same
statement meet in one node.

Scheme (``BASE`` = ``https://w3id.org/stancegraph/``)::

    BASE ontology#Term                the OWL ontology (classes and properties)
    BASE id/stance/<code>             SKOS concept of a stance code
    BASE id/condition/<code>          SKOS concept of a condition code
    BASE id/scheme/stances            the stance concept scheme (and .../conditions)
    BASE id/actor/<slug>              a curated actor (gazetteer key)
    BASE id/actor/<slug>-<hash8>      an actor minted from an article
    BASE id/article/<hash16>          an article (hash of its id)
    BASE id/graph/article/<hash16>    the named graph of what that article attests
    BASE id/graph/gazetteer           curated actors;  BASE id/graph/ontology  the ontology
    BASE id/statement/<hash16>        a statement (speaker, stance, date, conditions)
    BASE id/evidence/<hash16>         an evidence span (article, start, end, statement)
    BASE id/activity/<hash16>         an extraction run over one article
    BASE id/software/stancegraph/<v>  the software agent
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from stancegraph import BASE

# patterns of the hot paths, compiled once
_NON_SLUG = re.compile(r"[^a-z0-9]+")

ONTOLOGY = BASE + "ontology#"
ONTOLOGY_IRI = BASE + "ontology"
ID = BASE + "id/"

SG = ONTOLOGY
SCHEMA = "http://schema.org/"
PROV = "http://www.w3.org/ns/prov#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCTERMS = "http://purl.org/dc/terms/"
OA = "http://www.w3.org/ns/oa#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
WD = "http://www.wikidata.org/entity/"
VOID = "http://rdfs.org/ns/void#"
SH = "http://www.w3.org/ns/shacl#"
SD = "http://www.w3.org/ns/sparql-service-description#"
FOAF = "http://xmlns.com/foaf/0.1/"

#: Prefixes offered to every query and used by every serializer.
PREFIXES: dict[str, str] = {
    "sg": SG,
    "sgid": ID,
    "schema": SCHEMA,
    "prov": PROV,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "oa": OA,
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "xsd": XSD,
    "wd": WD,
    "void": VOID,
}

STANCE_SCHEME = ID + "scheme/stances"
CONDITION_SCHEME = ID + "scheme/conditions"
GAZETTEER_GRAPH = ID + "graph/gazetteer"
ONTOLOGY_GRAPH = ID + "graph/ontology"


def digest(*parts: object, length: int = 16) -> str:
    """Stable hex digest of the identifying fields (order matters; None counts as empty)."""
    h = hashlib.sha256()
    for part in parts:
        h.update(("" if part is None else str(part)).encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()[:length]


def slugify(text: str, max_length: int = 60) -> str:
    """ASCII slug: lower case, diacritics folded, runs of other characters become '-'."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    slug = _NON_SLUG.sub("-", folded).strip("-")
    return slug[:max_length].rstrip("-") or "x"


def stance_iri(code: str) -> str:
    return f"{ID}stance/{code}"


def condition_iri(code: str) -> str:
    return f"{ID}condition/{code}"


def actor_iri(slug: str) -> str:
    return f"{ID}actor/{slug}"


def minted_actor_iri(name: str, kind: str, affiliation: str | None) -> str:
    """An actor not in the gazetteer: readable slug plus a hash of name, kind and side."""
    key = " ".join(slugify(name).split("-"))
    return f"{ID}actor/{slugify(name, 40)}-{digest(key, kind, (affiliation or '').lower(), length=8)}"


def article_iri(article_id: str) -> str:
    return f"{ID}article/{digest(article_id)}"


def article_graph_iri(article_id: str) -> str:
    return f"{ID}graph/article/{digest(article_id)}"


def statement_iri(speaker_iri: str, stance: str, date: str | None, conditions: tuple[str, ...]) -> str:
    """One statement = one speaker, one stance, one occasion (date), one set of conditions."""
    return f"{ID}statement/{digest(speaker_iri, stance, date or 'undated', ','.join(sorted(conditions)))}"


def evidence_iri(article_id: str, start: int, end: int, statement: str) -> str:
    return f"{ID}evidence/{digest(article_id, start, end, statement)}"


def activity_iri(article_id: str, content_hash: str, version: str) -> str:
    return f"{ID}activity/{digest(article_id, content_hash, version)}"


def software_iri(version: str) -> str:
    return f"{ID}software/stancegraph/{version}"

"""Linked-data exports of the whole store, serialized by the store itself.

Datasets (N-Quads, TriG) keep each article's named graph, so provenance survives the
export; triple formats (Turtle, N-Triples, RDF/XML) carry the union of the graphs.
JSON-LD is compacted with ontology/context.jsonld so that it reads as plain JSON
(``"speaker"``, ``"stance"``) for tools that do not speak RDF.
"""

from __future__ import annotations

import json
from importlib.resources import files
from typing import IO, Any

from pyoxigraph import RdfFormat

from stancegraph.errors import InputError
from stancegraph.graph.store import GraphStore

FORMATS: dict[str, RdfFormat] = {
    "ttl": RdfFormat.TURTLE,
    "turtle": RdfFormat.TURTLE,
    "nt": RdfFormat.N_TRIPLES,
    "nq": RdfFormat.N_QUADS,
    "trig": RdfFormat.TRIG,
    "rdf": RdfFormat.RDF_XML,
    "xml": RdfFormat.RDF_XML,
    "jsonld": RdfFormat.JSON_LD,
}


def json_ld_context() -> dict[str, Any]:
    """The ``@context`` object of ontology/context.jsonld."""
    data = json.loads(files("stancegraph.ontology").joinpath("context.jsonld").read_text(encoding="utf-8"))
    context: dict[str, Any] = data.get("@context", data)
    return context


def export_store(store: GraphStore, fmt: str, output: IO[bytes]) -> None:
    """Write the whole store in ``fmt`` (ttl, nt, nq, trig, rdf, jsonld) to ``output``."""
    rdf_format = FORMATS.get(fmt.lower())
    if rdf_format is None:
        raise InputError(f"unknown export format {fmt!r} (one of {', '.join(sorted(FORMATS))})")
    if rdf_format is RdfFormat.JSON_LD:
        output.write(to_json_ld(store).encode("utf-8"))
        return
    store.dump(output, rdf_format)


def to_json_ld(store: GraphStore) -> str:
    """The dataset as JSON-LD, compacted with the project's context (named graphs kept)."""
    import rdflib

    data = store.raw.dump(format=RdfFormat.N_QUADS) or b""
    dataset = rdflib.Dataset()
    dataset.parse(data=data, format="nquads")
    context = json_ld_context()
    return str(dataset.serialize(format="json-ld", context=context, auto_compact=True))

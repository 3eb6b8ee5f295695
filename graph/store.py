"""Stage 4, store: the embedded on-disk Oxigraph store, with one writer.

Why this wrapper is thin: Oxigraph does the work (parsing, bulk loading, SPARQL,
serialization). What it adds is the project's rules around it:

- one writer: the store directory is opened for writing by one process (RocksDB's lock;
  a second opener gets :class:`~stancegraph.errors.StoreLockedError` with the reason), and
  writes inside that process go through one lock;
- bulk loads (``bulk_extend``): a transactional ``load`` is about twice as slow and leaves
  a larger store; statements are never written by per-statement SPARQL UPDATE;
- re-ingesting an article replaces its named graph, so ingesting twice changes nothing;
- a failure while building quads happens before anything is removed, so bad input never
  costs what is already stored.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from importlib.resources import files
from pathlib import Path
from typing import IO, Any

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, QueryTriples, RdfFormat, Store, Variable, parse

from stancegraph.errors import StoreError, StoreLockedError
from stancegraph.graph import namespaces as ns
from stancegraph.graph.actors import gazetteer_quads

ONTOLOGY_FILES = ("stancegraph.ttl", "stances.ttl", "conditions.ttl")


def ontology_quads() -> list[Quad]:
    """The ontology and the stance/condition schemes, in the ontology named graph."""
    g = NamedNode(ns.ONTOLOGY_GRAPH)
    out: list[Quad] = []
    package = files("stancegraph.ontology")
    for name in ONTOLOGY_FILES:
        resource = package.joinpath(name)
        if not resource.is_file():
            continue
        for triple in parse(resource.read_bytes(), format=RdfFormat.TURTLE, base_iri=ns.ONTOLOGY_IRI):
            out.append(Quad(triple.subject, triple.predicate, triple.object, g))
    return out


class GraphStore:
    """The project's Oxigraph store (on disk, or in memory when ``path`` is None)."""

    def __init__(self, path: Path | str | None, *, read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else None
        self.read_only = read_only
        self.version = 0
        """Bumped after every write, so caches of query results know when they are stale."""
        self._write_lock = threading.Lock()
        try:
            if self.path is None:
                self._store = Store()
            elif read_only:
                if not self.path.exists():
                    raise StoreError(f"{self.path}: no store here (run `stancegraph ingest` first)")
                self._store = Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self._store = Store(str(self.path))
        except OSError as exc:
            text = str(exc)
            if "lock" in text.lower():
                raise StoreLockedError(
                    f"{self.path}: the store is open for writing in another process "
                    "(a running `stancegraph serve`?); stop it or use another --store"
                ) from exc
            raise StoreError(f"{self.path}: cannot open the store ({text})") from exc

    @property
    def raw(self) -> Store:
        """The pyoxigraph Store, for queries and serialization."""
        return self._store

    def __len__(self) -> int:
        return len(self._store)

    # -- writing -------------------------------------------------------------------

    @contextmanager
    def writing(self) -> Iterator[Store]:
        """Exclusive write access to the raw store (one writer at a time), flushed after."""
        self._check_writable()
        with self._write_lock:
            try:
                yield self._store
                self._store.flush()
            finally:
                self.version += 1

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError("the store is open read-only")

    def replace_graphs(self, graphs: dict[str, list[Quad]]) -> None:
        """Replace each named graph by the given quads (bulk loaded), one writer at a time."""
        with self.writing() as raw:
            for iri, quads in graphs.items():
                node = NamedNode(iri)
                if raw.contains_named_graph(node):
                    raw.remove_graph(node)
                if quads:
                    raw.bulk_extend(quads)

    def remove_graph(self, iri: str) -> bool:
        """Drop one named graph; True when it existed."""
        with self.writing() as raw:
            node = NamedNode(iri)
            if not raw.contains_named_graph(node):
                return False
            raw.remove_graph(node)
            return True

    def load_reference_data(self) -> None:
        """(Re)load the ontology and the gazetteer into their named graphs."""
        self.replace_graphs({ns.ONTOLOGY_GRAPH: ontology_quads(), ns.GAZETTEER_GRAPH: gazetteer_quads()})

    def load_rdf(self, data: bytes | IO[bytes], fmt: RdfFormat, graph: str | None = None) -> int:
        """Bulk-load RDF into a named graph (or, for datasets, as given); returns quads added."""
        before = len(self._store)
        with self.writing() as raw:
            kwargs: dict[str, Any] = {"format": fmt}
            if graph is not None and not fmt.supports_datasets:
                kwargs["to_graph"] = NamedNode(graph)
            raw.bulk_load(data, **kwargs)
        return len(self._store) - before

    # -- reading -------------------------------------------------------------------

    def stored_hash(self, article_id: str) -> str | None:
        """Content hash of the article as last ingested, or None when it is not stored."""
        g = NamedNode(ns.article_graph_iri(article_id))
        if not self._store.contains_named_graph(g):
            return None
        subject = NamedNode(ns.article_iri(article_id))
        for quad in self._store.quads_for_pattern(subject, NamedNode(ns.SG + "contentHash"), None, g):
            if isinstance(quad.object, Literal):
                return quad.object.value
        return None

    def stored_extractor_version(self, article_id: str) -> str | None:
        g = NamedNode(ns.article_graph_iri(article_id))
        for quad in self._store.quads_for_pattern(None, NamedNode(ns.SG + "extractorVersion"), None, g):
            if isinstance(quad.object, Literal):
                return quad.object.value
        return None

    def query(self, sparql: str, **kwargs: Any) -> Any:
        """Run a SPARQL query (prefixes of :data:`namespaces.PREFIXES` are predeclared)."""
        kwargs.setdefault("prefixes", ns.PREFIXES)
        return self._store.query(sparql, **kwargs)

    def select(self, sparql: str, bindings: dict[str, Any] | None = None, **kwargs: Any) -> list[dict[str, Any]]:
        """SELECT rows as dicts of Python values; ``bindings`` go in as substitutions."""
        subs = {Variable(k): v for k, v in (bindings or {}).items()}
        kwargs.setdefault("use_default_graph_as_union", True)
        result = self.query(sparql, substitutions=subs or None, **kwargs)
        names = [v.value for v in result.variables]
        rows = []
        for sol in result:
            rows.append({n: _py(sol[n]) for n in names})
        return rows

    def dump(self, output: IO[bytes] | Path | str, fmt: RdfFormat, *, graph: str | None = None) -> None:
        """Serialize the whole store (datasets) or one graph / the union (triple formats)."""
        kwargs: dict[str, Any] = {"format": fmt, "prefixes": ns.PREFIXES}
        if not fmt.supports_datasets:
            if graph is None:
                # triple formats: the union of every graph, through a CONSTRUCT
                triples = self._store.query(
                    "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True
                )
                assert isinstance(triples, QueryTriples)
                kwargs.pop("prefixes")
                data = triples.serialize(format=fmt)
                if isinstance(output, (str, Path)):
                    Path(output).write_bytes(data or b"")
                else:
                    output.write(data or b"")
                return
            kwargs["from_graph"] = NamedNode(graph)
        if isinstance(output, Path):
            output = str(output)
        self._store.dump(output, **kwargs)

    def named_graphs(self) -> Iterator[str]:
        for g in self._store.named_graphs():
            yield g.value

    def quads(self, graph: str | None = None) -> Iterable[Quad]:
        g = NamedNode(graph) if graph else None
        return self._store.quads_for_pattern(None, None, None, g)

    def default_graph_size(self) -> int:
        return sum(1 for _ in self._store.quads_for_pattern(None, None, None, DefaultGraph()))

    def flush(self) -> None:
        if not self.read_only:
            self._store.flush()


def _py(term: Any) -> Any:
    """A term as a plain Python value (IRIs and literals as strings, typed numbers as numbers)."""
    if term is None:
        return None
    if isinstance(term, Literal):
        dt = term.datatype.value if term.datatype else ""
        if dt.endswith(("#integer", "#nonNegativeInteger", "#int", "#long")):
            try:
                return int(term.value)
            except ValueError:
                return term.value
        if dt.endswith(("#decimal", "#double", "#float")):
            try:
                return float(term.value)
            except ValueError:
                return term.value
        return term.value
    return term.value

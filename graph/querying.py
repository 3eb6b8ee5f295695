"""The researchers' queries (queries/*.rq): catalogue, parameters, rendering.

Each query file starts with a header of ``#`` comment lines::

    # title: All statements by an actor over time
    # description: Every statement of one speaker, oldest first, with stance and conditions.
    # param: actor: IRI of the speaker, e.g. sgid:actor/vladimir-putin

Parameters are SPARQL variables bound by pyoxigraph ``substitutions`` (never pasted into
the query text), so a value can never change the query's structure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

from pyoxigraph import Literal, NamedNode, QueryBoolean, QueryResultsFormat, QuerySolutions, RdfFormat, Variable

from stancegraph.errors import InputError, NotFoundError, QueryError
from stancegraph.graph import namespaces as ns
from stancegraph.graph.store import GraphStore

_HEADER = re.compile(r"^#\s*(title|description|param)\s*:\s*(.*)$", re.IGNORECASE)
_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


@dataclass(frozen=True)
class NamedQuery:
    """One query of queries/: its name (file stem), header fields and text."""

    name: str
    title: str
    description: str
    parameters: tuple[str, ...]
    parameter_help: dict[str, str]
    text: str


def parse_header(name: str, text: str) -> NamedQuery:
    title, description, params, helps = name, "", [], {}
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        m = _HEADER.match(line)
        if not m:
            continue
        key, value = m.group(1).lower(), m.group(2).strip()
        if key == "title":
            title = value
        elif key == "description":
            description = (description + " " + value).strip()
        else:
            pname, _, phelp = value.partition(":")
            params.append(pname.strip())
            helps[pname.strip()] = phelp.strip()
    return NamedQuery(name, title, description, tuple(params), helps, text)


def catalog() -> list[NamedQuery]:
    """Every query shipped in queries/, by name."""
    package = files("stancegraph.queries")
    out = []
    for entry in sorted(package.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            out.append(parse_header(entry.name[:-3], entry.read_text(encoding="utf-8")))
    return out


def named_query(name: str) -> NamedQuery:
    if not _NAME.match(name):
        raise NotFoundError(f"no query named {name!r}")
    resource = files("stancegraph.queries").joinpath(f"{name}.rq")
    if not resource.is_file():
        raise NotFoundError(f"no query named {name!r} (see `stancegraph queries`)")
    return parse_header(name, resource.read_text(encoding="utf-8"))


def load_query(name_or_path: str) -> str:
    """Text of a query given as a .rq path or as the name of a shipped query."""
    path = Path(name_or_path)
    if path.suffix == ".rq" or path.exists():
        try:
            return path.read_text(encoding="utf-8")
        except OSError as exc:
            raise InputError(f"{path}: cannot read the query ({exc.strerror})") from exc
    return named_query(name_or_path).text


def term_for(value: str) -> NamedNode | Literal:
    """A parameter value as an RDF term: IRIs (absolute, <...> or prefixed) or literals."""
    v = value.strip()
    if v.startswith("<") and v.endswith(">"):
        v = v[1:-1]
    if re.match(r"^https?://\S+$", v):
        return NamedNode(v)
    prefix, sep, local = v.partition(":")
    if sep and prefix in ns.PREFIXES and re.match(r"^[\w./#-]*$", local):
        return NamedNode(ns.PREFIXES[prefix] + local)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
        return Literal(v, datatype=NamedNode(ns.XSD + "date"))
    if re.fullmatch(r"-?\d+", v):
        return Literal(v, datatype=NamedNode(ns.XSD + "integer"))
    return Literal(v)


def parse_params(pairs: list[str]) -> dict[str, NamedNode | Literal]:
    out: dict[str, NamedNode | Literal] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not re.fullmatch(r"[A-Za-z_]\w*", name.strip()):
            raise InputError(f"--param {pair!r}: expected NAME=VALUE")
        out[name.strip()] = term_for(value)
    return out


def run_query(store: GraphStore, text: str, params: dict[str, Any] | None = None) -> Any:
    """Run a query over the union of the graphs, with parameters as substitutions."""
    subs = {Variable(k): v for k, v in (params or {}).items()}
    try:
        return store.query(text, substitutions=subs or None, use_default_graph_as_union=True)
    except SyntaxError as exc:
        raise QueryError(f"the query does not parse: {exc}") from exc


_RESULT_FORMATS = {
    "csv": QueryResultsFormat.CSV,
    "tsv": QueryResultsFormat.TSV,
    "json": QueryResultsFormat.JSON,
    "xml": QueryResultsFormat.XML,
}


def render(store: GraphStore, text: str, fmt: str, params: dict[str, Any] | None = None) -> str:
    """Results as text: a table, or the standard CSV/TSV/JSON/XML (Turtle for graphs)."""
    result = run_query(store, text, params)
    if isinstance(result, QueryBoolean):
        if fmt == "table":
            return f"{bool(result)}\n"
        return (result.serialize(format=_RESULT_FORMATS.get(fmt, QueryResultsFormat.JSON)) or b"").decode()
    if not isinstance(result, QuerySolutions):
        return (result.serialize(format=RdfFormat.TURTLE) or b"").decode()
    if fmt in _RESULT_FORMATS:
        return (result.serialize(format=_RESULT_FORMATS[fmt]) or b"").decode()
    if fmt != "table":
        raise InputError(f"unknown format {fmt!r} (table, csv, tsv, json, xml)")
    names = [v.value for v in result.variables]
    rows = [[_short(sol[n]) for n in names] for sol in result]
    widths = [max([len(n)] + [len(r[i]) for r in rows]) for i, n in enumerate(names)]
    lines = ["  ".join(n.ljust(w) for n, w in zip(names, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    lines.append(f"({len(rows)} rows)")
    return "\n".join(lines) + "\n"


def _short(term: Any) -> str:
    if term is None:
        return ""
    value = str(term.value)
    for prefix, iri in ns.PREFIXES.items():
        if isinstance(term, NamedNode) and value.startswith(iri):
            return f"{prefix}:{value[len(iri) :]}"
    return value


def store_stats(store: GraphStore) -> dict[str, Any]:
    """Counts for ``stancegraph stats`` and the home page, computed by SPARQL (stances and
    conditions by the shipped queries of the same names)."""
    counts = {}
    for label, cls in (
        ("articles", "sg:Article"),
        ("statements", "sg:Statement"),
        ("evidence spans", "sg:EvidenceSpan"),
        ("extraction runs", "sg:ExtractionRun"),
    ):
        rows = store.select(f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ ?x a {cls} }}")
        counts[label] = rows[0]["n"] if rows else 0
    rows = store.select("SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?s sg:speaker ?a }")
    counts["speakers"] = rows[0]["n"] if rows else 0
    rows = store.select("SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?s sg:condition ?c }")
    counts["conditions in use"] = rows[0]["n"] if rows else 0
    counts["quads"] = len(store)
    # the speakers with most statements, named after they are counted (every article that
    # quotes a speaker restates its name, so names are read once per speaker)
    actors = store.select(
        """SELECT ?name ?n WHERE {
             { SELECT ?a (COUNT(DISTINCT ?s) AS ?n) WHERE {
                 { SELECT DISTINCT ?s ?a WHERE { ?s sg:speaker ?a } }
                 { SELECT DISTINCT ?s WHERE { ?s a sg:Statement } } }
               GROUP BY ?a }
             OPTIONAL { SELECT ?a (SAMPLE(?c) AS ?curated) WHERE {
                 GRAPH <https://w3id.org/stancegraph/id/graph/gazetteer> { ?a schema:name ?c } } GROUP BY ?a }
             OPTIONAL { SELECT ?a (SAMPLE(?s) AS ?seen) WHERE {
                 { SELECT DISTINCT ?a ?s WHERE { ?a schema:name ?s } } } GROUP BY ?a }
             BIND(COALESCE(?curated, ?seen, STR(?a)) AS ?name) }
           ORDER BY DESC(?n) ?name LIMIT 25"""
    )
    stances = store.select(named_query("stances").text)
    conditions = store.select(named_query("conditions").text)
    return {
        "counts": counts,
        "actors": [(r["name"], r["n"]) for r in actors],
        "conditions": [(r["code"], r["statements"]) for r in conditions if r["statements"]],
        "stances": [(r["code"], r["statements"]) for r in stances if r["statements"]],
    }

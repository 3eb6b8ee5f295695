"""The ontology documents exactly what the pipeline emits, and publishes the vocabulary's codes.

Nothing here is a hand-kept list of terms: the terms the mapping uses are computed by
running graph/rdf.py and graph/actors.py on hand-made records, and the stance and
condition codes are read from ../shared/spec/vocabulary.md at test time.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime
from importlib.resources import files
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import OWL, RDF, RDFS, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic

from stancegraph.graph import namespaces as ns
from stancegraph.graph.actors import gazetteer_quads
from stancegraph.graph.rdf import Provenance, article_quads
from stancegraph.graph.records import Article, Evidence, Speaker, Statement
from stancegraph.graph.store import GraphStore, ontology_quads
from stancegraph.graph.validate import _term

SG = Namespace(ns.SG)
SCHEMA = Namespace(ns.SCHEMA)
PROV = Namespace(ns.PROV)
SKOS = Namespace(ns.SKOS)
OA = Namespace(ns.OA)
FOAF = Namespace(ns.FOAF)
DCTERMS = Namespace(ns.DCTERMS)
VANN = Namespace("http://purl.org/vocab/vann/")
ONTOLOGY = URIRef(ns.ONTOLOGY_IRI)
VOCABULARY = Path(__file__).resolve().parents[1] / ".." / "shared" / "spec" / "vocabulary.md"
BUILTIN = (ns.RDF, ns.RDFS, ns.OWL)
PROPERTY_KINDS = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDF.Property)


def _resource(name: str) -> bytes:
    return files("stancegraph.ontology").joinpath(name).read_bytes()


def _graph(*quad_lists: list[ox.Quad]) -> Graph:
    graph = Graph()
    for quads in quad_lists:
        for q in quads:
            graph.add((_term(q.subject), _term(q.predicate), _term(q.object)))
    return graph


@pytest.fixture(scope="module")
def ontology() -> Graph:
    graph = Graph()
    graph.parse(data=_resource("stancegraph.ttl"), format="turtle")
    return graph


@pytest.fixture(scope="module")
def schemes() -> Graph:
    """The ontology graph as the store loads it: ontology + stances + conditions."""
    return _graph(ontology_quads())


def sample_quads() -> list[ox.Quad]:
    """Two articles with statements that exercise every branch of the mapping."""
    text = (
        "Vladimir Putin said on Sunday that Russia was ready to negotiate. "
        "Kyiv residents said talks would only be possible once Russia withdraws. "
        "A senior official, speaking on condition of anonymity, urged Ukraine to talk."
    )
    first = Article(
        id="ontology-test-1",
        text=text,
        title="Putin says ready to talk",
        url="https://example.org/news/1",
        publisher="Example Wire",
        published=date(2022, 12, 26),
    )
    second = Article(id="ontology-test-2", text=text, publisher="Example Post", published=date(2022, 12, 27))
    prov = Provenance("test-1", datetime(2022, 12, 27, tzinfo=UTC), datetime(2022, 12, 27, 0, 1, tzinfo=UTC))
    putin = Statement(
        source=first.id,
        speaker=Speaker("Vladimir Putin", "person", wikidata="Q7747", affiliation="Russia", role="President"),
        stance="ready",
        evidence=Evidence(text[0:65], 0, 65),
        extra_evidence=(Evidence(text[15:30], 15, 30),),
        date="2022-12-25",
        target="Ukraine",
        confidence=0.9,
    )
    residents = Statement(
        source=first.id,
        speaker=Speaker("Kyiv residents", "group", affiliation="Ukraine", description="residents of the capital"),
        stance="conditional",
        evidence=Evidence(text[66:138], 66, 138),
        conditions=("russian-withdrawal", "borders-1991"),
        offers=("neutrality",),
        date="2022-12",
        confidence=0.6,
    )
    anonymous = Statement(
        source=first.id,
        speaker=Speaker("a senior official", "anonymous", affiliation="Freedonia"),
        stance="urges",
        evidence=Evidence(text[139:], 139, len(text)),
        target="Sylvania",
    )
    others = (
        Statement(
            source=first.id,
            speaker=Speaker("Example Institute", "organization"),
            stance="mediates",
            evidence=Evidence(text[0:10], 0, 10),
        ),
        Statement(
            source=first.id, speaker=Speaker("Someone", "unknown-kind"), stance="accuses", evidence=Evidence("V", 0, 1)
        ),
    )
    return [
        *article_quads(first, [putin, residents, anonymous, *others], prov),
        *article_quads(second, [putin], prov, near_duplicate_of=first.id),
    ]


# -- parsing -------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["stancegraph.ttl", "shapes.ttl"])
def test_turtle_parses_with_rdflib_and_pyoxigraph(name: str) -> None:
    data = _resource(name)
    graph = Graph()
    graph.parse(data=data, format="turtle")
    triples = list(ox.parse(data, format=ox.RdfFormat.TURTLE, base_iri=ns.ONTOLOGY_IRI))
    assert len(graph) > 50
    assert len(triples) == len(graph)


def test_ontology_header(ontology: Graph) -> None:
    assert (ONTOLOGY, RDF.type, OWL.Ontology) in ontology
    for prop in (DCTERMS.title, DCTERMS.description, DCTERMS.license):
        assert ontology.value(ONTOLOGY, prop) is not None, prop
    assert ontology.value(ONTOLOGY, OWL.versionInfo) == Literal("0.1.0")
    assert ontology.value(ONTOLOGY, VANN.preferredNamespacePrefix) == Literal("sg")
    assert str(ontology.value(ONTOLOGY, VANN.preferredNamespaceUri)) == ns.SG


@pytest.mark.parametrize("name", ["stancegraph.ttl", "shapes.ttl", "context.jsonld"])
def test_schema_org_is_the_http_namespace(name: str) -> None:
    assert b"https://schema.org" not in _resource(name)


# -- the mapping and the ontology agree ------------------------------------------------


def test_every_predicate_the_mapping_emits_is_declared(ontology: Graph) -> None:
    emitted = _graph(sample_quads(), gazetteer_quads())
    predicates = {p for p in emitted.predicates() if not str(p).startswith(BUILTIN)}
    assert SG.speaker in predicates and SG.holdsRole in predicates and SCHEMA.roleName in predicates
    undeclared = sorted(
        str(p) for p in predicates if not any((p, RDF.type, kind) in ontology for kind in PROPERTY_KINDS)
    )
    assert not undeclared, f"properties emitted by rdf.py/actors.py but not declared: {undeclared}"


def test_every_class_the_mapping_emits_is_declared(ontology: Graph) -> None:
    emitted = _graph(sample_quads(), gazetteer_quads())
    classes = set(emitted.objects(None, RDF.type))
    for expected in ("Statement", "Article", "EvidenceSpan", "ExtractionRun", "RoleSpell", "Person", "Group"):
        assert SG[expected] in classes
    undeclared = sorted(str(c) for c in classes if (c, RDF.type, OWL.Class) not in ontology)
    assert not undeclared, f"classes emitted by rdf.py/actors.py but not declared: {undeclared}"


def test_sg_terms_are_documented(ontology: Graph) -> None:
    """Every sg: class and property has a label and a comment; properties a domain and a range."""
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    terms = {s for kind in kinds for s in ontology.subjects(RDF.type, kind) if str(s).startswith(ns.SG)}
    assert len(terms) >= 30
    for term in terms:
        assert ontology.value(term, RDFS.label) is not None, f"{term} has no rdfs:label"
        comment = ontology.value(term, RDFS.comment)
        assert comment is not None and len(str(comment)) > 40, f"{term} has no useful rdfs:comment"
        assert (term, RDFS.isDefinedBy, ONTOLOGY) in ontology
        if (term, RDF.type, OWL.Class) not in ontology:
            assert ontology.value(term, RDFS.domain) is not None, f"{term} has no rdfs:domain"
            assert ontology.value(term, RDFS.range) is not None, f"{term} has no rdfs:range"


@pytest.mark.parametrize(
    ("sub", "relation", "sup"),
    [
        (SG.Statement, RDFS.subClassOf, SCHEMA.Claim),
        (SG.Statement, RDFS.subClassOf, PROV.Entity),
        (SG.Article, RDFS.subClassOf, SCHEMA.NewsArticle),
        (SG.Person, RDFS.subClassOf, SCHEMA.Person),
        (SG.Person, RDFS.subClassOf, FOAF.Person),
        (SG.Organization, RDFS.subClassOf, SCHEMA.Organization),
        (SG.RoleSpell, RDFS.subClassOf, SCHEMA.Role),
        (SG.Actor, RDFS.subClassOf, PROV.Agent),
        (SG.ExtractionRun, RDFS.subClassOf, PROV.Activity),
        (SG.EvidenceSpan, RDFS.subClassOf, OA.TextPositionSelector),
        (SG.EvidenceSpan, SKOS.closeMatch, SCHEMA.Quotation),
        (SG.speaker, RDFS.subPropertyOf, PROV.wasAttributedTo),
        (SG.reportedIn, RDFS.subPropertyOf, PROV.wasDerivedFrom),
        (SG.evidence, OWL.inverseOf, SG.evidenceOf),
        (SG.stance, RDFS.range, SG.Stance),
        (SG.Stance, RDFS.subClassOf, SKOS.Concept),
        (SG.Condition, RDFS.subClassOf, SKOS.Concept),
    ],
)
def test_alignments(ontology: Graph, sub: URIRef, relation: URIRef, sup: URIRef) -> None:
    assert (sub, relation, sup) in ontology


@pytest.mark.parametrize(
    "prop", ["speaker", "stance", "dateSaid", "evidenceOf", "inArticle", "confidence", "method", "contentHash"]
)
def test_single_valued_properties_are_functional(ontology: Graph, prop: str) -> None:
    assert (SG[prop], RDF.type, OWL.FunctionalProperty) in ontology


def test_datatypes_match_the_mapping(ontology: Graph) -> None:
    """The range of each sg: datatype property admits the datatype rdf.py writes."""
    emitted = _graph(sample_quads())
    seen: dict[URIRef, set[URIRef]] = {}
    for _s, p, o in emitted:
        if isinstance(o, Literal) and str(p).startswith(ns.SG):
            seen.setdefault(p, set()).add(o.datatype or URIRef(ns.XSD + "string"))  # type: ignore[arg-type]
    for prop, datatypes in seen.items():
        rng = ontology.value(prop, RDFS.range)
        assert rng is not None, prop
        if isinstance(rng, URIRef):
            allowed = {rng}
        elif ontology.value(rng, OWL.onDatatype) is not None:
            allowed = {ontology.value(rng, OWL.onDatatype)}  # type: ignore[arg-type]
        else:
            allowed = set(ontology.items(ontology.value(rng, OWL.unionOf)))  # type: ignore[arg-type]
        assert datatypes <= allowed, f"{prop}: rdf.py writes {datatypes}, the ontology allows {allowed}"
    assert seen[SG.dateSaid] == {URIRef(ns.XSD + "date"), URIRef(ns.XSD + "gYearMonth")}


# -- the vocabulary's codes are SKOS concepts --------------------------------------------


def _codes(section: str) -> list[tuple[str, str]]:
    """(code, definition) rows of the table under ``## <section>`` in vocabulary.md."""
    text = VOCABULARY.read_text(encoding="utf-8")
    match = re.search(rf"^## {section}\s*$(.*?)(?=^## |\Z)", text, flags=re.M | re.S)
    assert match, f"no '## {section}' section in {VOCABULARY}"
    rows = re.findall(r"^\|\s*`([a-z0-9-]+)`\s*\|\s*([^|]+?)\s*\|", match.group(1), flags=re.M)
    assert rows, f"no code table under '## {section}'"
    return rows


STANCE_CODES = [code for code, _ in _codes("Stances")] if VOCABULARY.is_file() else []
CONDITION_CODES = [code for code, _ in _codes("Conditions")] if VOCABULARY.is_file() else []


def test_vocabulary_tables_were_read() -> None:
    assert VOCABULARY.is_file(), f"{VOCABULARY} is missing"
    assert {"ready", "conditional", "refuses", "urges", "accuses", "mediates"} <= set(STANCE_CODES)
    assert len(CONDITION_CODES) >= 20 and "russian-withdrawal" in CONDITION_CODES


def _check_concept(schemes: Graph, iri: str, scheme: str) -> None:
    concept = URIRef(iri)
    assert (concept, RDF.type, SKOS.Concept) in schemes, f"{iri} is not a skos:Concept"
    assert (concept, SKOS.inScheme, URIRef(scheme)) in schemes, f"{iri} is not in {scheme}"
    assert (URIRef(scheme), RDF.type, SKOS.ConceptScheme) in schemes
    assert schemes.value(concept, SKOS.prefLabel) is not None, f"{iri} has no skos:prefLabel"
    assert schemes.value(concept, SKOS.definition) is not None, f"{iri} has no skos:definition"


@pytest.mark.parametrize("code", STANCE_CODES)
def test_stance_code_is_a_concept(schemes: Graph, code: str) -> None:
    _check_concept(schemes, ns.stance_iri(code), ns.STANCE_SCHEME)


@pytest.mark.parametrize("code", CONDITION_CODES)
def test_condition_code_is_a_concept(schemes: Graph, code: str) -> None:
    _check_concept(schemes, ns.condition_iri(code), ns.CONDITION_SCHEME)


# -- the JSON-LD context -------------------------------------------------------------------


@pytest.fixture(scope="module")
def context() -> dict[str, object]:
    data = json.loads(_resource("context.jsonld"))
    assert set(data) == {"@context"}
    ctx: dict[str, object] = data["@context"]
    return ctx


def _expand(context: dict[str, object], value: str) -> str:
    prefix, _, local = value.partition(":")
    base = context.get(prefix)
    return base + local if isinstance(base, str) and local else value


def test_context_prefixes_are_the_projects(context: dict[str, object]) -> None:
    assert context["@version"] == 1.1
    for prefix, iri in ns.PREFIXES.items():
        assert context[prefix] == iri, prefix


def test_context_terms_name_declared_terms(context: dict[str, object], ontology: Graph) -> None:
    """Every term maps to a declared class or property; every sg: term has a name in the context."""
    mapped = set()
    for term, definition in context.items():
        if term.startswith("@") or term in ns.PREFIXES or term == "foaf":
            continue
        iri = definition["@id"] if isinstance(definition, dict) else definition
        assert isinstance(iri, str)
        full = URIRef(_expand(context, iri))
        mapped.add(full)
        if str(full).startswith(BUILTIN):
            continue
        assert any((full, RDF.type, kind) in ontology for kind in (OWL.Class, *PROPERTY_KINDS)), (term, full)
        if isinstance(definition, dict) and definition.get("@type") == "@id":
            assert (full, RDF.type, OWL.DatatypeProperty) not in ontology, f"{term} is an IRI-valued datatype?"
    sg_terms = {
        s
        for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
        for s in ontology.subjects(RDF.type, kind)
        if str(s).startswith(ns.SG)
    }
    assert not sorted(str(t) for t in sg_terms - mapped), "sg: terms without a JSON-LD term"


def _as_stored(quads: list[ox.Quad]) -> list[ox.Quad]:
    """The quads as Oxigraph gives them back (canonical literals: offsets become xsd:integer)."""
    store = ox.Store()
    store.extend(quads)
    return list(store)


def test_context_compacts_and_expands(context: dict[str, object]) -> None:
    """rdflib compacts stored data with the context into plain JSON, and reads it back unchanged."""
    graph = _graph(_as_stored(sample_quads()))
    text = graph.serialize(format="json-ld", context=context, auto_compact=True)
    doc = json.loads(text)
    statements = [n for n in doc["@graph"] if "Statement" in n.get("@type", [])]
    assert statements
    ready = next(n for n in statements if n["stance"].endswith("/stance/ready"))
    assert ready["speaker"].startswith(ns.ID + "actor/")
    assert ready["dateSaid"] == "2022-12-25"
    assert isinstance(ready["evidence"], list) and isinstance(ready["reportedIn"], list)
    conditional = next(n for n in statements if n["stance"].endswith("/stance/conditional"))
    assert sorted(conditional["conditions"]) == sorted(
        ns.condition_iri(c) for c in ("borders-1991", "russian-withdrawal")
    )
    spans = [n for n in doc["@graph"] if "EvidenceSpan" in n.get("@type", [])]
    assert {"start", "end", "exact", "confidence", "inArticle"} <= set(spans[0])
    assert all(isinstance(span["start"], int) and span["start"] < span["end"] for span in spans)
    back = Graph()
    back.parse(data=text, format="json-ld")
    assert isomorphic(graph, back)


def test_context_round_trips_the_mappings_output(context: dict[str, object]) -> None:
    """Literals the context has no term for (xsd:nonNegativeInteger, xsd:gYearMonth) survive too."""
    graph = _graph(sample_quads())
    back = Graph()
    back.parse(data=graph.serialize(format="json-ld", context=context, auto_compact=True), format="json-ld")
    assert isomorphic(graph, back)


def test_context_reads_plain_json(context: dict[str, object]) -> None:
    """A plain JSON record written against the context expands to the ontology's terms."""
    doc = {
        "@context": context,
        "@id": "sgid:statement/example",
        "@type": "Statement",
        "speaker": "sgid:actor/vladimir-putin",
        "stance": "sgid:stance/conditional",
        "conditions": ["sgid:condition/neutrality", "sgid:condition/ceasefire"],
        "dateSaid": "2022-12-25",
        "label": "Putin: conditional",
        "evidence": [{"@id": "sgid:evidence/example", "@type": "EvidenceSpan", "start": 3, "end": 9, "exact": "ready"}],
    }
    graph = Graph()
    graph.parse(data=json.dumps(doc), format="json-ld")
    st = URIRef(ns.ID + "statement/example")
    span = URIRef(ns.ID + "evidence/example")
    assert (st, RDF.type, SG.Statement) in graph
    assert (st, SG.speaker, URIRef(ns.actor_iri("vladimir-putin"))) in graph
    assert len(set(graph.objects(st, SG.condition))) == 2
    assert (st, SG.dateSaid, Literal("2022-12-25", datatype=URIRef(ns.XSD + "date"))) in graph
    assert (st, RDFS.label, Literal("Putin: conditional", lang="en")) in graph
    assert (span, OA.start, Literal("3", datatype=URIRef(ns.XSD + "integer"))) in graph
    assert (span, OA.exact, Literal("ready")) in graph


def test_json_ld_export_of_a_real_store_round_trips(tmp_path: Path) -> None:
    """The export path (graph/exports.py) uses this context on a real on-disk store."""
    from stancegraph.graph.exports import to_json_ld

    store = GraphStore(tmp_path / "store")
    store.load_reference_data()
    quads = sample_quads()
    by_graph: dict[str, list[ox.Quad]] = {}
    for q in quads:
        by_graph.setdefault(q.graph_name.value, []).append(q)  # type: ignore[union-attr]
    store.replace_graphs(by_graph)
    text = to_json_ld(store)
    assert '"speaker"' in text and '"stance"' in text
    back = Dataset()
    back.parse(data=text, format="json-ld")
    assert sum(1 for _ in back.quads((None, None, None, None))) == len(store)
    assert {str(g.identifier) for g in back.graphs() if len(g)} >= set(by_graph)

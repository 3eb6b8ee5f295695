"""Content negotiation for the SPARQL endpoint: ``Accept`` (and ``format=``) → an Oxigraph format.

Why this module: the SPARQL 1.1 Protocol leaves the response format to HTTP content
negotiation (https://www.w3.org/TR/sparql11-protocol/#query-success), and the format
depends on the *result's* type: SELECT/ASK results are serialized in a SPARQL results
format, CONSTRUCT/DESCRIBE results in an RDF format. So we negotiate both up front
(:func:`negotiate_results`, :func:`negotiate_graph`) and the executor picks the one that
fits the result it got (None means 406 for that result type).

- ``Accept`` is parsed per RFC 9110 §12.5.1: q-values, ``type/*`` and ``*/*`` wildcards; the
  most specific range matching an offer gives the offer's q; ``q=0`` refuses. Ties go to the
  server's preference (the order of the offers), so ``*/*`` gives JSON or Turtle.
- ``format=``, ``output=`` and ``results=`` (sent by SPARQLWrapper and by Virtuoso-style
  clients, sometimes repeated with a short name *and* a media type) override ``Accept``.
- Media types are mapped to formats by Oxigraph itself (``QueryResultsFormat.from_media_type``
  / ``RdfFormat.from_media_type``), which also knows the common aliases.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pyoxigraph import QueryResultsFormat, RdfFormat

#: SPARQL results offers, in server preference order (aliases after the canonical types).
RESULTS_OFFERS: tuple[str, ...] = (
    "application/sparql-results+json",
    "application/sparql-results+xml",
    "text/csv",
    "text/tab-separated-values",
    "application/json",
    "application/xml",
    "text/xml",
)

#: RDF offers for CONSTRUCT/DESCRIBE results and the service description.
GRAPH_OFFERS: tuple[str, ...] = (
    "text/turtle",
    "application/n-triples",
    "application/rdf+xml",
    "application/ld+json",
    "application/n-quads",
    "application/trig",
    "text/n3",
    "application/x-turtle",
    "application/turtle",
    "application/json",
    "application/xml",
    "text/xml",
    "text/plain",
)

#: Short names of ``format=`` / ``output=`` / ``results=``, per result type.
_RESULTS_NAMES = {
    "json": "application/sparql-results+json",
    "srj": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "srx": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
_GRAPH_NAMES = {
    "turtle": "text/turtle",
    "ttl": "text/turtle",
    "n3": "text/n3",
    "nt": "application/n-triples",
    "ntriples": "application/n-triples",
    "n-triples": "application/n-triples",
    "nq": "application/n-quads",
    "nquads": "application/n-quads",
    "n-quads": "application/n-quads",
    "trig": "application/trig",
    "xml": "application/rdf+xml",
    "rdf": "application/rdf+xml",
    "rdf+xml": "application/rdf+xml",
    "rdfxml": "application/rdf+xml",
    "json-ld": "application/ld+json",
    "jsonld": "application/ld+json",
    "json": "application/ld+json",
}

FORMAT_PARAMS = ("format", "output", "results")


@dataclass(frozen=True)
class MediaRange:
    type: str
    subtype: str
    q: float

    def matches(self, media_type: str) -> int:
        """Specificity of the match (3 exact, 2 ``type/*``, 1 ``*/*``), 0 when it does not match."""
        main, _, sub = media_type.partition("/")
        if self.type == "*":
            return 1
        if self.type != main:
            return 0
        if self.subtype == "*":
            return 2
        return 3 if self.subtype == sub else 0


def parse_accept(header: str | None) -> list[MediaRange]:
    """The media ranges of an ``Accept`` header; a missing or empty header means ``*/*``."""
    if not header or not header.strip():
        return [MediaRange("*", "*", 1.0)]
    ranges: list[MediaRange] = []
    for part in header.split(","):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        if media == "*":
            media = "*/*"
        main, sep, sub = media.partition("/")
        if not sep or not main or not sub or (main == "*" and sub != "*"):
            continue
        q = 1.0
        for param in fields[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = min(max(float(value.strip()), 0.0), 1.0)
                except ValueError:
                    q = 0.0
        ranges.append(MediaRange(main, sub, q))
    return ranges


def negotiate(header: str | None, offers: Sequence[str]) -> str | None:
    """The best offer for ``header``: highest q, then most specific range, then server order."""
    ranges = parse_accept(header)
    best: tuple[float, int, int] | None = None
    chosen: str | None = None
    for index, offer in enumerate(offers):
        specificity, q = 0, 0.0
        for r in ranges:
            s = r.matches(offer)
            if s > specificity:
                specificity, q = s, r.q
        if specificity == 0 or q <= 0:
            continue
        key = (q, specificity, -index)
        if best is None or key > best:
            best, chosen = key, offer
    return chosen


def _from_params(values: Iterable[str], names: dict[str, str], results: bool) -> str | None:
    """First ``format=`` value that names a format of this kind, as a media type."""
    for raw in values:
        value = raw.strip().lower()
        if not value:
            continue
        media = names.get(value, value)
        if "/" not in media:
            continue
        known = QueryResultsFormat.from_media_type(media) if results else RdfFormat.from_media_type(media)
        if known is not None:
            return known.media_type
    return None


def negotiate_results(accept: str | None, format_params: Sequence[str] = ()) -> QueryResultsFormat | None:
    """The SPARQL results format for SELECT/ASK results, or None when none is acceptable."""
    if any(v.strip() for v in format_params):
        media = _from_params(format_params, _RESULTS_NAMES, results=True)
    else:
        media = negotiate(accept, RESULTS_OFFERS)
    return QueryResultsFormat.from_media_type(media) if media else None


def negotiate_graph(
    accept: str | None, format_params: Sequence[str] = (), offers: Sequence[str] = GRAPH_OFFERS
) -> RdfFormat | None:
    """The RDF format for CONSTRUCT/DESCRIBE results (and the service description), or None."""
    if any(v.strip() for v in format_params):
        media = _from_params(format_params, _GRAPH_NAMES, results=False)
        if media is not None and media not in offers:
            media = None
    else:
        media = negotiate(accept, offers)
    return RdfFormat.from_media_type(media) if media else None

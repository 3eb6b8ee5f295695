"""Content negotiation for the linked-data documents: Accept header → one of our formats.

Why not a library: four formats and RFC 9110 q-values fit in a page, and the rules we
need are specific (``*/*`` alone means Turtle, the format of a machine client; a browser
names text/html and gets the page). The SPARQL endpoint negotiates its own result
formats in ``negotiation.py``; this module serves the documents of minted IRIs.
"""

from __future__ import annotations

from dataclasses import dataclass

from pyoxigraph import RdfFormat

from stancegraph.errors import NotAcceptableError


@dataclass(frozen=True)
class Format:
    """One representation of a described resource."""

    ext: str
    media_type: str
    rdf: RdfFormat | None  # None: the HTML page


HTML = Format("html", "text/html", None)
TURTLE = Format("ttl", "text/turtle", RdfFormat.TURTLE)
JSONLD = Format("jsonld", "application/ld+json", RdfFormat.JSON_LD)
NTRIPLES = Format("nt", "application/n-triples", RdfFormat.N_TRIPLES)
FORMATS: tuple[Format, ...] = (TURTLE, JSONLD, NTRIPLES, HTML)
BY_EXT = {f.ext: f for f in FORMATS}
_ALIASES = {
    "text/html": HTML,
    "application/xhtml+xml": HTML,
    "text/turtle": TURTLE,
    "application/x-turtle": TURTLE,
    "application/ld+json": JSONLD,
    "application/json": JSONLD,
    "application/n-triples": NTRIPLES,
    "text/plain": NTRIPLES,
}


def _parse(accept: str) -> list[tuple[str, float, int]]:
    """(media range, q, position) of each element of an Accept header."""
    out = []
    for n, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.lower().startswith("q="):
                try:
                    q = max(0.0, min(1.0, float(f[2:])))
                except ValueError:
                    q = 0.0
        out.append((media, q, n))
    return out


def choose(accept: str | None, offered: tuple[Format, ...] = FORMATS, default: Format = TURTLE) -> Format:
    """The best offered format for ``accept``; NotAcceptableError (406) when none is acceptable.

    Ranking: q-value, then an exact type over a wildcard, then the order in the header.
    """
    if not accept or not accept.strip():
        return default
    best: tuple[float, int, int] | None = None
    chosen: Format | None = None
    for media, q, order in _parse(accept):
        if q <= 0:
            continue
        if media in ("*/*", "text/*", "application/*"):
            prefix = media[:-1]
            candidates = [default] if media == "*/*" else [f for f in offered if f.media_type.startswith(prefix)]
            specificity = 0
        else:
            fmt = _ALIASES.get(media)
            candidates = [fmt] if fmt else []
            specificity = 1
        for fmt in candidates:
            if fmt not in offered:
                continue
            rank = (q, specificity, -order)
            if best is None or rank > best:
                best, chosen = rank, fmt
    if chosen is None:
        kinds = ", ".join(f.media_type for f in offered)
        raise NotAcceptableError(f"none of the accepted types is available; offered: {kinds}")
    return chosen


def alternates(url_for: dict[str, str], offered: tuple[Format, ...] = FORMATS) -> str:
    """``Link`` header value listing every representation as rel="alternate"."""
    return ", ".join(f'<{url_for[f.ext]}>; rel="alternate"; type="{f.media_type}"' for f in offered)

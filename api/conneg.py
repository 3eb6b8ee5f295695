"""Content negotiation for the linked-data documents: Accept header → one of our formats.

The Accept header is parsed and ranked by ``negotiation.py`` (the SPARQL endpoint's
RFC 9110 negotiation); this module only says which representations a described resource
has (``*/*`` alone means Turtle, the format of a machine client; a browser names
text/html and gets the page).
"""

from __future__ import annotations

from dataclasses import dataclass

from pyoxigraph import RdfFormat

from stancegraph.api.negotiation import negotiate
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


def choose(accept: str | None, offered: tuple[Format, ...] = FORMATS, default: Format = TURTLE) -> Format:
    """The best offered format for ``accept``; NotAcceptableError (406) when none is acceptable.

    The Accept parsing and ranking (q-value, then specificity, then server order) are the
    SPARQL endpoint's (:func:`stancegraph.api.negotiation.negotiate`); the default comes
    first in the server order, so ``*/*`` alone gives it.
    """
    if not accept or not accept.strip():
        return default
    ordered = [default, *(f for f in offered if f is not default)] if default in offered else list(offered)
    canonical = [f.media_type for f in ordered]
    aliases = [m for m, f in _ALIASES.items() if f in ordered and m not in canonical]
    media = negotiate(accept, [*canonical, *aliases])
    if media is None:
        kinds = ", ".join(f.media_type for f in offered)
        raise NotAcceptableError(f"none of the accepted types is available; offered: {kinds}")
    return _ALIASES.get(media) or next(f for f in ordered if f.media_type == media)


def alternates(url_for: dict[str, str], offered: tuple[Format, ...] = FORMATS) -> str:
    """``Link`` header value listing every representation as rel="alternate"."""
    return ", ".join(f'<{url_for[f.ext]}>; rel="alternate"; type="{f.media_type}"' for f in offered)

"""What the endpoint refuses before anything runs: SERVICE/LOAD, oversized input, XML entities.

Why each rule exists:

- ``SERVICE`` (https://www.w3.org/TR/sparql11-federated-query/) and ``LOAD``
  (https://www.w3.org/TR/sparql11-update/#load) make Oxigraph send HTTP requests to any
  address the query names, even on a read-only store: server-side request forgery into
  whatever the server can reach. They are refused (400 ``forbidden-query``) *before*
  execution. Detection is lexical, not a substring test: :func:`tokens` is a small SPARQL
  lexer (comments, the four string forms, IRIs, variables, prefixed names and language
  tags are their own tokens) and only a bare keyword counts, in any case, at any depth,
  with ``SILENT`` or not. The query is scanned twice, as sent and after ``\\uXXXX`` escapes
  are decoded (SPARQL §19.2 allows them anywhere; Oxigraph decodes them only inside
  strings and IRIs): a keyword found by either reading is refused, so the lexer errs on
  the side of refusing.
- Oversized queries and bodies are refused before they are parsed (413).
- RDF/XML with a ``DOCTYPE`` or ``ENTITY`` declaration is refused before parsing: entity
  expansion ("billion laughs") can exhaust memory and abort the whole server process.
- Updates and uploads need ``allow_update`` *and* ``Authorization: Bearer <update_token>``,
  compared in constant time (:func:`authorize`).
"""

from __future__ import annotations

import hmac
import re
from collections.abc import Iterator
from typing import NamedTuple

from fastapi import Request

from stancegraph.errors import AuthError, ForbiddenError, ForbiddenQueryError, TooLargeError, UploadError
from stancegraph.settings import Settings


class Token(NamedTuple):
    kind: str
    value: str
    start: int


_ECHAR = r"""\\[tbnrf\\"']"""
_UCHAR = r"\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8}"
_TOKEN = re.compile(
    rf"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\r\n]*)
  | (?P<string>
        '''(?:(?:'|'')?(?:[^'\\]|{_ECHAR}|{_UCHAR}))*'''
      | \"\"\"(?:(?:"|"")?(?:[^"\\]|{_ECHAR}|{_UCHAR}))*\"\"\"
      | '(?:[^'\\\n\r]|{_ECHAR}|{_UCHAR})*'
      | "(?:[^"\\\n\r]|{_ECHAR}|{_UCHAR})*"
    )
  | (?P<iri><(?:[^<>"{{}}|^`\\\x00-\x20]|{_UCHAR})*>)
  | (?P<var>[?$][\w\u00B7\u0300-\u036F\u203F\u2040]+)
  | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<pname>(?:[\w.\-\u00B7]|%[0-9A-Fa-f]{{2}}|\\.)*:(?:[\w.\-:\u00B7]|%[0-9A-Fa-f]{{2}}|\\.)*)
  | (?P<word>[^\W\d]\w*)
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)
_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_FORBIDDEN_KEYWORDS = frozenset({"SERVICE", "LOAD"})


def tokens(text: str) -> Iterator[Token]:
    """SPARQL tokens of ``text`` (whitespace and comments included, kind ``ws``/``comment``)."""
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "other"
        yield Token(kind, m.group(), m.start())


def keywords(text: str) -> Iterator[Token]:
    """Bare words (keywords, ``a``, ``true``...) of ``text``, upper-cased."""
    for t in tokens(text):
        if t.kind == "word":
            yield Token("word", t.value.upper(), t.start)


def decode_codepoints(text: str) -> str:
    """``text`` with ``\\uXXXX`` / ``\\UXXXXXXXX`` escapes decoded (invalid ones are kept)."""

    def one(m: re.Match[str]) -> str:
        try:
            return chr(int(m.group(1) or m.group(2), 16))
        except (ValueError, OverflowError):
            return m.group()

    return _CODEPOINT.sub(one, text)


def forbidden_keywords(text: str) -> set[str]:
    """``SERVICE`` / ``LOAD`` used in ``text``, by the lexer (both readings) and by a parser.

    The lexer follows the SPARQL grammar's terminals; as a second opinion, when the text
    mentions either word at all, rdflib's SPARQL parser looks for ``ServiceGraphPattern``
    and ``Load`` in its parse tree (nested groups, OPTIONAL, UNION, subqueries...).
    """
    decoded = decode_codepoints(text) if "\\" in text else text
    found = {t.value for t in keywords(text) if t.value in _FORBIDDEN_KEYWORDS}
    if decoded is not text:
        found |= {t.value for t in keywords(decoded) if t.value in _FORBIDDEN_KEYWORDS}
    if not found and _MENTIONS.search(decoded):
        found |= _parser_finds(text)
        if decoded is not text:
            found |= _parser_finds(decoded)
    return found


_MENTIONS = re.compile(r"service|load", re.IGNORECASE)
_PARSE_NAMES = {"ServiceGraphPattern": "SERVICE", "Load": "LOAD"}


def _parser_finds(text: str) -> set[str]:
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
    from rdflib.plugins.sparql.parserutils import CompValue

    found: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, CompValue):
            if node.name in _PARSE_NAMES:
                found.add(_PARSE_NAMES[node.name])
            for value in node.values():
                walk(value)
        elif isinstance(node, ParseResults | list | tuple):
            for value in node:
                walk(value)

    for parse in (parseQuery, parseUpdate):
        try:
            walk(parse(text))
        except Exception:  # noqa: S112 - not parsable by rdflib: the lexer's verdict stands
            continue
    return found


def check_operation(text: str, settings: Settings, *, what: str = "query") -> None:
    """Refuse an over-long or network-reaching query/update before it is parsed."""
    if len(text) > settings.max_query_length:
        raise TooLargeError(f"the {what} is {len(text)} characters long; the limit is {settings.max_query_length}")
    found = forbidden_keywords(text)
    if found:
        names = " and ".join(sorted(found))
        raise ForbiddenQueryError(
            f"{names} is not allowed on this endpoint",
            detail="SERVICE (federated query) and LOAD make the server fetch remote URLs; "
            "query the remote endpoint yourself and send the data with the query (VALUES).",
        )


def has_dataset_clause(query: str) -> bool:
    """Whether the query names its own dataset (``FROM`` / ``FROM NAMED``)."""
    return any(t.value == "FROM" for t in keywords(query))


# -- uploads -----------------------------------------------------------------------------

_XML_DECLARATIONS = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']""", re.IGNORECASE)


def check_rdf_xml(data: bytes) -> None:
    """Refuse RDF/XML that declares a DTD or entities, or that is not UTF-8 (then we could not see)."""
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    if b"\x00" in body or body.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UploadError("RDF/XML uploads must be encoded in UTF-8")
    declared = _XML_ENCODING.match(body)
    if declared and declared.group(1).strip().lower() not in (b"utf-8", b"utf8", b"us-ascii", b"ascii"):
        raise UploadError("RDF/XML uploads must be encoded in UTF-8")
    if _XML_DECLARATIONS.search(body):
        raise UploadError(
            "RDF/XML with a DOCTYPE or ENTITY declaration is refused",
            detail="entity expansion can exhaust the server's memory; expand entities before uploading",
        )


# -- authorization -----------------------------------------------------------------------


def authorize(request: Request, settings: Settings) -> None:
    """Allow a write only when enabled and the request carries the bearer token."""
    if not settings.allow_update or not settings.update_token:
        raise ForbiddenError("this endpoint is read-only: SPARQL Update and uploads are disabled")
    scheme, _, token = request.headers.get("authorization", "").strip().partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise AuthError("writes need an 'Authorization: Bearer <token>' header")
    if not hmac.compare_digest(token.strip().encode("utf-8"), settings.update_token.encode("utf-8")):
        raise ForbiddenError("the bearer token is not valid")

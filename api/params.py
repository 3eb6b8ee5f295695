"""Validation of the REST API's parameters: every value is checked before it reaches a query.

Why here and not in FastAPI's types: the reasons must be specific ("stance 'redy' is not
a known code; known: ready, conditional, ...") and some checks need the store (codes that
users added to the vocabulary). Every failure is an :class:`InputError` (400, the one JSON
error body).
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from datetime import date

from stancegraph.errors import InputError
from stancegraph.graph import namespaces as ns

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,119}$")
SOURCE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$")
ISO = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")
UNDATED_KEY = "~"


def slug(value: str, what: str) -> str:
    """An id such as ``vladimir-putin`` (lower-case letters, digits, hyphens)."""
    if not SLUG.match(value):
        raise InputError(f"{what} {value!r} is not a valid id (lower-case letters, digits and '-')")
    return value


def source_id(value: str) -> str:
    """An article identifier such as ``002_ee147a0f71bb926c``."""
    if not SOURCE.match(value):
        raise InputError(f"source {value!r} is not a valid article identifier (letters, digits, '.', '_', '-')")
    return value


def iso_date(value: str, what: str) -> str:
    """``YYYY-MM-DD`` or ``YYYY-MM``, checked to be a real date."""
    m = ISO.match(value)
    if not m:
        raise InputError(f"{what} {value!r} is not an ISO date (YYYY-MM-DD or YYYY-MM)")
    year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3) or 1)
    try:
        date(year, month, day)
    except ValueError as exc:
        raise InputError(f"{what} {value!r} is not a valid date ({exc})") from exc
    return value


def code(value: str, what: str, known: set[str]) -> str:
    """A stance or condition code that the vocabulary (or the store) knows."""
    if value not in known:
        raise InputError(f"{what} {value!r} is not a known code", detail=f"known codes: {', '.join(sorted(known))}")
    return value


def encode_cursor(key: str, iri: str) -> str:
    """The opaque cursor of a page: the (date key, statement IRI) of its last row."""
    raw = json.dumps([key, iri], separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(cursor: str) -> tuple[str, str]:
    """(date key, statement IRI) from a cursor made by :func:`encode_cursor`."""
    if len(cursor) > 400 or not re.fullmatch(r"[A-Za-z0-9_-]+", cursor):
        raise InputError("cursor is malformed (use the 'next' link of the previous page)")
    try:
        data = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (binascii.Error, ValueError, UnicodeDecodeError) as exc:
        raise InputError("cursor is malformed (use the 'next' link of the previous page)") from exc
    if (
        not isinstance(data, list)
        or len(data) != 2
        or not all(isinstance(x, str) for x in data)
        or not (data[0] == UNDATED_KEY or ISO.match(data[0]))
        or not re.fullmatch(re.escape(ns.ID) + r"statement/[0-9a-f]{1,64}", data[1])
    ):
        raise InputError("cursor is malformed (use the 'next' link of the previous page)")
    return data[0], data[1]

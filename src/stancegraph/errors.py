"""The one exception hierarchy of stancegraph, documented in one place.

Every error the project raises on purpose derives from :class:`StancegraphError`, so a
caller (the CLI, the web app) can turn any of them into a clean message: the CLI prints
one line and exits non-zero, the web app answers with the one JSON error body and the
status code the class carries. Anything else that escapes is a bug.

::

    StancegraphError                 (status 500)
    ├── InputError                   bad user input (status 400)
    │   ├── ArticleError             an article cannot be read or decoded
    │   ├── MetadataError            a .meta.json / JSONL record is invalid
    │   ├── QueryError               a SPARQL query does not parse or is refused
    │   │   └── ForbiddenQueryError  SERVICE / LOAD and the like (status 400)
    │   ├── UploadError              uploaded RDF is unsafe, too large or unparsable
    │   └── NotAcceptableError       no representation matches Accept (status 406)
    ├── NotFoundError                an IRI or resource is unknown (status 404)
    ├── AuthError                    missing or wrong bearer token (status 401/403)
    ├── StoreError                   the store cannot be opened or written
    │   └── StoreLockedError         another process holds the store for writing
    └── LimitError                   a deadline or size limit was hit (status 503)
"""

from __future__ import annotations


class StancegraphError(Exception):
    """Base of every deliberate error; ``status`` is the HTTP status it maps to."""

    status: int = 500
    code: str = "internal-error"

    def __init__(self, message: str, *, detail: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail

    def __str__(self) -> str:
        return self.message


class InputError(StancegraphError):
    status = 400
    code = "bad-input"


class ArticleError(InputError):
    code = "bad-article"


class MetadataError(InputError):
    code = "bad-metadata"


class QueryError(InputError):
    code = "bad-query"


class ForbiddenQueryError(QueryError):
    code = "forbidden-query"


class UploadError(InputError):
    code = "bad-upload"


class NotAcceptableError(InputError):
    status = 406
    code = "not-acceptable"


class NotFoundError(StancegraphError):
    status = 404
    code = "not-found"


class AuthError(StancegraphError):
    status = 401
    code = "unauthorized"


class StoreError(StancegraphError):
    status = 500
    code = "store-error"


class StoreLockedError(StoreError):
    status = 503
    code = "store-locked"


class LimitError(StancegraphError):
    status = 503
    code = "limit-exceeded"


__all__ = [
    "ArticleError",
    "AuthError",
    "ForbiddenQueryError",
    "InputError",
    "LimitError",
    "MetadataError",
    "NotAcceptableError",
    "NotFoundError",
    "QueryError",
    "StancegraphError",
    "StoreError",
    "StoreLockedError",
    "UploadError",
]

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
    │   ├── TooLargeError            a query, update or upload over its size limit (413)
    │   ├── UnsupportedMediaTypeError  a body in a media type we do not take (415)
    │   └── NotAcceptableError       no representation matches Accept (status 406)
    ├── DataError                    curated data (data/actors.json) is malformed
    ├── NotFoundError                an IRI or resource is unknown (status 404)
    ├── AuthError                    missing bearer token (status 401)
    │   └── ForbiddenError           writes disabled, or a wrong token (status 403)
    ├── StoreError                   the store cannot be opened or written
    │   └── StoreLockedError         another process holds the store for writing
    └── LimitError                   a deadline or size limit was hit (status 503)
        └── ResultLimitError         a result over max_results rows or triples
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


class TooLargeError(InputError):
    """A query, update or upload over its size limit."""

    status = 413
    code = "too-large"


class UnsupportedMediaTypeError(InputError):
    """A request body in a media type the operation does not accept."""

    status = 415
    code = "unsupported-media-type"


class DataError(StancegraphError):
    """The project's curated data (data/actors.json) is malformed: a person edited it by
    hand and gets told which entry and which field, instead of a KeyError deep inside."""

    status = 500
    code = "data-error"


class NotFoundError(StancegraphError):
    status = 404
    code = "not-found"


class AuthError(StancegraphError):
    status = 401
    code = "unauthorized"


class ForbiddenError(AuthError):
    """Writes are disabled, or the bearer token is wrong."""

    status = 403
    code = "forbidden"


class StoreError(StancegraphError):
    status = 500
    code = "store-error"


class StoreLockedError(StoreError):
    status = 503
    code = "store-locked"


class LimitError(StancegraphError):
    status = 503
    code = "limit-exceeded"


class ResultLimitError(LimitError):
    """A result with more rows (or triples) than ``settings.max_results``."""

    code = "too-many-results"


__all__ = [
    "ArticleError",
    "AuthError",
    "ForbiddenError",
    "ForbiddenQueryError",
    "InputError",
    "LimitError",
    "MetadataError",
    "NotAcceptableError",
    "NotFoundError",
    "QueryError",
    "ResultLimitError",
    "StancegraphError",
    "StoreError",
    "StoreLockedError",
    "TooLargeError",
    "UnsupportedMediaTypeError",
    "UploadError",
]

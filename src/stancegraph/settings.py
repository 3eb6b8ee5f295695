"""One typed settings object: every knob with its name, default and help.

Each field can be overridden by an environment variable ``STANCEGRAPH_<NAME>`` (upper
case), and the CLI overrides a few (``--store``, ``--host``, ``--port``) on top. The web
app and the CLI read nothing from the environment themselves: they take a
:class:`Settings`, so a test builds one per test and nothing leaks between them.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from stancegraph.errors import InputError

ENV_PREFIX = "STANCEGRAPH_"


def _setting(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    """Everything that can be configured; see ``stancegraph settings`` for the live values."""

    store: Path = _setting(Path("data/store"), "Directory of the on-disk Oxigraph store.")
    host: str = _setting("127.0.0.1", "Interface the web server binds to.")
    port: int = _setting(8000, "TCP port of the web server.")
    public_url: str = _setting(
        "", "Public base URL of the server (for links in the service description); empty: from the request."
    )
    union_default_graph: bool = _setting(
        True, "Queries without a dataset see the union of all named graphs as the default graph."
    )
    query_timeout: float = _setting(10.0, "Wall-clock deadline of one SPARQL query, in seconds.")
    max_results: int = _setting(10_000, "Most rows (or triples) one query may return.")
    max_query_length: int = _setting(100_000, "Longest accepted SPARQL query, in characters.")
    query_workers: int = _setting(4, "Threads that run store calls off the event loop.")
    sparql_processes: int = _setting(
        2,
        "Worker processes that run user SPARQL over an on-disk store (killed and replaced past the "
        "deadline); 0: run it in threads, where a late query is abandoned but not stopped.",
    )
    max_concurrent_queries: int = _setting(8, "Queries running at once; more wait, then get 503.")
    page_size: int = _setting(50, "Default page size of the REST API.")
    max_page_size: int = _setting(500, "Largest page size the REST API accepts.")
    page_cache_entries: int = _setting(
        16, "Filter sets whose sorted statement list is kept for paging (until the next write); 0: none."
    )
    allow_update: bool = _setting(False, "Accept SPARQL Update and uploads (also needs update_token).")
    update_token: str = _setting("", "Bearer token that SPARQL Update and uploads must present.")
    max_upload_bytes: int = _setting(10_000_000, "Largest accepted upload or update body, in bytes.")
    cors_origins: tuple[str, ...] = _setting(("*",), "Origins allowed by CORS (comma separated); empty: no CORS.")
    dump_timeout: float = _setting(600.0, "Wall-clock deadline of one full dump (/dump.nq, /dump.trig), in seconds.")
    license_iri: str = _setting(
        "https://creativecommons.org/licenses/by/4.0/", "License stated in VoID and in the dumps."
    )

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: Any) -> Settings:
        """Build settings from defaults, then ``STANCEGRAPH_*`` variables, then ``overrides``."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = env.get(ENV_PREFIX + f.name.upper())
            if raw is not None:
                values[f.name] = _coerce(f.name, f.default, raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    def replace(self, **changes: Any) -> Settings:
        """A copy with some fields changed (``None`` values are ignored)."""
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})

    @classmethod
    def describe(cls) -> list[tuple[str, str, str]]:
        """(name, default, help) of every setting, for ``--help`` texts and the README."""
        return [(f.name, repr(f.default), f.metadata.get("help", "")) for f in fields(cls)]


def _coerce(name: str, default: Any, raw: str) -> Any:
    try:
        if isinstance(default, bool):
            if raw.strip().lower() in {"1", "true", "yes", "on"}:
                return True
            if raw.strip().lower() in {"0", "false", "no", "off", ""}:
                return False
            raise ValueError(raw)
        if isinstance(default, int):
            return int(raw)
        if isinstance(default, float):
            return float(raw)
        if isinstance(default, Path):
            return Path(raw)
        if isinstance(default, tuple):
            return tuple(p.strip() for p in raw.split(",") if p.strip())
    except ValueError as exc:
        raise InputError(f"{ENV_PREFIX}{name.upper()}={raw!r} is not a valid value") from exc
    return raw

"""The ``stancegraph`` command: thin commands over the pipeline's stages.

Every command that touches the store takes ``--store DIR`` (default: the
``STANCEGRAPH_STORE`` variable, else ``data/store``). Errors the user can fix (a missing
file, bad metadata, a locked store, a query that does not parse) print one line on
stderr and exit with status 2; nothing already stored is lost.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from stancegraph import __version__
from stancegraph.errors import InputError, StancegraphError

if TYPE_CHECKING:
    from stancegraph.graph.store import GraphStore
from stancegraph.settings import Settings

app = typer.Typer(
    name="stancegraph",
    help=(
        "Build and serve a knowledge graph of who said what about negotiating an end to the war in "
        "Ukraine: ingest articles, query with SPARQL, export linked data, serve the endpoint."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)
out = Console()

StoreOpt = Annotated[
    Path | None,
    typer.Option("--store", help="Store directory (default: $STANCEGRAPH_STORE or data/store).", show_default=False),
]
PathsArg = Annotated[
    list[Path], typer.Argument(help="Article files (.txt with .meta.json, .html, .jsonl) or folders of them.")
]


def _settings(store: Path | None = None, **kw: Any) -> Settings:
    return Settings.from_env(None, store=store, **kw)


def _open(store: Path | None, *, read_only: bool = False) -> GraphStore:
    """The store named by --store / settings; commands that only read open it read-only,
    so they work while `stancegraph serve` holds the store for writing."""
    from stancegraph.graph.store import GraphStore

    settings = _settings(store)
    return GraphStore(settings.store, read_only=read_only)


def _progress() -> Progress:
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=not err.is_terminal,
        disable=not err.is_terminal,
    )


@app.command()
def ingest(
    paths: PathsArg,
    store: StoreOpt = None,
    force: Annotated[bool, typer.Option(help="Re-extract even articles that are unchanged.")] = False,
    processes: Annotated[int | None, typer.Option(help="Extraction processes (default: cores, at most 4).")] = None,
) -> None:
    """Extract statements from articles and load them into the store.

    Each article becomes one named graph; re-ingesting an article replaces its graph, and
    an unchanged article (same text, same extractor version) is skipped, so running ingest
    twice changes nothing.
    """
    from stancegraph.graph.pipeline import ingest as run_ingest

    gs = _open(store)
    with _progress() as bar:
        task = bar.add_task("extracting", total=None)
        report = run_ingest(
            paths,
            gs,
            force=force,
            processes=processes,
            progress=lambda n: bar.advance(task, n),
            on_total=lambda total: bar.update(task, total=total),
        )
    err.print(
        f"{report.articles} articles: {report.ingested} ingested, {report.unchanged} unchanged; "
        f"{report.statements} statements; quads {report.quads_before} → {report.quads_after}"
    )
    for dup, orig in sorted(report.duplicates.items()):
        err.print(f"  {dup} nearly duplicates {orig}")


@app.command()
def extract(paths: PathsArg) -> None:
    """Print one statement record (JSON) per line, per ../shared/spec/statement.schema.json.

    This is the interface on which extraction is scored; it reads articles and never
    touches the store.
    """
    from stancegraph.graph.pipeline import extract_records

    write = sys.stdout.write
    for stmt in extract_records(paths):
        write(json.dumps(stmt.to_record(), ensure_ascii=False) + "\n")


@app.command()
def query(
    name: Annotated[str, typer.Argument(help="A .rq file, or the name of a query in queries/ (see `queries`).")],
    store: StoreOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv, tsv, json or xml.")] = "table",
    param: Annotated[
        list[str] | None, typer.Option("--param", "-p", help="NAME=VALUE bound to ?NAME (an IRI or a literal).")
    ] = None,
) -> None:
    """Run a SPARQL query against the store and print its results."""
    from stancegraph.graph.querying import load_query, parse_params, render

    text = load_query(name)
    gs = _open(store, read_only=True)
    out_text = render(gs, text, fmt, parse_params(param or []))
    sys.stdout.write(out_text)


@app.command()
def queries() -> None:
    """List the researchers' queries shipped in queries/ with their titles and parameters."""
    from stancegraph.graph.querying import catalog

    table = Table("name", "title", "parameters")
    for q in catalog():
        table.add_row(q.name, q.title, ", ".join(q.parameters))
    out.print(table)


@app.command()
def export(
    store: StoreOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="ttl, nt, nq, trig, jsonld, rdf (RDF/XML).")] = "nq",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write (default: stdout).")] = None,
) -> None:
    """Export the whole graph as linked data (datasets keep the per-article named graphs)."""
    from stancegraph.graph.exports import FORMATS, export_store

    if fmt.lower() not in FORMATS:
        raise InputError(f"unknown export format {fmt!r} (one of {', '.join(sorted(FORMATS))})")
    gs = _open(store, read_only=True)
    if output is None:
        export_store(gs, fmt, sys.stdout.buffer)
    else:
        with output.open("wb") as fh:
            export_store(gs, fmt, fh)


@app.command()
def network(
    store: StoreOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="graphml, gexf, or csv (edge list).")] = "graphml",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write (default: stdout).")] = None,
) -> None:
    """Export the actor network (who targets whom, with which stance) for Gephi, R or pandas."""
    from stancegraph.graph.network import actor_network, write_network

    gs = _open(store, read_only=True)
    graph = actor_network(gs)
    if output is None:
        write_network(graph, fmt, sys.stdout.buffer)
    else:
        with output.open("wb") as fh:
            write_network(graph, fmt, fh)


@app.command()
def validate(store: StoreOpt = None) -> None:
    """Check the store against the SHACL shapes (ontology/shapes.ttl); exit 1 on violations."""
    from stancegraph.graph.validate import validate_store

    gs = _open(store, read_only=True)
    conforms, report = validate_store(gs)
    out.print(report)
    if not conforms:
        raise typer.Exit(1)


@app.command()
def stats(store: StoreOpt = None) -> None:
    """Count articles, statements, actors and conditions in the store."""
    from stancegraph.graph.querying import store_stats

    gs = _open(store, read_only=True)
    figures = store_stats(gs)
    table = Table("what", "count", title=f"stancegraph store {gs.path}")
    for key, value in figures["counts"].items():
        table.add_row(key, str(value))
    out.print(table)
    for title, rows in (("actors (by statements)", figures["actors"]), ("conditions", figures["conditions"])):
        t = Table("name", "statements", title=title)
        for row in rows:
            t.add_row(str(row[0]), str(row[1]))
        out.print(t)
    stances = Table("stance", "statements", title="stances")
    for row in figures["stances"]:
        stances.add_row(str(row[0]), str(row[1]))
    out.print(stances)


@app.command()
def serve(
    store: StoreOpt = None,
    host: Annotated[str | None, typer.Option(help="Interface to bind (default 127.0.0.1).")] = None,
    port: Annotated[int | None, typer.Option(help="TCP port (default 8000).")] = None,
) -> None:
    """Serve the SPARQL 1.1 endpoint (/sparql), the API (/docs) and the HTML views."""
    import uvicorn

    from stancegraph.api.app import create_app

    settings = _settings(store, host=host, port=port)
    err.print(f"serving {settings.store} on http://{settings.host}:{settings.port}/ (SPARQL at /sparql)")
    uvicorn.run(create_app(settings), host=settings.host, port=settings.port, log_level="info")


@app.command("settings")
def show_settings() -> None:
    """Show every setting: its environment variable, current value and meaning."""
    current = Settings.from_env()
    table = Table("variable", "value", "meaning")
    for name, _default, help_text in Settings.describe():
        table.add_row(f"STANCEGRAPH_{name.upper()}", repr(getattr(current, name)), help_text)
    out.print(table)


@app.command()
def version() -> None:
    """Print the version."""
    out.print(__version__)


def main() -> None:
    """Entry point: run the app, turning our errors into one line and exit status 2."""
    logging.basicConfig(level=logging.WARNING, format="stancegraph: %(message)s")
    try:
        app()
    except StancegraphError as exc:
        message = " ".join(exc.message.split())  # one line, whatever the message holds
        sys.stderr.write(f"stancegraph: error: {message}\n")
        sys.exit(2 if isinstance(exc, InputError) else 1)
    except BrokenPipeError:
        sys.exit(0)

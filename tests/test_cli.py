"""The command line, run as a real subprocess: outputs, exit codes, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import run_cli


def test_help_explains_every_command() -> None:
    out = run_cli("--help").stdout
    for cmd in ("ingest", "extract", "query", "export", "validate", "stats", "serve", "network", "queries"):
        assert cmd in out
        sub = run_cli(cmd, "--help").stdout
        assert "Usage" in sub and len(sub) > 100


def test_extract_prints_schema_valid_records(seeds_dir: Path, shared_dir: Path) -> None:
    schema = json.loads((shared_dir / "spec" / "statement.schema.json").read_text(encoding="utf-8"))
    proc = run_cli("extract", *sorted(str(p) for p in seeds_dir.glob("*.txt")))
    lines = proc.stdout.splitlines()
    assert len(lines) >= 20
    texts = {p.stem: p.read_text(encoding="utf-8") for p in seeds_dir.glob("*.txt")}
    for line in lines:
        rec = json.loads(line)
        jsonschema.validate(rec, schema)
        ev = rec["evidence"]
        assert texts[Path(rec["source"]).stem][ev["start"] : ev["end"]] == ev["text"]


def test_stats_lists_actors_statements_conditions(seeds_store_path: Path) -> None:
    out = run_cli("stats", "--store", str(seeds_store_path)).stdout
    assert "statements" in out and "Vladimir Putin" in out and "borders-1991" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ingest", "/nonexistent/article.txt"], "no such file"),
        (["extract", "/nonexistent/dir"], "no such file"),
        (["query", "no-such-query"], "no query named"),
        (["export", "--format", "docx"], "unknown export format"),
    ],
)
def test_errors_are_one_line_and_non_zero(tmp_path: Path, args: list[str], message: str) -> None:
    proc = (
        run_cli(*args, "--store", str(tmp_path / "s"), check=False)
        if args[0] in {"query", "export"}
        else (run_cli(*args, check=False))
    )
    assert proc.returncode != 0
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and message in lines[0], proc.stderr
    assert "Traceback" not in proc.stderr


def test_bad_metadata_fails_without_losing_the_store(seeds_store_path: Path, tmp_path: Path) -> None:
    before = run_cli("stats", "--store", str(seeds_store_path)).stdout
    (tmp_path / "a.txt").write_text("The minister said talks were impossible for now.", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text("{broken", encoding="utf-8")
    proc = run_cli("ingest", "--store", str(seeds_store_path), str(tmp_path), check=False)
    assert proc.returncode == 2 and "a.meta.json" in proc.stderr and "not valid JSON" in proc.stderr
    assert run_cli("stats", "--store", str(seeds_store_path)).stdout == before


def test_locked_store_is_reported(seeds_store_path: Path, seeds_dir: Path) -> None:
    from stancegraph.graph.store import GraphStore

    holder = GraphStore(seeds_store_path)  # this process is now the writer
    proc = run_cli("ingest", "--store", str(seeds_store_path), str(seeds_dir), check=False)
    assert proc.returncode != 0 and "open for writing in another process" in proc.stderr
    del holder


def test_query_formats(seeds_store_path: Path, tmp_path: Path) -> None:
    rq = tmp_path / "q.rq"
    rq.write_text("SELECT ?s WHERE { ?s a sg:Statement } LIMIT 3", encoding="utf-8")
    table = run_cli("query", str(rq), "--store", str(seeds_store_path)).stdout
    assert "(3 rows)" in table
    data = json.loads(run_cli("query", str(rq), "--store", str(seeds_store_path), "-f", "json").stdout)
    assert len(data["results"]["bindings"]) == 3
    csv_out = run_cli("query", str(rq), "--store", str(seeds_store_path), "-f", "csv").stdout
    assert csv_out.splitlines()[0].strip() == "s"
    bad = tmp_path / "bad.rq"
    bad.write_text("SELEC nothing", encoding="utf-8")
    proc = run_cli("query", str(bad), "--store", str(seeds_store_path), check=False)
    assert proc.returncode == 2 and "does not parse" in proc.stderr


def test_export_to_file(seeds_store_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "dump.nq"
    run_cli("export", "--store", str(seeds_store_path), "--format", "nq", "--output", str(out))
    assert out.stat().st_size > 1000

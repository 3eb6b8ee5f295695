"""Extraction quality on every evaluation set, side by side, with the shared scorer.

Runs ``extract_statements`` over the seeds (../shared/seeds) and each set in
tests/fixtures/ (dev sets, and the blind holdout: its score is printed, its texts are
not), writes the records to a temporary folder and prints the scorer's figures per set::

    .venv/bin/python bench/score_sets.py            # every set
    .venv/bin/python bench/score_sets.py seeds devset5

The last line sums TP/FP/FN over the development sets scored (seeds and devsets, never the
holdout): the one figure a rule change is judged on, so that a gain on one set cannot hide
a loss on another.

The figures are the official ones: ../shared/tools/score.py is run as a subprocess on the
records, exactly as the README's scoring command does.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from stancegraph.graph.articles import read_articles
from stancegraph.graph.extract import EXTRACTOR_VERSION
from stancegraph.graph.pipeline import extract

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def sets() -> dict[str, tuple[Path, Path]]:
    """name -> (folder of .txt articles, gold.jsonl)."""
    out = {"seeds": (SHARED / "seeds", SHARED / "gold" / "seeds.jsonl")}
    for folder in sorted((ROOT / "tests" / "fixtures").iterdir()):
        if (folder / "gold.jsonl").is_file():
            out[folder.name] = (folder, folder / "gold.jsonl")
    return out


def score(name: str, folder: Path, gold: Path, tmp: Path) -> dict[str, object]:
    pred = tmp / f"{name}.jsonl"
    with pred.open("w", encoding="utf-8") as fh:
        for article in read_articles(sorted(folder.glob("*.txt"))):
            for stmt in extract(article):
                fh.write(json.dumps(stmt.to_record(), ensure_ascii=False) + "\n")
    proc = subprocess.run(
        [sys.executable, str(SHARED / "tools" / "score.py"), "--gold", str(gold), "--pred", str(pred), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, object] = json.loads(proc.stdout)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="sets to score (default: all)")
    args = parser.parse_args()
    available = sets()
    names = args.names or list(available)
    unknown = [n for n in names if n not in available]
    if unknown:
        parser.error(f"unknown set(s) {unknown}; known: {', '.join(available)}")
    print(f"extractor {EXTRACTOR_VERSION}")
    print(f"{'set':<10} {'stmt P':>6} {'stmt R':>6} {'stmt F1':>7} {'speaker':>7} {'cond':>6} {'date':>5} {'qid':>5}")
    micro = [0, 0, 0]  # tp, fp, fn summed over the development sets scored (never a holdout)
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            folder, gold = available[name]
            r = score(name, folder, gold, Path(tmp))
            st, sp, co = r["statements"], r["speakers"], r["conditions"]
            if not name.startswith("holdout"):
                for i, key in enumerate(("tp", "fp", "fn")):
                    micro[i] += int(st[key])  # type: ignore[index]

            def f(x: object) -> str:
                return "n/a" if x is None else f"{float(x):.2f}"  # type: ignore[arg-type]

            print(
                f"{name:<10} {f(st['precision']):>6} {f(st['recall']):>6} {f(st['f1']):>7} "  # type: ignore[index]
                f"{f(sp['f1']):>7} {f(co['f1']):>6} {f(r['date_accuracy']):>5} {f(r['wikidata_accuracy']):>5}"  # type: ignore[index]
            )
    tp, fp, fn = micro
    if tp + fp + fn:
        p = tp / (tp + fp) if tp + fp else 0.0
        r_ = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * p * r_ / (p + r_) if p + r_ else 0.0
        print(f"micro over the development sets above: tp {tp} fp {fp} fn {fn}  P {p:.3f} R {r_:.3f} F1 {f1:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The memo tables of the extractor (memo.py) change no output: a step read from a memo gives
what the step computes afresh, wherever the same text stands and whatever came before."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from datetime import date

from stancegraph.graph.extract import (
    claim_stance,
    extract_statements,
    memo,
    speech_hits,
    stance,
)
from stancegraph.graph.extract.memo import Memo
from stancegraph.graph.extract.text import Paragraph, paragraphs
from stancegraph.graph.records import Article

PUB = date(2024, 6, 13)

PARAS = [
    "KYIV, June 12 (Reuters) - Ukraine is ready for talks only once Russian troops leave, "
    "Foreign Minister Dmytro Kuleba said on Wednesday.",
    "“There will be no negotiations while they shell our cities,” he told reporters. "
    "According to the Kremlin, Moscow remained open to dialogue.",
    "Kremlin spokesman Dmitry Peskov said Kyiv had refused to negotiate, and that it was "
    "for Ukraine to accept the new realities.",
]


def _article(paras: list[str], aid: str) -> Article:
    return Article(id=aid, text="\n\n".join(paras), source=f"{aid}.txt", published=PUB)


def _clear() -> None:
    memo.clear_all()


def test_memo_forgets_the_oldest_entry_first() -> None:
    m: Memo[int] = Memo(2)
    m.put("a", 1)
    m.put("b", 2)
    m.put("a", 3)  # an update takes no room
    m.put("c", 4)
    assert (m.get("a"), m.get("b"), m.get("c"), len(m)) == (None, 2, 4, 2)


def test_a_moved_unit_copies_every_field() -> None:
    values = {
        "stance": "ready", "conditions": ("ceasefire",), "offers": ("x",), "start": 3, "end": 9,
        "strength": 0.5, "target": "Russia", "strong_marker": True, "frame": "ready", "contingent": True,
        "unconditional": True, "denial": True, "ordered": True,
    }  # fmt: skip
    assert set(values) == {f.name for f in dataclasses.fields(stance.Unit)}
    u = stance.Unit(**values)  # type: ignore[arg-type]
    assert claim_stance._moved(u, 0) == u and claim_stance._moved(u, 0) is not u
    assert claim_stance._moved(u, 5) == dataclasses.replace(u, start=8, end=14)


def test_the_same_text_elsewhere_reads_the_same_with_warm_or_cold_memos() -> None:
    _clear()
    cold = [s.to_record() for s in extract_statements(_article(PARAS, "a"))]
    moved = _article(["A headline about the war", *PARAS[::-1], *PARAS], "b")
    _clear()
    cold_moved = [s.to_record() for s in extract_statements(moved)]
    warm = [s.to_record() for s in extract_statements(_article(PARAS, "a"))]  # memos hold article b's text
    warm_moved = [s.to_record() for s in extract_statements(moved)]
    assert cold and warm == cold and warm_moved == cold_moved


def test_memoized_sentence_hits_equal_a_fresh_scan_at_any_offset() -> None:
    _clear()
    for art in (_article(PARAS, "a"), _article(["Intro line.", *PARAS], "b")):
        for p in paragraphs(art):
            for sent in p.sentences:
                assert speech_hits.sentence_hits(art.text, sent, p.quotes) == speech_hits.find_hits(
                    art.text, sent, p.quotes
                )


def test_memoized_paragraphs_equal_fresh_ones() -> None:
    art = _article(["• " + PARAS[0], *PARAS[1:]], "a")
    _clear()
    cold: list[Paragraph] = paragraphs(art)
    warm = paragraphs(art)
    assert warm == cold and warm[0] is not cold[0]


def test_a_blanked_region_keeps_the_spans_text_and_blanks_the_rest() -> None:
    norm = "".join(chr(ord("a") + i % 26) for i in range(120))
    for spans in ([(10, 20)], [(30, 40), (10, 20)], [(10, 30), (15, 20), (25, 50)], [(10, 20), (60, 60)]):
        lo, hi = min(s for s, _ in spans), max(e for _, e in spans)
        chars = [" "] * (hi - lo)  # the construction it replaces
        for s, e in spans:
            chars[s - lo : e - lo] = norm[s:e]
        assert claim_stance._blanked(norm, spans, lo) == "".join(chars)


def test_the_switch_turns_every_memo_off_and_back_on() -> None:
    m: Memo[int] = Memo(4)
    m.put("a", 1)
    calls: list[str] = []

    @memo.cached(8)
    def f(x: str) -> str:
        calls.append(x)
        return x.upper()

    with memo.memos(False):
        assert not memo.enabled()
        assert m.get("a") is None
        m.put("b", 2)
        assert f("x") == f("x") == "X" and calls == ["x", "x"]
    assert memo.enabled() and m.get("a") == 1 and m.get("b") is None
    assert f("x") == f("x") == "X" and calls == ["x", "x", "x"]


def test_the_environment_variable_turns_memos_off_in_a_subprocess() -> None:
    code = "from stancegraph.graph.extract import memo; print(memo.enabled())"
    for value, expect in (("0", "False"), ("off", "False"), ("1", "True")):
        env = {**os.environ, "STANCEGRAPH_MEMO": value}
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
        assert out.stdout.strip() == expect

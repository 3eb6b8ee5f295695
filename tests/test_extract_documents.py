"""A document speaks for its author (invented sentences): a possessed plan, a signed decree."""

from __future__ import annotations

from datetime import date

from stancegraph.graph.extract import extract_statements
from stancegraph.graph.extract.documents import document_hits
from stancegraph.graph.records import Article, Statement

PUB = date(2024, 3, 14)


def run(text: str) -> list[Statement]:
    return extract_statements(Article(id="t", text=text, source="t.txt", published=PUB))


def spans(text: str) -> list[tuple[str, str]]:
    return [(text[a:b], text[c:d]) for (a, b), (c, d) in document_hits(text, 0, len(text))]


def test_a_possessed_proposal_that_demands_is_the_possessors() -> None:
    got = run(
        "Some background on the war.\n\n"
        'Talks have stalled for months, and Vladimir Putin\'s autumn "peace plan" demanded that Ukraine '
        "withdraw its troops from the Kherson region before any ceasefire."
    )
    assert [s.speaker.name for s in got] == ["Vladimir Putin"]


def test_a_possessive_pronoun_and_a_named_possessor_are_authors() -> None:
    assert spans("His letter calls for a truce.") == [("His", "calls for")]
    assert spans("The Kremlin's memorandum sets out the terms.") == [("The Kremlin", "sets out")]


def test_a_signed_decree_that_declares_is_the_signers() -> None:
    text = (
        "Volodymyr Zelensky on Tuesday signed a decree enacting a ruling of the security council that "
        "declares talks with Vladimir Putin impossible."
    )
    assert spans(text) == [("Volodymyr Zelensky", "declares")]


def test_a_document_that_is_only_read_or_discussed_speaks_for_nobody() -> None:
    assert spans("Sergei Lavrov read a plan that analysts said was vague.") == []
    assert spans("The ministers discussed the proposal at length.") == []


def test_a_month_after_a_possessive_dates_the_document() -> None:
    from stancegraph.graph.extract.dates import find_dates

    got = [(x.value, x.kind) for x in find_dates("Kyiv's March offer stands", date(2024, 8, 12), 0)]
    assert got == [("2024-03", "month")]
    assert list(find_dates("Russia's may be the last word", date(2024, 8, 12), 0)) == []

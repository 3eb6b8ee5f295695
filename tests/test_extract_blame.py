"""Blame (rules-0.5.0): cleft sentences give the act to the side they name or deny, and
blame wordings without 'refuse'. Invented sentences."""

from __future__ import annotations

from datetime import date

from stancegraph.graph.extract import extract_statements
from stancegraph.graph.extract.actors import gazetteer
from stancegraph.graph.extract.blame import cleft
from stancegraph.graph.records import Article

PUB = date(2024, 3, 14)


def stances(text: str) -> set[tuple[str, str]]:
    art = Article(id="t", text=text, source="t.txt", published=PUB)
    return {(s.speaker.name, s.stance) for s in extract_statements(art)}


def test_cleft_frame() -> None:
    g = gazetteer()
    lavrov = g.actor(next(iter(g.find("Sergei Lavrov")))[2])
    assert cleft("It was not us who ", lavrov) == (False, "other")
    assert cleft("it was Kyiv, backed by London, that ", lavrov) == (False, "other")
    assert cleft("It is not Kyiv that ", lavrov) is None  # who did it instead is not said
    assert cleft("We said that ", lavrov) is None


def test_denied_cleft_on_the_own_side_accuses_the_other() -> None:
    got = stances(
        'Filler line.\n\n"It was not Moscow that broke off the negotiations in Istanbul," Sergei Lavrov said on Monday.'
    )
    assert got == {("Sergey Lavrov", "accuses")}


def test_affirmed_cleft_names_who_refuses() -> None:
    got = stances(
        "Filler line.\n\nSergei Lavrov said on Monday that it was Kyiv, pushed by London, that rejected the talks."
    )
    assert got == {("Sergey Lavrov", "accuses")}


def test_their_choice_and_a_flat_refusal_accuse() -> None:
    assert stances('Filler line.\n\n"Stopping the talks was solely their choice," Maria Zakharova said.') == {
        ("Maria Zakharova", "accuses")
    }
    got = stances(
        'Filler line.\n\n"Every overture of ours is met with a blunt refusal from Kyiv," Maria Zakharova said.'
    )
    assert got == {("Maria Zakharova", "accuses")}


def test_the_other_side_closed_this_door() -> None:
    got = stances('Filler line.\n\n"Kyiv itself shut that door," Maria Zakharova said on Monday.')
    assert got == {("Maria Zakharova", "accuses")}


def test_deceiving_the_mediators_accuses() -> None:
    got = stances(
        'Filler line.\n\n"The Russians keep deceiving the mediators about the truce," Andrii Sybiha said on Monday.'
    )
    assert got == {("Andrii Sybiha", "accuses")}

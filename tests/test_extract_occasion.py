"""Stance coding round 2 (rules-0.4.4): one occasion, which stances stand as statements;
negative subjects; hypothetical clauses. Invented sentences, one per rule."""

from __future__ import annotations

from datetime import date

from stancegraph.graph.extract import extract_statements
from stancegraph.graph.records import Article, Statement

PUB = date(2024, 3, 14)


def run(text: str) -> list[Statement]:
    return extract_statements(Article(id="t", text=text, source="t.txt", published=PUB))


def stances(text: str) -> set[tuple[str, str]]:
    return {(s.speaker.name, s.stance) for s in run(text)}


def test_denied_refusal_beside_an_accusation_is_no_readiness_of_its_own() -> None:
    got = stances(
        "Filler line.\n\nDmitry Peskov said on Monday that Moscow had never refused dialogue and that Kyiv had "
        "sabotaged the talks from the start."
    )
    assert got == {("Dmitry Peskov", "accuses")}


def test_denied_refusal_alone_is_readiness() -> None:
    got = stances("Filler line.\n\nDmitry Peskov said on Monday that Moscow had never refused negotiations.")
    assert got == {("Dmitry Peskov", "ready")}


def test_a_wish_for_peace_beside_a_refusal_supports_the_refusal() -> None:
    got = stances(
        'Filler line.\n\n"We all want peace, of course. But there will be no talks with the people who bombed '
        'our school," said Olha, a teacher in Kharkiv, on Monday.'
    )
    assert ("Olha", "ready") not in got
    assert ("Olha", "refuses") in got


def test_explicit_readiness_beside_an_accusation_stays_two_statements() -> None:
    got = stances(
        "Filler line.\n\nVladimir Putin said on Monday that Russia was ready to negotiate, and that it was Kyiv "
        "and its Western backers who were refusing to talk."
    )
    assert {("Vladimir Putin", "ready"), ("Vladimir Putin", "accuses")} <= got


def test_nobody_will_sign_is_a_refusal() -> None:
    got = stances('Filler line.\n\n"Nobody in this city will sign such a peace deal," Oleksandr Kovalenko said.')
    assert got == {("Oleksandr Kovalenko", "refuses")}


def test_a_refusal_inside_an_if_clause_is_no_accusation() -> None:
    got = stances(
        "Filler line.\n\nThe envoy's plan, Keith Kellogg said, would send more weapons to Kyiv if Moscow refused "
        "to join the talks."
    )
    assert ("Keith Kellogg", "accuses") not in got


def test_who_is_blocking_peace_as_an_open_question_accuses_nobody() -> None:
    got = stances(
        "Filler line.\n\nMarco Rubio said on Tuesday that an answer from Moscow would show the world who was "
        "blocking peace."
    )
    assert ("Marco Rubio", "accuses") not in got


def test_an_accusation_stated_outright_stays() -> None:
    got = stances("Filler line.\n\nMarco Rubio said on Tuesday that Moscow was blocking the peace talks.")
    assert ("Marco Rubio", "accuses") in got


def test_unacceptable_to_the_speakers_side_is_its_refusal() -> None:
    got = stances(
        "Filler line.\n\nSergei Lavrov said on Monday that any plan to station NATO troops in Ukraine would be "
        "unacceptable to Russia."
    )
    assert got == {("Sergey Lavrov", "refuses")}


def test_let_them_talk_from_one_sides_people_is_consent_not_an_appeal() -> None:
    got = stances('Filler line.\n\n"Let them sit and talk, and let our sons come home," said Volodymyr Zelensky.')
    assert ("Volodymyr Zelensky", "ready") in got
    assert ("Volodymyr Zelensky", "urges") not in got


def test_let_them_talk_from_a_third_party_is_an_appeal() -> None:
    got = stances('Filler line.\n\n"Let them sit and talk before winter comes," said Recep Tayyip Erdogan.')
    assert ("Recep Tayyip Erdoğan", "urges") in got or ("Recep Tayyip Erdogan", "urges") in got


def test_a_third_partys_published_plan_calling_for_talks_is_mediation() -> None:
    got = stances(
        "Filler line.\n\nBrazil on Monday released a five-point proposal calling for an immediate truce and "
        "direct talks between Moscow and Kyiv."
    )
    assert got == {("Brazil", "mediates")}


def test_a_third_partys_bare_call_for_talks_stays_an_appeal() -> None:
    got = stances("Filler line.\n\nBrazil on Monday called for direct talks between Moscow and Kyiv.")
    assert got == {("Brazil", "urges")}


def test_a_described_demand_for_surrender_is_not_the_speakers_victory_term() -> None:
    got = run(
        "Filler line.\n\nKaja Kallas said on Monday that the Kremlin's offer was a demand for Ukraine's "
        "capitulation dressed up as diplomacy."
    )
    assert all("victory" not in s.conditions for s in got)


def test_refusing_only_what_breaks_the_terms_restates_the_conditional_position() -> None:
    got = stances(
        'Filler line.\n\n"Talks can start only after every occupying soldier has left our land," Taras Melnyk, '
        'a farmer, said on Monday. "I will never sign any paper that lets them keep one village."'
    )
    assert got == {("Taras Melnyk", "conditional")}


def test_a_plain_refusal_beside_terms_stays_its_own_statement() -> None:
    got = stances(
        'Filler line.\n\n"Talks can start only after every occupying soldier has left our land," Taras Melnyk, '
        'a farmer, said on Monday. "We will never give them our land."'
    )
    assert {("Taras Melnyk", "conditional"), ("Taras Melnyk", "refuses")} <= got

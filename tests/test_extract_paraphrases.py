"""Paraphrases without a topic word in the clause (rules-0.5.0): refused concessions, appeals
that name the way, third-party offices without 'mediate'. Invented sentences, one per wording family."""

from __future__ import annotations

from datetime import date

from stancegraph.graph.extract import extract_statements
from stancegraph.graph.records import Article

PUB = date(2024, 3, 14)


def stances(text: str) -> set[tuple[str, str]]:
    art = Article(id="t", text=text, source="t.txt", published=PUB)
    return {(s.speaker.name, s.stance) for s in extract_statements(art)}


def test_never_recognising_occupied_land_as_russian_is_a_refusal() -> None:
    got = stances('Filler line.\n\n"We shall never recognise Kherson as Russian," Dmytro Kuleba said on Monday.')
    assert got == {("Dmytro Kuleba", "refuses")}


def test_no_freezing_and_no_trading_of_land_is_a_refusal() -> None:
    got = stances(
        'Filler line.\n\n"There will be no freezing of the front and no trading of our land," Andriy Yermak said.'
    )
    assert got == {("Andriy Yermak", "refuses")}


def test_the_way_forward_is_diplomacy_is_an_appeal() -> None:
    got = stances('Filler line.\n\n"The way forward lies through diplomacy," Narendra Modi said on Monday.')
    assert got == {("Narendra Modi", "urges")}


def test_disputes_resolved_peacefully_is_an_appeal() -> None:
    got = stances("Filler line.\n\nNarendra Modi said on Monday that such disputes must be resolved peacefully.")
    assert got == {("Narendra Modi", "urges")}


def test_somebody_must_make_them_talk_is_an_appeal() -> None:
    got = stances(
        'Filler line.\n\n"Someone has to make the two sides speak to each other," said Ruth, a nurse in Ohio.'
    )
    assert got == {("Ruth", "urges")}


def test_they_need_to_say_yes_is_an_appeal() -> None:
    got = stances('Filler line.\n\n"The Russians now need to say yes," Marco Rubio said on Monday.')
    assert got == {("Marco Rubio", "urges")}


def test_bringing_the_sides_closer_is_mediation() -> None:
    got = stances('Filler line.\n\n"Hungary can help bring both parties closer," Viktor Orbán said on Monday.')
    assert ("Viktor Orbán", "mediates") in got


def test_offering_a_continents_help_to_find_a_way_out_is_mediation() -> None:
    got = stances(
        'Filler line.\n\n"We are offering Brazil\'s help in finding a way out," Luiz Inácio Lula da Silva said.'
    )
    assert got == {("Luiz Inácio Lula da Silva", "mediates")}


def test_carrying_what_the_delegation_heard_is_mediation() -> None:
    got = stances(
        "Filler line.\n\nCyril Ramaphosa said the delegation would carry what it had heard in Moscow to President "
        "Volodymyr Zelensky."
    )
    assert ("Cyril Ramaphosa", "mediates") in got


def test_not_wanting_our_side_signing_or_in_the_room_is_a_refusal() -> None:
    got = stances(
        'Filler line.\n\n"I do not want our ministers signing anything with them," said Oksana, a baker in Lviv.'
    )
    assert got == {("Oksana", "refuses")}
    got = stances(
        'Filler line.\n\n"I don\'t want our generals sitting in the same room," said Oksana, a baker in Lviv.'
    )
    assert got == {("Oksana", "refuses")}

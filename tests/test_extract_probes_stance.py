"""Probe passages for stance coverage: invented sentences in the registers of news about talks
(wire copy, live blogs, newsletters, translated state media), one per wording family. Each row is
(text, expected {(speaker, stance)}); a row stands for a general phrasing, not one article."""

from __future__ import annotations

from datetime import date

import pytest

from stancegraph.graph.extract import extract_statements
from stancegraph.graph.records import Article

PUB = date(2025, 4, 2)


def stances(text: str) -> set[tuple[str, str]]:
    art = Article(id="t", text=text, source="t.txt", published=PUB)
    return {(s.speaker.name, s.stance) for s in extract_statements(art)}


REFUSALS = [
    # no haste to negotiate: own side refuses, the other side is accused
    ("Sergei Lavrov said Moscow is in no hurry to negotiate.", {("Sergey Lavrov", "refuses")}),
    ("Dmitry Peskov said the Kremlin was in no rush to sit down with Kyiv.", {("Dmitry Peskov", "refuses")}),
    ("Volodymyr Zelensky said Russia is in no hurry to negotiate.", {("Volodymyr Zelensky", "accuses")}),
    # an outcome judged a loss
    (
        "Donald Tusk said any freeze along the current front line would be a defeat for Ukraine.",
        {("Donald Tusk", "refuses")},
    ),
    (
        "Volodymyr Zelensky said a ceasefire on Russia's terms would amount to capitulation.",
        {("Volodymyr Zelensky", "refuses")},
    ),
    (
        "Kaja Kallas said a deal that rewards aggression would be a betrayal of Ukraine.",
        {("Kaja Kallas", "refuses")},
    ),
    # talks declared premature
    ("Vladimir Putin said any talk of a truce is premature.", {("Vladimir Putin", "refuses")}),
    # not to be pushed into terms; a negated agreement to an outcome
    ("Volodymyr Zelensky said Ukraine would not be forced into a bad deal.", {("Volodymyr Zelensky", "refuses")}),
    ("Andrii Sybiha said Ukraine would never agree to a frozen conflict.", {("Andrii Sybiha", "refuses")}),
]

NOT_REFUSALS = [
    # "too early" for a date or a breakthrough is no refusal of talks
    ("Yuri Ushakov said it was too early to name a date for a summit.", "refuses"),
    ("Dmitry Peskov said it was too early to speak of a breakthrough.", "refuses"),
]


@pytest.mark.parametrize(("text", "expected"), REFUSALS)
def test_refusal_wordings(text: str, expected: set[tuple[str, str]]) -> None:
    assert stances("Filler line.\n\n" + text) == expected


@pytest.mark.parametrize(("text", "stance"), NOT_REFUSALS)
def test_not_refusals(text: str, stance: str) -> None:
    assert all(s != stance for _n, s in stances("Filler line.\n\n" + text))


READINESS_AND_TERMS = [
    # readiness for a leaders' contact
    ("Dmitry Peskov said Putin was open to a phone call with Zelensky.", {("Dmitry Peskov", "ready")}),
    # readiness tied to a change on the other side is conditional
    (
        "Andrii Sybiha said Ukraine would be ready to negotiate once Russia stops its attacks on energy sites.",
        {("Andrii Sybiha", "conditional")},
    ),
    # a time ("as soon as tomorrow") is no condition
    ("Volodymyr Zelensky said Ukraine was ready to meet as soon as next week.", {("Volodymyr Zelensky", "ready")}),
]


@pytest.mark.parametrize(("text", "expected"), READINESS_AND_TERMS)
def test_readiness_and_terms(text: str, expected: set[tuple[str, str]]) -> None:
    assert stances("Filler line.\n\n" + text) == expected


def conditions(text: str) -> set[str]:
    art = Article(id="t", text="Filler line.\n\n" + text, source="t.txt", published=PUB)
    return {c for s in extract_statements(art) for c in s.conditions}


def test_what_the_other_side_must_accept_is_a_term() -> None:
    text = "Volodymyr Zelensky said Ukraine was ready for talks, but only once Moscow agrees to a full truce."
    assert "ceasefire" in conditions(text)


def test_a_term_ordered_before_the_truce_is_demanded() -> None:
    text = "Volodymyr Zelensky insisted that security guarantees had to come before any ceasefire."
    assert "security-guarantees" in conditions(text)


APPEALS_ACCUSATIONS_OFFICES = [
    ("Luiz Inacio Lula da Silva said the world needs to talk about peace.", {("Luiz Inácio Lula da Silva", "urges")}),
    ("Donald Trump said Zelensky had better get to the table fast.", {("Donald Trump", "urges")}),
    ("Volodymyr Zelensky said Moscow was stalling for time.", {("Volodymyr Zelensky", "accuses")}),
    (
        "Andrii Sybiha said Russia keeps inventing new preconditions to avoid real talks.",
        {("Andrii Sybiha", "accuses")},
    ),
    ("Volodymyr Zelensky said Putin's words about peace are a lie.", {("Volodymyr Zelensky", "accuses")}),
    ("Andrii Sybiha said Russia's truce offer was nothing more than a PR stunt.", {("Andrii Sybiha", "accuses")}),
    ("Keir Starmer said the Kremlin was dragging its feet.", {("Keir Starmer", "accuses")}),
    ("Volodymyr Zelensky said Russia keeps moving the goalposts.", {("Volodymyr Zelensky", "accuses")}),
    ("Kaja Kallas said Russia had no intention of stopping the war.", {("Kaja Kallas", "accuses")}),
    (
        "Volodymyr Zelensky said Putin wants to drag the United States into endless talks.",
        {("Volodymyr Zelensky", "accuses")},
    ),
    (
        "Volodymyr Zelensky said Russia was using the talks as cover for a new offensive.",
        {("Volodymyr Zelensky", "accuses")},
    ),
    (
        "Recep Tayyip Erdogan said Turkey would provide a platform for negotiations.",
        {("Recep Tayyip Erdoğan", "mediates")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), APPEALS_ACCUSATIONS_OFFICES)
def test_appeals_accusations_offices(text: str, expected: set[tuple[str, str]]) -> None:
    assert stances("Filler line.\n\n" + text) == expected


CONDITIONS = [
    ("Andrii Sybiha said any talks must involve Europe at the table.", "talks-format"),
    ("Volodymyr Zelensky said Ukraine wanted a peace that returns all its land, Crimea included.", "borders-1991"),
    (
        "Dmytro Kuleba said the war would end when Ukraine regains control over its internationally "
        "recognised borders.",
        "borders-1991",
    ),
    (
        "Volodymyr Zelensky said any ceasefire must come with a Western peacekeeping contingent on the ground.",
        "security-guarantees",
    ),
    ("Vladimir Putin said Ukraine's army must be capped.", "demilitarization"),
    ("Vladimir Putin said Ukraine must remain outside military blocs.", "neutrality"),
]


@pytest.mark.parametrize(("text", "code"), CONDITIONS)
def test_condition_wordings(text: str, code: str) -> None:
    art = Article(id="t", text="Filler line.\n\n" + text, source="t.txt", published=PUB)
    assert any(s.stance == "conditional" and code in s.conditions for s in extract_statements(art))


def test_what_comes_before_only_if_is_given_not_demanded() -> None:
    text = "David Arakhamia said Ukraine will stay outside military blocs only if it gets binding security guarantees."
    assert conditions(text) == {"security-guarantees"}


def test_a_question_about_ceding_land_sets_the_topic_of_a_bare_answer() -> None:
    got = stances('Filler line.\n\nAsked whether Ukraine would cede land for peace, Volodymyr Zelensky said: "Never."')
    assert got == {("Volodymyr Zelensky", "refuses")}


DENIALS_AND_IMPOSED_TERMS = [
    ("Vladimir Putin said Russia had never been against negotiations.", {("Vladimir Putin", "ready")}),
    ("Volodymyr Zelensky said Ukraine would not let anyone impose a deal on it.", {("Volodymyr Zelensky", "refuses")}),
    ("Volodymyr Zelensky said Ukraine was not going to sign a capitulation.", {("Volodymyr Zelensky", "refuses")}),
    ("Volodymyr Zelensky said Russia had ignored the American proposal.", {("Volodymyr Zelensky", "accuses")}),
    ("Volodymyr Zelensky said Putin does not want to stop.", {("Volodymyr Zelensky", "accuses")}),
    ("Sergei Lavrov said Western countries were pushing Kyiv to continue the war.", {("Sergey Lavrov", "accuses")}),
]


@pytest.mark.parametrize(("text", "expected"), DENIALS_AND_IMPOSED_TERMS)
def test_denials_and_imposed_terms(text: str, expected: set[tuple[str, str]]) -> None:
    assert stances("Filler line.\n\n" + text) == expected


def test_what_is_considered_before_if_is_given_and_nato_protection_is_a_guarantee() -> None:
    text = (
        "Volodymyr Zelensky said Ukraine could consider a ceasefire along the current line if it got NATO "
        "protection for the territory it controls."
    )
    assert conditions(text) == {"security-guarantees"}


def test_a_qualified_freeze_is_a_topic_and_received_guarantees_a_term() -> None:
    text = "Volodymyr Zelensky hinted that Ukraine might accept a temporary freeze if it received guarantees."
    assert stances("Filler line.\n\n" + text) == {("Volodymyr Zelensky", "conditional")}
    assert conditions(text) == {"security-guarantees"}

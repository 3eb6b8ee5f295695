"""Leftovers of the stance rounds (rules-0.5.2): a third party's readiness read by a cue is its
offices (mediates), blame by a denied decision ("not our decision to ..."), who sits at the
table stated as a rule (talks-format), a non-aligned state's format term as an appeal.
Invented sentences."""

from __future__ import annotations

from datetime import date

from stancegraph.graph.extract import extract_statements
from stancegraph.graph.extract.actors import gazetteer
from stancegraph.graph.extract.blame import cleft
from stancegraph.graph.extract.cues import offices
from stancegraph.graph.records import Article

PUB = date(2024, 8, 14)


def statements(text: str) -> set[tuple[str, str, tuple[str, ...]]]:
    art = Article(id="t", text="Filler line.\n\n" + text, source="t.txt", published=PUB)
    return {(s.speaker.name, s.stance, s.conditions) for s in extract_statements(art)}


def actor(name: str):  # type: ignore[no-untyped-def]
    g = gazetteer()
    return g.actor(next(iter(g.find(name)))[2])


def test_offices_need_a_third_party_and_the_others_talks() -> None:
    erdogan, lavrov = actor("Recep Tayyip Erdogan"), actor("Sergei Lavrov")
    clause = "Ankara stands ready to receive both sides again"
    end = clause.index("ready") + len("ready")
    assert offices(clause, end, erdogan)
    assert not offices(clause, end, lavrov)  # a party to the war does not mediate
    plain = "Ankara stands ready for a meeting with him"
    assert not offices(plain, plain.index("ready") + len("ready"), erdogan)


def test_third_party_readiness_to_receive_the_sides_mediates() -> None:
    got = statements(
        "Recep Tayyip Erdogan said on Monday that the talks had been useful and that Ankara "
        "stood ready to receive the two sides again."
    )
    assert got == {("Recep Tayyip Erdoğan", "mediates", ())}


def test_a_denied_decision_is_the_other_sides_act() -> None:
    lavrov = actor("Sergei Lavrov")
    assert cleft("It was not our decision to ", lavrov) == (False, "other")
    assert cleft("it was Kyiv's choice to ", lavrov) == (False, "other")
    assert cleft("It was our decision to ", lavrov) == (False, "self")
    got = statements('"It was not our decision to walk away from the negotiations," Sergei Lavrov said on Monday.')
    assert got == {("Sergey Lavrov", "accuses", ())}


def test_who_sits_at_the_table_stated_as_a_rule() -> None:
    got = statements(
        '"This concerns Moscow and Washington. The Europeans have no place at this table," '
        "Maria Zakharova said on Monday."
    )
    assert got == {("Maria Zakharova", "conditional", ("talks-format",))}
    got = statements('"The principal format remains a bilateral one," Dmitry Peskov said on Monday.')
    assert got == {("Dmitry Peskov", "conditional", ("talks-format",))}


def test_a_non_aligned_states_format_term_is_an_appeal() -> None:
    got = statements(
        '"Peace can only come through direct talks between Russia and Ukraine," Subrahmanyam Jaishankar said on Monday.'
    )
    assert got == {("Subrahmanyam Jaishankar", "urges", ("talks-format",))}
    # an ally of one side keeps its terms
    assert statements('"Ukraine must be at the table," Kaja Kallas said on Monday.') == {
        ("Kaja Kallas", "conditional", ("talks-format",))
    }

"""Stance from demands and refusal wordings, conditions united per occasion (rules-0.4.2).

Invented sentences, one per rule."""

from __future__ import annotations

from datetime import date

from stancegraph.graph.extract import extract_statements
from stancegraph.graph.records import Article, Statement

PUB = date(2024, 3, 14)


def run(text: str) -> list[Statement]:
    return extract_statements(Article(id="t", text=text, source="t.txt", published=PUB))


def stances(text: str) -> set[tuple[str, str, tuple[str, ...]]]:
    return {(s.speaker.name, s.stance, s.conditions) for s in run(text)}


def test_condition_with_demand_modal_is_conditional() -> None:
    got = stances("Filler line.\n\nSergei Lavrov said any accord has to address the root causes of the crisis.")
    assert ("Sergey Lavrov", "conditional", ("root-causes",)) in got


def test_goal_clause_names_victory() -> None:
    got = stances("Filler line.\n\nVladimir Putin said on Monday that peace would come once we achieve our objectives.")
    assert {(n, s) for n, s, _ in got} == {("Vladimir Putin", "conditional")}
    assert "victory" in next(iter(got))[2]


def test_only_sense_once_is_terms_not_accusation() -> None:
    got = stances(
        "Filler line.\n\nDmytro Kuleba said talks would only be worth it once those responsible "
        "had been brought before a tribunal."
    )
    assert ("Dmytro Kuleba", "conditional", ("accountability",)) in got
    assert not any(s == "accuses" for _, s, _ in got)


def test_not_the_moment_for_talks_is_refusal() -> None:
    got = stances("Filler line.\n\nVolodymyr Zelensky said on Monday it was not the time for negotiations with Moscow.")
    assert ("Volodymyr Zelensky", "refuses", ()) in got


def test_not_interested_in_a_pause_is_refusal() -> None:
    got = stances('Filler line.\n\n"We are not interested in a pause," Maria Zakharova said.')
    assert any(n == "Maria Zakharova" and s == "refuses" for n, s, _ in got)


def test_other_side_throwing_away_a_deal_is_accusation() -> None:
    got = stances("Filler line.\n\nVladimir Putin said Kyiv had torn up a draft agreement under Western pressure.")
    assert any(n == "Vladimir Putin" and s == "accuses" for n, s, _ in got)


def test_nothing_to_show_earnest_is_accusation() -> None:
    got = stances("Filler line.\n\nAntony Blinken said there was nothing to suggest Moscow was negotiating in earnest.")
    assert any(n == "Antony Blinken" and s == "accuses" for n, s, _ in got)


def test_third_party_keeps_hosting_is_mediation() -> None:
    got = stances("Filler line.\n\nHakan Fidan said Turkey would continue hosting the process for as long as needed.")
    assert any(n == "Hakan Fidan" and s == "mediates" for n, s, _ in got)


def test_bare_mentions_join_a_conditional_occasion() -> None:
    text = (
        "Filler line.\n\n"
        'Dmytro Kuleba said on Monday: "We will negotiate only once Russian troops leave all our land. '
        'A pause in the fighting without binding commitments from our partners is a trap."'
    )
    got = stances(text)
    conds = next(c for n, s, c in got if n == "Dmytro Kuleba" and s == "conditional")
    assert {"russian-withdrawal", "security-guarantees"} <= set(conds)


def test_bare_mention_alone_makes_no_statement() -> None:
    got = stances("Filler line.\n\nDmytro Kuleba said on Monday that the truce of 2015 had been a trap for everyone.")
    assert not any(s == "conditional" for _, s, _ in got)


def test_interviewee_named_at_the_start_of_the_introduction() -> None:
    text = (
        "Headline of the interview\n\n"
        "Oksana Hrytsak is a deputy minister. She spoke to us on Tuesday.\n\n"
        "Q: Will you negotiate?\n\nA: We will talk only once Russian troops leave all of our land.\n\n"
        "Q: And the guarantees?\n\nA: They must be binding, with NATO membership at the end."
    )
    got = run(text)
    assert any(s.speaker.name == "Oksana Hrytsak" and s.stance == "conditional" for s in got)


def test_third_party_demand_is_an_appeal() -> None:
    got = stances("Filler line.\n\nViktor Orban said on Monday that the first step toward talks must be a truce.")
    assert any(n == "Viktor Orbán" and s == "urges" and "ceasefire" in c for n, s, c in got)


def test_topic_modal_with_terms_is_a_demand_not_an_appeal() -> None:
    got = stances("Filler line.\n\nDmytro Kuleba said on Monday that any talks must start from the peace formula.")
    assert ("Dmytro Kuleba", "conditional", ("peace-formula-basis",)) in got


def test_refusing_to_reward_the_aggressor() -> None:
    got = stances('Filler line.\n\n"We shall not reward the aggressor with our land," Volodymyr Zelensky said.')
    assert any(n == "Volodymyr Zelensky" and s == "refuses" for n, s, _ in got)


def test_wish_to_meet_is_readiness() -> None:
    got = stances("Filler line.\n\nDonald Trump said on Monday he would be happy to meet Putin to talk about a deal.")
    assert any(n == "Donald Trump" and s == "ready" for n, s, _ in got)


def test_a_demand_that_refers_back_to_the_terms_named_before() -> None:
    """0.5.6: "X, and that has to be Y": the modal clause demands the terms the clause before named."""
    got = run(
        'Filler line.\n\n"Those who gave the orders will answer before a court, and that has to be written into '
        'whatever ends this war," Dmytro Kuleba said on Monday.'
    )
    assert {(s.speaker.name, s.stance, s.conditions) for s in got} == {
        ("Dmytro Kuleba", "conditional", ("accountability",))
    }


def test_waiting_for_another_leader_on_the_other_side() -> None:
    got = run(
        "Filler line.\n\nDmitry Peskov said on Monday that Moscow was ready to talk and would wait for a future "
        "Ukrainian leader who is more willing."
    )
    assert ("Dmitry Peskov", "conditional", ("counterpart-leadership",)) in {
        (s.speaker.name, s.stance, s.conditions) for s in got
    }


def test_advances_on_the_battlefield_are_the_realities_demanded() -> None:
    got = run(
        "Filler line.\n\nKonstantin Kosachev said on Monday that any deal would have to reflect the army's "
        "advances on the battlefield."
    )
    assert any(s.stance == "conditional" and "battlefield-realities" in s.conditions for s in got)


def test_a_court_and_guarantees_named_as_what_a_truce_rests_on() -> None:
    got = run(
        "Filler line.\n\nDmytro Kuleba said on Monday that talks would only make sense once those who gave the "
        "orders had been brought before a court, and that any pause must be backed by firm guarantees."
    )
    conds = {c for s in got if s.stance == "conditional" for c in s.conditions}
    assert {"accountability", "security-guarantees"} <= conds


def test_demands_not_to_be_bargained_away_are_terms() -> None:
    """0.5.6: "demands it would not bargain away: X and Y" -- non-negotiable terms, a conditional position."""
    got = run(
        "Filler line.\n\nMykhailo Podolyak said on Monday that Kyiv had brought two demands it would not bargain "
        'away: "an immediate ceasefire and the withdrawal of Russian troops."'
    )
    assert ("Mykhailo Podolyak", "conditional") in {(s.speaker.name, s.stance) for s in got}


def test_talks_that_end_with_guarantees_are_what_a_third_party_backs() -> None:
    got = run(
        'Filler line.\n\n"Poland will back talks that end with real guarantees for Ukraine\'s security," Donald '
        "Tusk said on Monday."
    )
    assert ("Donald Tusk", "conditional", ("security-guarantees",)) in {
        (s.speaker.name, s.stance, s.conditions) for s in got
    }


def test_a_relative_clause_with_its_own_subject_is_read_apart() -> None:
    """0.5.6: ", which Moscow has refused" is another clause; the term before it stays the speaker's."""
    got = run(
        "Filler line.\n\nAndrii Sybiha said on Monday that the first step had to be a full ceasefire, which "
        "Moscow has so far refused."
    )
    assert ("Andrii Sybiha", "conditional", ("ceasefire",)) in {(s.speaker.name, s.stance, s.conditions) for s in got}


def test_a_relative_clause_names_what_the_demand_before_it_removes() -> None:
    got = run(
        'Filler line.\n\nAny settlement, Sergei Lavrov said on Monday, would have to "remove the reasons" for the '
        "war, which he blamed on NATO's eastward expansion."
    )
    assert any(s.stance == "conditional" and "root-causes" in s.conditions for s in got)


def test_no_talks_until_the_enemy_is_defeated_is_victory_as_the_term() -> None:
    got = run(
        "Filler line.\n\nDmitry Medvedev wrote on Monday that until the enemy was completely defeated there could "
        "be no talk of negotiations."
    )
    assert any(s.stance == "conditional" and "victory" in s.conditions for s in got)


def test_talks_seen_as_a_continuation_of_an_earlier_round() -> None:
    got = run(
        'Filler line.\n\n"We see these negotiations as a continuation of the Istanbul talks of 2022," Vladimir '
        "Medinsky said on Monday."
    )
    assert ("Vladimir Medinsky", "conditional", ("istanbul-basis",)) in {
        (s.speaker.name, s.stance, s.conditions) for s in got
    }


def test_an_end_to_the_attacks_as_the_first_step_is_a_third_partys_appeal() -> None:
    got = run(
        'Filler line.\n\nPietro Parolin said on Monday that the first step toward any negotiations had to be "an '
        'end to the attacks".'
    )
    assert ("Pietro Parolin", "urges") in {(s.speaker.name, s.stance) for s in got}

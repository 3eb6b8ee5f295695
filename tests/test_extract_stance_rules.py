"""Stance coding mechanisms (rules-0.4.3): contingent refusals, third persons, carried subjects.

Invented sentences, one per rule."""

from __future__ import annotations

from datetime import date

from stancegraph.graph.extract import extract_statements
from stancegraph.graph.records import Article, Statement

PUB = date(2024, 3, 14)


def run(text: str) -> list[Statement]:
    return extract_statements(Article(id="t", text=text, source="t.txt", published=PUB))


def stances(text: str) -> set[tuple[str, str]]:
    return {(s.speaker.name, s.stance) for s in run(text)}


def test_contingent_refusal_beside_terms_is_one_conditional_position() -> None:
    got = stances(
        "Filler line.\n\nSergei Lavrov said on Monday that any settlement must remove the root causes of the crisis. "
        '"Without that, there can be no lasting peace," Lavrov said.'
    )
    assert got == {("Sergey Lavrov", "conditional")}


def test_contingent_refusal_alone_stays_a_refusal() -> None:
    got = stances('Filler line.\n\n"There will be no talks without a change of heart," Dmitry Peskov said on Monday.')
    assert ("Dmitry Peskov", "refuses") in got


def test_plain_refusal_beside_terms_stays_apart() -> None:
    got = stances(
        "Filler line.\n\nVolodymyr Zelensky said on Monday that talks would be possible only once Russian troops "
        'withdraw from Ukrainian territory. "There will be no freeze of the front," Zelensky said.'
    )
    assert {("Volodymyr Zelensky", "conditional"), ("Volodymyr Zelensky", "refuses")} <= got


def test_a_man_who_does_not_want_peace_is_an_accusation() -> None:
    got = stances('Filler line.\n\n"He is a man who does not want peace," Andrii Sybiha said of Vladimir Putin.')
    assert ("Andrii Sybiha", "accuses") in got
    assert ("Andrii Sybiha", "refuses") not in got


def test_quoted_he_refusing_everything_is_an_accusation() -> None:
    got = stances('Filler line.\n\n"He will agree to nothing except our surrender," Dmytro Kuleba said of Putin.')
    assert ("Dmytro Kuleba", "accuses") in got


def test_bare_it_takes_the_state_of_the_previous_clause() -> None:
    got = stances(
        "Filler line.\n\nMaria Zakharova said Kyiv had wrecked every chance of dialogue, and that it had never "
        "intended to negotiate in good faith."
    )
    assert ("Maria Zakharova", "accuses") in got
    assert ("Maria Zakharova", "refuses") not in got


def test_own_state_it_stays_the_speaker() -> None:
    got = stances("Filler line.\n\nDmitry Peskov said the Kremlin was ready for talks.")
    assert ("Dmitry Peskov", "ready") in got


def test_hoping_the_other_side_says_yes_is_an_appeal() -> None:
    got = stances('Filler line.\n\n"We will put the offer to Moscow, and we hope they say yes," Marco Rubio said.')
    assert ("Marco Rubio", "urges") in got
    assert ("Marco Rubio", "ready") not in got


def test_waiting_to_see_whether_they_agree_is_an_appeal() -> None:
    got = stances('Filler line.\n\n"Now we will see whether the Russians agree," Marco Rubio said.')
    assert ("Marco Rubio", "urges") in got


def test_a_third_party_opening_its_doors_mediates() -> None:
    got = stances('Filler line.\n\n"Our doors remain open to both delegations," Hakan Fidan said.')
    assert ("Hakan Fidan", "mediates") in got


def test_ready_to_help_the_sides_meet_mediates() -> None:
    got = stances("Filler line.\n\nGiorgia Meloni said Italy was ready to help the two sides meet.")
    assert ("Giorgia Meloni", "mediates") in got


def test_an_ally_of_a_belligerent_can_host() -> None:
    got = stances("Filler line.\n\nAlexander Lukashenko offered on Sunday to host the delegations near the border.")
    assert ("Alexander Lukashenko", "mediates") in got


def test_a_belligerent_does_not_mediate() -> None:
    got = stances("Filler line.\n\nDmitry Peskov said Moscow was ready to host the delegations.")
    assert ("Dmitry Peskov", "mediates") not in got


def test_joint_subject_with_own_state_is_own_side() -> None:
    got = stances(
        'Filler line.\n\n"China and Brazil will work with all parties to build support for peace," Wang Yi said.'
    )
    assert ("Wang Yi", "mediates") in got


def test_without_preconditions_keeps_the_occasion_unconditional() -> None:
    got = run(
        "Filler line.\n\nVolodymyr Zelensky said on Monday that Kyiv was ready to meet Putin without preconditions. "
        '"Questions of land are for the leaders to settle, face to face," Zelensky said.'
    )
    assert {(s.stance, s.conditions) for s in got if s.speaker.name == "Volodymyr Zelensky"} == {("ready", ())}


def test_ready_for_a_format_offers_it() -> None:
    got = run("Filler line.\n\nVolodymyr Zelensky said Ukraine was ready for a trilateral meeting.")
    assert [(s.stance, s.conditions) for s in got] == [("ready", ())]


def test_behind_our_back_is_no_support_cue() -> None:
    got = run("Filler line.\n\nVolodymyr Zelensky said any deal struck behind Ukraine's back would not be recognised.")
    assert [(s.stance, s.conditions) for s in got] == [("refuses", ("talks-format",))]


def test_continuing_the_talks_held_in_istanbul_as_a_starting_point_is_a_basis() -> None:
    got = run(
        "Filler line.\n\nVladimir Medinsky said Moscow saw the round as a continuation of the negotiations held in "
        "Istanbul, which it wanted to use as the starting point for any agreement."
    )
    assert [(s.stance, s.conditions) for s in got] == [("conditional", ("istanbul-basis",))]


def test_third_party_report_of_both_sides_is_no_mediation() -> None:
    got = stances(
        "Filler line.\n\nMarco Rubio said on Monday that the two sides had agreed to set up working groups on a "
        "path to a settlement."
    )
    assert ("Marco Rubio", "mediates") not in got


def test_third_party_view_that_neither_side_is_ready_is_no_stance() -> None:
    got = stances("Filler line.\n\nMarco Rubio said on Monday that neither side seems ready for a compromise yet.")
    assert not any(name == "Marco Rubio" for name, _ in got)


def test_the_two_leaders_agreeing_stays_the_speakers_mediation() -> None:
    got = stances(
        "Filler line.\n\nDonald Trump said on Monday that the two leaders had agreed to move quickly toward a "
        "complete ceasefire."
    )
    assert ("Donald Trump", "mediates") in got


def test_no_compromise_on_a_principle_is_a_condition_not_a_refusal() -> None:
    got = run(
        'Filler line.\n\n"There can be no compromises on our territorial integrity," Andriy Yermak said on Monday.'
    )
    assert {(s.speaker.name, s.stance) for s in got} == {("Andriy Yermak", "conditional")}
    assert "international-law" in got[0].conditions


def test_refusing_to_trade_territory_stays_a_refusal() -> None:
    got = stances('Filler line.\n\n"We will not trade away our territory for a deal," Andriy Yermak said on Monday.')
    assert ("Andriy Yermak", "refuses") in got


def test_talks_impossible_because_of_the_ban_is_conditional_on_its_repeal() -> None:
    got = run(
        'Filler line.\n\n"Talks remain impossible: there is a decree by Zelensky forbidding them," Dmitry Peskov '
        "said on Monday."
    )
    assert {(s.speaker.name, s.stance) for s in got} == {("Dmitry Peskov", "conditional")}
    assert got[0].conditions == ("talks-ban-lifted",)


def test_ban_that_remains_in_force_is_the_ban_not_its_signatory() -> None:
    got = run(
        "Filler line.\n\nDmitry Peskov said on Monday that talks cannot start as long as the decree signed by "
        "Volodymyr Zelensky remains in force."
    )
    assert [(s.stance, s.conditions) for s in got] == [("conditional", ("talks-ban-lifted",))]


def test_talks_called_never_a_surrender_are_no_refusal() -> None:
    got = stances('Filler line.\n\n"Sitting down to talk is never a surrender," Pope Francis said.')
    assert ("Pope Francis", "refuses") not in got


def test_never_surrendering_land_stays_a_refusal() -> None:
    got = stances('Filler line.\n\n"We will never surrender our land in any talks," Andriy Yermak said on Monday.')
    assert ("Andriy Yermak", "refuses") in got


def test_calling_the_other_sides_plan_an_ultimatum_rejects_it() -> None:
    """0.5.6: a verdict predicated of a thing ("their plan is an ultimatum") is the speaker's refusal,
    not an accusation of the plan's owner."""
    got = stances('Filler line.\n\nMaria Zakharova said on Monday that Kyiv\'s new plan was "a pure ultimatum".')
    assert ("Maria Zakharova", "refuses") in got
    assert ("Maria Zakharova", "accuses") not in got


def test_zero_willingness_of_the_other_side_is_an_accusation() -> None:
    got = stances(
        'Filler line.\n\n"The Kremlin has shown zero willingness to negotiate seriously," Antony Blinken '
        "said on Monday."
    )
    assert ("Antony Blinken", "accuses") in got


def test_a_claim_quoted_to_be_disputed_is_nobodys_position() -> None:
    got = stances(
        "Filler line.\n\nAntony Blinken said on Monday that the suggestion that Washington did not want peace "
        "talks was absurd."
    )
    assert ("Antony Blinken", "refuses") not in got


def test_verbs_inside_a_demand_are_what_is_demanded() -> None:
    got = stances(
        "Filler line.\n\nVladimir Putin on Monday demanded that Kyiv pull its troops out of the four regions and "
        "abandon its plans to join NATO before any talks."
    )
    assert ("Vladimir Putin", "accuses") not in got
    assert ("Vladimir Putin", "conditional") in got


def test_seeing_no_readiness_on_their_side_is_an_accusation() -> None:
    got = stances(
        'Filler line.\n\nDmytro Kuleba said on Monday: "Sadly, we see no such readiness on the Russian side."'
    )
    assert ("Dmytro Kuleba", "accuses") in got


def test_the_ball_in_their_court_is_a_third_partys_appeal() -> None:
    assert ("Mark Rutte", "urges") in stances(
        'Filler line.\n\n"The ball is squarely in Moscow\'s court now," Mark Rutte said on Monday.'
    )
    assert ("Dmitry Peskov", "urges") not in stances(
        'Filler line.\n\n"The ball is not in our court," Dmitry Peskov said on Monday.'
    )


def test_accepting_a_ceasefire_is_readiness_not_its_demand() -> None:
    got = run(
        "Filler line.\n\nAndrii Sybiha said on Monday that Ukraine was ready to accept an immediate 30-day ceasefire."
    )
    assert {(s.speaker.name, s.stance, s.conditions) for s in got} == {("Andrii Sybiha", "ready", ())}


def test_a_deal_behind_our_backs_is_no_endorsement() -> None:
    """0.5.6: "backs" after a possessive is the noun, not the verb "to back"."""
    got = stances('Filler line.\n\n"Any deal behind our backs will not work," Kaja Kallas said on Monday.')
    assert ("Kaja Kallas", "mediates") not in got


def test_what_any_agreement_needs_at_the_table_is_a_format_term() -> None:
    got = run('Filler line.\n\n"Any agreement needs Ukraine and Europe at the table," Kaja Kallas said on Monday.')
    assert {(s.speaker.name, s.stance, s.conditions) for s in got} == {
        ("Kaja Kallas", "conditional", ("talks-format",))
    }


def test_not_against_it_answers_a_proposal_with_consent() -> None:
    got = stances(
        "Filler line.\n\nAsked about the offer to host talks, Vladimir Putin said on Monday: "
        '"If it comes to that, we are not against it."'
    )
    assert ("Vladimir Putin", "ready") in got


def test_a_third_party_whose_own_team_will_negotiate_is_ready() -> None:
    """0.5.6: a third party's agreement to have "our respective teams" negotiate makes it a party to the
    talks (ready), not a mediator of others' talks."""
    got = stances(
        "Filler line.\n\nDonald Trump said on Monday after his call with Vladimir Putin that the two leaders had "
        "agreed to have their respective teams start negotiations at once."
    )
    assert ("Donald Trump", "ready") in got
    assert ("Donald Trump", "mediates") not in got


def test_readiness_awaited_from_another_is_an_appeal() -> None:
    got = stances('Filler line.\n\n"He can come back when he is ready for peace," Donald Trump said on Monday.')
    assert got == {("Donald Trump", "urges")}


def test_a_supposed_refusal_that_happened_before_is_an_accusation() -> None:
    got = stances(
        'Filler line.\n\nVladimir Putin said on Monday: "If Kyiv rejects this offer, as it has done before, '
        'that is its own business."'
    )
    assert ("Vladimir Putin", "accuses") in got


def test_describing_a_plan_as_an_ultimatum_rejects_it() -> None:
    got = stances(
        "Filler line.\n\nOn Monday Maria Zakharova described Kyiv's so-called peace plan as an ultimatum and a "
        "dead end."
    )
    assert ("Maria Zakharova", "accuses") not in got
    assert ("Maria Zakharova", "refuses") in got


def test_hoping_the_russians_say_yes_is_an_appeal_to_them() -> None:
    got = stances('Filler line.\n\n"We hope the Russians will say yes to the truce," Marco Rubio said on Monday.')
    assert ("Marco Rubio", "urges") in got
    assert ("Marco Rubio", "ready") not in got


def test_talks_set_against_what_the_other_wants_is_an_accusation() -> None:
    """0.5.6: "he wants X, not negotiations": the topic is the negated half of a contrast."""
    got = stances(
        'Filler line.\n\n"He wants to conquer the whole country, not negotiate with it," John Kirby said on Monday.'
    )
    assert ("John Kirby", "accuses") in got


def test_a_bare_it_stands_for_the_party_named_before() -> None:
    got = stances(
        'Filler line.\n\n"Every step of the Kyiv regime shows that it has rejected this path," Dmitry Peskov said '
        "on Monday."
    )
    assert ("Dmitry Peskov", "accuses") in got
    assert ("Dmitry Peskov", "refuses") not in got


def test_the_only_way_out_is_through_talks_is_an_appeal() -> None:
    got = stances('Filler line.\n\n"The only way this ends is at the negotiating table," Marco Rubio said on Monday.')
    assert ("Marco Rubio", "urges") in got


def test_a_hosts_hope_for_the_meeting_is_its_offices() -> None:
    got = stances(
        'Filler line.\n\n"Our hope is that this round will open the way to a truce," Hakan Fidan said on Monday.'
    )
    assert got == {("Hakan Fidan", "mediates")}


def test_the_other_sides_leader_named_by_a_descriptor() -> None:
    """0.5.6: "the Russian leader has no interest in talks": a descriptor subject has a side too."""
    got = stances(
        "Filler line.\n\nAndrii Sybiha said on Monday that the Russian leader had once again shown he had no "
        "interest in ending the war."
    )
    assert ("Andrii Sybiha", "accuses") in got
    assert ("Andrii Sybiha", "refuses") not in got


def test_no_one_wants_peace_more_than_us_is_no_refusal() -> None:
    got = stances('Filler line.\n\n"No one wants peace more than Ukraine," Andrii Sybiha wrote on Monday.')
    assert ("Andrii Sybiha", "refuses") not in got


def test_a_third_party_building_peace_on_kyivs_formula_endorses_a_plan() -> None:
    """0.5.6: vocabulary: a third party that endorses a peace plan mediates; its principles are no terms."""
    got = run(
        "Filler line.\n\nOlaf Scholz said on Monday that a lasting peace must be built on Ukraine's peace formula "
        "and on respect for its sovereignty."
    )
    assert ("Olaf Scholz", "mediates") in {(s.speaker.name, s.stance) for s in got}


def test_a_wish_beside_stated_readiness_is_no_mere_denial() -> None:
    got = stances(
        'Filler line.\n\n"Kyiv has never refused talks. The war will end at the table, we want it next year, and '
        'for this we are ready to work with diplomats," Andrii Sybiha said on Monday.'
    )
    assert ("Andrii Sybiha", "ready") in got


def test_nothing_but_a_respite_is_one_clause_and_a_verdict() -> None:
    """0.5.6: "nothing but" is no clause boundary; "the truce would be nothing but a respite for them" is
    the speaker's verdict on the truce (refuses), whoever it was told to."""
    got = stances(
        "Filler line.\n\nYuri Ushakov said on Monday he had told Mike Waltz that a 30-day truce would be "
        '"nothing but a temporary respite for the Ukrainian army."'
    )
    assert ("Yuri Ushakov", "refuses") in got
    assert ("Yuri Ushakov", "accuses") not in got


def test_not_leaving_the_table_is_readiness() -> None:
    got = stances('Filler line.\n\n"We will not leave the table, however painful it is," Andrii Sybiha said on Monday.')
    assert ("Andrii Sybiha", "ready") in got


def test_talks_that_should_begin_and_the_only_route_to_a_solution_are_appeals() -> None:
    assert ("Narendra Modi", "urges") in stances(
        'Filler line.\n\n"Negotiations should begin within weeks," Narendra Modi said on Monday.'
    )
    assert ("Narendra Modi", "urges") in stances(
        "Filler line.\n\nNarendra Modi said on Monday that a lasting settlement can only be found through direct "
        "dialogue."
    )


def test_creating_the_illusion_of_wanting_peace_is_an_accusation() -> None:
    got = stances(
        "Filler line.\n\nThe Ukrainian Foreign Ministry said on Monday that Moscow was trying to create the "
        "illusion that it wants peace while its drones strike our cities."
    )
    assert ("Ukrainian Foreign Ministry", "accuses") in got or any(s == "accuses" for _n, s in got)
    assert not any(s == "ready" for _n, s in got)


def test_no_legal_basis_for_a_deal_is_a_refusal() -> None:
    got = stances(
        "Filler line.\n\nDmitry Peskov said on Monday that Moscow saw no legal basis for an agreement with the "
        "current leadership in Kyiv."
    )
    assert ("Dmitry Peskov", "refuses") in got


def test_readiness_provided_a_condition_is_conditional() -> None:
    """0.5.6: the marker "provided" must match before the next word (it was written with a trailing space)."""
    got = run(
        'Filler line.\n\n"Kyiv is ready to talk, provided Moscow stops the shelling," Andrii Sybiha said on Monday.'
    )
    assert {(s.speaker.name, s.stance, s.conditions) for s in got} == {("Andrii Sybiha", "conditional", ("ceasefire",))}


def test_keeping_on_pushing_both_sides_towards_talks_is_a_third_partys_offices() -> None:
    got = stances('Filler line.\n\n"We will keep pushing both sides towards dialogue," Narendra Modi said on Monday.')
    assert ("Narendra Modi", "mediates") in got


def test_he_opening_reported_speech_is_the_speaker() -> None:
    """0.5.6: "X said he would not allow Y to negotiate on Ukraine's behalf": he is X (no accusation)."""
    got = stances(
        "Filler line.\n\nVolodymyr Zelensky said on Monday he would not allow anyone to negotiate peace on "
        "Ukraine's behalf."
    )
    assert ("Volodymyr Zelensky", "accuses") not in got


def test_burying_a_truce_under_preconditions_is_an_accusation() -> None:
    got = stances(
        'Filler line.\n\n"In Moscow they are surrounding the idea of a truce with so many preconditions that '
        'nothing will come of it," Andrii Sybiha said on Monday.'
    )
    assert ("Andrii Sybiha", "accuses") in got
    assert ("Andrii Sybiha", "conditional") not in got

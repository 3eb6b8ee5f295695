"""Compositional stance frames (topic x action frame x perspective x polarity), on invented sentences.

Each test names one frame and one perspective; the wordings are made up for the test and
deliberately avoid the whole-wording cues, so that the frame reading is what decides.
"""

from __future__ import annotations

from datetime import date

import pytest

from stancegraph.graph.extract import extract_statements
from stancegraph.graph.extract.actors import gazetteer
from stancegraph.graph.extract.frames import read
from stancegraph.graph.extract.lexicon import lexicon
from stancegraph.graph.records import Article, Statement

PUB = date(2024, 3, 14)


def run(text: str) -> list[Statement]:
    return extract_statements(Article(id="t", text="A line of context.\n\n" + text, source="t.txt", published=PUB))


def stances(text: str) -> set[tuple[str, str]]:
    return {(s.speaker.name, s.stance) for s in run(text)}


def test_frame_data_comes_from_turtle() -> None:
    lex = lexicon()
    names = {name for _code, name, _rx in lex.frames}
    assert {"ready", "refuse", "appeal", "mediate", "accuse", "desire", "support", "sincerity"} <= names
    assert lex.parties is not None and lex.parties.search("both governments")
    assert lex.appeal_modal is not None and lex.appeal_modal.search("ought to")


def test_appeal_to_both_parties_is_urging() -> None:
    st = run('"I implore the two governments to choose the road of dialogue," Antonio Guterres said on Monday.')
    assert [(s.speaker.name, s.stance) for s in st] == [("António Guterres", "urges")]
    assert st[0].method.startswith("rules:frame-appeal")


def test_third_party_bringing_sides_together_mediates() -> None:
    st = run('"Our country will go on working with the two sides until a peace agreement is in sight," Erdogan said.')
    assert ("Recep Tayyip Erdoğan", "mediates") in {(s.speaker.name, s.stance) for s in st}


def test_other_side_not_wanting_talks_is_an_accusation() -> None:
    got = stances('"Washington does not want Kyiv to sit at any negotiating table," Sergei Lavrov said.')
    assert got == {("Sergey Lavrov", "accuses")}


def test_own_side_negated_wish_is_a_refusal() -> None:
    got = stances('"We have no wish whatsoever for a deal with this regime," Mykhailo Podolyak said.')
    assert got == {("Mykhailo Podolyak", "refuses")}


def test_never_rejecting_talks_is_readiness() -> None:
    got = stances("Dmitry Peskov said Moscow had at no point rejected a dialogue with Kyiv.")
    assert ("Dmitry Peskov", "ready") in got


def test_passive_agent_acts() -> None:
    got = stances(
        "Dmitry Peskov said the plan had been turned down by Kyiv, which showed how little it cared for peace."
    )
    assert ("Dmitry Peskov", "accuses") in got


def test_perceived_absence_of_readiness_is_about_the_other_side() -> None:
    got = stances('"We notice no readiness for peace talks on the Russian side," Dmytro Kuleba said on Tuesday.')
    assert got == {("Dmytro Kuleba", "accuses")}


def test_insincerity_is_an_accusation() -> None:
    got = stances('Jens Stoltenberg said the truce offer was "not put forward in earnest".')
    assert got == {("Jens Stoltenberg", "accuses")}


def test_wish_about_the_other_side_is_an_appeal() -> None:
    got = stances('"We expect Moscow to join the talks next week," Marco Rubio said.')
    assert got == {("Marco Rubio", "urges")}


def test_party_to_the_war_does_not_mediate() -> None:
    got = stances('"Russia is prepared to host another round of talks in Minsk," Sergei Lavrov said.')
    assert ("Sergey Lavrov", "mediates") not in got


def test_modal_demand_on_a_topic_noun_is_a_condition_not_an_appeal() -> None:
    got = stances('"Any settlement has to include the withdrawal of Russian forces," Zelensky said.')
    assert got == {("Volodymyr Zelensky", "conditional")}


def test_other_side_could_talk_if_it_leaves_is_conditional() -> None:
    st = run("Zelensky said the Russians could join a peace conference at once if they pulled their troops out.")
    assert [(s.speaker.name, s.stance) for s in st] == [("Volodymyr Zelensky", "conditional")]


def test_one_clause_two_perspectives() -> None:
    got = stances(
        '"There is no basis for a settlement today, because Kyiv has slammed the door on dialogue," Peskov said.'
    )
    assert got == {("Dmitry Peskov", "refuses"), ("Dmitry Peskov", "accuses")}


def test_third_party_readiness_is_mediation() -> None:
    got = stances("Switzerland said on Friday it stood ready to offer a venue for a peace conference.")
    assert got == {("Switzerland", "mediates")}


def test_quoted_third_person_is_the_other_side() -> None:
    got = stances('"He is not ready to end this war," Zelensky said of the Kremlin leader.')
    assert got == {("Volodymyr Zelensky", "accuses")}


def test_no_topic_no_reading() -> None:
    ukr = gazetteer().entries["volodymyr-zelensky"]
    from stancegraph.graph.extract.actors import Actor

    speaker = Actor(ukr.id, ukr.name, ukr.kind, "x", affiliation="Ukraine", side="ukraine", curated=True)
    assert read("we are ready to rebuild the bridge by winter", speaker) == []
    assert read("we are ready to sit down for peace talks", speaker)[0].stance == "ready"


@pytest.mark.parametrize(
    ("clause", "stance"),
    [
        ("they keep blocking every path to a settlement", "accuses"),
        ("we reject this so-called peace plan outright", "refuses"),
        ("we are keen to resume negotiations", "ready"),
    ],
)
def test_frame_table(clause: str, stance: str) -> None:
    ukr = gazetteer().entries["volodymyr-zelensky"]
    from stancegraph.graph.extract.actors import Actor

    speaker = Actor(ukr.id, ukr.name, ukr.kind, "x", affiliation="Ukraine", side="ukraine", curated=True)
    got = read(clause, speaker)
    assert got and got[0].stance == stance, got

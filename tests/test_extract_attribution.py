"""Attribution of sentences whose stance reads in isolation (invented sentences): who says
a parenthetical, a passive agent inside reported speech, view framings, interviews."""

from __future__ import annotations

from datetime import date

from stancegraph.graph.extract import extract_statements
from stancegraph.graph.records import Article, Statement

PUB = date(2024, 6, 13)  # a Thursday


def run(text: str, published: date | None = PUB) -> list[Statement]:
    return extract_statements(Article(id="t", text=text, source="t.txt", published=published))


def said(got: list[Statement]) -> list[tuple[str, str]]:
    return [(s.speaker.name, s.stance) for s in got]


# -- a passive agent inside what a speaker reports is no second speaker -----------------------


def test_passive_agent_inside_reported_speech_is_the_topic_not_a_speaker() -> None:
    got = run(
        "Ministers gathered for the second day.\n\n"
        "Sergei Lavrov said the proposals put forward by Zelensky on Monday proved that "
        "it was Kyiv that did not want to negotiate."
    )
    assert ("Sergey Lavrov", "accuses") in said(got)
    assert all(s.speaker.name != "Volodymyr Zelensky" for s in got)


# -- parenthetical attribution: "X, the president wrote, ..." ----------------------------------


def test_parenthetical_title_is_the_speaker_not_an_appositive() -> None:
    got = run(
        "Chancellor Olaf Scholz flew to Vilnius on Wednesday.\n\n"
        "Any agreement, the chancellor said, must be negotiated with Kyiv, and Moscow refuses to negotiate."
    )
    assert said(got) == [("Olaf Scholz", "accuses")]


def test_appositive_closed_by_a_comma_still_describes_the_subject() -> None:
    got = run(
        "Talks resumed on Thursday.\n\n"
        "Andriy Yermak, the head of the presidential office, said Ukraine was ready to negotiate with Russia."
    )
    assert said(got) == [("Andriy Yermak", "ready")]


def test_parenthetical_it_is_the_organisation_that_spoke_last() -> None:
    got = run(
        "Talks were postponed.\n\n"
        "On Saturday, June 8, the Ukrainian foreign ministry said the meeting would be held online. "
        "Kyiv, it said, remained ready to negotiate, but only through mediators."
    )
    assert [(s.speaker.name, s.stance) for s in got] == [("Ukrainian foreign ministry", "conditional")]
    assert got[0].conditions == ("talks-format",)


# -- "asked" reports speech only right after the quotation it closes ----------------------------


def test_asked_after_a_question_in_quotes_attributes_the_quote_and_what_follows() -> None:
    got = run(
        "Residents of the town gathered outside the church.\n\n"
        '"Talks with whom? With the men who shelled us?" asked Petro Danylenko, 66, a retired engineer. '
        '"There will be no peace until those commanders face a court."'
    )
    assert ("Petro Danylenko", "conditional") in said(got)
    assert "accountability" in next(s for s in got if s.speaker.name == "Petro Danylenko").conditions


def test_asked_as_a_request_is_no_verb_of_saying() -> None:
    got = run("Some context first.\n\nKyiv asked its allies for air defence before any talks with Moscow.")
    assert got == []


# -- a fronted holder of a view: "In the President's view, ..." --------------------------------


def test_fronted_view_of_a_title_is_the_holder_s_claim() -> None:
    got = run(
        "Some context first.\n\n"
        "President Vladimir Putin spoke to state television on Sunday about the war.\n\n"
        "In the President's view, the Kyiv authorities had forbidden themselves to negotiate on "
        "orders from their Western sponsors."
    )
    assert said(got) == [("Vladimir Putin", "accuses")]


def test_fronted_view_with_a_possessive_pronoun() -> None:
    got = run(
        "Some context first.\n\n"
        "Dmytro Kuleba met his Polish counterpart in Warsaw on Tuesday.\n\n"
        "In his view, Moscow does not want negotiations at all."
    )
    assert said(got) == [("Dmytro Kuleba", "accuses")]


# -- interviews: the outlet "spoke to X" names the interviewee ---------------------------------


def test_outlet_spoke_to_names_the_interviewee_of_a_q_and_a() -> None:
    got = run(
        "Hanna Koval: no ceasefire without guarantees\n\n"
        "Ahead of the summit, our agency spoke to Hanna Koval, an adviser at Ukraine's Foreign Ministry, "
        "about the talks.\n\n"
        "Q: Will Russia be invited?\n\n"
        "A: Not now. There will be no freezing of the war and no trading of land for a pause.\n\n"
        "Q: And the Europeans?\n\n"
        "A: They are with us."
    )
    assert ("Hanna Koval", "refuses") in said(got)


# -- a verb of saying coordinated with the clause's first predicate ---------------------------


def test_but_said_after_another_predicate_keeps_the_clause_subject() -> None:
    got = run(
        "Delegations were due in the Gulf this month.\n\n"
        "Qatar's foreign ministry spokesman Majed al-Ansari declined to give details, but said Doha "
        "stood ready to host talks between the two sides."
    )
    assert said(got) == [("Majed al-Ansari", "mediates")]


def test_and_said_after_a_fronted_phrase() -> None:
    got = run(
        "Leaders met in the capital.\n\n"
        "In Tokyo, Chief Cabinet Secretary Yoshimasa Hayashi thanked the visitors and said Japan wanted a peace "
        "based on international law and the U.N. Charter."
    )
    assert [(s.speaker.name, s.stance) for s in got] == [("Yoshimasa Hayashi", "conditional")]


# -- anonymous sources described by their access ----------------------------------------------


def test_person_close_to_a_government_is_an_anonymous_source() -> None:
    got = run("Envoys met in Jeddah.\n\nA person close to the Kremlin said Moscow would not negotiate on those terms.")
    assert [(s.speaker.kind, s.stance) for s in got] == [("anonymous", "refuses")]
    assert got[0].speaker.affiliation == "Russia"


def test_relative_clause_with_an_irregular_verb_closed_by_a_comma() -> None:
    got = run(
        "Envoys met in Jeddah.\n\n"
        "But an official in Kyiv, who spoke on condition of anonymity, said Ukraine was ready to negotiate."
    )
    assert [(s.speaker.kind, s.stance) for s in got] == [("anonymous", "ready")]


def test_interview_answers_take_the_day_the_intro_gives_the_interview() -> None:
    got = run(
        "Hanna Koval: no ceasefire without guarantees\n\n"
        "Ahead of the summit, our agency spoke to Hanna Koval, an adviser at Ukraine's Foreign Ministry, "
        "about the talks. The interview was recorded on Tuesday in Kyiv.\n\n"
        "Q: Will Russia be invited?\n\n"
        "A: Not now. There will be no freezing of the war and no trading of land for a pause.\n\n"
        "Q: And the Europeans?\n\n"
        "A: They are with us."
    )
    assert [(s.speaker.name, s.date) for s in got if s.stance == "refuses"] == [("Hanna Koval", "2024-06-11")]


# -- a clause joined by a conjunction before the subject is no postposed content ---------------


def test_a_clause_before_but_is_not_what_the_later_subject_says() -> None:
    got = run(
        "Background paragraph about the war.\n\n"
        'Beijing on Monday released a 10-point paper on a "negotiated solution" to the conflict, urging a truce '
        "and a return to peace talks before the winter, but Kyiv's partners said China's ties to Moscow made it "
        "no honest broker."
    )
    assert not [s for s in got if s.speaker.name.startswith("Kyiv")]

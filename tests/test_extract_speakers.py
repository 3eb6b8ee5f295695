"""Speaker attribution patterns (invented sentences): channels, datelines, relayed reports."""

from __future__ import annotations

from datetime import date

from stancegraph.graph.extract import extract_statements
from stancegraph.graph.extract.interview import is_interview
from stancegraph.graph.extract.text import paragraphs
from stancegraph.graph.records import Article, Statement

PUB = date(2024, 3, 14)  # a Thursday


def run(text: str, published: date | None = PUB) -> list[Statement]:
    return extract_statements(Article(id="t", text=text, source="t.txt", published=published))


def test_according_to_after_the_verb_is_the_channel_not_the_speaker() -> None:
    got = run(
        "Background paragraph about the war.\n\n"
        "Envoy Li Hui told the gathering that Beijing was willing to help bring the two sides together, "
        "according to the Chinese foreign ministry."
    )
    assert [(s.speaker.name, s.stance) for s in got] == [("Li Hui", "mediates")]


def test_dateline_is_no_part_of_the_subject_nor_of_the_content() -> None:
    got = run(
        "Headline of the wire story\n\n"
        "KYIV, March 14 (Reuters) - Andriy Yermak said on Thursday that Ukraine was ready to negotiate with Russia.",
    )
    assert [(s.speaker.name, s.stance) for s in got] == [("Andriy Yermak", "ready")]
    assert "Reuters" not in got[0].evidence.text


def test_relayed_demand_keeps_the_original_speaker() -> None:
    got = run(
        "Some context first.\n\n"
        "A diplomat close to the talks told reporters that the Russian side had demanded that Kyiv withdraw "
        "its troops from the Donetsk region before any truce."
    )
    # the side's terms relayed from the talks are its delegation's (rules:relayed)
    assert [(s.speaker.name, s.stance) for s in got] == [("Russian delegation", "conditional")]
    assert "ukrainian-withdrawal" in got[0].conditions


def test_relay_needs_a_known_original_speaker() -> None:
    got = run(
        "Some context first.\n\n"
        "Dmytro Kuleba said on Tuesday that somebody had told him that Kyiv was ready to negotiate with Moscow."
    )
    assert [s.speaker.name for s in got] == ["Dmytro Kuleba"]


def test_accepting_a_proposal_for_a_truce_is_no_demand_for_one() -> None:
    got = run("Some context first.\n\nUkraine said it was ready to accept an American proposal for a 30-day truce.")
    assert [(s.speaker.name, s.stance, s.conditions) for s in got] == [("Ukraine", "ready", ())]


def test_scrapping_the_decree_is_the_ban_lifted() -> None:
    got = run(
        "Some context first.\n\n"
        "Dmitry Peskov said Moscow stayed open to talks, but that none could start until Kyiv scrapped the decree "
        "that bars "
        "its officials from talking with Vladimir Putin."
    )
    cond = [s for s in got if s.stance == "conditional"]
    assert [(s.speaker.name, s.conditions) for s in cond] == [("Dmitry Peskov", ("talks-ban-lifted",))]


def test_second_mention_by_title_points_to_the_person_holding_it() -> None:
    got = run(
        "Some context first.\n\n"
        "Olaf Scholz spoke with Vladimir Putin by telephone on Friday. According to Berlin, the chancellor "
        "urged the Kremlin leader to start negotiations with Kyiv."
    )
    assert [(s.speaker.name, s.stance) for s in got] == [("Olaf Scholz", "urges")]


def test_minted_person_keeps_the_title_for_later_mentions() -> None:
    got = run(
        "Some context first.\n\n"
        "Deputy Prime Minister Hanna Kovalenko visited Brussels on Monday.\n\n"
        "The deputy prime minister said negotiations with Moscow were impossible."
    )
    assert [(s.speaker.name, s.speaker.role, s.stance) for s in got] == [
        ("Hanna Kovalenko", "Deputy Prime Minister", "refuses")
    ]


def test_appositive_subject_is_remembered_for_a_following_pronoun() -> None:
    got = run(
        "Some context first.\n\n"
        "Dmitry Peskov said Moscow was ready to negotiate with Kyiv.\n\n"
        "Former president Dmitry Medvedev, now a senior security official, went further. "
        'He said there would be "no negotiations" with Kyiv.'
    )
    assert [(s.speaker.name, s.stance) for s in got] == [("Dmitry Peskov", "ready"), ("Dmitry Medvedev", "refuses")]


def test_condition_paraphrases_of_the_news_register() -> None:
    from stancegraph.graph.extract.lexicon import lexicon

    lex = lexicon()
    cases = {
        "talks only after the return of all occupied lands": "russian-withdrawal",
        "the country would stay out of military alliances": "neutrality",
        "the commanders must stand trial first": "accountability",
        "someone pays for the destruction": "reparations",
        "a deal signed by legitimate leaders": "counterpart-leadership",
        "Europe must be at the table": "talks-format",
    }
    for text, code in cases.items():
        got = [c for c, rx in lex.conditions.items() if rx.search(text, text.lower())]
        assert code in got, (text, got)


# -- a demand relayed through a source is the demanding side's ------------------------------


def test_according_to_a_source_the_side_that_demanded_is_the_speaker() -> None:
    got = run(
        "Negotiators met in a neutral capital on Thursday.\n\n"
        "According to an aide in the Ukrainian team, who asked not to be named, the Russian side demanded "
        "that Kyiv give up the two eastern regions before any truce."
    )
    assert [(s.speaker.name, s.stance) for s in got] == [("Russian delegation", "conditional")]


def test_a_bare_count_of_sources_repeats_the_group_named_before() -> None:
    got = run(
        "Some context first.\n\n"
        "Senior British officials have told their Ukrainian counterparts that Kyiv should keep the door to talks "
        "open, two officials said."
    )
    assert [(s.speaker.name, s.stance) for s in got] == [("Senior British officials", "urges")]


def test_quote_paragraph_belongs_to_the_source_line_above_it() -> None:
    got = run(
        "Headline about the visit\n\n"
        "Deputy Foreign Minister Anton Rybak spoke on Tuesday.\n\n"
        "Source: TASS, citing Rybak\n\n"
        'Quote: "We are ready to negotiate with Kyiv at any time, without preconditions."'
    )
    assert [(s.speaker.name.split()[-1], s.stance) for s in got] == [("Rybak", "ready")]


def test_a_person_speaking_in_the_clause_keeps_the_statement_from_the_office_reporting_it() -> None:
    got = run(
        "Background paragraph about the war.\n\n"
        "Vladimir Putin also said any settlement had to remove the root causes of the conflict, the Kremlin said."
    )
    assert [(s.speaker.name, s.stance) for s in got] == [("Vladimir Putin", "conditional")]


def test_an_office_reporting_its_own_words_after_content_keeps_them() -> None:
    got = run(
        "Background paragraph about the war.\n\n"
        "Any settlement had to remove the root causes of the conflict, the Kremlin said."
    )
    assert [(s.speaker.name, s.stance) for s in got] == [("Kremlin", "conditional")]


def test_officials_cited_after_a_person_described_by_a_who_clause_are_only_the_channel() -> None:
    got = run(
        "Background paragraph about the war.\n\n"
        "Brazil's President Luiz Inácio Lula da Silva, who has said he wants to gather neutral countries to broker "
        "peace talks, made the offer again in a call this week, according to Brazilian officials."
    )
    assert [s.speaker.name for s in got] == ["Luiz Inácio Lula da Silva"]


def test_a_named_person_s_office_issues_that_person_s_statement() -> None:
    got = run(
        "Background paragraph about the war.\n\n"
        "After the visit, Zelensky's office said in a statement that talks were possible only on the basis of "
        "the peace formula."
    )
    assert [s.speaker.name for s in got] == ["Volodymyr Zelensky"]


def test_an_office_not_named_through_a_person_stays_the_office() -> None:
    got = run(
        "Background paragraph about the war.\n\n"
        "The Ukrainian presidential office said on Monday that talks with the current Russian leadership "
        "remained out of the question."
    )
    assert [s.speaker.name for s in got] == ["Office of the President of Ukraine"]


def test_a_spokesperson_relaying_what_the_leader_said_keeps_the_leader_the_speaker() -> None:
    got = run(
        "Background paragraph about the war.\n\n"
        "Olaf Scholz urged the Russian president to negotiate with Ukraine, government spokesperson "
        "Steffen Hebestreit said."
    )
    assert [(s.speaker.name, s.stance) for s in got] == [("Olaf Scholz", "urges")]


def test_a_person_who_is_no_spokesperson_reporting_another_keeps_the_report() -> None:
    got = run(
        "Background paragraph about the war.\n\nVladimir Putin has refused every offer of talks, Dmytro Kuleba said."
    )
    assert [s.speaker.name for s in got] == ["Dmytro Kuleba"]


TRANSCRIPT = (
    "Excerpts from the news conference\n\n"
    "The following are excerpts from the annual news conference held by Vladimir Putin in Moscow on Tuesday.\n\n"
    "Moderator: Let us start with the question most people have sent in.\n\n"
    "Vladimir Putin: We are ready to negotiate with anyone who wants it.\n\n"
    "Question (a reporter from a foreign news agency): Mr President, Kyiv says it will never talk to you. "
    "Do you see an end to the war?\n\n"
    "Vladimir Putin: They do not want to negotiate, and their sponsors do not let them.\n\n"
)


def test_a_transcript_with_speaker_labels_gives_the_answers_to_the_named_speaker() -> None:
    got = run(TRANSCRIPT)
    assert {s.speaker.name for s in got} == {"Vladimir Putin"}
    assert {s.date for s in got} == {"2024-03-12"}  # "held ... on Tuesday"


def test_a_transcript_with_two_named_speakers_is_no_interview_of_one_guest() -> None:
    text = TRANSCRIPT + "Donald Trump: We will see.\n\nModerator: Thank you.\n\n"
    article = Article(id="t", text=text, source="t.txt", published=PUB)
    assert not is_interview(text, paragraphs(article))


def test_a_named_commentator_described_after_the_verb_is_no_speaker() -> None:
    got = run(
        "Background paragraph about the war.\n\n"
        '"Kyiv is not ready for talks before the spring," said Jane Roe, a senior fellow at a Berlin think tank.'
    )
    assert got == []


def test_a_named_official_described_after_the_verb_still_speaks() -> None:
    got = run(
        "Background paragraph about the war.\n\n"
        '"We are ready to host the next round," said Omar Haddad, a spokesman for the Qatari foreign ministry.'
    )
    assert [s.speaker.name for s in got] == ["Omar Haddad"]


def test_a_readout_given_by_a_spokesperson_belongs_to_the_leader_it_describes() -> None:
    got = run(
        "Olaf Scholz spoke to the Russian president by phone on Wednesday.\n\n"
        "According to government spokesperson Steffen Hebestreit, the chancellor "
        '"urged the Russian president to negotiate with Ukraine without delay."'
    )
    assert [(s.speaker.name, s.stance) for s in got] == [("Olaf Scholz", "urges")]


def test_the_statement_said_is_the_institution_that_issued_it() -> None:
    got = run(
        "Background paragraph about the war.\n\n"
        "The Russian Foreign Ministry said on Friday that it had studied the proposal. The statement said that "
        "any settlement was possible only if the new territorial realities were recognised."
    )
    assert [s.speaker.name for s in got] == ["Russian Foreign Ministry"]

"""Extraction patterns on short invented sentences (one test per reporting pattern)."""

from __future__ import annotations

from datetime import date

import pytest

from stancegraph.graph.extract import EXTRACTOR_VERSION, extract_statements
from stancegraph.graph.extract.dates import find_dates
from stancegraph.graph.extract.lexicon import lexicon
from stancegraph.graph.records import Article, Statement

PUB = date(2024, 3, 14)  # a Thursday


def run(text: str, published: date | None = PUB) -> list[Statement]:
    art = Article(id="t", text=text, source="t.txt", published=published)
    return extract_statements(art)


def one(text: str, **kw: object) -> Statement:
    got = run(text, **kw)  # type: ignore[arg-type]
    assert len(got) == 1, [(s.speaker.name, s.stance, s.date) for s in got]
    return got[0]


def test_version_and_evidence_offsets() -> None:
    text = "Intro line of the report here.\n\nPutin said on Monday that Russia was ready to negotiate with Ukraine."
    st = one(text)
    assert EXTRACTOR_VERSION
    assert text[st.evidence.start : st.evidence.end] == st.evidence.text
    assert st.method.startswith("rules:")
    assert 0 <= st.confidence <= 1


def test_indirect_speech_subject_verb() -> None:
    st = one("Filler sentence about the weather today.\n\nSergei Lavrov said on Tuesday that Moscow was open to talks.")
    assert (st.speaker.name, st.stance, st.date) == ("Sergey Lavrov", "ready", "2024-03-12")
    assert st.speaker.iri and st.speaker.iri.endswith("/sergey-lavrov")


def test_quote_then_inverted_verb_subject() -> None:
    st = one('Some context.\n\n"We will never negotiate with these people," said Mykhailo Podoliak on Wednesday.')
    assert (st.speaker.name, st.stance, st.date) == ("Mykhailo Podolyak", "refuses", "2024-03-13")


def test_quote_then_subject_verb_and_transliteration() -> None:
    st = one(
        "Some context.\n\n"
        '"Ukraine is ready for a just peace," Zelenskiy said on Monday, "but only after Russian troops withdraw."'
    )
    assert st.speaker.wikidata == "Q3874799"
    assert st.stance == "conditional"
    assert "russian-withdrawal" in st.conditions


def test_according_to() -> None:
    st = one("Some context.\n\nAccording to Dmitry Peskov, the Kremlin remains open to dialogue with Kyiv.")
    assert (st.speaker.name, st.stance) == ("Dmitry Peskov", "ready")


def test_told_and_wrote_on_telegram() -> None:
    got = run(
        "Some context.\n\nAndriy Yermak wrote on Telegram that talks with the Kremlin were pointless.\n\n"
        "Hugh Hill, a doctor, told reporters that Moscow did not really want peace talks."
    )
    pairs = {(s.speaker.name, s.stance) for s in got}
    assert ("Andriy Yermak", "refuses") in pairs
    assert ("Hugh Hill", "accuses") in pairs


def test_appositive_vox_pop_and_pronoun_continuation() -> None:
    got = run(
        "Reporters went to the streets of Kyiv on Tuesday to ask people in Kyiv about peace.\n\n"
        "Vlad, a 31-year-old serviceman, said talks could only start after Russia withdraws its troops.\n\n"
        '"They must leave first," he said.'
    )
    assert len(got) == 1
    st = got[0]
    assert (st.speaker.name, st.speaker.kind, st.stance) == ("Vlad", "person", "conditional")
    assert st.speaker.affiliation == "Ukraine"
    assert st.date == "2024-03-12"  # the scene set by the reporter
    assert "russian-withdrawal" in st.conditions


def test_quote_paragraph_without_attribution_continues_speaker() -> None:
    got = run(
        "Context here.\n\n"
        '"We are ready to talk," Peskov said on Monday.\n\n'
        '"But they are the ones refusing to negotiate."'
    )
    pairs = {(s.speaker.name, s.stance, s.date) for s in got}
    assert ("Dmitry Peskov", "ready", "2024-03-11") in pairs
    assert ("Dmitry Peskov", "accuses", "2024-03-11") in pairs


def test_ready_and_accuses_on_one_occasion() -> None:
    got = run(
        'Context.\n\n"We are ready to negotiate, but we are not the ones refusing to negotiate, they are," '
        "Putin said on Sunday."
    )
    assert {(s.stance, s.date) for s in got} == {("ready", "2024-03-10"), ("accuses", "2024-03-10")}


def test_description_resolves_to_person_named_earlier() -> None:
    got = run(
        "Context.\n\nVladimir Putin spoke at a forum on Monday.\n\n"
        "The Kremlin leader said Kyiv had refused to engage in talks."
    )
    assert [(s.speaker.name, s.stance, s.date) for s in got] == [("Vladimir Putin", "accuses", "2024-03-11")]


def test_metonym_state_and_organization() -> None:
    got = run(
        "An invented lead paragraph about the war in general.\n\n"
        "The Kremlin says it will fight until all its goals are achieved, "
        "while Kyiv says it will not rest until Russian troops leave."
    )
    got_map = {s.speaker.name: s for s in got}
    assert got_map["Kremlin"].speaker.kind == "organization"
    assert got_map["Kremlin"].stance == "conditional" and "victory" in got_map["Kremlin"].conditions
    assert got_map["Ukraine"].speaker.kind == "state" and got_map["Ukraine"].speaker.wikidata == "Q212"
    assert got_map["Ukraine"].date is None  # present tense: a standing position


def test_anonymous_and_group_speakers() -> None:
    got = run(
        "Context.\n\nSenior US officials have been urging Ukraine to signal openness to negotiations.\n\n"
        "Many residents of Kyiv said talks would only be possible once Russia withdraws."
    )
    kinds = {s.speaker.kind: s for s in got}
    assert kinds["anonymous"].speaker.affiliation == "United States"
    assert kinds["anonymous"].stance == "urges"
    assert kinds["group"].stance == "conditional"


def test_author_text_and_stanceless_sentences_are_not_statements() -> None:
    assert run("Negotiations have been stalled for months and neither side is ready to talk.") == []
    assert run("Context.\n\nPutin said the economy grew by three percent last year.") == []


def test_negation_of_readiness_is_refusal() -> None:
    st = one("Context.\n\nSybiha said on Monday that Ukraine was not ready to negotiate with Moscow.")
    assert st.stance == "refuses"


def test_hedge_is_not_refusal() -> None:
    st = one("Context.\n\nPeskov said on Monday that Russia is open to talks, but the moment was not right for them.")
    assert st.stance == "ready"


def test_conditional_based_only_on() -> None:
    st = one(
        "Context.\n\nOn March 1, Putin said Russia was ready for talks, but based only on the Istanbul agreements."
    )
    assert (st.stance, st.conditions, st.date) == ("conditional", ("istanbul-basis",), "2024-03-01")


def test_second_hand_keeps_original_speaker_and_date() -> None:
    st = one("Context.\n\nPutin said in June that Kyiv must withdraw from the four regions before any talks.")
    assert st.speaker.name == "Vladimir Putin"
    assert st.date == "2023-06"  # June is after March 2024's publication? no: the last June before it


def test_relative_clause_attribution() -> None:
    st = one(
        "Context.\n\nThe report mentioned Zelensky, "
        "who previously stated that talks could not begin while Putin is in power."
    )
    assert (st.speaker.name, st.stance, st.date) == ("Volodymyr Zelensky", "refuses", None)
    assert st.conditions == ("counterpart-leadership",)


def test_offers_are_not_conditions() -> None:
    st = one(
        "Context.\n\nLavrov said on Monday that Russia was ready to negotiate, and in return we could lift sanctions."
    )
    assert "sanctions-relief" not in st.conditions


def test_mediation_by_third_party() -> None:
    st = one("Context.\n\nErdogan said on Monday that Turkey was ready to host peace talks between Moscow and Kyiv.")
    assert (st.speaker.name, st.stance) == ("Recep Tayyip Erdoğan", "mediates")


def test_following_day_after_dated_mention() -> None:
    got = run(
        "Context.\n\nOn March 4, Putin said Russia was ready for talks.\n\n"
        "The following day, he said Ukraine should return to the negotiating table."
    )
    assert {(s.stance, s.date) for s in got} == {("ready", "2024-03-04"), ("urges", "2024-03-05")}


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("on Sunday", "2024-03-10"),
        ("on Thursday", "2024-03-14"),
        ("On 8 March", "2024-03-08"),
        ("October 18", "2023-10-18"),
        ("earlier this month", "2024-03"),
        ("last month", "2024-02"),
        ("in March 2022", "2022-03"),
        ("yesterday", "2024-03-13"),
    ],
)
def test_dates_resolve_against_publication(phrase: str, value: str) -> None:
    exprs = find_dates(phrase, PUB)
    assert exprs and exprs[0].value == value


def test_vague_dates_stay_unknown() -> None:
    for phrase in ("in the summer", "previously", "in recent weeks"):
        exprs = find_dates(phrase, PUB)
        assert exprs and exprs[0].kind == "vague" and exprs[0].value is None


def test_lexicon_comes_from_skos_labels() -> None:
    lex = lexicon()
    assert set(lex.stances) == {"ready", "conditional", "refuses", "urges", "accuses", "mediates"}
    assert len(lex.conditions) == 20
    ready = lex.stances["ready"].regex
    assert ready is not None and ready.search("they were open to negotiations")


# --- general news-register patterns (rules-0.2) -----------------------------------------

LEAD = "A short introduction to the report.\n\n"


def stances(text: str) -> set[tuple[str, str]]:
    return {(s.speaker.name, s.stance) for s in run(LEAD + text)}


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("Sergei Lavrov said on Monday that Moscow had never shut the door to diplomacy.", "ready"),
        ("Sergei Lavrov said on Monday that Russia would not take part in any summit on Ukraine.", "refuses"),
        ("Sergei Lavrov said on Monday that there was nothing to discuss with the current government.", "refuses"),
        ("Sergei Lavrov said on Monday that the West had no interest in a genuine settlement.", "accuses"),
        ("Sergei Lavrov said on Monday that London had forbidden Kyiv to negotiate.", "accuses"),
        ("Sergei Lavrov said on Monday that Kyiv wanted a truce only to rearm.", "accuses"),
    ],
)
def test_stance_wordings(text: str, stance: str) -> None:
    assert ("Sergey Lavrov", stance) in stances(text)


def test_hypocrisy_accusation() -> None:
    got = stances("Dmytro Kuleba said on Monday that Moscow speaks of peace by day and launches missiles by night.")
    assert ("Dmytro Kuleba", "accuses") in got


def test_belligerent_does_not_mediate() -> None:
    got = stances("Dmytro Kuleba said on Monday that the latest peace initiative from Moscow was a trap.")
    assert not any(s == "mediates" for _, s in got)


def test_third_party_venue_offer_is_mediation() -> None:
    got = run(
        LEAD
        + "Cardinal Ennio Bartoli, the Holy See's envoy, said on Monday that the Vatican could offer a neutral venue."
    )
    assert [(s.speaker.name, s.stance) for s in got] == [("Ennio Bartoli", "mediates")]


def test_obligation_on_the_other_side_is_an_appeal() -> None:
    got = stances("Senior European officials said on Monday that Moscow should signal it is open to talks.")
    assert any(s == "urges" for _, s in got)


def test_organisation_with_nationality_adjective() -> None:
    st = one(LEAD + "The Brazilian presidency said on Monday that it was ready to mediate between the two sides.")
    assert (st.speaker.name, st.speaker.kind, st.speaker.affiliation, st.stance) == (
        "Brazilian presidency",
        "organization",
        "Brazil",
        "mediates",
    )


def test_vox_pop_introduction_resolves_pronoun() -> None:
    text = (
        "Marta Kostenko, 52, a nurse from Poltava, was queuing for water on Tuesday.\n\n"
        "\u201cLet them talk, the sooner the better,\u201d she said."
    )
    got = run(LEAD + text)
    assert [(s.speaker.name, s.stance, s.date) for s in got] == [("Marta Kostenko", "urges", "2024-03-12")]


def test_demand_with_first_then() -> None:
    st = one(LEAD + "Dmytro Kuleba said on Monday: \u201cFirst Russia withdraws its troops, then we talk.\u201d")
    assert st.stance == "conditional" and "russian-withdrawal" in st.conditions


def test_offer_markers_come_from_turtle() -> None:
    lex = lexicon()
    assert lex.offers is not None and lex.offers.search("we could also lift the blockade in return")


def test_anchored_search_equals_plain_search() -> None:
    lex = lexicon()
    texts = [
        "they keep talking about peace while they shell our cities",
        "we are ready to sit down with them without preconditions tomorrow",
        "Moscow ruled out any talks until the decree forbidding negotiations is cancelled",
        "a settlement must respect the realities on the ground and Ukraine's neutral status",
    ]
    for t in texts:
        for c in [*lex.stances.values(), *lex.conditions.values()]:
            if c.regex is None:
                continue
            a, b = c.search(t, t.lower()), c.regex.search(t)
            assert (a.span() if a else None) == (b.span() if b else None), (c.code, t)


# --- paraphrase cues (sg:weakPattern, gated by sg:topicPattern) and attribution coverage ---


def test_paraphrased_offer_with_conditions_is_conditional() -> None:
    st = one(
        "Opening paragraph of a report on diplomacy.\n\n"
        "Putin said Moscow would declare a truce and open talks the same day once Kyiv withdrew its soldiers "
        "from the Kherson and Donetsk regions and dropped its bid to join NATO."
    )
    assert st.stance == "conditional"
    assert {"ukrainian-withdrawal", "neutrality"} <= set(st.conditions)


def test_bare_demands_in_the_next_sentence_join_the_conditional_statement() -> None:
    st = one(
        "Opening paragraph of a report on diplomacy.\n\n"
        "Putin said Russia would begin negotiations as soon as Ukraine left the Luhansk region. "
        "He said the region's status as part of Russia must be settled and that sanctions must be lifted."
    )
    assert st.stance == "conditional"
    assert {"ukrainian-withdrawal", "territorial-recognition", "sanctions-relief"} <= set(st.conditions)


def test_dismissing_an_offer_is_a_refusal() -> None:
    st = one("Opening paragraph here.\n\nZelensky, speaking at a summit in Rome the same day, dismissed the proposal.")
    assert (st.speaker.name, st.stance) == ("Volodymyr Zelensky", "refuses")


def test_denial_with_that_clause_still_negates() -> None:
    assert run("Opening paragraph here.\n\nPeskov denied that Moscow was ready to negotiate with Kyiv.") == []


def test_weak_cues_need_a_clause_about_negotiations() -> None:
    assert run("Opening paragraph here.\n\nThe minister said farmers would begin the harvest next week.") == []


def test_appeal_to_take_part_in_a_meeting_is_urging() -> None:
    st = one("Opening paragraph here.\n\nScholz called on Russia to take part in a follow-up meeting in Geneva.")
    assert (st.speaker.name, st.stance) == ("Olaf Scholz", "urges")


def test_interview_answers_belong_to_the_interviewee_and_questions_to_nobody() -> None:
    got = run(
        "A conversation with Marta Hnatiuk\n\n"
        "Marta Hnatiuk is a member of parliament from Lviv. She spoke to us on Tuesday.\n\n"
        "Q: Moscow says it is open to dialogue. Is that true?\n\n"
        "A: They do not want negotiations. They want our surrender.\n\n"
        "Q: What comes first?\n\n"
        "A: We will talk only after the last Russian soldier has left our land."
    )
    assert {(s.speaker.name, s.stance) for s in got} == {("Marta Hnatiuk", "accuses"), ("Marta Hnatiuk", "conditional")}
    cond = next(s for s in got if s.stance == "conditional")
    assert cond.conditions == ("russian-withdrawal",)
    assert cond.date == "2024-03-12"


def test_its_ministry_speaks_for_the_state_just_named() -> None:
    st = one(
        "Opening paragraph here.\n\nBrazil sent only an observer. "
        "Its foreign ministry said on Monday that it stood ready to host talks between the two sides."
    )
    assert (st.speaker.name, st.stance) == ("Brazil", "mediates")


def test_dated_fronting_without_comma_keeps_the_subject() -> None:
    st = one(
        "Opening paragraph here.\n\nOn Saturday the Vatican said the pope had sent an envoy on a peace mission to Kyiv."
    )
    assert (st.speaker.name, st.stance, st.date) == ("Holy See", "mediates", "2024-03-09")


def test_anonymous_source_keeps_its_defining_phrase_and_is_referred_back_to() -> None:
    got = run(
        "Opening paragraph here.\n\n"
        "According to a source in the Russian delegation, the talks were tense. "
        '"Moscow will not accept a pause that lets them rearm," the source said.'
    )
    assert [(s.speaker.name, s.speaker.kind, s.stance) for s in got] == [
        ("source in the Russian delegation", "anonymous", "refuses")
    ]

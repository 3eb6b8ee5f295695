"""Who the subject of a sentence is: participles of saying, subjects for later pronouns, names.

Invented sentences only; each test names the reporting pattern it covers.
"""

from __future__ import annotations

from datetime import date

from stancegraph.graph.extract import extract_statements
from stancegraph.graph.extract.actors import ActorContext, interpret
from stancegraph.graph.extract.subject_np import clause_subject, subject_left
from stancegraph.graph.extract.text import paragraphs
from stancegraph.graph.records import Article, Statement

PUB = date(2024, 3, 14)  # a Thursday


def run(text: str, published: date | None = PUB) -> list[Statement]:
    return extract_statements(Article(id="t", text=text, source="t.txt", published=published))


def speakers(text: str) -> list[tuple[str, str]]:
    return [(s.speaker.name, s.stance) for s in run(text)]


# -- a participle of saying hangs on the clause subject ------------------------------------


def test_participle_after_a_non_speech_predicate() -> None:
    got = speakers(
        "Some context first.\n\n"
        "On Tuesday, Foreign Minister Sergey Lavrov went further, saying Moscow would never negotiate with Kyiv."
    )
    assert got == [("Sergey Lavrov", "refuses")]


def test_participle_after_a_copula_with_a_fronted_place() -> None:
    got = speakers(
        "Some context first.\n\n"
        "In Brussels, Secretary of State Antony Blinken was cautious, telling reporters that Russia was not "
        "serious about diplomacy."
    )
    assert [name for name, _ in got] == ["Antony Blinken"]


def test_participle_with_a_pronoun_subject() -> None:
    got = speakers(
        "Some context first.\n\n"
        "Recep Tayyip Erdogan spoke in Ankara on Tuesday. He went further, offering to host talks between "
        "Russia and Ukraine in Istanbul."
    )
    assert got == [("Recep Tayyip Erdoğan", "mediates")]


def test_a_decree_declaring_talks_impossible_is_the_signers_statement() -> None:
    got = speakers(
        "Some context first.\n\n"
        "On October 4, President Volodymyr Zelensky signed a decree declaring negotiations with Putin impossible."
    )
    assert got == [("Volodymyr Zelensky", "refuses")]


def test_clause_subject_keeps_lowercase_titles_inside_the_name() -> None:
    text = "Kremlin spokesman Dmitry Peskov on Monday played it down, telling reporters nothing had changed."
    got = clause_subject(text, 0, text.index("telling"))
    assert got is not None
    assert text[got[0] : got[1]] == "Kremlin spokesman Dmitry Peskov"


def test_progressive_participle_is_an_ordinary_verb() -> None:
    # "have been urging": the subject stands right before the verb group, not at a clause start
    got = speakers("Some context first.\n\nSenior Western officials have been urging Kyiv to signal openness to talks.")
    assert all(name != "West" for name, _ in got)


# -- author sentences name the antecedent of a later pronoun -----------------------------


def test_reflexive_subject_is_the_antecedent() -> None:
    got = speakers(
        "Some context first.\n\n"
        "Mykhailo Podolyak spoke first. Volodymyr Zelensky himself had set expectations low. "
        '"We are ready to negotiate with Russia," he said.'
    )
    assert got == [("Volodymyr Zelensky", "ready")]


def test_possessors_tone_names_the_antecedent() -> None:
    got = speakers(
        "Some context first.\n\n"
        "Andrii Sybiha spoke in the morning. However, Zelensky's tone has shifted. "
        '"We need strong security guarantees first, then we can talk," he said.'
    )
    assert [name for name, _ in got] == ["Volodymyr Zelensky"]


def test_a_post_on_x_ends_the_sentence() -> None:
    text = 'EU chief Kaja Kallas pushed back in a post on X. "A rushed deal is a bad deal," she wrote.'
    article = Article(id="t", text="Headline here\n\n" + text, source="t.txt", published=PUB)
    prose = [p for p in paragraphs(article) if p.kind == "prose"]
    assert len(prose[0].sentences) == 2


def test_explainer_heading_label_is_no_subject() -> None:
    got = speakers(
        "Some context first.\n\n"
        "What the West says: Secretary of State Antony Blinken said Russia was not serious about diplomacy."
    )
    assert [name for name, _ in got] == ["Antony Blinken"]


# -- names ---------------------------------------------------------------------------------


def test_unknown_full_name_is_not_the_title_holder_of_the_day() -> None:
    ctx = ActorContext(when=PUB)
    actor = interpret("former Secretary of State Henry Kissinger", ctx)
    assert actor is not None and actor.name == "Henry Kissinger"


# -- relative clauses and appositives between the subject and the verb -------------------


def test_relative_clause_with_commas_inside() -> None:
    got = speakers(
        "Some context first.\n\n"
        "Cardinal Matteo Zuppi, the papal envoy, who has travelled to Kyiv, Moscow, Beijing and Washington, "
        "said the Holy See was ready to host talks between the two sides."
    )
    assert [name for name, _ in got] == ["Matteo Zuppi"]


def test_relative_clause_on_a_name_inside_a_prepositional_phrase() -> None:
    got = speakers(
        "Some context first.\n\n"
        "Moscow was represented by Foreign Minister Sergey Lavrov, who told reporters that Kyiv was refusing "
        "to negotiate."
    )
    assert [name for name, _ in got] == ["Sergey Lavrov"]


def test_possessive_appositive_before_the_verb() -> None:
    got = speakers(
        "Some context first.\n\n"
        "Taras Melnyk, Ukraine's deputy foreign minister, said talks with Moscow were impossible."
    )
    assert got == [("Taras Melnyk", "refuses")]


def test_participial_appositive_before_the_verb() -> None:
    got = speakers(
        "Some context first.\n\n"
        "President Recep Tayyip Erdogan, hosting Zelensky in Ankara, said Turkey was ready to host peace talks."
    )
    assert got == [("Recep Tayyip Erdoğan", "mediates")]


# -- who is no speaker, and who speaks through whom ----------------------------------------


def test_his_spokesman_voices_the_person_named_before() -> None:
    got = speakers(
        "Some context first.\n\n"
        "Secretary-General António Guterres urged both sides to return to the negotiating table, his spokesman "
        "said on Tuesday."
    )
    assert got == [("António Guterres", "urges")]


def test_commentators_are_no_party() -> None:
    got = speakers("Some context first.\n\nExperts said Kyiv was not ready to negotiate with Moscow.")
    assert got == []


def test_reduced_relative_with_a_possessed_subject() -> None:
    got = speakers(
        "Some context first.\n\n"
        "Saudi Arabia hosted the round. In August the kingdom had said it was willing to host further peace talks, "
        "an offer its officials repeated in Malta."
    )
    assert got == [("Saudi Arabia", "mediates")]


def test_month_in_front_of_a_lowercase_subject() -> None:
    got = speakers("Some context first.\n\nQatar hosted talks. In June the emirate said it was ready to mediate.")
    assert [name for name, _ in got] == ["Qatar"]


# -- the gazetteer: envoys, spokespeople and ministers of mediating states ---------------


def test_added_actors_resolve_in_both_loaders() -> None:
    from stancegraph.graph.actors import lookup, resolve_name
    from stancegraph.graph.extract.actors import gazetteer

    for name, eid in (("Cleverly", "james-cleverly"), ("Ibrahim Kalin", "ibrahim-kalin"), ("Tykhyi", "heorhii-tykhyi")):
        found = [e for _s, _e, e in gazetteer().find(name)]
        assert found == [eid], name
        rdf = lookup(name)
        assert rdf is not None and rdf.id == eid
        assert resolve_name(name) == rdf.iri


def test_description_resolves_by_the_date_of_the_article() -> None:
    early = interpret("the British foreign secretary", ActorContext(when=date(2023, 3, 1)))
    late = interpret("the British foreign secretary", ActorContext(when=date(2024, 3, 1)))
    assert early is not None and early.name == "James Cleverly"
    assert late is not None and late.name == "David Cameron"


def test_anonymous_source_is_named_by_its_affiliation() -> None:
    ctx = ActorContext(when=PUB)
    actor = interpret("a Ukrainian official familiar with the talks", ctx)
    assert actor is not None and (actor.name, actor.kind) == ("Ukrainian official", "anonymous")
    crowd = interpret("people familiar with the matter", ctx)
    assert crowd is not None and crowd.name == "people familiar with the matter"


def test_relative_clause_after_a_fronted_source_is_no_subject() -> None:
    # "According to X, who ..., the Y side demanded": the subject is after the clause, not the clause
    text = "According to a diplomat, who spoke on condition of anonymity, the Ukrainian side insisted that talks wait."
    para = paragraphs(Article(id="t", text=text, source="t.txt", published=PUB))[0]
    from stancegraph.graph.extract.subject_np import subject_left

    vs = text.index(" insisted") + 1
    got = subject_left(text, para.start, vs)
    assert got is not None and text[got[0] : got[1]].strip() == "the Ukrainian side"


def test_anonymous_sources_are_named_without_count_or_posting() -> None:
    ctx = ActorContext(when=PUB)
    crowd = interpret("Several French diplomats in Vienna", ctx)
    assert crowd is not None and (crowd.name, crowd.kind) == ("French diplomats", "anonymous")
    one = interpret("one British diplomat in Moscow", ctx)  # the posting is no speaker
    assert one is not None and (one.name, one.kind) == ("British diplomat", "anonymous")
    inside = interpret("a source in the Ukrainian delegation", ctx)  # the affiliation is in the phrase
    assert inside is not None and inside.name == "source in the Ukrainian delegation"


# -- the holders of one office in several states speak as a group --------------------------


def test_an_office_with_a_list_of_european_states_is_one_european_group() -> None:
    got = speakers(
        "Background paragraph about the talks.\n\n"
        "The defence ministers of Sweden, Denmark, Estonia and Latvia said in a joint letter on Tuesday that "
        "Ukraine must take part in any negotiations."
    )
    assert [name for name, _stance in got] == ["European defence ministers"]


def test_an_office_with_a_list_of_states_beyond_europe_keeps_the_list() -> None:
    ctx = ActorContext(when=PUB)
    got = interpret("the leaders of Kenya, Egypt and Senegal", ctx)
    assert got is not None and (got.name, got.kind) == ("leaders of Kenya, Egypt and Senegal", "group")


def test_a_plain_coordination_of_two_states_is_no_group() -> None:
    ctx = ActorContext(when=PUB)
    assert interpret("Kyiv and its Western backers", ctx) is None


# -- a long fronted place or time phrase before the subject of an author sentence -----------


def test_a_pronoun_after_a_subject_behind_a_long_fronted_place_phrase() -> None:
    got = speakers(
        'Oleh Marchenko, a bus driver, said he wanted the fighting over. "Let them talk," he said.\n\n'
        "In the small wooden chapel at the end of the village's main street near the river, Father Petro "
        'Savchuk has held more funerals this year than in the previous ten. "There can be no talks with '
        'people who shell a school," he said.'
    )
    assert ("Petro Savchuk", "refuses") in got


def test_a_person_introduced_by_an_inverted_copula_is_the_next_he() -> None:
    got = speakers(
        "Background paragraph about the talks.\n\n"
        "Donald Trump has promised a quick end to the war. Next in line was Viktor Orban. On Monday he posted "
        'a message. "Hungary is ready to host the talks," he wrote.'
    )
    assert ("Viktor Orbán", "mediates") in got


def test_a_title_with_a_possessor_and_a_relative_clause_is_the_subject() -> None:
    got = speakers(
        "Donald Trump has promised a quick end to the war.\n\n"
        "Hungary's prime minister, who chairs the bloc's rotating presidency this term, flew to Moscow. "
        '"Hungary is ready to host the talks," he wrote.'
    )
    assert ("Viktor Orbán", "mediates") in got


def test_a_subject_behind_two_fronted_phrases_is_the_next_he() -> None:
    got = speakers(
        "Volodymyr Zelensky has asked for more air defence.\n\n"
        "On Monday, at his first news conference of the year, Mr Trump was asked about the war. "
        '"Zelensky should be ready to make a deal," he said.'
    )
    assert [name for name, _stance in got] == ["Donald Trump"]


def test_a_vox_pop_speaker_who_gives_a_first_name_only_is_the_next_he() -> None:
    got = speakers(
        "Volodymyr Zelensky has called for a truce.\n\n"
        "Outside the station, a medic who gave his name only as Bohdan, because he is not allowed to talk to "
        'reporters, shrugged. "There can be no talks with people who shell hospitals," he said.'
    )
    assert ("Bohdan", "refuses") in got


def test_a_bare_quantifier_subject_is_some_of_the_group_just_named() -> None:
    got = run(
        "Background paragraph about the plan.\n\n"
        "Many residents of the town told reporters they would not accept the plan. Several said that no talks "
        "were possible while the shelling went on."
    )
    assert "Several" not in [s.speaker.name for s in got]
    assert all(s.speaker.kind == "group" for s in got)


def test_a_participle_of_saying_hangs_on_a_whole_list_subject() -> None:
    got = speakers(
        "Background paragraph about the talks.\n\n"
        "The leaders of Germany, Italy, Spain and Poland, meeting in Rome on Tuesday, issued a statement saying "
        'that "Ukraine and Europe must be at the table in any negotiations".'
    )
    assert [name for name, _stance in got] == ["European leaders"]


def test_a_participle_of_saying_hangs_on_a_pronoun_after_a_fronted_adverb() -> None:
    got = speakers(
        "Kremlin spokesman Dmitry Peskov spoke to reporters on Tuesday.\n\n"
        "However, he questioned the Ukrainian leader's mandate, saying any deal must be signed by a legitimate "
        "government."
    )
    assert [name for name, _stance in got] == ["Dmitry Peskov"]


def test_a_group_with_its_members_listed_after_including_is_the_speaker() -> None:
    got = speakers(
        "Background paragraph about the summit.\n\n"
        "Nordic leaders including Swedish Prime Minister Anna Berg, Finnish President Mikko Laine and Danish "
        "Prime Minister Lars Holm said Ukraine must be at the table in any negotiations."
    )
    assert [name for name, _stance in got] == ["Nordic leaders"]


def test_a_participle_phrase_verb_hangs_on_a_subject_with_a_possessive_appositive() -> None:
    got = speakers(
        "Background paragraph about the talks.\n\n"
        "Lars Holm, Denmark's envoy, never tires of pointing out that his country is ready to host talks "
        "between the two sides."
    )
    assert got == [("Lars Holm", "mediates")]


def test_a_vox_pop_subject_with_age_and_occupation_is_the_name() -> None:
    got = speakers(
        "Background paragraph about the war.\n\n"
        "Petro Bondar, 58, a retired miner, said talks would make sense only once Russian troops had left."
    )
    assert [name for name, _stance in got] == ["Petro Bondar"]


def test_a_date_closing_a_participial_appositive_is_no_subject() -> None:
    got = speakers(
        "Background paragraph about the war.\n\n"
        "Foreign Minister Sergey Lavrov, speaking to reporters in Minsk on Friday, March 8, said Moscow was "
        "ready for talks."
    )
    assert [name for name, _stance in got] == ["Sergey Lavrov"]


def test_a_participle_after_scare_quotes_hangs_on_the_clause_subject() -> None:
    got = speakers(
        "Background paragraph about the war.\n\n"
        'India on Monday released a plan for a "just settlement" of the war, calling for a ceasefire and the '
        "resumption of peace talks, but Kyiv's partners said New Delhi was too close to Moscow."
    )
    assert ("India", "urges") in got or ("India", "mediates") in got


def test_two_coordinated_subjects_are_not_the_first_one_alone() -> None:
    got = speakers(
        "Background paragraph about the war.\n\n"
        'India and Kenya put forward a "common position" calling for a ceasefire and a peace conference.'
    )
    assert "India" not in [name for name, _stance in got]


def test_a_pronoun_with_its_own_short_predicate_before_then_added() -> None:
    text = "He paused, then added that he did not think it would happen soon."
    got = subject_left(text, 0, text.index("added"))
    assert got is not None and text[got[0] : got[1]] == "He"

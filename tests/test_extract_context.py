"""The topic carried by context (rules-0.5.1): a bare answer or a referring "it" takes its topic
from the question put to the speaker or the sentence before, and nothing else. Invented sentences."""

from __future__ import annotations

from datetime import date

from stancegraph.graph.extract import extract_statements
from stancegraph.graph.extract.topic_context import Context, resolved
from stancegraph.graph.records import Article

PUB = date(2024, 3, 14)


def coded(text: str) -> set[tuple[str, str, tuple[str, ...]]]:
    art = Article(id="t", text="Filler line.\n\n" + text, source="t.txt", published=PUB)
    return {(s.speaker.name, s.stance, s.conditions) for s in extract_statements(art)}


def test_a_referring_it_is_read_as_its_antecedent() -> None:
    ctx = Context("decree")
    assert resolved("Let them repeal it first", ctx) == "Let them repeal the decree first"
    assert resolved("Until it is revoked, we have nothing to say", ctx) == (
        "Until the decree is revoked, we have nothing to say"
    )
    assert resolved("It is time to talk", ctx) is None  # no reference
    assert resolved("Let them repeal it first", Context(None)) is None


def test_the_decree_named_before_gives_the_condition() -> None:
    got = coded(
        "The Kremlin said on Monday there could be no talks while Kyiv's decree banning them stayed in force. "
        '"Let them repeal it first, and then we will see," Dmitry Peskov said.'
    )
    assert ("Dmitry Peskov", "conditional", ("talks-ban-lifted",)) in got


def test_it_standing_for_something_else_names_no_term() -> None:
    got = coded(
        'The minister presented the budget on Monday. "Let them repeal it first, and then we will see," '
        "Dmitry Peskov said."
    )
    assert not any("talks-ban-lifted" in c for _n, _s, c in got)


def test_a_bare_answer_to_a_question_about_a_plan_refuses() -> None:
    got = coded('Asked on Monday whether Kyiv would accept the plan, Iryna Vereshchuk said: "Not like this."')
    assert got == {("Iryna Vereshchuk", "refuses", ())}


def test_a_bare_answer_to_another_question_is_nothing() -> None:
    assert coded('Asked on Monday about the weather, Iryna Vereshchuk said: "Not like this."') == set()


def test_a_rhetorical_question_after_a_sentence_about_talks_refuses() -> None:
    quote = "Journalists keep asking why we don’t simply {}. With whom? With the men who shelled this street?"
    got = coded(f'"{quote.format("negotiate")}" said Iryna, a nurse in Kharkiv.')
    assert ("Iryna", "refuses", ()) in got
    assert coded(f'"{quote.format("leave")}" said Iryna, a nurse in Kharkiv.') == set()


def test_a_deal_named_before_is_what_it_is_up_to_them_to_get_done() -> None:
    got = coded(
        "Trump said on Monday that there would be no deal until both leaders agreed on a text. "
        "He said it was now up to Zelensky to get it done."
    )
    assert ("Donald Trump", "urges", ()) in got
    got = coded("Trump said on Monday that the summit had gone well. He said it was now up to Zelensky to get it done.")
    assert ("Donald Trump", "urges", ()) not in got


def test_what_talks_is_a_refusal() -> None:
    got = coded('"What talks? They burned half the village," said Mykola, a farmer near Sumy.')
    assert got == {("Mykola", "refuses", ())}


def test_that_table_is_the_negotiating_table() -> None:
    got = coded('"Everybody at that table is going to have to give something," Marco Rubio said on Monday.')
    assert got == {("Marco Rubio", "urges", ())}

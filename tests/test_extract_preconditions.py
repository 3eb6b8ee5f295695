"""Terms set by ordering events (rules-0.5.0): "first X, then we talk", "no peace until X",
"not before X", "all it has to do is X", "without X there is no Y". Invented sentences."""

from __future__ import annotations

from datetime import date

from stancegraph.graph.extract import extract_statements
from stancegraph.graph.extract.preconditions import precondition
from stancegraph.graph.records import Article, Statement

PUB = date(2024, 3, 14)


def run(text: str) -> list[Statement]:
    return extract_statements(Article(id="t", text=text, source="t.txt", published=PUB))


def coded(text: str) -> set[tuple[str, str, tuple[str, ...]]]:
    return {(s.speaker.name, s.stance, s.conditions) for s in run(text)}


def test_the_construction_itself() -> None:
    assert precondition("First the occupiers go home")
    assert precondition("There can be no treaty until the shelling stops")
    assert precondition("Until that law is repealed, we have nothing to say")
    assert precondition("All Moscow needs to do is pull its army back")
    assert precondition("Without a tribunal there will be no lasting peace")
    assert not precondition("We are ready to talk without preconditions")
    assert not precondition("We will never accept a deal made without us")
    assert not precondition("The delegation met first with the mediators")


def test_first_they_leave_is_a_conditional_position() -> None:
    got = coded('Filler line.\n\n"Talk? Maybe. But first they have to leave," said Taras, a farmer near Sumy.')
    assert got == {("Taras", "conditional", ("russian-withdrawal",))}


def test_all_it_has_to_do_is_names_the_term() -> None:
    got = coded(
        'Filler line.\n\n"Moscow can stop this whenever it likes. All it has to do is bring its soldiers home '
        'from Ukraine," Annalena Baerbock said on Monday.'
    )
    assert ("Annalena Baerbock", "conditional", ("russian-withdrawal",)) in got


def test_not_before_the_guns_fall_silent() -> None:
    got = coded(
        'Filler line.\n\n"There should be no second summit before the guns fall silent," Emmanuel Macron said '
        "on Monday."
    )
    assert got == {("Emmanuel Macron", "conditional", ("ceasefire",))}


def test_a_refusal_that_names_its_exit_is_conditional() -> None:
    got = coded(
        'Filler line.\n\n"Without binding security guarantees, talks with Moscow are not possible," Andriy Yermak '
        "said on Monday."
    )
    assert got == {("Andriy Yermak", "conditional", ("security-guarantees",))}


def test_a_refused_outcome_made_without_us_stays_a_refusal() -> None:
    got = coded(
        'Filler line.\n\n"We will never accept a deal stitched together behind our backs," Volodymyr Zelensky said '
        'on Monday. "Nothing about Ukraine will be signed without Ukraine."'
    )
    assert got == {("Volodymyr Zelensky", "refuses", ("talks-format",))}


def test_a_term_ordered_before_any_talks() -> None:
    """0.5.6: "X before any negotiations" orders X before the talks, whatever verb carries it."""
    assert precondition("A complete truce has to hold for a month before any negotiations")
    assert precondition("They want the shelling to stop ahead of any peace talks")
    assert not precondition("The envoy flew home before the talks ended")
    got = coded(
        "Filler line.\n\nVolodymyr Zelensky said on Monday that a full ceasefire must take effect before any "
        "talks begin."
    )
    assert ("Volodymyr Zelensky", "conditional", ("ceasefire",)) in got


def test_y_without_x_judged_unacceptable_or_hollow() -> None:
    """0.5.6: "a truce without guarantees is not acceptable", "peace without justice is only a pause"."""
    assert precondition("A truce without security guarantees is not acceptable to us")
    assert precondition("Peace without a tribunal would be only a short break")
    got = coded(
        'Filler line.\n\n"A truce without security guarantees is not acceptable for us," Andrii Sybiha said on Monday.'
    )
    assert any(s == "conditional" and "security-guarantees" in c for _n, s, c in got)


def test_a_bare_term_put_first() -> None:
    """0.5.6: "Ceasefire first, a real one." -- the term ordered first without a verb."""
    assert precondition("Ceasefire first, a real one, everywhere")
    assert precondition("Security guarantees first.")
    assert not precondition("The talks come first in line")


def test_would_not_negotiate_without_them_at_the_table() -> None:
    """0.5.6: "would not negotiate without X at the table" sets who must sit there."""
    got = coded(
        "Filler line.\n\nAntony Blinken said on Monday that Washington would not negotiate about Ukraine without "
        "Ukraine at the table."
    )
    assert ("Antony Blinken", "conditional", ("talks-format",)) in got

"""Probe passages for late-round failures: acts of pressure and blame as reporting verbs, a date
between the verb and its object, "the Russians"/"the Ukrainians" as sides, newsletter bullets.
Invented sentences in the registers of news about talks; each row stands for a general phrasing."""

from __future__ import annotations

from datetime import date

import pytest

from stancegraph.graph.extract import extract_statements
from stancegraph.graph.records import Article

PUB = date(2025, 4, 2)  # a Wednesday


def _statements(text: str) -> list[tuple[str, str, str | None]]:
    art = Article(id="t", text=text, source="t.txt", published=PUB)
    out = []
    for s in extract_statements(art):
        r = s.to_record()
        out.append((r["speaker"].get("name"), r["stance"], r["date"]))
    return out


def stances(text: str) -> set[tuple[str, str]]:
    return {(name, stance) for name, stance, _ in _statements(text)}


PRESSURE_AND_BLAME = [
    ("Emmanuel Macron pressed Vladimir Putin to accept an unconditional ceasefire.", ("Emmanuel Macron", "urges")),
    ("Keir Starmer is pressing Russia to agree to a 30-day truce.", ("Keir Starmer", "urges")),
    ("Recep Tayyip Erdogan pushed both sides to resume talks in Istanbul.", ("Recep Tayyip Erdoğan", "urges")),
    ("Antonio Guterres implored Moscow and Kyiv to agree to a ceasefire.", ("António Guterres", "urges")),
    ("Xi Jinping encouraged both parties to resume dialogue.", ("Xi Jinping", "urges")),
    ("Antonio Guterres pleaded with both sides to return to the negotiating table.", ("António Guterres", "urges")),
    ("Sergei Lavrov blamed Kyiv for the breakdown of peace talks.", ("Sergey Lavrov", "accuses")),
    ("Dmitry Peskov blames Ukraine for the collapse of the negotiations.", ("Dmitry Peskov", "accuses")),
]


@pytest.mark.parametrize(("text", "expected"), PRESSURE_AND_BLAME)
def test_pressure_and_blame_report_speech(text: str, expected: tuple[str, str]) -> None:
    assert expected in stances(text)


NOT_PRESSURE = [
    # "pressed" by questioners, or troops "pushing" forward, is no appeal: the real report stands
    ("Volodymyr Zelensky, pressed by reporters, said Ukraine was ready for a ceasefire.", "Volodymyr Zelensky"),
    ("Russian forces pushed deeper into Donetsk as Vladimir Putin said he was open to talks.", "Vladimir Putin"),
]


@pytest.mark.parametrize(("text", "speaker"), NOT_PRESSURE)
def test_pressure_without_an_aim_is_no_report(text: str, speaker: str) -> None:
    assert {name for name, _ in stances(text)} == {speaker}


DATED_BETWEEN_VERB_AND_OBJECT = [
    # the day after the verb's object and before its complement dates the act (publication: Wed 2 April)
    ("Vladimir Putin signalled readiness on Friday to resume direct talks with Ukraine.", "2025-03-28"),
    ("Antonio Guterres urged Moscow and Kyiv on Tuesday to agree to a ceasefire.", "2025-04-01"),
    ("Emmanuel Macron called on Monday for an immediate truce.", "2025-03-31"),
    ("Volodymyr Zelensky accused Russia on Sunday of stalling the negotiations.", "2025-03-30"),
    ("Dmitry Peskov ruled out on Tuesday any ceasefire before a settlement.", "2025-04-01"),
    ("Donald Trump urged Putin late on Saturday to accept the truce.", "2025-03-29"),
    ("Recep Tayyip Erdogan offered on Thursday to host peace talks in Istanbul.", "2025-03-27"),
    # the verb's own particle before the object ("appealed to", "called on"), and "yesterday"
    ("Pope Francis appealed to Russia and Ukraine on Sunday to agree to a truce.", "2025-03-30"),
    ("Kaja Kallas called on Moscow on Thursday to stop stalling the talks.", "2025-03-27"),
    ("Sergei Lavrov accused Kyiv yesterday of sabotaging the peace process.", "2025-04-01"),
    # never after publication: "on Wednesday" is the publication day itself
    ("Keir Starmer pressed Moscow on Wednesday to sign up to the truce.", "2025-04-02"),
]


@pytest.mark.parametrize(("text", "day"), DATED_BETWEEN_VERB_AND_OBJECT)
def test_day_between_verb_and_complement_dates_the_act(text: str, day: str) -> None:
    assert [d for _, _, d in _statements(text)] == [day]


@pytest.mark.parametrize(
    "text",
    [
        # "talks on Friday", "agreed to talks on Friday": the day belongs to what is urged or agreed
        "Donald Trump urged the two leaders to hold talks on Friday to end the war.",
        "Vladimir Putin agreed to talks on Friday with Ukraine, the Kremlin said.",
    ],
)
def test_day_of_what_is_asked_is_not_the_day_of_asking(text: str) -> None:
    assert "2025-03-28" not in [d for _, _, d in _statements(text)]


PEOPLES_AS_SIDES = [
    # "the Russians"/"the Ukrainians" act as their side: the other side's refusal is an accusation
    ("Volodymyr Zelensky said the Russians ignored the proposal for an unconditional ceasefire.", "accuses"),
    ("Andriy Yermak said the Russians are not ready for real negotiations.", "accuses"),
    ("Dmitry Peskov said the Ukrainians had walked away from the talks in Istanbul.", "accuses"),
    ("Sergei Lavrov told TASS that the Ukrainians refuse to negotiate.", "accuses"),
    # the state's officials as a body act as it too
    ("Volodymyr Zelensky said Russian officials were not interested in peace.", "accuses"),
    ("Maria Zakharova said Ukrainian authorities had banned any talks with Moscow.", "accuses"),
    # the speaker's own refusal stays a refusal, whatever the other people are said to do
    ("Volodymyr Zelensky said we will not negotiate while the Russians keep shelling our cities.", "refuses"),
]


@pytest.mark.parametrize(("text", "stance"), PEOPLES_AS_SIDES)
def test_peoples_act_as_their_sides(text: str, stance: str) -> None:
    assert {s for _, s in stances(text)} == {stance}


NEWSLETTER = """The Ukraine Brief

Here is what you need to know this morning:

{b} Volodymyr Zelensky says Kyiv is ready to meet Vladimir Putin only after a ceasefire.
{b} Sergei Lavrov says Moscow will not accept European peacekeepers in Ukraine.
{b} Recep Tayyip Erdogan offers to host a new round of talks in Istanbul.
"""


@pytest.mark.parametrize("bullet", ["•", "-", "*", "▪️", "🔹", "➡️", "📌", "1."])
def test_newsletter_bullets_are_statements(bullet: str) -> None:
    got = stances(NEWSLETTER.format(b=bullet))
    assert {
        ("Volodymyr Zelensky", "conditional"),
        ("Sergey Lavrov", "refuses"),
        ("Recep Tayyip Erdoğan", "mediates"),
    } <= got


@pytest.mark.parametrize("bullet", ["▪️", "🔹", "➡️", "•"])
def test_bullet_marker_is_not_part_of_the_sentence(bullet: str) -> None:
    from stancegraph.graph.extract.text import paragraphs

    text = f"Roundup\n\n{bullet} Dmitry Peskov says the Kremlin is open to talks with Kyiv."
    art = Article(id="t", text=text, source="t.txt", published=PUB)
    (para,) = [p for p in paragraphs(art) if p.kind == "prose"]
    assert text[para.sentences[0].start :].startswith("Dmitry Peskov")


def test_a_popes_short_name_is_that_pope() -> None:
    """'Pope Leo' is Leo XIV, not the pope whose title the phrase shares (Francis, until 2025)."""
    said = "Pope Leo said on Sunday that the Vatican was ready to host talks between Russia and Ukraine."
    assert ("Pope Leo XIV", "mediates") in stances(said)
    assert not any(name == "Pope Francis" for name, _ in stances(said))

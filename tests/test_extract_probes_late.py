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

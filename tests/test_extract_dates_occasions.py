"""Dates of statements carried between sentences: which occasion an undated or anaphoric claim belongs to.

Invented articles and hand-built claims (see tests/test_extract_dates.py), so each test checks
one date rule and not attribution.
"""

from __future__ import annotations

from datetime import date

from stancegraph.graph.extract.dates import find_dates
from tests.test_extract_dates import _article, _claim, _dates, one

THU_26_MAY_2022 = date(2022, 5, 26)


def test_anaphoric_occasions_resolve_to_the_date_named_last() -> None:
    """'the same evening' / 'at the time' / 'that call' point at the last date told, whoever's it was."""
    text = (
        "Title\n\n"
        "Delegates signed the final statement on Sunday after two days of talks at the resort.\n\n"
        "Zelensky told a closing news conference that the world could agree on principles.\n\n"
        "Putin, speaking to diplomats in Moscow on Friday, said talks could start once troops left.\n\n"
        "In a television interview the same evening, Zelensky said the demands were an ultimatum.\n\n"
        "The two presidents last spoke by phone on March 18 about the energy truce proposal.\n\n"
        "According to the readout of that call, Lavrov said the aid had to stop first.\n"
    )
    art = _article(text, date(2024, 6, 16))
    first = _claim(art, "Zelensky", "Zelensky told a closing news conference that ", "the world could agree")
    same = _claim(art, "Zelensky", "In a television interview the same evening, Zelensky said ", "the demands were")
    call = _claim(art, "Lavrov", "According to the readout of that call, Lavrov said ", "the aid had to stop")
    assert _dates(art, [first, same, call]) == ["2024-06-16", "2024-06-14", "2024-03-18"]


def test_an_earlier_days_statement_does_not_move_the_report_back_a_day() -> None:
    """A claim dated the day before the scene is a flashback: the next paragraph follows it, later ones do not."""
    text = (
        "Title\n\n"
        "Volunteers were packing boxes in the parish hall on Thursday afternoon when talk turned to the war.\n\n"
        "Zelensky said in his nightly address on Wednesday that nobody would trade land for quiet.\n\n"
        "Kuleba added that the foreign ministry agreed with every word of the address.\n\n"
        "In the hall, the reaction to the idea of a land deal was much the same as everywhere.\n\n"
        "Nadia, a nurse from Chernihiv, said there was nothing to talk about until the troops left.\n"
    )
    art = _article(text, THU_26_MAY_2022)
    zel = _claim(art, "Zelensky", "Zelensky said in his nightly address on Wednesday that ", "nobody would trade")
    kul = _claim(art, "Kuleba", "Kuleba added that ", "the foreign ministry agreed")
    nadia = _claim(art, "Nadia", "Nadia, a nurse from Chernihiv, said ", "there was nothing to talk")
    assert _dates(art, [zel, kul, nadia]) == ["2022-05-25", "2022-05-25", "2022-05-26"]


def test_a_relative_clause_dates_the_claim_when_it_is_the_claims_own_or_a_recent_day() -> None:
    text = (
        "Title\n\n"
        "Lula, who last month proposed that a club of neutral countries broker peace, stayed silent.\n\n"
        "Zelensky, who visited Washington on Tuesday to ask for funding, said there that land was not for sale.\n"
    )
    art = _article(text, THU_26_MAY_2022)
    lula = _claim(art, "Lula", "Lula, who last month proposed that ", "a club of neutral countries")
    zel = _claim(
        art, "Zelensky", "Zelensky, who visited Washington on Tuesday to ask for funding, said there that ", "land"
    )
    lula.verb = "proposed"
    assert _dates(art, [lula, zel]) == ["2022-04", "2022-05-24"]


def test_a_fronted_participle_phrase_dates_the_saying() -> None:
    text = "Title\n\nMeeting Putin on Thursday in Kazan, Guterres said a just peace had to follow the UN Charter.\n"
    art = _article(text, date(2024, 10, 25))
    c = _claim(art, "Guterres", "Guterres said ", "a just peace")
    assert _dates(art, [c]) == ["2024-10-24"]


def test_a_quote_before_its_attribution_takes_that_attributions_date() -> None:
    """Not the date of an earlier, undated mention of the same speaker in the paragraph."""
    text = (
        "Title\n\nThe report opens with a lead paragraph about the peace plan and the reactions to it.\n\n"
        "Orban, who says he speaks to both sides, backs a truce. "
        '"The moment has come to stop, every week counts," he said on state radio on Friday.\n'
    )
    art = _article(text, date(2024, 11, 20))
    says = _claim(art, "Orban", "Orban, who says ", "he speaks to both sides", tense="present")
    quote = _claim(art, "Orban", "Orban, who says ", "The moment has come to stop")
    quote.continuation, quote.frame = True, []
    said = _claim(art, "Orban", " he said on state radio on Friday", "every week counts")
    assert _dates(art, [says, quote, said]) == [None, "2024-11-15", "2024-11-15"]


def test_dateline_with_a_region_and_week_phrases() -> None:
    text = "Title\n\nANCHORAGE, Alaska, Aug 16 (Reuters) - The two leaders failed to agree at a summit on Friday.\n\n"
    text += "Putin told reporters afterwards that the root causes had to be removed.\n"
    art = _article(text, date(2025, 8, 16))
    c = _claim(art, "Putin", "Putin told reporters afterwards that ", "the root causes")
    assert _dates(art, [c]) == ["2025-08-15"]  # the dateline's Aug 16 is the filing day, not the summit's
    assert one("speaking earlier in the week", date(2023, 9, 24)) == ("month", "2023-09")
    assert [x.kind for x in find_dates("in that phone call", date(2023, 9, 24))] == ["context"]

"""Date resolution: phrases against the publication date, and which date belongs to which claim.

The phrase tests call :func:`find_dates` directly. The context tests build claims by hand
(speaker, frame, content) over small invented articles, so they check the date rules and
not attribution: :func:`assign_dates` gets exactly the claims the assembler would hand it.
"""

from __future__ import annotations

from datetime import date

import pytest

from stancegraph.graph.extract.actors import Actor
from stancegraph.graph.extract.attribution import Claim
from stancegraph.graph.extract.dates import apply_offset, best, find_dates
from stancegraph.graph.extract.dates_context import assign_dates
from stancegraph.graph.extract.text import paragraphs
from stancegraph.graph.records import Article

MON_9_JAN_2023 = date(2023, 1, 9)


def one(text: str, published: date | None = MON_9_JAN_2023) -> tuple[str, str | None]:
    found = find_dates(text, published)
    assert found, text
    x = best(found)
    assert x is not None
    return x.kind, x.value


# -- explicit dates -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("on 8 November", "2022-11-08"),  # no year: the last 8 November not after publication
        ("November 8", "2022-11-08"),
        ("Nov. 8", "2022-11-08"),
        ("8 Nov 2022", "2022-11-08"),
        ("on January 3rd", "2023-01-03"),
        ("the 5th of January", "2023-01-05"),
        ("2023-01-02", "2023-01-02"),
        ("on Jan 9", "2023-01-09"),  # the day of publication itself
    ],
)
def test_explicit_days(phrase: str, value: str) -> None:
    assert one(phrase) == ("day", value)


def test_month_and_year_and_bare_month() -> None:
    assert one("in March 2022") == ("month", "2022-03")
    assert one("in March") == ("month", "2022-03")  # the most recent March, last year
    assert one("in January") == ("month", "2023-01")  # the month of publication counts
    assert one("in late May") == ("month", "2022-05")


def test_nothing_resolves_after_publication() -> None:
    assert find_dates("2023-02-01", MON_9_JAN_2023) == []
    assert find_dates("in February 2023", MON_9_JAN_2023) == []


# -- weekdays and relative phrases -------------------------------------------------------


def test_weekday_is_the_last_such_day_on_or_before_publication() -> None:
    assert one("on Sunday") == ("day", "2023-01-08")
    assert one("Monday") == ("day", "2023-01-09")  # published on a Monday: that Monday
    assert one("on Tuesday evening") == ("day", "2023-01-03")
    assert one("last Thursday") == ("day", "2023-01-05")
    assert one("last Monday") == ("day", "2023-01-02")  # "last" never means today


def test_yesterday_today_and_days_ago() -> None:
    assert one("yesterday") == ("day", "2023-01-08")
    assert one("today") == ("day", "2023-01-09")
    assert one("two days ago") == ("day", "2023-01-07")


def test_month_phrases() -> None:
    assert one("last month") == ("month", "2022-12")
    assert one("late last month") == ("month", "2022-12")
    assert one("earlier this month") == ("month", "2023-01")


@pytest.mark.parametrize(
    ("phrase", "published", "expected"),
    [
        ("this week", date(2024, 11, 20), ("month", "2024-11")),  # Mon 18 - Wed 20 Nov
        ("earlier this week", date(2023, 12, 28), ("month", "2023-12")),
        ("this week", date(2024, 10, 2), ("vague", None)),  # Mon 30 Sep - Wed 2 Oct
        ("last week", date(2022, 5, 25), ("month", "2022-05")),  # 16-22 May
        ("last week", date(2024, 2, 8), ("vague", None)),  # 29 Jan - 4 Feb
        ("last weekend", date(2025, 5, 17), ("month", "2025-05")),  # a Saturday: 10-11 May
        ("over the weekend", date(2024, 6, 3), ("month", "2024-06")),  # Sat 1 - Sun 2 June
        ("over the weekend", date(2024, 9, 2), ("vague", None)),  # Sat 31 Aug - Sun 1 Sep
    ],
)
def test_week_phrases_give_a_month_only_when_the_week_is_in_one(
    phrase: str, published: date, expected: tuple[str, str | None]
) -> None:
    assert one(phrase, published) == expected


def test_vague_phrases_are_explicitly_unknown() -> None:
    for phrase in ("earlier this year", "in the summer", "in recent weeks", "previously", "last year"):
        assert one(phrase)[0] == "vague", phrase


def test_phrases_relative_to_an_earlier_mention() -> None:
    following = best(find_dates("the following day", MON_9_JAN_2023))
    assert following is not None and following.kind == "relative" and following.offset == 1
    assert apply_offset("2023-01-05", following.offset) == "2023-01-06"
    assert apply_offset("2023-01", 1) is None  # a month cannot be shifted by days
    for phrase in ("the same evening", "at that time", "within the hour", "told reporters afterwards", "that night"):
        assert one(phrase)[0] == "context", phrase


def test_fast_start_lookahead_never_loses_a_phrase() -> None:
    """The regex skips positions by their first letters; on real articles it finds what the plain one finds."""
    import re
    from pathlib import Path

    from stancegraph.graph.extract import dates

    plain = re.compile(r"\b(?:" + dates._PHRASES + ")", re.IGNORECASE)
    fixtures = Path(__file__).parent / "fixtures"
    texts = [f.read_text(encoding="utf-8") for d in ("devset", "devset2") for f in sorted((fixtures / d).glob("*.txt"))]
    texts.append("On the same day, a day later, at that time, within the hour, afterwards, two days ago, in 2022.")
    for text in texts:
        assert [m.span() for m in dates._DATE_RE.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_without_publication_date_only_absolute_dates_resolve() -> None:
    assert one("8 Nov 2022", None) == ("day", "2022-11-08")
    assert one("on Sunday", None) == ("vague", None)


# -- dates in context ---------------------------------------------------------------------


def _article(text: str, published: date) -> Article:
    return Article(id="t", text=text, source="t.txt", published=published)


def _claim(art: Article, who: str, frame: str, content: str, tense: str = "past", kind: str = "person") -> Claim:
    """A claim by ``who`` whose frame and content are the given (unique) substrings."""
    fs, cs = art.text.index(frame), art.text.index(content)
    sent = next(s for p in paragraphs(art) for s in p.sentences if s.start <= cs < s.end)
    actor = Actor(key=who.lower(), name=who, kind=kind, iri=f"urn:t:{who}")
    return Claim(actor, sent, [(cs, cs + len(content))], [(fs, fs + len(frame))], "subject-verb", tense=tense)


def _dates(art: Article, claims: list[Claim]) -> list[str | None]:
    assign_dates(art, claims)
    return [c.date for c in claims]


WIRE = (
    "Kremlin open to talks\n\n"
    "MOSCOW, Jan 9 (CWS) - Kremlin spokesman Dmitry Peskov said on Monday that Moscow was open to talks.\n\n"
    "Putin said late last month that Russia was ready to negotiate, after talks held in March 2022.\n\n"
    "Ukrainian Foreign Minister Dmytro Kuleba told a news conference that talks needed a withdrawal.\n\n"
    "Mykhailo Podolyak wrote on Twitter on Sunday that no one would cede territory.\n\n"
    "In his nightly address the same evening, Zelensky said the peace formula was the only basis.\n\n"
    "Turkish President Tayyip Erdogan, who spoke by telephone with Putin last Thursday, offered to host talks.\n\n"
    "Maksym, a driver who fled Mariupol in April, said talks were pointless.\n"
)


def test_attribution_date_wins_and_news_day_dates_the_reactions() -> None:
    art = _article(WIRE, MON_9_JAN_2023)
    claims = [
        _claim(art, "Peskov", "Kremlin spokesman Dmitry Peskov said on Monday that ", "Moscow was open to talks"),
        _claim(art, "Putin", "Putin said late last month that ", "Russia was ready to negotiate"),
        _claim(art, "Kuleba", "Dmytro Kuleba told a news conference that ", "talks needed a withdrawal"),
        _claim(art, "Podolyak", "Mykhailo Podolyak wrote on Twitter on Sunday that ", "no one would cede territory"),
        _claim(art, "Zelensky", "In his nightly address the same evening, Zelensky said ", "the peace formula was"),
        _claim(art, "Erdogan", "Erdogan, who spoke by telephone with Putin last Thursday, ", "offered to host talks"),
        _claim(art, "Maksym", "Maksym, a driver who fled Mariupol in April, said ", "talks were pointless"),
    ]
    assert _dates(art, claims) == [
        "2023-01-09",  # "on Monday", not the dateline
        "2022-12",  # second-hand, month only; the March 2022 inside the content is history
        "2023-01-09",  # undated reaction: the report's news day (a day, not a month)
        "2023-01-08",  # "on Sunday"
        "2023-01-08",  # "the same evening" as the previous dated occasion
        "2023-01-05",  # a relative clause telling of speaking dates the statement
        "2023-01-05",  # biography in a relative clause ("fled ... in April") is no date: the news day
    ]


def test_present_tense_standing_position_stays_undated() -> None:
    text = (
        "Wire\n\nLead sentence of the report that is long enough to be a lead paragraph here.\n\n"
        "The Kremlin says it will fight on until its aims are met.\n"
    )
    art = _article(text, MON_9_JAN_2023)
    c = _claim(art, "Kremlin", "The Kremlin says ", "it will fight on", tense="present", kind="organization")
    assert _dates(art, [c]) == [None]


def test_lead_is_same_day_news_and_dates_are_never_the_dateline_when_the_text_says_otherwise() -> None:
    text = "Title\n\nISTANBUL, March 30 - Ukraine's negotiators said on Tuesday they had offered neutrality.\n"
    art = _article(text, date(2022, 3, 30))
    c = _claim(art, "Ukraine", "Ukraine's negotiators said on Tuesday ", "they had offered neutrality")
    assert _dates(art, [c]) == ["2022-03-29"]
    text = "Title\n\nKYIV, March 3 (Reuters) - Zelensky says Ukraine will not cede land.\n"
    art = _article(text, date(2022, 3, 3))
    c = _claim(art, "Zelensky", "Zelensky says ", "Ukraine will not cede land", tense="present")
    assert _dates(art, [c]) == ["2022-03-03"]


def test_source_line_and_said_this_sentence_date_the_quote() -> None:
    text = (
        "Title\n\n14 June 2023, 12:30\n\n"
        "Zelensky has reiterated that there will be no talks while occupiers remain on Ukrainian land.\n\n"
        "Source: Zelensky during a meeting in Odesa on Tuesday; Peskov at a briefing on Wednesday.\n\n"
        "Quote from Li: \u201cWe are ready to help the parties find common ground.\u201d\n\n"
        "Li said this at a press conference in Beijing on Monday.\n"
    )
    art = _article(text, date(2023, 6, 14))
    z = _claim(art, "Zelensky", "Zelensky has reiterated that ", "there will be no talks")
    li = _claim(art, "Li", "Quote from Li: ", "We are ready to help", kind="person")
    assert _dates(art, [z, li]) == ["2023-06-13", "2023-06-12"]


def test_live_blog_entries_are_the_page_day_unless_the_scene_says_otherwise() -> None:
    text = (
        "Live: ceasefire talks\n\n"
        "09:12\nOur correspondent spent Tuesday at the station asking people about talks in the city.\n\n"
        "09:25\nOksana, a teacher, said that they must leave before any talks can begin at all.\n\n"
        "11:00\nKremlin spokesman Dmitry Peskov said on Wednesday that there were no prospects.\n\n"
        "13:31\nPutin says Russia supports the idea but has questions about the monitoring.\n"
    )
    art = _article(text, date(2023, 3, 15))
    claims = [
        _claim(art, "Oksana", "Oksana, a teacher, said that ", "they must leave"),
        _claim(art, "Peskov", "Kremlin spokesman Dmitry Peskov said on Wednesday that ", "there were no prospects"),
        _claim(art, "Putin", "Putin says ", "Russia supports the idea", tense="present"),
    ]
    assert _dates(art, claims) == ["2023-03-14", "2023-03-15", "2023-03-15"]


def test_interview_recorded_earlier_is_dated_by_the_recording_and_plans_are_not_dates() -> None:
    text = (
        "Title\n\nThe Pope urged talks, remarks that drew a rebuke from Kyiv and praise from Moscow today.\n\n"
        "In an interview recorded last month, excerpts of which were released on Saturday, the pontiff said "
        "that the stronger party negotiates.\n\n"
        "Zelensky postponed a trip originally scheduled for Wednesday, saying he would not go.\n"
    )
    art = _article(text, date(2024, 3, 11))
    pope = _claim(art, "Pope", "the pontiff said that ", "the stronger party negotiates")
    zel = _claim(art, "Zelensky", "Zelensky postponed a trip originally scheduled for Wednesday, saying ", "he would")
    assert _dates(art, [pope, zel])[0] == "2024-02"
    assert zel.date != "2024-03-06"  # "scheduled for Wednesday" is no date of saying


def test_interview_answers_take_the_interview_day_from_the_intro() -> None:
    text = (
        "An interview with Olena Kravets\n\n"
        "Olena Kravets is deputy chair of the foreign affairs committee. She spoke to us in Kyiv on Friday.\n\n"
        "Q: Is Kyiv ready to talk?\n\n"
        "A: We will negotiate on the basis of the formula and only on that basis.\n\n"
        "Q: And a ceasefire?\n\n"
        "A: A ceasefire on these lines is a reloading break.\n"
    )
    art = _article(text, date(2024, 2, 12))
    a1 = _claim(art, "Kravets", "A: ", "We will negotiate on the basis", tense="present")
    assert _dates(art, [a1]) == ["2024-02-09"]


def test_undated_vox_pops_before_the_first_dated_sentence_take_the_report_day() -> None:
    text = (
        "One year on\n\n"
        "Kyiv - On the first anniversary of the invasion, the queue outside the pharmacy moved slowly in the cold.\n\n"
        "Andriy, 29, a soldier on leave, said that talks could wait until the last soldier had left.\n\n"
        "Several of the dozen people we spoke to in Kyiv on Friday opposed any deal that would cede land.\n"
    )
    art = _article(text, date(2023, 2, 24))
    c = _claim(art, "Andriy", "Andriy, 29, a soldier on leave, said that ", "talks could wait")
    assert _dates(art, [c]) == ["2023-02-24"]


def test_the_lede_sets_the_news_day_even_inside_what_is_said() -> None:
    text = (
        "Talks end\n\n"
        "ISTANBUL, May 17 - The delegations agreed on Friday to swap prisoners, officials on both sides said.\n\n"
        "Medinsky told reporters afterwards that Moscow was satisfied with the outcome of the talks.\n"
    )
    art = _article(text, date(2025, 5, 17))
    c = _claim(art, "Medinsky", "Medinsky told reporters afterwards that ", "Moscow was satisfied")
    assert _dates(art, [c]) == ["2025-05-16"]


def test_a_vaguely_dated_occasion_stays_unknown_for_the_same_speaker() -> None:
    text = (
        "Title\n\nKremlin spokesman Dmitry Peskov said on Monday that Moscow was open to talks with Kyiv.\n\n"
        "Conditions presented by Putin in the summer included a withdrawal. Additionally, he demanded neutrality.\n\n"
        "0:00\n0:00\n"
    )
    art = _article(text, MON_9_JAN_2023)
    p = _claim(art, "Peskov", "Dmitry Peskov said on Monday that ", "Moscow was open to talks")
    first = _claim(art, "Putin", "Conditions presented by Putin in the summer", " included a withdrawal")
    then = _claim(art, "Putin", "Additionally, he demanded ", "neutrality")
    assert _dates(art, [p, first, then]) == ["2023-01-09", None, None]  # and a player's "0:00" is no live blog

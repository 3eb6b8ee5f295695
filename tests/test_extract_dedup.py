"""Near-duplicate detection on invented articles."""

from __future__ import annotations

from datetime import date

import pytest

from stancegraph.graph.articles import body_regions
from stancegraph.graph.dedup import decode_sketch, encode_sketch, find_near_duplicates, fingerprint, near_duplicates
from stancegraph.graph.records import Article

STORY = (
    "The foreign minister said on Monday that his government was ready to resume talks with its neighbour "
    'if the border crossings reopened. "We have always preferred dialogue to confrontation, and we will '
    'keep the door open," he told a news conference in the capital. Officials in the neighbouring country '
    "did not respond to a request for comment. The two sides last met in the spring, when a round of talks "
    "ended without agreement on the disputed crossings."
)
REWRITE = (
    "Talks could resume soon, the foreign minister suggested. Speaking on Monday, he said the government "
    'stood ready to return to negotiations provided the crossings reopen. "We have always preferred dialogue '
    'to confrontation, and we will keep the door open," he told reporters. The neighbour has not commented.'
)
OTHER = (
    "A different minister announced a new budget for the coming year on Tuesday, with more spending on "
    "roads and schools. Opposition lawmakers criticised the plan, saying it would raise the deficit. "
    '"This budget is a gamble with our children\'s future," one of them said in parliament.'
)


def art(i: str, text: str, day: int) -> Article:
    return Article(id=i, text=text, source=i, published=date(2024, 5, day), regions=body_regions(text))


def test_copy_and_rewrite_point_to_the_earliest() -> None:
    a, b, c = art("a", STORY, 1), art("b", STORY + " Extra tail line added by the outlet.", 2), art("c", REWRITE, 3)
    d = art("d", OTHER, 2)
    got = near_duplicates([c, d, b, a])
    assert got["b"] == "a"
    assert got["c"] == "a"
    assert "d" not in got and "a" not in got


def test_unrelated_articles_on_one_topic_do_not_match() -> None:
    x = art("x", STORY, 1)
    y = art("y", OTHER, 1)
    assert near_duplicates([x, y]) == {}


def test_sketches_round_trip_and_refuse_garbage() -> None:
    fp = fingerprint(art("a", STORY, 1))
    assert fp.shingles and fp.quotes
    assert decode_sketch(encode_sketch(fp.shingles)) == fp.shingles
    assert encode_sketch(fp.shingles) == encode_sketch(sorted(fp.shingles, reverse=True))
    for bad in ("not base64!", "AAA="):
        with pytest.raises(ValueError):
            decode_sketch(bad)


def test_known_originals_come_first_and_copies_point_at_originals() -> None:
    """A copy that arrives later joins the stored original even when it is dated earlier,
    and a further copy points at the original, not at the first copy."""
    stored = fingerprint(art("stored", STORY, 20))
    early_copy = fingerprint(art("early", STORY + " A line the outlet added.", 2))
    rewrite = fingerprint(art("rewrite", REWRITE, 3))
    other = fingerprint(art("other", OTHER, 1))
    got = find_near_duplicates([rewrite, other, early_copy], known=[stored])
    assert got == {"early": "stored", "rewrite": "stored"}
    assert find_near_duplicates([rewrite, early_copy]) == {"rewrite": "early"}

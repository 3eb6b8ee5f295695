"""Stage 1 (read): formats, encodings, metadata errors and page furniture."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from stancegraph.errors import ArticleError, MetadataError
from stancegraph.graph.articles import body_regions, decode, read_articles

BODY = (
    "Minister Ivan Example said on Monday that talks could resume only after a ceasefire.\n\n"
    "\u201cWe are ready to meet them halfway,\u201d he told reporters in the capital city.\n\n"
    "Analysts said the two sides remained far apart on almost every point of substance.\n"
)
FURNITURE = "Related posts\n\nCelebrity chef opens a new restaurant downtown\n\nLeave a Reply\n"


def test_txt_with_meta(tmp_path: Path) -> None:
    (tmp_path / "a1.txt").write_text(BODY, encoding="utf-8")
    meta = {"url": "https://example.org/a1", "title": "T", "publisher": "P", "published": "2024-03-05"}
    (tmp_path / "a1.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    [art] = read_articles([tmp_path])
    assert (art.id, art.title, art.publisher, art.published) == ("a1", "T", "P", date(2024, 3, 5))
    assert art.text == BODY  # never rewritten: offsets stay valid


@pytest.mark.parametrize("encoding", ["cp1251", "utf-16", "latin-1", "utf-8-sig"])
def test_any_encoding_is_decoded(tmp_path: Path, encoding: str) -> None:
    text = "Мирные переговоры \u2014 talks." if encoding in {"cp1251", "utf-16", "utf-8-sig"} else "Café talks."
    text = (text + " ") * 30
    (tmp_path / "x.txt").write_bytes(text.encode(encoding))
    [art] = read_articles([tmp_path / "x.txt"])
    assert art.text == text


def test_furniture_is_not_in_the_body() -> None:
    text = "Headline\n\n" + BODY + "\n" + FURNITURE
    regions = body_regions(text)
    body = " ".join(text[s:e] for s, e in regions)
    assert "ready to meet them halfway" in body
    assert "Celebrity chef" not in body
    assert "Leave a Reply" not in body
    for s, e in regions:
        assert text[s:e].strip() == text[s:e]


def test_seed_furniture_is_dropped(seeds_dir: Path) -> None:
    arts = {a.id: a for a in read_articles([seeds_dir])}
    assert len(arts) == 5
    for art in arts.values():
        body = art.body
        assert "Related posts" not in body and "Related Articles" not in body
        assert "Leave a Reply" not in body and "Click to comment" not in body


def test_jsonl_collection(tmp_path: Path) -> None:
    rows = [
        {"id": "j1", "url": None, "title": "One", "publisher": "X", "published": "2023-01-02", "text": BODY},
        {"id": "j2", "title": "Two", "published": "2023-01-03T10:00:00Z", "text": BODY},
    ]
    (tmp_path / "c.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    arts = list(read_articles([tmp_path / "c.jsonl"]))
    assert [a.id for a in arts] == ["j1", "j2"]
    assert arts[1].published == date(2023, 1, 3)


def test_html_article_drops_scripts_and_furniture(tmp_path: Path) -> None:
    html = """<html><head><title>Fallback</title>
    <meta property="og:title" content="Talks stall">
    <meta property="article:published_time" content="2024-06-01T08:00:00Z">
    <meta property="og:site_name" content="Example News"><script>var x = "ready to negotiate";</script></head>
    <body><nav>Home | World</nav><article><h1>Talks stall</h1>
    <p>The minister said on Friday that his country was <b>ready</b> to negotiate.</p>
    <div class="related-posts"><p>Unrelated story about football</p></div>
    <p>&ldquo;We want peace,&rdquo; she said.</p></article><footer>Copyright</footer></body></html>"""
    (tmp_path / "p.html").write_text(html, encoding="utf-8")
    [art] = read_articles([tmp_path / "p.html"])
    assert art.title == "Talks stall" and art.publisher == "Example News"
    assert art.published == date(2024, 6, 1)
    assert "ready to negotiate" in art.text and "\u201cWe want peace,\u201d she said." in art.text
    assert "football" not in art.text and "var x" not in art.text and "Home | World" not in art.text


@pytest.mark.parametrize(
    ("meta", "message"),
    [
        ("{not json", "not valid JSON"),
        ('{"published": "5 Nov 2024"}', "not an ISO date"),
        ('{"title": 5}', "'title' must be a string"),
        ("[1, 2]", "JSON object"),
    ],
)
def test_bad_metadata_is_a_clear_error(tmp_path: Path, meta: str, message: str) -> None:
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(meta, encoding="utf-8")
    with pytest.raises(MetadataError, match=message):
        list(read_articles([tmp_path / "a.txt"]))


def test_missing_and_unknown_files(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="no such file"):
        list(read_articles([tmp_path / "nope.txt"]))
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    with pytest.raises(ArticleError, match="unknown article type"):
        list(read_articles([tmp_path / "x.pdf"]))
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    with pytest.raises(ArticleError, match="no text"):
        list(read_articles([tmp_path / "empty.txt"]))


def test_decode_rejects_binary() -> None:
    with pytest.raises(ArticleError):
        decode(bytes(range(256)) * 4 + b"\x00\xff\xfe\x00", "bin")


def test_folder_walk_skips_jsonl_that_is_not_articles(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "gold.jsonl").write_text('{"article": "a", "speaker": "X"}\n', encoding="utf-8")
    assert [a.id for a in read_articles([tmp_path])] == ["a"]
    with pytest.raises(MetadataError, match="'text' must be a string"):
        list(read_articles([tmp_path / "gold.jsonl"]))  # named explicitly: read, and the error told

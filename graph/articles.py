"""Stage 1, read: files → :class:`~stancegraph.graph.records.Article`.

Inputs: ``.txt`` (with an optional ``<stem>.meta.json``), ``.html``/``.htm``, and
``.jsonl`` collections of ``{id, url, title, publisher, published, text}``; folders are
walked for those. Bytes are decoded strictly as UTF-8 first (with or without BOM), then
UTF-16 by BOM, then by charset detection, so Windows-1251 or Latin-1 articles come out
right instead of as mojibake.

The text is never rewritten, so evidence offsets stay valid against the source; page
furniture is excluded by computing the body ``regions`` (:func:`body_regions`).
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from stancegraph.errors import ArticleError, MetadataError
from stancegraph.graph.records import Article

log = logging.getLogger("stancegraph.articles")
TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
MAX_ARTICLE_BYTES = 20_000_000
_COMMON_ENCODINGS = ("cp1252", "cp1251", "iso8859_1", "koi8_r", "cp1250", "iso8859_2", "iso8859_15", "cp1254")

# A line that starts the page's tail: everything after it is furniture.
_TAIL_MARKERS = re.compile(
    r"^\s*(related (posts|articles|stories|news|content)|more (stories|from|on this)|read more|"
    r"most (popular|read|viewed)|recommended( for you)?|you may also like|trending( now)?|"
    r"leave a (reply|comment)|click to comment|comments?|\d+ comments?|newsletter|"
    r"sign up for|subscribe( now| to)?|share this( article)?|tags?:|to top|back to top|"
    r"journalists fight on their own frontline|support (us|ukrainska pravda|our journalism))\b",
    re.IGNORECASE,
)
# A line that is furniture wherever it stands.
_FURNITURE_LINE = re.compile(
    r"^\s*(advertisement|skip to (main )?content|menu|search|home|world news|support us|share|"
    r"close|×|\d{1,2}:\d{2}|0:00|my blog|your email address will not be published.*|"
    r".*required fields are marked.*|journalists fight on their own frontline.*|photo:.*|image:.*|"
    r"getty images|.*contributed reporting.*)\s*$",
    re.IGNORECASE,
)


def decode(data: bytes, name: str = "<bytes>") -> str:
    """Decode article bytes: UTF-8 (BOM or not), UTF-16 by BOM, else detected charset."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ArticleError(f"{name}: not valid UTF-16 ({exc.reason})") from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise ArticleError(f"{name}: cannot determine the text encoding (binary file?)")
    # Detection is ambiguous on short texts (cp1251 vs mac_cyrillic decode the same bytes);
    # news pages are overwhelmingly in the web's common encodings, so prefer those when
    # they read (almost) as cleanly as the best guess.
    best = matches[0]
    for match in matches:
        if match.encoding in _COMMON_ENCODINGS and match.chaos <= best.chaos + 0.05:
            return str(match)
    return str(best)


def body_regions(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of body text: paragraphs that are not page furniture.

    Why spans and not a cleaned string: offsets into the original text are the evidence
    that a reader checks; cutting furniture out would shift them.
    """
    lines: list[tuple[int, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        lines.append((pos, pos + len(line.rstrip("\r\n"))))
        pos += len(line)
    # the tail starts at the first short marker line ("Related posts", "Leave a Reply") that
    # stands after some prose and past the first 30% of the page
    cut = len(lines)
    prose_before = 0
    for i, (s, e) in enumerate(lines):
        line = text[s:e]
        if _TAIL_MARKERS.match(line) and len(line) < 80 and prose_before >= 2 and s > len(text) * 0.3:
            cut = i
            break
        prose_before += _is_prose(line)
    seen: set[str] = set()
    regions: list[tuple[int, int]] = []
    for s, e in lines[:cut]:
        line = text[s:e]
        stripped = line.strip()
        if not stripped or _FURNITURE_LINE.match(stripped):
            continue
        key = stripped.lower()
        if key in seen:  # repeated headline or caption
            continue
        seen.add(key)
        lead = len(line) - len(line.lstrip())
        trail = len(line) - len(line.rstrip())
        regions.append((s + lead, e - trail))
    return tuple(regions)


def _is_prose(line: str) -> bool:
    # the stripped line ends in sentence punctuation (no whitespace is left for ``\s*$`` to skip)
    return line.strip().endswith((".", "!", "?", '"', "”", "’")) and len(line.split()) > 5


def parse_date(value: Any, where: str) -> date | None:
    """A ``published`` value: ``YYYY-MM-DD`` or an ISO 8601 date-time; None stays None."""
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise MetadataError(f"{where}: 'published' must be a string like 2024-11-05, not {value!r}")
    raw = value.strip()
    try:
        if len(raw) == 10:
            return date.fromisoformat(raw)
        return datetime.fromisoformat(raw.replace("Z", "+00:00")).date()
    except ValueError as exc:
        raise MetadataError(f"{where}: 'published' is not an ISO date: {value!r}") from exc


def _str_field(meta: dict[str, Any], key: str, where: str) -> str | None:
    value = meta.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise MetadataError(f"{where}: '{key}' must be a string, not {type(value).__name__}")
    return value.strip() or None


def article_from_fields(
    fields: dict[str, Any], *, text: str, article_id: str, source: str, where: str, fmt: str
) -> Article:
    """Build an Article from metadata fields (shared by .meta.json, JSONL and HTML)."""
    if not text.strip():
        raise ArticleError(f"{where}: the article has no text")
    return Article(
        id=article_id,
        text=text,
        source=source,
        title=_str_field(fields, "title", where),
        url=_str_field(fields, "url", where),
        publisher=_str_field(fields, "publisher", where),
        published=parse_date(fields.get("published"), where),
        regions=body_regions(text),
        format=fmt,
    )


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise ArticleError(f"{path}: {size} bytes is larger than the {MAX_ARTICLE_BYTES}-byte limit")
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise ArticleError(f"{path}: no such file") from exc
    except IsADirectoryError as exc:
        raise ArticleError(f"{path}: is a directory") from exc
    except PermissionError as exc:
        raise ArticleError(f"{path}: permission denied") from exc
    except OSError as exc:
        raise ArticleError(f"{path}: cannot be read ({exc.strerror})") from exc


def _read_meta(path: Path) -> dict[str, Any]:
    meta_path = path.with_name(path.stem + ".meta.json")
    if not meta_path.exists():
        return {}
    try:
        meta = json.loads(decode(_read_bytes(meta_path), str(meta_path)))
    except json.JSONDecodeError as exc:
        raise MetadataError(f"{meta_path}: not valid JSON ({exc.msg} at line {exc.lineno})") from exc
    if not isinstance(meta, dict):
        raise MetadataError(f"{meta_path}: must hold a JSON object")
    return meta


def read_text_article(path: Path) -> Article:
    """A ``.txt`` article and its optional ``<stem>.meta.json``."""
    text = decode(_read_bytes(path), str(path))
    return article_from_fields(
        _read_meta(path), text=text, article_id=path.stem, source=str(path), where=str(path), fmt="txt"
    )


def read_html_article(path: Path) -> Article:
    """An HTML page: body text without furniture, metadata from its meta tags."""
    from stancegraph.graph.html import html_to_article_fields

    html = decode(_read_bytes(path), str(path))
    fields, text = html_to_article_fields(html)
    fields.update({k: v for k, v in _read_meta(path).items() if v is not None})
    return article_from_fields(fields, text=text, article_id=path.stem, source=str(path), where=str(path), fmt="html")


def read_jsonl(path: Path) -> Iterator[Article]:
    """A JSON Lines collection; each line ``{id, url, title, publisher, published, text}``."""
    text = decode(_read_bytes(path), str(path))
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise MetadataError(f"{where}: not valid JSON ({exc.msg})") from exc
        if not isinstance(rec, dict):
            raise MetadataError(f"{where}: each line must be a JSON object")
        body = rec.get("text")
        if not isinstance(body, str):
            raise MetadataError(f"{where}: 'text' must be a string")
        art_id = rec.get("id")
        if art_id is None or not str(art_id).strip():
            raise MetadataError(f"{where}: 'id' is missing")
        art_id = str(art_id).strip()
        yield article_from_fields(rec, text=body, article_id=art_id, source=art_id, where=where, fmt="jsonl")


def _looks_like_collection(path: Path) -> bool:
    """Whether a .jsonl met while walking a folder holds articles (its first record has 'text').

    Folders of articles often keep other JSON Lines beside them (gold annotations, logs);
    named explicitly, a .jsonl is always read as articles and errors are reported.
    """
    try:
        with path.open("rb") as fh:
            for raw in fh:
                if raw.strip():
                    first = json.loads(decode(raw, str(path)))
                    return isinstance(first, dict) and "text" in first
    except (OSError, ValueError, ArticleError):
        return True  # let the real reader report the problem
    return False


def read_path(path: Path) -> Iterator[Article]:
    """Every article in one path (a file of a known kind, or a folder walked for them)."""
    if not path.exists():
        raise ArticleError(f"{path}: no such file or directory")
    if path.is_dir():
        files = sorted(
            p
            for p in path.rglob("*")
            if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.endswith(".meta.json")
        )
        for f in files:
            if f.suffix.lower() in JSONL_SUFFIXES and not _looks_like_collection(f):
                log.warning("%s: skipped (not a JSONL collection of articles: no 'text' field)", f)
                continue
            yield from read_path(f)
        return
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        yield read_text_article(path)
    elif suffix in HTML_SUFFIXES:
        yield read_html_article(path)
    elif suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path)
    else:
        raise ArticleError(f"{path}: unknown article type {suffix!r} (expected .txt, .html or .jsonl)")


def read_articles(paths: Iterable[Path | str]) -> Iterator[Article]:
    """Stage function: paths → articles, in a stable order."""
    for p in paths:
        yield from read_path(Path(p))

"""HTML pages → article text and metadata, without the page's furniture.

The page is untrusted: nothing is fetched or executed, scripts and styles are dropped,
and only text nodes of the main content are kept. The main content is the ``<article>``
element (or ``<main>``, or the body) minus navigation, headers, footers, asides, forms
and blocks whose class or id says they are comments, sharing, newsletters or related
links. Metadata comes from Open Graph / ``article:`` meta tags, ``<time>`` and the
canonical link.
"""

from __future__ import annotations

import re
from typing import Any

from selectolax.lexbor import LexborHTMLParser as HTMLParser
from selectolax.lexbor import LexborNode as Node

_DROP_TAGS = [
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "iframe",
    "button",
    "figure",
    "figcaption",
    "select",
    "input",
]
_FURNITURE_ATTR = re.compile(
    r"(^|[\s_-])(related|comment|comments|share|sharing|social|newsletter|subscribe|promo|advert|ads?|"
    r"sidebar|menu|nav|breadcrumb|footer|header|cookie|popup|modal|recommend|trending|most-read|tags)"
    r"($|[\s_-])",
    re.IGNORECASE,
)
_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "div", "section", "td", "pre"}


def _meta(tree: HTMLParser, *names: str) -> str | None:
    for name in names:
        for attr in ("property", "name", "itemprop"):
            node = tree.css_first(f'meta[{attr}="{name}"]')
            if node is not None:
                content = node.attributes.get("content")
                if content and content.strip():
                    return content.strip()
    return None


def _text_blocks(node: Node) -> list[str]:
    """Paragraph texts in document order; nested blocks are not repeated."""
    out: list[str] = []
    for child in node.iter(include_text=True):
        if child.tag == "-text":
            text = child.text(deep=False)
            if text.strip():
                if out and not out[-1].endswith("\n"):
                    out[-1] += text
                else:
                    out.append(text)
            continue
        if child.tag in _BLOCKS or child.tag == "br":
            if out and not out[-1].endswith("\n"):
                out[-1] += "\n"
            out.extend(_text_blocks(child))
            if out and not out[-1].endswith("\n"):
                out[-1] += "\n"
        else:
            inner = _text_blocks(child)
            if inner and out and not out[-1].endswith("\n"):
                out[-1] += inner[0]
                out.extend(inner[1:])
            else:
                out.extend(inner)
    return out


def html_to_article_fields(html: str) -> tuple[dict[str, Any], str]:
    """(metadata fields, body text) of one HTML page."""
    tree = HTMLParser(html)
    fields: dict[str, Any] = {
        "title": _meta(tree, "og:title", "twitter:title", "headline"),
        "publisher": _meta(tree, "og:site_name", "publisher"),
        "published": _meta(tree, "article:published_time", "datePublished", "date", "pubdate"),
        "url": _meta(tree, "og:url"),
    }
    if fields["title"] is None and (t := tree.css_first("title")) is not None:
        fields["title"] = t.text().strip() or None
    if fields["url"] is None and (link := tree.css_first('link[rel="canonical"]')) is not None:
        fields["url"] = link.attributes.get("href")
    if fields["published"] is None and (tm := tree.css_first("time[datetime]")) is not None:
        fields["published"] = tm.attributes.get("datetime")
    if isinstance(fields["published"], str) and not re.match(r"^\d{4}-\d{2}-\d{2}", fields["published"]):
        fields["published"] = None  # not ISO: better unknown than wrong

    root = tree.css_first("article") or tree.css_first("main") or tree.body or tree.root
    if root is None:
        return fields, ""
    headline = tree.css_first("h1")
    for tag in _DROP_TAGS:
        for node in root.css(tag):
            node.decompose()
    for node in root.css("[class], [id]"):
        attrs = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"
        if _FURNITURE_ATTR.search(attrs) and node.tag not in {"article", "main", "body", "html"}:
            node.decompose()
    blocks = [re.sub(r"[ \t\r\f\v]+", " ", b).strip() for b in _text_blocks(root)]
    paragraphs = [b for b in blocks if b]
    head = headline.text().strip() if headline is not None else ""
    if head and (not paragraphs or paragraphs[0] != head):
        paragraphs.insert(0, head)
    return fields, "\n\n".join(paragraphs)

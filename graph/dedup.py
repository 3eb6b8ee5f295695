"""Near-duplicate articles: syndicated copies and rewrites of one report.

Why: the same wire story reaches the corpus through many outlets, verbatim or loosely
rewritten, and often on different days; the graph records ``sg:nearDuplicateOf`` so that
counts of "how often was X reported" do not multiply one report. Two signals, both over
the body text (page furniture excluded):

- word 3-gram *containment* (shared shingles over the smaller article's shingles), which
  stays high when one version is a shortened or padded copy of the other;
- *quote overlap*: the share of the smaller article's quoted words that occur in the other
  article's quotations (rewrites keep the quotes and rephrase the prose).

Thresholds are set so that different reports on the same topic (which share names and
stock phrases, but neither prose nor quotes) do not match.

An article is reduced once to a :class:`Fingerprint`: the CRC-32 hashes of its 3-grams,
keeping those divisible by :data:`SAMPLE` (modulo sampling: the kept shares of two texts
estimate their containment without bias, Broder 1997), and the hashes of its quoted words.
Fingerprints are small and stable across processes, so the store keeps one per article
(``sg:shingleSketch``, ``sg:quoteSketch``) and a copy ingested weeks after its original
is still recognised. Candidates come from an inverted index over the sampled shingles, so
a corpus is compared in near-linear time, not pair by pair. Pure and deterministic.
"""

from __future__ import annotations

import base64
import re
import unicodedata
import zlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from stancegraph.graph.records import Article

_WORD = re.compile(r"[a-z0-9]+")
_QUOTE = re.compile(r"[“\"‘«]([^”\"’»]{20,}?)[”\"’»]")
SHINGLE_THRESHOLD = 0.2
QUOTE_THRESHOLD = 0.45
COMBINED_THRESHOLD = 0.1
SAMPLE = 4
"""One 3-gram in about SAMPLE is kept: ~175 hashes for a 700-word article."""
_STOP_POSTINGS = 200
"""A sampled 3-gram in more articles than this is boilerplate ("the Kremlin said on") and
finds no candidates; true copies share dozens of rarer ones."""


@dataclass(frozen=True)
class Fingerprint:
    """What near-duplicate detection needs of an article, and all it keeps."""

    id: str
    published: date | None
    shingles: frozenset[int]
    quotes: frozenset[int]


def _words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return _WORD.findall(text)


def _hash(text: str) -> int:
    return zlib.crc32(text.encode("utf-8"))


def fingerprint(article: Article) -> Fingerprint:
    """The article's sampled 3-gram hashes and quoted-word hashes."""
    words = _words(article.body)
    grams = (_hash(" ".join(words[i : i + 3])) for i in range(len(words) - 2))
    shingles = frozenset(h for h in grams if h % SAMPLE == 0)
    quoted: set[int] = set()
    for m in _QUOTE.finditer(article.body):
        quoted.update(_hash(w) for w in _words(m.group(1)) if len(w) > 3)
    return Fingerprint(article.id, article.published, shingles, frozenset(quoted))


def encode_sketch(hashes: Iterable[int]) -> str:
    """Hashes as base64 of big-endian 32-bit words, sorted (a stable literal)."""
    return base64.b64encode(b"".join(h.to_bytes(4, "big") for h in sorted(hashes))).decode("ascii")


def decode_sketch(text: str) -> frozenset[int]:
    """Inverse of :func:`encode_sketch`; raises ValueError on a malformed literal."""
    raw = base64.b64decode(text.encode("ascii"), validate=True)
    if len(raw) % 4:
        raise ValueError("sketch length is not a multiple of 4 bytes")
    return frozenset(int.from_bytes(raw[i : i + 4], "big") for i in range(0, len(raw), 4))


def _containment(a: frozenset[int], b: frozenset[int]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def similarity(a: Article | Fingerprint, b: Article | Fingerprint) -> tuple[float, float]:
    """(shingle containment, quote-word overlap) of two articles' bodies."""
    fa = a if isinstance(a, Fingerprint) else fingerprint(a)
    fb = b if isinstance(b, Fingerprint) else fingerprint(b)
    return _containment(fa.shingles, fb.shingles), _containment(fa.quotes, fb.quotes)


def is_near_duplicate(a: Article | Fingerprint, b: Article | Fingerprint) -> bool:
    shingle, quote = similarity(a, b)
    return shingle >= SHINGLE_THRESHOLD or (quote >= QUOTE_THRESHOLD and shingle >= COMBINED_THRESHOLD)


def _order(fp: Fingerprint) -> tuple[date, str]:
    return (fp.published or date.max, fp.id)


def find_near_duplicates(fresh: Sequence[Fingerprint], known: Sequence[Fingerprint] = ()) -> dict[str, str]:
    """Map each article id to the id of the earliest article it nearly duplicates.

    ``known`` are originals already in the graph (stored copies are left out): they come
    first, so a new copy points at the stored original even when the copy carries an
    earlier date, and stored links never change.
    Among ``fresh`` articles "earlier" is by publication date (undated last), then by id,
    so the result does not depend on the input order. A copy points at an original, never
    at another copy.
    """
    order = [*sorted(known, key=_order), *sorted(fresh, key=_order)]
    postings: dict[int, list[int]] = defaultdict(list)
    out: dict[str, str] = {}
    originals: set[int] = set()
    for i, fp in enumerate(order):
        match = None
        if i >= len(known):
            hits: set[int] = set()
            for h in fp.shingles:
                posting = postings[h]
                if len(posting) <= _STOP_POSTINGS:
                    hits.update(posting)
            match = next((j for j in sorted(hits) if j in originals and is_near_duplicate(fp, order[j])), None)
        if match is None:
            originals.add(i)
        else:
            out[fp.id] = order[match].id
        for h in fp.shingles:
            postings[h].append(i)
    return out


def near_duplicates(articles: Sequence[Article]) -> dict[str, str]:
    """:func:`find_near_duplicates` over articles in memory."""
    return find_near_duplicates([fingerprint(a) for a in articles])

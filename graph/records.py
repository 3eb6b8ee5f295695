"""The data that flows between the pipeline's stages: articles and statement records.

An :class:`Article` keeps its decoded text *unchanged*: evidence offsets always index
into it, so ``article.text[start:end] == evidence.text`` holds for every record, and a
reader can check any fact against the file it came from. Page furniture (navigation,
"related posts", comment prompts) is not cut out; it is excluded by ``regions``, the
spans of body text that extraction may read.

A :class:`Statement` is the exchange record of ../shared/spec/vocabulary.md;
:meth:`Statement.to_record` prints it exactly per ``statement.schema.json``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

STANCES: tuple[str, ...] = ("ready", "conditional", "refuses", "urges", "accuses", "mediates")
CONDITIONS: tuple[str, ...] = (
    "russian-withdrawal",
    "borders-1991",
    "ukrainian-withdrawal",
    "territorial-recognition",
    "neutrality",
    "counterpart-leadership",
    "accountability",
    "reparations",
    "istanbul-basis",
    "battlefield-realities",
    "international-law",
    "ceasefire",
    "security-guarantees",
    "sanctions-relief",
    "demilitarization",
    "peace-formula-basis",
    "victory",
    "root-causes",
    "talks-format",
    "talks-ban-lifted",
)
ACTOR_KINDS: tuple[str, ...] = ("person", "organization", "state", "group", "anonymous")


@dataclass(frozen=True)
class Article:
    """One news article, decoded, with its metadata and the spans of its body text."""

    id: str
    text: str
    source: str = ""
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: date | None = None
    regions: tuple[tuple[int, int], ...] = ()
    format: str = "txt"

    @property
    def body_regions(self) -> tuple[tuple[int, int], ...]:
        """The spans extraction reads: ``regions``, or the whole text when none were found."""
        return self.regions or ((0, len(self.text)),)

    @property
    def content_hash(self) -> str:
        """SHA-256 of the text and metadata: re-ingesting an unchanged article is a no-op."""
        h = hashlib.sha256()
        for part in (self.text, self.title or "", self.url or "", self.publisher or "", str(self.published)):
            h.update(part.encode("utf-8"))
            h.update(b"\x00")
        return h.hexdigest()

    @property
    def body(self) -> str:
        """The body text alone (furniture dropped), joined by blank lines; for display and dedup."""
        return "\n\n".join(self.text[s:e] for s, e in self.body_regions)


@dataclass(frozen=True)
class Speaker:
    """Who made a statement; ``iri`` is filled in by actor resolution."""

    name: str
    kind: str = "person"
    wikidata: str | None = None
    affiliation: str | None = None
    iri: str | None = None
    role: str | None = None
    description: str | None = None
    aliases: tuple[str, ...] = ()

    def to_record(self) -> dict[str, Any]:
        rec: dict[str, Any] = {
            "name": self.name,
            "wikidata": self.wikidata,
            "kind": self.kind,
            "affiliation": self.affiliation,
        }
        if self.iri:
            rec["iri"] = self.iri
        return rec


@dataclass(frozen=True)
class Evidence:
    """The text a statement rests on: ``text == article.text[start:end]``."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Statement:
    """One speaker's position on negotiations on one occasion (vocabulary.md, "The unit")."""

    source: str
    speaker: Speaker
    stance: str
    evidence: Evidence
    date: str | None = None
    conditions: tuple[str, ...] = ()
    offers: tuple[str, ...] = ()
    target: str | None = None
    confidence: float = 0.5
    method: str = "rules"
    article_id: str = ""
    iri: str | None = None
    extra_evidence: tuple[Evidence, ...] = field(default=())

    def to_record(self) -> dict[str, Any]:
        """The JSON object printed by ``stancegraph extract`` (statement.schema.json)."""
        rec: dict[str, Any] = {
            "source": self.source,
            "speaker": self.speaker.to_record(),
            "date": self.date,
            "stance": self.stance,
            "conditions": list(self.conditions),
            "target": self.target,
            "evidence": {"text": self.evidence.text, "start": self.evidence.start, "end": self.evidence.end},
            "offers": list(self.offers),
            "confidence": round(float(self.confidence), 3),
        }
        if self.iri:
            rec["iri"] = self.iri
        return rec

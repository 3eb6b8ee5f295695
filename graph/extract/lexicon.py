"""The stance and condition cue lexicon, read from the SKOS concept schemes.

Why from Turtle: the wordings that signal a stance or a condition are domain knowledge
that users extend ("add this phrase to ``conditional``") by editing
``ontology/stances.ttl`` / ``ontology/conditions.ttl``, not Python. The files are parsed
once per process with rdflib and compiled into one regular expression per concept, so
matching an article costs a handful of regex scans and no RDF work.

Label syntax (documented in the Turtle headers as well):

- ``skos:prefLabel`` / ``skos:altLabel`` / ``skos:hiddenLabel``: literal phrases, matched
  case-insensitively as whole words; a space matches any run of whitespace.
- ``sg:weakPattern``: a regular expression that signals the concept only in a clause about
  negotiations (one the scheme's ``sg:topicPattern`` matches): recall for paraphrases.
- ``sg:contextPattern``: a bare answer ("Not now.", "With whom?") that signals the concept
  only where the question or the sentence before sets the topic (``topic_context``); the
  scheme's ``sg:antecedentPattern`` names what a later "it" may stand for (the plan, the decree).
- ``sg:pattern`` (and ``sg:marker`` on ``conditional``): regular expressions, whole words,
  case-insensitive; a literal space outside ``[...]`` matches any whitespace, ``<gap>``
  is up to 60 characters inside one clause and ``<w>`` up to three words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from re import _parser  # type: ignore[attr-defined]
from typing import Any

from stancegraph.graph.extract import folding
from stancegraph.graph.extract.anchor_scan import AnchorScan, Hits
from stancegraph.graph.extract.lexicon_regex import (
    LETTERS,
    anchors,
    compile_parts,
    first_chars,
    label_to_regex,
    literal_gate,
    ordered,
    pattern_to_regex,
    whole_words,
)

SG = "https://w3id.org/stancegraph/ontology#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
STANCE_NS = "https://w3id.org/stancegraph/id/stance/"
CONDITION_NS = "https://w3id.org/stancegraph/id/condition/"


@dataclass(frozen=True)
class Concept:
    """One SKOS concept compiled for matching.

    ``anchors``: literal strings (lower case) one of which occurs in any text the regex
    matches -- a substring test rules most clauses out before the regex runs.
    """

    code: str
    regex: re.Pattern[str] | None
    negated_as: str | None = None
    anchors: tuple[str, ...] | None = None
    parts: tuple[tuple[tuple[str, ...] | None, re.Pattern[str]], ...] = ()  # the alternatives of ``regex``

    gates: tuple[re.Pattern[str] | None, ...] = ()  # per part: its anchors as one literal alternation
    gate: re.Pattern[str] | None = None  # the concept's anchors as one literal alternation
    twins: tuple[re.Pattern[str] | None, ...] = ()  # per part: its case-sensitive twin (folding)

    def search(self, text: str, low: str, present: Hits | None = None) -> re.Match[str] | None:
        """The match ``regex.search(text)`` would give, trying only the alternatives whose
        anchors occur in ``low`` (``text.lower()``): leftmost, then first alternative.
        ``present``: the anchors occurring in ``low`` (:meth:`Lexicon.present`), if known."""
        if self.regex is None:
            return None
        best: re.Match[str] | None = None
        if present is not None:
            tried = present.parts.get(id(self))
            if not tried:  # no alternative worth trying (the usual case): no set operation needed
                return None
            if self.anchors is not None and present.anchors.isdisjoint(self.anchors):
                return None
            parts = self.parts
            twins = self.twins if folding.lowers(text, low) else ()
            for i in tried:
                twin = twins[i] if twins else None
                if twin is None:
                    m = parts[i][1].search(text)
                else:  # the same match, found case-sensitively in ``low`` (folding)
                    m = twin.search(low)
                    m = None if m is None else parts[i][1].match(text, m.start())
                if m is not None and (best is None or m.start() < best.start()):
                    best = m
            return best
        if self.gate is not None and self.gate.search(low) is None:
            return None
        gates = self.gates or (None,) * len(self.parts)
        for gate, (_anchors, rx) in zip(gates, self.parts, strict=True):
            if gate is not None and gate.search(low) is None:
                continue
            m = rx.search(text)
            if m is not None and (best is None or m.start() < best.start()):
                best = m
        return best


@dataclass(frozen=True)
class Lexicon:
    """All cues: stance concepts, the conditional markers, and condition concepts."""

    stances: dict[str, Concept]
    markers: re.Pattern[str] | None
    conditions: dict[str, Concept]
    offers: re.Pattern[str] | None = None  # sg:offerMarker: a concession offered in return
    weak: dict[str, Concept] | None = None  # sg:weakPattern: a cue only inside a clause about negotiations
    topic: re.Pattern[str] | None = None  # sg:topicPattern: what makes a clause one about negotiations
    context: dict[str, Concept] | None = None  # sg:contextPattern: a cue only where the context sets the topic
    antecedents: re.Pattern[str] | None = None  # sg:antecedentPattern: what a later "it" may stand for
    context_topic: re.Pattern[str] | None = None  # sg:contextTopicPattern: besides the antecedents
    frames: tuple[tuple[str, str, re.Pattern[str]], ...] = ()  # (concept, sg:frameName, sg:frameCue alternation)
    parties: re.Pattern[str] | None = None  # sg:partiesPattern: both sides together
    appeal_modal: re.Pattern[str] | None = None  # sg:appealModal: "Kyiv should talk"
    frame_scan: dict[str, re.Pattern[str]] | None = None  # first letter -> the cues (f<i> / modal) it can start
    frame_twins: dict[str, re.Pattern[str] | None] | None = None  # their case-sensitive twins (folding)
    scan: AnchorScan | None = None  # every anchor of stances, weak cues and conditions

    def present(self, low: str) -> Hits | None:
        """The anchors of the lexicon's concepts that occur in ``low`` (None: no scan built)."""
        return self.scan.present(low) if self.scan is not None else None

    def frame_cues(self, text: str, stop: int | None = None) -> list[re.Match[str]]:
        """The frame cues in ``text``, left to right, not overlapping: at each word start only the
        cues that can begin with its letter are tried (a first-letter index over the alternation).

        ``stop``: no cue starting after it is wanted; the scan ends there (the cues before it
        are the same, as the scan runs left to right)."""
        out: list[re.Match[str]] = []
        index = self.frame_scan
        if not index:
            return out
        pos = 0
        low = text.lower()
        ok = folding.lowers(text, low)
        twins = self.frame_twins or {}
        for w in _WORD_START.finditer(text, 0, len(text) if stop is None else min(len(text), stop + 1)):
            if w.start() < pos:
                continue
            letter = w.group().lower()
            rx = index.get(letter)
            if rx is None:
                continue
            twin = twins.get(letter) if ok else None
            if twin is None:
                m = rx.match(text, w.start())
            else:  # the same match, found case-sensitively in ``low`` (folding)
                m = rx.match(text, w.start()) if twin.match(low, w.start()) is not None else None
            if m is not None:
                out.append(m)
                pos = m.end()
        return out

    def frame_name(self, group: str) -> str:
        """The frame name of a group of :attr:`frame_scan` ("modal" for the appeal modal)."""
        return "modal" if group == "modal" else self.frames[int(group[1:])][1]


def _concept(code: str, parts: list[str], negated_as: str | None) -> Concept:
    regex = compile_parts(parts)
    if regex is None:
        return Concept(code, None, negated_as)
    split = tuple((anchors(p), re.compile(whole_words(p), re.IGNORECASE)) for p in ordered(parts))
    whole = anchors(regex.pattern)
    gates = tuple(literal_gate(a) for a, _ in split)
    twins = tuple(folding.folded(rx) for _, rx in split)
    return Concept(code, regex, negated_as, whole, split, gates, literal_gate(whole), twins)


def _load_graph(name: str):  # type: ignore[no-untyped-def]
    from rdflib import Graph

    g = Graph()
    data = resources.files("stancegraph.ontology").joinpath(name).read_text(encoding="utf-8")
    g.parse(data=data, format="turtle")
    return g


@dataclass
class _Frames:
    """The compositional frame data of a scheme (sg:frameCue, sg:frameName, sg:partiesPattern, sg:appealModal)."""

    cues: list[tuple[str, str, re.Pattern[str]]]
    raw: list[list[str]]  # per cue concept: its patterns as regexes, unwrapped
    parties: list[str]
    modal: list[str]


def _frames(g: Any, namespace: str) -> _Frames:
    from rdflib import URIRef

    cue_p, name_p = URIRef(SG + "frameCue"), URIRef(SG + "frameName")
    out: list[tuple[str, str, re.Pattern[str]]] = []
    raw: list[list[str]] = []
    for subject in sorted(set(g.subjects(cue_p, None))):
        code = str(subject)[len(namespace) :]
        name = next((str(o) for o in g.objects(subject, name_p)), code)
        parts = [pattern_to_regex(str(o)) for o in g.objects(subject, cue_p)]
        rx = compile_parts(parts)
        if rx is not None:
            out.append((code, name, rx))
            raw.append(ordered(parts))
    parties = [pattern_to_regex(str(o)) for o in g.objects(None, URIRef(SG + "partiesPattern"))]
    modal = [pattern_to_regex(str(o)) for o in g.objects(None, URIRef(SG + "appealModal"))]
    return _Frames(out, raw, parties, modal)


#: concept-level pattern properties that count only in some clauses: property -> Lexicon field
_GRADED = {"weakPattern": "weak", "contextPattern": "context"}
#: scheme-level pattern properties: property -> Lexicon field
_SCHEME = {"topicPattern": "topic", "antecedentPattern": "antecedents", "contextTopicPattern": "context_topic"}


def _concepts(
    name: str, namespace: str
) -> tuple[dict[str, Concept], list[str], list[str], dict[str, dict[str, Concept]], dict[str, list[str]], _Frames]:
    from rdflib import URIRef

    g = _load_graph(name)
    skos = {p: URIRef(SKOS + p) for p in ("prefLabel", "altLabel", "hiddenLabel", "notation", "Concept")}
    pattern, marker, negated = URIRef(SG + "pattern"), URIRef(SG + "marker"), URIRef(SG + "negatedAs")
    offer = URIRef(SG + "offerMarker")
    rdf_type = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    concepts: dict[str, Concept] = {}
    markers: list[str] = []
    offers: list[str] = []
    graded: dict[str, dict[str, Concept]] = {field: {} for field in _GRADED.values()}
    scheme = {
        field: [pattern_to_regex(str(o)) for o in g.objects(None, URIRef(SG + p))] for p, field in _SCHEME.items()
    }
    for subject in sorted(g.subjects(rdf_type, skos["Concept"])):
        iri = str(subject)
        if not iri.startswith(namespace):
            continue
        code = iri[len(namespace) :]
        parts = [
            label_to_regex(str(o))
            for p in ("prefLabel", "altLabel", "hiddenLabel")
            for o in g.objects(subject, skos[p])
        ]
        parts += [pattern_to_regex(str(o)) for o in g.objects(subject, pattern)]
        marks = [pattern_to_regex(str(o)) for o in g.objects(subject, marker)]
        offers += [pattern_to_regex(str(o)) for o in g.objects(subject, offer)]
        if code == "conditional":
            # the labels of `conditional` mark a demand; on their own they are no stance
            markers.extend(parts + marks)
            parts = []
        neg = next((str(o)[len(namespace) :] for o in g.objects(subject, negated)), None)
        concepts[code] = _concept(code, parts, neg)
        for prop, field in _GRADED.items():
            graded_parts = [pattern_to_regex(str(o)) for o in g.objects(subject, URIRef(SG + prop))]
            if graded_parts:
                graded[field][code] = _concept(code, graded_parts, neg)
    return concepts, markers, offers, graded, scheme, _frames(g, namespace)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The compiled lexicon (parsed once per process)."""
    stances, markers, offers, graded, scheme, frames = _concepts("stances.ttl", STANCE_NS)
    weak, context = graded["weak"], graded["context"]
    conditions, _, _, _, _, _ = _concepts("conditions.ttl", CONDITION_NS)
    return Lexicon(
        stances=stances,
        markers=compile_parts(markers),
        conditions=conditions,
        offers=compile_parts(offers),
        weak=weak,
        context=context,
        topic=compile_parts(scheme["topic"]),
        antecedents=compile_parts(scheme["antecedents"]),
        context_topic=compile_parts(scheme["context_topic"]),
        frames=tuple(frames.cues),
        parties=compile_parts(frames.parties),
        appeal_modal=compile_parts(frames.modal),
        frame_scan=(scan := _scan(frames)),
        frame_twins={k: folding.folded(rx) for k, rx in (scan or {}).items()},
        scan=AnchorScan(
            [
                (id(c), [p for p, _ in c.parts])
                for c in (*stances.values(), *weak.values(), *context.values(), *conditions.values())
            ],
            (
                a
                for c in (*stances.values(), *weak.values(), *context.values(), *conditions.values())
                for a in c.anchors or ()
            ),
        ),
    )


_WORD_START = re.compile(r"(?<![\w-])[^\W\d_]")


def _scan(frames: _Frames) -> dict[str, re.Pattern[str]] | None:
    """Per first letter, one alternation of the frame cues that can start with it (frame order kept)."""
    groups = [(f"f{i}", alts) for i, alts in enumerate(frames.raw)]
    if frames.modal:
        groups.append(("modal", ordered(frames.modal)))
    index: dict[str, re.Pattern[str]] = {}
    # each cue's first letters, parsed once (not once per letter: process start-up time)
    firsts = {alt: first_chars(_parser.parse(alt, re.IGNORECASE)) for _name, alts in groups for alt in alts}
    for letter in LETTERS:
        parts = []
        for name, alts in groups:
            keep = []
            for alt in alts:
                first = firsts[alt]
                if first is None or letter in first:
                    keep.append(alt)
            if keep:
                parts.append(f"(?P<{name}>{'|'.join(keep)})")
        if parts:
            index[letter] = re.compile("(?:" + "|".join(parts) + r")(?![\w-])", re.IGNORECASE)
    return index or None

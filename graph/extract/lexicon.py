"""The stance and condition cue lexicon, read from the SKOS concept schemes.

Why from Turtle: the wordings that signal a stance or a condition are domain knowledge
that users extend ("add this phrase to ``conditional``") by editing
``ontology/stances.ttl`` / ``ontology/conditions.ttl``, not Python. The files are parsed
once per process with rdflib and compiled into one regular expression per concept, so
matching an article costs a handful of regex scans and no RDF work.

Label syntax (documented in the Turtle headers as well):

- ``skos:prefLabel`` / ``skos:altLabel`` / ``skos:hiddenLabel``: literal phrases, matched
  case-insensitively as whole words; a space matches any run of whitespace.
- ``sg:pattern`` (and ``sg:marker`` on ``conditional``): regular expressions, whole words,
  case-insensitive; a literal space outside ``[...]`` matches any whitespace, ``<gap>``
  is up to 60 characters inside one clause and ``<w>`` up to three words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

SG = "https://w3id.org/stancegraph/ontology#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
STANCE_NS = "https://w3id.org/stancegraph/id/stance/"
CONDITION_NS = "https://w3id.org/stancegraph/id/condition/"

_GAP = r"[^.;!?]{0,60}?"
_WORDS = r"(?:\s+[\w’'-]+){0,3}?"


@dataclass(frozen=True)
class Concept:
    """One SKOS concept compiled for matching."""

    code: str
    regex: re.Pattern[str] | None
    negated_as: str | None = None


@dataclass(frozen=True)
class Lexicon:
    """All cues: stance concepts, the conditional markers, and condition concepts."""

    stances: dict[str, Concept]
    markers: re.Pattern[str] | None
    conditions: dict[str, Concept]
    offers: re.Pattern[str] | None = None  # sg:offerMarker: a concession offered in return
    any_stance: re.Pattern[str] | None = None  # union of all stance cues: one scan rules a clause out
    any_condition: re.Pattern[str] | None = None


def pattern_to_regex(pattern: str) -> str:
    """Translate the Turtle-friendly pattern syntax into a Python regex.

    Spaces outside character classes become ``\\s+``; ``<gap>`` and ``<w>`` expand.
    Written without backslashes so patterns need no escaping in Turtle strings.
    """
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if pattern.startswith("<gap>", i):
            out.append(_GAP)
            i += 5
            continue
        if pattern.startswith("<w>", i):
            out.append(_WORDS)
            i += 3
            continue
        if ch == "\\" and i + 1 < len(pattern):
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if ch == "[" and not in_class:
            in_class = True
        elif ch == "]" and in_class:
            in_class = False
        if ch == " " and not in_class:
            while i + 1 < len(pattern) and pattern[i + 1] == " ":
                i += 1
            out.append(r"\s+")
        elif ch == " ":
            out.append(r"\s")
        else:
            out.append(ch)
        i += 1
    return "".join(out)


def label_to_regex(label: str) -> str:
    """A literal phrase: escaped, whitespace-flexible, apostrophes either way."""
    words = [re.sub(r"\\?['’]", "['’]", re.escape(w)) for w in label.split()]
    return r"\s+".join(words)


def _compile(parts: list[str]) -> re.Pattern[str] | None:
    if not parts:
        return None
    # longest first, so a longer wording wins over its prefix at the same position
    parts = sorted(set(parts), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", re.IGNORECASE)


def _load_graph(name: str):  # type: ignore[no-untyped-def]
    from rdflib import Graph

    g = Graph()
    data = resources.files("stancegraph.ontology").joinpath(name).read_text(encoding="utf-8")
    g.parse(data=data, format="turtle")
    return g


def _union(concepts: dict[str, Concept]) -> re.Pattern[str] | None:
    parts = [c.regex.pattern for c in concepts.values() if c.regex is not None]
    return re.compile("|".join(f"(?:{p})" for p in parts), re.IGNORECASE) if parts else None


def _concepts(name: str, namespace: str) -> tuple[dict[str, Concept], list[str], list[str]]:
    from rdflib import URIRef

    g = _load_graph(name)
    skos = {p: URIRef(SKOS + p) for p in ("prefLabel", "altLabel", "hiddenLabel", "notation", "Concept")}
    pattern, marker, negated = URIRef(SG + "pattern"), URIRef(SG + "marker"), URIRef(SG + "negatedAs")
    offer = URIRef(SG + "offerMarker")
    rdf_type = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    concepts: dict[str, Concept] = {}
    markers: list[str] = []
    offers: list[str] = []
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
        concepts[code] = Concept(code, _compile(parts), neg)
    return concepts, markers, offers


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The compiled lexicon (parsed once per process)."""
    stances, markers, offers = _concepts("stances.ttl", STANCE_NS)
    conditions, _, _ = _concepts("conditions.ttl", CONDITION_NS)
    return Lexicon(
        stances=stances,
        markers=_compile(markers),
        conditions=conditions,
        offers=_compile(offers),
        any_stance=_union(stances),
        any_condition=_union(conditions),
    )

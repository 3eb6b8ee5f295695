"""The curated gazetteer as the extractor reads it: entries, role periods and a name index.

Why its own module: finding names in running text (token keys, longest match first) and
resolving descriptions through role periods is one concern; interpreting a noun phrase as
an actor (graph/extract/actors.py) builds on it. The records come from
:func:`stancegraph.graph.actors.load_gazetteer`, the one reader of data/actors.json.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from stancegraph.graph import actors as curated
from stancegraph.graph.extract.memo import cached
from stancegraph.graph.namespaces import actor_iri

_NOT_WORD = re.compile(r"[^\w' -]+")
_TOKEN = re.compile(r"[^\W_][\w’'.\-]*[^\W_]|[^\W_]")


@dataclass(frozen=True)
class Actor:
    """A resolved speaker (gazetteer entry or minted)."""

    key: str
    name: str
    kind: str
    iri: str
    wikidata: str | None = None
    affiliation: str | None = None  # display name of the side, e.g. "Russia"
    side: str | None = None  # gazetteer id of the side, e.g. "russia"
    role: str | None = None
    description: str | None = None
    curated: bool = False


@dataclass(frozen=True)
class Entry:
    id: str
    name: str
    kind: str
    wikidata: str | None
    affiliation: str | None
    roles: tuple[tuple[str, date | None, date | None], ...]
    descriptions: tuple[str, ...]
    first_name: str | None


# memo key: anything the step reads must be in the key (guard: tests/test_extract_memo_guard.py)
@cached(maxsize=65536)
def fold(text: str) -> str:
    """Lower case, diacritics and apostrophes folded, "the"/"a"/"an" dropped.

    Cached (as :func:`token_key`): a pure function of ``text``, asked for the same noun phrases
    over and over (every "Putin said" looks its descriptions up)."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower().replace("’", "'")
    text = _NOT_WORD.sub(" ", text)
    return " ".join(w for w in text.split() if w not in ("the", "a", "an"))


# memo key: anything the step reads must be in the key (guard: tests/test_extract_memo_guard.py)
@cached(maxsize=65536)
def token_key(tok: str) -> str:
    """Lookup key of a token: possessive and dots dropped, case kept (names are capitalised)."""
    tok = tok.replace("’", "'")
    if tok.endswith("'s") or tok.endswith("s'"):
        tok = tok[:-2] if tok.endswith("'s") else tok[:-1]
    tok = tok.replace(".", "")
    tok = unicodedata.normalize("NFKD", tok)
    return "".join(c for c in tok if not unicodedata.combining(c))


class Gazetteer:
    """The curated actors (read by :func:`stancegraph.graph.actors.load_gazetteer`, the one
    reader of data/actors.json) with an index from name tokens to entries."""

    def __init__(self, actors: Iterable[curated.Actor]) -> None:
        self.entries: dict[str, Entry] = {}
        self.index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self.descriptions: dict[str, list[str]] = {}  # folded description -> ids
        self._found: dict[str, tuple[tuple[int, int, str], ...]] = {}  # text -> find(text) (the index is fixed)
        for row in actors:
            roles = tuple((r.role, r.start, r.end) for r in row.roles)
            first = row.name.split()[0] if row.kind == "person" and " " in row.name else None
            entry = Entry(
                row.id, row.name, row.kind, row.wikidata, row.affiliation, roles, row.descriptions, first
            )  # fmt: skip
            self.entries[entry.id] = entry
            for alias in dict.fromkeys((row.name, *row.aliases)):
                words = alias.split()
                if words and words[0].lower() == "the":
                    words = words[1:]
                keys = tuple(token_key(w) for w in words)
                if keys:
                    self.index.setdefault(keys[0], []).append((keys, entry.id))
            for desc in entry.descriptions:
                self.descriptions.setdefault(fold(desc), []).append(entry.id)
        for cands in self.index.values():
            cands.sort(key=lambda c: -len(c[0]))
        self.max_desc_words = max((len(d.split()) for d in self.descriptions), default=0)

    def find(self, text: str, offset: int = 0) -> Iterator[tuple[int, int, str]]:
        """Gazetteer names in ``text``: (start, end, entry id), longest match first, left to right."""
        found = self._found.get(text)
        if found is None:
            found = self._find(text)
            if len(self._found) >= 8192:
                self._found.clear()
            self._found[text] = found
        for s, e, eid in found:
            yield s + offset, e + offset, eid

    def _find(self, text: str) -> tuple[tuple[int, int, str], ...]:
        keys = list(map(token_key, _TOKEN.findall(text)))
        index = self.index
        starts = [i for i, k in enumerate(keys) if k in index]
        if not starts:
            return ()
        spans: list[re.Match[str]] | None = None
        out: list[tuple[int, int, str]] = []
        n_toks = len(keys)
        nxt = 0
        for i in starts:
            if i < nxt:
                continue
            for cand, eid in index[keys[i]]:
                n = len(cand)
                if i + n <= n_toks and all(keys[i + k] == cand[k] for k in range(n)):
                    if spans is None:
                        spans = list(_TOKEN.finditer(text))
                    out.append((spans[i].start(), spans[i + n - 1].end(), eid))
                    nxt = i + n
                    break
        return tuple(out)

    def active(self, eid: str, when: date | None) -> bool:
        """Whether the entry holds one of its roles at ``when`` (no roles, or no date: yes)."""
        roles = self.entries[eid].roles
        if not roles or when is None:
            return True
        return any((f is None or f <= when) and (t is None or when < t) for _, f, t in roles)

    def role_at(self, eid: str, when: date | None) -> str | None:
        for role, f, t in self.entries[eid].roles:
            if when is None or ((f is None or f <= when) and (t is None or when < t)):
                return role
        return None

    def by_description(self, np: str, when: date | None) -> list[str]:
        """Entries whose description occurs in the noun phrase (the longest description wins)."""
        words = fold(np).split()
        for n in range(min(self.max_desc_words, len(words)), 0, -1):
            found: list[str] = []
            for i in range(len(words) - n + 1):
                for eid in self.descriptions.get(" ".join(words[i : i + n]), ()):
                    if eid not in found and self.active(eid, when):
                        found.append(eid)
            if found:
                return found
        return []

    def actor(self, eid: str, when: date | None = None, description: str | None = None) -> Actor:
        e = self.entries[eid]
        side = e.affiliation or (eid if e.kind == "state" else None)
        aff = self.entries[side].name if side and side in self.entries else None
        return Actor(
            key=eid, name=e.name, kind=e.kind, iri=actor_iri(eid), wikidata=e.wikidata,
            affiliation=aff, side=side, role=self.role_at(eid, when), description=description, curated=True,
        )  # fmt: skip


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, loaded once per process."""
    return Gazetteer(curated.load_gazetteer())

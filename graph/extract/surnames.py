"""A bare surname names the person the article introduced with it.

"Kwatra said" after "foreign secretary Vinay Kwatra" is that person, with the side the
full mention gave him; "Wang said" after "spokesman Wang Wenbin" is Wang Wenbin even when
the gazetteer also lists another Wang whose alias is the bare surname.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from stancegraph.graph.extract.actors import Actor, ActorContext


def _last(name: str) -> str:
    return name.split()[-1].casefold() if name.split() else ""


def _ends(name: str) -> tuple[str, str]:
    """A full name's first and last word: either can be the family name ("Wang Wenbin", "Vinay Kwatra")."""
    words = name.casefold().split()
    return (words[0], words[-1])


def minted_full_name(surname: str, ctx: ActorContext) -> Actor | None:
    """The person minted earlier in the article under a full name that ends in ``surname``."""
    if len(surname.split()) != 1:
        return None
    key = surname.casefold()
    hits = [a for a in ctx.minted.values() if a.kind == "person" and len(a.name.split()) >= 2 and _last(a.name) == key]
    return hits[-1] if hits else None


def gazetteer_namesake(matched: str, eid: str, ctx: ActorContext) -> str | None:
    """Another gazetteer person named before ``eid`` whose family name is the bare ``matched`` word."""
    from stancegraph.graph.extract.actors import gazetteer

    if len(matched.split()) != 1:
        return None
    g = gazetteer()
    own = g.entries[eid]
    key = matched.casefold()
    if own.kind != "person" or own.name.casefold() == key:
        return None
    first = ctx.mentioned.get(eid)
    others = [
        (pos, other)
        for other, pos in ctx.mentioned.items()
        if other != eid
        and g.entries[other].kind == "person"
        and len(g.entries[other].name.split()) >= 2
        and key in _ends(g.entries[other].name)
        and (first is None or pos < first)
    ]
    return min(others)[1] if others else None

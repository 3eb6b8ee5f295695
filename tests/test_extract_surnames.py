"""A bare surname resolves to the person the article introduced under the full name."""

from __future__ import annotations

from datetime import date

from stancegraph.graph.extract.actors import ActorContext, interpret


def test_bare_surname_takes_the_minted_full_name_and_its_side() -> None:
    ctx = ActorContext(when=date(2024, 1, 1))
    full = interpret("Indian foreign secretary Arun Kapadia", ctx)
    assert full is not None and full.name == "Arun Kapadia"
    again = interpret("Kapadia", ctx)
    assert again == full


def test_bare_surname_without_a_full_mention_is_minted_alone() -> None:
    ctx = ActorContext(when=date(2024, 1, 1))
    got = interpret("Kapadia", ctx)
    assert got is not None and got.name == "Kapadia"


def test_family_name_first_prefers_the_namesake_named_before() -> None:
    ctx = ActorContext(when=date(2023, 2, 24))
    ctx.mentioned = {"wang-wenbin": 100, "wang-yi": 400}
    got = interpret("Wang", ctx)
    assert got is not None and got.name == "Wang Wenbin"


def test_bare_alias_keeps_its_entry_when_no_namesake_came_first() -> None:
    ctx = ActorContext(when=date(2023, 2, 24))
    ctx.mentioned = {"wang-yi": 50, "wang-wenbin": 400}
    got = interpret("Wang", ctx)
    assert got is not None and got.name == "Wang Yi"

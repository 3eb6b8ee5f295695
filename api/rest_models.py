"""Response models of the REST API: the JSON shapes, documented in OpenAPI with examples.

Why pydantic models rather than bare dicts: /docs shows researchers every field with its
meaning and an example, and the app can never leak a query variable by accident.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

PUTIN = "https://w3id.org/stancegraph/id/actor/vladimir-putin"


class ActorRef(BaseModel):
    """A pointer to an actor: enough to label it and follow it."""

    id: str | None = Field(None, description="Local id, usable in /actors/{id}.", examples=["vladimir-putin"])
    iri: str = Field(description="The actor's IRI (dereferenceable).", examples=[PUTIN])
    name: str | None = Field(None, description="Display name.", examples=["Vladimir Putin"])


class Actor(BaseModel):
    """A speaker or target: a person, organisation, state, group or anonymous source."""

    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "id": "vladimir-putin",
                "iri": PUTIN,
                "name": "Vladimir Putin",
                "kind": "person",
                "side": {"id": "russia", "iri": "https://w3id.org/stancegraph/id/actor/russia", "name": "Russia"},
                "wikidata": "Q7747",
                "statements": 13,
                "targeted": 0,
                "first_date": "2022-10-31",
                "last_date": "2024-11-05",
                "url": "/actors/vladimir-putin",
                "html": "/doc/actor/vladimir-putin.html",
            }
        }
    )

    id: str = Field(description="Local id (the last segment of the IRI).")
    iri: str = Field(description="The actor's IRI.")
    name: str | None = Field(None, description="Display name (curated label first).")
    kind: str | None = Field(None, description="person, organization, state, group, anonymous or actor.")
    side: ActorRef | None = Field(None, description="Affiliation: the side the actor speaks for.")
    wikidata: str | None = Field(None, description="Wikidata item id, when certain.", examples=["Q7747"])
    description: str | None = Field(None, description="How articles describe the actor.")
    statements: int = Field(0, description="Statements the actor made.")
    targeted: int = Field(0, description="Statements aimed at the actor.")
    first_date: str | None = Field(None, description="Date of the actor's earliest dated statement.")
    last_date: str | None = Field(None, description="Date of the actor's latest dated statement.")
    url: str = Field(description="This resource in the REST API.")
    html: str = Field(description="The actor's HTML page.")


class Count(BaseModel):
    """A code with a count."""

    code: str = Field(examples=["ready"])
    count: int = Field(examples=[3])


class ActorDetail(Actor):
    """One actor with a summary of what it said."""

    stances: list[Count] = Field(default_factory=list, description="Statements per stance.")
    conditions: list[Count] = Field(default_factory=list, description="Statements per condition named.")
    statements_url: str = Field(description="The actor's statements (paginated).")
    timeline_url: str = Field(description="The actor's stances per month.")


class Statement(BaseModel):
    """One speaker's position on negotiations on one occasion."""

    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "id": "962f32208584c607",
                "iri": "https://w3id.org/stancegraph/id/statement/962f32208584c607",
                "label": "Vladimir Putin: ready (2022-12-25)",
                "date": "2022-12-25",
                "stance": "ready",
                "speaker": {"id": "vladimir-putin", "iri": PUTIN, "name": "Vladimir Putin"},
                "side": {"id": "russia", "iri": "https://w3id.org/stancegraph/id/actor/russia", "name": None},
                "conditions": [],
                "target": {"id": "ukraine", "iri": "https://w3id.org/stancegraph/id/actor/ukraine", "name": "Ukraine"},
                "articles": 2,
                "html": "/doc/statement/962f32208584c607.html",
            }
        }
    )

    id: str = Field(description="Local id (the last segment of the IRI).")
    iri: str = Field(description="The statement's IRI (its evidence is in its description).")
    label: str | None = Field(None, description="Readable label.")
    date: str | None = Field(None, description="When it was said: YYYY-MM-DD, YYYY-MM, or null when unknown.")
    stance: str = Field(description="Stance code.", examples=["conditional"])
    speaker: ActorRef
    side: ActorRef | None = Field(None, description="The speaker's affiliation.")
    conditions: list[str] = Field(default_factory=list, description="Condition codes named.")
    target: ActorRef | None = Field(None, description="Whom the stance is about or addressed to.")
    articles: int = Field(description="How many articles report it.")
    html: str = Field(description="The statement's HTML page (evidence quotes).")


class StatementPage(BaseModel):
    """One page of statements, ordered by (date, IRI); undated statements come last."""

    items: list[Statement]
    limit: int = Field(description="Page size used.")
    next_cursor: str | None = Field(None, description="Cursor of the next page, or null on the last page.")
    next: str | None = Field(None, description="URL of the next page (also in the Link header), or null.")


class Condition(BaseModel):
    """A condition code of the controlled vocabulary, with usage counts."""

    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "code": "borders-1991",
                "iri": "https://w3id.org/stancegraph/id/condition/borders-1991",
                "label": "1991 borders",
                "definition": "restoration of Ukraine's 1991 / internationally recognised borders",
                "statements": 2,
                "speakers": 2,
                "offered": 0,
                "html": "/doc/condition/borders-1991.html",
            }
        }
    )

    code: str
    iri: str
    label: str | None = None
    definition: str | None = None
    statements: int = Field(0, description="Statements that name it.")
    speakers: int = Field(0, description="Distinct speakers who named it.")
    offered: int = Field(0, description="Statements that offer it as a concession.")
    html: str


class TimelinePoint(BaseModel):
    """Statements of one actor with one stance in one month."""

    month: str = Field(examples=["2022-12"])
    stance: str = Field(examples=["ready"])
    statements: int = Field(examples=[2])


class Timeline(BaseModel):
    """An actor's stances per month (dated statements only)."""

    actor: ActorRef
    points: list[TimelinePoint]

"""What the detector reads and what it reports.

Field names and values follow ../shared/eval/GUIDELINES.md §4, so a detected event serialises straight into
the evaluation contract; the extra fields (location, event_date, confidence, offsets) are what an alert adds.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field


class Article(BaseModel):
    """One text to read. `title` and `published` are context only: events come from `text`."""

    model_config = ConfigDict(frozen=True)

    id: str
    text: str
    title: str | None = None
    published: dt.date | None = None


class Location(BaseModel):
    """A place resolved against the offline gazetteer."""

    model_config = ConfigDict(frozen=True)

    name: str = Field(description="The gazetteer's name for the place (e.g. 'Tadmur' for 'Palmyra').")
    geonameid: int | None = Field(default=None, description="GeoNames id, the gazetteer id.")
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-2.")
    latitude: float | None = None
    longitude: float | None = None
    feature: Literal["city", "admin1", "country", "region"] = "city"
    population: int | None = None


class _EventBase(BaseModel):
    model_config = ConfigDict(frozen=True)

    country: str | None = Field(description="ISO 3166-1 alpha-2 of the place, or null when unknown.")
    location: Location | None = Field(default=None, description="Gazetteer match for the place, if any.")
    background: bool = Field(description="True when the text gives the event only as earlier context.")
    evidence: str = Field(description="The sentence of the text that states the event.")
    evidence_start: int = Field(ge=0, description="Character offset of the evidence in the article text.")
    evidence_end: int = Field(ge=0)
    event_date: dt.date | None = Field(default=None, description="When it happened, if the text allows.")
    confidence: float = Field(ge=0.0, le=1.0)


class TerritorialControlEvent(_EventBase):
    """A place changed hands (or partly did)."""

    type: Literal["territorial_control"] = "territorial_control"
    place: str = Field(description="The place as written in the text.")
    gaining_actor: str | None = None
    losing_actor: str | None = None
    extent: Literal["full", "partial"] = "full"
    claim: Literal["confirmed", "claimed"] = "confirmed"


class DeploymentEvent(_EventBase):
    """Forces sent to, stationed at or withdrawn from a place."""

    type: Literal["deployment"] = "deployment"
    actor: str | None = None
    destination: str | None = Field(description="Where the forces go (or leave, for a withdrawal).")
    size: int | None = Field(default=None, ge=0, description="Number of personnel or units, if given.")
    force: str | None = None
    direction: Literal["deploy", "withdraw"] = "deploy"
    status: Literal["executed", "announced"] = "executed"


Event = Annotated[TerritorialControlEvent | DeploymentEvent, Field(discriminator="type")]
EVENT_TYPES: tuple[str, ...] = ("territorial_control", "deployment")

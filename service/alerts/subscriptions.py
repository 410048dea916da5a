"""Subscriptions: who wants which alerts on which topic, and the filter that decides it.

A subscription names an output topic and filters; an alert goes to every subscription whose filters all
hold (an empty filter holds for everything). They come from a YAML file and from the compacted
`subscriptions` topic (key = id, value = the subscription as JSON, a tombstone removes it), folded into a
`SubscriptionRegistry` that every worker keeps whole.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from service.alerts.actors import canonical_actor

EARTH_RADIUS_KM = 6371.0088


class BoundingBox(BaseModel):
    """Degrees; `west > east` crosses the antimeridian."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    west: float = Field(ge=-180, le=180)
    south: float = Field(ge=-90, le=90)
    east: float = Field(ge=-180, le=180)
    north: float = Field(ge=-90, le=90)

    @model_validator(mode="after")
    def _check(self) -> BoundingBox:
        if self.south > self.north:
            raise ValueError("south must not exceed north")
        return self

    def contains(self, latitude: float, longitude: float) -> bool:
        if not self.south <= latitude <= self.north:
            return False
        if self.west <= self.east:
            return self.west <= longitude <= self.east
        return longitude >= self.west or longitude <= self.east


class Near(BaseModel):
    """A point and a radius in kilometres (great-circle distance)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    latitude: float = Field(ge=-90, le=90)
    longitude: float = Field(ge=-180, le=180)
    radius_km: float = Field(gt=0)

    def contains(self, latitude: float, longitude: float) -> bool:
        return haversine_km(self.latitude, self.longitude, latitude, longitude) <= self.radius_km


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlmb = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


class Subscription(BaseModel):
    """One subscriber: an id, the topic its alerts go to, and filters that must all hold."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[A-Za-z0-9._\-]{1,200}$")
    topic: str = Field(pattern=r"^[A-Za-z0-9._\-]{1,249}$", description="Kafka topic the alerts go to.")
    description: str | None = None
    event_types: tuple[Literal["territorial_control", "deployment"], ...] = Field(
        default=(), description="Empty: both types."
    )
    countries: tuple[str, ...] = Field(default=(), description="ISO 3166-1 alpha-2 codes; empty: anywhere.")
    bbox: BoundingBox | None = None
    near: Near | None = None
    actors: tuple[str, ...] = Field(
        default=(),
        description="Actor names; an alert matches when one of its actors is one of them (aliases too).",
    )
    min_confidence: float = Field(default=0.0, ge=0.0, le=1.0, description="Of the corroborated event.")
    min_sources: int = Field(default=1, ge=1, description="Reports counted for the event so far.")
    updates: bool = Field(default=True, description="False: only the first alert of each event.")

    @field_validator("countries")
    @classmethod
    def _upper(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        codes = tuple(c.strip().upper() for c in value)
        bad = [c for c in codes if len(c) != 2 or not c.isalpha()]
        if bad:
            raise ValueError(f"countries must be ISO 3166-1 alpha-2 codes, got {bad}")
        return codes

    def matches(self, view: AlertView) -> bool:
        if not self.updates and view.status != "new":
            return False
        if self.event_types and view.type not in self.event_types:
            return False
        if self.countries and (view.country or "").upper() not in self.countries:
            return False
        if self.bbox is not None or self.near is not None:
            if view.latitude is None or view.longitude is None:
                return False
            if self.bbox is not None and not self.bbox.contains(view.latitude, view.longitude):
                return False
            if self.near is not None and not self.near.contains(view.latitude, view.longitude):
                return False
        if self.actors and not _actors_match(self.actors, view.actors, view.country):
            return False
        return view.confidence >= self.min_confidence and view.source_count >= self.min_sources


def _actors_match(wanted: Iterable[str], names: Iterable[str], country: str | None) -> bool:
    sides = {canonical_actor(n, country) for n in names} - {None}
    return any(canonical_actor(w, country) in sides for w in wanted)


@dataclass(frozen=True)
class AlertView:
    """What filters look at: the alert plus what the event learned from earlier reports (all actor names)."""

    type: str
    status: str
    country: str | None
    latitude: float | None
    longitude: float | None
    actors: tuple[str, ...]
    confidence: float
    source_count: int


class SubscriptionRegistry:
    """The live set of subscriptions, folded from the YAML seed and the subscriptions topic."""

    def __init__(self, subscriptions: Iterable[Subscription] = ()) -> None:
        self._by_id: dict[str, Subscription] = {s.id: s for s in subscriptions}
        self.updated_at: dt.datetime | None = None

    def __len__(self) -> int:
        return len(self._by_id)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(sorted(self._by_id.values(), key=lambda s: s.id))

    def get(self, subscription_id: str) -> Subscription | None:
        return self._by_id.get(subscription_id)

    def apply(self, key: bytes | None, value: bytes | None) -> Subscription | None:
        """Apply one record of the subscriptions topic: a value adds or replaces, a tombstone removes.

        Returns the subscription added (None for a removal). A record that is not a valid subscription
        raises ValueError and changes nothing.
        """
        if key is None:
            raise ValueError("subscription records need the subscription id as key")
        subscription_id = key.decode("utf-8")
        if value is None:
            self._by_id.pop(subscription_id, None)
            return None
        subscription = Subscription.model_validate_json(value)
        if subscription.id != subscription_id:
            raise ValueError(f"record key {subscription_id!r} differs from its id {subscription.id!r}")
        self._by_id[subscription_id] = subscription
        return subscription

    def matching(self, view: AlertView) -> list[Subscription]:
        return [s for s in self if s.matches(view)]

    def topics(self) -> set[str]:
        return {s.topic for s in self._by_id.values()}


def subscription_record(subscription: Subscription) -> tuple[bytes, bytes]:
    """Key and value of a subscription on the subscriptions topic."""
    value = subscription.model_dump(mode="json", exclude_defaults=True)
    return subscription.id.encode(), json.dumps(value, sort_keys=True).encode()


def parse_subscriptions(
    document: Mapping[str, object] | None, origin: str = "subscriptions"
) -> list[Subscription]:
    """The `subscriptions:` list of a YAML document; ids must be unique."""
    if not document or "subscriptions" not in document:
        raise ValueError(f"{origin}: expected a mapping with a 'subscriptions' list")
    items = document["subscriptions"] or []
    if not isinstance(items, list):
        raise ValueError(f"{origin}: 'subscriptions' must be a list")
    subscriptions = []
    for number, item in enumerate(items, 1):
        try:
            subscriptions.append(Subscription.model_validate(item))
        except ValueError as exc:
            raise ValueError(f"{origin}: subscription {number}: {exc}") from None
    ids = [s.id for s in subscriptions]
    duplicated = sorted({i for i in ids if ids.count(i) > 1})
    if duplicated:
        raise ValueError(f"{origin}: duplicate subscription ids {duplicated}")
    return subscriptions


def load_subscriptions_file(path: Path) -> list[Subscription]:
    with path.open(encoding="utf-8") as fh:
        return parse_subscriptions(yaml.safe_load(fh), str(path))

"""Correlation: which reports describe one real-world event, decided per place from the stored state.

Reports of the same type about the same place (the alert key: gazetteer id, else normalised name) whose
actors are compatible and whose times lie within a window of each other are one event. The first report
opens it (`new`), later ones join it (`update`) and raise its confidence when they come from another outlet.
A report whose side contradicts an open event (the place taken by the other side) opens a new event that
names the one it contradicts. An article already counted for the event is a duplicate and changes nothing,
which is what makes redelivery harmless.

`correlate` is a pure function of (state of one place key, report) → decision with the next state, so the
worker can keep the state in a faust table and tests can replay any sequence without Kafka.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field

from service.alerts.actors import canonical_actor
from service.alerts.severity import Severity, deployment_severity, territorial_severity
from service.detect.model import DeploymentEvent, Event, Location, TerritorialControlEvent
from service.messages import AlertSource, alert_id, alert_key

EVENT_ID_NAMESPACE = uuid.UUID("0b6e7f52-3c1d-5a7e-8d7f-6a2b9e4c1d30")
DEFAULT_WINDOW = dt.timedelta(hours=72)
MAX_SOURCES = 100  # sources kept per event; source_count goes on counting beyond
MAX_EVENTS_PER_KEY = 32  # events kept per place; the least recently seen go first
RETENTION_WINDOWS = 3  # events older than this many windows before the newest one at the place are dropped

Decision = Literal["new", "update", "duplicate", "contradiction"]


class Report(BaseModel):
    """One detected event in one article: the value of the internal topic, keyed by `alert_key(event)`."""

    model_config = ConfigDict(frozen=True)

    article_id: str
    url: str | None = None
    outlet: str | None = Field(default=None, description="The article's `source` (outlet or feed name).")
    published_at: dt.datetime | None = None
    detected_at: dt.datetime
    event: Event

    @property
    def alert_id(self) -> str:
        return alert_id(self.article_id, self.event)

    @property
    def key(self) -> bytes:
        return alert_key(self.event)

    @property
    def seen_at(self) -> dt.datetime:
        """When the report was made public: publication time, else when the worker read it."""
        return self.published_at or self.detected_at

    @property
    def occurred_at(self) -> dt.datetime:
        """When the event happened, as far as this report says: its date, else the report's own time."""
        if self.event.event_date is not None:
            return dt.datetime.combine(self.event.event_date, dt.time(), tzinfo=dt.UTC)
        return self.seen_at

    @property
    def outlet_key(self) -> str:
        """Who published it, for independence: the outlet, else the URL's host, else the article itself."""
        if self.outlet and self.outlet.strip():
            return " ".join(self.outlet.casefold().split())
        host = urlsplit(self.url).hostname if self.url else None
        if host:
            return host.removeprefix("www.")
        return f"article:{self.article_id}"


class TrackedEvent(BaseModel):
    """What the state remembers of one real-world event."""

    model_config = ConfigDict(frozen=True)

    event_id: str
    type: Literal["territorial_control", "deployment"]
    side: str | None = Field(description="Canonical gaining actor (control) or actor (deployment).")
    losing_side: str | None = None
    direction: Literal["deploy", "withdraw"] | None = None
    actors: tuple[str, ...] = Field(default=(), description="Every actor name the reports used.")
    first_seen: dt.datetime
    last_seen: dt.datetime
    occurred_from: dt.datetime
    occurred_to: dt.datetime
    sources: tuple[AlertSource, ...]
    source_count: int
    outlet_confidence: dict[str, float] = Field(description="Best detector confidence per outlet.")
    confidence: float
    full: bool = Field(default=False, description="Some report said the whole place changed hands.")
    max_size: int | None = None
    location: Location | None = None
    contradicts: str | None = None

    @property
    def severity(self) -> Severity:
        if self.type == "territorial_control":
            return territorial_severity(self.location, self.full)
        return deployment_severity(self.max_size)

    def has_article(self, article_id: str) -> bool:
        return any(s.article_id == article_id for s in self.sources)

    def lifecycle(self, status: Literal["new", "update"]) -> dict[str, Any]:
        """The alert fields that describe this event (see `service.messages.build_alert`)."""
        return {
            "alert_status": status,
            "event_id": self.event_id,
            "sources": list(self.sources),
            "source_count": self.source_count,
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
            "severity": self.severity,
            "confidence": self.confidence,
            "contradicts_event_id": self.contradicts,
        }


class PlaceState(BaseModel):
    """All events kept for one place key (the value of the correlation table)."""

    model_config = ConfigDict(frozen=True)

    events: tuple[TrackedEvent, ...] = ()


@dataclass(frozen=True)
class Outcome:
    """What a report did: `event` is the event it opened or joined (None for a duplicate)."""

    decision: Decision
    event: TrackedEvent | None
    state: PlaceState

    @property
    def alert_status(self) -> Literal["new", "update"] | None:
        if self.decision == "duplicate":
            return None
        return "update" if self.decision == "update" else "new"


def corroborated_confidence(outlet_confidence: dict[str, float]) -> float:
    """Noisy-OR over independent outlets: each outlet is one witness, however often it repeats itself."""
    doubt = 1.0
    for confidence in outlet_confidence.values():
        doubt *= 1.0 - confidence
    return round(1.0 - doubt, 4)


def _sides(event: TerritorialControlEvent | DeploymentEvent) -> tuple[str | None, str | None]:
    country = event.country or (event.location.country if event.location else None)
    if isinstance(event, TerritorialControlEvent):
        return canonical_actor(event.gaining_actor, country), canonical_actor(event.losing_actor, country)
    return canonical_actor(event.actor, country), None


def _actor_names(event: TerritorialControlEvent | DeploymentEvent) -> tuple[str, ...]:
    if isinstance(event, TerritorialControlEvent):
        return tuple(a for a in (event.gaining_actor, event.losing_actor) if a)
    return (event.actor,) if event.actor else ()


def _shift(moment: dt.datetime, delta: dt.timedelta) -> dt.datetime:
    """`moment` moved by `delta`, held within the calendar (an event dated 9999-12-31 must not raise)."""
    try:
        return moment + delta
    except OverflowError:
        limit = dt.datetime.max if delta > dt.timedelta(0) else dt.datetime.min
        return limit.replace(tzinfo=moment.tzinfo)


def _in_window(tracked: TrackedEvent, when: dt.datetime, window: dt.timedelta) -> bool:
    return _shift(tracked.occurred_from, -window) <= when <= _shift(tracked.occurred_to, window)


def _compatible(tracked: TrackedEvent, report: Report, side: str | None, losing: str | None) -> bool:
    """Same side (or a side unknown on either part), no side on both ends, for deployments one direction."""
    if isinstance(report.event, DeploymentEvent) and tracked.direction != report.event.direction:
        return False
    if tracked.side is not None and losing == tracked.side:
        return False
    if tracked.losing_side is not None and side == tracked.losing_side:
        return False
    return side is None or tracked.side is None or side == tracked.side


def _contradicts(tracked: TrackedEvent, side: str | None, losing: str | None) -> bool:
    """The other side took the place: a different gainer, or the event's gainer is now the loser."""
    if tracked.type != "territorial_control":
        return False
    if side is not None and tracked.side is not None and side != tracked.side:
        return True
    if side is not None and tracked.losing_side is not None and side == tracked.losing_side:
        return True
    return losing is not None and tracked.side is not None and losing == tracked.side


def _open(report: Report, side: str | None, losing: str | None, contradicts: str | None) -> TrackedEvent:
    event = report.event
    outlet = report.outlet_key
    outlets = {outlet: event.confidence}
    return TrackedEvent(
        event_id=str(uuid.uuid5(EVENT_ID_NAMESPACE, report.alert_id)),
        type=event.type,
        side=side,
        losing_side=losing,
        direction=event.direction if isinstance(event, DeploymentEvent) else None,
        actors=_actor_names(event),
        first_seen=report.seen_at,
        last_seen=report.seen_at,
        occurred_from=report.occurred_at,
        occurred_to=report.occurred_at,
        sources=(_source(report),),
        source_count=1,
        outlet_confidence=outlets,
        confidence=corroborated_confidence(outlets),
        full=isinstance(event, TerritorialControlEvent) and event.extent == "full",
        max_size=event.size if isinstance(event, DeploymentEvent) else None,
        location=event.location,
        contradicts=contradicts,
    )


def _source(report: Report) -> AlertSource:
    return AlertSource(
        article_id=report.article_id,
        url=report.url,
        outlet=report.outlet,
        alert_id=report.alert_id,
        seen_at=report.seen_at,
    )


def _join(tracked: TrackedEvent, report: Report, side: str | None, losing: str | None) -> TrackedEvent:
    event = report.event
    outlets = dict(tracked.outlet_confidence)
    outlet = report.outlet_key
    outlets[outlet] = max(outlets.get(outlet, 0.0), event.confidence)
    sizes = [s for s in (tracked.max_size, getattr(event, "size", None)) if s is not None]
    names = tracked.actors + tuple(a for a in _actor_names(event) if a not in tracked.actors)
    sources = tracked.sources if len(tracked.sources) >= MAX_SOURCES else tracked.sources + (_source(report),)
    return tracked.model_copy(
        update={
            "side": tracked.side or side,
            "losing_side": tracked.losing_side or losing,
            "actors": names,
            "first_seen": min(tracked.first_seen, report.seen_at),
            "last_seen": max(tracked.last_seen, report.seen_at),
            "occurred_from": min(tracked.occurred_from, report.occurred_at),
            "occurred_to": max(tracked.occurred_to, report.occurred_at),
            "sources": sources,
            "source_count": tracked.source_count + 1,
            "outlet_confidence": outlets,
            "confidence": corroborated_confidence(outlets),
            "full": tracked.full or (isinstance(event, TerritorialControlEvent) and event.extent == "full"),
            "max_size": max(sizes) if sizes else None,
            "location": tracked.location or event.location,
        }
    )


def _prune(events: list[TrackedEvent], window: dt.timedelta) -> tuple[TrackedEvent, ...]:
    """Forget events long before the newest at this place, and the oldest beyond a fixed number."""
    if not events:
        return ()
    newest = max(e.occurred_to for e in events)
    kept = [e for e in events if e.occurred_to >= _shift(newest, -RETENTION_WINDOWS * window)]
    kept.sort(key=lambda e: e.last_seen)
    return tuple(kept[-MAX_EVENTS_PER_KEY:])


def correlate(
    state: PlaceState | None, report: Report, window: dt.timedelta = DEFAULT_WINDOW
) -> Outcome:
    """Decide what `report` is, given everything kept for its place key, and return the next state."""
    state = state or PlaceState()
    side, losing = _sides(report.event)
    compatible = [
        e for e in state.events if e.type == report.event.type and _compatible(e, report, side, losing)
    ]
    if any(e.has_article(report.article_id) for e in compatible):
        return Outcome("duplicate", None, state)
    when = report.occurred_at
    candidates = [e for e in compatible if _in_window(e, when, window)]
    if candidates:
        target = max(candidates, key=lambda e: e.last_seen)
        joined = _join(target, report, side, losing)
        events = [joined if e.event_id == target.event_id else e for e in state.events]
        return Outcome("update", joined, PlaceState(events=_prune(events, window)))
    rivals = [
        e
        for e in state.events
        if e.type == report.event.type and _in_window(e, when, window) and _contradicts(e, side, losing)
    ]
    contradicted = max(rivals, key=lambda e: e.last_seen).event_id if rivals else None
    opened = _open(report, side, losing, contradicted)
    decision: Decision = "contradiction" if contradicted else "new"
    return Outcome(decision, opened, PlaceState(events=_prune([*state.events, opened], window)))

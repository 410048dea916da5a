"""What one input message becomes on the output topics: alerts or a dead letter.

Kept free of faust so the rules (which topics, keys, headers, truncation) are plain functions that unit tests
call directly; `service.app` only sends what these return.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from service.config import Settings
from service.detect.model import Event
from service.messages import (
    ArticleMessage,
    alert_key,
    build_alert,
    cloudevents_headers,
    dlq_headers,
    encode_alert,
)


@dataclass(frozen=True)
class Outgoing:
    """One record to produce."""

    topic: str
    key: bytes | None
    value: bytes
    headers: Sequence[tuple[str, bytes]]


@dataclass(frozen=True)
class SourceRecord:
    """Where an input message came from, for the dead-letter headers."""

    topic: str
    partition: int
    offset: int
    key: bytes | None = None
    headers: Sequence[tuple[str, bytes]] = ()


def reported_events(events: Iterable[Event], settings: Settings) -> list[Event]:
    """Events worth an alert: news, not background recalled by the article (unless configured otherwise)."""
    return [e for e in events if settings.publish_background or not e.background]


def alert_messages(
    article: ArticleMessage, events: Iterable[Event], settings: Settings, detected_at: dt.datetime
) -> list[Outgoing]:
    """Each reported event goes to its type's topic and to the all-alerts topic, with one key and value."""
    out: list[Outgoing] = []
    for event in reported_events(events, settings):
        alert = build_alert(article, event, detected_at)
        key, value = alert_key(event), encode_alert(alert)
        headers = cloudevents_headers(alert, settings.alert_source)
        for topic in (settings.alert_topic_for(event.type), settings.alerts_all_topic):
            out.append(Outgoing(topic, key, value, headers))
    return out


def dead_letter_message(
    raw: bytes | None, source: SourceRecord, reason: str, error: str, settings: Settings
) -> Outgoing:
    """The original bytes (cut to a size Kafka accepts) with headers naming the error and the origin."""
    original = raw or b""
    truncated = len(original) > settings.dlq_max_value_bytes
    headers = [h for h in source.headers if not h[0].startswith("dlq_")]
    headers += dlq_headers(
        reason,
        error,
        topic=source.topic,
        partition=source.partition,
        offset=source.offset,
        original_size=len(original),
        truncated=truncated,
    )
    return Outgoing(settings.dlq_topic, source.key, original[: settings.dlq_max_value_bytes], headers)

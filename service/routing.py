"""What one input message becomes on the output topics: reports to correlate, alerts, or a dead letter.

Two steps: an article's reported events go to the internal reports topic keyed by place (`report_messages`);
the correlation of one report gives at most one alert, sent to its type's topic, the all-alerts topic and
the topic of every subscription it matches (`lifecycle_messages`).

Kept free of faust so the rules (which topics, keys, headers, truncation) are plain functions that unit tests
call directly; `service.app` only sends what these return.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from service.alerts.correlation import Outcome, Report
from service.alerts.subscriptions import AlertView, SubscriptionRegistry
from service.config import Settings
from service.detect.model import Event
from service.messages import (
    ArticleMessage,
    DeploymentAlert,
    TerritorialControlAlert,
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


def report_messages(
    article: ArticleMessage, events: Iterable[Event], settings: Settings, detected_at: dt.datetime
) -> list[Outgoing]:
    """Each reported event, with the article's identity, to the reports topic keyed by its place."""
    published = article.published_at
    if published is not None and not isinstance(published, dt.datetime):
        published = dt.datetime.combine(published, dt.time(), tzinfo=dt.UTC)
    elif published is not None and published.tzinfo is None:
        published = published.replace(tzinfo=dt.UTC)
    out = []
    for event in reported_events(events, settings):
        report = Report(
            article_id=article.id,
            url=article.url,
            outlet=article.source,
            published_at=published,
            detected_at=detected_at,
            event=event,
        )
        out.append(Outgoing(settings.reports_topic, report.key, report.model_dump_json().encode(), ()))
    return out


def lifecycle_alert(report: Report, outcome: Outcome) -> TerritorialControlAlert | DeploymentAlert | None:
    """The alert a correlated report publishes: none for a duplicate."""
    status = outcome.alert_status
    if status is None or outcome.event is None:
        return None
    return build_alert(
        article_id=report.article_id,
        url=report.url,
        source=report.outlet,
        event=report.event,
        detected_at=report.detected_at,
        lifecycle=outcome.event.lifecycle(status),
    )


def alert_view(alert: TerritorialControlAlert | DeploymentAlert, outcome: Outcome) -> AlertView:
    """What subscription filters see: the alert, with every actor name the event's reports used."""
    location = alert.location or (outcome.event.location if outcome.event else None)
    actors = outcome.event.actors if outcome.event else ()
    return AlertView(
        type=alert.type,
        status=alert.alert_status,
        country=alert.country or (location.country if location else None),
        latitude=location.latitude if location else None,
        longitude=location.longitude if location else None,
        actors=actors,
        confidence=alert.confidence,
        source_count=alert.source_count,
    )


def lifecycle_messages(
    report: Report, outcome: Outcome, subscriptions: SubscriptionRegistry, settings: Settings
) -> list[Outgoing]:
    """The alert to its type's topic, the all-alerts topic and each matching subscriber's topic (once)."""
    alert = lifecycle_alert(report, outcome)
    if alert is None:
        return []
    value = encode_alert(alert)
    headers = cloudevents_headers(alert, settings.alert_source)
    topics = [settings.alert_topic_for(alert.type), settings.alerts_all_topic]
    for subscription in subscriptions.matching(alert_view(alert, outcome)):
        if subscription.topic not in topics:
            topics.append(subscription.topic)
    return [Outgoing(topic, report.key, value, headers) for topic in topics]


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


def undeliverable_message(record: Outgoing, source: SourceRecord, error: str, settings: Settings) -> Outgoing:
    """An alert no attempt could publish to a subscriber's topic, kept on the dead-letter topic instead.

    The value and headers are the alert's own (so its `ce_id` still names it); ``dlq_target_topic`` says
    where it was meant to go and the source headers point at the report it came from.
    """
    alert_as_source = replace(source, key=record.key, headers=list(record.headers))
    out = dead_letter_message(record.value, alert_as_source, "undeliverable", error, settings)
    return replace(out, headers=[*out.headers, ("dlq_target_topic", record.topic.encode())])

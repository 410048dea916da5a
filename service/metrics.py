"""The worker's Prometheus metrics, defined once, named after prometheus.io conventions.

Counters end in ``_total``, durations are in seconds, and ``frontwatch_build_info`` carries the version as a
label so dashboards can tell deployments apart.
"""

from __future__ import annotations

import platform
from importlib.metadata import PackageNotFoundError, version

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, start_http_server

from service.detect.model import EVENT_TYPES
from service.messages import DLQ_REASONS

REGISTRY = CollectorRegistry(auto_describe=True)

ARTICLES_CONSUMED = Counter(
    "frontwatch_articles_consumed",
    "Input messages read from the articles topic (good or bad).",
    registry=REGISTRY,
)
ARTICLES_DEAD_LETTERED = Counter(
    "frontwatch_articles_dead_lettered",
    "Input messages sent to the dead-letter topic, by reason.",
    ["reason"],
    registry=REGISTRY,
)
EVENTS_DETECTED = Counter(
    "frontwatch_events_detected", "Events the detector reported, by type.", ["type"], registry=REGISTRY
)
ALERTS_PUBLISHED = Counter(
    "frontwatch_alerts_published", "Alert messages published, by topic.", ["topic"], registry=REGISTRY
)
PUBLISH_ERRORS = Counter(
    "frontwatch_publish_errors",
    "Records the broker did not acknowledge (or the producer could not send), by topic and error; each is "
    "retried, or for a subscriber's topic dead-lettered after FRONTWATCH_SUBSCRIBER_PUBLISH_ATTEMPTS.",
    ["topic", "error"],
    registry=REGISTRY,
)
PUBLISH_RETRIES = Counter(
    "frontwatch_publish_retries",
    "Records sent again after a publish error, by topic.",
    ["topic"],
    registry=REGISTRY,
)
PUBLISH_RETRYING = Gauge(
    "frontwatch_publish_retrying",
    "1 while the worker waits to retry a failed publish (its input is held meanwhile), else 0.",
    registry=REGISTRY,
)
ALERTS_UNDELIVERABLE = Counter(
    "frontwatch_alerts_undeliverable",
    "Alerts for a subscriber's topic sent to the dead-letter topic (reason undeliverable) after every "
    "attempt failed, by the topic they were meant for.",
    ["topic"],
    registry=REGISTRY,
)
PROCESSING_SECONDS = Histogram(
    "frontwatch_processing_seconds",
    "Time from reading an article to handing its alerts to the producer.",
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
    registry=REGISTRY,
)
DETECTOR_LOAD_SECONDS = Gauge(
    "frontwatch_detector_load_seconds",
    "Time the detector took to load its models at start.",
    registry=REGISTRY,
)
CONSUMER_LAG = Gauge(
    "frontwatch_consumer_lag_messages",
    "Messages of an assigned input partition not yet committed by the consumer group (end offset minus "
    "committed offset), measured every FRONTWATCH_LAG_INTERVAL_S by the worker that owns the partition.",
    ["topic", "partition"],
    registry=REGISTRY,
)
ASSIGNED_PARTITIONS = Gauge(
    "frontwatch_assigned_partitions",
    "Input-topic partitions assigned to this worker by the last rebalance.",
    registry=REGISTRY,
)
READY = Gauge(
    "frontwatch_ready",
    "1 when the worker is ready (partitions assigned, broker reachable), as /readyz reports; else 0.",
    registry=REGISTRY,
)
END_TO_END_LATENCY_SECONDS = Histogram(
    "frontwatch_end_to_end_latency_seconds",
    "From the Kafka timestamp of an article record (produce or log-append time) to the publication of "
    "an alert it caused; one observation per alert.",
    buckets=(0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0, 900.0, 3600.0),
    registry=REGISTRY,
)
ALERTS_BY_STATUS = Counter(
    "frontwatch_alerts",
    "Alerts of the lifecycle, by status: 'new' opens a real-world event, 'update' adds a report to one. "
    "Each alert is published to several topics (frontwatch_alerts_published_total counts those).",
    ["status"],
    registry=REGISTRY,
)
DUPLICATES_SUPPRESSED = Counter(
    "frontwatch_duplicates_suppressed",
    "Reports not alerted because their article was already counted for the event (redelivery, resend, "
    "or a second sentence about the same event).",
    registry=REGISTRY,
)
CONTRADICTIONS = Counter(
    "frontwatch_contradictions",
    "New events opened because a report says the other side took a place of an open event.",
    registry=REGISTRY,
)
SUBSCRIPTIONS_ACTIVE = Gauge(
    "frontwatch_subscriptions_active",
    "Subscriptions this worker currently routes alerts to.",
    registry=REGISTRY,
)
CORRELATION_TABLE_SIZE = Gauge(
    "frontwatch_correlation_table_size",
    "Place keys in the correlation table partitions this worker owns.",
    registry=REGISTRY,
)
BUILD_INFO = Gauge(
    "frontwatch_build_info",
    "Always 1; labels name the running build.",
    ["version", "python"],
    registry=REGISTRY,
)


def package_version() -> str:
    try:
        return version("frontwatch")
    except PackageNotFoundError:
        return "unknown"


def init_metrics() -> None:
    """Make every labelled series exist from the start, so rate() and alerts see zeros, not gaps."""
    BUILD_INFO.labels(version=package_version(), python=platform.python_version()).set(1)
    PUBLISH_RETRYING.set(0)
    for reason in DLQ_REASONS:
        if reason != "undeliverable":  # alerts, not input messages: frontwatch_alerts_undeliverable_total
            ARTICLES_DEAD_LETTERED.labels(reason=reason)
    for event_type in EVENT_TYPES:
        EVENTS_DETECTED.labels(type=event_type)
    for status in ("new", "update"):
        ALERTS_BY_STATUS.labels(status=status)


def observe_end_to_end(record_timestamp_s: float | None, now_s: float) -> None:
    """One alert published ``now_s`` for an article whose record carried ``record_timestamp_s`` (epoch s).

    Records without a timestamp (0 or negative) are skipped; clock skew between producer and worker can make
    the difference slightly negative, which counts as 0 rather than vanishing.
    """
    if record_timestamp_s is None or record_timestamp_s <= 0:
        return
    END_TO_END_LATENCY_SECONDS.observe(max(0.0, now_s - record_timestamp_s))


def serve_metrics(host: str, port: int) -> None:
    """Serve ``/metrics`` from a background thread (prometheus_client's own server)."""
    start_http_server(port, addr=host, registry=REGISTRY)

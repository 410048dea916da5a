"""The messages on frontwatch's topics, as pydantic models, and the rules that turn bytes into them.

These models are the wire contract: `frontwatch schemas --write` exports them to ``schemas/`` and a test fails
when the two drift. Parsing an input message either returns an `ArticleMessage` or raises `Rejected` with
the short reason code that the dead-letter topic carries, so every bad message has a designed path.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import uuid
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from service.detect.model import Article, DeploymentEvent, Event, TerritorialControlEvent

DlqReason = Literal["invalid_json", "invalid_utf8", "schema", "missing_text", "too_large", "detector_error"]
DLQ_REASONS: tuple[str, ...] = DlqReason.__args__  # type: ignore[attr-defined]

# Alert ids are UUIDv5 in this namespace, so any consumer can recompute them from the alert's fields.
ALERT_ID_NAMESPACE = uuid.UUID("6f1d2c1e-8a43-5d0b-9a57-3c1f0f6f3a11")
CE_TYPES: dict[str, str] = {
    "territorial_control": "org.frontwatch.alert.territorial_control",
    "deployment": "org.frontwatch.alert.deployment",
}


class ArticleMessage(BaseModel):
    """A news article on the input topic. Unknown keys are ignored so producers may send more."""

    model_config = ConfigDict(extra="ignore", frozen=True, title="Article")

    id: str = Field(min_length=1, description="Producer's unique id of the article; alerts refer to it.")
    url: str | None = None
    source: str | None = Field(default=None, description="Outlet or feed name.")
    title: str | None = None
    text: str = Field(min_length=1, description="Body text; events are read from it.")
    published_at: dt.date | dt.datetime | None = Field(
        default=None, description="Publication time (RFC 3339) or date; anchors relative dates in the text."
    )
    language: str | None = Field(default=None, description="BCP 47 tag, e.g. 'en'.")

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> ArticleMessage:
        """Accept the evaluation-set JSONL format too: `published` means `published_at`, other keys drop."""
        data = dict(record)
        if "published_at" not in data and "published" in data:
            data["published_at"] = data.pop("published")
        return cls.model_validate(data)

    def published_date(self) -> dt.date | None:
        if isinstance(self.published_at, dt.datetime):
            return self.published_at.date()
        return self.published_at

    def to_article(self) -> Article:
        return Article(id=self.id, text=self.text, title=self.title, published=self.published_date())


class _AlertFields(BaseModel):
    alert_id: str = Field(
        description="Deterministic UUIDv5 of article id, event type, place and evidence "
        "offsets: a redelivered article yields alerts with the same ids."
    )
    article_id: str
    url: str | None = None
    source: str | None = None
    detected_at: dt.datetime = Field(description="When the worker detected the event (UTC).")


class TerritorialControlAlert(TerritorialControlEvent, _AlertFields):
    """A territorial-control event as published on the alert topics."""

    model_config = ConfigDict(frozen=True, title="TerritorialControlAlert")


class DeploymentAlert(DeploymentEvent, _AlertFields):
    """A deployment event as published on the alert topics."""

    model_config = ConfigDict(frozen=True, title="DeploymentAlert")


Alert = Annotated[TerritorialControlAlert | DeploymentAlert, Field(discriminator="type")]
ALERT_FIELDS: tuple[str, ...] = tuple(_AlertFields.model_fields)


class Rejected(Exception):
    """An input message that goes to the dead-letter topic instead of the detector."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(f"{reason}: {message}")
        self.reason = reason
        self.message = message


def parse_article(raw: bytes | None, max_bytes: int) -> ArticleMessage:
    """Bytes from the input topic → article, or `Rejected` with the first reason that applies."""
    if raw is None:
        raise Rejected("invalid_json", "message has no value (tombstone)")
    if len(raw) > max_bytes:
        raise Rejected("too_large", f"{len(raw)} bytes exceeds the limit of {max_bytes}")
    try:
        decoded = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Rejected("invalid_utf8", str(exc)) from None
    try:
        record = json.loads(decoded)
    except json.JSONDecodeError as exc:
        raise Rejected("invalid_json", str(exc)) from None
    if not isinstance(record, dict):
        raise Rejected("schema", f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if text is None or (isinstance(text, str) and not text.strip()):
        raise Rejected("missing_text", "field 'text' is absent or blank")
    try:
        return ArticleMessage.from_record(record)
    except ValidationError as exc:
        raise Rejected("schema", _short_validation_error(exc)) from None


def _short_validation_error(exc: ValidationError) -> str:
    return "; ".join(f"{'.'.join(str(p) for p in e['loc']) or 'value'}: {e['msg']}" for e in exc.errors())


def normalise_place(text: str | None) -> str:
    """Case- and space-insensitive form of a place name, for keys and ids."""
    return re.sub(r"\s+", " ", (text or "").strip()).casefold()


def event_place(event: TerritorialControlEvent | DeploymentEvent) -> str | None:
    """The place an event is about: where control changed, or where forces went."""
    return event.place if isinstance(event, TerritorialControlEvent) else event.destination


def place_key(event: TerritorialControlEvent | DeploymentEvent) -> str:
    """Gazetteer id when the place resolved, else its normalised name: two spellings of one town agree."""
    if event.location is not None and event.location.geonameid is not None:
        return f"geonames:{event.location.geonameid}"
    return normalise_place(event_place(event)) or "unknown"


def alert_key(event: TerritorialControlEvent | DeploymentEvent) -> bytes:
    """Kafka key: all updates about one kind of event at one place land in one partition, in order."""
    return f"{event.type}:{place_key(event)}".encode()


def alert_id(article_id: str, event: TerritorialControlEvent | DeploymentEvent) -> str:
    name = "|".join(
        [article_id, event.type, place_key(event), str(event.evidence_start), str(event.evidence_end)]
    )
    return str(uuid.uuid5(ALERT_ID_NAMESPACE, name))


def build_alert(
    article: ArticleMessage, event: Event, detected_at: dt.datetime
) -> TerritorialControlAlert | DeploymentAlert:
    extra = {
        "alert_id": alert_id(article.id, event),
        "article_id": article.id,
        "url": article.url,
        "source": article.source,
        "detected_at": detected_at,
    }
    cls = TerritorialControlAlert if isinstance(event, TerritorialControlEvent) else DeploymentAlert
    return cls.model_validate({**event.model_dump(), **extra})


def alert_event(alert: TerritorialControlAlert | DeploymentAlert) -> dict[str, Any]:
    """The detector's event inside an alert, as JSON-ready data (what `frontwatch detect` writes)."""
    return alert.model_dump(mode="json", exclude=set(ALERT_FIELDS))


def cloudevents_headers(
    alert: TerritorialControlAlert | DeploymentAlert, source: str
) -> list[tuple[str, bytes]]:
    """CloudEvents Kafka protocol binding, binary content mode: attributes as ``ce_`` headers."""
    subject = event_place(alert) or (alert.location.name if alert.location else "") or "unknown"
    return [
        ("ce_specversion", b"1.0"),
        ("ce_id", alert.alert_id.encode()),
        ("ce_type", CE_TYPES[alert.type].encode()),
        ("ce_source", source.encode()),
        ("ce_time", alert.detected_at.isoformat().encode()),
        ("ce_subject", subject.encode()),
        ("content-type", b"application/json"),
    ]


def encode_alert(alert: TerritorialControlAlert | DeploymentAlert) -> bytes:
    return alert.model_dump_json().encode()


def dlq_headers(
    reason: str, error: str, *, topic: str, partition: int, offset: int, original_size: int, truncated: bool
) -> list[tuple[str, bytes]]:
    """Headers that say why and where from a message was dead-lettered; the value stays the original bytes."""
    return [
        ("dlq_reason", reason.encode()),
        ("dlq_error", error[:1000].encode()),
        ("dlq_source_topic", topic.encode()),
        ("dlq_source_partition", str(partition).encode()),
        ("dlq_source_offset", str(offset).encode()),
        ("dlq_original_size", str(original_size).encode()),
        ("dlq_truncated", b"true" if truncated else b"false"),
    ]


def message_digest(raw: bytes) -> str:
    """Short fingerprint used in logs instead of an article's (possibly huge or binary) content."""
    return hashlib.sha256(raw).hexdigest()[:12]

"""The messages on frontwatch's topics, as pydantic models, and the rules that turn bytes into them.

These models are the wire contract: `frontwatch schemas --write` exports them to ``schemas/`` and a test fails
when the two drift. Parsing an input message either returns an `ArticleMessage` or raises `Rejected` with
the short reason code that the dead-letter topic carries, so every bad message has a designed path.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
import re
import uuid
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from service.detect.model import Article, DeploymentEvent, Event, TerritorialControlEvent

DlqReason = Literal[
    "invalid_json", "invalid_utf8", "schema", "missing_text", "too_large", "detector_error", "undeliverable"
]
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


class AlertSource(BaseModel):
    """One report counted for a real-world event: which article, where, from which outlet."""

    model_config = ConfigDict(frozen=True, title="AlertSource")

    article_id: str
    url: str | None = None
    outlet: str | None = Field(default=None, description="The article's `source`.")
    alert_id: str = Field(description="The alert this report produced.")
    seen_at: dt.datetime = Field(description="Publication time of the article, else when it was read.")


class _AlertFields(BaseModel):
    alert_id: str = Field(
        description="Deterministic UUIDv5 of article id, event type, place and evidence "
        "offsets: a redelivered article yields alerts with the same ids."
    )
    article_id: str
    url: str | None = None
    source: str | None = None
    detected_at: dt.datetime = Field(description="When the worker detected the event (UTC).")
    alert_status: Literal["new", "update"] = Field(
        description="'new': the first report of a real-world event; 'update': a later report of it."
    )
    event_id: str = Field(
        description="The real-world event: UUIDv5 of its first report's alert id, the same on every update."
    )
    sources: list[AlertSource] = Field(description="Reports counted so far, oldest first (at most 100).")
    source_count: int = Field(ge=1, description="Reports counted so far (keeps counting beyond the list).")
    first_seen: dt.datetime = Field(description="Earliest report time (publication, else reading) so far.")
    last_seen: dt.datetime = Field(description="Latest report time so far.")
    severity: Literal["low", "medium", "high"] = Field(description="See the README, section Severity.")
    report_confidence: float = Field(
        ge=0.0, le=1.0, description="The detector's confidence in this report; `confidence` is the event's."
    )
    contradicts_event_id: str | None = Field(
        default=None,
        description="A new event that says the other side took the place names the event it reverses.",
    )


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
    except (json.JSONDecodeError, RecursionError, ValueError) as exc:
        # RecursionError: nesting deeper than the interpreter allows; ValueError: an integer of more digits
        # than int() converts. Both are malformed input, not a worker fault.
        raise Rejected("invalid_json", f"{type(exc).__name__}: {exc}"[:500]) from None
    if not isinstance(record, dict):
        raise Rejected("schema", f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if text is None or (isinstance(text, str) and not text.strip()):
        raise Rejected("missing_text", "field 'text' is absent or blank")
    try:
        article = ArticleMessage.from_record(record)
    except ValidationError as exc:
        raise Rejected("schema", _short_validation_error(exc)) from None
    article = plain_article(article)
    if not article.text.strip():
        raise Rejected("missing_text", "field 'text' holds no text once markup is removed")
    return article


# Untrusted text. Articles come from feeds and scrapers: the text may hold HTML and control characters
# (terminal escapes, bidirectional overrides) that alerts must not carry to the screens and logs downstream.
# Control characters become spaces rather than vanish, so offsets into a text without markup stay those of
# the input; newlines and tabs stay. U+2028/U+2029 break lines in JavaScript and log parsers: newline too.
_CONTROLS = {c: " " for c in [*range(0x00, 0x09), 0x0B, 0x0C, 0x0D, *range(0x0E, 0x20), *range(0x7F, 0xA0)]}
_CONTROLS |= {c: " " for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]}  # bidi embeddings/isolates
_CONTROLS |= {0x2028: "\n", 0x2029: "\n"}
_LOOKS_LIKE_HTML = re.compile(
    r"<[A-Za-z/!?]|&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
)
_TAG_NAME = re.compile(r"/?([A-Za-z][A-Za-z0-9]*)")
_HIDDEN = {"script", "style", "template", "noscript", "iframe", "object", "svg", "math"}
_BLOCKS = {
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
    "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
    "section", "table", "td", "th", "tr", "ul",
}  # fmt: skip


def strip_controls(text: str) -> str:
    """Control characters (C0 but tab and newline, DEL, C1, bidi overrides) → spaces; line separators →
    newlines. Length-preserving, linear."""
    return text.translate(_CONTROLS)


def strip_html(text: str) -> str:
    """Markup → text: tags dropped (block tags become line breaks), script/style content dropped,
    comments dropped, entities decoded. Text without markup is returned as it is.

    A single forward scan with `str.find`: every character is looked at a bounded number of times, so
    adversarial input (thousands of unclosed ``<a``) costs linear time, unlike a backtracking regex.
    """
    if not _LOOKS_LIKE_HTML.search(text):
        return text
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        lt = text.find("<", i)
        if lt < 0:
            out.append(text[i:])
            break
        out.append(text[i:lt])
        if text.startswith("<!--", lt):
            end = text.find("-->", lt + 4)
            i = n if end < 0 else end + 3
            continue
        name = _TAG_NAME.match(text, lt + 1, min(n, lt + 40))
        if name is None and not text.startswith(("<!", "<?"), lt):
            out.append("<")  # a literal '<' as in "a < b"
            i = lt + 1
            continue
        gt = text.find(">", lt + 1)
        if gt < 0:  # an unclosed tag runs to the end of the text
            break
        i = gt + 1
        tag = name.group(1).lower() if name else ""
        if tag in _BLOCKS:
            out.append("\n")
        if tag in _HIDDEN and not name.group(0).startswith("/"):  # type: ignore[union-attr]
            close = re.compile(rf"</{tag}\s*>", re.IGNORECASE).search(text, i)
            i = n if close is None else close.end()
    plain = html.unescape("".join(out))
    plain = re.sub(r"[ \t]+", " ", plain)
    return re.sub(r" ?\n[ \n]*\n ?", "\n\n", plain).strip()


def plain_text(text: str) -> str:
    """What alerts may carry from an article: no markup, no control characters."""
    return strip_controls(strip_html(strip_controls(text)))


def plain_article(article: ArticleMessage) -> ArticleMessage:
    """The article as frontwatch trusts it: body and title plain text, the other strings without controls."""
    update: dict[str, str] = {"text": plain_text(article.text)}
    if article.title is not None:
        update["title"] = plain_text(article.title)
    for name in ("id", "url", "source", "language"):
        value = getattr(article, name)
        if value is not None:
            update[name] = strip_controls(value)
    return article.model_copy(update=update)


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
    *,
    article_id: str,
    url: str | None,
    source: str | None,
    event: Event,
    detected_at: dt.datetime,
    lifecycle: dict[str, Any],
) -> TerritorialControlAlert | DeploymentAlert:
    """The event as the detector reported it, where it was read, and its real-world event's lifecycle.

    `lifecycle` holds alert_status, event_id, sources, source_count, first/last_seen, severity and the
    event's corroborated `confidence` (see `TrackedEvent.lifecycle`).
    """
    extra = {
        "alert_id": alert_id(article_id, event),
        "article_id": article_id,
        "url": url,
        "source": source,
        "detected_at": detected_at,
        "report_confidence": event.confidence,
        **lifecycle,
    }
    cls = TerritorialControlAlert if isinstance(event, TerritorialControlEvent) else DeploymentAlert
    return cls.model_validate({**event.model_dump(), **extra})


def alert_event(alert: TerritorialControlAlert | DeploymentAlert) -> dict[str, Any]:
    """The detector's event inside an alert, as JSON-ready data (what `frontwatch detect` writes)."""
    event = alert.model_dump(mode="json", exclude=set(ALERT_FIELDS))
    event["confidence"] = alert.report_confidence
    return event


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

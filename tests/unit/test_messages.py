"""Input parsing, dead-letter classification, alert ids, keys and CloudEvents headers."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from pydantic import TypeAdapter

from service.alerts.correlation import Report, correlate
from service.alerts.subscriptions import Subscription, SubscriptionRegistry
from service.config import Settings
from service.detect.model import DeploymentEvent, Location, TerritorialControlEvent
from service.messages import (
    ALERT_FIELDS,
    Alert,
    ArticleMessage,
    Rejected,
    alert_event,
    alert_id,
    alert_key,
    build_alert,
    cloudevents_headers,
    parse_article,
)
from service.routing import (
    Outgoing,
    SourceRecord,
    dead_letter_message,
    lifecycle_messages,
    report_messages,
    undeliverable_message,
)

NOW = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.UTC)
SETTINGS = Settings(kafka_bootstrap="127.0.0.1:9092")


def control(
    place: str = "Soledar",
    start: int = 0,
    end: int = 20,
    geonameid: int | None = None,
    background: bool = False,
) -> TerritorialControlEvent:
    location = Location(name=place, geonameid=geonameid, country="UA") if geonameid else None
    return TerritorialControlEvent(
        place=place,
        country="UA",
        location=location,
        background=background,
        evidence="Russian forces captured Soledar.",
        evidence_start=start,
        evidence_end=end,
        confidence=0.8,
        gaining_actor="Russian forces",
    )


def deployment() -> DeploymentEvent:
    return DeploymentEvent(
        actor="United States",
        destination="northern Syria",
        country="SY",
        size=200,
        background=False,
        evidence="The US will send 200 troops.",
        evidence_start=5,
        evidence_end=33,
        confidence=0.8,
        status="announced",
    )


ARTICLE = ArticleMessage(
    id="a-1", text="Russian forces captured Soledar.", url="https://example.org/a-1", source="wire"
)


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"{not json", "invalid_json"),
        (b"", "invalid_json"),
        (None, "invalid_json"),
        (b'{"id": "x", "text": "caf\xe9"}', "invalid_utf8"),
        (b'["a list"]', "schema"),
        (b'{"id": "x"}', "missing_text"),
        (b'{"id": "x", "text": "   "}', "missing_text"),
        (b'{"id": "x", "text": null}', "missing_text"),
        (b'{"text": "no id"}', "schema"),
        (b'{"id": "x", "text": 5}', "schema"),
        (b'{"id": "x", "text": "t", "published_at": "yesterday"}', "schema"),
        (json.dumps({"id": "x", "text": "w" * 5000}).encode(), "too_large"),
    ],
)
def test_bad_input_is_rejected_with_its_reason(raw: bytes | None, reason: str) -> None:
    with pytest.raises(Rejected) as caught:
        parse_article(raw, max_bytes=4096)
    assert caught.value.reason == reason
    assert caught.value.message


def test_evaluation_format_is_accepted_and_extra_keys_dropped() -> None:
    raw = json.dumps(
        {
            "id": "d1",
            "text": "Body.",
            "title": "T",
            "published": "2022-11-11",
            "events": [{"type": "deployment"}],
            "license": "CC",
        }
    ).encode()
    article = parse_article(raw, max_bytes=10_000)
    assert article.published_at == dt.date(2022, 11, 11)
    assert not hasattr(article, "events")
    assert article.to_article().published == dt.date(2022, 11, 11)


def test_published_at_may_be_a_timestamp() -> None:
    article = parse_article(b'{"id": "x", "text": "t", "published_at": "2023-01-13T09:15:00+02:00"}', 10_000)
    assert isinstance(article.published_at, dt.datetime)
    assert article.to_article().published == dt.date(2023, 1, 13)


def test_alert_id_is_deterministic_and_tells_events_apart() -> None:
    assert alert_id("a-1", control()) == alert_id("a-1", control())
    assert alert_id("a-1", control("Soledar")) == alert_id("a-1", control("  soledar "))
    assert alert_id("a-1", control()) != alert_id("a-2", control())
    assert alert_id("a-1", control(start=0)) != alert_id("a-1", control(start=1))
    assert alert_id("a-1", control()) != alert_id("a-1", deployment())


def test_key_prefers_the_gazetteer_id_so_spellings_share_a_partition() -> None:
    assert alert_key(control("Soledar", geonameid=699035)) == alert_key(control("Solidar", geonameid=699035))
    assert alert_key(control("Soledar")) == b"territorial_control:soledar"
    assert alert_key(deployment()) == b"deployment:northern syria"


def first_alert(event, article: ArticleMessage = ARTICLE):  # type: ignore[no-untyped-def]
    """The alert of an event's first report."""
    report = Report(article_id=article.id, url=article.url, outlet=article.source, detected_at=NOW, event=event)
    outcome = correlate(None, report)
    assert outcome.event is not None
    return build_alert(
        article_id=article.id,
        url=article.url,
        source=article.source,
        event=event,
        detected_at=NOW,
        lifecycle=outcome.event.lifecycle("new"),
    )


def test_alert_carries_the_event_and_round_trips() -> None:
    event = control(geonameid=699035)
    alert = first_alert(event)
    parsed = TypeAdapter(Alert).validate_json(alert.model_dump_json())
    assert parsed == alert
    assert alert_event(alert) == event.model_dump(mode="json")
    assert (alert.article_id, alert.url, alert.source, alert.detected_at) == ("a-1", ARTICLE.url, "wire", NOW)
    assert (alert.alert_status, alert.source_count, alert.report_confidence) == ("new", 1, event.confidence)
    assert set(ALERT_FIELDS) == {
        "alert_id", "article_id", "url", "source", "detected_at", "alert_status", "event_id", "sources",
        "source_count", "first_seen", "last_seen", "severity", "report_confidence", "contradicts_event_id",
    }


def test_cloudevents_binary_mode_headers() -> None:
    alert = first_alert(deployment())
    headers = dict(cloudevents_headers(alert, "urn:test"))
    assert headers == {
        "ce_specversion": b"1.0",
        "ce_id": alert.alert_id.encode(),
        "ce_type": b"org.frontwatch.alert.deployment",
        "ce_source": b"urn:test",
        "ce_time": b"2024-05-01T12:00:00+00:00",
        "ce_subject": b"northern Syria",
        "content-type": b"application/json",
    }


def test_reported_events_go_to_the_reports_topic_keyed_by_place() -> None:
    out = report_messages(
        ARTICLE, [control(), deployment(), control(start=40, end=60, background=True)], SETTINGS, NOW
    )
    assert [(o.topic, o.key) for o in out] == [
        ("frontwatch-reports-by-place", alert_key(control())),
        ("frontwatch-reports-by-place", alert_key(deployment())),
    ]
    report = Report.model_validate_json(out[0].value)
    assert (report.article_id, report.outlet, report.event) == ("a-1", "wire", control())
    with_background = report_messages(
        ARTICLE, [control(background=True)], SETTINGS.model_copy(update={"publish_background": True}), NOW
    )
    assert len(with_background) == 1


def test_an_alert_goes_to_its_type_topic_all_alerts_and_each_matching_subscriber_once() -> None:
    report = Report(article_id="a-1", outlet="wire", detected_at=NOW, event=control(geonameid=699035))
    outcome = correlate(None, report)
    registry = SubscriptionRegistry(
        [
            Subscription(id="ua", topic="alerts.ua", countries=("UA",)),
            Subscription(id="ua-again", topic="alerts.ua", event_types=("territorial_control",)),
            Subscription(id="sy", topic="alerts.sy", countries=("SY",)),
        ]
    )
    out = lifecycle_messages(report, outcome, registry, SETTINGS)
    assert [o.topic for o in out] == ["alerts.territorial-control", "alerts.all", "alerts.ua"]
    assert len({(o.key, o.value) for o in out}) == 1 and out[0].key == alert_key(report.event)
    duplicate = correlate(outcome.state, report)
    assert lifecycle_messages(report, duplicate, registry, SETTINGS) == []


def test_dead_letter_keeps_original_bytes_key_and_headers_and_cuts_huge_values() -> None:
    source = SourceRecord("articles", 3, 42, key=b"k", headers=[("trace", b"t1"), ("dlq_reason", b"stale")])
    letter = dead_letter_message(b"\xff\xfe", source, "invalid_utf8", "bad byte", SETTINGS)
    headers = dict(letter.headers)
    assert (letter.topic, letter.key, letter.value) == ("articles.dlq", b"k", b"\xff\xfe")
    assert headers["trace"] == b"t1"
    assert headers["dlq_reason"] == b"invalid_utf8"
    assert headers["dlq_source_partition"] == b"3" and headers["dlq_source_offset"] == b"42"
    assert [k for k, _ in letter.headers].count("dlq_reason") == 1

    big = b"x" * (SETTINGS.dlq_max_value_bytes + 10)
    letter = dead_letter_message(big, source, "too_large", "too big", SETTINGS)
    headers = dict(letter.headers)
    assert len(letter.value) == SETTINGS.dlq_max_value_bytes
    assert headers["dlq_original_size"] == str(len(big)).encode()
    assert headers["dlq_truncated"] == b"true"


def test_an_undeliverable_alert_is_dead_lettered_whole_with_its_id_and_intended_topic() -> None:
    alert = Outgoing("alerts.sub.ngo", b"tc:123", b'{"alert_id": "a1"}', [("ce_id", b"a1"), ("ce_type", b"t")])
    source = SourceRecord("app-reports-by-place", 2, 7, key=b"place")
    letter = undeliverable_message(alert, source, "not published after 5 attempts: timeout", SETTINGS)
    headers = dict(letter.headers)
    assert (letter.topic, letter.key, letter.value) == ("articles.dlq", b"tc:123", alert.value)
    assert headers["ce_id"] == b"a1" and headers["dlq_reason"] == b"undeliverable"
    assert headers["dlq_target_topic"] == b"alerts.sub.ngo"
    assert headers["dlq_source_topic"] == b"app-reports-by-place" and headers["dlq_source_offset"] == b"7"
    assert b"5 attempts" in headers["dlq_error"]

"""The worker on a real broker: seed articles become alerts, bad messages become dead letters."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import time
import urllib.request
from collections import Counter
from pathlib import Path

import pytest
from pydantic import TypeAdapter

from service.alerts.correlation import Report, correlate
from service.kafka_io import Record, collect, produce, produce_articles, read_article_file
from service.messages import CE_TYPES, Alert, alert_event, alert_key, event_place
from service.routing import report_messages

pytestmark = pytest.mark.broker

SEEDS = Path(__file__).resolve().parents[2] / "seeds" / "articles.jsonl"
ALERT = TypeAdapter(Alert)


def expected_events(detector, articles, settings):  # type: ignore[no-untyped-def]
    """What the stream must publish: the detector's reported events, each with its alert id, except those
    that repeat an event their own article already reported (the correlation calls them duplicates)."""
    out, states = {}, {}
    for article in articles:
        events = detector.detect(article.to_article())
        for record in report_messages(article, events, settings, dt.datetime.now(dt.UTC)):
            report = Report.model_validate_json(record.value)
            outcome = correlate(states.get(report.key), report)
            states[report.key] = outcome.state
            if outcome.decision != "duplicate":
                out[report.alert_id] = (article, report.event)
    return out


def test_seed_articles_become_alerts_with_cloudevents_headers(worker, detector) -> None:  # type: ignore[no-untyped-def]
    settings = worker.settings
    articles = read_article_file(SEEDS)
    expected = expected_events(detector, articles, settings)
    assert expected, "the seed articles should produce alerts"
    asyncio.run(produce_articles(worker.bootstrap, settings.input_topic, articles))

    records = asyncio.run(
        collect(worker.bootstrap, settings.alerts_all_topic, max_records=len(expected), timeout=90)
    )
    worker.assert_alive()
    assert len(records) == len(expected), worker.log_tail()
    for record in records:
        alert = ALERT.validate_json(record.value)
        article, event = expected[alert.alert_id]
        assert alert_event(alert) == event.model_dump(mode="json")
        assert alert.alert_status == "new" and alert.source_count == 1  # the seeds are distinct events
        assert (alert.article_id, alert.url, alert.source) == (article.id, article.url, article.source)
        assert record.key == alert_key(event)
        assert record.header("ce_specversion") == "1.0"
        assert record.header("ce_id") == alert.alert_id
        assert record.header("ce_type") == CE_TYPES[event.type]
        assert record.header("ce_source") == settings.alert_source
        assert record.header("ce_subject") == event_place(event) or "unknown"
        assert record.header("ce_time")
        assert record.header("content-type") == "application/json"

    by_type = Counter(event.type for _, event in expected.values())
    for event_type, count in by_type.items():
        typed = asyncio.run(
            collect(worker.bootstrap, settings.alert_topic_for(event_type), max_records=count, timeout=30)
        )
        assert {r.header("ce_id") for r in typed} == {
            i for i, (_, e) in expected.items() if e.type == event_type
        }


def _reasons(records: list[Record]) -> dict[str, Record]:
    return {r.header("dlq_reason"): r for r in records}


def test_malformed_messages_are_dead_lettered_and_the_next_article_still_alerts(worker, detector) -> None:  # type: ignore[no-untyped-def]
    settings = worker.settings
    good = read_article_file(SEEDS)[0].model_copy(update={"id": "after-the-bad-ones"})
    huge = json.dumps({"id": "huge", "text": "word " * 1_000_000}).encode()
    assert len(huge) > 5_000_000
    bad = [
        (b"not-json", b"this is not JSON {"),
        (b"not-utf8", b'{"id": "x", "text": "caf\xe9"}'),
        (b"no-text", b'{"id": "no-text", "title": "A headline only"}'),
        (b"huge", huge),
        (b"wrong-type", b'{"id": 7, "text": "ok"}'),
    ]
    asyncio.run(produce(worker.bootstrap, settings.input_topic, bad))
    asyncio.run(produce_articles(worker.bootstrap, settings.input_topic, [good]))

    letters = asyncio.run(collect(worker.bootstrap, settings.dlq_topic, max_records=len(bad), timeout=90))
    worker.assert_alive()
    reasons = _reasons(letters)
    assert set(reasons) == {"invalid_json", "invalid_utf8", "missing_text", "too_large", "schema"}, (
        worker.log_tail()
    )
    originals = dict(bad)
    for reason, key in [
        ("invalid_json", b"not-json"),
        ("invalid_utf8", b"not-utf8"),
        ("missing_text", b"no-text"),
        ("schema", b"wrong-type"),
    ]:
        record = reasons[reason]
        assert record.key == key
        assert record.value == originals[key]
        assert record.header("dlq_truncated") == "false"
        assert record.header("dlq_error")
        assert record.header("dlq_source_topic") == settings.input_topic
        assert int(record.header("dlq_source_offset") or -1) >= 0
    large = reasons["too_large"]
    assert large.header("dlq_original_size") == str(len(huge))
    assert large.header("dlq_truncated") == "true"
    assert large.value == huge[: settings.dlq_max_value_bytes]

    wanted = set(expected_events(detector, [good], settings))
    assert wanted
    deadline = time.monotonic() + 60
    seen: set[str] = set()
    while not wanted <= seen and time.monotonic() < deadline:
        records = asyncio.run(collect(worker.bootstrap, settings.alerts_all_topic, timeout=2))
        seen = {r.header("ce_id") or "" for r in records}
    assert wanted <= seen, worker.log_tail()


def test_metrics_endpoint_counts_the_work(worker) -> None:  # type: ignore[no-untyped-def]
    settings = worker.settings
    url = f"http://{settings.metrics_host}:{settings.metrics_port}/metrics"
    deadline = time.monotonic() + 30
    while True:
        try:
            body = urllib.request.urlopen(url, timeout=5).read().decode()  # noqa: S310
            break
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)
    for name in [
        "frontwatch_articles_consumed_total",
        'frontwatch_articles_dead_lettered_total{reason="too_large"}',
        'frontwatch_events_detected_total{type="deployment"}',
        "frontwatch_alerts_published_total{topic=",
        "frontwatch_processing_seconds_bucket",
        "frontwatch_build_info{",
        'frontwatch_alerts_total{status="new"}',
        "frontwatch_duplicates_suppressed_total",
        "frontwatch_subscriptions_active",
        "frontwatch_correlation_table_size",
    ]:
        assert name in body, name


def test_redelivered_article_is_alerted_once(worker, detector) -> None:  # type: ignore[no-untyped-def]
    settings = worker.settings
    article = read_article_file(SEEDS)[1].model_copy(update={"id": "sent-twice"})
    wanted = set(expected_events(detector, [article], settings))
    assert wanted
    asyncio.run(produce_articles(worker.bootstrap, settings.input_topic, [article, article]))
    deadline = time.monotonic() + 60
    ids: Counter[str] = Counter()
    while time.monotonic() < deadline:
        records = asyncio.run(collect(worker.bootstrap, settings.alerts_all_topic, timeout=2))
        ids = Counter(r.header("ce_id") for r in records if r.json_value()["article_id"] == "sent-twice")
        if sum(ids.values()) >= len(wanted):
            break
    time.sleep(3)  # give a second copy time to show up, if there were one
    records = asyncio.run(collect(worker.bootstrap, settings.alerts_all_topic, timeout=2))
    ids = Counter(r.header("ce_id") for r in records if r.json_value()["article_id"] == "sent-twice")
    assert set(ids) == wanted and all(n == 1 for n in ids.values()), worker.log_tail()
    # the seed article it copies came first: these are updates of the seed's events
    values = [r.json_value() for r in records]
    assert {v["alert_status"] for v in values if v["article_id"] == "sent-twice"} == {"update"}

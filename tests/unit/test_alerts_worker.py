"""The worker's correlation step without faust (stored bytes in, records and next state out) and the CLI's
subscription options."""

from __future__ import annotations

import datetime as dt

import pytest

from service.alerts.correlation import PlaceState, Report
from service.alerts.subscriptions import Subscription, SubscriptionRegistry
from service.app import ReportCorrelator
from service.cli import UsageError, build_parser, subscription_from_args
from service.config import Settings
from service.detect.model import Location, TerritorialControlEvent

SETTINGS = Settings(kafka_bootstrap="127.0.0.1:9092")
NOW = dt.datetime(2024, 10, 1, 9, tzinfo=dt.UTC)
VUHLEDAR = Location(name="Vuhledar", geonameid=690823, country="UA", latitude=47.78, longitude=37.25)


def report(article_id: str, outlet: str) -> bytes:
    event = TerritorialControlEvent(
        place="Vuhledar", country="UA", location=VUHLEDAR, background=False, evidence="Vuhledar fell.",
        evidence_start=0, evidence_end=14, confidence=0.7, gaining_actor="Russian forces",
    )
    value = Report(article_id=article_id, outlet=outlet, published_at=NOW, detected_at=NOW, event=event)
    return value.model_dump_json().encode()


def test_reports_become_records_and_state_bytes() -> None:
    new_only = Subscription(id="ua", topic="alerts.ua", countries=("UA",), updates=False)
    registry = SubscriptionRegistry([new_only])
    correlator = ReportCorrelator(SETTINGS, registry)
    result = correlator.handle(None, report("a1", "x"))
    assert result is not None
    outcome, records, state = result
    assert outcome.decision == "new" and state is not None
    assert [r.topic for r in records] == ["alerts.territorial-control", "alerts.all", "alerts.ua"]
    second = correlator.handle(state, report("a2", "y"))
    assert second is not None and second[0].decision == "update"
    assert [r.topic for r in second[1]] == ["alerts.territorial-control", "alerts.all"]  # new-only subscriber
    assert PlaceState.model_validate_json(second[2] or b"").events[0].source_count == 2
    duplicate = correlator.handle(second[2], report("a2", "y"))
    assert duplicate is not None and duplicate[0].decision == "duplicate"
    assert duplicate[1] == [] and duplicate[2] is None  # nothing published, state untouched
    assert correlator.handle(None, b"not a report") is None


def parse(*argv: str):  # type: ignore[no-untyped-def]
    return build_parser().parse_args(["subscribe", "add", *argv])


def test_subscribe_add_options_make_a_subscription() -> None:
    args = parse(
        "east", "--topic", "alerts.east", "--type", "deployment", "--country", "pl", "--country", "EE",
        "--bbox", "14,49,28.5,59.7", "--near", "54.7,25.3,300", "--actor", "US", "--min-confidence", "0.6",
        "--min-sources", "2", "--new-only",
    )
    subscription = subscription_from_args(args)
    assert subscription.countries == ("PL", "EE") and subscription.event_types == ("deployment",)
    assert subscription.bbox is not None and subscription.bbox.north == 59.7
    assert subscription.near is not None and subscription.near.radius_km == 300
    assert (subscription.min_confidence, subscription.min_sources, subscription.updates) == (0.6, 2, False)
    for bad in (["--bbox", "1,2,3"], ["--near", "a,b,c"], ["--country", "Poland"], ["--min-confidence", "2"]):
        with pytest.raises(UsageError):
            subscription_from_args(parse("x", "--topic", "t", *bad))

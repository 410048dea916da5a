"""Subscription filters, the registry fed by topic records, YAML loading, actor aliases and severity."""

from __future__ import annotations

from pathlib import Path

import pytest

from service.alerts.actors import canonical_actor
from service.alerts.severity import deployment_severity, territorial_severity
from service.alerts.subscriptions import (
    AlertView,
    Subscription,
    SubscriptionRegistry,
    haversine_km,
    load_subscriptions_file,
    parse_subscriptions,
    subscription_record,
)
from service.detect.model import Location

SEEDS = Path(__file__).resolve().parents[2] / "seeds" / "subscriptions.yaml"
KHARKIV = (49.99, 36.23)


def view(**kw) -> AlertView:  # type: ignore[no-untyped-def]
    fields = dict(
        type="territorial_control", status="new", country="UA", latitude=49.2, longitude=37.25,
        actors=("Ukrainian forces",), confidence=0.8, source_count=1,
    )
    fields.update(kw)
    return AlertView(**fields)


def sub(**kw) -> Subscription:  # type: ignore[no-untyped-def]
    return Subscription(id="s", topic="t", **kw)


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("IS", "islamic state"), ("ISIS", "islamic state"), ("ISIL fighters", "islamic state"),
        ("Daesh", "islamic state"), ("the Islamic State group's militants", "islamic state"),
        ("U.S.", "united states"), ("US troops", "united states"), ("United States", "united states"),
        ("American forces", "united states"), ("British troops", "united kingdom"),
        ("Russian forces", "russia"), ("Wagner Group mercenaries", "russia"),
        ("Ukraine's army", "ukraine"), ("militants", None), ("its troops", None), ("", None), (None, None),
        ("Syrian rebels", "syrian rebels"),
    ],
)
def test_actor_aliases(name: str | None, canonical: str | None) -> None:
    assert canonical_actor(name) == canonical


def test_government_forces_are_the_side_of_the_country_they_are_in() -> None:
    assert canonical_actor("government forces", "SY") == canonical_actor("Syrian troops") == "syria"
    assert canonical_actor("pro-government forces", "IQ") == "iraq"
    assert canonical_actor("government forces", "ML") == "government:ML"


def test_empty_subscription_matches_everything_and_each_filter_narrows() -> None:
    assert sub().matches(view())
    assert sub(event_types=("territorial_control",)).matches(view())
    assert not sub(event_types=("deployment",)).matches(view())
    assert sub(countries=("ua", "RU")).matches(view())
    assert not sub(countries=("SY",)).matches(view())
    assert not sub(countries=("UA",)).matches(view(country=None))
    assert sub(min_confidence=0.8).matches(view()) and not sub(min_confidence=0.81).matches(view())
    assert not sub(min_sources=2).matches(view()) and sub(min_sources=2).matches(view(source_count=2))
    assert not sub(updates=False).matches(view(status="update")) and sub(updates=False).matches(view())


def test_places_by_box_and_by_radius() -> None:
    assert 30 < haversine_km(*KHARKIV, 49.2, 37.25) < 130  # Izium from Kharkiv: about 120 km
    assert sub(near={"latitude": KHARKIV[0], "longitude": KHARKIV[1], "radius_km": 150}).matches(view())
    assert not sub(near={"latitude": KHARKIV[0], "longitude": KHARKIV[1], "radius_km": 50}).matches(view())
    box = {"west": 22.0, "south": 44.0, "east": 40.5, "north": 52.5}  # Ukraine
    assert sub(bbox=box).matches(view())
    assert not sub(bbox=box).matches(view(latitude=34.55, longitude=38.27))  # Palmyra
    assert not sub(bbox=box).matches(view(latitude=None, longitude=None))
    pacific = sub(bbox={"west": 170, "south": -20, "east": -170, "north": 0})
    assert pacific.matches(view(latitude=-10, longitude=179))
    assert pacific.matches(view(latitude=-10, longitude=-175))
    assert not pacific.matches(view(latitude=-10, longitude=0))


def test_actor_filter_matches_aliases_of_any_actor_of_the_event() -> None:
    isis = sub(actors=("Daesh",))
    assert isis.matches(view(actors=("Syrian troops", "IS fighters"), country="SY"))
    assert not isis.matches(view(actors=("Syrian troops",), country="SY"))
    assert sub(actors=("U.S.",)).matches(view(type="deployment", actors=("American troops",)))


def test_invalid_subscriptions_are_refused() -> None:
    for bad in (
        {"countries": ("Ukraine",)},
        {"min_confidence": 2},
        {"bbox": {"west": 0, "south": 10, "east": 1, "north": 0}},
        {"near": {"latitude": 0, "longitude": 0, "radius_km": 0}},
        {"colour": "red"},
    ):
        with pytest.raises(ValueError):
            sub(**bad)
    with pytest.raises(ValueError, match="duplicate"):
        parse_subscriptions({"subscriptions": [{"id": "a", "topic": "t"}, {"id": "a", "topic": "u"}]})


def test_registry_follows_topic_records_and_tombstones() -> None:
    registry = SubscriptionRegistry()
    ua = sub(countries=("UA",)).model_copy(update={"id": "ua", "topic": "alerts.ua"})
    key, value = subscription_record(ua)
    assert registry.apply(key, value) == ua and len(registry) == 1
    assert Subscription.model_validate_json(value) == ua
    assert [s.id for s in registry.matching(view())] == ["ua"]
    assert registry.matching(view(country="SY")) == []
    with pytest.raises(ValueError):
        registry.apply(b"other-id", value)
    with pytest.raises(ValueError):
        registry.apply(b"ua", b"{not json")
    assert len(registry) == 1
    assert registry.apply(b"ua", None) is None and len(registry) == 0
    registry.apply(b"never-there", None)
    assert registry.topics() == set()


def test_example_file_loads() -> None:
    subscriptions = load_subscriptions_file(SEEDS)
    assert len(subscriptions) >= 3
    assert {s.id for s in subscriptions} >= {"syria-desk", "ukraine-front"}


def test_severity_levels() -> None:
    city = Location(name="Kherson", geonameid=706448, country="UA", population=320_000)
    village = Location(name="Sil", geonameid=1, country="UA", population=2_000)
    oblast = Location(name="Luhansk Oblast", country="UA", feature="admin1")
    assert territorial_severity(city, full=True) == "high"
    assert territorial_severity(city, full=False) == "medium"
    assert territorial_severity(oblast, full=True) == "high"
    assert territorial_severity(village, full=True) == "medium"
    assert territorial_severity(village, full=False) == "low"
    assert territorial_severity(None, full=True) == "low"
    assert deployment_severity(1001) == "high" and deployment_severity(1000) == "medium"
    assert deployment_severity(None) == "medium" and deployment_severity(99) == "low"

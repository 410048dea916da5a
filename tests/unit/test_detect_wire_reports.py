"""Wire-report conventions the detector must see through: datelines, yardsticks, state names (own sentences)."""

from __future__ import annotations

import datetime as dt

import pytest

from service.detect import Detector
from service.detect.model import Article, TerritorialControlEvent


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector()


def control_news(
    detector: Detector, text: str, published: dt.date | None = None
) -> list[TerritorialControlEvent]:
    events = detector.detect(Article(id="t", text=text, published=published))
    return [e for e in events if isinstance(e, TerritorialControlEvent) and not e.background]


def test_a_dateline_with_its_date_is_neither_actor_nor_place(detector):
    text = (
        "KASSALA, Sudan, Nov 3 – The army said on Sunday it had retaken the town of Wad al-Haddad from the "
        "Rapid Support Forces."
    )
    events = control_news(detector, text, dt.date(2024, 11, 3))
    assert [e.place for e in events] == ["Wad al-Haddad"]
    assert events[0].gaining_actor == "The army"


def test_a_dateline_across_the_border_is_no_place_taken(detector):
    text = (
        "KORBOL, Chad, March 9 – Rebel fighters said on Saturday they had captured the army camp at Tine across "
        "the border in Sudan."
    )
    places = [e.place for e in control_news(detector, text, dt.date(2024, 3, 9))]
    assert "KORBOL" not in " ".join(places)


def test_a_superlative_since_a_past_year_does_not_date_the_fall(detector):
    text = (
        "The army on Monday admitted that the town of Laukkai had fallen to the rebels, days after they began "
        "their biggest offensive since the 2021 coup."
    )
    events = control_news(detector, text, dt.date(2024, 1, 8))
    assert [e.place for e in events] == ["Laukkai"]


def test_since_a_past_year_still_dates_a_holding(detector):
    text = "The rebels, who had held the town of Laukkai since 2009, lost it to the army in 2016."
    assert control_news(detector, text, dt.date(2024, 1, 8)) == []


def test_a_state_named_after_a_town_is_no_town_abroad(detector):
    text = (
        "Myanmar's junta said on Tuesday that the outpost of Hpa Kant Pa in northern Shan state had fallen to "
        "ethnic rebels."
    )
    events = control_news(detector, text, dt.date(2023, 11, 7))
    assert events and events[0].country == "MM"


def test_an_agency_alone_before_the_dash_is_no_actor(detector):
    text = (
        "(Reuters) — Yevgeny Prigozhin, the head of Russia's Wagner mercenary group, said on Saturday his "
        "fighters had taken full control of Bakhmut."
    )
    events = control_news(detector, text, dt.date(2023, 5, 21))
    assert [e.place for e in events] == ["Bakhmut"] and events[0].gaining_actor != "Reuters"

def test_a_town_left_surrounded_was_not_left(detector):
    text = "The rebels have cut most roads into Goma, leaving the city of a million people largely surrounded."
    events = detector.detect(Article(id="t", text=text, published=dt.date(2025, 1, 20)))
    assert events == []


def test_we_in_a_spokesmans_quote_is_the_side_he_speaks_for(detector):
    text = (
        "Ethiopian troops took control of the town of Beledweyne on Saturday. \"We have taken over the town "
        "without firing a shot,\" said Col. Tesfaye Alemu, an Ethiopian military spokesman."
    )
    events = control_news(detector, text, dt.date(2011, 12, 31))
    assert [(e.place, e.gaining_actor) for e in events] == [("Beledweyne", "Ethiopian troops")]


"""Correlation rules on plain sequences of reports: new, update, duplicate, contradiction, window, state."""

from __future__ import annotations

import datetime as dt

from service.alerts.correlation import (
    MAX_EVENTS_PER_KEY,
    PlaceState,
    Report,
    correlate,
    corroborated_confidence,
)
from service.detect.model import DeploymentEvent, Location, TerritorialControlEvent

DAY = dt.timedelta(days=1)
T0 = dt.datetime(2023, 1, 12, 9, 0, tzinfo=dt.UTC)
SOLEDAR = Location(
    name="Soledar", geonameid=699035, country="UA", latitude=48.68, longitude=38.09, population=10_000
)


def capture(  # type: ignore[no-untyped-def]
    gaining: str | None = "Russian forces", losing: str | None = "Ukrainian troops", **kw
) -> TerritorialControlEvent:
    fields = dict(
        place="Soledar", country="UA", location=SOLEDAR, background=False, evidence="Soledar fell.",
        evidence_start=0, evidence_end=13, confidence=0.8, gaining_actor=gaining, losing_actor=losing,
    )
    fields.update(kw)
    return TerritorialControlEvent(**fields)


def report(  # type: ignore[no-untyped-def]
    article: str, event, outlet: str | None = None, at: dt.datetime = T0
) -> Report:
    return Report(
        article_id=article, url=f"https://{outlet or article}.example/{article}", outlet=outlet,
        published_at=at, detected_at=at + dt.timedelta(minutes=5), event=event,
    )


def run(reports):  # type: ignore[no-untyped-def]
    state, outcomes = None, []
    for r in reports:
        outcome = correlate(state, r)
        state = outcome.state
        outcomes.append(outcome)
    return outcomes


def test_five_outlets_make_one_event_with_growing_sources_and_confidence() -> None:
    outcomes = run(
        report(f"a{i}", capture(), outlet=f"outlet-{i}", at=T0 + i * dt.timedelta(hours=6))
        for i in range(5)
    )
    assert [o.decision for o in outcomes] == ["new", "update", "update", "update", "update"]
    assert [o.alert_status for o in outcomes] == ["new", "update", "update", "update", "update"]
    assert len({o.event.event_id for o in outcomes}) == 1
    last = outcomes[-1].event
    assert last.source_count == 5 and [s.article_id for s in last.sources] == [f"a{i}" for i in range(5)]
    assert {s.outlet for s in last.sources} == {f"outlet-{i}" for i in range(5)}
    assert (last.first_seen, last.last_seen) == (T0, T0 + 24 * dt.timedelta(hours=1))
    confidences = [o.event.confidence for o in outcomes]
    assert confidences[0] == 0.8 and all(b > a for a, b in zip(confidences, confidences[1:]))
    assert len(outcomes[-1].state.events) == 1


def test_event_id_is_the_same_whatever_worker_computes_it() -> None:
    first = correlate(None, report("a1", capture()))
    again = correlate(PlaceState(), report("a1", capture()))
    assert first.event.event_id == again.event.event_id
    assert first.event.event_id != correlate(None, report("a2", capture())).event.event_id


def test_one_outlet_repeating_itself_does_not_corroborate() -> None:
    outcomes = run([report("a1", capture(), outlet="wire"), report("a2", capture(), outlet="wire")])
    assert outcomes[1].decision == "update"
    assert outcomes[1].event.source_count == 2
    assert outcomes[1].event.confidence == outcomes[0].event.confidence == 0.8
    assert corroborated_confidence({"a": 0.8, "b": 0.5}) == 0.9


def test_the_same_article_twice_is_a_duplicate_and_changes_nothing() -> None:
    first, second = run([report("a1", capture()), report("a1", capture())])
    assert second.decision == "duplicate" and second.alert_status is None and second.event is None
    assert second.state == first.state
    # a second sentence of the same article about the same capture is no new report either
    third = correlate(first.state, report("a1", capture(evidence_start=40, evidence_end=60)))
    assert third.decision == "duplicate"


def test_recapture_by_the_other_side_is_a_new_event_naming_the_one_it_reverses() -> None:
    taken, retaken = run(
        [
            report("a1", capture()),
            report("a2", capture("Ukrainian forces", "Russian troops"), at=T0 + DAY),
        ]
    )
    assert retaken.decision == "contradiction" and retaken.alert_status == "new"
    assert retaken.event.event_id != taken.event.event_id
    assert retaken.event.contradicts == taken.event.event_id
    assert len(retaken.state.events) == 2
    # a later Ukrainian report joins the recapture, a later Russian one the capture
    ua = correlate(retaken.state, report("a3", capture("Ukraine's army", None), at=T0 + 2 * DAY))
    assert ua.decision == "update" and ua.event.event_id == retaken.event.event_id
    ru = correlate(ua.state, report("a4", capture("Wagner group", None), at=T0 + 2 * DAY))
    assert ru.decision == "update" and ru.event.event_id == taken.event.event_id


def test_a_loser_who_was_the_gainer_contradicts_even_without_a_gainer() -> None:
    taken, lost = run([report("a1", capture()), report("a2", capture(None, "Russia"), at=T0 + DAY)])
    assert lost.decision == "contradiction"


def test_unknown_sides_join_and_aliases_are_one_side() -> None:
    outcomes = run(
        [
            report("a1", capture("militants", None)),
            report("a2", capture("Islamic State fighters", None), at=T0 + DAY),
            report("a3", capture("ISIL", None), at=T0 + DAY),
            report("a4", capture("Daesh", "government forces"), at=T0 + 2 * DAY),
        ]
    )
    assert [o.decision for o in outcomes] == ["new", "update", "update", "update"]
    assert outcomes[-1].event.side == "islamic state"
    assert set(outcomes[-1].event.actors) >= {"militants", "Islamic State fighters", "ISIL", "Daesh"}


def test_reports_outside_the_window_open_a_new_event() -> None:
    first, late = run([report("a1", capture()), report("a2", capture(), at=T0 + 4 * DAY)])
    assert late.decision == "new" and late.event.event_id != first.event.event_id
    within = correlate(first.state, report("a3", capture(), at=T0 + 2 * DAY))
    assert within.decision == "update"
    narrow = correlate(first.state, report("a3", capture(), at=T0 + 2 * DAY), window=dt.timedelta(hours=24))
    assert narrow.decision == "new"


def test_the_event_date_decides_the_window_before_the_publication_time() -> None:
    event = capture(event_date=dt.date(2023, 1, 11))
    first = correlate(None, report("a1", event))
    # published six days later, but about the same day's capture
    retro = correlate(first.state, report("a2", event, at=T0 + 6 * DAY))
    assert retro.decision == "update"
    assert retro.event.last_seen == T0 + 6 * DAY


def test_deployments_join_by_actor_and_direction_and_keep_the_largest_size() -> None:
    def deploy(actor: str, size: int | None, direction: str = "deploy") -> DeploymentEvent:
        return DeploymentEvent(
            actor=actor, destination="Estonia", country="EE", background=False, evidence="x",
            evidence_start=0, evidence_end=1, confidence=0.7, size=size, direction=direction,
        )

    outcomes = run(
        [
            report("d1", deploy("British troops", 800)),
            report("d2", deploy("UK", 1200), outlet="bbc"),
            report("d3", deploy("the U.S.", 300), outlet="ap"),
            report("d4", deploy("Britain", 800, "withdraw"), outlet="ft"),
        ]
    )
    assert [o.decision for o in outcomes] == ["new", "update", "new", "new"]
    assert outcomes[1].event.max_size == 1200 and outcomes[1].event.severity == "high"
    assert outcomes[0].event.severity == "medium"


def test_state_round_trips_through_json_and_stays_bounded() -> None:
    state = None
    for i in range(MAX_EVENTS_PER_KEY + 5):
        outcome = correlate(state, report(f"a{i}", capture(), at=T0 + i * 4 * DAY))
        assert outcome.decision == "new"
        state = PlaceState.model_validate_json(outcome.state.model_dump_json())
        assert state == outcome.state
    assert len(state.events) <= MAX_EVENTS_PER_KEY
    # only events within three windows of the newest are kept
    assert len(state.events) == 3


def test_lifecycle_fields_fit_the_alert_model() -> None:
    from service.messages import build_alert

    outcome = run([report("a1", capture(), outlet="x"), report("a2", capture(), outlet="y")])[-1]
    lifecycle = outcome.event.lifecycle(outcome.alert_status)
    alert = build_alert(
        article_id="a2", url=None, source="y", event=capture(), detected_at=T0, lifecycle=lifecycle
    )
    assert alert.alert_status == "update" and alert.source_count == 2
    assert alert.confidence == outcome.event.confidence > alert.report_confidence == 0.8
    assert [s.article_id for s in alert.sources] == ["a1", "a2"]

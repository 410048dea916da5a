"""Stream and offline detector agree: the dev set through Kafka gives the events `frontwatch detect` gives.

Correlation publishes one alert per report of a real-world event, so an article that states the same event
twice (same place, same side) is alerted once: every streamed alert carries one of its article's offline
events, and every (article, type, place) the detector reports is alerted.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections import Counter
from pathlib import Path

import pytest

from service.kafka_io import group_lag
from service.messages import ALERT_FIELDS, normalise_place

pytestmark = [pytest.mark.broker, pytest.mark.slow]


def _canonical(event: dict) -> str:  # type: ignore[type-arg]
    return json.dumps(event, sort_keys=True)


def _place(article_id: str, event: dict) -> tuple[str, str, str]:  # type: ignore[type-arg]
    """(article, type, place key): what correlation never merges away within one article."""
    location = event.get("location") or {}
    place = event.get("place") if event["type"] == "territorial_control" else event.get("destination")
    key = f"geonames:{location['geonameid']}" if location.get("geonameid") else normalise_place(place)
    return article_id, event["type"], key


def test_dev_set_through_the_stream_matches_frontwatch_detect(
    shared_eval: Path, worker, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    dev = shared_eval / "dev.jsonl"
    predictions = tmp_path / "pred.jsonl"
    detected = worker.cli("detect", "--input", str(dev), "--output", str(predictions))
    assert detected.returncode == 0, detected.stderr
    offline: Counter[str] = Counter()
    offline_places: set[tuple[str, str, str]] = set()
    lines = predictions.read_text(encoding="utf-8").splitlines()
    assert len(lines) == sum(1 for line in dev.read_text(encoding="utf-8").splitlines() if line.strip())
    for line in lines:
        row = json.loads(line)
        for event in row["events"]:
            if worker.settings.publish_background or not event["background"]:
                offline[_canonical({"article_id": row["id"], **event})] += 1
                offline_places.add(_place(row["id"], event))
    assert offline, "the detector should report events on the dev set"

    produced = worker.cli("produce", str(dev))
    assert produced.returncode == 0, produced.stderr
    settings = worker.settings
    deadline = time.monotonic() + 150
    while time.monotonic() < deadline:  # both stages done: articles read, their reports correlated
        lags = [
            asyncio.run(group_lag(worker.bootstrap, settings.app_id, topic))
            for topic in (settings.input_topic, settings.reports_topic)
        ]
        if lags == [0, 0]:
            break
        worker.assert_alive()
        time.sleep(1)
    tailed = worker.cli("tail", settings.alerts_all_topic, "--timeout", "5", timeout=60)
    assert tailed.returncode == 0, tailed.stderr

    streamed: Counter[str] = Counter()
    streamed_places: set[tuple[str, str, str]] = set()
    for line in tailed.stdout.splitlines():
        value = json.loads(line)["value"]
        event = {k: v for k, v in value.items() if k not in ALERT_FIELDS}
        event["confidence"] = value["report_confidence"]  # `confidence` is the corroborated event's
        streamed[_canonical({"article_id": value["article_id"], **event})] += 1
        streamed_places.add(_place(value["article_id"], event))
    assert streamed_places == offline_places, worker.log_tail()
    assert not streamed - offline, "every alert carries an event the detector reported for its article"
    assert sum(streamed.values()) <= sum(offline.values())

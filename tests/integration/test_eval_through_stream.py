"""Stream and offline detector agree: the dev set through Kafka gives the events `frontwatch detect` gives.

Correlation publishes one alert per report of a real-world event, so an article that states the same event
twice (same place, same side) is alerted once: every streamed alert carries one of its article's offline
events, and every (article, type, place) the detector reports is alerted.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
import urllib.request
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


def _consumed(settings) -> float:  # type: ignore[no-untyped-def]
    url = f"http://{settings.metrics_host}:{settings.metrics_port}/metrics"
    try:
        body = urllib.request.urlopen(url, timeout=5).read().decode()  # noqa: S310
    except OSError:
        return 0.0
    found = re.search(r"^frontwatch_articles_consumed_total (\S+)$", body, re.MULTILINE)
    return float(found.group(1)) if found else 0.0


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
    # Both stages done: every article read (counted by the worker: Tansu's end offsets undercount batches
    # of several records, as `frontwatch produce` sends), then every report correlated.
    deadline = time.monotonic() + 150
    while time.monotonic() < deadline:
        if _consumed(settings) >= len(lines) and (
            asyncio.run(group_lag(worker.bootstrap, settings.app_id, settings.reports_topic)) == 0
        ):
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

"""Stream and offline detector agree: the dev set through Kafka gives the events `frontwatch detect` gives."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from service.messages import ALERT_FIELDS

pytestmark = [pytest.mark.broker, pytest.mark.slow]


def _canonical(event: dict) -> str:  # type: ignore[type-arg]
    return json.dumps(event, sort_keys=True)


def test_dev_set_through_the_stream_matches_frontwatch_detect(
    shared_eval: Path, worker, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    dev = shared_eval / "dev.jsonl"
    predictions = tmp_path / "pred.jsonl"
    detected = worker.cli("detect", "--input", str(dev), "--output", str(predictions))
    assert detected.returncode == 0, detected.stderr
    offline: Counter[str] = Counter()
    lines = predictions.read_text(encoding="utf-8").splitlines()
    assert len(lines) == sum(1 for line in dev.read_text(encoding="utf-8").splitlines() if line.strip())
    for line in lines:
        row = json.loads(line)
        for event in row["events"]:
            if worker.settings.publish_background or not event["background"]:
                offline[_canonical({"article_id": row["id"], **event})] += 1
    assert offline, "the detector should report events on the dev set"

    produced = worker.cli("produce", str(dev))
    assert produced.returncode == 0, produced.stderr
    tailed = worker.cli(
        "tail",
        worker.settings.alerts_all_topic,
        "--max",
        str(sum(offline.values())),
        "--timeout",
        "150",
        timeout=200,
    )
    assert tailed.returncode == 0, tailed.stderr
    worker.assert_alive()

    streamed: Counter[str] = Counter()
    for line in tailed.stdout.splitlines():
        value = json.loads(line)["value"]
        event = {k: v for k, v in value.items() if k not in ALERT_FIELDS}
        streamed[_canonical({"article_id": value["article_id"], **event})] += 1
    assert streamed == offline, worker.log_tail()

"""The alert lifecycle on a real broker: one event from five outlets, duplicates, subscriptions, restarts.

One worker for the module, its correlation state growing from test to test (they run in file order): five
reports of Vuhledar's capture, a redelivered one, a Syrian event, a subscription added at run time, and a
restart while a sixth report waits.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from service.kafka_io import Record, collect, produce_articles
from service.messages import ArticleMessage

pytestmark = pytest.mark.broker

VUHLEDAR_KEY = b"territorial_control:geonames:690823"
PALMYRA_KEY = b"territorial_control:geonames:163808"
CAPTURE = {
    "cap-1": (
        "Kyiv Independent",
        "Russian forces captured the town of Vuhledar in Donetsk Oblast, Ukraine's military said, after "
        "months of heavy fighting around the town."
    ),
    "cap-2": (
        "Reuters",
        "Russia's defence ministry said its troops had taken full control of Vuhledar, a mining town in "
        "eastern Ukraine."
    ),
    "cap-3": (
        "BBC",
        "Russian troops captured the town of Vuhledar, officials in Kyiv confirmed. The town had been "
        "reduced to ruins by two years of shelling."
    ),
    "cap-4": (
        "Al Jazeera",
        "Russian troops seized the eastern Ukrainian town of Vuhledar, the Ukrainian army said, after a "
        "long siege."
    ),
    "cap-5": (
        "AP",
        "Russian forces captured Vuhledar, Ukrainian commanders acknowledged, ending a battle for the "
        "hilltop town that had lasted two years."
    ),
    "cap-6": (
        "Le Monde",
        "Russian forces took control of Vuhledar, Ukraine's general staff said, after a siege of more "
        "than two years."
    ),
}
PALMYRA = {
    "syr-1": (
        "SANA",
        "Syrian government forces recaptured the ancient city of Palmyra from Islamic State militants, "
        "the army said, after three weeks of fighting backed by Russian air strikes."
    ),
    "syr-2": (
        "Reuters",
        "The Syrian army retook Palmyra from Islamic State fighters, a monitoring group said, a major "
        "setback for the jihadists."
    ),
}


def article(article_id: str) -> ArticleMessage:
    outlet, text = {**CAPTURE, **PALMYRA}[article_id]
    number = int(article_id[-1])
    day = "2024-10-01" if article_id in CAPTURE else "2016-03-27"
    published = f"{day}T{8 + number:02d}:00:00Z"
    return ArticleMessage(
        id=article_id,
        text=text,
        source=outlet,
        url=f"https://{outlet.lower().replace(' ', '')}.example/{article_id}",
        published_at=published,
    )


@pytest.fixture(scope="module")
def topics() -> dict[str, str]:
    run = uuid.uuid4().hex[:8]
    return {"ua": f"t-{run}.sub.ukraine", "sy": f"t-{run}.sub.syria"}


@pytest.fixture(scope="module")
def worker(  # type: ignore[no-untyped-def]
    kafka_bootstrap: str, tmp_path_factory: pytest.TempPathFactory, topics: dict[str, str]
):
    """A worker whose subscriptions file holds one subscriber, Ukraine only."""
    from tests.conftest import WorkerProcess

    workdir = tmp_path_factory.mktemp("lifecycle")
    seed = workdir / "subscriptions.yaml"
    seed.write_text(
        yaml.safe_dump({"subscriptions": [{"id": "ukraine", "topic": topics["ua"], "countries": ["UA"]}]})
    )
    process = WorkerProcess(kafka_bootstrap, workdir, {"FRONTWATCH_SUBSCRIPTIONS_FILE": str(seed)}).start()
    try:
        yield process
    finally:
        process.stop()


def send(worker, *ids: str) -> None:  # type: ignore[no-untyped-def]
    asyncio.run(produce_articles(worker.bootstrap, worker.settings.input_topic, [article(i) for i in ids]))


def wait_for(  # type: ignore[no-untyped-def]
    worker, topic: str, done: Callable[[list[Record]], bool], timeout: float = 90
) -> list[Record]:
    """All records of `topic`, read again until `done` holds for them or `timeout` passes."""
    deadline = time.monotonic() + timeout
    while True:
        records = asyncio.run(collect(worker.bootstrap, topic, timeout=1.5))
        if done(records) or time.monotonic() > deadline:
            return records
        worker.assert_alive()


def values(records: list[Record], key: bytes | None = None) -> list[dict[str, Any]]:
    return [r.json_value() for r in records if key is None or r.key == key]


def metric(worker, sample: str) -> float:  # type: ignore[no-untyped-def]
    """The value of one sample (`name` or `name{label="value"}`); -1 while endpoint or sample are absent."""
    url = f"http://{worker.settings.metrics_host}:{worker.settings.metrics_port}/metrics"
    try:
        body = urllib.request.urlopen(url, timeout=5).read().decode()  # noqa: S310
    except OSError:
        return -1.0
    found = re.search(rf"^{re.escape(sample)} (\S+)$", body, re.MULTILINE)
    return float(found.group(1)) if found else -1.0


def wait_metric(  # type: ignore[no-untyped-def]
    worker, name: str, predicate: Callable[[float], bool], timeout: float = 60
) -> float:
    deadline = time.monotonic() + timeout
    while True:
        value = metric(worker, name)
        if predicate(value) or time.monotonic() > deadline:
            return value
        time.sleep(0.5)


def test_five_outlets_reporting_one_capture_make_one_new_and_four_updates(worker) -> None:  # type: ignore[no-untyped-def]
    send(worker, "cap-1", "cap-2", "cap-3", "cap-4", "cap-5")
    topic = worker.settings.alerts_all_topic
    records = wait_for(worker, topic, lambda rs: len(values(rs, VUHLEDAR_KEY)) >= 5)
    alerts = sorted(values(records, VUHLEDAR_KEY), key=lambda a: a["source_count"])
    statuses = [a["alert_status"] for a in alerts]
    assert statuses == ["new", "update", "update", "update", "update"], worker.log_tail()
    assert len({a["event_id"] for a in alerts}) == 1
    assert len({a["alert_id"] for a in alerts}) == 5
    assert [a["source_count"] for a in alerts] == [1, 2, 3, 4, 5]
    last = alerts[-1]
    assert {s["article_id"] for s in last["sources"]} == {f"cap-{i}" for i in range(1, 6)}
    assert {s["outlet"] for s in last["sources"]} == {CAPTURE[f"cap-{i}"][0] for i in range(1, 6)}
    assert all(s["url"] for s in last["sources"])
    assert last["first_seen"] < last["last_seen"]
    confidences = [a["confidence"] for a in alerts]
    assert confidences == sorted(confidences) and confidences[-1] > confidences[0]
    assert {a["severity"] for a in alerts} == {"medium"}  # a small town, fully taken
    typed = wait_for(worker, worker.settings.alerts_territorial_control_topic, lambda rs: len(rs) >= 5)
    assert sorted(a["source_count"] for a in values(typed, VUHLEDAR_KEY)) == [1, 2, 3, 4, 5]


def test_a_redelivered_article_publishes_nothing(worker) -> None:  # type: ignore[no-untyped-def]
    before = metric(worker, "frontwatch_duplicates_suppressed_total")
    send(worker, "cap-3")
    after = wait_metric(worker, "frontwatch_duplicates_suppressed_total", lambda v: v > before)
    assert after == before + 1, worker.log_tail()
    records = asyncio.run(collect(worker.bootstrap, worker.settings.alerts_all_topic, timeout=2))
    assert len(values(records, VUHLEDAR_KEY)) == 5


def test_a_subscriber_on_ukraine_receives_only_ukrainian_events(worker, topics) -> None:  # type: ignore[no-untyped-def]
    send(worker, "syr-1")
    everything = wait_for(worker, worker.settings.alerts_all_topic, lambda rs: bool(values(rs, PALMYRA_KEY)))
    assert [a["alert_status"] for a in values(everything, PALMYRA_KEY)] == ["new"]
    ukraine = asyncio.run(collect(worker.bootstrap, topics["ua"], timeout=3))
    assert len(ukraine) == 5
    assert {a["country"] for a in values(ukraine)} == {"UA"}
    assert {r.key for r in ukraine} == {VUHLEDAR_KEY}
    assert {r.header("ce_type") for r in ukraine} == {"org.frontwatch.alert.territorial_control"}
    assert metric(worker, "frontwatch_subscriptions_active") == 1


def test_a_subscription_added_at_run_time_takes_effect_without_restart(worker, topics) -> None:  # type: ignore[no-untyped-def]
    added = worker.cli(
        "subscribe", "add", "syria", "--topic", topics["sy"], "--country", "SY", "--actor", "ISIS"
    )
    assert added.returncode == 0, added.stderr
    assert wait_metric(worker, "frontwatch_subscriptions_active", lambda v: v == 2) == 2, worker.log_tail()
    listed = worker.cli("subscribe", "list")
    assert listed.returncode == 0, listed.stderr
    assert sorted(json.loads(line)["id"] for line in listed.stdout.splitlines()) == ["syria", "ukraine"]

    send(worker, "syr-2")
    syria = wait_for(worker, topics["sy"], lambda rs: len(rs) >= 1)
    got = [(a["article_id"], a["alert_status"], a["source_count"]) for a in values(syria)]
    assert got == [("syr-2", "update", 2)]  # an update: the subscription is routing, not correlating
    ukraine = asyncio.run(collect(worker.bootstrap, topics["ua"], timeout=2))
    assert len(ukraine) == 5  # still nothing Syrian there

    removed = worker.cli("subscribe", "remove", "syria")
    assert removed.returncode == 0, removed.stderr
    assert wait_metric(worker, "frontwatch_subscriptions_active", lambda v: v == 1) == 1


def test_after_a_restart_mid_stream_correlation_goes_on(worker) -> None:  # type: ignore[no-untyped-def]
    topic = worker.settings.alerts_all_topic
    before = values(asyncio.run(collect(worker.bootstrap, topic, timeout=2)), VUHLEDAR_KEY)
    [event_id] = {a["event_id"] for a in before}
    # SIGTERM (killed if it does not stop within 20 s: continuity must not depend on a clean stop)
    assert worker.stop() is not None
    send(worker, "cap-1")  # a report already counted arrives while no worker runs
    worker.start()
    assert wait_metric(worker, "frontwatch_ready", lambda v: v == 1) == 1, worker.log_tail()
    send(worker, "cap-6")  # a new outlet, once the worker is back
    records = wait_for(worker, topic, lambda rs: len(values(rs, VUHLEDAR_KEY)) >= 6)
    after = values(records, VUHLEDAR_KEY)
    assert len(after) == 6, worker.log_tail()
    sixth = after[-1]
    assert (sixth["article_id"], sixth["alert_status"], sixth["event_id"]) == ("cap-6", "update", event_id)
    assert sixth["source_count"] == 6
    # cap-1 again, and whatever the stopped worker had not committed: suppressed, not published
    assert wait_metric(worker, "frontwatch_duplicates_suppressed_total", lambda v: v >= 1) >= 1
    assert metric(worker, 'frontwatch_alerts_total{status="new"}') == 0  # this process opened no event
    assert metric(worker, 'frontwatch_alerts_total{status="update"}') >= 1
    assert metric(worker, "frontwatch_correlation_table_size") >= 1
    time.sleep(2)
    again = asyncio.run(collect(worker.bootstrap, topic, timeout=2))
    assert len(values(again, VUHLEDAR_KEY)) == 6

"""Producer errors under a real `frontwatch run` on Tansu: retried with backoff, counted, nothing lost.

The worker reaches its own Tansu through `ProduceFaultProxy` (the broker advertises the proxy's port), which
answers produce requests for chosen topics with NOT_LEADER_OR_FOLLOWER, or answers them late, while every
other topic of the same request is written normally. Tansu auto-creates topics and accepts writes to a
deleted one, so deleting a topic would not make it unavailable; the proxy does.
"""

from __future__ import annotations

import asyncio
import re
import time
import urllib.request
from pathlib import Path

import pytest
import yaml

from service.broker import EmbeddedBroker, free_port
from service.kafka_io import collect, produce_articles, read_article_file
from tests.conftest import WorkerProcess
from tests.robustness.produce_fault_proxy import ProduceFaultProxy
from tests.robustness.test_faults import (
    FAST,
    SEEDS,
    _assert_duplicates_keep_their_ids,
    _wait_alerts,
    _wait_ready,
    expected_alert_ids,
)

pytestmark = pytest.mark.broker

RETRY_FAST = {
    "FRONTWATCH_PRODUCER_REQUEST_TIMEOUT_S": "2",
    "FRONTWATCH_PUBLISH_RETRY_INITIAL_BACKOFF_S": "0.2",
    "FRONTWATCH_PUBLISH_RETRY_MAX_BACKOFF_S": "1",
    "FRONTWATCH_SUBSCRIBER_PUBLISH_ATTEMPTS": "3",
}


def _metrics(worker: WorkerProcess) -> str:
    url = f"http://127.0.0.1:{worker.env['FRONTWATCH_METRICS_PORT']}/metrics"
    with urllib.request.urlopen(url, timeout=5) as resp:  # noqa: S310 - loopback
        return str(resp.read().decode())


def _sum(body: str, name: str, **labels: str) -> float:
    """Sum of the samples of `name` whose labels include `labels`."""
    total = 0.0
    for line in body.splitlines():
        sample = re.match(rf"^{re.escape(name)}(\{{[^}}]*\}})? (\S+)$", line)
        if sample and all(f'{k}="{v}"' in (sample.group(1) or "") for k, v in labels.items()):
            total += float(sample.group(2))
    return total


def _wait_metric(worker: WorkerProcess, name: str, at_least: float, timeout: float, **labels: str) -> str:
    deadline = time.monotonic() + timeout
    while True:
        worker.assert_alive()
        body = _metrics(worker)
        if _sum(body, name, **labels) >= at_least:
            return body
        assert time.monotonic() < deadline, f"{name}{labels} < {at_least} after {timeout:.0f} s\n{worker.log_tail()}"
        time.sleep(0.3)


def test_unavailable_and_slow_alert_topics_lose_nothing(tmp_path: Path, detector) -> None:  # type: ignore[no-untyped-def]
    seeds = read_article_file(SEEDS)
    proxy_port = free_port()
    broker = EmbeddedBroker(log_path=tmp_path / "tansu.log", advertised_port=proxy_port)
    proxy = ProduceFaultProxy(broker.port, proxy_port).start()
    broker.start()
    subscriptions = tmp_path / "subscriptions.yaml"
    worker = WorkerProcess(
        broker.bootstrap, tmp_path, {**FAST, **RETRY_FAST, "FRONTWATCH_SUBSCRIPTIONS_FILE": str(subscriptions)}
    )
    settings = worker.settings
    broken = f"{settings.alerts_all_topic}.broken-subscriber"
    subscriptions.write_text(yaml.safe_dump({"subscriptions": [{"id": "everything", "topic": broken}]}))
    outage = [a.model_copy(update={"id": f"{a.id}#outage"}) for a in seeds]
    slow = [a.model_copy(update={"id": f"{a.id}#slow"}) for a in seeds]
    try:
        worker.start()
        _wait_ready(worker, 200, timeout=60)

        # 1. the all-alerts topic refuses every write, and the subscriber's topic never takes one
        proxy.failing |= {settings.alerts_all_topic, broken}
        asyncio.run(produce_articles(broker.bootstrap, settings.input_topic, outage))
        wanted = expected_alert_ids(detector, outage, settings)
        _wait_metric(worker, "frontwatch_publish_retries_total", 3, 60, topic=settings.alerts_all_topic)
        during = _metrics(worker)
        assert _sum(during, "frontwatch_publish_retrying") == 1
        time.sleep(4)  # an outage of several request timeouts
        held = asyncio.run(collect(broker.bootstrap, settings.alerts_all_topic, timeout=1.0))
        assert held == [], "nothing reaches a topic that refuses writes"
        proxy.failing.discard(settings.alerts_all_topic)
        records = _wait_alerts(worker, wanted, timeout=90)
        _assert_duplicates_keep_their_ids(records, wanted)
        by_type = {
            topic: {r.header("ce_id") for r in asyncio.run(collect(broker.bootstrap, topic, timeout=1.0))}
            for topic in (settings.alerts_territorial_control_topic, settings.alerts_deployment_topic)
        }
        assert set().union(*by_type.values()) == wanted, "the typed topics got every alert too"

        # the broken subscriber's alerts are on the dead-letter topic, whole, with where they were meant to go
        body = _wait_metric(worker, "frontwatch_alerts_undeliverable_total", len(wanted), 60, topic=broken)
        letters = asyncio.run(collect(broker.bootstrap, settings.dlq_topic, timeout=1.5))
        undeliverable = [r for r in letters if r.header("dlq_reason") == "undeliverable"]
        assert {r.header("ce_id") for r in undeliverable} == wanted
        assert {r.header("dlq_target_topic") for r in undeliverable} == {broken}
        assert all(r.json_value()["alert_id"] == r.header("ce_id") for r in undeliverable)
        assert _sum(body, "frontwatch_publish_errors_total", topic=settings.alerts_all_topic) >= 3

        # 2. the all-alerts topic answers later than the producer waits: timeouts, retries, duplicates
        # at most, each with its alert_id
        retries_before = _sum(body, "frontwatch_publish_retries_total", topic=settings.alerts_all_topic)
        proxy.slow[settings.alerts_all_topic] = 3.0
        asyncio.run(produce_articles(broker.bootstrap, settings.input_topic, slow))
        wanted_slow = expected_alert_ids(detector, slow, settings)
        _wait_metric(
            worker, "frontwatch_publish_retries_total", retries_before + 1, 60, topic=settings.alerts_all_topic
        )
        proxy.slow.clear()
        _wait_alerts(worker, wanted | wanted_slow, timeout=90)
        _wait_metric(worker, "frontwatch_alerts_undeliverable_total", len(wanted | wanted_slow), 60, topic=broken)
        time.sleep(2)
        records = asyncio.run(collect(broker.bootstrap, settings.alerts_all_topic, timeout=2))
        ids = _assert_duplicates_keep_their_ids(records, wanted | wanted_slow)
        final = _metrics(worker)
        assert _sum(final, "frontwatch_publish_retrying") == 0
        assert worker.process is not None and worker.process.poll() is None, "never restarted"
    finally:
        stopped = worker.stop()
        broker.stop()
        proxy.stop()
    print(
        f"outage: {len(wanted)} alerts held, then all delivered; slow: {len(wanted_slow)} alerts, "
        f"{sum(n - 1 for n in ids.values())} delivered twice with the same id; proxy failed "
        f"{proxy.failed_requests} produce requests and delayed {proxy.delayed_requests}; "
        f"retries {_sum(final, 'frontwatch_publish_retries_total'):.0f}, "
        f"undeliverable {_sum(final, 'frontwatch_alerts_undeliverable_total'):.0f}"
    )
    assert stopped == 0, worker.log_tail()

"""Faults under a real `frontwatch run` on Tansu, loopback only: nothing lost.

- SIGKILL of the worker while articles are still being produced, then a restart: every alert the detector
  (run in-process on the same articles) says the stream owes arrives, and an alert that arrives twice has the
  same `alert_id` and content both times.
- The broker stopped and started again under a running worker (on its own Tansu, so the session's broker
  is untouched): /readyz turns 503 while the broker is away and 200 again after, and the same worker
  process, never restarted, alerts the articles produced after the broker came back. Tansu keeps data in
  memory only, so the restarted broker is empty: the topics are created again, as the fixture does.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import signal
import threading
import time
import urllib.error
import urllib.request
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

import pytest

from service.alerts.correlation import Report, correlate
from service.broker import EmbeddedBroker, ensure_service_topics, free_port
from service.config import Settings
from service.kafka_io import Record, collect, produce_articles, read_article_file
from service.messages import ArticleMessage
from service.routing import report_messages
from tests.conftest import WorkerProcess

pytestmark = pytest.mark.broker

SEEDS = Path(__file__).resolve().parents[2] / "seeds" / "articles.jsonl"
FAST = {  # Tansu completes a group's first join after half the session timeout: keep the test short
    "FRONTWATCH_SESSION_TIMEOUT_S": "6",
    "FRONTWATCH_HEARTBEAT_INTERVAL_S": "1",
    "FRONTWATCH_REBALANCE_TIMEOUT_S": "3",
    "FRONTWATCH_LAG_INTERVAL_S": "1",
}


def _worker(bootstrap: str, workdir: Path) -> WorkerProcess:
    worker = WorkerProcess(bootstrap, workdir)
    worker.env.update(FAST)
    return worker


def _get(port: int, path: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=2) as resp:
            return resp.status, resp.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def _readiness(worker: WorkerProcess) -> tuple[int, dict[str, object]]:
    try:
        status, body = _get(int(worker.env["FRONTWATCH_METRICS_PORT"]), "/readyz")
    except OSError:
        return 0, {"status": "not listening"}
    return status, json.loads(body)


def _wait_ready(worker: WorkerProcess, want: int, timeout: float) -> list[tuple[int, dict[str, object]]]:
    """Poll /readyz until it answers `want`; return every answer seen (fails at the deadline)."""
    seen: list[tuple[int, dict[str, object]]] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        worker.assert_alive()
        answer = _readiness(worker)
        if not seen or seen[-1] != answer:
            seen.append(answer)
        if answer[0] == want:
            return seen
        time.sleep(0.2)
    pytest.fail(f"/readyz never answered {want} in {timeout:.0f} s: {seen}\n{worker.log_tail()}")


def _consumed(worker: WorkerProcess) -> float:
    try:
        body = _get(int(worker.env["FRONTWATCH_METRICS_PORT"]), "/metrics")[1]
    except OSError:
        return 0.0
    for line in body.splitlines():
        if line.startswith("frontwatch_articles_consumed_total "):
            return float(line.split()[1])
    return 0.0


def expected_alert_ids(detector, articles: Iterable[ArticleMessage], settings: Settings) -> set[str]:  # type: ignore[no-untyped-def]
    """The alert ids the stream owes: the detector's reported events, less the ones the correlation calls
    duplicates (an event its own article already reported)."""
    out: set[str] = set()
    states: dict[bytes, object] = {}
    for article in articles:
        for record in report_messages(
            article, detector.detect(article.to_article()), settings, dt.datetime.now(dt.UTC)
        ):
            report = Report.model_validate_json(record.value)
            outcome = correlate(states.get(report.key), report)  # type: ignore[arg-type]
            states[report.key] = outcome.state
            if outcome.decision != "duplicate":
                out.add(report.alert_id)
    return out


def _wait_alerts(worker: WorkerProcess, wanted: set[str], timeout: float) -> list[Record]:
    deadline = time.monotonic() + timeout
    while True:
        worker.assert_alive()
        records = asyncio.run(collect(worker.bootstrap, worker.settings.alerts_all_topic, timeout=1.5))
        seen = {r.header("ce_id") for r in records}
        if wanted <= seen:
            return records
        assert time.monotonic() < deadline, (
            f"{len(wanted - seen)} of {len(wanted)} alerts missing after {timeout:.0f} s\n{worker.log_tail()}"
        )


def _assert_duplicates_keep_their_ids(records: list[Record], wanted: set[str]) -> Counter[str]:
    ids = Counter(r.header("ce_id") or "" for r in records)
    assert set(ids) == wanted, f"unexpected alerts: {set(ids) - wanted}"
    content: dict[str, set[tuple[object, ...]]] = defaultdict(set)
    for r in records:
        alert = r.json_value()
        assert alert["alert_id"] == r.header("ce_id")
        content[alert["alert_id"]].add(
            (alert["article_id"], r.key, alert["evidence_start"], alert["evidence_end"])
        )
    assert all(len(found) == 1 for found in content.values()), "one alert id, two contents"
    return ids


def test_sigkill_mid_stream_then_restart_loses_no_alert(
    kafka_bootstrap: str, tmp_path: Path, detector
) -> None:  # type: ignore[no-untyped-def]
    seeds = read_article_file(SEEDS)
    copies = 20
    articles = [a.model_copy(update={"id": f"{a.id}#kill{n}"}) for n in range(copies) for a in seeds]
    worker = _worker(kafka_bootstrap, tmp_path)
    wanted = expected_alert_ids(detector, articles, worker.settings)
    assert len(wanted) >= copies * 4

    worker.start()
    producer_error: list[BaseException] = []

    def produce_slowly() -> None:  # one batch of the seeds every 0.25 s, still going when the kill comes
        try:
            for n in range(copies):
                batch = articles[n * len(seeds) : (n + 1) * len(seeds)]
                asyncio.run(produce_articles(kafka_bootstrap, worker.settings.input_topic, batch))
                time.sleep(0.25)
        except BaseException as exc:  # noqa: BLE001 - reported by the test thread
            producer_error.append(exc)

    producer = threading.Thread(target=produce_slowly, name="producer")
    try:
        _wait_ready(worker, 200, timeout=60)
        producer.start()
        deadline = time.monotonic() + 60
        while _consumed(worker) < len(seeds) * 2:  # mid-stream: some articles done, more still coming
            worker.assert_alive()
            assert time.monotonic() < deadline, worker.log_tail()
            time.sleep(0.1)
        assert worker.process is not None
        consumed_at_kill = _consumed(worker)
        worker.process.send_signal(signal.SIGKILL)
        assert worker.process.wait(timeout=10) == -signal.SIGKILL
        still_producing = producer.is_alive()
        producer.join(timeout=60)
        assert not producer.is_alive() and not producer_error, producer_error

        worker.env["FRONTWATCH_METRICS_PORT"] = str(free_port())
        worker.start()  # same group, topics, data dir: as a supervisor would restart it
        records = _wait_alerts(worker, wanted, timeout=120)
        time.sleep(2)  # let a late duplicate show up, if there is one
        records = asyncio.run(collect(kafka_bootstrap, worker.settings.alerts_all_topic, timeout=2))
    finally:
        stopped = worker.stop()
    ids = _assert_duplicates_keep_their_ids(records, wanted)
    repeated = sum(n - 1 for n in ids.values())
    print(
        f"killed after {consumed_at_kill:.0f} of {len(articles)} articles (producer still running: "
        f"{still_producing}); {len(wanted)} alerts expected, all arrived; {repeated} repeated with the same id"
    )
    assert still_producing, "the kill should come while articles are still being produced"
    assert stopped == 0, worker.log_tail()


def test_broker_restart_under_a_running_worker(tmp_path: Path, detector) -> None:  # type: ignore[no-untyped-def]
    seeds = read_article_file(SEEDS)
    port = free_port()
    broker = EmbeddedBroker(port=port, log_path=tmp_path / "tansu-1.log").start()
    worker = _worker(broker.bootstrap, tmp_path)
    settings = worker.settings
    before = [a.model_copy(update={"id": f"{a.id}#before"}) for a in seeds]
    after = [a.model_copy(update={"id": f"{a.id}#after"}) for a in seeds]
    try:
        worker.start()
        _wait_ready(worker, 200, timeout=60)
        asyncio.run(produce_articles(broker.bootstrap, settings.input_topic, before))
        _wait_alerts(worker, expected_alert_ids(detector, before, settings), timeout=60)

        broker.stop()
        gone = _wait_ready(worker, 503, timeout=30)
        assert gone[-1][1].get("reason") == "broker unreachable", gone
        time.sleep(3)  # the worker's clients retry against a closed port for a while

        broker = EmbeddedBroker(port=port, log_path=tmp_path / "tansu-2.log").start()
        asyncio.run(ensure_service_topics(broker.bootstrap, settings))
        back = _wait_ready(worker, 200, timeout=60)
        asyncio.run(produce_articles(broker.bootstrap, settings.input_topic, after))
        # the empty broker holds only what came after it restarted
        records = _wait_alerts(worker, expected_alert_ids(detector, after, settings), timeout=90)
        assert worker.process is not None and worker.process.poll() is None, (
            "the same worker, never restarted"
        )
    finally:
        stopped = worker.stop()
        broker.stop()
    print(f"/readyz while the broker was away: {gone}; after it came back: {back}")
    _assert_duplicates_keep_their_ids(records, expected_alert_ids(detector, after, settings))
    assert stopped == 0, worker.log_tail()

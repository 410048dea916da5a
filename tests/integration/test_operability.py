"""Probes and shutdown of a real `frontwatch run` on the embedded broker.

- /readyz says "not ready" from the moment the web server is up until the consumer group assigned the
  partitions, then "ready"; /metrics then carries the per-partition lag and the end-to-end latency.
- SIGTERM in the middle of a backlog: the worker exits 0 within the grace period, a second worker of the same
  group finishes the backlog, every expected alert is there, and the few articles processed twice (at least
  once delivery) produced the same alert ids.
"""

from __future__ import annotations

import asyncio
import json
import re
import signal
import time
import urllib.error
import urllib.request
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from service.broker import free_port
from service.config import Settings
from service.kafka_io import collect, group_lag, produce, produce_articles, read_article_file
from service.routing import reported_events
from tests.conftest import WorkerProcess

pytestmark = pytest.mark.broker

SEEDS = Path(__file__).resolve().parents[2] / "seeds" / "articles.jsonl"
GRACE_S = 20.0  # what deploy/ gives a worker (terminationGracePeriodSeconds, stop_grace_period) is 30 s
FAST_JOIN = {  # Tansu completes a group's first join after half the session timeout: keep the test short
    "FRONTWATCH_SESSION_TIMEOUT_S": "6",
    "FRONTWATCH_HEARTBEAT_INTERVAL_S": "1",
    "FRONTWATCH_REBALANCE_TIMEOUT_S": "3",
    "FRONTWATCH_LAG_INTERVAL_S": "1",
    "FRONTWATCH_LOG_FORMAT": "json",
}


def _get(port: int, path: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=2) as resp:  # noqa: S310
            return resp.status, resp.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def _metric(body: str, name: str) -> float:
    found = re.search(rf"^{re.escape(name)} (\S+)$", body, re.M)
    return float(found.group(1)) if found else 0.0


def _worker(bootstrap: str, workdir: Path, env: dict[str, str] | None = None) -> WorkerProcess:
    worker = WorkerProcess(bootstrap, workdir)
    worker.env.update(FAST_JOIN)
    if env is not None:  # another member of an existing worker's group: its topics, its group id
        worker.env.update({k: v for k, v in env.items() if k.startswith("FRONTWATCH_")})
        worker.env["FRONTWATCH_METRICS_PORT"] = str(free_port())
    return worker


def test_readiness_flips_only_after_partition_assignment(kafka_bootstrap: str, tmp_path: Path) -> None:
    worker = _worker(kafka_bootstrap, tmp_path).start()
    port = int(worker.env["FRONTWATCH_METRICS_PORT"])
    try:
        answers: list[tuple[int, dict[str, object]]] = []
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            worker.assert_alive()
            try:
                status, body = _get(port, "/readyz")
            except OSError:  # not listening yet
                time.sleep(0.1)
                continue
            answers.append((status, json.loads(body)))
            if status == 200:
                break
            assert _get(port, "/healthz")[0] == 200
            time.sleep(0.2)
        assert answers and answers[-1][0] == 200, worker.log_tail()
        assert answers[0] == (503, {"status": "not ready", "reason": "waiting for partition assignment"})
        assert all(status == 503 for status, _ in answers[:-1])
        assert answers[-1][1] == {"status": "ready", "assigned_partitions": 4}
        assert "Executing _on_partitions_assigned" in worker.log_path.read_text()

        articles = read_article_file(SEEDS)
        asyncio.run(produce_articles(kafka_bootstrap, worker.settings.input_topic, articles))
        deadline = time.monotonic() + 30
        body = ""
        while time.monotonic() < deadline:
            body = _get(port, "/metrics")[1]
            lags = re.findall(
                r'^frontwatch_consumer_lag_messages\{partition="(\d)",topic="[^"]+"\} (\S+)$', body, re.M
            )
            if (
                _metric(body, "frontwatch_articles_consumed_total") == len(articles)
                and _metric(body, "frontwatch_end_to_end_latency_seconds_count") > 0  # alerts are out
                and len(lags) == 4
                and all(float(v) == 0 for _, v in lags)
            ):
                break
            time.sleep(0.5)
        else:
            pytest.fail(f"no alert, or lag not 0 on all 4 partitions:\n{body}\n{worker.log_tail()}")
        assert _metric(body, "frontwatch_ready") == 1
        log_text = worker.log_path.read_text()
        log_lines = [json.loads(line) for line in log_text.splitlines() if line.startswith("{")]
        assert any(line.get("article_id") == articles[0].id for line in log_lines)
        assert any(line.get("alert_id") and line.get("article_id") for line in log_lines)
    finally:
        assert worker.stop() == 0, worker.log_tail()


def test_sigterm_mid_stream_loses_nothing_and_duplicates_keep_their_ids(
    kafka_bootstrap: str, tmp_path: Path, detector  # type: ignore[no-untyped-def]
) -> None:
    """Checked per input message, whatever the alert lifecycle makes of it: every article with news yields
    alerts naming it, every bad message its dead letter; repeats are rare and keep their ids."""
    seeds = read_article_file(SEEDS)
    copies = 24
    articles = [a.model_copy(update={"id": f"{a.id}#{n}"}) for n in range(copies) for a in seeds]
    alerting_seeds = {a.id for a in seeds if reported_events(detector.detect(a.to_article()), Settings())}
    expected_articles = {a.id for a in articles if a.id.rsplit("#", 1)[0] in alerting_seeds}
    bad = [(f"bad-{n}".encode(), b'{"id": "bad", "title": "no text"}') for n in range(copies * 2)]
    assert len(expected_articles) >= copies * 4

    (tmp_path / "first").mkdir()
    first = _worker(kafka_bootstrap, tmp_path / "first").start()
    settings, port = first.settings, int(first.env["FRONTWATCH_METRICS_PORT"])
    try:
        for n in range(copies):  # interleaved, so bad messages wait behind slow articles in every partition
            batch = articles[n * len(seeds) : (n + 1) * len(seeds)]
            asyncio.run(produce_articles(kafka_bootstrap, settings.input_topic, batch))
            asyncio.run(produce(kafka_bootstrap, settings.input_topic, bad[2 * n : 2 * n + 2]))
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            first.assert_alive()
            try:
                consumed = _metric(_get(port, "/metrics")[1], "frontwatch_articles_consumed_total")
            except OSError:
                consumed = 0
            if consumed >= len(articles) // 5:
                break
            time.sleep(0.2)
        assert first.process is not None
        first.process.send_signal(signal.SIGTERM)
        stopping = time.monotonic()
        assert first.process.wait(timeout=GRACE_S) == 0, first.log_tail()
        stopped_in = time.monotonic() - stopping
    finally:
        first.stop()
    backlog = asyncio.run(group_lag(kafka_bootstrap, settings.app_id, settings.input_topic))
    assert 0 < backlog < len(articles) + len(bad), "SIGTERM should have come in the middle of the backlog"

    (tmp_path / "second").mkdir()
    second = _worker(kafka_bootstrap, tmp_path / "second", env=first.env).start()
    try:
        deadline = time.monotonic() + 60
        while True:
            second.assert_alive()
            alerts = asyncio.run(collect(kafka_bootstrap, settings.alerts_all_topic, timeout=1))
            letters = asyncio.run(collect(kafka_bootstrap, settings.dlq_topic, timeout=0.5))
            alerted = {r.json_value()["article_id"] for r in alerts}
            if expected_articles <= alerted and {r.key for r in letters} >= {k for k, _ in bad}:
                break
            assert time.monotonic() < deadline, (
                f"missing alerts for {sorted(expected_articles - alerted)}, "
                f"dead letters for {len({k for k, _ in bad} - {r.key for r in letters})} messages\n"
                + second.log_tail()
            )
        # the last outputs can land before the offsets that cover them are committed (every commit_interval_s)
        committed_by = time.monotonic() + 10 * settings.commit_interval_s
        while (lag := asyncio.run(group_lag(kafka_bootstrap, settings.app_id, settings.input_topic))) and (
            time.monotonic() < committed_by
        ):
            time.sleep(0.2)
        assert lag == 0
    finally:
        assert second.stop() == 0, second.log_tail()

    assert alerted == expected_articles, "alerts only for articles with news"
    letter_counts = Counter(r.key for r in letters)
    assert set(letter_counts) == {k for k, _ in bad}
    ids = Counter(r.header("ce_id") for r in alerts)
    # The same content (article, type and place, evidence) always has the same alert id.
    by_content: dict[tuple[object, ...], set[str]] = defaultdict(set)
    for r in alerts:
        alert = r.json_value()
        by_content[(alert["article_id"], r.key, alert["evidence_start"], alert["evidence_end"])].add(
            alert["alert_id"]
        )
    assert all(len(found) == 1 for found in by_content.values())
    # At least once: what the first worker processed but had not committed is processed again. Graceful
    # shutdown commits what was processed, so at most the message in hand repeats.
    repeated = {r.json_value()["article_id"] for r in alerts if ids[r.header("ce_id")] > 1}
    repeated |= {k.decode() for k, n in letter_counts.items() if n > 1}
    print(f"stopped in {stopped_in:.1f} s; backlog {backlog}; processed twice: {sorted(repeated)}")
    assert max(ids.values()) <= 2 and max(letter_counts.values()) <= 2 and len(repeated) <= 1, repeated
    assert stopped_in < GRACE_S

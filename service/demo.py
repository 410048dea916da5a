"""`frontwatch demo`: the whole pipeline on one machine, for a person watching a terminal.

Starts the embedded broker (unless FRONTWATCH_KAFKA_BOOTSTRAP names one), creates the topics, starts a worker
subprocess (`frontwatch run`, what a deployment runs), sends the seed articles and prints each alert as
it arrives. It stops once the worker has committed every seed article, or at the timeout.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from aiokafka import AIOKafkaConsumer

from service.broker import EmbeddedBroker, ensure_service_topics, free_port, stop_process, wait_for_broker
from service.config import Settings
from service.kafka_io import (
    SecurityOptions,
    _partitions,
    group_lag,
    kafka_security_options,
    produce_articles,
    read_article_file,
)

DEFAULT_SEEDS = Path(__file__).resolve().parent.parent / "seeds" / "articles.jsonl"


def describe_alert(alert: dict[str, Any]) -> str:
    """Two lines a person can scan: what, where, who, how sure; then the sentence that says so."""
    location = alert.get("location") or {}
    country = alert.get("country") or location.get("country") or "??"
    if alert["type"] == "territorial_control":
        head = f"TERRITORIAL CONTROL  {alert.get('place')} ({country})"
        who = []
        if alert.get("gaining_actor"):
            who.append(f"gained by {alert['gaining_actor']}")
        if alert.get("losing_actor"):
            who.append(f"lost by {alert['losing_actor']}")
        detail = ", ".join(who + [alert.get("extent", ""), alert.get("claim", "")])
    else:
        head = f"DEPLOYMENT  {alert.get('destination') or 'unknown place'} ({country})"
        parts = [alert.get("actor") or "unknown actor"]
        if alert.get("size") is not None:
            parts.append(f"{alert['size']:,}")
        if alert.get("force"):
            parts.append(alert["force"])
        detail = ", ".join(parts + [alert.get("direction", ""), alert.get("status", "")])
    coords = ""
    if location.get("latitude") is not None:
        coords = f" @ {location['latitude']:.2f},{location['longitude']:.2f}"
    evidence = " ".join(str(alert.get("evidence", "")).split())
    if len(evidence) > 150:
        evidence = evidence[:147] + "..."
    status = str(alert.get("alert_status", "new")).upper()
    if alert.get("source_count", 1) > 1:
        status += f" ({alert['source_count']} sources)"
    return (
        f"{status} {alert.get('severity', '')}  "
        f"{head}{coords}  [{detail}]  confidence {alert.get('confidence', 0):.2f}  "
        f"article {alert.get('article_id')}\n      \u201c{evidence}\u201d"
    )


@contextlib.contextmanager
def worker_process(settings: Settings, bootstrap: str, log_path: Path) -> Iterator[subprocess.Popen[bytes]]:
    """`frontwatch run` in a subprocess; terminated (then killed) on exit."""
    env = {
        **os.environ,
        "FRONTWATCH_KAFKA_BOOTSTRAP": bootstrap,
        "FRONTWATCH_METRICS_PORT": str(settings.metrics_port),
        "FRONTWATCH_METRICS_HOST": settings.metrics_host,
        "FRONTWATCH_KAFKA_SECURITY_PROTOCOL": settings.kafka_security_protocol,
    }
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "service.cli", "run"],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
        try:
            yield process
        finally:
            stop_process(process)


def _port_free(host: str, port: int) -> bool:
    import socket

    with socket.socket() as sock:
        try:
            sock.bind((host, port))
            return True
        except OSError:
            return False


def run_demo(
    settings: Settings, seeds: Path | None = None, timeout: float = 90.0, linger: float = 0.0
) -> int:
    started = time.monotonic()
    seeds = seeds or DEFAULT_SEEDS
    articles = read_article_file(seeds)
    if settings.metrics_port and not _port_free(settings.metrics_host, settings.metrics_port):
        settings = settings.model_copy(update={"metrics_port": free_port(settings.metrics_host)})
    log_path = Path(tempfile.gettempdir()) / f"frontwatch-demo-worker-{os.getpid()}.log"

    with contextlib.ExitStack() as stack:
        if settings.kafka_bootstrap:
            bootstrap = settings.kafka_bootstrap
            security = kafka_security_options(settings)
            asyncio.run(wait_for_broker(bootstrap, security=security))
            print(f"using Kafka at {bootstrap}")
        else:
            broker = stack.enter_context(EmbeddedBroker())
            bootstrap = broker.bootstrap
            # Tansu listens in plain text only, whatever the environment says about a real cluster.
            settings = settings.model_copy(update={"kafka_security_protocol": "PLAINTEXT"})
            security = kafka_security_options(settings)
            print(f"embedded Tansu broker at {bootstrap} (log: {broker.log_path})")
        asyncio.run(ensure_service_topics(bootstrap, settings, security))
        worker = stack.enter_context(worker_process(settings, bootstrap, log_path))
        print(
            f"worker started (pid {worker.pid}, log: {log_path}); "
            f"metrics at http://{settings.metrics_host}:{settings.metrics_port}/metrics"
        )
        count = asyncio.run(produce_articles(bootstrap, settings.input_topic, articles, security))
        print(
            f"sent {count} seed articles from {seeds} to '{settings.input_topic}'; alerts from "
            f"'{settings.alerts_all_topic}':\n"
        )
        outcome = asyncio.run(_print_alerts(settings, bootstrap, worker, started, timeout, security))
        elapsed = time.monotonic() - started
        if outcome == "worker_died":
            print(f"\nthe worker exited with code {worker.returncode}; its log ({log_path}) ends with:")
            print("\n".join(log_path.read_text(errors="replace").splitlines()[-20:]))
            return 1
        if outcome == "timeout":
            print(
                f"\ntimed out after {timeout:.0f} s before the worker had read every seed article; "
                f"see the worker log {log_path}"
            )
        _print_metrics(settings)
        print(
            f"\ndone in {elapsed:.1f} s. Topics: {', '.join(settings.topics_in_use())}. "
            f"Try `FRONTWATCH_KAFKA_BOOTSTRAP={bootstrap} frontwatch tail {settings.dlq_topic}` "
            "while the demo lingers (--linger S)."
        )
        if linger > 0:
            print(f"lingering {linger:.0f} s (Ctrl-C to stop) ...")
            with contextlib.suppress(KeyboardInterrupt):
                time.sleep(linger)
        return 0 if outcome == "done" else 1


async def _print_alerts(
    settings: Settings,
    bootstrap: str,
    worker: subprocess.Popen[bytes],
    started: float,
    timeout: float,
    security: SecurityOptions,
) -> str:
    import json

    consumer = AIOKafkaConsumer(
        bootstrap_servers=bootstrap, group_id=None, enable_auto_commit=False, **security
    )
    try:
        await consumer.start()
        partitions = await _partitions(consumer, settings.alerts_all_topic)
        consumer.assign(partitions)
        await consumer.seek_to_beginning(*partitions)
        seen, first_at, caught_up_at, last_lag_check = 0, None, None, 0.0
        while True:
            now = time.monotonic()
            if now - started > timeout:
                return "timeout"
            if worker.poll() is not None:
                return "worker_died"
            batches = await consumer.getmany(timeout_ms=300)
            for messages in batches.values():
                for message in messages:
                    seen += 1
                    if first_at is None:
                        first_at = time.monotonic() - started
                        print(f"(first alert {first_at:.1f} s after start)")
                    print(
                        f"[+{time.monotonic() - started:5.1f}s] {describe_alert(json.loads(message.value))}",
                        flush=True,
                    )
            if caught_up_at is not None:
                if time.monotonic() - caught_up_at > 1.5:
                    print(f"\n{seen} alerts; the worker has committed every seed article.")
                    return "done"
            elif now - last_lag_check > 0.5:
                last_lag_check = now
                # both stages: articles read, and their reports correlated
                if all(
                    [
                        await group_lag(bootstrap, settings.app_id, topic, security) == 0
                        for topic in (settings.input_topic, settings.reports_topic)
                    ]
                ):
                    caught_up_at = time.monotonic()
    finally:
        await consumer.stop()


def _print_metrics(settings: Settings) -> None:
    url = f"http://{settings.metrics_host}:{settings.metrics_port}/metrics"
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - our own loopback endpoint
            body = response.read().decode()
    except OSError as exc:
        print(f"could not read {url}: {exc}")
        return
    lines = [
        line
        for line in body.splitlines()
        if line.startswith("frontwatch_")
        and "_created" not in line
        and "_bucket" not in line
        and not line.endswith(" 0.0")
    ]
    print(f"\nfrom {url}:")
    for line in lines:
        print(f"  {line}")

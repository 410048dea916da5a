"""The worker's HTTP endpoints: ``/metrics``, ``/healthz`` and ``/readyz``, read-only, on one port.

A small threaded server rather than faust's aiohttp web app: it answers while the event loop is busy or not
yet running (spaCy loads before the worker starts), which is exactly when probes need an answer, and it can serve
nothing but these three paths. Responses carry counts and states only: no article text, no configuration.

`Health` is the state the probes report. The faust app writes it (`instrument`): partition assignments and
revocations from faust's rebalance signals, broker reachability and consumer lag from a periodic
measurement, and an event-loop heartbeat.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from service import metrics
from service.config import Settings

log = logging.getLogger(__name__)

# The event loop ticks every second; this long without a tick means it is stuck, and a restart helps.
LOOP_STALL_S = 30.0
# Failed lag measurements in a row before the broker counts as unreachable (one failure can be a blip).
BROKER_FAILURES_UNREADY = 2


@dataclass(frozen=True)
class Probe:
    ok: bool
    body: dict[str, Any]


class Health:
    """What the probes report. Written from the event loop, read from the HTTP threads; every field is
    replaced whole, so readers see one state or the next, never a mix."""

    def __init__(self, clock: Any = time.monotonic) -> None:
        self._clock = clock
        self.assigned: frozenset[int] | None = None  # input partitions; None until the first assignment
        self.loop_tick: float | None = None
        self.broker_failures = 0
        self.stopping = False
        self._publish()

    def partitions_assigned(self, partitions: Iterable[int]) -> None:
        self.assigned = frozenset(partitions)
        metrics.ASSIGNED_PARTITIONS.set(len(self.assigned))
        self._publish()

    def partitions_revoked(self) -> None:
        """A rebalance started: until the new assignment arrives the worker owns nothing."""
        self.assigned = None
        metrics.ASSIGNED_PARTITIONS.set(0)
        self._publish()

    def broker_checked(self, ok: bool) -> None:
        self.broker_failures = 0 if ok else self.broker_failures + 1
        self._publish()

    def tick(self) -> None:
        self.loop_tick = self._clock()

    def shutting_down(self) -> None:
        self.stopping = True
        self._publish()

    def liveness(self) -> Probe:
        """Alive unless the event loop, once running, stopped ticking (a hung worker a restart would fix)."""
        tick = self.loop_tick
        if tick is not None and self._clock() - tick > LOOP_STALL_S:
            return Probe(False, {"status": "stalled", "seconds_since_loop_tick": round(self._clock() - tick)})
        return Probe(True, {"status": "alive"})

    def readiness(self) -> Probe:
        """Ready once partitions are assigned (by a completed rebalance) and the broker answers."""
        assigned = self.assigned
        if self.stopping:
            return Probe(False, {"status": "not ready", "reason": "shutting down"})
        if assigned is None:
            return Probe(False, {"status": "not ready", "reason": "waiting for partition assignment"})
        if self.broker_failures >= BROKER_FAILURES_UNREADY:
            return Probe(False, {"status": "not ready", "reason": "broker unreachable"})
        return Probe(True, {"status": "ready", "assigned_partitions": len(assigned)})

    def _publish(self) -> None:
        metrics.READY.set(1 if self.readiness().ok else 0)


class _Handler(BaseHTTPRequestHandler):
    server_version = "frontwatch"
    sys_version = ""
    health: Health  # set on the subclass `serve` builds

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self._respond(send_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._respond(send_body=False)

    def _respond(self, send_body: bool) -> None:
        path = self.path.split("?", 1)[0]
        if path == "/metrics":
            self._send(HTTPStatus.OK, generate_latest(metrics.REGISTRY), CONTENT_TYPE_LATEST, send_body)
        elif path in ("/healthz", "/readyz"):
            probe = self.health.liveness() if path == "/healthz" else self.health.readiness()
            status = HTTPStatus.OK if probe.ok else HTTPStatus.SERVICE_UNAVAILABLE
            self._send(status, json.dumps(probe.body).encode(), "application/json", send_body)
        else:
            self._send(HTTPStatus.NOT_FOUND, b'{"status": "not found"}', "application/json", send_body)

    def _refuse(self) -> None:
        """Everything but GET and HEAD: the endpoints change nothing."""
        self.send_response(HTTPStatus.METHOD_NOT_ALLOWED)
        self.send_header("Allow", "GET, HEAD")
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _refuse  # noqa: N815

    def _send(self, status: HTTPStatus, body: bytes, content_type: str, send_body: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - http.server's signature
        log.debug("web %s %s", self.address_string(), format % args)


class WebServer:
    """The endpoints on ``host:port`` in a daemon thread; `close` stops it (tests, demo)."""

    def __init__(self, host: str, port: int, health: Health) -> None:
        handler = type("Handler", (_Handler,), {"health": health})
        self._server = ThreadingHTTPServer((host, port), handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name="web", daemon=True)

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def start(self) -> WebServer:
        self._thread.start()
        return self

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


def serve(settings: Settings, health: Health) -> WebServer:
    return WebServer(settings.metrics_host, settings.metrics_port, health).start()


def instrument(app: Any, settings: Settings, health: Health) -> None:
    """Feed `health` and the lag gauge from a faust app: rebalance signals, a lag timer, a loop heartbeat."""
    from service.kafka_io import kafka_security_options, partition_lags

    topic = settings.input_topic
    bootstrap = settings.kafka_bootstrap
    assert bootstrap is not None

    async def on_revoked(sender: Any, revoked: Any, **_: Any) -> None:
        health.partitions_revoked()

    async def on_assigned(sender: Any, assigned: Any, **_: Any) -> None:
        health.partitions_assigned(tp.partition for tp in assigned if tp.topic == topic)

    async def on_shutdown(sender: Any, **_: Any) -> None:
        health.shutting_down()

    app.on_partitions_revoked.connect(on_revoked)
    app.on_partitions_assigned.connect(on_assigned)
    app.on_before_shutdown.connect(on_shutdown)

    @app.timer(interval=1.0, name="frontwatch-heartbeat")
    async def heartbeat() -> None:
        health.tick()

    security = kafka_security_options(settings)

    @app.timer(interval=settings.lag_interval_s, name="frontwatch-lag")
    async def measure_lag() -> None:
        owned = health.assigned
        try:
            lags = await partition_lags(bootstrap, settings.app_id, topic, owned or (), security)
        except Exception as exc:  # any failure to reach the broker: report it, keep the worker running
            log.warning("could not measure consumer lag: %s", type(exc).__name__)
            health.broker_checked(False)
            return
        health.broker_checked(True)
        metrics.CONSUMER_LAG.clear()  # partitions moved to another worker are that worker's to report
        for partition, lag in lags.items():
            metrics.CONSUMER_LAG.labels(topic=topic, partition=str(partition)).set(lag)

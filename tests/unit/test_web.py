"""The worker's endpoints: what /healthz and /readyz say when, read-only access, no article text."""

from __future__ import annotations

import asyncio
import json
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest

from service import metrics
from service.config import Settings
from service.routing import SourceRecord
from service.web import BROKER_FAILURES_UNREADY, LOOP_STALL_S, Health, WebServer


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_readiness_follows_assignment_revocation_broker_and_shutdown() -> None:
    health = Health()
    assert not health.readiness().ok
    assert health.readiness().body["reason"] == "waiting for partition assignment"
    assert metrics.READY._value.get() == 0  # noqa: SLF001 - prometheus_client has no public getter

    health.partitions_assigned([0, 2])
    assert health.readiness().ok and health.readiness().body["assigned_partitions"] == 2
    assert metrics.READY._value.get() == 1  # noqa: SLF001
    assert metrics.ASSIGNED_PARTITIONS._value.get() == 2  # noqa: SLF001

    health.partitions_revoked()  # a rebalance began
    assert not health.readiness().ok
    health.partitions_assigned([])  # more workers than partitions: idle, but a member in good standing
    assert health.readiness().ok

    for _ in range(BROKER_FAILURES_UNREADY - 1):
        health.broker_checked(False)
    assert health.readiness().ok, "one failed check is a blip"
    health.broker_checked(False)
    assert health.readiness().body == {"status": "not ready", "reason": "broker unreachable"}
    health.broker_checked(True)
    assert health.readiness().ok

    health.shutting_down()
    assert health.readiness().body["reason"] == "shutting down"


def test_liveness_fails_only_when_a_running_event_loop_stops_ticking() -> None:
    clock = FakeClock()
    health = Health(clock=clock)
    clock.now += 10 * LOOP_STALL_S
    assert health.liveness().ok, "before the loop runs (models loading) the process is alive"
    health.tick()
    clock.now += LOOP_STALL_S / 2
    assert health.liveness().ok
    clock.now += LOOP_STALL_S
    assert not health.liveness().ok
    health.tick()
    assert health.liveness().ok


@pytest.fixture
def server() -> Iterator[tuple[WebServer, Health]]:
    health = Health()
    web = WebServer("127.0.0.1", 0, health).start()
    try:
        yield web, health
    finally:
        web.close()


def _get(web: WebServer, path: str, method: str = "GET") -> tuple[int, str, dict[str, str]]:
    request = urllib.request.Request(f"http://127.0.0.1:{web.port}{path}", method=method)
    try:
        with urllib.request.urlopen(request, timeout=5) as resp:  # noqa: S310 - loopback test server
            return resp.status, resp.read().decode(), dict(resp.headers)
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode(), dict(exc.headers)


def test_endpoints_answer_with_status_codes_probes_understand(server: tuple[WebServer, Health]) -> None:
    web, health = server
    assert _get(web, "/healthz")[:2] == (200, '{"status": "alive"}')
    status, body, headers = _get(web, "/readyz")
    assert status == 503 and json.loads(body)["status"] == "not ready"
    assert headers["Content-Type"] == "application/json"
    health.partitions_assigned([1])
    assert _get(web, "/readyz")[:2] == (200, '{"status": "ready", "assigned_partitions": 1}')
    status, body, headers = _get(web, "/metrics")
    assert status == 200 and headers["Content-Type"].startswith("text/plain")
    assert "frontwatch_ready 1.0" in body
    assert _get(web, "/") [0] == 404
    assert _get(web, "/readyz", "HEAD")[:2] == (200, "")
    assert "Python" not in headers.get("Server", "")


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH"])
def test_endpoints_are_read_only(server: tuple[WebServer, Health], method: str) -> None:
    web, _ = server
    for path in ("/metrics", "/healthz", "/readyz"):
        status, _, headers = _get(web, path, method)
        assert status == 405 and headers["Allow"] == "GET, HEAD"


def test_web_endpoints_bind_to_loopback_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FRONTWATCH_METRICS_HOST", raising=False)
    assert Settings().metrics_host == "127.0.0.1"


def test_endpoints_expose_no_article_text(server: tuple[WebServer, Health]) -> None:
    """Process articles (good, dead-lettered, alerting) and look for their words on every endpoint."""
    from service.app import ArticleProcessor
    from service.detect.model import DeploymentEvent

    class OneEvent:
        def detect(self, article):  # type: ignore[no-untyped-def]
            return [
                DeploymentEvent(
                    type="deployment",
                    destination="Zyxwvutown",
                    actor="Qwertyland",
                    evidence=article.text,
                    evidence_start=0,
                    evidence_end=len(article.text),
                    confidence=0.9,
                )
            ]

    web, health = server
    health.partitions_assigned([0])
    processor = ArticleProcessor(Settings(), OneEvent())  # type: ignore[arg-type]
    marker = "Uniquewordforthetest"
    source = SourceRecord("articles", 0, 7, b"k")
    try:
        for raw in [
            json.dumps({"id": "art-1", "text": f"{marker} troops deployed to Zyxwvutown."}).encode(),
            f"not json {marker}".encode(),
        ]:
            asyncio.run(processor.process(raw, source))
    finally:
        processor.close()
    for path in ("/metrics", "/healthz", "/readyz"):
        body = _get(web, path)[1]
        for word in (marker, "Zyxwvutown", "Qwertyland", "art-1"):
            assert word not in body, (path, word)
    assert "frontwatch_events_detected_total" in _get(web, "/metrics")[1]

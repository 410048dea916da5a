"""Deliver records to Kafka with retries: nothing the worker owes a topic is dropped on a producer error.

A record counts as published when the broker has acknowledged it, not when the producer buffered it: faust
flushes the producer before committing offsets but does not look at what failed, so an unchecked failure
would be committed past and lost. A failed record is sent again after a backoff that doubles from
``initial_backoff_s`` up to ``max_backoff_s``, for as long as it takes — the article that caused it stays
uncommitted meanwhile, so a worker stopped during an outage leaves the article to be read again.

The exception is a subscriber's own topic (``optional`` records): after ``optional_attempts`` tries the record
is handed back to the caller, which dead-letters it, so one broken subscriber topic does not hold up every
other subscriber. The topic is then taken as unavailable for ``max_backoff_s``: its records are handed back
at once instead of each waiting through every attempt, and the first record after that tries it again. A retry may deliver a record twice (the first attempt can succeed after its timeout);
alert ids are deterministic, so subscribers recognise the repeat.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

from service import metrics
from service.routing import Outgoing

log = logging.getLogger(__name__)

# Hands one record to the producer; the awaitable it returns resolves when the broker acknowledged it.
Send = Callable[[Outgoing], Awaitable[Awaitable[Any]]]


@dataclass(frozen=True)
class RetryPolicy:
    initial_backoff_s: float = 0.5
    max_backoff_s: float = 30.0
    optional_attempts: int = 5

    def backoff(self, failed_attempts: int) -> float:
        """Wait after the n-th failed attempt (n ≥ 1)."""
        return min(self.max_backoff_s, self.initial_backoff_s * 2 ** min(failed_attempts - 1, 30))


@dataclass(frozen=True)
class Undeliverable:
    record: Outgoing
    attempts: int
    error: str


class Publisher:
    def __init__(
        self,
        send: Send,
        policy: RetryPolicy,
        is_optional: Callable[[str], bool],
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._send = send
        self._policy = policy
        self._is_optional = is_optional
        self._sleep = sleep
        self._clock = clock
        self._unavailable: dict[str, tuple[float, str]] = {}  # optional topic → (until, last error)
        self._retrying = 0  # publish calls currently waiting to retry

    async def publish(self, records: Sequence[Outgoing]) -> list[Undeliverable]:
        """Deliver every record; return the optional ones given up on (every other one was acknowledged).

        Cancellation propagates: the caller's message then stays unacknowledged and is read again.
        """
        pending: list[Outgoing] = []
        given_up: list[Undeliverable] = []
        for record in records:
            until, error = self._unavailable.get(record.topic, (0.0, ""))
            if self._clock() < until:
                given_up.append(Undeliverable(record, 0, f"topic unavailable, last error: {error}"))
            else:
                pending.append(record)
        attempt = 0
        while pending:
            attempt += 1
            failures = await self._attempt(pending)
            pending = []
            for record, error in failures:
                metrics.PUBLISH_ERRORS.labels(topic=record.topic, error=type(error).__name__).inc()
                if self._is_optional(record.topic) and attempt >= self._policy.optional_attempts:
                    reason = _describe(error)
                    given_up.append(Undeliverable(record, attempt, reason))
                    self._unavailable[record.topic] = (self._clock() + self._policy.max_backoff_s, reason)
                else:
                    pending.append(record)
            if pending:
                delay = self._policy.backoff(attempt)
                log.warning(
                    "%d record(s) not delivered (attempt %d, %s); retrying in %.1f s",
                    len(pending),
                    attempt,
                    "; ".join(sorted({f"{r.topic}: {_describe(e)}" for r, e in failures}))[:500],
                    delay,
                    extra={"attempt": attempt},
                )
                for record in pending:
                    metrics.PUBLISH_RETRIES.labels(topic=record.topic).inc()
                await self._wait(delay)
        if attempt > 1:
            log.info("publish finished after %d attempts", attempt, extra={"attempt": attempt})
        return given_up

    async def _attempt(self, records: list[Outgoing]) -> list[tuple[Outgoing, BaseException]]:
        """Send all records at once, then wait for every acknowledgement; return the failures."""
        failures: list[tuple[Outgoing, BaseException]] = []
        in_flight: list[tuple[Outgoing, asyncio.Future[Any]]] = []
        for record in records:
            try:
                in_flight.append((record, asyncio.ensure_future(await self._send(record))))
            except Exception as exc:  # e.g. no metadata for the topic within the request timeout
                failures.append((record, exc))
        if in_flight:
            # asyncio.wait, not gather: a cancelled publish must not cancel the producer's own futures
            await asyncio.wait([future for _, future in in_flight])
        for record, future in in_flight:
            error = future.exception()
            if error is not None:
                failures.append((record, error))
        return failures

    async def _wait(self, delay: float) -> None:
        self._retrying += 1
        metrics.PUBLISH_RETRYING.set(1)
        try:
            await self._sleep(delay)
        finally:
            self._retrying -= 1
            if not self._retrying:
                metrics.PUBLISH_RETRYING.set(0)


def _describe(error: BaseException) -> str:
    text = str(error)
    return f"{type(error).__name__}: {text}" if text else type(error).__name__

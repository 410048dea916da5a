"""The publish retry loop: producer errors are retried with backoff, counted, and nothing is dropped."""

from __future__ import annotations

import asyncio
from collections import Counter
from typing import Any

import pytest
from aiokafka.errors import KafkaTimeoutError, NotLeaderForPartitionError, UnknownTopicOrPartitionError

from service import metrics
from service.publisher import Publisher, RetryPolicy
from service.routing import Outgoing

REQUIRED = "alerts.all"
SUBSCRIBER = "alerts.sub.ngo"


def record(topic: str, value: bytes = b"{}") -> Outgoing:
    return Outgoing(topic, b"k", value, [("ce_id", value)])


class FlakyBroker:
    """Acknowledges a topic's records only after `failures[topic]` failed attempts on it."""

    def __init__(self, failures: dict[str, int], error: type[Exception] = NotLeaderForPartitionError) -> None:
        self.failures = dict(failures)
        self.error = error
        self.attempts: Counter[str] = Counter()
        self.delivered: list[Outgoing] = []

    async def send(self, rec: Outgoing) -> asyncio.Future[Any]:
        self.attempts[rec.topic] += 1
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        if self.attempts[rec.topic] <= self.failures.get(rec.topic, 0):
            future.set_exception(self.error())
        else:
            self.delivered.append(rec)
            future.set_result("metadata")
        return future


class Sleeps:
    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, delay: float) -> None:
        self.delays.append(delay)


def sample(name: str, **labels: str) -> float:
    return metrics.REGISTRY.get_sample_value(name, labels) or 0.0


def test_a_failing_required_topic_is_retried_with_doubling_backoff_until_delivered() -> None:
    broker, sleeps = FlakyBroker({REQUIRED: 4}), Sleeps()
    publisher = Publisher(broker.send, RetryPolicy(0.5, 3.0, 2), lambda t: t == SUBSCRIBER, sleep=sleeps)
    errors_before = sample(
        "frontwatch_publish_errors_total", topic=REQUIRED, error="NotLeaderForPartitionError"
    )
    retries_before = sample("frontwatch_publish_retries_total", topic=REQUIRED)

    given_up = asyncio.run(publisher.publish([record(REQUIRED), record("alerts.deployment")]))

    assert given_up == []
    assert [r.topic for r in broker.delivered] == ["alerts.deployment", REQUIRED]
    assert broker.attempts == Counter({REQUIRED: 5, "alerts.deployment": 1})  # delivered ones are not resent
    assert sleeps.delays == [0.5, 1.0, 2.0, 3.0]  # doubling, capped
    assert (
        sample("frontwatch_publish_errors_total", topic=REQUIRED, error="NotLeaderForPartitionError")
        - errors_before
        == 4
    )
    assert sample("frontwatch_publish_retries_total", topic=REQUIRED) - retries_before == 4
    assert sample("frontwatch_publish_retrying") == 0


def test_a_subscriber_topic_is_given_up_after_its_attempts_while_the_others_are_delivered() -> None:
    broker, sleeps = FlakyBroker({SUBSCRIBER: 100, REQUIRED: 1}), Sleeps()
    publisher = Publisher(broker.send, RetryPolicy(0.1, 10.0, 3), lambda t: t == SUBSCRIBER, sleep=sleeps)

    given_up = asyncio.run(publisher.publish([record(REQUIRED), record(SUBSCRIBER, b"x")]))

    assert [(u.record.topic, u.record.value, u.attempts) for u in given_up] == [(SUBSCRIBER, b"x", 3)]
    assert "NotLeaderForPartitionError" in given_up[0].error
    assert [r.topic for r in broker.delivered] == [REQUIRED]
    assert broker.attempts[SUBSCRIBER] == 3


def test_an_error_raised_by_send_itself_counts_as_a_failed_attempt() -> None:
    calls = Counter[str]()
    delivered: list[str] = []

    async def send(rec: Outgoing) -> asyncio.Future[Any]:
        calls[rec.topic] += 1
        if calls[rec.topic] == 1:  # aiokafka raises when the topic's metadata does not come in time
            raise UnknownTopicOrPartitionError()
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        future.set_result(None)
        delivered.append(rec.topic)
        return future

    publisher = Publisher(send, RetryPolicy(0.01, 0.01, 1), lambda t: False, sleep=Sleeps())
    assert asyncio.run(publisher.publish([record(REQUIRED)])) == []
    assert delivered == [REQUIRED] and calls[REQUIRED] == 2


def test_a_stop_during_the_backoff_cancels_the_publish_instead_of_dropping_the_record() -> None:
    broker = FlakyBroker({REQUIRED: 10**6}, error=KafkaTimeoutError)
    publisher = Publisher(broker.send, RetryPolicy(0.01, 0.02, 1), lambda t: False)

    async def stop_soon() -> None:
        task = asyncio.ensure_future(publisher.publish([record(REQUIRED)]))
        for _ in range(250):  # a loaded machine may run few retries in 0.2 s; wait for some, up to 5 s
            await asyncio.sleep(0.02)
            if broker.attempts[REQUIRED] > 3:
                break
        assert not task.done() and sample("frontwatch_publish_retrying") == 1
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    asyncio.run(stop_soon())
    assert broker.delivered == [] and broker.attempts[REQUIRED] > 3
    assert sample("frontwatch_publish_retrying") == 0


def test_backoff_never_exceeds_its_cap_even_after_many_attempts() -> None:
    policy = RetryPolicy(0.5, 30.0, 5)
    assert [policy.backoff(n) for n in (1, 2, 3, 7, 8, 1000)] == [0.5, 1.0, 2.0, 30.0, 30.0, 30.0]


def test_after_giving_up_a_subscriber_topic_is_skipped_for_a_while_then_tried_again() -> None:
    broker, now = FlakyBroker({SUBSCRIBER: 3}), [100.0]
    publisher = Publisher(
        broker.send, RetryPolicy(0.1, 60.0, 3), lambda t: t == SUBSCRIBER, sleep=Sleeps(), clock=lambda: now[0]
    )
    assert [u.attempts for u in asyncio.run(publisher.publish([record(SUBSCRIBER)]))] == [3]

    now[0] += 30  # within max_backoff_s: handed back without an attempt, the other topics still go out
    skipped = asyncio.run(publisher.publish([record(SUBSCRIBER), record(REQUIRED)]))
    assert [(u.attempts, u.record.topic) for u in skipped] == [(0, SUBSCRIBER)]
    assert "unavailable" in skipped[0].error and broker.attempts[SUBSCRIBER] == 3
    assert [r.topic for r in broker.delivered] == [REQUIRED]

    now[0] += 31  # the topic is tried again, and now it takes the record
    assert asyncio.run(publisher.publish([record(SUBSCRIBER)])) == []
    assert broker.attempts[SUBSCRIBER] == 4 and broker.delivered[-1].topic == SUBSCRIBER

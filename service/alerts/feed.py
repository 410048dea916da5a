"""The subscriptions topic on Kafka: publish, remove, fold, and follow it (the one Kafka-facing module here).

Every worker reads the whole compacted topic without a consumer group (each needs every subscription, not a
share of them), replays it from the beginning into a `SubscriptionRegistry`, says `ready` once it reached the
end offsets it saw at start, then follows new records. Subscriber topics are created on first sight when
FRONTWATCH_CREATE_TOPICS is on, so a subscriber may add a subscription and start reading its topic at once.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable
from typing import Any

from aiokafka import AIOKafkaConsumer

from service import metrics
from service.alerts.subscriptions import Subscription, SubscriptionRegistry, subscription_record
from service.broker import ensure_topics
from service.config import Settings
from service.kafka_io import SecurityOptions, _partitions, produce

log = logging.getLogger(__name__)


async def publish_subscriptions(
    settings: Settings, subscriptions: Iterable[Subscription], security: SecurityOptions | None = None
) -> int:
    """Upsert subscriptions on the topic (creating their output topics first when allowed)."""
    assert settings.kafka_bootstrap is not None
    items = list(subscriptions)
    if settings.create_topics:
        await ensure_subscriber_topics(settings, items, security)
    return await produce(
        settings.kafka_bootstrap,
        settings.subscriptions_topic,
        (subscription_record(s) for s in items),
        security=security,
    )


async def remove_subscription(
    settings: Settings, subscription_id: str, security: SecurityOptions | None = None
) -> None:
    """A tombstone for the id; the subscriber's topic stays (it may hold alerts someone still reads)."""
    assert settings.kafka_bootstrap is not None
    await produce(
        settings.kafka_bootstrap,
        settings.subscriptions_topic,
        [(subscription_id.encode(), None)],  # type: ignore[list-item]
        security=security,
    )


async def ensure_subscriber_topics(
    settings: Settings, subscriptions: Iterable[Subscription], security: SecurityOptions | None = None
) -> list[str]:
    assert settings.kafka_bootstrap is not None
    wanted = {s.topic: settings.alert_partitions for s in subscriptions}
    if not wanted:
        return []
    return await ensure_topics(settings.kafka_bootstrap, wanted, settings.replication_factor, security)


def _consumer(settings: Settings, security: SecurityOptions | None) -> AIOKafkaConsumer:
    return AIOKafkaConsumer(
        bootstrap_servers=settings.kafka_bootstrap,
        group_id=None,
        enable_auto_commit=False,
        auto_offset_reset="earliest",
        **(security or {}),
    )


def _apply(registry: SubscriptionRegistry, key: bytes | None, value: bytes | None, where: str) -> Any:
    try:
        return registry.apply(key, value)
    except ValueError as exc:  # a bad record must not stop routing for everyone else
        log.warning("ignoring invalid subscription record at %s: %s", where, str(exc)[:300])
        return None


async def fold_subscriptions(
    settings: Settings, security: SecurityOptions | None = None
) -> SubscriptionRegistry:
    """The subscriptions currently on the topic: every record up to the end offsets, folded."""
    registry = SubscriptionRegistry()
    consumer = _consumer(settings, security)
    try:
        await consumer.start()
        partitions = await _partitions(consumer, settings.subscriptions_topic)
        consumer.assign(partitions)
        await consumer.seek_to_beginning(*partitions)
        ends = await consumer.end_offsets(partitions)
        while not await _caught_up(consumer, ends):
            batches = await consumer.getmany(timeout_ms=500)
            for tp, messages in batches.items():
                for m in messages:
                    _apply(registry, m.key, m.value, f"{tp.partition}@{m.offset}")
    finally:
        await consumer.stop()
    return registry


async def _caught_up(consumer: AIOKafkaConsumer, ends: dict[Any, int]) -> bool:
    for tp, end in ends.items():
        if await consumer.position(tp) < end:
            return False
    return True


class SubscriptionFeed:
    """Keeps a worker's registry in step with the subscriptions topic, for as long as the worker runs."""

    def __init__(self, settings: Settings, security: SecurityOptions | None = None) -> None:
        self.settings = settings
        self.security = security
        self.registry = SubscriptionRegistry()
        self.ready = asyncio.Event()
        self._topics_ensured: set[str] = set()

    async def run(self) -> None:
        consumer = _consumer(self.settings, self.security)
        try:
            await consumer.start()
            partitions = await _partitions(consumer, self.settings.subscriptions_topic)
            consumer.assign(partitions)
            await consumer.seek_to_beginning(*partitions)
            ends = await consumer.end_offsets(partitions)
            while True:
                batches = await consumer.getmany(timeout_ms=500)
                for tp, messages in batches.items():
                    for m in messages:
                        await self._apply(m.key, m.value, f"{tp.partition}@{m.offset}")
                if not self.ready.is_set() and await _caught_up(consumer, ends):
                    log.info("subscriptions loaded: %s", ", ".join(s.id for s in self.registry) or "none")
                    self.ready.set()
        finally:
            await consumer.stop()

    async def _apply(self, key: bytes | None, value: bytes | None, where: str) -> None:
        subscription = _apply(self.registry, key, value, where)
        metrics.SUBSCRIPTIONS_ACTIVE.set(len(self.registry))
        if subscription is None:
            if value is None and key is not None:
                log.info("subscription %s removed", key.decode("utf-8", "replace"))
            return
        log.info("subscription %s → %s", subscription.id, subscription.topic)
        if self.settings.create_topics and subscription.topic not in self._topics_ensured:
            try:
                await ensure_subscriber_topics(self.settings, [subscription], self.security)
                self._topics_ensured.add(subscription.topic)
            except Exception as exc:  # the topic may be managed elsewhere; publishing will tell
                log.warning("could not create topic %s: %s", subscription.topic, exc)

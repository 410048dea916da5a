"""Small Kafka clients for the CLI, the demo and the tests: produce article files, read topics, measure lag.

Plain aiokafka clients; reading uses no consumer group, so `tail` never disturbs the worker's offsets. Every
client takes ``security``, the connection options of `kafka_security_options` (TLS, SASL), so the CLI reaches
a secured cluster the same way the worker does (`faust_credentials`).
"""

from __future__ import annotations

import asyncio
import json
import ssl
import time
from collections.abc import AsyncIterator, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient

from service.config import Settings
from service.messages import ArticleMessage

# Large enough for the oversized articles the dead-letter path must see; the broker still has the last word.
PRODUCER_MAX_REQUEST_BYTES = 16 * 1024 * 1024

SecurityOptions = Mapping[str, Any]


def kafka_ssl_context(settings: Settings) -> ssl.SSLContext:
    """TLS for the broker connection: the configured CA bundle (or the system's), TLS 1.2 at least,
    certificates always verified, host names checked unless FRONTWATCH_KAFKA_SSL_CHECK_HOSTNAME=false, and the
    client certificate when mTLS is configured."""
    cafile = str(settings.kafka_ssl_cafile) if settings.kafka_ssl_cafile else None
    context = ssl.create_default_context(ssl.Purpose.SERVER_AUTH, cafile=cafile)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.check_hostname = settings.kafka_ssl_check_hostname
    context.verify_mode = ssl.CERT_REQUIRED
    if settings.kafka_ssl_certfile is not None:
        key_password = settings.ssl_key_password()
        context.load_cert_chain(
            str(settings.kafka_ssl_certfile),
            str(settings.kafka_ssl_keyfile) if settings.kafka_ssl_keyfile else None,
            password=key_password.get_secret_value() if key_password else None,
        )
    return context


def kafka_security_options(settings: Settings) -> dict[str, Any]:
    """The aiokafka keyword arguments (producer, consumer, admin client) for the configured connection."""
    protocol = settings.kafka_security_protocol
    options: dict[str, Any] = {"security_protocol": protocol}
    if protocol in ("SSL", "SASL_SSL"):
        options["ssl_context"] = kafka_ssl_context(settings)
    if protocol in ("SASL_PLAINTEXT", "SASL_SSL"):
        options["sasl_mechanism"] = settings.kafka_sasl_mechanism
        options["sasl_plain_username"] = settings.sasl_username()
        options["sasl_plain_password"] = settings.sasl_password().get_secret_value()
    return options


def faust_credentials(settings: Settings) -> Any:
    """The same connection mode as faust's ``broker_credentials`` (None for PLAINTEXT).

    faust turns these back into aiokafka arguments (``credentials_to_aiokafka_auth``); a unit test checks
    that the round trip gives exactly `kafka_security_options`.
    """
    import faust

    protocol = settings.kafka_security_protocol
    if protocol == "PLAINTEXT":
        return None
    if protocol == "SSL":
        return faust.SSLCredentials(kafka_ssl_context(settings))
    return faust.SASLCredentials(
        username=settings.sasl_username(),
        password=settings.sasl_password().get_secret_value(),
        ssl_context=kafka_ssl_context(settings) if protocol == "SASL_SSL" else None,
        mechanism=settings.kafka_sasl_mechanism,
    )


@dataclass(frozen=True)
class Record:
    """A record as read from a topic."""

    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None
    headers: tuple[tuple[str, bytes], ...]

    def header(self, name: str) -> str | None:
        for key, value in self.headers:
            if key == name:
                return value.decode("utf-8", "replace")
        return None

    def json_value(self) -> Any:
        return json.loads(self.value) if self.value is not None else None

    def to_json(self) -> str:
        """One JSON line for `frontwatch tail`: value parsed when it is JSON, kept as text otherwise."""
        try:
            value: Any = self.json_value()
        except ValueError:
            value = (self.value or b"").decode("utf-8", "replace")
        return json.dumps(
            {
                "topic": self.topic,
                "partition": self.partition,
                "offset": self.offset,
                "key": self.key.decode("utf-8", "replace") if self.key is not None else None,
                "headers": {k: v.decode("utf-8", "replace") for k, v in self.headers},
                "value": value,
            },
            ensure_ascii=False,
        )


def read_article_file(path: Path) -> list[ArticleMessage]:
    """Articles from a JSON Lines file (input-topic format or evaluation-set format); bad lines raise."""
    articles = []
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                articles.append(ArticleMessage.from_record(json.loads(line)))
            except ValueError as exc:
                raise ValueError(f"{path}:{number}: not a valid article: {exc}") from exc
    return articles


def new_producer(bootstrap: str, security: SecurityOptions | None = None) -> AIOKafkaProducer:
    # Idempotence stays off: Tansu rejects idempotent producers, and nothing here needs it.
    return AIOKafkaProducer(
        bootstrap_servers=bootstrap,
        enable_idempotence=False,
        acks="all",
        max_request_size=PRODUCER_MAX_REQUEST_BYTES,
        linger_ms=5,
        **(security or {}),
    )


async def produce(
    bootstrap: str,
    topic: str,
    records: Iterable[tuple[bytes | None, bytes]],
    headers: Sequence[tuple[str, bytes]] = (),
    security: SecurityOptions | None = None,
) -> int:
    """Send (key, value) pairs in order and wait until all are acknowledged; return the count."""
    producer = new_producer(bootstrap, security)
    try:
        await producer.start()
        futures = [
            await producer.send(topic, value=value, key=key, headers=list(headers) or None)
            for key, value in records
        ]
        await asyncio.gather(*futures)
        return len(futures)
    finally:
        await producer.stop()


async def produce_articles(
    bootstrap: str,
    topic: str,
    articles: Iterable[ArticleMessage],
    security: SecurityOptions | None = None,
) -> int:
    """Articles keyed by id, so re-sends of one article stay in one partition."""
    return await produce(
        bootstrap,
        topic,
        ((a.id.encode(), a.model_dump_json(exclude_none=True).encode()) for a in articles),
        security=security,
    )


async def read_topic(
    bootstrap: str,
    topic: str,
    *,
    max_records: int | None = None,
    timeout: float | None = None,
    from_beginning: bool = True,
    security: SecurityOptions | None = None,
) -> AsyncIterator[Record]:
    """Yield records of every partition until `max_records` were read or `timeout` seconds passed."""
    consumer = AIOKafkaConsumer(
        bootstrap_servers=bootstrap,
        group_id=None,
        enable_auto_commit=False,
        auto_offset_reset="earliest" if from_beginning else "latest",
        max_partition_fetch_bytes=PRODUCER_MAX_REQUEST_BYTES,
        **(security or {}),
    )
    try:
        await consumer.start()
        partitions = await _partitions(consumer, topic)
        consumer.assign(partitions)
        if from_beginning:
            await consumer.seek_to_beginning(*partitions)
        else:
            await consumer.seek_to_end(*partitions)
        deadline = None if timeout is None else time.monotonic() + timeout
        count = 0
        while max_records is None or count < max_records:
            remaining = None if deadline is None else deadline - time.monotonic()
            if remaining is not None and remaining <= 0:
                return
            wait_ms = 500 if remaining is None else max(1, min(500, int(remaining * 1000)))
            batches = await consumer.getmany(timeout_ms=wait_ms)
            for messages in batches.values():
                for m in messages:
                    yield Record(
                        m.topic,
                        m.partition,
                        m.offset,
                        m.key,
                        m.value,
                        tuple((k, bytes(v or b"")) for k, v in (m.headers or ())),
                    )
                    count += 1
                    if max_records is not None and count >= max_records:
                        return
    finally:
        await consumer.stop()


async def collect(
    bootstrap: str,
    topic: str,
    *,
    max_records: int | None = None,
    timeout: float | None = None,
    security: SecurityOptions | None = None,
) -> list[Record]:
    return [
        r
        async for r in read_topic(
            bootstrap, topic, max_records=max_records, timeout=timeout, security=security
        )
    ]


async def _partitions(consumer: AIOKafkaConsumer, topic: str) -> list[TopicPartition]:
    for _ in range(50):
        found = consumer.partitions_for_topic(topic)
        if found:
            return [TopicPartition(topic, p) for p in sorted(found)]
        await consumer._client.force_metadata_update()  # noqa: SLF001 - aiokafka has no public refresh
        await asyncio.sleep(0.1)
    raise LookupError(f"topic {topic!r} does not exist")


async def partition_lags(
    bootstrap: str,
    group_id: str,
    topic: str,
    partitions: Iterable[int] | None = None,
    security: SecurityOptions | None = None,
) -> dict[int, int]:
    """Per partition of `topic` (all, or the given ones): messages not yet committed by `group_id`.

    A partition the group never committed counts from offset 0, so a new group shows its whole backlog.
    """
    consumer = AIOKafkaConsumer(
        bootstrap_servers=bootstrap, group_id=None, enable_auto_commit=False, **(security or {})
    )
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, **(security or {}))
    try:
        await consumer.start()
        await admin.start()
        if partitions is None:
            tps = await _partitions(consumer, topic)
        else:
            tps = [TopicPartition(topic, p) for p in sorted(partitions)]
        if not tps:
            return {}
        ends = await consumer.end_offsets(tps)
        committed = await admin.list_consumer_group_offsets(group_id, partitions=tps)
        done = {
            tp: (meta.offset if meta is not None and meta.offset >= 0 else 0)
            for tp, meta in committed.items()
        }
        return {tp.partition: max(0, end - done.get(tp, 0)) for tp, end in ends.items()}
    finally:
        await admin.close()
        await consumer.stop()


async def group_lag(
    bootstrap: str, group_id: str, topic: str, security: SecurityOptions | None = None
) -> int:
    """Messages of `topic` not yet committed by `group_id` (all of them until the group commits)."""
    return sum((await partition_lags(bootstrap, group_id, topic, security=security)).values())

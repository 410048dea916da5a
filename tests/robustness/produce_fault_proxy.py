"""A loopback TCP proxy in front of a Kafka-protocol broker that makes chosen topics fail or slow.

Kafka clients talk to the address the broker advertises, so the broker advertises the proxy's port and every
connection of the worker passes through here. Requests and responses are forwarded unchanged, except Produce
requests that touch a topic in `failing`: those partitions are cut out of the request before it goes on, and
the broker's answer gets them back with `error_code` (default NOT_LEADER_OR_FOLLOWER, which clients retry),
so the other topics of the same request are still written. A Produce request that touches a topic in `slow`
is answered that many seconds late. Kafka answers requests of one connection in order; so does the proxy.

Produce versions 3–8 are understood (aiokafka uses up to 7); the proxy runs its own event loop in a thread.
"""

from __future__ import annotations

import asyncio
import collections
import struct
import threading
from collections.abc import Callable
from typing import Any

from aiokafka.protocol import produce

NOT_LEADER_OR_FOLLOWER = 6
PRODUCE = 0

Transform = Callable[[bytes], bytes]


class ProduceFaultProxy:
    def __init__(self, upstream_port: int, listen_port: int, host: str = "127.0.0.1") -> None:
        self.host = host
        self.upstream_port = upstream_port
        self.listen_port = listen_port
        self.failing: set[str] = set()
        self.error_code = NOT_LEADER_OR_FOLLOWER
        self.slow: dict[str, float] = {}
        self.failed_requests = 0
        self.delayed_requests = 0
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="fault-proxy", daemon=True)
        self._server: asyncio.base_events.Server | None = None

    def start(self) -> ProduceFaultProxy:
        self._thread.start()
        self._server = asyncio.run_coroutine_threadsafe(
            asyncio.start_server(self._serve, self.host, self.listen_port), self._loop
        ).result(timeout=10)
        return self

    def stop(self) -> None:
        async def close() -> None:
            if self._server is not None:
                self._server.close()
            tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            if self._server is not None:
                await self._server.wait_closed()

        asyncio.run_coroutine_threadsafe(close(), self._loop).result(timeout=10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)
        self._loop.close()

    async def _serve(self, client_reader: asyncio.StreamReader, client_writer: asyncio.StreamWriter) -> None:
        try:
            upstream_reader, upstream_writer = await asyncio.open_connection(self.host, self.upstream_port)
        except OSError:
            client_writer.close()
            return
        # per request, in order: the future of its answer and what to do to the broker's answer
        answers: asyncio.Queue[asyncio.Future[bytes]] = asyncio.Queue()
        awaiting_broker: collections.deque[tuple[asyncio.Future[bytes], Transform, float]] = (
            collections.deque()
        )

        async def requests() -> None:
            while True:
                frame = await _read_frame(client_reader)
                request, transform, delay, expects_answer = self._rewrite(frame)
                if not expects_answer:
                    upstream_writer.write(request)
                    continue
                answer = asyncio.get_running_loop().create_future()
                await answers.put(answer)
                awaiting_broker.append((answer, transform, delay))
                upstream_writer.write(request)

        async def broker_answers() -> None:
            loop = asyncio.get_running_loop()
            while True:
                frame = await _read_frame(upstream_reader)
                answer, transform, delay = awaiting_broker.popleft()
                if delay:
                    loop.call_later(delay, answer.set_result, transform(frame))
                else:
                    answer.set_result(transform(frame))

        async def client_answers() -> None:
            while True:
                answer = await answers.get()
                client_writer.write(await answer)
                await client_writer.drain()

        tasks = [asyncio.ensure_future(t()) for t in (requests, broker_answers, client_answers)]
        try:
            await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            for writer in (client_writer, upstream_writer):
                writer.close()
                try:
                    await writer.wait_closed()
                except (OSError, asyncio.CancelledError):
                    pass

    def _rewrite(self, frame: bytes) -> tuple[bytes, Transform, float, bool]:
        """(request to forward, transform of the broker's answer, delay of the answer, answer expected)."""
        api_key, version = struct.unpack(">hh", frame[4:8])
        if api_key != PRODUCE or not 3 <= version <= 8:
            return frame, _same, 0.0, True
        client_id_length = struct.unpack(">h", frame[12:14])[0]
        body_start = 14 + max(client_id_length, 0)
        request_type = getattr(produce, f"ProduceRequest_v{version}")
        transactional_id, acks, timeout, topics = (
            getattr(request_type.decode(frame[body_start:]), name) for name in request_type.SCHEMA.names
        )
        delay = max((self.slow.get(name, 0.0) for name, _ in topics), default=0.0)
        if delay:
            self.delayed_requests += 1
        failing = [(name, partitions) for name, partitions in topics if name in self.failing]
        if not failing:
            return frame, _same, delay, acks != 0
        self.failed_requests += 1
        kept = [(name, partitions) for name, partitions in topics if name not in self.failing]
        rewritten = _frame(frame[4:body_start] + request_type(transactional_id, acks, timeout, kept).encode())
        errors = [(name, [partition for partition, _ in partitions]) for name, partitions in failing]
        return rewritten, _add_errors(version, errors, self.error_code), delay, acks != 0


def _add_errors(version: int, errors: list[tuple[str, list[int]]], code: int) -> Transform:
    response_type = getattr(produce, f"ProduceResponse_v{version}")

    def failed_partition(partition: int) -> tuple[Any, ...]:
        fields: tuple[Any, ...] = (partition, code, -1, -1)
        if version >= 5:
            fields += (-1,)
        if version >= 8:
            fields += ([], None)
        return fields

    def transform(frame: bytes) -> bytes:
        correlation_id = frame[4:8]
        answer = response_type.decode(frame[8:])
        topics = list(answer.topics)
        topics += [(topic, [failed_partition(p) for p in partitions]) for topic, partitions in errors]
        return _frame(correlation_id + response_type(topics, answer.throttle_time_ms).encode())

    return transform


def _same(frame: bytes) -> bytes:
    return frame


def _frame(payload: bytes) -> bytes:
    return struct.pack(">i", len(payload)) + payload


async def _read_frame(reader: asyncio.StreamReader) -> bytes:
    header = await reader.readexactly(4)
    return header + await reader.readexactly(struct.unpack(">i", header)[0])

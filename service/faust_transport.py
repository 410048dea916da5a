"""faust's Kafka consumer with a configurable fetch wait.

faust's aiokafka driver hard-codes ``fetch_max_wait_ms=1500``. A broker that answers a fetch only when that wait
runs out (the embedded Tansu does so; Apache Kafka answers as soon as a record arrives) then adds 1.5 s to every
hop of the pipeline, and an alert is two hops from its article. The wait is taken from the app instead.
"""

from __future__ import annotations

from typing import Any

import faust
from faust.transport.drivers import aiokafka as faust_aiokafka

DEFAULT_FETCH_MAX_WAIT_MS = 1500  # faust's own value


class _ConsumerThread(faust_aiokafka.AIOKafkaConsumerThread):
    def _create_worker_consumer(self, transport: Any) -> Any:
        consumer = super()._create_worker_consumer(transport)
        # aiokafka reads the wait when the consumer starts, which is after this returns
        consumer._fetch_max_wait_ms = getattr(self.app, "fetch_max_wait_ms", DEFAULT_FETCH_MAX_WAIT_MS)
        return consumer


class _Consumer(faust_aiokafka.Consumer):
    def _new_consumer_thread(self) -> _ConsumerThread:
        return _ConsumerThread(self, loop=self.loop, beacon=self.beacon)


class _Transport(faust_aiokafka.Transport):
    Consumer = _Consumer


class FrontwatchApp(faust.App):
    """A faust app whose consumer waits at most `fetch_max_wait_ms` for a fetch to fill."""

    fetch_max_wait_ms: int = DEFAULT_FETCH_MAX_WAIT_MS

    def _new_transport(self) -> Any:
        return _Transport(self.conf.broker_consumer, self)

"""faust's Kafka consumer with a configurable fetch wait, and two fixes to how it positions partitions.

faust's aiokafka driver hard-codes ``fetch_max_wait_ms=1500``. A broker that answers a fetch only when that wait
runs out (the embedded Tansu does so; Apache Kafka answers as soon as a record arrives) then adds 1.5 s to every
hop of the pipeline, and an alert is two hops from its article. The wait is taken from the app instead.

The two fixes stop a worker that takes over partitions from skipping records (found with
tests/integration/test_operability.py::test_sigterm_mid_stream_loses_nothing_and_duplicates_keep_their_ids). Both
happen only when the correlation table has a changelog to restore, because only then is the fetcher already
running while the stream partitions are positioned:

- Once the table is restored, faust's ``Recovery.on_recovery_completed`` resumes the stream partitions, awaits
  ``Consumer.perform_seek()`` and then calls ``app.flow_control.resume()``, which empties every agent's input
  queue (``clear_on_resume``). Records fetched during the seek went to the agents and are thrown away
  unprocessed, but faust counts them as read: the next record opens a "gap" from the committed offset
  (``Consumer._add_gap``), gaps count as acked (``Consumer._new_offset``), and the next commit skips them for
  good. `_Consumer` keeps stream partitions paused until the seek is done and the queues have been emptied (the
  ``resume_flow()`` that follows ``flow_control.resume()``).
- faust passes its live set of active partitions to aiokafka's ``Fetcher.fetched_records``, which reads an empty
  set as "every partition". See `_ActivePartitions`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import faust
from faust.transport.consumer import ensure_TPset
from faust.transport.drivers import aiokafka as faust_aiokafka
from faust.types import TP

DEFAULT_FETCH_MAX_WAIT_MS = 1500  # faust's own value


class _ActivePartitions:
    """The consumer's live set of active partitions, as aiokafka's ``Fetcher.fetched_records`` should see it.

    faust hands aiokafka its live set, which is right (a partition paused while the fetch waits is left alone)
    until the set empties during the wait: ``fetched_records`` reads an empty (falsy) ``partitions`` as "every
    assigned partition" and drains the paused ones too, and faust then drops those records because their partition
    is not active, after aiokafka has moved its position past them. A later seek to the committed offset repairs
    a partition that has one; one with no committed offset yet (an internal topic nobody has committed) loses the
    records for good. This view follows the live set but is never falsy, so an empty set drains nothing.
    """

    __slots__ = ("_tps",)

    def __init__(self, tps: set[TP]) -> None:
        self._tps = tps

    def __bool__(self) -> bool:
        return True

    def __contains__(self, tp: object) -> bool:
        return tp in self._tps


class _ConsumerThread(faust_aiokafka.AIOKafkaConsumerThread):
    def _create_worker_consumer(self, transport: Any) -> Any:
        consumer = super()._create_worker_consumer(transport)
        # aiokafka reads the wait when the consumer starts, which is after this returns
        consumer._fetch_max_wait_ms = getattr(self.app, "fetch_max_wait_ms", DEFAULT_FETCH_MAX_WAIT_MS)
        return consumer

    async def _fetch_records(
        self,
        consumer: Any,
        active_partitions: Any,
        timeout: float | None = None,
        max_records: int | None = None,
    ) -> Any:
        if active_partitions is not None:  # None: a client-only app, which reads every partition
            active_partitions = _ActivePartitions(active_partitions)
        return await super()._fetch_records(
            consumer, active_partitions, timeout=timeout, max_records=max_records
        )


class _Consumer(faust_aiokafka.Consumer):
    """faust's aiokafka consumer; stream partitions stay paused until they are positioned (module docstring)."""

    # Stream partitions (every assigned partition that is not a table changelog) that recovery asked to resume
    # and that stay paused until a seek that started after that request has finished and flow has resumed.
    _held: frozenset[TP] = frozenset()
    _hold_epoch: int = 0  # bumped on every hold; a seek releases only the holds made before it started
    _seeked_epoch: int = -1

    def _new_consumer_thread(self) -> _ConsumerThread:
        return _ConsumerThread(self, loop=self.loop, beacon=self.beacon)

    def resume_partitions(self, tps: Iterable[TP]) -> None:
        tpset = ensure_TPset(tps)
        streams = {tp for tp in tpset if not self._is_changelog_tp(tp)}
        if streams:
            self._held = self._held | streams
            self._hold_epoch += 1
            self._get_active_partitions().difference_update(streams)
            self._paused_partitions.update(streams)
        super().resume_partitions(tpset - streams)

    async def perform_seek(self) -> None:
        epoch = self._hold_epoch
        await super().perform_seek()
        self._seeked_epoch = max(self._seeked_epoch, epoch)

    def resume_flow(self) -> None:
        if self._held and self._seeked_epoch >= self._hold_epoch:
            held, self._held = self._held, frozenset()
            super().resume_partitions(held & set(self.assignment()))
        super().resume_flow()


class _Transport(faust_aiokafka.Transport):
    Consumer = _Consumer


class FrontwatchApp(faust.App):
    """A faust app whose consumer waits at most `fetch_max_wait_ms` for a fetch to fill."""

    fetch_max_wait_ms: int = DEFAULT_FETCH_MAX_WAIT_MS

    def _new_transport(self) -> Any:
        return _Transport(self.conf.broker_consumer, self)

"""`frontwatch bench`: the service's performance figures, reproducible with one command on one machine.

Four phases, each bounded in time, on loopback only, over the deterministic corpus of `service.bench_corpus`:

1. detector alone on one core, beside the full spaCy pipeline over the same texts (what the pre-filter saves);
2. end to end: embedded Tansu broker, one `frontwatch run` worker subprocess, a producer at fixed rates;
   latency from produce to alert receipt, consumer lag, peak RSS of the worker;
3. scaling: one then two workers draining the same backlog on a 4-partition input topic (skipped in --quick);
4. cost growth: detector seconds per 1k characters at 1k, 10k and 100k characters of conflict-heavy text.

Targets are reported, not asserted: the numbers depend on the machine, and a benchmark that fails on a noisy
laptop teaches nothing. Prints a table (stderr in --json mode, where stdout is one JSON object) and writes the
JSON report to --out.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import json
import logging
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Self

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient

from service.bench_corpus import CorpusArticle, long_article, news_corpus
from service.broker import EmbeddedBroker, ensure_service_topics, free_port, stop_process, wait_for_broker
from service.config import Settings
from service.kafka_io import _partitions, kafka_security_options, new_producer

log = logging.getLogger("frontwatch.bench")

REPO = Path(__file__).resolve().parent.parent
DETECTOR_TARGET_SPEEDUP = 5.0
DETECTOR_TARGET_ARTICLES_PER_S = 100.0
FULL_RATES = (10.0, 50.0, 200.0)
REFERENCE_RATE = 50.0  # the e2e_* summary keys describe the run at this rate, the one --quick also runs
GROWTH_LENGTHS = (1_000, 10_000, 100_000)


@dataclass(frozen=True)
class Plan:
    """How long each phase runs; --quick keeps the whole benchmark under two minutes on two cores."""

    quick: bool
    seconds: float
    repeats: int
    rates: tuple[float, ...]
    drain_seconds: float
    scaling: bool

    @classmethod
    def from_args(cls, quick: bool, seconds: float | None) -> Plan:
        if quick:
            return cls(True, seconds or 5.0, 1, (REFERENCE_RATE,), 20.0, False)
        return cls(False, seconds or 15.0, 3, FULL_RATES, 45.0, True)


# --- measurement helpers -----------------------------------------------------------------------------------


def percentile(values: Sequence[float], q: float) -> float | None:
    """Linear-interpolated percentile (q in 0..100); None without samples."""
    if not values:
        return None
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100.0
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


@contextlib.contextmanager
def one_core() -> Iterator[int | None]:
    """Pin this process to its first allowed core for the duration; restore the old set afterwards.

    Children inherit affinity, so the end-to-end phases run after the pin is lifted.
    """
    try:
        before = os.sched_getaffinity(0)
    except (AttributeError, OSError):  # not Linux: measure unpinned, say so in the report
        yield None
        return
    core = min(before)
    os.sched_setaffinity(0, {core})
    try:
        yield core
    finally:
        os.sched_setaffinity(0, before)


class CpuMeter:
    """CPU used over a window, in cores: per named process (from /proc/<pid>/stat) and the whole machine.

    On two shared cores the question behind every throughput figure is "was the machine full, and with
    what?"; `other_cores` is what neither the named processes nor idle account for (other users' jobs).
    """

    def __init__(self, processes: dict[str, int | None]) -> None:
        self.processes = processes
        self.tick = float(os.sysconf("SC_CLK_TCK"))
        self.began = time.monotonic()
        self.start = self._sample()

    def _sample(self) -> tuple[dict[str, float | None], float]:
        used: dict[str, float | None] = {}
        for name, pid in self.processes.items():
            used[name] = None
            if pid is None:
                continue
            with contextlib.suppress(OSError, IndexError, ValueError):
                fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
                used[name] = (int(fields[11]) + int(fields[12])) / self.tick  # utime + stime
        busy = 0.0
        with contextlib.suppress(OSError, ValueError):
            values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:9]]
            busy = (sum(values) - values[3] - values[4]) / self.tick  # all but idle and iowait
        return used, busy

    def stop(self) -> dict[str, Any]:
        elapsed = time.monotonic() - self.began
        end, end_busy = self._sample()
        cores: dict[str, float | None] = {}
        for name, before in self.start[0].items():
            after = end[name]
            cores[name] = None if before is None or after is None else (after - before) / elapsed
        machine = (end_busy - self.start[1]) / elapsed
        return {
            "cores": cores,
            "machine_busy_cores": machine,
            "other_cores": max(0.0, machine - sum(c for c in cores.values() if c is not None)),
        }


def find_broker_pid(bootstrap: str) -> int | None:
    """The local process serving `bootstrap` (Tansu's command line names its listener URL), if any."""
    needle = f"tcp://{bootstrap}".encode()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError):
            if needle in (entry / "cmdline").read_bytes():
                return int(entry.name)
    return None


def peak_rss_bytes(pid: int) -> int | None:
    """VmHWM (peak resident set) of a live process, from /proc."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def _timed_chunks(
    items: Sequence[CorpusArticle], chunk: int, seconds: float, work: Callable[[list[CorpusArticle]], object]
) -> tuple[int, int, float]:
    """Run `work` over successive chunks until `seconds` of work time or the items run out.

    Returns (articles, words, work seconds); only `work` is timed, not the loop around it.
    """
    done = words = 0
    spent = 0.0
    for start in range(0, len(items), chunk):
        if spent >= seconds:
            break
        batch = list(items[start : start + chunk])
        began = time.perf_counter()
        work(batch)
        spent += time.perf_counter() - began
        done += len(batch)
        words += sum(a.words for a in batch)
    return done, words, spent


# --- phase 1: detector vs full parse ------------------------------------------------------------------------


def phase_detector(plan: Plan) -> dict[str, Any]:
    """Articles/s of the detector and of the full spaCy pipeline on the same 500-word texts, one core."""
    from service.detect import Detector
    from service.detect.pipeline import load_nlp

    with one_core() as core:
        detector = Detector()
        nlp = load_nlp()
        # Enough texts that the detector does not run out within its time budget at ~3x the target rate.
        corpus = news_corpus(max(512, int(plan.seconds * DETECTOR_TARGET_ARTICLES_PER_S * 3)))
        articles = {a.id: a.to_article() for a in corpus}
        list(detector.detect_many(articles[a.id] for a in corpus[:16]))  # warm caches, lazy imports
        list(nlp.pipe(a.text for a in corpus[:4]))
        runs: list[dict[str, float]] = []
        events_found = planted_found = 0
        for repeat in range(plan.repeats):
            found: list[list[Any]] = []

            def detect(batch: list[CorpusArticle], sink: list[list[Any]] = found) -> None:
                sink.extend(detector.detect_many([articles[a.id] for a in batch]))

            d_n, d_words, d_s = _timed_chunks(corpus, 64, plan.seconds, detect)
            f_n, f_words, f_s = _timed_chunks(
                corpus, 16, plan.seconds, lambda batch: list(nlp.pipe((a.text for a in batch), batch_size=16))
            )
            run = {
                "detector_articles": d_n,
                "detector_seconds": d_s,
                "detector_articles_per_second": d_n / d_s,
                "detector_words_per_second": d_words / d_s,
                "full_parse_articles": f_n,
                "full_parse_seconds": f_s,
                "full_parse_articles_per_second": f_n / f_s,
                "full_parse_words_per_second": f_words / f_s,
            }
            run["speedup"] = run["detector_articles_per_second"] / run["full_parse_articles_per_second"]
            runs.append(run)
            log.info(
                "detector run %d: %.1f articles/s (%d in %.1f s); full parse %.1f articles/s (%d in %.1f s)",
                repeat + 1, d_n / d_s, d_n, d_s, f_n / f_s, f_n, f_s,
            )  # fmt: skip
            if repeat == 0:
                events_found = sum(len(events) for events in found)
                planted_found = sum(
                    1
                    for a, events in zip(corpus, found, strict=False)
                    if a.event and any(e.type == a.event for e in events)
                )
                planted = sum(1 for a in corpus[: len(found)] if a.event)
    median = {key: statistics.median(r[key] for r in runs) for key in runs[0]}
    return {
        "pinned_core": core,
        "repeats": plan.repeats,
        "seconds_per_measurement": plan.seconds,
        "corpus_articles": len(corpus),
        "mean_words_per_article": statistics.fmean(a.words for a in corpus),
        "spacy_components": list(nlp.pipe_names),
        "runs": runs,
        **{f"median_{k}": v for k, v in median.items()},
        "events_detected_first_run": events_found,
        "planted_events_first_run": planted,
        "planted_events_detected_first_run": planted_found,
        "meets_speedup_target": median["speedup"] >= DETECTOR_TARGET_SPEEDUP,
        "meets_rate_target": median["detector_articles_per_second"] >= DETECTOR_TARGET_ARTICLES_PER_S,
    }


# --- phase 4: cost growth -----------------------------------------------------------------------------------


def phase_growth(plan: Plan) -> dict[str, Any]:
    """Detector seconds per 1k characters of conflict-heavy text, by article length: flat means linear.

    Measured in rounds, each reading the same amount of text (100k characters) at every length, one length
    after the other: load from other jobs on a shared core then hits all lengths alike, and the median over
    rounds compares like with like.
    """
    from service.detect import Detector

    budget = 3.0 if plan.quick else plan.seconds * 2
    per_round = max(GROWTH_LENGTHS)
    samples: dict[int, list[float]] = {chars: [] for chars in GROWTH_LENGTHS}
    counts = dict.fromkeys(GROWTH_LENGTHS, 0)
    events = dict.fromkeys(GROWTH_LENGTHS, 0)
    spent = 0.0
    rounds = 0
    with one_core() as core:
        detector = Detector()
        detector.detect(long_article(1_000, index=10_000).to_article())  # warm-up
        while rounds == 0 or (spent < budget and rounds < 50):
            for chars in GROWTH_LENGTHS:
                took = read = 0.0
                for _ in range(per_round // chars):
                    article = long_article(chars, index=counts[chars]).to_article()
                    began = time.perf_counter()
                    events[chars] += len(detector.detect(article))
                    took += time.perf_counter() - began
                    read += len(article.text)
                    counts[chars] += 1
                samples[chars].append(took / (read / 1000))
                spent += took
            rounds += 1
    rows: list[dict[str, Any]] = []
    for chars in GROWTH_LENGTHS:
        rows.append(
            {
                "chars": chars,
                "articles": counts[chars],
                "rounds": rounds,
                "seconds_per_1k_chars": statistics.median(samples[chars]),
                "per_round_seconds_per_1k_chars": samples[chars],
                "events_per_article": events[chars] / counts[chars],
            }
        )
        log.info(
            "growth %6d chars: %.4f s per 1k chars (median of %d rounds, %d articles, %.1f events each)",
            chars, rows[-1]["seconds_per_1k_chars"], rounds, counts[chars], events[chars] / counts[chars],
        )  # fmt: skip
    base = rows[0]["seconds_per_1k_chars"]
    return {
        "pinned_core": core,
        "rounds": rounds,
        "lengths": rows,
        "growth_100k_vs_1k": rows[-1]["seconds_per_1k_chars"] / base,
        "growth_10k_vs_1k": rows[1]["seconds_per_1k_chars"] / base,
    }


# --- phases 2 and 3: through Kafka --------------------------------------------------------------------------


class BenchWorker:
    """`frontwatch run` as a subprocess on its own topics and consumer group, as the demo starts it."""

    def __init__(self, bootstrap: str, prefix: str, workdir: Path, name: str) -> None:
        self.env = {
            **os.environ,
            "FRONTWATCH_KAFKA_BOOTSTRAP": bootstrap,
            "FRONTWATCH_APP_ID": f"{prefix}-group",
            "FRONTWATCH_INPUT_TOPIC": f"{prefix}.articles",
            "FRONTWATCH_DLQ_TOPIC": f"{prefix}.articles.dlq",
            "FRONTWATCH_ALERTS_TERRITORIAL_CONTROL_TOPIC": f"{prefix}.alerts.territorial-control",
            "FRONTWATCH_ALERTS_DEPLOYMENT_TOPIC": f"{prefix}.alerts.deployment",
            "FRONTWATCH_ALERTS_ALL_TOPIC": f"{prefix}.alerts.all",
            "FRONTWATCH_SUBSCRIPTIONS_TOPIC": f"{prefix}.subscriptions",
            "FRONTWATCH_METRICS_PORT": str(free_port()),
            "FRONTWATCH_DATA_DIR": str(workdir / f"data-{name}"),
            "FRONTWATCH_INPUT_PARTITIONS": "4",
        }
        self.settings = settings_from_env(self.env)
        self.log_path = workdir / f"worker-{name}.log"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> BenchWorker:
        with open(self.log_path, "wb") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "service.cli", "run"],
                env=self.env,
                cwd=REPO,
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )
        return self

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def log_tail(self, lines: int = 20) -> str:
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def stop(self) -> None:
        if self.process is not None:
            stop_process(self.process, timeout=20)


def settings_from_env(env: dict[str, str]) -> Settings:
    return Settings.model_validate(
        {k.removeprefix("FRONTWATCH_").lower(): v for k, v in env.items() if k.startswith("FRONTWATCH_")}
    )


class BenchError(RuntimeError):
    """A phase could not run (worker died, never caught up); the message says what to look at."""


class Feed:
    """Articles to produce, in corpus order, never repeating an id within one benchmark run."""

    def __init__(self, size: int) -> None:
        self.articles = news_corpus(size)
        self.next = 0

    def take(self) -> CorpusArticle:
        article = self.articles[self.next % len(self.articles)]
        lap = self.next // len(self.articles)
        self.next += 1
        if lap == 0:
            return article
        return CorpusArticle(**{**article.__dict__, "id": f"{article.id}-lap{lap}"})


async def committed_total(admin: AIOKafkaAdminClient, group: str, partitions: list[TopicPartition]) -> int:
    offsets = await admin.list_consumer_group_offsets(group, partitions=partitions)
    return sum(meta.offset for meta in offsets.values() if meta is not None and meta.offset >= 0)


class Cluster:
    """Clients shared by a phase: producer, admin, end-offset reader, alert reader."""

    def __init__(self, bootstrap: str, settings: Settings) -> None:
        self.bootstrap = bootstrap
        self.settings = settings
        self.group = settings.app_id
        security = kafka_security_options(settings)  # a secured cluster named by FRONTWATCH_KAFKA_BOOTSTRAP
        self.producer = new_producer(bootstrap, security)
        self.admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=10000, **security)
        self.offsets = AIOKafkaConsumer(
            bootstrap_servers=bootstrap, group_id=None, enable_auto_commit=False, **security
        )
        # A short fetch wait, so that the reader's own polling adds little to the measured latency.
        self.alerts = AIOKafkaConsumer(
            bootstrap_servers=bootstrap,
            group_id=None,
            enable_auto_commit=False,
            auto_offset_reset="latest",
            fetch_max_wait_ms=20,
            **security,
        )
        self.inputs: list[TopicPartition] = []
        self.sent: dict[str, tuple[float, float]] = {}  # article id -> (monotonic, wall clock) at send
        self.latencies: dict[str, float] = {}
        # Split of each latency at the alert's detected_at (wall clock, same machine): before and after.
        self.to_detection: dict[str, float] = {}
        self.alert_count = 0

    async def __aenter__(self) -> Self:
        await self.producer.start()
        await self.admin.start()
        await self.offsets.start()
        await self.alerts.start()
        self.inputs = await _partitions(self.offsets, self.settings.input_topic)
        alert_parts = await _partitions(self.alerts, self.settings.alerts_all_topic)
        self.alerts.assign(alert_parts)
        await self.alerts.seek_to_end(*alert_parts)
        return self

    async def __aexit__(self, *exc: object) -> None:
        for close in (self.alerts.stop, self.offsets.stop, self.admin.close, self.producer.stop):
            with contextlib.suppress(Exception):
                await close()

    async def lag(self) -> int:
        ends = await self.offsets.end_offsets(self.inputs)
        offsets = await self.admin.list_consumer_group_offsets(self.group, partitions=self.inputs)
        done = {tp: (m.offset if m is not None and m.offset >= 0 else 0) for tp, m in offsets.items()}
        return sum(max(0, end - done.get(tp, 0)) for tp, end in ends.items())

    async def committed(self) -> int:
        return await committed_total(self.admin, self.group, self.inputs)

    async def send(self, article: CorpusArticle) -> Any:
        self.sent[article.id] = (time.monotonic(), time.time())
        value = article.to_message().model_dump_json(exclude_none=True).encode()
        return await self.producer.send(self.settings.input_topic, key=article.id.encode(), value=value)

    async def read_alerts(self, stop: asyncio.Event) -> None:
        """Stamp receipt of the first alert of every article we sent; count all alerts."""
        while not stop.is_set():
            batches = await self.alerts.getmany(timeout_ms=200)
            now = time.monotonic()
            for messages in batches.values():
                for message in messages:
                    self.alert_count += 1
                    try:
                        alert = json.loads(message.value)
                        article_id = alert["article_id"]
                        detected = dt.datetime.fromisoformat(alert["detected_at"]).timestamp()
                    except (ValueError, KeyError, TypeError):
                        continue
                    sent = self.sent.get(article_id)
                    if sent is not None and article_id not in self.latencies:
                        self.latencies[article_id] = now - sent[0]
                        self.to_detection[article_id] = detected - sent[1]

    async def wait_caught_up(self, workers: list[BenchWorker], timeout: float) -> float | None:
        """Seconds until the group has committed everything produced, or None at the timeout."""
        began = time.monotonic()
        while time.monotonic() - began < timeout:
            for worker in workers:
                if not worker.alive():
                    raise BenchError(f"worker {worker.pid} exited:\n{worker.log_tail()}")
            if await self.lag() == 0:
                return time.monotonic() - began
            await asyncio.sleep(0.25)
        return None

    async def group_members(self) -> int | None:
        try:
            described = await self.admin.describe_consumer_groups([self.group])
        except Exception as exc:  # noqa: BLE001 - any broker answer problem means "unknown", not a failure
            log.debug("describe_consumer_groups failed: %s", exc)
            return None
        for response in described:
            for group in getattr(response, "groups", []):
                # (error_code, group_id, state, protocol_type, protocol, members[, authorized_operations])
                if group[1] == self.group:
                    return len(group[5])
        return None


async def warm_up(cluster: Cluster, feed: Feed, workers: list[BenchWorker], timeout: float) -> float:
    """Wait for every worker to join the group, then until a few articles are processed; return seconds."""
    began = time.monotonic()
    deadline = began + timeout
    while time.monotonic() < deadline:
        members = await cluster.group_members()
        if members is None or members >= len(workers):
            break
        for worker in workers:
            if not worker.alive():
                raise BenchError(f"worker {worker.pid} exited:\n{worker.log_tail()}")
        await asyncio.sleep(0.5)
    futures = [await cluster.send(feed.take()) for _ in range(8)]
    await asyncio.gather(*futures)
    if await cluster.wait_caught_up(workers, max(1.0, deadline - time.monotonic())) is None:
        raise BenchError(f"workers did not process the warm-up articles within {timeout:.0f} s")
    cluster.latencies.clear()
    cluster.to_detection.clear()
    return time.monotonic() - began


async def load_run(
    cluster: Cluster, feed: Feed, workers: list[BenchWorker], rate: float, seconds: float, drain: float
) -> dict[str, Any]:
    """Produce at `rate` for `seconds`, then let the workers drain (bounded); latency and throughput."""
    cluster.latencies.clear()
    cluster.to_detection.clear()
    cluster.alert_count = 0
    stop = asyncio.Event()
    reader = asyncio.create_task(cluster.read_alerts(stop))
    try:
        committed_before = await cluster.committed()
        began = time.monotonic()
        meter = CpuMeter(
            {
                "worker": workers[0].pid,
                "bench": os.getpid(),
                "broker": find_broker_pid(cluster.bootstrap),
            }
        )
        futures = []
        sent_ids: list[str] = []
        n = 0
        while (now := time.monotonic()) < began + seconds:
            due = began + n / rate
            if due > now:
                await asyncio.sleep(due - now)
            article = feed.take()
            sent_ids.append(article.id)
            futures.append(await cluster.send(article))
            n += 1
        await asyncio.gather(*futures)
        load_seconds = time.monotonic() - began
        cpu = meter.stop()
        lag_at_end = await cluster.lag()
        committed_at_end = await cluster.committed()
        drain_seconds = await cluster.wait_caught_up(workers, drain)
        final_lag = await cluster.lag() if drain_seconds is None else 0
        await asyncio.sleep(1.0)  # alerts of the last articles are published after their offsets commit
        total = time.monotonic() - began
    finally:
        stop.set()
        await reader
    latencies = [cluster.latencies[i] for i in sent_ids if i in cluster.latencies]
    to_detection = [cluster.to_detection[i] for i in sent_ids if i in cluster.to_detection]
    after_detection = [
        cluster.latencies[i] - cluster.to_detection[i] for i in sent_ids if i in cluster.to_detection
    ]
    return {
        "target_rate": rate,
        "articles_produced": n,
        "produce_seconds": load_seconds,
        "produced_articles_per_second": n / load_seconds,
        "processed_articles_per_second_during_load": (committed_at_end - committed_before) / load_seconds,
        "alerts": cluster.alert_count,
        "alerts_per_second": cluster.alert_count / total,
        "articles_with_alerts": len(latencies),
        "latency_p50_seconds": percentile(latencies, 50),
        "latency_p95_seconds": percentile(latencies, 95),
        "latency_p99_seconds": percentile(latencies, 99),
        "latency_max_seconds": max(latencies) if latencies else None,
        "produce_to_detection_p50_seconds": percentile(to_detection, 50),
        "detection_to_receipt_p50_seconds": percentile(after_detection, 50),
        "lag_at_end_of_load": lag_at_end,
        "worker_cpu_cores_during_load": cpu["cores"]["worker"],
        "bench_process_cpu_cores_during_load": cpu["cores"]["bench"],
        "broker_cpu_cores_during_load": cpu["cores"]["broker"],
        "other_cpu_cores_during_load": cpu["other_cores"],
        "machine_busy_cores_during_load": cpu["machine_busy_cores"],
        "drained": drain_seconds is not None,
        "drain_seconds": drain_seconds,
        "lag_after_drain": final_lag,
    }


@contextlib.contextmanager
def running_workers(bootstrap: str, prefix: str, workdir: Path, count: int) -> Iterator[list[BenchWorker]]:
    workers = [BenchWorker(bootstrap, prefix, workdir, f"{prefix}-{i}") for i in range(count)]
    settings = workers[0].settings
    asyncio.run(ensure_service_topics(bootstrap, settings, kafka_security_options(settings)))
    try:
        for worker in workers:
            worker.start()
        yield workers
    finally:
        for worker in workers:
            worker.stop()


def phase_e2e(plan: Plan, bootstrap: str, workdir: Path, feed: Feed) -> dict[str, Any]:
    """One worker, the producer at each rate in turn (each bounded), drained between rates."""
    prefix = f"bench-e2e-{uuid.uuid4().hex[:6]}"
    with running_workers(bootstrap, prefix, workdir, 1) as workers:

        async def run() -> dict[str, Any]:
            async with Cluster(bootstrap, workers[0].settings) as cluster:
                startup = await warm_up(cluster, feed, workers, 90.0)
                log.info("worker ready %.1f s after start", startup)
                runs = []
                for rate in plan.rates:
                    result = await load_run(
                        cluster, feed, workers, rate, plan.seconds * 2, plan.drain_seconds
                    )
                    log.info(
                        "e2e %5.0f/s: %.1f produced/s, %.1f processed/s, %d alerts, p50 %s p99 %s, lag %d",
                        rate, result["produced_articles_per_second"],
                        result["processed_articles_per_second_during_load"], result["alerts"],
                        _fmt(result["latency_p50_seconds"]), _fmt(result["latency_p99_seconds"]),
                        result["lag_at_end_of_load"],
                    )  # fmt: skip
                    runs.append(result)
                return {"worker_ready_seconds": startup, "runs": runs}

        result = asyncio.run(run())
        result["peak_rss_bytes"] = peak_rss_bytes(workers[0].pid)
        result["worker_log"] = str(workers[0].log_path)
    return result


def phase_scaling(plan: Plan, bootstrap: str, workdir: Path, feed: Feed, capacity: float) -> dict[str, Any]:
    """1 vs 2 workers draining a backlog larger than they can finish in the window; processed/s of each.

    The backlog is produced up front (at full producer speed, before the window), which is a rate above any
    worker count's capacity without a producer competing with the workers for the two cores while measured.
    """
    window = plan.seconds * 2
    backlog = int(capacity * 2 * window * 1.5) + 200
    results: dict[str, Any] = {"window_seconds": window, "backlog_articles": backlog, "runs": []}
    for count in (1, 2):
        prefix = f"bench-scale{count}-{uuid.uuid4().hex[:6]}"
        with running_workers(bootstrap, prefix, workdir, count) as workers:

            async def run(workers: list[BenchWorker] = workers) -> dict[str, Any]:
                async with Cluster(bootstrap, workers[0].settings) as cluster:
                    await warm_up(cluster, feed, workers, 120.0)
                    futures = [await cluster.send(feed.take()) for _ in range(backlog)]
                    await asyncio.gather(*futures)
                    await asyncio.sleep(1.0)
                    before, began = await cluster.committed(), time.monotonic()
                    meter = CpuMeter(
                        {
                            **{f"worker{i}": w.pid for i, w in enumerate(workers)},
                            "broker": find_broker_pid(bootstrap),
                        }
                    )
                    await asyncio.sleep(window)
                    after, ended = await cluster.committed(), time.monotonic()
                    cpu = meter.stop()
                    return {
                        "worker_cpu_cores": [cpu["cores"][f"worker{i}"] for i in range(len(workers))],
                        "broker_cpu_cores": cpu["cores"]["broker"],
                        "other_cpu_cores": cpu["other_cores"],
                        "machine_busy_cores": cpu["machine_busy_cores"],
                        "workers": len(workers),
                        "members_seen": await cluster.group_members(),
                        "processed": after - before,
                        "processed_articles_per_second": (after - before) / (ended - began),
                        "lag_at_end": await cluster.lag(),
                    }

            result = asyncio.run(run())
            result["peak_rss_bytes"] = [peak_rss_bytes(w.pid) for w in workers]
            log.info("scaling %d worker(s): %.1f articles/s", count, result["processed_articles_per_second"])
            results["runs"].append(result)
    one, two = (r["processed_articles_per_second"] for r in results["runs"])
    results["throughput_ratio_2_vs_1"] = two / one if one else None
    return results


@contextlib.contextmanager
def kafka_cluster(workdir: Path) -> Iterator[tuple[str, str]]:
    """The embedded Tansu broker, started as the tests and the demo do, or FRONTWATCH_KAFKA_BOOTSTRAP."""
    external = os.environ.get("FRONTWATCH_KAFKA_BOOTSTRAP")
    if external:
        asyncio.run(wait_for_broker(external, security=kafka_security_options(Settings())))
        yield external, f"external Kafka at {external}"
        return
    with EmbeddedBroker(log_path=workdir / "tansu.log") as broker:
        yield broker.bootstrap, "embedded Tansu, memory storage"


# --- report -------------------------------------------------------------------------------------------------


def _fmt(value: float | None, digits: int = 3) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def machine_info() -> dict[str, Any]:
    model = ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True, check=False
    ).stdout.strip()
    return {
        "cpus": os.cpu_count(),
        "cpu_model": model,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "commit": commit or None,
        # Other users' jobs share these cores; the load average at the start says how quiet the machine was.
        "load_average_at_start": list(os.getloadavg()),
    }


def summary(report: dict[str, Any]) -> dict[str, Any]:
    """The flat keys a script or test reads; the phases hold the detail."""
    phases = report["phases"]
    det = phases.get("detector", {})
    out: dict[str, Any] = {
        "detector_articles_per_second": det.get("median_detector_articles_per_second"),
        "detector_words_per_second": det.get("median_detector_words_per_second"),
        "full_parse_articles_per_second": det.get("median_full_parse_articles_per_second"),
        "detector_speedup_vs_full_parse": det.get("median_speedup"),
    }
    e2e = phases.get("e2e", {})
    ref = next((r for r in e2e.get("runs", []) if r["target_rate"] == REFERENCE_RATE), None)
    out.update(
        {
            "e2e_rate_articles_per_second": ref and ref["produced_articles_per_second"],
            "e2e_processed_articles_per_second": ref and ref["processed_articles_per_second_during_load"],
            "e2e_alerts": ref and ref["alerts"],
            "e2e_alerts_per_second": ref and ref["alerts_per_second"],
            "e2e_p50_seconds": ref and ref["latency_p50_seconds"],
            "e2e_p95_seconds": ref and ref["latency_p95_seconds"],
            "e2e_p99_seconds": ref and ref["latency_p99_seconds"],
            "e2e_lag_at_end": ref and ref["lag_at_end_of_load"],
            "peak_rss_bytes": e2e.get("peak_rss_bytes"),
        }
    )
    growth = phases.get("growth", {})
    for row in growth.get("lengths", []):
        out[f"seconds_per_1k_chars_at_{row['chars'] // 1000}k"] = row["seconds_per_1k_chars"]
    scaling = phases.get("scaling", {})
    out["scaling_ratio_2_vs_1"] = scaling.get("throughput_ratio_2_vs_1")
    return out


def render_table(report: dict[str, Any]) -> str:
    phases = report["phases"]
    lines = [
        f"frontwatch bench ({'quick' if report['quick'] else 'full'}) on {report['machine']['cpus']} cpus"
    ]
    det = phases.get("detector")
    if det:
        lines += [
            "",
            f"phase 1 - detector vs full spaCy parse, one core, {det['mean_words_per_article']:.0f}-word "
            f"articles, median of {det['repeats']}:",
            f"  detector          {det['median_detector_articles_per_second']:8.1f} articles/s "
            f"{det['median_detector_words_per_second']:10.0f} words/s   (target >= "
            f"{DETECTOR_TARGET_ARTICLES_PER_S:.0f}: {'met' if det['meets_rate_target'] else 'MISSED'})",
            f"  full parse        {det['median_full_parse_articles_per_second']:8.1f} articles/s "
            f"{det['median_full_parse_words_per_second']:10.0f} words/s",
            f"  speed-up          {det['median_speedup']:8.1f} x   (target >= {DETECTOR_TARGET_SPEEDUP:.0f}: "
            f"{'met' if det['meets_speedup_target'] else 'MISSED'})",
            f"  planted events found by the detector (first run): {det['planted_events_detected_first_run']} "
            f"of {det['planted_events_first_run']}; {det['events_detected_first_run']} events in all",
        ]
    e2e = phases.get("e2e")
    if e2e:
        lines += [
            "",
            f"phase 2 - end to end, one worker, {report.get('broker', 'broker')}:",
            "  rate/s  produced/s processed/s  alerts  alerts/s   p50 s   p95 s   p99 s   lag@end  drained",
        ]
        for r in e2e["runs"]:
            lines.append(
                f"  {r['target_rate']:6.0f} {r['produced_articles_per_second']:10.1f} "
                f"{r['processed_articles_per_second_during_load']:11.1f} {r['alerts']:7d} "
                f"{r['alerts_per_second']:9.2f} {_fmt(r['latency_p50_seconds']):>7} "
                f"{_fmt(r['latency_p95_seconds']):>7} {_fmt(r['latency_p99_seconds']):>7} "
                f"{r['lag_at_end_of_load']:9d}  {'yes' if r['drained'] else 'NO'}"
            )
        lines.append(
            "  rate/s  p50 to detected  p50 detected to received   cores: worker broker bench other busy"
        )
        for r in e2e["runs"]:
            lines.append(
                f"  {r['target_rate']:6.0f} {_fmt(r['produce_to_detection_p50_seconds']):>16} "
                f"{_fmt(r['detection_to_receipt_p50_seconds']):>25}   "
                f"{_fmt(r['worker_cpu_cores_during_load'], 2):>13} "
                f"{_fmt(r['broker_cpu_cores_during_load'], 2):>6} "
                f"{_fmt(r['bench_process_cpu_cores_during_load'], 2):>5} "
                f"{_fmt(r['other_cpu_cores_during_load'], 2):>5} "
                f"{_fmt(r['machine_busy_cores_during_load'], 2):>4}"
            )
        rss = e2e.get("peak_rss_bytes")
        lines.append(f"  worker peak RSS {rss / 2**20:.0f} MiB" if rss else "  worker peak RSS unknown")
    if phases.get("e2e_error"):
        lines += ["", f"phase 2 FAILED: {phases['e2e_error']}"]
    scaling = phases.get("scaling")
    if scaling:
        lines += ["", f"phase 3 - scaling, backlog of {scaling['backlog_articles']} articles, 4 partitions:"]
        for r in scaling["runs"]:
            cores = " + ".join(_fmt(c, 2) for c in r["worker_cpu_cores"])
            lines.append(
                f"  {r['workers']} worker(s)  {r['processed_articles_per_second']:8.1f} articles/s   "
                f"cores: workers {cores}, broker {_fmt(r['broker_cpu_cores'], 2)}, "
                f"other {r['other_cpu_cores']:.2f}, machine busy {r['machine_busy_cores']:.2f}"
            )
        lines.append(f"  ratio 2/1         {_fmt(scaling['throughput_ratio_2_vs_1'], 2)}")
    if phases.get("scaling_error"):
        lines += ["", f"phase 3 FAILED: {phases['scaling_error']}"]
    growth = phases.get("growth")
    if growth:
        lines += [
            "",
            f"phase 4 - detector cost by length, conflict-heavy text, one core, median of "
            f"{growth['rounds']} rounds:",
        ]
        for row in growth["lengths"]:
            lines.append(
                f"  {row['chars']:7d} chars  {row['seconds_per_1k_chars'] * 1000:8.2f} ms per 1k chars "
                f"({row['articles']} articles, {row['events_per_article']:.1f} events each)"
            )
        lines.append(f"  100k vs 1k        {growth['growth_100k_vs_1k']:.2f} x per character")
    lines.append(f"\ntotal {report['elapsed_seconds']:.0f} s; report written to {report['out']}")
    return "\n".join(lines)


def build_arg_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="frontwatch bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="phases 1, 2 (50 articles/s) and 4; < 2 min")
    parser.add_argument("--json", action="store_true", help="print one JSON object on stdout; logs to stderr")
    parser.add_argument("--out", type=Path, default=Path("bench-report.json"), help="JSON report path")
    parser.add_argument(
        "--seconds", type=float, default=None, help="seconds per measurement (default 5 quick, 15 full)"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_arg_parser().parse_args(argv)
    if args.seconds is not None and args.seconds <= 0:
        raise SystemExit("--seconds must be positive")
    logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(asctime)s bench %(message)s")
    logging.getLogger("aiokafka").setLevel(logging.ERROR)
    plan = Plan.from_args(args.quick, args.seconds)
    started = time.monotonic()
    phases: dict[str, Any] = {}
    report: dict[str, Any] = {
        "started_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "quick": plan.quick,
        "arguments": list(
            argv if argv is not None else sys.argv[1:]
        ),  # of `frontwatch bench` / -m service.bench
        "machine": machine_info(),
        "plan": plan.__dict__,
        "phases": phases,
    }
    phases["detector"] = phase_detector(plan)
    phases["growth"] = phase_growth(plan)
    with tempfile.TemporaryDirectory(prefix="frontwatch-bench-") as tmp:
        workdir = Path(tmp)
        feed = Feed(4000)
        try:
            with kafka_cluster(workdir) as (bootstrap, kind):
                report["broker"] = kind
                try:
                    phases["e2e"] = phase_e2e(plan, bootstrap, workdir, feed)
                except BenchError as exc:
                    phases["e2e_error"] = str(exc)
                if plan.scaling:
                    capacity = _single_worker_capacity(phases)
                    try:
                        phases["scaling"] = phase_scaling(plan, bootstrap, workdir, feed, capacity)
                    except BenchError as exc:
                        phases["scaling_error"] = str(exc)
        except Exception as exc:  # the broker itself: report what ran so far rather than nothing
            log.exception("broker phases failed")
            phases["e2e_error"] = phases.get("e2e_error") or f"{type(exc).__name__}: {exc}"
    report["elapsed_seconds"] = time.monotonic() - started
    report["out"] = str(args.out)
    report["summary"] = summary(report)
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    table = render_table(report)
    if args.json:
        print(table, file=sys.stderr)
        print(
            json.dumps(
                {**report["summary"], "report": str(args.out), "elapsed_seconds": report["elapsed_seconds"]}
            )
        )
    else:
        print(table)
    return 0 if "e2e_error" not in phases and "scaling_error" not in phases else 1


def _single_worker_capacity(phases: dict[str, Any]) -> float:
    """Processed/s of one worker when overloaded in phase 2, else the detector's rate from phase 1."""
    runs = phases.get("e2e", {}).get("runs", [])
    overloaded = [
        r["processed_articles_per_second_during_load"] for r in runs if r["lag_at_end_of_load"] > 50
    ]
    if overloaded:
        return float(max(overloaded))
    return float(phases["detector"]["median_detector_articles_per_second"])


if __name__ == "__main__":
    sys.exit(main())

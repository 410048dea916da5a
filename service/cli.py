"""The `frontwatch` command: parses arguments and calls the modules that do the work."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import signal
import sys
import threading
from collections.abc import Sequence
from pathlib import Path

from aiokafka.errors import KafkaError

from service.broker import BrokerError
from service.config import ConfigError, Settings, load_settings
from service.logs import configure_logging, redact

log = logging.getLogger("frontwatch")


class UsageError(RuntimeError):
    """A problem the user can fix; printed without a traceback."""


def require_bootstrap(settings: Settings) -> str:
    if settings.kafka_bootstrap is None:
        raise UsageError(
            "FRONTWATCH_KAFKA_BOOTSTRAP is not set: point it at a Kafka cluster, or start the "
            "embedded one with `frontwatch broker` and export the address it prints"
        )
    return settings.kafka_bootstrap


def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    import faust

    from service import metrics, web
    from service.app import create_app, load_detector
    from service.broker import ensure_topics, wait_for_broker
    from service.kafka_io import kafka_security_options
    from service.logs import logging_config

    bootstrap = require_bootstrap(settings)
    security = kafka_security_options(settings)
    metrics.init_metrics()
    # The endpoints come first: /healthz answers while the broker is awaited and spaCy loads, /readyz says
    # not ready until the first partition assignment.
    health = web.Health()
    if settings.metrics_port:
        web.serve(settings, health)
        log.info(
            "/metrics, /healthz, /readyz at http://%s:%d", settings.metrics_host, settings.metrics_port
        )
    asyncio.run(wait_for_broker(bootstrap, security=security))
    if settings.create_topics:
        created = asyncio.run(
            ensure_topics(bootstrap, settings.topic_partitions, settings.replication_factor, security)
        )
        if created:
            log.info("created topics %s", ", ".join(created))
    detector = load_detector()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    app = create_app(settings, detector)
    web.instrument(app, settings, health)
    # faust stops on SIGTERM/SIGINT: it stops fetching, waits for the message in hand, commits what was
    # processed, flushes the producer and exits 0; unfinished messages are read again by the next owner.
    worker = faust.Worker(
        app,
        loglevel=settings.log_level,
        quiet=True,
        workdir=str(settings.data_dir),
        logging_config=logging_config(settings),
    )
    worker.execute_from_commandline()
    return 0


def cmd_broker(args: argparse.Namespace, settings: Settings) -> int:
    from service.broker import EmbeddedBroker, ensure_topics, wait_for_broker
    from service.kafka_io import kafka_security_options

    if settings.kafka_bootstrap:
        security = kafka_security_options(settings)
        asyncio.run(wait_for_broker(settings.kafka_bootstrap, security=security))
        created = asyncio.run(
            ensure_topics(
                settings.kafka_bootstrap, settings.topic_partitions, settings.replication_factor, security
            )
        )
        print(
            f"FRONTWATCH_KAFKA_BOOTSTRAP={settings.kafka_bootstrap} is set, so no Tansu; created topics: "
            f"{', '.join(created) or 'none missing'}"
        )
        return 0
    with EmbeddedBroker(port=args.port) as broker:
        asyncio.run(ensure_topics(broker.bootstrap, settings.topic_partitions, settings.replication_factor))
        print(f"export FRONTWATCH_KAFKA_BOOTSTRAP={broker.bootstrap}", flush=True)
        print(f"Tansu (memory storage) running; log: {broker.log_path}. Ctrl-C stops it.", file=sys.stderr)
        _wait_for_signal()
    return 0


def _wait_for_signal() -> None:
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    stop.wait()


def cmd_produce(args: argparse.Namespace, settings: Settings) -> int:
    from service.kafka_io import kafka_security_options, produce, produce_articles, read_article_file

    bootstrap = require_bootstrap(settings)
    security = kafka_security_options(settings)
    topic = args.topic or settings.input_topic
    if args.raw:
        lines = [line.rstrip(b"\n") for line in args.file.read_bytes().splitlines() if line.strip()]
        count = asyncio.run(produce(bootstrap, topic, ((None, line) for line in lines), security=security))
    else:
        try:
            articles = read_article_file(args.file)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
        count = asyncio.run(produce_articles(bootstrap, topic, articles, security))
    print(f"produced {count} messages to {topic}", file=sys.stderr)
    return 0


def cmd_tail(args: argparse.Namespace, settings: Settings) -> int:
    from service.kafka_io import kafka_security_options, read_topic

    bootstrap = require_bootstrap(settings)
    security = kafka_security_options(settings)

    async def tail() -> None:
        async for record in read_topic(
            bootstrap,
            args.topic,
            max_records=args.max,
            timeout=args.timeout,
            from_beginning=not args.new,
            security=security,
        ):
            print(record.to_json(), flush=True)

    asyncio.run(tail())
    return 0


def cmd_detect(args: argparse.Namespace, settings: Settings) -> int:
    from service.detect.evaluate import detect_file

    events = detect_file(args.input, args.output)
    print(f"wrote {events} events to {args.output}", file=sys.stderr)
    return 0


def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    from service.detect.evaluate import evaluate_file

    report, table = evaluate_file(args.gold, errors=args.errors)
    print(json.dumps(report.as_dict(), indent=2) if args.json else table)
    return 0


def cmd_demo(args: argparse.Namespace, settings: Settings) -> int:
    from service.demo import run_demo

    return run_demo(settings, seeds=args.seeds, timeout=args.timeout, linger=args.linger)


def cmd_bench(args: argparse.Namespace, settings: Settings) -> int:
    from service.bench import main as bench_main

    return bench_main(list(args.bench_args))


def cmd_schemas(args: argparse.Namespace, settings: Settings) -> int:
    from service.schemas_export import SCHEMA_DIR, check_schemas, write_schemas

    if args.write:
        for path in write_schemas(args.dir):
            print(f"wrote {path}")
        return 0
    stale = check_schemas(args.dir)
    for name in stale:
        print(f"out of date: {name} (run `frontwatch schemas --write`)", file=sys.stderr)
    if not stale:
        print(f"{args.dir or SCHEMA_DIR} matches the message models")
    return 1 if stale else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="frontwatch",
        description=__doc__,
        epilog="Configuration comes from FRONTWATCH_* environment variables (see README.md).",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    sub.add_parser("run", help="run the stream worker against FRONTWATCH_KAFKA_BOOTSTRAP").set_defaults(
        func=cmd_run
    )

    p = sub.add_parser("broker", help="run the embedded Tansu broker and create frontwatch's topics")
    p.add_argument("--port", type=int, default=None, help="listen port on 127.0.0.1 (default: a free one)")
    p.set_defaults(func=cmd_broker)

    p = sub.add_parser("produce", help="send articles from a JSON Lines file to the input topic")
    p.add_argument("file", type=Path, metavar="FILE.jsonl")
    p.add_argument("--topic", help="target topic (default: the input topic)")
    p.add_argument("--raw", action="store_true", help="send each line as it is, without validation")
    p.set_defaults(func=cmd_produce)

    p = sub.add_parser("tail", help="print a topic's records as JSON lines (from the beginning)")
    p.add_argument("topic", metavar="TOPIC")
    p.add_argument("--max", type=int, default=None, help="stop after N records")
    p.add_argument("--timeout", type=float, default=None, help="stop after S seconds")
    p.add_argument("--new", action="store_true", help="only records produced from now on")
    p.set_defaults(func=cmd_tail)

    p = sub.add_parser("detect", help="run the detector over a JSON Lines file (no Kafka)")
    p.add_argument("--input", type=Path, required=True, metavar="IN.jsonl")
    p.add_argument("--output", type=Path, required=True, metavar="OUT.jsonl")
    p.set_defaults(func=cmd_detect)

    p = sub.add_parser("eval", help="score the detector against a gold JSON Lines file")
    p.add_argument("gold", type=Path, metavar="GOLD.jsonl")
    p.add_argument("--errors", action="store_true", help="list every missed, false and background error")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("demo", help="embedded broker + worker + seed articles; prints alerts as they arrive")
    p.add_argument(
        "--seeds", type=Path, default=None, help="articles to send (default: seeds/articles.jsonl)"
    )
    p.add_argument("--timeout", type=float, default=90.0, help="give up after S seconds")
    p.add_argument(
        "--linger",
        type=float,
        default=0.0,
        help="keep broker, worker and /metrics up S seconds after the last alert",
    )
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser(
        "bench",
        add_help=False,
        help="performance figures on the embedded broker (--quick, --json, --out FILE, --seconds S)",
    )
    p.set_defaults(func=cmd_bench, bench_args=[])

    p = sub.add_parser("schemas", help="check (default) or regenerate schemas/ from the message models")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--write", action="store_true")
    mode.add_argument("--check", action="store_true")
    p.add_argument("--dir", type=Path, default=None, help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_schemas)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if args.command == "bench":
        args.bench_args = extra  # `service.bench` owns its options
    elif extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    try:
        settings = load_settings()
    except ConfigError as exc:
        print(f"frontwatch: {exc}", file=sys.stderr)
        return 2
    configure_logging(settings)
    try:
        return int(args.func(args, settings))
    except UsageError as exc:
        print(f"frontwatch: {exc}", file=sys.stderr)
        return 2
    except (OSError, LookupError, KafkaError, BrokerError) as exc:
        print(f"frontwatch: {type(exc).__name__}: {redact(str(exc), settings.secret_values())}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())

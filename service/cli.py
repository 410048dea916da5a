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
from typing import Any

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
    from service.broker import ensure_service_topics, wait_for_broker
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
        created = asyncio.run(ensure_service_topics(bootstrap, settings, security))
        if created:
            log.info("created topics %s", ", ".join(created))
    if settings.subscriptions_file is not None:
        from service.alerts.feed import publish_subscriptions
        from service.alerts.subscriptions import load_subscriptions_file

        try:
            seeded = load_subscriptions_file(settings.subscriptions_file)
        except (OSError, ValueError) as exc:
            raise UsageError(f"FRONTWATCH_SUBSCRIPTIONS_FILE: {exc}") from None
        asyncio.run(publish_subscriptions(settings, seeded, security))
        log.info("subscriptions from %s: %s", settings.subscriptions_file, ", ".join(s.id for s in seeded))
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
    from service.broker import EmbeddedBroker, ensure_service_topics, wait_for_broker
    from service.kafka_io import kafka_security_options

    if settings.kafka_bootstrap:
        security = kafka_security_options(settings)
        asyncio.run(wait_for_broker(settings.kafka_bootstrap, security=security))
        created = asyncio.run(ensure_service_topics(settings.kafka_bootstrap, settings, security))
        print(
            f"FRONTWATCH_KAFKA_BOOTSTRAP={settings.kafka_bootstrap} is set, so no Tansu; created topics: "
            f"{', '.join(created) or 'none missing'}"
        )
        return 0
    with EmbeddedBroker(port=args.port) as broker:
        asyncio.run(ensure_service_topics(broker.bootstrap, settings))
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


def _floats(text: str, count: int, what: str) -> list[float]:
    try:
        values = [float(v) for v in text.split(",")]
    except ValueError:
        values = []
    if len(values) != count:
        raise UsageError(f"{what} takes {count} comma-separated numbers, got {text!r}")
    return values


def subscription_from_args(args: argparse.Namespace) -> Any:
    """A subscription from `frontwatch subscribe add` options; invalid values are a usage error."""
    from service.alerts.subscriptions import Subscription

    fields: dict[str, Any] = {"id": args.id, "topic": args.topic, "description": args.description}
    if args.type:
        fields["event_types"] = args.type
    if args.country:
        fields["countries"] = args.country
    if args.bbox:
        fields["bbox"] = dict(zip(("west", "south", "east", "north"), _floats(args.bbox, 4, "--bbox")))
    if args.near:
        fields["near"] = dict(zip(("latitude", "longitude", "radius_km"), _floats(args.near, 3, "--near")))
    if args.actor:
        fields["actors"] = args.actor
    if args.min_confidence is not None:
        fields["min_confidence"] = args.min_confidence
    if args.min_sources is not None:
        fields["min_sources"] = args.min_sources
    if args.new_only:
        fields["updates"] = False
    try:
        return Subscription.model_validate(fields)
    except ValueError as exc:
        raise UsageError(f"invalid subscription: {exc}") from None


def cmd_subscribe(args: argparse.Namespace, settings: Settings) -> int:
    from service.alerts import feed
    from service.alerts.subscriptions import load_subscriptions_file
    from service.kafka_io import kafka_security_options

    require_bootstrap(settings)
    security = kafka_security_options(settings)
    if args.action == "add":
        if args.file is not None:
            if args.id or args.topic:
                raise UsageError("give either --file or an id with --topic, not both")
            try:
                subscriptions = load_subscriptions_file(args.file)
            except ValueError as exc:
                raise UsageError(str(exc)) from None
        else:
            if not args.id or not args.topic:
                raise UsageError("subscribe add needs an ID and --topic (or --file FILE.yaml)")
            subscriptions = [subscription_from_args(args)]
        asyncio.run(feed.publish_subscriptions(settings, subscriptions, security))
        for s in subscriptions:
            print(f"subscription {s.id} → {s.topic}", file=sys.stderr)
    elif args.action == "remove":
        asyncio.run(feed.remove_subscription(settings, args.id, security))
        print(f"subscription {args.id} removed", file=sys.stderr)
    else:
        registry = asyncio.run(feed.fold_subscriptions(settings, security))
        for s in registry:
            print(s.model_dump_json(exclude_defaults=True), flush=True)
    return 0


def _add_subscribe_parser(sub: Any) -> None:
    p = sub.add_parser("subscribe", help="add, remove or list subscriptions (compacted subscriptions topic)")
    actions = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = actions.add_parser("add", help="add or replace a subscription (its topic is created if missing)")
    add.add_argument("id", nargs="?", metavar="ID", help="subscription id (letters, digits, . _ -)")
    add.add_argument("--topic", help="where its alerts go")
    add.add_argument("--file", type=Path, help="add every subscription of a YAML file instead")
    add.add_argument("--description")
    add.add_argument(
        "--type", action="append", choices=["territorial_control", "deployment"], help="repeatable"
    )
    add.add_argument("--country", action="append", help="ISO 3166-1 alpha-2; repeatable")
    add.add_argument("--bbox", metavar="W,S,E,N", help="bounding box in degrees")
    add.add_argument("--near", metavar="LAT,LON,KM", help="point and radius")
    add.add_argument("--actor", action="append", help="actor name, aliases match; repeatable")
    add.add_argument("--min-confidence", type=float)
    add.add_argument("--min-sources", type=int)
    add.add_argument("--new-only", action="store_true", help="only the first alert of each event")
    remove = actions.add_parser("remove", help="remove a subscription (a tombstone on the topic)")
    remove.add_argument("id", metavar="ID")
    actions.add_parser("list", help="print the current subscriptions as JSON lines")
    p.set_defaults(func=cmd_subscribe)


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

    _add_subscribe_parser(sub)
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

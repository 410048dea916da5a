"""The command line: every subcommand parses, and user errors exit 2 with a message, not a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from service.cli import build_parser, main


@pytest.mark.parametrize(
    "argv",
    [
        ["run"],
        ["broker", "--port", "9092"],
        ["produce", "f.jsonl", "--raw"],
        ["tail", "alerts.all", "--max", "3", "--timeout", "2.5"],
        ["detect", "--input", "in.jsonl", "--output", "out.jsonl"],
        ["eval", "gold.jsonl"],
        ["demo", "--timeout", "30"],
        ["schemas", "--write"],
        ["schemas", "--check"],
        ["bench"],
    ],
)
def test_every_command_parses(argv: list[str]) -> None:
    args = build_parser().parse_args(argv)
    assert callable(args.func)


def test_bench_options_pass_through_to_the_benchmark() -> None:
    args, extra = build_parser().parse_known_args(["bench", "--quick", "--out", "b.json"])
    assert (args.command, extra) == ("bench", ["--quick", "--out", "b.json"])


def test_unknown_options_of_other_commands_are_errors(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["tail", "alerts.all", "--bogus"])
    assert exited.value.code == 2
    assert "--bogus" in capsys.readouterr().err


def test_commands_that_need_kafka_say_how_to_get_one(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("FRONTWATCH_KAFKA_BOOTSTRAP", raising=False)
    assert main(["tail", "alerts.all", "--max", "1"]) == 2
    assert "FRONTWATCH_KAFKA_BOOTSTRAP is not set" in capsys.readouterr().err


def test_invalid_configuration_exits_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("FRONTWATCH_METRICS_PORT", "-1")
    assert main(["schemas", "--check"]) == 2
    assert "FRONTWATCH_METRICS_PORT" in capsys.readouterr().err


def test_schemas_check_passes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schemas", "--check"]) == 0


def test_eval_scores_the_dev_set(shared_eval: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "service.cli", "eval", str(shared_eval / "dev.jsonl"), "--json"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    scores = json.loads(done.stdout)
    assert scores["items"] == 83
    assert set(scores["events"]) == {"territorial_control", "deployment"}

"""`python -m service.bench --quick --json`: one command gives every headline figure, in under two minutes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from service.bench import summary

REPO = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.broker, pytest.mark.slow]

REQUIRED = (
    "detector_articles_per_second",
    "full_parse_articles_per_second",
    "e2e_rate_articles_per_second",
    "e2e_p99_seconds",
    "peak_rss_bytes",
)


def test_quick_benchmark_reports_every_phase(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "FRONTWATCH_KAFKA_BOOTSTRAP"}
    out = tmp_path / "report.json"
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "service.bench", "--quick", "--json", "--out", str(out)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=150,
        check=False,
    )
    elapsed = time.monotonic() - started
    assert done.returncode == 0, done.stderr[-3000:]
    assert elapsed < 120, f"--quick took {elapsed:.0f} s"

    lines = [line for line in done.stdout.splitlines() if line.strip()]
    assert len(lines) == 1, f"stdout must be one JSON object, got:\n{done.stdout[:2000]}"
    result = json.loads(lines[0])
    for key in REQUIRED:
        assert isinstance(result[key], (int, float)) and result[key] > 0, (key, result.get(key))
    assert result["e2e_alerts"] > 0, "the end-to-end phase saw no alerts"
    assert result["e2e_p50_seconds"] <= result["e2e_p99_seconds"]
    assert 40 <= result["e2e_rate_articles_per_second"] <= 60  # --quick produces at 50 articles/s
    assert "phase 1" in done.stderr and "phase 4" in done.stderr  # the table goes to stderr in --json mode

    report = json.loads(out.read_text())
    assert report["quick"] is True
    assert summary(report) == report["summary"]
    assert {row["chars"] for row in report["phases"]["growth"]["lengths"]} == {1_000, 10_000, 100_000}
    assert "scaling" not in report["phases"]

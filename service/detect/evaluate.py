"""Offline detection over JSON Lines files, in the evaluation contract of ../shared/eval/README.md."""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from service.detect.model import Article, Event
from service.detect.pipeline import Detector
from service.detect.scoring import ScoreReport, format_report, score


def _published(row: dict[str, Any]) -> dt.date | None:
    raw = row.get("published") or row.get("published_at")
    if not raw or not isinstance(raw, str):
        return None
    try:
        return dt.date.fromisoformat(raw[:10])
    except ValueError:
        return None


def read_articles(path: Path) -> Iterator[Article]:
    """Articles from an eval-format file (`id, text, title, published`); other keys, gold included, are ignored."""
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            row = json.loads(line)
            if not isinstance(row, dict) or "id" not in row:
                raise ValueError(f"{path}:{n}: not a JSON object with an id")
            yield Article(
                id=str(row["id"]),
                text=str(row.get("text") or ""),
                title=row.get("title"),
                published=_published(row),
            )


def write_predictions(articles: list[Article], detector: Detector, out: TextIO) -> int:
    """One output line per input article, same ids; returns the number of events written."""
    count = 0
    for article, events in zip(articles, _events_per_article(articles, detector), strict=True):
        row = {"id": article.id, "events": [e.model_dump(mode="json") for e in events]}
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        count += len(events)
    return count


def _events_per_article(
    articles: list[Article], detector: Detector, batch_size: int = 64
) -> Iterator[list[Event]]:
    """Events per article, in batches; an article the detector fails on is written with none, and said so on
    stderr, rather than costing every other article of the file its predictions."""
    for start in range(0, len(articles), batch_size):
        batch = articles[start : start + batch_size]
        try:
            yield from list(detector.detect_many(batch))
        except Exception:  # noqa: BLE001 - find the failing article, keep the others
            yield from (_events_or_none(detector, article) for article in batch)


def _events_or_none(detector: Detector, article: Article) -> list[Event]:
    try:
        return next(iter(detector.detect_many([article])))
    except Exception as exc:  # noqa: BLE001
        failure = f"{type(exc).__name__}: {exc}"
        print(f"detect: article {article.id!r} failed ({failure}); no events written", file=sys.stderr)
        return []


def detect_file(input_path: Path, output_path: Path, detector: Detector | None = None) -> int:
    articles = list(read_articles(input_path))
    detector = detector or Detector()
    with output_path.open("w", encoding="utf-8") as out:
        return write_predictions(articles, detector, out)


def evaluate_file(
    gold_path: Path, detector: Detector | None = None, errors: bool = False
) -> tuple[ScoreReport, str]:
    """Detect on a labelled file's texts and score against its labels: the judges' figures without temp files.

    Predictions go through `write_predictions` and back, so they are scored exactly as `detect_file` would
    write them; returns the report and its printable table (with every error listed when `errors`).
    """
    with gold_path.open(encoding="utf-8") as f:
        gold_rows = [json.loads(line) for line in f if line.strip()]
    articles = list(read_articles(gold_path))
    buffer = io.StringIO()
    write_predictions(articles, detector or Detector(), buffer)
    preds = [json.loads(line) for line in buffer.getvalue().splitlines() if line.strip()]
    report = score(gold_rows, {row["id"]: row for row in preds})
    return report, format_report(report, errors=errors)

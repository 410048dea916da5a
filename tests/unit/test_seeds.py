"""The seed articles the demo sends, and the example subscriptions, stay valid and our own."""

from __future__ import annotations

import json
import re
from pathlib import Path

from service.alerts.subscriptions import load_subscriptions_file
from service.kafka_io import read_article_file

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _shingles(text: str, n: int = 10) -> set[str]:
    words = re.findall(r"\w+", text.lower())
    return {" ".join(words[i : i + n]) for i in range(len(words) - n + 1)}


def test_seed_articles_are_valid_news_length_and_unique() -> None:
    articles = read_article_file(SEEDS / "articles.jsonl")
    assert 6 <= len(articles) <= 10
    assert len({a.id for a in articles}) == len(articles)
    for article in articles:
        assert 100 <= len(article.text.split()) <= 400, article.id
        assert article.published_at is not None and article.title


def test_seed_articles_share_no_passage_with_the_evaluation_sets(shared_eval: Path) -> None:
    seeds = set().union(*(_shingles(a.text) for a in read_article_file(SEEDS / "articles.jsonl")))
    for name in ("dev.jsonl", "train.jsonl"):
        for line in (shared_eval / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                assert not seeds & _shingles(row.get("text") or ""), f"seed text overlaps {name}:{row['id']}"


def test_example_subscriptions_load() -> None:
    subscriptions = load_subscriptions_file(SEEDS / "subscriptions.yaml")
    assert len(subscriptions) >= 3
    assert len({s.topic for s in subscriptions}) == len(subscriptions)

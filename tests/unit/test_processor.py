"""The worker's per-message path without Kafka: what one consumed message turns into."""

from __future__ import annotations

import pytest

from service.app import ArticleProcessor
from service.config import Settings
from service.detect.model import Article, Event
from service.routing import SourceRecord

SETTINGS = Settings(kafka_bootstrap="127.0.0.1:9092")
SOURCE = SourceRecord("articles", 0, 7, key=b"k")


class BrokenDetector:
    """Stands in only for a detector bug, which the real one is built never to have."""

    def detect(self, article: Article) -> list[Event]:
        raise RuntimeError("boom")


async def test_a_detector_failure_dead_letters_the_article_and_the_worker_goes_on() -> None:
    processor = ArticleProcessor(SETTINGS, BrokenDetector())
    try:
        raw = b'{"id": "a", "text": "Troops entered the town."}'
        [letter] = await processor.process(raw, SOURCE)
        headers = dict(letter.headers)
        assert (letter.topic, letter.value) == ("articles.dlq", raw)
        assert headers["dlq_reason"] == b"detector_error"
        assert headers["dlq_error"] == b"RuntimeError: boom"
        [letter] = await processor.process(b"\xff", SOURCE)
        assert dict(letter.headers)["dlq_reason"] == b"invalid_utf8"
    finally:
        processor.close()


@pytest.mark.parametrize("raw", [None, b"", b"{}"])
async def test_unreadable_messages_never_reach_the_detector(raw: bytes | None) -> None:
    processor = ArticleProcessor(SETTINGS, BrokenDetector())
    try:
        [letter] = await processor.process(raw, SOURCE)
        assert dict(letter.headers)["dlq_reason"] != b"detector_error"
    finally:
        processor.close()

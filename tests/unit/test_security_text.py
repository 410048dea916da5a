"""Untrusted article text becomes plain text on ingest: no markup, no control characters, in alerts either."""

from __future__ import annotations

import asyncio
import json

import pytest

from service.config import Settings
from service.messages import Rejected, parse_article, plain_text, strip_controls, strip_html
from service.routing import SourceRecord


@pytest.mark.parametrize(
    ("raw", "plain"),
    [
        ("<p>Russian forces <b>captured</b> Soledar.</p>", "Russian forces captured Soledar."),
        ("<p>First.</p><p>Second.</p>", "First.\n\nSecond."),
        ("Line one<br>line two", "Line one\nline two"),
        ("Kherson<script>alert('x')</script> retaken", "Kherson retaken"),
        ("a<STYLE type='text/css'>p {color: red}</STYLE>b", "ab"),
        ("before<!-- a comment -->after", "beforeafter"),
        ("AT&amp;T &lt;b&gt; &#8212; &eacute;", "AT&T <b> \u2014 \u00e9"),
        ('<a href="https://example.org/?a=1&b=2">link</a> text', "link text"),
        ("<!DOCTYPE html><html><body>Body</body></html>", "Body"),
        ("unclosed <b tag runs to the end", "unclosed"),
    ],
)
def test_html_is_stripped(raw: str, plain: str) -> None:
    assert plain_text(raw) == plain


@pytest.mark.parametrize(
    "text",
    [
        "Troops moved 5 < 10 km and then > 20 km.",
        "AT&T and R&D; Q&A",
        "Plain news text.\n\nSecond paragraph, with\ttabs.",
    ],
)
def test_text_without_markup_is_left_alone(text: str) -> None:
    assert plain_text(text) == text


def test_control_characters_become_spaces_so_offsets_stay() -> None:
    text = "Kherson\x1b[31m retaken\x00 by\u202e troops\r\nnext\u2028line\x85end\x7f."
    cleaned = strip_controls(text)
    assert len(cleaned) == len(text)
    assert cleaned == "Kherson [31m retaken  by  troops \nnext\nline end ."
    assert all(ch in "\n\t" or ch.isprintable() for ch in plain_text(text))


def test_strip_html_entities_cannot_smuggle_tags_through_a_second_pass() -> None:
    once = strip_html("&lt;script&gt;alert(1)&lt;/script&gt;")
    assert once == "<script>alert(1)</script>"  # text now, quoted as text: consumers escape on display
    assert plain_text("&lt;script&gt;") == "<script>"


def test_parse_article_delivers_plain_text_fields() -> None:
    raw = json.dumps(
        {
            "id": "a\x1bb",
            "title": "<h1>Soledar <i>falls</i></h1>",
            "text": "<p>Russian forces captured Soledar.\x07</p>",
            "source": "Wire\u202eService",
        }
    ).encode()
    article = parse_article(raw, 1_000_000)
    assert (article.id, article.title, article.text, article.source) == (
        "a b",
        "Soledar falls",
        "Russian forces captured Soledar.",
        "Wire Service",
    )


def test_markup_without_text_is_dead_lettered_as_missing_text() -> None:
    with pytest.raises(Rejected) as rejected:
        parse_article(b'{"id": "x", "text": "<p><script>x()</script></p>"}', 1_000_000)
    assert rejected.value.reason == "missing_text"


def test_alerts_from_an_html_article_carry_plain_text() -> None:
    """The evidence of an alert is a slice of the cleaned text, so it holds no markup."""
    from service.app import ArticleProcessor
    from service.detect.model import TerritorialControlEvent

    class QuoteFirstSentence:
        def detect(self, article):  # type: ignore[no-untyped-def]
            end = article.text.index(".") + 1
            return [
                TerritorialControlEvent(
                    place="Soledar",
                    country="UA",
                    background=False,
                    evidence=article.text[:end],
                    evidence_start=0,
                    evidence_end=end,
                    confidence=0.9,
                )
            ]

    processor = ArticleProcessor(Settings(), QuoteFirstSentence())  # type: ignore[arg-type]
    raw = json.dumps(
        {"id": "html-1", "text": "<p>Russian <b>forces</b> captured <a href='x'>Soledar</a>.</p><p>More.</p>"}
    ).encode()
    try:
        records = asyncio.run(processor.process(raw, SourceRecord("articles", 0, 1)))
    finally:
        processor.close()
    # Whatever the records are (alerts, or reports on their way to correlation), their evidence is plain.
    evidence = [e for r in records for e in _values_of("evidence", json.loads(r.value))]
    assert evidence and all(e == "Russian forces captured Soledar." for e in evidence), records
    assert all("<" not in r.value.decode() for r in records)


def _values_of(key: str, data: object) -> list[object]:
    if isinstance(data, dict):
        return ([data[key]] if key in data else []) + [v for x in data.values() for v in _values_of(key, x)]
    if isinstance(data, list):
        return [v for x in data for v in _values_of(key, x)]
    return []

"""The benchmark corpus is only worth its figures if it is the same on every run and as promised in shape."""

from __future__ import annotations

import statistics
from collections import Counter

import pytest

from service.bench_corpus import (
    CAPTURES,
    DEPLOYMENTS,
    TOPICS,
    TOWNS,
    event_plan,
    generate_article,
    long_article,
    news_corpus,
    short_articles,
)


def test_same_seed_same_corpus() -> None:
    assert news_corpus(60) == news_corpus(60)
    assert long_article(10_000) == long_article(10_000)


def test_other_seed_other_corpus() -> None:
    assert [a.text for a in news_corpus(20, seed=1)] != [a.text for a in news_corpus(20, seed=2)]


def test_article_does_not_depend_on_corpus_size() -> None:
    """Article i is generated from its own seed, so a bigger corpus extends a smaller one's texts."""
    small, large = news_corpus(40), news_corpus(400)
    assert [a.text for a in small if a.event is None][:5] == [
        generate_article(i).text for i, a in enumerate(small) if a.event is None
    ][:5]
    assert len({a.id for a in large}) == 400


@pytest.mark.parametrize("share", [0.05, 0.12, 0.2])
def test_event_share_is_exact(share: float) -> None:
    corpus = news_corpus(200, event_share=share)
    kinds = Counter(a.event for a in corpus)
    assert kinds["territorial_control"] + kinds["deployment"] == round(200 * share)
    assert abs(kinds["territorial_control"] - kinds["deployment"]) <= 1


def test_default_share_within_promise() -> None:
    corpus = news_corpus(300)
    share = sum(a.event is not None for a in corpus) / len(corpus)
    assert 0.05 <= share <= 0.20


def test_event_plan_rejects_bad_share() -> None:
    with pytest.raises(ValueError):
        event_plan(10, event_share=1.5)


def test_planted_event_is_in_the_text_at_a_real_town() -> None:
    towns = {t for names in TOWNS.values() for t in names}
    for article in (a for a in news_corpus(100) if a.event):
        assert article.place in towns
        assert article.place is not None and article.place in article.text
        assert article.topic == "conflict"


def test_event_phrasings_vary() -> None:
    """Every capture and deployment template is used somewhere in a modest corpus."""
    leads = [a.text.split("\n\n")[0] for a in news_corpus(600, event_share=0.2) if a.event]
    for templates in (CAPTURES, DEPLOYMENTS):
        used = {t for t in templates for lead in leads if _matches(t, lead)}
        assert len(used) == len(templates)


def _matches(template: str, text: str) -> bool:
    """Does `text` contain a filling of `template`? Compares the template's longest literal piece."""
    pieces = [p for p in __import__("re").split(r"\{[^}]+\}", template) if p.strip()]
    return max(pieces, key=len).strip() in text


def test_topics_are_mixed_and_articles_are_about_500_words() -> None:
    corpus = news_corpus(300)
    assert set(Counter(a.topic for a in corpus)) == set(TOPICS)
    words = [a.words for a in corpus]
    assert 450 <= statistics.median(words) <= 550
    assert min(words) >= 400 and max(words) <= 560


def test_no_sentence_repeats_within_a_500_word_article() -> None:
    for article in news_corpus(30, event_share=0.0):
        sentences = [s for p in article.text.split("\n\n") for s in p.split(". ")]
        assert len(sentences) == len(set(sentences)), article.id


def test_short_articles_are_about_50_words() -> None:
    words = [a.words for a in short_articles(50)]
    assert all(20 <= w <= 60 for w in words)
    assert 35 <= statistics.median(words) <= 60


@pytest.mark.parametrize("chars", [1_000, 10_000, 100_000])
def test_long_articles_have_the_requested_length(chars: int) -> None:
    article = long_article(chars)
    assert chars - 300 <= len(article.text) <= chars
    assert article.text.endswith(".")


def test_long_conflict_text_is_event_heavy() -> None:
    text = long_article(10_000).text
    towns = {t for names in TOWNS.values() for t in names}
    mentions = sum(text.count(t) for t in towns)
    assert mentions >= 30


def test_messages_round_trip_to_the_wire_format() -> None:
    article = news_corpus(1)[0]
    message = article.to_message()
    assert message.id == article.id and message.text == article.text
    assert article.to_article().published == article.published

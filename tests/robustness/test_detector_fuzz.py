"""The detector on random and adversarial text: it never raises, its time grows linearly with the text, a
1 MB article finishes, and 10,000 articles in a row do not grow the process.

Linearity is checked as a ratio, not an absolute time: the time per character of a 1 MB article may be at
most MAX_PER_CHAR_GROWTH times that of a 10 kB article of the same repeated unit (a quadratic step would show
~100x). The 10 kB time is the best of five runs (the 1 MB one of three when under 0.5 s), so a busy machine
makes the ratio smaller, not larger.
Measured on a 2-core machine (µs per character, 10 kB → 1 MB): one letter 0.13 → 0.15, "U.S. " 1.4 → 1.7,
"Al " 2.7 → 2.4, "captured " 32 → 18 (18 s for the 1 MB article: every chunk is parsed by spaCy).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.detect.lexicon import is_candidate
from service.detect.model import Article
from service.detect.sentences import split_sentences

SMALL, LARGE, MEDIUM = 10_000, 1_000_000, 50_000
MAX_PER_CHAR_GROWTH = 5.0

# Repeated units, each article made of one unit only. Cheap ones go to 1 MB; "captured " (every 2,000-char
# chunk is a candidate sentence for spaCy) too, as the 1 MB article that must finish.
UNITS_TO_1MB = {
    "one letter": "a",
    "open parentheses": "(",
    "hyphens": "-",
    "U.S.": "U.S. ",
    "capitalised words": "Al ",
    "trigger words": "captured ",
    "nested quotes": "\"'\u201c\u2018\u00ab\u2039",
    "mixed scripts": "Киев 北京 القدس Kyiv \U0001f600 ",
    "list of places": "Kherson, ",
}
# Units where every sentence is parsed, at 20-60 µs per character: 1 MB of each would take up to a minute, so
# they are compared between 10 kB and 50 kB.
UNITS_TO_100KB = {
    "trigger + capitalised words": "Troops captured Al ",
    "nested quotes + trigger": "He said \"she said 'they said \u201cforces captured ",
    "dense news": "Ukrainian troops recaptured Kherson on Friday. ",
}


def _text(unit: str, size: int) -> str:
    return unit * (size // len(unit))


def _seconds(function: Callable[[str], object], text: str, runs: int = 1) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        function(text)
        best = min(best, time.perf_counter() - started)
    return best


def _growth(function: Callable[[str], object], unit: str, large: int) -> tuple[float, float, float]:
    """(µs per char small, µs per char large, ratio)."""
    small_text, large_text = _text(unit, SMALL), _text(unit, large)
    function(small_text)  # warm-up: first-call costs (caches, lazy regexes) are not the text's
    small = _seconds(function, small_text, runs=5) / len(small_text)
    big = _seconds(function, large_text)
    if big < 0.5:  # cheap enough to take the best of three too: less timer and GC noise
        big = min(big, _seconds(function, large_text, runs=2))
    big /= len(large_text)
    return small * 1e6, big * 1e6, big / small


def _split_and_filter(text: str) -> int:
    return sum(is_candidate(s.text) for s in split_sentences(text))


@pytest.mark.parametrize("name", list(UNITS_TO_1MB))
def test_sentence_splitter_and_candidate_filter_are_linear_up_to_1mb(name: str) -> None:
    for label, function in [
        ("split_sentences", split_sentences),
        ("is_candidate (whole text)", is_candidate),
        ("split + is_candidate per sentence", _split_and_filter),
    ]:
        small, big, ratio = _growth(function, UNITS_TO_1MB[name], LARGE)
        assert ratio <= MAX_PER_CHAR_GROWTH, f"{label}: {small:.3f} -> {big:.3f} us/char ({ratio:.1f}x)"


@pytest.mark.parametrize("name", list(UNITS_TO_1MB))
def test_detector_is_linear_and_finishes_a_1mb_article(detector, name: str) -> None:  # type: ignore[no-untyped-def]
    def detect(text: str) -> object:
        return detector.detect(Article(id="fuzz", text=text))

    small, big, ratio = _growth(detect, UNITS_TO_1MB[name], LARGE)
    print(f"{name}: {small:.2f} -> {big:.2f} us/char ({ratio:.2f}x)")
    assert ratio <= MAX_PER_CHAR_GROWTH, f"{small:.2f} -> {big:.2f} us/char at 1 MB ({ratio:.1f}x)"
    assert big * LARGE / 1e6 < 60, "a 1 MB article must finish well inside a minute"


@pytest.mark.parametrize("name", list(UNITS_TO_100KB))
def test_detector_is_linear_on_all_candidate_text(detector, name: str) -> None:  # type: ignore[no-untyped-def]
    def detect(text: str) -> object:
        return detector.detect(Article(id="fuzz", text=text))

    small, big, ratio = _growth(detect, UNITS_TO_100KB[name], MEDIUM)
    print(f"{name}: {small:.2f} -> {big:.2f} us/char ({ratio:.2f}x)")
    assert ratio <= MAX_PER_CHAR_GROWTH, f"{small:.2f} -> {big:.2f} us/char at 50 kB ({ratio:.1f}x)"


# --- random and adversarial text never raises --------------------------------------------------------------

# ROBUSTNESS_FUZZ_SCALE=10 multiplies the examples, for a longer run than CI makes.
SCALE = int(os.environ.get("ROBUSTNESS_FUZZ_SCALE", "1"))
FUZZ = settings(
    max_examples=300 * SCALE, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)
WORDS = [
    "captured", "recaptured", "seized", "retook", "re-took", "troops", "forces", "deployed", "withdrew",
    "Russian", "Ukrainian", "U.S.", "Gen.", "St.", "al-Bab", "Al", "Kherson", "Palmyra", "Bakhmut", "the",
    "town", "of", "city", "village", "on", "Friday", "1,000", "3,000", "two", "brigades", "\"", "'", "\u201c",
    "\u201d", "(", ")", "-", "—", ".", ",", "...", "?", "!", "\n", "\n\n", " ", "\t", "Киев", "北京", "القدس",
    "\u202e", "\u200b", "\x00", "\ufeff", "\U0001f600", "é", "e\u0301", "İ", "ß", "<p>", "&amp;", "said",
    "claimed", "reportedly", "not", "failed", "to", "partly", "control", "of", "Islamic", "State", "ISIS",
]  # fmt: skip


def _check(detector, text: str) -> None:  # type: ignore[no-untyped-def]
    sentences = split_sentences(text)
    for s in sentences:
        assert text[s.start : s.end] == s.text  # offsets are exact
        is_candidate(s.text)
    is_candidate(text)
    started = time.perf_counter()
    events = detector.detect(Article(id="fuzz", text=text))
    elapsed = time.perf_counter() - started
    for event in events:
        assert 0 <= event.evidence_start <= event.evidence_end <= len(text)
    assert elapsed < 1.0 + 500e-6 * len(text), f"{elapsed:.2f} s for {len(text)} chars"


@settings(FUZZ, max_examples=1000 * SCALE)
@given(text=st.text(max_size=3000))
def test_random_unicode_text_never_raises(detector, text: str) -> None:  # type: ignore[no-untyped-def]
    _check(detector, text)


@FUZZ
@given(
    words=st.lists(st.sampled_from(WORDS), max_size=120),
    separators=st.lists(st.sampled_from([" ", "", "  ", "\n", ". "]), min_size=1, max_size=8),
    repeat=st.integers(min_value=1, max_value=5),
)
def test_adversarial_word_mixtures_never_raise(
    detector, words: list[str], separators: list[str], repeat: int
) -> None:  # type: ignore[no-untyped-def]
    text = "".join(w + separators[i % len(separators)] for i, w in enumerate(words)) * repeat
    _check(detector, text)


@FUZZ
@given(
    text=st.text(alphabet=st.characters(codec="utf-8"), max_size=400),
    title=st.none() | st.text(max_size=200),
    published=st.none() | st.dates(),  # the limits of the calendar are also tried by name below
)
def test_random_title_and_date_never_raise(detector, text: str, title: str | None, published) -> None:  # type: ignore[no-untyped-def]
    detector.detect(
        Article(id="fuzz", text="Russian forces captured Soledar. " + text, title=title, published=published)
    )


DATE_LIMITS = [
    ("Russian forces captured the town of Soledar.", dt.date(1, 1, 1)),
    ("Russian forces captured the town of Soledar on Friday.", dt.date(1, 1, 1)),
    ("Russian forces captured the town of Soledar yesterday.", dt.date(1, 1, 1)),
    ("Russian forces captured the town of Soledar on 1 January.", dt.date(1, 1, 5)),
    ("Russian forces captured the town of Soledar on 20 December.", dt.date(9999, 12, 31)),
]


@pytest.mark.parametrize(("text", "published"), DATE_LIMITS, ids=[f"{d}: {t[36:]}" for t, d in DATE_LIMITS])
def test_publication_dates_at_the_limits_never_raise(detector, text: str, published: dt.date) -> None:  # type: ignore[no-untyped-def]
    detector.detect(Article(id="fuzz", text=text, published=published))


# --- no memory leak ----------------------------------------------------------------------------------------

ARTICLES = 10_000
WARM_UP = 500
MAX_RSS_GROWTH_MB = 50


def _rss_mb() -> float:
    status = Path("/proc/self/status").read_text()
    found = re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE)
    assert found, "needs /proc/self/status (Linux)"
    return int(found.group(1)) / 1024


def _small_article(n: int) -> Article:
    """Every article has words never seen before (as a real stream has); one in ten is parsed by spaCy."""
    if n % 10 == 0:
        text = f"Forces of Zq{n}x captured Xv{n}ka on Friday. Officials said {n * 7} people left."
    else:
        text = f"Officials in Yq{n}town said {n} residents met on Tuesday to discuss the harvest of Wk{n}."
    return Article(id=f"leak-{n}", text=text, title=f"Report {n}")


def test_ten_thousand_small_articles_do_not_grow_memory(detector) -> None:  # type: ignore[no-untyped-def]
    for n in range(WARM_UP):
        detector.detect(_small_article(n))
    before = _rss_mb()
    started = time.perf_counter()
    for n in range(WARM_UP, WARM_UP + ARTICLES):
        detector.detect(_small_article(n))
    growth = _rss_mb() - before
    print(f"{ARTICLES} articles in {time.perf_counter() - started:.1f} s, RSS growth {growth:.1f} MB")
    assert growth < MAX_RSS_GROWTH_MB, f"RSS grew {growth:.1f} MB over {ARTICLES} articles"

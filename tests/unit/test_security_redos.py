"""Untrusted text cannot stall a worker: the detector's text scanning and the markup stripping run in time
linear in the input, on inputs built to make backtracking regular expressions explode.

Two checks per function: the time per character stays under a generous bound, and quadrupling the input at
most roughly quadruples the time (a quadratic pattern shows 16x; the bound is 10x, timing noise included).
Timings are the best of three runs, so a busy CI machine does not fail them.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.detect.lexicon import is_candidate, is_war_story
from service.detect.sentences import split_sentences
from service.messages import plain_text

# Repeated units that defeat regexes with nested or overlapping quantifiers: runs of spaces and dots,
# abbreviations the sentence splitter special-cases, near-keywords, unclosed markup.
ADVERSARIAL_UNITS = [
    " ", "\n", ".", "a", "a.", "a'", "al-", "U.S.", "Gen. ", "St. ", "1,", "1,000 ", "...", "—", "a b",
    "troop", "troops ", "the city of ", "Kherson, ", "(", "\"", "<a", "<!--", "&amp", "<p>", "\u202e",
]  # fmt: skip
SCANNERS: dict[str, Callable[[str], object]] = {
    "is_candidate": is_candidate,
    "is_candidate in a war story": lambda text: is_candidate(text, after_candidate=True, war_story=True),
    "is_war_story": lambda text: is_war_story([text]),
    "split_sentences": split_sentences,
    "plain_text": plain_text,
}
MAX_SECONDS_PER_CHAR = 20e-6  # measured: at most ~1.5 us per character on a 2-core machine
MAX_GROWTH = 10.0  # for 4x the input: linear is 4, quadratic 16; cache effects push small inputs to ~8


def _best_time(function: Callable[[str], object], text: str, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        function(text)
        best = min(best, time.perf_counter() - started)
    return best


@pytest.mark.parametrize("unit", ADVERSARIAL_UNITS, ids=repr)
@pytest.mark.parametrize("name", list(SCANNERS))
def test_scanning_is_linear_on_adversarial_input(name: str, unit: str) -> None:
    function = SCANNERS[name]
    small, large = (unit * (n // len(unit)) for n in (32_000, 128_000))
    # A superlinear pattern fails every attempt; a busy machine (other tests, CI neighbours) fails one.
    for _attempt in range(3):
        t_small, t_large = _best_time(function, small), _best_time(function, large)
        fast = t_large / len(large) < MAX_SECONDS_PER_CHAR
        linear = t_large <= 0.005 or t_large / t_small < MAX_GROWTH  # under 5 ms the ratio is timer noise
        if fast and linear:
            return
    pytest.fail(f"{name}: {t_small:.4f} s for {len(small)} chars, {t_large:.4f} s for {len(large)}")


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(ADVERSARIAL_UNITS + ["Bakhmut", "captured", "forces", "'s", "-"]), max_size=400),
    st.integers(min_value=1, max_value=40),
)
def test_fuzzed_mixtures_stay_within_the_time_per_character(units: list[str], repeat: int) -> None:
    text = "".join(units) * repeat
    for name, function in SCANNERS.items():
        elapsed = _best_time(function, text, runs=2)
        assert elapsed < 0.002 + MAX_SECONDS_PER_CHAR * len(text), (name, len(text), elapsed)


@pytest.fixture(scope="module")
def real_detector():  # type: ignore[no-untyped-def]
    from service.detect import Detector

    return Detector()


DETECTOR_INPUTS: dict[str, Callable[[int], str]] = {
    "spaces inside a place": lambda n: "Russian forces captured the town of Bak" + " " * n + "hmut district.",
    "one endless place name": lambda n: "Russian forces captured " + "New " * (n // 4) + "City.",
    "nested 'of' phrases": lambda n: "Troops went to the district of " + "the city of " * (n // 12) + "Kherson.",
    "long list of places": lambda n: "Troops captured " + "Kherson, " * (n // 9) + "and Mariupol.",
    "abbreviations everywhere": lambda n: "Gen. " * (n // 5) + "troops captured Kherson.",
    "dense news": lambda n: "Ukrainian troops recaptured Kherson on Friday. " * (n // 47),
    "no sentence ends": lambda n: "troops deployed captured seized " * (n // 32),
}


@pytest.mark.parametrize("name", list(DETECTOR_INPUTS))
def test_detector_time_per_character_is_bounded(real_detector, name: str) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    """The whole detector (spaCy included) on adversarial articles: measured up to ~100 us per character
    on short inputs (fixed costs) and ~50 us on dense news; the bound leaves 10x headroom."""
    from service.detect.model import Article

    for size in (2_000, 8_000):
        text = DETECTOR_INPUTS[name](size)
        started = time.perf_counter()
        real_detector.detect(Article(id="fuzz", text=text))
        elapsed = time.perf_counter() - started
        assert elapsed < 0.5 + 500e-6 * len(text), f"{elapsed:.2f} s for {len(text)} chars"

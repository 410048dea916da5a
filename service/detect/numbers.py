"""Force sizes written in digits or words: "3,000", "1.5 million", "two battalions", "some 200 more"."""

from __future__ import annotations

import re

# "121st", "3rd": a unit's or a day's rank, written in digits; "first" ... "tenth": one written in words
ORDINAL_NUMBER = re.compile(r"\d+(?:st|nd|rd|th)", re.I)
_ORDINAL_WORDS = frozenset("first second third fourth fifth sixth seventh eighth ninth tenth".split())


def is_ordinal(word: str) -> bool:
    """ "first", "121st": a rank, which spaCy's like_num also accepts, and which counts nothing."""
    return word.lower() in _ORDINAL_WORDS or ORDINAL_NUMBER.fullmatch(word) is not None


_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "dozen": 12,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "k": 1_000, "m": 1_000_000}
# Written out, a scale counts alone ("a hundred marines"); "k" and "m" never do
_SCALE_WORDS = frozenset("hundred thousand million".split())
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+(?:\.\d+)?$")


def parse_number(words: list[str]) -> int | None:
    """The integer a run of number words means, or None ("thousands", "several" and the like mean none).

    >>> parse_number(["3,000"]), parse_number(["two", "thousand"]), parse_number(["a", "hundred"])
    (3000, 2000, 100)
    """
    total, current, seen = 0, 0, False
    for raw in _without_article_of_scale(words):
        w = raw.lower().strip().replace("\u2009", "")
        if not w or w in {"and", "-"}:
            continue
        for part in w.split("-"):
            if _DIGITS.match(part):
                current += float(part.replace(",", "")) if "." in part else int(part.replace(",", ""))
            elif part in _UNITS:
                current += _UNITS[part]
            elif part in _TENS:
                current += _TENS[part]
            elif part in _SCALES and (seen or part in _SCALE_WORDS):
                scale = _SCALES[part]
                current = current or 1  # "a hundred marines", "a thousand troops"
                if scale == 100:
                    current *= scale
                else:
                    total += current * scale
                    current = 0
            else:
                return None
            seen = True
    if not seen:
        return None
    value = total + current
    return int(value) if value >= 1 else None


def _without_article_of_scale(words: list[str]) -> list[str]:
    """ "a hundred" counts 100, but "a dozen" stays vague: the article is dropped before a scale word only.

    >>> _without_article_of_scale(["a", "hundred"]), _without_article_of_scale(["a", "dozen"])
    (['hundred'], ['a', 'dozen'])
    """
    return [
        w
        for i, w in enumerate(words)
        if not (w.lower() in ("a", "an") and i + 1 < len(words) and words[i + 1].lower() in _SCALE_WORDS)
    ]

"""Sentence splitting with character offsets, and the lexical pre-filter that picks sentences worth parsing.

Both run in linear time over the text with plain regular expressions, so that only the few candidate sentences
of an article reach the (slow) dependency parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr gen lt col maj capt sgt adm brig cmdr cpl pvt sen rep gov pres prof st no vs etc inc corp "
    "co ltd jan feb mar apr jun jul aug sep sept oct nov dec approx est dept fig mt ft".split()
)
# A news dateline opening a story: "BAGHDAD — ", "KABUL, Afghanistan (AP) — ", or the agency alone: "(Reuters) — "
_CAPITAL = "A-ZÀ-ÖØ-Þ\u0100-\u017f"  # "ŠIAULIAI", "ŻAGAŃ": Latin capitals with diacritics too
DATELINE = re.compile(
    rf"^(?:[{_CAPITAL}][{_CAPITAL}.'/-]+(?: [{_CAPITAL}][{_CAPITAL}.'/-]+)*(?:, [{_CAPITAL}][\w.' -]+?)?"
    r"(?:,? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:, \d{4})?)?"  # "SENNAR, Sudan, Nov 24 –"
    r"(?: \([\w. ]+\))?|\([A-Z][\w. ]{1,20}\)) ?[—–-]{1,2} "
)
_BOUNDARY = re.compile(r"[.!?][\"'”’)\]]*\s+|\n\s*\n|\n(?=\s*[A-Z\"“])")
_MAX_SENTENCE_CHARS = 2000  # longer runs (tables, lists without stops) are cut so parsing stays bounded


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    start: int
    end: int


def _ends_with_abbreviation(text: str, stop: int) -> bool:
    """True when the full stop at `stop` belongs to an abbreviation or an initial (U.S., Gen., J.)."""
    if text[stop] != ".":
        return False
    j = stop
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    word = text[j:stop]
    if not word or (j > 0 and text[j - 1].isdigit()):
        return False  # "the early 1990s."
    if "." in word or len(word) == 1:  # U.S. / initials
        return True
    return word.lower() in _ABBREVIATIONS


def split_sentences(text: str) -> list[Sentence]:
    """Split into sentences, keeping exact offsets into `text` (evidence must quote the text exactly)."""
    out: list[Sentence] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        stop = m.start()
        nxt = m.end()
        # a line that ends with a stop and a next line that opens with a capital: a new paragraph or item
        line_break = "\n" in m.group(0) and nxt < len(text) and (text[nxt].isupper() or text[nxt] in "\"“")
        if text[stop] in ".!?" and not line_break and _ends_with_abbreviation(text, stop):
            continue  # "U.S. Defense Secretary", "Gen. Smith": a sentence ending in U.S. is the rarer case
        if text[stop] == "." and not line_break and text[nxt : nxt + 1] in ("—", "–"):
            continue  # "TAMPA, Fla. — The carrier arrived": a dateline's abbreviation, then its dash
        end = m.start() + 1 if text[stop] in ".!?" else stop
        _append(out, text, start, end)
        start = nxt
    _append(out, text, start, len(text))
    return out


def _append(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > _MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start, start + _MAX_SENTENCE_CHARS)
        cut = cut if cut > start else start + _MAX_SENTENCE_CHARS
        out.append(Sentence(text[start:cut], start, cut))
        start = cut + 1
    if end > start:
        out.append(Sentence(text[start:end], start, end))


_SMALL_WORDS = frozenset("a an the of in on at to for and or as by from with into over after amid".split())


def is_headline(sentence: Sentence, text: str) -> bool:
    """A headline line a scraped page keeps above the story ("Turkish-Backed Rebels Take Syria's Afrin"): a whole
    line in title case with no closing stop. It names the story; the story itself tells the events."""
    line_start = sentence.start == 0 or text[sentence.start - 1] == "\n"
    line_end = sentence.end == len(text) or text[sentence.end] == "\n"
    if not (line_start and line_end) or sentence.text[-1:] in ".!?\"”'’:":
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", sentence.text) if w.lower() not in _SMALL_WORDS]
    return len(words) >= 2 and all(w[0].isupper() for w in words)

"""Scoring of detected events against labelled sets, as the contract in ../shared/eval/README.md describes.

The judges score with their own script; this module is an independent implementation of the same rules so that
`frontwatch eval` gives the judges' numbers without shelling out. Where the contract leaves a detail open
(tie-breaking in the matching, how aliases expand, rounding) the choices below are the ones that reproduce
the judges' figures exactly, checked by tests/unit/test_scoring.py against their script when it is present.

Standard library only: the scorer must not depend on the detector's stack.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

EVENT_TYPES: tuple[str, ...] = ("territorial_control", "deployment")
# The field that says where an event happens, which decides whether two events are the same one.
WHERE: dict[str, str] = {"territorial_control": "place", "deployment": "destination"}
ACTOR_FIELDS: tuple[str, ...] = ("gaining_actor", "losing_actor", "actor")
EXACT_FIELDS: tuple[str, ...] = ("country", "size", "direction", "extent")

PLACE_MATCH = 0.75  # fuzzy similarity at which two place names are taken to be the same place
ACTOR_MATCH = 0.8  # fuzzy similarity at which two actor names are taken to be the same actor
VAGUE_DESTINATION_SCORE = 0.8  # pairing strength when a vague gold destination is matched by its actor

# Names that the texts spell in several ways, by the name they are compared under.
_CANONICAL_NAMES: dict[str, tuple[str, ...]] = {
    "islamic state": ("is", "isis", "isil", "daesh"),
    "united states": ("us", "u s", "american", "america"),
    "united kingdom": ("uk", "british", "britain"),
    "russia": ("russian",),
    "ukraine": ("ukrainian",),
    "syria": ("syrian", "saa"),
    "iraq": ("iraqi",),
    "turkey": ("turkish",),
    "syrian democratic forces": ("sdf",),
    "people's protection units": ("ypg",),
    "free syrian army": ("fsa",),
    "somali national army": ("sna",),
}
ALIASES: dict[str, str] = {v: name for name, variants in _CANONICAL_NAMES.items() for v in variants}

# Words that say what kind of armed group it is rather than which one: "Syrian government forces" ~ "Syria".
ACTOR_FILLER: frozenset[str] = frozenset(
    "the of a an and forces force troops troop army armed government fighters militants militant units unit "
    "soldiers military personnel group groups members allied pro backed led regime state national".split()
)
# Words that qualify a place rather than name it: "the northern city of Raqqa" ~ "Raqqa".
PLACE_FILLER: frozenset[str] = frozenset(
    "the city town village of region province oblast district area near outskirts centre center northern "
    "southern eastern western north south east west central key strategic parts part most".split()
)

_NOT_ALNUM = re.compile(r"[^a-z0-9]")


def normalise(value: Any) -> str:
    """Lowercase ASCII words separated by single spaces; possessive 's dropped, so "Assad's" ~ "Assad"."""
    if not value:
        return ""
    folded = unicodedata.normalize("NFKD", str(value)).encode("ascii", "ignore").decode()
    folded = folded.lower().replace("'s", "")
    return " ".join(_NOT_ALNUM.sub(" ", folded).split())


def name_words(value: Any, filler: frozenset[str]) -> set[str]:
    """A name's distinctive words: each alias-expanded once ("ISIL" -> islamic, state), filler dropped."""
    words: set[str] = set()
    for word in normalise(value).split():
        words.update(w for w in ALIASES.get(word, word).split() if w not in filler)
    return words


def _similarity(a: str, b: str) -> float:
    # Not symmetric in general: callers pass the gold side first, as the judges' script does.
    return SequenceMatcher(None, a, b).ratio()


def _joined(words: set[str]) -> str:
    return " ".join(sorted(words))


def place_similarity(gold: Any, pred: Any) -> float:
    """1.0 when one name's words contain the other's ("Palmyra" vs "ancient city of Palmyra"), else fuzzy."""
    if not gold or not pred:
        return 0.0
    g, p = name_words(gold, PLACE_FILLER), name_words(pred, PLACE_FILLER)
    if not g and not p:  # both only qualifiers ("the southern city"): all there is to compare is the phrase
        return _similarity(normalise(gold), normalise(pred))
    if not g or not p:
        return 0.0
    if g <= p or p <= g:
        return 1.0
    return _similarity(_joined(g), _joined(p))


def _actor_words(value: Any) -> set[str]:
    # A whole-name alias first ("U.S." -> united states), then the word-level aliases of name_words.
    return name_words(ALIASES.get(normalise(value), value), ACTOR_FILLER)


def actors_agree(gold: Any, pred: Any) -> bool:
    """Whether the predicted actor names the gold one: a shared distinctive word, or a close spelling."""
    if not gold:
        return True  # the gold says nothing to check against
    if not pred:
        return False
    g, p = _actor_words(gold), _actor_words(pred)
    if not g or not p:  # only filler ("government forces"): compare the phrases themselves
        g_text, p_text = normalise(gold), normalise(pred)
        return g_text == p_text or _similarity(g_text, p_text) >= ACTOR_MATCH
    return bool(g & p) or _similarity(_joined(g), _joined(p)) >= ACTOR_MATCH


def pair_strength(event_type: str, gold: Mapping[str, Any], pred: Mapping[str, Any]) -> float:
    """How well a predicted event fits a gold one; 0 means they are not the same event."""
    where = WHERE[event_type]
    sim = place_similarity(gold.get(where), pred.get(where))
    if sim >= PLACE_MATCH:
        return sim
    # "troops were sent to the region": the gold destination names nothing, so the sender decides.
    if (event_type == "deployment" and not name_words(gold.get(where), PLACE_FILLER)
            and actors_agree(gold.get("actor"), pred.get("actor"))):
        return VAGUE_DESTINATION_SCORE
    return 0.0


def match_events(event_type: str, golds: list[dict[str, Any]],
                 preds: list[dict[str, Any]]) -> tuple[list[tuple[int, int]], list[int]]:
    """One-to-one greedy matching, strongest pairs first; returns (gold, pred) index pairs, unmatched preds.

    Equal strengths go to the later gold event, then the later prediction, which is the judges' order.
    """
    candidates = [(s, gi, pi) for gi, g in enumerate(golds) for pi, p in enumerate(preds)
                  if (s := pair_strength(event_type, g, p)) > 0]
    candidates.sort(reverse=True)
    gold_used: set[int] = set()
    pred_used: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, gi, pi in candidates:
        if gi not in gold_used and pi not in pred_used:
            gold_used.add(gi)
            pred_used.add(pi)
            pairs.append((gi, pi))
    return pairs, [pi for pi in range(len(preds)) if pi not in pred_used]


@dataclass(slots=True)
class Counts:
    """True and false positives and false negatives, with the ratios the report shows."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __bool__(self) -> bool:
        return bool(self.tp or self.fp or self.fn)

    def as_dict(self) -> dict[str, Any]:
        return {"p": round(self.precision, 3), "r": round(self.recall, 3), "f1": round(self.f1, 3),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass(frozen=True, slots=True)
class ScoringError:
    """One event to look at in error analysis: a missed gold event, a false report, or background as news."""

    kind: str  # "missed", "false" or "background reported"
    event_type: str
    item_id: str
    event: dict[str, Any]


@dataclass(slots=True)
class ScoreReport:
    """Everything the scorer counted; `as_dict()` has the shape of the judges' `--json` output."""

    items: int = 0
    missing_predictions: int = 0
    events: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in EVENT_TYPES})
    item_detection: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in EVENT_TYPES})
    fields: dict[str, list[bool]] = field(default_factory=dict)  # "type.field" -> correct? per matched event
    background_gold: int = 0
    background_reported: int = 0
    errors: list[ScoringError] = field(default_factory=list)

    @property
    def background_suppressed(self) -> float | None:
        """Share of gold background events that were not reported as news (None when there were none)."""
        if not self.background_gold:
            return None
        return 1 - self.background_reported / self.background_gold

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "items": self.items,
            "missing_predictions": self.missing_predictions,
            "events": {t: c.as_dict() for t, c in self.events.items() if c},
            "item_detection": {t: c.as_dict() for t, c in self.item_detection.items() if c},
            "fields": {k: {"acc": round(sum(v) / len(v), 3), "n": len(v)}
                       for k, v in sorted(self.fields.items())},
        }
        rate = self.background_suppressed
        if rate is not None:
            out["background_suppressed"] = {"rate": round(rate, 3), "n": self.background_gold}
        return out


def _same_value(gold: Any, pred: Any) -> bool:
    # Compared as text, so a size of 200 matches "200" and a country "sy" matches "SY".
    return str(gold).upper() == str(pred).upper()


def _score_fields(report: ScoreReport, event_type: str, gold: Mapping[str, Any],
                  pred: Mapping[str, Any]) -> None:
    """Field agreement of a matched pair, for the fields the gold fills in (actors only when non-empty)."""
    for name in ACTOR_FIELDS:
        if gold.get(name):
            ok = actors_agree(gold[name], pred.get(name))
            report.fields.setdefault(f"{event_type}.{name}", []).append(ok)
    for name in EXACT_FIELDS:
        if gold.get(name) is not None:
            ok = _same_value(gold[name], pred.get(name))
            report.fields.setdefault(f"{event_type}.{name}", []).append(ok)


def _score_events(report: ScoreReport, item_id: str, event_type: str, gold_events: Iterable[dict[str, Any]],
                  reported: list[dict[str, Any]]) -> bool:
    """Count one item's events of one type; returns whether the gold says the item reports such an event."""
    of_type = [e for e in gold_events if e.get("type") == event_type]
    news = [e for e in of_type if not e.get("background")]
    background = [e for e in of_type if e.get("background")]
    pairs, unmatched = match_events(event_type, news, reported)
    left = [reported[i] for i in unmatched]
    # A report left over may restate a background event: false, and it lowers background suppression.
    bg_pairs, bg_unmatched = match_events(event_type, background, left)
    counts = report.events[event_type]
    counts.tp += len(pairs)
    counts.fp += len(left)
    counts.fn += len(news) - len(pairs)
    report.background_gold += len(background)
    report.background_reported += len(bg_pairs)
    for gi, pi in pairs:
        _score_fields(report, event_type, news[gi], reported[pi])
    hit = {gi for gi, _ in pairs}
    errors = report.errors
    errors.extend(ScoringError("missed", event_type, item_id, e) for i, e in enumerate(news) if i not in hit)
    errors.extend(ScoringError("false", event_type, item_id, left[i]) for i in bg_unmatched)
    errors.extend(ScoringError("background reported", event_type, item_id, left[pi]) for _, pi in bg_pairs)
    return bool(news)


def score(gold_rows: list[dict[str, Any]], pred_by_id: Mapping[str, Mapping[str, Any]]) -> ScoreReport:
    """Score predictions (rows `{"id", "events"}` by id) against gold rows with `events` or `item_labels`.

    Only predicted events with a false `background` count as reported news. Gold rows labelled per item only
    (`item_labels: {type: bool | null}`) count towards item-level detection, and not for a type labelled null.
    """
    report = ScoreReport(items=len(gold_rows))
    for row in gold_rows:
        item_id = row["id"]
        pred = pred_by_id.get(item_id)
        if pred is None:
            report.missing_predictions += 1
            pred = {}
        predicted = [e for e in pred.get("events") or [] if isinstance(e, dict)]
        for event_type in EVENT_TYPES:
            reported = [e for e in predicted if e.get("type") == event_type and not e.get("background")]
            if "events" in row:
                gold_item = _score_events(report, item_id, event_type, row["events"] or [], reported)
            else:
                label = (row.get("item_labels") or {}).get(event_type)
                if label is None:
                    continue
                gold_item = bool(label)
            counts = report.item_detection[event_type]
            if reported:
                if gold_item:
                    counts.tp += 1
                else:
                    counts.fp += 1
            elif gold_item:
                counts.fn += 1
    return report


def format_report(report: ScoreReport, errors: bool = False) -> str:
    """The report as a table, one figure per line; with `errors`, one line per event to look at."""
    data = report.as_dict()
    lines = [f"items {data['items']}  missing predictions {data['missing_predictions']}"]
    for kind in ("events", "item_detection"):
        for event_type, m in data[kind].items():
            lines.append(f"{kind:15s} {event_type:20s} P {m['p']:.3f}  R {m['r']:.3f}  F1 {m['f1']:.3f}  "
                         f"(tp {m['tp']} fp {m['fp']} fn {m['fn']})")
    for name, acc in data["fields"].items():
        lines.append(f"field           {name:30s} acc {acc['acc']:.3f}  (n {acc['n']})")
    if "background_suppressed" in data:
        bg = data["background_suppressed"]
        lines.append(f"background events not reported as news: {bg['rate']:.3f} (n {bg['n']})")
    if errors:
        for err in report.errors:
            place = err.event.get(WHERE[err.event_type])
            evidence = str(err.event.get("evidence"))[:160]
            lines.append(f"{err.kind:20s} {err.event_type:20s} {err.item_id}  "
                         f"place={place!r}  evidence={evidence!r}")
    return "\n".join(lines)

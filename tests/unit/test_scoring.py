"""The scorer: place and actor agreement, one-to-one matching, background, item labels, and equality with the
judges' ../shared/eval/score.py (imported from there at test time when it is present)."""

from __future__ import annotations

import copy
import importlib.util
import json
import random
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from service.detect.evaluate import evaluate_file
from service.detect.model import Article
from service.detect.scoring import (
    ScoreReport,
    actors_agree,
    format_report,
    normalise,
    place_similarity,
    score,
)

SHARED_EVAL = Path(__file__).resolve().parents[2].parent / "shared" / "eval"


def tc(place: str | None, gaining: str | None = None, background: bool = False,
       **more: Any) -> dict[str, Any]:
    return {"type": "territorial_control", "place": place, "gaining_actor": gaining, "background": background,
            "evidence": f"{gaining} took {place}.", **more}


def dep(destination: str | None, actor: str | None, background: bool = False, **more: Any) -> dict[str, Any]:
    return {"type": "deployment", "destination": destination, "actor": actor, "background": background,
            "evidence": f"{actor} sent troops to {destination}.", **more}


def run(gold_events: list[dict[str, Any]], pred_events: list[dict[str, Any]]) -> ScoreReport:
    return score([{"id": "a", "text": "", "events": gold_events}], {"a": {"id": "a", "events": pred_events}})


def counts(report: ScoreReport, event_type: str) -> tuple[int, int, int]:
    c = report.events[event_type]
    return c.tp, c.fp, c.fn


# ------------------------------------------------------------------------------------------- agreement


def test_normalise_folds_case_accents_punctuation_and_possessives() -> None:
    assert normalise("Al-Bāb") == "al bab"
    assert normalise("Assad's forces") == "assad forces"
    assert normalise(None) == ""


def test_place_words_contained_in_the_other_agree() -> None:
    assert place_similarity("Palmyra", "the ancient central city of Palmyra") == 1.0
    assert place_similarity("northern Raqqa province", "Raqqa") == 1.0


def test_place_spellings_agree_by_fuzzy_similarity() -> None:
    assert place_similarity("Sievierodonetsk", "Severodonetsk") >= 0.75
    assert place_similarity("Raqqa", "Mosul") < 0.75
    assert place_similarity("Tal Afar", "Tal Abyad") < 0.75
    assert place_similarity("Palmyra", None) == 0.0


@pytest.mark.parametrize(("gold", "pred"), [
    ("ISIL", "Islamic State fighters"), ("Daesh", "IS"), ("U.S.", "United States"), ("US", "American troops"),
    ("Syrian government forces", "Syria"), ("SDF", "Syrian Democratic Forces"), ("British army", "UK"),
    ("government forces", "pro-government forces"),
])
def test_actor_aliases_agree(gold: str, pred: str) -> None:
    assert actors_agree(gold, pred)


def test_actor_disagreements_and_missing_values() -> None:
    assert not actors_agree("Russia", "Ukraine")
    assert not actors_agree("Islamic State", None)
    assert actors_agree(None, "anyone")  # the gold gives nothing to check


# ------------------------------------------------------------------------------------------- matching


def test_subset_and_fuzzy_places_match_and_fields_are_scored() -> None:
    report = run([tc("Palmyra", "IS", country="SY", extent="partial"),
                  tc("Kramatorsk", "Russia", country="UA")],
                 [tc("the city of Palmyra", "Islamic State", country="sy", extent="full"),
                  tc("Kramatorck", "Russian forces", country="RU")])
    assert counts(report, "territorial_control") == (2, 0, 0)
    assert report.fields == {"territorial_control.gaining_actor": [True, True],
                             "territorial_control.country": [True, False],
                             "territorial_control.extent": [False]}


def test_matching_is_one_to_one() -> None:
    report = run([tc("Palmyra", "IS")], [tc("Palmyra", "IS"), tc("Palmyra", "IS")])
    assert counts(report, "territorial_control") == (1, 1, 0)
    assert [e.kind for e in report.errors] == ["false"]


def test_strongest_pair_is_matched_first() -> None:
    # In reading order the prediction would take the first, merely similar, gold place.
    report = run([tc("Kramatorsky", "Russia"), tc("Kramatorsk", "Ukraine")], [tc("Kramatorsk", "Ukraine")])
    assert counts(report, "territorial_control") == (1, 0, 1)
    assert report.fields["territorial_control.gaining_actor"] == [True]
    assert [(e.kind, e.event["place"]) for e in report.errors] == [("missed", "Kramatorsky")]


def test_equal_strengths_go_to_the_later_gold_event() -> None:
    report = run([tc("Palmyra", "IS"), tc("Palmyra", "Syria")], [tc("Palmyra", "Syrian army")])
    assert report.fields["territorial_control.gaining_actor"] == [True]
    assert report.errors[0].event["gaining_actor"] == "IS"


def test_types_are_matched_separately() -> None:
    report = run([tc("Bakhmut", "Russia")], [dep("Bakhmut", "Russia")])
    assert counts(report, "territorial_control") == (0, 0, 1)
    assert counts(report, "deployment") == (0, 1, 0)


# ------------------------------------------------------------------------------------------- background


def test_reporting_a_background_event_as_news_is_a_false_positive() -> None:
    report = run([tc("Kherson", "Ukraine"), tc("Mosul", "IS", background=True)],
                 [tc("Kherson", "Ukraine"), tc("Mosul", "IS")])
    assert counts(report, "territorial_control") == (1, 1, 0)
    assert report.background_suppressed == 0.0
    assert [(e.kind, e.event["place"]) for e in report.errors] == [("background reported", "Mosul")]


def test_predictions_flagged_background_are_not_penalised() -> None:
    report = run([tc("Mosul", "IS", background=True)],
                 [tc("Mosul", "IS", background=True), tc("Raqqa", "SDF", background=True)])
    assert counts(report, "territorial_control") == (0, 0, 0)
    assert report.background_suppressed == 1.0
    assert report.as_dict()["events"] == {}


# ------------------------------------------------------------------------------------------- deployments


def test_vague_gold_destination_is_matched_by_actor() -> None:
    gold = [dep("the region", "U.S.", size=200, direction="deploy")]
    report = run(gold, [dep("Deir ez-Zor", "American", size="200", direction="deploy")])
    assert counts(report, "deployment") == (1, 0, 0)
    assert report.fields["deployment.size"] == [True]
    assert counts(run(gold, [dep("Deir ez-Zor", "Russia")]), "deployment") == (0, 1, 1)
    assert counts(run([dep(None, "Rwanda")], [dep("Darfur", "Rwandan troops")]), "deployment") == (1, 0, 0)


def test_named_gold_destination_is_not_matched_by_actor_alone() -> None:
    assert counts(run([dep("Darfur", "Rwanda")], [dep("Kigali", "Rwanda")]), "deployment") == (0, 1, 1)


# ------------------------------------------------------------------------------------------- items


def test_item_level_detection_with_events_and_item_labels() -> None:
    gold = [
        {"id": "e", "events": [tc("Palmyra", "IS"), tc("Mosul", "IS", background=True)]},
        {"id": "bg-only", "events": [tc("Mosul", "IS", background=True)]},
        {"id": "l1", "item_labels": {"territorial_control": True, "deployment": None}},
        {"id": "l2", "item_labels": {"territorial_control": False, "deployment": False}},
        {"id": "l3", "item_labels": {"territorial_control": True, "deployment": True}},
    ]
    preds = {
        "e": {"id": "e", "events": [tc("Aleppo", "Syria")]},  # wrong place: the item still counts as detected
        "bg-only": {"id": "bg-only", "events": [tc("Mosul", "IS", background=True)]},
        "l1": {"id": "l1", "events": [tc("X", "Y"), dep("Z", "W")]},  # deployment labelled null: not counted
        "l2": {"id": "l2", "events": [dep("Z", "W")]},
    }
    report = score(gold, preds)
    tcd, depd = report.item_detection["territorial_control"], report.item_detection["deployment"]
    assert (tcd.tp, tcd.fp, tcd.fn) == (2, 0, 1)
    assert (depd.tp, depd.fp, depd.fn) == (0, 1, 1)
    assert report.missing_predictions == 1
    assert counts(report, "territorial_control") == (0, 1, 1)  # item_labels rows add no event counts


def test_report_dict_and_table() -> None:
    report = run([tc("Palmyra", "IS", country="SY")], [tc("Palmyra", "ISIL", country="SY"), tc("Homs", "IS")])
    data = report.as_dict()
    assert data["events"]["territorial_control"] == {"p": 0.5, "r": 1.0, "f1": 0.667,
                                                     "tp": 1, "fp": 1, "fn": 0}
    assert data["fields"]["territorial_control.country"] == {"acc": 1.0, "n": 1}
    text = format_report(report, errors=True)
    assert "events          territorial_control  P 0.500  R 1.000  F1 0.667  (tp 1 fp 1 fn 0)" in text
    assert "false" in text.splitlines()[-1] and "'Homs'" in text
    assert "Homs" not in format_report(report)


class _StubEvent:
    def __init__(self, row: dict[str, Any]) -> None:
        self.row = row

    def model_dump(self, mode: str = "python") -> dict[str, Any]:
        return dict(self.row)


class _EchoGold:
    """A detector that returns each article's gold events, to test the evaluation plumbing without spaCy."""

    def __init__(self, gold_path: Path) -> None:
        lines = gold_path.read_text(encoding="utf-8").splitlines()
        rows = [json.loads(line) for line in lines if line.strip()]
        self.events = {row["id"]: row.get("events", []) for row in rows}

    def detect_many(self, articles: list[Article]) -> list[list[_StubEvent]]:
        return [[_StubEvent(e) for e in self.events[a.id]] for a in articles]


def test_evaluate_file_scores_detections_on_the_gold_texts(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(r) for r in [
        {"id": "1", "text": "IS took Palmyra.", "events": [tc("Palmyra", "IS")]},
        {"id": "2", "text": "Nothing happened.", "events": []},
    ]) + "\n", encoding="utf-8")
    report, text = evaluate_file(gold, detector=_EchoGold(gold), errors=True)  # type: ignore[arg-type]
    assert counts(report, "territorial_control") == (1, 0, 0)
    assert text.splitlines()[0] == "items 2  missing predictions 0"


class _FailsOn(_EchoGold):
    """Echoes the gold, but fails on one article as a detector bug would."""

    def __init__(self, gold_path: Path, failing_id: str) -> None:
        super().__init__(gold_path)
        self.failing_id = failing_id

    def detect_many(self, articles: list[Article]) -> list[list[_StubEvent]]:
        if any(a.id == self.failing_id for a in articles):
            raise AttributeError("'NoneType' object has no attribute 'lemma_'")
        return super().detect_many(articles)


def test_an_article_the_detector_fails_on_costs_only_its_own_predictions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(r) for r in [
        {"id": "1", "text": "IS took Palmyra.", "events": [tc("Palmyra", "IS")]},
        {"id": "2", "text": "A sentence the detector trips on.", "events": [tc("Homs", "IS")]},
        {"id": "3", "text": "The army retook Tadmur.", "events": [tc("Tadmur", "the army")]},
    ]) + "\n", encoding="utf-8")
    report, text = evaluate_file(gold, detector=_FailsOn(gold, "2"))  # type: ignore[arg-type]
    assert counts(report, "territorial_control") == (2, 0, 1)
    assert text.splitlines()[0] == "items 3  missing predictions 0"
    assert "article '2' failed (AttributeError" in capsys.readouterr().err


# ---------------------------------------------------------------------------------------- the judges' script


def _reference() -> ModuleType:
    path = SHARED_EVAL / "score.py"
    if not path.is_file():
        pytest.skip(f"the judges' scorer is not at {path} (../shared/eval is absent): equality not checked")
    spec = importlib.util.spec_from_file_location("judges_score", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _perturbed(gold: list[dict[str, Any]], seed: int) -> list[dict[str, Any]]:
    """Predictions that exercise every rule: drops, duplicates, flipped background, moved and vague places."""
    rng = random.Random(seed)
    places = [e.get("place") or e.get("destination") for row in gold for e in row.get("events", [])]
    actors = ["U.S.", "ISIL", "SDF fighters", "Syrian government forces", "Russia", None]
    rows = []
    for row in copy.deepcopy(gold):
        if rng.random() < 0.05:
            continue  # a missing prediction line
        events = []
        for e in row.get("events", []):
            if rng.random() < 0.15:
                continue
            where = "place" if e["type"] == "territorial_control" else "destination"
            if rng.random() < 0.3:
                e["background"] = not e.get("background")
            roll = rng.random()
            if roll < 0.15:
                e[where] = rng.choice(places)
            elif roll < 0.25:
                e[where] = None
            elif roll < 0.35 and e.get(where):
                e[where] = "the northern city of " + e[where][:-1]
            elif roll < 0.4:
                e[where] = "the region"
            for name in ("gaining_actor", "losing_actor", "actor"):
                if name in e and rng.random() < 0.3:
                    e[name] = rng.choice(actors)
            if rng.random() < 0.2:
                e["country"] = rng.choice(["SY", "sy", "IQ", None])
            if "size" in e and rng.random() < 0.2:
                e["size"] = rng.choice([None, 200, "200", 200.0])
            events.append(e)
            if rng.random() < 0.2:
                events.append(dict(e))
        rng.shuffle(events)
        rows.append({"id": row["id"], "events": events})
    return rows


@pytest.mark.parametrize("gold_name", ["dev.jsonl", "train.jsonl"])
@pytest.mark.parametrize("seed", [None, 0, 1, 2])
def test_equals_the_judges_scorer(gold_name: str, seed: int | None) -> None:
    reference = _reference()
    gold_path = SHARED_EVAL / gold_name
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    preds = gold if seed is None else _perturbed(gold, seed)
    pred_by_id = {row["id"]: row for row in preds}
    their_errors: list[tuple[str, str, str, dict[str, Any]]] = []
    theirs = reference.score(gold, pred_by_id, their_errors)
    ours = score(gold, pred_by_id)
    assert ours.as_dict() == theirs
    assert [(e.kind, e.event_type, e.item_id, id(e.event)) for e in ours.errors] == \
        [(kind, t, item, id(e)) for kind, t, item, e in their_errors]

"""Who lost a place when the sentence does not say "from X": our own sentences, one phenomenon each."""

from __future__ import annotations

import pytest

from service.detect import Detector
from service.detect.losers import same_side
from service.detect.model import Article, TerritorialControlEvent

_STATES = {"Syrian": "SY", "Russian": "RU", "Russia": "RU", "Ukrainian": "UA", "U.S.": "US", "American": "US"}


def country_of(word: str) -> str | None:
    return _STATES.get(word)


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector()


def controls(detector: Detector, text: str) -> list[TerritorialControlEvent]:
    events = detector.detect(Article(id="t", text=text))
    return [e for e in events if isinstance(e, TerritorialControlEvent) and not e.background]


def control_of(detector: Detector, text: str, place: str) -> TerritorialControlEvent:
    found = [e for e in controls(detector, text) if place in e.place]
    assert len(found) == 1, controls(detector, text)
    return found[0]


@pytest.mark.parametrize(
    ("a", "b", "verdict"),
    [
        ("Syrian rebels", "the Syrian Army", False),  # one state's name, two sides
        ("Sunni Islamic State militants", "ISIL", True),  # one group's two names
        ("HTS", "Hayat Tahrir al-Sham", True),
        ("government forces", "the army", True),
        ("the army", "Russian forces", None),  # whose army?
        ("U.S. troops", "American troops", True),
        ("Hezbollah and Ba'athist government forces", "Hezbollah", True),
        ("militants", "ISIL insurgents", None),  # which militants?
        ("Ukrainian forces", "Russian troops", False),
        ("the rebels", "ISIL fighters", False),
        ("Pro-Russian separatists", "Russian forces", True),  # they fight on Russia's side
        ("LNA", "The Libyan National Army", True),  # initials of the name after "The"
        ("Sudan's Rapid Support Forces", "RSF", True),
        ("An ethnic armed group", "the Three Brotherhood Alliance", None),  # maybe the alliance itself
    ],
)
def test_same_side(a, b, verdict):
    assert same_side(a, b, country_of) is verdict
    assert same_side(b, a, country_of) is verdict


def test_from_far_in_the_clause_names_the_loser(detector):
    e = control_of(
        detector,
        "Kurdish fighters captured three villages as well as the town of Tell Hamis from ISIL on Sunday.",
        "Tell Hamis",
    )
    assert e.losing_actor == "ISIL"


def test_the_owner_of_a_stronghold_lost_it(detector):
    e = control_of(
        detector,
        "Government troops stormed Sinjawi, the rebels' last stronghold in the valley, on Monday.",
        "Sinjawi",
    )
    assert "rebels" in e.losing_actor


def test_a_hyphenated_holder_lost_it(detector):
    e = control_of(
        detector, "The army recaptured the last rebel-held districts of Homs on Tuesday.", "districts"
    )
    assert e.losing_actor == "rebel"


def test_the_side_that_had_held_the_town(detector):
    e = control_of(
        detector,
        "Malian troops took control of Anefis, a town that separatist fighters had held since 2012.",
        "Anefis",
    )
    assert e.losing_actor == "separatist fighters"


def test_the_side_fought_for_it(detector):
    e = control_of(
        detector,
        "Islamic State fighters seized the town of Qaryatain on Thursday after three days of fighting with "
        "government forces.",
        "Qaryatain",
    )
    assert e.losing_actor == "government forces"


def test_the_side_that_withdrew_as_it_was_taken(detector):
    e = control_of(
        detector, "Rebels captured the Abu al-Duhur airbase as government troops withdrew south.", "airbase"
    )
    assert e.losing_actor == "government troops"


def test_the_last_taker_of_the_same_place_loses_a_recapture(detector):
    text = (
        "ISIL fighters seized Tell Tamer early on Monday.\n\n"
        "By Wednesday, Kurdish forces backed by coalition aircraft had recaptured Tell Tamer."
    )
    retaken = [e for e in controls(detector, text) if e.gaining_actor and "Kurdish" in e.gaining_actor]
    assert len(retaken) == 1 and retaken[0].losing_actor == "ISIL fighters"


def test_the_story_names_the_enemy_before_the_capture(detector):
    text = (
        "Houthi fighters have held the districts around the port for three years.\n\n"
        "On Tuesday, government forces captured the village of Al-Jah, officials said."
    )
    e = control_of(detector, text, "Al-Jah")
    assert "Houthi" in e.losing_actor


def test_an_ally_named_with_the_gainer_is_no_loser(detector):
    text = (
        "Government forces and Hezbollah fighters captured Qusayr from rebels on Wednesday.\n\n"
        "The army then took the nearby village of Dabaa."
    )
    e = control_of(detector, text, "Dabaa")
    assert e.losing_actor is not None and "rebels" in e.losing_actor


def test_no_other_side_no_loser(detector):
    e = control_of(detector, "Militants overran the town of Gubio on Friday, residents said.", "Gubio")
    assert e.losing_actor is None


def test_one_state_named_against_an_unnamed_army_is_no_loser(detector):
    text = "Russian forces shelled the area for weeks.\n\nOn Monday the army took the village of Novoselivka."
    e = control_of(detector, text, "Novoselivka")
    assert e.losing_actor is None


def test_long_held_and_state_run_name_no_holder(detector):
    for text, place in (
        ("Afghan forces recaptured the long-held town of Marjah on Monday.", "Marjah"),
        ("Rebels seized the state-run television station in Aden on Monday.", "station"),
    ):
        found = [e for e in controls(detector, text) if place in e.place]
        assert found and found[0].losing_actor not in ("long", "state"), text


def test_the_side_that_collapsed_as_the_place_fell_lost_it(detector):
    text = (
        "ISIL fighters attacked rebel positions near Idlib on Friday. Rebel fighters captured the town of Jisr "
        "al-Shughur on Saturday as government troops collapsed."
    )
    assert control_of(detector, text, "Jisr al-Shughur").losing_actor == "government troops"


def test_insurgents_are_not_set_against_the_group_the_story_names(detector):
    text = (
        "The Islamic State group claimed on Monday that its fighters had attacked the town of Palma. "
        "On Tuesday, the insurgents captured the port town of Mocimboa da Praia."
    )
    assert control_of(detector, text, "Mocimboa da Praia").losing_actor is None


def test_the_side_that_left_a_base_loses_it_to_the_side_that_took_it(detector):
    text = (
        "The last American personnel left a drone base near Agadez over the weekend, and Nigerien forces took "
        "control of the facility, known as Air Base 201."
    )
    e = control_of(detector, text, "Air Base 201")
    assert (e.place, e.gaining_actor, e.losing_actor) == (
        "Air Base 201",
        "Nigerien forces",
        "The last American personnel",
    )


def test_a_side_moving_in_as_the_other_pulls_out_gains_the_place(detector):
    text = "The Lebanese army moved in as Israeli troops pulled out of the Shebaa farms."
    e = control_of(detector, text, "Shebaa")
    assert (e.gaining_actor, e.losing_actor) == ("The Lebanese army", "Israeli troops")


def test_a_capture_is_no_one_who_captures(detector):
    text = (
        "The capture came two months after ISIL, taking advantage of a sandstorm, had retaken the villages of "
        "al-Bahra and Gharanij in a counter-attack."
    )
    found = [e.place for e in controls(detector, text)]
    assert found == ["al-Bahra", "Gharanij"]
    assert all(e.gaining_actor != "The capture" for e in controls(detector, text))


def test_a_base_left_and_handed_over_as_it_changes_hands(detector):
    text = (
        "US forces departed Bagram Airfield, the largest American base in the country, during the night and "
        "handed it over to the Afghan National Security Forces."
    )
    e = control_of(detector, text, "Bagram")
    assert (e.place, e.gaining_actor, e.losing_actor) == (
        "Bagram Airfield",
        "the Afghan National Security Forces",
        "US forces",
    )


def test_the_groups_last_stronghold_is_the_town_just_named_and_its_taker_gains_it(detector):
    text = (
        "Al-Shabab militants were pushed out of the port town of Barawe on Sunday, as government troops and "
        "African Union forces took control of the group's last major coastal stronghold."
    )
    found = [(e.place, e.gaining_actor, e.losing_actor) for e in controls(detector, text)]
    assert found == [("Barawe", "government troops and African Union forces", "Al-Shabab militants")]

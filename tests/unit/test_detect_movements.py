"""Force movements, phenomenon by phenomenon (GUIDELINES.md §2), on sentences the team wrote itself."""

from __future__ import annotations

import pytest

from service.detect import Detector
from service.detect.model import Article, DeploymentEvent


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector()


def movements(detector: Detector, text: str) -> list[DeploymentEvent]:
    events = detector.detect(Article(id="t", text=text, title=None, published=None))
    return [e for e in events if isinstance(e, DeploymentEvent) and not e.background]


def only_movement(detector: Detector, text: str) -> DeploymentEvent:
    found = movements(detector, text)
    assert len(found) == 1, found
    return found[0]


# --- arrivals, journeys and routes ---------------------------------------------------------------------


def test_a_brigade_combat_team_arriving_is_a_deployment(detector):
    e = only_movement(detector, "The 2nd Armored BCT began arriving in Poland on Monday.")
    assert e.destination == "Poland" and e.direction == "deploy" and e.status == "executed"


def test_a_departure_with_an_onward_journey_goes_to_its_last_stop(detector):
    text = "Two hundred Kenyan soldiers left Nairobi on Friday to travel to Uganda and eventually to Goma."
    e = only_movement(detector, text)
    assert e.destination == "Goma" and e.direction == "deploy" and e.size == 200


def test_a_flight_with_stops_ends_at_the_last_and_the_aircraft_sends_no_one(detector):
    text = "A C-130 flew the platoon from Bagram to Kandahar and then on to Lashkar Gah."
    e = only_movement(detector, text)
    assert e.destination == "Lashkar Gah" and e.actor is None


def test_airlifted_troops_are_deployed(detector):
    e = only_movement(detector, "About 200 paratroopers were airlifted to Erbil on Tuesday.")
    assert e.destination == "Erbil" and e.size == 200


def test_a_unit_deployed_to_one_place_and_later_another_is_two_movements(detector):
    found = movements(detector, "The 3rd Brigade deployed last week to Kharkiv and later Izium.")
    assert sorted(e.destination for e in found) == ["Izium", "Kharkiv"]


def test_forces_travelling_to_a_place_are_deployed_there(detector):
    e = only_movement(detector, "Two companies of paratroopers travelled to Gao on Monday.")
    assert e.destination == "Gao"


def test_forces_travelling_nowhere_named_are_no_movement(detector):
    assert movements(detector, "The militants, travelling in a convoy of trucks, stormed the town.") == []


# --- entering ------------------------------------------------------------------------------------------


def test_tanks_entering_a_buffer_zone_move_whatever_the_shelling(detector):
    text = "Two Turkish tanks entered the buffer zone on Monday as shells were fired nearby."
    e = only_movement(detector, text)
    assert e.destination == "the buffer zone" and e.actor == "Turkish" and e.size == 2


def test_fighters_crossing_into_a_country_are_deployed_there(detector):
    text = "Hundreds of Iranian fighters entered Syria last month, and clashes followed."
    e = only_movement(detector, text)
    assert e.destination == "Syria" and e.country == "SY"


def test_fighters_storming_into_a_town_are_no_deployment(detector):
    assert movements(detector, "Rebel fighters entered Aleppo after heavy fighting.") == []


# --- subjects and actors -------------------------------------------------------------------------------


def test_a_long_appositive_subject_is_the_force_not_its_equipment(detector):
    e = only_movement(
        detector,
        "On 2 March, 1st Battalion, 68th Armor Regiment, a U.S. tank battalion equipped with M1 Abrams tanks "
        "deployed to Lithuania with its tanks to help deter Russia.",
    )
    assert e.destination == "Lithuania" and e.actor == "U.S." and "Battalion" in (e.force or "")


def test_the_source_of_an_estimate_is_no_actor(detector):
    e = only_movement(
        detector,
        "The coalition was estimated by the institute to have 9,000 members, and 3,000 Ethiopian soldiers "
        "were deployed in the offensive.",
    )
    assert e.actor == "Ethiopian" and e.size == 3000


def test_who_welcomes_a_withdrawal_did_not_make_it(detector):
    e = only_movement(detector, "The president of Chad welcomed the withdrawal of French troops from Niger.")
    assert e.actor == "French" and e.destination == "Niger" and e.direction == "withdraw"


def test_a_date_before_the_force_is_neither_owner_nor_size(detector):
    e = only_movement(detector, "On 4 April Russian troops withdrew from Sumy Oblast.")
    assert e.actor == "Russian" and e.size is None


def test_a_word_of_the_unit_name_is_no_owner(detector):
    e = only_movement(detector, "The 1st Armoured Division was deployed to Kuwait.")
    assert e.destination == "Kuwait" and e.actor is None


def test_a_state_inside_the_unit_name_owns_it(detector):
    e = only_movement(detector, "The Iraqi Army's 9th Division was sent to Samarra on Sunday.")
    assert e.actor == "Iraqi"


def test_a_named_group_moving_its_own_fighters_is_the_actor(detector):
    e = only_movement(detector, "Wagner fighters reinforced Soledar overnight.")
    assert e.destination == "Soledar" and e.actor == "Wagner"


# --- orders, replacements, redeployments ---------------------------------------------------------------


def test_units_ordered_to_a_place_are_an_announced_movement(detector):
    e = only_movement(detector, "Two battalions were ordered to Mosul on Tuesday.")
    assert e.destination == "Mosul" and e.status == "announced" and e.size == 2


def test_the_force_that_replaces_another_is_deployed_where_it_was(detector):
    e = only_movement(detector, "Dutch marines were replaced by a Belgian battalion in Kunduz.")
    assert e.destination == "Kunduz" and e.actor == "Belgian" and e.direction == "deploy"


def test_a_person_replaced_is_no_movement(detector):
    assert movements(detector, "The army commander was replaced by General Haftar in Benghazi.") == []


def test_units_redeployed_to_unnamed_sectors_have_left(detector):
    e = only_movement(detector, "Russian units were redeployed from Kherson to other sectors.")
    assert e.destination == "Kherson" and e.direction == "withdraw"


def test_units_redeployed_to_a_named_place_are_deployed_there(detector):
    e = only_movement(detector, "Russian units were redeployed from Kherson to Bakhmut.")
    assert e.destination == "Bakhmut" and e.direction == "deploy"


# --- what moves no force -------------------------------------------------------------------------------


def test_a_sortie_timed_by_the_clock_is_no_deployment(detector):
    assert movements(detector, "Four jets were deployed at 02:15 and all jets returned by 05:00.") == []


def test_weapons_supplied_to_a_state_are_no_deployment(detector):
    text = "Besides supplying helicopters, Moscow transferred air defence systems to Venezuela."
    assert movements(detector, text) == []


def test_forces_named_by_where_they_came_from_are_in_action(detector):
    assert movements(detector, "The patrol was ambushed by fighters dispatched from Kidal.") == []

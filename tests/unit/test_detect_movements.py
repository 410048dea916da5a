"""Force movements, phenomenon by phenomenon (GUIDELINES.md §2), on sentences the team wrote itself."""

from __future__ import annotations

import datetime as dt

import pytest

from service.detect import Detector
from service.detect.model import Article, DeploymentEvent, TerritorialControlEvent


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
    text = "Hundreds of Iranian fighters entered Syria on Sunday, and clashes followed."
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
    found = movements(detector, "Dutch marines were replaced by a Belgian battalion in Kunduz.")
    assert {(e.destination, e.actor, e.direction) for e in found} == {
        ("Kunduz", "Belgian", "deploy"),
        ("Kunduz", "Dutch", "withdraw"),  # the replaced leave: a movement of its own
    }


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


# --- sizes ---------------------------------------------------------------------------------------------


def test_a_later_sentence_gives_the_size_of_a_movement_told_without_one(detector):
    text = "Germany is sending troops to Lithuania. The 500 soldiers arrived in Lithuania on Friday."
    e = only_movement(detector, text)
    assert e.actor == "Germany" and e.size == 500


def test_a_hundred_written_out_is_a_size(detector):
    e = only_movement(detector, "About a hundred Danish marines were flown to Erbil on Sunday.")
    assert e.size == 100 and e.destination == "Erbil"


def test_a_number_standing_for_a_force_is_its_size(detector):
    found = movements(
        detector, "About 3,000 troops will leave Syria and roughly 400 will come home from Jordan."
    )
    assert sorted((e.destination, e.size, e.direction) for e in found) == [
        ("Jordan", 400, "withdraw"),
        ("Syria", 3000, "withdraw"),
    ]


def test_a_number_with_its_unit_after_it_is_a_force(detector):
    text = (
        "About 800 troops would deploy to Latvia, while some 200 from the 3rd Infantry Division would deploy "
        "to Estonia."
    )
    found = {e.destination: e.size for e in movements(detector, text)}
    assert found == {"Latvia": 800, "Estonia": 200}


def test_the_troops_sent_along_with_a_weapon_system_are_its_size(detector):
    text = (
        "Washington will send a Patriot missile battery to Poland, "
        "along with about 80 American troops to run it."
    )
    e = only_movement(detector, text)
    assert e.destination == "Poland" and e.size == 80


def test_a_ship_carrying_marines_counts_the_marines(detector):
    text = (
        "The Navy moved the amphibious assault ship USS Kearsarge, carrying 2,000 Marines, into the Red Sea."
    )
    e = only_movement(detector, text)
    assert e.destination == "Red Sea" and e.size == 2000


def test_a_force_described_by_a_copula_takes_the_description_size(detector):
    e = only_movement(
        detector, "The force heading to Lithuania is an armored battalion of about 600 soldiers."
    )
    assert e.destination == "Lithuania" and e.size == 600


def test_each_force_of_a_list_goes_to_its_own_place_with_its_own_size(detector):
    text = (
        "London will send an armoured brigade of about 4,000 troops to Estonia, three squadrons of "
        "Typhoon jets to Cyprus and two frigates to Gibraltar."
    )
    found = {e.destination: e.size for e in movements(detector, text)}
    assert found == {"Estonia": 4000, "Cyprus": 3, "Gibraltar": 2}


def test_a_gapped_list_of_forces_and_places_is_one_movement_each(detector):
    found = {
        e.destination: e.size
        for e in movements(detector, "The army sent 300 commandos to Afrin and 200 tanks to Manbij.")
    }
    assert found == {"Afrin": 300, "Manbij": 200}


# --- movements home, orders out, handovers, new bases --------------------------------------------------


def test_bringing_forces_home_is_a_withdrawal(detector):
    e = only_movement(detector, "Most of the soldiers will return home from Mali by Christmas.")
    assert e.destination == "Mali" and e.direction == "withdraw"


def test_moving_troops_back_is_a_withdrawal(detector):
    e = only_movement(
        detector, "Under the deal the Kremlin would move its troops back from the ridge near Kupiansk."
    )
    assert e.direction == "withdraw"


def test_units_ordered_out_of_a_town_are_withdrawn(detector):
    e = only_movement(
        detector, "A senior officer said army units had been ordered out of Gondar under the ceasefire."
    )
    assert e.destination == "Gondar" and e.direction == "withdraw"


def test_who_orders_owner_less_troops_to_withdraw_withdraws_them(detector):
    e = only_movement(detector, "Ukraine's army chief said he had ordered troops to withdraw from Vuhledar.")
    assert e.destination == "Vuhledar" and "Ukraine" in (e.actor or "")


def test_an_order_to_another_states_troops_leaves_them_their_owner(detector):
    e = only_movement(detector, "The junta ordered French troops to withdraw from Niger.")
    assert e.actor == "French"


def test_a_destination_in_the_forces_phrase_is_still_the_destination(detector):
    e = only_movement(
        detector, "The White House has ordered a carrier strike group led by the USS Nimitz to Guam."
    )
    assert e.destination == "Guam" and e.status == "announced"


def test_handing_over_a_named_base_withdraws_its_garrison(detector):
    text = "France on Tuesday handed over Camp Boiro, its last military base in Chad, to Chadian forces."
    e = only_movement(detector, text)
    assert e.destination == "Camp Boiro" and e.direction == "withdraw" and e.actor == "France"


def test_handing_over_unnamed_positions_names_no_place_left(detector):
    assert movements(detector, "The militia handed over positions to the army.") == []


def test_setting_up_a_military_headquarters_is_a_stationing(detector):
    e = only_movement(
        detector, "Washington will set up a permanent headquarters for the Army's III Corps in Romania."
    )
    assert e.destination == "Romania" and e.status == "announced"


def test_adding_squadrons_to_bases_deploys_them(detector):
    e = only_movement(detector, "The Pentagon will also add F-16 and A-10 squadrons to bases in the Gulf.")
    assert e.destination == "bases in the Gulf"


def test_soldiers_who_flew_somewhere_were_deployed_there(detector):
    text = "The paratroopers will join about 600 soldiers from the same division who flew to Qatar this week."
    e = only_movement(detector, text)
    assert e.destination == "Qatar" and e.size == 600


def test_aircraft_flying_over_an_area_go_nowhere(detector):
    assert movements(detector, "Two bombers flew over the area around the city of Tartus on Monday.") == []


def test_a_council_voting_to_send_peacekeepers_announces_it(detector):
    e = only_movement(
        detector, "The Security Council voted unanimously to send 4,000 more peacekeepers to Mali."
    )
    assert e.destination == "Mali" and e.status == "announced" and e.size == 4000


def test_military_police_are_armed_forces(detector):
    e = only_movement(
        detector, "Moscow's defense ministry said it had deployed military police to Aleppo to keep order."
    )
    assert e.destination == "Aleppo"


# --- who sends -----------------------------------------------------------------------------------------


def test_the_state_whose_officials_report_the_arrival_sent_the_force(detector):
    e = only_movement(
        detector, "Turkish officials said about 150 soldiers had arrived at the camp near Bashiqa."
    )
    assert e.actor == "Turkish" and e.size == 150


def test_a_commander_speaking_of_its_fighters_speaks_for_his_group(detector):
    text = "An al-Shabab commander told the group's radio station that its fighters had left Baidoa."
    e = only_movement(detector, text)
    assert e.actor == "al-Shabab" and e.direction == "withdraw"


def test_a_monitor_reporting_a_movement_is_no_side(detector):
    e = only_movement(
        detector, "The Syrian Observatory for Human Rights said some 350 fighters had moved to Idlib."
    )
    assert e.actor is None


def test_a_spokesman_speaks_for_his_institution(detector):
    e = only_movement(detector, "Pentagon spokesman John Kirby said about 1,700 troops would go to Poland.")
    assert e.actor == "Pentagon" and e.destination == "Poland"


def test_the_accused_sent_the_troops_not_the_accuser(detector):
    text = "Kinshasa has accused Kigali of sending thousands of its soldiers into North Kivu."
    assert {e.actor for e in movements(detector, text)} == {"Kigali"}


def test_fighters_described_by_their_side_are_their_own_actor(detector):
    text = (
        "Kurdish-led fighters pulled out of Tal Tamr on Sunday "
        "under a truce, handing the town to Syrian troops."
    )
    e = only_movement(detector, text)
    assert e.actor == "Kurdish-led fighters" and e.direction == "withdraw"


def test_forces_the_story_introduced_before_are_the_last_movers(detector):
    text = (
        "The last French soldiers left Gao on Monday, handing the base to Malian troops. "
        "The final contingent of 200 soldiers arrived in Niger on Tuesday."
    )
    found = {e.destination: e.actor for e in movements(detector, text)}
    assert found["Niger"] == "French"


def test_a_force_the_story_has_not_introduced_takes_no_owner_from_it(detector):
    text = "France said on Monday it would stay in Mali. Some 300 soldiers arrived in Gao on Tuesday."
    assert [e.actor for e in movements(detector, text) if e.destination == "Gao"] == [None]


def test_troops_withdrawn_with_an_ambassador_are_a_withdrawal(detector):
    text = "France will withdraw its ambassador and its 1,500 troops from Niger by the end of the year, Macron said."
    e = only_movement(detector, text)
    assert (e.destination, e.actor, e.size, e.direction, e.status) == (
        "Niger",
        "France",
        1500,
        "withdraw",
        "announced",
    )


def test_a_repositioned_carrier_is_a_movement(detector):
    e = only_movement(detector, "The Pentagon will reposition the USS Abraham Lincoln to the Middle East.")
    assert e.destination == "Middle East" and e.status == "announced"


def test_the_place_of_a_deployment_may_hang_on_the_last_force_listed(detector):
    text = (
        "WASHINGTON — Austin ordered the deployment of two fighter squadrons and a THAAD battery to Israel."
    )
    assert [e.destination for e in movements(detector, text)] == ["Israel"]


def test_a_deadline_does_not_date_the_order(detector):
    text = "Chad ordered French troops to leave the country by the end of January, the government said."
    found = detector.detect(Article(id="t", text=text, title=None, published=dt.date(2024, 12, 1)))
    assert [(e.destination, e.background) for e in found if isinstance(e, DeploymentEvent)] == [
        ("Chad", False)
    ]


def test_the_groups_fighters_are_the_group_named_before(detector):
    text = (
        "BEIRUT — Hezbollah said Saturday it had sent hundreds of fighters to reinforce Syrian government forces "
        "in Aleppo province. The group's fighters arrived in the area on Friday, a commander said."
    )
    assert {(e.destination, e.actor) for e in movements(detector, text)} == {("Aleppo province", "Hezbollah")}


def test_another_force_that_also_arrived_is_its_own_movement_by_the_same_sender(detector):
    text = (
        "TAMPA, Fla. — The USS Dwight D. Eisenhower Carrier Strike Group arrived in the U.S. Central Command "
        "area of responsibility on Nov. 4. On Nov. 5, an Ohio-class submarine also arrived in the U.S. Central "
        "Command area of responsibility."
    )
    found = detector.detect(Article(id="t", text=text, title=None, published=dt.date(2023, 11, 5)))
    arrivals = [e for e in found if isinstance(e, DeploymentEvent) and not e.background]
    assert len(arrivals) == 2 and {e.actor for e in arrivals} == {"U.S."}
    assert arrivals[0].evidence.startswith("TAMPA, Fla. — The USS")  # the dateline's "Fla." ends no sentence


def test_troops_that_leave_leave_where_they_were_stationed(detector):
    e = only_movement(
        detector, "All of the roughly 1,000 French troops who had been stationed in Chad have now left."
    )
    assert (e.destination, e.direction, e.size) == ("Chad", "withdraw", 1000)


def test_peacekeepers_leaving_a_country_pull_out(detector):
    event = only_movement(detector, "U.N. peacekeepers began leaving Mali on Saturday, the mission said.")
    assert (event.destination, event.direction) == ("Mali", "withdraw")


def test_warships_that_moved_out_left_their_port(detector):
    text = "Several Russian warships that had been docked in the port of Tartus have moved out to anchor offshore."
    e = only_movement(detector, text)
    assert e.destination == "Tartus" and e.direction == "withdraw"


def test_the_troops_a_train_carries_are_what_moves(detector):
    e = only_movement(
        detector, "The first trains carrying Russian troops have arrived in Belarus, Minsk said."
    )
    assert (e.destination, e.actor) == ("Belarus", "Russian")


def test_leaders_removed_from_the_battlefield_are_no_withdrawal(detector):
    text = "The operations removed several senior ISIS militants from the battlefield, CENTCOM said."
    assert movements(detector, text) == []


# --- where they go -------------------------------------------------------------------------------------


def test_a_place_after_the_destination_locates_it(detector):
    e = only_movement(
        detector, "Bogota has sent thousands of troops to the Catatumbo region near the Venezuelan border."
    )
    assert e.destination == "the Catatumbo region"


def test_an_anaphor_takes_the_destination_named_earlier_in_the_sentence(detector):
    text = (
        "New Delhi ordered 20,000 more troops into Jammu on Friday, "
        "a week after it rushed 5,000 troops to the region."
    )
    assert {e.destination for e in movements(detector, text)} == {"Jammu"}


def test_each_counted_share_of_a_list_goes_with_its_own_place(detector):
    text = "Russia deployed 1,500 troops to Belarus and 2,000 to Kaliningrad on Monday."
    assert {(e.destination, e.size, e.actor) for e in movements(detector, text)} == {
        ("Belarus", 1500, "Russia"),
        ("Kaliningrad", 2000, "Russia"),
    }
    text = "The Pentagon will send 1,000 soldiers to Poland and 500 to Romania."
    assert {(e.destination, e.size) for e in movements(detector, text)} == {
        ("Poland", 1000),
        ("Romania", 500),
    }


def test_a_town_named_like_a_common_noun_is_a_destination(detector):
    e = only_movement(detector, "Congo sent 500 soldiers to Sake on Tuesday.")
    assert e.destination == "Sake" and e.country == "CD" and e.size == 500
    left = detector.detect(Article(id="t", text="M23 fighters pulled out of Sake on 30 November."))
    assert [(e.type, e.place) for e in left] == [("territorial_control", "Sake")]


def test_a_date_is_no_destination(detector):
    found = movements(detector, "Moscow sent troops and tanks into Abkhazia on Aug. 8.")
    assert [e.destination for e in found] == ["Abkhazia"]


def test_a_goal_hung_on_the_kit_sent_along_is_the_destination_and_mid_month_is_none(detector):
    text = (
        "Chad sent a force of some 2,000 soldiers with armoured vehicles and helicopters into northern Cameroon "
        "in mid-January to help defend the border."
    )
    e = only_movement(detector, text)
    assert (e.destination, e.country, e.size, e.actor) == ("northern Cameroon", "CM", 2000, "Chad")


def test_forces_moving_in_go_where_the_other_side_pulls_out(detector):
    text = "The Lebanese army moved in as Israeli troops pulled out of the Shebaa farms."
    assert "Lebanese" in {e.actor for e in movements(detector, text) if e.destination == "the Shebaa farms"}


def test_a_region_named_by_a_capitalised_adjective_is_no_anaphor(detector):
    text = (
        "KYIV, Ukraine — An infantry battalion of up to 800 troops will move from Italy to the Baltic region."
    )
    assert [e.destination for e in movements(detector, text)] == ["the Baltic region"]


def test_a_second_verb_sharing_will_is_announced_and_keeps_both_places(detector):
    text = "The United States will send two squadrons of F-35 jets to Britain and station air defense units in Germany and in Italy."
    found = {(e.destination, e.status) for e in movements(detector, text)}
    assert found == {("Britain", "announced"), ("Germany", "announced"), ("Italy", "announced")}


def test_a_list_inside_a_force_is_summed(detector):
    e = only_movement(
        detector,
        "A new brigade of about 3,000 fighters, plus 2,000 other personnel, will be based in Romania.",
    )
    assert e.size == 5000


def test_a_model_name_is_no_owner(detector):
    text = "The United States is moving troops to Poland. A battalion of 20 AH-64 Apache helicopters will fly to Latvia."
    assert {e.destination: e.actor for e in movements(detector, text)}["Latvia"] == "The United States"


def test_the_arrival_years_before_the_news_is_background(detector):
    text = (
        "MOSCOW — Russia has started withdrawing its peacekeeping contingent from Nagorno-Karabakh, the Kremlin "
        "said Wednesday, three and a half years after the troops arrived."
    )
    assert {(e.direction, e.actor) for e in movements(detector, text)} == {("withdraw", "Russia")}


@pytest.mark.parametrize(
    "text",
    [
        "Pakistan's parliament voted unanimously on Friday against sending troops to join the campaign.",
        "A Houthi spokesman insisted the group had merely repositioned its forces.",
        "Two Egyptian military planes carrying weapons and ammunition landed at Mogadishu's airport on Tuesday.",
        "Sudan's army chief, Gen. Abdel Fattah al-Burhan, landed at the presidential palace in Khartoum.",
        "Residents said federal troops left the town of Lalibela after brief exchanges of gunfire.",
    ],
)
def test_votes_against_moves_to_nowhere_deliveries_visits_and_retreats_are_no_deployment(detector, text):
    assert movements(detector, text) == []


def test_troops_deployed_there_go_to_the_place_the_sentence_named(detector):
    text = (
        "Israeli forces withdrew from the town of Khiam on Wednesday and Lebanese army troops deployed there."
    )
    assert {(e.destination, e.direction) for e in movements(detector, text)} == {
        ("Khiam", "withdraw"),
        ("Khiam", "deploy"),
    }


def test_an_airstrip_is_a_place_and_a_date_no_part_of_it(detector):
    e = only_movement(
        detector, "About a hundred troops landed at Bunia's airstrip on Tuesday aboard transport planes."
    )
    assert e.destination == "Bunia's airstrip" and e.size == 100


def test_a_force_raised_to_a_number_is_a_deployment_of_that_size(detector):
    e = only_movement(
        detector, "France will boost its military force in Mali to 2,500 troops, Hollande said."
    )
    assert (e.destination, e.size, e.actor, e.status) == ("Mali", 2500, "France", "announced")
    assert movements(detector, "The company raised its prices to 300 dollars.") == []


def test_a_force_increased_in_the_passive_or_by_its_number_is_a_deployment(detector):
    e = only_movement(detector, "The French force in Mali will be increased to 4,000 troops.")
    assert (e.destination, e.size, e.actor, e.status) == ("Mali", 4000, "French", "announced")
    e = only_movement(detector, "Germany said it would raise the number of its soldiers in Lithuania to 5,000.")
    assert (e.destination, e.size, e.actor) == ("Lithuania", 5000, "Germany")
    e = only_movement(detector, "The United States doubled its troops in Afghanistan to 68,000.")
    assert (e.destination, e.size) == ("Afghanistan", 68000)
    text = "NATO allies agreed to raise the number of troops on high readiness to more than 300,000."
    assert movements(detector, text) == []


def test_a_weapon_systems_name_is_no_owner(detector):
    text = "The Pentagon said a Stryker squadron of about 1,000 troops will move to Romania."
    assert [e.actor for e in movements(detector, text)] != ["Stryker"]


def test_positions_left_in_what_the_sentence_calls_a_retreat_are_no_deployment(detector):
    text = "The army said its forces had left their positions in Wad Madani and opened an inquiry into the retreat."
    assert movements(detector, text) == []


def test_forces_bolstered_in_a_place_are_sent_there(detector):
    e = only_movement(detector, "Russia has bolstered its forces in Belgorod, officials said Monday.")
    assert (e.destination, e.actor, e.direction) == ("Belgorod", "Russia", "deploy")
    found = movements(detector, "The Pentagon was taking steps to augment fighter squadrons in Jordan.")
    assert [(e.destination, e.status) for e in found] == [("Jordan", "announced")]
    assert movements(detector, "The government increased its spending in the region.") == []


def test_positions_taken_up_somewhere_are_a_deployment_there(detector):
    e = only_movement(
        detector, "Russian warships had taken up positions off the Black Sea coast, officials said."
    )
    assert (e.destination, e.actor) == ("the Black Sea coast", "Russian")


def test_a_mission_that_brought_forward_its_withdrawal_from_a_camp_withdraws(detector):
    text = "The U.N. peacekeeping mission said Sunday that it had brought forward its withdrawal from its camp in Ber."
    e = only_movement(detector, text)
    assert e.direction == "withdraw" and "Ber" in e.destination


def test_where_forces_already_are_is_not_where_they_go(detector):
    text = "The United States is shifting troops and aircraft already in Europe to Romania, officials said Tuesday."
    assert [e.destination for e in movements(detector, text)] == ["Romania"]


def test_the_next_sentence_numbers_a_force_the_lead_left_uncounted(detector):
    text = (
        "MOSCOW — Russia began deploying peacekeepers to Nagorno-Karabakh on Tuesday. Under the agreement, 1,960 "
        "Russian troops will be stationed along the front line. Another 3,000 soldiers remain in Armenia."
    )
    lead = [e for e in movements(detector, text) if e.destination == "Nagorno-Karabakh"]
    assert [e.size for e in lead] == [1960]


def test_a_later_sentence_detailing_one_place_of_a_total_is_the_same_movement(detector):
    text = (
        "WASHINGTON — The United States will send about 2,000 troops to Poland and Germany in the coming days. "
        "Pentagon spokesman John Kirby said about 1,700 troops would go to Poland and 300 to Germany."
    )
    found = {(e.destination, e.size) for e in movements(detector, text)}
    assert found == {("Poland", 1700), ("Germany", 300)}


def test_troops_relocated_to_other_bases_leave_the_base_they_were_at(detector):
    text = "Coalition troops who had been based at K-1 will be relocated to other bases in Iraq."
    assert [(e.destination, e.direction) for e in movements(detector, text)] == [("K-1", "withdraw")]


# --- what is no movement -------------------------------------------------------------------------------


def test_moving_into_a_town_the_enemy_abandoned_takes_it(detector):
    text = (
        "Government troops also moved into the nearby town of Sloviansk, which the separatists had abandoned."
    )
    assert movements(detector, text) == []


def test_entering_a_town_the_enemy_just_left_takes_it(detector):
    text = (
        "Ukrainian troops entered Izium on Saturday, hours after Moscow "
        "said it had pulled its forces out of the town."
    )
    assert [e.direction for e in movements(detector, text)] == ["withdraw"]


def test_insurgents_moving_into_a_city_advance(detector):
    assert movements(detector, "Soldiers deserted as insurgents moved into Hama unopposed.") == []


def test_reinforcements_moving_into_a_region_are_deployed(detector):
    text = (
        "Moscow's defense ministry released footage of columns "
        "of reinforcements moving into the Belgorod region."
    )
    e = only_movement(detector, text)
    assert e.destination == "the Belgorod region" and e.actor == "Moscow"


def test_a_withdrawal_among_options_under_study_is_no_movement(detector):
    text = "The Pentagon is studying options that include withdrawing about 2,000 U.S. troops from Germany."
    assert movements(detector, text) == []


def test_fighters_landing_on_a_ship_board_it(detector):
    assert movements(detector, "Houthi fighters landed on the deck of the tanker from a helicopter.") == []


def test_a_deployment_discussed_as_a_subject_is_no_new_movement(detector):
    text = (
        "Bolton said the deployment of the USS Nimitz and the bombers was meant to send a message to Tehran."
    )
    assert movements(detector, text) == []


def test_units_moved_to_unnamed_lines_have_left_no_named_place(detector):
    assert movements(detector, "Units had moved to more favorable lines, he said.") == []


def test_a_retreat_under_a_barrage_is_no_movement(detector):
    text = "Government troops and police pulled out of Ramadi under a barrage of car bombs."
    assert movements(detector, text) == []


def test_the_area_a_later_sentence_sends_troops_to_is_the_region_the_lead_named(detector):
    text = (
        "Brazil's army has rushed thousands of soldiers to the Roraima region after clashes on the border.\n\n"
        "The defence minister said about 2,000 troops had been sent to the area."
    )
    assert [(m.destination, m.size, m.actor) for m in movements(detector, text)] == [
        ("the Roraima region", 2000, "Brazil's army")
    ]


def test_a_list_whose_last_force_the_parser_joined_to_the_verb_counts_its_people(detector):
    e = only_movement(
        detector, "The cabinet approved sending two batteries and up to 400 soldiers to Latvia."
    )
    assert e.destination == "Latvia" and e.size == 400


def test_squadrons_sent_with_troops_are_kit_not_people(detector):
    text = "The Pentagon said it is sending about 3,000 more troops and two fighter squadrons to Qatar."
    assert only_movement(detector, text).size == 3000


def test_last_months_attack_does_not_date_this_weeks_deployment(detector):
    text = "The Pentagon said Friday it is sending 1,500 troops to Qatar, following last month's attack on a base."
    e = only_movement(detector, text)
    assert e.destination == "Qatar" and not e.background


def test_a_second_sender_in_the_same_sentence_shares_the_place(detector):
    text = (
        "Germany approved sending up to 400 soldiers to Lithuania, and the Netherlands has committed as many as "
        "360 troops."
    )
    moves = sorted((m.actor, m.size, m.destination) for m in movements(detector, text))
    assert moves == [("Germany", 400, "Lithuania"), ("the Netherlands", 360, "Lithuania")]


def test_several_hundred_is_no_size(detector):
    e = only_movement(detector, "Rwanda has deployed several hundred troops to Bangui, officials said.")
    assert e.size is None and e.destination == "Bangui"


def test_a_name_joined_to_a_destination_list_can_be_the_next_clauses_sender(detector):
    text = "Russia has sent 300 military instructors to Bangui and Rwanda has deployed 250 troops there."
    moves = sorted((m.actor, m.size, m.destination) for m in movements(detector, text))
    assert moves == [("Russia", 300, "Bangui"), ("Rwanda", 250, "Bangui")]


def test_troops_moved_out_of_a_place_to_a_new_base_left_it(detector):
    text = (
        "The ministry said it had moved its troops out of the Musa Qala district center to a new base nearby."
    )
    e = only_movement(detector, text)
    assert e.destination == "the Musa Qala district center" and e.direction == "withdraw"


def test_bringing_the_total_to_a_number_is_no_new_movement(detector):
    text = (
        "The United States will send up to 450 more military personnel to Iraq's Anbar province.\n\n"
        "The deployment will bring the number of U.S. troops in Iraq to about 3,550."
    )
    assert [(m.destination, m.size) for m in movements(detector, text)] == [("Iraq's Anbar province", 450)]


def test_a_joined_verb_happened_when_its_partner_did(detector):
    text = "KHARTOUM, Sudan — Sudan joined the coalition in 2015 and sent thousands of troops to Yemen."
    events = detector.detect(Article(id="t", text=text, published=dt.date(2019, 12, 8)))
    assert events and all(e.background for e in events)


def test_pulling_out_to_avoid_encirclement_is_a_retreat_not_a_movement(detector):
    text = "KYIV, Ukraine — Ukrainian troops have pulled out of Kurakhove to avoid being encircled, the army said."
    events = detector.detect(Article(id="t", text=text))
    assert not [e for e in events if isinstance(e, DeploymentEvent)]
    assert [e.place for e in events if isinstance(e, TerritorialControlEvent)] == ["Kurakhove"]


def test_peacekeepers_leaving_hand_no_ground_over(detector):
    text = (
        "MOSCOW — Russia has begun withdrawing its peacekeepers from the Karabakh region, the Kremlin said."
    )
    events = detector.detect(Article(id="t", text=text))
    assert not [e for e in events if isinstance(e, TerritorialControlEvent)]
    assert [e.direction for e in events if isinstance(e, DeploymentEvent)] == ["withdraw"]


def test_leaving_home_on_a_journey_elsewhere_is_no_pull_out(detector):
    text = (
        "N'DJAMENA, Chad — Chadian troops headed for Niger on Saturday, as hundreds of soldiers in a column of "
        "armoured vehicles left the capital to cheers from residents."
    )
    events = detector.detect(Article(id="t", text=text))
    assert [(e.destination, e.direction) for e in events] == [("Niger", "deploy")]


def test_a_pull_out_with_an_onward_move_is_still_a_pull_out(detector):
    text = (
        "The general staff said the last soldiers would leave Burkina Faso in the coming weeks, with some "
        "expected to redeploy to neighboring Niger."
    )
    assert ("Burkina Faso", "withdraw") in {(m.destination, m.direction) for m in movements(detector, text)}


def test_a_sentences_only_verb_read_as_a_participle_is_still_news(detector):
    text = (
        "BEIRUT — Lebanese army troops deployed in the southern town of Khiam on Wednesday after Israeli forces "
        "pulled out of it.\n\n"
        "The army said its units had entered the town together with the U.N. peacekeeping force UNIFIL."
    )
    moves = sorted((m.destination, m.direction) for m in movements(detector, text))
    assert moves == [("Khiam", "deploy"), ("Khiam", "withdraw")]


def test_a_column_reaching_a_town_is_one_movement_whatever_its_route(detector):
    text = (
        "A column of French armored vehicles that crossed into the country from Cameroon on Friday reached the "
        "western town of Bouar on Saturday, the ministry said."
    )
    assert [m.destination for m in movements(detector, text)] == ["Bouar"]


def test_a_contingent_flown_home_leaves_where_it_was_posted(detector):
    text = "U.S. transport planes began flying home Georgia's 2,000-strong contingent in Iraq on Friday."
    e = only_movement(detector, text)
    assert (e.destination, e.direction, e.actor, e.size) == ("Iraq", "withdraw", "Georgia", 2000)


def test_fighters_pulling_out_under_a_deal_are_a_movement(detector):
    text = "Kurdish-led fighters withdrew from the border town of Ras al-Ain on Sunday under a cease-fire deal."
    e = only_movement(detector, text)
    assert e.destination == "Ras al-Ain" and e.direction == "withdraw"


def test_troops_based_there_pull_out_of_the_town_named_before(detector):
    text = (
        "MOGADISHU, Somalia — Al-Shabab militants took control of the town of Tiyeglow on Wednesday, hours after "
        "Ethiopian troops who had been based there pulled out."
    )
    withdrawals = [m.destination for m in movements(detector, text) if m.direction == "withdraw"]
    assert withdrawals == ["Tiyeglow"]


def test_the_first_of_a_counted_force_gives_its_count(detector):
    e = only_movement(detector, "The first of about 800 British soldiers arrived in Estonia this week.")
    assert e.destination == "Estonia" and e.size == 800


def test_a_tank_models_number_is_no_count(detector):
    text = "About 800 British soldiers arrived in Estonia.\n\nThey will bring Challenger 2 tanks and artillery."
    assert [(m.destination, m.size) for m in movements(detector, text)] == [("Estonia", 800)]


def test_due_in_a_place_is_an_announced_arrival(detector):
    e = only_movement(detector, "About 300 paratroopers are due in Yavoriv later this month, officials said.")
    assert (e.destination, e.size, e.status) == ("Yavoriv", 300, "announced")


def test_a_side_that_pulled_out_by_its_own_plan_moved_its_forces(detector):
    text = "The alliance said its fighters had pulled out of Kidal in a \"strategic\" move."
    e = only_movement(detector, text)
    assert (e.destination, e.direction) == ("Kidal", "withdraw")
    text = (
        "The Joint Forces said they had withdrawn from the outskirts of Hodeidah city because the front was "
        "frozen by a U.N.-brokered truce."
    )
    assert [(m.destination, m.direction) for m in movements(detector, text)] == [
        ("the outskirts of Hodeidah city", "withdraw")
    ]
    # fighters who pulled out in a hurry as the army advanced retreated: control changed, no movement
    assert movements(detector, "The rebels pulled out of Kidal in a hurry as the army advanced.") == []


def test_soldiers_pulled_out_of_the_province_the_sentence_named_left_it(detector):
    text = (
        "Burundi, whose troops had been fighting alongside the Congolese army in South Kivu, began pulling "
        "soldiers out of the province over the weekend, two security sources said."
    )
    e = only_movement(detector, text)
    assert (e.destination, e.actor, e.direction) == ("South Kivu", "Burundi", "withdraw")


def test_sending_troops_opposed_sends_none(detector):
    text = "A poll published last week found that a majority of Americans opposed sending troops to the Balkans."
    assert movements(detector, text) == []
    # a side that opposed something else and sent troops did send them
    e = only_movement(detector, "Turkey opposed the offensive, sending troops to the border.")
    assert (e.destination, e.actor) == ("the border", "Turkey")


def test_a_brigade_named_for_its_arm_is_no_ones_by_that_name(detector):
    text = (
        "The last Russian troops pulled out of Chechnya on Tuesday. The 205th Motor Rifle Brigade began moving "
        "to Budyonnovsk in the Stavropol region."
    )
    assert [m.actor for m in movements(detector, text)] == ["Russian", "Russian"]


def test_forces_that_set_up_a_base_near_a_town_are_stationed_there(detector):
    e = only_movement(detector, "Several hundred U.S. Marines set up a forward base near Kandahar on Sunday.")
    assert (e.destination, e.actor, e.force) == ("Kandahar", "U.S.", "Several hundred U.S. Marines")
    assert movements(detector, "The company set up a base in Lagos to serve its West African clients.") == []


def test_a_force_wound_down_by_vote_is_an_announced_pull_out(detector):
    text = (
        "The U.N. Security Council voted unanimously Thursday to wind down the peacekeeping force in southern "
        "Lebanon, extending its mandate a final time until the end of 2026."
    )
    e = only_movement(detector, text)
    assert (e.destination, e.direction, e.status) == ("southern Lebanon", "withdraw", "announced")
    assert movements(detector, "The wind died down on Monday as the army advanced.") == []


def test_a_pull_out_left_open_by_whether_is_no_movement(detector):
    text = "It was not clear whether the deal would lead to the withdrawal of troops from Tigray."
    assert movements(detector, text) == []
    e = only_movement(detector, "The deal led to the withdrawal of troops from Tigray.")
    assert (e.destination, e.direction) == ("Tigray", "withdraw")


def test_scheduled_to_arrive_is_an_announced_arrival(detector):
    e = only_movement(detector, "A NATO battalion is scheduled to arrive in northeastern Poland in April.")
    assert (e.destination, e.status) == ("northeastern Poland", "announced")


def test_soldiers_who_flew_in_arrived_where_the_story_is(detector):
    text = (
        "Al-Shabab fighters attacked Mogadishu again on Saturday. Around 400 Ugandan soldiers flew in aboard "
        "military transport planes."
    )
    e = only_movement(detector, text)
    assert (e.destination, e.size, e.direction) == ("Somalia", 400, "deploy")


def test_divisions_of_a_states_army_are_that_states(detector):
    text = (
        "Cuban troops arrived in Addis Ababa in January. The Ethiopian army's new divisions were concentrated "
        "around Harar."
    )
    assert [(m.destination, m.actor) for m in movements(detector, text)] == [
        ("Addis Ababa", "Cuban"),
        ("Harar", "Ethiopian"),
    ]


def test_motion_that_moves_no_force_anywhere(detector):
    for text in (
        "The fall of al-Hazm brings the Houthis closer to Marib, the government's last stronghold.",
        "The monitor said the soldiers were heading home on leave when the bus was hit.",
        "Control of Rabia allowed the militants to move fighters freely between their strongholds.",
        "Houthi fighters took over the district and were moving toward the coastal town of al-Khokha.",
        "Officials said they saw no sign so far of a strike force gathering in the north.",
        "The offensive brought Ukrainian troops close to Melitopol.",
    ):
        assert not movements(detector, text), text
    # a state that moves its troops close to a border does move them
    e = only_movement(detector, "Russia moved troops close to the border with Ukraine.")
    assert (e.destination, e.actor) == ("Ukraine", "Russia")


def test_forces_concentrated_around_towns_are_deployed_there(detector):
    text = "Three new army divisions were concentrated around Harar and Dire Dawa in January."
    assert [m.destination for m in movements(detector, text)] == ["Harar", "Dire Dawa"]
    assert not movements(detector, "The rebels concentrated their efforts on the capital.")


def test_troops_deployed_in_and_around_a_city_on_a_day_are_news(detector):
    text = "BEIRUT — Syrian government troops deployed in and around the city of Manbij on Tuesday, state media said."
    assert only_movement(detector, text).destination == "Manbij"


def test_forces_that_will_relocate_to_a_base_move(detector):
    text = "About 260 soldiers and six Tornado jets will relocate to the al-Azraq air base in Jordan, officials said."
    e = only_movement(detector, text)
    assert "al-Azraq" in e.destination and e.size == 260 and e.status == "announced"


def test_on_its_way_to_is_a_movement_under_way(detector):
    e = only_movement(detector, "The ministry said the destroyer HMS Duncan was on its way to the Gulf.")
    assert e.destination == "Gulf" and e.status == "executed"
    assert not movements(detector, "The minister was on his way to Paris.")


def test_the_largest_deployment_in_decades_describes_the_arrival_told(detector):
    text = (
        "About 3,500 U.S. soldiers have arrived in western Poland in the largest deployment of American troops "
        "in Europe in decades, the Army said."
    )
    assert [m.destination for m in movements(detector, text)] == ["western Poland"]


def test_the_soldiers_landing_somewhere_in_the_same_country_is_the_same_arrival(detector):
    text = (
        "About 150 U.S. Army paratroopers arrived in Poland on Wednesday.\n\n"
        "The soldiers landed at a military airfield near Swidwin, in northwestern Poland."
    )
    assert [(m.destination, m.size) for m in movements(detector, text)] == [("Poland", 150)]


def test_a_leads_round_figure_and_the_exact_one_are_one_movement(detector):
    text = (
        "More than 200 Rwandan troops are on their way to the war-torn western Darfur region of Sudan.\n\n"
        "Rwanda's foreign minister told reporters that 241 Rwandan soldiers are headed to Darfur."
    )
    moves = movements(detector, text)
    assert len(moves) == 1 and moves[0].size == 241


def test_an_army_pulling_out_on_the_orders_of_a_leader_moves(detector):
    text = "The army pulled out of Anbar's cities on Tuesday on the orders of Prime Minister Nouri al-Maliki."
    assert [m.direction for m in movements(detector, text)] == ["withdraw"]


def test_an_area_described_by_where_it_is_is_no_anaphor(detector):
    text = "Chad will deploy 1,200 soldiers to the border area where Mali, Niger and Burkina Faso meet."
    e = only_movement(detector, text)
    assert e.destination.startswith("the border area") and e.size == 1200


def test_ships_another_state_sends_go_to_the_sea_the_story_names(detector):
    text = (
        "The German frigate Hessen, which sailed from Wilhelmshaven this month, is due in the Red Sea within "
        "days.\n\nBelgium has said it will send a frigate later in the year."
    )
    moves = sorted((m.actor, m.destination) for m in movements(detector, text))
    assert moves == [("Belgium", "Red Sea"), ("German", "Red Sea")]


def test_each_states_contingent_to_one_place_is_its_own_movement(detector):
    text = (
        "The United States will send about 400 troops to Turkey, the Pentagon said.\n\n"
        "Germany's Cabinet on Thursday approved sending up to 400 soldiers to Turkey, and the Netherlands has "
        "committed as many as 360 troops."
    )
    moves = sorted((m.actor, m.size) for m in movements(detector, text))
    assert moves == [("Germany's Cabinet", 400), ("The United States", 400), ("the Netherlands", 360)]


def test_no_sign_of_civilians_does_not_negate_a_movement(detector):
    text = "There was no sign of civilians as 300 Turkish troops arrived in the town of Jarabulus on Wednesday."
    assert only_movement(detector, text).destination == "Jarabulus"


def test_a_unit_named_for_the_forces_already_told_elaborates_their_arrival(detector):
    text = (
        "About 150 U.S. Army paratroopers arrived in Poland on Wednesday.\n\n"
        "The soldiers, from the 173rd Airborne Brigade, landed at a military airfield near Swidwin, in "
        "northwestern Poland."
    )
    assert [(m.destination, m.size) for m in movements(detector, text)] == [("Poland", 150)]


def test_a_goal_hung_on_a_participle_and_an_unnamed_camp_near_a_town(detector):
    text = "Turkey has sent about 150 soldiers, backed by 20 to 25 tanks, to a camp near the town of Bashiqa."
    e = only_movement(detector, text)
    assert e.destination.startswith("a camp near the town of Bashiqa") and e.size == 150


def test_the_base_a_purpose_names_is_where_in_the_country_they_go(detector):
    text = (
        "The United States will send up to 450 more military personnel to Iraq to train government forces at "
        "al-Taqaddum military base, the White House said."
    )
    e = only_movement(detector, text)
    assert e.destination.startswith("al-Taqaddum military base") and e.size == 450


def test_ships_sail_and_contingents_cross_into_a_country(detector):
    text = "The defence secretary ordered the carrier strike group to sail to the eastern Mediterranean Sea."
    e = only_movement(detector, text)
    assert "Mediterranean" in e.destination and e.status == "announced"
    e = only_movement(detector, "2,000 Chadian soldiers crossed into northern Mali on Friday.")
    assert "Mali" in e.destination and e.size == 2000


def test_units_of_so_many_people_each_count_their_people(detector):
    text = (
        "The alliance agreed to station three battalions, of about 800 troops each, in Estonia, Latvia and "
        "Lithuania."
    )
    assert {e.destination: e.size for e in movements(detector, text)} == {
        "Estonia": 800,
        "Latvia": 800,
        "Lithuania": 800,
    }
    e = only_movement(detector, "The army sent two battalions of 600 soldiers each to Kharkiv on Monday.")
    assert e.size == 1200


def test_a_state_the_parser_read_into_a_date_still_sends_its_force(detector):
    e = only_movement(detector, "On 9 July Rwanda began deploying a force of 1,000 soldiers to Cabo Delgado.")
    assert e.actor == "Rwanda" and e.size == 1000


def test_a_numbered_unit_that_is_sent_is_not_its_own_sender(detector):
    text = (
        "The Pentagon said it was sending more troops to the region. A brigade of about 3,500 soldiers of the "
        "82nd Airborne Division was moved to Kuwait as a reserve."
    )
    kuwait = [e for e in movements(detector, text) if e.destination == "Kuwait"]
    assert [e.actor for e in kuwait] == ["The Pentagon"]
    text = "400 soldiers of the 37th Brigade pulled out of the refinery under a deal with tribal leaders."
    e = only_movement(detector, text)
    assert e.actor == "the 37th Brigade" and e.direction == "withdraw"


def test_it_that_pulls_its_soldiers_out_is_the_side_named_before(detector):
    text = (
        "Ethiopia's army kept bases in Bakool for years. Citing a lack of funding, it pulled its soldiers out "
        "of Moqokori in October."
    )
    events = detector.detect(Article(id="t", text=text))
    move = [e for e in events if isinstance(e, DeploymentEvent)]
    held = [e for e in events if isinstance(e, TerritorialControlEvent)]
    assert [e.actor for e in move] == ["Ethiopia's army"]
    assert [(e.gaining_actor, e.losing_actor) for e in held] == [(None, "Ethiopia's army")]


def test_a_second_out_of_is_a_second_place_left(detector):
    text = "The army pulled its soldiers out of Moqokori in October and out of Halgan on 23 October."
    assert sorted(e.destination for e in movements(detector, text)) == ["Halgan", "Moqokori"]


def test_a_mission_evacuating_towns_withdraws_from_each_even_under_fire(detector):
    text = "MINUSMA evacuated Tessalit and Aguelhok in October under rebel fire."
    moves = movements(detector, text)
    assert sorted(e.destination for e in moves) == ["Aguelhok", "Tessalit"]
    assert all(e.direction == "withdraw" and e.actor == "MINUSMA" for e in moves)


def test_between_two_months_is_when_not_where(detector):
    text = "Russia withdrew its 2,000 peacekeepers from Nagorno-Karabakh between April and June."
    e = only_movement(detector, text)
    assert e.destination == "Nagorno-Karabakh" and e.size == 2000
    assert movements(detector, "The militia can move its fighters freely between its strongholds.") == []


def test_a_total_the_sentence_states_is_the_size_of_the_listed_force(detector):
    text = (
        "The coalition was first put at 50,000 fighters, a figure later revised upward to 61,500; 30,000 army "
        "soldiers, 11,000 militiamen and 20,000 Peshmerga were deployed in the battle for Tal Afar."
    )
    assert [e.size for e in movements(detector, text)] == [61500]


def test_a_convoy_of_dozens_of_armoured_vehicles_is_a_force(detector):
    e = only_movement(detector, "On Monday, Turkey sent a convoy of dozens of armored vehicles into Idlib.")
    assert e.destination == "Idlib" and e.actor == "Turkey"


@pytest.mark.parametrize(
    ("text", "destination", "actor", "size"),
    [
        ("Russia sent 500 troops to Mariupol on Monday.", "Mariupol", "Russia", 500),  # a month's letters
        (
            "France sent 200 troops to Mali, where militants have killed a total of 3,000 civilians.",
            "Mali",
            "France",
            200,
        ),
        (
            "About 3,000 soldiers of the U.S. 82nd Airborne Division were deployed to Poland.",
            "Poland",
            "U.S.",
            3000,
        ),
    ],
)
def test_review_findings_on_destinations_totals_and_owners(detector, text, destination, actor, size):
    e = only_movement(detector, text)
    assert (e.destination, e.actor, e.size) == (destination, actor, size)


def test_a_prompt_that_failed_sends_no_one(detector):
    assert movements(detector, "The attack failed to prompt Uganda to send troops to Bunia.") == []


def test_a_camp_left_keeps_the_town_it_is_at(detector):
    text = "Peacekeepers left the camp at Ber in August, and the army took it over after days of fighting."
    events = detector.detect(Article(id="t", text=text))
    assert [e.destination for e in events if isinstance(e, DeploymentEvent)] == ["the camp at Ber"]
    assert [e.place for e in events if isinstance(e, TerritorialControlEvent)] == ["the camp at Ber"]


def test_forces_flown_in_that_reach_an_airport_arrive_there(detector):
    text = "Afghan special forces flown in from Kabul reached Kunduz airport on 29 September."
    events = detector.detect(Article(id="t", text=text))
    assert [(type(e).__name__, getattr(e, "destination", None)) for e in events] == [
        ("DeploymentEvent", "Kunduz airport")
    ]


def test_crossing_into_a_province_while_fighting_is_an_advance_not_a_posting(detector):
    text = "The brigades crossed into Marib governorate and fought their way into the eastern part of Harib."
    assert movements(detector, text) == []
    assert [e.destination for e in movements(detector, "Chadian troops crossed into Nigeria on Friday.")] == [
        "Nigeria"
    ]


def test_pulling_out_of_positions_around_a_town_leaves_the_town(detector):
    e = only_movement(detector, "Saudi troops pulled out of positions around Hodeidah on Friday.")
    assert (e.destination, e.direction) == ("Hodeidah", "withdraw")


def test_a_move_into_a_group_of_places_the_names_illustrate_is_one_movement(detector):
    text = "Lebanese army units moved into the vacated villages, including Kfar Kila and Odaisseh, on Tuesday."
    e = only_movement(detector, text)
    assert e.destination == "the vacated villages, including Kfar Kila and Odaisseh"
    moves = movements(detector, "The U.S. sent troops to Poland and Romania on Monday.")
    assert sorted(e.destination for e in moves) == ["Poland", "Romania"]


def test_a_participle_telling_how_a_pull_out_was_done_is_that_pull_out_and_gives_its_size(detector):
    for text in (
        "The ministry said it had completed the withdrawal of its forces from Kherson to the eastern bank of the "
        "Dnipro River, moving more than 30,000 troops and 5,000 pieces of equipment across the water.",
        "Russia withdrew from Kherson on Friday, moving more than 30,000 troops across the river.",
    ):
        e = only_movement(detector, text)
        assert (e.destination, e.direction, e.size) == ("Kherson", "withdraw", 30000)


def test_a_pull_out_from_the_positions_around_a_town_is_a_movement_unless_under_attack(detector):
    e = only_movement(detector, "The Rapid Support Forces pulled out of their positions around Omdurman.")
    assert (e.destination, e.direction, e.actor) == ("Omdurman", "withdraw", "Rapid Support Forces")
    e = only_movement(detector, "The Syrian Democratic Forces withdrew from positions near Manbij.")
    assert e.actor == "Syrian Democratic Forces"
    assert movements(detector, "The rebels pulled out of their positions around Hama after heavy shelling.") == []
    text = "The army said its troops had withdrawn from their positions in Wad Madani."
    assert movements(detector, text) == []


def test_a_pull_out_after_which_a_place_changed_hands_left_that_place(detector):
    text = (
        "Myanmar's military regained control of Lashio, the largest city in northern Shan state, on Tuesday after "
        "the Myanmar National Democratic Alliance Army withdrew its fighters under a deal brokered by China."
    )
    e = only_movement(detector, text)
    assert (e.destination, e.direction) == ("Lashio", "withdraw")


def test_fighters_the_tagger_calls_a_nationality_are_no_state_s_forces(detector):
    text = (
        "French and Malian troops took control of the main roads to Timbuktu on Monday, as Islamist fighters who "
        "had held the city for 10 months withdrew without a fight."
    )
    assert movements(detector, text) == []


def test_units_redeployed_outside_a_town_left_it(detector):
    e = only_movement(detector, "The army said its units had redeployed outside Hama to protect civilians.")
    assert (e.destination, e.direction) == ("Hama", "withdraw")


def test_a_unit_due_to_arrive_next_month_is_announced_news_and_led_by_its_state(detector):
    text = (
        "German troops arrived in Lithuania last month. A U.S.-led unit of about 900 soldiers is due to arrive in "
        "northeastern Poland in April, and a Canadian-led force will take up positions in Latvia by June."
    )
    found = {e.destination: e for e in detector.detect(Article(id="t", text=text, published=dt.date(2017, 3, 18)))}
    assert found["Lithuania"].size is None  # the next sentence's 900 are another force's
    poland, latvia = found["northeastern Poland"], found["Latvia"]
    assert (poland.actor, poland.size, poland.status, poland.background) == ("U.S.", 900, "announced", False)
    assert (latvia.actor, latvia.background) == ("Canadian", False)


def test_forces_that_join_others_are_sent_where_those_are(detector):
    e = only_movement(detector, "About 300 French troops will join the battlegroup in Estonia in April.")
    assert (e.destination, e.actor, e.size, e.status) == ("Estonia", "French", 300, "announced")
    text = "Some 800 British soldiers have deployed to Estonia. They will be joined by about 300 French troops."
    assert {(e.destination, e.actor, e.size) for e in movements(detector, text)} == {
        ("Estonia", "British", 800),
        ("Estonia", "French", 300),
    }
    assert movements(detector, "About 200 fighters joined the offensive on Marib.") == []


def test_the_kit_a_unit_brought_along_is_no_movement_of_its_own(detector):
    text = "The brigade brought 87 Abrams tanks, 144 Bradley fighting vehicles and 18 Paladin howitzers."
    assert movements(detector, text) == []


def test_a_capability_under_a_condition_is_no_movement(detector):
    text = "The troops would be able to deploy to Israel quickly if ordered, the officials said."
    assert movements(detector, text) == []
    assert movements(detector, "Russia will withdraw its troops from Kherson if the truce holds.") == []


def test_the_year_in_a_resolution_s_name_does_not_date_the_news(detector):
    text = (
        "The African Union mission has completed the first phase of its drawdown, withdrawing 2,000 soldiers from "
        "Somalia in line with UN Security Council Resolution 2670 (2022), the mission announced today."
    )
    found = detector.detect(Article(id="t", text=text, published=dt.date(2023, 6, 30)))
    assert [(e.destination, e.size, e.background) for e in found] == [("Somalia", 2000, False)]


def test_a_state_s_police_sent_abroad_on_a_mission_is_a_deployment_at_home_none(detector):
    text = (
        "A first contingent of 400 Kenyan police officers landed in Haiti's capital on Tuesday, the vanguard of a "
        "multinational mission."
    )
    e = only_movement(detector, text)
    assert (e.destination, e.country, e.actor, e.size) == ("Haiti's capital", "HT", "Kenyan", 400)
    e = only_movement(detector, "Kenya will send 600 police officers to Haiti.")
    assert (e.destination, e.size, e.status) == ("Haiti", 600, "announced")
    assert movements(detector, "Kenya deployed 600 police officers around parliament in Nairobi.") == []
    assert movements(detector, "Hundreds of riot police were deployed around parliament in Nairobi.") == []


def test_more_to_come_after_those_that_came_is_another_movement(detector):
    text = (
        "The first contingent of Kenyan police officers arrived in Haiti on Tuesday. Kenya has said it will send "
        "600 more police officers in the coming weeks."
    )
    found = movements(detector, text)
    assert [(e.status, e.size) for e in found] == [("executed", None), ("announced", 600)]


def test_a_month_that_opens_the_sentence_dates_it(detector):
    text = "In June, it ordered about 1,000 additional troops to Saudi Arabia for defensive purposes."
    found = detector.detect(Article(id="t", text=text, published=dt.date(2019, 10, 11)))
    assert [(e.size, e.background) for e in found] == [(1000, True)]


def test_a_list_of_kit_and_people_the_parser_hangs_on_the_deployment_counts_its_people(detector):
    text = (
        "The Department announced the deployment of one Patriot battery, four Sentinel radars and about 200 "
        "support personnel to the Kingdom."
    )
    e = only_movement(detector, text)
    assert (e.destination, e.size) == ("Kingdom", 200)


def test_a_state_named_as_a_kingdom_or_republic_of_keeps_its_whole_name(detector):
    e = only_movement(detector, "Burundi sent 1,000 troops to the Democratic Republic of the Congo.")
    assert (e.destination, e.country) == ("Democratic Republic of the Congo", "CD")
    e = only_movement(detector, "The U.S. sent 3,000 troops to the Kingdom of Saudi Arabia.")
    assert (e.destination, e.country) == ("Kingdom of Saudi Arabia", "SA")


def test_batteries_sent_to_locations_throughout_a_region_go_to_that_region(detector):
    text = "The Pentagon ordered additional Patriot battalions to locations throughout the Middle East region."
    assert only_movement(detector, text).destination == "the Middle East region"


def test_a_ship_sent_nowhere_named_goes_to_the_sea_the_story_is_set_on(detector):
    text = (
        "The European Union launched a naval operation to protect shipping in the Red Sea. The operation will be "
        "directed from Larissa, Greece. Greece will send a frigate in the coming weeks."
    )
    found = detector.detect(Article(id="t", title="EU naval mission", text=text))
    assert [(e.destination, e.actor) for e in found if isinstance(e, DeploymentEvent)] == [("the Red Sea", "Greece")]


def test_a_pull_back_to_spare_lives_is_decided_not_a_rout(detector):
    text = (
        "A spokesman for the rebel Coordination of Azawad Movements (CMA) said its fighters had pulled back from "
        "Kidal to spare civilians."
    )
    e = only_movement(detector, text)
    assert (e.destination, e.direction, e.actor) == (
        "Kidal",
        "withdraw",
        "the rebel Coordination of Azawad Movements (CMA)",
    )


def test_plans_being_drawn_up_are_no_movement(detector):
    text = "Officials said they were drawing up plans to evacuate servicemen from Belbek to the mainland."
    assert movements(detector, text) == []


def test_the_appositive_that_counts_a_force_gives_its_size_and_the_place_it_left(detector):
    text = (
        "The United States evacuated its remaining special operations forces, about 100 troops, from al-Anad Air "
        "Base on 21 March."
    )
    e = only_movement(detector, text)
    assert (e.destination, e.size, e.direction) == ("al-Anad Air Base", 100, "withdraw")


def test_the_next_sentence_that_counts_and_places_a_force_in_detail_is_the_same_movement(detector):
    text = (
        "Russia began deploying peacekeepers to Nagorno-Karabakh on Tuesday. The Russian defence ministry said "
        "1,960 troops would be stationed along the front line and in the Lachin corridor."
    )
    assert [(e.destination, e.size) for e in movements(detector, text)] == [("Nagorno-Karabakh", 1960)]
    text = "Russia sent 1,000 troops to Belarus in May. Later it sent 1,000 troops to Armenia, the ministry said."
    assert [e.destination for e in movements(detector, text)] == ["Belarus", "Armenia"]


def test_a_pull_out_the_story_told_as_agreed_is_a_movement_when_carried_out(detector):
    text = (
        "Under pressure from regional leaders, the M23 agreed to withdraw from Goma. Its fighters pulled out of "
        "Sake on 30 November."
    )
    found = [(e.destination, e.actor, e.status) for e in movements(detector, text)]
    assert found == [("Goma", "M23", "announced"), ("Sake", "M23", "executed")]
    text = "The rebels pulled out of Sake after heavy shelling on 30 November."
    assert movements(detector, text) == []


def test_the_group_a_spokesman_speaks_for_is_named_in_his_own_sentence(detector):
    text = "An al-Shabab spokesman said that the group had withdrawn its fighters from Kismayo overnight."
    e = only_movement(detector, text)
    assert (e.destination, e.actor) == ("Kismayo", "al-Shabab")


def test_a_day_between_an_official_and_the_verb_leaves_the_official_the_subject(detector):
    text = "The Secretary of Defense today authorized the deployment of about 3,000 U.S. personnel to Saudi Arabia."
    assert only_movement(detector, text).actor == "The Secretary of Defense"


def test_a_pull_out_that_will_begin_on_a_day_after_publication_is_announced_news(detector):
    text = "Prigozhin said that Wagner would begin pulling its fighters out of Bakhmut on May 25."
    found = detector.detect(Article(id="t", text=text, published=dt.date(2023, 5, 21)))
    assert [(e.type, e.destination, e.status, e.background) for e in found] == [
        ("deployment", "Bakhmut", "announced", False)
    ]


def test_a_name_given_to_a_movement_is_no_movement_told(detector):
    text = "Moscow said it would respond to what it called a military buildup on its borders."
    assert movements(detector, text) == []


def test_review_fixes_officers_defections_and_conditions(detector):
    assert movements(detector, "Germany sent two officers to the peace talks in Geneva.") == []
    assert movements(detector, "Ten soldiers joined the rebels in Goma.") == []
    assert movements(detector, "If the truce holds, Russia will withdraw its troops from Kherson.") == []
    text = "Britain sent troops to Estonia on Monday. 50 officers were arrested in a separate corruption probe."
    assert [e.size for e in movements(detector, text)] == [None]


def test_a_vague_force_takes_no_number_from_a_force_another_state_commands(detector):
    text = (
        "Turkish troops began leaving the buffer zone on Monday. Italy, which leads the existing mission of about "
        "1,200 soldiers, said it would stay."
    )
    assert only_movement(detector, text).size is None
    text = (
        "Belarusian troops began leaving the border area on Monday. Polish media reported that the roughly "
        "3,000-strong force had started leaving its camps."
    )
    assert {e.size for e in movements(detector, text)} == {3000}  # who reported the number is not whose it is


def test_a_handover_told_as_a_step_of_a_pull_out_is_that_one_pull_out(detector):
    text = "Ethiopian troops handed over positions around Baidoa to the AU as they began pulling out of Somalia."
    e = only_movement(detector, text)
    assert (e.destination, e.direction) == ("Somalia", "withdraw")


def test_an_undated_reports_lead_is_news_though_it_gives_a_full_date(detector):
    text = (
        "NIAMEY, Niger - French forces completed their withdrawal from the base at Ouallam on October 9, 2023, "
        "the army said.\n\nFrench troops had arrived in Niger in 2013."
    )
    e = only_movement(detector, text)
    assert (e.destination, e.status) == ("the base at Ouallam", "executed")


def test_a_month_still_to_come_in_an_undated_report_is_announced_news(detector):
    text = "VILNIUS - German troops arrived on Monday. A Dutch company of about 200 soldiers is due in Rukla in May."
    found = {e.destination: e for e in movements(detector, text)}
    assert (found["Rukla"].size, found["Rukla"].status) == (200, "announced")


def test_a_movement_an_announcement_tells_as_done_was_executed(detector):
    e = only_movement(detector, "The ministry announced that 300 paratroopers had arrived in Tallinn.")
    assert (e.destination, e.status) == ("Tallinn", "executed")
    e = only_movement(detector, "The ministry announced it was withdrawing 300 paratroopers from Tallinn.")
    assert e.status == "announced"


def test_a_state_named_in_two_words_before_its_leader_sends_the_troops(detector):
    text = "New Zealand's Prime Minister Jacinda Ardern approved the deployment of 50 soldiers to Iraq."
    assert only_movement(detector, text).actor == "New Zealand"


def test_a_month_before_the_sender_is_no_part_of_its_name(detector):
    e = only_movement(detector, "At the end of May Denmark deployed two frigates to the Baltic Sea.")
    assert e.actor == "Denmark"


def test_ships_stationed_off_a_coast_go_there_and_paratroopers_land_where_they_drop(detector):
    text = "Italy deployed four helicopters aboard the carrier Cavour off the Somali coast."
    assert only_movement(detector, text).destination == "the Somali coast"
    e = only_movement(detector, "The 4th Regimental Combat Team parachuted onto Kimpo airfield on Monday.")
    assert e.destination == "Kimpo airfield"
    # dropped near a building on a raid, with nowhere they were sent
    assert movements(detector, "Two dozen commandos parachuted from helicopters near a compound.") == []


def test_military_officers_are_a_force_police_officers_are_not_unless_sent_abroad(detector):
    text = "Canada said it would send a small team of military liaison officers to Misrata."
    e = only_movement(detector, text)
    assert (e.destination, e.status) == ("Misrata", "announced")
    assert movements(detector, "A team of UN inspectors arrived in Baghdad on Monday.") == []


def test_the_nationality_the_parser_hangs_on_an_aircraft_model_is_the_owner(detector):
    e = only_movement(detector, "Two Dutch F-35 fighters arrived in Lithuania on Sunday.")
    assert (e.actor, e.size) == ("Dutch", 2)
    e = only_movement(detector, "An Ohio-class submarine arrived in the Mediterranean on Sunday.")
    assert e.actor is None  # a class named after a state is no owner


def test_units_ordered_out_leave_the_place_the_sentence_says_was_taken(detector):
    text = (
        "Rebels have seized the town of Kitchanga after a week of fighting, with the army saying it had ordered "
        "its last units out to avoid encirclement."
    )
    e = only_movement(detector, text)
    assert (e.destination, e.direction) == ("Kitchanga", "withdraw")
    assert movements(detector, "The general ordered the reporters out of the room.") == []


def test_troops_pledged_to_a_mission_are_an_announced_deployment(detector):
    e = only_movement(detector, "Ghana has pledged 500 troops to the mission in Mali.")
    assert (e.actor, e.size, e.destination, e.status) == ("Ghana", 500, "Mali", "announced")
    assert movements(detector, "The donors pledged $300 million to the mission in Mali.") == []


def test_two_states_sending_forces_in_one_sentence_are_two_movements(detector):
    text = "Italy deployed two frigates off the Libyan coast, and Spain sent a patrol ship as well."
    assert {(e.actor, e.destination) for e in movements(detector, text)} == {
        ("Italy", "the Libyan coast"),
        ("Spain", "the Libyan coast"),
    }


def test_a_force_pledged_to_the_same_mission_goes_where_the_mission_went(detector):
    text = (
        "Kenya has sent 400 police officers to Haiti. Gangs still hold much of the capital. "
        "Jamaica has pledged 200 soldiers to the same mission."
    )
    assert {(e.actor, e.destination) for e in movements(detector, text)} == {("Kenya", "Haiti"), ("Jamaica", "Haiti")}


def test_a_buildup_that_alarms_others_is_context_not_a_movement(detector):
    text = "Britain will send 500 troops to Estonia, whose leaders are worried about a troop buildup across the border."
    assert [e.destination for e in movements(detector, text)] == ["Estonia"]
    text = "Belarus allowed a military buildup on its territory last week."
    assert len(movements(detector, text)) == 1  # a buildup told as what happened is one


def test_a_landing_told_with_its_men_is_one_counted_movement_to_the_beach(detector):
    text = "On 15 September, 1 Marine Division came ashore at Wolmi Beach on the west coast of Korea, landing 13,000 men."
    e = only_movement(detector, text)
    assert (e.destination, e.size) == ("Wolmi Beach", 13000)  # "1 Marine Division" is a name, not a count
    assert movements(detector, "The patrol came under fire near the beach.") == []


def test_ships_that_sailed_for_a_sea_went_there_and_reinforcements_poured_onto_islands_arrived(detector):
    e = only_movement(detector, "Three destroyers sailed from Toulon for the eastern Mediterranean on 2 May.")
    assert (e.destination, e.size) == ("eastern Mediterranean", 3)
    assert movements(detector, "The frigate sailed for home on Monday.") == []
    e = only_movement(detector, "The junta poured thousands of reinforcements onto the islands.")
    assert (e.destination, e.direction) == ("the islands", "deploy")


def test_a_year_in_an_exercises_name_dates_nothing(detector):
    text = (
        "VILNIUS - Troops rotated on Monday. Latvia has moved 3,000 troops to its border while Steadfast Defender "
        "2024, a NATO exercise, runs."
    )
    e = next(e for e in movements(detector, text) if e.size == 3000)
    assert e.background is False


def test_sizes_as_reports_give_them(detector):
    text = "Officials said as many as four B-52 bombers had been flown to the base at Fairford."
    assert only_movement(detector, text).size == 4
    text = "The ministry said 2,000 troops from three Marine battalions and one Army battalion would go to Erbil."
    assert only_movement(detector, text).size == 2000  # the units they come from are no further force
    text = "The council voted to raise the strength of the mission in Mali by 1,200 troops, to 13,000."
    assert only_movement(detector, text).size == 1200  # the troops added, not the new total


def test_a_withdrawal_takes_no_count_from_a_movement_the_other_way_in_the_next_sentence(detector):
    text = (
        "Dutch forces left Camp Castor on 1 July. On 12 August the ministry said about 800 troops would be flown "
        "to Kandahar airfield to secure the evacuation of Dutch personnel."
    )
    found = {e.destination: e for e in movements(detector, text)}
    assert found["Camp Castor"].size is None and found["Kandahar"].size == 800
    # the evacuation the flight is to secure is its purpose, no movement of its own
    assert set(found) == {"Camp Castor", "Kandahar"}


def test_a_unit_that_repositions_to_a_country_moves_there(detector):
    e = only_movement(detector, "The armoured squadron will reposition to Bulgaria next month.")
    assert (e.destination, e.status) == ("Bulgaria", "announced")


def test_what_a_review_found_over_reaching(detector):
    # a participle that is no movement gives no count
    assert only_movement(detector, "Troops arrived in the village on Monday, killing 20 men.").size is None
    # a state that only reports the number does not make it another state's force
    text = (
        "US troops began leaving Chad on Monday. Chad's government said about 1,000 American troops would leave "
        "by September."
    )
    assert [e.size for e in movements(detector, text)] == [1000]
    # "off" a place is where forces left, "off a coast" where ships went
    e = only_movement(detector, "Kyiv moved its troops off Zmiinyi Island on Thursday.")
    assert (e.destination, e.direction) == ("Zmiinyi Island", "withdraw")
    # officers sent to talks are delegates
    assert movements(detector, "Sudan sent military officers to Jeddah for ceasefire talks.") == []
    # a handover and a later pull-out joined by "and" are two movements
    text = "French troops handed over the base at Menaka to Malian forces and later pulled out of Mali entirely."
    assert {e.direction for e in movements(detector, text)} == {"withdraw"} and len(movements(detector, text)) == 2
    # a number before a guard is a count; before a capitalised formation, a name
    assert only_movement(detector, "The US deployed 150 National Guard to the border.").size == 150


def test_what_the_p_probe_taught(detector):
    # leaving something in a state is no pull-out
    text = "The rebels seized the village of Hranitne, leaving the garrison supplied only along dirt tracks."
    assert movements(detector, text) == []
    # an amphibious ready group is a force
    text = "An Amphibious Ready Group with 800 Marines aboard is sailing for Monrovia."
    assert only_movement(detector, text).destination == "Monrovia"
    # the next sentence's "regional force of up to 7,500 troops" is another force
    text = "Benin said it had reinforced its troops around Kandi. The bloc is discussing a regional force of 5,000 troops."
    assert [e.size for e in movements(detector, text)] == [None]


def test_plans_a_package_includes_are_announced_but_plans_considered_are_not(detector):
    e = only_movement(detector, "The package also includes plans to station 2,000 troops in Lithuania.")
    assert (e.destination, e.size, e.status) == ("Lithuania", 2000, "announced")
    assert movements(detector, "The ministry is considering plans to station 2,000 troops in Lithuania.") == []


def test_what_the_q_and_r_probes_taught(detector):
    # police sent to keep order at home or help with protests are no deployment; a police mission abroad is
    text = "Kuwait said it had sent 300 police officers to help the authorities in Manama keep order during the protests."
    assert movements(detector, text) == []
    e = only_movement(
        detector, "A contingent of 250 police officers from Rwanda arrived in Bangui on Friday."
    )
    assert (e.actor, e.size, e.destination) == ("Rwanda", 250, "Bangui")
    # "ordered his country's soldiers home from X"
    e = only_movement(
        detector, "Tanzania's president ordered his country's soldiers home from Congo on Friday."
    )
    assert (e.destination, e.direction, e.status) == ("Congo", "withdraw", "announced")
    # fighters of a named company are the company's
    e = only_movement(
        detector, "Trucks carrying fighters of Russia's Wagner private military company crossed into Mali."
    )
    assert e.actor == "Wagner"
    # peacekeepers leaving their camp in a town are withdrawn from the town
    e = only_movement(detector, "The last peacekeepers pulled out of their camp in Tessalit on Sunday.")
    assert (e.destination, e.direction) == ("Tessalit", "withdraw")
    # a helicopter that flies troops is how they went, not who sent them
    e = only_movement(detector, "Italian paratroopers were flown by helicopter from Albania to Pec.")
    assert (e.destination, e.actor) == ("Pec", "Italian")
    # soldiers stationed in one place returning to a country leave that place
    e = only_movement(
        detector, "About 1,200 soldiers stationed in Grafenwoehr will return to the United States."
    )
    assert (e.destination, e.direction, e.size, e.status) == ("Grafenwoehr", "withdraw", 1200, "announced")


def test_a_move_a_deal_or_deadline_binds_a_side_to_is_announced(detector):
    e = only_movement(detector, "Under the truce, Serbian forces must withdraw from Kosovo by June 20.")
    assert (e.destination, e.direction, e.status) == ("Kosovo", "withdraw", "announced")
    e = only_movement(detector, "UNAMID must complete its withdrawal from Darfur by June 30.")
    assert (e.destination, e.status) == ("Darfur", "announced")
    assert movements(detector, "NATO must send troops to Ukraine, the senator said.") == []


def test_a_date_something_else_is_due_on_does_not_date_the_move(detector):
    text = (
        "MINSK, Jan. 20 — Russia has been moving troops and jets into Belarus ahead of joint drills due to start "
        "on Feb. 10, officials said."
    )
    events = detector.detect(Article(id="t", text=text, published=dt.date(2022, 1, 20)))
    assert [(e.destination, e.background) for e in events if isinstance(e, DeploymentEvent)] == [
        ("Belarus", False)
    ]


def test_a_move_set_down_to_happen_is_announced(detector):
    text = "Ethiopian forces are also to pull out of the Gedo region by March 1, leaving only the airstrip under AU guard."
    e = only_movement(detector, text)
    assert (e.destination, e.direction, e.status) == ("the Gedo region", "withdraw", "announced")
    assert movements(detector, "The aim is to send troops to Mali.") == []


def test_several_thousand_of_a_force_is_no_count(detector):
    e = only_movement(detector, "Uganda pulled several thousand of its soldiers out of Congo during the talks.")
    assert (e.destination, e.size, e.direction) == ("Congo", None, "withdraw")
    assert only_movement(detector, "Uganda pulled 150 of its soldiers out of Congo on Monday.").size == 150


def test_crossing_a_border_into_a_region_is_a_movement_whatever_fighting_it_serves(detector):
    text = "Rwandan troops crossed the western border into North Kivu in support of the rebel offensive."
    e = only_movement(detector, text)
    assert (e.destination, e.actor) == ("North Kivu", "Rwandan")
    text = "Houthi fighters crossed into Shabwa governorate and fought their way into Bayhan."
    assert movements(detector, text) == []


def test_the_same_senders_further_step_after_a_recalled_one_is_recalled(detector):
    text = (
        "ANKARA, June 2 - The GNA has gained ground since Turkey sent drones and advisers to Tripoli at the start of "
        "the year. Turkey also sent hundreds of Syrian fighters to Libya, diplomats said."
    )
    events = detector.detect(Article(id="t", text=text, published=dt.date(2020, 6, 2)))
    assert [(e.destination, e.background) for e in events if isinstance(e, DeploymentEvent)] == [
        ("Tripoli", True),
        ("Libya", True),
    ]
    # a step with a date of its own is told by that date
    text = (
        "ANKARA, June 2 - Turkey sent drones and advisers to Tripoli at the start of the year. On Monday Turkey also "
        "sent 300 soldiers to Misrata, officials said."
    )
    events = detector.detect(Article(id="t", text=text, published=dt.date(2020, 6, 2)))
    assert ("Misrata", False) in [(e.destination, e.background) for e in events if isinstance(e, DeploymentEvent)]


def test_they_after_an_armed_sides_forces_are_those_forces(detector):
    text = (
        "Under the truce, Serbian forces must withdraw from Pristina by June 15. They must leave Prizren by June 18. "
        "They are also to pull out of Mitrovica by June 20."
    )
    found = movements(detector, text)
    assert [(e.destination, e.direction, e.status) for e in found] == [
        ("Pristina", "withdraw", "announced"),
        ("Prizren", "withdraw", "announced"),
        ("Mitrovica", "withdraw", "announced"),
    ]
    assert movements(detector, "Residents said the families had fled. They left the town on Monday.") == []


def test_forces_arriving_where_a_place_is_told_go_to_that_place(detector):
    e = only_movement(detector, "The convoy headed to Tal Tamr, where Syrian army reinforcements arrived on Friday.")
    assert (e.destination, e.actor) == ("Tal Tamr", "Syrian")


def test_a_force_led_by_an_alliance_is_the_alliances(detector):
    text = "The Stabilisation Force (SFOR), a NATO-led multinational force, entered Bosnia on 20 December 1996."
    assert only_movement(detector, text).actor == "NATO"
    assert only_movement(detector, "A U.S.-led unit of about 900 soldiers arrived in Poland on Monday.").actor == "U.S."


def test_a_step_the_news_comes_after_is_news_and_a_bloc_and_a_member_move_apart(detector):
    text = (
        "PRETORIA, March 13 — The bloc will withdraw its troops from Mozambique, officials said on Thursday. "
        "The decision comes after Botswana's president ordered his country's soldiers home from Mozambique in "
        "February."
    )
    found = detector.detect(Article(id="t", text=text, published=dt.date(2025, 3, 14)))
    assert [(e.actor, e.background) for e in found if isinstance(e, DeploymentEvent)] == [
        ("The bloc", False),
        ("Botswana's president", False),
    ]


def test_that_month_is_the_month_the_sentence_before_named(detector):
    text = (
        "PRETORIA, March 13 — The bloc will withdraw its troops from Mozambique, officials said on Thursday. "
        "The bloc first sent soldiers to Cabo Delgado in July 2021. Rwanda flew 1,000 troops to Palma that month."
    )
    found = detector.detect(Article(id="t", text=text, published=dt.date(2025, 3, 14)))
    assert [e.destination for e in found if isinstance(e, DeploymentEvent) and not e.background] == ["Mozambique"]


def test_ships_setting_off_for_a_sea_are_deployed_there(detector):
    e = only_movement(detector, "Two Russian frigates from the Baltic Fleet set off for the Mediterranean on Monday.")
    assert (e.destination, e.actor) == ("Mediterranean", "Russian")
    assert movements(detector, "The army set out a plan for the town.") == []


def test_what_the_t_probe_taught(detector):
    # a place that locates where forces came from is no destination
    text = "Belgium sent some 600 paratroopers from Kamina and Kitona in southern Congo into Katanga province."
    assert [e.destination for e in movements(detector, text)] == ["Katanga province"]
    # "Separate" in a brigade's name names no owner
    e = only_movement(detector, "The Ukrainian command moved the 47th Separate Mechanised Brigade to Avdiivka.")
    assert e.destination == "Avdiivka" and e.actor != "Separate"
    # a state landing a force puts it ashore; troops that landed are no object of the landing
    e = only_movement(detector, "Saudi Arabia landed an armoured force at Mukalla on Monday.")
    assert (e.destination, e.actor) == ("Mukalla", "Saudi Arabia")
    e = only_movement(detector, "About 200 soldiers from Ghana landed in Bamako on Thursday, the first troops of the force.")
    assert (e.destination, e.size) == ("Bamako", 200)
    # a navy's fleet is a force, a fishing fleet is not
    assert only_movement(detector, "Pakistan moved its Southern Fleet to the Arabian Sea.").destination == "Arabian Sea"
    assert movements(detector, "A fishing fleet sailed to the Arabian Sea.") == []
    # reports that were not confirmed tell no movement
    text = "Reports that a small group of Qatari special forces had landed in Aden were not confirmed by the coalition."
    assert movements(detector, text) == []


def test_a_deed_framing_a_dated_past_or_a_plan_said_long_ago_is_recalled(detector):
    published = dt.date(2016, 3, 28)
    text = (
        "DAMASCUS - Troops took Qaryatain on Sunday. Iran began its ground campaign in Syria last September, "
        "after sending hundreds of advisers to Aleppo."
    )
    found = detector.detect(Article(id="t", text=text, published=published))
    assert [(e.destination, e.background) for e in found if isinstance(e, DeploymentEvent)] == [("Aleppo", True)]
    text = "Late last month, the Pentagon said it would send 2,000 additional troops to Kuwait."
    found = detector.detect(Article(id="t", text=text, published=published))
    assert [e.background for e in found if isinstance(e, DeploymentEvent)] == [True]
    text = "The Pentagon said on Monday it would send 2,000 additional troops to Kuwait."
    found = detector.detect(Article(id="t", text=text, published=published))
    assert [e.background for e in found if isinstance(e, DeploymentEvent)] == [False]


def test_forces_shifted_from_where_they_were_posted_leave_it(detector):
    text = "The ministry said its troops in the Kupiansk area were being regrouped to reinforce the south."
    assert [(e.destination, e.direction) for e in movements(detector, text)] == [("the Kupiansk area", "withdraw")]
    text = "The ministry said its troops in the Kherson area had been redeployed to strengthen the defence line."
    assert [(e.destination, e.direction) for e in movements(detector, text)] == [("the Kherson area", "withdraw")]
    assert movements(detector, "The rebels in Idlib regrouped in the hills.") == []
    e = only_movement(detector, "Russian troops in Belarus were redeployed to Kursk.")
    assert (e.destination, e.direction) == ("Kursk", "deploy")


def test_an_ordered_pull_out_to_avoid_encirclement_is_a_movement_and_a_command_sends_for_its_state(detector):
    text = "On 17 February the commander said he had ordered the units to withdraw from Marinka to avoid encirclement."
    e = only_movement(detector, text)
    assert (e.destination, e.direction) == ("Marinka", "withdraw")
    assert movements(detector, "The rebels pulled out of Marinka to avoid being encircled.") == []
    e = only_movement(detector, "In mid-March the Ukrainian command moved the 93rd Mechanised Brigade to Bakhmut.")
    assert (e.destination, e.actor) == ("Bakhmut", "Ukrainian")


def test_what_the_review_of_the_q_to_t_movement_rules_found(detector):
    # "must" in a demand is no plan; a deadline needs a day
    text = "The Security Council passed a resolution on Friday saying Israeli forces must withdraw from southern Lebanon."
    assert movements(detector, text) == []
    text = "Ukrainian forces must withdraw from the Kursk region, according to a statement released by Maria Zakharova."
    assert movements(detector, text) == []
    # a police mission that fights gangs is deployed, whatever order it keeps
    text = "Kenya deployed 400 police officers to Haiti on Tuesday to help the authorities keep order and fight gangs."
    assert only_movement(detector, text).destination == "Haiti"
    # a plan still to come, or a move with a day of its own, is not made background by "also" or "at the same time"
    text = (
        "WASHINGTON, Aug 2 - The United States sent two carriers to the eastern Mediterranean in October 2023. "
        "The United States is also sending 12 F-22 jets to the region, the Pentagon said."
    )
    found = detector.detect(Article(id="t", text=text, published=dt.date(2024, 8, 2)))
    assert [e.background for e in found if isinstance(e, DeploymentEvent)] == [True, False]
    # activists' flotillas, shadow fleets and fleets of trucks are no forces
    assert movements(detector, "The Freedom Flotilla set off for Gaza from Catania on Sunday.") == []
    assert movements(detector, "A fleet of aid trucks arrived in Rafah on Sunday, the army said.") == []
    # residents' "they" is no force
    text = "Russian forces have been shelling Pokrovsk for weeks. Residents say they left the town on Monday."
    assert movements(detector, text) == []
    # forces regrouped for exercises leave nowhere; troops moving on to another country are not going home
    text = "Several thousand Russian troops in Belarus were being regrouped for joint exercises, officials said."
    assert movements(detector, text) == []
    text = "U.S. troops stationed in Kuwait returned to Iraq on Monday."
    assert [e.direction for e in movements(detector, text)] != ["withdraw"]
    # a naval group is no company
    text = "Some 2,000 Marines of the Bataan Amphibious Ready Group arrived in the eastern Mediterranean on Monday."
    assert only_movement(detector, text).actor != "Bataan"


def test_positions_taken_up_after_a_landing_are_the_same_movement(detector):
    text = "US Marines came ashore near Aden's airport on Monday and took up positions around the airfield and the port."
    assert [e.destination for e in movements(detector, text)] == ["Aden's airport"]
    e = only_movement(detector, "Russian warships had taken up positions off the Black Sea coast on Monday.")
    assert e.destination == "the Black Sea coast"


def test_a_states_column_driving_on_to_a_place_is_deployed_there(detector):
    e = only_movement(detector, "Lead elements of the French 9th Marine Brigade drove on to Bouake later that day.")
    assert e.destination == "Bouake"
    assert movements(detector, "Rebels drove to Kidal on Monday.") == []
    assert movements(detector, "The president drove to the airport.") == []


# --- moving in after the other side, and a second force of a kind ---------------------------------------


def test_moving_in_behind_a_withdrawing_side_takes_the_ground_and_posts_no_one(detector):
    text = (
        "Russian troops withdrew from Hostomel on Wednesday, and Ukrainian forces moved in behind them, "
        "officials said."
    )
    events = detector.detect(Article(id="t", text=text))
    assert [(e.destination, e.actor, e.direction) for e in events if isinstance(e, DeploymentEvent)] == [
        ("Hostomel", "Russian", "withdraw")
    ]
    taken = [e for e in events if isinstance(e, TerritorialControlEvent)]
    assert [(e.place, e.gaining_actor) for e in taken] == [("Hostomel", "Ukrainian forces")]


def test_a_second_force_of_a_kind_is_another_movement(detector):
    text = (
        "A U.S. carrier strike group arrived in the eastern Mediterranean on Tuesday.\n\n"
        "Defense officials said on Saturday that the Pentagon would send a second carrier strike group to the "
        "eastern Mediterranean."
    )
    found = [(e.destination, e.actor, e.status) for e in movements(detector, text)]
    assert found == [
        ("eastern Mediterranean", "U.S.", "executed"),
        ("eastern Mediterranean", "the Pentagon", "announced"),
    ]


def test_a_state_named_on_the_kind_of_unit_owns_the_force(detector):
    e = only_movement(detector, "A U.S. aircraft carrier strike group arrived in the Red Sea on Friday.")
    assert (e.destination, e.actor) == ("Red Sea", "U.S.")


# --- a news story's look back ------------------------------------------------------------------------------


def test_how_a_mission_first_began_is_background_to_its_end(detector):
    text = (
        "France completed its withdrawal from Mali on Monday, as the last soldiers of its counterterrorism force "
        "left the country.\n\n"
        "French troops first went to Mali at the request of its government to halt an Islamist advance."
    )
    found = [(e.destination, e.direction) for e in movements(detector, text)]
    assert found == [("Mali", "withdraw")]


def test_a_former_leaders_deed_is_background(detector):
    text = (
        "The United States will send about 450 troops back to Somalia, officials said Monday.\n\n"
        "Former President Donald Trump withdrew about 700 troops from Somalia."
    )
    found = [(e.destination, e.direction, e.size) for e in movements(detector, text)]
    assert found == [("Somalia", "deploy", 450)]


def test_a_former_rebel_group_acts_now(detector):
    text = "Former rebels of the FNL arrived in Bujumbura on Monday to join the new army, officials said."
    assert [e.destination for e in movements(detector, text)] == ["Bujumbura"]


def test_a_movement_under_a_deal_made_years_ago_is_background(detector):
    text = (
        "Protesters blocked the only road into the enclave for a third day on Wednesday.\n\n"
        "Russia deployed about 2,000 peacekeepers to Nagorno-Karabakh under a ceasefire deal that ended six weeks "
        "of fighting two years ago."
    )
    assert movements(detector, text) == []


def test_a_movement_of_its_own_day_under_an_older_deal_is_news(detector):
    text = (
        "Russia began pulling its peacekeepers out of Nagorno-Karabakh on Wednesday under a deal that ended the "
        "fighting three years ago, officials said."
    )
    assert [e.destination for e in movements(detector, text)] == ["Nagorno-Karabakh"]


def test_a_garrison_leaving_an_island_is_a_withdrawal(detector):
    text = "The defence ministry said that its garrison had left Snake Island as a gesture of goodwill."
    e = only_movement(detector, text)
    assert (e.destination, e.direction) == ("Snake Island", "withdraw")


def test_a_private_military_companys_contractors_are_a_force(detector):
    text = "Several hundred Wagner Group contractors arrived in Tripoli in September to support the offensive."
    e = only_movement(detector, text)
    assert (e.destination, e.actor) == ("Tripoli", "Wagner Group")
    assert movements(detector, "Defence contractors arrived in Kyiv on Monday for talks on new orders.") == []


def test_entering_a_town_whose_troops_had_been_withdrawn_takes_it(detector):
    text = (
        "The defence ministry announced that its troops had been withdrawn from Lyman because of the threat of "
        "encirclement, and Ukrainian forces entered the town the same day."
    )
    events = detector.detect(Article(id="t", text=text))
    assert [(e.destination, e.direction) for e in events if isinstance(e, DeploymentEvent)] == [("Lyman", "withdraw")]
    taken = [e for e in events if isinstance(e, TerritorialControlEvent)]
    assert [(e.place, e.gaining_actor) for e in taken] == [("Lyman", "Ukrainian forces")]


def test_an_area_set_by_a_bearing_from_a_river_is_no_anaphor(detector):
    text = (
        "The rebels took the village of Yusuf Bayk on Sunday. On Tuesday the YPG said that its units had left "
        "the area west of the Euphrates and returned to the east bank."
    )
    found = [(e.destination, e.direction) for e in movements(detector, text)]
    assert found == [("the area west of the Euphrates", "withdraw")]


def test_a_regular_force_leaving_without_a_fight_is_a_movement(detector):
    text = "Peshmerga forces withdrew without fighting from Sinjar on Tuesday, officials said."
    e = only_movement(detector, text)
    assert (e.destination, e.direction) == ("Sinjar", "withdraw")


def test_insurgents_melting_away_without_a_fight_move_no_force(detector):
    text = "Government troops retook the town on Monday after the insurgents had withdrawn from Kafr Nabl without a fight."
    assert movements(detector, text) == []


def test_a_state_or_coalition_pulling_out_of_a_country_or_base_is_a_withdrawal(detector):
    e = only_movement(detector, "France will pull out of Mali by the end of the year, the defence ministry said.")
    assert (e.destination, e.actor, e.direction, e.status) == ("Mali", "France", "withdraw", "announced")
    e = only_movement(detector, "The coalition said it would also withdraw from the K1 base next week.")
    assert (e.destination, e.direction, e.status) == ("the K1 base", "withdraw", "announced")


@pytest.mark.parametrize(
    "text",
    [
        "Britain pulled out of the EU in 2020.",
        "The U.S. pulled out of the Paris climate agreement.",
        "Russia pulled out of the Black Sea grain deal on Monday.",
    ],
)
def test_leaving_a_bloc_or_a_deal_is_no_movement(detector, text):
    events = detector.detect(Article(id="t", text=text))
    assert events == []


def test_a_base_handed_over_that_the_parser_hangs_on_over_is_a_pull_out(detector):
    text = "The coalition handed over the al-Qaim base to the Iraqi security forces on 19 March."
    e = only_movement(detector, text)
    assert (e.destination, e.actor, e.direction) == ("the al-Qaim base", "The coalition", "withdraw")


def test_a_pronoun_handing_over_a_base_pulls_out_of_it(detector):
    text = (
        "In March the coalition began consolidating its forces at fewer bases: on 19 March it handed over the "
        "al-Qaim base near the Syrian border to the Iraqi security forces."
    )
    assert [(e.destination, e.direction) for e in movements(detector, text)] == [
        ("the al-Qaim base near the Syrian border", "withdraw")
    ]


def test_a_force_ordered_to_begin_withdrawing_withdraws(detector):
    text = "Putin ordered the Russian military contingent to begin withdrawing from Syria the following day."
    e = only_movement(detector, text)
    assert (e.destination, e.actor, e.direction, e.status) == ("Syria", "Russian", "withdraw", "announced")


def test_new_battlegroups_established_in_four_states_are_four_movements(detector):
    text = "NATO leaders agreed on Thursday to establish four further battlegroups in Bulgaria, Hungary, Romania and Slovakia."
    found = [(e.destination, e.status) for e in movements(detector, text)]
    assert found == [(c, "announced") for c in ("Bulgaria", "Hungary", "Romania", "Slovakia")]


def test_bases_handed_over_one_after_another_are_each_a_pull_out(detector):
    text = (
        "The coalition handed over the al-Qaim base to Iraqi forces on 19 March, followed by Qayyarah Airfield "
        "West on 26 March and the al-Taqaddum air base on 4 April."
    )
    events = detector.detect(Article(id="t", text=text))
    left = [e.destination for e in events if isinstance(e, DeploymentEvent) and e.direction == "withdraw"]
    assert left == ["the al-Qaim base", "Qayyarah Airfield West", "the al-Taqaddum air base"]
    taken = [(e.place, e.gaining_actor) for e in events if isinstance(e, TerritorialControlEvent)]
    assert taken == [(p, "Iraqi forces") for p in left]


def test_more_soldiers_that_will_follow_go_where_the_first_went(detector):
    text = (
        "About 100 Russian military personnel have arrived in Burkina Faso, officials said on Wednesday.\n\n"
        "State television showed the troops landing at the airport in the capital.\n\n"
        "The Africa Corps said on Telegram that another 200 soldiers would follow soon."
    )
    found = [(e.country, e.size, e.status) for e in movements(detector, text)]
    assert found == [("BF", 100, "executed"), ("BF", 200, "announced")]
    assert movements(detector, "More troops will follow, the general said on Monday.") == []


# --- news reports of the Y/Z/AA/AB probe kinds (own sentences) -------------------------------------------


def test_a_presence_increased_by_a_number_is_that_many_sent(detector):
    e = only_movement(detector, "Canada will increase its military presence in Latvia by about 800 personnel.")
    assert e.destination == "Latvia" and e.size == 800 and e.status == "announced"


def test_soldiers_being_stationed_are_arriving_not_a_presence(detector):
    e = only_movement(detector, "About 600 Dutch soldiers are being stationed at the Rukla base with tanks.")
    assert e.destination == "the Rukla base" and e.size == 600


def test_troops_shifted_from_where_they_are_based_go_only_to_the_new_post(detector):
    found = movements(detector, "Washington will shift 700 troops already based in Italy to Bulgaria.")
    assert [e.destination for e in found] == ["Bulgaria"]


def test_a_column_led_out_of_a_town_leaves_it(detector):
    e = only_movement(detector, "The rebel commander led a column of several hundred fighters out of Kidal.")
    assert e.destination == "Kidal" and e.direction == "withdraw" and e.size is None


def test_a_deployment_not_envisaged_is_none(detector):
    text = (
        "A spokesman said Rome did not envisage a large-scale deployment beyond the small number of personnel "
        "already in the country."
    )
    assert movements(detector, text) == []


def test_whether_units_were_ordered_to_move_is_a_question(detector):
    assert movements(detector, "He did not say whether any units had been ordered to move to Derna.") == []


def test_rebels_moving_in_with_no_place_is_an_advance_not_a_deployment(detector):
    text = "The rebels moved in on Tuesday afternoon after the militias withdrew, a resident said."
    assert movements(detector, text) == []


def test_the_flight_home_is_the_withdrawal_again(detector):
    text = (
        "MOSCOW — The first Russian bombers left Syria on Tuesday. The Defense Ministry said a formation of "
        "Su-24 jets had set off for bases in Russia."
    )
    found = [(e.destination, e.direction) for e in movements(detector, text)]
    assert found == [("Syria", "withdraw")]


def test_a_placeless_arrival_after_a_recalled_move_is_recalled_too(detector):
    text = (
        "ADEN, Yemen, Jan 10 – Southern forces said on Monday they had retaken the district of Nisab. "
        "The brigades were moved from the west coast to Shabwa in December. Thousands of fighters arrived in "
        "convoys over several days."
    )
    events = detector.detect(Article(id="t", text=text, published=dt.date(2022, 1, 10)))
    assert [e for e in events if isinstance(e, DeploymentEvent) and not e.background] == []


def test_a_month_end_dates_a_move_months_back(detector):
    text = (
        "MOSCOW — Russian jets left Syria on Tuesday. Russia began its air campaign at the end of September, "
        "after moving some 30 combat jets to the Latakia base over the summer."
    )
    events = detector.detect(Article(id="t", text=text, published=dt.date(2016, 3, 15)))
    news = [e.destination for e in events if isinstance(e, DeploymentEvent) and not e.background]
    assert news == ["Syria"]


def test_a_date_before_the_sender_is_not_part_of_its_name(detector):
    text = "The first battalions crossed the border on Friday, and by 9 August Moscow had moved troops into Abkhazia."
    assert [e.actor for e in movements(detector, text)] == ["Moscow"]


def test_a_vague_force_is_not_counted_by_another_movement_told_next(detector):
    text = (
        "By 9 August Moscow had moved several thousand troops into South Ossetia. Armenia also recalled its "
        "1,500-strong contingent from Syria."
    )
    sizes = {e.destination: e.size for e in movements(detector, text)}
    assert sizes == {"South Ossetia": None, "Syria": 1500}


def test_the_troops_flown_home_are_the_contingent_recalled(detector):
    text = "Armenia recalled its 1,500-strong contingent from Syria, and Russian aircraft flew the troops home."
    assert [(e.destination, e.direction) for e in movements(detector, text)] == [("Syria", "withdraw")]


def test_a_column_led_out_with_its_kit_between(detector):
    text = "The commander led a column of fighters, with tanks and trucks, out of Kidal on Sunday."
    e = only_movement(detector, text)
    assert e.destination == "Kidal" and e.direction == "withdraw" and e.actor == "The commander"


def test_a_ship_directed_to_sail_somewhere_is_sent(detector):
    e = only_movement(detector, "The USS Bataan has been directed to sail to the Red Sea, the Pentagon said.")
    assert e.status == "announced" and e.direction == "deploy"


def test_soldiers_from_a_units_task_force_are_the_states_not_the_units(detector):
    text = (
        "The United States is moving forces closer to NATO's borders. About 800 soldiers from an infantry "
        "battalion task force of the 173rd Airborne Brigade are being shifted to the Baltic region."
    )
    actors = {e.actor for e in movements(detector, text) if e.size == 800}
    assert actors == {"The United States"}


def test_a_departure_either_home_or_elsewhere_leaves_the_post(detector):
    text = (
        "Coalition forces handed Qayyarah Airfield West over to the Iraqi army on Thursday. Roughly 500 "
        "coalition personnel who had been based at the airfield have departed, either returning to their home "
        "countries or moving to other coalition facilities in Iraq."
    )
    found = [(e.destination, e.direction) for e in movements(detector, text)]
    assert found == [("Qayyarah Airfield", "withdraw")]


def test_a_move_dated_by_an_in_phrase_is_still_a_posting(detector):
    text = "In the days before the offensive, the regional government moved 5,000 Peshmerga onto Mount Sinjar."
    e = only_movement(detector, text)
    assert e.destination == "Mount Sinjar" and e.size == 5000


def test_militiamen_assembling_at_a_base_are_deployed(detector):
    e = only_movement(detector, "By Tuesday some 2,000 militiamen had assembled at the Taji air base.")
    assert e.destination == "the Taji air base" and e.size == 2000
    assert movements(detector, "Protesters assembled at the main square on Friday.") == []


def test_military_police_are_a_force_posted_to_keep_order(detector):
    e = only_movement(detector, "Units of Turkish military police entered Tal Abyad on Monday to patrol the highway.")
    assert e.destination == "Tal Abyad" and e.direction == "deploy"
    assert movements(detector, "Police officers were sent to the square to disperse the protesters.") == []


def test_a_commitment_undertaken_is_announced(detector):
    e = only_movement(detector, "Russia undertook to station a force of 1,960 troops in Nagorno-Karabakh.")
    assert e.status == "announced" and e.size == 1960


def test_a_means_hung_on_a_noun_is_still_done(detector):
    text = "Rwanda answered a request from Maputo by dispatching 1,000 soldiers to Cabo Delgado on 9 July."
    e = only_movement(detector, text)
    assert e.destination == "Cabo Delgado" and e.size == 1000 and e.status == "executed"


def test_forces_massed_south_of_a_town_are_posted_by_it(detector):
    e = only_movement(detector, "The coalition massed 20,000 fighters south of Hodeidah in early June.")
    assert e.destination == "Hodeidah" and e.size == 20000


def test_pulling_out_of_lines_on_a_towns_outskirts_is_decided(detector):
    e = only_movement(detector, "The Joint Forces pulled out of their lines on the southern outskirts of Hodeidah.")
    assert "Hodeidah" in e.destination and e.direction == "withdraw"


def test_a_number_of_troops_grown_in_a_place_is_that_many_sent(detector):
    e = only_movement(detector, "Within a week the number of French troops in Chad had grown to about 1,500.")
    assert (e.destination, e.size, e.actor) == ("Chad", 1500, "French")
    assert movements(detector, "The number of refugees in Chad rose to 500,000.") == []


def test_a_frigate_that_set_sail_for_a_sea_is_sent_there(detector):
    e = only_movement(detector, "The Danish frigate Iver Huitfeldt set sail from Korsor on Monday for the Red Sea.")
    assert e.destination == "Red Sea" and e.direction == "deploy"


def test_battalions_rotating_through_countries_go_to_each(detector):
    found = movements(detector, "The battalions will rotate through Estonia, Latvia and Lithuania.")
    assert [e.destination for e in found] == ["Estonia", "Latvia", "Lithuania"]
    assert movements(detector, "London intends to rotate its own units roughly every six months.") == []


def test_soldiers_pulled_out_and_sent_on_are_sent_on(detector):
    text = "The United States will pull about 3,600 soldiers out of South Korea and send them to Iraq."
    found = [(e.destination, e.direction, e.size) for e in movements(detector, text)]
    assert found == [("South Korea", "withdraw", 3600), ("Iraq", "deploy", 3600)]


def test_peacekeepers_rolling_in_are_posted_and_soldiers_wading_ashore_land(detector):
    e = only_movement(detector, "Russian peacekeepers rolled into Nagorno-Karabakh on Wednesday.")
    assert e.destination == "Nagorno-Karabakh"
    events = detector.detect(Article(id="t", text="Russian peacekeepers rolled into Nagorno-Karabakh on Wednesday."))
    assert not [e for e in events if isinstance(e, TerritorialControlEvent)]
    e = only_movement(detector, "About 880 Italian soldiers waded ashore near the port of Tyre on Saturday.")
    assert e.destination == "Tyre" and e.size == 880


def test_a_date_the_parser_joins_to_a_list_of_sides_keeps_the_sides(detector):
    text = "On 15 June, YPG and allied forces captured Mashor Tahtani, to the southeast of Tell Abyad."
    events = detector.detect(Article(id="t", text=text))
    assert [e.gaining_actor for e in events if isinstance(e, TerritorialControlEvent)] == ["YPG and allied forces"]


@pytest.mark.parametrize(
    "text",
    [
        # a review's sentences (its own words) that the rules of this change first over-reached on
        "Lockheed Martin assembles F-35 fighters at its plant in Fort Worth.",
        "Guards rotate through the checkpoint every four hours.",
        "U.S. Marines rotate through Darwin each year for training.",
        "The number of foreign fighters in Syria grew to 30,000 by 2015, according to the UN.",
        "Russia has expanded its military presence in Africa over the past decade.",
        "The United States will increase its diplomatic presence in Kyiv by 30 personnel.",
        "The militia captured 30 soldiers and sent them to Raqqa.",
        "The colonel led the regiment out of the barracks for the Victory Day parade in Moscow.",
        "Taliban fighters entered Kabul to patrol the streets after the government collapsed.",
        "The court instructed the government to withdraw troops from the village of Kafr Qasim.",
    ],
)
def test_what_a_review_found_over_reaching_in_movements(detector, text):
    assert movements(detector, text) == [], text


def test_what_a_review_found_dropped_from_movements(detector):
    # a denial of what did not stop the deed leaves the deed; a question about what troops sent then did is no
    # question about the sending
    assert only_movement(detector, "Russia did not hide the deployment of Iskander missiles to Kaliningrad.")
    assert only_movement(detector, "It was unclear whether the 500 soldiers sent to Goma on Friday had arrived.")
    # a second state's pull-out in the sentence, and a state's move to its own north, are movements of their own
    text = "Britain withdrew its troops from Basra and Denmark withdrew the soldiers it had in Iraq."
    assert [e.actor for e in movements(detector, text)] == ["Britain", "Denmark"]
    text = (
        "Israel withdrew troops from Khan Younis on Sunday. Israel also sent two brigades to northern Israel on "
        "Monday, the army said."
    )
    assert "northern Israel" in [e.destination for e in movements(detector, text)]
    # where the counted soldiers fly from does not make them another force
    text = (
        "The United States will send thousands of troops to Poland. About 3,000 soldiers of the 82nd Airborne "
        "will fly from Fort Bragg this week."
    )
    assert [e.size for e in movements(detector, text)] == [3000]
    # "this week" dates an arrival as news after a recalled one
    text = "WARSAW, Poland (AP) — The U.S. first sent troops to Poland in 2017. This week, another 2,000 soldiers arrived."
    assert [e.size for e in movements(detector, text)] == [2000]


# --- origins, drops, plans called off, datelines with diacritics, several senders to one place -----------


def test_where_a_force_comes_from_is_not_where_it_goes(detector):
    text = "Fighters from Zawiya were brought in by boat and came ashore at Janzour on Sunday."
    assert [e.destination for e in movements(detector, text)] == ["Janzour"]


def test_paratroopers_dropped_onto_a_place_are_deployed_there(detector):
    e = only_movement(detector, "About 400 Belgian paratroopers were dropped onto Kolwezi on Friday.")
    assert e.destination == "Kolwezi" and e.size == 400 and e.direction == "deploy"
    e = only_movement(detector, "Iraq dropped 200 commandos onto the airfield at Tal Afar.")
    assert e.destination == "the airfield at Tal Afar" and e.size == 200
    # numbers that drop, and leaflets dropped, move no one
    assert movements(detector, "The number of U.S. troops in Iraq dropped to 2,500.") == []
    assert movements(detector, "Army helicopters dropped leaflets onto Mosul on Friday.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Russia abandoned its plan to send 3,000 troops to Syria.",
        "The Pentagon scrapped plans to withdraw 12,000 troops from Germany.",
        "Washington cancelled the deployment of two destroyers to the Black Sea.",
        "The deployment of 500 Marines to Darwin was suspended on Monday.",
        "The president backed away from a plan to send 3,000 troops to Poland.",
        "The president called off the withdrawal of troops from Syria.",
    ],
)
def test_a_movement_called_off_is_none(detector, text):
    assert movements(detector, text) == [], text


def test_a_course_halted_elsewhere_leaves_the_movement(detector):
    e = only_movement(detector, "The army halted its advance and sent 2,000 troops to Kherson.")
    assert e.destination == "Kherson" and e.size == 2000


def test_a_dateline_written_with_diacritics_is_no_force(detector):
    e = only_movement(detector, "ŽAGAŃ, Poland – Soldiers arrived at the base on Monday.")
    assert e.actor is None and "ŽAGAŃ" not in (e.force or "")


def test_several_senders_to_one_place_are_several_movements(detector):
    text = (
        "On 7 August 1990 President Bush ordered US forces to Saudi Arabia. Britain deployed its 7th Armoured "
        "Brigade to Saudi Arabia. France sent the 6th Light Armoured Division to Saudi Arabia."
    )
    assert len(movements(detector, text)) == 3
    text = (
        "F-15C fighters of the 1st Tactical Fighter Wing landed at Dhahran on 8 August. The ready brigade of the "
        "82nd Airborne Division began arriving at Dhahran on 9 August."
    )
    assert len(movements(detector, text)) == 2
    # the same unit, named again, is the same movement
    text = (
        "The 82nd Airborne Division began arriving in Poland on Monday. By Friday the 82nd Airborne Division "
        "had arrived in Poland in full."
    )
    assert len(movements(detector, text)) == 1
    # and a unit of the division named before is part of its movement
    text = (
        "The Pentagon ordered the 3rd Infantry Division to Poland. Its 2nd Armored Brigade Combat Team began "
        "arriving in Poland on Monday."
    )
    assert len(movements(detector, text)) == 1
    text = (
        "The 82nd Airborne Division's ready brigade was ordered to Kuwait on Saturday. The 1st Brigade Combat "
        "Team, about 3,000 paratroopers, arrived in Kuwait on Sunday."
    )
    assert len(movements(detector, text)) == 1


# --- movements an encyclopedia narrative tells in passing -----------------------------------------------


def test_positions_around_a_town_name_the_town(detector):
    e = only_movement(detector, "In October 1980 Libya moved about 7,000 soldiers to positions around N'Djamena.")
    assert e.destination == "N'Djamena" and e.direction == "deploy" and e.size == 7000


def test_peacekeepers_reaching_a_city_are_deployed_not_taking_it(detector):
    text = "The first KFOR troops, British paratroopers of the 5th Airborne Brigade, reached Pristina that evening."
    events = detector.detect(Article(id="t", text=text))
    assert [type(e).__name__ for e in events] == ["DeploymentEvent"]
    assert events[0].destination == "Pristina"
    # an army reaching a town still holds part of it
    events = detector.detect(Article(id="t", text="Ukrainian troops reached the centre of Bakhmut on Friday."))
    assert [type(e).__name__ for e in events] == ["TerritorialControlEvent"]
    # rebels who once overran a peacekeepers' base are no peacekeepers
    text = "M23 rebels, who had overrun a UN peacekeeping base near Sake, reached the centre of Goma."
    events = detector.detect(Article(id="t", text=text))
    goma = [type(e).__name__ for e in events if "Goma" in (getattr(e, "place", ""), getattr(e, "destination", ""))]
    assert goma == ["TerritorialControlEvent"]


def test_forces_shipped_or_carried_to_a_place_are_deployed_there(detector):
    e = only_movement(detector, "Jakarta shipped eight infantry battalions from Java to East Timor in 1977.")
    assert e.destination == "East Timor" and e.size == 8
    e = only_movement(detector, "The 101st Airborne Division carried about 2,000 troops by helicopter to Camp Cobra.")
    assert e.destination == "Camp Cobra" and e.size == 2000
    assert movements(detector, "The rebels carried out attacks on Goma and carried the wounded to Bukavu.") == []


def test_a_grouping_of_forces_is_a_force(detector):
    text = "A second grouping of Soviet forces entered from Kushka and deployed to Herat."
    assert [e.destination for e in movements(detector, text)] == ["Herat"]


def test_a_step_told_hours_earlier_is_news_in_a_narrative(detector):
    text = "Hours earlier a column of Russian paratroopers had taken over Pristina airport."
    events = detector.detect(Article(id="t", text=text))
    assert [(e.place, e.background, e.gaining_actor) for e in events] == [
        ("Pristina airport", False, "a column of Russian paratroopers")
    ]
    # but a narrative's step back dated by its night or weekday is still the past it recalls
    for when in ("overnight", "on Monday"):
        text = f"In 1994 the rebels had taken Kigali {when}."
        assert [e.background for e in detector.detect(Article(id="t", text=text))] == [True]


def test_heading_home_after_a_tour_leaves_the_place_of_the_tour(detector):
    text = "Paratroopers of the 82nd Airborne Division are heading home to Fort Bragg after nine months in Poland."
    e = only_movement(detector, text)
    assert e.destination == "Poland" and e.direction == "withdraw"
    e = only_movement(detector, "The soldiers are headed to Lithuania.")
    assert e.destination == "Lithuania" and e.direction == "deploy"


def test_forces_sent_home_are_withdrawn_from_where_they_served(detector):
    e = only_movement(detector, "The British troops in Basra were sent home.")
    assert (e.destination, e.direction) == ("Basra", "withdraw")
    e = only_movement(detector, "The Marines from Helmand were sent home on Monday.")
    assert (e.destination, e.direction) == ("Helmand", "withdraw")
    # forces sent back to a war go there again
    e = only_movement(detector, "Obama sent 300 troops back to Iraq.")
    assert (e.destination, e.direction) == ("Iraq", "deploy")


def test_a_warship_and_troops_counted_after_it_are_two_movements(detector):
    text = (
        "The aircraft carrier USS Carl Vinson arrived off the coast of Haiti on Friday. Some 2,200 Marines of "
        "the 22nd Marine Expeditionary Unit are sailing toward Haiti aboard the amphibious assault ship USS "
        "Bataan, the Pentagon said."
    )
    assert [(e.destination, e.size) for e in movements(detector, text)] == [("Haiti", None), ("Haiti", 2200)]


def test_a_handover_on_the_way_out_is_a_step_of_the_pull_out(detector):
    text = (
        "The United Arab Emirates said its troops had returned home from the port city of Aden after handing "
        "over the coalition's headquarters in the Buraiqa district to Saudi forces."
    )
    assert [(e.destination, e.direction) for e in movements(detector, text)] == [("Aden", "withdraw")]


def test_the_territory_left_is_the_land_named_before_not_its_last_town(detector):
    text = (
        "KFOR has some 3,800 troops in Kosovo. On Monday, Italian soldiers were hurt in Zvečan when protesters "
        "attacked them. NATO-led peacekeepers entered Kosovo in June 1999, after Yugoslav forces withdrew from "
        "the territory under an agreement."
    )
    left = [e for e in detector.detect(Article(id="t", text=text)) if getattr(e, "direction", None) == "withdraw"]
    assert [e.destination for e in left] == ["Kosovo"]


def test_a_mission_named_by_its_initials_is_a_force_that_can_be_withdrawn(detector):
    e = only_movement(detector, "The Security Council voted to withdraw UNOSOM II from Somalia by March 1995.")
    assert (e.destination, e.direction, e.status, e.force) == ("Somalia", "withdraw", "announced", "UNOSOM II")


def test_a_nations_column_and_an_armys_reserves_are_forces(detector):
    e = only_movement(detector, "The Ukrainian columns pulled out of Ilovaisk on 30 August.")
    assert (e.destination, e.direction, e.actor) == ("Ilovaisk", "withdraw", "Ukrainian")
    e = only_movement(detector, "The army committed its strategic reserve to the Orikhiv sector in August.")
    assert (e.destination, e.direction) == ("the Orikhiv sector", "deploy")
    e = only_movement(detector, "Armenia rushed reserves up the road to Shusha as Azerbaijani troops closed in.")
    assert e.destination == "Shusha"
    # a column of smoke, a bank's gold and a field's oil move no force
    for text in (
        "Russia moved its gold reserves to Moscow as the war began.",
        "A column of smoke rose over Kharkiv after the strike.",
        "The company shipped its oil reserves to Rotterdam.",
    ):
        assert movements(detector, text) == [], text


def test_troops_landed_in_a_country_are_sent_there(detector):
    e = only_movement(detector, "The United States landed some 25,000 troops in Somalia over the following weeks.")
    assert (e.destination, e.size, e.actor) == ("Somalia", 25000, "The United States")
    assert movements(detector, "The pilot landed the plane in Tripoli.") == []


def test_troops_ordered_to_abandon_a_city_are_withdrawn(detector):
    e = only_movement(detector, "On 26 September Massoud ordered his troops to abandon Kabul and fall back north.")
    assert (e.destination, e.direction, e.actor) == ("Kabul", "withdraw", "Massoud")
    # troops that abandon a town in a rout lose it, they are not withdrawn by plan
    assert movements(detector, "Iraqi troops abandoned Mosul as the militants advanced.") == []


def test_a_state_calling_its_ambassador_home_moves_no_force(detector):
    for text in (
        "The United States withdrew Ambassador Smith from Niamey.",
        "Mali withdrew Ambassador Traoré from Algiers after the row.",
    ):
        assert detector.detect(Article(id="t", text=text)) == [], text


def test_troops_of_an_alliance_are_withdrawn_by_decision(detector):
    e = only_movement(detector, "Troops of the CSTO withdrew from Kazakhstan on Thursday after the unrest ended.")
    assert (e.destination, e.direction) == ("Kazakhstan", "withdraw")


def test_warplanes_heading_for_home_are_withdrawn(detector):
    text = "The Russian bombers stationed at Hmeimim in Syria headed for home on Tuesday."
    assert {e.direction for e in movements(detector, text)} == {"withdraw"}
    text = "The Russian bombers stationed at Hmeimim in Syria headed for the coast on Tuesday."
    assert "withdraw" not in {e.direction for e in movements(detector, text)}


def test_an_arrival_reported_as_already_made_is_news(detector):
    text = "The agency said on Friday that 1,200 soldiers had already arrived in Vladivostok."
    assert [(e.destination, e.size) for e in movements(detector, text)] == [("Vladivostok", 1200)]
    # a force already posted somewhere is a presence
    text = "The 300 U.S. personnel already deployed in the north will stay."
    assert movements(detector, text) == []


def test_a_movement_to_a_country_and_its_landfall_in_a_town_are_one(detector):
    text = (
        "Pyongyang has begun sending troops to Russia, officials in Seoul said on Friday, adding that about "
        "1,200 soldiers had already arrived in Vladivostok."
    )
    e = only_movement(detector, text)
    assert (e.destination, e.size, e.actor) == ("Vladivostok", 1200, "Pyongyang")


def test_a_pull_out_from_a_town_is_not_repeated_for_its_country(detector):
    text = (
        "GOMA, Democratic Republic of Congo - M23 rebels withdrew from the eastern Congolese city of Goma on "
        "Saturday, riding north on trucks as they pulled back under a deal brokered by regional leaders."
    )
    assert [e.destination for e in movements(detector, text)] == ["Goma"]
    # a country the sentence names as left is told, as well as the base the planes flew from
    text = "The first Russian jets left Syria on Tuesday, flying home from the Hmeimim air base in Latakia."
    assert "Syria" in [e.destination for e in movements(detector, text)]


def test_a_force_meant_to_let_others_go_home_withdraws_no_one(detector):
    text = "The new regional force is meant to allow Ethiopian troops to go home."
    assert movements(detector, text) == []


def test_a_mission_placed_along_its_lines_is_the_same_movement(detector):
    text = (
        "Russia began deploying peacekeeping troops to Nagorno-Karabakh on Tuesday. The Kremlin said 1,960 "
        "soldiers would be deployed along the front line and the Lachin corridor."
    )
    e = only_movement(detector, text)
    assert (e.destination, e.size) == ("Nagorno-Karabakh", 1960)


def test_a_warship_sailing_from_its_home_port_leaves_nothing(detector):
    for text in (
        "The destroyer USS Carney left Norfolk on Saturday.",
        "The frigate HMS Richmond left Portsmouth on Monday for the Red Sea.",
    ):
        events = detector.detect(Article(id="t", text=text))
        assert not any(
            isinstance(e, TerritorialControlEvent) or e.direction == "withdraw" for e in events
        ), text
    # a warship leaving a port abroad is pulled out of it
    e = only_movement(detector, "The destroyer USS Carney left Souda Bay in Greece on Saturday.")
    assert e.direction == "withdraw"


def test_the_road_out_of_a_country_is_no_arrival_where_it_ends(detector):
    text = (
        "A final convoy of U.S. soldiers crossed the border from Iraq into Kuwait at dawn, completing the "
        "withdrawal of American forces from Iraq."
    )
    assert [(e.destination, e.direction) for e in movements(detector, text)] == [("Iraq", "withdraw")]


def test_a_quarter_of_a_year_is_no_place_to_go(detector):
    text = "An advance team of about 20 Dutch officers will arrive in Vilnius in the first quarter of 2025."
    assert [e.destination for e in movements(detector, text)] == ["Vilnius"]


def test_a_unit_rotated_in_at_a_base_is_deployed_there(detector):
    e = only_movement(detector, "About 600 Dutch soldiers rotated in at Rukla on Monday.")
    assert (e.destination, e.size) == ("Rukla", 600)
    assert movements(detector, "The battalion rotates in every six months at Rukla.") == []


def test_troops_that_are_positioned_somewhere_are_a_presence(detector):
    text = "About 90,000 Russian troops are now positioned near the Ukrainian border."
    assert movements(detector, text) == []
    assert len(movements(detector, "Russia has positioned about 90,000 troops near the Ukrainian border.")) == 1


def test_soldiers_reaching_a_base_for_drills_are_deployed_not_taking_it(detector):
    text = "Forty Turkish soldiers reached the military base in Doha on Sunday and began joint exercises."
    events = detector.detect(Article(id="t", text=text))
    assert [(type(e).__name__, e.background) for e in events] == [("DeploymentEvent", False)]
    # soldiers reaching a town they fight for hold part of it
    text = "Ukrainian soldiers reached the centre of Kupiansk after heavy fighting."
    assert [type(e).__name__ for e in detector.detect(Article(id="t", text=text))] == ["TerritorialControlEvent"]


def test_forces_going_into_action_make_no_journey(detector):
    text = (
        "British jets and commandos went into action in Sierra Leone on Monday to halt a rebel advance, opening "
        "the road north towards the capital."
    )
    assert movements(detector, text) == []
    assert len(movements(detector, "British commandos flew into Sierra Leone on Monday.")) == 1


def test_troops_reported_as_already_shipped_somewhere_are_news(detector):
    text = (
        "Pyongyang has begun sending troops to Russia, officials said on Friday, adding that about 1,200 soldiers "
        "had already been shipped to the port of Vladivostok."
    )
    e = only_movement(detector, text)
    assert (e.destination, e.size, e.background) == ("Vladivostok", 1200, False)
    events = detector.detect(Article(id="t", text="The ministry said 300 soldiers had already been deployed in the north."))
    assert [e.background for e in events] == [True]


def test_a_lead_arrival_counted_where_it_landed_is_one_movement(detector):
    text = (
        "DOHA - A first contingent of Turkish troops has arrived in Qatar, the defence ministry said on Thursday. "
        "The deployment follows a vote in Ankara. Thirty soldiers and six armoured vehicles reached a base in Doha "
        "on Sunday and began joint exercises with Qatari forces."
    )
    assert [(e.destination, e.size) for e in movements(detector, text)] == [("Qatar", 30)]
    # more troops are a movement of their own
    text = (
        "A first contingent of Turkish troops has arrived in Qatar, the ministry said. Another 200 soldiers "
        "arrived in Doha on Sunday."
    )
    assert len(movements(detector, text)) == 2
    # a warship and the troops counted after it are two forces
    text = (
        "The aircraft carrier USS Carl Vinson arrived off the coast of Haiti on Friday, the Pentagon said. About "
        "3,000 soldiers of the 82nd Airborne Division are on their way to Port-au-Prince."
    )
    assert len(movements(detector, text)) == 2


def test_a_pull_out_told_as_nearly_complete_is_under_way(detector):
    text = "U.S. Central Command said on Tuesday that its withdrawal from Syria was more than 80 percent complete."
    e = only_movement(detector, text)
    assert (e.destination, e.direction, e.status) == ("Syria", "withdraw", "executed")


def test_troops_redeployed_where_a_relative_clause_says_go_to_its_place(detector):
    text = "Britain's presence in the region will be rebuilt around Estonia, where most of the troops will be redeployed."
    assert [(e.destination, e.status) for e in movements(detector, text)] == [("Estonia", "announced")]


def test_no_question_of_leaving_is_no_pull_out(detector):
    text = (
        "Spain and Ireland, two of the biggest contributors, condemned the attacks, and Irish officials said there "
        "was no question of their soldiers leaving their posts."
    )
    assert movements(detector, text) == []


def test_a_hyphenated_pull_out_or_build_up_is_a_movement(detector):
    e = only_movement(detector, "The pull-out of Belgian troops from Kidal began on Monday.")
    assert (e.destination, e.direction) == ("Kidal", "withdraw")
    e = only_movement(detector, "The build-up of Russian troops near Kharkiv continued on Tuesday.")
    assert e.direction == "deploy"
    # what a plan needs is no movement told
    assert movements(detector, "The invasion did require a large army build-up like the 1991 Gulf War.") == []


def test_the_pull_out_of_a_posted_force_leaves_its_post(detector):
    text = "The pull-out of the roughly 1,500 Belgian soldiers based in Mali will take six months, he said."
    news_moves = [e for e in movements(detector, text) if e.direction == "withdraw"]
    assert [(e.destination, e.size) for e in news_moves] == [("Mali", 1500)]


def test_later_steps_of_a_pull_out_under_a_deal_are_movements_too(detector):
    text = (
        "GOMA - M23 rebels withdrew from the city of Goma on Saturday, riding north on trucks under a deal "
        "brokered by regional leaders, witnesses said. The rebels also pulled out of the town of Sake, west of "
        "Goma, on Friday, residents said."
    )
    assert [(e.destination, e.actor) for e in movements(detector, text)] == [("Goma", "M23"), ("Sake", "M23")]


def test_units_due_to_reach_states_named_after_their_group_are_those_movements(detector):
    text = (
        "The United States will send about 600 soldiers to Greece and the two Balkan states for exercises, "
        "officials said Monday. Companies of about 200 troops each are to reach Albania and North Macedonia by "
        "Friday."
    )
    found = [e.destination for e in movements(detector, text)]
    assert found == ["Greece", "Albania", "North Macedonia"]
    # forces predicted to reach a city they fight for are not sent there
    assert movements(detector, "Russian troops will reach Kyiv within days, the analyst said.") == []


def test_flying_out_of_a_base_abroad_is_a_pull_out(detector):
    [e] = movements(detector, "The last Dutch troops flew out of Kandahar airfield on transport aircraft overnight.")
    assert (e.destination, e.direction) == ("Kandahar", "withdraw")


def test_flying_out_on_a_sortie_moves_no_force(detector):
    assert movements(detector, "Two U.S. bombers flew out of Fairford on a training sortie.") == []


def test_the_last_service_members_flying_out_end_the_withdrawal_told_before(detector):
    text = (
        "The United States has completed its withdrawal from Air Base 201 in Agadez, Niger, officials said Monday. "
        "A defense official said the last U.S. service members flew out of Agadez aboard a C-17 on Sunday."
    )
    assert [(e.destination, e.direction) for e in movements(detector, text)] == [("Air Base 201", "withdraw")]


def test_states_that_each_sent_a_battalion_and_one_whose_verb_is_left_out_move_apart(detector):
    text = (
        "Saudi Arabia and Sudan each sent a battalion to Lebanon to join it, and the United Arab Emirates a smaller "
        "detachment."
    )
    found = movements(detector, text)
    assert [(e.actor, e.destination) for e in found] == [
        ("Saudi Arabia", "Lebanon"), ("Sudan", "Lebanon"), ("United Arab Emirates", "Lebanon")
    ]
    [joint] = movements(detector, "Saudi Arabia and Sudan sent a joint battalion to Lebanon.")
    assert joint.actor == "Saudi Arabia and Sudan"


def test_a_goal_past_the_route_is_where_the_column_goes(detector):
    text = "A week later Damascus sent a second armoured column west over the mountains towards Sidon."
    [e] = movements(detector, text)
    assert e.destination == "Sidon"


def test_the_last_convoy_crossing_out_of_a_country_ends_a_pull_out(detector):
    [e] = movements(detector, "The last convoy of British soldiers crossed from Iraq into Kuwait early Sunday.")
    assert (e.destination, e.direction) == ("Iraq", "withdraw")
    [e] = movements(detector, "The first convoy of British soldiers crossed from Kuwait into Iraq early Sunday.")
    assert (e.destination, e.direction) == ("Iraq", "deploy")


def test_a_ship_that_set_sail_for_a_sea_or_sailed_bound_for_one_goes_there(detector):
    # the tagger may read "set" as an adjective and "sail" as the noun at the root
    e = only_movement(detector, "The frigate set sail for the Horn of Africa on Tuesday.")
    assert e.destination.startswith("Horn") and e.direction == "deploy" and e.status == "executed"
    text = "The German frigate Hessen set sail from Wilhelmshaven on Thursday, bound for the Red Sea."
    assert only_movement(detector, text).destination == "Red Sea"
    e = only_movement(detector, "The destroyer will set sail for the Gulf next week.")
    assert e.destination == "Gulf" and e.status == "announced"
    assert movements(detector, "The frigate set sail from Portsmouth this month.") == []


def test_members_of_a_unit_are_the_force_that_moves(detector):
    text = (
        "Members of the Irish Defence Forces 124th Infantry Battalion departed Dublin on Tuesday for southern "
        "Lebanon."
    )
    e = only_movement(detector, text)
    assert e.destination == "southern Lebanon" and e.direction == "deploy" and e.actor == "Irish"
    assert movements(detector, "Members of parliament left for Brussels on Monday.") == []


def test_cutting_or_reducing_troops_somewhere_is_a_pull_out_from_there(detector):
    e = only_movement(detector, "The United States will cut its troops in Iraq to 2,500 by January.")
    assert e.destination == "Iraq" and e.direction == "withdraw" and e.status == "announced"
    text = "France said it would reduce its troops in the Sahel to about 2,500 from 5,100."
    assert only_movement(detector, text).destination == "Sahel"
    text = "Sudan has cut the number of its troops fighting in Yemen to 5,000 from about 15,000, its premier said."
    e = only_movement(detector, text)
    assert e.destination == "Yemen" and e.actor == "Sudan" and e.direction == "withdraw"
    assert movements(detector, "Rebels cut the road between Goma and Sake on Tuesday.") == []
    assert movements(detector, "ISIL seized ten villages, practically cutting rebel forces in two.") == []
    assert movements(detector, "The army cut off the town from the south.") == []


def test_a_state_s_troops_pouring_into_another_country_are_sent_there(detector):
    e = only_movement(detector, "Thousands of Ethiopian troops poured across the border into Somalia.")
    assert e.destination == "Somalia" and e.actor == "Ethiopian" and e.direction == "deploy"
    # fighters pouring into a town advance on it: a change of hands, no posting
    assert movements(detector, "That evening columns of rebel fighters poured into Tripoli.") == []


def test_a_ship_named_for_assault_entering_a_sea_is_sent_there(detector):
    # "assault" names what the ship is for, not a fight that makes the entry an advance
    e = only_movement(detector, "The amphibious assault ship USS Bataan entered the Red Sea on Sunday.")
    assert e.destination == "Red Sea" and e.direction == "deploy" and e.actor == "U.S."


def test_a_base_placed_by_a_bearing_or_a_town_is_where_troops_are_moved(detector):
    text = "About 8,000 U.S. troops are to be moved from bases near the demilitarized zone to a new base south of Seoul."
    e = only_movement(detector, text)
    assert e.destination == "a new base south of Seoul" and e.direction == "deploy" and e.size == 8000
    e = only_movement(detector, "The troops will be moved to a new base in Pyeongtaek.")
    assert e.destination == "a new base in Pyeongtaek" and e.direction == "deploy"
    # a country only locates bases it does not name
    assert only_movement(detector, "Troops were sent to a district in southern Afghanistan.").destination == (
        "Afghanistan"
    )
    # ... whatever bearing is written before it: the move is a pull-out of bases left unnamed
    e = only_movement(detector, "The troops were moved to other bases in southern Iraq.")
    assert e.destination == "Iraq" and e.direction == "withdraw"


def test_a_pull_back_from_around_a_town_leaves_the_town_s_ground(detector):
    e = only_movement(detector, "Russia began pulling troops back from around Kyiv, the Pentagon said.")
    assert e.destination == "Kyiv" and e.direction == "withdraw" and e.actor == "Russia"
    # the ground around a town is not the town: no change of hands
    events = detector.detect(Article(id="t", text="Russian forces pulled back from around Kyiv."))
    assert not [e for e in events if isinstance(e, TerritorialControlEvent)]


@pytest.mark.parametrize(
    ("text", "destination"),
    [
        (
            "The Government of Burundi will begin deploying a 500-strong contingent of the Burundi National "
            "Defence Force (BNDF) and the Burundi National Police (BNP) to Beledweyne, Somalia, starting next week.",
            "Beledweyne",
        ),
        (
            "Armenia has moved T-72 tanks and BMP-2 infantry fighting vehicles into Syunik province, positioning "
            "armour along the border.",
            "Syunik province",
        ),
    ],
)
def test_a_goal_after_a_list_of_forces_is_the_whole_lists(detector, text, destination):
    # the parser joins the list's last force to the verb and hangs the goal on it
    assert movements(detector, text)[0].destination == destination


def test_places_left_on_different_days_are_each_a_withdrawal(detector):
    text = "The last Bangladeshi peacekeepers left Kidal on Friday and Anefis on Sunday."
    assert [e.destination for e in movements(detector, text)] == ["Kidal", "Anefis"]


@pytest.mark.parametrize(
    "text",
    [
        # soldiers crossing a border to give up their arms fled; no force was sent
        "An army spokesman said 90 Malian soldiers had crossed into Mauritania overnight and handed over their "
        "weapons.",
        "About 300 Chadian soldiers crossed into Cameroon and surrendered to the authorities there.",
        # rebels regrouping somewhere moved nowhere
        "Fighting went on in the countryside, and the rebel forces, led by officers of the old army, regrouped "
        "in the hills.",
    ],
)
def test_fleeing_or_regrouping_is_no_force_sent(detector, text):
    assert movements(detector, text) == []


def test_a_corps_sent_is_a_force_but_a_diplomatic_corps_is_not(detector):
    text = "In May 1855 the Kingdom of Piedmont sent an expeditionary corps of some 15,000 men to the Crimea."
    e = only_movement(detector, text)
    assert (e.destination, e.size) == ("Crimea", 15000)
    assert movements(detector, "The diplomatic corps left Kabul on Monday.") == []
    assert movements(detector, "The press corps arrived in Kyiv on Tuesday.") == []


def test_men_counted_in_a_sentence_of_war_are_soldiers(detector):
    text = "The army decided to withdraw, and some 40,000 men were evacuated from Kum Kale without a casualty."
    assert ("Kum Kale", 40000, "withdraw") in [(e.destination, e.size, e.direction) for e in movements(detector, text)]
    text = "Some 2,000 men, women and children were evacuated from Mariupol on Sunday as the war went on."
    assert movements(detector, text) == []

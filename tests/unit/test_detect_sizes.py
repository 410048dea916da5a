"""How many: a force counted where the text counts it, in the phrase or in the sentences after (own sentences)."""

from __future__ import annotations

import pytest

from service.detect import Detector
from service.detect.model import Article, DeploymentEvent, TerritorialControlEvent


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector()


def movements(detector: Detector, text: str) -> list[DeploymentEvent]:
    events = detector.detect(Article(id="t", text=text))
    return [e for e in events if isinstance(e, DeploymentEvent) and not e.background]


def takings(detector: Detector, text: str) -> list[TerritorialControlEvent]:
    events = detector.detect(Article(id="t", text=text))
    return [e for e in events if isinstance(e, TerritorialControlEvent) and not e.background]


def test_soldiers_of_a_battalion_in_a_sentence_the_parser_left_verbless(detector):
    text = "Roughly 600 Dutch soldiers of an airmobile battalion rotated in at Rukla this week."
    [event] = movements(detector, text)
    assert (event.destination, event.size, event.actor) == ("Rukla", 600, "Dutch")


def test_marines_carried_aboard_a_ship_count_for_its_voyage(detector):
    text = "The assault ship USS Wasp, with about 2,200 Marines aboard, is steaming toward the eastern Mediterranean."
    [event] = movements(detector, text)
    assert (event.destination, event.size) == ("eastern Mediterranean", 2200)


def test_a_combined_strength_counts_the_columns(detector):
    text = "Russian troops entered Dagestan in two columns, with a combined strength of about 9,000 men."
    [event] = movements(detector, text)
    assert (event.destination, event.size) == ("Dagestan", 9000)


def test_a_combined_strength_of_something_else_counts_no_one(detector):
    text = "Russian troops entered Dagestan in two columns, with a combined strength of 90 tanks."
    [event] = movements(detector, text)
    assert event.size is None


def test_a_units_ordinal_is_no_count_and_the_next_sentence_numbers_it(detector):
    text = (
        "Soldiers of Ireland's 121st Infantry Battalion left Dublin Airport on Monday for southern Lebanon. "
        "The battalion, numbering about 350 personnel, will patrol the Blue Line."
    )
    sent = [e for e in movements(detector, text) if e.destination == "southern Lebanon"]
    assert [e.size for e in sent] == [350]


def test_leaving_a_home_airport_for_a_mission_abroad_gives_up_no_ground(detector):
    text = (
        "Soldiers of Ireland's 121st Infantry Battalion left Dublin Airport on Monday for southern Lebanon."
    )
    assert takings(detector, text) == []
    assert [e.destination for e in movements(detector, text)] == ["southern Lebanon"]


def test_a_frigate_leaving_its_home_port_for_open_sea_gives_up_no_ground(detector):
    text = "The Dutch frigate Tromp left Den Helder on Thursday for the Red Sea."
    assert takings(detector, text) == []


def test_leaving_a_foreign_town_for_elsewhere_still_gives_it_up(detector):
    text = "Russian troops left Kherson on Friday for the east bank of the Dnipro, Ukraine's army said."
    assert [e.place for e in takings(detector, text)] == ["Kherson"]


def test_a_counted_force_posted_somewhere_that_will_leave_withdraws_from_there(detector):
    text = "Scholz said the roughly 1,100 German soldiers in Mali would leave over the next six months."
    [event] = movements(detector, text)
    assert (event.destination, event.direction, event.status, event.size) == (
        "Mali",
        "withdraw",
        "announced",
        1100,
    )


def test_a_withdrawal_of_forces_is_counted_in_words_in_the_next_sentence(detector):
    text = (
        "The last convoy of British troops crossed from Iraq into Kuwait on Sunday, completing the withdrawal of "
        "British forces from Iraq. About four hundred soldiers of the 7th Armoured Brigade made the overnight drive."
    )
    [event] = movements(detector, text)
    assert (event.destination, event.direction, event.size) == ("Iraq", "withdraw", 400)


def test_the_force_a_state_had_in_the_region_counts_its_pull_out_two_sentences_on(detector):
    text = (
        "Russian peacekeepers have begun pulling out of Transnistria, the Kremlin said on Monday. Its spokesman said "
        "the withdrawal had been agreed with Chisinau. Russia had about 1,500 troops in the region."
    )
    [event] = movements(detector, text)
    assert (event.destination, event.size) == ("Transnistria", 1500)


def test_a_number_three_sentences_on_is_too_far_to_count_the_force(detector):
    text = (
        "Russian peacekeepers have begun pulling out of Transnistria, the Kremlin said on Monday. Its spokesman said "
        "the withdrawal had been agreed with Chisinau. Moldova welcomed the step. Russia had about 1,500 troops in "
        "the region."
    )
    [event] = movements(detector, text)
    assert event.size is None


def test_a_date_after_by_is_no_cut_in_forces(detector):
    text = (
        "Russian military police moved into Daraa al-Balad on Monday. The last pocket, held by jihadists in the "
        "Yarmouk Basin, was overrun by government forces by 1 August."
    )
    sent = [e for e in movements(detector, text) if e.destination == "Daraa al-Balad"]
    assert [e.size for e in sent] == [None]


def test_a_named_nations_soldiers_in_the_next_sentence_count_the_landing(detector):
    text = (
        "Kenyan troops landed at Port-au-Prince airport on Tuesday at the start of a mission. Around 400 "
        "Kenyan soldiers flew in aboard two planes. They are the vanguard of a 2,500-strong force."
    )
    sizes = [e.size for e in movements(detector, text) if e.destination == "Port-au-Prince airport"]
    assert sizes == [400]


def test_a_hypothetical_number_two_sentences_on_does_not_count_the_force(detector):
    text = (
        "North Korean soldiers arrived in Russia this month, the spy agency said. They were issued Russian uniforms. "
        "The agency said Pyongyang could eventually send as many as 12,000 troops."
    )
    assert [e.size for e in movements(detector, text)] == [None]


def test_another_nations_soldiers_counted_next_do_not_count_the_force(detector):
    text = (
        "French troops landed at Kidal airport on the night of 29 January. About 1,800 Chadian soldiers arrived "
        "in Kidal in early February."
    )
    sizes = [e.size for e in movements(detector, text) if e.destination == "Kidal airport"]
    assert sizes == [None]


def test_a_battalion_counts_the_helicopters_it_is_made_of(detector):
    [event] = movements(detector, "A separate battalion of 12 Apaches is headed to Poland.")
    assert (event.destination, event.size) == ("Poland", 12)


def test_leaving_a_base_bound_for_another_state_is_a_journey_there(detector):
    text = "Soldiers of the 82nd Airborne Division left Fort Bragg on Monday, bound for Poland."
    assert takings(detector, text) == []
    assert [(e.destination, e.direction) for e in movements(detector, text)] == [("Poland", "deploy")]


def test_leaving_an_unknown_airfield_for_another_state_gives_up_no_ground(detector):
    text = "The first British troops left RAF Brize Norton on Tuesday for Estonia."
    assert takings(detector, text) == []


def test_leaving_a_foreign_town_for_home_still_gives_it_up(detector):
    text = "Russian troops left Kherson on Friday for Russia, Ukraine's army said."
    assert [e.place for e in takings(detector, text)] == ["Kherson"]


def test_a_group_ranked_first_is_counted_by_its_number(detector):
    [event] = movements(detector, "The first 200 Guatemalan soldiers landed in Port-au-Prince on Friday.")
    assert (event.destination, event.size) == ("Port-au-Prince", 200)


def test_a_garrison_counted_in_men_is_withdrawn_whole(detector):
    text = "The French garrison of about 1,100 men was withdrawn from Chad by mid-May."
    [event] = movements(detector, text)
    assert (event.destination, event.direction, event.size, event.actor) == ("Chad", "withdraw", 1100, "French")
    # a fort that was abandoned is no force
    text = "The war went on through the spring. The garrison was abandoned on 3 May."
    assert movements(detector, text) == []


def test_a_particle_the_parser_hangs_on_the_force_is_not_part_of_it(detector):
    found = [
        e
        for e in detector.detect(Article(id="t", text="Russia began pulling back troops from Kyiv on Tuesday."))
        if isinstance(e, DeploymentEvent)
    ]
    assert [e.force for e in found] == ["troops"]

"""Narrative prose (encyclopedia campaign paragraphs): dates opening clauses, lists of towns (own words)."""

from __future__ import annotations

import pytest

from service.detect import Detector
from service.detect.model import Article, TerritorialControlEvent


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector()


def control_news(detector: Detector, text: str) -> list[TerritorialControlEvent]:
    events = detector.detect(Article(id="t", text=text, title="Battle of the north"))
    return [e for e in events if isinstance(e, TerritorialControlEvent) and not e.background]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("After heavy fighting, on 12 October Kaga Bandoro fell to the rebels.", ["Kaga Bandoro"]),
        (
            "The rebels advanced quickly, and on 5 May Talodi, Rashad and Abu Jubayhah were taken by the "
            "rebels.",
            ["Talodi", "Rashad", "Abu Jubayhah"],
        ),
        (
            "Government troops had pushed the rebels back for weeks. The rebels took Kadugli on 2 May, and "
            "on 5 May Talodi was taken.",
            ["Kadugli", "Talodi"],
        ),
    ],
)
def test_a_date_opening_a_clause_is_no_part_of_the_place_after_it(detector, text, places):
    assert [e.place for e in control_news(detector, text)] == places


def test_a_date_opening_a_sentence_leaves_the_subject_to_the_verb(detector):
    events = control_news(
        detector, "In July 2017 government forces retook Marawi, the capital of Lanao del Sur."
    )
    assert [(e.place, e.gaining_actor) for e in events] == [("Marawi", "government forces")]


def test_a_date_inside_a_list_of_dates_is_left_alone(detector):
    text = "The rebels took Bambari in June 2014 and July 2015, and the army retook it in 2017."
    assert "June" not in " ".join(e.place for e in control_news(detector, text))


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # "Shire" is not in the gazetteer under that name; the names after it are
        ("Shire, Adwa and Adigrat fell on 19 November.", ["Shire", "Adwa", "Adigrat"]),
        # the tagger reads the first name, opening the sentence, as a common noun
        ("Axum and Adigrat fell around 20 November.", ["Axum", "Adigrat"]),
    ],
)
def test_a_list_of_towns_that_fell_counts_every_town(detector, text, places):
    assert [e.place for e in control_news(detector, text)] == places


def test_common_nouns_that_fell_are_no_towns(detector):
    assert control_news(detector, "Rain and snow fell on the front near Kupiansk.") == []


def test_the_city_centre_is_the_centre_of_the_town_the_story_is_about(detector):
    text = (
        "Iraqi troops had surrounded Fallujah by early June. On 17 June they crossed the canal and pushed "
        "into the city centre."
    )
    assert [(e.place, e.extent) for e in control_news(detector, text)] == [
        ("Fallujah city centre", "partial")
    ]


def test_a_counteroffensive_that_retook_towns_tells_the_narrative_on(detector):
    text = (
        "The army regrouped around Kosti, and in the spring it launched a counteroffensive that retook "
        "Um Rawaba in April and Er Rahad in May 2024."
    )
    events = control_news(detector, text)
    assert [(e.place, e.gaining_actor) for e in events] == [
        ("Um Rawaba", "The army"),
        ("Er Rahad", "The army"),
    ]


def test_a_relative_clause_dated_by_a_year_still_describes_who_a_side_is(detector):
    text = "The militia, which captured Um Rawaba in 2012, still holds the road to the south."
    assert control_news(detector, text) == []


def test_forces_entering_the_place_a_battle_was_fought_for_fought_their_way_in(detector):
    text = "The village lies on the coast east of Mariupol. Ukrainian marines entered Pavlopil on 3 March."
    events = detector.detect(Article(id="t", text=text, title="Battle of Pavlopil"))
    tc = [(e.place, e.extent, e.background) for e in events if isinstance(e, TerritorialControlEvent)]
    assert tc == [("Pavlopil", "partial", False)]


def test_forces_entering_a_place_no_battle_was_fought_for_are_posted_there(detector):
    text = "On 3 March Ukrainian marines entered Pavlopil to relieve the garrison."
    events = detector.detect(Article(id="t", text=text, title="Battle of Shyrokyne"))
    assert [e for e in events if isinstance(e, TerritorialControlEvent)] == []


def test_a_site_listed_after_the_town_whose_control_was_taken_is_taken_too(detector):
    text = "Seleka fighters took control of Bangui and the presidential palace on 24 March."
    assert [e.place for e in control_news(detector, text)] == ["Bangui", "the presidential palace"]


def test_the_first_capital_to_fall_needs_no_military_word(detector):
    text = "The first regional capital to fall was Kidal, in the far north-east, on 30 March."
    assert [e.place for e in control_news(detector, text)] == ["Kidal"]


@pytest.mark.parametrize(
    ("text", "taken"),
    [
        (
            "The ditch was breached in early March, and on 5 March 2009 the 53rd Division and Task Force 8 "
            "captured Puthukkudiyiruppu, which they found largely deserted.",
            ("Puthukkudiyiruppu", "the 53rd Division and Task Force"),
        ),
    ],
)
def test_a_verb_the_parser_reads_as_a_modifier_of_the_name_still_takes_it(detector, text, taken):
    assert (taken[0], taken[1]) in [(e.place, e.gaining_actor) for e in control_news(detector, text)]


def test_the_town_retaken_is_the_one_taken_not_the_landmark_that_locates_it(detector):
    text = (
        "On 3 March rebels took Dibella, west of Tillaberi, but abandoned it under air attack, and government "
        "troops retook the town two days later."
    )
    assert [(e.place, e.gaining_actor) for e in control_news(detector, text)] == [
        ("Dibella", "rebels"),
        ("Dibella", "government troops"),
    ]


def test_an_earthwork_breached_is_no_place_taken(detector):
    assert control_news(detector, "Troops breached the bund in late December.") == []


def test_a_people_named_for_its_army_takes_places_in_a_war_story(detector):
    text = (
        "The war began in October. The armies fought for weeks around the besieged town. In the first two days "
        "the Israelis took Beersheba."
    )
    assert ("Beersheba", "the Israelis") in [(e.place, e.gaining_actor) for e in control_news(detector, text)]


def test_a_known_town_opening_a_passive_sentence_is_a_town(detector):
    # the tagger reads "Ramle", first word of the sentence, as a common noun
    text = "Ramle was occupied by the Kiryati Brigade that evening, and Lydda surrendered the next day."
    assert ("Ramle", "the Kiryati Brigade") in [(e.place, e.gaining_actor) for e in control_news(detector, text)]


def test_the_places_after_a_colon_are_the_ground_taken(detector):
    text = (
        "Argentine battalions then took the high ground south of Goose Green in night attacks: Mount Usborne, "
        "Darwin Hill and Burntside on 28 May."
    )
    assert [e.place for e in control_news(detector, text)] == ["Mount Usborne", "Darwin Hill", "Burntside"]


def test_a_second_of_after_a_date_is_a_second_capture(detector):
    text = "The summer saw the Iraqi recapture of Mehran in June and of the Halabja heights in July."
    events = control_news(detector, text)
    assert [(e.place, e.gaining_actor) for e in events] == [("Mehran", "Iraqi"), ("the Halabja heights", "Iraqi")]


def test_the_village_a_force_has_just_landed_at_is_the_one_it_took(detector):
    text = (
        "On 25 April the 29th Division landed at five beaches around Cape Helles. A French division landed at "
        "Yeni Shehr on the Asian shore, took the village after a day of fighting, and was re-embarked later."
    )
    assert [e.place for e in control_news(detector, text)] == ["Yeni Shehr"]

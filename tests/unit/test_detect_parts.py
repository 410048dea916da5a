"""The detector's small parts: sentence splitting, number words, event dates."""

from __future__ import annotations

import datetime as dt

import pytest

from service.detect.dates import resolve_event_date
from service.detect.lexicon import is_candidate
from service.detect.numbers import parse_number
from service.detect.pipeline import load_nlp
from service.detect.places import name_run
from service.detect.sentences import split_sentences


def test_sentences_keep_offsets_and_abbreviations():
    text = "U.S. Defense Secretary Ash Carter spoke. Gen. Smith agreed!\n\nA heading\n\nThe end."
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "U.S. Defense Secretary Ash Carter spoke.", "Gen. Smith agreed!", "A heading", "The end."
    ]
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_overlong_runs_are_cut_so_parsing_stays_bounded():
    text = "word " * 5000
    sentences = split_sentences(text)
    assert len(sentences) > 1 and all(len(s.text) <= 2000 for s in sentences)
    assert all(text[s.start : s.end] == s.text for s in sentences)


@pytest.mark.parametrize(
    ("words", "value"),
    [(["3,000"], 3000), (["241"], 241), (["two"], 2), (["two", "thousand"], 2000), (["1.5", "million"], 1_500_000),
     (["twenty-five"], 25), (["a", "dozen"], None), (["thousands"], None), (["several"], None)],
)
def test_number_words(words, value):
    assert parse_number(words) == value


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("On 11–16 January 2023, Russian forces took Soledar.", None, dt.date(2023, 1, 11)),
        ("On January 5, 2016, the army captured the district.", None, dt.date(2016, 1, 5)),
        ("Fighters entered the city on Saturday.", dt.date(2016, 12, 10), dt.date(2016, 12, 10)),
        ("Fighters entered the city on Thursday.", dt.date(2016, 12, 10), dt.date(2016, 12, 8)),
        ("Troops arrived on 20 December.", dt.date(2017, 1, 3), dt.date(2016, 12, 20)),
        ("Troops arrived last week.", dt.date(2016, 12, 10), dt.date(2016, 12, 3)),
        ("Troops arrived.", dt.date(2016, 12, 10), dt.date(2016, 12, 10)),
        ("Troops arrived.", None, None),
    ],
)
def test_event_dates(sentence, published, expected):
    assert resolve_event_date(sentence, published) == expected


def test_prefilter_lets_event_sentences_through_and_stops_others():
    assert is_candidate("The army recaptured the town.")
    assert is_candidate("Marines arrived in the port.")
    assert is_candidate("IS fighters took the village.")
    assert not is_candidate("The council discussed the budget on Tuesday.")
    assert not is_candidate("She took the train and arrived in Paris.")


def test_armed_groups_give_country_context():
    from service.detect.actors import actor_countries

    counts = actor_countries("The SDF and ISIL fought near the dam; Peshmerga units held the ridge. SDFX is no group.")
    assert counts["SY"] == 1.5 and counts["IQ"] == 1.5
    assert actor_countries("The council met on Tuesday.") == {}


def test_a_title_case_line_without_a_stop_is_a_headline():
    from service.detect.sentences import is_headline, split_sentences

    text = "Rebels Take Syria's Afrin\nRebels took the town of Afrin on Sunday.\nBy VOA News"
    first, second, third = split_sentences(text)
    assert is_headline(first, text) and not is_headline(second, text) and is_headline(third, text)


def test_a_decade_before_a_paragraph_break_ends_the_sentence():
    from service.detect.sentences import split_sentences

    text = "Villages deserted since the 1990s.\n\nPrime Minister Nikol Pashinyan agreed in April.\nGen. Smith said."
    assert [s.text for s in split_sentences(text)] == [
        "Villages deserted since the 1990s.",
        "Prime Minister Nikol Pashinyan agreed in April.",
        "Gen. Smith said.",
    ]


def test_a_run_of_names_stops_before_a_name_that_owns_a_description():
    nlp = load_nlp()
    # "Congo's fifth-largest city" describes Bukavu; Congo is no place listed
    assert name_run(nlp("and later seized Bukavu, Congo's fifth-largest city, and Uvira."), 3) == ["Bukavu"]
    assert name_run(nlp("took Kalehe, Kabare and Walungu."), 1) == ["Kalehe", "Kabare", "Walungu"]


def test_a_people_taking_a_place_is_a_candidate_only_in_a_war_story():
    sentence = "In the first two days the Israelis took Beersheba."
    assert is_candidate(sentence, war_story=True)
    assert not is_candidate(sentence)
    assert not is_candidate("The Germans took the lead in the second half.")

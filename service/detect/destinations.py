"""Where a moving force goes: the places a deployment's clause names, cleaned of dates, locators and anaphors."""

from __future__ import annotations

import re

from spacy.tokens import Token

from service.detect import lexicon as lx
from service.detect.dates import MONTH_PATTERN
from service.detect.phrases import (
    is_country,
    is_force,
    is_placeish,
    name_span,
)
from service.detect.places import PlaceRef, place_objects, places_from

_MONTHS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())


def without_dates(refs: list[PlaceRef]) -> list[PlaceRef]:
    """ "sent troops into the region on Aug. 8": the NER's date is no place, however the tagger reads "Aug."."""
    return [
        r
        for r in refs
        if not _MONTH_PHRASE.fullmatch(r.text)
        and (
            r.head is None
            or r.head.ent_type_ not in ("DATE", "TIME")
            or r.head.text.rstrip(".").lower() not in _MONTHS
            and not r.head.like_num
        )
    ]


# "arrived in Goma in mid-December": a month, however the tagger splits or labels it
_MONTH_PHRASE = re.compile(
    r"(?i)(?:the\s+)?(?:(?:mid|early|late)\s*-?\s*|(?:the\s+)?(?:end|middle|start|beginning) of\s+)?"
    rf"{MONTH_PATTERN}(?:\s+\d{{4}})?"
)


GOAL_PREPS = frozenset("to into onto toward towards".split())


_LOCATIVE_PREPS = frozenset("near in at around along inside on".split())


def without_presence(refs: list[PlaceRef]) -> list[PlaceRef]:
    """ "shifting troops and aircraft already in Europe to NATO's eastern flank": where the force already is
    is not where it goes."""
    return [
        r
        for r in refs
        if r.head is None
        or r.head.dep_ != "pobj"
        or r.head.head.i == 0
        or r.head.head.nbor(-1).lower_ != "already"
    ]


def without_locators(refs: list[PlaceRef]) -> list[PlaceRef]:
    """ "sent troops to the Catatumbo region near the Venezuelan border": a place after the destination that
    the parser hung on the verb locates the destination; it is not a second one."""
    # "came ashore at San Carlos Water on the west coast of East Falkland": the coast locates the landing place
    refs = [r for i, r in enumerate(refs) if not (i and _on_a_shore(r))]
    heads = [r.head for r in refs if r.head is not None]
    refs = [r for r in refs if r.head is None or not _a_second_in(r.head, heads)]
    goals = [r.head.i for r in refs if r.head is not None and r.head.head.lower_ in GOAL_PREPS]
    if not goals:
        return refs
    return [
        r
        for r in refs
        if r.head is None
        or (r.head.i < min(goals) and not _locates_the_origin(r.head))
        or r.head.head.lower_ not in _LOCATIVE_PREPS
    ]


def _a_second_in(place: Token, heads: list[Token]) -> bool:
    """ "will station 2,500 Marines in Darwin, in northern Australia": the second "in" says where the first
    place is, no second destination."""
    prep = place.head
    return (
        prep.lower_ == "in"
        and prep.i >= 2
        and place.doc[prep.i - 1].text == ","
        and any(o.right_edge.i == prep.i - 2 and o.pos_ == "PROPN" for o in heads if o != place)
        and (is_country(name_span(place)) or any(c.lower_ in lx.REGION_WORDS for c in place.lefts))
    )


def _locates_the_origin(place: Token) -> bool:
    """ "sent 2,500 troops from Goma and Bukavu in neighbouring Zaire into western Rwanda": the place locates where
    they came from."""
    prep = place.head
    if prep.lower_ not in _LOCATIVE_PREPS or prep.i == 0:
        return False
    before = prep.doc[prep.i - 1]
    return any(a.dep_ == "prep" and a.lower_ == "from" for a in (before, *before.ancestors))


def _on_a_shore(ref: PlaceRef) -> bool:
    head = ref.head
    return head is not None and head.head.lower_ == "on" and head.lemma_.lower() in ("coast", "shore", "bank")


def _left_in_a_state(t: Token) -> bool:
    left = next((c for c in t.children if c.dep_ == "dobj"), None)
    if left is None or left.i + 1 >= len(left.doc):
        return False
    after = left.doc[left.i + 1]
    # "leaving only the corridor under Russian guard": what is left keeps someone's guard, no side's loss
    kept = after.lower_ == "under" and any(w.lemma_.lower() in _KEEPING for w in after.subtree)
    return kept or after.tag_ == "VBN" or after.lower_ in ("vulnerable", "intact", "isolated", "exposed")


_KEEPING = frozenset("guard protection watch supervision".split())


_WIDE_ANAPHORS = frozenset("region area province territory".split())


def named_in_sentence(refs: list[PlaceRef]) -> list[PlaceRef]:
    """ "ordered 28,000 troops into Kashmir, a week after it rushed 10,000 troops to the region": an anaphor
    names the destination of a movement told earlier in the same sentence, before any place of the story."""
    return [_antecedent_in_sentence(r) if r.anaphoric and r.head is not None else r for r in refs]


def _antecedent_in_sentence(ref: PlaceRef) -> PlaceRef:
    noun = ref.head.lemma_.lower()
    if noun not in _WIDE_ANAPHORS | {"country"}:
        return ref
    for w in reversed(ref.head.doc[ref.head.sent.start : ref.head.i]):
        goal = w.dep_ == "pobj" and w.head.lower_ in GOAL_PREPS and w.pos_ == "PROPN" and is_placeish(w)
        # a movement's goal, not a title's ("Iraq's ambassador to the United Nations")
        goal = goal and w.head.head.pos_ in ("VERB", "AUX")
        if goal and is_country(name_span(w)) == (noun == "country"):  # "the country" names a country
            return next(iter(places_from(w)[0]), ref)
    return ref


def route_ends(t: Token, first: list[PlaceRef], onward: list[PlaceRef]) -> list[PlaceRef]:
    """A journey ends at its last stop ("flew the company to H-1 and then to the airfield" -> the airfield); a
    force deployed "to Erbil and subsequently Mosul" is posted to both."""
    if t.lemma_.lower() in lx.JOURNEY_VERBS and _sequenced(t, onward[-1].head):
        return onward[-1:]
    return first + onward


def onward_stops(t: Token) -> list[Token]:
    """Later stops of a movement, in order: "flew the company to H-1 and then to the airfield", "to Kandahar
    and then on to Helmand", "deployed in April to Erbil and subsequently Mosul" (the parser joins the second
    place to the verb, its preposition left out)."""
    if not place_objects(t, "to", "into"):
        return []
    stops: list[Token] = []
    for head in [t, *(p for p in t.children if p.dep_ == "prep" and p.lower_ in ("to", "into"))]:
        # not "..., and the United Arab Emirates a smaller detachment": a sender, its verb left out
        stops += [
            c
            for c in head.children
            if c.dep_ == "conj"
            and _bare_place(c)
            and not any(d.dep_ == "dobj" and d.i > c.i for d in head.children)
        ]
        for c in head.children:
            if c.dep_ == "conj" and c.lower_ in ("to", "into", "on", "onward", "onwards"):
                stops += [
                    w
                    for p in c.subtree
                    if p.lower_ in ("to", "into")
                    for w in p.children
                    if w.dep_ == "pobj" and is_placeish(w)
                ]
    return sorted(stops, key=lambda w: w.i)


def _bare_place(tok: Token) -> bool:
    return tok.pos_ == "PROPN" and is_placeish(tok) and not is_force(tok)


def _sequenced(t: Token, last_stop: Token | None) -> bool:
    """Is the route ordered in time ("to H-1 and then to the airfield"), not a list of places ("to Kandahar
    and Helmand")?"""
    end = last_stop.i if last_stop is not None else len(t.doc)
    return any(w.lower_ in lx.SEQUENCE_WORDS for w in t.doc[t.i : end + 1])


_DEPARTURES = frozenset("leave depart".split())


def departure_for_elsewhere(t: Token) -> bool:
    """ "Chadian troops headed for Cameroon, as hundreds of soldiers ... left the capital": leaving the place a
    journey the same sentence tells sets out from, not a pull-out; nor is "leaving the garrison supplied only
    along dirt tracks", which leaves something in a state."""
    if t.lemma_.lower() not in _DEPARTURES:
        return False
    if t.lemma_.lower() == "leave" and _left_in_a_state(t):
        return True
    journeys = lx.ARRIVE_VERBS | lx.DEPLOY_VERBS | lx.JOURNEY_VERBS
    # the journey is the sentence's news and the leaving its circumstance ("as soldiers left the capital"); in
    # "would leave the country, with some expected to redeploy to Niger" the pull-out is the news
    return any(
        v.lemma_.lower() in journeys and place_objects(v, "for", "to", "toward", "towards")
        for v in t.ancestors
        if v.pos_ == "VERB"
    )

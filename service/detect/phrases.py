"""Noun-phrase helpers over a spaCy parse: the words of an actor, a force or a place, as written."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.tokens import Token

from service.detect.actors import is_armed_group
from service.detect.dates import is_month_name
from service.detect.lexicon import (
    FORCE_NOUNS,
    GAIN_NOUNS,
    GAIN_VERBS,
    MILITARY_SITES,
    NON_MILITARY_NOUNS,
    PLACE_NOUNS,
    REGION_WORDS,
    THING_NOUNS,
    WAR_WORDS,
    WARPLANE_MODEL,
    WARPLANE_NAMES,
)
from service.detect.numbers import ORDINAL_NUMBER

_NP_LEFT = frozenset(
    {"det", "amod", "compound", "nummod", "poss", "nmod", "quantmod", "case", "npadvmod", "advmod"}
)
_TIME_ADVERBS = frozenset("earlier later before afterwards meanwhile then ago".split())
_NAME_LEFT = frozenset({"compound", "amod", "nmod", "poss", "case"})
_MAX_PHRASE_TOKENS = 16
CALENDAR_WORDS = frozenset(
    "january february march april may june july august september october november december jan feb mar apr "
    "jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday today "
    "yesterday tomorrow".split()
)
# Navies name their warships with a prefix: "USS Carney", "HMS Diamond", "INS Vikrant"; some name the navy
SHIP_OWNERS = {"USS": "U.S.", "HMS": "Britain", "HMAS": "Australia", "HMCS": "Canada", "HMNZS": "New Zealand"}
_SHIP_PREFIXES = frozenset(SHIP_OWNERS) | frozenset("INS FS ROKS JS".split())
_CLAUSES = frozenset({"relcl", "acl", "appos", "advcl", "parataxis"})
_ACTOR_CLAUSES = frozenset({"relcl", "acl", "advcl", "parataxis"})
_ALLEGIANCE = frozenset("loyal allied aligned affiliated linked".split())
_BACKING = frozenset("backed supported sponsored".split())


def children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def child(tok: Token, *deps: str) -> Token | None:
    for c in tok.children:
        if c.dep_ in deps:
            return c
    return None


BEARINGS = frozenset("north south east west northward southward eastward westward".split())


def in_progress(verb: Token) -> bool:
    """ "is advancing", "was already steaming into the Red Sea": going on as the story is told."""
    return verb.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.lower_ in ("is", "are", "am", "was", "were", "'s", "'re") for c in verb.children
    )
_TOWARD = BEARINGS | {"closer", "nearer"}  # "moved two divisions south to", "moved the cruiser closer to"


def prep_objects(tok: Token, *preps: str) -> list[Token]:
    """Objects of the prepositions `preps` attached to `tok` ("from ISIL" -> ISIL). "out of" counts as "of"."""
    out = []
    for p in tok.children:
        if p.dep_ in ("prep", "agent", "dative") and p.lower_ in preps:
            out.extend(c for c in p.children if c.dep_ in ("pobj", "pcomp"))
            # "in Germany and in Italy": the second preposition is joined to the first
            out.extend(
                c for q in p.conjuncts if q.lower_ in preps for c in q.children if c.dep_ in ("pobj", "pcomp")
            )
        elif (
            p.dep_ in ("prt", "advmod", "prep")
            and p.lower_ in MOVE_PARTICLES
            and ("of" in preps or "from" in preps)
        ):  # "pulled out of the camp", "pushed back from": the parser hangs "of" on the particle
            for q in p.children:
                if q.dep_ == "prep" and q.lower_ in ("of", "from"):
                    out.extend(c for c in q.children if c.dep_ == "pobj")
        elif (
            p.dep_ == "prt"
            and p.lower_ in _AHEAD_PARTICLES
            or p.dep_ == "advmod"
            and p.lower_ in _TOWARD
        ) and ("to" in preps or "into" in preps):
            # "were moved up to the Jordan Valley", "sent forward to the front", "moved two divisions south to
            # the Basra area", "moved the cruiser closer to the coast": the parser hangs "to" on the particle
            # or the bearing
            for q in p.children:
                if q.dep_ == "prep" and q.lower_ in preps and q.lower_ in ("to", "into"):
                    out.extend(c for c in q.children if c.dep_ == "pobj")
    return out


def is_where_clause(t: Token) -> bool:
    """ "..., where the Croatian Army took Okučani": a relative clause on where something happened."""
    return t.dep_ == "relcl" and any(c.lower_ == "where" for c in t.children)


def _numbered_formation(head: Token, compounds: list[Token]) -> bool:
    """ "the 4th Infantry Division headquarters", "XVIII Airborne Corps headquarters": a formation named by its
    number."""
    formation = any(c.lower_ in ("division", "corps", "brigade", "army", "fleet", "regiment") for c in compounds)
    return formation and any(
        w.ent_type_ == "ORDINAL" or ORDINAL_NUMBER.fullmatch(w.text) or _ROMAN.fullmatch(w.text)
        for w in head.subtree
    )


_ROMAN = re.compile(r"[IVXL]+")  # "XVIII Airborne Corps"
_WARPLANES = re.compile(rf"^(?:{WARPLANE_MODEL}s|{WARPLANE_NAMES})$")
_AHEAD_PARTICLES = frozenset("up forward down".split())


# the particles of a pull-out that the parser hangs on the verb, the force or a preposition: "pulled back", "moved
# out", "pulling back troops"
MOVE_PARTICLES = frozenset("back out away".split())


def goes_on(tok: Token) -> bool:
    """ "went on to occupy the air base": what a side did next."""
    return tok.lemma_.lower() == "go" and any(
        c.dep_ in ("prt", "advmod") and c.lower_ == "on" for c in tok.children
    )


def with_conjuncts(tok: Token) -> list[Token]:
    return [tok, *tok.conjuncts]


def _left_edge(tok: Token, allowed: frozenset[str], *, counts: bool = True) -> int:
    start = tok.i
    for c in tok.lefts:
        if not counts and c.pos_ == "NUM" and c.ent_type_ != "ORDINAL":
            continue  # "Several hundred Wagner Group contractors": a count the parser hung on the name
        if (
            c.ent_type_ == "DATE"
            and c.ent_type_ != tok.ent_type_
            and all(w.ent_type_ == "DATE" or w.like_num for w in c.subtree)
        ):
            continue  # "by 9 August Moscow had moved": a date the parser hung on the name
        if c.dep_ == "advmod" and c.lower_ in _TIME_ADVERBS:
            continue  # "Hours earlier a column of ... paratroopers": a time the parser hung on the noun
        if not counts and c.dep_ == "amod" and c.tag_ in ("VBN", "VBD") and c.text.islower():
            continue  # "advanced into Chechnya and besieged Grozny": a verb the parser hung on the name
        if c.dep_ in allowed or c.dep_ == "punct" and c.text in "-'’":
            start = min(start, c.left_edge.i)
    return start


# open water, no state's land: "the eastern Mediterranean", "the Red Sea", "the Gulf of Aden"
OPEN_WATER = re.compile(
    r"\b(?:Sea|Ocean|Mediterranean|Gulf|Strait|Straits|Channel|waters)$"
    r"|^(?:the )?(?:Gulf|Straits?|Sea|Bay) of "
)
# "the Gulf of Aden", "the Kingdom of Saudi Arabia", "the Democratic Republic of the Congo": "of" is part of the name
_OF_NAMED_WATERS = frozenset("Gulf Strait Straits Sea Bay Kingdom Republic Emirate".split())


def name_span(tok: Token) -> str:
    """A proper name with its compounds and modifiers: "Ramadi General Hospital", "Tal Afar airport"."""
    start = _left_edge(tok, _NAME_LEFT, counts=False)
    end = tok.i
    for c in tok.rights:
        if c.dep_ in ("flat", "compound") or (c.dep_ == "punct" and c.text in "-"):
            end = max(end, c.right_edge.i)
        elif c.dep_ == "nummod" and c.i == end + 1 and c.text.isdigit():
            end = c.i  # "Air Base 201", "Route 66"
    if tok.text in _OF_NAMED_WATERS:
        named = [o for o in prep_objects(tok, "of") if o.pos_ == "PROPN"]
        if named:
            end = max(end, named[0].i)
    doc = tok.doc
    # names the tokenizer cut at hyphens: "Ras al-Ain", "Deir ez-Zor"
    while (
        end + 1 < len(doc)
        and doc[end].whitespace_ == ""
        and (doc[end + 1].text == "-" or doc[end].text == "-")
    ):
        end += 1
    while (
        start > 0
        and doc[start - 1].whitespace_ == ""
        and (doc[start - 1].text == "-" or doc[start].text == "-")
    ):
        start -= 1
    while start < end and doc[start].dep_ in ("det", "case", "punct") or doc[start].lower_ in ("the", "'s"):
        if start >= end:
            break
        start += 1
    return doc[start : end + 1].text.strip(" ,;:-")


def noun_phrase(tok: Token, *, keep_of: bool = True, keep_conj: bool = True) -> str:
    """The noun phrase headed by `tok`, without relative clauses and trailing adjuncts, kept short."""
    doc = tok.doc
    start = _left_edge(tok, _NP_LEFT)
    end = tok.i
    for c in tok.rights:
        if c.dep_ in ("compound", "flat", "nummod") or (keep_of and c.dep_ == "prep" and c.lower_ == "of"):
            end = max(end, c.right_edge.i)
        elif keep_conj and c.dep_ in ("conj", "cc") and c.i == end + 1 or keep_conj and c.dep_ == "conj":
            end = max(end, c.right_edge.i if c.dep_ == "conj" else c.i)
        elif c.dep_ == "appos" and c.text == "(":
            break
    if end - start + 1 > _MAX_PHRASE_TOKENS:
        end = start + _MAX_PHRASE_TOKENS - 1
    span = doc[start : end + 1]
    # drop relative clauses and parentheticals that fell inside the span
    words = [t for t in span if not _inside_clause(t, tok)]
    return _join(words)


def _allegiance_of(t: Token, head: Token) -> bool:
    """Is `t` in the "allied with X" / "loyal to X" phrase that names the side `head` fights for?"""
    return any(
        a.head == head
        and a.dep_ == "acl"
        and (a.lower_ in _ALLEGIANCE or a.lower_ in _BACKING and _bare_force_noun(head) or _led_by_a_side(a))
        for a in (t, *t.ancestors)
    )


def _led_by_a_side(clause: Token) -> bool:
    """ "led by Hayat Tahrir al-Sham": the side that leads the forces (not "led by General Surovikin")."""
    return (
        clause.dep_ == "acl"
        and clause.lower_ == "led"
        and any(
            o.ent_type_ in ("ORG", "NORP", "GPE") or is_armed_group(name_span(o))
            for a in children(clause, "agent")
            for o in children(a, "pobj")
        )
    )


def _bare_force_noun(force: Token) -> bool:
    """ "Forces", "the fighters": a force phrase with nothing before its noun but an article."""
    return all(c.dep_ == "det" for c in force.lefts)


def _inside_clause(t: Token, head: Token, clauses: frozenset[str] = _CLAUSES) -> bool:
    if t == head:
        return False
    for a in (t, *t.ancestors):  # the clause's own head too: "Chasiv Yar, a Ukrainian commander said"
        if a == head:
            return False
        if a.dep_ in clauses:
            return True
    return False


def _join(tokens: Iterable[Token]) -> str:
    out = ""
    for t in tokens:
        out += t.text_with_ws
    return out.strip(" ,;:()")


_PERSON_HEADS = frozenset(
    "chief commander minister president secretary spokesman spokeswoman envoy leader".split()
)


def _military_police(tok: Token) -> bool:
    return tok.lemma_.lower() == "police" and any(c.lower_ == "military" for c in tok.children)


_BODIES = frozenset("team rotation".split())
_TALKS = re.compile(r"\b(?:for|to attend|to hold) (?:\w+ ){0,2}(?:talks|negotiations|consultations|meetings?)\b", re.I)
_MERCHANT_SHIPS = frozenset("ship vessel tanker freighter boat".split())
_RANKS = frozenset("first last only latest".split())


def ranked(noun: Token) -> bool:
    """ "the first settlements", "the last town", "the largest city": a place described by its rank."""
    return any(c.dep_ == "amod" and (c.lower_ in _RANKS or c.tag_ == "JJS") for c in noun.children)


_WARSHIP_KINDS = frozenset("warship destroyer frigate corvette cruiser submarine carrier".split())


def named_warship(tok: Token) -> bool:
    """ "the frigate Lafayette": a warship's name after its kind (the tagger may read it as an adjective)."""
    return tok.pos_ == "PROPN" and any(
        c.dep_ in ("amod", "compound") and c.lower_ in _WARSHIP_KINDS for c in tok.children
    )


def _members_of_a_force(tok: Token) -> bool:
    """ "Ground Self-Defense Force members", "army members": people counted as a force's."""
    return tok.lemma_.lower() == "member" and any(
        c.dep_ in ("compound", "amod")
        and (c.lower_ in ("force", "forces", "army", "military") or is_force(c))
        for c in tok.children
    )


def _military_officers(tok: Token) -> bool:
    """ "military liaison officers", "a team of military officers": officers sent as a force; not "military
    officers" sent to talks."""
    if tok.lemma_.lower() != "officer" or not any(c.lower_ == "military" for c in tok.children):
        return False
    posted = any(c.lower_ in ("liaison", "training", "staff") for c in tok.children)
    in_a_team = tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() == "team"
    return posted or in_a_team


def followed_by(t: Token) -> list[Token]:
    """The places a participle "followed by" adds to the clause it hangs on: "handed over the al-Qaim base,
    followed by Qayyarah Airfield West and the al-Taqaddum air base"."""
    if t.lemma_.lower() != "follow" or t.tag_ != "VBN" or t.dep_ not in ("advcl", "acl", "conj"):
        return []
    if t.dep_ == "conj" and not any(c.dep_ == "agent" for c in t.children):
        return []  # "took Aybak, followed by Farah": the parser may join the participle to the verb
    named = [
        w
        for c in t.children
        if c.dep_ == "agent"
        for o in c.children
        if o.dep_ == "pobj"
        for place in _taken_in(o)
        for w in (place, *place.conjuncts)
    ]
    # "... on 26 March and the al-Taqaddum air base on 4 April": the parser may join the next one to the date
    dated = places_joined_to_a_date(t) if named else []
    # "followed on 10 August by Farah, and on 11 August by Faizabad": a second "by" hangs on a joined date
    joined = [
        w
        for c in t.children
        if named and c.dep_ == "conj" and c.pos_ == "ADP"
        for by in c.subtree
        if by.lower_ == "by" and by.dep_ in ("prep", "agent")
        for o in by.children
        if o.dep_ == "pobj"
        for place in _taken_in(o)
        for w in (place, *place.conjuncts)
    ]
    return named + dated + joined


def _taken_in(followed: Token) -> list[Token]:
    """ "followed by Qayyarah Airfield West", "followed by the seizure of Mosul": the place; not "followed by the
    siege of Bakhmut" or "heavy shelling of Kharkiv"."""
    if followed.lemma_.lower() in GAIN_NOUNS:
        return [o for o in prep_objects(followed, "of") if o.pos_ == "PROPN" and is_placeish(o)]
    named = followed.pos_ == "PROPN" or followed.lemma_.lower() in MILITARY_SITES
    return [followed] if named and is_placeish(followed) else []


def clause_followed(t: Token) -> Token | None:
    """The verb whose deed a "followed by" participle continues; the parser may hang it on the subject."""
    if t.head.pos_ == "VERB":
        return t.head
    return next((w for w in reversed(t.doc[t.sent.start : t.i]) if w.pos_ == "VERB"), None)


def handed_object(verb: Token) -> Token | None:
    """What a side hands over: the object, or the one the parser hangs on "over" ("handed over the al-Qaim
    base to the Iraqi security forces")."""
    dobj = child(verb, "dobj")
    if dobj is not None:
        return dobj
    return next(
        (
            o
            for c in verb.children
            if c.lower_ == "over" and c.dep_ in ("prt", "prep")
            for o in c.children
            if o.dep_ == "pobj"
        ),
        None,
    )


_CIVIL_CORPS = frozenset("diplomatic press consular peace".split())


def is_force(tok: Token) -> bool:
    """Is `tok` the head of a phrase naming armed forces ("200 troops", "Turkish commandos", "the SDF")?"""
    lemma = tok.lemma_.lower()
    compounds = [c for c in tok.children if c.dep_ == "compound"]
    if _military_officers(tok) or (lemma == "team" and any(c.lower_ == "combat" for c in compounds)):
        return True  # "military liaison officers", "the 187th Regimental Combat Team"
    if _military_police(tok):
        return True  # "units of its military police had entered Saraqib": soldiers who police an army
    military = any(c.lower_ in ("military", "army", "combat") for c in tok.children)
    if lemma in ("engineer", "medic") and military:
        return True  # "France would send 200 more military engineers to the U.N. force"
    if tok.lower_ == "men" and any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in tok.children):
        # "Habré's men abandoned Abéché and retreated": a commander's fighters; "Klopp's men arrived in Madrid"
        # are a coach's players
        return WAR_WORDS.search(tok.sent.text) is not None
    if (
        tok.lower_ == "men"
        and any(c.dep_ == "nummod" for c in tok.children)
        and not any(c.lemma_.lower() in ("woman", "child", "civilian") for c in tok.conjuncts)
    ):
        # "some 80,000 men were evacuated from Anzac and Suvla", in a sentence of war: soldiers counted
        return WAR_WORDS.search(tok.sent.text) is not None
    if (
        lemma in NON_MILITARY_NOUNS
        or tok.lower_ in NON_MILITARY_NOUNS
        or any(c.lower_ in NON_MILITARY_NOUNS for c in compounds)
    ):
        return False  # "police units", "aid workers"
    if lemma in _PERSON_HEADS:
        return False  # "Sudan's army chief landed at the palace": a person, not a force
    civil = (c for c in tok.children if c.dep_ in ("amod", "compound") and c.lower_ in _CIVIL_CORPS)
    if lemma == "corps" and any(civil):
        return False  # "the diplomatic corps", "the press corps", "the Peace Corps": no army
    if lemma in ("fire", "barrage"):
        return False  # "called in artillery fire on the Iraqis around them": shells, not a force sent
    made_of = [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children]
    # "a convoy of dozens of armored vehicles": what the count counts
    made_of += [
        o
        for q in made_of
        if q.lemma_.lower() in ("dozen", "hundred", "thousand", "score", "number")
        for p in q.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for o in p.children
    ]
    if any(
        (o.lemma_.lower() in NON_MILITARY_NOUNS or o.lower_ in NON_MILITARY_NOUNS)
        and not _military_officers(o)
        and not _military_police(o)
        for o in made_of
    ):
        return False  # "a contingent of 250 police officers", "a unit of observers"
    if lemma == "team" and any(_military_officers(o) for o in made_of):
        return True  # "a small team of military liaison officers"
    if lemma in _BODIES and any(is_force(o) or _members_of_a_force(o) for o in made_of):
        # "an advance team of about 30 Ground Self-Defense Force members", "the first rotation of Marines"
        return True
    if lemma in _BODIES and any(c.dep_ == "amod" and c.lower_ == "military" for c in tok.children):
        # "a military team has deployed to the airfield"; not "a military team arrived in Cairo for talks"
        return not _TALKS.search(tok.sent.text)
    if lemma in ("convoy", "column"):
        # "a convoy of humanitarian aid" moves no force; "a military convoy", "a convoy of armoured vehicles" does;
        # so do "the Ukrainian columns", a nation's
        owned = lemma == "column" and any(
            c.dep_ == "amod" and c.ent_type_ in ("NORP", "GPE") for c in tok.children
        )
        return (
            owned
            or any(c.lower_ in ("military", "armoured", "armored", "army") for c in tok.children)
            or any(
                is_force(o) and o.lemma_.lower() not in ("vehicle", "truck") or _armoured(o) for o in made_of
            )
        )
    if lemma == "reserve" and tok.tag_ == "NNS" or tok.lower_ == "reserve" and tok.dep_ != "compound":
        # "rushed reserves to Shusha", "committed its strategic reserve": troops held back, not a bank's or a
        # field's reserves ("gold reserves", "oil reserves")
        return (
            not any(c.lower_ in _STOCK_WORDS for c in tok.children)
            and WAR_WORDS.search(tok.sent.text) is not None
        )
    if tok.lower_ in FORCE_NOUNS or lemma in FORCE_NOUNS:
        return True
    if named_warship(tok):
        return True
    if _WARPLANES.match(tok.text):
        return True  # "The last Dutch F-16s left Jordan": warplanes by model
    if lemma == "headquarters" and _numbered_formation(tok, compounds):
        return True  # "the 4th Infantry Division headquarters will deploy": a unit's staff ("army headquarters" not)
    if lemma in ("vessel", "ship", "boat") and any(
        c.dep_ in ("amod", "compound") and c.lower_ in ("naval", "navy", "military") for c in tok.children
    ):
        return True  # "a naval vessel", "navy ships" (not "a merchant vessel")
    if tok.text in ("Fleet", "Fleets") and any(
        c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children
    ):
        return True  # "its Eastern Fleet", "the Black Sea Fleet": a navy's (not "a fleet of aid trucks")
    if lemma in ("group", "groups") and any(
        c.lower_ in ("strike", "battle", "task", "ready", "carrier") for c in compounds
    ):
        # "the carrier strike group", "a NATO battle group", "an Amphibious Ready Group", "the carrier group"
        return True
    if lemma == "member" and any(c.lower_ == "service" for c in compounds):
        return True  # "an additional 475 service members"
    if lemma == "contractor" and any(c.pos_ == "PROPN" and is_armed_group(name_span(c)) for c in compounds):
        # "Wagner Group contractors"; not "defence contractors" or contractors sent to maintain jets
        return True
    if tok.pos_ == "NOUN" and (lemma in PLACE_NOUNS or tok.lower_ in PLACE_NOUNS):
        return False  # "the special forces base", "army positions": a place of forces, not forces
    modifiers = compounds + [c for c in tok.children if c.dep_ == "nmod" and c.pos_ == "NOUN"]
    if any(c.lemma_.lower() in FORCE_NOUNS for c in modifiers):
        return True  # "battalion tactical groups", "army columns"
    if tok.pos_ != "PROPN":
        return False
    if ship_prefix(tok) is not None:
        return True  # "the USS Gerald R. Ford", "HMS Diamond": a warship by name
    # "the Wagner Group", "the SDF": armed groups by name
    return is_armed_group(name_span(tok)) or (
        tok.ent_type_ in ("ORG", "NORP") and any(c.lower_ in FORCE_NOUNS for c in tok.subtree)
    )


# What a stock of goods or money is made of: "gold reserves", "foreign-currency reserves", "oil reserves".
_STOCK_WORDS = frozenset(
    "gold currency foreign-currency foreign-exchange exchange cash oil gas fuel grain food water cereal capital "
    "federal bank financial monetary mineral coal ammunition".split()
)


_ENVOY_WORDS = frozenset(
    "ambassador ambassadors envoy envoys diplomat diplomats consul consuls chargé".split()
)


def is_envoy(tok: Token) -> bool:
    """ "withdrew Ambassador Smith from Niamey", "recalled its envoy": a person a state calls home, no force."""
    # not any PERSON: the tagger takes many places for people ("left Mali")
    return tok.lower_ in _ENVOY_WORDS or any(
        c.dep_ == "compound" and c.lower_ in _ENVOY_WORDS for c in tok.children
    )


def ship_prefix(tok: Token) -> str | None:
    """ "USS" of "the USS Carney": the prefix that makes a proper name a warship's."""
    if tok.pos_ != "PROPN":
        return None
    span = name_span(tok)
    first = span.split()[0] if span else ""
    if first in _SHIP_PREFIXES:
        return first
    # "the frigate HMS Richmond": the name may start with the kind of ship
    return next((c.text for c in tok.children if c.dep_ == "compound" and c.text in _SHIP_PREFIXES), None)


def _demonym_country(word: str) -> str | None:
    from service.detect.gazetteer import Gazetteer  # the process-wide index, built once

    return Gazetteer.default().country_code(word)


_PLACE_PREPS_OF_GOAL = frozenset("to into in at from near toward towards".split())


def known_place(name: str) -> bool:
    """Does the offline gazetteer know `name` as a place ("Gao", "Sake"; not "Trump")?"""
    from service.detect.gazetteer import Gazetteer  # the process-wide index, built once

    return Gazetteer.default().resolve(name) is not None


def _known_place_misread(tok: Token) -> bool:
    """ "sent troops to Sake", "pulled out of Sake": a capitalised word the tagger took for a common noun ("for
    the sake of"), after a preposition of place, that the gazetteer knows as a place."""
    if tok.pos_ != "NOUN" or not tok.text[:1].isupper() or not tok.is_alpha:
        return False
    if any(c.pos_ == "PROPN" and known_place(c.text) for c in tok.conjuncts) and known_place(tok.text):
        return True  # "Axum and Adigrat fell": a list's first name, read as a noun opening the sentence
    if tok.is_sent_start:
        # "Lydda was occupied by the Yiftach Brigade": a town opening the sentence, read as a common noun
        return (
            tok.dep_ == "nsubjpass"
            and tok.head.lemma_.lower() in GAIN_VERBS
            and any(c.dep_ == "agent" for c in tok.head.children)
            and known_place(tok.text)
        )
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in GAIN_VERBS:
        prep = None  # "they had also taken Sake"
    elif tok.dep_ != "pobj":
        return False
    else:
        prep = tok.head
    # "pulled out of Sake": "of" is a preposition of place only after "out"
    if (
        prep is not None
        and prep.lower_ not in _PLACE_PREPS_OF_GOAL
        and not (prep.lower_ == "of" and prep.head.lower_ == "out")
    ):
        return False
    return known_place(tok.text)


def scheduled(verb: Token) -> bool:
    """ "are to pull out", "is to be deployed": a move set down to happen."""
    return (
        verb.dep_ == "xcomp"
        and verb.head.lemma_.lower() == "be"
        and verb.head.tag_ in ("VBP", "VBZ", "VBD")
        and any(c.dep_ in ("aux", "auxpass") and c.tag_ == "TO" for c in verb.children)
    )


def is_country(name: str) -> bool:
    """ "Iraq", "Iraqi", "the United States": a name or demonym of a country."""
    return _demonym_country(name) is not None


def names_a_country(tok: Token) -> bool:
    """ "Iraq", "southern Afghanistan": a country by name, whatever bearing the parser joins to the name."""
    return is_country(name_span(tok)) or is_country(tok.text)


def country_named(name: str) -> str | None:
    """The ISO code a country's name or demonym names: "U.S." -> "US", "Iraqi" -> "IQ"."""
    return _demonym_country(name)


def _armoured(tok: Token) -> bool:
    return any(c.lower_ in ("military", "armoured", "armored", "army", "tactical") for c in tok.children)


_ORDINALS = frozenset("first second third fourth final last".split())


# not "General", "President" or "Sheikh", which begin places' names too ("General Santos", "Sheikh Jarrah")
_RANKS_AND_TITLES = frozenset(
    "col colonel lt lieutenant maj capt sgt sergeant brig cmdr adm mr mrs ms dr".split()
)


def is_placeish(tok: Token) -> bool:
    """Could `tok` head a place phrase? Proper names (not people) and place nouns; never things or people."""
    lemma = tok.lemma_.lower()
    if lemma in THING_NOUNS or tok.lower_ in THING_NOUNS or lemma in FORCE_NOUNS or tok.lower_ in FORCE_NOUNS:
        return False
    if tok.pos_ == "PROPN" and any(
        c.dep_ == "compound" and c.lower_ in _MERCHANT_SHIPS
        for w in (tok, *children(tok, "compound"))
        for c in w.children
    ):
        return False  # "the freighter Karine A", "the tanker Stena Impero": a ship by its name
    if named_warship(tok):
        return False
    if tok.pos_ == "PROPN" and is_armed_group(name_span(tok)):
        return False  # "the al-Nusra Front", "the Wagner Group": an armed group, whatever its last word
    if tok.pos_ == "PROPN" and any(
        c.dep_ == "compound" and c.lower_.rstrip(".") in _RANKS_AND_TITLES for c in tok.children
    ):
        return False  # "Col Gaddafi himself was captured": a person by rank or title
    if lemma in ("quarter", "half") and (
        tok.ent_type_ == "DATE" or any(c.lower_ in _ORDINALS for c in tok.children)
    ):
        return False  # "in the first quarter of 2024": a time, not a city's quarter
    if lemma in PLACE_NOUNS or tok.lower_ in PLACE_NOUNS:
        return True
    if (
        tok.lower_ == "state"
        and tok.pos_ == "NOUN"
        and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children)
    ):
        return True  # "Gezira state", "Blue Nile state": a federal state named, not "the state" that governs
    if tok.pos_ == "NOUN" and tok.ent_type_ in ("GPE", "LOC", "FAC") and tok.text[:1].isupper():
        return True  # "most of Baiji": a town's name the tagger took for a common noun
    if _known_place_misread(tok):
        return True
    if tok.pos_ == "PROPN":
        if tok.ent_type_ in ("DATE", "TIME"):  # NER stretches dates: "Sunday of Yabroud"
            # "Sunday of Yabroud", "on Nov. 4"; the hyphen of "in mid-January" the parser made a name
            return tok.lower_.rstrip(".") not in CALENDAR_WORDS and any(ch.isalpha() for ch in tok.text)
        if tok.ent_type_ == "NORP":
            # the NER calls unfamiliar towns NORP ("recaptured Samarra"); a real demonym names a country
            return _demonym_country(tok.text) is None and not is_armed_group(tok.text)
        return tok.ent_type_ not in ("MONEY", "PERCENT", "CARDINAL", "ORDINAL")
    if lemma in REGION_WORDS:
        return True
    # "the oil hub of Kirkuk"
    return any(
        o.dep_ == "pobj" and o.ent_type_ in ("GPE", "LOC", "FAC")
        for p in tok.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for o in p.children
    )


def subtree_lemmas(tok: Token) -> Iterator[str]:
    for t in tok.subtree:
        yield t.lemma_.lower()


_QUANTIFIER_PREFIX = re.compile(
    r"^(?:the\s+)?(?:as many as|more than|less than|fewer than|at least|up to|some|about|around|nearly|almost|"
    r"over|approximately|roughly)\s+",
    re.I,
)
_PLACE_PREPS = frozenset("of near around outside in on along between at".split())


def cleared_of(place: Token) -> Token | None:
    """ "cleared the town of Russian forces": the "of" that says whom a place was cleared of, no part of it."""
    if place.dep_ != "dobj" or place.head.lemma_.lower() not in ("clear", "rid", "purge"):
        return None
    return next(
        (
            p
            for p in place.children
            if p.dep_ == "prep" and p.lower_ == "of" and any(is_force(o) for o in p.children)
        ),
        None,
    )


def place_phrase(tok: Token) -> str:
    """A described place as written, with what locates it: "the area around the Mosul Hotel"."""
    doc = tok.doc
    start = _left_edge(tok, _NP_LEFT)
    end = tok.i
    cleared = cleared_of(tok)
    for c in tok.rights:
        dated = c.dep_ == "prep" and any(o.ent_type_ in ("DATE", "TIME") for o in c.children)
        if c.dep_ in ("compound", "flat", "nummod") or (
            c.dep_ == "prep" and c.lower_ in _PLACE_PREPS and not dated and c != cleared
        ):
            # not "the airport on Tuesday": a date, not a part of the place
            end = max(end, _before_own_object(c))
        elif (
            c.dep_ == "prep"
            and c.lower_ == "to"
            and any(o.lemma_.lower() in REGION_WORDS for o in c.children)
        ):
            end = max(end, c.right_edge.i)  # "its positions to the east of Sirte"
        elif c.dep_ in ("acl", "relcl", "appos", "punct", "cc", "conj"):
            break
    end = min(end, start + _MAX_PHRASE_TOKENS - 1)
    words = [t for t in doc[start : end + 1] if not _inside_clause(t, tok)]
    return _QUANTIFIER_PREFIX.sub("", _join(words))


def places_joined_to_a_date(t: Token) -> list[Token]:
    """ "took over the Kalbajar District on 25 November and the Lachin District on 1 December", "followed by X on
    26 March and Y on 4 April": the parser joins the next place to the date before it."""
    return [
        w
        for p in t.children
        if p.dep_ == "prep"
        for o in p.children
        if o.ent_type_ == "DATE"
        for w in o.conjuncts
        if w.ent_type_ != "DATE" and w.i > o.i and is_placeish(w)
    ]


def own_objects_joined_to(name: Token) -> list[Token]:
    """ "the airport at Gao and the strategic Wabary bridge", "the areas around Kyiv and the northern city of
    Chernihiv": the parser joins the next object to the name that locates the first; a place noun with its own
    article is an object of its own."""
    return [
        k
        for k in name.conjuncts
        if k.i > name.i and k.lemma_.lower() in PLACE_NOUNS and any(d.lower_ == "the" for d in k.children)
    ]


def _before_own_object(prep: Token) -> int:
    """Where a locating phrase ends: "the areas around Kyiv and the northern city of Chernihiv" locates the areas
    by Kyiv alone."""
    own = [k for o in prep.children if o.dep_ == "pobj" for k in own_objects_joined_to(o)] + [
        k
        for k in prep.conjuncts
        if k.i > prep.i and k.pos_ == "ADP"  # "around Kyiv and from Chernihiv"
    ]
    # "the headquarters of the North Oil Company and the Baba Gurgur field": the parser may hang the "and" of
    # a list on the name
    end = min(k.left_edge.i for k in own) - 1 if own else prep.right_edge.i
    while end > prep.i and prep.doc[end].dep_ in ("cc", "punct"):
        end -= 1
    return end


_YEAR = re.compile(r"(?:19|20)\d\d")


def actor_phrase(tok: Token) -> str:
    """Who acted, with what names them: "militants with the extremist group Islamic State", "rebels from X"."""
    doc = tok.doc
    start = _left_edge(tok, _NP_LEFT)
    if tok.tag_.startswith("VB") or any(c.dep_ == "nsubj" for c in tok.lefts):
        # "Boko Haram militants overran": the parser made the name the "subject" of its own head noun
        start = min([start, *(c.left_edge.i for c in tok.lefts if c.pos_ == "PROPN")])
    while start < tok.i and (
        doc[start].ent_type_ in ("DATE", "TIME")
        or _YEAR.fullmatch(doc[start].text)
        or is_month_name(doc[start].text)
    ):
        # "the next day Russian forces captured", "by 2015 Taliban fighters", "At the end of May Britain
        # deployed": a time, not the side
        start += 1
    end = tok.i
    for c in tok.rights:
        if (
            c.dep_ in ("compound", "flat", "nummod", "conj", "cc")
            or (c.dep_ == "prep" and c.lower_ in ("of", "with", "from"))
            # "fighters loyal to Haftar", "Forces allied with Libya's U.N.-backed government"
            or (c.dep_ in ("amod", "acl") and c.lower_ in _ALLEGIANCE and c.n_rights)
            # "Forces backed by the United Arab Emirates": the backer names forces that have no other name
            or (c.dep_ == "acl" and c.lower_ in _BACKING and c.n_rights and _bare_force_noun(tok))
            or _led_by_a_side(c)  # "Rebel forces led by Hayat Tahrir al-Sham"
        ):
            end = max(end, c.right_edge.i)
        elif c.dep_ in ("acl", "relcl", "appos", "punct"):
            break
    end = min(end, start + _MAX_PHRASE_TOKENS - 1)
    words = [
        t
        for t in doc[start : end + 1]
        if not _inside_clause(t, tok, _ACTOR_CLAUSES) or _allegiance_of(t, tok)  # "Forces allied with X"
    ]
    return _QUANTIFIER_PREFIX.sub("", _join(words))


_STATES_LEFT_IN = frozenset(
    "surround encircle besiege isolate expose cut strand trap vulnerable defenceless defenseless "
    "exposed isolated stranded trapped surrounded encircled besieged".split()
)


def left_in_a_state(t: Token) -> bool:
    """ "cut most roads into Goma, leaving the city largely surrounded": a state the deed leaves a place in,
    no one leaving it (the parser may hang the state on any word of the object)."""
    if t.lemma_.lower() != "leave":
        return False  # asked of every trigger: the cheap test first
    dobj = child(t, "dobj")
    if dobj is None:
        return False
    words = [*dobj.subtree, *(c for c in t.children if c.dep_ in ("oprd", "ccomp", "xcomp", "acomp"))]
    return any(w.lemma_.lower() in _STATES_LEFT_IN or w.lower_ in _STATES_LEFT_IN for w in words if w != dobj)

"""Deployments: the dependency patterns that say forces were sent, arrived, stationed or withdrawn."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Token

from service.detect import lexicon as lx
from service.detect.actors import is_armed_group
from service.detect.numbers import parse_number
from service.detect.phrases import (
    SHIP_OWNERS,
    actor_phrase,
    child,
    children,
    is_force,
    is_placeish,
    name_span,
    noun_phrase,
    prep_objects,
    ship_prefix,
    with_conjuncts,
)
from service.detect.places import DEST_PREPS, PlaceRef, dest_refs, place_objects, places_from
from service.detect.roles import (
    actor_of,
    agent,
    force_of,
    is_armed,
    is_passive,
    is_state,
    owned_by_state,
    peaceful_entry,
    subject_of,
)


@dataclass
class DeployFrame:
    trigger: Token
    force_head: Token | None
    destinations: list[PlaceRef] = field(default_factory=list)
    actor: str | None = None
    withdraw: bool = False
    share: float = 1.0  # "half would be based in Rojava": half of the force named before


def deploy_frames(t: Token) -> list[DeployFrame]:
    frames = [f for f in _frames(t) if f.force_head is None or _moves_a_force(t, f.force_head)]
    if not frames:
        return frames
    gapped = [
        w
        for c in t.children
        if c.dep_ == "conj" and c.pos_ in ("NOUN", "NUM") and not is_force(c)
        for w in place_objects(c, *DEST_PREPS)
    ]  # "half would be based in Hasakah and half at al-Tanf": the verb is left out of the second share
    onward = [r for w in _onward_stops(t) for r in places_from(w)[0]]
    mover = subject_of(t)
    for frame in frames:
        if gapped and not frame.withdraw:
            frame.destinations += dest_refs(gapped)
        if onward and not frame.withdraw:
            frame.destinations = _route_ends(t, frame.destinations, onward)
        if mover is not None and mover.lemma_.lower() == "half" and frame.force_head is not mover:
            frame.share = 0.5
    return frames


def _route_ends(t: Token, first: list[PlaceRef], onward: list[PlaceRef]) -> list[PlaceRef]:
    """A journey ends at its last stop ("flew the company to H-1 and then to the airfield" -> the airfield); a
    force deployed "to Erbil and subsequently Mosul" is posted to both."""
    if t.lemma_.lower() in lx.JOURNEY_VERBS and _sequenced(t, onward[-1].head):
        return onward[-1:]
    return first + onward


def _onward_stops(t: Token) -> list[Token]:
    """Later stops of a movement, in order: "flew the company to H-1 and then to the airfield", "to Kandahar
    and then on to Helmand", "deployed in April to Erbil and subsequently Mosul" (the parser joins the second
    place to the verb, its preposition left out)."""
    if not place_objects(t, "to", "into"):
        return []
    stops: list[Token] = []
    for head in [t, *(p for p in t.children if p.dep_ == "prep" and p.lower_ in ("to", "into"))]:
        stops += [c for c in head.children if c.dep_ == "conj" and _bare_place(c)]
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


def _frames(t: Token) -> list[DeployFrame]:
    lemma = t.lemma_.lower()
    if t.pos_ == "NOUN":
        return _deploy_noun_frames(t, lemma)
    if t.pos_ not in ("VERB", "AUX") and t.tag_ not in ("VBN", "VBD", "VBG"):
        return []
    passive = is_passive(t)
    subj = _stranded_subject(t) or subject_of(t)
    dobj = child(t, "dobj")
    if lemma == "retreat" and t.dep_ == "xcomp" and t.head.lemma_.lower() == "order":
        lemma = (
            "withdraw"  # "units were ordered to retreat from the city": an ordered pull-out, a movement too
        )
    withdraw = lemma in lx.WITHDRAW_VERBS

    if lemma == "call":
        return _call_in_frames(t, subj)
    if lemma == "order":
        return _order_frames(t, subj, dobj, passive)

    if lemma in lx.PRESENCE_VERBS:
        objects = children(t, "dobj")
        presence = next((o for o in objects if o.lemma_.lower() in lx.PRESENCE_NOUNS), None)
        if presence is None:
            return []
        # "bolstered its troop presence" (the parser may make "troops" a second object)
        force = next((c for o in objects for c in o.subtree if is_force(c)), None)
        if force is None:
            return []
        dobj = presence
        dests = prep_objects(dobj, *DEST_PREPS) or prep_objects(t, *DEST_PREPS)
        return [DeployFrame(t, force, dest_refs(dests), actor=actor_of(subj))]

    if lemma in ("leave", "depart"):
        return _departure_frames(t, subj, dobj, passive)
    if lemma == "reinforce" and (reinforced := _reinforced_place_frames(t, subj, dobj, passive)):
        return reinforced
    if lemma in lx.REPLACE_VERBS:
        return _replacement_frames(t, subj, dobj, passive)

    if lemma in lx.DEPLOY_VERBS or lemma in lx.WITHDRAW_VERBS:
        site = _evacuated_site(t, lemma, subj) if passive else None
        if site is not None:
            actor = actor_of(_mover_agent(t)) or force_nationality(site)  # "the Russian naval base": Russia's
            return [DeployFrame(t, None, dest_refs([site]), actor=actor, withdraw=True)]
        if passive:
            ordered = subj is not None and subj.dep_ == "dobj" and t.dep_ == "xcomp" and subj.head == t.head
            force, actor = (
                # "ordered troops to be redeployed to the capital": the troops ordered are the ones moved
                subj if subj is not None and (subj.dep_ == "nsubjpass" or ordered or _own_subject(t, subj)) else None,
                actor_of(_mover_agent(t)) or (actor_of(subject_of(t.head)) if ordered else None),
            )
            if force is None and t.dep_ in ("acl", "relcl"):
                force = t.head
            force = force_of(force)
        else:
            force, actor = force_of(dobj), _sender(subj)
            object_is_place = dobj is not None and not is_force(dobj) and is_placeish(dobj)
            if (
                (dobj is None or (withdraw and object_is_place))
                and subj is not None
                and (withdraw or lemma in _INTRANSITIVE_MOVES)
            ):
                if is_force(force_of(subj)):
                    force, actor = (
                        force_of(subj),
                        None,
                    )  # "U.S. troops withdrew", "the Marines deployed to Erbil"
                elif withdraw and is_state(subj) and (prep_objects(t, "from") or object_is_place):
                    force, actor = subj, actor_of(subj)  # "Ukraine withdrew from areas of Bakhmut"
        if force is None or not (is_force(force) or (withdraw and is_state(force))):
            return []
        used_against = prep_objects(t, "against") or (prep_objects(dobj, "against") if dobj is not None else [])
        if not withdraw and used_against and not prep_objects(t, "to", "into"):
            return []  # "deploying anti-ship missiles against the fleet": forces in action, not moved
        preps = ("from", "out") if withdraw else DEST_PREPS
        dests = place_objects(t, *preps)
        if not withdraw and not dests and t.dep_ == "acl" and place_objects(t, "from"):
            return []  # "engaged by ISIL forces dispatched from Raqqa": forces named by where they came from
        if withdraw and not dests:
            dests = place_objects(t, "of")
        if not dests and withdraw and dobj is not None and not is_force(dobj) and is_placeish(dobj):
            dests = [dobj]  # "evacuated the city"
        if not dests and not withdraw:
            # "sent commandos as military advisers to Syria", "sent as reinforcements to Kupiansk"
            for as_obj in prep_objects(t, "as") + ([] if dobj is None else prep_objects(dobj, "as")):
                dests = place_objects(as_obj, *DEST_PREPS)
                if dests:
                    break
        if not dests and not withdraw and dobj is not None:
            # "redeployed thousands of troops, including elite units ..., to Kherson Oblast"
            dests = [
                w
                for p in dobj.subtree
                if p.dep_ == "prep" and p.lower_ in DEST_PREPS
                for w in p.children
                if w.dep_ == "pobj" and is_placeish(w)
            ][:3]
        if not dests and force is not None:
            # "reduce the number of American forces in the country", "withdraw its troops in Syria"
            dests = place_objects(force, "in", "from") or (
                place_objects(force.head.head, "in") if force.head.lower_ == "of" else []
            )
        if not dests:
            dests = _purpose_objects(t)
        if not dests and any(c.lower_ in ("there", "here") and c.dep_ == "advmod" for c in t.children):
            dests = []  # "deployed there": the place the story is at, filled in from context
        redeployed = False
        if not withdraw and _moved_elsewhere(t, dests):
            # "units were redeployed to other sectors": where they went is unnamed; that they left is news
            dests, withdraw = place_objects(t, "from") or place_objects(force, "in", "at"), True
            redeployed = lemma == "redeploy"  # planned by its very name, never a rout
        retreat = withdraw and not redeployed and not passive and subj is not None and force_of(subj) == force
        if retreat and _retreat_in_battle(t, force):
            return []
        return [DeployFrame(t, force, dest_refs(dests), actor=actor, withdraw=withdraw)]

    if lemma in lx.ARRIVE_VERBS and lemma not in ("reach", "enter"):
        if lemma == "head" and prep_objects(t, "by"):
            return []  # "the army, headed by elite units, advanced": led, not moved ("are headed to X" move)
        if subj is None and t.dep_ == "acl":
            subj = t.head  # "new detachments arriving in Tartus"
        subj = force_of(subj)  # "150 of these troops were reported to have arrived"
        if subj is None or not is_force(subj):
            return []
        preps = DEST_PREPS + ("for",) if lemma == "head" else DEST_PREPS  # "heading for the town"
        dests = place_objects(t, "into") if lemma == "cross" else place_objects(t, *preps)
        if lemma == "cross" and not dests:
            return []  # "crossed the river": a manoeuvre; "crossed the border into Kobani" is a movement
        way = child(t, "attr", "dobj")
        if not dests and way is not None and way.lower_ == "way":
            dests = prep_objects(way, "to")
        if not dests:
            dests = _purpose_objects(t)  # "helicopters arrived to secure the airport"
        if not dests and _time_clause(t):
            return []  # "by the time Kurdish forces arrived, the town had fallen": a time, not a movement
        if not dests and lemma == "travel":
            return []  # "militants travelling in a convoy": on the road, going nowhere the text says
        return [DeployFrame(t, subj, dest_refs(dests))]
    if lemma == "enter" and dobj is not None:
        return _entry_frames(t, force_of(subj), dobj)
    return []


def _entry_frames(t: Token, force: Token | None, entered: Token) -> list[DeployFrame]:
    """ "Russian troops entered Raqqa and began distributing aid": a state's forces entering without a fight;
    "75 fighters re-entered Syria", "three tanks entered the demilitarized zone": crossing into a country or
    a zone no side holds moves forces, whatever fighting the sentence tells of."""
    if force is None or not (peaceful_entry(t, force) or (is_force(force) and _crossing_into(entered))):
        return []
    return [DeployFrame(t, force, dest_refs([entered]))]


def _crossing_into(place: Token) -> bool:
    if place.lemma_.lower() == "zone":
        return any(c.lower_ in lx.NEUTRAL_ZONE_WORDS for c in place.children)
    return place.pos_ == "PROPN" and place.ent_type_ == "GPE" and _is_country(name_span(place))


def _is_country(name: str) -> bool:
    from service.detect.gazetteer import Gazetteer  # the process-wide index, built once

    return Gazetteer.default().country_code(name) is not None


# Aircraft and vehicles go by model names: "C-17", "KC-130", "Mi-8"
_MODEL_NAME = re.compile(r"^[A-Z][A-Za-z]{0,2}-\d+[A-Z]?$")


def _sender(subj: Token | None) -> str | None:
    """Who sends the forces a verb moves: its subject, but "a C-17 flew the company", "U.S. helicopters
    ferried the troops" name a carrier, whose owner at most."""
    if subj is not None and _is_carrier(subj):
        return force_nationality(subj)
    return actor_of(subj)


def _is_carrier(tok: Token) -> bool:
    kit = tok.lemma_.lower() in lx.EQUIPMENT_NOUNS
    return kit or tok.ent_type_ == "PRODUCT" or bool(_MODEL_NAME.match(tok.text))


def _moved_elsewhere(t: Token, dests: list[Token]) -> bool:
    """ "redeployed to other sectors", "moved to another point", "transferred elsewhere": forces shifted to a
    place the text leaves unnamed ("other parts of Donetsk oblast" is named)."""
    if t.lemma_.lower() not in lx.REPOSITION_VERBS:
        return False
    if any(c.dep_ == "advmod" and c.lower_ == "elsewhere" for c in t.children):
        return not dests
    # "redeployed from recent advances to other defensive lines": the parser may hang "to" on another noun
    targets = dests or [
        w
        for w in t.subtree
        if w.dep_ == "pobj" and w.head.lower_ in ("to", "into") and _clause_verb(w) == t and is_placeish(w)
    ]
    return bool(targets) and all(
        any(c.dep_ in ("amod", "det") and c.lower_ in ("other", "another") for c in d.children)
        and not any(w.pos_ == "PROPN" for w in d.subtree)
        for d in targets
    )


def _bare_place(tok: Token) -> bool:
    return tok.pos_ == "PROPN" and is_placeish(tok) and not is_force(tok)


def _sequenced(t: Token, last_stop: Token | None) -> bool:
    """Is the route ordered in time ("to H-1 and then to the airfield"), not a list of places ("to Kandahar
    and Helmand")?"""
    end = last_stop.i if last_stop is not None else len(t.doc)
    return any(w.lower_ in lx.SEQUENCE_WORDS for w in t.doc[t.i : end + 1])


def _clause_verb(w: Token) -> Token | None:
    return next((a for a in w.ancestors if a.pos_ in ("VERB", "AUX")), None)


def _stranded_subject(t: Token) -> Token | None:
    """ "4th Battalion, 118th Infantry Regiment, a U.S. battalion equipped with Bradleys deployed to X": a
    long subject makes the parser hang the past-tense verb on its last noun; the subject is the first force
    of that chain of nouns."""
    if t.tag_ != "VBD" or t.dep_ not in ("acl", "relcl") or child(t, "nsubj", "nsubjpass") is not None:
        return None  # a participle ("troops deployed in the north") is a noun's modifier, not its verb
    forces = [a for a in t.ancestors if a.pos_ in ("NOUN", "PROPN") and is_force(a)]
    return min(forces, key=lambda a: a.i) if forces else None


def _reinforced_place_frames(
    t: Token, subj: Token | None, dobj: Token | None, passive: bool
) -> list[DeployFrame]:
    """ "the SDF continued to reinforce Manbij", "Bakhmut was reinforced by Wagner units": forces sent to the
    place reinforced."""
    place, mover = (subj, _mover_agent(t)) if passive else (dobj, subj)
    mover = force_of(mover)
    if place is None or mover is None or is_force(place) or not is_placeish(place):
        return []
    if not (is_force(mover) or is_state(mover)):
        return []
    actor = None if mover.pos_ == "NOUN" else actor_of(mover)  # "Russian troops": owned, named later
    return [DeployFrame(t, mover, dest_refs([place]), actor=actor)]


def _replacement_frames(t: Token, subj: Token | None, dobj: Token | None, passive: bool) -> list[DeployFrame]:
    """ "the teams were replaced by the 3rd Cavalry Regiment", "some Russian troops were replaced with
    separatist forces": the newcomers are deployed where the replaced were, and the replaced forces leave."""
    if passive:
        incoming = _mover_agent(t) or next(iter(prep_objects(t, "with")), None)
        outgoing = subj
    else:
        incoming, outgoing = subj, dobj
    incoming, outgoing = force_of(incoming), force_of(outgoing)
    if incoming is None or outgoing is None or not is_force(incoming) or _counts_kit(incoming):
        return []  # "old tanks were replaced by new ones": kit renewed, no force moved
    if not (is_force(outgoing) or outgoing.lemma_.lower() == "team"):
        return []  # "the commander was replaced by a general": a person, not a force
    where = next((w for w in (t, outgoing, incoming) if place_objects(w, "in", "at")), t)
    places = place_objects(where, "in", "at")
    dests = dest_refs([w for w in places if w.ent_type_ not in ("DATE", "TIME")])  # not "in mid-March"
    frames = [DeployFrame(t, incoming, dests)]
    if is_force(outgoing):
        frames.append(DeployFrame(t, outgoing, list(dests), withdraw=True))
    return frames


def _order_frames(t: Token, subj: Token | None, dobj: Token | None, passive: bool) -> list[DeployFrame]:
    """ "ordered 1,500 troops to the southern border", "two battalions were ordered to Mosul": a decided
    movement ("ordered troops to withdraw" is the verb under it)."""
    ordered = force_of(subj if passive else dobj)
    if ordered is None or not is_force(ordered):
        return []
    dests = place_objects(t, "to", "into")
    if not dests:
        return []
    actor = actor_of(_mover_agent(t)) if passive else actor_of(subj)
    return [DeployFrame(t, ordered, dest_refs(dests), actor=actor)]


_FATES = frozenset(
    "executed killed dead wounded injured missing captured fallen slain detained imprisoned kidnapped".split()
)
_PERSONS = frozenset(
    "soldier fighter marine commando paratrooper mercenary militant peacekeeper adviser advisor trainer "
    "reservist conscript recruit serviceman servicemember sailor airman".split()
)


def _no_unit(force: Token) -> bool:
    """ "108 of the missing soldiers arrived", "the bodies of killed soldiers", "a soldier who had been deployed
    to X": casualties and single people are no force that moves."""
    if any(c.dep_ in ("amod", "compound") and c.lower_ in _FATES for c in force.children):
        return True
    return (
        force.tag_ == "NN"
        and force.lemma_.lower() in _PERSONS
        and any(c.dep_ == "det" and c.lower_ in ("a", "an", "one") for c in force.children)
    )


def _moves_a_force(t: Token, force: Token) -> bool:
    return not (_no_unit(force) or _sortie(t, force) or _arms_supply(force))


def _sortie(t: Token, force: Token) -> bool:
    """ "Two further aircraft were deployed at 00:30 ..., and all aircraft returned by 06:30": a mission timed
    by the clock, or flown out and back, moves no force anywhere."""
    if force.lemma_.lower() not in lx.AIRCRAFT_NOUNS:
        return False
    if any(o.ent_type_ == "TIME" for o in prep_objects(t, "at")):
        return True
    return any(w.lemma_.lower() == "return" and w.pos_ == "VERB" and _aircraft_doing(w) for w in t.doc)


def _aircraft_doing(verb: Token) -> bool:
    doer = child(verb, "nsubj") or (verb.head if verb.dep_ in ("acl", "relcl") else None)
    return doer is not None and doer.lemma_.lower() in lx.AIRCRAFT_NOUNS


def _arms_supply(force: Token) -> bool:
    """ "Besides providing gunships, Russia transferred to Syria the Buk-M2 air defense system": weapons
    handed to another state's forces, no force of the sender's moved."""
    if any(_counts_people(f) for f in with_conjuncts(force)):
        return False
    return any(
        w.lemma_.lower() in lx.SUPPLY_VERBS
        and w.pos_ == "VERB"
        and any(o.lemma_.lower() in lx.EQUIPMENT_NOUNS for o in children(w, "dobj"))
        for w in force.doc
    )


def _time_clause(t: Token) -> bool:
    """ "when the marines arrived", "by the time the troops arrived", "until reinforcements arrived"."""
    if t.dep_ == "relcl" and t.head.lemma_.lower() == "time":
        return True
    return t.dep_ == "advcl" and any(
        c.dep_ in ("advmod", "mark") and c.lower_ in ("when", "until", "till", "before", "once", "whenever")
        for c in t.children
    )


def _own_subject(t: Token, subj: Token) -> bool:
    """The parser's slips in a passive: "a total of 9,000 troops were committed" with "total" as nsubj; and
    raising: "some units had to be pulled back", the subject of "had"."""
    if t.dep_ == "xcomp" and subj.dep_ in ("nsubj", "nsubjpass") and subj.head == t.head:
        return True
    return any(a == t for a in list(subj.ancestors)[:4]) and subj.dep_ in ("nsubj", "pobj")


def _evacuated_site(t: Token, lemma: str, subj: Token | None) -> Token | None:
    """ "The naval base at Tartus has been evacuated": the garrison was pulled out of a military site (a town
    or a camp that is evacuated moves its people, not forces)."""
    if lemma != "evacuate" or subj is None or subj.dep_ != "nsubjpass":
        return None
    return subj if subj.lemma_.lower() in lx.MILITARY_SITES else None


def _departure_frames(t: Token, subj: Token | None, dobj: Token | None, passive: bool) -> list[DeployFrame]:
    """ "troops left the town", "the battalion departed Kandahar": a pull-out of the place left; "left for
    Cyprus", "departed Erbil to travel to Kobani": a movement to where they go. "left rebels in disarray",
    "were left encircled" describe situations."""
    force = force_of(subj)
    if passive or force is None or not is_force(force):
        return []
    onward = _onward_places(t)
    if onward:  # "to travel to Turkey and eventually to Kobani": one movement, to where it ends
        return [DeployFrame(t, force, dest_refs(onward[-1:]))]
    origins = [dobj] if dobj is not None else place_objects(t, "from")
    origins = [o for o in origins if is_placeish(o) and not is_force(o) and not _struck_area(o)]
    if not origins:
        return []
    if t.dep_ == "xcomp" and t.head.lemma_.lower() == "force":
        return []  # "were forced to leave Bilohorivka": a retreat under attack, a change of control only
    return [DeployFrame(t, force, dest_refs(origins), actor=None, withdraw=True)]


def _mover_agent(t: Token) -> Token | None:
    """The "by" agent of a passive movement, but not the source of a report joined to it: "The coalition was
    estimated by CNN to have 94,000 members ...; 40,000 Peshmerga were deployed" names no mover."""
    by = agent(t)
    if by is None or by.head.head == t:
        return by
    return None if by.head.head.lemma_.lower() in lx.COMMENT_VERBS | lx.CLAIM_VERBS else by


def _struck_area(place: Token) -> bool:
    """ "All aircraft departed the strike area": a sortie ends, no force leaves a place it held."""
    return any(c.lemma_.lower() in ("strike", "target", "attack", "combat") for c in place.children)


_ONWARD_VERBS = frozenset("travel move head go proceed continue return redeploy".split())


def _onward_places(t: Token) -> list[Token]:
    """Where a departing force goes: "left for Cyprus", "departed X to travel to Turkey and on to Kobani"."""
    places = place_objects(t, "for")
    for c in t.children:
        if c.dep_ in ("xcomp", "advcl", "ccomp") and c.lemma_.lower() in _ONWARD_VERBS:
            places += [
                w
                for p in c.subtree
                if p.lower_ in ("to", "for", "into") and p.pos_ == "ADP"
                for w in p.children
                if w.dep_ == "pobj" and is_placeish(w)
            ]
    return places


_INTRANSITIVE_MOVES = frozenset(
    "move mass gather transfer deploy redeploy station position concentrate".split()
)


_BATTLE_NOUNS = frozenset(
    "attack attacks assault assaults bombardment bombardments shelling shellings offensive counteroffensive "
    "counter-offensive counterattack counter-attack pressure fire strike strikes airstrike airstrikes fighting "
    "clash clashes battle battles advance advances onslaught encirclement".split()
)
_BATTLE_VERBS = frozenset("advance attack assault shell bombard encircle close storm push".split())


def _retreat_in_battle(t: Token, force: Token) -> bool:
    """ "the Army withdrew", "most of the group's fighters withdrew from the town", "Ukrainian forces pulled back
    after a Russian bombardment", "troops withdrew as rebels advanced": a retreat in battle, left to territorial
    control. A state's troops pulling out, an ordered pull-out or one that hands the place over are movements."""
    if _handed_over(t):
        return False  # "handed control of the city to the council and withdrew": a negotiated pull-out
    if _under_attack(t):
        return True
    return not owned_by_state(force) and not _ordered(t)


def _handed_over(t: Token) -> bool:
    near = [c for c in t.children if c.dep_ in ("conj", "advcl")] + ([t.head] if t.dep_ == "conj" else [])
    return any(w.lemma_.lower() in lx.HANDOVER_VERBS - {"return"} for w in near)


def _under_attack(t: Token) -> bool:
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ in ("after", "under", "amid", "following", "during"):
            objects = [o for o in c.children if o.dep_ == "pobj"]
            if any(o.lemma_.lower() in _BATTLE_NOUNS or o.lower_ in _BATTLE_NOUNS for o in objects):
                return True
        if c.dep_ == "advcl" and c.lemma_.lower() in _BATTLE_VERBS and any(
            m.dep_ == "mark" and m.lower_ in ("as", "when", "after") for m in c.children
        ):
            return True
    return False


def _ordered(t: Token) -> bool:
    """ "were ordered to withdraw", "announced it would pull out": decided, not driven out."""
    return any(a.lemma_.lower() in ("order", "announce", "decide", "agree", "plan") for a in t.ancestors)


def _call_in_frames(t: Token, subj: Token | None) -> list[DeployFrame]:
    """ "SDF forces in Manbij had called in reinforcements from Kobani": reinforcements go to the caller."""
    called = [o for o in prep_objects(t, "in") if is_force(o)]
    called += [
        o
        for o in children(t, "dobj")
        if is_force(o) and any(c.lower_ == "in" and c.dep_ == "prt" for c in t.children)
    ]
    if not called:
        return []
    dests = place_objects(subj, "in", "at") if subj is not None else []
    return [DeployFrame(t, called[0], dest_refs(dests), actor=actor_of(subj))]


def _purpose_objects(t: Token, depth: int = 0) -> list[Token]:
    """The place of a purpose clause: "sent troops ... to capture the village" -> the village;
    "sent reinforcements to help protect the provincial capital" -> the provincial capital."""
    for c in t.children:
        if c.dep_ in ("xcomp", "advcl") and (
            depth or any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children)
        ):
            obj = child(c, "dobj")
            if obj is not None and is_placeish(obj):
                return [obj]
            if depth < 1:
                inner = _purpose_objects(c, depth + 1)
                if inner:
                    return inner
            # "to fight against Kurdish militias north of Aleppo": where the purpose is carried out
            located = [
                w
                for w in c.subtree
                if w.dep_ == "pobj"
                and w.pos_ == "PROPN"
                and w.ent_type_ in ("GPE", "LOC")
                and w.head.lower_ not in ("from", "through", "via")
            ]
            if located:
                return located[:1]
    return []


_PLANNED_MOVE_VERBS = frozenset("complete finish conclude begin start launch announce continue".split())


def _deploy_noun_frames(t: Token, lemma: str) -> list[DeployFrame]:
    if lemma in ("reinforcement",) and t.dep_ in ("nsubj", "nsubjpass", "dobj"):
        return []  # handled by the verb it depends on ("sent reinforcements", "reinforcements arrived")
    if t.dep_ == "attr":
        return []  # "Iraq was the largest deployment of ...": a description, not a movement
    if lemma not in lx.DEPLOY_NOUNS | lx.WITHDRAW_NOUNS:
        return []
    forces = [o for o in prep_objects(t, "of") if is_force(o)] or [
        w for w in t.subtree if w.dep_ == "pobj" and w.head.lower_ == "of" and is_force(w)
    ][:1]  # "deployment to Syria of additional 250 US troops"
    if not forces and t.dep_ == "dobj" and t.head.pos_ == "VERB":
        # "announced the deployment to Iraq of 300 more troops": the parser hangs both phrases on the verb
        forces = [
            w
            for p in t.head.children
            if p.dep_ == "prep" and p.i > t.i
            for w in p.subtree
            if w.dep_ == "pobj" and w.head.lower_ == "of" and is_force(w)
        ][:1]
    compounds = [
        c for c in t.children if c.dep_ in ("compound", "amod") and (is_force(c) or c.lower_ == "military")
    ]
    force = forces[0] if forces else (compounds[0] if compounds else None)
    if force is None:
        # "the troops' withdrawal from X", "its forces completed their withdrawal from X": the force is the
        # noun's owner or the subject of a verb that begins or ends a planned move ("fighters made a sudden
        # withdrawal" is a retreat in battle, left to territorial control)
        owner = child(t, "poss")
        planned = t.dep_ == "dobj" and t.head.pos_ == "VERB" and t.head.lemma_.lower() in _PLANNED_MOVE_VERBS
        subject = subject_of(t.head) if planned else None
        force = next((f for f in (force_of(owner), force_of(subject)) if f is not None and is_force(f)), None)
        if force is None and subject is not None and (subject.lemma_.lower() == "military" or is_state(subject)):
            force = subject  # "the U.S. military has completed its withdrawal from Agadez"
    if force is None:
        return []
    withdraw = lemma in lx.WITHDRAW_NOUNS
    dests = prep_objects(t, *(("from",) if withdraw else DEST_PREPS))
    if not dests and force is not None:
        dests = prep_objects(force, *(("from",) if withdraw else DEST_PREPS))
    if not dests and t.head.pos_ == "VERB":
        dests = prep_objects(t.head, *(("from",) if withdraw else DEST_PREPS))
    owner = child(t, "poss")
    actor = actor_of(owner) if owner is not None else None
    if actor is None and t.head.pos_ == "VERB" and t.head.lemma_.lower() not in lx.COMMENT_VERBS:
        # "announced the deployment of": the announcer; "welcomed the withdrawal of": a bystander
        subject = subject_of(t.head)
        actor = actor_of(subject) if subject is not None and subject != t else None
    if actor is None and t.dep_ == "pobj" and t.head.lower_ == "with" and t.head.head.pos_ == "VERB":
        # "the United States responded with a troop surge": the one who answered sent them
        subject = subject_of(t.head.head)
        actor = actor_of(subject) if subject is not None and (is_state(subject) or is_armed(subject)) else None
    return [DeployFrame(t, force, dest_refs(dests), actor=actor, withdraw=withdraw)]


def force_size(force: Token) -> int | None:
    """Personnel or unit count of a force phrase: "200 more military personnel" -> 200; conjuncts are summed
    ("1,000 commandos and 2,000 rebels" -> 3,000), but a list that also counts kit gives its people
    ("six jets and 600 personnel" -> 600)."""
    counted: list[tuple[Token, int]] = []
    for f in with_conjuncts(force):
        if f != force and not is_force(f):
            continue  # "On 30 October, 4th Battalion, ...": the parser may join a date to the force
        n = _count_of(f)
        if n is not None:
            counted.append((f, n))
    if not counted:
        return None
    people = [n for f, n in counted if _counts_people(f)]
    if people and len(people) < len(counted):
        return sum(people)
    return sum(n for _, n in counted)


def _count_of(tok: Token) -> int | None:
    """ "A force of 5,000 soldiers": the number may sit on the noun the force is made of."""
    words = _number_words(tok)
    if not words:
        inner = [o for o in prep_objects(tok, "of") if is_force(o)]
        words = _number_words(inner[0]) if inner else []
    return parse_number(words) if words else None


def _counts_kit(tok: Token) -> bool:
    return not _counts_people(tok)


def _counts_people(tok: Token) -> bool:
    """Personnel ("troops", "marines", "a 150-strong contingent"), not kit ("jets", "warships", "tanks")."""
    lemma = tok.lemma_.lower()
    return lemma not in lx.EQUIPMENT_NOUNS and tok.lower_ not in lx.EQUIPMENT_NOUNS


def _number_words(tok: Token) -> list[str]:
    if tok.head.dep_ == "prep" and tok.head.lower_ == "of" and tok.head.head.like_num:
        return [tok.head.head.text]  # "150 of these troops"
    nums = [c for c in tok.children if c.dep_ == "nummod" or (c.dep_ == "amod" and c.like_num)]
    if not nums:
        # "200 of them", "an additional 1,000 Turkish commandos" (number attached to 'additional')
        nums = [c for c in tok.children if c.like_num and c.dep_ in ("quantmod", "nmod", "det")]
    if not nums:
        # "up to seven battalion tactical groups": the number hangs on the unit word before the head
        nums = [
            n
            for c in tok.children
            if c.dep_ in ("nmod", "compound") and c.pos_ == "NOUN"
            for n in c.children
            if n.dep_ == "nummod" and n.i < c.i
        ]
    if not nums:
        # "a 150-strong contingent"
        nums = [
            n
            for c in tok.children
            if c.dep_ == "amod" and c.lower_ == "strong"
            for n in c.children
            if n.like_num
        ]
    nums = [c for c in nums if c.ent_type_ not in ("DATE", "TIME")]  # "On 4 April Russian troops"
    if not nums:
        return []
    n = nums[0]
    span = list(n.subtree)
    if span[0].i and span[0].nbor(-1).lower_ == "between" or any(
        t.lower_ in ("to", "or") and t.nbor(-1).like_num or t.lower_ == "and" and t.nbor(-1).text[:1].isdigit()
        for t in span
        if t.i
    ):
        return []  # "20 to 34 helicopters", "between 300 and 400 troops": a range gives no one number
    words = [t.text for t in n.subtree if t.like_num or t.lower_ in ("hundred", "thousand", "million", "-")]
    return words


def force_text(force: Token) -> str:
    """The force as written, with its quantity: "thousands of troops", "150 of these troops"."""
    holder = force.head.head if force.head.dep_ == "prep" and force.head.lower_ == "of" else None
    if holder is not None and (holder.like_num or holder.lemma_.lower() in _QUANTITY_WORDS):
        return noun_phrase(holder, keep_of=True)
    return noun_phrase(force, keep_of=True)


_QUANTITY_WORDS = frozenset(
    "thousand thousands hundred hundreds dozen dozens some many most part rest".split()
)


def force_nationality(force: Token) -> str | None:
    """Who owns a force: "Rwandan soldiers" -> "Rwandan"; "U.S. troops" -> "U.S."; "Russia's forces" -> "Russia";
    "reinforcements from the Iraqi Army's Fourth Armored Division" -> "the Iraqi Army"; "USS Carney" -> "U.S."."""
    prefix = ship_prefix(force)
    if prefix is not None:
        return SHIP_OWNERS.get(prefix)
    for c in force.children:
        owner = _owner_named_by(c) if c.dep_ in ("amod", "compound", "poss", "nmod") else None
        if owner is not None:
            return owner
    for described in _appositives(force):
        # "4th Battalion, 118th Infantry Regiment, a U.S. combined arms battalion": the description names it
        owner = next((o for c in described.children if (o := _owner_named_by(c)) is not None), None)
        if owner is not None:
            return owner
    for origin in prep_objects(force, "from", "of"):
        if origin.pos_ == "NOUN" and origin.dep_ == "pobj" and origin.head.lower_ == "of" and is_force(origin):
            return force_nationality(origin)  # "a force of 5,000 Kenyan soldiers": the soldiers' owner
        if is_force(origin) or origin.ent_type_ in ("ORG", "NORP"):
            owner = next((c for c in origin.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
            return actor_phrase(owner) if owner is not None else actor_phrase(origin)
        if origin.head.lower_ == "of":
            # "46,000 troops of all the British services": the services' nation
            owner = next((c for c in origin.children if c.dep_ == "amod" and c.ent_type_ in ("NORP", "GPE")), None)
            if owner is not None:
                return owner.text
    if force.pos_ == "PROPN" and is_armed_group(name_span(force)):
        return name_span(force)  # "the SDF had withdrawn from the city": a group moves its own fighters
    return None


def _owner_named_by(mod: Token) -> str | None:
    """The owner a modifier of a force names: "Rwandan" soldiers, "Russia's" forces. A number, a date or a
    word of the unit's own name names none ("the 3rd Brigade", "On 4 April Russian troops", "the 1st
    Armoured Division"), unless a state sits inside it: "the U.S. Army National Guard's 30th brigade" ->
    "U.S."."""
    if mod.like_num or mod.ent_type_ in ("ORDINAL", "CARDINAL", "DATE", "TIME"):
        return None
    if not (mod.ent_type_ in ("NORP", "GPE", "ORG") or mod.pos_ == "PROPN"):
        return None
    if (ship := ship_prefix(mod)) is not None:
        return SHIP_OWNERS.get(ship)  # "the USS Eisenhower aircraft carrier": the U.S.'s
    if mod.lower_ in lx.UNIT_NAME_WORDS and mod.ent_type_ not in ("NORP", "GPE"):
        state = next((w for w in mod.subtree if w.i < mod.i and _names_state(w)), None)
        if state is None:
            return name_span(mod) if is_armed_group(name_span(mod)) else None  # "the Wagner Group's"
        return name_span(mod) if mod.dep_ != "poss" else state.text
    return name_span(mod) if mod.dep_ != "poss" else mod.text


def _names_state(word: Token) -> bool:
    """ "U.S." or "Iraqi" inside a unit's name, which the NER often tags as part of one organisation."""
    return word.ent_type_ in ("GPE", "NORP") or (word.pos_ in ("PROPN", "ADJ") and _is_country(word.text))


def _appositives(force: Token) -> list[Token]:
    """Force phrases that describe `force` or a unit listed with it, set off by commas."""
    return [c for f in with_conjuncts(force) for c in f.children if c.dep_ == "appos" and is_force(c)]

"""Deployments: the dependency patterns that say forces were sent, arrived, stationed or withdrawn."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Token

from service.detect import lexicon as lx
from service.detect.actors import MEMBERSHIPS, MISSIONS, is_armed_group
from service.detect.destinations import (
    GOAL_PREPS,
    departure_for_elsewhere,
    named_in_sentence,
    onward_stops,
    route_ends,
    without_dates,
    without_locators,
    without_presence,
)
from service.detect.forces import (
    CARRY_VERBS,
    counts_kit,
    counts_people,
    force_nationality,
    force_size,
    goal_preps,
)
from service.detect.phrases import (
    BEARINGS,
    MOVE_PARTICLES,
    OPEN_WATER,
    child,
    children,
    clause_followed,
    country_named,
    followed_by,
    goes_on,
    handed_object,
    is_country,
    is_envoy,
    is_force,
    is_placeish,
    is_where_clause,
    left_in_a_state,
    name_span,
    named_warship,
    names_a_country,
    noun_phrase,
    places_joined_to_a_date,
    prep_objects,
    scheduled,
    ship_prefix,
    with_conjuncts,
)
from service.detect.places import (
    DEST_PREPS,
    GROUND_LOCATING_PREPS,
    PlaceRef,
    dest_refs,
    ground_locators,
    left_without_a_fight,
    located_by_verb,
    place_objects,
    places_from,
    pronoun_place,
    repeated_departures,
    sited_at,
    unnamed_ground,
)
from service.detect.roles import (
    NAVAL_NOUNS,
    actor_of,
    agent,
    avoids_capture,
    fighting_in,
    for_drills,
    force_of,
    is_armed,
    is_passive,
    is_state,
    is_warship,
    keeps_no_ground,
    keeps_the_peace,
    left_by_another,
    moving_in,
    owned_by_state,
    peaceful_entry,
    peacekeepers_rolling_in,
    sent_in,
    sent_to_help,
    subject_of,
    verbless,
)
from service.detect.senders import (
    accused_of,
    irregulars,
    self_described,
    sender,
    speaking_side,
    tells_of_own_force,
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
    listed = followed_by(t)
    if t.lemma_.lower() == "follow" and t.pos_ == "VERB" and not listed:
        return _more_to_follow(t)
    if listed:
        # "handed over the al-Qaim base on 19 March, followed by Qayyarah Airfield West": the same pull-out again
        prior = clause_followed(t)
        return [
            DeployFrame(t, f.force_head, dest_refs(listed), actor=f.actor, withdraw=f.withdraw)
            for f in (deploy_frames(prior) if prior is not None else [])[:1]
        ]
    if _went_on_to(t):
        return []  # "its troops went on to occupy the air base": what they did next, not a journey
    if _where_they_had_been(t):
        return []  # "the Russian troops that had been deployed around Kyiv had pulled back": where they were
    if _gave_up_arms(t):
        return []  # "soldiers crossed into Uganda and handed over their weapons": men fleeing, not a force sent
    if _how_they_left(t):
        return []  # "The last French troops left Mali, flying out of Gao's airport": how they left
    if _what_the_move_bolsters(t):
        return []  # "will send 3,000 more soldiers to Kuwait, bolstering U.S. forces in the Middle East"
    if t.lemma_.lower() in ("sail", "steam") and not (
        any(c.dep_ == "prep" and c.lower_ in GOAL_PREPS for c in t.children)
        or place_objects(t, "for")
        or onward_places(t)  # "sailed from Toulon on Monday bound for the eastern Mediterranean"
        or _purpose_objects(t)  # "would sail from Portsmouth to join a NATO task group in the Black Sea"
    ):
        # "the frigate Hessen, which sailed from Wilhelmshaven this month": where its journey began; but "sailed
        # from Portsmouth for the South Atlantic" says where it went
        return []
    frames = [
        f
        for frame in _frames(t)
        for f in _one_per_destined_force(frame)
        if (f.force_head is None or _moves_a_force(t, f.force_head))
        and not _takes_ground(t, f)
        and not _policing_crowds(f.force_head)
    ]
    if not frames or _among_options(t):
        return []
    if t.lemma_.lower() in _SHIFT_VERBS and not any(f.destinations for f in frames):
        return []  # "the group had merely repositioned its forces": moved, to nowhere the text names
    shares = [c for c in t.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "NUM") and not is_force(c)]
    # "withdraw about 2,000 troops from Afghanistan and some 500 from Iraq": the share is joined to the place
    shares += [
        c
        for p in t.children
        if p.dep_ == "prep" and p.lower_ in ("from", *DEST_PREPS)
        for o in p.children
        if o.dep_ == "pobj"
        for c in o.children
        if c.dep_ == "conj" and c.like_num and place_objects(c, "from", *DEST_PREPS)
    ]
    # "half would be based in Hasakah and half at al-Tanf": the verb is left out of the second share
    gapped = [w for c in shares if not c.like_num for w in place_objects(c, *DEST_PREPS)]
    # "1,500 troops to Belarus and 2,000 to Kaliningrad": a counted share is a movement of its own
    counted = [(c, places) for c in shares if c.like_num and (places := _share_places(t, c))]
    onward = [r for w in onward_stops(t) for r in places_from(w)[0]]
    mover = subject_of(t)
    speaker = speaking_side(t)
    accused = accused_of(t)
    for frame in frames:
        frame.actor = _sender_of(frame, accused, speaker)
        frame.destinations = named_in_sentence(without_locators(without_dates(frame.destinations)))
        # "to Crete and the frigate Lafayette to the region": a force listed after the goal goes on its own
        frame.destinations = [r for r in frame.destinations if r.head is None or not named_warship(r.head)]
        frame.destinations = without_presence(frame.destinations) or frame.destinations
        frame.destinations = [g for r in frame.destinations for g in _named_for_ground(r)]
        frame.destinations = _one_group(frame.destinations)
        # "Peacekeepers left the camp at Ber": the site with its town
        frame.destinations = [
            g for r in frame.destinations for g in (sited_at(t, r.head, [r]) if r.head is not None else [r])
        ]
        if gapped and not frame.withdraw:
            frame.destinations += dest_refs(gapped)
        left = [r for r in frame.destinations if r.head is not None and r.head.dep_ == "dobj"]
        if frame.withdraw and left:
            # "left Tessalit on Saturday and Aguelhok on Monday": the parser joins the second place to the date
            told = {r.text for r in frame.destinations}
            frame.destinations += [r for r in dest_refs(places_joined_to_a_date(t)) if r.text not in told]
        if not frame.destinations and not frame.withdraw and frame.force_head is not None:
            frame.destinations = dest_refs(_goal_hung_on_the_force_list(t, frame.force_head))
        if onward and not frame.withdraw:
            frame.destinations = route_ends(t, frame.destinations, onward)
        if mover is not None and mover.lemma_.lower() == "half" and frame.force_head != mover:
            frame.share = 0.5
    frames = _per_sender(t, frames)
    if counted:
        theirs = {w.i for _, places in counted for w in places}
        for frame in frames:
            frame.destinations = [r for r in frame.destinations if r.head is None or r.head.i not in theirs]
        first = frames[0]
        owner = first.actor or (force_nationality(first.force_head) if first.force_head is not None else None)
        frames += [DeployFrame(t, c, dest_refs(places), owner, first.withdraw) for c, places in counted]
    return frames


def _per_sender(t: Token, frames: list[DeployFrame]) -> list[DeployFrame]:
    """ "Saudi Arabia and Sudan each sent a battalion to Lebanon": a movement per state; "..., and the United Arab
    Emirates a smaller detachment": the verb left out, another state's movement to the same place."""
    if not frames or frames[0].withdraw:
        return frames
    first = frames[0]
    subj = child(t, "nsubj")
    states = with_conjuncts(subj) if subj is not None else []
    if (
        len(states) > 1
        and all(is_country(name_span(s)) for s in states)
        and any(c.lower_ == "each" for c in subj.children)
    ):
        frames = [
            DeployFrame(t, f.force_head, f.destinations, name_span(s), f.withdraw)
            for f in frames
            for s in states
        ]
    gapped = [
        (c, o)
        for c in t.children
        if c.dep_ == "conj" and c.pos_ == "PROPN" and is_country(name_span(c))
        for o in t.children
        if o.dep_ == "dobj" and o.i > c.i and is_force(o)
    ]
    return frames + [
        DeployFrame(t, force, first.destinations, name_span(state), False) for state, force in gapped
    ]


_ARMS = frozenset("weapon weapons arm arms rifle rifles gun guns".split())


def _gave_up_arms(t: Token) -> bool:
    """A crossing joined to the movers giving up their arms: "crossed into Uganda overnight and handed over their
    weapons", "crossed the border and surrendered to Chadian troops"."""
    for v in t.conjuncts:
        lemma = v.lemma_.lower()
        if lemma in ("surrender", "disarm"):
            return True
        if lemma in ("hand", "give", "lay") and any(o.lemma_.lower() in _ARMS for o in children(v, "dobj")):
            return True
    return False


def _goal_hung_on_the_force_list(t: Token, force: Token) -> list[Token]:
    """ "deploying a contingent of the Rwanda Defence Force (RDF) and the Rwanda National Police (RNP) to Cabo
    Delgado Province", "moved T-90 tanks and BMP-2 infantry fighting vehicles into eastern Ladakh": the parser
    joins the list's last force to the verb and hangs the goal on it."""
    doc = t.doc
    end = force.right_edge.i
    if end + 2 >= len(doc) or doc[end + 1].lower_ != "and":
        return []
    verbs = [t, t.head] if t.dep_ == "xcomp" else [t]  # "will begin deploying"
    listed = [
        c
        for v in verbs
        for c in v.children
        if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN") and c.left_edge.i == end + 2
    ]
    return [o for c in listed for o in place_objects(c, "to", "into")][:1]


def _share_places(t: Token, share: Token) -> list[Token]:
    """The places of a counted share: on the number ("and 2,000 to Kaliningrad"), or the goal the parser hung
    on the verb right after it ("1,000 soldiers to Poland and 500 to Romania")."""
    own = place_objects(share, *DEST_PREPS) or place_objects(share, "from")
    if own:
        return own
    nxt = next((c for c in t.children if c.i > share.i), None)
    if nxt is None or nxt.dep_ != "prep" or nxt.lower_ not in GOAL_PREPS:
        return []
    return [o for o in nxt.children if o.dep_ == "pobj" and is_placeish(o)]


def _place_left(obj: Token | None, lemma: str) -> bool:
    """ "evacuated the city", "evacuated Tessalit and Aguelhok" (names the tagger took for people)."""
    if obj is None or is_force(obj):
        return False
    return is_placeish(obj) or (obj.pos_ == "PROPN" and lemma in ("evacuate", "abandon", "vacate"))


def _out_of(t: Token) -> list[Token]:
    """ "pulled its troops out of the town": the parser hangs "of" on the particle."""
    return [o for p in t.children if p.lower_ == "out" for o in prep_objects(p, "of")]


def _what_was_left(t: Token) -> list[Token]:
    """ "withdrew from X", "pulled out of X": what a pull-out names as left."""
    return prep_objects(t, "from", "of") + _out_of(t)


def _ground_left(t: Token) -> bool:
    """ "withdrew from areas of Bakhmut", "will pull out of Niger": a state leaves ground, not "the EU", "the
    Paris climate agreement" or "the grain deal"."""
    left = _what_was_left(t)
    return any(
        is_placeish(o)
        and name_span(o) not in MEMBERSHIPS
        and not any(w.lemma_.lower() in lx.AGREEMENT_WORDS | _PACTS for w in o.subtree)
        for o in left
    )


_PACTS = frozenset("treaty pact convention talks programme program scheme".split())


def _more_to_follow(t: Token) -> list[DeployFrame]:
    """ "About 100 Russian military personnel have arrived ... another 200 soldiers would follow soon": more of
    the force, going where the story's forces went (the pipeline fills in the place)."""
    if child(t, "dobj") is not None or agent(t) is not None or t.tag_ == "VBN":
        return []
    sender = subject_of(t)
    brought = next((o for o in prep_objects(t, "with") if _is_mover(_mover(o))), None)
    a_state = sender is not None and (is_state(sender) or sender.ent_type_ in ("GPE", "NORP"))
    if brought is not None and sender is not None and a_state:
        # "France landed 400 paratroopers at the port of Beirut, the United States followed with 800 Marines":
        # a state's force going where the one before it went
        return [DeployFrame(t, _mover(brought), [], actor=actor_of(sender))]
    force = _mover(sender)
    if force is None or not is_force(force):
        return []
    more = any(w.lower_ in ("another", "more", "additional", "further") for w in force.subtree)
    return [DeployFrame(t, force, [])] if more else []


def _sends_as_a_state(tok: Token | None) -> bool:
    """A state, or a mission or coalition that withdraws as one ("MINUSMA evacuated Tessalit and Aguelhok",
    "the U.S.-led coalition pulled out of the K1 base")."""
    return is_state(tok) or _of_a_mission(tok) or (tok is not None and tok.lemma_.lower() == "coalition")


def _of_a_mission(tok: Token | None) -> bool:
    """ "MINUSMA", "MINUSMA troops", "the last MINUSMA contingent"."""
    return tok is not None and (tok.text in MISSIONS or any(c.text in MISSIONS for c in tok.children))


def _one_group(refs: list[PlaceRef]) -> list[PlaceRef]:
    """ "moved into the vacated villages, including Kfar Kila and Odaisseh": one movement into the group, which
    the names only illustrate (GUIDELINES §5: one deployment per force movement)."""
    heads = [r.head for r in refs]
    if len(refs) < 2 or any(h is None for h in heads):
        return refs
    preps = {h.head if h.dep_ == "pobj" else h.head.head if h.dep_ == "conj" else None for h in heads}
    if len(preps) != 1:
        return refs
    prep = preps.pop()
    if prep is None or prep.lower_ != "including" or prep.head.tag_ != "NNS":
        return refs
    group = prep.head
    end = max(h.i for h in heads)
    return [PlaceRef(group.doc[group.left_edge.i : end + 1].text, group)]


def _went_on_to(t: Token) -> bool:
    return goes_on(t) and any(
        c.dep_ in ("xcomp", "advcl") and child(c, "aux") is not None for c in t.children
    )


def _named_for_ground(ref: PlaceRef) -> list[PlaceRef]:
    """ "pulled back from front-line positions in northern Syria": the place that locates the ground; "deployed
    to the front" stays as written."""
    if not unnamed_ground(ref.head):
        return [ref]
    return ground_locators(ref.head) or [ref]


def _sender_of(frame: DeployFrame, accused: str | None, speaker: str | None) -> str | None:
    """Who sent the force, when the frame's clause leaves it open: the accused of "accused Kigali of sending";
    the side that reports its own force's move ("Turkish officials said 150 soldiers had arrived"); fighters
    of no state named by their side ("Kurdish-led fighters pulled out")."""
    if accused is not None:
        return accused
    if frame.actor is None and speaker is not None and tells_of_own_force(frame.force_head):
        return speaker
    if frame.actor is None and self_described(frame.force_head):
        return actor_of(frame.force_head)
    return frame.actor


_SHIFT_VERBS = frozenset("reposition relocate shift".split())
_OPTION_NOUNS = frozenset("option options scenario scenarios proposal proposals idea ideas".split())


def _among_options(t: Token) -> bool:
    """ "is weighing options that include withdrawing 4,500 troops": one choice under study, not decided."""
    return any(a.lemma_.lower() in _OPTION_NOUNS and a.pos_ == "NOUN" for a in t.ancestors)


_ENTRY_VERBS = frozenset("move enter".split())
# "moved out", "flew out of Bastion", "Russian armoured columns rolled out of Gori"
_MOVING_OUT = frozenset("move sail head fly steam roll rumble".split())


def _poured_into_a_country(t: Token, lemma: str) -> bool:
    """ "Thousands of Ethiopian troops poured across the border into Somalia": forces sent into another state;
    fighters who "poured into Tripoli" advance on a town (territorial control)."""
    return lemma in ("pour", "roll", "rumble") and any(is_country(o.text) for o in _into_across(t))


def _into_across(t: Token) -> list[Token]:
    """ "poured across the border into Somalia", "rolled across a pontoon bridge ... into Bosnia"."""
    across = [o for w in prep_objects(t, "across") for o in _places_in_phrase(w, "into")]
    # "rumbled across a pontoon bridge on Sunday and into Bosnia": the parser joins "into" to the day
    joined = [
        o
        for p in t.children
        if p.dep_ == "prep"
        for c in p.conjuncts
        if c.lower_ == "into"
        for o in c.children
        if o.dep_ == "pobj"
    ]
    return place_objects(t, "into") or across or joined


def _takes_ground(t: Token, frame: DeployFrame) -> bool:
    """Forces moving into a town as an advance take ground (territorial control), they are not posted there:
    "troops moved into the city, which the rebels had abandoned", "troops entered the city hours after the
    enemy pulled out of it", "insurgents moved into the capital". Crossing into a country stays a movement."""
    if t.lemma_.lower() not in _ENTRY_VERBS or frame.withdraw or frame.force_head is None:
        return False
    if t.lemma_.lower() == "move" and not any(is_placeish(o) for o in prep_objects(t, "into", "in")):
        return False  # "In the days before the counter-offensive, the KRG moved 7,500 Peshmerga onto Mount Sinjar"
    if any(is_country(r.text) for r in frame.destinations):
        return False
    irregular_advance = irregulars(frame.force_head) and not _has_purpose(t)
    return irregular_advance or left_by_another(t, frame.force_head)


def _has_purpose(t: Token) -> bool:
    """ "moved into the town to reinforce the garrison": a clause of purpose makes the move a posting."""
    return any(
        c.dep_ in ("advcl", "xcomp") and any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children)
        for c in t.children
    )


def _vacated_places(t: Token, force: Token | None) -> list[Token]:
    """ "Israeli troops began pulling out of southern Lebanon ... as the Lebanese army moved in": forces moving
    in go where another side is pulling out of."""
    return [
        o
        for w in t.sent
        if w != t
        and w.pos_ == "VERB"
        and w.lemma_.lower() in lx.GIVE_UP_VERBS
        and (force is None or subject_of(w) is None or subject_of(w) not in force.subtree)
        for o in place_objects(w, "from")
    ]


def _one_per_destined_force(frame: DeployFrame) -> list[DeployFrame]:
    """ "would send a brigade of 3,000 troops to Romania, two squadrons of F-35 jets to Britain and two
    destroyers to Spain": each force of the list goes to its own place, a movement of its own."""
    force = frame.force_head
    if force is None or frame.withdraw:
        return [frame]
    items = [force, *_listed_forces(force)]
    goals = _goals_by_force(items, frame.trigger)
    if sum(1 for g in goals if g) < 2:
        return [frame]
    return [
        DeployFrame(frame.trigger, f, dest_refs(g), actor=frame.actor, share=frame.share)
        for f, g in zip(items, goals, strict=True)
        if g
    ]


def _listed_forces(force: Token) -> list[Token]:
    """Forces listed after the first: "a brigade ..., two squadrons ... and two destroyers" (the parser makes
    the second an apposition of the first and the third a conjunct of the second)."""
    out: list[Token] = []
    for c in force.children:
        if c.dep_ in ("appos", "conj") and is_force(c):
            out += [c, *(w for w in c.conjuncts if w.i > c.i and is_force(w))]
    if force.dep_ == "dobj":  # "sent 300 commandos to Afrin and 200 tanks to Manbij": the verb left out
        out += [c for c in force.head.children if c.dep_ == "conj" and c.pos_ == "NOUN" and is_force(c)]
        # "... troops to Romania, two squadrons to Britain": the parser may hang the next force on the place
        places = [o for p in force.head.children if p.lower_ in ("to", "into") for o in children(p, "pobj")]
        # "two Rafale jets to the Greek island of Crete and the frigate Lafayette to the region": or join it
        # to the place's name
        out += [
            c
            for o in places
            for w in (o, *(q for p in children(o, "prep") for q in children(p, "pobj")))
            for c in w.conjuncts
            if c.i > w.i and is_force(c)
        ]
        out += [
            w
            for o in places
            for c in children(o, "appos")
            if is_force(c)
            for w in (c, *c.conjuncts)
            if is_force(w) and w.i > o.i
        ]
    return sorted(set(out), key=lambda w: w.i)


def _goals_by_force(items: list[Token], verb: Token) -> list[list[Token]]:
    """The places of a list of forces, each "to" phrase going to the force named right before it: "a brigade
    of 3,000 troops to Romania, two squadrons to Britain and two destroyers to Spain" (the parser may hang
    "to Spain" on the squadrons)."""
    goals: list[list[Token]] = [[] for _ in items]
    on_verb = [p for p in verb.children if p.dep_ in ("prep", "dative") and p.lower_ in ("to", "into")]
    for p in sorted({*on_verb, *(p for f in items for p in goal_preps(f))}, key=lambda p: p.i):
        before = [n for n, f in enumerate(items) if f.i < p.i]
        if before:
            goals[before[-1]] += [o for o in p.children if o.dep_ == "pobj" and is_placeish(o)]
    return goals


_STAYS = ("in", "at", "near", "along")  # where forces bolstered are
_TOTALS = frozenset("number total level strength count".split())
_GROWTH_VERBS = frozenset("grow rise climb swell".split())


_PAST_YEARS = re.compile(
    r"\b(?:over|in|during) the (?:past|last) (?:\w+ )?(?:years|decades?)\b|\bin recent years\b|\bfor years\b", re.I
)


def _over_the_years(t: Token) -> bool:
    """ "over the past decade", "in recent years", "for years": growth told across years gone, not a movement;
    not "over the next two years", nor "for the first time in years"."""
    return any(
        _PAST_YEARS.search(" ".join(w.text for w in c.subtree))
        for c in t.children
        if c.dep_ == "prep" and c.lower_ in ("over", "in", "for", "during")
    )


def _grown_number_frames(t: Token, number: Token) -> list[DeployFrame]:
    """ "the number of French troops in Mali had grown to about 2,000": that many sent there."""
    counted = next((o for o in prep_objects(number, "of") if is_force(o)), None)
    if counted is None:
        return []
    places = place_objects(counted, "in") or place_objects(number, "in")
    total = next((o for o in prep_objects(t, "to") if o.like_num and force_size(o) is not None), None)
    owner = force_nationality(counted)
    if not places or total is None or owner is None:
        return []  # "the number of foreign fighters in Syria grew": no state sent them
    return [DeployFrame(t, total, dest_refs(places), actor=owner)]


def _frames(t: Token) -> list[DeployFrame]:
    lemma = t.lemma_.lower()
    if lemma == "due":
        return _due_frames(t)
    if lemma == "way":
        return _on_the_way_frames(t)
    if lemma == "out":
        return _set_to_be_out_frames(t)
    if t.pos_ == "NOUN":
        return _deploy_noun_frames(t, lemma)
    if t.pos_ not in ("VERB", "AUX") and t.tag_ not in ("VBN", "VBD", "VBG"):
        return []
    passive = is_passive(t)
    if lemma == "contribute" and t.dep_ == "acl" and t.tag_ == "VBG":
        return []  # "The 40 countries contributing troops to the force said": who they are, no movement
    if lemma == "regroup":
        drills = any(o.lemma_.lower() in _DRILLS for o in prep_objects(t, "for"))
        # "the rebels regrouped in the hills" (the parser may read a participle hung on the force),
        # "were being regrouped for joint exercises"
        if not passive or not any(c.dep_ == "auxpass" for c in t.children) or drills:
            return []
        lemma = "redeploy"  # "its troops in the Izium area were being regrouped to reinforce the front"
    if lemma == "wind":
        if not any(c.dep_ == "prt" and c.lower_ == "down" for c in t.children):
            return []
        lemma = "withdraw"  # "voted to wind down the peacekeeping force in southern Lebanon"
    if lemma == "cut":
        if not _cut_to_a_figure(t):
            return []  # "cut off the road", "cutting rebel forces in two": no force called home
        lemma = "reduce"  # "has cut the number of its troops in Yemen to 5,000": a force it moves is its object
    if lemma in lx.JOURNEY_VERBS and not passive and child(t, "dobj") is None and _came_in(t):
        lemma = "arrive"  # "Around 400 Ugandan soldiers flew in aboard transport planes"
    subj = _stranded_subject(t) or subject_of(t)
    # "add F-35, F-15 and A-10 squadrons to bases": the parser may split the object; the force is the one
    dobj = next((o for o in children(t, "dobj") if is_force(o)), None) or child(t, "dobj")
    if dobj is not None and lemma in lx.WITHDRAW_VERBS and not is_force(dobj):
        # "withdraw its ambassador and its 1,500 troops": the force may be listed after people who are none
        dobj = next((o for o in dobj.conjuncts if is_force(o)), dobj)
    if lemma in ("retreat", "abandon") and t.dep_ == "xcomp" and t.head.lemma_.lower() in _ORDER_VERBS:
        # "units were ordered to retreat from the city", "ordered his troops to abandon Kabul": an ordered
        # pull-out, a movement too (a rout that abandons a town moves no force by plan)
        lemma = "withdraw"
    withdraw = lemma in lx.WITHDRAW_VERBS
    if withdraw and dobj is not None and is_envoy(dobj):
        return []  # "withdrew Ambassador Smith from Niamey": a person called home
    if withdraw and departure_for_elsewhere(t):
        return []  # "headed for Cameroon, as soldiers left the capital": where the journey starts
    if withdraw and any(o.lemma_.lower() == "battlefield" for o in prep_objects(t, "from")):
        return []  # "the operations removed several ISIS leaders from the battlefield": killed or captured

    if _no_journey(t):
        return []  # "brings the Houthis closer to Marib", "heading home on leave", "move fighters freely between"
    if (
        lemma == "bring"
        and dobj is not None
        and (dobj.lemma_.lower() in _TOTALS or any(o.like_num for o in prep_objects(t, "to")))
    ):
        # "the deployment will bring the number of U.S. troops in Iraq to 3,550", "the buildup will bring the
        # American force in Afghanistan to about 100,000": a total, told again
        return []
    if (
        lemma == "bring"
        and dobj is not None
        and counts_kit(dobj)
        and subj is not None
        and is_force(subj)
        and not place_objects(t, *GOAL_PREPS)
    ):
        return []  # "The brigade brought 87 Abrams tanks": the kit of a movement told, not one of its own
    if lemma == "join":
        return _joining_frames(t, subj, dobj, passive)
    if lemma == "take":
        return _positions_taken_up(t, subj, dobj)
    if lemma == "call":
        return _call_in_frames(t, subj)
    if lemma == "hand":
        return _handover_frames(t, subj)
    if lemma == "set" and (
        any(c.dep_ == "prt" and c.lower_ in ("off", "out") for c in t.children)
        or (dobj is not None and dobj.lower_ == "sail")
    ):
        # "several landing ships had set off for the Mediterranean", "the frigate set sail from Wilhelmshaven for
        # the Red Sea": a journey to where they head
        force, goals = _mover(subj), place_objects(t, "for", "to", "toward", "towards") or onward_places(t)
        return [DeployFrame(t, force, dest_refs(goals))] if _is_mover(force) and goals else []
    if lemma in _FOUNDING_VERBS:
        return _new_base_frames(t, subj, dobj, passive)
    if lemma == "order":
        return _order_frames(t, subj, dobj, passive)

    if lemma == "assemble" and child(t, "dobj") is not None:
        return []  # "Lockheed Martin assembles F-35 fighters at its plant": a factory, not a gathering of forces
    if lemma in _GROWTH_VERBS and subj is not None and subj.lemma_.lower() in _TOTALS:
        return _grown_number_frames(t, subj)
    if lemma in lx.PRESENCE_VERBS:
        if lemma == "build" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in t.children):
            return []  # "Lockheed Martin builds F-35 jets in Fort Worth": made, not moved
        if _over_the_years(t):
            return []  # "has built up a naval presence there over the past decade": a presence
        # "its force in Mali would be increased to 2,500": the passive's subject is what grows
        objects = children(t, "dobj") + (children(t, "nsubjpass") if passive else [])
        # "raise the number of its soldiers in Lithuania to 5,000": the soldiers counted
        counted = [o for x in objects if x.lemma_.lower() in _TOTALS for o in prep_objects(x, "of")]
        objects += counted
        presence = next((o for o in objects if o.lemma_.lower() in lx.PRESENCE_NOUNS), None)
        raised_to = _raised_to(t, objects)
        if presence is None and raised_to is not None:
            # "France will boost its military force in Mali to 2,500 troops": the force, counted as it will be
            dests = [d for o in objects for d in place_objects(o, "in")] or place_objects(t, "in")
            if counted and not dests:
                return []  # "raise the number of troops on high readiness to 300,000": a count, no place
            # "the French force in Mali will be increased": the force's owner, else the sentence's sender
            actor = (force_nationality(subj) if subj is not None else None) if passive else actor_of(subj)
            return [DeployFrame(t, raised_to, dest_refs(dests), actor=actor)]
        bolstered = next((o for o in objects if is_force(o)), None)
        if presence is None and bolstered is not None:
            # "steps to augment F-35 squadrons in the region", "bolstered its forces in the east": more forces sent
            # "is building up forces near the border"
            dests = place_objects(bolstered, *_STAYS) or place_objects(t, *_STAYS)
            return [DeployFrame(t, bolstered, dest_refs(dests), actor=actor_of(subj))] if dests else []
        if presence is None:
            return []
        # "bolstered its troop presence" (the parser may make "troops" a second object)
        # "increase its military presence in Germany by about 500 personnel": the force is the increment
        force = next((o for o in prep_objects(t, "by") if is_force(o)), None)
        force = force or next((c for o in objects for c in o.subtree if is_force(c)), None)
        if any(c.lower_ in ("diplomatic", "economic", "commercial", "consular") for c in presence.children):
            return []  # "will increase its diplomatic presence in Kyiv by 30 personnel"
        military = any(c.lower_ in ("military", "naval") for c in presence.children)
        if force is None and lemma == "build" and military:
            # "built up a military presence at the airport": forces, not counted or named, where none were;
            # "has expanded its military presence in Africa over the past decade" tells no movement
            force = presence
        if force is None:
            return []
        dobj = presence
        dests = prep_objects(dobj, *DEST_PREPS) or prep_objects(t, *DEST_PREPS)
        return [DeployFrame(t, force, dest_refs(dests), actor=actor_of(subj))]

    if lemma == "pass":
        # "the carrier strike group, which passed through the Suez Canal into the Red Sea": a warship's way
        naval = subj is not None and (
            is_warship(subj)
            or any(w.lemma_.lower() in NAVAL_NOUNS for w in subj.lefts if w.dep_ == "compound")
        )
        goals = place_objects(t, "into")
        return [DeployFrame(t, subj, dest_refs(goals))] if naval and goals else []
    outs = [c for c in t.children if c.dep_ in ("prt", "prep", "advmod") and c.lower_ == "out"]
    if lemma in lx.INTO_VERBS and lemma not in lx.DEPLOY_VERBS and not passive and not outs:
        # "Russian peacekeepers rolled into Nagorno-Karabakh": a mission posted where it goes
        force = _mover(subj)
        goals = place_objects(t, "into")
        # "American tanks rolled across a pontoon bridge into Bosnia": a state's force entering a country,
        # "rolled across the border from Iraq into Kuwait" is the way out of the country left
        crossing = _poured_into_a_country(t, lemma) and lemma != "pour" and not place_objects(t, "from")
        if crossing and _is_mover(force) and not irregulars(force):
            return [DeployFrame(t, force, dest_refs(_into_across(t)))]
        return (
            [DeployFrame(t, force, dest_refs(goals))] if peacekeepers_rolling_in(t, force) and goals else []
        )
    if lemma == "lead":
        # "Girkin led a column of several hundred fighters out of Sloviansk": the column leaves the town
        force = _mover(dobj)
        # "..., with tanks and armoured vehicles, out of Sloviansk": the parser may hang "out" on the kit
        outs = [p for p in t.children if p.lower_ == "out"] or [
            p for w in prep_objects(t, "with") for p in w.subtree if p.lower_ == "out" and p.dep_ == "prep"
        ]
        origins = [o for p in outs for o in place_objects(p, "of") if o.pos_ == "PROPN"]  # not "the barracks"
        if passive or force is None or not _is_mover(force) or not origins:
            return []
        return [DeployFrame(t, force, dest_refs(origins), actor=actor_of(subj), withdraw=True)]
    if lemma in ("leave", "depart"):
        return _departure_frames(t, subj, dobj, passive)
    if lemma == "drive" and dobj is None and not passive:
        # "Lead elements of the British 4th Armoured Brigade drove on to Pristina": a state's column on the road;
        # a side that "drove into" a town takes part of it (control)
        force = _mover(subj)
        goals = place_objects(t, "to")
        state_owned = force is not None and any(
            w.ent_type_ in ("NORP", "GPE") and is_country(w.text) for w in force.subtree
        )
        return [DeployFrame(t, force, dest_refs(goals))] if goals and state_owned else []
    if lemma in _MOVING_OUT and outs and not passive and not _on_a_sortie(t):
        # "warships that had been docked in Tartus have moved out": a departure from where they were posted; "the
        # last British troops flew out of Bastion": from the place named
        force = _mover(subj)
        origins = (
            place_objects(t, "of", "from")
            or [o for c in outs for o in place_objects(c, "of")]
            or (_posted_at(force) if force is not None else [])
        )
        if force is not None and _is_mover(force) and origins and not place_objects(t, "to", "into"):
            return [DeployFrame(t, force, dest_refs(origins), withdraw=True)]
    if _homeward(t):
        return _homecoming_frames(t, subj, dobj)
    if lemma == "reinforce" and (reinforced := _reinforced_place_frames(t, subj, dobj, passive)):
        return reinforced
    if lemma in lx.REPLACE_VERBS:
        return _replacement_frames(t, subj, dobj, passive)

    if (lemma in lx.DEPLOY_VERBS or lemma in lx.ARRIVE_VERBS) and (
        _details_a_movement(t) or _alternative_after_departure(t) or _last_leg_of_a_withdrawal(t)
    ):
        return []  # "completed the withdrawal of its forces from Kherson, moving 30,000 troops": one movement
    if lemma in lx.DEPLOY_VERBS or lemma in lx.WITHDRAW_VERBS:
        site = _evacuated_site(t, lemma, subj) if passive else None
        if site is not None:
            actor = actor_of(_mover_agent(t)) or force_nationality(site)  # "the Russian naval base": Russia's
            return [DeployFrame(t, None, dest_refs([site]), actor=actor, withdraw=True)]
        if passive:
            ordered = subj is not None and subj.dep_ == "dobj" and t.dep_ == "xcomp" and subj.head == t.head
            force, actor = (
                # "ordered troops to be redeployed to the capital": the troops ordered are the ones moved
                subj
                if subj is not None and (subj.dep_ == "nsubjpass" or ordered or _own_subject(t, subj))
                else None,
                actor_of(_mover_agent(t)) or (actor_of(subject_of(t.head)) if ordered else None),
            )
            if force is None and t.dep_ in ("acl", "relcl"):
                force = _outer_force(t.head)  # "750 soldiers from the same brigade who were rushed to Kuwait"
            force = _mover(force)
        else:
            if (
                dobj is not None
                and dobj.lower_ == "them"
                and t.dep_ == "conj"
                and t.head.lemma_.lower() in lx.DEPLOY_VERBS | lx.WITHDRAW_VERBS
            ):
                # "will pull about 3,600 soldiers out of South Korea and send them to Iraq": the same soldiers
                dobj = next((o for o in children(t.head, "dobj") if is_force(o)), dobj)
            if dobj is None:
                dobj = _counted_up_to(t)  # "will station up to 2,500 Marines in Darwin"
            if dobj is not None and dobj.tag_ in ("WDT", "WP") and t.dep_ == "relcl":
                dobj = t.head  # "the 3rd Assault Brigade, which Kyiv rushed to Avdiivka": the brigade
            force, actor = _mover(dobj), sender(subj)
            object_is_place = _place_left(dobj, t.lemma_.lower())
            if withdraw and object_is_place:
                force = None  # "forced the Germans to evacuate Naples": the place left is no force
            if (
                (dobj is None or (withdraw and object_is_place))
                and subj is not None
                and (withdraw or lemma in _INTRANSITIVE_MOVES or _poured_into_a_country(t, lemma))
            ):
                if _is_mover(_mover(subj)):
                    # "U.S. troops withdrew", "the Marines deployed to Erbil"; "ordered troops to withdraw"
                    force, actor = _outer_force(_mover(subj)), _orderer(t)
                elif withdraw and _sends_as_a_state(subj) and (_ground_left(t) or object_is_place):
                    # "Ukraine withdrew from areas of Bakhmut", "France will pull out of Niger"
                    force, actor = subj, actor_of(subj)
        # "Kenya will send 600 more officers": a state's police sent somewhere (at home, no deployment)
        sent_police = force is not None and is_police(force) and is_state(subj)
        if force is None or not (_is_mover(force) or (withdraw and _sends_as_a_state(force)) or sent_police):
            return []
        if _police_putting_out_kit(subj, force):
            return []  # "Haitian police deployed armored vehicles along the road": police at work, no force
        used_against = prep_objects(t, "against") or (
            prep_objects(dobj, "against") if dobj is not None else []
        )
        if not withdraw and used_against and not prep_objects(t, "to", "into"):
            return []  # "deploying anti-ship missiles against the fleet": forces in action, not moved
        preps = ("from", "out") if withdraw else DEST_PREPS + (("through",) if lemma == "rotate" else ())
        dests = place_objects(t, *preps) or (
            []
            if withdraw
            else _sent_back_to(t) or _offshore(t) or _goal_past_a_route(t) or _goal_past_a_carrier(t)
        )
        if not dests and not withdraw:
            # "P-8I aircraft have also been deployed over the Arabian Sea": the sea they patrol
            dests = [o for o in prep_objects(t, "over") if OPEN_WATER.search(name_span(o))]
        goals = place_objects(t, *(p for p in preps if p != "in"))
        # "Russia has moved more troops in Crimea" did put them there
        if not withdraw and lemma == "move" and dests and not goals and child(t, "dobj") is None:
            return []  # "units filmed moving by rail in the south of the country": where they moved, no goal
        moved_out = [o for o in _out_of(t) if is_placeish(o)]
        if not withdraw and moved_out and lemma in _MOVE_OUT_VERBS and not place_objects(t, "to", "into"):
            dests, withdraw = moved_out, True  # "has begun moving Patriot batteries out of Saudi Arabia"
        if not dests and not withdraw and _where_clause_of_place(t):
            dests = [
                t.head
            ]  # "rebuilt around Niger, where some of the troops leaving Mali will be redeployed"
        if not withdraw and not dests and lemma in lx.REPOSITION_VERBS | lx.JOURNEY_VERBS:
            # "moved its troops off Snake Island", "were airlifted off the island": the place they left
            dests = place_objects(t, "off")
            withdraw = bool(dests)
        if not withdraw and not dests and _shifted_from_posting(t, lemma, force):
            # "its troops in the Balakliia and Izium areas were being regrouped to reinforce the front": they left
            dests, withdraw = place_objects(force, "in", "at") or _posted_at(force), True
        # "its units had redeployed outside Hama": they left it
        moved_outside = (
            not withdraw and not dests and lemma in _REPOSITION_VERBS and place_objects(t, "outside")
        )
        if moved_outside:
            dests, withdraw = place_objects(t, "outside"), True
        if (
            not withdraw
            and not dests
            and lemma in lx.REPOSITION_VERBS
            and t.dep_ not in ("acl", "relcl", "amod")
            and not prep_objects(t, "to", "into", "toward", "towards")
        ):
            # "30,000 servicemen had been moved from the western bank of the river": where they went is untold;
            # that they left is the news
            dests = place_objects(t, "from")
            withdraw = bool(dests)
        if not withdraw and not dests and t.dep_ == "acl" and place_objects(t, "from"):
            return []  # "engaged by ISIL forces dispatched from Raqqa": forces named by where they came from
        if withdraw and not dests:
            dests = place_objects(t, "of") or left_without_a_fight(t)
        if withdraw and not dests and force is not None:
            # "evacuated its special operations forces, about 100 troops, from al-Anad Air Base": the place left
            # hangs on the appositive that counts the force
            dests = [o for a in force.children if a.dep_ == "appos" for o in place_objects(a, "from")]
        if withdraw and not dests:
            # "pulled out of positions around Hodeidah": the place that locates the ground left
            left = _what_was_left(t)
            dests = [o for g in left if unnamed_ground(g) for o in prep_objects(g, *GROUND_LOCATING_PREPS)]
        if withdraw and not dests:
            # "began pulling back troops from around Kyiv": the town the ground left surrounds (whose town is no
            # change of hands: control reads "from" alone)
            dests = [
                o
                for p in (t, *(c for c in t.children if c.lower_ in MOVE_PARTICLES))
                for f in p.children
                if f.dep_ == "prep" and f.lower_ == "from"
                for o in place_objects(f, "around", "near", "outside")
            ]
        if withdraw and dests:
            dests += [o for o in repeated_departures(t) if o not in dests]
        if withdraw and not dests and dobj is not None and dobj.dep_ == "conj":
            dests = place_objects(dobj, "from") or place_objects(
                dobj.head, "from"
            )  # "its envoy and troops from"
        if not dests and withdraw and _place_left(dobj, lemma):
            dests = [dobj, *(c for c in dobj.conjuncts if c.pos_ == "PROPN")]  # "evacuated the city"
        if not dests and withdraw:
            # "deployed in Khiam after Israeli forces pulled out of it": the place named before the pronoun
            left = [
                o
                for p in (t, *(c for c in t.children if c.lower_ == "out"))
                for o in prep_objects(p, "from", "of", "out")
                if o.lower_ in ("it", "them")
            ]
            dests = [w for w in (pronoun_place(o) for o in left) if w is not None]
        if not dests and withdraw and force is not None:
            dests = _posted_at(force)  # "Ethiopian troops who had been based there pulled out"
        if not dests and withdraw:
            dests = _taken_after_it(t)
        if not dests and not withdraw:
            # "sent commandos as military advisers to Syria", "sent as reinforcements to Kupiansk"
            for as_obj in prep_objects(t, "as") + ([] if dobj is None else prep_objects(dobj, "as")):
                dests = place_objects(as_obj, *DEST_PREPS)
                if dests:
                    break
        if not dests and not withdraw and dobj is not None:
            # "redeployed thousands of troops, including elite units ..., to Kherson Oblast"
            dests = _places_in_phrase(dobj, *DEST_PREPS)[:3]
        if not dests and not withdraw:
            # "sent 2,000 soldiers with armoured vehicles and helicopters into northern Cameroon": the parser
            # hangs the goal on the kit the force took along
            dests = [w for o in prep_objects(t, "with") for w in _places_in_phrase(o, "to", "into")][:3]
        if not dests and not withdraw:
            # "moved the USS Bataan, carrying 2,000 Marines, into the Red Sea": the parser hangs the place on
            # the carrying clause
            dests = [
                w
                for c in t.children
                if c.lemma_.lower() in CARRY_VERBS
                for w in place_objects(c, *GOAL_PREPS)
            ]
        if not dests and force is not None:
            # "reduce the number of American forces in the country", "withdraw its troops in Syria"
            # "fighters from Misrata were brought in": where a force comes from is no goal
            dests = place_objects(force, *(("in", "from") if withdraw else ("in",))) or (
                place_objects(force.head.head, "in") if force.head.lower_ == "of" else []
            )
        if not dests and withdraw and t.dep_ == "xcomp" and t.head.lemma_.lower() in _ORDER_VERBS:
            dests = place_objects(t.head, "in")  # "ordered the forces in Sinai to withdraw": "in" on "ordered"
        if not dests and lemma == "reduce" and force is not None and force.i < t.i + 6:
            # "would reduce its troops in the Sahel to about 2,500": the parser hangs the place on the verb
            dests = place_objects(t, "in")
        if not dests and not withdraw:
            dests = _purpose_objects(t)  # a pull-out "to help defend the country" leaves somewhere else
        if not dests and not withdraw:
            # "massed 25,000 fighters ... south of Hodeidah": the town that says where they were put
            dests = [
                o
                for c in t.children
                if c.dep_ == "advmod" and c.lower_ in lx.REGION_WORDS
                for o in place_objects(c, "of")
            ][:1]
        if not dests and not withdraw:
            # "sent about 150 soldiers, backed by 20 to 25 tanks, to a camp near Bashiqa": the parser hangs the
            # goal on the participle between the force and it
            dests = [
                o
                for c in t.children
                if c.dep_ == "advcl" and c.tag_ == "VBN"
                for o in place_objects(c, "to", "into")
            ]
        if not dests and not withdraw and moving_in(t):
            if prep_objects(t, "behind"):
                return []  # "moved in behind them": following the side that left takes ground, posts no one
            dests = _vacated_places(t, force)
            if not dests and force.lemma_.lower() in lx.IRREGULAR_NOUNS | {"rebel", "militant", "fighter"}:
                return []  # "The rebels moved in on Tuesday afternoon": an advance on a town, told by control
        if not dests and any(c.lower_ in ("there", "here") and c.dep_ == "advmod" for c in t.children):
            # "withdrew from the town of Khiam and Lebanese troops deployed there": the place named before it in
            # the sentence, else the place the story is at, filled in from context
            dests = next(
                (
                    [w]
                    for w in reversed(t.doc[t.sent.start : t.i])
                    if w.pos_ == "PROPN" and w.dep_ in ("pobj", "dobj") and is_placeish(w)
                ),
                [],
            )
        if not dests and not withdraw and t.dep_ == "conj":
            dests = _shared_goal(t)
        rotated_in = any(
            c.dep_ in ("prt", "advmod") and c.lower_ == "in" for c in t.children
        ) and place_objects(t, "at", "in")
        if lemma == "rotate" and (
            _habitual(t) or not (place_objects(t, "through", "to", "into") or rotated_in or withdraw)
        ):
            return []  # "intends to rotate its own units every six months": a routine, no place named
        if not dests and any(c.lower_ in ("abroad", "overseas") and c.dep_ == "advmod" for c in t.children):
            return []  # "approved sending troops abroad": a power granted, to no place
        if lemma in _NEEDS_PLACE and not _goal_named(dests):
            return []  # "added 5,000 troops to its army", "jets flew over the area": no place to go to
        if (
            not dests
            and not withdraw
            and lemma == "move"
            and prep_objects(t, "through", "along")
            # not "moving through Uganda on their way to Darfur"
            and not any(w.lower_ == "way" for w in t.subtree)
        ):
            return []  # "troops were moving through the ruins in small groups": fighting their way, not sent
        if _rejoins(t):
            return []  # "72 soldiers flew to Turkey and rejoined the rest of the contingent": a leg of a trip
        redeployed = bool(moved_outside) or lemma == "rotate"  # a rotation is planned, never a rout
        if not withdraw and _moved_elsewhere(t, dests):
            # "units were redeployed to other sectors": where they went is unnamed; that they left is news
            dests, withdraw = (
                place_objects(t, "from")
                # "moved its troops out of the Sangin district center to a new base a few kilometers away"
                or [o for o in _out_of(t) if is_placeish(o)]
                or place_objects(force, "in", "at")
                or _posted_at(force),
                True,
            )
            redeployed = lemma == "redeploy"  # planned by its very name, never a rout
        retreat = withdraw and not redeployed and not passive and subj is not None and _mover(subj) == force
        # a mission's pull-out is ordered, under fire or not; so is one from the positions around a town
        outside = withdraw and _left_positions_outside(t)
        if retreat and not _of_a_mission(force) and _retreat_in_battle(t, force, from_positions=outside):
            return []
        if not withdraw and len(dests) == 1 and dests[0].pos_ == "PROPN" and is_country(dests[0].text):
            dests = _site_named_for_the_task(t) or _posting_in_the_country(t, dests[0]) or dests
        return [DeployFrame(t, force, dest_refs(dests), actor=actor, withdraw=withdraw)]

    ashore = lemma in ("come", "wade", "wad") and any(c.lower_ == "ashore" for c in t.children)
    if lemma in ("wade", "wad") and not ashore:
        return []  # "waded through the river"; "880 Italian soldiers waded ashore near Tyre" landed
    if lemma in _HOMEWARD_ONLY and not ashore:
        # "troops returned fire", "came under attack": a move only when it goes home, or lands ("came ashore at")
        return []
    if _route_of_a_mover(t):
        return []  # "a column ... that crossed into the country from Cameroon reached Bouar": one journey
    if _on_the_way_home(t) or _out_through_a_neighbour(t):
        return []  # "crossing into Rwanda in a convoy of trucks on their way home": a leg of the trip home
    if _landed_to_seize(t):
        return []  # "paratroopers landed at Antonov Airport and seized the airfield": an assault, a capture
    # "a column of French armored vehicles ... reached the town of Bouar": a column reaches a place, takes none
    mover = _mover(subj)
    column = subj is not None and (
        subj.lemma_.lower() in ("column", "convoy")
        or sent_in(subj)
        or keeps_the_peace(subj)
        or for_drills(t)
        or _scheduled_arrival(t, subj)
        # "the destroyer USS Carney reached Port Sudan": a ship reaches a port, it takes no ground
        or (mover is not None and is_warship(mover))
    )
    if lemma in lx.ARRIVE_VERBS and (lemma not in ("reach", "enter") or (lemma == "reach" and column)):
        if lemma == "head" and prep_objects(t, "by"):
            return []  # "the army, headed by elite units, advanced": led, not moved ("are headed to X" move)
        landed = (
            dobj if dobj is not None and dobj.left_edge.i == t.i + 1 else None
        )  # not "..., the first troops"
        if lemma == "land" and _is_mover(_mover(landed)) and not passive:
            # "the United Arab Emirates landed an armoured force at Aden": the force it put ashore; the parser may
            # hang the place on the force ("landed some 25,000 troops in Somalia")
            landed_at = place_objects(t, *DEST_PREPS) or place_objects(landed, "in", "at", "on")
            return (
                [DeployFrame(t, _mover(landed), dest_refs(landed_at), actor=sender(subj))]
                if landed_at
                else []
            )
        if subj is None and t.dep_ == "acl":
            subj = t.head  # "new detachments arriving in Tartus"
        last = subj is not None and any(c.lower_ == "last" for c in subj.children)
        subj = _mover(subj)  # "150 of these troops were reported to have arrived"
        if not _is_mover(subj):
            return []
        left = place_objects(t, "from") if lemma == "cross" and last else []
        if left:
            # "The last convoy of American soldiers crossed from Iraq into Kuwait": the end of a pull-out
            return [DeployFrame(t, subj, dest_refs(left), withdraw=True)]
        # "heading for the town", "sailed from Portsmouth for the South Atlantic"
        preps = DEST_PREPS + ("for",) if lemma in ("head", "sail", "steam") else DEST_PREPS
        if lemma in ("go", "parachute"):
            # "would go to Poland"; "went on the offensive near X" goes nowhere; "parachuted onto Munsan-ni", but
            # "parachuted from helicopters near a building" is a raid
            preps = tuple(GOAL_PREPS)
        dests = place_objects(t, "into") if lemma == "cross" else place_objects(t, *preps)
        if not dests:
            # "crossed the Suez Canal on Thursday on their way to the Gulf of Aden"
            ways = [w for w in prep_objects(t, "on") if w.lemma_.lower() == "way"]
            dests = [o for w in ways for o in place_objects(w, "to")]
        if not dests and lemma in ("sail", "steam"):
            dests = onward_places(t)  # "sailed from Wilhelmshaven on Thursday, bound for the Red Sea"
        if _where_clause_of_place(t) and not place_objects(t, "in", "at", "to", "into"):
            # "Manbij, where reinforcements arrived on Friday along the front line": the place the clause is about
            dests = [t.head]
        if lemma == "reach" and dobj is not None and is_placeish(dobj):
            dests = [dobj]
        if lemma == "cross" and not dests:
            return []  # "crossed the river": a manoeuvre; "crossed the border into Kobani" is a movement
        over_border = dobj is not None and dobj.lemma_.lower() in ("border", "frontier")
        if (
            lemma == "cross"
            and not any(is_country(d.text) for d in dests)
            and fighting_in(t.sent)
            and not over_border
        ):
            # "crossed into Marib governorate and fought their way into Harib": an advance; but "crossed the northern
            # border into Tigray in support of the offensive" brings forces in from abroad
            return []
        way = child(t, "attr", "dobj")
        if not dests and way is not None and way.lower_ == "way":
            dests = prep_objects(way, "to")
        if not dests:
            dests = _goal_past_a_carrier(t)  # "were landed from destroyers at Taivu Point"
        if not dests:
            dests = _town_by_the_shore(t)  # "landed on beaches near the southern port of Tyre"
        if not dests:
            dests = _purpose_objects(t)  # "helicopters arrived to secure the airport"
        if not dests and _boarded(t):
            return []  # "fighters landed on the deck from a helicopter": a boarding, no place reached
        if not dests and _time_clause(t):
            return []  # "by the time Kurdish forces arrived, the town had fallen": a time, not a movement
        if not dests and lemma in ("travel", "go", "parachute"):
            return []  # "militants travelling in a convoy": on the road, going nowhere the text says
        return [DeployFrame(t, subj, dest_refs(dests))]
    if lemma == "enter" and dobj is not None:
        return _entry_frames(t, force_of(subj), dobj)
    return []


def _offshore(t: Token) -> list[Token]:
    """ "deployed helicopters aboard HMS Ocean off the Libyan coast": the waters off a coast ("moved its troops
    off Snake Island" is where they left)."""
    return [
        o for o in place_objects(t, "off") if o.lemma_.lower() in ("coast", "shore", "coastline", "waters")
    ]


def _shared_goal(t: Token) -> list[Token]:
    """ "Germany approved sending two batteries to Turkey, and the Netherlands has committed two more": the place
    the movement it is joined to goes to."""
    first = t.head
    movers = [first, *(c for c in first.children if c.dep_ in ("xcomp", "ccomp") and c.i < t.i)]
    for v in movers:
        if v.lemma_.lower() in lx.DEPLOY_VERBS:
            # "... off the Libyan coast, and France sent two more"
            goals = place_objects(v, *GOAL_PREPS) or _offshore(v)
            if goals:
                return goals
    return []


def _came_in(t: Token) -> bool:
    """ "flew in", "sailed in": the journey's end, where the story is."""
    return any(c.dep_ == "prt" and c.lower_ == "in" for c in t.children) and not any(
        c.dep_ == "prep" and c.lower_ in ("from", "to", "into") for c in t.children
    )


def _no_journey(t: Token) -> bool:
    """Words of motion that move no force to a place: an advance brought "closer to" a city, soldiers going
    home "on leave", fighters able to move "freely between" strongholds, fighters "moving toward" a town in
    battle."""
    if any(c.lower_ in ("closer", "close") for c in t.children) and not is_armed(subject_of(t)):
        return (
            True  # but "the U.S. ordered a carrier strike group to the Mediterranean, closer to Israel" moves
        )
    if any(o.lemma_.lower() == "leave" for o in prep_objects(t, "on")):
        return True
    if any(o.lemma_.lower() in ("action", "battle", "combat") for o in prep_objects(t, "into")):
        return (
            True  # "French troops and warplanes went into action in Mali": they fight, the move is told apart
        )
    if any(c.lower_ == "freely" for c in t.children) or (
        any(o.ent_type_ not in ("DATE", "TIME") for o in prep_objects(t, "between"))
        and not prep_objects(t, "to")
    ):
        return True
    advancing = t.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.lower_ in ("were", "was", "are", "is") for c in t.children
    )
    subj = subject_of(t)
    return (
        advancing
        and bool(prep_objects(t, "toward", "towards"))
        and subj is not None
        and subj.lemma_.lower() in lx.IRREGULAR_NOUNS
    )


def _on_the_way_frames(t: Token) -> list[DeployFrame]:
    """ "the destroyer HMS Duncan was on its way to the Gulf", "Rwandan troops are on their way to Darfur"."""
    if t.head.lower_ != "on" or t.head.head.lemma_.lower() != "be":
        return []
    force = _mover(subject_of(t.head.head))
    dests = place_objects(t, "to")
    if not _is_mover(force) or not dests:
        return []
    return [DeployFrame(t, force, dest_refs(dests))]


def _site_named_for_the_task(t: Token) -> list[Token]:
    """ "will send up to 450 personnel to Iraq to train government forces at al-Taqaddum military base": the base
    the purpose names is where in the country they go."""
    for c in t.children:
        if c.dep_ != "advcl" or not any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children):
            continue
        sites = [
            o
            for w in c.subtree
            if w.dep_ == "prep" and w.lower_ in ("at", "in")
            for o in w.children
            if o.dep_ == "pobj"
            and o.lemma_.lower() in lx.MILITARY_SITES
            and any(m.pos_ == "PROPN" for m in o.subtree)
        ]
        if sites:
            return sites[:1]
    return []


_WHERE_POSTED_VERBS = frozenset("station base deploy post position arrive land go".split())


def _posting_in_the_country(t: Token, country: Token) -> list[Token]:
    """ "will send troops to Poland, where they will be stationed in Rzeszow": the place in the country the
    sentence names for them."""
    for clause in country.children:
        if is_where_clause(clause) and clause.lemma_.lower() in _WHERE_POSTED_VERBS:
            named = [o for o in place_objects(clause, "in", "at") if any(w.pos_ == "PROPN" for w in o.subtree)]
            if named:
                return named[:1]
    return []


def _due_frames(t: Token) -> list[DeployFrame]:
    """ "About 300 paratroopers are due in Yavoriv later this month", "the frigate is due in the Red Sea within
    days": an arrival announced."""
    if t.dep_ != "acomp" or t.head.lemma_.lower() != "be":
        return []
    force = _mover(subject_of(t.head))
    dests = place_objects(t, "in", "at", "to")
    if not _is_mover(force) or not dests:
        return []
    return [DeployFrame(t, force, dest_refs(dests))]


def _set_to_be_out_frames(t: Token) -> list[DeployFrame]:
    """ "The remaining 2,500 U.S. troops will be out of Afghanistan by Sept. 11": a pull-out announced."""
    be = t.head
    if t.dep_ != "prep" or be.lemma_.lower() != "be":
        return []
    if not any(c.dep_ == "aux" and c.lower_ in lx.FUTURE_MODALS | {"must", "should"} for c in be.children):
        return []  # "the troops were out of the city", "are out of ammunition": where they were, no move told
    force = _mover(subject_of(be))
    places = place_objects(t, "of")
    if not _is_mover(force) or not places:
        return []
    return [DeployFrame(t, force, dest_refs(places), withdraw=True)]


def _route_of_a_mover(t: Token) -> bool:
    """A relative clause on the subject of a movement tells that movement's route, not a movement of its own."""
    if t.dep_ != "relcl":
        return False
    noun = t.head
    while noun.dep_ in ("pobj", "prep") and noun.head != noun:
        noun = noun.head
    verb = noun.head if noun.dep_ == "nsubj" else None
    return verb is not None and verb.lemma_.lower() in lx.ARRIVE_VERBS | lx.DEPLOY_VERBS


def _mover(tok: Token | None) -> Token | None:
    """The force a phrase moves: "thousands of troops" -> troops (roles.force_of), and also "all of its
    troops" -> troops, "the transport dock USS Mesa Verde" -> the warship, "the force ... is a squadron of
    1,000 soldiers" -> the squadron; a number standing for a force stays as it is ("roughly 500")."""
    force = force_of(tok)
    if force is not None and is_force(force):
        return _described_as(force) or force
    if force is not None and national_police(force):
        # "a first contingent of 400 Kenyan police officers": the officers, counted
        return next((o for o in prep_objects(force, "of") if national_police(o)), force)
    carried = [
        o
        for c in (force.children if force is not None else [])
        if c.dep_ == "acl" and c.lemma_.lower() in CARRY_VERBS
        for o in children(c, "dobj")
        if is_force(o)
    ]
    if carried:
        return carried[0]  # "the first trains carrying Russian troops have arrived": the troops move
    named = [c for c in children(force, "appos") if ship_prefix(c) is not None] if force is not None else []
    if named:
        return named[0]  # "the amphibious transport dock USS Mesa Verde": the warship by name
    if force is None or force.lower_ not in _WHOLE_WORDS:
        return force
    return next((o for o in prep_objects(force, "of") if is_force(o)), force)


def _cut_to_a_figure(t: Token) -> bool:
    """ "cut its troops in Iraq to 2,500", "cut the number of its soldiers by half": a force reduced by a figure."""
    if any(c.dep_ == "prt" for c in t.children):
        return False
    # the parser may hang the figure on a clause inside the object: "the number of its troops fighting in Yemen
    # to 5,000"
    return any(
        p.dep_ == "prep"
        and p.lower_ in ("to", "by", "from")
        and any(o.dep_ == "pobj" and _an_amount(o) for o in p.children)
        for p in t.subtree
    )


_SHARES = frozenset("half third quarter percent thousand hundred".split())


def _an_amount(tok: Token) -> bool:
    """ "2,500", "half", "a third": how much, in "cut to 2,500", "reduced by half"."""
    return tok.like_num or tok.lemma_.lower() in _SHARES


# "moving Patriot batteries out of Saudi Arabia", "the 2nd Battalion would rotate out of Mali"
_MOVE_OUT_VERBS = lx.REPOSITION_VERBS | lx.JOURNEY_VERBS | {"bring", "take", "rotate"}


def _outer_force(force: Token) -> Token:
    """ "about 750 soldiers from the same division who flew to Kuwait": the parser hangs the relative clause on
    the unit the soldiers come from; the soldiers moved."""
    origin = force.head if force.head.dep_ == "prep" and force.head.lower_ == "from" else None
    if origin is None:
        return force
    before = origin.nbor(-1) if origin.i > 0 else origin
    return next((w for w in (origin.head, before) if w.pos_ == "NOUN" and is_force(w)), force)


def _described_as(force: Token) -> Token | None:
    """ "The force moving to Romania is a Stryker squadron of about 1,000 soldiers": the squadron."""
    if force.dep_ != "nsubj" or force.head.lemma_.lower() != "be":
        return None
    return next((a for a in children(force.head, "attr") if is_force(a)), None)


_WHOLE_WORDS = frozenset("all each both bulk majority remainder".split())


def _is_mover(tok: Token | None) -> bool:
    """Does the phrase name armed forces that can be moved? Besides the force nouns: "military police" (armed
    forces, unlike the police of crowd control) and a bare number for a force ("some 300 from the Corps"); and
    "they", the subject, which the story decides (the pipeline keeps it only for an armed side told before)."""
    return tok is not None and (
        is_force(tok)
        or tok.lemma_.lower() == "garrison"
        # "its garrison had left Snake Island", "ordered the garrison to withdraw from Avdiivka"
        and (is_armed(tok) or (tok.dep_ == "dobj" and tok.head.lemma_.lower() in _ORDER_VERBS))
        or _military_police(tok)
        or _counted_force(tok)
        or national_police(tok)
        or pronoun_mover(tok)
    )


def pronoun_mover(tok: Token) -> bool:
    """ "They must leave the Aghdam district by Nov. 20": forces the sentence before named; not the speakers'
    "they" ("Residents say they left the town")."""
    if tok.lower_ != "they" or tok.dep_ not in ("nsubj", "nsubjpass"):
        return False
    clause = tok.head
    said = clause.dep_ == "ccomp" and clause.head.lemma_.lower() in lx.CLAIM_VERBS
    speaker = subject_of(clause.head) if said else None
    return speaker is None or is_armed(speaker)


def _police_putting_out_kit(subj: Token | None, force: Token) -> bool:
    """ "Haitian police deployed armored vehicles": police with their kit; not "police and soldiers deployed
    armored vehicles", nor "the Border Police deployed two companies"."""
    if subj is None or not is_police(subj) or any(is_armed(c) or is_force(c) for c in subj.conjuncts):
        return False
    return force.lemma_.lower() in _POLICE_KIT


_POLICE_KIT = frozenset("vehicle car truck cannon barricade barrier".split())
_POLICE_WORDS = frozenset("police policeman policemen officer officers".split())


def is_police(tok: Token) -> bool:
    """ "police", "policemen", "police officers": not "two officers" (of an army, of a bureau)."""
    lemma = tok.lemma_.lower()
    if lemma in ("police", "policeman", "policemen"):
        return True
    return lemma in _POLICE_WORDS and any(c.dep_ == "compound" and c.lower_ == "police" for c in tok.children)


def national_police(tok: Token) -> bool:
    """ "400 Kenyan police officers", "a contingent of Kenyan police": a state's police, which moves as a force
    when it is sent abroad on a mission (at home it keeps order, which is no deployment)."""
    for h in (tok, *prep_objects(tok, "of")):
        police = h.lemma_.lower() in _POLICE_WORDS or any(
            c.dep_ == "compound" and c.lower_ == "police" for c in h.children
        )
        mods = [c for c in h.children if c.dep_ in ("amod", "compound", "poss")]
        if police and not any(c.lower_ == "riot" for c in mods):
            # "400 Kenyan police officers", "400 police officers from Kenya"
            if any(
                c.ent_type_ in ("NORP", "GPE") and is_country(c.text)
                for c in (*mods, *prep_objects(h, "from"))
            ):
                return True
    return False


_ARMED_FOES = frozenset("gang militia militant rebel insurgent fighter mission".split())
_CROWD_WORDS = frozenset(
    "crowd crowds protest protests protester protesters demonstration demonstrations riot".split()
)


def _policing_crowds(force: Token | None) -> bool:
    """ "sent 500 police officers to help the authorities keep order on the streets": police for crowd control,
    not a force deployed (a police mission sent to fight gangs abroad is one)."""
    if force is None or not (is_police(force) or national_police(force)) or _military_police(force):
        return False
    if any(w.lemma_.lower() in _ARMED_FOES for w in force.sent):
        return False  # "to help the authorities keep order and fight gangs": a mission, not crowd control
    keeps_order = any(
        w.lower_ == "order" and w.dep_ == "dobj" and w.head.lemma_.lower() in ("keep", "maintain")
        for w in force.sent
    )
    return keeps_order or any(w.lower_ in _CROWD_WORDS for w in force.sent)


def _military_police(tok: Token) -> bool:
    """ "deployed military police to the city": soldiers, whatever the word police says."""
    return tok.lemma_.lower() == "police" and any(
        c.dep_ in ("amod", "compound") and c.lower_ == "military" for c in tok.children
    )


def _counted_force(tok: Token) -> bool:
    """ "2,000 troops will leave X and roughly 500 will come home", "some 300 from the Corps would deploy": a
    number that stands for a force, whose unit is named in its own phrase or earlier in the sentence."""
    if tok.pos_ != "NUM" or tok.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return False
    if any(is_force(o) for o in prep_objects(tok, "from", "of")):
        return True
    return any(is_force(w) and w.pos_ == "NOUN" for w in tok.doc[tok.sent.start : tok.i])


_HOMEWARD_ONLY = frozenset("come return".split())


_HOMEWARD_VERBS = frozenset("come go return bring move fly ship head".split())


def _shifted_from_posting(t: Token, lemma: str, force: Token | None) -> bool:
    """Forces where they were posted ("its troops in the Balakliia area"), shifted by a decision with no place of
    arrival named: "were redeployed to reinforce the front", "were being regrouped"."""
    if force is None or lemma not in _REPOSITION_VERBS or place_objects(t, *GOAL_PREPS):
        return False
    if any(o.lemma_.lower() in _DRILLS for o in prep_objects(t, "for")):
        return False  # "were being redeployed for drills": exercised where they are
    return bool(place_objects(force, "in", "at") or _posted_at(force))


_DRILLS = frozenset("exercise drill training manoeuvre maneuver".split())


def _where_clause_of_place(t: Token) -> bool:
    return is_where_clause(t) and is_placeish(t.head)


def _homeward(t: Token) -> bool:
    """ "will come home from Iraq", "bringing the troops home", "move its troops back": forces sent home or back
    from where they were are withdrawn; so are soldiers "stationed in Vilseck" who "will return to the United
    States"."""
    lemma = t.lemma_.lower()
    if lemma in ("send", "order"):
        # "the Marines from Helmand were sent home"; but forces "sent back to Iraq" go there again
        return any(c.lower_ == "home" and c.dep_ in ("advmod", "npadvmod") for c in t.children)
    if lemma not in _HOMEWARD_VERBS:
        return False
    if lemma == "return" and _returns_from_posting(t):
        return True
    if (
        lemma == "return"
        and t.dep_ not in ("relcl", "acl")  # "Soldiers who returned from Afghanistan said": who they are
        and not place_objects(t, "to")
        and any(o.pos_ == "PROPN" for o in place_objects(t, "from"))
    ):
        return True  # "The last Dutch soldiers returned from Uruzgan in August": back from where they served
    near = [
        *t.children,
        *(g for c in t.children if c.dep_ == "npadvmod" for g in c.children),
    ]  # "back east of"
    if any(o.lower_ == "home" for o in prep_objects(t, "for")):
        return True  # "headed for home"
    return any(c.lower_ in ("home", "back") and c.dep_ in ("advmod", "npadvmod", "prt", "dobj") for c in near)


def _returns_from_posting(t: Token) -> bool:
    """ "About 4,500 soldiers stationed in Vilseck will return to the United States": a force posted in one place
    going back to a country."""
    force = _mover(subject_of(t))
    if force is None or not _is_mover(force):
        return False
    back_to = [o for o in place_objects(t, "to") if is_country(name_span(o))]
    owner = force_nationality(force)
    if back_to and owner is not None and country_named(owner) != country_named(name_span(back_to[0])):
        return False  # "U.S. troops stationed in Kuwait returned to Iraq": a move on, not home
    # "The 2nd Cavalry Regiment, about 4,500 Soldiers stationed in Vilseck, ...": the appositive says where
    posted = [p for f in (force, *(c for c in force.children if c.dep_ == "appos")) for p in _posted_at(f)]
    return bool(back_to) and bool(posted) and all(name_span(p) != name_span(back_to[0]) for p in posted)


def _they_sent_before(t: Token) -> Token | None:
    """The force a "they" that comes home stands for: the one sent earlier in the sentence."""
    clause = t
    while clause.dep_ == "xcomp" and not children(clause, "nsubj"):
        clause = clause.head
    if not any(c.lower_ == "they" for c in children(clause, "nsubj")):
        return None
    sent = [
        w
        for w in t.doc[t.sent.start : t.i]
        if w.dep_ == "dobj" and w.head.lemma_.lower() in lx.DEPLOY_VERBS and _is_mover(_mover(w))
    ]
    return _mover(sent[-1]) if sent else None


def _homecoming_frames(t: Token, subj: Token | None, dobj: Token | None) -> list[DeployFrame]:
    """ "roughly 500 will come home from Iraq" -> a withdrawal from Iraq; "promised to bring the troops home" ->
    a withdrawal from where the story is; "moved back from the ridge" -> from the ridge, but "went back to
    their positions" names nothing left."""
    sent = _mover(dobj) if dobj is not None and dobj.lower_ != "home" else None
    force, actor = (sent, sender(subj)) if _is_mover(sent) else (_mover(subj), None)
    if not _is_mover(force):
        force = _they_sent_before(t)  # "would send 30,000 more troops ..., but said they would come home"
    if not _is_mover(force):
        return []
    homes = [c for c in t.children if c.lower_ == "home"]  # "come home from Iraq": "from" may hang on "home"
    origins = [o for w in (t, *homes) for o in place_objects(w, "from")]
    if not origins and force is not None:
        # "4,500 soldiers stationed in Vilseck will return home", "the regiment, 4,500 soldiers stationed in ..."
        origins = [
            p for f in (force, *(c for c in force.children if c.dep_ == "appos")) for p in _posted_at(f)
        ]
    if not origins and force is not None:
        # "flying home Georgia's 2,000-strong contingent in Iraq": where the force was posted
        origins = place_objects(force, "in") or place_objects(t, "in")
    if not origins and force is not None and t.lemma_.lower() == "send":
        # "The Marines from Helmand were sent home": where they served; soldiers "from Fort Bragg" who "came
        # home" may come home to it
        origins = place_objects(force, "from")
    if not origins:
        # "heading home to Fort Bragg after four months in Poland": where the tour was
        origins = [
            o
            for a in prep_objects(t, "after")
            if a.lemma_.lower() in _TOUR_NOUNS
            for o in place_objects(a, "in")
        ]
    sent_before = force is not None and force.dep_ == "dobj" and force.head.lemma_.lower() in lx.DEPLOY_VERBS
    if not origins and sent_before:
        origins = place_objects(force.head, "to", "into")  # "send 30,000 troops to Afghanistan ... come home"
        actor = actor or sender(subject_of(force.head))
    if not homes and not origins:
        return []
    if not origins and irregulars(force):
        return []  # "The gunmen have gone home to wait and see": fighters dispersing, no force withdrawn
    owner = child(force, "poss")
    if owner is not None and owner.pos_ == "PROPN":
        actor = actor_of(owner)  # "U.S. transport planes began flying home Georgia's contingent": Georgia's
    return [DeployFrame(t, force, dest_refs(origins), actor=actor, withdraw=True)]


_TOUR_NOUNS = frozenset("day week month year tour deployment rotation stint".split())


def _entry_frames(t: Token, force: Token | None, entered: Token) -> list[DeployFrame]:
    """ "Russian troops entered Raqqa and began distributing aid": a state's forces entering without a fight;
    "75 fighters re-entered Syria", "three tanks entered the demilitarized zone": crossing into a country or
    a zone no side holds moves forces, whatever fighting the sentence tells of."""
    if force is None or not (
        peaceful_entry(t, force)
        or (
            is_force(force)
            and (
                _crossing_into(entered)
                or sent_to_help(t)
                or (_entered_to_keep_order(t) and not irregulars(force))
            )
        )
    ):
        return []  # "entered Afrin District to support the Kurdish defenders": allies sent in
    return [DeployFrame(t, force, dest_refs([entered]))]


def _entered_to_keep_order(t: Token) -> bool:
    """ "units of its military police had entered Saraqib to secure traffic on the highway": posted to keep
    order, not to take the town."""
    return any(
        c.dep_ in ("advcl", "xcomp")
        and c.lemma_.lower() in _ORDER_KEEPING
        and any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children)
        and not any(is_placeish(o) for o in children(c, "dobj"))  # "to secure the town" takes it
        for c in t.children
    )


_ORDER_KEEPING = frozenset("secure patrol monitor escort guard police supervise oversee observe".split())


def _crossing_into(place: Token) -> bool:
    if place.lemma_.lower() == "zone":
        return any(c.lower_ in lx.NEUTRAL_ZONE_WORDS for c in place.children)
    return place.pos_ == "PROPN" and place.ent_type_ == "GPE" and is_country(name_span(place))


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
        (_other_place(d) or _unnamed_ground(d))
        and not any(w.pos_ == "PROPN" and not _only_locates(w, d) for w in d.subtree)
        for d in targets
    )


def _only_locates(w: Token, d: Token) -> bool:
    """ "other bases in Iraq": the country locates bases it does not name ("other parts of Donetsk oblast" names,
    and so do "positions around N'Djamena", the town they surround, and "a new base in Pyeongtaek", its town)."""
    located = w.head.dep_ == "prep" and w.head.lower_ in ("in", "across") and w.head.head == d
    return located and (names_a_country(w) or w.ent_type_ == "LOC")


def _other_place(d: Token) -> bool:
    # "other sectors", "another point", "a new base a few kilometers away"
    return any(c.dep_ in ("amod", "det") and c.lower_ in ("other", "another", "new") for c in d.children)


_GROUND_NOUNS = frozenset("line lines position positions point points location locations".split())


def _unnamed_ground(d: Token) -> bool:
    """ "moved to more favorable lines", "withdrew to new positions": ground described, never named."""
    return d.lower_ in _GROUND_NOUNS and not any(c.dep_ in ("det", "poss") for c in d.children)


def _clause_verb(w: Token) -> Token | None:
    return next((a for a in w.ancestors if a.pos_ in ("VERB", "AUX")), None)


def _stranded_subject(t: Token) -> Token | None:
    """ "4th Battalion, 118th Infantry Regiment, a U.S. battalion equipped with Bradleys deployed to X": a
    long subject makes the parser hang the past-tense verb on its last noun; the subject is the first force
    of that chain of nouns."""
    if t.dep_ not in ("acl", "relcl") or child(t, "nsubj", "nsubjpass") is not None:
        return None
    if t.tag_ != "VBD" and not (t.tag_ == "VBN" and verbless(t.sent)):
        # a participle ("troops deployed in the north") is a noun's modifier, not its verb, unless the sentence has
        # no other verb ("Roughly 800 soldiers of a battalion rotated in at Rukla": the parser made it a participle)
        return None
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
    sent = next((force_of(o) for o in prep_objects(t, "with") if is_force(force_of(o))), None)
    if sent is not None and not passive and (is_force(mover) or mover.ent_type_ in ("NORP", "GPE", "ORG")):
        # "The Americans reinforced the Pusan Perimeter with the 1st Marine Brigade": the brigade goes there, sent
        # by the side that reinforced it
        return [DeployFrame(t, sent, dest_refs([place]), actor=actor_of(mover))]
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
    if incoming is None or outgoing is None or not is_force(incoming) or counts_kit(incoming):
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
    ordered = _mover(subj if passive else dobj)
    if ordered is None or not _is_mover(ordered):
        return []
    actor = actor_of(_mover_agent(t)) if passive else actor_of(subj)
    # "ordered the troops home", "ordered his country's soldiers home from Congo": "home" may hang on the force
    homes = [
        c for w in (t, ordered) for c in w.children if c.lower_ == "home" and c.dep_ in ("advmod", "npadvmod")
    ]
    origins = place_objects(t, "from") + [o for h in homes for o in place_objects(h, "from")]  # "out of" too
    if not origins and any(c.dep_ == "prt" and c.lower_ == "out" for c in t.children):
        origins = _place_taken_beside(t)  # "captured the town of Vuhledar ..., it had ordered its units out"
    if origins or homes:
        # "units were ordered out of Gondar": a pull-out
        return [DeployFrame(t, ordered, dest_refs(origins), actor=actor, withdraw=True)]
    dests = place_objects(t, "to", "into") or _places_in_phrase(ordered, "to", "into")
    if not dests:
        return []
    return [DeployFrame(t, ordered, dest_refs(dests), actor=actor)]


def _place_taken_beside(t: Token) -> list[Token]:
    """The named place the clause above `t` says changed hands ("... the army saying it had ordered ...")."""
    takes = lx.TC_TRIGGER_LEMMAS | lx.CONTROL_VERBS
    main = next((a for a in list(t.ancestors)[:4] if a.pos_ == "VERB" and a.lemma_.lower() in takes), None)
    if main is None:
        return []
    named = (w for w in main.subtree if w.pos_ == "PROPN" and w.dep_ in ("pobj", "dobj") and is_placeish(w))
    return [w] if (w := next(named, None)) is not None else []


_ORDER_VERBS = frozenset("order direct instruct tell command".split())


def _orderer(t: Token) -> str | None:
    """ "the commander ordered troops to withdraw": who ordered the move made it, unless the force is another's
    ("the junta ordered French troops to leave": France withdraws them)."""
    ordered = child(t.head, "dobj") if t.dep_ == "xcomp" else None
    if ordered is None or t.head.lemma_.lower() not in _ORDER_VERBS or force_nationality(_mover(ordered)):
        return None
    return actor_of(subject_of(t.head))


def _places_in_phrase(force: Token, *preps: str) -> list[Token]:
    """ "ordered a carrier strike group led by the USS Ford to the eastern Mediterranean": the parser may hang
    the destination inside the force's own phrase; a relative clause's places are its own ("soldiers who
    flew to Kuwait")."""
    return [
        w
        for p in force.subtree
        if p.dep_ == "prep"
        and p.lower_ in preps
        and not _inside_relative_clause(p, force)
        and not _where_posted(p)
        for w in p.children
        if w.dep_ == "pobj" and is_placeish(w)
    ]


def _where_posted(prep: Token) -> bool:
    """ "1,000 troops already based in Germany": where the force is, not where it goes."""
    return (
        prep.lower_ in ("in", "at")
        and prep.head.dep_ == "acl"
        and prep.head.lemma_.lower() in ("base", "station")
    )


def _inside_relative_clause(w: Token, top: Token) -> bool:
    return any(a.dep_ == "relcl" for a in w.ancestors if a.i != top.i and top in a.ancestors)


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
    return not (
        _no_unit(force)
        or _sortie(t, force)
        or _arms_supply(force)
        or _delivers_cargo(force)
        or _bought(t, force)
        # "any forces sent would go to reassure NATO allies": forces that may be sent, none named as sent
        or any(c.dep_ == "det" and c.lower_ == "any" for c in force.children)
    )


_PURCHASE_VERBS = frozenset("buy purchase acquire".split())


def _bought(t: Token, force: Token) -> bool:
    """ "the first five of a dozen Su-25 jets bought second-hand from Russia had arrived": a purchase
    delivered, no force sent (the parser may make the jets the subject of "bought"); but "Turkey deployed
    S-400 systems purchased from Russia to an air base" moved its own."""
    if t.lemma_.lower() not in lx.ARRIVE_VERBS or any(counts_people(f) for f in with_conjuncts(force)):
        return False
    return any(c.dep_ == "acl" and c.lemma_.lower() in _PURCHASE_VERBS for c in force.children) or (
        force.dep_ == "nsubj" and force.head.lemma_.lower() in _PURCHASE_VERBS
    )


def _delivers_cargo(force: Token) -> bool:
    """ "Two military planes carrying weapons and ammunition landed": a delivery, no force sent."""
    loads = [
        o
        for c in force.children
        if c.dep_ == "acl" and c.lemma_.lower() in CARRY_VERBS
        for o in children(c, "dobj")
    ]
    return bool(loads) and not any(is_force(w) and counts_people(w) for o in loads for w in with_conjuncts(o))


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
    if any(counts_people(f) for f in with_conjuncts(force)):
        return False
    return any(
        w.lemma_.lower() in lx.SUPPLY_VERBS
        and w.pos_ == "VERB"
        and any(o.lemma_.lower() in lx.EQUIPMENT_NOUNS for o in children(w, "dobj"))
        for w in force.doc
    )


_CRAFT_PARTS = frozenset("deck decks hull roof".split())


def _boarded(t: Token) -> bool:
    """Forces landing on a ship or a vehicle ("on the deck", "aboard the tanker") board it: they reach no place."""
    return any(
        o.lemma_.lower() in lx.THING_NOUNS | _CRAFT_PARTS or o.lower_ in _CRAFT_PARTS
        for o in prep_objects(t, "on", "onto", "aboard")
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


def _sent_back_to(t: Token) -> list[Token]:
    """ "sent a second multinational force back to Beirut": the goal the parser hangs on "back" (not a
    country or a home post, "back to Fort Bragg", where "back" may be home)."""
    return [
        o
        for c in t.children
        if c.dep_ == "advmod" and c.lower_ == "back"
        for o in place_objects(c, "to")
        if not is_country(name_span(o)) and not name_span(o).startswith(("Fort ", "Camp "))
    ]


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
    force = _mover(subj)
    if passive or force is None or not _is_mover(force) or left_in_a_state(t):
        return []
    onward = [] if _either_way_on(t) else onward_places(t)
    if onward:  # "to travel to Turkey and eventually to Kobani": one movement, to where it ends
        return [DeployFrame(t, force, dest_refs(onward[-1:]))]
    origins = [dobj] if dobj is not None else place_objects(t, "from") or _posted_at(force)
    if not origins and dobj is None and t.lemma_.lower() == "leave":
        origins = place_objects(force, "in")  # "the roughly 2,400 French soldiers in Mali would leave"
    # "left their bunkers at Beirut airport": the force's own quarters, known by where they stand
    origins = [
        (_town_of_quarters(o, t) or o) if _own_quarters(o) else o
        for o in origins
        if _own_quarters(o) or is_placeish(o) and not is_force(o) and not _struck_area(o)
    ]
    if not origins or (under_attack(t) and not _ordered(t)) or _called_a_retreat(t):
        # "left the town after brief exchanges of gunfire": a retreat, a change of control only; but
        # "authorised units to leave the town to avoid being surrounded" decided the move
        return []
    if t.dep_ == "xcomp" and t.head.lemma_.lower() == "force":
        return []  # "were forced to leave Bilohorivka": a retreat under attack, a change of control only
    return [DeployFrame(t, force, dest_refs(origins), actor=None, withdraw=True)]


def _own_quarters(place: Token) -> bool:
    owned = any(c.dep_ == "poss" and c.lower_ in ("their", "its") for c in place.children)
    return owned and place.lemma_.lower() in lx.QUARTERS_NOUNS


_SITING_PREPS = frozenset("at in near".split())


def _town_of_quarters(quarters: Token, verb: Token) -> Token | None:
    """ "left their bunkers at Beirut International Airport", "their barracks in Tessalit": where they stand,
    said on the noun or, just after it, on the verb."""
    after = quarters.right_edge.i + 1
    preps = [
        c for c in (*quarters.children, *verb.children) if c.dep_ == "prep" and c.lower_ in _SITING_PREPS
    ]
    return next(
        (
            o
            for p in preps
            if p.head == quarters or p.i == after
            for o in p.children
            if o.dep_ == "pobj"
            and (o.pos_ == "PROPN" or any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in o.children))
        ),
        None,
    )


def _what_the_move_bolsters(t: Token) -> bool:
    """A participle of a presence verb after a movement in its sentence tells the movement's effect."""
    participle = t.tag_ == "VBG" and t.dep_ in ("advcl", "xcomp", "conj")
    if t.lemma_.lower() not in lx.PRESENCE_VERBS or not participle:
        return False
    return any(w.pos_ == "VERB" and w.i < t.i and w.lemma_.lower() in lx.DEPLOY_VERBS for w in t.sent)


_SORTIES = frozenset("sortie sorties patrol patrols exercise exercises drill drills raid raids".split())


def _on_a_sortie(t: Token) -> bool:
    """ "two bombers flew out of Fairford on a training sortie": out and back, no movement."""
    return any(o.lemma_.lower() in _SORTIES for o in prep_objects(t, "on", "for"))


_POSTING_VERBS = frozenset("station base deploy position garrison post dock".split())


def _positions_taken_up(t: Token, subj: Token | None, dobj: Token | None) -> list[DeployFrame]:
    """ "Russian warships had taken up positions off the Black Sea coast", "troops took up positions around the
    city": forces posted where the text says."""
    if dobj is None or dobj.lemma_.lower() != "position" or not any(c.lower_ == "up" for c in t.children):
        return []
    force = _mover(subj)
    if force is None or not _is_mover(force):
        return []
    if any(w != t and w.lemma_.lower() in lx.INTO_VERBS | lx.GAIN_VERBS and w.pos_ == "VERB" for w in t.sent):
        return []  # "tanks rolled into Gori and troops took up positions around the city": part of a takeover
    if t.dep_ == "conj" and t.head.lemma_.lower() in lx.ARRIVE_VERBS | lx.DEPLOY_VERBS:
        # "came ashore near Mogadishu's airport and took up positions around the airfield": the same landing
        return []
    places = place_objects(dobj, *_POSITION_PREPS) or place_objects(t, *_POSITION_PREPS)
    return [DeployFrame(t, force, dest_refs(places))] if places else []


_POSITION_PREPS = ("around", "near", "off", "along", "in", "at", "outside", "on")


def _called_a_retreat(t: Token) -> bool:
    """ "its forces had left their positions ... an investigation into the reasons for the retreat"."""
    return any(w.lemma_.lower() == "retreat" and w.pos_ == "NOUN" for w in t.sent)


def _raised_to(t: Token, objects: list[Token]) -> Token | None:
    """The counted force of "raise its peacekeeping mission to 6,000 troops", "boost its force in Mali to 2,500
    troops", when what is raised is a force or a mission."""
    if not any(is_force(o) or o.lemma_.lower() in ("mission", "contingent", "force") for o in objects):
        return None
    # "raise the strength of the mission by 5,500 troops, to 12,500": the troops added are the ones sent
    added = next((o for o in prep_objects(t, "by") if is_force(o) and force_size(o) is not None), None)
    if added is not None:
        return added
    # "doubled its troops in Afghanistan to 68,000": a bare number stands for the force
    return next(
        (o for o in prep_objects(t, "to") if (is_force(o) or o.like_num) and force_size(o) is not None), None
    )


def _posted_at(force: Token) -> list[Token]:
    """Where a force that leaves was posted: "troops who had been stationed in Chad have now left", "warships
    that had been docked in the port of Tartus have moved out"."""
    postings = [
        c for c in force.children if c.dep_ in ("relcl", "acl") and c.lemma_.lower() in _POSTING_VERBS
    ]
    named = [o for c in postings for o in place_objects(c, "in", "at")]
    if not named and any(w.lower_ == "there" and w.dep_ == "advmod" for c in postings for w in c.children):
        # "Ethiopian troops who had been based there pulled out": the place the sentence named before
        named = next(
            (
                [w]
                for w in reversed(force.doc[force.sent.start : force.i])
                if w.pos_ == "PROPN" and w.dep_ in ("pobj", "dobj") and is_placeish(w)
            ),
            [],
        )
    return named


_CONVEYANCES = frozenset(
    "helicopter helicopters plane planes aircraft air sea road rail train trains ship boat truck".split()
)


def _mover_agent(t: Token) -> Token | None:
    """The "by" agent of a passive movement, but not the source of a report joined to it: "The coalition was
    estimated by CNN to have 94,000 members ...; 40,000 Peshmerga were deployed" names no mover."""
    by = agent(t)
    if by is not None and by.lemma_.lower() in _CONVEYANCES:
        return None  # "were flown by helicopter": how they went, not who sent them
    if by is not None and _an_amount(by):
        return None  # "will be reduced by half", "cut by 2,000": how much, not who
    if by is None or by.head.head == t:
        return by
    return None if by.head.head.lemma_.lower() in lx.COMMENT_VERBS | lx.CLAIM_VERBS else by


def _struck_area(place: Token) -> bool:
    """ "All aircraft departed the strike area": a sortie ends, no force leaves a place it held."""
    return any(c.lemma_.lower() in ("strike", "target", "attack", "combat") for c in place.children)


_ONWARD_VERBS = frozenset("travel move head go proceed continue return redeploy bind".split())


_ROUTE_PREPS = frozenset("over across through via along".split())


def _counted_up_to(t: Token) -> Token | None:
    """ "will station up to 2,500 Marines": the parser reads "up" as the verb's particle and the force as the
    object of "to"."""
    if not any(c.dep_ in ("prt", "advmod") and c.lower_ == "up" for c in t.children):
        return None
    return next(
        (o for o in prep_objects(t, "to") if is_force(o) and any(c.dep_ == "nummod" for c in o.children)), None
    )


def _town_by_the_shore(t: Token) -> list[Token]:
    """ "landed on beaches near the southern port of Tyre", "came ashore on the coast outside Mogadishu": the town
    the shore lies by."""
    shores = [o for o in prep_objects(t, "on", "onto", "at") if o.lemma_.lower() in _SHORES]
    return [w for o in shores for w in place_objects(o, "near", "outside", "around", "at")][:1]


_SHORES = frozenset("beach coast shore shoreline coastline".split())


def _goal_past_a_carrier(t: Token) -> list[Token]:
    """ "were landed from destroyers at Taivu Point", "flown by helicopter to Camp Rhino": the parser hangs the
    place on the ships or aircraft that carried the force."""
    carriers = [
        o
        for c in t.children
        if c.dep_ == "prep" and c.lower_ in ("from", "by", "aboard", "on")
        for o in c.children
        if o.dep_ == "pobj" and (o.lemma_.lower() in NAVAL_NOUNS or o.lower_ in lx.AIRCRAFT_NOUNS)
    ]
    # "at", "to": where the force was put; "ships in the Gulf of Aden" is where the ships lie
    return [w for o in carriers for w in place_objects(o, "at", "to", "into", "onto")][:1]


def _goal_past_a_route(t: Token) -> list[Token]:
    """ "sent a second armoured column west over the mountains towards Sidon": the goal hangs on the route."""
    routes = [
        c
        for c in t.children
        if c.dep_ == "prep"
        and c.lower_ in _ROUTE_PREPS
        or c.lower_ in BEARINGS
        and c.dep_ in ("advmod", "dep", "npadvmod")
    ]
    return [
        w
        for r in routes
        for p in r.subtree
        if p.dep_ == "prep" and p.lower_ in GOAL_PREPS
        for w in p.children
        if w.dep_ == "pobj" and w.pos_ == "PROPN" and is_placeish(w)
    ][:1]


def _habitual(t: Token) -> bool:
    """ "every four hours", "each year"; not "the battalions, each of about 1,000 troops"."""
    return any(
        w.lower_ in ("every", "each")
        for c in t.children
        if c.dep_ in ("npadvmod", "advmod")
        for w in c.subtree
    )


def _either_way_on(departure: Token) -> bool:
    """ "have departed, either returning to their home countries or moving to other facilities": where they
    went is split, what is told is the place they left."""
    return any(
        c.dep_ in ("advcl", "xcomp")
        and any(w.lower_ == "either" or (w.dep_ == "cc" and w.lower_ == "or") for w in c.children)
        for c in departure.children
    )


def _alternative_after_departure(t: Token) -> bool:
    """ "..., either returning home or moving to other facilities in Iraq": one of the ways a departure went."""
    first = t.head if t.dep_ == "conj" else t
    return (
        first.dep_ in ("advcl", "xcomp")
        and first.head.lemma_.lower() in ("leave", "depart")
        and _either_way_on(first.head)
    )


def onward_places(t: Token) -> list[Token]:
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
        elif (
            c.dep_ in ("xcomp", "advcl")
            and c.lemma_.lower() in _SETTING_UP_VERBS
            and _a_base_set_up(c)
            # "U.S. troops left Iraq to set up a new base in Kuwait" pulled out of Iraq as well
            and not any(is_country(o.text) for o in children(t, "dobj"))
        ):
            # "ships carrying PLA personnel left Zhanjiang to set up a base in Djibouti": they go there
            places += [
                w
                for p in c.subtree
                if p.lower_ in ("in", "at") and p.pos_ == "ADP"
                for w in p.children
                if w.dep_ == "pobj" and w.pos_ == "PROPN" and is_placeish(w)
            ][:1]
    return places


_SETTING_UP_VERBS = frozenset("set establish open build".split())


def _a_base_set_up(verb: Token) -> bool:
    return any(o.lemma_.lower() in ("base", "camp", "outpost", "mission") for o in children(verb, "dobj"))


# "two bombers flew over the sea": a sortie, not a movement; "troop numbers dropped in Iraq": no drop of troops
_NEEDS_PLACE = frozenset({"add", "fly", "drop", "carry"})


def _goal_named(dests: list[Token]) -> bool:
    """Is a destination named by "to" or "into" ("flew to Kuwait", "add squadrons to bases"), not only by
    where the verb happens ("flew over the area around the city")?"""
    return any(d.head.lower_ in GOAL_PREPS or d.head.dep_ == "dative" for d in dests)


_PULL_OUT_LEMMAS = frozenset("leave withdraw pull depart exit quit".split())


def _where_they_had_been(t: Token) -> bool:
    """A relative clause in the pluperfect that tells where a force leaving had been posted."""
    return (
        t.dep_ == "relcl"
        and any(c.dep_ == "aux" and c.lower_ == "had" for c in t.children)
        and is_force(t.head)
        # the parser may not join the force to the verb that moves it back
        and any(
            w.pos_ == "VERB" and w.lemma_.lower() in _PULL_OUT_LEMMAS for w in t.doc[t.i + 1 : t.sent.end]
        )
    )


def _how_they_left(t: Token) -> bool:
    """A participle told beside a pull-out by the same subject: the way the force left, not a second move."""
    return (
        t.dep_ == "advcl"
        and t.tag_ == "VBG"
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
        and t.lemma_.lower() in _PULL_OUT_LEMMAS | {"fly"}
        and any(c.lower_ == "out" for c in t.children)
        and t.head.lemma_.lower() in _PULL_OUT_LEMMAS
    )


_SEIZING_VERBS = frozenset("seize capture storm overrun".split())


def _landed_to_seize(t: Token) -> bool:
    return t.lemma_.lower() in ("land", "parachute") and any(
        c.dep_ == "conj" and c.pos_ == "VERB" and c.lemma_.lower() in _SEIZING_VERBS for c in t.children
    )


def _on_the_way_home(t: Token) -> bool:
    return any(
        w.lower_ == "way"
        and any(c.lower_ == "home" for c in w.children)
        and next((a for a in w.ancestors if a.pos_ in ("VERB", "AUX")), None) == t
        for w in t.subtree
    )


def _out_through_a_neighbour(t: Token) -> bool:
    """ "The final contingent handed over its base in Gao and crossed into neighbouring Niger": the way out of
    the country it left."""
    if t.lemma_.lower() != "cross":
        return False
    into = [o for o in prep_objects(t, "into") if any(c.lower_ in _NEIGHBOURING for c in o.children)]
    leaving = lx.WITHDRAW_VERBS | lx.GIVE_UP_VERBS | {"hand"}
    return bool(into) and any(w != t and w.pos_ == "VERB" and w.lemma_.lower() in leaving for w in t.sent)


_NEIGHBOURING = frozenset("neighbouring neighboring neighbour neighbor".split())


def _rejoins(t: Token) -> bool:
    return any(c.dep_ == "conj" and c.lemma_.lower() == "rejoin" for c in t.children)


_INTRANSITIVE_MOVES = frozenset(
    "move mass gather assemble transfer deploy redeploy station position reposition concentrate fly relocate shift "
    "rotate".split()
)


_BATTLE_NOUNS = frozenset(
    "attack attacks assault assaults bombardment bombardments shelling shellings offensive counteroffensive "
    "counter-offensive counterattack counter-attack pressure fire strike strikes airstrike airstrikes fighting "
    "barrage barrages bombing bombings gunfire exchange exchanges firefight firefights "
    "clash clashes battle battles advance advances onslaught encirclement".split()
)


_BATTLE_VERBS = frozenset("advance attack assault shell bombard encircle close storm push".split())


_REPOSITION_VERBS = frozenset("redeploy reposition relocate".split())


# what forces join when they move to where others are; not a war, a cause or a side ("joined the offensive")
_JOINED_FORCES = frozenset(
    "battlegroup battlegroups contingent mission troops soldiers forces force unit".split()
)


def _joining_frames(t: Token, subj: Token | None, dobj: Token | None, passive: bool) -> list[DeployFrame]:
    """ "They will be joined in April by a company of about 300 French troops", "300 French troops will join
    the battlegroup in Estonia": forces sent to where others are posted. Joining a fight or a side is none."""
    if passive:
        force, joined = _mover(agent(t)), child(t, "nsubjpass")  # "They": whom the story told posted
    else:
        force, joined = _mover(subj), dobj
    if not _is_mover(force) or force_size(force) is None or joined is None:
        return []
    if not (is_force(joined) or joined.lemma_.lower() in _JOINED_FORCES or joined.lower_ in ("they", "them")):
        return []
    if irregulars(joined) or is_armed_group(name_span(joined)):
        return []  # "Ten soldiers joined the rebels in Goma": a defection, not a movement
    dests = place_objects(joined, "in", "at") or place_objects(t, "in", "at")
    return [DeployFrame(t, force, dest_refs(dests))]


def _taken_after_it(t: Token) -> list[Token]:
    """ "The military regained control of Lashio on Tuesday after the MNDAA withdrew its fighters": the place
    the main clause says changed hands is the one the pull-out left."""
    if not any(m.lower_ in ("after", "as", "when") for m in children(t, "mark")):
        return []
    # the parser may turn the sentence over, making the main clause a complement of the "after" clause
    main = (
        t.head
        if t.dep_ == "advcl"
        else next((c for c in t.children if c.dep_ == "ccomp" and c.i < t.i), None)
    )
    if main is None or main.lemma_.lower() not in lx.TC_TRIGGER_LEMMAS | lx.CONTROL_VERBS | lx.INTO_VERBS:
        return []
    told = set(main.subtree)
    return next(
        (
            [w]
            for w in t.doc[t.sent.start : t.i]
            if w in told and w.pos_ == "PROPN" and w.dep_ in ("pobj", "dobj") and is_placeish(w)
        ),
        [],
    )


_SPARING_VERBS = frozenset("spare protect save preserve".split())


def _to_spare_lives(t: Token) -> bool:
    """ "pulled back from the town to spare civilians": a pull-out decided, not a rout."""
    return any(
        c.dep_ in ("advcl", "xcomp")
        and c.lemma_.lower() in _SPARING_VERBS
        and any(a.tag_ == "TO" for a in c.children)
        for c in t.children
    )


def _in_a_planned_move(t: Token) -> bool:
    """ "pulled out of al-Watiya in a planned repositioning", "pulled out of the town in a 'strategic' move": the
    side tells the pull-out as its own choice."""
    told_as = prep_objects(t, "in", "as", "for")
    # "as part of a planned 'regrouping'": the move is the part's
    told_as += [o for p in told_as if p.lower_ == "part" for o in prep_objects(p, "of")]
    return any(
        m.lower_ in _CHOSEN_WORDS
        for o in told_as
        if o.lemma_.lower() in _MOVE_NOUNS
        for m in o.children
        if m.dep_ in ("amod", "compound")
    )


_MOVE_NOUNS = frozenset(
    "move repositioning redeployment withdrawal pullback pull-back manoeuvre maneuver regrouping decision "
    "step reason".split()  # "withdrew for strategic reasons"
)
_CHOSEN_WORDS = frozenset(
    "planned strategic tactical orderly deliberate voluntary organised organized goodwill unilateral".split()
)


def _left_positions_outside(t: Token) -> bool:
    """ "pulled out of their positions around Hodeidah city": ground outside a town, given up by decision unless
    under attack; "withdrew from their positions in the city" is a retreat from the town itself."""
    left = _what_was_left(t)
    return any(
        unnamed_ground(g)
        and (
            prep_objects(g, "around", "near", "outside")
            # "their lines on the southern outskirts of Hodeidah"
            or any(o.lemma_.lower() in _TOWN_EDGES for o in prep_objects(g, "on", "at"))
        )
        for g in left
    )


_TOWN_EDGES = frozenset("outskirts outskirt edge edges approaches periphery".split())


def _retreat_in_battle(t: Token, force: Token, *, from_positions: bool = False) -> bool:
    """ "the Army withdrew", "most of the group's fighters withdrew from the town", "Ukrainian forces pulled back
    after a Russian bombardment", "troops withdrew as rebels advanced": a retreat in battle, left to territorial
    control. A state's troops pulling out, an ordered pull-out or one that hands the place over are movements."""
    if _handed_over(t):
        return False  # "handed control of the city to the council and withdrew": a negotiated pull-out
    if _ordered(t):
        return False  # "had ordered Ukrainian units to withdraw from Avdiivka to avoid encirclement": decided
    if _in_a_planned_move(t):
        return False  # "withdrew from the town for strategic reasons after days of air strikes": its choice
    if avoids_capture(t) and _reported_by_its_own_side(t, force):
        return False  # "the army chief said his troops had withdrawn from Avdiivka to avoid encirclement"
    if under_attack(t):
        return True
    if _reported_by_its_own_side(t, force):
        return False  # "Sudan's army chief said his forces had pulled out of El Fasher": the side's own move
    if keeps_no_ground(force):
        return (
            False  # "the last peacekeepers pulled out of Kidal": a mission holds no ground to be driven from
        )
    if _agreed(t) or from_positions or _to_spare_lives(t):
        return False  # "withdrew from Ras al-Ain, the first pullout under a cease-fire deal": negotiated
    if _without_a_fight(t) and not irregulars(force):
        # "Peshmerga forces withdrew without fighting from Sinjar": a pull-out chosen; insurgents who "withdrew
        # without a fight" as the army came melt away before it
        return False
    return not owned_by_state(force) and not _told_as_future(t)


_IN_THE_FIGHT = frozenset("after amid under following during".split())
_REPORTING_VERBS = lx.CLAIM_VERBS | {"confirm"}


def _reported_by_its_own_side(t: Token, force: Token) -> bool:
    """ "the ministry says its troops have pulled out of the Kyiv region", "the army chief said his forces had
    withdrawn from El Fasher": the side that moved its forces tells the move. Not "its troops had withdrawn
    from their positions in the town", a retreat told in the words of battle."""
    owner = next((c for c in force.children if c.dep_ == "poss"), None)
    if owner is None or owner.lower_ not in ("its", "his", "their", "our"):
        return False
    if any(c.dep_ == "prep" and c.lower_ in _IN_THE_FIGHT for c in t.children):
        return False  # "had pulled back from Krasnohorivka after days of relentless assaults": driven out
    if any(unnamed_ground(g) for g in _what_was_left(t)):
        return False
    speech = next((a for a in t.ancestors if a.lemma_.lower() in _REPORTING_VERBS), None)
    speaker = subject_of(speech) if speech is not None else None
    return speaker is not None and (is_armed(speaker) or actor_of(speaker) is not None)


def _without_a_fight(t: Token) -> bool:
    return any(
        w.lemma_.lower() in ("fight", "fighting", "resistance", "battle", "shot")
        for c in t.children
        if c.dep_ == "prep" and c.lower_ == "without"
        for w in c.children
        if w.dep_ in ("pobj", "pcomp")
    )


def _agreed(t: Token) -> bool:
    """A pull-out the sentence puts under a deal; buses carrying fighters and their families are an evacuation."""
    mover = subject_of(t)
    if mover is not None and mover.lemma_.lower() == "bus":
        return False
    # "under a deal", "the first pull-out of the truce", "barred by a U.N.-brokered truce"
    return any(w.lemma_.lower() in lx.AGREEMENT_WORDS and w.head.lower_ in ("under", "of", "by") for w in t.sent)


def _scheduled_arrival(t: Token, subj: Token) -> bool:
    """ "Companies of about 150 troops each are to reach Lithuania by the weekend": units counted and due somewhere,
    no fight told; not "Russian troops will reach Kyiv within days"."""
    counted = subj.lemma_.lower() in _UNIT_NOUNS or force_size(subj) is not None
    return t.lemma_.lower() == "reach" and _told_as_future(t) and counted and not fighting_in(t.sent)


_UNIT_NOUNS = frozenset("company battalion brigade contingent detachment platoon squadron unit".split())


def _told_as_future(t: Token) -> bool:
    """ "2,000 troops will withdraw from X", "must leave by Nov. 20", "are to pull out": a pull-out still to come is
    planned, never a rout."""
    if scheduled(t):
        return True
    return any(c.dep_ == "aux" and c.lower_ in lx.FUTURE_MODALS | {"must"} for c in t.children)


def _handed_over(t: Token) -> bool:
    near = [c for c in t.children if c.dep_ in ("conj", "advcl")] + ([t.head] if t.dep_ == "conj" else [])
    return any(w.lemma_.lower() in lx.HANDOVER_VERBS - {"return"} for w in near)


def under_attack(t: Token) -> bool:
    """ "pulled back after heavy shelling", "withdrew as rebels advanced": a retreat in battle."""
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ in _IN_THE_FIGHT:
            objects = [o for o in c.children if o.dep_ == "pobj"]
            if any(o.lemma_.lower() in _BATTLE_NOUNS or o.lower_ in _BATTLE_NOUNS for o in objects):
                return True
        if (
            c.dep_ == "advcl"
            and c.lemma_.lower() in _BATTLE_VERBS
            and any(m.dep_ == "mark" and m.lower_ in ("as", "when", "after") for m in c.children)
        ):
            return True
    return avoids_capture(t)  # "pulled out of Velyka Novosilka to avoid being encircled": driven out


def _ordered(t: Token) -> bool:
    """ "were ordered to withdraw", "announced it would pull out", "pulled out on the orders of the prime
    minister": decided, not driven out."""
    if any(o.lemma_.lower() == "order" for o in prep_objects(t, "on")):
        return True
    deciding = ("order", "announce", "decide", "agree", "plan", "authorise", "authorize")
    return any(a.lemma_.lower() in deciding for a in t.ancestors)


_FOUNDING_VERBS = frozenset("set establish".split())
# Units an alliance or army stations when it sets them up somewhere; not "self-defence units" or "militias" formed
_STANDING_UNITS = frozenset("battlegroup brigade battalion regiment squadron contingent".split())


_NEW_SITES = frozenset("base bases headquarters garrison outpost outposts camp camps airbase".split())


_MILITARY_WORDS = frozenset("military army naval navy air defense defence".split())


def _new_base_frames(t: Token, subj: Token | None, dobj: Token | None, passive: bool) -> list[DeployFrame]:
    """ "will set up a permanent headquarters for the Army's V Corps in Poland", "the Russian military
    headquarters was established at the station": a new base with troops is a stationing."""
    if t.lemma_.lower() == "set" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in t.children):
        return []
    site = subj if passive else dobj
    if site is not None and site.lemma_.lower() in _STANDING_UNITS and site.tag_ == "NNS":
        # "agreed to establish four further battlegroups in Bulgaria, Hungary, Romania and Slovakia": new forces
        # stationed, one movement to each place
        where = place_objects(t, "in", "at") or _places_in_phrase(site, "in", "at")
        actor = actor_of(_mover_agent(t)) if passive else actor_of(subj)
        return [DeployFrame(t, site, dest_refs(where), actor=actor)] if where else []
    if site is None or site.lower_ not in _NEW_SITES or not _military_site(site, None if passive else subj):
        return []
    where = place_objects(t, *_BASE_PREPS) or _places_in_phrase(site, *_BASE_PREPS)
    if not where:
        return []
    if not passive and _founding_force(subj):
        return [DeployFrame(t, subj, dest_refs(where))]  # the Marines moved there, whoever's they are
    actor = actor_of(_mover_agent(t)) if passive else actor_of(subj)
    return [DeployFrame(t, site, dest_refs(where), actor=actor)]


def _military_site(site: Token, founder: Token | None) -> bool:
    """A base of armed forces: "a military base", "a headquarters for the V Corps", or one a state founds."""
    if any(c.lower_ in _MILITARY_WORDS for c in site.children) or is_state(founder):
        return True
    if _founding_force(founder):
        return True  # "several hundred U.S. Marines set up a forward base"
    return any(is_force(o) for o in prep_objects(site, "for", "of"))


_BASE_PREPS = ("in", "at", "near", "outside")  # "Marines set up a forward base near Kandahar"


def _founding_force(founder: Token | None) -> bool:
    """Troops who set up a base ("U.S. Marines", "the army"); "the company set up a base in Lagos" may be a firm."""
    return founder is not None and is_force(founder) and founder.lemma_.lower() != "company"


_HANDING_SIDES = frozenset("mission coalition military army government force forces command".split())


def _handover_frames(t: Token, subj: Token | None) -> list[DeployFrame]:
    """ "The United States handed over Air Base 201 to Nigerien forces", "the mission handed over its base at
    Kamanyola to the army": a state or a force handing over its own base pulls the garrison out of it."""
    site = _named_site(t)
    if site is None or subj is None:
        return []
    if subj.lower_ in ("it", "they"):
        # "on 19 March it handed over the al-Qaim base": the side the story told, found by the pipeline
        return [] if _pull_out_told_with(t) else [DeployFrame(t, None, [site], withdraw=True)]
    if not _can_hold_a_base(subj) or _pull_out_told_with(t):
        return []
    return [DeployFrame(t, subj, [site], actor=actor_of(subj), withdraw=True)]


def _pull_out_told_with(t: Token) -> bool:
    """ "handed over positions around Marjayoun as they started pulling out of south Lebanon": the clause's own
    pull-out is the movement, the handover a step of it."""
    clauses = [
        c
        for c in t.children
        if c.dep_ == "advcl" and any(m.lower_ in ("as", "while") for m in c.children if m.dep_ == "mark")
    ]
    clauses += [x for c in clauses for x in c.children if x.dep_ == "xcomp"]
    # "Before leaving, the final detachment handed over the Gao base"; "its troops had returned home from Aden
    # after handing over the coalition's headquarters": the leaving is the movement
    clauses += [
        o for p in t.children if p.dep_ == "prep" and p.lower_ in ("before", "after") for o in p.children
    ]
    if t.dep_ == "pcomp" and t.head.lower_ in ("before", "after", "upon", "on"):
        clauses.append(t.head.head)
    return any(c.lemma_.lower() in (lx.WITHDRAW_VERBS | _LEAVING_VERBS) - {"hand"} for c in clauses)


_LEAVING_VERBS = frozenset("leave depart return".split())


def _named_site(verb: Token) -> PlaceRef | None:
    """The base a handover names, if it can be told from others: "Air Base 201", "Camp Boiro", "its camp at
    Ber" (the parser may hang "at Ber" on the verb); not bare "positions" or "the base"."""
    obj = handed_object(verb)
    if obj is None or not any(w.lower_ in lx.MILITARY_SITES | {"camp"} for w in obj.subtree):
        return None
    if obj.pos_ == "PROPN" or any(w.pos_ == "PROPN" for w in obj.subtree if w.dep_ != "appos"):
        return next(iter(places_from(obj)[0]), None)
    located = [o for o in prep_objects(verb, "at", "in") if o.pos_ == "PROPN" and is_placeish(o)]
    if not located:
        return None
    prep = located[0].head.lower_
    return PlaceRef(f"{noun_phrase(obj, keep_conj=False)} {prep} {name_span(located[0])}", obj)


def _can_hold_a_base(side: Token) -> bool:
    return (
        is_state(side)
        or is_force(side)
        or side.lemma_.lower() in _HANDING_SIDES
        or side.ent_type_ in ("GPE", "NORP")
    )


def _handed_over_site(t: Token) -> list[Token]:
    """ "handed over Air Base 201 ..., completing the withdrawal of American troops": the withdrawal a
    handover completes leaves the base handed over."""
    for a in list(t.ancestors)[:4]:
        if a.lemma_.lower() == "hand":
            site = _named_site(a)
            return [site.head] if site is not None and site.head is not None else []
    return []


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
                and (w.pos_ == "PROPN" and w.ent_type_ in ("GPE", "LOC") or _named_region(w))
                and w.head.lower_ not in ("from", "through", "via")
            ]
            if located:
                return located[:1]
    return []


_REGION_NOUNS = frozenset("province region oblast governorate district state county".split())


def _named_region(w: Token) -> bool:
    """ "in Aleppo province", "in the Donetsk region": a region noun its name modifies."""
    return w.lemma_.lower() in _REGION_NOUNS and any(
        c.dep_ in ("compound", "amod") and c.text[:1].isupper() for c in w.children
    )


_HAPPEN_VERBS = frozenset("take happen come follow occur".split())


def _discussed(t: Token) -> bool:
    """ "the deployment of the carrier was meant to send a message to Tehran": a movement the story told
    before, now the subject of a comment; "the withdrawal began on Monday" is still news."""
    if t.dep_ not in ("nsubj", "nsubjpass"):
        return False
    return t.head.lemma_.lower() not in _PLANNED_MOVE_VERBS | _HAPPEN_VERBS


_PLANNED_MOVE_VERBS = frozenset(
    "complete finish conclude begin start launch announce continue bring accelerate speed expedite".split()
)  # "brought forward its withdrawal from its camp in Ber"


_LANDING_VERBS = frozenset("land bring put carry ferry deliver disembark move deploy".split())


def _details_a_movement(t: Token) -> bool:
    """ "completed the withdrawal of its forces from Kherson, moving more than 30,000 troops across the river",
    "came ashore at San Carlos Water, landing some 4,000 men": a participle that tells how the pull-out or the
    landing its clause reports was done."""
    if t.tag_ != "VBG" or t.dep_ != "advcl":
        return False
    head = t.head
    if (
        head.lemma_.lower() in lx.ARRIVE_VERBS - {"cross", "enter", "reach"}
        and t.lemma_.lower() in _LANDING_VERBS
        and not place_objects(t, *GOAL_PREPS)
    ):
        return any(_counted_men(o) for o in children(t, "dobj"))
    return head.lemma_.lower() in lx.WITHDRAW_VERBS - {"hand"} or any(
        c.lemma_.lower() in lx.WITHDRAW_NOUNS
        for c in head.children
        if c.dep_ in ("dobj", "nsubj", "nsubjpass")
    )


def _last_leg_of_a_withdrawal(t: Token) -> bool:
    """ "The last convoy of American troops crossed the border from Iraq into Kuwait, completing the withdrawal of
    U.S. forces from Iraq": the road out, not an arrival of its own."""
    return t.lemma_.lower() in lx.ARRIVE_VERBS and any(
        c.dep_ == "advcl"
        and c.tag_ == "VBG"
        and any(o.lemma_.lower() in lx.WITHDRAW_NOUNS for o in children(c, "dobj"))
        for c in t.children
    )


def _counted_men(tok: Token) -> bool:
    """ "30,000 troops", "some 4,000 men": a force, or men, with a number."""
    return (is_force(tok) or tok.lemma_.lower() == "man") and force_size(tok) is not None


def detailed_force(trigger: Token) -> Token | None:
    """The counted force of the participle that details a movement ("..., moving more than 30,000 troops")."""
    verb = trigger.head if trigger.pos_ == "NOUN" else trigger
    for c in verb.children:
        if c.dep_ == "advcl" and _details_a_movement(c):
            moved = next((o for o in children(c, "dobj") if _counted_men(o)), None)
            if moved is not None:
                return moved
    return None


def _purpose_of_another_move(t: Token) -> bool:
    """A movement named as the purpose of something else: the object of a "to" clause of purpose."""
    verb = t.head
    return (
        t.dep_ == "dobj"
        and verb.dep_ == "advcl"
        and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)
    )


_ALARM_WORDS = frozenset(
    "alarm concern worry fear unnerve rattle alarmed concerned worried nervous wary".split()
)


def _cause_of_alarm(t: Token) -> bool:
    return (
        t.dep_ == "pobj"
        and t.head.lower_ in ("by", "about", "over", "at")
        and (t.head.head.lemma_.lower() in _ALARM_WORDS or t.head.head.lower_ in _ALARM_WORDS)
    )


def _told_complete(t: Token) -> bool:
    """ "its withdrawal from Afghanistan was more than 90 percent complete": a pull-out its owner carries out,
    under way or done."""
    owner = child(t, "poss")
    return (
        owner is not None
        and owner.lower_ in ("its", "their")
        and t.dep_ == "nsubj"
        and t.head.lemma_.lower() == "be"
        and any(
            c.dep_ == "acomp" and c.lower_ in ("complete", "completed", "done", "finished")
            for c in t.head.children
        )
    )


def _deploy_noun_frames(t: Token, lemma: str) -> list[DeployFrame]:
    if lemma in ("reinforcement",) and t.dep_ in ("nsubj", "nsubjpass", "dobj"):
        return []  # handled by the verb it depends on ("sent reinforcements", "reinforcements arrived")
    if t.dep_ == "attr" or any(c.tag_ == "JJS" for c in t.children):
        # "Iraq was the largest deployment of ...", "arrived ... in the largest deployment of American troops in
        # Europe in decades": a description of a movement told, not a movement
        return []
    if lemma not in lx.DEPLOY_NOUNS | lx.WITHDRAW_NOUNS:
        return []
    if t.dep_ == "dobj" and t.head.lemma_.lower() in ("require", "need", "involve", "take"):
        return []  # "the invasion did require a large army build-up": what a plan needs, no movement told
    if t.dep_ == "oprd" and t.head.lemma_.lower() == "call":
        return []  # "what it called a military buildup on its borders": a name given, not a movement told
    if _cause_of_alarm(t):
        return []  # "allies alarmed by Russia's military buildup near Ukraine": a presence that worries, context
    if _purpose_of_another_move(t):
        return []  # "3,000 troops would be flown to Kabul to secure the evacuation of American personnel"
    forces = [o for o in prep_objects(t, "of") if is_force(o)] or [
        w for w in t.subtree if w.dep_ == "pobj" and w.head.lower_ == "of" and is_force(w)
    ][:1]  # "deployment to Syria of additional 250 US troops"
    if not forces:
        # "deployments of armored, aviation and special operations forces": the parser may hang the list's
        # first word on "of" and the force noun on it
        forces = [
            w
            for p in t.children
            if p.dep_ == "prep" and p.lower_ == "of"
            for w in p.subtree
            if w.pos_ == "NOUN" and is_force(w)
        ][:1]
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
        if (
            force is None
            and subject is not None
            and (subject.lemma_.lower() in ("military", "mission") or is_state(subject))
        ):
            force = subject  # "the U.S. military has completed its withdrawal from Agadez"; a U.N. mission
    withdraw = lemma in lx.WITHDRAW_NOUNS
    if force is None and not (withdraw and _told_complete(t)):
        return []
    dests = prep_objects(t, *(("from",) if withdraw else DEST_PREPS))
    if not dests and force is not None:
        dests = prep_objects(force, *(("from",) if withdraw else DEST_PREPS))
    if not dests and t.head.pos_ == "VERB":
        dests = prep_objects(t.head, *(("from",) if withdraw else DEST_PREPS))
    if not dests:
        # "the deployment of fighter squadrons and a THAAD battery to Israel": the parser joins the last force
        # to the noun, and the place to that force
        listed = [c for h in (t, force) if h is not None for c in h.conjuncts if c.i > h.i and is_force(c)]
        # "..., four Sentinel radars and about 200 support personnel to the Kingdom": a list hung on the noun
        listed += [
            f
            for c in t.children
            if c.dep_ == "appos" and force is not None and c.i > force.i
            for f in (c, *c.conjuncts)
        ]
        dests = [o for c in listed for o in prep_objects(c, *(("from",) if withdraw else ("to", "into")))]
    if not dests and withdraw:
        dests = _handed_over_site(t)
    if not dests and withdraw and force is not None:
        # "the pull-out of the roughly 2,400 French soldiers based in Mali", "a withdrawal of the roughly
        # 1,000 U.S. troops in northern Syria"
        dests = _posted_at(force) or place_objects(force, "in")
    if not dests and _discussed(t):
        return []
    owner = child(t, "poss")
    actor = actor_of(owner) if owner is not None else None
    if actor is None and t.head.pos_ == "VERB" and t.head.lemma_.lower() not in lx.COMMENT_VERBS:
        # "announced the deployment of": the announcer; "welcomed the withdrawal of": a bystander
        subject = subject_of(t.head)
        actor = actor_of(subject) if subject is not None and subject != t else None
    if actor is None and t.dep_ == "pobj" and t.head.lower_ == "with" and t.head.head.pos_ == "VERB":
        # "the United States responded with a troop surge": the one who answered sent them
        subject = subject_of(t.head.head)
        actor = (
            actor_of(subject) if subject is not None and (is_state(subject) or is_armed(subject)) else None
        )
    refs = dest_refs(dests)
    if t.head.pos_ == "VERB":
        refs = located_by_verb(
            t.head, refs
        )  # "its withdrawal from its camp in Ber": "in Ber" hangs on the verb
    return [DeployFrame(t, force, refs, actor=actor, withdraw=withdraw)]

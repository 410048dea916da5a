"""Deployments: the dependency patterns that say forces were sent, arrived, stationed or withdrawn."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from service.detect import lexicon as lx
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
from service.detect.places import DEST_PREPS, PlaceRef, dest_refs, place_objects
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
    frames = [f for f in _frames(t) if f.force_head is None or not _no_unit(f.force_head)]
    if not frames:
        return frames
    gapped = [
        w
        for c in t.children
        if c.dep_ == "conj" and c.pos_ in ("NOUN", "NUM") and not is_force(c)
        for w in place_objects(c, *DEST_PREPS)
    ]  # "half would be based in Hasakah and half at al-Tanf": the verb is left out of the second share
    mover = subject_of(t)
    for frame in frames:
        if gapped and not frame.withdraw:
            frame.destinations += dest_refs(gapped)
        if mover is not None and mover.lemma_.lower() == "half" and frame.force_head is not mover:
            frame.share = 0.5
    return frames


def _frames(t: Token) -> list[DeployFrame]:
    lemma = t.lemma_.lower()
    if t.pos_ == "NOUN":
        return _deploy_noun_frames(t, lemma)
    if t.pos_ not in ("VERB", "AUX") and t.tag_ not in ("VBN", "VBD", "VBG"):
        return []
    passive = is_passive(t)
    subj = subject_of(t)
    dobj = child(t, "dobj")
    if lemma == "retreat" and t.dep_ == "xcomp" and t.head.lemma_.lower() == "order":
        lemma = (
            "withdraw"  # "units were ordered to retreat from the city": an ordered pull-out, a movement too
        )
    withdraw = lemma in lx.WITHDRAW_VERBS

    if lemma == "call":
        return _call_in_frames(t, subj)
    if lemma == "order":
        # "ordered 1,500 troops to the southern border": a decided movement ("ordered troops to withdraw" is
        # the verb under it)
        ordered = force_of(dobj)
        if passive or ordered is None or not is_force(ordered):
            return []
        dests = place_objects(t, "to", "into")
        if not dests:
            return []
        return [DeployFrame(t, ordered, dest_refs(dests), actor=actor_of(subj))]

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

    if lemma in lx.DEPLOY_VERBS or lemma in lx.WITHDRAW_VERBS:
        site = _evacuated_site(t, lemma, subj) if passive else None
        if site is not None:
            actor = actor_of(agent(t)) or force_nationality(site)  # "the Russian naval base": Russia's garrison
            return [DeployFrame(t, None, dest_refs([site]), actor=actor, withdraw=True)]
        if passive:
            ordered = subj is not None and subj.dep_ == "dobj" and t.dep_ == "xcomp" and subj.head == t.head
            force, actor = (
                # "ordered troops to be redeployed to the capital": the troops ordered are the ones moved
                subj if subj is not None and (subj.dep_ == "nsubjpass" or ordered or _own_subject(t, subj)) else None,
                actor_of(agent(t)) or (actor_of(subject_of(t.head)) if ordered else None),
            )
            if force is None and t.dep_ in ("acl", "relcl"):
                force = t.head
            force = force_of(force)
        else:
            force, actor = force_of(dobj), actor_of(subj)
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
        retreat = withdraw and not passive and subj is not None and force_of(subj) == force
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
        return [DeployFrame(t, subj, dest_refs(dests))]
    if lemma == "enter" and dobj is not None and peaceful_entry(t, force_of(subj)):
        return [DeployFrame(t, force_of(subj), dest_refs([dobj]))]
    return []


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
    if actor is None and t.head.pos_ == "VERB":
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
        if c.like_num or c.ent_type_ in ("ORDINAL", "CARDINAL"):
            continue  # "the 3rd Brigade": a number, no owner
        if c.dep_ in ("amod", "compound", "poss", "nmod") and (
            c.ent_type_ in ("NORP", "GPE", "ORG") or c.pos_ == "PROPN"
        ):
            if (ship := ship_prefix(c)) is not None:
                return SHIP_OWNERS.get(ship)  # "the USS Eisenhower aircraft carrier": the U.S.'s
            return name_span(c) if c.dep_ != "poss" else c.text
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
    return None

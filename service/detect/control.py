"""Territorial control: the dependency patterns that say a place changed hands, and who gained or lost it."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from service.detect import lexicon as lx
from service.detect.actors import MEMBERSHIPS, is_armed_group
from service.detect.destinations import departure_for_elsewhere
from service.detect.phrases import (
    MOVE_PARTICLES,
    child,
    children,
    clause_followed,
    followed_by,
    handed_object,
    in_progress,
    is_country,
    is_envoy,
    is_force,
    is_placeish,
    known_place,
    left_in_a_state,
    name_span,
    places_joined_to_a_date,
    prep_objects,
    ranked,
    with_conjuncts,
)
from service.detect.places import (
    FACILITIES,
    PARTIAL_HEADS,
    PlaceRef,
    is_namelike,
    left_without_a_fight,
    located_by_verb,
    name_run,
    places_from,
    pronoun_place,
    repeated_departures,
    sited_at,
)
from service.detect.roles import (
    actor_of,
    agent,
    avoids_capture,
    bare_finite_advcl,
    for_drills,
    force_of,
    is_armed,
    is_passive,
    is_warship,
    keeps_no_ground,
    keeps_the_peace,
    left_armed_noun,
    moving_in,
    operation_owner,
    peaceful_entry,
    peacekeepers_rolling_in,
    sent_in,
    sent_to_help,
    subject_of,
)

_CIVIL_OWNERS = frozenset("state public private opposition municipal foreign company".split())
_BALLOT_WORDS = frozenset("election vote ballot mayor mayoral poll".split())
_DEBRIS = frozenset("mine explosive device ied ieds ordnance rubble debris trap booby".split())


def _cleared_of_debris(t: Token, dobj: Token | None) -> bool:
    of = prep_objects(t, "of") + (prep_objects(dobj, "of") if dobj is not None else [])
    cleared = [o for w in of for o in (w, *w.conjuncts)]
    return bool(cleared) and all(o.lemma_.lower() in _DEBRIS for o in cleared)
_ROUTES = frozenset("road roads route routes highway highways corridor corridors path".split())
_WAYPOINTS = frozenset(
    "road roads highway river border line lines outskirts entrance headquarters bank gate gates junction edge "
    "front frontline sea coast outskirt".split()
)

_LINES = frozenset("line lines front frontline frontlines front-line border borders frontier".split())
_DEFENCES = frozenset(
    "defense defence defenses defences fortification fortifications bund berm ditch earthwork wall".split()
)

_HOLDING_VERBS = frozenset("control occupy hold".split())
_FALL_IDIOMS = frozenset(["short", "silent", "ill", "victim", "prey", "apart", "asleep", "quiet", "dark"])


def _members_of_a_set(t: Token) -> list[Token]:
    """ "X and Y were among the buildings that fell": the subjects of the "be ... among" the relative clause
    describes."""
    head = t.head
    if t.dep_ != "relcl" or head.dep_ != "pobj" or head.head.lower_ != "among":
        return []
    be = head.head.head
    if be.lemma_.lower() != "be":
        return []
    return [m for s in children(be, "nsubj") for m in with_conjuncts(s) if is_placeish(m)]


def _named_place(tok: Token) -> bool:
    """A place, or a name the tagger misread that an appositive calls a town ("Gudermes, Chechnya's second-largest
    city, was handed over")."""
    return is_placeish(tok) or (
        tok.text[:1].isupper()
        and any(c.dep_ == "appos" and c.lemma_.lower() in ("city", "town", "village") for c in tok.children)
    )


def _named_as(place: Token) -> Token:
    """ "The first provincial capital to fall was Zaranj": the place the sentence names."""
    if (
        place.dep_ != "nsubj"
        or place.head.lemma_.lower() != "be"
        or place.lemma_.lower() not in lx.PLACE_NOUNS
    ):
        return place
    return next((a for a in children(place.head, "attr") if a.pos_ == "PROPN"), place)


def _fell_into_a_state(t: Token) -> bool:
    """ "fell into chaos / out of favour / under a snowstorm", "fell 3%": a state or a measure, no capture."""
    return any(
        c.dep_ == "prep" and c.lower_ in ("into", "out", "under", "by", "across") for c in t.children
    ) or any(
        c.dep_ in ("npadvmod", "dobj", "advmod") and (c.like_num or c.lower_ in ("sharply", "steeply"))
        for c in t.children
    )


_DURATIONS = frozenset("day week month year decade century".split())
_SOVEREIGNTY_VERBS = frozenset("restore establish reestablish re-establish reassert regain extend".split())


def _habitual(t: Token) -> bool:
    """Under a present "continue to", or in a present relative clause ("raids that detain operatives and secure
    facilities"): what a side keeps doing, not a change of hands."""
    verb = t
    for _ in range(3):
        if verb.dep_ == "relcl" and (
            verb.tag_ in ("VBP", "VBZ")
            or (verb.tag_ == "VB" and not any(c.dep_ == "aux" for c in verb.children))
        ):
            return True
        if verb.dep_ == "conj":
            verb = verb.head
        elif verb.dep_ == "xcomp" and verb.head.lemma_.lower() == "continue":
            return verb.head.tag_ in ("VBP", "VBZ")
        else:
            return False
    return False


def _name_read_as_adverb(t: Token) -> Token | None:
    """Parser slip: "the next day Russian forces fully captured Sievierodonetsk", "recaptured eastern Aleppo":
    an unfamiliar place name right after the verb read as an adverb, not its object."""
    for c in t.children:
        if (
            c.i > t.i
            and c.dep_ in ("advmod", "npadvmod")
            and c.pos_ == "PROPN"
            and c.ent_type_ not in ("DATE", "TIME")
            and all(w.pos_ in ("ADJ", "ADV") or w.i == c.i for w in t.doc[t.i + 1 : c.i + 1])
        ):
            return c
    return None


def _describes_name_before(noun: Token, name: Token) -> bool:
    """ "Shevchenkove, a road junction": a common noun set off by a comma right after the name it describes."""
    doc = noun.doc
    return (
        noun.pos_ == "NOUN"
        and name.i < noun.i
        and doc[name.i + 1].text == ","
        and all(w.pos_ in ("DET", "ADJ", "NOUN", "NUM") for w in doc[name.i + 2 : noun.i])
    )


def _describes_holding(t: Token) -> bool:
    """Present tense or a perfect that lasts "since": who holds a place, not a change of hands."""
    if t.tag_ in ("VBZ", "VBP"):
        return not _now_holds_a_named_place(t)
    if any(c.dep_ == "advmod" and c.lower_ == "still" for c in t.children):
        return True  # "the villages they still occupied": what they held then
    if any(c.dep_ == "auxpass" and c.lower_ in ("is", "are", "am", "'s", "'re") for c in t.children):
        return True
    perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in t.children)
    return perfect and any(c.dep_ == "prep" and c.lower_ == "since" for c in t.children)


def _now_holds_a_named_place(t: Token) -> bool:
    """ "The rebels now hold Lashio": the news that it has changed hands; not "now control 18% of the country",
    nor a clause that describes its subject ("rebels, who now hold Lashio")."""
    if not any(c.dep_ == "advmod" and c.lower_ == "now" for c in t.children) or t.dep_ not in _MAIN_CLAUSES:
        return False
    dobj = child(t, "dobj")
    return dobj is not None and dobj.pos_ == "PROPN"


_MAIN_CLAUSES = frozenset(["ROOT", "ccomp", "conj"])


@dataclass
class TCFrame:
    trigger: Token
    places: list[PlaceRef]
    gaining: str | None = None
    losing: str | None = None
    partial: bool = False
    sequel: bool = False  # the places changed hands as in the last change the story told, between the same sides


def tc_frames(t: Token) -> list[TCFrame]:
    """Control changes a trigger states; none when the actor is not an armed one ("protesters occupied")."""
    frames = _frames(t)
    subj = subject_of(t) if frames else None
    if (
        subj is not None
        and (subj.lemma_.lower() in lx.NON_MILITARY_NOUNS or subj.lower_ in lx.NON_MILITARY_NOUNS)
        and not any(is_force(c) for c in subj.conjuncts)  # but "police and army units took control of"
    ):
        return []
    if (
        subj is not None
        and subj.lemma_.lower() in ("convoy", "column")
        and not is_force(subj)
        and any(w.lemma_.lower() in _RELIEF_WORDS for w in subj.subtree)
    ):
        return []  # "a convoy of 44 trucks from the United Nations entered Madaya": aid, not an army
    return frames


_RELIEF_WORDS = frozenset("aid relief humanitarian food medicine nations cross crescent".split())


def _present_holding(t: Token) -> bool:
    """ "control large parts of the country": a present state; "now control Goma" tells it has just changed."""
    # a bare "VB" with no auxiliary is a present the parser misread ("groups linked to al-Qaida control ...")
    bare = t.tag_ == "VB" and not any(c.dep_ == "aux" for c in t.children)
    return (t.tag_ in ("VBP", "VBZ") or bare) and not any(c.lower_ == "now" for c in t.children)


_GROUP_NOUNS = frozenset("village town settlement locality".split())


def _naming_frames(t: Token) -> list[TCFrame]:
    """ "The ministry named the villages as Strilecha, Pylna and Borysivka": the places of a capture the story
    told as a group; who took them is the story's actor."""
    group = child(t, "dobj")
    if group is None or group.lemma_.lower() not in _GROUP_NOUNS or group.tag_ != "NNS":
        return []
    as_prep = next((p for p in t.children if p.dep_ == "prep" and p.lower_ == "as"), None)
    if as_prep is None or as_prep.i + 1 >= len(t.doc):
        return []
    # "as A, B and C, north of Kharkiv, and D and E, near Vovchansk": lists that a locating phrase interrupts
    names: list[str] = []
    i = as_prep.i + 1
    while i < t.sent.end:
        w = t.doc[i]
        opens = t.doc[i - 1].lower_ in (",", "and", "as")
        free = w.dep_ != "pobj" or w.head == as_prep
        if opens and w.pos_ == "PROPN" and free and w.text not in " ".join(names).split():
            run = name_run(t.doc, i)
            names += [n for n in run if n not in names]
        i += 1
    return [TCFrame(t, [PlaceRef(n) for n in names], gaining=None)] if names else []


def _followed_frames(t: Token) -> list[TCFrame]:
    """ "Zaranj fell to the Taliban on 6 August, and Sheberghan followed the next day": the next town changed
    hands as the one before it did."""
    listed = followed_by(t)
    if listed:
        # "handed over the al-Qaim base on 19 March, followed by Qayyarah Airfield West on 26 March"
        prior = clause_followed(t)
        before = [f for f in _frames(prior) if f.places] if prior is not None else []
        # "pulled its troops out of Mali in 2022, followed by Burkina Faso and Niger": states left, none taken
        places = [r for o in listed if not is_country(name_span(o)) for r in places_from(o)[0]]
        if not before or not places:
            return []
        return [TCFrame(t, places, gaining=before[0].gaining, losing=before[0].losing)]
    # "Timbuktu followed on 1 April": a town that fell after the one the sentence before told of
    opens_a_sentence = t.dep_ == "ROOT" and _dated(t)
    if (t.dep_ != "conj" and not opens_a_sentence) or t.pos_ != "VERB" or child(t, "dobj") is not None:
        return []
    subj = subject_of(t)
    if (
        subj is None
        or subj.pos_ != "PROPN"
        or is_force(subj)
        or is_country(subj.text)
        or not is_placeish(subj)
        or not known_place(subj.text)
    ):
        return []
    if prep_objects(t, "with", "by", "in") or any(c.lower_ == "suit" for c in t.children):
        return []  # "Kyiv followed with a new mobilisation law", "followed suit": a response, no town taken
    places, partial = places_from(subj)
    # "Zangilan followed on 20 October and Qubadli on 25 October"
    places += [r for w in places_joined_to_a_date(t) for r in places_from(w)[0]]
    if opens_a_sentence:
        return [TCFrame(t, places, partial=partial, sequel=True)] if places else []
    before = [f for f in _frames(t.head) if f.places]
    if not before or not places:
        return []
    return [TCFrame(t, places, gaining=before[0].gaining, losing=before[0].losing, partial=partial)]


_LATER = frozenset("later after afterwards soon shortly next".split())


def _dated(t: Token) -> bool:
    """ "followed on 1 April", "followed two days later": a time the verb is told at."""
    return any(
        w.ent_type_ in ("DATE", "TIME") or w.lower_ in _LATER
        for c in t.children
        if c.dep_ in ("prep", "npadvmod", "advmod")
        for w in c.subtree
    )


def _civilians_evacuated(t: Token) -> bool:
    """A people evacuated (not "forced the Germans to evacuate Naples", an army leaving a town)."""
    passive = any(c.dep_ == "auxpass" for c in t.children)
    subj = subject_of(t)
    # "60,000 Israelis evacuated": a count of people
    counted = subj is not None and any(c.dep_ == "nummod" for c in subj.children)
    people = t.head if t.dep_ == "acl" else subj if passive or counted else None
    return (
        people is not None and people.ent_type_ == "NORP" and people.tag_ == "NNPS" and not is_force(people)
    )


def _a_people_made_to_leave_home(loser: Token, targets: list[Token]) -> bool:
    """ "is forcing Kurds to leave the region": a people driven from its home, which no side takes; but "forced
    the Russians to withdraw from Kherson" names the place an army gave up."""
    return (
        loser.ent_type_ == "NORP"
        and loser.tag_ == "NNPS"
        and loser.dep_ == "dobj"
        and loser.head.lemma_.lower() in ("force", "drive", "push", "compel")
        and all(t.pos_ != "PROPN" for t in targets)
    )


def _frames(t: Token) -> list[TCFrame]:
    lemma = t.lemma_.lower().removeprefix("re-")
    if (
        lemma == "fall"
        and any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in t.children)
        and not any(c.dep_ == "prep" and c.lower_ in ("under", "to") for c in t.children)
    ):
        lemma = "retreat"  # "the garrison fell back from the town": a retreat ("fell back under X control" is not)
    if lemma == "give" and any(c.dep_ == "prt" and c.lower_ == "up" for c in t.children):
        lemma = "cede"  # "US Marines gave up the adjoining Camp Leatherneck to Afghan control"
    if left_in_a_state(t):
        return []  # "leaving the city largely surrounded": no one left it
    if lemma in ("take", "hold") and _taken_captive(t):
        return []  # "had taken prisoner Brig. Gen. Thurein Tun", "took two officers hostage": people
    if lemma == "evacuate" and _civilians_evacuated(t):
        return []  # "some 60,000 Israelis evacuated from the north": a people moved out of harm's way
    if lemma in lx.NAMING_VERBS:
        return _naming_frames(t) if t.pos_ == "VERB" else []
    if lemma in lx.FOLLOW_VERBS:
        return _followed_frames(t)
    if lemma == "control" and (t.dep_ in ("acl", "amod", "relcl") or _present_holding(t)):
        return []  # "points controlled by the army", "jihadis control large parts of": who holds, not a change
    if t.i > 0 and t.doc[t.i - 1].text == "-" and not t.doc[t.i - 1].whitespace_:
        return []  # "the Israeli-occupied Golan Heights", "rebel-held": a description, not a statement
    infinitive = t.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
    described = t.dep_ == "acl" and t.tag_ == "VBN" or t.dep_ in ("acl", "relcl") and infinitive
    # but "The first provincial capital to fall was Zaranj", "Zaranj became the first ... to fall" name it
    named_by_copula = t.head.dep_ in ("nsubj", "attr") and t.head.head.lemma_ in ("be", "become")
    if described and t.head.pos_ == "NOUN" and ranked(t.head) and not named_by_copula:
        # "four villages, the first settlements taken back since ...", "Zaranj, the first provincial capital
        # to fall to the insurgents": a description of places told
        return []
    misread = t.pos_ in ("NOUN", "PROPN") and (t.lower_ in _VERB_ONLY_FORMS or _perfect_misread(t))
    if misread or _verb_read_as_a_modifier(t, lemma):
        return _misread_verb_frames(t)
    # "had overrun most of the city": a perfect the tagger read as a noun
    perfect = (
        t.pos_ == "NOUN"
        and t.dep_ == "conj"
        and any(c.dep_ == "aux" and c.lower_ == "had" for c in t.children)
    )
    if (t.pos_ == "NOUN" or t.pos_ == "PROPN") and not perfect:
        return _tc_noun_frames(t, lemma)
    if lemma in _HOLDING_VERBS and _describes_holding(t):
        return []  # "the area is controlled by the YPG", "Russian troops have occupied Kherson since March"
    if t.pos_ not in ("VERB", "AUX") and t.tag_ not in ("VBN", "VBD", "VBG") and not perfect:
        return []
    frames: list[TCFrame] = []
    passive = is_passive(t)
    subj = subject_of(t)
    dobj = handed_object(t) if lemma in lx.HANDOVER_VERBS else child(t, "dobj")
    office = dobj is not None and (_an_office(dobj) or _took_over(t))
    if not passive and subj is not None and office and _civilian_by_title(subj):
        return []  # "Mr Miller, who took over the Pentagon last week": an office changed hands, not ground
    if not passive and subj is not None and lemma in _ARRIVALS and is_warship(subj):
        return []  # "the patrol vessel INS Sumedha has reached Port Sudan": a ship in port holds no ground

    # "took / seized / gained / established control of P"; "lost control of P"; "were in control of P"
    control = dobj if dobj is not None and dobj.lemma_.lower() == "control" else None
    if dobj is not None and dobj.lemma_.lower() == "sovereignty" and lemma in _SOVEREIGNTY_VERBS:
        control = dobj  # "its troops had restored sovereignty over Nagorno-Karabakh"
    if control is not None and any(c.lower_ == "fire" for c in control.children):
        return []  # "imposed fire control over the road": in range of its guns, not held
    if (
        control is None
        and t.dep_ == "amod"
        and t.head.lemma_.lower() == "control"
        and lemma in lx.CONTROL_VERBS
    ):
        control = t.head  # parser slip: "YPG forces secured control of ..." read as "secured control"
        subj = subj or left_armed_noun(t)
    elif t.dep_ in ("amod", "compound"):
        # "a remote-controlled IED", "the captured soldiers": a modifier, not a statement; but the parser
        # also makes "militias of X captured Luq, Belethawo and El-Waq" a modifier
        armed = left_armed_noun(t)
        if lemma in lx.GAIN_VERBS and lemma != "control" and armed is not None:
            return _name_list_frames(t, actor_of(armed))
        return []
    now = any(c.lower_ == "now" for c in t.children)
    if (
        control is None
        and lemma == "be"
        and (t.tag_ in ("VBD", "VBN") or now and t.dep_ in _MAIN_CLAUSES)
        and not any(c.lower_ == "still" for c in t.children)  # "the army was still in control of Dessie"
    ):  # "were in control of", "are now in full control of"; "are" is a state
        for p in prep_objects(t, "in", "under"):
            if p.lemma_.lower() == "control":
                control = p
    under = next((p for p in prep_objects(t, "under") if p.lemma_.lower() == "control"), None)
    if under is None and lemma == "pass":
        # "Vogošća, Ilijaš and Ilidža passed to Federation control": handed over; not a town won at the polls
        # ("passed to opposition control") or a firm taken into state hands
        under = next((p for p in prep_objects(t, "to") if p.lemma_.lower() == "control"), None)
        owners = [c.lower_ for c in under.children] if under is not None else []
        if any(o in _CIVIL_OWNERS for o in owners) or any(w.lemma_.lower() in _BALLOT_WORDS for w in t.sent):
            under = None
    still = any(c.lower_ in ("still", "remain", "remained") for c in t.children)  # a state, not a change
    # "had been under Armenian control for nearly three decades": how long a state lasted, not a change
    still = still or any(o.lemma_.lower() in _DURATIONS for o in prep_objects(t, "for"))
    # "the city is under the control of the army": a state; but "Palmyra is now under the army's control" is news
    still = still or (lemma == "be" and t.tag_ in ("VBZ", "VBP") and not now)
    if under is not None and lemma in ("be", "come", "fall", "pass") and subj is not None and not still:
        # "the oil fields were once again under ISIL control", "all roads came under the control of the army"
        owners = prep_objects(under, "of") or [
            c for c in under.children if c.dep_ in ("compound", "amod", "poss")
        ]
        places, partial = places_from(subj)
        if places:
            gainer = (
                actor_of(owners[0])
                if owners and owners[0].dep_ == "pobj"
                else (" ".join(o.text for o in owners) or None)
            )
            return [TCFrame(t, places, gaining=gainer, partial=partial)]
    if control is not None and (lemma in lx.CONTROL_VERBS or lemma == "be"):
        if _restates_an_entry(t):
            return []  # the entry's frame tells it, with the place's name
        objs = prep_objects(control, "of", "over")
        if not objs:  # "took control Sunday of Yabroud": the "of" hangs off the verb or the date
            doc = t.doc
            for w in doc[control.i + 1 : min(len(doc), control.i + 5)]:
                if w.dep_ == "prep" and w.lower_ in ("of", "over"):
                    objs = [c for c in w.children if c.dep_ == "pobj"]
                    break
        # "taken control of the port and most of the town of Mocha": the parser may join the share to the verb
        objs = objs + [c for c in t.children if c.dep_ == "conj" and c.lemma_.lower() in PARTIAL_HEADS]
        # "took control of the town of Jabrayil and several nearby villages", "of Kabul and the presidential
        # palace": the parser joins the villages or the site to "control"
        objs += [c for c in control.conjuncts if c.lower_ in _SETTLEMENTS or c.lemma_.lower() in FACILITIES]
        # "broke through the gates of Belbek air base ... and took control of it": the place named before
        objs = [pronoun_place(o) if o.lower_ in ("it", "them") else o for o in objs]
        objs = [o for o in objs if o is not None]
        for obj in objs:
            places, partial = places_from(obj)
            places = located_by_verb(t, places)
            if not places:
                continue
            receiver = child(t, "dative") if lemma == "give" else None
            actor = actor_of(
                receiver if receiver is not None else subj
            )  # "giving its forces full control of"
            if lemma in ("lose", "cede"):
                # "lost control of Lashio ... to an ethnic armed group"
                takers = [
                    o
                    for o in prep_objects(t, "to")
                    if is_armed(o) or (o.pos_ == "PROPN" and not is_placeish(o))
                ]
                gaining = actor_of(takers[0]) if takers else None
                frames.append(TCFrame(t, places, gaining=gaining, losing=actor, partial=partial))
            else:
                losing = prep_objects(t, "from")
                frames.append(
                    TCFrame(
                        t,
                        places,
                        gaining=actor,
                        losing=actor_of(losing[0]) if losing else None,
                        partial=partial,
                    )
                )
        return frames

    if lemma in lx.GROUND_VERBS and dobj is not None and dobj.lemma_.lower() in lx.GROUND_NOUNS:
        return _ground_frames(t, dobj, subj)

    if lemma in lx.FLAG_VERBS and dobj is not None and dobj.lemma_.lower() == "flag":
        return _flag_frames(t, dobj, subj)
    raised = child(t, "nsubjpass")
    if lemma in lx.FLAG_VERBS and passive and raised is not None and raised.lemma_.lower() == "flag":
        # "the flag of Azerbaijan had been raised over the Khudafarin Bridge": the flag's side holds it now
        owner = next(iter(prep_objects(raised, "of")), None) or next(
            (c for c in raised.children if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE")),
            None,
        )
        if owner is None or not _flies_for_a_side(owner):
            return []
        # "the Ukrainian flag was raised over the parliament building on Independence Day": a ceremony
        return [
            f
            for f in _flag_frames(t, raised, owner)
            if not any(r.head is not None and r.head.lemma_.lower() in _CEREMONIAL_SITES for r in f.places)
        ]

    if lemma == "clear" and _cleared_of_debris(t, dobj):
        return []  # "has since been cleared of mines and improvised explosives": made safe, no side ousted
    if lemma == "clear" and not passive and dobj is not None and is_force(dobj):
        return _drive_frames(t, subj, dobj, passive)  # "cleared the militants from the town"

    if (
        lemma == "take"
        and dobj is not None
        and dobj.lemma_.lower() in ("road", "route")
        and (prep_objects(dobj, "to") or prep_objects(t, "to"))
    ):
        return []  # "They then took the road to Kisangani": a way travelled, not ground taken
    if lemma == "take" and any(c.dep_ == "prt" and c.lower_ == "out" for c in t.children):
        return []  # "shelling has taken out the power station in Kherson": destroyed, not taken
    if lemma in lx.GAIN_VERBS and in_progress(t):
        return []  # "troops are clearing the last pockets", "were storming the airport": not taken yet
    if lemma in lx.GAIN_VERBS and _habitual(t):
        return []  # "partner forces continue to conduct raids and secure detention facilities": a routine

    if lemma in lx.GAIN_VERBS | lx.PARTIAL_VERBS and lemma not in ("win", "leave"):
        partial_verb = lemma in lx.PARTIAL_VERBS and lemma != "storm" or lemma == "storm"
        if passive:
            target = subj if subj is not None and subj.dep_ == "nsubjpass" else None
            if target is None and t.dep_ in ("acl", "relcl"):
                target = t.head
            if target is None and not any(c.dep_ == "nsubjpass" for c in t.children):
                # "Elephant Pass, lost to the Tigers in April 2000, was retaken": the parser made the place
                # the subject of the aside before the verb
                asides = [c for c in t.children if c.dep_ == "advcl" and c.i < t.i]
                named = [s for c in asides for s in children(c, "nsubj") if s.pos_ == "PROPN"]
                target = next((s for s in named if is_placeish(s)), None)
            gainer = actor_of(agent(t)) or operation_owner(t)
        else:
            target = dobj
            gainer = actor_of(subj)
            named = _name_read_as_adverb(t)
            if target is None or (named is not None and _describes_name_before(target, named)):
                # "recaptured Shevchenkove, a road junction west of Kupiansk": the parser makes the description
                # the object
                target = named
            if target is None:
                target = next(  # "Russian troops had 'liberated' Krynky": the name read as a predicate
                    (o for o in children(t, "oprd", "attr") if o.pos_ == "PROPN" and is_placeish(o)), None
                )
            if (
                target is None
                and t.dep_ == "relcl"
                and child(t, "nsubj") is not None
                and t.head.ent_type_ != "PERSON"  # "Syrskyi, who took over as commander-in-chief": a post
            ):
                target = t.head  # "the only regional capital they had seized"
            if (
                target is None
                and t.dep_ == "ccomp"
                and t.head.dep_ == "relcl"
                and t.head.lemma_.lower() in lx.CLAIM_VERBS
                and any(c.dep_ == "dobj" and c.lower_ in ("which", "that") for c in t.head.children)
                and is_placeish(t.head.head)
            ):
                target = t.head.head  # "the town of Shusha, which Aliyev said Azerbaijani troops had taken"
        if target is not None and target.lower_ in ("it", "them", "which"):
            target = pronoun_place(target)
        if _restates_an_entry(t) or _restates_a_capture(t):
            return []  # the entry's frame tells it, with the place's name
        if target is None and not passive and _declared(t) and is_placeish(subj):
            # "Duterte declared the southern city of Marawi liberated": the declaring side's claim
            declarer = subject_of(t.head)
            # "President Rodrigo Duterte declared ...": a leader speaks for the side that took it, named elsewhere
            gainer = None if declarer is not None and declarer.ent_type_ == "PERSON" else actor_of(declarer)
            target = subj
        if target is None and not passive:
            return _into_frames(t, subj) or _name_list_frames(t, gainer)
        if target is None:
            return []
        places, partial = places_from(target)
        # "overran the compound, the police headquarters and ...": the parser may join the list to the verb
        listed_on = [
            c
            for c in t.children
            if c.dep_ == "conj"
            and c.pos_ == "NOUN"
            and not passive
            and target is dobj
            # "had taken the town from Poland ..., and the recently reinforced garrison held out": a new clause
            and not any(p.dep_ == "prep" and target.i < p.i < c.i for p in t.children)
        ]
        # "had taken Kirkuk city, the nearby K1 military base, the Baba Gurgur and Avana oil fields": the parser
        # may hang the second item on the verb as an adverbial noun
        listed_on += [
            c
            for c in t.children
            if c.dep_ == "npadvmod"
            and c.lemma_.lower() in lx.PLACE_NOUNS
            and target is dobj
            and not passive
            and c.i > target.i
            and t.doc[c.left_edge.i - 1].text == ","
            # "four villages ..., the first settlements taken back since ...": a description of the ones named
            and not ranked(c)
        ]
        extras = [c for c in t.children if c.dep_ == "dobj" and c != target and not ranked(c)]
        for extra in extras + listed_on:
            # "seized the K1 base, the Baba Gurgur oil field and ...": a list the parser made two objects of; but
            # "seized Gharyan ..., the main forward base for the offensive" describes the place it named
            # "...; the police headquarters and the city prison": a list goes on where the object has conjuncts
            if extra.tag_ == "NNS" or extra.conjuncts or any(w.pos_ == "PROPN" for w in extra.subtree):
                places += places_from(extra)[0]
        told = {p.text for p in places}
        places += [p for p in _gapped_places(t) if p.text not in told]
        if not passive and target is dobj:
            places += [r for w in places_joined_to_a_date(t) for r in places_from(w)[0] if r.text not in told]
            # "seized much of Nineveh province, including the city of Tal Afar": the list hangs on the verb
            included = [r for o in prep_objects(t, "including") for r in places_from(o)[0]]
            places += [r for r in included if r.text not in told]
        places = located_by_verb(t, sited_at(t, target, places))
        if not passive and target is dobj and (named := _names_after_a_colon(t, target)):
            places = named  # "took the high ground west of Stanley: Mount Longdon, Two Sisters and ..."
        if not places:
            return []
        losers = prep_objects(t, "from") or (prep_objects(target, "from") if target is not None else [])
        # "entered the city from the east and west": a direction, not the side that lost it
        losers = [lo for lo in losers if lo.pos_ in ("NOUN", "PROPN") and not _bare_direction(lo)]
        if lemma == "reach" and (sent_in(subj) or keeps_the_peace(subj) or for_drills(t)):
            # "special forces flown in from Kabul reached the airport", "the first KFOR troops reached Pristina",
            # "23 soldiers reached the base in Doha and began joint exercises": forces arriving (deploy_frames)
            return []
        if lemma == "reach" and (
            not is_armed(subj)
            or target.lemma_.lower() in _WAYPOINTS
            or subj.lemma_.lower() in ("convoy", "column")
        ):
            return []  # "reached the main road", "reached the river": a line crossed, not a place taken
        if lemma in ("breach", "penetrate") and target.lemma_.lower() in _WAYPOINTS | _DEFENCES:
            return []  # "breached defence lines": a line broken through, no place named as taken
        if lemma in ("secure", "clear") and target.lemma_.lower() in _ROUTES:
            return []  # "secured the main roads into the town": a route kept open, not a place taken
        if (
            lemma == "take"
            and target.lemma_.lower() == "position"
            and any(c.lower_ == "up" for c in t.children)
        ):
            return []  # "troops took up positions around the city": a deployment, no place taken
        if lemma == "enter" and not passive and peaceful_entry(t, force_of(subj)):
            return []  # a deployment, not a fight for the place (see deploy_frames)
        if lemma == "enter" and not passive and sent_to_help(t):
            return []  # "entered Afrin District to support the Kurdish defenders": allies sent in, no ground taken
        frames.append(
            TCFrame(
                t,
                places,
                gaining=gainer,
                losing=actor_of(losers[0]) if losers else None,
                # "entered the Agdam district, taking over the first of three territories": all of it
                partial=partial or (partial_verb or lemma == "storm") and _takeover_told_after(t) is None,
            )
        )
        for place, loser in _taken_from_each(losers[:1]):
            taken = [PlaceRef(name_span(place), place)]
            frames.append(TCFrame(t, taken, gaining=gainer, losing=actor_of(loser)))
        return frames

    if lemma in lx.FALL_VERBS and any(c.lower_ in _FALL_IDIOMS for c in t.children):
        return []  # "which Israel said fell far short of its demands", "the city fell silent"
    # "Shusha had been lost to Azerbaijani forces": fell to them
    lost_to = (
        lemma == "lose"
        and passive
        and subj is not None
        and is_placeish(subj)
        # "were lost to Ukrainian drones": weapons take no place
        and any(is_armed(o) and o.lemma_.lower() not in lx.EQUIPMENT_NOUNS for o in prep_objects(t, "to"))
    )
    # "Ras al-Ain passed to Turkish-backed forces on 20 October": fell to them
    passed_to = (
        lemma == "pass"
        and not passive
        and subj is not None
        and is_placeish(subj)
        and any(is_force(o) for o in prep_objects(t, "to"))
    )
    if lemma in lx.FALL_VERBS or lost_to or passed_to:
        subjects = children(t, "nsubj")
        if len(subjects) > 1 and not is_placeish(subj):
            # "The rebels held out in Sirte; Sirte fell on 20 October": the parser gives the verb both subjects
            subj = next((s for s in subjects if is_placeish(s)), subj)
        if subj is None:
            if t.dep_ == "relcl":
                subj = t.head
            else:
                return []
        by_rank = t.dep_ in ("relcl", "acl") and ranked(t.head)
        if by_rank and t.head.dep_ not in ("attr", "oprd", "nsubj"):
            return []  # "captured Hanano, the first neighbourhood of eastern Aleppo to fall": Hanano, told
        if by_rank and t.head.dep_ != "nsubj":  # "the first capital to fall was Zaranj": told below
            # "Zaranj became the first provincial capital to fall": the place the description is said of
            subj = child(t.head.head, "nsubj") or _name_before(t.head.head) or t.head
        subj = _named_as(subj) if t.dep_ == "relcl" and t.head == subj else subj
        # "fell into the hands of the Viet Minh": to them
        into = prep_objects(t, "into")
        hands = [o for h in into if h.lemma_.lower() == "hand" for o in prep_objects(h, "of")]
        gainers = prep_objects(t, "to") or [o for o in hands if is_armed(o) and is_placeish(subj)]
        under = [p for p in prep_objects(t, "under") if p.lemma_.lower() == "control"]
        listed = [subj, *(c for c in subj.conjuncts if c.i > subj.i)]
        if not gainers and not under and not any(is_placeish(s) for s in listed):
            return []
        named = subj.text[:1].isupper() and subj.lemma_.lower() not in lx.PLACE_NOUNS
        if (
            not gainers
            and not under
            # "Shire, Axum and Adigrat fell": one name the gazetteer knows tells that the list names towns
            and (_fell_into_a_state(t) or named and not any(known_place(name_span(s)) for s in listed))
        ):
            # "Tripoli fell into chaos", "Kabul fell under heavy snow", "Apple fell 3%": no side took anything
            return []
        places, partial = places_from(subj)
        members = _members_of_a_set(t)
        if members:
            # "The governor's compound and the police headquarters were among the buildings that fell to the
            # militants": the places named as members of the set
            places, partial = [r for m in members for r in places_from(m)[0]], False
        if (
            not places
            and gainers
            and is_armed(gainers[0])
            and subj.text[:1].isupper()
            and subj.pos_ == "NOUN"
        ):
            # "Tessalit fell to Malian troops": a name the tagger did not know, fallen to an armed side
            places, partial = [PlaceRef(subj.text, subj)], False
        if not places:
            return []
        gainer = actor_of(gainers[0]) if gainers else None
        if under and gainer is None:
            mods = [c for c in under[0].children if c.dep_ in ("amod", "compound", "poss")]
            gainer = " ".join(m.text for m in mods) or None
        if (
            not gainers
            and not under
            and subj.pos_ != "PROPN"
            and subj.lemma_.lower() not in lx.PLACE_NOUNS
            # "Axum and Adigrat fell": a town's name read as a noun
            and not (subj.text[:1].isupper() and is_placeish(subj))
        ):
            return []
        frames.append(TCFrame(t, places, gaining=gainer or _taker_in_time_clause(t), partial=partial))
        return frames

    if lemma in lx.DRIVE_VERBS:
        return _drive_frames(t, subj, dobj, passive)

    if (lemma in lx.LOSE_VERBS or lemma in lx.HANDOVER_VERBS) and not departure_for_elsewhere(t):
        if lemma == "withdraw" and dobj is not None and is_envoy(dobj):
            return []  # "withdrew Ambassador Smith from Niamey": a state calls a person home
        moved = child(t, "nsubjpass") if passive else dobj
        if lemma == "transfer" and moved is not None and is_force(force_of(moved)):
            return []  # "the division was transferred from Tobruk to the frontier": a force moved, nothing handed
        if lemma == "return" and moved is None and subj is not None and is_force(force_of(subj)):
            return []  # "The battalion returned from Iraq to Afghanistan": a journey, nothing handed back
        targets: list[Token] = []
        if lemma in ("withdraw", "retreat", "pull", "flee", "move"):
            # "pulled back from the new terminal": the parser may hang "from" on "back"
            particles = [  # "pulled its troops out of the town": "out" may be parsed as a preposition
                c
                for c in t.children
                if c.dep_ in ("advmod", "prt", "prep") and c.lower_ in MOVE_PARTICLES
            ]
            targets = (
                prep_objects(t, "from", "of")
                or [o for p in particles for o in prep_objects(p, "from", "of")]
                or left_without_a_fight(t)
                # "Separatist units fled Kramatorsk, Druzhkivka and Kostiantynivka"
                or (
                    [dobj]
                    if lemma == "flee"
                    and dobj is not None
                    and _named_place(dobj)
                    and subj is not None
                    and is_force(force_of(subj))
                    and not prep_objects(t, "for")  # "conscripts fled Moscow for Georgia": people leaving
                    else []
                )
            )
            targets += [o for o in repeated_departures(t) if o not in targets]
            targets = [o for o in targets if name_span(o) not in MEMBERSHIPS]  # "pulled out of the EU"
            # "Lebanese troops deployed in the town of Khiam after Israeli forces withdrew from it"
            targets = [(pronoun_place(o) or o) if o.lower_ in ("it", "them") else o for o in targets]
        elif dobj is not None:
            # "handed control of the town to a regional force": the place is what control is of; "departed Bagram
            # Airfield ... and handed it over": the place named before; "left Gao on 15 August and Kidal on 20
            # August": the parser joins the second place to the date
            targets = (
                prep_objects(dobj, "of", "over")
                if dobj.lemma_.lower() == "control"
                else [dobj, *places_joined_to_a_date(t)]
            )
            if lemma in lx.HANDOVER_VERBS:
                targets = [(_left_place(o) if o.lower_ in ("it", "them") else o) or o for o in targets]
                targets = [_place_just_left(t, o) or _site_just_left(t, o) or o for o in targets]
        else:
            targets = prep_objects(t, "from")
        surrendered = _surrendered_place(subj) if lemma == "surrender" and not targets and not passive else []
        targets = targets or surrendered
        handed = (
            child(t, "nsubjpass") if passive and lemma in lx.HANDOVER_VERBS | {"abandon", "lose"} else None
        )
        if not targets and handed is not None and _named_place(handed) and not is_force(handed):
            # "The base was formally handed over to the Nigerien Armed Forces", "Kimpo Airfield and the port of
            # Inchon were abandoned on 5 January", "Kandahar and Herat were lost within hours"
            targets = [handed]
        if not targets:
            return []
        if t.dep_ == "acl" and t.tag_ == "VBG" and t.head.pos_ == "NOUN" and not is_armed(t.head):
            return []  # "a gateway for aid and for people leaving the Strip": who leaves is no side
        # "handed over Air Base 201, its last base in Niger, to Nigerien forces": "to" may hang on the object
        receivers = (
            prep_objects(t, "to")
            or [o for d in t.children if d.dep_ == "dobj" for o in prep_objects(d, "to") if is_armed(o)]
            # "handed the Aghdam district back to Azerbaijan": the parser hangs "to" on the particle (or reads
            # "over" as a preposition: "handing their base in Gao over to the Malian army")
            or [
                o
                for p in t.children
                if p.dep_ in ("advmod", "prt", "prep") and p.lower_ in ("back", "over")
                for o in prep_objects(p, "to")
            ]
        )
        handed_over = lemma == "hand" and any(
            c.lower_ == "over" and (c.dep_ == "prt" or c.dep_ == "prep" and prep_objects(c, "to"))
            for c in t.children
        )
        if lemma in lx.HANDOVER_VERBS and not receivers and lemma not in lx.LOSE_VERBS and not handed_over:
            return []  # "handed over al-Qaim on March 17": to whom the story told before, or did not
        loser = force_of(agent(t) if passive else subj)  # "the last buses carrying rebel fighters pulled out"
        # "the U.N. mission said it had handed the camp over to the Malian armed forces": a site handed over
        handed_to_a_side = lemma in lx.HANDOVER_VERBS and any(is_force(r) for r in receivers)
        if surrendered:
            loser = None  # "Jalalabad surrendered", "its garrison surrendered": who held it is told elsewhere
        if loser is not None and _a_departure(loser) and any(is_armed(r) for r in receivers):
            # "The pull-out left the former security zone to Hezbollah guerrillas": who left is told elsewhere
            loser, handed_to_a_side = None, True
        if (
            passive
            and loser is None
            and subj is not None
            and subj.dep_ == "nsubjpass"
            and is_force(force_of(subj))
        ):
            loser = force_of(
                subj
            )  # "the 1,000 U.S. troops being withdrawn from northern Syria" are the ones leaving
        if (
            loser is not None
            and not is_armed(loser)
            # "by the Yamadayev brothers, local commanders who had broken with Maskhadov": the side it describes
            and not any(
                a.dep_ == "appos" and (is_armed(a) or a.lemma_.lower() in _WARLORDS) for a in loser.children
            )
            and loser.pos_ != "PROPN"
            and not avoids_capture(t)
            and not handed_to_a_side
        ):
            return []  # but "the military pulled its troops out of Vuhledar to avoid encirclement" lost it
        if loser is not None and _a_people_made_to_leave_home(loser, targets):
            return []
        if (
            passive
            and subj is not None
            and subj.dep_ == "nsubjpass"
            and not is_armed(force_of(subj))
            and targets != [handed]
        ):
            return []  # "residents have been evacuated from border districts": people moved, no side left
        if loser is not None and _both_sides(loser):
            return []  # "Indian and Chinese troops began pulling back from Pangong Lake": no one takes it
        if not handed_to_a_side and (
            (loser is not None and keeps_no_ground(loser)) or (dobj is not None and keeps_no_ground(dobj))
        ):
            return []  # "Russia began withdrawing its peacekeepers from Karabakh": no side fought for it
        gainers = [g for g in receivers if is_armed(g)]  # "left the capital to cheers from residents"
        if lemma in ("withdraw", "retreat", "pull", "flee", "move"):
            # "pulled back from two villages to more defensible positions": where they went, not who took over
            gainers = [g for g in gainers if is_armed(g) and not is_placeish(g)]
            gainers = gainers or _left_to(t) or _moved_in(t, targets)
        out = []
        for target in targets:
            if target.lemma_.lower() in _LINES:
                continue  # "pulled back from the front line": a line, not a place left to the enemy
            if not gainers and _own_quarters(target):
                continue  # "pulled out of their camp in Kidal", "abandoned their barracks": a force moved out
            places, partial = places_from(target)
            if not places and target == handed and not is_placeish(target):
                places = [PlaceRef(target.text, target)]  # "Gudermes, Chechnya's second-largest city"
            places = located_by_verb(t, places)  # "withdrew from the border crossing at Bab al-Hawa"
            if places:
                out.append(
                    TCFrame(
                        t,
                        places,
                        gaining=actor_of(gainers[0])
                        if gainers
                        else _driving_operation(t) or _taker_after(t, loser),
                        losing=actor_of(loser),
                        partial=partial,
                    )
                )
        return out

    if lemma in lx.INTO_VERBS:
        if peacekeepers_rolling_in(t, force_of(subj)):
            return []  # "Russian peacekeepers rolled into Nagorno-Karabakh": posted, they take nothing
        return _into_frames(t, subj)
    return []


_WARLORDS = frozenset("commander warlord chieftain".split())


def _left_place(pron: Token) -> Token | None:
    """ "departed Bagram Airfield ... and handed it over": the place a side just left; not the Patriot battery
    "received from Germany" or the town hall "seized in Tripoli" that a side hands on."""
    place = pronoun_place(pron)
    if place is None:
        return None
    verb = place.head.head if place.dep_ == "pobj" else place.head
    return place if verb.lemma_.lower() in lx.GIVE_UP_VERBS | {"depart"} else None


def _site_just_left(handing: Token, handed: Token) -> Token | None:
    """ "pulled its peacekeepers out of its camp at Ber ... and handed the site over to the Malian armed
    forces": the site is the camp just left, named by its town."""
    if handing.dep_ != "conj" or handed.lemma_.lower() not in ("site", "camp", "base", "facility"):
        return None
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in handed.children):
        return None
    left = handing.head
    out_of = [o for p in left.children if p.lower_ == "out" for o in prep_objects(p, "of")]
    sites = [*prep_objects(left, "from"), *out_of]
    if not any(o.lemma_.lower() in FACILITIES | {"site", "facility"} for o in sites):
        return None
    named = [o for o in sites if any(w.pos_ == "PROPN" for w in o.subtree)]
    if named:
        return named[0]  # "withdrew from their base in Menaka": the site with its town
    # "out of its camp at Ber": the parser hangs the town on the verb
    return next((o for o in prep_objects(left, "at") if o.pos_ == "PROPN" and is_placeish(o)), None)


def _place_just_left(handing: Token, handed: Token) -> Token | None:
    """ "completed its withdrawal from Air Base 201 in Agadez, handing the $110 million drone facility to
    Nigerien forces": the facility described is the base just left."""
    if handing.tag_ != "VBG" or handing.dep_ not in ("advcl", "xcomp", "conj") or handed.pos_ == "PROPN":
        return None
    if handed.lemma_.lower() == "position" and any(c.dep_ == "poss" for c in handed.children):
        # "withdrew its last troops from southern Lebanon, handing its remaining positions to U.N.
        # peacekeepers": the ground left
        return next((o for o in prep_objects(handing.head, "from") if is_placeish(o)), None)
    if handed.lemma_.lower() not in FACILITIES | {"facility"} or any(w.pos_ == "PROPN" for w in handed.lefts):
        return None
    left = [
        o
        for p in handing.head.subtree
        if p.dep_ == "prep" and p.lower_ in ("from", "of") and p.i < handing.i
        for o in p.children
        if o.dep_ == "pobj"
        and o.pos_ == "PROPN"
        and o.lower_ in FACILITIES  # a base left, not the town it is in
    ]
    return left[0] if left else None


def _surrendered_place(subj: Token | None) -> list[Token]:
    """ "Jalalabad surrendered without resistance", "the garrison of Kunduz surrendered": the town given up. A
    state that surrenders ("Japan surrendered") gives up a war, not a place."""
    if subj is None:
        return []
    if subj.lemma_.lower() in ("garrison", "detachment"):
        # "the Argentine detachment at Leith Harbour surrendered", "the garrison on Faylaka Island"
        return prep_objects(subj, "of", "at", "in", "on")
    if is_force(subj) or is_country(subj.text) or not is_placeish(subj) or subj.lower_ in lx.UNIT_NAME_WORDS:
        return []  # "the Laukkai Regional Operations Command surrendered": a unit gave itself up
    if subj.pos_ == "PROPN":
        # "Trump surrendered at the Fulton County jail": a person gives himself up; a town the gazetteer knows
        return [subj] if known_place(subj.text) else []
    return [subj] if subj.lemma_.lower() in lx.PLACE_NOUNS else []


def _taker_in_time_clause(t: Token) -> str | None:
    """ "Nyala fell on 26 October when the RSF overran the headquarters of the army's division": the side whose
    capture the clause tells took the town."""
    for c in t.children:
        if c.dep_ == "advcl" and any(
            m.lower_ in ("when", "as", "after") for m in children(c, "mark", "advmod")
        ):
            subj = subject_of(c)
            if c.lemma_.lower() in lx.GAIN_VERBS and is_armed(subj):
                return actor_of(subj)
    return None


def _taker_after(t: Token, loser: Token | None) -> str | None:
    """ "Eritrean troops pulled out of Shire and Axum, and the TDF took over both towns": the side the joined
    clause has take the places just left, named again only in general words."""
    for c in [*t.conjuncts, *(c for c in t.children if bare_finite_advcl(c))]:
        if c.i < t.i or c.lemma_.lower() not in lx.GAIN_VERBS | lx.INTO_VERBS | {"take", "move"}:
            continue
        subj = subject_of(c)
        if subj is None or subj == loser or not is_armed(subj) or subj.pos_ == "PRON":
            continue
        objects = [o for o in c.children if o.dep_ == "dobj"] + prep_objects(c, "into", "over", "of")
        if objects and all(_place_told_before(o) for o in objects):
            return actor_of(subj)
        if not objects and (_moves_in(c) or _took_over(c)):
            return actor_of(subj)  # "and Ukrainian forces moved in behind them", "and al-Shabab took over"
    if t.dep_ == "advcl" and _moves_in(t.head):
        subj = subject_of(t.head)  # "The Lebanese army moved in as Israeli troops pulled out of the farms"
        if subj is not None and subj != loser and is_armed(subj) and subj.pos_ != "PRON":
            return actor_of(subj)
    return None


def _took_over(t: Token) -> bool:
    """ "al-Shabab fighters took over hours later": took over the place just left, not named again."""
    return t.lemma_.lower() == "take" and any(c.dep_ == "prt" and c.lower_ == "over" for c in t.children)


def _moves_in(t: Token) -> bool:
    """ "moved in", "went in": an entry into the place just named, which the verb does not name again."""
    return t.lemma_.lower() in ("move", "go", "come") and moving_in(t)


def _place_told_before(obj: Token) -> bool:
    """ "both towns", "the town", "the vacated camp", "them": places named before, not new ones (nor "the
    opportunity", "the prisoners")."""
    if obj.pos_ == "PRON" or any(w.pos_ == "PROPN" for w in obj.subtree):
        return obj.pos_ == "PRON" and obj.lower_ in ("it", "them")
    return (obj.lemma_.lower() in lx.PLACE_NOUNS or obj.lower_ in lx.PLACE_NOUNS) and any(
        c.dep_ in ("det", "predet") and c.lower_ in ("both", "the", "these", "those") for c in obj.children
    )


def _driving_operation(t: Token) -> str | None:
    """ "During the Ukrainian counter-offensive, Russian troops were forced to leave Bilohorivka": the side whose
    operation drove them out."""
    return operation_owner(t) or (operation_owner(t.head) if t.dep_ == "xcomp" else None)


# Forms no noun or name takes, which the tagger still reads as one before a place it does not know
_VERB_ONLY_FORMS = frozenset(["overran", "retook", "overtook"])


def _gapped_places(t: Token) -> list[PlaceRef]:
    """ "Fuzuli was taken on 17 October, Zangilan on 20 October and Gubadli on 25 October": the verb said once,
    each further place with its own day. The parser hangs those names anywhere; the words show the pattern."""
    doc = t.doc
    dated = [c for c in t.children if c.dep_ in ("prep", "prt") and c.lower_ in ("on", "in") and c.i > t.i]
    # "taken on the same day": the parser may hang the day on the verb and leave the preposition bare
    dated = [
        c
        for c in dated
        if any(w.ent_type_ == "DATE" for w in c.subtree)
        or c.i + 1 < len(doc) and doc[c.i + 1].ent_type_ == "DATE"
    ]
    if not dated:
        return []
    # the date's own words end it: the parser may make the next place a conjunct of the date ("on 20 November
    # and Axum a few days later")
    told_dates = [w.i for w in dated[0].subtree if w.ent_type_ == "DATE"]
    i = max(told_dates) + 1 if told_dates else dated[0].i + 1
    while i < len(doc) and doc[i].ent_type_ == "DATE":
        i += 1
    out: list[PlaceRef] = []
    while i < len(doc):
        if doc[i].text == ",":
            i += 1
        if i < len(doc) and doc[i].lower_ == "and":
            i += 1
        start = i
        while i < len(doc) and (doc[i].pos_ == "PROPN" and doc[i].ent_type_ != "DATE" or doc[i].text == "-"):
            i += 1
        # "... and Aksum a few days later": a time of its own, told from the first
        counted_on = (
            i > start and i < len(doc) and doc[i].ent_type_ == "DATE" and doc[i].lower_ not in ("on", "in")
        )
        if not counted_on and (
            i == start
            or i + 1 >= len(doc)
            or doc[i].lower_ not in ("on", "in")
            or doc[i + 1].ent_type_ != "DATE"
        ):
            break
        name = doc[start:i]
        i += 0 if counted_on else 1
        while i < len(doc) and doc[i].ent_type_ == "DATE":
            i += 1
        # the NER may call a town a person ("Gao on 31 March"): the gazetteer knows better
        personal = any(w.ent_type_ in ("PERSON", "NORP") for w in name) and not known_place(name.text)
        if personal or (i < len(doc) and doc[i].text not in (",", ".", ";") and doc[i].lower_ != "and"):
            break  # "Shusha was captured on 8 November, President Aliyev on 8 November announced": no place
        out.append(PlaceRef(name.text, name[-1]))
    return out


_GROUND_SETS = frozenset(
    "ground heights hills ridges peaks positions strongpoints villages towns settlements districts "
    "outposts".split()
)


def _names_after_a_colon(t: Token, target: Token) -> list[PlaceRef]:
    """ "took the high ground west of Stanley in night attacks: Mount Longdon, Two Sisters and Mount Harriet
    on 11-12 June, and Wireless Ridge on 13-14 June": the names after the colon are the places taken."""
    # "the high ground west of Stanley": the parser may make "west" the object and "ground" its compound
    words = {target.lower_, *(c.lower_ for c in target.children if c.dep_ == "compound")}
    if target.pos_ == "PROPN" or not words & _GROUND_SETS:
        return []
    sent = t.sent
    colon = next((w for w in sent if w.i > t.i and w.text == ":"), None)
    if colon is None:
        return []
    names: list[PlaceRef] = []
    run: list[Token] = []
    for w in sent[colon.i + 1 - sent.start :]:
        if w.text == ";":
            break
        capitalised = w.text[:1].isupper() and w.ent_type_ not in ("DATE", "TIME")
        if capitalised and (is_namelike(w) or w.pos_ == "NUM"):
            run.append(w)
            continue
        if run:
            names.append(PlaceRef(t.doc[run[0].i : run[-1].i + 1].text, run[-1]))
            run = []
    if run:
        names.append(PlaceRef(t.doc[run[0].i : run[-1].i + 1].text, run[-1]))
    return names


def _verb_read_as_a_modifier(t: Token, lemma: str) -> bool:
    """ "the 57th Division and Task Force 1 captured Kilinochchi", "the corps of William Sherman captured
    Jackson": the parser reads the verb as a modifier of the name after it, as in "the captured town"; no
    article before it, and a name or noun (its subject) right before."""
    doc = t.doc
    return (
        lemma in lx.GAIN_VERBS
        and t.dep_ == "amod"
        and t.tag_ in ("VBD", "VBN")
        and t.head.pos_ == "PROPN"
        and t.head.i == t.i + 1
        and not any(c.dep_ in ("det", "poss") for c in t.head.children)
        and t.i > 0
        and doc[t.i - 1].pos_ in ("PROPN", "NOUN", "NUM")
    )


def _perfect_misread(t: Token) -> bool:
    """ "it had overrun Mullivaikkal": the participle after "had" read as a noun naming the place."""
    doc = t.doc
    return (
        t.lower_ == "overrun"
        and t.i > 0
        and doc[t.i - 1].lower_ in ("had", "has", "have")
        and t.i + 1 < len(doc)
        and doc[t.i + 1].pos_ == "PROPN"
    )


def _misread_verb_frames(t: Token) -> list[TCFrame]:
    """Parser slip: "the insurgents overran Herat, Afghanistan's third-largest city", "fighters from the Islamic
    State of Iraq and the Levant overran Mosul": the verb read as a noun or as part of the name it governs. The
    places are the names right after it (not one a possessive makes a description); the gainer, its subject or
    the armed noun before it."""
    doc = t.doc
    places: list[PlaceRef] = []
    i = t.i + 1
    while i < len(doc) and doc[i].pos_ == "PROPN":
        end = i
        while end + 1 < len(doc) and (doc[end + 1].pos_ == "PROPN" or doc[end + 1].text == "-"):
            end += 1
        if end + 1 < len(doc) and doc[end + 1].tag_ == "POS":
            break  # "Afghanistan's third-largest city": describes the place named before
        places.append(PlaceRef(doc[i : end + 1].text, doc[end]))
        i = end + 1
        if i + 1 < len(doc) and doc[i].text in (",", "and") and doc[i + 1].pos_ == "PROPN":
            i += 1
        elif i + 2 < len(doc) and doc[i].text == "," and doc[i + 1].lower_ == "and":
            i += 2
        else:
            break
    subj = child(t, "nsubj") or (child(t.head.head, "nsubj") if _perfect_misread(t) else None)
    return (
        [TCFrame(t, places, gaining=actor_of(subj) if is_armed(subj) else _words_before(t))] if places else []
    )


def _words_before(t: Token) -> str | None:
    """The armed subject written right before a misread verb: "fighters from the Islamic State of Iraq and the
    Levant" (the parser tore it apart, so its words are taken as they stand)."""
    doc = t.doc
    for w in reversed(doc[max(0, t.i - 12) : t.i]):
        if w.pos_ in ("VERB", "AUX", "PUNCT") or w.lower_ in ("after", "before", "when", "as", "since"):
            break
        if w.pos_ == "NOUN" and is_force(w):
            start = min(x.i for x in doc[w.left_edge.i : w.i + 1] if x.i >= w.i - 3)
            return doc[start : t.i].text
    left = left_armed_noun(t)
    return actor_of(left) if left is not None else None


_ARRIVALS = frozenset("reach enter".split())


def _name_before(verb: Token) -> Token | None:
    """ "a day after Zaranj in the south-west became ...": the name the parser left without its verb."""
    names = [w for w in verb.doc[verb.sent.start : verb.i] if w.pos_ == "PROPN" and is_placeish(w)]
    return names[-1] if names and not child(verb, "nsubj", "nsubjpass") else None


_HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. dr dr.".split())
_OFFICES = frozenset(
    "pentagon ministry department office post presidency portfolio leadership helm job".split()
)


def _an_office(noun: Token) -> bool:
    """ "the Pentagon", "the Defence Ministry", "the post": an office a person takes over, not a place."""
    return noun.lemma_.lower() in _OFFICES or noun.lower_ in _OFFICES


def _civilian_by_title(person: Token) -> bool:
    """ "Mr Miller", "Ms Rayner": a person a newspaper styles as a civilian."""
    return person.pos_ == "PROPN" and any(
        c.dep_ == "compound" and c.lower_ in _HONORIFICS for c in person.children
    )


def _both_sides(force: Token) -> bool:
    """ "Indian and Chinese troops": two states' forces moving together."""
    owners = {
        c.lower_
        for m in force.children
        if m.dep_ in ("amod", "compound")
        for c in (m, *m.conjuncts)
        if c.ent_type_ in ("NORP", "GPE")
    }
    return len(owners) >= 2


_APPROACHES = frozenset("direction directions side sides flank flanks axis axes front fronts".split())


def _taken_from_each(losers: list[Token]) -> list[tuple[Token, Token | None]]:
    """ "captured the Sinai and Gaza from Egypt, the West Bank and East Jerusalem from Jordan, and the Golan
    Heights from Syria": the parser joins the later places to the first side they were taken from; each is
    taken from the side named after it."""
    out: list[tuple[Token, Token | None]] = []
    for first in losers:
        listed = [
            c
            for c in first.conjuncts
            if c.i > first.i
            and is_placeish(c)
            and (c.ent_type_ in ("GPE", "LOC", "FAC") or prep_objects(c, "from"))
            and not is_force(c)
            and not is_armed_group(name_span(c))
            and (prep_objects(c, "from") or not is_country(name_span(c)))  # "the West Bank ... from Jordan"
        ]
        sides = sorted((lo.i, lo) for c in listed for lo in prep_objects(c, "from"))
        if not sides:
            continue  # "captured Kidal from the army and the Tuareg": sides, not places
        for place in listed:
            after = [lo for i, lo in sides if i > place.i]
            out.append((place, after[0] if after else None))
    return out


def _bare_direction(tok: Token) -> bool:
    """ "from the east and west", "from the northwest", "from three directions" (not "from ISIL west of al-Bab")."""
    if tok.lower_ in _APPROACHES:
        return True
    return tok.lower_ in lx.REGION_WORDS and not any(
        c.pos_ == "PROPN" and not (c.dep_ == "conj" and _bare_direction(c)) for c in tok.children
    )  # the tagger may take "west" in "the east and west" for a name


_MOVING_IN_VERBS = lx.DEPLOY_VERBS | {"enter"}


def _moved_in(t: Token, left: list[Token]) -> list[Token]:
    """ "Lebanese troops deployed in Khiam after Israeli forces withdrew from it": the force that moved in as
    the other side left; not peacekeepers, who hold no side's ground."""
    if t.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ in ("after", "as") for c in t.children):
        return []
    head = t.head
    if head.lemma_.lower() not in _MOVING_IN_VERBS:
        return []
    # where they went is the place left ("... withdrew from it"), not another ("deployed to the border after
    # Russian forces withdrew from Kyiv")
    if not any(p in head.subtree and p not in t.subtree for p in left):
        return []
    force = force_of(subject_of(head))
    return [force] if force is not None and is_force(force) and not keeps_no_ground(force) else []


def _left_to(t: Token) -> list[Token]:
    """ "withdrew from the crossing, leaving it to the army", "leaving the army in full control": who the place
    was left to."""
    out = []
    # "pulled back from the terminal, the military acknowledged, leaving separatists in control": the parser
    # may hang the "leaving" clause on the reporting verb
    clauses = [*t.children, *(t.head.children if t.dep_ == "ccomp" else [])]
    for c in clauses:
        if c.dep_ not in ("advcl", "conj") or c.lemma_.lower() not in ("leave", "hand", "cede"):
            continue
        out += [g for g in prep_objects(c, "to") if is_armed(g) and not is_placeish(g)]
        left = child(c, "dobj")
        if (
            left is not None
            and is_armed(left)
            and any(o.lemma_.lower() == "control" for o in prep_objects(c, "in"))
        ):
            out.append(left)
    return out


def _drive_frames(t: Token, subj: Token | None, dobj: Token | None, passive: bool) -> list[TCFrame]:
    """ "drove the rebels out of Kafr Zita", "were pushed from the town by the army": the object loses P."""
    places_tok = prep_objects(t, "of", "from")
    if not places_tok:
        # "Israeli forces pushed into eastern Rafah": no one driven out, a way forced in
        return (
            _into_frames(t, subj)
            if not passive and dobj is None and t.lemma_.lower() in lx.INTO_VERBS
            else []
        )
    if passive:
        loser, gainer = subj, agent(t)
    else:
        loser, gainer = dobj, subj
    if loser is None or not (is_armed(loser) or loser.pos_ == "PROPN"):
        return []
    # "militants were pushed out of Barawe on Sunday, as government troops took control of the stronghold"
    taker = actor_of(gainer) or (_taker_in_time_clause(t) if passive else None)
    out = []
    for p in places_tok:
        places, partial = places_from(p)
        if places:
            out.append(TCFrame(t, places, gaining=taker, losing=actor_of(loser), partial=partial))
    return out


def _name_list_frames(t: Token, gainer: str | None) -> list[TCFrame]:
    """Parser fallback for "... captured Luq, Belethawo and El-Waq towns": the names right after the verb."""
    doc = t.doc
    i = t.i + 1
    if i >= len(doc) or not is_namelike(doc[i]) or t.tag_ not in ("VBD", "VBN"):
        return []
    names = name_run(doc, i)
    if not names:
        return []
    if gainer is None:
        armed = left_armed_noun(t)
        gainer = actor_of(armed) if armed is not None else None
    return [TCFrame(t, [PlaceRef(n) for n in names], gaining=gainer)]


def _ground_frames(t: Token, gain: Token, subj: Token | None) -> list[TCFrame]:
    """ "gained a foothold in Merca", "made minor advances in Opytne": part of the place taken."""
    inside = prep_objects(gain, "in", "inside", "into") or prep_objects(t, "in", "inside", "into")
    return _partial_frames(t, inside, subj)


def _declared(t: Token) -> bool:
    return t.dep_ in ("ccomp", "oprd", "xcomp") and t.head.lemma_.lower() in (
        "declare",
        "pronounce",
        "proclaim",
    )


def _flag_frames(t: Token, flag: Token, subj: Token | None) -> list[TCFrame]:
    """ "raised the national flag over Sloviansk": a side showing it holds the place."""
    # "On 4 September ... raised the national flag over Vysokopillia": a day is no place the flag flies over
    over = [
        o
        for o in prep_objects(t, *_FLAG_PREPS) or prep_objects(flag, *_FLAG_PREPS)
        if o.ent_type_ not in ("DATE", "TIME")
    ] or prep_objects(flag, *_FLAG_PREPS)
    # "hoisted its flag in Khankendi", "in the main square of Kupiansk": a place by its name (not "in a
    # ceremony")
    over = over or [
        o
        for o in prep_objects(t, "in") or prep_objects(flag, "in")
        if any(w.pos_ == "PROPN" and w.ent_type_ not in ("DATE", "TIME") for w in o.subtree)
    ]
    if not over or subj is None or not _flies_for_a_side(subj):
        return []
    if t.dep_ == "advcl" and t.head.lemma_.lower() in lx.GAIN_VERBS | lx.CONTROL_VERBS:
        return []  # "took control of Kirkuk, raising the national flag over the provincial building": the sign of it
    # "took Knin ... and raised the flag over its fortress", "overran Kunduz, freeing prisoners and raising
    # their flag over the main square": a spot no name identifies, in a place the sentence has them take
    sign_of_a_capture = any(
        v.lemma_.lower() in lx.GAIN_VERBS | lx.CONTROL_VERBS and _took_a_named_place(v)
        for v in _verbs_joined_above(t)
    )
    out = []
    for obj in over:
        places, partial = places_from(obj)
        # "raising their flags over government buildings": buildings no name identifies, in a place taken
        places = [
            r
            for r in places
            if not (r.head is not None and r.head.tag_ == "NNS" and r.head.pos_ == "NOUN")
            and not (sign_of_a_capture and r.head is not None and _unnamed(r.head))
            # "raised the Turkish flag over the local parliament building": a building no name identifies (not
            # one "in Izium")
            and not (
                r.head is not None
                and r.head.lemma_.lower() in _CEREMONIAL_SITES
                and _unnamed(r.head)
                and not any(o.pos_ == "PROPN" for o in prep_objects(t, "in"))
            )
        ]
        if places:
            out.append(TCFrame(t, places, gaining=actor_of(subj), partial=partial))
    return out


_FLAG_PREPS = ("over", "above", "atop", "on")


def _verbs_joined_above(t: Token) -> list[Token]:
    """The verbs a verb is joined to or hangs from as a clause of the same sentence ("took ... and raised",
    "overran ..., freeing ... and raising")."""
    out = []
    while t.dep_ in ("conj", "advcl") and t.head != t:
        t = t.head
        out.append(t)
    return out


def _took_a_named_place(v: Token) -> bool:
    """ "took Knin", "overran the city of Kunduz": a town by its name, whose spots the flag may fly over; not
    "took control of the state television building"."""
    taken = [o for o in v.children if o.dep_ == "dobj"]
    taken += [i for o in taken if o.lemma_.lower() == "control" for i in prep_objects(o, "of")]
    return any(w.pos_ == "PROPN" for o in taken if o.lemma_.lower() != "control" for w in o.subtree)


def _unnamed(head: Token) -> bool:
    """ "its fortress", "the main square in their biggest victory": no word of the phrase is a name."""
    return head.pos_ == "NOUN" and not any(w.pos_ == "PROPN" for w in head.subtree)


_CEREMONIAL_SITES = frozenset(
    "building buildings headquarters hall parliament embassy consulate office offices ministry school stadium".split()
)


def _flies_for_a_side(owner: Token) -> bool:
    """ "the flag of Azerbaijan", "the Ukrainian flag", "the flag of the Islamic State": a state or armed side,
    not "a white flag" or "the flag of the city"."""
    return is_country(owner.text) or is_armed(owner) or owner.ent_type_ == "NORP"


def _reinforcing(subj: Token | None) -> bool:
    """ "columns of reinforcements moving into the Kursk region": a side's own ground, reinforced."""
    force = force_of(subj)
    return force is not None and force.lemma_.lower() in ("reinforcement", "reinforcements")


def _into_frames(t: Token, subj: Token | None) -> list[TCFrame]:
    """ "fought their way into Palmyra", "stormed into the northern districts", "swept through much of Aleppo":
    partial control."""
    through = [
        o for o in prep_objects(t, "through") if t.lemma_.lower() in ("sweep", "storm", "push", "surge")
    ]
    moved = child(t, "dobj")
    if moved is not None and is_force(force_of(moved) or moved):
        return []  # "moving the 8th Mountain Division into the Kargil sector": forces sent, no ground taken
    if moved is not None and moved.lemma_.lower() in _INCURSIONS:
        return []  # "had made several raids into the outskirts of Basra": in and out again, nothing held
    return _partial_frames(t, prep_objects(t, "into") + through, subj)


_INCURSIONS = frozenset("raid incursion foray sortie probe attack strike".split())


def _partial_frames(t: Token, objs: list[Token], subj: Token | None) -> list[TCFrame]:
    """An armed subject holds part of each place the objects name; reinforcements moving in hold nothing new."""
    # "hundreds of Somali militiamen and looters poured into Mogadishu's airport": the fighters counted
    armed = is_armed(subj) or (subj is not None and is_armed(force_of(subj)))
    if not objs or not armed or _reinforcing(subj):
        return []
    whole = _takeover_told_after(t) is not None  # "rolled into Aghdam, taking over the district"
    out = []
    for obj in objs:
        places, _ = places_from(obj)
        if places:
            out.append(TCFrame(t, places, gaining=actor_of(subj), partial=not whole))
    return out


_WHOLE_PLACES = frozenset(
    "town city capital village district territory region area province settlement stronghold haven".split()
)


def _takeover_told_after(t: Token) -> Token | None:
    """ "marched into San Vicente without firing a shot, retaking the main town of the safe haven": the
    participle after an entry tells that the place was taken whole, in words that describe, not name, it."""
    for c in t.subtree:
        # "..., retaking the main town"; the parser may hang the participle on a phrase in between ("to cheering
        # crowds, regaining control of ...")
        if (
            c.i > t.i
            and c.dep_ in ("advcl", "conj", "pcomp")
            and c.tag_ == "VBG"
            and c.lemma_.lower() in lx.GAIN_VERBS | {"take"}
            and child(c, "nsubj") is None
            and (c.head != t or c.dep_ == "advcl")  # "rolled into X and seized Y" tells two changes
        ):
            taken = child(c, "dobj")
            if taken is not None and taken.lemma_.lower() == "control":
                # "rolled into Kherson, regaining control of the only regional capital Russia had captured"
                taken = next(iter(prep_objects(taken, "of")), None)
            refs = places_from(taken)[0] if taken is not None else []
            named = taken is not None and (
                any(w.pos_ == "PROPN" for w in taken.doc[taken.left_edge.i : taken.i])
                or any(r.head is not None and r.head.pos_ == "PROPN" for r in refs)
            )
            # "taking over a flashpoint city", "taking over the first of three territories"; but "seizing the
            # police station" took a building in it
            whole = taken is not None and any(
                w.lemma_.lower() in _WHOLE_PLACES for w in (taken, *prep_objects(taken, "of"))
            )
            if whole and not named:
                return c  # described ("the main town of a vast safe haven"), not named ("the Siniat factory")
    return None


def _restates_an_entry(t: Token) -> bool:
    entry = next(
        (a for a in t.ancestors if a.pos_ == "VERB" and a.lemma_.lower() in lx.INTO_VERBS | lx.PARTIAL_VERBS),
        None,
    )
    return (
        entry is not None
        and t.dep_ in ("advcl", "conj", "pcomp")
        and bool(
            prep_objects(entry, "into") or (entry.lemma_.lower() in lx.PARTIAL_VERBS and child(entry, "dobj"))
        )
        and _takeover_told_after(entry) == t
    )


def _restates_a_capture(t: Token) -> bool:
    """ "captured the coastal town of Harardhere on Monday, taking back a longtime al-Shabab stronghold": a
    participle whose indefinite object describes the place the main verb named."""
    if t.dep_ != "advcl" or t.tag_ != "VBG" or t.head.lemma_.lower() not in lx.GAIN_VERBS:
        return False
    taken = child(t, "dobj")
    if taken is None or not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in taken.children):
        return False
    named = child(t.head, "dobj")
    return named is not None and any(
        r.head is not None and r.head.pos_ == "PROPN" for r in places_from(named)[0]
    )


# "denounced the annexation of ... as illegal", "refused to recognise the takeover": a judgement of a change
# the story told before, not its telling
_JUDGING_VERBS = frozenset("denounce condemn reject recognise recognize protest criticise criticize".split())


def _a_departure(tok: Token) -> bool:
    return tok.lemma_.lower() in lx.WITHDRAW_NOUNS | {"retreat", "pullback"}


def _taken_captive(verb: Token) -> bool:
    doc = verb.doc
    after = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    words = [c.lower_ for c in verb.children] + ([after.lower_] if after is not None else [])
    return any(w in _CAPTIVES for w in words)


_CAPTIVES = frozenset("prisoner prisoners captive captives hostage hostages".split())


def _own_quarters(target: Token) -> bool:
    """ "their camp in Kidal", "their outposts near Manbij", "its barracks": where a force lives, not ground
    it held against anyone."""
    owned = any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in target.children)
    return owned and target.lemma_.lower() in lx.QUARTERS_NOUNS



def _tc_noun_frames(t: Token, lemma: str) -> list[TCFrame]:
    if lemma not in lx.GAIN_NOUNS | lx.LOSS_NOUNS | {"occupation"}:
        return []
    if lemma == "occupation" and not (t.dep_ == "dobj" and t.head.lemma_.lower() in ("complete", "finish")):
        return []  # "during the occupation of Kuwait": a state; "completed the occupation of Grozny" is news
    if t.dep_ == "dobj" and t.head.lemma_.lower() in _JUDGING_VERBS:
        return []
    named = t.text[:1].isupper() and t.i >= 2
    if named and t.doc[t.i - 1].lower_ == "the" and t.doc[t.i - 2].lower_ == "for":
        return []  # "the National Movement for the Liberation of Azawad": a group's name, nothing freed
    if t.dep_ == "pobj" and t.head.lower_ == "by" and t.head.head.tag_ == "VBN" and t.head.head.dep_ == "acl":
        return []  # "allies unsettled by Russia's annexation of Crimea": what stirred them, told as known
    objs = prep_objects(t, "of") + _gapped_of(t)
    agents = prep_objects(t, "by", "to")
    if not objs and t.head != t:
        # "follows the fall earlier this month of the town of Baga ... to Boko Haram fighters": the parser hangs
        # the "of" (and the "to") on the verb, past the date
        doc = t.doc
        after = [p for p in t.head.children if p.dep_ == "prep" and p.i > t.i]
        of = next((p for p in after if p.lower_ == "of"), None)
        if of is not None and all(w.ent_type_ in ("DATE", "TIME") for w in doc[t.i + 1 : of.i]):
            objs = [o for o in of.children if o.dep_ == "pobj"]
            agents = agents or [
                o for p in after if p.lower_ in ("by", "to") for o in p.children if o.dep_ == "pobj"
            ]
    if lemma == "handover" and not (
        t.dep_ == "dobj" and t.head.lemma_.lower() in _HANDOVER_DONE and t.head.tag_ in ("VBD", "VBN")
    ):
        return []  # "the handover of Kherson was postponed", "demanded the handover of Kidal": none done
    owner = child(t, "poss")
    if not objs and lemma == "handover" and owner is not None and is_placeish(owner):
        objs, owner = [owner], None  # "negotiated the city's handover to the Taliban"
    if lemma == "handover" and not agents and t.dep_ == "dobj":
        agents = prep_objects(t.head, "to")  # "negotiated the handover of Aybak to the Taliban"
    if not objs:
        return []
    losers = prep_objects(t, "from")
    out = []
    for obj in objs:
        places, partial = places_from(obj)
        if not places:
            continue
        gainer = actor_of(agents[0]) if agents else None
        loser = actor_of(losers[0]) if losers else None
        if owner is not None and owner.pos_ in ("PROPN", "NOUN"):
            if lemma in lx.LOSS_NOUNS and lemma != "fall":
                loser = loser or actor_of(owner)
            else:
                gainer = gainer or actor_of(owner)
        if gainer is None and lemma in lx.GAIN_NOUNS and lemma != "fall":
            # "the Iraqi recapture of Fish Lake", "the Russian capture of Pisky": the people's army took it
            side = next((c for c in t.children if c.dep_ == "amod" and c.ent_type_ == "NORP"), None)
            gainer = actor_of(side) if side is not None else None
        if gainer is None and lemma in lx.GAIN_NOUNS and t.dep_ == "pobj" and t.head.dep_ == "prep":
            # "After the capture of Bilohorivka, Russian forces focused on ...": the clause's subject took it
            verb = t.head.head
            doer = child(verb, "nsubj") if verb.pos_ in ("VERB", "AUX") else None
            gainer = actor_of(doer) if doer is not None and is_armed(doer) else None
        out.append(TCFrame(t, places, gaining=gainer, losing=loser, partial=partial))
    return out


# "negotiated the handover of Aybak to the Taliban", "completed the handover of the base": a handover done
_HANDOVER_DONE = frozenset("complete negotiate finish finalise finalize conclude".split())
_SETTLEMENTS = frozenset("villages towns cities settlements hamlets localities".split())


def _gapped_of(noun: Token) -> list[Token]:
    """ "announced the capture of Fuzuli on 17 October and of Zangilan on 20 October": a second "of" the parser
    joined to the date's preposition, on the verb the noun serves or on the noun itself ("the recapture of
    Fish Lake in May and of the Majnoon Islands in June")."""
    if not prep_objects(noun, "of") or noun.head == noun:
        return []
    return [
        o
        for p in (*noun.head.children, *noun.children)
        if p.dep_ == "prep"
        for c in p.conjuncts
        if c.lower_ == "of" and c.i > noun.i
        for o in c.children
        if o.dep_ == "pobj"
    ]

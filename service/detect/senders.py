"""Who sent a force when its clause does not say: the speaking side, the accused, a carrier's owner."""

from __future__ import annotations

from spacy.tokens import Token

from service.detect import lexicon as lx
from service.detect.actors import STATE_INSTITUTIONS, is_armed_group
from service.detect.forces import MODEL_NAME, force_nationality
from service.detect.phrases import (
    child,
    children,
    is_country,
    is_force,
    name_span,
)
from service.detect.roles import (
    actor_of,
    owned_by_state,
)

_SHOW_VERBS = frozenset("release publish show post broadcast".split())


def speaking_side(t: Token) -> str | None:
    """The side that reports the movement: "Turkish officials said about 150 soldiers had arrived" -> Turkish;
    "Russia's Defense Ministry released video of reinforcements moving in" -> Russia."""
    for a in t.ancestors:
        if a.lemma_.lower() in lx.CLAIM_VERBS | _SHOW_VERBS:
            speaker = child(a, "nsubj")
            return _side_named_by(speaker) if speaker is not None else None
    return None


def self_described(force: Token | None) -> bool:
    """Fighters of no state whose phrase says whose they are: "Kurdish-led fighters", "pro-Russian
    separatists", "Islamist rebels" (not bare "the fighters", whose side the story gives)."""
    if force is None or not irregulars(force) or force_nationality(force) is not None:
        return False
    return any(_names_a_people(c) for c in children(force, "amod", "compound"))


def _names_a_people(mod: Token) -> bool:
    """ "Kurdish", "pro-Russian", "Kurdish-led" (the parser hangs "Kurdish" on "led")."""
    return (
        mod.ent_type_ in ("NORP", "GPE")
        or "-" in mod.text
        or any(g.ent_type_ in ("NORP", "GPE") for g in mod.children)
    )


def _side_named_by(speaker: Token) -> str | None:
    """ "Russia's Defense Ministry" -> Russia; "An al-Shabab commander" -> al-Shabab; "Pentagon spokesman John
    Kirby" -> Pentagon; "Kenya" -> Kenya; "a senior official" names no side, nor does a monitor ("the Syrian
    Observatory for Human Rights")."""
    official = speaker.lemma_.lower() in _SPOKESMEN or is_force(speaker) or speaker.ent_type_ == "PERSON"
    modifiers = [
        w
        for w in speaker.subtree
        if w.i < speaker.i
        and w.dep_ in ("poss", "amod", "compound", "nmod")
        and w.ent_type_ not in ("DATE", "TIME")
    ]
    for w in modifiers if official else ():
        name = name_span(w) if w.pos_ == "PROPN" else w.text
        if w.ent_type_ in ("GPE", "NORP") or _names_a_side(name):
            return name
    name = name_span(speaker)
    if speaker.pos_ == "PROPN" and (speaker.ent_type_ == "GPE" or is_country(name) or is_armed_group(name)):
        return name
    if name in STATE_INSTITUTIONS:
        return name  # "the Pentagon said"
    if speaker.ent_type_ == "PERSON" and any(w.lower_ in lx.OFFICES for w in speaker.subtree):
        return actor_of(speaker)  # "Defense Secretary Mark Esper said": who decides for the state
    return None


# Who speaks for a side: "Turkish officials", "Russia's Defense Ministry", "an al-Shabab commander"
_SPOKESMEN = frozenset(
    "official officials ministry military army government command commander commanders spokesman "
    "spokeswoman spokesperson minister leader leaders authorities".split()
)


def _names_a_side(name: str) -> bool:
    """A state, its demonym, a state institution or an armed group by name: "Kenya", "Turkish", "Pentagon"."""
    words = name.split()
    return (
        is_country(name)
        or is_armed_group(name)
        or any(w in STATE_INSTITUTIONS or is_country(w) for w in words)
    )


def tells_of_own_force(force: Token | None) -> bool:
    """A force whose owner the phrase leaves to the speaker: "about 150 soldiers", "its fighters", or a unit
    whose name names no state ("soldiers from the Army's 82nd Airborne Division")."""
    if force is None:
        return False
    owner = force_nationality(force)
    if owner is not None:
        return not _names_a_side(owner)
    return not any(
        c.dep_ == "poss" and c.lower_ not in ("its", "their", "his", "her") for c in force.children
    )


_ACCUSE_VERBS = frozenset("accuse charge blame".split())


def accused_of(t: Token) -> str | None:
    """ "Kinshasa accused Kigali of sending soldiers over the border": the accused sent them, not the accuser."""
    charge = t.head if t.dep_ == "pcomp" and t.head.lower_ in ("of", "with", "for") else None
    if charge is None or charge.head.lemma_.lower() not in _ACCUSE_VERBS:
        return None
    return actor_of(child(charge.head, "dobj"))


def irregulars(force: Token) -> bool:
    """Fighters of no state: "insurgents", "Houthi fighters", "the Wagner Group" (not "Turkish troops")."""
    if owned_by_state(force):
        return False
    return (
        force.lemma_.lower() in lx.IRREGULAR_NOUNS
        or force.lower_ in lx.IRREGULAR_NOUNS
        or (force.pos_ == "PROPN" and is_armed_group(name_span(force)))
    )


# Aircraft and vehicles go by model names: "C-17", "KC-130", "Mi-8"


def sender(subj: Token | None) -> str | None:
    """Who sends the forces a verb moves: its subject, but "a C-17 flew the company", "U.S. helicopters
    ferried the troops" name a carrier, whose owner at most."""
    if subj is not None and _is_carrier(subj):
        return force_nationality(subj)
    return actor_of(subj)


def _is_carrier(tok: Token) -> bool:
    kit = tok.lemma_.lower() in lx.EQUIPMENT_NOUNS
    return kit or tok.ent_type_ == "PRODUCT" or bool(MODEL_NAME.match(tok.text))

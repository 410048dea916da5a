"""A moving force's phrase: what it is as written, how many it counts, and whose it is."""

from __future__ import annotations

import re

from spacy.tokens import Token

from service.detect import lexicon as lx
from service.detect.actors import ACTOR_PATTERN, is_armed_group
from service.detect.numbers import is_ordinal, parse_number
from service.detect.phrases import (
    MOVE_PARTICLES,
    SHIP_OWNERS,
    actor_phrase,
    children,
    is_country,
    is_force,
    name_span,
    noun_phrase,
    prep_objects,
    ship_prefix,
    with_conjuncts,
)

# Aircraft and vehicles go by model names: "C-17", "KC-130", "Mi-8", "AH-64"
MODEL_NAME = re.compile(r"^[A-Z][A-Za-z]{0,2}-\d+[A-Z]?$")


# Weapon systems named like owners: "a Stryker squadron", "Patriot batteries", "Apache helicopters"
_MODEL_WORDS = frozenset(
    "Stryker Apache Patriot Abrams Bradley Chinook Reaper Predator Osprey Hornet Raptor Typhoon Tornado Rafale "
    "Mirage Harrier Leopard Challenger Himars HIMARS THAAD Aegis Tomahawk Warthog Stratofortress Lancer".split()
)


def goal_preps(force: Token) -> list[Token]:
    """ "to Romania" on the force or on the troops it is made of ("a brigade of 3,000 troops to Romania")."""
    inner = [o for o in prep_objects(force, "of") if is_force(o)]
    return [p for h in (force, *inner) for p in h.children if p.dep_ == "prep" and p.lower_ in ("to", "into")]


def force_size(force: Token) -> int | None:
    """Personnel or unit count of a force phrase: "200 more military personnel" -> 200; conjuncts are summed
    ("1,000 commandos and 2,000 rebels" -> 3,000), but a list that also counts kit gives its people
    ("six jets and 600 personnel" -> 600)."""
    counted: list[tuple[Token, int]] = []
    for f in _sent_together(force) + _listed_inside(force):
        n = _count_of(f)
        if n is not None:
            counted.append((f, n))
    if not counted:
        return _strength_told(force)
    people = [n for f, n in counted if counts_people(f)]
    if people and len(people) < len(counted):
        return sum(people)
    return sum(n for _, n in counted)


def _strength_told(force: Token) -> int | None:
    """ "Russian forces entered Chechnya in three columns, with a combined strength of about 23,800 men"."""
    for holder in (force, *_up_to_verb(force)):
        for strength in prep_objects(holder, "with"):
            if strength.lemma_.lower() not in ("strength", "total"):
                continue
            for counted in prep_objects(strength, "of"):
                people = counted.lemma_.lower() == "man" or is_force(counted) and counts_people(counted)
                words = _number_words(counted) if people else []
                if words:
                    return parse_number(words)
    return None


def units_of_each(force: Token) -> tuple[int, int] | None:
    """ "four battalions, of about 1,000 troops each": (4, 1,000), how many units and the people in each."""
    units = _count_of(force) if _number_words(force) else None
    # the parser may hang ", of about 1,000 troops each" on the verb
    after = [
        p
        for p in force.head.children
        if p.dep_ == "prep" and p.lower_ == "of" and all(w.is_punct for w in force.doc[force.i + 1 : p.i])
    ]
    for inner in prep_objects(force, "of") + [o for p in after for o in p.children if o.dep_ == "pobj"]:
        if not is_force(inner) or not any(c.lower_ == "each" for c in inner.children):
            continue
        words = _number_words(inner)
        people = parse_number(words) if words else None
        if units is not None and people is not None:
            return units, people
    return None


def _listed_inside(force: Token) -> list[Token]:
    """ "a brigade of about 3,000 fighters, plus 2,000 other personnel": forces listed with the ones a force is
    made of, when the force itself gives no number."""
    if _number_words(force):
        return []
    inner = [o for o in prep_objects(force, "of") if is_force(o)]
    return [f for f in inner[0].conjuncts if f.i > inner[0].i and is_force(f)] if inner else []


def _sent_together(force: Token) -> list[Token]:
    """The forces of one movement: the force, the forces listed with it ("1,000 commandos and 2,000 rebels"),
    those it carries or that go along with it ("the USS Bataan, carrying 2,000 Marines", "a battery, along with
    about 100 troops to operate it"). A listed force with its own destination moves on its own ("a brigade to
    Romania and two destroyers to Spain"); a date the parser joined to the force is none ("On 30 October, 4th
    Battalion")."""
    listed = [
        f
        for f in force.conjuncts
        if f.i > force.i and is_force(f) and not _own_destination(f, force) and not _unit_drawn_from(f, force)
    ]
    if force.dep_ == "dobj":
        # "sending two batteries and up to 400 soldiers to Turkey": the parser may join the list's last item to
        # the verb, as a conjunct or a second object
        listed += [
            c
            for c in force.head.children
            if c.dep_ in ("conj", "dobj")
            and c.pos_ == "NOUN"
            and c.i > force.i
            and is_force(c)
            # "4,700 troops from the division to Poland and 1,000 soldiers to Romania": a share with its own place
            and not any(w.dep_ == "prep" and w.lower_ in ("to", "into") for w in force.doc[force.i : c.i])
        ]
    if force.dep_ == "pobj" and force.head.lower_ == "of":
        # "the deployment of one Patriot battery, four Sentinel radars and about 200 support personnel": the parser
        # may hang the rest of the list on the noun the first force is "of"
        rest = [
            f
            for c in force.head.head.children
            if c.dep_ == "appos" and c.i > force.i
            for f in (c, *c.conjuncts)
        ]
        if any(is_force(f) for f in rest):
            listed += [f for f in rest if f not in listed and (is_force(f) or not counts_people(f))]
    return [force, *listed, *_companions(force)]


_UNIT_NOUNS = frozenset(
    "battalion battalions brigade brigades regiment regiments company companies unit units".split()
)


def _unit_drawn_from(item: Token, first: Token) -> bool:
    """ "3,000 troops from two Marine battalions and one Army battalion": the units the troops come from, which
    the parser may list with the troops, are no further force."""
    return item.lower_ in _UNIT_NOUNS and any(
        p.dep_ == "prep" and p.lower_ == "from" and first.i < p.i < item.i for p in first.children
    )


def _own_destination(item: Token, first: Token) -> bool:
    """Is a "to" phrase between the first force and the listed one ("three squadrons to Cyprus and two
    frigates"): the first force's own place, so the listed one moves apart?"""
    return any(first.i < p.i < item.i for p in goal_preps(first))


CARRY_VERBS = frozenset("carry transport ferry".split())


def _companions(force: Token) -> list[Token]:
    """Forces carried by the force or sent along with it, on the force's phrase or on the verb that moves it."""
    holders = [force, *_up_to_verb(force)]
    out: list[Token] = []
    for h in holders:
        for c in h.children:
            if c.dep_ in ("acl", "advcl", "relcl") and c.lemma_.lower() in CARRY_VERBS:
                out += [o for o in children(c, "dobj") if is_force(o)]
            if c.dep_ == "prep" and c.lower_ == "with" and h == force:
                # "the USS Bataan, with about 2,000 Marines aboard": the people it carries
                out += [o for o in children(c, "pobj") if is_force(o) and _on_board(o)]
            if c.dep_ == "prep" and c.lower_ in ("along", "together"):
                out += [
                    o
                    for p in children(c, "prep")
                    if p.lower_ == "with"
                    for o in children(p, "pobj")
                    if is_force(o)
                ]
    return [o for o in out if o != force]


def _on_board(tok: Token) -> bool:
    return any(
        c.lower_ == "aboard" or c.lower_ == "on" and any(b.lower_ == "board" for b in c.children)
        for c in tok.children
    )


def _up_to_verb(tok: Token) -> list[Token]:
    """The words above a force up to the verb that moves it: "moved the dock USS Mesa Verde" -> dock, moved."""
    out: list[Token] = []
    for a in list(tok.ancestors)[:3]:
        out.append(a)
        if a.pos_ in ("VERB", "AUX"):
            break
    return out


def _count_of(tok: Token) -> int | None:
    """ "A force of 5,000 soldiers": the number may sit on the noun the force is made of."""
    words = _number_words(tok)
    if not words:
        inner = [
            o for o in prep_objects(tok, "of") if is_force(o) or o.lemma_.lower() == "man" or _models_in_a_unit(tok, o)
        ]  # "a garrison of about 1,100 men"
        words = _number_words(inner[0]) if inner else []
    return parse_number(words) if words else None


_KIT_UNITS = frozenset("battalion squadron detachment flight battery company".split())


def _models_in_a_unit(unit: Token, kit: Token) -> bool:
    """ "a battalion of 12 Apaches", "a detachment of four Gripens": aircraft the unit counts, by model name."""
    return unit.lemma_.lower() in _KIT_UNITS and kit.tag_ == "NNPS"


def counts_kit(tok: Token) -> bool:
    return not counts_people(tok)


def counts_people(tok: Token) -> bool:
    """Personnel ("troops", "marines", "a 150-strong contingent"), not kit ("jets", "warships", "tanks")."""
    lemma = tok.lemma_.lower()
    return lemma not in lx.EQUIPMENT_NOUNS and tok.lower_ not in lx.EQUIPMENT_NOUNS


_FORMATIONS = frozenset("brigade division regiment battalion commando corps".split())


def _number_words(tok: Token) -> list[str]:
    if (
        tok.head.dep_ == "prep"
        and tok.head.lower_ == "of"
        and tok.head.head.like_num
        and tok.head.head.tag_ == "CD"
    ):
        held = tok.head.head
        if held.lower_ in _SCALES and held.i and held.nbor(-1).lower_ in ("several", "few", "many"):
            return []  # "several thousand of its soldiers": no number given
        return [held.text]  # "150 of these troops" (not "the first of about 800 soldiers")
    if tok.pos_ == "NUM":
        nums = [tok]  # "roughly 500 will come home": the number stands for the force
    else:
        nums = [c for c in tok.children if c.dep_ == "nummod" or (c.dep_ == "amod" and c.like_num)]
    if not nums:
        # "200 of them", "an additional 1,000 Turkish commandos" (number attached to 'additional')
        nums = [c for c in tok.children if c.like_num and c.dep_ in ("quantmod", "nmod", "det")]
    if not nums:
        # "up to seven battalion tactical groups": the number hangs on the unit word before the head
        # "as many as six B-2 stealth bombers": or on the model's name
        nums = [
            n
            for c in tok.children
            if c.dep_ in ("nmod", "compound")
            and c.pos_ == "NOUN"
            or c.dep_ == "amod"
            and MODEL_NAME.match(c.text)
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
    # "Challenger 2 tanks", "Leopard 2 tanks": a model's name, not a count
    nums = [c for c in nums if not (c.i and c.doc[c.i - 1].text in _MODEL_WORDS)]
    # "3 Commando Brigade", "16 Air Assault Brigade": a digit opening a capitalised unit's name is its number
    nums = [c for c in nums if not (c.text.isdigit() and tok.tag_ == "NNP" and tok.lower_ in _FORMATIONS)]
    if not nums:
        return []
    n = nums[0]
    span = [w for w in n.subtree if w.i <= n.i]  # "some 300 from the 3rd Corps": the number, not its unit
    if (
        span[0].i
        and span[0].nbor(-1).lower_ == "between"
        or any(
            t.lower_ in ("to", "or")
            and t.nbor(-1).like_num
            or t.lower_ == "and"
            and t.nbor(-1).text[:1].isdigit()
            for t in span
            if t.i
        )
    ):
        return []  # "20 to 34 helicopters", "between 300 and 400 troops": a range gives no one number
    if n.lower_ in _SCALES and n.i and n.nbor(-1).lower_ in ("several", "few", "many"):
        return []  # "several hundred troops": no number given
    # "the first 200 soldiers": an ordinal reads as a number word, but ranks the group, it counts nothing
    words = [
        t.text
        for t in span
        if (t.like_num and not is_ordinal(t.text)) or t.lower_ in ("hundred", "thousand", "million", "-")
    ]
    return words


_SCALES = frozenset("hundred thousand dozen".split())


def force_text(force: Token) -> str:
    """The force as written, with its quantity: "thousands of troops", "150 of these troops"."""
    holder = force.head.head if force.head.dep_ == "prep" and force.head.lower_ == "of" else None
    if holder is not None and (holder.like_num or holder.lemma_.lower() in _QUANTITY_WORDS):
        return noun_phrase(holder, keep_of=True)
    phrase = _before_goal(noun_phrase(force, keep_of=True), force)
    # "pulling back troops": the parser may hang the verb's particle on the force
    first = force.doc[force.left_edge.i]
    if first.lower_ in MOVE_PARTICLES and first.dep_ in ("amod", "advmod") and first.head == force:
        phrase = phrase[len(first.text) :].lstrip()
    return phrase



def _before_goal(phrase: str, force: Token) -> str:
    """ "a brigade of 3,000 troops to Romania, two squadrons ..." -> "a brigade of 3,000 troops"."""
    for p in goal_preps(force):
        cut = phrase.find(" " + p.doc[p.i : p.i + 2].text)
        if cut > 0:
            return phrase[:cut].rstrip(" ,")
    return phrase


_QUANTITY_WORDS = frozenset(
    "thousand thousands hundred hundreds dozen dozens some many most part rest".split()
)


def force_nationality(force: Token, *, units_own: bool = True) -> str | None:
    """Who owns a force: "Rwandan soldiers" -> "Rwandan"; "U.S. troops" -> "U.S."; "Russia's forces" -> "Russia";
    "reinforcements from the Iraqi Army's Fourth Armored Division" -> "the Iraqi Army"; "USS Carney" -> "U.S."."""
    prefix = ship_prefix(force)
    if prefix is not None:
        return SHIP_OWNERS.get(prefix)
    # "the Syrian Democratic Forces": the force is its own side, whatever state its name holds ("Peshmerga from
    # the Kurdistan Regional Government" belong to where they come from)
    for described in _appositives(force):
        # "The Kosovo Force (KFOR), a NATO-led international force": who leads it, not the place it is named for
        leader = next(
            (o for c in described.children if c.lower_.endswith("led") and (o := _owner_named_by(c))), None
        )
        if leader is not None:
            return leader
    name = name_span(force) if force.pos_ == "PROPN" and not prep_objects(force, "from") else ""
    if ACTOR_PATTERN.fullmatch(name) and not is_country(name):
        return name
    if force.pos_ == "PROPN" and any(_word_of_the_name(c) for c in force.children):
        return actor_phrase(force)  # "the Ugandan People's Defence Force" is its own side
    group = next((c for c in force.children if c.dep_ == "compound" and is_armed_group(name_span(c))), None)
    if group is not None:
        return name_span(group)  # "Somalia's al-Shabab militants": the group's, not the country's
    for c in force.children:
        owner = _owner_named_by(c) if c.dep_ in ("amod", "compound", "poss", "nmod") else None
        if owner is not None:
            return owner
    for model in (c for c in force.children if c.dep_ == "compound"):
        # "three Czech Mi-171 helicopters", "a U.S. carrier strike group": the parser hangs the nationality on the
        # model's name or the kind of unit
        owner = next(
            (
                o
                for g in model.children
                if g.dep_ in ("amod", "compound", "nmod")  # "50 U.S. special forces troops"
                and (g.ent_type_ == "NORP" or g.ent_type_ == "GPE" and is_country(g.text))
                and (o := _owner_named_by(g))
            ),
            None,
        )
        if owner is not None:
            return owner
    for described in _appositives(force):
        # "4th Battalion, 118th Infantry Regiment, a U.S. combined arms battalion": the description names it
        owner = next((o for c in described.children if (o := _owner_named_by(c)) is not None), None)
        if owner is not None:
            return owner
    for origin in prep_objects(force, "from", "of"):
        naval_group = origin.lemma_.lower() == "group" and is_force(
            origin
        )  # "the Bataan Amphibious Ready Group"
        if origin.lemma_.lower() in _FIRM_NOUNS and not naval_group and (firm := _firm_name(origin)):
            return firm  # "fighters of Russia's Wagner private military company": the company's, not Russia's
        if (
            origin.pos_ == "NOUN"
            and origin.dep_ == "pobj"
            and origin.head.lower_ == "of"
            and is_force(origin)
        ):
            return force_nationality(
                origin, units_own=units_own
            )  # "a force of 5,000 Kenyan soldiers": theirs
        if is_force(origin) or origin.ent_type_ in ("ORG", "NORP"):
            owner = next((c for c in origin.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
            if owner is not None and origin.pos_ == "PROPN" and _word_of_the_name(owner):
                owner = None  # "the Chinese People's Volunteer Army": a word of the name, not its owner
            of_unit = [o for o in prep_objects(origin, "of") if _numbered_unit(o)]
            if owner is None and not units_own and (_numbered_unit(origin) or of_unit):
                # "soldiers of the 82nd Airborne Division were moved", "soldiers from a task force of the 173rd
                # Airborne Brigade": the unit, not who sent it; but "the U.S. 82nd Airborne Division" names its owner
                named = next(
                    (
                        w.text
                        for w in origin.subtree
                        if w.i < origin.i and w.pos_ != "DET" and is_country(w.text)
                    ),
                    None,
                )
                if named is None:
                    continue
                return named
            if owner is None and origin.pos_ == "NOUN" and any(c.lower_ in ("a", "an") for c in origin.children):
                continue  # "Marines from a crisis response unit": a unit of theirs, no owner named
            return actor_phrase(owner) if owner is not None else actor_phrase(origin)
        if origin.head.lower_ == "of":
            # "46,000 troops of all the British services": the services' nation
            owner = next(
                (c for c in origin.children if c.dep_ == "amod" and c.ent_type_ in ("NORP", "GPE")), None
            )
            if owner is not None:
                return owner.text
    if force.pos_ == "PROPN" and is_armed_group(name_span(force)):
        return name_span(force)  # "the SDF had withdrawn from the city": a group moves its own fighters
    # "400 police officers from Kenya": the state they come from
    return next(
        (o.text for o in prep_objects(force, "from") if o.ent_type_ == "GPE" and is_country(o.text)), None
    )


_FIRM_NOUNS = frozenset("company firm group contractor".split())


def _firm_name(firm: Token) -> str | None:
    """ "Russia's Wagner private military company" -> "Wagner": the name a company or group goes by."""
    named = next(
        (
            c
            for c in firm.children
            if c.dep_ in ("nmod", "compound") and c.pos_ == "PROPN" and not is_country(c.text)
        ),
        None,
    )
    return name_span(named) if named is not None else None


def _numbered_unit(unit: Token) -> bool:
    """ "the 82nd Airborne Division", "the 4th Brigade": a unit known by its number, which names no owner."""
    return any(w.ent_type_ == "ORDINAL" or w.like_num for w in unit.subtree if w.i < unit.i)


def _owner_named_by(mod: Token) -> str | None:
    """The owner a modifier of a force names: "Rwandan" soldiers, "Russia's" forces. A number, a date or a
    word of the unit's own name names none ("the 3rd Brigade", "On 4 April Russian troops", "the 1st
    Armoured Division"), unless a state sits inside it: "the U.S. Army National Guard's 30th brigade" ->
    "U.S."."""
    if mod.like_num or mod.ent_type_ in ("ORDINAL", "CARDINAL", "DATE", "TIME"):
        return None
    if mod.text in _MODEL_WORDS or (
        not is_country(mod.text) and any(MODEL_NAME.match(w.text) for w in (*mod.subtree, *mod.head.children))
    ):
        # "20 AH-64 Apache helicopters", "a Stryker squadron": a model's name, no owner's; but "two Dutch F-16
        # jets" are the Netherlands'
        return None
    # "a U.S.-led unit", "a Canadian-led force" (which the tokenizer may split at the hyphen): the state leading it
    leader = mod.text[: -len("-led")] if mod.text.endswith("-led") else None
    if mod.lower_ == "led" and mod.i >= 2 and mod.doc[mod.i - 1].text == "-":
        leader = mod.doc[mod.i - 2].text
    if leader and (is_country(leader) or leader in _ALLIANCES):
        return leader  # "a NATO-led international force"
    if mod.dep_ == "poss" and mod.pos_ == "NOUN" and is_force(mod):
        return force_nationality(mod)  # "the Ethiopian army's new divisions": the army's state
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


def _word_of_the_name(poss: Token) -> bool:
    """ "People's" in "the People's Liberation Army": a possessive inside a force's name, naming no owner (not
    "Russia's" Wagner Group nor the Iraqi "Army's" Fourth Armored Division)."""
    return (
        poss.dep_ == "poss"
        and poss.pos_ == "PROPN"
        and not _names_state(poss)
        and poss.lemma_.lower() in ("people", "worker", "workers", "patriot", "patriots")
    )


def _names_state(word: Token) -> bool:
    """ "U.S." or "Iraqi" inside a unit's name, which the NER often tags as part of one organisation."""
    return word.ent_type_ in ("GPE", "NORP") or (word.pos_ in ("PROPN", "ADJ") and is_country(word.text))


_ALLIANCES = frozenset("NATO U.N. UN EU AU ECOWAS SADC GCC CSTO".split())


def _appositives(force: Token) -> list[Token]:
    """Force phrases that describe `force` or a unit listed with it, set off by commas."""
    return [c for f in with_conjuncts(force) for c in f.children if c.dep_ == "appos" and is_force(c)]

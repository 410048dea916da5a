"""Dependency patterns that turn a trigger word into event roles: who, what place, how many.

Each `*_frames` function looks at one trigger token and returns the raw frames it supports; deciding whether
the event happened (modality), resolving places and building the final events happens in `pipeline`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from service.detect import lexicon as lx
from service.detect.numbers import parse_number
from service.detect.phrases import (
    child,
    children,
    is_force,
    is_placeish,
    name_span,
    actor_phrase,
    noun_phrase,
    place_phrase,
    prep_objects,
    with_conjuncts,
)

_PARTIAL_HEADS = frozenset("part parts most much section sections portion portions half percent % some".split())
# "a number of villages", "dozens of villages": the villages themselves
_QUANTITY_HEADS = frozenset("number dozen dozens hundreds scores handful couple all rest majority total".split())
_DEST_PREPS = ("to", "into", "in", "at", "toward", "towards", "around", "near", "on", "along", "inside")
_WAYPOINTS = frozenset(
    "road roads highway river border line lines outskirts entrance headquarters bank gate gates junction edge "
    "front frontline sea coast".split()
)
_PERSON_ROLES = frozenset(
    "judge leader commander minister president general official officer spokesman journalist son daughter "
    "brother wife emir chief head governor mayor colonel captain".split()
)
_PERSON_FATES = frozenset("execute kill torture interrogate release free try sentence behead hang jail".split())
_ANAPHORS = frozenset("city town village settlement area base airport airbase region checkpoint country".split())
_GENERIC_PLACES = frozenset("territory territories area areas position positions place places villages towns".split())


@dataclass
class PlaceRef:
    text: str  # as written
    head: Token | None = None
    anaphoric: bool = False  # "the city": to be resolved from context
    partial: bool = False  # "part of Kutuzivka" in a list of villages taken whole


@dataclass
class TCFrame:
    trigger: Token
    places: list[PlaceRef]
    gaining: str | None = None
    losing: str | None = None
    partial: bool = False


@dataclass
class DeployFrame:
    trigger: Token
    force_head: Token | None
    destinations: list[PlaceRef] = field(default_factory=list)
    actor: str | None = None
    withdraw: bool = False


# --- shared role helpers --------------------------------------------------------------------------------


_OBJECT_CONTROL = frozenset("order force ask allow tell instruct compel urge permit".split())
_PRONOUNS = frozenset("it they he she we which who that its their".split())
_EVENT_NOUNS = frozenset("attack attacks offensive assault operation advance push counteroffensive counter-offensive".split())


def _subject(tok: Token) -> Token | None:
    """Grammatical subject, climbing through xcomp/conj/advcl chains ("advanced, taking control of").

    A pronoun subject ("the Army announced that it had recaptured") is replaced by the nearest noun subject
    of an enclosing clause; "attacks by 2,000 fighters seized" gives the fighters.
    """
    made = _into_object(tok)
    if made is not None:
        return made
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _OBJECT_CONTROL:
        ordered = child(tok.head, "dobj")
        if ordered is not None:
            return ordered  # "the junta ordered French troops to leave": the troops leave
    seen = 0
    t = tok
    while seen < 6:
        s = child(t, "nsubj", "nsubjpass", "csubj")
        if s is not None:
            if s.lower_ in ("which", "that", "who") and t.dep_ == "relcl":
                return t.head
            if s.lower_ in _PRONOUNS:
                return _antecedent_subject(t) or s
            if s.lemma_.lower() in _EVENT_NOUNS:
                by = prep_objects(s, "by")
                if by:
                    return by[0]
            return s
        if t.dep_ in ("xcomp", "conj", "advcl", "acl", "pcomp") and t.head is not t:
            t = t.head if t.dep_ != "pcomp" else t.head.head
            seen += 1
            continue
        break
    return _left_armed_noun(tok)


def _into_object(t: Token) -> Token | None:
    """"misled the Iraqi military into deploying major forces": the one made to act is the object."""
    if t.tag_ == "VBG" and t.dep_ == "pcomp" and t.head.lower_ == "into":
        return child(t.head.head, "dobj")
    return None


def _antecedent_subject(t: Token) -> Token | None:
    for a in t.ancestors:
        s = child(a, "nsubj", "nsubjpass")
        if s is not None and s.lower_ not in _PRONOUNS and s.pos_ in ("NOUN", "PROPN"):
            return s
    return None


def _left_armed_noun(t: Token) -> Token | None:
    """Parser fallback: "Kurdish peshmerga fighters early Friday retook ..." left without a subject arc."""
    i = t.i - 1
    doc = t.doc
    while i >= 0 and t.i - i <= 6:
        w = doc[i]
        if w.ent_type_ in ("DATE", "TIME") or w.pos_ in ("ADV", "AUX", "PART", "PUNCT"):
            i -= 1
            continue
        if w.pos_ in ("NOUN", "PROPN") and _is_armed(w) and w.lower_ not in _PRONOUNS:
            return w
        return None
    return None


def _is_passive(tok: Token) -> bool:
    """Passive voice, including reduced relatives ("the town captured by rebels"), but not a perfect tense
    the parser hung on a noun ("said Sunday its troops had withdrawn")."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children) or (
        tok.tag_ == "VBN" and tok.dep_ in ("acl", "relcl") and not child(tok, "dobj", "nsubj")
        and not any(c.dep_ == "aux" and c.lower_ in ("had", "has", "have") for c in tok.children)
    )


def _actor(tok: Token | None) -> str | None:
    if tok is None or tok.lower_ in _PRONOUNS or tok.pos_ == "PRON" or tok.ent_type_ in ("DATE", "TIME"):
        return None
    if any(c.dep_ == "poss" and c.lower_ in ("our", "my", "your") for c in tok.children):
        return None  # "our defenders", in a quoted statement: the speaker's side, named elsewhere
    if tok.ent_type_ == "PERSON":
        # "U.S. Defense Secretary Ash Carter" acts for the U.S.
        for w in tok.subtree:
            if w.ent_type_ in ("GPE", "NORP") and w.i < tok.i:
                return name_span(w) if w.ent_type_ == "GPE" else w.text
    phrase = actor_phrase(tok)
    return _THE_ACRONYM.sub("", phrase)  # "the U.S." is the U.S.; "the Army" stays as written


_THE_ACRONYM = re.compile(r"^(?i:the)\s+(?=[A-Z][A-Z.]*$)")


def _agent(tok: Token) -> Token | None:
    """The "by" agent of a passive, shared across conjoined verbs ("captured and occupied by X")."""
    for verb in [tok, *tok.conjuncts]:
        for obj in prep_objects(verb, "by"):
            if obj.ent_type_ not in ("DATE", "TIME"):
                return obj
    return None


def _places_from(obj: Token, *, with_companions: bool = True) -> tuple[list[PlaceRef], bool]:
    """Place references an object phrase names, and whether it names only part of them.

    "two villages (Toqli and Mregel)" and "the villages of Toqli and Mregel" name Toqli and Mregel;
    "most of Hikma Hill" names Hikma Hill partially; "the city" is an anaphor.
    """
    partial = False
    for _ in range(2):  # "20 percent of the territory", "most of the lost villages", "all of the town"
        lemma = obj.lemma_.lower()
        inner = prep_objects(obj, "of")
        if not inner:
            break
        if lemma in _PARTIAL_HEADS or obj.lower_ in _PARTIAL_HEADS:
            obj, partial = inner[0], True
        elif lemma in _QUANTITY_HEADS or obj.like_num:
            obj = inner[0]
        else:
            break
    if obj.pos_ == "NUM" and obj.dep_ in ("dobj", "nsubjpass"):
        # "the SDF captured two villages west of al-Bab, while the rebels took three to the east"
        noun = next((w for w in reversed(obj.doc[: obj.i]) if w.tag_ == "NNS" and w.lemma_.lower() in lx.PLACE_NOUNS),
                    None)
        return ([PlaceRef(f"{obj.text} {noun.text}", obj)] if noun is not None else []), partial
    refs: list[PlaceRef] = []
    for tok in with_conjuncts(obj):
        refs.extend(_place_refs_of(tok))
    for companion in _companions(obj) if with_companions else []:
        # "two villages ..., in addition to part of the highway": companions have their own extent
        more, part = _places_from(companion, with_companions=False)
        refs.extend(PlaceRef(r.text, r.head, r.anaphoric, r.partial or part) for r in more)
    return _without_fragments(refs), partial


def _without_fragments(refs: list[PlaceRef]) -> list[PlaceRef]:
    """Drop pieces of another reference ("al-Ain" beside "Ras al-Ain") and bare punctuation."""
    texts = [r.text for r in refs]
    return [
        r for i, r in enumerate(refs)
        if any(ch.isalnum() for ch in r.text)
        and not any(j != i and r.text != t and r.text in t for j, t in enumerate(texts))
        and r.text not in texts[:i]
    ]


_COMPANION_OPENERS = (("as", "well", "as"), ("along", "with"), ("together", "with"), ("in", "addition", "to"))


def _companions(obj: Token) -> list[Token]:
    """"Mayssar, as well as the Dahret Awwad district", "al-Karama, along with Jarqa village": more places.

    The parser hangs these phrases anywhere (a cc of the verb, a prep of a nearby noun), so they are found in
    the word order after the object and the head of the phrase that follows is taken.
    """
    doc = obj.doc
    out: list[Token] = []
    i = obj.i + 1
    end_of_clause = next((w.i for w in doc[obj.i + 1 :] if w.pos_ == "VERB" and w.dep_ != "amod"), len(doc))
    while i < min(end_of_clause, obj.i + 25):
        opener = next((o for o in _COMPANION_OPENERS if tuple(w.lower_ for w in doc[i : i + len(o)]) == o), None)
        if opener is None:
            i += 1
            continue
        start = i + len(opener)
        stop = start
        while stop < len(doc) and doc[stop].text not in (",", ";", ".", "—") and doc[stop].pos_ != "VERB":
            stop += 1
        span = doc[start:stop]
        roots = [w for w in span if (w.head.i < start or w.head.i >= stop or w.head == w) and w.pos_ in ("NOUN", "PROPN")]
        for root in roots[:1]:
            out.extend(c for c in with_conjuncts(root) if start <= c.i < stop)
        i = stop
    return out


def _place_refs_of(tok: Token, *, listed: bool = False) -> list[PlaceRef]:
    """Place references one noun names; `listed`: an item of "territory including X, an oil field" is specific."""
    if not is_placeish(tok):
        return []
    if tok.pos_ != "PROPN":
        # "the villages of Toqli and Mregel", "two villages (Toqli and Mregel)", "the city of Lysychansk"
        named = [c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
        named += [o for o in prep_objects(tok, "of") if o.pos_ == "PROPN" and (
            tok.lemma_.lower() in lx.PLACE_NOUNS or o.ent_type_ in ("GPE", "LOC", "FAC"))]
        named += [o for o in prep_objects(tok, "including") if o.pos_ == "PROPN"]
        if named:
            out: list[PlaceRef] = []
            for n in named:
                # the NER often calls an unfamiliar village NORP or PERSON: "the village of X" settles it
                for t in with_conjuncts(n):
                    if t.pos_ == "PROPN":
                        out.append(PlaceRef(name_span(t), t))
                    elif t.lemma_.lower() in _PARTIAL_HEADS:  # "Bazaliyivka, Lebyazhe and part of Kutuzivka"
                        out.extend(PlaceRef(name_span(o), o, partial=True)
                                   for o in prep_objects(t, "of") if o.pos_ == "PROPN")
            return out
        included = [o for w in tok.subtree if w.dep_ == "prep" and w.lower_ == "including"
                    for o in w.children if o.dep_ == "pobj" and is_placeish(o)]
        if included and tok.lemma_.lower() in _GENERIC_PLACES:
            # "strategic territory ..., including Iraq's biggest dam, an oil field": the items themselves
            return [r for o in included for c in with_conjuncts(o) for r in _place_refs_of(c, listed=True)]
        if tok.lemma_.lower() in _GENERIC_PLACES or tok.lemma_.lower() in ("village", "town", "settlement"):
            listed = _names_after_including(tok)
            if listed:
                return [PlaceRef(n) for n in listed]  # "multiple villages in the process, including: Dilan, ..."
        has_det_the = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children)
        modifiers = [c for c in tok.children if c.dep_ in ("amod", "compound", "nummod", "poss", "prep")]
        if has_det_the and tok.lemma_.lower() in _ANAPHORS and not any(
            c.dep_ in ("poss", "prep") or c.pos_ == "PROPN" for c in modifiers
        ):
            return [PlaceRef(noun_phrase(tok, keep_conj=False), tok, anaphoric=True)]
        if any(c.dep_ == "det" and c.lower_ in ("any", "no") for c in tok.children):
            return []  # "no longer occupied any towns"
        if not listed and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children) and not (
            any(c.pos_ == "PROPN" and c.dep_ in ("compound", "poss", "appos") for c in tok.children)
            or any(o.pos_ == "PROPN" or any(w.pos_ == "PROPN" for w in o.children)
                   for o in prep_objects(tok, "near", "at", "outside"))
            or any(o.lemma_.lower() in ("city", "town", "village") and any(
                   w.pos_ == "PROPN" for w in o.subtree) for o in prep_objects(tok, "in"))
        ):
            # "a slum", "a district in southern Afghanistan": not identifiable; "a checkpoint at Khan Shaykhoun" is
            return []
        return [PlaceRef(place_phrase(tok), tok)]
    if _looks_like_person(tok):
        return []  # "Raouf Abdel Rahman, the presiding judge, was captured and executed"
    return [PlaceRef(name_span(tok), tok)]


def _looks_like_person(tok: Token) -> bool:
    """The NER's PERSON is unreliable for villages, so only a person's role or fate in the sentence counts."""
    if tok.ent_type_ != "PERSON":
        return False
    if any(c.dep_ == "appos" and c.lemma_.lower() in _PERSON_ROLES for c in tok.children):
        return True
    verb = tok.head
    return any(c.dep_ == "conj" and c.lemma_.lower() in _PERSON_FATES for c in verb.children)


# --- territorial control ------------------------------------------------------------------------------


def _pronoun_place(pron: Token) -> Token | None:
    """"attacked Snake Island, a Ukrainian island in the Black Sea, and captured it": the nearest place that
    was itself an object or subject before the pronoun; places that only locate another come second."""
    before = list(reversed(pron.doc[: pron.i]))
    for deps in (("dobj", "nsubj", "nsubjpass"), ("pobj",)):
        for w in before:
            if w.dep_ in deps and w.pos_ in ("PROPN", "NOUN") and is_placeish(w):
                if w.lemma_.lower() in lx.REGION_WORDS or (
                    w.dep_ == "pobj" and w.head.lower_ == "of" and w.head.head.lemma_.lower() in lx.REGION_WORDS
                ):
                    continue  # "the village to the south of Mosul ... it": Mosul only locates the village
                return w
    return None


def tc_frames(t: Token) -> list[TCFrame]:
    lemma = t.lemma_.lower().removeprefix("re-")
    if t.pos_ == "NOUN" or t.pos_ == "PROPN":
        return _tc_noun_frames(t, lemma)
    if t.pos_ not in ("VERB", "AUX") and t.tag_ not in ("VBN", "VBD", "VBG"):
        return []
    frames: list[TCFrame] = []
    passive = _is_passive(t)
    subj = _subject(t)
    dobj = child(t, "dobj")

    # "took / seized / gained / established control of P"; "lost control of P"; "were in control of P"
    control = dobj if dobj is not None and dobj.lemma_.lower() == "control" else None
    if control is None and t.dep_ == "amod" and t.head.lemma_.lower() == "control" and lemma in lx.CONTROL_VERBS:
        control = t.head  # parser slip: "YPG forces secured control of ..." read as "secured control"
        subj = subj or _left_armed_noun(t)
    elif t.dep_ in ("amod", "compound"):
        # "a remote-controlled IED", "the captured soldiers": a modifier, not a statement; but the parser
        # also makes "militias of X captured Luq, Belethawo and El-Waq" a modifier
        armed = _left_armed_noun(t)
        if lemma in lx.GAIN_VERBS and lemma != "control" and armed is not None:
            return _name_list_frames(t, _actor(armed))
        return []
    if control is None and lemma == "be" and t.tag_ in ("VBD", "VBN"):  # "were in control of"; "are" is a state
        for p in prep_objects(t, "in", "under"):
            if p.lemma_.lower() == "control":
                control = p
    under = next((p for p in prep_objects(t, "under") if p.lemma_.lower() == "control"), None)
    still = any(c.lower_ in ("still", "remain", "remained") for c in t.children)  # a state, not a change
    if under is not None and lemma in ("be", "come", "fall") and subj is not None and not still:
        # "the oil fields were once again under ISIL control", "all roads came under the control of the army"
        owners = prep_objects(under, "of") or [c for c in under.children if c.dep_ in ("compound", "amod", "poss")]
        places, partial = _places_from(subj)
        if places:
            gainer = _actor(owners[0]) if owners and owners[0].dep_ == "pobj" else (
                " ".join(o.text for o in owners) or None)
            return [TCFrame(t, places, gaining=gainer, partial=partial)]
    if control is not None and (lemma in lx.CONTROL_VERBS or lemma == "be"):
        objs = prep_objects(control, "of", "over")
        if not objs:  # "took control Sunday of Yabroud": the "of" hangs off the verb or the date
            doc = t.doc
            for w in doc[control.i + 1 : min(len(doc), control.i + 5)]:
                if w.dep_ == "prep" and w.lower_ in ("of", "over"):
                    objs = [c for c in w.children if c.dep_ == "pobj"]
                    break
        for obj in objs:
            places, partial = _places_from(obj)
            if not places:
                continue
            actor = _actor(subj)
            if lemma in ("lose", "cede"):
                frames.append(TCFrame(t, places, gaining=None, losing=actor, partial=partial))
            else:
                losing = prep_objects(t, "from")
                frames.append(TCFrame(t, places, gaining=actor, losing=_actor(losing[0]) if losing else None,
                                      partial=partial))
        return frames

    if lemma in lx.GAIN_VERBS | lx.PARTIAL_VERBS and lemma not in ("win", "leave"):
        partial_verb = lemma in lx.PARTIAL_VERBS and lemma != "storm" or lemma == "storm"
        if passive:
            target = subj if subj is not None and subj.dep_ == "nsubjpass" else None
            if target is None and t.dep_ in ("acl", "relcl"):
                target = t.head
            gainer = _actor(_agent(t))
        else:
            target = dobj
            gainer = _actor(subj)
            if target is None and t.dep_ == "relcl" and child(t, "nsubj") is not None:
                target = t.head  # "the only regional capital they had seized"
        if target is not None and target.lower_ in ("it", "them", "which"):
            target = _pronoun_place(target)
        if target is None and not passive:
            return _into_frames(t, subj) or _name_list_frames(t, gainer)
        if target is None:
            return []
        places, partial = _places_from(target)
        if not places:
            return []
        losers = prep_objects(t, "from") or (prep_objects(target, "from") if target is not None else [])
        if lemma == "reach" and (not _is_armed(subj) or target.lemma_.lower() in _WAYPOINTS):
            return []  # "reached the main road", "reached the river": a line crossed, not a place taken
        if lemma == "enter" and not passive and _peaceful_entry(t, _force_of(subj)):
            return []  # a deployment, not a fight for the place (see deploy_frames)
        frames.append(TCFrame(t, places, gaining=gainer, losing=_actor(losers[0]) if losers else None,
                              partial=partial or (partial_verb and lemma != "storm") or lemma == "storm"))
        return frames

    if lemma in lx.FALL_VERBS:
        if subj is None:
            if t.dep_ == "relcl":
                subj = t.head
            else:
                return []
        gainers = prep_objects(t, "to")
        under = [p for p in prep_objects(t, "under") if p.lemma_.lower() == "control"]
        if not gainers and not under and not is_placeish(subj):
            return []
        places, partial = _places_from(subj)
        if not places:
            return []
        gainer = _actor(gainers[0]) if gainers else None
        if under and gainer is None:
            mods = [c for c in under[0].children if c.dep_ in ("amod", "compound", "poss")]
            gainer = " ".join(m.text for m in mods) or None
        if not gainers and not under and subj.pos_ != "PROPN" and subj.lemma_.lower() not in lx.PLACE_NOUNS:
            return []
        frames.append(TCFrame(t, places, gaining=gainer, partial=partial))
        return frames

    if lemma in lx.DRIVE_VERBS:
        places_tok = prep_objects(t, "of", "from")
        if not places_tok:
            return []
        if passive:
            loser, gainer = subj, _agent(t)
        else:
            loser, gainer = dobj, subj
        if loser is None or not (_is_armed(loser) or loser.pos_ == "PROPN"):
            return []
        out = []
        for p in places_tok:
            places, partial = _places_from(p)
            if places:
                out.append(TCFrame(t, places, gaining=_actor(gainer), losing=_actor(loser), partial=partial))
        return out

    if lemma in lx.LOSE_VERBS or lemma in lx.HANDOVER_VERBS:
        targets: list[Token] = []
        if lemma in ("withdraw", "retreat", "pull", "flee", "move"):
            targets = prep_objects(t, "from", "of")
        elif dobj is not None:
            targets = [dobj]
        else:
            targets = prep_objects(t, "from")
        if not targets:
            return []
        if lemma in lx.HANDOVER_VERBS and not prep_objects(t, "to") and lemma not in lx.LOSE_VERBS:
            return []
        if passive:
            loser = _agent(t)
        else:
            loser = subj
        if loser is not None and not _is_armed(loser) and loser.pos_ != "PROPN":
            return []
        gainers = prep_objects(t, "to")
        out = []
        for target in targets:
            places, partial = _places_from(target)
            if places:
                out.append(TCFrame(t, places, gaining=_actor(gainers[0]) if gainers else None,
                                   losing=_actor(loser), partial=partial))
        return out

    if lemma in lx.INTO_VERBS:
        return _into_frames(t, subj)
    return []


def _names_after_including(tok: Token) -> list[str]:
    doc = tok.doc
    for w in doc[tok.i + 1 : min(len(doc), tok.i + 8)]:
        if w.lower_ == "including":
            start = w.i + 1
            while start < len(doc) and doc[start].text in (":", "-", "—"):
                start += 1
            return _name_run(doc, start)
    return []


def _name_run(doc: Doc, i: int) -> list[str]:
    """Proper names listed from position i: "Dilan, Simalka, Umm Tanak and Misherfa"."""
    names: list[str] = []
    current: list[Token] = []
    while i < len(doc) and len(names) < 12:
        w = doc[i]
        if w.pos_ == "PROPN" or (current and w.text == "-"):
            current.append(w)
        elif w.text == "," or w.lower_ == "and":
            if current:
                names.append(doc[current[0].i : current[-1].i + 1].text)
                current = []
        else:
            break
        i += 1
    if current:
        names.append(doc[current[0].i : current[-1].i + 1].text)
    return names


def _name_list_frames(t: Token, gainer: str | None) -> list[TCFrame]:
    """Parser fallback for "... captured Luq, Belethawo and El-Waq towns": the names right after the verb."""
    doc = t.doc
    i = t.i + 1
    if i >= len(doc) or doc[i].pos_ != "PROPN" or t.tag_ not in ("VBD", "VBN"):
        return []
    names = _name_run(doc, i)
    if not names:
        return []
    if gainer is None:
        armed = _left_armed_noun(t)
        gainer = _actor(armed) if armed is not None else None
    return [TCFrame(t, [PlaceRef(n) for n in names], gaining=gainer)]


def _into_frames(t: Token, subj: Token | None) -> list[TCFrame]:
    """"fought their way into Palmyra", "stormed into the northern districts": partial control."""
    into = prep_objects(t, "into")
    if not into or not _is_armed(subj):
        return []
    out = []
    for obj in into:
        places, _ = _places_from(obj)
        if places:
            out.append(TCFrame(t, places, gaining=_actor(subj), partial=True))
    return out


def _tc_noun_frames(t: Token, lemma: str) -> list[TCFrame]:
    if lemma not in lx.GAIN_NOUNS | lx.LOSS_NOUNS:
        return []
    objs = prep_objects(t, "of")
    if not objs:
        return []
    agents = prep_objects(t, "by", "to")
    owner = child(t, "poss")
    losers = prep_objects(t, "from")
    out = []
    for obj in objs:
        places, partial = _places_from(obj)
        if not places:
            continue
        gainer = _actor(agents[0]) if agents else None
        loser = _actor(losers[0]) if losers else None
        if owner is not None and owner.pos_ in ("PROPN", "NOUN"):
            if lemma in lx.LOSS_NOUNS and lemma != "fall":
                loser = loser or _actor(owner)
            else:
                gainer = gainer or _actor(owner)
        out.append(TCFrame(t, places, gaining=gainer, losing=loser, partial=partial))
    return out


def _is_armed(tok: Token | None) -> bool:
    if tok is None:
        return False
    if is_force(tok):
        return True
    if tok.pos_ == "PROPN" and tok.ent_type_ in ("ORG", "NORP", "GPE", ""):
        return True
    return tok.lower_ in ("they", "we", "it") or tok.lemma_.lower() in (
        "government", "regime", "side", "opposition", "coalition", "ally", "allies", "group", "jihadist",
        "extremist", "militia", "insurgent", "separatist", "loyalist", "russians", "ukrainians", "enemy",
    )


# --- deployment ---------------------------------------------------------------------------------------


def deploy_frames(t: Token) -> list[DeployFrame]:
    lemma = t.lemma_.lower()
    if t.pos_ == "NOUN":
        return _deploy_noun_frames(t, lemma)
    if t.pos_ not in ("VERB", "AUX") and t.tag_ not in ("VBN", "VBD", "VBG"):
        return []
    passive = _is_passive(t)
    subj = _subject(t)
    dobj = child(t, "dobj")
    if lemma == "retreat" and t.dep_ == "xcomp" and t.head.lemma_.lower() == "order":
        lemma = "withdraw"  # "units were ordered to retreat from the city": an ordered pull-out, a movement too
    withdraw = lemma in lx.WITHDRAW_VERBS

    if lemma == "call":
        return _call_in_frames(t, subj)

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
        dests = prep_objects(dobj, *_DEST_PREPS) or prep_objects(t, *_DEST_PREPS)
        return [DeployFrame(t, force, _dest_refs(dests), actor=_actor(subj))]

    if lemma == "leave":
        # only "troops left the town" / "ordered troops to leave the country"; "left rebels in disarray",
        # "were left encircled" describe situations
        force = _force_of(subj)
        if passive or dobj is None or not is_placeish(dobj) or is_force(dobj) or force is None or not is_force(force):
            return []
        if t.dep_ == "xcomp" and t.head.lemma_.lower() == "force":
            return []  # "were forced to leave Bilohorivka": a retreat under attack, a change of control only
        return [DeployFrame(t, force, _dest_refs([dobj]), actor=None, withdraw=True)]

    if lemma in lx.DEPLOY_VERBS or lemma in lx.WITHDRAW_VERBS:
        if passive:
            force, actor = (subj if subj is not None and subj.dep_ == "nsubjpass" else None), _actor(_agent(t))
            if force is None and t.dep_ in ("acl", "relcl"):
                force = t.head
            force = _force_of(force)
        else:
            force, actor = _force_of(dobj), _actor(subj)
            object_is_place = dobj is not None and not is_force(dobj) and is_placeish(dobj)
            if (dobj is None or (withdraw and object_is_place)) and subj is not None and (
                withdraw or lemma in _INTRANSITIVE_MOVES
            ):
                if is_force(_force_of(subj)):
                    force, actor = _force_of(subj), None  # "U.S. troops withdrew", "the Marines deployed to Erbil"
                elif withdraw and (_is_state(subj) or (lemma in ("withdraw", "pull") and is_force(subj))) and (
                    prep_objects(t, "from") or object_is_place
                ):
                    force, actor = subj, _actor(subj)  # "Ukraine withdrew from areas of Bakhmut"
        if force is None or not (is_force(force) or (withdraw and _is_state(force))):
            return []
        preps = ("from", "out") if withdraw else _DEST_PREPS
        dests = _place_objects(t, *preps)
        if withdraw and not dests:
            dests = _place_objects(t, "of")
        if not dests and withdraw and dobj is not None and not is_force(dobj) and is_placeish(dobj):
            dests = [dobj]  # "evacuated the city"
        if not dests and not withdraw:
            # "sent commandos as military advisers to Syria", "sent as reinforcements to Kupiansk"
            for as_obj in prep_objects(t, "as") + ([] if dobj is None else prep_objects(dobj, "as")):
                dests = _place_objects(as_obj, *_DEST_PREPS)
                if dests:
                    break
        if not dests and not withdraw and dobj is not None:
            # "redeployed thousands of troops, including elite units ..., to Kherson Oblast"
            dests = [w for p in dobj.subtree if p.dep_ == "prep" and p.lower_ in _DEST_PREPS
                     for w in p.children if w.dep_ == "pobj" and is_placeish(w)][:3]
        if not dests and force is not None:
            # "reduce the number of American forces in the country", "withdraw its troops in Syria"
            dests = _place_objects(force, "in", "from") or (
                _place_objects(force.head.head, "in") if force.head.lower_ == "of" else []
            )
        if not dests:
            dests = _purpose_objects(t)
        if not dests and any(c.lower_ in ("there", "here") and c.dep_ == "advmod" for c in t.children):
            dests = []  # "deployed there": the place the story is at, filled in from context
        if withdraw and not dests and force is subj and not passive and not _owned_by_state(force):
            return []  # "the Army withdrew" in a battle: a retreat, left to territorial control
        return [DeployFrame(t, force, _dest_refs(dests), actor=actor, withdraw=withdraw)]

    if lemma in lx.ARRIVE_VERBS and lemma not in ("reach", "enter"):
        if subj is None and t.dep_ == "acl":
            subj = t.head  # "new detachments arriving in Tartus"
        subj = _force_of(subj)  # "150 of these troops were reported to have arrived"
        if subj is None or not is_force(subj):
            return []
        dests = _place_objects(t, "into") if lemma == "cross" else _place_objects(t, *_DEST_PREPS)
        if lemma == "cross" and not dests:
            return []  # "crossed the river": a manoeuvre; "crossed the border into Kobani" is a movement
        way = child(t, "attr", "dobj")
        if not dests and way is not None and way.lower_ == "way":
            dests = prep_objects(way, "to")
        return [DeployFrame(t, subj, _dest_refs(dests))]
    if lemma == "enter" and dobj is not None and _peaceful_entry(t, _force_of(subj)):
        return [DeployFrame(t, _force_of(subj), _dest_refs([dobj]))]
    return []


def _peaceful_entry(t: Token, force: Token | None) -> bool:
    """A state's forces entering a place with no fight in the sentence are deployed there ("Russian troops
    entered Raqqa and began distributing aid", "a convoy of Turkish armoured vehicles entered Idlib");
    fighters breaking into a town hold part of it."""
    if force is None or not is_force(force):
        return False
    if any(w.lemma_.lower() in _COMBAT_WORDS for w in t.doc):
        return False
    begins = any(c.dep_ == "conj" and c.lemma_.lower() in ("begin", "start", "set") for c in t.children)
    return begins or _owned_by_state(force) or any(_owned_by_state(w) for w in force.subtree if is_force(w))


_INTRANSITIVE_MOVES = frozenset("move mass gather transfer deploy redeploy station position concentrate".split())


def _place_objects(tok: Token, *preps: str) -> list[Token]:
    return [o for o in prep_objects(tok, *preps) if is_placeish(o)]


def _call_in_frames(t: Token, subj: Token | None) -> list[DeployFrame]:
    """"SDF forces in Manbij had called in reinforcements from Kobani": reinforcements go to the caller."""
    called = [o for o in prep_objects(t, "in") if is_force(o)]
    called += [o for o in children(t, "dobj") if is_force(o) and any(c.lower_ == "in" and c.dep_ == "prt"
                                                                       for c in t.children)]
    if not called:
        return []
    dests = _place_objects(subj, "in", "at") if subj is not None else []
    return [DeployFrame(t, called[0], _dest_refs(dests), actor=_actor(subj))]


def _force_of(tok: Token | None) -> Token | None:
    """"thousands of troops" -> troops; "some of its soldiers" -> soldiers."""
    if tok is None or is_force(tok):
        return tok
    if tok.like_num or tok.lemma_.lower() in (
        "thousand", "hundred", "dozen", "some", "many", "most", "part", "rest", "number", "group", "contingent"
    ):
        inner = [o for o in prep_objects(tok, "of") if is_force(o)]
        if inner:
            return inner[0]
    return tok


def _purpose_objects(t: Token, depth: int = 0) -> list[Token]:
    """The place of a purpose clause: "sent troops ... to capture the village" -> the village;
    "sent reinforcements to help protect the provincial capital" -> the provincial capital."""
    for c in t.children:
        if c.dep_ in ("xcomp", "advcl") and (depth or any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children)):
            obj = child(c, "dobj")
            if obj is not None and is_placeish(obj):
                return [obj]
            if depth < 1:
                inner = _purpose_objects(c, depth + 1)
                if inner:
                    return inner
    return []


def _is_state(tok: Token | None) -> bool:
    return tok is not None and tok.pos_ == "PROPN" and tok.ent_type_ == "GPE"


def _owned_by_state(force: Token) -> bool:
    """"U.S. troops", "Russia's forces", "Turkish soldiers": a state's forces, moved by decision."""
    return _is_state(force) or any(
        c.dep_ in ("amod", "compound", "poss", "nmod") and c.ent_type_ in ("NORP", "GPE") for c in force.children
    )


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
    compounds = [c for c in t.children if c.dep_ in ("compound", "amod") and (is_force(c) or c.lower_ == "military")]
    force = forces[0] if forces else (compounds[0] if compounds else None)
    if force is None:
        return []
    withdraw = lemma in lx.WITHDRAW_NOUNS
    dests = prep_objects(t, *(("from",) if withdraw else _DEST_PREPS))
    if not dests and force is not None:
        dests = prep_objects(force, *(("from",) if withdraw else _DEST_PREPS))
    if not dests and t.head.pos_ == "VERB":
        dests = prep_objects(t.head, *(("from",) if withdraw else _DEST_PREPS))
    owner = child(t, "poss")
    actor = _actor(owner) if owner is not None else None
    if actor is None and t.head.pos_ == "VERB":
        subject = _subject(t.head)
        actor = _actor(subject) if subject is not None and subject != t else None
    return [DeployFrame(t, force, _dest_refs(dests), actor=actor, withdraw=withdraw)]


def _dest_refs(objs: list[Token]) -> list[PlaceRef]:
    refs: list[PlaceRef] = []
    for o in objs:
        if o.lemma_.lower() in ("way", "aid", "support", "order"):
            continue
        places, _ = _places_from(o)
        refs.extend(places)
    return refs


def force_size(force: Token) -> int | None:
    """Personnel or unit count of a force phrase: "200 more military personnel" -> 200, sums conjuncts."""
    total, found = 0, False
    for f in with_conjuncts(force):
        words = _number_words(f)
        if not words:
            continue
        n = parse_number(words)
        if n is not None:
            total += n
            found = True
    return total if found else None


def _number_words(tok: Token) -> list[str]:
    if tok.head.dep_ == "prep" and tok.head.lower_ == "of" and tok.head.head.like_num:
        return [tok.head.head.text]  # "150 of these troops"
    nums = [c for c in tok.children if c.dep_ == "nummod" or (c.dep_ == "amod" and c.like_num)]
    if not nums:
        # "200 of them", "an additional 1,000 Turkish commandos" (number attached to 'additional')
        nums = [c for c in tok.children if c.like_num and c.dep_ in ("quantmod", "nmod", "det")]
    if not nums:
        return []
    n = nums[0]
    words = [t.text for t in n.subtree if t.like_num or t.lower_ in ("hundred", "thousand", "million", "-")]
    return words


def force_text(force: Token) -> str:
    """The force as written, with its quantity: "thousands of troops", "150 of these troops"."""
    holder = force.head.head if force.head.dep_ == "prep" and force.head.lower_ == "of" else None
    if holder is not None and (holder.like_num or holder.lemma_.lower() in _QUANTITY_WORDS):
        return noun_phrase(holder, keep_of=True)
    return noun_phrase(force, keep_of=True)


_COMBAT_WORDS = frozenset(
    "clash fight fighting battle assault attack storm shell shelling siege offensive resistance capture seize "
    "kill killed casualty".split()
)
_QUANTITY_WORDS = frozenset("thousand thousands hundred hundreds dozen dozens some many most part rest".split())


def force_nationality(force: Token) -> str | None:
    """Who owns a force: "Rwandan soldiers" -> "Rwandan"; "U.S. troops" -> "U.S."; "Russia's forces" -> "Russia";
    "reinforcements from the Iraqi Army's Fourth Armored Division" -> "the Iraqi Army"."""
    for c in force.children:
        if c.dep_ in ("amod", "compound", "poss", "nmod") and (c.ent_type_ in ("NORP", "GPE", "ORG") or c.pos_ == "PROPN"):
            return name_span(c) if c.dep_ != "poss" else c.text
    for origin in prep_objects(force, "from", "of"):
        if is_force(origin) or origin.ent_type_ in ("ORG", "NORP"):
            owner = next((c for c in origin.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
            return actor_phrase(owner) if owner is not None else actor_phrase(origin)
    return None


def children_text(tok: Token, dep: str) -> list[str]:
    return [c.text for c in children(tok, dep)]

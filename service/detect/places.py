"""Which places a phrase names: lists, quantities, companions, anaphors and pronouns, as written."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from service.detect import lexicon as lx
from service.detect.actors import is_armed_group
from service.detect.numbers import parse_number
from service.detect.phrases import (
    cleared_of,
    is_country,
    is_placeish,
    name_span,
    named_warship,
    names_a_country,
    noun_phrase,
    own_objects_joined_to,
    place_phrase,
    prep_objects,
    with_conjuncts,
)

PARTIAL_HEADS = frozenset(
    "part parts most much section sections portion portions half percent % some side".split()
)
# "a number of villages", "dozens of villages": the villages themselves
_QUANTITY_HEADS = frozenset(
    "number dozen dozens hundreds scores handful couple all rest majority total string series cluster whole entirety".split()
)
DEST_PREPS = tuple("to into onto in at toward towards around near on along inside".split())
_PERSON_ROLES = frozenset(
    "judge leader commander minister president general official officer spokesman journalist son daughter "
    "brother wife emir chief head governor mayor colonel captain candidate senator ambassador lawmaker"
    .split()
)
_PERSON_FATES = frozenset(
    "execute kill torture interrogate release free try sentence behead hang jail".split()
)
_HOME_GROUND = frozenset("territory soil land country".split())
SUBNATIONAL = frozenset("regional provincial state district county".split())  # "the regional capital"
_STRIPS = frozenset("area region zone strip district".split())
_ANAPHORS = frozenset(
    "city town village hub port settlement area base airport airbase region checkpoint country island territory "
    "atoll province governorate oblast capital district facility camp airfield".split()
)
_ITS_NEIGHBOUR = re.compile(r"(?:its|the adjacent|the nearby)\s+[a-z]+$")
_BARE_REGIONS = frozenset("oblasts regions provinces districts governorates".split())
_SUBDIVISIONS = frozenset(
    "area district neighbourhood neighborhood quarter suburb section sector part".split()
)
_GENERIC_PLACES = frozenset(
    "territory territories area areas position positions place places villages towns".split()
)


@dataclass
class PlaceRef:
    text: str  # as written
    head: Token | None = None
    anaphoric: bool = False  # "the city": to be resolved from context
    partial: bool = False  # "part of Kutuzivka" in a list of villages taken whole


def places_from(obj: Token, *, with_companions: bool = True) -> tuple[list[PlaceRef], bool]:
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
        if lemma in PARTIAL_HEADS or obj.lower_ in PARTIAL_HEADS:
            obj, partial = inner[0], True
        elif lemma in _QUANTITY_HEADS or obj.like_num:
            obj = inner[0]
        else:
            break
    if obj.pos_ == "NUM" and obj.dep_ in ("dobj", "nsubjpass"):
        # "the SDF captured two villages west of al-Bab, while the rebels took three to the east"
        noun = next(
            (w for w in reversed(obj.doc[: obj.i]) if w.tag_ == "NNS" and w.lemma_.lower() in lx.PLACE_NOUNS),
            None,
        )
        return ([PlaceRef(f"{obj.text} {noun.text}", obj)] if noun is not None else []), partial
    if obj.tag_ == "NNS" and obj.lower_ in _BARE_REGIONS and not list(obj.children):
        return [], partial  # "six villages in Donetsk and Zaporizhzhia oblasts": a noun the parser strands
    if (
        obj.lower_ in ("territory", "territories")
        and not any(c.dep_ in ("det", "poss", "nummod", "compound", "amod", "prep") for c in obj.children)
        and (obj.dep_ == "pobj" or any(c.dep_ in ("acl", "relcl") for c in obj.children))
    ):
        return [], partial  # "pushed deeper into territory held by the SDF": ground no one could find on a map
    counted = _names_counted(obj)
    if counted:
        return counted, partial
    named_before = _named_before_compass(obj)
    refs: list[PlaceRef] = [named_before] if named_before else _place_refs_of(obj)
    later = [
        c
        for c in obj.conjuncts
        if c.i > obj.i
        and not (obj.dep_ in ("pobj", "dobj") and _opens_a_clause(c))
        and not _list_noun(c)
        and not named_warship(c)  # "to Cyprus and the frigate Margottini to the Aegean": a force listed on
    ]
    if obj.tag_ == "NNS" and later and all(c.pos_ == "PROPN" for c in later):
        refs = []  # "the last districts they held, Crater and Tawahi": the names tell which districts
    for conj in later:  # not the phrase it is itself joined to
        # "Idlib city and most of the areas bordering Turkey": each conjunct has its own extent
        more, part = (
            places_from(conj, with_companions=False)
            if conj.lemma_.lower() in PARTIAL_HEADS | _QUANTITY_HEADS
            # "captured Orlivka and Tonenke west of Avdiivka": "west" heads the last name
            else ([located] if (located := _named_before_compass(conj)) else _place_refs_of(conj), False)
        )
        owner = next((c for c in obj.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
        conj_text = noun_phrase(conj) if owner is not None else ""
        if _ITS_NEIGHBOUR.match(conj_text):
            # "Mogadishu's airport and its seaport", "... and the adjacent seaport": the town's seaport
            more = [PlaceRef(f"{name_span(owner)}'s {conj_text.split()[-1]}", conj)]
        refs.extend(PlaceRef(r.text, r.head, r.anaphoric, r.partial or part) for r in more)
    for inner in prep_objects(obj, *_LOCATING_PREPS, "around"):
        refs.extend(r for k in own_objects_joined_to(inner) for r in _place_refs_of(k))
    for prep in (c for c in obj.children if c.dep_ == "prep" and c.lower_ in (*_LOCATING_PREPS, "around")):
        # "pulled back from the area around Kyiv and from Chernihiv": the parser joins the second "from" to "around"
        joined = [o for k in prep.conjuncts if k.pos_ == "ADP" for o in k.children if o.dep_ == "pobj"]
        refs.extend(r for o in joined for r in _place_refs_of(o))
    for appos in [c for c in obj.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.conjuncts]:
        # "entered Kfar Kila, Odaisseh, Mais al-Jabal and Markaba": a list the parser began as an apposition
        refs.extend(r for k in with_conjuncts(appos) for r in _place_refs_of(k))
    for appos in [c for c in obj.children if c.dep_ == "appos" and c.pos_ == "NOUN" and c.conjuncts]:
        # "seized the K1 military base, the headquarters of the North Oil Company and the Baba Gurgur oil
        # field": sites listed, the parser began the list as an apposition
        if all(k.lemma_.lower() in FACILITIES | _FIELDS for k in (obj, *with_conjuncts(appos))):
            refs.extend(r for k in with_conjuncts(appos) for r in _place_refs_of(k))
    for appos in [c for c in obj.children if c.dep_ == "appos" and c.lemma_.lower() in lx.PLACE_NOUNS]:
        # "took Kunduz, capital of the province of the same name, and Taloqan": the parser joins the next name
        # to the description
        joined = [k for k in appos.conjuncts if k.pos_ == "PROPN" and k.i > appos.i]
        refs.extend(r for k in joined for r in _place_refs_of(k))
    if (named_after := _name_after_its_locator(obj)) is not None:
        refs = [PlaceRef(name_span(named_after), named_after)]
    for appos in [c for c in obj.children if c.dep_ == "appos" and c.tag_ == "NNS"]:
        # "Baghanis Ayrum, Ashagi Askipara, Kheyrimli and Gizilhajili, ethnic Azerbaijani villages": the parser
        # hangs the rest of the list on the noun that describes it
        refs.extend(PlaceRef(name_span(n), n) for n in _names_listed_before(appos))
    for companion in _companions(obj) if with_companions else []:
        # "two villages ..., in addition to part of the highway": companions have their own extent
        more, part = places_from(companion, with_companions=False)
        refs.extend(PlaceRef(r.text, r.head, r.anaphoric, r.partial or part) for r in more)
    return _without_fragments(refs), partial


_DESCRIBED_HOLDS = frozenset("stronghold bastion redoubt holdout town city village".split())


def _name_after_its_locator(obj: Token) -> Token | None:
    """ "overran the government's last stronghold in the province, Hazm": the name after the locating phrase
    is the stronghold's (the parser hangs it on the province as an apposition)."""
    if obj.lemma_.lower() not in _DESCRIBED_HOLDS or obj.tag_ != "NN":
        return None
    if any(c.pos_ == "PROPN" or c.dep_ == "appos" for c in obj.children):
        return None  # "the town of Hazm", "Hazm's stronghold": named already
    # the parser may hang the locating phrase on the verb when it follows the object at once
    after = prep_objects(obj.head, "in") if obj.dep_ == "dobj" else []
    for inner in prep_objects(obj, "in") + [o for o in after if o.head.i == obj.right_edge.i + 1]:
        names = [c for c in inner.children if c.dep_ == "appos" and c.pos_ == "PROPN" and not c.conjuncts]
        if len(names) != 1:
            continue
        (name,) = names
        last_in_phrase = name.right_edge.i == inner.right_edge.i
        if last_in_phrase and obj.doc[name.left_edge.i - 1].text == "," and is_placeish(name):
            return name
    return None


def _others(noun: Token) -> bool:
    """ "other disputed areas", "nearby positions": unnamed places listed after a named one."""
    return noun.tag_ == "NNS" and any(c.lower_ in _BESIDES and c.dep_ == "amod" for c in noun.children)


_BESIDES = frozenset("other nearby surrounding neighbouring neighboring adjacent".split())


def _names_counted(obj: Token) -> list[PlaceRef]:
    """ "four villages in the Kharkiv region, Vovchansk, Lyptsi, Hlyboke and Zelene", "... region: Vovchansk,
    Lyptsi, Hlyboke and Zelene": as many names as the count, listed after the phrase, are the places it counts
    (the parser joins them to the region, or starts a fragment at the colon)."""
    count = next((c for c in obj.children if c.dep_ == "nummod"), None)
    if obj.tag_ != "NNS" or obj.lemma_.lower() not in lx.PLACE_NOUNS or count is None:
        return []
    number = parse_number([count.text])
    if number is None or number < 2:
        return []
    end = obj.right_edge.i + 1
    doc = obj.doc
    if end < len(doc) and doc[end].text == ":" and end + 1 < len(doc) and doc[end + 1].pos_ == "PROPN":
        first = doc[end + 1]
        names = [
            t for t in first.subtree if t.pos_ == "PROPN" and (t == first or t.dep_ in ("appos", "conj"))
        ]
    else:
        # "in the Kharkiv region, Vovchansk, ..."; not "two villages in Kharkiv, Donetsk and Zaporizhzhia
        # regions"
        region = next((o for o in prep_objects(obj, "in") if o.lemma_.lower() in _REGION_WORDS), None)
        if region is None or region.i + 1 >= len(doc) or doc[region.i + 1].text != ",":
            return []
        names = [c for c in region.conjuncts if c.i > region.i]
        appos = [c for c in region.children if c.dep_ == "appos" and c.i == region.i + 2]
        if not names and appos:  # "in Ukraine's Kharkiv region, Borysivka, Ohirtseve, ...": begun as an aside
            names = [appos[0], *appos[0].conjuncts]
    if len(names) != number or not all(n.pos_ == "PROPN" for n in names):
        return []
    return [PlaceRef(name_span(n), n) for n in names]


_HELD_IN_VERBS = frozenset("occupy hold control keep seize capture take".split())


def _list_noun(conj: Token) -> bool:
    """ "the Aghdam, Kalbajar and Lachin districts": the noun that tells what the names are, read as one more."""
    doc = conj.doc
    return (
        conj.tag_ == "NNS"
        and conj.lemma_.lower() in lx.PLACE_NOUNS
        and conj.i > 0
        and doc[conj.i - 1].pos_ == "PROPN"
        and doc[conj.i - 1].dep_ == "conj"
    )


def _opens_a_clause(conj: Token) -> bool:
    """ "sent instructors to the Central African Republic and Rwanda has deployed troops there": a name the
    parser joined to the list is the subject of the finite verb right after it."""
    after = conj.right_edge.i + 1
    return after < len(conj.doc) and conj.doc[after].tag_ in ("VBZ", "VBP", "VBD", "MD")


def _code_name(tok: Token) -> bool:
    """ "the K1 military base", "the T4 airbase": letters and digits the tagger takes for a common noun."""
    return tok.text[:1].isupper() and any(ch.isdigit() for ch in tok.text)


def _named_before_compass(obj: Token) -> PlaceRef | None:
    """ "captured the Al Asad air base west of Baghdad": the parser heads the phrase with "west", and the place
    taken is the base, not the town that locates it."""
    if obj.lower_ not in lx.REGION_WORDS or obj.tag_ != "NN" or not prep_objects(obj, "of"):
        return None
    named = [
        c
        for c in obj.lefts
        if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN") and c.lower_ not in lx.REGION_WORDS
    ]
    if not named:
        return None  # "Hostomel and Bucha north-west of Kyiv": the parser's "north" is the bearing's, no name
    # from the name's first word ("the K1 military base west of the city" -> "K1 military base"), no article or
    # adjective before it ("the undefended Al Asad air base")
    first = min(t.i for c in named for t in c.subtree if t.dep_ in ("compound", "nmod"))
    end = obj.i
    while end > first + 1 and (obj.doc[end - 1].text == "-" or obj.doc[end - 1].lower_ in lx.REGION_WORDS):
        end -= 1  # "Hostomel Airport north-west of Kyiv": the tokenizer splits the bearing at its hyphen
    return PlaceRef(obj.doc[first:end].text, obj.doc[end - 1])


def _names_listed_before(noun: Token) -> list[Token]:
    if noun.lemma_.lower() not in lx.PLACE_NOUNS:
        return []
    return [
        t
        for c in noun.lefts
        if c.pos_ == "PROPN" and c.dep_ in ("nmod", "compound") and c.conjuncts
        for t in with_conjuncts(c)
    ]


def _without_fragments(refs: list[PlaceRef]) -> list[PlaceRef]:
    """Drop pieces of another reference ("al-Ain" beside "Ras al-Ain") and bare punctuation."""
    texts = [r.text for r in refs]
    return [
        r
        for i, r in enumerate(refs)
        if any(ch.isalnum() for ch in r.text)
        and not any(
            j != i and r.text != t and r.text in t and _piece_of(r, refs[j]) for j, t in enumerate(texts)
        )
        and r.text not in texts[:i]
    ]


def _piece_of(part: PlaceRef, whole: PlaceRef) -> bool:
    """ "al-Ain" of "Ras al-Ain" is a piece; "Tabqa" beside "the adjacent Tabqa Dam" is a town of its own."""
    if part.head is None or whole.head is None or part.head.pos_ != "PROPN":
        return True
    # the same words: the same token, one inside the other's phrase, or a few words from its head
    return (
        part.head == whole.head or whole.head.is_ancestor(part.head) or abs(part.head.i - whole.head.i) <= 3
    )


_COMPANION_OPENERS = (("as", "well", "as"), ("along", "with"), ("together", "with"), ("in", "addition", "to"))


def _companions(obj: Token) -> list[Token]:
    """ "Mayssar, as well as the Dahret Awwad district", "al-Karama, along with Jarqa village": more places.

    The parser hangs these phrases anywhere (a cc of the verb, a prep of a nearby noun), so they are found in
    the word order after the object and the head of the phrase that follows is taken.
    """
    doc = obj.doc
    out: list[Token] = []
    i = obj.i + 1
    end_of_clause = next((w.i for w in doc[obj.i + 1 :] if w.pos_ == "VERB" and w.dep_ != "amod"), len(doc))
    while i < min(end_of_clause, obj.i + 25):
        opener = next(
            (o for o in _COMPANION_OPENERS if tuple(w.lower_ for w in doc[i : i + len(o)]) == o), None
        )
        if opener is None:
            i += 1
            continue
        start = i + len(opener)
        stop = start
        while stop < len(doc) and doc[stop].text not in (",", ";", ".", "—") and doc[stop].pos_ != "VERB":
            stop += 1
        span = doc[start:stop]
        roots = [
            w
            for w in span
            if (w.head.i < start or w.head.i >= stop or w.head == w) and w.pos_ in ("NOUN", "PROPN")
        ]
        for root in roots[:1]:
            # "entered the town together with the U.N. peacekeeping force UNIFIL": a side that came along
            if any(w.lemma_.lower() in lx.FORCE_NOUNS or is_armed_group(w.text) for w in span):
                continue
            out.extend(c for c in with_conjuncts(root) if start <= c.i < stop)
        i = stop
    return out


def _singular(noun: str) -> str:
    """ "roundabouts" -> "roundabout", "bases" -> "base", "cities" -> "city" (the lemmatizer says "basis")."""
    if noun.endswith("ies"):
        return noun[:-3] + "y"
    if noun.endswith(("sses", "ches", "shes", "xes")):
        return noun[:-2]
    return noun[:-1] if noun.endswith("s") else noun


def _place_refs_of(tok: Token, *, listed: bool = False) -> list[PlaceRef]:
    """Place references one noun names; `listed`: an item of "territory including X, an oil field" is specific."""
    if tok.lemma_.lower() in _HOME_GROUND and any(
        c.dep_ == "poss" and c.lower_ in ("its", "their") for c in tok.children
    ):
        # "Belarus, a Russian ally which allowed a military buildup in their territory": the state named before
        state = next(
            (w for w in reversed(tok.doc[: tok.i]) if w.pos_ == "PROPN" and w.ent_type_ == "GPE"), None
        )
        if state is not None:
            return [PlaceRef(name_span(state), state)]
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in lx.LOSS_NOUNS:
            return []  # "despite the loss of its territory": all the ground a group held, no place one could find
    if tok.lemma_.lower() == "garrison" and any(c.dep_ == "poss" for c in tok.children):
        return []  # "captured it along with its entire garrison": the troops, not a place
    if _is_area(tok):
        return [PlaceRef(place_phrase(tok), tok)]  # "recaptured 1,000 square kilometers of territory"
    if tok.pos_ == "PROPN" and _looks_like_person(tok):
        return []  # "rebels seized Damascus and President Bashar al-Assad": a person the parser joins on
    if tok.pos_ == "PROPN" and (names := _names_run_into_one(tok)):
        return [PlaceRef(text, head) for text, head in names]
    if not is_placeish(tok):
        return []
    if tok.pos_ != "PROPN" and tok.tag_ == "NNS":
        # "the al-Helwaniyah and al-Jazmati roundabouts": one place per name
        listed = [
            c
            for c in tok.lefts
            if c.pos_ == "PROPN" and c.dep_ in ("nmod", "compound", "amod") and c.conjuncts
        ]
        if listed:
            names = with_conjuncts(listed[0])
            after = tok.doc[max(n.i for n in names) + 1]
            # "Kheyrimli and Gizilhajili, ethnic Azerbaijani villages": the noun describes the names after a comma
            suffix = "" if after.text == "," else f" {_singular(tok.text)}"
            return [PlaceRef(f"{name_span(n)}{suffix}", n) for n in names]
    if tok.pos_ != "PROPN":
        described = [
            c
            for c in tok.children
            if c.dep_ == "appos"
            and c.lemma_.lower() in lx.PLACE_NOUNS
            and any(o.pos_ == "PROPN" for o in prep_objects(c, "of"))
            # "the regional capital, the only city of Kherson Oblast that Russia had taken": a place in a region
            and not any(d.dep_ == "relcl" or d.lower_ == "only" or d.tag_ == "JJS" for d in c.children)
            and not c.conjuncts  # "the K1 base, the headquarters of the North Oil Company and the oil field"
        ]
        if described and not any(o.pos_ == "PROPN" for o in prep_objects(tok, "of")):
            # "The last pocket of resistance, the small town of al-Ayadiya, fell": the place the words describe
            return _place_refs_of(described[0])
        if _a_town_described(tok):
            return [PlaceRef(noun_phrase(tok, keep_conj=False), tok, anaphoric=True)]
        # "the villages of Toqli and Mregel", "two villages (Toqli and Mregel)", "the city of Lysychansk"
        named = [c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
        doc = tok.doc
        if tok.i + 1 < len(doc) and tok.lemma_.lower() in lx.PLACE_NOUNS:
            # "entered the capital Bangui": the parser makes the name a second object of the verb
            after = doc[tok.i + 1]
            if after.pos_ == "PROPN" and after.dep_ == tok.dep_ and after.head == tok.head:
                named.append(after)
        named += [
            o
            for o in prep_objects(tok, "of")
            if o.pos_ == "PROPN"
            and (tok.lemma_.lower() in lx.PLACE_NOUNS or o.ent_type_ in ("GPE", "LOC", "FAC"))
            # "the headquarters of the army's 16th Infantry Division": a unit's base, not a place called so
            and not (tok.lemma_.lower() in FACILITIES and _names_a_unit(o))
        ]
        named += [o for o in prep_objects(tok, "including") if o.pos_ == "PROPN"]
        named += [  # "the facility, known as Air Base 201"
            o
            for a in tok.children
            if a.dep_ == "acl" and a.lemma_.lower() == "know"
            for o in prep_objects(a, "as")
            if o.pos_ == "PROPN"
        ]
        if named:
            # "several areas of Jalawla", "the western suburbs of Aleppo": parts of one place
            part = tok.tag_ == "NNS" and tok.lemma_.lower() in _SUBDIVISIONS or tok.lower_ == "outskirts"
            out: list[PlaceRef] = []
            if any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children):
                # "the Hama Triangle area, Hama Castle and Qasr Castle": a named place heading a list, not a
                # noun the names after it explain
                out.append(PlaceRef(place_phrase(tok), tok))
            for n in list(named):
                # "the city of Kirkuk, the nearby K-1 military base and the Baba Gurgur oil field": a list the
                # parser hung on the name as an appositive; a description ("Bor, the capital of Jonglei") is none
                for appos in (
                    c for c in n.children if c.dep_ == "appos" and c.lemma_.lower() in lx.PLACE_NOUNS
                ):
                    for item in with_conjuncts(appos):
                        if any(m.pos_ == "PROPN" and m.dep_ in ("compound", "nmod") for m in item.children):
                            out.append(PlaceRef(place_phrase(item), item))
            for n in named:
                # the NER often calls an unfamiliar village NORP or PERSON: "the village of X" settles it
                for t in with_conjuncts(n):
                    if t.pos_ == "PROPN":
                        out.append(PlaceRef(name_span(t), t, partial=part))
                    elif (located := _named_before_compass(t)) is not None:
                        # "the villages of Orlivka and Tonenke west of Avdiivka": "west" heads the last name
                        out.append(PlaceRef(located.text, located.head, partial=part))
                    elif t.lemma_.lower() in PARTIAL_HEADS:  # "Bazaliyivka, Lebyazhe and part of Kutuzivka"
                        out.extend(
                            PlaceRef(name_span(o), o, partial=True)
                            for o in prep_objects(t, "of")
                            if o.pos_ == "PROPN"
                        )
            return out
        included = [
            o
            for w in tok.subtree
            if w.dep_ == "prep" and w.lower_ == "including"
            for o in w.children
            if o.dep_ == "pobj" and is_placeish(o)
        ]
        if included and tok.lemma_.lower() in _GENERIC_PLACES:
            # "strategic territory ..., including Iraq's biggest dam, an oil field": the items themselves
            return [r for o in included for c in with_conjuncts(o) for r in _place_refs_of(c, listed=True)]
        if (
            tok.lemma_.lower() in _GENERIC_PLACES
            or tok.lemma_.lower() in ("village", "town", "settlement")
            or (tok.tag_ == "NNS" and tok.lemma_.lower() in lx.PLACE_NOUNS)
        ):
            listed = _names_after_including(tok)
            if listed:
                return [
                    PlaceRef(n) for n in listed
                ]  # "multiple villages in the process, including: Dilan, ..."
        if tok.tag_ == "NNS" and tok.lemma_.lower() in lx.PLACE_NOUNS:
            # "pulled out of the villages they still occupied in southern Lebanon": unnamed places a side
            # held, located by the clause that describes them (part of the place it names)
            located = [
                PlaceRef(r.text, r.head, r.anaphoric, True)
                for c in tok.children
                if c.dep_ == "relcl"
                and c.lemma_.lower() in _HELD_IN_VERBS
                and not any(w.lower_ == "where" for w in c.children)
                for o in prep_objects(c, "in")
                if any(w.pos_ == "PROPN" for w in o.subtree) and o.lower_ != "operation"
                for r in places_from(o)[0]
            ]
            if located:
                return located
        if tok.lemma_.lower() in ("stronghold", "bastion") and any(
            c.dep_ == "poss" and (c.pos_ == "PRON" or c.lemma_.lower() in _SIDE_ANAPHORS)
            for c in tok.children
        ):
            # "captured Tarhuna, driving Haftar's fighters from their last stronghold": the place just named
            return [PlaceRef(noun_phrase(tok, keep_conj=False), tok, anaphoric=True)]
        if _described_by_rank(tok):
            return [PlaceRef(place_phrase(tok), tok, anaphoric=True)]  # "Syria's largest city": Aleppo, named
        if _vague(tok) or _ways_in(tok):
            return []  # "taken control of some areas", "handing positions over": no place one could find
        has_det_the = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children)
        located = _located_by_compass(tok)
        if has_det_the and located is not None:
            return [PlaceRef(located, tok)]  # "left the area west of the Euphrates": no anaphor, a place told
        cleared = cleared_of(tok)
        modifiers = [
            c
            for c in tok.children
            if c.dep_ in ("amod", "compound", "nmod", "nummod", "poss", "prep") and c != cleared
        ]
        if (
            has_det_the
            and tok.lemma_.lower() == "country"
            and not any(c.dep_ in ("poss", "prep", "relcl") for c in tok.children)
        ):
            # "the West African country", "the Central Asian country": a region's people describe it, no name
            return [PlaceRef(noun_phrase(tok, keep_conj=False), tok, anaphoric=True)]
        if (
            has_det_the
            and tok.lemma_.lower() in _ANAPHORS
            # "the border area where Mali, Niger and Burkina Faso meet": described where it is, no anaphor
            and not any(
                c.dep_ == "relcl" and any(w.lower_ == "where" for w in c.children) for c in tok.children
            )
            and not any(
                c.dep_ in ("poss", "prep")
                or (c.pos_ == "PROPN" and not _names_its_region(c))
                # "the border area": a strip along a line, not a town ("the border town" is one named before)
                or (c.lower_ in ("border", "frontier") and tok.lemma_.lower() in _STRIPS)
                or _code_name(c)
                or _capitalised_modifier(c)
                for c in modifiers
            )
            # "the lost villages", "the remaining towns": a set the story describes, not one place named before
            and not (tok.tag_ == "NNS" and any(c.dep_ == "amod" for c in modifiers))
            # "the only regional capital": a capital, not the country's; "the regional capital" is the town just named
            and not (
                tok.lemma_.lower() == "capital"
                and any(c.dep_ in ("amod", "compound") and c.lower_ not in SUBNATIONAL for c in modifiers)
            )
        ):
            return [PlaceRef(noun_phrase(tok, keep_conj=False), tok, anaphoric=True)]
        if any(c.dep_ == "det" and c.lower_ in ("any", "no") for c in tok.children):
            return []  # "no longer occupied any towns"
        if (
            not listed
            and any(
                c.dep_ == "det" and (c.lower_ in ("a", "an") or c.lower_ == "another" and tok.tag_ == "NN")
                for c in tok.children
            )
            and not (
                any(c.pos_ == "PROPN" and c.dep_ in ("compound", "poss", "appos") for c in tok.children)
                or any(
                    # "a checkpoint at Khan Shaykhoun", "a camp near the town of Bashiqa"
                    o.pos_ == "PROPN" or any(w.pos_ == "PROPN" for w in o.subtree)
                    for o in prep_objects(tok, "near", "at", "outside")
                )
                or any(
                    o.lemma_.lower() in ("city", "town", "village")
                    and any(w.pos_ == "PROPN" for w in o.subtree)
                    for o in prep_objects(tok, "in")
                )
                or located is not None  # "a new base south of Seoul"
                or _sited_by_verb(tok)  # "overran a police station in Toribio"
                # "a new base in Pyeongtaek" (not "a district in southern Afghanistan", a whole country)
                or any(_names_a_town(o) for o in prep_objects(tok, "in"))
            )
        ):
            # "a slum", "another village" (not "another two villages"), "a district in southern Afghanistan": not identifiable; "a checkpoint at Khan Shaykhoun" is
            return []
        return [PlaceRef(located or place_phrase(tok), tok)]
    if _looks_like_person(tok):
        return []  # "Raouf Abdel Rahman, the presiding judge, was captured and executed"
    return [PlaceRef(name_span(tok), tok)]


_REGION_WORDS = frozenset("state province region district oblast governorate county".split())


def _names_its_region(c: Token) -> bool:
    """ "the northern Shan state city": a name with a region's noun after it places the town the story named; it
    names no other."""
    doc = c.doc
    after = doc[c.i + 1] if c.i + 1 < len(doc) else None
    if (
        c.lower_ in _REGION_WORDS
        and c.head.lemma_.lower() in ("city", "town", "village")
        and any(w.dep_ == "compound" and w.pos_ == "PROPN" for w in c.children)
    ):
        return True  # "the northern Shan State town": the parser heads the region's name with its noun
    return (
        after is not None
        and after.dep_ == "compound"
        and after.head == c.head
        and after.lemma_.lower() in _REGION_WORDS
        and c.head.lemma_.lower() in ("city", "town", "village")
    )


_AREA_UNITS = frozenset("kilometer kilometre km mile hectare acre".split())
_SQUARE_UNITS = frozenset("km2 km² sqkm sq.km".split())
_RUNNING_TOTAL = re.compile(
    r"\b(?:by the end of|since the (?:start|beginning|launch) of|in total|in all|so far|to date|overall)\b",
    re.I,
)


def _is_area(tok: Token) -> bool:
    """An area of ground measured out: "20 km2", "1,000 square kilometers of territory", "500 hectares of land";
    not a running total ("by the end of 2018 had liberated 20,000 square kilometers"), which reports no change."""
    if not any(c.dep_ == "nummod" for c in tok.children) or _RUNNING_TOTAL.search(tok.sent.text):
        return False
    if tok.lower_ in _SQUARE_UNITS:
        return True
    if tok.lemma_.lower() not in _AREA_UNITS:
        return False
    return any(c.lower_ in ("square", "sq") for c in tok.children) or any(
        o.lemma_.lower() in ("territory", "land", "ground") for o in prep_objects(tok, "of")
    )


_VAGUE_PLACES = frozenset("area position post point location site part".split())
_GROUND_SPOTS = frozenset("position positions post posts line lines frontline frontlines front".split())


def unnamed_ground(tok: Token | None) -> bool:
    """ "front-line positions in northern Syria", "its posts", "the front line": ground a force holds, which no
    name identifies ("the Zaporizhzhia front" is named)."""
    if tok is None or tok.lower_ not in _GROUND_SPOTS:
        return False
    if any(o.pos_ == "PROPN" and o.ent_type_ not in ("DATE", "TIME") for o in prep_objects(tok, "at")):
        return False  # "the army's positions at Konna": the town says where
    return not any(c.dep_ in ("compound", "appos", "nmod") and c.pos_ == "PROPN" for c in tok.children)


GROUND_LOCATING_PREPS = ("in", "near", "around", "along")


def ground_locators(tok: Token) -> list[PlaceRef]:
    """The places that locate unnamed ground: "positions in northern Syria" -> northern Syria."""
    return [r for o in prep_objects(tok, *GROUND_LOCATING_PREPS) for r in places_from(o)[0]]


def _capitalised_modifier(c: Token) -> bool:
    """ "the Baltic region", "the Kurdish region", "the nearby Ghazlani military base" (the parser may make the
    name a nominal modifier): a capitalised modifier names the place, it is no anaphor."""
    if c.dep_ not in ("amod", "nmod") or not c.text[:1].isupper() or c.is_sent_start:
        return False
    return not is_country(c.text)  # "the northern Syrian city": a demonym describes the place, names none


_HELD_BY = re.compile(r"-(?:held|controlled)$", re.IGNORECASE)


# "the group's last major coastal stronghold": a side the story named before, by a general word
_SIDE_ANAPHORS = frozenset("group militant rebel insurgent jihadist extremist movement militia".split())


def _names_a_town(tok: Token) -> bool:
    return tok.pos_ == "PROPN" and tok.ent_type_ == "GPE" and not names_a_country(tok)


def _located_by_compass(tok: Token) -> str | None:
    """ "the area west of the Euphrates", "the region south of Tripoli": a place set by a bearing from a named
    one, written right after its noun (the parser often hangs the bearing on the verb)."""
    doc = tok.doc
    after = tok.i + 1
    hyphenated = after + 2 < len(doc) and doc[after + 1].text == "-"
    if hyphenated and f"{doc[after].lower_}{doc[after + 2].lower_}" in _BEARINGS:
        after += 2  # "a desert airstrip south-west of Kandahar": the tokenizer splits the bearing at its hyphen
    if after + 2 >= len(doc) or doc[after].lower_ not in _BEARINGS or doc[after + 1].lower_ != "of":
        return None
    named = next((w for w in doc[after + 2 : after + 5] if w.pos_ == "PROPN"), None)
    if named is None:
        return None
    return doc[tok.left_edge.i : named.i + 1].text


_BEARINGS = frozenset("north south east west northeast northwest southeast southwest".split())


def _vague(tok: Token) -> bool:
    """A plural of a word for any spot, with nothing to tell which: "some areas", "positions"; or every spot
    of a kind, or both of those told before: "driven from every urban area in the country", "entered both ports"."""
    if any(
        c.dep_ in ("det", "predet") and c.lower_ in ("every", "each", "any", "both") for c in tok.children
    ) and not any(w.pos_ == "PROPN" for w in tok.subtree):
        return True
    if tok.lower_ == "line" and not any(c.dep_ == "det" for c in tok.children) and prep_objects(tok, "with"):
        return True  # "redeployed in line with an agreement": an idiom, not a front line
    held_by = any(_HELD_BY.search(c.text) for c in tok.children if c.dep_ == "amod") or any(
        tok.doc[i].lower_ in ("held", "controlled") and tok.doc[i - 1].text == "-"
        for i in range(tok.left_edge.i + 1, tok.i)
    )
    if (
        held_by
        and tok.lemma_.lower() in ("territory", "area")
        and not any(c.dep_ in ("prep", "compound", "nummod") or c.pos_ == "PROPN" for c in tok.children)
    ):
        return True  # "pushed deeper into Kurdish-held territory": whose ground, not which
    return (
        tok.tag_ == "NNS"
        and tok.lemma_.lower() in _VAGUE_PLACES
        and not any(
            c.dep_ in ("nummod", "prep", "compound", "poss", "amod") or c.pos_ == "PROPN"
            for c in tok.children
        )
    )


def _ways_in(tok: Token) -> bool:
    """ "took the airport and the roads leading into the city": unnamed ways in, not a place held."""
    return tok.lower_ in ("roads", "routes", "paths") and not any(w.pos_ == "PROPN" for w in tok.subtree)


def _names_a_unit(name: Token) -> bool:
    return (
        name.lower_ in lx.FORCE_NOUNS
        or name.lemma_.lower() in lx.FORCE_NOUNS
        or is_armed_group(name_span(name))
    )


def _a_town_described(tok: Token) -> bool:
    """ "retaking the only regional capital Moscow had captured", "overran the remote jungle capital of Vaupes
    department", "the army's last major stronghold in the Darfur region": a town told by what it is, not by a
    name of its own ("the city of Mitu" is named; "the city", "the regional capital" are plain anaphors)."""
    noun = tok.lemma_.lower()
    if tok.tag_ != "NN" or noun not in _DESCRIBED_TOWNS:
        return False
    if not any(c.dep_ == "det" and c.lower_ == "the" or c.dep_ == "poss" for c in tok.children):
        return False
    if any(c.pos_ == "PROPN" and c.dep_ in ("compound", "nmod", "appos", "amod") for c in tok.children):
        return False  # "the Donbas stronghold", "the Hama Triangle town": a name is part of it
    regions = prep_objects(tok, "of", "in")
    if any(o.pos_ == "PROPN" and o.head.lower_ == "of" and o.lemma_.lower() not in _STATES for o in regions):
        # "the city of Mitu": its name; "the provincial capital of Deir Ezzor": the town its province is after
        return False
    described = [c for c in tok.children if c.dep_ in ("amod", "compound") and c.lower_ not in SUBNATIONAL]
    return bool(described or regions or noun in ("stronghold", "bastion"))


_FIELDS = frozenset("field oilfield airstrip".split())
_DESCRIBED_TOWNS = frozenset("capital stronghold bastion city town".split())
_STATES = frozenset("republic department state province region district oblast governorate county".split())


def _described_by_rank(tok: Token) -> bool:
    """ "Syria's largest city", "the country's second-largest city": a place the story names, described by its
    rank."""
    owned = any(
        c.dep_ == "poss" and (c.ent_type_ == "GPE" or c.lower_ in ("country", "nation")) for c in tok.children
    )
    ranked = any(c.tag_ == "JJS" or c.lower_.endswith(("largest", "biggest")) for c in tok.children)
    return owned and ranked and tok.lemma_.lower() in ("city", "town", "port", "village")


def _looks_like_person(tok: Token) -> bool:
    """The NER's PERSON is unreliable for villages, so only a person's role or fate in the sentence counts."""
    if any(c.dep_ == "appos" and c.lemma_.lower() in _PERSON_ROLES for c in tok.children):
        return True  # "Foday Sankoh, the rebel leader, was captured", whatever the NER calls the name
    titled = (c for c in tok.children if c.dep_ == "compound" and c.lemma_.lower() in _PERSON_ROLES)
    if any(c.text.islower() or tok.ent_type_ == "PERSON" for c in titled):
        # "the presidential candidate Ingrid Betancourt was seized", "President Bashar al-Assad" (but not
        # "General Santos", a town)
        return True
    if tok.ent_type_ != "PERSON":
        return False
    verb = tok.head
    return any(c.dep_ == "conj" and c.lemma_.lower() in _PERSON_FATES for c in verb.children)


FACILITIES = frozenset(
    "base airport airbase airfield checkpoint crossing palace headquarters building compound barracks refinery "
    "dam bridge hospital prison port harbour harbor station camp".split()
)
_LOCATING_PREPS = ("in", "at", "near", "outside")


def _sited_by_verb(tok: Token) -> bool:
    """ "FARC rebels overran a police station in the town of Toribio": the parser hangs "in" on the verb, yet it
    says which station (`located_by_verb` writes it into the place)."""
    if tok.lemma_.lower() not in FACILITIES or tok.dep_ not in ("dobj", "nsubjpass"):
        return False
    for o in prep_objects(tok.head, *_LOCATING_PREPS):
        town = o.lemma_.lower() in ("town", "city", "village")
        name = next((n for n in prep_objects(o, "of") if n.pos_ == "PROPN"), o) if town else o
        if o.i > tok.i and name.pos_ == "PROPN" and is_placeish(name) and not names_a_country(name):
            return True
    return False


def _names_run_into_one(tok: Token) -> list[tuple[str, Token]]:
    """ "reoccupied Degehabur and Kebri Dahar": the parser makes the first names modifiers of the last one's head;
    each name is a place of its own when the first is one."""
    listed = [c for c in tok.lefts if c.pos_ == "PROPN" and c.dep_ in ("nmod", "compound") and c.conjuncts]
    if not listed or not is_placeish(listed[0]):
        return []
    items = with_conjuncts(listed[0])
    last = items[-1]
    if any(tok.doc[w.i + 1].lower_ not in (",", "and") for w in items[:-1]):
        return []  # "Pul-i-Khumri": one name the parser took apart at its hyphens
    return [(name_span(w), w) for w in items[:-1]] + [(tok.doc[last.i : tok.i + 1].text, tok)]


def located_by_verb(verb: Token, refs: list[PlaceRef]) -> list[PlaceRef]:
    """ "seized the airport in Kandahar": the parser hangs "in Kandahar" on the verb, yet it names which
    airport; a town or a region the story named before stays an anaphor ("took the town in Idlib province")."""
    # "In the provincial capital, Ramadi, militants took over several districts": the name may be an appositive
    # "handing its base in the northern city of Gao over": the town a place noun names
    objects = [
        next(
            (a for a in o.children if a.dep_ == "appos" and a.pos_ == "PROPN"),
            next((n for n in prep_objects(o, "of") if n.pos_ == "PROPN"), o)
            if o.lemma_.lower() in lx.PLACE_NOUNS
            else o,
        )
        for o in prep_objects(verb, *_LOCATING_PREPS)
    ]
    names = [o for o in objects if o.pos_ == "PROPN" and is_placeish(o)]
    if not names:
        return refs
    out = []
    for r in refs:
        unnamed = r.head is not None and not any(w.pos_ == "PROPN" for w in r.head.subtree)
        if (r.anaphoric or unnamed) and r.head is not None and r.head.lemma_.lower() in FACILITIES:
            prep = next(a.lower_ for a in names[0].ancestors if a.dep_ == "prep" and a.head == verb)
            r = PlaceRef(f"{r.text} {prep} {name_span(names[0])}", r.head, False, r.partial)
        elif (
            unnamed and r.head is not None and r.head.tag_ == "NNS" and r.head.lemma_.lower() in _SUBDIVISIONS
        ):
            # "In Gondar, militia fighters entered several neighborhoods": part of the town the sentence names
            r = PlaceRef(name_span(names[0]), names[0], False, True)
        out.append(r)
    if out:
        out.extend(r for k in own_objects_joined_to(names[0]) for r in _place_refs_of(k))
    return out


def sited_at(verb: Token, obj: Token, refs: list[PlaceRef]) -> list[PlaceRef]:
    """ "overran the base of the Multinational Joint Task Force at Baga", "captured the headquarters of the
    army's Western Command at Ann", "overran the army's positions at Konna": a site told by whose it is, and
    where by "at" a name (on the site, its owner or the verb); the place is the site with its town."""
    if obj.lemma_.lower() not in FACILITIES | _GROUND_SPOTS:
        return refs
    doc = obj.doc
    at = [
        o
        for h in (verb, obj, *prep_objects(obj, "of"), *([obj.head] if obj.head.pos_ == "VERB" else []))
        for o in prep_objects(h, "at")
        if o.pos_ == "PROPN" and o.i > obj.i and o.ent_type_ not in ("DATE", "TIME")
    ]
    if not at and obj.lemma_.lower() in ("camp", "base") and any(c.dep_ == "poss" for c in obj.children):
        # "pulled out of their camp in Kidal": a force's own camp, known by its town
        at = [
            o
            for h in (obj, verb)
            for o in prep_objects(h, "in")
            if o.pos_ == "PROPN" and o.head.i == obj.i + 1 and o.ent_type_ not in ("DATE", "TIME")
        ]
    if not at or any(at[0].text in r.text for r in refs):
        return refs
    end = at[0].i
    while (
        end + 1 < len(doc)
        and doc[end + 1].head == at[0]
        and doc[end + 1].dep_ in ("nummod", "compound", "flat")
    ):
        end += 1  # "the checkpoint at Kilometre 12"
    site = PlaceRef(doc[obj.left_edge.i : end + 1].text, at[0])
    return [site] + [r for r in refs if r.head is None or r.head.i < obj.left_edge.i or r.head.i > at[0].i]


_WAYS_INTO = frozenset("gate gates entrance entrances outskirts edge edges".split())


def pronoun_place(pron: Token) -> Token | None:
    """ "attacked Snake Island, a Ukrainian island in the Black Sea, and captured it": the nearest place that
    was itself an object or subject before the pronoun; places that only locate another come second."""
    before = list(reversed(pron.doc[: pron.i]))
    for deps in (("dobj", "nsubj", "nsubjpass"), ("pobj",)):
        for w in before:
            if w.dep_ in deps and w.pos_ in ("PROPN", "NOUN") and is_placeish(w):
                if w.dep_ == "nsubj" and (w.head == pron.head or w.head in pron.ancestors):
                    # "after Russia seized it", "after Russia said its troops had taken control of it": the one
                    # who acts on the place, or speaks of it, is not the place
                    continue
                if w.lemma_.lower() in _WAYS_INTO and prep_objects(w, "of"):
                    return prep_objects(w, "of")[
                        0
                    ]  # "broke through the gates of Belbek air base ... took it"
                if w.lemma_.lower() in lx.REGION_WORDS or (
                    w.dep_ == "pobj"
                    and w.head.lower_ == "of"
                    and w.head.head.lemma_.lower() in lx.REGION_WORDS
                ):
                    continue  # "the village to the south of Mosul ... it": Mosul only locates the village
                described = next((a for a in w.ancestors if a.dep_ == "relcl"), None)
                if w.dep_ == "pobj" and (
                    # "Vuhledar, a mining town on the border between the Donetsk and Zaporizhzhia regions"
                    w.head.lower_ in ("near", "outside", "between")
                    or (w.head.lower_ in ("in", "at") and w.head.head.pos_ in ("NOUN", "PROPN"))
                    or (w.head.lower_ == "on" and w.head.head.lemma_.lower() in lx.PLACE_NOUNS)
                    or (described is not None and not described.is_ancestor(pron))
                ):
                    # "Belbek air base near Sevastopol ... took control of it", "Lysychansk, the last city it held
                    # in the Luhansk region ... control of it": a place that locates another is not "it"
                    continue
                return w
    return None


def _names_after_including(tok: Token) -> list[str]:
    """ "multiple villages in the process, including: Dilan, ...", "a string of towns in the Hama countryside
    that the advance had cut off, including Morek, Latamneh and Kafr Zita": the names listed after the group."""
    doc = tok.doc
    for w in doc[tok.i + 1 : tok.sent.end]:
        if w.tag_ == "NNS" and w.lemma_.lower() in lx.PLACE_NOUNS and not tok.is_ancestor(w):
            return []  # another group, not the group's own ("villages in the hills"): the list may be its
        among = w.lower_ == "among" and w.i + 1 < len(doc) and doc[w.i + 1].lower_ == "them"
        if w.lower_ == "including" or among:
            # "occupied a string of villages in the Botlikh district, among them Ansalta, Rakhata and Tando"
            start = w.i + (2 if among else 1)
            while start < len(doc) and doc[start].text in (":", "-", "—"):
                start += 1
            return name_run(doc, start)
    return []


def is_namelike(w: Token) -> bool:
    """A proper name, or a capitalised word the tagger did not know ("had taken Bakhmut" read as an adverb)."""
    if w.pos_ == "PROPN":
        return True
    return (
        w.text[:1].isupper()
        and w.is_alpha
        and w.i > w.sent.start
        and w.pos_ in ("ADV", "ADJ", "NOUN", "VERB", "X")
        and w.ent_type_ not in ("NORP", "DATE", "TIME")
    )


def name_run(doc: Doc, i: int) -> list[str]:
    """Proper names listed from position i: "Dilan, Simalka, Umm Tanak and Misherfa"."""
    names: list[str] = []
    current: list[Token] = []
    while i < len(doc) and len(names) < 12:
        w = doc[i]
        if is_namelike(w) or (current and w.text == "-"):
            current.append(w)
        elif w.text == "," or w.lower_ == "and":
            if current:
                names.append(doc[current[0].i : current[-1].i + 1].text)
                current = []
        else:
            if w.tag_ == "POS":
                current = []  # "seized Herat, Afghanistan's third-largest city": an owner, not a name listed
            break
        i += 1
    if current:
        names.append(doc[current[0].i : current[-1].i + 1].text)
    # "seized Damascus and President Bashar al-Assad fled": a titled person ends the list
    return [n for n in names if n.split()[0].lower() not in _PERSON_ROLES or len(n.split()) < 2]


def repeated_departures(verb: Token) -> list[Token]:
    """ "pulled its soldiers out of Moqokori in October and out of Halgan on 23 October": a second "out of" or
    "from" the parser joined to whatever came before it, still a place the verb's force left."""
    out: list[Token] = []
    for w in verb.subtree:
        if w.dep_ != "conj" or w.lower_ not in ("out", "from") or w.head.dep_ not in ("prep", "pobj"):
            continue
        objs = prep_objects(w, "of") if w.lower_ == "out" else [c for c in w.children if c.dep_ == "pobj"]
        out += [o for o in objs if is_placeish(o)]
    return out


def place_objects(tok: Token, *preps: str) -> list[Token]:
    # "along its side of the Philadelphi corridor", "into part of the town": the place a share is of
    return [
        o
        for o in prep_objects(tok, *preps)
        if is_placeish(o)
        or o.lemma_.lower() in PARTIAL_HEADS and any(map(is_placeish, prep_objects(o, "of")))
    ]


_SPOTS = frozenset("location locations site sites point points".split())


def left_without_a_fight(verb: Token) -> list[Token]:
    """ "withdrew without fighting from Sinjar and Makhmour": the parser hangs the place left on the gerund."""
    return [
        o
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "without"
        for g in c.children
        if g.dep_ == "pcomp"
        for o in place_objects(g, "from")
    ]


def dest_refs(objs: list[Token]) -> list[PlaceRef]:
    refs: list[PlaceRef] = []
    for o in objs:
        if o.lemma_.lower() in ("way", "aid", "support", "order"):
            continue
        if refs and o.lemma_.lower() in lx.REGION_WORDS and prep_objects(o, "of"):
            # "to its area of control to the south of Tell Abyad": the second phrase locates the first
            last = refs[-1]
            refs[-1] = PlaceRef(f"{last.text} {o.head.lower_} {place_phrase(o)}", last.head, last.anaphoric)
            continue
        spread = [w for w in prep_objects(o, "throughout", "across") if is_placeish(w)]
        if o.lemma_.lower() in _SPOTS and spread:
            o = spread[0]  # "to locations throughout the Middle East region": the region named
        places, _ = places_from(o)
        named = [r for r in places if r.head is not None and r.head.pos_ == "PROPN"]
        # "to Kirkuk and other disputed areas": the places the force was sent to are the one named
        refs.extend(r for r in places if not (named and r.head is not None and _others(r.head)))
        # "half would be based in Kirkuk and half at Erbil": the second share's place hangs on "half"
        for conj in o.conjuncts:
            if not is_placeish(conj) and not named_warship(conj):
                refs.extend(r for p in place_objects(conj, *DEST_PREPS) for r in places_from(p)[0])
    return refs

"""Who did it: subjects, agents and actors, and which phrases name armed forces or states."""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Span, Token

from service.detect.actors import MEMBERSHIPS, is_armed_group
from service.detect.lexicon import CAUGHT_WORDS, CLAIM_VERBS, DEPLOY_VERBS, GIVE_UP_VERBS
from service.detect.phrases import (
    actor_phrase,
    child,
    is_country,
    is_force,
    name_span,
    prep_objects,
    ship_prefix,
    with_conjuncts,
)

_OBJECT_CONTROL = frozenset(
    "order force ask allow tell instruct compel urge permit prompt authorise authorize".split()
)
_PRONOUNS = frozenset("it they he she we which who that its their".split())
_ASPECT_VERBS = frozenset("begin start continue finish complete resume".split())
_TAKING_NOUNS = frozenset("capture recapture seizure takeover fall withdrawal retreat".split())
_EVENT_NOUNS = frozenset(
    "attack attacks offensive assault operation advance push counteroffensive counter-offensive "
    "counterattack counter-attack raid".split()
)


def subject_of(tok: Token) -> Token | None:
    """Grammatical subject, climbing through xcomp/conj/advcl chains ("advanced, taking control of").

    A pronoun subject ("the Army announced that it had recaptured") is replaced by the nearest noun subject
    of an enclosing clause; "attacks by 2,000 fighters seized" gives the fighters.
    """
    made = _into_object(tok)
    if made is not None:
        return made
    controlled = tok
    while controlled.dep_ == "xcomp" and controlled.head.lemma_.lower() in _ASPECT_VERBS:
        controlled = controlled.head  # "ordered the contingent to begin withdrawing": who begins withdraws
    if controlled.dep_ == "xcomp" and controlled.head.lemma_.lower() in _OBJECT_CONTROL:
        ordered = child(controlled.head, "dobj")
        if ordered is not None:
            return ordered  # "the junta ordered French troops to leave": the troops leave
    seen = 0
    t = tok
    while seen < 6:
        subjects = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
        # "In mid-February the Ukrainian command moved": the parser may make the date a subject too
        subjects = [c for c in subjects if c.ent_type_ not in ("DATE", "TIME")] or subjects
        # "In Gondar, the region's second-largest city, militia fighters entered": the parser may give the verb
        # two subjects; the armed one acts
        s = next((c for c in subjects if is_armed(c) and c.pos_ != "PRON"), subjects[0] if subjects else None)
        if s is not None:
            if s.lower_ in ("which", "that", "who") and t.dep_ == "relcl":
                operation = t.head
                if is_operation(operation) and operation.dep_ == "dobj" and not prep_objects(operation, "by"):
                    # "the army launched a counteroffensive that retook Jebel Moya": who launched it took it
                    return subject_of(operation.head) or operation
                return operation
            if s.lower_ in _PRONOUNS:
                return _antecedent_subject(t) or s
            if s.lemma_.lower() in _EVENT_NOUNS:
                by = prep_objects(s, "by")
                if by:
                    return by[0]
            if t != tok and s.lemma_.lower() in _TAKING_NOUNS and s.pos_ == "NOUN":
                # "The capture came two months after ISIL, taking advantage of a sandstorm, had retaken the
                # villages": a clause the parser joined to the one about the event; its doer is the side before it
                return left_armed_noun(tok)
            return s
        stranded = _subject_left_in_a_list(t) if t.dep_ == "conj" or bare_finite_advcl(t) else None
        if stranded is not None:
            return stranded  # "sent instructors to Bangui and Rwanda has deployed troops": Rwanda deployed them
        if t.dep_ == "ROOT" and not subjects:
            # "On 9 July Rwanda began deploying a force": the parser read the subject into the date's phrase
            left = left_armed_noun(t)
            if (
                left is not None
                and left.pos_ == "PROPN"
                and left.dep_ == "pobj"
                and any(w.ent_type_ == "DATE" for w in left.head.subtree)
            ):
                return left
        if t.dep_ == "advcl" and not subjects:
            # "a day after federal troops, ... and paramilitary forces seized Kirkuk": the parser made the
            # subject the object of "after"; it is the armed noun right before the verb, not the main clause's
            left = left_armed_noun(t)
            if left is not None and any(a.dep_ in ("prep", "mark") and a.lower_ in _TIME_PREPS for a in left.ancestors):
                return min(with_conjuncts(left), key=lambda w: w.i)  # the list's first force
        if t.dep_ == "acl" and _finite_misread(t) and t.head.pos_ in ("NOUN", "PROPN") and is_armed(t.head):
            return t.head  # "Turkish-backed Syrian rebels swept into ...": a finite verb the parser hung on its doer
        # "is due to arrive": the adjective's subject is that of its "be"
        if t.dep_ in ("xcomp", "conj", "advcl", "acl", "pcomp", "acomp") and t.head != t:
            t = t.head if t.dep_ != "pcomp" else t.head.head
            if t.pos_ == "NOUN" and t.dep_ == "npadvmod":
                t = t.head  # "captured Kombolcha, a day after claiming control of Dessie": the clause "day" serves
            seen += 1
            continue
        break
    return left_armed_noun(tok) or _participle_subject(tok)


def _subject_left_in_a_list(verb: Token) -> Token | None:
    """A joined clause's subject the parser hung on the list before it: the name right before its auxiliary."""
    first = min([verb, *(c for c in verb.children if c.dep_ == "aux")], key=lambda w: w.i)
    before = verb.doc[first.i - 1] if first.i > 0 else None
    named = before is not None and (before.pos_ == "PROPN" or (before.pos_ == "NOUN" and is_armed(before)))
    if named and before.dep_ == "conj" and first.i > verb.head.i:
        return before
    return None


def bare_finite_advcl(t: Token) -> bool:
    """ "withdrew from the town and the Greek Army moved in": a past tense with no subordinator the parser hung
    on the clause before, its subject read into that clause's list."""
    return t.dep_ == "advcl" and t.tag_ == "VBD" and not any(c.dep_ == "mark" for c in t.children)


def _finite_misread(t: Token) -> bool:
    """A past tense the parser hung on its doer: tagged so, or a participle on a noun that heads a sentence with
    no verb of its own ("HTS-led rebels swept into Hama")."""
    if t.tag_ == "VBD":
        return True
    return t.tag_ == "VBN" and t.head.dep_ == "ROOT" and not any(c.dep_ in ("auxpass", "agent") for c in t.children)


def _participle_subject(t: Token) -> Token | None:
    """ "the SDF further advanced west of Manbij, capturing several villages": when the parser loses the
    clause the participle hangs on, its doer is the nearest armed subject before the comma."""
    if t.tag_ != "VBG" or t.i == 0 or t.nbor(-1).text != ",":
        return None
    for w in reversed(t.doc[t.sent.start : t.i]):
        if w.dep_ == "nsubj" and w.lower_ not in _PRONOUNS and is_armed(w):
            return w
    return None


def _into_object(t: Token) -> Token | None:
    """ "misled the Iraqi military into deploying major forces": the one made to act is the object."""
    if t.tag_ == "VBG" and t.dep_ == "pcomp" and t.head.lower_ == "into":
        return child(t.head.head, "dobj")
    return None


def _antecedent_subject(t: Token) -> Token | None:
    for a in t.ancestors:
        s = child(a, "nsubj", "nsubjpass")
        if s is not None and s.lower_ not in _PRONOUNS and s.pos_ in ("NOUN", "PROPN"):
            if a.lemma_.lower() in CLAIM_VERBS and s.lemma_.lower() in _WITNESSES:
                return None  # '"they have taken over the buildings," a resident said': not the resident
            if a.lemma_.lower() in CLAIM_VERBS and s.ent_type_ == "PERSON":
                # '"We have taken over the town," said Col. Cyrus Oguna, a Kenyan military spokesman': the
                # side the speaker speaks for
                return _side_spoken_for(s) or s
            return s
    return None


def _side_spoken_for(person: Token) -> Token | None:
    for role in (c for c in person.children if c.dep_ == "appos" and c.lemma_.lower() in _SPOKESPEOPLE):
        side = next((m for m in role.children if m.dep_ in ("amod", "compound") and m.ent_type_ == "NORP"), None)
        if side is not None:
            return side
    return None


_SPOKESPEOPLE = frozenset("spokesman spokeswoman spokesperson".split())


_WITNESSES = frozenset("resident witness official source villager man woman journalist analyst".split())


_TIME_PREPS = frozenset("after before since until when".split())


def left_armed_noun(t: Token) -> Token | None:
    """Parser fallback: "Kurdish peshmerga fighters early Friday retook ..." left without a subject arc."""
    i = t.i - 1
    doc = t.doc
    while i >= 0 and t.i - i <= 6:
        w = doc[i]
        if w.ent_type_ in ("DATE", "TIME") or w.pos_ in ("ADV", "AUX", "PART", "PUNCT"):
            i -= 1
            continue
        if w.pos_ in ("NOUN", "PROPN") and is_armed(w) and w.lower_ not in _PRONOUNS:
            return w
        return None
    return None


def avoids_capture(t: Token) -> bool:
    """ "pulled its troops out of Vuhledar to avoid encirclement": a move made under threat of capture."""
    return any(
        c.dep_ in ("advcl", "xcomp")
        and c.lemma_.lower() == "avoid"
        and any(w.lemma_.lower() in CAUGHT_WORDS for w in c.subtree)
        for c in t.children
    )


def is_passive(tok: Token) -> bool:
    """Passive voice, including reduced relatives ("the town captured by rebels"), but not a perfect tense
    the parser hung on a noun ("said Sunday its troops had withdrawn")."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children) or (
        tok.tag_ == "VBN"
        and tok.dep_ in ("acl", "relcl")
        and not child(tok, "dobj", "nsubj")
        and not any(c.dep_ == "aux" and c.lower_ in ("had", "has", "have") for c in tok.children)
        # "Roughly 800 soldiers of a battalion rotated in at Rukla": the sentence's only verb, made a participle
        and not (verbless(tok.sent) and not any(c.dep_ == "agent" for c in tok.children))
    )


def verbless(sent: Span) -> bool:
    """Has the parser left the sentence without a main verb, making its verb a noun's modifier?"""
    return sent.root.pos_ in ("NOUN", "PROPN") and not any(
        w.pos_ in ("VERB", "AUX") and w.dep_ not in ("acl", "relcl", "amod") for w in sent
    )


_MAX_HOPS = 6  # from a force to its speaker to the side it leads, and on


def actor_of(tok: Token | None, _depth: int = 0) -> str | None:
    if tok is None or tok.lower_ in _PRONOUNS or tok.pos_ == "PRON" or tok.ent_type_ in ("DATE", "TIME"):
        return None
    if _depth > _MAX_HOPS:
        return None  # a garbled parse where the speaker of "its forces" is, hop by hop, the forces again
    if is_operation(tok):
        # "a major ISIL attack" was ISIL's; "the offensive resulted in ... the evacuation of rebel forces" names
        # no one
        owner = next(
            (
                c
                for c in tok.children
                if c.dep_ in ("compound", "amod", "poss", "nmod")
                and (c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "GPE"))
            ),
            None,
        )
        if owner is not None:
            return name_span(owner) if owner.pos_ == "PROPN" else owner.text  # "a Ukrainian counterattack"
        by = [o for o in prep_objects(tok, "by") if o.lemma_.lower() not in _EVENT_NOUNS]
        return actor_of(by[0], _depth=_depth + 1) if by else None  # "an offensive by Kurdish forces"
    if any(c.dep_ == "poss" and c.lower_ in ("our", "my", "your") for c in tok.children):
        return None  # "our defenders", in a quoted statement: the speaker's side, named elsewhere
    if tok.lemma_.lower() in _LEADERS:
        # "an MNDAA spokesperson said" after "We have taken over Laukkai": the side the speaker speaks for
        side = next(
            (c for c in tok.children if c.dep_ in ("compound", "poss", "nmod") and is_armed_group(c.text)), None
        ) or _led_side(tok)
        if side is not None and side.lemma_.lower() not in _LEADERS:
            return actor_of(side, _depth=_depth + 1)
    if is_force(tok) and any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in tok.children):
        speaker = _claimant(tok) or _owner_in_joined_clause(tok)
        if speaker is not None and speaker.lemma_.lower() in _LEADERS:
            # "a spokesman for the rebel Coordination of Azawad Movements said its fighters": the side he speaks for
            speaker = _led_side(speaker) or speaker
        if speaker is not None:
            # "the army said its troops had retaken X": the army's troops
            return actor_of(speaker, _depth=_depth + 1)
    if is_force(tok) and any(c.dep_ == "poss" and c.lower_ in ("his", "her") for c in tok.children):
        # "the head of the Wagner group said his fighters had taken X", "Ukraine's top commander said his
        # forces": the side the speaking officer leads
        speaker = _claimant(tok)
        side = _led_side(speaker) if speaker is not None else None
        if side is not None:
            return actor_of(side, _depth=_depth + 1)
    if tok.ent_type_ == "PERSON":
        # "U.S. Defense Secretary Ash Carter" acts for the U.S.
        for w in tok.subtree:
            if w.dep_ == "compound" and w.head.ent_type_ == w.ent_type_:
                continue  # "South Africa's President": the name's head, not its first word
            if w.ent_type_ in ("GPE", "NORP") and w.i < tok.i:
                return name_span(w) if w.ent_type_ == "GPE" else w.text
    if tok.lemma_.lower() in _COMMANDS:
        # "the Ukrainian command moved the 3rd Brigade", "the Ukrainian General Staff ordered": the state's
        nations = [c for c in tok.children if c.dep_ in ("amod", "compound", "poss")]
        nation = next((c for c in nations if c.ent_type_ in ("NORP", "GPE")), None)
        if nation is not None:
            return name_span(nation) if nation.ent_type_ == "GPE" else nation.text
    phrase = actor_phrase(tok)
    if _UNCLOSED.search(phrase):
        phrase += ")"  # "the Coordination of Azawad Movements (CMA": the aside closed, its initials kept
    return _THE_ACRONYM.sub("", phrase)  # "the U.S." is the U.S.; "the Army" stays as written


_COMMANDS = frozenset("command staff leadership".split())
_THE_ACRONYM = re.compile(r"^(?i:the)\s+(?=[A-Z][A-Z.]*$)")
_UNCLOSED = re.compile(r"\([^)]*$")


_LEADERS = frozenset("head chief leader commander spokesman spokeswoman spokesperson founder".split())


def _led_side(speaker: Token) -> Token | None:
    """ "the head of Russia's Wagner group" -> the group; "Ukraine's top commander" -> Ukraine."""
    if speaker.lemma_.lower() not in _LEADERS:
        return speaker if speaker.pos_ == "PROPN" and speaker.ent_type_ in ("GPE", "NORP", "ORG") else None
    led = prep_objects(speaker, "of", "for") or [
        c
        for c in speaker.children
        if c.dep_ == "poss" and c.pos_ == "PROPN" and c.ent_type_ in ("GPE", "NORP", "ORG")  # "Sudan's army chief"
    ]
    return led[0] if led else None


def _claimant(tok: Token) -> Token | None:
    """Who speaks of "its forces": the subject of the saying verb above, or the state that owns that subject
    ("Russia's defence ministry said its forces ..." speaks for Russia)."""
    for a in tok.ancestors:
        if a.lemma_.lower() not in CLAIM_VERBS:
            continue
        s = child(a, "nsubj")
        if s is None or s.pos_ not in ("NOUN", "PROPN") or s.lower_ in _PRONOUNS:
            return None
        owner = child(s, "poss")
        if owner is not None and owner.pos_ == "PROPN" and owner.ent_type_ in ("GPE", "NORP", "ORG"):
            return owner
        return s
    return None


def _owner_in_joined_clause(force: Token) -> Token | None:
    """ "the LNA took the coastal city of Sirte, and its troops went on to occupy the air base": the named side
    of the clause the force's own is joined to."""
    verb = force.head
    if force.dep_ not in ("nsubj", "nsubjpass") or verb.dep_ != "conj":
        return None
    first = verb.head
    s = next((c for c in first.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if s is None or s.pos_ != "PROPN" or not is_armed(s):
        return None
    return s


def is_operation(tok: Token) -> bool:
    """ "an attack", "the offensive", and "counter-offensive", which the tokenizer splits at its hyphen."""
    if tok.lemma_.lower() in _EVENT_NOUNS:
        return True
    doc = tok.doc
    return (
        tok.lower_ == "counter"
        and tok.i + 2 < len(doc)
        and doc[tok.i + 1].text == "-"
        and doc[tok.i + 2].lower_ in ("offensive", "attack", "attacks")
    )


def operation_owner(tok: Token) -> str | None:
    """ "were retaken in a Ukrainian counteroffensive", "fell during an offensive by the army": its owner."""
    for o in prep_objects(tok, "in", "during", "amid"):
        if is_operation(o):
            return actor_of(o)
    return None


def sent_in(subj: Token | None) -> bool:
    """ "reinforcements", "special forces flown in from Kabul", "troops sent from the capital": forces brought
    in to hold a place, not fighting their way into it."""
    force = force_of(subj)
    if force is None:
        return False
    return force.lemma_.lower() in ("reinforcement", "reinforcements") or any(
        c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in DEPLOY_VERBS for c in force.children
    )


def agent(tok: Token) -> Token | None:
    """The "by" agent of a passive, shared across conjoined verbs ("captured and occupied by X")."""
    for verb in [tok, *tok.conjuncts]:
        for obj in prep_objects(verb, "by"):
            if obj.ent_type_ not in ("DATE", "TIME"):
                return obj
    return None


_PULLED_OUT = frozenset("withdraw evacuate pull recall".split())


def _garrison_moving_out(garrison: Token) -> bool:
    """ "its garrison had left Snake Island", "the French garrison was withdrawn from Chad": the troops holding a
    place, not the fort; but "the garrison left the town to attack rebel positions" is a sortie, the town still
    held, and "the garrison was abandoned" is the fort."""
    verb = garrison.head.lemma_.lower()
    if garrison.dep_ == "nsubjpass":
        return verb in _PULLED_OUT
    return (
        garrison.dep_ == "nsubj"
        and verb in GIVE_UP_VERBS
        and not any(c.dep_ in ("advcl", "xcomp") for c in garrison.head.children)
    )


def is_armed(tok: Token | None) -> bool:
    if tok is None:
        return False
    if is_force(tok):
        return True
    if tok.dep_ in ("nsubj", "nsubjpass") and any(is_force(c) for c in tok.conjuncts):
        return True  # "Azerbaijani police and army units took control of Stepanakert"
    if tok.pos_ == "PROPN" and tok.ent_type_ in ("ORG", "NORP", "GPE", ""):
        return True
    if tok.lemma_.lower() == "garrison" and _garrison_moving_out(tok):
        return True
    if tok.lower_ == "military" and tok.pos_ == "NOUN":
        return True  # "the French military handed over its base in Gao"
    return tok.lower_ in ("they", "we", "it") or tok.lemma_.lower() in (
        "government",
        "regime",
        "side",
        "opposition",
        "coalition",
        "ally",
        "allies",
        "group",
        "jihadist",
        "guerrilla",
        "extremist",
        "militia",
        "insurgent",
        "separatist",
        "loyalist",
        "russians",
        "ukrainians",
        "enemy",
    )


_CARRIERS = frozenset("bus truck vehicle convoy column boat plane aircraft helicopter".split())


def force_of(tok: Token | None) -> Token | None:
    """ "thousands of troops" -> troops; "some of its soldiers" -> soldiers; "400 troops ... as half would be
    based in Rojava": the troops named before."""
    if tok is None or is_force(tok):
        return tok
    if tok.lemma_.lower() in _CARRIERS:
        # "the last buses carrying rebel fighters", "a convoy transporting troops": the forces carried
        carried = [
            o for c in tok.children if c.dep_ == "acl" and c.lemma_.lower() in ("carry", "transport")
            for o in c.children if o.dep_ == "dobj" and is_force(o)
        ]
        if carried:
            return carried[0]
    if tok.lemma_.lower() in ("half", "rest", "remainder") and not prep_objects(tok, "of"):
        return next((w for w in reversed(tok.doc[: tok.i]) if is_force(w)), tok)
    if tok.like_num or tok.lemma_.lower() in (
        "thousand",
        "hundred",
        "dozen",
        "some",
        "many",
        "most",
        "part",
        "rest",
        "number",
        "group",
        "contingent",
        "total",
        "half",
        "third",
        "quarter",
        "formation",
        "wave",
        "column",
        "flight",
        "first",  # "the first of about 800 British soldiers arrived"
        "last",
        "bulk",
        "vanguard",
        "batch",  # "The first batch of 500 Chadian soldiers crossed into Cameroon"
        "member",  # "Members of the 121st Infantry Battalion departed Dublin for southern Lebanon"
        "element",
    ):
        inner = [o for o in prep_objects(tok, "of") if is_force(o)]
        if inner:
            return inner[0]
    return tok


def is_state(tok: Token | None) -> bool:
    # the NER may take a group's code name for a place: "M23 rebels entered Goma"
    return tok is not None and tok.pos_ == "PROPN" and tok.ent_type_ == "GPE" and not is_armed_group(tok.text)


_MISSIONS = frozenset("peacekeeper peacekeepers peacekeeping mission monitors observers".split())


def keeps_no_ground(force: Token) -> bool:
    """Peacekeepers and a mission's troops hold no side's ground: their leaving hands nothing over."""
    words = {w.lower_ for w in force.subtree} | {force.lemma_.lower()}
    if is_warship(force):
        return True  # "the destroyer USS Carney left Norfolk": a warship leaves a port, it holds no town
    return bool(words & _MISSIONS) or (force.lower_ == "troops" and "regional" in words)


def is_warship(force: Token) -> bool:
    """ "the destroyer", "the USS Dwight D. Eisenhower", "HMS Richmond"."""
    return force.lemma_.lower() in NAVAL_NOUNS or ship_prefix(force) is not None


def owned_by_state(force: Token) -> bool:
    """ "U.S. troops", "Russia's forces", "Turkish soldiers": a state's forces, moved by decision; so are "troops
    of the CSTO", an alliance of states."""
    return (
        is_state(force)
        or any(
            c.dep_ in ("amod", "compound", "poss", "nmod")
            and c.ent_type_ in ("NORP", "GPE")
            and not is_armed_group(c.text)  # "ISIL fighters" are no state's forces, whatever the NER says
            and (c.ent_type_ == "GPE" or is_country(c.text))  # nor are "Islamist fighters"
            for c in force.children
        )
        or any(is_state(o) or _alliance(o) for o in prep_objects(force, "of"))
    )


def _alliance(tok: Token) -> bool:
    """ "the CSTO", "the Russian-led Collective Security Treaty Organization", "the alliance"."""
    if tok.lemma_.lower() == "alliance":
        return True
    name = name_span(tok) if tok.pos_ == "PROPN" else tok.text  # the tagger may take "CSTO" for a noun
    return any(name == n or name.endswith(" " + n) for n in MEMBERSHIPS | _ALLIANCE_NAMES)


_ALLIANCE_NAMES = frozenset(["Collective Security Treaty Organization", "North Atlantic Treaty Organization"])


_COMBAT_WORDS = frozenset(
    "clash fight fighting battle assault attack storm shell shelling siege besiege encircle repel offensive "
    "resistance capture seize kill killed casualty recapture retake liberate "
    "flag".split()  # "entered the city center and raised the national flag": a takeover, not a posting
)


NAVAL_NOUNS = frozenset("warship ship destroyer frigate carrier submarine cruiser corvette vessel".split())
_FRONT_PARTS = frozenset("outskirts edge edges part parts suburbs districts neighborhoods neighbourhoods".split())


def fighting_in(words: Iterable[Token]) -> bool:
    """Words of a fight: "clashes", "fought their way into", "captured", "raised the national flag"."""
    return any(w.lemma_.lower() in _COMBAT_WORDS and not _names_kit(w) for w in words)


def _names_kit(w: Token) -> bool:
    """ "the amphibious assault ship", "attack helicopters", "an air assault brigade": the word names what a
    ship, an aircraft or a unit is for, not a fight."""
    return w.dep_ in ("compound", "amod") and w.head.pos_ in ("NOUN", "PROPN") and w.head.i > w.i


def moving_in(t: Token) -> bool:
    """ "as the army moved in": a move into a place the verb does not name."""
    return any(c.lower_ == "in" and c.dep_ in ("advmod", "prt") for c in t.children)


def left_by_another(t: Token, force: Token) -> bool:
    """Does the sentence tell of another side giving the place up ("which the rebels had abandoned", "after
    Moscow pulled its forces out")? A handover to the newcomers ("handing positions over to") is a posting."""
    if any(w.lemma_.lower() == "hand" and _hands_over(w) for w in t.sent):
        return False  # but "handing Kyiv its biggest gain in months" hands nothing over
    # peacekeepers and military police moving in take no side's ground
    takes_sides = not keeps_no_ground(force) and not any(x.lower_ == "police" for x in force.subtree)
    for w in t.sent:
        if w != t and w.pos_ == "VERB" and w.lemma_.lower() in GIVE_UP_VERBS:
            # an armed side, not "residents were evacuated"; "its troops had been withdrawn" were the side's
            doer = subject_of(w)
            if is_passive(w) and not (doer is not None and is_force(doer)):
                continue
            if doer is not None and is_armed(doer) and doer.pos_ != "PRON" and doer not in force.subtree:
                return True
        # "entered Kfar Kila within hours of the Israeli withdrawal": another side's pull-out, by its name
        if w.pos_ == "NOUN" and w.lemma_.lower() in _PULL_OUT_NOUNS and w.i > t.i and takes_sides:
            sides = [c for c in w.children if c.dep_ in ("amod", "poss", "compound") and c.pos_ != "PRON"]
            if any(c.ent_type_ in ("NORP", "GPE") or is_armed(c) for c in sides):
                return True
            # "after Russian forces completed their retreat across the river": the side whose retreat it is
            doer = subject_of(w.head) if w.dep_ == "dobj" else None
            if doer is not None and is_armed(doer) and doer.pos_ != "PRON" and doer not in force.subtree:
                return True
    return False


def _hands_over(hand: Token) -> bool:
    return any(c.lower_ in ("over", "back") or c.dep_ == "prep" and c.lower_ == "to" for c in hand.children)


_PULL_OUT_NOUNS = frozenset("withdrawal pullout pull-out pullback departure retreat".split())


def sent_to_help(t: Token) -> bool:
    """ "entered the district to support the Kurdish defenders": a purpose of helping the side that holds it."""
    return any(
        c.dep_ in ("advcl", "xcomp")
        and c.lemma_.lower() in _HELPING_VERBS
        and any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children)
        # "to help Turkish troops drive out the YPG", "to support the offensive": help to take it, not hold it
        and not any(w.lemma_.lower() in _ATTACK_WORDS for w in c.subtree)
        for c in t.children
    ) and not any(w.lower_ == "held" for w in t.subtree if w.i > t.i)  # "entered the rebel-held town"


_ATTACK_WORDS = frozenset(
    "offensive assault attack drive push advance storm capture recapture retake counteroffensive".split()
)
_HELPING_VERBS = frozenset("support reinforce help bolster defend protect assist aid back".split())


# Ways of coming in that fight no one: peacekeepers who "rolled into" a region are posted there
_UNOPPOSED_INTO_VERBS = frozenset("roll march walk move drive pour sweep".split())


# Missions that keep a peace, not fight for ground ("AMISOM" and "ECOMOG" took towns by force, so are not here)
PEACEKEEPING_WORDS = frozenset(
    "peacekeeper peacekeepers peacekeeping kfor ifor sfor unifil undof minusma minusca unmiss unamid unosom "
    "unprofor monusco".split()
)


def keeps_the_peace(force: Token | None) -> bool:
    """ "The first KFOR troops, British paratroopers ...", "NATO peacekeepers": a peacekeeping force."""
    if force is None:
        return False
    named_by = [force, *(c for c in force.children if c.dep_ in _FORCE_NAMING_DEPS)]
    named_by += [o for p in force.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children]
    named_by += [c for w in named_by[1:] for c in w.children if c.dep_ in ("compound", "amod")]
    return any(w.lower_ in PEACEKEEPING_WORDS for w in named_by)


# The words that name a force itself; a relative clause or a prepositional phrase tells what it did or met
# ("M23 rebels, who had overrun a UN peacekeeping base, reached Goma" are no peacekeepers)
_FORCE_NAMING_DEPS = frozenset(("compound", "amod", "nmod", "appos", "nummod", "poss"))


def peacekeepers_rolling_in(verb: Token, force: Token | None) -> bool:
    """ "Russian peacekeepers rolled into Nagorno-Karabakh": posted, taking nothing; peacekeepers who fought or
    broke their way in took ground."""
    return (
        verb.lemma_.lower() in _UNOPPOSED_INTO_VERBS
        and force is not None
        and force.lemma_.lower() in ("peacekeeper", "peacekeepers")
    )


def _held_by_another_state(w: Token, force: Token) -> bool:
    """ "Russian-occupied" before a place Ukrainian troops enter (the tokenizer splits off the hyphen); but
    Turkish troops entering "rebel-held Idlib" may come as the rebels' ally."""
    if not (w.lower_ in ("held", "occupied", "controlled") and w.i > 1 and w.nbor(-1).text == "-"):
        return False
    holder = w.nbor(-2)
    return holder.ent_type_ in ("NORP", "GPE") and holder.lower_ not in {t.lower_ for t in force.subtree}


_DRILL_WORDS = frozenset("exercise exercises drill drills manoeuvres maneuvers".split())


def for_drills(t: Token) -> bool:
    """ "reached the base in Doha and began joint exercises with Qatari forces": forces come to train, with no
    fight in the sentence."""
    return any(w.lower_ in _DRILL_WORDS for w in t.sent) and not fighting_in(t.sent)


def peaceful_entry(t: Token, force: Token | None) -> bool:
    """A state's forces entering a place with no fight in the sentence are deployed there ("Russian troops
    entered Raqqa and began distributing aid", "a convoy of Turkish armoured vehicles entered Idlib");
    fighters breaking into a town hold part of it."""
    if force is None or not is_force(force):
        return False
    if fighting_in(t.doc):
        return False
    if left_by_another(t, force):
        return False  # "its troops had been withdrawn from Lyman, and Ukrainian forces entered the town"
    if is_warship(force):
        return True  # "two destroyers entered the Black Sea": warships take no ground
    entered = child(t, "dobj")
    held = entered is not None and any(_held_by_another_state(w, force) for w in entered.lefts)
    if held:
        return False  # "Ukrainian troops entered Russian-occupied Kherson": ground the other side held
    if entered is not None and entered.lower_ in _FRONT_PARTS:
        return False  # "Russian forces entered the outskirts of Vovchansk": an advance into a town, not a posting
    begins = any(c.dep_ == "conj" and c.lemma_.lower() in ("begin", "start", "set") for c in t.children)
    return begins or owned_by_state(force) or any(owned_by_state(w) for w in force.subtree if is_force(w))

"""Who lost a place when the clause that tells the change does not say "from X".

A reader infers the losing side from three things, in this order of trust: the sentence itself ("took the town
from ISIL", "the rebels' last stronghold", "after fighting with government forces", "as the army withdrew"),
the side that last took the same place ("recaptured Palmyra" after "ISIL seized Palmyra"), and the side the
story has the gainer fighting. `StorySides` keeps the last two; `loser_in_sentence` reads the first.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Span, Token

from service.detect import lexicon as lx
from service.detect.actors import ACTOR_PATTERN, abbreviates, is_armed_group
from service.detect.phrases import child, is_force, is_placeish, prep_objects
from service.detect.roles import PEACEKEEPING_WORDS, actor_of, force_of, is_armed, subject_of

# words that name no side: "the government forces", "its troops", "pro-government units"
SIDE_GENERIC = frozenset(
    "the its their forces force troops army military government ministry defense defence soldiers units "
    "command pro-government regime loyalist loyalists fighters fighter members member personnel men "
    "ba'athist baathist".split()
)
# a side that is no state's army
_IRREGULAR_WORDS = lx.IRREGULAR_NOUNS | {"opposition"}

# "fighting with", "clashes with", "an offensive against", "casualties on": the other side of a fight
_FIGHT_WORDS = frozenset(
    "fighting fight clash battle combat casualty operation offensive counteroffensive campaign assault "
    "attack counterattack confrontation skirmish war".split()
)
_FIGHT_PREPS = ("with", "on")
# "attacked Iraqi forces", "defeated the Iraqi forces", "killing 54 ISIL fighters"
_STRUCK_VERBS = frozenset(
    "attack defeat expel rout repel kill oust dislodge evict fight battle engage ambush overwhelm".split()
)
# "as the Syrian Army withdrew", "with the militants retreating to Abbasiyah", "as army units collapsed"
_LEAVING_VERBS = frozenset("withdraw retreat flee pull abandon evacuate surrender collapse crumble".split())
_PUSHING_VERBS = frozenset("push press drive force beat throw".split())
_LEAVING_NOUNS = frozenset("withdrawal retreat evacuation departure flight surrender".split())
# what a side holds: "ISIL's final positions", "a longtime al-Shabab stronghold", "pockets of ISIL resistance"
_HOLDINGS = frozenset(
    "stronghold bastion position positions headquarters base pocket territory enclave resistance defence "
    "defense line lines redoubt heartland".split()
)
# "the town that separatists had held", "the city Islamic State used as its capital"
_HOLDING_VERBS = frozenset("hold control occupy use seize capture take run rule declare proclaim".split())
_HELD = frozenset("held controlled occupied".split())


# one side's several names, as news writes them
_ISLAMIC_STATE = re.compile(
    r"\b(?i:islamic state(?: of iraq and (?:the levant|syria))?|isil|isis|daesh)\b|\bIS\b"
)
_GROUP_NAMES = [
    (_ISLAMIC_STATE, "isil"),
    (re.compile(r"(?i)\b(?:hayat tahrir al-sham|tahrir al-sham|hts)\b"), "hts"),
    (re.compile(r"(?i)\b(?:jabhat al-nusra|(?:al-)?nusra front|al-nusra)\b"), "nusra"),
    (re.compile(r"(?i)\b(?:free syrian army|fsa)\b"), "fsa"),
    (re.compile(r"(?i)\b(?:syrian democratic forces|sdf)\b"), "sdf"),
    (re.compile(r"(?i)\b(?:people's protection units|ypg)\b"), "ypg"),
    (re.compile(r"(?i)\b(?:government of national accord|gna)\b"), "gna"),
    (re.compile(r"(?i)\b(?:libyan national army|lna)\b"), "lna"),
    (re.compile(r"(?i)\b(?:rapid support forces|rsf)\b"), "rsf"),
    (re.compile(r"(?i)\b(?:tigray defen[cs]e forces|tdf)\b"), "tdf"),
]
_COUNTS = re.compile(
    r"^(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?|some|"
    r"several|many|more|about|around)$"
)


@lru_cache(maxsize=4096)  # a story compares the same few names many times
def _words(actor: str, country_of: Callable[[str], str | None]) -> frozenset[str]:
    """The words that tell a side apart; a state's names and demonyms read as its code ("Russian" is
    "Russia")."""
    text = actor
    for pattern, key in _GROUP_NAMES:
        text = pattern.sub(key, text)
    out = set()
    for word in re.sub(r"['’]s?\b", "", text).split():
        word = re.sub(r"(?i)^pro-", "", word.strip(",()"))  # "pro-Russian forces" fight on Russia's side
        w = word.lower().strip(".")
        if w in SIDE_GENERIC or w in ("a", "an") or not w or _COUNTS.match(w):
            continue
        code = country_of(word) if w not in _IRREGULAR_WORDS else None
        out.add(f"@{code}" if code else w[:-1] if w.endswith("s") and len(w) > 4 else w)
    return frozenset(out)


@lru_cache(maxsize=4096)  # called for every pair of sides compared, as _words is
def _backed_states(actor: str, country_of: Callable[[str], str | None]) -> frozenset[str]:
    """The states a side is "pro-": "pro-Russian separatists" -> {"@RU"}."""
    return frozenset(
        f"@{code}" for name in re.findall(r"(?i)\bpro-(\w+)", actor) if (code := country_of(name))
    )


# what the news calls a group's fighters without naming it ("an ethnic armed group", "the insurgents"); but
# "rebels" are usually a jihadist group's enemies
_JIHADIST_WORDS = frozenset(
    ["insurgent", "militant", "jihadist", "extremist", "gunmen", "terrorist", "ethnic", "armed", "group"]
)


def _a_group(words: frozenset[str]) -> bool:
    """Words that name a non-state group: no state's code, and not only kinds of fighter."""
    return bool(words) and not any(w.startswith("@") for w in words) and not _unnamed(words)


def _irregular(words: frozenset[str]) -> bool:
    return bool(words & _IRREGULAR_WORDS)


def _unnamed(words: frozenset[str]) -> bool:
    """Only kinds of fighter and states: "Libyan rebels", "opposition fighters", "Russian"."""
    return all(w in _IRREGULAR_WORDS or w.startswith("@") for w in words)


_STATE_NOUN = re.compile(r"(?i)\b(?:army|military|government|armed forces|defen[cs]e|ministry|navy|regime)\b")


def same_side(a: str, b: str, country_of: Callable[[str], str | None]) -> bool | None:
    """True when two actor strings name one side, False when they name two; None when the words cannot tell
    ("the army" against "Russian forces": whose army? "rebels" against "ISIL insurgents": which rebels?)."""
    a, b = _ISLAMIC_STATE.sub("ISIL", a), _ISLAMIC_STATE.sub("ISIL", b)  # its long name has an "and"
    if " and " in a or " and " in b:  # "Hezbollah and Ba'athist government forces": a side of each
        verdicts = [same_side(x, y, country_of) for x in a.split(" and ") for y in b.split(" and ")]
        return True if True in verdicts else None if None in verdicts else False
    wa, wb = _words(a, country_of), _words(b, country_of)
    shared = wa & wb
    if shared & (_backed_states(a, country_of) | _backed_states(b, country_of)):
        return True  # "pro-Russian separatists" and "Russian forces"
    if shared:
        # "Syrian rebels" are not the "Syrian Army"; "Sunni Islamic State militants" are "Islamic State"
        return not _unnamed(shared) or _irregular(wa) == _irregular(wb)
    if abbreviates(a, b) or abbreviates(b, a):
        return True
    if not wa and not wb:
        return True  # "government forces" and "the army"
    if _irregular(wa) and _irregular(wb) and (_unnamed(wa) or _unnamed(wb)):
        return None  # "militants" and "ISIL insurgents"
    if (wa and wa <= _JIHADIST_WORDS and _a_group(wb)) or (wb and wb <= _JIHADIST_WORDS and _a_group(wa)):
        return None  # "the insurgents" and "the Islamic State group": maybe the group, told by another name
    if not wa or not wb:
        named, raw = (wa, a) if wa else (wb, b)
        if (_unnamed(named) and not _irregular(named)) or _STATE_NOUN.search(raw):
            return None  # "government forces" and "the Syrian Arab Army" or "Russian forces": maybe one
        return False
    return False


def _side(tok: Token | None) -> str | None:
    """The actor a token names when it names an armed side and no place."""
    if tok is None or not is_armed(tok) or (is_placeish(tok) and not is_force(tok)):
        return None
    if tok.lower_ in ("they", "we", "it", "them", "us") or tok.pos_ == "PRON":
        return None
    side = actor_of(force_of(tok))
    if side is None or _POSSESSED.match(side):
        return None  # "his fighters": whose they are is told elsewhere
    return None if tok.ent_type_ == "PERSON" and not is_armed_group(side) else side


_POSSESSED = re.compile(r"(?i)(?:his|her|its|their|our|my|your)\b")


def _in_clause_of(tok: Token, trigger: Token) -> bool:
    """Does `tok` hang under the trigger without passing through another verb's clause?"""
    for a in tok.ancestors:
        if a == trigger:
            return True
        if a.pos_ in ("VERB", "AUX") and a.dep_ not in ("amod", "compound"):
            return False
    return False


def _from_cues(trigger: Token) -> list[Token]:
    """ "captured several villages as well as the town of Arima from ISIL": "from" anywhere in the clause."""
    return [
        o
        for w in trigger.subtree
        if w.dep_ == "prep" and w.lower_ == "from" and (w.head == trigger or _in_clause_of(w, trigger))
        for o in prep_objects(w.head, "from")
        if o.head == w
    ]


def _holder_cues(trigger: Token) -> list[Token | str]:
    """ "the rebels' last stronghold", "ISIL positions", "the last rebel-held suburbs", "the headquarters of
    the military's Western Command": who held what the trigger tells taken (not its subject's owner)."""
    out: list[Token | str] = []
    subjects = {w.i for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass") for w in c.subtree}
    sent = trigger.sent
    for tok in (w for w in trigger.subtree if w.i not in subjects):
        if tok.lower_ in _HELD and tok.i >= 2 and sent.doc[tok.i - 1].text == "-":
            owner = sent.doc[tok.i - 2]
            # "rebel-held", "ISIL-held", "Russian-occupied"; not "long-held" or "state-run"
            named = (
                owner.pos_ == "PROPN"
                or owner.ent_type_ in ("NORP", "ORG")
                or owner.lower_ in _IRREGULAR_WORDS
            )
            if not sent.doc[tok.i - 1].whitespace_ and named and owner.lower_ not in SIDE_GENERIC:
                out.append(owner.text)
            continue
        if (
            tok.dep_ == "relcl"
            and tok.lemma_.lower() in _HOLDING_VERBS
            and is_placeish(tok.head)
            and tok != trigger
        ):
            holder = subject_of(tok)  # "Kidal, the town that Tuareg-led separatists had held"
            out += [holder] if holder is not None else []
            continue
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and _held_thing(tok.head.head) is tok.head.head:
            # "the headquarters of a multinational force", "the last bastion of Gadhafi supporters"
            if not is_placeish(tok) or is_force(tok):
                out.append(tok)
            continue
        if tok.dep_ not in ("poss", "compound") or tok.i > tok.head.i:
            continue
        held = _held_thing(tok.head)
        if held is None:
            continue
        named_group = tok.pos_ == "PROPN" and tok.ent_type_ not in ("NORP", "GPE")
        if tok.dep_ == "poss" or tok.lower_ in _IRREGULAR_WORDS or named_group:
            out.append(tok)
        elif tok.ent_type_ == "NORP" and held.lemma_.lower() in _HOLDINGS:
            out.append(tok)  # "Russian positions", but "ethnic Azerbaijani villages" are who lives there
    return out


def _held_thing(noun: Token) -> Token | None:
    """The holding or place a possessor owns, directly or through one "of": "the headquarters of [the
    military's] command"."""
    for _ in range(2):
        lemma = noun.lemma_.lower()
        if lemma in _HOLDINGS or noun.lower_ in _HOLDINGS or lemma in lx.PLACE_NOUNS:
            return noun
        if noun.dep_ != "pobj" or noun.head.lower_ != "of":
            return None
        noun = noun.head.head
    return None


def _fight_cues(sent: Span) -> list[Token]:
    """Who the sentence has someone fight: "clashed with ISIL fighters", "attacked Iraqi forces"."""
    out = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.dep_ == "prep" and tok.lower_ == "against":
            # "the completion of their operations against the FSA": "against" names a foe wherever it hangs
            out += [o for o in tok.children if o.dep_ == "pobj"]
        elif lemma in _FIGHT_WORDS or lemma in _STRUCK_VERBS:
            out += prep_objects(tok, *_FIGHT_PREPS)
        if lemma in _STRUCK_VERBS and tok.pos_ == "VERB":
            obj = child(tok, "dobj")
            if obj is not None:
                out.append(obj)
    return out


def _leaving_cues(sent: Span, trigger: Token | None = None) -> list[Token]:
    """Who the sentence has leave or pushed back: "as the army withdrew", "pressed Ukrainian units back"."""
    out = []
    for tok in sent:
        if tok == trigger:
            continue
        lemma = tok.lemma_.lower()
        back = any(c.dep_ in ("prt", "advmod") and c.lower_ in ("back", "out") for c in tok.children)
        if lemma in _PUSHING_VERBS and back and child(tok, "dobj") is not None:
            out.append(child(tok, "dobj"))  # "as they pressed Ukrainian units back toward the border"
        elif (
            lemma in _LEAVING_VERBS
            and tok.pos_ == "VERB"
            or lemma == "fall"
            and back
            or lemma == "leave"
            # "after peshmerga units left", "the last American personnel left a drone base"
            and (child(tok, "dobj") is None or is_placeish(child(tok, "dobj")))
        ):
            mover = subject_of(tok)
            if mover is None and tok.dep_ == "xcomp":
                mover = subject_of(tok.head)  # "ISIL was forced to retreat"
            if mover is not None:
                out.append(mover)
        elif lemma in _LEAVING_NOUNS and tok.pos_ == "NOUN":
            owner = child(tok, "poss")
            out += [owner] if owner is not None else prep_objects(tok, "of")
            if tok.dep_ == "dobj" and tok.head.lemma_.lower() == "make":
                mover = subject_of(tok.head)  # "fighters made an unexpected withdrawal"
                out += [mover] if mover is not None else []
    return out


def _keeps_the_peace(actor: str) -> bool:
    return any(w in PEACEKEEPING_WORDS for w in re.findall(r"[a-z]+", actor.lower()))


def loser_in_sentence(
    trigger: Token, gainer: str | None, country_of: Callable[[str], str | None]
) -> str | None:
    """The side the sentence shows losing the place the trigger tells taken, or None."""
    sent = trigger.sent
    cues_in_order = [_from_cues(trigger), _holder_cues(trigger)]
    if gainer is not None:  # who fought or left is the loser only when it is not the unnamed gainer itself
        cues_in_order += [_leaving_cues(sent, trigger), _fight_cues(sent)]
    for cues in cues_in_order:
        for cue in cues:
            side = cue if isinstance(cue, str) else _side(cue)
            # a side the sentence sets against the gainer: "the army" pressing "Ukrainian units" back
            if side and (gainer is None or same_side(side, gainer, country_of) is not True):
                return side
    return None


def fought_in(sent: Span) -> list[str]:
    """Sides a sentence shows in a fight, for the story's record of who fights whom."""
    sides = (_side(t) for t in _fight_cues(sent) + _leaving_cues(sent))
    return [s for s in sides if s]


_NAMED_SIDE = re.compile(
    ACTOR_PATTERN.pattern
    + r"|\b(?:[Gg]overnment|[Rr]egime|[Pp]ro-government) (?:forces|troops)\b|\b[Rr]ebels\b|\b[Tt]he [Aa]rmy\b"
)


_STATE_FORCE = re.compile(
    r"(?<!-)\b([A-Z][\w.]*?)(?:['’]s)? (?:armed )?(?:forces|troops|army|military|soldiers|units)\b"
)


_ALLIED_FORCES = re.compile(r"\b([A-Z][\w.]*) and ([A-Z][\w.]*) (?:forces|troops|soldiers)\b")


def _place_key(place: str) -> str:
    return re.sub(r"^(?:the|a)\s+", "", place.lower()).strip()


@dataclass
class StorySides:
    """The sides a story names, where it names them, and who last took each place."""

    country_of: Callable[[str], str | None]
    text: str = ""  # the story, read for its named sides only when a loser is first asked for
    sides: list[tuple[int, str]] = field(default_factory=list)
    holders: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    allied: list[str] = field(default_factory=list)  # gainers told together: "YPG and FSA forces"
    _text_read: bool = False

    def _read_text(self) -> None:
        """Sides the text names in so many words, wherever it names them: "ISIL", "government forces", "Ukrainian
        troops"; they come before the sides the events named."""
        if self._text_read:
            return
        self._text_read = True
        named: list[tuple[int, str]] = [(m.start(), m.group(0)) for m in _NAMED_SIDE.finditer(self.text)]
        named += [
            (m.start(), m.group(0)) for m in _STATE_FORCE.finditer(self.text) if self.country_of(m.group(1))
        ]
        self.sides[:0] = named
        self.allied[:0] = [a for _, a in named if " and " in a] + [
            f"{m.group(1)} forces and {m.group(2)} forces"  # "French and Malian soldiers"
            for m in _ALLIED_FORCES.finditer(self.text)
            if self.country_of(m.group(1)) and self.country_of(m.group(2))
        ]

    def saw(self, actor: str | None, at: int) -> None:
        if actor and not _keeps_the_peace(actor):  # a mission between the sides is neither's
            self.sides.append((at, actor))
            if " and " in actor:
                self.allied.append(actor)

    def took(self, place: str, gainer: str | None, at: int) -> None:
        if gainer:
            self.holders.setdefault(_place_key(place), []).append((at, gainer))

    def _opposed(self, side: str, gainer: str) -> bool:
        if same_side(side, gainer, self.country_of) is not False:
            return False
        # an ally the story named beside the gainer's kind ("Ba'athist Government forces and Hezbollah")
        return not any(
            same_side(side, a, self.country_of) is True and same_side(gainer, a, self.country_of) is not False
            for a in self.allied
        )

    def loser(self, place: str, gainer: str | None, at: int) -> str | None:
        """Who held the place before `gainer` took it at offset `at`: its last taker, else the side the story
        most often sets against the gainer before it, else after it."""
        if not gainer:
            return None
        self._read_text()
        held = [g for pos, g in self.holders.get(_place_key(place), []) if pos < at]
        if held and self._opposed(held[-1], gainer):
            return held[-1]
        for told in ([s for pos, s in self.sides if pos < at], [s for pos, s in self.sides if pos > at]):
            opposed = [s for s in told if self._opposed(s, gainer)]
            if opposed:
                # one passing mention ("killing four Russian soldiers") does not make the story's enemy
                weight = {s: sum(same_side(s, o, self.country_of) is True for o in opposed) for s in opposed}
                return max(reversed(opposed), key=lambda s: weight[s])
        return None

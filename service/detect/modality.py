"""Did it happen? Negation, intent, hypotheticals, claims, announcements and background references.

Each function reads the dependency parse around a trigger token; none looks at the event type's roles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

from service.detect.dates import is_month_name, names_a_weekday, sets_a_deadline
from service.detect.lexicon import (
    AGREEMENT_WORDS,
    ANNOUNCE_HEADS,
    ARRIVE_VERBS,
    CLAIM_VERBS,
    DENIAL_VERBS,
    DEPLOY_VERBS,
    FORCE_NOUNS,
    FUTURE_MODALS,
    GAIN_VERBS,
    GIVE_UP_VERBS,
    HYPOTHETICAL_MODALS,
    INTENT_HEADS,
    OFFICES,
    PLACE_NOUNS,
    REALIS_HEADS,
    REALIS_HEADS_DEPLOYMENT,
    SPECULATION_WORDS,
    WITHDRAW_VERBS,
)
from service.detect.phrases import (
    children,
    goes_on,
    in_progress,
    is_where_clause,
    prep_objects,
    ranked,
    scheduled,
)
from service.detect.roles import is_operation

# "in recent days", "hours earlier", "this comes after": the same developing story, so news.
_RECENT = re.compile(
    r"\b(recent(ly)?|hours? (earlier|before|after)|days? (earlier|before|after)|a day after|the previous day|"
    r"(?:a|one|two) weeks? (?:earlier|before|after)|"
    r"earlier (in the day|today|this week|on \w+day)|this comes after|comes after|overnight|yesterday|"
    r"on (monday|tuesday|wednesday|thursday|friday|saturday|sunday)|last (night|week))\b",
    re.I,
)
_LONG_AGO = re.compile(r"\b(?:(?:\w+|\d+) )?(months?|years?|decades?) (after|earlier|before|ago)\b", re.I)
_TEMPORAL_MARKS = frozenset({"after", "since", "following"})
_DEPLOYMENT_CONTEXT_MARKS = frozenset({"since"})
_LONG_AFTER_MARKS = frozenset({"after"})
# "focused on taking control of", "support for Syria regaining control": aims, not deeds
_GERUND_INTENT = frozenset(
    "focus concentrate support insist bent intent work aim count rely hope close near verge brink "
    "prevent stop deter bar block".split()
)  # ... and "close to retaking", "on the verge of capturing": not yet; "to prevent the Army from reoccupying it"
_REFUSING_VERBS = frozenset("oppose reject resist refuse".split())
_PRESENCE_PARTICIPLES = frozenset(
    "station base deploy position garrison locate post keep gather concentrate mass amass assemble".split()
)
_UNREAL_MODIFIERS = frozenset(
    "planned proposed possible potential expected rumoured rumored hypothetical".split()
)
_CONTRAST_MARKS = frozenset({"while", "whereas", "although", "though", "as"})
_REPORT_NOUNS = frozenset("report claim rumour rumor allegation".split())  # lemmas
_INTENT_NOUNS = frozenset(
    "prospect hope goal aim threat possibility chance intention plan plans bid attempt effort push drive "
    "order orders objective ambition".split()
)


@dataclass(frozen=True, slots=True)
class Modality:
    happened: bool  # False: negated, intended, hypothetical, denied or speculated
    announced: bool  # decided and announced but not (yet) carried out
    claimed: bool  # attributed to a party rather than reported as fact
    background: bool  # earlier context for the news, not the news


def _denied_report(noun: Token) -> bool:
    """ "denied reports that ...", "dismissed claims that ...": what the report says is denied with it."""
    return (
        noun.lemma_.lower() in _REPORT_NOUNS
        and noun.dep_ in ("dobj", "nsubjpass")
        and noun.head.lemma_.lower() in DENIAL_VERBS
    )


def _clause_chain(tok: Token) -> list[Token]:
    """The trigger and its ancestors up to the sentence root."""
    return [tok, *tok.ancestors]


_COURSE_NOUNS = _INTENT_NOUNS | frozenset("task interest mission idea option prospects".split())


def _named_as_a_course(trigger: Token) -> bool:
    """A deed named as a course, not told as done: "losing the outpost would make it harder", "rather than
    seizing Kharkiv", "voted against sending troops", "no interest in seizing Russian territory", "the task of capturing Chasiv Yar"."""
    if trigger.tag_ != "VBG":
        return False
    if trigger.dep_ in ("csubj", "nsubj"):
        head = trigger.head
        return head.lemma_.lower() == "be" or any(
            c.dep_ == "aux" and c.lower_ in _COURSE_MODALS for c in head.children
        )
    if trigger.dep_ != "pcomp":
        return False
    prep = trigger.head
    if prep.lower_ in ("than", "against") or (prep.lower_ == "of" and prep.head.lower_ == "instead"):
        return True
    return prep.head.pos_ == "NOUN" and prep.head.lemma_.lower() in _COURSE_NOUNS


_COURSE_MODALS = frozenset("would could might may will should".split())


def _is_negated(tok: Token) -> bool:
    if any(c.dep_ == "neg" or c.lower_ in ("never", "not", "n't") for c in tok.children):
        return True
    # "not a single government has committed troops", "no country has sent troops": no one did it
    if any(
        c.dep_ in ("nsubj", "nsubjpass")
        and any(d.dep_ == "neg" or (d.dep_ == "det" and d.lower_ == "no") for d in c.children)
        for c in tok.children
    ):
        return True
    # "no longer occupied any towns"
    if any(c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children) for c in tok.children):
        return True
    # "failed to capture", "did not manage to take", "unable to retake"
    head = tok.head
    if tok.dep_ == "ccomp" and any(w.text == ";" for w in tok.doc[min(tok.i, head.i) : max(tok.i, head.i)]):
        return False  # "M23 fighters captured Goma; the peacekeepers did not intervene": two clauses, not one
    if (
        tok.dep_ == "dobj"
        and tok.pos_ == "NOUN"
        and head.lemma_.lower() in _DECIDING_VERBS
        and any(c.dep_ == "neg" for c in head.children)
    ):
        return True  # "London did not envisage a large-scale deployment", "has not ordered a withdrawal"
    if tok.pos_ == "NOUN" and called_off(tok):
        return True  # "cancelled the deployment of 3,000 troops"
    if tok.dep_ in ("xcomp", "ccomp") and head != tok:
        if head.lemma_.lower() in ("fail", "unable", "refuse", "decline", "prevent", "stop", "avoid"):
            return True
        if any(c.dep_ == "neg" for c in head.children):
            return True
    return False


# verbs that undo a decided course: "scrapped the plan to withdraw", "called off the deployment"
_CALLING_OFF_VERBS = frozenset(
    "abandon drop scrap shelve cancel rescind revoke reverse suspend freeze halt".split()
)


def called_off(noun: Token) -> bool:
    """ "scrapped plans to withdraw troops", "cancelled the deployment", "the deployment was suspended", "called
    off the withdrawal", "backed away from a plan to send troops": a course undone."""
    if noun.dep_ in ("dobj", "nsubjpass"):
        verb = noun.head
        lemma = verb.lemma_.lower()
        return (
            lemma in _CALLING_OFF_VERBS
            or (lemma == "call" and any(c.lower_ == "off" for c in verb.children))
            # "the withdrawal would be put on hold", "put the deployment on ice"
            or (lemma == "put" and any(o.lower_ in ("hold", "ice") for o in prep_objects(verb, "on")))
        )
    if noun.dep_ == "pobj" and noun.head.lower_ == "from" and noun.head.head.lower_ == "away":
        return noun.head.head.head.lemma_.lower() in ("back", "walk", "step")
    return False


# verbs whose denial denies the deed they take as object ("did not order a withdrawal"); "did not hide the
# deployment" or "did not block the deployment" let it happen
_DECIDING_VERBS = frozenset(
    "envisage envision foresee plan order approve authorize authorise announce intend propose seek contemplate".split()
)


def _first_of_a_past_series(noun: Token) -> bool:
    """ "The first capital to fall was ...", "the last town to be taken was ...": told as past."""
    ordinal = any(c.lower_ in ("first", "last", "second", "third") for c in noun.children)
    copula = noun.head if noun.dep_ in ("nsubj", "attr") else None
    return ordinal and copula is not None and copula.lemma_.lower() == "be" and copula.tag_ == "VBD"


def _infinitive_head(tok: Token) -> Token | None:
    """The word an infinitive or a gerund trigger depends on ("push" in "the push to capture").

    A gerund counts only under words of intent ("the prospect of seizing"); "resulted in X taking control"
    and "after capturing" report what happened.
    """
    is_infinitive = any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children)
    if is_infinitive and tok.dep_ in ("relcl", "acl") and _first_of_a_past_series(tok.head):
        return None  # "the first provincial capital to fall was Zaranj": it fell
    if is_infinitive and tok.head != tok:
        return tok.head
    if tok.dep_ in ("ccomp", "xcomp") and tok.tag_ in ("VB", "VBP") and tok.head.lemma_.lower() == "help":
        return _infinitive_head(tok.head)  # "a force that is to help the army retake the north": as help goes
    if tok.dep_ == "xcomp" and tok.tag_ == "VBG" and tok.head.lemma_.lower() in ("begin", "start"):
        # "expected to begin storming the city": as the beginning goes; "would begin pulling out": as it is told
        future = any(c.dep_ == "aux" and c.lower_ in FUTURE_MODALS for c in tok.head.children)
        return _infinitive_head(tok.head) or (tok.head if future else None)
    if tok.tag_ == "VBG" and _refused(tok):
        return tok.head  # "a majority of Americans opposed sending troops": not done
    if tok.tag_ == "VBG" and tok.dep_ == "pcomp" and tok.head.dep_ == "prep":
        if tok.head.lower_ == "by" and tok.head.head.pos_ == "NOUN":
            # "answered a request from Maputo by dispatching 1,000 soldiers": the means of a deed, hung on a noun
            return None
        head = tok.head.head  # "prospect of seizing", "attempt at retaking"
        lemma = head.lemma_.lower()
        return head if lemma in INTENT_HEADS or lemma in _INTENT_NOUNS or lemma in _GERUND_INTENT else None
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.lower_ in ("for", "of", "at"):
        return tok.head.head  # "a push for the capture of"
    return None


def _refused(gerund: Token) -> bool:
    """ "opposed sending troops", "ruled out sending forces into Ukraine" (but "opposed the offensive, sending
    troops to the border" did send them, as "ruled out a ground war, sending advisers instead" sent them)."""
    ruled_out = gerund.head.lemma_.lower() == "rule" and any(
        c.dep_ == "prt" and c.lower_ == "out" and c.i == gerund.i - 1 for c in gerund.head.children
    )
    return gerund.dep_ in ("xcomp", "advcl") and ruled_out or (
        gerund.dep_ == "xcomp" and gerund.head.lemma_.lower() in _REFUSING_VERBS
    )


def _conditional(verb: Token) -> bool:
    """ "would be able to", "could be ready to": a modal that makes what follows a possibility."""
    return any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_MODALS | {"would"} for c in verb.children)


_DRAFTING_VERBS = frozenset("draw prepare consider discuss study weigh review develop".split())
_DEMAND_VERBS = frozenset("demand ask insist request urge propose recommend".split())
_DEMAND_NOUNS = frozenset("call insistence proposal ultimatum".split())


def _demanded(trigger: Token) -> bool:
    """ "had demanded the base be handed to it", "demanded that it leave the town": a subjunctive a demand asks
    for, not a deed."""
    head = trigger.head.lemma_.lower()
    # "despite Israeli demands that they move away from the fighting": the demand named by its noun
    asked_by_noun = (
        trigger.dep_ in ("relcl", "acl", "ccomp")
        and trigger.head.pos_ == "NOUN"
        and head in _DEMAND_VERBS | _DEMAND_NOUNS
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in trigger.children)
    )
    if not asked_by_noun and (trigger.dep_ != "ccomp" or head not in _DEMAND_VERBS):
        return False
    bare = trigger.tag_ in ("VB", "VBP") and not any(c.dep_ == "aux" for c in trigger.children)
    return bare or any(c.dep_ == "auxpass" and c.lower_ == "be" for c in trigger.children)


_DECIDED_VERBS = frozenset("order announce approve authorize authorise send deploy dispatch decide".split())


def _opposed(trigger: Token) -> bool:
    """ "China firmly opposes the deployment of intermediate-range missiles in the region": a stand taken
    against a movement, which tells none."""
    opposing = trigger.head.lemma_.lower() in ("oppose", "reject")
    # "oppose the deployment of 5,000 troops that Trump ordered last week": a deployment decided all the same
    decided = any(w.lemma_.lower() in _DECIDED_VERBS for w in trigger.sent if w.pos_ == "VERB")
    return trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" and opposing and not decided


_ORDINAL_TIMES = frozenset("first second third last only".split())
_TOLD_DEEDS = DEPLOY_VERBS | ARRIVE_VERBS | WITHDRAW_VERBS | GAIN_VERBS


def _the_first_time(trigger: Token) -> bool:
    """ "Qatar has deployed 1,000 troops to Yemen, the first time the Gulf state has committed soldiers to the
    war": the deed the sentence told, set in its history by an aside, not a second one ("It was the first time
    troops had entered the town" tells it)."""
    time = trigger.head
    # "Parliament voted to approve the mission, the first time Danish soldiers will be deployed": the telling
    told = time.head.lemma_.lower() in _TOLD_DEEDS
    return (
        trigger.dep_ == "relcl"
        and time.lemma_.lower() == "time"
        and told
        and time.dep_ in ("npadvmod", "appos")
        and any(c.dep_ == "amod" and c.lower_ in _ORDINAL_TIMES for c in time.children)
    )


def _left_open(chain: list[Token]) -> bool:
    """ "He did not say whether any units had been ordered to move", "it was not clear whether the deal would lead
    to the withdrawal of troops": a question, not a deed."""
    verb = chain[0]
    while verb.pos_ in ("NOUN", "ADP") and verb.dep_ in ("pobj", "prep", "dobj") and verb.head != verb:
        verb = verb.head  # a noun trigger: the verb it hangs on
    while True:
        if any(m.dep_ == "mark" and m.lower_ == "whether" for m in verb.children):
            return True
        if verb.dep_ not in ("xcomp", "conj") or verb.head == verb:
            return False
        verb = verb.head


def _on_condition(trigger: Token) -> bool:
    """ "will withdraw its troops if the truce holds": done only once a condition is met ("even if fighting
    continued", "as if to mark the anniversary" set no condition)."""
    return any(
        c.dep_ == "advcl"
        and any(
            m.dep_ == "mark"
            and m.lower_ in ("if", "unless")
            and (m.i == 0 or m.nbor(-1).lower_ not in ("even", "as"))
            for m in c.children
        )
        for c in trigger.children
    )


def assess(
    trigger: Token,
    *,
    sentence_text: str,
    deployment: bool,
    published_year: int | None,
    story_year: int | None = None,
) -> Modality:
    """How the text presents the event its trigger names. `story_year`: the year the story is set in, the
    publication's or, for an undated text, the first its title names ("Battle of Tal Afar (2017)")."""
    happened, announced, claimed, background = True, False, False, False
    chain = _clause_chain(trigger)

    if _is_negated(trigger) or _named_as_a_course(trigger) or _no_sign_of(trigger) or _on_condition(trigger):
        happened = False
    if _counterfactual(trigger) or _the_first_time(trigger) or _opposed(trigger):
        happened = False  # "the deal would have sent 3,000 troops to Haiti"
    if _end_of_a_stay(trigger):
        happened = False  # "will train in Darwin for six months before returning home": how long a stay lasts
    elif _future_step(trigger):
        # "will hand over Camp Bastion before withdrawing from Helmand": announced, not yet done
        announced = True
        happened = happened and deployment
    if _demanded(trigger) or _left_open(chain):
        happened = False
    if trigger.lemma_.lower() in CLAIM_VERBS:
        claimed = True  # "rebels claimed control of the town"
    if (
        trigger.dep_ == "pcomp"
        and trigger.head.lower_ == "of"
        and any(c.dep_ == "det" and c.lower_ == "no" for c in trigger.head.head.children)
    ):
        happened = False  # "there was no question of their soldiers leaving their posts"
    if deployment and trigger.lemma_.lower() in ("order", "due", "pledge", "out"):
        # "the Pentagon ordered 1,500 troops to the border", "300 paratroopers are due in Yavoriv", "will be out of
        # Afghanistan by Sept. 11": not yet there, or not yet gone
        announced = True
    auxes = list(trigger.children)
    if (
        trigger.dep_ == "conj"
        and trigger.pos_ == "VERB"
        and not any(c.dep_ in ("aux", "nsubj") for c in auxes)
    ):
        auxes += [
            c for c in trigger.head.children if c.dep_ == "aux"
        ]  # "will send jets ... and station units"
    for c in auxes:
        if c.dep_ == "aux":
            w = c.lower_
            if w == "must" and deployment and _binding(trigger):
                announced = True  # "under the agreement, Armenian forces must withdraw by Nov. 15": decided
            elif w in HYPOTHETICAL_MODALS:
                happened = False
            elif w in FUTURE_MODALS:
                announced = True
        if c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether", "lest"):
            happened = False
        if c.dep_ == "mark" and c.lower_ in ("once", "until") and _present_tense(trigger):
            happened = False  # "will declare liberation once Sirte is secured": a condition yet to be met
        if (
            c.dep_ == "advmod"
            and c.lower_ in ("already", "previously", "formerly", "once")
            and not any(a.lower_ == "being" for a in trigger.children)
            and not (
                c.lower_ == "already"
                and (_arrival_reported(trigger) or _dated_recently(trigger) or in_progress(trigger))
            )
        ):
            background = True  # "already deployed in the north"; but "are already being deployed" is news

    # "were reported to have captured", "claimed to have retaken": a perfect infinitive reports a done deed
    perfect_infinitive = any(c.dep_ == "aux" and c.lower_ == "have" for c in trigger.children) and any(
        c.dep_ == "aux" and c.tag_ == "TO" for c in trigger.children
    )
    head = None if perfect_infinitive else _infinitive_head(trigger)
    if perfect_infinitive and trigger.head.lemma_.lower() in CLAIM_VERBS | {
        "believe",
        "think",
        "appear",
        "seem",
    }:
        claimed = True
    if head is None and trigger.dep_ == "conj":
        head = _infinitive_head(trigger.head)  # "focused on ending X and taking control of Y"
    if head is not None:
        h = head.lemma_.lower()
        realis = REALIS_HEADS_DEPLOYMENT if deployment else REALIS_HEADS
        if any(c.dep_ == "det" and c.lower_ == "no" for c in head.children):
            happened = False  # "had no plans to send troops", "no attempt to retake the town"
        elif head.pos_ == "NOUN" and called_off(head):
            happened = False  # "scrapped a plan to withdraw 12,000 troops from Germany"
        elif h == "have" and any(c.lower_ in ("still", "yet") for c in head.children):
            happened = False  # "the army still had to recapture the region": not yet
        elif h in realis and head.dep_ == "acomp" and _conditional(head.head):
            happened = False  # "would be able to deploy quickly if ordered": a capability, not a deed
        elif h in realis or (h == "order" and any(c.dep_ == "auxpass" for c in head.children)):
            pass  # "were forced to withdraw", "were ordered to evacuate": it happened
        elif (
            # not "jihadist groups that went on to seize Timbuktu", which says who they are
            goes_on(head) and head.dep_ != "relcl"
        ) or (h == "prompt" and head.pos_ == "VERB"):
            # "its troops went on to occupy the air base", "the fall of the town prompted the government to rush
            # reinforcements": done, unless the head is denied ("never went on to", "failed to prompt")
            happened = happened and not (_is_negated(head) or _infinitive_head(head) is not None)
        elif deployment and h == "plan" and head.head.lemma_.lower() in _DRAFTING_VERBS:
            happened = False  # "were drawing up plans to evacuate servicemen": a plan being made, not decided
        elif deployment and (h in ANNOUNCE_HEADS or h == "due"):
            announced = True  # "will send", "is due to arrive in April"
        elif deployment and scheduled(trigger) and head.dep_ != "relcl":
            announced = True  # "Armenian forces are also to pull out of the Lachin district by Dec. 1"
        elif (
            deployment and h == "plan" and head.pos_ == "NOUN" and head.head.lemma_.lower() in _HOLDING_VERBS
        ):
            announced = True  # "the rebalancing includes plans to station four ships in Singapore": decided
        elif deployment and h == "step" and head.head.lemma_.lower() == "take":
            announced = True  # "was taking steps to augment the squadrons in the region": decided, under way
        elif (
            head.pos_ == "NOUN"
            and trigger.dep_ in ("relcl", "acl")
            and ranked(head)
            and head.dep_ in ("attr", "oprd", "nsubj")  # not "Kherson, the first city to be occupied", told
        ) or (
            h in ("become", "be") and any(c.dep_ == "attr" and ranked(c) for c in head.children)
        ):
            pass  # "Zaranj became the first provincial capital to fall": it fell
        elif (
            h in INTENT_HEADS
            or h in _INTENT_NOUNS
            or h in SPECULATION_WORDS
            or head.pos_ in ("NOUN", "VERB", "ADJ")
            or h == "be"  # "a force that is to help the army retake the north": a task set
        ):
            happened = False
        if any(c.dep_ == "aux" and c.lower_ in FUTURE_MODALS for c in head.children):
            announced = True

    coordinated = False  # passed into a clause only joined to the trigger's by "and"
    independent = False  # ... and that clause has a subject of its own: only a saying verb above reaches it
    for prev, a in zip(chain, chain[1:], strict=False):
        coordinated = coordinated or (prev.dep_ == "conj" and prev.tag_ in ("VBD", "VBZ", "VBP"))
        independent = independent or (
            prev.dep_ == "conj"
            and prev.pos_ in ("VERB", "AUX")
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in prev.children)
            and any(c.dep_ == "cc" and a.i < c.i < prev.i for c in a.children)
        )
        if independent:
            claimed = claimed or a.lemma_.lower() in CLAIM_VERBS
            continue  # "the junta ordered French troops to leave, and the last soldiers departed on Friday"
        if prev.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in _CONTRAST_MARKS for c in prev.children
        ):
            break  # "X denied the reports, while 1,000 commandos arrived": the arrival is not denied
        lemma = a.lemma_.lower()
        unconfirmed = (
            lemma in ("confirm", "verify") and _is_negated(a) and prev.dep_ in ("nsubjpass", "ccomp")
        )
        if lemma in DENIAL_VERBS or unconfirmed:
            happened = False  # "Reports that special forces had landed in the city were not confirmed"
        if any(c.dep_ == "aux" and c.lower_ == "must" for c in a.children) and deployment and _binding(a):
            announced = True  # "MINUSMA must complete its withdrawal from Mali by Dec. 31": a deadline set
        elif any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_MODALS for c in a.children):
            happened = False  # "a response that could lead to Ankara sending troops"
        elif _counterfactual(a):
            happened = False  # "failed to approve a motion that would have allowed 62,000 troops to be based"
        if lemma in ("attempt", "try", "threaten", "consider", "plan", "intend") and not deployment:
            happened = False
        if lemma in ("mean", "design", "intend") and any(c.dep_ == "auxpass" for c in a.children):
            happened = (
                False  # "The AU force is meant to allow Ethiopian troops to go home": a purpose, no decision
            )
        if not coordinated and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in _INTENT_NOUNS | {"goal", "aim", "objective"}
            for c in a.children
        ):
            happened = False  # "the SDF's goals included capturing the dam"
        if lemma in CLAIM_VERBS:
            claimed = True
            if any(c.lower_ in ("falsely", "wrongly", "erroneously", "prematurely") for c in a.children):
                happened = False  # "the ministry falsely claimed that DPR forces had captured Marinka"
            if deployment and lemma == "announce" and not _done(trigger):
                announced = True
        if deployment and lemma in SPECULATION_WORDS and a.pos_ in ("VERB", "ADJ"):
            happened = False  # "considering sending", "is likely to announce the withdrawal"
        if lemma in ANNOUNCE_HEADS and deployment and lemma not in ("say", "confirm"):
            # "forces completed their withdrawal from Air Base 201, Africa Command announced": told done
            announced = announced or not (lemma in ("announce", "declare") and _done(trigger))
        if a.dep_ in ("relcl", "acl"):
            if a.dep_ == "acl" and _denied_report(a.head):
                happened = False  # "The Pentagon denied reports that it was preparing to send ground troops"
            break

    if (
        deployment
        and trigger.dep_ in ("dobj", "nsubjpass", "pobj")
        and trigger.head.lemma_.lower() in ANNOUNCE_HEADS
    ):
        announced = True
    if (
        trigger.pos_ == "NOUN"
        and trigger.dep_ == "pobj"
        and trigger.head.lower_ in ("about", "on", "over", "regarding")
        and trigger.lower_ != "way"  # "troops are on their way to Darfur": a movement under way
    ):
        happened = (
            False  # "an announcement about troop withdrawals", "talks on the withdrawal": a topic, not a move
        )
    if (
        trigger.tag_ == "VBG"
        and trigger.dep_ == "pcomp"
        and _is_negated(trigger.head.head)
        # but "did not hesitate in sending"
        and trigger.head.head.lemma_.lower() not in ("hesitate", "wait", "delay")
    ):
        happened = False  # "does not commit Cairo to sending soldiers": what the verb does not bind it to
    if (
        not deployment
        and trigger.pos_ == "NOUN"
        and trigger.dep_ == "nsubj"
        and _conditional(trigger.head)
        # "the full withdrawal would not take place until 5 June": a deed still to come, not a supposition
        and trigger.head.lemma_.lower() not in ("take", "happen", "occur", "begin", "start", "follow", "come")
        # "The recapture of Kherson on Friday would allow ...": a dated deed, what it allows is the guess
        and not any(w.ent_type_ == "DATE" for w in trigger.subtree)
    ):
        happened = False  # "the seizure of Chasiv Yar would allow Russian forces to ...": what it would do
    listed_with = [trigger]
    while listed_with[-1].dep_ == "conj" and len(listed_with) < 6:
        listed_with.append(listed_with[-1].head)  # "planned rotations, replacement and redeployment"
    if trigger.pos_ == "NOUN" and any(
        c.dep_ == "amod" and c.lower_ in _UNREAL_MODIFIERS
        for n in [*listed_with, trigger.head]
        for c in n.children
    ):
        happened = False  # "planned rotations and redeployment", "a possible withdrawal"

    if _weeks_after(trigger):
        background = True  # "weeks after M23 rebels seized the region's largest cities": what news follows
    told_before = published_year is not None and any(
        _dates_the_deed(trigger, w) for w in trigger.sent if _told_before(w)
    )
    if told_before:
        background = True  # "That year Israel withdrew ...", "in September that year": a past the story told
    if not deployment:
        background = (
            background
            or _is_background_tc(trigger, sentence_text, published_year)
            or _dated_to_a_past_year(trigger, story_year or published_year)
        )
    elif (
        trigger.dep_ == "acl"
        and trigger.tag_ == "VBN"
        and trigger.lemma_.lower() in _PRESENCE_PARTICIPLES
        and not _dated_as_a_deed(trigger)
    ):
        background = True  # "troops stationed at the base", "forces deployed in the north": a presence
    elif (
        trigger.dep_ == "pcomp"
        and trigger.tag_ == "VBN"
        and trigger.head.lower_ == "with"
        and trigger.lemma_.lower() in _PRESENCE_PARTICIPLES
    ):
        background = True  # "one of the most militarised places, with 500,000 soldiers stationed there"
    elif (
        trigger.dep_ == "relcl"
        and trigger.lemma_.lower() in _PRESENCE_PARTICIPLES
        and _present_passive(trigger)
    ):
        background = True  # "the sea base USS Lewis B. Puller, which is deployed to the region": where it is
    elif (
        trigger.lemma_.lower() in ("station", "base", "garrison", "position")
        and not announced
        and any(c.dep_ == "auxpass" for c in trigger.children)
        and not any(c.lower_ == "being" for c in trigger.children)  # "are being stationed at Tapa": arriving
        and not _just_put(trigger)
    ):
        background = (
            True  # "soldiers were stationed there to guard the tomb"; "would be based in" is announced
        )
    elif (
        _dated_episode(trigger, published_year)
        or _dated_relative_clause(trigger, published_year)
        or _dated_to_a_past_year(trigger, story_year or published_year)
    ):
        background = True  # "during the 2007 troop surge": an episode named by its year, told as context
    elif not announced and _present_state(trigger):
        background = True  # "2,500 U.S. troops are deployed in Iraq": who is where now, not a movement
    elif not announced and _lasting_since(trigger):
        background = True  # "Moscow has massed troops around the town since last autumn": a presence
    elif _in_earlier_clause(trigger, sentence_text, marks=_DEPLOYMENT_CONTEXT_MARKS) or (
        # "three and a half years after the troops arrived": the arrival the news is measured from
        _LONG_AGO.search(sentence_text)
        and _in_earlier_clause(trigger, sentence_text, marks=_LONG_AFTER_MARKS)
    ):
        background = (
            True  # "since the allies began pulling out troops"; "after reinforcements arrived" is news
        )
    return Modality(happened=happened, announced=announced, claimed=claimed, background=background)


def _span_text(tok: Token) -> str:
    return tok.doc[tok.left_edge.i : tok.right_edge.i + 1].text


def _before_publication_year(years: list[int], published_year: int | None) -> bool:
    """Does the text date something by a year before the article's (any year, when it has no date)?"""
    return bool(years) and (published_year is None or max(years) < published_year)


def _dated_relative_clause(trigger: Token, published_year: int | None) -> bool:
    """A relative clause that dates what it tells by a past year describes who someone is: "troops, who entered
    Somalia in 2006, remain"; or it says what happened at a past date ("in September 2023, when they did not
    intervene as Azerbaijan took full control of Karabakh")."""
    if _when_of_a_past_date(trigger, published_year):
        return True
    if trigger.dep_ != "relcl" or (published_year is None and is_where_clause(trigger)):
        return False  # in a narrative with no date of its own, a "where" clause tells the story on
    if published_year is None and is_operation(trigger.head) and trigger.head.dep_ == "dobj":
        # a narrative's "launched a counteroffensive that retook Jebel Moya in October": its next step
        return False
    years = [int(t.text) for t in trigger.subtree if _dating_year(t)]
    return _before_publication_year(years, published_year)


def _when_of_a_past_date(trigger: Token, published_year: int | None) -> bool:
    if published_year is None:
        return False  # a narrative's "on 1 April 2012, when MNLA fighters captured Timbuktu" tells its story
    clause = trigger
    for _ in range(3):
        date = clause.head
        when = any(c.lower_ == "when" for c in clause.children)
        if clause.dep_ == "relcl" and when and date.ent_type_ == "DATE":
            years = [
                int(w.text) for w in date.subtree if w.ent_type_ == "DATE" and _PAST_YEAR.fullmatch(w.text)
            ]
            # "on December 31, 2023, when rebels captured Hopang", published on January 2: days ago
            year_end = max(years, default=0) == published_year - 1 and date.lower_ in ("november", "december")
            return _before_publication_year(years, published_year) and not year_end
        if clause.dep_ not in ("advcl", "conj") or clause.head == clause:
            return False
        clause = clause.head
    return False


def _done(trigger: Token) -> bool:
    """A movement told as done: "arrived", "have left", "completed their withdrawal"; not "was withdrawing"."""
    verb = trigger
    if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in _COMPLETION_VERBS:
        verb = trigger.head
    if verb.pos_ != "VERB":
        return False
    auxes = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return (verb.tag_ == "VBD" and not auxes) or (
        verb.tag_ == "VBN" and any(a in ("has", "have", "had") for a in auxes)
    )


_COMPLETION_VERBS = frozenset("complete finish conclude".split())


def _dated_to_a_past_year(trigger: Token, published_year: int | None) -> bool:
    """A report that dates its clause "in 2022" tells what it was then: "units were sent to Romania in 2022",
    read in 2025; and "weeks after Russian forces crossed into Ukraine" in that sentence is older still. Not a
    year that dates another clause ("in line with an agreement reached in 2018")."""
    own = _governing_verb(trigger)
    if published_year is None or own is None:
        return False
    clauses = {own}
    if own.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _SEQUENCE_MARKS for c in own.children):
        clauses.add(_governing_verb(own.head))
    frame = own.head if own.dep_ == "relcl" else None
    if frame is not None and frame.dep_ == "pobj" and frame.head.lower_ in ("in", "during"):
        # "retaken at the end of July 2014, during the summer offensive in which they also recaptured Sloviansk"
        clauses.add(_governing_verb(frame))
    years = [
        int(t.text) for t in trigger.doc if _dating_year(t) and _dated_in(t) and _governing_verb(t) in clauses
    ]
    return bool(years) and max(years) < published_year


_HOLDING_VERBS = frozenset("include have announce unveil approve confirm".split())


def _dated_in(year: Token) -> bool:
    """ "in 2022", "during 2015", "in June 2014": a year that dates the clause it sits in."""
    head = year.head
    if is_month_name(head.text):
        head = head.head
    if head.lower_ == "of" and head.head.lower_ in ("end", "start", "beginning", "middle"):
        head = head.head.head  # "at the end of July 2014"
    return head.lower_ in ("in", "during", "at")


_SEQUENCE_MARKS = frozenset({"after", "before", "when", "as"})


def _dated_episode(trigger: Token, published_year: int | None) -> bool:
    if trigger.pos_ != "NOUN":
        return False
    years = [
        int(c.text)
        for c in trigger.children
        if c.dep_ in ("nummod", "compound", "amod") and re.fullmatch(r"(?:19|20)\d\d", c.text)
    ]
    return _before_publication_year(years, published_year)


def _lasting_since(trigger: Token) -> bool:
    """A perfect that lasts "since" a past time: "has stationed 1,000 soldiers there since 2017"."""
    perfect = any(
        c.dep_ == "aux" and c.lemma_.lower() == "have" and c.tag_ in ("VBZ", "VBP") for c in trigger.children
    )
    since = [c for c in trigger.children if c.dep_ == "prep" and c.lower_ == "since"]
    if not perfect or not any(o.dep_ == "pobj" for c in since for o in c.children):
        return False
    # "have been deploying south of the Litani since mid-August": a movement still under way this season is news;
    # "have been deploying there since 2017" a presence
    dated = [w for c in since for w in c.subtree]
    when = " ".join(w.text for w in dated)
    if _THIS_WEEK.search(when) or names_a_weekday(when):
        return False  # "has moved two divisions south since late last week": this week's news
    return (
        not under_way(trigger)
        or not any(is_month_name(w.text) for w in dated)  # "since the start of the war": a presence
        or any(re.fullmatch(r"\d{4}", w.text) for w in dated)
    )


def _step_of(trigger: Token, *marks: str) -> Token | None:
    """The verb a "before"/"after" gerund is a step of: "will hand over the base before withdrawing"."""
    if trigger.tag_ != "VBG" or trigger.dep_ != "pcomp" or trigger.head.lower_ not in marks:
        return None
    return trigger.head.head


def _in_future(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_MODALS for c in verb.children)


def _future_step(trigger: Token) -> bool:
    """ "British troops will hand over the base before withdrawing from Helmand": a step of a plan."""
    verb = _step_of(trigger, "before", "after")
    return verb is not None and _in_future(verb)


def _end_of_a_stay(trigger: Token) -> bool:
    """ "The Marines will live at Robertson Barracks for six months before returning home": the end of a stay
    the news announces, no movement of its own."""
    verb = _step_of(trigger, "before")
    if verb is None:
        return False
    while verb.dep_ == "conj" and not any(c.dep_ == "aux" for c in verb.children):
        verb = verb.head  # "will live ... and train ... before returning"
    # not "will hand over Camp Bastion before withdrawing from Helmand", a withdrawal announced
    home = any(c.lower_ == "home" for c in trigger.children) or verb.lemma_.lower() in _STAY_VERBS
    return home and _in_future(verb)


_STAY_VERBS = frozenset("train live stay serve remain operate exercise".split())


def _just_put(trigger: Token) -> bool:
    """ "two transport aircraft have been positioned in Jeddah": put in place, with no "since" or "for", is a
    step just taken; forces that "have been based mainly at an air base" or "stationed there for decades"
    are a presence."""
    return (
        trigger.lemma_.lower() == "position"
        and any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in trigger.children)
        and not any(c.dep_ == "prep" and c.lower_ in ("since", "for") for c in trigger.children)
        and not any(c.lower_ in ("long", "already", "permanently") for c in trigger.children)
    )


_DEADLINE_PREPS = frozenset("by before within until".split())


def _counterfactual(verb: Token) -> bool:
    """ "a motion that would have allowed", "would have sent": what did not happen; but "would have left by
    Friday" is a deadline set."""
    auxes = [c.lower_ for c in verb.children if c.dep_ == "aux"]
    if "would" not in auxes or "have" not in auxes:
        return False
    # "said all soldiers would have left Mali before the end of the summer": a deadline
    return not any(c.dep_ == "prep" and c.lower_ in _DEADLINE_PREPS for c in verb.children)


_LONG_MEASURES = frozenset("week month year decade".split())


def _weeks_after(trigger: Token) -> bool:
    """ "weeks after Abiy sent the army into Tigray", "less than two weeks after Putin ordered the air group
    to withdraw": the earlier event a news sentence measures its own from, whatever day the news names."""
    clause = trigger
    while clause.dep_ in ("xcomp", "conj") and clause.head != clause:
        clause = clause.head
    for c in {trigger, clause}:
        if c.dep_ == "ROOT" or c.head.lemma_.lower() in ("come", "follow"):
            # "Three weeks after the referendum, forces took Kirkuk": the parser's root is the news; "the
            # advance comes two weeks after peacekeepers pulled out": the step the news comes after, news too
            continue
        after = [m for m in c.children if m.dep_ == "mark" and m.lower_ == "after"]
        if c.dep_ == "pobj" and c.head.lower_ == "after":
            after, c = [c.head], c.head  # "weeks after the capture of Mekelle"
        if after and any(m.dep_ == "npadvmod" and m.lemma_.lower() in _LONG_MEASURES for m in c.children):
            return True
    return False


# a time the story dated before, or an era long past: in a dated article, never the news
_SEASONS = frozenset("year spring summer autumn fall winter".split())


def _told_before(w: Token) -> bool:
    """ "that year", "the following year", "the last time", "during the Vietnam War"."""
    mods = {c.lower_ for c in w.children if c.dep_ in ("det", "amod")}
    return (
        (w.lower_ in _SEASONS and "that" in mods)
        or (w.lower_ == "year" and bool(mods & {"same", "following", "previous"}))
        or (w.lower_ == "time" and {"the", "last"} <= mods)
        or (w.text == "War" and w.dep_ == "pobj" and w.head.lower_ == "during")
    )


def _dates_the_deed(trigger: Token, when: Token) -> bool:
    """Does the time phrase date the trigger's own clause ("That year Israel withdrew", "entered west Beirut
    in September that year", "The last time forces were sent"), not an aside ("on Tuesday, the first
    incursion since 2006, the last time the two sides fought")?"""
    if trigger in when.subtree:
        return True  # "the last time American forces were sent": the clause describes the time
    verb = _governing_verb(trigger)
    verbs = {verb}
    while verb is not None and verb.dep_ == "conj":
        verb = verb.head  # "That year Israel withdrew ..., and Egypt sent 750 border guards": the same year
        verbs.add(verb)
    x = when
    for _ in range(4):
        if x.head in verbs:
            return x.dep_ in ("npadvmod", "prep", "tmod", "advmod", "pobj")
        if x.dep_ in ("pobj", "prep") or (x.dep_ == "npadvmod" and x.head.ent_type_ == "DATE"):
            x = x.head  # "during the ... War", "in September that year"
            continue
        return False
    return False


def under_way(trigger: Token) -> bool:
    """ "have been deploying", "has been withdrawing": a movement still going on, whenever it began."""
    return trigger.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ == "been" for c in trigger.children)


def _present_tense(trigger: Token) -> bool:
    return trigger.tag_ in ("VBZ", "VBP") or any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in ("is", "are", "has", "have") for c in trigger.children
    )


def _present_passive(trigger: Token) -> bool:
    return (
        trigger.tag_ == "VBN"
        and any(c.dep_ == "auxpass" and c.lower_ in ("is", "are", "'re", "'s") for c in trigger.children)
        and not any(c.dep_ == "aux" for c in trigger.children)
    )


def _present_state(trigger: Token) -> bool:
    """A present-tense passive of a presence verb with no "to" place: "troops are deployed in the north",
    "foreign fighters are deployed to control the locals"; "are being deployed", "are deployed to Poland" move."""
    if trigger.lemma_.lower() not in _PRESENCE_PARTICIPLES or trigger.tag_ != "VBN":
        return False
    auxes = [c for c in trigger.children if c.dep_ in ("auxpass", "aux")]
    # "100,000 Russian troops are now positioned near the border": the parser may make the participle a complement
    complement = trigger.dep_ == "acomp" and trigger.head.lower_ in ("is", "are", "'re") and not auxes
    if not complement and (
        not any(c.dep_ == "auxpass" and c.lower_ in ("is", "are", "'re") for c in auxes) or len(auxes) > 1
    ):
        return False
    return not any(
        p.dep_ == "prep" and p.lower_ in ("to", "into") and any(o.dep_ == "pobj" for o in p.children)
        for p in trigger.children
    )


def _describes_place(head: Token) -> bool:
    """Is the noun a relative clause hangs on a place (not "for the first time the refinery had been seized")?"""
    if head.ent_type_ in ("DATE", "TIME"):
        return False  # "said Sunday its troops had withdrawn": a parser slip, not a description
    return head.pos_ == "PROPN" or head.lemma_.lower() in PLACE_NOUNS or head.lemma_.lower() in FORCE_NOUNS


_NEXT_STEP = frozenset("then later subsequently soon quickly promptly immediately".split())


def _after_leaving(step: Token, trigger: Token) -> bool:
    """ "later" follows whatever came before; "then" follows only a side's leaving told in the main clause."""
    if step.lower_ != "then":
        return True
    verb = trigger.head.head if trigger.head.dep_ == "pobj" else trigger.head
    while verb.dep_ in ("pcomp", "prep", "pobj") and verb.head != verb:
        verb = verb.head
    return verb.lemma_.lower() in GIVE_UP_VERBS


def _is_background_tc(trigger: Token, sentence_text: str, published_year: int | None) -> bool:
    # "Mosul, which fell to IS in 2014"; "Izium, occupied in early April": a clause describing a place
    if _later_than_its_frame(trigger):
        return False  # "In 1999, Russian troops besieged Grozny, which fell in February 2000": the next step
    if (
        trigger.dep_ in ("relcl", "acl")
        and _describes_place(trigger.head)
        and (trigger.dep_ == "relcl" or trigger.tag_ == "VBN")
        # "Operation Flash in Western Slavonia, where the Croatian Army took Okučani": what happened there
        and not is_where_clause(trigger)
        # "the army, which retook Morek on Sunday, is advancing": the story's latest step, told in passing
        and not _RECENT.search(_span_text(trigger))
        # "X and Y were among the buildings that fell to the militants": the clause tells the news of X and Y
        and not (trigger.head.dep_ == "pobj" and trigger.head.head.lower_ == "among")
        # "the first provincial capital to fall was Zaranj": the news of Zaranj
        and not _first_of_a_past_series(trigger.head)
        and not (trigger.tag_ == "VB" and ranked(trigger.head))  # "became the first capital to fall"
        # "withdrew from Sinjar and Makhmour, which were then occupied by federal troops": the story's next step;
        # but "visited Shusha, which was then occupied" tells how it stood at the time
        and not any(
            c.dep_ == "advmod" and c.lower_ in _NEXT_STEP
            for c in trigger.children
            if _after_leaving(c, trigger)
        )
    ):
        return True
    if _in_earlier_clause(trigger, sentence_text):
        return True
    if _dated_relative_clause(trigger, published_year):
        return True  # "the Islamic State group, which seized Mosul in 2014, still holds": who the group is
    if published_year is not None:
        years = [
            int(m.group(1))
            for m in re.finditer(r"\b(19[5-9]\d|20\d\d)\b", sentence_text)
            if sentence_text[m.start() - 1 : m.start()] != "(" or sentence_text[m.end() : m.end() + 1] != ")"
        ]
        measured = {t.text for t in trigger.doc if any(measures_since(a) for a in t.ancestors)}
        years = [y for y in years if str(y) not in measured]
        if years and max(years) < published_year:
            # "The town, first captured by rebels in 2012, was retaken by the army on Sunday": a year in
            # another clause dates that clause, not this one
            own = _governing_verb(trigger)
            dated = [t for t in trigger.doc if _dating_year(t) and int(t.text) < published_year]
            return not (
                own is not None
                and dated
                and all(
                    _governing_verb(t) not in (own, None)
                    and not (_frames_verb(t, own) and not _dated_itself(own))
                    for t in dated
                )
            )
    return False


_PAST_YEAR = re.compile(r"19[5-9]\d|20\d\d")


def _later_than_its_frame(trigger: Token) -> bool:
    """A relative clause dated after the clause it hangs on tells what happened next, not who the place is:
    "In 1999, Russian troops besieged Grozny, which fell in February 2000" (not "Mosul, which fell in 2014, was
    retaken in 2017")."""
    if trigger.dep_ != "relcl":
        return False
    own = [int(t.text) for t in trigger.subtree if _dating_year(t)]
    frame = _governing_verb(trigger.head)
    framing = [
        int(t.text)
        for t in trigger.doc
        if _dating_year(t) and t not in trigger.subtree and frame is not None and _governing_verb(t) == frame
    ]
    return bool(own) and bool(framing) and min(own) > max(framing)


def _dating_year(t: Token) -> bool:
    """A year that dates what the clause tells; not the year in a document's name ("Resolution 2670 (2022)") or
    an event's ("Zapad 2025", "Euro 2024")."""
    if not _PAST_YEAR.fullmatch(t.text):
        return False
    doc = t.doc
    cited = 0 < t.i < len(doc) - 1 and doc[t.i - 1].text == "(" and doc[t.i + 1].text == ")"
    before = doc[t.i - 1] if t.i else None
    named = (
        before is not None
        and before.pos_ == "PROPN"
        and before.text[:1].isupper()
        and not is_month_name(before.text)
    )
    return not cited and not named and not any(measures_since(a) for a in t.ancestors)


def measures_since(tok: Token) -> bool:
    """ "their largest offensive since the 2021 coup", "the first time since 2014": "since" as a yardstick for a
    thing, not the time of a deed ("has held the town since 2014")."""
    if tok.lower_ != "since" or tok.dep_ != "prep":
        return False
    head = tok.head
    return head.pos_ in ("NOUN", "ADJ") or any(
        o.dep_ in ("dobj", "attr") and any(m.tag_ == "JJS" or m.lower_ == "first" for m in o.children)
        for o in head.children
    )


def _dated_itself(verb: Token) -> bool:
    """ "captured the village on Tuesday in an offensive that began in 2023": the deed has a day of its own."""
    return any(
        c.dep_ in ("prep", "npadvmod")
        and c.lower_ not in ("in", "during")
        and any(w.ent_type_ in ("DATE", "TIME") for w in c.subtree)
        or c.ent_type_ in ("DATE", "TIME")
        for c in verb.children
    )


def _frames_verb(year: Token, verb: Token) -> bool:
    """ "seized Nagorno-Karabakh in a war that ended in 1994": the year dates the war the verb's deed was part of."""
    clause = _governing_verb(year)
    if clause is None or clause.dep_ != "relcl":
        return False
    frame = clause.head
    return frame.dep_ == "pobj" and frame.head.lower_ in ("in", "during") and frame.head.head == verb


def _governing_verb(tok: Token) -> Token | None:
    for t in [tok, *tok.ancestors]:
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None


def _in_earlier_clause(trigger: Token, sentence_text: str, marks: frozenset[str] = _TEMPORAL_MARKS) -> bool:
    """ "after militants were driven from the city", "since the allies began pulling out troops": context."""
    recent = bool(_RECENT.search(sentence_text))
    clause = trigger
    while clause.dep_ in ("xcomp", "conj") and clause.head != clause:
        clause = clause.head  # "since the allies began pulling out troops": the clause "began" heads
    # a sentence's root with a time mark is a misparse of "three weeks after the referendum, forces advanced"
    if (
        clause != trigger
        and clause.dep_ != "ROOT"
        and any(c.dep_ == "mark" and c.lower_ in marks for c in clause.children)
    ):
        if not recent or _LONG_AGO.search(sentence_text):
            return True
    for a in [trigger, *trigger.ancestors]:
        for c in a.children:
            if (
                c.dep_ in ("mark", "prep")
                and c.lower_ in marks
                and (c.dep_ == "mark" or any(t == trigger for t in c.subtree))
            ):
                if a == trigger or c.dep_ == "prep":
                    gerund = trigger.tag_ == "VBG" and trigger.dep_ == "pcomp" and c.lower_ != "since"
                    # "after capturing the roundabouts, the Army advanced": the same actor's sequence, news;
                    # "since capturing Palmyra in May, the militants have ...": what has lasted since, context
                    if not gerund and (_LONG_AGO.search(sentence_text) or not recent):
                        return True
        if a.dep_ == "ROOT":
            break
    return trigger.dep_ == "pobj" and trigger.head.lower_ in marks and not recent


# Past told relative to now: "last month", "last year", "earlier this year", "earlier in the war", "three weeks ago"
_RELATIVE_PAST = re.compile(
    r"\b(?:last (?:month|year|spring|summer|autumn|fall|winter|January|February|March|April|May|June|July|"
    r"August|September|October|November|December)|earlier this (?:month|year)|"
    r"earlier in the (?:year|war|conflict)|"
    r"(?:\w+|\d+) (?:weeks?|months?|years?) ago|(?:the )?previous (?:month|year))\b"
    r"(?!\s*['’]s)",  # "following last month's attack": the attack's time, not the clause's
    re.I,
)
_CLAUSE_DEPS = frozenset({"relcl", "advcl", "ccomp", "acl", "parataxis", "conj"})


def told_as_past(trigger: Token, *, news_style: bool, published_year: int | None) -> bool:
    """A news story dates its own events by weekday; it dates the past it recalls: "the rebels, who took Goma
    last month", "the militants overran Mosul in June 2014" (in a wire story that gives no year to its news)."""
    clause = _own_clause(trigger) + _shared_date(trigger) + _date_of_the_deal(trigger)
    clause = [t for t in clause if not dates_a_participle(t)]
    text = " ".join(t.text for t in clause)
    recalled = _RELATIVE_PAST.search(text)
    if recalled and not _SAME_STORY_PAST.fullmatch(recalled.group(0)):
        # but "overran a base at El Baraf earlier this month": the story's latest step, not its past
        return True
    if not news_style:
        # an encyclopedia narrative (no date of its own) dates every event it tells by its year; it steps back
        # with "had"
        # "Hours earlier a column of Russian paratroopers had taken over Pristina airport": a step of the same
        # story
        return published_year is None and _flashback(trigger) and not _HOURS_EARLIER.search(text)
    years = [int(t.text) for t in clause if _dating_year(t) and not _names_the_force(t, trigger)]
    if _before_publication_year(years, published_year):
        return True
    # "sent reinforcements on Monday, as it did when ... in 2015": the event dates itself as news
    return not _RECENT.search(text) and _set_in_dated_past(clause, published_year)


def dates_a_participle(t: Token) -> bool:
    """ "peacekeepers authorised by the Security Council last month arrived this week": the date right after a
    participle phrase dates that phrase, wherever the parser hangs it."""
    if t.ent_type_ != "DATE":
        return False
    start = t.i
    while start > 0 and t.doc[start - 1].ent_type_ == "DATE" and t.doc[start].ent_iob_ == "I":
        start -= 1
    if start == 0:
        return False
    before = t.doc[start - 1]
    return any(
        a.dep_ == "acl" and a.tag_ == "VBN" and a.right_edge == before for a in (before, *before.ancestors)
    )


def _names_the_force(year: Token, trigger: Token) -> bool:
    """ "all 33,000 troops of the 2009 surge would leave": the year names the troops, not when they move."""
    moved = [c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    return year.dep_ in ("nummod", "compound", "amod") and any(year in m.subtree for m in moved)


_SAME_STORY_PAST = re.compile(r"earlier this (?:month|week)", re.I)
# a narrative stepping back within one day's story ("overnight" or "on Monday" it may tell of any year)
_HOURS_EARLIER = re.compile(
    r"\b(?:(?:hours?|days?|a day) (?:earlier|before)|the previous day|the day before)\b", re.I
)


def comes_after(trigger: Token) -> bool:
    """The trigger's clause is what "this comes after": "The deployment comes after fighters overran Baga"."""
    for a in [trigger, *trigger.ancestors][:4]:
        if a.lemma_.lower() == "come" and any(c.lower_ == "after" for c in a.children):
            return True
        if (
            a.dep_ == "dobj"
            and a.head.lemma_.lower() == "follow"
            and a.head.tag_ in ("VBZ", "VBP")
            and (_SAME_STORY_PAST.search(a.sent.text) or _RECENT.search(a.sent.text))
        ):
            # "The deployment follows the fall earlier this month of Baga": the step it comes after
            return True
        if (
            any(m.lower_ == "after" and m.dep_ in ("mark", "prep") for m in a.children)
            and a.head.lemma_.lower() == "come"
        ):
            return True
    return False


def _flashback(trigger: Token) -> bool:
    """ "Boko Haram had taken the town of Gwoza on 6 August 2014 ...": a narrative's main clause in the past
    perfect steps back to an earlier phase, with what it says was said ("had announced that the troops would
    leave") and what happened beside it ("while Amhara forces had taken over Western Tigray"); but "On 17
    February they had regained ...", "By 11 March they had recaptured ...", "as of 2 June Russia had taken ..."
    carry the story forward to the day they name."""
    chain = [trigger]
    while chain[-1].dep_ in ("conj", "ccomp", "advcl", "xcomp") and chain[-1].head.pos_ in ("VERB", "AUX"):
        verb = chain[-1]
        if verb.dep_ == "advcl" and not any(m.lower_ in ("while", "whereas") for m in children(verb, "mark")):
            break
        if verb.dep_ == "ccomp" and verb.head.lemma_.lower() not in CLAIM_VERBS:
            break  # a clause the parser hung on another verb, not a report of it
        chain.append(verb.head)
    root = chain[-1]
    if root.dep_ != "ROOT" or not any(c.dep_ == "aux" and c.lower_ == "had" for c in root.children):
        return False
    return not any(_carried_forward(v) for v in chain)


def _carried_forward(verb: Token) -> bool:
    """ "On 17 February", "By this time", "Meanwhile", "Within weeks" before the verb, "by 3 February", "within
    hours" after it: the day the story has reached."""
    return any(
        c.dep_ in ("prep", "npadvmod", "advmod")
        and (
            c.i < verb.i
            and c.lower_ in ("on", "by", "as", "at", "until", "meanwhile", "within")
            or c.i > verb.i
            and c.lower_ in ("by", "within")
            and any(a.dep_ == "aux" and a.lower_ == "had" for a in verb.children)  # not "would leave by"
        )
        for c in verb.children
    )


_TIME_CLAUSE_MARKS = frozenset("when after as once while".split())


def _set_in_dated_past(clause: list[Token], published_year: int | None) -> bool:
    """ "When the Taliban seized Kunduz in 2015, the army rushed reinforcements to the city": a time clause
    dated by a past year sets the event it frames in that past."""
    for c in clause[0].doc[clause[0].sent.start : clause[0].sent.end]:
        if c.dep_ != "advcl" or c.head not in clause or c in clause:
            continue
        if not any(m.dep_ in ("mark", "advmod") and m.lower_ in _TIME_CLAUSE_MARKS for m in c.children):
            continue
        own = _own_clause(c)
        years = [int(t.text) for t in own if _dating_year(t)]
        if _before_publication_year(years, published_year):
            return True
        if _RELATIVE_PAST.search(" ".join(t.text for t in own)):
            return True
    return False


def _date_of_the_deal(trigger: Token) -> list[Token]:
    """ "deployed 2,000 peacekeepers under a ceasefire deal that ended the fighting two years ago": a deed with no
    time of its own happened when the deal it was done under was made."""
    under = [p for p in trigger.children if p.dep_ == "prep" and p.lower_ == "under"]
    if (
        not under
        or trigger.tag_ != "VBD"
        or any(  # "has begun withdrawing under the agreement": still going on
            c not in under and any(w.ent_type_ in ("DATE", "TIME") for w in c.subtree)
            for c in trigger.children
        )
    ):
        return []  # "began pulling out on Monday under a deal reached last month"
    dated = [
        w
        for p in under
        for deal in p.children
        if deal.dep_ == "pobj"
        for c in deal.children
        if c.dep_ in ("relcl", "acl")
        for w in c.subtree
    ]
    # "under an agreement signed last month" is the same story; a deal of years ago is not
    return dated if _YEARS_BACK.search(" ".join(w.text for w in dated)) else []


_YEARS_BACK = re.compile(r"\b(?:years?|decades?) ago\b|\b(?:19|20)\d\d\b", re.I)


def recalled_by_wording(trigger: Token) -> bool:
    """ "French troops first went to Mali at its government's request", "former President Trump withdrew 700
    troops": a news story's look back at how its matter began, or at a deed of a leader no longer in office."""
    if trigger.tag_ != "VBD":
        return False
    first = any(c.dep_ == "advmod" and c.lower_ == "first" for c in trigger.children)
    # "Hamas fighters first stormed the Erez crossing and then overran the base": a sequence, told as news
    if (
        first
        and trigger.lemma_.lower() in _MISSION_STARTS
        and not any(w.lower_ == "then" for w in trigger.sent)
    ):
        return True
    doers = [c for c in trigger.children if c.dep_ == "nsubj"]
    return any(
        w.lower_ == "former" and w.dep_ == "amod" and w.head.lower_ in OFFICES | _GOVERNING_BODIES
        for doer in doers
        for w in doer.subtree
        # "former President Trump", not "the former rebel commander's fighters"
        if w.i < doer.i and (w.head == doer or (w.head.dep_ == "compound" and w.head.head == doer))
    )


_MISSION_STARTS = frozenset("go deploy arrive send land".split())
_GOVERNING_BODIES = frozenset("administration government regime leader ruler king".split())


def _describes_a_thing(date_word: Token) -> bool:
    """ "a one-day offensive": a length that describes a thing, no time of the event."""
    root = date_word
    while root.head != root and root.head.ent_type_ == "DATE":
        root = root.head
    return root.dep_ in ("amod", "compound")


def _shared_date(trigger: Token) -> list[Token]:
    """ "Sudan joined the coalition in 2015 and sent thousands of troops to Yemen": a joined verb with no time
    of its own, or with "the same year", happened when the verb it is joined to did."""
    # "The peacekeepers stood aside last September when Azerbaijan's army seized Nagorno-Karabakh": a "when"
    # clause happened when its main clause did
    when = trigger.dep_ == "advcl" and any(m.lower_ == "when" for m in children(trigger, "mark", "advmod"))
    if trigger.dep_ == "relcl" and trigger.head.ent_type_ == "DATE":
        return list(trigger.head.subtree)[
            : trigger.head.i - trigger.head.left_edge.i + 1
        ]  # "in 2013, when ..."
    partner = trigger.head
    # "began its air campaign last September, after deploying warplanes to Hmeimim": the gerund's deed frames
    # the main clause's time
    framed = (
        trigger.dep_ == "pcomp" and trigger.head.lower_ in ("after", "before") and trigger.head.dep_ == "prep"
    )
    if framed:
        partner = trigger.head.head
    # "Late last month, the Pentagon said it would send troops to the Middle East": the saying dates the plan
    said = trigger.dep_ == "ccomp" and trigger.head.lemma_.lower() in CLAIM_VERBS | {"announce"}
    if (trigger.dep_ != "conj" and not when and not framed and not said) or partner.pos_ not in (
        "VERB",
        "AUX",
    ):
        return []
    own = [w for w in trigger.subtree if w.ent_type_ in ("DATE", "TIME") and not _describes_a_thing(w)]
    # "... annexed Crimea in 2014, and separatists seized parts of Donetsk the same year", "invaded East Timor in
    # 1975 and annexed it the following year": the partner's time, or one counted from it
    if own and not any(w.lower_ in ("same", "following", "next") for w in own):
        return []
    return [
        w
        for c in partner.children
        if (c.dep_ in ("prep", "npadvmod") or _ago(c, months_at_least=trigger.dep_ != "conj"))
        and (c.i < trigger.i or framed)
        and c != trigger.head
        and any(x.ent_type_ == "DATE" for x in c.subtree)
        for w in c.subtree
    ]


def _ago(word: Token, *, months_at_least: bool) -> bool:
    """ "retook Mekelle four months ago and later seized Lalibela": a time counted back from now. What a side
    "said a week ago" is the same story's news; what it said months ago is not."""
    if word.dep_ != "advmod" or word.lower_ != "ago":
        return False
    return not months_at_least or any(w.lemma_.lower() in ("month", "year", "decade") for w in word.subtree)


# "Under the agreement", "under the truce": the deal a side signed, not one hoped for ("any future agreement")
_UNDER_THE_DEAL = re.compile(
    r"\b[Uu]nder (?:the|this|that) (?:\w+ ){0,2}(?:" + "|".join(AGREEMENT_WORDS) + r")\b"
)


def _dated_recently(trigger: Token) -> bool:
    """ "100 Marines had already been flown to the embassy compound on Tuesday": a step of this week's story, not
    a presence."""
    return bool(_THIS_WEEK.search(" ".join(t.text for t in _own_clause(trigger))))


# a day of the story's week; not "in recent years"
_THIS_WEEK = re.compile(
    r"\b(?:on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|yesterday|overnight|"
    r"(?:earlier|this|last) week|hours? (?:earlier|before))\b",
    re.I,
)


def _arrival_reported(trigger: Token) -> bool:
    """ "..., adding that about 1,500 soldiers had already arrived in Vladivostok": the news of an arrival, told in
    reported speech; a force "already deployed" there is a presence."""
    clause = trigger
    while clause.dep_ in ("conj", "xcomp") and clause.head != clause:
        clause = clause.head  # "said that North Korea had begun sending troops and that 1,500 had arrived"
    journey = trigger.lemma_.lower() in ("arrive", "land", "reach") or (
        trigger.lemma_.lower() in DEPLOY_VERBS
        and any(c.dep_ in ("prep", "dative") and c.lower_ in ("to", "into") for c in trigger.children)
    )  # "had already been shipped to the Russian port of Vladivostok"; not "already deployed in the north"
    return (
        journey
        and clause.dep_ == "ccomp"
        and clause.head.lemma_.lower() in CLAIM_VERBS | {"add"}
    )


def _binding(trigger: Token) -> bool:
    """ "Under the agreement, Armenian forces must withdraw", "must leave the district by Nov. 20": a move a deal
    or a deadline binds a side to, not a demand ("the resolution says Israeli forces must withdraw")."""
    text = trigger.sent.text
    return bool(_UNDER_THE_DEAL.search(text)) or sets_a_deadline(text)


_SIGNS = frozenset("sign signs evidence indication indications trace".split())


def _no_sign_of(trigger: Token) -> bool:
    """ "saw no sign so far of a strike force gathering in the north": a movement looked for, not seen."""
    # "there was no indication that government forces had entered the town": the clause the sign would show
    clause = trigger
    while clause.dep_ in ("xcomp", "conj") and clause.head != clause:
        clause = clause.head
    sign = clause.head
    if (
        clause.dep_ in ("acl", "ccomp")
        and any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)
        and sign.lemma_.lower() in _SIGNS
        and any(c.dep_ == "det" and c.lower_ == "no" for c in sign.children)
    ):
        return True
    # the parser may hang "of" on another word ("no sign so far of"): a "no sign ... of" before the trigger, with
    # no other verb between, counts; "no sign of civilians as troops entered the town" does not
    for a in trigger.sent:
        if a.i >= trigger.i or a.lemma_.lower() not in _SIGNS:
            continue
        if not any(c.dep_ == "det" and c.lower_ == "no" for c in a.children):
            continue
        between = trigger.doc[a.i + 1 : trigger.i]
        clause_break = any(w.pos_ in ("VERB", "AUX", "SCONJ") or w.dep_ == "mark" for w in between)
        if any(w.lower_ == "of" for w in between) and not clause_break:
            return True
    return False


def _dated_as_a_deed(participle: Token) -> bool:
    """ "Lebanese army troops deployed in Khiam on Wednesday after Israeli forces pulled out": a sentence's only
    verb, read as a modifier of its subject, yet dated like a deed."""
    noun = participle.head
    # "... troops deployed in Manbij on Tuesday, state media said": the parser makes the noun the saying's subject
    if noun.dep_ != "ROOT" and not (noun.dep_ == "nsubj" and noun.head.lemma_.lower() in CLAIM_VERBS):
        return False
    dated = any(
        c.dep_ in ("prep", "npadvmod") and any(w.ent_type_ in ("DATE", "TIME") for w in c.subtree)
        for c in participle.children
    )
    return dated or any(
        c.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in ("after", "when", "as") for m in c.children)
        for c in participle.children
    )


def _own_clause(trigger: Token) -> list[Token]:
    """The words of the clause that tells the event, without the clauses nested in it."""
    head = trigger
    while head.pos_ not in ("VERB", "AUX") and head.dep_ not in ("ROOT",) and head.head != head:
        head = head.head  # "the capture of Mosul in 2014": the clause of the verb the noun serves
    nested = [c for c in head.subtree if c != head and c.dep_ in _CLAUSE_DEPS and trigger not in c.subtree]
    return [t for t in head.subtree if not any(t in c.subtree for c in nested)]

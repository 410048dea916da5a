"""Actor names to canonical sides: 'IS fighters', 'ISIL' and 'Islamic State militants' are one actor.

Correlation needs to know whether two reports name the same side (an update) or opposite sides (a recapture);
subscriptions need 'Daesh' to match an alert that says 'Islamic State'. Both use `canonical_actor`. The alias
table is small and explicit on purpose: an unknown name falls back to its own normalised words, so it still
matches itself and never a different side by accident.
"""

from __future__ import annotations

import re

# canonical name -> aliases (normalised: lower case, dots and apostrophes removed, hyphens as spaces)
_ALIASES: dict[str, tuple[str, ...]] = {
    "islamic state": (
        "is", "isis", "isil", "daesh", "daish", "islamic state", "islamic state group",
        "islamic state of iraq and the levant", "islamic state of iraq and syria", "islamic state of iraq",
    ),
    "united states": ("us", "usa", "united states", "united states of america", "america", "american",
                      "pentagon", "us led coalition", "american led coalition"),
    "united kingdom": ("uk", "britain", "british", "great britain", "united kingdom", "royal"),
    "russia": ("russia", "russian", "russian federation", "moscow", "kremlin", "wagner", "wagner group"),
    "ukraine": ("ukraine", "ukrainian", "kyiv", "kiev", "afu", "zsu", "armed forces of ukraine"),
    "syria": ("syria", "syrian", "damascus", "assad", "syrian arab army", "saa", "regime"),
    "iraq": ("iraq", "iraqi", "baghdad", "isf", "iraqi security", "popular mobilization",
             "popular mobilisation", "pmf", "hashd"),
    "turkey": ("turkey", "turkish", "turkiye", "türkiye", "ankara"),
    "syrian democratic forces": ("sdf", "syrian democratic", "ypg", "kurdish", "kurds"),
    "nato": ("nato", "north atlantic treaty organization", "north atlantic treaty organisation", "alliance"),
    "france": ("france", "french"),
    "germany": ("germany", "german", "bundeswehr"),
    "israel": ("israel", "israeli", "idf", "israel defense"),
    "hamas": ("hamas",),
    "hezbollah": ("hezbollah", "hizbollah", "hizballah"),
    "houthis": ("houthi", "houthis", "ansar allah"),
    "taliban": ("taliban",),
    "al shabaab": ("al shabaab", "al shabab", "shabaab"),
    "hayat tahrir al sham": ("hts", "hayat tahrir al sham", "tahrir al sham"),
    "rapid support forces": ("rsf", "rapid support"),
    "china": ("china", "chinese", "pla", "peoples liberation army"),
    "poland": ("poland", "polish"),
    "canada": ("canada", "canadian"),
    "iran": ("iran", "iranian", "irgc", "revolutionary guards"),
}
_ALIAS_TO_CANONICAL = {alias: canonical for canonical, aliases in _ALIASES.items() for alias in aliases}

# Words that say what kind of force it is, not whose: 'Russian troops' and 'Russian forces' are one side.
_GENERIC = frozenset(
    "the a an forces force troops troop soldiers soldier servicemen personnel militants militant fighters "
    "fighter army armed military units unit extremists extremist jihadists jihadist group groups "
    "marines marine paratroopers special operations operation elements detachment battalion battalions "
    "brigade brigades division divisions regiment regiments contingent contingents airborne infantry "
    "of and led allied backed its their his her our own they them".split()
)
# Words that make a name a different side from its country: 'Syrian rebels' are not the Syrian army.
_NON_STATE = frozenset(
    "rebel rebels opposition insurgent insurgents separatist separatists militia militias partisans "
    "partisan dissident dissidents defectors".split()
)
# Names for 'the state's own forces' whose side is the country of the place.
_GOVERNMENT = frozenset({"government", "pro government", "regime", "state", "national", "loyalist"})
_COUNTRY_SIDE = {"SY": "syria", "IQ": "iraq", "UA": "ukraine", "RU": "russia", "TR": "turkey", "IL": "israel",
                 "AF": "afghanistan", "SO": "somalia", "SD": "sudan", "YE": "yemen", "LY": "libya"}


def normalise_actor(name: str) -> str:
    """Lower case, no dots or apostrophes ('U.S.' → 'us'), hyphens and punctuation as spaces."""
    text = re.sub(r"['’]s\b", "", name.casefold()).replace(".", "").replace("'", "").replace("’", "")
    text = re.sub(r"[^\w\s]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def canonical_actor(name: str | None, country: str | None = None) -> str | None:
    """The side an actor name stands for, or None when the name says nothing about the side ('militants').

    `country` is the ISO code of the place: 'government forces' in Syria are Syria's side.
    """
    if not name:
        return None
    text = normalise_actor(name)
    if not text:
        return None
    if text in _ALIAS_TO_CANONICAL:
        return _ALIAS_TO_CANONICAL[text]
    words = text.split()
    if any(w in _NON_STATE for w in words):
        return " ".join(w for w in words if w not in _GENERIC) or None
    core = [w for w in words if w not in _GENERIC]
    if not core:
        return None
    joined = " ".join(core)
    if joined in _ALIAS_TO_CANONICAL:
        return _ALIAS_TO_CANONICAL[joined]
    if joined in _GOVERNMENT or (core[0] in _GOVERNMENT and len(core) == 1):
        return _COUNTRY_SIDE.get((country or "").upper(), f"government:{(country or '').upper()}")
    # the longest known alias inside the name decides ('the Islamic State group's fighters')
    for size in range(min(len(core), 6), 0, -1):
        for start in range(len(core) - size + 1):
            piece = " ".join(core[start : start + size])
            if piece in _ALIAS_TO_CANONICAL:
                return _ALIAS_TO_CANONICAL[piece]
    if core[0] in _GOVERNMENT:
        return _COUNTRY_SIDE.get((country or "").upper(), f"government:{(country or '').upper()}")
    return joined


def same_side(a: str | None, b: str | None) -> bool | None:
    """True or False when both canonical sides are known, None when either is unknown."""
    if a is None or b is None:
        return None
    return a == b

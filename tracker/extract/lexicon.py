"""What a word is outside the sentence: a given name somewhere in the world, or an everyday English word.

A capitalised pair with no cue around it ("Baobab Towers named ...", "Tamika Ellsworth-Baptiste joins
...") reads either way from the sentence alone. Two facts about its words settle most such pairs:
people's names open with a given name, and companies' names end in everyday words ("Towers",
"Animation", "Signal") far more often than surnames do. Both come from maintained, offline packages:
Faker's per-locale given-name lists (MIT; about 30,000 names across some 80 locales) and wordfreq's
English frequencies (Apache-2.0). Both load lazily, once, on first use.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil

from wordfreq import zipf_frequency

# Zipf 3.5 is about one use in 300,000 words: "towers", "signal", "nine", "hydro"; most surnames sit below
# it ("holloway" 3.3, "mokoena" 1.5), the common ones that do not ("crane", "santos") follow a given name
EVERYDAY = 3.5
COMMON = 3.0

_GIVEN = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary", "first_romanized_names")
_FAMILY = ("last_names", "last_romanized_names")


@functools.cache
def _names(lists: tuple[str, ...]) -> frozenset[str]:
    import faker.providers.person as person

    names: set[str] = set()
    for info in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"{person.__name__}.{info.name}").Provider
        for attr in lists:
            found = getattr(provider, attr, None)
            if isinstance(found, (list, tuple, dict, set, frozenset)):
                names.update(str(n).lower() for n in found)
    return frozenset(names)


def given_name(word: str) -> bool:
    """ "Tamika", "Lars-Erik" (by its first part), "Sofía": a first name in some locale's list."""
    low = word.lower()
    names = _names(_GIVEN)
    return low in names or low.split("-")[0] in names


def surname(word: str) -> bool:
    """ "Jones", "Chen", "Das": a family name in some locale's list."""
    return word.lower() in _names(_FAMILY)


@functools.lru_cache(maxsize=65536)
def _zipf(word: str) -> float:
    return float(zipf_frequency(word.lower(), "en"))


def everyday(word: str) -> bool:
    """A word common in English prose, as a lower-case word or not."""
    return _zipf(word) >= EVERYDAY


def common(word: str) -> bool:
    """A word any English reader knows ("translational", "officiating"), if less everyday."""
    return _zipf(word) >= COMMON


def company_shaped(words: list[str]) -> bool:
    """A coined word in front and an everyday one at the end ("Baobab Towers", "Vanta Nine") names an
    organisation. A person's name opens with a given name ("Harold Kim"), or with a family name
    ("Zhou Min"), and its end is a family name ("Rumi Das") or a joined one ("Ellsworth-Baptiste");
    "Public Service" and "New York" open with an everyday word."""
    first, last = words[0], words[-1]
    if "-" in first or "-" in last or not first.isalpha() or not last.isalpha():
        return False
    if given_name(first) or surname(first) or everyday(first):
        return False
    # "Lior Ron", "Jony Ive": short words name people too
    return len(last) >= 4 and everyday(last) and not surname(last)

"""Mentions of people and organisations, found without a statistical tagger.

A capitalised span is typed from its own shape (legal suffixes, camel case, honorifics),
from what the article already knows (earlier full names, config aliases) and from the
slot it sits in ("at X", "X chief executive Y", "chief executive Y").
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import Literal

from tracker.extract.dates import MONTH_NAMES, WEEKDAYS
from tracker.extract.lexicon import common, company_shaped, everyday
from tracker.extract.places import COMPASS_WORDS, DEMONYMS, is_demonym, is_place, is_region
from tracker.extract.resolve import Resolver
from tracker.extract.roles import HONORIFIC_ABBREVIATIONS, TITLE_ABBREVIATIONS, TITLE_HEADS, TITLE_MODIFIERS

# OWNER: a person named only as the possessor of an organisation ("Elon Musk's xAI"); they make no move
Kind = Literal["PER", "ORG", "PRON", "ORGREF", "OWNER"]

_TOKEN = re.compile(r"\w+(?:[-.&]\w+|['’](?!s\b)\w+)*|['’]s\b|[^\w\s]")

# Capitalised words that never start or continue a name.
STOP_CAP = {
    # verbs of a title-case headline ("Veridian Therapeutics Appoints Anjali Raghunathan as CMO")
    "appoints",
    "names",
    "hires",
    "taps",
    "promotes",
    "welcomes",
    "announces",
    "elevates",
    "selects",
    "adds",
    "succession",
    "transition",
    "changes",
    "appointment",
    "appointments",
    "departure",
    "retirement",
    "resignation",
    "following",
    "amid",
    "despite",
    "separately",
    "additionally",
    "today",
    "yesterday",
    "tomorrow",
    "within",
    "without",
    "over",
    "once",
    "shortly",
    "elsewhere",
    "instead",
    "ultimately",
    "still",
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "after",
    "before",
    "but",
    "and",
    "or",
    "so",
    "as",
    "for",
    "with",
    "hours",
    "days",
    "weeks",
    "two",
    "three",
    "four",
    "five",
    "several",
    "sources",
    "analysts",
    "rumours",
    "rumors",
    "former",
    "chief",
    "senior",
    "meanwhile",
    "current",
    "outgoing",
    "incoming",
    "departing",
    "retiring",
    "among",
    "amongst",
    "ex-",
    "earlier",
    "later",
    "last",
    "this",
    "that",
    "these",
    "those",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "his",
    "her",
    "their",
    "its",
    "our",
    *HONORIFIC_ABBREVIATIONS,
    "sir",
    *WEEKDAYS,
    *(m for m in MONTH_NAMES if m != "may"),  # "May" is a name too
    *TITLE_ABBREVIATIONS,
    "president",
    "vice",
    "executive",
    "interim",
    "acting",
    "co-founder",
    "founder",
    "chairman",
    "chairwoman",
    "chair",
    "director",
    "head",
    "according",
    "if",
    "when",
    "while",
    "until",
    # a participle opening a profile sentence ("Born in Lagos, Bakare joined ...")
    "born",
    "raised",
    "educated",
    "trained",
    "unless",
    "whereas",
    "although",
    "though",
    "since",
    "during",
    "under",
    "by",
    "from",
    "to",
    "of",
    "not",
    "also",
    "however",
    "now",
    "then",
    "there",
    "here",
    "what",
    "who",
    "which",
    "why",
    "how",
    "people",
    "shares",
    "investors",
    "reports",
    "some",
    "many",
    "both",
    "all",
    "new",
    "one",
    "big",
    "another",
    "other",
    "co-ceo",
    "co-ceos",
    "ceos",
    "general",
    "partner",
    "researchers",
    "engineers",
    "executives",
    "staff",
    "employees",
    "officials",
    "representatives",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "departures",
    "hiring",
}
HONORIFICS = HONORIFIC_ABBREVIATIONS | {"sir", "dame", "lord", "lady"}
# Nouns that make a capitalised span an organisation ("Nimbus Labs", "Cadence Design Systems").
ORG_SUFFIX = {
    "inc",
    "re",  # reinsurers: "Swiss Re", "Hollister Re"
    "corp",
    "corporation",
    "co",
    "company",
    "companies",
    "ltd",
    "llc",
    "plc",
    "lp",
    "llp",
    "ag",
    "sa",
    "gmbh",
    "nv",
    "labs",
    "lab",
    "laboratories",
    "ai",
    "systems",
    "technologies",
    "technology",
    "tech",
    "group",
    "holdings",
    "platforms",
    "bank",
    "banks",
    "capital",
    "partners",
    "ventures",
    "health",
    "healthcare",
    "pharma",
    "pharmaceuticals",
    "therapeutics",
    "biologics",
    "resources",
    "minerals",
    "utilities",
    "biopharma",
    "genomics",
    "investors",
    "hospitals",
    "infirmary",
    "medicines",
    "limited",
    "biotech",
    "bio",
    "biosciences",
    "diagnostics",
    "medical",
    "media",
    "games",
    "gaming",
    "studios",
    "studio",
    "entertainment",
    "software",
    "motors",
    "cars",
    "trucks",
    "motor",
    "automotive",
    "energy",
    "power",
    "insurance",
    "logistics",
    "foods",
    "food",
    "shipping",
    "cloud",
    "data",
    "analytics",
    "robotics",
    "mobility",
    "networks",
    "network",
    "airlines",
    "airways",
    "air",
    "financial",
    "finance",
    "securities",
    "fund",
    "funds",
    "management",
    "university",
    "institute",
    "college",
    "school",
    "administration",
    "agency",
    "department",
    "ministry",
    "commission",
    "council",
    "foundation",
    "association",
    "society",
    "dynamics",
    "clinic",
    "hospital",
    "museum",
    "club",
    "industries",
    "international",
    "global",
    "solutions",
    "services",
    "consulting",
    "enterprises",
    "semiconductor",
    "semiconductors",
    "devices",
    "electronics",
    "instruments",
    "communications",
    "telecom",
    "wireless",
    "aerospace",
    "defense",
    "defence",
    "petroleum",
    "oil",
    "gas",
    "mining",
    "steel",
    "chemicals",
    "materials",
    "brands",
    "stores",
    "retail",
    "markets",
    "exchange",
    "trust",
    "investments",
    "advisors",
    "associates",
    "research",
    "intelligence",
    "computing",
    "security",
    "payments",
    "pay",
    "freight",
    "aviation",
    "rail",
    "railways",
    "pictures",
    "records",
    "publishing",
    "press",
    "news",
    "times",
    "post",
    "journal",
    "magazine",
    "bancorp",
    "bankshares",
    "realty",
    "properties",
    "hotels",
    "resorts",
    "airline",
    "cruises",
    "apparel",
    "works",
    # clubs, leagues and public bodies: "Manchester United", "Red Bull Racing", "Financial Conduct Authority"
    "united",
    "racing",
    "athletic",
    "rovers",
    "wanderers",
    "hotspur",
    "motorsport",
    "league",
    "federation",
    "authority",
    "bureau",
    "committee",
    "academy",
    "orchestra",
    "factory",
    "collective",
    "machines",
}
ORG_REF_NOUNS = {
    "fintech",
    "steelmaker",
    "planemaker",
    "toymaker",
    "shipbuilder",
    "homebuilder",
    "refiner",
    "grocer",
    "charity",
    "nonprofit",
    "hospital",
    "biotech",
    "drugmaker",
    "streamer",
    "broadcaster",
    "telecom",
    "supplier",
    "distributor",
    "consultancy",
    "automaker",
    "lab",
    "labs",
    "company",
    "firm",
    "startup",
    "start-up",
    "chipmaker",
    "maker",
    "lender",
    "bank",
    "group",
    "insurer",
    "retailer",
    "carmaker",
    "giant",
    "platform",
    "business",
    "studio",
    "laboratory",
    "network",
    "publisher",
    "developer",
    "organisation",
    "organization",
    "outfit",
    "conglomerate",
    "airline",
    "carrier",
    "manufacturer",
    "fund",
    "company's",
    "designer",
    "provider",
    "operator",
    "producer",
    "brewer",
    "miner",
    "exchange",
    "broker",
    "agency",
    "utility",
    "newspaper",
    "club",
    "franchise",
    "university",
    "college",
    "institute",
    "school",
    "regulator",
    "watchdog",
    "wholesaler",
    "reinsurer",
    "marketplace",
    "cooperative",
    "co-op",
    "dealership",
    "incubator",
    "accelerator",
    "chain",
}
_POSS_ORG_NOUNS = (
    TITLE_HEADS
    | TITLE_MODIFIERS
    | {
        "team",
        "board",
        "unit",
        "division",
        "group",
        "lab",
        "shares",
        "stock",
        "operations",
        "business",
        "staff",
    }
)
_PARTICLES = {
    "de",
    "van",
    "von",
    "der",
    "den",
    "bin",
    "al",
    "la",
    "le",
    "du",
    "da",
    "di",
    "dos",
    "do",
    "das",
    "del",
    "ter",
}
_HYPHEN_PARTICLES = frozenset({"al", "el", "ul", "bin", "ibn", "abu", "bint"})
_NAME_PREFIXES = ("mc", "mac", "de", "di", "le", "la", "van", "von", "du", "o", "da")
_GROUP_REFERENCES = frozenset({"trio", "pair", "duo", "quartet", "two", "three", "four"})
_PRONOUNS = {"he": False, "she": False, "him": False, "her": False, "they": True, "them": True}
_SLOT_ORG_BEFORE = {
    "leading",
    "running",
    "heading",
    "managing",
    "overseeing",
    "founded",
    "co-founded",
    "launched",
    "at",
    "from",
    "join",
    "joins",
    "joined",
    "joining",
    "rejoin",
    "rejoins",
    "rejoined",
    "rival",
    "left",
    "leave",
    "leaves",
    "leaving",
    "quit",
    "quits",
    "exit",
    "exits",
    "exited",
    "for",
    "to",
    "into",
    "within",
    "inside",
    "across",
}


_CAP_TITLES = (
    TITLE_HEADS
    | {
        "chief",
        "vice",
        "senior",
        "executive",
        "deputy",
        "interim",
        "acting",
        "managing",
        "operating",
        "marketing",
        "product",
        "operations",
        "officer",
        "may",
    }
) - {
    "partner",
    "fellow",
    "member",
    "principal",
    "producer",
    "designer",
    "developer",
    "architect",
    "boss",
}
_MODIFIER_SLOT = {
    "a",
    "an",
    "the",
    "longtime",
    "long-time",
    "veteran",
    "former",
    "ex",
    "onetime",
    "seasoned",
    "senior",
    "junior",
    "top",
}
_NOT_NOUN = {
    "after",
    "before",
    "since",
    "until",
    "about",
    "against",
    "between",
    "into",
    "through",
    "during",
    "without",
    "within",
    "over",
    "under",
    "but",
    "when",
    "while",
    "where",
    "whose",
    "because",
    "amid",
    "is",
    "was",
    "has",
    "had",
    "said",
    "says",
    "will",
    "would",
    "and",
    "or",
    "who",
    "which",
    "to",
    "of",
    "in",
    "on",
    "at",
    "for",
    "with",
    "as",
    "by",
    "from",
    "that",
    "are",
    "were",
    "have",
    "told",
    "joined",
    "left",
    "announced",
    "named",
    "appointed",
    "hired",
    "confirmed",
    "promoted",
    "elected",
    "tapped",
}


@dataclass
class Token:
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower()


@dataclass
class Mention:
    kind: Kind
    i: int
    j: int
    text: str
    name: str
    plural: bool = False
    owner: str = ""  # ORGREF only: the person whose company this is ("Mark Zuckerberg's company")


def tokenize(sentence: str) -> list[Token]:
    out: list[Token] = []
    for m in _TOKEN.finditer(sentence):
        word = m.group(0)
        if len(word) > 3 and word[:3].lower() == "ex-" and word[3].isupper():
            # "Ex-Tesla Autopilot chief X": the prefix marks a former job; the rest names the employer
            out.append(Token(word[:3], m.start(), m.start() + 3))
            out.append(Token(word[3:], m.start() + 3, m.end()))
        else:
            out.append(Token(word, m.start(), m.end()))
    return out


def _acronym_modifier(tokens: list[Token], e: int) -> bool:
    """ "AI" in "the AI coding startup": a short all-capital word followed by a lower-case word."""
    t = tokens[e].text
    return 2 <= len(t) <= 3 and t.isalpha() and t.isupper() and e + 1 < len(tokens) and tokens[e + 1].text.islower()


def _is_cap(tok: str) -> bool:
    if not tok or not tok[0].isalpha():
        return False
    if tok[0].isupper():
        low = tok.lower()
        if re.match(r"(?:i|we|you|they|he|she|it|let|that|there|here|what|who)['’]", low):
            return False  # "We'll see.", "It's": a contraction, not a name
        # "Chief Executive Officer Paul Hendricks": capitalised title words are not part of a name
        return low not in STOP_CAP and low not in _CAP_TITLES and not low.endswith("-based")
    # "Yusuf al-Rashid", "Amr el-Sayed": a lower-case Arabic particle joined to a surname
    head, _, rest = tok.partition("-")
    if head in _HYPHEN_PARTICLES and rest[:1].isupper():
        return True
    # eBay, xAI, iRobot (but not "co-CEOs")
    return (
        len(tok) > 1
        and "-" not in tok
        and any(c.isupper() for c in tok[1:])
        and tok[0].islower()
        and tok.lower() not in TITLE_HEADS
    )


def _camel(tok: str) -> bool:
    """DeepMind, OpenAI, YouTube: a capital after a lowercase run, not a Mc/Mac/De name prefix."""
    m = re.match(r"^([A-Z][a-z]{1,})([A-Z])", tok)
    if not m:
        return tok.startswith(("i", "e", "x")) and len(tok) > 1 and tok[1:2].isupper()
    return m.group(1).lower() not in _NAME_PREFIXES


def _title_run_then_name(tokens: list[Token], j: int) -> bool:
    """True when the span is followed by a job title and then a capitalised name."""
    k = j
    seen_head = False
    while k < len(tokens) and k - j < 5:
        low = tokens[k].low
        if low in TITLE_HEADS:
            seen_head = True
        elif low not in TITLE_MODIFIERS:
            break
        k += 1
    return seen_head and k < len(tokens) and tokens[k].text[:1].isupper() and tokens[k].low not in STOP_CAP


_DEPARTMENTS = frozenset(
    {
        "engineering",
        "marketing",
        "sales",
        "product",
        "products",
        "operations",
        "finance",
        "research",
        "technology",
        "design",
        "communications",
        "strategy",
        "people",
        "policy",
        "security",
        "growth",
        "partnerships",
        "infrastructure",
        "safety",
    }
)
# Words that make up a department's name in a capitalised title ("Head of Fixed Income", "Chief Investment
# Officer, Credit"): with only these words, the span is part of the title, not an employer.
_DEPARTMENT_WORDS = _DEPARTMENTS | frozenset(
    {
        "fixed",
        "income",
        "equities",
        "equity",
        "credit",
        "legal",
        "compliance",
        "risk",
        "treasury",
        "tax",
        "audit",
        "data",
        "analytics",
        "digital",
        "human",
        "resources",
        "investor",
        "relations",
        "clinical",
        "development",
        "regulatory",
        "affairs",
        "medical",
        "commercial",
        "supply",
        "chain",
        "manufacturing",
        "content",
        "talent",
        "wealth",
        "asset",
        "management",
        "investments",
        "private",
        "global",
        "corporate",
        "client",
        "customer",
        "experience",
        "brand",
        "trading",
        "lending",
        "banking",
        "underwriting",
        "lines",
        "litigation",
        "restructuring",
        "disputes",
        "employment",
        "programming",
        "editorial",
        "and",
        "&",
    }
)


def _department(tokens: list[Token], i: int, j: int) -> bool:
    """A span of department words inside a title: after it ("Head of Fixed Income", "Officer, Credit"),
    between "Chief" and "Officer" ("Chief Underwriting Officer"), or before a lower-case title at the
    opening of a sentence ("Corporate partner X")."""
    if tokens[j - 1].low in ("and", "&"):
        return False
    start = i
    while start >= 2 and tokens[start - 1].low in ("and", "&") and _is_cap(tokens[start - 2].text):
        start -= 2  # "Vice President of Safety and Compliance": the second unit of a pair
        while start >= 1 and _is_cap(tokens[start - 1].text) and tokens[start - 1].low not in TITLE_HEADS:
            start -= 1
    after_title = start >= 2 and tokens[start - 1].low in ("of", ",") and tokens[start - 2].low in TITLE_HEADS
    if after_title and tokens[start - 2].text[:1].isupper() and _common_unit(tokens, start, j):
        return True  # "Senior Vice President, Translational Medicine", "Director of Patient Care Services"
    if not all(t.low in _DEPARTMENT_WORDS for t in tokens[i:j]):
        return False
    inside = i > 0 and tokens[i - 1].low == "chief" and j < len(tokens) and tokens[j].low == "officer"
    opening = i == 0 and j < len(tokens) and tokens[j].text.islower() and tokens[j].low in TITLE_HEADS
    return after_title or inside or opening


def _common_unit(tokens: list[Token], i: int, j: int) -> bool:
    """Everyday words after a capitalised title ("Patient Care Services", "Officiating") name the unit;
    a coined or suffixed word ("Harbor Bancorp", "Meridian Freightways") names an employer."""
    words = [t.text for t in tokens[i:j] if t.low not in ("and", "&")]
    if tokens[i - 1].low == "of" and any(w.lower() in ORG_SUFFIX for w in words):
        return False
    return all(len(w) >= 3 and w.isalpha() and common(w) for w in words)


_MONTH_ABBR = frozenset({"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"})


_LOCATIVE = frozenset({"in", "across", "throughout", "around", "near", "outside", "inside"})


def _located(tokens: list[Token], i: int, found: Mention, people: KnownPeople) -> bool:
    """A place, not a person or an employer: a name of two words or more that the gazetteer lists as a
    place and no one in the article bears, or any listed place written after "in", "across" (past compass
    words: "across northern New England"). A bare town name elsewhere stays: companies share them."""
    if found.kind == "PER" and found.j - found.i > 1 and is_region(found.text):
        return True
    if found.kind not in ("PER", "ORG") or found.name != found.text or not is_place(found.text):
        return False
    if found.kind == "PER":
        return found.j - found.i > 1 and not people.lookup(found.text)
    k = i - 1
    while k >= 0 and tokens[k].low in _PLACE_MODIFIERS:
        k -= 1
    return k >= 0 and tokens[k].low in _LOCATIVE


# "across northern New England", "in downtown Chicago": words that narrow a place, not an employer's name
_PLACE_MODIFIERS = COMPASS_WORDS | {"downtown", "greater", "rural"}


def _new_place(tokens: list[Token], i: int) -> bool:
    """ "New York", "New Zealand": "New" opens a place's name, though it usually opens none ("New CEO")."""
    return (
        tokens[i].text == "New"
        and i + 1 < len(tokens)
        and _is_cap(tokens[i + 1].text)
        and (
            is_place("New " + tokens[i + 1].text)
            or (i + 2 < len(tokens) and is_place(f"New {tokens[i + 1].text} {tokens[i + 2].text}"))
        )
    )


_SECTION_LABELS = frozenset(
    {"in", "out", "up", "down", "moves", "hires", "hired", "departures", "departing", "arrivals", "exits", "exit"}
    | {"promotions", "promoted", "appointments", "appointed", "people", "personnel", "also", "plus", "elsewhere"}
)
_PLACE_ABBR = frozenset({"St", "Ste", "Mt", "Ft", "Pt"})  # Saint, Mount, Fort, Port


def _cap_spans(tokens: list[Token]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    i = 0
    n = len(tokens)
    while i < n:
        # "Chipmaker Kestrel Micro said": a capitalised common noun opening the sentence is not a name
        if i == 0 and tokens[0].low in ORG_REF_NOUNS and n > 1 and _is_cap(tokens[1].text):
            i = 1
            continue
        if i == 0 and tokens[0].low in _SECTION_LABELS and n > 1 and tokens[1].text == ":":
            i = 2  # "Out: X is out as chief executive": a newsletter's section label, not a name
            continue
        bar = next((k for k in range(1, min(n, 5)) if tokens[k].text in ("|", "//")), None)
        if i == 0 and bar is not None and all(t.text.isupper() for t in tokens[:bar]):
            i = bar + 1  # "PEOPLE MOVES | Ledgerwise has ...": a section label in capitals before a bar
            continue
        if tokens[i].low in _MONTH_ABBR and i + 1 < n and (tokens[i + 1].text == "." or tokens[i + 1].text.isdigit()):
            i += 1  # "effective Dec. 1": a date, not a name
            continue
        # "General Motors", "Senior Living Bank": a capitalised common word before an organisation suffix
        lead = (
            tokens[i].text[:1].isupper()
            and tokens[i].text.isalpha()
            and (tokens[i].low in _CAP_TITLES or tokens[i].low in ("general", "united", "national", "first", "royal"))
            and i + 1 < n
            and tokens[i + 1].low in ORG_SUFFIX
            and tokens[i + 1].text[:1].isupper()
        ) or _new_place(tokens, i)
        if tokens[i].low in HONORIFICS and i + 1 < n and _is_cap(tokens[i + 1].text):
            i += 1  # "Dame Emma Walmsley", "Sir Martin Sorrell": the honorific is not part of the name
            continue
        if lead or _is_cap(tokens[i].text):
            j = i + 1
            while j < n:
                t = tokens[j].text
                if _is_cap(t):
                    j += 1
                elif (t.lower() in _PARTICLES or t == "&") and j + 1 < n and _is_cap(tokens[j + 1].text):
                    j += 2
                elif t == "and" and _agency_and(tokens, i, j):
                    j += 2  # "Securities and Futures Commission", "Competition and Markets Authority"
                elif t == "." and tokens[j - 1].text in _PLACE_ABBR and j + 1 < n and _is_cap(tokens[j + 1].text):
                    j += 2  # "St. Aldric Medical Center", "Mt. Sinai": the abbreviation is part of the name
                elif (
                    len(t) == 1
                    and t.isupper()
                    and j + 2 < n
                    and tokens[j + 1].text == "."
                    and _is_cap(tokens[j + 2].text)
                ):
                    j += 2  # "Richard A. Lowe": a middle initial that reads like the article "A"
                elif (
                    t.lower() in _PARTICLES
                    and j + 2 < n
                    and tokens[j + 1].low in _PARTICLES
                    and _is_cap(tokens[j + 2].text)
                ):
                    j += 3  # "Sophie van der Merwe", "Maria de la Cruz"
                # "Alan M. Garber", "L. Rafael Reif", "A.G. Lafley": initials inside a name; but in "said
                # on X. Kovac joined" a one-letter name after a preposition ends the sentence
                elif (
                    t == "."
                    and _initial(tokens[j - 1].text)
                    and j + 1 < n
                    and (
                        _is_cap(tokens[j + 1].text)
                        # "J.P. van der Berg": a surname's particles after the initials
                        or (
                            tokens[j + 1].low in _PARTICLES
                            and any(_is_cap(tk.text) for tk in tokens[j + 2 : j + 4])
                            and all(tk.low in _PARTICLES or _is_cap(tk.text) for tk in tokens[j + 2 : j + 4])
                        )
                    )
                    and not (j - 1 == i and i > 0 and tokens[i - 1].low in ("on", "at", "in", "via", "to", "from"))
                ):
                    j += 1
                elif t == "." and tokens[j - 1].low in _NAME_SUFFIXES:
                    j += 1  # "Paul Lindqvist Jr."
                elif t == "." and tokens[j - 1].low in ("u.s", "u.k") and j + 1 < n and _is_cap(tokens[j + 1].text):
                    j += 1  # "U.S. Steel", "U.K. Power Networks"
                elif t[:1].isupper() and t.lower() in _NUMBER_WORDS:
                    j += 1  # "Formula One", "Channel Four": a number word inside a name
                elif (
                    t.lower() in ("general", "national", "royal", "united", "first")
                    and j + 1 < n
                    and tokens[j + 1].low in ORG_SUFFIX
                    and tokens[j + 1].text[:1].isupper()
                ):
                    j += 1  # "Harlow General Hospital", "Bank of Ireland First Trust"
                else:
                    break
            j = _of_name(tokens, i, j)
            spans.append((i, j))
            i = j
        else:
            i += 1
    return spans


# Words that open the "<X> and <Y> <Body>" names of agencies ("Food and Drug Administration")
_AGENCY_AND = frozenset(
    {"securities", "food", "health", "science", "research", "competition", "trade", "arts", "standards", "energy"}
)


def _agency_and(tokens: list[Token], i: int, j: int) -> bool:
    """ "Securities and Futures Commission": "and" inside an agency's name, whose last word is a body."""
    if j - i != 1 or tokens[i].low not in _AGENCY_AND:
        return False
    k = j + 1
    while k < len(tokens) and k - j <= 3 and _is_cap(tokens[k].text):
        k += 1
    return k > j + 1 and tokens[k - 1].low in ORG_SUFFIX | {"administration", "commission", "services"}


_NUMBER_WORDS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"})


# Institutions named "<head> of <name>": "University of Pennsylvania", "Bank of New York Mellon",
# "Massachusetts Institute of Technology", "First National Bank of Omaha".
_OF_HEADS = frozenset(
    {
        "bank",
        "university",
        "institute",
        "college",
        "school",
        "academy",
        "museum",
        "council",
        "commission",
        "department",
        "ministry",
        "federation",
        "association",
        "society",
        "bureau",
        "agency",
        "authority",
        "office",
        "center",
        "centre",
        "alliance",
        "coalition",
        "fund",
        "foundation",
        "hospital",
        "corporation",
        "company",
        "church",
        "republic",
    }
)
# Government bodies whose "of" names a portfolio that may join two fields with "and"
_PORTFOLIO_HEADS = frozenset({"department", "ministry", "office", "bureau", "commission", "agency", "secretary"})
# "Chairman of the Board of Directors": bodies of an organisation, not its name
_OF_BODIES = frozenset({"directors", "trustees", "governors", "regents", "overseers"})


def _of_name(tokens: list[Token], i: int, j: int) -> int:
    """Extend the name ``tokens[i:j]`` over "of <name>" when the whole is one institution's name: an
    institution noun before "of" ("Bank of America"), or a one-word or suffixed name before a place
    ("Nintendo of America", "Sakura Games of America"). "Lisa Su of AMD" stays two names: neither holds."""
    n = len(tokens)

    def word(k: int) -> bool:  # "New" opens no name, but continues "Bank of New York"
        return k < n and tokens[k].text[:1].isupper() and tokens[k].text.isalpha()

    def the(k: int) -> int:  # "Office of the Comptroller of the Currency": an institution's "of the"
        return 1 if tokens[j - 1].low in _OF_HEADS and k < n and tokens[k].low == "the" and word(k + 1) else 0

    # "Foundation for Journalism and Democracy", "Center for Law and Policy": an institution "for" a cause
    purpose = j + 1 < n and tokens[j].low == "for" and tokens[j - 1].low in _OF_HEADS and word(j + 1)
    while j + 1 < n and (tokens[j].low == "of" or purpose) and word(j + 1 + the(j + 1)):
        # "Department of Insurance and Financial Regulation", "Ministry of Trade and Industry"
        links = ("of", "&", "and") if purpose or tokens[j - 1].low in _PORTFOLIO_HEADS else ("of", "&")
        purpose = False
        k = j + 1 + the(j + 1)
        while word(k) or (k < n and tokens[k].low in links and word(k + 1 + the(k + 1))):
            k += 1 + (the(k + 1) if tokens[k].low == "of" else 0)
        right = [t.text for t in tokens[j + 1 : k] if t.low != "the"]
        if right[-1].lower() in _OF_BODIES:
            break
        if tokens[j - 1].low in _OF_HEADS or (
            (j - i == 1 or tokens[j - 1].low in ORG_SUFFIX) and is_place(" ".join(right))
        ):
            j = k
        else:
            break
    return j


_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _initial(tok: str) -> bool:
    """ "M", "A.G": initials of a given name (but "U.S" is a country)."""
    return re.fullmatch(r"[A-Z](?:\.[A-Z])*", tok) is not None and tok.lower() not in _DEMONYMS


def _fold_particles(parts: list[str]) -> list[str]:
    """ "De Meo" opening a sentence is the "de Meo" of "Luca de Meo": particles compare in lower case."""
    return [p.lower() if p.lower() in _PARTICLES else p for p in parts]


class KnownPeople:
    """Full names seen so far in the article, so surnames and first names map back to them."""

    def __init__(self) -> None:
        self.full: list[str] = []
        # names a slot showed to be organisations ("chief executive of Barry Callebaut"), so the same
        # two words opening a later sentence are not read as a person's name
        self.orgs: set[str] = set()
        # names some sentence of the article shows to be organisations, found before reading it in order
        # ("Open Ledger veterans strike out" is read knowing "the Open Ledger Project's staff" comes later)
        self.article_orgs: set[str] = set()

    def org_named(self, text: str) -> bool:
        """The span is, or opens, an organisation's name seen anywhere in the article."""
        return any(name == text or name.startswith(text + " ") for name in self.article_orgs)

    def add(self, name: str) -> None:
        if name in self.full:
            self.full.remove(name)
        self.full.append(name)

    def forget(self, name: str) -> None:
        """A name taken for a person that a later slot shows to be an organisation."""
        if name in self.full:
            self.full.remove(name)
        self.orgs.add(name)

    def lookup(self, text: str) -> str | None:
        parts = _fold_particles(text.split())
        for name in reversed(self.full):
            nparts = _fold_particles([p for p in name.split() if p.rstrip(".").lower() not in _NAME_SUFFIXES])
            if text == name:
                return name
            if len(parts) == 1 and (parts[0] == nparts[-1] or (len(nparts) > 1 and parts[0] == nparts[0])):
                return name
            if len(parts) >= 2 and parts[-1] == nparts[-1] and parts[0] == nparts[0]:
                return name
            if 2 <= len(parts) < len(nparts) and nparts[-len(parts) :] == parts:
                return name  # "Wolfe Herd" after "Whitney Wolfe Herd"
        return self._first_surname(parts) or self._short_form(parts)

    def _first_surname(self, parts: list[str]) -> str | None:
        """ "Ospina" after "María Fernanda Ospina Restrepo": the first of two surnames names the one person
        whose name has it inside, past the given name."""
        if len(parts) != 1 or len(parts[0]) < 3 or not parts[0][:1].isupper():
            return None
        found = {n for n in self.full if parts[0] in _fold_particles(n.split())[1:-1]}
        return found.pop() if len(found) == 1 else None

    def _short_form(self, parts: list[str]) -> str | None:
        """ "Rob" after "Robert J. Kessler Jr.": a given name cut short names the one person it can."""
        if (
            len(parts) != 1
            or len(parts[0]) < 3
            or not parts[0].isalpha()
            or any(m.startswith(parts[0].lower()) for m in MONTH_NAMES)
        ):
            return None
        found = {
            n
            for n in self.full
            if len(n.split()) > 1 and n.split()[0].startswith(parts[0]) and n.split()[0] != parts[0]
        }
        return found.pop() if len(found) == 1 else None


def find_mentions(tokens: list[Token], sentence: str, resolver: Resolver, people: KnownPeople) -> list[Mention]:
    """Type every capitalised span, pronoun and organisation reference in one sentence."""
    mentions: list[Mention] = []
    taken: set[int] = set()
    low_sentence = sentence.lower()
    # organisations named by description only ("the ChatGPT maker"), from config aliases
    # canonical names too, longest first, so an alias inside a longer configured name ("DeepMind"
    # in "Google DeepMind") never splits that name
    aliases = resolver.org_aliases()
    named = {**aliases, **{canonical: canonical for canonical in aliases.values()}}
    for alias, canonical in sorted(named.items(), key=lambda kv: -len(kv[0])):
        for m in re.finditer(r"(?<!\w)" + re.escape(alias.lower()) + r"(?!\w)", low_sentence):
            idx = [k for k, t in enumerate(tokens) if t.start >= m.start() and t.end <= m.end()]
            if idx and not taken.intersection(idx):
                mentions.append(Mention("ORG", idx[0], idx[-1] + 1, sentence[m.start() : m.end()], canonical))
                taken.update(idx)
    # "the iPhone maker", "the Instagram owner": a description, not the product's name
    for k, tok in enumerate(tokens[:-2]):
        if tok.low != "the" or k in taken:
            continue
        e = k + 1
        caps = 0
        while e < len(tokens) and e - k <= 4 and _is_cap(tokens[e].text) and tokens[e].low not in ORG_SUFFIX:
            caps += 1
            e += 1
        while e < len(tokens) and e - k <= 5 and tokens[e].text[:1].islower() and tokens[e].low not in ORG_REF_NOUNS:
            e += 1
        # "the Toronto company": a place, unlike a product, describes any organisation noun
        located = caps > 0 and is_place(" ".join(t.text for t in tokens[k + 1 : k + 1 + caps]))
        if (
            1 <= caps <= 2
            and e < len(tokens)
            and tokens[e].low in ORG_REF_NOUNS
            and tokens[e].text[:1].islower()
            and (located or tokens[e].low not in ("company", "group"))
            and not taken.intersection(range(k, e + 1))
        ):
            mentions.append(Mention("ORGREF", k, e + 1, " ".join(t.text for t in tokens[k : e + 1]), ""))
            taken.update(range(k, e + 1))
    for i, j in _cap_spans(tokens):
        if taken.intersection(range(i, j)):
            continue
        if j - i == 1 and not _standalone(tokens, i, resolver, people):
            continue
        if j < len(tokens) and tokens[j].low in _CAP_TITLES and all(t.low in TITLE_MODIFIERS for t in tokens[i:j]):
            continue  # "Chief Commercial Officer": a capitalised title, not a name inside it
        after = j + 1 if j < len(tokens) and tokens[j].text == "." else j  # "U.S. business"
        if (
            j - i == 1
            and (tokens[i].low in _DEMONYMS or is_demonym(tokens[i].text))
            and after < len(tokens)
            and tokens[after].text[:1].islower()
        ):
            continue  # "head of Asian equities", "the European business": an adjective, not an organisation
        if _department(tokens, i, j):
            continue  # "Head of Fixed Income": a department named inside a capitalised title
        if _place_before_name(tokens, i, j) and not people.lookup(_span_text(tokens, i, j)):
            continue  # "Helsinki broadcaster Kanava Nord": the place locates the organisation named next
        found = _classify(tokens, i, j, resolver, people)
        if found.kind == "ORG" and found.name == found.text and is_region(found.text):
            continue  # "Britain's regulator", "head of the Americas": a country or region employs nobody here
        if _located(tokens, i, found, people):
            continue  # "earned her doctorate in Madrid", "its Los Angeles studio": where, not who or for whom
        if i > 0 and tokens[i - 1].text == "," and _span_text(tokens, i, j).replace(".", "").lower() in _POST_NOMINALS:
            continue  # "Anjali Raghunathan, M.D., Ph.D.": degrees after a name, not employers
        body = _board_body(tokens, i)
        if body:
            taken.update(range(i, body))
            continue  # "will chair the Audit Committee": a body of the company's board, not an employer
        mentions.append(found)
    for k, tok in enumerate(tokens):
        if k in taken:
            continue
        low = tok.low
        if low in _PRONOUNS:
            mentions.append(Mention("PRON", k, k + 1, tok.text, "", plural=_PRONOUNS[low]))
        elif low in ("it", "its") and (k + 1 < len(tokens)):
            mentions.append(Mention("ORGREF", k, k + 1, tok.text, ""))
        elif low == "the" and k not in taken:
            e = k + 1
            # "the AI coding startup": a short acronym modifies the noun like a lower-case word
            while e < len(tokens) and e - k <= 3 and (tokens[e].text[:1].islower() or _acronym_modifier(tokens, e)):
                if tokens[e].low in ORG_REF_NOUNS and not (e + 1 < len(tokens) and tokens[e + 1].low == "of"):
                    mentions.append(Mention("ORGREF", k, e + 1, " ".join(t.text for t in tokens[k : e + 1]), ""))
                    break
                e += 1
    # "The trio had joined OpenAI", "the pair said": a definite group noun refers back to the last group
    for k, tok in enumerate(tokens[:-1]):
        if (
            tok.low == "the"
            and tokens[k + 1].low in _GROUP_REFERENCES
            and not taken.intersection((k, k + 1))
            and not any(m.i <= k + 1 < m.j for m in mentions)
        ):
            mentions = [m for m in mentions if not (m.kind == "ORGREF" and m.i == k)]
            mentions.append(Mention("PRON", k, k + 2, f"{tok.text} {tokens[k + 1].text}", "", plural=True))
    # "The researcher, who ..., will join X": a definite title opening a sentence refers back to a person
    if len(tokens) > 2 and tokens[0].low == "the" and 0 not in taken:
        e = 1
        while e < len(tokens) and e <= 4 and tokens[e].text[:1].islower() and tokens[e].low not in TITLE_HEADS:
            e += 1
        if (
            e < len(tokens)
            and e <= 4
            and tokens[e].low in (TITLE_HEADS - {"founders", "co-founders", "executives", "engineers", "researchers"})
            and tokens[e].low not in ORG_REF_NOUNS
            and not (e + 1 < len(tokens) and tokens[e + 1].low in ("of", "'s", "’s"))
            and not any(m.i <= e < m.j for m in mentions)
        ):
            mentions = [m for m in mentions if not (m.kind == "ORGREF" and m.i == 0)]
            mentions.append(Mention("PRON", 0, e + 1, " ".join(t.text for t in tokens[: e + 1]), ""))
    # tickers and wire credits in parentheses ("(NASDAQ: ACMD)", "(Reuters)") are not actors
    depth = 0
    inside: set[int] = set()
    for k, tok in enumerate(tokens):
        if tok.text == "(":
            depth += 1
        elif tok.text == ")":
            depth = max(0, depth - 1)
        elif depth:
            inside.add(k)
    mentions = [m for m in mentions if m.i not in inside]
    # "said on X", "in a post on LinkedIn": the medium of a statement is not an actor
    mentions = [
        m
        for m in mentions
        if not (m.kind == "ORG" and m.i >= 2 and tokens[m.i - 1].low == "on" and tokens[m.i - 2].low in _MEDIUM_BEFORE)
    ]
    mentions.sort(key=lambda m: m.i)
    _new_company_appositive(tokens, mentions)
    _indefinite_venture_appositive(tokens, mentions)
    _titled_possessor(tokens, mentions)
    _promote_subject_orgs(tokens, mentions)
    _person_possessor(tokens, mentions, resolver, people)
    _shared_surname(tokens, mentions, resolver)
    _lowercase_brands(tokens, mentions, people)
    return mentions


# Words that follow "startup", "founded" or open a sentence in lower case without naming a brand
_NOT_BRAND = frozenset(
    {
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "nor",
        "so",
        "yet",
        "if",
        "as",
        "at",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "onto",
        "to",
        "with",
        "without",
        "within",
        "via",
        "per",
        "that",
        "this",
        "these",
        "those",
        "which",
        "who",
        "whom",
        "whose",
        "where",
        "when",
        "while",
        "than",
        "then",
        "there",
        "here",
        "now",
        "today",
        "yesterday",
        "tomorrow",
        "also",
        "alone",
        "itself",
        "themselves",
        "together",
        "again",
        "earlier",
        "later",
        "last",
        "next",
        "first",
        "once",
        "soon",
        "still",
        "is",
        "was",
        "are",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "will",
        "would",
        "could",
        "should",
        "can",
        "may",
        "might",
        "must",
        "do",
        "does",
        "did",
        "said",
        "says",
        "told",
        "its",
        "their",
        "his",
        "her",
        "he",
        "she",
        "they",
        "it",
        "we",
        "our",
        "you",
        "i",
        "one",
        "two",
        "three",
        "four",
        "five",
        "several",
        "many",
        "more",
        "most",
        "less",
        "about",
        "over",
        "under",
        "after",
        "before",
        "since",
        "during",
        "until",
        "around",
        "across",
        "behind",
        "between",
        "among",
        "years",
        "year",
        "months",
        "month",
        "weeks",
        "week",
        "decades",
        "decade",
        "days",
        "back",
        "out",
        "up",
        "down",
        "off",
        "away",
        "called",
        "named",
        "dubbed",
        "known",
        "based",
        "backed",
        "valued",
        "worth",
        "what",
        "how",
        "why",
        "not",
        "no",
        "all",
        "some",
        "any",
        "each",
        "every",
        "both",
        "other",
        "such",
        "own",
        "just",
        "only",
        "even",
        "too",
        "very",
        "really",
        "already",
        "recently",
        "instead",
        "early",
        "late",
        "ago",
        "new",
        "old",
        "big",
        "small",
    }
)


LEGAL_FORMS = frozenset(
    {"gmbh", "inc", "ltd", "llc", "ag", "sa", "nv", "plc", "ab", "oy", "bv", "corp", "se", "spa", "co", "limited"}
)


def _brand_word(tok: Token) -> bool:
    t = tok.text
    return (
        len(t) >= 3
        and t[:1].isalpha()
        and t[:1].islower()
        and all(c.isalnum() or c in ".-" for c in t)
        and tok.low not in _NOT_BRAND
        and tok.low not in ORG_REF_NOUNS
        and tok.low not in TITLE_HEADS
        and not tok.low.endswith(("ed", "ing", "ly", "'s"))
    )


def _lowercase_brands(tokens: list[Token], mentions: list[Mention], people: KnownPeople) -> None:
    """ "flowmatik, the Berlin startup, ...", "digital bank bunq", "co-founded lumé in 2017": a brand
    written in lower case, known by a slot that only an organisation fills; the article remembers it so
    its later mentions are organisations too."""
    taken = {k for m in mentions for k in range(m.i, m.j)}
    n = len(tokens)
    for k, tok in enumerate(tokens):
        if k in taken or not _brand_word(tok):
            continue
        prev = tokens[k - 1] if k > 0 else None
        nxt = tokens[k + 1] if k + 1 < n else None
        suffixed = nxt is not None and nxt.text[:1].isupper() and nxt.low.rstrip(".") in LEGAL_FORMS
        slot = (
            tok.text in people.orgs
            or suffixed
            # a sentence opening in lower case with its subject, then an appositive or a verb
            or (k == 0 and nxt is not None and (nxt.text == "," or nxt.low in ("has", "is", "said", "says", "will")))
            # "digital bank bunq", "the startup lumio": a description's noun, then the name
            or (
                prev is not None
                and prev.low in ORG_REF_NOUNS
                and k >= 2
                # "digital bank bunq", but not "investing in developer tools"
                and tokens[k - 2].text[:1].islower()
                and tokens[k - 2].low not in _NOT_BRAND
                and not tok.low.endswith("s")
                and nxt is not None
                and (nxt.text in (",", ".") or nxt.low in ("as", "in", "on", "and", "'s", "’s", "since", "where"))
            )
            # "co-founded lumé that year", "launched flowmatik in 2018"
            or (
                prev is not None
                and prev.low in ("co-founded", "cofounded", "founded", "co-found", "found")
                and nxt is not None
                and (nxt.text in (",", ".") or nxt.low in ("in", "that", "with", "last", "this", "as", "and"))
            )
        )
        if not slot:
            continue
        j = k + 2 if suffixed else k + 1
        mentions.append(Mention("ORG", k, j, " ".join(t.text for t in tokens[k:j]), tok.text))
        people.orgs.add(tok.text)
    mentions.sort(key=lambda m: m.i)


def _shared_surname(tokens: list[Token], mentions: list[Mention], resolver: Resolver) -> None:
    """ "Tomasz and Jana Podolski co-founded X": a lone given name before "and" and a full name shares its
    surname; it is a person, not an organisation."""
    for a, b in itertools.pairwise(mentions):
        if (
            a.kind == "ORG"
            and a.j - a.i == 1
            and a.name == a.text
            and b.kind == "PER"
            and b.i == a.j + 1
            and tokens[a.j].low == "and"
            and len(b.name.split()) == 2
            and not resolver.known_org(a.text)
            and a.text.isalpha()
            and a.text[1:].islower()
            and a.text.lower() not in ORG_SUFFIX
        ):
            a.kind, a.name = "PER", f"{a.text} {b.name.split()[-1]}"


# Nouns for a company a person owns or runs ("Mira Murati's startup", "Jeff Bezos's rocket company")
_OWNED_NOUNS = frozenset({"company", "startup", "start-up", "firm", "lab", "laboratory", "venture", "outfit"})


def _person_possessor(tokens: list[Token], mentions: list[Mention], resolver: Resolver, people: KnownPeople) -> None:
    """ "Elon Musk's xAI", "departing Mira Murati's startup", "joined Mark Zuckerberg's company": a person
    named as the possessor of an organisation only identifies it; the organisation is the employer and
    the possessor makes no move. The possessor becomes an OWNER; a possessed common noun becomes an ORGREF
    carrying its owner, resolved later from what the article says about them."""
    n = len(tokens)
    added: list[Mention] = []
    merged: list[Mention] = []
    for m in mentions:
        if m in merged or m.kind not in ("PER", "ORG") or m.j + 1 >= n or tokens[m.j].low not in ("'s", "’s"):
            continue
        words = m.text.split()
        known = people.lookup(m.text)
        shaped = (
            2 <= len(words) <= 3
            and all(w.isalpha() and w[:1].isupper() and w[1:].islower() for w in words)
            and not any(w.lower() in ORG_SUFFIX for w in words)
        )
        if resolver.known_org(m.text) or not (known or (m.kind == "PER" and len(words) >= 2) or shaped):
            continue
        k = m.j + 1
        nxt = next((x for x in mentions if x.i == k), None)
        if nxt is not None and nxt.kind == "ORG" and words[0].rstrip(".").lower() in ("st", "saint"):
            # "St Aldhelm's University Hospitals", "St John's College": a saint's name opens an institution's
            m.kind, m.j = "ORG", nxt.j
            m.text = m.name = _span_text(tokens, m.i, m.j)
            merged.append(nxt)
            continue
        if nxt is not None and nxt.kind == "ORG":
            m.kind, m.name = "OWNER", known or m.text
            continue
        if tokens[k].low in ("new", "own", "latest", "former"):
            continue  # "Ilya Sutskever's new company, X": a founding, read elsewhere
        e = k
        while (
            e < min(n, k + 3)
            and tokens[e].low not in _OWNED_NOUNS
            and (tokens[e].text[:1].islower() or (tokens[e].text.isupper() and len(tokens[e].text) <= 3))
        ):
            e += 1
        if e >= n or tokens[e].low not in _OWNED_NOUNS or any(x.i <= e < x.j or k <= x.i <= e for x in mentions):
            continue
        if e + 1 < n and tokens[e + 1].low == "of":
            continue
        m.kind, m.name = "OWNER", known or m.text
        if not any(x.i == e + 1 and x.kind == "ORG" for x in mentions):  # "rocket company Blue Origin" names it
            text = " ".join(t.text for t in tokens[k : e + 1])
            added.append(Mention("ORGREF", k, e + 1, text, "", owner=m.name))
    for x in merged:
        mentions.remove(x)
    mentions.extend(added)
    mentions.sort(key=lambda x: x.i)


_PERSONAL_RELATIONS = frozenset(
    {"deputy", "aide", "protégé", "protege", "lieutenant", "right-hand", "wife", "husband", "son", "daughter"}
)


def _titled_possessor(tokens: list[Token], mentions: list[Mention]) -> None:
    """ "former Robinhood executive Aparna Chennapragada's deputy": a name after a job title is a person,
    even as the possessor of another title."""
    for m in mentions:
        if m.kind != "ORG" or not (m.j < len(tokens) and tokens[m.j].low in ("'s", "’s")):
            continue
        prev = tokens[m.i - 1] if m.i > 0 else None
        titled = prev is not None and prev.text[:1].islower() and prev.low in TITLE_HEADS
        words = m.text.split()
        k = m.j + 1
        if k < len(tokens) and tokens[k].low in ("former", "longtime", "onetime", "trusted", "top"):
            k += 1
        # "Dmitri Alperovitch's former deputy at CrowdStrike": a relation only a person has
        relation = (
            k + 1 < len(tokens)
            and tokens[k].low in _PERSONAL_RELATIONS
            and tokens[k + 1].low not in TITLE_HEADS
            and tokens[k + 1].low not in TITLE_MODIFIERS
        )
        if (
            (relation or titled)
            and 2 <= len(words) <= 3
            and all(w.isalpha() and w[:1].isupper() and w[1:].islower() for w in words)
            and not any(w.lower() in ORG_SUFFIX for w in words)
        ):
            m.kind = "PER"


_NEW_VENTURE_NOUNS = frozenset({"company", "startup", "start-up", "venture", "firm", "lab", "business"})


def _new_company_appositive(tokens: list[Token], mentions: list[Mention]) -> None:
    """ "Ilya Sutskever's new company, Safe Superintelligence, ...": the appositive names an organisation
    and its possessor, when name-shaped, is the person who started it."""
    n = len(tokens)
    for m in mentions:
        k = m.j
        if not (k + 3 < n and tokens[k].low in ("'s", "’s") and tokens[k + 1].low in ("new", "own", "latest")):
            continue
        if tokens[k + 2].low not in _NEW_VENTURE_NOUNS or tokens[k + 3].text != ",":
            continue
        app = next((x for x in mentions if x.i == k + 4), None)
        if app is None or app.kind not in ("PER", "ORG") or not (app.j < n and tokens[app.j].text in (",", ".")):
            continue
        app.kind = "ORG"
        words = m.text.split()
        if (
            m.kind == "ORG"
            and 2 <= len(words) <= 3
            and all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words)
            and not any(w.lower() in ORG_SUFFIX for w in words)
        ):
            m.kind = "PER"


def _indefinite_venture_appositive(tokens: list[Token], mentions: list[Mention]) -> None:
    """ "has co-founded an autonomous-driving startup, Aurora Innovation, with ...": a name set off right
    after "a/an ... startup" is that startup, however person-shaped its words are."""
    n = len(tokens)
    for k in range(1, n - 2):
        if tokens[k].low not in _NEW_VENTURE_NOUNS or tokens[k + 1].text != ",":
            continue
        q = k - 1
        while q >= 0 and k - q <= 4 and tokens[q].low not in ("a", "an") and not tokens[q].text[:1].isupper():
            q -= 1
        if q < 0 or tokens[q].low not in ("a", "an"):
            continue
        app = next((x for x in mentions if x.i == k + 2), None)
        if app is not None and app.kind == "PER" and app.j < n and tokens[app.j].text in (",", "."):
            app.kind = "ORG"


# Nationalities, regions and scope words that modify a title or unit ("head of EMEA sales", "its U.S.
# business")
_DEMONYMS = DEMONYMS | frozenset(
    {
        "u.s",
        "u.s.",
        "u.k",
        "u.k.",
        "us",
        "uk",
        "eu",
        "global",
        "arab",
        "gulf",
        "western",
        "eastern",
        "northern",
        "southern",
        "international",
        "domestic",
        "pacific",
        "atlantic",
        "emea",
        "apac",
        "americas",
        "asia",
        "europe",
        "africa",
        "latam",
    }
)

_MEDIUM_BEFORE = frozenset(
    {"said", "says", "wrote", "writes", "posted", "posts", "post", "tweeted", "announced", "announces", "statement"}
)

# A counted group of people ("two senior engineers", "four of his co-founders").
COUNTS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "several": 0,
    "a pair of": 2,
}
# "a four-partner team", "a five-strong group": a group counted inside a compound
TEAM_NOUNS = frozenset({"team", "group", "crew", "desk", "squad", "contingent", "unit"})
PEOPLE_NOUNS = frozenset(
    {
        "bankers",
        "engineers",
        "researchers",
        "executives",
        "scientists",
        "partners",
        "leaders",
        "employees",
        "staffers",
        "designers",
        "managers",
        "traders",
        "lawyers",
        "founders",
        "co-founders",
        "staff",
        "veterans",
        "colleagues",
        "directors",
        "officers",
        "analysts",
        "editors",
        "reporters",
        "journalists",
        "producers",
        "coaches",
        "professors",
        "physicians",
        "surgeons",
    }
)


_HIRING_VERBS = {
    "hired",
    "hires",
    "named",
    "names",
    "appointed",
    "appoints",
    "tapped",
    "taps",
    "promoted",
    "promotes",
    "recruited",
    "recruits",
    "poached",
    "poaches",
    "lands",
    "landed",
    "snags",
    "snagged",
    "nabs",
    "nabbed",
    "lured",
    "lures",
    "has",
    "have",
    "said",
    "says",
    "announced",
    "announces",
    "confirmed",
    "brought",
    "is",
    "will",
}


_FIRING_VERBS = frozenset({"dismissed", "dismisses", "fired", "fires", "ousted", "ousts", "sacked", "sacks", "removed"})


def _promote_subject_orgs(tokens: list[Token], mentions: list[Mention]) -> None:
    """A name-shaped subject that hires someone, or that "its" refers back to, is an organisation.

    "Quantum Arc named Elena Vasquez ... as its first chief scientist": people do not have an "its",
    and a sentence-initial subject of a hiring verb followed by a person is nearly always a company.
    """
    pers = [m for m in mentions if m.kind == "PER" and m.name == m.text]
    if not pers:
        return
    first = pers[0]
    if any(m.kind == "ORG" and m.i < first.i for m in mentions):
        return
    if first.i > 4 or first.j >= len(tokens):
        return
    before = [t.low for t in tokens[max(0, first.i - 2) : first.i] if t.text != "."]
    if before and before[-1] in HONORIFICS:
        return  # "Gov. Teresa Albright on Monday appointed X": a titled person, not a company
    v = first.j
    # "Morgan Stanley on Wednesday named X", "Acme today named X": a time adverbial before the verb
    if v + 2 < len(tokens) and tokens[v].low == "on" and tokens[v + 1].text.lower() in WEEKDAYS:
        v += 2
    elif tokens[v].low in ("today", "yesterday"):
        v += 1
    verb, at = tokens[v].low, v
    if verb in ("has", "have", "had", "will", "would") and v + 1 < len(tokens):
        verb, at = tokens[v + 1].low, v + 1  # "Goldman Sachs has appointed X"
    later_its = any(
        m.kind == "ORGREF"
        and m.i > first.j
        and (
            m.text.lower() == "its"
            # "X said it had appointed Y": "it" as the subject of a hiring verb refers back to X
            or (
                m.text.lower() == "it"
                and any(tokens[q].low in _HIRING_VERBS for q in range(m.j, min(len(tokens), m.j + 2)))
            )
        )
        for m in mentions
    )
    # "Bayern Munich dismissed chief executive Oliver Kahn": a titled person dismissed by a name
    fires_titled = (
        verb in _FIRING_VERBS
        and v + 1 < len(tokens)
        and (tokens[v + 1].low in TITLE_HEADS or tokens[v + 1].low in TITLE_MODIFIERS)
        and any(m.kind == "PER" and v + 1 < m.i <= v + 6 for m in mentions)
    )
    hires_person = verb in _HIRING_VERBS - {
        "has",
        "have",
        "said",
        "says",
        "is",
        "will",
        "announced",
        "announces",
        "confirmed",
    } and any(m.kind == "PER" and v < m.i <= v + 6 for m in mentions)
    # "Obsidian Reasoning lands three Polaris AI researchers": a hire of a counted group
    # ... or of a team counted in a compound ("has hired a three-partner tax team")
    hires_group = verb in _HIRING_VERBS and any(
        (tokens[q].low in COUNTS or ("-" in tokens[q].low and tokens[q].low.split("-")[0] in COUNTS))
        and any(t.low in PEOPLE_NOUNS or t.low in TEAM_NOUNS for t in tokens[q + 1 : q + 5])
        for q in range(at + 1, min(len(tokens), at + 3))
    )
    hires_person = hires_person or fires_titled or hires_group
    speaks_of_its = verb in _HIRING_VERBS and later_its and any(m.kind == "PER" and m.i > first.j for m in mentions)
    if hires_person or speaks_of_its:
        first.kind = "ORG"


# Plural common nouns for groups of people: capitalised only because they open the sentence
# ("Directors picked X to succeed him"), never an organisation on their own.
_GROUP_NOUNS = frozenset(
    {
        "directors",
        "investors",
        "shareholders",
        "stockholders",
        "executives",
        "regulators",
        "officials",
        "employees",
        "staffers",
        "workers",
        "insiders",
        "lawmakers",
        "managers",
        "bankers",
        "engineers",
        "researchers",
        "scientists",
        "partners",
        "founders",
        "board",
        "members",
        "colleagues",
        "critics",
        "observers",
        "customers",
        "recruiters",
        "headhunters",
    }
)


# A board committee is named for a duty: a department's words, or one of the board's own
_COMMITTEE_WORDS = _DEPARTMENT_WORDS | frozenset(
    {
        "compensation",
        "remuneration",
        "nominating",
        "nomination",
        "nominations",
        "governance",
        "executive",
        "investment",
        "sustainability",
        "culture",
        "science",
        "ethics",
    }
)


def _called_a_company(tokens: list[Token], j: int) -> bool:
    """The name ends before an appositive that says what kind of organisation it is: ", the food
    wholesaler", ", a Lagos-based lender" (but not ", the firm's chief executive")."""
    if j + 2 >= len(tokens) or tokens[j].text != "," or tokens[j + 1].low not in ("the", "a", "an"):
        return False
    e = j + 2
    while e < min(len(tokens), j + 5) and tokens[e].text[:1].islower() and tokens[e].low not in ORG_REF_NOUNS:
        if tokens[e].low in TITLE_HEADS or tokens[e].low in TITLE_MODIFIERS or tokens[e].low in _NOT_NOUN:
            return False  # "Iris Tan, a partner at law firm Fenwick": a person's post, then the employer
        e += 1
    if e >= len(tokens) or tokens[e].low not in ORG_REF_NOUNS or tokens[e].low in TITLE_HEADS:
        return False
    # the kind ends the appositive: not "a company veteran", "the bank said", "the firm's chief"
    return e + 1 >= len(tokens) or tokens[e + 1].low in _APPOSITIVE_END


_APPOSITIVE_END = frozenset({",", ".", ";", ":", ")", "that", "which", "whose", "with", "in", "based", "and", "—", "–"})


def _place_before_name(tokens: list[Token], i: int, j: int) -> bool:
    """A place, then a lower-case description of a company, then a capitalised name."""
    e = j
    while e < min(len(tokens), j + 3) and tokens[e].text[:1].islower() and tokens[e].low not in _NOT_NOUN:
        e += 1
    return (
        e > j
        and not tokens[j].low.endswith("ed")  # "Anderson co-founded self-driving company Aurora": a verb
        and tokens[e - 1].low in ORG_REF_NOUNS
        and e < len(tokens)
        and tokens[e].text[:1].isupper()
        and is_place(_span_text(tokens, i, j))
    )


_POST_NOMINALS = frozenset(
    {"md", "phd", "dphil", "mba", "cpa", "cfa", "jd", "obe", "cbe", "mbe", "kbe", "frcp", "frcs", "esq", "pharmd"}
)


def _board_body(tokens: list[Token], i: int) -> int:
    """ "the Audit Committee", "the Nominating and Governance Committee": named for a board duty, not a
    name; the end of the committee's name, or 0."""
    if i == 0 or tokens[i - 1].low not in ("the", "its", "their"):
        return 0
    k = i
    while k < len(tokens) and tokens[k].low in _COMMITTEE_WORDS:
        k += 1
    return k + 1 if k > i and k < len(tokens) and tokens[k].low == "committee" else 0


def _standalone(tokens: list[Token], i: int, resolver: Resolver, people: KnownPeople) -> bool:
    """A lone capitalised word is an entity unless generic ("AI") or a modifier ("the Transformer paper")."""
    word = tokens[i].text
    if resolver.known_org(word) or people.lookup(word):
        return True
    if word.lower() in ORG_SUFFIX:
        return False
    if i == 0 and word.lower() in _NUMBER_WORDS:
        return False  # "Eight years on, ...": a sentence's first word, not a name
    prev = tokens[i - 1].low if i > 0 else ""
    if word.lower() in ("board", "committee") and prev in ("the", "its", "their"):
        return False  # "will step down from the Board": a body of the company, not another organisation
    if word.lower() in _OF_BODIES and prev == "of" and i >= 2 and tokens[i - 2].low in ("board", "boards"):
        return False  # "its Board of Directors elected X"
    if _department(tokens, i, i + 1):
        return False  # "Chief Investment Officer, Credit": a department inside a title
    if prev == "of" and word.lower() in _DEPARTMENTS:
        return False  # "Vice President of Engineering": a department inside a title
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if prev in ("of", "for") and _title_run_then_name(tokens, i + 1):
        return True  # "the departure of Instacart chief executive Fidji Simo": the employer of a named person
    if (
        prev in ("of", "for", "'s", "’s")
        and nxt is not None
        and (nxt.low in TITLE_MODIFIERS or nxt.low in ("team", "unit", "division", "region", "markets"))
    ):
        return False  # "head of Africa operations": a region or product qualifying a title
    if i == 0 and (word.lower() in TITLE_HEADS or word.lower() in TITLE_MODIFIERS or word.lower() in _GROUP_NOUNS):
        return False  # "Veteran researcher X ..." opens a sentence with a title word, "Directors picked X" a group
    if i == 0 and _sector_word(tokens, word):
        return False  # "Online grocer Marché Rapide", "Offshore wind developer Tidewater": a sector, then the name
    return not (
        prev in ("the", "a", "an", "its", "their", "his", "her", "our")
        and nxt is not None
        and nxt.text[:1].islower()
        and nxt.low not in _NOT_NOUN
        and nxt.low not in TITLE_HEADS
        and nxt.low not in TITLE_MODIFIERS
        and nxt.low not in ORG_REF_NOUNS
    )


def _sector_word(tokens: list[Token], word: str) -> bool:
    """An everyday word opening a sentence, then lower-case words ending in a kind of organisation, then a
    capitalised name: the word says what the named organisation does ("Fashion retailer Kestrel & Finch")."""
    if not (everyday(word) or all(everyday(part) for part in word.split("-"))):
        return False
    k = 1
    while k < min(len(tokens), 5) and tokens[k].text[:1].islower() and tokens[k].low not in ORG_REF_NOUNS:
        k += 1
    return k + 1 < len(tokens) and tokens[k].low in ORG_REF_NOUNS and tokens[k + 1].text[:1].isupper()


_JOIN_VERBS = frozenset({"join", "joins", "joined", "joining", "rejoin", "rejoins", "rejoined", "rejoining"})
_BUY_VERBS = frozenset({"acquire", "acquires", "acquired", "acquiring", "buy", "buys", "bought", "buying"})
_DEAL_NOUNS = frozenset(
    {"takeover", "acquisition", "purchase", "buyout", "merger", "bid", "rescue", "bailout", "spin-off", "spinoff"}
)


def _span_text(tokens: list[Token], i: int, j: int) -> str:
    """The span as written: "Alan M. Garber", not "Alan M . Garber"."""
    return "".join(
        t.text + (" " if k + 1 < j and tokens[k + 1].start > t.end else "") for k, t in enumerate(tokens[i:j], i)
    )


def _name_part(word: str) -> bool:
    """An initial or a generational suffix, which mark a person's name, not an organisation's."""
    bare = word.rstrip(".")
    return _initial(bare) or bare.lower() in _NAME_SUFFIXES


def _classify(tokens: list[Token], i: int, j: int, resolver: Resolver, people: KnownPeople) -> Mention:
    text = _span_text(tokens, i, j)
    words = text.split()
    prev = tokens[i - 1].low if i > 0 else ""
    nxt = tokens[j].low if j < len(tokens) else ""
    canonical = resolver.known_org(text)
    if canonical and prev not in HONORIFICS:
        return Mention("ORG", i, j, text, canonical)
    # "the board of Atlas Grid", "chief executive of Harbor Trust": no person stands in this slot, even one
    # a headline's possessive made look like a name ("Barry Callebaut's de Saint-Affrique")
    of_at = i - 1 if prev == "of" else (i - 2 if prev == "the" and i >= 2 and tokens[i - 2].low == "of" else -1)
    if of_at >= 1 and (tokens[of_at - 1].low in TITLE_HEADS or tokens[of_at - 1].low in ("board", "boards")):
        return Mention("ORG", i, j, text, text)
    if text in people.orgs:
        return Mention("ORG", i, j, text, text)
    if prev in _JOIN_VERBS and nxt == "as":
        return Mention("ORG", i, j, text, text)  # "will join Marchetti Blum as partners": one joins a firm
    known = people.lookup(text)
    if known:
        return Mention("PER", i, j, text, known)
    if prev in HONORIFICS or (prev == "." and i > 1 and tokens[i - 2].low in HONORIFICS):
        return Mention("PER", i, j, text, text)
    # "its emergency takeover of Credit Suisse", "agreed to buy Figma": only organisations are bought
    bought = prev in _BUY_VERBS or (prev in ("of", "for", "with") and i >= 2 and tokens[i - 2].low in _DEAL_NOUNS)
    if bought and nxt not in ("'s", "’s"):
        return Mention("ORG", i, j, text, text)
    # "the semiconductor firm Axiom Micro", "rival studio Ember Works"
    if (prev in ORG_REF_NOUNS and prev not in TITLE_HEADS) or prev in ("rival", "competitor", "studio"):
        return Mention("ORG", i, j, text, text)
    if _called_a_company(tokens, j):
        return Mention("ORG", i, j, text, text)  # "Coastline Grocers, the food wholesaler, ..."
    # "sister team Racing Bulls", "parent company Alphabet", "rival club Arsenal"
    if (
        i >= 2
        and tokens[i - 2].low in ("sister", "rival", "parent", "fellow")
        and tokens[i - 1].text.isalpha()
        and tokens[i - 1].text.islower()
        # but "fellow partners Sanjay Patel", "rival coach X": people named by what they are
        and tokens[i - 1].low not in PEOPLE_NOUNS
        and tokens[i - 1].low.removesuffix("s") not in TITLE_HEADS
    ):
        return Mention("ORG", i, j, text, text)
    # "a longtime Goldman Sachs banker": a name used as a modifier of a lower-case noun is an employer
    if (
        prev in _MODIFIER_SLOT
        and j < len(tokens)
        and tokens[j].text[:1].islower()
        and tokens[j].text.isalpha()
        and tokens[j].low not in _NOT_NOUN
    ):
        return Mention("ORG", i, j, text, text)
    if any(w.lower() in ORG_SUFFIX for w in words[1:]) or (len(words) == 1 and words[0].lower() in ORG_SUFFIX):
        return Mention("ORG", i, j, text, text)
    if "of" in words[1:-1]:
        return Mention("ORG", i, j, text, text)  # "University of Pennsylvania", joined by _of_name
    if len(words) >= 2 and words[-1] == "City" and not is_place(text):
        return Mention("ORG", i, j, text, text)  # "Manchester City", but "Mexico City" is a place
    # "A.G. Lafley", "John J. Ray III": initials or a suffix beside a real name make a person's name
    named = any(_name_part(w) for w in words) and not all(_name_part(w) for w in words)
    if any(_camel(w) or ("." in w and not named) or "&" in w or any(c.isdigit() for c in w) for w in words):
        return Mention("ORG", i, j, text, text)
    if any(len(w) >= 2 and w.isupper() and not (named and _name_part(w)) for w in words):
        return Mention("ORG", i, j, text, text)
    if _title_run_then_name(tokens, j):
        return Mention("ORG", i, j, text, text)
    if nxt in ("'s", "’s", "'", "’") and (
        len(words) == 1
        or (
            j + 1 < len(tokens)
            and (
                tokens[j + 1].low in _POSS_ORG_NOUNS
                or tokens[j + 1].low in ("new", "former", "longtime", "outgoing", "incoming", "next", "top")
            )
        )
    ):
        return Mention("ORG", i, j, text, text)
    if len(words) >= 2 and prev == "the":
        return Mention("ORG", i, j, text, text)  # "the Mayo Clinic": people do not take an article
    if prev in ("run", "lead", "head", "helm") and i >= 2 and tokens[i - 2].low == "to" and nxt not in ("'s", "’s"):
        return Mention("ORG", i, j, text, text)  # "left Expedia to run Oakham Music": one runs an organisation
    if len(words) >= 2 and (prev in TITLE_HEADS or prev in ("veteran", "executive")):
        return Mention("PER", i, j, text, text)
    who_follows = nxt == "," and j + 1 < len(tokens) and tokens[j + 1].low in ("who", "whose")
    if prev == "from" and i >= 2 and tokens[i - 2].low == "over":
        return Mention("PER", i, j, text, text)  # "takes over from John Doe"
    if len(words) >= 2 and prev in _SLOT_ORG_BEFORE and prev not in ("for", "to") and not who_follows:
        return Mention("ORG", i, j, text, text)
    if 2 <= len(words) <= 4 and not company_shaped(words) and not people.org_named(text):
        return Mention("PER", i, j, text, text)
    return Mention("ORG", i, j, text, text)


def article_orgs(sentences: list[str], resolver: Resolver) -> set[str]:
    """Every name of two or more words that some sentence's own evidence types as an organisation
    (a suffix, a slot, a shape), so the article's other sentences read it the same way."""
    people = KnownPeople()
    found: set[str] = set()
    for sentence in sentences:
        for m in find_mentions(tokenize(sentence), sentence, resolver, people):
            if m.kind == "PER" and len(m.name.split()) >= 2:
                people.add(m.name)
            elif m.kind == "ORG" and len(m.text.split()) >= 2:
                found.add(m.text)
    return found

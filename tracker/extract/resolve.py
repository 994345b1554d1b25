"""Entity resolution: map the many spellings of a person or organisation to one id.

Events are keyed by ``person:<slug>`` / ``org:<slug>``; the raw string stays in the
event data, so resolution can be improved later (merges) without losing evidence.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz, process

from tracker.ids import slugify
from tracker.settings import Settings

# Legal-form words carry no identity: "Safe Superintelligence Inc." is "Safe Superintelligence".
_ORG_NOISE = {
    "the",
    "inc",
    "corp",
    "corporation",
    "co",
    "ltd",
    "llc",
    "plc",
    "company",
    "group",
    "holdings",
    "platforms",
    "sa",
    "ag",
    "gmbh",
    "nv",
    "limited",
}
# "Safe Superintelligence Inc." and "Safe Superintelligence" are one company and should get one id.
_LEGAL_TAIL = re.compile(r"(?:,?\s+(?:inc|corp|ltd|llc|plc|gmbh|ag|s\.a|n\.v)\.?)+$", re.I)
# Fuzzy matching must be conservative: "Meta" vs "Beta" is a different company.
_FUZZY_THRESHOLD = 86.0
_FUZZY_MIN_LEN = 6


def _org_key(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    tokens = [t for t in re.split(r"[^a-z0-9]+", text) if t and t not in _ORG_NOISE]
    return " ".join(tokens)


def _person_key(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"^(dr|mr|mrs|ms|prof|sir)\.?\s+", "", text)
    return " ".join(t for t in re.split(r"[^a-z0-9]+", text) if t)


class Resolver:
    """Canonical names from config aliases, fuzzy spelling variants and log merges."""

    def __init__(
        self,
        organizations: Sequence[tuple[str, Sequence[str]]] = (),
        people: Iterable[str] = (),
    ) -> None:
        self._org_canon: dict[str, str] = {}
        self._org_alias_text: dict[str, str] = {}
        self._person_canon: dict[str, str] = {}
        for name, aliases in organizations:
            self._org_canon[_org_key(name)] = name
            for alias in aliases:
                self._org_canon[_org_key(alias)] = name
                self._org_alias_text[alias] = name
        for person in people:
            self._person_canon[_person_key(person)] = person
        self._org_merges: dict[str, str] = {}
        self._person_merges: dict[str, str] = {}

    def add_merge(self, kind: str, alias: str, canonical: str) -> None:
        """Apply an ``EntityMerged`` event: from now on ``alias`` resolves to ``canonical``."""
        if kind == "org":
            self._org_merges[_org_key(alias)] = canonical
            self._org_canon.setdefault(_org_key(canonical), canonical)
        elif kind == "person":
            self._person_merges[_person_key(alias)] = canonical
        else:
            raise ValueError(f"unknown entity kind {kind!r}; expected 'person' or 'org'")

    def known_org(self, raw: str) -> str | None:
        """The canonical name when config or merges know ``raw`` (exactly or by spelling), else None."""
        key = _org_key(raw)
        if not key:
            return None
        if key in self._org_merges:
            return self.known_org(self._org_merges[key]) or self._org_merges[key]
        if key in self._org_canon:
            return self._org_canon[key]
        if len(key) >= _FUZZY_MIN_LEN and self._org_canon:
            hit = process.extractOne(key, list(self._org_canon), scorer=fuzz.ratio, score_cutoff=_FUZZY_THRESHOLD)
            # a typo keeps the first letter: "Anthropik" is Anthropic, "Banthropic" is not
            if hit is not None and hit[0][:1] == key[:1]:
                return self._org_canon[hit[0]]
        return None

    def org_name(self, raw: str) -> str:
        """Canonical display name when known, else the raw string without possessive or legal form."""
        cleaned = re.sub(r"(?:'s|’s)$", "", raw.strip()).strip()
        known = self.known_org(cleaned)
        if known:
            return known
        return _LEGAL_TAIL.sub("", cleaned).strip(" ,") or cleaned

    def org_id(self, raw: str) -> str:
        """``org:<slug>`` of the canonical name, so ids agree with ``tracker.ids.org_id(move.org)``."""
        return "org:" + slugify(self.org_name(raw))

    def person_name(self, raw: str) -> str:
        key = _person_key(raw)
        if key in self._person_merges:
            return self._person_merges[key]
        if key in self._person_canon:
            return self._person_canon[key]
        if len(key) >= 8 and self._person_canon:
            hit = process.extractOne(key, list(self._person_canon), scorer=fuzz.ratio, score_cutoff=_FUZZY_THRESHOLD)
            if hit is not None:
                return self._person_canon[hit[0]]
        return re.sub(r"^(?:Dr|Mr|Mrs|Ms|Prof|Sir)\.?\s+", "", raw.strip())

    def person_id(self, raw: str) -> str:
        return "person:" + slugify(self.person_name(raw))

    def org_aliases(self) -> dict[str, str]:
        """Alias text → canonical name, so extract can spot "the ChatGPT maker" in prose."""
        return dict(self._org_alias_text)


def resolver_from_settings(settings: Settings) -> Resolver:
    """The config's organisations with their aliases ("the ChatGPT maker" is OpenAI) and the watched people."""
    return Resolver(
        organizations=[(o.name, o.aliases) for o in settings.organizations], people=settings.watchlist.people
    )

"""Entity resolution for projections: names as written -> canonical ids and display names.

Deliberately exact (config aliases and merges, no fuzzy matching): it runs once per event in
a replay of millions, and must give the same ids on every rebuild. Spelling variants are the
extractor's job (`tracker.extract.resolve.Resolver` normalises names as it reads text, with
the same config aliases), and whatever still differs is joined by `tracker merge`.
Merges act on ids, transitively: merging
`person:a` into `person:b` and later `person:b` into `person:c` resolves all three to `c`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Protocol

from tracker.ids import org_id, person_id, slugify
from tracker.settings import Settings

Organizations = Sequence[tuple[str, Sequence[str]]]


class EntityResolver(Protocol):
    def org_name(self, name: str) -> str: ...
    def person_name(self, name: str) -> str: ...
    def org_id(self, name: str) -> str: ...
    def person_id(self, name: str) -> str: ...
    def add_merge(self, kind: str, alias: str, canonical: str) -> None: ...


class SimpleResolver:
    """Config aliases for organisations plus merges, nothing fuzzy: fast enough to run per event."""

    def __init__(self, organizations: Organizations = ()) -> None:
        self._org_alias: dict[str, str] = {}  # slug of a name or alias -> org id of the config name
        self._display: dict[str, str] = {}  # canonical id -> display name
        self._merged: dict[str, str] = {}  # id -> id it was merged into (follow to the root)
        for name, aliases in organizations:
            canonical = org_id(name)
            self._display[canonical] = name
            for written in (name, *aliases):
                self._org_alias[slugify(written)] = canonical

    def _root(self, entity: str) -> str:
        seen = 0
        while entity in self._merged and seen < 1000:  # merges never form cycles; the bound is a guard
            entity = self._merged[entity]
            seen += 1
        return entity

    def org_id(self, name: str) -> str:
        return self._root(self._org_alias.get(slugify(name)) or org_id(name))

    def person_id(self, name: str) -> str:
        return self._root(person_id(name))

    def org_name(self, name: str) -> str:
        return self._display.get(self.org_id(name), name)

    def person_name(self, name: str) -> str:
        return self._display.get(self.person_id(name), name)

    def add_merge(self, kind: str, alias: str, canonical: str) -> None:
        resolve = self.person_id if kind == "person" else self.org_id
        display = self.person_name if kind == "person" else self.org_name
        old, new = resolve(alias), resolve(canonical)
        if old == new:
            return
        self._display.setdefault(new, display(canonical))
        self._merged[old] = new


ResolverFactory = Callable[[Organizations], EntityResolver]
RESOLVER_FACTORY: ResolverFactory = SimpleResolver


def organizations(settings: Settings) -> list[tuple[str, list[str]]]:
    return [(org.name, list(org.aliases)) for org in settings.organizations]


def build_resolver(settings: Settings, merges: Iterable[tuple[str, str, str]] = ()) -> EntityResolver:
    """A resolver from the config aliases plus `(kind, alias, canonical)` merges in log order."""
    resolver = RESOLVER_FACTORY(organizations(settings))
    for kind, alias, canonical in merges:
        resolver.add_merge(kind, alias, canonical)
    return resolver

"""Which organisation a move belongs to, chosen among all the organisations its article names.

Fourteen rounds of blind sets say the rules' commonest mistake is the right person and direction with
the wrong organisation: the slot they read held a product, a place, a regulator that confirmed the
appointment, a modifier that opened the sentence ("Offshore wind developer ..."), or the employer is
simply not in the sentence. Each such fix was one more rule for one more shape. Here every
organisation the article names is a candidate instead; a logistic model over how each sits in the
article (named in the move's sentence, in which slot, how often, by whom else's moves) scores them,
and the rules' choice gives way only when another candidate is clearly likelier (`MARGIN`). The
weights are fitted by `tracker.extract.train` on the labelled fixtures, like the ranker's.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from tracker.extract import chooser_weights
from tracker.extract.lexicon import everyday
from tracker.extract.names import ORG_SUFFIX
from tracker.extract.patterns import PersonInfo, Raw
from tracker.extract.places import is_place
from tracker.extract.ranker import bucket, probability
from tracker.extract.state import org_norm, same_org

__all__ = ["Choice", "Setting", "alternatives", "choose", "org_features", "pick", "score"]

# the word before an organisation says which slot it fills: an origin, a destination, a workplace
_SLOTS = {
    "from": "from",
    "at": "at",
    "to": "to",
    "for": "for",
    "of": "of",
    "by": "by",
    "with": "with",
    "join": "join",
    "joins": "join",
    "joined": "join",
    "joining": "join",
    "rejoins": "join",
    "rejoined": "join",
    "left": "leave",
    "leave": "leave",
    "leaves": "leave",
    "leaving": "leave",
    "quit": "leave",
    "quits": "leave",
    "the": "the",
    "and": "and",
    "rival": "rival",
}


@dataclass
class Setting:
    """What the article as a whole says about its organisations, read once per article."""

    sentences: list[str]
    names: list[str]  # organisations in order of first mention, each by its longest spelling
    spellings: dict[str, set[str]]  # every way the article wrote each ("Nordvind", "Nordvind Energi")
    counts: dict[str, int]  # mentions of each
    context: str | None  # the article's organisation at its end ("the company")
    typed: set[str]  # names some sentence's own evidence types as organisations (the pre-pass)
    descriptions: set[tuple[str, str]]  # (sentence, organisation) a description there was read as


@dataclass
class Choice:
    """One move's candidates, their features and which of them the rules chose (for training)."""

    person: str
    direction: str
    alts: list[str]
    feats: list[dict[str, float]]
    rule: int


def alternatives(org_names: list[str], person_names: set[str]) -> tuple[list[str], dict[str, set[str]], dict[str, int]]:
    """Each organisation once (by its longest spelling) in order of first mention, with its spellings
    and its number of mentions; a name that is also a person's is no candidate."""
    names: list[str] = []
    spellings: list[set[str]] = []
    counts: list[int] = []
    for name in org_names:
        if not org_norm(name) or any(same_org(name, p) for p in person_names):
            continue
        k = next((n for n, have in enumerate(names) if same_org(have, name)), None)
        if k is None:
            names.append(name)
            spellings.append({name})
            counts.append(1)
            continue
        spellings[k].add(name)
        counts[k] += 1
        if len(name) > len(names[k]):
            names[k] = name
    return names, dict(zip(names, spellings, strict=True)), dict(zip(names, counts, strict=True))


@functools.lru_cache(maxsize=4096)
def _pattern(names: frozenset[str]) -> re.Pattern[str]:
    # longest first, so that at one place the fullest spelling wins ("Nordvind Energi" over "Nordvind")
    alts = "|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n)))
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])")


def _occurrences(names: frozenset[str], text: str) -> list[re.Match[str]]:
    """Where any spelling is written in ``text``, first first."""
    return list(_pattern(names).finditer(text))


@functools.lru_cache(maxsize=4096)
def _initial_only(names: frozenset[str], sentences: tuple[str, ...]) -> bool:
    """ "Offshore wind developer ...": a word capitalised only where every word is."""
    starts = [m.start() == 0 for s in sentences for m in _occurrences(names, s.lstrip("\"“'‘ "))]
    return bool(starts) and all(starts)


def org_features(
    alt: str,
    raw: Raw,
    sentence: str,
    others: list[Raw],
    info: PersonInfo | None,
    known: bool,
    setting: Setting,
) -> dict[str, float]:
    """How ``alt`` sits in the article, as the organisation of ``raw``; names are the model's vocabulary."""
    d = raw.direction
    words = alt.split()
    count = setting.counts.get(alt, 0)
    spelt = frozenset(setting.spellings.get(alt, {alt}))
    top = max(setting.counts.values(), default=0)
    rule = same_org(alt, raw.org)
    f: dict[str, float] = {}

    def put(name: str, value: float = 1.0) -> None:
        # each fact alone, by direction, and for the rules' own choice (a rule that reached for a lone
        # everyday word, or a name outside the sentence, is less sure than its usual self)
        if value:
            f[name] = value
            f[f"{name}/{d}"] = value
            if rule and name != "rule":
                f[f"rule+{name}"] = value

    put("rule", float(rule))
    put("known", float(known))
    put("typed", float(alt in setting.typed or any(t.startswith(alt + " ") for t in setting.typed)))
    put("suffix", float(any(w.lower().rstrip(".,") in ORG_SUFFIX for w in words[1:])))
    put("place", float(is_place(alt)))
    put("everyday_word", float(len(words) == 1 and everyday(alt)))
    put("initial_only", float(_initial_only(spelt, tuple(setting.sentences))))
    put(bucket("words", len(words), (1, 2)))
    put(bucket("mentions", count, (1, 2, 4)))
    put("most_mentioned", float(count == top))
    put("first_named", float(bool(setting.names) and setting.names[0] == alt))
    put("in_first_sentence", float(bool(setting.sentences) and bool(_occurrences(spelt, setting.sentences[0]))))
    put("context", float(same_org(alt, setting.context)))
    put("info_org", float(bool(info and same_org(info.org, alt))))
    put("info_former_org", float(bool(info and any(same_org(o, alt) for o in info.orgs_former))))
    mine = [o for o in others if o.person == raw.person and same_org(o.org, alt)]
    for o in mine:
        put(f"person_{o.direction}")
    put(bucket("others_moves", sum(o.person != raw.person and same_org(o.org, alt) for o in others), (0, 1)))
    hits = _occurrences(spelt, sentence)
    put("in_sentence" if hits else "not_in_sentence")
    # "The drone startup also named X": the rules read a description in the sentence as this organisation
    put("described", float(any(sent == sentence for sent, _o in setting.descriptions)))
    put("described_as", float(any(sent == sentence and same_org(o, alt) for sent, o in setting.descriptions)))
    if hits:
        at = hits[0]
        before = sentence[: at.start()].split()
        prev = before[-1].lower().strip('"“(,') if before else ""
        put(f"prev={_SLOTS.get(prev, 'start' if not before else 'other')}")
        after = sentence[at.end() :]
        put("possessive", float(after[:2] in ("'s", "’s")))
        surname = raw.person.split()[-1]
        person_at = sentence.find(surname)
        if person_at >= 0:
            put("before_person", float(at.start() < person_at))
            gap = len(sentence[min(at.start(), person_at) : max(at.start(), person_at)].split())
            put(bucket("gap", gap, (3, 8, 15)))
    return f


def score(feats: dict[str, float], bias: float | None = None, weights: dict[str, float] | None = None) -> float:
    """Probability that a candidate is the move's organisation; the trainer passes the weights it fits."""
    b = chooser_weights.BIAS if bias is None else bias
    return probability(feats, b, chooser_weights.WEIGHTS if weights is None else weights)


def pick(probs: list[float], rule: int, margin: float) -> int:
    """The rules' candidate unless another scores at least ``margin`` higher."""
    best = max(range(len(probs)), key=lambda k: probs[k])
    return best if best != rule and probs[best] >= probs[rule] + margin else rule


def choose(choice: Choice) -> int:
    return pick([score(f) for f in choice.feats], choice.rule, chooser_weights.MARGIN)

"""Articles per second for `extract` on 1,000 passages (goal: >= 200/s).

Passages are built by cycling the dev and held-out fixtures and perturbing them
(swapping names and organisations, joining two passages into one article) so the
cache-free path is measured on varied text.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tracker.extract import Resolver, extract  # noqa: E402

SOURCES = [
    ROOT.parent / "shared/corpus/dev.jsonl",
    *sorted((ROOT / "tests/fixtures/extract").glob("heldout*.jsonl")),
]
FIRST = ["Avery", "Jordan", "Morgan", "Riley", "Quinn", "Harper", "Rowan", "Emerson"]
LAST = ["Castillo", "Nakamura", "Okonkwo", "Lindholm", "Ferreira", "Kaplan", "Novak", "Delacroix"]
ORGS = ["Brightwave Labs", "Corvid Systems", "Halcyon Bank", "Meridian Health", "Quanta Robotics"]


def passages(n: int = 1000, seed: int = 7) -> list[tuple[str, dt.date | None]]:
    docs = []
    for path in SOURCES:
        if path.exists():
            docs.extend(json.loads(line) for line in path.open(encoding="utf-8") if line.strip())
    rng = random.Random(seed)
    out: list[tuple[str, dt.date | None]] = []
    i = 0
    while len(out) < n:
        doc = docs[i % len(docs)]
        text = doc["text"]
        for move in doc.get("moves", [])[:1]:
            text = text.replace(move["person"], f"{rng.choice(FIRST)} {rng.choice(LAST)}")
            text = text.replace(move["org"], rng.choice(ORGS))
        if i % 3 == 0:
            text = text + " " + docs[(i * 7 + 3) % len(docs)]["text"]
        published = dt.date.fromisoformat(doc["published"]) if doc.get("published") else None
        out.append((text, published))
        i += 1
    return out


def main() -> None:
    data = passages()
    resolver = Resolver([("OpenAI", ["Open AI", "the ChatGPT maker"]), ("Anthropic", [])])
    extract(data[0][0], data[0][1], resolver=resolver)  # warm-up (regex compilation)
    start = time.perf_counter()
    moves = 0
    for text, published in data:
        moves += len(extract(text, published, resolver=resolver))
    elapsed = time.perf_counter() - start
    print(f"{len(data)} passages, {moves} moves in {elapsed:.2f}s: {len(data) / elapsed:.0f} articles/s")


if __name__ == "__main__":
    main()

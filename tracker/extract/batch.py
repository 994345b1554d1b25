"""JSON Lines in, JSON Lines out: the bulk path used by `tracker extract --batch` and scoring.

One bad line must never stop a batch, so each line is parsed and extracted on its own
and failures come back as ``{"id", "error"}`` records.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterable, Iterator
from typing import Any

from tracker.extract import extract
from tracker.extract.model import move_to_json
from tracker.extract.resolve import Resolver


def _parse_date(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise ValueError(f"published must be an ISO date string, got {type(value).__name__}")
    return dt.date.fromisoformat(value[:10])


def run_batch(lines: Iterable[str], resolver: Resolver | None = None) -> Iterator[str]:
    """Yield one output JSON line per non-blank input line, in input order."""
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        doc_id: Any = None
        try:
            doc = json.loads(line)
            if not isinstance(doc, dict):
                raise ValueError("line is not a JSON object")
            doc_id = doc.get("id", n)
            text = doc.get("text")
            if not isinstance(text, str):
                raise ValueError("missing or non-string 'text'")
            moves = extract(text, _parse_date(doc.get("published")), doc.get("title"), resolver)
            yield json.dumps({"id": doc_id, "moves": [move_to_json(m) for m in moves]}, ensure_ascii=False)
        except Exception as exc:  # one bad document must not stop the batch
            yield json.dumps(
                {"id": doc_id if doc_id is not None else n, "error": f"{type(exc).__name__}: {exc}"},
                ensure_ascii=False,
            )


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m tracker.extract.batch FILE.jsonl|-", file=sys.stderr)
        return 2
    stream = sys.stdin if argv[1] == "-" else open(argv[1], encoding="utf-8")  # noqa: SIM115
    with stream:
        for out in run_batch(stream, Resolver()):
            print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

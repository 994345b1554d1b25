"""Export the log (JSONL/CSV) and import a JSONL export into an empty store.

An export line is an event's hash fields plus its hash, so an import re-creates the rows
verbatim (positions, ids, timestamps) and the imported store's chain equals the original's.
Import checks every line's hash and link before writing and commits all or nothing.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import datetime
from typing import Any, TextIO

from sqlalchemy import Engine

from tracker.db import transaction
from tracker.store import GENESIS_HASH, EventStore, RecordedEvent, canonical_json, compute_hash

CSV_COLUMNS = [
    "position", "event_id", "stream_id", "stream_version", "type", "schema_version", "occurred_on",
    "recorded_at", "data", "meta", "idempotency_key", "prev_hash", "hash",
]  # fmt: skip

Progress = Callable[[int], None]


class ImportRefused(Exception):
    """The file cannot be imported as it is; nothing was written."""


def export_rows(
    rows: Iterable[Mapping[str, Any]], out: TextIO, fmt: str, columns: Sequence[str], progress: Progress | None = None
) -> int:
    """Stream dict rows as JSON Lines or CSV (nested values as canonical JSON in a CSV cell)."""
    writer = csv.DictWriter(out, list(columns)) if fmt == "csv" else None
    if writer:
        writer.writeheader()
    count = 0
    for row in rows:
        if writer:
            writer.writerow({k: canonical_json(v) if isinstance(v, dict | list) else v for k, v in row.items()})
        else:
            out.write(canonical_json(row) + "\n")
        count += 1
        if progress and count % 1000 == 0:
            progress(count)
    return count


def export_events(
    events: Iterable[RecordedEvent], out: TextIO, fmt: str = "jsonl", progress: Progress | None = None
) -> int:
    """The log itself; a JSONL export re-imports with `import_events`."""
    return export_rows((e.to_json() for e in events), out, fmt, CSV_COLUMNS, progress)


def _parse(line_no: int, line: str) -> RecordedEvent:
    try:
        row: dict[str, Any] = json.loads(line)
        recorded_at = datetime.fromisoformat(row["recorded_at"].replace("Z", "+00:00"))
        event = RecordedEvent(**{**row, "recorded_at": recorded_at})
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise ImportRefused(f"line {line_no}: not an exported event ({exc})") from None
    if compute_hash(event.hash_fields()) != event.hash:
        raise ImportRefused(f"line {line_no}: hash does not match the event (position {event.position})")
    return event


def read_export(lines: Iterable[str]) -> Iterator[RecordedEvent]:
    """Parse and check an export: each hash recomputes and links to the previous line's."""
    prev_hash, expected = GENESIS_HASH, 1
    for line_no, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        event = _parse(line_no, line)
        if event.position != expected or event.prev_hash != prev_hash:
            raise ImportRefused(f"line {line_no}: position {event.position} does not continue the chain")
        prev_hash, expected = event.hash, event.position + 1
        yield event


def import_events(engine: Engine, lines: Iterable[str], progress: Progress | None = None) -> int:
    """Load an export into an empty store in one transaction; refuse a non-empty store."""
    store = EventStore(engine)
    if store.head() is not None:
        raise ImportRefused("the store is not empty: import only into a fresh database")
    count, batch = 0, []
    with transaction(engine) as session:
        for event in read_export(lines):
            batch.append(event)
            if len(batch) >= 1000:
                store.import_events(batch, session)
                count, batch = count + len(batch), []
                if progress:
                    progress(count)
        store.import_events(batch, session)
    return count + len(batch)

"""Replay benchmark: rebuild every projection from N synthetic events on SQLite.

    PYTHONPATH=. python bench/replay.py --events 1000000
    PYTHONPATH=. python bench/replay.py --events 10000        # smoke run

The event file is generated once (hash chain and all, through tracker.store's hashing)
and cached under /tmp keyed by size and generator version, so reruns only measure.
Prints the rebuild time, peak memory (process RSS high-water mark, and the increase over
the process before the rebuild), the incremental catch-up rate, and the as-of roster query time.
"""

from __future__ import annotations

import argparse
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tracker.audit.verify import verify  # noqa: E402
from tracker.db import make_engine, migrate, transaction  # noqa: E402
from tracker.extract.model import Move  # noqa: E402
from tracker.ids import person_id  # noqa: E402
from tracker.projections.dedup import find_same_move  # noqa: E402
from tracker.projections.queries import roster  # noqa: E402
from tracker.projections.runner import rebuild, run_projections  # noqa: E402
from tracker.settings import OrganizationConfig, Settings  # noqa: E402
from tracker.store import GENESIS_HASH, canonical_json, compute_hash, hash_fields  # noqa: E402

GENERATOR_VERSION = 3
CACHE = Path("/tmp/exec-tracker-bench")
NAMED = ["OpenAI", "Anthropic", "Google DeepMind", "Meta", "xAI", "Mistral", "Safe Superintelligence"]
ROLES = [None, "researcher", "engineer", "VP Research", "Head of Safety", "CTO", "Member of Technical Staff"]
BASE_TIME = datetime(2024, 1, 1, tzinfo=UTC)


def bench_settings() -> Settings:
    return Settings(organizations=[OrganizationConfig(name=n) for n in NAMED])


def _fmt(day: date, rng: random.Random) -> str | None:
    roll = rng.random()
    if roll < 0.70:
        return day.isoformat()
    if roll < 0.95:
        return day.isoformat()[:7]
    return None


def _events(n: int, seed: int = 7) -> Any:
    """Yield (stream_id, type, occurred_on, data, meta) for a plausible job market: people join,
    change roles, leave (often naming where to), get re-reported and now and then retracted."""
    rng = random.Random(seed)
    orgs = NAMED + [f"Lab {i:03d}" for i in range(300 - len(NAMED))]
    weights = [40.0] * len(NAMED) + [1.0] * (len(orgs) - len(NAMED))
    people = [f"Person {i:06d}" for i in range(max(10, n // 10))]
    at: dict[int, str | None] = {}
    when: dict[int, date] = {}
    moves: list[tuple[str, str]] = []  # (event_id, stream) of moves so far, for corroborations and retractions
    emitted = 0
    while emitted < n:
        roll = rng.random()
        if moves and roll < 0.08:
            event_id, stream = moves[rng.randrange(len(moves))]
            yield stream, "MoveCorroborated", None, {"move_event_id": event_id, "source": "https://news.example/c"}, {}
        elif moves and roll < 0.09:
            event_id, stream = moves[rng.randrange(len(moves))]
            yield stream, "MoveRetracted", None, {"move_event_id": event_id, "reason": "bench"}, {"actor": "bench"}
        elif roll < 0.0902:
            who = rng.randrange(len(people))
            alias = f"{people[who]} Jr"
            yield (
                person_id(alias),
                "EntityMerged",
                None,
                {"kind": "person", "alias": alias, "canonical": people[who]},
                {},
            )
        else:
            p = rng.randrange(len(people))
            name = people[p]
            day = when.get(p, date(2010, 1, 1) + timedelta(days=rng.randrange(3650))) + timedelta(
                days=rng.randrange(30, 900)
            )
            when[p] = day
            current = at.get(p)
            data: dict[str, Any] = {"person": name, "role": rng.choice(ROLES), "team": None, "seniority": None,
                                    "destination_org": None, "origin_org": None}  # fmt: skip
            if current is None:
                org = rng.choices(orgs, weights)[0]
                data.update(org=org, direction="founded" if rng.random() < 0.03 else "joined")
                at[p] = org
            elif rng.random() < 0.25:
                data.update(org=current, direction="role_changed")
            else:
                data.update(org=current, direction="left")
                if rng.random() < 0.3:
                    data["destination_org"] = rng.choices(orgs, weights)[0]
                at[p] = None
            meta = {"source_url": f"https://news.example/{emitted}", "confidence": 0.9, "date_approximate": False}
            stream = person_id(name)
            event_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            moves.append((event_id, stream))
            yield stream, "MoveReported", _fmt(day, rng), data, meta | {"event_id": event_id}
        emitted += 1


def generate(path: Path, n: int) -> None:
    """Write n events with a valid hash chain straight into a fresh, migrated SQLite file."""
    tmp = path.with_suffix(".partial")
    tmp.unlink(missing_ok=True)
    migrate(make_engine(f"sqlite:///{tmp}"))
    conn = sqlite3.connect(tmp)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")
    rng = random.Random(11)
    versions: dict[str, int] = {}
    prev = GENESIS_HASH
    rows: list[tuple[Any, ...]] = []
    sql = (
        "INSERT INTO events (position, event_id, stream_id, stream_version, type, schema_version, occurred_on, "
        "recorded_at, data, meta, idempotency_key, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"
    )
    for position, (stream, kind, occurred_on, data, meta) in enumerate(_events(n), start=1):
        event_id = meta.pop("event_id", None) or str(uuid.UUID(int=rng.getrandbits(128), version=4))
        version = versions.get(stream, 0) + 1
        versions[stream] = version
        recorded = BASE_TIME + timedelta(seconds=position * 30)
        fields = hash_fields(
            position, event_id, stream, version, kind, 1, occurred_on, recorded, data, meta, None, prev
        )
        digest = compute_hash(fields)
        rows.append((position, event_id, stream, version, kind, 1, occurred_on,
                     recorded.strftime("%Y-%m-%d %H:%M:%S.%f"), canonical_json(data), canonical_json(meta),
                     None, prev, digest))  # fmt: skip
        prev = digest
        if len(rows) >= 50_000:
            conn.executemany(sql, rows)
            rows.clear()
            print(f"  generated {position:,} events", file=sys.stderr)
    conn.executemany(sql, rows)
    conn.commit()
    conn.close()
    tmp.rename(path)
    for suffix in ("-wal", "-shm"):
        Path(f"{tmp}{suffix}").unlink(missing_ok=True)


def events_file(n: int) -> Path:
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"events-{n}-v{GENERATOR_VERSION}.db"
    if not path.exists():
        # generate in a child process so its memory does not count towards the rebuild's peak
        started = time.perf_counter()
        subprocess.run([sys.executable, __file__, "--events", str(n), "--generate-only"], check=True)
        print(f"generated {n:,} events in {time.perf_counter() - started:.1f} s -> {path}")
    return path


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def peak_mb() -> float:
    """This process's own RSS high-water mark (VmHWM resets at exec, unlike ru_maxrss)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return rss_mb()


def bench_verify(path: Path) -> None:
    """The audit's hash-chain check over the whole log: rate and peak memory."""
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    baseline = peak_mb()
    started = time.perf_counter()
    report = verify(engine)
    took = time.perf_counter() - started
    print(
        f"verify: {report.checked:,} events in {took:.2f} s ({report.checked / took:,.0f} events/s), "
        f"ok={report.ok}, peak RSS {peak_mb():.0f} MB (process before verify {baseline:.0f} MB)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--generate-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--catch-up", type=int, default=20_000, help="events applied incrementally (0: skip)")
    parser.add_argument("--verify-only", action="store_true", help="time `tracker verify` alone (own process)")
    args = parser.parse_args()
    if args.verify_only:
        bench_verify(events_file(args.events))
        return
    if args.generate_only:
        generate(CACHE / f"events-{args.events}-v{GENERATOR_VERSION}.db", args.events)
        return
    path = events_file(args.events)
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    settings = bench_settings()
    baseline = rss_mb()
    started = time.perf_counter()
    applied = rebuild(engine, settings)
    elapsed = time.perf_counter() - started
    peak = rss_mb()
    print(f"rebuild: {applied:,} events in {elapsed:.2f} s ({applied / elapsed:,.0f} events/s)")
    print(f"peak RSS: {peak:.0f} MB (process before rebuild {baseline:.0f} MB, rebuild added {peak - baseline:.0f} MB)")

    if args.catch_up:
        back = max(0, applied - args.catch_up)
        rebuild(engine, settings, to_position=back)
        started = time.perf_counter()
        caught = run_projections(engine, settings)
        took = time.perf_counter() - started
        print(f"incremental catch-up: {caught:,} events in {took:.2f} s ({caught / took:,.0f} events/s)")

    dedup_timings = []
    with transaction(engine) as session:  # the ingest-time lookup, on the full log
        for i in range(0, 2000, 100):
            move = Move(person=f"Person {i:06d}", org="OpenAI", direction="joined", date="2021-03-04")
            started = time.perf_counter()
            find_same_move(session, settings, move)
            dedup_timings.append(time.perf_counter() - started)
    print(f"dedup lookup (find_same_move): median {statistics.median(dedup_timings) * 1000:.2f} ms over 20 people")

    day = "2020-06-15"
    for org in ("OpenAI", "Lab 150"):
        timings = []
        for _ in range(20):
            started = time.perf_counter()
            lines = roster(engine, settings, org, as_of=day)
            timings.append(time.perf_counter() - started)
        print(
            f"roster {org} --as-of {day}: {len(lines):,} people, median {statistics.median(timings) * 1000:.1f} ms, "
            f"max {max(timings) * 1000:.1f} ms (20 runs)"
        )
    # verify in a process of its own, so its peak memory is its own
    subprocess.run([sys.executable, __file__, "--events", str(args.events), "--verify-only"], check=True)
    for table in ("events", "proj_moves", "proj_sources", "proj_spans"):
        with engine.connect() as conn:
            count = conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one()
        print(f"  {table}: {count:,} rows")


if __name__ == "__main__":
    main()

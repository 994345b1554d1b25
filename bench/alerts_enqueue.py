"""Prints the cost of recording moves with alert rules on (watchlist + a flow rule), on SQLite.

Usage: PYTHONPATH=. python bench/alerts_enqueue.py [N]
The flow rule scans the log's moves only when a move can complete its transfer (a join of B,
a departure from A); the figure to watch is the per-move time of those, as the log grows.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from tracker.alerts.dispatch import dispatch_pending
from tracker.alerts.outbox import list_alerts
from tracker.alerts.sinks import ConsoleSink
from tracker.db import make_engine, migrate, transaction
from tracker.extract.model import Move
from tracker.moves import record_move
from tracker.settings import AlertSettings, FlowRuleConfig, Settings, WatchlistConfig
from tracker.store import EventStore


def main(n: int) -> None:
    settings = Settings(
        watchlist=WatchlistConfig(organizations=["Anthropic"]),
        alerts=AlertSettings(flows=[FlowRuleConfig.model_validate({"from": "OpenAI", "to": "Anthropic"})]),
    )
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{Path(tmp) / 'bench.db'}")
        migrate(engine)
        store = EventStore(engine)
        start = time.perf_counter()
        for i in range(n):
            move = Move(
                person=f"Person {i}", org=f"Org {i % 50}", direction="joined", role="Engineer", date="2026-01-01"
            )
            with transaction(engine) as session:
                record_move(session, store, settings, move, idempotency_key=f"k{i}", meta={})
        plain = time.perf_counter() - start
        start = time.perf_counter()
        for i in range(20):
            move = Move(person=f"Flow {i}", org="Anthropic", origin_org="OpenAI", direction="joined", date="2026-02-01")
            with transaction(engine) as session:
                record_move(session, store, settings, move, idempotency_key=f"f{i}", meta={})
        flow = time.perf_counter() - start
        start = time.perf_counter()
        with open("/dev/null", "w") as devnull:
            from rich.console import Console

            report = dispatch_pending(engine, settings, sink=ConsoleSink(Console(file=devnull)))
        dispatch = time.perf_counter() - start
        print(f"log of {n} moves: {plain / n * 1000:.2f} ms per non-notable move")
        print(f"flow-candidate moves at that size: {flow / 20 * 1000:.1f} ms each")
        print(
            f"dispatch of {report.sent} alerts to the console: {dispatch * 1000:.0f} ms "
            f"({len(list_alerts(engine))} outbox rows)"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)

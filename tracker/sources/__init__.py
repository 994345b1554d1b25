"""Sources: fetch listings and articles politely, parse them into items, keep per-source state.

`tracker.ingest` drives a poll cycle with these parts; nothing here writes events.
"""

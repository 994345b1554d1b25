"""Views derived from the event log."""

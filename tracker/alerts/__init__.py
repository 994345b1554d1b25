"""Notability rules, rendering, outbox and delivery of Slack alerts."""

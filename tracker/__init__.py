"""exec-tracker: event-sourced tracker of executive moves."""

"""End-to-end fixtures: the sources' HTTP test site and the fake Slack server, together."""

from tests.alerts.conftest import fake_slack
from tests.sources.conftest import site

__all__ = ["fake_slack", "site"]

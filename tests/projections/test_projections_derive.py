"""Pure pieces of the derivation."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from tracker.projections.datemath import gap_days
from tracker.projections.derive import id_list


@given(st.lists(st.text(max_size=12), max_size=4))
def test_id_list_is_json_dumps(ids: list[str]) -> None:
    assert id_list(ids) == json.dumps(ids)


def test_gap_days_between_partial_dates() -> None:
    assert gap_days("2024", "2024-12-20") == 0
    assert gap_days("2024-08", "2024-08-05") == 0
    assert gap_days("2024-08", "2024-10-01") == 31
    assert gap_days("2024-10-01", "2024-08") == 31

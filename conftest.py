"""Fixtures for every test in the repository."""

from __future__ import annotations

import pytest
from django.core.cache import caches


@pytest.fixture(autouse=True)
def _fresh_page_cache() -> None:
    # Test transactions are rolled back without the commit that would make cached pages stale.
    caches["pages"].clear()
    caches["shared"].clear()


# The longest modules first. pytest-xdist (`--dist loadfile`) hands whole files to its workers in collection
# order, so a long file collected last runs alone while the other worker has nothing left to do.
LONGEST_FIRST = (
    "pyprep/api/tests/test_schema_holds_under_generated_requests.py",
    "pyprep/cli/tests/test_pyprep_command_in_a_terminal.py",
    "tests/test_query_budgets.py",
    "tests/bank/test_search_quality.py",
    "tests/browser/test_accessibility.py",
    "tests/browser/test_challenge_flow.py",
    "pyprep/judge/tests/test_attacks.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    rank = {path: index for index, path in enumerate(LONGEST_FIRST)}
    # A stable sort on the module's rank keeps each module's tests together and in their own order.
    items.sort(key=lambda item: rank.get(item.nodeid.split("::", 1)[0], len(rank)))

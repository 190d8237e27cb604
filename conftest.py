"""Fixtures for every test in the repository."""

from __future__ import annotations

import pytest
from django.core.cache import caches


@pytest.fixture(autouse=True)
def _fresh_page_cache() -> None:
    # Test transactions are rolled back without the commit that would make cached pages stale.
    caches["pages"].clear()
    caches["shared"].clear()

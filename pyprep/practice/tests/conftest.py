from __future__ import annotations

import pytest
from django.core.cache import cache

from pyprep.bank.services import LoadResult, content_load
from pyprep.bank.tests.conftest import FIXTURE_CONTENT


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    # Log-in throttling counts in the cache; each test starts from zero.
    cache.clear()


@pytest.fixture
def bank(db: None) -> LoadResult:
    """The bank's small fixture content, loaded through the real loader."""
    result = content_load(root=FIXTURE_CONTENT)
    assert result.errors == []
    return result

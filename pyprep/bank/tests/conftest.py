from __future__ import annotations

from pathlib import Path

import pytest

from pyprep.bank.services import LoadResult, content_load

FIXTURE_CONTENT = Path(__file__).parent / "fixtures" / "content"


@pytest.fixture
def fixture_content() -> Path:
    return FIXTURE_CONTENT


@pytest.fixture
def bank(db: None) -> LoadResult:
    """The small fixture bank, loaded through the real loader."""
    result = content_load(root=FIXTURE_CONTENT)
    assert result.errors == []
    return result

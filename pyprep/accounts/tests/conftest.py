from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django_ratelimit import core as ratelimit_core

# Any fixed instant: django-ratelimit counts in fixed windows (core._get_window: an offset per key), and a test
# whose attempts straddle a window's end starts counting again halfway. Most likely why "the sixth attempt is
# refused" failed once in a fresh-clone run (302, not 429). Held still, every attempt of a test falls in one
# window.
HELD_AT = 1_800_000_000.0


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    # Log-in throttling counts in the cache; each test starts from zero.
    cache.clear()


@pytest.fixture(autouse=True)
def _ratelimit_clock_held(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ratelimit_core, "time", SimpleNamespace(time=lambda: HELD_AT))

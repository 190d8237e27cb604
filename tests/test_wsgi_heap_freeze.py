"""The web worker's long-lived heap is frozen, so the collector never pauses a worker to scan it."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest

from config.wsgi import frozen_after_warm_up

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def unfrozen() -> Iterable[None]:
    gc.unfreeze()
    yield
    gc.unfreeze()


def _app(environ: dict[str, Any], start_response: Callable[..., Any]) -> list[bytes]:
    return [b"ok"]


@pytest.mark.usefixtures("unfrozen")
def test_what_the_first_requests_built_is_frozen_once_they_are_served() -> None:
    app = frozen_after_warm_up(_app, requests=3)
    for _ in range(2):
        assert app({}, lambda *args: None) == [b"ok"]
    assert gc.get_freeze_count() == 0
    app({}, lambda *args: None)
    assert gc.get_freeze_count() > 0


def _freeze_count_after_import(**env: str) -> int:
    environ = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test", **env}
    code = "import gc, config.wsgi; print(gc.get_freeze_count())"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environ, capture_output=True, text=True, check=True
    )
    return int(result.stdout.split()[-1])


def test_a_worker_freezes_its_heap_once_the_site_is_imported_unless_told_not_to() -> None:
    assert _freeze_count_after_import() > 50_000
    assert _freeze_count_after_import(PYPREP_GC_FREEZE="0") == 0

"""Values the practice app adds to every page (the due-today count in the nav)."""

from __future__ import annotations

from functools import cache
from typing import Any

from django.http import HttpRequest

from pyprep.practice import selectors
from pyprep.practice.ownership import owner_of


def practice(request: HttpRequest) -> dict[str, Any]:
    # A callable, counted the first time a template reads it (the nav, the home page): a page without the
    # nav (an htmx fragment) costs nothing, and one that reads it twice counts once.
    @cache
    def due_count() -> int:
        return selectors.due_count(owner=owner_of(request))

    return {"due_count": due_count}

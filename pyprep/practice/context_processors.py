"""Values the practice app adds to every page (the due-today count in the nav)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from pyprep.practice import selectors
from pyprep.practice.ownership import owner_of


def practice(request: HttpRequest) -> dict[str, Any]:
    return {"due_count": selectors.due_count(owner=owner_of(request))}

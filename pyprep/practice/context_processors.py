"""Values the practice app adds to every page (the due-today count in the nav)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest


def practice(request: HttpRequest) -> dict[str, Any]:
    return {}

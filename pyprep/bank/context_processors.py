"""Values every page template needs: the levels for the nav and filters."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from pyprep.bank.levels import LEVELS


def site(request: HttpRequest) -> dict[str, Any]:
    return {"levels": LEVELS}

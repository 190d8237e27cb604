"""The health endpoint: is the database there, is a judge alive, and in which sandbox tier."""

from __future__ import annotations

from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from pyprep.judge.selectors import judge_status


@never_cache
@require_GET
def health(request: HttpRequest) -> JsonResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        judge = judge_status()
    except DatabaseError:
        return JsonResponse({"status": "down", "judge": None, "database": "error"}, status=503)
    healthy = judge["alive"] and judge["tier"] not in (None, "none")
    return JsonResponse({"status": "ok" if healthy else "degraded", "judge": judge, "database": "ok"})

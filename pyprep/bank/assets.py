"""Stylesheet for highlighted code, generated from the installed Pygments."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import cache_control

from pyprep.bank.rendering import pygments_css


@cache_control(max_age=86400, public=True)
def pygments_stylesheet(request: HttpRequest) -> HttpResponse:
    return HttpResponse(pygments_css(), content_type="text/css")

"""URL routes: each app owns its own."""

from __future__ import annotations

from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

from pyprep.api.v1.api import api as api_v1
from pyprep.bank.assets import pygments_stylesheet
from pyprep.judge.views import health

admin.site.site_header = "pyprep curation"
admin.site.site_title = "pyprep admin"

urlpatterns: list[URLPattern | URLResolver] = [
    path("admin/", admin.site.urls),
    path("api/v1/", api_v1.urls),
    path("api/", include("pyprep.api.urls")),
    path("accounts/", include("pyprep.accounts.urls")),
    path("practice/", include("pyprep.practice.urls")),
    path("exports/", include("pyprep.exports.urls")),
    path("challenges/", include("pyprep.challenges.urls")),
    path("interviews/", include("pyprep.interviews.urls")),
    path("mock/", include("pyprep.mock.urls")),
    path("pygments.css", pygments_stylesheet, name="pygments_css"),
    path("health", health, name="health"),
    path("", include("pyprep.bank.urls")),
]

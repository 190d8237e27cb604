from __future__ import annotations

from django.urls import URLPattern, URLResolver, path, re_path

from pyprep.api import views
from pyprep.api.v1.api import not_found

app_name = "api"
urlpatterns: list[URLPattern | URLResolver] = [
    # Reached only when no v1 endpoint matched (config/urls.py mounts the v1 API first).
    re_path(r"^v1/(?P<rest>.*)$", not_found, name="v1_not_found"),
    path("tokens/", views.token_create, name="token_create"),
    path("tokens/<int:pk>/revoke/", views.token_revoke, name="token_revoke"),
    # The first, unversioned endpoints; kept working for the clients that use them.
    path("questions", views.question_list, name="question_list"),
    path("questions/<slug:slug>", views.question_detail, name="question_detail"),
]

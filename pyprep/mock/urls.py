from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from pyprep.mock import views

app_name = "mock"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.start, name="start"),
    path("start/", views.create, name="create"),
    path("history/", views.history, name="history"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/answer/", views.answer, name="answer"),
    path("<int:pk>/autosave/", views.autosave, name="autosave"),
    path("<int:pk>/end/", views.end, name="end"),
    path("<int:pk>/report/", views.report, name="report"),
    path("<int:pk>/confirm/", views.confirm, name="confirm"),
]

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from pyprep.challenges import verdicts, views

app_name = "challenges"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.challenge_index, name="index"),
    path("submissions/<int:pk>/", views.submission_result, name="result"),
    path("submissions/<int:pk>/wait/", verdicts.submission_wait, name="wait"),
    path("<slug:slug>/", views.challenge_detail, name="detail"),
    path("<slug:slug>/submit/", views.submission_create, name="submit"),
    path("<slug:slug>/hint/", views.hint_next, name="hint"),
    path("<slug:slug>/give-up/", views.give_up, name="give_up"),
    path("<slug:slug>/solution/", views.solution_panel, name="solution"),
    path("<slug:slug>/history/", views.history, name="history"),
]

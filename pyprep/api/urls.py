from __future__ import annotations

from django.urls import path

from pyprep.api import views

app_name = "api"
urlpatterns = [
    path("questions", views.question_list, name="question_list"),
    path("questions/<slug:slug>", views.question_detail, name="question_detail"),
]

from __future__ import annotations

from django.urls import path

from pyprep.bank import views

app_name = "bank"
urlpatterns = [
    path("", views.home, name="home"),
    path("questions/", views.question_list, name="question_list"),
    path("questions/<slug:slug>/", views.question_detail, name="question_detail"),
    path("sets/", views.set_list, name="set_list"),
    path("sets/<slug:slug>/", views.set_detail, name="set_detail"),
]

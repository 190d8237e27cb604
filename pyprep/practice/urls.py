from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from pyprep.practice import views

app_name = "practice"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.start, name="start"),
    path("sessions/", views.session_create, name="create"),
    path("sessions/<int:pk>/", views.session_detail, name="session"),
    path("sessions/<int:pk>/reveal/", views.session_reveal, name="reveal"),
    path("sessions/<int:pk>/rate/", views.session_rate, name="rate"),
    path("sessions/<int:pk>/undo/", views.session_undo, name="undo"),
    path("sessions/<int:pk>/end/", views.session_finish, name="end"),
    path("sessions/<int:pk>/summary/", views.session_summary, name="summary"),
    path("reviews/<int:pk>/", views.review_detail, name="review_detail"),
    path("progress/", views.progress, name="progress"),
    path("settings/", views.preferences, name="preferences"),
    path("questions/<slug:slug>/star/", views.star_toggle, name="star"),
    path("questions/<slug:slug>/note/", views.note_save, name="note"),
]

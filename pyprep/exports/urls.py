from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from pyprep.exports import views

app_name = "exports"
urlpatterns: list[URLPattern | URLResolver] = [
    path("anki.apkg", views.anki_deck, name="anki"),
]

"""Practice data in the admin: read-mostly, for support and curation, never for editing people's history."""

from __future__ import annotations

from django.contrib import admin

from pyprep.practice.models import Card, Note, PracticeSession, Review, Star


@admin.register(Card)
class CardAdmin(admin.ModelAdmin[Card]):
    list_display = ("question", "user", "phase", "due", "last_review")
    list_filter = ("phase",)
    search_fields = ("question__slug", "user__username")
    raw_id_fields = ("question", "user")


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin[Review]):
    list_display = ("card", "grade", "reviewed_at", "covered", "key_point_count")
    list_filter = ("grade",)
    raw_id_fields = ("card",)


@admin.register(PracticeSession)
class PracticeSessionAdmin(admin.ModelAdmin[PracticeSession]):
    list_display = ("title", "user", "scope", "created_at", "finished_at")
    list_filter = ("scope",)
    raw_id_fields = ("user",)


@admin.register(Star)
class StarAdmin(admin.ModelAdmin[Star]):
    list_display = ("question", "user", "created_at")
    raw_id_fields = ("question", "user")


@admin.register(Note)
class NoteAdmin(admin.ModelAdmin[Note]):
    list_display = ("question", "user", "updated_at")
    raw_id_fields = ("question", "user")

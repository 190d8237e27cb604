"""Mock interviews in the admin: read-mostly, for support, never for editing someone's result."""

from __future__ import annotations

from django.contrib import admin

from pyprep.mock.models import MockInterview, MockItem


class MockItemInline(admin.TabularInline[MockItem, MockInterview]):
    model = MockItem
    extra = 0
    fields = ("position", "question", "skipped", "seconds_spent", "suggested_grade", "grade", "review")
    readonly_fields = fields
    can_delete = False


@admin.register(MockInterview)
class MockInterviewAdmin(admin.ModelAdmin[MockInterview]):
    list_display = ("pk", "user", "level", "minutes", "with_challenge", "state", "started_at", "score")
    list_filter = ("state", "level", "minutes")
    search_fields = ("user__username",)
    raw_id_fields = ("user",)
    inlines = (MockItemInline,)

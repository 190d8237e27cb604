"""Admin panel for curators: questions with inline key points, examples and follow-ups; topics; curated sets."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest

from pyprep.bank.models import (
    CuratedSet,
    CuratedSetItem,
    Example,
    FollowUp,
    KeyPoint,
    Misconception,
    Question,
    Topic,
)
from pyprep.bank.services import question_after_admin_save


class KeyPointInline(admin.TabularInline[KeyPoint, Question]):
    model = KeyPoint
    extra = 1
    fields = ["position", "text", "concepts"]


class MisconceptionInline(admin.StackedInline[Misconception, Question]):
    model = Misconception
    extra = 0
    fields = ["position", "claim", "concepts", "unless", "contradicts", "correction"]


class ExampleInline(admin.StackedInline[Example, Question]):
    model = Example
    extra = 0
    fields = ["position", "title", "code", "output"]


class FollowUpInline(admin.TabularInline[FollowUp, Question]):
    model = FollowUp
    extra = 1
    fields = ["position", "text"]


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin[Question]):
    list_display = ["title", "level", "kind", "status", "updated_at"]
    list_filter = ["level", "topics", "kind", "status"]
    search_fields = ["title", "asked_as", "slug", "summary", "answer"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["topics", "related"]
    readonly_fields = ["source_path", "created_at", "updated_at"]
    inlines = [KeyPointInline, MisconceptionInline, ExampleInline, FollowUpInline]
    fieldsets = [
        (None, {"fields": ["title", "asked_as", "slug", "level", "kind", "status", "topics"]}),
        ("Answer", {"fields": ["summary", "answer"]}),
        ("Links", {"fields": ["related"]}),
        ("Record", {"fields": ["source_path", "created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    def save_related(
        self, request: HttpRequest, form: ModelForm[Question], formsets: Any, change: bool
    ) -> None:
        super().save_related(request, form, formsets, change)
        # Topics and key points are saved only now, so search is refreshed after them.
        question_after_admin_save(question=form.instance)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Question]:
        return super().get_queryset(request).prefetch_related("topics")


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin[Topic]):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name", "slug"]


class CuratedSetItemInline(admin.TabularInline[CuratedSetItem, CuratedSet]):
    model = CuratedSetItem
    extra = 1
    autocomplete_fields = ["question"]
    fields = ["position", "question"]
    ordering = ["position"]


@admin.register(CuratedSet)
class CuratedSetAdmin(admin.ModelAdmin[CuratedSet]):
    list_display = ["title", "slug", "featured", "position"]
    list_editable = ["featured", "position"]
    list_filter = ["featured"]
    search_fields = ["title", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [CuratedSetItemInline]

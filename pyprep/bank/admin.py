"""Admin panel for curators: questions with inline key points, examples and follow-ups, a Markdown preview;
topics; curated sets whose question picker ranks by match and whose items number themselves."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.db.models import QuerySet
from django.forms import ModelForm
from django.forms.models import BaseInlineFormSet
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import URLPattern, path, reverse
from django.views.decorators.http import require_POST

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
from pyprep.bank.rendering import render_markdown
from pyprep.bank.selectors import questions_for_picker
from pyprep.bank.services import curated_set_renumber, question_after_admin_save

PREVIEW_MAX_CHARS = 100_000


class KeyPointForm(forms.ModelForm[KeyPoint]):
    class Meta:
        model = KeyPoint
        fields = ["position", "text", "concepts"]
        # A key point is a sentence or two: room to read it whole while editing it.
        widgets = {"text": forms.Textarea(attrs={"rows": 3, "cols": 60, "maxlength": 300})}


class KeyPointInline(admin.TabularInline[KeyPoint, Question]):
    model = KeyPoint
    form = KeyPointForm
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

    @property
    def media(self) -> forms.Media:
        # "Preview" buttons under the summary and the answer: the script posts to preview_markdown below.
        preview = forms.Media(
            js=["js/admin_preview.js"], css={"all": ["css/admin_preview.css", reverse("pygments_css")]}
        )
        return super().media + preview

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Question], search_term: str
    ) -> tuple[QuerySet[Question], bool]:
        matched, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        match = request.resolver_match
        if not search_term.strip() or match is None or match.url_name != "autocomplete":
            return matched, may_have_duplicates
        # The question picker of a curated set: the exact title first, so typing it and pressing Enter picks it.
        return questions_for_picker(term=search_term, within=queryset, matched=matched), False

    def get_urls(self) -> list[URLPattern]:
        preview = path(
            "preview/",
            self.admin_site.admin_view(require_POST(self.preview_markdown)),
            name="bank_question_preview",
        )
        return [preview, *super().get_urls()]

    def preview_markdown(self, request: HttpRequest) -> HttpResponse:
        """The summary or answer being edited, rendered and sanitised exactly as the question page does."""
        if not self.has_change_permission(request) and not self.has_add_permission(request):
            return JsonResponse({"error": "You may not edit questions."}, status=403)
        text = request.POST.get("text", "")[:PREVIEW_MAX_CHARS]
        return JsonResponse({"html": render_markdown(text)})


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin[Topic]):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name", "slug"]


class CuratedSetItemForm(forms.ModelForm[CuratedSetItem]):
    position = forms.IntegerField(
        required=False,
        min_value=0,
        widget=forms.NumberInput(attrs={"placeholder": "next", "style": "width: 5em"}),
        help_text="Blank: after the others. Saving numbers the items 1, 2, 3… in this order.",
    )

    class Meta:
        model = CuratedSetItem
        fields = ["position", "question"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            # Not the model's default 0 (which sorts first): blank, so the row goes last unless told otherwise.
            self.initial["position"] = None


class CuratedSetItemFormSet(BaseInlineFormSet[CuratedSetItem, CuratedSet, ModelForm[CuratedSetItem]]):
    def clean(self) -> None:
        super().clean()
        kept = [
            form
            for form in self.forms
            if form.has_changed()
            and getattr(form, "cleaned_data", None)
            and not form.cleaned_data.get("DELETE")
        ]
        given = [item.position for item in self.instance.items.all()] if self.instance.pk else []
        given += [
            form.cleaned_data["position"] for form in kept if form.cleaned_data.get("position") is not None
        ]
        following = max(given, default=0)
        # A row left without a position goes after every other, in the order the rows appear.
        for form in kept:
            if form.cleaned_data.get("position") is None:
                following += 1
                form.cleaned_data["position"] = following
                form.instance.position = following


class CuratedSetItemInline(admin.TabularInline[CuratedSetItem, CuratedSet]):
    model = CuratedSetItem
    form = CuratedSetItemForm
    formset = CuratedSetItemFormSet
    extra = 1
    autocomplete_fields = ["question"]
    fields = ["position", "question"]
    ordering = ["position", "id"]


@admin.register(CuratedSet)
class CuratedSetAdmin(admin.ModelAdmin[CuratedSet]):
    list_display = ["title", "slug", "featured", "position"]
    list_editable = ["featured", "position"]
    list_filter = ["featured"]
    search_fields = ["title", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [CuratedSetItemInline]

    def save_related(
        self, request: HttpRequest, form: ModelForm[CuratedSet], formsets: Any, change: bool
    ) -> None:
        super().save_related(request, form, formsets, change)
        curated_set_renumber(curated_set=form.instance)

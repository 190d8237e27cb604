"""Interview plans in the admin: for support, read-mostly; scores are the interviewer's to change."""

from __future__ import annotations

from django.contrib import admin

from pyprep.interviews.models import InterviewPlan, PlanQuestion, PlanRow


class PlanQuestionInline(admin.TabularInline[PlanQuestion, InterviewPlan]):
    model = PlanQuestion
    fields = ("position", "question", "minutes", "note")
    raw_id_fields = ("question",)
    extra = 0


@admin.register(InterviewPlan)
class InterviewPlanAdmin(admin.ModelAdmin[InterviewPlan]):
    list_display = ("title", "owner", "level", "seed", "created_at", "updated_at")
    list_filter = ("level",)
    search_fields = ("title", "owner__username")
    raw_id_fields = ("owner",)
    readonly_fields = ("share_token", "created_at", "updated_at")
    inlines = [PlanQuestionInline]


@admin.register(PlanRow)
class PlanRowAdmin(admin.ModelAdmin[PlanRow]):
    list_display = ("key_point", "plan_question", "score", "scored_at")
    list_filter = ("score",)
    raw_id_fields = ("plan_question",)

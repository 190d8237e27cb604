from __future__ import annotations

from django.contrib import admin

from pyprep.challenges.models import Challenge, Submission


@admin.register(Challenge)
class ChallengeAdmin(admin.ModelAdmin[Challenge]):
    list_display = ["__str__", "cpu_seconds", "memory_mb", "validated_at"]
    search_fields = ["question__title", "question__slug"]
    readonly_fields = ["expected", "content_hash", "validated_at"]
    raw_id_fields = ["question"]


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin[Submission]):
    list_display = ["id", "challenge", "user", "kind", "state", "verdict", "runtime_ms", "created_at"]
    list_filter = ["kind", "state", "verdict"]
    search_fields = ["challenge__question__slug", "user__username"]
    raw_id_fields = ["challenge", "user"]
    readonly_fields = ["results", "traceback", "judge_job", "created_at", "finished_at"]

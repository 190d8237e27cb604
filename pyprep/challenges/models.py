"""A challenge (one-to-one with a bank question of kind "challenge") and the submissions made to it."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.urls import reverse

from pyprep.bank.models import Question
from pyprep.challenges.grading import VERDICT_LABELS
from pyprep.challenges.limits import job_limits
from pyprep.judge.protocol import Limits


class Challenge(models.Model):
    question = models.OneToOneField(
        Question,
        on_delete=models.CASCADE,
        related_name="challenge",
        help_text="The bank question this challenge is.",
    )
    statement = models.TextField(help_text="What to write, in Markdown; shown above the editor.")
    starter_code = models.TextField(help_text="Code the editor starts with (and returns to on reset).")
    tests_code = models.TextField(help_text="Module of def test_*() functions that import from `solution`.")
    visible_tests = models.JSONField(
        default=list, help_text="Names of tests shown as examples and run by Run."
    )
    hidden_tests = models.JSONField(
        default=list, help_text="Names of tests only Submit runs; inputs never shown."
    )
    reference_solution = models.TextField(help_text="Accepted solution, shown after acceptance or giving up.")
    explanation = models.TextField(help_text="Why the reference solution works (Markdown).")
    hints = models.JSONField(default=list, help_text="Zero to three hints, revealed one at a time.")
    cpu_seconds = models.FloatField(default=2.0, help_text="CPU time limit for one run of all tests.")
    memory_mb = models.PositiveIntegerField(
        default=128, help_text="Memory limit above the interpreter's baseline."
    )
    expected = models.JSONField(
        default=dict,
        help_text="Observations of the reference solution per test, computed by the judge at load time.",
    )
    content_hash = models.CharField(
        max_length=64,
        blank=True,
        help_text="Hash of the challenge files; validation is skipped while it is unchanged.",
    )
    validated_at = models.DateTimeField(
        null=True, blank=True, help_text="When the judge last validated the files."
    )

    class Meta:
        ordering = ["question__title"]

    def __str__(self) -> str:
        return self.question.title

    def get_absolute_url(self) -> str:
        return reverse("challenges:detail", args=[self.question.slug])

    @property
    def slug(self) -> str:
        return self.question.slug

    @property
    def limits(self) -> Limits:
        return job_limits(cpu_seconds=self.cpu_seconds, memory_mb=self.memory_mb)

    def test_names(self, *, kind: str) -> list[str]:
        if kind == Submission.Kind.RUN:
            return list(self.visible_tests)
        return list(self.visible_tests) + list(self.hidden_tests)

    def expected_for(self, names: list[str]) -> dict[str, Any]:
        return {name: self.expected[name] for name in names if name in self.expected}


class SubmissionQuerySet(models.QuerySet["Submission"]):
    def pending(self) -> SubmissionQuerySet:
        return self.filter(state__in=[Submission.State.QUEUED, Submission.State.RUNNING])

    def accepted(self) -> SubmissionQuerySet:
        return self.filter(kind=Submission.Kind.SUBMIT, verdict="accepted")


class Submission(models.Model):
    class Kind(models.TextChoices):
        RUN = "run", "Run (visible tests)"
        SUBMIT = "submit", "Submit (all tests)"

    class State(models.TextChoices):
        QUEUED = "queued", "Waiting for the judge"
        RUNNING = "running", "Running"
        DONE = "done", "Graded"
        FAILED = "failed", "Judge failed"

    challenge = models.ForeignKey(
        Challenge,
        on_delete=models.CASCADE,
        related_name="submissions",
        help_text="Challenge this code answers.",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="submissions",
        help_text="Who sent it; empty for an anonymous Run.",
    )
    kind = models.CharField(
        max_length=10, choices=Kind.choices, help_text="Run executes visible tests, Submit all."
    )
    code = models.TextField(help_text="The candidate's source, exactly as sent.")
    state = models.CharField(
        max_length=10,
        choices=State.choices,
        default=State.QUEUED,
        help_text="Where the submission is in the judge.",
    )
    verdict = models.CharField(
        max_length=20,
        blank=True,
        choices=list(VERDICT_LABELS.items()),
        help_text="The verdict, once graded; empty while the judge has not answered.",
    )
    summary = models.CharField(
        max_length=200, blank=True, help_text="One-line verdict summary shown to the candidate."
    )
    results = models.JSONField(
        default=list, help_text="Per-test rows: name, passed, message, expected/got if visible."
    )
    traceback = models.TextField(
        blank=True, help_text="Traceback of the candidate's own code, if it crashed."
    )
    runtime_ms = models.FloatField(null=True, blank=True, help_text="Time the judge spent running the tests.")
    judge_job = models.ForeignKey(
        "judge.JudgeJob",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The judge job that runs it; its result is graded when the judge announces it.",
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True, help_text="When it was sent.")
    finished_at = models.DateTimeField(null=True, blank=True, help_text="When the verdict was recorded.")

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["user", "challenge", "-created_at"]),
            # Every Run and Submit counts the pending ones (the queue's cap): without it that count read every
            # submission's row, code and results included: 1.0 ms at 521 rows, 38 ms at 21,000 (0.4 with it).
            models.Index(fields=["state"], name="challenges_submission_state"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk} on {self.challenge}: {self.verdict or self.state}"

    @property
    def is_pending(self) -> bool:
        return self.state in (self.State.QUEUED, self.State.RUNNING)

    @property
    def accepted(self) -> bool:
        return self.verdict == "accepted"

"""Interview plans: a saved kit (its questions and rubric rows, copied), live scores, notes and a share link."""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.urls import reverse

from pyprep.bank.levels import LEVEL_BY_VALUE, LEVEL_CHOICES
from pyprep.bank.models import Question

if TYPE_CHECKING:
    from django.db.models.fields.related_descriptors import RelatedManager


class InterviewPlan(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="interview_plans",
        help_text="The interviewer who saved the plan; nobody else can open or change it.",
    )
    title = models.CharField(
        max_length=120, help_text="A name for the interview, e.g. the candidate's name and the date."
    )
    level = models.CharField(
        max_length=10, choices=LEVEL_CHOICES, help_text="The level the kit's questions were drawn for."
    )
    seed = models.PositiveIntegerField(
        help_text="The kit's seed: the same parameters draw the same questions."
    )
    kit_query = models.CharField(
        max_length=500,
        help_text="The kit's query string (level, count, topic, set, challenge, seed), to open the kit again.",
    )
    share_token = models.CharField(
        max_length=64,
        blank=True,
        db_index=True,
        help_text="Unguessable token of the read-only share link; empty when the plan is not shared.",
    )
    created_at = models.DateTimeField(auto_now_add=True, help_text="When the plan was saved.")
    updated_at = models.DateTimeField(auto_now=True, help_text="When a score or note last changed.")

    if TYPE_CHECKING:
        questions: RelatedManager[PlanQuestion]

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("interviews:plan", kwargs={"pk": self.pk})

    @property
    def level_label(self) -> str:
        return LEVEL_BY_VALUE[self.level].label

    def share_url(self) -> str:
        return reverse("interviews:shared", kwargs={"token": self.share_token}) if self.share_token else ""

    @staticmethod
    def new_share_token() -> str:
        return secrets.token_urlsafe(24)


class PlanQuestion(models.Model):
    plan = models.ForeignKey(
        InterviewPlan, on_delete=models.CASCADE, related_name="questions", help_text="The plan it belongs to."
    )
    question = models.ForeignKey(
        Question,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="The bank question asked (its rubric rows are copied, so a later content edit changes no score).",
    )
    position = models.PositiveSmallIntegerField(help_text="Order in the interview, from 0.")
    minutes = models.PositiveSmallIntegerField(help_text="Suggested time for this question, in minutes.")
    note = models.TextField(blank=True, help_text="The interviewer's note on the candidate's answer.")

    if TYPE_CHECKING:
        rows: RelatedManager[PlanRow]

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "position"], name="interviews_question_position_once")
        ]

    def __str__(self) -> str:
        return f"{self.plan} #{self.position + 1}"


class PlanRow(models.Model):
    plan_question = models.ForeignKey(
        PlanQuestion, on_delete=models.CASCADE, related_name="rows", help_text="The question this row scores."
    )
    position = models.PositiveSmallIntegerField(help_text="Order within the question, from 0.")
    key_point = models.CharField(
        max_length=300, help_text="The key point listened for, as the bank stated it when the plan was saved."
    )
    score = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="0 absent, 1 named, 2 explained, 3 explained with trade-offs; empty until scored.",
    )
    scored_at = models.DateTimeField(null=True, blank=True, help_text="When the score last changed.")

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan_question", "position"], name="interviews_row_position_once"
            ),
            models.CheckConstraint(
                condition=models.Q(score__isnull=True) | models.Q(score__lte=3),
                name="interviews_score_0_to_3",
            ),
        ]

    def __str__(self) -> str:
        return self.key_point

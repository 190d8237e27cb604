"""A timed mock interview and its questions, owned like practice data (a user, or an anonymous session)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Self

from django.db import models
from django.urls import reverse

from pyprep.bank.levels import LEVEL_BY_VALUE, LEVEL_CHOICES
from pyprep.bank.models import Question
from pyprep.practice.models import Owned, OwnedQuerySet, Review
from pyprep.practice.scheduling import Grade

if TYPE_CHECKING:
    from django.db.models.fields.related_descriptors import RelatedManager


class MockInterviewQuerySet(OwnedQuerySet["MockInterview"]):
    def running(self) -> Self:
        return self.filter(state=MockInterview.State.RUNNING)

    def finished(self) -> Self:
        return self.exclude(state=MockInterview.State.RUNNING)


class MockInterview(Owned):
    class State(models.TextChoices):
        RUNNING = "running", "Running"
        FINISHED = "finished", "Finished, ratings not confirmed"
        CONFIRMED = "confirmed", "Finished, cards scheduled"

    class Ending(models.TextChoices):
        COMPLETED = "completed", "Every question answered or skipped"
        TIME_UP = "time_up", "Time ran out"
        ENDED = "ended", "Ended early by the candidate"

    level = models.CharField(
        max_length=10, choices=LEVEL_CHOICES, help_text="The level the mock is pitched at."
    )
    widened = models.BooleanField(
        default=False, help_text="Whether questions were also drawn from the neighbouring levels."
    )
    minutes = models.PositiveSmallIntegerField(help_text="The length chosen: 20, 30 or 45 minutes.")
    with_challenge = models.BooleanField(default=False, help_text="Whether one code challenge is included.")
    seed = models.PositiveIntegerField(
        help_text="Seed of the question draw; the same seed draws the same questions."
    )
    state = models.CharField(
        max_length=10,
        choices=State.choices,
        default=State.RUNNING,
        help_text="Running, finished or confirmed.",
    )
    started_at = models.DateTimeField(help_text="When the clock started.")
    deadline = models.DateTimeField(
        help_text="When the time is up; the server's clock decides, not the page's."
    )
    finished_at = models.DateTimeField(null=True, blank=True, help_text="When the mock ended.")
    ending = models.CharField(
        max_length=10,
        choices=Ending.choices,
        blank=True,
        help_text="How the mock ended; empty while running.",
    )
    score = models.FloatField(
        null=True,
        blank=True,
        help_text="Share of key points covered over the concept questions (0–1), kept for the history's trend.",
    )
    confirmed_at = models.DateTimeField(
        null=True, blank=True, help_text="When the ratings were confirmed and the cards scheduled."
    )

    objects = MockInterviewQuerySet.as_manager()

    if TYPE_CHECKING:
        items: RelatedManager[MockItem]

    class Meta:
        ordering = ["-started_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(user__isnull=False) | ~models.Q(session_key=""),
                name="mockinterview_has_owner",
            )
        ]

    def __str__(self) -> str:
        return f"Mock {self.pk}: {self.level_label}, {self.minutes} min"

    def get_absolute_url(self) -> str:
        return reverse("mock:detail", kwargs={"pk": self.pk})

    @property
    def level_label(self) -> str:
        return LEVEL_BY_VALUE[self.level].label

    @property
    def is_running(self) -> bool:
        return self.state == self.State.RUNNING

    @property
    def score_percent(self) -> int | None:
        return None if self.score is None else round(100 * self.score)


class MockItem(models.Model):
    """One question's place in a mock; written at each step, so a reload resumes at the same question and text."""

    mock = models.ForeignKey(
        MockInterview,
        on_delete=models.CASCADE,
        related_name="items",
        help_text="The mock this question is in.",
    )
    position = models.PositiveSmallIntegerField(help_text="Order within the mock, from 0.")
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="+", help_text="The question asked."
    )
    answer = models.TextField(
        blank=True,
        help_text="What the candidate typed: autosaved while the question is open, final once answered.",
    )
    skipped = models.BooleanField(
        default=False, help_text="Skipped by the candidate, or never reached in time."
    )
    reached = models.BooleanField(default=False, help_text="Whether the question was ever shown.")
    shown_at = models.DateTimeField(null=True, blank=True, help_text="When the question was first shown.")
    answered_at = models.DateTimeField(
        null=True, blank=True, help_text="When it was answered, skipped or closed by the end of the mock."
    )
    seconds_spent = models.PositiveIntegerField(default=0, help_text="Seconds the question was open.")
    result = models.JSONField(
        default=dict,
        blank=True,
        help_text="The outcome: the matcher's verdict for a concept question, the judge's for a challenge.",
    )
    suggested_grade = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        choices=[(g.value, g.label) for g in Grade],
        help_text="The rating the result suggests (Again, Hard, Good, Easy).",
    )
    suggestion_reason = models.CharField(
        max_length=200, blank=True, help_text="Why that rating was suggested, in a sentence."
    )
    grade = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        choices=[(g.value, g.label) for g in Grade],
        help_text="The rating confirmed by the candidate; empty until confirmed.",
    )
    review = models.OneToOneField(
        Review,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="mock_item",
        help_text="The spaced-repetition review made on confirmation; its presence makes confirming idempotent.",
    )

    class Meta:
        ordering = ["mock", "position"]
        constraints = [models.UniqueConstraint(fields=["mock", "position"], name="unique_mock_item_position")]

    def __str__(self) -> str:
        return f"{self.mock_id}#{self.position}"

    @property
    def is_open(self) -> bool:
        return self.answered_at is None

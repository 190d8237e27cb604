"""Practice data: a card per owner and question with its FSRS memory, reviews, sessions, stars and notes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Self, TypeVar

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.urls import reverse

from pyprep.bank.models import Question
from pyprep.practice.conf import MAX_NEW_CARDS_PER_DAY, MAX_TEXT_CHARS
from pyprep.practice.scheduling import Grade, Memory, Phase

if TYPE_CHECKING:
    from django.db.models.fields.related_descriptors import RelatedManager

    from pyprep.practice.ownership import Owner


_M = TypeVar("_M", bound=models.Model)


class OwnedQuerySet(models.QuerySet[_M]):
    def owned_by(self, owner: Owner) -> Self:
        return self.filter(**owner.lookup())


class Owned(models.Model):
    """A row owned by a user or, before they sign up, by an anonymous browser session."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text="The account this belongs to; empty while it belongs to an anonymous session.",
    )
    session_key = models.CharField(
        max_length=40,
        blank=True,
        db_index=True,
        help_text="Session key of the anonymous visitor who owns this; cleared when it moves to an account.",
    )

    class Meta:
        abstract = True


def _owner_constraints(name: str, *, unique_with: tuple[str, ...] = ()) -> list[models.BaseConstraint]:
    constraints: list[models.BaseConstraint] = [
        models.CheckConstraint(
            condition=models.Q(user__isnull=False) | ~models.Q(session_key=""), name=f"{name}_has_owner"
        ),
    ]
    if unique_with:
        constraints += [
            models.UniqueConstraint(
                fields=["user", *unique_with],
                condition=models.Q(user__isnull=False),
                name=f"{name}_unique_user",
            ),
            models.UniqueConstraint(
                fields=["session_key", *unique_with],
                condition=models.Q(user__isnull=True),
                name=f"{name}_unique_session",
            ),
        ]
    return constraints


class Card(Owned):
    question = models.ForeignKey(
        Question,
        on_delete=models.CASCADE,
        related_name="practice_cards",
        help_text="The question this card asks.",
    )
    phase = models.PositiveSmallIntegerField(
        choices=[(p.value, p.name.capitalize()) for p in Phase],
        default=Phase.LEARNING,
        help_text="FSRS state: learning, review or relearning.",
    )
    step = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="FSRS learning step; empty in the review state."
    )
    stability = models.FloatField(
        null=True, blank=True, help_text="FSRS stability in days; empty until reviewed."
    )
    difficulty = models.FloatField(
        null=True, blank=True, help_text="FSRS difficulty (1–10); empty until reviewed."
    )
    due = models.DateTimeField(db_index=True, help_text="When the scheduler wants this card shown again.")
    last_review = models.DateTimeField(null=True, blank=True, help_text="When the card was last rated.")
    created_at = models.DateTimeField(auto_now_add=True, help_text="When the card was first shown.")

    objects = OwnedQuerySet["Card"].as_manager()

    if TYPE_CHECKING:
        reviews: RelatedManager[Review]

    class Meta:
        ordering = ["due"]
        constraints = _owner_constraints("card", unique_with=("question",))

    def __str__(self) -> str:
        return f"Card {self.pk}: {self.question_id}"

    @property
    def memory(self) -> Memory:
        return Memory(
            phase=Phase(self.phase),
            step=self.step,
            stability=self.stability,
            difficulty=self.difficulty,
            due=self.due,
            last_review=self.last_review,
        )

    def apply(self, memory: Memory) -> None:
        self.phase = int(memory.phase)
        self.step = memory.step
        self.stability = memory.stability
        self.difficulty = memory.difficulty
        if memory.due is not None:
            self.due = memory.due
        self.last_review = memory.last_review


class Review(models.Model):
    card = models.ForeignKey(
        Card, on_delete=models.CASCADE, related_name="reviews", help_text="The card rated."
    )
    grade = models.PositiveSmallIntegerField(
        choices=[(g.value, g.label) for g in Grade],
        help_text="The candidate's self-rating: Again, Hard, Good, Easy.",
    )
    reviewed_at = models.DateTimeField(db_index=True, help_text="When the rating was given.")
    answer = models.TextField(blank=True, help_text="What the candidate typed before revealing, if anything.")
    covered = models.PositiveSmallIntegerField(
        default=0, help_text="Key points the matcher found in the answer."
    )
    key_point_count = models.PositiveSmallIntegerField(default=0, help_text="Key points the question had.")
    due_after = models.DateTimeField(help_text="When the scheduler set the card due after this rating.")
    memory_before = models.JSONField(
        null=True,
        blank=True,
        help_text="The card's FSRS state before this rating, so the rating can be undone; "
        "empty when this rating created the card.",
    )

    class Meta:
        ordering = ["-reviewed_at"]

    def __str__(self) -> str:
        return f"Review {self.pk}: {self.get_grade_display()}"

    def get_absolute_url(self) -> str:
        return reverse("practice:review_detail", kwargs={"pk": self.pk})


class Scope(models.TextChoices):
    FILTER = "filter", "Questions matching a filter"
    SET = "set", "A curated set"
    DUE = "due", "Due for review"
    WEAK = "weak", "My weak topics"
    QUESTION = "question", "One question"


class PracticeSessionQuerySet(OwnedQuerySet["PracticeSession"]):
    def unfinished(self) -> Self:
        return self.filter(finished_at__isnull=True)

    def with_progress(self) -> Self:
        """Each session with `items_total` and `items_done` (cards rated) counted in the same query."""
        return self.annotate(items_total=models.Count("items"), items_done=models.Count("items__review"))


class PracticeSession(Owned):
    scope = models.CharField(max_length=10, choices=Scope.choices, help_text="How the questions were chosen.")
    scope_query = models.CharField(
        max_length=500,
        blank=True,
        help_text="The filter query string or set slug the session was started from.",
    )
    title = models.CharField(max_length=200, help_text="What the session practises, shown on its pages.")
    created_at = models.DateTimeField(auto_now_add=True, help_text="When the session started.")
    finished_at = models.DateTimeField(
        null=True, blank=True, help_text="When the last card was rated or it ended."
    )

    objects = PracticeSessionQuerySet.as_manager()

    if TYPE_CHECKING:
        items: RelatedManager[SessionItem]

    class Meta:
        ordering = ["-created_at"]
        constraints = _owner_constraints("practicesession")

    def __str__(self) -> str:
        return f"Session {self.pk}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("practice:session", kwargs={"pk": self.pk})


class SessionItem(models.Model):
    """One card's place in a session; written at each step so a reload resumes exactly where it was."""

    session = models.ForeignKey(
        PracticeSession,
        on_delete=models.CASCADE,
        related_name="items",
        help_text="The session this card is in.",
    )
    position = models.PositiveSmallIntegerField(help_text="Order within the session, from 0.")
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="+", help_text="The question asked."
    )
    answer = models.TextField(blank=True, help_text="The answer typed before revealing (may be empty).")
    revealed_at = models.DateTimeField(null=True, blank=True, help_text="When the answer was revealed.")
    feedback = models.JSONField(
        default=dict, blank=True, help_text="The matcher's verdict on the typed answer."
    )
    review = models.OneToOneField(
        Review,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="session_item",
        help_text="The rating given here; empty until rated.",
    )

    class Meta:
        ordering = ["session", "position"]
        constraints = [models.UniqueConstraint(fields=["session", "position"], name="unique_item_position")]

    def __str__(self) -> str:
        return f"{self.session_id}#{self.position}"

    @property
    def is_rated(self) -> bool:
        return self.review_id is not None


class Star(Owned):
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="+", help_text="The starred question."
    )
    created_at = models.DateTimeField(auto_now_add=True, help_text="When it was starred.")

    objects = OwnedQuerySet["Star"].as_manager()

    class Meta:
        constraints = _owner_constraints("star", unique_with=("question",))

    def __str__(self) -> str:
        return f"Star {self.pk}"


class Note(Owned):
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="+", help_text="The question noted."
    )
    text = models.TextField(
        max_length=MAX_TEXT_CHARS, help_text="The private note, in plain text; only its owner sees it."
    )
    updated_at = models.DateTimeField(auto_now=True, help_text="When the note last changed.")

    objects = OwnedQuerySet["Note"].as_manager()

    class Meta:
        constraints = _owner_constraints("note", unique_with=("question",))

    def __str__(self) -> str:
        return f"Note {self.pk}"

    def as_export(self) -> dict[str, Any]:
        return {"question": self.question.slug, "text": self.text, "updated_at": self.updated_at.isoformat()}


class Preferences(models.Model):
    """One account's practice settings; an account without a row has the site's defaults."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="practice_preferences",
        help_text="The account these settings belong to.",
    )
    new_cards_per_day = models.PositiveSmallIntegerField(
        default=20,
        validators=[MaxValueValidator(MAX_NEW_CARDS_PER_DAY)],
        help_text=f"How many never-seen questions practice gives this account per day (0–{MAX_NEW_CARDS_PER_DAY}).",
    )

    class Meta:
        verbose_name_plural = "preferences"

    def __str__(self) -> str:
        return f"Preferences of user {self.user_id}"

"""Topics, questions with their key points, examples and follow-ups, and curated sets."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.urls import reverse

from pyprep.bank.levels import LEVEL_BY_VALUE, LEVELS

if TYPE_CHECKING:
    from django.db.models.fields.related_descriptors import RelatedManager


class Level(models.TextChoices):
    ENTRY = "entry", "Entry"
    JUNIOR = "junior", "Junior"
    MID = "mid", "Mid"
    SENIOR = "senior", "Senior"
    EXPERT = "expert", "Expert"


class Kind(models.TextChoices):
    CONCEPT = "concept", "Concept"
    CHALLENGE = "challenge", "Code challenge"


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"
    ARCHIVED = "archived", "Archived"


LEVEL_ORDER = {level.value: index for index, level in enumerate(LEVELS)}


class Topic(models.Model):
    slug = models.SlugField(unique=True, help_text="Stable identifier used in URLs and content files.")
    name = models.CharField(max_length=80, help_text="Name shown to candidates.")
    description = models.TextField(blank=True, help_text="One or two sentences on what the topic covers.")
    position = models.PositiveIntegerField(default=0, help_text="Order in lists; lower comes first.")

    class Meta:
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("bank:question_list") + f"?topic={self.slug}"


class QuestionQuerySet(models.QuerySet["Question"]):
    def published(self) -> QuestionQuerySet:
        return self.filter(status=Status.PUBLISHED)

    def challenges(self) -> QuestionQuerySet:
        return self.filter(kind=Kind.CHALLENGE)

    def in_level_order(self) -> QuestionQuerySet:
        level_rank = models.Case(
            *(models.When(level=value, then=models.Value(rank)) for value, rank in LEVEL_ORDER.items()),
            output_field=models.IntegerField(),
        )
        return self.alias(level_rank=level_rank).order_by("level_rank", "title")


class Question(models.Model):
    slug = models.SlugField(
        max_length=120, unique=True, help_text="Stable identifier; never change it once published."
    )
    title = models.CharField(max_length=300, help_text="The question as an interviewer asks it.")
    asked_as = models.TextField(
        blank=True,
        default="",
        help_text="Also asked as: other ways interviewers phrase this question, one per line "
        "(short, long, with identifiers, informal). Search weighs them like the title.",
    )
    level = models.CharField(
        max_length=10, choices=Level.choices, help_text="Expected seniority of the candidate."
    )
    kind = models.CharField(
        max_length=10,
        choices=Kind.choices,
        default=Kind.CONCEPT,
        help_text="A concept question or a code challenge.",
    )
    topics = models.ManyToManyField(Topic, related_name="questions", help_text="One or more topics.")
    summary = models.TextField(
        help_text="Quick summary: one to three sentences a candidate could say aloud (Markdown)."
    )
    answer = models.TextField(help_text="The full answer in Markdown: why, when, pitfalls and trade-offs.")
    related = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="related_from",
        help_text="Questions worth reading next.",
    )
    status = models.CharField(
        max_length=10,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text="Only published questions are shown.",
    )
    source_path = models.CharField(
        max_length=300,
        blank=True,
        help_text="Content file this question was loaded from (empty if made in the admin).",
    )
    search_document = models.TextField(blank=True, editable=False, help_text="Text indexed for search.")
    created_at = models.DateTimeField(auto_now_add=True, help_text="When the question was first created.")
    updated_at = models.DateTimeField(auto_now=True, help_text="When the question last changed.")

    objects = QuestionQuerySet.as_manager()

    if TYPE_CHECKING:
        key_points: RelatedManager[KeyPoint]
        examples: RelatedManager[Example]
        follow_ups: RelatedManager[FollowUp]

    class Meta:
        ordering = ["title"]
        indexes = [models.Index(fields=["status", "level"]), models.Index(fields=["kind"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("bank:question_detail", kwargs={"slug": self.slug})

    @property
    def level_band(self) -> str:
        return LEVEL_BY_VALUE[self.level].band

    @property
    def is_challenge(self) -> bool:
        return self.kind == Kind.CHALLENGE


class KeyPoint(models.Model):
    question = models.ForeignKey(
        Question,
        on_delete=models.CASCADE,
        related_name="key_points",
        help_text="Question this point belongs to.",
    )
    position = models.PositiveIntegerField(default=0, help_text="Order within the question.")
    text = models.CharField(
        max_length=300, help_text="A short, checkable statement an interviewer listens for."
    )

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.text


class Example(models.Model):
    question = models.ForeignKey(
        Question,
        on_delete=models.CASCADE,
        related_name="examples",
        help_text="Question this example illustrates.",
    )
    position = models.PositiveIntegerField(default=0, help_text="Order within the question.")
    title = models.CharField(max_length=200, blank=True, help_text="Optional caption shown above the code.")
    code = models.TextField(help_text="Self-contained, deterministic Python that prints its result.")
    output = models.TextField(help_text="Exactly what the code prints; checked by verify_content.")
    source_line = models.PositiveIntegerField(
        default=0, help_text="Line of the code block in the content file."
    )

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.title or f"Example {self.position + 1}"


class FollowUp(models.Model):
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="follow_ups", help_text="Question this follows up."
    )
    position = models.PositiveIntegerField(default=0, help_text="Order within the question.")
    text = models.CharField(max_length=300, help_text="A follow-up question an interviewer might ask next.")

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.text


class CuratedSet(models.Model):
    slug = models.SlugField(unique=True, help_text="Stable identifier used in URLs and content files.")
    title = models.CharField(max_length=200, help_text="Name of the set.")
    description = models.TextField(blank=True, help_text="What the set prepares a candidate for (Markdown).")
    featured = models.BooleanField(default=False, help_text="Featured sets are shown on the home page.")
    position = models.PositiveIntegerField(default=0, help_text="Order among sets; lower comes first.")
    questions: models.ManyToManyField[Question, CuratedSetItem] = models.ManyToManyField(
        Question,
        through="CuratedSetItem",
        related_name="curated_sets",
        help_text="Questions in this set, in order.",
    )

    if TYPE_CHECKING:
        items: RelatedManager[CuratedSetItem]

    class Meta:
        ordering = ["position", "title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("bank:set_detail", kwargs={"slug": self.slug})


class CuratedSetItem(models.Model):
    curated_set = models.ForeignKey(
        CuratedSet, on_delete=models.CASCADE, related_name="items", help_text="The set this item belongs to."
    )
    question = models.ForeignKey(Question, on_delete=models.CASCADE, help_text="The question at this place.")
    position = models.PositiveIntegerField(default=0, help_text="Order within the set.")

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["curated_set", "question"], name="unique_question_per_set"),
        ]

    def __str__(self) -> str:
        return f"{self.curated_set} #{self.position}: {self.question}"


class QuestionEmbedding(models.Model):
    """A question's dense search vector; every web process keeps them in one numpy matrix."""

    question = models.OneToOneField(
        Question,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="embedding",
        help_text="The question this vector represents.",
    )
    vector = models.BinaryField(
        help_text="Unit-length float32 embedding of the question's title and phrasings."
    )
    updated_at = models.DateTimeField(
        db_index=True, help_text="When the vector was last computed; processes reload when it moves."
    )

    def __str__(self) -> str:
        return f"Embedding of question {self.question_id}"

"""Topics, questions with their key points, examples and follow-ups, and curated sets."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import models
from django.urls import reverse
from django.utils.functional import cached_property

from pyprep.bank.levels import (
    KIND_CHOICES,
    LEVEL_BY_VALUE,
    LEVEL_CHOICES,
    LEVELS,
    STATUS_CHOICES,
)
from pyprep.bank.levels import Kind as Kind  # re-exported: the models' callers filter with these
from pyprep.bank.levels import Status as Status
from pyprep.bank.references import reference_label
from pyprep.bank.rubric import Misconception as MisconceptionSpec
from pyprep.bank.rubric import PointRubric, Rubric, concepts_from_data, concepts_problem
from pyprep.bank.versions import outputs_by_version

if TYPE_CHECKING:
    from django.db.models.fields.related_descriptors import RelatedManager


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
    docs = models.JSONField(
        blank=True,
        default=list,
        help_text="Further reading: https addresses of the Python docs pages or PEPs the answer rests on.",
    )
    reviewed_on = models.DateField(
        null=True,
        blank=True,
        help_text="When someone who did not write the question last reviewed it by running its claims.",
    )
    level = models.CharField(
        max_length=10, choices=LEVEL_CHOICES, help_text="Expected seniority of the candidate."
    )
    kind = models.CharField(
        max_length=10,
        choices=KIND_CHOICES,
        default=Kind.CONCEPT.value,
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
        choices=STATUS_CHOICES,
        default=Status.DRAFT.value,
        help_text="Only published questions are shown.",
    )
    source_path = models.CharField(
        max_length=300,
        blank=True,
        help_text="Content file this question was loaded from (empty if made in the admin).",
    )
    search_document = models.TextField(blank=True, editable=False, help_text="Text indexed for search.")
    content_hash = models.CharField(
        max_length=64,
        blank=True,
        editable=False,
        help_text="Digest of the content file's fields at the last load; empty after an admin edit or archiving, "
        "so the next load rewrites the question.",
    )
    verification = models.JSONField(
        default=dict,
        blank=True,
        editable=False,
        help_text="What `verify_content --record` found: the Python versions each example and check passed on, "
        "for the content as it was then (its content_hash); an edit since makes it stale and the page says so.",
    )
    # The page's Markdown and highlighted code, rendered once when the content changes (bank.rendering),
    # so a page view only pastes stored HTML.
    summary_html = models.TextField(
        blank=True, editable=False, help_text="The quick summary rendered to sanitized HTML."
    )
    answer_html = models.TextField(
        blank=True, editable=False, help_text="The answer rendered to sanitized HTML."
    )
    examples_html = models.TextField(
        blank=True, editable=False, help_text="The examples with highlighted code and their output, as HTML."
    )
    key_points_html = models.TextField(
        blank=True, editable=False, help_text="The key points rendered to an HTML list."
    )
    follow_ups_html = models.TextField(
        blank=True, editable=False, help_text="The follow-up questions rendered to an HTML list."
    )
    rendered_hash = models.CharField(
        max_length=64,
        blank=True,
        editable=False,
        help_text="Hash of the sources and renderer the stored HTML was made from; empty until rendered.",
    )
    created_at = models.DateTimeField(auto_now_add=True, help_text="When the question was first created.")
    updated_at = models.DateTimeField(auto_now=True, help_text="When the question last changed.")

    objects = QuestionQuerySet.as_manager()

    if TYPE_CHECKING:
        key_points: RelatedManager[KeyPoint]
        examples: RelatedManager[Example]
        follow_ups: RelatedManager[FollowUp]
        misconceptions: RelatedManager[Misconception]

    class Meta:
        ordering = ["title"]
        indexes = [models.Index(fields=["status", "level"]), models.Index(fields=["kind"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("bank:question_detail", kwargs={"slug": self.slug})

    @property
    def further_reading(self) -> list[tuple[str, str]]:
        """(label, address) for each docs page or PEP the answer rests on."""
        return [(reference_label(url), url) for url in self.docs or []]

    def _current_verification(self) -> dict[str, Any]:
        # Current only while the row still holds the content it was verified with: a changed file gives a
        # new content_hash at load, and an admin edit clears it.
        record = self.verification or {}
        fresh = bool(self.content_hash) and record.get("content_hash") == self.content_hash
        return record if fresh else {}

    @cached_property
    def verified_on(self) -> list[str]:
        """Versions on which every example printed its declared output and every check held; [] if unknown."""
        return list(self._current_verification().get("versions", []))

    @cached_property
    def example_versions(self) -> list[list[str]]:
        """Per example (in position order), the versions it was verified on."""
        return [list(v) for v in self._current_verification().get("examples", [])]

    @cached_property
    def examples_shown(self) -> list[tuple[Example, list[str], list[tuple[str, str]]]]:
        """Each example with the versions it was verified on and its output per version, for the page."""
        verified = self.example_versions
        return [
            (
                example,
                verified[index] if index < len(verified) else [],
                outputs_by_version(
                    default=example.output, variants=example.output_variants, min_version=example.min_version
                ),
            )
            for index, example in enumerate(self.examples.all())
        ]

    @property
    def level_band(self) -> str:
        return LEVEL_BY_VALUE[self.level].band

    @property
    def is_challenge(self) -> bool:
        return self.kind == Kind.CHALLENGE

    def feedback_rubric(self) -> Rubric | None:
        """The answer-feedback rubric from the key points' concepts and the misconceptions; None without any."""
        points = [
            PointRubric(concepts_from_data(point.concepts)) if point.concepts else None
            for point in self.key_points.all()
        ]
        misconceptions = [
            MisconceptionSpec(
                claim=item.claim,
                concepts=concepts_from_data(item.concepts),
                contradicts=tuple(
                    i - 1 for i in item.contradicts if isinstance(i, int) and 1 <= i <= len(points)
                ),
                correction=item.correction,
                unless=tuple(str(u) for u in item.unless),
            )
            for item in self.misconceptions.all()
        ]
        if not any(points) and not misconceptions:
            return None
        return Rubric(points=tuple(points), misconceptions=tuple(misconceptions))


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
    concepts = models.JSONField(
        default=list,
        blank=True,
        help_text=(
            "Rubric: what an answer must state to cover this point, as a list of concepts, each a list of "
            'accepted alternatives (one suffices), e.g. [["__getattribute__"], ["every access", "always"]]. '
            "Empty: the answer feedback compares words only."
        ),
    )

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.text

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if self.concepts in (None, ""):
            self.concepts = []  # an empty admin field means "no rubric for this point"
        if problem := concepts_problem(self.concepts):
            raise ValidationError({"concepts": problem})


class Misconception(models.Model):
    question = models.ForeignKey(
        Question,
        on_delete=models.CASCADE,
        related_name="misconceptions",
        help_text="Question whose answers this wrong claim turns up in.",
    )
    position = models.PositiveIntegerField(default=0, help_text="Order within the question.")
    claim = models.CharField(max_length=300, help_text="The wrong claim, as a candidate says it.")
    concepts = models.JSONField(
        default=list,
        help_text="What a clause must state to make this claim: a list of concepts, each a list of alternatives.",
    )
    unless = models.JSONField(
        default=list,
        blank=True,
        help_text="Phrases that, in the same clause, mean the claim is not being made (a list of strings).",
    )
    contradicts = models.JSONField(
        default=list,
        help_text="Numbers (from 1) of the key points this claim contradicts, e.g. [1].",
    )
    correction = models.CharField(
        max_length=240, help_text="One line that puts the claim right; shown under a contradicted point."
    )

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.claim

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        errors: dict[str, str] = {}
        if problem := concepts_problem(self.concepts):
            errors["concepts"] = problem
        if not self.concepts:
            errors["concepts"] = "A claim needs at least one concept."
        if not isinstance(self.unless, list) or not all(
            isinstance(u, str) and u.strip() for u in self.unless
        ):
            errors["unless"] = "A list of phrases."
        if (
            not isinstance(self.contradicts, list)
            or not self.contradicts
            or not all(isinstance(i, int) and not isinstance(i, bool) and i >= 1 for i in self.contradicts)
        ):
            errors["contradicts"] = "A non-empty list of key point numbers, counted from 1."
        if errors:
            raise ValidationError(errors)


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
    min_version = models.CharField(
        max_length=8,
        blank=True,
        help_text="Oldest Python the example needs, e.g. 3.11 for a 3.11 feature; blank for every supported one.",
    )
    output_variants = models.JSONField(
        default=list,
        blank=True,
        help_text='Outputs of versions that print something else: [["3.13+", "text"], ...]; the plain output '
        "is what every other version prints.",
    )
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

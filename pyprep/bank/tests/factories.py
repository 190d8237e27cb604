"""Factories for bank rows in tests that do not need the fixture content tree."""

from __future__ import annotations

import factory

from pyprep.bank.models import KeyPoint, Question, Status, Topic


class TopicFactory(factory.django.DjangoModelFactory[Topic]):
    class Meta:
        model = Topic
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"topic-{n}")
    name = factory.LazyAttribute(lambda o: o.slug.replace("-", " ").title())


class QuestionFactory(factory.django.DjangoModelFactory[Question]):
    class Meta:
        model = Question
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"question-{n}")
    title = factory.Sequence(lambda n: f"Question number {n}?")
    level = "mid"
    summary = "A short summary."
    answer = "A longer answer."
    status = Status.PUBLISHED

    @factory.post_generation
    def topics(obj: Question, create: bool, extracted: list[Topic] | None, **kwargs: object) -> None:  # noqa: N805
        if create:
            obj.topics.set(extracted or [TopicFactory.create(slug="core")])

    @factory.post_generation
    def key_points(obj: Question, create: bool, extracted: list[str] | None, **kwargs: object) -> None:  # noqa: N805
        if create:
            for index, text in enumerate(extracted or ["First point.", "Second point.", "Third point."]):
                KeyPoint.objects.create(question=obj, position=index, text=text)

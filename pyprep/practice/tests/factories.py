"""Factories for practice tests: questions with key points, users; never the live content folder."""

from __future__ import annotations

from typing import Any

import factory
from django.contrib.auth import get_user_model

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
    title = factory.Sequence(lambda n: f"What is thing number {n}?")
    level = "junior"
    summary = "A short summary."
    answer = "A full answer."
    status = Status.PUBLISHED

    @factory.post_generation
    def key_points(self: Any, create: bool, extracted: list[str] | None, **kwargs: Any) -> None:
        points = extracted if extracted is not None else ["Lists are mutable and can change in place."]
        for position, text in enumerate(points):
            KeyPoint.objects.create(question=self, position=position, text=text)

    @factory.post_generation
    def topics(self: Any, create: bool, extracted: list[Topic] | None, **kwargs: Any) -> None:
        for topic in extracted or [make_topic(slug="basics")]:
            self.topics.add(topic)


class UserFactory(factory.django.DjangoModelFactory[Any]):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.com")
    password = factory.django.Password("correct horse battery")


# Typed helpers: factory_boy's call returns the factory type to mypy, these return the model.
def make_question(**kwargs: Any) -> Question:
    question: Question = QuestionFactory.create(**kwargs)
    return question


def make_questions(count: int, **kwargs: Any) -> list[Question]:
    return [make_question(**kwargs) for _ in range(count)]


def make_topic(**kwargs: Any) -> Topic:
    topic: Topic = TopicFactory.create(**kwargs)
    return topic


def make_user(**kwargs: Any) -> Any:
    return UserFactory.create(**kwargs)

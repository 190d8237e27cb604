"""Factories for practice tests: questions with key points, users; never the live content folder."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from pyprep.bank.models import KeyPoint, Question, Topic
from pyprep.bank.tests.factories import QuestionFactory as BankQuestionFactory
from pyprep.bank.tests.factories import TopicFactory
from pyprep.practice.models import Card
from pyprep.practice.ownership import Owner
from pyprep.practice.scheduling import Phase


class QuestionFactory(BankQuestionFactory):
    """The bank's factory with one key point a typed answer can plainly cover."""

    level = "junior"

    @factory.post_generation
    def key_points(obj: Question, create: bool, extracted: list[str] | None, **kwargs: Any) -> None:  # noqa: N805
        points = extracted if extracted is not None else ["Lists are mutable and can change in place."]
        for position, text in enumerate(points):
            KeyPoint.objects.create(question=obj, position=position, text=text)


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


def make_card_remembered_well(*, owner: Owner, question_id: int) -> Card:
    """A card in review, last rated yesterday, due in 40 days: its rating intervals differ from a new card's."""
    now = timezone.now()
    card: Card = Card.objects.create(
        question_id=question_id,
        phase=Phase.REVIEW,
        step=None,
        stability=40.0,
        difficulty=4.0,
        due=now + timedelta(days=40),
        last_review=now - timedelta(days=1),
        **owner.fields(),
    )
    return card

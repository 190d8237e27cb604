"""Curators edit a question's rubric in the admin: key-point concepts and misconceptions, validated on save."""

from __future__ import annotations

import json

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from pyprep.bank.models import Misconception, Question
from pyprep.bank.tests.test_admin import _inline_management

pytestmark = pytest.mark.usefixtures("bank")


@pytest.fixture
def staff_client(client: Client) -> Client:
    user = get_user_model().objects.create_superuser("curator", "curator@example.com", "pw-curator-123")
    client.force_login(user)
    return client


def _form(question: Question, *, concepts: object, contradicts: object) -> dict[str, object]:
    data: dict[str, object] = {
        "title": question.title,
        "slug": question.slug,
        "level": question.level,
        "kind": question.kind,
        "status": question.status,
        "topics": [t.pk for t in question.topics.all()],
        "summary": question.summary,
        "answer": question.answer,
        "related": [],
    }
    points = list(question.key_points.all())
    data.update(
        _inline_management(
            "key_points",
            [
                {
                    "id": kp.pk,
                    "position": kp.position,
                    "text": kp.text,
                    "concepts": json.dumps(concepts if index == 0 else []),
                    "question": question.pk,
                }
                for index, kp in enumerate(points)
            ],
        )
    )
    data.update(
        _inline_management(
            "misconceptions",
            [
                {
                    "position": 0,
                    "claim": "__getattr__ runs on every access.",
                    "concepts": json.dumps([["__getattr__"], ["every access", "always"]]),
                    "unless": "[]",
                    "contradicts": json.dumps(contradicts),
                    "correction": "__getattr__ is only the fallback.",
                    "question": question.pk,
                }
            ],
        )
    )
    data.update(_inline_management("examples", []))
    data.update(_inline_management("follow_ups", []))
    return data


def test_a_curator_adds_concepts_and_a_misconception_and_the_matcher_gets_them(staff_client: Client) -> None:
    question = Question.objects.get(slug="getattr-hooks")
    data = _form(question, concepts=[["__getattribute__"], ["every access"]], contradicts=[1])
    response = staff_client.post(f"/admin/bank/question/{question.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:1500]
    rubric = question.feedback_rubric()
    assert rubric is not None
    assert rubric.points[0] is not None
    assert rubric.points[0].concepts[1].alternatives == ("every access",)
    assert rubric.misconceptions[0].contradicts == (0,)


def test_malformed_rubric_fields_are_refused_with_a_message(staff_client: Client) -> None:
    question = Question.objects.get(slug="getattr-hooks")
    data = _form(question, concepts=["not a list of lists"], contradicts=[0])
    response = staff_client.post(f"/admin/bank/question/{question.pk}/change/", data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Each concept must be a non-empty list of alternative phrases" in page
    assert "A non-empty list of key point numbers, counted from 1." in page
    assert not Misconception.objects.filter(question=question).exists()

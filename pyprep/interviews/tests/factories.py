"""Small banks for interview tests: senior questions across topics with key points, follow-ups and red flags."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model

from pyprep.bank.models import FollowUp, Misconception, Question
from pyprep.bank.tests.factories import QuestionFactory, TopicFactory

# Titles share no content words, so the draw never drops one as a near-duplicate.
TITLES = [
    "How does the GIL affect threads?",
    "Explain descriptors and property objects.",
    "When would a metaclass beat a decorator?",
    "What makes asyncio tasks cancel cleanly?",
    "Why is garbage collection generational in CPython?",
    "How do slots shrink instances?",
    "Compare multiprocessing pools against executors.",
    "What guarantees dictionary insertion order?",
]


def make_bank(
    *, level: str = "senior", count: int = 8, topics: int = 3, challenge: bool = True
) -> list[Question]:
    """count concept questions at the level, spread over topics, each with 2 key points, a follow-up and a red
    flag; plus one challenge at the level if asked."""
    topic_rows = [TopicFactory.create(slug=f"topic-{n}", name=f"Topic {n}") for n in range(topics)]
    questions: list[Question] = []
    for n in range(count):
        question: Question = QuestionFactory.create(
            slug=f"{level}-q{n}",
            title=TITLES[n % len(TITLES)] if n < len(TITLES) else f"Unrelated subject number {n} {level}?",
            level=level,
            topics=[topic_rows[n % topics]],
            key_points=[f"Point A of question {n}.", f"Point B of question {n}."],
        )
        FollowUp.objects.create(question=question, position=0, text=f"Follow-up for question {n}?")
        Misconception.objects.create(
            question=question,
            position=0,
            claim=f"Wrong belief {n}",
            concepts=[["wrong"]],
            contradicts=[1],
            correction=f"Correction {n}.",
        )
        questions.append(question)
    if challenge:
        questions.append(
            QuestionFactory.create(
                slug=f"{level}-challenge",
                title=f"Implement a bounded queue ({level})",
                level=level,
                kind="challenge",
                topics=[topic_rows[0]],
                key_points=["Blocks when full.", "Handles shutdown."],
            )
        )
    return questions


def make_user(username: str = "interviewer") -> Any:
    return get_user_model().objects.create_user(username, password="a long password 123")

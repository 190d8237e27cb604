"""A challenge keeps its approach, explanation, solution and key points back until Accepted or "Give up"."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from pyprep.bank.models import KeyPoint
from pyprep.challenges.models import Challenge, Submission
from pyprep.challenges.tests.factories import make_challenge

pytestmark = pytest.mark.django_db

APPROACH = "Keep an OrderedDict and call move_to_end on every use."
EXPLANATION = "Popping from the front evicts the least recently used key."
KEY_POINT = "A plain dict forgets recency order after an update."
SOLUTION = "return a + b  # reference"
SPOILERS = (APPROACH, EXPLANATION, KEY_POINT, SOLUTION, "move_to_end", "least recently used")


def _challenge() -> Challenge:
    challenge = make_challenge(
        explanation=EXPLANATION, reference_solution=f"def add(a, b):\n    {SOLUTION}\n"
    )
    question = challenge.question
    question.summary, question.answer = APPROACH, EXPLANATION
    question.save()
    KeyPoint.objects.create(question=question, position=0, text=KEY_POINT)
    return challenge


def _spoilers_in(html: str) -> list[str]:
    return [text for text in SPOILERS if text in html]


def test_neither_the_editor_nor_the_question_page_nor_the_list_gives_the_answer_away(client: Client) -> None:
    challenge = _challenge()
    editor = client.get(reverse("challenges:detail", args=[challenge.slug])).content.decode()
    question_page = client.get(challenge.question.get_absolute_url(), follow=True)
    listing = client.get(reverse("bank:question_list") + "?kind=challenge").content.decode()
    solution_panel = client.get(reverse("challenges:solution", args=[challenge.slug])).content.decode()
    assert _spoilers_in(editor) == []
    assert question_page.redirect_chain == [(reverse("challenges:detail", args=[challenge.slug]), 302)]
    assert _spoilers_in(question_page.content.decode()) == []
    assert "Add two numbers" in listing
    assert _spoilers_in(listing) == []
    assert _spoilers_in(solution_panel) == []


def test_the_challenge_api_gives_the_statement_but_not_the_explanation(client: Client) -> None:
    challenge = _challenge()
    body = client.get(f"/api/v1/challenges/{challenge.slug}").content.decode()
    assert "add(a, b)" in body
    assert _spoilers_in(body) == []


def test_giving_up_shows_the_approach_explanation_solution_and_key_points(client: Client) -> None:
    challenge = _challenge()
    client.post(reverse("challenges:give_up", args=[challenge.slug]))
    editor = client.get(reverse("challenges:detail", args=[challenge.slug])).content.decode()
    assert APPROACH in editor
    assert EXPLANATION in editor
    assert KEY_POINT in editor
    assert "# reference" in editor


def test_an_accepted_submission_shows_the_explanation_to_its_author(client: Client) -> None:
    challenge = _challenge()
    user = User.objects.create_user("solver", password="pw-long-enough-1")
    Submission.objects.create(
        challenge=challenge,
        user=user,
        kind=Submission.Kind.SUBMIT,
        code="def add(a, b):\n    return a + b\n",
        state=Submission.State.DONE,
        verdict="accepted",
    )
    client.force_login(user)
    editor = client.get(reverse("challenges:detail", args=[challenge.slug])).content.decode()
    assert EXPLANATION in editor
    assert KEY_POINT in editor

"""The challenge page and its htmx endpoints, without the judge."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from pyprep.challenges.models import Submission
from pyprep.challenges.tests.factories import make_challenge

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_queue(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("pyprep.judge.tasks.judge_run", lambda pk: None)


def test_the_page_shows_statement_editor_and_run_but_submit_needs_an_account(client: Client) -> None:
    challenge = make_challenge()
    page = client.get(reverse("challenges:detail", args=[challenge.slug])).content.decode()
    assert "Write <code>add(a, b)</code>" in page
    assert 'id="challenge-code"' in page
    assert 'id="run-button"' in page
    assert 'id="submit-button"' not in page
    assert "raise NotImplementedError" in page
    assert "<strong>explained</strong>" not in page  # the explanation and reference stay hidden
    assert "give-up-button" in page


def test_the_bank_question_page_of_a_challenge_opens_the_editor(client: Client) -> None:
    challenge = make_challenge()
    response = client.get(challenge.question.get_absolute_url())
    assert response.status_code == 302
    assert response["Location"] == reverse("challenges:detail", args=[challenge.slug])


def test_the_challenges_address_typed_by_hand_lists_the_challenges(client: Client) -> None:
    challenge = make_challenge()
    response = client.get("/challenges/", follow=True)
    assert response.redirect_chain == [(reverse("bank:question_list") + "?kind=challenge", 302)]
    assert challenge.question.get_absolute_url() in response.content.decode()


def test_hints_are_revealed_one_at_a_time(client: Client) -> None:
    challenge = make_challenge()
    url = reverse("challenges:hint", args=[challenge.slug])
    first = client.post(url, headers={"HX-Request": "true"}).content.decode()
    assert "Think of" in first
    assert "Really" not in first
    second = client.post(url, headers={"HX-Request": "true"}).content.decode()
    assert "Really" in second
    assert "last hint" in second


def test_giving_up_shows_the_reference_solution_and_explanation(client: Client) -> None:
    challenge = make_challenge()
    client.post(reverse("challenges:give_up", args=[challenge.slug]))
    page = client.get(reverse("challenges:detail", args=[challenge.slug])).content.decode()
    assert "<h3>Explanation</h3>" in page
    assert "<strong>explained</strong>" in page
    assert "give-up-button" not in page


def test_run_returns_a_polling_spinner_and_only_this_browser_can_poll_it(client: Client) -> None:
    challenge = make_challenge()
    response = client.post(
        reverse("challenges:submit", args=[challenge.slug]),
        {"kind": "run", "code": "def add(a, b): return a + b"},
    )
    body = response.content.decode()
    submission = Submission.objects.get()
    assert "Waiting for the judge" in body
    assert reverse("challenges:result", args=[submission.pk]) in body
    assert client.get(reverse("challenges:result", args=[submission.pk])).status_code == 200
    assert Client().get(reverse("challenges:result", args=[submission.pk])).status_code == 404


def test_a_refused_submission_explains_why_and_keeps_the_draft(client: Client) -> None:
    challenge = make_challenge()
    body = client.post(
        reverse("challenges:submit", args=[challenge.slug]), {"kind": "submit", "code": "x = 1"}
    ).content.decode()
    assert "Log in to submit" in body
    assert "still in the editor" in body


def test_history_lists_a_users_own_submissions(client: Client) -> None:
    challenge = make_challenge()
    user = User.objects.create_user("me")
    Submission.objects.create(
        challenge=challenge,
        user=user,
        kind="submit",
        code="mine = 1",
        verdict="wrong_answer",
        summary="Wrong answer: 1 of 3 tests passed",
        state="done",
    )
    Submission.objects.create(
        challenge=challenge, user=User.objects.create_user("other"), kind="submit", code="theirs = 2"
    )
    client.force_login(user)
    page = client.get(reverse("challenges:history", args=[challenge.slug])).content.decode()
    assert "mine = 1" in page
    assert "theirs = 2" not in page
    assert "Wrong answer: 1 of 3 tests passed" in page


def test_the_page_warns_when_no_judge_is_running_or_it_runs_unsandboxed(client: Client) -> None:
    from django.utils import timezone

    from pyprep.judge.models import JudgeHeartbeat

    challenge = make_challenge()
    url = reverse("challenges:detail", args=[challenge.slug])
    assert "The judge is not running" in client.get(url).content.decode()
    now = timezone.now()
    beat = JudgeHeartbeat.objects.create(tier="forkserver", pid=1, host="h", started_at=now, seen_at=now)
    page = client.get(url).content.decode()
    assert "judge-warning" not in page
    beat.tier = "none"
    beat.save()
    assert "runs code unconfined" in client.get(url).content.decode()


def test_the_visible_tests_are_named_on_the_page_as_the_results_name_them(client: Client) -> None:
    from pyprep.challenges.services import submission_grade
    from pyprep.judge.protocol import RunResult, TestOutcome

    challenge = make_challenge()
    submission = Submission.objects.create(
        challenge=challenge, kind="run", code="def add(a, b): return a - b"
    )
    result = RunResult(
        status="ok",
        tests=(
            TestOutcome("test_adds", "ok", -1),
            TestOutcome("test_negative", "error", error="KeyError: 'x'"),
        ),
    )
    submission_grade(submission=submission, result=result)
    session = client.session
    session["challenge_runs"] = [submission.pk]
    session.save()
    page = client.get(reverse("challenges:detail", args=[challenge.slug])).content.decode()
    shown = client.get(reverse("challenges:result", args=[submission.pk])).content.decode()
    for name in challenge.visible_tests:
        assert f"<code>{name}</code>" in page
        assert f"<code>{name}</code>" in shown
    assert "0 of 2 tests passed; 1 raised an exception, 1 returned a different value" in shown
    assert "raised KeyError: &#x27;x&#x27;" in shown

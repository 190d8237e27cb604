"""The v1 API: what a client reads and does, and how errors look (RFC 9457 problem+json)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

pytestmark = pytest.mark.usefixtures("bank")


def test_questions_filter_and_search_like_the_site(client: Client) -> None:
    data = client.get("/api/v1/questions?level=senior").json()
    assert data["count"] == 1
    assert data["results"][0]["slug"] == "getattr-hooks"
    data = client.get(
        "/api/v1/questions", {"q": "difference between __getattr__ and __getattribute__"}
    ).json()
    assert data["results"][0]["slug"] == "getattr-hooks"
    data = client.get("/api/v1/questions?level=senior&level=expert").json()
    assert data["count"] == 2


def test_a_question_has_its_verified_examples_and_key_points(client: Client) -> None:
    data = client.get("/api/v1/questions/mutable-defaults").json()
    assert data["key_points"]
    assert data["examples"][0]["output"]
    assert data["examples"][0]["outputs"][0]["output"] == data["examples"][0]["output"]
    assert data["verified_on"] == []  # not run since it was loaded: the page says so too
    assert data["challenge_url"] is None


def test_an_unknown_topic_is_a_problem_naming_the_allowed_ones(client: Client) -> None:
    response = client.get("/api/v1/questions?topic=cooking")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json() == {
        "type": "about:blank",
        "title": "Bad Request",
        "status": 400,
        "detail": "Unknown topic 'cooking'. Use one of: core, objects, async.",
        "instance": "/api/v1/questions",
    }


def test_invalid_parameters_are_a_422_problem_that_points_at_them(client: Client) -> None:
    response = client.get("/api/v1/questions?level=guru&page=0")
    assert response.status_code == 422
    body = response.json()
    assert body["title"] == "Unprocessable Entity"
    assert "level" in body["detail"]
    assert "page" in body["detail"]


def test_unknown_addresses_under_v1_are_problems_too(client: Client) -> None:
    response = client.get("/api/v1/nothing/here")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_topics_and_sets_list_what_the_bank_has(client: Client) -> None:
    topics = client.get("/api/v1/topics").json()
    assert [t["slug"] for t in topics] == ["core", "objects", "async"]
    sets = client.get("/api/v1/sets").json()
    assert sets[0]["slug"] == "starter"
    detail = client.get("/api/v1/sets/starter").json()
    assert [q["slug"] for q in detail["questions"]] == ["dict-ordering", "list-vs-tuple"]


def test_a_challenge_shows_only_its_visible_tests(client: Client) -> None:
    data = client.get("/api/v1/challenges/add-two").json()
    assert [t["name"] for t in data["visible_tests"]] == ["test_adds", "test_negative"]
    assert data["visible_tests"][0]["code"].startswith("def test_adds():")
    assert data["hidden_test_count"] == 1
    assert "test_hidden_big" not in str(data)


def test_personal_endpoints_need_a_token(client: Client) -> None:
    response = client.get("/api/v1/me/progress")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Bearer"
    assert "profile page" in response.json()["detail"]
    bad = client.get("/api/v1/me/progress", HTTP_AUTHORIZATION="Bearer pyp_not-a-token")
    assert bad.status_code == 401


def test_a_submission_is_queued_and_polled_by_its_owner_only(
    client: Client, auth: dict[str, str], django_user_model: Any
) -> None:
    response = client.post(
        "/api/v1/challenges/add-two/submissions",
        {"kind": "run", "code": "def add(a, b):\n    return a + b\n"},
        content_type="application/json",
        headers=auth,
    )
    assert response.status_code == 202
    submission = response.json()
    assert submission["state"] == "queued"
    polled = client.get(f"/api/v1/submissions/{submission['id']}", headers=auth)
    assert polled.json()["id"] == submission["id"]

    from pyprep.api.services import token_create

    other = django_user_model.objects.create_user(username="grace", password="another long one")
    theirs = {"Authorization": f"Bearer {token_create(user=other, name='x').secret}"}
    assert client.get(f"/api/v1/submissions/{submission['id']}", headers=theirs).status_code == 404


def test_an_empty_submission_is_refused_with_the_sites_message(client: Client, auth: dict[str, str]) -> None:
    response = client.post(
        "/api/v1/challenges/add-two/submissions",
        {"kind": "run", "code": "  "},
        content_type="application/json",
        headers=auth,
    )
    assert response.status_code == 400
    assert response.json()["detail"] == "The editor is empty."


def test_a_practice_session_reveals_feedback_and_rates_through_the_scheduler(
    client: Client, auth: dict[str, str]
) -> None:
    started = client.post(
        "/api/v1/practice/sessions",
        {"topic": ["objects"], "length": 2},
        content_type="application/json",
        headers=auth,
    )
    assert started.status_code == 201
    session = started.json()
    assert session["total"] == 2
    card = session["current"]
    revealed = client.post(
        f"/api/v1/practice/sessions/{session['id']}/reveal",
        {"item": card["item"], "answer": "__getattr__ runs only when normal lookup fails"},
        content_type="application/json",
        headers=auth,
    ).json()
    assert revealed["key_point_count"] == len(revealed["key_points"])
    assert {point["status"] for point in revealed["key_points"]} <= {
        "covered",
        "missed",
        "contradicted",
        "unclear",
    }
    rated = client.post(
        f"/api/v1/practice/sessions/{session['id']}/rate",
        {"item": card["item"], "grade": 3},
        content_type="application/json",
        headers=auth,
    ).json()
    assert rated["rating"] == "Good"
    assert rated["session"]["done"] == 1
    progress = client.get("/api/v1/me/progress", headers=auth).json()
    assert progress["reviews_total"] == 1
    assert progress["cards_seen"] == 1


def test_nothing_to_practise_is_a_409_with_the_sites_advice(client: Client, auth: dict[str, str]) -> None:
    response = client.post(
        "/api/v1/practice/sessions", {"scope": "due"}, content_type="application/json", headers=auth
    )
    assert response.status_code == 409
    assert response.json()["detail"].startswith("Nothing is due for review today.")


def test_requests_beyond_the_rate_limit_are_429_problems(
    client: Client, settings: pytest.FixtureRequest
) -> None:
    settings.PYPREP_API_RATES = {"anonymous_ip": "2/m"}  # type: ignore[attr-defined]
    statuses = [client.get("/api/v1/topics").status_code for _ in range(3)]
    assert statuses[-1] == 429
    assert client.get("/api/v1/topics")["Retry-After"] == "60"


def test_the_old_unversioned_endpoints_still_work(client: Client) -> None:
    assert client.get("/api/questions?level=senior").json()["count"] == 1


def test_the_schema_and_docs_are_served(client: Client) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    assert "/api/v1/practice/sessions/{pk}/rate" in schema["paths"]
    errors = schema["paths"]["/api/v1/questions"]["get"]["responses"]["400"]["content"]
    assert list(errors) == ["application/problem+json"]
    assert client.get("/api/v1/docs").status_code == 200

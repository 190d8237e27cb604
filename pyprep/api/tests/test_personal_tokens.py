"""Personal API tokens: made on the profile page, shown once, stored as a digest, revocable."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from pyprep.api.models import ApiToken, token_digest


@pytest.fixture
def signed_in(client: Client, user: Any) -> Client:
    client.force_login(user)
    return client


def test_the_profile_page_offers_to_create_a_token(signed_in: Client) -> None:
    page = signed_in.get("/accounts/profile/").content.decode()
    assert "API tokens" in page
    assert 'action="/api/tokens/"' in page


def test_a_new_token_is_shown_once_and_only_its_digest_is_stored(signed_in: Client) -> None:
    response = signed_in.post("/api/tokens/", {"name": "laptop"})
    assert response["Cache-Control"] == "no-store"
    secret = response.context["created"].secret
    assert secret.startswith("pyp_")
    assert secret in response.content.decode()
    token = ApiToken.objects.get()
    assert token.digest == token_digest(secret)
    assert secret not in {token.name, token.prefix, token.digest}
    profile = signed_in.get("/accounts/profile/").content.decode()
    assert "laptop" in profile
    assert secret not in profile
    assert (
        signed_in.get("/api/v1/me/progress", headers={"Authorization": f"Bearer {secret}"}).status_code == 200
    )


def test_a_revoked_token_stops_working_at_once(signed_in: Client, token: str) -> None:
    pk = ApiToken.objects.get().pk
    headers = {"Authorization": f"Bearer {token}"}
    assert signed_in.get("/api/v1/me/progress", headers=headers).status_code == 200
    response = signed_in.post(f"/api/tokens/{pk}/revoke/")
    assert response.status_code == 302
    assert signed_in.get("/api/v1/me/progress", headers=headers).status_code == 401
    assert "You have no API tokens." in signed_in.get("/accounts/profile/").content.decode()


def test_no_one_can_revoke_someone_elses_token(client: Client, token: str, django_user_model: Any) -> None:
    pk = ApiToken.objects.get().pk
    client.force_login(django_user_model.objects.create_user(username="mallory", password="x" * 12))
    client.post(f"/api/tokens/{pk}/revoke/")
    assert ApiToken.objects.get(pk=pk).revoked_at is None


@pytest.mark.django_db
def test_creating_tokens_needs_an_account(client: Client) -> None:
    response = client.post("/api/tokens/", {"name": "x"})
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert not ApiToken.objects.exists()

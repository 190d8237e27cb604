"""With DEBUG off a missing page or a server error shows the site's own page with its navigation and search."""

from __future__ import annotations

import pytest
from django.http import HttpRequest, HttpResponse
from django.test import Client, override_settings
from django.urls import path

from config.urls import urlpatterns as site_urls
from pyprep.bank.models import Question


def _broken(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("secret detail")


urlpatterns = [path("broken/", _broken), *site_urls]


@pytest.mark.django_db
def test_a_missing_page_is_branded_with_navigation_and_search(client: Client) -> None:
    response = client.get("/no/such/page/")
    page = response.content.decode()
    assert response.status_code == 404
    assert "We could not find that page" in page
    assert 'class="nav"' in page
    assert 'role="search"' in page
    assert "URLconf" not in page


@pytest.mark.django_db
def test_a_missing_question_is_the_same_branded_page(client: Client) -> None:
    assert not Question.objects.filter(slug="nope").exists()
    assert "We could not find that page" in client.get("/questions/nope/").content.decode()


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_a_server_error_is_branded_and_reveals_nothing() -> None:
    response = Client(raise_request_exception=False).get("/broken/")
    page = response.content.decode()
    assert response.status_code == 500
    assert "Something went wrong on our side" in page
    assert 'role="search"' in page
    assert "secret detail" not in page
    assert "SECRET_KEY" not in page

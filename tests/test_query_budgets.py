"""Every page and API endpoint answers within a fixed number of queries, however much the bank holds.

The budgets are for a page rendered from scratch (the page cache is empty): a cached anonymous page needs
none. A budget that grows with the number of rows on a page is the N+1 this file is here to catch.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from pyprep.bank import search
from pyprep.bank.models import Question, Topic
from pyprep.bank.services import content_load
from pyprep.challenges.models import Challenge
from pyprep.challenges.tests.fixtures import challenge, sandbox  # noqa: F401 - the real challenge fixture
from pyprep.interviews import selectors as interview_selectors
from pyprep.interviews import services as interview_services
from pyprep.interviews.kit import KitOptions
from pyprep.mock import services as mock_services
from pyprep.mock.choices import MockRequest
from pyprep.mock.tests.factories import make_concepts
from pyprep.practice import services as practice_services
from pyprep.practice.models import Scope
from pyprep.practice.ownership import Owner

FIXTURE_CONTENT = Path(__file__).resolve().parent.parent / "pyprep/bank/tests/fixtures/content"

ANONYMOUS_PAGES = [
    ("home", "/", 5),
    ("question list", "/questions/", 8),
    ("question list, filtered", "/questions/?level=junior&level=mid&topic=core", 8),
    # The ranking itself asks nothing (search.py knows what is published); the rest is the list page.
    ("question list, searched", "/questions/?q=tuple", 9),
    ("question page", "/questions/list-vs-tuple/", 4),
    ("question page within a filter", "/questions/list-vs-tuple/?level=entry&level=junior", 6),
    ("curated sets", "/sets/", 1),
    ("curated set", "/sets/starter/", 3),
    ("API question list", "/api/questions", 4),
    # The topics' slugs (read once per bank version). Which candidates are published, and what the page of
    # results says of each, is known in memory (search.py), so neither the ranking nor the page asks anything.
    ("API search", "/api/questions?q=tuple", 1),
    ("API question", "/api/questions/list-vs-tuple", 6),
    ("health", "/health", 3),
    ("log in", "/accounts/login/", 0),
    ("sign up", "/accounts/signup/", 0),
    ("practice start", "/practice/", 6),
    ("progress", "/practice/progress/", 3),
    ("mock interview start", "/mock/", 2),
    ("mock interview history", "/mock/history/", 1),
    ("not found", "/no-such-page/", 0),
    ("interview kit, choose", "/interviews/kit/", 5),
    ("interview kit", "/interviews/kit/?level=mid&count=6&seed=1", 10),
    # Too few junior questions: one more query counts what the adjacent levels hold.
    (
        "interview kit, short, with a challenge",
        "/interviews/kit/?level=junior&count=6&seed=1&challenge=1",
        13,
    ),
    ("interview kit sheet", "/interviews/kit/sheet.csv?level=mid&count=6&seed=1", 9),
]

SIGNED_IN_PAGES = [
    ("home", "/", 8),
    ("question list", "/questions/", 12),
    ("question list, starred", "/questions/?mine=starred", 10),
    ("question page", "/questions/list-vs-tuple/", 9),
    ("API search", "/api/questions?q=tuple", 2),
    ("practice start", "/practice/", 13),  # + the account's own new-questions-per-day setting
    ("progress", "/practice/progress/", 11),  # + challenges solved by level (one query, a panel)
    # the API-token panel reads the account's tokens; challenges solved by level add one query
    ("profile", "/accounts/profile/", 12),
    ("mock interview start", "/mock/", 5),
    ("mock interview history", "/mock/history/", 4),
    ("interview plans", "/interviews/plans/", 4),
]


@pytest.fixture
def bank(db: None) -> None:
    assert content_load(root=FIXTURE_CONTENT).errors == []
    # Enough extra questions that a query per row would blow every list's budget.
    core = Topic.objects.get(slug="core")
    for n in range(30):
        Question.objects.create(
            slug=f"extra-{n}", title=f"Extra question {n}?", level="mid", summary="S.", answer="A.",
            status="published",
        ).topics.set([core])  # fmt: skip
    # Each process reads the question vectors once, at its first search; requests after that pay one
    # aggregate to see whether they moved. The budgets are per request, so warm the copy first.
    search.search("warm up")


@pytest.fixture
def signed_in(client: Client, db: None) -> Client:
    user = get_user_model().objects.create_user("budget", password="a long password 123")
    client.force_login(user)
    return client


@pytest.mark.usefixtures("bank")
@pytest.mark.parametrize(("name", "url", "budget"), ANONYMOUS_PAGES, ids=[p[0] for p in ANONYMOUS_PAGES])
def test_an_anonymous_page_keeps_to_its_query_budget(
    client: Client, django_assert_max_num_queries: object, name: str, url: str, budget: int
) -> None:
    with django_assert_max_num_queries(budget):  # type: ignore[operator]
        response = client.get(url)
    assert response.status_code in (200, 404), name


@pytest.mark.usefixtures("bank")
@pytest.mark.parametrize(("name", "url", "budget"), SIGNED_IN_PAGES, ids=[p[0] for p in SIGNED_IN_PAGES])
def test_a_signed_in_page_keeps_to_its_query_budget(
    signed_in: Client, django_assert_max_num_queries: object, name: str, url: str, budget: int
) -> None:
    with django_assert_max_num_queries(budget):  # type: ignore[operator]
        response = signed_in.get(url)
    assert response.status_code == 200, name


@pytest.mark.usefixtures("bank")
def test_a_cached_anonymous_page_needs_no_query(client: Client, django_assert_num_queries: object) -> None:
    client.get("/questions/list-vs-tuple/")
    with django_assert_num_queries(0):  # type: ignore[operator]
        assert Client().get("/questions/list-vs-tuple/").status_code == 200


@pytest.mark.usefixtures("bank")
def test_the_practice_card_keeps_to_its_query_budget_before_and_after_reveal(
    signed_in: Client, django_assert_max_num_queries: object
) -> None:
    user = get_user_model().objects.get(username="budget")
    session = practice_services.session_start(
        owner=Owner(user_id=user.pk),
        scope=Scope.FILTER,
        candidate_ids=list(Question.objects.values_list("pk", flat=True)),
        title="Budget",
        length=5,
    )
    with django_assert_max_num_queries(7):  # type: ignore[operator]
        assert signed_in.get(session.get_absolute_url()).status_code == 200
    # From then on the nav's due count (per visitor), the card's question and its topic names (the bank's)
    # are cached: the session, the user, the practice session with its progress, and the current card with
    # its memory (one query each).
    with django_assert_max_num_queries(4):  # type: ignore[operator]
        assert signed_in.get(session.get_absolute_url()).status_code == 200
    item = session.items.order_by("position").first()
    assert item is not None
    practice_services.session_item_reveal(item=item, answer="tuples are immutable")
    with django_assert_max_num_queries(4):  # type: ignore[operator]
        assert signed_in.get(session.get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(6):  # type: ignore[operator]
        assert signed_in.get(f"{session.get_absolute_url()}summary/").status_code == 200


@pytest.mark.usefixtures("bank")
def test_a_mock_interview_its_report_and_history_keep_to_their_query_budgets(
    signed_in: Client, django_assert_max_num_queries: object
) -> None:
    user = get_user_model().objects.get(username="budget")
    make_concepts(9, level="senior")
    mock = mock_services.mock_start(
        owner=Owner(user_id=user.pk),
        request=MockRequest(level="senior", minutes=45, with_challenge=False),
        seed=1,
    )
    with django_assert_max_num_queries(7):  # type: ignore[operator]
        assert signed_in.get(mock.get_absolute_url()).status_code == 200
    item = mock.items.get(position=0)
    with django_assert_max_num_queries(5):  # type: ignore[operator]
        assert (
            signed_in.post(f"/mock/{mock.pk}/autosave/", {"item": item.pk, "answer": "x"}).status_code == 200
        )
    signed_in.post(f"/mock/{mock.pk}/end/")
    # The report of nine questions reads them, their topics and reviews in a fixed number of queries.
    with django_assert_max_num_queries(6):  # type: ignore[operator]
        assert signed_in.get(f"/mock/{mock.pk}/report/").status_code == 200
    signed_in.post(f"/mock/{mock.pk}/confirm/")
    with django_assert_max_num_queries(6):  # type: ignore[operator]
        assert signed_in.get(f"/mock/{mock.pk}/report/").status_code == 200
    with django_assert_max_num_queries(4):  # type: ignore[operator]
        assert signed_in.get("/mock/history/").status_code == 200


def test_the_challenge_page_and_its_fragments_keep_to_their_query_budgets(
    challenge: Challenge,  # noqa: F811
    signed_in: Client,
    django_assert_max_num_queries: object,
) -> None:
    slug = challenge.question.slug
    for url, budget in [
        (f"/challenges/{slug}/", 10),
        (f"/challenges/{slug}/solution/", 8),
        (f"/challenges/{slug}/history/", 9),
    ]:
        with django_assert_max_num_queries(budget):  # type: ignore[operator]
            assert signed_in.get(url).status_code == 200, url
    with django_assert_max_num_queries(10):  # type: ignore[operator]
        response = signed_in.post(
            f"/challenges/{slug}/submit/", {"kind": "run", "code": challenge.reference_solution}
        )
    assert response.status_code == 200
    pk = int(response.content.decode().split("/challenges/submissions/")[1].split("/")[0])
    with django_assert_max_num_queries(4):  # type: ignore[operator]
        assert signed_in.get(f"/challenges/submissions/{pk}/").status_code == 200


@pytest.mark.usefixtures("bank")
def test_an_interview_plans_scoring_report_and_csv_keep_to_their_query_budgets(
    signed_in: Client, django_assert_max_num_queries: object
) -> None:
    user = get_user_model().objects.get(username="budget")
    kit = interview_selectors.kit_build(options=KitOptions(level="mid", count=12, seed=1))
    plan = interview_services.plan_create(owner_id=user.pk, title="Budget", kit=kit)
    for url, budget in [
        (f"/interviews/plans/{plan.pk}/", 7),
        (f"/interviews/plans/{plan.pk}/report/", 7),
        (f"/interviews/plans/{plan.pk}/report.csv", 6),
    ]:
        with django_assert_max_num_queries(budget):  # type: ignore[operator]
            assert signed_in.get(url).status_code == 200, url

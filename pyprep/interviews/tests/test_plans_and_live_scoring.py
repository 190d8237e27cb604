"""A signed-in interviewer saves a kit as a plan, scores it row by row (autosaved, idempotent) and reads a report."""

from __future__ import annotations

import csv
import io

import pytest
from django.test import Client

from pyprep.interviews import selectors, services
from pyprep.interviews.kit import KitOptions
from pyprep.interviews.models import InterviewPlan, PlanRow
from pyprep.interviews.tests.factories import make_bank, make_user

pytestmark = pytest.mark.django_db

KIT = {"level": "senior", "count": "3", "seed": "11", "challenge": "1"}


@pytest.fixture
def interviewer(client: Client) -> Client:
    make_bank(level="senior", count=8, topics=3)
    client.force_login(make_user("interviewer"))
    return client


def _save(client: Client, **extra: str) -> InterviewPlan:
    response = client.post("/interviews/plans/new/", {**KIT, "title": "Ada, Monday", **extra})
    assert response.status_code == 302
    plan = InterviewPlan.objects.get()
    assert response["Location"] == plan.get_absolute_url()
    return plan


def test_no_plans_yet_is_an_empty_state_with_a_way_to_start(interviewer: Client) -> None:
    html = interviewer.get("/interviews/plans/").content.decode()
    assert "No interview plans yet" in html
    assert 'href="/interviews/kit/"' in html


def test_plans_need_an_account(client: Client) -> None:
    assert client.get("/interviews/plans/")["Location"].startswith("/accounts/login/")
    assert client.post("/interviews/plans/new/", KIT).status_code == 302
    assert not InterviewPlan.objects.exists()


def test_a_saved_plan_keeps_the_kits_questions_in_order_with_their_rows(interviewer: Client) -> None:
    kit = interviewer.get("/interviews/kit/", KIT).content.decode()
    plan = _save(interviewer)
    titles = [item.question.title for item in plan.questions.order_by("position")]
    assert len(titles) == 4
    assert all(title.replace("'", "&#x27;") in kit for title in titles)
    assert [kit.find(t.replace("'", "&#x27;")) for t in titles] == sorted(
        kit.find(t.replace("'", "&#x27;")) for t in titles
    )
    assert (plan.title, plan.level, plan.seed) == ("Ada, Monday", "senior", 11)
    assert PlanRow.objects.filter(plan_question__plan=plan).count() == 8
    page = interviewer.get(plan.get_absolute_url()).content.decode()
    assert page.count('class="score-row"') == 8


def test_scoring_a_row_is_saved_and_sending_it_again_changes_nothing(interviewer: Client) -> None:
    plan = _save(interviewer)
    row = PlanRow.objects.filter(plan_question__plan=plan).order_by("pk").first()
    assert row is not None
    url = f"/interviews/plans/{plan.pk}/rows/{row.pk}/score/"
    first = interviewer.post(url, {"score": "2"}, HTTP_ACCEPT="application/json")
    assert first.json() == {"row": row.pk, "score": 2}
    row.refresh_from_db()
    stamp = row.scored_at
    again = interviewer.post(url, {"score": "2"}, HTTP_ACCEPT="application/json")
    assert again.json() == {"row": row.pk, "score": 2}
    row.refresh_from_db()
    assert (row.score, row.scored_at) == (2, stamp)
    assert PlanRow.objects.filter(plan_question__plan=plan, score__isnull=False).count() == 1
    # Without JavaScript the same form posts and comes back to the row.
    plain = interviewer.post(url, {"score": "3"})
    assert plain["Location"] == f"{plan.get_absolute_url()}#row-{row.pk}"
    row.refresh_from_db()
    assert row.score == 3
    interviewer.post(url, {"score": ""}, HTTP_ACCEPT="application/json")
    row.refresh_from_db()
    assert row.score is None


@pytest.mark.parametrize("score", ["4", "-1", "two"])
def test_a_score_outside_the_scale_is_refused(interviewer: Client, score: str) -> None:
    plan = _save(interviewer)
    row = PlanRow.objects.filter(plan_question__plan=plan).order_by("pk").first()
    assert row is not None
    response = interviewer.post(
        f"/interviews/plans/{plan.pk}/rows/{row.pk}/score/", {"score": score}, HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 400
    row.refresh_from_db()
    assert row.score is None


def test_a_note_is_kept_and_shown_after_a_reload(interviewer: Client) -> None:
    plan = _save(interviewer)
    item = plan.questions.order_by("position").first()
    assert item is not None
    url = f"/interviews/plans/{plan.pk}/questions/{item.pk}/note/"
    assert interviewer.post(url, {"note": "Knew the GIL well."}, HTTP_ACCEPT="application/json").json() == {
        "item": item.pk,
        "note": "Knew the GIL well.",
    }
    assert "Knew the GIL well." in interviewer.get(plan.get_absolute_url()).content.decode()


def test_the_report_scores_questions_and_topics_and_estimates_the_level(interviewer: Client) -> None:
    plan = _save(interviewer)
    for row in PlanRow.objects.filter(plan_question__plan=plan):
        interviewer.post(f"/interviews/plans/{plan.pk}/rows/{row.pk}/score/", {"score": "2"})
    html = interviewer.get(f"/interviews/plans/{plan.pk}/report/").content.decode()
    assert "Level estimate: Senior" in html
    assert "16 of 24 points (66.7%" in html
    assert "By topic" in html
    assert html.count("66.7% (4 of 6)") == 4


def test_the_report_csv_holds_every_row_with_its_score_and_note(interviewer: Client) -> None:
    plan = _save(interviewer)
    row = PlanRow.objects.filter(plan_question__plan=plan).order_by("plan_question__position", "position")[0]
    interviewer.post(f"/interviews/plans/{plan.pk}/rows/{row.pk}/score/", {"score": "3"})
    interviewer.post(f"/interviews/plans/{plan.pk}/questions/{row.plan_question_id}/note/", {"note": "Good."})
    response = interviewer.get(f"/interviews/plans/{plan.pk}/report.csv")
    assert response["Content-Disposition"].startswith('attachment; filename="pyprep-interview-Ada--Monday-')
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["question", "slug", "level", "topic", "key point", "score", "notes"]
    assert len(rows) == 9
    assert rows[1][4:] == [row.key_point, "3", "Good."]
    assert rows[3][5] == ""


def test_autosave_without_the_csrf_token_is_refused() -> None:
    make_bank(level="senior", count=2, topics=1, challenge=False)
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(make_user("careful"))
    user_pk = int(strict.session["_auth_user_id"])
    plan = services.plan_create(
        owner_id=user_pk, title="P", kit=selectors.kit_build(options=KitOptions(level="senior", seed=1))
    )
    row = PlanRow.objects.filter(plan_question__plan=plan).order_by("pk").first()
    assert row is not None
    url = f"/interviews/plans/{plan.pk}/rows/{row.pk}/score/"
    assert strict.post(url, {"score": "2"}, HTTP_ACCEPT="application/json").status_code == 403
    row.refresh_from_db()
    assert row.score is None

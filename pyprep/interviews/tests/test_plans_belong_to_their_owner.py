"""Nobody but the interviewer can read or change a plan, its scores or notes; a share link reads, never writes."""

from __future__ import annotations

import pytest
from django.test import Client

from pyprep.interviews import selectors, services
from pyprep.interviews.kit import KitOptions
from pyprep.interviews.models import InterviewPlan, PlanRow
from pyprep.interviews.tests.factories import make_bank, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def victim_plan() -> InterviewPlan:
    make_bank(level="senior", count=4, topics=2, challenge=False)
    owner = make_user("owner")
    kit = selectors.kit_build(options=KitOptions(level="senior", count=2, seed=3))
    plan = services.plan_create(owner_id=owner.pk, title="Secret candidate", kit=kit)
    row = PlanRow.objects.filter(plan_question__plan=plan).order_by("pk").first()
    assert row is not None
    services.row_score(row=row, score=1)
    return plan


@pytest.fixture
def intruder(client: Client) -> Client:
    client.force_login(make_user("intruder"))
    return client


def test_another_users_plan_pages_are_not_found(intruder: Client, victim_plan: InterviewPlan) -> None:
    for suffix in ("", "report/", "report.csv"):
        assert intruder.get(f"/interviews/plans/{victim_plan.pk}/{suffix}").status_code == 404, suffix
    assert "Secret candidate" not in intruder.get("/interviews/plans/").content.decode()


def test_another_users_rows_notes_and_share_cannot_be_changed(
    intruder: Client, victim_plan: InterviewPlan
) -> None:
    row = PlanRow.objects.filter(plan_question__plan=victim_plan).order_by("pk").first()
    assert row is not None
    item = row.plan_question
    base = f"/interviews/plans/{victim_plan.pk}"
    assert intruder.post(f"{base}/rows/{row.pk}/score/", {"score": "3"}).status_code == 404
    assert intruder.post(f"{base}/questions/{item.pk}/note/", {"note": "x"}).status_code == 404
    assert intruder.post(f"{base}/share/").status_code == 404
    assert intruder.post(f"{base}/delete/").status_code == 404
    row.refresh_from_db()
    item.refresh_from_db()
    victim_plan.refresh_from_db()
    assert (row.score, item.note, victim_plan.share_token) == (1, "", "")


def test_a_row_of_another_plan_is_not_found_through_ones_own(
    intruder: Client, victim_plan: InterviewPlan
) -> None:
    kit = selectors.kit_build(options=KitOptions(level="senior", count=1, seed=1))
    user_pk = int(intruder.session["_auth_user_id"])
    mine = services.plan_create(owner_id=user_pk, title="Mine", kit=kit)
    theirs = PlanRow.objects.filter(plan_question__plan=victim_plan).order_by("pk").first()
    assert theirs is not None
    assert (
        intruder.post(f"/interviews/plans/{mine.pk}/rows/{theirs.pk}/score/", {"score": "3"}).status_code
        == 404
    )


def test_a_share_link_reads_the_report_and_a_revoked_one_is_gone(victim_plan: InterviewPlan) -> None:
    owner = Client()
    owner.force_login(victim_plan.owner)
    owner.post(f"/interviews/plans/{victim_plan.pk}/share/")
    victim_plan.refresh_from_db()
    token = victim_plan.share_token
    assert len(token) >= 32
    assert token in owner.get(f"/interviews/plans/{victim_plan.pk}/report/").content.decode()

    colleague = Client()
    page = colleague.get(f"/interviews/shared/{token}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Secret candidate" in html
    assert "read-only copy" in html
    assert "<form" not in html.split('<main id="main"')[1]  # nothing to score, note, share or delete
    assert colleague.get(f"/interviews/shared/{token}/report.csv").status_code == 200
    assert colleague.get(f"/interviews/plans/{victim_plan.pk}/")["Location"].startswith("/accounts/login/")

    owner.post(f"/interviews/plans/{victim_plan.pk}/share/", {"revoke": "1"})
    assert colleague.get(f"/interviews/shared/{token}/").status_code == 404
    assert colleague.get(f"/interviews/shared/{token}/report.csv").status_code == 404
    owner.post(f"/interviews/plans/{victim_plan.pk}/share/")
    victim_plan.refresh_from_db()
    assert victim_plan.share_token not in ("", token)


def test_a_guessed_share_token_is_not_found(client: Client, victim_plan: InterviewPlan) -> None:
    assert client.get("/interviews/shared/guess/").status_code == 404


def test_the_owner_can_delete_a_plan(victim_plan: InterviewPlan) -> None:
    owner = Client()
    owner.force_login(victim_plan.owner)
    assert owner.post(f"/interviews/plans/{victim_plan.pk}/delete/")["Location"] == "/interviews/plans/"
    assert not InterviewPlan.objects.exists()

"""Code challenges: the statement and visible tests (public), submissions to the judge (with a token)."""

from __future__ import annotations

import ast
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from ninja import Path, Router, Status
from ninja.errors import HttpError

from pyprep import pysource
from pyprep.api.v1.auth import request_user, token_auth
from pyprep.api.v1.bank import NAMESPACE, SLUG
from pyprep.api.v1.problems import errors
from pyprep.api.v1.schemas import ChallengeOut, SubmissionIn, SubmissionOut
from pyprep.challenges import selectors, services
from pyprep.challenges.models import Submission

router = Router(tags=["challenges"])


def test_sources(tests_code: str, names: list[str]) -> list[dict[str, str]]:  # noqa: PT028
    """The source of each named top-level test function, in the order given; hidden tests stay unseen."""
    try:
        module = pysource.parse(tests_code)
    except SyntaxError:
        return [{"name": name, "code": ""} for name in names]
    functions = {
        node.name: ast.get_source_segment(tests_code, node) or ""
        for node in module.body
        if isinstance(node, ast.FunctionDef)
    }
    return [{"name": name, "code": functions.get(name, "")} for name in names]


@router.get("/challenges/{slug}", response={200: ChallengeOut, **errors(404, 422, 429)})
def challenge_detail(request: HttpRequest, slug: str = Path(..., pattern=SLUG)) -> dict[str, Any]:
    """A challenge's statement, starter code and visible tests; hidden tests are only counted."""
    challenge = selectors.challenge_for_slug(slug=slug)
    question = challenge.question
    return {
        "slug": question.slug,
        "title": question.title,
        "level": question.level,
        "topics": [topic.slug for topic in question.topics.all()],
        "statement": challenge.statement,
        "starter_code": challenge.starter_code,
        "visible_tests": test_sources(challenge.tests_code, list(challenge.visible_tests)),
        "hidden_test_count": len(challenge.hidden_tests),
        "limits": {"cpu_seconds": challenge.cpu_seconds, "memory_mb": challenge.memory_mb},
        "url": request.build_absolute_uri(challenge.get_absolute_url()),
    }


def submission_out(request: HttpRequest, submission: Submission) -> dict[str, Any]:
    rows = []
    for row in submission.results or []:
        visible = bool(row.get("visible"))
        rows.append(
            {
                "name": row.get("name") if visible else None,
                "passed": bool(row.get("passed")),
                "message": str(row.get("message", "")),
                "visible": visible,
                "expected": str(row["expected"]) if visible and row.get("expected") is not None else None,
                "got": str(row["got"]) if visible and row.get("got") is not None else None,
                "stdout": str(row.get("stdout") or "") if visible else None,
            }
        )
    return {
        "id": submission.pk,
        "challenge": submission.challenge.slug,
        "kind": submission.kind,
        "state": submission.state,
        "verdict": submission.verdict,
        "summary": submission.summary,
        "results": rows,
        "traceback": submission.traceback,
        "runtime_ms": submission.runtime_ms,
        "created_at": submission.created_at,
        "finished_at": submission.finished_at,
        "poll_url": request.build_absolute_uri(
            reverse(f"{NAMESPACE}:submission_detail", kwargs={"pk": submission.pk})
        ),
    }


@router.post(
    "/challenges/{slug}/submissions",
    auth=token_auth,
    response={202: SubmissionOut, **errors(400, 401, 404, 422, 429)},
)
def submission_create(
    request: HttpRequest, payload: SubmissionIn, slug: str = Path(..., pattern=SLUG)
) -> Status:
    """Queue your code for the judge (run: visible tests; submit: all of them); then poll the submission."""
    challenge = selectors.challenge_for_slug(slug=slug)
    try:
        submission = services.submission_create(
            challenge=challenge,
            user=request_user(request),
            kind=payload.kind,
            code=payload.code,
            client_ip=str(request.META.get("REMOTE_ADDR", "")),
        )
    except services.SubmissionRefused as exc:
        raise HttpError(400, str(exc)) from exc
    return Status(202, submission_out(request, submission))


@router.get("/submissions/{pk}", auth=token_auth, response={200: SubmissionOut, **errors(401, 404, 422, 429)})
def submission_detail(request: HttpRequest, pk: int) -> dict[str, Any]:
    """One of your submissions: poll it until its state is done or failed."""
    submission = selectors.submission_for_viewer(pk=pk, user=request_user(request), session_ids=[])
    return submission_out(request, submission)

"""RFC 9457 problem details: every error the API returns, and how they appear in the OpenAPI schema."""

from __future__ import annotations

import json
from http import HTTPStatus
from typing import Any

from django.http import HttpResponse
from ninja import Schema

PROBLEM_MEDIA_TYPE = "application/problem+json"


class Problem(Schema):
    """An error as RFC 9457 describes it; `detail` is written for the person calling the API."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    instance: str | None = None
    errors: list[dict[str, Any]] | None = None


def problem_response(
    *, status: int, detail: str, instance: str | None = None, errors: list[dict[str, Any]] | None = None
) -> HttpResponse:
    """A problem+json response; the title is the status's standard phrase, the detail says what to do."""
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
    }
    if instance:
        body["instance"] = instance
    if errors is not None:
        body["errors"] = errors
    return HttpResponse(json.dumps(body, default=str), status=status, content_type=PROBLEM_MEDIA_TYPE)


def errors(*codes: int) -> dict[int, type[Problem]]:
    """Response declarations for the error statuses an endpoint can answer with."""
    return dict.fromkeys(codes, Problem)


def use_problem_media_type(schema: dict[str, Any]) -> dict[str, Any]:
    """Declare error responses as application/problem+json, the media type they are sent with."""
    for path in schema.get("paths", {}).values():
        for operation in path.values():
            for status, response in operation.get("responses", {}).items():
                content = response.get("content", {})
                if str(status).startswith(("4", "5")) and "application/json" in content:
                    response["content"] = {PROBLEM_MEDIA_TYPE: content["application/json"]}
    return schema

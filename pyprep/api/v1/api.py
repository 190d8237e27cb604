"""The v1 API object: token auth, site-like rate limits, problem+json errors and the routers."""

from __future__ import annotations

import logging
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError
from ninja.openapi.schema import OpenAPISchema

from pyprep.api.v1 import bank, challenges, practice
from pyprep.api.v1.auth import SiteRateThrottle
from pyprep.api.v1.problems import problem_response, use_problem_media_type

logger = logging.getLogger(__name__)

DESCRIPTION = """
Read the question bank, run code challenges through the judge and practise with spaced repetition.

Public endpoints need nothing. Personal ones (submissions, practice, progress) need a personal token,
created on your profile page: send it as `Authorization: Bearer pyp_…`. Errors are
[RFC 9457](https://www.rfc-editor.org/rfc/rfc9457) `application/problem+json` documents whose `detail`
says what went wrong. See docs/api.md for a curl example of every endpoint.
"""


class PyprepAPI(NinjaAPI):
    def get_openapi_schema(
        self, *, path_prefix: str | None = None, path_params: dict[str, Any] | None = None
    ) -> OpenAPISchema:
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        use_problem_media_type(schema)
        return schema


api = PyprepAPI(
    title="pyprep API",
    version="1.0.0",
    description=DESCRIPTION,
    urls_namespace="api-v1",
    docs_url="/docs",
    openapi_url="/openapi.json",
    throttle=[SiteRateThrottle()],
)


@api.exception_handler(ValidationError)
def _invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    fields = ", ".join(".".join(str(part) for part in error.get("loc", ())) for error in exc.errors)
    return problem_response(
        status=422,
        detail=f"The request is not valid: check {fields or 'its parameters'}.",
        instance=request.path,
        errors=[
            {"loc": list(error.get("loc", ())), "msg": str(error.get("msg", ""))} for error in exc.errors
        ],
    )


@api.exception_handler(AuthenticationError)
def _unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    response = problem_response(
        status=401,
        detail="Send a personal token as 'Authorization: Bearer pyp_…'. Create one on your profile page; "
        "a revoked token no longer works.",
        instance=request.path,
    )
    response["WWW-Authenticate"] = "Bearer"
    return response


@api.exception_handler(Throttled)
def _throttled(request: HttpRequest, exc: Throttled) -> HttpResponse:
    response = problem_response(
        status=429, detail="Too many requests. Wait a minute, then try again.", instance=request.path
    )
    response["Retry-After"] = "60"
    return response


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return problem_response(status=exc.status_code, detail=str(exc), instance=request.path)


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return problem_response(status=404, detail=str(exc) or "Nothing here.", instance=request.path)


@api.exception_handler(Exception)
def _crashed(request: HttpRequest, exc: Exception) -> HttpResponse:
    logger.exception("API error on %s", request.path)
    return problem_response(
        status=500, detail="Something went wrong on our side; it has been logged.", instance=request.path
    )


def not_found(request: HttpRequest, rest: str = "") -> HttpResponse:
    """Any other address under /api/v1/ answers like the API does, not with the site's HTML page."""
    return problem_response(
        status=404, detail="No API endpoint at this address; see /api/v1/docs.", instance=request.path
    )


api.add_router("", bank.router)
api.add_router("", challenges.router)
api.add_router("", practice.router)

"""Schemathesis against the live test server: no input makes a 500, every response matches the schema."""

from __future__ import annotations

import os
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, note, settings
from pytest_django.live_server_helper import LiveServer
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from pyprep.api.services import token_create
from pyprep.api.tests.conftest import load_bank
from pyprep.api.v1.api import api

pytestmark = pytest.mark.schemathesis

# Bounded so the whole run stays under a minute on the project's 2-core machine; raise it for a deeper search.
MAX_EXAMPLES = int(os.environ.get("PYPREP_SCHEMATHESIS_EXAMPLES", "25"))
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
OPERATIONS = [
    pytest.param(mode, method.upper(), path, id=f"{mode.value} {method.upper()} {path}")
    for path, methods in api.get_openapi_schema(path_prefix="/api/v1/")["paths"].items()
    for method, spec in methods.items()
    for mode in GenerationMode
    # Without parameters or a body there is nothing to make invalid.
    if mode is GenerationMode.POSITIVE or spec.get("parameters") or spec.get("requestBody")
]


@pytest.fixture
def api_token(transactional_db: None, django_user_model: Any, settings: Any) -> str:
    settings.PYPREP_API_RATES = {"user": "100000/m", "anonymous_ip": "100000/m"}
    load_bank()
    user = django_user_model.objects.create_user(username="fuzz", password="a long enough password")
    return token_create(user=user, name="schemathesis").secret


@pytest.mark.parametrize(("mode", "method", "path"), OPERATIONS)
def test_every_endpoint_answers_generated_requests_within_its_schema(
    mode: GenerationMode, method: str, path: str, live_server: LiveServer, api_token: str
) -> None:
    # The schema is read the way any client reads it: from the running server.
    schema = schemathesis.openapi.from_url(f"{live_server.url}/api/v1/openapi.json")
    operation = schema[path][method]
    headers = {"Authorization": f"Bearer {api_token}"}

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=MAX_EXAMPLES,
        deadline=None,
        database=None,
        # Health checks judge the generator's speed, not the API; on a busy 2-core machine they misfire.
        suppress_health_check=list(HealthCheck),
    )
    def answers_within_schema(case: schemathesis.Case) -> None:
        note(f"{case.method} {case.formatted_path} query={case.query} body={case.body!r}")
        # A generous timeout: a slow answer on a loaded machine is not what this test looks for.
        case.call_and_validate(base_url=live_server.url, headers=headers, checks=CHECKS, timeout=60)

    answers_within_schema()

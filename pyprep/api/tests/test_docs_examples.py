"""Every curl example in docs/api.md runs against the live test server, and every endpoint has one."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path
from typing import Any

from django.conf import settings
from pytest_django.live_server_helper import LiveServer

from pyprep.api.services import token_create
from pyprep.api.tests.conftest import load_bank
from pyprep.api.v1.api import api

DOC = Path(settings.BASE_DIR) / "docs" / "api.md"
# Each example prints its body, then the status on a line of its own.
CURL_WITH_STATUS = "curl() { command curl -sS -w '\\n%{http_code}' \"$@\"; }\n"


def examples() -> list[str]:
    blocks = re.findall(r"```sh\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.DOTALL)
    return [block for block in blocks if block.lstrip().startswith("curl")]


def operation_of(example: str) -> tuple[str, str]:
    """(METHOD, path) an example calls, its $VARIABLES standing for path parameters."""
    path = re.search(r'"\$PYPREP(/api/v1/[^"?]*)', example)
    assert path, f"no $PYPREP/api/v1/ URL in:\n{example}"
    method = re.search(r"-X (\w+)", example)
    return (method.group(1) if method else "GET"), path.group(1)


def schema_operations() -> list[tuple[str, str]]:
    paths = api.get_openapi_schema(path_prefix="/api/v1/")["paths"]
    return [(method.upper(), path) for path, methods in paths.items() for method in methods]


def matches(template: str, path: str) -> bool:
    pattern = re.sub(r"\\\{[^}]+\\\}", r"(\\$[A-Z]+|[^/]+)", re.escape(template))
    return re.fullmatch(pattern, path) is not None


def lookup(data: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        data = data[part]
    return data


def test_every_endpoint_has_an_example() -> None:
    shown = [operation_of(example) for example in examples()]
    missing = [
        (method, template)
        for method, template in schema_operations()
        if not any(m == method and matches(template, path) for m, path in shown)
    ]
    assert missing == []


def test_the_examples_run_against_the_live_server(
    live_server: LiveServer, transactional_db: None, django_user_model: Any, settings: Any
) -> None:
    settings.PYPREP_API_RATES = {"user": "1000/m", "anonymous_ip": "1000/m"}
    load_bank()
    user = django_user_model.objects.create_user(username="reader", password="a long enough password")
    env = {**os.environ, "PYPREP": live_server.url, "TOKEN": token_create(user=user, name="docs").secret}
    for example in examples():
        result = subprocess.run(
            ["bash", "-c", CURL_WITH_STATUS + example], env=env, capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, f"{example}\n{result.stderr}"
        body, _, status = result.stdout.rpartition("\n")
        expected = re.search(r"# expect: (\d{3})", example)
        if expected:
            assert status == expected.group(1), f"{example}\n{status} {body}"
        else:
            assert status.startswith("2"), f"{example}\n{status} {body}"
        data = json.loads(body)
        keep = re.search(r"# keep: (.*)", example)
        for assignment in keep.group(1).split() if keep else []:
            name, _, dotted = assignment.partition("=")
            env[name] = str(lookup(data, dotted))

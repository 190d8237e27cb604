"""config.settings.prod passes Django's deployment check and accepts forms behind a TLS proxy."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run_prod(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.prod",
        "PYPREP_VAR_DIR": str(tmp_path),
        "DJANGO_ALLOWED_HOSTS": "pyprep.example",
        **env,
    }
    environ.pop("PYPREP_HTTPS", None)
    # The browser tests' conftest allows sync ORM calls from Playwright's event loop; a deployment never does.
    environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=environ, capture_output=True, text=True)


def test_the_deployment_check_is_clean(tmp_path: Path) -> None:
    result = _run_prod(tmp_path, "manage.py", "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_the_secret_key_is_made_once_and_kept(tmp_path: Path) -> None:
    script = "import django; django.setup(); from django.conf import settings; print(settings.SECRET_KEY)"
    first = _run_prod(tmp_path, "-c", script).stdout.strip()
    second = _run_prod(tmp_path, "-c", script).stdout.strip()
    assert len(first) >= 50
    assert first == second
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


PROXY_SCRIPT = """
import django; django.setup()
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.middleware.security import SecurityMiddleware
from django.test import RequestFactory
from django.conf import settings

proxy = {"HTTP_X_FORWARDED_PROTO": "https", "HTTP_HOST": "pyprep.example"}
factory = RequestFactory()
page = factory.get("/accounts/login/", **proxy)
token = get_token(page)
form = factory.post("/accounts/login/", {"csrfmiddlewaretoken": token}, HTTP_ORIGIN="https://pyprep.example", **proxy)
form.COOKIES[settings.CSRF_COOKIE_NAME] = page.META["CSRF_COOKIE"]
refused = CsrfViewMiddleware(lambda r: HttpResponse()).process_view(form, lambda r: HttpResponse(), (), {})
print("post", "refused" if refused else "accepted")
plain = SecurityMiddleware(lambda r: HttpResponse())(factory.get("/questions/", HTTP_HOST="pyprep.example"))
print("http", plain.status_code, plain.get("Location"))
secure = SecurityMiddleware(lambda r: HttpResponse())(factory.get("/questions/", **proxy))
print("hsts", secure.get("Strict-Transport-Security"))
"""


def test_behind_a_tls_proxy_a_form_post_is_accepted_and_plain_http_is_redirected(tmp_path: Path) -> None:
    result = _run_prod(tmp_path, "-c", PROXY_SCRIPT)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "post accepted" in lines
    assert "http 301 https://pyprep.example/questions/" in lines
    assert "hsts max-age=31536000; includeSubDomains; preload" in lines

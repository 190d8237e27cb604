"""Test settings: fast hashing, in-memory email, an isolated var directory."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

# Parallel test workers (pytest-xdist) share one Redis server: each gets its own database, so one worker's
# cache clears and judge queue never reach another's. Set in the environment, so processes a test starts agree.
if os.environ.get("REDIS_URL") and (worker := os.environ.get("PYTEST_XDIST_WORKER", "")).startswith("gw"):
    os.environ["REDIS_URL"] = re.sub(r"(/\d*)?$", f"/{int(worker[2:]) + 1}", os.environ["REDIS_URL"], count=1)

from config.settings.base import *  # noqa: E402, F403
from config.settings.base import CACHES, HUEY  # noqa: E402

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
VAR_DIR = Path(tempfile.mkdtemp(prefix="pyprep-test-"))
HUEY = {**HUEY, "filename": str(VAR_DIR / "judge-queue.sqlite3")} if "filename" in HUEY else HUEY
# Nothing a test caches may outlive the test run or reach the developer's var/ directory.
CACHES = {
    "default": CACHES["default"],
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
    "shared": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "shared"},
}

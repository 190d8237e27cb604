"""Test settings: fast hashing, in-memory email, an isolated var directory."""

from __future__ import annotations

import tempfile
from pathlib import Path

from config.settings.base import *  # noqa: F403
from config.settings.base import CACHES, HUEY

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

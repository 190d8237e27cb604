"""Production: DEBUG off, a real secret, HTTPS behind a TLS proxy, static files from whitenoise."""

from __future__ import annotations

from config.env import env, env_bool, env_int, env_list, secret_from_file
from config.settings.base import *  # noqa: F403
from config.settings.base import ALLOWED_HOSTS, DATABASES, STORAGES, VAR_DIR

DEBUG = False
# Several machines must share one key (set DJANGO_SECRET_KEY); one machine makes its own, once, in var/.
SECRET_KEY = env("DJANGO_SECRET_KEY") or secret_from_file(VAR_DIR / "secret_key")

# Opening a connection (and SQLite's PRAGMAs) costs more than serving a cached page: keep it open.
DATABASES["default"]["CONN_MAX_AGE"] = env_int("DATABASE_CONN_MAX_AGE", 600)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

# Hashed, compressed static files: whitenoise serves them with a year-long cache header.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# One language: without translation machinery, each value a template prints skips a language look-up
# (a tenth of a page's template time).
USE_I18N = False

# Sessions are read from the shared cache first (a logged-in page skips the session query) and written
# through to the database, so nothing is lost when the cache is cleared. The shared cache is Redis, or a
# file in var/ on one machine: every web worker sees the same entry, so a log-out in one worker ends the
# session in all of them (the per-process memory cache would not). Not signed cookies: anonymous practice
# data is owned by the session key, which a cookie session changes on every write, and a cookie session
# cannot be ended from the server.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_CACHE_ALIAS = "shared"

# HTTPS. PYPREP_HTTPS=0 only for `make run` on loopback (plain HTTP, no proxy); every public instance
# sits behind a TLS proxy that sets X-Forwarded-Proto (docs/deploy.md).
HTTPS = env_bool("PYPREP_HTTPS", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = HTTPS
# The load balancer's health probe may come over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^health$"]
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = env_int("PYPREP_HSTS_SECONDS", 31_536_000) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("PYPREP_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("PYPREP_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Origins allowed to POST; by default the HTTPS origin of every allowed host. Needed when the proxy
# changes the Host header or the site is reached under another name.
CSRF_TRUSTED_ORIGINS = env_list(
    "DJANGO_CSRF_TRUSTED_ORIGINS",
    [f"https://{host.lstrip('.')}" for host in ALLOWED_HOSTS if host != "*"],
)

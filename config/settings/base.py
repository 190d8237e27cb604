"""Settings shared by every environment; the environment variables switch engines."""

from __future__ import annotations

import os
from pathlib import Path

# numpy's OpenBLAS would start a thread per core for each search's matrix-vector product; in a web process that
# already runs one request per thread, one BLAS thread was 2.4x faster at 50,000 vectors on a busy 2-core machine.
# Set before any app imports numpy.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import dj_database_url  # noqa: E402
import django_stubs_ext

from config.env import env, env_bool, env_int, env_list

# Lets admin and model classes be subscripted for type checking (ModelAdmin[Question]).
django_stubs_ext.monkeypatch()

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env("PYPREP_VAR_DIR", str(BASE_DIR / "var")))
CONTENT_DIR = Path(env("PYPREP_CONTENT_DIR", str(BASE_DIR / "content")))
VAR_DIR.mkdir(parents=True, exist_ok=True)

SECRET_KEY = env("DJANGO_SECRET_KEY", "insecure-dev-key-change-me")
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])

INSTALLED_APPS = [
    "pyprep.accounts.apps.ThrottledAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "ninja",
    "csp",
    "huey.contrib.djhuey",
    "pyprep.bank",
    "pyprep.accounts",
    "pyprep.practice",
    "pyprep.challenges",
    "pyprep.judge",
    "pyprep.api",
    "pyprep.exports",
    "pyprep.interviews",
    "pyprep.mock",
]

MIDDLEWARE = [
    # Anonymous pages from the page cache, before sessions, users and routing (pyprep/bank/pagecache.py).
    # Outermost, so a stored page carries every header below it adds (config/wsgi.py serves hits before
    # Django's handler). Its keys hold the scheme, so a page stored over HTTPS never answers plain HTTP.
    "pyprep.bank.pagecache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Static files straight from the WSGI worker, compressed and cached forever when hashed (prod).
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "pyprep" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "pyprep.bank.context_processors.site",
                "pyprep.practice.context_processors.practice",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{VAR_DIR / 'pyprep.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the judge write verdicts while the site reads; a busy timeout instead of "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

REDIS_URL = env("REDIS_URL")
# "pages" keeps rendered pages in each web process (fast, never shared); "shared" is seen by every process
# of the site (web workers, the judge, load_content): it holds the bank's version stamp that keys "pages".
_SHARED_CACHE: dict[str, object] = (
    {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    if REDIS_URL
    else {
        # Django's file cache, whose writes list the directory at most every 30 s (config/filecache.py).
        "BACKEND": "config.filecache.FileCache",
        "LOCATION": str(VAR_DIR / "cache"),
        # Sessions and per-visitor counts live here too: past the limit a cull drops a third of the entries at
        # random (the bank's version stamp among them), so keep it well above one machine's visitors.
        "OPTIONS": {"MAX_ENTRIES": 20000},
    }
)
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    ),
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
        "TIMEOUT": 600,
        "OPTIONS": {"MAX_ENTRIES": 2000},
    },
    "shared": _SHARED_CACHE,
}

# A request waiting for a verdict holds one of the web server's threads (WEB_THREADS per worker, set by
# scripts/serve): at most half of a process's threads wait; the rest of the waiters ask again a second later.
CHALLENGES_WAITING_PER_PROCESS = env_int(
    "CHALLENGES_WAITING_PER_PROCESS", max(1, env_int("WEB_THREADS", 4) // 2)
)

# The judge's queue: a SQLite file on the embedded default (no extra server), Redis when REDIS_URL is set.
if REDIS_URL:
    HUEY = {
        "huey_class": "huey.RedisHuey",
        "name": "pyprep-judge",
        "url": REDIS_URL,
        "immediate": False,
        "results": False,
        "blocking": True,  # an idle consumer waits in BRPOP: a job is picked up as it is queued
        "consumer": {"workers": env_int("JUDGE_WORKERS", 2), "worker_type": "thread"},
    }
else:
    HUEY = {
        # SqliteHuey plus a wake-up socket beside the file (pyprep/judge/queue.py): an idle consumer blocks
        # on it instead of polling, so the pickup is not part of submit -> verdict; without the socket it
        # polls every poll_seconds, and a lost wake-up costs at most read_timeout.
        "huey_class": "pyprep.judge.queue.WakeableSqliteHuey",
        "name": "pyprep-judge",
        "filename": str(VAR_DIR / "judge-queue.sqlite3"),
        "read_timeout": 1.0,
        "poll_seconds": 0.02,
        "immediate": False,
        "results": False,
        "consumer": {"workers": env_int("JUDGE_WORKERS", 2), "worker_type": "thread"},
    }

# The first reads the signed-in user without the ORM's query building (pyprep/accounts/backends.py); Django's
# own stays so sessions signed in through it before keep working.
AUTHENTICATION_BACKENDS = [
    "pyprep.accounts.backends.AccountBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "bank:home"
LOGOUT_REDIRECT_URL = "bank:home"

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "pyprep <noreply@localhost>")

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS: list[Path | tuple[str, Path]] = [BASE_DIR / "pyprep" / "static"]
# Front-end libraries are npm dependencies (package.json); served from node_modules under /static/vendor/.
if (BASE_DIR / "node_modules").is_dir():
    STATICFILES_DIRS.append(("vendor", BASE_DIR / "node_modules"))
STATIC_ROOT = VAR_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Content-Security-Policy (django-csp): scripts only from this site (htmx, CodeMirror and ours are files, never
# inline), nothing framed, forms post only here. Inline style attributes stay allowed: Markdown tables align
# cells with them and htmx sets its indicator style; scripts are what CSP must hold.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "loggers": {"pyprep": {"handlers": ["console"], "level": env("PYPREP_LOG_LEVEL", "INFO")}},
}

PYPREP_QUESTIONS_PER_PAGE = 20

"""Database side of the load test, run with the site's settings: make accounts, then count what was stored.

python benchmarks/load_rows.py setup USERS   -> JSON: accounts with session cookies, challenges
python benchmarks/load_rows.py drain SECONDS -> waits until no judge job is queued or running
python benchmarks/load_rows.py count < acknowledged.json -> JSON: the "nothing lost" counts
"""

from __future__ import annotations

import json
import os
import sys
import time
from importlib import import_module
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.prod")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model  # noqa: E402

from pyprep.challenges.models import Challenge, Submission  # noqa: E402
from pyprep.judge.models import JudgeJob  # noqa: E402
from pyprep.practice.models import Review, SessionItem  # noqa: E402

PREFIX = "load-user-"
WRONG = "def _nothing():\n    return None\n"


def setup(users: int) -> dict[str, object]:
    store_class = import_module(settings.SESSION_ENGINE).SessionStore
    accounts = []
    for n in range(users):
        user, _ = get_user_model().objects.get_or_create(username=f"{PREFIX}{n}")
        store = store_class()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = "pyprep.accounts.backends.AccountBackend"  # as a log-in sets it
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.create()
        accounts.append(
            {"user": user.username, "cookie": f"{settings.SESSION_COOKIE_NAME}={store.session_key}"}
        )
    challenges = [
        {"slug": c.question.slug, "right": c.reference_solution, "wrong": WRONG}
        for c in Challenge.objects.select_related("question").filter(question__status="published")[:8]
    ]
    return {"accounts": accounts, "challenges": challenges}


def _unfinished() -> int:
    return JudgeJob.objects.filter(status__in=[JudgeJob.Status.QUEUED, JudgeJob.Status.RUNNING]).count()


def drain(seconds: float) -> dict[str, object]:
    deadline = time.monotonic() + seconds
    while _unfinished() and time.monotonic() < deadline:
        time.sleep(0.5)
    return {"unfinished_jobs": _unfinished()}


def count(acknowledged: dict[str, list[int]]) -> dict[str, object]:
    rated = acknowledged["rated_items"]
    submitted = acknowledged["submissions"]
    users = get_user_model().objects.filter(username__startswith=PREFIX)
    items = SessionItem.objects.filter(pk__in=rated)
    stored = Submission.objects.filter(pk__in=submitted)
    return {
        "ratings_acknowledged": len(rated),
        "ratings_with_a_review": items.filter(review__isnull=False).count(),
        "reviews_of_load_users": Review.objects.filter(card__user__in=users).count(),
        "submissions_accepted": len(submitted),
        "submissions_stored": stored.count(),
        "submissions_with_a_verdict": stored.exclude(verdict="").filter(state=Submission.State.DONE).count(),
        "submissions_judge_error": stored.filter(verdict="judge_error").count(),
        "jobs_left_pending": _unfinished(),
    }


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "setup":
        print(json.dumps(setup(int(sys.argv[2]))))
    elif command == "drain":
        print(json.dumps(drain(float(sys.argv[2]))))
    elif command == "count":
        print(json.dumps(count(json.load(sys.stdin))))
    else:
        raise SystemExit(f"unknown command {command}")

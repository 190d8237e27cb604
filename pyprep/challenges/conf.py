"""The challenges app's settings, read at call time (so `override_settings` works) with their defaults."""

from __future__ import annotations

from django.conf import settings

DEFAULT_RATES = {"user": "30/m", "ip": "20/m", "anonymous_ip": "10/m"}


def max_source_bytes() -> int:
    """The largest program accepted from the editor (CHALLENGES_MAX_SOURCE_BYTES, default 20,000)."""
    return int(getattr(settings, "CHALLENGES_MAX_SOURCE_BYTES", 20_000))


def rates() -> dict[str, str]:
    """Runs are cheap and frequent while editing; submissions are the graded attempts (CHALLENGES_RATES)."""
    return {**DEFAULT_RATES, **getattr(settings, "CHALLENGES_RATES", {})}


def max_pending() -> int:
    """Beyond this many submissions waiting for the judge, new ones are refused (CHALLENGES_MAX_PENDING)."""
    return int(getattr(settings, "CHALLENGES_MAX_PENDING", 200))


def judge_silent_seconds() -> int:
    """How long a queued submission may wait before the page says the judge is not answering."""
    return int(getattr(settings, "CHALLENGES_JUDGE_SILENT_SECONDS", 20))


def submit_wait_seconds() -> float:
    """How long Run/Submit's own request waits for the verdict before it answers "pending" (the page then
    long-polls); most verdicts come back well within it (CHALLENGES_SUBMIT_WAIT_SECONDS, 0 never waits)."""
    return float(getattr(settings, "CHALLENGES_SUBMIT_WAIT_SECONDS", 1.0))


def waiting_per_process() -> int:
    """How many requests of one web process may wait for a verdict at once (CHALLENGES_WAITING_PER_PROCESS;
    the settings make it half of WEB_THREADS); the others answer "pending" at once and the page asks again a
    second later, so the rest of the server's threads stay free for pages."""
    return max(1, int(getattr(settings, "CHALLENGES_WAITING_PER_PROCESS", 2)))

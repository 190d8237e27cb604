"""Reads about the judge for the health page."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from pyprep.judge.models import JudgeHeartbeat, JudgeJob
from pyprep.judge.worker import HEARTBEAT_STALE


def judge_alive() -> bool:
    """Whether some judge has reported itself alive recently (one query)."""
    return JudgeHeartbeat.objects.filter(seen_at__gte=timezone.now() - HEARTBEAT_STALE).exists()


def judge_status() -> dict[str, Any]:
    """The freshest judge heartbeat and the queue's size, as JSON-ready values."""
    beat = JudgeHeartbeat.objects.order_by("-seen_at").first()
    queued = JudgeJob.objects.filter(status=JudgeJob.Status.QUEUED).count()
    if beat is None:
        return {"tier": None, "seen_seconds_ago": None, "alive": False, "queued": queued}
    ago = (timezone.now() - beat.seen_at).total_seconds()
    status: dict[str, Any] = {
        "tier": beat.tier,
        "seen_seconds_ago": round(ago, 1),
        "alive": ago <= HEARTBEAT_STALE.total_seconds(),
        "host": beat.host,
        "pid": beat.pid,
        "started_at": beat.started_at.isoformat(),
        "queued": queued,
    }
    if beat.tier == "none":
        status["warning"] = "no sandbox available: untrusted code is refused (or run unsandboxed in DEBUG)"
    return status

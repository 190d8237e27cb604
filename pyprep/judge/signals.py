"""What the judge tells other apps about queued jobs; sent after the state change is committed."""

from __future__ import annotations

from django.dispatch import Signal

# A judge picked the job up: kwargs job_id.
job_started = Signal()
# The job has its final result (including judge_error after a failed retry): kwargs job_id, result, and
# reference (the reference solution's RunResult on the same seed, or None for a job without one).
job_finished = Signal()

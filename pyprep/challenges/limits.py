"""The limits a challenge's runs get, from the CPU and memory its files declare. Pure."""

from __future__ import annotations

from pyprep.judge.protocol import Limits


def job_limits(*, cpu_seconds: float, memory_mb: int) -> Limits:
    """CPU and memory as declared; wall time generous, so sleeping or blocked code is stopped by it."""
    return Limits(cpu_seconds=cpu_seconds, wall_seconds=max(5.0, cpu_seconds * 3), memory_mb=memory_mb)

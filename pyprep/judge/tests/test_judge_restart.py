"""A real `manage.py judge` killed mid-job: the job runs again after a restart, queued jobs are kept."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[3]


def _wait_for(check: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.mark.skipif(os.geteuid() != 0 and os.environ.get("CI") != "true", reason="needs a sandbox tier")
def test_a_job_in_flight_is_retried_after_a_judge_restart_and_queued_jobs_survive(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DJANGO_DEBUG": "0",
        "PYPREP_VAR_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "JUDGE_WORKERS": "1",
    }
    env.pop("REDIS_URL", None)

    def manage(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=PROJECT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )

    def submit(source: str) -> None:
        code = (
            "from pyprep.judge.services import judge_job_submit\n"
            "from pyprep.judge.protocol import Job, Limits\n"
            f"judge_job_submit(job=Job(source={source!r}, limits=Limits(wall_seconds=20, cpu_seconds=5)))\n"
        )
        manage("shell", "-c", code)

    def jobs() -> list[tuple[int, str, int]]:
        with sqlite3.connect(tmp_path / "db.sqlite3") as db:
            return list(db.execute("SELECT id, status, attempts FROM judge_judgejob ORDER BY id"))

    def start_judge() -> subprocess.Popen[str]:
        log = (tmp_path / "judge.log").open("a")
        return subprocess.Popen(
            [sys.executable, "manage.py", "judge", "--slots", "1"],
            cwd=PROJECT,
            env=env,
            stdout=log,
            stderr=log,
            text=True,
        )

    manage("migrate", "--noinput")
    submit("import time\ntime.sleep(3)\nprint('slept')")
    submit("print('second')")
    judge = start_judge()
    try:
        _wait_for(lambda: jobs()[0][1] == "running", 60, "the first job to start")
        judge.send_signal(signal.SIGKILL)
        judge.wait()
        submit("print('while the judge was down')")
        assert [status for _, status, _ in jobs()] == ["running", "queued", "queued"]
        judge = start_judge()
        _wait_for(lambda: all(status == "done" for _, status, _ in jobs()), 60, "every job to finish")
    finally:
        judge.send_signal(signal.SIGINT)
        try:
            judge.wait(timeout=15)
        except subprocess.TimeoutExpired:
            judge.kill()
            judge.wait()
    assert [attempts for _, _, attempts in jobs()] == [2, 1, 1]
    with sqlite3.connect(tmp_path / "db.sqlite3") as db:
        outputs = [
            row[0]
            for row in db.execute("SELECT json_extract(result, '$.stdout') FROM judge_judgejob ORDER BY id")
        ]
    assert outputs == ["slept\n", "second\n", "while the judge was down\n"]
    assert "judge active tier" in (tmp_path / "judge.log").read_text()

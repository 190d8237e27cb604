"""Queue tasks: the web side calls `judge_job_submit`, which hands the job id to `judge_run`."""

from __future__ import annotations

from huey.contrib.djhuey import db_task

from pyprep.judge.worker import judge_job_execute


@db_task()
def judge_run(job_id: int) -> None:
    judge_job_execute(job_id=job_id)

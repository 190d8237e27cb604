"""The judge's rows: a heartbeat per judge process and the queue's durable record of each job."""

from __future__ import annotations

from typing import Any

from django.db import models


class JudgeHeartbeat(models.Model):
    tier = models.CharField(max_length=20, help_text="Sandbox tier this judge process runs jobs in.")
    pid = models.PositiveIntegerField(help_text="Process id of the judge on its host.")
    host = models.CharField(max_length=255, help_text="Host name of the machine the judge runs on.")
    started_at = models.DateTimeField(help_text="When this judge process started.")
    seen_at = models.DateTimeField(help_text="Last time this judge process reported itself alive.")

    class Meta:
        ordering = ["-seen_at"]
        constraints = [models.UniqueConstraint(fields=["host", "pid"], name="judge_heartbeat_host_pid")]

    def __str__(self) -> str:
        return f"{self.host}:{self.pid} ({self.tier})"

    @property
    def worker(self) -> str:
        return f"{self.host}:{self.pid}"


class JudgeJob(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    status = models.CharField(
        max_length=10,
        choices=Status.choices,
        default=Status.QUEUED,
        db_index=True,
        help_text="Queued until a judge claims it; failed means the judge itself could not finish it.",
    )
    attempts = models.PositiveSmallIntegerField(default=0, help_text="How many times a judge has claimed it.")
    job = models.JSONField(help_text="The job as sent to the sandbox (pyprep.judge.protocol.Job as JSON).")
    result = models.JSONField(
        null=True, blank=True, help_text="The sandbox's RunResult as JSON, once the job is done or failed."
    )
    reference = models.TextField(
        blank=True,
        help_text="Reference solution run on the same seed in a separate job; its observations are the "
        "expected ones for the generated test cases. Empty: no reference run.",
    )
    reference_result = models.JSONField(
        null=True, blank=True, help_text="The reference run's RunResult as JSON, once the job is done."
    )
    seed = models.BigIntegerField(
        null=True,
        blank=True,
        help_text="Seed the judge drew when it ran the job: the generated test cases of both runs.",
    )
    worker = models.CharField(
        max_length=300,
        blank=True,
        help_text="host:pid of the judge that last claimed it (for restart recovery).",
    )
    created_at = models.DateTimeField(auto_now_add=True, help_text="When the job was submitted.")
    updated_at = models.DateTimeField(auto_now=True, help_text="When the job last changed state.")

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"judge job {self.pk} ({self.status})"

    @property
    def finished(self) -> bool:
        return self.status in {self.Status.DONE, self.Status.FAILED}

    def result_data(self) -> dict[str, Any] | None:
        return self.result if isinstance(self.result, dict) else None

    def reference_data(self) -> dict[str, Any] | None:
        return self.reference_result if isinstance(self.reference_result, dict) else None

"""The judge app: the sandbox service, its job queue and its health view."""

from __future__ import annotations

from django.apps import AppConfig


class JudgeConfig(AppConfig):
    name = "pyprep.judge"
    label = "judge"
    verbose_name = "Judge"
    default_auto_field = "django.db.models.BigAutoField"

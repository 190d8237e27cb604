from __future__ import annotations

from django.apps import AppConfig


class ChallengesConfig(AppConfig):
    name = "pyprep.challenges"
    verbose_name = "Code challenges"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from pyprep.challenges import (
            receivers,  # noqa: F401 - connects the judge's signals
            verdicts,  # noqa: F401 - announces graded submissions to waiting pages
        )

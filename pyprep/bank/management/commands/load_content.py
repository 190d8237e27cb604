"""Validate every content file, then upsert the bank in one transaction."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from pyprep.bank.models import Question
from pyprep.bank.services import content_load, questions_render


class Command(BaseCommand):
    help = (
        "Load content/ (topics, questions, sets, challenges) into the database. Every file is validated first; "
        "on any error nothing is written and every error is printed as path:line: message."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--content", default=str(settings.CONTENT_DIR), help="Content directory to load.")
        parser.add_argument(
            "--rerender",
            action="store_true",
            help="Also re-render every question's stored page HTML (after a renderer or Pygments upgrade).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        # Changed challenges are validated in the sandbox first: about a third of a second each.
        self.stdout.write("Validating content (changed challenges run in the sandbox)…")
        result = content_load(root=Path(options["content"]))
        if result.errors:
            for error in result.errors:
                self.stderr.write(str(error))
            raise CommandError(f"{len(result.errors)} error(s) in content; the database was not changed")
        self.stdout.write(self.style.SUCCESS(f"Content loaded: {result.report}"))
        if options["rerender"]:
            self.stdout.write(
                f"Re-rendered {questions_render(questions=Question.objects.all())} question pages"
            )

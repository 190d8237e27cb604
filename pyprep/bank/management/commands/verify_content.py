"""Run every example in the bank and compare its output with the declared output."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from pyprep.bank.content import read_bundle
from pyprep.bank.services import examples_verify


class Command(BaseCommand):
    help = "Run every example in the content files and check it prints exactly its declared output."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--content", default=str(settings.CONTENT_DIR), help="Content directory to verify."
        )
        parser.add_argument("--only", default="", help="Only files whose path contains this text.")
        parser.add_argument(
            "--workers", type=int, default=0, help="Parallel runs (default: the judge's slots)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.monotonic()
        bundle, errors = read_bundle(Path(options["content"]))
        if errors:
            for error in errors:
                self.stderr.write(str(error))
            raise CommandError(f"{len(errors)} content error(s); fix them before verifying examples")
        questions = [q for q in bundle.questions if options["only"] in q.path]
        checks = examples_verify(questions=questions, workers=options["workers"] or None)
        failures = [check for check in checks if not check.ok]
        for check in failures:
            self.stderr.write(str(check))
        elapsed = time.monotonic() - started
        summary = f"{len(checks) - len(failures)} of {len(checks)} examples print their declared output ({elapsed:.1f} s)"
        if failures:
            raise CommandError(f"{len(failures)} example(s) failed; {summary}")
        self.stdout.write(self.style.SUCCESS(summary))

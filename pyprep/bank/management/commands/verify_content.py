"""Run every example and check in the bank on every supported Python found; compare with the declared output."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from pyprep.bank.content import read_bundle
from pyprep.bank.services import (
    content_verify,
    verification_record,
    verification_stale,
    verification_targets,
)


class Command(BaseCommand):
    help = (
        "Run every example and check in the content files on every supported CPython found (the judge's in its "
        "sandbox, the others as child processes) and check each example prints exactly its declared output."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--content", default=str(settings.CONTENT_DIR), help="Content directory to verify."
        )
        parser.add_argument(
            "--only",
            action="append",
            default=[],
            help="Only files whose path contains this text (repeatable: any of them).",
        )
        parser.add_argument(
            "--workers", type=int, default=0, help="Parallel runs (default: the judge's slots)."
        )
        parser.add_argument(
            "--versions",
            default="",
            help="Only these Python versions, comma-separated (default: every supported version found).",
        )
        parser.add_argument(
            "--record",
            action="store_true",
            help="Verify only questions whose stored record is stale, and store on each loaded question the versions "
            "it was verified on (shown on its page and in the API).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.monotonic()
        bundle, errors = read_bundle(Path(options["content"]))
        if errors:
            for error in errors:
                self.stderr.write(str(error))
            raise CommandError(f"{len(errors)} content error(s); fix them before verifying examples")
        only: list[str] = options["only"]
        questions = [q for q in bundle.questions if not only or any(part in q.path for part in only)]
        targets = verification_targets()
        if options["versions"]:
            wanted = {v.strip() for v in options["versions"].split(",")}
            unknown = wanted - set(targets)
            if unknown:
                raise CommandError(
                    f"Python {', '.join(sorted(unknown))} not found here (found: {', '.join(targets)})"
                )
            targets = {v: p for v, p in targets.items() if v in wanted}
        if options["record"]:
            questions = verification_stale(questions=questions, versions=list(targets))
            if not questions:
                self.stdout.write(self.style.SUCCESS("Every question's verification record is current."))
                return
        self.stdout.write(
            f"Running {len(questions)} questions' examples and checks on Python {' · '.join(targets)}…"
        )
        report = content_verify(questions=questions, workers=options["workers"] or None, targets=targets)
        for failure in report.failures:
            self.stderr.write(str(failure))
        for version in report.versions:
            mine = [r for r in report.results if r.version == version]
            bad = sum(1 for r in mine if not r.ok)
            mark = "ok" if not bad else f"{bad} FAILED"
            self.stdout.write(
                f"  Python {version}: {len(mine) - bad} of {len(mine)} examples and checks pass ({mark})"
            )
        if report.missing:
            self.stdout.write(
                f"  not found on this machine (not verified): Python {', '.join(report.missing)}"
            )
        if options["record"]:
            self.stdout.write(f"  recorded on {verification_record(report=report)} questions")
        elapsed = time.monotonic() - started
        examples = sum(len(q.examples) for q in questions)
        checks = sum(len(q.checks) for q in questions)
        summary = (
            f"{examples} examples and {checks} checks on Python {' · '.join(report.versions)} "
            f"({len(report.results)} runs, {elapsed:.1f} s)"
        )
        if report.failures:
            raise CommandError(f"{len(report.failures)} run(s) failed; {summary}")
        self.stdout.write(self.style.SUCCESS(f"All pass: {summary}"))

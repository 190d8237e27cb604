"""Validate challenges in the sandbox without touching the database; `--mutation` scores their tests."""

from __future__ import annotations

import json
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import yaml
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from pyprep.challenges.spec import ChallengeSpec, read_challenges
from pyprep.challenges.validation import (
    MutationReport,
    equivalent_mutants,
    mutation_test,
    validate_all,
    validate_one,
    verdict_for,
)
from pyprep.judge.sandbox import Sandbox

EQUIVALENT_FILE = "equivalent_mutants.yaml"


class Command(BaseCommand):
    help = (
        "Run every challenge's reference and known-wrong solutions in the sandbox (as load_content does). "
        "With --mutation, also run each mutant of the reference and report how many the tests kill."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--content", default=str(settings.CONTENT_DIR), help="Content directory.")
        parser.add_argument("--only", action="append", default=[], help="Only this slug (repeatable).")
        parser.add_argument(
            "--mutation",
            action="store_true",
            help="Validate each challenge and mutation-test its tests (what `make mutation` runs).",
        )
        parser.add_argument(
            "--sample", type=int, default=None, help="At most N mutants per challenge (fixed)."
        )
        parser.add_argument(
            "--min-score", type=float, default=95.0, help="Fail when a challenge scores below."
        )
        parser.add_argument("--slots", type=int, default=2, help="Sandbox slots (parallel jobs).")
        parser.add_argument("--json", action="store_true", help="Print one JSON document instead of a table.")
        parser.add_argument(
            "--try",
            dest="tries",
            action="append",
            default=[],
            metavar="FILE",
            help="Grade this solution file against the (single) --only challenge, as a Submit would.",
        )
        parser.add_argument(
            "--try-set",
            metavar="DIR",
            help="Grade every file of a wrong-solution set (DIR/manifest.yaml lists challenge and file; the files "
            "are DIR/<challenge>/<file>) as a Submit would, and count how many are accepted.",
        )
        parser.add_argument("--survivors", action="store_true", help="List each surviving mutant.")

    def handle(self, *args: Any, **options: Any) -> None:
        root = Path(options["content"])
        specs, _, errors = read_challenges(root)
        if errors:
            raise CommandError("\n".join(str(error) for error in errors))
        if options["only"]:
            specs = [spec for spec in specs if spec.slug in set(options["only"])]
            if not specs:
                raise CommandError(f"no challenge named {', '.join(options['only'])}")
        started = time.monotonic()
        with Sandbox.start(slots=options["slots"], allow_unsandboxed=True) as sandbox:
            if options["try_set"]:
                self._try_set(Path(options["try_set"]), {spec.slug: spec for spec in specs}, sandbox)
                return
            if options["tries"]:
                if len(specs) != 1:
                    raise CommandError("--try needs exactly one --only SLUG")
                for path in options["tries"]:
                    verdict = verdict_for(specs[0], sandbox, source=Path(path).read_text(encoding="utf-8"))
                    failed = [row.message for row in verdict.tests if not row.passed][:3]
                    self.stdout.write(f"{path}: {verdict.verdict} ({verdict.summary}) {failed}")
                return
            if not options["mutation"]:
                _, errors = validate_all(specs, sandbox, workers=options["slots"])
                for error in errors:
                    self.stderr.write(str(error))
                if errors:
                    raise CommandError(f"{len(errors)} error(s)")
                self.stdout.write(f"{len(specs)} challenge(s) valid")
                return
            equivalents: dict[str, dict[str, str]] = {}
            for spec in specs:
                listed = root / "challenges" / spec.slug / EQUIVALENT_FILE
                try:
                    equivalents[spec.slug] = (
                        equivalent_mutants(listed.read_text(encoding="utf-8")) if listed.exists() else {}
                    )
                except ValueError as exc:
                    raise CommandError(f"{listed}: {exc}") from exc

            invalid: list[str] = []

            def report_for(spec: ChallengeSpec) -> MutationReport:
                # Validation first (the reference accepted, each wrong solution its stated verdict), in the
                # same slots: a mutation score means nothing for a challenge that does not validate.
                _, errors = validate_one(spec, sandbox)
                invalid.extend(str(error) for error in errors)
                return mutation_test(
                    spec,
                    sandbox,
                    equivalent=equivalents[spec.slug],
                    workers=options["slots"],
                    sample=options["sample"],
                )

            # Several challenges at once: the sandbox hands out its slots, so while one challenge waits for its
            # last hanging mutant (or runs its reference alone), the other slots work on the next challenges.
            reports: list[MutationReport] = []
            with ThreadPoolExecutor(max_workers=options["slots"]) as pool:
                for report in pool.map(report_for, specs):
                    reports.append(report)
                    if not options["json"]:
                        self._row(report, survivors=options["survivors"])
        elapsed = time.monotonic() - started
        for problem in invalid:
            self.stderr.write(problem)
        if invalid:
            raise CommandError(f"{len(invalid)} validation error(s)")
        below = [r.slug for r in reports if r.score < options["min_score"]]
        if options["json"]:
            self.stdout.write(
                json.dumps(
                    {"challenges": [r.to_dict() for r in reports], "seconds": round(elapsed, 1)}, indent=2
                )
            )
        else:
            total = sum(r.scored for r in reports)
            killed = sum(r.killed for r in reports)
            overall = 100.0 * killed / total if total else 100.0
            self.stdout.write(
                f"{len(reports)} challenge(s), {sum(r.mutants for r in reports)} mutants, {killed} killed, "
                f"{sum(len(r.equivalent) for r in reports)} equivalent, overall {overall:.1f}% in {elapsed:.0f}s"
            )
        if below:
            raise CommandError(f"mutation score below {options['min_score']:.0f}%: {', '.join(below)}")

    def _try_set(self, folder: Path, specs: dict[str, ChallengeSpec], sandbox: Sandbox) -> None:
        """Every entry of a wrong-solution set graded on its challenge; the accepted ones are named."""
        entries = yaml.safe_load((folder / "manifest.yaml").read_text(encoding="utf-8")) or []
        counts: dict[str, int] = {}
        accepted: list[str] = []
        for entry in entries:
            spec = specs.get(entry["challenge"])
            if spec is None:
                raise CommandError(
                    f"{folder}/manifest.yaml names an unknown challenge {entry['challenge']!r}"
                )
            source = (folder / entry["challenge"] / entry["file"]).read_text(encoding="utf-8")
            verdict = verdict_for(spec, sandbox, source=source).verdict
            counts[verdict] = counts.get(verdict, 0) + 1
            if verdict == "accepted":
                accepted.append(f"{entry['challenge']}/{entry['file']}")
            self.stdout.write(f"{entry['challenge']:32} {entry['file']:44} {verdict}")
        summary = ", ".join(f"{n} {verdict}" for verdict, n in sorted(counts.items()))
        self.stdout.write(f"{len(entries)} wrong solutions: {len(accepted)} accepted ({summary})")
        for name in accepted:
            self.stdout.write(f"    accepted: {name}")

    def _row(self, report: MutationReport, *, survivors: bool) -> None:
        self.stdout.write(
            f"{report.slug:32} mutants {report.mutants:3}  killed {report.killed:3}  "
            f"equivalent {len(report.equivalent):2}  survivors {len(report.survivors):2}  score {report.score:5.1f}%"
        )
        for stale in report.stale_equivalents:
            self.stdout.write(f"    listed as equivalent but no such mutant: {stale}")
        if survivors:
            for mutant in report.survivors:
                self.stdout.write(f"    survivor line {mutant.line}: {mutant.id}")

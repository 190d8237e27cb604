"""Challenge content hooks for the bank loader: challenges are bank questions of kind "challenge"."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.utils import timezone

from pyprep.bank.content import ContentError, QuestionSpec
from pyprep.challenges.spec import ChallengeSpec, read_challenges
from pyprep.challenges.validation import Runner, Validated, validate_all


@dataclass
class ChallengeHooks:
    questions: list[QuestionSpec] = field(default_factory=list)
    errors: list[ContentError] = field(default_factory=list)
    sync: Callable[[], None] = lambda: None


def _already_validated(specs: list[ChallengeSpec]) -> dict[str, Validated]:
    """Challenges whose files are byte-for-byte what the judge validated last time keep their expectations."""
    from pyprep.challenges.models import Challenge

    known = {
        slug: (content_hash, expected)
        for slug, content_hash, expected in Challenge.objects.values_list(
            "question__slug", "content_hash", "expected"
        )
    }
    return {
        spec.slug: Validated(spec.slug, known[spec.slug][1])
        for spec in specs
        if spec.slug in known and known[spec.slug][0] == spec.content_hash and known[spec.slug][1]
    }


def challenge_bundle_hooks(*, root: Path, runner: Runner | None = None) -> ChallengeHooks:
    """Parse content/challenges, validate changed challenges in the sandbox, and return the bank's hooks."""
    specs, questions, errors = read_challenges(root)
    if errors or not specs:
        return ChallengeHooks(questions=questions, errors=errors)
    validated = _already_validated(specs)
    stale = [spec for spec in specs if spec.slug not in validated]
    if stale:
        if runner is None:
            # The CLI process that loads content is not a web worker; it shares the judge's one sandbox.
            from pyprep.judge.runtime import sandbox_get

            runner = sandbox_get()
        fresh, errors = validate_all(stale, runner)
        validated.update(fresh)
    if errors:
        return ChallengeHooks(questions=questions, errors=errors)

    def sync() -> None:
        from pyprep.challenges.services import challenges_sync

        challenges_sync(specs=specs, validated=validated, when=timezone.now())

    return ChallengeHooks(questions=questions, errors=[], sync=sync)

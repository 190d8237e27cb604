"""Challenge content hooks for the bank loader: challenges are bank questions of kind "challenge"."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pyprep.bank.content import ContentError, QuestionSpec


@dataclass
class ChallengeHooks:
    questions: list[QuestionSpec] = field(default_factory=list)
    errors: list[ContentError] = field(default_factory=list)
    sync: Callable[[], None] = lambda: None


def challenge_bundle_hooks(*, root: Path) -> ChallengeHooks:
    """No challenge files yet: nothing to add to the bank."""
    return ChallengeHooks()

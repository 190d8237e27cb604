"""CI gate: every challenge's reference is accepted and every known-wrong solution gets its stated verdict."""

from __future__ import annotations

from collections import Counter

from django.conf import settings

from pyprep.challenges.spec import read_challenges
from pyprep.challenges.validation import validate_all
from pyprep.judge.sandbox import Sandbox

MIN_CHALLENGES = 50
MIN_PER_LEVEL = 10


def test_every_challenge_parses_and_there_are_enough_across_all_levels() -> None:
    specs, questions, errors = read_challenges(settings.CONTENT_DIR)
    assert errors == []
    assert len(specs) >= MIN_CHALLENGES
    levels = Counter(q.level for q in questions)
    assert set(levels) == {"entry", "junior", "mid", "senior", "expert"}
    assert min(levels.values()) >= MIN_PER_LEVEL, levels
    assert all(spec.wrong for spec in specs)


def test_every_reference_is_accepted_and_every_wrong_solution_gets_its_verdict(sandbox: Sandbox) -> None:
    specs, _, _ = read_challenges(settings.CONTENT_DIR)
    validated, errors = validate_all(specs, sandbox)
    assert [str(error) for error in errors] == []
    assert set(validated) == {spec.slug for spec in specs}

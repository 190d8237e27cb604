"""CI gate: every challenge parses, with enough at every level. Running each one in the judge (the reference
accepted, every known-wrong solution its stated verdict) is `make mutation`'s first step, beside its mutants."""

from __future__ import annotations

from collections import Counter

from django.conf import settings

from pyprep.challenges.spec import read_challenges

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

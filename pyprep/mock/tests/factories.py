"""Questions for mock tests: distinct titles (the draw drops near-duplicates), spread over a few topics."""

from __future__ import annotations

from datetime import datetime

from pyprep.bank.models import Question
from pyprep.mock import services
from pyprep.mock.choices import MockRequest
from pyprep.mock.models import MockInterview
from pyprep.practice.ownership import Owner
from pyprep.practice.tests.factories import make_question, make_topic

SUBJECTS = [
    "generators", "decorators", "descriptors", "metaclasses", "closures", "iterators", "slots", "dataclasses",
    "asyncio", "threading", "contextvars", "weakrefs", "pickling", "typing", "enums", "properties",
]  # fmt: skip
KEY_POINTS = [
    "Lists are mutable and can change in place.",
    "Tuples are immutable and hashable.",
]


def make_concepts(count: int, *, level: str = "junior", prefix: str = "") -> list[Question]:
    """count concept questions at the level, over three topics, titled so that none nearly duplicates another."""
    topics = [make_topic(slug=slug) for slug in ("core", "functions", "objects")]
    return [
        make_question(
            slug=f"{prefix}{level}-{SUBJECTS[n]}",
            title=f"Explain {SUBJECTS[n]} {prefix}{level}?",
            level=level,
            topics=[topics[n % 3]],
            key_points=KEY_POINTS,
        )
        for n in range(count)
    ]


def start_mock(
    owner: Owner, *, level: str = "junior", minutes: int = 20, now: datetime | None = None, seed: int = 7
) -> MockInterview:
    request = MockRequest(level=level, minutes=minutes, with_challenge=False)
    return services.mock_start(owner=owner, request=request, seed=seed, now=now)

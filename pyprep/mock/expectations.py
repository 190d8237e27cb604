"""What a level expects of a mock interview, how a result compares with it, and which topics to review. Pure."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

# Share of key points a candidate at each level is expected to cover. The matcher credits a point only when
# the answer says it (its recall on the blind set is about 0.78), so even an expert is not expected to get all.
EXPECTED_COVERAGE: dict[str, float] = {
    "entry": 0.45,
    "junior": 0.5,
    "mid": 0.55,
    "senior": 0.6,
    "expert": 0.65,
}
CONTRADICTION_COST = (
    0.5  # a contradicted point takes back half a covered one: a wrong claim costs more than silence
)
MARGIN = 0.15  # this far above the expectation is "above", this far below is "close to"
REVIEW_BELOW = 0.5  # a topic whose questions averaged less than this share covered is one to review

ABOVE, MEETS, CLOSE, BELOW = "above", "meets", "close", "below"
LABELS = {
    ABOVE: "above what the level expects",
    MEETS: "meets what the level expects",
    CLOSE: "close to, but under, what the level expects",
    BELOW: "below what the level expects",
}


@dataclass(frozen=True)
class Comparison:
    outcome: str  # ABOVE, MEETS, CLOSE or BELOW
    expected: float
    achieved: float
    reasoning: str

    @property
    def label(self) -> str:
        return LABELS[self.outcome]

    @property
    def expected_percent(self) -> int:
        return round(100 * self.expected)

    @property
    def achieved_percent(self) -> int:
        return round(100 * self.achieved)


def _percent(share: float) -> str:
    return f"{round(100 * share)}%"


def compare_with_level(
    *,
    level: str,
    level_label: str,
    key_points: int,
    covered: int,
    contradicted: int,
    answered: int,
    asked: int,
    challenge_passed: bool | None = None,
) -> Comparison:
    """How the mock's key-point coverage compares with the level's expectation, with the reasoning in a sentence.

    The achieved share is (covered - CONTRADICTION_COST x contradicted) / key points over the concept questions;
    a challenge included and not passed moves the outcome one step down (a passed one never lifts it).
    """
    expected = EXPECTED_COVERAGE[level]
    challenge_note = ""
    if challenge_passed is False:
        challenge_note = ", and the challenge was not passed"
    elif challenge_passed:
        challenge_note = ", and the challenge was passed"
    if answered == 0 or key_points == 0:
        return Comparison(
            BELOW,
            expected,
            0.0,
            f"You answered none of the {asked} concept questions{challenge_note}, so nothing shows the "
            f"{_percent(expected)} of key points a {level_label} interview expects: {LABELS[BELOW]}.",
        )
    achieved = max(0.0, (covered - CONTRADICTION_COST * contradicted) / key_points)
    if achieved >= expected + MARGIN:
        outcome = ABOVE
    elif achieved >= expected:
        outcome = MEETS
    elif achieved >= expected - MARGIN:
        outcome = CLOSE
    else:
        outcome = BELOW
    if challenge_passed is False:
        steps = (ABOVE, MEETS, CLOSE, BELOW)
        outcome = steps[min(len(steps) - 1, steps.index(outcome) + 1)]
        challenge_note += " (one step down)"
    contradicted_note = (
        f" with {contradicted} contradicted (each takes back half a point)" if contradicted else ""
    )
    reasoning = (
        f"A {level_label} interview expects about {_percent(expected)} of the key points; you covered "
        f"{covered} of {key_points}{contradicted_note}, {_percent(achieved)} in all{challenge_note}: "
        f"{LABELS[outcome]}."
    )
    return Comparison(outcome, expected, achieved, reasoning)


@dataclass(frozen=True)
class TopicReview:
    topic: str
    questions: int
    share: float  # mean share of key points covered over its questions (skipped counts as none)

    @property
    def percent(self) -> int:
        return round(100 * self.share)


def topics_to_review(results: Sequence[tuple[Sequence[str], float]], *, limit: int = 5) -> list[TopicReview]:
    """Topics whose questions averaged under REVIEW_BELOW covered, weakest first; results are (topics, share)."""
    shares: dict[str, list[float]] = defaultdict(list)
    for topics, share in results:
        for topic in topics:
            shares[topic].append(share)
    weak = [
        TopicReview(topic, len(values), sum(values) / len(values))
        for topic, values in shares.items()
        if sum(values) / len(values) < REVIEW_BELOW
    ]
    return sorted(weak, key=lambda t: (t.share, -t.questions, t.topic))[:limit]

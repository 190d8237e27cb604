"""A scored interview's arithmetic: totals per question and topic, and a level estimate with its reasons; pure."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pyprep.bank.levels import LEVEL_BY_VALUE, LEVEL_VALUES
from pyprep.interviews.kit import MAX_SCORE

# Share of the maximum (over scored rows) a candidate shows at the kit's level. At or above MEETS: the level
# holds; at or above STRONG: it holds with room to spare (worth trying the next level's questions); below
# BELOW: the answers sound like two levels down. In between MEETS and BELOW: one level down.
STRONG = 80.0
MEETS = 55.0
BELOW = 30.0
# Fewer scored rows than this share of the kit's rows, and an estimate would rest on too little.
MIN_SCORED_SHARE = 0.5


@dataclass(frozen=True)
class Tally:
    """Points over the scored rows of a question, a topic or the whole interview."""

    points: int
    scored: int  # rows given a score
    rows: int  # rows in all, scored or not

    @property
    def maximum(self) -> int:
        return self.scored * MAX_SCORE

    @property
    def percent(self) -> float | None:
        """Points as a percentage of the maximum over the scored rows; None when nothing is scored."""
        return round(100.0 * self.points / self.maximum, 1) if self.scored else None

    @property
    def average(self) -> float | None:
        return round(self.points / self.scored, 2) if self.scored else None


def tally(scores: Iterable[int | None]) -> Tally:
    """Sum the given scores; None means not scored (left out of the maximum, still counted as a row)."""
    values = list(scores)
    scored = [score for score in values if score is not None]
    return Tally(points=sum(scored), scored=len(scored), rows=len(values))


def tally_by(rows: Iterable[tuple[str, int | None]]) -> list[tuple[str, Tally]]:
    """One tally per key (a question or a topic), in the order keys first appear."""
    grouped: dict[str, list[int | None]] = {}
    for key, score in rows:
        grouped.setdefault(key, []).append(score)
    return [(key, tally(scores)) for key, scores in grouped.items()]


@dataclass(frozen=True)
class LevelEstimate:
    level: str  # a level value, or "" when there is too little to go on
    label: str  # what the report shows, e.g. "Senior" or "Not enough scored yet"
    reasoning: str  # one or two sentences: the figures and the threshold they met


def level_estimate(*, level: str, overall: Tally) -> LevelEstimate:
    """Estimate the candidate's level from how they scored on questions of `level`, and say why."""
    asked = LEVEL_BY_VALUE[level].label
    if overall.rows == 0 or overall.scored < overall.rows * MIN_SCORED_SHARE or overall.percent is None:
        return LevelEstimate(
            level="",
            label="Not enough scored yet",
            reasoning=f"{overall.scored} of {overall.rows} rubric rows are scored; an estimate needs at "
            f"least half of them.",
        )
    percent = overall.percent
    figures = (
        f"{overall.points} of {overall.maximum} points ({percent:g}%, {overall.average:g} of {MAX_SCORE} "
        f"on average) over {overall.scored} scored rubric rows on {asked} questions"
    )
    index = LEVEL_VALUES.index(level)
    if percent >= STRONG:
        above = LEVEL_VALUES[index + 1] if index + 1 < len(LEVEL_VALUES) else ""
        more = (
            f" Questions at {LEVEL_BY_VALUE[above].label} would show whether they go further."
            if above
            else ""
        )
        return LevelEstimate(
            level=level,
            label=f"{asked} (strong)",
            reasoning=f"{figures}: at least {STRONG:g}% means the points were explained, often with their "
            f"trade-offs, so {asked} holds with room to spare.{more}",
        )
    if percent >= MEETS:
        return LevelEstimate(
            level=level,
            label=asked,
            reasoning=f"{figures}: {MEETS:g}–{STRONG:g}% means most points were explained, which is what "
            f"{asked} expects.",
        )
    steps = 1 if percent >= BELOW else 2
    below = LEVEL_VALUES[max(index - steps, 0)]
    if below == level:
        return LevelEstimate(
            level=level,
            label=f"Below {asked}",
            reasoning=f"{figures}: under {MEETS:g}% means many points were missing or only named; "
            f"{asked} is the first level, so there is nothing lower to compare with.",
        )
    band = f"{BELOW:g}–{MEETS:g}%" if steps == 1 else f"under {BELOW:g}%"
    return LevelEstimate(
        level=below,
        label=LEVEL_BY_VALUE[below].label,
        reasoning=f"{figures}: {band} means many points were missing or only named, which sounds like "
        f"{LEVEL_BY_VALUE[below].label} rather than {asked}.",
    )

"""An interview kit's parameters, rubric scale and suggested times; pure, no ORM.

The kit page, its CSV sheet and a saved plan read the same query string (level, count, topic, set,
challenge, seed); this module checks the parts the bank's filter does not (count, seed, challenge, one level).
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlencode

from pyprep.bank.levels import LEVEL_VALUES

MIN_COUNT = 1
MAX_COUNT = 15
DEFAULT_COUNT = 6
MAX_SEED = 999_999_999

# The 0-3 scale every rubric row is scored on, explained once per kit.
SCALE: tuple[tuple[int, str, str], ...] = (
    (0, "Absent", "not mentioned, or mentioned wrongly"),
    (1, "Named", "mentioned, but not explained"),
    (2, "Explained", "explained correctly in the candidate's own words"),
    (3, "Explained with trade-offs", "explained, with its trade-offs, pitfalls or limits"),
)
MAX_SCORE = SCALE[-1][0]
SCORES = tuple(score for score, _label, _meaning in SCALE)

# Minutes to allow per question: longer for deeper levels (more follow-ups), far longer for live coding.
SUGGESTED_MINUTES: dict[str, dict[str, int]] = {
    "concept": {"entry": 4, "junior": 5, "mid": 6, "senior": 8, "expert": 10},
    "challenge": {"entry": 15, "junior": 20, "mid": 25, "senior": 30, "expert": 35},
}

# A question with no key points is still scored: on one row for the whole answer.
WHOLE_ANSWER = "The answer as a whole"


class KitParamError(ValueError):
    """A kit parameter that is missing or out of range; the message says what is allowed."""


@dataclass(frozen=True)
class KitOptions:
    level: str
    count: int = DEFAULT_COUNT
    topics: tuple[str, ...] = ()
    set_slug: str = ""
    challenge: bool = False
    seed: int | None = None

    def querystring(self, **changes: object) -> str:
        """The kit's parameters as a query string (seed included when known); changes replace values."""
        values: dict[str, object] = {
            "level": self.level,
            "count": self.count,
            "topic": ",".join(self.topics),
            "set": self.set_slug,
            "challenge": "1" if self.challenge else "",
            "seed": "" if self.seed is None else self.seed,
        }
        values.update(changes)
        return urlencode([(key, str(value)) for key, value in values.items() if value not in (None, "")])


def kit_options(params: Mapping[str, object], *, levels: Sequence[str], topics: Sequence[str]) -> KitOptions:
    """Kit options from request parameters whose level and topics the bank's filter already checked."""
    if len(levels) != 1:
        raise KitParamError(
            f"Choose exactly one level for a kit (got {len(levels)}). Use one of: {', '.join(LEVEL_VALUES)}."
        )
    count = _int(params, "count", default=DEFAULT_COUNT, low=MIN_COUNT, high=MAX_COUNT)
    seed_raw = str(params.get("seed", "") or "").strip()
    seed = _int(params, "seed", default=0, low=0, high=MAX_SEED) if seed_raw else None
    challenge_raw = str(params.get("challenge", "") or "").strip().lower()
    if challenge_raw not in ("", "0", "1", "on", "true", "false"):
        raise KitParamError(f"challenge must be 1 or 0, got {challenge_raw!r}.")
    return KitOptions(
        level=levels[0],
        count=count,
        topics=tuple(topics),
        set_slug=str(params.get("set", "") or "").strip(),
        challenge=challenge_raw in ("1", "on", "true"),
        seed=seed,
    )


def _int(params: Mapping[str, object], name: str, *, default: int, low: int, high: int) -> int:
    raw = str(params.get(name, "") or "").strip()
    if not raw:
        return default
    if not raw.isdigit() or not low <= int(raw) <= high:
        raise KitParamError(f"{name} must be a whole number from {low} to {high}, got {raw!r}.")
    return int(raw)


def new_seed() -> int:
    """A fresh seed for a kit without one; short enough to read out to a colleague."""
    return secrets.randbelow(1_000_000)


def suggested_minutes(*, level: str, kind: str) -> int:
    """Minutes to allow for one question of this level and kind."""
    by_level = SUGGESTED_MINUTES.get(kind, SUGGESTED_MINUTES["concept"])
    return by_level.get(level, max(by_level.values()))


def rubric_rows(key_points: Sequence[str]) -> tuple[str, ...]:
    """The rows an interviewer scores for one question: its key points, or the whole answer if it has none."""
    rows = tuple(point.strip() for point in key_points if point.strip())
    return rows or (WHOLE_ANSWER,)

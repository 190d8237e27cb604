"""Read a mock interview's start form (level, length, challenge, widen) into a checked request. Pure."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from pyprep.bank.levels import LEVEL_BY_VALUE, LEVEL_VALUES, neighbouring_levels
from pyprep.mock.timing import LENGTHS

_TRUE = ("1", "on", "true", "yes")


class BadChoice(ValueError):
    """A start parameter that names no level or length; the message says what is allowed."""


@dataclass(frozen=True)
class MockRequest:
    level: str
    minutes: int
    with_challenge: bool
    widen: bool = False

    @property
    def level_label(self) -> str:
        return LEVEL_BY_VALUE[self.level].label

    @property
    def levels(self) -> tuple[str, ...]:
        """The levels questions are drawn from: the chosen one, or with its neighbours once widened."""
        return widened(self.level) if self.widen else (self.level,)


def mock_request(params: Mapping[str, object]) -> MockRequest:
    """The request a start form makes; raises BadChoice naming the bad value and the allowed ones."""
    level = str(params.get("level", "") or "").strip()
    if level not in LEVEL_VALUES:
        shown = repr(level) if level else "(none)"
        raise BadChoice(f"Unknown level {shown}. Choose one of: {', '.join(LEVEL_VALUES)}.")
    raw_minutes = str(params.get("minutes", "") or "").strip()
    allowed = ", ".join(str(n) for n in LENGTHS)
    try:
        minutes = int(raw_minutes)
    except ValueError:
        raise BadChoice(f"The length must be a number of minutes: {allowed}.") from None
    if minutes not in LENGTHS:
        raise BadChoice(f"A mock interview lasts {allowed} minutes, not {minutes}.")
    with_challenge = str(params.get("challenge", "") or "").lower() in _TRUE
    widen = str(params.get("widen", "") or "").lower() in _TRUE
    return MockRequest(level=level, minutes=minutes, with_challenge=with_challenge, widen=widen)


def widened(level: str) -> tuple[str, ...]:
    """The level with the one below and the one above it, in level order."""
    return tuple(sorted((level, *neighbouring_levels(level)), key=LEVEL_VALUES.index))


def levels_label(levels: Sequence[str]) -> str:
    """'Senior', 'Senior and Expert', 'Mid, Senior and Expert'."""
    labels = [LEVEL_BY_VALUE[level].label for level in levels]
    return labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} and {labels[-1]}"

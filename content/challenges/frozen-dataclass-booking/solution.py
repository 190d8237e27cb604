from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

MINUTES_PER_DAY = 24 * 60


@dataclass(frozen=True, order=True)
class Booking:
    start: int
    end: int
    room: str
    guests: Iterable[str] = field(default=(), compare=False)
    notes: list[str] = field(default_factory=list, compare=False, repr=False)
    duration: int = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        # Frozen: `self.x = ...` raises FrozenInstanceError, so normalise through object.__setattr__.
        for value in (self.start, self.end):
            if type(value) is not int:
                raise TypeError("start and end must be ints")
        if not 0 <= self.start < self.end <= MINUTES_PER_DAY:
            raise ValueError(f"bad time range: {self.start}-{self.end}")
        if not isinstance(self.room, str) or not self.room.strip():
            raise ValueError("room must not be empty")
        object.__setattr__(self, "room", self.room.strip().lower())
        object.__setattr__(self, "guests", tuple(dict.fromkeys(self.guests)))
        object.__setattr__(self, "duration", self.end - self.start)

    def moved(self, minutes: int) -> Booking:
        # replace() calls __init__ again, so __post_init__ validates the new times and recomputes duration.
        return replace(self, start=self.start + minutes, end=self.end + minutes, notes=list(self.notes))

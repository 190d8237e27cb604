from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace


@dataclass
class Booking:
    start: int
    end: int
    room: str

    def moved(self, minutes: int) -> Booking:
        raise NotImplementedError

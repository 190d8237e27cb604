"""Geometry for the small server-side SVG bar charts on the progress page (pure: no Django)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

WIDTH = 600
HEIGHT = 160
TOP = 18  # room for the value labels above the bars
BOTTOM = 22  # room for the axis labels


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    value: int
    show_label: bool
    label_x: float


@dataclass(frozen=True)
class BarChart:
    bars: tuple[Bar, ...]
    width: int
    height: int
    baseline: float
    peak: int
    total: int


def bar_chart(values: Sequence[tuple[str, int]], *, label_every: int = 1) -> BarChart:
    """Bars scaled to the largest value; every bar carries its number so colour is never needed to read it."""
    peak = max((value for _label, value in values), default=0)
    slot = WIDTH / max(1, len(values))
    plot = HEIGHT - TOP - BOTTOM
    bars = []
    for index, (label, value) in enumerate(values):
        height = plot * value / peak if peak else 0
        bars.append(
            Bar(
                x=round(index * slot + slot * 0.15, 1),
                y=round(TOP + plot - height, 1),
                width=round(slot * 0.7, 1),
                height=round(height, 1),
                label=label,
                value=value,
                show_label=index % label_every == 0 or index == len(values) - 1,
                label_x=round(index * slot + slot / 2, 1),
            )
        )
    return BarChart(tuple(bars), WIDTH, HEIGHT, TOP + plot, peak, sum(v for _l, v in values))

"""Levels and kinds of questions: plain values shared by the loader, the models and the pages."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LevelInfo:
    value: str
    label: str
    band: str


LEVELS: tuple[LevelInfo, ...] = (
    LevelInfo("entry", "Entry", "0–1 years"),
    LevelInfo("junior", "Junior", "1–3 years"),
    LevelInfo("mid", "Mid", "3–5 years"),
    LevelInfo("senior", "Senior", "5–10 years"),
    LevelInfo("expert", "Expert", "10+ years"),
)
LEVEL_VALUES: tuple[str, ...] = tuple(level.value for level in LEVELS)
LEVEL_BY_VALUE: dict[str, LevelInfo] = {level.value: level for level in LEVELS}

KINDS: tuple[str, ...] = ("concept", "challenge")
STATUSES: tuple[str, ...] = ("draft", "published", "archived")

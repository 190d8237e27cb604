"""Levels, kinds and statuses of questions, declared once: the loader, the models' choices and the pages use them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


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

LEVEL_CHOICES: list[tuple[str, str]] = [(level.value, level.label) for level in LEVELS]


class Kind(StrEnum):
    CONCEPT = "concept"
    CHALLENGE = "challenge"


class Status(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    ARCHIVED = "archived"


KIND_LABELS: dict[Kind, str] = {Kind.CONCEPT: "Concept", Kind.CHALLENGE: "Code challenge"}
STATUS_LABELS: dict[Status, str] = {
    Status.DRAFT: "Draft",
    Status.PUBLISHED: "Published",
    Status.ARCHIVED: "Archived",
}
KIND_CHOICES: list[tuple[str, str]] = [(kind.value, label) for kind, label in KIND_LABELS.items()]
STATUS_CHOICES: list[tuple[str, str]] = [(status.value, label) for status, label in STATUS_LABELS.items()]
KINDS: tuple[str, ...] = tuple(kind.value for kind in Kind)
STATUSES: tuple[str, ...] = tuple(status.value for status in Status)


def neighbouring_levels(level: str) -> tuple[str, ...]:
    """The levels just below and above this one, in level order ("mid" -> ("junior", "senior"))."""
    index = LEVEL_VALUES.index(level)
    return tuple(LEVEL_VALUES[i] for i in (index - 1, index + 1) if 0 <= i < len(LEVEL_VALUES))

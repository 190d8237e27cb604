"""What the bank asks of the apps built on it: content sources, personal marks and question-page panels.

Apps above the bank (practice, challenges, ...) fill these tables from their `AppConfig.ready()`; the bank
only reads them, so it never imports an app above it. Signals are for telling, registries for asking.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeAlias

from pyprep.bank.content import ContentError, QuestionSpec

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

    Viewer: TypeAlias = AbstractBaseUser | AnonymousUser | None
else:
    Viewer = object


# Content sources ------------------------------------------------------------------------------------------


class ContentContribution(Protocol):
    """What a content source adds to one load: more questions, its own errors, and a write run after the bank's."""

    @property
    def questions(self) -> Sequence[QuestionSpec]: ...

    @property
    def errors(self) -> Sequence[ContentError]: ...

    @property
    def sync(self) -> Callable[[], None]: ...


class ContentSource(Protocol):
    def __call__(self, *, root: Path) -> ContentContribution: ...


_sources: dict[str, ContentSource] = {}


def content_source_register(*, key: str, source: ContentSource) -> None:
    """Let the loader read more content under the same root (e.g. content/challenges); `key` keeps it idempotent."""
    _sources[key] = source


def content_sources() -> list[ContentSource]:
    return list(_sources.values())


class QuestionReader(Protocol):
    def __call__(self, root: Path) -> Sequence[QuestionSpec]: ...


_readers: dict[str, QuestionReader] = {}


def question_reader_register(*, key: str, reader: QuestionReader) -> None:
    """Let tools read the questions an app adds under a content root from files alone: no database, no judge."""
    _readers[key] = reader


def question_readers() -> list[QuestionReader]:
    return list(_readers.values())


# Personal marks -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class QuestionMark:
    """Something one reader did to questions (starred, noted, solved, ...), owned by the app that records it.

    `ids_for(owner)` answers which question ids carry the mark for a viewer (an account or an anonymous
    visitor). A filterable mark is offered in the list's "Mine" filter; a mark with a badge shows it on rows.
    """

    key: str
    label: str
    ids_for: Callable[[Viewer], set[int]]
    filterable: bool = True
    badge: str = ""
    badge_title: str = ""
    badge_class: str = ""


@dataclass(frozen=True)
class RowBadge:
    """A badge to draw on the rows whose question id is in `ids`."""

    text: str
    title: str
    css_class: str
    ids: frozenset[int]


_marks: dict[str, QuestionMark] = {}


def mark_register(mark: QuestionMark) -> None:
    _marks[mark.key] = mark


def marks_filterable() -> dict[str, str]:
    """The marks the "Mine" filter offers, key → label, in registration order."""
    return {mark.key: mark.label for mark in _marks.values() if mark.filterable}


def mark_ids(*, key: str, owner: Viewer) -> set[int]:
    """Question ids carrying one filterable mark for this viewer; KeyError names an unknown mark."""
    mark = _marks.get(key)
    if mark is None or not mark.filterable:
        raise KeyError(key)
    return mark.ids_for(owner)


def row_badges(*, owner: Viewer) -> list[RowBadge]:
    """Every badge some registered mark draws for this viewer, with the question ids it applies to."""
    return [
        RowBadge(mark.badge, mark.badge_title, mark.badge_class, frozenset(mark.ids_for(owner)))
        for mark in _marks.values()
        if mark.badge
    ]


# Page panels ----------------------------------------------------------------------------------------------

# Where a panel can go, and the page context it is included with (every page also has request and user):
#   header, after_summary   the question page (question)
#   results_head            above the list's results (page, qfilter)
#   home_first, home_last   the home page's actions, before and after "Browse all questions"
#   set_head                a curated set's page (curated, questions)
#   progress                the practice progress page and the account page (report), for other apps' counts
PANEL_SLOTS = ("header", "after_summary", "results_head", "home_first", "home_last", "set_head", "progress")


@dataclass(frozen=True)
class Panel:
    """A template another app draws on a bank page, included with that page's context."""

    key: str
    template: str
    slot: str = "header"

    def __post_init__(self) -> None:
        if self.slot not in PANEL_SLOTS:
            raise ValueError(f"Unknown panel slot {self.slot!r}. Use one of: {', '.join(PANEL_SLOTS)}.")


_panels: dict[str, Panel] = {}


def panel_register(panel: Panel) -> None:
    _panels[panel.key] = panel


def panels(*, slot: str) -> list[Panel]:
    return [panel for panel in _panels.values() if panel.slot == slot]


# Pages that stand in for the question page ---------------------------------------------------------------

_kind_pages: dict[str, Callable[[str], str]] = {}


def kind_page_register(*, kind: str, url_for: Callable[[str], str]) -> None:
    """Let an app own the page of every question of one kind: `url_for(slug)` is where its links go."""
    _kind_pages[kind] = url_for


def kind_page(*, kind: str, slug: str) -> str | None:
    """The page that stands in for this question's page, if an app owns its kind (a challenge's editor)."""
    url_for = _kind_pages.get(kind)
    return url_for(slug) if url_for is not None else None

"""Reads the bank into plain Anki card values, for the command line and the download buttons."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from django.db.models import Prefetch

from pyprep.bank import selectors as bank_selectors
from pyprep.bank.filters import parse_filter
from pyprep.bank.levels import LEVEL_BY_VALUE
from pyprep.bank.models import Question, Topic
from pyprep.bank.rendering import pygments_css, render_inline, render_markdown
from pyprep.exports.anki import ROOT_DECK, AnkiCard, AnkiExample


class UnknownSet(LookupError):
    """No curated set has that slug."""


@dataclass(frozen=True)
class AnkiSelection:
    root: str  # the top deck's name
    cards: list[AnkiCard]
    css: str  # for any code block a summary holds, highlighted with classes by the bank's renderer


def _cards(questions: Iterable[Question], *, url_for: Callable[[str], str]) -> list[AnkiCard]:
    return [
        AnkiCard(
            slug=question.slug,
            title=question.title,
            level=question.level,
            level_label=LEVEL_BY_VALUE[question.level].label,
            topics=tuple((topic.slug, topic.name) for topic in question.topics.all()),
            summary_html=render_markdown(question.summary),
            key_points_html=tuple(render_inline(point.text) for point in question.key_points.all()),
            examples=tuple(
                AnkiExample(title=example.title, code=example.code, output=example.output)
                for example in question.examples.all()
            ),
            url=url_for(question.get_absolute_url()),
        )
        for question in questions
    ]


def anki_selection(
    *,
    params: Mapping[str, object],
    set_slug: str = "",
    url_for: Callable[[str], str],
    only_ids: set[int] | None = None,
) -> AnkiSelection:
    """The questions a filter (level, topic, kind, q) or a curated set selects, as Anki cards.

    only_ids narrows it to what a personal filter ("starred", ...) resolved to. Raises
    bank.filters.FilterError for an unknown level, topic or kind, UnknownSet for an unknown set.
    """
    qfilter = parse_filter(params, known_topics=bank_selectors.topic_slugs())
    root = ROOT_DECK
    if set_slug:
        found = bank_selectors.set_detail(slug=set_slug)
        if found is None:
            raise UnknownSet(f"No curated set with slug {set_slug!r}.")
        curated, _questions = found
        ids = set(bank_selectors.set_question_ids(slug=set_slug))
        ids = ids if only_ids is None else ids & only_ids
        root = f"{ROOT_DECK}::{curated.title.replace('::', ':')}"
        questions = bank_selectors.questions_filtered(qfilter=qfilter, only_ids=ids)
    else:
        questions = bank_selectors.questions_filtered(qfilter=qfilter, only_ids=only_ids)
    questions = questions.prefetch_related(
        Prefetch("topics", queryset=Topic.objects.order_by("position", "name")), "key_points", "examples"
    )
    return AnkiSelection(root=root, cards=_cards(questions, url_for=url_for), css=pygments_css())

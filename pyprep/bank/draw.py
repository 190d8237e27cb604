"""A reproducible, topic-balanced draw of questions without near-duplicates; pure, no ORM.

Interview kits and mock interviews both need "n questions for this level": spread across topics (or weighted
towards some, such as a candidate's weak topics), never two that ask nearly the same thing, and the same
questions again for the same seed, so a kit's address can be shared and a resumed mock draws nothing new.
"""

from __future__ import annotations

import random
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

# Two questions whose titles share more than this fraction of their content words ask nearly the same thing.
NEAR_DUPLICATE = 0.5
_WORD_RE = re.compile(r"[a-z_][a-z0-9_]*")
_FILLER = frozenset(
    "a an and are as at be between can do does for from how in is it its of on or the to use what when "
    "which why with you your python".split()
)


@dataclass(frozen=True)
class Drawable:
    """What the draw needs to know about one question."""

    id: int
    title: str
    topics: tuple[str, ...]  # topic slugs, the main one first


def title_words(title: str) -> frozenset[str]:
    """The content words of a title, lower-cased, without interview filler."""
    return frozenset(word for word in _WORD_RE.findall(title.lower()) if word not in _FILLER)


def near_duplicates(a: Drawable, b: Drawable) -> bool:
    """Whether two questions ask nearly the same thing (their titles share most of their words)."""
    words_a, words_b = title_words(a.title), title_words(b.title)
    if not words_a or not words_b:
        return False
    return len(words_a & words_b) / len(words_a | words_b) > NEAR_DUPLICATE


def balanced_draw(
    pool: Sequence[Drawable],
    *,
    count: int,
    seed: int,
    topic_weights: Mapping[str, float] | None = None,
) -> list[Drawable]:
    """Up to count questions from the pool, the same ones for the same seed, spread across main topics.

    Each round takes the next question from the topic with the fewest picks per unit of weight (weight 1
    unless topic_weights says otherwise; a weak topic weighted 2 gets about twice the picks), skipping a
    question that nearly duplicates one already drawn. Fewer than count come back only when the pool runs
    out of questions that are not near-duplicates.
    """
    if count <= 0:
        return []
    rng = random.Random(seed)  # noqa: S311 -- reproducible shuffling, not a secret
    by_topic: dict[str, list[Drawable]] = {}
    for item in sorted(pool, key=lambda q: q.id):
        by_topic.setdefault(item.topics[0] if item.topics else "", []).append(item)
    for items in by_topic.values():
        rng.shuffle(items)
    order = sorted(by_topic)
    rng.shuffle(order)  # ties between equally served topics go a different way for each seed
    weights = {topic: max((topic_weights or {}).get(topic, 1.0), 0.01) for topic in order}
    picks = dict.fromkeys(order, 0)
    chosen: list[Drawable] = []
    while len(chosen) < count:
        open_topics = [topic for topic in order if by_topic[topic]]
        if not open_topics:
            break
        topic = min(open_topics, key=lambda t: (picks[t] / weights[t], -weights[t], order.index(t)))
        item = by_topic[topic].pop(0)
        if any(near_duplicates(item, other) for other in chosen):
            continue
        chosen.append(item)
        picks[topic] += 1
    return chosen

from __future__ import annotations

from collections import Counter

from pyprep.bank.draw import Drawable, balanced_draw, near_duplicates


def pool(per_topic: dict[str, int]) -> list[Drawable]:
    items: list[Drawable] = []
    for topic, n in per_topic.items():
        for i in range(n):
            items.append(Drawable(id=len(items) + 1, title=f"{topic} subject {i} number{i}", topics=(topic,)))
    return items


def test_the_same_seed_draws_the_same_questions_and_another_seed_others() -> None:
    questions = pool({"oop": 10, "concurrency": 10, "typing": 10})
    first = balanced_draw(questions, count=6, seed=7)
    assert first == balanced_draw(list(reversed(questions)), count=6, seed=7)
    assert {q.id for q in balanced_draw(questions, count=6, seed=8)} != {q.id for q in first}


def test_topics_are_served_in_turn() -> None:
    questions = pool({"oop": 10, "concurrency": 10, "typing": 10})
    drawn = balanced_draw(questions, count=6, seed=1)
    assert Counter(q.topics[0] for q in drawn) == {"oop": 2, "concurrency": 2, "typing": 2}


def test_a_weighted_topic_gets_more_of_the_questions() -> None:
    questions = pool({"oop": 10, "concurrency": 10, "typing": 10})
    drawn = balanced_draw(questions, count=8, seed=3, topic_weights={"concurrency": 2.0})
    assert Counter(q.topics[0] for q in drawn) == {"concurrency": 4, "oop": 2, "typing": 2}


def test_a_small_topic_runs_out_and_the_others_fill_the_draw() -> None:
    questions = pool({"oop": 1, "typing": 10})
    drawn = balanced_draw(questions, count=5, seed=2)
    assert Counter(q.topics[0] for q in drawn) == {"oop": 1, "typing": 4}


def test_near_duplicates_are_never_drawn_together() -> None:
    a = Drawable(id=1, title="What is the GIL in Python?", topics=("concurrency",))
    b = Drawable(id=2, title="What is the GIL?", topics=("internals",))
    c = Drawable(id=3, title="How do generators work?", topics=("iterators",))
    assert near_duplicates(a, b)
    assert not near_duplicates(a, c)
    drawn = balanced_draw([a, b, c], count=3, seed=0)
    assert len(drawn) == 2
    assert c in drawn


def test_a_draw_of_more_than_the_pool_returns_the_whole_pool() -> None:
    questions = pool({"oop": 2, "typing": 1})
    assert len(balanced_draw(questions, count=10, seed=0)) == 3
    assert balanced_draw(questions, count=0, seed=0) == []

"""The matcher gives no credit for noise: empty answers, "I don't know", the question copied, keyword lists."""

from __future__ import annotations

import pytest

from pyprep.practice.feedback import NOTICE_COPY, NOTICE_DONT_KNOW, NOTICE_EMPTY, NOTICE_LIST, match

QUESTION = "What is the difference between is and ==?"
POINTS = [
    "`==` compares values via `__eq__`; `is` compares object identity.",
    "`is` cannot be overridden and is the right test for None and other singletons.",
]


@pytest.mark.parametrize(
    ("answer", "notice"),
    [
        ("", NOTICE_EMPTY),
        ("   \n ", NOTICE_EMPTY),
        ("I don't know", NOTICE_DONT_KNOW),
        ("no idea, sorry", NOTICE_DONT_KNOW),
        ("What is the difference between is and ==?", NOTICE_COPY),
        ("== is identity value __eq__ singleton None overridden compares object", NOTICE_LIST),
    ],
)
def test_noise_covers_no_key_point_and_says_why(answer: str, notice: str) -> None:
    result = match(answer=answer, key_points=POINTS, question=QUESTION)
    assert result.covered_count == 0
    assert result.notice == notice


def test_a_real_answer_covers_the_point_it_states_and_not_the_other() -> None:
    answer = "== checks whether the values are equal by calling __eq__, while is checks object identity."
    result = match(answer=answer, key_points=POINTS, question=QUESTION)
    assert [point.covered for point in result.points] == [True, False]


def test_the_sentence_that_earned_a_point_is_highlighted_in_the_answer() -> None:
    answer = "Both are operators. is compares object identity and == compares values via __eq__."
    result = match(answer=answer, key_points=POINTS, question=QUESTION)
    highlighted = [text for text, mark in result.segments if mark]
    assert highlighted == ["is compares object identity and == compares values via __eq__."]
    assert result.points[0].evidence == highlighted[0]
    assert "".join(text for text, _ in result.segments) == answer


def test_the_same_answer_always_gets_the_same_verdict() -> None:
    answer = "is compares identity; == compares values with __eq__"
    first = match(answer=answer, key_points=POINTS, question=QUESTION)
    assert first == match(answer=answer, key_points=POINTS, question=QUESTION)
    restored = type(first).from_dict(first.to_dict())
    assert restored.points == first.points


@pytest.mark.parametrize(
    "answer",
    [
        "`is` checks object identity whereas `==` checks value equality through `__eq__`.",
        "is checks object identity whereas == checks values through __eq__.",
    ],
)
def test_a_terse_sentence_without_filler_is_not_a_keyword_list(answer: str) -> None:
    # Few structure words, no separators: a sentence still ends with a full stop or quotes code.
    result = match(answer=answer, key_points=POINTS, question=QUESTION)
    assert result.notice == ""
    assert result.points[0].covered


def test_a_keyword_list_ending_in_a_full_stop_is_still_a_list() -> None:
    answer = "identity, values, __eq__, singleton, None, overridden."
    result = match(answer=answer, key_points=POINTS, question=QUESTION)
    assert result.notice == NOTICE_LIST

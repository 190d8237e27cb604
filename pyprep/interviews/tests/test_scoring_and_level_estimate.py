"""Scores add up per question and topic, and the level estimate names its figures and threshold."""

from __future__ import annotations

from pyprep.interviews.scoring import Tally, level_estimate, tally, tally_by


def test_unscored_rows_count_as_rows_but_not_towards_the_maximum() -> None:
    result = tally([3, 2, None, 1])
    assert (result.points, result.scored, result.rows, result.maximum) == (6, 3, 4, 9)
    assert result.percent == 66.7
    assert result.average == 2.0


def test_nothing_scored_has_no_percentage() -> None:
    assert tally([None, None]).percent is None


def test_tallies_by_topic_keep_the_order_topics_first_appear_in() -> None:
    grouped = tally_by([("Objects", 3), ("Core", 0), ("Objects", 1)])
    assert [(key, t.points, t.scored) for key, t in grouped] == [("Objects", 4, 2), ("Core", 0, 1)]


def test_most_points_explained_meets_the_level_and_says_why() -> None:
    estimate = level_estimate(level="senior", overall=Tally(points=14, scored=7, rows=8))
    assert estimate.level == "senior"
    assert estimate.label == "Senior"
    assert "66.7%" in estimate.reasoning
    assert "55–80%" in estimate.reasoning


def test_a_strong_result_holds_the_level_and_suggests_the_next() -> None:
    estimate = level_estimate(level="mid", overall=Tally(points=27, scored=10, rows=10))
    assert (estimate.level, estimate.label) == ("mid", "Mid (strong)")
    assert "Senior" in estimate.reasoning


def test_a_weak_result_points_one_or_two_levels_down() -> None:
    assert level_estimate(level="senior", overall=Tally(points=12, scored=10, rows=10)).level == "mid"
    assert level_estimate(level="senior", overall=Tally(points=3, scored=10, rows=10)).level == "junior"


def test_a_weak_result_at_entry_has_nothing_lower_to_name() -> None:
    estimate = level_estimate(level="entry", overall=Tally(points=1, scored=10, rows=10))
    assert (estimate.level, estimate.label) == ("entry", "Below Entry")


def test_too_few_scored_rows_give_no_estimate() -> None:
    estimate = level_estimate(level="mid", overall=Tally(points=6, scored=2, rows=10))
    assert estimate.level == ""
    assert "2 of 10" in estimate.reasoning

"""The kit's pure parts: parameters, suggested times, rubric rows, the score sheet."""

from __future__ import annotations

import csv
import io

import pytest

from pyprep.bank.levels import neighbouring_levels
from pyprep.interviews.kit import (
    MAX_COUNT,
    WHOLE_ANSWER,
    KitOptions,
    KitParamError,
    kit_options,
    rubric_rows,
    suggested_minutes,
)
from pyprep.interviews.sheet import COLUMNS, SheetRow, sheet_csv, sheet_filename


def test_options_take_count_seed_and_challenge_from_the_query() -> None:
    options = kit_options({"count": "4", "seed": "42", "challenge": "1"}, levels=["senior"], topics=["core"])
    assert options == KitOptions(level="senior", count=4, topics=("core",), challenge=True, seed=42)


def test_a_missing_seed_stays_missing_so_the_view_can_add_one() -> None:
    assert kit_options({}, levels=["mid"], topics=[]).seed is None


@pytest.mark.parametrize("count", ["0", "16", "-1", "six", "3.5"])
def test_a_count_outside_one_to_fifteen_is_refused_with_the_range(count: str) -> None:
    with pytest.raises(KitParamError, match=f"from 1 to {MAX_COUNT}"):
        kit_options({"count": count}, levels=["mid"], topics=[])


@pytest.mark.parametrize("levels", [[], ["mid", "senior"]])
def test_a_kit_needs_exactly_one_level(levels: list[str]) -> None:
    with pytest.raises(KitParamError, match="exactly one level"):
        kit_options({}, levels=levels, topics=[])


def test_a_bad_seed_is_refused() -> None:
    with pytest.raises(KitParamError, match="seed"):
        kit_options({"seed": "x1"}, levels=["mid"], topics=[])


def test_the_querystring_round_trips_and_drops_empty_values() -> None:
    options = KitOptions(level="senior", count=3, topics=("a", "b"), seed=7)
    assert options.querystring() == "level=senior&count=3&topic=a%2Cb&seed=7"
    assert options.querystring(seed="") == "level=senior&count=3&topic=a%2Cb"


def test_deeper_levels_and_live_coding_get_more_time() -> None:
    assert suggested_minutes(level="entry", kind="concept") < suggested_minutes(
        level="expert", kind="concept"
    )
    assert suggested_minutes(level="mid", kind="challenge") > suggested_minutes(level="mid", kind="concept")


def test_a_question_without_key_points_is_scored_on_one_row_for_the_whole_answer() -> None:
    assert rubric_rows(["One.", " ", "Two."]) == ("One.", "Two.")
    assert rubric_rows([]) == (WHOLE_ANSWER,)


def test_adjacent_levels_stop_at_the_ends() -> None:
    assert neighbouring_levels("entry") == ("junior",)
    assert neighbouring_levels("mid") == ("junior", "senior")
    assert neighbouring_levels("expert") == ("senior",)


def test_the_sheet_has_the_columns_and_blank_scores_for_a_pen() -> None:
    text = sheet_csv([SheetRow(question="Q?", slug="q", level="mid", topic="Core", key_point="A point.")])
    rows = list(csv.reader(io.StringIO(text)))
    assert tuple(rows[0]) == COLUMNS
    assert rows[1] == ["Q?", "q", "mid", "Core", "A point.", "", ""]


def test_a_cell_a_spreadsheet_would_run_as_a_formula_is_defused() -> None:
    text = sheet_csv(
        [SheetRow(question="=cmd()", slug="q", level="mid", topic="", key_point="-1", notes="@x")]
    )
    assert list(csv.reader(io.StringIO(text)))[1][0::4] == ["'=cmd()", "'-1"]


def test_a_sheet_file_name_is_safe_for_a_header() -> None:
    assert sheet_filename("pyprep-kit", "senior", 'a"b c', "seed5") == "pyprep-kit-senior-a-b-c-seed5.csv"

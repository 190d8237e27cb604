"""The start form is read strictly: a level and a length the mock offers, or an error that says what is allowed."""

from __future__ import annotations

import pytest

from pyprep.mock.choices import BadChoice, levels_label, mock_request, widened


def test_a_valid_form_gives_the_level_length_and_challenge() -> None:
    request = mock_request({"level": "senior", "minutes": "45", "challenge": "1"})
    assert (request.level, request.minutes, request.with_challenge, request.widen) == (
        "senior",
        45,
        True,
        False,
    )
    assert request.levels == ("senior",)
    assert request.level_label == "Senior"


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"level": "guru", "minutes": "20"}, "Unknown level 'guru'"),
        ({"minutes": "20"}, "Unknown level (none)"),
        ({"level": "mid", "minutes": "twenty"}, "must be a number of minutes: 20, 30, 45"),
        ({"level": "mid", "minutes": "25"}, "lasts 20, 30, 45 minutes, not 25"),
        ({"level": "mid"}, "must be a number of minutes"),
    ],
)
def test_a_bad_form_is_refused_with_what_is_allowed(params: dict[str, str], message: str) -> None:
    with pytest.raises(BadChoice, match=message.replace("(", r"\(").replace(")", r"\)")):
        mock_request(params)


def test_widening_adds_the_neighbouring_levels() -> None:
    assert widened("mid") == ("junior", "mid", "senior")
    assert widened("entry") == ("entry", "junior")
    assert widened("expert") == ("senior", "expert")
    assert mock_request({"level": "mid", "minutes": "20", "widen": "1"}).levels == ("junior", "mid", "senior")


def test_levels_read_as_a_list_in_words() -> None:
    assert levels_label(("senior",)) == "Senior"
    assert levels_label(("senior", "expert")) == "Senior and Expert"
    assert levels_label(("mid", "senior", "expert")) == "Mid, Senior and Expert"

from __future__ import annotations

import pytest

from pyprep.bank.references import reference_label


@pytest.mark.parametrize(
    ("url", "label"),
    [
        ("https://peps.python.org/pep-0701/", "PEP 701"),
        ("https://peps.python.org/pep-0008", "PEP 8"),
        ("https://docs.python.org/3/library/heapq.html", "Python docs: heapq"),
        ("https://docs.python.org/3/library/heapq.html#heapq.heappush", "Python docs: heapq.heappush"),
        (
            "https://docs.python.org/3/reference/datamodel.html#object.__hash__",
            "Python docs: object.__hash__",
        ),
        (
            "https://docs.djangoproject.com/en/5.2/topics/signals/",
            "docs.djangoproject.com/en/5.2/topics/signals",
        ),
    ],
)
def test_a_reference_is_labelled_by_what_it_points_at(url: str, label: str) -> None:
    assert reference_label(url) == label

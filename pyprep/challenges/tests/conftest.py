from __future__ import annotations

from pyprep.challenges.tests.fixtures import challenge, make_content, sandbox  # noqa: F401 - fixtures

"""The practice app's own settings, read with defaults so the project settings need not name them."""

from __future__ import annotations

from django.conf import settings


def new_cards_per_day() -> int:
    """How many never-seen questions a person is given per day (PYPREP_NEW_CARDS_PER_DAY, default 20)."""
    return int(getattr(settings, "PYPREP_NEW_CARDS_PER_DAY", 20))


def default_session_length() -> int:
    return int(getattr(settings, "PYPREP_SESSION_LENGTH", 10))


MAX_SESSION_LENGTH = 50
# The most new questions per day an account may ask for on its settings page.
MAX_NEW_CARDS_PER_DAY = 500
# A typed answer or a private note is kept up to this many characters (the form's maxlength says the same).
MAX_TEXT_CHARS = 5000

"""Local development: DEBUG on, console email, static files from the app folders."""

from __future__ import annotations

from config.settings.base import *  # noqa: F403
from config.settings.base import env_bool

DEBUG = env_bool("DJANGO_DEBUG", True)

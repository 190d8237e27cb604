from __future__ import annotations

from django.apps import AppConfig


class MockConfig(AppConfig):
    name = "pyprep.mock"
    label = "mock"
    verbose_name = "Mock interviews"

    def ready(self) -> None:
        # An anonymous visitor's mocks move into the account they log in to or sign up with.
        from pyprep.mock import receivers  # noqa: F401

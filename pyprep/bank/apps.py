from __future__ import annotations

from django.apps import AppConfig


class BankConfig(AppConfig):
    name = "pyprep.bank"
    label = "bank"
    verbose_name = "Question bank"

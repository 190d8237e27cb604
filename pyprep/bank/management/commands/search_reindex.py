"""Rebuild the search indexes (lexical table and stored vectors) of every question, e.g. after a restore."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from pyprep.bank import search


class Command(BaseCommand):
    help = (
        "Rebuild the search indexes of every question (after restoring a database or editing rows by hand)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        count = search.index_rebuild()
        self.stdout.write(f"Search indexes rebuilt for {count} question(s).")

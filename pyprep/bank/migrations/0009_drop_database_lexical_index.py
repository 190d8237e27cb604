"""Lexical search is scored in memory (pyprep/bank/lexical.py) from the questions' own rows, so the database's
full-text tables (SQLite FTS5, PostgreSQL tsvector) are no longer written or read: drop them. Going back
recreates and refills them as 0007 did."""

from __future__ import annotations

import importlib

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps


def drop_tables(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS bank_question_fts")
    elif vendor == "postgresql":
        schema_editor.execute("DROP TABLE IF EXISTS bank_question_pgfts")


def recreate_tables(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    earlier = importlib.import_module("pyprep.bank.migrations.0007_question_asked_as")
    earlier.lexical_index_forward(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [("bank", "0008_question_docs_and_review")]

    operations = [migrations.RunPython(drop_tables, recreate_tables)]

"""The FTS5 table behind search on SQLite; PostgreSQL ranks with its own full-text search instead."""

from __future__ import annotations

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps


def create_fts(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS bank_question_fts USING fts5("
            "title, summary, key_points, answer, topics, tokenize = 'porter unicode61')"
        )


def drop_fts(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS bank_question_fts")


class Migration(migrations.Migration):
    dependencies = [("bank", "0001_initial")]
    operations = [migrations.RunPython(create_fts, drop_fts)]

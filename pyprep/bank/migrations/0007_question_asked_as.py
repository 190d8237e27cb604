"""Questions get "also asked as" phrasings and a dense search vector; the lexical index gains an asked_as column.

SQLite: the FTS5 table is rebuilt with an asked_as column. PostgreSQL: a stored, GIN-indexed tsvector per question
replaces ranking computed over every row at query time. Both are refilled here from the questions already stored.
"""

from __future__ import annotations

import django.db.models.deletion
from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

FTS_COLUMNS = "title, asked_as, summary, key_points, answer, topics"


def _documents(apps: StateApps) -> list[tuple[int, list[str]]]:
    question_model = apps.get_model("bank", "Question")
    rows = []
    for question in question_model.objects.prefetch_related("topics", "key_points"):
        rows.append(
            (
                question.pk,
                [
                    question.title,
                    question.asked_as,
                    question.summary,
                    "\n".join(point.text for point in question.key_points.all()),
                    question.answer,
                    " ".join(f"{t.slug} {t.name}" for t in question.topics.all()),
                ],
            )
        )
    return rows


def lexical_index_forward(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS bank_question_fts")
        schema_editor.execute(
            f"CREATE VIRTUAL TABLE bank_question_fts USING fts5({FTS_COLUMNS}, tokenize = 'porter unicode61')"
        )
        with schema_editor.connection.cursor() as cursor:
            for pk, doc in _documents(apps):
                cursor.execute(
                    f"INSERT INTO bank_question_fts (rowid, {FTS_COLUMNS}) VALUES (%s, %s, %s, %s, %s, %s, %s)",  # noqa: S608
                    [pk, *doc],
                )
    elif vendor == "postgresql":
        schema_editor.execute(
            # No foreign key: Django flushes (TRUNCATE) only its own tables, which a reference from this table would
            # block; searches join bank_question, so a row whose question is gone matches nothing.
            "CREATE TABLE bank_question_pgfts (question_id integer PRIMARY KEY, document tsvector NOT NULL)"
        )
        schema_editor.execute(
            "CREATE INDEX bank_question_pgfts_document ON bank_question_pgfts USING gin (document)"
        )
        with schema_editor.connection.cursor() as cursor:
            for pk, (title, asked_as, summary, key_points, answer, topics) in _documents(apps):
                cursor.execute(
                    "INSERT INTO bank_question_pgfts (question_id, document) VALUES (%s, "
                    "setweight(to_tsvector('english', %s), 'A') || setweight(to_tsvector('english', %s), 'B') "
                    "|| setweight(to_tsvector('english', %s), 'C') || setweight(to_tsvector('english', %s), 'D'))",
                    [pk, f"{title}\n{asked_as}", f"{summary}\n{key_points}", topics, answer],
                )


def lexical_index_backward(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS bank_question_fts")
        schema_editor.execute(
            "CREATE VIRTUAL TABLE bank_question_fts USING fts5("
            "title, summary, key_points, answer, topics, tokenize = 'porter unicode61')"
        )
    elif vendor == "postgresql":
        schema_editor.execute("DROP TABLE IF EXISTS bank_question_pgfts")


class Migration(migrations.Migration):
    dependencies = [("bank", "0006_question_rendered_html")]

    operations = [
        migrations.AddField(
            model_name="question",
            name="asked_as",
            field=models.TextField(
                blank=True,
                default="",
                help_text="Also asked as: other ways interviewers phrase this question, one per line "
                "(short, long, with identifiers, informal). Search weighs them like the title.",
            ),
        ),
        migrations.CreateModel(
            name="QuestionEmbedding",
            fields=[
                (
                    "question",
                    models.OneToOneField(
                        help_text="The question this vector represents.",
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="embedding",
                        serialize=False,
                        to="bank.question",
                    ),
                ),
                (
                    "vector",
                    models.BinaryField(
                        help_text="Unit-length float32 embedding of the question's title and phrasings."
                    ),
                ),
                (
                    "updated_at",
                    models.DateTimeField(
                        db_index=True,
                        help_text="When the vector was last computed; processes reload when it moves.",
                    ),
                ),
            ],
        ),
        migrations.RunPython(lexical_index_forward, lexical_index_backward),
    ]

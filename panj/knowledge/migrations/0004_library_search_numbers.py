import secrets

from django.db import migrations, models

import panj.knowledge.models.library


def number_items(apps, schema_editor):
    LibraryItem = apps.get_model("knowledge", "LibraryItem")
    for item in LibraryItem.objects.filter(search_number__isnull=True).only("id"):
        item.search_number = secrets.randbits(62)
        item.save(update_fields=["search_number"])


# SQLite only: the full-text table is keyed by the items' search numbers and kept current by
# the model, not by triggers (SQLite drops triggers when a migration rebuilds a table).
SQLITE_WORDS = [
    "DROP TRIGGER IF EXISTS knowledge_library_words_insert",
    "DROP TRIGGER IF EXISTS knowledge_library_words_update",
    "DROP TRIGGER IF EXISTS knowledge_library_words_delete",
    "DROP TABLE IF EXISTS knowledge_library_words",
    "CREATE VIRTUAL TABLE knowledge_library_words USING fts5("
    "words, tokenize='unicode61 remove_diacritics 0')",
    "INSERT INTO knowledge_library_words (rowid, words) "
    "SELECT search_number, search_text FROM knowledge_libraryitem",
]


def create_sqlite_words(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in SQLITE_WORDS:
            schema_editor.execute(statement)


def drop_sqlite_words(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS knowledge_library_words")


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0003_library_recent_and_sqlite_search"),
    ]

    operations = [
        migrations.AddField(
            model_name="libraryitem",
            name="search_number",
            field=models.BigIntegerField(editable=False, null=True),
        ),
        migrations.RunPython(number_items, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="libraryitem",
            name="search_number",
            field=models.BigIntegerField(
                default=panj.knowledge.models.library.new_search_number,
                editable=False,
                unique=True,
            ),
        ),
        migrations.AddIndex(
            model_name="libraryitem",
            index=models.Index(
                fields=[
                    "search_number",
                    "created_at",
                    "visibility",
                    "organisation",
                    "kind",
                    "language",
                    "topics",
                    "id",
                ],
                name="library_search_covering",
            ),
        ),
        migrations.RunPython(create_sqlite_words, drop_sqlite_words),
    ]

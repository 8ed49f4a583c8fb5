from django.db import migrations

# PostgreSQL only: the 'simple' tsvector of the search text, stored and GIN-indexed, so that a
# search walking the newest items checks each row without parsing its text again. SQLite uses
# its full-text table instead (migration 0004). Changing search_text's type later means
# dropping this column first.
POSTGRES_VECTOR = [
    "ALTER TABLE knowledge_libraryitem ADD COLUMN search_vector tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_text)) STORED",
    "CREATE INDEX library_search_vector ON knowledge_libraryitem USING gin (search_vector)",
    "DROP INDEX IF EXISTS library_search",
]
POSTGRES_VECTOR_DROP = [
    "CREATE INDEX IF NOT EXISTS library_search ON knowledge_libraryitem "
    "USING gin (to_tsvector('simple'::regconfig, search_text))",
    "DROP INDEX IF EXISTS library_search_vector",
    "ALTER TABLE knowledge_libraryitem DROP COLUMN IF EXISTS search_vector",
]


def add_vector(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in POSTGRES_VECTOR:
            schema_editor.execute(statement)


def drop_vector(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in POSTGRES_VECTOR_DROP:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0006_library_newest_covering_index"),
    ]

    operations = [
        migrations.RunPython(add_vector, drop_vector),
    ]

"""Library search over titles, summaries and tags in all five languages, on both databases.

PostgreSQL matches a stored, GIN-indexed 'simple' tsvector of the normalised search text
(a generated column, so it is current after every write); SQLite, the embedded
default, matches the same text in an FTS5 table keyed by the items' search numbers.
Both match every word of the query as the start of a word.
"""

from __future__ import annotations

from django.db import connection
from django.db.models import BigIntegerField, BooleanField, ExpressionWrapper, F
from django.db.models.expressions import RawSQL

from panj.knowledge.models import LibraryItemQuerySet
from panj.knowledge.vocabulary import search_words

MAX_WORDS = 8


def matching(items: LibraryItemQuerySet, query: str) -> LibraryItemQuerySet:
    """`items` whose text holds every word of `query`, each as the start of a word."""
    words = search_words(query)[:MAX_WORDS]
    if not words:
        return items
    if connection.vendor == "postgresql":
        # Words are letters and digits only, so they are safe inside a tsquery. The column is
        # PostgreSQL's alone (migration 0007), so the model does not name it.
        tsquery = " & ".join(f"{word}:*" for word in words)
        return items.filter(
            RawSQL(
                "knowledge_libraryitem.search_vector @@ to_tsquery('simple'::regconfig, %s)",
                (tsquery,),
                output_field=BooleanField(),
            )
        )
    # The statement is fixed and the words are bound: letters and digits only, each quoted.
    words_query = " AND ".join(f'"{word}"*' for word in words)
    # "+ 0" keeps SQLite from looking each match up by number and sorting them all: it walks
    # the newest-first covering index instead and stops at the end of the page.
    return items.alias(
        search_key=ExpressionWrapper(F("search_number") + 0, output_field=BigIntegerField())
    ).filter(
        search_key__in=RawSQL(
            "SELECT rowid FROM knowledge_library_words WHERE knowledge_library_words MATCH %s",
            (words_query,),
        )
    )

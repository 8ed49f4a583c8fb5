"""Library search over titles, summaries and tags in all five languages, on both databases.

PostgreSQL matches the 'simple' tsvector of the normalised search text (GIN-indexed by the
migration, so the expression here must stay the one indexed there); SQLite, the embedded
default, looks for each word inside the same normalised text.
"""

from __future__ import annotations

from django.db import connection
from django.db.models import BooleanField, F, Func, Value

from panj.knowledge.models import LibraryItemQuerySet
from panj.knowledge.vocabulary import search_words

MAX_WORDS = 8


class WordsMatch(Func):
    """`text @@ query` in PostgreSQL's 'simple' configuration, as the GIN index is built."""

    template = "to_tsvector('simple'::regconfig, %(expressions)s)"
    arg_joiner = ") @@ to_tsquery('simple'::regconfig, "
    output_field = BooleanField()


def matching(items: LibraryItemQuerySet, query: str) -> LibraryItemQuerySet:
    """`items` whose text holds every word of `query` (as a word prefix on PostgreSQL)."""
    words = search_words(query)[:MAX_WORDS]
    if not words:
        return items
    if connection.vendor == "postgresql":
        # Words are letters and digits only, so they are safe inside a tsquery.
        tsquery = " & ".join(f"{word}:*" for word in words)
        return items.filter(WordsMatch(F("search_text"), Value(tsquery)))
    for word in words:
        items = items.filter(search_text__contains=word)
    return items

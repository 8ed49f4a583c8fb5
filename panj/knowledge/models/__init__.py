"""The knowledge app's models, one module per part of it."""

from panj.knowledge.models.library import LibraryFile, LibraryItem, LibraryItemQuerySet
from panj.knowledge.models.news import NewsFeedToken, NewsPost, NewsQuerySet

__all__ = [
    "LibraryFile",
    "LibraryItem",
    "LibraryItemQuerySet",
    "NewsFeedToken",
    "NewsPost",
    "NewsQuerySet",
]

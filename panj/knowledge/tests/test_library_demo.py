"""The library and news of the demo network: several languages, public and members' news."""

from __future__ import annotations

from panj.directory.demo import load_demo_network
from panj.knowledge.demo import load_demo_library, load_demo_news
from panj.knowledge.models import LibraryItem, NewsPost
from panj.knowledge.search import matching


def test_it_builds_a_library_in_several_languages_and_news_once(db):
    load_demo_network()
    assert load_demo_library() == 6 and load_demo_news() == 3
    assert load_demo_library() == 0 and load_demo_news() == 0
    assert set(LibraryItem.objects.values_list("language", flat=True)) >= {"en", "prs", "tg", "ru"}
    assert LibraryItem.objects.public().count() == 2
    assert NewsPost.objects.public().get().place == "Kabul"
    assert matching(LibraryItem.objects.all(), "قاچاق").count() >= 2

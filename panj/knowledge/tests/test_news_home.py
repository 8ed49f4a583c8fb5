"""The home page shows the three latest news a member may read."""

from __future__ import annotations

from django.urls import reverse

from panj.knowledge.services.news import PostDetails, post_news


def test_it_shows_the_latest_three_news_on_the_home_page(client_for, ngo_af, alice, carol):
    for number in range(4):
        post_news(
            organisation=ngo_af,
            by=alice,
            details=PostDetails(title=f"News number {number}", lead="."),
        )
    body = client_for(carol).get(reverse("home")).content.decode()
    assert "News number 3" in body and "News number 1" in body
    assert "News number 0" not in body


def test_it_shows_no_news_panel_when_there_is_no_news(client_for, carol):
    body = client_for(carol).get(reverse("home")).content.decode()
    assert 'id="knowledge-panel"' not in body

"""News feeds: public posts in a public Atom feed, members' posts behind sign-in or a secret."""

from __future__ import annotations

import pytest
from django.urls import reverse

from panj.knowledge.models import NewsFeedToken
from panj.knowledge.services.news import PostDetails, post_news, renew_feed_token


@pytest.fixture
def posts(ngo_af, alice, iom_kabul, dave):
    post_news(
        organisation=ngo_af, by=alice, details=PostDetails(title="Members only", lead="Inside.")
    )
    post_news(
        organisation=iom_kabul,
        by=dave,
        details=PostDetails(title="Open workshop", lead="Out.", audience="public"),
    )


def test_it_gives_public_news_an_atom_feed(client, posts):
    response = client.get(reverse("public:news_feed"))
    body = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    assert "<feed" in body and "Open workshop" in body and "Members only" not in body


def test_it_gives_members_a_feed_behind_sign_in(client, client_for, carol, posts):
    assert client.get(reverse("knowledge:news_feed")).status_code == 302
    body = client_for(carol).get(reverse("knowledge:news_feed")).content.decode()
    assert "Members only" in body and "Open workshop" in body


def test_it_gives_a_feed_reader_a_secret_address(client, client_for, carol, posts):
    response = client_for(carol).post(reverse("knowledge:news_feed_address"))
    address = response.context["address"]
    assert "/public/news/members-feed/" in address
    path = address.split("testserver", 1)[1]
    assert "Members only" in client.get(path).content.decode()
    # Only a digest is stored, and a new address replaces the old one.
    token = path.rstrip("/").rsplit("/", 1)[1]
    assert not NewsFeedToken.objects.filter(digest=token).exists()
    renew_feed_token(user=carol)
    assert client.get(path).status_code == 404


def test_it_refuses_a_wrong_or_lapsed_secret(client, carol, posts):
    assert client.get(reverse("public:news_members_feed", args=["guess"])).status_code == 404
    token = renew_feed_token(user=carol)
    carol.memberships.update(is_active=False)
    assert client.get(reverse("public:news_members_feed", args=[token])).status_code == 404

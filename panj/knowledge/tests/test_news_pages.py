"""Network news: posting, editing by the author organisation or a coordinator, public pages."""

from __future__ import annotations

import pytest
from django.urls import reverse

from panj.knowledge.models import NewsPost
from panj.knowledge.services.news import PostDetails, post_news

PRESS_RELEASE = {
    "title": "NGOs from both banks of the Panj meet in Kabul",
    "lead": "Ten organisations agreed to work together against trafficking.",
    "body": "First paragraph.\n\nSecond paragraph with <b>no</b> markup.",
    "place": "Kabul",
    "contact": "IOM Kabul press office",
    "audience": "public",
}


@pytest.fixture
def members_post(ngo_af, alice):
    return post_news(
        organisation=ngo_af,
        by=alice,
        details=PostDetails(title="Staff training next week", lead="For members."),
    )


@pytest.fixture
def public_post(iom_kabul, dave):
    return post_news(
        organisation=iom_kabul,
        by=dave,
        details=PostDetails(title="Workshop in Kabul", lead="A public lead.", audience="public"),
    )


def test_it_posts_news_for_the_authors_organisation(client_for, dave, iom_kabul):
    response = client_for(dave).post(reverse("knowledge:news_new"), PRESS_RELEASE)
    post = NewsPost.objects.get()
    assert response.status_code == 302
    assert post.organisation == iom_kabul and post.is_public
    assert post.paragraphs() == ["First paragraph.", "Second paragraph with <b>no</b> markup."]


def test_it_shows_the_body_as_text_never_as_html(client_for, dave, carol):
    client_for(dave).post(reverse("knowledge:news_new"), PRESS_RELEASE)
    post = NewsPost.objects.get()
    body = client_for(carol).get(reverse("knowledge:news_post", args=[post.id])).content.decode()
    assert "&lt;b&gt;no&lt;/b&gt;" in body and "<b>no</b>" not in body


def test_it_refuses_posting_to_a_read_only_role(client_for, vera):
    client = client_for(vera)
    assert client.get(reverse("knowledge:news_new")).status_code == 403
    assert client.post(reverse("knowledge:news_new"), PRESS_RELEASE).status_code == 403
    assert client.get(reverse("knowledge:news")).status_code == 200


def test_it_shows_members_news_to_every_member(client_for, carol, vera, members_post, public_post):
    for member in (carol, vera):
        response = client_for(member).get(reverse("knowledge:news"))
        assert {post.title for post in response.context["page"]} == {
            "Staff training next week",
            "Workshop in Kabul",
        }


def test_it_lets_the_author_organisation_and_coordinators_edit(
    client_for, bob, dave, carol, members_post
):
    edit = reverse("knowledge:news_edit", args=[members_post.id])
    changed = PRESS_RELEASE | {"audience": "members"}
    assert client_for(bob).post(edit, changed).status_code == 302
    assert (
        client_for(dave).post(edit, changed | {"title": "Edited by the coordinator"}).status_code
        == 302
    )
    members_post.refresh_from_db()
    assert members_post.title == "Edited by the coordinator"
    assert client_for(carol).get(edit).status_code == 404
    assert (
        client_for(carol).post(reverse("knowledge:news_delete", args=[members_post.id])).status_code
        == 404
    )


def test_it_removes_a_post(client_for, alice, members_post):
    response = client_for(alice).post(reverse("knowledge:news_delete", args=[members_post.id]))
    assert response.status_code == 302
    assert not NewsPost.objects.exists()


def test_it_refuses_the_wrong_method(client_for, alice, members_post):
    client = client_for(alice)
    assert client.post(reverse("knowledge:news")).status_code == 405
    assert client.post(reverse("knowledge:news_post", args=[members_post.id])).status_code == 405
    assert client.get(reverse("knowledge:news_delete", args=[members_post.id])).status_code == 405
    assert client.post(reverse("knowledge:news_feed")).status_code == 405


def test_it_shows_only_public_news_without_sign_in(client, members_post, public_post):
    response = client.get(reverse("public:news"))
    assert [post.title for post in response.context["page"]] == ["Workshop in Kabul"]
    assert client.get(reverse("public:news_post", args=[public_post.id])).status_code == 200
    assert client.get(reverse("public:news_post", args=[members_post.id])).status_code == 404


def test_it_lists_news_in_a_few_queries(client_for, alice, ngo_af, django_assert_max_num_queries):
    for number in range(25):
        post_news(
            organisation=ngo_af, by=alice, details=PostDetails(title=f"News {number}", lead="Lead.")
        )
    client = client_for(alice)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("knowledge:news"))
    assert len(response.context["page"].object_list) == 20

"""Library pages: adding, editing and removing items; read-only roles; methods; query counts."""

from __future__ import annotations

from django.urls import reverse

from panj.knowledge.models import LibraryItem
from panj.knowledge.tests.library_samples import item

NEW_ITEM = {
    "kind": "procedure",
    "title_en": "Referral procedure across the Panj",
    "title_prs": "طرز العمل راجع ساختن",
    "summary_en": "Steps for a cross-border referral.",
    "language": "prs",
    "topics": ["referral", "cross_border"],
    "tags": "Ishkashim, Darwaz",
    "visibility": "network",
    "link": "https://example.org/sop",
}


def test_it_adds_an_item_for_the_uploaders_organisation(client_for, alice, ngo_af):
    response = client_for(alice).post(reverse("knowledge:library_new"), NEW_ITEM)
    added = LibraryItem.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("knowledge:library_item", args=[added.id])
    assert added.organisation == ngo_af and added.created_by == alice
    assert added.topics == ["referral", "cross_border"]
    assert added.tag_list() == ["Ishkashim", "Darwaz"]
    assert "ishkashim" in added.search_text and "راجع" in added.search_text


def test_it_asks_for_a_title_and_a_file_or_link(client_for, alice):
    response = client_for(alice).post(
        reverse("knowledge:library_new"),
        {"kind": "research", "language": "en", "visibility": "network"},
    )
    assert response.status_code == 200
    errors = response.context["form"].non_field_errors()
    assert any("title" in error for error in errors)
    assert not LibraryItem.objects.exists()


def test_it_refuses_adding_to_a_read_only_role(client_for, vera):
    client = client_for(vera)
    assert client.get(reverse("knowledge:library_new")).status_code == 403
    assert client.post(reverse("knowledge:library_new"), NEW_ITEM).status_code == 403
    assert "Add to the library" not in client.get(reverse("knowledge:library")).content.decode()


def test_it_saves_an_edit_and_keeps_the_search_text_current(client_for, alice, bob, ngo_af):
    existing = item(ngo_af, alice)
    response = client_for(bob).post(
        reverse("knowledge:library_edit", args=[existing.id]),
        NEW_ITEM | {"title_en": "Renamed SOP"},
    )
    assert response.status_code == 302
    existing.refresh_from_db()
    assert existing.title_en == "Renamed SOP" and "renamed" in existing.search_text


def test_it_removes_an_item(client_for, alice, ngo_af):
    existing = item(ngo_af, alice)
    response = client_for(alice).post(reverse("knowledge:library_delete", args=[existing.id]))
    assert response.status_code == 302
    assert not LibraryItem.objects.exists()


def test_it_refuses_the_wrong_method(client_for, alice, ngo_af):
    existing = item(ngo_af, alice)
    client = client_for(alice)
    assert client.post(reverse("knowledge:library")).status_code == 405
    assert client.post(reverse("knowledge:library_item", args=[existing.id])).status_code == 405
    assert client.get(reverse("knowledge:library_delete", args=[existing.id])).status_code == 405
    assert client.put(reverse("knowledge:library_new")).status_code == 405


def test_it_lists_a_page_in_a_few_queries(client_for, alice, ngo_af, django_assert_max_num_queries):
    for number in range(30):
        item(ngo_af, alice, titles={"en": f"Item {number}"}, topics=["training"])
    client = client_for(alice)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("knowledge:library"), {"q": "item", "topic": "training"})
    assert len(response.context["items"]) == 20


def test_it_shows_the_index_with_the_library_and_news(client_for, vera):
    response = client_for(vera).get(reverse("knowledge:index"))
    assert response.status_code == 200
    body = response.content.decode()
    assert reverse("knowledge:library") in body and reverse("knowledge:news") in body
    assert client_for(vera).post(reverse("knowledge:index")).status_code == 405


def test_it_shows_the_library_right_to_left_with_the_dari_title_in_dari(client_for, alice, ngo_af):
    item(ngo_af, alice, titles={"en": "Referral guide", "prs": "رهنمود راجع ساختن"})
    client = client_for(alice)
    client.cookies["django_language"] = "prs"
    body = client.get(reverse("knowledge:library")).content.decode()
    assert 'dir="rtl"' in body and "رهنمود راجع ساختن" in body
    client.cookies["django_language"] = "tg"
    assert "Referral guide" in client.get(reverse("knowledge:library")).content.decode()

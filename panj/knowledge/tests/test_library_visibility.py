"""Who sees a library item: its organisation, the network, or everyone."""

from __future__ import annotations

import pytest
from django.urls import reverse

from panj.knowledge.tests.library_samples import item


@pytest.fixture
def items(ngo_af, alice):
    return {
        "organisation": item(
            ngo_af, alice, visibility="organisation", titles={"en": "Internal SOP"}
        ),
        "network": item(ngo_af, alice, visibility="network", titles={"en": "Network guideline"}),
        "public": item(ngo_af, alice, visibility="public", titles={"en": "Public leaflet"}),
    }


def listed(client, name: str = "knowledge:library") -> set[str]:
    return {found.title for found in client.get(reverse(name)).context["items"]}


def test_it_shows_an_organisation_item_only_to_its_organisation(
    client_for, items, vera, carol, dave
):
    own = items["organisation"]
    assert client_for(vera).get(reverse("knowledge:library_item", args=[own.id])).status_code == 200
    for stranger in (carol, dave):
        client = client_for(stranger)
        assert client.get(reverse("knowledge:library_item", args=[own.id])).status_code == 404
        assert "Internal SOP" not in listed(client)


def test_it_shows_network_and_public_items_to_every_member(client_for, items, carol):
    assert listed(client_for(carol)) == {"Network guideline", "Public leaflet"}
    response = client_for(carol).get(reverse("knowledge:library_item", args=[items["network"].id]))
    assert response.status_code == 200


def test_it_shows_only_public_items_on_the_public_page(client, items):
    assert listed(client, "public:library") == {"Public leaflet"}
    assert client.get(reverse("public:library_item", args=[items["public"].id])).status_code == 200
    for hidden in ("organisation", "network"):
        assert (
            client.get(reverse("public:library_item", args=[items[hidden].id])).status_code == 404
        )


def test_it_lets_only_the_author_organisation_edit(client_for, items, bob, carol, dave):
    network = items["network"]
    edit = reverse("knowledge:library_edit", args=[network.id])
    assert client_for(bob).get(edit).status_code == 200
    for stranger in (carol, dave):
        assert client_for(stranger).get(edit).status_code == 404
        assert (
            client_for(stranger)
            .post(reverse("knowledge:library_delete", args=[network.id]))
            .status_code
            == 404
        )


def test_it_refuses_a_foreign_organisations_file(client_for, items, carol, tmp_path):
    from panj.knowledge.models import LibraryFile

    stored = LibraryFile.objects.create(
        item=items["organisation"],
        file="knowledge/library/x",
        name="x.pdf",
        content_type="application/pdf",
        size=1,
    )
    url = reverse("knowledge:library_file", args=[items["organisation"].id, stored.id])
    assert client_for(carol).get(url).status_code == 404
    # Nor through the public page, nor by pairing the file with another item.
    assert (
        client_for(carol)
        .get(reverse("public:library_file", args=[items["public"].id, stored.id]))
        .status_code
        == 404
    )
    assert (
        client_for(carol)
        .get(reverse("knowledge:library_file", args=[items["network"].id, stored.id]))
        .status_code
        == 404
    )

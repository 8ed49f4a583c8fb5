"""Open data without sign-in: published releases only, read-only."""

from __future__ import annotations

import pytest
from django.urls import reverse

from panj.stats import services
from panj.stats.tests.conftest import OPTIONS


@pytest.fixture
def draft(frank, iom_kabul, network_cases):
    return services.build_release(organisation=iom_kabul, by=frank, options=OPTIONS)


def test_it_lists_published_releases_to_anyone(client, draft, dave):
    assert draft.title not in client.get(reverse("open_data:list")).content.decode()
    services.publish_release(release=draft, by=dave)
    response = client.get(reverse("open_data:list"))
    assert response.status_code == 200
    assert draft.title in response.content.decode()


def test_it_keeps_drafts_off_the_public_pages(client, draft):
    assert client.get(reverse("open_data:release", args=[draft.id])).status_code == 404
    assert client.get(reverse("open_data:file", args=[draft.id, "gender.csv"])).status_code == 404


def test_it_shows_the_release_page_with_its_method_and_downloads(client, draft, dave):
    services.publish_release(release=draft, by=dave)
    body = client.get(reverse("open_data:release", args=[draft.id])).content.decode()
    assert "Small-cell suppression" in body
    assert reverse("open_data:file", args=[draft.id, "tables.xlsx"]) in body
    assert "Consenting cases counted" not in body


def test_it_serves_files_as_attachments(client, draft, dave):
    services.publish_release(release=draft, by=dave)
    response = client.get(reverse("open_data:file", args=[draft.id, "gender.csv"]))
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"] == 'attachment; filename="gender.csv"'
    assert client.get(reverse("open_data:file", args=[draft.id, "nothing.csv"])).status_code == 404


@pytest.mark.parametrize("name", ["open_data:list", "open_data:release", "open_data:file"])
def test_it_is_read_only(client, draft, dave, name):
    services.publish_release(release=draft, by=dave)
    args = {"open_data:list": [], "open_data:release": [draft.id]}.get(
        name, [draft.id, "gender.csv"]
    )
    assert client.post(reverse(name, args=args)).status_code == 405

"""An event's documents are library items: linked by organisers, shown only to who may read them."""

from __future__ import annotations

import pytest
from django.urls import reverse

from panj.knowledge.services.library import ItemDetails, add_library_item
from panj.knowledge.tests.joint_work import new_event
from panj.knowledge.tests.test_events_pages import NEW_EVENT

pytestmark = pytest.mark.django_db


def _item(organisation, title: str, visibility: str):
    return add_library_item(
        organisation=organisation,
        by=None,
        details=ItemDetails(
            kind="training",
            language="en",
            titles={"en": title},
            visibility=visibility,
            link="https://example.org/doc",
        ),
    )


def test_it_links_network_documents_to_an_event(client_for, ngo_af, bob, carol):
    event = new_event(ngo_af)
    slides = _item(ngo_af, "Workshop slides", "network")
    url = reverse("knowledge:event_edit", args=[event.id])
    assert client_for(bob).post(url, NEW_EVENT | {"documents": [slides.id]}).status_code == 302
    body = client_for(carol).get(reverse("knowledge:event", args=[event.id])).content.decode()
    assert "Workshop slides" in body
    assert reverse("knowledge:library_item", args=[slides.id]) in body


def test_it_refuses_to_link_a_document_only_its_organisation_may_read(client_for, ngo_af, bob):
    event = new_event(ngo_af)
    internal = _item(ngo_af, "Internal notes", "organisation")
    url = reverse("knowledge:event_edit", args=[event.id])
    assert client_for(bob).post(url, NEW_EVENT | {"documents": [internal.id]}).status_code == 200
    assert not event.documents.exists()


def test_it_hides_a_linked_document_that_became_internal(client_for, ngo_af, alice, carol):
    event = new_event(ngo_af)
    item = _item(ngo_af, "Draft agenda", "network")
    event.documents.add(item)
    item.visibility = "organisation"
    item.save(update_fields=["visibility"])
    url = reverse("knowledge:event", args=[event.id])
    assert "Draft agenda" in client_for(alice).get(url).content.decode()
    assert "Draft agenda" not in client_for(carol).get(url).content.decode()

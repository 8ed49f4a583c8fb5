"""The demo loader leaves one check request waiting for KFPO's admin, once."""

from __future__ import annotations

import pytest
from django.urls import reverse

from panj.accounts.models import User
from panj.linkage.demo import load_demo
from panj.linkage.models import CheckRequest


@pytest.mark.django_db
def test_it_loads_one_waiting_request_once(client):
    from panj.directory.demo import load_demo_network

    load_demo_network()
    assert "waits for KFPO" in (load_demo() or "")
    check = CheckRequest.objects.get()
    assert (check.organisation.slug, check.other_organisation.slug) == ("nur-khorog", "kfpo")
    assert check.status == CheckRequest.Status.PENDING
    assert load_demo() is None
    assert CheckRequest.objects.count() == 1
    client.force_login(User.objects.get(email="kfpo-admin@demo.panj.org"))
    home = client.get(reverse("home")).content.decode()
    assert "1 request for a duplicate check waits for your answer" in home

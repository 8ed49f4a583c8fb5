"""The demo loader builds agreements and referrals through the services, once."""

from __future__ import annotations

import pytest

from panj.referrals.demo import load_demo
from panj.referrals.models import Agreement, Referral


@pytest.mark.django_db
def test_it_loads_the_demo_once():
    from panj.cases.demo import load_demo_cases
    from panj.directory.demo import load_demo_network

    load_demo_network()
    load_demo_cases()
    assert "referrals added" in (load_demo() or "")
    assert Agreement.objects.count() == 3
    statuses = set(Referral.objects.values_list("status", flat=True))
    assert statuses == {"delivered", "declined", "awaiting_approval"}
    assert load_demo() is None
    assert Referral.objects.count() == 3

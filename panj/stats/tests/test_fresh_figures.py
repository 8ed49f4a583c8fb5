"""Dashboards computed from the database on each request: few queries, medians per referral."""

from __future__ import annotations

import datetime
import uuid

from django.urls import reverse
from django.utils import timezone

from panj.referrals.models import Referral
from panj.referrals.tests.conftest import (  # noqa: F401  (fixtures)
    agreement,
    draft,
    referred_case,
    sent,
    shelter_tj,
)
from panj.stats import figures
from panj.stats.dashboards import forget_cached_figures


def test_it_computes_the_network_dashboard_afresh_in_a_fixed_number_of_queries(
    client_for, dave, network_cases, django_assert_max_num_queries
):
    client = client_for(dave)
    client.get(reverse("stats:network"))
    forget_cached_figures()
    with django_assert_max_num_queries(30):
        assert client.get(reverse("stats:network")).status_code == 200


def test_it_computes_the_organisation_dashboard_afresh_in_a_fixed_number_of_queries(
    client_for, alice, network_cases, django_assert_max_num_queries
):
    client = client_for(alice)
    client.get(reverse("stats:organisation"))
    forget_cached_figures()
    with django_assert_max_num_queries(30):
        assert client.get(reverse("stats:organisation")).status_code == 200


def test_it_takes_the_median_time_to_accept_over_single_referrals(request, ngo_af):
    referral = request.getfixturevalue("sent")
    answered = timezone.now()
    for hours in (1, 2, 30):
        copy = Referral.objects.get(pk=referral.pk)
        copy.pk = uuid.uuid4()
        copy.save(force_insert=True)
        Referral.objects.filter(pk=copy.pk).update(
            sent_at=answered - datetime.timedelta(hours=hours),
            answered_at=answered,
            decline_reason="",
        )
    Referral.objects.filter(pk=referral.pk).delete()
    found = figures.referral_statistics([ngo_af.id])
    assert found is not None
    assert found.median_hours == {"within": None, "across": 2.0}

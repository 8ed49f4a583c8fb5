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


def test_it_counts_the_same_cases_as_the_consents_say_whatever_their_dates(
    network_cases, ngo_af, alice, monkeypatch
):
    from panj.cases import services
    from panj.cases.models import Case, Consent
    from panj.stats.tests.conftest import many_cases

    today = timezone.localdate()
    day = datetime.timedelta(days=1)
    dated = many_cases(ngo_af, 3, statistics=False)
    for case, (given, expires) in zip(
        dated, [(-10, 10), (-10, -2), (5, None)], strict=True
    ):  # current, expired, to come
        services.give_consent(
            case=case,
            by=alice,
            purpose=Consent.Purpose.STATISTICS,
            given_by=Consent.GivenBy.PERSON,
            method=Consent.Method.VERBAL,
            given_on=today + given * day,
            expires_on=today + expires * day if expires is not None else None,
        )
    expected = set(
        Case.objects.with_consent(Consent.Purpose.STATISTICS).values_list("id", flat=True)
    )
    assert dated[0].id in expected and len(expected) == 30 + 3 + 14 + 1
    assert set(figures.network_cases().values_list("id", flat=True)) == expected
    monkeypatch.setattr(figures, "DATED_BY_KEY", 0)  # too many to name: checked by the query
    assert set(figures.network_cases().values_list("id", flat=True)) == expected

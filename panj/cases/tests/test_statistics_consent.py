"""The consent to statistics kept on the case: the same cases as the consents themselves say."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from panj.cases import services
from panj.cases.models import Case, Consent, StatisticsConsent
from panj.cases.tests.conftest import new_case

TODAY = timezone.localdate


def give(case, by, *, given_on=None, expires_on=None) -> Consent:
    return services.give_consent(
        case=case,
        by=by,
        purpose=Consent.Purpose.STATISTICS,
        given_by=Consent.GivenBy.PERSON,
        method=Consent.Method.VERBAL,
        given_on=given_on or TODAY(),
        expires_on=expires_on,
    )


def counted() -> set:
    return set(Case.objects.counted_in_statistics().values_list("id", flat=True))


def with_consent() -> set:
    return set(Case.objects.with_consent(Consent.Purpose.STATISTICS).values_list("id", flat=True))


def test_it_marks_a_case_registered_with_consent_to_statistics(ngo_af, alice):
    agreed = new_case(ngo_af, alice, consents=("assistance", "statistics"))
    refused = new_case(ngo_af, alice, family="Karimi")
    agreed.refresh_from_db()
    refused.refresh_from_db()
    assert agreed.statistics_consent == StatisticsConsent.OPEN
    assert refused.statistics_consent == StatisticsConsent.NONE
    assert counted() == with_consent() == {agreed.id}


def test_it_stops_counting_a_case_when_its_consent_is_withdrawn(ngo_af, alice):
    case = new_case(ngo_af, alice)
    consent = give(case, alice)
    assert counted() == {case.id}
    services.withdraw_consent(consent=consent, by=alice)
    case.refresh_from_db()
    assert case.statistics_consent == StatisticsConsent.NONE
    assert counted() == with_consent() == set()


@pytest.mark.parametrize(
    ("given_days", "expires_days", "is_counted"),
    [(-10, 5, True), (-10, -1, False), (3, None, False), (-10, 0, True)],
)
def test_it_checks_the_dates_of_a_consent_with_an_end_or_a_start_to_come(
    ngo_af, alice, given_days, expires_days, is_counted
):
    case = new_case(ngo_af, alice)
    day = datetime.timedelta(days=1)
    give(
        case,
        alice,
        given_on=TODAY() + given_days * day,
        expires_on=TODAY() + expires_days * day if expires_days is not None else None,
    )
    assert counted() == with_consent() == ({case.id} if is_counted else set())


def test_it_counts_a_dated_consent_only_while_it_is_current(ngo_af, alice, monkeypatch):
    case = new_case(ngo_af, alice)
    give(case, alice, expires_on=TODAY() + datetime.timedelta(days=5))
    case.refresh_from_db()
    assert case.statistics_consent == StatisticsConsent.DATED
    assert counted() == {case.id}
    later = TODAY() + datetime.timedelta(days=6)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: later)
    assert counted() == with_consent() == set()


def test_it_recomputes_every_case_from_the_consents(ngo_af, alice):
    case = new_case(ngo_af, alice, consents=("assistance", "statistics"))
    Case.objects.update(statistics_consent=StatisticsConsent.NONE)
    assert services.refresh_statistics_consent() == 1
    assert counted() == {case.id}

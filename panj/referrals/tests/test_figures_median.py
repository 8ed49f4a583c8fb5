"""The median time to accept a referral, over the referrals themselves."""

from __future__ import annotations

import datetime
import uuid

from django.utils import timezone

from panj.referrals.figures import median_hours_to_accept
from panj.referrals.models import Referral


def _copy(referral: Referral, *, hours: float | None, declined: bool = False) -> Referral:
    """Another referral like `referral`, sent `hours` before its answer (None: unanswered)."""
    copy = Referral.objects.get(pk=referral.pk)
    copy.pk = uuid.uuid4()
    copy.save(force_insert=True)
    answered = timezone.now()
    Referral.objects.filter(pk=copy.pk).update(
        sent_at=answered - datetime.timedelta(hours=hours or 1),
        answered_at=answered if hours is not None else None,
        decline_reason="no_capacity" if declined else "",
    )
    return copy


def test_it_takes_the_median_over_single_referrals_not_over_pairs(sent, ngo_af, ngo_tj):
    # One pair of organisations, three accepted referrals: 1 h, 2 h and 30 h.
    for hours in (1, 2, 30):
        _copy(sent, hours=hours)
    Referral.objects.filter(pk=sent.pk).delete()
    assert median_hours_to_accept() == 2.0
    assert median_hours_to_accept(organisation_ids=[ngo_tj.id]) == 2.0


def test_it_leaves_out_declined_and_unanswered_referrals(sent):
    _copy(sent, hours=4)
    _copy(sent, hours=100, declined=True)
    _copy(sent, hours=None)
    Referral.objects.filter(pk=sent.pk).delete()
    assert median_hours_to_accept() == 4.0


def test_it_filters_by_organisation_date_and_border(sent, iom_kabul):
    _copy(sent, hours=6)
    Referral.objects.filter(pk=sent.pk).delete()
    today = timezone.localdate()
    assert median_hours_to_accept(organisation_ids=[iom_kabul.id]) is None
    assert median_hours_to_accept(since=today + datetime.timedelta(days=1)) is None
    assert median_hours_to_accept(until=today) == 6.0
    assert median_hours_to_accept(cross_border=True) == 6.0
    assert median_hours_to_accept(cross_border=False) is None


def test_it_has_no_median_without_referrals(db):
    assert median_hours_to_accept() is None
